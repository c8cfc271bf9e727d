#!/usr/bin/env python
"""Regenerate the four held-out evaluation documents in raw/ from the text sources in sources/.

Run with the project venv:  /work/main/.venv/bin/python make_documents.py
Requires LibreOffice (soffice) for the Word 97-2003 conversions.

Source mark-up (sources/*.txt, one paragraph per line):
  @header / @footer / @header_left / @header_right  page header and footer text
  = text        bold paragraph          # / ## / ###   Heading 1 / 2 / 3
  * text        List Bullet             + text         List Number
  > text        indented paragraph      |a|b|c|        table row (|!a|b| = header row)
  !pagebreak    page break              anything else  normal paragraph
  (PDF only) TITLE: / SUBTITLE: / INTRO:, [QUOTE] text, [BOX] title ... [/BOX], !colbreak
"""
import csv
import datetime as dt
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Cm

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
FONT_DIR = "/usr/share/fonts/truetype/dejavu"


# ----------------------------------------------------------------------------------------------
# Word documents
# ----------------------------------------------------------------------------------------------
def _add_page_field(paragraph):
    run = paragraph.add_run()
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    run._r.addnext(fld)


def build_docx(source: Path, out: Path, author: str, title: str, when: dt.datetime, body_font: str):
    doc = docx.Document()
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = title
    cp.created = when
    cp.modified = when
    cp.revision = 3
    cp.comments = ""
    normal = doc.styles["Normal"]
    normal.font.name = body_font
    normal.font.size = Pt(11)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2.3)

    lines = source.read_text(encoding="utf-8").splitlines()
    table_rows = []

    def flush_table():
        if not table_rows:
            return
        ncols = max(len(r[1]) for r in table_rows)
        table = doc.add_table(rows=0, cols=ncols)
        table.style = "Table Grid"
        widths = [Cm(3.5), Cm(12.9)] if ncols == 2 else None
        for is_header, cells in table_rows:
            row = table.add_row().cells
            for i, text in enumerate(cells):
                row[i].text = ""
                run = row[i].paragraphs[0].add_run(text)
                run.bold = is_header or (ncols == 2 and i == 0)
                if widths:
                    row[i].width = widths[i]
        if widths:
            table.autofit = False
            for i, w in enumerate(widths):
                table.columns[i].width = w
        table_rows.clear()
        doc.add_paragraph("")

    for line in lines:
        if not line.strip():
            continue
        if line.startswith("|"):
            is_header = line.startswith("|!")
            cells = line.strip().strip("|").lstrip("!").split("|")
            table_rows.append((is_header, cells))
            continue
        flush_table()
        if line.startswith("@header "):
            section.header.paragraphs[0].text = line[len("@header "):]
        elif line.startswith("@footer "):
            p = section.footer.paragraphs[0]
            p.text = line[len("@footer "):]
            if p.text.endswith("Page"):
                p.add_run(" ")
                _add_page_field(p)
        elif line.startswith("= "):
            p = doc.add_paragraph()
            p.add_run(line[2:]).bold = True
        elif line.startswith("### "):
            doc.add_heading(line[4:], level=3)
        elif line.startswith("## "):
            doc.add_heading(line[3:], level=2)
        elif line.startswith("# "):
            doc.add_heading(line[2:], level=1)
        elif line.startswith("* "):
            doc.add_paragraph(line[2:], style="List Bullet")
        elif line.startswith("+ "):
            doc.add_paragraph(line[2:], style="List Number")
        elif line.startswith("> "):
            p = doc.add_paragraph(line[2:])
            p.paragraph_format.left_indent = Cm(1.0)
        elif line.strip() == "!pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            doc.add_paragraph(line)
    flush_table()
    doc.save(out)


