"""Text source for the Safer Stockport Partnership away-day deck (PPTX).

Each slide is a dict read by make_documents.py. Bullets are (level, text).
'notes' are speaker notes (not visible on the slide).
"""

FOOTER = "Safer Stockport Partnership | Away-day 14 November 2024 | OFFICIAL"

SLIDES = [
    {
        "layout": "title",
        "title": "Safer Stockport Partnership – Partnership Away-Day",
        "subtitle": [
            "Reviewing our structure and the way we work together",
            "Thursday 14 November 2024, Bredbury Hall",
            "Facilitated by the Community Safety Team, Stockport Council",
        ],
        "notes": "Welcome and housekeeping. Fire exits at the rear. Lunch 12.30. "
                 "Chair (Cllr Amanda Pickering) to open; Jo Hartley to set out the purpose of the day.",
    },
    {
        "layout": "content",
        "title": "Why we are here",
        "bullets": [
            (0, "The Partnership last looked at its structure in 2019"),
            (0, "Since then new statutory duties have arrived:"),
            (1, "Domestic Abuse Act 2021 – local partnership board and safe accommodation duty"),
            (1, "Serious Violence Duty (January 2023) – joint strategic needs assessment and strategy"),
            (0, "We run five sub-groups and around 38 meetings a year"),
            (0, "Average attendance at sub-groups has fallen from 81% (2022) to 58% (2024)"),
            (0, "Today: decide what we keep, what we change and who leads the work"),
        ],
        "notes": "Keep this short – 5 minutes. The attendance figures come from the partnership support log.",
    },
    {
        "layout": "content",
        "title": "Partner survey: what you told us",
        "bullets": [
            (0, "31 responses from 14 organisations (September–October 2024)"),
            (0, "73% said Board meetings spend too long on performance reports and too little on problems"),
            (0, "Only 4 in 10 felt that sub-group work ever changes a decision at the Board"),
            (0, "Housing providers and schools said they are rarely asked to contribute"),
            (0, "84% would support time-limited groups with a clear brief and an end date"),
        ],
        "notes": "Full results are in the appendix pack. Free-text comments have been anonymised. "
                 "Response rate was 62% of the distribution list. Several respondents said the Board "
                 "should stop receiving the same crime figures three times.",
    },
    {
        "layout": "content",
        "title": "What’s not working",
        "bullets": [
            (0, "Duplication: the same dozen people sit on four of our five sub-groups"),
            (0, "Crime and ASB data reaches the Board about ten weeks after the quarter ends"),
            (0, "There is no clear route for a sub-group to escalate a problem or get a decision"),
            (0, "Voluntary and community groups are consulted at the end, not involved at the start"),
            (0, "Funding is bid for group by group, with no shared view of what partners spend"),
        ],
    },
    {
        "layout": "content",
        "title": "Options for our group structure",
        "font_size": 16,
        "bullets": [
            (0, "Option A – Keep all five standing sub-groups as they are"),
            (1, "For: no disruption; everyone knows the routes"),
            (1, "Against: keeps the duplication and the falling attendance"),
            (0, "Option B – Merge into three standing groups (Violence; Domestic Abuse; Neighbourhoods)"),
            (1, "For: fewer meetings; keeps a home for every issue"),
            (1, "Against: large groups with long agendas"),
            (0, "Option C – Two standing groups (Domestic Abuse; Serious Violence) plus time-limited task-and-finish groups"),
            (1, "For: focus on live problems; statutory duties still covered"),
            (1, "Against: needs discipline to close groups down; hate crime could lose a home"),
        ],
        "notes": "Table discussion, 30 minutes, then dot vote. Result of the dot vote: "
                 "Option A 3, Option B 9, Option C 21. Concerns about hate crime recorded by the facilitator.",
    },
    {
        "layout": "title_only",
        "title": "What we keep and what we change",
        "columns": [
            ("Keep", [
                "The Board, chaired by the Cabinet Member for Communities",
                "Fortnightly joint tasking with GMP neighbourhood teams",
                "The Domestic Abuse Partnership Board as a standing group",
            ]),
            ("Change", [
                "Move performance reporting to a dashboard sent out a week before each Board",
                "Replace topic sub-groups with task-and-finish groups that close when the job is done",
                "Bring two voluntary and community sector representatives onto the Board",
            ]),
        ],
        "notes": "Output of the morning table exercise, written up over lunch.",
    },
    {
        "layout": "title_only",
        "title": "Proposed structure from April 2025",
        "table": {
            "widths": [2.1, 1.7, 3.5, 1.9],
            "rows": [
                ["Group", "Current", "Proposed", "Lead"],
                ["Partnership Board", "6 meetings a year", "Quarterly, plus a development session each spring", "Cabinet Member for Communities"],
                ["Domestic Abuse Partnership Board", "Every 2 months (statutory)", "Unchanged – remains a standing statutory group", "Head of Safeguarding Adults"],
                ["Serious Violence Group", "Monthly", "Standing group; also takes on reducing reoffending", "Head of Probation Delivery Unit"],
                ["ASB and Hate Crime sub-group", "Every 2 months", "Stood down – issues picked up by task-and-finish groups", "Community Safety Manager"],
                ["Reducing Reoffending sub-group", "Quarterly", "Merged into the Serious Violence Group", "Head of Probation Delivery Unit"],
                ["Data and Intelligence", "No group", "New analyst cell preparing the Board dashboard", "GMP Partnership Analyst"],
            ],
        },
    },
    {
        "layout": "content",
        "title": "Agreed at the away-day",
        "font_size": 18,
        "bullets": [
            (0, "AGREED: Option C is the basis for the new structure, starting April 2025"),
            (0, "Option A not supported – the status quo is not an option"),
            (0, "Option B not supported – three large groups would recreate today’s problems"),
            (0, "AGREED: the Board moves to quarterly meetings with a spring development session"),
            (0, "AGREED: two VCSE seats on the Board, with nominations sought through the voluntary sector infrastructure body"),
            (0, "AGREED: first two task-and-finish groups – shop theft in district centres; under-reporting of hate crime"),
            (0, "DEFERRED: pooling partners’ community safety budgets – back to the March Board once the Deputy Mayor’s 2025/26 grant is confirmed"),
        ],
        "notes": "Decisions to be ratified formally at the December Board. Recorded by JH. "
                 "Probation asked that the reducing reoffending work keeps a named lead.",
    },
    {
        "layout": "content",
        "title": "Actions",
        "font_size": 16,
        "bullets": [
            (0, "Action: JH to redraft the terms of reference for the Board and both standing groups – by 31 January 2025"),
            (0, "Action: RK to build the Board dashboard and agree the indicator set – first version for the March Board"),
            (0, "Action: Partnership Support Officer to write to the VCSE infrastructure body asking for two nominations – December"),
            (0, "Action: Insp. D. Webb (GMP) and the Hate Crime Lead to draft briefs for the two task-and-finish groups – February Board"),
            (0, "Action: SD to bring an options paper on pooled budgets to the March Board"),
        ],
        "notes": "JH = Jo Hartley, Community Safety Manager. RK = Ravi Kaur, GMP Partnership Analyst. "
                 "SD = Sarah Doyle, Finance Business Partner.",
    },
    {
        "layout": "content",
        "title": "Next steps",
        "bullets": [
            (0, "December 2024 – Board ratifies today’s decisions"),
            (0, "March 2025 – terms of reference and pooled budget options paper to the Board"),
            (0, "April 2025 – new structure goes live; the two sub-groups being replaced hold their final meetings"),
            (0, "October 2025 – six-month check on whether the task-and-finish model is working"),
        ],
    },
    {
        "layout": "content",
        "title": "Questions and contacts",
        "bullets": [
            (0, "Jo Hartley, Community Safety Manager, Stockport Council"),
            (0, "Community Safety Team, Fred Perry House, Edward Street, Stockport SK1 3XE"),
            (0, "Slides and survey appendix will be circulated with the December Board papers"),
        ],
    },
]
