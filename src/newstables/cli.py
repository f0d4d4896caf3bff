"""Command line: ``python -m newstables {extract,run,corpus,refresh,readme}``.

Exit status: 0 success; 1 a notebook failed; 2 bad input (one line on stderr); 75 another run
holds the report; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from newstables import __version__, paths
from newstables.cli_corpus import add_corpus_parser
from newstables.errors import NewstablesError
from newstables.run.locks import BusyError

EPILOG = """examples:
  python -m newstables extract seeds/turkiye-uk-deal-2023.txt
  cat article.txt | python -m newstables extract - --published 2024-05-01
  python -m newstables extract --batch docs.jsonl > tables.jsonl
  python -m newstables run --article seeds/turkiye-uk-deal-2023.txt --jobs 2
  python -m newstables run --article incoming/ --out reports/daily
  python -m newstables run --article incoming/ --out /shared/reports --cluster tcp://host:8786
  python -m newstables corpus extract incoming/ --out corpus/ --workers 2
"""


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _clean(value.item())
    return value


def tables_as_json(tables: dict) -> dict[str, list[dict[str, Any]]]:
    """Tables as ``{table: [row, ...]}`` with JSON-safe values (NaN becomes null)."""
    return {
        name: [{k: _clean(v) for k, v in row.items()} for row in df.to_dict(orient="records")]
        for name, df in tables.items()
    }


def _extract_one(article) -> dict[str, list[dict[str, Any]]]:
    from newstables.extract.tables import extract_tables

    return tables_as_json(extract_tables(article).as_dict())


def cmd_extract(args: argparse.Namespace) -> int:
    from newstables.extract.article import article_from_text, load_article, parse_date

    if args.batch:
        if args.article is not None:
            raise NewstablesError("give either ARTICLE or --batch, not both")
        parse_date(args.published)
        return _extract_batch(Path(args.batch), args.published)
    if args.article is None:
        raise NewstablesError("extract needs ARTICLE (a .txt path, or - for standard input)")
    if args.article == "-":
        from newstables.textio import decode_text

        text = decode_text(sys.stdin.buffer.read(), "standard input")
        article = article_from_text(text, "stdin", args.published)
    else:
        article = load_article(args.article, published=args.published)
    payload = {"id": article.id, "published": article.metadata.get("published"),
               **_extract_one(article)}
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    return 0


def _extract_batch(path: Path, published: str | None) -> int:
    """Every good line's tables in order; each bad line one error line on stderr (with its
    number and reason) and exit status 2 at the end, the good lines all written."""
    from newstables.extract.batch import read_batch

    if not path.is_file():
        raise NewstablesError(f"batch file not found: {path}")
    bad = 0
    for where, article in read_batch(path, published):
        if isinstance(article, NewstablesError):
            print(f"newstables: error: {where}: {article}", file=sys.stderr, flush=True)
            bad += 1
            continue
        try:
            line = {"id": article.id, **_extract_one(article)}
            text = json.dumps(line, ensure_ascii=False, allow_nan=False)
        except Exception as exc:  # noqa: BLE001 - one document's failure is that line's error
            print(f"newstables: error: {where}: extraction failed: {type(exc).__name__}: {exc}"
                  .splitlines()[0], file=sys.stderr, flush=True)
            bad += 1
            continue
        sys.stdout.write(text + "\n")
        sys.stdout.flush()  # a later failure cannot take back what is written
    if bad:
        print(f"newstables: error: {bad} bad line(s) in {path.name}; every other line was "
              "written", file=sys.stderr)
        return 2
    return 0


def _parse_parameters(items: list[str]) -> dict[str, str]:
    extra: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise NewstablesError(f"parameter {item!r} is not NAME=VALUE")
        extra[key.strip()] = value
    return extra


def cmd_run(args: argparse.Namespace) -> int:
    articles = args.article or [str(paths.SEED_ARTICLE)]
    if args.cluster:
        return _run_on_cluster(articles, args)
    from newstables.run import kernel_pool, scratch

    # The kernel parent imports the notebooks' libraries while this process imports its own
    # and checks the inputs (it is stopped at exit if nothing runs); its socket goes in the
    # run's private folder, like everything else the run's processes put in TMPDIR. With
    # --skip-current, often nothing runs: the parent starts only when something does.
    if not args.skip_current:
        scratch.private_tmp()
        kernel_pool.launch()
    from newstables.run.runner import notebooks_in, run_collection

    runs = run_collection(
        articles,
        notebooks=notebooks_in(Path(args.notebooks)) if args.notebooks else None,
        published=args.published,
        out=args.out,
        jobs=args.jobs,
        timeout=args.timeout,
        extra=_parse_parameters(args.parameter),
        quiet=args.quiet,
        wait=args.wait,
        skip_current=args.skip_current,
    )
    if not runs:
        print(f"newstables: no articles (*.txt) in {', '.join(articles)}: nothing to run",
              file=sys.stderr)
        return 0
    failed = [r for r in runs if r.status == "failed"]
    for run in runs:
        if run.status == "ok":
            shown = _shown(run.target)
            print(f"report: {shown}/index.html", file=sys.stderr)
        elif run.status == "current":
            print(f"current: {_shown(run.target)}/index.html (same text, notebooks and "
                  "parameters)", file=sys.stderr)
    for run in failed:
        kept = _shown(run.target / "failed")
        print(f"newstables: error: {run.article.id}: {run.error} (kept in {kept}/)",
              file=sys.stderr)
    return 1 if failed else 0


def _run_on_cluster(articles: list[str], args: argparse.Namespace) -> int:
    from newstables.run.cluster_run import run_on_cluster

    done = run_on_cluster(articles, args.cluster, workers=args.workers, published=args.published,
                          out=args.out, jobs=args.jobs, timeout=args.timeout,
                          extra=_parse_parameters(args.parameter), notebooks=args.notebooks,
                          quiet=args.quiet)
    for item in done:
        if item.status != "ok":
            print(f"newstables: error: {item.id}: {item.error}", file=sys.stderr)
    return 1 if any(item.status != "ok" for item in done) else 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def cmd_refresh(args: argparse.Namespace) -> int:
    from newstables.run.refresh import refresh_notebooks

    for name, seconds in refresh_notebooks(args.notebook or None):
        print(f"refreshed {name} ({seconds:.1f}s)", file=sys.stderr)
    return 0


def cmd_readme(args: argparse.Namespace) -> int:
    from newstables.run.refresh import update_readme

    changed = update_readme(check=args.check)
    if args.check and changed:
        raise NewstablesError("README's notebook table is out of date; run: make readme")
    return 0


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, like every other error."""

    def error(self, message: str) -> None:
        self.exit(2, f"newstables: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m newstables",
        description="Turn news articles about migration policy into tidy, traceable tables, "
        "and run the analysis notebooks on them.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newstables {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_Parser)

    p = sub.add_parser("extract", help="print an article's tables as JSON",
                       description="Print every table of an article as JSON: {table: [rows]}. "
                       "With --batch, read JSON lines {id, text, published?} and write one "
                       "line {id, tables...} per document.")
    p.add_argument("article", nargs="?", help="article .txt (with optional .json sidecar), "
                   "or - for standard input")
    p.add_argument("--published", help="publication date YYYY-MM-DD; resolves 'last month' etc. "
                   "(default: the sidecar's date)")
    p.add_argument("--batch", metavar="DOCS.jsonl", help="JSON lines in, JSON lines out")
    p.add_argument("--indent", type=int, default=1, help="JSON indent (default 1)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("run", help="run every notebook on one or more articles",
                       description="Execute every notebook in notebooks/ with papermill for each "
                       "article, into <out>/<article id>/ (executed .ipynb and .html, "
                       "tables/*.csv, figures/, run.json, index.html). The report is swapped in "
                       "only when every notebook succeeds; a failed run is kept in "
                       "<out>/<article id>/failed/<timestamp>/.")
    p.add_argument("--article", nargs="+", action="extend", metavar="PATH",
                   help="article .txt files or folders of them (default: the seed article)")
    p.add_argument("--published", help="publication date YYYY-MM-DD (default: each article's "
                   "sidecar date)")
    p.add_argument("--out", metavar="DIR", help="reports folder (default: reports/)")
    p.add_argument("--jobs", type=int, metavar="N",
                   help="notebooks run at once (default: twice the number of cores, at most "
                   "eight more than the cores)")
    p.add_argument("--timeout", type=float, default=600, metavar="SECONDS",
                   help="time limit for each notebook, in seconds (default 600)")
    p.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE",
                   help="a notebook parameter; unknown names are an error")
    p.add_argument("--notebooks", metavar="DIR", help="folder of NN-*.ipynb notebooks "
                   "(default: notebooks/)")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                   help="when another run is writing the same report, wait up to this long "
                   "for it (default 0: exit with status 75 at once)")
    p.add_argument("--skip-current", action="store_true",
                   help="skip an article whose report was made from the same text, notebooks "
                   "and parameters (for schedulers)")
    p.add_argument("--cluster", metavar="local|ADDRESS", help="run each article as a task on "
                   "a Dask cluster: 'local' starts one here, an address such as tcp://host:8786 "
                   "uses a running scheduler (--out must be a path every worker shares)")
    p.add_argument("--workers", type=int, metavar="N", help="with --cluster local: worker "
                   "processes (default: the number of cores); with an address, wait for N")
    p.set_defaults(func=cmd_run)
    add_corpus_parser(sub)

    p = sub.add_parser("refresh", help="re-execute the committed notebooks in place (make "
                       "notebooks)")
    p.add_argument("notebook", nargs="*", help="notebook paths (default: all)")
    p.set_defaults(func=cmd_refresh)

    p = sub.add_parser("readme", help="regenerate the README's table of notebooks")
    p.add_argument("--check", action="store_true", help="fail if the table is out of date")
    p.set_defaults(func=cmd_readme)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BusyError as exc:
        print(f"newstables: error: {exc}", file=sys.stderr)
        return 75
    except NewstablesError as exc:
        print(f"newstables: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. a folder that became read-only mid-run
        where = f" {exc.filename}" if exc.filename else ""
        print(f"newstables: error: {exc.strerror or exc}:{where}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newstables: interrupted; no partial report was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
