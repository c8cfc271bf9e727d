"""Segmentation on every document shape, the offset invariant, and the corrections loop.

Fixtures are small documents written here, one per shape: a review report, ModernGov
minutes, a cabinet report and a news story.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import codebook, coding, extract
from helpers.errors import InputFileError

REPORT = """Proposals in response to the review

Recommendation 1: The Partnership should reduce the number of thematic partnerships.

Proposal

To merge the two economic partnerships. In particular:

- to appoint a single chair
- to hold a joint awayday

Implications

The Board will need to agree new terms of reference. The work will be led by the secretariat in order to

deliver the changes by March.

The question of membership is addressed below.

Recommendation 2: The Partnership should review its budget.

Proposal

To defer consideration of this recommendation until the spending review but to note the following principles:

- Open and accessible budgeting
- Shared services where possible

Implications

The proposed membership is contained in Appendix 2. It is proposed that a youth representative joins the Board. \
It is also proposed that the chair rotates annually.
"""

MINUTES = """Agenda item

12. Review of Community Safety Partnership arrangements

The report will set out options for the future of the partnership.

Minutes:

The Head of Community Safety presented the report. Members discussed the options.

It was agreed that the Safer Borough Partnership would meet quarterly from April.

RESOLVED to:

(1) approve the merger of the Drugs and Alcohol Action Team into the Safer Borough Partnership;

(2) defer a decision on the Youth Offending sub-group until the March meeting;

(3) note the performance report.

45. Health and Wellbeing Board

RESOLVED – That the report be noted.

DECIDED:

(a) That the Health and Wellbeing Board terms of reference be revised.

(b) That the Board not approve the proposed joint budget.

Decision: The Board agreed to establish a task and finish group on data sharing.

Action: Officers to circulate the revised membership list to all partners.
"""

CABINET = """Report to Cabinet

1. Purpose of report

1.1 This report sets out proposals to restructure the Local Strategic Partnership.

2. Recommendations

2.1 That Cabinet approves the new three-tier partnership structure set out in Appendix A.

2.2 That Cabinet notes the consultation with the voluntary sector.

3. Background

3.1 The Local Strategic Partnership was established in 2002. It has twelve thematic partnerships.

Alternative options considered and rejected

Option 1: Retain the current structure with no change.

Option 2: Dissolve the partnership and transfer its functions to the council.
"""

NEWS = """Council to scrap partnership board

The county's strategic partnership board is to be scrapped, councillors heard on Tuesday.

Council leader Jane Smith said the board should be replaced by a smaller group that meets twice a year.

The board was set up in 2003 and has 40 members.
"""

PROSE = """Three key principles had been identified; that there should be a core group that meets monthly, \
the only standing bodies would be the Health and Wellbeing Board and the Safety Board and task and finish \
groups would be commissioned for specific pieces of work. The body would focus on priorities, and would adopt \
a commissioning approach. To manage these challenges, the value of joint working was emphasised. This would \
require genuine sharing of resources."""


def _items(text: str) -> list[tuple[str, str, str]]:
    return [(s.label, s.section, text[s.start : s.end]) for s in extract.segment(text)]


def _texts(text: str) -> list[str]:
    return [t for _, _, t in _items(text)]


def test_review_report_keeps_labels_bullets_and_lead_ins():
    items = _items(REPORT)
    labels = [label for label, _, _ in items]
    assert "Recommendation 1" in labels and "Recommendation 2" in labels
    assert ("Proposal 1", "proposal", "To merge the two economic partnerships.") in items
    assert ("Proposal 1", "proposal", "- to appoint a single chair") in items
    texts = _texts(REPORT)
    assert not any(t.endswith("In particular:") for t in texts), "a lead-in is context, not an item"
    assert not any("Proposals in response" in t for t in texts), "a title is not an item"
    assert not any("addressed below" in t for t in texts), "a cross-reference is not an item"


def test_lead_in_attaches_as_context_and_a_deferral_in_it_is_an_item():
    spans = extract.segment(REPORT)
    bullets = [s for s in spans if REPORT[s.start : s.end].startswith("- Open")]
    assert bullets and bullets[0].context.startswith("To defer consideration")
    assert any(REPORT[s.start : s.end] == "To defer consideration of this recommendation until the spending review"
               for s in spans)


def test_a_page_break_inside_a_sentence_does_not_split_the_item():
    texts = _texts(REPORT)
    implication = next(t for t in texts if t.startswith("The Board will need to agree"))
    assert implication.endswith("deliver the changes by March.")


def test_a_paragraph_with_two_proposals_is_split_and_its_cross_reference_dropped():
    texts = _texts(REPORT)
    assert "It is proposed that a youth representative joins the Board." in texts
    assert "It is also proposed that the chair rotates annually." in texts
    assert not any(t.startswith("The proposed membership is contained") for t in texts)


def test_moderngov_minutes_resolutions_keep_their_part_labels():
    items = _items(MINUTES)
    by_label = {label: (section, text) for label, section, text in items}
    assert by_label["(1)"][0] == "resolved" and "merger of the Drugs" in by_label["(1)"][1]
    assert by_label["(2)"][1].startswith("(2) defer")
    assert by_label["(b)"][0] == "resolved"
    assert by_label["RESOLVED"] == ("resolved", "RESOLVED – That the report be noted."), "the head word stays in the item"
    assert by_label["Decision"] == ("decision", "Decision: The Board agreed to establish a task and finish group on data sharing.")
    assert by_label["Action"][0] == "action"
    texts = [t for _, _, t in items]
    assert "It was agreed that the Safer Borough Partnership would meet quarterly from April." in texts
    assert not any("will set out options" in t for t in texts), "the agenda blurb before Minutes: is skipped"
    assert not any("presented the report" in t for t in texts), "narrative is not an item"
    assert not any(t.startswith("45.") for t in texts), "an agenda heading is not an item"


def test_cabinet_report_numbered_recommendations_and_rejected_options():
    items = _items(CABINET)
    assert [(label, section) for label, section, _ in items] == [
        ("2.1", "recommendation"), ("2.2", "recommendation"), ("Option 1", "option"), ("Option 2", "option"),
    ]
    spans = extract.segment(CABINET)
    assert "rejected" in spans[-1].context


def test_news_prose_decisions_and_proposals_in_reported_speech():
    texts = _texts(NEWS)
    assert texts == [
        "The county's strategic partnership board is to be scrapped, councillors heard on Tuesday.",
        "Council leader Jane Smith said the board should be replaced by a smaller group that meets twice a year.",
    ]


def test_narrative_sentences_split_into_clauses_and_this_sentences_join_the_item_before():
    texts = _texts(PROSE)
    assert "that there should be a core group that meets monthly" in texts
    assert "the only standing bodies would be the Health and Wellbeing Board and the Safety Board" in texts
    assert "task and finish groups would be commissioned for specific pieces of work." in texts
    assert "would adopt a commissioning approach." in texts
    assert any(t.startswith("To manage these challenges") and t.endswith("genuine sharing of resources.") for t in texts)


SCOTTISH_MINUTE = """4. PARTNERSHIP DELIVERY STRUCTURE - ANNUAL REVIEW OF GROUPS REPORTING TO THE BOARD

The Board considered a report on the groups that report to it. The report recommended that the Food Task \
and Finish Group be stood down, and that the Officers Group meet every two months instead of monthly.

Councillor Grant, seconded by Mr Lowe, moved as an amendment that the Food Group continue for a further \
year. On a division there voted for the amendment 2, against 7. The amendment accordingly fell.

After discussion, the Board DECIDED:

(a) to note the outcome of the review;

(b) that the Food Task and Finish Group be stood down; and

(c) that the Officers Group meet every two months.

Members considered that the current set of indicators was too long.

The minute of the meeting held on 3 May 2024 was approved as a correct record.

The next meeting of the Board will take place on 5 December 2024.
"""

WELSH_REPORT = """1. Purpose of the Report

1.1 To propose changes to the frequency of meetings and to seek a decision on a merger.

2. Findings of the Review

2.1 Attendance by invited participants fell to 40% over the year.

2.2 The Board has no shared risk register.

3. Options

Table 1: Options

Option | Description | Officer assessment
Option 1 - Status quo | Keep two separate Boards, each meeting on its own. | Not recommended
Option 2 - Merge | Merge the two Boards to form a regional board. | Recommended

3.1 Option 2 is recommended.

- Appendix A - Map of groups, item 4 PDF 120 KB
"""


def test_a_resolution_opened_inside_a_sentence_has_its_parts_as_resolutions():
    items = _items(SCOTTISH_MINUTE)
    parts = [(label, section) for label, section, t in items if t.startswith("(")]
    assert parts == [("(a)", "resolved"), ("(b)", "resolved"), ("(c)", "resolved")]
    assert not any("LOCAL" in t or "PARTNERSHIP DELIVERY" in t for t in _texts(SCOTTISH_MINUTE)), "an upper-case title is no item"


def test_a_motion_and_its_fate_are_one_item_and_formalities_are_not_items():
    texts = _texts(SCOTTISH_MINUTE)
    motion = next(t for t in texts if t.startswith("Councillor Grant"))
    assert motion.endswith("The amendment accordingly fell.")
    assert "Members considered that the current set of indicators was too long." in texts
    assert not any("correct record" in t or "next meeting" in t for t in texts)


def test_two_recommendations_in_one_sentence_are_split_at_and_that():
    texts = _texts(SCOTTISH_MINUTE)
    assert any(t.startswith("The report recommended that the Food Task") and t.endswith("stood down") for t in texts)
    assert "that the Officers Group meet every two months instead of monthly." in texts


def test_report_purpose_is_skipped_findings_kept_and_option_rows_are_items():
    items = _items(WELSH_REPORT)
    texts = [t for _, _, t in items]
    assert not any(t.startswith("1.1") for t in texts), "the purpose of a report proposes nothing itself"
    assert ("2.2", "finding") in [(label, section) for label, section, _ in items]
    options = [(label, t.split(" | ")[1]) for label, section, t in items if section == "option" and " | " in t]
    assert options == [("Option 1", "Keep two separate Boards, each meeting on its own."),
                       ("Option 2", "Merge the two Boards to form a regional board.")]
    assert not any(t.startswith("Option | ") for t in texts), "a table's header row is no item"
    assert "3.1 Option 2 is recommended." in texts, "the table's caption does not end the Options section"
    assert not any("PDF 120 KB" in t for t in texts), "a list of attached files is no item"


DECISION_NOTICE = """Decision details

| Decision Maker: | Cabinet Member for Communities |
| Decision status: | Recommendations Approved |

Decision:

Having considered the report, the Cabinet Member decided:

(1) to approve the merger of the Safer Streets Board into the Community Safety Partnership;

(2) not to approve the closure of the ward panels network.

Reasons for the decision:

A single structure removes duplication between the two boards.

Consultation:

Most ward panel chairs favoured keeping the network.

Background papers:

- Appendix A - Terms of reference (revised)

Contact:

Jo Bloggs, Head of Community Safety. Tel: 020 7946 0000. Email: jo.bloggs@example.gov.uk.
"""

NI_MINUTES = """4. Matters Arising

AGREED: (i) that the five action planning groups be merged into three delivery groups;

(ii) that each delivery group be co-chaired by a statutory partner;

(iii) that the existing groups stand down in May.

4.2 Dashboard. The officer confirmed that the outcomes dashboard had been refreshed.
"""


def test_a_decision_notice_has_decisions_not_resolutions_and_no_metadata_items():
    items = _items(DECISION_NOTICE)
    parts = [(label, section) for label, section, t in items if t.startswith("(")]
    assert parts == [("(1)", "decision"), ("(2)", "decision")]
    texts = [t for _, _, t in items]
    assert not any("Decision Maker" in t or "Tel:" in t or "Appendix A" in t for t in texts)
    assert all(section != "decision" for _, section, t in items if not t.startswith("(")), "colon headings end the list"


def test_an_inline_agreed_opens_a_list_that_a_numbered_paragraph_closes():
    items = _items(NI_MINUTES)
    assert [(label, section) for label, section, _ in items[:3]] == [("AGREED", "resolved"), ("(ii)", "resolved"), ("(iii)", "resolved")]
    assert all(section != "resolved" for _, section, t in items if t.startswith("4.2"))


DECISIONS_OVER_A_PAGE = """RESOLVED:

