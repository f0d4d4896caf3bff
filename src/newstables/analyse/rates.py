"""A rate checked as an average ("In 2024, an average of about 100 people a day crossed"):
how many days, weeks or months its period holds, and the series' total over the period shown
as its average.
"""

from __future__ import annotations

import math
from typing import Any

from newstables.hedges import fmt
from newstables.periods import RATE_DAYS, Period, month_end


def rate_units(per: str, period: Period) -> float:
    """How many days, weeks or months of a rate ("per day") the period holds; 0 when the
    figure is no rate or its period is no span."""
    if per not in RATE_DAYS or period.kind in ("now", "rate") or period.start is None or (
            period.end is None):
        return 0.0
    days = (period.end - period.start).days + 1
    if per == "per month" and period.start.day == 1 and period.end == month_end(
            period.end.year, period.end.month):
        return float((period.end.year - period.start.year) * 12 + period.end.month
                     - period.start.month + 1)
    return round(days / RATE_DAYS[per], 2)


def per_unit(row: dict[str, Any]) -> None:
    """A rate's row: the series' total over the period as its average per day (week, month)."""
    units, per = row.pop("_per", (0.0, ""))
    if not units or math.isnan(row.get("series_value", math.nan)):
        return
    total = row["series_value"]
    row["series_value"] = total / units
    if not math.isnan(row.get("difference", math.nan)):
        row["difference"] /= units
    average = f"{total / units:,.1f} {per}"
    note = (f"the series' {fmt(total)} for {row['claim_period'].rsplit(', per ', 1)[0]}"
            f" ({fmt(units)} {per.removeprefix('per ')}s) is {average}")
    row["notes"] = " | ".join(n for n in (note, row.get("notes", "")) if n)
    if row.get("reason"):  # "the series value 36,816 is of another order of magnitude"
        row["reason"] = row["reason"].replace(fmt(total), f"{fmt(total)} ({average})")
