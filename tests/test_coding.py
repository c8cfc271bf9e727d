"""Kind, status and theme coding: codebook labels, status that follows the document,
and reasons a researcher can read."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import codebook, coding


def _code(rows: list[dict], examples: pd.DataFrame | None = None) -> pd.DataFrame:
    items = pd.DataFrame([{"label": "", "section": "prose", "context": "", **r} for r in rows])
    return coding.code_items(items, examples)


def test_the_same_words_are_proposed_in_a_report_and_agreed_after_resolved():
    text = "That the Board meets quarterly."
    coded = _code([{"text": text, "section": "proposal"}, {"text": text, "section": "resolved"}])
    assert list(coded["kind"]) == ["proposal", "resolution"]
    assert list(coded["status"]) == ["proposed", "agreed"]


@pytest.mark.parametrize(("text", "section", "kind", "status"), [
    ("To defer further consideration until March.", "proposal", "proposal", "deferred"),
    ("That the report be noted.", "resolved", "resolution", "noted"),
    ("(b) That the Board not approve the joint budget.", "resolved", "resolution", "rejected"),
    ("It was agreed that the partnership would meet every six weeks.", "prose", "decision", "agreed"),
    ("It was requested that the sub-groups be consulted.", "prose", "request", "agreed"),
    ("The chair encouraged members to map their groups before the next meeting.", "prose", "request", "proposed"),
    ("Proposals for these areas would be worked up for the partners.", "prose", "action", "agreed"),
    ("Concern was expressed about the dismantling of the structure.", "prose", "statement", "noted"),
    # turned down: something had been put forward, whatever the sentence's own cue
    ("Rotating the Board chair among partners was discussed but not supported.", "prose", "proposal", "rejected"),
    ("The Board should consider meeting quarterly.", "recommendation", "recommendation", "proposed"),
    ("It is proposed that a GP joins the Board.", "implication", "proposal", "proposed"),
    ("Protocols will need to be drawn up.", "implication", "implication", "proposed"),
    # under a Decision heading: what was asked of others, what was only welcomed, what was only noted
    ("(f) asked officers to take the remaining recommendations forward through a plan.", "decision", "request", "agreed"),
    ("The Board requested that the Youth Justice Service be invited in September.", "decision", "request", "agreed"),
    ("Partners welcomed the fall in reported shop theft over the winter.", "decision", "statement", "noted"),
    ("The Board noted the update on the consultation about the order.", "decision", "decision", "noted"),
    ("The report was received and noted.", "decision", "decision", "noted"),
    ("(e) did not support recommendation 8, preferring to keep a local group.", "prose", "decision", "rejected"),
    # a record of what became of things and of proposals
    ("The Safer Angus Partnership was kept.", "prose", "decision", "agreed"),
    ("A review of the four locality partnership groups was deferred until 2025.", "prose", "decision", "deferred"),
    ("A proposal to move the partnership grant into the Place Board's budget was deferred until March.", "prose", "proposal", "deferred"),
    ("The Board decided that its vice-chair should in future rotate between partners.", "prose", "decision", "agreed"),
])
def test_kind_and_status_rules(text, section, kind, status):
    coded = _code([{"text": text, "section": section}]).iloc[0]
    assert (coded["kind"], coded["status"]) == (kind, status), coded["why"]


def test_parts_under_a_principles_lead_in_are_principles():
    coded = _code([{"text": "- Open communications", "section": "proposal",
                    "context": "but to note the following principles:"}]).iloc[0]
    assert (coded["kind"], coded["status"]) == ("principle", "noted")


def test_labels_are_codebook_names_and_confidence_is_a_probability():
    coded = _code([{"text": t} for t in ["The board will merge with the safety partnership.",
                                         "We aspire to do better.", "x"]])
    assert set(coded["kind"]) <= set(codebook.KINDS)
    assert set(coded["status"]) <= set(codebook.STATUSES)
    assert set(coded["theme"]) <= set(codebook.THEMES)
    assert coded["confidence"].between(0, 1).all()


def test_theme_cues_decide_when_clear_and_why_names_them():
    coded = _code([{"text": "The chair and deputy chair will be nominated by the members."}]).iloc[0]
    assert coded["theme"] == "membership"
    assert "cues of membership" in coded["why"] and "'chair'" in coded["why"]


@pytest.mark.parametrize(("text", "theme"), [
    ("The two Community Safety Partnerships will merge into a single county-wide partnership.", "structure"),
    ("The Partnership Board will be stood down and its sub-groups disbanded.", "structure"),
    ("That a task and finish group be set up to look at domestic abuse.", "structure"),
    ("The revised terms of reference and constitution were approved.", "governance"),
    ("The Board will report to Cabinet and be accountable for the strategy.", "governance"),
    ("A representative of the third sector will be co-opted and a vice-chair appointed.", "membership"),
    ("The Board will in future meet quarterly rather than monthly.", "meetings"),
    ("Partners agreed to pool their budgets, with £250,000 of funding from the council.", "resources"),
    ("Residents and the voluntary sector will be consulted through a co-produced engagement plan.", "engagement"),
    ("A performance framework with a risk register and quarterly dashboards will track delivery.", "programme_management"),
    ("The partnership will focus on three priority outcomes: housing, health inequalities and jobs.", "priorities"),
    ("An information sharing agreement will let partners pool data through a digital hub.", "data"),
    ("Consideration of the review was deferred until the next municipal year.", "timing"),
    # ratifying is the Board's decision-making power, whatever it ratifies
    ("Ratify the strategies and plans agreed by each thematic partnership.", "governance"),
    ("The Healthwatch representative keeps its seat as a full voting member.", "membership"),
    ("Two listening events and an online survey will ask residents about the changes.", "engagement"),
])
def test_theme_cues_follow_the_codebook_definitions(text, theme):
    coded = _code([{"text": text}]).iloc[0]
    assert coded["theme"] == theme, coded["why"]


def test_a_body_name_does_not_decide_the_theme():
    assert coding.neutral_names("At the Governance Committee, the Resources Panel said") == "At the committee, the panel said"
    coded = _code([{"text": "The Finance and Resources Committee agreed to meet every six weeks."}]).iloc[0]
    assert coded["theme"] == "meetings", coded["why"]


def test_a_list_part_takes_its_theme_from_the_lead_in_but_not_its_deferral():
    part = {"text": "- Local businesses", "section": "proposal",
            "context": "The proposed membership of the Board is based on the following principles:"}
    assert _code([part]).iloc[0]["theme"] == "membership"
    deferred = {"text": "- Open and inclusive communication with residents", "section": "proposal",
                "context": "To defer consideration until next year, but to note the following principles:"}
    assert _code([deferred]).iloc[0]["theme"] == "engagement"


def test_an_item_without_cues_takes_its_documents_main_theme():
    rows = [{"doc_id": "d1", "text": t, "section": "resolved"} for t in [
        "That the Community Safety Partnership and the Youth Offending board be merged.",
        "That the Safer Streets group be disbanded.",
        "That the report be noted.",
    ]] + [{"doc_id": "d2", "text": t, "section": "resolved"} for t in [
        "That the pooled budget of £1.2m be approved.",
        "That the report be noted.",
    ]]
    coded = _code(rows)
    assert list(coded["theme"]) == ["structure", "structure", "structure", "resources", "resources"]
    assert "the document's cues lean to structure" in coded.iloc[2]["why"]


def test_chunks_never_split_a_document(monkeypatch):
    monkeypatch.setattr(coding, "CHUNK", 3)
    items = pd.DataFrame({"doc_id": ["a"] * 4 + ["b"] * 2 + ["c"] * 5 + ["d"]})
    bounds = coding._chunk_bounds(items)
    assert bounds == [(0, 4), (4, 11), (11, 12)]
    assert all(items["doc_id"].iloc[a - 1] != items["doc_id"].iloc[a] for a, _ in bounds[1:])


def test_theme_model_learns_from_examples_and_names_the_nearest_one():
    text = "Ward panels will be refreshed."
    examples = pd.DataFrame({"text": ["Ward panels are where residents have their say",
                                      "Refresh the ward panels so residents are heard"],
                             "theme": ["engagement", "engagement"]})
    without = _code([{"text": text}]).iloc[0]
    learned = _code([{"text": text}], examples).iloc[0]
    assert "terms of" not in learned["why"], "no codebook term: the model decides"
    assert learned["theme"] == "engagement"
    assert "nearest example (engagement" in learned["why"]
    assert "nearest example" not in without["why"]


def test_theme_model_is_deterministic():
    texts = [{"text": "The LSP will pool its budgets with the CCG."}, {"text": "Ward panels will be refreshed."}]
    assert _code(texts).equals(_code(texts))


def test_coding_in_chunks_across_processes_equals_coding_in_one_go(monkeypatch):
    rows = [{"text": t, "section": s} for t, s in [
        ("That the Board meets quarterly.", "resolved"),
        ("The Alliance should pool its budgets for joint commissioning.", "recommendation"),
        ("It was requested that the voluntary sector be consulted.", "prose"),
        ("To defer the review of the terms of reference until next year.", "proposal"),
        ("A data hub will draw together information from partners.", "prose"),
    ] * 6]
    whole = _code(rows)
    monkeypatch.setattr(coding, "CHUNK", 4)
    monkeypatch.setenv("WORKBOOK_JOBS", "2")
    chunked = _code(rows)
    pd.testing.assert_frame_equal(chunked.reset_index(drop=True), whole.reset_index(drop=True))


@pytest.mark.parametrize(("text", "doc_type", "kind", "status"), [
    # a record of what happened: "will"/"would" states what was decided
    ("The £20,000 left in the partnership's reserves will be moved into the grants scheme.", "news", "decision", "agreed"),
    ("From April, district matters will instead be taken at the county board.", "minutes", "decision", "agreed"),
    ('"We will hold an annual community safety forum," the cabinet member said.', "news", "action", "proposed"),
    ("Councillor Shah said the board should make way for something lighter.", "news", "statement", "proposed"),
    ("The officer reported that the pilot had attracted few referrals.", "minutes", "statement", "noted"),
    ("Members considered that the indicator set was too long.", "minutes", "statement", "agreed"),
    ("The Chair asked that a summary of each meeting be published.", "minutes", "request", "agreed"),
    ("The council's cabinet voted on Monday (4 March) to dissolve the partnership.", "news", "decision", "agreed"),
    ("Cllr Hart moved that the decision be put back six months, but the motion was lost.", "minutes", "proposal", "rejected"),
    # a report: the same words put forward what would happen if agreed
    ("The two support teams would be brought together as one regional team.", "report", "implication", "proposed"),
    ("If the merger goes ahead, the regional Board would meet three times a year.", "report", "implication", "proposed"),
    ("Should the merger be approved, new terms of reference would be drafted.", "report", "implication", "proposed"),
    ("If the Board agrees, residents will be invited to comment on the plan.", "report", "implication", "proposed"),
    ("A suggestion that the Board create a climate group was not taken forward.", "report", "decision", "rejected"),
    ("Officers will prepare revised terms of reference by March.", "report", "proposal", "proposed"),
    # a body's own web page: "we will" is the body's decision, not one speaker's intention — or, for a task
    # it will carry out, the body's action
    ("We will check how the new arrangements are working after a year.", "web page", "action", "agreed"),
    ("We will move to quarterly meetings from April.", "web page", "decision", "agreed"),
    ("The Place Board will have 14 members instead of 26.", "web page", "decision", "agreed"),
    # what a report says has been done is a decision already taken
    ("- Partners have pooled their separate community safety budgets.", "report", "decision", "agreed"),
    ("New terms of reference were adopted in January 2024.", "report", "decision", "agreed"),
    ("It was RESOLVED that the report be noted.", "scrutiny", "resolution", "noted"),
    ("Cllr Rees moved, and Cllr Evans seconded, that the boards merge. The motion was withdrawn.", "scrutiny", "proposal", "rejected"),
    # passive and dated agreement, and what a change will need
    ("The work programme, as amended, was agreed.", "minutes", "decision", "agreed"),
    ("The Board therefore agreed on 5 March 2025 to defer the review until next year.", "report", "decision", "deferred"),
    ("Any joint fund will need approval by each partner's cabinet.", "minutes", "implication", "proposed"),
    ("The Board agreed, subject to the approval of each partner, that the two forums be merged.", "report", "decision", "agreed"),
    # a named officer or member who takes something on has an action, even when they "agreed to"
    ("The Executive Director agreed to hold a workshop with the district housing leads.", "minutes", "action", "agreed"),
    ("The Head of Communities undertook to circulate a briefing note before the next meeting.", "minutes", "action", "agreed"),
    ("Cllr Morgan agreed to write to the Minister about the grant.", "minutes", "action", "agreed"),
    ("The Committee agreed to hold two meetings a year.", "minutes", "decision", "agreed"),
    # in minutes, what follows a reporting verb was said, not decided; in news it is the decision reported
    ("Members expressed concern that a merged board would be dominated by the county.", "minutes", "statement", "noted"),
    ("The Director advised that the programme would be considered by the ICB in March.", "minutes", "statement", "noted"),
    ("The Board noted legal advice that the change would need a vote of full council.", "minutes", "statement", "noted"),
    ("A spokesperson said funding would be divided between the two partnerships.", "news", "decision", "agreed"),
    ("Option B was not supported by the partners.", "minutes", "proposal", "rejected"),
    # a body's verb on a named thing is its decision; a proposal named as one is a proposal
    ("The Executive Board agreed the Safer Partnership Plan 2024-27 at its June meeting.", "report", "decision", "agreed"),
    ("The Board declined the request, preferring to invite the partnership to attend.", "minutes", "decision", "rejected"),
    ("Ms Orr outlined a proposal to create a pooled partnership fund.", "minutes", "proposal", "proposed"),
    ("Proposal: pool the two budgets with the commissioner's grant.", "minutes", "proposal", "proposed"),
])
def test_kind_and_status_follow_the_document_type(text, doc_type, kind, status):
    items = pd.DataFrame([{"label": "", "section": "prose", "context": "", "text": text, "doc_type": doc_type}])
    coded = coding.code_items(items).iloc[0]
    assert (coded["kind"], coded["status"]) == (kind, status), coded["why"]


def test_who_speaks_and_a_leading_condition_do_not_decide_the_theme():
    assert coding.neutral_names("Cllr Shaw, cabinet member for communities, said it") == "Cllr Shaw, said it"
    assert coding.neutral_names("chaired by the Head of Community Engagement") == "chaired by the head"
    assert coding.neutral_names("The Executive Director for Resources will decide") == "The director will decide"
    assert coding.neutral_names("Should the merger be approved, terms of reference would be drafted").strip() == \
        "terms of reference would be drafted"
    coded = _code([{"text": "The Chair asked that the terms of reference be revised."},
                   {"text": "If the two boards merge, the budget would be pooled."}])
    assert list(coded["theme"]) == ["governance", "resources"], list(coded["why"])


def test_a_finding_that_records_a_decision_is_a_decision_and_next_steps_are_planned_actions():
    rows = [{"label": "3.5", "section": "finding", "context": "", "doc_type": "report",
             "text": "Partners have agreed in principle to build a shared dataset."},
            {"label": "3.1", "section": "finding", "context": "", "doc_type": "report",
             "text": "The review found considerable overlap between the two bodies."},
            {"label": "5.2", "section": "action", "context": "", "doc_type": "report",
             "text": "Officers will prepare revised terms of reference."}]
    coded = coding.code_items(pd.DataFrame(rows))
    assert list(zip(coded["kind"], coded["status"])) == [("decision", "agreed"), ("statement", "noted"), ("action", "proposed")]


@pytest.mark.parametrize(("text", "theme"), [
    ("To approve the integration of the Safer Neighbourhood Board into the Community Safety Partnership.", "structure"),
    ("The Performance Sub-group is re-formed as a Data and Intelligence Group.", "structure"),
    ("That voluntary and community sector places on the Board rise from two to four.", "membership"),
    ("All partners to confirm their nominees for each delivery group.", "membership"),
    ("The officer to circulate the dashboard link to all partners.", "data"),
    ("The Board has cut its delivery groups from nine to five.", "structure"),
    ("The Youth Partnership and the Older People's Forum will close at the end of March.", "structure"),
    ("Keeping the existing steering group was not supported.", "structure"),
    ("The new forum will have 12 members rather than 20, chaired in rotation by the partner agencies.", "membership"),
    ("The voluntary and community sector will have two seats on the Board.", "membership"),
    ("Each responsible authority has nominated a deputy.", "membership"),
    ("The £40,000 a year spent on servicing the partnership will be redirected.", "resources"),
    ("Members asked that each partner's contribution be ring-fenced.", "resources"),
    ("Tackling the cost of living crisis in our most deprived wards.", "priorities"),
    ("The two councils will commission one joint strategic needs assessment.", "data"),
    ("A further report will come back to the Committee in September 2026.", "timing"),
    ("The Board will review the new arrangements after its first year.", "timing"),
    ("Agendas and papers to be circulated ten working days before each meeting.", "meetings"),
    ("The partnership should publish an easy-read summary of its plan.", "engagement"),
    ("To establish a joint sub-committee, chaired by the Leader, with membership set out at Appendix B.", "structure"),
    ("That the Chief Executive be authorised to settle the remaining details with the partners.", "governance"),
    ("(a) Merge the Youth Offending Group into the Safer Streets Board.", "structure"),
    ("Fold the Older People's Forum into the Ageing Well Partnership.", "structure"),
    ("The partnership now met every other month instead of monthly.", "meetings"),
    ("That the Chief Executive of Northtown Voluntary Action be appointed as a voting member.", "membership"),
    ("Ensure the new board has two places for the voluntary and community sector.", "membership"),
    ("To establish a short-life cross-party working group to examine the options and report to the Committee by May 2026.", "structure"),
])
def test_theme_cues_on_phrasings_from_other_councils(text, theme):
    coded = _code([{"text": text}]).iloc[0]
    assert coded["theme"] == theme, coded["why"]


def test_parts_of_a_we_will_list_are_planned_actions():
    rows = [{"label": "", "section": "list", "context": "Next year we will", "doc_type": "report",
             "text": "- launch a youth safety task and finish group;"}]
    coded = coding.code_items(pd.DataFrame(rows)).iloc[0]
    assert (coded["kind"], coded["status"]) == ("action", "proposed"), coded["why"]


def test_the_literal_prefilter_never_changes_a_cue_score(monkeypatch):
    texts = ["The two Community Safety Partnerships will merge into a single county-wide partnership.",
             "That a task and finish group be set up; the Board will meet quarterly with a pooled budget of £2m.",
             "Residents were consulted on the terms of reference; data sharing and a dashboard were agreed.",
             "Consideration was deferred until the new year. The chair and vice-chair were appointed.",
             "THE BOARD WILL BE DISSOLVED, ITS SUB-GROUPS DISBANDED."]
    with_prefilter = [coding.theme_cues(t) for t in texts]
    plain = {t: [(p, w, None) for p, w, _ in cues] for t, cues in coding._THEME_CUES.items()}
    monkeypatch.setattr(coding, "_THEME_CUES", plain)
    coding._part_cues.cache_clear()
    try:
        assert [coding.theme_cues(t) for t in texts] == with_prefilter
    finally:
        coding._part_cues.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_tie_breaker():
    """Tie-breakers are cached per process: no test sees another's examples."""
    coding._tie_breaker.cache_clear()
    yield
    coding._tie_breaker.cache_clear()


