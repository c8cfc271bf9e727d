"""Stage 4 — compare: detect restructuring actions in each document, with the clause that
evidences them, and compare councils' restructuring models.

How an action is detected (``detect_actions``):

1. The text is cut into clauses: blocks (paragraphs, bullets, headings) → sentences →
   clauses at ``;`` and at ``, and/but/while`` — always as offsets into the text, so the
   evidence is exactly ``text[start:end]``. A short line that runs on into the next (a
   two-column PDF) is not a heading, and the rules read a sentence wrapped over several
   lines as one line.
2. A clause must state the action's wording (``RULES``: e.g. "merging … Thematic
   Partnerships") *about a partnership body* — the words near the trigger must name a board,
   group, partnership … and not a school, a service or a data hub.
3. The clause must be *grounded*: something says it is proposed, agreed, deferred or under
   way — in the clause itself, earlier in its sentence, in the lead-in of a bullet list, in the
   sentence it elaborates ("It is really about …") or in the heading it sits under
   ("Proposal", "RESOLVED"), or the table column it sits in ("… | Proposed change"). Things
   only noted, commended or raised as concerns, and things rejected (also an option that the
   next sentence turns down), are not actions. In a motion or an amendment to one, the vote
   recorded after it decides ("the amendment was declared LOST"), as it does after "It was
   moved … that …"; "the decision (in 2023) to merge …" reports a decision wherever it is
   mentioned.
4. Negation near the trigger ("would not be abolished", "no merger") and status-quo clauses
   ("no change is proposed", "(as is)") rule the clause out.

Each detection carries its status, the bodies concerned (codebook abbreviations where they
apply), and the before/after where the text states it. Documents that concern several
councils give one row per council named; council names are normalised so "London Borough
of Southwark" and "Southwark Council" are one council.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from re import _constants as _sre, _parser as _sre_parser
from pathlib import Path

import numpy as np
import pandas as pd

from . import codebook

UNKNOWN_COUNCIL = "(council not stated)"

# ============================================================================ text units

_BULLET = re.compile(r"[-•*–·▪○]\s+|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s+")
_ABBREVIATIONS = {"cllr", "mr", "mrs", "ms", "dr", "st", "no", "e.g", "i.e", "etc", "cf", "vs", "approx", "para", "ref"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:and|but|while|whereas|although|though)\s+[^,;]{0,80}?\b(?:would|should|will|must|shall|was|were|is|are|"
    r"has|have|had|agreed|confirmed|felt|noted|requested)\b)", re.I)


@dataclass(frozen=True)
class Clause:
    """A clause with the context that can ground it (all offsets into the document text)."""

    start: int
    end: int
    sentence: tuple[int, int]
    lead: str = ""          # the lead-in line of a bullet list ("To simplify … into:-")
    heading: str = ""       # the heading the clause sits under ("Proposal", "RESOLVED")
    previous: str = ""      # the two sentences before (for "It is really about …")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "“\""):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


_NOT_HEADING = re.compile(r"^(?:That|To|It|None|Nil|N/A)\b|[.;,!?-]$")
_LABEL_LINE = re.compile(r"^(Recommendation|Proposal|Decision|Resolution|Resolved|Implication)s?\b[\s\d.]*:", re.I)
#: A decision label whose first numbered part follows on its own line ("AGREED: (i) that …;"): the
#: parts "(ii)", "(iii)" … below it are bullets of that decision, and the label is their lead-in.
_DECISION_OPENS_LIST = re.compile(r"(?:RESOLVED|AGREED|DECIDED|Resolved|Agreed|Decided)(?: [A-Za-z]+){0,3}\s*(?::|[-–—])\s*"
                                  r"(?=\(?(?:i|1|a)[.)]\s)")


#: A slide title carried over several slides: "Recommendations to the Board (1 of 2)", "Options (continued)".
_CONTINUED_TITLE = re.compile(r"\s*\((?:\d{1,2} of \d{1,2}|cont(?:inued|['’]d|\.)?)\)$", re.I)
#: A short question that titles a news fact box or a web page section: "What is changing?", "Who will sit on it?"
_QUESTION_HEADING = re.compile(r"^(?:What|Who|Why|How|When|Where|Which)\b[^.;:!?]*\?$")


def _is_heading(line: str) -> bool:
    """A short line without end punctuation ("Proposal", "Implications", "Minutes:", "RESOLVED"), or a wh-question
    of up to four words ("What is changing?")."""
    line = _CONTINUED_TITLE.sub("", line)
    words = line.rstrip(":").split()
    if line.endswith(":") and len(words) > 3:
        return False
    if 0 < len(words) <= 4 and _QUESTION_HEADING.match(line):      # longer questions are asked, not titles
        return True
    return 0 < len(words) <= 6 and line[0].isupper() and not _NOT_HEADING.search(line.rstrip(":"))


#: A line that is only a minute or agenda number ("18/23", "Minute 45", "Item 7"): what follows is a new item.
_MINUTE_NUMBER = re.compile(r"^(?:(?:Minute|Min\.?|Item|Agenda item)\s+(?:No\.?\s*)?\d{1,4}(?:/\d{2,4})?|\d{1,4}/\d{2,4})\.?$", re.I)


def _table_row(line: str) -> bool:
    """A table row as ingest writes it ("cell | cell | cell")."""
    return line.count(" | ") >= 2


def _bullet_shape(marker: str) -> str:
    """The shape of a list marker, the same for siblings: "(a)" and "(b)" → "(a)", "2." → "9."."""
    return re.sub(r"\d+", "9", re.sub(r"[a-z]+", "a", marker.strip()))


#: A line ending in a word that cannot end a title: "The Board agreed to invite Coleg Dyfnant and the".
_OPEN_END = re.compile(r"\b(?:the|a|an|of|and|or|with|that|its|their|our)$", re.I)


def _runs_on(line: str, following: str) -> bool:
    """A short line that goes on with a sentence rather than heading a section, as in a two-column PDF: "Scrutiny
    Committee examined the Board's work" then "in November and asked …"; "The Board agreed to invite the". It ends
    in an article or a conjunction, or the line after it starts in lower case. A line in capitals, a known section
    heading ("Proposals", "RESOLVED", "What will change") and a label ("Recommendation 2:") head what follows."""
    if line.isupper() or any(pattern.search(line) for _, pattern in _HEADINGS) or _LABEL_LINE.match(line):
        return False
    return following[:1].islower() or bool(_OPEN_END.search(line))


def blocks(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Paragraphs, bullets and table rows as ``(start, end, lead, heading)``, headings kept as context.

    Hard-wrapped lines are joined into one paragraph, and into one bullet: a bullet goes on
    over the lines after it up to a blank line, another bullet, a heading or a table row. A
    bullet carries the lead-in paragraph ending in ``:`` that introduced its list; a table
    row ("cell | cell | cell") is a block of its own.
    """
    heading = lead = ""
    para: list[int] = []
    para_row = False            # the open paragraph is a table row (one line)
    item: list[int] = []        # the bullet being read
    shape = ""                  # the marker shape of the bullet being read ("-", "(a)", "9.")
    sublist: tuple[str, str] | None = None   # a bullet ending in ":" leads the list under it: (its shape, the outer lead)
    spans = [_trimmed(text, s, e) for s, e in _lines(text)]
    for n, (s, e) in enumerate(spans):
        line = text[s:e]
        bullet = _BULLET.match(line)
        numbered = bool(bullet and re.match(r"\d", line) and _is_heading(line[bullet.end():]))
        if numbered:
            line, bullet = line[bullet.end():], None      # a numbered agenda item: "8. Review of …"
        row = _table_row(line)
        below = text[spans[n + 1][0]:spans[n + 1][1]] if n + 1 < len(spans) else ""
        heading_line = bool(line) and not row and _is_heading(line) and (numbered or not _runs_on(line, below))
        if item and line and not bullet and not row and (line[0].islower() or not heading_line):
            item[1] = e                                   # a hard-wrapped bullet goes on
            continue
        if item:
            yield item[0], item[1], lead, heading
            if bullet and text.endswith((":", ":-"), item[0], item[1]) and _bullet_shape(bullet.group(0)) != shape:
                # "- Proposal to come to the January meeting:" then "* move to quarterly meetings": the parent
                # bullet is the lead-in of the sub-list, until the next bullet of its own shape
                sublist = (shape, sublist[1] if sublist else lead)
                lead = text[item[0]:item[1]]
            item = []
        if sublist and (not bullet or _bullet_shape(bullet.group(0)) == sublist[0]):
            lead, sublist = sublist[1], None              # back to the parent list (or out of it)
        lead_in = bool(para) and text.endswith((":", ":-"), para[0], para[1])
        new = not line or bullet or row or heading_line or lead_in or para_row or _MINUTE_NUMBER.match(line)
        if new and para:
            yield para[0], para[1], "", heading
            opens = _DECISION_OPENS_LIST.match(text, para[0], para[1])
            # a one-line title without end punctuation just above a list leads it too ("At a glance: what the Board agreed
            # in 2023-24", then its bullets)
            title = bool(bullet) and "\n" not in text[para[0]:para[1]] and text[para[1] - 1] not in ".;!?,"
            lead = text[para[0]:para[1]] if lead_in or title else (opens.group(0).strip() if opens else "")
            para, para_row = [], False
        if not line:
            continue
        if _MINUTE_NUMBER.match(line):
            heading = lead = ""                           # "18/23": a new agenda item starts
        elif bullet:
            item, shape = [s + bullet.end(), e], _bullet_shape(bullet.group(0))
        elif heading_line and not row:
            heading, lead = line.rstrip(":"), ""
        else:
            label = _LABEL_LINE.match(line)
            if label and not para:
                heading = label.group(1).capitalize()
            para_row = row if not para else para_row
            para = [para[0] if para else s, e]
    if item:
        yield item[0], item[1], lead, heading
    if para:
        yield para[0], para[1], "", heading


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    s = start
    for m in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"([\w.]+)$", text[s:m.start()])
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        yield _trimmed(text, s, m.end())
        s = m.end()
    if s < end:
        yield _trimmed(text, s, end)


#: Line breaks, tabs and form feeds as spaces, one for one: a sentence hard-wrapped over short lines (a two-column
#: PDF, a narrow table cell) reads as one line for the rules, and every offset stays the same.
_FLAT = str.maketrans("\n\r\t\x0b\x0c", "     ")


def _flat(text: str) -> str:
    """``text`` with its line breaks as spaces (same length, same offsets)."""
    return text.translate(_FLAT)


def clauses(text: str) -> list[Clause]:
    """Every clause of ``text`` with its grounding context (lead-in, heading and previous sentences on one line)."""
    out: list[Clause] = []
    history: list[str] = []
    for b_start, b_end, lead, heading in blocks(text):
        for s_start, s_end in _sentences(text, b_start, b_end):
            if s_end <= s_start:
                continue
            previous = _flat(" ".join(history[-2:]))
            lead = _flat(lead)
            c_start = s_start
            for m in _CLAUSE_BREAK.finditer(text, s_start, s_end):
                out.append(Clause(*_trimmed(text, c_start, m.start()), (s_start, s_end), lead, heading, previous))
                c_start = m.end()
            out.append(Clause(*_trimmed(text, c_start, s_end), (s_start, s_end), lead, heading, previous))
            history.append(text[s_start:s_end])
    return [c for c in out if c.end > c.start]


# ============================================================================ grounding

_CUES: list[tuple[str, re.Pattern]] = [
    ("rejected", re.compile(
        r"\b(rejected|declined|decided against|ruled out|voted (?:against|down)|"
        r"not (?:be |been )?(?:agreed|approved|supported|accepted|pursued|recommended|taken forward|progressed)|"
        r"(?:would|will) not (?:proceed|go ahead))\b", re.I)),
    ("concern", re.compile(
        r"\b(concerns? (?:was|were|had been|has been) (?:expressed|raised)|concerned that|appeared to be|"
        r"questioned (?:whether|why|how)|asked (?:whether|why|if|how|about)|questions? (?:was|were) raised|worried that|"
        r"feared that)\b", re.I)),
    ("deferred", re.compile(r"\b(defer\w*|postpon\w*|not (?:yet )?timely|put on hold|held in abeyance|"
                            r"(?:no|not) (?:[\w'’-]+ ){1,6}?until)\b", re.I)),
    ("agreed", re.compile(
        r"\b(agreed|agrees|resolved|resolves|decided|decides|confirmed|approved|endorsed|ratified|adopted|has been|have been|had been|"
        r"(?:was|were) (?:being )?(?:established|created|set up|formed|merged|abolished|disbanded|dissolved|replaced|"
        r"combined|launched|commissioned|reviewed)|(?:has|have|had) (?:now |recently |already |jointly )?(?:established|"
        r"created|set up|formed|merged|abolished|disbanded|dissolved|introduced|moved|replaced|combined|pooled|"
        r"transferred|closed|stood down|reduced|cut|extended|joined|come together)|in the process of|under ?way|progressing|now (?:got|in place)|"
        # a table row whose status cell says what happened: "Night-Time Economy Group | Stood down | …"
        r"(?<=\| )(?:stood down|closed|merged|abolished|disbanded|dissolved|established|created|replaced|transferred|new)(?= \|)|"
        r"went live|took effect|came into effect|with effect from|"
        # "Its work passed to the Strategic Planning Group": a body's work, remit or functions moved elsewhere (not "would
        # cease, with its functions transferred to …": the outcome of a proposal)
        r"(?<!with its )(?<!with their )(?<!with the )(?<!with all )(?:work|remits?|functions?|responsibilit(?:y|ies)|duties) (?:was |were |has |have |had )?(?:then |later |subsequently )?"
        r"(?:passed|transferred|moved) (?:over )?(?:to|into)|"
        r"voted(?: unanimously)?(?: on [^.;:]{1,40}?)? (?:to|in favour)|(?:was|were) carried|passed unanimously|"
        # "both boards backed the arrangement", "members did back a call for …" (not "council-backed", "backed by evidence")
        r"(?<![\w-])backed(?! by)|(?:was|were|been) backed by|"
        r"back(?:s|ing)? (?:a|the|this|that|these|its|their) (?:call|proposals?|motion|recommendations?|plans?|request|changes?|option)|"
        # an annual report's plain past: "In July the Board set up a working group", "Partners pooled £40,000", "we reviewed
        # how the Board works" (the verb takes an object, so not "the board established in 2009"; not "… that the Board set up a";
        # not a scrutiny committee setting up its own review group)
        r"(?<!that )(?<!that the )(?:we|partners|(?:the )?(?:(?-i:[A-Z][\w'’-]*) ){0,3}?(?<!scrutiny )(?:board|partnership|group|committee|"
        r"executive|cabinet|council|forum|PSB|CSP|HWB|LSP))(?: (?:jointly|formally|also|then|recently|successfully|finally))? "
        r"(?:set up|established|created|formed|launched|merged|combined|abolished|disbanded|pooled|reviewed|commissioned|"
        r"introduced|replaced|appointed|invited|extended|restructured)(?= (?:(?:a|an|the|its|their|our|two|three|four|five|six|"
        r"new|how)\b|£|\d)))\b", re.I)),
    ("proposed", re.compile(
        r"\b(should|shall|will|would|must|propos\w*|recommend\w*|suggest\w*|intend\w*|intention|plan(?:s|ned)? to|"
        r"aim(?:s|ed)? to|need(?:s|ed)? to|(?:is|are|was|were) (?:due )?to|consider(?:s|ed|ing)? (?:whether|\w+ing)|"
        r"principles? (?:had been |have been |were |was )?identified|envisag\w+|expected to|going to|seek(?:s|ing)? to|"
        r"to move to|moving to|aspir\w+|options? (?:to|for))\b", re.I)),
    ("noted", re.compile(
        r"\b(noted|welcomed|commended|highlighted|emphasi[sz]ed|acknowledg\w+|received|praised|recognised)\b", re.I)),
]
#: Order in which cues win when a clause carries several.
_PRECEDENCE = ["rejected", "concern", "deferred", "agreed", "proposed", "noted"]
_RESOLUTION_FORM = re.compile(r"^[\"“]?(?:That (?:the|a|an|this|all|every|each)\b|To (?!be\b)[a-z]+\b)")
#: A minutes' action line ("ACTION: Ms Smith to bring …"): an action agreed at the meeting.
_ACTION_LABEL = re.compile(r"^[\"“]?(?:ACTIONS?|Actions?)\s*:")
#: A lead-in that is a decision ("The Cabinet Member decided:", "AGREED:"): the parts under it are decided,
#: whatever "should" or "will" they contain.
_DECIDED_LEAD = re.compile(r"\b(?:RESOLVED|DECIDED|AGREED|[Rr]esolved|[Dd]ecided|[Aa]greed)(?:\s*[–—-])?(?: (?:that|That|THAT|to|TO))?\s*[:–—-]?\s*$")
_ONLY_CONSIDERED = re.compile(r"\b(?:note|noting|consider\w*|consult\w*)\b", re.I)
_CURRENT_STATE = re.compile(r"\b(?:currently|at present|presently)\b", re.I)
_CONTINUATION = re.compile(
    r"^[\"“]?(?:It(?:'s| is) (?:\w+ )?about|This (?:means|involves|includes|will|would)|In particular|"
    r"That (?:means|includes)|These (?:will|would)|(?:The )?(?:net|overall|combined) (?:result|effect|outcome))\b", re.I)
