#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/.

Five invented council documents (real places, invented people, figures and decisions):

  01  Oxford City Council web page printed to PDF by a browser (Chrome-style header/footer)
  02  Halton Strategic Partnership Board minutes saved from Word as "Web Page, Filtered" (.htm)
  03  Brighton & Hove Health & Wellbeing Board minutes opening with a summary of decisions (.docx)
  04  Preston City Council cabinet report with a landscape options appraisal without rules (.pdf)
  05  Wrexham Public Services Board revised terms of reference, printed tracked changes (.pdf)

Everything is deterministic: fixed creation dates, no randomness (the few "noise" choices are
fixed by a seeded random.Random), and the .docx zip is rewritten with fixed timestamps.

Usage:  /work/main/.venv/bin/python make_documents.py
"""
import datetime as dt
import html
import io
import os
import random
import re
import zipfile

from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
RAW = os.path.join(HERE, "raw")

LIB = "/usr/share/fonts/truetype/liberation/"
DJV = "/usr/share/fonts/truetype/dejavu/"

FILES = {
    1: "oxford_safercommunitiespartnership_review-webpage_2025-03.pdf",
    2: "halton_strategicpartnershipboard_minutes_2024-11.htm",
    3: "brightonhove_healthwellbeingboard_minutes_2025-01.docx",
    4: "preston_communitysafetypartnership_optionsappraisal_2024-09.pdf",
    5: "wrexham_publicservicesboard_tor-trackedchanges_2025-06.pdf",
}


def read_src(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        return f.read()


def add_fonts(pdf):
    pdf.add_font("Sans", "", LIB + "LiberationSans-Regular.ttf")
    pdf.add_font("Sans", "B", LIB + "LiberationSans-Bold.ttf")
    pdf.add_font("Sans", "I", LIB + "LiberationSans-Italic.ttf")
    pdf.add_font("Sans", "BI", LIB + "LiberationSans-BoldItalic.ttf")
    pdf.add_font("Serif", "", LIB + "LiberationSerif-Regular.ttf")
    pdf.add_font("Serif", "B", LIB + "LiberationSerif-Bold.ttf")
    pdf.add_font("DejaVu", "", DJV + "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", DJV + "DejaVuSans-Bold.ttf")


def fix_meta(pdf, when, title, author, creator, producer):
    pdf.set_creation_date(when)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator(creator)
    pdf.set_producer(producer)


# ---------------------------------------------------------------------------------------------
# 01  Web page printed to PDF
# ---------------------------------------------------------------------------------------------

def parse_sections(text):
    secs, cur = {}, None
    for line in text.splitlines():
        if line.startswith("@@ "):
            cur = line[3:].strip()
            secs[cur] = []
        elif cur is not None and line.strip():
            secs[cur].append(line.rstrip())
    return secs


class PrintedPage(FPDF):
    """A page as Chrome prints it: date/time and page title at the top, URL and n/N at the bottom."""

    def __init__(self, printed, title, url, total):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.printed, self.ptitle, self.url, self.total = printed, title, url, total
        add_fonts(self)
        self.set_margins(14, 16, 14)
        self.set_auto_page_break(True, 16)

    def header(self):
        self.set_font("Sans", "", 7.5)
        self.set_text_color(0, 0, 0)
        self.text(7, 6.5, self.printed)
        w = self.get_string_width(self.ptitle)
        self.text((210 - w) / 2, 6.5, self.ptitle)
        self.set_xy(14, 16)

    def footer(self):
        self.set_font("Sans", "", 7.5)
        self.set_text_color(0, 0, 0)
        self.text(7, 293, self.url)
        pn = f"{self.page_no()}/{self.total}"
        self.text(203 - self.get_string_width(pn), 293, pn)


def build_webpage(total):
    secs = parse_sections(read_src("01_oxford_oscp_review_webpage.txt"))
    title = secs["title"][0]
    url = secs["url"][0]
    printed = secs["printed"][0]
    pdf = PrintedPage(printed, title, url, total)
    fix_meta(pdf, dt.datetime(2025, 3, 14, 9, 47, 12, tzinfo=dt.timezone.utc), title, "", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36", "Skia/PDF m134")
    pdf.add_page()
    L, W = 14, 182
    BLUE = (0, 94, 165)
    DARK = (11, 12, 12)

    def para(text, size=10, style="", color=DARK, lh=None, indent=0, after=2.2):
        pdf.set_font("Sans", style, size)
        pdf.set_text_color(*color)
        pdf.set_x(L + indent)
        pdf.multi_cell(W - indent, lh or size * 0.48, text, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(after)

    def buttons(line, size=9):
        labels = re.findall(r"\[([^\]]+)\]", line)
        pdf.set_font("Sans", "B", size)
        x = L
        y = pdf.get_y()
        if y + 9 > 297 - 16:
            pdf.add_page()
            y = pdf.get_y()
        for lab in labels:
            w = pdf.get_string_width(lab) + 8
            pdf.set_draw_color(0, 112, 60)
            pdf.set_text_color(0, 112, 60)
            pdf.set_line_width(0.4)
            pdf.rect(x, y, w, 7)
            pdf.text(x + 4, y + 4.8, lab)
            x += w + 4
        pdf.set_text_color(*DARK)
        pdf.set_y(y + 10)

    def link(text, size=10):
        pdf.set_font("Sans", "U", size)
        pdf.set_text_color(*BLUE)
        pdf.set_x(L)
        pdf.multi_cell(W, size * 0.48, text, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.set_text_color(*DARK)
        pdf.ln(1.8)

    # cookie banner (printed as it sat on the screen)
    pdf.set_draw_color(177, 180, 182)
    pdf.set_line_width(0.3)
    y0 = pdf.get_y()
    ck = secs["cookie"]
    pdf.set_y(y0 + 2)
    para(ck[0], 12, "B", after=1.5)
    for line in ck[1:]:
        if line.startswith("["):
            buttons(line)
        else:
            para(line, 9.5, after=1.2)
    pdf.line(L, pdf.get_y(), L + W, pdf.get_y())
    pdf.ln(3)
    # masthead
    mh = secs["masthead"]
    pdf.set_font("Serif", "B", 17)
    pdf.set_text_color(*DARK)
    pdf.text(L, pdf.get_y() + 6, mh[0])
    pdf.set_font("Sans", "", 8.5)
    pdf.set_text_color(*BLUE)
    w = pdf.get_string_width(mh[1])
    pdf.text(L + W - w, pdf.get_y() + 5.5, mh[1])
    pdf.set_y(pdf.get_y() + 10)
    # navigation
    pdf.set_draw_color(0, 94, 165)
    pdf.set_line_width(0.8)
    pdf.line(L, pdf.get_y(), L + W, pdf.get_y())
    pdf.ln(2)
    nav = "    ".join(x.strip() for x in secs["nav"][0].split("|"))
    para(nav, 9, "B", BLUE, lh=4.6, after=1)
    pdf.line(L, pdf.get_y(), L + W, pdf.get_y())
    pdf.ln(3)
    # breadcrumb
    para(secs["breadcrumb"][0], 8.5, "", BLUE, after=4)

    content = secs["content"]
    for line in content:
        if line.startswith("# "):
            para(line[2:], 20, "B", lh=8.6, after=2)
        elif line.startswith("## "):
            pdf.ln(2)
            if pdf.get_y() > 297 - 40:
                pdf.add_page()
            para(line[3:], 14.5, "B", after=1.5)
        elif line.startswith("### "):
            pdf.ln(1)
            if pdf.get_y() > 297 - 34:
                pdf.add_page()
            para(line[4:], 11.5, "B", after=1.2)
        elif line.startswith("~ "):
            para(line[2:], 8.5, "", (80, 85, 90), after=3)
        elif line.startswith("* "):
            pdf.set_font("Sans", "", 10)
            pdf.set_text_color(*DARK)
            pdf.text(L + 1, pdf.get_y() + 3.6, "–")
            pdf.set_font("Sans", "U", 10)
            pdf.set_text_color(*BLUE)
            pdf.set_x(L + 6)
            pdf.multi_cell(W - 6, 4.8, line[2:], new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(0.6)
            if not content[content.index(line) + 1].startswith("* "):
                pdf.ln(3)
        elif line.startswith("- "):
            if pdf.get_y() > 297 - 26:
                pdf.add_page()
            pdf.set_font("Sans", "", 10)
            pdf.set_text_color(*DARK)
            pdf.text(L + 2, pdf.get_y() + 3.6, "•")
            pdf.set_x(L + 7)
            pdf.multi_cell(W - 7, 4.8, line[2:], new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(1.4)
        elif line.startswith("["):
            buttons(line, 10)
        elif line.startswith("LINK "):
            link(line[5:])
        else:
            para(line, 10, lh=4.8, after=2.6)

    # "Was this page helpful?"
    pdf.ln(4)
    if pdf.get_y() > 297 - 60:
        pdf.add_page()
    pdf.set_draw_color(177, 180, 182)
    pdf.set_line_width(0.3)
    pdf.line(L, pdf.get_y(), L + W, pdf.get_y())
    pdf.ln(3)
    for line in secs["helpful"]:
        if line.startswith("["):
            buttons(line)
        elif line.startswith("LINK "):
            link(line[5:], 9)
        else:
            para(line, 11, "B", after=1.5)
    pdf.ln(3)
    rel = secs["related"]
    para(rel[0], 13, "B", after=1.5)
    for line in rel[1:]:
        link(line[5:], 9.5)
    # site footer
    pdf.ln(4)
    if pdf.get_y() > 297 - 40:
        pdf.add_page()
    pdf.set_draw_color(0, 94, 165)
    pdf.set_line_width(0.8)
    pdf.line(L, pdf.get_y(), L + W, pdf.get_y())
    pdf.ln(3)
    ft = secs["footer"]
    para("    ".join(x.strip() for x in ft[0].split("|")), 8.5, "", BLUE, lh=4.4, after=1.5)
    para(ft[1], 8.5, "", DARK, after=1.5)
    para(ft[2], 8.5, "", DARK, after=1)
    return pdf


def make_webpage():
    n = build_webpage(0).pages_count
    pdf = build_webpage(n)
    return bytes(pdf.output())


# ---------------------------------------------------------------------------------------------
# 02  Word "Save as Web Page, Filtered"
# ---------------------------------------------------------------------------------------------

WORD_HEAD = """<html>

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<title>{title}</title>
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:Wingdings;
	panose-1:5 0 0 0 0 0 0 0 0 0;}}
