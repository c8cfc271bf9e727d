"""Stage 2 — extract: each document's text becomes items (recommendations, proposals,
decisions, resolutions…) with their label and exact offsets.

Segmentation follows the document's own structure, in three layers:

1. **Paragraphs.** Lines are grouped into paragraphs; a bullet or an enumerated line
   ("(a)", "(1)", "3.1", "a)") starts a paragraph of its own, and a blank line that falls
   inside a sentence (a page break: the line before has no closing punctuation and the
   next starts in lower case) does not end the paragraph.
2. **Sections.** Short heading lines set the section the following paragraphs are in:
   "Proposal", "Implications", "Recommendations", "RESOLVED" / "RESOLVED to:" /
   "DECIDED", "Decision:", "Action:", "Principles", "Options". A "Recommendation N:"
   paragraph is one item and numbers the Proposal/Implications sections after it;
   "RESOLVED – That …", "Decision: …", "Action: …" lines are items with that label.
   In ModernGov minutes, the agenda blurb before "Minutes:" is skipped.
3. **Items.** In an item section every bullet and enumerated part is one item (its
   "(a)" / "3.1" label kept); a lead-in line ending in ":" is not an item but the
   ``context`` of the parts under it, unless it carries a decision of its own
   ("To defer … but to note the following:") or earlier sentences. Other paragraphs
   of an item section are split into sentence groups where a sentence opens a new
   proposal ("It is also proposed…", "To note…", "… may also need…"); pure
   cross-references ("is contained in Appendix 2") are dropped. Outside item sections
   (narrative minutes, news, letters) the sentences that record a decision, proposal,
   request, action or position are kept (:data:`_PROSE_CUES`), a sentence that opens
   with "This …"/"These …" joins the item before it, and a sentence is split into
   clauses where a new clause states something of its own (", and would adopt …").

Every item's ``text`` equals ``documents.text[start:end]``. Researcher corrections in
``data/annotations/overrides.csv`` (relabel / drop / add, matched by quoted text) are
applied after coding by :func:`apply_overrides`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import groupby, islice
from pathlib import Path

import pandas as pd

# ----------------------------------------------------------------------------- patterns

_ENUM = re.compile(
    r"^[“\"‘]?(?:\((?P<paren>[0-9]{1,2}|[a-zA-Z]|[ivx]{1,5})\)|(?P<num>\d{1,2}(?:\.\d{1,2}){1,2})\.?|(?P<dot>\d{1,2}|[a-z])[.)]|"
    # a reference with a letter before its number: "D2. Agreed that …", "A1. Business Support to …", "R3)"
    r"(?P<ref>[A-Z]{1,3}\d{1,2}[a-z]?)[.)])(?:\s+|(?<=\))(?=[A-Z][a-z]))"  # "(iv)That …": a scan's OCR lost the space
)
_BULLET = re.compile(r"^(?:[-*•▪◦·–]|o)\s+")
# A heading that changes what the following paragraphs are (optionally numbered "3." / "3.").
_HEADING_WORDS = (
    r"(?P<head>(?:our |key |main )?(?:recommendation(?:s|\(s\))?|proposals?)|proposed (?:changes?|arrangements|structure|model)|"
    r"preferred (?:model|option|structure|approach)|implications?|"
    r"resolved|resolutions?|decided|decisions?(?: taken| made)?|(?:our |key |strategic |shared |partnership )?priorities|"
    r"agreed actions|actions?(?: agreed| points| arising(?: from the meeting)?)?|agreed|(?:key |guiding )?principles|decisions? (?:sought|required|requested)|"
    r"(?:alternative |other )?options?(?: (?:we|that were|the review|officers|members))?(?: considered| looked at| explored| appraisal)?"
    r"(?: (?:and|but) (?:rejected|discounted|not (?:recommended|taken forward|pursued)|(?:we )?(?:do|did|are) not (?:recommend|pursue|propose|proposing|recommending)))?|minutes|"
    r"(?:(?:key|main|our|review) )?(?:findings|conclusions)(?: (?:of|from) (?:the |this |our )?[\w\- ]{0,40})?|"
    r"next steps(?: (?:and|&) (?:timeline|timetable))?|(?:implementation )?(?:timeline|timetable)(?: for implementation)?|"
    # a web page's plain headings: "What has changed", "What is changing", "What happens next"
    r"what (?:has|have) changed|what(?:'s| is| will)? chang(?:e|es|ing)|what (?:happens|will happen|comes) next|what happens now|"
    # what was settled: "What we decided", "What the Board agreed", "What has been decided"
    r"what (?:we|the (?:board|partnership|group|council|cabinet|committee)) (?:have |has )?(?:decided|agreed)|what (?:was|has been|we have) (?:decided|agreed)|"
    # what an engagement found: "What we heard", "What you told us"; what a change means
    r"what (?:we|you|people|partners|residents|the review) (?:have |'ve |had )?(?:heard|told us|said|found|learn(?:ed|t))|"
    r"what (?:this|these changes|it) (?:would |will )?means?|"
    # a consultation's "What would change for you": the consequences of a proposal
    r"what would (?:change|happen)(?: for (?:you|residents|people|communities|partners|us))?|what will change for (?:you|residents|people)|"
    # an away-day's "Keep / Change" or "Stop / Start / Continue" lists, each a heading of one word
    r"keep|stop|start|continue|change|keep doing|stop doing|start doing|"
    # a review's or an away-day's verdict: "What's working", "What's not working", "What works well"
    r"what(?:'s| is| isn't| is not)(?: not)? working(?: well)?|what (?:works|doesn't work|does not work)(?: well)?|"
    # why a decision was taken: its reasons are statements the decision rests on
    r"reasons? for (?:the |these |this )?(?:decisions?|recommendations?|proposals?)|(?:the |our )?case for change)"
)
# A slide's or a section's title may name its topic first: "Membership and meetings - proposals". A line
# that starts in lower case carries on a sentence ("decided to pause this until the …").
_SECTION = re.compile(
    rf"^(?-i:(?![a-z]))(?:\d{{1,2}}(?:\.\d{{1,2}})?\.?\s+)?(?P<topic>[A-Z][\w'’,& ]{{2,60}}?(?:\s+[-–—:]\s+|:\s+(?=what\b)))?{_HEADING_WORDS}"
    # … addressed to a body, or one of a run of slides: "Recommendations to the Board (1 of 2)" — not after a
    # topic: "Carers – proposal for a regional Task and Finish Group" is an agenda item's title
    rf"(?(topic)|(?:(?:\s+(?:agreed|adopted|approved|endorsed|confirmed))?\s+(?:to|for|on|at|by|from)\s+(?![^\n]*\b(?:is|are|was|were|be|been|will|would|should|shall|must|can|has|have|had|that|which)\b)[\w'’&,/\- ]{{2,50}}?"
    # … or its part after a dash, a few words: "Preferred model – governance and meetings", "Proposals – structure"
    rf"|(?:(?<=s)|(?<=model)|(?<=structure)|(?<=approach)|(?<=option))\s+[-–—]\s+[A-Za-z][\w'’&,/]*(?:\s+[\w'’&,/]+){{0,3}})?)"
    rf"(?:\s*\((?:\d+ of \d+|continued|cont'?d)\))?"
    rf"(?:\s+(?:to|that))?\s*[:\-–?]*\s*$",
    re.IGNORECASE,
)
_RECOMMENDATION = re.compile(r"^(?P<label>Recommendation\s+\d+[a-z]?)\s*(?:[:.\-–]\s*|$)", re.IGNORECASE)
_OPTION = re.compile(r"^(?P<label>Option\s+(?:\d+[a-z]?|[A-Z]))(?:\s*[:.\-–]\s*|\s+(?=(?:was|would|is|will)\b))", re.IGNORECASE)
_INLINE_HEAD = re.compile(
    r"^(?P<label>RESOLVED|DECIDED|Decision|Action|Agreed|Recommendation|Resolution)\b"
    # a form's or a log's field named after the word is not the word as a head: "Decision reference | CMD/…"
    r"(?!\s+(?:reference|ref\b|maker|makers|date|status|details|notice|record|number|no\b|type|log|plan|owner|taken by)\b)"
    r"(?:\s*/\s*(?:lead|owner|responsible|who|by whom|officer)\s*(?=:))?"  # a minutes table's "Action / Lead: JB to …"
    r"\s*(?:to|that)?\s*[:\-–]?\s+",
    re.IGNORECASE,
)
# The same head word on a bullet of meeting notes, with its colon: "- Agreed: …", "- Action: JS to …".
_BULLET_HEAD = re.compile(r"^[-*•▪◦·]\s+(?P<label>Agreed|AGREED|Action|ACTION|Decision|DECISION)\s*:\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|Prof|Rev|St|No|Nos|Co|Ltd|Inc|vs?|cf|e\.g|i\.e|etc|approx|para|paras|"
    r"App|Appx|Fig|Ref|Sec|Cl|ie|eg)\.$|\b[A-Z]\.$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r":\s*[-–—]?\s*$|\b(?:the following(?:(?: [\w-]+){0,2} [\w-]+s)?|as follows)\.\s*$", re.I)
# The words that put a motion or an amendment, whose parts are proposals until the vote:
# "This Council therefore resolves to:", "moved … that the motion be amended by inserting:".
MOTION_LEAD = re.compile(r"\bthis council (?:therefore |further )?(?:resolves|calls|asks|requests)\b|\bbe amended by\b|"
                         r"\bmoved (?:as an amendment|the following (?:motion|amendment))\b|\bas an amendment\b", re.I)
# A vote's result: "the amendment was put to the vote … and was declared LOST", "The substantive motion was CARRIED".
VOTE_RESULT = re.compile(r"\b(?P<what>motion|amendment|proposal)\b[^.;]{0,120}?\b(?P<result>carried|lost|defeated|fell|not carried|withdrawn)\b",
                          re.I)
_SKIP_LINES = re.compile(
    r"^(?:none\.?|n/?a\.?|nil\.?|supporting documents:?|agenda item|report to follow\.?|"
    r"(?:see |as per )?appendix \w+\.?|minutes:?|\.)$",
    re.IGNORECASE,
)
# Sections whose paragraphs are items (the value is the section name used by coding).
_ITEM_SECTIONS = {"recommendation", "proposal", "implication", "resolved", "decision", "action", "principle", "option",
                  "finding", "reason", "case", "priority"}
#: Sections whose heading is each item's context: "Options considered and rejected", "Our priorities for 2025/26".
_HEADED_SECTIONS = {"option", "priority", "principle"}
_SECTION_NAMES = {
    "recommendation": "recommendation", "proposal": "proposal", "implication": "implication",
    "resolved": "resolved", "resolution": "resolved", "decided": "resolved", "agreed": "resolved",
    "decision": "decision", "action": "action", "principle": "principle", "option": "option", "prioritie": "priority",
    "finding": "finding", "conclusion": "finding", "next": "action", "now": "action", "proposed": "proposal",
    "changed": "decision", "change": "decision", "changing": "decision", "heard": "finding", "told": "finding",
    "said": "finding", "found": "finding", "learned": "finding", "learnt": "finding", "working": "finding", "work": "finding",
    "works": "finding", "timeline": "action", "timetable": "action", "mean": "implication", "reason": "reason",
    "preferred": "proposal", "case": "case",
}
# A lead-in that opens a formal resolution or a report's recommendations inside a sentence:
# "Following discussion, the Board DECIDED:", "It was RESOLVED that:", "The Cabinet is asked to:".
_RESOLUTION_LEAD = re.compile(
    r"\b(?:RESOLVED|DECIDED|AGREED)\b|\b(?:resolved|decided|agreed)(?: as follows| that| to| unanimously| the following(?:(?: [\w-]+){0,2} [\w-]+s)?)?\s*[:\-–—.]*\s*$"
)
#: A minute's title written as a sentence, a whole number and a few words with a full stop ("50. Review of
#: the Board's governance and sub-structure."), and the meeting's formalities it follows ("Apologies").
_MINUTE_TITLE = re.compile(r"^\d{1,3}\.\s+[A-Z][^\n]{0,100}\.$")
_FORMALITY_TITLE = re.compile(r"^(?:\d{1,3}\.?\s+)?(?:apologies|present|in attendance|attendance|declarations?)\b", re.I)
# "had" before the verb of a lead-in: a decision taken before, told ("The Cabinet had resolved:-", quoted in a call-in).
_REPORTED_LEAD = re.compile(r"\bhad\s+(?:(?:also|further|then|unanimously)\s+)?$", re.I)
# A collective body just before its verb: "The Committee agreed:—", "the Board decided:" — the meeting's
# resolution, where "the Cabinet Member decided:" is one person's decision.
_COLLECTIVE = re.compile(r"\b(?:committee|sub-committee|board|council|cabinet|executive|panel|partnership|forum|commission|"
                         r"meeting)\s+(?:(?:also|further|then|unanimously|therefore|formally|accordingly)\s+)?$", re.I)
# A collective body's name alone over its list of decisions: "The Executive:", "The Cabinet:".
_BODY_LEAD = re.compile(r"^(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}?(?:committee|sub-committee|board|council|cabinet|executive|panel|"
                        r"partnership|forum)\s*:\s*[-–—]?$", re.I)
#: A lead-in that opens a review's findings: "The main findings were:", "The review found that:".
_FINDINGS_LEAD = re.compile(r"\b(?:main |key |principal )?findings?(?: (?:of|from) (?:the|this|our) [\w -]{0,40}?)? (?:were|are|was|is|included?)\s*:\s*$|"
                            r"\b(?:review|survey|evaluation|audit|consultation) (?:has )?(?:found|showed|identified)(?: that)?\s*:\s*$", re.I)
_RECOMMENDATION_LEAD = re.compile(
    r"\b(?:is|are) (?:asked|recommended|invited|requested) to\b|\bit is recommended that\b|\brecommend(?:s|ed)? that\b"
    r"|\brecommendations? (?:is|are|to)\b",
    re.IGNORECASE,
)
# A heading written with a colon ("Consultation:", "Reasons for the decision:", "Financial implications:"):
# a few words naming a part of the document, not a lead-in sentence ("The Board DECIDED:", "It is
# recommended that the Cabinet:", "… the following principles:").
_COLON_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[A-Z][\w'’&,/()?-]*(?:\s+[\w'’&,/()?-]+){0,5}\s*:\s*$")
_NOT_A_HEADING = re.compile(
    r"\b(?:that|to|following|follows|is|are|was|were|be|will|would|should|decided|resolved|agreed|recommend\w*|asked|"
    r"invited|principles?|includ\w+|namely)\b",
    re.IGNORECASE,
)
# A web page's own lists: "Related stories:", "Share this page:", "Useful links:".
_PAGE_LINKS = re.compile(r"(?:related|read more|more (?:news|stories)|share|follow|sign up|newsletter|see also|useful links|"
                         r"contacts?|downloads?|documents?|attachments?|background papers?)\b", re.I)
# A verb that makes a line a sentence, not a title, when its full stop is left off (as on slides).
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|will|would|should|shall|must|can|could|need|needs|has|have|had|"
                     r"does|do|did)\b", re.IGNORECASE)
# A table cell that records what happens to something: the row is a decision ("Merged", "Stood down").
_STATUS_CELL = re.compile(
    r"\|\s*(?:continu\w*|merged?|stood down|stand down|closed?|retained?|agreed|approved|rejected|deferred|ceased?|"
    r"dissolved|disbanded|transferred|no change|replaced|new|created|established)\s*(?:\||$)",
    re.IGNORECASE,
)
# A table row as text ("cell | cell | cell"): a paragraph of its own.
_TABLE_ROW = re.compile(r"^[^\n]*?\S \| [^\n]*?\|")
# A line of its own in a block of lines: a labelled record ("Action: RM to draft …", one per line in an
# e-mail or notes) or an agenda item's title ("Item 5 - Serious Violence Duty").
_LABEL_LINE = re.compile(r"^(?:actions?|decisions?|agreed|resolved)\s*:\s+\S", re.I)
_ITEM_TITLE = re.compile(r"^(?:agenda )?item\s+\d{1,3}[a-z]?\s*[-–—:.]\s+\S", re.I)
# An item that is only a question ("What should the first task-and-finish groups be?", "QUESTION 2 Which
# groups were dissolved?"): a question put, not a recommendation or a decision.
_QUESTION = re.compile(r"^(?:[-*•]\s+|\(?\w{1,3}[.)]\s+|q\d{1,2}[.:)]?\s+)?(?:question\s*\d*\s*[:.\-–]?\s*)?(?:what|how|why|when|where|which|who|"
                       r"whose|does|do|did|is|are|was|were|should|could|can|will|would|has|have|must)\b[^?]*\?[\"')\s]*$",
                       re.IGNORECASE)
# A line that only draws: a heading's underline ("=====", "-----") or a plain-text table's rule ("----+----").
_RULE = re.compile(r"^[\s|+:]*[-=_~]{3,}[-=_~\s|+:]*$")
_UNDERLINE = re.compile(r"[ \t]*\n[ \t]*[-=~_]{3,}[ \t]*(?:\n|$)")
# The header row of an action log: an action column and an owner or due-date column.
_ACTION_COLUMN = re.compile(r"^(?:actions?(?: required| agreed)?|what)$", re.I)
_OWNER_COLUMN = re.compile(r"^(?:owner|lead(?: officer)?|responsible(?: officer)?|who|by whom|due(?: date)?|deadline|by when|"
                           r"timescales?|target(?: date)?|date due)$", re.I)
_ROW_REF = re.compile(r"^(?:[A-Z]{1,4}\s?)?\d{1,3}[a-z]?\.?$")
# The header cell of a column that says what is proposed or decided for each row ("Proposed arrangement",
# "Recommendation", "Decision", "Outcome", "Future arrangements"), and the kind of item its rows are.
_OUTCOME_COLUMN = re.compile(r"\b(?P<word>propos\w*|recommend\w*|decisions?(?![\s-]*(?:makers?|takers?|dates?|due)\b)|decided|outcomes?|agreed|future)\b", re.I)
#: A column of decisions not yet taken: a forward plan's "Decision to be taken", a paper's "Decision required".
_PENDING_COLUMN = re.compile(r"\bdecisions? (?:to be (?:taken|made)|required|sought|requested)\b", re.I)
_COLUMN_SECTION = {"propos": "proposal", "recomm": "recommendation", "future": "proposal"}
#: A header cell: a few words, no sentence; or a few choices ("Accepted / Partially accepted / Not accepted").
_HEADER_CELL = re.compile(r"^[^.;:!?/]{0,40}(?:/[^.;:!?/]{0,40}){0,4}\??$")
#: The first header cell may be an abbreviation ("No.", "Ref."): a short word with a full stop is no sentence.
_NUMBER_HEADER = re.compile(r"^[A-Za-z]{1,4}\.$")
# Lines that are never items: lists of attached files, "Background papers", meeting formalities,
# contact details, key-value metadata rows ("| Decision Maker: | Cabinet Member |").
_FORMALITY = re.compile(
    r"\b(?:pdf|docx?|xlsx?)\s+\d+(?:\.\d+)?\s*[km]b\b|^(?:background|supporting) (?:papers|documents)\b|"
    r"^[-•]?\s*appendix [a-z0-9]{1,3}\s*[-–:]|\b(?:tel|telephone|e-?mail)\s*:|\b[\w.-]+@[\w-]+\.[\w.]+\b|"
    r"^\|?\s*[^|]{1,40}:\s*\|[^|]*\|?\s*$|^(?:[A-Z][\w ()'/-]{1,40}:[^|:]{1,80}\|\s*)+[A-Z][\w ()'/-]{1,40}:[^|:]{1,80}$|"
    r"^(?:report (?:of|by|author)|lead (?:officer|member)|contact officer|portfolio(?: holder)?|wards? affected|key decision)\s*:|"
    r"\bminutes? of the (?:previous |last )?meeting\b|\bminutes\b[^.]{0,40}\b(?:confirmed|approved|agreed|signed|accepted)\b[^.]{0,20}\b(?:a |an )?(?:correct|true|accurate) record\b|\b(?:minutes|minute) of the meeting (?:held|of|dated)\b|"
    r"\bnext meeting (?:of the [\w ]{1,60} )?(?:will|is to|would) (?:take place|be held)\b|\bdate of (?:the )?next meeting\b|"
    r"\bthe meeting (?:concluded|closed|ended|finished)\b|^correction\b|^confirmed at the meeting\b|"
    # a news site's own words about its coverage: "That is where we will leave our live coverage", "our full report"
    r"\blive (?:coverage|blog|updates)\b|\b(?:bring|keep) you (?:the |all the )?(?:latest|key moments|updates)\b|\bour full report\b|"
    # a presenter's cues in a deck's speaker notes: "Welcome; purpose of the session is …", "Introduce the reviewer"
    r"^(?:presenter:|welcome(?:;|,| and\b| to (?:everyone|all|the (?:session|workshop|meeting)))|introduce (?:the|our)\b|take questions\b|"
    r"stress that\b|keep this short\b|(?:fire exits|housekeeping)\b)|"
    r"^if you (?:have|need) any (?:questions|queries|further information)\b|"
    # thanks: "We would like to thank the Community Planning team and partners for their help"
    r"^(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?(?:we|i) would (?:like|wish) to thank\b|"
    # a newsletter's words about itself: "Welcome to the June edition of our partnership bulletin, sent to …"
    r"^welcome to (?:the |this |our )?[\w ]{0,30}\b(?:edition|issue) of\b|\b(?:you are|you're) receiving this (?:e-?mail|bulletin|newsletter)\b|"
    # a draft's stamp and a page's words about where its papers are: "Minutes are draft until they are approved at the next
    # meeting", "Subject to approval at the next meeting", "Agendas, reports and minutes are published at https://…"
    r"\bminutes are (?:in )?draft\b|^(?:draft[ –-]+)?subject to (?:approval|confirmation|ratification) (?:at|by) the next meeting\b|"
    r"\b(?:are|is) (?:published|available|posted) (?:at|on|from) (?:https?://|www\.)|^data protection(?: notice| statement)?\s*:[^.]{0,120}\byou(?:r)?\b|\bprivacy (?:notice|statement|policy)\b|"
    # a decision record's declarations, and a heading whose text only points elsewhere ("Financial implications: as set out in …")
    r"^(?:conflicts? of interest|declarations? of interests?|dispensations?)\b[^.]{0,60}:|^[A-Z][\w ]{2,40}:\s*(?:as set out|as detailed|see (?:section|paragraph|appendix))\b|"
    # a vote's result on its own line belongs to the motion above it: "The substantive motion was CARRIED."
    r"^(?:(?:accordingly|thereafter|therefore),?\s+|(?:following|after) (?:a |the )?(?:debate|vote|discussion),?\s+|on a (?:roll[- ]call |recorded |named )?vote(?: being taken)?,?\s+)?"
    r"(?:the )?(?:substantive |original |amended )?(?:motion|amendment|proposal)(?:,? as amended,?)? (?:was )?(?:put to the (?:vote|meeting) and )?"
    r"(?:was |is )?(?:declared |duly |therefore |accordingly )?(?:\W{0,2})(?:carried|lost|defeated|not carried|fell)\W{0,2}"
    r"(?:\s+(?:by (?:\d+|\w+) votes? to (?:\d+|\w+)(?:,? with \d+ abstentions?)?|unanimously|nem\.? ?con\.?|on the (?:chair'?s )?casting vote))?\W{0,4}$|"
    # who came and went, and declared interests: "Councillor Reid rejoined the meeting."
    r"^(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|dr|professor)\b[^.]{0,80}\b(?:left|rejoined|joined|returned to|arrived at|withdrew from) the (?:meeting|room|chamber)\b|"
    r"\bdeclared (?:an? |their |his |her )?(?:[\w-]+ ){0,3}interests?\b|"
    # when a decision takes effect, not what it is: "The decisions below will come into force at 9am on …"
    r"^(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?(?:the |this |these |all )?(?:key |executive )?decisions?(?: (?:recorded|set out|listed) (?:above|below))?"
    r"(?:,)? (?:will|may|shall|can|is proposed for|are proposed for) (?:not )?(?:take effect|come into (?:force|effect)|be implemented|implementation)\b",
    re.IGNORECASE,
)

#: What a record says has been done to a body or a plan: "has been merged", "were adopted", "we have pooled".
#: Shared by the prose cues here and coding's decision and agreed cues.
DONE = (r"(?:has|have|had|was|were|we) (?:now |also |already |recently |formally )?(?:been )?(?:accepted|adopted|published|"
        r"launched|commissioned|pooled|appointed|joined|established|merged|closed|replaced|introduced|transferred|stood down|"
        r"set up|signed|endorsed|renamed|disbanded|dissolved|abolished|combined|reduced|cut|kept|retained|deferred|postponed|"
        r"nominated|elected|co-opted)")

# What a body did to its arrangements, told afterwards (an annual report, a news story): "In July the
# Board set up a task-and-finish group", "Partners pooled £45,000", "the Board has met quarterly instead of …".
CHANGED = (r"(?:board|partnership|partners|group|council|committee|cabinet|executive|forum|psb|lsp|csp|cpp|hwb|icp|we)s? "
           r"(?:had |has |have )?(?:also |then |jointly |since )?"
           r"(?:set up|pooled|merged|created|established|formed|stood down|disbanded|dissolved|launched|introduced|"
           r"replaced|secured|moved (?:to|from)|commissioned (?:a|an|the) (?:\w+ )?review)\b(?! in (?:19|20)\d\d)|\bhas met (?:quarterly|monthly|bi-monthly|annually|"
           r"twice|three|four|six)(?![^.]{0,40}\bsince\b)|\b(?:is|are) now (?:held|run|built|chaired|led|hosted|published|circulated|webcast)\b|"
           r"\bnow (?:goes|go|meets|sits)\b")

#: The verbs of a decision set out to be taken: "To approve the merger of …", "To stand down the forum".
DECIDING = (r"approve|agree|establish|delegate|reduce|set up|stand down|commission|nominate|adopt|endorse|merge|create|"
            r"dissolve|appoint|extend|authori[sz]e|accept|transfer|combine|replace|allocate|pool|award|increase|revise|amend|ratify")

# Cues that make a narrative sentence worth extracting (minutes, news, letters).
_PROSE_CUES = re.compile(
    r"\b(?:agreed|resolved|decided|confirmed|approved|endorsed|rejected|declined|requested|asked (?:that|to|for)|"
    r"encouraged|urged|recommend(?:s|ed|ing)?\b|propos(?:e|ed|es|ing|al|als)\b|(?:are|is) (?:invited|encouraged) to\b|"
    # a decision to be taken, set out on its own ("To approve the merger of …", a forward plan's entry)
    rf"^\W{{0,3}}to (?:{DECIDING}|note|recommend|cease|withdraw|consider|review|confirm)\b|"
    r"should|must|shall|would (?!not\b)|will (?!not\b)|going to|(?:is|are|was|were) to be|needed\b|needs? to\b|(?:do|does|really) need\b|"
    r"(?:is|was|were|be) required|defer\w*|postpon\w*|noted|welcomed|commended|emphasi[sz]ed|highlighted|"
    r"concerns? (?:was|were) (?:\w+ )?(?:expressed|raised)|principles?|intend\w*|it was (?:suggested|intended|reported)|"
    r"aspir\w+|not timely|progressing|worked (?:up|on)|in the process of|has been (?:created|established|set up|drafted|agreed)|"
    r"committed to|majority view|consensus|most important|have now got|"
    # a meeting's business done in speech: "option one is off the table", "we park the fund", "Environment stays as it is"
    r"off the table|not going (?:with|ahead with)|park (?:it|that|this|the \w+)|stays? as (?:it is|they are)|we agree (?!with\b)|"
    r"(?:undertaken|carried out|commissioned|completed) (?:a|the) review|my view is|it is (?:really )?about|"
    # a reviewer's judgement: "In our view the architecture is …", "Our central conclusion is that …", "We believe …"
    r"in our (?:view|judgement|judgment|opinion)|our (?:\w+ ){0,2}(?:conclusion|finding|assessment|view) is\b|"
    r"we (?:believe|consider|conclude|suggest|found) (?:that )?|"
    r"we are on to|may (?:wish to )?consider|felt that|not (?:\w+ ){0,2}(?:sufficient(?:ly)?|enough|delivering)|"
    r"moved (?:as an amendment|an amendment|a motion|that|by [^.]{0,80}? that)|asked (?:all |every |each )?(?:\w+ ){0,4}?\w+ to (?!be\b)[a-z]+|turned down|instead of|moved,? (?:and|seconded by)\b|(?:amendment|motion) (?:was |accordingly )?(?:fell|lost|carried|defeated)|"
    r"(?:did|do|does) not (?:agree|approve|support|accept|endorse)\b|(?:put|pushed) back (?:to|until)\b|"
    r"voted (?:[\w()]+ ){0,4}?(?:to|for|against|in favour)|considered that|(?:review|survey|evaluation|audit|consultation) (?:had )?(?:found|showed|identified|concluded)|took the view|(?:was|were) of the view|"
    r"(?:was|were) concerned|warned that|raised concerns?|expressed concern|(?:worry|concern|fear) is|"
    r"(?:council|cabinet|board|partnership|authority|committee|group)s? (?:is|are) to (?!be\b)[a-z]+|"
    # news of what is to happen: "… are to meet as one committee", "the forum is set to be scrapped"
    r"(?:is|are) (?:set |due )?to (?:meet|merge|join|combine|become|form|close|replace|take over|be (?:merged|replaced|"
    r"abolished|scrapped|dissolved|disbanded|stood down|created|set up|wound up|reviewed|axed))\b|"
    + DONE + r"|" + CHANGED + r"|"
    r"now (?:meets|sits|reports|includes)|gave (?:an )?assurances?|assured (?:the \w+|members)|(?:suggested|proposed|recommended) that|cautioned|insisted|argued|stressed|"
    r"(?:supported|opposed) (?:the|a|an|closer|further|any)|amendment\b[^.]{0,120}?\b(?:was|were) (?:defeated|lost|carried|rejected))\b",
    re.IGNORECASE,
)
# Narrative about the meeting itself: who presented or led what.
_NARRATIVE = re.compile(
    r"\b(?:(?:was|were) (?:first |originally )?(?:set up|established|created|formed|founded|launched) in (?:19|20)\d\d|"
    r"presented (?:the|a|an)\b(?![^.]{0,160}\b(?:propos|recommend|seek))|the chair welcomed (?:members|everyone|all)\b|led a discussion|introduced the (?:report|item)|gave (?:a|an) (?:presentation|update|overview)|"
    r"the meeting (?:opened|closed)|apologies (?:for absence )?were|(?:motion|proposal|amendment) was (?:then )?put to the (?:meeting|vote)(?![^.]{0,80}\b(?:carried|lost|fell|defeated))|this report (?:sets out|seeks|presents|provides|summarises)|"
    r"^(?:a|the) report (?:by|from|of) [^.]{0,120}?\b(?:asked|invited|sought))\b"
    r"|" + _FORMALITY.pattern,
    re.IGNORECASE,
)
# A sentence that only points elsewhere.
_CROSS_REFERENCE = re.compile(
    r"^(?:the )?(?:[\w\- ]{0,60}?)\b(?:is|are) (?:contained|attached|set out|shown|included|addressed|described)\s+"
    r"(?:in|at|as|below|above)\b[^.]{0,40}\.?$|^none\.?$",
    re.IGNORECASE,
)
# What a body did, at a sentence's start: "The Board requested that …", "Members noted …".
_BODY_DID = (r"^(?:the )?(?:board|committee|cabinet|council|partnership|panel|group|executive|members|partners)\s+"
             r"(?:also |further |then |unanimously )?(?:agreed|noted|requested|asked|decided|approved|resolved|welcomed|"
             r"endorsed|supported|deferred|rejected|declined)\b")
# A sentence that opens a new proposal inside a paragraph of an item section.
_FRESH = re.compile(
    r"^(?:it is (?:also |further )?(?:proposed|recommended|agreed|resolved)\b|to (?!be\b)[a-z]+\b|that (?:the|a|an|this)\b)"
    r"|" + _BODY_DID +
    r"|\b(?:may|will|should|would|must|could) also\b|\b(?:also|further) (?:propos(?:ed|es)|recommend(?:ed|s)|agreed|need)\b",
    re.IGNORECASE,
)
# A sentence that has content of its own (not background) inside an item section.
_SUBSTANTIVE = re.compile(
    r"\b(?:will|shall|should|would|must|may|need(?:s|ed)?|(?:is|are|be) (?:proposed|recommended|agreed)|"
    r"propose[sd]? (?:that|to)|recommend(?:s|ed)? (?:that|to)|to be)\b|^(?:to|that)\b|" + _BODY_DID,
    re.IGNORECASE,
)
# A sentence that continues the one before (anaphora): "This would require…", "These will…",
# or the outcome of a motion: "On a division …", "The amendment accordingly fell."
_CONTINUES = re.compile(
    r"^[\"']?(?:this|these|those|such|that(?! the\b| it\b| there\b)|"
    r"it (?!was\b|is\b|has been\b|had been\b|(?:also |further )?(?:propos|recommend|suggest|ask|request)(?:ed|s)\b))\b"
    r"|^(?:on a (?:division|vote|show of hands)|(?:up)?on being put to the (?:vote|meeting)|"
    r"(?:following (?:a |further )?discussion,? |after (?:a |some )?debate,? |there\s+being\s+no\s+seconder,?\s+)?"
    r"the (?:amendment|motion|proposal) (?:was |accordingly |therefore )?(?:fell|lost|carried|defeated|not carried|withdrawn|put to the (?:meeting|vote)))",
    re.IGNORECASE,
)
# A clause boundary inside a sentence where a new clause states something of its own:
# "; that there should be …", ", and would adopt …", ", but felt that …", ", the only … would be …".
_MODAL = r"\b(?:would|should|will|must|shall|felt|agreed|requested|confirmed)\b"
_CLAUSE = re.compile(
    r";\s+(?:and\s+)?(?=[^,;]{0,90}?" + _MODAL + r")"
    r"|,\s+(?:and|but)\s+(?=(?:that\s+(?!(?:would|should|will|must|is|was)\b)|it|there|they|he|she|we)\b[^,;]{0,90}?"
    + _MODAL + r"|(?:would|should|will|must|felt|agreed|requested|confirmed|asked (?:that|for|\w+ to))\b)"
    r"|,\s+(?=the\b[^,;]{0,60}?\b(?:would|should|will|must)\b)"
    r"|,\s+and\s+(?=that\s+(?:the|a|an|this|these|its|their)\b)"
    r"|,\s+and\s+(?=the\s+(?:board|committee|cabinet|council|partnership|executive|group)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:asked|agreed|requested|decided|approved)\b)"
    r"|,\s+and\s+(?=(?:a|an|the|[A-Z][\w'’-]*)\s+(?:[\w'’-]+\s+){0,11}?(?:will|shall)\s)"
    r"|\s+and\s+(?=(?:[\w'-]+\s+){1,5}?(?:would|should|will|must)\b)",
    re.IGNORECASE,
)
# The clause before a split must state something itself (not "To address a point raised, …").
_LEFT_CLAUSE = re.compile(
    _MODAL + r"|\b(?:welcomed|noted|expressed|raised|emphasi[sz]ed|highlighted|intended|identified|recommended|proposed|"
    r"asked|suggested)\b", re.IGNORECASE
)
_CLAUSE_ATTACHES = re.compile(r"^(?:and |but )?(?:it was |was )?(?:agreed|confirmed|noted) that (?:this|it|these)\b", re.I)
_RELATIVE = re.compile(r"^(?:which|who|whose|where|whom)\b", re.IGNORECASE)
_DECISION_LEAD = re.compile(r"\b(?:defer\w*|postpon\w*|reject\w*|declin\w*|not to\b)", re.IGNORECASE)


@dataclass
class Span:
    start: int
    end: int
    label: str = ""
    section: str = ""
    context: str = ""


# Report sections whose paragraphs describe rather than propose: their paragraphs are not items.
_BACKGROUND = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})?\.?\s+|(?:annex|appendix) [a-z0-9]{1,3}\s*[-–:.]?\s+)?(?:purpose(?: of (?:the|this) (?:report|paper))?|background(?: information)?|introduction|"
    # an audit's or a review's own terms: what it looked at, whom it asked, how it rates
    r"scope(?: and (?:objectives|approach|methodology))?|(?:audit )?objectives|methodology|(?:people|organisations|those|who) we (?:spoke|talked) to|"
    r"interviewees|acknowledge?ments|assurance (?:levels?|ratings?|definitions?)(?: and (?:priorities|priority ratings))?|priority ratings|glossary|"
    r"contact(?: officers?| details)?|background (?:papers|documents)|appendices|interests(?: and nature of interests)? declared|"
    r"dispensations(?: granted)?|declarations? of interests?|apologies(?: for absence)?|"
    # a consultation's notices: how to take part, what happens to the answers, the equality statement
    r"data protection(?: (?:notice|statement))?|privacy(?: notice| statement)?|your (?:personal )?(?:information|data)|"
    r"how (?:to|you can|can I) (?:respond|reply|have your say|take part|get involved)|equality (?:statement|analysis|impact(?: assessment)?)|"
    r"about you)\s*:?$",
    re.IGNORECASE,
)


@dataclass
class _State:
    """What the segmenter knows at a paragraph: its section, number and lead-in."""

    section: str = ""
    heading: str = ""
    number: str = ""
    lead_in: str = ""
    in_minutes_blurb: bool = False
    from_lead_in: bool = False  # the section was opened by a lead-in sentence and ends with its list
    background: bool | str = False  # under a "Purpose of the report" / "Background" title ("purpose": not yet known)
    last_part: str = ""  # the label of the last part of the open list ("(6)")
    action_log: int = 0  # in the rows of a table with an action column and an owner or due column (2: rows open with "|")
    table: tuple[str, str] | None = None  # in the rows of a table with an outcome column: (section, the column's name)
    skip_rows: bool = False  # in the rows of a table that only summarises what the text sets out in full
    response: tuple[int, str] | None = None  # in a "You said | We did" table: the response column's place in a row's "|" split, and name
    audit: tuple[int, int] | None = None  # in an action plan's "Recommendation | … | Management response" table: the two columns' places
    title: str = ""  # the last title line
    charter: bool = False  # in the clauses of a draft's terms of reference (constitution, partnership agreement)
    chapter: str = ""  # the number of the numbered heading that opened the section ("5. Proposed changes")
    # the list a stray line interrupted (a page header between "(6)" and "(7)"): its state and where it stopped
    interrupted: tuple | None = None


# ----------------------------------------------------------------------------- text units


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str):
    """(start, end) of each non-empty line, trimmed."""
    pos = 0
    for line in text.split("\n"):
        s, e = _trim(text, pos, pos + len(line))
        if e > s:
            yield s, e
        pos += len(line) + 1


def _is_heading(line: str) -> bool:
    return bool(_SECTION.match(line) or _RECOMMENDATION.fullmatch(line.strip()))


def _is_title(body: str) -> bool:
    """A heading or title line: one short line with no closing punctuation ("3. Background")."""
    if _ITEM_TITLE.match(body) and "\n" not in body and len(body.split()) <= 25 and not body.endswith("."):
        return True  # "Item 4 - Partnership governance review (report of the Head of Community Safety)"
    letters = [c for c in body if c.isalpha()]
    if "\n" not in body and len(letters) > 3 and all(c.isupper() for c in letters) and len(body.split()) <= 30:
        return True  # "46. REGIONAL PARTNERSHIP ARRANGEMENTS - OPTIONS FOR CLOSER WORKING WITH …"
    if "\n" in body or len(body.split()) > 20 or re.search(r"[.!?:;,\"')\-–—]$", body) or _BULLET.match(body):
        return False
    if body[:1].islower():
        return False  # "the four": a line's fragment (a scan's stray words), not a title
    if _TABLE_ROW.match(body):
        return False
    head = _INLINE_HEAD.match(body)
    if head and ":" in head.group(0):
        return False  # "Action / Lead: LM to update the structure chart": a labelled record, however short
    numbered = re.match(r"\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Z])", body)
    return not _ENUM.match(body) or bool(numbered and len(body.split()) <= 9)


def _page_break(text: str, prev_end: int, start: int) -> bool:
    """A blank line inside a sentence: no closing punctuation before, lower case after."""
    before = text[prev_end - 1] if prev_end > 0 else "."
    return before not in ".:;!?\"')" and text[start].islower()


#: A title line in capitals ("PCSP 19/046 TASK AND FINISH GROUP - SEASONAL ANTI-SOCIAL BEHAVIOUR"): a
#: paragraph of its own even where the layout left no blank line around it, as a PDF's often does.
_CAPS_TITLE = re.compile(r"^(?=(?:[^a-z]*?\b[A-Z]{2,}){2})[^a-z|]{6,140}(?<![:–—-])\s*$")
#: A slide's or a section's title that numbers a proposal and names it, no sentence: its points are its parts.
_PROPOSAL_TITLE = re.compile(r"^proposal\s+(?P<n>\d{1,2}[a-z]?|[A-Z])(?:\s*[-–—:.]\s+[^.!?]{2,80}|\s*[:.]?)$", re.I)
#: A table's or figure's caption ("Table 1: Summary of options"): a line of its own.
_CAPTION_LINE = re.compile(r"^(?:table|figure|chart) \d{1,2}[a-z]?\s*[:.–—-]\s+\S[^.|]{0,80}$", re.I)
#: A table cell that holds a figure, or nothing: "24", "45%", "£21,450", "n/a", "–".
_FIGURE_CELL = re.compile(r"(?:[-–£$€]?\s?\d[\d,.]*\s?(?:%|k|m|bn)?|n/?a|-|–)?", re.I)


def _data_row(body: str) -> bool:
    """A row of figures (a survey's counts, a budget): its first cell names the row and the others are
    numbers or empty; no item."""
    cells = [cell.strip() for cell in body.strip().removeprefix("|").removesuffix("|").split("|")]
    return len(cells) >= 2 and bool(cells[0]) and all(_FIGURE_CELL.fullmatch(cell) for cell in cells[1:])


#: A line that opens a minute's decision ("Proposed by …, Seconded by … and AGREED", "It was AGREED that",
#: "Members NOTED"): after a line that ends a sentence it starts a paragraph, blank line or not.
_OPENER = re.compile(r"^(?:(?i:(?:proposed|moved) by)\b|(?i:it was (?:further |also )?)(?:AGREED|RESOLVED|RECOMMENDED|NOTED|DECIDED)\b|"
                     r"(?i:members (?:also |further )?)(?:NOTED|AGREED)\b|(?:RESOLVED|AGREED|DECIDED|RECOMMENDED)\b)")


def _paragraphs(text: str):
    """Group lines into paragraphs: lists of (start, end) line spans."""
    para: list[tuple[int, int]] = []
    prev_end = -1
    for s, e in _lines(text):
        line = text[s:e]
        if _RULE.match(line):  # an underline or a table rule ends the paragraph and is no part of any
            if para:
                yield para
                para = []
            prev_end = e
            continue
        blank_between = prev_end >= 0 and "\n\n" in text[prev_end:s] and not _page_break(text, prev_end, s)
        previous = text[para[-1][0] : para[-1][1]] if para else ""
        own_start = bool(_BULLET.match(line) or _ENUM.match(line) or _is_heading(line) or _TABLE_ROW.match(line)
                         or _LABEL_LINE.match(line) or _ITEM_TITLE.match(line) or _CAPS_TITLE.match(line) or _CAPTION_LINE.match(line)
                         or (_OPENER.match(line) and previous.rstrip().endswith((".", ":"))))
        if para and (blank_between or own_start or _is_heading(previous) or _TABLE_ROW.match(previous)
                     or _ITEM_TITLE.match(previous) or _CAPS_TITLE.match(previous) or _CAPTION_LINE.match(previous)):
            yield para
            para = []
        para.append((s, e))
        prev_end = e
    if para:
        yield para


_NUMBER_ONLY = re.compile(r"\(?\d{1,3}(?:\.\d{1,3})*[.)]|[A-Z]{1,3}\d{1,2}[a-z]?[.)]")  # "10.", "3.2.", "D9."


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``; abbreviations such as "Cllr." do not end one."""
    spans, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        head = text[pos : m.start() + 1]
        if _ABBREVIATION.search(head.rstrip("\"')]")) or _NUMBER_ONLY.fullmatch(head.strip()):
            continue  # "Cllr. Jones", or the "10." that numbers a paragraph
        spans.append(_trim(text, pos, m.start() + len(m.group(0).rstrip())))
        pos = m.end()
    if pos < end:
        spans.append(_trim(text, pos, end))
    return [(s, e) for s, e in spans if e > s]


def _clauses(text: str, start: int, end: int) -> tuple[str, list[tuple[int, int]]]:
    """Split one sentence where a new clause states something of its own.

    Returns the lead-in ("Three key principles had been identified;") when the sentence
    opens with one, and the clause spans after it.
    """
    bounds: list[tuple[int, int]] = []  # (end of previous clause, start of next)
    for m in _CLAUSE.finditer(text, start, end):
        rest = text[m.end() : end]
        previous_start = bounds[-1][1] if bounds else start
        if _RELATIVE.match(rest) or _CLAUSE_ATTACHES.match(rest):
            continue
        if m.start() - previous_start < 25 or end - m.end() < 25:
            continue
        left = text[previous_start : m.start()]
        if ";" not in m.group(0) and (not _LEFT_CLAUSE.search(left) or re.match(r"(?:in order )?to\b", left, re.I)):
            continue
        if "," not in m.group(0) and ";" not in m.group(0) and not bounds:
            continue  # a bare "and" splits only the last of a list of clauses ("…; that A, B and C")
        bounds.append((m.start(), m.end()))
    starts = [start, *(b for _, b in bounds)]
    ends = [*(a for a, _ in bounds), end]
    clauses = [_trim(text, a, b) for a, b in zip(starts, ends)]
    lead = ""
    if len(clauses) > 1 and text[clauses[0][1] : clauses[1][0]].lstrip().startswith(";") and not re.search(
        _MODAL, text[clauses[0][0] : clauses[0][1]], re.IGNORECASE
    ):
        lead = text[clauses[0][0] : clauses[0][1]]
        clauses = clauses[1:]
    return lead, clauses


# ----------------------------------------------------------------------------- labels


def _option_label(option: re.Match) -> str:
    """"Option A" / "Option 2b", whatever the case the document wrote it in."""
    return "Option " + option.group("label").split()[1]


def _enum_label(body: str) -> str:
    m = _ENUM.match(body)
    if not m:
        return ""
    if m.group("paren"):
        return f"({m.group('paren')})"
    if m.group("num"):
        return m.group("num")
    if m.group("ref"):
        return m.group("ref")
    return f"({m.group('dot')})"


_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


def _follows(label: str, previous: str) -> bool:
    """Whether list label ``label`` is the one after ``previous``: (7) after (6), (g) after (f),
    (vii) after (vi), 3.4 after 3.3."""
    a, b = label.strip("()").lower(), previous.strip("()").lower()  # (d) after (C): a scan read a letter large
    if a.isdigit() and b.isdigit():
        return int(a) == int(b) + 1
    refs = re.fullmatch(r"([a-z]{1,3})(\d{1,2})", a), re.fullmatch(r"([a-z]{1,3})(\d{1,2})", b)
    if refs[0] and refs[1]:  # D3 after D2
        return refs[0].group(1) == refs[1].group(1) and int(refs[0].group(2)) == int(refs[1].group(2)) + 1
    if a in _ROMAN and b in _ROMAN and _ROMAN.index(a) == _ROMAN.index(b) + 1:
        return True
    if len(a) == len(b) == 1 and a.isalpha() and b.isalpha():
        return ord(a) == ord(b) + 1
    head_a, _, tail_a = a.rpartition(".")
    head_b, _, tail_b = b.rpartition(".")
    return bool(head_a) and head_a == head_b and tail_a.isdigit() and tail_b.isdigit() and int(tail_a) == int(tail_b) + 1


# How a vote's result is written at the end of the context of a motion's parts, and read back by coding.
_VOTE_NOTE = re.compile(r"(?:^| )— the (?P<what>motion|amendment) was (?P<result>CARRIED|LOST|DEFEATED|FELL|NOT CARRIED|WITHDRAWN)$")


def vote_on(context: str) -> tuple[str, str] | None:
    """("motion" or "amendment", "CARRIED" / "LOST" / …) from a context :func:`_record_vote` wrote, or None."""
    m = _VOTE_NOTE.search(context)
    return (m.group("what"), m.group("result")) if m else None


#: An amendment moved in a narrative minute, its vote recorded in a paragraph after it.
_PROPOSED_AMENDMENT = re.compile(r"\b(?:proposed|moved)(?: as)? (?:an|the following) amendment\b", re.I)


def _record_vote(text: str, body: str, spans: list[Span]) -> None:
    """Add a vote's result to the context of the motion's (or amendment's) parts that await it, so
    coding can tell a carried motion from a lost amendment: "… resolves to: — the motion was CARRIED"."""
    vote = VOTE_RESULT.search(body)
    if not vote:
        return
    what, result = vote.group("what").lower().replace("proposal", "motion"), vote.group("result").upper()
    voted = False
    for span in spans[:-16:-1]:  # the motion's parts come shortly before its vote, after some debate
        if not MOTION_LEAD.search(span.context) or vote_on(span.context):
            continue  # not a part of a motion, or already voted on
        voted = True
        if ("amend" in span.context.lower()) == (what == "amendment"):
            span.context += f" — the {what} was {result}"
        elif what == "motion" and result == "CARRIED":
            span.context += " — the amendment was LOST"  # the motion carried against it: the amendment fell
    if not voted and what == "amendment":  # "Councillor X then proposed an amendment, … that …" / "The amendment FELL."
        for span in spans[:-4:-1]:
            if span.section in {"", "prose"} and not vote_on(span.context) and _PROPOSED_AMENDMENT.search(text[span.start : span.end]):
                span.context += f" — the amendment was {result}"
                break


def _interrupt(state: _State, index: int) -> None:
    """Remember the open list before a stray paragraph closes it, so a part that continues its
    numbering straight after can reopen it."""
    if state.last_part and (state.section in _ITEM_SECTIONS or state.lead_in):
        state.interrupted = (index, state.section, state.heading, state.lead_in, state.from_lead_in, state.last_part)


_FURNITURE_LINE = re.compile(r"\bpage \d|\bagenda item\b|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{4}\b| \| ", re.I)


def _running(body: str, lines: Counter) -> bool:
    """A title line that may be page furniture rather than a new section (so a numbered list it
    interrupts may go on after it): it is repeated in the document (``lines`` counts each line), or
    reads like a running header (a page number, "Agenda Item 7", a full date, cells split by "|").
    "Financial implications" between paragraphs 25 and 26 is a new section."""
    return lines[body.strip()] > 1 or bool(_FURNITURE_LINE.search(body))


# What a "Purpose" section's first paragraph says when it is the purpose of the paper, not of a body.
_ABOUT_PAPER = re.compile(r"\b(?:this|the) (?:report|paper|briefing|note|document|item|session)\b|\bpurpose of this\b|"
                          r"^\W*(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?to (?:inform|update|seek|ask|present|provide|set out|consider|outline)\b", re.I)


#: A title over a meeting's discussion ("Discussion points:", "Questions from members"): not a part of the
#: section above it (the options the meeting discussed), whatever its number.
_DISCUSSION = re.compile(r"(?:main |key )?(?:discussion|debate|questions?|comments?|points raised|issues raised|"
                         r"members'? (?:comments|questions|discussion))\b", re.I)


#: An agenda's page reference, one for each item: "(Pages 65 - 92)".
_AGENDA_PAGES = re.compile(r"\(pages? \d+\s*(?:[-–]|to)\s*\d+\)", re.I)
#: The same ending an item's title, or on a line of its own.
_PAGES_REF = re.compile(_AGENDA_PAGES.pattern + r"\s*$", re.I)


def _title(body: str, state: _State, index: int | None) -> None:
    """A title line ends the section and any list (one it interrupts may go on if ``index`` is given:
    a running header) and says whether what follows is background. An agenda item's title under a
    heading that gathers several items ("DECISIONS", "Actions agreed") ends only the list."""
    if index is not None:
        _interrupt(state, index)
    gathered = _ITEM_TITLE.match(body) and re.search(r"(?:decisions|actions)\b", state.heading, re.I)
    # "Thematic partnerships" under "5. Proposed changes", before "6. Options": a part of the section
    subheading = (bool(state.chapter) and state.section in _ITEM_SECTIONS and not re.match(r"\d", body.strip())
                  and not body.isupper() and len(body.split()) <= 8
                  and not re.match(r"(?:table|figure|chart|map|appendix|annex)\s+\w+", body.strip(), re.I)
                  and not _DISCUSSION.match(body.strip()))
    # "2. Tackle violence against women and girls" under "Our priorities for 2025/26": one of them
    priority = state.section == "priority" and bool(re.match(r"\d{1,2}[.)]?\s", body.strip()))
    if not (gathered or subheading or priority):
        state.section, state.heading, state.chapter = "", "", ""
    state.lead_in, state.last_part = "", ""
    background = _BACKGROUND.match(body.strip())
    bare_purpose = background and re.fullmatch(r"(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?purpose\s*:?", body.strip(), re.I)
    state.background = "purpose" if bare_purpose else bool(background)
    state.title = body


def _section_label(state: _State) -> str:
    """'Proposal 3' under Recommendation 3's Proposal heading; else the heading word."""
    if state.section in {"proposal", "implication"} and state.number:
        return f"{state.heading} {state.number}"
    if state.section == "resolved":
        return state.heading
    return ""


# ----------------------------------------------------------------------------- segmenting


#: A cover sheet's or a form's field that holds items ("Recommendation(s): | The Board is asked to: …",
#: "Full text and detail of direction: | 1. NHS Fife is directed to …"): its value is read for them.
_ITEM_FIELD = re.compile(
    r"^(?P<key>[^|\n:]{0,40}?\b(?:recommendations?|recommendation\(s\)|decisions? (?:required|sought|requested)|"
    r"resolutions?|(?:text|detail) of (?:the )?direction)\b[^|\n:]{0,20}):\s*\|\s*(?P<value>\S[^|\n]*)$", re.I)
#: A row of a table of fields, two cells: "Date: | 27 November 2020".
_FIELD_ROW = re.compile(r"^[^|\n]{1,120}\|[^|\n]*$")
#: The title of a document of clauses that says how a body works: "Safer Vale Partnership – Terms of Reference".
_CHARTER_TITLE = re.compile(r"^(?:[\w'’&,.\- ]{0,80}[:\-–—]\s*)?(?:(?:draft|revised|proposed|new)\s+)*(?:terms of reference|"
                            r"constitution|partnership agreement|memorandum of understanding)\b(?:\s*\([^)]{0,40}\))?$", re.I)
#: A document that is a draft for approval says so near its top; the first this many characters are looked at.
_DRAFT = re.compile(r"\bdraft\b|\brevised\b|\btracked changes\b|\bfor approval\b|\bfor consultation\b", re.I)
DRAFT_SPAN = 4000
#: The title of a table whose rows are not items: a summary of what the document sets out in full, a
#: page's or a document's own history ("Change history": version, date, author, what changed).
_UNCODED_TABLE = re.compile(r"\bsummary\b|\b(?:change|version|revision|document|amendment|page)s? (?:history|log|control)\b", re.I)
#: A short field on a line of its own, "Meeting: Cabinet" (not a head word's: "Decision: …", "Action: …"), its value a few words.
_METADATA_LINE = re.compile(
    r"^(?!(?:resolved|decided|decisions?|actions?|agreed|recommendations?|resolutions?|proposals?|outcomes?)\s*:)"
    r"[A-Z][\w ()'’/&.-]{0,40}:[ \t]+(?:\S+[ \t]+){0,11}\S+$", re.IGNORECASE)
#: Where a field's value splits into parts: "1. …", "(a) …", "b) …" after a full stop, a semicolon or a colon.
_INLINE_PART = re.compile(r"(?:^|(?<=[.;:]\s))(?:\d{1,2}[.)]|\([a-z0-9]{1,4}\)|[a-z]\))\s+")


def _field_items(text: str, start: int, end: int, key: str) -> list[Span]:
    """The items in a field's value: its numbered parts, else its parts between semicolons, after a
    lead-in ("The Board is asked to:"), in a recommendation section when the field names recommendations."""
    lead = re.match(r"[^:;|]{3,120}:\s+", text[start:end])
    base = start + (lead.end() if lead else 0)
    context = text[start:base].strip() or key
    section = "recommendation" if re.search(r"recommend", key, re.I) else "list"
    parts = _lettered_parts(text, base, end)
    if not parts[0][2]:  # no numbered parts: the parts between semicolons
        cuts = [base] + [base + m.end() for m in re.finditer(r";\s+(?:and\s+)?", text[base:end])]
        parts = [(*_trim(text, a, b), "") for a, b in zip(cuts, cuts[1:] + [end])]
    spans = []
    for s, e, label in parts:
        while e > s and text[e - 1] in ";, ":
            e -= 1
        if e - s >= 15:
            spans.append(Span(s, e, label, section, context))
    return spans


#: Numbers as a chair says them when reading out recommendations or a motion's parts.
_SPOKEN_NUMBERS = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)} | \
    {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}
