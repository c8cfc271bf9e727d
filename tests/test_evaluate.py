"""Gold matching and the quality table: one item per gold row, honest (leave one
document out) scores, and a disagreements listing."""

from __future__ import annotations

import pandas as pd

from helpers import evaluate

TEXT_A = "Protocols will need to be drawn up.\n\nThe chair will change. The board will merge.\n\nProtocols will need to be drawn up."
TEXT_B = "Ward panels will be refreshed with residents.\n\nThe budget will be pooled."
DOCS = pd.DataFrame({"doc_id": ["a", "b"], "file": ["a.txt", "b.txt"], "text": [TEXT_A, TEXT_B]})


def _items(spans: list[tuple[str, int, int]], **labels) -> pd.DataFrame:
    texts = dict(zip(DOCS["doc_id"], DOCS["text"]))
    rows = [{"item_id": f"{d}-{i}", "doc_id": d, "label": "", "section": "prose", "context": "",
             "start": s, "end": e, "text": texts[d][s:e], **labels} for i, (d, s, e) in enumerate(spans)]
    return pd.DataFrame(rows)


def _gold(rows: list[tuple[str, str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["file", "key_phrase", "kind", "status", "theme"])


def test_locate_normalises_the_phrase_like_ingest_normalises_documents():
    text = 'The board said "major  reinvention" - now.'  # documents.text is already normalised
    assert evaluate.locate("“major reinvention” – Now", text) == text.index('"')
    assert evaluate.locate("absent phrase", text) == -1


def test_a_repeated_phrase_matches_its_occurrences_in_gold_order():
    second = TEXT_A.rindex("Protocols")
    items = _items([("a", 0, 35), ("a", second, len(TEXT_A))])
    gold = _gold([("a.txt", "Protocols will need to be drawn up.", "implication", "proposed", "governance")] * 2)
    matched = evaluate.match_gold(items, DOCS, gold)
    assert list(matched["item_id"]) == ["a-0", "a-1"]


def test_an_item_that_swallows_two_gold_items_counts_once():
    start = TEXT_A.index("The chair")
    items = _items([("a", start, start + 43)], kind="statement", status="proposed", theme="membership")
    gold = _gold([("a.txt", "The chair will change.", "statement", "proposed", "membership"),
                  ("a.txt", "The board will merge.", "statement", "proposed", "structure")])
    q = evaluate.item_quality(items, DOCS, gold, lodo=False).set_index("metric")["value"]
    assert q["item recall"] == 0.5 and q["item precision"] == 1.0
    problems = evaluate.disagreements(items, DOCS, gold, lodo=False)["problem"]
    assert problems.str.startswith("missed").sum() == 1


def test_item_quality_reports_every_metric_and_disagreements_name_wrong_labels():
    items = _items([("a", 0, 35), ("b", 0, 45)], kind="implication", status="proposed", theme="governance")
    gold = _gold([("a.txt", "Protocols will need", "implication", "proposed", "governance"),
                  ("b.txt", "Ward panels", "statement", "agreed", "engagement")])
    q = evaluate.item_quality(items, DOCS, gold, lodo=False)
    assert list(q["metric"]) == ["gold items", "extracted items", "item recall", "item precision",
                                 "kind accuracy", "kind kappa", "status accuracy", "status kappa",
                                 "theme accuracy", "theme kappa"]
    values = q.set_index("metric")["value"]
    assert values["item recall"] == 1.0 and values["kind accuracy"] == 0.5
    d = evaluate.disagreements(items, DOCS, gold, lodo=False)
    assert list(d["problem"]) == ["wrong kind, status, theme"] and d.iloc[0]["file"] == "b.txt"


def test_extra_items_lower_precision_and_are_listed():
    items = _items([("a", 0, 35), ("b", 0, 45), ("b", 47, len(TEXT_B))], kind="implication", status="proposed",
                   theme="governance")
    gold = _gold([("a.txt", "Protocols will need", "implication", "proposed", "governance")])
    q = evaluate.item_quality(items, DOCS, gold, lodo=False).set_index("metric")["value"]
    assert q["item precision"] == 1.0, "only items of documents that have gold count"
    gold_b = _gold([("b.txt", "Ward panels", "statement", "agreed", "engagement")])
    d = evaluate.disagreements(items, DOCS, gold_b, lodo=False)
    assert (d["problem"] == "extra item (not in gold)").sum() == 1


def test_leave_one_document_out_never_learns_a_document_from_its_own_gold():
    # "Ward panels" carries no codebook term, so only a labelled example can teach its theme.
    items = _items([("a", 0, 35), ("b", 0, 45)])
    gold = _gold([("a.txt", "Protocols will need", "implication", "proposed", "governance"),
                  ("b.txt", "Ward panels", "statement", "proposed", "data")])
    recoded = evaluate.code_leave_one_document_out(items, DOCS, gold).set_index("item_id")
    assert "nearest example" not in recoded.loc["b-1", "why"] or "(data" not in recoded.loc["b-1", "why"]
    in_sample = __import__("helpers.coding", fromlist=["code_items"]).code_items(
        items, evaluate.training_examples(items, DOCS, gold)).set_index("item_id")
    assert "nearest example (data" in in_sample.loc["b-1", "why"]


def test_read_gold_of_the_shipped_corpus_uses_codebook_labels():
    from helpers.config import PROJ_ROOT

    gold = evaluate.read_gold(PROJ_ROOT / "data" / "annotations")
    assert len(gold) > 100 and {"file", "key_phrase", "kind", "status", "theme"} <= set(gold.columns)


def test_gold_for_other_corpora_is_ignored_and_no_gold_gives_no_figures():
    items = _items([("b", 0, 45)], kind="action", status="agreed", theme="engagement")
    elsewhere = _gold([("other.txt", "a phrase from another corpus", "action", "agreed", "engagement")])
    quality = dict(zip(*evaluate.item_quality(items, DOCS, elsewhere, lodo=False).T.values))
    assert quality["gold items"] == 0 and pd.isna(quality["item recall"])
    empty = evaluate.item_quality(items, DOCS, _gold([]), lodo=False)
    assert empty.loc[empty["metric"] == "kind accuracy", "value"].isna().all()