_HEADINGS = [
    # "RESOLVED", "Decisions"; also a short lead-in line "The Board DECIDED:" / "Cabinet RESOLVED – That:"
    ("agreed", re.compile(r"^(?:RESOLVED|DECIDED|Decisions?|Resolutions?|Agreed actions)\b", re.I)),
    ("agreed", re.compile(r"\b(?:RESOLVED|DECIDED|AGREED)(?:\s*[-–—]?\s*(?:that|That|THAT))?\s*$")),
    # a news or blog heading reporting a decision: "What Cabinet decided", "What the Board agreed"
    ("agreed", re.compile(r"^What (?:the )?(?:[\w'’-]+ ){0,3}?(?:decided|agreed|resolved)$", re.I)),
    # a web page's "What has changed" / "What we changed" section lists changes made
    ("agreed", re.compile(r"^(?:What (?:has|have) changed|What['’]s changed|What we (?:have )?changed|Changes (?:we have |we've )?made)\??$",
                          re.I)),
    ("proposed", re.compile(r"^(?:What (?:is|are) changing|What['’]s changing|What will change|Changes (?:we are |we're )?proposing)\??$",
                            re.I)),
    # a heading that the bullets under it complete: "Next year we will", "Over 2025 the Partnership plans to"
    ("proposed", re.compile(r"\b(?:will|shall|plans? to|intends? to|aims? to|propos(?:e|es) to|(?:are|is) going to)$", re.I)),
    # an annual report's forward look: "What we will do next year", "What we plan to do in 2024-25", "Our plans for next year"
    ("proposed", re.compile(r"^(?:What (?:we|the (?:[\w'’-]+ ){0,3}?(?:board|partnership|group|PSB|CSP|HWB|LSP)) (?:will|plans? to|intends? to|"
                            r"aims? to|(?:are|is) going to) do|Our (?:plans|priorities|aims) for)\b(?: (?:next|this|the coming|the next) "
                            r"(?:year|twelve months|12 months)| in (?:the )?(?:year )?(?:19|20)\d\d(?:[-/]\d{2,4})?)?\??$", re.I)),
    # a report's "Reasons for (the) Proposed Decision" / "Reasons for Recommendations" section argues for the proposal
    ("proposed", re.compile(r"^(?:Proposals?|Recommendations?|Implications|Options?|Next steps|"
                            # "Proposed structure", "PROPOSED ARRANGEMENTS (OPTION A)", "Proposed changes"
                            r"Proposed (?:new )?(?:structure|arrangements?|changes|model|governance|groups|partnership)|"
                            r"Reasons? for (?:the )?(?:proposed )?(?:decisions?|recommendations?))\b", re.I)),
    # a table's caption setting the present beside the proposal: "Current and proposed structure", "Groups: now and proposed"
    ("proposed", re.compile(r"\b(?:current|now|existing|present) and proposed\b", re.I)),
    # a section's topic, then "proposals": "Membership and meetings - proposals", "Sub-groups: proposed changes"
    ("proposed", re.compile(r"(?:\s[-–—]|:)\s*(?:proposals?|proposed changes|(?:our )?recommendations)$", re.I)),
]
_STATUS_QUO = re.compile(
    r"\b(no change (?:is|was|will be) (?:proposed|made|needed)|no change to|\(as is\)|remain(?:s|ed)? unchanged|"
    r"remain(?:s)? (?:the same|as (?:it is|now))|(?:will|would|should) (?:continue|remain) as (?:now|before|it is)|"
    # a body kept as it is: "Keep as a standing group", "the Forum will continue as a standing group"
    r"(?:keep|keeps|kept|retain|retains|retained|continue|continues|continued)(?: it| them)? as (?:a |an )?(?:standing|separate|"
    r"existing|current)\b|"
    # a legal implication: "the Council must continue to co-operate with the partnership under the 1998 Act"
    r"(?:must|will|should|shall) continue to (?:co-?operate|comply|discharge|fulfil))", re.I)
_NEGATION = re.compile(r"\b(?:not(?!\s+(?:yet\s+)?timely)|never|no longer|rather than|instead of|against)\s+(?:\S+\s+){0,2}$|\bno\s+$|"
                       r"\bwhether(?: or not)? to\s+$",
                       re.I)


def status_of(text: str, resolution_form: bool = False) -> str | None:
    """The strongest status cue in ``text`` ('concern' means only worried about), or None."""
    found = {name for name, cue in _CUES if cue.search(text)}
    if resolution_form and _RESOLUTION_FORM.match(text):
        found.add("deferred" if re.match(r"^[\"“]?To defer", text) else "proposed")
    if resolution_form and _ACTION_LABEL.match(text):
        found.add("agreed")
    return next((s for s in _PRECEDENCE if s in found), None)


#: A clause inside an amendment moved to a motion ("… that the motion be amended by … inserting:") or inside
#: a motion ("This Council therefore resolves to:"): its status is the vote recorded after it.
_AMENDMENT_CONTEXT = re.compile(r"\bamend(?:ed|ment)\b", re.I)
_MOTION_CONTEXT = re.compile(r"\bmotion\b|\b(?:Council|Board|Committee|Cabinet) (?:therefore |hereby )?resolves\b", re.I)
_VOTE_OUTCOME = {subject: re.compile(r"\b" + subject + r"\b[^.;]{0,100}?\b(?:was|were) (?:declared |duly |then |accordingly )?"
                                     r"(carried|lost|defeated|fell|withdrawn|rejected|not carried)\b", re.I)
                 for subject in ("amendment", "motion")}
_VOTE_REACH = 4000


#: A motion moved in the minutes' own words: "It was moved by Cllr Lee and seconded by Cllr Shah that …", "Cllr Lee moved that …".
_MOVED_THAT = re.compile(r"\bmoved\b(?: by [^.;:]{1,80}?)?(?:,? and seconded(?: by [^.;:]{1,80}?)?)?,? that\b", re.I)
#: The vote on it, in the next sentences: "the motion was carried", "the proposal was put to the vote and was lost".
_MOVED_OUTCOME = re.compile(r"\b(?:motion|proposal|it|this|which)\b[^.;]{0,100}?\b(?:was|were) (?:declared |duly |then |accordingly )?"
                            r"(carried|lost|defeated|fell|withdrawn|rejected|not carried)\b", re.I)
_MOVED_REACH = 400


def _vote_outcome(text: str, clause: Clause) -> str | None:
    """For a clause in an amendment or a motion, the vote recorded after it: "agreed" (CARRIED), "rejected"
    (LOST, defeated, withdrawn); "proposed" for an amendment whose fate is not recorded; else None. A motion
    moved in the clause's own sentence ("It was moved … that …") is decided by the vote in the sentences just after."""
    if _MOVED_THAT.search(text, clause.sentence[0], clause.end):
        m = _MOVED_OUTCOME.search(text, clause.sentence[1], clause.sentence[1] + _MOVED_REACH)
        if m:
            return "agreed" if m.group(1).lower() == "carried" else "rejected"
    context = clause.lead + " " + clause.heading
    subject = "amendment" if _AMENDMENT_CONTEXT.search(context) else "motion" if _MOTION_CONTEXT.search(context) else ""
    if not subject:
        return None
    m = _VOTE_OUTCOME[subject].search(text, clause.end, clause.end + _VOTE_REACH)
    if m is None:
        return "proposed" if subject == "amendment" else None
    return "agreed" if m.group(1).lower() == "carried" else "rejected"


#: The sentence after an option or a proposal turning it down: "This is not recommended.", "The working group rejected
#: this option".
_REJECTED_NEXT = re.compile(
    r"\s*(?:(?:This|That|It)(?: (?:option|proposal|idea|approach|suggestion))? (?:is|was|has been|had been) (?:therefore |also )?"
    r"(?:not (?:recommended|supported|pursued|agreed|accepted|taken forward|favoured|preferred)|rejected|ruled out|discounted|dismissed)|"
    r"[^.;:?!]{0,80}?\b(?:rejected|ruled out|discounted|dismissed|decided against|did not (?:support|recommend|favour|pursue)) "
    r"(?:this|that|the) (?:option|proposal|idea|approach|suggestion))\b", re.I)


def _grounding(text: str, clause: Clause) -> tuple[str | None, str]:
    """(status, where it came from) for a clause: its own words first, then its context; in a motion or an
    amendment, the vote on it; an option the next sentence turns down is rejected."""
    status, source = _grounding_of(text, clause)
    if status == "rejected":
        return status, source
    if status == "proposed" and _REJECTED_NEXT.match(text, clause.sentence[1], clause.sentence[1] + 200):
        return "rejected", "context"
    outcome = _vote_outcome(text, clause)
    if outcome in ("agreed", "rejected") or (outcome == "proposed" and status in (None, "agreed")):
        return outcome, "context"
    return status, source


def _grounding_of(text: str, clause: Clause) -> tuple[str | None, str]:
    own = text[clause.start:clause.end]
    prefix = text[clause.sentence[0]:clause.start]
    status = status_of(prefix + own, resolution_form=True)
    if status == "proposed" and _DECIDED_LEAD.search(clause.lead) and not _ONLY_CONSIDERED.search(prefix + own):
        return "agreed", "context"          # "… decided: (2) that the Board should meet quarterly"
    if status and status_of(prefix + own) != status and _ACTION_LABEL.match(prefix + own):
        return status, "context"            # only the "ACTION:" label: a decision above it is the better evidence
    if status == "proposed" and text.endswith("?", clause.sentence[0], clause.sentence[1]):
        return None, ""                     # "What should the first task-and-finish groups be?": asked, not proposed
    if status:
        return status, "clause" if status_of(own) == status else "sentence"
    if clause.previous and _CONTINUATION.match(text[clause.sentence[0]:clause.sentence[1]]):
        status = status_of(clause.previous)
        if status:
            return status, "context"
    if clause.lead:
        status = status_of(clause.lead, resolution_form=True)
        if status:
            return status, "context"
    if _CURRENT_STATE.search(own):
        return None, ""                     # "X currently meets monthly": background under a "Decision" heading
    for name, pattern in _HEADINGS:
        if pattern.search(clause.heading):
            return name, "heading"
    return None, ""


# ============================================================================ bodies

_BODY_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("LSP", re.compile(r"\bLocal Strategic Partnerships?|\bLSPs?\b|\bStrategic Partnership Board\b", re.I)),
    ("CSP", re.compile(r"\bCommunity Safety (?:Partnership|Board)s?|\bCSPs?\b|\bsafe(?:r)? city partnership|"
                       r"\bCrime (?:Reduction|and Disorder Reduction) Partnerships?|\bCDRPs?\b", re.I)),
    ("CSP", re.compile(r"\bSafer [A-Z][a-z]+(?: [A-Z][a-z]+)?(?: Partnership)?\b")),
    ("HWB", re.compile(r"\bHealth and Well-?being Boards?|\bHWBs?\b", re.I)),
    ("PSB", re.compile(r"\bPublic Services? Boards?|\bPSBs?\b", re.I)),
    ("LSB", re.compile(r"\bLocal Service Boards?|\bLSBs?\b", re.I)),
    ("CPP", re.compile(r"\bCommunity Planning Partnerships?|\bCPPs?\b", re.I)),
    ("ICS", re.compile(r"\bIntegrated Care Systems?|\bICSs?\b", re.I)),
    ("ICP", re.compile(r"\bIntegrated Care Partnerships?|\bICPs?\b", re.I)),
    ("ICB", re.compile(r"\bIntegrated Care Boards?|\bICBs?\b", re.I)),
    ("TP", re.compile(r"\bThematic Partnerships?|\bTPs?\b")),
    ("RAG", re.compile(r"\bResponsible Authorities Groups?|\bRAG\b")),
    ("CT", re.compile(r"\bChildren'?s Trusts?\b", re.I)),
    ("SAB", re.compile(r"\bSafeguarding Adults Boards?|\bSAB\b", re.I)),
    ("SCB", re.compile(r"\bSafeguarding Children(?:'s)? Boards?|\bL?SCB\b", re.I)),
    ("PCC", re.compile(r"\bPolice and Crime Commissioners?|\bPCC\b", re.I)),
    ("LAA", re.compile(r"\bLocal Area Agreements?|\bLAA\b", re.I)),
]
_BODY_NOUN = r"(?:Board|Group|Partnership|Committee|Sub-committee|Forum|Alliance|Trust|Panel|Network)"
_NAMED_BODY = re.compile(
    r"\b(?:[A-Z][\w'’&-]*\s+(?:(?:and|for|of|&)\s+)?){1,6}(?:" + _BODY_NOUN + r"|group|board|partnership)s?\b"
    r"|\b(?:(?:multi[- ]agency|executive|joint|shadow|new|core|officer|partnership)\s+){1,3}"
    r"(?:sub-committee|steering group|group)\b"
    r"|(?<=\bthe )(?:[a-z]+\s+(?:and\s+)?){1,3}partnership board\b"
)
_NOT_A_BODY_NAME = re.compile(r"^(?:Review|Report|Chair|Leader|Member|Director|Head)\b|\b(?:whole|same)\b")
_GENERIC_REFERENCE = re.compile(r"\bthe (?:Board|Partnership|Alliance|Executive)\b")
_LEADING_ARTICLE = re.compile(r"^(?:(?:The|A|An|This|That|Its|Their|Our|New|Proposed|Current|Existing|Two|Three)\s+)+", re.I)


