"""helpers.reliability: the double-coding sample, and kappa/alpha on an example worked out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from helpers import reliability
from helpers.errors import InputFileError

NA = pd.NA
IDS = [f"i{n:02d}" for n in range(1, 11)]
# Ten items coded for kind. Item 9: only coder A coded it; item 10: neither coder did.
CODER_A = ["recommendation"] * 4 + ["proposal"] * 3 + ["decision"] * 2 + [NA]
CODER_B = ["recommendation"] * 3 + ["proposal"] * 3 + ["decision"] * 2 + [NA, NA]
MODEL = CODER_A[:9] + ["statement"]


def _coding(values) -> pd.DataFrame:
    return pd.DataFrame({"item_id": IDS, "kind": values, "status": NA, "theme": NA})


def _model() -> pd.DataFrame:
    return pd.DataFrame({"item_id": IDS, "text": [f"item {i}" for i in IDS], "kind": MODEL,
                         "status": "proposed", "theme": "structure"})


def test_kappa_and_alpha_match_the_hand_computation():
    """Items 1–8 are pairable (A: r r r r p p p d, B: r r r p p p d d); 9 and 10 are not.

    Cohen's kappa: p_o = 6/8; marginals A (r 4, p 3, d 1), B (r 3, p 3, d 2), so
    p_e = (4·3 + 3·3 + 1·2)/64 = 23/64 and kappa = (48/64 − 23/64)/(41/64) = 25/41.
    Krippendorff's alpha (nominal): the coincidence matrix has o_rr = 6, o_pp = 4, o_dd = 2
    and 4 off-diagonal pairs; n_r = 7, n_p = 6, n_d = 3, n = 16, so
    alpha = 1 − (n − 1)·4 / (n² − Σ n_c²) = 1 − 15·4/(256 − 94) = 17/27.
    """
    row = reliability.compare_pair(_coding(CODER_A), _coding(CODER_B), "kind", n_boot=200)
    assert row["n_items"] == 10 and row["n_coded"] == 8  # the blanks are missing, not agreement
    assert row["agreement"] == pytest.approx(6 / 8)
    assert row["kappa"] == pytest.approx(25 / 41)
    assert row["alpha"] == pytest.approx(17 / 27)
    assert row["flag"]  # 0.63 < 0.667
    assert row["kappa_low"] <= row["kappa"] <= row["kappa_high"] <= 1
    assert row["alpha_low"] <= row["alpha"] <= row["alpha_high"] <= 1


def test_blank_cells_never_count_as_agreement():
    """Both coders leave items 9 and 10 blank: treating the blank as a category would count
    them as two agreements: p_o = 8/10, p_e = (12 + 9 + 2 + 4)/100, kappa 53/73 instead of 25/41."""
    coder_a = CODER_A[:8] + [NA, NA]
    naive = cohen_kappa_score([v if v is not NA else "" for v in coder_a], [v if v is not NA else "" for v in CODER_B])
    row = reliability.compare_pair(_coding(coder_a), _coding(CODER_B), "kind", n_boot=10)
    assert row["n_coded"] == 8 and row["kappa"] == pytest.approx(25 / 41)
    assert naive == pytest.approx(53 / 73) and naive > row["kappa"]


def test_agreement_table_covers_coder_pairs_and_each_coder_against_the_model():
    codings = {"A": _coding(CODER_A), "B": _coding(CODER_B)}
    table = reliability.agreement(codings, _model(), labels=("kind",), n_boot=100)
    pairs = list(zip(table["coder_a"], table["coder_b"]))
    assert pairs == [("A", "B"), ("A", "model"), ("B", "model")]
    a_model = table[(table["coder_a"] == "A") & (table["coder_b"] == "model")].iloc[0]
    # A agrees with the model on all 9 items it coded: perfect, with a degenerate interval.
    assert a_model["n_coded"] == 9 and a_model["kappa"] == pytest.approx(1) and a_model["alpha"] == pytest.approx(1)
    assert a_model["alpha_low"] == pytest.approx(1) and not a_model["flag"]
    again = reliability.agreement(codings, _model(), labels=("kind",), n_boot=100)
    pd.testing.assert_frame_equal(table, again)  # seeded bootstrap


def test_uncomputable_alpha_is_flagged():
    same = ["proposal"] * 10
    row = reliability.compare_pair(_coding(same), _coding(same), "kind", n_boot=10)
    assert np.isnan(row["alpha"]) and row["flag"]


def test_bootstrap_kappa_is_sklearns_kappa():
    rng = np.random.default_rng(1)
    a = rng.integers(0, 5, 60)
    b = np.where(rng.random(60) < 0.6, a, rng.integers(0, 5, 60))
    draws = np.vstack([np.arange(60), rng.integers(0, 60, 60)])
    fast = reliability._bootstrap_kappas(a, b, 5, draws)
    assert fast[0] == pytest.approx(cohen_kappa_score(a, b))
    assert fast[1] == pytest.approx(cohen_kappa_score(a[draws[1]], b[draws[1]]))


def test_disagreements_list_the_items_coders_differ_on():
    codings = {"A": _coding(CODER_A), "B": _coding(CODER_B)}
    out = reliability.disagreements(codings, _model(), labels=("kind",))
    assert list(out["item_id"]) == ["i04", "i07"]
    assert list(out.columns) == ["item_id", "label", "A", "B", "model", "text"]
    assert reliability.disagreements({}, _model()).empty
    assert reliability.disagreements({"A": _coding([NA] * 10)}, _model()).empty  # nothing coded yet


def test_sample_is_seeded_blank_and_reads_back(tmp_path):
    items = pd.DataFrame({"item_id": [f"d-{i:04d}" for i in range(30)], "doc_id": "d", "seq": range(30),
                          "council": "Leeds City Council", "label": "", "text": [f"text {i}" for i in range(30)]})
    path = reliability.write_sample(items, tmp_path, n=10, seed=7)
    first = path.read_bytes()
    assert first.startswith("\ufeff".encode())  # Excel opens it as UTF-8
    assert reliability.write_sample(items, tmp_path, n=10, seed=7).read_bytes() == first
    sample = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    assert len(sample) == 10 and list(sample.columns) == ["item_id", "council", "label", "text", "kind", "status", "theme", "note"]
    assert (sample[["kind", "status", "theme"]] == "").all().all()
    assert list(sample["item_id"]) == sorted(sample["item_id"])
    assert set(reliability.draw_sample(items, 10, seed=8)["item_id"]) != set(sample["item_id"])
    assert len(reliability.draw_sample(items, 100)) == 30

    sample.loc[0, ["kind", "status", "theme"]] = ["proposal", "agreed", "structure"]
    sample.loc[1, "kind"] = "decision"
    filled = tmp_path / "coder.csv"
    sample.to_csv(filled, index=False, encoding="utf-8-sig")
    coding = reliability.read_coding(filled)
    assert coding.loc[0, "theme"] == "structure" and coding.loc[1, "kind"] == "decision"
    assert pd.isna(coding.loc[1, "status"]) and coding["kind"].isna().sum() == 8

    sample.loc[2, "kind"] = "recomendation"
    sample.to_csv(filled, index=False)
    with pytest.raises(InputFileError, match="recomendation"):
        reliability.read_coding(filled)


def test_load_codings_reads_gold_and_coder_files(tmp_path):
    from test_explore import TEXTS, build_tables

    frames = build_tables(tmp_path / "processed", list(TEXTS))
    items, documents = frames["items"], frames["documents"]
    annotations = tmp_path / "annotations"
    (annotations / reliability.CODINGS_DIR).mkdir(parents=True)
    pd.DataFrame([{"file": "b_report.txt", "label": "Recommendation 1", "key_phrase": "should meet quarterly",
                   "kind": "recommendation", "status": "proposed", "theme": "meetings", "notes": ""}]
                 ).to_csv(annotations / "items_gold.csv", index=False)
    first = items.iloc[0]
    pd.DataFrame([{"item_id": first["item_id"], "kind": "decision", "status": "", "theme": ""}]
                 ).to_csv(annotations / reliability.CODINGS_DIR / "sam.csv", index=False)
    codings = reliability.load_codings(annotations, items, documents)
    assert list(codings) == ["gold", "sam"]
    quarterly = items.loc[items["text"].str.contains("quarterly"), "item_id"].item()
    assert list(codings["gold"]["item_id"]) == [quarterly] and codings["gold"]["theme"].item() == "meetings"
    assert codings["sam"]["kind"].item() == "decision" and pd.isna(codings["sam"]["status"].item())
