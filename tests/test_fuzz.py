"""Property tests: random and adversarial text through normalisation, segmentation, coding and
action detection — no exception, offsets always consistent with the text, and time linear in
the input (no catastrophic regex backtracking).

Hypothesis runs derandomized (the same examples on every run and machine) with modest example
counts; the 5 MB documents are in the ``slow`` tests.
"""

from __future__ import annotations

import time
from unittest import mock

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import codebook, coding, compare, extract, ingest, tables

FUZZ = settings(derandomize=True, database=None, max_examples=80, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

#: Pieces of council documents and of what converters and editors do to them.
TOKENS = [
    "RESOLVED", "RESOLVED that", "RESOLVED – That", "DECIDED:", "Recommendation 1:", "Recommendations", "Proposal",
    "Implications", "Options", "Minutes:", "Decision:", "Action:", "(a)", "(b)", "(ii)", "1.", "2.1", "3.1.2", "a)",
    "•", "-", "*", "o", "▪", "the partnership", "should", "will", "agreed", "to note", "noted", "deferred", "board",
    "be dissolved", "merge", "Community Safety Partnership", "Health and Wellbeing Board", "Southwark Council",
    "It is also proposed", "This", "Appendix 2", ";", ":", ".", ",", "\n", "\n\n", "\n\n\n", " ", "  ", "\t", "\r\n",
    "\r", "\f", "“", "”", "‘", "’", '"', "'", "(", ")", "[", "–", "—", "é", "ŵ", "\u00a0", "\u200b", "\ufeff", "ﬁ",
    "â€™", "Ã©", "\x00", "\U0001f600", "<b>", "&amp;",
]
documents_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(TOKENS), max_size=120).map(" ".join),
    st.lists(st.sampled_from(TOKENS), max_size=120).map("".join),
)


# ---------------------------------------------------------------- properties


@FUZZ
@given(documents_text)
def test_normalise_text_is_total_and_idempotent(raw):
    text = ingest.normalise_text(raw)
    assert isinstance(text, str)
    assert ingest.normalise_text(text) == text
    assert text == text.strip() and "\r" not in text and "\n\n\n" not in text


def assert_spans(text: str, spans) -> None:
    end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text), span
        assert span.start >= end, "spans overlap or are out of order"
        assert text[span.start:span.end].strip(), "an empty item"
        end = span.end


@FUZZ
@given(documents_text)
def test_segment_offsets_are_inside_the_text_ordered_and_non_empty(raw):
    assert_spans(raw, extract.segment(raw))  # even on text that was never normalised
    text = ingest.normalise_text(raw)
    spans = extract.segment(text)
    assert_spans(text, spans)
    for span in spans:
        assert text[span.start:span.end] == text[span.start:span.end].strip()


@FUZZ
@given(documents_text)
def test_detect_actions_offsets_labels_and_confidence(raw):
    for text in (raw, ingest.normalise_text(raw)):
        detections = compare.detect_actions(text)
        assert len({d.action for d in detections}) == len(detections)
        for d in detections:
            assert 0 <= d.start < d.end <= len(text)
            assert d.action in codebook.ACTIONS and 0 <= d.confidence <= 1


def document(doc_id: str, text: str) -> dict:
    return {"doc_id": doc_id, "council": None, "doc_type": "minutes", "text": text}


@pytest.fixture(scope="module")
def theme_model():
    """Fit the theme model once: code_items refits it per call, which is slow and not what is fuzzed here."""
    model = coding.ThemeModel.fit(None)
    with mock.patch.object(coding.ThemeModel, "fit", classmethod(lambda cls, examples=None, exclude_example_files=frozenset(): model)):
        yield


@settings(FUZZ, max_examples=40)
@given(st.lists(documents_text, min_size=1, max_size=6))
def test_code_items_gives_valid_labels_and_a_table_that_validates(theme_model, raws):
    docs = [document(f"doc-{i}", ingest.normalise_text(raw)) for i, raw in enumerate(raws)]
    items = pd.DataFrame([row for doc in docs for row in extract.items_for_document(doc)])
    if items.empty:
        return
    coded = coding.code_items(items)
    assert len(coded) == len(items) and coded["item_id"].tolist() == items["item_id"].tolist()
    tables.validate(coded, "items")
    tables.check_offsets(coded, pd.DataFrame(docs), "items", "text")