#: A part read out in a meeting: "Recommendation one, that Cabinet approves …", "Two, that the joint committee
#: …", "And seven, the one we have just added, that a report …", "Thirdly, that …".
_SPOKEN_PART = re.compile(
    r"^(?:[\w'’ .-]{2,40}:\s+)?(?:and |then |finally,? )?(?:(?:recommendation|resolution|proposal|part|paragraph|point) )?"
    rf"(?P<n>{'|'.join(_SPOKEN_NUMBERS)}|\d{{1,2}})(?:ly)?\s*[,:.–-]\s+(?:[^,.;]{{2,60}},\s+)?that\b"
    # … "that" opening what is put, not a pronoun: "One, that is not what I said"
    r"(?!\s*(?:is|was|would|will|'s|’s|isn't|wasn't|does|did|has|had|can|could|should|might|must)\b)", re.IGNORECASE)
#: A chair announcing that what was read out is agreed: "those recommendations are agreed", "that's carried".
_ANNOUNCED = re.compile(r"\b(?:(?:is|are|were|was|been) (?:agreed|carried|approved|adopted)|that(?:'s| is) (?:carried|agreed)|"
                        r"carried unanimously|unanimously (?:agreed|carried))\b", re.IGNORECASE)


def _spoken_parts(text: str, sentences: list[tuple[int, int]]) -> dict[int, str]:
    """The sentences that read out the numbered parts of what is put to a meeting (two or more, in
    order from one), by index, with their label ("Recommendation 3")."""
    parts = {}
    for i, (s, e) in enumerate(sentences):
        m = _SPOKEN_PART.match(text[s:e])
        if m:
            n = m.group("n").lower().removesuffix("ly")
            number = int(n) if n.isdigit() else _SPOKEN_NUMBERS.get(n, 0)
            if number == len(parts) + 1:
                parts[i] = f"Recommendation {number}"
    return parts if len(parts) >= 2 else {}


