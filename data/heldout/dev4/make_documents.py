"""Regenerate the four dev4 evaluation documents in raw/ from the text sources in sources/.

Run with the workbook's Python:  /work/main/.venv/bin/python make_documents.py
The output is deterministic (fixed PDF creation date, fixed DOCX core properties and
zip timestamps), so running it again reproduces the files byte for byte.
"""
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
FIXED = dt.datetime(2025, 2, 14, 9, 30, 0, tzinfo=dt.timezone.utc)


def markup_lines(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        tag, _, text = line.partition(" ")
        yield tag, text


# ---------------------------------------------------------------- 1. HTML
def make_html():
    template = (SRC / "hounslow_page_template.html").read_text(encoding="utf-8")
    body = (SRC / "hounslow_hwb_minutes_2024.body.html").read_text(encoding="utf-8")
    out = template.replace("{{BODY}}", body.rstrip("\n"))
    (RAW / "hounslow_hwb_minutes_2024.html").write_bytes(out.encode("utf-8"))


# ---------------------------------------------------------------- 2. PDF
def make_pdf():
    from fpdf import FPDF

    class Report(FPDF):
        first_page_in_pack = 7
        pages_in_pack = 9

        def header(self):
            self.set_font("Helvetica", "", 8)
            self.set_text_color(80, 80, 80)
            self.cell(85, 5, "ANGUS COUNCIL", new_x="RIGHT", new_y="TOP")
            self.cell(0, 5, "Agenda Item 7", align="R", new_x="LMARGIN", new_y="NEXT")
            self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
            self.set_text_color(0, 0, 0)
            self.ln(5)

        def footer(self):
            self.set_y(-14)
            self.set_font("Helvetica", "", 8)
            n = self.page_no() + self.first_page_in_pack - 1
            self.cell(0, 5, f"{n} of {self.pages_in_pack}", align="C")

    pdf = Report(format="A4", unit="mm")
    pdf.set_creation_date(FIXED)
    pdf.set_title("Report No 62/25 - Angus Community Planning Partnership: Review of Locality Partnerships")
    pdf.set_author("Angus Council")
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    lh = 4.6
    table_rows = []

    def flush_table():
        if not table_rows:
            return
        pdf.set_font("Helvetica", "", 9)
        with pdf.table(col_widths=(74, 46, 28, 22), text_align="LEFT", line_height=4.4,
                       first_row_as_headings=True) as table:
            for cells in table_rows:
                row = table.row()
                for c in cells:
                    row.cell(c)
        table_rows.clear()

    for tag, text in markup_lines(SRC / "angus_cpp_locality_review_report_2025.txt"):
        if tag not in ("TH", "TR"):
            flush_table()
        if tag == "C":
            pdf.set_font("Helvetica", "B", 10.5)
            pdf.multi_cell(0, 5.2, text, align="C", new_x="LMARGIN", new_y="NEXT")
        elif tag == "SPACE":
            pdf.ln(3)
        elif tag == "H":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif tag == "P":
            pdf.set_font("Helvetica", "", 9.5)
            pdf.multi_cell(0, lh, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.2)
        elif tag in ("N", "L"):
            num, _, body = text.partition("|")
            indent = 0 if tag == "N" else 12
            pdf.set_font("Helvetica", "", 9.5)
            pdf.set_x(pdf.l_margin + indent)
            pdf.cell(12, lh, num, new_x="RIGHT", new_y="TOP")
            pdf.multi_cell(0, lh, body, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.2)
        elif tag == "B":
            pdf.set_font("Helvetica", "", 9.5)
            pdf.set_x(pdf.l_margin + 12)
            pdf.cell(6, lh, chr(149), new_x="RIGHT", new_y="TOP")
            pdf.multi_cell(0, lh, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
        elif tag in ("TH", "TR"):
            table_rows.append(text.split("|"))
        else:
            raise ValueError(f"unknown tag {tag!r}")
    flush_table()
    pdf.output(str(RAW / "angus_cpp_locality_review_report_2025.pdf"))


# ---------------------------------------------------------------- 3. DOCX
def make_docx():
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2.3)
    table = None

    def add_runs(par, text):
        for i, part in enumerate(re.split(r"\*\*", text)):
            if part:
                par.add_run(part).bold = bool(i % 2)

    for tag, text in markup_lines(SRC / "tendring_full_council_minutes_2024.txt"):
        if tag != "VT":
            table = None
        if tag == "HEADER":
            p = sec.header.paragraphs[0]
            p.text = text
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif tag == "FOOTER":
            p = sec.footer.paragraphs[0]
            p.text = text
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif tag == "T":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(text).bold = True
            p.paragraph_format.space_after = Pt(0)
        elif tag == "H":
            p = d.add_paragraph()
            p.paragraph_format.space_before = Pt(12)
            p.paragraph_format.keep_with_next = True
            p.add_run(text).bold = True
        elif tag == "S":
            p = d.add_paragraph()
            r = p.add_run(text)
            r.bold = True
            r.italic = True
        elif tag == "P":
            add_runs(d.add_paragraph(), text)
        elif tag == "I":
            p = d.add_paragraph()
            p.paragraph_format.left_indent = Cm(1.25)
            p.paragraph_format.right_indent = Cm(1.0)
            add_runs(p, text)
        elif tag == "IB":
            p = d.add_paragraph(style="List Bullet")
            p.paragraph_format.left_indent = Cm(1.9)
            add_runs(p, text)
        elif tag == "VT":
            left, _, right = text.partition("|")
            if table is None:
                table = d.add_table(rows=0, cols=2)
                table.style = "Table Grid"
            cells = table.add_row().cells
            cells[0].width = Cm(3.5)
            cells[1].width = Cm(12.9)
            cells[0].paragraphs[0].add_run(left).bold = True
            cells[1].paragraphs[0].text = right
        else:
            raise ValueError(f"unknown tag {tag!r}")

    cp = d.core_properties
    cp.author = "Committee Services"
    cp.last_modified_by = "Committee Services"
    cp.title = "Council minutes 19 November 2024"
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 3
    buf = io.BytesIO()
    d.save(buf)
    # Rewrite the zip with fixed timestamps so the output is reproducible.
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 11, 21, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    (RAW / "tendring_full_council_minutes_2024.docx").write_bytes(out.getvalue())


# ---------------------------------------------------------------- 4. TXT
def make_txt():
    data = (SRC / "safer_swindon_exec_action_notes_2024.txt").read_bytes()
    (RAW / "safer_swindon_exec_action_notes_2024.txt").write_bytes(data)


if __name__ == "__main__":
    RAW.mkdir(exist_ok=True)
    make_html()
    make_pdf()
    make_docx()
    make_txt()
    for f in sorted(RAW.iterdir()):
        print(f.name, f.stat().st_size)
