"""Gold matching and the quality table: one item per gold row, honest (leave one
document out) scores, and a disagreements listing."""

from __future__ import annotations

import pandas as pd
import pytest

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


def test_a_phrase_written_in_the_same_case_is_found_before_one_that_differs_only_in_case():
    text = ("It was moved that no further action be taken in respect of the call-in.\n\n"
            "Resolved: That no further action be taken in respect of the call-in.")
    assert evaluate.locate("That no further action be taken", text) == text.index("That no")
    assert evaluate.locate("that no further action be taken", text) == text.index("that no")
    assert [s for s, _ in evaluate.locate_all("THAT NO FURTHER ACTION", text)] == [text.index("that no"), text.index("That no")]


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


def _labelled_folder(root):
    """A folder coded by 'someone else': one set of minutes, its item and action gold."""
    raw = root / "raw"
    raw.mkdir(parents=True)
    (raw / "minutes.txt").write_text(
        "Minutes of the Safer Borough Partnership\n\n"
        "1. Partnership review\n\n"
        "Members discussed the review of the partnership.\n\n"
        "RESOLVED – That:\n"
        "(1) the Partnership merges with the Youth Justice Board to form a single board;\n"
        "(2) the merged board meets quarterly;\n"
        "(3) the report be noted.\n",
        encoding="utf-8",
    )
    (root / "items_gold.csv").write_text(
        "file,label,key_phrase,kind,status,theme,notes\n"
        "minutes.txt,(1),the Partnership merges with the Youth Justice Board,resolution,agreed,structure,\n"
        "minutes.txt,(2),the merged board meets quarterly,resolution,agreed,meetings,\n"
        "minutes.txt,(3),the report be noted,resolution,noted,structure,\n",
        encoding="utf-8",
    )
    (root / "actions_gold.csv").write_text(
        "file,council,action,evidence_phrase,bodies,before,after,notes\n"
        "minutes.txt,,merge,the Partnership merges with the Youth Justice Board,CSP,,,\n"
        "minutes.txt,,meeting_frequency,the merged board meets quarterly,CSP,,quarterly,\n",
        encoding="utf-8",
    )
    return root


def test_a_folder_coded_elsewhere_is_scored_without_learning_from_its_gold(tmp_path):
    results = evaluate.evaluate_folder(_labelled_folder(tmp_path / "set"), tmp_path / "work")
    q = dict(zip(results["quality"]["metric"], results["quality"]["value"]))
    assert q["gold items"] == 3 and q["item recall"] == 1.0
    assert q["status accuracy"] == 1.0 and q["kind accuracy"] == 1.0
    assert list(results["by_document"].index) == ["minutes.txt"]
    merge = results["actions"].set_index("action").loc["merge"]
    assert merge["tp"] == 1
    # the folder's gold was not a training example: nothing of it reached the coder's reasons
    items = pd.read_parquet(tmp_path / "work" / "processed" / "items.parquet")
    assert not items["why"].str.contains("nearest example").any()
    report = evaluate.folder_report(results, "set")
    assert "| item recall | 1.00 |" in report and "Restructuring actions" in report


def test_evaluate_command_writes_markdown(tmp_path):
    from helpers.cli import main

    out = tmp_path / "heldout.md"
    assert main(["evaluate", str(_labelled_folder(tmp_path / "set")), "--work", str(tmp_path / "w"), "--out", str(out)]) == 0
    assert "## " in out.read_text() and "theme accuracy" in out.read_text()


def test_heldout_quality_has_one_row_per_set(tmp_path):
    table = evaluate.heldout_quality([_labelled_folder(tmp_path / "one"), _labelled_folder(tmp_path / "two")])
    assert list(table.index) == ["one", "two"]
    assert (table["item recall"] == 1.0).all() and (table["documents"] == 1).all()
    assert table["actions F1"].between(0, 1).all()