#: A speaker's name opening a turn of a transcript or captions: "Gráinne Mallon: …", "Cllr Shah: …".
_SPEAKER = re.compile(r"^(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss)\.? )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}:\s+")
#: What a speaker says in fewer words than this is assent or an aside ("Agreed.", "Will do."), not an item.
SAID_MIN_WORDS = 4


def _prose_items(text: str, start: int, end: int, state: _State, section: str = "") -> list[Span]:
    """The sentences (or clauses) of a narrative paragraph that record something, in ``section``
    (by default the open one, or "prose"). Parts a chair reads out ("Recommendation one, that …. Two,
    that …") are items each, resolved when the paragraph goes on to say they are agreed."""
    spans: list[Span] = []
    section = section or state.section or "prose"
    sentences = _sentences(text, start, end)
    spoken = _spoken_parts(text, sentences)
    agreed = bool(spoken) and bool(_ANNOUNCED.search(text, sentences[max(spoken)][1], end))  # "… those recommendations are agreed"
    for index, (s, e) in enumerate(sentences):
        sentence = text[s:e]
        if index in spoken:
            spans.append(Span(s, e, spoken[index], "resolved" if agreed else "recommendation"))
            continue
        if spans and spans[-1].end >= s - 3 and _CONTINUES.match(sentence):
            spans[-1].end = e
            continue
        option = _OPTION.match(sentence)
        if option and len(sentence) >= 20:  # "Option A was to continue with the current arrangements."
            spans.append(Span(s, e, _option_label(option), "option", state.lead_in))
            continue
        flat = " ".join(sentence.split())  # a hard-wrapped line may break a cue ("was stood\ndown")
        if len(sentence) < 20 or not _PROSE_CUES.search(flat) or _NARRATIVE.search(flat):
            continue
        if len(_SPEAKER.sub("", flat).split()) < SAID_MIN_WORDS:
            continue  # a speaker's "Agreed." or "Will do." in a transcript: assent to what was put, not an item
        lead, clauses = _clauses(text, s, e)
        # a later clause hangs from the first one ("X recommended that A, and that B"): that is its context
        spans.extend(Span(cs, ce, "", section, lead or state.lead_in or (text[clauses[0][0] : clauses[0][1]] if i else ""))
                     for i, (cs, ce) in enumerate(clauses))
    return spans


