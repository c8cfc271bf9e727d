#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/.

Run with /work/main/.venv/bin/python make_documents.py
Every timestamp is fixed and every random choice is seeded, so two runs give identical files.
The five documents are invented (real places, invented people, figures and decisions).
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import io
import os
import random
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIB = "/usr/share/fonts/truetype/liberation/"

FILES = {
    1: "lewisham_mayor-and-cabinet_partnership-governance-report_2024-02.docx",
    2: "sandwell_health-wellbeing-board_minutes-accessible-html_2024-09.html",
    3: "luton_community-safety-partnership_annual-report_2024-07.pdf",
    4: "enfield_overview-scrutiny_call-in-minutes_2024-11.pdf",
    5: "perth-kinross_integration-joint-board_directions_2025-03.docx",
}


def read_source(name: str) -> list[str]:
    """Source lines without comments and blank lines."""
    out = []
    for line in (SRC / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("# ") or line == "#":
            continue
        out.append(line.rstrip())
    return out


def normalize_zip(path: Path, when: tuple) -> None:
    """Rewrite an OOXML zip with fixed timestamps and a fixed member order."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    # drop the generic thumbnail that python-docx's default template carries
    entries = [(n, d) for n, d in entries if n != "docProps/thumbnail.jpeg"]
    entries = [(n, re.sub(rb'<Relationship Id="[^"]+" Type="[^"]+/thumbnail" Target="docProps/thumbnail.jpeg"/>',
                          b"", d) if n == "_rels/.rels" else d) for n, d in entries]
    # [Content_Types].xml first, as Word writes it
    entries.sort(key=lambda e: (e[0] != "[Content_Types].xml",))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            z.writestr(zi, data)


# --------------------------------------------------------------------------------------
# text measurement and hyphenation shared by the line-based layouts (shapes 2, 4 and 5)
# --------------------------------------------------------------------------------------
_FONT_CACHE: dict = {}


def measure(text: str, font_file: str, size: float) -> float:
    """Width of text in points (PIL at 10x resolution for precision)."""
    from PIL import ImageFont

    key = (font_file, size)
    if key not in _FONT_CACHE:
        _FONT_CACHE[key] = ImageFont.truetype(font_file, int(round(size * 10)))
    return _FONT_CACHE[key].getlength(text) / 10.0


VOWELS = set("aeiouyAEIOUY")
ONSETS = {"bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sc", "sh", "sk",
          "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr", "qu"}


def hyphen_points(word: str) -> list[int]:
    """Naive English break points (positions i: word[:i] + '-' / word[i:])."""
    core = word.rstrip(".,;:)’”'\"")
    if len(core) < 8 or not core.isalpha():
        return []
    pts = []
    for i in range(3, len(core) - 3 + 1):
        a, b = core[i - 1], core[i]
        c = core[i + 1] if i + 1 < len(core) else ""
        if a in VOWELS and b not in VOWELS and c in VOWELS:      # V|CV
            pts.append(i)
        elif a not in VOWELS and b not in VOWELS and a != b:     # C|C
            if (core[i:i + 2].lower() in ONSETS or (c in VOWELS)) and core[i - 2:i].lower() not in {"qu"}:
                if core[i - 1:i + 1].lower() not in {"ch", "sh", "th", "ph", "ck", "ng", "gh", "wh"}:
                    pts.append(i)
        elif a not in VOWELS and b not in VOWELS and a == b:     # double consonant
            pts.append(i)
    return pts


def break_lines(words: list[str], width: float, wfun, space: float, hyphenate=True,
                loose=0.10) -> list[list[str]]:
    """Greedy line breaking with optional hyphenation. Returns lists of words per line."""
    lines: list[list[str]] = []
    cur: list[str] = []
    curw = 0.0
    queue = list(words)
    while queue:
        w = queue.pop(0)
        ww = wfun(w)
        add = ww if not cur else curw + space + ww
        if add <= width or not cur:
            cur.append(w)
            curw = add
            continue
        free = width - curw
        done = False
        if hyphenate and free > loose * width:
            for i in sorted(hyphen_points(w), reverse=True):
                part = w[:i] + "-"
                if curw + space + wfun(part) <= width:
                    cur.append(part)
                    queue.insert(0, w[i:])
                    done = True
                    break
        lines.append(cur)
        if done:
            cur, curw = [], 0.0
        else:
            cur, curw = [w], ww
    if cur:
        lines.append(cur)
    return lines


# ======================================================================================
# Shape 1: Word report built from a template with content controls (w:sdt)
# ======================================================================================
def build_01(out: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT  # noqa: F401
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm, Pt, RGBColor
    from PIL import Image, ImageDraw, ImageFont

    lines = read_source("01_lewisham_mayor_cabinet_report.txt")
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(2.0)

    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(12)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    st.paragraph_format.space_after = Pt(6)
    for name, size in (("Heading 1", 14), ("Title", 20)):
        s = doc.styles[name]
        s.font.name = "Arial"
        s.font.size = Pt(size)
        s.font.bold = True
        s.font.color.rgb = RGBColor(0, 0, 0)
        rf = s.element.rPr.rFonts
        for att in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if rf.get(qn(att)) is not None:
                del rf.attrib[qn(att)]
    ph = doc.styles.add_style("Placeholder Text", WD_STYLE_TYPE.CHARACTER)
    ph.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    numstyle = doc.styles.add_style("Numbered Para", WD_STYLE_TYPE.PARAGRAPH)
    numstyle.base_style = doc.styles["Normal"]
    numstyle.paragraph_format.left_indent = Cm(1.25)
    numstyle.paragraph_format.first_line_indent = Cm(-1.25)
    numstyle.paragraph_format.space_after = Pt(8)

    doc.core_properties.author = "Helena Marchetti-Boyd"
    doc.core_properties.last_modified_by = "Committee Services"
    doc.core_properties.title = "Review of partnership governance"
    doc.core_properties.created = dt.datetime(2024, 1, 22, 9, 14, 0)
    doc.core_properties.modified = dt.datetime(2024, 1, 29, 16, 2, 0)
    doc.core_properties.last_printed = dt.datetime(2024, 1, 29, 16, 0, 0)
    doc.core_properties.revision = 7

    body = doc.element.body
    sdt_id = [-1873412000]

    def next_id():
        sdt_id[0] += 17
        return sdt_id[0]

    def esc(t):
        return html.escape(t, quote=True)

    def inline_sdt(p, tag, alias, value, bold=False, size=None):
        b = "<w:b/>" if bold else ""
        if size:
            b += f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
        x = (f'<w:sdt {nsdecls("w")}><w:sdtPr><w:rPr>{b}</w:rPr><w:alias w:val="{esc(alias)}"/>'
             f'<w:tag w:val="{tag}"/><w:id w:val="{next_id()}"/><w:text/></w:sdtPr>'
             f'<w:sdtContent><w:r><w:rPr>{b}</w:rPr><w:t xml:space="preserve">{esc(value)}</w:t></w:r>'
             f'</w:sdtContent></w:sdt>')
        p._p.append(parse_xml(x))

    def checkbox_sdt(p, tag, alias, checked):
        glyph = "☒" if checked else "☐"
        x = (f'<w:sdt {nsdecls("w", "w14")}><w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{tag}"/>'
             f'<w:id w:val="{next_id()}"/><w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
             f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
             f'<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
             f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" '
             f'w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>')
        p._p.append(parse_xml(x))

    def placeholder_sdt(p, tag, alias):
        x = (f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{tag}"/>'
             f'<w:id w:val="{next_id()}"/><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r>'
             f'<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
             f'<w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt>')
        p._p.append(parse_xml(x))

    # style id of the placeholder style
    ph.element.set(qn("w:styleId"), "PlaceholderText")

    stack = []  # open block-level content controls (their sdtContent elements)

    def place(el):
        if stack:
            stack[-1].append(el)

    def para(text="", style=None, bold=False, align=None, size=None):
        p = doc.add_paragraph(style=style)
        if text:
            r = p.add_run(text)
            if bold:
                r.bold = True
            if size:
                r.font.size = Pt(size)
        if align:
            p.alignment = align
        place(p._p)
        return p

    def shade(cell, fill):
        tcPr = cell._tc.get_or_add_tcPr()
        tcPr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))

    ref = ""
    hdr = ftr = ""
    table_rows: list[list[str]] | None = None
    for line in lines:
        tag, _, rest = line.partition(" ")
        if tag == "HDR":
            hdr = rest
        elif tag == "FTR":
            ftr = rest
        elif tag == "REF":
            ref = rest
        elif tag == "LOGO":
            img = Image.new("RGB", (520, 120), (255, 255, 255))
            d = ImageDraw.Draw(img)
            d.rectangle([0, 0, 110, 120], fill=(0, 0, 0))
            f = ImageFont.truetype(LIB + "LiberationSans-Bold.ttf", 64)
            d.text((130, 22), rest, font=f, fill=(0, 0, 0))
            buf = io.BytesIO()
            img.save(buf, format="PNG", optimize=False)
            buf.seek(0)
            p = doc.add_paragraph()
            p.add_run().add_picture(buf, width=Cm(5.0))
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            place(p._p)
        elif tag == "SDT":
            t, _, alias = rest.partition("|")
            sdt = parse_xml(
                f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{t}"/>'
                f'<w:id w:val="{next_id()}"/><w:lock w:val="sdtLocked"/></w:sdtPr><w:sdtContent/></w:sdt>')
            if stack:
                stack[-1].append(sdt)
            else:
                body.insert(len(body) - 1, sdt)  # before sectPr
            stack.append(sdt.find(qn("w:sdtContent")))
        elif tag == "/SDT":
            stack.pop()
        elif tag == "TITLE":
            para(rest, style="Title")
        elif tag == "F":
            label, value, t = rest.split("|")
            p = para()
            p.add_run(label + ": ").bold = True
            inline_sdt(p, t, label, value)
        elif tag == "FCHK":
            label, value, t = rest.split("|")
            p = para()
            p.add_run(label + ": ").bold = True
            p.add_run("Yes ")
            checkbox_sdt(p, t + "Yes", label + " – yes", value == "Yes")
            p.add_run("   No ")
            checkbox_sdt(p, t + "No", label + " – no", value != "Yes")
        elif tag == "FPH":
            label, t = rest.split("|")
            p = para()
            p.add_run(label + ": ").bold = True
            placeholder_sdt(p, t, label)
        elif tag == "H":
            para(rest, style="Heading 1")
        elif tag == "P":
            para(rest)
        elif tag == "N":
            num, text = rest.split("|", 1)
            p = para(style="Numbered Para")
            p.add_run(num + "\t" + text)
        elif tag == "B":
            p = para(rest, style="List Bullet")
            p.paragraph_format.left_indent = Cm(1.9)
        elif tag == "PAGEBREAK":
            p = para()
            p.add_run().add_break(__import__("docx").enum.text.WD_BREAK.PAGE)
        elif tag == "TABLE":
            table_rows = []
        elif tag == "R":
            table_rows.append(rest.split("|"))
        elif tag == "ENDTABLE":
            ncol = len(table_rows[0])
            tbl = doc.add_table(rows=len(table_rows), cols=ncol)
            tbl.style = doc.styles["Table Grid"]
            for i, row in enumerate(table_rows):
                for j, val in enumerate(row):
                    c = tbl.cell(i, j)
                    c.paragraphs[0].text = ""
                    r = c.paragraphs[0].add_run(val)
                    r.font.size = Pt(10)
                    if i == 0 or (j == 0 and ncol == 5):
                        r.bold = True
                    if i == 0:
                        shade(c, "D9D9D9")
            place(tbl._tbl)
            # an empty paragraph after a table, as Word requires inside a content control
            para()
            table_rows = None
        else:
            raise ValueError(line)

    # running header with an inline content control, footer with page numbers
    hp = sec.header.paragraphs[0]
    pre, _, post = hdr.partition("{REF}")
    hp.add_run(pre).font.size = Pt(9)
    inline_sdt(hp, "ReportReference", "Report reference", ref, size=9)
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.add_run(ftr).font.size = Pt(8)
    fp2 = sec.footer.add_paragraph()
    fp2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp2.add_run(f"Report reference {ref} | Page ").font.size = Pt(9)
    fp2._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    fp2.add_run(" of ").font.size = Pt(9)
    fp2._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" NUMPAGES "><w:r><w:t>7</w:t></w:r></w:fldSimple>'))

    doc.save(out)
    normalize_zip(out, (2024, 1, 29, 16, 2, 0))



# ======================================================================================
# Shape 2: "accessible" HTML version of PDF minutes, as pdf2htmlEX produces it
# ======================================================================================
PDF2HTML_BASE_CSS = (
    "#sidebar{position:absolute;top:0;left:0;bottom:0;width:250px;padding:0;margin:0;overflow:auto}"
    "#page-container{position:absolute;top:0;left:0;margin:0;padding:0;border:0}"
    "@media screen{#sidebar.opened+#page-container{left:250px}#page-container{bottom:0;right:0;"
    "overflow:auto}.loading-indicator{display:none}.loading-indicator.active{display:block;"
    "position:absolute;width:64px;height:64px;top:50%;left:50%;margin-top:-32px;margin-left:-32px}}"
    "@media print{@page{margin:0}html{margin:0}body{margin:0;-webkit-print-color-adjust:exact}"
    "#sidebar{display:none}#page-container{width:auto;height:auto;overflow:visible;"
    "background-color:transparent}.d{display:none}}"
    ".pf{position:relative;background-color:white;overflow:hidden;margin:0;border:0}"
    ".pc{position:absolute;border:0;padding:0;margin:0;top:0;left:0;width:100%;height:100%;"
    "overflow:hidden;display:block;transform-origin:0 0;-ms-transform-origin:0 0;"
    "-webkit-transform-origin:0 0}.pc.opened{display:block}"
    ".bf{position:absolute;border:0;margin:0;top:0;bottom:0;width:100%;height:100%;"
    "-ms-user-select:none;-moz-user-select:none;-webkit-user-select:none;user-select:none}"
    ".bi{position:absolute;border:0;margin:0;-ms-user-select:none;-moz-user-select:none;"
    "-webkit-user-select:none;user-select:none}"
    "@media print{.pf{margin:0;box-shadow:none;page-break-after:always;page-break-inside:avoid}"
    "@-moz-document url-prefix(){.pf{overflow:visible;border:1px solid #fff}"
    ".pc{overflow:visible}}}"
    ".c{position:absolute;border:0;padding:0;margin:0;overflow:hidden;display:block}"
    ".t{position:absolute;white-space:pre;font-size:1px;transform-origin:0 100%;"
    "-ms-transform-origin:0 100%;-webkit-transform-origin:0 100%;unicode-bidi:bidi-override;"
    "-moz-font-feature-settings:\"liga\" 0}"
    ".t:after{content:''}.t:before{content:'';display:inline-block}"
    ".t span{position:relative;unicode-bidi:bidi-override}._{display:inline-block;color:transparent;"
    "z-index:-1}::selection{background:rgba(127,255,255,0.4)}::-moz-selection"
    "{background:rgba(127,255,255,0.4)}.pi{display:none}.d{position:absolute;transform-origin:0 100%;"
    "-ms-transform-origin:0 100%;-webkit-transform-origin:0 100%}.it{border:0;background-color:"
    "rgba(255,255,255,0.0)}.ir:hover{cursor:pointer}"
)
PDF2HTML_FANCY_CSS = (
    "@keyframes fadein{from{opacity:0}to{opacity:1}}@-webkit-keyframes fadein{from{opacity:0}"
    "to{opacity:1}}@keyframes swing{0{transform:rotate(0)}10%{transform:rotate(0)}90%"
    "{transform:rotate(720deg)}100%{transform:rotate(720deg)}}"
    "#sidebar{background-color:#2f3236;background-image:url(\"data:image/svg+xml;base64,"
    "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI0IiBoZWlnaHQ9IjQiPgo8cmVjdCB3"
    "aWR0aD0iNCIgaGVpZ2h0PSI0IiBmaWxsPSIjNDAzYzNmIj48L3JlY3Q+Cjwvc3ZnPg==\")}"
    "#outline{font-family:Georgia,Times,\"Times New Roman\",serif;font-size:13px;margin:2em 1em}"
    "#outline ul{padding:0}#outline li{list-style-type:none;margin:1em 0}#outline li>ul"
    "{margin-left:1em}#outline a,#outline a:visited,#outline a:hover,#outline a:active"
    "{line-height:1.2;color:#e8e8e8;text-overflow:ellipsis;white-space:nowrap;text-decoration:none;"
    "display:block;overflow:hidden;outline:0}#outline a:hover{color:#0cf}"
    "#page-container{background-color:#9e9e9e;background-image:url(\"data:image/svg+xml;base64,"
    "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI1IiBoZWlnaHQ9IjUiPgo8cmVjdCB3"
    "aWR0aD0iNSIgaGVpZ2h0PSI1IiBmaWxsPSIjOWU5ZTllIj48L3JlY3Q+CjxwYXRoIGQ9Ik0wIDVMNSAwWk02IDRMNCA2"
    "Wk0tMSAxTDEgLTFaIiBzdHJva2U9IiM4ODgiIHN0cm9rZS13aWR0aD0iMSI+PC9wYXRoPgo8L3N2Zz4=\");"
    "-webkit-transition:left 500ms;transition:left 500ms}"
    ".pf{margin:13px auto;box-shadow:1px 1px 3px 1px #333;border-collapse:separate}"
    ".pc.opened{-webkit-animation:fadein 100ms;animation:fadein 100ms}"
    ".loading-indicator.active{-webkit-animation:swing 1.5s ease-in-out .01s infinite alternate none;"
    "animation:swing 1.5s ease-in-out .01s infinite alternate none}"
    ".checked{background:no-repeat url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABYAAAAWCAYAAADE"
    "bZ4AAAAAXNSR0IArs4c6QAAAAZiS0dEAP8A/wD/oL2nkwAAAAlwSFlzAAALEwAACxMBAJqcGAAAAAd0SU1FB9wDBxUY"
    "rEfjjlIAAAAZdEVYdENvbW1lbnQAQ3JlYXRlZCB3aXRoIEdJTVBXgQ4XAAAAWklEQVQ4y2Ngx6QAAAAASUVORK5CYII=)}"
)
PDF2HTML_JS = (
    "/*\n Copyright 2012 Lu Wang <coolwanglu@gmail.com>\n https://github.com/pdf2htmlEX/pdf2htmlEX/"
    "blob/master/share/LICENSE\n*/\n"
    "var pdf2htmlEX=window.pdf2htmlEX=window.pdf2htmlEX||{};(function(){'use strict';"
    "var CSS_CLASS_NAMES={page_frame:'pf',page_content_box:'pc',page_data:'pi',"
    "background_image:'bi',link:'l',input_radio:'ir',__dummy__:'no comma'};"
    "var DEFAULT_CONFIG={container_id:'page-container',sidebar_id:'sidebar',outline_id:'outline',"
    "loading_indicator_cls:'loading-indicator',preload_pages:3,render_timeout:100,scale_step:0.9,"
    "key_handler:true,hashchange_handler:true,view_history_handler:true,__dummy__:'no comma'};"
    "/* viewer code omitted by the council's document viewer export */})();\n"
)


def build_02(out: Path) -> None:
    lines = read_source("02_sandwell_hwb_minutes.txt")
    rnd = random.Random(20240918)
    REG, BOLD = LIB + "LiberationSans-Regular.ttf", LIB + "LiberationSans-Bold.ttf"
    PW, PH = 595.0, 842.0
    LM, RM, TOP, BOTTOM = 70.0, 70.0, 770.0, 80.0
    SIZE, LH = 11.0, 14.2
    WIDTH = PW - LM - RM
    hdr = ftr = ""
    # layout: produce a list of pages, each a list of (x, y_bottom, font, text)
    pages: list[list[tuple]] = [[]]
    y = [TOP]

    def newpage():
        pages.append([])
        y[0] = TOP

    def emit(x, font, text, advance=True):
        if y[0] < BOTTOM:
            newpage()
        pages[-1].append((x, y[0], font, text))
        if advance:
            y[0] -= LH

    def para(text, font="r", x=LM, width=WIDTH, first_label=None, label_w=0.0):
        ff = BOLD if font == "b" else REG
        sp = measure(" ", ff, SIZE)
        words = text.split()
        br = break_lines(words, width, lambda w: measure(w, ff, SIZE), sp, hyphenate=True, loose=0.09)
        for i, ws in enumerate(br):
            if i == 0 and first_label:
                emit(x - label_w, font, first_label, advance=False)
            emit(x, font, " ".join(ws))
        y[0] -= LH * 0.45

    for line in lines:
        tag, _, rest = line.partition(" ")
        if tag == "HDR":
            hdr = rest
        elif tag == "FTR":
            ftr = rest
        elif tag == "C":
            w = measure(rest, BOLD, SIZE + 1)
            emit((PW - w) / 2, "B", rest)
            if rest.startswith("at the"):
                y[0] -= LH
        elif tag == "H":
            y[0] -= LH * 0.3
            if y[0] < BOTTOM + 3 * LH:
                newpage()
            num, _, title = rest.partition(" ")
            emit(LM, "b", num, advance=False)
            emit(LM + 45, "b", title)
            y[0] -= LH * 0.3
        elif tag == "P":
            para(rest)
        elif tag == "R":
            label, text = rest.split("|", 1)
            para(text, x=LM + 40, width=WIDTH - 40, first_label=label, label_w=22)
        elif tag == "T":
            left, text = rest.split("|", 1)
            ff = REG
            br = break_lines(text.split(), WIDTH - 90, lambda w: measure(w, ff, SIZE),
                             measure(" ", ff, SIZE), hyphenate=False)
            for i, ws in enumerate(br):
                if i == 0 and left:
                    emit(LM, "b", left, advance=False)
                emit(LM + 90, "r", " ".join(ws))
            if left == "Officers:":
                y[0] -= LH * 0.6
        elif tag == "PB":
            newpage()
        else:
            raise ValueError(line)

    npages = len(pages)
    # class tables, as pdf2htmlEX writes them
    xs, ys = {}, {}

    def xcls(v):
        v = round(v, 6)
        if v not in xs:
            xs[v] = f"x{len(xs):x}"
        return xs[v]

    def ycls(v):
        v = round(v, 6)
        if v not in ys:
            ys[v] = f"y{len(ys):x}"
        return ys[v]

    fontcls = {"r": "ff1", "b": "ff2", "B": "ff2"}
    sizecls = {"r": "fs0", "b": "fs0", "B": "fs1"}

    def text_html(t):
        # pdf2htmlEX writes some inter-word gaps as spans with their own width, and inserts
        # empty positioning spans; the visible text is unchanged.
        parts = t.split(" ")
        outp = [html.escape(parts[0], quote=False)]
        for w in parts[1:]:
            r = rnd.random()
            if r < 0.08:
                outp.append('<span class="_ _1"> </span>' + html.escape(w, quote=False))
            elif r < 0.12:
                outp.append(' <span class="_ _0"></span>' + html.escape(w, quote=False))
            else:
                outp.append(" " + html.escape(w, quote=False))
        return "".join(outp)

    body = []
    for pi, items in enumerate(pages, start=1):
        divs = []
        # running header, page content, footer and page number (repeated on every page)
        hw = measure(hdr, REG, 9)
        divs.append(f'<div class="t m0 {xcls(PW - RM - hw)} h3 {ycls(800.0)} ff1 fs2 fc1 sc0 ls0 ws0">'
                    f'{text_html(hdr)}</div>')
        for (x, yy, font, t) in items:
            divs.append(f'<div class="t m0 {xcls(x)} h2 {ycls(yy)} {fontcls[font]} {sizecls[font]} '
                        f'fc0 sc0 ls0 ws0">{text_html(t)}</div>')
        divs.append(f'<div class="t m0 {xcls(LM)} h3 {ycls(42.0)} ff1 fs2 fc1 sc0 ls0 ws0">'
                    f'{text_html(ftr)}</div>')
        pn = f"Page {pi} of {npages}"
        pw = measure(pn, REG, 9)
        divs.append(f'<div class="t m0 {xcls(PW - RM - pw)} h3 {ycls(42.0)} ff1 fs2 fc1 sc0 ls0 ws0">'
                    f'{pn}</div>')
        body.append(
            f'<div id="pf{pi:x}" class="pf w0 h0" data-page-no="{pi:x}"><div class="pc pc{pi:x} w0 h0">'
            + "".join(divs)
            + f'</div><div class="pi" data-data=\'{{"ctm":[1.000000,0.000000,0.000000,1.000000,'
            f'0.000000,0.000000]}}\'></div></div>')

    css = [".ff0{font-family:sans-serif;visibility:hidden;}",
           "@font-face{font-family:ff1;src:local(\"Liberation Sans\"),local(\"Arial\");}"
           ".ff1{font-family:ff1;line-height:0.905273;font-style:normal;font-weight:normal;"
           "visibility:visible;}",
           "@font-face{font-family:ff2;src:local(\"Liberation Sans Bold\"),local(\"Arial Bold\");}"
           ".ff2{font-family:ff2;line-height:0.905273;font-style:normal;font-weight:bold;"
           "visibility:visible;}",
           ".m0{transform:matrix(0.250000,0.000000,0.000000,0.250000,0,0);"
           "-ms-transform:matrix(0.250000,0.000000,0.000000,0.250000,0,0);"
           "-webkit-transform:matrix(0.250000,0.000000,0.000000,0.250000,0,0);}",
           ".v0{vertical-align:0.000000px;}.ls0{letter-spacing:0.000000px;}"
           ".sc_{text-shadow:none;}.sc0{text-shadow:-0.015em 0 transparent,0 0.015em transparent,"
           "0.015em 0 transparent,0 -0.015em  transparent;}",
           "._0{margin-left:-1.062400px;}._1{width:12.232000px;}",
           ".fc1{color:rgb(89,89,89);}.fc0{color:rgb(0,0,0);}",
           f".fs2{{font-size:{9 * 4:.6f}px;}}.fs1{{font-size:{(SIZE + 1) * 4:.6f}px;}}"
           f".fs0{{font-size:{SIZE * 4:.6f}px;}}",
           ".h3{height:33.164062px;}.h2{height:40.535156px;}.h0{height:842.000000px;}",
           ".w0{width:595.000000px;}.ws0{word-spacing:0.000000px;}"]
    for v, c in sorted(xs.items(), key=lambda kv: int(kv[1][1:], 16)):
        css.append(f".{c}{{left:{v:.6f}px;}}")
    for v, c in sorted(ys.items(), key=lambda kv: int(kv[1][1:], 16)):
        css.append(f".{c}{{bottom:{v:.6f}px;}}")
    css.append("@media print{.v0{vertical-align:0.000000pt;}.ls0{letter-spacing:0.000000pt;}"
               f".fs0{{font-size:{SIZE * 4 * 4 / 3:.6f}pt;}}.w0{{width:793.333333pt;}}"
               ".h0{height:1122.666667pt;}}")

    doc = (
        '<!DOCTYPE html>\n<!-- Created by pdf2htmlEX (https://github.com/pdf2htmlex/pdf2htmlex) -->\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n<meta charset="utf-8"/>\n'
        '<meta name="generator" content="pdf2htmlEX"/>\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1"/>\n'
        '<style type="text/css">\n' + PDF2HTML_BASE_CSS + '\n</style>\n'
        '<style type="text/css">\n' + PDF2HTML_FANCY_CSS + '\n</style>\n'
        '<style type="text/css">\n' + "\n".join(css) + '\n</style>\n'
        '<script>\n' + PDF2HTML_JS + '</script>\n'
        '<script>\ntry{\npdf2htmlEX.defaultViewer = new pdf2htmlEX.Viewer({});\n}catch(e){}\n</script>\n'
        '<title>HWB Minutes 18 September 2024</title>\n</head>\n<body>\n'
        '<div id="sidebar">\n<div id="outline">\n</div>\n</div>\n<div id="page-container">\n'
        + "\n".join(body)
        + '\n</div>\n<div class="loading-indicator">\n</div>\n</body>\n</html>\n'
    )
    out.write_bytes(doc.encode("utf-8"))



# ======================================================================================
# Shape 3: designed annual report (multi-column A4 PDF with boxes, pull quotes, big numbers)
# ======================================================================================
PAGE_KEYS = {"ORG", "KICKER", "TITLE", "TITLE2", "SUB", "PARTNERS", "URL", "SIDE", "SIDEBOX", "SIGN",
             "SIGN2", "QUOTE", "H1", "STAT", "NOTE", "BOX", "CASE", "PRIO"}


def parse_pages(name: str):
    header = ""
    pages = []
    for line in read_source(name):
        if line.startswith("HEADER "):
            header = line[7:]
        elif line.startswith("=== PAGE "):
            pages.append((line[9:].strip(), []))
        else:
            key, _, rest = line.partition(" ")
            if key in PAGE_KEYS:
                pages[-1][1].append((key, rest))
            elif line.startswith("## "):
                pages[-1][1].append(("h", line[3:]))
            elif line.startswith("- "):
                pages[-1][1].append(("li", line[2:]))
            else:
                pages[-1][1].append(("p", line))
    return header, pages


def build_03(out: Path) -> None:
    from fpdf import FPDF
    from fpdf.enums import MethodReturnValue

    header, pages = parse_pages("03_luton_csp_annual_report.txt")
    TEAL = (0, 98, 105)
    TEAL_L = (222, 238, 238)
    ORANGE = (232, 119, 34)
    INK = (38, 38, 38)
    GREY = (110, 110, 110)

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(dt.datetime(2024, 7, 11, 10, 30, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Safer Luton Partnership Annual Report 2023/24")
    pdf.set_author("Luton Borough Council Communications")
    pdf.set_creator("Adobe InDesign 19.4 (Windows)")
    pdf.set_producer("Adobe PDF Library 17.0")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_font("S", "", LIB + "LiberationSans-Regular.ttf")
    pdf.add_font("S", "B", LIB + "LiberationSans-Bold.ttf")
    pdf.add_font("S", "I", LIB + "LiberationSans-Italic.ttf")
    pdf.add_font("N", "B", LIB + "LiberationSansNarrow-Bold.ttf")

    def lines_of(text, w, style="", size=9.5):
        pdf.set_font("S", style, size)
        return pdf.multi_cell(w, 4, text, dry_run=True, output=MethodReturnValue.LINES,
                              new_x="LEFT", new_y="NEXT")

    def put(x, y, text, style="", size=9.5, color=INK, font="S"):
        pdf.set_font(font, style, size)
        pdf.set_text_color(*color)
        pdf.text(x, y, text)

    def flow(blocks, cols, top, bottom, size=9.5, lh=4.6):
        """Flow heading/paragraph/bullet blocks down columns [(x, w), ...]."""
        ci, y = 0, top
        for kind, text in blocks:
            x, w = cols[ci]
            if kind == "h":
                need = lh * 3.2
                if y + need > bottom:
                    ci, y = ci + 1, top
                    x, w = cols[ci]
                if y > top:
                    y += lh * 0.6
                for ln in lines_of(text, w, "B", size + 2):
                    put(x, y + 4, ln, "B", size + 2, TEAL)
                    y += lh + 0.8
                y += 0.6
                continue
            indent = 4.0 if kind == "li" else 0.0
            lns = lines_of(text, w - indent, "", size)
            for i, ln in enumerate(lns):
                if y + lh > bottom:
                    ci, y = ci + 1, top
                    if ci >= len(cols):
                        raise RuntimeError("text overflows page: " + text[:40])
                    x, w = cols[ci]
                if i == 0 and kind == "li":
                    put(x, y + 3.6, "\u25a0", "B", 6.5, ORANGE)
                put(x + indent, y + 3.6, ln, "", size, INK)
                y += lh
            y += lh * 0.55
        return ci, y

    def box(x, y, w, title, text, fill=TEAL_L, tcol=TEAL, size=9.0, lh=4.3, pad=4.0, bullets=True):
        parts = [t.strip() for t in text.split("//")]
        all_lines = []
        for part in parts:
            all_lines.append(lines_of(part, w - 2 * pad - 4, "", size))
        h = pad * 2 + 7 + sum(len(l) * lh + 1.6 for l in all_lines)
        pdf.set_fill_color(*fill)
        pdf.rect(x, y, w, h, style="F")
        pdf.set_fill_color(*tcol)
        pdf.rect(x, y, 1.6, h, style="F")
        put(x + pad, y + pad + 4, title, "B", size + 1.5, tcol)
        yy = y + pad + 8
        for lns in all_lines:
            for i, ln in enumerate(lns):
                if i == 0 and len(parts) > 1 and bullets:
                    put(x + pad, yy + 3.3, "\u2022", "B", size, tcol)
                put(x + pad + (4 if len(parts) > 1 and bullets else 0), yy + 3.3, ln, "", size, INK)
                yy += lh
            yy += 1.6
        return y + h

    def running(pageno):
        put(12, 9, header, "", 7.5, GREY)
        pdf.set_draw_color(*TEAL)
        pdf.set_line_width(0.4)
        pdf.line(12, 11, 198, 11)
        put(196 if pageno < 10 else 195, 289, str(pageno), "B", 8, TEAL)
        put(12, 289, "luton.gov.uk/saferluton", "", 7, GREY)

    def h1(text, x=12, y=24):
        put(x, y, text, "B", 22, TEAL)
        pdf.set_fill_color(*ORANGE)
        pdf.rect(x, y + 3, 22, 1.4, style="F")

    def quote(x, y, w, text, who, size=13):
        pdf.set_fill_color(*ORANGE)
        pdf.rect(x, y, 2.2, 4, style="F")
        put(x, y + 12, "\u201c", "B", 34, ORANGE)
        yy = y + 6
        for ln in lines_of(text, w - 14, "I", size):
            put(x + 12, yy + 5, ln, "I", size, TEAL)
            yy += 6.2
        for ln in lines_of("\u2014 " + who, w - 14, "", 8.5):
            put(x + 12, yy + 5, ln, "", 8.5, GREY)
            yy += 4
        return yy + 8

    for pageno, (name, els) in enumerate(pages, start=1):
        pdf.add_page()
        d = {}
        for k, v in els:
            d.setdefault(k, []).append(v)
        blocks = [(k, v) for k, v in els if k in ("h", "p", "li")]
        if name == "cover":
            pdf.set_fill_color(*TEAL)
            pdf.rect(0, 0, 210, 205, style="F")
            pdf.set_fill_color(*ORANGE)
            pdf.rect(0, 205, 210, 4, style="F")
            pdf.set_fill_color(0, 80, 86)
            for i in range(7):
                pdf.circle(150 + i * 9, 40 + i * 11, 30 - i * 3, style="F") if hasattr(pdf, "circle") else None
            put(18, 60, d["KICKER"][0].upper(), "B", 10, (255, 255, 255))
            put(18, 88, d["TITLE"][0], "B", 34, (255, 255, 255))
            put(18, 104, d["TITLE2"][0], "B", 26, (255, 214, 170))
            put(18, 122, d["SUB"][0], "I", 15, (255, 255, 255))
            y = 228
            for ln in lines_of(d["PARTNERS"][0], 174, "", 9):
                put(18, y, ln, "", 9, INK)
                y += 5
            put(18, 280, d["URL"][0], "B", 11, TEAL)
        elif name == "foreword":
            running(pageno)
            pdf.set_fill_color(*TEAL_L)
            pdf.rect(0, 14, 62, 283, style="F")
            put(10, 28, d["SIDE"][0], "B", 14, TEAL)
            y = 38
            for s_ in d["SIDE"][1:]:
                label, _, num = s_.rpartition("  ")
                put(10, y, label, "", 9.5, INK)
                put(54, y, num, "B", 9.5, TEAL)
                y += 7
            t, txt = d["SIDEBOX"][0].split("|", 1)
            box(6, 100, 50, t, txt, fill=(255, 255, 255))
            ci, y = flow(blocks, [(70, 61), (137, 61)], 20, 122)
            # photograph placeholder with caption, as laid out by the designer
            pdf.set_fill_color(196, 204, 206)
            pdf.rect(137, 130, 61, 40, style="F")
            pdf.set_fill_color(176, 186, 188)
            pdf.rect(137, 158, 61, 12, style="F")
            put(137, 175, "Opening the town centre hub, October 2023", "I", 7.5, GREY)
            sy = 186
            put(137, sy, d["SIGN"][0], "B", 9.5, TEAL)
            for i, ln in enumerate(lines_of(d["SIGN2"][0], 61, "", 8.5)):
                put(137, sy + 5 + i * 4, ln, "", 8.5, GREY)
            qt, who = d["QUOTE"][0].split("|")
            quote(70, 232, 128, qt, who)
        elif name == "numbers":
            running(pageno)
            h1(d["H1"][0])
            for i, st in enumerate(d["STAT"]):
                big, label = st.split("|")
                cx, cy = 12 + (i % 3) * 63, 40 + (i // 3) * 72
                pdf.set_fill_color(*(TEAL_L if (i % 2 == 0) else (253, 236, 222)))
                pdf.rect(cx, cy, 59, 66, style="F")
                put(cx + 5, cy + 24, big, "B", 34 if len(big) < 6 else 28, TEAL if i % 2 == 0 else ORANGE, font="N")
                yy = cy + 36
                for ln in lines_of(label, 49, "B", 10.5):
                    put(cx + 5, yy, ln, "B", 10.5, INK)
                    yy += 5
            yy = 262
            for ln in lines_of(d["NOTE"][0], 186, "", 7.5):
                put(12, yy, ln, "", 7.5, GREY)
                yy += 3.6
        elif name == "whatwedid":
            running(pageno)
            h1(d["H1"][0])
            t, txt = d["BOX"][0].split("|", 1)
            cols = [(12, 58), (76, 58), (140, 58)]
            flow(blocks, cols, 36, 158)
            pdf.set_fill_color(196, 204, 206)
            pdf.rect(12, 168, 122, 68, style="F")
            pdf.set_fill_color(176, 186, 188)
            pdf.rect(12, 212, 122, 24, style="F")
            put(12, 241, "Detached youth workers in Lewsey Farm, summer 2023", "I", 7.5, GREY)
            # call-out box placed over the foot of the third column
            box(140, 232, 58, t, txt, fill=(253, 236, 222), tcol=ORANGE)
        elif name == "stories":
            running(pageno)
            h1(d["H1"][0])
            y = 38
            for c in d["CASE"]:
                t, txt = c.split("|", 1)
                y = box(12, y, 186, t, txt, size=10, lh=5.0, pad=6, bullets=False) + 8
        elif name == "review":
            running(pageno)
            h1(d["H1"][0])
            t, txt = d["SIDEBOX"][0].split("|", 1)
            ci, y = flow(blocks, [(12, 60), (78, 60)], 36, 282)
            yb = box(144, 36, 54, t, txt)
            qt, who = d["QUOTE"][0].split("|")
            quote(144, yb + 10, 54, qt, who, size=11)
            # organisation chart of the new structure, under the second column
            org = d["ORG"]
            oy = 190
            put(78, oy, "Our new structure", "B", 11, TEAL)
            oy += 4
            for lvl, label in enumerate(org[:2]):
                pdf.set_fill_color(*(TEAL if lvl == 0 else ORANGE))
                pdf.rect(78, oy, 120, 9, style="F")
                put(81, oy + 6, label, "B", 9, (255, 255, 255))
                oy += 12
            subs = org[2].split("|")
            for i, label in enumerate(subs):
                bx, by = 78 + (i % 3) * 40.5, oy + (i // 3) * 21
                pdf.set_fill_color(*TEAL_L)
                pdf.rect(bx, by, 38.5, 18, style="F")
                for j, ln in enumerate(lines_of(label, 34, "", 8)):
                    put(bx + 2, by + 5 + j * 3.8, ln, "", 8, INK)
        elif name == "priorities":
            running(pageno)
            h1(d["H1"][0])
            intro = blocks[0][1]
            put(12, 40, intro, "", 10.5, INK)
            y = 50
            for pr in d["PRIO"]:
                num, txt = pr.split("|")
                pdf.set_fill_color(*TEAL)
                pdf.rect(12, y, 16, 16, style="F")
                put(17.2, y + 10.8, num, "B", 20, (255, 255, 255), font="N")
                yy = y + 6.5
                for ln in lines_of(txt, 160, "B", 12):
                    put(33, yy, ln, "B", 12, INK)
                    yy += 5.6
                y += 21
            rest_blocks = blocks[1:]
            k = [i for i, bl in enumerate(rest_blocks) if bl == ("h", "Contact us")][0]
            flow(rest_blocks[:k], [(12, 88)], y + 8, 282, size=9.5)
            pdf.set_fill_color(*TEAL_L)
            pdf.rect(106, y + 4, 92, 74, style="F")
            flow(rest_blocks[k:], [(111, 82)], y + 8, 282, size=9.5)
        else:
            raise ValueError(name)
    pdf.output(str(out))



# ======================================================================================
# Shape 4: call-in minutes typeset with justified lines, hyphenation and fi/fl ligatures
# ======================================================================================
def ligate(word: str) -> str:
    return word.replace("fi", "\ufb01").replace("fl", "\ufb02")


def build_04(out: Path) -> None:
    from fpdf import FPDF

    lines = read_source("04_enfield_callin_minutes.txt")
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(dt.datetime(2024, 11, 22, 14, 5, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Overview and Scrutiny Committee - 14 November 2024 - Minutes")
    pdf.set_author("Governance and Scrutiny")
    pdf.set_creator("Microsoft® Word for Microsoft 365")
    pdf.set_producer("Microsoft® Word for Microsoft 365")
    pdf.set_auto_page_break(False)
    pdf.add_font("T", "", LIB + "LiberationSerif-Regular.ttf")
    pdf.add_font("T", "B", LIB + "LiberationSerif-Bold.ttf")
    SIZE, LH = 11.0, 5.05
    LM, RM = 25.0, 25.0
    WIDTH = 210.0 - LM - RM
    TOP, BOTTOM = 28.0, 272.0
    FIRST_PAGE_NO = 487  # minute-book pagination
    hdr = ""
    state = {"y": TOP, "page": 0}

    def new_page():
        pdf.add_page()
        state["page"] += 1
        state["y"] = TOP
        pdf.set_font("T", "", 9.5)
        pdf.set_text_color(0, 0, 0)
        w = pdf.get_string_width(hdr)
        pdf.text((210 - w) / 2, 15, hdr)
        pn = f"- {FIRST_PAGE_NO + state['page'] - 1} -"
        w = pdf.get_string_width(pn)
        pdf.text((210 - w) / 2, 287, pn)

    def need(n=1):
        if state["page"] == 0 or state["y"] + LH * n > BOTTOM:
            new_page()

    def wwidth(w, style=""):
        pdf.set_font("T", style, SIZE)
        return pdf.get_string_width(ligate(w))

    def justified(text, x, width, style="", last_justify=False):
        words = text.split()
        space = wwidth(" ", style) if False else (pdf.set_font("T", style, SIZE) or pdf.get_string_width(" "))
        br = break_lines(words, width, lambda w: wwidth(w, style), space, hyphenate=True, loose=0.035)
        for i, ws in enumerate(br):
            need()
            y = state["y"] + 4.0
            pdf.set_font("T", style, SIZE)
            widths = [pdf.get_string_width(ligate(w)) for w in ws]
            last = i == len(br) - 1
            if len(ws) > 1 and (not last or last_justify):
                gap = (width - sum(widths)) / (len(ws) - 1)
            else:
                gap = space
            xx = x
            for w, ww in zip(ws, widths):
                pdf.text(xx, y, ligate(w))
                xx += ww + gap
            state["y"] += LH
        state["y"] += LH * 0.55

    def centred(text, style="B"):
        pdf.set_font("T", style, SIZE)
        for ws in break_lines(text.split(), WIDTH, lambda w: wwidth(w, style), pdf.get_string_width(" "),
                              hyphenate=False):
            need()
            t = " ".join(ligate(w) for w in ws)
            pdf.set_font("T", style, SIZE)
            pdf.text((210 - pdf.get_string_width(t)) / 2, state["y"] + 4.0, t)
            state["y"] += LH

    for line in lines:
        tag, _, rest = line.partition(" ")
        if tag == "HDR":
            hdr = rest
        elif tag == "C":
            centred(rest)
        elif tag == "SP":
            state["y"] += LH * 0.8
        elif tag == "H":
            num, title = rest.split("|", 1)
            need(4)
            state["y"] += LH * 0.3
            pdf.set_font("T", "B", SIZE)
            pdf.text(LM, state["y"] + 4.0, num)
            sub = WIDTH - 12
            for ws in break_lines(title.split(), sub, lambda w: wwidth(w, "B"), pdf.get_string_width(" "),
                                  hyphenate=False):
                need()
                pdf.set_font("T", "B", SIZE)
                pdf.text(LM + 12, state["y"] + 4.0, " ".join(ligate(w) for w in ws))
                state["y"] += LH
            state["y"] += LH * 0.45
        elif tag == "P":
            justified(rest, LM + 12, WIDTH - 12)
        elif tag == "L":
            label, text = rest.split("|", 1)
            big = label.endswith(":") and label.upper() == label
            ind = 40.0 if big else 10.0
            x0 = LM if big else LM + 12
            need()
            pdf.set_font("T", "B" if big else "", SIZE)
            pdf.text(x0, state["y"] + 4.0, label)
            justified(text, x0 + ind, WIDTH - (x0 - LM) - ind)
        elif tag == "V":
            label, text = rest.split("|", 1)
            need()
            pdf.set_font("T", "B", SIZE)
            pdf.text(LM + 22, state["y"] + 4.0, label)
            pdf.set_font("T", "", SIZE)
            pdf.text(LM + 60, state["y"] + 4.0, " ".join(ligate(w) for w in text.split()))
            state["y"] += LH
            if label.startswith("Abstentions"):
                state["y"] += LH * 0.55
        elif tag == "B":
            need(2)
            pdf.set_font("T", "B", SIZE)
            pdf.text(LM + 12, state["y"] + 4.0, rest)
            state["y"] += LH * 1.4
        elif tag == "S":
            need(2)
            pdf.set_font("T", "B", SIZE)
            pdf.text(LM + 12, state["y"] + 4.0, rest)
            state["y"] += LH
        else:
            raise ValueError(line)
    pdf.output(str(out))



# ======================================================================================
# Shape 5: Word file converted from a PDF (every printed line a paragraph or a line break)
# ======================================================================================
def build_05(out: Path) -> None:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm, Pt

    lines = read_source("05_perth_kinross_ijb_directions.txt")
    rnd = random.Random(20250327)
    REG, BOLD = LIB + "LiberationSans-Regular.ttf", LIB + "LiberationSans-Bold.ttf"
    SIZE = 11.0
    WIDTH = 453.0            # 160 mm in points
    LABEL_W, VALUE_W = 150.0, 290.0
    LINES_PER_PAGE = 50
    ph = pf = ""

    def wrap(text, width, bold=False):
        ff = BOLD if bold else REG
        return [" ".join(ws) for ws in break_lines(text.split(), width, lambda w: measure(w, ff, SIZE),
                                                   measure(" ", ff, SIZE), hyphenate=False)]

    # ---- layout into pages of blocks
    pages: list[list[tuple]] = [[]]
    used = [0]
    mode = {"joined": True}   # cover note paragraphs: one Word paragraph with manual line breaks

    def room(n):
        if used[0] + n > LINES_PER_PAGE:
            pages.append([])
            used[0] = 0

    def add(block, n):
        pages[-1].append(block)
        used[0] += n

    table = None
    for line in lines:
        tag, _, rest = line.partition(" ")
        if tag == "PH":
            ph = rest
        elif tag == "PF":
            pf = rest
        elif tag == "C":
            if rest.startswith("PERTH & KINROSS INTEGRATION JOINT BOARD") and pages[-1]:
                mode["joined"] = False
                room(LINES_PER_PAGE + 1)   # the report starts on a new printed page
            ls = wrap(rest, WIDTH, True)
            room(len(ls))
            for l in ls:
                add(("c", l), 1)
        elif tag == "H":
            room(3)
            add(("gap",), 0.6)
            add(("h", rest), 1)
        elif tag == "P":
            ls = wrap(rest, WIDTH)
            if mode["joined"]:
                room(len(ls))
                add(("pj", ls), len(ls) + 0.6)
            else:
                # a paragraph may be split across printed pages; each piece stays line by line
                for i, l in enumerate(ls):
                    room(1)
                    add(("p", l, i == len(ls) - 1), 1)
                add(("gap",), 0.4)
        elif tag == "L":
            label, text = rest.split("|", 1)
            ind = 36.0 if len(label) < 6 else 60.0
            ls = wrap(text, WIDTH - ind)
            for i, l in enumerate(ls):
                room(1)
                add(("l", label if i == 0 else "", l, ind, i == len(ls) - 1), 1)
        elif tag == "PB":
            room(LINES_PER_PAGE + 1)
        elif tag == "DIR":
            table = {"title": rest, "rows": []}
        elif tag == "FIELD":
            label, value = rest.split("|", 1)
            table["rows"].append((wrap(label, LABEL_W - 10, True), wrap(value, VALUE_W - 10)))
        elif tag == "ENDDIR":
            n = 2 + sum(max(len(a), len(b)) + 0.5 for a, b in table["rows"])
            room(n)
            add(("dirtitle", table["title"]), 1.5)
            add(("table", table["rows"]), n - 1.5)
            table = None
        else:
            raise ValueError(line)
    npages = len(pages)

    # ---- emit the Word file
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin, sec.bottom_margin = Cm(1.3), Cm(1.0)
    sec.header_distance = sec.footer_distance = Cm(0.5)
    doc.core_properties.author = "hscstrategicplanning"
    doc.core_properties.title = ""
    doc.core_properties.comments = ""
    doc.core_properties.created = dt.datetime(2025, 3, 27, 11, 42, 0)
    doc.core_properties.modified = dt.datetime(2025, 3, 27, 11, 42, 0)
    doc.core_properties.last_modified_by = "hscstrategicplanning"
    doc.core_properties.revision = 1
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)

    def fmt(p, left=0.0, first=0.0, after=0.0, align=None, exact=True):
        pf_ = p.paragraph_format
        if left:
            pf_.left_indent = Pt(left)
        if first:
            pf_.first_line_indent = Pt(first)
        pf_.space_after = Pt(after)
        pf_.space_before = Pt(0)
        if exact:
            pPr = p._p.get_or_add_pPr()
            sp = pPr.find(qn("w:spacing"))
            sp.set(qn("w:line"), "253")
            sp.set(qn("w:lineRule"), "exact")
        if align is not None:
            p.alignment = align

    def runs(p, text, bold=False, size=11.0):
        # converters break runs where the PDF's text objects were split
        pieces = [text]
        if len(text) > 40 and rnd.random() < 0.35:
            cut = text.find(" ", rnd.randint(10, len(text) - 10))
            if cut > 0:
                pieces = [text[:cut + 1], text[cut + 1:]]
        for piece in pieces:
            r = p.add_run(piece)
            r.font.name = "Arial"
            r.font.size = Pt(size)
            r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), "Arial")
            if bold:
                r.bold = True
        return p

    for pi, blocks in enumerate(pages, start=1):
        p = doc.add_paragraph()
        fmt(p, align=WD_ALIGN_PARAGRAPH.RIGHT, after=10)
        runs(p, ph, size=8)
        for b in blocks:
            kind = b[0]
            if kind == "gap":
                continue
            if kind == "c":
                p = doc.add_paragraph()
                fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER)
                runs(p, b[1], bold=True)
            elif kind == "h":
                p = doc.add_paragraph()
                fmt(p, after=3)
                p.paragraph_format.space_before = Pt(8)
                runs(p, b[1], bold=True)
            elif kind == "pj":
                p = doc.add_paragraph()
                fmt(p, after=8)
                for i, l in enumerate(b[1]):
                    if i:
                        p.add_run().add_break()
                    runs(p, l)
            elif kind == "p":
                p = doc.add_paragraph()
                fmt(p, after=8 if b[2] else 0)
                runs(p, b[1])
            elif kind == "l":
                _, label, l, ind, last = b
                p = doc.add_paragraph()
                if label:
                    fmt(p, left=ind, first=-ind, after=6 if last else 0)
                    p.paragraph_format.tab_stops.add_tab_stop(Pt(ind))
                    runs(p, label + "\t" + l)
                else:
                    fmt(p, left=ind, after=6 if last else 0)
                    runs(p, l)
            elif kind == "dirtitle":
                p = doc.add_paragraph()
                fmt(p, after=4)
                p.paragraph_format.space_before = Pt(6)
                runs(p, b[1], bold=True)
            elif kind == "table":
                rows = b[1]
                t = doc.add_table(rows=len(rows), cols=2)
                t.style = doc.styles["Table Grid"]
                t.alignment = WD_TABLE_ALIGNMENT.LEFT
                t.autofit = False
                for gc, wpt in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), (LABEL_W, VALUE_W)):
                    gc.set(qn("w:w"), str(int(wpt * 20)))
                for i, (la, va) in enumerate(rows):
                    for j, ls in enumerate((la, va)):
                        c = t.cell(i, j)
                        c.width = Pt(LABEL_W if j == 0 else VALUE_W)
                        cp = c.paragraphs[0]
                        fmt(cp, after=2)
                        for k, l in enumerate(ls):
                            if k:
                                cp.add_run().add_break()
                            runs(cp, l, bold=(j == 0), size=10)
                p = doc.add_paragraph()
                fmt(p)
        # footer of the printed page, reflowed into the body
        p = doc.add_paragraph()
        fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER)
        p.paragraph_format.space_before = Pt(10)
        runs(p, pf.replace("{n}", str(pi)).replace("{N}", str(npages)), size=8)
        if pi < npages:
            p.add_run().add_break(WD_BREAK.PAGE)

    doc.save(out)
    normalize_zip(out, (2025, 3, 27, 11, 42, 0))


BUILDERS = {1: "build_01", 2: "build_02", 3: "build_03", 4: "build_04", 5: "build_05"}


def main(argv: list[str]) -> int:
    RAW.mkdir(exist_ok=True)
    only = {int(a) for a in argv[1:]} or set(FILES)
    for n in sorted(only):
        out = RAW / FILES[n]
        globals()[BUILDERS[n]](out)
        print(f"{hashlib.sha256(out.read_bytes()).hexdigest()[:16]}  {out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