(1) That the Partnership Forum replace the Partnership Board.

(2) That the thematic groups be stood down.

Executive meeting of 9 May 2025 | Decisions published 12 May 2025

(3) That the Forum's first year be reviewed and reported back to the Executive.

Reasons for decision:

Attendance had fallen.

(4) Officers said the budget was unchanged.
"""


def test_a_resolution_continues_past_a_running_header_but_not_past_a_new_section():
    items = _items(DECISIONS_OVER_A_PAGE)
    # "(4)" under "Reasons for decision:" is a reason the decision rests on, not a fourth resolution
    assert [(label, section) for label, section, _ in items] == [("(1)", "resolved"), ("(2)", "resolved"), ("(3)", "resolved"),
                                                                 ("(4)", "reason")]
    assert extract._follows("(vii)", "(vi)") and extract._follows("(g)", "(f)") and extract._follows("3.4", "3.3")
    assert not extract._follows("(5)", "(3)") and not extract._follows("4.1", "3.3")


ANNUAL_REPORT = """What we have changed

- The Executive Board now meets quarterly instead of every two months.

- Partners have pooled their separate community safety budgets.

Our sub-groups

Sub-group | Status | What this means
Hate Crime Group | Merged | Joins the Safer Neighbourhoods Group.
Prevent Group | Continuing | Keeps meeting as the duty requires.

Next year we will

- launch a youth safety task and finish group;

- publish a six-monthly update on the plan.

The Partnership was set up in 2004 and has 14 members.
"""


def test_an_annual_report_records_changes_table_rows_and_a_lead_in_without_its_colon():
    items = _items(ANNUAL_REPORT)
    texts = [t for _, _, t in items]
    assert "- Partners have pooled their separate community safety budgets." in texts
    assert [section for _, section, t in items if " | " in t] == ["table", "table"], "rows with a status cell are items"
    assert "- The Executive Board now meets quarterly instead of every two months." in texts
    planned = [(s.section, s.context) for s in extract.segment(ANNUAL_REPORT) if ANNUAL_REPORT[s.start:s.end].startswith("- launch")]
    assert planned == [("list", "Next year we will")]
    assert not any("set up in 2004" in t for t in texts), "history is not an item"


@pytest.mark.parametrize("text", [REPORT, MINUTES, CABINET, NEWS, PROSE, SCOTTISH_MINUTE, WELSH_REPORT, DECISION_NOTICE, NI_MINUTES, ANNUAL_REPORT])
def test_offsets_are_exact_and_items_are_trimmed_and_disjoint(text):
    spans = extract.segment(text)
    assert spans
    previous_end = 0
    for s in spans:
        item = text[s.start : s.end]
        assert item and item == item.strip()
        assert s.start >= previous_end, "items do not overlap"
        previous_end = s.end


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "RESOLVED", "Proposal", "Recommendation 2: The Board should meet.", "- a bullet", "(a) That it be noted.",
    "It was agreed that the board would merge.", "In particular:", "", "3.1 That Cabinet approves.", "Minutes:",
    "To defer this until May but to note the following:", "plain words without a cue", "Implications",
]), max_size=25))
def test_any_mix_of_shapes_gives_valid_spans(lines):
    text = "\n".join(lines)
    for s in extract.segment(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end].strip() == text[s.start : s.end]


# ----------------------------------------------------------------------------- corrections

DOCS = pd.DataFrame({
    "doc_id": ["d1"], "file": ["report.txt"], "council": ["Testshire"], "doc_type": ["report"], "text": [REPORT],
})


def _coded() -> pd.DataFrame:
    from helpers.coding import code_items

    return code_items(extract.extract_items(DOCS))


def _write_overrides(tmp_path, rows: str):
    (tmp_path / "overrides.csv").write_text("file,quote,change,kind,status,theme,note\n" + rows, encoding="utf-8")
    return extract.read_overrides(tmp_path)


def test_overrides_relabel_drop_and_add_by_quote_and_report_what_no_longer_matches(tmp_path):
    overrides = _write_overrides(tmp_path, (
        "# a comment row is ignored,x,relabel,,,,\n"
        "report.txt,to appoint a single chair,relabel,,agreed,governance,chair agreed at the meeting\n"
        "report.txt,to hold a joint awayday,drop,,,,not a proposal\n"
        "report.txt,The question of membership is addressed below,add,statement,noted,membership,\n"
        "report.txt,a sentence that was edited away,relabel,,,data,\n"
    ))
    assert len(overrides) == 4
    items, report = extract.apply_overrides(_coded(), DOCS, overrides)
    chair = items[items["text"] == "- to appoint a single chair"].iloc[0]
    assert (chair["status"], chair["theme"], chair["confidence"]) == ("agreed", "governance", 1.0)
    assert chair["kind"] == "proposal", "an empty cell leaves that label alone"
    assert "researcher correction" in chair["why"]
    assert not (items["text"] == "- to hold a joint awayday").any()
    added = items[items["text"] == "The question of membership is addressed below"].iloc[0]
    assert (added["kind"], added["status"], added["theme"]) == ("statement", "noted", "membership")
    assert list(items["seq"]) == list(range(len(items)))
    assert all(REPORT[s:e] == t for s, e, t in zip(items["start"], items["end"], items["text"]))
    assert list(report["outcome"].str.split(":").str[0]) == ["applied", "applied", "applied", "no match"]


def test_overrides_with_an_unknown_label_are_refused_with_the_line(tmp_path):
    with pytest.raises(InputFileError, match="line 2"):
        _write_overrides(tmp_path, "report.txt,to hold a joint awayday,relabel,,,housing,\n")


def test_the_shipped_overrides_file_is_valid():
    from helpers.config import PROJ_ROOT

    overrides = extract.read_overrides(PROJ_ROOT / "data" / "annotations")
    assert set(overrides["change"]) <= set(extract.CHANGES)


def test_items_table_uses_codebook_labels():
    items = _coded()
    assert set(items["kind"]) <= set(codebook.KINDS)
    assert set(items["status"]) <= set(codebook.STATUSES)
    assert set(items["theme"]) <= set(codebook.THEMES)
    assert items["why"].str.contains("kind:").all()


def test_options_described_in_a_narrative_paragraph_are_items_with_their_labels():
    text = ("The paper set out three options. Option A was to keep the two partnerships as they are. "
            "Option b would merge them into one board. Members preferred Option B.")
    items = _items(text)
    assert [(label, section) for label, section, _ in items[:2]] == [("Option A", "option"), ("Option b", "option")]
    assert items[0][2] == "Option A was to keep the two partnerships as they are."


def test_when_a_decision_takes_effect_is_a_formality_not_an_item():
    text = ("RESOLVED: That the Forum replace the Board.\n\n"
            "The decisions recorded above will come into force at 9am on 22 March unless called in.\n\n"
            "4.1 The decision is proposed for implementation immediately.\n\n"
            "The Board agreed that the merger will take effect in April.")
    assert [t[:20] for t in _texts(text)] == ["RESOLVED: That the F", "The Board agreed tha"]


ACTION_NOTES = """Partnership Executive - action notes
====================================

3. Sub-group review (KJ)
------------------------
- Paper proposes two changes. Outcomes:
  (a) Merge the Reoffending Group into the IOM Board -> AGREED.
  (b) Fold the Cohesion Forum into the Hate Crime Group -> NOT AGREED.
- Agreed: the Executive will meet quarterly from April.

4. AOB
------
- None.

ACTION LOG
==========

Ref | Action | Owner | Due
----+------------------------------------------------+-------+--------
A1 | Write to housing providers asking for a nominee | KJ | 29 Nov
A2 | Redraw the structure chart and circulate it to | LM | 13 Dec
| all partners before the next meeting | |
"""


def test_plain_text_notes_underlined_headings_outcomes_and_an_action_log():
    items = _items(ACTION_NOTES)
    texts = [t for _, _, t in items]
    assert not any(t.startswith(("3. Sub-group", "4. AOB", "ACTION LOG", "Partnership Executive", "----", "Ref |")) for t in texts)
    assert ("Agreed", "decision") in [(label, section) for label, section, _ in items]
    log = [(label, section, t) for label, section, t in items if section == "action"]
    assert [label for label, _, _ in log] == ["A1", "A2"]
    assert log[1][2].endswith("all partners before the next meeting | |")  # the wrapped row stays with its action
    coded = coding.code_items(pd.DataFrame([{"label": label, "section": section, "context": "", "text": t, "doc_type": "minutes"}
                                            for label, section, t in items]))
    kinds = dict(zip(coded["text"].str[:6], zip(coded["kind"], coded["status"])))
    assert kinds["(a) Me"] == ("decision", "agreed") and kinds["(b) Fo"] == ("proposal", "rejected")
    assert kinds["A1 | W"] == ("action", "agreed")


REPORT_WITH_A_DECIDED_LIST = """4. MAIN ISSUES

