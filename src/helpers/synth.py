"""Synthetic corpora for benchmarks and scale tests: realistic council documents
written from this module's own templates and vocabulary (no third-party text).

``python -m helpers synth --docs N --out DIR [--seed S] [--formats txt html pdf docx]``
writes N documents — ModernGov-style minutes with RESOLVED blocks and (a)/(b)
parts, review reports with "Recommendation N:" and Proposal/Implications sections,
cabinet reports with numbered paragraphs, and news items with quotes — from
fictional councils in England, Wales and Scotland, plus ``manifest.csv`` and a
hidden ``.synth_truth.csv`` naming the restructuring actions planted in each file
(ingest skips dot-files). Formats follow realistic proportions (mostly PDF) unless
``--formats`` narrows them. Each document is drawn from its own seeded generator,
so the corpus is identical for a seed however many processes write it.

PDF output needs fpdf2 (the optional extra ``[synth]``); the other formats need only
the core install.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import random
import textwrap
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .config import SEED

#: Share of each format in a national corpus of council papers (mostly PDF).
FORMAT_WEIGHTS = {"pdf": 0.6, "html": 0.2, "docx": 0.1, "txt": 0.1}
#: Share of each kind of document.
KIND_WEIGHTS = {"minutes": 0.4, "review": 0.2, "cabinet": 0.25, "news": 0.15}
DOC_TYPE = {"minutes": "minutes", "review": "report", "cabinet": "report", "news": "news"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CHUNK = 250  # documents written per task
MAX_COUNCILS = 350  # about as many as the UK has principal councils
PDF_LINE_CHARS = 95  # characters per line of 10-point Helvetica on A4

# ---------------------------------------------------------------- vocabulary

PLACE_PARTS = {
    "England": (["Ash", "Brack", "Cold", "Dun", "Elm", "Fern", "Hart", "Kings", "Lang", "Mill", "Oak",
                 "Red", "Stan", "Thorn", "Wool", "Marl", "Brom", "Hal", "Wend", "Fox", "Sal", "Bur", "Chad", "Lox"],
                ["bridge", "ford", "ham", "ley", "wick", "worth", "field", "minster", "combe", "stow"]),
    "Wales": (["Aber", "Llan", "Pont", "Caer", "Bryn", "Cwm", "Pen", "Glyn"],
              ["dovey", "wern", "afon", "teg", "mawr", "gwyn", "coed", "ithon"]),
    "Scotland": (["Kil", "Inver", "Glen", "Strath", "Auch", "Kin", "Bal", "Dal"],
                 ["morran", "lochy", "craig", "ness", "ard", "more", "brae", "tully"]),
}
COUNCIL_FORMS = {
    "England": ["{p} City Council", "{p} Borough Council", "{p} District Council", "{p} County Council",
                "London Borough of {p}", "{p} Metropolitan Borough Council"],
    "Wales": ["{p} County Borough Council", "{p} County Council", "{p} Council"],
    "Scotland": ["{p} Council", "{p} City Council"],
}
NATION_WEIGHTS = {"England": 0.8, "Wales": 0.08, "Scotland": 0.12}

# (name, short name, first year, last year) of the partnership bodies in each nation.
BODIES = {
    "England": [("Local Strategic Partnership", "LSP", 2005, 2013),
                ("Community Safety Partnership", "CSP", 2005, 2025),
                ("Health and Wellbeing Board", "HWB", 2012, 2025),
                ("Integrated Care Partnership", "ICP", 2021, 2025),
                ("Safeguarding Adults Board", "SAB", 2010, 2025)],
    "Wales": [("Local Service Board", "LSB", 2008, 2015), ("Public Services Board", "PSB", 2016, 2025),
              ("Community Safety Partnership", "CSP", 2005, 2025), ("Regional Partnership Board", "RPB", 2016, 2025)],
    "Scotland": [("Community Planning Partnership", "CPP", 2005, 2025),
                 ("Community Justice Partnership", "CJP", 2016, 2025),
                 ("Integration Joint Board", "IJB", 2015, 2025)],
}
COMMITTEES = ["Cabinet", "Overview and Scrutiny Committee", "Policy and Resources Committee", "Executive"]
FIRST = ["Alison", "Bethan", "Callum", "David", "Eilidh", "Fiona", "Gareth", "Helen", "Iain", "Janet", "Kevin",
         "Lowri", "Mark", "Nadia", "Owen", "Priya", "Rhys", "Sarah", "Tom", "Usha", "Yusuf", "Zoe"]
SURNAMES = ["Ahmed", "Baird", "Clarke", "Davies", "Evans", "Fraser", "Griffiths", "Hughes", "Jones", "Khan",
            "Lewis", "MacLeod", "Morgan", "Nicholson", "Patel", "Reid", "Shaw", "Thomas", "Walker", "Wright"]
ROLES = ["Chief Executive", "Assistant Chief Executive", "Director of Communities", "Head of Policy and Partnerships",
         "Partnership Manager", "Strategic Lead for Community Safety", "Director of Public Health"]
PARTNERS = ["the police", "the fire and rescue service", "the integrated care board", "the voluntary sector",
            "the probation service", "housing associations", "the local college", "the health board",
            "the chamber of commerce", "the university"]
TOPICS = ["domestic abuse", "anti-social behaviour", "youth violence", "child poverty", "healthy weight",
          "homelessness", "substance misuse", "community cohesion", "employment and skills", "loneliness",
          "climate resilience", "early help"]
SUBGROUPS = ["Reducing Reoffending Group", "Community Cohesion Group", "Children and Young People Partnership",
             "Economic Partnership", "Housing Partnership", "Stronger Communities Group", "Environment Forum",
             "Performance Sub-group", "Prevent Steering Group"]
COUNT_WORDS = ["two", "three", "four", "five"]

# Sentences that state each restructuring action (the codebook's actions), with slots.
ACTION_SENTENCES = {
    "merge": ["the {body} and the {sub} should be merged into a single partnership board",
              "the {sub} will be merged with the {sub2} to form one group for {topic}"],
    "dissolve": ["the {sub} will cease to meet from {month} {year}, its work passing to the {body}",
                 "the {sub} should be disbanded, as its priorities are now delivered elsewhere"],
    "create": ["a new {topic} group will be established to lead the partnership's work on {topic}",
               "partners agreed to set up a joint executive group reporting to the {body}"],
    "regionalise": ["a joint board covering the {count} councils in the police force area should be established",
                    "the {short} will move to a sub-regional footprint shared with neighbouring authorities"],
    "streamline": ["the structure should be simplified, reducing the number of sub-groups from {n} to {m}",
                   "partners propose to streamline reporting so that duplication between boards is removed"],
    "task_and_finish": ["time-limited task and finish groups will be commissioned for specific pieces of work",
                        "the {body} will adopt a commissioning approach, using task and finish groups for {topic}"],
    "meeting_frequency": ["the {body} will meet quarterly rather than every six weeks",
                          "it is proposed that the {short} meets every two months with informal sessions between meetings"],
    "membership": ["the {body} will be chaired by the Leader of the Council, with a deputy nominated by {partner}",
                   "the membership of the {short} should be widened so that {partner} is represented"],
    "terms_of_reference": ["the terms of reference of the {body} should be revised and brought back for approval",
                           "revised governance arrangements and a partnership protocol will be agreed by {month}"],
    "review": ["a review of partnership arrangements should be completed by {month} {year}",
               "officers were asked to undertake the review of strategic partnerships with {partner}"],
    "pooled_resources": ["partners will pool budgets for {topic} through joint commissioning",
                         "it is proposed to develop shared services for partnership support across the councils"],
    "statutory_alignment": ["the {short} should align its priorities with the statutory duties of the {body}",
                            "the arrangements will be aligned with the integrated care system and the Police and Crime Commissioner"],
}
# Neutral sentences that make documents realistic in length and tone.
FILLER = [
    "Members noted the progress made since the last meeting and thanked officers for the report.",
    "The {body} received a presentation on the latest performance data for {topic}.",
    "{partner_cap} reported that demand for services had risen over the previous year.",
    "A member asked how the changes would affect residents in rural areas, and officers undertook to respond in writing.",
    "The annual report sets out the partnership's achievements against each of its priorities.",
    "Discussion focused on how partners could share information more effectively.",
    "The financial position for the year was broadly in line with the budget agreed in {month}.",
    "There were no declarations of interest.",
    "The Chair welcomed {name} from {partner} to the meeting.",
    "Consultation with community groups took place over eight weeks and drew {n}0 responses.",
    "Performance against the {topic} indicator improved in three of the four quarters.",
    "Officers explained that national guidance on {topic} was expected later in the year.",
    "The risk register was reviewed and two risks were escalated to the {body}.",
    "Councillors discussed the timetable for the refresh of the community strategy.",
    "The next meeting will be held in {month}, subject to the availability of partners.",
    "{name} summarised the findings of the joint strategic needs assessment for {topic}.",
    "Partners should continue to report progress on {topic} through the existing dashboard.",
    "The report was taken as read, and the Chair invited questions from members.",
    "Spending on {topic} services had fallen by {n} per cent in real terms since the previous review.",
    "Feedback from the residents' panel showed strong support for earlier intervention on {topic}.",
    "The Board heard that recruitment to frontline posts remained difficult across the area.",
    "Officers confirmed that the equality impact assessment would be published alongside the strategy.",
    "{partner_cap} outlined its own priorities for the coming year, which closely match those of the {short}.",
    "It was noted that the grant conditions for {topic} funding had changed during the year.",
    "Members welcomed the case studies included in the appendix, which showed the difference made to families.",
    "A question was raised about data sharing between {partner} and council services.",
    "The Chair reminded members that the public part of the meeting would be recorded and published.",
    "The outturn report showed a small underspend, which partners agreed to carry forward.",
    "Attendance at partnership meetings had been variable, with some partners sending substitutes.",
    "The {short} delivery plan for {topic} was presented, with milestones for each quarter.",
]
PROPOSALS = [
    "That the {body} focuses on a small number of cross-cutting priorities, including {topic}",
    "That each thematic partnership reports to the {body} twice a year on its delivery plan",
    "That the {short} agrees an annual work programme at its first meeting of the municipal year",
    "That a single performance framework is used by all partners for {topic}",
    "That partners identify a lead officer for each priority, accountable to the {body}",
    "That the {short} stops ratifying plans already agreed by its thematic groups",
    "That the voluntary sector nominates two representatives through its local infrastructure body",
]
QUOTES = [
    "We have too many meetings and not enough delivery, and residents deserve better than that.",
    "This is about making sure the right people are around the table when decisions about {topic} are made.",
    "Partners have told us the current arrangements are confusing, so we are simplifying them.",
    "We will keep listening to community groups as the new arrangements bed in.",
    "Nobody should think this is a cut; it is about spending the money we have more wisely.",
]


# ---------------------------------------------------------------- one document


@dataclass
class Block:
    """A run of document structure: a heading, a paragraph, or an enumerated list."""

    kind: str  # "title", "heading", "para", "list", "bullets"
    lines: list[str]


@dataclass
class Doc:
    kind: str
    council: str
    nation: str
    body: str
    date: tuple[int, int, int]
    title: str
    blocks: list[Block] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)

    @property
    def iso_date(self) -> str:
        y, m, d = self.date
        return f"{y:04d}-{m:02d}-{d:02d}"

    @property
    def long_date(self) -> str:
        y, m, d = self.date
        return f"{WEEKDAYS[dt.date(y, m, d).weekday()]} {d} {MONTHS[m - 1]} {y}"


class Writer:
    """Draws one document's content from its own seeded generator."""

    def __init__(self, rng: random.Random, council: str, nation: str):
        self.rng = rng
        self.council = council
        self.nation = nation
        self.year = rng.randint(2006, 2025)
        bodies = [b for b in BODIES[nation] if b[2] <= self.year <= b[3]]
        self.body, self.short = rng.choice(bodies)[:2]
        self.subs = rng.sample(SUBGROUPS, 3)

    def pick(self, seq):
        return self.rng.choice(seq)

    def fill(self, template: str) -> str:
        partner = self.pick(PARTNERS)
        n = self.rng.randint(5, 9)
        return template.format(
            body=self.body, short=self.short, sub=self.subs[0], sub2=self.subs[1], topic=self.pick(TOPICS),
            month=self.pick(MONTHS), year=self.year + 1, count=self.pick(COUNT_WORDS), n=n,
            m=n - self.rng.randint(2, 4), partner=partner, partner_cap=partner[0].upper() + partner[1:],
            name=self.person(),
        )

    def person(self) -> str:
        return f"{self.pick(FIRST)} {self.pick(SURNAMES)}"

    def filler(self, k: int) -> str:
        return " ".join(self.fill(t) for t in self.rng.sample(FILLER, k))

    def paragraphs(self, low: int, high: int) -> list[Block]:
        # Real papers vary a lot in length: a long tail of long reports.
        count = min(high * 4, int(self.rng.paretovariate(1.6) * low)) if high > low else low
        return [Block("para", [self.filler(self.rng.randint(2, 5))]) for _ in range(max(1, count))]

    def action_texts(self, k: int) -> tuple[list[str], list[str]]:
        actions = self.rng.sample(sorted(ACTION_SENTENCES), k)
        return actions, [self.fill(self.pick(ACTION_SENTENCES[a])) for a in actions]

    def date(self) -> tuple[int, int, int]:
        return self.year, self.rng.randint(1, 12), self.rng.randint(1, 28)


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def minutes(w: Writer) -> Doc:
    body = w.pick([w.body, w.pick(COMMITTEES)])
    doc = Doc("minutes", w.council, w.nation, body, w.date(), f"{body} - Minutes")
    doc.blocks += [
        Block("title", [w.council]), Block("title", [f"Minutes of the meeting of the {body}"]),
        Block("para", [f"Held on {doc.long_date} at {w.rng.randint(9, 18)}.00"]),
        Block("para", [f"Present: Councillor {w.person()} (Chair), Councillors {w.person()}, {w.person()} and "
                       f"{w.person()}; {w.person()} ({w.pick(PARTNERS)})"]),
        Block("para", [f"Apologies: Councillor {w.person()}"]),
    ]
    n_items = w.rng.randint(4, 9)
    planted = w.rng.randrange(n_items)
    for number in range(1, n_items + 1):
        doc.blocks.append(Block("heading", [f"{number}. {w.pick(AGENDA) if number != planted + 1 else 'Review of Partnership Arrangements'}"]))
        doc.blocks += w.paragraphs(1, 5)
        if number == planted + 1:
            actions, texts = w.action_texts(w.rng.randint(2, 4))
            doc.actions += actions
            doc.blocks.append(Block("heading", ["RESOLVED:"]))
            doc.blocks.append(Block("list", [f"({chr(97 + i)}) That {t};" for i, t in enumerate(texts)]))
        else:
            doc.blocks.append(Block("para", [f"RESOLVED: That the {w.pick(NOTED)} be noted."]))
    return doc