def bodies_in(text: str, default: Sequence[str] = ()) -> list[str]:
    """Partnership bodies named in ``text``: codebook abbreviations, else the body's own name.

    ``default`` (the document's own body) stands for a bare "the Board" / "the Partnership".
    """
    found = [abbr for abbr, pattern in _BODY_PATTERNS if pattern.search(text)]
    for m in _NAMED_BODY.finditer(text):
        name = _LEADING_ARTICLE.sub("", m.group(0).strip())
        if len(name.split()) >= 2 and not _NOT_A_BODY_NAME.search(name) and not any(p.search(name) for _, p in _BODY_PATTERNS):
            found.append(name)
    if not found and default and _GENERIC_REFERENCE.search(text):
        found.extend(default)
    return list(dict.fromkeys(found))


# ============================================================================ action rules

#: Words that make a trigger about a partnership body.
_PARTNERSHIP = (
    r"\b(?:partnerships?|boards?|sub-?boards?|(?:sub-?|steering |working |core |leadership |thematic )?groups?|"
    r"sub-?committees?|committees?|forums?|bodies|body|sub-?bodies|sub-?partnerships?|alliance|arrangements|"
    r"structures?|tiers?|executive|panels?|trusts?|" + "|".join(sorted({a for a, _ in _BODY_PATTERNS} | {"YOT", "JLG", "CDRP"}))
    + r"s?)\b"
)
_PARTNERSHIP_RE = re.compile(_PARTNERSHIP, re.I)
#: A partnership body named by its kind (the noun that ends its name).
_BODY_WORDS_RE = (r"(?:partnerships?|boards?|sub-?groups?|groups?|forums?|sub-?committees?|committees?|panels?|alliances?|"
                  r"networks?|executives?|CSPs?|LSPs?|PSBs?|LSBs?|CPPs?|CDRPs?|TPs?)")
#: "into the county-wide East Sussex Safer Communities Partnership": into (or within) a body.
_INTO_BODY = r"(?:into|within) (?:the |a |an |one |its |their )?(?:[\w'’-]+ ){0,6}?" + _BODY_WORDS_RE + r"\b"
_PROPER_PAIR = re.compile(r"\b[A-Z][\w'-]+(?: (?:and )?[A-Z][\w'-]+)* (?:and|with|into) (?:the )?[A-Z][\w'-]+")


@dataclass(frozen=True)
class Rule:
    """One way of stating an action: the wording, and what it must (not) be about.

    ``target`` must occur within ``window`` characters of the trigger in the clause (after it
    first, else before it, or only in ``direction`` "after" / "before"; neither side crosses a
    colon, a semicolon or a comma that opens a subordinate clause); a ``reject`` word met first
    rules the clause out (without a target, a reject word inside the trigger does). These rule it
    out too: ``unless`` anywhere before the trigger (a group formed by a merger is a merge, not a
    creation); ``excluded_by`` in the trigger or just before it (a task-and-finish group set up is
    task_and_finish; a board keeping "its own membership" changes none); ``excluded_before``
    ending where the trigger starts (the body is the object of something else: "the consultation
    on the future of the partnership will close"). ``cues`` are extra grounding words for this
    action only (e.g. a review "presented"). ``fewer``: the trigger's named groups ``n_before`` and
    ``n_after`` are counts, and the rule holds only where the second is the smaller ("seven groups by three").
    ``peer``: "required" — the trigger's named group ``peer`` is a body of the same kind as the document's own
    (a joint committee with the neighbouring area's PSB, in a PSB's report); "excluded" — a body of the document's
    own kind named after "with <Place>" is that peer, not a statutory body to align with.
    """

    trigger: re.Pattern
    target: re.Pattern | None = _PARTNERSHIP_RE
    reject: re.Pattern | None = None
    window: int = 70
    direction: str = "both"
    cues: re.Pattern | None = None
    unless: re.Pattern | None = None
    excluded_by: re.Pattern | None = None
    excluded_before: re.Pattern | None = None
    weight: float = 1.0
    fewer: bool = False
    peer: str = ""


def _r(pattern: str, flags=re.I) -> re.Pattern:
    return re.compile(pattern, flags)


_NOT_BODIES = _r(r"\b(schools?|hospitals?|practices?|surgeries|wards?|departments?|divisions?|directorates?|"
                 r"services?(?! boards?\b)|"
                 r"compan(?:y|ies)|funds?|funding|grants?|contracts?|posts?|roles?|budgets?|projects?|programmes?|"
                 r"schemes?|hubs?|websites?|databases?|systems?|strateg(?:y|ies)|plans?|polic(?:y|ies)|minutes|"
                 r"performance|progress|reports?|estate|agenda|priorities|work programme|offices?|teams?)\b")
#: Nouns that make "Partnership Fund", "Board development programme" something other than a body.
_NOT_BODY_HEAD = (r"(?:funds?|funding|budgets?|grants?|strateg(?:y|ies)|plans?|programmes?|projects?|schemes?|posts?|roles?|"
                  r"websites?|hubs?|reports?|agreements?|officers?|managers?|co-?ordinators?|awards?|events?|conferences?)")
_FREQ = (r"(?:quarterly|monthly|bi-?monthly|annually|bi-?annually|six-?monthly|six-?weekly|weekly|fortnightly|"
         r"once a (?:year|quarter|month)|twice (?:a|per) (?:year|annum)|(?:three|four|five|six|\d+) times (?:a|per) year|"
         r"(?:twice|(?:three|four|five|six|\d+) times)[- ](?:yearly|annually)|half-?yearly|"
         r"(?:two|three|four|five|six|eight|ten|twelve|\d+) (?:formal |public |board )?meetings (?:a|per|each) (?:year|annum)|"
         r"(?:every|each) (?:other )?(?:two|three|four|five|six|eight|twelve|\d+ )?\s?(?:weeks?|months?|years?))")
_COUNT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"

_REVIEW_NOT = _r(r"\b(performance|progress|minutes|risks?|risk register|strateg(?:y|ies)|SCS|plans?|polic(?:y|ies)|"
                 r"budgets?|finances?|division|department|directorate|estate|leader|place for|opposition|findings|"
                 r"work programme|grant|contract|report)\b")
#: What a review of partnership arrangements is of: a body, "the in-common arrangement", "community safety governance".
_REVIEW_OF = _r(_PARTNERSHIP[:-3] + r"|arrangement|(?:meetings?|meeting|sitting) in common|(?<!council's )(?<!council’s )(?<!council )(?<!corporate )governance)\b")
_REVIEW_CUES = _r(r"\b(review (?:had |has )?(?:found|concluded|showed|identified)|"
                  # under way: "Reviewing the Partnership Board" (a title), "the Board is reviewing its sub-groups"
                  r"^Reviewing [^,;:.?]{1,100}$|(?:is|are|am|been|currently|now) reviewing|"
                  r"presented|reported|report on|undertaken|undertake|carried out|carry out|conducted|completed|commissioned|"
                  r"in response to|recommendations of|arising from)\b")

_MERGED = _r(r"\b(?:merg\w+|amalgamat\w+|combin\w+)")
#: A time-limited group: set up, it is a task-and-finish group rather than a new standing body.
_TIME_LIMITED = _r(r"\b(?:task[- ](?:and|&)[- ]finish|short[- ]life|time[- ]limited)\b")

#: Statutory and national partnership bodies (England, Wales, Scotland, Northern Ireland).
_STATUTORY_BODY = (r"health and well-?being boards?|HWBs?|integrated care (?:systems?|partnerships?|boards?|strateg(?:y|ies))|"
                   r"ICS|ICP|ICB|regional partnership boards?|RPBs?|integration joint boards?|IJBs?|(?:area )?integrated partnership boards?|"
                   r"policing and community safety partnerships?|PCSPs?|police and crime commissioners?|PCC|"
                   r"public services boards?|PSBs?|local service boards?|LSBs?|"
                   # Scotland's integration authorities
                   r"health and social care partnerships?|HSCPs?")

#: The partnerships every area has one of, so that one named with another place is that place's (a peer).
_PEER_KIND = (r"Public Services Boards?|PSBs?|Local Service Boards?|LSBs?|Community Safety Partnerships?|CSPs?|"
              r"Local Strategic Partnerships?|LSPs?|Community Planning Partnerships?|CPPs?|Health and Well-?being Boards?|HWBs?")

#: Up to five words of a body's name before its kind ("Mid and South Essex", "Northern Area", "local").
_NAME_WORDS = r"(?:(?:(?-i:[A-Z][\w'’-]*)|and|&|of|local|county|regional|new|shadow|joint) ){0,5}?"

#: "A new Joint Board has replaced …": the evidence of a body created (create) and of those it replaces (dissolve).
_NEW_BODY_REPLACES = (r"\bnew (?:[\w'’-]+ ){0,4}?" + _BODY_WORDS_RE + r" (?:(?:has|have|had|will|would|should|shall|is to|are to) )?"
                      r"(?:now )?replac(?:e|es|ed)")

