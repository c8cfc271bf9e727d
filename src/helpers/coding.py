"""Stage 2b — code: give each item a kind, status and theme from the codebook, with a
confidence and the reason (``why``: the cue that decided it, or the nearest examples).

- **Kind** and **status** come from transparent rules, because document structure and
  the verb's mood carry them (see FINDINGS): the section the item sits in (a
  "Recommendation N:" block, a Proposal or Implications section, a RESOLVED block), the
  lead-in it hangs from ("… the following principles:", "… to note the following:") and
  cue words in the item ("it was agreed", "requested that", "defer"). Status follows the
  document: a recommendation in a report is proposed; the same words after RESOLVED are
  agreed; "defer" is deferred.
- **Theme**: weighted cue patterns written from the codebook's theme definitions
  (:data:`THEME_CUES`: "terms of reference" is governance, "meets quarterly" meetings,
  "pooled budget" resources …) decide when they are clear; ``why`` lists the cues. Names
  of bodies are read as plain nouns first, so "Governance Committee" is not a governance
  cue. Weaker cues are added to the probabilities of a scikit-learn model (TF-IDF words +
  logistic regression trained on the codebook's definitions and terms plus every labelled
  example available: the gold items and researchers' corrections); ``why`` then names the
  words that weighed most and the nearest labelled example. An item with no cue at all
  ("That the report be noted.") leans to the theme its document's cues lean to. When the
  two strongest themes' cues are nearly tied (within :data:`TIE_MARGIN` of the total), a
  second model (:class:`TieBreaker`), trained on :data:`THEME_EXAMPLES` — items of other
  councils' documents coded by independent coders — and the researcher's corrections,
  chooses between the two.
  :data:`THEME_TERMS` (plain stems) seed the model and the clustering features.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from . import codebook
from .extract import CHANGED, DECIDING, DONE, MEETING_RECORDS, MOTION_LEAD, VOTE_RESULT, vote_on
from .config import PACKAGE_DATA, SEED

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
    "finding": "statement",
    "reason": "statement",
    "case": "statement",
    "table": "decision",
    "response": "decision",
    "priority": "decision",  # the priorities a partnership has set itself
}
#: In a "We did" cell, work still to be done ("will be published", "will be in place by March") rather
#: than an arrangement made ("the board will meet the Youth Cabinet twice a year").
_RESPONSE_ACTION = re.compile(
    r"\bwill (?:also |now |then )?(?:be )?(?:publish|produc|prepar|develop|draft|launch|updat|writ|consult|in place|report back|"
    r"set up|establish|creat|review|look|bring|appoint|recruit|run|hold a|start|arrang|agree|confirm)\w*", re.IGNORECASE)
#: Document types that record what happened (minutes, news): there "would"/"will" reports a
#: decision. In a report the same words put forward a proposal or state an implication.
RECORD_TYPES = {"minutes", "news", "scrutiny", "web page"}
REPORT_TYPES = {"report"}

# A named officer or member who takes something on is given an action, even in a minute's
# "agreed to": "The Executive Director agreed to hold a workshop", "DS undertook to circulate".
_PERSON_UNDERTAKES = re.compile(
    r"\bundert(?:ook|akes?|aken) to\b|\bgave (?:an |a further |a firm )?undertaking\b|"
    r"^(?:[Tt]he )?(?:[A-Z][\w'’-]*,? (?:and |of |for |& )*){0,6}?(?:Director|Officer|Manager|Lead|Head|Chair|Chairman|Clerk|"
    r"Co-?ordinator|Secretary|Advis[eo]r|Commander|Superintendent|Inspector)\b[^.;:]{0,60}?\b(?:agreed|offered) to\b|"
    r"^(?:Mr|Ms|Mrs|Miss|Dr|Cllr|Councillor)\.? [A-Z][\w'’-]+ (?:[A-Z][\w'’-]+ )?(?:agreed|offered) to\b|^[A-Z]{2,3} (?:agreed|offered) to\b|"
    # a clerk's initials that take a task on: "4.10 GR would map the priorities …", "JM will circulate …"
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[A-Z]{2,3}(?:/[A-Z]{2,3})? (?:would|will) (?!be\b|have\b|not\b)[a-z]+"
)
# A reporting frame in minutes: what follows "advised that", "expressed concern that" is what
# was said, not what was decided ("… advised that the programme would be considered in March").
# In news everything is reported ("a spokesperson said funding would be divided"), so not there.
_REPORTING_FRAME = re.compile(
    r"\b(?:advised|explained|reported|informed|updated|expressed|voiced|noted|warned|cautioned|highlighted|questioned|"
    r"said|says|told|argued|felt|believed?|suggested|commented|stressed|pointed out|concerns?|disappointment|worried)\b",
    re.I,
)

# Under a Decision heading, a part that asks someone to act is a request ("(f) asked officers to …",
# "The Board requested that …", "To ask the Board to …"); one that only welcomes something is a view.
_ASKS = re.compile(r"^\W{0,3}(?:\(?\w{1,4}[.)]\s*)?(?:(?:the )?(?:board|committee|cabinet|council|members|partnership|panel)\s+)?"
                   r"(?:also |further )?(?:to )?(?:ask(?:ed)?|request(?:ed)?)\b", re.I)
_WELCOMED = re.compile(r"^\W{0,3}(?:\(?\w{1,4}[.)]\s*)?(?:[\w'’-]+ ){0,4}?(?:welcomed|commended|thanked|praised)\b", re.I)

# Ordered: the first cue found decides the kind of an item outside a typed section.
_KIND_CUES: list[tuple[str, re.Pattern]] = [
    ("resolution", re.compile(r"^(?:RESOLVED|DECIDED)\b|^that the .{0,80}\bbe (?:noted|received|approved|agreed|adopted|endorsed)\b", re.I)),
    ("request", re.compile(r"\b(?:is|are) (?:hereby )?directed to\b|"
                           # a question that asks for something: "asked whether the executive would agree to a review"
                           r"\bask(?:ed|s)? whether (?:the |they |he |she |it )?[\w ]{0,40}?\bwould (?:agree|consider|support|commit)\b|"
                           r"^\W{0,3}would the \w+(?: \w+)? (?:agree|consider|commit)\b|\brequest(?:ed|s)? (?:that|to|for)\b|\bask(?:ed|s)? (?:that|to|for)\b|"
                           r"\bask(?:ed|s)? (?!(?:whether|how|what|why|when|where|who|if|about|questions?)\b)(?:[\w'’]+ ){1,4}?to(?: (?!be\b)[a-z]+|\s*:\s*$)|\b(?:encouraged|urged|invited) (?:\w+ ){0,8}to\b|\bcalled (?:on|for)\b", re.I)),
    ("principle", re.compile(r"\bprinciples?\b(?<!in principle)", re.I)),
    ("action", _PERSON_UNDERTAKES),
    # a task done or under way rather than a decision: "all partners have now signed the protocol", "the
    # dashboard has been refreshed", "we secured £60,000"
    ("action", re.compile(r"\b(?:has|have|had) (?:now |also |already )?(?:been )?(?:signed|completed|implemented|refreshed|"
                          r"updated|carried out|begun|started)\b|\b(?:we|partners|the partnership) (?:also )?secured\b", re.I)),
    ("decision", re.compile(
        r"\bit was (?:\w+ )?(?:agreed|confirmed|decided|approved)\b|\bagreed (?:on (?:\d{1,2} )?\w+(?: \d{4}| evening| morning| night)? |in \w+(?: \d{4})? )?(?:that|to)\b|\bagreed, [^,.;:]{1,100}, (?:that|to)\b|\bwould remain\b|\bmajority view\b|"
        r"\b(?:was|were) (?:formally |unanimously |also |then )?(?:agreed|approved|endorsed)\b(?! (?:that|to|by (?:the )?(?:minister|government|secretary)))|"
        r"\bconsensus\b|\b(?:has|have) been (?:created|established|set up|agreed|approved)\b|\bhave now got\b|"
        r"\b(?:has|have|had) (?:now |also |already )?(?:agreed|decided)\b|"
        r"\b" + DONE + r"\b|\b" + CHANGED + r"|"
        r"\bnow meets\b|\bhave given way\b|\bconfirmed that\b|\bgave (?:an )?assurances?\b|\bassured (?:the \w+|members)\b|\bvoted (?:[\w()]+ ){0,4}?to (?!the\b)\w+|"
        r"\b(?:was|were) not taken forward\b|"
        r"\b(?:board|body|group|partnership|committee|council)s? (?:that )?would (?!be worked)|^would\b|\bgoing to be responsible\b|"
        r"\b(?:board|committee|cabinet|council|partnership|executive|panel|forum)s? (?:also |then |formally |unanimously |"
        r"subsequently |(?:had |has |have )(?:now |already )?)?(?:agreed|approved|endorsed|adopted|ratified|supported|declined|rejected) "
        r"(?!(?:that|to|by)\b)|\b(?:board|committee|cabinet|council|partnership|executive|panel|forum)s? (?:also |then )?decided\b|"
        r"\bdid not (?:support|agree|approve|accept|endorse)\b|"
        # a chair putting it to a meeting in speech: "So are we agreed the groups go to quarterly meetings?", "So we agree to …"
        r"\b(?:are we|so we|can we|we're|we are)(?: all)? agreed?\b(?! (?:with|on whether)\b)|\bstays? as (?:it is|they are)\b", re.I)),
    ("action", re.compile(
        r"\b(?:would|will) be worked (?:up|on)\b|\bbeing worked on\b|\bre-engage\b|\bis progressing\b|\bprogressing already\b|"
        r"\bin the process of\b|\b(?:was|were) to (?:meet|be held)\b|\bwe are on to\b|\bgoing to (?!be\b)|"
        r"\btaken in ?to consideration\b|^action\b", re.I)),
    ("statement", re.compile(r"\bit was (?:also )?intended\b|\bintention\b", re.I)),
    ("proposal", re.compile(r"\bpropos(?:e|ed|es|ing)\b|\bproposals? (?:to|for|that)\b|^proposal\b|\bmoved,? (?:and|seconded by)\b|\bsuggest(?:ed|s)? that\b|\bamendment\b|\bput forward (?:a |the )?proposals?\b|\bmoved (?:as an amendment|an amendment|a motion|that)\b", re.I)),
    ("recommendation", re.compile(r"\brecommend(?:s|ed|ing)?\b|\bshould\b|\bmy view is\b|\bmay (?:wish to )?consider\b|\badvise[sd]? (?:\w+ ){0,3}to\b", re.I)),
    ("implication", re.compile(r"\bwill (?:need|require|cease|be required|have to)\b", re.I)),
]


# An outcome written after what was put to the meeting, as notes do: "(a) Merge X -> AGREED.",
# "Fold Y into Z – NOT AGREED", "Agreed: no review until …" (capitals or a colon: the record's mark).
_OUTCOME_MARK = re.compile(r"(?:->|→|=>|\s[-–—])\s*(NOT )?(AGREED|APPROVED|REJECTED|CARRIED|LOST)\b|^(?:[-•]\s*)?Agreed\s*:")


# Reported speech: "should" after "said" is the speaker's position, not a recommendation.
_REPORTED = re.compile(r"\b(?:said|says|told|argued|added|believes?|felt|thinks?|warned|commented|claimed)\b", re.I)
_FIRST_PERSON_WILL = re.compile(r"\b(?:we|I) (?:will|shall|are going to|want to)\b|\b(?:we|I)(?:'|’)ll\b(?! take (?:it|that) (?:that|as)\b)", re.I)
_WILL = re.compile(r"\b(?:will|would|shall|is to|are to)\b(?! not be (?:possible|able))", re.I)
# What a body will do or what will happen to it, as a record states a decision's effect:
# "will be moved", "will not be renewed", "would remain", "will sit on", "is to wind up".
_WILL_DECIDED = re.compile(
    r"\b(?:will|shall|is to|are to) (?:\w+ )?(?!be (?:able|possible|important|difficult|useful|helpful|good|better)\b)[a-z]+\b|"
    r"\bwould (?:now |also |instead |still |then |in future |no longer )?(?:not )?"
    r"(?:be (?:\w+ )?\w+(?:ed|en|wn|ne|lt|pt|ut|id)\b|remain|continue|sit|meet|become|take (?:over|on)|replace|move|join|"
    r"receive|hold|lead|report|cease|transfer|hand|keep|retain|stand|wind|dissolve|merge|form|host|chair|"
    r"absorb|fold|pass|go|close|end|start|begin|launch)\b",
    re.I,
)
# What will be done, as a task rather than a decided arrangement: "will also produce a joint assessment",
# "will be drafted", "would check how the arrangements are working".
_TASK = re.compile(r"(?:will|would|shall|is to|are to) (?:also |then |now |first )?(?:be )?"
                   r"(?:produc|prepar|draft|redraft|writ|written|publish|circulat|collat|compil|draw|drawn|develop|"
                   r"design|map|scop|check|report back|bring|brought|agreed at|present|review|evaluat)\w*", re.I)
_REPORT_IMPLICATION = re.compile(
    r"\b(?:will|would) (?:need to|cease|be required|have to|require|mean)\b|\bmust\b|^(?:if|should|subject to|once)\b", re.I
)


#: A lead-in that introduces what a decision does: "…, the decision:", "The resolution also:".
_DECISION_PARTS = re.compile(r"\bthe (?:decision|resolution|motion as (?:carried|agreed))s?(?: (?:also|further|will))?\s*:\s*$", re.I)


#: A committee's resolution that only recommends to full Council ("AGREED – that it be RECOMMENDED to
#: Council that: (a) …"), as Northern Ireland's committees and others with delegated limits write it.
_TO_COUNCIL = re.compile(r"\bRECOMMENDED\b|\b(?i:recommend(?:s|ed)? to (?:the )?(?:full |county |city |borough )?council)\b")


#: A motion moved, seconded and agreed, written in one sentence ("Proposed by Alderman Hanna, Seconded by
#: Councillor Kinnear and AGREED – that …", as Northern Ireland's councils minute it): a resolution.
_SECONDED_AGREED = re.compile(r"^\W{0,3}(?i:(?:it was )?(?:proposed|moved) by\b[^.]{0,120}?\bseconded by\b[^.]{0,120}?"
                              r"\b(?:and )?(?:unanimously )?)(?:AGREED|RESOLVED|CARRIED)\b")
#: What such a resolution asks someone to do: a request.
_ASKING = re.compile(r"\b(?:write|writes) to\b|\basking (?:that|for|them|it|him|her)\b|\bbe (?:asked|requested|invited) to\b", re.I)


def _seconded_and_agreed(text: str) -> bool:
    """A motion moved, seconded and agreed in one sentence, and not only a recommendation to Council."""
    return bool(_SECONDED_AGREED.match(text)) and not _TO_COUNCIL.search(text)


#: What was put forward, then agreed in a sentence of its own: "We proposed adding two members. Board agreed."
_THEN_AGREED = re.compile(r"[.;]\s+(?:the )?(?:board|committee|cabinet|council|partnership|members|partners|executive)"
                          r"(?: members)? (?:agreed|approved|endorsed)\.?\s*$", re.I)
#: "Our proposal is that …", "Our recommendation is to …": what the writer puts forward.
_OUR_PROPOSAL = re.compile(r"^\W{0,3}(?:our|the review'?s?|the panel'?s?) (?:\w+ )?proposal (?:is|would be) (?:that|to)\b", re.I)
#: A decision to be taken, set out on its own: "To approve the merger of …" (a forward plan's entry).
_TO_DECIDE = re.compile(rf"^\W{{0,3}}to (?:{DECIDING})\b", re.I)
#: A lead-in that names a body and what follows is what it did: "The Board considered a draft. The Board:".
#: What a writer asks of the readers: "Statutory members: please send …", "- Please confirm by 14 March …".
_PLEASE = re.compile(r"^\W{0,3}(?:\(?\w{1,4}[.)]\s*)?(?:[\w ,'’&-]{1,60}:\s*)?please\b(?! (?:note|see|find)\b)", re.I)
_BODY_COLON = re.compile(r"\b(?:the )?(?:board|committee|cabinet|council|partnership|executive|group|panel|members|partners)\s*:\s*$", re.I)
#: A list part that opens with what was done: "- accepted Recommendations 1 to 7", "- did not accept …".
_DID = re.compile(r"^\W{0,3}(?:\(?\w{1,4}[.)]\s*)?(?:(?:also|then|further) )?(?:[a-z]+ed|did not \w+|agreed|took|gave|made|set)\b")


#: A sentence that reports what a review found: a finding, whatever its clauses say.
_REVIEW_FOUND = re.compile(r"^\W{0,3}(?:the |this |our |an? )?(?:independent |governance |partnership )?(?:review|survey|evaluation|audit|inspection|"
                           r"assessment|consultation)s? (?:had |has )?(?:also |further )?(?:found|showed|shown|identified|concluded)\b", re.I)
#: An integration joint board's direction to the council or the health board over its parts: "The Angus
#: Integration Joint Board directs NHS Tayside to:".
_DIRECTS = re.compile(r"\b(?:directs|is directed|are directed|hereby directs)\b[^:]{0,200}?\bto\s*:\s*[-–—]?\s*$", re.I)


def code_kind(text: str, section: str, context: str = "", doc_type: str = "", label: str = "") -> tuple[str, float, str]:
    """(kind, confidence, why) for one item: its section first, then cue words, then the
    document's type ("would" reports a decision in minutes and news, and states an
    implication in a report)."""
    report, minutes = doc_type in REPORT_TYPES, doc_type in MEETING_RECORDS
    if _seconded_and_agreed(text):
        if _ASKING.search(text):
            return "request", 0.7, "a motion agreed that asks someone to act"
        return "resolution", 0.75, "a motion proposed, seconded and agreed"
    vote = _motion_vote(text, section, context)
    if vote:
        return ("resolution", 0.75, "a motion, carried") if vote == "CARRIED" else ("proposal", 0.75, f"a motion, {vote.lower()}")
    if _THEN_AGREED.search(text):
        return "decision", 0.7, "put forward, then agreed ('… Board agreed.')"
    if m := _OUR_PROPOSAL.match(text):
        return "proposal", 0.7, f"cue {m.group(0)!r}"
    if section in {"", "prose"} and _REVIEW_FOUND.match(text) and not re.search(r"\brecommend", text, re.I):
        return "statement", 0.7, "what a review found"  # "The review had found that … the Board was rarely asked to …"
    if section == "finding":  # a finding can record a decision, work under way or what the review recommends
        found = _cue_kind(text, "", report, minutes)
        if found and found[0] in {"decision", "action", "request", "recommendation"}:
            return found
    if section in {"reason", "case"}:  # a reason can be a request the decision answers ("The voluntary sector asked for …")
        found = _cue_kind(text, "", report, minutes)
        if found and found[0] == "request":
            return found
    if section == "proposal" and doc_type not in RECORD_TYPES and _REPORT_IMPLICATION.search(text) and not re.match(r"(?:[-•]\s*)?(?:to|that)\b", text, re.I):
        m = _REPORT_IMPLICATION.search(text)
        return "implication", 0.7, f"cue {m.group(0)!r} in a Proposals section"
    if section == "resolved" and re.match(r"^\W{0,3}(?:\(?\w{1,4}[.)]\s*)?(?:to |that (?:it be )?)?recommend(?!ation)", text, re.I):
        return "recommendation", 0.75, "a part of a resolution that recommends to another body"
    if section == "resolved" and _TO_COUNCIL.search(context):
        return "recommendation", 0.75, f"a part of {_short(context)!r}: advice to full Council, which decides"
    if section == "decision" and doc_type in MEETING_RECORDS and re.match(
            r"(?:the )?(?:[\w-]+ ){0,3}?(?:committee|sub-committee|board|council|cabinet|executive|panel|partnership|forum) (?:also |further |then )?agreed\b", text, re.I):
        return "resolution", 0.7, "a collective body's decision recorded under a Decision heading"
    if section in {"", "prose"} and re.match(r"(?:a|the) (?:proposal|suggestion)\b[^.;]{0,200}?\b(?:was|were|is|has been) "
                                          r"(?:deferred|postponed)", text, re.I):
        return "proposal", 0.7, "a proposal put off: still a proposal, deferred"
    if section == "decision" and _ASKS.match(text):
        return "request", 0.7, "a decision that asks someone to act"
    if section in {"", "prose"} and _TO_DECIDE.match(text):
        return "proposal", 0.65, "a decision to be taken, set out on its own ('To approve …')"
    if section == "list" and _BODY_COLON.search(context) and _DID.match(text):
        if _ASKS.match(text):
            return "request", 0.7, f"a part of {_short(context)!r}: what the body asked of others"
        return "decision", 0.7, f"a part of {_short(context)!r}: what the body did"
    if section == "decision" and _WELCOMED.match(text):
        return "statement", 0.65, "what members welcomed: a view recorded, not a decision"
    if section == "resolved" and doc_type not in MEETING_RECORDS and label.upper() == "AGREED" and doc_type:
        return "decision", 0.7, f"agreed in a {doc_type}, not a meeting's formal resolution"  # "Agreed at the away-day"
    if section == "list" and doc_type in RECORD_TYPES and re.search(r"\b(?:will|shall|is to|are to)\s*:\s*$", context) \
            and not _FIRST_PERSON_WILL.search(context):
        return "decision", 0.65, f"a part of {_short(context)!r}: what has been decided"  # "The new board will:"
    if section == "list" and _DIRECTS.search(context):  # "The IJB directs NHS Tayside to:"
        if report:
            return "proposal", 0.65, f"a part of {_short(context)!r}: a direction put forward for approval"
        return "decision", 0.65, f"a part of {_short(context)!r}: a direction given"
    if section == "list" and report and re.search(r"\b(?:will|shall|would|should)\s*:\s*$", context) \
            and not _FIRST_PERSON_WILL.search(context):
        return "proposal", 0.65, f"a part of {_short(context)!r}: what the report proposes"  # "In particular the Board will:"
    if section == "resolved" and doc_type in {"news", "web page"} and not re.search(r"\b(?:RESOLVED|DECIDED|AGREED)\b", f"{context} {text}"):
        return "decision", 0.7, f"a decision reported in a {doc_type} ({_short(context) or 'agreed'})"  # "Cabinet also agreed that: …"
    if section in {"action", "list", "prose", ""} and _PLEASE.match(text):
        return "request", 0.7, "addressed to others: 'please …'"  # "1. Statutory members: please send …"
    if section == "response" and (m := _RESPONSE_ACTION.search(text)):
        return "action", 0.65, f"a response: {m.group(0)!r}, work still to do"
    if section == "priority" and _FIRST_PERSON_WILL.search(text):
        return "action", 0.65, "what the partnership will do towards a priority"  # "We will extend the schools programme …"
    if section in _SECTION_KIND:
        kind = _SECTION_KIND[section]
        if section in {"proposal", "option"} and re.search(r"\bprinciples?\b", context, re.I):
            return "principle", 0.85, f"section {section}; lead-in {_short(context)!r} names principles"
        m = re.search(r"\bit is (?:also |further )?proposed\b", text, re.I)
        if section == "implication" and m:
            return "proposal", 0.8, f"cue {m.group(0)!r} under Implications"
        return kind, 0.9, f"section {section}"
    if section == "list" and context and doc_type != "web page" and _FIRST_PERSON_WILL.search(context):
        return "action", 0.65, f"a part of the list {_short(context)!r}: what the writer will do"
    if section == "list" and _DECISION_PARTS.search(context):  # "As well as setting up the partnership, the decision:"
        return ("resolution", 0.7, f"a part of {_short(context)!r}: what was resolved") if minutes else \
            ("decision", 0.7, f"a part of {_short(context)!r}: what was decided")
    if section == "list" and MOTION_LEAD.search(context):
        if vote_on(context) == ("motion", "CARRIED"):
            return "resolution", 0.75, f"a part of the motion {_short(context)!r}, carried"
        return "proposal", 0.7, f"a part of the motion or amendment {_short(context)!r}"
    if section == "list" and re.match(r"^[-•*\s]*(?:proposals?|proposed)\b", context, re.I) \
            and not re.search(r"\bprinciples?\b", context, re.I):  # "Proposed principles for …": principles
        return "proposal", 0.7, f"a part of {_short(context)!r}"
    if section == "list" and context:
        inherited = _cue_kind(context, "", report, minutes)
        if inherited and inherited[0] in {"decision", "request"} and not _cue_kind(text, "", report, minutes):
            return inherited[0], 0.65, f"a part of {_short(context)!r}: {inherited[2]}"
    if section == "list" and re.match(r"(?:\(\w{1,4}\)\s*|\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:to|that) (?!note\b)[a-z]+", text, re.I):
        return "proposal", 0.7, "a list part that puts forward a course of action"
    m = _OUTCOME_MARK.search(text)
    if m:
        return ("proposal" if m.group(1) or m.group(2) in {"REJECTED", "LOST"} else "decision"), 0.75, f"outcome {m.group(0).strip()!r}"
    m = re.search(r"\b(?:RESOLVED|DECIDED)\b", text)  # "It was RESOLVED that the report be noted." (capitals: the formal word)
    if m:
        return "resolution", 0.8, f"cue {m.group(0)!r}"
    found = _cue_kind(text, context, report, minutes)
    if found:
        return found
    if section == "prose" and context:  # a clause of a sentence takes the sentence's verb ("recommended that …, and that …")
        inherited = _cue_kind(context, "", report, minutes)
        if inherited and inherited[0] in {"recommendation", "proposal", "decision", "request", "resolution"}:
            return inherited[0], 0.6, f"clause of {_short(context)!r}: {inherited[2]}"
    if report:
        m = _REPORT_IMPLICATION.search(text)
        if m:
            return "implication", 0.6, f"cue {m.group(0)!r} in a report"
        m = _WILL.search(text)
        if m:
            return ("implication" if m.group(0).lower() == "would" else "proposal"), 0.55, f"cue {m.group(0)!r} in a report"
    if doc_type in RECORD_TYPES or doc_type == "other":
        m = _FIRST_PERSON_WILL.search(text) if doc_type != "web page" else None  # a body's own page: "we" is the body
        if m:
            return "action", 0.6, f"cue {m.group(0)!r}: a speaker's commitment"
        m = None if _NOTED.search(text) else _WILL_DECIDED.search(text)
        if m and not (minutes and _REPORTING_FRAME.search(text[: m.start()])):
            if _TASK.match(text, m.start()):
                return "action", 0.55, f"cue {m.group(0)!r} in a {doc_type}: a task to be done"
            return "decision", 0.55, f"cue {m.group(0)!r} in a {doc_type}: what has been decided"
    return "statement", 0.5, "no cue: a position or assessment"


# A motion put in the narrative with its fate in the same item: "It was moved by … that … . On being put
# to the vote the motion was carried."
_MOVED = re.compile(r"\bmoved\b[^.]{0,120}?\bthat\b|\b(?:moved|proposed) (?:as an amendment|an amendment|a motion)\b|"
                    r"^(?:(?:councillor|alderman|cllr|mr|mrs|ms|miss|dr)\.? )?[\w'’-]+(?: [\w'’-]+)? (?:then |also )?proposed that\b", re.I)


def _motion_vote(text: str, section: str, context: str = "") -> str | None:
    """'CARRIED', 'LOST', … for a narrative motion whose vote the item records, or that the segmenter
    found after it (in ``context``), else None."""
    if section not in {"", "prose"} or not _MOVED.search(text):
        return None
    vote = VOTE_RESULT.search(text, _MOVED.search(text).end())
    if vote:
        return vote.group("result").upper()
    later = vote_on(context)  # the vote a later paragraph recorded
    return later[1] if later else None


def _in_condition(text: str, m: re.Match) -> bool:
    """A "has been …" cue inside a clause of condition or time ("once the plan has been published") or a
    clause about something else ("the groups whose work had been completed")."""
    return bool(re.match(r"(?:has|have|had)\b", m.group(0), re.I) and re.search(
        r"\b(?:once|when|until|after|before|if|unless|whose)\b[^,;:.]*$", text[: m.start()], re.I))


def _cue_kind(text: str, context: str, report: bool, minutes: bool = False) -> tuple[str, float, str] | None:
    """(kind, confidence, why) from the first kind cue in ``text`` (principles also in the lead-in), or None.
    ``minutes``: the document records a meeting, where "would" after "advised that" is what was said."""
    for kind, pattern in _KIND_CUES:
        m = pattern.search(text) or (pattern.search(context) if context and kind == "principle" else None)
        if not m:
            continue
        if kind == "decision" and re.search(r"\bwould\b|^would", m.group(0), re.I) and (
                report or (minutes and _REPORTING_FRAME.search(text[: m.start()]))):
            continue  # "the Board would …" in a report is what it would do if agreed; after "advised that", what was said
        if kind == "recommendation" and m.group(0).lower() == "should" and (
            _REPORTED.search(text[: m.start()]) or not text[: m.start()].strip(" \t-•(0123456789.)")
        ):
            continue  # "X said the board should …" is a position voiced; "Should the merger be approved, …" a condition
        if kind in {"decision", "action"} and _in_condition(text, m):
            continue  # "… until 2027, once the assessment has been published": a condition, not something done
        if kind == "request" and re.match(r"(?:invited|encouraged|urged)", m.group(0), re.I) and re.search(
            r"\b(?:be|been|are|is|were|was) (?:\w+ ){0,2}$", text[: m.start()], re.I
        ):
            continue  # "residents will be invited to …": not something the body asks of others
        return kind, 0.7, f"cue {m.group(0)!r}"
    return None


# ----------------------------------------------------------------------------- status

_DEFERRED = re.compile(r"\b(?:defer\w*|postpon\w*|adjourn\w*|left for later|later consideration|paus(?:e|ed|ing) (?:\w+ ){0,4}?until|"
                       r"(?:put|placed|kept) on hold|(?:put|pushed) back (?:to|until)|park (?:it|that|this|the \w+)|parked|"
                       r"continue(?:d)? (?:the )?consideration|(?:item|report|matter) (?:was |be )?continued to|"
                       # put off to a named time: "looked at again in spring 2026", "revisited in 2027"
                       r"(?:(?:looked|look) at (?:this |it |them )?again|revisited) (?:in|by|during) (?:the )?(?:spring|summer|autumn|"
                       r"winter|january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d))\b", re.I)
_REJECTED = re.compile(
    r"\b(?:rejected|declined|turned down|not (?:be |to )?(?:agree|approve|support|accept|adopt|proceed)(?:e?d|s)?|refused|(?:amendment|motion) (?:\w+ )?(?:fell|was lost)|(?:was |were )?defeated|"
    r"not carried|declared lost|(?:motion|amendment|proposal) (?:was )?withdrawn|not (?:be )?(?:taken forward|pursued|progressed|adopted)|be not (?:approved|agreed|pursued|adopted)|"
    r"not (?:taken|taking) (?:this|it|that|these|them) forward|decided (?:against|not to)|(?:have|has|did) not (?:done so|gone ahead|go ahead)|"
    r"not to (?:pursue|proceed with|progress|take forward)|(?:was|were) not supported|"
    # said in a meeting: "So I'll take it that option one is off the table", "we're not going with option three"
    r"(?:is|are|was|were) off the table|(?:we're|we are) not going (?:with|ahead with))\b",
    re.I,
)
_NOTED = re.compile(
    r"^(?:[-•*]\s+|\(\w{1,4}\)\s*|\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:to |that (?:the )?\w+ )?notes?\b|"
    r"\b(?:(?:be|was|were|is|are) noted|to note\b|noted the\b|(?:board|committee|panel|partnership|cabinet|members) (?:also |further )?noted|(?:be|was|were) received|welcomed|commended|emphasi[sz]ed|"
    r"highlighted|concerns? (?:was|were) (?:\w+ )?(?:expressed|raised)|reported back|(?:has|have) reported|noted that|"
    r"(?:was|were) concerned|warned that|cautioned|raised concerns?|expressed concern|my (?:worry|concern|fear) is|"
    r"(?:review|reviews|it|they|we|committee|board|panel|group|evaluation|audit|inspection) (?:had |has |have )?found)\b",
    re.I,
)
_AGREED = re.compile(
    r"\b(?:it was (?:\w+ )?(?:agreed|confirmed|decided|resolved|approved|requested)|agreed (?:that|to)|confirmed|"
    r"(?:has|have) been (?:created|established|set up|agreed|approved|implemented)|committed to|majority view|consensus|"
    r"is progressing|progressing already|in the process of|being worked on|now got|felt that|we are on to|"
    + DONE + r"|" + CHANGED + r"|now meets|"
    r"considered that|took the view|(?:was|were) of the view|(?:has|have|had) (?:now |already )?(?:signed|completed|implemented|launched|published|adopted)|"
    r"(?:board|committee|panel|partnership|cabinet|council|members) (?:(?:also|unanimously) )?(?:agreed|approved|requested|decided|supported|endorsed|accepted|adopted))\b",
    re.I,
)
# A table row's verdict cell: a response column ("R5 | That the Council … | Not accepted. The budget …"),
# or an action plan's status ("… | CPP Manager | January 2025 | Complete"). The cell's first words decide.
_VERDICT_CELLS = [
    ("rejected", re.compile(r"\|\s*(?:not (?:accepted|agreed|approved|supported|endorsed|adopted)|rejected|declined|refused)\b", re.I)),
    ("deferred", re.compile(r"\|\s*(?:deferred|postponed|on hold)\b", re.I)),
    ("agreed", re.compile(r"\|\s*(?:(?:partially |partly )?(?:accepted|agreed|approved|supported|endorsed|adopted)\b|"
                          r"(?:complete[d]?|done|achieved|implemented|in progress|under ?way|on track|ongoing)\s*(?:\||$))", re.I)),
]
# Reporting verbs: what an officer reported or advised in minutes is noted, unless decided.
_NOTED_RECORD = re.compile(r"\b(?:advised|reported|explained|informed(?: the \w+)?|updated(?: the \w+)?) that\b", re.I)
_INTENT = re.compile(r"\b(?:going to try|no doubt|intend\w*|hope|expect\w*|aspir\w+|we will|I will|we(?:'|’)ll|we want)\b", re.I)
_ADVOCATED = {"recommendation", "proposal", "implication", "principle", "statement"}
#: A heading that says its list was adopted: "Principles agreed by the Board on 18 January 2024".
_ADOPTED_HEADING = re.compile(r"(?<!to be )\b(?:agreed|adopted|approved|endorsed|confirmed)\b(?!\s+(?:by\s+)?(?:in|at)\s+principle)", re.I)


_NOT_RECOMMENDED = re.compile(r"\bnot (?:recommended|preferred|supported|favoured|taken forward)\b|\bdiscounted\b", re.I)


def _option_verdict(text: str, context: str) -> str | None:
    """Why an option is not recommended: "Not recommended" in its text, or "No" in the "Recommended?"
    / "Preferred" column of its table row (``context`` is the table's header row); else None. Four of
    the five coders who met such options coded them rejected."""
    header = [c.strip() for c in context.split(" | ")] if " | " in context else []
    column = next((i for i, c in enumerate(header) if re.search(r"recommend|preferred", c, re.I)), None)
    cells = [c.strip() for c in text.split(" | ")]
    if column is not None and column < len(cells) and re.fullmatch(r"(?:no|not recommended|rejected|discounted)\.?", cells[column], re.I):
        return cells[column]
    m = _NOT_RECOMMENDED.search(text)
    return m.group(0) if m else None


#: What a meeting noted, said first ("Members NOTED that the Authority had nominated …"): noted, whatever
#: the noted news says was done.
_BODY_NOTED = re.compile(r"^\W{0,3}(?:members|(?:the )?(?:board|committee|partnership|panel|group|forum|cabinet)) (?:also |further )?noted\b", re.I)


def code_status(text: str, kind: str, section: str, context: str = "", doc_type: str = "") -> tuple[str, float, str]:
    """(status, confidence, why): deferral, rejection and noting cues, then the document's
    structure (report sections are proposed; resolutions, decisions and actions agreed)."""
    vote = vote_on(context) if section == "list" else None
    if vote:
        return ("agreed" if vote[1] == "CARRIED" else "rejected"), 0.8, f"the vote: the {vote[0]} was {vote[1]}"
    moved = _motion_vote(text, section, context)
    if moved and moved != "WITHDRAWN":
        return ("agreed" if moved == "CARRIED" else "rejected"), 0.8, f"the vote: {moved.lower()}"
    if _seconded_and_agreed(text):
        return "agreed", 0.8, "a motion seconded and agreed"
    # an action plan's recommendation has its response (the row's management response) as context
    answer = context if section == "recommendation" and context.startswith("| ") else ""
    for status, pattern in _VERDICT_CELLS if " | " in text or answer else ():
        m = pattern.search(text) or pattern.search(answer)
        if m:
            return status, 0.8, f"the table's verdict {m.group(0).strip(' |')!r}"
    for status, pattern in (("deferred", _DEFERRED), ("rejected", _REJECTED)):
        m = pattern.search(text)
        if m:
            return status, 0.85, f"cue {m.group(0)!r}"
    if section == "option" and re.search(r"\breject", context, re.I):
        return "rejected", 0.8, f"listed under {context!r}"
    verdict = _option_verdict(text, context) if section == "option" else None
    if verdict:
        return "rejected", 0.75, f"an option the document does not recommend ({verdict!r})"
    m = _NOTED.search(text) or (_NOTED.search(context) if context and section != "prose" else None)
    if not m and doc_type in RECORD_TYPES and kind == "statement":
        m = _NOTED_RECORD.search(text)
    if m and (kind not in {"decision", "action", "request"} or (kind == "decision" and m.start() < 40 and not _AGREED.search(text))
              or (kind == "decision" and _BODY_NOTED.match(text))):
        return "noted", 0.8, f"cue {m.group(0)!r}"  # "The Board noted the update": a decision to note
    if kind == "resolution":
        return "agreed", 0.9, "formal resolution"
    if kind == "request" and (doc_type in MEETING_RECORDS or section in {"decision", "reason"} or (section == "list" and _BODY_COLON.search(context))) \
            and re.search(r"\b(?:ask|asked|request|requested)\b", text, re.I):
        return "agreed", 0.7, "a request recorded as made"
    if section == "finding" and kind == "statement":
        return "noted", 0.75, "a finding: recorded, not put forward"
    if section == "reason" and kind == "statement":
        return ("proposed", 0.7, "a reason given for a recommendation") if doc_type in REPORT_TYPES else \
            ("agreed", 0.7, "a reason the decision rests on: adopted with it")
    if section == "case" and kind == "statement":  # "The case for change": argued for, unless a record tells it
        return ("agreed", 0.7, "the case for a change a meeting made") if doc_type in RECORD_TYPES else \
            ("proposed", 0.7, "the case for a change put forward")
    if kind == "principle" and section in {"principle", "list"} and _ADOPTED_HEADING.search(context):
        return "agreed", 0.8, f"listed under {_short(context)!r}"  # "The Partnership Board agreed these principles …:"
    if section in _SECTION_KIND and kind in _ADVOCATED:
        return "proposed", 0.85, f"{kind} in a {section} section"
    m = (_INTENT.search(text) or (_INTENT.search(context) if section == "list" and context else None)) \
        if kind in {"action", "statement", "request"} else None
    if m and doc_type == "web page" and re.match(r"we\b", m.group(0), re.I):
        m = None  # "we will" on a body's own web page is what the body has decided
    if m:
        return "proposed", 0.7, f"cue {m.group(0)!r}"
    m = _AGREED.search(text)
    if m and not _in_condition(text, m):
        return "agreed", 0.75, f"cue {m.group(0).strip(' |')!r}"
    if kind == "action" and doc_type in REPORT_TYPES:
        return "proposed", 0.65, "an action a report plans: not yet agreed"
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
#: How much a seed text counts against one labelled example.
SEED_WEIGHT = 0.5


# Theme cues: the transparent theme rule. Each theme's cues are regular expressions with a
# weight (3: the codebook definition's own subject, e.g. "terms of reference", "pooled
# budget"; 2: a strong hint; 1: a weak hint), written from the codebook definitions, not
# from any one council's wording. A cue counts less the later it comes in the item (the
# subject of an item usually comes first) and half as much in the lead-in the item hangs
# from (its timing cues aside: a deferred list is deferred, not about timing). Names of bodies are read as the plain noun first ("Governance Committee" ->
# "committee"), so a body's name does not decide what an item is about.
_BODY = (r"(?:board|group|partnership|partnerships|committee|sub-?committee|sub-?groups?|forum|body|bodies|panel|"
         r"trust|alliance|executive|network|tps?|psbs?|lsps?|csps?|hwbs?|cpps?)")
THEME_CUES: dict[str, list[tuple[str, float]]] = {
    "structure": [
        (r"\bintegrat\w+ (?:of )?(?:[\w'’-]+ ){0,8}?into\b|\bre-?formed as\b|\breplaced by\b|\brenamed\b|\bmerg\w*|\bamalgamat\w*|\babsorb\w*|\bfold(?:s|ed|ing)? (?:[\w'’-]+ ){0,6}?into\b|\bcombin(?:e|ed|ing) (?:\w+ ){0,8}?(?:into|with)\b|\bbring(?:ing)? together (?:the )?(?:\w+ ){0,3}" + _BODY, 4),
        (r"\b(?:dissol\w+|abolish\w*|disband\w*|decommission\w*|wound up|wind(?:ing)? up|stood down|stand(?:ing)? down|cease\w*|no longer (?:meet|exist))\b", 4),
        (r"\b(?:establish\w*|set(?:ting)? up|creat\w+|form(?:ing|ed)?|introduc\w+|launch\w*) (?:a |an |the )?(?:new |small |single |joint |executive |core |shadow )*(?:[\w-]+ ){0,3}" + _BODY, 4),
        (r"\bsub-?(?:groups?|committees?|boards?|bod(?:y|ies)|partnerships?|structures?)\b", 2),
        (r"\btask[- ](?:and|&)[- ]finish\b", 3),
        (r"\bthere (?:should|will|would|could) be (?:a |an |one )?(?:new |single |small |core |joint )*(?:\w+ ){0,2}" + _BODY, 3),
        (r"\bthematic (?:partnerships?|groups?|boards?)\b|\btps?\b", 1),
        (r"\b(?:re)?structur\w*|\btiers?\b|\bstreamlin\w*|\bsimplif\w*|\brationalis\w*|\blandscape\b|\bduplicat\w*", 2),
        # what becomes of a body, as a table's row or a review's list says it: "Joins with the Local Nature Partnership"
        (r"\bjoin(?:s|ed|ing)? (?:together )?with (?:the )?(?:[\w'’-]+ ){0,5}?" + _BODY + r"|\b(?:continu\w+|retained|kept|re-?constituted|becom\w+) as (?:a |an |the )?(?:[\w'’-]+ ){0,5}?" + _BODY + r"\b", 3),
        (r"\b(?:continue|remain)s? as (?:a )?separate\b|\b(?:stay|remain)s? as (?:they|it) (?:are|is)\b|\bmake way for\b|\b(?:would|will|to|should) remain\b|\(as is\)|\bstanding (?:partnership )?bod", 2),
        (r"\b(?:steering|working|leadership|reference|short-life|delivery) groups?\b|\bnew (?:board|group|body|partnership|forum)\b", 2),
        (r"\bregional\w*|\bcounty-?wide\b|\bjoint (?:board|committee|partnership|psb|csp)\b|\bacross (?:the )?(?:two|three|four|\w+) (?:districts|boroughs|councils|authorities|areas)\b", 2),
        (r"\boversight of\b|\bcovering (?:the )?(?:current )?remit\b", 1),
        (r"\b(?:cut|cutting|reduc\w+|fewer|number of) (?:the number of |its |the |our |their )?(?:[\w-]+ )?(?:sub-?groups|groups|boards|partnerships|bodies|forums|committees|panels)\b"
         r"|\b(?:group|board|partnership|forum|body|bodies|committee|panel)s? (?:\w+ )?(?:will|would|to|should|shall) close\b"
         r"|\bcontinu\w+ (?:with )?(?:the )?(?:present|existing|current) (?:\w+ ){0,2}" + _BODY, 3),
    ],
    "governance": [
        (r"\bgovernance\b|\bterms of reference\b|\btors?\b|\bconstitution\w*|\bprotocols?\b|\bstanding orders\b|\bratif\w*", 3),
        (r"\baccountab\w*|\bresponsib(?!le authorit)\w*|\broles?\b|\bpurpose\b|\bremit\b|\bfunctions?\b|\bmandate\b", 2),
        (r"\bquor(?:um|ate)\b|\bdecided by\b|\bdecisions? (?:would|will) be (?:taken|made)\b|\bdecision[- ]?making\b|\b(?:take|taking|make|making|made) (?:any |the |such |these )?(?:\w+ )?decisions?\b|\bwhere the decision\b", 2),
        (r"\breports? (?:in)?to\b|\breporting (?:lines?|arrangements?|to)\b|\bsponsor\w*|\boversee\w*|\bscrutin\w*|\bdelegat\w*|\bauthori[sz]\w*|\bdesignat\w*|\bsign[- ]off\b|\bapprov\w+ (?:of |the )?(?:strateg|plan)", 2),
        (r"\barrangements?\b|\bleadership\b|\bpartnership working\b|\bhow (?:the )?(?:\w+ ){0,3}(?:works?|operates?)\b|\bway (?:that )?(?:the )?(?:\w+ ){0,5}(?:should )?works?\b", 1),
        (r"\breview(?:ed|ing)? (?:of )?(?:our |the |its )?(?:partnership|governance|arrangements|role)", 1),
        (r"\bcollective responsibility\b|\bceding control\b|\bstatutory (?:duty|duties|function)", 2),
    ],
    "membership": [
        (r"\bmembership\b|\bco-?chair\w*|\bdeput(?:y|ies)\b|\bchaired (?:\w+ ){0,3}?by\b|\brotation of the chair\b|\bsit(?:s|ting)? on\b|\bnumber of (?:places|seats)\b|"
         r"\badd(?:ed|ing)? (?:a |an |the |two |one )?(?:[\w'’-]+ ){0,3}(?:councillors?|members?|representatives?) (?:to|on)\b", 3),
        (r"\bchair(?:man|person|ing)?\b|\bvice[- ]?chair\w*|\bfull members?\b|\bseats? for\b", 2),
        (r"\b(?:places?|seats?|representation|representatives?|members) (?:on|at) the\b|\b(?:(?<=.)(?<![.\d])\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty\w*|thirty) (?:voting )?members\b|\bvoting members?\b"
         r"|\b(?:places?|seats?|representatives?|representation) (?:for|from) (?:the )?(?:voluntary|community|third|private|business|faith|health|police|town)|\bnomin(?:ees?|ations?|ation process)\b", 3),
        (r"\b(?:appoint\w*|nominat\w*|co-?opt\w*|invit\w+ to join|join(?:ed|ing)? the)\b", 2),
        (r"\b(?:hold|keep|have|has|holds|keeps|with) (?:a |an |its |their |one |two |three |\w+ )?(?:full |voting |permanent )?(?:places?|seats?)\b|\bas invited (?:participants?|members?|observers?)\b", 3),
        (r"\brepresent\w*|\bseats? (?:on|at)\b|\bplace for\b|\bbe (?:a |added as a )?members?\b|\bnew members?\b|\bmembers? (?:from|of) (?:the )?(?:voluntary|health|police|business|private|community)", 2),
        (r"\bsectors?\b|\bright people\b|\baround the table\b|\bexecutive members?\b|\bleader of the (?:council|opposition)\b|\bcabinet member\b|\bportfolio holder\b", 1),
    ],
    "meetings": [
        (r"\bmeet(?:s|ing)? (?:\w+ ){0,2}(?:every|once|twice|three|four|six|monthly|quarterly|bi-?monthly|annually|fortnightly|weekly)\b|\b(?:quarterly|monthly|bi-?monthly|annual|twice-yearly|six-weekly) meetings?\b|\bfrequency\b|\bmeet(?:s|ing)? (?:less|more) (?:often|frequently)\b"
         r"|\bmet (?:\w+ ){0,2}?(?:every|once|twice|monthly|quarterly|bi-?monthly|annually)\b|\bevery (?:other|second|two|three|six) (?:months?|weeks?)\b", 3),
        (r"\bstanding items?\b|\bagendas?\b|\baway ?days?\b|\bworkshops?\b|\bbetween meetings\b|\binformal\w*|\bdevelopment sessions?\b|\bmeeting cycle\b|\bpapers\b|\b(?:before|after|at) each meeting\b|\bvirtual(?:ly)?\b|\bin person\b", 2),
        (r"\bmeetings?\b|\bmeet\b|\bconven\w+", 1),
    ],
    "resources": [
        (r"\bbudgets?\b|\bfund(?:s|ing|ed)?\b|\bpool(?:ed|ing)?\b|\bexpenditure\b|\bfinanc\w+|\bgrants?\b|\bsavings?\b|\bcosts?\b(?! of living)|£\s?\d|\bring-?fenc\w*|\bspen(?:d|t|ding)\b", 3),
        (r"\bresourc\w+|\befficien\w+|\bshared services?\b|\bcommissioning\b|\bvalue for money\b|\bstaff(?:ing)?\b|\bcapacity\b|\bofficer (?:time|support)\b|\bsupport arrangements\b|\btotal place\b", 2),
        (r"\bestates?\b|\bassets?\b|\binvest\w*|\ballocat\w+|\bcontribut\w+", 1),
    ],
    "engagement": [
        (r"\bcommunicat\w*|\bconsult\w*|\bengag\w*|\binvolv\w*|\bdialogue\b|\bco-?produc\w*", 3),
        (r"\bvoluntary\b|\bthird sector\b|\bcommunity (?:and voluntary|groups|organisations|councils|sector)\b|\bresidents?\b|\bcitizens?\b|\bpublic\b|\bnarrative\b|\bfeedback\b|\bvoice\b|\bstakeholders?\b", 2),
        (r"\blistening (?:events?|sessions?|exercises?)\b|\broadshows?\b|\bdrop-in\b|\bsurvey\w*|\bhave your say\b|\btell us\b|\bfocus groups?\b|\bbilingual\b", 2),
        (r"\bwebcast\w*|\bpublicis\w*|\byouth (?:cabinet|council|forum|parliament|voice)\b|\bpublic question", 2),
        (r"\bpublish\w*|\bpublication\b|\bplain[- ](?:language|english)\b|\beasy[- ]read\b|\bwrit(?:e|ing) to\b|\bweb ?(?:site|pages?)\b|\binclusive\b|\baccessible\b|\bwebsite\b|\binternet\b|\bsocial media\b|\bnewsletter\b|\bopen(?:ness)?\b|\btransparen\w+", 1),
    ],
    "programme_management": [
        (r"\bprogramme management\b|\bproject management\b|\bpmo\b|\bperformance (?:management|monitoring|framework|indicators?|reports?)\b|\brisk (?:management|register)\b", 3),
        (r"\btrack\w*|\bmonitor\w*|\bperformance\b|\bmilestones?\b|\boutcome indicators?\b|\bkpis?\b|\bindicators?\b|\baction plans?\b|\bdelivery plans?\b|\bprogress reports?\b|\bsecretariat\b|\bskills?\b|\bprogramme office\b", 2),
        (r"\bworkstreams?\b|\bproject\w*|\breport(?:s|ing)? (?:on )?progress\b|\bprogress (?:against|on)\b|\bevaluat\w+|\bassurance\b|\bbusiness of the\b", 1),
    ],
    "priorities": [
        (r"\bpriorit\w*|\boutcomes\b(?! of| indicators?| framework| measures?)|\bvision\b|\bstrategic (?:aims|objectives|direction)\b|\bobjectives?\b|\bambition\w*", 3),
        (r"\bfocus\w*|\baspir\w+|\bwork programme\b|\bwhat (?:we are|is) going to (?:be )?deliver\w*|\bdeliver(?:ing|ed)?\b|\btargets?\b|\bwell-?being plan\b|\bcommunity plan\b|\bstrateg(?:y|ies)\b", 2),
        (r"\bachiev\w+|\bimprov\w+|\bvulnerable\b|\btackl\w+|\breduc\w+ (?:\w+ ){0,3}(?:inequalit|crime|harm|poverty)|\bhealth inequalit\w+|\bneeds? (?:of|assessment)\b", 1),
    ],
    "data": [
        (r"\bdata\b|\binformation[- ]sharing\b|\bsharing (?:of )?information\b|\binformation governance\b|\bintelligence\b|\bdigital\w*|\bdatasets?\b|\banalytic\w*|\binformation hub\b|\bdata hub\b|\bdashboards?\b|\bjoint strategic needs assessments?\b|\bjsnas?\b", 3),
        (r"\bhub\b|\binformation\b|\binsight\b|\bevidence base\b|\bsystems?\b|\bit\b(?= systems)|\btechnolog\w+|\bgdpr\b|\bdpia\b|\bsharing agreement\b", 1),
    ],
    "timing": [
        (r"\bdefer\w*|\bpostpon\w*|\bdelay\w*|\bpause\w*|\btimely\b|\btiming\b|\btimetable\w*|\btimescales?\b|\bput back\b|\bpushed back\b|\bbrought forward\b", 3),
        (r"\bwithin (?:\w+ )?(?:weeks|months)\b|\bafter (?:\w+ )?(?:twelve|six|three|\d+) months\b|\bthe (?:\w+ )?\d{4} meeting\b|\brevisit\w*|\bafter (?:a|one|its first|the first|their first|a full) year\b", 2),
        # a report or review scheduled for a month: "a progress report will come back in June 2025"
        (r"\b(?:report|update|review|back)\w*\b[^.;]{0,60}?\bin (?:early |late |mid-)?(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{4}\b", 2),
        (r"\buntil\b|\bin due course\b|\bnext (?:year|municipal year|meeting|financial year)\b|\bby (?:the end of )?(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter)\b|\bbefore (?:the )?\w+ (?:is|are|has)\b|\bnot (?:the )?(?:right )?time\b|\bat this (?:time|stage)\b|\bin the new year\b|\bearly in\b|\blater (?:in|this)\b", 2),
    ],
}

def _literal_words(pattern: str) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``pattern`` contains (None: none known), so a
    text without any of them can skip the pattern (see :func:`helpers.compare._required`)."""
    from re import _parser

    from .compare import _required

    words = _required(_parser.parse(pattern))
    return tuple(sorted(words)) if words else None


_THEME_CUES = {t: [(re.compile(p), w, _literal_words(p)) for p, w in cues] for t, cues in THEME_CUES.items()}
#: A cue at the end of an item counts (1 - POSITION_DECAY) of one at its start.
POSITION_DECAY = 0.5
#: How much a cue in the item's lead-in counts against one in the item itself.
CONTEXT_WEIGHT = 0.5
#: Below this cue score the model's probabilities are added to the cue shares.
CLEAR_CUES = 1.5
#: Weight of the document's theme mix for an item with no cue of its own.
DOCUMENT_PRIOR = 2.0

_BODY_NAME = re.compile(
    r"\b(?!(?:At|In|On|For|By|To|From|With|That|This|The|A|An|Of|And|Our|Its|Their|"
    # an imperative opening a list part is a verb, not the start of a name: "Merge the Reducing Reoffending Group …"
    r"Merge|Fold|Combine|Join|Establish|Create|Set|Form|Dissolve|Disband|Abolish|Close|Stand|Replace|Review|Appoint|"
    r"Ask|Invite|Request|Approve|Agree|Note|Endorse|Delegate|Transfer|Move|Bring|Reduce|Retain|Keep|Refresh|Revise)\s)(?:[A-Z][\w'’&-]*\s+(?:(?:and|of|for|&|the)\s+)?){1,6}"
    r"(Board|Partnership|Committee|Panel|Group|Trust|Forum|Alliance|Executive|Commission|Network|Service|Services|"
    r"Manager|Officer|Director|Coordinator|Co-ordinator|Adviser|Advisor|Lead|Head)\b"
    r"|\b(?:governance|audit|scrutiny|resources|finance|performance|standards|overview and scrutiny|health and wellbeing|"
    r"health and well-being|community safety|safer communities?)\s+(committee|panel|board|partnership|sub-committee)\b"
)


# Words that name who speaks or acts, not what an item is about: "The Chair asked that …",
# "Cllr Shaw, cabinet member for communities, said …", "after consultation with the Chair",
# "Director of Public Health".
_NOT_TOPIC = re.compile(
    r"\b(?:the )?(?:chair|chairman|chairperson|vice-chair|leader)(?= (?:said|asked|reported|informed|confirmed|welcomed|"
    r"proposed|noted|thanked|explained|advised|agreed|moved|invited|gave|added|stated|commented|suggested|requested))"
    r"|,\s*(?:the )?(?:cabinet member|portfolio holder|executive member|lead member|leader|deputy leader|chair|chief executive)"
    r"\b[^,]{0,60},"
    r"|\b(?:voluntary|community|third|private|business|faith)(?: and (?:voluntary|community))? sector"
    r"(?= (?:places|seats|representatives?|members?|representation)\b)"
    r"|(?<=\b(?:by|to) )(?:the )?(?:chair|chairman|chairperson|vice-chair|leader)(?: and (?:the )?(?:chair|vice-chair|deputy leader|leader))?\b"
    r"|\b(?:after|in|following) consultation with\b|\bafter consulting\b|\bpublic (?=health|services?|sector|bod)"
    r"|^(?:[-•(\w)\d. ]{0,6})?(?:(?:if|should|once|subject to|unless|provided that)\b[^,]{0,120}|(?:under|in its place)\b[^,]{0,30}),",
    re.I,
)


# A post named by what it is responsible for: "Head of Community Planning", "Executive Director for
# Resources", "Cabinet Member for Health and Wellbeing" are people, not topics.
_POST_TITLE = re.compile(
    r"\b((?i:director|head|manager|officer|lead|member|holder|commissioner|secretary|minister|councillor|executive))\s+(?:of|for)\s+"
    r"(?:the\s+)?[A-Z][\w'’-]*(?:,?\s+(?:(?:and|&|of|for|the)\s+)*[A-Z][\w'’-]*)*"
)


def neutral_names(text: str) -> str:
    """``text`` with the names of bodies and post-holders reduced to a plain noun, and the
    words naming who speaks dropped, for theme cues."""
    text = _BODY_NAME.sub(lambda m: (m.group(1) or m.group(2)).lower(), text)
    text = _POST_TITLE.sub(lambda m: m.group(1).lower(), text)
    return _NOT_TOPIC.sub(lambda m: "," if m.group(0).startswith(",") else "", text)


def theme_cues(text: str, context: str = "") -> tuple[dict[str, float], dict[str, list[str]]]:
    """Each theme's cue score for an item, and the cue words found (item, then lead-in)."""
    scores = dict.fromkeys(codebook.THEMES, 0.0)
    found: dict[str, list[str]] = {t: [] for t in codebook.THEMES}
    for part, weight, is_context in ((text, 1.0, False), (context, CONTEXT_WEIGHT, True)):
        if not part:
            continue
        for theme, score, words in _part_cues(part):
            if is_context and theme == "timing":
                continue  # a deferral in the lead-in is the list's status, not what its parts are about
            scores[theme] += weight * score
            found[theme] += [w for w in words if w not in found[theme]]
    return scores, found


# The subject of a resolution written "That <subject> be/should/will …": "That the merged group be
# co-chaired" is about its chairs, not about the merger that made the group.
_SUBJECT = re.compile(r"^(?:[-•*]\s+|\(?[a-z0-9]{1,4}[.)]\s+)?(?:that\s+)(?P<subject>(?:the|a|an|its|each|any|all)\s+[^,;:]{3,80}?)\s+"
                      r"(?=(?:be|should|will|shall|would|must|to|continue|remain|now)\b)")
#: How much a cue in such a subject counts.
SUBJECT_WEIGHT = 0.5


@lru_cache(maxsize=65536)
def _part_cues(part: str) -> tuple[tuple[str, float, tuple[str, ...]], ...]:
    """(theme, score, cue words) for the themes cued in one piece of text (cached: lead-ins
    repeat for every part of their list)."""
    part = neutral_names(part).lower()
    length = max(len(part), 1)
    subject = _SUBJECT.match(part)
    subject_end = subject.end("subject") if subject else -1
    out = []
    for theme, cues in _THEME_CUES.items():
        score, words = 0.0, []
        for pattern, w, literals in cues:
            if literals and not any(word in part for word in literals):
                continue  # none of the pattern's literal words is in the text: it cannot match
            for m in pattern.finditer(part):
                in_subject = SUBJECT_WEIGHT if m.end() <= subject_end else 1.0
                score += in_subject * w * (1 - POSITION_DECAY * m.start() / length)
                if m.group(0) not in words:
                    words.append(m.group(0))
        if score:
            out.append((theme, score, tuple(words)))
    return tuple(out)


#: Labelled theme examples: the items of the held-out development sets (other councils' documents,
#: coded by independent coders; never a test set), with the extracted item's text. ``make examples``
#: rebuilds it (:func:`helpers.evaluate.build_theme_examples`).
THEME_EXAMPLES = PACKAGE_DATA / "theme_examples.csv"
#: Cue scores of the two strongest themes closer than this share of the total are a tie, which the
#: labelled examples break. Chosen on the development sets (leave one set out): 0.1 changed 2–6 items
#: per set and gained 0.01 of theme accuracy on average; wider margins gained less or lost.
TIE_MARGIN = 0.1


@lru_cache(maxsize=1)
def shipped_examples() -> pd.DataFrame:
    """:data:`THEME_EXAMPLES` (columns set, file, theme, text; empty when the file is missing)."""
    if not THEME_EXAMPLES.exists():
        return pd.DataFrame(columns=["set", "file", "theme", "text"])
    examples = pd.read_csv(THEME_EXAMPLES, dtype=str, keep_default_na=False)
    return examples[examples["theme"].isin(codebook.THEMES) & (examples["text"].str.len() > 0)].reset_index(drop=True)


@dataclass
class TieBreaker:
    """Chooses between two nearly tied themes: TF-IDF words and word pairs + logistic regression,
    trained on labelled items only (no codebook seeds: the cues already carry the definitions)."""

    vectorizer: object
    classifier: object
    size: int

    @classmethod
    def fit(cls, examples: pd.DataFrame) -> "TieBreaker | None":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        if len(examples) < 20 or examples["theme"].nunique() < 2:
            return None
        vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", strip_accents="unicode", ngram_range=(1, 2), min_df=2)
        classifier = LogisticRegression(C=3.0, max_iter=3000, random_state=SEED)
        classifier.fit(vectorizer.fit_transform(examples["text"]), examples["theme"])
        return cls(vectorizer, classifier, len(examples))

    def choose(self, texts: list[str], pairs: list[tuple[str, str]]) -> list[tuple[str, float, float]]:
        """For each text and (cue winner, runner-up): the theme the examples prefer (the winner on a
        tie or when neither is known) and the two probabilities."""
        if not texts:
            return []
        index = {t: i for i, t in enumerate(self.classifier.classes_)}
        out = []
        for row, (a, b) in zip(self.classifier.predict_proba(self.vectorizer.transform(texts)), pairs):
            pa, pb = (float(row[index[t]]) if t in index else 0.0 for t in (a, b))
            out.append((b if pb > pa else a, pa, pb))
        return out


@lru_cache(maxsize=8)
def _tie_breaker(exclude_example_files: frozenset, extra: tuple[tuple[str, str], ...]) -> TieBreaker | None:
    """The tie-breaker for these exclusions and extra (text, theme) examples (fitted once per process)."""
    shipped = shipped_examples()
    shipped = shipped[~shipped["file"].isin(exclude_example_files)]
    extra_frame = pd.DataFrame(list(extra), columns=["text", "theme"])
    return TieBreaker.fit(pd.concat([shipped[["text", "theme"]], extra_frame], ignore_index=True))


@dataclass
class ThemeModel:
    """TF-IDF + logistic regression over codebook seeds and labelled examples."""

    vectorizer: object
    classifier: object
    examples: pd.DataFrame
    example_matrix: object
    tie: TieBreaker | None = None

    @classmethod
    def fit(cls, examples: pd.DataFrame | None = None, exclude_example_files: frozenset = frozenset()) -> "ThemeModel":
        """The model, from the codebook and ``examples`` (text, theme); the tie-breaker from the shipped
        examples (less those from ``exclude_example_files``) and ``examples``."""
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
        tie = _tie_breaker(frozenset(exclude_example_files), tuple(zip(labelled["text"], labelled["theme"])))
        return cls(vectorizer, classifier, labelled.reset_index(drop=True), matrix[len(seeds) :], tie)

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


def code_themes(texts: list[str], model: ThemeModel, contexts: list[str] | None = None,
                documents: list | None = None) -> list[tuple[str, float, str]]:
    """(theme, confidence, why) for each text.

    The theme cues decide when they are clear (score ≥ :data:`CLEAR_CUES`); weaker cues
    are added to the model's probabilities. An item with no cue at all (a bare "That the
    report be noted.") is read with its document: the model's probabilities plus
    :data:`DOCUMENT_PRIOR` times the mix of theme cues over the same document's items
    (``documents`` gives each text's document; none: each text stands alone)."""
    if not texts:
        return []
    contexts = list(contexts) if contexts is not None else [""] * len(texts)
    documents = list(documents) if documents is not None else list(range(len(texts)))
    cued = [theme_cues(t, c) for t, c in zip(texts, contexts)]
    mix: dict = {}
    for doc, (scores, _) in zip(documents, cued):
        share = mix.setdefault(doc, dict.fromkeys(codebook.THEMES, 0.0))
        for theme, score in scores.items():
            share[theme] += score
    # The model is asked only about the items whose cues are not clear.
    unclear = [i for i, (scores, _) in enumerate(cued) if sum(scores.values()) < CLEAR_CUES]
    modelled = {}
    if unclear:
        matrix, proba = model._score([texts[i] for i in unclear])
        modelled = dict(zip(unclear, zip(model._predict(matrix, proba), model._probabilities(proba))))
    ties = _ties(cued, model, texts)
    out = []
    for i, (doc, (scores, found)) in enumerate(zip(documents, cued)):
        total = sum(scores.values())
        if total >= CLEAR_CUES:
            theme = max(codebook.THEMES, key=scores.get)
            why = f"cues of {theme}: {', '.join(map(repr, found[theme][:4]))}"
            if i in ties:
                (chosen, pa, pb), rival = ties[i]
                why = (f"cues of {theme} ({', '.join(map(repr, found[theme][:3]))}) and {rival} "
                       f"({', '.join(map(repr, found[rival][:3]))}) nearly tied; labelled examples: {theme} {pa:.2f}, {rival} {pb:.2f}")
                theme = chosen
            out.append((theme, round(scores[theme] / total, 3), why))
            continue
        (m_theme, _, m_why), probs = modelled[i]
        if total:
            combined = {t: probs.get(t, 0.0) + scores[t] / total for t in codebook.THEMES}
            theme = max(combined, key=combined.get)
            why = m_why if theme == m_theme and not found[theme] else f"weak cues {', '.join(map(repr, found[theme][:3])) or 'none'} + {m_why}"
            out.append((theme, round(combined[theme] / 2, 3), why))
            continue
        share = mix.get(doc)
        n = sum(share.values()) if share else 0
        combined = {t: probs.get(t, 0.0) + (DOCUMENT_PRIOR * share[t] / n if n else 0.0) for t in codebook.THEMES}
        theme = max(combined, key=combined.get)
        why = m_why if theme == m_theme else f"no cue; the document's cues lean to {theme} ({share[theme] / n:.0%}); {m_why}"
        out.append((theme, round(min(combined[theme], 1.0) / (1 + DOCUMENT_PRIOR), 3), why))
    return out


def _ties(cued, model: ThemeModel, texts: list[str]) -> dict:
    """Items whose two strongest cue scores are within :data:`TIE_MARGIN` of their total:
    index -> ((chosen theme, p winner, p runner-up), runner-up), asked of the tie-breaker at once."""
    if model.tie is None:
        return {}
    tied, pairs = [], []
    for i, (scores, _) in enumerate(cued):
        total = sum(scores.values())
        if total < CLEAR_CUES:
            continue
        first, second = sorted(codebook.THEMES, key=lambda t: -scores[t])[:2]
        if scores[second] > 0 and (scores[first] - scores[second]) / total < TIE_MARGIN:
            tied.append(i)
            pairs.append((first, second))
    chosen = model.tie.choose([texts[i] for i in tied], pairs)
    return {i: (c, pair[1]) for i, c, pair in zip(tied, chosen, pairs)}


# ----------------------------------------------------------------------------- items


def _short(text: str, words: int = 10) -> str:
    parts = str(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


#: Items per task when coding runs across cores (large corpora only).
CHUNK = 5000


def code_items(items: pd.DataFrame, examples: pd.DataFrame | None = None, exclude_example_files: frozenset = frozenset()) -> pd.DataFrame:
    """Add kind, status, theme, confidence and why to extracted items.

    ``examples`` (columns text, theme) are labelled items the theme model learns from,
    on top of the codebook's own definitions and terms. The model is fitted once; above
    :data:`CHUNK` items the coding runs in chunks across cores, with the same result
    (a chunk holds whole documents, because an item's theme can depend on its document).
    """
    from functools import partial

    from .parallel import map_ordered

    model = ThemeModel.fit(examples, exclude_example_files)
    if len(items) <= CHUNK:
        return _code_chunk(items, model)
    chunks = [items.iloc[a:b] for a, b in _chunk_bounds(items)]
    return pd.concat(map_ordered(partial(_code_chunk, model=model), chunks, min_tasks=2))


def _chunk_bounds(items: pd.DataFrame) -> list[tuple[int, int]]:
    """(start, stop) positions of chunks of about :data:`CHUNK` items that never split a
    document's items (items without ``doc_id`` are cut every CHUNK)."""
    if "doc_id" not in items:
        return [(i, min(i + CHUNK, len(items))) for i in range(0, len(items), CHUNK)]
    docs = items["doc_id"].to_numpy()
    bounds, start = [], 0
    for i in range(1, len(docs)):
        if i - start >= CHUNK and docs[i] != docs[i - 1]:
            bounds.append((start, i))
            start = i
    bounds.append((start, len(docs)))
    return bounds


def _code_chunk(items: pd.DataFrame, model: ThemeModel) -> pd.DataFrame:
    out = items.copy()
    contexts = out["context"].fillna("") if "context" in out else pd.Series("", index=out.index)
    sections = out["section"].fillna("") if "section" in out else pd.Series("", index=out.index)
    documents = out["doc_id"] if "doc_id" in out else pd.Series(range(len(out)), index=out.index)
    # cue words are read on one line: a PDF's or a hard-wrapped minute's line breaks fall inside phrases
    texts, contexts = [" ".join(t.split()) for t in out["text"]], [" ".join(c.split()) for c in contexts]
    themes = code_themes(texts, model, contexts, list(documents))
    kinds, statuses, confs, whys = [], [], [], []
    doc_types = out["doc_type"].fillna("") if "doc_type" in out else pd.Series("", index=out.index)
    labels = out["label"].fillna("") if "label" in out else pd.Series("", index=out.index)
    for text, section, context, doc_type, label, (theme, tc, twhy) in zip(texts, sections, contexts, doc_types, labels, themes):
        kind, kc, kwhy = code_kind(text, section, context, doc_type, label)
        status, sc, swhy = code_status(text, kind, section, context, doc_type)
        if kind == "statement" and status == "rejected":  # what was turned down had been put forward
            kind, kwhy = "proposal", f"{kwhy}, but rejected: so something put forward"
        elif kind == "statement" and status == "deferred" and doc_type in MEETING_RECORDS | {"other"}:
            kind, kwhy = "decision", f"{kwhy}, but put off: a decision to defer"  # "I think we park the fund until June"
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
