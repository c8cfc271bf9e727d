"""Scale benchmark: time each stage of the workbook on synthetic corpora of growing size.

    python benchmarks/bench_pipeline.py --sizes 1000 10000 100000   # or: make benchmark

For each size it writes (once, then reuses) a synthetic corpus with ``helpers.synth``
(text-only by default: the throughput target is for text-format documents), then, in
a fresh subprocess so peak memory is that size's alone, times:

- the floor: read every file and run one regex over its text (the I/O and scan limit);
- ingest, extract + code, actions (compare), cluster and the briefing — the stage
  functions the notebooks call, writing the same tables — and the briefing notebook
  executed and exported once;
- ingest again over the unchanged corpus (the content-hash cache).

Peak memory is the largest resident set of the subprocess and its worker processes
together, sampled every 0.1 s (psutil), and ``ru_maxrss`` as a cross-check. Results
accumulate in ``benchmarks/work/results.json`` (so sizes can be run separately) and
are written to ``benchmarks/RESULTS.md`` with the machine's description.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
RESULTS_JSON = WORK / "results.json"
RESULTS_MD = HERE / "RESULTS.md"
STAGES = ["ingest", "extract_code", "actions", "cluster", "briefing"]
THROUGHPUT_STAGES = ["ingest", "extract_code", "actions"]
FLOOR_PATTERN = re.compile(r"\bRESOLVED\b|\bRecommendation \d+")


# ---------------------------------------------------------------- the child: one size


def _timed(results: dict, name: str, func, *args, **kwargs):
    t0 = time.perf_counter()
    value = func(*args, **kwargs)
    results[name] = time.perf_counter() - t0
    print(f"  {name}: {results[name]:.1f} s", flush=True)
    return value


def floor(raw: Path) -> tuple[int, int]:
    """Read every document and run one regex over its text: (files, bytes)."""
    files = n_bytes = 0
    for path in sorted(raw.iterdir()):
        if path.name.startswith(".") or path.name == "manifest.csv":
            continue
        data = path.read_bytes()
        FLOOR_PATTERN.findall(data.decode("utf-8", errors="replace"))
        files += 1
        n_bytes += len(data)
    return files, n_bytes


def run_stages(raw: Path, out: Path, cluster_items: int) -> dict:
    """Time every stage on ``raw`` into ``out``; returns the timings and counts."""
    from helpers import brief, cluster, compare, extract, ingest, pipeline
    from helpers.config import Paths
    from helpers.tables import read_table

    paths = Paths(raw=raw, processed=out / "processed", reports=out / "reports", annotations=out / "annotations")
    paths.ensure_outputs()
    times: dict = {}
    n_files, n_bytes = _timed(times, "floor", floor, raw)
    documents, _ = _timed(times, "ingest", ingest.run, paths)
    items = _timed(times, "extract_code", extract.run, paths)
    _timed(times, "actions", compare.run, paths)
    if len(items) <= cluster_items:
        _timed(times, "cluster", cluster.run, paths)
        clustered = len(items)
    else:  # a national corpus: time clustering on the first ``cluster_items`` items
        _timed(times, "cluster", cluster.cluster_items, items.head(cluster_items), documents)
        clustered = cluster_items
    executed = _timed(times, "briefing_notebook", pipeline.execute, "05_briefing", paths)
    briefing = paths.reports / "briefing.html"
    _timed(times, "briefing_export", brief.export_html, executed, briefing)
    times["briefing"] = times.pop("briefing_notebook") + times.pop("briefing_export")
    _timed(times, "ingest_again", ingest.run, paths)  # unchanged corpus: served by the content-hash cache
    return {
        "docs": len(documents), "files": n_files, "bytes": n_bytes, "items": len(items),
        "items_clustered": clustered, "actions": len(read_table("actions", paths.processed)),
        "briefing_bytes": briefing.stat().st_size, "times": times,
        "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "ru_maxrss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


# ---------------------------------------------------------------- the parent


def corpus(size: int, formats: list[str], seed: int) -> tuple[Path, float | None]:
    """The synthetic corpus for ``size`` (written once); returns its folder and the seconds to write it."""
    from helpers.synth import synthesise

    folder = WORK / f"corpus-{size}-{'-'.join(formats)}-{seed}"
    done = folder / ".complete"
    if done.exists():
        return folder, None
    t0 = time.perf_counter()
    synthesise(size, folder, seed=seed, formats=formats)
    seconds = time.perf_counter() - t0
    done.write_text(f"{seconds}\n")
    return folder, seconds


def _tree_rss(proc) -> int:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(size: int, raw: Path, cluster_items: int) -> dict:
    """Run one size in a subprocess, sampling the resident memory of its process tree."""
    out = WORK / f"run-{size}"
    shutil.rmtree(out, ignore_errors=True)
    result_file = out / "result.json"
    out.mkdir(parents=True)
    cmd = [sys.executable, __file__, "--child", str(raw), str(out), str(cluster_items)]
    proc = subprocess.Popen(cmd)
    peak = 0
    try:
        import psutil

        watched = psutil.Process(proc.pid)
        while proc.poll() is None:
            peak = max(peak, _tree_rss(watched))
            time.sleep(0.1)
    except (ImportError, ProcessLookupError):
        pass
    if proc.wait() != 0:
        raise SystemExit(f"the benchmark of {size} documents failed (exit {proc.returncode})")
    result = json.loads(result_file.read_text())
    result["peak_rss_mb"] = peak / 2**20 if peak else None
    return result


def machine() -> dict:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        m = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = m.group(1).strip() if m else ""
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpu": cpu or platform.processor() or platform.machine(), "cores": os.cpu_count(), "ram_gb": round(ram, 1),
            "python": platform.python_version(), "os": platform.platform(),
            "jobs": os.environ.get("WORKBOOK_JOBS", "all cores"), "load_average": [round(x, 1) for x in os.getloadavg()]}


def _exponent(small: dict, large: dict, stage: str) -> float | None:
    t1, t2 = small["times"].get(stage), large["times"].get(stage)
    n1, n2 = small["docs"], large["docs"]
    if not t1 or not t2 or n1 == n2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def render(results: dict) -> str:
    """RESULTS.md from every size measured so far."""
    sizes = sorted(results["sizes"], key=int)
    runs = [results["sizes"][s] for s in sizes]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `python benchmarks/bench_pipeline.py --sizes {' '.join(sizes)}` on {results['date']}"
        f" (synthetic corpus: `python -m helpers synth --formats {' '.join(results['formats'])}`, seed {results['seed']}).",
        "",
        "## Machine",
        "",
    ]
    for size, run in zip(sizes, runs):
        m = run["machine"]
        lines.append(f"- {int(size):,} documents: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, Python {m['python']},"
                     f" {m['os']}; workers: {m['jobs']}; load average at start {m['load_average']}")
    lines += ["", "## Time per stage (seconds) and as a multiple of the floor", "",
              "| documents | MB | items | floor | " + " | ".join(STAGES) + " | second ingest (cache) |",
              "|---:|---:|---:|---:|" + "---:|" * len(STAGES) + "---:|"]
    for size, run in zip(sizes, runs):
        t, f = run["times"], run["times"]["floor"]
        cells = [f"{t[s]:.1f} ({t[s] / f:.0f}×)" for s in STAGES]
        lines.append(f"| {run['docs']:,} | {run['bytes'] / 1e6:.1f} | {run['items']:,} | {f:.2f} | " + " | ".join(cells)
                     + f" | {t['ingest_again']:.1f} ({t['ingest_again'] / t['ingest']:.0%} of the first) |")
    clustered = ", ".join(f"{r['items_clustered']:,}" for r in runs)
    lines += ["", f"Cluster times are for {clustered} items respectively"
              " (all items up to `--cluster-items`, else the first `--cluster-items`).", "",
              "## Throughput: ingest + extract + code + actions", "",
              "| documents | seconds | documents/s | MB/s | peak memory (process tree) | ru_maxrss (self / children) |",
              "|---:|---:|---:|---:|---:|---:|"]
    for run in runs:
        secs = sum(run["times"][s] for s in THROUGHPUT_STAGES)
        peak = f"{run['peak_rss_mb']:,.0f} MB" if run.get("peak_rss_mb") else "n/a"
        lines.append(f"| {run['docs']:,} | {secs:.1f} | {run['docs'] / secs:.0f} | {run['bytes'] / 1e6 / secs:.2f} | {peak} |"
                     f" {run['ru_maxrss_mb']:,.0f} / {run['ru_maxrss_children_mb']:,.0f} MB |")
    if len(runs) > 1:
        lines += ["", "## Scaling exponent between sizes (1.0 = linear; time ∝ documents^b)", "",
                  "| from → to | " + " | ".join(STAGES) + " | ingest+extract+actions |", "|---|" + "---:|" * (len(STAGES) + 1)]
        for small, large in zip(runs, runs[1:]):
            cells = [_exponent(small, large, s) for s in STAGES]
            both = [sum(r["times"][s] for s in THROUGHPUT_STAGES) for r in (small, large)]
            total = math.log(both[1] / both[0]) / math.log(large["docs"] / small["docs"])
            lines.append(f"| {small['docs']:,} → {large['docs']:,} | " + " | ".join("n/a" if c is None else f"{c:.2f}" for c in cells)
                         + f" | {total:.2f} (×{both[1] / both[0] * small['docs'] / large['docs']:.2f} of linear) |")
    written = [f"{r['docs']:,} documents in {r['synth_seconds']:.0f} s" for r in runs if r.get("synth_seconds")]
    if written:
        lines += ["", "Writing the synthetic corpus (`helpers.synth`): " + ", ".join(written) + "."]
    lines += ["", "Briefing size: " + ", ".join(f"{r['docs']:,} documents → {r['briefing_bytes'] / 1024:,.0f} KB" for r in runs)]
    lines += ["", "## Targets (2 cores)", "", "| target | measured | met |", "|---|---|---|", *targets(runs), ""]
    lines += ["Where the time goes, and what was changed to speed it up: `benchmarks/README.md`.", ""]
    return "\n".join(lines)


def targets(runs: list[dict]) -> list[str]:
    """One table row per target, judged from the figures measured."""
    rows = []

    def row(target: str, measured: str, met: bool) -> None:
        rows.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")

    for run in runs:
        rate = run["docs"] / sum(run["times"][s] for s in THROUGHPUT_STAGES)
        row(f"ingest+extract+code+actions ≥ 500 docs/s ({run['docs']:,} docs)", f"{rate:.0f} docs/s", rate >= 500)
        share = run["times"]["ingest_again"] / run["times"]["ingest"]
        row(f"second ingest < 10 % of the first ({run['docs']:,} docs)", f"{share:.0%}", share < 0.1)
    by_docs = {r["docs"]: r for r in runs}
    if 10_000 in by_docs and 100_000 in by_docs:
        ratio = [sum(by_docs[n]["times"][s] for s in THROUGHPUT_STAGES) for n in (10_000, 100_000)]
        row("10k → 100k within 1.2× of linear", f"{ratio[1] / ratio[0] / 10:.2f}× linear", ratio[1] / ratio[0] <= 12)
    if 100_000 in by_docs and by_docs[100_000].get("peak_rss_mb"):
        peak = by_docs[100_000]["peak_rss_mb"]
        row("peak memory at 100k documents < 3 GB", f"{peak / 1024:.1f} GB", peak < 3 * 1024)
    for run in runs:
        if run["items_clustered"] >= 100_000:
            secs = run["times"]["cluster"]
            row(f"clustering {run['items_clustered']:,} items < 2 min", f"{secs:.0f} s", secs < 120)
            break
    missing = [t for t, ok in [("10k → 100k scaling", 100_000 in by_docs), ("memory at 100k", 100_000 in by_docs),
                                ("clustering 100k items", any(r["items_clustered"] >= 100_000 for r in runs))] if not ok]
    if missing:
        rows.append(f"| {', '.join(missing)} | not measured in this run | — |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000], help="corpus sizes (documents)")
    parser.add_argument("--formats", nargs="+", default=["txt"], help="formats of the synthetic corpus (default txt)")
    parser.add_argument("--seed", type=int, default=None, help="corpus seed (default helpers.config.SEED)")
    parser.add_argument("--cluster-items", type=int, default=100_000, help="cluster at most this many items")
    parser.add_argument("--report-only", action="store_true", help="rewrite RESULTS.md from results.json")
    parser.add_argument("--child", nargs=3, metavar=("RAW", "OUT", "CLUSTER_ITEMS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        raw, out, cap = args.child
        result = run_stages(Path(raw), Path(out), int(cap))
        (Path(out) / "result.json").write_text(json.dumps(result, indent=1))
        return 0
    from helpers.config import SEED

    seed = SEED if args.seed is None else args.seed
    WORK.mkdir(parents=True, exist_ok=True)
    results = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {}
    if args.report_only:
        if not results.get("sizes"):
            raise SystemExit(f"nothing measured yet: {RESULTS_JSON} is missing or empty")
        RESULTS_MD.write_text(render(results), encoding="utf-8")
        return 0
    if results.get("formats") != args.formats or results.get("seed") != seed:
        results = {"formats": args.formats, "seed": seed, "sizes": {}}
    for size in args.sizes:
        print(f"{size:,} documents", flush=True)
        raw, synth_seconds = corpus(size, args.formats, seed)
        at_start = machine()
        run = measure(size, raw, args.cluster_items)
        run["machine"], run["synth_seconds"] = at_start, synth_seconds
        results["sizes"][str(size)] = run
        results["date"] = dt.date.today().isoformat()
        RESULTS_JSON.write_text(json.dumps(results, indent=1))
        RESULTS_MD.write_text(render(results), encoding="utf-8")
    print(f"results: {RESULTS_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