def _section_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph of an item section into items: a sentence that opens a new
    proposal starts a group; background before it joins it; cross-references go."""
    groups: list[list[int]] = []
    for s, e in _sentences(text, start, end):
        sentence = text[s:e]
        if groups and _FRESH.search(sentence):
            previous = text[groups[-1][0] : groups[-1][1]]
            if _CROSS_REFERENCE.match(previous):
                groups[-1] = [s, e]
            elif not _SUBSTANTIVE.search(previous):
                groups[-1][1] = e
            else:
                groups.append([s, e])
        elif groups:
            groups[-1][1] = e
        else:
            groups.append([s, e])
    return [(s, e) for s, e in groups if not _CROSS_REFERENCE.match(text[s:e])]


def _decided_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A part of what a body decided, split where a sentence records something of its own ("They
    will be formally combined …"); background ("The old groups met monthly.") stays with the
    sentence before it and a cross-reference goes."""
    groups: list[list[int]] = []
    for s, e in _sentences(text, start, end):
        sentence = " ".join(text[s:e].split())
        if _CROSS_REFERENCE.match(sentence):
            continue
        if groups and not _PROSE_CUES.search(sentence):
            groups[-1][1] = e
        else:
            groups.append([s, e])
    return [(s, e) for s, e in groups]


