"""Regenerate the four held-out test documents (set test3) from their text sources.

Run with the project's interpreter:
    /work/main/.venv/bin/python make_documents.py

Each source file in sources/ is plain UTF-8 text with a tiny line markup:
    ~ key: value      metadata (format, output file name, running header/footer); not rendered
    #0 text           masthead line (bold, centred)
    #1 text           document title
    #2 text           section heading
    #3 text           sub-heading
    * text            bulleted list item (a real list in ODT/DOCX)
    + text            numbered list item (a real auto-numbered list in ODT/DOCX; numbers are not typed)
    |h a | b | c      table header row          (consecutive | lines form one table)
    |- a | b          row of an unruled key/value table (attendance, report details)
    | a | b | c       table body row
    [DECISIONS] ...   marker lines, ignored (kept only to make the source easy to read)
    other text        one paragraph (never hard-wrapped)
    **text**          bold run inside a paragraph (RTF/DOCX bold; plain elsewhere)

Output is deterministic: fixed document dates, fixed ZIP timestamps, fixed PDF creation date.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
FIXED_ZIP_TIME = (2024, 9, 30, 12, 0, 0)


# --------------------------------------------------------------------------- parsing
def parse(path: Path):
    meta, blocks = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("[DECISIONS]") or line.startswith("[/DECISIONS]"):
            continue
        if line.startswith("~ "):
            k, v = line[2:].split(":", 1)
            meta[k.strip()] = v.strip()
            continue
        m = re.match(r"#([0-3]) (.*)$", line)
        if m:
            blocks.append(("h%s" % m.group(1), m.group(2)))
        elif line.startswith("* "):
            if blocks and blocks[-1][0] == "bullets":
                blocks[-1][1].append(line[2:])
            else:
                blocks.append(("bullets", [line[2:]]))
        elif line.startswith("+ "):
            if blocks and blocks[-1][0] == "numbers":
                blocks[-1][1].append(line[2:])
            else:
                blocks.append(("numbers", [line[2:]]))
        elif line.startswith("|"):
            kind = "body"
            rest = line[1:]
            if rest.startswith("h "):
                kind, rest = "head", rest[2:]
            elif rest.startswith("- "):
                kind, rest = "kv", rest[2:]
            cells = [c.strip() for c in rest.split(" | ")]
            row = (kind, cells)
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(row)
            else:
                blocks.append(("table", [row]))
        else:
            blocks.append(("p", line))
    return meta, blocks


def plain(text: str) -> str:
    return text.replace("**", "")


def runs(text: str):
    """Split '**bold**' markup into (text, bold) runs."""
    parts = text.split("**")
    return [(p, i % 2 == 1) for i, p in enumerate(parts) if p]


def normalise_zip(data: bytes, first: str | None = None) -> bytes:
    """Rewrite a ZIP package with fixed timestamps and a stable member order."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    names = zin.namelist()
    if first and first in names:
        names.remove(first)
        names.insert(0, first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(name))
    return out.getvalue()


# --------------------------------------------------------------------------- RTF
def rtf_escape(text: str) -> str:
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


def rtf_runs(text: str) -> str:
    return "".join(("{\\b %s}" % rtf_escape(t)) if b else rtf_escape(t) for t, b in runs(text))