def _use_examples(monkeypatch, examples: pd.DataFrame) -> None:
    monkeypatch.setattr(coding, "shipped_examples", lambda: examples)
    coding._tie_breaker.cache_clear()


def _tie_examples(theme: str) -> pd.DataFrame:
    texts = [f"Budget and terms of reference for group {i} to be agreed" for i in range(12)]
    texts += [f"Other item number {i} about something else entirely" for i in range(12)]
    return pd.DataFrame({"set": "devX", "file": ["a.txt"] * 12 + ["b.txt"] * 12, "theme": [theme] * 12 + ["data"] * 12,
                         "text": texts})


def test_a_near_tie_of_two_themes_is_broken_by_labelled_examples_and_a_clear_lead_is_not(monkeypatch):
    tied, clear = "Budget and terms of reference to be agreed.", "A pooled budget and new terms of reference."
    _use_examples(monkeypatch, _tie_examples("governance"))
    coded = _code([{"text": tied}, {"text": clear}])
    assert list(coded["theme"]) == ["governance", "resources"], "resources leads the tie by a hair; the examples say governance"
    assert "nearly tied; labelled examples: resources" in coded.iloc[0]["why"]
    assert "nearly tied" not in coded.iloc[1]["why"]
    _use_examples(monkeypatch, _tie_examples("resources"))
    assert _code([{"text": tied}]).iloc[0]["theme"] == "resources"