@font-face
	{{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}}
@font-face
	{{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}}
@font-face
	{{font-family:Tahoma;
	panose-1:2 11 6 4 3 5 4 4 2 4;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin:0cm;
	font-size:12.0pt;
	font-family:"Arial",sans-serif;}}
p.MsoHeader, li.MsoHeader, div.MsoHeader
	{{mso-style-link:"Header Char";
	margin:0cm;
	font-size:12.0pt;
	font-family:"Arial",sans-serif;}}
p.MsoAcetate, li.MsoAcetate, div.MsoAcetate
	{{mso-style-link:"Balloon Text Char";
	margin:0cm;
	font-size:8.0pt;
	font-family:"Tahoma",sans-serif;}}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
	{{margin-top:0cm;
	margin-right:0cm;
	margin-bottom:0cm;
	margin-left:36.0pt;
	font-size:12.0pt;
	font-family:"Arial",sans-serif;}}
p.MsoListParagraphCxSpFirst, li.MsoListParagraphCxSpFirst, div.MsoListParagraphCxSpFirst
	{{margin-top:0cm;
	margin-right:0cm;
	margin-bottom:0cm;
	margin-left:36.0pt;
	font-size:12.0pt;
	font-family:"Arial",sans-serif;}}
p.MsoListParagraphCxSpMiddle, li.MsoListParagraphCxSpMiddle, div.MsoListParagraphCxSpMiddle
	{{margin-top:0cm;
	margin-right:0cm;
	margin-bottom:0cm;
	margin-left:36.0pt;
	font-size:12.0pt;
	font-family:"Arial",sans-serif;}}
