#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/.

Usage: /work/main/.venv/bin/python make_documents.py

Everything is deterministic: fixed dates in document metadata, fixed zip timestamps,
no randomness. Five builders, one per document shape:
  1. .docx committee report with Word content controls (w:sdt, block and inline)
  2. .html "accessible version" of a PDF, as pdf2htmlEX lays it out (one div per printed line)
  3. .pdf designed annual report (columns, boxes, headline numbers, pull quotes)
  4. .pdf call-in minutes, justified, hyphenated, with fi/fl ligatures
  5. .docx converted from a PDF (every printed line its own paragraph or manual line break)
"""
import datetime as dt
import html
import io
import os
import re
import zipfile

import docx
from docx.enum.section import WD_SECTION  # noqa: F401  (kept for readers extending the script)
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
RAW = os.path.join(HERE, "raw")
FONTS = "/usr/share/fonts/truetype"
SANS = f"{FONTS}/liberation/LiberationSans-Regular.ttf"
SANS_B = f"{FONTS}/liberation/LiberationSans-Bold.ttf"
SANS_I = f"{FONTS}/liberation/LiberationSans-Italic.ttf"
SERIF = f"{FONTS}/liberation/LiberationSerif-Regular.ttf"
SERIF_B = f"{FONTS}/liberation/LiberationSerif-Bold.ttf"
SERIF_I = f"{FONTS}/liberation/LiberationSerif-Italic.ttf"
FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)

FILES = {
    1: "blackburnwithdarwen_executive-board_report_2025-02.docx",
    2: "gateshead_health-wellbeing-board_minutes_2024-10.html",
    3: "stockton_safer-stockton-partnership_annual-report_2025-07.pdf",
    4: "rotherham_overview-scrutiny-management-board_callin-minutes_2025-03.pdf",
    5: "angus_ijb_directions_2025-06.docx",
}


def read_source(prefix):
    for name in sorted(os.listdir(SRC)):
        if name.startswith(prefix):
            with open(os.path.join(SRC, name), encoding="utf-8") as fh:
                lines = [ln.rstrip("\n") for ln in fh]
            return [ln for ln in lines if not ln.startswith("% ") and ln != "%"]
    raise FileNotFoundError(prefix)


# --------------------------------------------------------------------------- text measuring, hyphenation
class Measure:
    """String widths (mm) from the real TrueType metrics, via fpdf2."""

    def __init__(self):
        self.pdf = FPDF(unit="mm")
        for fam, reg, bold, ital in (("sans", SANS, SANS_B, SANS_I), ("serif", SERIF, SERIF_B, SERIF_I)):
            self.pdf.add_font(fam, "", reg)
            self.pdf.add_font(fam, "B", bold)
            self.pdf.add_font(fam, "I", ital)

    def width(self, text, family="sans", style="", size=11):
        self.pdf.set_font(family, style, size)
        return self.pdf.get_string_width(text)


# Explicit hyphenation points for frequent long words; others use a simple VC-CV rule.
HYPH_DICT = {
    "partnership": "part-ner-ship", "partnerships": "part-ner-ships", "arrangements": "ar-range-ments",
    "recommendation": "rec-om-men-da-tion", "recommendations": "rec-om-men-da-tions",
    "community": "com-mu-ni-ty", "communities": "com-mu-ni-ties", "structure": "struc-ture",
    "representative": "rep-re-sen-ta-tive", "representation": "rep-re-sen-ta-tion",
    "representatives": "rep-re-sen-ta-tives", "integrated": "in-te-grat-ed", "strategic": "stra-te-gic",
    "governance": "gov-er-nance", "membership": "mem-ber-ship", "performance": "per-for-mance",
    "consultation": "con-sul-ta-tion", "voluntary": "vol-un-tary", "considered": "con-sid-ered",
    "consideration": "con-sid-er-a-tion", "information": "in-for-ma-tion", "reconsideration": "re-con-sid-er-a-tion",
    "implementation": "im-ple-men-ta-tion", "implemented": "im-ple-ment-ed", "assessment": "as-sess-ment",
    "assessments": "as-sess-ments", "development": "de-vel-op-ment", "pharmaceutical": "phar-ma-ceu-ti-cal",
    "responsibilities": "re-spon-si-bil-i-ties", "safeguarding": "safe-guard-ing", "wellbeing": "well-being",
    "agreement": "agree-ment", "approximately": "ap-prox-i-mate-ly", "organisation": "or-gan-i-sa-tion",
    "organisations": "or-gan-i-sa-tions", "Rotherham": "Roth-er-ham", "Gateshead": "Gates-head",
    "Calderdale": "Cal-der-dale", "Healthwatch": "Health-watch", "Environment": "En-vi-ron-ment",
    "regeneration": "re-gen-er-a-tion", "Regeneration": "Re-gen-er-a-tion", "democratic": "dem-o-crat-ic",
    "delegated": "del-e-gat-ed", "functions": "func-tions", "Assistant": "As-sis-tant", "Executive": "Ex-ec-u-tive",
    "Cabinet": "Cab-i-net", "Committee": "Com-mit-tee", "committee": "com-mit-tee", "proceedings": "pro-ceed-ings",
    "business": "busi-ness", "together": "to-geth-er", "previous": "pre-vi-ous", "following": "fol-low-ing",
    "insufficient": "in-suf-fi-cient", "considering": "con-sid-er-ing", "immediately": "im-me-di-ate-ly",
    "reasons": "rea-sons", "standing": "stand-ing", "dissolving": "dis-solv-ing", "dissolved": "dis-solved",
    "economic": "eco-nom-ic", "cohesion": "co-he-sion", "alternatives": "al-ter-na-tives",
    "frequently": "fre-quent-ly", "signatories": "sig-na-to-ries", "simplifying": "sim-pli-fy-ing",
    "transferred": "trans-ferred", "statutory": "stat-u-to-ry", "focused": "fo-cused", "confirmed": "con-firmed",
    "Strategy": "Strat-e-gy", "strategy": "strat-e-gy", "Implementation": "Im-ple-men-ta-tion",
    "Foundation": "Foun-da-tion", "Northumberland": "North-um-ber-land", "Cumbria": "Cum-bria",
    "Procedure": "Pro-ce-dure", "Framework": "Frame-work", "accordance": "ac-cor-dance",
    "unmanageable": "un-man-age-able", "redundancies": "re-dun-dan-cies", "compulsory": "com-pul-so-ry",
    "precautionary": "pre-cau-tion-ary", "Transport": "Trans-port", "recommended": "rec-om-mend-ed",
    "municipal": "mu-nic-i-pal", "spotlight": "spot-light", "programme": "pro-gramme", "priorities": "pri-or-i-ties",
    "endorsement": "en-dorse-ment", "retrospective": "ret-ro-spec-tive", "delegated": "del-e-gat-ed",
    "underspend": "un-der-spend", "contractor": "con-trac-tor", "explanation": "ex-pla-na-tion",
    "financial": "fi-nan-cial", "chapters": "chap-ters", "published": "pub-lished", "underlying": "un-der-ly-ing",
    "datasets": "data-sets", "platform": "plat-form", "consequential": "con-se-quen-tial",
    "Constitution": "Con-sti-tu-tion", "dashboard": "dash-board", "monitoring": "mon-i-tor-ing",
    "immediate": "im-me-di-ate", "diluted": "di-lut-ed", "experience": "ex-pe-ri-ence", "agenda": "agen-da",
    "supported": "sup-port-ed", "proposals": "pro-pos-als", "proposal": "pro-pos-al", "response": "re-sponse",
    "question": "ques-tion", "Councillor": "Coun-cil-lor", "Councillors": "Coun-cil-lors", "approval": "ap-proval",
    "relationship": "re-la-tion-ship", "place-based": "place-based", "frequency": "fre-quen-cy",
    "sub-structure": "sub-struc-ture", "commissioned": "com-mis-sioned", "discharge": "dis-charge",
    "independent": "in-de-pen-dent", "Learning": "Learn-ing", "delivered": "de-liv-ered", "training": "train-ing",
    "violence": "vi-o-lence", "prevention": "pre-ven-tion", "neighbourhood": "neigh-bour-hood",
    "neighbourhoods": "neigh-bour-hoods", "overlapping": "over-lap-ping", "reducing": "re-duc-ing",
    "Reoffending": "Re-of-fend-ing", "reoffending": "re-of-fend-ing", "analyst": "an-a-lyst",
    "decisions": "de-ci-sions", "commissioning": "com-mis-sion-ing", "programmes": "pro-grammes",
    "accountability": "ac-count-abil-i-ty", "Improvement": "Im-prove-ment", "improvement": "im-prove-ment",
    "Assembly": "As-sem-bly", "Partnership": "Part-ner-ship", "Partnerships": "Part-ner-ships",
    "Wellbeing": "Well-being", "Commission": "Com-mis-sion", "universities": "uni-ver-si-ties",
    "health-focused": "health-fo-cused", "communities": "com-mu-ni-ties", "reconsider": "re-con-sid-er",
}


def hyph_points(word):
    """Positions in word after which a hyphen may be inserted."""
    m = re.match(r"^([\"“(]*)([A-Za-z][A-Za-z'’-]*[A-Za-z])([^A-Za-z]*)$", word)
    if not m:
        return []
    lead, core, _ = m.groups()
    off = len(lead)
    pts = []
    if "-" in core:  # break after an existing hyphen only
        pos = 0
        for part in core.split("-")[:-1]:
            pos += len(part) + 1
            if pos >= 3:
                pts.append(off + pos - 1)  # marker: break after existing '-'
        return [("hy", p) for p in pts]
    key = core if core in HYPH_DICT else core.lower() if core.lower() in HYPH_DICT else None
    if key:
        pattern = HYPH_DICT[key]
        pos = 0
        for part in pattern.split("-")[:-1]:
            pos += len(part)
            if pos >= 2 and len(core) - pos >= 3:
                pts.append(off + pos)
        return [("soft", p) for p in pts]
    if len(core) < 8:
        return []
    vowels = set("aeiouyAEIOUY")
    low = core
    for i in range(3, len(low) - 3):
        a, b, c, d = low[i - 2], low[i - 1], low[i], low[i + 1]
        if a in vowels and b not in vowels and c not in vowels and d in vowels and b != c or (
            a in vowels and b not in vowels and c not in vowels and d in vowels and b == c
        ):
            if (b + c).lower() in ("ch", "sh", "th", "ph", "wh", "ck", "ng", "qu"):
                continue
            pts.append(off + i)
    return [("soft", p) for p in pts]


def split_word(word, kind_pos):
    kind, pos = kind_pos
    if kind == "hy":
        return word[: pos + 1], word[pos + 1:]
    return word[:pos] + "-", word[pos:]


def wrap(text, width, wfunc, hyphenate=False, min_gap=0.0, first_width=None):
    """Greedy line breaking. wfunc(s) gives the width of s. Returns a list of lines.

    If hyphenate is true and the next word does not fit while the line still has more than
    min_gap of free space, the word is split at the last hyphenation point that fits.
    """
    words = text.split(" ")
    lines, cur = [], ""
    limit = first_width if first_width is not None else width
    i = 0
    while i < len(words):
        w = words[i]
        cand = w if not cur else cur + " " + w
        if wfunc(cand) <= limit:
            cur = cand
            i += 1
            continue
        if hyphenate and cur and limit - wfunc(cur) > min_gap:
            best = None
            for kp in hyph_points(w):
                head, tail = split_word(w, kp)
                if wfunc(cur + " " + head) <= limit and len(tail.strip("\"”).,;:")) >= 3:
                    best = (head, tail)
            if best:
                lines.append(cur + " " + best[0])
                words[i] = best[1]
                cur = ""
                limit = width
                continue
        if not cur:  # a single over-long word
            lines.append(w)
            i += 1
            limit = width
            continue
        lines.append(cur)
        cur = ""
        limit = width
    if cur:
        lines.append(cur)
    return lines


def deterministic_zip(data):
    """Rewrite an OOXML zip with fixed timestamps and a fixed member order."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        names = zin.namelist()
        names.sort(key=lambda n: (n != "[Content_Types].xml", n))
        for name in names:
            zi = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, zin.read(name))
    return out.getvalue()


