"""Regenerate the four held-out test documents in raw/ from the text sources in sources/.

Run with the workbook's interpreter:  ../../../.venv/bin/python make_documents.py (from this folder)
Output is deterministic (fixed PDF creation date and DOCX core properties / zip timestamps),
so re-running reproduces the files byte for byte with the same library versions
(fpdf2 2.8.9, python-docx 1.2.0).

Source formats
- *.txt sources are copied unchanged (they are the documents).
- *.src (PDF) lines:  @header left|right, @footer left|right ({page}/{nb}), @title, @kv key|value,
  @subject, @h heading, @num label|text, @p text, @bullet text, @small text,
  @table w1,w2,... then rows "a|b|c" (first row = header) until @endtable.
- *.src (DOCX) lines: @header, @footer, @title, @kv key|value, "# " Heading 1, "## " Heading 2,
  "- " bullet, @rec label|text, @table rows until @endtable, other lines = Normal paragraphs.
"""
import datetime
import io
import shutil
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
FIXED = datetime.datetime(2024, 5, 1, 9, 0, 0, tzinfo=datetime.timezone.utc)


# ----------------------------------------------------------------------------------------- PDF
def make_pdf(src: Path, out: Path) -> None:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    lines = src.read_text(encoding="utf-8").splitlines()
    meta = {}
    for ln in lines:
        if ln.startswith("@header "):
            meta["header"] = ln[8:].split("|")
        elif ln.startswith("@footer "):
            meta["footer"] = ln[8:].split("|")

    class Report(FPDF):
        def header(self):
            left, right = meta["header"]
            self.set_font("Helvetica", "I", 8)
            self.set_text_color(90, 90, 90)
            self.cell(self.epw / 2, 5, left)
            self.cell(self.epw / 2, 5, right, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
            self.ln(6)
            self.set_text_color(0, 0, 0)

        def footer(self):
            left, right = meta["footer"]
            self.set_y(-14)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(self.epw / 2, 5, left)
            self.cell(self.epw / 2, 5, right.format(page=self.page_no(), nb="{nb}"), align="R")
            self.set_text_color(0, 0, 0)

    pdf = Report(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_title("Cabinet report: Community Safety Partnership merger")
    pdf.set_author("Marlford District Council")
    pdf.set_producer("fpdf2")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=20)
    pdf.alias_nb_pages()
    pdf.add_page()
    body = 9.5
    lh = 4.8

    i = 0
    while i < len(lines):
        ln = lines[i]
        i += 1
        if not ln.strip() or ln.startswith("@header") or ln.startswith("@footer"):
            continue
        if ln.startswith("@title "):
            pdf.set_font("Helvetica", "B", 15)
            pdf.cell(0, 9, ln[7:], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif ln.startswith("@kv "):
            k, v = ln[4:].split("|", 1)
            pdf.set_font("Helvetica", "B", body)
            pdf.cell(42, lh + 0.6, k)
            pdf.set_font("Helvetica", "", body)
            pdf.multi_cell(0, lh + 0.6, v, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif ln.startswith("@subject "):
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 6, ln[9:], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif ln.startswith("@h "):
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 6, ln[3:], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(0.5)
        elif ln.startswith("@num "):
            label, text = ln[5:].split("|", 1)
            pdf.set_font("Helvetica", "", body)
            pdf.cell(12, lh, label)
            pdf.multi_cell(0, lh, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1.5)
        elif ln.startswith("@p "):
            pdf.set_font("Helvetica", "", body)
            pdf.multi_cell(0, lh, ln[3:], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif ln.startswith("@small "):
            pdf.set_font("Helvetica", "I", 8)
            pdf.multi_cell(0, 4.2, ln[7:], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif ln.startswith("@bullet "):
            pdf.set_font("Helvetica", "", body)
            pdf.cell(6, lh, chr(149))  # Windows-1252 bullet in the core font
            pdf.multi_cell(0, lh, ln[8:], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(0.8)
        elif ln.startswith("@table "):
            widths = tuple(int(w) for w in ln[7:].split(","))
            rows = []
            while lines[i] != "@endtable":
                rows.append(lines[i].split("|"))
                i += 1
            i += 1
            pdf.set_font("Helvetica", "", 8.5)
            with pdf.table(col_widths=widths, width=sum(widths), text_align="LEFT",
                           line_height=4.4, first_row_as_headings=True) as table:
                for r in rows:
                    row = table.row()
                    for c in r:
                        row.cell(c)
            pdf.ln(3)
        else:
            raise ValueError(f"unknown PDF source line: {ln!r}")
    pdf.output(str(out))


# ---------------------------------------------------------------------------------------- DOCX
def _add_page_field(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def make_docx(src: Path, out: Path) -> None:
    import docx
    from docx.shared import Pt

    lines = src.read_text(encoding="utf-8").splitlines()
    d = docx.Document()
    d.styles["Normal"].font.name = "Arial"
    d.styles["Normal"].font.size = Pt(11)
    cp = d.core_properties
    cp.author = "Northwold County Council"
    cp.last_modified_by = "Northwold County Council"
    cp.title = "Review of Board Governance and Sub-structure"
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    sec = d.sections[0]

    i = 0
    while i < len(lines):
        ln = lines[i]
        i += 1
        if not ln.strip():
            continue
        if ln.startswith("@header "):
            sec.header.paragraphs[0].text = ln[8:]
        elif ln.startswith("@footer "):
            p = sec.footer.paragraphs[0]
            p.text = ln[8:] + " – Page "
            _add_page_field(p)
        elif ln.startswith("@title "):
            p = d.add_paragraph()
            r = p.add_run(ln[7:])
            r.bold = True
            r.font.size = Pt(16)
        elif ln.startswith("@kv "):
            k, v = ln[4:].split("|", 1)
            p = d.add_paragraph()
            p.add_run(k).bold = True
            p.add_run(" " + v)
        elif ln.startswith("## "):
            d.add_heading(ln[3:], level=2)
        elif ln.startswith("# "):
            d.add_heading(ln[2:], level=1)
        elif ln.startswith("- "):
            d.add_paragraph(ln[2:], style="List Bullet")
        elif ln.startswith("@rec "):
            label, text = ln[5:].split("|", 1)
            p = d.add_paragraph()
            p.add_run(label).bold = True
            p.add_run(" " + text)
        elif ln == "@table":
            rows = []
            while lines[i] != "@endtable":
                rows.append(lines[i].split("|"))
                i += 1
            i += 1
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, val in enumerate(row):
                    t.cell(r, c).text = val
                    if r == 0:
                        t.cell(r, c).paragraphs[0].runs[0].bold = True
        elif ln.startswith("@"):
            raise ValueError(f"unknown DOCX source line: {ln!r}")
        else:
            d.add_paragraph(ln)

    buf = io.BytesIO()
    d.save(buf)
    # Re-zip with fixed timestamps so the file is reproducible byte for byte.
    src_zip = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src_zip.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 5, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src_zip.read(info.filename))


def main() -> None:
    RAW.mkdir(exist_ok=True)
    shutil.copyfile(SRC / "brackenford_unitary_scrutiny_minutes_2024.txt",
                    RAW / "brackenford_unitary_scrutiny_minutes_2024.txt")
    shutil.copyfile(SRC / "hollinsdale_council_news_place_board_2023.txt",
                    RAW / "hollinsdale_council_news_place_board_2023.txt")
    make_pdf(SRC / "marlford_district_cabinet_report_2023.src",
             RAW / "marlford_district_cabinet_report_2023.pdf")
    make_docx(SRC / "northwold_hwb_task_finish_report_2024.src",
              RAW / "northwold_hwb_task_finish_report_2024.docx")
    for f in sorted(RAW.iterdir()):
        print(f.name, f.stat().st_size)


if __name__ == "__main__":
    main()
