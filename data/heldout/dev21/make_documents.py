#!/usr/bin/env python3
"""Regenerate raw/ byte for byte from sources/ (dev21 held-out set).

Run with /work/main/.venv/bin/python make_documents.py
Everything is deterministic: fixed creation dates, fixed zip entry times,
seeded randomness for the photographs and the zip clutter.
"""
import datetime as dt
import html
import io
import json
import math
import os
import random
import re
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
RAW = os.path.join(HERE, "raw")

LIB = "/usr/share/fonts/truetype/liberation/"
DJV = "/usr/share/fonts/truetype/dejavu/"

ZIP_NAME = "leicestershire_hwb_agenda-pack_2024-05.zip"
HTML_NAME = "swansea_psb_news_2023-10.html"
DOCX_NAME = "somerset_safer-somerset-partnership_minutes_2023-09.docx"
JPG_NAMES = ["derby_city-partnership_minutes-photo_2011-03_p1.jpg",
             "derby_city-partnership_minutes-photo_2011-03_p2.jpg",
             "derby_city-partnership_minutes-photo_2011-03_p3.jpg"]
PDF_NAME = "valeofglamorgan_safer-vale_tor-markup_2022-11.pdf"

PACK_DIR = "Leicestershire HWB 23 May 2024"
PACK_FILES = {
    "front": PACK_DIR + "/Agenda front sheet.pdf",
    "minutes": PACK_DIR + "/Minutes/Draft minutes 14 March 2024.pdf",
    "report": PACK_DIR + "/Reports/Item 6 - Review of HWB partnership arrangements.docx",
    "appendix": PACK_DIR + "/Reports/Item 6 - Appendix A - Options and action plan.xlsx",
}


def read(path):
    with open(os.path.join(SRC, path), encoding="utf-8") as f:
        return f.read()


# ---------------------------------------------------------------- zip helpers
def normalise_ooxml(blob, when, core_modified=None):
    """Rewrite an OOXML zip with fixed entry times (and a fixed core.xml date)."""
    zin = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml" and core_modified:
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + core_modified.encode() + rb"\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zi.create_system = 0
            zout.writestr(zi, data)
    return out.getvalue()


# ---------------------------------------------------------------- simple PDFs
def _pdf(created, footer=None):
    from fpdf import FPDF

    class DocPDF(FPDF):
        def footer(self):
            if footer:
                footer(self)
    pdf = DocPDF(format="A4", unit="mm")
    pdf.set_creation_date(created)
    pdf.add_font("Arial", "", LIB + "LiberationSans-Regular.ttf")
    pdf.add_font("Arial", "B", LIB + "LiberationSans-Bold.ttf")
    pdf.add_font("Arial", "I", LIB + "LiberationSans-Italic.ttf")
    pdf.add_font("Arial", "BI", LIB + "LiberationSans-BoldItalic.ttf")
    return pdf


