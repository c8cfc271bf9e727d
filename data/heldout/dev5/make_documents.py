"""Regenerate the dev5 held-out documents in raw/ from the text sources in sources/.

Run with /work/main/.venv/bin/python make_documents.py (from any directory).
Output is deterministic: fixed DOCX core properties and zip timestamps, fixed PDF creation date.
"""
import datetime
import io
import shutil
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
FONT_DIR = Path("/usr/share/fonts/truetype/liberation")


# ---------------------------------------------------------------- DOCX
def _fix_zip_timestamps(path, when=(2024, 9, 13, 9, 0, 0)):
    """python-docx stamps zip members with the current time; rewrite with a fixed one."""
    with zipfile.ZipFile(path) as zin:
        members = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zout:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zout.writestr(info, data)
    path.write_bytes(buf.getvalue())


def make_docx(src, out):
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    cp = d.core_properties
    fixed = datetime.datetime(2024, 9, 13, 9, 0, 0)
    cp.author = "Committee Services"
    cp.last_modified_by = "Committee Services"
    cp.title = "Communities and Partnerships Committee minute 12 September 2024"
    cp.created = fixed
    cp.modified = fixed
    cp.revision = 1
    sec = d.sections[0]
    table_rows = None
    for raw in src.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        if table_rows is not None:
            if raw.strip() == "ENDTABLE":
                t = d.add_table(rows=0, cols=2)
                for left, right in table_rows:
                    cells = t.add_row().cells
                    cells[0].text = left
                    cells[1].text = right
                table_rows = None
            else:
                parts = [x.strip() for x in raw.split("|")]
                table_rows.append((parts[0], parts[1] if len(parts) > 1 else ""))
            continue
        tag, _, text = raw.partition(": ")
        if tag == "HEADER":
            sec.header.paragraphs[0].text = text
        elif tag == "FOOTER":
            sec.footer.paragraphs[0].text = text
        elif tag == "TITLE":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(text)
            r.bold = True
            r.font.size = Pt(14)
        elif tag == "H":
            d.add_heading(text, level=2)
        elif tag == "H2":
            p = d.add_paragraph()
            r = p.add_run(text)
            r.bold = True
            r.underline = True
        elif tag == "BULLET":
            d.add_paragraph(text, style="List Bullet")
        elif tag == "P":
            d.add_paragraph(text)
        elif raw.strip() == "TABLE:":
            table_rows = []
        else:
            raise ValueError(f"unknown line: {raw!r}")
    d.save(out)
    _fix_zip_timestamps(out)


# ---------------------------------------------------------------- PDF
class ReportPDF(FPDF):
    runhead = ""
    runfoot = ""

    def header(self):
        self.set_font("Lib", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.runhead, align="R")
        self.ln(8)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-13)
        self.set_font("Lib", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self.runfoot}   |   Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def make_pdf(src, out):
    pdf = ReportPDF(format="A4")
    pdf.set_creation_date(datetime.datetime(2024, 6, 28, 10, 0, 0, tzinfo=datetime.timezone.utc))
    pdf.set_title("Powys PSB - Review of Partnership Arrangements - Final Report")
    pdf.set_author("PSB Support Team")
    pdf.set_producer("dev5 make_documents.py")
    pdf.add_font("Lib", "", str(FONT_DIR / "LiberationSans-Regular.ttf"))
    pdf.add_font("Lib", "B", str(FONT_DIR / "LiberationSans-Bold.ttf"))
    pdf.add_font("Lib", "I", str(FONT_DIR / "LiberationSans-Italic.ttf"))
    pdf.set_margins(18, 14, 18)
    pdf.set_auto_page_break(True, margin=18)
    lines = src.read_text(encoding="utf-8").splitlines()
    for ln in lines:
        if ln.startswith("RUNHEAD: "):
            pdf.runhead = ln[9:]
        elif ln.startswith("RUNFOOT: "):
            pdf.runfoot = ln[9:]
    pdf.add_page()
    lh = 4.6
    i = 0
    while i < len(lines):
        ln = lines[i]
        i += 1
        if not ln.strip() or ln.startswith(("RUNHEAD: ", "RUNFOOT: ")):
            continue
        tag, _, text = ln.partition(": ")
        if tag == "TITLE":
            pdf.set_font("Lib", "B", 18)
            pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
        elif tag == "SUBTITLE":
            pdf.set_font("Lib", "B", 13)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif tag == "H":
            pdf.ln(2)
            pdf.set_font("Lib", "B", 11.5)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.5)
        elif tag == "H2":
            pdf.ln(1)
            pdf.set_font("Lib", "B", 10)
            pdf.multi_cell(0, 5.2, text, new_x="LMARGIN", new_y="NEXT")
        elif tag == "P":
            pdf.set_font("Lib", "", 9.5)
            body = text
            for lead in ("Recommendation:", "What this means:"):
                if body.startswith(lead):
                    body = f"**{lead}**{body[len(lead):]}"
            pdf.multi_cell(0, lh, body, markdown=True, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.4)
        elif tag == "CAPTION":
            pdf.set_font("Lib", "I", 8.5)
            pdf.multi_cell(0, 4.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif tag == "TABLEHEAD":
            head = [x.strip() for x in text.split("|")]
            widths = [float(x) for x in lines[i].partition(": ")[2].split("|")]
            i += 1
            rows = []
            while lines[i].strip() != "ENDTABLE":
                rows.append([x.strip() for x in lines[i].partition(": ")[2].split("|")])
                i += 1
            i += 1
            pdf.set_font("Lib", "", 9)
            pdf.ln(1)
            with pdf.table(col_widths=widths, width=sum(widths), text_align="LEFT",
                           line_height=5, headings_style=FontFace(emphasis="BOLD", fill_color=(225, 230, 240)),
                           first_row_as_headings=True) as t:
                r = t.row()
                for h in head:
                    r.cell(h)
                for row in rows:
                    r = t.row()
                    for c in row:
                        r.cell(c)
            pdf.set_font("Lib", "", 9)
            pdf.ln(1)
        elif ln.strip() == "FOOTNOTES:":
            notes = []
            while i < len(lines) and lines[i].strip() not in ("PAGEBREAK", ""):
                notes.append(lines[i])
                i += 1
            height = 4.2 * len(notes) + 4
            pdf.set_y(pdf.h - 18 - height)
            pdf.line(18, pdf.get_y(), 70, pdf.get_y())
            pdf.ln(1.5)
            pdf.set_font("Lib", "", 7.5)
            for n in notes:
                pdf.multi_cell(0, 4.2, n, new_x="LMARGIN", new_y="NEXT")
        elif ln.strip() == "PAGEBREAK":
            pdf.add_page()
        else:
            raise ValueError(f"unknown line: {ln!r}")
    pdf.output(str(out))


def main():
    RAW.mkdir(exist_ok=True)
    make_docx(SRC / "falkirk_communities_partnerships_minute_2024-09.txt",
              RAW / "falkirk_communities_partnerships_minute_2024-09.docx")
    shutil.copyfile(SRC / "north_somerset_executive_decisions_2025-02.html",
                    RAW / "north_somerset_executive_decisions_2025-02.html")
    make_pdf(SRC / "powys_psb_partnership_review_2024-06.txt",
             RAW / "powys_psb_partnership_review_2024-06.pdf")
    shutil.copyfile(SRC / "castle_point_ldrs_news_2025-03.txt",
                    RAW / "castle_point_ldrs_news_2025-03.txt")
    for p in sorted(RAW.iterdir()):
        print(p.name, p.stat().st_size)


if __name__ == "__main__":
    main()
