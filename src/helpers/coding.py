"""Stage 2b — code: give each item a kind, status and theme from the codebook, with a
confidence and the reason (``why``: the cue that decided it, or the nearest examples).

- **Kind** and **status** come from transparent rules, because document structure and
  the verb's mood carry them (see FINDINGS): the section the item sits in (a
  "Recommendation N:" block, a Proposal or Implications section, a RESOLVED block), the
  lead-in it hangs from ("… the following principles:", "… to note the following:") and
  cue words in the item ("it was agreed", "requested that", "defer"). Status follows the
  document: a recommendation in a report is proposed; the same words after RESOLVED are
  agreed; "defer" is deferred.
- **Theme**: a lexicon of codebook terms (:data:`THEME_TERMS`) decides when one theme
  clearly leads (``why`` lists the terms); otherwise a scikit-learn model decides: TF-IDF
  words + logistic regression trained on the codebook's theme definitions and terms plus
  every labelled example available (the gold items and researchers' corrections), its
  probabilities added to the lexicon's shares. ``why`` then names the words that weighed
  most and the nearest labelled example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import codebook
from .config import SEED

# ----------------------------------------------------------------------------- kind

_SECTION_KIND = {
    "recommendation": "recommendation",
    "proposal": "proposal",
    "option": "proposal",
    "implication": "implication",
    "principle": "principle",
    "resolved": "resolution",
    "decision": "decision",
    "action": "action",
}

# Ordered: the first cue found decides the kind of an item outside a typed section.
_KIND_CUES: list[tuple[str, re.Pattern]] = [
    ("resolution", re.compile(r"^(?:RESOLVED|DECIDED)\b|^that the .{0,80}\bbe (?:noted|received|approved|agreed|adopted|endorsed)\b", re.I)),
    ("request", re.compile(r"\brequest(?:ed|s)? (?:that|to|for)\b|\basked (?:that|to|for)\b|\b(?:encouraged|urged|invited) (?:\w+ ){0,8}to\b|\bcalled (?:on|for)\b", re.I)),
    ("principle", re.compile(r"\bprinciples?\b(?<!in principle)", re.I)),
    ("decision", re.compile(
        r"\bit was (?:\w+ )?(?:agreed|confirmed|decided|approved)\b|\bagreed (?:that|to)\b|\bwould remain\b|\bmajority view\b|"
        r"\bconsensus\b|\b(?:has|have) been (?:created|established|set up|agreed|approved)\b|\bhave now got\b|"
        r"\b(?:board|body|group|partnership|committee|council)s? (?:that )?would (?!be worked)|^would\b|\bgoing to be responsible\b", re.I)),
    ("action", re.compile(
        r"\b(?:would|will) be worked (?:up|on)\b|\bbeing worked on\b|\bre-engage\b|\bis progressing\b|\bprogressing already\b|"
        r"\bin the process of\b|\b(?:was|were) to (?:meet|be held)\b|\bwe are on to\b|\bgoing to (?!be\b)|"
        r"\btaken in ?to consideration\b|^action\b", re.I)),
    ("statement", re.compile(r"\bit was (?:also )?intended\b|\bintention\b", re.I)),
    ("proposal", re.compile(r"\bpropos(?:e|ed|es|ing)\b", re.I)),
    ("recommendation", re.compile(r"\brecommend(?:s|ed|ing)?\b|\bshould\b|\bmy view is\b|\bmay (?:wish to )?consider\b|\badvise[sd]?\b", re.I)),
    ("implication", re.compile(r"\bwill (?:need to|cease|be required|have to)\b", re.I)),
]


def code_kind(text: str, section: str, context: str = "") -> tuple[str, float, str]:
    """(kind, confidence, why) for one item: its section first, then cue words."""
    if section in _SECTION_KIND:
        kind = _SECTION_KIND[section]
        if section in {"proposal", "option"} and re.search(r"\bprinciples?\b", context, re.I):
            return "principle", 0.85, f"section {section}; lead-in {_short(context)!r} names principles"
        m = re.search(r"\bit is (?:also |further )?proposed\b", text, re.I)
        if section == "implication" and m:
            return "proposal", 0.8, f"cue {m.group(0)!r} under Implications"
        return kind, 0.9, f"section {section}"
    if section == "list" and re.match(r"(?:to|that) (?!note\b)[a-z]+", text, re.I):
        return "proposal", 0.7, "a list part that puts forward a course of action"
    for kind, pattern in _KIND_CUES:
        m = pattern.search(text) or (pattern.search(context) if context and kind == "principle" else None)
        if m:
            return kind, 0.7, f"cue {m.group(0)!r}"
    return "statement", 0.5, "no cue: a position or assessment"


# ----------------------------------------------------------------------------- status

_DEFERRED = re.compile(r"\b(?:defer\w*|postpon\w*|adjourn\w*|left for later|later consideration)\b", re.I)
_REJECTED = re.compile(r"\b(?:rejected|declined|not (?:be )?(?:agree|approve|support|accept)[sd]?|refused)\b", re.I)
_NOTED = re.compile(
    r"^(?:\(\w{1,4}\)\s*|\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:to |that (?:the )?\w+ )?notes?\b|"
    r"\b(?:(?:be|was|were|is|are) noted|to note\b|noted the\b|(?:be|was|were) received|welcomed|commended|emphasi[sz]ed|"
    r"highlighted|concerns? (?:was|were) (?:\w+ )?(?:expressed|raised)|reported back|(?:has|have) reported)\b",
    re.I,
)
_AGREED = re.compile(
    r"\b(?:it was (?:\w+ )?(?:agreed|confirmed|decided|resolved|approved|requested)|agreed (?:that|to)|confirmed|"
    r"(?:has|have) been (?:created|established|set up|agreed|approved|implemented)|committed to|majority view|consensus|"
    r"is progressing|progressing already|in the process of|being worked on|now got|felt that|we are on to|"
    r"(?:board|committee|panel|partnership) (?:agreed|approved|requested|decided))\b",
    re.I,
)
_INTENT = re.compile(r"\b(?:going to try|no doubt|intend\w*|hope|expect\w*|aspir\w+)\b", re.I)
_ADVOCATED = {"recommendation", "proposal", "implication", "principle", "statement"}


def code_status(text: str, kind: str, section: str, context: str = "") -> tuple[str, float, str]:
    """(status, confidence, why): deferral, rejection and noting cues, then the document's
    structure (report sections are proposed; resolutions, decisions and actions agreed)."""
    for status, pattern in (("deferred", _DEFERRED), ("rejected", _REJECTED)):
        m = pattern.search(text)
        if m:
            return status, 0.85, f"cue {m.group(0)!r}"
    if section == "option" and re.search(r"\breject", context, re.I):
        return "rejected", 0.8, f"listed under {context!r}"
    m = _NOTED.search(text) or (_NOTED.search(context) if context else None)
    if m and kind not in {"decision", "action", "request"}:
        return "noted", 0.8, f"cue {m.group(0)!r}"
    if kind == "resolution":
        return "agreed", 0.9, "formal resolution"
    if section in _SECTION_KIND and kind in _ADVOCATED:
        return "proposed", 0.85, f"{kind} in a {section} section"
    m = _INTENT.search(text) if kind in {"action", "statement", "request"} else None
    if m:
        return "proposed", 0.7, f"cue {m.group(0)!r}"
    m = _AGREED.search(text)
    if m:
        return "agreed", 0.75, f"cue {m.group(0)!r}"
    if kind in {"decision", "action"}:
        return "agreed", 0.65, f"kind {kind}"
    return "proposed", 0.6, f"kind {kind}: put forward, not yet agreed"


# ----------------------------------------------------------------------------- theme

#: Codebook terms per theme, matched as lower-case substrings (so "merg" finds merge,
#: merging, merger). They are the transparent theme rule and seed text for the model.
THEME_TERMS: dict[str, list[str]] = {
    "structure": ["merg", "thematic partnership", "sub-group", "sub-committee", "sub-bod", "structure", "tier",
                  "task and finish", "cease", "dissolv", "abolish", "disband", "standing partnership bod", "new group",
                  "steering group", "group (covering"],
    "governance": ["governance", "terms of reference", "constitution", "protocol", "accountab", "role", "purpose",
                   "responsib", "decision", "report into", "standing orders", "strategic direction", "guidance",
                   "ratif", "arrangement"],
    "membership": ["member", "chair", "deputy", "deputies", "represent", "nominee", "membership", "seat on"],
    "meetings": ["meeting", "quarterly", "awayday", "agenda", "meets every", "between meetings", "informal"],
    "resources": ["budget", "fund", "expenditure", "efficien", "shared service", "pooled", "resources",
                  "commissioning", "estate", "saving", "cost"],
    "engagement": ["communicat", "consult", "engagement", "voluntary", "community councils", "narrative", "involve",
                   "citizenship", "dialogue"],
    "programme_management": ["programme management", "project management", "pmo", "tracking", "risk management",
                             "performance", "skills audit", "secretariat"],
    "priorities": ["priorit", "outcome", "vision", "objective", "focus", "achiev", "work programme"],
    "data": ["data", "information", "intelligence", "digital", "hub"],
    "timing": ["timely", "defer", "postpon", "timing", "next year", "in due course", "until"],
}
#: The lexicon decides a theme when at least this share of the terms found point to it.
LEXICON_SHARE = 0.5
#: How much a seed text counts against one labelled example.
SEED_WEIGHT = 0.5


@dataclass
class ThemeModel:
    """TF-IDF + logistic regression over codebook seeds and labelled examples."""

    vectorizer: object
    classifier: object
    examples: pd.DataFrame
    example_matrix: object

    @classmethod
    def fit(cls, examples: pd.DataFrame | None = None) -> "ThemeModel":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        seeds = [(codebook.definition("theme", t), t) for t in codebook.THEMES]
        seeds += [(term, t) for t, terms in THEME_TERMS.items() for term in terms]
        labelled = examples[["text", "theme"]] if examples is not None and len(examples) else pd.DataFrame(columns=["text", "theme"])
        texts = [s for s, _ in seeds] + list(labelled["text"])
        labels = [t for _, t in seeds] + list(labelled["theme"])
        weights = [SEED_WEIGHT] * len(seeds) + [1.0] * len(labelled)
        vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", strip_accents="unicode")
        matrix = vectorizer.fit_transform(texts)
        classifier = LogisticRegression(C=10.0, max_iter=2000, random_state=SEED)
        classifier.fit(matrix, labels, sample_weight=np.asarray(weights))
        return cls(vectorizer, classifier, labelled.reset_index(drop=True), matrix[len(seeds) :])

    def predict(self, texts: list[str]) -> list[tuple[str, float, str]]:
        """(theme, probability, why) for each text."""
        return self._predict(*self._score(texts)) if texts else []

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        """Each text's probability for every theme the model knows."""
        return self._probabilities(self._score(texts)[1]) if texts else []

    def _score(self, texts: list[str]):
        """The texts' TF-IDF matrix and class probabilities (one transform for both)."""
        matrix = self.vectorizer.transform(texts)
        return matrix, self.classifier.predict_proba(matrix)

    def _probabilities(self, proba) -> list[dict[str, float]]:
        return [dict(zip(self.classifier.classes_, map(float, row))) for row in proba]

    def _predict(self, matrix, proba) -> list[tuple[str, float, str]]:
        if matrix.shape[0] == 0:
            return []
        classes = list(self.classifier.classes_)
        vocabulary = np.asarray(self.vectorizer.get_feature_names_out())
        # Similarity of every text to every labelled example, in one product (column i: text i).
        similarity = (self.example_matrix @ matrix.T).tocsc() if self.example_matrix.shape[0] else None
        row = np.zeros(matrix.shape[1])
        out = []
        for i in range(matrix.shape[0]):
            best = int(np.argmax(proba[i]))
            theme = classes[best]
            _dense(matrix, i, row)
            weight = row * self.classifier.coef_[best] if len(classes) > 2 else row
            words = [vocabulary[j] for j in np.argsort(-weight)[:3] if weight[j] > 0]
            why = f"model {proba[i][best]:.2f}" + (f", words {', '.join(map(repr, words))}" if words else ", no known words")
            why += self._nearest(_dense(similarity, i, np.zeros(similarity.shape[0]))) if similarity is not None else ""
            out.append((theme, float(proba[i][best]), why))
        return out

    def _nearest(self, similarity: np.ndarray) -> str:
        """The labelled example most similar to a text, given its similarity to every example."""
        j = int(np.argmax(similarity))
        if similarity[j] <= 0:
            return ""
        ex = self.examples.iloc[j]
        return f"; nearest example ({ex['theme']}, {similarity[j]:.2f}): {_short(ex['text'])!r}"


