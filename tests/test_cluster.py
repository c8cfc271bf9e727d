"""Stage 3 (cluster): determinism, the small-corpus fallback, naming, stop words and agreement figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import cluster

# Four themes, six items each, in two "councils" whose names appear in every item — the
# document-specific vocabulary that should not decide the clusters.
THEMED = {
    "meetings": ["meet quarterly instead of monthly", "hold an awayday and shorter agendas",
                 "meetings every six weeks with informal working between meetings",
                 "quarterly meetings with a shorter agenda", "an annual awayday replaces two meetings",
                 "meet informally between the quarterly meetings"],
    "resources": ["pool budgets for health and care", "shared services to reduce expenditure",
                  "joint commissioning with a pooled budget", "funding aligned across partners to save cost",
                  "efficiency savings from shared services", "a pooled budget for commissioning"],
    "membership": ["the chair and deputy chair are elected", "the voluntary sector has two members",
                   "membership reduced to twelve members", "a GP representative joins the membership",
                   "the deputy chair represents business", "members nominated by each sector"],
    "data": ["data sharing agreement between partners", "an information hub for intelligence",
             "digital tools for sharing data", "intelligence and data shared through the hub",
             "a data hub draws together information", "digital information sharing across services"],
}


def themed_items() -> pd.DataFrame:
    rows = []
    for theme, texts in THEMED.items():
        for i, text in enumerate(texts):
            council = "Northbury" if i % 2 else "Southmoor"
            rows.append({"item_id": f"{theme}-{i}", "doc_id": f"doc-{council}",
                         "council": f"{council} Council", "label": "", "theme": theme,
                         "text": f"The {council} Partnership agreed that we should {text}."})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def items() -> pd.DataFrame:
    return themed_items()


def test_same_input_same_clusters(items):
    a = cluster.cluster_items(items)
    b = cluster.cluster_items(items.copy())
    assert np.array_equal(a.labels, b.labels)
    assert a.names == b.names and a.k == b.k
    assert a.curve.equals(b.curve)


def test_clusters_follow_themes_not_councils(items):
    result = cluster.cluster_items(items, k=4)
    by_theme = cluster.agreement(result.labels, items["theme"])
    by_council = cluster.agreement(result.labels, items["council"])
    assert by_theme["ARI"] > 0.6, by_theme
    assert by_council["NMI"] < 0.2, by_council
    assert result.stability >= cluster.STABILITY_TARGET


def test_automatic_k_shows_its_curve_and_avoids_an_outlier_bucket(items):
    result = cluster.cluster_items(items)
    assert {"k", "silhouette", "stability", "largest_share"} <= set(result.curve.columns)
    assert result.k in set(result.curve["k"])
    assert np.bincount(result.labels).max() / len(items) <= cluster.MAX_SHARE


@pytest.mark.parametrize("method", cluster.METHODS)
def test_every_method_is_seeded_and_dense(items, method):
    first = cluster.cluster_items(items, k=4, method=method)
    again = cluster.cluster_items(items, k=4, method=method)
    assert np.array_equal(first.labels, again.labels)
    assert sorted(set(first.labels)) == list(range(first.k))  # no empty cluster, numbered 0..k-1
    assert np.all(np.diff(np.bincount(first.labels)) <= 0)  # 0 is the largest


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 5, 7])
def test_small_corpus_never_crashes_or_leaves_a_cluster_empty(n):
    texts = [t for group in THEMED.values() for t in group][:: 6][:n] + [
        "quarterly meetings", "pooled budgets", "the chair", "a data hub"][: max(0, n - 4)]
    result = cluster.cluster_texts(texts[:n])
    assert len(result.labels) == n
    if n:
        sizes = np.bincount(result.labels)
        assert (sizes > 0).all()
        assert result.k <= max(1, n // 2)
    if n < 4:
        assert result.k == (1 if n else 0) and "one cluster" in result.note


def test_asking_for_too_many_clusters_falls_back_and_says_so(items):
    few = items.head(6)
    result = cluster.cluster_items(few, k=10)
    assert result.k <= 3
    assert "asked for 10 clusters" in result.note


def test_only_stop_words_gives_one_cluster_with_a_note():
    result = cluster.cluster_texts(["The council board.", "That the report be noted.", "The partnership.",
                                    "It is the members.", "Council."])
    assert result.k == 1 and "one cluster" in result.note


def test_learned_stop_words_drop_names_but_keep_codebook_words(items):
    learned = cluster.learned_stop_words(items["text"].tolist(), items["doc_id"].tolist(), ["Northbury Council"])
    assert {"northbury", "southmoor"} <= set(learned)
    assert not {"chair", "budgets", "meetings", "data", "membership"} & set(learned)


def test_words_in_most_documents_are_learned_once_there_are_enough_documents():
    texts = [f"The Wexcombe protocol covers {w}." for w in
             ["budgets", "meetings", "chairs", "data", "funding", "agendas", "deputies", "hubs"]]
    docs = [f"d{i}" for i in range(8)]
    assert "covers" in cluster.learned_stop_words(texts, docs)
    assert "covers" not in cluster.learned_stop_words(texts[:4], docs[:4])  # four documents: too few to tell
    assert "protocol" not in cluster.learned_stop_words(texts, docs)  # a codebook word


def test_names_are_readable_unique_and_from_top_terms(items):
    result = cluster.cluster_items(items, k=4)
    names = list(result.names.values())
    assert len(set(names)) == len(names)
    for c, name in result.names.items():
        parts = name.split(" · ")
        assert 1 <= len(parts) <= 3 and parts == result.top_terms[c][: len(parts)]
    members = items[result.labels == result.labels[items["theme"].eq("meetings").idxmax()]]
    assert members["theme"].eq("meetings").mean() > 0.5
    assert any(w in result.names[result.labels[items["theme"].eq("meetings").idxmax()]]
               for w in ("meet", "meetings", "quarterly", "awayday", "agenda", "informal"))


def test_top_terms_do_not_repeat_a_word():
    assert cluster._dedupe(["quarterly meetings", "meetings", "meet", "awayday", "quarterly"]) == [
        "quarterly meetings", "awayday"]


def test_representatives_quote_council_and_document(items):
    result = cluster.cluster_items(items, k=4)
    documents = pd.DataFrame({"doc_id": ["doc-Northbury", "doc-Southmoor"], "file": ["n.txt", "s.txt"]})
    reps = cluster.representatives(result, items, documents, n=2)
    assert len(reps) == 2 * result.k
    assert set(reps["document"]) <= {"n.txt", "s.txt"}
    assert reps["quote"].str.startswith("“").all() and reps["council"].str.endswith("Council").all()
    for row in reps.itertuples():
        assert row.quote.strip("“”") in set(items["text"])


def test_agreement_figures():
    perfect = cluster.agreement([0, 0, 1, 1, 2, 2], ["a", "a", "b", "b", "c", "c"])
    assert perfect == {"ARI": 1.0, "NMI": 1.0}
    none = cluster.agreement([0, 1, 0, 1], ["a", "a", "b", "b"])
    assert none["ARI"] < 0 and none["NMI"] == pytest.approx(0.0, abs=1e-9)


def _gold_fixture(items):
    text = "\n".join(items["text"])
    starts = np.cumsum([0] + [len(t) + 1 for t in items["text"]])[:-1]
    corpus = items.assign(doc_id="doc-1", start=starts, end=starts + items["text"].str.len())
    documents = pd.DataFrame({"doc_id": ["doc-1"], "file": ["f.txt"], "text": [text]})
    gold = pd.DataFrame({"file": "f.txt", "key_phrase": items["text"].str[:60], "kind": "proposal",
                         "status": "proposed", "theme": items["theme"], "label": "", "notes": ""})
    return corpus, documents, gold


def test_gold_agreement_scores_clusters_against_hand_coded_themes(items):
    corpus, documents, gold = _gold_fixture(items)
    result = cluster.cluster_items(corpus, k=4)
    clustered = cluster.assign(corpus, result)
    table = cluster.gold_agreement(clustered, documents, gold).set_index("compared")
    assert table["items"].iloc[0] == len(items)
    assert table.loc["stage-2 codebook themes vs hand-coded themes", "ARI"] == pytest.approx(1.0)
    expected = cluster.agreement(result.labels, items["theme"])
    assert table.loc["clusters vs hand-coded themes", "ARI"] == pytest.approx(expected["ARI"])


def test_compare_methods_scores_each_method_and_picks_a_stable_one(items):
    corpus, documents, gold = _gold_fixture(items)
    table = cluster.compare_methods(corpus, documents, gold, guides=(1.0,), k=4)
    assert list(table["method"]) == list(cluster.METHODS)
    assert table[["ARI", "NMI", "seed_stability", "subsample_stability"]].notna().all().all()
    best = cluster.best_configuration(table)
    assert best["stable"] and best["ARI"] == table.loc[table["stable"], "ARI"].max()


def test_summary_and_crosstab(items):
    result = cluster.cluster_items(items, k=4)
    clustered = cluster.assign(items, result)
    summary = cluster.summary(clustered, result)
    assert summary["n_items"].sum() == len(items) and summary["share"].sum() == pytest.approx(1.0, abs=0.01)
    assert cluster.crosstab_themes(clustered).to_numpy().sum() == len(items)


def test_embeddings_comparison_without_the_extra_shows_recorded_figures(items, monkeypatch):
    monkeypatch.setattr(cluster, "embeddings_available", lambda: False)
    table, how = cluster.embeddings_comparison(items, pd.DataFrame(), pd.DataFrame())
    assert "recorded" in how and "torch==2.13.0" in how
    assert {"tfidf", "embeddings"} == set(table["representation"])


def test_embed_without_the_extra_names_the_install_command(monkeypatch):
    monkeypatch.setattr(cluster, "embeddings_available", lambda: False)
    cluster._embed.cache_clear()
    with pytest.raises(ImportError, match="torch==2.13.0"):
        cluster.embed(["a text"])


def test_large_corpus_path_samples_and_falls_back_from_agglomerative(monkeypatch, items):
    """The large-corpus branch (k chosen on a sample, NMF instead of Ward) on a corpus made 'large' by a low threshold."""
    monkeypatch.setattr(cluster, "LARGE", 10)
    big = pd.concat([items] * 3, ignore_index=True).assign(item_id=lambda d: [f"i{i}" for i in range(len(d))])
    result = cluster.cluster_items(big, method="agglomerative")
    assert "too many for agglomerative" in result.note and result.method == "nmf"
    assert (np.bincount(result.labels) > 0).all()


def test_charts_draw_on_a_small_corpus(items):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    result = cluster.cluster_items(items.head(3))
    clustered = cluster.assign(items.head(3), result).assign(kind="proposal", status="proposed")
    for fig in (cluster.plot_k_curve(result.curve, result.k), cluster.plot_map(result),
                cluster.plot_council_theme_heatmap(clustered), cluster.plot_theme_counts(clustered, by="status")):
        assert fig.axes
        plt.close(fig)