def _lead_in_items(text: str, start: int, end: int, state: _State, label: str) -> list[Span]:
    """A paragraph ending in ':' introduces what follows. Sentences before it, or a
    decision in it ("To defer … but to note the following:"), are items too."""
    sentences = _sentences(text, start, end)
    last_start = sentences[-1][0]
    spans = []
    if last_start > start and state.section in _ITEM_SECTIONS:
        for s, e in _section_groups(text, start, sentences[-2][1]):
            spans.append(Span(s, e, label, state.section, state.lead_in))
    elif last_start > start:  # narrative before "The main changes are:" still records things
        spans.extend(_prose_items(text, start, sentences[-2][1], state))
    lead = text[last_start:end]
    if state.section in _ITEM_SECTIONS and _DECISION_LEAD.search(lead):
        cut = re.search(r"\s*(?:,?\s*(?:but|and)\s+to note\b|:)", lead)
        stop = last_start + cut.start() if cut and cut.start() > 20 else end
        spans.append(Span(*_trim(text, last_start, stop), label, state.section, state.lead_in))
    state.lead_in = lead
    return spans


#: Words that say the options listed are not taken up: "rejected", "discounted", "not proposing", "not recommended".
_OPTIONS_REJECTED = re.compile(r"\b(?:reject|discount|not (?:propos|recommend|pursu|tak|favour|support))\w*", re.I)


def _heading(body: str, state: _State) -> None:
    state.from_lead_in = state.background = False
    head = _SECTION.match(body).group("head").lower().replace("(s)", "")
    words = [w if w == "minutes" else w.rstrip("s") for w in head.split()]
    word = next((w for w in words if w in _SECTION_NAMES or w == "minutes"), words[0])
    if word == "minutes":
        state.section, state.heading, state.in_minutes_blurb = "", "", False
    else:
        state.section = _SECTION_NAMES.get(word, "")
        if re.search(r"\b(?:sought|required|requested)$", head):
            state.section = "recommendation"  # "Decisions sought": what the meeting is asked to decide
        if re.match(r"what (?:would|will) (?:change|happen) for\b|what would (?:change|happen)$", head):
            state.section = "implication"  # "What would change for you" under a proposal: its consequences
        if re.fullmatch(r"(?:keep|stop|start|continue|change)(?: doing)?", head):
            state.section = "proposal"  # what an away-day would keep, change or stop
        if re.match(r"what\b.*\b(?:decided|agreed)$", head):
            state.section = "decision"  # "What we decided": told to readers, not a meeting's formal resolution
        state.heading = re.sub(r"[\s:\-–]+$", "", re.sub(r"^[\d.]+\s+", "", body)).strip()
        numbered = re.match(r"(\d{1,2})\.?\s", body.strip())
        state.chapter = numbered.group(1) if numbered and state.section else ""
        if state.section == "resolved":
            state.heading = state.heading.split()[0].upper()
        if state.section == "option" and _OPTIONS_REJECTED.search(head):
            state.heading = "Options considered and rejected"
    state.lead_in = ""


