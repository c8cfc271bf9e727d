"""Regenerate the five held-out documents in raw/ from the text sources in sources/.

Run with the workbook's venv:  /work/main/.venv/bin/python make_documents.py

Source markup (one block per line, blank lines ignored):
  # text / ## text / ### text   heading level 1 / 2 / 3
  ! text                        bold paragraph
  #. text                       item of an auto-numbered list (ODF list / Word "List Number");
                                the number is NOT part of the text
  - text                        bullet item (ODF list / Word "List Bullet" / RTF and PDF bullet)
  @widths a,b,c                 column widths (mm) for the next table (PDF only)
  |a|b|c|                       table row; the first row of a table is its header row
  anything else                 a paragraph (typed numbers such as "2.1" stay in the text)

All outputs are made byte-for-byte reproducible: fixed metadata dates, and zip containers
(ODT, DOCX) are rewritten with a fixed timestamp and a fixed entry order.
"""
import datetime
import io
import shutil
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------- parsing
def parse(path):
    blocks = []
    widths = None
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.rstrip()
        if not s.strip():
            continue
        if s.startswith("@widths"):
            widths = [float(x) for x in s.split()[1].split(",")]
            continue
        if s.startswith("|"):
            cells = [c.strip() for c in s.strip().strip("|").split("|")]
            if blocks and blocks[-1][0] == "table" and blocks[-1][3]:
                blocks[-1][2].append(cells)
            else:
                blocks.append(["table", widths, [cells], True])
                widths = None
            continue
        if blocks and blocks[-1][0] == "table":
            blocks[-1][3] = False  # close the table
        if s.startswith("#. "):
            if blocks and blocks[-1][0] == "num":
                blocks[-1][1].append(s[3:])
            else:
                blocks.append(["num", [s[3:]]])
        elif s.startswith("- "):
            if blocks and blocks[-1][0] == "bul":
                blocks[-1][1].append(s[2:])
            else:
                blocks.append(["bul", [s[2:]]])
        elif s.startswith("### "):
            blocks.append(["h", 3, s[4:]])
        elif s.startswith("## "):
            blocks.append(["h", 2, s[3:]])
        elif s.startswith("# "):
            blocks.append(["h", 1, s[2:]])
        elif s.startswith("! "):
            blocks.append(["b", s[2:]])
        else:
            blocks.append(["p", s])
    return blocks


def normalise_zip(data: bytes, first=None) -> bytes:
    """Rewrite a zip container with fixed timestamps (mimetype first and stored, for ODF)."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    names = zin.namelist()
    if first and first in names:
        names = [first] + [n for n in names if n != first]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for n in names:
            info = zipfile.ZipInfo(n, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(n))
    return out.getvalue()


# --------------------------------------------------------------------------- ODT
ODT_LIST_STYLES = """
<text:list-style style:name="NumberedResolution">
 <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/>
  </style:list-level-properties>
 </text:list-level-style-number>
</text:list-style>
""", """
<text:list-style style:name="BulletList">
 <text:list-level-style-bullet text:level="1" text:bullet-char="\u2022">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/>
  </style:list-level-properties>
 </text:list-level-style-bullet>
