"""How far to trust the codes: a double-coding sample, and agreement between coders and the model.

1. :func:`write_sample` draws a seeded random sample of items into a CSV with blank
   ``kind``/``status``/``theme`` columns for a second coder to fill in (Excel or any editor).
2. A filled copy saved as ``data/annotations/double_coding/<coder>.csv`` is read back by
   :func:`load_codings`, together with the hand-coded gold labels (``items_gold.csv``) as coder "gold".
3. :func:`agreement` gives, per label and per pair (coder vs coder, coder vs model), Cohen's
   kappa (scikit-learn) and Krippendorff's alpha (the ``krippendorff`` package, nominal) with
   seeded bootstrap confidence intervals; :func:`disagreements` lists the items they differ on.

A blank cell means "not coded": it is missing data, never an agreement (two coders who both
leave an item blank have not agreed on anything). Only items both sides coded are compared;
``n_coded`` says how many. A label whose alpha is below 0.667 — Krippendorff's lowest level
for tentative conclusions — or cannot be computed is flagged.
"""

from __future__ import annotations

import warnings
from itertools import combinations
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

from . import codebook
from .config import SEED
from .tables import atomic_write_text

LABELS: tuple[str, ...] = ("kind", "status", "theme")
#: Krippendorff's alpha below this is not reliable enough to draw even tentative conclusions.
ALPHA_THRESHOLD = 0.667
#: Bootstrap resamples for the confidence intervals.
N_BOOT = 1000
SAMPLE_SIZE = 40
SAMPLE_FILE = "double_coding_sample.csv"
CODINGS_DIR = "double_coding"
MODEL = "model"


def _domain(label: str) -> list[str]:
    return list(codebook.load()[label])


def draw_sample(items: pd.DataFrame, n: int = SAMPLE_SIZE, seed: int = SEED) -> pd.DataFrame:
    """A seeded random sample of ``n`` items, in document order, with blank label columns."""
    picked = items.sample(n=min(n, len(items)), random_state=seed).sort_values(["doc_id", "seq"])
    sample = picked[["item_id", "council", "label", "text"]].reset_index(drop=True)
    for column in (*LABELS, "note"):
        sample[column] = ""
    return sample


def write_sample(items: pd.DataFrame, reports: str | Path, n: int = SAMPLE_SIZE, seed: int = SEED) -> Path:
    """Write ``reports/double_coding_sample.csv`` (UTF-8 with a byte-order mark, so Excel reads it)."""
    path = Path(reports) / SAMPLE_FILE
    atomic_write_text(path, "\ufeff" + draw_sample(items, n, seed).to_csv(index=False))
    return path


def _blank_to_na(df: pd.DataFrame) -> pd.DataFrame:
    out = df[["item_id", *LABELS]].copy()
    for label in LABELS:
        out[label] = out[label].replace("", pd.NA)
    return out.drop_duplicates("item_id").reset_index(drop=True)


def read_coding(path: str | Path) -> pd.DataFrame:
    """A filled double-coding sample: ``item_id`` and the coder's labels (blank → missing)."""
    from .inputs import read_csv_input

    df = read_csv_input(
        path,
        required=["item_id", *LABELS],
        optional=["council", "label", "text", "note"],
        labels={label: _domain(label) for label in LABELS},
        nonempty=["item_id"],
    )
    return _blank_to_na(df)