AGENDA = ["Minutes of the previous meeting", "Performance report", "Budget monitoring", "Community safety update",
          "Annual report", "Forward plan", "Public questions", "Joint strategic needs assessment"]
NOTED = ["report", "update", "performance information", "annual report", "verbal update"]


def review(w: Writer) -> Doc:
    doc = Doc("review", w.council, w.nation, w.body, w.date(),
              f"Proposals in response to the Review of the {w.body}")
    doc.blocks += [Block("title", [doc.title]), Block("para", [f"{w.council} - {doc.long_date}"])]
    doc.blocks += w.paragraphs(2, 4)
    actions, texts = w.action_texts(w.rng.randint(3, 5))
    doc.actions += actions
    for i, text in enumerate(texts, start=1):
        doc.blocks.append(Block("para", [f"Recommendation {i}: {_cap(text)}."]))
        doc.blocks.append(Block("heading", ["Proposal"]))
        proposals = w.rng.sample(PROPOSALS, w.rng.randint(1, 3))
        doc.blocks.append(Block("bullets", [f"- {w.fill(p)};" for p in proposals]))
        doc.blocks.append(Block("heading", ["Implications"]))
        doc.blocks.append(Block("para", [f"Partners will need to {w.pick(IMPLICATIONS)}."]))
    doc.blocks += w.paragraphs(1, 3)
    return doc


