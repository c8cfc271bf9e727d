#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/.

Run with /work/main/.venv/bin/python make_documents.py
Everything is deterministic: fixed dates in document metadata and zip entries,
seeded randomness for the photographs.
"""
import datetime as dt
import hashlib
import html
import io
import json
import math
import random
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
FONTS_LIB = Path("/usr/share/fonts/truetype/liberation")
FONTS_DJV = Path("/usr/share/fonts/truetype/dejavu")

UTC = dt.timezone.utc


# ----------------------------------------------------------------------------
# helpers: deterministic OOXML / zip
# ----------------------------------------------------------------------------
def _fix_core_xml(data: bytes, when: dt.datetime) -> bytes:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    data = re.sub(rb"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", rb"\g<1>" + stamp + rb"\g<2>", data)
    data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", data)
    return data


def normalise_ooxml(blob: bytes, when: dt.datetime) -> bytes:
    """Rewrite an OOXML package with fixed entry times and fixed core dates."""
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _fix_core_xml(data, when)
            zi = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zi.create_system = 0
            z.writestr(zi, data)
    return out.getvalue()


def write(path: Path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# ----------------------------------------------------------------------------
# simple PDF writer for agenda and minutes (fpdf2)
# ----------------------------------------------------------------------------
def _fpdf():
    from fpdf import FPDF
    return FPDF


def simple_pdf(src_text: str, when: dt.datetime, title: str, footer_style: str) -> bytes:
    FPDF = _fpdf()
    header = ""
    footer = ""
    lines = []
    for ln in src_text.splitlines():
        if ln.startswith("@HEADER"):
            header = ln[len("@HEADER"):].strip()
        elif ln.startswith("@FOOTER"):
            footer = ln[len("@FOOTER"):].strip()
        else:
            lines.append(ln)

    class P(FPDF):
        def header(self):
            if header:
                self.set_font("LS", "", 8)
                self.set_text_color(90, 90, 90)
                self.set_xy(20, 10)
                self.cell(170, 5, header, align="R")
                self.set_text_color(0, 0, 0)
                self.set_y(22)

        def footer(self):
            self.set_y(-15)
            self.set_font("LS", "", 8)
            self.set_text_color(90, 90, 90)
            if footer_style == "agenda":
                self.cell(0, 5, f"Page {self.page_no()}", align="C")
            else:
                self.cell(0, 5, f"– {self.page_no()} –", align="C")
            if footer:
                self.set_xy(20, -11)
                self.cell(0, 4, footer, align="L")
            self.set_text_color(0, 0, 0)

    pdf = P(format="A4")
    pdf.set_creation_date(when)
    pdf.set_title(title)
    pdf.set_author("Coventry City Council")
    pdf.set_creator("Modern.Gov")
    pdf.set_producer("Modern.Gov PDF export")
    pdf.add_font("LS", "", str(FONTS_LIB / "LiberationSans-Regular.ttf"))
    pdf.add_font("LS", "B", str(FONTS_LIB / "LiberationSans-Bold.ttf"))
    pdf.set_margins(20, 22, 20)
    pdf.set_auto_page_break(True, 22)
    pdf.add_page()
    for ln in lines:
        if ln.strip() == "@PAGE":
            pdf.add_page()
            continue
        if ln.startswith("##"):
            pdf.ln(2)
            pdf.set_font("LS", "B", 12)
            pdf.multi_cell(0, 6.5, ln[2:].strip())
            pdf.ln(1)
            continue
        if ln.startswith("#"):
            pdf.set_font("LS", "B", 18)
            pdf.multi_cell(0, 9, ln[1:].strip())
            pdf.ln(1)
            continue
        if ln.strip() == "":
            pdf.ln(4)
            continue
        indent = len(ln) - len(ln.lstrip(" "))
        text = ln.strip()
        bold = bool(re.match(r"^\d+\.\s", text)) and len(text) < 110 and not text.endswith(".")
        bold = bold or text in ("Present:", "Apologies:") or text.startswith("RESOLVED") and False
        pdf.set_font("LS", "B" if bold else "", 10.5)
        if bold:
            pdf.ln(2)
        pdf.set_x(20 + (8 if indent else 0))
        pdf.multi_cell(170 - (8 if indent else 0), 5.4, text)
        pdf.ln(1.2)
    return bytes(pdf.output())


# ----------------------------------------------------------------------------
# Word report (python-docx)
# ----------------------------------------------------------------------------
def _set_core(doc, when, author, title):
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = title
    cp.created = when.replace(tzinfo=None)
    cp.modified = when.replace(tzinfo=None)
    cp.revision = 7
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""


def report_docx(src_text: str, when: dt.datetime) -> bytes:
    import docx
    from docx.shared import Pt, Cm

    doc = docx.Document()
    _set_core(doc, when, "Alison Mercer", "Review of Health and Wellbeing Board and Place Partnership Arrangements")
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    sec = doc.sections[0]
    sec.page_height = Cm(29.7)
    sec.page_width = Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    lines = src_text.splitlines()
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("@HEADER"):
            sec.header.paragraphs[0].text = ln[len("@HEADER"):].strip()
        elif ln.startswith("@FOOTER"):
            sec.footer.paragraphs[0].text = ln[len("@FOOTER"):].strip()
        elif ln.startswith("@TABLE"):
            rows = []
            i += 1
            while not lines[i].startswith("@END"):
                rows.append([c.strip() for c in lines[i].split("|")])
                i += 1
            ncol = max(len(r) for r in rows)
            t = doc.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, val in enumerate(row):
                    t.cell(r, c).text = val
            doc.add_paragraph("")
        elif ln.startswith("## "):
            doc.add_heading(ln[3:].strip(), level=2)
        elif ln.startswith("# "):
            doc.add_heading(ln[2:].strip(), level=1)
        elif ln.strip():
            p = doc.add_paragraph(ln.strip())
            if re.match(r"^\([a-h]\)", ln):
                p.paragraph_format.left_indent = Cm(1.0)
                p.paragraph_format.first_line_indent = Cm(-0.8)
        i += 1
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_ooxml(buf.getvalue(), when)


# ----------------------------------------------------------------------------
# Excel appendix (openpyxl)
# ----------------------------------------------------------------------------
def appendix_xlsx(src_text: str, when: dt.datetime) -> bytes:
    import openpyxl
    from openpyxl.styles import Font, Alignment, PatternFill

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = None
    for ln in src_text.splitlines():
        if ln.startswith("@SHEET"):
            ws = wb.create_sheet(ln[len("@SHEET"):].strip())
            continue
        if not ln.strip():
            continue
        ws.append(ln.split("\t"))
    for ws in wb.worksheets:
        ws["A1"].font = Font(bold=True, size=12)
        for row in ws.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        # header row = the row whose first cell is Option / Ref
        for row in ws.iter_rows():
            if row[0].value in ("Option", "Ref"):
                for cell in row:
                    cell.font = Font(bold=True)
                    cell.fill = PatternFill("solid", fgColor="D9E1F2")
        widths = {"A": 11, "B": 48, "C": 30, "D": 30, "E": 14, "F": 40}
        for col, w in widths.items():
            ws.column_dimensions[col].width = w
    wb.properties.creator = "Public Health Policy Team"
    wb.properties.lastModifiedBy = "Public Health Policy Team"
    wb.properties.created = when.replace(tzinfo=None)
    wb.properties.modified = when.replace(tzinfo=None)
    wb.properties.title = "Appendix 1 - Options appraisal and action plan"
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_ooxml(buf.getvalue(), when)


# ----------------------------------------------------------------------------
# Document 1: agenda pack as a zip archive
# ----------------------------------------------------------------------------
PACK_DIR = "HWB 24-06-2024"
PACK_FILES = {
    "agenda": f"{PACK_DIR}/Agenda/Agenda frontsheet 24-Jun-2024 14.00 Coventry Health and Wellbeing Board.pdf",
    "report": f"{PACK_DIR}/Reports/Item 6 - Review of Partnership Arrangements.docx",
    "appendix": f"{PACK_DIR}/Reports/Item 6 - Appendix 1 - Options and action plan.xlsx",
    "minutes": f"{PACK_DIR}/Minutes/Draft minutes 11-Mar-2024 Health and Wellbeing Board.pdf",
}


def build_pack():
    d = SRC / "01_coventry_pack"
    when = dt.datetime(2024, 6, 14, 9, 30, 0, tzinfo=UTC)
    agenda = simple_pdf((d / "agenda_frontsheet.txt").read_text(encoding="utf-8"),
                        dt.datetime(2024, 6, 14, 8, 15, 0, tzinfo=UTC),
                        "Agenda frontsheet Coventry Health and Wellbeing Board", "agenda")
    minutes = simple_pdf((d / "minutes_2024-03-11.txt").read_text(encoding="utf-8"),
                         dt.datetime(2024, 3, 20, 11, 2, 0, tzinfo=UTC),
                         "Draft minutes Coventry Health and Wellbeing Board 11 March 2024", "minutes")
    report = report_docx((d / "report_item6.txt").read_text(encoding="utf-8"),
                         dt.datetime(2024, 6, 10, 16, 41, 0, tzinfo=UTC))
    appendix = appendix_xlsx((d / "appendix1.tsv").read_text(encoding="utf-8"),
                             dt.datetime(2024, 6, 7, 12, 5, 0, tzinfo=UTC))
    rnd = random.Random(1701)
    thumbs = (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + bytes.fromhex("3E000300FEFF0900")
              + bytes(rnd.getrandbits(8) for _ in range(20480 - 32)))
    appledouble = (bytes.fromhex("00051607") + bytes.fromhex("00020000") + b"Mac OS X        "
                   + bytes.fromhex("0002") + bytes(rnd.getrandbits(8) for _ in range(4062)))
    entries = [
        (f"{PACK_DIR}/", None, (2024, 6, 14, 10, 2, 12)),
        (f"{PACK_DIR}/Agenda/", None, (2024, 6, 14, 10, 2, 12)),
        (PACK_FILES["agenda"], agenda, (2024, 6, 14, 9, 15, 40)),
        (f"{PACK_DIR}/Minutes/", None, (2024, 6, 14, 10, 2, 12)),
        (PACK_FILES["minutes"], minutes, (2024, 3, 20, 11, 2, 30)),
        (f"{PACK_DIR}/Reports/", None, (2024, 6, 14, 10, 2, 12)),
        (PACK_FILES["report"], report, (2024, 6, 10, 17, 41, 6)),
        (PACK_FILES["appendix"], appendix, (2024, 6, 7, 13, 5, 22)),
        (f"{PACK_DIR}/Reports/Thumbs.db", thumbs, (2024, 6, 11, 8, 58, 2)),
        ("__MACOSX/", None, (2024, 6, 14, 10, 2, 12)),
        ("__MACOSX/" + PACK_DIR + "/", None, (2024, 6, 14, 10, 2, 12)),
        ("__MACOSX/" + PACK_DIR + "/Reports/", None, (2024, 6, 14, 10, 2, 12)),
        ("__MACOSX/" + PACK_DIR + "/Reports/._Item 6 - Review of Partnership Arrangements.docx",
         appledouble, (2024, 6, 10, 17, 41, 6)),
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data, when_t in entries:
            zi = zipfile.ZipInfo(name, date_time=when_t)
            zi.create_system = 3
            if data is None:
                zi.external_attr = (0o40755 << 16) | 0x10
                zi.compress_type = zipfile.ZIP_STORED
                z.writestr(zi, b"")
            else:
                zi.external_attr = 0o100644 << 16
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, data)
    write(RAW / "coventry_hwb_pack_2024-06.zip", out.getvalue())


# ----------------------------------------------------------------------------
# Document 2: news page with metered paywall and JSON-LD articleBody
# ----------------------------------------------------------------------------
def build_news():
    d = SRC / "02_brent_news"
    meta = {}
    paras = []
    for ln in (d / "article.txt").read_text(encoding="utf-8").splitlines():
        if ln.startswith("@"):
            k, v = ln[1:].split(" ", 1)
            meta[k] = v.strip()
        elif ln.strip():
            paras.append(ln.strip())
    teaser_n = int(meta["TEASER"])
    body = "\n\n".join(paras)
    url = "https://www.wembleyobserver.co.uk/news/local-council/brent-to-halve-community-safety-groups-in-partnership-shake-up-24815562"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": meta["HEADLINE"],
        "description": meta["STANDFIRST"],
        "image": ["https://www.wembleyobserver.co.uk/resources/images/18893412/?type=og-image"],
        "datePublished": meta["DATE"],
        "dateModified": meta["MODIFIED"],
        "author": [{"@type": "Person", "name": meta["AUTHOR"], "jobTitle": meta["ROLE"],
                    "url": "https://www.wembleyobserver.co.uk/author/profile/tamsin-achebe/"}],
        "publisher": {"@type": "Organization", "name": "The Wembley Observer",
                      "logo": {"@type": "ImageObject",
                               "url": "https://www.wembleyobserver.co.uk/resources/images/logo.png"}},
        "articleSection": "Local Council",
        "keywords": ["Brent Council", "Crime", "Wembley"],
        "isAccessibleForFree": False,
        "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".article-body"},
        "articleBody": body,
    }
    crumbs = {
        "@context": "https://schema.org", "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://www.wembleyobserver.co.uk/"},
            {"@type": "ListItem", "position": 2, "name": "News", "item": "https://www.wembleyobserver.co.uk/news/"},
            {"@type": "ListItem", "position": 3, "name": "Local Council",
             "item": "https://www.wembleyobserver.co.uk/news/local-council/"},
        ],
    }
    teaser = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras[:teaser_n])
    tpl = (d / "page_template.html").read_text(encoding="utf-8")
    rep = {
        "{{HEADLINE}}": html.escape(meta["HEADLINE"], quote=True),
        "{{STANDFIRST}}": html.escape(meta["STANDFIRST"], quote=True),
        "{{AUTHOR}}": meta["AUTHOR"],
        "{{ROLE}}": meta["ROLE"],
        "{{DATE}}": meta["DATE"],
        "{{DATEHUMAN}}": "13 February 2024, 5:45pm",
        "{{TEASER}}": teaser,
        "{{JSONLD}}": json.dumps(ld, ensure_ascii=False, indent=2).replace("</", "<\\/"),
        "{{BREADCRUMBS}}": json.dumps(crumbs, ensure_ascii=False),
        "{{WORDCOUNT}}": str(len(body.split())),
    }
    for k, v in rep.items():
        tpl = tpl.replace(k, v)
    write(RAW / "wembleyobserver_safer-brent-partnership_news_2024-02.html", tpl.encode("utf-8"))


# ----------------------------------------------------------------------------
# Document 3: tab-stop minutes (python-docx)
# ----------------------------------------------------------------------------
def _add_page_field(paragraph):
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    run = paragraph.add_run()
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    run._r.addnext(fld)


def build_tab_minutes():
    import docx
    from docx.shared import Pt, Cm
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_ALIGN_PARAGRAPH

    when = dt.datetime(2023, 11, 27, 15, 12, 0, tzinfo=UTC)
    doc = docx.Document()
    _set_core(doc, when, "Janice Reid", "Fife Partnership Board minute 21 November 2023")
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    st.paragraph_format.space_after = Pt(4)
    sec = doc.sections[0]
    sec.page_height = Cm(29.7)
    sec.page_width = Cm(21.0)
    sec.left_margin = Cm(2.0)
    sec.right_margin = Cm(2.0)
    RIGHT = Cm(17.0)

    def tabs(p, stops):
        for pos, align in stops:
            p.paragraph_format.tab_stops.add_tab_stop(Cm(pos) if not hasattr(pos, "emu") else pos, align)

    L, R = WD_TAB_ALIGNMENT.LEFT, WD_TAB_ALIGNMENT.RIGHT
    for raw in (SRC / "03_fife_minutes" / "minutes.txt").read_text(encoding="utf-8").splitlines():
        ln = raw.replace("<T>", "\t")
        if not ln.strip():
            continue
        tag, _, rest = ln.partition(" ")
        if tag == "@HEADER":
            p = sec.header.paragraphs[0]
            p.text = rest
            tabs(p, [(8.5, WD_TAB_ALIGNMENT.CENTER), (17.0, R)])
        elif tag == "@FOOTER":
            p = sec.footer.paragraphs[0]
            txt = rest.replace("{PAGE}", "")
            p.add_run(txt).font.size = Pt(8)
            _add_page_field(p)
            tabs(p, [(8.5, WD_TAB_ALIGNMENT.CENTER), (17.0, R)])
        elif tag == "@TITLE":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(rest)
            r.bold = True
            r.font.size = Pt(13)
        elif tag == "@CENTRE":
            p = doc.add_paragraph(rest)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif tag == "@BLANK":
            doc.add_paragraph("")
        elif tag in ("@H", "@ATT") and ("PRESENT" in rest or "ATTENDANCE" in rest or "APOLOGIES" in rest or tag == "@ATT"):
            p = doc.add_paragraph()
            tabs(p, [(4.0, L), (10.5, L)])
            p.paragraph_format.space_after = Pt(0)
            parts = rest.split("\t")
            if tag == "@H":
                p.add_run(parts[0]).bold = True
                p.add_run("\t" + "\t".join(parts[1:]))
            else:
                p.add_run(rest)
        elif tag == "@ACTHEAD":
            p = doc.add_paragraph()
            tabs(p, [(1.5, L), (RIGHT, R)])
            p.add_run(rest).bold = True
        elif tag == "@H":
            p = doc.add_paragraph()
            tabs(p, [(1.5, L), (RIGHT, R)])
            p.paragraph_format.space_before = Pt(8)
            p.add_run(rest).bold = True
        elif tag == "@P":
            p = doc.add_paragraph(rest)
            p.paragraph_format.left_indent = Cm(1.5)
            p.paragraph_format.first_line_indent = Cm(-1.5)
            tabs(p, [(1.5, L), (RIGHT, R)])
        elif tag == "@L":
            p = doc.add_paragraph(rest)
            p.paragraph_format.left_indent = Cm(2.5)
            p.paragraph_format.first_line_indent = Cm(-2.5)
            tabs(p, [(1.5, L), (2.5, L), (RIGHT, R)])
        elif tag == "@AS":
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            tabs(p, [(1.2, L), (13.0, L), (15.0, L)])
            r = p.add_run(rest)
            if rest.startswith("No."):
                r.bold = True
        else:
            raise ValueError(raw)
    buf = io.BytesIO()
    doc.save(buf)
    write(RAW / "fife_partnership_board_minutes_2023-11.docx", normalise_ooxml(buf.getvalue(), when))


# ----------------------------------------------------------------------------
# Document 4: photographs of printed pages (Pillow)
# ----------------------------------------------------------------------------
def _solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def _perspective_coeffs(dst_pts, src_pts):
    # coefficients mapping output (dst) coords to input (src) coords
    a, b = [], []
    for (x, y), (u, v) in zip(dst_pts, src_pts):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); b.append(u)
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y]); b.append(v)
    return _solve(a, b)


def render_page(lines, page_no):
    from PIL import Image, ImageDraw, ImageFont
    W, H = 1654, 2339
    img = Image.new("RGB", (W, H), (250, 249, 244))
    dr = ImageDraw.Draw(img)
    reg = ImageFont.truetype(str(FONTS_LIB / "LiberationSans-Regular.ttf"), 31)
    bold = ImageFont.truetype(str(FONTS_LIB / "LiberationSans-Bold.ttf"), 31)
    x0, y = 170, 170
    lh = 44
    for ln in lines:
        if ln.startswith("@B "):
            dr.text((x0, y), ln[3:], font=bold, fill=(25, 25, 25))
        elif ln.startswith("@R "):
            left, right = re.split(r"\s{3,}", ln[3:])
            dr.text((x0, y), left, font=reg, fill=(70, 70, 70))
            w = dr.textlength(right, font=reg)
            dr.text((W - 170 - w, y), right, font=reg, fill=(70, 70, 70))
        else:
            parts = re.split(r"\s{4,}", ln.strip()) if re.search(r"\S\s{4,}\S", ln) else [ln]
            if len(parts) == 2:
                dr.text((x0, y), parts[0], font=reg, fill=(25, 25, 25))
                dr.text((x0 + 720, y), parts[1], font=reg, fill=(25, 25, 25))
            else:
                indent = len(ln) - len(ln.lstrip(" "))
                dr.text((x0 + indent * 17, y), ln.strip(), font=reg, fill=(25, 25, 25))
        y += lh
    if page_no == 1:
        foot = "Page 1"
        w = dr.textlength(foot, font=reg)
        dr.text(((W - w) / 2, H - 130), foot, font=reg, fill=(70, 70, 70))
    # punched holes on the left edge
    for hy in (H // 2 - 240, H // 2 + 240):
        dr.ellipse((38, hy - 30, 98, hy + 30), fill=(60, 45, 30))
    if page_no == 1:
        dr.line((60, 40, 150, 70), fill=(150, 150, 155), width=7)  # staple
    return img


def photograph(page, seed, out_size=(1900, 2500)):
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter
    rnd = random.Random(seed)
    W, H = page.size
    # 1. slight page curve (mesh warp): rows bow downward toward the middle
    mesh = []
    nx, ny = 16, 16
    amp = rnd.uniform(10, 18)
    for i in range(nx):
        for j in range(ny):
            x0 = i * W // nx; x1 = (i + 1) * W // nx
            y0 = j * H // ny; y1 = (j + 1) * H // ny

            def off(x, y):
                return amp * math.sin(math.pi * x / W) * (0.5 + 0.5 * y / H)

            quad = (x0, y0 - off(x0, y0), x0, y1 - off(x0, y1),
                    x1, y1 - off(x1, y1), x1, y0 - off(x1, y0))
            mesh.append(((x0, y0, x1, y1), quad))
    curved = page.transform((W, H), Image.MESH, mesh, resample=Image.BICUBIC, fillcolor=(250, 249, 244))

    # 2. desk background (wood-ish) with grain
    OW, OH = out_size
    grain = np.zeros((OH, OW, 3), dtype=np.float32)
    base = np.array([118, 86, 58], dtype=np.float32)
    ys = np.arange(OH)[:, None]
    xs = np.arange(OW)[None, :]
    stripes = 10 * np.sin(xs / 23.0 + 3 * np.sin(ys / 210.0)) + 6 * np.sin(xs / 7.3)
    grain[:] = base
    grain += stripes[..., None]
    rng = np.random.default_rng(seed)
    grain += rng.normal(0, 4, size=(OH, OW, 1))
    desk = Image.fromarray(np.clip(grain, 0, 255).astype(np.uint8), "RGB")

    # 3. perspective: page corners onto a skewed quadrilateral
    sc = 0.98
    tl = (rnd.uniform(120, 190), rnd.uniform(70, 130))
    tr = (OW - rnd.uniform(60, 110), rnd.uniform(30, 90))
    br = (OW - rnd.uniform(20, 80), OH - rnd.uniform(20, 70))
    bl = (rnd.uniform(60, 130), OH - rnd.uniform(60, 120))
    dst = [tl, tr, br, bl]
    src = [(0, 0), (W, 0), (W, H), (0, H)]
    coeffs = _perspective_coeffs(dst, src)
    warped = curved.transform((OW, OH), Image.PERSPECTIVE, coeffs, resample=Image.BICUBIC)
    mask = Image.new("L", (W, H), 255).transform((OW, OH), Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR)
    # drop shadow of the sheet on the desk
    shadow = mask.filter(ImageFilter.GaussianBlur(18))
    desk_np = np.asarray(desk).astype(np.float32)
    sh = np.asarray(shadow).astype(np.float32)[..., None] / 255.0
    sh = np.roll(np.roll(sh, 14, axis=0), 10, axis=1)
    desk_np *= (1 - 0.45 * sh)
    desk = Image.fromarray(np.clip(desk_np, 0, 255).astype(np.uint8), "RGB")
    desk.paste(warped, (0, 0), mask)

    # 4. uneven lighting: gradient plus a soft shadow (phone / hand)
    img = np.asarray(desk).astype(np.float32)
    gx = rnd.uniform(0.10, 0.20)
    light = 1.04 - gx * (xs / OW) - 0.12 * (ys / OH)
    sh_img = Image.new("L", (OW, OH), 0)
    d = ImageDraw.Draw(sh_img)
    cx = rnd.uniform(0.55, 0.9) * OW
    cy = rnd.uniform(0.75, 1.0) * OH
    d.ellipse((cx - 700, cy - 420, cx + 700, cy + 420), fill=255)
    sh_img = sh_img.filter(ImageFilter.GaussianBlur(160))
    soft = np.asarray(sh_img).astype(np.float32) / 255.0
    light = light * (1 - 0.30 * soft)
    img = img * light[..., None]
    img[..., 2] *= 0.95  # warm indoor light
    img += rng.normal(0, 3.5, size=img.shape)
    out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB")
    out = out.filter(ImageFilter.GaussianBlur(0.7))
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=72, subsampling=2, optimize=False)
    return buf.getvalue()


def build_photos():
    d = SRC / "04_walsall_photos"
    for n, seed in ((1, 4101), (2, 4102), (3, 4103)):
        lines = (d / f"page{n}.txt").read_text(encoding="utf-8").splitlines()
        page = render_page(lines, n)
        write(RAW / f"walsall_bsp_minutes_2011-03_p{n}.jpg", photograph(page, seed))


# ----------------------------------------------------------------------------
# Document 5: draft printed with markup (tracked changes and balloons)
# ----------------------------------------------------------------------------
TOKEN = re.compile(r"(\{\+.*?\+\}|\[-.*?-\]|\{#.*?#\}|\{%.*?%\})")


def parse_markup(text):
    """-> list of ('n'|'i', str) runs and ('b', kind, text) balloon anchors."""
    out = []
    for part in TOKEN.split(text):
        if not part:
            continue
        if part.startswith("{+"):
            out.append(("i", part[2:-2]))
        elif part.startswith("[-"):
            out.append(("b", "del", part[2:-2]))
        elif part.startswith("{#"):
            ref, txt = part[2:-2].split("|", 1)
            out.append(("b", "com", f"{ref}|{txt}"))
        elif part.startswith("{%"):
            out.append(("b", "fmt", part[2:-2]))
        else:
            out.append(("n", part))
    return out


def build_markup_pdf():
    first = _markup_pdf(None)
    n = first[1]
    data, n2 = _markup_pdf(n)
    assert n == n2
    write(RAW / "islington_sip_tor_markup_2024-09.pdf", data)


def _markup_pdf(total):
    FPDF = _fpdf()
    src = (SRC / "05_islington_markup" / "draft.txt").read_text(encoding="utf-8").splitlines()
    header = footer_left = ""
    body = []
    for ln in src:
        if ln.startswith("@HEADER"):
            header = ln[len("@HEADER"):].strip()
        elif ln.startswith("@FOOTERLEFT"):
            footer_left = ln[len("@FOOTERLEFT"):].strip()
        else:
            body.append(ln)

    INS = (192, 0, 0)
    BODY_X, BODY_W = 24.0, 110.0
    BAL_X, BAL_W = 144.0, 58.0
    TOP, BOTTOM = 24.0, 272.0

    class P(FPDF):
        def header(self):
            self.set_font("LS", "", 7.5)
            self.set_text_color(110, 110, 110)
            self.text(BODY_X, 14, header)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_font("LS", "", 7)
            self.set_text_color(110, 110, 110)
            self.text(BODY_X, 284, footer_left)
            label = f"Page {self.page_no()} of {total or 0}"
            self.text(BODY_X + BODY_W - 16, 289, label)
            self.set_text_color(0, 0, 0)

    pdf = P(format="A4")
    pdf.set_creation_date(dt.datetime(2024, 9, 18, 14, 26, 0, tzinfo=UTC))
    pdf.set_title("SIP ToR draft v0.4 tracked")
    pdf.set_author("Rhiannon Clarke")
    pdf.set_creator("Microsoft® Word for Microsoft 365")
    pdf.set_producer("Microsoft® Word for Microsoft 365")
    pdf.add_font("LS", "", str(FONTS_LIB / "LiberationSans-Regular.ttf"))
    pdf.add_font("LS", "B", str(FONTS_LIB / "LiberationSans-Bold.ttf"))
    pdf.add_font("LS", "I", str(FONTS_LIB / "LiberationSans-Italic.ttf"))
    pdf.set_auto_page_break(False)

    state = {"y": TOP, "anchors": []}

    def flush_balloons():
        y_last = TOP - 2
        for (ax, ay, kind, txt) in state["anchors"]:
            if kind == "del":
                head, rest, col = "Deleted: ", txt.strip(), (192, 0, 0)
            elif kind == "fmt":
                head, rest, col = "Formatted: ", txt.split(":", 1)[1].strip() if txt.startswith("Formatted:") else txt, (110, 110, 110)
            else:
                ref, t = txt.split("|", 1)
                head, rest, col = f"Comment [{ref}]: ", t, (46, 84, 150)
            pdf.set_font("LS", "", 7.5)
            content = head + rest
            # measure lines
            lines = pdf.multi_cell(BAL_W - 4, 3.6, content, dry_run=True, output="LINES")
            hgt = 3.6 * len(lines) + 3
            by = max(ay - 3.0, y_last + 2)
            if by + hgt > BOTTOM + 10:
                by = BOTTOM + 10 - hgt
            # connector
            pdf.set_draw_color(*col)
            pdf.set_line_width(0.2)
            pdf.set_dash_pattern(dash=0.6, gap=0.6)
            pdf.line(ax, ay + 0.8, BODY_X + BODY_W + 3, ay + 0.8)
            pdf.line(BODY_X + BODY_W + 3, ay + 0.8, BAL_X, by + 2)
            pdf.set_dash_pattern()
            pdf.set_fill_color(*(col if kind == "com" else (255, 255, 255)))
            if kind == "com":
                pdf.set_fill_color(232, 238, 248)
            pdf.rect(BAL_X, by, BAL_W, hgt, style="DF", round_corners=True, corner_radius=1.2)
            pdf.set_text_color(0, 0, 0)
            yy = by + 1.5
            for i, l in enumerate(lines):
                pdf.set_xy(BAL_X + 2, yy)
                if i == 0 and l.startswith(head.strip()):
                    pdf.set_font("LS", "B", 7.5)
                    pdf.set_text_color(*col)
                    pdf.cell(pdf.get_string_width(head), 3.6, head)
                    pdf.set_font("LS", "", 7.5)
                    pdf.set_text_color(0, 0, 0)
                    pdf.cell(BAL_W - 4 - pdf.get_string_width(head), 3.6, l[len(head):])
                else:
                    pdf.cell(BAL_W - 4, 3.6, l)
                yy += 3.6
            y_last = by + hgt
        state["anchors"] = []
        pdf.set_draw_color(0, 0, 0)

    def new_page():
        if pdf.page:
            flush_balloons()
        pdf.add_page()
        # markup pane rule
        pdf.set_draw_color(200, 200, 200)
        pdf.set_line_width(0.2)
        pdf.line(BAL_X - 4, TOP - 4, BAL_X - 4, BOTTOM + 14)
        pdf.set_draw_color(0, 0, 0)
        state["y"] = TOP

    def emit_paragraph(runs, x, width, size=10, style="", lh=5.0, bullet=None, space=2.2):
        pdf.set_font("LS", style, size)
        # build words: list of pieces (kind, text); a word ends when a piece ends with whitespace
        words, cur = [], []
        for r in runs:
            if r[0] == "b":
                cur.append(r)
                continue
            for piece in re.findall(r"\S+\s*|\s+", r[1]):
                cur.append((r[0], piece))
                if piece[-1].isspace():
                    words.append(cur)
                    cur = []
        if cur:
            words.append(cur)

        def wwidth(w):
            return sum(pdf.get_string_width(p[1]) for p in w if p[0] != "b")

        lines, line, lw = [], [], 0.0
        for w in words:
            ww = wwidth(w)
            trail = 0.0
            last = [p for p in w if p[0] != "b"]
            if last and last[-1][1][-1].isspace():
                trail = pdf.get_string_width(last[-1][1]) - pdf.get_string_width(last[-1][1].rstrip())
            if line and lw + ww - trail > width:
                lines.append(line)
                line, lw = [], 0.0
            line.extend(w)
            lw += ww
        if line:
            lines.append(line)
        for li, line in enumerate(lines):
            if state["y"] + lh > BOTTOM:
                new_page()
                pdf.set_font("LS", style, size)
            base = state["y"] + lh * 0.78
            cx = x
            if bullet and li == 0:
                pdf.set_text_color(0, 0, 0)
                pdf.text(x - 5, base, bullet)
            changed = False
            for p in line:
                if p[0] == "b":
                    state["anchors"].append((cx, base, p[1], p[2]))
                    if p[1] == "del":
                        changed = True
                        pdf.set_draw_color(*INS)
                        pdf.set_line_width(0.25)
                        pdf.line(cx, base - 3.2, cx, base + 0.8)
                        pdf.set_draw_color(0, 0, 0)
                    continue
                t = p[1]
                wdt = pdf.get_string_width(t)
                if p[0] == "i":
                    changed = True
                    pdf.set_text_color(*INS)
                    pdf.text(cx, base, t)
                    pdf.set_draw_color(*INS)
                    pdf.set_line_width(0.25)
                    uw = pdf.get_string_width(t.rstrip()) if p is line[-1] else wdt
                    pdf.line(cx, base + 0.7, cx + uw, base + 0.7)
                    pdf.set_draw_color(0, 0, 0)
                    pdf.set_text_color(0, 0, 0)
                else:
                    pdf.set_text_color(0, 0, 0)
                    pdf.text(cx, base, t)
                cx += wdt
            if changed:
                pdf.set_draw_color(0, 0, 0)
                pdf.set_line_width(0.5)
                pdf.line(BODY_X - 8, state["y"] + 0.3, BODY_X - 8, state["y"] + lh - 0.3)
                pdf.set_line_width(0.2)
            state["y"] += lh
        state["y"] += space

    new_page()
    for ln in body:
        if not ln.strip():
            continue
        if ln.strip() == "@PAGEBREAK":
            new_page()
            continue
        if ln.startswith("@TITLE "):
            emit_paragraph(parse_markup(ln[7:]), BODY_X, BODY_W, size=13, style="B", lh=6.4, space=1)
        elif ln.startswith("@SUB "):
            emit_paragraph(parse_markup(ln[5:]), BODY_X, BODY_W, size=10.5, style="I", lh=5.4, space=4)
        elif ln.startswith("@META "):
            emit_paragraph(parse_markup(ln[6:]), BODY_X, BODY_W, size=9, lh=4.4, space=0.6)
        elif ln.startswith("# "):
            state["y"] += 2
            emit_paragraph(parse_markup(ln[2:]), BODY_X, BODY_W, size=11, style="B", lh=5.6, space=1.5)
        elif ln.startswith("- "):
            emit_paragraph(parse_markup(ln[2:]), BODY_X + 7, BODY_W - 7, bullet="•", space=1.2)
        elif re.match(r"^\d+\. ", ln):
            num, rest = ln.split(" ", 1)
            pdf.set_font("LS", "", 10)
            pdf.text(BODY_X, state["y"] + 5.0 * 0.78, num)
            emit_paragraph(parse_markup(rest), BODY_X + 7, BODY_W - 7, space=1.6)
        else:
            emit_paragraph(parse_markup(ln), BODY_X, BODY_W)
    flush_balloons()
    return bytes(pdf.output()), pdf.page


def main():
    RAW.mkdir(exist_ok=True)
    build_pack()
    build_news()
    build_tab_minutes()
    build_photos()
    build_markup_pdf()
    for p in sorted(RAW.iterdir()):
        print(hashlib.sha256(p.read_bytes()).hexdigest()[:16], p.stat().st_size, p.name)


if __name__ == "__main__":
    main()
