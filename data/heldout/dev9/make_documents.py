"""Regenerate the four evaluation documents in raw/ from the text sources in sources/.

Run with /work/main/.venv/bin/python make_documents.py (LibreOffice `soffice` must be on PATH).

  sources/ashcombe_lsp_review_cabinet_2007-07.txt   -> raw/ashcombe_lsp_review_cabinet_2007-07.doc
  sources/safer_westmarsh_executive_2009-09.txt     -> raw/GetDocument.ashx   (a Word 97 .doc saved under the
                                                        website's script name)
  sources/kingsmere_hwb_scrutiny_tracker.json        -> raw/kingsmere_hwb_scrutiny_tracker_2020-02.xlsx
  sources/dyfnant_psb_annual_report_2023-24.txt      -> raw/dyfnant_psb_annual_report_2023-24.pdf

Markup of the .txt sources (one paragraph per line, blank lines ignored):
  !title / !bold / !header / !footer   Title paragraph, bold paragraph, page header, page footer
  # / ##                               Heading 1 / Heading 2
  - / +                                'List Bullet' / 'List Number' paragraph
  |a|b|c                               table row (consecutive rows form one table; header bold if >2 cols)
  (a) ...                              indented resolution / recommendation part
PDF-only markup: !kicker, !intro (full width), > pull quote, >> attribution, !boxtitle, * box bullet.

Dates inside the files are fixed (document properties, PDF creation date), so all four files regenerate
byte-for-byte (checked with LibreOffice 7.x on this machine; another LibreOffice version may write the .doc
bytes differently, but the visible text is the same). The intermediate .docx files are written to a temporary
folder and deleted.
"""
import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
RAW = os.path.join(HERE, "raw")
FIXED = dt.datetime(2024, 7, 18, 9, 0, 0)


def read_lines(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        return [ln.rstrip("\n") for ln in f if ln.strip()]


# ----------------------------------------------------------------------------------------- Word 97
def build_docx(src_name, docx_path, created):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2.2)
    cp = d.core_properties
    cp.author = "Democratic Services"
    cp.created = created
    cp.modified = created
    cp.last_modified_by = "Democratic Services"
    cp.revision = 1
    cp.comments = ""

    lines = read_lines(src_name)
    table_rows = []

    def flush_table():
        if not table_rows:
            return
        ncols = max(len(r) for r in table_rows)
        t = d.add_table(rows=0, cols=ncols)
        t.style = "Table Grid"
        for i, r in enumerate(table_rows):
            cells = t.add_row().cells
            for j in range(ncols):
                txt = r[j] if j < len(r) else ""
                cells[j].text = txt
                if (i == 0 and ncols > 2) or (ncols == 2 and j == 0 and txt.endswith(":")):
                    for run in cells[j].paragraphs[0].runs:
                        run.bold = True
        d.add_paragraph()
        table_rows.clear()

    for ln in lines:
        if ln.startswith("|"):
            table_rows.append(ln[1:].split("|"))
            continue
        flush_table()
        if ln.startswith("!header "):
            p = sec.header.paragraphs[0]
            p.text = ln[8:]
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif ln.startswith("!footer "):
            p = sec.footer.paragraphs[0]
            p.add_run(ln[8:] + " – page ")
            fld = OxmlElement("w:fldSimple")
            fld.set(qn("w:instr"), "PAGE")
            r = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = "1"
            r.append(t)
            fld.append(r)
            p._p.append(fld)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif ln.startswith("!title "):
            d.add_paragraph(ln[7:], style="Title")
        elif ln.startswith("!bold "):
            p = d.add_paragraph()
            p.add_run(ln[6:]).bold = True
        elif ln.startswith("## "):
            d.add_heading(ln[3:], level=2)
        elif ln.startswith("# "):
            d.add_heading(ln[2:], level=1)
        elif ln.startswith("- "):
            d.add_paragraph(ln[2:], style="List Bullet")
        elif ln.startswith("+ "):
            d.add_paragraph(ln[2:], style="List Number")
        elif ln.startswith("(") or ln.startswith("ACTION:"):
            p = d.add_paragraph(ln)
            p.paragraph_format.left_indent = Cm(1.0)
            if ln.startswith("ACTION:"):
                p.runs[0].bold = True
        else:
            d.add_paragraph(ln)
    flush_table()
    d.save(docx_path)