def coding_from_gold(gold: pd.DataFrame, items: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The gold labels as one coder's coding of the items they fall in (unmatched rows dropped)."""
    from .evaluate import match_gold

    matched = match_gold(items, documents, gold)
    return _blank_to_na(matched[matched["item_id"].notna()])


def load_codings(annotations: str | Path, items: pd.DataFrame, documents: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every human coding available: ``gold`` (items_gold.csv) and each ``double_coding/<coder>.csv``."""
    from .evaluate import read_gold

    annotations = Path(annotations)
    codings: dict[str, pd.DataFrame] = {}
    gold = read_gold(annotations)
    if not gold.empty:
        codings["gold"] = coding_from_gold(gold, items, documents)
    for path in sorted((annotations / CODINGS_DIR).glob("*.csv")):
        codings[path.stem] = read_coding(path)
    return codings


def kappa(a: np.ndarray, b: np.ndarray, domain: list[str]) -> float:
    """Cohen's kappa (scikit-learn) of two complete codings; NaN when undefined (one category only)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(cohen_kappa_score(a, b, labels=domain))


def _encode(values: np.ndarray, domain: list[str]) -> np.ndarray:
    index = {value: i for i, value in enumerate(domain)}
    return np.array([index[v] for v in values], dtype=int)


def alpha(a: np.ndarray, b: np.ndarray, domain: list[str]) -> float:
    """Krippendorff's alpha (``krippendorff`` package, nominal) of two complete codings."""
    data = np.vstack([_encode(a, domain), _encode(b, domain)]).astype(float)
    return _alpha_codes(data, len(domain))


def _alpha_codes(data: np.ndarray, n_labels: int) -> float:
    if data.shape[1] == 0:
        return float("nan")
    with np.errstate(all="ignore"):
        return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal", value_domain=range(n_labels)))


def _bootstrap_kappas(a: np.ndarray, b: np.ndarray, n_labels: int, draws: np.ndarray) -> np.ndarray:
    """Cohen's kappa of every resample at once, from its confusion matrix.

    The same formula as scikit-learn's ``cohen_kappa_score`` (a test checks they agree),
    vectorised because calling it a thousand times per label takes seconds.
    """
    n_boot, n = draws.shape
    cells = a[draws] * n_labels + b[draws] + np.arange(n_boot)[:, None] * n_labels**2
    confusion = np.bincount(cells.ravel(), minlength=n_boot * n_labels**2).reshape(n_boot, n_labels, n_labels)
    observed = np.trace(confusion, axis1=1, axis2=2) / n
    expected = (confusion.sum(axis=2) * confusion.sum(axis=1)).sum(axis=1) / n**2
    with np.errstate(all="ignore"):
        return np.where(expected < 1, (observed - expected) / (1 - expected), np.nan)


def _percentiles(values: np.ndarray) -> tuple[float, float]:
    if np.isnan(values).all():
        return float("nan"), float("nan")
    low, high = np.nanpercentile(values, [2.5, 97.5])
    return float(low), float(high)


def _pairable(first: pd.DataFrame, second: pd.DataFrame, label: str) -> tuple[int, np.ndarray, np.ndarray]:
    """Units in either coding, and the values of those both sides coded."""
    both = first[["item_id", label]].merge(second[["item_id", label]], on="item_id", how="outer", suffixes=("_a", "_b"))
    coded = both.dropna(subset=[f"{label}_a", f"{label}_b"])
    return len(both), coded[f"{label}_a"].to_numpy(dtype=object), coded[f"{label}_b"].to_numpy(dtype=object)


def compare_pair(first: pd.DataFrame, second: pd.DataFrame, label: str, n_boot: int = N_BOOT, seed: int = SEED) -> dict:
    """Agreement of two codings on one label, with 95 % percentile bootstrap intervals (items resampled)."""
    domain = _domain(label)
    n_items, a, b = _pairable(first, second, label)
    nan = float("nan")
    k, al, k_ci, a_ci = nan, nan, (nan, nan), (nan, nan)
    if len(a):
        k, al = kappa(a, b, domain), alpha(a, b, domain)
    if len(a) >= 2:
        codes_a, codes_b = _encode(a, domain), _encode(b, domain)
        draws = np.random.default_rng(seed).integers(0, len(a), size=(n_boot, len(a)))
        k_ci = _percentiles(_bootstrap_kappas(codes_a, codes_b, len(domain), draws))
        alphas = [_alpha_codes(np.vstack([codes_a[d], codes_b[d]]).astype(float), len(domain)) for d in draws]
        a_ci = _percentiles(np.array(alphas))
    return {
        "label": label,
        "n_items": n_items,
        "n_coded": len(a),
        "agreement": float((a == b).mean()) if len(a) else nan,
        "kappa": k,
        "kappa_low": k_ci[0],
        "kappa_high": k_ci[1],
        "alpha": al,
        "alpha_low": a_ci[0],
        "alpha_high": a_ci[1],
        "flag": not al >= ALPHA_THRESHOLD,
    }


def agreement(
    codings: dict[str, pd.DataFrame],
    model: pd.DataFrame | None = None,
    labels: tuple[str, ...] = LABELS,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> pd.DataFrame:
    """Kappa and alpha per label for every pair of coders, and each coder against ``model``.

    ``codings`` maps a coder's name to a DataFrame of ``item_id`` and labels; ``model`` is the
    items table. Coder-vs-model pairs use only the items that coder coded.
    """
    pairs = [(x, y, codings[x], codings[y]) for x, y in combinations(codings, 2)]
    if model is not None:
        pairs += [(x, MODEL, coding, model[model["item_id"].isin(coding["item_id"])]) for x, coding in codings.items()]
    rows = [
        {"coder_a": x, "coder_b": y, **compare_pair(first, second, label, n_boot, seed)}
        for x, y, first, second in pairs
        for label in labels
    ]
    columns = ["label", "coder_a", "coder_b", "n_items", "n_coded", "agreement", "kappa", "kappa_low", "kappa_high",
               "alpha", "alpha_low", "alpha_high", "flag"]
    return pd.DataFrame(rows, columns=columns)


def disagreements(codings: dict[str, pd.DataFrame], model: pd.DataFrame, labels: tuple[str, ...] = LABELS) -> pd.DataFrame:
    """One row per item and label on which the coders (and the model) who coded it differ."""
    if not codings:
        return pd.DataFrame(columns=["item_id", "label", MODEL, "text"])
    rows = []
    for label in labels:
        wide = model[["item_id", "text", label]].rename(columns={label: MODEL})
        for name, coding in codings.items():
            wide = wide.merge(coding[["item_id", label]].rename(columns={label: name}), on="item_id", how="left")
        names = [*codings, MODEL]
        coded = wide[wide[list(codings)].notna().any(axis=1)]
        rows.append(coded[coded[names].nunique(axis=1) > 1].assign(label=label))
    out = pd.concat(rows, ignore_index=True)
    return out[["item_id", "label", *codings, MODEL, "text"]]
