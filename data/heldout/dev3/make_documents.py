"""Regenerate the four held-out evaluation documents in raw/ from the text sources in sources/.

Run with the workbook's Python:  ../../../.venv/bin/python make_documents.py (from this folder)
Output is byte-for-byte reproducible (fixed PDF creation date, fixed DOCX core properties and
zip timestamps, deterministic text wrapping).
"""
import io
import shutil
import textwrap
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"


# ---------------------------------------------------------------- 1. PDF (Warwickshire Cabinet decisions)
class DecisionsPDF(FPDF):
    ODD_HEADER = "Warwickshire County Council  |  Cabinet Record of Decisions"
    EVEN_HEADER = "Cabinet meeting of Thursday 14 March 2024  |  Decisions published 15 March 2024"

    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        if self.page_no() % 2 == 1:
            self.cell(0, 5, self.ODD_HEADER, align="R")
        else:
            self.cell(0, 5, self.EVEN_HEADER, align="L")
        self.ln(4)
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(5)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def make_pdf(src: Path, out: Path):
    pdf = DecisionsPDF(format="A4")
    pdf.set_creation_date(datetime(2024, 3, 15, 9, 0, 0, tzinfo=timezone.utc))
    pdf.set_title("Cabinet - Record of Decisions - 14 March 2024")
    pdf.set_author("Democratic Services, Warwickshire County Council")
    pdf.set_creator("Modern.Gov")
    pdf.set_producer("fpdf2")
    pdf.set_margins(18, 14, 18)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for raw in src.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if not line:
            continue
        if line.startswith("@title "):
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(0, 8, line[7:], align="C", new_x="LMARGIN", new_y="NEXT")
        elif line == "@gap":
            pdf.ln(3)
        elif line.startswith("@meta "):
            pdf.set_font("Helvetica", "", 9)
            pdf.multi_cell(0, 4.6, line[6:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("@small "):
            pdf.set_font("Helvetica", "I", 8.5)
            pdf.multi_cell(0, 4.2, line[7:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("@h "):
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 6, line[3:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("@sub "):
            pdf.ln(1)
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(0, 5.5, line[5:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("@num "):
            label, text = line[5:].split("|", 1)
            pdf.set_font("Helvetica", "", 9.5)
            pdf.set_x(pdf.l_margin + 4)
            pdf.cell(9, 4.7, label)
            pdf.multi_cell(0, 4.7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.6)
        else:
            pdf.set_font("Helvetica", "", 9.5)
            pdf.multi_cell(0, 4.7, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.2)
    pdf.output(str(out))


# ---------------------------------------------------------------- 2. DOCX (Stockport CSP annual report)
FIXED_ZIP_TIME = (2024, 7, 1, 9, 0, 0)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite the docx zip with fixed timestamps so the file is reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def make_docx(src: Path, out: Path):
    d = docx.Document()
    cp = d.core_properties
    fixed = datetime(2024, 7, 1, 9, 0, 0)
    cp.author = "Community Safety Team, Stockport Council"
    cp.last_modified_by = "Community Safety Team, Stockport Council"
    cp.title = "Safer Stockport Partnership Annual Report 2023/24"
    cp.created = fixed
    cp.modified = fixed
    cp.last_printed = fixed
    cp.revision = 3
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "Safer Stockport Partnership – Annual Report 2023/24"
    sec.footer.paragraphs[0].text = "www.stockport.gov.uk/safer-stockport"
    sec.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    lines = src.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        i += 1
        if not line:
            continue
        if line.startswith("@title "):
            d.add_paragraph(line[7:], style="Title")
        elif line.startswith("@subtitle "):
            d.add_paragraph(line[10:], style="Subtitle")
        elif line == "@pagebreak":
            d.add_page_break()
        elif line.startswith("@h1 "):
            d.add_heading(line[4:], level=1)
        elif line.startswith("@h2 "):
            d.add_heading(line[4:], level=2)
        elif line.startswith("@sign "):
            p = d.add_paragraph()
            r = p.add_run(line[6:])
            r.italic = True
        elif line.startswith("@para "):
            d.add_paragraph(line[6:])
        elif line.startswith("* "):
            d.add_paragraph(line[2:], style="List Bullet")
        elif line.startswith("@table "):
            header = [c.strip() for c in line[7:].split("|")]
            rows = []
            while lines[i].strip() != "@endtable":
                rows.append([c.strip() for c in lines[i].split("|")])
                i += 1
            i += 1
            t = d.add_table(rows=1 + len(rows), cols=len(header))
            t.style = "Table Grid"
            for j, h in enumerate(header):
                cell = t.rows[0].cells[j]
                cell.text = h
                cell.paragraphs[0].runs[0].bold = True
            for r, row in enumerate(rows, start=1):
                for j, val in enumerate(row):
                    t.rows[r].cells[j].text = val
        else:
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    out.write_bytes(normalise_zip(buf.getvalue()))


# ---------------------------------------------------------------- 3. TXT (Ceredigion scrutiny minutes)
def make_txt(src: Path, out: Path, width: int = 90):
    out_lines = []
    for line in src.read_text(encoding="utf-8").splitlines():
        if len(line) <= width:
            out_lines.append(line)
            continue
        indent = "     " if line.startswith("(") else ""
        out_lines.extend(textwrap.wrap(line, width=width, subsequent_indent=indent,
                                       break_long_words=False, break_on_hyphens=False))
    out.write_text("\n".join(out_lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- 4. HTML (Bassetlaw CVS blog post)
def make_html(src: Path, out: Path):
    shutil.copyfile(src, out)


def main():
    RAW.mkdir(exist_ok=True)
    make_pdf(SRC / "warwickshire_cabinet_decisions_2024-03-14.src",
             RAW / "warwickshire_cabinet_decisions_2024-03-14.pdf")
    make_docx(SRC / "stockport_csp_annual_report_2023-24.src",
              RAW / "stockport_csp_annual_report_2023-24.docx")
    make_txt(SRC / "ceredigion_scrutiny_minutes_2023-10-17.src",
             RAW / "ceredigion_scrutiny_minutes_2023-10-17.txt")
    make_html(SRC / "bassetlaw_cvs_blog_partnership_review_2024-03-12.html",
              RAW / "bassetlaw_cvs_blog_partnership_review_2024-03-12.html")


if __name__ == "__main__":
    main()