def make_rtf(meta, blocks) -> bytes:
    L = []
    L.append("{\\rtf1\\ansi\\ansicpg1252\\deff0\\deflang2057")
    L.append("{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}{\\f1\\froman\\fcharset0 Times New Roman;}}")
    L.append("{\\colortbl;\\red0\\green0\\blue0;\\red191\\green191\\blue191;}")
    L.append("{\\stylesheet{\\s0\\f0\\fs22 Normal;}{\\s1\\f0\\fs22\\b Heading 1;}}")
    L.append("{\\info{\\title %s}{\\author Democratic Services}{\\operator Democratic Services}"
             "{\\creatim\\yr2024\\mo3\\dy20\\hr9\\min14}{\\doccomm Written for evaluation (heldout test3); not a real council document}}"
             % rtf_escape(meta.get("title", "Minutes")))
    L.append("\\paperw11906\\paperh16838\\margl1134\\margr1134\\margt1134\\margb1134")
    L.append("\\widowctrl\\ftnbj\\sectd\\pgnstarts1")
    L.append("\\viewkind1\\uc1\\pard\\plain\\f0\\fs22")
    width = 9638  # usable twips
    for kind, val in blocks:
        if kind == "h0":
            L.append("\\pard\\qc\\sa60\\b\\fs24 %s\\b0\\fs22\\par" % rtf_escape(val))
        elif kind == "h1":
            L.append("\\pard\\qc\\sb120\\sa120\\b\\fs26 %s\\b0\\fs22\\par" % rtf_escape(val))
        elif kind == "h2":
            L.append("\\pard\\keepn\\sb240\\sa120\\b %s\\b0\\par" % rtf_escape(val))
        elif kind == "h3":
            L.append("\\pard\\keepn\\sb120\\sa60\\b\\ul %s\\ulnone\\b0\\par" % rtf_escape(val))
        elif kind == "p":
            L.append("\\pard\\sa120\\qj %s\\par" % rtf_runs(val))
        elif kind in ("bullets", "numbers"):
            for i, item in enumerate(val, 1):
                mark = "\\'95" if kind == "bullets" else "%d." % i
                L.append("\\pard\\fi-360\\li720\\sa60 %s\\tab %s\\par" % (mark, rtf_runs(item)))
        elif kind == "table":
            ncols = max(len(c) for _, c in val)
            if ncols == 2:
                widths = [int(width * 0.3), width - int(width * 0.3)]
            elif ncols == 4:
                widths = [900, 4300, 1900, width - 900 - 4300 - 1900]
            else:
                widths = [width // ncols] * ncols
            for rkind, cells in val:
                cells = cells + [""] * (ncols - len(cells))
                row = ["\\trowd\\trgaph108\\trleft0"]
                if rkind == "head":
                    row.append("\\trhdr")
                x = 0
                for w in widths:
                    x += w
                    if rkind != "kv":
                        row.append("\\clbrdrt\\brdrs\\brdrw10\\clbrdrl\\brdrs\\brdrw10"
                                   "\\clbrdrb\\brdrs\\brdrw10\\clbrdrr\\brdrs\\brdrw10")
                    if rkind == "head":
                        row.append("\\clcbpat2")
                    row.append("\\cellx%d" % x)
                L.append("".join(row))
                cell_txt = []
                for j, c in enumerate(cells):
                    bold = rkind == "head" or (rkind == "kv" and j == 0)
                    t = rtf_runs(c)
                    cell_txt.append("\\pard\\intbl %s\\cell" % ("{\\b %s}" % t if bold else t))
                L.append(" ".join(cell_txt) + "\\row")
            L.append("\\pard\\sa120\\par")
    L.append("}")
    return ("\r\n".join(L) + "\r\n").encode("ascii")


# --------------------------------------------------------------------------- ODT
def make_odt(meta, blocks) -> bytes:
    from odfdo import Cell, Document, Header, List, Paragraph, Row, Table
    from odfdo import Style

    doc = Document("text")
    doc.body.clear()
    # automatic styles: a bordered table cell and a bold paragraph style, as LibreOffice writes them
    cell_style = Style("table-cell", name="Tbl.Cell",
                       area="table-cell", padding="0.097cm", border="0.5pt solid #000000")
    doc.insert_style(cell_style, automatic=True)
    head_style = Style("table-cell", name="Tbl.Head", area="table-cell", padding="0.097cm",
                       border="0.5pt solid #000000", background_color="#dddddd")
    doc.insert_style(head_style, automatic=True)
    bold = Style("paragraph", name="P_Bold", parent_style="Standard", area="text", bold=True)
    doc.insert_style(bold, automatic=True)
    centre = Style("paragraph", name="P_Masthead", parent_style="Standard", area="text", bold=True,
                   align="center")
    doc.insert_style(centre, automatic=True)
    body = doc.body
    tcount = 0
    first_lines = True
    for kind, val in blocks:
        if kind in ("h1", "h2", "h3"):
            first_lines = False
            level = int(kind[1])
            head = Header(level, plain(val))
            head.style = "Heading_20_%d" % level
            body.append(head)
        elif kind == "h0":
            body.append(Paragraph(plain(val), style="P_Masthead"))
        elif kind == "p":
            style = "P_Bold" if first_lines else "Text_20_body"
            body.append(Paragraph(plain(val), style=style))
        elif kind == "numbers":
            body.append(List([plain(v) for v in val], style="Numbering_20_1"))
        elif kind == "bullets":
            body.append(List([plain(v) for v in val], style="List_20_1"))
        elif kind == "table":
            tcount += 1
            ncols = max(len(c) for _, c in val)
            table = Table("Table%d" % tcount)
            for rkind, cells in val:
                cells = cells + [""] * (ncols - len(cells))
                row = Row()
                for j, c in enumerate(cells):
                    cell = Cell()
                    cell.clear()
                    cell.style = "Tbl.Head" if rkind == "head" else "Tbl.Cell"
                    pstyle = "Table_20_Heading" if rkind == "head" else "Table_20_Contents"
                    if rkind == "kv" and j == 0:
                        pstyle = "P_Bold"
                    cell.append(Paragraph(plain(c), style=pstyle))
                    row.append(cell)
                table.append_row(row)
            body.append(table)
    # fixed metadata, as a LibreOffice save would record it
    when = dt.datetime(2024, 6, 3, 14, 22, 5)
    doc.meta.set_creation_date(when)
    doc.meta.set_modification_date(when)
    doc.meta.set_dc_date(when)
    doc.meta.set_title(meta.get("title", ""))
    doc.meta.set_initial_creator("Morag Lindsay")
    doc.meta.set_creator("Morag Lindsay")
    doc.meta.set_generator("odfdo via heldout/test3/make_documents.py")
    doc.meta.set_editing_cycles(7)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue(), first="mimetype")