RULES: dict[str, list[Rule]] = {
    "merge": [
        Rule(_r(r"\b(merg(?:e|es|ed|ing|er|ers)|amalgamat\w+|combin(?:e|es|ed|ing) (?:\w+ ){0,6}?(?:into|with)|"
                r"brought together (?:\w+ ){0,4}?into|bring(?:ing)? together (?:\w+ ){0,6}?into (?:one|a single)|"
                # "the two partnerships have come together as a single partnership"
                r"(?:come|comes|came|coming) together (?:as|into|to form) (?:a single|one|a new|a joint|a combined)|"
                # "combining the Youth and Carers' Forums"; "combining the Arts Group and the Heritage Group"
                r"combin(?:e|es|ed|ing) (?:the |both )(?:[\w'’-]+ ){0,6}?and (?:the )?(?:[\w'’-]+ ){0,6}?" + _BODY_WORDS_RE + r")\b"),
             reject=_NOT_BODIES),
        # "The Place Board brings together the work of the Partnership Board and the Place-Based Partnership"
        Rule(_r(r"\b(?:brings?|bringing|brought) together the (?:work|functions|remits?|roles|responsibilities|business) of "
                r"(?:the |both |its )?(?:[\w'’-]+ ){0,6}?" + _BODY_WORDS_RE + r" (?:and|with) (?:the |its )?(?:[\w'’-]+ ){0,6}?"
                + _BODY_WORDS_RE + r"\b"), target=None),
        # one body absorbing another's functions: "the Board should take on the functions of the Integrated Care Partnership
        # Board", "the Forum took over the remit of the Older People's Partnership" (not "the role of the Chair of the Board")
        Rule(_r(r"\b(?:take|takes|taking|took|taken) (?:on|over) (?:the |all )?(?:(?:remaining|statutory|strategic|existing|whole) )?"
                r"(?:functions|remit|roles?|responsibilities|work|business|duties) of (?:the |its |both )?"
                r"(?:(?!(?:(?:vice-)?chair\w*|lead|officers?|managers?|secretar\w+|members?|of|for)\b)[\w'’-]+ ){0,6}?"
                + _BODY_WORDS_RE + r"\b(?!['’]s)"), target=None),
        # "the two groups combine to form a single group"; "merge to create one board"
        Rule(_r(r"\b(?:merg|combin|amalgamat)(?:e|es|ed|ing) to (?:form|create|make|become) (?:a single|one|a new|a joint|a combined)\b")),
        # "the integration of the Safer Neighbourhood Board into the Community Safety Partnership"
        Rule(_r(r"\bintegrat(?:e|es|ed|ing|ion of) (?:the |its |their |our |both |all |these |those )?"
                r"(?:(?!(?:of|from|for|to|into|with|within)\b)[\w'’-]+ ){0,5}?" + _BODY_WORDS_RE + r"\b(?!['’]s)"
                r"(?=[^.;]{0,160}?\b" + _INTO_BODY + r")"), target=None),
        Rule(_r(r"\(?(?:covering|combining|incorporating|bringing together) the (?:current )?remits? of\b"),
             target=_PROPER_PAIR, window=90),
        Rule(_r(r"\b" + _COUNT + r" (?:\w+ ){0,2}(?:partnerships|boards|PSBs|CSPs|LSBs|groups) (?:\w+ ){0,3}?into (?:one|a single)\b")),
        Rule(_r(r"\breplac\w* (?:\w+ ){0,5}?(?:partnerships|boards|PSBs|CSPs|LSBs|CPPs|groups|bodies|forums) with "
                r"(?:a single|one|a joint|a combined)\b"), target=None),
        # "to fold the Safer Newtown Partnership into the county board"; "the forum will be absorbed into the board"
        Rule(_r(r"\b(?:fold(?:s|ed|ing)?|absorb(?:s|ed|ing)?) (?:the |its |their |our |both |all |these |those )?"
                r"(?:(?!(?:of|from|for|to|into|with|within)\b)[\w'’-]+ ){0,5}?" + _BODY_WORDS_RE + r"\b(?!['’]s)"
                r"(?=[^.;]{0,160}?\b" + _INTO_BODY + r")"), target=None),
        Rule(_r(_BODY_WORDS_RE + r" (?:(?:will|would|should|shall|is to|are to|to|must|could|has|have|had|was|were) )?(?:now )?"
                r"(?:be |been |being )?(?:folded|absorbed|subsumed) " + _INTO_BODY), target=None),
    ],
    "dissolve": [
        Rule(_r(r"\b(will cease(?! to (?!exist|operate|meet|function))|(?:would|shall|to) cease(?! to (?!exist|operate|meet|function))|"
                r"ceases? to (?:exist|operate|meet|function)|ceased to (?:exist|operate|meet)|"
                r"abolish\w*|disband\w*|decommission\w*|dissolv\w+|wound up|wind(?:ing)? up|stood down|stand(?:ing)? down|"
                r"dismantl\w+|(?:no longer|not) (?:be )?(?:required|needed) as a (?:standing )?(?:body|board|group)|"
                r"(?:no longer|will not) meet|be discontinued|"
                # "the Joint Group would stop meeting separately" (not "stop meeting monthly": a change of frequency)
                r"(?:stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)) meeting\b(?! (?:" + _FREQ + r"|as often|so often)))\b"),
             reject=_NOT_BODIES,
             # a task-and-finish group that "will stand down" once it has reported ends as planned: no action
             unless=_r(r"\b(?:task[- ](?:and|&)[- ]finish|short[- ]life|time[- ]limited) (?:[\w'’-]+ ){0,3}?groups?\b[^.;]{0,200}?"
                       r"\b(?:after which|once|when|then)\b")),
        # "A new Joint Board has replaced the separate strategy groups that each borough used to run"
        Rule(_r(_NEW_BODY_REPLACES + r" (?:the |all |both )?(?:separate|existing|current|old|previous|former|individual) "
                r"(?:[\w'’-]+ ){0,4}?" + _BODY_WORDS_RE + r"\b"), target=None),
        # "the Green Partnership will close on 31 March"; "the forum is to close down"; "the closure of the Economic Forum"
        Rule(_r(r"\b" + _BODY_WORDS_RE + r"(?: [-–—] [^-–—.;:()]{1,160}? [-–—]|, [^,.;:()]{1,160}?,)? "
                r"(?:(?:will|would|shall|should|is to|are to|must) (?:be )?close(?:d)?|(?:is|are) (?:now )?closing)"
                r"(?: down\b|(?= (?:on|by|at|from|in|after|when|once)\b)|(?=[.;,])|$)"),
             target=None, excluded_before=_r(r"\b(?:of|on|about|for|from|with|into|by)\s+(?:the\s+|its\s+|their\s+|our\s+)?"
                                             r"(?:(?-i:[A-Z][\w'’-]*)\s+|and\s+|&\s+){0,5}$")),
        Rule(_r(r"\b(?:close|closing|closure of) (?:down )?(?:the |its |their |both |all |these |those )(?:(?:(?-i:[A-Z][\w'’-]*)|and|&|of|for|"
                r"existing|current|remaining|standing|local|thematic|partnership|sub-?group|" + _COUNT + r") ){0,5}?" + _BODY_WORDS_RE +
                r"\b(?!['’]s)"),
             target=None, reject=_NOT_BODIES),
        Rule(_r(r"\bthe only (?:standing|remaining|formal) (?:partnership )?(?:bodies|boards|groups|partnerships) "
                r"(?:would|will|should|to) be\b"), target=None),
        # "the Carers' Forum will hold its last meeting in March"; "the old sub-groups hold their final meetings" (not "its
        # last meeting of the year", nor a time-limited group finishing its work)
        Rule(_r(r"\b(?:(?:hold(?:s|ing)?|held) (?:its |their )?final meetings?|hold(?:s|ing)? (?:its |their )?last meetings?)\b"
                r"(?! (?:of|for|before|under|as)\b)"),
             reject=_NOT_BODIES, unless=_TIME_LIMITED),
    ],
    "create": [
        Rule(_r(r"\b(establish(?:es|ed|ing|ment of)?|set(?:ting)? up|creat(?:e|es|ed|ing|ion of)|form(?:ed|ing|ation of)?|"
                r"launch(?:ed|ing)?|introduc(?:e|ed|ing) (?:a|an) new)(?:, [^,;:()]{1,60},)? (?:of )?(?:a |an |the )?(?:new |small number of |shadow |joint )?"
                # the body's name, not a thing "for the partnership" or "the Board's priorities"
                r"(?:(?!(?:for|of|to|with|by|from|the)\b)[\w'-]+ ){0,4}?(?:boards?|groups?|sub-?committees?|committees?|partnerships?|"
                r"forums?|panels?|executive)\b(?!['’]s\b)"
                r"(?![ -]" + _NOT_BODY_HEAD + r"\b)"),
             target=None, unless=_MERGED, excluded_by=_TIME_LIMITED,
             # a panel of residents or service users is a way of consulting people, not a partnership body
             reject=_r(_NOT_BODIES.pattern[:-3] + r"|(?:residents?|citizens?|service[- ]users?|tenants?|customers?|patients?)['’]? "
                       r"(?:reference |advisory )?(?:panels?|groups?)|reference panels?|focus groups?)\b")),
        # a body described in a parenthesis before its verb: "A joint Programme Board, made up of …, will be set up"
        Rule(_r(r"\b(?:group|board|sub-?committee|committee|partnership|forum|panel)s?(?:,[^;:()]{1,200}?,|"
                r" (?:of|for|made up of|comprising)(?: (?!(?:not|never|will|would|should|shall|must|is|are|has|have|had|to|be)\b)"
                r"[^\s,;:()]+){1,14})? (?:(?:has|have|had) been|"
                r"(?:(?:will|would|should|shall|is to|are to|to|must) )?be) (?:created|established|set up|formed|launched|convened)\b"
                r"(?! (?:\w+ ){0,3}?(?:by|through|from) (?:the )?(?:merg|combin|amalgamat|bringing))"),
             target=None, unless=_MERGED, excluded_by=_TIME_LIMITED),
        # a new body reported as set up: "four locality groups (North, South, East and West) were set up", "a new
        # Carers' Forum was formed" (not "The Partnership was set up in 2002": a body already there, named with "the")
        Rule(_r(r"(?<![\w.,'’-])(?:a|an|another|(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?: new)?|new) (?:[\w'’-]+ ){0,5}?"
                + _BODY_WORDS_RE + r"(?: \([^()]{1,160}\))? (?:was|were|has been|have been) (?:now |recently )?"
                r"(?:created|established|set up|formed|launched|convened)\b"
                r"(?! (?:\w+ ){0,3}?(?:by|through|from) (?:the )?(?:merg|combin|amalgamat|bringing))"
                r"(?! for (?:up to |a period of |an initial )?(?:" + _COUNT + r")[- ](?:months?|years?|weeks?))"),
             target=None, unless=_MERGED, excluded_by=_TIME_LIMITED),
        # a decision that "a Locality Funding Panel" (named, indefinite: a new body) do something
        Rule(_r(r"\b[Tt]hat an? (?:new )?(?:[A-Z][\w'’-]*\s(?:(?:and|for|of|on|in)\s)?){1,5}"
                r"(?:Panel|Group|Board|Forum|Committee|Sub-[Cc]ommittee|Partnership|Network|Alliance)\b"
                r"(?!\s(?:[Rr]epresentatives?|[Mm]embers?|[Mm]eetings?|[Cc]hairs?|[Oo]fficers?|[Rr]eports?|[Mm]inutes|[Pp]lans?|"
                r"already|exists?|existed|is|was|has|had)\b)", 0),
             target=None, unless=_MERGED, excluded_by=_TIME_LIMITED),
        Rule(_r(r"\b(?:first|inaugural) meeting of the (?:new )?(?:[A-Z][\w'-]+ ){1,5}(?:Group|Board|Partnership|Committee|Forum)\b",
                0), target=None),
        # "the four new partnerships holding their first meetings in June"; "the new board will meet for the first time"
        Rule(_r(r"\bnew (?:[\w'’-]+ ){0,3}?" + _BODY_WORDS_RE + r" (?:(?:will|would|should|shall|is to|are to|to) )?"
                r"(?:hold(?:s|ing)? (?:its|their) (?:first|inaugural) meetings?|meet(?:s|ing)? for the first time)\b"),
             target=None, unless=_MERGED),
        # "its remit passes to a new Wellbeing Group"; "the work will transfer to a new Prevention Board"
        Rule(_r(r"\b(?:pass(?:es|ed|ing)?|transferr?(?:s|ed|ing)?|mov(?:e|es|ed|ing)|go(?:es|ing)?) (?:over )?(?:to|into) a new "
                r"(?:[\w'’-]+ ){0,5}?" + _BODY_WORDS_RE + r"\b(?![ -](?:" + _NOT_BODY_HEAD + r"|models?|approach(?:es)?|"
                r"arrangements?|working|structures?)\b)"),
             target=None, unless=_MERGED, excluded_by=_TIME_LIMITED),
        # "A new Joint Board has replaced the separate borough groups"
        Rule(_r(_NEW_BODY_REPLACES + r"\b"), target=None, unless=_MERGED, excluded_by=_TIME_LIMITED),
    ],
    "regionalise": [
        # two councils' bodies combined into one: "Northshire and Southshire's Community Safety Partnerships will merge into
        # a single partnership"
        Rule(_r(r"\b(?-i:[A-Z][\w'’-]+) and (?-i:[A-Z][\w'’-]+)(?:['’]s?)? (?:[\w'’-]+ ){0,2}?"
                r"(?:Public Services Boards|Local Service Boards|Community Safety Partnerships|Local Strategic Partnerships|"
                r"Community Planning Partnerships|Safeguarding (?:Adults|Children['’]?s?) Boards|PSBs|LSBs|CSPs|LSPs|CPPs|SABs)\b"
                r"(?=[^.;]{0,100}?\b(?:merg\w*|combin\w*|amalgamat\w*|join\w*|come together|coming together)"
                r"(?: (?:[\w'’-]+ ){0,3}?(?:into|as|to form|to create)) (?:one|a single|a joint|a new|a combined)\b)"),
             target=None),
        # a body shared with a neighbouring council: "the Mental Health Board (joint with Northtown City)", "a safeguarding
        # board run jointly with Westshire County Council"
        Rule(_r(_BODY_WORDS_RE + r",? \(?(?:(?:be |is |are |to be |will be |would be )?(?:run|held|hosted|set up|established|formed|"
                r"operated) )?(?:joint(?:ly)?|shared) with "
                r"(?:the )?(?:neighbouring |adjoining |(?-i:[A-Z][\w'’-]*) ){1,4}(?:councils?|city|county|borough|district|"
                r"authorit(?:y|ies))\b"), target=None),
        # a joint body with the neighbouring area's partnership of the same kind: "a joint committee with Northvale PSB", "agreed
        # with Northvale Community Safety Partnership to set up a joint board" (in a PSB's, a CSP's own document)
        Rule(_r(r"\b(?:joint (?:[\w'’-]+ ){0,2}?(?:board|committee|sub-?committee|group|partnership|forum)s? with |"
                r"with (?=(?:the )?(?:neighbouring |adjoining )?(?:(?-i:[A-Z][\w'’-]*) ){1,3}(?:" + _PEER_KIND + r")\b(?:['’]s)?"
                r"(?: [\w'’-]+){0,3}? (?:to|will|would|should|shall) (?:form|create|establish|set up|run|convene|host) (?:a |an )?joint\b))"
                r"(?P<peer>(?:the )?(?:neighbouring |adjoining )?(?:(?-i:[A-Z][\w'’-]*) ){1,3}(?:" + _PEER_KIND + r"))\b(?!['’]s)"),
             target=None, peer="required"),
        Rule(_r(r"\b(?:(?:across|covering|spanning|for) (?:the |all )?(?:" + _COUNT + r" )?(?:councils|local authorities|"
                r"authorities|boroughs|districts|counties)|(?:police|force|health board|combined authority) (?:force )?area|"
                r"shared with (?:neighbouring|adjoining|other) (?:councils|authorities|boroughs))\b"),
             target=_r(r"\b(?:boards?|committees?|PSBs?|CSPs?|LSBs?|CPPs?|bod(?:y|ies)|partnerships?)\b"
                       r"(?! (?:support|working|work|arrangements|priorities))"),
             reject=_r(_NOT_BODIES.pattern[:-3] + r"|analysts?|officers?|staff|workers?)\b")),
        # (a "Regional Partnership Board" is the name of Wales's statutory health and care body: statutory_alignment)
        Rule(_r(r"\b(?!(?:a |one |the )?(?-i:Regional Partnership Boards?)\b)((?:a |one |single )?(?:regional|sub-regional|county-?wide|pan-[A-Z]\w+|cross-boundary) "
                r"(?:\w+ ){0,2}?(?:board|partnership|PSB|CSP|LSB|body|committee|arrangements?|footprint|basis|level)s?|"
                r"(?:regional|sub-regional|county-?wide|cross-boundary) (?-i:(?:[A-Z][\w'’-]* ){1,5})(?:board|partnership|PSB|CSP|LSB)s?|"
                r"joint (?:\w+ ){0,2}?(?:board|PSB|CSP|LSB|committee)s? (?:for|across|covering|spanning)|"
                r"into (?:one|a single) (?:regional|joint|county-?wide|sub-regional) \w+|"
                r"(?:" + _COUNT + r") (?:\w+ ){0,3}?(?:PSBs|CSPs|LSBs|partnerships|boards) (?:\w+ ){0,3}?(?:into|with) (?:one|a single)"
                r"(?: (?:regional|joint|[A-Z]\w+))? (?:PSB|CSP|LSB|partnership|board))\b"),
             target=None,
             # an existing regional body that partners go on using is no change: "keep working closely through the
             # county-wide board", "remain members of the regional board"
             excluded_before=_r(r"\b(?:(?:keep|keeps|keeping|kept|continu(?:e|es|ed|ing))(?: to)? (?:work|meet|operat|collaborat|engag|liais)"
                                r"\w*(?: (?:closely|together|jointly|well)){0,2}|remain(?:s|ed|ing)? (?:a )?(?:members?|part)) "
                                r"(?:through|via|within|with|in|at|of|on) (?:the |its |their |our )?$")),
    ],
    "streamline": [
        Rule(_r(r"\b(simplif\w+|simpler|leaner|slimmed[- ]down|streamlin\w+|rationalis\w+|"
                r"(?:reduc|cut|remov|avoid|eliminat|end)\w* (?:\w+ ){0,3}?(?:number of(?! (?:[\w'’-]+ ){0,3}?meetings\b)|duplication)|"
                r"reduc\w+ (?:\w+ ){0,2}?(?:tiers|sub-groups|groups|boards|partnerships|bodies)|"
                # "the Board should cut its standing delivery groups from seven to four"
                r"(?:cut(?:s|ting)?|trim(?:s|med|ming)?|shrink(?:s|ing)?) (?:[\w'’-]+ ){0,4}?(?:partnerships|boards|groups|sub-groups|"
                r"bodies|tiers|forums) from " + _COUNT + r" (?:down )?to " + _COUNT + r"|"
                r"fewer (?:\w+ )?(?:tiers|boards|groups|sub-groups|partnerships|bodies)|smaller number of|"
                r"from " + _COUNT + r" (?:\w+ ){0,2}?(?:partnerships|boards|groups|bodies|tiers) (?:down )?to " + _COUNT + r"|"
                r"(?:number of|the) (?:[\w'’-]+ ){0,3}?(?:partnerships|boards|groups|sub-groups|bodies|tiers) (?:\w+ ){0,3}?"
                r"(?:reduced|cut|fall(?:s|ing)?|drop(?:s|ping)?|go(?:es)? down) (?:from " + _COUNT + r" )?to " + _COUNT + r"|"
                r"(?:one|two|three|four|five|six|\d+) (?:[\w'’-]+ )?(?:partnerships|boards|groups|sub-groups|bodies|tiers|forums) "
                r"(?:instead of|rather than|in place of|down from) (?:the )?(?:current |existing |present |previous )?" + _COUNT + r")\b"),
             target=_r(_PARTNERSHIP[:-3] + r"|duplication|sub-groups|the number of|arrangement)s?\b"), reject=_NOT_BODIES),
        # the count of groups that went down: "the number of thematic groups fell from six to three"
        Rule(_r(r"\bnumber of (?:(?!(?:of|to|from|for|in|on|at|by|with)\b)[\w'’-]+ ){0,3}?(?:partnerships|boards|groups|sub-groups|bodies|"
                r"tiers|forums) (?:\w+ ){0,3}?(?:fell|dropped|went down|came down|(?:has|have|had) (?:fallen|dropped|gone down|come down)|"
                r"(?:was|were|had been|has been) (?:reduced|cut)) from (?P<n_before>" + _COUNT
                + r") (?:down )?to (?P<n_after>" + _COUNT + r")\b"),
             target=None, fewer=True, cues=_r(r"\b(?:fell|fallen|dropped|went down|came down|gone down|come down|reduced|cut)\b")),
        # a counted set of bodies replaced by fewer: "the replacement of the seven locality groups by three locality
        # partnerships"; "replacing the five forums with two boards"
        Rule(_r(r"\breplac(?:e|es|ed|ing|ement of) (?:the |its |their |our )?(?:current |existing |present )?(?P<n_before>" + _COUNT
                + r") (?:[\w'’-]+ ){0,3}?(?:partnerships|boards|groups|sub-groups|bodies|tiers|forums|committees|panels) "
                r"(?:with|by) (?P<n_after>" + _COUNT + r") (?:new )?(?:[\w'’-]+ ){0,3}?(?:partnerships|boards|groups|sub-groups|"
                r"bodies|tiers|forums|committees|panels)\b"), target=None, fewer=True),
    ],
    "task_and_finish": [
        Rule(_r(r"\b(task[- ](?:and|&)[- ]finish|(?:time[- ]limited|short[- ]life) (?:cross[- ]party |cross[- ]agency |multi[- ]agency |member |joint )?(?:working |task |officer )?groups?|"
                # "a short-life Youth Violence working group"
                r"(?:time[- ]limited|short[- ]life) (?-i:(?:[A-Z][\w'’-]* ){1,4})(?:working |task |officer |action |project )?groups?|"
                # "time-limited delivery groups", "short-life project boards"
                r"(?:time[- ]limited|short[- ]life) (?:[a-z][\w'’-]* ){1,2}?(?:groups?|boards?|panels?)|"
                r"commissioning approach|commission(?:ed|ing)? (?:\w+ ){0,3}?(?:pieces of work|groups to))\b"), target=None),
        # a group set up for a stated time: "a Task Group was set up for 18 months"; "an 18-month working group"
        Rule(_r(r"\b(?:(?:set up|established|created|formed|convened|commissioned) for (?:up to |a (?:fixed |limited )?period of |"
                r"an initial |a maximum of )?(?:" + _COUNT + r")[- ](?:months?|years?|weeks?)|"
                r"(?:an? |the )(?:" + _COUNT + r")[- ]month (?:[\w'’-]+ ){0,3}?(?:working|task|project|review|officer) groups?)\b"),
             direction="before", reject=_NOT_BODIES),
    ],
    "meeting_frequency": [
        Rule(_r(r"\b(meet(?:s|ing)? (?:only |just |together |jointly |formally )?" + _FREQ + r"|"
                r"(?:hold|move to|moving to|reduce\w* to|change\w* to|revert\w* to) " + _FREQ + r"(?: meetings)?|"
                r"(?:mov(?:e|es|ed|ing)|go(?:es|ing)?|switch\w*|chang\w+|reduc\w+|increas\w+|cut\w*) from " + _FREQ + r"|"
                + _FREQ + r" meetings\b(?! (?:of|with) the)|frequency of (?:its |the |board |their )?meetings|"
                r"meet(?:s|ing)? (?:less|more) (?:often|frequently)|fewer meetings|"
                # "reduce its schedule from six meetings a year to five"; "the combined group now met every other month"
                r"from " + _FREQ + r" (?:down |up )?to (?:" + _FREQ + r"|" + _COUNT + r"\b)|now met " + _FREQ + r"|"
                # "reducing the number of separate Board meetings from six to four"; "halve the number of formal meetings"
                r"(?:reduc|cut|increas|halv|doubl)\w* (?:the |its |their )?number of (?:[\w'’-]+ ){0,3}?meetings\b"
                r"(?! (?:that |which )?(?:[\w'’-]+ ){0,2}?(?:attend(?:s|ed)?|go(?:es)? to|sit on)\b)|"
                r"number of (?:[\w'’-]+ ){0,3}?meetings (?:[\w'’-]+ ){0,4}?from " + _COUNT + r" (?:down |up )?to " + _COUNT + r"\b)"),
             target=None),
    ],
    "membership": [
        Rule(_r(r"\b(membership|(?:be|become|becomes|join as) (?:a )?(?:full |voting |co-opted )?members? of|"
                r"as (?:a )?(?:full|voting|non-voting|co-opted|new|permanent) members?|"
                r"nominate (?:a )?deput\w+|deputies|co-opt\w*|places? (?:on|at) the (?:board|table)|"
                r"(?:standing|permanent) (?:seats?|places?) (?:for|on|at)|(?:dedicated|reserved|designated) seats? (?:for|on|at)|"
                # "Healthwatch would have full speaking rights"; "voting rights for the two co-opted members"
                r"(?:full |non-)?(?:speaking|voting) rights|"
                r"(?:places?|seats?)(?: of (?:its|their|our|his|her) own)? (?:on|at) (?:the|that|this|its|their|each|every) "
                r"(?:[\w'’-]+ ){0,3}?(?:board|executive|partnership|committee|forum|group)|"
                r"chaired (?:in turn|alternately)|chair(?:manship)? (?:will |would |should |shall |to )?alternat(?:e|es|ing)|"
                r"right people (?:are )?(?:around|at) the table|rotat\w+ (?:of )?(?:the )?(?:vice-)?chair(?:manship)?s?|"
                r"(?:vice-)?chair(?:manship)?s?(?: of (?:the |each |every |both )?(?:[\w'’-]+ ){0,3}?" + _BODY_WORDS_RE + r")? "
                r"(?:(?:will|would|should|shall|to|is to) (?:now |in future |then )?rotate|rotates)|"
                # "agreed to invite the Chair of the Criminal Justice Board to join", "invite the college … to take part"
                r"invit(?:e|es|ed|ing) [^.;:]{1,100}? to (?:join|sit on|become (?:a )?(?:full |voting |co-opted )?members?|"
                r"take part(?=\s*[,.;]|\s*$| in (?:the )?(?:meetings |work )?(?:of )?(?:the |its |their )?(?:[\w'’-]+ ){0,3}?" + _BODY_WORDS_RE + r"\b))|"
                # "Chairs for each group will be nominated by the Executive"
                r"(?:(?:vice-|co-)?chairs?|deputies|deputy chairs?|lead (?:officers?|members?)|members|representatives) "
                r"(?:for|of|on|to) (?:the |each |every |both |all )?(?:[\w'’-]+ ){0,3}?(?:" + _BODY_WORDS_RE + r"|bod(?:y|ies)) "
                r"(?:will|would|should|shall|are to|is to|to) be (?:nominated|appointed|elected|chosen|selected))\b"),
             target=None, reject=_r(r"\b(gym|library|club|leisure)\b"), excluded_by=_r(r"\b(?:its|their) own membership")),
        # "The Board will have 14 members instead of 26"; "places on the Board go up from two to four"; "That the Joint
        # Committee comprise four members from each council"
        Rule(_r(r"\b(?:(?:comprises?|comprising|consists? of|consisting of|(?:be |is |are )?(?:made up|composed) of) "
                r"(?:up to |no more than |at least |not more than )?" + _COUNT + r" (?:[\w'’-]+ ){0,2}?(?:members|councillors|"
                r"representatives|seats|places)|" + _COUNT + r" (?:[\w'’-]+ ){0,3}?(?:members|seats|places|representatives),? (?:instead of|rather than|"
                r"(?:down|up) from|compared with) (?:the )?(?:current |present )?" + _COUNT + r"|"
                r"(?:membership|members|seats|places) (?:[\w'’-]+ ){0,4}?(?:reduc\w+|increas\w+|cut|ris(?:e|es|ing)|fall(?:s|ing)?|"
                r"go(?:es)? (?:up|down)|grow(?:s|ing)?|shrink(?:s|ing)?) (?:from " + _COUNT + r" )?to " + _COUNT + r")\b")),
        Rule(_r(r"\b(add(?:s|ed|ing)? (?:a|an|one|two|three|four|\d+|further|more) (?:[\w'’-]+ ){0,3}?"
                r"(?:councillors?|members?|representatives?|seats?|places?)|represent(?:ed|ation|atives?)|chaired by|(?:as|new|vice|independent|co-)[- ]?chairs?\b|"
                r"appoint\w* (?:\w+ ){0,4}?(?:chair|members?|deputy))\b"),
             excluded_by=_r(r"\b(?:keeps?|keeping|retains?|retaining|(?:its|their) own)\b[^.;,]{0,40}$")),
    ],
    "terms_of_reference": [
        Rule(_r(r"\b(terms of reference|constitution|protocols?|governance (?:arrangements|structure|framework)|"
                r"accountabilit(?:y|ies)|roles and responsibilities|standing orders|"
                r"(?:different|new) ways? (?:of working|(?:that|in which) (?:the )?(?:\w+ ){0,6}?(?:should|will|would) work))\b"),
             target=_r(_PARTNERSHIP + r"|\b(?:its|their)\b|\b(?:every|each|all) (?:the )?partners?\b"),
             reject=_r(r"\b(council'?s|scheme of delegation)\b")),
        # "That the refreshed terms of reference be approved": a body's minutes revising its own terms of reference
        Rule(_r(r"\b(?:refreshed|revised|updated|amended|redrafted|new|draft) terms of reference\b"
                r"(?![^.;]{0,40}?\b(?:council['’]?s|scheme of delegation|cabinet|scrutiny)\b)"), target=None, weight=0.75),
    ],
    "review": [
        Rule(_r(r"\b(?:reviews?|reviewing|reviewed)\b(?: (?:of|into))?"), reject=_REVIEW_NOT, window=60, direction="after",
             cues=_REVIEW_CUES, target=_REVIEW_OF),
        Rule(_r(r"\b(?:be|being|been|was|were|is|are) (?:\w+ )?reviewed\b"), reject=_REVIEW_NOT, window=60,
             direction="before", cues=_REVIEW_CUES),
        # a review put off: "no review of the partnership's footprint until the Home Office reports"
        Rule(_r(r"\bno (?:further |formal |wider |local |new )?review\b(?=[^.;]{0,100}?\buntil\b)"), reject=_REVIEW_NOT, window=60,
             direction="after", target=_REVIEW_OF),
        # "to receive a report on the operation of the new arrangements after twelve months"
        Rule(_r(r"\breport(?:s|ing)? (?:back )?on (?:the )?(?:operation|effectiveness|impact|workings?|success|functioning) of (?:the |its |their )?"
                r"(?:[\w'’-]+ ){0,4}?(?:arrangements|structures?|" + _BODY_WORDS_RE + r")\b"), target=None,
             reject=_r(r"\b(?:services?|schemes?|contracts?|collections?|parking|waste|polic(?:y|ies)|strateg(?:y|ies)|programmes?|"
                       r"projects?|plans?|budgets?|savings)\b")),
        Rule(_r(r"\b(?:undertake|carry out|conduct|postpone|defer) the review\b|\bthe review (?:now|then|later)\b"),
             target=None, weight=0.8, cues=_r(r"\b(timely|opportune)\b")),
    ],
    "pooled_resources": [
        Rule(_r(r"\b(pool(?:s|ed|ing)? (?:[\w£$€.,'’-]+ ){0,5}?(?:budgets?|resources|funds?|funding|grants?|money|monies|allocations?)|"
                r"jointly (?:fund(?:s|ed|ing)?|financ\w+|resourc\w+)|(?:paid for|funded|financed|resourced) jointly|(?:single|shared|common|joint) (?:funding )?pot|"
                r"(?:budgets?|funds?|funding|resources|contributions|grants?) (?:(?!not |never )[\w'’-]+ ){0,4}?(?:be|been|being|is|are|was|were) "
                r"(?:jointly )?pooled|joint (?:commissioning|funding|budgets?|"
                r"efficiency|teams?|posts?)|shared? (?:[\w-]+ ){0,2}?(?:services?|teams?|resources|posts?|officers?|budgets?|"
                r"senior management)|"
                # "a shared data and intelligence analyst post" (not "shared the findings with the analyst")
                r"shared (?:(?!(?:with|to|by|from|for|of|between|among|the)\b)[\w-]+ ){2,4}?(?:posts?|analysts?|co-?ordinators?)(?!-)|shared service commissioning|[\'‘]?total place[\'’]? (?:analysis|approach|study|review)|"
                r"bring(?:ing)? together (?:\w+ ){0,3}?budgets|align(?:ed|ing)? (?:\w+ )?budgets|single (?:pooled )?budget|"
                r"section 75|better care fund)\b"), target=None),
    ],
    "statutory_alignment": [
        Rule(_r(r"\b(" + _STATUTORY_BODY + r"|local area agreements?|LAA|comprehensive area assessment|CAA|CPA|"
                r"statutory (?:duty|duties|guidance|requirements?|footing|body|bodies|board)|(?:[A-Z][\w()]+ ){1,6}Act (?:19|20)\d\d|"
                # regulations made under an Act: "the Crime and Disorder (…) Regulations 2007", "the 2007 Regulations"
                r"(?:[A-Z][\w()]+ ){1,6}Regulations (?:19|20)\d\d|(?<=the )(?:19|20)\d\d Regulations)\b"),
             target=_r(r"\b(align\w*|in(?:to)? line with|fulfil\w*|in respect of|as (?:a )?part of|duty|duties|statutory|shadow|"
                       r"the only (?:standing|remaining)|report(?:s|ing)? (?:in)?to|accountable to|sub-group of|subsum\w+|"
                       r"integrat\w+ (?:with|into)|reconstitut\w+|joint committee|reflect\w*|comply|complian\w+|in accordance with|"
                       r"(?:as )?required (?:by|under)|discharg\w+|become|becomes|transfer\w*|take on|requirements? of|guidance|under the|"
                       r"(?:meets?|meeting|meetings|sit|sitting|committees?) in common|same (?:\w+ )?(?:footprint|boundar(?:y|ies)) as|coterminous|"
                       r"(?:jointly|co-) ?chair\w*|(?:hosted|run|convened|led) jointly (?:with|by)|jointly (?:hosted|run|convened|led) (?:with|by)|"
                       # "hold two of its meetings jointly with the Integrated Care Partnership"
                       r"(?:meet(?:s|ing|ings)?|sessions?) (?:[\w'’-]+ ){0,3}?(?:jointly|together|in common) with|"
                       r"joint (?:public )?meetings? with|"
                       # "its work passed to the Health and Wellbeing Board"
                       r"(?:pass(?:es|ed|ing)?|mov(?:e|es|ed|ing)) (?:over )?(?:to|into))\b"),
             window=120, peer="excluded"),
        # a named statutory duty or the PCC's plan: "terms of reference in line with the Serious Violence Duty", "so that
        # both boroughs contribute to the Police and Crime Plan"
        Rule(_r(r"\b(?:(?-i:(?:[A-Z][\w'’-]+ ){1,3}Duty)|police and crime plans?)\b"),
             target=_r(r"\b(?:align\w*|in(?:to)? line with|contribut\w+ (?:to|towards)|meet(?:s|ing)?|deliver(?:s|ing)? (?:on|against)|"
                       r"fulfil\w*|comply|complian\w+|reflect\w*|in accordance with|as required by|responsib\w+ for)\b"),
             window=120),
        # delivering through a statutory body: "the group work through the PCSP rather than keep its own plan"
        Rule(_r(r"\b(?:work|deliver|operat|act)(?:e|s|es|ed|ing)? (?:[\w'’-]+ )?(?:through|via|within) (?:the |a |an )?"
                + _NAME_WORDS + r"(?:" + _STATUTORY_BODY + r")\b"), target=None),
        # "the boards agree their contributions to the Integrated Care Partnership's strategy"
        Rule(_r(r"\b(?:contribut\w+|input) (?:\w+ ){0,2}?(?:to|into) (?:the )?" + _NAME_WORDS + r"(?:" + _STATUTORY_BODY + r")(?:['’]s)? "
                r"(?:[\w-]+ )?(?:strateg(?:y|ies)|plans?|priorities|outcomes)\b"), target=None),
        # a reporting line from a statutory body: "the Board would receive an annual report from the Regional Partnership Board"
        Rule(_r(r"\breceiv\w* (?:an? |the )?(?:\w+ ){0,2}?reports? from (?:the )?(?:[\w'’-]+ ){0,4}?(?:health and well-?being boards?|"
                r"integrated care (?:systems?|partnerships?|boards?)|regional partnership boards?|police and crime commissioners?|"
                r"public services boards?|HWB|ICS|ICP|ICB|RPB|PCC|PSB)\b"), target=None),
    ],
}


