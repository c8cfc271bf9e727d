#!/usr/bin/env python3
"""Regenerate raw/ byte for byte from sources/.

Five invented council documents (see README.md). Everything is deterministic: PDF creation dates
are fixed, the .docx zip entries carry a fixed timestamp, and no randomness is used.

    /work/main/.venv/bin/python make_documents.py
"""
import io
import re
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
LIB = "/usr/share/fonts/truetype/liberation/"
DJV = "/usr/share/fonts/truetype/dejavu/"

FILES = {
    1: "armagh-banbridge-craigavon_community-planning-partnership_webpage-print_2024-11.pdf",
    2: "torbay_safer-communities-torbay-board_minutes-word-html_2024-07.htm",
    3: "leicestershire_health-wellbeing-board_minutes-decision-summary_2025-02.docx",
    4: "wiltshire_community-safety-partnership_options-appraisal_2025-03.pdf",
    5: "nottingham_crime-drugs-partnership_terms-of-reference-tracked_2025-06.pdf",
}


def read_src(name):
    return (SRC / name).read_text(encoding="utf-8").splitlines()


def add_fonts(pdf):
    pdf.add_font("Sans", "", LIB + "LiberationSans-Regular.ttf")
    pdf.add_font("Sans", "B", LIB + "LiberationSans-Bold.ttf")
    pdf.add_font("Sans", "I", LIB + "LiberationSans-Italic.ttf")
    pdf.add_font("Sans", "BI", LIB + "LiberationSans-BoldItalic.ttf")
    pdf.add_font("Narrow", "", LIB + "LiberationSansNarrow-Regular.ttf")
    pdf.add_font("Narrow", "B", LIB + "LiberationSansNarrow-Bold.ttf")
    pdf.add_font("DejaVu", "", DJV + "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", DJV + "DejaVuSans-Bold.ttf")


