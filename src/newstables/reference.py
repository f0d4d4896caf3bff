"""Reference statistics: the sourced CSV files in data/reference and the series catalogue.

``load_reference(name)`` reads one CSV and refuses any row without a source.
``series(key)`` gives a catalogued series (lexicons/reference_series.json) as a tidy
table: one row per period, the preferred row when sources or vintages compete.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from newstables import paths
from newstables.errors import NewstablesError
from newstables.lexicon import load_json
from newstables.periods import MONTHS, month_end, quarter_span

SOURCE_COLUMNS = ("source_url", "source_title", "source_kind")
SOURCE_KINDS = ("official", "press", "other")
SERIES_COLUMNS = [
    "period", "value", "unit", "source_kind", "source_url", "source_title", "confidence", "notes",
    "start", "end", "variant", "row",
]
CATALOGUE_PATH = paths.LEXICONS / "reference_series.json"

_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A date inside free text: "22 Dec 2022", "end Jul 2022", "May 2022", "end 2022", "2022".
_TEXT_DATE = re.compile(
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH_RE})\s+(?P<year>(?:19|20)\d\d)\b"
    r"|(?<![\d-])(?P<yonly>(?:19|20)\d\d)(?![\d-])",
    re.IGNORECASE,
)
_ISO_PART = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


# ---------------------------------------------------------------------------------------
# Files


def _folder(folder: str | Path | None) -> Path:
    return Path(folder) if folder is not None else paths.REFERENCE


def available(folder: str | Path | None = None) -> list[str]:
    """Names (CSV stems) of the reference files in ``folder``."""
    return sorted(p.stem for p in _folder(folder).glob("*.csv"))


@lru_cache(maxsize=64)
def _load(path: Path) -> pd.DataFrame:
    if not path.exists():
        names = ", ".join(available(path.parent)) or "none"
        raise NewstablesError(f"reference file not found: {path.name} (available: {names})")
    try:
        df = pd.read_csv(path, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise NewstablesError(f"{path.name}: not a readable UTF-8 CSV ({exc})") from None
    missing = [c for c in SOURCE_COLUMNS if c not in df.columns]
    if missing:
        raise NewstablesError(f"{path.name}: no {' or '.join(missing)} column; every row needs"
                              " a source")
    for column in SOURCE_COLUMNS:
        empty = df[column].isna() | (df[column].astype(str).str.strip() == "")
        if empty.any():
            row = int(empty.to_numpy().argmax()) + 1
            raise NewstablesError(
                f"{path.name}, row {row} (line {row + 1}): no source — {column} is empty;"
                " every reference row needs source_url, source_title and source_kind"
            )
    bad = ~df["source_kind"].astype(str).isin(SOURCE_KINDS)
    if bad.any():
        row = int(bad.to_numpy().argmax()) + 1
        raise NewstablesError(
            f"{path.name}, row {row} (line {row + 1}): source_kind is"
            f" {df['source_kind'].iloc[row - 1]!r}; it must be one of {', '.join(SOURCE_KINDS)}"
        )
    return df


def load_reference(name: str, folder: str | Path | None = None) -> pd.DataFrame:
    """The reference CSV ``<name>.csv`` (cached); raises if any row lacks a source."""
    stem = Path(str(name)).stem
    return _load((_folder(folder) / f"{stem}.csv").resolve()).copy()


# ---------------------------------------------------------------------------------------
# Catalogue


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, Any]:
    return load_json(CATALOGUE_PATH.name)


def catalogue() -> dict[str, Any]:
    """The whole catalogue (series, geographies, hedges, ...); do not modify it."""
    return _catalogue()


def series_keys() -> list[str]:
    """Keys of all catalogued series, in catalogue order."""
    return list(_catalogue()["series"])


def spec(key: str) -> dict[str, Any]:
    """The catalogue entry of series ``key`` with the catalogue defaults filled in."""
    entries = _catalogue()["series"]
    if key not in entries:
        raise NewstablesError(f"unknown reference series {key!r}; known: {', '.join(entries)}")
    merged = dict(_catalogue()["defaults"])
    merged.update(entries[key])
    # Official sources first, then what the series prefers, then confidence.
    merged["prefer"] = {"source_kind": list(SOURCE_KINDS), **entries[key].get("prefer", {}),
                        **_catalogue()["defaults"]["prefer"]}
    merged["key"] = key
    return merged


# ---------------------------------------------------------------------------------------
# Periods of reference rows


def text_end_date(text: str) -> dt.date | None:
    """The last date named in a free-text period ("2016-~16 Aug 2022" -> 2022-08-16)."""
    found = None
    for m in _TEXT_DATE.finditer(str(text)):
        if m.group("yonly"):
            found = dt.date(int(m.group("yonly")), 12, 31)
            continue
        year, month = int(m.group("year")), MONTHS.get(m.group("month").lower().rstrip("."))
        if month is None:
            continue
        day = m.group("day")
        try:
            found = dt.date(year, month, int(day)) if day else month_end(year, month)
        except ValueError:
            found = month_end(year, month)
    return found


def _date_span(value: Any) -> tuple[dt.date, dt.date] | None:
    """``2023`` / ``2023-07`` / ``2023-07-07`` as (first day, last day)."""
    m = _ISO_PART.match(str(value))
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            return dt.date(year, month, 1), month_end(year, month)
    except ValueError:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _period(row: dict[str, Any], period: dict[str, Any]) -> tuple[str, dt.date, dt.date] | None:
    """(label, start, end) of one row's period, or None when it cannot be read."""
    granularity, column = period["granularity"], period["column"]
    if granularity == "quarter":
        year, quarter = (row[c] for c in column)
        if pd.isna(year) or pd.isna(quarter):
            return None
        start, end = quarter_span(int(year), int(quarter))
        return f"{int(year)}-Q{int(quarter)}", start, end
    raw = row[column]
    if pd.isna(raw):
        return None
    if granularity == "year":
        year = int(float(raw))
        return str(year), dt.date(year, 1, 1), dt.date(year, 12, 31)
    if granularity == "text_year":
        m = re.search(r"(?:19|20)\d\d", str(raw))
        if not m:
            return None
        year = int(m.group(0))
        return str(year), dt.date(year, 1, 1), dt.date(year, 12, 31)
    if granularity == "text_end":
        end = text_end_date(str(raw))
        return (end.isoformat(), end, end) if end else None
    span = _date_span(raw)
    if span is None:
        return None
    start, end = span
    if granularity == "month":
        return f"{start:%Y-%m}", start, end
    label = str(raw).strip() if granularity == "date" else start.isoformat()
    return label, start, end