# ============================================================================ before / after

_FROM_TO = re.compile(r"\bfrom (?P<before>(?:\w+[ -]?){1,5}?) (?:down )?to (?P<after>(?:\w+[ -]?){1,5}?)(?=[,;.)]|\s+(?:meetings|and|with|by|in)\b|$)", re.I)
_INTO = re.compile(r"\binto (?P<after>(?:the |one |a single |a new )?(?:[\w'-]+ ){0,8}?(?:[\w'-]+))(?=\s*(?:[:;,.(]|-|$))", re.I)
_FREQ_RE = re.compile(_FREQ, re.I)


def before_after(action: str, clause: str) -> tuple[str, str]:
    """The stated before/after of an action in ``clause`` (empty strings when not stated)."""
    m = _FROM_TO.search(clause)
    if m and action in {"meeting_frequency", "streamline", "merge", "regionalise"}:
        before, after = m.group("before").strip(), m.group("after").strip()
        noun = re.search(r"\b((?:[a-z-]+ )?(?:partnerships|boards|groups|sub-groups|bodies|tiers|PSBs|CSPs))\b", clause[:m.start()])
        if noun and re.fullmatch(_COUNT, before, re.I) and re.fullmatch(_COUNT, after, re.I):
            before = f"{before} {noun.group(1)}"        # "the number of thematic partnerships … from eight to four"
        if action != "meeting_frequency" or (_FREQ_RE.search(before) or _FREQ_RE.search(after)):
            return before, after
    if action == "meeting_frequency":
        found = _FREQ_RE.findall(clause)
        instead = re.search(r"(?:instead of|rather than|replacing) (?:the )?(?:current )?(" + _FREQ + ")", clause, re.I)
        if instead:
            return instead.group(1), next((f for f in found if f != instead.group(1)), "")
        return "", found[0] if found else ""
    if action in {"merge", "streamline", "regionalise"}:
        count = re.search(r"\b(" + _COUNT + r" (?:\w+ ){0,2}?(?:partnerships|boards|PSBs|CSPs|LSBs|groups|bodies))"
                          r" (?:\w+ ){0,5}?into (one|a single)((?: [\w'-]+){1,3})", clause, re.I)
        if count:
            return count.group(1), (count.group(2) + count.group(3)).strip()
        into = _INTO.search(clause)
        if into and _PARTNERSHIP_RE.search(into.group("after")):
            return "", into.group("after").strip()
    return "", ""


