"""Regenerate the four held-out evaluation documents in raw/ from the text sources in sources/.

Run with the project venv:  /work/main/.venv/bin/python make_documents.py
Output is deterministic (fixed timestamps in DOCX zip entries, core properties, comment dates and
PDF creation date), so re-running reproduces the files byte for byte.
"""
import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Cm
from docx.text.run import Run
from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"

FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def _lines(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield line


def save_docx_deterministic(document, out_path, when):
    cp = document.core_properties
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 3
    buf = io.BytesIO()
    document.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)


# ----------------------------------------------------------------------------------------------
# 1. DOCX with tracked changes and comments
# ----------------------------------------------------------------------------------------------
TOKEN_RE = re.compile(r"(\{\+.*?\+\}|\[-.*?-\]|<c\d+>|</c\d+>)")


class Revisions:
    def __init__(self, author, date):
        self.author = author
        self.date = date
        self.next_id = 100

    def mark(self, tag):
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        return el


def _make_run(text, deleted=False):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def build_tracked_paragraph(document, paragraph, text, revs, whole=None, comment_spans=None):
    """Fill `paragraph` from inline-marked `text`.

    whole: None, "ins" (whole paragraph inserted) or "del" (whole paragraph deleted).
    comment_spans: dict comment_id -> list of Run objects anchored (filled in here).
    """
    p = paragraph._p
    if whole in ("ins", "del"):
        pPr = p.get_or_add_pPr()
        rPr = OxmlElement("w:rPr")
        rPr.append(revs.mark("w:" + whole))
        pPr.append(rPr)
    open_comments = []
    for tok in TOKEN_RE.split(text):
        if not tok:
            continue
        m = re.fullmatch(r"<c(\d+)>", tok)
        if m:
            open_comments.append(int(m.group(1)))
            comment_spans.setdefault(int(m.group(1)), [])
            continue
        m = re.fullmatch(r"</c(\d+)>", tok)
        if m:
            open_comments.remove(int(m.group(1)))
            continue
        if tok.startswith("{+"):
            mode, body = "ins", tok[2:-2]
        elif tok.startswith("[-"):
            mode, body = "del", tok[2:-2]
        else:
            mode, body = "plain", tok
        if whole == "ins" and mode == "plain":
            mode = "ins"
        if whole == "del" and mode == "plain":
            mode = "del"
        r = _make_run(body, deleted=(mode == "del"))
        if mode == "plain":
            p.append(r)
        else:
            wrapper = revs.mark("w:" + mode)
            wrapper.append(r)
            p.append(wrapper)
        for cid in open_comments:
            comment_spans[cid].append(Run(r, paragraph))


def make_tracked_docx(src, out):
    lines = list(_lines(src))
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    author, date = None, None
    comments = {}
    comment_spans = {}
    revs = None
    table_rows = []
    for line in lines:
        tag, _, rest = line.partition("|")
        if tag == "R":
            author, date = rest.split("|")
            revs = Revisions(author, date)
            continue
        if tag == "C":
            cid, cauthor, cinit, ctext = rest.split("|", 3)
            comments[int(cid)] = (cauthor, cinit, ctext)
            continue
        if tag == "TR":
            table_rows.append([c.strip() for c in rest.split(" || ")])
            continue
        if table_rows:
            _flush_table(document, table_rows)
            table_rows = []
        whole = None
        if tag.startswith("+"):
            whole, tag = "ins", tag[1:]
        elif tag.startswith("-"):
            whole, tag = "del", tag[1:]
        if tag == "T":
            para = document.add_paragraph(style="Title")
        elif tag == "S":
            para = document.add_paragraph(style="Subtitle")
        elif tag == "H1":
            para = document.add_paragraph(style="Heading 1")
        elif tag == "B":
            para = document.add_paragraph(style="List Bullet")
        elif tag == "TABLECAPTION":
            para = document.add_paragraph(style="Caption")
        else:
            para = document.add_paragraph(style="Normal")
        build_tracked_paragraph(document, para, rest, revs, whole=whole, comment_spans=comment_spans)
    if table_rows:
        _flush_table(document, table_rows)
    fixed = dt.datetime(2024, 2, 20, 11, 0, tzinfo=dt.timezone.utc)
    for cid in sorted(comment_spans):
        cauthor, cinit, ctext = comments[cid]
        c = document.add_comment(comment_spans[cid], text=ctext, author=cauthor, initials=cinit)
        c._comment_elm.date = fixed
    # header / footer
    sec = document.sections[0]
    sec.header.paragraphs[0].text = "Safer Warrington Partnership – DRAFT v0.3 – for comment"
    sec.footer.paragraphs[0].text = "OFFICIAL – not for onward circulation"
    document.core_properties.author = "Helen Marsh"
    document.core_properties.title = "SWP draft revised terms of reference v0.3"
    save_docx_deterministic(document, out, dt.datetime(2024, 2, 12, 9, 0))