def test_an_evaluation_leaves_a_folders_own_examples_out(monkeypatch):
    three_files = pd.concat([_tie_examples("governance"), _tie_examples("meetings").assign(file="c.txt")], ignore_index=True)
    _use_examples(monkeypatch, three_files)
    assert coding.ThemeModel.fit().tie.size == 48
    assert coding.ThemeModel.fit(exclude_example_files=frozenset({"c.txt"})).tie.size == 24
    assert coding.ThemeModel.fit(exclude_example_files=frozenset({"a.txt", "c.txt"})).tie is None, "too few left to learn from"


def test_the_shipped_theme_examples_come_from_development_sets_only():
    examples = coding.shipped_examples()
    assert len(examples) >= 500
    assert examples["set"].str.match(r"dev\d*$").all(), "a test set is never training data"
    assert set(examples["theme"]) == set(codebook.THEMES)
    from helpers.config import HELDOUT_DIR

    for name, files in examples.groupby("set")["file"]:
        assert set(files) <= {p.name for p in (HELDOUT_DIR / name / "raw").iterdir()}, name


@pytest.mark.parametrize("text, context, status", [
    ("1 | Retain the six groups | Least disruption | No", "Option | Description | Assessment | Recommended?", "rejected"),
    ("2 | Reduce to four groups | Removes overlap | Yes", "Option | Description | Assessment | Recommended?", "proposed"),
    ("Option 1 - no change. Not recommended: it would leave the duplication in place.", "Alternative options", "rejected"),
    ("Option 2 - merge the boards. This is the recommended option.", "Alternative options", "proposed"),
])
def test_an_option_the_document_does_not_recommend_is_rejected(text, context, status):
    assert coding.code_status(text, "proposal", "option", context, "report")[0] == status