def docx_to_doc(docx_path, out_path):
    outdir = tempfile.mkdtemp()
    subprocess.run(["soffice", "--headless", "--convert-to", "doc:MS Word 97", "--outdir", outdir, docx_path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = os.path.splitext(os.path.basename(docx_path))[0] + ".doc"
    shutil.move(os.path.join(outdir, base), out_path)
    shutil.rmtree(outdir)


def make_doc(src_name, out_name, created):
    tmp = tempfile.mkdtemp()
    docx_path = os.path.join(tmp, os.path.splitext(src_name)[0] + ".docx")
    build_docx(src_name, docx_path, created)
    docx_to_doc(docx_path, os.path.join(RAW, out_name))
    shutil.rmtree(tmp)  # the intermediate .docx is not kept


# ----------------------------------------------------------------------------------------- XLSX
def make_xlsx(src_name, out_name):
    import xlsxwriter

    with open(os.path.join(SRC, src_name), encoding="utf-8") as f:
        s = json.load(f)
    wb = xlsxwriter.Workbook(os.path.join(RAW, out_name))
    wb.set_properties({"title": s["title"] + " – scrutiny recommendations tracker",
                       "author": "HWB Business Manager", "company": "Kingsmere Borough Council",
                       "created": dt.datetime(2020, 2, 4, 16, 30, 0)})
    title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#FFFFFF", "bg_color": "#1F4E79",
                           "align": "left", "valign": "vcenter"})
    sub = wb.add_format({"italic": True, "text_wrap": True, "valign": "top"})
    head = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "top"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
    date = wb.add_format({"num_format": "dd/mm/yyyy", "valign": "top", "border": 1})
    rag = {"Green": wb.add_format({"bg_color": "#C6EFCE", "border": 1, "valign": "top"}),
           "Amber": wb.add_format({"bg_color": "#FFEB9C", "border": 1, "valign": "top"}),
           "Red": wb.add_format({"bg_color": "#FFC7CE", "border": 1, "valign": "top"}),
           "": wrap}

    def to_date(v):
        return dt.datetime.strptime(v, "%Y-%m-%d")

    ws = wb.add_worksheet("Tracker")
    widths = [7, 48, 16, 40, 22, 12, 9, 55]
    for i, w in enumerate(widths):
        ws.set_column(i, i, w)
    ws.merge_range(0, 0, 0, len(widths) - 1, s["title"], title)
    ws.set_row(0, 24)
    ws.merge_range(1, 0, 1, len(widths) - 1, s["subtitle"], sub)
    ws.set_row(1, 32)
    ws.write_row(3, 0, s["open_header"], head)
    for r, row in enumerate(s["open_rows"], start=4):
        for c, v in enumerate(row):
            if c == 0:
                ws.write_number(r, c, int(v), wrap)
            elif c == 5 and v:
                ws.write_datetime(r, c, to_date(v), date)
            elif c == 6:
                if v:
                    ws.write_string(r, c, v, rag[v])
                else:
                    ws.write_blank(r, c, None, wrap)
            elif v:
                ws.write_string(r, c, v, wrap)
            else:
                ws.write_blank(r, c, None, wrap)
    ws.freeze_panes(4, 0)
    ws.autofilter(3, 0, 3 + len(s["open_rows"]), len(widths) - 1)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(3)

    ws2 = wb.add_worksheet("Completed")
    widths2 = [7, 55, 16, 55, 12, 22]
    for i, w in enumerate(widths2):
        ws2.set_column(i, i, w)
    ws2.merge_range(0, 0, 0, len(widths2) - 1, s["done_title"], title)
    ws2.write_row(2, 0, s["done_header"], head)
    for r, row in enumerate(s["done_rows"], start=3):
        for c, v in enumerate(row):
            if c == 0:
                ws2.write_number(r, c, int(v), wrap)
            elif c == 4:
                ws2.write_datetime(r, c, to_date(v), date)
            else:
                ws2.write_string(r, c, v, wrap)

    ws3 = wb.add_worksheet("Key")
    ws3.set_column(0, 0, 12)
    ws3.set_column(1, 1, 70)
    ws3.write(0, 0, s["key_title"], head)
    for r, (k, v) in enumerate(s["key_rows"], start=1):
        ws3.write_string(r, 0, k, rag.get(k, wrap))
        ws3.write_string(r, 1, v, wrap)
    wb.close()