</text:list-style>
"""


def make_odt(src, dst):
    from odfdo import Document, Header, List, Paragraph, Table, Style, create_table_cell_style

    doc = Document("text")
    body = doc.body
    body.clear()
    for xml in ODT_LIST_STYLES:
        doc.insert_style(xml.strip())
    bold = Style("paragraph", name="BoldPara", parent_style="Standard")
    bold.set_properties({"fo:font-weight": "bold"}, area="text")
    doc.insert_style(bold)
    cell_style = create_table_cell_style(border="0.5pt solid #000000", padding="0.1cm")
    cell_name = doc.insert_style(cell_style, automatic=True)
    head_style = create_table_cell_style(border="0.5pt solid #000000", padding="0.1cm", background_color="#D9D9D9")
    head_name = doc.insert_style(head_style, automatic=True)
    ntab = 0
    for blk in parse(src):
        kind = blk[0]
        if kind == "h":
            h = Header(blk[1], blk[2])
            h.style = f"Heading_20_{blk[1]}"
            body.append(h)
        elif kind == "b":
            body.append(Paragraph(blk[1], style="BoldPara"))
        elif kind == "p":
            body.append(Paragraph(blk[1], style="Standard"))
        elif kind in ("num", "bul"):
            lst = List(style="NumberedResolution" if kind == "num" else "BulletList")
            for it in blk[1]:
                lst.append_item(Paragraph(it, style="Standard"))
            body.append(lst)
        elif kind == "table":
            rows = blk[2]
            ntab += 1
            tab = Table(f"Table{ntab}", width=len(rows[0]), height=len(rows))
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    cell = tab.get_cell((c, r))
                    cell.set_value(text, text=text)
                    cell.style = head_name if r == 0 else cell_name
                    tab.set_cell((c, r), cell)
            body.append(tab)
    fixed = datetime.datetime(2024, 6, 18, 9, 30, 0)
    doc.meta.set_creation_date(fixed)
    doc.meta.set_modification_date(fixed)
    doc.meta.set_generator("LibreOffice/7.5.9.2$Windows_X86_64 LibreOffice_project/cdeefe45c17511d326101eed8008ac4092f278a9")
    doc.meta.set_editing_cycles(3)
    doc.meta.set_editing_duration(datetime.timedelta(minutes=41))
    buf = io.BytesIO()
    doc.save(buf)
    dst.write_bytes(normalise_zip(buf.getvalue(), first="mimetype"))


# --------------------------------------------------------------------------- DOCX
def make_docx(src, dst):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    for blk in parse(src):
        kind = blk[0]
        if kind == "h":
            d.add_heading(blk[2], level=blk[1])
        elif kind == "b":
            p = d.add_paragraph()
            p.add_run(blk[1]).bold = True
        elif kind == "p":
            d.add_paragraph(blk[1])
        elif kind == "num":
            for it in blk[1]:
                d.add_paragraph(it, style="List Number")
        elif kind == "bul":
            for it in blk[1]:
                d.add_paragraph(it, style="List Bullet")
        elif kind == "table":
            rows = blk[2]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    t.cell(r, c).text = text
                    if c == 0:
                        for run in t.cell(r, c).paragraphs[0].runs:
                            run.bold = True
    cp = d.core_properties
    fixed = datetime.datetime(2025, 3, 6, 14, 12, 0)
    cp.author = "Liam Featherstone"
    cp.last_modified_by = "Democratic Services"
    cp.title = "Health and Wellbeing Board and Place-Based Partnership: governance review"
    cp.created = fixed
    cp.modified = fixed
    cp.revision = 4
    buf = io.BytesIO()
    d.save(buf)
    dst.write_bytes(normalise_zip(buf.getvalue()))


# --------------------------------------------------------------------------- RTF
def rtf_escape(text):
    out = []
    for ch in text:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif o < 128:
            out.append(ch)
        elif ch == "\u00a3":
            out.append("\\u163?")
        else:
            try:
                b = ch.encode("cp1252")
                out.append("\\'%02x" % b[0])
            except UnicodeEncodeError:
                out.append("\\u%d?" % (o if o < 32768 else o - 65536))
    return "".join(out)


def make_rtf(src, dst):
    L = []
    L.append(r"{\rtf1\ansi\ansicpg1252\deff0\deflang2057")
    L.append(r"{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\froman\fcharset0 Times New Roman;}}")
    L.append(r"{\colortbl;\red0\green0\blue0;\red217\green217\blue217;}")
    L.append(r"{\info{\title Review of the South Kesteven Community Safety Partnership}{\author CMIS}"
             r"{\creatim\yr2025\mo1\dy7\hr11\min4}{\revtim\yr2025\mo1\dy8\hr9\min52}}")
    L.append(r"\paperw11906\paperh16838\margl1134\margr1134\margt1134\margb1134")
    L.append(r"\viewkind4\uc1")
    L.append(r"{\header\pard\qr\f0\fs16 Communities Overview and Scrutiny Committee \'96 16 January 2025\par}")
    L.append(r"{\footer\pard\qc\f0\fs16 Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}")
    for blk in parse(src):
        kind = blk[0]
        if kind == "h":
            size = {1: 28, 2: 22, 3: 22}[blk[1]]
            L.append(r"\pard\plain\f0\sb240\sa120\keepn\b\fs%d %s\b0\fs22\par" % (size, rtf_escape(blk[2])))
        elif kind == "b":
            L.append(r"\pard\plain\f0\fs22\sa120\b %s\b0\par" % rtf_escape(blk[1]))
        elif kind == "p":
            text = blk[1]
            if text[:1].isdigit() and " " in text and text.split(" ", 1)[0].replace(".", "").isdigit():
                num, rest = text.split(" ", 1)
                L.append(r"\pard\plain\f0\fs22\sa120\fi-851\li851\tx851 %s %s\par" % (rtf_escape(num), rtf_escape(rest)))
            elif text.startswith("("):
                L.append(r"\pard\plain\f0\fs22\sa80\fi-567\li1418 %s\par" % rtf_escape(text))
            else:
                L.append(r"\pard\plain\f0\fs22\sa120 %s\par" % rtf_escape(text))
        elif kind in ("bul", "num"):
            for it in blk[1]:
                L.append(r"\pard\plain\f0\fs22\sa60\fi-283\li1134 \'95 %s\par" % rtf_escape(it))
        elif kind == "table":
            rows = blk[2]
            ncol = len(rows[0])
            edges = [2800, 9600] if ncol == 2 else [int(9600 * (i + 1) / ncol) for i in range(ncol)]
            for cells in rows:
                row = [r"\trowd\trgaph108\trleft0"]
                for e in edges:
                    row.append(r"\clbrdrt\brdrs\brdrw10\clbrdrl\brdrs\brdrw10\clbrdrb\brdrs\brdrw10\clbrdrr\brdrs\brdrw10\cellx%d" % e)
                row.append(" ")
                for c, text in enumerate(cells):
                    b1, b0 = (r"\b ", r"\b0") if c == 0 else ("", "")
                    row.append(r"\pard\intbl\plain\f0\fs22 %s%s%s\cell" % (b1, rtf_escape(text), b0))
                row.append(r"\row")
                L.append("".join(row))
            L.append(r"\pard\plain\f0\fs22\par")
    L.append("}")
    dst.write_bytes(("\r\n".join(L) + "\r\n").encode("ascii"))


# --------------------------------------------------------------------------- PDF
def make_pdf(src, dst, header_text, title, author):
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    class Paper(FPDF):
        def header(self):
            self.set_font("Helvetica", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, header_text, align="L")
            self.cell(0, 5, "OFFICIAL", align="R", new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(120, 120, 120)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(4)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_y(-14)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = Paper(format="A4")
    pdf.set_creation_date(datetime.datetime(2025, 2, 20, 16, 5, 0, tzinfo=datetime.timezone.utc))
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("Microsoft Word")
    pdf.set_producer("Microsoft Word")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for blk in parse(src):
        kind = blk[0]
        if kind == "h":
            pdf.set_font("Helvetica", "B", 13 if blk[1] == 1 else 10.5)
            pdf.ln(2)
            pdf.multi_cell(0, 6, blk[2], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "b":
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(0, 5, blk[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "p":
            text = blk[1]
            pdf.set_font("Helvetica", "", 10)
            if text.startswith("("):
                pdf.set_x(pdf.l_margin + 10)
                pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            else:
                pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
        elif kind in ("bul", "num"):
            pdf.set_font("Helvetica", "", 10)
            for it in blk[1]:
                pdf.set_x(pdf.l_margin + 6)
                pdf.multi_cell(0, 5, "- " + it, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "table":
            widths, rows = blk[1], blk[2]
            pdf.set_font("Helvetica", "", 9)
            with pdf.table(col_widths=widths, width=sum(widths) if widths else None, text_align="LEFT",
                           line_height=4.6, padding=1.5, borders_layout="ALL", v_align="TOP",
                           headings_style=FontFace(emphasis="BOLD", fill_color=(225, 225, 225))) as table:
                for cells in rows:
                    r = table.row()
                    for text in cells:
                        r.cell(text)
            pdf.ln(3)
    data = bytes(pdf.output())
    dst.write_bytes(data)


# --------------------------------------------------------------------------- main
def main():
    RAW.mkdir(exist_ok=True)
    make_odt(SRC / "powys_psb_minutes_2024-06.txt", RAW / "powys_psb_minutes_2024-06.odt")
    make_rtf(SRC / "south_kesteven_osc_csp_review_2025-01.txt", RAW / "south_kesteven_osc_csp_review_2025-01.rtf")
    make_docx(SRC / "oxfordshire_cabinet_hwb_report_2025-03.txt", RAW / "oxfordshire_cabinet_hwb_report_2025-03.docx")
    make_pdf(SRC / "moray_cpb_thematic_groups_review_2025-02.txt", RAW / "moray_cpb_thematic_groups_review_2025-02.pdf",
             header_text="Moray Community Planning Board  |  27 February 2025  |  Item 5",
             title="Review of the thematic partnership structure", author="Community Planning Unit")
    shutil.copyfile(SRC / "hyndburn_safer_hyndburn_changes_2024-11.html", RAW / "hyndburn_safer_hyndburn_changes_2024-11.html")
    for p in sorted(RAW.iterdir()):
        print(p.name, p.stat().st_size)


if __name__ == "__main__":
    main()
