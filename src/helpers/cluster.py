"""Stage 3 — cluster: group items by what they are about, name the groups, and set
them beside the codebook themes.

TF-IDF over word 1–2-grams with local-government boilerplate removed (a fixed list
plus terms that occur in most documents), k-means with a fixed seed, and the number
of clusters chosen by silhouette and stability across seeds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score, silhouette_score

from .config import SEED

BOILERPLATE = {
    "council", "councils", "partnership", "partnerships", "board", "boards", "report", "reports", "members",
    "member", "that", "be", "would", "will", "should", "proposed", "proposal", "recommendation", "alliance",
    "city", "borough", "county", "cllr", "chief", "executive", "officer", "said", "mr", "ms", "group", "groups",
    "including", "new", "current", "currently", "consider", "also", "make", "need", "need to", "way",
}


@dataclass
class ClusterResult:
    labels: np.ndarray
    k: int
    names: dict[int, str]
    top_terms: dict[int, list[str]]
    curve: pd.DataFrame
    stability: float
    note: str
    vectorizer: TfidfVectorizer
    matrix: object


def vectorise(texts: list[str], max_df: float = 0.5, min_df: int = 1) -> tuple[TfidfVectorizer, object]:
    """TF-IDF over word 1–2-grams; boilerplate and corpus-wide terms are dropped."""
    n = len(texts)
    vec = TfidfVectorizer(
        ngram_range=(1, 2),
        stop_words=sorted(ENGLISH_STOP_WORDS | BOILERPLATE),
        max_df=max_df if n >= 10 else 1.0,
        min_df=min_df if n >= 50 else 1,
        sublinear_tf=True,
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]+\b",
        dtype=np.float32,
    )
    return vec, vec.fit_transform(texts)


def _kmeans(k: int, seed: int, n: int):
    if n > 5000:
        return MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=2048)
    return KMeans(n_clusters=k, random_state=seed, n_init=10)


def choose_k(matrix, k_values, seed: int = SEED) -> pd.DataFrame:
    """Silhouette and cross-seed stability (mean ARI) for each candidate k."""
    n = matrix.shape[0]
    rows = []
    sample = min(n, 3000)
    for k in k_values:
        if k < 2 or k >= n:
            continue
        runs = [_kmeans(k, seed + i, n).fit_predict(matrix) for i in range(3)]
        labels = runs[0]
        if len(set(labels)) < 2:
            continue
        sil = silhouette_score(matrix, labels, metric="cosine", sample_size=sample, random_state=seed)
        ari = np.mean([adjusted_rand_score(runs[0], r) for r in runs[1:]])
        rows.append({"k": k, "silhouette": float(sil), "stability": float(ari)})
    return pd.DataFrame(rows, columns=["k", "silhouette", "stability"])


def cluster_texts(texts: list[str], k: int | None = None, seed: int = SEED, k_max: int = 12) -> ClusterResult:
    """Cluster ``texts``; pick k automatically unless given; never returns empty clusters."""
    n = len(texts)
    vec, matrix = vectorise(texts)
    note = ""
    if n < 4 or matrix.shape[1] == 0:
        labels = np.zeros(n, dtype=int)
        return ClusterResult(labels, 1, {0: "all items"}, {0: []}, pd.DataFrame(), 1.0,
                             f"only {n} items: one cluster", vec, matrix)
    k_values = range(2, min(k_max, n - 1) + 1)
    curve = choose_k(matrix, k_values, seed)
    if k is None:
        if curve.empty:
            k = 1
        else:
            score = curve["silhouette"] + 0.1 * curve["stability"]
            k = int(curve.loc[score.idxmax(), "k"])
    elif k >= n:
        note = f"asked for {k} clusters but there are only {n} items: using {n - 1}"
        k = max(1, n - 1)
    labels = _kmeans(k, seed, n).fit_predict(matrix) if k > 1 else np.zeros(n, dtype=int)
    labels = _relabel(labels)
    k = len(set(labels))
    terms = top_terms(vec, matrix, labels)
    names = {c: ", ".join(t[:3]) if t else f"cluster {c}" for c, t in terms.items()}
    stability = seed_stability(matrix, k, seed) if k > 1 else 1.0
    return ClusterResult(labels, k, names, terms, curve, stability, note, vec, matrix)


def _relabel(labels: np.ndarray) -> np.ndarray:
    """Number clusters by size (0 = largest) so labels are stable and dense."""
    values, counts = np.unique(labels, return_counts=True)
    order = sorted(zip(-counts, values))
    mapping = {v: i for i, (_, v) in enumerate(order)}
    return np.array([mapping[v] for v in labels], dtype=int)


def top_terms(vec, matrix, labels, n: int = 6) -> dict[int, list[str]]:
    vocab = np.array(vec.get_feature_names_out())
    out = {}
    for c in sorted(set(labels)):
        centroid = np.asarray(matrix[labels == c].mean(axis=0)).ravel()
        best = centroid.argsort()[::-1][:n]
        out[int(c)] = [vocab[i] for i in best if centroid[i] > 0]
    return out


def seed_stability(matrix, k: int, seed: int = SEED, n_seeds: int = 10) -> float:
    """Mean adjusted Rand index between clusterings with ``n_seeds`` different seeds."""
    n = matrix.shape[0]
    runs = [_kmeans(k, seed + i, n).fit_predict(matrix) for i in range(n_seeds)]
    scores = [adjusted_rand_score(a, b) for i, a in enumerate(runs) for b in runs[i + 1 :]]
    return float(np.mean(scores)) if scores else 1.0


def representatives(result: ClusterResult, items: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """The ``n`` items nearest each cluster's centre, with council and document."""
    rows = []
    matrix = result.matrix
    for c in sorted(set(result.labels)):
        idx = np.where(result.labels == c)[0]
        centroid = np.asarray(matrix[idx].mean(axis=0)).ravel()
        sims = np.asarray(matrix[idx] @ centroid).ravel()
        for rank, j in enumerate(idx[np.argsort(-sims, kind="stable")][:n]):
            item = items.iloc[j]
            rows.append({"cluster": int(c), "cluster_label": result.names[c], "rank": rank + 1,
                         "council": item["council"], "doc_id": item["doc_id"], "text": item["text"]})
    return pd.DataFrame(rows)