# --------------------------------------------------------------------------- DOCX
def make_docx(meta, blocks) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    sec = d.sections[0]
    if meta.get("header"):
        sec.header.paragraphs[0].text = meta["header"]
    if meta.get("footer"):
        sec.footer.paragraphs[0].text = meta["footer"]

    def add_runs(par, text):
        for t, b in runs(text):
            r = par.add_run(t)
            r.bold = b or None

    for kind, val in blocks:
        if kind == "h0":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(plain(val))
            r.bold = True
        elif kind == "h1":
            d.add_heading(plain(val), level=1)
        elif kind == "h2":
            d.add_heading(plain(val), level=2)
        elif kind == "h3":
            d.add_heading(plain(val), level=3)
        elif kind == "p":
            add_runs(d.add_paragraph(), val)
        elif kind == "numbers":
            for item in val:
                add_runs(d.add_paragraph(style="List Number"), item)
        elif kind == "bullets":
            for item in val:
                add_runs(d.add_paragraph(style="List Bullet"), item)
        elif kind == "table":
            ncols = max(len(c) for _, c in val)
            t = d.add_table(rows=0, cols=ncols)
            t.style = "Table Grid"
            for rkind, cells in val:
                cells = cells + [""] * (ncols - len(cells))
                row = t.add_row()
                for j, c in enumerate(cells):
                    par = row.cells[j].paragraphs[0]
                    r = par.add_run(plain(c))
                    if rkind == "head" or (rkind == "kv" and j == 0):
                        r.bold = True
            d.add_paragraph()
    cp = d.core_properties
    when = dt.datetime(2024, 9, 9, 16, 40, 0)
    cp.author = "Owen Prendergast"
    cp.last_modified_by = "Democratic Services"
    cp.created = when
    cp.modified = when
    cp.revision = 4
    cp.title = meta.get("title", "")
    cp.comments = "Written for evaluation (heldout test3); not a real council document"
    buf = io.BytesIO()
    d.save(buf)
    return normalise_zip(buf.getvalue())