def build_front_sheet():
    from fpdf import FPDF  # noqa: F401
    src = read("01_leicestershire/agenda_front_sheet.txt").splitlines()
    footer = [l[8:] for l in src if l.startswith("#FOOTER ")][0]

    def foot(p):
        p.set_y(-18)
        p.set_font("Arial", "", 7)
        p.set_text_color(90, 90, 90)
        p.multi_cell(0, 3.5, footer, align="C")
        p.set_text_color(0, 0, 0)
    pdf = _pdf(dt.datetime(2024, 5, 14, 9, 12, tzinfo=dt.timezone.utc), foot)
    pdf.set_title("Agenda front sheet - Health and Wellbeing Board 23 May 2024")
    pdf.set_author("Democratic Services")
    pdf.set_auto_page_break(True, 25)
    pdf.add_page()
    pdf.set_margins(20, 18, 20)
    pdf.set_xy(20, 18)
    # address block on the right, logo text on the left
    addr = []
    i = 0
    while not src[i].startswith("Date:"):
        addr.append(src[i])
        i += 1
    pdf.set_font("Arial", "B", 15)
    pdf.set_text_color(0, 84, 140)
    pdf.cell(90, 8, addr[0][6:])
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Arial", "", 9)
    y = 18
    for a in addr[1:]:
        if a.strip():
            pdf.set_xy(140, y)
            pdf.cell(50, 4.5, a, align="R")
            y += 4.5
    pdf.set_xy(20, 48)
    meta = []
    while src[i].strip():
        meta.append(src[i])
        i += 1
    for m in meta:
        pdf.set_x(20)
        pdf.cell(0, 5, m, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for line in src[i:]:
        if line.startswith("#FOOTER") or line.startswith("#LOGO"):
            continue
        if not line.strip():
            pdf.ln(3)
            continue
        if line.startswith("#B "):
            pdf.set_font("Arial", "B", 12)
            pdf.multi_cell(0, 6, line[3:], new_x="LMARGIN", new_y="NEXT")
            continue
        if line.startswith("#SMALL "):
            pdf.set_font("Arial", "I", 8.5)
            pdf.multi_cell(0, 4.2, line[7:], new_x="LMARGIN", new_y="NEXT")
            continue
        if line.startswith("#ROW "):
            c1, c2, c3 = line[5:].split("|")
            bold = c1.strip() in ("Item",)
            pdf.set_font("Arial", "B" if (bold or c1.strip()) else "", 10)
            ytop = pdf.get_y()
            pdf.set_xy(20, ytop)
            pdf.cell(12, 5.5, c1)
            pdf.set_xy(32, ytop)
            pdf.set_font("Arial", "B" if bold else "", 10)
            pdf.multi_cell(118, 5.5, c2, new_x="LMARGIN", new_y="NEXT")
            ybot = pdf.get_y()
            if c3:
                pdf.set_xy(152, ytop)
                pdf.set_font("Arial", "B" if bold else "", 10)
                pdf.cell(38, 5.5, c3, align="R")
            pdf.set_y(ybot + 1.2)
            continue
        pdf.set_font("Arial", "", 10.5)
        pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def build_draft_minutes():
    src = read("01_leicestershire/draft_minutes_2024-03-14.txt").splitlines()
    footer = [l[8:] for l in src if l.startswith("#FOOTER ")][0]

    def foot(p):
        p.set_xy(22, 282)
        p.set_font("Arial", "I", 8)
        p.set_text_color(110, 110, 110)
        p.cell(120, 4, footer)
        p.cell(0, 4, "%d" % (p.page + 2), align="R")
        p.set_text_color(0, 0, 0)
    pdf = _pdf(dt.datetime(2024, 3, 19, 15, 40, tzinfo=dt.timezone.utc), foot)
    pdf.set_title("Draft minutes - Health and Wellbeing Board 14 March 2024")
    pdf.set_author("Democratic Services")
    pdf.set_auto_page_break(True, 22)
    pdf.set_margins(22, 20, 22)
    pdf.add_page()
    for line in src:
        if line.startswith("#FOOTER"):
            continue
        if not line.strip():
            pdf.ln(2.5)
            continue
        if line.startswith("#B "):
            pdf.set_font("Arial", "B", 11)
            pdf.multi_cell(0, 5.5, line[3:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("#I "):
            pdf.set_font("Arial", "I", 10.5)
            pdf.multi_cell(0, 5.2, line[3:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("2.00 pm"):
            pdf.set_font("Arial", "", 10.5)
            pdf.cell(100, 5.2, "2.00 pm - 3.41 pm")
            pdf.cell(0, 5.2, "CHAIRMAN", align="R", new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("RESOLVED"):
            pdf.set_font("Arial", "B", 10.5)
            pdf.multi_cell(0, 5.2, line, new_x="LMARGIN", new_y="NEXT")
        elif re.match(r"^\((i+|[a-z])\) ", line):
            lab, rest = line.split(" ", 1)
            pdf.set_font("Arial", "", 10.5)
            if pdf.get_y() > 297 - 22 - 12:
                pdf.add_page()
            y = pdf.get_y()
            pdf.set_xy(22, y)
            pdf.cell(10, 5.2, lab)
            pdf.set_xy(32, y)
            pdf.multi_cell(0, 5.2, rest, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Arial", "", 10.5)
            pdf.multi_cell(0, 5.2, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


# ---------------------------------------------------------------- report docx
def _docx_fixed(doc, title, author, created):
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.created = created
    cp.modified = created
    cp.revision = 3
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    cp.category = ""


def _add_page_field(paragraph):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    run = paragraph.add_run()
    f1 = OxmlElement("w:fldChar")
    f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = "PAGE"
    f2 = OxmlElement("w:fldChar")
    f2.set(qn("w:fldCharType"), "end")
    run._r.append(f1)
    run._r.append(it)
    run._r.append(f2)


def build_report_docx():
    import docx
    from docx.shared import Pt, Cm
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    src = read("01_leicestershire/report_item6.txt").splitlines()
    doc = docx.Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(12)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.3)
    for line in src:
        if line.startswith("#HEADER "):
            hp = sec.header.paragraphs[0]
            hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            r = hp.add_run(line[8:])
            r.bold = True
            r.font.size = Pt(14)
            fp = sec.footer.paragraphs[0]
            fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _add_page_field(fp)
            continue
        if line.startswith("#TITLE "):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(line[7:])
            r.bold = True
            continue
        if line.startswith("#H "):
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(10)
            r = p.add_run(line[3:])
            r.bold = True
            r.underline = True
            continue
        if line.startswith("#I "):
            p = doc.add_paragraph()
            r = p.add_run(line[3:])
            r.italic = True
            continue
        if line.startswith("#SUB "):
            p = doc.add_paragraph(line[5:])
            pf = p.paragraph_format
            pf.left_indent = Cm(2.5)
            pf.first_line_indent = Cm(-1.0)
            pf.tab_stops.add_tab_stop(Cm(2.5))
            continue
        if re.match(r"^\d+\.\t", line):
            p = doc.add_paragraph(line)
            pf = p.paragraph_format
            pf.left_indent = Cm(1.25)
            pf.first_line_indent = Cm(-1.25)
            pf.tab_stops.add_tab_stop(Cm(1.25))
            pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            continue
        p = doc.add_paragraph(line)
        p.paragraph_format.left_indent = Cm(1.25)
    _docx_fixed(doc, "Review of Health and Wellbeing Board Partnership Arrangements",
                "Public Health Strategy Team", dt.datetime(2024, 5, 13, 11, 5, 0))
    bio = io.BytesIO()
    doc.save(bio)
    return normalise_ooxml(bio.getvalue(), (2024, 5, 13, 11, 5, 0))


# ---------------------------------------------------------------- appendix xlsx
def build_appendix_xlsx():
    import openpyxl
    from openpyxl.styles import Font, Alignment, PatternFill, Border, Side
    wb = openpyxl.Workbook()
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    def fill_sheet(ws, rows, widths, header_row, status_col=None):
        for r, row in enumerate(rows, start=1):
            for c, val in enumerate(row, start=1):
                if val == "":
                    continue
                v = int(val) if val.isdigit() else val
                cell = ws.cell(row=r, column=c, value=v)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if r == 1:
                    cell.font = Font(bold=True, size=13, color="00548C")
                elif r == header_row:
                    cell.font = Font(bold=True, color="FFFFFF")
                    cell.fill = PatternFill("solid", fgColor="00548C")
                    cell.border = box
                elif r > header_row and len([x for x in row if x]) > 2:
                    cell.border = box
                if status_col and c == status_col and r > header_row:
                    col = {"In progress": "FFE699", "Not started": "F4B084", "Complete": "A9D08E",
                           "Recommended": "A9D08E", "Not recommended": "F4B084"}.get(val)
                    if col:
                        cell.fill = PatternFill("solid", fgColor=col)
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = w
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)

    ws = wb.active
    ws.title = "Options"
    rows = [l.split("\t") for l in read("01_leicestershire/appendix_options.tsv").splitlines()]
    rows = [r + [""] * (5 - len(r)) for r in rows]
    fill_sheet(ws, rows, [8, 48, 34, 40, 18], 3, status_col=5)
    ws2 = wb.create_sheet("Action plan")
    rows = [l.split("\t") for l in read("01_leicestershire/appendix_actionplan.tsv").splitlines()]
    rows = [r + [""] * (5 - len(r)) for r in rows]
    fill_sheet(ws2, rows, [6, 60, 32, 12, 14], 2, status_col=5)
    ws3 = wb.create_sheet("Sheet3")
    ws3.sheet_state = "visible"
    wb.properties.creator = "Public Health Strategy Team"
    wb.properties.lastModifiedBy = "Public Health Strategy Team"
    wb.properties.created = dt.datetime(2024, 4, 22, 10, 0, 0)
    wb.properties.modified = dt.datetime(2024, 5, 10, 16, 21, 0)
    wb.properties.title = "Appendix A - Options and action plan"
    bio = io.BytesIO()
    wb.save(bio)
    return normalise_ooxml(bio.getvalue(), (2024, 5, 10, 16, 21, 0), "2024-05-10T16:21:00Z")


def build_zip():
    rnd = random.Random(2105)
    thumbs = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + bytes.fromhex("3E000300FEFF0900") + \
        bytes(rnd.getrandbits(8) for _ in range(7168 - 32))
    apple = bytes.fromhex("0005160700020000") + b"Mac OS X        " + bytes.fromhex("0002") + \
        bytes.fromhex("00000009000000320000003200000002000000520000000E") + bytes(24) + \
        b"ATTR" + bytes(rnd.getrandbits(8) for _ in range(202))
    entries = [
        (PACK_DIR + "/", None, (2024, 5, 15, 8, 2, 10)),
        (PACK_FILES["front"], build_front_sheet(), (2024, 5, 14, 9, 12, 44)),
        (PACK_DIR + "/Minutes/", None, (2024, 5, 15, 8, 2, 10)),
        (PACK_FILES["minutes"], build_draft_minutes(), (2024, 3, 19, 15, 40, 2)),
        (PACK_DIR + "/Reports/", None, (2024, 5, 15, 8, 2, 12)),
        (PACK_FILES["report"], build_report_docx(), (2024, 5, 13, 11, 5, 0)),
        (PACK_FILES["appendix"], build_appendix_xlsx(), (2024, 5, 10, 16, 21, 0)),
        (PACK_DIR + "/Reports/Thumbs.db", thumbs, (2024, 5, 15, 8, 2, 30)),
        ("__MACOSX/", None, (2024, 5, 15, 8, 2, 10)),
        ("__MACOSX/" + PACK_DIR + "/", None, (2024, 5, 15, 8, 2, 10)),
        ("__MACOSX/" + PACK_DIR + "/Reports/", None, (2024, 5, 15, 8, 2, 12)),
        ("__MACOSX/" + PACK_DIR + "/Reports/._Item 6 - Review of HWB partnership arrangements.docx",
         apple, (2024, 5, 13, 11, 5, 0)),
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data, when in entries:
            zi = zipfile.ZipInfo(name, date_time=when)
            zi.create_system = 3
            if data is None:
                zi.external_attr = (0o40755 << 16) | 0x10
                zi.compress_type = zipfile.ZIP_STORED
                z.writestr(zi, b"")
            else:
                zi.external_attr = 0o100644 << 16
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, data)
    return out.getvalue()


# ---------------------------------------------------------------- news html
def parse_news():
    txt = read("02_swansea_news.txt")
    head, body = txt.split("\n---\n", 1)
    meta = {}
    for l in head.splitlines():
        k, v = l.split(": ", 1)
        meta[k] = v
    paras = [p.strip() for p in body.strip().split("\n\n")]
    return meta, paras


def build_html():
    meta, paras = parse_news()
    nvis = int(meta["VISIBLE"])
    e = html.escape
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta["URL"]},
        "headline": meta["HEADLINE"],
        "description": meta["STANDFIRST"],
        "datePublished": meta["DATE"],
        "dateModified": meta["MODIFIED"],
        "author": [{"@type": "Person", "name": meta["AUTHOR"], "jobTitle": meta["AUTHOR_ROLE"]}],
        "publisher": {"@type": "Organization", "name": meta["SITE"],
                      "logo": {"@type": "ImageObject",
                               "url": "https://www.swanseabayherald.co.uk/static/img/logo-600x60.png"}},
        "image": ["https://images.swanseabayherald.co.uk/2023/10/guildhall-swansea-1200x675.jpg"],
        "articleSection": "Politics",
        "isAccessibleForFree": "False",
        "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": "False",
                    "cssSelector": ".article-body--locked"},
        "articleBody": "\n\n".join(paras),
    }
    ld_json = json.dumps(ld, ensure_ascii=False, indent=2).replace("</", "<\\/")
    bc = ld_json  # noqa
    crumbs = meta["SECTION"].split(" > ")
    visible = "\n".join('        <p>%s</p>' % e(p, quote=False) for p in paras[:nvis])
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>{e(meta['HEADLINE'])} | {e(meta['SITE'])}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="{e(meta['STANDFIRST'])}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{e(meta['HEADLINE'])}">
  <meta property="og:description" content="{e(meta['STANDFIRST'])}">
  <meta property="og:url" content="{meta['URL']}">
  <meta property="article:published_time" content="{meta['DATE']}">
  <link rel="canonical" href="{meta['URL']}">
  <link rel="stylesheet" href="/static/css/main.4f2a91c.css">
  <script type="application/ld+json">
{ld_json}
  </script>
  <script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [{{"@type": "ListItem", "position": 1, "name": "News", "item": "https://www.swanseabayherald.co.uk/news"}}, {{"@type": "ListItem", "position": 2, "name": "Swansea", "item": "https://www.swanseabayherald.co.uk/news/swansea"}}]}}
  </script>
  <script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({{"pageType":"article","paywall":"metered","articleId":"sbh-20231020-0412"}});</script>
  <style>.paywall{{border-top:3px solid #b5121b;padding:24px;background:#f6f6f6}}.article-body--locked{{max-height:0;overflow:hidden}}</style>
</head>
<body class="article-page">
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="site-header">
    <div class="masthead"><a href="/" class="logo">{e(meta['SITE'])}</a>
      <span class="date-strip">Friday, 20 October 2023</span>
      <a class="btn-subscribe" href="/subscribe">Subscribe</a> <a class="btn-login" href="/login">Sign in</a></div>
    <nav class="primary-nav" aria-label="Main">
      <ul>
        <li><a href="/news">News</a></li>
        <li><a href="/news/swansea">Swansea</a></li>
        <li><a href="/news/neath-port-talbot">Neath Port Talbot</a></li>
        <li><a href="/sport">Sport</a></li>
        <li><a href="/whats-on">What's On</a></li>
        <li><a href="/business">Business</a></li>
        <li><a href="/opinion">Opinion</a></li>
        <li><a href="/announcements">Announcements</a></li>
      </ul>
    </nav>
  </header>
  <main id="main">
    <ol class="breadcrumb">
      <li><a href="/news">{e(crumbs[0])}</a></li>
      <li><a href="/news/swansea">{e(crumbs[1])}</a></li>
      <li>{e(crumbs[2])}</li>
    </ol>
    <article class="article">
      <h1 class="headline">{e(meta['HEADLINE'], quote=False)}</h1>
      <p class="standfirst">{e(meta['STANDFIRST'], quote=False)}</p>
      <div class="byline">By <a href="/authors/ffion-rees">{e(meta['AUTHOR'])}</a>, {e(meta['AUTHOR_ROLE'])}
        <time datetime="{meta['DATE']}">06:00, 20 OCT 2023</time>
        <span class="updated">Updated 09:14, 20 OCT 2023</span></div>
      <figure class="lead-image">
        <img src="https://images.swanseabayherald.co.uk/2023/10/guildhall-swansea-1200x675.jpg" alt="Swansea Guildhall" width="1200" height="675">
        <figcaption>Swansea Guildhall, where the council's cabinet met on Thursday (Image: Swansea Bay Herald)</figcaption>
      </figure>
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a> <a href="#">Comments</a></div>
      <div class="article-body">
{visible}
      </div>
      <div class="article-body--locked" aria-hidden="true"></div>
      <div class="paywall" id="paywall">
        <h2>Subscribe to keep reading</h2>
        <p>You've reached your limit of 3 free articles this month.</p>
        <p>Get unlimited access to local news from Swansea, Neath and Port Talbot for just £1 for your first month.</p>
        <a class="btn" href="/subscribe?ref=meter">Subscribe now</a>
        <p class="small">Already a subscriber? <a href="/login?ref=meter">Sign in</a></p>
        <p class="small">Cancel anytime. Terms apply.</p>
      </div>
      <div class="tags">Topics: <a href="/topic/swansea-council">Swansea Council</a> <a href="/topic/neath-port-talbot-council">Neath Port Talbot Council</a> <a href="/topic/local-democracy">Local democracy</a></div>
    </article>
    <aside class="most-read">
      <h2>Most read</h2>
      <ol>
        <li><a href="/news/swansea/mumbles-road-closure">Mumbles Road to close for three weeks for sea defence work</a></li>
        <li><a href="/sport/swans-boss-injury-update">Swans boss gives injury update ahead of Coventry trip</a></li>
        <li><a href="/news/neath-port-talbot/port-talbot-steelworks-jobs">What the steelworks plan means for jobs in Port Talbot</a></li>
        <li><a href="/whats-on/swansea-christmas-parade-2023">Swansea Christmas parade 2023: date, route and road closures</a></li>
      </ol>
    </aside>
    <aside class="newsletter">
      <h2>Get the Herald's morning briefing</h2>
      <p>The day's top stories from across Swansea Bay, in your inbox at 7am.</p>
      <form action="/newsletter/signup" method="post"><input type="email" name="email" placeholder="Your email address"><button>Sign me up</button></form>
      <p class="small">We use your sign-up to provide content in the ways you've consented to. You can unsubscribe at any time.</p>
    </aside>
  </main>
  <footer class="site-footer">
    <ul>
      <li><a href="/about">About us</a></li>
      <li><a href="/contact">Contact us</a></li>
      <li><a href="/privacy">Privacy notice</a></li>
      <li><a href="/cookies">Cookie policy</a></li>
      <li><a href="#" onclick="return false">Manage cookie preferences</a></li>
      <li><a href="/terms">Terms and conditions</a></li>
      <li><a href="/complaints">Complaints and corrections</a></li>
    </ul>
    <p>© 2023 Swansea Bay Herald Ltd. All rights reserved. Registered in England and Wales.</p>
  </footer>
  <script src="/static/js/meter.9b1e2.js" defer></script>
</body>
</html>
"""
    return page.encode("utf-8")


# ---------------------------------------------------------------- tab-stop minutes docx
def build_tab_minutes():
    import docx
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    src = read("03_somerset_minutes.txt").splitlines()
    doc = docx.Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    st.paragraph_format.space_after = Pt(4)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.0)
    right = Cm(17.0)

    def para(text="", bold=False, size=None, align=None, tabs=(), indent=None, hanging=None,
             caps=False, before=None, after=None):
        p = doc.add_paragraph()
        pf = p.paragraph_format
        for pos, al in tabs:
            pf.tab_stops.add_tab_stop(pos, al)
        if indent is not None:
            pf.left_indent = indent
        if hanging is not None:
            pf.first_line_indent = -hanging
        if align is not None:
            p.alignment = align
        if before is not None:
            pf.space_before = before
        if after is not None:
            pf.space_after = after
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = size
        return p

    L, R = WD_TAB_ALIGNMENT.LEFT, WD_TAB_ALIGNMENT.RIGHT
    for line in src:
        m = re.match(r"(#\w+)[ \t]?(.*)$", line)
        tag, rest = m.group(1), m.group(2)
        if tag == "#HEADER":
            hp = sec.header.paragraphs[0]
            hp.paragraph_format.tab_stops.add_tab_stop(right, R)
            r = hp.add_run(rest.strip("\t"))
            r.font.size = Pt(8)
            r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        elif tag == "#FOOTER":
            fp = sec.footer.paragraphs[0]
            fp.paragraph_format.tab_stops.add_tab_stop(right, R)
            left, pg = rest.strip("\t").split("\t")
            r = fp.add_run(left + "\t" + pg.replace("{PAGE}", ""))
            r.font.size = Pt(8)
            _add_page_field(fp)
        elif tag == "#TITLE":
            para(rest, bold=True, size=Pt(14), align=WD_ALIGN_PARAGRAPH.CENTER, after=Pt(2))
        elif tag == "#TITLE2":
            para(rest, size=Pt(10), align=WD_ALIGN_PARAGRAPH.CENTER, after=Pt(0))
        elif tag == "#TITLE3":
            para(rest, bold=True, before=Pt(10))
        elif tag == "#BLANK":
            para("")
        elif tag == "#ATT":
            para(rest, tabs=[(Cm(3.0), L), (Cm(8.6), L)], after=Pt(0), size=Pt(9.5))
        elif tag == "#COLHEAD":
            para(rest.lstrip("\t").replace("\t", ""), bold=True, tabs=[(right, R)],
                 align=WD_ALIGN_PARAGRAPH.RIGHT)
        elif tag == "#HEAD":
            num, title = rest.split("\t")
            para(num + "\t" + title, bold=True, tabs=[(Cm(1.5), L)], before=Pt(8))
        elif tag == "#MIN":
            num, text, act = rest.split("\t")
            p = para(num + "\t" + text + "\t" + act, tabs=[(Cm(1.5), L), (right, R)],
                     indent=Cm(1.5), hanging=Cm(1.5))
            p.paragraph_format.right_indent = Cm(1.6)
            p.runs[0].text = num + "\t" + text + "\t"
            r = p.add_run(act)
            r.bold = True
        elif tag == "#SUBMIN":
            lab, text, act = rest.split("\t")
            p = para("\t" + lab + "\t" + text + "\t" + act,
                     tabs=[(Cm(1.5), L), (Cm(2.5), L), (right, R)], indent=Cm(2.5), hanging=Cm(2.5))
            p.paragraph_format.right_indent = Cm(1.6)
        elif tag == "#SUMHEAD":
            para(rest, bold=True, tabs=[(Cm(1.2), L), (Cm(12.5), L), (Cm(15.0), L)], after=Pt(0),
                 size=Pt(10))
        elif tag == "#SUM":
            para(rest, tabs=[(Cm(1.2), L), (Cm(12.5), L), (Cm(15.0), L)], after=Pt(0), size=Pt(10))
        elif tag == "#SIGN":
            para(rest, tabs=[(Cm(11.0), L)], before=Pt(18))
        else:
            raise ValueError(line)
    _docx_fixed(doc, "Safer Somerset Partnership Board minutes 14 September 2023",
                "Sarah Pengelly", dt.datetime(2023, 9, 20, 14, 32, 0))
    bio = io.BytesIO()
    doc.save(bio)
    return normalise_ooxml(bio.getvalue(), (2023, 9, 20, 14, 32, 0))


# ---------------------------------------------------------------- photographed pages
PHOTO_DPI_SCALE = 1.0
PAGE_W, PAGE_H = 1240, 1754      # A4 at 150 dpi
MARGIN_L, MARGIN_R, MARGIN_T = 150, 140, 150
FONT_SIZE = 23
LINE_H = 31


def _fonts():
    from PIL import ImageFont
    return {
        "r": ImageFont.truetype(LIB + "LiberationSans-Regular.ttf", FONT_SIZE),
        "b": ImageFont.truetype(LIB + "LiberationSans-Bold.ttf", FONT_SIZE),
        "h": ImageFont.truetype(LIB + "LiberationSans-Bold.ttf", FONT_SIZE + 5),
        "s": ImageFont.truetype(LIB + "LiberationSans-Regular.ttf", FONT_SIZE - 5),
    }


def _wrap(text, font, width):
    words = text.split(" ")
    lines, cur = [], ""
    for w in words:
        t = (cur + " " + w) if cur else w
        if font.getlength(t) <= width:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def photo_layout():
    """Lay out the Derby minutes into pages of printed lines.

    Returns a list of pages; each page is a list of drawing ops
    (x, y, fontkey, text).  The printed text of a page is the list of texts
    in order; check_gold.py uses this to get the visible lines.
    """
    fonts = _fonts()
    src = read("04_derby_minutes.txt").splitlines()
    width = PAGE_W - MARGIN_L - MARGIN_R
    pages, ops = [], []
    y = MARGIN_T
    for line in src:
        tag, _, rest = line.partition(" ")
        if tag == "#PAGEBREAK":
            pages.append(ops)
            ops, y = [], MARGIN_T
            continue
        if tag == "#BLANK":
            y += LINE_H
        elif tag == "#C":
            f = fonts["h"] if "PARTNERSHIP" in rest else fonts["b"]
            w = f.getlength(rest)
            ops.append((int((PAGE_W - w) / 2), y, "h" if f is fonts["h"] else "b", rest))
            y += LINE_H + 4
        elif tag == "#T":
            a, b, c = rest.split("|")
            if a:
                ops.append((MARGIN_L, y, "b", a))
            ops.append((MARGIN_L + 190, y, "r", b))
            ops.append((MARGIN_L + 560, y, "r", c))
            y += LINE_H - 2
        elif tag == "#H":
            n, t = rest.split("|")
            y += 10
            ops.append((MARGIN_L, y, "b", n))
            ops.append((MARGIN_L + 60, y, "b", t))
            y += LINE_H + 2
        elif tag == "#P":
            for l in _wrap(rest, fonts["r"], width - 60):
                ops.append((MARGIN_L + 60, y, "r", l))
                y += LINE_H
            y += 8
        elif tag == "#L":
            lab, t = rest.split("|")
            ops.append((MARGIN_L + 60, y, "r", lab))
            for l in _wrap(t, fonts["r"], width - 120):
                ops.append((MARGIN_L + 120, y, "r", l))
                y += LINE_H
            y += 6
        else:
            raise ValueError(line)
    pages.append(ops)
    return pages


def photo_lines(page_index):
    return [t for (_, _, _, t) in photo_layout()[page_index]]


def _render_page(ops, pageno, npages):
    from PIL import Image, ImageDraw
    fonts = _fonts()
    img = Image.new("RGB", (PAGE_W, PAGE_H), (250, 249, 244))
    d = ImageDraw.Draw(img)
    for x, y, fk, t in ops:
        d.text((x, y), t, font=fonts[fk], fill=(28, 28, 30))
    foot = "DCP Board 17.03.11 - minutes (draft)"
    d.text((MARGIN_L, PAGE_H - 95), foot, font=fonts["s"], fill=(70, 70, 70))
    pg = "Page %d of %d" % (pageno, npages)
    d.text((PAGE_W - MARGIN_R - fonts["s"].getlength(pg), PAGE_H - 95), pg, font=fonts["s"],
           fill=(70, 70, 70))
    return img


def _perspective_coeffs(src_pts, dst_pts):
    # solve for the 8 coefficients mapping output (dst) to input (src)
    import numpy as np
    A, B = [], []
    for (x, y), (u, v) in zip(dst_pts, src_pts):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        B.extend([u, v])
    return list(np.linalg.solve(np.array(A, float), np.array(B, float)))


def _photograph(page, seed):
    import numpy as np
    from PIL import Image, ImageFilter
    rnd = random.Random(seed)
    nrnd = np.random.default_rng(seed)
    W, H = 1600, 2100
    # desk: warm wood-like texture
    xs = np.linspace(0, 1, W)[None, :]
    ys = np.linspace(0, 1, H)[:, None]
    grain = np.sin((xs * 3 + ys * 40 + np.sin(ys * 9) * 0.6) * 6.0) * 10 + nrnd.normal(0, 4, (H, W))
    base = np.stack([128 + grain, 92 + grain * 0.8, 60 + grain * 0.6], axis=-1)
    desk = Image.fromarray(np.clip(base, 0, 255).astype("uint8"), "RGB")
    # gentle page curl: the page bows, so each column is shifted vertically
    arr = np.asarray(page).copy()
    pw, ph = page.size
    curl = np.full_like(arr, 250)
    amp = 7 + rnd.random() * 5
    for xx in range(pw):
        s = int(round(amp * math.sin(math.pi * xx / pw) ** 2))
        curl[s:, xx] = arr[:ph - s, xx] if s else arr[:, xx]
    page = Image.fromarray(curl)
    # perspective: where the page corners land in the photo
    j = lambda a: rnd.uniform(-a, a)
    dst = [(150 + j(30), 120 + j(25)), (1470 + j(30), 150 + j(25)),
           (1530 + j(25), 1990 + j(20)), (95 + j(25), 1960 + j(20))]
    src = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    coeffs = _perspective_coeffs(src, dst)
    warped = page.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC,
                            fillcolor=(0, 0, 0))
    mask = Image.new("L", (pw, ph), 255).transform((W, H), Image.PERSPECTIVE, coeffs,
                                                   Image.BICUBIC, fillcolor=0)
    # drop shadow under the page
    shadow = mask.filter(ImageFilter.GaussianBlur(18))
    desk_arr = np.asarray(desk).astype(float)
    sh = np.asarray(shadow).astype(float)[..., None] / 255.0
    sh = np.roll(np.roll(sh, 14, axis=0), 10, axis=1)
    desk_arr *= (1 - 0.45 * sh)
    composite = Image.composite(warped, Image.fromarray(desk_arr.astype("uint8")), mask)
    # uneven light: brighter top-left, darker bottom-right, plus a phone shadow band
    out = np.asarray(composite).astype(float)
    gx = np.linspace(1.0, 0.0, W)[None, :]
    gy = np.linspace(1.0, 0.0, H)[:, None]
    light = 0.80 + 0.22 * (0.5 * gx + 0.5 * gy)
    cx, cy = rnd.uniform(0.55, 0.8) * W, rnd.uniform(0.6, 0.85) * H
    yy, xx = np.mgrid[0:H, 0:W]
    blob = np.exp(-(((xx - cx) / (W * 0.35)) ** 2 + ((yy - cy) / (H * 0.22)) ** 2))
    light = light * (1 - 0.30 * blob)
    out = out * light[..., None]
    out[..., 2] *= 0.95   # slightly warm white balance
    out += nrnd.normal(0, 2.5, out.shape)
    img = Image.fromarray(np.clip(out, 0, 255).astype("uint8"), "RGB")
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    bio = io.BytesIO()
    img.save(bio, "JPEG", quality=78, optimize=False, progressive=False, subsampling=2)
    return bio.getvalue()


def build_photos():
    pages = photo_layout()
    out = []
    for i, ops in enumerate(pages):
        page = _render_page(ops, i + 1, len(pages))
        out.append(_photograph(page, 4100 + i))
    return out


# ---------------------------------------------------------------- markup PDF
MK_BODY_X, MK_BODY_W = 24.0, 104.0
MK_BAL_X, MK_BAL_W = 140.0, 60.0
INS_RGB = (166, 27, 41)
BAL_RGB = (166, 27, 41)


def _tokens(text):
    """Split markup text into (kind, payload) tokens.

    kinds: 'n' normal text, 'i' inserted text, 'd' deleted text,
    'c' comment (id, text), 'f' formatting note.
    """
    out = []
    pat = re.compile(r"\{\+(.*?)\+\}|\{-(.*?)-\}|\[\[C:(\w+):(.*?)\]\]|\[\[F:(.*?)\]\]")
    pos = 0
    for m in pat.finditer(text):
        if m.start() > pos:
            out.append(("n", text[pos:m.start()]))
        if m.group(1) is not None:
            out.append(("i", m.group(1)))
        elif m.group(2) is not None:
            out.append(("d", m.group(2)))
        elif m.group(3) is not None:
            out.append(("c", (m.group(3), m.group(4))))
        else:
            out.append(("f", m.group(5)))
        pos = m.end()
    if pos < len(text):
        out.append(("n", text[pos:]))
    return out


def accepted_text(text):
    return "".join(p for k, p in _tokens(text) if k in ("n", "i"))


def build_markup_pdf():
    from fpdf import FPDF  # noqa: F401
    src = read("05_vale_tor_markup.txt").splitlines()
    meta = {}
    for l in src:
        if l.startswith("#META "):
            k, v = l[6:].split("=", 1)
            meta[k] = v
    runhead = [l[9:] for l in src if l.startswith("#RUNHEAD ")][0]
    runfoot = [l[9:] for l in src if l.startswith("#RUNFOOT ")][0]
    pdf = _pdf(dt.datetime(2022, 11, 24, 16, 47, tzinfo=dt.timezone.utc))
    pdf.set_title(meta["title"])
    pdf.set_author(meta["author"])
    pdf.set_creator("Microsoft® Word for Microsoft 365")
    pdf.set_auto_page_break(False)

    state = {"y": 0.0, "balloons": [], "bars": []}
    TOP, BOTTOM = 24.0, 270.0

    def new_page():
        if pdf.page:
            flush_page()
        pdf.add_page()
        state["y"] = TOP
        state["balloons"] = []
        state["bars"] = []

    def flush_page():
        # change bars
        pdf.set_draw_color(0, 0, 0)
        pdf.set_line_width(0.5)
        for y0, y1 in state["bars"]:
            pdf.line(MK_BODY_X - 6, y0, MK_BODY_X - 6, y1)
        # markup pane background
        # balloons, placed top-down without overlap
        ycur = TOP
        for (ay, ax, label, body) in state["balloons"]:
            pdf.set_font("Arial", "", 7)
            txt = label + " " + body
            lines = pdf.multi_cell(MK_BAL_W - 4, 3.2, txt, dry_run=True, output="LINES")
            h = len(lines) * 3.2 + 2.4
            by = max(ycur, ay - 4.2)
            pdf.set_draw_color(*BAL_RGB)
            pdf.set_line_width(0.2)
            pdf.set_fill_color(252, 236, 238) if label.startswith("Comment") else \
                pdf.set_fill_color(255, 255, 255)
            pdf.rect(MK_BAL_X, by, MK_BAL_W, h, style="DF", round_corners=True, corner_radius=1.2)
            pdf.set_dash_pattern(dash=0.6, gap=0.6)
            pdf.line(ax, ay - 0.4, MK_BAL_X - 3, ay - 0.4)
            pdf.line(MK_BAL_X - 3, ay - 0.4, MK_BAL_X, by + 2)
            pdf.set_dash_pattern()
            ty = by + 1.2
            for i, ln in enumerate(lines):
                pdf.set_xy(MK_BAL_X + 2, ty + i * 3.2)
                if i == 0:
                    pdf.set_font("Arial", "B", 7)
                    lw = pdf.get_string_width(label + " ")
                    pdf.set_text_color(*BAL_RGB)
                    pdf.cell(lw, 3.2, label + " ")
                    pdf.set_font("Arial", "", 7)
                    pdf.set_text_color(0, 0, 0)
                    pdf.cell(MK_BAL_W - 4 - lw, 3.2, ln[len(label) + 1:])
                else:
                    pdf.cell(MK_BAL_W - 4, 3.2, ln)
            ycur = by + h + 1.5
        # running header/footer
        pdf.set_text_color(90, 90, 90)
        pdf.set_font("Arial", "I", 7.5)
        pdf.set_xy(MK_BODY_X, 10)
        pdf.cell(MK_BODY_W, 4, runhead)
        pdf.set_xy(MK_BODY_X, 283)
        pdf.cell(MK_BODY_W, 4, runfoot)
        pdf.set_xy(MK_BODY_X, 287)
        pdf.cell(MK_BODY_W, 4, "Page %d of {nb}" % pdf.page)
        pdf.set_text_color(0, 0, 0)

    def layout(text, x0, width, size, style="", lh=None, first_prefix=None, indent_x=None):
        """Word-wrap tokens; draw lines; register balloons and change bars."""
        lh = lh or size * 0.48
        toks = _tokens(text)
        # words with style; markers as zero-width anchors
        items = []
        for k, p in toks:
            if k in ("n", "i"):
                for piece in re.findall(r"\S+\s*|\s+", p):
                    items.append((k, piece))
            else:
                items.append((k, p))
        lines, cur, curw = [], [], 0.0
        pdf.set_font("Arial", style, size)
        for k, p in items:
            if k in ("n", "i"):
                w = pdf.get_string_width(p.rstrip())
                if cur and curw + w > width and p.strip():
                    lines.append(cur)
                    cur, curw = [], 0.0
                    if not p.strip():
                        continue
                cur.append((k, p))
                curw += pdf.get_string_width(p)
            else:
                cur.append((k, p))
        if cur:
            lines.append(cur)
        for li, ln in enumerate(lines):
            if state["y"] + lh > BOTTOM:
                new_page()
            y = state["y"]
            x = x0
            changed = False
            # merge consecutive runs of the same kind into one text object
            runs = []
            for k, p in ln:
                if runs and runs[-1][0] == k and k in ("n", "i"):
                    runs[-1] = (k, runs[-1][1] + p)
                else:
                    runs.append((k, p))
            if runs and runs[-1][0] in ("n", "i"):
                runs[-1] = (runs[-1][0], runs[-1][1].rstrip())
            for k, p in runs:
                if k == "n":
                    pdf.set_text_color(0, 0, 0)
                    pdf.set_font("Arial", style, size)
                    pdf.text(x, y + lh * 0.75, p)
                    x += pdf.get_string_width(p)
                elif k == "i":
                    changed = True
                    pdf.set_text_color(*INS_RGB)
                    pdf.set_font("Arial", style, size)
                    pdf.text(x, y + lh * 0.75, p)
                    w = pdf.get_string_width(p.rstrip())
                    pdf.set_draw_color(*INS_RGB)
                    pdf.set_line_width(0.2)
                    pdf.line(x, y + lh * 0.75 + 0.6, x + w, y + lh * 0.75 + 0.6)
                    x += pdf.get_string_width(p)
                elif k == "d":
                    changed = True
                    state["balloons"].append((y + lh, x, "Deleted:", p))
                elif k == "c":
                    cid, ctext = p
                    state["balloons"].append((y + lh, x, "Comment [%s]:" % cid, ctext))
                    pdf.set_draw_color(*BAL_RGB)
                    pdf.set_line_width(0.3)
                    pdf.line(x, y + 0.3, x, y + lh)
                elif k == "f":
                    state["balloons"].append((y + lh, x, "Formatted:", p))
            if changed:
                state["bars"].append((y, y + lh))
            state["y"] += lh
        pdf.set_text_color(0, 0, 0)

    new_page()
    for line in src:
        if line.startswith(("#META", "#RUNHEAD", "#RUNFOOT")):
            continue
        tag, _, rest = line.partition(" ")
        if tag == "#PAGEBREAK":
            new_page()
        elif tag == "#TITLE":
            state["y"] += 2
            layout(rest, MK_BODY_X, MK_BODY_W, 14, "B", lh=7)
        elif tag == "#SUBTITLE":
            layout(rest, MK_BODY_X, MK_BODY_W, 10.5, "B", lh=5.4)
        elif tag == "#H":
            state["y"] += 3
            layout(rest, MK_BODY_X, MK_BODY_W, 10.5, "B", lh=5.4)
            state["y"] += 1
        elif tag == "#P":
            layout(rest, MK_BODY_X, MK_BODY_W, 10, "", lh=4.9)
            state["y"] += 2.2
        elif tag in ("#R", "#C"):
            num, text = rest.split("|", 1)
            if state["y"] + 4.9 > BOTTOM:
                new_page()
            pdf.set_font("Arial", "B" if tag == "#R" else "", 10)
            pdf.text(MK_BODY_X, state["y"] + 4.9 * 0.75, num)
            layout(text, MK_BODY_X + 10, MK_BODY_W - 10, 10, "", lh=4.9)
            state["y"] += 2.2
        else:
            raise ValueError(line)
    flush_page()
    return bytes(pdf.output())


# ---------------------------------------------------------------- main
def build_all():
    files = {
        ZIP_NAME: build_zip(),
        HTML_NAME: build_html(),
        DOCX_NAME: build_tab_minutes(),
        PDF_NAME: build_markup_pdf(),
    }
    for name, data in zip(JPG_NAMES, build_photos()):
        files[name] = data
    return files


def main():
    os.makedirs(RAW, exist_ok=True)
    files = build_all()
    for name, data in sorted(files.items()):
        with open(os.path.join(RAW, name), "wb") as f:
            f.write(data)
        print("%-70s %9d bytes" % (name, len(data)))


if __name__ == "__main__":
    main()