@pytest.mark.parametrize(("text", "kind", "status"), [
    ("We proposed adding the Principal of Fife College as a full member. Board agreed.", "decision", "agreed"),
    ("Our proposal is that each of the seven areas keeps a local partnership.", "proposal", "proposed"),
    ("We proposed adding the Principal of Fife College as a full member.", "proposal", "proposed"),  # not yet agreed
])
def test_what_was_put_forward_then_agreed_is_a_decision_and_our_proposal_is_a_proposal(text, kind, status):
    coded = _code([{"text": text, "section": "prose", "doc_type": "other"}])
    assert (coded["kind"].iloc[0], coded["status"].iloc[0]) == (kind, status)


def test_the_parts_of_what_a_body_did_under_its_name_are_its_decisions_and_requests():
    lead = "The Board considered a draft of this report at its meeting on 9 November 2022. The Board:"
    parts = {"- accepted Recommendations 1 to 7 and 10 to 12;": ("decision", "agreed"),
             "- agreed to defer a decision on Recommendation 8 until budgets are set;": ("decision", "deferred"),
             "- did not accept Recommendation 9;": ("decision", "rejected"),
             "- asked the Monitoring Officer to prepare the constitutional changes.": ("request", "agreed")}
    coded = _code([{"text": t, "section": "list", "context": lead, "doc_type": "report"} for t in parts])
    assert list(zip(coded["kind"], coded["status"])) == list(parts.values())