def _dense(compressed, i: int, out: np.ndarray) -> np.ndarray:
    """Row ``i`` of a CSR matrix (column ``i`` of a CSC one) written densely into ``out``, without
    scipy's per-row slicing."""
    lo, hi = compressed.indptr[i], compressed.indptr[i + 1]
    out[:] = 0.0
    out[compressed.indices[lo:hi]] = compressed.data[lo:hi]
    return out


def theme_terms(text: str) -> dict[str, list[str]]:
    """The codebook terms of each theme found in ``text``."""
    lower = text.lower()
    return {t: [term for term in terms if term in lower] for t, terms in THEME_TERMS.items()}


def code_themes(texts: list[str], model: ThemeModel) -> list[tuple[str, float, str]]:
    """(theme, confidence, why) for each text: the term lexicon where one theme clearly
    leads, otherwise the model's probabilities plus the lexicon's shares."""
    out = []
    matrix, scores = model._score(texts) if texts else (None, [])
    predicted = model._predict(matrix, scores) if texts else []
    for text, (m_theme, m_proba, m_why), proba in zip(texts, predicted, model._probabilities(scores)):
        found = theme_terms(text)
        counts = {t: sum(text.lower().count(term) for term in terms) for t, terms in found.items()}
        total = sum(counts.values())
        best = max(codebook.THEMES, key=lambda t: counts.get(t, 0))
        if total and counts[best] / total >= LEXICON_SHARE:
            out.append((best, round(counts[best] / total, 3), f"terms of {best}: {', '.join(map(repr, found[best]))}"))
            continue
        scores = {t: proba.get(t, 0.0) + (counts.get(t, 0) / total if total else 0.0) for t in codebook.THEMES}
        theme = max(scores, key=scores.get)
        why = m_why if theme == m_theme else f"model + terms {', '.join(map(repr, found[theme]))}; {m_why}"
        out.append((theme, round(min(scores[theme] / 2 if total else scores[theme], 1.0), 3), why))
    return out