# ============================================================================ detection


@dataclass
class Detection:
    action: str
    start: int
    end: int
    confidence: float
    bodies: list[str]
    status: str = ""
    before: str = ""
    after: str = ""
    mentions: int = 1
    sentence: tuple[int, int] = (0, 0)
    lead: str = ""


_SOURCE_CONFIDENCE = {"clause": 0.85, "sentence": 0.8, "context": 0.65, "heading": 0.7}


def _status_quo(text: str, clause: Clause) -> bool:
    """"No change is proposed" in the clause, in the clause that follows it ("…, and no change is
    proposed to this") or in the lead-in of its list."""
    rest = text[clause.end:clause.sentence[1]]
    follows = re.match(r"^\W*(?:and|but)\s+", rest) and _STATUS_QUO.search(rest[:80])
    return bool(_STATUS_QUO.search(text[clause.start:clause.end] + " " + clause.lead) or follows)


def _negated(clause_text: str, pos: int) -> bool:
    return _NEGATION.search(clause_text[max(0, pos - 30):pos]) is not None


_SUBCLAUSE = re.compile(r"[;:]|,\s+(?:as|which|because|since|while|where|so|but|and|who|whose|its|their)\s")


def _near(pattern: re.Pattern | None, text: str, start: int, end: int, window: int, direction: str = "both"):
    """The first hit of ``pattern`` after ``text[start:end]``, else the last one before it (the nearer the trigger):
    (side, offset in ``text``) or None."""
    if pattern is None:
        return None
    if direction != "before":
        after = pattern.search(_SUBCLAUSE.split(text[end:end + window], maxsplit=1)[0])
        if after:
            return ("after", end + after.start())
    if direction != "after":
        piece = _SUBCLAUSE.split(text[max(0, start - window):start])[-1]
        before = None
        for before in pattern.finditer(piece):
            pass
        if before:
            return ("before", start - len(piece) + before.start())
    return None


_COUNT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def _count_value(word: str) -> int:
    """ "seven" → 7, "12" → 12."""
    word = word.lower()
    return int(word) if word.isdigit() else _COUNT_WORDS.index(word) + 1


def _about_partnership(rule: Rule, text: str, m: re.Match) -> bool:
    """The trigger concerns a partnership body, not a school, a service or a data hub.

    A negated target ("should not become a sub-committee of the ICP") does not count.
    """
    if rule.reject is not None and rule.reject.search(m.group(0)):
        return False
    if rule.unless is not None and rule.unless.search(text[:m.start()]):
        return False
    if rule.excluded_before is not None and rule.excluded_before.search(text[max(0, m.start() - 60):m.start()]):
        return False
    if rule.excluded_by is not None and rule.excluded_by.search(text[max(0, m.start() - 40):m.end()]):
        return False
    if rule.fewer and not _count_value(m.group("n_after")) < _count_value(m.group("n_before")):
        return False
    if rule.target is None:
        return True
    target = _near(rule.target, text, m.start(), m.end(), rule.window, rule.direction)
    reject = _near(rule.reject, text, m.start(), m.end(), rule.window, rule.direction)
    if target is None:
        return rule.target.search(m.group(0)) is not None
    if _negated(text, target[1]):
        return False
    if reject is None:
        return True
    if target[0] != reject[0]:
        return target[0] == "after"
    # on the same side, the word nearer the trigger wins: "the partnerships … sharing an analyst across the boroughs"
    return target[1] < reject[1] if target[0] == "after" else target[1] > reject[1]


# ---------------------------------------------------------------------------- trigger prefilter
#
# Most rules cannot fire in most clauses. Every match of a trigger contains one of a few literal
# strings (read off the parsed pattern: "merg", "amalgamat", "combin", …), so a search of the
# document for those strings tells which clauses a rule needs to be tried on. The prefilter only
# skips clauses where the trigger cannot match: results are exactly those of trying every rule on
# every clause. Case-insensitive words are found with ``str.find`` in the lower-cased text, which
# agrees with ``re.IGNORECASE`` for ASCII words unless the text has one of the characters ``re``
# also folds onto ASCII letters (dotted/dotless i, long s); such texts are searched with ``re``.