def _flush_table(document, rows):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            cell = table.cell(i, j)
            cell.text = val
            if i == 0:
                for r in cell.paragraphs[0].runs:
                    r.bold = True


# ----------------------------------------------------------------------------------------------
# 2. Bilingual DOCX (two-column table, one row per paragraph)
# ----------------------------------------------------------------------------------------------
def make_bilingual_docx(src, out):
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    sec = document.sections[0]
    sec.left_margin = sec.right_margin = Cm(1.8)
    sec.header.paragraphs[0].text = "Bwrdd Gwasanaethau Cyhoeddus Ceredigion / Ceredigion Public Services Board"
    sec.footer.paragraphs[0].text = "Cofnodion / Minutes – 17.06.2021"
    rows = [l.partition("|") for l in _lines(src)]
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for i, (tag, _, rest) in enumerate(rows):
        cy, en = [c.strip() for c in rest.split(" || ")]
        for j, val in enumerate((cy, en)):
            cell = table.cell(i, j)
            cell.text = val
            if tag in ("H", "HDR"):
                for r in cell.paragraphs[0].runs:
                    r.bold = True
        if tag == "HDR":
            trPr = table.rows[i]._tr.get_or_add_trPr()
            th = OxmlElement("w:tblHeader")
            trPr.append(th)
    document.core_properties.author = "Aled Owen"
    document.core_properties.title = "Cofnodion BGC Ceredigion / Ceredigion PSB minutes 17-06-2021"
    document.core_properties.language = "cy-GB"
    save_docx_deterministic(document, out, dt.datetime(2021, 6, 24, 14, 30))


# ----------------------------------------------------------------------------------------------
# 3. Landscape PDF with a ruled table spanning a page break
# ----------------------------------------------------------------------------------------------
class CabinetPDF(FPDF):
    header_text = ""
    footer_text = ""

    def header(self):
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.header_text, align="R")
        self.ln(8)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self.footer_text}    Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def make_pdf(src, out):
    pdf = CabinetPDF(orientation="L", unit="mm", format="A4")
    pdf.set_creation_date(dt.datetime(2022, 11, 15, 9, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Executive response to the Scrutiny review of the Health and Wellbeing Board")
    pdf.set_author("Worcestershire County Council")
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(True, margin=16)
    widths, thead, trows = None, None, []

    def flush_table():
        pdf.set_font("Helvetica", "", 8.5)
        with pdf.table(
            col_widths=widths,
            width=sum(widths),
            line_height=4.2,
            text_align="LEFT",
            repeat_headings=1,
            headings_style=FontFace(emphasis="BOLD", fill_color=(220, 225, 235)),
            padding=1.5,
            v_align="TOP",
        ) as table:
            r = table.row()
            for c in thead:
                r.cell(c)
            for row in trows:
                r = table.row()
                for c in row:
                    r.cell(c)
        pdf.ln(4)

    for line in _lines(src):
        tag, _, rest = line.partition("|")
        if tag != "TR" and trows:
            flush_table()
            trows = []
        if tag == "HEADER":
            pdf.header_text = rest
            continue
        if tag == "FOOTER":
            pdf.footer_text = rest
            pdf.add_page()
            continue
        if tag == "T":
            pdf.set_font("Helvetica", "B", 13)
            pdf.multi_cell(0, 7, rest, align="C", new_x="LMARGIN", new_y="NEXT")
        elif tag == "K":
            k, v = rest.split(" :: ")
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(60, 6, k)
            pdf.set_font("Helvetica", "", 10)
            pdf.cell(0, 6, v)
            pdf.ln(6)
        elif tag == "H":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 6, rest, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif tag == "P":
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, rest, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif tag == "NEWPAGE":
            pdf.add_page()
        elif tag == "W":
            widths = [float(x) for x in rest.split(" || ")]
        elif tag == "TH":
            thead = [c.strip() for c in rest.split(" || ")]
        elif tag == "TR":
            trows.append([c.strip() for c in rest.split(" || ")])
    if trows:
        flush_table()
    pdf.output(str(out))


# ----------------------------------------------------------------------------------------------
# 4. HTML page (saved from the council website)
# ----------------------------------------------------------------------------------------------
def make_html(src, out):
    shutil.copyfile(src, out)


def main():
    RAW.mkdir(exist_ok=True)
    make_tracked_docx(SRC / "warrington_csp_terms_of_reference_draft.txt",
                      RAW / "warrington_csp_draft_terms_of_reference_2024-02.docx")
    make_bilingual_docx(SRC / "ceredigion_psb_minutes_2021-06.txt",
                        RAW / "ceredigion_psb_minutes_2021-06.docx")
    make_pdf(SRC / "worcestershire_cabinet_hwb_scrutiny_response_2022-11.txt",
             RAW / "worcestershire_cabinet_hwb_scrutiny_response_2022-11.pdf")
    make_html(SRC / "north_tyneside_hwb_how_the_board_is_changing_2025-05.html",
              RAW / "north_tyneside_hwb_how_the_board_is_changing_2025-05.html")


if __name__ == "__main__":
    main()