# ---------------------------------------------------------------------------------------
# Series


def _matches(values: pd.Series, rule: Any) -> pd.Series:
    text = values.astype(str)
    if isinstance(rule, list):
        return text.isin([str(v) for v in rule])
    if isinstance(rule, dict):
        keep = pd.Series(True, index=values.index)
        if "contains" in rule:
            keep &= text.str.contains(str(rule["contains"]), regex=False)
        if "not_contains" in rule:
            keep &= ~values.fillna("").astype(str).str.contains(
                str(rule["not_contains"]), regex=False)
        if "min" in rule:
            keep &= pd.to_numeric(values, errors="coerce") >= rule["min"]
        if "max" in rule:
            keep &= pd.to_numeric(values, errors="coerce") <= rule["max"]
        return keep
    return text == str(rule)


def _rank(df: pd.DataFrame, prefer: dict[str, list[Any]]) -> pd.Series:
    """A sortable preference rank per row: earlier ``prefer`` lists and values win."""
    rank = pd.Series(0, index=df.index, dtype="int64")
    for column, order in prefer.items():
        if column not in df.columns:
            continue
        lookup = {str(v): i for i, v in enumerate(order)}
        position = df[column].astype(str).map(lookup).fillna(len(order)).astype("int64")
        rank = rank * (len(order) + 1) + position
    return rank


def _tidy(spec_: dict[str, Any], folder: str | Path | None) -> pd.DataFrame:
    df = load_reference(spec_["file"], folder)
    for column, rule in spec_.get("filters", {}).items():
        df = df[_matches(df[column], rule)]
    values = pd.to_numeric(df[spec_["value"]], errors="coerce").tolist()
    ratio = spec_.get("value_from_ratio")
    if ratio:  # a rounded percentage column, and the two counts it is the ratio of
        numerator = pd.to_numeric(df[ratio[0]], errors="coerce")
        denominator = pd.to_numeric(df[ratio[1]], errors="coerce")
        exact = (100 * numerator / denominator).where(denominator > 0).tolist()
        values = [e if pd.notna(e) else v for e, v in zip(exact, values, strict=True)]
    variant_column, unit_column = spec_.get("variant_column"), spec_.get("unit_column")
    rows = []
    for index, row, value in zip(df.index, df.to_dict("records"), values, strict=True):
        period = _period(row, spec_["period"])
        if period is None or pd.isna(value):
            continue
        label, start, end = period
        unit = row.get(unit_column) if unit_column else None
        rows.append({
            "period": label, "value": float(value),
            "unit": unit if isinstance(unit, str) and unit else spec_["unit"],
            "source_kind": row["source_kind"],
            "source_url": row["source_url"], "source_title": row["source_title"],
            "confidence": row.get("confidence", ""), "notes": row.get("notes", ""),
            "start": start, "end": end,
            "variant": str(row[variant_column]) if variant_column else "",
            "row": int(index) + 1, "_rank": 0,
        })
    out = pd.DataFrame(rows, columns=[*SERIES_COLUMNS, "_rank"])
    if out.empty:
        return out
    source = df.loc[[r - 1 for r in out["row"]]].reset_index(drop=True)
    out["_rank"] = _rank(source, spec_["prefer"]).to_numpy()
    if spec_.get("sum_rows"):
        out = _sum_rows(out)
    return out