def test_heldout_figures_are_kept_until_the_code_or_the_set_changes(tmp_path, monkeypatch):
    folder, cache = _labelled_folder(tmp_path / "one"), tmp_path / "cache"
    first = evaluate.heldout_quality([folder], cache_dir=cache)
    measured = []
    real = evaluate.evaluate_folder
    monkeypatch.setattr(evaluate, "evaluate_folder", lambda *a, **k: measured.append(a) or real(*a, **k))
    pd.testing.assert_frame_equal(evaluate.heldout_quality([folder], cache_dir=cache), first)
    assert measured == []  # unchanged code and set: the kept figures
    gold = folder / "items_gold.csv"
    gold.write_text(gold.read_text(encoding="utf-8").replace("resolution,noted", "decision,noted"), encoding="utf-8")
    again = evaluate.heldout_quality([folder], cache_dir=cache)
    assert len(measured) == 1 and again.loc["one", "kind accuracy"] < first.loc["one", "kind accuracy"]
    monkeypatch.setattr(evaluate, "_code_fingerprint", lambda: "another version of the code")
    evaluate.heldout_quality([folder], cache_dir=cache)
    assert len(measured) == 2


def test_the_shipped_heldout_sets_are_well_formed():
    """The held-out gold uses codebook labels (read_gold refuses others) and names files that exist."""
    from helpers.config import HELDOUT_DIR

    from helpers import ingest

    for folder in sorted(d for d in HELDOUT_DIR.glob("*") if (d / "items_gold.csv").exists()):
        gold = evaluate.read_gold(folder)
        names = {p.name for p in (folder / "raw").iterdir()}
        for archive in (folder / "raw").glob("*.zip"):  # a pack's files are named "pack.zip/inner/report.pdf"
            names |= {entry[0] for entry in ingest.unpack_archive(archive.name, archive.read_bytes(), 100) if isinstance(entry, tuple)}
        assert {f for f in gold["file"]} <= names, folder


def test_a_broken_heldout_set_is_reported_and_the_others_still_scored(tmp_path):
    good = _labelled_folder(tmp_path / "good")
    bad = _labelled_folder(tmp_path / "bad")
    (bad / "manifest.csv").write_text("file,doc_type\nminutes.txt,leaflet\n", encoding="utf-8")
    table = evaluate.heldout_quality([bad, good])
    assert "leaflet" in table.loc["bad", "problem"]
    assert table.loc["good", "item recall"] == 1.0


def test_a_document_the_workbook_cannot_read_counts_its_gold_as_missed(tmp_path):
    folder = _labelled_folder(tmp_path / "set")
    (folder / "raw" / "tracker.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    with open(folder / "items_gold.csv", "a", encoding="utf-8") as gold:
        gold.write("tracker.xlsx,R1,Merge the two boards,recommendation,agreed,structure,\n")
    with open(folder / "actions_gold.csv", "a", encoding="utf-8") as gold:
        gold.write("tracker.xlsx,,merge,Merge the two boards,CSP,,,\n")
    results = evaluate.evaluate_folder(folder, tmp_path / "work")
    quality = dict(zip(results["quality"]["metric"], results["quality"]["value"]))
    assert (quality["gold items"], quality["item recall"]) == (4.0, 0.75)
    assert results["by_document"].loc["tracker.xlsx", "item recall"] == 0.0
    missed = results["disagreements"].query("problem == 'missed (document not read)'")
    assert list(missed["text"]) == ["Merge the two boards"]
    everything = results["actions"].set_index("action").loc["all"]
    assert (everything["support"], everything["fn"], everything["recall"]) == (3, 1, 2 / 3)


def test_theme_examples_are_never_built_from_a_test_set(tmp_path):
    with pytest.raises(ValueError, match="never used for training"):
        evaluate.build_theme_examples([_labelled_folder(tmp_path / "test9")], tmp_path / "work")
    examples = evaluate.build_theme_examples([_labelled_folder(tmp_path / "devX")], tmp_path / "work")
    assert list(examples.columns) == ["set", "file", "theme", "text"]
    assert list(examples["theme"]) == ["structure", "meetings", "structure"]
    assert examples["text"].iloc[0].startswith("(1) the Partnership merges with the Youth Justice Board")