4.2 On 5 May the Board agreed that the six area forums be replaced by three:
- North, formed by merging the two northern forums;
- South, continuing the current southern forum.
4.3 The Board also agreed that the new forums should meet quarterly. It is further proposed that one meeting a year be held jointly.
"""


def test_a_sibling_numbered_paragraph_ends_a_lead_in_list_and_the_parts_take_its_decision():
    items = _items(REPORT_WITH_A_DECIDED_LIST)
    assert [(label, section) for label, section, _ in items[:2]] == [("", "list"), ("", "list")]
    assert all(section != "list" for _, section, t in items if t.startswith("4.3") or t.startswith("It is further"))
    coded = coding.code_items(pd.DataFrame([{"label": label, "section": section, "doc_type": "report", "text": t,
                                             "context": s.context} for (label, section, t), s in
                                            zip(items, extract.segment(REPORT_WITH_A_DECIDED_LIST))]))
    assert list(zip(coded["kind"], coded["status"]))[:2] == [("decision", "agreed")] * 2


def test_a_bullet_is_a_head_only_with_its_colon_and_does_not_open_a_resolution():
    text = ("Summary of the changes\n\n- Decision making will move to the Board.\n\n- Action plans stay with each group.\n\n"
            "Notes\n\n- Agreed: the Forum meets quarterly.\n\n- Officers described the history of the Forum.")
    items = _items(text)
    assert ("Agreed", "decision") in [(label, section) for label, section, _ in items]
    assert not any(section in {"resolved", "decision", "action"} for _, section, t in items if t.startswith(("- Decision", "- Action", "- Officers")))


def test_a_quoted_motion_keeps_its_numbered_parts_and_a_lone_vote_result_is_not_an_item():
    text = ("It was moved and seconded that the motion be amended by deleting the words and inserting:\n\n"
            "“1. dissolve the Local Strategic Partnership;\n\n"
            "2. redirect its budget to community grants.”\n\n"
            "The substantive motion was CARRIED.")
    items = _items(text)
    assert [label for label, _, _ in items] == ["(1)", "(2)"]
    coded = coding.code_items(pd.DataFrame([{"label": s.label, "section": s.section, "context": s.context, "doc_type": "minutes",
                                             "text": text[s.start:s.end]} for s in extract.segment(text)]))
    assert set(coded["kind"]) == {"proposal"}


def test_a_vote_result_reaches_the_parts_of_its_motion_and_not_the_amendment():
    text = ("Council had before it the following motion:\n\n"
            "This Council therefore resolves to:\n\n"
            "1. ask the Leader to convene the partnership board;\n\n"
            "2. publish the board's agendas and minutes.\n\n"
            "It was moved and seconded that the motion be amended by deleting the words after “resolves to:” and inserting:\n\n"
            "“1. dissolve the partnership board.”\n\n"
            "Councillor Reed said the board had not met for a year.\n\n"
            "The amendment was put to the vote and was declared LOST.\n\n"
            "The substantive motion was CARRIED.")
    spans = extract.segment(text)
    coded = coding.code_items(pd.DataFrame([{"label": s.label, "section": s.section, "context": s.context,
                                             "doc_type": "minutes", "text": text[s.start:s.end]} for s in spans]))
    got = {t[:12]: (k, st) for t, k, st in zip(coded["text"], coded["kind"], coded["status"])}
    assert got["1. ask the L"] == ("resolution", "agreed") and got["2. publish t"] == ("resolution", "agreed")
    assert got["“1. dissolve"] == ("proposal", "rejected")
    assert spans[0].context.endswith("— the motion was CARRIED")


def _coded_as(text: str, doc_type: str) -> pd.DataFrame:
    return coding.code_items(pd.DataFrame([{"label": s.label, "section": s.section, "context": s.context, "doc_type": doc_type,
                                            "text": text[s.start:s.end]} for s in extract.segment(text)]))


def test_a_collective_bodys_listed_decisions_are_resolutions_and_one_persons_are_decisions():
    minute = ("Decision\n\nThe Committee agreed:—\n\n(1) to merge the two locality groups;\n\n"
              "(2) to recommend to Council that the scheme of delegation be amended.")
    record = ("Decision\n\nThe Executive:\n\n- agreed to set up a joint committee with the ICP;\n\n"
              "- approved the draft terms of reference.")
    notice = "Having considered the report, the Cabinet Member decided:\n\n(a) to stand down the Youth Board."
    news = "Cabinet also agreed that:\n\n- the new board will meet every two months;\n\n- the forum will close."
    assert list(_coded_as(minute, "minutes")["kind"]) == ["resolution", "recommendation"]
    assert list(_coded_as(record, "minutes")["kind"]) == ["resolution", "resolution"]
    assert list(_coded_as(notice, "minutes")["kind"]) == ["decision"]
    assert list(_coded_as(news, "news")["kind"]) == ["decision", "decision"]


def test_a_scottish_minute_amendment_falls_when_the_motion_is_carried_and_continued_items_are_deferred():
    text = ("Councillor Reid moved that the Committee agree the recommendations in the report.\n\n"
            "As an amendment, Councillor Moss, seconded by Councillor Hay, moved that the Committee:—\n\n"
            "(1) defer any decision on merging the two partnerships; and\n\n"
            "(2) set up a cross-party working group.\n\n"
            "On a roll call vote, the motion was carried by 9 votes to 6.\n\n"
            "Decision\n\n"
            "The Committee agreed to continue consideration of the report to its next meeting.")
    coded = _coded_as(text, "minutes")
    got = dict(zip(coded["text"].str[:7], zip(coded["kind"], coded["status"])))
    assert got["(1) def"] == ("proposal", "rejected") and got["(2) set"] == ("proposal", "rejected")
    assert got["The Com"] == ("resolution", "deferred")


COUNCIL_DECISIONS = """Record of decisions of the Executive, 3 March 2025

EX/101 - Community Safety Partnership funding

Decision

The Executive:

- approved a grant of £90,000 to the Safer Northtown Partnership for 2025-26.

EX/102 - Charges at the Market Street car park

Decision

The Executive:

- approved a tariff of £1.50 for up to two hours.
"""


def test_an_agenda_item_of_a_council_record_that_never_mentions_partnerships_has_no_items():
    doc = {"doc_id": "d", "council": "Northtown", "doc_type": "minutes", "text": COUNCIL_DECISIONS}
    texts = [row["text"] for row in extract.items_for_document(doc)]
    assert texts == ["- approved a grant of £90,000 to the Safer Northtown Partnership for 2025-26."]
    # a report, or a partnership's own minutes, keeps every item
    assert len(extract.items_for_document({**doc, "doc_type": "report"})) == 2
    own = "Safer Northtown Partnership - Executive Group minutes\n\n" + COUNCIL_DECISIONS
    assert len(extract.items_for_document({**doc, "text": own})) == 2


@pytest.mark.parametrize("line", [
    "Accordingly, the motion was carried.",
    "On a roll call vote, the amendment was defeated by 9 votes to 6.",
    "Councillor Reid rejoined the meeting.",
    "Councillor Shaw declared a non-financial interest in item 6 as a trustee of a local charity.",
])
def test_meeting_formalities_are_not_items(line):
    assert _texts(f"The Board agreed to merge the two forums.\n\n{line}") == ["The Board agreed to merge the two forums."]


REVIEW_WITH_TABLES = """2. Summary of recommendations

Ref | Recommendation in brief | Proposed lead
R1 | Fewer, stronger delivery groups | PSB Chair
R2 | One partnership for climate and nature | Natural Resources Wales

4. Current and proposed groups

Current group | Meets | Proposed arrangement
Healthy Lives Partnership | Bi-monthly | Continues as the Health and Well-being Delivery Group
Climate Ready Northshire | Quarterly | Joins with the Local Nature Partnership (R2)
Cost of Living Group | Monthly | Becomes a task and finish group to March 2025

5. Attendance

Group | Meetings held | Average attendance
Healthy Lives Partnership | 6 | 71%
Climate Ready Northshire | 4 | 55%

Appendix 1: Action plan

Action | Lead | Timescale | Status
Agree terms of reference for the new groups | PSB Manager | January 2025 | Complete
Hold closing meetings of the old groups | Co-ordinators | April 2025 | In progress
Review the Community Justice Partnership | Justice Manager | 2026-27 | Deferred
Progress report to the Policy Committee | Director | March 2026 | Not started
"""


def test_a_table_with_a_proposed_or_decided_column_gives_one_item_a_row_and_its_header_none():
    items = _items(REVIEW_WITH_TABLES)
    rows = [(section, t.split(" | ")[0]) for _, section, t in items if " | " in t]
    assert rows[:3] == [("proposal", "Healthy Lives Partnership"), ("proposal", "Climate Ready Northshire"),
                        ("proposal", "Cost of Living Group")]
    assert not any(t.startswith(("Ref |", "Current group |", "Group |", "Action |", "R1 |")) for _, _, t in items), \
        "header rows, a summary table repeating the recommendations, and a table of figures give no items"
    assert not any("71%" in t for _, _, t in items)
    contexts = {s.context for s in extract.segment(REVIEW_WITH_TABLES) if REVIEW_WITH_TABLES[s.start:s.end].startswith("Healthy")}
    assert contexts == {"Proposed arrangement"}, "the column's name is the rows' context"
    coded = coding.code_items(pd.DataFrame([{"label": label, "section": section, "context": "", "text": t, "doc_type": "report"}
                                            for label, section, t in items if " | " in t]))
    labels = dict(zip(coded["text"].str.split(" | ", regex=False).str[0], zip(coded["kind"], coded["status"], coded["theme"])))
    assert labels["Climate Ready Northshire"] == ("proposal", "proposed", "structure")
    assert labels["Healthy Lives Partnership"][2] == "structure", "a body that continues as another is about structure"
    assert labels["Agree terms of reference for the new groups"][:2] == ("action", "agreed"), "a Complete row is done"
    assert labels["Hold closing meetings of the old groups"][:2] == ("action", "agreed"), "an In progress row is under way"
    assert labels["Review the Community Justice Partnership"][:2] == ("action", "deferred")
    assert labels["Progress report to the Policy Committee"][:2] == ("action", "proposed"), "a report's plan not started"


OPTIONS_IN_PROSE = """6. Options we considered and do not recommend

We looked at combining the PSB and the Regional Partnership Board into a single board. We do not recommend this, \
because the two boards have different statutory bases.

We also considered abolishing the Programme Board. Partners were clear that it does useful work.

7. Next steps

The Programme Board will bring an implementation plan to the September meeting.
"""


def test_options_a_review_considered_and_does_not_recommend_are_rejected_proposals():
    spans = extract.segment(OPTIONS_IN_PROSE)
    items = [(s.section, s.context, OPTIONS_IN_PROSE[s.start:s.end]) for s in spans]
    options = [(context, t[:22]) for section, context, t in items if section == "option"]
    assert options == [("Options considered and rejected", "We looked at combining"),
                       ("Options considered and rejected", "We also considered abo")]
    coded = coding.code_items(pd.DataFrame([{"label": s.label, "section": s.section, "context": s.context, "doc_type": "report",
                                             "text": OPTIONS_IN_PROSE[s.start:s.end]} for s in spans]))
    first = coded.iloc[0]
    assert (first["kind"], first["status"], first["theme"]) == ("proposal", "rejected", "structure")
    assert coded.iloc[-1]["status"] == "proposed", "the next section's items are not rejected"


def test_an_options_table_gives_one_option_a_row_with_its_header_as_context():
    text = ("5. Options appraisal\n\nOption | Description | Assessment | Recommended?\n"
            "1 | Keep the current three boards | Retains duplication | No\n"
            "2 | Merge the boards into one partnership | Simpler, saves officer time | Yes\n"
            "B | A regional board with two neighbouring councils | Too remote | No\n")
    spans = extract.segment(text)
    assert [(s.label, s.section) for s in spans] == [("Option 1", "option"), ("Option 2", "option"), ("Option B", "option")]
    assert {s.context for s in spans} == {"Option | Description | Assessment | Recommended?"}
    assert text[spans[1].start:spans[1].end] == "2 | Merge the boards into one partnership | Simpler, saves officer time | Yes"


WEB_PAGE = """Changes to the Safer Northtown Partnership

What has changed

- A new Joint Community Safety Board has replaced the two strategy groups.

- The Joint Board meets quarterly. The old groups met every other month.

What happens next

- The Joint Board will consult residents on its priorities this winter.
"""


def test_a_web_pages_what_has_changed_and_what_happens_next_lists_are_decisions_and_actions():
    items = _items(WEB_PAGE)
    assert [(section, t[:24]) for _, section, t in items] == [
        ("decision", "- A new Joint Community "), ("decision", "- The Joint Board meets "), ("action", "- The Joint Board will c")]
    coded = coding.code_items(pd.DataFrame([{"label": label, "section": section, "context": "", "text": t, "doc_type": "web page"}
                                            for label, section, t in items]))
    assert list(zip(coded["kind"], coded["status"])) == [("decision", "agreed"), ("decision", "agreed"), ("action", "agreed")]


def test_a_scrutiny_document_is_read_as_a_report_unless_it_records_a_meeting():
    report = "Report to the Overview and Scrutiny Committee\n\n5.3 The Strategy Group would continue to be chaired by the Cabinet Member."
    minutes = "Overview and Scrutiny Committee\n\nPresent:\n\nCllr A (Chair)\n\nRESOLVED that the report be noted."
    assert extract.reading("scrutiny", report) == "report"
    assert extract.reading("scrutiny", minutes) == "scrutiny"
    assert extract.reading("minutes", report) == "minutes", "only the ambiguous type is read from the text"
    doc = {"doc_id": "d", "council": "X", "doc_type": "scrutiny", "text": report}
    coded = coding.code_items(pd.DataFrame(extract.items_for_document(doc)))
    assert (coded["kind"].iloc[0], coded["status"].iloc[0]) != ("decision", "agreed"), "a report's 'would' records nothing"


DECISIONS_EMAIL = """DECISIONS

Item 4 - Partnership governance review (report of the Head of Community Safety)
Rachel presented the findings of the review. After discussion the Board:
(a) agreed to combine the two neighbourhood groups into one delivery group from 1 July;
(b) deferred consideration of a pooled budget to the December meeting.

Item 5 - Serious Violence Duty: refresh of the strategic needs assessment
Members noted the refreshed strategic needs assessment and the progress of the violence reduction unit. The Board requested that the Youth Justice Service be invited to present its prevention offer in September.