def _sum_rows(out: pd.DataFrame) -> pd.DataFrame:
    """One row per period: the values summed, the first row's source kept."""
    order = {"high": 0, "medium": 1, "low": 2}
    rows = []
    for _, group in out.groupby("period", sort=False):
        first = group.iloc[0].to_dict()
        first["value"] = float(group["value"].sum())
        worst = max(group["confidence"].astype(str), key=lambda c: order.get(c, 3))
        first["confidence"] = worst
        first["notes"] = f"Sum of {len(group)} rows. {first['notes']}"
        first["variant"] = "sum"
        rows.append(first)
    return pd.DataFrame(rows, columns=out.columns)


def _derive(spec_: dict[str, Any], folder: str | Path | None) -> pd.DataFrame:
    """A running total of another (flow) series, restarted each year or not at all; or the
    ratio of two flow series period by period (``ratio``: people per boat)."""
    derive = spec_["derive"]
    if "ratio" in derive:
        return _ratio(derive["ratio"], folder)
    base = series(derive["from"], folder).sort_values("end").reset_index(drop=True)
    if base.empty:
        return base.assign(_rank=0)
    by_year = derive.get("cumulative") == "year"
    groups = base["end"].map(lambda d: d.year) if by_year else pd.Series(0, index=base.index)
    out = base.copy()
    out["value"] = base.groupby(groups)["value"].cumsum()
    first = base["start"].iloc[0]
    out["start"] = [dt.date(d.year, 1, 1) if by_year else first for d in base["end"]]
    out["period"] = [d.isoformat() for d in base["end"]]
    what = "since 1 January of each year" if by_year else f"since {first.isoformat()}"
    out["notes"] = f"Running total {what}, computed by newstables from {derive['from']}."
    out["variant"] = "derived"
    out["_rank"] = 0
    return out


def _ratio(keys: list[str], folder: str | Path | None) -> pd.DataFrame:
    """Series ``keys[0]`` divided by series ``keys[1]``, for each period both have (and the
    second is not zero); the first's source on each row."""
    top, bottom = (series(k, folder) for k in keys)
    by = bottom.set_index(["period", "start", "end"])["value"]
    out = top.copy()
    below = [by.get((r.period, r.start, r.end)) for r in top.itertuples()]
    out["value"] = [v / b if b else None for v, b in zip(top["value"], below, strict=True)]
    out = out[out["value"].notna()].copy()
    out["notes"] = f"{keys[0]} divided by {keys[1]}, computed by newstables."
    out["variant"] = "derived"
    out["_rank"] = 0
    return out.reset_index(drop=True)


@lru_cache(maxsize=256)
def _series(key: str, folder: str | None, all_rows: bool) -> pd.DataFrame:
    if not all_rows:  # the preferred row of each period: the first of all rows
        every = _series(key, folder, True)
        return every.drop_duplicates(["period", "start", "end"], keep="first").reset_index(
            drop=True)
    spec_ = spec(key)
    out = _derive(spec_, folder) if "derive" in spec_ else _tidy(spec_, folder)
    if out.empty:
        return out.drop(columns="_rank")
    out = out.sort_values(["end", "start", "_rank", "row"], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)


def series(key: str, folder: str | Path | None = None, all_rows: bool = False) -> pd.DataFrame:
    """Catalogued series ``key`` as a tidy table, one row per period in time order.

    Columns: period, value, unit, source_url, source_title, confidence, notes, start, end
    (dates, inclusive), variant (vintage/series/qualifier of the row), row (1-based data row
    in its CSV). With ``all_rows`` every competing row is kept, the preferred one first.
    """
    return _series(key, None if folder is None else str(folder), all_rows).copy()


def clear_cache() -> None:
    """Forget loaded files and series (tests that write CSVs call this)."""
    _load.cache_clear()
    _series.cache_clear()


def _short_title(title: str, limit: int = 160) -> str:
    text = " ".join(re.sub(r"\s*\([^()]*\)", "", title).split()) or title.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def source_line(keys: list[str], limit: int = 3, width: int = 120) -> str:
    """A chart's source line from the source titles of the series' rows (most used first)."""
    counts: Counter[str] = Counter()
    for key in keys:
        for title in series(key)["source_title"]:
            counts[_short_title(str(title))] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    text = "; ".join(title for title, _ in ranked[:limit])
    if len(ranked) > limit:
        text += f"; and {len(ranked) - limit} more sources"
    return textwrap.fill(text, width, subsequent_indent="  ")