def segment(text: str) -> list[Span]:
    """Find the items of one document, following its structure."""
    spans: list[Span] = []
    state = _State(in_minutes_blurb=bool(re.search(r"^minutes:?\s*$", text, re.I | re.M)))
    paragraphs = list(_paragraphs(text))
    lines = Counter(line.strip() for line in text.split("\n"))
    for index, para in enumerate(paragraphs):
        start, end = para[0][0], para[-1][1]
        body = text[start:end]
        following = text[paragraphs[index + 1][0][0] : paragraphs[index + 1][-1][1]] if index + 1 < len(paragraphs) else ""
        if state.interrupted and _ENUM.match(body):
            at, section, heading, lead_in, from_lead_in, last = state.interrupted
            if index - at <= 2 and _follows(_enum_label(body), last):  # "(7)" after a page header that followed "(6)"
                state.section, state.heading, state.lead_in, state.from_lead_in = section, heading, lead_in, from_lead_in
            state.interrupted = None
        if _TABLE_ROW.match(body) and "\n" not in body:
            cells = [c.strip() for c in body.strip().split("|")]
            if any(_ACTION_COLUMN.match(c) for c in cells) and any(_OWNER_COLUMN.match(c) for c in cells):
                state.action_log = 2 if body.lstrip().startswith("|") else 1  # "Ref | Action | Owner | Due": each row below is an action
                continue
            if state.action_log:
                cells = cells[1:] if state.action_log == 2 else cells  # "| AP5 | … |": the first split is before the row
                if not cells[0] and spans and spans[-1].section == "action" and spans[-1].label != "Action":
                    spans[-1].end = end  # "| the Purple Flag file | | |": the row above, wrapped
                else:
                    spans.append(Span(start, end, cells[0] if _ROW_REF.match(cells[0]) else "", "action", ""))
                continue
            previous = text[paragraphs[index - 1][0][0] : paragraphs[index - 1][-1][1]] if index else ""
            caption = _TABLE_ROW.match(previous) and sum(bool(c.strip()) for c in previous.split("|")) <= 1  # "| Key dates | |"
            if (not _TABLE_ROW.match(previous) or caption) and _TABLE_ROW.match(following) and all(_HEADER_CELL.match(c) or (i == 0 and _NUMBER_HEADER.match(c)) for i, c in enumerate(cells)):
                state.audit = _audit_columns(cells)
                state.response = _response_column(cells) if state.audit is None else None
                state.table = None if state.response is not None or state.audit else _outcome_table(cells, state)  # a header row is not an item
                state.skip_rows = bool(_UNCODED_TABLE.search(state.title)) and state.response is None
                continue
            if state.skip_rows or _data_row(body):  # "Table 1: Summary of options"; "I would attend | 24 | 5 | 2"
                continue
            if state.audit is not None:  # "R3 | finding | risk | recommendation | … | Agreed. The groups will …"
                spans.extend(_audit_row_items(text, _cell_spans(text, start, end), cells[0], state))
                continue
            if state.response is not None:  # "What you told us | What we did": what was done is recorded in its cell
                parts, (column, name) = _cell_spans(text, start, end), state.response
                if column < len(parts) and parts[column][1] > parts[column][0]:
                    spans.extend(_response_items(text, *parts[column], state, name))
                continue
            if state.table:  # "Climate Ready Powys | Bi-monthly | Joins with the Local Nature Partnership"
                ref = cells[0] if _ROW_REF.match(cells[0]) or re.fullmatch(r"[A-Z]", cells[0]) else ""
                named = re.match(r"option\s+(\d+[a-z]?|[A-Z])\b", cells[0], re.I)  # "Option 1 - Status quo"
                label = (f"Option {named.group(1) if named else ref}" if (named or ref) else "") if state.table[0] == "option" else ref
                typed = {c.lower() for c in cells} & {"action", "decision"}  # a log's "Type" column: "Decision" | "Action"
                section = "action" if typed == {"action"} and state.table[0] == "decision" else state.table[0]
                spans.append(Span(start, end, label, section, state.table[1]))
                continue
        state.action_log, state.table, state.response, state.audit, state.skip_rows = 0, None, None, None, False
        if _CAPTION_LINE.match(body) and "\n" not in body:
            state.title = body  # "Table 1: Summary of options": names the table below, the section goes on
            continue
        if _UNDERLINE.match(text, end) and "\n" not in body and len(body.split()) <= 20 and not _SECTION.match(body):
            _title(body, state, index if _running(body, lines) else None)  # "4. Funding 2025-26" over a line of dashes: a heading
            continue
        if _SECTION.match(body):
            _heading(body, state)
            continue
        if "\n" not in body and _PAGES_REF.search(body):  # "7. Pan-Cheshire CSP (Pages 65 - 92)": an agenda item's title
            if not _PAGES_REF.fullmatch(body.strip()):
                _title(body, state, None)
            continue
        numbered = _PROPOSAL_TITLE.match(body)
        if numbered and "\n" not in body and len(body.split()) <= 12:  # "Proposal 1 - Sustainable Economy theme group"
            state.section, state.heading, state.number, state.lead_in = "proposal", "Proposal", numbered.group("n"), ""
            state.background = state.from_lead_in = False
            continue
        fields = [(a, b, _ITEM_FIELD.match(text[a:b])) for a, b in para]
        if any(field for _, _, field in fields) and all(_FIELD_ROW.match(text[a:b]) for a, b, _ in fields):
            for a, b, field in fields:  # "Recommendation(s): | The Board is asked to: approve …; note …" on a paper's cover sheet
                if field:
                    spans.extend(_field_items(text, a + field.start("value"), b, field.group("key")))
            continue
        if len(para) >= 3 and all(_FIELD_ROW.match(text[a:b]) and len(text[a:b].split("|")[0].split()) <= 6 for a, b in para):
            continue  # a form's or a cover sheet's block of fields ("Decision reference | CMD/2025/014", "Wards affected | All")
        if len(para) >= 3 and all(_METADATA_LINE.match(text[a:b]) for a, b in para):
            continue  # a record's short fields, a line each ("Id: DEC-2024-1201", "Meeting: Cabinet", "Status: Decision made")
        _record_vote(text, body, spans)
        if state.in_minutes_blurb or _SKIP_LINES.match(body.strip()) or _FORMALITY.search(body):
            if _FORMALITY.search(body) and _is_title(body):
                _title(body, state, None)  # "23. MINUTES OF THE LAST MEETING": a new item, whatever came before
            continue
        if body[:1].islower() and "\n" not in body and len(body.split()) <= 3 and not re.search(r"[.;:]$", body):
            continue  # "the four", "ction": a fragment a scan or a broken layout left on a line of its own
        title = _is_title(body)
        if title and _NOT_A_HEADING.search(body) and (_BULLET.match(following) or _ENUM.match(following)) \
                and not _ENUM.match(body):
            state.lead_in = body  # "Next year we will" over a bulleted list: a lead-in written without its colon
            if body[:1].isupper() and state.section == "finding":
                state.section, state.heading = "", ""  # "Proposed principles for …" after "What we heard": a new part
            continue
        if title and state.section in _ITEM_SECTIONS and len(body.split()) >= 6 and _FINITE.search(body) \
                and not (_ENUM.match(body) or _ITEM_TITLE.match(body)):
            title = False  # "Each partner will be asked to name one lead" on a slide: a sentence without its full stop
        if title and spans and _ENUM.match(body) and len(body.split()) >= 5 and not text[spans[-1].end : start].strip() \
                and spans[-1].label and _follows(_enum_label(body), spans[-1].label.split()[-1]):
            title = False  # "3. Decisions taken at the most local level" right after part 2 of a list: part 3, not a heading
        if _BODY_LEAD.match(body.strip()) and state.heading.lower().startswith("decision"):
            state.section, state.heading, state.lead_in, state.from_lead_in = "resolved", "Decision", "", True  # "Decision / The Executive:"
            continue
        if title or (_COLON_HEADING.match(body) and not _NOT_A_HEADING.search(body) and not _SECTION.match(body)
                               and not _INLINE_HEAD.match(body)):
            if _COLON_HEADING.match(body) and state.section in {"finding", "implication", "principle", "proposal", "recommendation"} \
                    and _BULLET.match(following) and not _PAGE_LINKS.match(body):
                state.lead_in = body  # "What we found" / "Too many groups:" over its points: a part of the section
                continue
            option = _OPTION.match(_BULLET.sub("", body, count=1)) if title else None
            if option and not _running(body, lines):  # "Option A – Keep the current structure" over its slide or section: an option
                spans.append(Span(start, end, _option_label(option), "option", state.heading if state.section == "option" else ""))
            _title(body, state, index if title and not _COLON_HEADING.match(body) and _running(body, lines) else None)
            if title and _CHARTER_TITLE.match(body.strip()) and _DRAFT.search(text, 0, DRAFT_SPAN):
                state.charter = True  # "Partnership: Terms of Reference" in a draft: its numbered clauses are what it proposes
            continue
        if state.background == "purpose":  # "Purpose": the paper's (background), or the body's, as in terms of reference
            state.background = bool(_ABOUT_PAPER.search(body))
        if state.background and _FINDINGS_LEAD.search(body) and len(body) < 400:
            state.background = False  # "3.5 The main findings of the review were:" under Background: the review's findings
        if state.background and _LEAD_IN.search(body) and _RECOMMENDATION_LEAD.search(body) and len(body) < 400:
            state.background = False  # "2.2 The Board is asked to:" under "Purpose of this report": what it is asked to decide
        if state.background and _MINUTE_TITLE.match(body) and _FORMALITY_TITLE.match(state.title.strip()):
            _title(body, state, None)  # "46. Minutes of the previous meeting." after "Apologies": the next minute
            continue
        if state.background:
            continue
        rec = _RECOMMENDATION.match(body)
        if rec:
            label = re.sub(r"\s+", " ", rec.group("label")).strip().capitalize()
            state.number = re.search(r"\d+[a-z]?", label).group(0)
            state.section, state.heading, state.lead_in = "recommendation", "Recommendation", ""
            if end > start + rec.end():
                spans.append(Span(start, end, label, "recommendation"))
            continue
        bulleted = _BULLET_HEAD.match(body)
        inline = _INLINE_HEAD.match(body) or bulleted
        if inline and not (_LEAD_IN.search(body) and len(body) < 200) and len(re.findall(r"[A-Za-z]{3,}", body[inline.end():])) >= 2:
            word = inline.group("label").lower()
            section = _SECTION_NAMES.get(word.rstrip("d") if word == "decided" else word, "resolved")
            section = "resolved" if word in {"resolved", "decided", "agreed", "resolution"} else section
            if word == "agreed" and inline.group("label") != "AGREED" and _BULLET.match(body):
                section = "decision"  # "- Agreed: …" in a meeting's notes: a decision, not a formal resolution
            # the item keeps its head word ("RESOLVED – That …"), so a phrase quoted with or without it is inside
            head_label = inline.group("label").upper() if section == "resolved" else inline.group("label").capitalize()
            parts = _lettered_parts(text, start + inline.end(), end)
            if len(parts) >= 2 and parts[0][0] == _trim(text, start + inline.end(), end)[0]:
                # "RESOLVED – (1) That … (2) That …": a resolution's parts run on in one paragraph (a record's field)
                spans.extend(Span(s, e, part, section) for s, e, part in parts)
            else:
                spans.append(Span(start, end, head_label, section))
            if section == "resolved" and not bulleted:  # "AGREED: (i) that …" with (ii), (iii) … below it
                state.section, state.heading, state.lead_in, state.from_lead_in = "resolved", inline.group("label").upper(), "", True
            continue
        if inline:  # "RESOLVED to:" / "Decision:" with the parts below
            _heading(re.sub(r"\s+(?:to|that)\b.*$", "", inline.group("label"), flags=re.I), state) if _SECTION.match(inline.group("label")) else None
            state.lead_in = body
            continue
        option, enum = _OPTION.match(_BULLET.sub("", body, count=1)), _ENUM.match(body)  # "- Option A – Keep …" too
        label = _enum_label(body) or (_option_label(option) if option else "")
        is_part = bool(_BULLET.match(body) or enum or option)
        if option and not _LEAD_IN.search(body):  # an option, in a list or a table row, is an item wherever it is
            spans.append(Span(start, end, label, "option", state.heading if state.section == "option" else state.lead_in))
            continue
        if _LEAD_IN.search(body) and len(body) < 400:
            if state.section == "option" and _OPTIONS_REJECTED.search(body):
                state.heading = "Options considered and rejected"  # "… the following options but are not proposing them:"
            spans.extend(_lead_in_items(text, start, end, state, _section_label(state)))
            last = text[start:end].rsplit(". ", 1)[-1]
            if _RESOLUTION_LEAD.search(last):
                found = re.search(r"RESOLVED|DECIDED|AGREED|resolved|decided|agreed", last)
                word = found.group(0)
                # "the Cabinet Member decided:" is a decision, not a meeting's resolution
                formal = word.isupper() or word == "resolved" or bool(_COLLECTIVE.search(last[: found.start()]))
                formal = formal and not _REPORTED_LEAD.search(last[: found.start()])  # "The Cabinet had resolved:-": an earlier decision, told
                state.section, state.heading = ("resolved", word.upper()) if formal else ("decision", "Decision")
                state.from_lead_in, state.last_part = True, ""
            elif _RECOMMENDATION_LEAD.search(last) and state.section not in _ITEM_SECTIONS:
                state.section, state.heading = "recommendation", "Recommendation"
                state.from_lead_in = True
            elif _FINDINGS_LEAD.search(last) and state.section not in _ITEM_SECTIONS:
                state.section, state.heading = "finding", "Findings"  # "6.3 The main findings were:"
                state.from_lead_in = True
            elif state.from_lead_in and (state.section == "decision" or (state.section == "resolved" and state.last_part)) \
                    and not _ENUM.match(body):
                # "I would ask each partner to:" after the decided parts, "The reasons given in the call-in notice
                # were that:-" after the resolved ones: a new list
                state.section, state.from_lead_in = "", False
            continue
        numbered = enum and enum.group("num")
        if enum and state.last_part and not _follows(label, state.last_part) and _MINUTE_TITLE.match(body) \
                and not re.match(r"\d{1,3}\.\s+(?:that|to)\b", body, re.I):
            _title(body, state, None)  # "51. Better Care Fund Plan 2025/26." after minute 50's (a)–(k): the next minute
            continue
        if numbered and state.from_lead_in:
            state.section, state.from_lead_in = "", False  # "4.2 …" after "AGREED: (i) …": the next numbered paragraph, not a part
        lead_enum = _ENUM.match(state.lead_in) if numbered and state.lead_in else None
        if lead_enum and lead_enum.group("num"):
            state.lead_in = ""  # "4.3 …" after the bullets of "4.2 … replaced by four:": its sibling, not a part
        if _TABLE_ROW.match(body) and _STATUS_CELL.search(body):  # "Hate Crime Group | Merged | Joins the …"
            spans.append(Span(start, end, "", "table", ""))
            continue
        if numbered and state.charter and not state.lead_in and state.section not in _ITEM_SECTIONS and not _is_title(body):
            spans.append(Span(start, end, enum.group("num"), "proposal", ""))  # "4.3 A meeting is quorate when …"
            continue
        if is_part and (state.section in _ITEM_SECTIONS or state.lead_in):
            context = state.lead_in or (state.heading if state.section in _HEADED_SECTIONS else "")
            # "4.5 … The review recommends that A. It also recommends that B.": a numbered paragraph of a
            # report's section can hold several proposals, each an item under the paragraph's number
            groups = (_section_groups(text, start, end) if numbered and state.section in _ITEM_SECTIONS else
                      _decided_sentences(text, start, end) if state.section == "decision" else [(start, end)])
            for s, e in groups or [(start, end)]:
                spans.append(Span(s, e, label or _section_label(state), state.section or "list", context))
            state.last_part = label
            continue
        if (state.section == "resolved" and not re.match(r"^(?:that|to)\b", body, re.I)) or state.from_lead_in:
            _interrupt(state, index)
            state.section, state.from_lead_in, state.last_part = "", False, ""  # the resolution (or the list) is over; narrative again
        if state.section in {"reason", "case"}:  # the sentences a decision (or a case for change) rests on, one by one
            spans.extend(_prose_items(text, start, end, state))
            continue
        if state.section in _ITEM_SECTIONS:
            context = state.heading if state.section in _HEADED_SECTIONS else ""  # "Options considered and rejected"
            for s, e in _section_groups(text, start, end):
                spans.append(Span(s, e, label or _section_label(state), state.section, context))
            state.lead_in = ""
            continue
        state.lead_in = ""
        spans.extend(_prose_items(text, start, end, state))
    return [span for span in spans if not _QUESTION.match(text[span.start : span.end])]