# --------------------------------------------------------------------------- PDF
def make_pdf(meta, blocks) -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    footer_text = meta.get("footer", "")

    class Paper(FPDF):
        def footer(self):
            self.set_y(-14)
            self.set_font("Helvetica", "", 8)
            self.set_draw_color(120, 120, 120)
            self.line(self.l_margin, self.get_y() - 1, self.w - self.r_margin, self.get_y() - 1)
            self.cell(0, 5, footer_text.replace(" | ", " - "), align="L")
            self.set_x(self.l_margin)
            self.cell(0, 5, "Page %d of {nb}" % self.page_no(), align="R")

    def header(self):
        if self.page_no() > 1:
            self.set_font("Helvetica", "I", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, "Cheshire West and Chester Council | NHS Cheshire and Merseyside ICB", align="R",
                      new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0, 0, 0)
            self.ln(2)

    Paper.header = header
    pdf = Paper(format="A4")
    pdf.set_creation_date(dt.datetime(2024, 7, 5, 10, 0, 0, tzinfo=dt.timezone.utc))
    pdf.set_title(meta.get("title", ""))
    pdf.set_author("Cheshire West and Chester Council")
    pdf.set_creator("heldout/test3/make_documents.py (fpdf2)")
    pdf.set_subject("Written for evaluation; not a real council document")
    pdf.set_margins(20, 16, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    fs = 10
    lh = 4.8
    for kind, val in blocks:
        text = plain(val) if isinstance(val, str) else None
        if kind in ("h0",):
            pdf.set_font("Helvetica", "B", 9)
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT", align="R")
            pdf.ln(2)
        elif kind == "p" and pdf.page_no() == 1 and pdf.get_y() < 25:
            pdf.set_font("Helvetica", "B", 9)
            pdf.set_text_color(0, 90, 60)
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT", align="R")
            pdf.set_text_color(0, 0, 0)
            pdf.ln(3)
        elif kind == "h1":
            pdf.set_font("Helvetica", "B", 14)
            pdf.multi_cell(0, 6.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind in ("h2", "h3"):
            pdf.ln(1.5)
            pdf.set_font("Helvetica", "B", 11 if kind == "h2" else 10)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.5)
        elif kind == "p":
            pdf.set_font("Helvetica", "", fs)
            pdf.multi_cell(0, lh, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind in ("bullets", "numbers"):
            pdf.set_font("Helvetica", "", fs)
            for i, item in enumerate(val, 1):
                mark = "-" if kind == "bullets" else "%d." % i
                pdf.set_x(pdf.l_margin + 4)
                pdf.cell(5, lh, mark)
                pdf.multi_cell(0, lh, plain(item), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "table":
            ncols = max(len(c) for _, c in val)
            has_head = val[0][0] == "head"
            is_kv = all(r == "kv" for r, _ in val)
            pdf.set_font("Helvetica", "", 9)
            if is_kv:
                widths = (35, 135)
                layout = "NONE"
            elif ncols == 3:
                widths = (12, 82, 76)
                layout = "ALL"
            else:
                widths = None
                layout = "ALL"
            with pdf.table(col_widths=widths, borders_layout=layout, first_row_as_headings=has_head,
                           text_align="LEFT", line_height=4.6, padding=1.2,
                           headings_style=FontFace(emphasis="BOLD", fill_color=(220, 230, 225)),
                           v_align="TOP") as table:
                for rkind, cells in val:
                    row = table.row()
                    cells = cells + [""] * (ncols - len(cells))
                    for j, c in enumerate(cells):
                        if is_kv and j == 0:
                            row.cell(plain(c), style=FontFace(emphasis="BOLD"))
                        else:
                            row.cell(plain(c))
            pdf.ln(3)
    return bytes(pdf.output())


# --------------------------------------------------------------------------- main
MAKERS = {"rtf": make_rtf, "odt": make_odt, "docx": make_docx, "pdf": make_pdf}
TITLES = {
    "rtf": "Minutes - Policing and Community Safety Partnership - 14 March 2024",
    "odt": "Review of Partnership Structures",
    "docx": "Cabinet Member Decision CMD/2024/031",
    "pdf": "Aligning the HWB and Place Partnership Board - meeting in common",
}


def main() -> int:
    RAW.mkdir(exist_ok=True)
    for src in sorted(SRC.glob("*.txt")):
        meta, blocks = parse(src)
        fmt = meta["format"]
        meta.setdefault("title", TITLES[fmt])
        data = MAKERS[fmt](meta, blocks)
        out = RAW / meta["output"]
        out.write_bytes(data)
        print("wrote %s (%d bytes)" % (out.relative_to(HERE), len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