ACTIONS
Action: RM to draft terms of reference for the new delivery group by 7 June.
Action: MT and LA to co-chair the merged group for its first six months.
Action: KW to confirm the Commissioner's grant allocations to the Board by 31 October."""


def test_an_emails_agenda_titles_are_titles_and_its_action_lines_are_one_item_each():
    texts = _texts(DECISIONS_EMAIL)
    assert not any(t.startswith("Item ") for t in texts)  # an agenda item's title, even ending in ")", is no item
    assert "Members noted the refreshed strategic needs assessment and the progress of the violence reduction unit." in texts
    assert "The Board requested that the Youth Justice Service be invited to present its prevention offer in September." in texts
    actions = [t for label, _, t in _items(DECISIONS_EMAIL) if label == "Action"]
    assert [a.split(" to ")[0] for a in actions] == ["Action: RM", "Action: MT and LA", "Action: KW"]


SLIDES = """Proposed principles for the new arrangements

- Do it once: a topic comes to the Board or the ICP, not both

- Time-limited by default: new work goes to task-and-finish groups

What we heard

- Partners want the Board to concentrate on three or four shared priorities

- Sub-groups are valued for networking but rarely lead to decisions

Membership and meetings - proposals

- Reduce the Board's core membership from 24 to 16, with named deputies

- Meet four times a year in public, plus two development sessions

Questions and discussion

- Does Option B strike the right balance between focus and inclusion?

- What should the first task-and-finish groups be?"""


def test_slide_titles_name_their_sections_and_questions_put_to_a_meeting_are_not_items():
    items = _items(SLIDES)
    sections = {t: section for _, section, t in items}
    assert sections["- Partners want the Board to concentrate on three or four shared priorities"] == "finding"
    assert sections["- Reduce the Board's core membership from 24 to 16, with named deputies"] == "proposal"
    assert not any(t.endswith("?") for _, _, t in items)
    coded = coding.code_items(pd.DataFrame([{"label": label, "section": section, "context": context, "text": text,
                                             "doc_type": "report"} for label, section, text, context in
                                            ((s.label, s.section, SLIDES[s.start:s.end], s.context) for s in extract.segment(SLIDES))]))
    assert set(coded.loc[coded["text"].str.contains("Do it once|Time-limited"), "kind"]) == {"principle"}


DECISION_PAGE = """Decision:

1. To approve the merger of the two Public Services Boards from 1 April 2025.

Reasons for the decision:

Many partners serve both counties. A single regional board will reduce duplication and release officer capacity. The voluntary sector asked for a stronger voice on the merged board.

What this would mean

- Terms of reference would need to be rewritten and approved by Full Council"""


def test_reasons_for_a_decision_are_statements_it_rests_on_and_what_it_would_mean_is_an_implication():
    items = pd.DataFrame([{"label": s.label, "section": s.section, "context": s.context, "text": DECISION_PAGE[s.start:s.end],
                           "doc_type": "web page"} for s in extract.segment(DECISION_PAGE)])
    coded = coding.code_items(items).set_index("text")
    reasons = coded[coded["section"] == "reason"]
    assert list(reasons.index) == ["A single regional board will reduce duplication and release officer capacity.",
                                   "The voluntary sector asked for a stronger voice on the merged board."]
    assert list(zip(reasons["kind"], reasons["status"])) == [("statement", "agreed"), ("request", "agreed")]
    meaning = coded.loc["- Terms of reference would need to be rewritten and approved by Full Council"]
    assert (meaning["section"], meaning["kind"]) == ("implication", "implication")


@pytest.mark.parametrize("heading, section", [
    ("Recommendations to the Board (1 of 2)", "recommendation"),
    ("Recommendations to Cabinet", "recommendation"),
    ("Proposals (continued)", "proposal"),
    ("Decisions sought", "recommendation"),
    ("Membership and meetings - proposals", "proposal"),
    ("Partner survey: what you told us", "finding"),
    ("What we found", "finding"),
    ("What's not working", "finding"),
    ("Next steps and timeline", "action"),
    ("Implementation timetable", "action"),
    ("What is changing?", "decision"),
    ("Keep:", "proposal"),
    ("Change", "proposal"),
])
def test_a_heading_addressed_to_a_body_or_run_over_slides_still_names_its_section(heading, section):
    text = f"{heading}\n\n- Reduce the standing groups from fifteen to six\n\n- Meet four times a year rather than six"
    assert [s for _, s, _ in _items(text)] == [section, section]


@pytest.mark.parametrize("line", ["Matter for: Decision", "Table 1: Options for regional collaboration"])
def test_a_label_and_its_value_is_not_a_heading(line):
    assert not extract._is_heading(line)


BOARD_SLIDES = """What this means for partners

Chairs of the nine groups being stood down will need to hand over live actions by 30 September

Each partner will be asked to name one accountable lead for every priority

The Board's annual report will be replaced by a quarterly dashboard

Principles for the new arrangements

Form follows function

Community representatives brought in from the start of planning"""


def test_a_slide_line_without_its_full_stop_is_an_item_in_its_section_and_a_short_title_ends_it():
    items = _items(BOARD_SLIDES)
    assert [(section, text.split()[0]) for _, section, text in items] == [
        ("implication", "Chairs"), ("implication", "Each"), ("implication", "The")]


AWAY_DAY = """Options for our group structure

- Option A - Keep all five standing sub-groups as they are
For: no disruption
Against: keeps the duplication

- Option B - Merge into three standing groups

Agreed at the away-day

- Option A not supported - the status quo is not an option

- The Board moves to quarterly meetings with a spring development session"""


def test_bulleted_options_are_options_and_what_an_away_day_agreed_are_decisions():
    spans = extract.segment(AWAY_DAY)
    assert [(s.label, s.section) for s in spans[:2]] == [("Option A", "option"), ("Option B", "option")]
    assert AWAY_DAY[spans[0].start:spans[0].end].endswith("Against: keeps the duplication")  # its pros and cons go with it
    items = pd.DataFrame([{"label": s.label, "section": s.section, "context": s.context, "text": AWAY_DAY[s.start:s.end],
                           "doc_type": "other"} for s in spans])
    coded = coding.code_items(items)
    agreed = coded[coded["section"] == "resolved"]
    assert list(zip(agreed["kind"], agreed["status"])) == [("decision", "rejected"), ("decision", "agreed")]


OLD_REPORT = """2. RECOMMENDATION(S)

2.1 That Cabinet:

(a) endorses the findings of the review;

(b) supports the reduction in the number of thematic partnerships from seven to five.

5. Proposed changes

The Board

5.1 It is proposed that the Board meet four times a year instead of six.

Thematic partnerships

5.2 Every thematic partnership will adopt a standard set of terms of reference.

Table 1: Thematic partnerships

6. Consultation

6.1 The proposals were discussed with the thematic chairs in June."""


def test_a_numbered_section_keeps_its_unnumbered_subheadings_and_ends_at_the_next_number():
    items = _items(OLD_REPORT)
    sections = {t.split()[0]: section for _, section, t in items}
    assert sections["(a)"] == sections["(b)"] == "recommendation"  # "RECOMMENDATION(S)"
    assert sections["5.1"] == sections["5.2"] == "proposal"  # "The Board", "Thematic partnerships" are parts of 5
    assert sections.get("6.1") != "proposal"  # "6. Consultation" ends the section


ANNUAL_NEWSLETTER = """Fewer, better meetings

From September 2023 the Board has met
quarterly instead of every two months. In July the Board set up a six-month
task-and-finish group on the cost of living. Its work done, the group was stood
down in February. Partners pooled £45,000 this year to fund a shared support officer.

The Board has met six times a year since 2013. The groups set up in 2018 cover each locality.

A report by the Partnership Manager asked the Board to consider the options. The Chair asked every
partner to nominate a lead officer by October. The review found that two groups duplicate each other. It
proposed that they be merged. In March the Board
decided to pause this until the national
platform is ready."""


def test_what_a_body_did_told_afterwards_is_an_item_even_across_a_line_break():
    texts = [" ".join(t.split()) for t in _texts(ANNUAL_NEWSLETTER)]
    for start in ("From September 2023", "In July the Board set up", "Its work done", "Partners pooled",
                  "The Chair asked every partner", "It proposed that they be merged.", "In March the Board decided"):
        assert any(t.startswith(start) for t in texts), start
    for start in ("The Board has met six times", "The groups set up in 2018", "A report by the Partnership Manager"):
        assert not any(t.startswith(start) for t in texts), start


FOUND_SLIDE = """What we found

Too many groups:

- Fifteen groups report to the Board, and six have not met

Unclear ownership:

- No priority has a single named lead

Related stories:

- Council tax to rise"""


def test_a_caption_with_a_colon_over_points_in_a_findings_section_keeps_the_section():
    items = _items(FOUND_SLIDE)
    assert [(section, t[:12]) for _, section, t in items] == [("finding", "- Fifteen gr"), ("finding", "- No priorit")]


def test_news_of_what_is_to_happen_to_a_body_is_an_item():
    text = ("The city's Health and Wellbeing Board and the Integrated Care Partnership for the county are to meet "
            "as a single committee from the new year. The old forum is set to be scrapped in March. "
            "The meeting was held in the town hall.")
    assert [t.split()[1] for t in _texts(text)] == ["city's", "old"]


BILINGUAL_MINUTES = """Cofnodion Bwrdd Gwasanaethau Cyhoeddus Dyffryn
Minutes of the Dyffryn Public Services Board

Eitem 4: Adolygiad o is-grwpiau'r Bwrdd

Cafodd yr adroddiad ei gyflwyno gan y Rheolwr Partneriaeth. Mae'r Bwrdd wedi cytuno i uno'r ddau is-grŵp.

Item 4: Review of the Board's sub-groups

The report was presented by the Partnership Manager. The Board has agreed to merge the two sub-groups.

PENDERFYNWYD: Bod y Bwrdd yn cyfarfod bob chwarter o hyn ymlaen, gyda'r cyfarfod cyntaf ym mis Mehefin.

RESOLVED: That the Board meets quarterly from now on, with the first meeting in June.

Eitem 5: Cylch gorchwyl | Item 5: Terms of reference
Trafododd yr aelodau gylch gorchwyl y Bwrdd a'r is-grwpiau. | Members discussed the terms of reference of the Board and its sub-groups.
PENDERFYNWYD: | RESOLVED:
(a) bod y Rheolwr yn paratoi cylch gorchwyl newydd erbyn y cyfarfod nesaf; | (a) that the Manager prepare new terms of reference by the next meeting;
(b) bod y Cadeirydd yn ysgrifennu at Ysgrifennydd y Cabinet ynghylch yr uno. | (b) that the Chair write to the Cabinet Secretary about the merger.
"""


def test_a_bilingual_document_gives_each_item_once_from_its_english():
    blanked = extract.english_only(BILINGUAL_MINUTES)
    assert len(blanked) == len(BILINGUAL_MINUTES)  # offsets into the blanked text are offsets into the text
    assert all(b == a or b.isspace() for a, b in zip(BILINGUAL_MINUTES, blanked))
    assert "PENDERFYNWYD" not in blanked and "Mae'r Bwrdd" not in blanked and "RESOLVED: That the Board" in blanked
    items = extract.items_for_document({"doc_id": "d", "council": "c", "doc_type": "minutes", "text": BILINGUAL_MINUTES})
    assert [it["text"] for it in items] == [
        "The Board has agreed to merge the two sub-groups.",
        "RESOLVED: That the Board meets quarterly from now on, with the first meeting in June.",
        "(a) that the Manager prepare new terms of reference by the next meeting;",
        "(b) that the Chair write to the Cabinet Secretary about the merger.",
    ]
    assert [it["label"] for it in items][-2:] == ["(a)", "(b)"] and items[-1]["section"] == "resolved"
    assert all(BILINGUAL_MINUTES[it["start"]:it["end"]] == it["text"] for it in items)