# ---------------------------------------------------------------- time linear in the input


def repeated_line(n: int) -> str:
    line = "The council RESOLVED that the partnership board should be reviewed and merged.\n"
    return line * (n // len(line))


SHAPES = {
    "one repeated line": repeated_line,
    "no newlines": lambda n: ("the partnership should be reviewed and it is recommended that " * n)[:n],
    "all bullets": lambda n: ("• (a) 1. - * recommend that\n" * n)[:n],
    "nested punctuation": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "brackets and quotes": lambda n: ("([{“‘\"'" * n)[:n],
    "RESOLVED x 100k": lambda n: "RESOLVED " * max(n // 9, 100_000),
    "Title Case Words": lambda n: ("Aberdeen Of The Borough " * n)[:n],
    "one long word": lambda n: "a" * n,
    "numbering": lambda n: ("1.2.3.4. " * n)[:n],
    "colons and dashes": lambda n: ("Recommendation: – " * n)[:n],
    "spaces and blank lines": lambda n: (" \n\t\n\n" * n)[:n],
}
#: Seconds a stage may take on 200 kB of any shape (a quadratic regex would take hours); metadata
#: inference reads only the first 20 000 characters, so it must be quick whatever the length.
BUDGET_S = {"normalise_text": 15.0, "segment": 15.0, "detect_actions": 15.0, "metadata": 3.0}


def timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def metadata(text: str) -> None:
    ingest.infer_council(text)
    ingest.infer_date(text)
    ingest.infer_body(text)
    ingest.infer_doc_type(text, ".txt")
    ingest.title_of(text)


@pytest.mark.parametrize("shape", SHAPES)
def test_adversarial_200_kb_documents_finish_in_seconds(shape):
    raw = SHAPES[shape](200_000)
    times = {"normalise_text": timed(ingest.normalise_text, raw)}
    text = ingest.normalise_text(raw)
    for name, fn in [("metadata", metadata), ("segment", extract.segment), ("detect_actions", compare.detect_actions)]:
        times[name] = timed(fn, text)
    slow = {name: round(t, 1) for name, t in times.items() if t > BUDGET_S[name]}
    assert not slow, f"{shape}: over budget {BUDGET_S} on 200 kB: {slow}"


def test_time_grows_linearly_with_the_document():
    """Eight times the text takes well under 64 times as long (what a quadratic regex would need)."""
    small, big = repeated_line(30_000), repeated_line(240_000)

    def chain(text):
        extract.segment(text)
        compare.detect_actions(text)

    t_small = min(timed(chain, small) for _ in range(3))
    t_big = timed(chain, big)
    assert t_big < 24 * t_small + 1.0, (t_small, t_big)


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["one repeated line", "no newlines", "all bullets", "RESOLVED x 100k"])
def test_five_megabyte_documents_parse_in_seconds(shape):
    """Normalise, infer metadata, segment and detect actions in a 5 MB document."""
    raw = SHAPES[shape](5_000_000)
    t0 = time.perf_counter()
    text = ingest.normalise_text(raw)
    metadata(text)
    spans = extract.segment(text)
    detections = compare.detect_actions(text)
    elapsed = time.perf_counter() - t0
    assert elapsed < 120, f"{shape}: {elapsed:.0f} s for 5 MB ({len(spans)} items, {len(detections)} actions)"


@pytest.mark.slow
def test_coding_time_is_linear_in_the_number_of_items(theme_model):
    """A 5 MB document can hold ~75 000 items: coding must cost the same per item at any count."""
    def coded(n_lines: int) -> float:
        doc = document("doc-big", ingest.normalise_text(repeated_line(n_lines * 80)))
        items = pd.DataFrame(extract.items_for_document(doc))
        return timed(coding.code_items, items)

    t_small = min(coded(2_000) for _ in range(2))
    t_big = coded(16_000)
    assert t_big < 24 * t_small + 2.0, (t_small, t_big)