# ----------------------------------------------------------------------------- tables


#: A consultation's "You said | We did" table: a column of what people said, and one of what was done about it.
_VOICE_COLUMN = re.compile(
    r"^(?:you (?:said|told us|asked)|what (?:you|people|residents|partners|respondents) (?:said|told us|asked)|what we heard|"
    r"(?:your |consultation |public )?(?:feedback|comments?|views?)|issues? raised|(?:the )?issue|concerns? raised|"
    r"(?:respondents|residents|people) said)\b", re.IGNORECASE)
_RESPONSE_COLUMN = re.compile(
    r"^(?:we (?:did|have|will|are)|what we(?:'ve| have| will| are)?\b.{0,30}\b(?:did|done|do|doing|changed?)|"
    r"(?:our|the council'?s?|the board'?s?|the partnership'?s?|cabinet|officer) response|response|action (?:taken|we took))\b",
    re.IGNORECASE)


def _response_column(cells: list[str]) -> tuple[int, str] | None:
    """For a table's header row: the place and name of its response column ("We did") when another
    column is what people said ("You said"), else None."""
    voice = [i for i, cell in enumerate(cells) if _VOICE_COLUMN.match(cell)]
    response = [i for i, cell in enumerate(cells) if _RESPONSE_COLUMN.match(cell) and i not in voice]
    return (response[0], cells[response[0]]) if voice and response else None


def _cells(text: str, start: int, end: int, separator: str = " | ") -> list[tuple[int, int]]:
    """The (start, end) of each cell of the table row ``text[start:end]``, as ``separator`` splits it."""
    cells, pos = [], start
    for cell in text[start:end].split(separator):
        cells.append((pos, pos + len(cell)))
        pos += len(cell) + len(separator)
    return cells


def _cell_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a table row, as ``body.split("|")`` splits it, trimmed."""
    return [_trim(text, a, b) for a, b in _cells(text, start, end, "|")]


#: A sentence of a "We did" cell that records a change made ("has been added", "can now call").
_CHANGE_MADE = re.compile(r"\b(?:has|have) (?:now |also )?been (?:\w+ed|set up|made|given|taken)\b|\bcan (?:now |also )?[a-z]+\b", re.I)


def _response_items(text: str, start: int, end: int, state: _State, label: str) -> list[Span]:
    """The items of a "We did" cell: its first sentence (the answer) and each later one that records
    something done, decided or turned down; a sentence that only explains stays with the one before."""
    found = [replace(span, label=label) for span in _prose_items(text, start, end, state, "response")]
    sentences = _sentences(text, start, end)
    spans = []
    for i, (s, e) in enumerate(sentences):
        within = [span for span in found if span.start < e and span.end > s]
        if within:
            spans.extend(span for span in within if span not in spans)
        elif (i == 0 or _CHANGE_MADE.search(text[s:e])) and not (i and _CONTINUES.match(text[s:e])):
            spans.append(Span(s, e, label, "response", ""))
    return spans


#: An action plan's columns (an audit report's, an inspection's): the recommendation made, and the
#: response of those audited, who say what they will do about it.
_AUDIT_RECOMMENDATION = re.compile(r"^(?:(?:audit|our|internal audit) )?recommendations?(?: made)?$", re.I)
_MANAGEMENT_RESPONSE = re.compile(
    r"^(?:management|manager'?s'?|service|officer'?s'?|partnership|board|council|auditee) (?:response|comments?|action)s?\b|"
    r"^agreed (?:management )?actions?\b|^management action plan$", re.I)
#: A response cell's verdict said alone ("Agreed.", "Partly agreed -"): it belongs with what follows.
_BARE_VERDICT = re.compile(r"^(?:(?:not|partly|partially|fully) )?(?:agreed|accepted|supported|rejected|declined)\W*$", re.I)


def _audit_columns(cells: list[str]) -> tuple[int, int] | None:
    """For a table's header row: the places of its recommendation column and of the management
    response column after it ("Ref | Finding | Risk | Recommendation | Priority | Management response
    | Responsible officer | Target date"), else None."""
    recommendation = next((i for i, c in enumerate(cells) if _AUDIT_RECOMMENDATION.match(c)), None)
    if recommendation is None:
        return None
    response = next((i for i, c in enumerate(cells) if i > recommendation and _MANAGEMENT_RESPONSE.match(c)), None)
    return (recommendation, response) if response is not None else None


def _audit_row_items(text: str, parts: list[tuple[int, int]], first_cell: str, state: _State) -> list[Span]:
    """An action plan's row: its recommendation (each lettered part of it), whose status the
    management response gives (the response cell is the items' context), then what management says
    it will do: the response's sentences, a bare "Agreed." read with the sentence after it and a
    sentence that only explains with the one before."""
    recommendation, response = state.audit
    if max(recommendation, response) >= len(parts):
        return []
    ref = first_cell if _ROW_REF.match(first_cell) else ""
    pieces = _lettered_parts(text, *parts[response], prefix=True)
    answers = {part: _INLINE_PART.sub("", text[a:b], count=1) for a, b, part in pieces}
    whole = text[slice(*parts[response])]  # a part's own answer ("(b) Not agreed - …") where the response has parts
    spans = [Span(s, e, f"{ref} {part}".strip() if part else ref, "recommendation", f"| {answers.get(part) or whole}")
             for s, e, part in _lettered_parts(text, *parts[recommendation])]
    groups: list[list[int]] = []
    for s, e in (sentence for a, b, _ in pieces for sentence in _sentences(text, a, b)):
        sentence = text[s:e]
        if groups and (_BARE_VERDICT.match(text[groups[-1][0] : groups[-1][1]])
                       or (_CONTINUES.match(sentence) and not _INLINE_PART.match(sentence))):
            groups[-1][1] = e
        else:
            groups.append([s, e])
    for s, e in groups:
        if not _BARE_VERDICT.match(text[s:e]):
            part = _INLINE_PART.match(text[s:e])
            spans.append(Span(s, e, f"{ref} {part.group(0).strip()}".strip() if part else ref, "response", ""))
    return spans


def _lettered_parts(text: str, start: int, end: int, prefix: bool = False) -> list[tuple[int, int, str]]:
    """The (start, end, "(a)") of each lettered part of a cell ("(a) The Board should … (b) Decisions
    …"), or the whole cell, unlabelled, when it has none; with ``prefix``, what comes before the first
    part too ("Partly agreed."), unlabelled."""
    marks = list(_INLINE_PART.finditer(text[start:end]))
    if len(marks) < 2:
        return [(start, end, "")]
    bounds = [start + m.start() for m in marks] + [end]
    parts = [(*_trim(text, a, b), m.group(0).strip()) for m, a, b in zip(marks, bounds, bounds[1:])]
    head = _trim(text, start, bounds[0])
    return [(*head, ""), *parts] if prefix and head[1] > head[0] else parts


def _outcome_table(cells: list[str], state: _State) -> tuple[str, str] | None:
    """For a table's header row: (section, context) when a column says what is proposed or decided for
    each row ("Current group | Meets | Proposed arrangement": the column's name is the context), or the
    rows are options ("Option | Description | Recommended?": the header is the context), so that every
    row is an item; None for other tables, and for a summary table that repeats what the document sets
    out in full."""
    if re.search(r"\bsummary\b", state.title, re.I):
        return None
    if re.match(r"(?:options?|alternatives?)\b", cells[0], re.I):  # "Option | Description | Recommended?": each row an option
        return "option", " | ".join(cells)
    if _PENDING_COLUMN.search(cells[0]):  # "Decision to be taken | Decision maker | Date …": each row a decision put forward
        return "proposal", cells[0]
    for cell in cells[1:]:  # the first column names the row
        if _PENDING_COLUMN.search(cell):
            return "proposal", cell
        found = _OUTCOME_COLUMN.search(cell)
        if found:
            return _COLUMN_SECTION.get(found.group("word").lower()[:6], "decision"), cell
    return None


# The title of an agenda item in minutes or a decisions record: "CP4 Falkirk Community Planning …",
# "EXE/24-25/071 - Health and …", "46. REGIONAL PARTNERSHIP ARRANGEMENTS", "Item 5: Car parking".
_AGENDA_TITLE = re.compile(r"^(?:(?:agenda )?(?:item|minute)\s+)?(?:\d{1,3}|[A-Z]{1,5}\s?\d{1,3}[a-z]?|[A-Z]{2,6}/[\w/-]+)"
                           r"(?:\.\d{1,2})?[.:)]?\s+[-–—]?\s*[A-Z]")
# Words that tie an agenda item to partnership working; an item whose text has none of them is council
# business of another kind (a car park's charges, a school's transport) and its decisions are not items.
_PARTNERSHIP_WORDS = re.compile(
    r"partnership|(?<!executive\s)(?<!management\s)\bboards?\b|\bforums?\b|\btrust\b|alliance|network|collaborat|\bjoint\b|community safety|\bsafer\b|"
    r"well-?being|safeguarding|community planning|public services|integrated care|integration|\b(?:icp|icb|ics|lsp|csp|hwb|psb|cpp|ijb|pcc)s?\b|"
    r"voluntary|third sector|localit|multi-agency|police|\bnhs\b|sub-?groups?|task and finish|terms of reference|thematic|"
    r"community (?:plan|council|group|justice)|commission(?:ing|er)|stakeholder|\bpartners?\b",
    re.IGNORECASE,
)


# A partnership body named in a record's heading ("Safer Northtown Partnership – Executive Group"), but not
# a council committee that oversees partnerships ("Communities and Partnerships Committee").
_PARTNERSHIP_BODY = re.compile(r"\b(?:partnership|(?<!executive\s)(?<!management\s)board|forum|trust|alliance|lsp|csp|hwb|psb|cpp|icp|ijb)s?\b"
                               r"(?!\s+(?:committee|sub-committee|scrutiny|panel|overview))", re.IGNORECASE)


def off_topic_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the agenda items of a record of meetings that never mention partnership
    working. Only a council's record with two or more agenda items, at least one of them about
    partnerships, has any; a partnership's own minutes have none."""
    starts = []
    for para in _paragraphs(text):
        start, end = para[0][0], para[-1][1]
        body = text[start:end]
        if "\n" not in body and _AGENDA_TITLE.match(body) and (_is_title(body) or _UNDERLINE.match(text, end) or _PAGES_REF.search(body)):
            starts.append(start)
        elif "\n" not in body and _FEED_DATE.match(text, end + 2):
            starts.append(start)  # a feed's entry: its title over "Published: 2025-03-27"
        elif "\n" not in body and _TABLE_ROW.match(body) and _AGENDA_TITLE.match(body.lstrip("| ")) and re.match(r"\|?\s*[A-Z]{2,6}/", body):
            starts.append(start)  # "| EXE/2025/019 - Household Support Fund … | Cabinet Member | …": a table of entries, each one its own
    # the title above the entries: a feed's or an export's first line (its description below may name
    # partnership boards among the bodies whose decisions it lists), a record's lines above its first item
    head = text.find("\n", 0, starts[0]) if len(_FEED_DATE.findall(text)) >= 2 else -1
    if len(starts) < 2 or _PARTNERSHIP_BODY.search(text, 0, head if head > 0 else starts[0]):
        return []  # a partnership's own minutes: all its business is partnership business
    blocks = list(zip(starts, starts[1:] + [len(text)]))
    on_topic = [bool(_PARTNERSHIP_WORDS.search(text, a, b)) for a, b in blocks]
    return [block for block, keep in zip(blocks, on_topic) if not keep] if any(on_topic) else []


#: Document types that record meetings on many subjects, where off-topic agenda items are dropped.
MEETING_RECORDS = {"minutes", "scrutiny"}
#: The date line under each entry of a feed as ingest writes it (a council's decisions feed is on every subject).
_FEED_DATE = re.compile(r"^Published: \d{4}-\d{2}-\d{2}$", re.M)


def many_subjects(doc_type: str, text: str) -> bool:
    """Whether a document gathers business on many subjects, so that its agenda items (or feed
    entries) that never mention partnership working are dropped: a record of meetings, a forward
    plan, a committee's agenda, a feed of decisions."""
    return (doc_type in MEETING_RECORDS or bool(_FORWARD_PLAN.search(text, 0, 3000))
            or len(_AGENDA_PAGES.findall(text)) >= 2 or len(_FEED_DATE.findall(text)) >= 2)
#: A council's list of decisions to come, on every subject: its entries off the topic are dropped as a record's are.
_FORWARD_PLAN = re.compile(r"\bforward plan\b|\bnotice of (?:forthcoming |key )?(?:executive )?decisions\b|\bkey decisions? (?:notice|list)\b", re.I)


# What marks the record of a meeting: a "Present:" / "Apologies" / "Sederunt" line, or a RESOLVED / DECIDED.
_MEETING_MARKS = re.compile(r"^(?:minutes:?|present:?|apologies(?: for absence)?:?|in attendance:?|sederunt:?)\s*$|\b(?:RESOLVED|DECIDED)\b",
                            re.IGNORECASE | re.MULTILINE)


def reading(doc_type: str, text: str) -> str:
    """How a document is read when coding: its type, except that a ``scrutiny`` document without the
    marks of a meeting's record is a report to the committee (its "would" proposes, it records nothing)."""
    if doc_type == "scrutiny" and not _MEETING_MARKS.search(text):
        return "report"
    return doc_type


# The other languages UK councils publish in beside English, each told by words common in it and rare in
# English: a document with fewer than OTHER_WORDS_MIN of them is not looked at by the language identifier
# (most documents, at no cost). Welsh (Welsh councils and Public Services Boards publish both languages);
# Scottish Gaelic and Irish (Comhairle nan Eilean Siar, some Northern Irish councils).
OTHER_LANGUAGES = (
    (re.compile(r"\b(?:yn|yr|wedi|gyda|sydd|mae|bydd|fydd|oedd|hefyd|rhwng|cyngor|bwrdd|drwy|ein|eich|gan|i'r|a'r)\b", re.I), ("en", "cy")),
    (re.compile(r"\b(?:agus|airson|bho|bhon|comhairle|chomhairle|tha|bha|bidh|chaidh|aig|chun|freisin)\b", re.I),
     ("en", "gd", "ga")),
)
OTHER_WORDS_MIN = 10
#: Shortest text (in words) whose language is judged; shorter ones (a name, a heading) are left as they are.
LANGUAGE_MIN_WORDS = 4
#: How sure the identifier must be that a text is not English before it is left out.
LANGUAGE_CONFIDENCE = 0.95


@lru_cache(maxsize=4)
def _language_identifier(languages: tuple[str, ...]):
    """py3langid's identifier, asked to choose between ``languages`` only."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


def _other_language(piece: str, languages: tuple[str, ...]) -> bool:
    if len(piece.split()) < LANGUAGE_MIN_WORDS:
        return False
    language, confidence = _language_identifier(languages).classify(piece)
    return language != "en" and confidence >= LANGUAGE_CONFIDENCE


def english_only(text: str) -> str:
    """``text`` with its Welsh (or Gaelic, or Irish) blanked out (every offset still points into ``text``).

    Welsh councils and Public Services Boards publish both languages, in alternating paragraphs or in
    a two-column table (Cymraeg | English). Items are read from the English, once: a paragraph in the
    other language is blanked, and so is that language's column of a table whose other column is
    English (its short cells too: "PENDERFYNWYD: | RESOLVED:"), each English cell left as a paragraph
    of its own. A document with few words of another language is returned as it is."""
    languages = next((langs for words, langs in OTHER_LANGUAGES
                      if sum(1 for _ in islice(words.finditer(text), OTHER_WORDS_MIN)) == OTHER_WORDS_MIN), None)
    if languages is None:
        return text
    foreign = partial(_other_language, languages=languages)
    out = list(text)

    def blank(a: int, b: int, gap: str = "") -> None:
        """Spaces over text[a:b] (newlines kept); ``gap`` "start"/"end": a blank line there instead."""
        out[a:b] = [c if c == "\n" else " " for c in text[a:b]]
        if gap and b - a >= 2:
            at = a if gap == "start" else b - 2
            out[at : at + 2] = ["\n", "\n"]

    rows, pos = [], 0
    for line in text.split("\n"):
        rows.append(_cells(text, pos, pos + len(line)) if " | " in line else [])
        pos += len(line) + 1
    for width, table in groupby(rows, key=len):  # a table: consecutive rows of as many cells
        if width:
            _blank_other_columns(text, list(table), blank, foreign)
    for para in _paragraphs(text):
        tabled = any(" | " in text[a:b] for a, b in para)
        for start, end in para if tabled else [(para[0][0], para[-1][1])]:  # a table's rows are judged above
            if " | " not in text[start:end] and foreign(text[start:end]):
                blank(start, end)
    return "".join(out)


def _blank_other_columns(text: str, rows: list[list[tuple[int, int]]], blank, foreign) -> None:
    """Blank the columns of one table (rows of equal width) in the other language: a column is in it
    when most of its cells long enough to judge are (``foreign``); a table with an English column
    keeps it, each cell a paragraph; a table in the other language only is blanked whole."""
    width = len(rows[0])
    votes = [[foreign(text[a:b]) for a, b in (row[k] for row in rows) if len(text[a:b].split()) >= LANGUAGE_MIN_WORDS]
             for k in range(width)]
    other = [bool(v) and sum(v) > len(v) / 2 for v in votes]
    english = [bool(v) and sum(v) < len(v) / 2 for v in votes]
    if not any(other):
        return
    if any(english):
        # a translation is about as long as what it translates; a column of Welsh names beside English
        # descriptions ("Bwrdd Gwasanaethau Cyhoeddus Gwynedd a Môn | Merged | Joins the regional board …") is not one
        size = [sum(row[k][1] - row[k][0] for row in rows) or 1 for k in range(width)]
        longest = max(size[k] for k in range(width) if english[k])
        other = [o and 0.75 <= size[k] / longest <= 1.5 for k, o in enumerate(other)]
    for row in rows:
        if not any(english):
            blank(row[0][0], row[-1][1])
            continue
        for k, (a, b) in enumerate(row):
            if other[k]:  # the cell and its " | " (after it; before it, for the last cell)
                blank(a, b + 3, "end") if k < width - 1 else blank(a - 3, b, "start")


def items_for_document(doc: dict) -> list[dict]:
    """The uncoded items of one document (a ``documents`` row as a dict). In minutes, the items of
    an agenda item that never mentions partnership working are left out (:func:`off_topic_blocks`), and
    the Welsh (Gaelic, Irish) of a bilingual document is not read for items (:func:`english_only`).
    ``doc_type`` is the document's :func:`reading`."""
    spans = segment(english_only(doc["text"]))
    doc_type = reading(doc.get("doc_type") or "", doc["text"])
    if many_subjects(doc_type, doc["text"]):
        off = off_topic_blocks(doc["text"])
        spans = [sp for sp in spans if not any(a <= sp.start < b for a, b in off)]
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
            "doc_type": doc_type,
        }
        for seq, span in enumerate(spans)
    ]


