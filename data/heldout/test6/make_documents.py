"""Regenerate the four held-out evaluation documents in raw/ from the text sources in sources/.

Run with /work/main/.venv/bin/python make_documents.py (python-docx 1.2, fpdf2 2.8).
Output is deterministic: fixed dates in document metadata, revisions and comments, and fixed zip
timestamps for the .docx, so the files regenerate byte-for-byte.
"""
import io
import re
import shutil
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.run import Run
from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"

DOC1 = "wyre_forest_lsp_partnership_agreement_draft3_tracked_2012-06.docx"
DOC2 = "ceredigion_psb_merger_cabinet_news_2023-10.html"
DOC3 = "cheshire_west_csp_task_finish_cabinet_response_2019-07.pdf"
DOC4 = "angus_cpp_you_said_we_did_2024-05.html"


# ----------------------------------------------------------------------------- DOCX (document 1)
class Tracker:
    def __init__(self, author, date):
        self.author, self.date, self.next_id = author, date, 900

    def mark(self, tag):
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        return el


INLINE = re.compile(r"(\{\+.*?\+\}|\{-.*?-\}|\[\[c\d+\|.*?\]\])")


def add_inline(doc, p, text, tracker, comments, whole=None, bold_label=False):
    """Add text with inline markup to paragraph p. whole='ins'/'del' marks every run."""
    if bold_label and ":" in text:
        label, rest = text.split(":", 1)
        r = p.add_run(label + ":")
        r.bold = True
        text = rest
    for tok in INLINE.split(text):
        if not tok:
            continue
        if whole in ("ins", "del") or tok.startswith("{+") or tok.startswith("{-"):
            kind = whole or ("ins" if tok.startswith("{+") else "del")
            words = tok[2:-2] if (tok.startswith("{+") or tok.startswith("{-")) else tok
            wrap = tracker.mark("w:ins" if kind == "ins" else "w:del")
            r = OxmlElement("w:r")
            t = OxmlElement("w:t" if kind == "ins" else "w:delText")
            t.set(qn("xml:space"), "preserve")
            t.text = words
            r.append(t)
            wrap.append(r)
            p._p.append(wrap)
            cm = re.match(r"^(c\d+)\|", words)
            if kind == "ins" and cm and whole is None:
                # comment anchored on the inserted words
                t.text = words[cm.end():]
                author, initials, date, ctext = comments[cm.group(1)]
                c = doc.add_comment(Run(r, p), text=ctext, author=author, initials=initials)
                c._comment_elm.set(qn("w:date"), date)
        elif tok.startswith("[["):
            cid, anchored = tok[2:-2].split("|", 1)
            run = p.add_run(anchored)
            author, initials, date, ctext = comments[cid]
            c = doc.add_comment(run, text=ctext, author=author, initials=initials)
            c._comment_elm.set(qn("w:date"), date)
        else:
            p.add_run(tok)
    if whole in ("ins", "del"):
        pPr = p._p.get_or_add_pPr()
        rPr = OxmlElement("w:rPr")
        rPr.append(tracker.mark("w:ins" if whole == "ins" else "w:del"))
        pPr.append(rPr)


def fixed_zip(data: bytes, when=(2012, 6, 7, 9, 0, 0)) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def make_doc1():
    lines = (SRC / "doc1_wyre_forest_agreement.txt").read_text(encoding="utf-8").splitlines()
    doc = docx.Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    cp = doc.core_properties
    cp.author = "Helen Marlow"
    cp.last_modified_by = "Helen Marlow"
    cp.title = "Wyre Forest Matters Partnership Agreement draft 3 (tracked)"
    cp.revision = 3
    cp.created = datetime(2012, 5, 2, 10, 0, 0)
    cp.modified = datetime(2012, 6, 7, 9, 0, 0)
    cp.last_printed = datetime(2012, 6, 7, 9, 0, 0)
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "Wyre Forest Matters – LSP Executive 14 June 2012 – Item 6 – DRAFT, not for publication"
    sec.footer.paragraphs[0].text = "Partnership Agreement draft 3 (tracked) – circulated 7 June 2012"

    comments, tracker, table = {}, None, None
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("# "):
            continue
        if line.startswith("REV|"):
            _, author, date = line.split("|")
            tracker = Tracker(author, date)
            continue
        if line.startswith("@"):
            cid, author, initials, date, text = line[1:].split("|", 4)
            comments[cid] = (author, initials, date, text)
            continue
        if line.startswith("|"):
            cells = line.strip("|").split("|")
            if table is None:
                table = doc.add_table(rows=0, cols=len(cells))
                table.style = "Table Grid"
                header = True
            else:
                header = False
            row = table.add_row()
            for cell, text in zip(row.cells, cells):
                add_inline(doc, cell.paragraphs[0], text, tracker, comments)
                if header:
                    for r in cell.paragraphs[0].runs:
                        r.bold = True
            continue
        table = None
        whole = None
        if line.startswith("INS|"):
            whole, line = "ins", line[4:]
        elif line.startswith("DEL|"):
            whole, line = "del", line[4:]
        bold_label = False
        if line.startswith("#T "):
            p, line = doc.add_paragraph(style="Title"), line[3:]
        elif line.startswith("#1 "):
            p, line = doc.add_paragraph(style="Heading 1"), line[3:]
        elif line.startswith("#2 "):
            p, line = doc.add_paragraph(style="Heading 2"), line[3:]
        elif line.startswith("* "):
            p, line = doc.add_paragraph(style="List Bullet"), line[2:]
        elif line.startswith("META "):
            p, line, bold_label = doc.add_paragraph(), line[5:], True
        elif line.startswith("(") or line.startswith("{-("):
            p = doc.add_paragraph(style="List Paragraph")
        elif line.startswith("Table 1:"):
            p = doc.add_paragraph(style="Caption")
        elif re.match(r"^(Financial|Legal|Equality):", line):
            p, bold_label = doc.add_paragraph(), True
        else:
            p = doc.add_paragraph()
        add_inline(doc, p, line, tracker, comments, whole=whole, bold_label=bold_label)

    buf = io.BytesIO()
    doc.save(buf)
    (RAW / DOC1).write_bytes(fixed_zip(buf.getvalue()))