IMPLICATIONS = ["agree revised reporting lines before the next meeting", "nominate representatives for each group",
                "identify officer support from existing resources", "update the partnership's forward plan"]


def cabinet(w: Writer) -> Doc:
    committee = w.pick(COMMITTEES[:1] + COMMITTEES[2:])
    doc = Doc("cabinet", w.council, w.nation, committee, w.date(), f"Future of the {w.body}")
    doc.blocks += [Block("title", [w.council]), Block("title", [f"Report to {committee}"]),
                   Block("para", [f"Date of meeting: {doc.long_date}"]), Block("title", [f"Report title: {doc.title}"]),
                   Block("para", [f"Report of: {w.pick(ROLES)}"])]
    actions, texts = w.action_texts(w.rng.randint(2, 4))
    doc.actions += actions
    sections = [("Purpose of the report", None), ("Recommendations", texts), ("Background", None),
                ("Options considered", None), ("Financial implications", None), ("Legal implications", None)]
    for number, (heading, recs) in enumerate(sections, start=1):
        doc.blocks.append(Block("heading", [f"{number}. {heading}"]))
        if recs:
            doc.blocks.append(Block("list", [f"{number}.{i} That {committee} agrees that {t}." for i, t in enumerate(recs, 1)]))
        else:
            doc.blocks.append(Block("list", [f"{number}.{i} {w.filler(w.rng.randint(2, 4))}"
                                             for i in range(1, w.rng.randint(3, 8))]))
    return doc