def fix_core_properties(document, title, author, when):
    cp = document.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 3
    cp.comments = ""
    cp.keywords = ""
    cp.subject = ""


def save_docx(document, path):
    buf = io.BytesIO()
    document.save(buf)
    with open(path, "wb") as fh:
        fh.write(deterministic_zip(buf.getvalue()))


def set_run_font(run, name="Arial", size=None, bold=None, italic=None, color=None):
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, rfonts)
    for att in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(att), name)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if italic is not None:
        run.font.italic = italic
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


def set_default_font(document, name="Arial", size=11):
    st = document.styles["Normal"]
    st.font.name = name
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, rfonts)
    for att in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(att), name)
    pf = st.paragraph_format
    pf.space_after = Pt(0)
    pf.space_before = Pt(0)


# =========================================================================== 1. DOCX with content controls
class SdtCounter:
    def __init__(self, start):
        self.n = start

    def next(self):
        self.n = (self.n * 48271) % 2147483647
        return self.n - 1073741823


def sdt_pr_xml(tag, alias, kind, ident):
    typ = ""
    if kind == "text":
        typ = "<w:text/>"
    elif kind.startswith("date:"):
        iso = kind.split(":", 1)[1]
        typ = (f'<w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="d MMMM yyyy"/>'
               '<w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
    elif kind.startswith("dropdown:"):
        items = kind.split(":", 1)[1].split(";")
        li = "".join(f'<w:listItem w:displayText="{html.escape(i, quote=True)}" w:value="{html.escape(i, quote=True)}"/>'
                     for i in items)
        typ = f'<w:dropDownList><w:listItem w:displayText="Choose an item." w:value=""/>{li}</w:dropDownList>'
    elif kind.startswith("checkbox"):
        typ = (f'<w14:checkbox><w14:checked w14:val="{1 if kind.endswith("1") else 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
               '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>')
    elif kind == "richtext":
        typ = ""
    return (f'<w:sdtPr><w:alias w:val="{html.escape(alias, quote=True)}"/><w:tag w:val="{html.escape(tag, quote=True)}"/>'
            f'<w:id w:val="{ident}"/><w:lock w:val="sdtLocked"/>{typ}</w:sdtPr>')


def run_xml(text, bold=False, size=None, font="Arial"):
    rpr = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if bold:
        rpr += "<w:b/><w:bCs/>"
    if size:
        rpr += f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


INLINE_RE = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)\|([^\]]+)\]\]")


