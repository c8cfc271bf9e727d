#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/.

Invented evaluation documents (not real). Run with /work/main/.venv/bin/python make_documents.py
All dates and timestamps are fixed, and the zip containers (docx, pptx) are rewritten with a fixed
entry date, so two runs give identical files.
"""
import datetime as dt
import email.policy
import io
import os
import re
import textwrap
import zipfile
from email.message import EmailMessage

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
RAW = os.path.join(HERE, "raw")
DEJAVU = "/usr/share/fonts/truetype/dejavu/"

FILES = {
    1: "ceredigion_psb_minutes_bilingual_2024-03.pdf",
    2: "royalgreenwich_safer-greenwich-partnership_email-thread_2024-04.eml",
    3: "torbay_cabinet_partnership-review_report_2024-06.docx",
    4: "cheshirewestandchester_forward-plan_key-decisions_2024-07.html",
    5: "wirral_hwb_development-session_slides_2024-09.pptx",
}


def read(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        return f.read()


def normalize_zip(path, when):
    """Rewrite a zip with fixed timestamps and attributes, keeping entry order."""
    with zipfile.ZipFile(path) as zin:
        entries = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            zout.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


# ---------------------------------------------------------------------------------------------
# 1. Bilingual PDF (fpdf2), Welsh left column, English right column
# ---------------------------------------------------------------------------------------------
def parse_bilingual(text):
    meta, blocks, cur = {}, [], None
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("@"):
            k, v = line[1:].split(" ", 1)
            meta[k] = v
            continue
        if line.startswith("[") and line.endswith("]"):
            cur = {"type": line[1:-1], "CY": "", "EN": ""}
            blocks.append(cur)
            continue
        if line.startswith("CY: ") or line.startswith("EN: "):
            cur[line[:2]] = line[4:]
    return meta, blocks


def build_pdf():
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    meta, blocks = parse_bilingual(read("01_ceredigion_psb_minutes.txt"))

    class MinutesPDF(FPDF):
        def header(self):
            self.set_font("DejaVu", "B", 8)
            self.set_text_color(60, 60, 60)
            self.set_xy(15, 10)
            self.cell(87, 5, meta["HEADER_CY"], align="L")
            self.set_xy(108, 10)
            self.cell(87, 5, meta["HEADER_EN"], align="R")
            self.set_draw_color(0, 94, 102)
            self.set_line_width(0.4)
            self.line(15, 16, 195, 16)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_draw_color(0, 94, 102)
            self.set_line_width(0.2)
            self.line(15, 282, 195, 282)
            self.set_font("DejaVu", "", 7.5)
            self.set_xy(15, 283)
            self.cell(87, 4, f"{meta['FOOTER_CY']}   {meta['PAGE_CY']} {self.page_no()} {meta['OF_CY']} {{nb}}", align="L")
            self.set_xy(108, 283)
            self.cell(87, 4, f"{meta['FOOTER_EN']}   {meta['PAGE_EN']} {self.page_no()} {meta['OF_EN']} {{nb}}", align="R")

    pdf = MinutesPDF(orientation="P", unit="mm", format="A4")
    pdf.add_font("DejaVu", "", DEJAVU + "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", DEJAVU + "DejaVuSans-Bold.ttf")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 20, 15)
    pdf.set_creation_date(dt.datetime(2024, 3, 15, 9, 30, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Cofnodion / Minutes – Bwrdd Gwasanaethau Cyhoeddus Ceredigion / Ceredigion Public Services Board – 12.03.2024")
    pdf.set_author("Cyngor Sir Ceredigion / Ceredigion County Council")
    pdf.set_subject("Cofnodion drafft / Draft minutes")
    pdf.set_creator("Microsoft Word - PSB Minutes 12-03-2024 CY-EN")
    pdf.set_lang("cy")
    pdf.add_page()

    LEFT, RIGHT, COLW, BOTTOM = 15, 108, 87, 278
    styles = {
        "TITLE": ("B", 9.5, 4.6, 0, 4),
        "META": ("", 8, 3.8, 0, 2.5),
        "H": ("B", 9.5, 4.8, 0, 1.5),
        "P": ("", 9, 4.3, 0, 2.5),
        "B": ("", 9, 4.3, 4, 2),
        "SIG": ("", 9, 4.3, 0, 4),
    }
    y = 21
    for b in blocks:
        style, size, lh, indent, after = styles[b["type"]]
        if b["type"] == "H":
            y += 2.5
        pdf.set_font("DejaVu", style, size)
        heights = []
        for lang in ("CY", "EN"):
            lines = pdf.multi_cell(COLW - indent, lh, b[lang], dry_run=True, output="LINES")
            heights.append(len(lines) * lh)
        h = max(heights)
        # keep a heading with the first lines of the next block
        need = h + (14 if b["type"] == "H" else 0)
        if y + need > BOTTOM:
            pdf.add_page()
            y = 21
        for lang, x in (("CY", LEFT), ("EN", RIGHT)):
            if lang == "CY":
                pdf.set_text_color(70, 70, 70)
            else:
                pdf.set_text_color(0, 0, 0)
            pdf.set_xy(x + indent, y)
            pdf.multi_cell(COLW - indent, lh, b[lang], align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
        pdf.set_draw_color(180, 180, 180)
        pdf.set_line_width(0.1)
        pdf.line(105, y, 105, y + h)
        y += h + after
    out = os.path.join(RAW, FILES[1])
    pdf.output(out)


# ---------------------------------------------------------------------------------------------
# 2. E-mail thread (.eml, text/plain, quoted-printable)
# ---------------------------------------------------------------------------------------------
def parse_sections(text):
    sections, cur = {}, None
    for line in text.splitlines():
        if line.startswith("#") and cur is None:
            continue
        if line.startswith("=== "):
            cur = line[4:].strip()
            sections[cur] = []
            continue
        if cur is not None:
            sections[cur].append(line)
    return sections


def wrap_body(lines, width=76):
    paras, cur = [], []
    for line in lines + [""]:
        if line.strip() == "":
            if cur:
                paras.append(cur)
                cur = []
        else:
            cur.append(line)
    out = []
    for p in paras:
        if p[0].startswith("!"):
            out.append("\n".join([p[0][1:]] + p[1:]))
        elif all(l.startswith(">") for l in p):
            out.append("\n".join(p))
        else:
            out.append(textwrap.fill(" ".join(p), width=width, break_long_words=False, break_on_hyphens=False))
    return "\n\n".join(out)


def build_eml():
    s = parse_sections(read("02_greenwich_csp_email_thread.txt"))
    body = "\n\n".join([
        wrap_body(s["BODY3"]),
        wrap_body(s["ORIGINAL2"]),
        wrap_body(s["BODY2"]),
        wrap_body(s["FORWARD1"]),
        wrap_body(s["BODY1"]),
    ]) + "\n"
    msg = EmailMessage(policy=email.policy.default)
    for line in s["HEADERS"]:
        if not line.strip():
            continue
        k, v = line.split(":", 1)
        msg[k] = v.strip()
    msg["MIME-Version"] = "1.0"
    msg.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg["Content-Language"] = "en-GB"
    data = msg.as_bytes(policy=email.policy.default.clone(linesep="\r\n"))
    with open(os.path.join(RAW, FILES[2]), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------------------------------------
# 3. Word report with text boxes and footnotes (.docx)
# ---------------------------------------------------------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def xesc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def box_paragraph_xml(kind, text):
    rpr = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="21"/></w:rPr>'
    if kind == "TITLE":
        return ('<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" '
                'w:cs="Arial"/><w:b/><w:color w:val="1F4E79"/><w:sz w:val="24"/></w:rPr>'
                f'<w:t xml:space="preserve">{xesc(text)}</w:t></w:r></w:p>')
    if kind == "BOX_N":
        num, body = [x.strip() for x in text.split("|", 1)]
        return ('<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs><w:spacing w:after="80"/>'
                '<w:ind w:left="567" w:hanging="567"/></w:pPr>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{xesc(num)}</w:t></w:r><w:r>{rpr}<w:tab/></w:r>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{xesc(body)}</w:t></w:r></w:p>')
    if kind == "BOX_BULLET":
        return ('<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="360"/></w:tabs><w:spacing w:after="80"/>'
                '<w:ind w:left="360" w:hanging="360"/></w:pPr>'
                f'<w:r>{rpr}<w:t xml:space="preserve">\u2022</w:t></w:r><w:r>{rpr}<w:tab/></w:r>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{xesc(text)}</w:t></w:r></w:p>')
    return (f'<w:p><w:pPr><w:spacing w:after="80"/></w:pPr><w:r>{rpr}'
            f'<w:t xml:space="preserve">{xesc(text)}</w:t></w:r></w:p>')


def textbox_run_xml(box_id, title, items):
    paras = box_paragraph_xml("TITLE", title) + "".join(box_paragraph_xml(k, t) for k, t in items)
    nlines = 2 + sum(1 + len(t) // 85 for _, t in items)
    cy = int(nlines * 190500 + 228600)  # EMU, roughly 15pt per line plus insets
    cx = 5759450
    h_pt = round(cy / 12700, 1)
    return (
        f'<w:r {NSDECL}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251659264 + box_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{box_id}" name="Text Box {box_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="EAF1F8"/></a:solidFill>'
        '<a:ln w="12700"><a:solidFill><a:srgbClr val="1F4E79"/></a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="108000" tIns="72000" rIns="108000" bIns="72000" '
        'anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        '<wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH>'
        '<wp14:sizeRelV relativeFrom="margin"><wp14:pctHeight>0</wp14:pctHeight></wp14:sizeRelV>'
        '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        + ('<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
           '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
           if box_id == 1 else '') +
        f'<v:shape id="Text Box {box_id}" o:spid="_x0000_s10{25 + box_id}" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:0;margin-top:0;width:453.5pt;height:{h_pt}pt;z-index:{251659264 + box_id};'
        'mso-wrap-distance-left:9pt;mso-wrap-distance-top:3.6pt;mso-wrap-distance-right:9pt;'
        'mso-wrap-distance-bottom:3.6pt;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
        'mso-position-vertical:absolute;mso-position-vertical-relative:text;mso-width-relative:margin;'
        'mso-height-relative:margin;v-text-anchor:top" fillcolor="#eaf1f8" strokecolor="#1f4e79" strokeweight="1pt">'
        f'<v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>{paras}</w:txbxContent></v:textbox>'
        '<w10:wrap type="topAndBottom" anchorx="margin"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )


def footnotes_xml(notes):
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes {NSDECL}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    )
    body = ""
    for n, text in notes:
        body += (
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:vertAlign w:val="superscript"/>'
            '<w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r>'
            '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="18"/></w:rPr>'
            f'<w:t xml:space="preserve"> {xesc(text)}</w:t></w:r></w:p></w:footnote>'
        )
    return (head + body + "</w:footnotes>").encode("utf-8")


def build_docx():
    import docx
    from docx.enum.section import WD_ORIENT  # noqa: F401
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.shared import Cm, Pt, RGBColor

    lines = read("03_torbay_cabinet_report.txt").splitlines()
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.54)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    for lvl, size in ((1, 13), (2, 12)):
        st = doc.styles[f"Heading {lvl}"]
        st.font.name = "Arial"
        st.font.size = Pt(size)
        st.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)

    footnotes, table_rows, box = [], None, None
    box_id = 0
    header_text = footer_text = ""

    def add_text_with_refs(p, text):
        for part in re.split(r"(\[\^\d+\])", text):
            m = re.fullmatch(r"\[\^(\d+)\]", part)
            if m:
                p._p.append(parse_xml(
                    f'<w:r {NSDECL}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference w:id="{m.group(1)}"/></w:r>'))
            elif part:
                p.add_run(part)

    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@HEADER "):
            header_text = line[8:]
            continue
        if line.startswith("@FOOTER "):
            footer_text = line[8:]
            continue
        if line == "TABLE_BEGIN":
            table_rows = []
            continue
        if line == "TABLE_END":
            ncols = max(len(r) for r in table_rows)
            t = doc.add_table(rows=len(table_rows), cols=ncols)
            t.style = doc.styles["Table Grid"]
            for i, r in enumerate(table_rows):
                for j in range(ncols):
                    t.cell(i, j).text = r[j] if j < len(r) else ""
            table_rows = None
            doc.add_paragraph()
            continue
        if table_rows is not None:
            table_rows.append([c.strip() for c in line.split("|")])
            continue
        if line.startswith("BOX_BEGIN "):
            box = (line[10:], [])
            continue
        if line == "BOX_END":
            box_id += 1
            p = doc.add_paragraph()
            p._p.append(parse_xml(textbox_run_xml(box_id, box[0], box[1])))
            box = None
            continue
        if box is not None:
            kind, text = line.split(" ", 1)
            box[1].append((kind, text))
            continue
        kind, _, text = line.partition(" ")
        if kind == "H1":
            doc.add_heading(text, level=1)
        elif kind == "H2":
            doc.add_heading(text, level=2)
        elif kind == "P":
            p = doc.add_paragraph()
            add_text_with_refs(p, text)
            if text == "TORBAY COUNCIL":
                p.runs[0].bold = True
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "PN":
            num, body = [x.strip() for x in text.split("|", 1)]
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(1.25)
            p.paragraph_format.first_line_indent = Cm(-1.25)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(1.25))
            add_text_with_refs(p, f"{num}\t{body}")
        elif kind == "BULLET":
            p = doc.add_paragraph(style="List Bullet")
            p.paragraph_format.left_indent = Cm(1.9)
            add_text_with_refs(p, text)
        elif kind == "FN":
            n, body = [x.strip() for x in text.split("|", 1)]
            footnotes.append((int(n), body))
        elif kind == "PAGEBREAK":
            doc.add_page_break()
        else:
            raise ValueError(line)

    # running header and footer with a PAGE field
    hp = sec.header.paragraphs[0]
    hp.text = header_text
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.text = footer_text + " "
    fp._p.append(parse_xml(f'<w:fldSimple {NSDECL} w:instr=" PAGE   \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))

    # footnotes part
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, footnotes_xml(footnotes), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    settings.append(parse_xml(f'<w:footnotePr {NSDECL}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'))

    cp = doc.core_properties
    cp.author = "Rachel Kenwood"
    cp.last_modified_by = "Democratic Services"
    cp.title = "Review of Torbay's Strategic Partnership Arrangements"
    cp.subject = "Cabinet 18 June 2024"
    cp.keywords = "partnerships; health and wellbeing board; cabinet"
    cp.comments = ""
    cp.revision = 7
    cp.created = dt.datetime(2024, 5, 28, 9, 12, 0)
    cp.modified = dt.datetime(2024, 6, 7, 16, 45, 0)
    cp.last_printed = dt.datetime(2024, 6, 7, 16, 40, 0)
    out = os.path.join(RAW, FILES[3])
    doc.save(out)
    normalize_zip(out, (2024, 6, 7, 16, 45, 0))


# ---------------------------------------------------------------------------------------------
# 4. Forward plan (HTML page)
# ---------------------------------------------------------------------------------------------
def hesc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_html():
    text = read("04_cwac_forward_plan_rows.txt")
    rows, made, cur = [], [], None
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("=== ROW"):
            cur = {"decision": []}
            rows.append(cur)
            continue
        if line.startswith("=== MADE"):
            cur = {}
            made.append(cur)
            continue
        if cur is None or not line.strip() or line.strip() == "decision:":
            continue
        if line.startswith("- "):
            cur["decision"].append(line[2:])
        else:
            k, v = line.split(": ", 1) if ": " in line else (line.rstrip(":"), "")
            cur[k.strip()] = v.strip()
    issue = 5210
    out_rows = []
    for r in rows:
        issue += 7
        clauses = "\n".join(f"      <li>{hesc(c)}</li>" for c in r["decision"])
        status_class = "fp-status" + (" fp-status--changed" if not r["status"].startswith("For determination") else "")
        out_rows.append(
            "<tr>\n"
            "  <td>\n"
            f"    <p class=\"fp-ref\"><strong>{hesc(r['ref'])}</strong></p>\n"
            f"    <p class=\"fp-title\"><a href=\"/mgIssueHistoryHome.aspx?IId={issue}\">{hesc(r['title'])}</a></p>\n"
            f"    <p class=\"{status_class}\">Status: {hesc(r['status'])}</p>\n"
            "    <ul class=\"fp-decision\">\n"
            f"{clauses}\n"
            "    </ul>\n"
            f"    <p class=\"fp-access\">Access: {hesc(r['access'])}</p>\n"
            "  </td>\n"
            f"  <td>{hesc(r['maker'])}</td>\n"
            f"  <td>{hesc(r['date'])}</td>\n"
            f"  <td>{hesc(r['consultation'])}</td>\n"
            f"  <td>{hesc(r['documents'])}</td>\n"
            f"  <td>{hesc(r['officer'])}</td>\n"
            "</tr>"
        )
    out_made = []
    for m in made:
        issue += 7
        out_made.append(
            f"<li><p><strong>{hesc(m['ref'])} – <a href=\"/mgIssueHistoryHome.aspx?IId={issue}\">{hesc(m['title'])}</a></strong></p>\n"
            f"<p>{hesc(m['text'])}</p></li>"
        )
    page = read("04_cwac_forward_plan_template.html")
    page = page.replace("{{ROWS}}", "\n".join(out_rows)).replace("{{MADE}}", "\n".join(out_made))
    with open(os.path.join(RAW, FILES[4]), "w", encoding="utf-8", newline="\n") as f:
        f.write(page)


# ---------------------------------------------------------------------------------------------
# 5. PowerPoint deck with speaker notes (.pptx)
# ---------------------------------------------------------------------------------------------
def logo_png():
    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("RGB", (360, 120), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 110, 120], fill=(0, 103, 71))
    d.ellipse([20, 25, 90, 95], fill=(255, 255, 255))
    font = ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 44)
    d.text((125, 12), "Wirral", font=font, fill=(0, 103, 71))
    font2 = ImageFont.truetype(DEJAVU + "DejaVuSans.ttf", 22)
    d.text((127, 72), "Health and Wellbeing Board", font=font2, fill=(60, 60, 60))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def parse_slides(text):
    footer, slides, cur, mode = "", [], None, None
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("@FOOTER "):
            footer = line[8:]
            continue
        if line.startswith("=== SLIDE"):
            cur = {"kind": "title" if line.strip().endswith("title") else "content",
                   "title": "", "sub": [], "bullets": [], "table": [], "notes": []}
            slides.append(cur)
            mode = None
            continue
        if cur is None:
            continue
        if line.startswith("TITLE: "):
            cur["title"] = line[7:]
        elif line.startswith("SUB: "):
            cur["sub"].append(line[5:])
        elif line == "TABLE:":
            mode = "table"
        elif line == "NOTES:":
            mode = "notes"
        elif mode == "notes":
            if line.strip():
                cur["notes"].append(line)
        elif mode == "table":
            if line.strip():
                cur["table"].append([c.strip() for c in line.split("|")])
            else:
                mode = None
        elif line.startswith("  - "):
            cur["bullets"].append((1, line[4:]))
        elif line.startswith("- "):
            cur["bullets"].append((0, line[2:]))
    return footer, slides


def build_pptx():
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Inches, Pt

    footer, slides = parse_slides(read("05_wirral_hwb_slides.txt"))
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    logo = io.BytesIO(logo_png())
    total = len(slides)
    for i, s in enumerate(slides, start=1):
        if s["kind"] == "title":
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            slide.shapes.title.text = s["title"]
            slide.shapes.title.left, slide.shapes.title.top = Inches(0.9), Inches(1.8)
            slide.shapes.title.width, slide.shapes.title.height = Inches(11.5), Inches(1.6)
            sub = slide.placeholders[1]
            sub.left, sub.top, sub.width, sub.height = Inches(0.9), Inches(3.8), Inches(11.5), Inches(1.5)
            tf = sub.text_frame
            tf.text = s["sub"][0]
            for extra in s["sub"][1:]:
                tf.add_paragraph().text = extra
        elif s["table"]:
            slide = prs.slides.add_slide(prs.slide_layouts[5])
            slide.shapes.title.text = s["title"]
            slide.shapes.title.left, slide.shapes.title.width = Inches(0.6), Inches(10.0)
            rows, cols = len(s["table"]), len(s["table"][0])
            gt = slide.shapes.add_table(rows, cols, Inches(0.8), Inches(1.9), Inches(11.7), Inches(0.6 * rows)).table
            for r, row in enumerate(s["table"]):
                for c, val in enumerate(row):
                    cell = gt.cell(r, c)
                    cell.text = val
                    for p in cell.text_frame.paragraphs:
                        for run in p.runs:
                            run.font.size = Pt(18)
        else:
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            slide.shapes.title.text = s["title"]
            slide.shapes.title.left, slide.shapes.title.width = Inches(0.6), Inches(10.0)
            body = slide.placeholders[1]
            body.left, body.top, body.width, body.height = Inches(0.8), Inches(1.8), Inches(11.7), Inches(4.8)
            tf = body.text_frame
            first = True
            for lvl, text in s["bullets"]:
                p = tf.paragraphs[0] if first else tf.add_paragraph()
                first = False
                p.text = text
                p.level = lvl
        # logo, footer and slide number on every slide
        logo.seek(0)
        slide.shapes.add_picture(logo, Inches(10.9), Inches(0.25), height=Inches(0.7))
        fb = slide.shapes.add_textbox(Inches(0.6), Inches(6.9), Inches(9.5), Inches(0.4))
        fb.text_frame.text = footer
        fb.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
        fb.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        nb = slide.shapes.add_textbox(Inches(11.8), Inches(6.9), Inches(1.0), Inches(0.4))
        nb.text_frame.text = f"{i} / {total}"
        nb.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
        # speaker notes
        ntf = slide.notes_slide.notes_text_frame
        ntf.text = s["notes"][0] if s["notes"] else ""
        for para in s["notes"][1:]:
            ntf.add_paragraph().text = para
    cp = prs.core_properties
    cp.author = "Tom Grady"
    cp.last_modified_by = "Tom Grady"
    cp.title = "Health and Wellbeing Board development session – 17 September 2024"
    cp.subject = "Review of Board arrangements"
    cp.revision = 12
    cp.created = dt.datetime(2024, 8, 29, 10, 5, 0)
    cp.modified = dt.datetime(2024, 9, 19, 14, 20, 0)
    cp.last_printed = dt.datetime(2024, 9, 16, 8, 50, 0)
    out = os.path.join(RAW, FILES[5])
    prs.save(out)
    normalize_zip(out, (2024, 9, 19, 14, 20, 0))


def main():
    os.makedirs(RAW, exist_ok=True)
    build_pdf()
    build_eml()
    build_docx()
    build_html()
    build_pptx()
    for n in sorted(FILES):
        p = os.path.join(RAW, FILES[n])
        print(f"{os.path.getsize(p):>8}  {FILES[n]}")


if __name__ == "__main__":
    main()