p.MsoListParagraphCxSpLast, li.MsoListParagraphCxSpLast, div.MsoListParagraphCxSpLast
	{{margin-top:0cm;
	margin-right:0cm;
	margin-bottom:0cm;
	margin-left:36.0pt;
	font-size:12.0pt;
	font-family:"Arial",sans-serif;}}
span.HeaderChar
	{{mso-style-name:"Header Char";
	mso-style-link:Header;
	font-family:"Arial",sans-serif;}}
span.BalloonTextChar
	{{mso-style-name:"Balloon Text Char";
	mso-style-link:"Balloon Text";
	font-family:"Tahoma",sans-serif;}}
.MsoChpDefault
	{{font-size:10.0pt;}}
 /* Page Definitions */
 @page WordSection1
	{{size:595.3pt 841.9pt;
	margin:53.85pt 53.85pt 53.85pt 53.85pt;}}
div.WordSection1
	{{page:WordSection1;}}
 /* List Definitions */
 ol
	{{margin-bottom:0cm;}}
ul
	{{margin-bottom:0cm;}}
-->
</style>

</head>

<body lang=EN-GB style='word-wrap:break-word'>

<div class=WordSection1>

"""

WORD_TAIL = """</div>

</body>

</html>
"""


def esc(s):
    return html.escape(s, quote=False)


def word_wrap(s, width=76):
    """Wrap an HTML string the way Word does: break at spaces that are outside tags' quoted values."""
    out, line = [], ""
    i, n = 0, len(s)
    in_tag, quote = False, None
    last_break = -1
    while i < n:
        c = s[i]
        line += c
        if in_tag:
            if quote:
                if c == quote:
                    quote = None
            elif c in "'\"":
                quote = c
            elif c == ">":
                in_tag = False
        elif c == "<":
            in_tag = True
        if c == " " and not quote:
            last_break = len(line) - 1
        if len(line) > width and last_break > 0:
            out.append(line[:last_break])
            line = line[last_break + 1:]
            last_break = -1
            # recompute last break in the remainder (rare)
        i += 1
    out.append(line)
    return "\r\n".join(out)