def test_english_text_with_welsh_names_is_read_as_it_is():
    text = ("Cyngor Sir Ceredigion County Council\n\nThe Cabinet approved the merger of Gwent PSB and Cwm Taf PSB.\n\n"
            "Bwrdd Gwasanaethau Cyhoeddus Gwynedd a Môn | Merged | Joins the regional board in April\n\n") * 4
    assert extract.english_only(text) == text


RESPONSE_TABLE = """Executive Response

9. The table below sets out each recommendation of the Task Group and the executive's response.

No. | Scrutiny recommendation | Cabinet response | Accepted / Partially accepted / Not accepted | Lead
1 | The Board's terms of reference should be revised. | Revised terms will go to Council in January. | Accepted | DPH
2 | A pooled prevention budget should be created. | Spending is already aligned; a further pooled budget would add cost. | Not accepted | -
3 | Membership should be reduced. | Voting membership will fall from 24 to 16. | Partially accepted | DPH

Recommendation

10. Cabinet is recommended to:

(a) endorse the executive response set out in the table at paragraph 9;

(b) note that the changes to the Board's terms of reference will be put to full Council."""


def test_a_response_table_gives_one_item_a_row_with_its_verdict_and_a_paragraph_number_is_no_sentence():
    coded = _coded_as(RESPONSE_TABLE, "report")
    rows = coded[coded["text"].str.match(r"\d \|")]
    assert list(rows["label"]) == ["1", "2", "3"]
    assert list(rows["kind"]) == ["recommendation"] * 3
    assert list(rows["status"]) == ["agreed", "rejected", "agreed"]
    assert "10." not in set(coded["text"])  # "10. Cabinet is recommended to:" is a lead-in, not an item and its number
    assert list(coded["text"].str[:3].iloc[-2:]) == ["(a)", "(b)"]


AUDIT_PLAN = """Management Action Plan

Ref | Finding | Risk | Recommendation | Priority | Management response | Responsible officer | Target date
R1 | The terms of reference date from 2016. | Decisions may be challenged. | The Board should approve revised terms of reference. | High | Agreed. Revised terms of reference will be presented to the Board in June. | Partnership Manager | 30 June 2024
R2 | Two decisions were taken by e-mail. | No transparency. | (a) The Board should meet quarterly. (b) Decisions taken by e-mail should be reported to the next meeting. | Medium | Partly agreed. (a) Agreed - the Board will meet quarterly from April. (b) Not agreed - the Board considers that no decisions should be taken by e-mail. | Partnership Manager | 30 April 2024
R3 | There is no risk register. | Risks are not managed. | A partnership risk register should be set up. | Low | Agreed. | Partnership Manager | 31 August 2024
"""


def test_an_audits_scope_whom_a_review_spoke_to_its_ratings_and_its_thanks_are_no_items():
    text = ("2. Scope and objectives\n\n2.1 The audit sought to provide assurance that:\n\n"
            "- the Partnership has up-to-date terms of reference;\n\n- the Partnership meets its statutory duties.\n\n"
            "3. Findings\n\n3.1 The Board should review its terms of reference every year.\n\n"
            "4.1 We would like to thank the Community Planning team and partners for their help.\n\n"
            "Annex A People we spoke to\n\nWe interviewed 38 people, including:\n\n- the Leader and the chairs of two committees\n\n"
            "Appendix 1 - Assurance levels and priorities\n\nAssurance level | Definition\n"
            "No assurance | Immediate action is required to address fundamental gaps.\n")
    assert _texts(text) == ["3.1 The Board should review its terms of reference every year."]


def test_what_a_body_asked_after_and_is_its_own_item_and_an_invitation_is_an_item():
    text = ("The District Plan's five priorities will stay unchanged until the plan is refreshed in 2025, and the Board has "
            "asked each thematic partnership to identify no more than three priority projects.\n\n"
            "Residents, community groups and partners are invited to complete a short online survey by 12 July.")
    assert _texts(text) == [
        "The District Plan's five priorities will stay unchanged until the plan is refreshed in 2025",
        "the Board has asked each thematic partnership to identify no more than three priority projects.",
        "Residents, community groups and partners are invited to complete a short online survey by 12 July."]



def test_what_a_body_asked_after_but_is_its_own_item():
    text = ("The Board agreed to report to the Health and Wellbeing Board, but asked that the two chairs meet "
            "before each meeting.\n\nThe Committee noted the update, and asked officers to report back in March.")
    assert _texts(text) == [
        "The Board agreed to report to the Health and Wellbeing Board",
        "asked that the two chairs meet before each meeting.",
        "The Committee noted the update",
        "asked officers to report back in March."]

FORWARD_PLAN = """Forward Plan of Executive Decisions

Part 1 - Key decisions

KEY/2025/021 - Highways maintenance term contract 2026-2036

To award the highways maintenance term contract for 2026 to 2036 following a competitive procurement.

KEY/2025/024 - Safer Peterborough Partnership: merger with the Cambridgeshire partnerships

To approve the merger of the Safer Peterborough Partnership with the Cambridgeshire Countywide Board.

KEY/2025/026 - Parking fees and charges 2025/26

To approve revised fees and charges for on-street and off-street parking from 1 July 2025.

Part 2 - Other executive decisions

Decision to be taken | Decision maker | Date of decision | Lead officer
EXE/2025/015 - To set up a cross-party task and finish group on partnership governance. | Leader of the Council | May 2025 | Head of Policy
"""


def test_a_forward_plan_gives_its_partnership_decisions_to_come_as_proposals_and_not_its_other_business():
    items = extract.items_for_document({"doc_id": "d", "council": "c", "doc_type": "other", "text": FORWARD_PLAN})
    texts = [item["text"] for item in items]
    assert texts[0] == "To approve the merger of the Safer Peterborough Partnership with the Cambridgeshire Countywide Board."
    assert texts[1].startswith("EXE/2025/015 - To set up a cross-party task and finish group")
    assert len(texts) == 2  # the highways contract and the parking charges are other business
    coded = _coded_as(FORWARD_PLAN, "other")
    rows = dict(zip(coded["text"].str[:20], zip(coded["kind"], coded["status"])))
    assert rows["To approve the merge"] == rows["EXE/2025/015 - To se"] == ("proposal", "proposed")  # decisions still to take


def test_references_with_a_letter_number_a_list_and_actions_arising_are_actions():
    text = ("The Board considered the report of the Head of Community Safety, and:\n\n"
            "D1. Agreed that the two groups will merge from 1 April 2025.\n\n"
            "D2. Agreed that the ASB Strategic Group will be stood down.\n\n"
            "ITEM 5 - SERIOUS VIOLENCE DUTY\n\nD3. Noted the update on the refresh of the strategy.\n\n"
            "ACTIONS ARISING\n\nA1. Business Support to circulate the review report to partners.\n\n"
            "A2. Head of Community Safety to write to the Director of Public Health.")
    items = _items(text)
    assert [label for label, _, _ in items[:2] + items[3:]] == ["D1", "D2", "A1", "A2"]
    assert items[2][2] == "D3. Noted the update on the refresh of the strategy."  # "D3." is no sentence of its own
    assert [section for _, section, _ in items[3:]] == ["action", "action"]


def test_a_lists_short_parts_are_parts_not_headings():
    text = ("Design principles for the new arrangements\n\n"
            "1. Form follows function: every group has a clear purpose linked to the Community Plan\n"
            "2. Fewer, stronger groups - no standing group without a work programme\n"
            "3. Decisions taken at the most local level that makes sense\n\n"
            "4. Community voice built in, not bolted on\n\n5. Time-limited groups for time-limited problems\n\n"
            "6. Background\n\n6.1 The Partnership was set up in 2003.")
    assert [label for label, _, _ in _items(text)] == ["(1)", "(2)", "(3)", "(4)", "(5)"]  # "6. Background" stays a heading


def test_a_reviewers_judgements_are_items_and_its_background_is_not():
    text = ("3.2 The review covered the Board and its eleven thematic groups between June and October.\n\n"
            "3.3 In our view the partnership architecture is too complex for the borough's needs.\n\n"
            "3.4 Our central conclusion is that the two boards now cover much of the same ground.\n\n"
            "3.5 We believe the new Integrated Care Board makes this the right moment to simplify.")
    coded = _coded_as(text, "report")
    assert [t[:20] for t in coded["text"]] == ["3.3 In our view the ", "3.4 Our central conc", "3.5 We believe the n"]
    assert set(zip(coded["kind"], coded["status"])) == {("statement", "proposed")}


def test_a_list_goes_on_past_a_label_a_scan_read_in_capitals():
    text = ("RESOLVED -\n(a) That the two groups be merged.\n\n(b) That the terms of reference be approved.\n\n"
            "(C) That the Strategic Group meet every two months.\n(d) That the membership be as set out at Appendix B.\n\n"
            "(e) That the five sub-groups be replaced by three delivery groups.")
    items = _items(text)
    assert [label for label, _, _ in items] == ["(a)", "(b)", "(C)", "(d)", "(e)"]
    assert {section for _, section, _ in items} == {"resolved"}


def test_an_audit_action_plan_gives_each_recommendation_with_its_response_and_what_management_will_do():
    got = _coded_table(AUDIT_PLAN, "report")
    assert got == {
        "The Board should approve revised terms of reference.": ("R1", "recommendation", "agreed"),
        "Agreed. Revised terms of reference will be presented to the Board in June.": ("R1", "decision", "agreed"),
        "(a) The Board should meet quarterly.": ("R2 (a)", "recommendation", "agreed"),
        "(b) Decisions taken by e-mail should be reported to the next meeting.": ("R2 (b)", "recommendation", "rejected"),
        "Partly agreed. (a) Agreed - the Board will meet quarterly from April.": ("R2", "decision", "agreed"),
        "(b) Not agreed - the Board considers that no decisions should be taken by e-mail.": ("R2 (b)", "decision", "rejected"),
        "A partnership risk register should be set up.": ("R3", "recommendation", "agreed"),  # a bare "Agreed." is no item
    }  # the finding, the risk, the priority, the officer and the date are no items


def test_a_purpose_section_is_background_when_it_is_the_papers_purpose_and_content_when_it_is_the_bodys():
    paper = "1. Purpose\n\n1.1 The purpose of this report is to seek approval for the review.\n\n- It will merge two groups."
    terms = ("2. Purpose\n\n2.1 The Partnership Board sets the strategic direction for community safety.\n\n"
             "2.2 In particular the Board will:\n\n- agree a three-year Partnership Plan;\n\n- commission Domestic Homicide Reviews.")
    assert extract.segment(paper) == []
    coded = _coded_as(terms, "report")
    assert list(coded["text"]) == ["- agree a three-year Partnership Plan;", "- commission Domestic Homicide Reviews."]
    assert list(coded["kind"]) == ["proposal", "proposal"]  # parts of "the Board will:" in a draft put forward


def test_a_timeline_table_under_a_caption_row_has_a_header_that_is_not_an_item():
    text = ("Timeline\n\n| Key dates | |\n| When | What happens |\n| June 2025 | Last meeting of the current Board |\n"
            "| July 2025 | Chairs of the three delivery groups appointed |")
    assert [text[s.start:s.end] for s in extract.segment(text)] == [
        "| June 2025 | Last meeting of the current Board |", "| July 2025 | Chairs of the three delivery groups appointed |"]


def test_what_a_body_did_not_agree_and_what_was_put_back_are_items():
    text = ("Board members did not agree to a single pooled prevention budget held by the council.\n\n"
            "The refresh of the Joint Health and Wellbeing Strategy has been put back to 2026.")
    coded = _coded_as(text, "web page")
    assert list(coded["status"]) == ["rejected", "deferred"]


