"""The ``corpus`` command: ``python -m newstables corpus extract SOURCE --out DIR``."""

from __future__ import annotations

import argparse
import sys


def cmd_corpus_extract(args: argparse.Namespace) -> int:
    from newstables.run.corpus import extract_corpus

    result = extract_corpus(args.source, args.out, cluster=args.cluster, workers=args.workers,
                            partition_size=args.partition_size, claims=args.claims,
                            quiet=args.quiet)
    errors = result.errors or []
    print(f"corpus: {result.documents} articles in {args.out}: {result.extracted} extracted, "
          f"{result.skipped} done already, {len(errors)} with errors "
          f"({result.seconds:.1f} s)", file=sys.stderr)
    for article, error in errors[:20]:
        print(f"newstables: error: {article}: {error}", file=sys.stderr)
    if len(errors) > 20:
        print(f"newstables: error: ... and {len(errors) - 20} more (see the manifest)",
              file=sys.stderr)
    return 1 if errors else 0


def add_corpus_parser(sub) -> None:
    """``corpus extract`` under the command line's subcommands."""
    p = sub.add_parser("corpus", help="extract a corpus of articles to Parquet on a Dask cluster",
                       description="Work on a corpus of articles.")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    e = actions.add_parser(
        "extract", help="every table of every article as Parquet datasets",
        description="Extract every table of every article in SOURCE (a folder of .txt "
        "articles with optional .json sidecars, or JSON lines {id, text, published?, ...}) "
        "into one Parquet dataset per table under DIR, every row keyed by article id, with a "
        "manifest of each article's sha256, status and error. Runs on a Dask cluster; a "
        "rerun skips the articles already done with the same sha256. Exit status: 0 every "
        "article extracted; 1 some articles are bad (recorded in the manifest); 2 bad input.")
    e.add_argument("source", metavar="SOURCE", help="folder of articles, or a .jsonl file")
    e.add_argument("--out", required=True, metavar="DIR", help="folder for the datasets")
    e.add_argument("--cluster", default="local", metavar="local|ADDRESS",
                   help="'local' starts a Dask cluster here (default); an address such as "
                   "tcp://host:8786 uses a running scheduler (DIR must be on a filesystem its "
                   "workers share)")
    e.add_argument("--workers", type=int, metavar="N", help="worker processes of the local "
                   "cluster (default: the number of cores); with an address, wait for N")
    e.add_argument("--partition-size", type=int, default=50, metavar="N",
                   help="articles per partition: the unit written at once (default 50)")
    e.add_argument("--claims", action="store_true", help="also write claims: each figure "
                   "checked against the reference series (slower)")
    e.add_argument("--quiet", action="store_true", help="no progress output")
    e.set_defaults(func=cmd_corpus_extract)