def agreement(clusters, themes) -> dict[str, float]:
    """ARI and NMI between cluster labels and theme labels."""
    return {
        "ARI": float(adjusted_rand_score(themes, clusters)),
        "NMI": float(normalized_mutual_info_score(themes, clusters)),
    }


def assign(items: pd.DataFrame, result: ClusterResult) -> pd.DataFrame:
    out = items.copy()
    out["cluster"] = pd.array(result.labels, dtype="Int64")
    out["cluster_label"] = [result.names[c] for c in result.labels]
    return out


def summary(items: pd.DataFrame, result: ClusterResult) -> pd.DataFrame:
    counts = items.groupby("cluster").size()
    theme = items.groupby("cluster")["theme"].agg(lambda s: s.value_counts().index[0])
    return pd.DataFrame({
        "cluster": [int(c) for c in counts.index],
        "cluster_label": [result.names[int(c)] for c in counts.index],
        "n_items": counts.values.astype(int),
        "top_terms": [", ".join(result.top_terms[int(c)]) for c in counts.index],
        "commonest_theme": theme.values,
    })


# ---------------------------------------------------------------- charts


def plot_k_curve(curve: pd.DataFrame, chosen: int):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.2))
    if not curve.empty:
        ax.plot(curve["k"], curve["silhouette"], marker="o", label="silhouette (cosine)")
        ax.plot(curve["k"], curve["stability"], marker="s", label="stability (ARI across seeds)")
        ax.axvline(chosen, color="grey", linestyle="--", label=f"chosen k = {chosen}")
    ax.set_xlabel("number of clusters k")
    ax.set_ylabel("score")
    ax.legend(frameon=False, fontsize=8)
    ax.set_title("Choosing the number of clusters")
    fig.tight_layout()
    return fig


def plot_council_theme_heatmap(items: pd.DataFrame, column: str = "theme"):
    import matplotlib.pyplot as plt

    table = pd.crosstab(items["council"].fillna("(council not stated)"), items[column], normalize="index")
    fig, ax = plt.subplots(figsize=(1.1 * max(4, table.shape[1]) + 2, 0.5 * max(3, table.shape[0]) + 1.5))
    im = ax.imshow(table.values, cmap="Blues", vmin=0, vmax=max(0.01, table.values.max()), aspect="auto")
    ax.set_xticks(range(table.shape[1]), table.columns, rotation=40, ha="right")
    ax.set_yticks(range(table.shape[0]), table.index)
    for (i, j), v in np.ndenumerate(table.values):
        if v > 0:
            ax.text(j, i, f"{v:.0%}", ha="center", va="center", fontsize=7,
                    color="white" if v > 0.5 * table.values.max() else "black")
    fig.colorbar(im, ax=ax, label="share of the council's items")
    ax.set_title(f"Share of each council's items by {column}")
    fig.tight_layout()
    return fig


def plot_theme_counts(items: pd.DataFrame, by: str = "kind"):
    import matplotlib.pyplot as plt

    table = pd.crosstab(items["theme"], items[by])
    fig, ax = plt.subplots(figsize=(7, 3.8))
    table.plot.barh(stacked=True, ax=ax, colormap="tab20", width=0.8)
    ax.set_xlabel("items")
    ax.set_ylabel("")
    ax.set_title(f"Items by theme and {by}")
    ax.legend(frameon=False, fontsize=7, ncols=2)
    fig.tight_layout()
    return fig


def plot_map(result: ClusterResult, seed: int = SEED):
    import matplotlib.pyplot as plt
    from sklearn.decomposition import TruncatedSVD

    fig, ax = plt.subplots(figsize=(6, 4.5))
    m = result.matrix
    if m.shape[0] >= 3 and m.shape[1] >= 3:
        xy = TruncatedSVD(n_components=2, random_state=seed).fit_transform(m)
        for c in sorted(set(result.labels)):
            pts = xy[result.labels == c]
            ax.scatter(pts[:, 0], pts[:, 1], s=18, label=f"{c}: {result.names[c]}", alpha=0.8)
        ax.legend(frameon=False, fontsize=7, loc="best")
    ax.set_xlabel("component 1")
    ax.set_ylabel("component 2")
    ax.set_title("Items in two dimensions (truncated SVD of TF-IDF), coloured by cluster")
    fig.tight_layout()
    return fig


def run(paths, k: int | None = None, seed: int = SEED) -> tuple[pd.DataFrame, ClusterResult]:
    """Cluster the items table; write ``items`` (with cluster columns) and ``clusters``."""
    from .tables import read_table, write_table

    items = read_table("items", paths.processed)
    result = cluster_texts(items["text"].tolist(), k=k, seed=seed)
    items = assign(items, result)
    write_table(items, "items", paths.processed)
    write_table(summary(items, result), "clusters", paths.processed)
    return items, result