def test_a_gaelic_and_english_document_gives_its_items_from_the_english():
    text = ("Chaidh aontachadh gun tèid an dà bhòrd a thoirt còmhla bhon Ghiblean 2025, agus tha sin air a mholadh.\n\n"
            "It was agreed that the two boards be brought together from April 2025.\n\n"
            "Bidh am Bòrd a' coinneachadh ceithir tursan sa bhliadhna, agus bidh na buidhnean-obrach ag aithris dha.\n\n"
            "The Board will meet four times a year and the working groups will report to it.\n\n"
            "Tha Comhairle nan Eilean Siar agus bha na com-pàirtichean ag obair còmhla airson seo bho 2019 agus chaidh aontachadh.\n\n")
    items = extract.items_for_document({"doc_id": "d", "council": "c", "doc_type": "minutes", "text": text})
    assert [it["text"] for it in items] == ["It was agreed that the two boards be brought together from April 2025.",
                                           "The Board will meet four times a year and the working groups will report to it."]


def test_a_column_of_welsh_names_beside_english_is_kept_in_a_bilingual_document():
    welsh = ("Mae'r Bwrdd wedi cytuno i uno'r ddau is-grŵp. Bydd y Bwrdd yn cyfarfod bob chwarter o hyn ymlaen, gyda'r "
             "cyfarfod cyntaf ym mis Mehefin. Mae hyn wedi bod yn waith pwysig i'r bwrdd ac i'r cyngor, ac mae'r partneriaid yn cytuno.")
    table = ("Group | Outcome | Notes\n"
             "Bwrdd Gwasanaethau Cyhoeddus Gwynedd a Môn | Merged | Joins the regional board in April 2025 with its sub-groups and staff\n"
             "Partneriaeth Diogelwch Cymunedol Gwynedd a Môn | Continuing | No change to its remit, which stays as it is for two years")
    blanked = extract.english_only(f"{welsh}\n\nThe Board agreed the future of its groups:\n\n{table}\n")
    assert welsh not in blanked and table in blanked


# ---------------------------------------------------------------- eleventh round: response tables, NI minutes, packs, slides


def _coded_table(text: str, doc_type: str) -> dict[str, tuple[str, str, str]]:
    coded = _coded_as(text, doc_type)
    return {t: (label, kind, status) for t, label, kind, status in zip(coded["text"], coded["label"], coded["kind"], coded["status"])}


def test_a_you_said_we_did_table_gives_what_was_done_and_not_what_was_said():
    page = ("What you told us and what we have done\n\n"
            "| What you told us | What we have done |\n"
            "| Most respondents agreed that one board should oversee both. | The two boards were merged on 1 October 2024. "
            "The Youth Justice Board no longer meets separately. |\n"
            "| Partners said monthly meetings were hard to staff. | From November the board meets every other month. "
            "The Head of Youth Justice has been added to the membership. |\n"
            "| Some wanted a board shared with neighbouring boroughs. | We have not taken this forward. Youth justice is "
            "organised borough by borough. |\n"
            "| People asked what the board does. | A short summary of each meeting will be published within ten days. |\n\n"
            "Next steps\n")
    got = _coded_table(page, "web page")
    assert set(got) == {"The two boards were merged on 1 October 2024.",
                        "From November the board meets every other month.",
                        "The Head of Youth Justice has been added to the membership.",
                        "We have not taken this forward.",
                        "A short summary of each meeting will be published within ten days."}  # what people said is no item
    assert {label for label, _, _ in got.values()} == {"What we have done"}
    assert got["We have not taken this forward."][1:] == ("decision", "rejected")
    assert got["A short summary of each meeting will be published within ten days."][1:] == ("action", "agreed")
    assert got["The two boards were merged on 1 October 2024."][1:] == ("decision", "agreed")


NI_PCSP_MINUTES = """PCSP 19/042 MINUTES OF PREVIOUS MEETING
Proposed by Mr Stewart, Seconded by Councillor Kinnear and AGREED - that the
minutes be confirmed as a correct record and signed by the Chair.
PCSP 19/045 REVIEW OF THEMATIC SUB-GROUPS
Councillor Fitzsimons then proposed an amendment, seconded by Councillor McAteer,
that the Policing Committee be retained as a separate third sub-group.

The amendment was put to the meeting and a recorded vote taken. For 4, Against 9,
Abstentions 0. The amendment FELL.

Councillor Quigg proposed that one fewer Political Member should attend the
Sub-Group. There being no
seconder, the proposal fell.
PCSP 19/047 MEMBERSHIP
The Manager reported a vacancy for an Independent Member.
Proposed by Councillor Kinnear, Seconded by Mrs Canning and AGREED - that the
Manager write to the Policing Board asking that the vacancy be filled.

Members NOTED that the Education Authority had nominated Ms Devlin as its representative.
PCSP 19/049 ACTION PLAN
Proposed by Mr Gault, Seconded by Councillor Deehan and AGREED - that it be
RECOMMENDED to Council that:

(a) the revised sub-group structure be ratified; and

(b) the draft Action Plan be approved.
PCSP 19/050 SMALL GRANTS
Having declared an interest, Councillor Deehan left the meeting at 6.52 pm.
Proposed by Mrs Wylie, Seconded by Alderman Hanna and AGREED - that 16
applications be funded.
"""


def test_northern_ireland_minutes_read_motions_votes_and_recommendations_to_council():
    got = {t.split("\n")[0][:40]: (kind, status) for t, (_, kind, status) in _coded_table(NI_PCSP_MINUTES, "minutes").items()}
    assert got["Councillor Fitzsimons then proposed an a"] == ("proposal", "rejected")  # its vote is a paragraph later
    assert got["Councillor Quigg proposed that one fewer"] == ("proposal", "rejected")  # no seconder
    assert got["Proposed by Councillor Kinnear, Seconded"] == ("request", "agreed")
    assert got["Members NOTED that the Education Authori"][1] == "noted"  # what was noted, not what the news says was done
    assert got["Proposed by Mrs Wylie, Seconded by Alder"] == ("resolution", "agreed")  # after who left, blank line or not
    assert got["(a) the revised sub-group structure be r"] == ("recommendation", "proposed")  # full Council decides
    assert got["(b) the draft Action Plan be approved."] == ("recommendation", "proposed")
    assert not any("correct record" in t or t.startswith("PCSP") for t in _texts(NI_PCSP_MINUTES))


def test_a_reports_findings_summary_table_and_survey_counts():
    report = ("6.0 REPORT DETAILS\n\n6.3 The main findings were:\n\n"
              "(a) average attendance at Board meetings fell from 17 to 11;\n\n"
              "(b) two of the five theme groups have not met since the LAA ended.\n\n"
              "7.0 OPTIONS\n\n7.1 Three options have been considered.\nTable 1: Summary of options\n\n"
              "Option | What it means | Officer view\n1. Retain | Everything continues | Not recommended\n"
              "2. Slim down | A smaller Board | Recommended\n\n"
              "7.2 Option 1: Retain the current arrangements. This option is not recommended.\n\n"
              "7.3 Option 2: Slim down the Partnership. This is the recommended option.\n\n"
              "Appendix A: Survey\n\nStatement | Agree | Disagree\nThe Board is a good use of time | 12 | 10\n"
              "I would attend an annual partnership forum | 24 | 2\n")
    got = _coded_table(report, "report")
    findings = [v for t, v in got.items() if t.startswith(("(a) average", "(b) two"))]
    assert [(kind, status) for _, kind, status in findings] == [("statement", "noted")] * 2
    texts = list(got)
    assert not any(t.startswith(("1. Retain", "2. Slim down")) for t in texts), "a summary table repeats the text"
    assert any(t.startswith("7.2 Option 1: Retain") for t in texts) and any(t.startswith("7.3 Option 2") for t in texts)
    assert not any("| 24 |" in t or "| 12 |" in t for t in texts), "a row of counts is data"


def test_a_slide_titled_proposal_n_makes_its_points_proposals_and_discussion_ends_the_options():
    slides = ("Proposal 1 - Sustainable Economy theme group\n\n"
              "- Dissolve the Sustainable Economy theme group from April 2018\n\n"
              "- Economic actions to be overseen directly by the Board\n\n"
              "3. Options considered\n\nThe group considered two options:\n\n- Keep the current arrangements.\n\n"
              "- Hold the two meetings back to back.\n\nDiscussion points:\n\n"
              "- Healthwatch asked for a public question time. The group agreed there would be one public question time.\n")
    items = _items(slides)
    assert ("Proposal 1", "proposal", "- Dissolve the Sustainable Economy theme group from April 2018") in items
    assert ("Proposal 1", "proposal", "- Economic actions to be overseen directly by the Board") in items
    assert not any(section == "option" and "question time" in t for _, section, t in items)


def test_a_long_table_row_of_figures_that_ends_in_words_is_read_at_once():
    """A row check written as one regular expression backtracked exponentially on such a row (25 figures, then
    words): segmenting this document never finished. It is a cell-by-cell check now."""
    row = "Statement | " + " | ".join(["12"] * 25) + " | Not recommended"
    text = f"Options\n\nOption | " + " | ".join(f"Y{i}" for i in range(25)) + f" | View\n{row}\n\nThe Board agreed to meet quarterly.\n"
    assert "The Board agreed to meet quarterly." in _texts(text)
    assert not extract._data_row(row) and extract._data_row("I would attend a forum | 24 | 5% | £2,000 | n/a | –")


MINUTES_FROM_A_TABLE = """5 Carers – proposal for a regional Task and Finish Group

SW presented a short paper on the duties towards carers.

The Board AGREED:

(a) to merge the two groups into a single Integrated Care Programme Group;

(b) that the new group be co-chaired by JB and SW.

Action / Lead: LM to update the regional structure chart on the web pages

Action / Lead: SW – draft scope and ToR for the Task and Finish Group
"""


def test_minutes_read_from_a_table_give_resolution_parts_and_actions_and_a_title_naming_a_proposal_opens_no_section():
    items = _items(MINUTES_FROM_A_TABLE)
    assert ("(a)", "resolved", "(a) to merge the two groups into a single Integrated Care Programme Group;") in items
    assert ("Action", "action", "Action / Lead: LM to update the regional structure chart on the web pages") in items
    assert ("Action", "action", "Action / Lead: SW – draft scope and ToR for the Task and Finish Group") in items
    assert not any(section == "proposal" for _, section, _ in items), "an agenda item's title is no Proposals heading"
    assert not extract._is_title("Action: JS to circulate the terms of reference")


def test_recommendations_a_chair_reads_out_are_items_each_resolved_when_announced_agreed():
    said = ("Cllr Dunstan: Thank you. In that case I'll move to the recommendations. Recommendation one, that Cabinet "
            "approves the establishment of a joint committee. Two, that the joint committee meets in public. And three, "
            "the one we have just added, that a report comes back in January. Can I see those in favour? That's "
            "unanimous, so those recommendations are agreed.\n\n"
            "Cllr Shah: One, that is not what I said. Two, that would be wrong.\n")
    got = _coded_table(said, "minutes")
    parts = {t: v for t, v in got.items() if v[0].startswith("Recommendation")}
    assert [label for label, _, _ in parts.values()] == ["Recommendation 1", "Recommendation 2", "Recommendation 3"]
    assert {(kind, status) for _, kind, status in parts.values()} == {("resolution", "agreed")}
    assert "Two, that the joint committee meets in public." in parts
    put = _items(said.split("Can I see")[0])  # not yet voted on: recommendations, put forward
    assert [section for label, section, _ in put if label.startswith("Recommendation")] == ["recommendation"] * 3