_UNCODED = ["item_id", "doc_id", "council", "seq", "label", "text", "start", "end", "section", "context", "doc_type"]


def extract_items(documents: pd.DataFrame) -> pd.DataFrame:
    """Segment every document; returns the uncoded items (ids, labels, offsets, text)."""
    from .parallel import map_ordered

    docs = documents[["doc_id", "council", "doc_type", "text"]].to_dict("records")
    rows = [row for rows in map_ordered(items_for_document, docs) for row in rows]
    return pd.DataFrame(rows, columns=_UNCODED)


ITEM_COLUMNS = [
    "item_id", "doc_id", "council", "seq", "label", "text", "start", "end", "kind", "status", "theme",
    "confidence", "cluster", "cluster_label", "why", "section", "context",
]


# ----------------------------------------------------------------------------- corrections

OVERRIDE_COLUMNS = ["file", "quote", "change", "kind", "status", "theme", "note"]
CHANGES = ("relabel", "drop", "add")


def read_overrides(annotations: Path) -> pd.DataFrame:
    """``overrides.csv`` checked against the codebook; rows whose file starts with '#'
    are comments. An absent file means no corrections."""
    from . import codebook
    from .inputs import read_csv_input

    path = Path(annotations) / "overrides.csv"
    if not path.exists():
        return pd.DataFrame(columns=OVERRIDE_COLUMNS)
    df = read_csv_input(
        path,
        required=["file", "quote", "change"],
        optional=["kind", "status", "theme", "note"],
        labels={"change": CHANGES, "kind": codebook.KINDS, "status": codebook.STATUSES, "theme": codebook.THEMES},
    )
    df = df[~df["file"].str.startswith("#")].reset_index(drop=True)
    for column in OVERRIDE_COLUMNS:
        if column not in df:
            df[column] = ""
    return df[OVERRIDE_COLUMNS]


def override_examples(overrides: pd.DataFrame) -> pd.DataFrame:
    """Researchers' relabels and additions that name a theme, as theme-model training rows."""
    rows = overrides[overrides["change"].isin(["relabel", "add"]) & (overrides["theme"] != "")]
    return pd.DataFrame({"doc_id": None, "text": rows["quote"], "theme": rows["theme"]})


def apply_overrides(items: pd.DataFrame, documents: pd.DataFrame, overrides: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Apply researcher corrections to coded items, matched by quoted text.

    Returns the corrected items and a report (one row per override: file, quote,
    change, outcome, item_id) saying which applied and which no longer match anything.
    """
    from .coding import code_items
    from .evaluate import locate_all

    by_file = dict(zip(documents["file"], zip(documents["doc_id"], documents["text"])))
    items = items.copy()
    report, added = [], []
    for o in overrides.to_dict("records"):
        doc_id, text = by_file.get(o["file"], (None, ""))
        spans = locate_all(o["quote"], text) if doc_id else []
        outcome, item_id = _override_one(items, o, doc_id, spans)
        if o["change"] == "add" and spans:
            start, end = spans[0]
            item_id = f"{doc_id}-add{len(added) + 1:03d}"
            added.append({"item_id": item_id, "doc_id": doc_id, "council": _council(documents, doc_id), "seq": 0,
                          "label": "", "text": text[start:end], "start": start, "end": end, "section": "added",
                          "context": "", "doc_type": "", "_override": o})
            outcome = "applied: item added"
        elif o["change"] == "drop" and item_id:
            items = items[items["item_id"] != item_id]
        report.append({"file": o["file"], "quote": o["quote"], "change": o["change"], "outcome": outcome, "item_id": item_id})
    if added:
        new = code_items(pd.DataFrame(added).drop(columns="_override"))
        for i, row in enumerate(added):
            _relabel(new, new.index[i], row["_override"])
        items = pd.concat([items, new[items.columns]], ignore_index=True)
    order = {doc_id: i for i, doc_id in enumerate(documents["doc_id"])}
    items = items.assign(_doc=items["doc_id"].map(order)).sort_values(["_doc", "start", "end"], kind="stable")
    items = items.drop(columns="_doc").reset_index(drop=True)
    items["seq"] = items.groupby("doc_id").cumcount().astype(int)
    return items, pd.DataFrame(report, columns=["file", "quote", "change", "outcome", "item_id"])


def _override_one(items: pd.DataFrame, o: dict, doc_id: str | None, spans: list[tuple[int, int]]) -> tuple[str, str | None]:
    """Relabel in place, or find the item a drop removes; returns (outcome, item_id)."""
    if doc_id is None:
        return "no match: file not among the documents", None
    if not spans:
        return "no match: quote not found in the document", None
    if o["change"] == "add":
        return "", None
    start, end = spans[0]
    hit = items[(items["doc_id"] == doc_id) & (items["start"] <= start) & (items["end"] >= end)]
    if hit.empty:
        return "no match: no item contains the quote (use change 'add')", None
    index = hit.index[0]
    if o["change"] == "relabel":
        if not any(o[f] for f in ("kind", "status", "theme")):
            return "not applied: relabel names no kind, status or theme", hit.loc[index, "item_id"]
        _relabel(items, index, o)
        return "applied: relabelled", items.loc[index, "item_id"]
    return "applied: item dropped", hit.loc[index, "item_id"]


def _relabel(items: pd.DataFrame, index, o: dict) -> None:
    changed = [f"{f}={o[f]}" for f in ("kind", "status", "theme") if o[f]]
    for f in ("kind", "status", "theme"):
        if o[f]:
            items.loc[index, f] = o[f]
    items.loc[index, "confidence"] = 1.0
    note = f" ({o['note']})" if o.get("note") else ""
    items.loc[index, "why"] = f"researcher correction: {', '.join(changed)}{note}; was: {items.loc[index, 'why']}"


def _council(documents: pd.DataFrame, doc_id: str):
    return documents.loc[documents["doc_id"] == doc_id, "council"].iloc[0]


def overrides_report(paths) -> pd.DataFrame:
    """The report of the last run's corrections (which applied, which match nothing)."""
    from .tables import read_table

    return read_table("overrides_report", paths.processed)


def run(paths, exclude_example_files: frozenset = frozenset()) -> pd.DataFrame:
    """Segment and code every document, apply corrections; write ``items`` (and ``overrides_report``).

    ``exclude_example_files``: shipped theme examples from these files are not used (an evaluation
    leaves a folder's own documents out)."""
    from .coding import code_items
    from .tables import check_offsets, read_table, write_table

    documents = read_table("documents", paths.processed)
    items = extract_items(documents)
    overrides = read_overrides(paths.annotations)
    # The theme model learns from researchers' corrections; the shipped corpus's gold is kept for measuring
    # only (trained on the other documents' gold, theme accuracy fell from 0.84 to 0.81 on it). Near ties of
    # two themes are broken with labelled items of other councils (coding.THEME_EXAMPLES).
    coded = code_items(items, override_examples(overrides), exclude_example_files=exclude_example_files)
    items, report = apply_overrides(coded, documents, overrides)
    items = items[ITEM_COLUMNS]
    check_offsets(items, documents, "items", "text")
    write_table(items, "items", paths.processed)
    write_table(report, "overrides_report", paths.processed)
    return items