def code_theme(text: str, model: ThemeModel | None = None) -> tuple[str, float, str]:
    """(theme, confidence, why) for one text, with the seed-only model by default."""
    return code_themes([text], model or ThemeModel.fit())[0]


# ----------------------------------------------------------------------------- items


def _short(text: str, words: int = 10) -> str:
    parts = str(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


#: Items per task when coding runs across cores (large corpora only).
CHUNK = 5000


def code_items(items: pd.DataFrame, examples: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add kind, status, theme, confidence and why to extracted items.

    ``examples`` (columns text, theme) are labelled items the theme model learns from,
    on top of the codebook's own definitions and terms. The model is fitted once; above
    :data:`CHUNK` items the coding runs in chunks across cores, with the same result.
    """
    from functools import partial

    from .parallel import map_ordered

    model = ThemeModel.fit(examples)
    if len(items) <= CHUNK:
        return _code_chunk(items, model)
    chunks = [items.iloc[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    return pd.concat(map_ordered(partial(_code_chunk, model=model), chunks, min_tasks=2))


def _code_chunk(items: pd.DataFrame, model: ThemeModel) -> pd.DataFrame:
    out = items.copy()
    contexts = out["context"].fillna("") if "context" in out else pd.Series("", index=out.index)
    sections = out["section"].fillna("") if "section" in out else pd.Series("", index=out.index)
    # A short list part with no theme term of its own ("Safer Southwark (as is)") is read with its lead-in.
    themes = code_themes(
        [f"{c} {t}" if c and len(t.split()) < 8 and not any(theme_terms(t).values()) else t
         for t, c in zip(out["text"], contexts)],
        model,
    )
    kinds, statuses, confs, whys = [], [], [], []
    for text, section, context, (theme, tc, twhy) in zip(out["text"], sections, contexts, themes):
        kind, kc, kwhy = code_kind(text, section, context)
        status, sc, swhy = code_status(text, kind, section, context)
        kinds.append(kind)
        statuses.append(status)
        confs.append(round(min(kc, sc, tc), 3))
        whys.append(f"kind: {kwhy}; status: {swhy}; theme: {twhy}")
    out["kind"], out["status"] = kinds, statuses
    out["theme"] = [t for t, _, _ in themes]
    out["confidence"] = pd.Series(confs, index=out.index, dtype=float)
    out["why"] = whys
    out["cluster"] = pd.array([None] * len(out), dtype="Int64")
    out["cluster_label"] = None
    return out