def _required(items) -> set[str] | None:
    """Strings of which every match of the parsed pattern ``items`` contains one (None: none known)."""
    best: set[str] | None = None
    run = ""

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        consider({run} if run else None)
        run = ""
        if op is _sre.BRANCH:
            options = [_required(branch) for branch in av[1]]
            consider(set().union(*options) if all(options) else None)
        elif op is _sre.SUBPATTERN and not av[1] and not av[2]:
            consider(_required(av[3]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
    consider({run} if run else None)
    return best


@dataclass(frozen=True)
class _Prefilter:
    words: tuple[str, ...]        # lower-cased when ``folded``
    folded: bool                  # the trigger ignores case: search the lower-cased text
    pattern: re.Pattern           # the words as one pattern with the trigger's flags (fallback)


@lru_cache(maxsize=None)
def _prefilter(trigger: re.Pattern) -> _Prefilter | None:
    """The literal words one of which every match of ``trigger`` contains (None: none known)."""
    words = _required(_sre_parser.parse(trigger.pattern, trigger.flags))
    if not words:
        return None
    folded = bool(trigger.flags & re.IGNORECASE)
    ordered = sorted(words, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in ordered), trigger.flags)
    return _Prefilter(tuple(w.lower() if folded else w for w in ordered), folded, pattern)


_RULE_LIST: list[tuple[str, Rule]] = [(action, rule) for action, rules in RULES.items() for rule in rules]
_FOLD_TRAPS = ("\u0130", "\u0131", "\u017f")     # İ ı ſ: re.IGNORECASE folds them onto i / s, str.lower does not


def _flag(find, units: Sequence[Clause], starts: list[int], index: int, out: list[set[int]]) -> None:
    """Add ``index`` to the clauses in which ``find(pos)`` (next hit at or after pos, or -1) has a hit."""
    pos = find(0)
    while pos >= 0:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < units[i].end:
            out[i].add(index)
        if i + 1 >= len(units):
            return
        pos = find(units[i + 1].start)


def _candidate_rules(text: str, units: Sequence[Clause]) -> list[set[int]]:
    """For each clause (in text order, not overlapping), the indices in ``_RULE_LIST`` of the
    rules whose trigger could match in it."""
    starts = [c.start for c in units]
    out: list[set[int]] = [set() for _ in units]
    lower = None if any(c in text for c in _FOLD_TRAPS) else text.lower()
    for index, (_, rule) in enumerate(_RULE_LIST):
        pre = _prefilter(rule.trigger)
        if pre is None:
            for rules in out:
                rules.add(index)
        elif pre.folded and (lower is None or not all(w.isascii() for w in pre.words)):
            _flag(lambda pos, rx=pre.pattern: m.start() if (m := rx.search(text, pos)) else -1, units, starts, index, out)
        else:
            haystack = lower if pre.folded else text
            for word in pre.words:
                _flag(lambda pos, w=word: haystack.find(w, pos), units, starts, index, out)
    return out


def _kinds(text: str) -> set[str]:
    """The codebook kinds of partnership body ``text`` names ("Caerwen PSB" → {"PSB"})."""
    return {abbr for abbr, pattern in _BODY_PATTERNS if pattern.search(text)}


#: "… with Caerwen ", "… with the neighbouring Northshire ": a body of another place named next.
_WITH_PLACE = re.compile(r"\bwith (?:the )?(?:neighbouring |adjoining )?(?:(?-i:[A-Z][\w'’-]*) ){1,3}$", re.I)


def _peer_ok(rule: Rule, clause_text: str, m: re.Match, own_kinds: set[str]) -> bool:
    if rule.peer == "required":
        return bool(_kinds(m.group("peer")) & own_kinds)
    if rule.peer == "excluded" and _kinds(m.group(0)) & own_kinds:
        return not _WITH_PLACE.search(clause_text, max(0, m.start() - 60), m.start())
    return True


def _match(rule: Rule, clause_text: str, own_kinds: set[str] = frozenset()) -> re.Match | None:
    for m in rule.trigger.finditer(clause_text):
        if not _negated(clause_text, m.start()) and _peer_ok(rule, clause_text, m, own_kinds) \
                and _about_partnership(rule, clause_text, m):
            return m
    return None


#: A table column that holds what is proposed or decided for each row ("Partnership | Current arrangement | Proposed change").
_COLUMN_STATUS = [
    ("proposed", re.compile(r"^(?:Proposed(?: [\w'’-]+){0,2}|Proposals?|Recommendations?|Recommended(?: [\w'’-]+){0,2}|"
                            r"Future (?:arrangements?|structure|model|role)|Changes? proposed|Way forward)$", re.I)),
    ("agreed", re.compile(r"^(?:Decisions?(?: taken| made)?|Agreed(?: [\w'’-]+){0,2}|Changes? (?:made|agreed))$", re.I)),
]


def _column_cells(text: str) -> list[tuple[int, int, str]]:
    """The cells of a table that lie in a column whose header names what is proposed or decided for the row:
    (start, end, status), in text order. The header is the first row of the table."""
    cells: list[tuple[int, int, str]] = []
    columns: dict[int, str] = {}
    width = 0
    in_table = False
    for start, end in _lines(text):
        line = text[start:end]
        if not _table_row(line):
            in_table = False
            continue
        parts = line.split(" | ")
        if not in_table:                    # the header row
            in_table, width = True, len(parts)
            columns = {i: status for i, cell in enumerate(parts) for status, pattern in _COLUMN_STATUS
                       if pattern.match(cell.strip())}
            continue
        if len(parts) != width:
            continue
        pos = start
        for i, cell in enumerate(parts):
            if i in columns and cell.strip():
                cells.append((pos, pos + len(cell), columns[i]))
            pos += len(cell) + 3
    return cells


def _column_status(cells: list[tuple[int, int, str]], starts: list[int], pos: int) -> str | None:
    """The status of the proposal / decision column cell at ``pos`` (None: not in one)."""
    i = bisect_right(starts, pos) - 1
    return cells[i][2] if i >= 0 and pos < cells[i][1] else None


#: "the decision (in 2023) to …", "the Board's decision to …" just before a trigger: a decision taken, reported
#: even where the sentence only notes it or asks about its effects.
_DECISION_TO = re.compile(r"\b(?:the|(?-i:[A-Z][\w-]*)['’]s) decision(?: (?:in|of|taken|made|by|at) (?:(?!whether\b|if\b)[^.;:()?]){1,40}?)? to $",
                          re.I)


def detect_actions(text: str, default_bodies: Sequence[str] = ()) -> list[Detection]:
    """The restructuring actions ``text`` states as decided, proposed or under way.

    One detection per action: the best-grounded clause as evidence, with its status, the
    bodies concerned and the before/after where stated. ``default_bodies`` (the document's own
    body) stands for a bare "the Board".
    """
    found: dict[str, Detection] = {}
    units = clauses(text)
    cells = _column_cells(text)
    text = _flat(text)          # the rules read a sentence wrapped over several lines as one line
    own_kinds = _kinds(" ".join(default_bodies))
    cell_starts = [c[0] for c in cells]
    for clause, candidates in zip(units, _candidate_rules(text, units)):
        if not candidates:
            continue
        own = text[clause.start:clause.end]
        grounding: tuple[str | None, str, bool] | None = None    # (status, source, status quo), when first needed
        done: set[str] = set()                                   # actions already detected in this clause
        for index in sorted(candidates):
            action, rule = _RULE_LIST[index]
            if action in done:
                continue
            m = _match(rule, own, own_kinds)
            if not m:
                continue
            if grounding is None:
                grounding = (*_grounding(text, clause), _status_quo(text, clause))
            status, source, quo = grounding
            cue = rule.cues.search(text[clause.sentence[0]:clause.end]) if rule.cues else None
            if status in (None, "noted", "concern") and _DECISION_TO.search(own, max(0, m.start() - 80), m.start()):
                cue = True                      # "asked whether the decision in 2023 to combine the groups had …"
            s, src = (status, source) if status not in (None, "noted", "concern") or not cue else ("agreed", "clause")
            if s in (None, "noted") and cells:
                column = _column_status(cells, cell_starts, clause.start + m.start())
                s, src = (column, "context") if column else (s, src)     # "… | Proposed change" column: "Disband"
            if s in (None, "noted", "concern", "rejected") or (quo and action != "review"):
                continue
            det = _detection(text, clause, action, s, src, rule.weight, default_bodies)
            _keep(found, det)
            done.add(action)
    return [found[a] for a in codebook.ACTIONS if a in found]


def _detection(text: str, clause: Clause, action: str, status: str, source: str, weight: float,
               default_bodies: Sequence[str]) -> Detection:
    start, end = clause.start, clause.end
    if len(text[start:end].split()) < 6:
        start, end = clause.sentence
    evidence = text[start:end]
    context = text[clause.sentence[0]:clause.sentence[1]]
    bodies = bodies_in(evidence, default_bodies) or bodies_in(context + " " + clause.lead, default_bodies)
    before, after = before_after(action, evidence)
    confidence = round(_SOURCE_CONFIDENCE[source] * weight, 2)
    return Detection(action, start, end, confidence, bodies, status, before, after,
                     sentence=clause.sentence, lead=clause.lead)


#: How far a statement has got: a decision (agreed, rejected, deferred) outranks a proposal.
_FINALITY = {"agreed": 2, "rejected": 2, "deferred": 2, "noted": 1}


def _keep(found: dict[str, Detection], det: Detection) -> None:
    """Keep the evidence per action that has got furthest (a decision over the report's
    recommendation of it), then the best grounded, then the earliest; count the mentions."""
    old = found.get(det.action)
    rank = lambda d: (_FINALITY.get(d.status, 0), d.confidence)  # noqa: E731
    if old is None or rank(det) > rank(old):
        found[det.action] = det
    if old is not None:
        found[det.action].mentions = old.mentions + 1


# ============================================================================ councils

_TYPE_WORDS = r"(?:Council|County|Borough|District|City|Metropolitan|London|Royal|Unitary|Town|Parish)"
# A place: up to six capitalised words (hyphenated parts included, "Stoke-on-Trent"), joined by single
# spaces, optionally through a lower-case connector ("Kingston upon Hull", "Brighton and Hove"). The
# bounded, unambiguous pattern keeps matching linear even on long runs of capitalised words.
_PLACE_TOKEN = r"\b(?!" + _TYPE_WORDS + r"\b)[A-Z][\w'’.]*(?:-[A-Za-z][\w'’.]*)*"
_PLACE = _PLACE_TOKEN + r"(?: (?:(?:upon|on|under|in|le|by|the|and|next the) )?" + _PLACE_TOKEN + r"){0,5}"
# A list item: the same without "and", which separates the items.
_ITEM = _PLACE_TOKEN + r"(?: (?:(?:upon|on|under|in|le|by|the) )?" + _PLACE_TOKEN + r"){0,5}"
_COUNCIL_SUFFIX = re.compile(
    r"(?P<place>" + _PLACE + r") (?P<type>(?:(?:Metropolitan |County |London |Royal )?Borough |City |County |District |"
    r"Town |Unitary )?)Council\b(?!s)")
# In "London Borough of X and Y Council", "Y Council" is a second council.
_PLACE_BEFORE_NAME = _PLACE.replace("|and|", "|and(?! " + _PLACE_TOKEN + r" (?:[A-Z]\w+ )?Council)|")
_COUNCIL_PREFIX = re.compile(
    r"(?P<type>London Borough|Royal Borough|Metropolitan Borough|City and County|City|County Borough|Borough) of "
    r"(?P<place>" + _PLACE_BEFORE_NAME + r")(?:\s+(?:City |Borough )?Council\b)?")
_COUNCIL_LIST = re.compile(
    r"(?P<list>(?:" + _ITEM + r", ){0,12}" + _ITEM + r",? and " + _ITEM + r")\s+(?:(?:City|County|Borough|District)\s+)?"
    r"[Cc]ouncils\b"
    r"|\b(?:[Cc]ouncils|[Cc]ouncil leaders|boroughs|districts|(?:local )?authorities)\s+(?:of|from|in)\s+(?:the\s+)?"
    r"(?P<list2>(?:" + _ITEM + r", ){0,12}" + _ITEM + r",? and " + _ITEM + r")")
_NOT_PLACE = {
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "with", "within", "today", "yesterday", "meanwhile",
    "both", "and", "but", "this", "that", "last", "next", "mr", "mrs", "ms", "cllr", "leader", "chief", "executive",
    "community", "youth", "health", "social", "full", "local", "our", "your", "each", "every", "whole", "new",
    "shadow", "neighbouring", "member", "members", "of", "officers", "director", "interim", "deputy", "head",
    "councillor", "as", "all", "other", "many", "some", "three", "two", "four", "five", "six", "however", "also",
}
_COLLECTIVE = re.compile(r"\b(?:the|all|both|each of the)\s+(?:" + _COUNT + r"\s+)?(?:councils|local authorities|authorities|"
                         r"boroughs|partners' areas)\b|\b(?:across|between) (?:the )?(?:councils|authorities)\b", re.I)


_BODY_WORDS = {"board", "boards", "partnership", "partnerships", "group", "committee", "forum", "trust", "executive",
               "cabinet", "scrutiny", "alliance", "psb", "csp", "lsp"}


def _place(raw: str) -> str:
    """The place name in a matched council name ('' if it is not one: "Community", "Safety Board")."""
    tokens = raw.replace("’", "'").split()
    if any(t.lower() in _BODY_WORDS for t in tokens):
        return ""
    while tokens and tokens[0].lower().strip("'.") in _NOT_PLACE:
        tokens.pop(0)
    while tokens and tokens[-1].lower() in {"and", "the", "of"}:
        tokens.pop()
    return " ".join(tokens).removesuffix("'s")


def council_key(name: str) -> str:
    """A council's place name, lower-cased: the key that groups spellings of one council."""
    if name == UNKNOWN_COUNCIL:
        return name
    m = _COUNCIL_PREFIX.search(name)
    if m:
        return _place(m.group("place")).lower()
    m = _COUNCIL_SUFFIX.search(name)
    if m:
        return _place(m.group("place")).lower()
    return re.sub(r"\s+", " ", re.sub(r"\b" + _TYPE_WORDS + r"\b", " ", name)).strip().lower()


def councils_named(text: str) -> list[str]:
    """Councils named in ``text``, in order of first mention, as written ("X City Council")."""
    hits: list[tuple[int, str]] = []
    prefixed: list[tuple[int, int]] = []
    for m in _COUNCIL_PREFIX.finditer(text):
        place = _place(m.group("place"))
        if place:
            kind = m.group("type")
            name = f"{place} Council" if kind in {"London Borough", "Royal Borough"} else f"{kind} of {place} Council"
            hits.append((m.start(), name))
            prefixed.append(m.span())
    for m in _COUNCIL_SUFFIX.finditer(text):
        place = _place(m.group("place"))
        if place and not any(s <= m.start("place") < e for s, e in prefixed):
            hits.append((m.start("place"), f"{place} {m.group('type')}Council"))
    for m in _COUNCIL_LIST.finditer(text):
        group = "list" if m.group("list") else "list2"
        for item in re.finditer(r"[^,]+?(?=,\s+|\s+and\s+|$)", m.group(group)):
            place = _place(re.sub(r"^\s*(?:and\s+)?", "", item.group(0)))
            if place:
                hits.append((m.start(group) + item.start(), f"{place} Council"))
    names: dict[str, str] = {}
    for _, name in sorted(hits):
        names.setdefault(council_key(name), name)
    return list(names.values())


def _manifest_councils(value) -> list[str]:
    """The council(s) a documents row names; a list "A; B" or "A and B Councils" gives several."""
    if not isinstance(value, str) or not value.strip():
        return []
    parts = [p.strip() for p in re.split(r"\s*;\s*", value) if p.strip()]
    if len(parts) > 1:
        return parts
    named = councils_named(value)
    return named if len(named) > 1 else parts


def document_councils(doc: dict) -> list[str]:
    """The councils a document is about: the manifest's, else those its text names (else unknown)."""
    listed = _manifest_councils(doc.get("council"))
    if listed:
        return listed
    named = councils_named(doc["text"])
    return named or [UNKNOWN_COUNCIL]


def attribute(det: Detection, text: str, doc_councils: Sequence[str], named_in_doc: Sequence[str]) -> list[str]:
    """The councils one action belongs to.

    Several councils named in its own sentence (or bullet lead-in) → each of them; a sentence
    about "the three councils" → every council the document names; otherwise the document's
    council(s).
    """
    context = text[det.sentence[0]:det.sentence[1]] + " " + det.lead
    named = councils_named(context)
    if len(named) >= 2:
        return named
    if _COLLECTIVE.search(context) and len(named_in_doc) >= 2:
        return list(named_in_doc)
    return list(doc_councils)


def _across_councils(detections: list[Detection], text: str, named_in_doc: Sequence[str]) -> list[Detection]:
    """A merger or new body that spans several named councils is also a regionalisation."""
    actions = {d.action for d in detections}
    extra = []
    for det in detections:
        if det.action in {"merge", "create"} and "regionalise" not in actions | {e.action for e in extra}:
            if len(attribute(det, text, [UNKNOWN_COUNCIL], named_in_doc)) >= 2:
                extra.append(replace(det, action="regionalise", confidence=round(det.confidence * 0.9, 2)))
    return sorted(detections + extra, key=lambda d: codebook.ACTIONS.index(d.action))


def actions_for_document(doc: dict) -> list[dict]:
    """The ``actions`` rows of one document (a ``documents`` row as a dict): one per council × action."""
    text = doc["text"]
    body = doc.get("body") if isinstance(doc.get("body"), str) else ""
    abbreviations = [abbr for abbr, pattern in _BODY_PATTERNS if pattern.search(body)]
    default = abbreviations or ([re.sub(r"\s*\(.*\)$", "", body)] if body else [])
    doc_councils = document_councils(doc)
    named = councils_named(text)
    rows = []
    for det in _across_councils(detect_actions(text, default), text, named):
        for council in attribute(det, text, doc_councils, named):
            rows.append({
                "doc_id": doc["doc_id"], "council": council, "action": det.action,
                "evidence": text[det.start:det.end], "start": det.start, "end": det.end,
                "confidence": det.confidence, "status": det.status, "bodies": ";".join(det.bodies),
                "before": det.before, "after": det.after, "mentions": det.mentions, "year": doc.get("year"),
            })
    return rows


ACTION_COLUMNS = ["doc_id", "council", "action", "evidence", "start", "end", "confidence",
                  "status", "bodies", "before", "after", "mentions", "year"]


def canonical_councils(names: Iterable[str], preferred: Iterable[str] = ()) -> dict[str, str]:
    """Map every spelling to one display name per council key.

    The display name is the commonest ``preferred`` spelling (the manifest's), else the
    commonest spelling seen, shortest first on ties.
    """
    names = list(names)
    by_key: dict[str, Counter] = {}
    for name in preferred:
        by_key.setdefault(council_key(name), Counter())[name] += 1000
    for name in names:
        by_key.setdefault(council_key(name), Counter())[name] += 1
    display = {key: sorted(c.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0] for key, c in by_key.items()}
    return {name: display[council_key(name)] for name in set(names) | set(preferred)}


def detect(documents: pd.DataFrame) -> pd.DataFrame:
    """The ``actions`` table: one row per (document, council, action)."""
    from .parallel import map_ordered

    cols = [c for c in ["doc_id", "council", "body", "year", "text"] if c in documents]
    docs = documents[cols].to_dict("records")
    rows = [row for rows in map_ordered(actions_for_document, docs) for row in rows]
    out = pd.DataFrame(rows, columns=ACTION_COLUMNS)
    preferred = [c for v in documents["council"] for c in _manifest_councils(v)]
    names = canonical_councils(out["council"], preferred)
    out["council"] = out["council"].map(names)
    out = out.drop_duplicates(["doc_id", "council", "action"]).reset_index(drop=True)
    out = out.astype({"start": int, "end": int, "confidence": float, "mentions": int})
    out["year"] = out["year"].astype("Int64")
    return out


# ============================================================================ councils and models


def council_matrix(actions: pd.DataFrame) -> pd.DataFrame:
    """Council × action presence (0/1), in codebook order."""
    m = pd.crosstab(actions["council"], actions["action"]).clip(upper=1)
    return m.reindex(columns=list(codebook.ACTIONS), fill_value=0)


_HEALTH = re.compile(r"\b(HWB|ICS|ICP|ICB|health)\b", re.I)
#: (test on the defining actions and their bodies, name); the first two that apply name a model.
MODEL_NAMES: list[tuple[object, str]] = [
    (lambda a, b: "regionalise" in a, "regionalise"),
    (lambda a, b: "dissolve" in a and "LSP" in b.get("dissolve", set()), "dissolve the LSP"),
    (lambda a, b: bool(a & {"merge", "streamline"}) and bool(a & {"task_and_finish", "pooled_resources"}),
     "consolidate and commission"),
    (lambda a, b: bool(a & {"merge", "streamline"}), "consolidate"),
    (lambda a, b: any(_HEALTH.search(x) for act in ("statutory_alignment", "pooled_resources", "merge")
                      for x in b.get(act, set())), "integrate with health"),
    (lambda a, b: "task_and_finish" in a, "commission through task-and-finish groups"),
    (lambda a, b: "pooled_resources" in a, "pool resources"),
    (lambda a, b: "dissolve" in a, "dissolve bodies"),
    (lambda a, b: "create" in a, "add new bodies"),
    (lambda a, b: bool(a & {"membership", "terms_of_reference", "meeting_frequency"}), "reform governance"),
    (lambda a, b: "statutory_alignment" in a, "align with statutory duties"),
    (lambda a, b: "review" in a, "review only"),
]
NO_MODEL = "no restructuring stated"
#: A name already chosen makes these redundant.
_SUBSUMES = {
    "consolidate and commission": {"consolidate", "commission through task-and-finish groups", "pool resources"},
    "dissolve the LSP": {"dissolve bodies"},
}


def name_model(actions: set[str], bodies: dict[str, set[str]] | None = None) -> str:
    """A readable name for a set of defining actions ("consolidate and commission + integrate with health")."""
    bodies = bodies or {}
    parts: list[str] = []
    for test, name in MODEL_NAMES:
        if test(actions, bodies) and not any(name in _SUBSUMES.get(p, ()) for p in parts):
            parts.append(name)
    return " + ".join(parts[:2]) if parts else NO_MODEL


def linkage(matrix: pd.DataFrame) -> np.ndarray:
    """Average-linkage tree of councils on the Jaccard distance between their action sets."""
    from scipy.cluster.hierarchy import linkage as scipy_linkage
    from scipy.spatial.distance import pdist

    return scipy_linkage(pdist(matrix.values.astype(bool), metric="jaccard"), method="average")


def _bodies_by_action(actions: pd.DataFrame, councils: Iterable[str]) -> dict[str, set[str]]:
    rows = actions[actions["council"].isin(list(councils))]
    out: dict[str, set[str]] = {}
    for action, bodies in zip(rows["action"], rows.get("bodies", pd.Series("", index=rows.index)).fillna("")):
        out.setdefault(action, set()).update(b for b in str(bodies).split(";") if b)
    return out


def models(matrix: pd.DataFrame, threshold: float = 0.5, actions: pd.DataFrame | None = None) -> pd.Series:
    """Each council's restructuring model: Jaccard + average-linkage groups cut at ``threshold``.

    A group is named from its defining actions — those stated by at least half its councils —
    and, when ``actions`` is given, the bodies concerned (e.g. an HWB → "integrate with health").
    Councils with no action are "no restructuring stated".
    """
    from scipy.cluster.hierarchy import fcluster

    active = matrix[matrix.sum(axis=1) > 0]
    result = pd.Series(NO_MODEL, index=matrix.index, dtype=object)
    if active.empty:
        return result
    groups = fcluster(linkage(active), t=threshold, criterion="distance") if len(active) > 1 else np.array([1])
    actions = actions if actions is not None else pd.DataFrame(columns=["council", "action", "bodies"])
    for g in sorted(set(groups)):
        members = active.index[groups == g]
        defining = set(active.columns[(active.loc[members] > 0).mean(axis=0) >= 0.5])
        result[members] = name_model(defining, _bodies_by_action(actions, members))
    return result


def councils_table(documents: pd.DataFrame, actions: pd.DataFrame, threshold: float = 0.5) -> pd.DataFrame:
    """The ``councils`` table: each council's actions, model, years and number of documents."""
    doc_councils = {d["doc_id"]: document_councils(d) for d in documents[["doc_id", "council", "text"]].to_dict("records")}
    links = {(doc, c) for doc, cs in doc_councils.items() for c in cs}
    links |= set(zip(actions["doc_id"], actions["council"]))
    names = canonical_councils([c for _, c in links], [c for v in documents["council"] for c in _manifest_councils(v)])
    links = {(doc, names[c]) for doc, c in links}
    years = documents.set_index("doc_id")["year"]
    matrix = council_matrix(actions) if not actions.empty else pd.DataFrame(columns=list(codebook.ACTIONS))
    model = models(matrix, threshold, actions)
    rows = []
    for council in sorted({c for _, c in links}):
        docs = sorted({doc for doc, c in links if c == council})
        known = sorted({int(y) for y in years.reindex(docs).dropna()})
        acts = sorted(set(actions.loc[actions["council"] == council, "action"]), key=codebook.ACTIONS.index)
        rows.append({
            "council": council,
            "actions": ";".join(acts),
            "model": model.get(council, NO_MODEL),
            "years": (str(known[0]) if len(known) == 1 else f"{known[0]}-{known[-1]}") if known else "",
            "n_documents": len(docs),
        })
    return pd.DataFrame(rows, columns=["council", "actions", "model", "years", "n_documents"])


# ============================================================================ views for the notebook


def _short(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def cell_evidence(actions: pd.DataFrame) -> pd.DataFrame:
    """One row per filled matrix cell: the quote behind it, its status, bodies and before → after."""
    cols = ["council", "action", "status", "confidence", "bodies", "change", "evidence", "doc_id", "start", "end"]
    if actions.empty:
        return pd.DataFrame(columns=cols)
    df = actions.assign(
        change=[f"{b or '?'} → {a}" if a or b else "" for b, a in zip(actions["before"].fillna(""), actions["after"].fillna(""))],
        order=actions["action"].map(codebook.ACTIONS.index),
    )
    best = df.sort_values(["council", "order", "confidence"], ascending=[True, True, False]).drop_duplicates(["council", "action"])
    return best[cols].reset_index(drop=True)


def side_by_side(actions: pd.DataFrame, councils: Sequence[str] = ()) -> pd.DataFrame:
    """Actions (rows) × chosen councils (columns; empty = all): the status and quote in each cell."""
    cells = cell_evidence(actions)
    chosen = list(councils) or sorted(cells["council"].unique())
    missing = [c for c in chosen if c not in set(cells["council"])]
    if missing:
        from .errors import WorkbookError

        known = ", ".join(sorted(cells["council"].unique()))
        raise WorkbookError(f"no actions recorded for {', '.join(missing)} — choose among: {known}")
    table = pd.DataFrame("", index=list(codebook.ACTIONS), columns=chosen)
    for row in cells[cells["council"].isin(chosen)].itertuples():
        table.loc[row.action, row.council] = f"{row.status}: “{_short(row.evidence, 140)}”"
    table.index.name = "action"
    return table


def timeline(actions: pd.DataFrame) -> pd.DataFrame:
    """Actions by year where the year is known: year, council, action, status."""
    dated = actions.dropna(subset=["year"])
    return (dated[["year", "council", "action", "status"]].drop_duplicates()
            .sort_values(["year", "council", "action"]).reset_index(drop=True))


# ---------------------------------------------------------------------------- lineage

_NAME = (r"(?:the )?(?:[A-Z][\w'’-]*)(?:[ -](?:[A-Z][\w'’-]*|TP|group|board|partnership|(?:and|of|for|&)(?= [A-Z])))*")
_RESULT = (r"(?:(?:a|an|one|the) )?(?:(?:single|new|joint|combined) )?"
           r"(?:" + _NAME + r"|(?:[a-z-]+ ){0,2}(?:board|group|partnership|body|committee|forum))")
#: (relation, pattern, whether "before" may list two bodies joined by "and").
_LINEAGE: list[tuple[str, re.Pattern, bool]] = [
    ("merged into", re.compile(r"(?P<after>(?:An? |The )?(?:new )?(?:[A-Z][\w'’-]*[ -]?(?:and |of |for )?)+(?:group|board|partnership|Group|Board|Partnership)?)"
                               r"\s*\((?:covering|combining|incorporating|bringing together|replacing) the (?:current )?remits? of (?P<before>[^)]+)\)"), True),
    ("merged into", re.compile(r"\b(?:merg|combin|amalgamat)\w* (?P<before>" + _NAME + r") (?:and|with) (?P<before2>" + _NAME + r") "
                               r"(?:into|to form|to create) (?P<after>" + _RESULT + r")"), False),
    ("merged into", re.compile(r"(?P<before>" + _NAME + r") (?:will|would|should|is to|shall|to) be (?:merged|combined) (?:with (?P<before2>"
                               + _NAME + r") )?(?:into|to form|to create) (?P<after>" + _RESULT + r")"), False),
    ("merged into", re.compile(r"(?P<before>" + _NAME + r") and (?P<before2>" + _NAME + r") (?:will|would|should|to|shall) "
                               r"(?:merge|combine|amalgamate) (?:into|to form|to create) (?P<after>" + _RESULT + r")"), False),
    ("merged with", re.compile(r"\bmerg\w* (?P<before>" + _NAME + r") with (?P<after>" + _NAME + r")"), False),
    ("merged into", re.compile(r"\bmerg\w* (?P<before>" + _NAME + r") into (?P<after>" + _NAME + r")"), False),
    ("replaced by", re.compile(r"(?P<before>" + _NAME + r") (?:will|would|is to|shall|to) be (?:replaced|succeeded) by (?P<after>" + _RESULT + r")"), False),
    ("replaced by", re.compile(r"(?P<after>" + _NAME + r") (?:will|would|is to|shall) replace (?P<before>" + _NAME + r")"), False),
    ("dissolved", re.compile(r"(?P<before>" + _NAME + r") (?:(?:will|would|should|is to|shall|to) )?(?:cease(?! to)|be (?:abolished|disbanded|"
                             r"dissolved|decommissioned|wound up|stood down))(?: and (?P<after>" + _NAME + r") (?:will|would) "
                             r"(?:assume|take (?:on|over)) (?:its|their) (?:role|functions))?"), False),
]


def _split_names(text: str) -> list[str]:
    """'Healthy Southwark and Independence and Wellbeing' → the two bodies (split at the first 'and')."""
    text = re.sub(r"^(?:the )?(?:current )?", "", text.strip(), flags=re.I)
    head, sep, tail = text.partition(" and ")
    return [head.strip(), tail.strip()] if sep and tail[:1].isupper() else [text]


def lineage_for_document(doc: dict) -> list[dict]:
    """Which body became what in one document: merged into / with, replaced by, dissolved."""
    units = clauses(doc["text"])
    text = _flat(doc["text"])      # a sentence wrapped over lines reads as one line
    rows = []
    for clause in units:
        own = text[clause.start:clause.end]
        status, _ = _grounding(text, clause)
        if status in (None, "noted", "concern", "rejected") or _status_quo(text, clause):
            continue
        taken: list[tuple[int, int]] = []
        for relation, pattern, split in _LINEAGE:
            for m in pattern.finditer(own):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append(m.span())
                groups = m.groupdict()
                befores = _split_names(groups["before"]) if split else [groups["before"].strip()]
                befores += [groups["before2"].strip()] if groups.get("before2") else []
                after = (groups.get("after") or "").strip()
                after = _LEADING_ARTICLE.sub("", after) if after else ("(role not reassigned)" if relation == "dissolved" else "")
                for before in befores:
                    rows.append({"doc_id": doc["doc_id"], "body_before": _LEADING_ARTICLE.sub("", before), "relation": relation,
                                 "body_after": after, "status": status, "evidence": doc["text"][clause.start:clause.end],
                                 "start": clause.start, "end": clause.end})
    return rows


def lineage(documents: pd.DataFrame) -> pd.DataFrame:
    """Body lineage for every document, with the council(s) and the evidence clause."""
    cols = ["council", "doc_id", "body_before", "relation", "body_after", "status", "evidence", "start", "end"]
    rows = []
    for doc in documents[["doc_id", "council", "text"]].to_dict("records"):
        councils = document_councils(doc)
        rows += [{"council": "; ".join(councils), **r} for r in lineage_for_document(doc)]
    out = pd.DataFrame(rows, columns=cols)
    return out.drop_duplicates(["doc_id", "body_before", "relation", "body_after"]).reset_index(drop=True)


# ============================================================================ quality against gold

GOLD_COLUMNS = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]


def read_gold(path: str | Path) -> pd.DataFrame:
    """``actions_gold.csv``, checked: required columns, codebook action names."""
    from .inputs import read_csv_input

    return read_csv_input(path, required=["file", "action"], optional=[c for c in GOLD_COLUMNS if c not in ("file", "action")],
                          labels={"action": codebook.ACTIONS}, nonempty=["file", "action"])


def action_quality(actions: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 per action (document × action pairs), plus a micro-average row "all".

    Only documents that appear in ``gold`` are scored. ``evidence_hit`` is the share of true
    positives (with a gold phrase found in the text) whose evidence span contains the start of
    the gold evidence phrase.
    """
    from .evaluate import locate

    by_file = documents.set_index("file")[["doc_id", "text"]]
    gold = gold[gold["file"].isin(by_file.index)]
    scored_docs = set(by_file.loc[sorted(set(gold["file"])), "doc_id"]) if not gold.empty else set()
    gold_pairs: dict[tuple[str, str], list[int]] = {}
    for g in gold.to_dict("records"):
        doc_id, text = by_file.loc[g["file"], ["doc_id", "text"]]
        pos = locate(str(g.get("evidence_phrase") or ""), text)
        gold_pairs.setdefault((doc_id, g["action"]), []).append(pos)
    pred = actions[actions["doc_id"].isin(scored_docs)]
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for row in pred.itertuples():
        spans.setdefault((row.doc_id, row.action), []).append((row.start, row.end))
    rows = []
    for action in [*codebook.ACTIONS, "all"]:
        g = {k for k in gold_pairs if action in ("all", k[1])}
        p = {k for k in spans if action in ("all", k[1])}
        tp = g & p
        located = [k for k in tp if any(pos >= 0 for pos in gold_pairs[k])]
        hits = sum(any(s <= pos < e for s, e in spans[k] for pos in gold_pairs[k]) for k in located)
        precision = len(tp) / len(p) if p else float("nan")
        recall = len(tp) / len(g) if g else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if p and g and (precision + recall) else (0.0 if p or g else float("nan"))
        rows.append({"action": action, "precision": precision, "recall": recall, "f1": f1, "support": len(g),
                     "predicted": len(p), "tp": len(tp), "fp": len(p - g), "fn": len(g - p),
                     "evidence_hit": hits / len(located) if located else float("nan")})
    return pd.DataFrame(rows)


def gold_quality(paths, actions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """:func:`action_quality` against ``<annotations>/actions_gold.csv``; an empty table if there is no gold."""
    path = Path(paths.annotations) / "actions_gold.csv"
    if not path.exists():
        return pd.DataFrame(columns=["action", "precision", "recall", "f1", "support"])
    return action_quality(actions, documents, read_gold(path))


# ============================================================================ charts


def plot_matrix(matrix: pd.DataFrame):
    """Heatmap of councils × actions (a tick where the council's documents state the action)."""
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


def plot_dendrogram(matrix: pd.DataFrame, model: pd.Series, threshold: float = 0.5):
    """Dendrogram of councils by Jaccard distance of their actions, leaves labelled with their model."""
    import matplotlib.pyplot as plt
    from scipy.cluster.hierarchy import dendrogram

    active = matrix[matrix.sum(axis=1) > 0]
    fig, ax = plt.subplots(figsize=(11, 0.5 * max(4, len(active)) + 1.5))
    if len(active) < 2:
        ax.text(0.5, 0.5, "Fewer than two councils with actions: nothing to group.", ha="center", va="center")
        ax.axis("off")
        return fig
    labels = [f"{c} — {model.get(c, NO_MODEL)}" for c in active.index]
    dendrogram(linkage(active), labels=labels, orientation="right", color_threshold=threshold, ax=ax)
    ax.axvline(threshold, color="grey", linestyle="--", linewidth=1)
    ax.set_xlabel("Jaccard distance between the councils' sets of actions (average linkage)")
    ax.set_title(f"Restructuring models: groups below the dashed line ({threshold}) share a model", loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def plot_timeline(actions: pd.DataFrame):
    """Actions by year (where known): one marker per council and action."""
    import matplotlib.pyplot as plt

    dated = timeline(actions)
    fig, ax = plt.subplots(figsize=(9, 4.5))
    if dated.empty:
        ax.text(0.5, 0.5, "No document with a known year states an action.", ha="center", va="center")
        ax.axis("off")
        return fig
    order = list(codebook.ACTIONS)
    for i, (council, rows) in enumerate(dated.groupby("council", sort=True)):
        ax.scatter(rows["year"].astype(int) + (i - 0.5) * 0.08, rows["action"].map(order.index), label=council, s=60)
    ax.set_yticks(range(len(order)), [a.replace("_", " ") for a in order])
    years = sorted(dated["year"].astype(int).unique())
    ax.set_xticks(years)
    ax.set_xlim(years[0] - 1, years[-1] + 1)
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1), frameon=False)
    ax.set_title("Restructuring actions by year of the document", loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


# ============================================================================ stage


def run(paths, threshold: float = 0.5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Detect actions in every document; write the ``actions`` and ``councils`` tables."""
    from .tables import check_offsets, read_table, write_table

    documents = read_table("documents", paths.processed)
    actions = detect(documents)
    check_offsets(actions, documents, "actions", "evidence")
    councils = councils_table(documents, actions, threshold)
    write_table(actions, "actions", paths.processed)
    write_table(councils, "councils", paths.processed)
    return actions, councils
