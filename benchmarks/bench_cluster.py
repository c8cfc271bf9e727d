"""Scale benchmark for stage 3 (cluster): time and peak memory at 10k and 100k items.

The items are synthetic: sentences of about 30 words built from templates per codebook
theme, with council, place, body and officer names mixed in (the vocabulary that makes
real items group by document) and a Zipf-distributed long tail of made-up words. Each size runs in a fresh process so that its peak
resident memory (ru_maxrss) is its own; the figures go to benchmarks/results/cluster.md.

    .venv/bin/python benchmarks/bench_cluster.py            # 10k and 100k, writes the results file
    .venv/bin/python benchmarks/bench_cluster.py 2000       # one size, prints the figures
    .venv/bin/python -m pytest -m slow benchmarks/bench_cluster.py
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "cluster.md"
SIZES = (10_000, 100_000)
TARGET_SECONDS = 120

COUNCILS = ["Southwark", "Haringey", "Hampshire", "Southampton", "Portsmouth", "Lambeth", "Wandsworth",
            "Camden", "Leeds", "Bristol", "Kent", "Norfolk", "Cardiff", "Glasgow", "Fife", "Oldham"]
BODIES = ["Local Strategic Partnership", "Community Safety Partnership", "Health and Wellbeing Board",
          "Public Services Board", "Community Planning Partnership", "Safer Neighbourhoods Board",
          "Children's Trust", "Alliance Board"]
OFFICERS = ["Ms Archer", "Mr Woolley", "Cllr Vanier", "Dr Patel", "Mrs Okafor", "Mr Travers"]
OPENERS = ["It was agreed that", "The review recommends that", "It is proposed that", "Members noted that",
           "The Board resolved that", "Officers suggested that", "The Chair confirmed that"]
# Per codebook theme: phrases an item about that theme would use.
THEMES = {
    "structure": ["the thematic partnerships are merged into one", "the sub-groups cease and a single tier remains",
                  "a task and finish group replaces the standing sub-committee", "two boards merge"],
    "governance": ["the terms of reference are revised", "a new constitution sets out accountability",
                   "protocols define roles and reporting lines", "decision-making powers are clarified"],
    "membership": ["the chair and deputy chair are elected", "the voluntary sector is represented by two members",
                   "membership is reduced to twelve seats", "a GP representative joins as a member"],
    "meetings": ["meetings are held quarterly", "an awayday replaces one meeting",
                 "agendas are shortened and published early", "the group meets every six weeks"],
    "resources": ["budgets are pooled across partners", "shared services reduce public expenditure",
                  "funding is aligned through joint commissioning", "efficiency savings are tracked"],
    "engagement": ["residents are consulted on the plan", "communication with community groups improves",
                   "the voluntary sector is involved early", "consultation events are held in each ward"],
    "programme_management": ["a programme management office tracks projects", "risk management is reported monthly",
                             "performance management follows a skills audit", "project plans are tracked"],
    "priorities": ["two priority outcomes are chosen", "the strategy focuses on a few priorities",
                   "priority projects support the vision", "the outcomes framework is refreshed"],
    "data": ["data sharing agreements are signed", "an information hub collects intelligence",
             "digital tools support data analysis", "intelligence is shared between partners"],
    "timing": ["the review is postponed until next year", "the timing of the review is deferred",
               "a decision is scheduled for the spring", "work is deferred until the elections"],
}
FILLERS = ["in order to", "across the area", "over the coming year", "with partners", "where possible",
           "as set out in the report", "subject to approval", "for the benefit of residents"]


SYLLABLES = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "ve",
             "wi", "ya", "zo", "str", "pl", "th", "an", "er"]


def long_tail(size: int = 60_000, seed: int = 1) -> np.ndarray:
    """A vocabulary of made-up words for the long tail of real text (rare words, names, typos)."""
    rng = np.random.default_rng(seed)
    parts = rng.integers(len(SYLLABLES), size=(size, 4))
    lengths = rng.integers(2, 5, size=size)
    return np.array(["".join(SYLLABLES[p] for p in row[:n]) for row, n in zip(parts, lengths)])


def synthetic_items(n: int, seed: int = 20261123, tail_words: int = 6):
    """``n`` synthetic items (text, doc_id, council, theme), seeded.

    Each item also carries ``tail_words`` Zipf-distributed words from :func:`long_tail`,
    so the vocabulary grows with the corpus as real text does.
    """
    import pandas as pd

    rng = np.random.default_rng(seed)
    tail = long_tail()
    themes = list(THEMES)
    n_docs = max(1, n // 25)
    doc_council = rng.integers(len(COUNCILS), size=n_docs)
    rows = []
    for i in range(n):
        doc = int(rng.integers(n_docs))
        council = COUNCILS[doc_council[doc]]
        theme = themes[int(rng.integers(len(themes)))]
        phrase = THEMES[theme][int(rng.integers(len(THEMES[theme])))]
        parts = [OPENERS[int(rng.integers(len(OPENERS)))], phrase, FILLERS[int(rng.integers(len(FILLERS)))],
                 f"for the {council} {BODIES[int(rng.integers(len(BODIES)))]},",
                 f"as {OFFICERS[int(rng.integers(len(OFFICERS)))]} said,", FILLERS[int(rng.integers(len(FILLERS)))]]
        parts += tail[np.minimum(rng.zipf(1.3, size=tail_words), len(tail)) - 1].tolist()
        rows.append({"item_id": f"item-{i}", "doc_id": f"doc-{doc}", "council": f"{council} Council",
                     "text": " ".join(parts) + ".", "gold_theme": theme})
    return pd.DataFrame(rows)


def measure(n: int) -> dict:
    """Cluster ``n`` synthetic items in this process; time, peak memory and agreement."""
    from helpers import cluster

    items = synthetic_items(n)
    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    result = cluster.cluster_items(items)
    seconds = time.perf_counter() - t0
    sizes = np.bincount(result.labels)
    agree = cluster.agreement(result.labels, items["gold_theme"])
    return {
        "items": n, "seconds": round(seconds, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "before_mb": round(start_rss),
        "k": result.k, "features": int(result.features.tfidf.shape[1]), "method": result.method,
        "stability": round(result.stability, 3), "ARI": round(agree["ARI"], 3), "NMI": round(agree["NMI"], 3),
        "largest_share": round(float(sizes.max() / n), 3), "smallest_cluster": int(sizes.min()),
        "note": result.note,
    }


def run_in_subprocess(n: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, str(n), "--json"], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def machine() -> str:
    import sklearn

    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    cpu = platform.processor() or platform.machine()
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
        cpu = model
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{cpu}, {os.cpu_count()} cores, {mem_gb:.0f} GB RAM; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, scikit-learn {sklearn.__version__}; "
            f"1-minute load average at the start {load:.1f} (the machine is shared)")


def write_results(rows: list[dict]) -> None:
    lines = [
        "# Stage 3 (cluster) at scale",
        "",
        "Synthetic items (≈ 30 words: templates per codebook theme with council, body and officer names mixed in,",
        "plus six Zipf-distributed words from a 60,000-word made-up vocabulary for the long tail of real text;",
        "`benchmarks/bench_cluster.py`), clustered with the defaults of `helpers.cluster.cluster_items`",
        "(automatic k on a 3,000-item sample, then the final model on every item). Each size ran in a fresh",
        "process; peak memory is that process's maximum resident set, including ≈ the `before` figure for",
        "Python, pandas and scikit-learn themselves. ARI/NMI are against the template theme.",
        "",
        f"Machine: {machine()}.",
        "",
        "| items | seconds | peak MB | before MB | k | features | method | stability (10 seeds) | ARI | NMI "
        "| largest cluster | smallest cluster |",
        "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['items']:,} | {r['seconds']} | {r['peak_mb']} | {r['before_mb']} | {r['k']} | "
                     f"{r['features']:,} | {r['method']} | {r['stability']} | {r['ARI']} | {r['NMI']} | "
                     f"{r['largest_share']:.0%} | {r['smallest_cluster']} |")
    notes = [f"- {r['items']:,} items: {r['note']}" for r in rows if r["note"]]
    lines += ["", f"Target: 100,000 items within {TARGET_SECONDS} s.", *notes, "",
              "Reproduce: `.venv/bin/python benchmarks/bench_cluster.py` "
              "(or `.venv/bin/python -m pytest -m slow benchmarks/bench_cluster.py`).", ""]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> None:
    if argv and argv[0].isdigit():
        row = measure(int(argv[0]))
        print(json.dumps(row) if "--json" in argv else row)
        return
    rows = [run_in_subprocess(n) for n in SIZES]
    write_results(rows)
    print(RESULTS.read_text())


@pytest.mark.slow
def test_cluster_scales_to_100k_items():
    rows = [run_in_subprocess(n) for n in SIZES]
    write_results(rows)
    big = rows[-1]
    assert big["seconds"] < TARGET_SECONDS, big
    assert big["smallest_cluster"] > 0 and big["largest_share"] <= 0.5, big


if __name__ == "__main__":
    main(sys.argv[1:])