def test_a_cover_sheets_recommendations_and_a_directions_parts_are_items_and_its_other_fields_are_not():
    sheet = ("Meeting: | Fife Integration Joint Board\nDate: | Friday 27 November 2020\n"
             "Recommendation(s): | The Board is asked to: approve four localities in place of the current seven; "
             "approve the new terms of reference (Appendix 2); note what people told us in the survey.\n"
             "Risk: | The main risk is that bigger localities feel distant.\n\n"
             "Direction to: | NHS Fife and Fife Council jointly\n"
             "Does this direction supersede a previous direction? | Yes\n"
             "Full text and detail of direction: | 1. NHS Fife and Fife Council are directed to support four locality "
             "planning groups. 2. NHS Fife is directed to release each GP cluster lead to co-chair a group.\n")
    got = _coded_table(sheet, "report")
    assert got["approve four localities in place of the current seven"][1:] == ("recommendation", "proposed")
    assert got["note what people told us in the survey."][1] == "recommendation"
    assert got["1. NHS Fife and Fife Council are directed to support four locality planning groups."] == ("1.", "request", "proposed")
    assert "2. NHS Fife is directed to release each GP cluster lead to co-chair a group." in got
    assert not any("bigger localities" in t or "27 November" in t for t in got), "other fields are no items"


def test_options_a_consultation_is_not_proposing_are_rejected_and_its_notices_are_no_items():
    consultation = ("Other options we looked at\n\nWe considered the following options but are not proposing them:\n\n"
                    "Merging the Partnership into the Health and Wellbeing Board. Its remit is much wider.\n\n"
                    "Keeping the area panels but holding them twice a year. Attendance has fallen.\n\n"
                    "Data protection\n\nWe will publish a summary of responses but will not identify any individual.\n\n"
                    "How to respond\n\nWe will hold drop-in sessions at Bootle Library on 18 June.\n")
    got = _coded_table(consultation, "report")
    options = {t: v for t, v in got.items() if t.startswith(("Merging", "Keeping"))}
    assert len(options) == 2 and {(kind, status) for _, kind, status in options.values()} == {("proposal", "rejected")}
    assert not any("summary of responses" in t or "drop-in" in t for t in got)


def test_a_presenters_cues_in_speaker_notes_are_no_items_and_what_the_board_agreed_is():
    text = ("Speaker notes\n\nWelcome; purpose of the session is to test the emerging proposals before May.\n\n"
            "Introduce the independent reviewer, who will take questions on the findings.\n\n"
            "Board agreed to three meetings a year, with a Leadership Summit in the autumn.")
    assert _texts(text) == ["Board agreed to three meetings a year, with a Leadership Summit in the autumn."]


def test_a_live_blogs_own_words_a_decision_records_declarations_and_a_pointer_are_no_items():
    text = ("That is where we will leave our live coverage of today's meeting.\n\n"
            "Welcome to the June edition of our partnership bulletin, sent to members who have agreed to get news.\n\n"
            "You are receiving this email because you signed up to partnership news, and the Board agreed to send it.\n\n"
            "Conflicts of interest declared by a Cabinet member consulted: Councillor Castell (non-pecuniary).\n\n"
            "Financial implications: as set out in section 5 of the report; the Board will save £20,000.\n\n"
            "The Board agreed to meet quarterly.\n")
    assert _texts(text) == ["The Board agreed to meet quarterly."]


def test_what_a_board_supported_is_agreed_and_a_direction_is_a_request():
    assert coding.code_status("The Board supported the principle of one regional pooled fund.", "principle", "prose",
                              doc_type="minutes")[0] == "agreed"
    assert coding.code_kind("NHS Fife is directed to release each GP cluster lead.", "list", doc_type="report")[0] == "request"


def test_the_parts_of_what_a_decision_does_are_decided():
    lead = "As well as setting up the new partnership and the six local delivery groups, the decision:"
    part = "- commits the council to a review of the new arrangements after twelve months."
    assert coding.code_kind(part, "list", lead, doc_type="news")[0] == "decision"
    assert coding.code_kind(part, "list", lead, doc_type="minutes")[0] == "resolution"
    assert coding.code_status(part, "decision", "list", lead, doc_type="news")[0] == "agreed"


def test_what_would_change_for_you_under_a_proposal_states_its_consequences_and_a_question_can_ask_for_something():
    consultation = ("Proposal 3: A seat for a young person\n\nWe propose to add a seat on the board for the Youth Forum.\n\n"
                    "What would change for you\n\nIf you are a young person, someone of your own age would be at the table.\n")
    got = _coded_table(consultation, "report")
    assert got["If you are a young person, someone of your own age would be at the table."][1:] == ("implication", "proposed")
    asked = "Cllr Dowson asked whether the executive would agree to a first review after six months."
    assert coding.code_kind(asked, "prose", doc_type="news")[0] == "request"
    assert coding.code_kind("Cllr Dowson asked whether the review had started.", "prose", doc_type="news")[0] != "request"


LETTER = """Dear colleagues,

At the joint meeting the boards agreed the following changes.

(a)\tThe two boards will meet in common from September 2025. They will be formally combined into a single board from April 2026.

(b)\tThe Resilient Communities Board will be stood down in July.

To put these changes into effect, I would ask each partner organisation to:

- confirm by 18 July its nominated representative on the combined board;

- let the partnerships team know by 30 June if it would like to sponsor a group.

The partnerships team will circulate draft terms of reference by 11 July.

Reports will go to the following meeting.

Yours sincerely,"""


def test_a_letters_decisions_after_the_following_changes_and_its_requests_are_coded_as_such():
    coded = _coded_as(LETTER, "other").set_index("text")
    assert list(coded.index[:2]) == [
        "(a)\tThe two boards will meet in common from September 2025.",  # each sentence of a part is a decision
        "They will be formally combined into a single board from April 2026."]
    assert set(coded.loc[coded.index.str.contains("meet in common|formally combined|stood down"), "kind"]) == {"decision"}
    assert set(coded.loc[coded.index.str.startswith("- "), "kind"]) == {"request"}  # "I would ask each partner … to:"
    assert coded.loc["The partnerships team will circulate draft terms of reference by 11 July.", "kind"] == "action"
    assert coded.loc[coded.index.str.contains("combined into a single"), "label"].item() == "(a)"
    assert "Reports will go to the following meeting." in coded.index  # an item, not a lead-in to what follows


def test_a_transcripts_assent_is_not_an_item_and_a_chairs_are_we_agreed_is_a_decision():
    text = ("Gráinne Mallon: So are we agreed the thematic groups go to quarterly meetings?\n\n"
            "Fiona McCabe: Agreed.\n\nSean Quinn: Will do.\n\n"
            "Martin Doherty: We agree with the review and we will report back on attendance.")
    coded = _coded_as(text, "minutes").set_index("text")
    assert not coded.index.str.contains("Fiona McCabe|Sean Quinn").any()
    assert coded.loc["Gráinne Mallon: So are we agreed the thematic groups go to quarterly meetings?", "kind"] == "decision"
    assert (coded.loc[coded.index.str.contains("We agree with"), "kind"] != "decision").all()


AGENDA = """Cabinet

Agenda

6. Partnership Governance Review (Pages 17 - 64)

Key decision: Yes | Forward Plan reference: CAB/25/009 | Portfolio: Leader of the Council

Report of: Marcus Threlfall, Director of Policy and Partnerships

Recommendations

Cabinet is recommended to:

(a) approve the establishment of a single Place Partnership Board;

(b) agree that the Place Partnership Board meet quarterly.

7. Treasury Management Outturn 2024/25 (Pages 65 - 80)

Key decision: No | Portfolio: Finance

Recommendations

Cabinet is recommended to:

(a) note the treasury management outturn for 2024/25;

(b) recommend the report to Council on 15 July 2025.
"""


def test_an_agendas_item_titles_and_field_rows_are_not_items_and_its_off_topic_items_go():
    doc = {"doc_id": "d", "council": "X", "doc_type": "other", "text": AGENDA}
    texts = [item["text"] for item in extract.items_for_document(doc)]
    assert texts == ["(a) approve the establishment of a single Place Partnership Board;",
                     "(b) agree that the Place Partnership Board meet quarterly."]


FEED_TEXT = """Example Council - Recent decisions

Community Safety Partnership - review of structures

Published: 2025-03-27

Decision Maker: Executive Board

RESOLVED - That the Executive Board agrees to merge the two community safety delivery groups.

Highways capital programme

Published: 2025-03-26

Decision Maker: Executive Board

RESOLVED - That the Executive Board approves the highways capital programme of £6.8 million.
"""


def test_a_feeds_entries_off_the_topic_go():
    doc = {"doc_id": "d", "council": "X", "doc_type": "other", "text": FEED_TEXT}
    texts = [item["text"] for item in extract.items_for_document(doc)]
    assert texts == ["RESOLVED - That the Executive Board agrees to merge the two community safety delivery groups."]


def test_business_done_in_speech_is_extracted_and_coded():
    text = ("Gráinne Mallon: So I'll take it that option one is off the table.\n\n"
            "Gráinne Mallon: OK, Environment and Place stays as it is.\n\n"
            "Gráinne Mallon: I think we park the fund and let the Board consider it in June.\n\n"
            "Gráinne Mallon: So we agree to increase the community sector seats on the Board to three.")
    coded = _coded_as(text, "minutes")
    assert list(zip(coded["kind"], coded["status"])) == [
        ("proposal", "rejected"), ("decision", "agreed"), ("decision", "deferred"), ("decision", "agreed")]


def test_a_forms_block_of_fields_is_no_item_and_a_field_named_decision_is_no_head():
    text = ("Record of Executive Decision\n\nDecision reference | CMD/RS/2025/014\nDecision maker | Councillor Ellery-Dunn\n"
            "Wards affected | All wards\n\nDecision taken\n\n1. To approve the merger of the two delivery groups.")
    assert _items(text) == [("(1)", "decision", "1. To approve the merger of the two delivery groups.")]
    assert not extract._INLINE_HEAD.match("Decision reference | CMD/RS/2025/014")
    assert extract._INLINE_HEAD.match("Decision: to merge the groups")


def test_a_logs_type_column_makes_a_row_an_action_and_please_is_a_request():
    text = ("Ref | Date | Decision / action | Type | Owner | Status\n"
            "HWB-01 | 18/07/2024 | Board agreed to merge the two sub-groups. | Decision | Chair | Complete\n"
            "HWB-02 | 18/07/2024 | Partners to nominate a lead officer to the review group. | Action | All partners | Complete\n\n"
            "ACTIONS FOR PARTNERS\n\n1. Statutory members: please send the name of your nominated deputy by 29 November.\n\n"
            "If you have any questions about the note, please give me a ring.")
    coded = _coded_as(text, "other")
    assert coded["kind"].tolist() == ["decision", "action", "request"]


CALL_IN = """OVERVIEW AND SCRUTINY MANAGEMENT BOARD

Present: Councillor Hartley (in the Chair); Councillors Ashcroft and Beevers.

106. CALL-IN - TOGETHER PARTNERSHIP: FUTURE GOVERNANCE ARRANGEMENTS

Consideration was given to the call-in of the decision made by Cabinet on 24 February 2025.

The Cabinet had resolved:-

1. That the Together Partnership Board be dissolved with effect from 31 May 2025.

2. That a Partnership Assembly be established, meeting twice a year.

The reasons given in the call-in notice were that:-

(a) there had been insufficient consultation with the voluntary and community sector;

(b) the report had not considered alternatives such as meeting less frequently.

Resolved:-

(1) That no further action be taken in respect of the call-in.

(2) That a report on the new partnership arrangements be submitted to this Board in twelve months.

107. HIGHWAYS WINTER SERVICE - UPDATE

Members raised concerns about the gritting of routes to schools.

Resolved:- That a map of the priority gritting routes be circulated to all members.
"""