def build_wordhtml():
    rng = random.Random(20241120)
    lines = read_src("02_halton_hsp_minutes_wordhtml.txt").splitlines()
    title = lines[0].split("|", 1)[1]
    body = []
    FONT = "font-size:11.0pt"

    def text_html(t, allow_double_space=True):
        h = esc(t)
        # Word keeps a typed double space after a full stop as "&nbsp; "
        if allow_double_space and rng.random() < 0.6:
            h = re.sub(r"(?<=[a-z0-9)])\. (?=[A-Z])", ".&nbsp; ", h)
        return h

    list_run = []  # buffer for list paragraphs so that CxSpFirst/Middle/Last can be set

    def flush_list():
        if not list_run:
            return
        k = len(list_run)
        for j, (kind, marker, t) in enumerate(list_run):
            if k == 1:
                cls = "MsoListParagraph"
            elif j == 0:
                cls = "MsoListParagraphCxSpFirst"
            elif j == k - 1:
                cls = "MsoListParagraphCxSpLast"
            else:
                cls = "MsoListParagraphCxSpMiddle"
            if kind == "BUL":
                mk = ("<![if !supportLists]><span style='font-size:11.0pt;font-family:Symbol'>"
                      "<span style='mso-list:Ignore'>\u00b7<span style='font:7.0pt \"Times New Roman\"'>"
                      "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>")
                style = "margin-left:36.0pt;text-indent:-18.0pt"
            else:
                pad = "&nbsp;" * (6 if len(marker) <= 2 else 4)
                mk = (f"<![if !supportLists]><span style='{FONT}'><span style='mso-list:Ignore'>{esc(marker)}"
                      f"<span style='font:7.0pt \"Times New Roman\"'>{pad} </span></span></span><![endif]>")
                style = ("margin-left:36.0pt;text-indent:-18.0pt" if kind == "NUM"
                         else "margin-left:54.0pt;text-indent:-27.0pt")
            p = (f"<p class={cls} style='{style}'>{mk}<span style='{FONT}'>{text_html(t, False)}</span>"
                 f"<o:p></o:p></p>")
            body.append(word_wrap(p))
        list_run.clear()

    table_rows = []

    def flush_table():
        if not table_rows:
            return
        widths = [66, 221, 85, 57, 163]
        out = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0",
               " style='border-collapse:collapse;border:none'>"]
        for r, cells in enumerate(table_rows):
            out.append(" <tr>")
            for c, cell in enumerate(cells):
                border = ("border:solid windowtext 1.0pt" if r == 0 and c == 0 else
                          "border:solid windowtext 1.0pt;border-left:none" if r == 0 else
                          "border:solid windowtext 1.0pt;border-top:none" if c == 0 else
                          "border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;"
                          "border-right:solid windowtext 1.0pt")
                shade = ";background:#D9D9D9" if r == 0 else ""
                inner = esc(cell)
                if r == 0:
                    inner = f"<b>{inner}</b>"
                td = (f"  <td width={widths[c]} valign=top style='width:{widths[c] * 0.75:.1f}pt;{border}{shade};"
                      f"padding:0cm 5.4pt 0cm 5.4pt'>\r\n  " +
                      word_wrap(f"<p class=MsoNormal><span style='font-size:10.0pt'>{inner}</span><o:p></o:p></p>")
                      .replace("\r\n", "\r\n  ") + "\r\n  </td>")
                out.append(td)
            out.append(" </tr>")
        out.append("</table>")
        body.append("\r\n".join(out))
        table_rows.clear()

    for raw in lines[1:]:
        parts = raw.split("|")
        tag = parts[0]
        if tag not in ("BUL", "NUM", "RES"):
            flush_list()
        if tag not in ("TH", "TR"):
            flush_table()
        if tag == "E":
            body.append("<p class=MsoNormal><span style='font-size:11.0pt'>&nbsp;</span><o:p></o:p></p>")
        elif tag == "C":
            body.append(word_wrap(f"<p class=MsoNormal align=center style='text-align:center'><b><span"
                                  f" style='font-size:14.0pt'>{esc(parts[1])}</span></b><o:p></o:p></p>"))
        elif tag == "B":
            body.append(word_wrap(f"<p class=MsoNormal><b><span style='{FONT};mso-bidi-font-weight:normal'>"
                                  f"{esc(parts[1])}</span></b><o:p></o:p></p>"))
        elif tag == "H":
            body.append(word_wrap(f"<p class=MsoNormal style='margin-left:70.9pt;text-indent:-70.9pt'><b><span"
                                  f" style='{FONT}'>{esc(parts[1])}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;"
                                  f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; {esc(parts[2])}</span></b><o:p></o:p></p>"))
        elif tag == "P":
            t = parts[1]
            if t.startswith("RESOLVED:"):
                h = "<b>RESOLVED:</b>" + esc(t[len("RESOLVED:"):])
            elif ":" in t[:40] and t.split(":")[0] in ("Present", "Apologies for absence",
                                                          "Absence declared on Council business",
                                                          "Officers present", "Also in attendance"):
                k, v = t.split(":", 1)
                h = f"<b>{esc(k)}:</b>{esc(v)}"
            else:
                h = text_html(t)
            body.append(word_wrap(f"<p class=MsoNormal style='margin-left:70.9pt;text-align:justify'><span"
                                  f" style='{FONT};mso-fareast-language:EN-GB'>{h}</span><o:p></o:p></p>"))
        elif tag in ("BUL", "NUM", "RES"):
            if tag == "BUL":
                list_run.append(("BUL", "", parts[1]))
            else:
                list_run.append((tag, parts[1], parts[2]))
        elif tag in ("TH", "TR"):
            table_rows.append(parts[1:])
    flush_list()
    flush_table()
    doc = WORD_HEAD.format(title=esc(title)).replace("\n", "\r\n") + "\r\n\r\n".join(body) + "\r\n\r\n" + \
        WORD_TAIL.replace("\n", "\r\n")
    return doc.encode("cp1252", errors="xmlcharrefreplace")


# ---------------------------------------------------------------------------------------------
# 03  Minutes with a summary of decisions (.docx)
# ---------------------------------------------------------------------------------------------

def build_docx():
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    lines = read_src("03_brightonhove_hwb_minutes_docx.txt").splitlines()
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    st.paragraph_format.space_after = Pt(0)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(2.0)

    def shade(cell, fill):
        tcPr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tcPr.append(shd)

    rows = []

    def flush_table():
        if not rows:
            return
        t = doc.add_table(rows=0, cols=4)
        t.style = doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = [Cm(1.3), Cm(8.9), Cm(3.9), Cm(2.5)]
        for r, (kind, cells) in enumerate(rows):
            row = t.add_row()
            for c, txt in enumerate(cells):
                cell = row.cells[c]
                cell.width = widths[c]
                p = cell.paragraphs[0]
                run = p.add_run(txt)
                run.font.size = Pt(9.5)
                if kind == "TH":
                    run.bold = True
                    shade(cell, "D9E2F3")
        rows.clear()
        doc.add_paragraph()

    for raw in lines:
        parts = raw.split("|")
        tag = parts[0]
        if tag not in ("TH", "TR"):
            flush_table()
        if tag == "HDR":
            hp = sec.header.paragraphs[0]
            hp.text = ""
            left, right = parts[1].split("\t")
            r = hp.add_run(left)
            r.bold = True
            r.font.size = Pt(9)
            hp.paragraph_format.tab_stops.add_tab_stop(Cm(16.6), WD_TAB_ALIGNMENT.RIGHT)
            r = hp.add_run("\t" + right)
            r.font.size = Pt(9)
        elif tag == "FTR":
            fp = sec.footer.paragraphs[0]
            fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = fp.add_run(parts[1])
            r.font.size = Pt(8)
            fp2 = sec.footer.add_paragraph()
            fp2.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = fp2.add_run()
            r.font.size = Pt(9)
            for kind, txt in (("begin", None), (None, " PAGE "), ("end", None)):
                if kind:
                    fc = OxmlElement("w:fldChar")
                    fc.set(qn("w:fldCharType"), kind)
                    r._r.append(fc)
                else:
                    it = OxmlElement("w:instrText")
                    it.set(qn("xml:space"), "preserve")
                    it.text = txt
                    r._r.append(it)
        elif tag == "T":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(parts[1])
            r.bold = True
            r.font.size = Pt(13 if parts[1].startswith("BRIGHTON") else 12)
        elif tag == "E":
            doc.add_paragraph()
        elif tag == "P":
            p = doc.add_paragraph()
            t = parts[1]
            if re.match(r"^(Present|Other Members present|Also in attendance):", t):
                k, v = t.split(":", 1)
                p.add_run(k + ":").bold = True
                p.add_run(v)
                p.paragraph_format.space_after = Pt(4)
            elif re.match(r"^\d+\([a-c]\) ", t):
                p.add_run(t).bold = True
                p.paragraph_format.left_indent = Cm(1.5)
                p.paragraph_format.space_before = Pt(4)
            else:
                p.add_run(t)
                p.paragraph_format.space_after = Pt(6)
        elif tag == "B":
            p = doc.add_paragraph()
            r = p.add_run(parts[1])
            r.bold = True
            p.paragraph_format.space_after = Pt(6)
            p.paragraph_format.keep_with_next = True
            if "\t" in parts[1]:
                p.paragraph_format.left_indent = Cm(1.5)
                p.paragraph_format.first_line_indent = Cm(-1.5)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(1.5))
        elif tag == "N":
            p = doc.add_paragraph()
            p.add_run(parts[1] + "\t")
            t = parts[2]
            if t.startswith("RESOLVED"):
                p.add_run("RESOLVED").bold = True
                p.add_run(t[len("RESOLVED"):])
            else:
                p.add_run(t)
            pf = p.paragraph_format
            pf.left_indent = Cm(1.5)
            pf.first_line_indent = Cm(-1.5)
            pf.tab_stops.add_tab_stop(Cm(1.5))
            pf.space_after = Pt(6)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif tag == "R":
            p = doc.add_paragraph()
            p.add_run(parts[1] + "\t" + parts[2])
            pf = p.paragraph_format
            pf.left_indent = Cm(2.7)
            pf.first_line_indent = Cm(-1.2)
            pf.tab_stops.add_tab_stop(Cm(2.7))
            pf.space_after = Pt(6)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif tag in ("TH", "TR"):
            rows.append((tag, parts[1:]))
    flush_table()

    cp = doc.core_properties
    when = dt.datetime(2025, 1, 23, 10, 15, 0)
    cp.author = "Lucy Marr"
    cp.last_modified_by = "Lucy Marr"
    cp.title = "Health & Wellbeing Board minutes 21 January 2025"
    cp.subject = ""
    cp.keywords = ""
    cp.comments = ""
    cp.category = ""
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 4
    buf = io.BytesIO()
    doc.save(buf)
    # rewrite the zip with fixed timestamps so that the bytes do not depend on the clock
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 23, 10, 15, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zi.create_system = 0
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Shared helpers for the two council report PDFs (04, 05)
# ---------------------------------------------------------------------------------------------

class ReportPDF(FPDF):
    def __init__(self, runhdr, footer_fn):
        super().__init__(orientation="P", unit="mm", format="A4")
        add_fonts(self)
        self.runhdr = runhdr
        self.footer_fn = footer_fn
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, 20)

    def header(self):
        if self.runhdr and self.page_no() > 1:
            self.set_font("Sans", "I", 8)
            self.set_text_color(90, 90, 90)
            self.text(self.l_margin, 11, self.runhdr)
            self.set_text_color(0, 0, 0)
        self.set_y(20 if self.page_no() > 1 else 16)

    def footer(self):
        self.footer_fn(self)