def news(w: Writer) -> Doc:
    actions, texts = w.action_texts(w.rng.randint(1, 2))
    person, role = w.person(), w.pick(ROLES)
    doc = Doc("news", w.council, w.nation, w.body, w.date(), f"Shake-up planned for {w.body}", actions=actions)
    doc.blocks += [Block("title", [doc.title]),
                   Block("para", [f"{w.council} says {texts[0]}, in changes discussed on {doc.long_date}."]),
                   Block("para", [f"{person}, {role} at {w.council}, said: \u201c{w.fill(w.pick(QUOTES))}\u201d"])]
    for text in texts[1:]:
        doc.blocks.append(Block("para", [f"The report also says {text}."]))
    doc.blocks += w.paragraphs(1, 2)
    doc.blocks.append(Block("para", [f"{person} added: \u201c{w.fill(w.pick(QUOTES))}\u201d"]))
    return doc


KINDS = {"minutes": minutes, "review": review, "cabinet": cabinet, "news": news}


# ---------------------------------------------------------------- rendering


def to_text(doc: Doc) -> str:
    return "\n\n".join("\n".join(b.lines) for b in doc.blocks) + "\n"


def to_html(doc: Doc) -> str:
    """A council web page: site chrome around the document, as ModernGov publishes it."""
    parts = []
    for b in doc.blocks:
        if b.kind == "title":
            parts.append(f"<h1>{html.escape(b.lines[0])}</h1>")
        elif b.kind == "heading":
            parts.append(f"<h2>{html.escape(b.lines[0])}</h2>")
        else:
            parts.extend(f"<p>{html.escape(line)}</p>" for line in b.lines)
    council = html.escape(doc.council)
    return (f"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{html.escape(doc.title)}"
            f" - {council}</title></head><body><header><nav><a href=\"/\">Home</a> | <a href=\"/mgListCommittees\">"
            f"Committees</a> | <a href=\"/contact\">Contact us</a></nav></header><main><article>{''.join(parts)}"
            f"</article></main><footer><p>&copy; {council}. Cookies | Accessibility | Privacy</p></footer></body></html>")