def add_inline_content(par, text, counter, bold=False, size=None):
    """Add text to a python-docx paragraph; [[tag|type|value]] becomes an inline content control."""
    pos = 0
    for m in INLINE_RE.finditer(text):
        if m.start() > pos:
            r = par.add_run(text[pos:m.start()])
            set_run_font(r, bold=bold, size=size)
        tag, kind, value = m.groups()
        if kind == "checkbox":
            kind = "checkbox1" if value == "\u2612" else "checkbox0"
            sdt = parse_xml(f'<w:sdt {nsdecls("w", "w14")}>{sdt_pr_xml(tag, tag, kind, counter.next())}'
                            f'<w:sdtContent>{run_xml(value, bold=bold, size=size, font="MS Gothic")}</w:sdtContent></w:sdt>')
        else:
            sdt = parse_xml(f'<w:sdt {nsdecls("w", "w14")}>{sdt_pr_xml(tag, tag, kind, counter.next())}'
                            f'<w:sdtContent>{run_xml(value, bold=bold, size=size)}</w:sdtContent></w:sdt>')
        par._p.append(sdt)
        pos = m.end()
    if pos < len(text):
        r = par.add_run(text[pos:])
        set_run_font(r, bold=bold, size=size)


def wrap_block_sdt(body, elements, tag, alias, counter):
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}>{sdt_pr_xml(tag, alias, "richtext", counter.next())}'
                    f'<w:sdtContent/></w:sdt>')
    first = elements[0]
    first.addprevious(sdt)
    content = sdt.find(qn("w:sdtContent"))
    for el in elements:
        content.append(el)
    return sdt


def add_field_run(par, instr, placeholder):
    fld = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" {instr} \\* MERGEFORMAT ">{run_xml(placeholder, size=9)}</w:fldSimple>')
    par._p.append(fld)


def tabbed_paragraph(container, text, size, stops, counter=None, page_field=False):
    p = container.add_paragraph()
    pf = p.paragraph_format
    for pos, align in stops:
        pf.tab_stops.add_tab_stop(Cm(pos), align)
    parts = text.split("{PAGE}")
    r = p.add_run(parts[0])
    set_run_font(r, size=size)
    if len(parts) > 1:
        add_field_run(p, "PAGE", "1")
        if parts[1]:
            r = p.add_run(parts[1])
            set_run_font(r, size=size)
    return p


def shade_cell(cell, fill):
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def build_docx_report():
    from docx.enum.text import WD_TAB_ALIGNMENT
    lines = read_source("01_")
    d = docx.Document()
    set_default_font(d, "Arial", 11)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(2.0)
    sec.header_distance = sec.footer_distance = Cm(1.0)
    counter = SdtCounter(1000003)
    body = d.element.body
    header_text = footer_text = ""
    open_sdt = None
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("%header "):
            header_text = ln[len("%header "):]
        elif ln.startswith("%footer "):
            footer_text = ln[len("%footer "):]
        elif ln.startswith("%title "):
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(12)
            r = p.add_run(ln[len("%title "):])
            set_run_font(r, size=14, bold=True)
        elif ln == "%cover":
            rows = []
            i += 1
            while lines[i] != "%endcover":
                rows.append([c.strip() for c in lines[i].split("|", 2)])
                i += 1
            t = d.add_table(rows=len(rows), cols=2)
            t.style = d.styles["Table Grid"]
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for ri, (label, kind, value) in enumerate(rows):
                c0, c1 = t.rows[ri].cells
                c0.width, c1.width = Cm(5.2), Cm(11.4)
                shade_cell(c0, "D9E2F3")
                p0 = c0.paragraphs[0]
                r = p0.add_run(label + ":")
                set_run_font(r, bold=True, size=10.5)
                p1 = c1.paragraphs[0]
                add_inline_content(p1, f"[[{label.replace('/', '').replace(' ', '')}|{kind}|{value}]]", counter, size=10.5)
            sp = d.add_paragraph()
            sp.paragraph_format.space_after = Pt(6)
        elif ln.startswith("%sdt "):
            tag, alias = [x.strip() for x in ln[len("%sdt "):].split("|")]
            open_sdt = (tag, alias, len(body) - 1)  # index of sectPr = insertion point of new content
        elif ln == "%endsdt":
            tag, alias, start = open_sdt
            els = [el for el in list(body)[start:] if el.tag != qn("w:sectPr")]
            wrap_block_sdt(body, els, tag, alias, counter)
            open_sdt = None
        elif ln.startswith("%h "):
            p = d.add_paragraph()
            p.paragraph_format.space_before = Pt(12)
            p.paragraph_format.space_after = Pt(6)
            p.paragraph_format.keep_with_next = True
            r = p.add_run(ln[3:])
            set_run_font(r, bold=True, size=11)
        elif ln.startswith("%lead "):
            p = d.add_paragraph()
            p.paragraph_format.space_after = Pt(6)
            add_inline_content(p, ln[len("%lead "):], counter)
        elif ln.startswith("%small "):
            p = d.add_paragraph()
            p.paragraph_format.space_after = Pt(3)
            add_inline_content(p, ln[len("%small "):], counter, size=9)
        elif ln.startswith("%b "):
            p = d.add_paragraph(style="List Bullet")
            p.paragraph_format.left_indent = Cm(1.9)
            p.paragraph_format.space_after = Pt(4)
            add_inline_content(p, ln[3:], counter)
        elif ln == "%table":
            rows = []
            i += 1
            while lines[i] != "%endtable":
                rows.append([c.strip() for c in lines[i].split(" | ")])
                i += 1
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = d.styles["Table Grid"]
            widths = [Cm(1.5), Cm(5.0), Cm(3.9), Cm(3.9), Cm(2.3)]
            for ri, row in enumerate(rows):
                for ci, val in enumerate(row):
                    cell = t.rows[ri].cells[ci]
                    cell.width = widths[ci]
                    if ri == 0:
                        shade_cell(cell, "1F3864")
                    p = cell.paragraphs[0]
                    if ri == 0:
                        r = p.add_run(val)
                        set_run_font(r, bold=True, size=9.5, color="FFFFFF")
                    else:
                        add_inline_content(p, val, counter, size=9.5)
            d.add_paragraph()
        elif ln == "%pagebreak":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif ln.strip() == "":
            pass
        else:
            m = re.match(r"^(\d+\.\d+)\s+(.*)$", ln)
            p = d.add_paragraph()
            pf = p.paragraph_format
            pf.space_after = Pt(6)
            if m:
                pf.left_indent = Cm(1.27)
                pf.first_line_indent = Cm(-1.27)
                pf.tab_stops.add_tab_stop(Cm(1.27))
                add_inline_content(p, m.group(1) + "\t" + m.group(2), counter)
            else:
                add_inline_content(p, ln, counter)
        i += 1
    # running header and footer
    hdr = sec.header
    hp = hdr.paragraphs[0]
    hp.paragraph_format.tab_stops.add_tab_stop(Cm(16.6), WD_TAB_ALIGNMENT.RIGHT)
    r = hp.add_run(header_text)
    set_run_font(r, size=9, color="595959")
    ftr = sec.footer
    fp = ftr.paragraphs[0]
    fp.paragraph_format.tab_stops.add_tab_stop(Cm(8.3), WD_TAB_ALIGNMENT.CENTER)
    fp.paragraph_format.tab_stops.add_tab_stop(Cm(16.6), WD_TAB_ALIGNMENT.RIGHT)
    parts = footer_text.split("{PAGE}")
    r = fp.add_run(parts[0])
    set_run_font(r, size=8, color="595959")
    add_field_run(fp, "PAGE", "1")
    fix_core_properties(d, "Review of Strategic Partnership Arrangements for Community Safety",
                        "Helen Marsden", dt.datetime(2025, 1, 30, 9, 12, 0))
    save_docx(d, os.path.join(RAW, FILES[1]))