def test_a_cue_in_a_resolutions_subject_counts_less_than_what_is_resolved():
    scores, _ = coding.theme_cues("- That the merged group be co-chaired for its first year by the two former chairs.")
    assert max(scores, key=scores.get) == "membership", scores
    plain, _ = coding.theme_cues("The merged group will be co-chaired for its first year by the two former chairs.")
    assert plain["structure"] > scores["structure"], "outside a 'That … be' resolution the subject is not discounted"


@pytest.mark.parametrize("row, status", [
    ("R1 | That the Partnership be kept, but refocused on three priorities. | Accepted. The priorities will be confirmed in November.", "agreed"),
    ("R3 | That the theme groups be stood down. | Accepted in part. The Rother Economic Forum will continue.", "agreed"),
    ("R5 | That the Council create a pooled fund of £30,000 a year. | Not accepted. The budget does not allow it.", "rejected"),
    ("R7 | That the Council explore a merger with Hastings. | Deferred until the county review reports.", "deferred"),
    ("3 | Publish the Board's forward plan | CPP Manager | January 2025 | Complete", "agreed"),
])
def test_a_table_rows_response_cell_gives_its_status(row, status):
    items = pd.DataFrame([{"label": "", "section": "recommendation", "context": "Ref | Recommendation | Cabinet response",
                           "text": row, "doc_type": "scrutiny"}])
    coded = coding.code_items(items).iloc[0]
    assert coded["status"] == status, coded["why"]


