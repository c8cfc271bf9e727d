"""``python -m helpers`` — the workbook's command line.

    python -m helpers run [--raw DIR] [--processed DIR] [--reports DIR] [--scheduler tcp://HOST:PORT|local]
    python -m helpers synth --docs N --out DIR [--seed S] [--formats txt html pdf docx]
    python -m helpers brief --council "Southwark Council"
    python -m helpers export [--processed DIR] [--reports DIR]
    python -m helpers import-qdpx edited.qdpx [--annotations DIR]
    python -m helpers evaluate FOLDER [FOLDER ...] [--work DIR] [--out FILE.md]
    python -m helpers examples FOLDER [FOLDER ...] --out FILE.csv
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
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="send per-document work to a Dask cluster: tcp://HOST:PORT, or 'local' to start one "
                          "(default: $WORKBOOK_SCHEDULER or $DASK_SCHEDULER_ADDRESS, else local cores; needs .[scale])")

    synth = sub.add_parser("synth", help="write a synthetic corpus of council documents (benchmarks, scale tests)")
    synth.add_argument("--docs", type=int, required=True, help="number of documents")
    synth.add_argument("--out", required=True, help="folder to write them into")
    synth.add_argument("--seed", type=int, default=None, help="random seed (default helpers.config.SEED)")
    synth.add_argument("--formats", nargs="+", choices=["txt", "html", "pdf", "docx"],
                       help="formats to write (default all, mostly PDF; PDF needs the [synth] extra)")

    brief = sub.add_parser("brief", help="write reports/briefing-<council>.html for one council")
    _add_paths(brief)
    brief.add_argument("--council", required=True, help="the council's name as in the councils table")

    export = sub.add_parser("export", help="write reports/workbook.xlsx, workbook.qdpx (REFI-QDA) and codebook.qdc")
    _add_paths(export)

    qdpx = sub.add_parser("import-qdpx", help="add the codes changed in an edited .qdpx to data/annotations/overrides.csv")
    _add_paths(qdpx)
    qdpx.add_argument("file", help="the .qdpx project exported by NVivo, ATLAS.ti, MAXQDA or QualCoder")

    ev = sub.add_parser("evaluate", help="measure extraction and coding on folders of documents coded by someone else")
    ev.add_argument("folders", nargs="+", metavar="FOLDER",
                    help="a folder with raw/ (documents), items_gold.csv and optionally actions_gold.csv, manifest.csv")
    ev.add_argument("--work", default=None, help="where to write the tables (default: a temporary folder)")
    ev.add_argument("--out", default=None, help="also write the results as Markdown to this file")

    ex = sub.add_parser("examples", help="write labelled theme examples (for the tie-breaker) from coded development folders")
    ex.add_argument("folders", nargs="+", metavar="FOLDER", help="a folder with raw/ and items_gold.csv (never a test set)")
    ex.add_argument("--out", required=True, help="the CSV to write (the package's is src/helpers/data/theme_examples.csv)")
    return parser


def _examples(args) -> int:
    import tempfile

    from .evaluate import build_theme_examples

    with tempfile.TemporaryDirectory() as tmp:
        examples = build_theme_examples(args.folders, tmp)
    examples.to_csv(args.out, index=False, lineterminator="\n")
    print(f"{len(examples)} examples from {examples['set'].nunique()} sets written to {args.out}")
    return 0


def _evaluate(args) -> int:
    import tempfile
    from pathlib import Path

    from .evaluate import evaluate_folder, folder_report

    sections = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in args.folders:
            work = Path(args.work or tmp) / Path(folder).resolve().name
            results = evaluate_folder(folder, work)
            sections.append(folder_report(results, f"{folder}"))
            print(sections[-1])
    if args.out:
        Path(args.out).write_text("\n".join(sections), encoding="utf-8")
        print(f"written: {args.out}")
    return 0


def _synth(args) -> int:
    from .config import SEED
    from .synth import synthesise

    if args.docs < 1:
        print("error: --docs must be at least 1", file=sys.stderr)
        return 2
    rows = synthesise(args.docs, args.out, SEED if args.seed is None else args.seed, args.formats)
    print(f"{len(rows)} documents written to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "synth":
        return _synth(args)
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "examples":
        return _examples(args)
    paths = _paths(args)
    try:
        if args.command == "run":
            from .parallel import scheduler_session
            from .pipeline import run

            with scheduler_session(args.scheduler):
                run(paths, args.only)
        elif args.command == "brief":
            from .pipeline import brief_council

            brief_council(paths, args.council)
        elif args.command == "export":
            from .exchange import export_all

            for path in export_all(paths).values():
                print(path)
        elif args.command == "import-qdpx":
            from .exchange import import_qdpx

            import_qdpx(args.file, paths)
    except WorkbookError as exc:
        log_file = log_to(paths.reports)
        logging.getLogger("helpers").error("%s", exc, exc_info=True)
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