# ----------------------------------------------------------------------------- PDF (document 3)
class ReportPDF(FPDF):
    running_header = ""
    running_footer = ""

    def header(self):
        self.set_font("Helvetica", "", 8)
        self.set_text_color(80, 80, 80)
        self.cell(0, 5, self.running_header, align="L")
        self.ln(6)
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(80, 80, 80)
        self.cell(0, 5, self.running_footer, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def make_doc3():
    lines = (SRC / "doc3_cheshire_west_csp_response.txt").read_text(encoding="utf-8").splitlines()
    pdf = ReportPDF(orientation="L", unit="mm", format="A4")
    pdf.set_creation_date(datetime(2019, 7, 2, 9, 0, 0, tzinfo=timezone.utc))
    pdf.set_title("Cabinet response to the Task and Finish Group review of the Community Safety Partnership")
    pdf.set_author("Cheshire West and Chester Council")
    pdf.set_creator("Committee management system")
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(15, 12, 15)
    table_head, rows = None, []
    for line in lines:
        if not line.strip() or line.startswith("# "):
            continue
        tag, _, rest = line.partition("|")
        if tag == "HEADER":
            pdf.running_header = rest
            pdf.add_page()
        elif tag == "FOOTER":
            pdf.running_footer = rest
        elif tag == "TITLE":
            pdf.set_font("Helvetica", "B", 14)
            pdf.multi_cell(0, 7, rest)
            pdf.ln(3)
        elif tag == "META":
            label, value = rest.split("|", 1)
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(45, 5.5, label)
            pdf.set_font("Helvetica", "", 10)
            pdf.cell(0, 5.5, value, new_x="LMARGIN", new_y="NEXT")
        elif tag == "H":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 6, rest)
            pdf.ln(1)
        elif tag == "P":
            pdf.set_font("Helvetica", "B" if rest.startswith("RECOMMENDATION") else "", 10)
            pdf.multi_cell(0, 5, rest)
            pdf.ln(2)
        elif tag == "L":
            pdf.set_font("Helvetica", "", 10)
            pdf.set_x(pdf.l_margin + 8)
            pdf.multi_cell(pdf.epw - 8, 5, rest)
            pdf.ln(1)
        elif tag == "PAGEBREAK":
            pdf.add_page()
        elif tag == "TABLE":
            table_head = [c.strip() for c in rest.split(" | ")]
        elif tag == "R":
            rows.append([c.strip() for c in rest.split(" | ")])
    pdf.set_font("Helvetica", "", 9)
    with pdf.table(
        col_widths=(10, 72, 100, 27, 36, 22),
        line_height=4.6,
        text_align="LEFT",
        v_align="TOP",
        repeat_headings=1,
        padding=1.5,
        headings_style=FontFace(emphasis="BOLD", fill_color=(220, 220, 220)),
    ) as table:
        for row in [table_head] + rows:
            r = table.row()
            for cell in row:
                r.cell(cell)
    pdf.ln(4)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 4, "Officer and date columns show the lead officer and the target date for completing the action.")
    pdf.output(str(RAW / DOC3))


# ----------------------------------------------------------------------------- HTML (documents 2, 4)
def make_html():
    shutil.copyfile(SRC / "doc2_ceredigion_psb_news.html", RAW / DOC2)
    shutil.copyfile(SRC / "doc4_angus_cpp_you_said_we_did.html", RAW / DOC4)


if __name__ == "__main__":
    RAW.mkdir(exist_ok=True)
    make_doc1()
    make_doc3()
    make_html()
    for f in sorted(RAW.iterdir()):
        print(f.name, f.stat().st_size)