_LATIN1 = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"})


def to_pdf(doc: Doc) -> bytes:
    try:
        from fpdf import FPDF
    except ImportError:  # pragma: no cover - depends on the install
        raise RuntimeError("PDF output needs fpdf2: pip install -e '.[synth]', or use --formats txt html docx") from None
    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime(*doc.date, tzinfo=dt.timezone.utc))  # deterministic bytes
    pdf.add_page()
    for b in doc.blocks:
        size, style = {"title": (14, "B"), "heading": (12, "B")}.get(b.kind, (10, ""))
        pdf.set_font("Helvetica", style, size)
        width = int(PDF_LINE_CHARS * 10 / size)
        for line in b.lines:  # wrapped here: fpdf2's own line breaking is slow on long paragraphs
            for part in textwrap.wrap(line.translate(_LATIN1), width) or [""]:
                pdf.cell(0, size * 0.5, part, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())


def to_docx(doc: Doc, path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = dt.datetime(*doc.date)
    for b in doc.blocks:
        if b.kind in {"title", "heading"}:
            document.add_heading(b.lines[0], level=1 if b.kind == "title" else 2)
        else:
            for line in b.lines:
                document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_fixed_zip_times(buffer.getvalue(), doc.date))


def _fixed_zip_times(data: bytes, date: tuple[int, int, int]) -> bytes:
    """The same zip archive with every member stamped ``date`` (python-docx stamps 'now')."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(*date, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info))
    return out.getvalue()


def write_document(doc: Doc, fmt: str, path: Path) -> None:
    if fmt == "txt":
        path.write_text(to_text(doc), encoding="utf-8")
    elif fmt == "html":
        path.write_text(to_html(doc), encoding="utf-8")
    elif fmt == "pdf":
        path.write_bytes(to_pdf(doc))
    elif fmt == "docx":
        to_docx(doc, path)
    else:
        raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMAT_WEIGHTS)}")


# ---------------------------------------------------------------- the corpus


def councils(seed: int, n: int) -> list[tuple[str, str]]:
    """``n`` fictional councils (name, nation), drawn across the three nations; one per place name."""
    rng = random.Random(f"councils-{seed}")
    pool = {
        nation: [form.format(p=a + b) for a in parts[0] for b in parts[1] for form in COUNCIL_FORMS[nation]]
        for nation, parts in PLACE_PARTS.items()
    }
    places = sum(len(a) * len(b) for a, b in PLACE_PARTS.values())
    if n > places:
        raise ValueError(f"at most {places} councils can be named, not {n}")
    out, used = [], set()
    nations, weights = list(NATION_WEIGHTS), list(NATION_WEIGHTS.values())
    while len(out) < n:
        nation = rng.choices(nations, weights)[0]
        name = rng.choice(pool[nation])
        place = name.replace("London Borough of ", "").split(" ")[0]
        if place not in used:
            used.add(place)
            out.append((name, nation))
    return out


def plan(n_docs: int, seed: int, formats: list[str]) -> list[tuple[int, str, str, str, str]]:
    """(index, council, nation, kind, format) of every document, in order."""
    rng = random.Random(f"plan-{seed}")
    pool = councils(seed, min(MAX_COUNCILS, max(3, n_docs // 25)))
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(pool))]  # some councils publish far more
    fmt_weights = [FORMAT_WEIGHTS[f] for f in formats]
    chosen = rng.choices(pool, weights, k=n_docs)
    kinds = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()), k=n_docs)
    fmts = rng.choices(formats, fmt_weights, k=n_docs)
    return [(i, c, nat, kind, fmt) for i, ((c, nat), kind, fmt) in enumerate(zip(chosen, kinds, fmts))]


def make_document(seed: int, index: int, council: str, nation: str, kind: str) -> Doc:
    rng = random.Random(f"doc-{seed}-{index}")
    return KINDS[kind](Writer(rng, council, nation))


def _write_chunk(chunk: list[tuple[int, str, str, str, str]], out: Path, seed: int) -> list[dict]:
    rows = []
    for index, council, nation, kind, fmt in chunk:
        doc = make_document(seed, index, council, nation, kind)
        name = f"{index:06d}_{kind}.{fmt}"
        write_document(doc, fmt, out / name)
        rows.append({"file": name, "council": council, "body": doc.body, "doc_type": DOC_TYPE[kind],
                     "date": doc.iso_date, "nation": nation, "kind": kind, "format": fmt,
                     "actions": ";".join(sorted(doc.actions))})
    return rows


def synthesise(n_docs: int, out: Path, seed: int = SEED, formats: list[str] | None = None) -> list[dict]:
    """Write ``n_docs`` documents, ``manifest.csv`` and ``.synth_truth.csv`` into ``out``."""
    from functools import partial

    from .parallel import map_ordered

    formats = list(formats or FORMAT_WEIGHTS)
    unknown = sorted(set(formats) - set(FORMAT_WEIGHTS))
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}: choose from {', '.join(FORMAT_WEIGHTS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    docs = plan(n_docs, seed, formats)
    chunks = [docs[i : i + CHUNK] for i in range(0, len(docs), CHUNK)]
    rows = [row for rows in map_ordered(partial(_write_chunk, out=out, seed=seed), chunks, min_tasks=2) for row in rows]
    _write_csv(out / "manifest.csv", rows, ["file", "council", "body", "doc_type", "date"])
    _write_csv(out / ".synth_truth.csv", rows, ["file", "council", "nation", "kind", "format", "actions"])
    return rows


def _write_csv(path: Path, rows: list[dict], columns: list[str]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
