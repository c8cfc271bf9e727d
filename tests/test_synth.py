"""The synthetic corpus: deterministic, in realistic proportions, and readable by the workbook."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from helpers import compare, extract, ingest, synth
from helpers.cli import main


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _truth(folder: Path) -> list[dict]:
    with open(folder / ".synth_truth.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_same_seed_same_bytes_in_every_format(tmp_path):
    a = synth.synthesise(16, tmp_path / "a", seed=5)
    synth.synthesise(16, tmp_path / "b", seed=5)
    assert {row["format"] for row in a} >= {"pdf", "html"}
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    synth.synthesise(16, tmp_path / "c", seed=6)
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_proportions_mostly_pdf_and_three_nations():
    docs = synth.plan(4000, seed=1, formats=list(synth.FORMAT_WEIGHTS))
    formats = Counter(d[4] for d in docs)
    assert 0.55 < formats["pdf"] / len(docs) < 0.65
    assert set(formats) == {"pdf", "html", "docx", "txt"}
    assert {d[2] for d in docs} == {"England", "Wales", "Scotland"}
    assert set(Counter(d[3] for d in docs)) == set(synth.KINDS)
    assert len({d[1] for d in docs}) == 160  # 4000 // 25 councils
    national = synth.plan(50_000, seed=1, formats=["txt"])
    assert len({d[1] for d in national}) == synth.MAX_COUNCILS


def test_text_only_corpus_with_manifest(tmp_path):
    assert main(["synth", "--docs", "8", "--out", str(tmp_path), "--formats", "txt", "--seed", "3"]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert {".synth_truth.csv", "manifest.csv"} <= set(names)
    documents = [n for n in names if not n.endswith(".csv")]
    assert len(documents) == 8 and all(n.endswith(".txt") for n in documents)
    with open(tmp_path / "manifest.csv", encoding="utf-8") as fh:
        manifest = list(csv.DictReader(fh))
    assert [r["file"] for r in manifest] == documents
    assert all(r["council"] and r["body"] and r["date"].startswith("20") for r in manifest)


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        synth.synthesise(3, tmp_path, formats=["rtf"])


def test_structures_the_extractor_relies_on():
    kinds = {kind: synth.to_text(synth.make_document(7, i, "Kilness Council", "Scotland", kind))
             for i, kind in enumerate(synth.KINDS)}
    assert "RESOLVED:" in kinds["minutes"] and "(a) That " in kinds["minutes"]
    assert "Recommendation 1: " in kinds["review"] and "\n\nProposal\n\n" in kinds["review"]
    assert "\n\nImplications\n\n" in kinds["review"]
    assert "2. Recommendations\n\n2.1 That " in kinds["cabinet"]
    assert "said: \u201c" in kinds["news"]
    labels = {s.label for s in extract.segment(ingest.normalise_text(kinds["review"]))}
    assert {"Recommendation 1", "Recommendation 2", "Recommendation 3"} <= labels


def test_every_format_ingests_and_planted_actions_are_found(tmp_path):
    synth.synthesise(24, tmp_path, seed=1)  # a seed whose 24 documents cover all four formats
    truth = {r["file"]: r for r in _truth(tmp_path)}
    documents, report = ingest.ingest(tmp_path)
    ok = report[report["status"] == "ok"]
    assert set(ok["file"]) == set(truth)  # every document, in every format, is read
    assert {truth[f]["format"] for f in ok["file"]} == {"pdf", "html", "docx", "txt"}
    planted = found = 0
    for doc in documents.to_dict("records"):
        expected = {a for a in truth[doc["file"]]["actions"].split(";") if a}
        detected = {row["action"] for row in compare.actions_for_document(doc)}
        planted += len(expected)
        found += len(expected & detected)
    assert planted > 40 and found / planted >= 0.85
