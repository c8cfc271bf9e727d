"""Shapes 3 and 4: Word documents.

build_easyread: an Easy Read version (two-column rows: a drawn picture with alt text on the left,
    one or two short sentences in large type on the right; bold hard words; a word list).
build_report: a long report with a hyperlinked Word TOC field (dot leaders, PAGEREF page numbers),
    numbered paragraphs, recommendation boxes, cross-references, real footnotes, a glossary and
    appendix tables.

Both are made deterministic by fixing the core properties and rewriting the zip container with
a fixed timestamp.
"""
import io
import random
import re
import zipfile
from datetime import datetime

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Inches, Pt, RGBColor
from PIL import Image, ImageDraw, ImageFont

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIB = "/usr/share/fonts/truetype/liberation/"


# --------------------------------------------------------------------------- common helpers
def normalise_zip(data, when):
    """Rewrite the .docx container with a fixed timestamp for every member."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


def set_core(doc, title, author, created, modified, subject=""):
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.subject = subject
    cp.created = created
    cp.modified = modified
    cp.last_printed = modified
    cp.revision = 7
    cp.comments = ""
    cp.keywords = ""


def add_field(paragraph, instr, cached, bold=False, size=None):
    """Append a complex field (e.g. PAGE, NUMPAGES) with a cached result."""
    def r(xml):
        run = paragraph.add_run()
        run._r.append(parse_xml(xml))
        if bold:
            run.bold = True
        if size:
            run.font.size = size
        return run
    r(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>')
    r(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instr} </w:instrText>')
    r(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>')
    run = paragraph.add_run(cached)
    if bold:
        run.bold = True
    if size:
        run.font.size = size
    r(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>')


def add_rich(paragraph, text, size=None, bold_all=False, footnotes=None):
    """Add text with **bold** spans and [^n] footnote references."""
    for part in re.split(r"(\*\*[^*]+\*\*|\[\^\d+\])", text):
        if not part:
            continue
        if part.startswith("**"):
            run = paragraph.add_run(part[2:-2])
            run.bold = True
        elif part.startswith("[^"):
            n = int(part[2:-1])
            run = paragraph.add_run()
            rpr = run._r.get_or_add_rPr()
            rpr.append(parse_xml(f'<w:vertAlign {nsdecls("w")} w:val="superscript"/>'))
            run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{n}"/>'))
            if footnotes is not None:
                footnotes.add(n)
            continue
        else:
            run = paragraph.add_run(part)
            if bold_all:
                run.bold = True
        if size:
            run.font.size = size
    return paragraph


def shade(cell, fill):
    tcPr = cell._tc.get_or_add_tcPr()
    tcPr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def cell_borders(cell, color="2F5496", size=8):
    tcPr = cell._tc.get_or_add_tcPr()
    b = "".join(f'<w:{s} w:val="single" w:sz="{size}" w:space="0" w:color="{color}"/>' for s in ("top", "left", "bottom", "right"))
    tcPr.append(parse_xml(f'<w:tcBorders {nsdecls("w")}>{b}</w:tcBorders>'))


def no_borders(table):
    tblPr = table._tbl.tblPr
    b = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tblPr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{b}</w:tblBorders>'))


def set_col_widths(table, widths):
    table.autofit = False
    for row in table.rows:
        for idx, w in enumerate(widths):
            row.cells[idx].width = w


def clear_style_tabs(paragraph):
    """The Header/Footer styles carry centre and right tabs at 3.25in / 6.5in: clear them."""
    for pos in (Inches(3.25), Inches(6.5)):
        paragraph.paragraph_format.tab_stops.add_tab_stop(pos, WD_TAB_ALIGNMENT.CLEAR)


def footer_with_pages(section, text, size=Pt(9), tab=Cm(15.9), npages="1"):
    fp = section.footer.paragraphs[0]
    fp.text = ""
    clear_style_tabs(fp)
    fp.paragraph_format.tab_stops.add_tab_stop(tab, WD_TAB_ALIGNMENT.RIGHT)
    run = fp.add_run(text + "\tPage ")
    run.font.size = size
    add_field(fp, "PAGE", "1", size=size)
    run = fp.add_run(" of ")
    run.font.size = size
    add_field(fp, "NUMPAGES", npages, size=size)


def add_footnotes_part(doc, notes):
    """Create word/footnotes.xml with separator notes and the given {id: text}."""
    w = nsdecls("w")
    body = [
        f'<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
        f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for n in sorted(notes):
        txt = notes[n].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        body.append(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {txt}</w:t></w:r></w:p></w:footnote>'
        )
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {w}>' + "".join(body) + "</w:footnotes>"
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


def save(doc, when):
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue(), when)


# --------------------------------------------------------------------------- Easy Read pictures
def _person(d, cx, cy, s, body=(66, 133, 244), skin=(241, 194, 125)):
    d.ellipse([cx - 22 * s, cy - 70 * s, cx + 22 * s, cy - 26 * s], fill=skin, outline=(40, 40, 40), width=max(2, int(3 * s)))
    d.rounded_rectangle([cx - 34 * s, cy - 22 * s, cx + 34 * s, cy + 60 * s], radius=int(18 * s), fill=body, outline=(40, 40, 40), width=max(2, int(3 * s)))


def _paper(d, box, lines=5, fill=(255, 255, 255)):
    x0, y0, x1, y1 = box
    d.rectangle(box, fill=fill, outline=(40, 40, 40), width=5)
    step = (y1 - y0 - 40) / max(lines, 1)
    for k in range(lines):
        y = y0 + 28 + k * step
        d.line([(x0 + 22, y), (x1 - 22 - (k % 2) * 30, y)], fill=(120, 120, 120), width=6)


def _tick(d, x, y, s=1.0, col=(46, 160, 67)):
    d.line([(x, y), (x + 22 * s, y + 24 * s), (x + 62 * s, y - 30 * s)], fill=col, width=int(12 * s), joint="curve")


def draw_picture(key, size=360):
    img = Image.new("RGB", (size, size), (255, 255, 255))
    d = ImageDraw.Draw(img)
    big = ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 90)
    mid = ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 52)
    k = key
    if k == "book":
        d.polygon([(40, 100), (178, 130), (178, 300), (40, 270)], fill=(255, 244, 214), outline=(40, 40, 40), width=5)
        d.polygon([(320, 100), (182, 130), (182, 300), (320, 270)], fill=(255, 244, 214), outline=(40, 40, 40), width=5)
        for y in (160, 195, 230):
            d.line([(65, y), (155, y + 18)], fill=(120, 120, 120), width=5)
            d.line([(205, y + 18), (295, y)], fill=(120, 120, 120), width=5)
    elif k == "words":
        _paper(d, (80, 40, 280, 320), lines=6)
        d.line([(102, 130), (240, 130)], fill=(20, 20, 20), width=14)
    elif k == "helper":
        _person(d, 120, 200, 1.3, body=(244, 160, 66))
        _person(d, 245, 200, 1.3, body=(66, 133, 244))
        _paper(d, (150, 210, 220, 300), lines=3)
    elif k == "group":
        d.ellipse([70, 180, 290, 300], fill=(181, 137, 94), outline=(40, 40, 40), width=5)
        for cx, cy, col in [(90, 170, (66, 133, 244)), (180, 140, (219, 68, 55)), (270, 170, (15, 157, 88)), (120, 300, (244, 160, 0)), (240, 300, (171, 71, 188))]:
            _person(d, cx, cy, 0.8, body=col)
    elif k == "magnifier":
        _paper(d, (50, 40, 230, 290), lines=6)
        d.ellipse([170, 150, 290, 270], outline=(40, 40, 40), width=14, fill=(220, 240, 255))
        d.line([(275, 255), (335, 320)], fill=(40, 40, 40), width=22)
    elif k == "talk":
        d.rounded_rectangle([30, 50, 220, 170], radius=30, fill=(200, 230, 255), outline=(40, 40, 40), width=5)
        d.polygon([(70, 165), (60, 215), (120, 168)], fill=(200, 230, 255), outline=(40, 40, 40))
        d.rounded_rectangle([140, 180, 330, 300], radius=30, fill=(255, 230, 200), outline=(40, 40, 40), width=5)
        d.polygon([(290, 295), (305, 340), (250, 298)], fill=(255, 230, 200), outline=(40, 40, 40))
    elif k == "clock":
        d.ellipse([50, 50, 310, 310], fill=(255, 255, 255), outline=(40, 40, 40), width=12)
        for a in range(12):
            import math
            x = 180 + 110 * math.cos(a * math.pi / 6)
            y = 180 + 110 * math.sin(a * math.pi / 6)
            d.ellipse([x - 6, y - 6, x + 6, y + 6], fill=(40, 40, 40))
        d.line([(180, 180), (180, 95)], fill=(40, 40, 40), width=12)
        d.line([(180, 180), (250, 210)], fill=(219, 68, 55), width=10)
    elif k == "bus":
        d.rounded_rectangle([30, 90, 330, 270], radius=24, fill=(219, 68, 55), outline=(40, 40, 40), width=5)
        for x in (55, 125, 195, 265):
            d.rectangle([x, 115, x + 50, 170], fill=(220, 240, 255), outline=(40, 40, 40), width=3)
        for x in (90, 270):
            d.ellipse([x - 28, 245, x + 28, 301], fill=(40, 40, 40))
    elif k == "person":
        _person(d, 150, 210, 1.7, body=(15, 157, 88))
        d.regular_polygon((275, 90, 45), 5, fill=(255, 200, 0), outline=(40, 40, 40))
    elif k == "boxes":
        pos = [(40, 40), (150, 40), (260, 40), (40, 150), (150, 150), (260, 150), (40, 260), (150, 260), (260, 260)]
        for (x, y) in pos:
            d.line([(180, 180), (x + 30, y + 30)], fill=(120, 120, 120), width=4)
        for (x, y) in pos:
            d.rectangle([x, y, x + 60, y + 60], fill=(255, 224, 130), outline=(40, 40, 40), width=4)
    elif k == "question":
        _person(d, 130, 210, 1.6, body=(171, 71, 188))
        d.text((225, 40), "?", font=ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 150), fill=(219, 68, 55))
    elif k in ("calendar", "start"):
        d.rectangle([40, 60, 320, 320], fill=(255, 255, 255), outline=(40, 40, 40), width=6)
        d.rectangle([40, 60, 320, 115], fill=(219, 68, 55))
        for r in range(4):
            for c in range(5):
                d.rectangle([60 + c * 52, 130 + r * 45, 95 + c * 52, 160 + r * 45], outline=(150, 150, 150), width=3)
        if k == "calendar":
            for (r, c) in [(0, 1), (1, 3), (2, 0), (3, 2)]:
                d.ellipse([55 + c * 52, 125 + r * 45, 100 + c * 52, 165 + r * 45], outline=(46, 160, 67), width=6)
        else:
            d.regular_polygon((240, 250, 50), 5, fill=(255, 200, 0), outline=(40, 40, 40))
    elif k == "map":
        d.polygon([(120, 30), (220, 40), (300, 150), (280, 250), (200, 330), (110, 320), (60, 200), (80, 90)], fill=(200, 235, 200), outline=(40, 40, 40))
        for (x, y) in [(230, 110), (120, 230), (180, 150), (250, 220)]:
            d.ellipse([x - 16, y - 16, x + 16, y + 16], fill=(219, 68, 55), outline=(40, 40, 40), width=3)
    elif k == "twopeople":
        _person(d, 120, 210, 1.5, body=(66, 133, 244))
        _person(d, 245, 210, 1.5, body=(15, 157, 88))
        d.line([(155, 230), (210, 230)], fill=(241, 194, 125), width=14)
    elif k == "seats":
        for x in (30, 140, 250):
            d.rectangle([x, 120, x + 80, 200], fill=(66, 133, 244), outline=(40, 40, 40), width=4)
            d.rectangle([x, 200, x + 80, 230], fill=(40, 90, 180), outline=(40, 40, 40), width=4)
            d.line([(x + 8, 230), (x + 8, 300)], fill=(40, 40, 40), width=8)
            d.line([(x + 72, 230), (x + 72, 300)], fill=(40, 40, 40), width=8)
    elif k == "join":
        d.ellipse([20, 40, 130, 150], fill=(66, 133, 244), outline=(40, 40, 40), width=4)
        d.ellipse([20, 210, 130, 320], fill=(244, 160, 0), outline=(40, 40, 40), width=4)
        d.line([(135, 95), (215, 170)], fill=(40, 40, 40), width=8)
        d.line([(135, 265), (215, 190)], fill=(40, 40, 40), width=8)
        d.ellipse([215, 115, 345, 245], fill=(15, 157, 88), outline=(40, 40, 40), width=4)
    elif k == "stop":
        d.regular_polygon((180, 180, 150), 8, rotation=22.5, fill=(219, 68, 55), outline=(255, 255, 255))
        tw = d.textlength("STOP", font=mid)
        d.text((180 - tw / 2, 150), "STOP", font=mid, fill=(255, 255, 255))
    elif k == "checklist":
        _paper(d, (60, 30, 300, 330), lines=0)
        for k2, y in enumerate((80, 160, 240)):
            d.rectangle([85, y, 125, y + 40], outline=(40, 40, 40), width=4)
            d.line([(145, y + 20), (275, y + 20)], fill=(120, 120, 120), width=6)
            if k2 < 2:
                _tick(d, 88, y + 18, 0.7)
    elif k == "work":
        _person(d, 120, 200, 1.5, body=(66, 133, 244))
        d.rounded_rectangle([200, 200, 330, 290], radius=10, fill=(140, 90, 50), outline=(40, 40, 40), width=5)
        d.rectangle([245, 180, 285, 200], outline=(40, 40, 40), width=5)
    elif k == "rules":
        _paper(d, (70, 30, 290, 330), lines=6)
        _tick(d, 180, 270, 1.0)
    elif k == "arrow":
        _person(d, 70, 230, 0.9, body=(66, 133, 244))
        d.polygon([(120, 160), (220, 160), (220, 120), (280, 190), (220, 260), (220, 220), (120, 220)], fill=(255, 200, 0), outline=(40, 40, 40))
        for (cx, cy) in [(290, 120), (320, 180), (290, 250)]:
            _person(d, cx, cy, 0.5, body=(15, 157, 88))
    elif k == "money":
        d.rounded_rectangle([70, 170, 290, 320], radius=40, fill=(181, 137, 94), outline=(40, 40, 40), width=6)
        for (x, y) in [(120, 40), (200, 80), (160, 120)]:
            d.ellipse([x, y, x + 60, y + 60], fill=(255, 200, 0), outline=(40, 40, 40), width=4)
            d.text((x + 18, y + 8), "\u00a3", font=ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 36), fill=(40, 40, 40))
    elif k == "easyread":
        _paper(d, (60, 30, 300, 330), lines=0)
        for y in (60, 160, 250):
            d.rectangle([85, y, 145, y + 60], fill=(200, 230, 255), outline=(40, 40, 40), width=3)
            d.line([(160, y + 30), (275, y + 30)], fill=(120, 120, 120), width=6)
    elif k == "yousaid":
        _paper(d, (50, 30, 310, 330), lines=0)
        d.rounded_rectangle([75, 60, 230, 150], radius=20, fill=(200, 230, 255), outline=(40, 40, 40), width=4)
        d.rounded_rectangle([130, 190, 285, 280], radius=20, fill=(255, 230, 200), outline=(40, 40, 40), width=4)
    elif k == "cross":
        d.line([(70, 70), (290, 290)], fill=(219, 68, 55), width=40)
        d.line([(290, 70), (70, 290)], fill=(219, 68, 55), width=40)
    elif k == "handup":
        _person(d, 170, 220, 1.6, body=(244, 160, 0))
        d.line([(215, 200), (265, 60)], fill=(244, 160, 0), width=26)
        d.ellipse([248, 30, 290, 72], fill=(241, 194, 125), outline=(40, 40, 40), width=3)
    elif k == "phone":
        d.rounded_rectangle([110, 30, 250, 330], radius=24, fill=(60, 60, 60))
        d.rectangle([125, 70, 235, 270], fill=(200, 230, 255))
        d.ellipse([165, 285, 195, 315], fill=(200, 200, 200))
    elif k == "email":
        d.rectangle([40, 90, 320, 270], fill=(255, 255, 255), outline=(40, 40, 40), width=8)
        d.line([(40, 90), (180, 190), (320, 90)], fill=(40, 40, 40), width=8)
    elif k == "house":
        d.polygon([(40, 170), (180, 50), (320, 170)], fill=(219, 68, 55), outline=(40, 40, 40))
        d.rectangle([70, 170, 290, 320], fill=(255, 224, 130), outline=(40, 40, 40), width=5)
        d.rectangle([155, 230, 205, 320], fill=(140, 90, 50))
    else:
        raise KeyError(key)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    return buf


def picture_run(paragraph, key, alt, width):
    run = paragraph.add_run()
    run.add_picture(draw_picture(key), width=width)
    docpr = run._r.xpath(".//wp:docPr")[0]
    docpr.set("descr", alt)
    docpr.set("name", "Picture: " + key)
    return run


# --------------------------------------------------------------------------- shape 3
def build_easyread(src):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(1.8), Cm(1.8)
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(16)
    st.paragraph_format.space_after = Pt(6)
    for name, size in (("Heading 1", 26), ("Title", 34)):
        s = doc.styles[name]
        s.font.name = "Arial"
        s.font.size = Pt(size)
        s.font.bold = True
        s.font.color.rgb = RGBColor(0x1F, 0x3A, 0x68)
    meta = {}
    header_txt = footer_txt = ""
    table = None
    first_heading = True
    for line in src.splitlines():
        if not line.startswith("@"):
            continue
        tag, _, rest = line[1:].partition(" ")
        if tag == "meta":
            meta = dict(kv.split("=", 1) for kv in rest.split("|"))
        elif tag == "header":
            header_txt = rest
        elif tag == "footer":
            footer_txt = rest
        elif tag == "cover":
            t, sub, er, date = rest.split("|")
            p = doc.add_paragraph(style="Title")
            p.add_run(t)
            p = doc.add_paragraph()
            r = p.add_run(sub)
            r.font.size = Pt(26)
            r.bold = True
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            picture_run(p, "group", "People sitting round a table at a meeting", Cm(8))
            p = doc.add_paragraph()
            r = p.add_run(er)
            r.font.size = Pt(28)
            r.bold = True
            p = doc.add_paragraph(date)
            p.runs[0].font.size = Pt(20)
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            table = None
        elif tag == "h":
            if rest in ("What we decided", "Word list", "Contact us"):
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            doc.add_paragraph(rest, style="Heading 1")
            table = None
            first_heading = False
        elif tag == "row":
            key, alt, text = rest.split("|", 2)
            if table is None:
                table = doc.add_table(rows=0, cols=2)
                no_borders(table)
                table.autofit = False
                table.columns[0].width, table.columns[1].width = Cm(4.6), Cm(12.4)
            row = table.add_row()
            row.height = Cm(4.2)
            c0, c1 = row.cells
            c0.width, c1.width = Cm(4.6), Cm(12.4)
            c0.vertical_alignment = c1.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            picture_run(c0.paragraphs[0], key, alt, Cm(3.6))
            p = c1.paragraphs[0]
            add_rich(p, text, size=Pt(16))
        elif tag == "word":
            w, meaning = rest.split("|", 1)
            if table is None:
                table = doc.add_table(rows=0, cols=2)
                table.style = doc.styles["Table Grid"]
                table.autofit = False
                table.columns[0].width, table.columns[1].width = Cm(5.0), Cm(12.0)
            row = table.add_row()
            row.cells[0].width, row.cells[1].width = Cm(5.0), Cm(12.0)
            p = row.cells[0].paragraphs[0]
            r = p.add_run(w)
            r.bold = True
            r.font.size = Pt(16)
            p = row.cells[1].paragraphs[0]
            r = p.add_run(meaning)
            r.font.size = Pt(16)
        elif tag == "small":
            table = None
            doc.add_paragraph()
            p = doc.add_paragraph()
            r = p.add_run(rest)
            r.font.size = Pt(11)
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = hp.add_run(header_txt)
    r.bold = True
    r.font.size = Pt(14)
    footer_with_pages(sec, footer_txt, size=Pt(10), tab=Cm(16.9), npages="10")
    set_core(doc, meta.get("title", ""), meta.get("author", ""), datetime(2019, 7, 12, 9, 30), datetime(2019, 7, 15, 14, 5))
    return save(doc, (2019, 7, 15, 14, 5, 0))


# --------------------------------------------------------------------------- shape 4
TOC_BASE = 482317640


def _bookmark(paragraph, bid, name):
    p = paragraph._p
    start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{bid}" w:name="{name}"/>')
    end = parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{bid}"/>')
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _ensure_toc_styles(doc):
    styles = doc.styles
    for lvl, indent in ((1, 0.0), (2, 0.6)):
        name = f"toc {lvl}"
        try:
            s = styles[name]
        except KeyError:
            s = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = styles["Normal"]
        s.paragraph_format.space_after = Pt(4)
        s.paragraph_format.left_indent = Cm(indent)
        s.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if lvl == 1:
            s.font.bold = True
    try:
        styles["TOC Heading"]
    except KeyError:
        s = styles.add_style("TOC Heading", WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = styles["Heading 1"]


def _toc_sdt(doc, entries, heading):
    """Build a w:sdt Table of Contents with a TOC field whose cached result lists entries."""
    w = nsdecls("w")
    paras = [f'<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>{heading}</w:t></w:r></w:p>']
    for i, (lvl, text, page, anchor) in enumerate(entries):
        pieces = [f'<w:p><w:pPr><w:pStyle w:val="toc{lvl}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9062"/></w:tabs></w:pPr>']
        if i == 0:
            pieces.append('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
        t = text.replace("&", "&amp;")
        pieces.append(
            f'<w:hyperlink w:anchor="{anchor}" w:history="1">'
            f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>'
            f'<w:r><w:rPr><w:webHidden/></w:rPr><w:tab/></w:r>'
            f'<w:r><w:rPr><w:webHidden/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:rPr><w:webHidden/></w:rPr><w:instrText xml:space="preserve"> PAGEREF {anchor} \\h </w:instrText></w:r>'
            f'<w:r><w:rPr><w:webHidden/></w:rPr></w:r>'
            f'<w:r><w:rPr><w:webHidden/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:rPr><w:webHidden/></w:rPr><w:t>{page}</w:t></w:r>'
            f'<w:r><w:rPr><w:webHidden/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
            f'</w:hyperlink>'
        )
        if i == len(entries) - 1:
            pieces.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        pieces.append("</w:p>")
        paras.append("".join(pieces))
    xml = (f'<w:sdt {w}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
           f'<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>' + "".join(paras) + "</w:sdtContent></w:sdt>")
    return parse_xml(xml)


def build_report(src):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    st.paragraph_format.space_after = Pt(8)
    for name, size, col in (("Heading 1", 16, (0x00, 0x4B, 0x87)), ("Heading 2", 13, (0x00, 0x4B, 0x87))):
        s = doc.styles[name]
        s.font.name = "Arial"
        s.font.size = Pt(size)
        s.font.color.rgb = RGBColor(*col)
    _ensure_toc_styles(doc)
    lines = [ln for ln in src.splitlines() if ln.strip()]
    # first pass: headings for the TOC
    entries = []
    for ln in lines:
        m = re.match(r"^(#{1,2}) (.+?) \{p=(\d+)\}$", ln)
        if m:
            entries.append((len(m.group(1)), m.group(2), m.group(3), f"_Toc{TOC_BASE + len(entries) * 13}"))
    meta, notes, used_notes = {}, {}, set()
    header_txt = footer_txt = ""
    hcount = 0
    table = None
    table_kind = None
    bid = 10
    for ln in lines:
        if ln.startswith("#"):
            m = re.match(r"^(#{1,2}) (.+?) \{p=(\d+)\}$", ln)
            lvl, text = len(m.group(1)), m.group(2)
            p = doc.add_paragraph(text, style=f"Heading {lvl}")
            _bookmark(p, bid, entries[hcount][3])
            bid += 1
            hcount += 1
            table = None
            continue
        tag, _, rest = ln[1:].partition(" ")
        if tag != "table" and tag != "timeline" and tag != "glossary" and tag != "doccontrol":
            table = None
        if tag == "meta":
            meta = dict(kv.split("=", 1) for kv in rest.split("|"))
        elif tag == "header":
            header_txt = rest
        elif tag == "footer":
            footer_txt = rest
        elif tag == "cover":
            p = doc.add_paragraph()
            r = p.add_run(rest)
            r.bold = True
            r.font.size = Pt(24 if "Community Planning" not in rest else 16)
            r.font.color.rgb = RGBColor(0x00, 0x4B, 0x87)
            p.paragraph_format.space_after = Pt(18)
        elif tag == "coversmall":
            p = doc.add_paragraph()
            r = p.add_run(rest)
            r.font.size = Pt(12)
        elif tag == "doccontrol":
            cells = rest.split("|")
            if table is None or table_kind != "doccontrol":
                doc.add_paragraph()
                p = doc.add_paragraph()
                r = p.add_run("Document control")
                r.bold = True
                table = doc.add_table(rows=0, cols=len(cells))
                table.style = doc.styles["Table Grid"]
                table_kind = "doccontrol"
                hdr = True
            else:
                hdr = False
            row = table.add_row()
            for c, t in zip(row.cells, cells):
                c.paragraphs[0].add_run(t).bold = hdr
                c.paragraphs[0].runs[0].font.size = Pt(9)
        elif tag == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif tag == "tocheading":
            toc_heading = rest
        elif tag == "toc":
            anchor = doc.add_paragraph()
            anchor._p.addprevious(_toc_sdt(doc, entries, toc_heading))
            anchor._p.getparent().remove(anchor._p)
        elif tag == "para":
            num, text = rest.split("|", 1)
            p = doc.add_paragraph()
            pf = p.paragraph_format
            pf.left_indent = Cm(1.4)
            pf.first_line_indent = Cm(-1.4)
            pf.tab_stops.add_tab_stop(Cm(1.4))
            p.add_run(num + "\t")
            add_rich(p, text, footnotes=used_notes)
        elif tag == "bullet":
            p = doc.add_paragraph(style="List Bullet")
            p.paragraph_format.left_indent = Cm(2.0)
            add_rich(p, rest, footnotes=used_notes)
        elif tag == "item":
            lab, text = rest.split("|", 1)
            p = doc.add_paragraph()
            pf = p.paragraph_format
            pf.left_indent = Cm(2.4)
            pf.first_line_indent = Cm(-1.0)
            pf.tab_stops.add_tab_stop(Cm(2.4))
            p.add_run(lab + "\t")
            add_rich(p, text, footnotes=used_notes)
        elif tag == "rec":
            lab, text = rest.split("|", 1)
            t = doc.add_table(rows=1, cols=1)
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            c = t.rows[0].cells[0]
            c.width = Cm(16)
            shade(c, "DEEAF6")
            cell_borders(c)
            p = c.paragraphs[0]
            r = p.add_run(lab)
            r.bold = True
            r.font.color.rgb = RGBColor(0x00, 0x4B, 0x87)
            p2 = c.add_paragraph()
            add_rich(p2, text, footnotes=used_notes)
            p2.runs[0].bold = False
            doc.add_paragraph().paragraph_format.space_after = Pt(0)
        elif tag == "impl":
            lab, text = rest.split("|", 1)
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(1.4)
            r = p.add_run(lab + ": ")
            r.bold = True
            r.italic = True
            add_rich(p, text, footnotes=used_notes)
        elif tag in ("glossary", "table", "timeline"):
            cells = rest.split("|")
            if table is None or table_kind != tag:
                table = doc.add_table(rows=0, cols=len(cells))
                table.style = doc.styles["Table Grid"]
                table_kind = tag
                hdr = True
            else:
                hdr = False
            row = table.add_row()
            for c, t in zip(row.cells, cells):
                r = c.paragraphs[0].add_run(t)
                r.font.size = Pt(10)
                if hdr:
                    r.bold = True
                    shade(c, "004B87")
                    r.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        elif tag == "tablecaption":
            p = doc.add_paragraph()
            r = p.add_run(rest)
            r.bold = True
            r.font.size = Pt(10)
        elif tag == "fn":
            n, text = rest.split("|", 1)
            notes[int(n)] = text
        elif tag == "contact":
            doc.add_paragraph()
            p = doc.add_paragraph()
            r = p.add_run(rest)
            r.font.size = Pt(9)
        else:
            raise ValueError(tag)
    assert used_notes == set(notes), (used_notes, set(notes))
    add_footnotes_part(doc, notes)
    hp = sec.header.paragraphs[0]
    clear_style_tabs(hp)
    hp.paragraph_format.tab_stops.add_tab_stop(Cm(15.9), WD_TAB_ALIGNMENT.RIGHT)
    left, right = header_txt.split(" | ")
    r = hp.add_run(left + "\t" + right)
    r.font.size = Pt(8)
    r.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    footer_with_pages(sec, footer_txt, size=Pt(8), npages="11")
    sec.different_first_page_header_footer = True
    created = datetime.fromisoformat(meta["created"])
    modified = datetime.fromisoformat(meta["modified"])
    set_core(doc, meta["title"], meta["author"], created, modified, meta.get("subject", ""))
    return save(doc, (2017, 6, 1, 16, 42, 0))