def docx_to_doc(docx_path: Path, final_path: Path):
    """Convert with LibreOffice to Word 97-2003 binary and move to final_path."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        outdir.mkdir()
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "doc:MS Word 97", "--outdir", str(outdir), str(docx_path)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        produced = outdir / (docx_path.stem + ".doc")
        shutil.move(str(produced), final_path)
    docx_path.unlink()


# ----------------------------------------------------------------------------------------------
# Spreadsheet
# ----------------------------------------------------------------------------------------------
def build_xlsx(out: Path):
    import xlsxwriter

    log = list(csv.DictReader(open(SRC / "northumberland_csp_action_log.csv", encoding="utf-8")))
    reg = list(csv.DictReader(open(SRC / "northumberland_csp_decisions_register.csv", encoding="utf-8")))

    wb = xlsxwriter.Workbook(str(out))
    wb.set_properties({
        "title": "Safer Northumberland Partnership action log",
        "author": "Community Safety Team",
        "company": "Northumberland County Council",
        "created": dt.datetime(2025, 3, 4, 9, 15, 0),
    })
    title_f = wb.add_format({"bold": True, "font_size": 14, "font_color": "#1F3864", "valign": "vcenter"})
    sub_f = wb.add_format({"italic": True, "font_size": 9, "text_wrap": True, "valign": "top"})
    head_f = wb.add_format({"bold": True, "bg_color": "#1F3864", "font_color": "#FFFFFF",
                            "border": 1, "text_wrap": True, "valign": "vcenter"})
    text_f = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
    date_f = wb.add_format({"num_format": "dd/mm/yyyy", "valign": "top", "border": 1, "align": "left"})
    status_fmt = {
        "Open": wb.add_format({"valign": "top", "border": 1, "bg_color": "#FFEB9C"}),
        "Complete": wb.add_format({"valign": "top", "border": 1, "bg_color": "#C6EFCE"}),
        "Deferred": wb.add_format({"valign": "top", "border": 1, "bg_color": "#F4B183"}),
        "Superseded": wb.add_format({"valign": "top", "border": 1, "bg_color": "#D9D9D9"}),
    }

    def write_date_or_text(ws, r, c, value):
        if not value:
            ws.write_blank(r, c, None, text_f)
        else:
            try:
                d = dt.datetime.strptime(value, "%Y-%m-%d")
                ws.write_datetime(r, c, d, date_f)
            except ValueError:
                ws.write_string(r, c, value, text_f)

    # Sheet 1: action log
    ws = wb.add_worksheet("Action log")
    ws.merge_range("A1:H1", "Safer Northumberland Partnership — action log, updated 4 March 2025", title_f)
    ws.set_row(0, 24)
    ws.merge_range("A2:H2", "Actions and decisions from Partnership Board and Executive Group meetings. "
                   "Items marked Complete or Superseded are removed after two Board cycles. "
                   "Owner initials: see Key sheet.", sub_f)
    ws.set_row(1, 28)
    cols = ["Ref", "Date raised", "Meeting", "Action / decision", "Owner", "Due", "Status", "Notes"]
    widths = [11, 12, 15, 60, 22, 12, 12, 45]
    for c, (name, w) in enumerate(zip(cols, widths)):
        ws.write_string(3, c, name, head_f)
        ws.set_column(c, c, w)
    for i, row in enumerate(log):
        r = 4 + i
        ws.write_string(r, 0, row["Ref"], text_f)
        write_date_or_text(ws, r, 1, row["Date raised"])
        ws.write_string(r, 2, row["Meeting"], text_f)
        ws.write_string(r, 3, row["Action / decision"], text_f)
        if row["Owner"]:
            ws.write_string(r, 4, row["Owner"], text_f)
        else:
            ws.write_blank(r, 4, None, text_f)
        write_date_or_text(ws, r, 5, row["Due"])
        ws.write_string(r, 6, row["Status"], status_fmt[row["Status"]])
        if row["Notes"]:
            ws.write_string(r, 7, row["Notes"], text_f)
        else:
            ws.write_blank(r, 7, None, text_f)
    ws.freeze_panes(4, 0)
    ws.autofilter(3, 0, 3 + len(log), len(cols) - 1)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(3)
    ws.set_footer("&LSafer Northumberland Partnership&RPage &P of &N")

    # Sheet 2: decisions register
    ws2 = wb.add_worksheet("Decisions register")
    ws2.merge_range("A1:D1", "Decisions register 2024–25", title_f)
    for c, (name, w) in enumerate(zip(["Date", "Decision", "Made by", "Notes"], [12, 75, 18, 30])):
        ws2.write_string(2, c, name, head_f)
        ws2.set_column(c, c, w)
    for i, row in enumerate(reg):
        r = 3 + i
        write_date_or_text(ws2, r, 0, row["Date"])
        ws2.write_string(r, 1, row["Decision"], text_f)
        ws2.write_string(r, 2, row["Made by"], text_f)
        if row["Notes"]:
            ws2.write_string(r, 3, row["Notes"], text_f)
        else:
            ws2.write_blank(r, 3, None, text_f)
    ws2.freeze_panes(3, 0)

    # Sheet 3: key
    ws3 = wb.add_worksheet("Key")
    ws3.set_column(0, 0, 16)
    ws3.set_column(1, 1, 70)
    ws3.write_string(0, 0, "Status", head_f)
    ws3.write_string(0, 1, "Meaning", head_f)
    key = [
        ("Open", "Work in progress and within the due date"),
        ("Complete", "Finished; kept on the log for two Board cycles"),
        ("Deferred", "Paused by the Board or Executive Group; a new date will be set"),
        ("Superseded", "Overtaken by a later item – see Notes for the replacement reference"),
        ("", ""),
        ("Owner", "Initials used"),
        ("KL", "Kate Lindqvist, Head of Community Safety, Northumberland County Council"),
        ("AT", "Adam Telford, Partnership Support Officer"),
        ("GR", "Supt. Gavin Robson, Northumbria Police (Northumberland Area Command)"),
        ("SP", "Sana Patel, Domestic Abuse Coordinator"),
        ("MH", "Morag Hindmarsh, Information Governance Lead"),
        ("JB", "Jess Blackett, Communications Officer"),
    ]
    for i, (a, b) in enumerate(key):
        r = 1 + i
        if a == "Owner":
            ws3.write_string(r, 0, a, head_f)
            ws3.write_string(r, 1, b, head_f)
        elif a:
            ws3.write_string(r, 0, a)
            ws3.write_string(r, 1, b)
    wb.close()


# ----------------------------------------------------------------------------------------------
# Two-column PDF newsletter
# ----------------------------------------------------------------------------------------------
def build_pdf(source: Path, out: Path):
    from fpdf import FPDF
    from fpdf.enums import MethodReturnValue

    meta = {}
    blocks = []  # (kind, payload)
    box = None
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("@"):
            k, v = line[1:].split(" ", 1)
            meta[k] = v
        elif line.startswith(("TITLE:", "SUBTITLE:", "INTRO:")):
            k, v = line.split(":", 1)
            meta[k] = v.strip()
        elif line.startswith("[BOX]"):
            box = {"title": line[5:].strip(), "items": []}
        elif line.startswith("[/BOX]"):
            blocks.append(("box", box))
            box = None
        elif box is not None:
            box["items"].append(line[2:] if line.startswith("* ") else line)
        elif line.startswith("[QUOTE]"):
            blocks.append(("quote", line[7:].strip()))
        elif line.startswith("## "):
            blocks.append(("h", line[3:]))
        elif line.strip() == "!colbreak":
            blocks.append(("colbreak", None))
        elif line.startswith("* "):
            blocks.append(("bullet", line[2:]))
        else:
            blocks.append(("p", line))

    NAVY = (20, 61, 89)
    TEAL = (0, 122, 120)

    class News(FPDF):
        def header(self):
            self.set_font("DejaVu", "", 7.5)
            self.set_text_color(*NAVY)
            self.set_xy(15, 8)
            self.cell(90, 4, meta["header_left"], align="L")
            self.set_xy(105, 8)
            self.cell(90, 4, meta["header_right"], align="R")
            self.set_draw_color(*TEAL)
            self.set_line_width(0.4)
            self.line(15, 13, 195, 13)

        def footer(self):
            self.set_draw_color(*TEAL)
            self.set_line_width(0.2)
            self.line(15, 284, 195, 284)
            self.set_font("DejaVu", "", 7.5)
            self.set_text_color(90, 90, 90)
            self.set_xy(15, 285.5)
            self.cell(120, 4, meta["footer"], align="L")
            self.set_xy(135, 285.5)
            self.cell(60, 4, f"Page {self.page_no()} of {{nb}}", align="R")

    pdf = News(format="A4", unit="mm")
    pdf.set_creation_date(dt.datetime(2024, 4, 2, 10, 0, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Partnership review: what changes")
    pdf.set_author("Angus Community Planning Partnership")
    pdf.set_creator("Partnership News")
    pdf.set_producer("Partnership News")
    pdf.add_font("DejaVu", "", f"{FONT_DIR}/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", f"{FONT_DIR}/DejaVuSans-Bold.ttf")
    pdf.add_font("DejaVu", "I", f"{FONT_DIR}/DejaVuSans-Oblique.ttf")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 15, 15)
    pdf.add_page()

    # full-width title block
    pdf.set_xy(15, 18)
    pdf.set_font("DejaVu", "B", 22)
    pdf.set_text_color(*NAVY)
    pdf.multi_cell(180, 10, meta["TITLE"], align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "I", 10.5)
    pdf.set_text_color(*TEAL)
    pdf.multi_cell(180, 5.5, meta["SUBTITLE"], align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    y = pdf.get_y()
    pdf.set_font("DejaVu", "", 10.5)
    pdf.set_text_color(30, 30, 30)
    intro_lines = pdf.multi_cell(172, 5.6, meta["INTRO"], dry_run=True, output=MethodReturnValue.LINES)
    h = len(intro_lines) * 5.6 + 8
    pdf.set_fill_color(228, 240, 240)
    pdf.rect(15, y, 180, h, style="F")
    pdf.set_xy(19, y + 4)
    for ln in intro_lines:
        pdf.set_x(19)
        pdf.cell(172, 5.6, ln, new_x="LMARGIN", new_y="NEXT")
    top = y + h + 6

    # two-column flow
    COL_W, GUTTER, BOTTOM = 86.0, 8.0, 279.0
    col_x = [15.0, 15.0 + COL_W + GUTTER]
    state = {"col": 0, "y": top, "top": top}
    BODY, LH = 9.3, 4.5

    def next_col():
        if state["col"] == 0:
            state["col"] = 1
            state["y"] = state["top"]
        else:
            pdf.add_page()
            state["col"] = 0
            state["top"] = 19.0
            state["y"] = 19.0

    def x0():
        return col_x[state["col"]]

    def lines_for(text, width, style="", size=BODY):
        pdf.set_font("DejaVu", style, size)
        return pdf.multi_cell(width, LH, text, dry_run=True, output=MethodReturnValue.LINES)

    def emit_lines(lines, indent=0.0, style="", size=BODY, lh=LH, color=(30, 30, 30), bullet=False):
        first = True
        for ln in lines:
            if state["y"] + lh > BOTTOM:
                next_col()
            pdf.set_font("DejaVu", style, size)
            pdf.set_text_color(*color)
            if bullet and first:
                pdf.set_text_color(*TEAL)
                pdf.set_xy(x0(), state["y"])
                pdf.cell(4, lh, "•")
                pdf.set_text_color(*color)
            pdf.set_xy(x0() + indent, state["y"])
            pdf.cell(COL_W - indent, lh, ln)
            state["y"] += lh
            first = False

    for kind, payload in blocks:
        if kind == "colbreak":
            next_col()
        elif kind == "h":
            if state["y"] + 6 + 3 * LH > BOTTOM:
                next_col()
            state["y"] += 2.0
            pdf.set_font("DejaVu", "B", 11.5)
            pdf.set_text_color(*NAVY)
            pdf.set_xy(x0(), state["y"])
            pdf.cell(COL_W, 6, payload)
            state["y"] += 6.0
            pdf.set_draw_color(*TEAL)
            pdf.set_line_width(0.3)
            pdf.line(x0(), state["y"], x0() + 25, state["y"])
            state["y"] += 1.5
        elif kind == "p":
            emit_lines(lines_for(payload, COL_W))
            state["y"] += 1.8
        elif kind == "bullet":
            emit_lines(lines_for(payload, COL_W - 4), indent=4, bullet=True)
            state["y"] += 0.8
        elif kind == "quote":
            qlines = lines_for(payload, COL_W - 8, "I", 10.5)
            qh = len(qlines) * 5.2 + 6
            if state["y"] + qh > BOTTOM:
                next_col()
            state["y"] += 2
            pdf.set_fill_color(*TEAL)
            pdf.rect(x0(), state["y"], 1.6, qh - 2, style="F")
            state["y"] += 1
            for ln in qlines:
                pdf.set_font("DejaVu", "I", 10.5)
                pdf.set_text_color(*NAVY)
                pdf.set_xy(x0() + 6, state["y"])
                pdf.cell(COL_W - 8, 5.2, ln)
                state["y"] += 5.2
            state["y"] += 5
        elif kind == "box":
            tlines = lines_for(payload["title"], COL_W - 8, "B", 10.5)
            item_lines = [lines_for(it, COL_W - 12) for it in payload["items"]]
            bh = len(tlines) * 5.4 + sum(len(il) * LH + 1.0 for il in item_lines) + 9
            if state["y"] + bh + 4 > BOTTOM:
                next_col()
            state["y"] += 2
            pdf.set_fill_color(236, 243, 248)
            pdf.set_draw_color(*NAVY)
            pdf.set_line_width(0.5)
            pdf.rect(x0(), state["y"], COL_W, bh, style="DF")
            yy = state["y"] + 4
            for ln in tlines:
                pdf.set_font("DejaVu", "B", 10.5)
                pdf.set_text_color(*NAVY)
                pdf.set_xy(x0() + 4, yy)
                pdf.cell(COL_W - 8, 5.4, ln)
                yy += 5.4
            yy += 1
            for il in item_lines:
                for j, ln in enumerate(il):
                    pdf.set_font("DejaVu", "", BODY)
                    if j == 0:
                        pdf.set_text_color(*TEAL)
                        pdf.set_xy(x0() + 4, yy)
                        pdf.cell(4, LH, "•")
                    pdf.set_text_color(30, 30, 30)
                    pdf.set_xy(x0() + 8, yy)
                    pdf.cell(COL_W - 12, LH, ln)
                    yy += LH
                yy += 1.0
            state["y"] += bh + 4
    pdf.output(str(out))


def main():
    RAW.mkdir(exist_ok=True)
    # 1. Sefton LSP board paper, 2006 -> Word 97 .doc
    tmp_docx = RAW / "sefton_lsp_future_structure_2006-09.docx"
    build_docx(SRC / "sefton_lsp_future_structure_2006-09.txt", tmp_docx,
               author="hmarsh", title="Future structure of the Partnership",
               when=dt.datetime(2006, 9, 12, 14, 5, 0), body_font="Arial")
    docx_to_doc(tmp_docx, RAW / "sefton_lsp_future_structure_2006-09.doc")

    # 2. Bedford O&S minutes, 2010 -> Word 97 bytes saved as ViewSelectedDocument.asp
    tmp_docx = RAW / "bedford_osc_safer_communities_2010-07.docx"
    build_docx(SRC / "bedford_osc_safer_communities_2010-07.txt", tmp_docx,
               author="jward", title="Overview and Scrutiny Committee minutes 13 July 2010",
               when=dt.datetime(2010, 7, 20, 9, 30, 0), body_font="Times New Roman")
    docx_to_doc(tmp_docx, RAW / "ViewSelectedDocument.asp")

    # 3. Safer Northumberland Partnership action log -> xlsx
    build_xlsx(RAW / "safer_northumberland_csp_action_log_2025-03.xlsx")

    # 4. Angus CPP newsletter -> two-column PDF
    build_pdf(SRC / "angus_cpp_review_newsletter_2024.txt",
              RAW / "angus_cpp_partnership_review_newsletter_2024.pdf")
    for p in sorted(RAW.iterdir()):
        print(p.name, p.stat().st_size)


if __name__ == "__main__":
    main()