# =========================================================================== 2. HTML from pdf2htmlEX
PT = 25.4 / 72.0  # mm per point


def build_html_minutes():
    lines = read_source("02_")
    meas = Measure()
    size = 11.0
    page_w, page_h = 595.276, 841.89
    left, right = 72.0, 523.276          # points
    top_base, bottom_limit = 756.0, 86.0  # baselines measured from the page bottom
    lh = 14.2
    hdr_text = ftr_text = ""

    def wpt(s, style=""):
        return meas.width(s, "sans", style, size) / PT

    # ---- lay out into printed lines: (x, style, segments, gap_after)
    printed = []  # items: dict(kind, x, text / parts, bold)

    def emit(x, parts, bold=False, center=False, space_before=0.0):
        printed.append(dict(x=x, parts=parts, bold=bold, center=center, sb=space_before))

    para_buf = []

    def flush_para():
        if not para_buf:
            return
        text = " ".join(para_buf)
        para_buf.clear()
        avail = right - left
        wl = wrap(text, avail, lambda s: wpt(s), hyphenate=True, min_gap=avail * 0.11)
        for k, l in enumerate(wl):
            emit(left, [l], space_before=(6.0 if k == 0 else 0.0))

    for ln in lines:
        if ln.startswith("%running-header "):
            hdr_text = ln[len("%running-header "):]
            continue
        if ln.startswith("%running-footer "):
            ftr_text = ln[len("%running-footer "):]
            continue
        if ln.strip() == "":
            flush_para()
            continue
        if ln.startswith("#c "):
            flush_para()
            emit(None, [ln[3:]], bold=True, center=True, space_before=2.0)
        elif ln.startswith("## "):
            flush_para()
            num, title = ln[3:].split("\t")
            avail = right - (left + 50)
            tl = wrap(title, avail, lambda s: wpt(s, "B"))
            for k, l in enumerate(tl):
                emit(left, [num, l] if k == 0 else [l], bold=True, space_before=(10.0 if k == 0 else 0.0))
                if k > 0:
                    printed[-1]["x"] = left + 50
        elif ln.startswith("- ") or ln.startswith("-\t"):
            flush_para()
            label, names = ln[1:].lstrip(" ").split("\t")
            emit(left, [label, names] if label else [names], bold=False,
                 space_before=(6.0 if label else 0.0))
            if not label:
                printed[-1]["x"] = left + 110
            else:
                printed[-1]["labelbold"] = True
        elif ln.startswith("> "):
            flush_para()
            lab, text = ln[2:].split("\t")
            avail = right - (left + 86)
            wl = wrap(text, avail, lambda s: wpt(s), hyphenate=True, min_gap=avail * 0.11)
            for k, l in enumerate(wl):
                if k == 0:
                    emit(left + 50, [lab, l], space_before=4.0)
                else:
                    emit(left + 86, [l])
        else:
            if ln.startswith("RESOLVED") or ln.startswith("ACTION:"):
                flush_para()
                head, _, rest = ln.partition(" - ") if ln.startswith("RESOLVED") else ln.partition(": ")
                if ln.startswith("RESOLVED") and not rest and ln.endswith(" -"):
                    emit(left, [ln], bold=True, space_before=6.0)
                    continue
                sep = " - " if ln.startswith("RESOLVED") else ": "
                avail = right - left
                wl = wrap(ln, avail, lambda s: wpt(s), hyphenate=True, min_gap=avail * 0.11)
                for k, l in enumerate(wl):
                    emit(left, [l], space_before=(6.0 if k == 0 else 0.0))
                    if k == 0:
                        printed[-1]["boldprefix"] = head + sep.rstrip()
                continue
            para_buf.append(ln)
    flush_para()

    # ---- paginate
    pages = [[]]
    y = top_base
    for it in printed:
        need = it["sb"] + lh
        if y - need < bottom_limit and pages[-1]:
            pages.append([])
            y = top_base
            it = dict(it, sb=0.0)
        y -= it["sb"] if pages[-1] else 0.0
        it = dict(it, y=y)
        pages[-1].append(it)
        y -= lh
    npages = len(pages)

    # ---- CSS classes, as pdf2htmlEX emits them
    xs, ys = {}, {}

    def xcls(v):
        key = f"{v:.6f}"
        if key not in xs:
            xs[key] = f"x{len(xs) + 1:x}"
        return xs[key]

    def ycls(v):
        key = f"{v:.6f}"
        if key not in ys:
            ys[key] = f"y{len(ys) + 1:x}"
        return ys[key]

    gap_cls = {}

    def gcls(w):
        key = f"{w:.6f}"
        if key not in gap_cls:
            gap_cls[key] = f"_{len(gap_cls)}"
        return gap_cls[key]

    body_pages = []
    for pno, items in enumerate(pages, 1):
        divs = []
        # running header
        hl, hr = hdr_text.split("\t")
        hy = 800.0
        divs.append(f'<div class="t m0 {xcls(left)} h3 {ycls(hy)} ff2 fs1 fc1 sc0 ls0 ws0">{html.escape(hl)}'
                    f'<span class="_ {gcls(right - left - wpt(hl, "B") * 0.818 - wpt(hr) * 0.818)}"> </span>'
                    f'<span class="ff1">{html.escape(hr)}</span></div>')
        for it in items:
            parts = it["parts"]
            if it["center"]:
                txt = parts[0]
                w = wpt(txt, "B")
                x = (page_w - w) / 2
                inner = html.escape(txt)
                divs.append(f'<div class="t m0 {xcls(x)} h2 {ycls(it["y"])} ff2 fs0 fc0 sc0 ls0 ws0">{inner}</div>')
                continue
            ff = "ff2" if it["bold"] else "ff1"
            if len(parts) == 2:
                a, b = parts
                aw = wpt(a, "B" if (it["bold"] or it.get("labelbold")) else "")
                gap = (50.0 if not it.get("labelbold") else 110.0) - aw
                if it["x"] == left + 50 and not it["bold"]:
                    gap = 36.0 - aw
                a_html = html.escape(a)
                if it.get("labelbold"):
                    a_html = f'<span class="ff2">{a_html}</span>'
                inner = f'{a_html}<span class="_ {gcls(gap)}"> </span>{html.escape(b)}'
            else:
                txt = parts[0]
                bp = it.get("boldprefix")
                if bp and txt.startswith(bp):
                    inner = f'<span class="ff2">{html.escape(bp)}</span>{html.escape(txt[len(bp):])}'
                else:
                    inner = html.escape(txt)
            divs.append(f'<div class="t m0 {xcls(it["x"])} h2 {ycls(it["y"])} {ff} fs0 fc0 sc0 ls0 ws0">{inner}</div>')
        # running footer
        fl, fr = ftr_text.split("\t")
        fr = fr.replace("{PAGE}", str(pno)).replace("{PAGES}", str(npages))
        fy = 42.0
        divs.append(f'<div class="t m0 {xcls(left)} h3 {ycls(fy)} ff3 fs1 fc1 sc0 ls0 ws0">{html.escape(fl)}</div>')
        divs.append(f'<div class="t m0 {xcls(right - wpt(fr) * 0.818)} h3 {ycls(fy)} ff1 fs1 fc1 sc0 ls0 ws0">{html.escape(fr)}</div>')
        body_pages.append(
            f'<div id="pf{pno:x}" class="pf w0 h0" data-page-no="{pno:x}"><div class="pc pc{pno:x} w0 h0">'
            f'<img class="bi x0 y0 w1 h1" alt="" src="bg{pno:x}.png"/>\n' + "\n".join(divs) +
            f'\n</div><div class="pi" data-data=\'{{"ctm":[1.000000,0.000000,0.000000,1.000000,0.000000,0.000000]}}\'></div></div>')

    css_pos = "\n".join(f".{c}{{left:{float(k):.6f}px;}}" for k, c in xs.items())
    css_pos += "\n" + "\n".join(f".{c}{{bottom:{float(k):.6f}px;}}" for k, c in ys.items())
    css_gap = "\n".join(f"._{c[1:]}{{margin-left:{float(k) - 3.056:.6f}px;}}" if float(k) > 3.056 else
                        f"._{c[1:]}{{width:{float(k):.6f}px;}}" for k, c in gap_cls.items())
    css_gap = css_gap.replace("._", "._")
    out = f"""<!DOCTYPE html>
<!-- Created by pdf2htmlEX (https://github.com/pdf2htmlEX/pdf2htmlEX) -->
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8"/>
<meta name="generator" content="pdf2htmlEX"/>
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1"/>
<link rel="stylesheet" href="base.min.css"/>
<link rel="stylesheet" href="fancy.min.css"/>
<style type="text/css">
@font-face{{font-family:ff1;src:url('f1.woff')format("woff");}}.ff1{{font-family:ff1;line-height:0.905273;font-style:normal;font-weight:normal;visibility:visible;}}
@font-face{{font-family:ff2;src:url('f2.woff')format("woff");}}.ff2{{font-family:ff2;line-height:0.905273;font-style:normal;font-weight:normal;visibility:visible;}}
@font-face{{font-family:ff3;src:url('f3.woff')format("woff");}}.ff3{{font-family:ff3;line-height:0.905273;font-style:normal;font-weight:normal;visibility:visible;}}
.m0{{transform:matrix(0.250000,0.000000,0.000000,0.250000,0,0);-ms-transform:matrix(0.250000,0.000000,0.000000,0.250000,0,0);-webkit-transform:matrix(0.250000,0.000000,0.000000,0.250000,0,0);}}
.v0{{vertical-align:0.000000px;}}
.ls0{{letter-spacing:0.000000px;}}
.sc_{{text-shadow:none;}}
.sc0{{text-shadow:-0.015em 0 transparent,0 0.015em transparent,0.015em 0 transparent,0 -0.015em  transparent;}}
.ws0{{word-spacing:0.000000px;}}
.fc0{{color:rgb(0,0,0);}}
.fc1{{color:rgb(89,89,89);}}
.fs0{{font-size:44.000000px;}}
.fs1{{font-size:36.000000px;}}
.h0{{height:841.890000px;}}
.h1{{height:842.000000px;}}
.h2{{height:39.820312px;}}
.h3{{height:32.580078px;}}
.w0{{width:595.276000px;}}
.w1{{width:595.500000px;}}
.x0{{left:0.000000px;}}
.y0{{bottom:-0.000000px;}}
{css_pos}
{css_gap}
@media print{{
.fs0{{font-size:11.000000pt;}}
.fs1{{font-size:9.000000pt;}}
}}
</style>
<script src="compatibility.min.js"></script>
<script src="pdf2htmlEX.min.js"></script>
<script>
try{{
pdf2htmlEX.defaultViewer = new pdf2htmlEX.Viewer({{}});
}}catch(e){{}}
</script>
<title>Health and Wellbeing Board - Minutes - 18 October 2024</title>
</head>
<body>
<div id="sidebar">
<div id="outline">
</div>
</div>
<div id="page-container">
{chr(10).join(body_pages)}
</div>
<div class="loading-indicator">
<img alt="" src="pdf2htmlEX-64x64.png"/>
</div>
</body>
</html>
"""
    with open(os.path.join(RAW, FILES[2]), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(out)


# =========================================================================== PDF helpers
class PDF(FPDF):
    def __init__(self, header_cb=None, footer_cb=None, **kw):
        super().__init__(**kw)
        self.header_cb = header_cb
        self.footer_cb = footer_cb
        self.set_creation_date(dt.datetime(2025, 3, 14, 10, 0, 0, tzinfo=dt.timezone.utc))

    def header(self):
        if self.header_cb:
            self.header_cb(self)

    def footer(self):
        if self.footer_cb:
            self.footer_cb(self)


def add_fonts(pdf):
    pdf.add_font("sans", "", SANS)
    pdf.add_font("sans", "B", SANS_B)
    pdf.add_font("sans", "I", SANS_I)
    pdf.add_font("serif", "", SERIF)
    pdf.add_font("serif", "B", SERIF_B)
    pdf.add_font("serif", "I", SERIF_I)


COLOURS = {
    "teal": (0, 110, 120), "orange": (214, 98, 30), "purple": (96, 56, 130), "pale": (230, 242, 243),
    "white": (255, 255, 255), "dark": (35, 35, 35), "grey": (110, 110, 110),
}


# =========================================================================== 3. designed annual report
def build_annual_report():
    lines = read_source("03_")
    hdr = ftr = ""
    pages = []
    cur = None
    block = None
    for ln in lines:
        if ln.startswith("%running-header "):
            hdr = ln[len("%running-header "):]
        elif ln.startswith("%running-footer "):
            ftr = ln[len("%running-footer "):]
        elif ln.startswith("%page "):
            cur = dict(style=ln.split()[1], items=[], frames=[], flow=[])
            pages.append(cur)
        elif ln.startswith("%band "):
            cur["items"].append(("band", ln[6:]))
        elif ln.startswith("%frames "):
            fr = []
            for spec in ln[8:].split(";"):
                x, y, w, h = [float(v) for v in spec.split(",")]
                fr.append((x, y, w, h))
            cur["frames"] = fr
        elif ln.startswith("%box "):
            x, y, w, h, col = ln[5:].split(",")
            block = dict(x=float(x), y=float(y), w=float(w), h=float(h), col=col.strip(), flow=[])
        elif ln == "%endbox":
            cur["items"].append(("box", block))
            block = None
        elif ln.startswith("%num "):
            geo, big, cap = [s.strip() for s in ln[5:].split("|")]
            x, y, w, col = geo.split(",")
            cur["items"].append(("num", dict(x=float(x), y=float(y), w=float(w), col=col, big=big, cap=cap)))
        elif ln.startswith("%quote "):
            geo, txt, attr = [s.strip() for s in ln[7:].split("|")]
            x, y, w = [float(v) for v in geo.split(",")]
            cur["items"].append(("quote", dict(x=x, y=y, w=w, text=txt, attr=attr)))
        elif ln.startswith("%text "):
            geo, txt = ln[6:].split(" | ", 1)
            x, y, size, style, col = geo.split(",")
            cur["items"].append(("text", dict(x=float(x), y=float(y), size=float(size), style=style, col=col, text=txt)))
        elif ln[:3] in ("%h ", "%p ", "%b "):
            target = block["flow"] if block is not None else cur["flow"]
            target.append((ln[1], ln[3:]))
        elif ln.strip() == "":
            continue
        else:
            raise ValueError("unknown line: " + ln)

    def header_cb(pdf):
        st = pages[pdf.page_no() - 1]["style"]
        if st != "inner":
            return
        pdf.set_font("sans", "", 7.5)
        pdf.set_text_color(*COLOURS["grey"])
        left, right = hdr.split("\t")
        pdf.text(15, 10, left)
        pdf.text(195 - pdf.get_string_width(right), 10, right)

    def footer_cb(pdf):
        st = pages[pdf.page_no() - 1]["style"]
        if st != "inner":
            return
        pdf.set_font("sans", "", 7.5)
        pdf.set_text_color(*COLOURS["grey"])
        left, right = ftr.split("\t")
        right = right.replace("{PAGE}", str(pdf.page_no()))
        pdf.text(15, 289, left)
        pdf.set_font("sans", "B", 9)
        pdf.set_text_color(*COLOURS["teal"])
        pdf.text(195 - pdf.get_string_width(right), 289, right)

    pdf = PDF(header_cb=header_cb, footer_cb=footer_cb, unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title("Safer Stockton Partnership Annual Report 2024/25")
    pdf.set_author("Stockton-on-Tees Borough Council Communications")
    pdf.set_creator("Adobe InDesign 19.4 (Windows)")
    pdf.set_producer("Adobe PDF Library 17.0")
    add_fonts(pdf)
    body_size, body_lh = 9.2, 4.4

    def flow_into(frames, flow, colour_text=COLOURS["dark"], heading_col=COLOURS["teal"], white=False):
        fi = 0
        x, y, w, h = frames[0]
        ypos = y
        for kind, text in flow:
            if kind == "h":
                style, size, lh, before, after = "B", 11.5, 5.4, 2.5, 1.2
            elif kind == "b":
                style, size, lh, before, after = "", body_size, body_lh, 0.4, 0.8
            else:
                style, size, lh, before, after = "", body_size, body_lh, 0.0, 2.2
            pdf.set_font("sans", style, size)
            indent = 4.0 if kind == "b" else 0.0
            wl = wrap(text, w - indent, lambda s: pdf.get_string_width(s), hyphenate=(kind != "h"),
                      min_gap=(w - indent) * 0.18)
            if ypos > y:
                ypos += before
            for k, l in enumerate(wl):
                if ypos + lh > y + h:
                    fi += 1
                    if fi >= len(frames):
                        raise ValueError(f"flow overflow at: {l!r}")
                    x, y, w, h = frames[fi]
                    ypos = y
                pdf.set_font("sans", style, size)
                if kind == "h":
                    pdf.set_text_color(*(COLOURS["white"] if white else heading_col))
                else:
                    pdf.set_text_color(*(COLOURS["white"] if white else colour_text))
                if kind == "b" and k == 0:
                    pdf.text(x + 0.5, ypos + lh * 0.78, "•")
                pdf.text(x + indent, ypos + lh * 0.78, l)
                ypos += lh
            ypos += after

    for pg in pages:
        pdf.add_page()
        if pg["style"] in ("cover", "back"):
            pdf.set_fill_color(*COLOURS["teal"])
            pdf.rect(0, 0, 210, 297, "F")
            pdf.set_fill_color(*COLOURS["orange"])
            pdf.rect(0, 110 if pg["style"] == "cover" else 200, 210, 6, "F")
            if pg["style"] == "cover":
                pdf.set_fill_color(0, 90, 98)
                pdf.rect(18, 128, 174, 110, "F")
                pdf.set_fill_color(*COLOURS["purple"])
                pdf.ellipse(120, 150, 60, 60, "F")
                pdf.set_fill_color(*COLOURS["orange"])
                pdf.ellipse(40, 170, 40, 40, "F")
        for kind, it in pg["items"]:
            if kind == "band":
                pdf.set_fill_color(*COLOURS["teal"])
                pdf.rect(15, 15, 180, 11, "F")
                pdf.set_font("sans", "B", 15)
                pdf.set_text_color(*COLOURS["white"])
                pdf.text(19, 23, it)
            elif kind == "box":
                fill = COLOURS[it["col"]]
                pdf.set_fill_color(*fill)
                pdf.rect(it["x"], it["y"], it["w"], it["h"], "F")
                white = it["col"] in ("teal", "orange", "purple")
                flow_into([(it["x"] + 4, it["y"] + 4, it["w"] - 8, it["h"] - 8)], it["flow"], white=white)
            elif kind == "num":
                col = COLOURS[it["col"]]
                pdf.set_fill_color(*COLOURS["pale"])
                pdf.rect(it["x"], it["y"], it["w"], 64, "F")
                pdf.set_fill_color(*col)
                pdf.rect(it["x"], it["y"], it["w"], 3, "F")
                pdf.set_font("sans", "B", 34)
                pdf.set_text_color(*col)
                pdf.text(it["x"] + 4, it["y"] + 22, it["big"])
                pdf.set_font("sans", "", 10)
                pdf.set_text_color(*COLOURS["dark"])
                wl = wrap(it["cap"], it["w"] - 8, lambda s: pdf.get_string_width(s))
                yy = it["y"] + 32
                for l in wl:
                    pdf.text(it["x"] + 4, yy, l)
                    yy += 5
            elif kind == "quote":
                pdf.set_fill_color(*COLOURS["orange"])
                pdf.rect(it["x"], it["y"], 1.6, 24, "F")
                pdf.set_font("sans", "B", 13)
                pdf.set_text_color(*COLOURS["purple"])
                wl = wrap(it["text"], it["w"] - 6, lambda s: pdf.get_string_width(s))
                yy = it["y"] + 6
                for l in wl:
                    pdf.text(it["x"] + 5, yy, l)
                    yy += 6
                pdf.set_font("sans", "I", 8.5)
                pdf.set_text_color(*COLOURS["grey"])
                pdf.text(it["x"] + 5, yy + 1, "– " + it["attr"])
            elif kind == "text":
                pdf.set_font("sans", it["style"], it["size"])
                pdf.set_text_color(*COLOURS[it["col"]])
                pdf.text(it["x"], it["y"], it["text"])
        if pg["flow"]:
            flow_into(pg["frames"], pg["flow"])
    pdf.output(os.path.join(RAW, FILES[3]))


# =========================================================================== 4. justified call-in minutes
LIGS = (("ffi", "f\ufb01"), ("ffl", "f\ufb02"), ("fi", "\ufb01"), ("fl", "\ufb02"))


def ligate(word):
    for a, b in LIGS:
        word = word.replace(a, b)
    return word


def build_callin_minutes():
    lines = read_source("04_")
    hdr = ftr = ""
    LM, RM, TOP, BOTTOM = 25.0, 185.0, 30.0, 272.0
    size, lh = 11.0, 5.3

    def header_cb(pdf):
        pdf.set_font("serif", "B", 10)
        pdf.set_text_color(0, 0, 0)
        w = pdf.get_string_width(hdr)
        pdf.text(105 - w / 2, 17, hdr)
        pdf.set_line_width(0.2)
        pdf.line(LM, 19.5, RM, 19.5)

    def footer_cb(pdf):
        pdf.set_font("serif", "", 10)
        pdf.set_text_color(0, 0, 0)
        t = ftr.replace("{PAGE}", str(46 + pdf.page_no()) + "C")
        pdf.text(105 - pdf.get_string_width(t) / 2, 284, t)

    for ln in lines:
        if ln.startswith("%running-header "):
            hdr = ln[len("%running-header "):]
        elif ln.startswith("%running-footer "):
            ftr = ln[len("%running-footer "):]

    pdf = PDF(header_cb=header_cb, footer_cb=footer_cb, unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title("Overview and Scrutiny Management Board - Minutes - 12 March 2025")
    pdf.set_author("Rotherham Metropolitan Borough Council")
    pdf.set_creator("Microsoft® Word for Microsoft 365")
    pdf.set_producer("Microsoft® Word for Microsoft 365")
    add_fonts(pdf)
    pdf.add_page()
    state = dict(y=TOP)

    def need(h):
        if state["y"] + h > BOTTOM:
            pdf.add_page()
            state["y"] = TOP

    def wfun(style):
        def f(s):
            pdf.set_font("serif", style, size)
            return pdf.get_string_width(s)
        return f

    def put_line(x, width, line, justify, style=""):
        """Place a printed line word by word (as a typesetter does), justified if asked."""
        pdf.set_font("serif", style, size)
        words = line.split(" ")
        base = state["y"] + lh * 0.8
        if justify and len(words) > 1:
            natural = sum(pdf.get_string_width(w) for w in words)
            gap = (width - natural) / (len(words) - 1)
        else:
            gap = pdf.get_string_width(" ")
        xx = x
        for w in words:
            pdf.text(xx, base, ligate(w))
            xx += pdf.get_string_width(w) + gap
        state["y"] += lh

    def paragraph(text, x, width, style="", first=None, label=None, label_x=None, space=2.6):
        wl = wrap(text, width, wfun(style), hyphenate=True, min_gap=1.5)
        need(lh * min(2, len(wl)))
        for k, l in enumerate(wl):
            need(lh)
            if k == 0 and label:
                pdf.set_font("serif", "", size)
                pdf.text(label_x, state["y"] + lh * 0.8, label)
            put_line(x, width, l, justify=(k < len(wl) - 1), style=style)
        state["y"] += space

    buf = []

    def flush():
        if buf:
            paragraph(" ".join(buf), LM, RM - LM)
            buf.clear()

    for ln in lines:
        if ln.startswith("%running") or ln.startswith("%%"):
            continue
        if ln.strip() == "":
            flush()
            continue
        if ln.startswith("#c "):
            flush()
            pdf.set_font("serif", "B", 12)
            t = ln[3:]
            need(lh + 2)
            pdf.text(105 - pdf.get_string_width(t) / 2, state["y"] + lh * 0.8, t)
            state["y"] += lh + 1.5
        elif ln.startswith("## "):
            flush()
            need(lh * 3)
            state["y"] += 2.0
            wl = wrap(ln[3:], RM - LM, wfun("B"))
            for l in wl:
                put_line(LM, RM - LM, l, justify=False, style="B")
            state["y"] += 1.6
        elif ln.startswith("> "):
            flush()
            text = ln[2:]
            m = re.match(r"^(\(\w+\)|\d+\.|•)\s+(.*)$", text)
            if m:
                paragraph(m.group(2), LM + 18, RM - LM - 18, label=m.group(1), label_x=LM + 8)
            else:
                paragraph(text, LM + 18, RM - LM - 18)
        elif ln.startswith("%vote "):
            flush()
            label, names = [s.strip() for s in ln[6:].split("|")]
            wl = wrap(names, RM - LM - 50, wfun(""))
            need(lh * len(wl))
            pdf.set_font("serif", "B", size)
            pdf.text(LM + 8, state["y"] + lh * 0.8, label)
            for l in wl:
                put_line(LM + 50, RM - LM - 50, l, justify=False)
            state["y"] += 1.2
        else:
            buf.append(ln)
    flush()
    pdf.output(os.path.join(RAW, FILES[4]))


# =========================================================================== 5. DOCX converted from a PDF
def build_reflowed_docx():
    lines = read_source("05_")
    meas = Measure()
    size = 11.0
    text_w = 160.0  # mm between margins of the original PDF
    lines_per_page = 47
    hdr = ftr = ""
    # ---- lay out into printed lines of the original PDF
    printed = []  # dict(text, bold, indent, center, br_group, blank_before, field)
    br_next = [False]
    group_id = [0]

    def wl(text, width, bold=False):
        return wrap(text, width, lambda s: meas.width(s, "sans", "B" if bold else "", size))

    for ln in lines:
        if ln.startswith("%running-header "):
            hdr = ln[len("%running-header "):]
            continue
        if ln.startswith("%running-footer "):
            ftr = ln[len("%running-footer "):]
            continue
        if ln.strip() == "":
            printed.append(dict(kind="blank"))
            continue
        if ln == "%br":
            br_next[0] = True
            continue
        if ln == "%newpage":
            printed.append(dict(kind="newpage"))
            continue
        group = None
        if br_next[0]:
            group_id[0] += 1
            group = group_id[0]
            br_next[0] = False
        if ln.startswith("#c "):
            printed.append(dict(kind="line", text=ln[3:], bold=True, center=True, indent=0, group=None))
        elif ln.startswith("## "):
            printed.append(dict(kind="blank"))
            printed.append(dict(kind="line", text=ln[3:], bold=True, center=False, indent=0, group=None))
        elif ln.startswith("%field "):
            label, value = [s.strip() for s in ln[7:].split("|")]
            printed.append(dict(kind="field", label=wl(label, 68), value=wl(value, 86) if value else [""]))
        elif ln.startswith("> "):
            text = ln[2:]
            m = re.match(r"^(\(\w+\))\s+(.*)$", text)
            lab, body = m.groups()
            for k, l in enumerate(wl(body, text_w - 15)):
                printed.append(dict(kind="line", text=(lab + "\t" + l) if k == 0 else l, bold=False, center=False,
                                    indent=(0 if k == 0 else 15), hang=(k == 0), group=None))
        else:
            m = re.match(r"^(\d+\.\d+)\s+(.*)$", ln)
            if m:
                for k, l in enumerate(wl(m.group(2), text_w - 15)):
                    printed.append(dict(kind="line", text=(m.group(1) + "\t" + l) if k == 0 else l, bold=False,
                                        center=False, indent=(0 if k == 0 else 15), hang=(k == 0), group=group))
                printed.append(dict(kind="blank"))
            else:
                for l in wl(ln, text_w):
                    printed.append(dict(kind="line", text=l, bold=False, center=False, indent=0, group=group))
    # ---- paginate (count printed lines, field rows use their tallest cell)
    pages = [[]]
    count = 0
    for it in printed:
        if it["kind"] == "newpage":
            if pages[-1]:
                pages.append([])
                count = 0
            continue
        h = 1 if it["kind"] in ("line", "blank") else max(len(it["label"]), len(it["value"])) + 0.4
        if count + h > lines_per_page and pages[-1]:
            pages.append([])
            count = 0
            if it["kind"] == "blank":
                continue
        pages[-1].append(it)
        count += h
    npages = len(pages)

    d = docx.Document()
    set_default_font(d, "Arial", size)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin, sec.bottom_margin = Cm(1.5), Cm(1.5)

    def para(text="", bold=False, center=False, indent=0.0, hang=False, size_=size, color=None, right_tab=False):
        p = d.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(0)
        pf.line_spacing = Pt(13.8)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if indent:
            pf.left_indent = Cm(indent / 10)
        if hang:
            pf.tab_stops.add_tab_stop(Cm(1.5))
        if right_tab:
            from docx.enum.text import WD_TAB_ALIGNMENT
            pf.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT)
        if text:
            r = p.add_run(text)
            set_run_font(r, size=size_, bold=bold, color=color)
        return p

    for pno, items in enumerate(pages, 1):
        # the PDF's running header, now body text
        para(hdr, bold=True, size_=9, right_tab=True)
        para()
        k = 0
        while k < len(items):
            it = items[k]
            if it["kind"] == "blank":
                para()
                k += 1
            elif it["kind"] == "line" and it.get("group"):
                g = it["group"]
                p = para(bold=it["bold"], center=it["center"], indent=it["indent"])
                first = True
                while k < len(items) and items[k]["kind"] == "line" and items[k].get("group") == g:
                    if not first:
                        p.add_run().add_break()
                    r = p.add_run(items[k]["text"])
                    set_run_font(r, size=size)
                    first = False
                    k += 1
            elif it["kind"] == "line":
                para(it["text"], bold=it["bold"], center=it["center"], indent=it["indent"], hang=it.get("hang", False))
                k += 1
            else:  # run of form rows -> a Word table, as the converter detects ruled tables
                rows = []
                while k < len(items) and items[k]["kind"] == "field":
                    rows.append(items[k])
                    k += 1
                t = d.add_table(rows=len(rows), cols=2)
                t.style = d.styles["Table Grid"]
                for ri, row in enumerate(rows):
                    for ci, cell_lines in enumerate((row["label"], row["value"])):
                        cell = t.rows[ri].cells[ci]
                        cell.width = Cm(7.0 if ci == 0 else 9.0)
                        for li, l in enumerate(cell_lines):
                            p = cell.paragraphs[0] if li == 0 else cell.add_paragraph()
                            p.paragraph_format.space_after = Pt(0)
                            if l:
                                r = p.add_run(l)
                                set_run_font(r, size=size, bold=(ci == 0 and ri == 0 and False))
        # the PDF's footer and page number, now body text, then a page break
        para()
        fl, fr = ftr.split("\t")
        para(fl + "\t" + fr.replace("{PAGE}", str(pno)).replace("{PAGES}", str(npages)), size_=9, right_tab=True)
        if pno < npages:
            p = d.add_paragraph()
            p.add_run().add_break(WD_BREAK.PAGE)
    fix_core_properties(d, "IJB 41-25 Locality Planning Arrangements and Directions", "Angus HSCP",
                        dt.datetime(2025, 6, 17, 14, 3, 0))
    d.core_properties.comments = "Converted from PDF"
    save_docx(d, os.path.join(RAW, FILES[5]))


def main():
    os.makedirs(RAW, exist_ok=True)
    build_docx_report()
    build_html_minutes()
    build_annual_report()
    build_callin_minutes()
    build_reflowed_docx()
    for n in sorted(FILES):
        print(FILES[n], os.path.getsize(os.path.join(RAW, FILES[n])))


if __name__ == "__main__":
    main()
