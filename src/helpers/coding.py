"""Stage 2b — code: give each item a kind, status and theme from the codebook, with a
confidence and the reason (the cue that decided it).

Kind and status come from transparent rules: the section the item sits in (a
"Recommendation N:" block, a Proposal or Implications section, a RESOLVED block) and
cue words in the item. Theme comes from a lexicon of codebook terms.
"""

from __future__ import annotations

import re

import pandas as pd

from . import codebook

_SECTION_KIND = {
    "recommendation": "recommendation",
    "proposal": "proposal",
    "implication": "implication",
    "principle": "principle",
    "resolved": "resolution",
    "decision": "decision",
    "action": "action",
    "option": "proposal",
}

_KIND_CUES: list[tuple[str, re.Pattern]] = [
    ("resolution", re.compile(r"\b(RESOLVED|DECIDED)\b|^that the .{0,60}\bbe (noted|received|approved|agreed)\b", re.I)),
    ("request", re.compile(r"\b(requested|asked) (that|to|for)\b|\brequests? that\b", re.I)),
    ("principle", re.compile(r"\bprinciples?\b", re.I)),
    ("decision", re.compile(r"\bit was (agreed|confirmed|decided)\b|\bwould remain\b|\bagreed that\b", re.I)),
    ("action", re.compile(r"\b(would|will) be worked up\b|\bwill re-engage\b|\bwould re-engage\b|\bis progressing\b|\bAction:", re.I)),
    ("recommendation", re.compile(r"\bit is recommended\b|\brecommend(s|ed)? that\b|\bshould\b", re.I)),
    ("proposal", re.compile(r"\bit is proposed\b|\bproposing\b|^to (move|establish|introduce|defer|clarify|simplify)\b", re.I)),
    ("implication", re.compile(r"\bwill need to\b|\bwill cease\b|\bwill be required\b|\bwill have to\b", re.I)),
]

_STATUS_CUES: list[tuple[str, re.Pattern]] = [
    ("deferred", re.compile(r"\b(defer\w*|postpon\w*|not timely|later consideration|in due course)\b", re.I)),
    ("rejected", re.compile(r"\b(rejected|declined|not agreed|was not supported)\b", re.I)),
    ("noted", re.compile(r"\bbe noted\b|\bwas noted\b|\bnoted the\b|\bbe received\b", re.I)),
    ("agreed", re.compile(r"\b(agreed|confirmed|approved|resolved|decided|is progressing|has been (created|drafted|set up)|already)\b", re.I)),
]

THEME_TERMS: dict[str, list[str]] = {
    "structure": ["merg", "thematic partnership", "sub-group", "sub-committee", "sub-bod", "structure", "tier",
                  "task and finish", "cease", "dissolv", "abolish", "standing partnership bod", "new group", "group (covering"],
    "governance": ["governance", "terms of reference", "constitution", "protocol", "accountab", "role", "purpose",
                   "responsibilit", "decision-making", "report into", "standing orders", "strategic direction"],
    "membership": ["member", "chair", "deputy", "represent", "nominee", "membership"],
    "meetings": ["meeting", "quarterly", "awayday", "agenda", "meets every", "between meetings", "informal"],
    "resources": ["budget", "fund", "expenditure", "efficien", "shared service", "pooled", "resources", "commissioning", "estate"],
    "engagement": ["communicat", "consult", "engagement", "voluntary", "community councils", "narrative", "involve", "citizenship"],
    "programme_management": ["programme management", "project management", "pmo", "tracking", "risk management",
                             "performance management", "skills audit", "secretariat", "work programme"],
    "priorities": ["priorit", "outcome", "vision", "strategic", "objective", "focus"],
    "data": ["data", "information", "intelligence", "digital", "hub"],
    "timing": ["timely", "defer", "postpon", "timing", "next year", "in due course", "until"],
}


def code_kind(text: str, section: str, doc_type: str = "") -> tuple[str, float, str]:
    """(kind, confidence, why) for one item."""
    if section in _SECTION_KIND:
        kind = _SECTION_KIND[section]
        if section == "proposal" and re.search(r"\bprinciples?\b", text, re.I):
            return "principle", 0.7, "section: proposal; cue: principle"
        return kind, 0.9, f"section: {section}"
    for kind, pattern in _KIND_CUES:
        m = pattern.search(text)
        if m:
            return kind, 0.7, f"cue: {m.group(0)!r}"
    return "statement", 0.4, "no cue: a position or assessment"


def code_status(text: str, kind: str, section: str) -> tuple[str, float, str]:
    """(status, confidence, why): status follows the document's structure, then cue words."""
    if kind == "resolution":
        if re.search(r"\bbe noted\b|\bnoted\b|\breceived\b", text, re.I):
            return "noted", 0.9, "resolution to note"
        return "agreed", 0.9, "formal resolution"
    for status, pattern in _STATUS_CUES:
        m = pattern.search(text)
        if m:
            if status == "agreed" and kind in {"recommendation", "proposal", "implication", "principle"}:
                continue
            return status, 0.75, f"cue: {m.group(0)!r}"
    if kind in {"decision", "action"}:
        return "agreed", 0.7, f"kind: {kind}"
    return "proposed", 0.6, f"kind: {kind}"


def code_theme(text: str) -> tuple[str, float, str]:
    """(theme, confidence, why) from codebook terms; ties go to the earlier theme."""
    lower = text.lower()
    scores = {theme: sum(lower.count(term) for term in terms) for theme, terms in THEME_TERMS.items()}
    best = max(codebook.THEMES, key=lambda t: scores.get(t, 0))
    total = sum(scores.values())
    if total == 0:
        return "governance", 0.2, "no theme terms"
    return best, round(scores[best] / total, 3), f"terms of {best}"


def code_items(items: pd.DataFrame) -> pd.DataFrame:
    """Add kind, status, theme, confidence and why to extracted items."""
    out = items.copy()
    kinds, statuses, themes, confs, whys = [], [], [], [], []
    for row in items.itertuples():
        kind, kc, kwhy = code_kind(row.text, row.section, getattr(row, "doc_type", ""))
        status, sc, swhy = code_status(row.text, kind, row.section)
        theme, tc, twhy = code_theme(row.text)
        kinds.append(kind)
        statuses.append(status)
        themes.append(theme)
        confs.append(round(min(kc, sc, max(tc, 0.3)), 3))
        whys.append(f"kind {kwhy}; status {swhy}; theme {twhy}")
    out["kind"], out["status"], out["theme"] = kinds, statuses, themes
    out["confidence"] = pd.Series(confs, index=out.index, dtype=float)
    out["why"] = whys
    out["cluster"] = pd.array([None] * len(out), dtype="Int64")
    out["cluster_label"] = None
    return out