def fit(pdf, text, width):
    """Truncate text with an ellipsis so that it fits in width (as browsers do in print headers)."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


# ---------------------------------------------------------------------------
# 1. Web page printed to PDF from a browser
# ---------------------------------------------------------------------------
class BrowserPrint(FPDF):
    printed = title = url = ""

    def header(self):
        self.set_font("Sans", "", 7.5)
        self.set_text_color(0)
        self.set_xy(6, 4)
        self.cell(40, 4, self.printed)
        t = fit(self, self.title, 130)
        self.set_xy((210 - self.get_string_width(t)) / 2, 4)
        self.cell(self.get_string_width(t) + 1, 4, t)
        self.set_y(14)

    def footer(self):
        self.set_font("Sans", "", 7.5)
        self.set_text_color(0)
        self.set_xy(6, 289)
        self.cell(170, 4, fit(self, self.url, 170))
        self.set_xy(190, 289)
        self.cell(14, 4, f"{self.page_no()}/{{nb}}", align="R")


def build_webpage(lines, out):
    meta = {}
    body = []
    for ln in lines:
        if ln.startswith("@"):
            k, v = ln[1:].split(" ", 1)
            meta[k] = v
        elif ln.strip():
            body.append(ln)
    pdf = BrowserPrint(format="A4")
    pdf.printed, pdf.title, pdf.url = meta["printed"], meta["title"], meta["url"]
    pdf.set_creation_date(datetime(2024, 11, 14, 10, 47, tzinfo=timezone.utc))
    pdf.set_title(meta["title"])
    pdf.set_creator("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36")
    pdf.set_producer("Skia/PDF m130")
    add_fonts(pdf)
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_margins(20, 14, 20)
    pdf.add_page()
    W = 170
    GREEN = (0, 98, 65)
    BLUE = (0, 70, 160)
    in_table = False
    footer_started = False
    for ln in body:
        m = re.match(r"^\[(\w+)\] ?(.*)$", ln)
        tag, text = (m.group(1), m.group(2)) if m else (None, ln)
        if not ln.startswith("| ") and in_table:
            in_table = False
            pdf.ln(3)
        if tag == "cookiehead":
            y = pdf.get_y()
            pdf.set_fill_color(236, 238, 240)
            pdf.rect(10, y, 190, 34, style="F")
            pdf.set_xy(20, y + 3)
            pdf.set_font("Sans", "B", 12)
            pdf.cell(W, 6, text)
            pdf.ln(7)
        elif tag == "cookie":
            pdf.set_font("Sans", "", 9.5)
            pdf.multi_cell(W, 4.6, text, align="L")
            pdf.ln(2)
        elif tag == "buttons":
            pdf.set_font("Sans", "B", 9)
            x = 20
            y = pdf.get_y()
            for b in text.split(" | "):
                w = pdf.get_string_width(b) + 8
                pdf.set_fill_color(*GREEN)
                pdf.set_text_color(255)
                pdf.set_xy(x, y)
                pdf.cell(w, 7, b, align="C", fill=True)
                x += w + 4
            pdf.set_text_color(0)
            pdf.set_xy(20, y + 11)
        elif tag == "skip":
            pdf.set_font("Sans", "", 8)
            pdf.set_text_color(*BLUE)
            pdf.cell(W, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0)
        elif tag == "logo":
            y = pdf.get_y()
            pdf.set_fill_color(*GREEN)
            pdf.rect(10, y, 190, 16, style="F")
            pdf.set_text_color(255)
            pdf.set_font("Sans", "B", 13)
            pdf.set_xy(20, y + 5)
            pdf.cell(110, 6, text)
            pdf.set_text_color(0)
            pdf.set_xy(20, y + 16)
        elif tag == "search":
            y = pdf.get_y() - 13
            pdf.set_fill_color(255, 255, 255)
            pdf.rect(140, y, 52, 8, style="F")
            pdf.set_font("Sans", "", 8.5)
            pdf.set_text_color(110)
            pdf.set_xy(142, y + 1.5)
            pdf.cell(40, 5, text)
            pdf.set_text_color(0)
            pdf.set_xy(20, y + 13)
        elif tag == "nav":
            y = pdf.get_y()
            pdf.set_fill_color(30, 45, 60)
            pdf.rect(10, y, 190, 10, style="F")
            pdf.set_text_color(255)
            pdf.set_font("Sans", "B", 9.5)
            x = 20
            for item in text.split(" | "):
                pdf.set_xy(x, y + 2.5)
                w = pdf.get_string_width(item)
                pdf.cell(w, 5, item)
                x += w + 9
            pdf.set_text_color(0)
            pdf.set_xy(20, y + 14)
        elif tag == "crumb":
            pdf.set_font("Sans", "", 8.5)
            pdf.set_text_color(*BLUE)
            pdf.cell(W, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0)
            pdf.ln(3)
        elif tag == "helpful":
            pdf.ln(4)
            y = pdf.get_y()
            pdf.set_fill_color(236, 238, 240)
            pdf.rect(20, y, W, 22, style="F")
            pdf.set_xy(24, y + 3)
            pdf.set_font("Sans", "B", 11)
            pdf.cell(W, 6, text)
            pdf.set_xy(24, y + 11)
        elif tag == "related":
            pdf.ln(6)
            pdf.set_font("Sans", "B", 12)
            pdf.cell(W, 7, text, new_x="LMARGIN", new_y="NEXT")
        elif tag == "footer":
            if not footer_started:
                pdf.ln(8)
                footer_started = True
            y = pdf.get_y()
            pdf.set_fill_color(30, 45, 60)
            pdf.rect(10, y, 190, 8, style="F")
            pdf.set_text_color(255)
            pdf.set_font("Sans", "", 8.5)
            pdf.set_xy(20, y + 1.5)
            pdf.cell(W, 5, text)
            pdf.set_text_color(0)
            pdf.set_xy(20, y + 8)
        elif ln.startswith("=== "):
            pdf.ln(2)
            pdf.set_font("Sans", "B", 12.5)
            pdf.multi_cell(W, 6, ln[4:], new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(1)
        elif ln.startswith("== "):
            pdf.ln(3)
            pdf.set_font("Sans", "B", 16)
            pdf.multi_cell(W, 8, ln[3:], new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(1)
        elif ln.startswith("= "):
            pdf.set_font("Sans", "B", 22)
            pdf.multi_cell(W, 10, ln[2:], new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(1)
        elif ln.startswith("~ "):
            pdf.set_font("Sans", "", 9)
            pdf.set_text_color(90)
            pdf.cell(W, 5, ln[2:], new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0)
            pdf.ln(3)
        elif ln.startswith("* "):
            pdf.set_font("Sans", "", 10.5)
            pdf.set_x(24)
            pdf.cell(5, 5.4, "•")
            pdf.set_text_color(*BLUE)
            pdf.multi_cell(W - 9, 5.4, ln[2:], new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.set_text_color(0)
            pdf.ln(1)
        elif ln.startswith("> "):
            y0 = pdf.get_y()
            pdf.set_font("Sans", "I", 11)
            pdf.set_x(27)
            pdf.multi_cell(W - 7, 5.8, ln[2:], new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.set_fill_color(*GREEN)
            pdf.rect(21, y0, 1.6, pdf.get_y() - y0, style="F")
            pdf.ln(3)
        elif ln.startswith("| "):
            cells = ln[2:].split(" | ")
            if not in_table:
                in_table = True
                pdf.set_font("Sans", "B", 10)
                pdf.set_fill_color(236, 238, 240)
                pdf.cell(40, 7, " " + cells[0], border=1, fill=True)
                pdf.cell(W - 40, 7, " " + cells[1], border=1, fill=True, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("Sans", "", 10)
                pdf.cell(40, 7, " " + cells[0], border=1)
                pdf.cell(W - 40, 7, " " + cells[1], border=1, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Sans", "", 10.5)
            pdf.multi_cell(W, 5.4, ln, new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(2.6)
    pdf.output(str(out))


# ---------------------------------------------------------------------------
# 2. Minutes saved from Word as a web page
# ---------------------------------------------------------------------------
WORD_HEAD = """<html>

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<title>SAFER COMMUNITIES TORBAY</title>
<style>
<!--
 /* Font Definitions */
 @font-face