@pytest.mark.parametrize("text, kind, status", [
    ("A further review should not take place until 2027, once the next assessment has\nbeen published.",
     "recommendation", "proposed"),
    ("In July the Board set up a six-month task-and-finish group on the cost of living.", "decision", "agreed"),
    ("The Chair asked every partner to nominate a lead officer by October.", "request", "agreed"),
    ("The Chair asked whether partners were able to release staff.", "statement", "proposed"),  # a question: no request
])
def test_cues_are_read_across_line_breaks_and_a_condition_is_not_something_done(text, kind, status):
    coded = coding.code_items(pd.DataFrame([{"label": "", "section": "prose", "context": "", "text": text,
                                             "doc_type": "minutes"}]))
    assert (coded["kind"].iloc[0], coded["status"].iloc[0]) == (kind, status), coded["why"].iloc[0]


@pytest.mark.parametrize("text, doc_type, kind, status", [
    ("The officer reported that all six district councils have now signed the information sharing protocol.",
     "minutes", "action", "agreed"),
    ("The two councils will also produce a single joint strategic needs assessment.", "news", "action", "agreed"),
    ("The two boards will meet together four times a year.", "news", "decision", "agreed"),
    ("Together with its neighbour, we secured £60,000 from the regional support grant.", "report", "action", "agreed"),
])
def test_a_task_done_or_to_do_is_an_action_and_an_arrangement_a_decision(text, doc_type, kind, status):
    coded = coding.code_items(pd.DataFrame([{"label": "", "section": "prose", "context": "", "text": text,
                                             "doc_type": doc_type}]))
    assert (coded["kind"].iloc[0], coded["status"].iloc[0]) == (kind, status), coded["why"].iloc[0]


@pytest.mark.parametrize("text, doc_type, kind", [
    # a letter or a decision form reads as a record: what will be done is a task, what will be so is decided
    ("The partnerships team will circulate draft terms of reference by 11 July.", "other", "action"),
    ("The new arrangements will be reviewed after twelve months.", "other", "action"),
    ("The Safer Walsall Partnership will continue to meet every two months.", "other", "decision"),
    ("The partnerships team will circulate draft terms of reference by 11 July.", "report", "proposal"),
])
def test_will_in_a_letter_or_form_reads_as_in_a_record(text, doc_type, kind):
    coded = _code([{"text": text, "doc_type": doc_type}]).iloc[0]
    assert coded["kind"] == kind, coded["why"]


def test_a_paragraph_number_before_members_is_no_count_of_members():
    assert coding.theme_cues("3.3 Members welcomed the aim of reducing duplication.")[1]["membership"] == []
    assert coding.theme_cues("4 Members requested that young people be involved.")[1]["membership"] == []
    assert "12 members" in coding.theme_cues("The Board will have 12 members and a vice-chair.")[1]["membership"]