# ----------------------------------------------------------------------------------------- two-column PDF
def make_pdf(src_name, out_name):
    from fpdf import FPDF

    lines = read_lines(src_name)
    meta = {}
    body, box = [], []
    for ln in lines:
        if ln.startswith("!boxtitle "):
            meta["boxtitle"] = ln[10:]
        elif ln.startswith("* "):
            box.append(ln[2:])
        elif ln.startswith("!"):
            k, v = ln[1:].split(" ", 1)
            meta[k] = v
        else:
            body.append(ln)

    TEAL = (0, 98, 105)
    FONT = "/usr/share/fonts/truetype/dejavu/"

    class Newsletter(FPDF):
        def header(self):
            self.set_font("DejaVu", "", 7.5)
            self.set_text_color(*TEAL)
            self.set_xy(15, 8)
            self.cell(0, 4, meta["header"], align="L")
            self.set_draw_color(*TEAL)
            self.line(15, 13, 195, 13)
            self.set_text_color(0, 0, 0)
            self.set_xy(15, 17)

        def footer(self):
            self.set_y(-12)
            self.set_font("DejaVu", "", 7.5)
            self.set_text_color(90, 90, 90)
            self.cell(0, 4, f"{meta['footer']} · Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = Newsletter(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_title(meta["title"])
    pdf.set_author("Dyfnant Public Services Board")
    pdf.set_creator("Dyfnant PSB support team")
    pdf.set_producer("fpdf2")
    pdf.add_font("DejaVu", "", FONT + "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", FONT + "DejaVuSans-Bold.ttf")
    pdf.add_font("DejaVu", "I", FONT + "DejaVuSans-Oblique.ttf")
    pdf.set_margins(15, 16, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.alias_nb_pages()
    pdf.add_page()

    # full-width masthead
    pdf.set_fill_color(*TEAL)
    pdf.rect(15, 16, 180, 24, style="F")
    pdf.set_xy(19, 18.5)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", "B", 8)
    pdf.cell(0, 5, meta["kicker"])
    pdf.set_xy(19, 25)
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(172, 7, meta["title"])
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(15, 43)
    pdf.set_font("DejaVu", "I", 9.5)
    pdf.multi_cell(180, 5, meta["intro"])
    pdf.ln(3)

    with pdf.text_columns(ncols=2, gutter=8, text_align="LEFT", line_height=1.3, balance=True) as cols:
        for ln in body:
            if ln.startswith("## "):
                pdf.set_font("DejaVu", "B", 10.5)
                pdf.set_text_color(*TEAL)
                with cols.paragraph(top_margin=2.5, bottom_margin=1) as par:
                    par.write(ln[3:])
                pdf.set_text_color(0, 0, 0)
            elif ln.startswith(">> "):
                pdf.set_font("DejaVu", "", 8)
                pdf.set_text_color(*TEAL)
                with cols.paragraph(text_align="RIGHT", bottom_margin=3) as par:
                    par.write("— " + ln[3:])
                pdf.set_text_color(0, 0, 0)
            elif ln.startswith("> "):
                pdf.set_font("DejaVu", "B", 11)
                pdf.set_text_color(*TEAL)
                with cols.paragraph(top_margin=3, bottom_margin=1) as par:
                    par.write(ln[2:])
                pdf.set_text_color(0, 0, 0)
            elif ln.startswith("- "):
                pdf.set_font("DejaVu", "", 9.5)
                with cols.paragraph(bottom_margin=1.2) as par:
                    par.write("• " + ln[2:])
            else:
                pdf.set_font("DejaVu", "", 9.5)
                with cols.paragraph(bottom_margin=2) as par:
                    par.write(ln)

    # boxed "At a glance" panel, full width below the columns
    y = pdf.get_y() + 4
    h = 9 + 5.2 * ((len(box) + 1) // 2)
    if y + h > 297 - 18:
        pdf.add_page()
        y = pdf.get_y() + 2
    pdf.set_draw_color(*TEAL)
    pdf.set_fill_color(230, 242, 243)
    pdf.set_line_width(0.6)
    pdf.rect(15, y, 180, h, style="DF")
    pdf.set_xy(19, y + 2)
    pdf.set_font("DejaVu", "B", 10.5)
    pdf.set_text_color(*TEAL)
    pdf.cell(0, 5, meta["boxtitle"])
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "", 9)
    half = (len(box) + 1) // 2
    for i, b in enumerate(box):
        col, row = divmod(i, half)
        pdf.set_xy(19 + col * 88, y + 8 + row * 5.2)
        pdf.cell(86, 5, "• " + b)
    pdf.output(os.path.join(RAW, out_name))


def main():
    os.makedirs(RAW, exist_ok=True)
    make_doc("ashcombe_lsp_review_cabinet_2007-07.txt", "ashcombe_lsp_review_cabinet_2007-07.doc",
             dt.datetime(2007, 7, 2, 11, 15, 0))
    make_doc("safer_westmarsh_executive_2009-09.txt", "GetDocument.ashx",
             dt.datetime(2009, 9, 24, 14, 40, 0))
    make_xlsx("kingsmere_hwb_scrutiny_tracker.json", "kingsmere_hwb_scrutiny_tracker_2020-02.xlsx")
    make_pdf("dyfnant_psb_annual_report_2023-24.txt", "dyfnant_psb_annual_report_2023-24.pdf")


if __name__ == "__main__":
    main()
