"""Stage 4 — compare: detect restructuring actions in each document, with the
sentence that evidences them, and compare councils' restructuring models.

An action is recorded only where a sentence says something is decided, proposed or
under way for a partnership body — a keyword elsewhere on the page is not enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import codebook

UNKNOWN_COUNCIL = "(council not stated)"

# Sentence-level: a claim that something is decided, proposed or under way.
_MODALITY = re.compile(
    r"\b(should|will|would|shall|propos\w*|recommend\w*|agreed|resolved|decided|confirmed|approved|"
    r"intend\w*|plan\w*|to (?:move|establish|create|merge|simplify|introduce|defer|review|hold)|"
    r"is (?:being|to be)|are (?:being|to be)|has been|have been|was (?:to|being)|were (?:being|in the process)|"
    r"in the process of|commissioned|under way|progressing|need(?:s|ed)? to)\b",
    re.I,
)
_NEGATED = re.compile(r"\b(no change is proposed|not (?:be )?(?:merged|dissolved|abolished)|would remain|will remain|"
                      r"remain(?:s)? (?:in place|unchanged)|not timely)\b", re.I)

ACTION_PATTERNS: dict[str, re.Pattern] = {
    "merge": re.compile(r"\b(merg\w+|amalgamat\w+|combin\w+ (?:into|with)|bring together .{0,40}into (?:one|a single)|single (?:board|partnership))\b", re.I),
    "dissolve": re.compile(r"\b(will cease|ceases? to exist|abolish\w*|disband\w*|decommission\w*|dissolv\w+|wound up|"
                           r"dismantl\w+|no longer (?:meet|exist)|the only standing partnership bodies|(?:activity|activities) (?:was|were) frozen|"
                           r"currently inactive)\b", re.I),
    "create": re.compile(r"\b(establish(?:ed|ing)? (?:a|an|the)? ?(?:new )?[\w -]{0,40}(?:board|group|sub-committee|committee|partnership)|"
                         r"set(?:ting)? up (?:a|an) [\w' -]{0,40}|has been created|new (?:board|group|sub-committee|partnership)|"
                         r"first meeting of the)\b", re.I),
    "regionalise": re.compile(r"\b(regional(?:ly|ise\w*|ize\w*)? (?:board|partnership|body|level|footprint)|county-wide|sub-regional|"
                              r"across (?:the )?(?:three|two|four|five|\d) (?:councils|authorities|areas)|police (?:force )?area|"
                              r"joint (?:board|partnership|committee) (?:for|across|covering))\b", re.I),
    "streamline": re.compile(r"\b(simplif\w+|streamlin\w+|reduc\w+ (?:the number of|duplication)|fewer (?:tiers|boards|groups|sub-groups)|"
                             r"rationalis\w+ (?:the )?(?:structure|partnerships)|smaller number of)\b", re.I),
    "task_and_finish": re.compile(r"\b(task[- ]and[- ]finish|commissioning approach|time-limited (?:group|work))\b", re.I),
    "meeting_frequency": re.compile(r"\b(meet(?:s|ing)? (?:every|once|twice|quarterly|monthly|bi-monthly|annually)|quarterly meetings?|"
                                    r"meeting quarterly|frequency of meetings|(?:every|each) (?:six|two|three|four) (?:weeks|months))\b", re.I),
    "membership": re.compile(r"\b(membership|(?:would|will) (?:also )?be a member|represent(?:ed|ation)|chaired by|as chair|"
                             r"nominate a deputy|appoint\w* (?:an? )?[\w ]{0,30}(?:chair|member))\b", re.I),
    "terms_of_reference": re.compile(r"\b(terms of reference|constitution|protocols?|governance arrangements|accountabilit\w+|"
                                     r"roles and responsibilities|standing orders)\b", re.I),
    "review": re.compile(r"\b(review of (?:the )?(?:strategic )?partnership\w*(?: arrangements| working)?|review(?:ing|ed)? (?:the|our|its) partnership\w*|"
                         r"undertake the review|(?:in the process of )?being reviewed|research commissioned into partnership)\b", re.I),
    "pooled_resources": re.compile(r"\b(pool\w* budgets?|joint (?:commissioning|funding|efficiency)|shared service\w*|total place|"
                                   r"shares? senior management|bring together those budgets|shared (?:teams?|resources))\b", re.I),
    "statutory_alignment": re.compile(r"\b(health and well-?being board|integrated care (?:system|partnership|board)|\bICS\b|\bICP\b|"
                                      r"police and crime commissioner|local area agreement|\bLAA\b|comprehensive area assessment|"
                                      r"\bCPA\b|public services board|local service board|statutory)\b", re.I),
}

_BODY_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("LSP", re.compile(r"\bLocal Strategic Partnership|\bLSP\b|\bAlliance Board\b|\bStrategic Partnership Board\b", re.I)),
    ("CSP", re.compile(r"\bCommunity Safety (?:Partnership|Board)|\bCSP\b|\bSafe(?:r)? [A-Z]\w+ Partnership|\bsafe city partnership|\bSafer [A-Z]\w+\b|Crime Reduction Partnership", re.I)),
    ("HWB", re.compile(r"\bHealth and Well-?being Board|\bHWB\b", re.I)),
    ("PSB", re.compile(r"\bPublic Services Board|\bPSB\b", re.I)),
    ("LSB", re.compile(r"\bLocal Service Board|\bLSB\b", re.I)),
    ("CPP", re.compile(r"\bCommunity Planning Partnership|\bCPP\b", re.I)),
    ("ICS", re.compile(r"\bIntegrated Care System|\bICS\b", re.I)),
    ("ICP", re.compile(r"\bIntegrated Care Partnership|\bICP\b", re.I)),
    ("ICB", re.compile(r"\bIntegrated Care Board|\bICB\b", re.I)),
    ("TP", re.compile(r"\bThematic Partnerships?|\bTPs?\b")),
    ("RAG", re.compile(r"\bResponsible Authorities Group|\bRAG\b")),
    ("CT", re.compile(r"\bChildren'?s Trust\b", re.I)),
    ("SAB", re.compile(r"\bSafeguarding Adults Board|\bSAB\b", re.I)),
    ("SCB", re.compile(r"\bSafeguarding Children(?:'s)? Board|\bLSCB\b|\bSCB\b", re.I)),
    ("PCC", re.compile(r"\bPolice and Crime Commissioner|\bPCC\b", re.I)),
    ("LAA", re.compile(r"\bLocal Area Agreement|\bLAA\b", re.I)),
]

_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.M)


def bodies_in(text: str) -> list[str]:
    """Partnership bodies named in ``text``, as codebook abbreviations."""
    return [abbr for abbr, pattern in _BODY_PATTERNS if pattern.search(text)]


def sentences(text: str):
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s > 10:
            yield s, e


@dataclass
class Detection:
    action: str
    start: int
    end: int
    confidence: float
    bodies: list[str]


def detect_actions(text: str) -> list[Detection]:
    """The restructuring actions a document states, with one evidence sentence each."""
    found: dict[str, Detection] = {}
    for s, e in sentences(text):
        sentence = text[s:e]
        if not _MODALITY.search(sentence):
            continue
        negated = _NEGATED.search(sentence)
        for action, pattern in ACTION_PATTERNS.items():
            m = pattern.search(sentence)
            if not m:
                continue
            if negated and action in {"dissolve", "merge", "membership"} and negated.start() <= m.end() + 60:
                continue
            conf = 0.8 if re.search(r"\b(agreed|resolved|confirmed|will|propos\w*|should)\b", sentence, re.I) else 0.6
            det = Detection(action, s, e, conf, bodies_in(sentence))
            if action not in found or det.confidence > found[action].confidence:
                found[action] = det
    return [found[a] for a in codebook.ACTIONS if a in found]


def actions_for_document(doc: dict) -> list[dict]:
    """The ``actions`` rows of one document (a ``documents`` row as a dict)."""
    council = doc["council"] if isinstance(doc["council"], str) and doc["council"] else UNKNOWN_COUNCIL
    return [
        {
            "doc_id": doc["doc_id"],
            "council": council,
            "action": det.action,
            "evidence": doc["text"][det.start : det.end],
            "start": det.start,
            "end": det.end,
            "confidence": det.confidence,
            "bodies": ";".join(det.bodies),
            "year": doc["year"],
        }
        for det in detect_actions(doc["text"])
    ]


def detect(documents: pd.DataFrame) -> pd.DataFrame:
    """The ``actions`` table: one row per (document, council, action)."""
    from .parallel import map_ordered

    docs = documents[["doc_id", "council", "year", "text"]].to_dict("records")
    rows = [row for rows in map_ordered(actions_for_document, docs) for row in rows]
    out = pd.DataFrame(rows, columns=["doc_id", "council", "action", "evidence", "start", "end", "confidence", "bodies", "year"])
    out["start"] = out["start"].astype(int)
    out["end"] = out["end"].astype(int)
    out["confidence"] = out["confidence"].astype(float)
    out["year"] = out["year"].astype("Int64")
    return out


def council_matrix(actions: pd.DataFrame) -> pd.DataFrame:
    """Council × action presence (0/1), in codebook order."""
    m = pd.crosstab(actions["council"], actions["action"]).clip(upper=1)
    return m.reindex(columns=list(codebook.ACTIONS), fill_value=0)


MODEL_NAMES = [
    ({"merge", "streamline"}, "consolidate"),
    ({"task_and_finish"}, "commission through task-and-finish groups"),
    ({"regionalise"}, "regionalise"),
    ({"dissolve"}, "dissolve bodies"),
    ({"statutory_alignment"}, "align with statutory bodies"),
    ({"pooled_resources"}, "pool resources"),
    ({"review"}, "review arrangements"),
]


def name_model(actions: set[str]) -> str:
    parts = [name for needed, name in MODEL_NAMES if needed <= actions]
    return " + ".join(parts[:2]) if parts else "no restructuring stated"


def models(matrix: pd.DataFrame, threshold: float = 0.6) -> pd.Series:
    """Group councils by Jaccard similarity of their actions (average linkage)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    if len(matrix) < 2:
        return pd.Series({c: name_model(set(matrix.columns[matrix.loc[c] > 0])) for c in matrix.index})
    X = matrix.values.astype(bool)
    Z = linkage(pdist(X, metric="jaccard") if X.any() else np.zeros(len(X) * (len(X) - 1) // 2), method="average")
    groups = fcluster(Z, t=threshold, criterion="distance")
    names = {}
    for g in sorted(set(groups)):
        members = matrix.index[groups == g]
        shared = set(matrix.columns[(matrix.loc[members] > 0).all(axis=0)])
        names[g] = name_model(shared)
    return pd.Series({c: names[g] for c, g in zip(matrix.index, groups)})


def councils_table(documents: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    docs = documents.assign(council=documents["council"].fillna(UNKNOWN_COUNCIL))
    matrix = council_matrix(actions) if not actions.empty else pd.DataFrame()
    model = models(matrix) if not matrix.empty else pd.Series(dtype=str)
    rows = []
    for council, group in docs.groupby("council", sort=True):
        acts = sorted(actions.loc[actions["council"] == council, "action"].unique(), key=codebook.ACTIONS.index)
        years = sorted(int(y) for y in group["year"].dropna().unique())
        rows.append({
            "council": council,
            "actions": ";".join(acts),
            "model": model.get(council, "no restructuring stated"),
            "years": (f"{years[0]}" if len(years) == 1 else f"{years[0]}-{years[-1]}") if years else "",
            "n_documents": int(len(group)),
        })
    return pd.DataFrame(rows, columns=["council", "actions", "model", "years", "n_documents"])


# ---------------------------------------------------------------- charts


def plot_matrix(matrix: pd.DataFrame):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 0.55 * max(3, len(matrix)) + 2))
    ax.imshow(matrix.values, cmap="Greens", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(matrix.shape[1]), [a.replace("_", " ") for a in matrix.columns], rotation=40, ha="right")
    ax.set_yticks(range(matrix.shape[0]), matrix.index)
    for (i, j), v in np.ndenumerate(matrix.values):
        if v:
            ax.text(j, i, "✓", ha="center", va="center", color="white", fontsize=10)
    ax.set_title("Restructuring actions stated in each council's documents")
    fig.tight_layout()
    return fig


def run(paths) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Detect actions in every document; write the ``actions`` and ``councils`` tables."""
    from .tables import check_offsets, read_table, write_table

    documents = read_table("documents", paths.processed)
    actions = detect(documents)
    check_offsets(actions, documents, "actions", "evidence")
    councils = councils_table(documents, actions)
    write_table(actions, "actions", paths.processed)
    write_table(councils, "councils", paths.processed)
    return actions, councils
