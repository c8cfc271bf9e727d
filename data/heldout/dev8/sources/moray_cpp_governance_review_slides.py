"""Text source for the Moray Community Planning Partnership Board governance review deck (PPTX).

Each slide is a dict read by make_documents.py. Bullets are (level, text).
'title_box' puts the slide title in an ordinary text box (no title placeholder).
'groups' are lists of text boxes grouped together; each box is a list of paragraphs.
"""

FOOTER = "Moray CPP Board | 12 June 2025 | Item 6 | Paper CPB/2025/14"

SLIDES = [
    {
        "layout": "title",
        "title": "Moray Community Planning Partnership: Governance Review",
        "subtitle": [
            "Findings and recommendations",
            "Community Planning Partnership Board – 12 June 2025",
            "Presented by Fiona Grant, Community Planning Manager",
        ],
        "notes": "Introduce the independent reviewer (Dr Iain Munro) who will take questions on the findings.",
    },
    {
        "layout": "blank",
        "title_box": "Why we reviewed our governance",
        "bullets": [
            (0, "The Community Empowerment (Scotland) Act 2015 requires the partnership to publish and report on a Local Outcomes Improvement Plan (LOIP) and locality plans"),
            (0, "The Accounts Commission’s 2024 Best Value report asked the partnership to ‘simplify and sharpen’ its governance"),
            (0, "In September 2024 the Board agreed to commission an independent review, overseen by a steering group of five partners"),
            (0, "Scope: structure, membership, meetings, performance and resourcing – but not the LOIP priorities themselves"),
        ],
        "notes": "The Best Value report is background paper 2.",
    },
    {
        "layout": "title_only",
        "title": "How the review was done",
        "groups": [
            [
                ["38 interviews", "Board members, lead officers and community representatives"],
                ["4 workshops", "Including one with community councils in Forres and Keith"],
                ["15 groups mapped", "Remits, membership, meetings held and reporting routes"],
            ],
        ],
        "notes": "Fieldwork ran from January to April 2025.",
    },
    {
        "layout": "title_only",
        "title": "What we found",
        "groups": [
            [
                ["Too many groups", "15 groups report to the Board, and 6 of them have not met in the last 12 months"],
                ["Unclear ownership", "No LOIP priority has a single named lead who answers to the Board"],
            ],
            [
                ["Communities brought in late", "Community councils and locality groups are consulted only once plans are drafted"],
                ["No shared picture", "Partners report progress in different formats, so the Board cannot see overall delivery"],
            ],
        ],
        "notes": "Interviewees were broadly positive about relationships; the problems are about structure, not goodwill.",
    },
    {
        "layout": "content",
        "title": "Principles for the new arrangements",
        "bullets": [
            (0, "Form follows function: a group exists only while it has a clear job to do"),
            (0, "Fewer, better meetings – with decisions rather than updates"),
            (0, "Communities in the room from the start, not just on the circulation list"),
            (0, "One performance framework, used by every partner"),
        ],
    },
    {
        "layout": "content",
        "title": "Recommendations to the Board (1 of 2)",
        "font_size": 15,
        "bullets": [
            (0, "1. Reduce the standing groups in the partnership structure from 15 to 6"),
            (1, "a) Keep the three LOIP delivery groups: Child Poverty; Health and Wellbeing; Economy and Skills"),
            (1, "b) Set up a Locality Planning Forum bringing together the four locality partnership groups"),
            (1, "c) Stand down nine groups that are dormant or overlap with others (Appendix B)"),
            (1, "d) Use short-life working groups, each with a written brief and an end date, for other work"),
            (0, "2. Approve new terms of reference for the CPP Board (Appendix C)"),
            (1, "a) Meet four times a year rather than six"),
            (1, "b) Rotate the chair every two years between the Council Leader and the NHS Grampian Board chair"),
            (1, "c) Add two community representatives nominated by the Locality Planning Forum"),
            (1, "d) Publish papers, and a summary of decisions within five working days of each meeting"),
        ],
        "notes": "Appendix B lists the nine groups and where their live actions go.",
    },
    {
        "layout": "content",
        "title": "Recommendations to the Board (2 of 2)",
        "font_size": 16,
        "bullets": [
            (0, "3. Establish a Strategic Officers Group to run the LOIP delivery programme between Board meetings"),
            (1, "a) Meets monthly and reports to every Board meeting"),
            (1, "b) Holds the LOIP risk register and the shared performance framework"),
            (0, "4. Prepare a joint resourcing plan for 2026/27, including options for aligning partner budgets behind the LOIP priorities"),
            (0, "5. Defer any review of the LOIP priorities until the new Strategic Assessment is available in spring 2026"),
            (0, "6. Carry out a light-touch follow-up review of these arrangements in June 2026"),
        ],
    },
    {
        "layout": "title_only",
        "title": "What this means for partners",
        "groups": [
            [
                ["Chairs of the nine groups being stood down will need to hand over live actions by 30 September 2025"],
                ["Each partner will be asked to name one accountable lead for every LOIP priority"],
            ],
            [
                ["The community planning team will shift from servicing meetings to performance and locality support"],
                ["The Board’s annual report will be replaced by a quarterly LOIP dashboard"],
            ],
        ],
    },
    {
        "layout": "content",
        "title": "Next steps and timeline",
        "bullets": [
            (0, "12 June 2025 – Board considers the recommendations"),
            (0, "By 31 August 2025 – partners confirm named leads and community representatives"),
            (0, "1 October 2025 – new terms of reference take effect and the nine groups close"),
            (0, "November 2025 – first meeting of the Locality Planning Forum"),
            (0, "March 2026 – Board development session on the joint resourcing plan"),
            (0, "June 2026 – follow-up review reported to the Board"),
        ],
    },
    {
        "layout": "content",
        "title": "Decisions sought",
        "bullets": [
            (0, "The Board is asked to:"),
            (1, "agree recommendations 1 to 4 and 6"),
            (1, "agree that the review of the LOIP priorities waits for the 2026 Strategic Assessment (recommendation 5)"),
            (1, "note the timeline and the handover arrangements for groups being stood down"),
            (0, "Contact: Fiona Grant, Community Planning Manager, Moray Council – communityplanning@moray.gov.uk"),
        ],
    },
]
