"""``python -m helpers`` — the workbook's command line.

    python -m helpers run [--raw DIR] [--processed DIR] [--reports DIR]
    python -m helpers brief --council "Southwark Council"
"""

from __future__ import annotations

import argparse
import logging
import sys

from .config import Paths
from .errors import WorkbookError, log_to


def _add_paths(p: argparse.ArgumentParser) -> None:
    p.add_argument("--raw", help="folder of documents (default data/raw)")
    p.add_argument("--processed", help="folder for the tables (default data/processed)")
    p.add_argument("--reports", help="folder for the briefing and executed notebooks (default reports)")
    p.add_argument("--annotations", help="folder of gold labels and corrections (default data/annotations)")


def _paths(args) -> Paths:
    return Paths.from_params(args.raw, args.processed, args.reports, args.annotations)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers", description="The partnership-review research workbook.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the numbered notebooks in order and export the briefing")
    _add_paths(run)
    run.add_argument("--only", nargs="+", metavar="NOTEBOOK", help="run only these notebooks (names without .ipynb)")

    brief = sub.add_parser("brief", help="write reports/briefing-<council>.html for one council")
    _add_paths(brief)
    brief.add_argument("--council", required=True, help="the council's name as in the councils table")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = _paths(args)
    try:
        if args.command == "run":
            from .pipeline import run

            run(paths, args.only)
        elif args.command == "brief":
            from .pipeline import brief_council

            brief_council(paths, args.council)
    except WorkbookError as exc:
        log_file = log_to(paths.reports)
        print(f"\nerror: {exc}", file=sys.stderr)
        print(f"(details in {log_file})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted: the previous complete tables are still in place", file=sys.stderr)
        return 130
    except Exception as exc:  # the traceback goes to the log, one line to the researcher
        log_file = log_to(paths.reports)
        logging.getLogger("helpers").exception("unexpected error")
        print(f"\nerror: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        print(f"(full traceback in {log_file})", file=sys.stderr)
        return 1
    return 0
