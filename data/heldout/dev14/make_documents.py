#!/usr/bin/env python
"""Regenerate raw/ for the dev14 held-out set from sources/ (deterministic, byte for byte).

Usage: /work/main/.venv/bin/python make_documents.py

All five documents are invented evaluation documents (real places, invented people and decisions).
Timestamps are fixed, zip entries get a fixed date, and nothing random is used.
"""
import datetime as dt
import io
import quopri
import re
import textwrap
import zipfile
from email.header import Header
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"

FILES = {
    1: "carmarthenshire_psb_minutes-bilingual_2024-09.pdf",
    2: "calderdale_sscp_email-thread_2024-10.eml",
    3: "norfolk_cabinet_report_2025-03.docx",
    4: "peterborough_forward-plan_2025-04.html",
    5: "fife_partnership-board_presentation_2025-06.pptx",
}

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
ZIP_DATE = (2025, 1, 1, 0, 0, 0)


def read_source(name):
    """Source text without comment lines."""
    lines = (SRC / name).read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if not ln.startswith("#")]


def normalise_zip(data: bytes) -> bytes:
    """Rewrite an OOXML zip with fixed timestamps and a stable entry order ([Content_Types].xml first)."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    names = zin.namelist()
    names = sorted(names, key=lambda n: (n != "[Content_Types].xml", n != "_rels/.rels", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for n in names:
            zi = zipfile.ZipInfo(n, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(n))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# 1. Bilingual PDF (Welsh left column, English right column)
# ---------------------------------------------------------------------------------------------
def parse_bilingual(lines):
    blocks, cur = [], None
    for ln in lines + [""]:
        if ln.startswith("::"):
            cur = {"style": ln[2:].strip(), "CY": "", "EN": ""}
            blocks.append(cur)
        elif ln.startswith("CY: ") and cur is not None:
            cur["CY"] = ln[4:]
        elif ln.startswith("EN: ") and cur is not None:
            cur["EN"] = ln[4:]
        elif not ln.strip():
            cur = None
    return blocks


def build_pdf():
    from fpdf import FPDF

    blocks = parse_bilingual(read_source("01_carmarthenshire_psb_minutes.txt"))

    class MinutesPDF(FPDF):
        def header(self):
            self.set_font("DejaVu", "", 7.5)
            self.set_text_color(90, 90, 90)
            self.set_xy(15, 9)
            self.cell(87, 4, "Bwrdd Gwasanaethau Cyhoeddus Sir Gâr – Cofnodion – 12.09.2024")
            self.set_xy(108, 9)
            self.cell(87, 4, "Carmarthenshire Public Services Board – Minutes – 12.09.2024", align="R")
            self.set_draw_color(150, 150, 150)
            self.line(15, 14.5, 195, 14.5)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_font("DejaVu", "", 7.5)
            self.set_text_color(90, 90, 90)
            self.line(15, 283, 195, 283)
            self.set_xy(15, 284.5)
            self.cell(87, 4, f"Tudalen {self.page_no()} o {{nb}}")
            self.set_xy(108, 284.5)
            self.cell(87, 4, f"Page {self.page_no()} of {{nb}}", align="R")
            self.set_text_color(0, 0, 0)

    pdf = MinutesPDF(format="A4", unit="mm")
    pdf.set_creation_date(dt.datetime(2024, 9, 20, 9, 30, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Cofnodion / Minutes – Carmarthenshire Public Services Board – 12 September 2024")
    pdf.set_author("Carmarthenshire County Council – Democratic Services")
    pdf.set_subject("Public Services Board minutes")
    pdf.set_creator("Microsoft Word for Microsoft 365")
    pdf.set_producer("Microsoft Word for Microsoft 365")
    pdf.set_lang("en-GB")
    pdf.add_font("DejaVu", "", DEJAVU + "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", DEJAVU + "DejaVuSans-Bold.ttf")
    pdf.add_font("DejaVu", "I", DEJAVU + "DejaVuSans-Oblique.ttf")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 18, 15)
    pdf.add_page()

    xl, xr, w = 15, 108, 87
    styles = {
        "title": ("B", 12, 6.0, 1.5),
        "subtitle": ("B", 9.5, 5.0, 2.5),
        "meta": ("", 8.5, 4.2, 3.0),
        "h": ("B", 9, 4.6, 1.2),
        "p": ("", 9, 4.5, 2.6),
        "li": ("", 8.5, 4.2, 0.8),
        "res": ("", 9, 4.5, 1.8),
        "small": ("I", 7.5, 3.8, 1.0),
    }
    y = 19.0
    bottom = 279.0
    prev_style = None
    def block_height(b):
        style, size, lh, after = styles[b["style"]]
        pdf.set_font("DejaVu", style, size)
        indent = 4 if b["style"] in ("li", "res") else 0
        hl = pdf.multi_cell(w - indent, lh, b["CY"], dry_run=True, output="HEIGHT", align="L")
        hr = pdf.multi_cell(w - indent, lh, b["EN"], dry_run=True, output="HEIGHT", align="L")
        return max(hl, hr), after

    for k, b in enumerate(blocks):
        style, size, lh, after = styles[b["style"]]
        if b["style"] == "h" and prev_style not in (None, "h"):
            y += 2.0
        h, _ = block_height(b)
        need = h
        if b["style"] == "h" and k + 1 < len(blocks):  # keep a heading with the block that follows it
            h2, _ = block_height(blocks[k + 1])
            need = h + after + h2
        pdf.set_font("DejaVu", style, size)
        indent = 4 if b["style"] in ("li", "res") else 0
        if y + need > bottom:
            pdf.add_page()
            y = 19.0
        align = "J" if b["style"] in ("p", "res") else "L"
        pdf.set_xy(xl + indent, y)
        pdf.multi_cell(w - indent, lh, b["CY"], align=align)
        pdf.set_xy(xr + indent, y)
        pdf.multi_cell(w - indent, lh, b["EN"], align=align)
        pdf.set_draw_color(200, 200, 200)
        pdf.line(105.5, y, 105.5, y + h)
        y += h + after
        prev_style = b["style"]
    return bytes(pdf.output())


# ---------------------------------------------------------------------------------------------
# 2. E-mail thread (.eml, plain text, quoted-printable)
# ---------------------------------------------------------------------------------------------
def parse_sections(lines):
    sections, name = {}, None
    for ln in lines:
        m = re.match(r"^=== (\w+) ===$", ln)
        if m:
            name = m.group(1)
            sections[name] = []
        elif name:
            sections[name].append(ln)
    return {k: "\n".join(v).strip("\n") for k, v in sections.items()}


def wrap_plain(text, width=72):
    out = []
    for para in text.split("\n"):
        if not para.strip():
            out.append("")
        else:
            out.extend(textwrap.wrap(para, width=width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def quote(text):
    return "\n".join((">" + ln if ln.startswith(">") else ("> " + ln if ln else ">")) for ln in text.split("\n"))


def build_eml():
    s = parse_sections(read_source("02_calderdale_sscp_email.txt"))
    a_body = wrap_plain(s["A_BODY"], 72)
    b_full = s["B_BODY"] + "\n\n" + a_body
    body = s["C_BODY"] + "\n\n" + s["B_INTRO"] + "\n" + quote(b_full) + "\n\n" + s["DISCLAIMER"] + "\n"
    headers = []
    for ln in s["HEADERS"].split("\n"):
        k, v = ln.split(": ", 1)
        if k == "Subject":
            v = Header(v, "utf-8", maxlinelen=76, header_name="Subject").encode()
        headers.append(f"{k}: {v}")
    headers += [
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="UTF-8"',
        "Content-Transfer-Encoding: quoted-printable",
    ]
    qp = quopri.encodestring(body.encode("utf-8")).decode("ascii")
    msg = "\n".join(headers) + "\n\n" + qp
    return msg.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")


# ---------------------------------------------------------------------------------------------
# 3. Word report with text boxes and footnotes
# ---------------------------------------------------------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)


def xml_escape(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def box_paragraphs_xml(items):
    out = []
    for kind, text in items:
        if kind == "BH":
            out.append(
                '<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
                f'<w:b/><w:color w:val="1F3864"/><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p>'
            )
        elif kind == "BI":
            m = re.match(r"^(\([a-z]\))\s+(.*)$", text)
            label, rest = m.group(1), m.group(2)
            out.append(
                '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs><w:spacing w:after="100"/>'
                '<w:ind w:left="567" w:hanging="567"/></w:pPr>'
                '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr>'
                f'<w:t xml:space="preserve">{xml_escape(label)}</w:t></w:r>'
                '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr><w:tab/></w:r>'
                '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr>'
                f'<w:t xml:space="preserve">{xml_escape(rest)}</w:t></w:r></w:p>'
            )
        else:
            out.append(
                '<w:p><w:pPr><w:spacing w:after="100"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
                f'<w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p>'
            )
    return "".join(out)


def textbox_run_xml(box, shape_id):
    name, align, fill = box["name"], box["align"], box["fill"]
    chars = sum(len(t) for _, t in box["items"])
    if align == "center":
        cx = 5760720  # 16 cm
        per_line = 88
        wrap_dml, wrap_vml = "<wp:wrapTopAndBottom/>", '<w10:wrap type="topAndBottom"/>'
        pos_h = '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        vml_pos = "mso-position-horizontal:center;mso-position-horizontal-relative:margin"
    else:
        cx = 2340000  # 6.5 cm
        per_line = 34
        wrap_dml, wrap_vml = '<wp:wrapSquare wrapText="left"/>', '<w10:wrap type="square" side="left"/>'
        pos_h = '<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
        vml_pos = "mso-position-horizontal:right;mso-position-horizontal-relative:margin"
    lines = sum(len(t) // per_line + 1 for _, t in box["items"]) + len(box["items"])
    cy = int(lines * 190000 + 300000)
    paras = box_paragraphs_xml(box["items"])
    wpt, hpt = cx / 12700, cy / 12700
    return (
        f"<w:r {NSDECL}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        f'<wp:anchor distT="91440" distB="91440" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251658240 + shape_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f"{pos_h}"
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f"{wrap_dml}"
        f'<wp:docPr id="{shape_id}" name="{name}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>'
        '<a:ln w="12700"><a:solidFill><a:srgbClr val="1F3864"/></a:solidFill></a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="108000" tIns="72000" rIns="108000" bIns="72000" '
        'anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict>"
        f'<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        f'<v:shape id="{name}" o:spid="_x0000_s{1025 + shape_id}" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:0;margin-top:0;width:{wpt:.1f}pt;height:{hpt:.1f}pt;'
        f'z-index:{251658240 + shape_id};visibility:visible;{vml_pos};mso-position-vertical-relative:text" '
        f'fillcolor="#{fill.lower()}" strokecolor="#1f3864" strokeweight="1pt">'
        f'<v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>{paras}</w:txbxContent></v:textbox>'
        f"{wrap_vml}</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def build_docx():
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    lines = read_source("03_norfolk_cabinet_report.txt")
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.2)

    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    normal.paragraph_format.space_after = Pt(8)
    for hname in ("Heading 1", "Title"):
        st = doc.styles[hname]
        st.font.name = "Arial"
        st.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
    doc.styles["Heading 1"].font.size = Pt(14)
    doc.styles["Title"].font.size = Pt(24)

    # footnote styles
    styles_el = doc.styles.element
    styles_el.append(parse_xml(
        f'<w:style {NSDECL} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
        '<w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'))
    styles_el.append(parse_xml(
        f'<w:style {NSDECL} w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'))

    # header and footer
    def add_field_para(paragraph, text):
        parts = re.split(r"(\{PAGE\}|\{NUMPAGES\}|\t)", text)
        for part in parts:
            if part == "\t":
                paragraph.add_run().add_tab()
            elif part in ("{PAGE}", "{NUMPAGES}"):
                instr = part.strip("{}")
                fld = parse_xml(
                    f'<w:fldSimple {NSDECL} w:instr=" {instr} \\* MERGEFORMAT "><w:r><w:rPr><w:noProof/><w:sz w:val="18"/></w:rPr>'
                    f'<w:t>{"1" if instr == "PAGE" else "5"}</w:t></w:r></w:fldSimple>')
                paragraph._p.append(fld)
            elif part:
                r = paragraph.add_run(part)
                r.font.size = Pt(9)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), alignment=2)  # right tab

    src = {ln.split(": ", 1)[0]: ln.split(": ", 1)[1] for ln in lines if ln.startswith(("HEADER: ", "FOOTER: "))}
    add_field_para(sec.header.paragraphs[0], src["HEADER"])
    add_field_para(sec.footer.paragraphs[0], src["FOOTER"])

    footnotes = []
    pending_box = None
    boxes_to_anchor = []
    shape_id = 1

    def add_text_with_footnotes(paragraph, text, size=None):
        for piece in re.split(r"(\[\^[^\]]*\])", text):
            if piece.startswith("[^"):
                footnotes.append(piece[2:-1])
                fid = len(footnotes)
                paragraph._p.append(parse_xml(
                    f'<w:r {NSDECL}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{fid}"/></w:r>'))
            elif piece:
                r = paragraph.add_run(piece)
                if size:
                    r.font.size = Pt(size)

    cover_rows = []
    i = 0
    body_lines = [ln for ln in lines if ln.strip() and not ln.startswith(("HEADER: ", "FOOTER: "))]
    while i < len(body_lines):
        ln = body_lines[i]
        tag, _, text = ln.partition(": ")
        if tag == "COVER":
            cover_rows.append([t.strip() for t in text.split("|")])
            if i + 1 >= len(body_lines) or not body_lines[i + 1].startswith("COVER: "):
                table = doc.add_table(rows=0, cols=2)
                table.style = doc.styles["Table Grid"]
                table.alignment = WD_TABLE_ALIGNMENT.CENTER
                for k, v in cover_rows:
                    cells = table.add_row().cells
                    cells[0].width, cells[1].width = Cm(6.5), Cm(9.5)
                    cells[0].paragraphs[0].add_run(k).bold = True
                    cells[1].paragraphs[0].add_run(v)
                doc.add_paragraph()
            i += 1
            continue
        if tag == "BOX":
            name, align, fill = [t.strip() for t in text.split("|")]
            pending_box = {"name": name, "align": align, "fill": fill, "items": []}
            i += 1
            while not body_lines[i].startswith("ENDBOX"):
                k, _, t = body_lines[i].partition(": ")
                pending_box["items"].append((k, t))
                i += 1
            i += 1
            continue
        if tag == "TITLE":
            p = doc.add_paragraph(text, style="Title")
        elif tag == "H1":
            p = doc.add_paragraph(style="Heading 1")
            p.add_run(text)
        elif tag == "P":
            p = doc.add_paragraph()
            add_text_with_footnotes(p, text)
        elif tag == "NUM":
            num, body = [t.strip() for t in text.split("|", 1)]
            p = doc.add_paragraph()
            pf = p.paragraph_format
            pf.left_indent = Cm(1.27)
            pf.first_line_indent = Cm(-1.27)
            pf.tab_stops.add_tab_stop(Cm(1.27))
            p.add_run(num)
            p.add_run().add_tab()
            add_text_with_footnotes(p, body)
        elif tag == "BULLET":
            p = doc.add_paragraph(style="List Bullet")
            add_text_with_footnotes(p, text)
        else:
            raise ValueError(ln)
        if pending_box is not None:
            run_el = parse_xml(textbox_run_xml(pending_box, shape_id))
            shape_id += 1
            pPr = p._p.find(qn("w:pPr"))
            if pPr is not None:
                pPr.addnext(run_el)
            else:
                p._p.insert(0, run_el)
            pending_box = None
        i += 1

    # footnotes part
    fn_xml = [
        f'<w:footnotes {NSDECL}>',
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for n, text in enumerate(footnotes, 1):
        fn_xml.append(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {xml_escape(text)}</w:t></w:r></w:p></w:footnote>')
    fn_xml.append("</w:footnotes>")
    fn_part = Part(PackURI("/word/footnotes.xml"),
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                   "".join(fn_xml).encode("utf-8"), doc.part.package)
    doc.part.relate_to(fn_part, RT.FOOTNOTES)

    cp = doc.core_properties
    cp.title = "Review of Health and Wellbeing Partnership Arrangements in Norfolk and Waveney"
    cp.author = "Hannah Colebrook"
    cp.last_modified_by = "Democratic Services"
    cp.subject = "Cabinet 3 March 2025, item 12"
    cp.keywords = "Cabinet; Health and Wellbeing Board; Integrated Care Partnership"
    cp.comments = ""
    cp.category = "Committee report"
    cp.revision = 7
    cp.created = dt.datetime(2025, 2, 10, 9, 12, 0)
    cp.modified = dt.datetime(2025, 2, 21, 16, 48, 0)
    cp.last_printed = dt.datetime(2025, 2, 21, 16, 50, 0)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


# ---------------------------------------------------------------------------------------------
# 4. Forward Plan (HTML page saved from the council website)
# ---------------------------------------------------------------------------------------------
def build_html():
    return (SRC / "04_peterborough_forward_plan.html").read_bytes()


# ---------------------------------------------------------------------------------------------
# 5. PowerPoint deck with the substance in the speaker notes
# ---------------------------------------------------------------------------------------------
def build_pptx():
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Inches, Pt

    lines = read_source("05_fife_partnership_board_deck.txt")
    slides, cur = [], None
    for ln in lines:
        if ln.startswith("SLIDE: "):
            cur = {"title": ln[7:], "sub": [], "bullets": [], "table": [], "notes": [], "in_notes": False}
            slides.append(cur)
        elif cur is None or not ln.strip():
            continue
        elif ln.startswith("NOTES:"):
            cur["in_notes"] = True
        elif cur["in_notes"]:
            cur["notes"].append(ln)
        elif ln.startswith("SUB: "):
            cur["sub"].append(ln[5:])
        elif ln.startswith("TABLE: "):
            cur["table"].append([c.strip() for c in ln[7:].split("|")])
        elif ln.startswith("-- "):
            cur["bullets"].append((1, ln[3:]))
        elif ln.startswith("- "):
            cur["bullets"].append((0, ln[2:]))

    prs = Presentation()
    navy = RGBColor(0x00, 0x3B, 0x5C)
    total = len(slides)
    for n, s in enumerate(slides, 1):
        if n == 1:
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            slide.shapes.title.text = s["title"]
            sub = slide.placeholders[1].text_frame
            sub.text = s["sub"][0]
            for extra in s["sub"][1:]:
                sub.add_paragraph().text = extra
        elif s["table"]:
            slide = prs.slides.add_slide(prs.slide_layouts[5])
            slide.shapes.title.text = s["title"]
            rows, cols = len(s["table"]), len(s["table"][0])
            gf = slide.shapes.add_table(rows, cols, Inches(0.6), Inches(1.7), Inches(8.8), Inches(0.5 * rows))
            for r, row in enumerate(s["table"]):
                for c, val in enumerate(row):
                    cell = gf.table.cell(r, c)
                    cell.text = val
                    for para in cell.text_frame.paragraphs:
                        for run in para.runs:
                            run.font.size = Pt(16)
        else:
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            slide.shapes.title.text = s["title"]
            tf = slide.placeholders[1].text_frame
            for k, (level, text) in enumerate(s["bullets"]):
                para = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
                para.text = text
                para.level = level
        slide.shapes.title.text_frame.paragraphs[0].runs[0].font.color.rgb = navy
        # footer and slide number (text boxes, as the default template has no footer placeholders on slides)
        fb = slide.shapes.add_textbox(Inches(0.4), Inches(7.05), Inches(7.5), Inches(0.35))
        fb.name = "Footer"
        fp = fb.text_frame.paragraphs[0]
        fp.text = "Fife Partnership Board | 17 June 2025 | Partnership structures review"
        fp.runs[0].font.size = Pt(10)
        fp.runs[0].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        nb = slide.shapes.add_textbox(Inches(8.6), Inches(7.05), Inches(1.0), Inches(0.35))
        nb.name = "Slide Number"
        npara = nb.text_frame.paragraphs[0]
        npara.text = f"{n} / {total}"
        npara.runs[0].font.size = Pt(10)
        notes_tf = slide.notes_slide.notes_text_frame
        notes_tf.text = s["notes"][0] if s["notes"] else ""
        for extra in s["notes"][1:]:
            notes_tf.add_paragraph().text = extra

    cp = prs.core_properties
    cp.title = "Reforming Community Planning in Fife – Partnership Structures Review"
    cp.author = "Lindsay Moffat"
    cp.last_modified_by = "Graeme Stoddart"
    cp.subject = "Fife Partnership Board, 17 June 2025"
    cp.keywords = "community planning; Plan4Fife; structures review"
    cp.comments = "Version 2 – decisions added to speaker notes after the meeting"
    cp.revision = 12
    cp.created = dt.datetime(2025, 5, 28, 10, 0, 0)
    cp.modified = dt.datetime(2025, 6, 19, 15, 22, 0)
    cp.last_printed = dt.datetime(2025, 6, 16, 8, 45, 0)
    buf = io.BytesIO()
    prs.save(buf)
    return normalise_zip(buf.getvalue())


def main():
    RAW.mkdir(exist_ok=True)
    builders = {1: build_pdf, 2: build_eml, 3: build_docx, 4: build_html, 5: build_pptx}
    for k, fn in builders.items():
        data = fn()
        (RAW / FILES[k]).write_bytes(data)
        print(f"wrote raw/{FILES[k]} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