\t{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
\t{font-family:Calibri;
\tpanose-1:2 15 5 2 2 2 4 3 2 4;}
@font-face
\t{font-family:Arial;
\tpanose-1:2 11 6 4 2 2 2 2 2 4;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{margin-top:0cm;
\tmargin-right:0cm;
\tmargin-bottom:8.0pt;
\tmargin-left:0cm;
\tline-height:107%;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
\t{margin-top:0cm;
\tmargin-right:0cm;
\tmargin-bottom:8.0pt;
\tmargin-left:36.0pt;
\tline-height:107%;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;}
p.MsoListParagraphCxSpFirst, li.MsoListParagraphCxSpFirst, div.MsoListParagraphCxSpFirst
\t{margin-top:0cm;
\tmargin-right:0cm;
\tmargin-bottom:0cm;
\tmargin-left:36.0pt;
\tline-height:107%;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;}
p.MsoListParagraphCxSpLast, li.MsoListParagraphCxSpLast, div.MsoListParagraphCxSpLast
\t{margin-top:0cm;
\tmargin-right:0cm;
\tmargin-bottom:8.0pt;
\tmargin-left:36.0pt;
\tline-height:107%;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;}
.MsoChpDefault
\t{font-family:"Calibri",sans-serif;}
.MsoPapDefault
\t{margin-bottom:8.0pt;
\tline-height:107%;}
 /* Page Definitions */
 @page WordSection1
\t{size:595.3pt 841.9pt;
\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1
\t{page:WordSection1;}
 /* List Definitions */
 ol
\t{margin-bottom:0cm;}
ul
\t{margin-bottom:0cm;}
-->
</style>

</head>

<body lang=EN-GB link="#0563C1" vlink="#954F72" style='word-wrap:break-word'>

<div class=WordSection1>

"""
WORD_TAIL = """
</div>

</body>

</html>
"""
ARIAL = "font-family:\"Arial\",sans-serif"


def esc(s):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Word writes two typed spaces after a full stop as "&nbsp; "
    s = s.replace(".  ", ".&nbsp; ")
    return s


def word_wrap(html, width=76):
    """Wrap HTML source the way Word does: at spaces, never inside a quoted attribute value."""
    out_lines = []
    for para in html.split("\n"):
        line = ""
        i = 0
        in_tag = False
        quote = None
        last_break = -1
        buf = para
        start = 0
        pos = 0
        cur = ""
        for ch in buf:
            if in_tag:
                if quote:
                    if ch == quote:
                        quote = None
                elif ch in "'\"":
                    quote = ch
                elif ch == ">":
                    in_tag = False
            elif ch == "<":
                in_tag = True
            if ch == " " and quote is None and len(cur) >= width:
                out_lines.append(cur)
                cur = ""
                continue
            cur += ch
        out_lines.append(cur)
    return "\n".join(out_lines)


def wp(inner, cls="MsoNormal", style="", align=None):
    a = f" align={align}" if align else ""
    st = f" style='{style}'" if style else ""
    return f"<p class={cls}{a}{st}>{inner}</p>"


def build_word_html(lines, out):
    parts = []
    table = []

    def flush_table():
        if not table:
            return
        widths = [47, 284, 57, 66, 66]
        pts = ["35.4pt", "212.65pt", "42.5pt", "49.6pt", "49.6pt"]
        rows = []
        for r, cells in enumerate(table):
            tds = []
            for c, cell in enumerate(cells):
                border = "border:solid windowtext 1.0pt" if r == 0 and c == 0 else (
                    "border:solid windowtext 1.0pt;border-left:none" if r == 0 else (
                        "border:solid windowtext 1.0pt;border-top:none" if c == 0 else
                        "border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt"))
                shade = ";background:#D9E2F3" if r == 0 else ""
                txt = esc(cell)
                if r == 0:
                    txt = f"<b>{txt}</b>"
                tds.append(
                    f"<td width={widths[c]} valign=top style='width:{pts[c]};{border};"
                    f"mso-border-alt:solid windowtext .5pt{shade};padding:0cm 5.4pt 0cm 5.4pt'>"
                    f"<p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><span "
                    f"style='font-size:10.0pt;{ARIAL}'>{txt}<o:p></o:p></span></p></td>")
            first = ";mso-yfti-firstrow:yes" if r == 0 else ""
            last = ";mso-yfti-lastrow:yes" if r == len(table) - 1 else ""
            rows.append(f"<tr style='mso-yfti-irow:{r}{first}{last}'>\n" + "\n".join(tds) + "\n</tr>")
        parts.append(
            "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
            "border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n"
            + "\n".join(rows) + "\n</table>")
        table.clear()

    nlist = 0
    for ln in lines:
        if not ln.strip():
            continue
        if not ln.startswith("#T ") and table:
            flush_table()
        if ln.startswith("#C "):
            parts.append(wp(f"<b><span style='font-size:14.0pt;{ARIAL}'>{esc(ln[3:])}<o:p></o:p></span></b>",
                            style="margin-bottom:0cm;text-align:center", align="center"))
        elif ln.startswith("#B "):
            parts.append(wp(f"<b><span style='{ARIAL}'>{esc(ln[3:])}</span></b><span style='{ARIAL}'><o:p></o:p></span>",
                            style="margin-bottom:6.0pt"))
        elif ln == "#BR":
            parts.append(wp(f"<span style='{ARIAL}'><o:p>&nbsp;</o:p></span>", style="margin-bottom:0cm"))
        elif ln.startswith("#P "):
            name, role = ln[3:].split("|")
            pad = max(2, 34 - len(name))
            tab = "&nbsp;" * pad + " "
            parts.append(wp(f"<span style='{ARIAL}'>{esc(name)}<span style='mso-tab-count:1'>{tab}</span>{esc(role)}<o:p></o:p></span>",
                            style="margin-bottom:0cm;tab-stops:180.0pt"))
        elif ln.startswith("#N "):
            num, title = ln[3:].split("|")
            nlist += 1
            parts.append(wp(
                f"<![if !supportLists]><b><span style='{ARIAL}'><span style='mso-list:Ignore'>{num}"
                f"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span></b>"
                f"<![endif]><b><span style='{ARIAL}'>{esc(title)}<o:p></o:p></span></b>",
                cls="MsoListParagraph",
                style="margin-top:12.0pt;margin-right:0cm;margin-bottom:6.0pt;margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1"))
        elif ln.startswith("#L "):
            lab, text = ln[3:].split("|")
            parts.append(wp(
                f"<![if !supportLists]><span style='{ARIAL}'><span style='mso-list:Ignore'>{lab}"
                f"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>"
                f"<![endif]><span style='{ARIAL}'>{esc(text)}<o:p></o:p></span>",
                cls="MsoListParagraphCxSpMiddle",
                style="margin-left:54.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l1 level1 lfo2"))
        elif ln.startswith("#T "):
            table.append(ln[3:].split("|"))
        else:
            parts.append(wp(f"<span style='{ARIAL}'>{esc(ln)}<o:p></o:p></span>", style="margin-left:18.0pt;text-align:justify"))
    flush_table()
    html = WORD_HEAD + "\n\n".join(word_wrap(p) for p in parts) + "\n" + WORD_TAIL
    html = html.replace("\n", "\r\n")
    out.write_bytes(html.encode("cp1252"))


# ---------------------------------------------------------------------------
# 3. Minutes with a summary of decisions (.docx)
# ---------------------------------------------------------------------------
def add_field(paragraph, instr, cached):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def r_with(el):
        r = OxmlElement("w:r")
        r.append(el)
        paragraph._p.append(r)
        return r

    b = OxmlElement("w:fldChar")
    b.set(qn("w:fldCharType"), "begin")
    r_with(b)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    r_with(it)
    s = OxmlElement("w:fldChar")
    s.set(qn("w:fldCharType"), "separate")
    r_with(s)
    t = OxmlElement("w:t")
    t.text = cached
    r = r_with(t)
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "18")
    rpr.append(sz)
    r.insert(0, rpr)
    e = OxmlElement("w:fldChar")
    e.set(qn("w:fldCharType"), "end")
    r_with(e)


def shade(cell, fill):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def build_docx(lines, out):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    st.paragraph_format.space_after = Pt(6)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    cp = doc.core_properties
    cp.author = "Democratic Services"
    cp.last_modified_by = "Democratic Services"
    cp.title = "Health and Wellbeing Board minutes 27 February 2025"
    cp.created = datetime(2025, 3, 3, 9, 15, 0)
    cp.modified = datetime(2025, 3, 4, 16, 40, 0)
    cp.revision = 4
    summary = []

    def flush_summary():
        if not summary:
            return
        t = doc.add_table(rows=0, cols=4)
        t.style = "Table Grid"
        t.autofit = False
        widths = [Cm(1.4), Cm(8.6), Cm(3.6), Cm(3.0)]
        for gc, wd in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths):
            gc.set(qn("w:w"), str(int(wd.twips)))
        for r, cells in enumerate(summary):
            row = t.add_row()
            for c, txt in enumerate(cells):
                cell = row.cells[c]
                cell.width = widths[c]
                p = cell.paragraphs[0]
                p.paragraph_format.space_after = Pt(2)
                run = p.add_run(txt)
                run.font.size = Pt(9.5)
                if r == 0:
                    run.bold = True
                    shade(cell, "D9D9D9")
        summary.clear()

    for ln in lines:
        if not ln.strip():
            continue
        if not ln.startswith("#S ") and summary:
            flush_summary()
        if ln.startswith("#HEADER "):
            p = sec.header.paragraphs[0]
            p.text = ln[8:]
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.runs[0].font.size = Pt(9)
        elif ln.startswith("#FOOTER "):
            p = sec.footer.paragraphs[0]
            r = p.add_run(ln[8:] + "\t\tPage ")
            r.font.size = Pt(9)
            add_field(p, "PAGE", "1")
            p.add_run(" of ").font.size = Pt(9)
            add_field(p, "NUMPAGES", "4")
        elif ln.startswith("#TITLE "):
            p = doc.add_paragraph()
            r = p.add_run(ln[7:])
            r.bold = True
            r.font.size = Pt(12)
        elif ln.startswith("#H "):
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(10)
            p.add_run(ln[3:]).bold = True
        elif ln.startswith("#B "):
            p = doc.add_paragraph()
            p.add_run(ln[3:]).bold = True
        elif ln == "#BR":
            doc.add_paragraph()
        elif ln.startswith("#S "):
            summary.append(ln[3:].split("|"))
        elif ln.startswith("#N "):
            num, title = ln[3:].split("|")
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(12)
            p.paragraph_format.left_indent = Cm(1.27)
            p.paragraph_format.first_line_indent = Cm(-1.27)
            p.add_run(f"{num}\t{title}").bold = True
        elif ln.startswith("#R ") or ln.startswith("#L "):
            lab, text = ln[3:].split("|")
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(2.27)
            p.paragraph_format.first_line_indent = Cm(-1.0)
            p.add_run(f"{lab}\t{text}")
        else:
            p = doc.add_paragraph(ln)
            if not (ln.startswith(("Mrs.", "Mr.", "Cllr.", "Dr.", "Ms.", "Ch.")) and (" – " in ln or ln.endswith(("CC", "Chair)")))):
                p.paragraph_format.left_indent = Cm(1.27)
    flush_summary()
    buf = io.BytesIO()
    doc.save(buf)
    # rewrite the zip with fixed timestamps so that the file is reproducible
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    obuf = io.BytesIO()
    with zipfile.ZipFile(obuf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 4, 16, 40, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    out.write_bytes(obuf.getvalue())


# ---------------------------------------------------------------------------
# 4. Options appraisal: covering report (portrait) + borderless table (landscape)
# ---------------------------------------------------------------------------
class Report(FPDF):
    head = foot = ""

    def header(self):
        self.set_font("Sans", "", 8)
        self.set_text_color(80)
        self.set_xy(self.l_margin, 8)
        self.cell(self.w - self.l_margin - self.r_margin, 4, self.head, align="R")
        self.set_text_color(0)
        self.set_y(18)

    def footer(self):
        self.set_font("Sans", "B", 8)
        self.set_text_color(80)
        self.set_xy(self.l_margin, self.h - 11)
        self.cell(self.w - self.l_margin - self.r_margin, 4, self.foot, align="C")
        self.set_font("Sans", "", 8)
        self.set_xy(self.l_margin, self.h - 11)
        self.cell(self.w - self.l_margin - self.r_margin, 4, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0)


def build_options(lines, out):
    pdf = Report(format="A4")
    pdf.set_creation_date(datetime(2025, 3, 10, 12, 5, tzinfo=timezone.utc))
    pdf.set_creator("Microsoft® Word for Microsoft 365")
    pdf.set_producer("Microsoft® Word for Microsoft 365")
    add_fonts(pdf)
    pdf.alias_nb_pages()
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=18)
    cols, rows, notes = None, [], []
    started_table = False
    for ln in lines:
        if not ln.strip():
            continue
        if ln.startswith("@header "):
            pdf.head = ln[8:]
            continue
        if ln.startswith("@footer "):
            pdf.foot = ln[8:]
            pdf.add_page()
            continue
        W = pdf.w - pdf.l_margin - pdf.r_margin
        if ln.startswith("#LOGO "):
            pdf.set_font("Sans", "B", 18)
            pdf.set_text_color(0, 94, 120)
            pdf.cell(W, 9, ln[6:], align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0)
            pdf.ln(2)
        elif ln.startswith("#META "):
            pdf.set_font("Sans", "", 10.5)
            pdf.cell(W, 5.6, ln[6:], new_x="LMARGIN", new_y="NEXT")
        elif ln.startswith("#TITLE "):
            pdf.ln(3)
            pdf.set_font("Sans", "B", 14)
            pdf.multi_cell(W, 7, ln[7:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif ln.startswith("#H "):
            pdf.ln(2)
            pdf.set_font("Sans", "B", 11.5)
            pdf.cell(W, 7, ln[3:], new_x="LMARGIN", new_y="NEXT")
        elif ln.startswith("#CONTACT "):
            pdf.set_font("Sans", "", 9.5)
            pdf.cell(W, 5, ln[9:], new_x="LMARGIN", new_y="NEXT")
        elif ln.startswith("#TABLETITLE "):
            pdf.set_margins(12, 18, 12)
            pdf.add_page(orientation="L")
            pdf.set_font("Sans", "B", 12)
            pdf.cell(0, 7, ln[12:], new_x="LMARGIN", new_y="NEXT")
            started_table = True
        elif ln.startswith("#TABLENOTE "):
            if rows:
                draw_options_table(pdf, cols, rows)
                rows = []
                pdf.ln(3)
            pdf.set_font("Sans", "I", 8)
            pdf.multi_cell(0, 4, ln[11:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif ln.startswith("#COLS "):
            cols = ln[6:].split("|")
        elif ln.startswith("#ROW "):
            rows.append(ln[5:].split("|"))
        elif re.match(r"^\d+\.\d+\|", ln):
            num, text = ln.split("|", 1)
            pdf.set_font("Sans", "", 10.5)
            y = pdf.get_y()
            pdf.cell(12, 5.4, num)
            pdf.set_xy(pdf.l_margin + 12, y)
            pdf.multi_cell(W - 12, 5.4, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        else:
            raise ValueError(ln)
    if rows:
        draw_options_table(pdf, cols, rows)
    pdf.output(str(out))


def draw_options_table(pdf, cols, rows):
    widths = [26, 57, 45, 55, 34, 13, 15, 28]
    lh = 4.1
    RAG = {"Red": (192, 0, 0), "Amber": (200, 120, 0), "Green": (0, 128, 60)}

    def header_row():
        pdf.set_font("Sans", "B", 8.5)
        x = pdf.l_margin
        y = pdf.get_y()
        for w, c in zip(widths, cols):
            pdf.set_xy(x, y)
            pdf.multi_cell(w - 2, lh, c, align="L")
            x += w
        pdf.set_xy(pdf.l_margin, y + lh + 3)

    header_row()
    pdf.set_font("Sans", "", 8.5)
    for row in rows:
        # measure
        heights = []
        for w, c in zip(widths, row):
            n = len(pdf.multi_cell(w - 2, lh, c, align="L", dry_run=True, output="LINES"))
            heights.append(n * lh)
        h = max(heights)
        if pdf.get_y() + h > pdf.h - 20:
            pdf.add_page(orientation="L")
            header_row()
            pdf.set_font("Sans", "", 8.5)
        y = pdf.get_y()
        x = pdf.l_margin
        for i, (w, c) in enumerate(zip(widths, row)):
            pdf.set_xy(x, y)
            if i == 0:
                pdf.set_font("Sans", "B", 8.5)
            if cols[i] == "RAG":
                pdf.set_text_color(*RAG.get(c, (0, 0, 0)))
                pdf.set_font("Sans", "B", 8.5)
            pdf.multi_cell(w - 2, lh, c, align="L")
            pdf.set_text_color(0)
            pdf.set_font("Sans", "", 8.5)
            x += w
        pdf.set_xy(pdf.l_margin, y + h + 4)


# ---------------------------------------------------------------------------
# 5. Terms of reference with printed tracked changes
# ---------------------------------------------------------------------------
RED = (190, 0, 0)
TOKEN = re.compile(r"(\[-.*?-\]|\{\+.*?\+\})")


def parse_changes(text):
    segs = []
    for part in TOKEN.split(text):
        if not part:
            continue
        if part.startswith("[-"):
            segs.append((part[2:-2], "del"))
        elif part.startswith("{+"):
            segs.append((part[2:-2], "ins"))
        else:
            segs.append((part, "n"))
    return segs


def pieces(segs):
    """Split segments into (word, trailing_space, style) pieces."""
    out = []
    for text, style in segs:
        for m in re.finditer(r"(\S+)(\s*)|(\s+)", text):
            if m.group(3):
                if out:
                    w, sp, s = out[-1]
                    out[-1] = (w, sp + m.group(3), s)
                else:
                    out.append(("", m.group(3), style))
            else:
                out.append((m.group(1), m.group(2), style))
    return out


class Tracked(FPDF):
    head = foot = ""
    balloons = None

    def header(self):
        self.set_font("Sans", "", 8)
        self.set_text_color(80)
        self.set_xy(15, 8)
        self.cell(180, 4, self.head)
        self.set_text_color(0)
        self.set_y(20)

    def footer(self):
        self.flush_balloons()
        self.set_font("Sans", "", 8)
        self.set_text_color(80)
        self.set_xy(15, self.h - 11)
        self.cell(120, 4, self.foot)
        self.set_xy(150, self.h - 11)
        self.cell(45, 4, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0)

    def flush_balloons(self):
        if not self.balloons:
            return
        floor = 20
        for y, label, text in self.balloons:
            y = max(y, floor)
            self.set_font("Sans", "", 7)
            self.set_text_color(*RED)
            body = f"Comment [{label}]: {text}"
            nlines = self.multi_cell(50, 3.3, body, align="L", dry_run=True, output="LINES")
            h = len(nlines) * 3.3 + 2
            self.set_draw_color(*RED)
            self.set_line_width(0.2)
            self.rect(148, y, 54, h)
            self.set_xy(150, y + 1)
            self.multi_cell(50, 3.3, body, align="L")
            floor = y + h + 2
        self.set_text_color(0)
        self.set_draw_color(0)
        self.balloons = []


def measure_rich(pdf, segs, width, size=10.5, style=""):
    pcs = pieces(segs)
    lines, cur, curw = [], [], 0.0
    pdf.set_font("Sans", style, size)
    for w, sp, st in pcs:
        ww = pdf.get_string_width(w)
        spw = pdf.get_string_width(sp)
        if cur and curw + ww > width:
            lines.append(cur)
            cur, curw = [], 0.0
        cur.append((w, sp, st))
        curw += ww + spw
    if cur:
        lines.append(cur)
    return lines


def layout_rich(pdf, segs, x0, width, size=10.5, lh=5.4, style=""):
    """Lay out text with tracked changes: deletions struck through, insertions underlined."""
    lines = measure_rich(pdf, segs, width, size, style)
    first_y = None
    for line in lines:
        if pdf.get_y() + lh > pdf.h - 20:
            pdf.add_page()
        y = pdf.get_y()
        if first_y is None:
            first_y = y
        x = x0
        changed = False
        runs = []
        for w, sp, st in line:
            if runs and runs[-1][1] == st:
                runs[-1][0].append((w, sp))
            else:
                runs.append([[(w, sp)], st])
        for i, (words, st) in enumerate(runs):
            text = "".join(w + sp for w, sp in words)
            if i == len(runs) - 1:
                text = text.rstrip()
            pdf.set_font("Sans", style, size)
            core = text.rstrip()
            lead = pdf.get_string_width(text) - pdf.get_string_width(text.lstrip())
            tw = pdf.get_string_width(text)
            cw = pdf.get_string_width(core)
            if st != "n":
                changed = True
                pdf.set_text_color(*RED)
            pdf.set_xy(x, y)
            pdf.cell(tw, lh, text)
            if st in ("del", "ins") and core.strip():
                pdf.set_draw_color(*RED)
                pdf.set_line_width(0.25)
                ly = y + lh / 2 + 0.35 if st == "del" else y + lh - 0.9
                pdf.line(x + lead, ly, x + cw, ly)
            pdf.set_text_color(0)
            pdf.set_draw_color(0)
            x += tw
        if changed:
            pdf.set_draw_color(0)
            pdf.set_line_width(0.5)
            pdf.line(12, y + 0.5, 12, y + lh - 0.5)
        pdf.set_y(y + lh)
    return first_y


def build_tracked(lines, out):
    pdf = Tracked(format="A4")
    pdf.balloons = []
    pdf.set_creation_date(datetime(2025, 6, 10, 15, 22, tzinfo=timezone.utc))
    pdf.set_creator("Microsoft® Word for Microsoft 365")
    pdf.set_producer("Microsoft® Word for Microsoft 365")
    add_fonts(pdf)
    pdf.alias_nb_pages()
    pdf.c_margin = 0
    pdf.set_margins(20, 20, 15)
    pdf.set_auto_page_break(False)
    body_w = 124  # Word shrinks the text to leave room for the markup balloons
    for ln in lines:
        if not ln.strip():
            continue
        if ln.startswith("@header "):
            pdf.head = ln[8:]
            continue
        if ln.startswith("@footer "):
            pdf.foot = ln[8:]
            continue
        if ln in ("#COVER", "#TOR"):
            pdf.add_page()
            continue
        if ln.startswith("#TITLE "):
            pdf.set_font("Sans", "B", 13.5)
            pdf.set_x(20)
            pdf.multi_cell(body_w, 6.5, ln[7:], align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif ln.startswith("#META "):
            layout_rich(pdf, parse_changes(ln[6:]), 20, body_w, size=9.5, lh=4.8)
        elif ln.startswith("#H "):
            if pdf.get_y() > pdf.h - 40:
                pdf.add_page()
            pdf.ln(3)
            pdf.set_font("Sans", "B", 11)
            pdf.set_x(20)
            pdf.cell(body_w, 6, ln[3:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        else:
            num, text = ln.split("|", 1)
            comment = None
            m = re.search(r" @(CDP\d+): (.*)$", text)
            if m:
                comment = (m.group(1), m.group(2))
                text = text[: m.start()]
            segs = parse_changes(text)
            need = len(measure_rich(pdf, segs, body_w - (18 if num == "-" else 13))) * 5.4
            if pdf.get_y() + need > pdf.h - 20:
                pdf.add_page()
            y = pdf.get_y()
            pdf.set_font("Sans", "", 10.5)
            if num == "-":
                pdf.set_xy(33, y)
                pdf.cell(4, 5.4, "•")
                fy = layout_rich(pdf, segs, 38, body_w - 18)
            else:
                pdf.set_xy(20, y)
                pdf.cell(12, 5.4, num)
                pdf.set_y(y)
                fy = layout_rich(pdf, segs, 33, body_w - 13)
            if comment:
                pdf.set_draw_color(*RED)
                pdf.set_line_width(0.15)
                pdf.set_dash_pattern(dash=0.6, gap=0.6)
                pdf.line(33 + body_w - 13, fy + 2.7, 148, fy + 2.7)
                pdf.set_dash_pattern()
                pdf.set_draw_color(0)
                pdf.balloons.append((fy, comment[0], comment[1]))
            pdf.ln(1.6 if num == "-" else 2.6)
    pdf.output(str(out))


def main():
    RAW.mkdir(exist_ok=True)
    build_webpage(read_src("01_abc_cpp_review_webpage.txt"), RAW / FILES[1])
    build_word_html(read_src("02_torbay_sct_minutes.txt"), RAW / FILES[2])
    build_docx(read_src("03_leicestershire_hwb_minutes.txt"), RAW / FILES[3])
    build_options(read_src("04_wiltshire_csp_options.txt"), RAW / FILES[4])
    build_tracked(read_src("05_nottingham_cdp_tor_tracked.txt"), RAW / FILES[5])
    for k in sorted(FILES):
        p = RAW / FILES[k]
        print(f"{p.stat().st_size:>8}  {p.name}")


if __name__ == "__main__":
    sys.exit(main())