def test_a_call_in_tells_the_decision_called_in_its_reasons_and_the_outcome_apart():
    doc = {"doc_id": "d", "council": "X", "doc_type": "minutes", "text": CALL_IN}
    items = coding.code_items(pd.DataFrame(extract.items_for_document(doc)).assign(doc_type="minutes"))
    kinds = dict(zip(items["text"].str[:24], items["kind"]))
    # the Cabinet's decision, told: decisions, not this meeting's resolutions
    assert kinds["1. That the Together Par"] == kinds["2. That a Partnership As"] == "decision"
    # the call-in's reasons: a new list, not parts of a resolution
    assert kinds["(a) there had been insuf"] != "resolution" and kinds["(b) the report had not c"] != "resolution"
    assert kinds["(1) That no further acti"] == kinds["(2) That a report on the"] == "resolution"
    # a scrutiny "Management Board" is not a partnership: its off-topic item (gritting) goes
    assert not any("gritting" in text for text in items["text"])


DIRECTION = """Direction reference | DIR 08/25

The Angus Integration Joint Board directs NHS Tayside to:

(a) stand down the Primary Care Improvement Plan Oversight Group with effect from 30 June 2025;

(b) report progress on the remaining commitments to the Strategic Planning Group."""


@pytest.mark.parametrize(("doc_type", "kind"), [("report", "proposal"), ("minutes", "decision")])
def test_a_directions_parts_are_put_forward_in_a_report_and_given_in_a_record(doc_type, kind):
    coded = _coded_as(DIRECTION, doc_type)
    assert coded["kind"].tolist() == [kind, kind]
    assert "direction" in coded["why"].iloc[0]


PRIORITIES_PAGE = """What we did in the year

We ran ten reporting sessions.

Our priorities for 2025/26

1. Reduce serious violence

Reduce serious violence and knife crime among young people.

- We will extend the schools programme to all primary schools.

2. Safer neighbourhoods

Reduce anti-social behaviour in the neighbourhoods where it is highest.

Contact us

Community Safety Team, Municipal Buildings, Church Road."""


def test_a_priorities_section_gives_each_priority_and_the_work_under_it():
    coded = _coded_as(PRIORITIES_PAGE, "report")
    rows = list(zip(coded["text"], coded["kind"], coded["theme"]))
    assert ("Reduce serious violence and knife crime among young people.", "decision", "priorities") in rows
    assert ("Reduce anti-social behaviour in the neighbourhoods where it is highest.", "decision", "priorities") in rows
    assert ("- We will extend the schools programme to all primary schools.", "action") in [r[:2] for r in rows]
    assert not any("Municipal Buildings" in text or "reporting sessions" in text for text in coded["text"])


def test_a_reviews_findings_listed_under_background_are_items_and_a_finding_is_a_statement():
    report = ("3. BACKGROUND\n\n3.1 The partnership was set up in 2010.\n\n3.5 The main findings of the review were:\n\n"
              "- Across the eleven groups there are 140 seats but only 58 different people.\n\n"
              "- The voluntary sector is not represented at strategic level.")
    assert _texts(report) == ["- Across the eleven groups there are 140 seats but only 58 different people.",
                              "- The voluntary sector is not represented at strategic level."]
    said = "The review had found that two thirds of agenda items were for information and the Board was rarely asked to decide."
    assert coding.code_kind(said, "prose", doc_type="minutes")[0] == "statement"


def test_a_minute_titled_as_a_sentence_ends_the_formalities_before_it():
    minutes = ("Apologies\n\nApologies were received from Mr B. Lyall CC.\n\n"
               "46. Minutes of the previous meeting.\n\nThe minutes of the meeting held on 28 November 2024 were confirmed.\n\n"
               "50. Review of the Board's governance and sub-structure.\n\n"
               "Arising from discussion, the following points were made:\n\n"
               "(i) Members agreed that this was too many groups for the Board to oversee effectively.\n\n"
               "(ii) The Board requested that the ICB confirm how it would use the needs assessment.")
    assert _texts(minutes) == ["(i) Members agreed that this was too many groups for the Board to oversee effectively.",
                               "(ii) The Board requested that the ICB confirm how it would use the needs assessment."]
    report = "3. Background\n\n3. The partnership was set up in 2010.\n\n3.1 It met monthly until 2019."
    assert _texts(report) == []  # under a report's Background, a short numbered sentence is still background


def test_the_next_minutes_title_after_a_resolutions_parts_is_no_part_of_it():
    minutes = ("RESOLVED:\n\n(i) That the eleven dormant groups be formally closed;\n\n"
               "(j) That a further review of the Board's arrangements be undertaken in 2026.\n\n"
               "51. Better Care Fund Plan 2025/26.\n\n"
               "The Board considered a report on the Better Care Fund Plan.\n\n"
               "RESOLVED:\n\n1. That the Plan be approved.\n\n2. That the section 75 agreement be delegated to the Director.")
    items = _items(minutes)
    assert [label for label, _, _ in items] == ["(i)", "(j)", "(1)", "(2)"]
    assert not any("Better Care Fund Plan 2025/26." == text for _, _, text in items)


DECISIONS_EXPORT = """Dataset title: Committee decisions - Anytown Council
Dataset description: Decisions of the Council, Cabinet, committees and partnership boards serviced by the Council.

5. 2023/4471/P - 100 Avenue Road

Published: 2024-09-05

Id: DEC-1187
Meeting: Planning Committee
Status: Decision made

Decision text

RESOLVED - That planning permission be granted for 64 flats, subject to a Section 106 agreement.

6. Review of partnership boards

Published: 2024-09-18

Id: DEC-1201
Meeting: Health and Wellbeing Board
Status: Recommendations approved

Decision text

RESOLVED - (1) That the findings of the review be noted. (2) That the Health and Care Partnership Board be merged \
into the Health and Wellbeing Board from April 2025. (3) That the Board meet four times a year rather than six.
"""


def test_an_exports_records_are_read_as_a_feeds_entries():
    items = _items(DECISIONS_EXPORT)
    assert [(label, section) for label, section, _ in items] == [("RESOLVED", "resolved"), ("(1)", "resolved"), ("(2)", "resolved"),
                                                                  ("(3)", "resolved")]  # (the first is dropped as off the topic)
    assert items[2][2] == ("(2) That the Health and Care Partnership Board be merged into the Health and Wellbeing Board "
                           "from April 2025.")
    assert not any("DEC-" in t or "Meeting:" in t for t in _texts(DECISIONS_EXPORT))  # a record's fields are not items
    # the export's description names partnership boards among the bodies it lists: the planning decision is still off the topic
    off = extract.off_topic_blocks(DECISIONS_EXPORT)
    assert len(off) == 1 and "planning permission" in DECISIONS_EXPORT[slice(*off[0])]


HANDOUT = """Principles agreed by the Board on 18 January 2024

- Form follows function: groups exist only to deliver priorities
- One plan, one set of priorities, one dashboard

The case for change

- Our structure has grown by addition, never by design
- Too many meetings for the capacity partners actually have

Option A - Keep the current structure

- Lowest disruption and no set-up costs

Preferred model - structure

- P1 Reduce the five sub-groups to three delivery groups
- P2 Merge the Domestic Abuse Forum and the VAWG Steering Group
"""


def test_a_slide_decks_headings_say_what_its_bullets_are():
    items = _items(HANDOUT)
    sections = {text: section for _, section, text in items}
    assert sections["- One plan, one set of priorities, one dashboard"] == "principle"
    assert sections["- Too many meetings for the capacity partners actually have"] == "case"
    assert ("Option A", "option", "Option A - Keep the current structure") in items  # a slide's title that is an option
    assert sections["- P2 Merge the Domestic Abuse Forum and the VAWG Steering Group"] == "proposal"  # "Preferred model - structure"
    assert "- Lowest disruption and no set-up costs" not in sections
    coded = coding.code_items(pd.DataFrame([{"label": s.label, "section": s.section, "context": s.context, "doc_type": "other",
                                             "text": HANDOUT[s.start:s.end]} for s in extract.segment(HANDOUT)]))
    status = dict(zip(coded["text"], coded["status"]))
    assert status["- Form follows function: groups exist only to deliver priorities"] == "agreed"  # the heading says so
    assert status["- Our structure has grown by addition, never by design"] == "proposed"  # argued for, in a deck
    assert coding.code_status("The Board agreed these principles:", "principle", "list", "The Board agreed these principles:")[0] == "agreed"
    assert coding.code_status("Open budgeting", "principle", "list", "Principles to be agreed by the Board:")[0] == "proposed"


EASY_READ = """What we found

People told us Board meetings were too long and had too many papers.

What we decided

The Board will meet 4 times a year. Before, it met 6 times a year.

The Transport Sub-Group will stop because it has finished its work.
"""


def test_what_a_page_says_was_decided_is_a_decision_not_a_resolution():
    items = _items(EASY_READ)
    assert ("", "decision", "The Transport Sub-Group will stop because it has finished its work.") in items
    assert ("", "finding", "People told us Board meetings were too long and had too many papers.") in items


CONSULTATION = """2. Purpose of this report

2.1 The purpose of this report is to present the findings of the review to the Board.

2.2 The Board is asked to:

(a) note the findings of the review set out in section 4;

(b) approve Recommendations 1 to 14 as set out in section 5.

4. Our proposals

Health and care

Proposal 8

The Place Partnership Board should meet every two months.

Q5. Do you agree with the proposed meeting arrangements?

Q6 Is the proposed membership right?

5. Options we considered but do not propose

5.1 We considered abolishing the Walsall Together Partnership Board and passing its work to the ICB.
"""


def test_a_consultation_drafts_proposals_and_questions():
    items = _items(CONSULTATION)
    assert ("(b)", "recommendation", "(b) approve Recommendations 1 to 14 as set out in section 5.") in items  # asked, under Purpose
    assert ("Proposal 8", "proposal", "The Place Partnership Board should meet every two months.") in items
    assert not any(text.startswith(("Q5", "Q6")) for _, _, text in items)  # a consultation's questions are not items
    assert any(section == "option" and text.startswith("5.1 We considered abolishing") for _, section, text in items)


def test_a_scans_specks_and_lost_spaces_do_not_hide_a_resolutions_parts():
    from helpers import ingest

    text = ingest.normalise_text("RESOLVED , -\n` (i) That the findings be noted.\n\n(iv)That the Head of Policy prepare revised "
                                 "terms of reference.\n\n; (v) That a task and finish group be established.")
    labels = [label for label, _, _ in _items(text)]
    assert labels == ["(i)", "(iv)", "(v)"]


DRAFT_TOR = """Cover note - revised terms of reference (draft v0.4)

1. Recommendations

R1 That the Board approves the revised terms of reference attached.

Safer Vale Partnership: Terms of Reference

2. Membership

2.2 The Board consists of the Cabinet Member for Public Protection, who chairs the Board, and a senior officer from each authority.

4. Meetings

4.3 A meeting is quorate when at least three responsible authorities are represented.
"""


def test_a_draft_terms_of_references_clauses_are_what_it_proposes():
    items = _items(DRAFT_TOR)
    assert ("4.3", "proposal", "4.3 A meeting is quorate when at least three responsible authorities are represented.") in items
    assert any(label == "2.2" and section == "proposal" for label, section, _ in items)
    final = DRAFT_TOR.replace(" (draft v0.4)", "").replace("revised ", "")  # terms of reference in force: no clause is proposed
    assert not any(label == "4.3" for label, _, _ in _items(final))


def test_a_clerks_initials_that_take_a_task_on_make_an_action():
    assert coding.code_kind("4.10 GR would map the Partnership's priorities against the Police and Crime Plan.", "prose",
                            doc_type="minutes")[0] == "action"
    assert coding.code_kind("PA confirmed that the new group would report to the Board.", "prose", doc_type="minutes")[0] != "action"


def test_a_scans_stray_words_neither_end_a_resolution_nor_become_items():
    text = "RESOLVED: ie\n\n(1) That the new structure be approved.\n\nthe four\n\n(2) That the Head of Partnerships draft terms of reference."
    assert [label for label, _, _ in _items(text)] == ["(1)", "(2)"]
