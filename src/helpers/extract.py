"""Stage 2 — extract: each document's text becomes items (recommendations, proposals,
decisions, resolutions…) with their label and exact offsets.

Segmentation follows the document's own structure: "Recommendation N:" blocks,
"Proposal"/"Implications" sections, RESOLVED parts, numbered paragraphs and bullets;
in narrative minutes and news, the sentences that record a decision, proposal,
request or position. Every item's ``text`` equals ``documents.text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

# A heading that changes what the following paragraphs are.
_SECTION = re.compile(
    r"^(?P<head>proposals?|implications?|recommendations?|resolved|decided|decision|actions?|"
    r"key principles|principles|options?|minutes)\s*(?:to)?\s*[:\-]*\s*$",
    re.IGNORECASE,
)
_RECOMMENDATION = re.compile(r"^(?P<label>Recommendation\s+\d+[a-z]?)\s*[:.\-]\s*", re.IGNORECASE)
_INLINE_HEAD = re.compile(r"^(?P<label>RESOLVED|DECIDED|Decision|Action|Agreed)\s*(?:to|that)?\s*[:\-]?\s+", re.IGNORECASE)
_ENUM = re.compile(r"^(?:\((?P<a>[0-9]{1,2}|[a-z]|[ivx]{1,4})\)|(?P<b>\d{1,2}(?:\.\d{1,2}){0,2})\.?|(?P<c>[a-z])[.)])\s+")
_BULLET = re.compile(r"^[-*]\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")

# Cues that make a narrative sentence worth extracting (minutes, news, letters).
_PROSE_CUES = re.compile(
    r"\b(agreed|resolved|decided|confirmed|approved|requested|asked that|recommend\w*|propos\w+|"
    r"should|would (?:be|remain|include|focus|adopt|re-engage|take|need)|will (?:be|need|cease|re-engage|take)|"
    r"defer\w*|postpon\w*|noted|principles?|it was (?:suggested|intended|reported)|intend\w*|"
    r"aspir\w+|need(?:s|ed)? (?:major|to)|not timely|is progressing|worked up|suggested)\b",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r"[:]\s*-?\s*$")


@dataclass
class Span:
    start: int
    end: int
    label: str = ""
    section: str = ""
    context: str = ""


@dataclass
class _Block:
    start: int
    end: int
    lines: list[tuple[int, int]] = field(default_factory=list)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str):
    """(start, end) of each non-empty line."""
    pos = 0
    for line in text.split("\n"):
        s, e = _trim(text, pos, pos + len(line))
        if e > s:
            yield s, e
        pos += len(line) + 1


def _paragraphs(text: str):
    """Group lines into paragraphs; a bullet or enumerated line starts a paragraph of its own."""
    para: list[tuple[int, int]] = []
    prev_end = -1
    for s, e in _lines(text):
        line = text[s:e]
        blank_between = prev_end >= 0 and "\n\n" in text[prev_end:s]
        starts_new = blank_between or _BULLET.match(line) or _ENUM.match(line) or _SECTION.match(line)
        if para and starts_new:
            yield para
            para = []
        para.append((s, e))
        prev_end = e
        if _SECTION.match(line):
            yield para
            para = []
    if para:
        yield para


def _sentences(text: str, start: int, end: int):
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        yield _trim(text, pos, m.start() + len(m.group(0).rstrip()))
        pos = m.end()
    if pos < end:
        yield _trim(text, pos, end)


def segment(text: str) -> list[Span]:
    """Find the items of one document, following its structure."""
    spans: list[Span] = []
    section = ""
    lead_in = ""
    for para in _paragraphs(text):
        start, end = para[0][0], para[-1][1]
        body = text[start:end]
        head = _SECTION.match(body)
        if head:
            section = head.group("head").lower().rstrip("s")
            if section in {"resolved", "decided"}:
                section = "resolved"
            lead_in = ""
            continue
        rec = _RECOMMENDATION.match(body)
        if rec:
            label = re.sub(r"\s+", " ", rec.group("label")).strip().capitalize()
            spans.append(Span(start, end, label, "recommendation"))
            section, lead_in = "recommendation", label
            continue
        if body.strip().lower() in {"none", "none.", "n/a", "supporting documents:", "agenda item"}:
            continue
        inline = _INLINE_HEAD.match(body)
        if inline and section not in {"resolved"}:
            word = inline.group("label").lower()
            if word in {"resolved", "decided"}:
                section = "resolved"
            rest = start + inline.end()
            if rest < end:
                spans.append(Span(rest, end, inline.group("label"), "resolved" if word in {"resolved", "decided"} else word))
            continue
        label = ""
        enum = _ENUM.match(body)
        if enum:
            label = "(" + (enum.group("a") or enum.group("c")) + ")" if (enum.group("a") or enum.group("c")) else enum.group("b")
        if _LEAD_IN.search(body) and len(body) < 300:
            lead_in = body
            if section in {"proposal", "implication", "resolved", "recommendation", "principle", "action", "decision", "option"}:
                continue
        if section in {"proposal", "implication", "resolved", "principle", "action", "decision", "option"} or (
            _BULLET.match(body) or enum
        ) and section:
            spans.append(Span(start, end, label, section, lead_in))
            continue
        # Narrative prose: keep the sentences that record something.
        for s, e in _sentences(text, start, end):
            if e - s > 20 and _PROSE_CUES.search(text[s:e]):
                spans.append(Span(s, e, "", section or "prose", lead_in))
    return spans


def items_for_document(doc: dict) -> list[dict]:
    """The uncoded items of one document (a ``documents`` row as a dict)."""
    return [
        {
            "item_id": f"{doc['doc_id']}-{seq:04d}",
            "doc_id": doc["doc_id"],
            "council": doc["council"],
            "seq": seq,
            "label": span.label,
            "text": doc["text"][span.start : span.end],
            "start": span.start,
            "end": span.end,
            "section": span.section,
            "context": span.context,
            "doc_type": doc["doc_type"],
        }
        for seq, span in enumerate(segment(doc["text"]))
    ]


def extract_items(documents: pd.DataFrame) -> pd.DataFrame:
    """Segment every document; returns the uncoded items (ids, labels, offsets, text)."""
    from .parallel import map_ordered

    docs = documents[["doc_id", "council", "doc_type", "text"]].to_dict("records")
    rows = [row for rows in map_ordered(items_for_document, docs) for row in rows]
    columns = ["item_id", "doc_id", "council", "seq", "label", "text", "start", "end", "section", "context", "doc_type"]
    return pd.DataFrame(rows, columns=columns)


ITEM_COLUMNS = [
    "item_id", "doc_id", "council", "seq", "label", "text", "start", "end", "kind", "status", "theme",
    "confidence", "cluster", "cluster_label", "why", "section", "context",
]


def run(paths) -> pd.DataFrame:
    """Segment and code every document; write the ``items`` table."""
    from .coding import code_items
    from .tables import check_offsets, read_table, write_table

    documents = read_table("documents", paths.processed)
    items = code_items(extract_items(documents))[ITEM_COLUMNS]
    check_offsets(items, documents, "items", "text")
    write_table(items, "items", paths.processed)
    return items