def report_front(pdf, lines, accent):
    """Render the covering-report part shared by documents 04 and 05. Returns remaining lines."""
    L = pdf.l_margin
    W = pdf.w - pdf.l_margin - pdf.r_margin
    kv = []

    def flush_kv():
        if not kv:
            return
        pdf.set_draw_color(*accent)
        pdf.set_line_width(0.3)
        for k, v in kv:
            y = pdf.get_y()
            pdf.set_font("Sans", "B", 10)
            pdf.set_xy(L, y)
            pdf.multi_cell(45, 5, k, new_x="RIGHT", new_y="TOP")
            pdf.set_font("Sans", "", 10)
            pdf.set_xy(L + 47, y)
            pdf.multi_cell(W - 47, 5, v, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        pdf.line(L, pdf.get_y() + 1, L + W, pdf.get_y() + 1)
        pdf.ln(5)
        kv.clear()

    i = 0
    while i < len(lines):
        raw = lines[i]
        if raw.startswith("@@"):
            flush_kv()
            return lines[i + 1:]
        parts = raw.split("|")
        tag = parts[0]
        if tag != "KV":
            flush_kv()
        if tag in ("RUNHDR", "RUNFTR"):
            pass
        elif tag == "LOGO":
            pdf.set_font("Sans", "B", 18)
            pdf.set_text_color(*accent)
            pdf.set_x(L)
            pdf.cell(W, 9, parts[1], new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
        elif tag == "LOGO2":
            pdf.set_font("Sans", "I", 13)
            pdf.set_text_color(*accent)
            pdf.set_x(L)
            pdf.cell(W, 7, parts[1], new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.ln(3)
        elif tag == "T":
            pdf.ln(2)
            pdf.set_font("Sans", "B", 14)
            pdf.set_x(L)
            pdf.cell(W, 8, parts[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif tag == "KV":
            kv.append((parts[1], parts[2]))
        elif tag == "H":
            pdf.ln(2)
            if pdf.get_y() > pdf.h - 45:
                pdf.add_page()
            pdf.set_font("Sans", "B", 11.5)
            pdf.set_x(L)
            pdf.cell(W, 7, parts[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif tag == "SH":
            pdf.set_font("Sans", "BI", 10.5)
            pdf.set_x(L + 12)
            pdf.cell(W - 12, 6, parts[1], new_x="LMARGIN", new_y="NEXT")
        elif tag == "N":
            pdf.set_font("Sans", "", 10.5)
            if pdf.get_y() > pdf.h - 30:
                pdf.add_page()
            y = pdf.get_y()
            pdf.text(L, y + 3.9, parts[1])
            pdf.set_xy(L + 12, y)
            pdf.multi_cell(W - 12, 5.2, parts[2], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.2)
        elif tag == "L":
            pdf.set_font("Sans", "", 10.5)
            y = pdf.get_y()
            pdf.text(L + 12, y + 3.9, parts[1])
            pdf.set_xy(L + 20, y)
            pdf.multi_cell(W - 20, 5.2, parts[2], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif tag == "P":
            pdf.set_font("Sans", "", 10.5)
            pdf.set_x(L)
            pdf.multi_cell(W, 5.2, parts[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.2)
        i += 1
    flush_kv()
    return []


# ---------------------------------------------------------------------------------------------
# 04  Covering report + landscape options appraisal without rules
# ---------------------------------------------------------------------------------------------

def build_options():
    lines = read_src("04_preston_csp_options_appraisal.txt").splitlines()
    runhdr = [l.split("|", 1)[1] for l in lines if l.startswith("RUNHDR|")][0]
    item = [l.split("|", 1)[1] for l in lines if l.startswith("RUNFTR|")][0]
    ACC = (0, 84, 147)

    def footer(p):
        p.set_font("Sans", "", 9)
        p.set_text_color(0, 0, 0)
        s = f"Page {40 + p.page_no()}"
        p.text((p.w - p.get_string_width(s)) / 2, p.h - 10, s)

    pdf = ReportPDF(runhdr, footer)
    fix_meta(pdf, dt.datetime(2024, 9, 9, 14, 2, 31, tzinfo=dt.timezone.utc),
             "Future arrangements for community safety partnership working in Central Lancashire",
             "hwhitworth", "Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365")
    pdf.add_page()
    pdf.set_font("Sans", "B", 10)
    pdf.text(pdf.w - pdf.r_margin - pdf.get_string_width(item), 12, item)
    rest = report_front(pdf, lines, ACC)

    # Appendix A: landscape, columns aligned by whitespace only
    pdf.add_page(orientation="L")
    L = 24
    pdf.set_left_margin(L)
    pdf.set_right_margin(24)
    pdf.set_auto_page_break(True, 14)
    cols = None
    for raw in rest:
        parts = raw.split("|")
        tag = parts[0]
        if tag == "AT":
            pdf.set_font("Sans", "B", 12)
            pdf.set_xy(L, 18)
            pdf.cell(0, 7, parts[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif tag == "COLS":
            cols = [(c.rsplit(":", 1)[0], float(c.rsplit(":", 1)[1])) for c in parts[1:]]
            pdf.set_font("Sans", "B", 9)
            y = pdf.get_y()
            x = L
            ymax = y
            for name, w in cols:
                pdf.set_xy(x, y)
                pdf.multi_cell(w - 3, 4.3, name, new_x="RIGHT", new_y="TOP", align="L")
                ymax = max(ymax, pdf.get_y())
                x += w
            # multi_cell with new_y=TOP resets y; compute height explicitly
            hmax = 0
            for name, w in cols:
                nl = len(pdf.multi_cell(w - 3, 4.3, name, dry_run=True, output="LINES", align="L"))
                hmax = max(hmax, nl * 4.3)
            pdf.set_y(y + hmax + 3.5)
        elif tag == "TR":
            cells = parts[1:]
            pdf.set_font("Sans", "", 9)
            y = pdf.get_y()
            x = L
            hmax = 0
            for (name, w), txt in zip(cols, cells):
                style = "B" if name == "Option" else ""
                pdf.set_font("Sans", style, 9)
                if name == "RAG":
                    pdf.set_text_color(*{"Red": (192, 0, 0), "Amber": (191, 112, 0), "Green": (0, 128, 0)}[txt])
                    pdf.set_font("Sans", "B", 9)
                nl = len(pdf.multi_cell(w - 3, 4.3, txt, dry_run=True, output="LINES", align="L"))
                pdf.set_xy(x, y)
                pdf.multi_cell(w - 3, 4.3, txt, new_x="RIGHT", new_y="TOP", align="L")
                pdf.set_text_color(0, 0, 0)
                hmax = max(hmax, nl * 4.3)
                x += w
            pdf.set_y(y + hmax + 5)
        elif tag == "NOTE":
            pdf.set_font("Sans", "I", 8)
            pdf.set_x(L)
            pdf.multi_cell(249, 4, parts[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    return bytes(pdf.output())


# ---------------------------------------------------------------------------------------------
# 05  Terms of reference with printed tracked changes
# ---------------------------------------------------------------------------------------------

DEL_RGB = (192, 0, 0)
INS_RGB = (0, 0, 192)


def parse_tracked(s):
    """'a [-b-] {+c+}' -> list of (text, style) with style in {'', 'del', 'ins'}."""
    segs = []
    pos = 0
    for m in re.finditer(r"\[-(.*?)-\]|\{\+(.*?)\+\}", s):
        if m.start() > pos:
            segs.append((s[pos:m.start()], ""))
        if m.group(1) is not None:
            segs.append((m.group(1), "del"))
        else:
            segs.append((m.group(2), "ins"))
        pos = m.end()
    if pos < len(s):
        segs.append((s[pos:], ""))
    return segs


def tokens_of(segs):
    """Words as lists of (text, style) pieces, each with a flag: preceded by a space."""
    words = []
    pending_space = False
    for text, style in segs:
        for ch in text:
            if ch == " ":
                pending_space = True
                continue
            if words and not pending_space:
                pieces = words[-1][1]
                if pieces[-1][1] == style:
                    pieces[-1] = (pieces[-1][0] + ch, style)
                else:
                    pieces.append((ch, style))
            else:
                words.append((pending_space and bool(words), [(ch, style)]))
            pending_space = False
    return words


def draw_tracked(pdf, x0, width, s, size=10.5, bold=False, lh=5.4, bar=True):
    """Lay out and draw a tracked-changes paragraph; returns nothing, advances y."""
    fam = "Sans"
    st = "B" if bold else ""
    pdf.set_font(fam, st, size)
    sp = pdf.get_string_width(" ")
    words = tokens_of(parse_tracked(s))
    lines, cur, wcur = [], [], 0.0
    for space, pieces in words:
        ww = sum(pdf.get_string_width(t) for t, _ in pieces)
        add = ww + (sp if cur else 0)
        if cur and wcur + add > width:
            lines.append(cur)
            cur, wcur = [], 0.0
            add = ww
        cur.append((space, pieces))
        wcur += add
    if cur:
        lines.append(cur)
    for line in lines:
        if pdf.get_y() + lh > pdf.h - pdf.b_margin:
            pdf.add_page()
        y = pdf.get_y()
        base = y + lh * 0.72
        x = x0
        changed = False
        prev_style = None
        for k, (space, pieces) in enumerate(line):
            for j, (t, style) in enumerate(pieces):
                lead = " " if (k > 0 and j == 0) else ""
                if lead:
                    x += sp
                w = pdf.get_string_width(t)
                if style == "del":
                    pdf.set_text_color(*DEL_RGB)
                elif style == "ins":
                    pdf.set_text_color(*INS_RGB)
                else:
                    pdf.set_text_color(0, 0, 0)
                pdf.text(x - (sp if lead else 0), base, lead + t)
                # Word underlines / strikes the space inside a run of the same kind of change
                xs = x - sp if (lead and style == prev_style) else x
                prev_style = style
                if style == "del":
                    pdf.set_draw_color(*DEL_RGB)
                    pdf.set_line_width(0.25)
                    yy = base - size * 0.3528 * 0.30
                    pdf.line(xs, yy, x + w, yy)
                    changed = True
                elif style == "ins":
                    pdf.set_draw_color(*INS_RGB)
                    pdf.set_line_width(0.25)
                    yy = base + size * 0.3528 * 0.12
                    pdf.line(xs, yy, x + w, yy)
                    changed = True
                x += w
        pdf.set_text_color(0, 0, 0)
        if changed and bar:
            pdf.set_draw_color(0, 0, 0)
            pdf.set_line_width(0.5)
            pdf.line(12, y + 0.6, 12, y + lh - 0.2)
        pdf.set_y(y + lh)


def build_tracked():
    lines = read_src("05_wrexham_psb_tor_tracked.txt").splitlines()
    runhdr = [l.split("|", 1)[1] for l in lines if l.startswith("RUNHDR|")][0]
    ACC = (0, 102, 94)

    def footer(p):
        p.set_font("Sans", "", 8.5)
        p.set_text_color(0, 0, 0)
        s = f"{p.page_no()}"
        p.text((p.w - p.get_string_width(s)) / 2, p.h - 10, s)
        if p.in_appendix:
            t = "Wrexham PSB Terms of Reference v3.0 – TRACKED CHANGES – not for publication as final"
            p.set_font("Sans", "I", 7.5)
            p.text(p.l_margin, p.h - 14, t)

    pdf = ReportPDF(runhdr, footer)
    pdf.in_appendix = False
    fix_meta(pdf, dt.datetime(2025, 6, 3, 16, 40, 5, tzinfo=dt.timezone.utc),
             "Wrexham PSB revised terms of reference (tracked changes)", "Sian Pritchard",
             "Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365")
    pdf.add_page()
    rest = report_front(pdf, lines, ACC)

    pdf.add_page()
    pdf.in_appendix = True
    L = pdf.l_margin
    W = pdf.w - pdf.l_margin - pdf.r_margin
    for raw in rest:
        parts = raw.split("|")
        tag = parts[0]
        if tag == "AT":
            pdf.set_font("Sans", "B", 13)
            pdf.set_x(L)
            pdf.multi_cell(W, 6.5, parts[1], new_x="LMARGIN", new_y="NEXT")
        elif tag == "AT2":
            pdf.set_font("Sans", "I", 10)
            pdf.set_x(L)
            pdf.multi_cell(W, 5.5, parts[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif tag == "LEGEND":
            pdf.set_font("Sans", "", 9)
            y = pdf.get_y()
            pdf.set_x(L)
            pdf.set_draw_color(120, 120, 120)
            pdf.set_line_width(0.2)
            pdf.rect(L, y, W, 9)
            pdf.set_y(y + 1.8)
            draw_tracked(pdf, L + 3, W - 6, "Key: [-deleted text-] {+inserted text+}", size=9, lh=5, bar=False)
            pdf.set_y(y + 13)
        elif tag == "CH":
            pdf.ln(1.5)
            if pdf.get_y() > pdf.h - 40:
                pdf.add_page()
            draw_tracked(pdf, L, W, parts[1], size=11, bold=True, lh=6.5)
            pdf.ln(0.5)
        elif tag == "CL":
            y = pdf.get_y()
            if y + 6 > pdf.h - pdf.b_margin:
                pdf.add_page()
                y = pdf.get_y()
            draw_tracked(pdf, L, 16, parts[1], size=10.5, lh=5.4)
            y_after_num = pdf.get_y()
            page_num = pdf.page_no()
            pdf.set_y(y)
            draw_tracked(pdf, L + 17, W - 17, parts[2], size=10.5, lh=5.4)
            if pdf.page_no() == page_num:
                pdf.set_y(max(pdf.get_y(), y_after_num))
            pdf.ln(2)
        elif tag == "BUL":
            pdf.set_font("Sans", "", 10.5)
            y = pdf.get_y()
            if y + 6 > pdf.h - pdf.b_margin:
                pdf.add_page()
                y = pdf.get_y()
            pdf.text(L + 19, y + 5.4 * 0.72, "•")
            draw_tracked(pdf, L + 24, W - 24, parts[1], size=10.5, lh=5.4)
            pdf.ln(0.6)
        elif tag == "ENDNOTE":
            pdf.ln(4)
            pdf.set_font("Sans", "I", 9)
            pdf.set_x(L)
            pdf.multi_cell(W, 4.8, parts[1], new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


# ---------------------------------------------------------------------------------------------

def main():
    os.makedirs(RAW, exist_ok=True)
    outputs = {
        1: make_webpage(),
        2: build_wordhtml(),
        3: build_docx(),
        4: build_options(),
        5: build_tracked(),
    }
    for k, data in outputs.items():
        with open(os.path.join(RAW, FILES[k]), "wb") as f:
            f.write(data)
        print(f"{FILES[k]}  {len(data)} bytes")


if __name__ == "__main__":
    main()
