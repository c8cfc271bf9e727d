"""Regenerate the five held-out evaluation documents in raw/ from the text sources in sources/.

Run with the project's Python:  /work/main/.venv/bin/python make_documents.py
Output is deterministic (fixed creation dates, fixed zip timestamps), so a rerun reproduces the
files byte for byte.

The documents are written for evaluation. They are modelled on the shapes of public council
documents but they are NOT real documents: people, figures, votes and decisions are invented.
"""
import datetime as dt
import html
import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"

OUT = {
    "docx": "west_wales_rpb_minutes_2016-09.docx",
    "consult": "sefton_safer_partnership_consultation_2013-06.pdf",
    "blog": "north_yorkshire_csp_liveblog_2023-07.html",
    "ijb": "fife_ijb_locality_planning_paper_2020-11.pdf",
    "vtt": "calderdale_cabinet_hwb_joint_committee_2021-07.vtt",
}


def read_lines(name):
    return (SRC / name).read_text(encoding="utf-8").splitlines()


# --------------------------------------------------------------------------------------------
# 1. Word table minutes (python-docx)
# --------------------------------------------------------------------------------------------
def make_docx():
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    lines = read_lines("01_west_wales_rpb_minutes.txt")
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(1.8)
    sec.top_margin = sec.bottom_margin = Cm(1.8)
    normal = d.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(3)

    # running footer
    fp = sec.footer.paragraphs[0]
    fp.text = "West Wales Regional Partnership Board – minutes – 8 September 2016"
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for r in fp.runs:
        r.font.size = Pt(8)

    widths = [Cm(1.1), Cm(3.6), Cm(9.3), Cm(3.4)]
    table = None
    row_cells = None
    cell_idx = -1
    cell_started = False

    def cell_para(cell, text):
        nonlocal cell_started
        bullet = text.startswith("* ")
        if bullet:
            text = text[2:]
        if not cell_started:
            p = cell.paragraphs[0]
            cell_started = True
        else:
            p = cell.add_paragraph()
        if bullet:
            p.style = d.styles["List Bullet"]
        run = p.add_run(text)
        # emphasise decision words the way minute-takers do
        if re.match(r"^(The Board AGREED:|DECISION:|Decision –)", text):
            run.text = ""
            m = re.match(r"^(The Board AGREED:|DECISION:|Decision –)(.*)$", text)
            b = p.add_run(m.group(1))
            b.bold = True
            p.add_run(m.group(2))
        return p

    for raw in lines:
        line = raw.rstrip()
        if not line:
            continue
        if line.startswith("#TITLE "):
            p = d.add_paragraph()
            r = p.add_run(line[7:])
            r.bold = True
            r.font.size = Pt(16)
            r.font.color.rgb = RGBColor(0x00, 0x4B, 0x6B)
        elif line.startswith("#SUB "):
            p = d.add_paragraph()
            r = p.add_run(line[5:])
            r.italic = True
            r.font.size = Pt(9)
        elif line.startswith("#H "):
            p = d.add_paragraph()
            p.paragraph_format.space_before = Pt(6)
            r = p.add_run(line[3:])
            r.bold = True
        elif line.startswith("#P "):
            d.add_paragraph(line[3:])
        elif line.startswith("#TABLE "):
            heads = line[7:].split("|")
            table = d.add_table(rows=1, cols=len(heads))
            table.style = d.styles["Table Grid"]
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            table.autofit = False
            for i, h in enumerate(heads):
                c = table.rows[0].cells[i]
                c.width = widths[i]
                r = c.paragraphs[0].add_run(h)
                r.bold = True
                shd = OxmlElement("w:shd")
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:color"), "auto")
                shd.set(qn("w:fill"), "D9E2F3")
                c._tc.get_or_add_tcPr().append(shd)
            trpr = table.rows[0]._tr.get_or_add_trPr()
            th = OxmlElement("w:tblHeader")
            th.set(qn("w:val"), "true")
            trpr.append(th)
        elif line.startswith("#ROW "):
            row = table.add_row()
            row_cells = row.cells
            for i, c in enumerate(row_cells):
                c.width = widths[i]
            row_cells[0].paragraphs[0].add_run(line[5:])
            cell_idx = 0
        elif line.startswith("#C"):
            cell_idx += 1
            cell_started = False
            rest = line[2:].strip()
            if rest:
                p = cell_para(row_cells[cell_idx], rest)
                if cell_idx == 1:
                    for r in p.runs:
                        r.bold = True
        elif line.startswith("#ENDTABLE"):
            table = None
            d.add_paragraph()
        else:
            p = cell_para(row_cells[cell_idx], line)
            if cell_idx == 1:
                for r in p.runs:
                    r.bold = True

    cp = d.core_properties
    cp.author = "Regional Collaboration Unit"
    cp.last_modified_by = "Emma Davies"
    cp.title = "West Wales RPB minutes 8 September 2016"
    cp.created = dt.datetime(2016, 9, 12, 9, 30, 0)
    cp.modified = dt.datetime(2016, 9, 14, 15, 5, 0)
    cp.revision = 3
    cp.comments = ""

    buf = io.BytesIO()
    d.save(buf)
    # rewrite the zip with fixed timestamps so the output is byte-for-byte reproducible
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2016, 9, 14, 15, 5, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    (RAW / OUT["docx"]).write_bytes(out.getvalue())


# --------------------------------------------------------------------------------------------
# shared PDF helpers (fpdf2, core Helvetica, Latin-1 text only)
# --------------------------------------------------------------------------------------------
def latin1(s):
    s.encode("latin-1")  # raise if a non Latin-1 character slipped in
    return s


# --------------------------------------------------------------------------------------------
# 2. Consultation document (PDF)
# --------------------------------------------------------------------------------------------
def make_consultation():
    from fpdf import FPDF

    class Consult(FPDF):
        def header(self):
            if self.page_no() == 1:
                return
            self.set_font("Helvetica", "", 8)
            self.set_text_color(90, 90, 90)
            self.set_y(8)
            self.cell(0, 5, "Safer Sefton Partnership", align="R")
            self.set_text_color(0, 0, 0)
            self.set_y(18)

        def footer(self):
            if self.page_no() == 1:
                return
            self.set_y(-14)
            self.set_draw_color(0, 94, 132)
            self.line(18, self.get_y() - 1, 192, self.get_y() - 1)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(120, 5, "The future of the Safer Sefton Partnership - consultation document, June 2013")
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
            self.set_text_color(0, 0, 0)

    pdf = Consult(format="A4")
    pdf.set_creation_date(dt.datetime(2013, 5, 30, 11, 0, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("The future of the Safer Sefton Partnership - consultation document")
    pdf.set_author("Sefton Council")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=20)
    pdf.alias_nb_pages()
    W = 210 - 36
    blue = (0, 94, 132)

    def need(h):
        if pdf.get_y() + h > 297 - 22:
            pdf.add_page()

    def likert():
        opts = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"]
        pdf.set_font("Helvetica", "", 9)
        y = pdf.get_y() + 1
        x = 20
        for o in opts:
            pdf.rect(x, y + 0.6, 3.6, 3.6)
            pdf.set_xy(x + 5, y)
            w = pdf.get_string_width(o) + 2
            pdf.cell(w, 5, o)
            x += 5 + w + 5
        pdf.set_xy(18, y + 8)

    def choices(items):
        pdf.set_font("Helvetica", "", 10)
        for o in items:
            y = pdf.get_y()
            pdf.rect(20, y + 0.8, 3.6, 3.6)
            pdf.set_xy(26, y)
            pdf.cell(0, 5.5, o)
            pdf.set_xy(18, y + 6.5)
        pdf.ln(1)

    pdf.add_page()
    for raw in read_lines("02_sefton_csp_consultation.txt"):
        line = raw.rstrip()
        if not line:
            continue
        tag, _, text = line.partition(" ")
        text = latin1(text)
        if tag == "#COVERTOP":
            pdf.set_fill_color(*blue)
            pdf.rect(0, 0, 210, 38, style="F")
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("Helvetica", "B", 13)
            pdf.set_xy(18, 14)
            pdf.cell(0, 8, text)
            pdf.set_text_color(0, 0, 0)
            pdf.set_y(80)
        elif tag == "#COVERTITLE":
            pdf.set_font("Helvetica", "B", 28)
            pdf.set_text_color(*blue)
            pdf.multi_cell(W, 13, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.ln(4)
        elif tag == "#COVERSUB":
            pdf.set_font("Helvetica", "", 15)
            pdf.multi_cell(W, 8, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(18)
        elif tag == "#COVERLINE":
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(W, 7, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif tag == "#COVERSMALL":
            pdf.set_y(250)
            pdf.set_font("Helvetica", "", 9)
            pdf.multi_cell(W, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        elif tag == "#NEWPAGE":
            pdf.add_page()
        elif tag == "#H1":
            need(30)
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 16)
            pdf.set_text_color(*blue)
            pdf.multi_cell(W, 9, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.ln(1)
        elif tag == "#H2":
            need(25)
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 13)
            pdf.multi_cell(W, 7, text, align="L", new_x="LMARGIN", new_y="NEXT")
        elif tag == "#H3":
            need(20)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(W, 6.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        elif tag == "#BAND":
            need(35)
            pdf.ln(3)
            pdf.set_fill_color(221, 235, 241)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(W, 7, text, fill=True, padding=2, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif tag == "#P":
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(W, 5.6, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.4)
        elif tag == "#B":
            pdf.set_font("Helvetica", "", 11)
            y = pdf.get_y()
            need(12)
            y = pdf.get_y()
            pdf.set_fill_color(*blue)
            pdf.ellipse(20, y + 1.9, 1.7, 1.7, style="F")
            pdf.set_x(25)
            pdf.multi_cell(W - 7, 5.6, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.2)
        elif tag == "#SIGN":
            name, title = text.split("|")
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(W, 5.6, name, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "I", 10)
            pdf.multi_cell(W, 5.2, title, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif tag == "#Q":
            need(22)
            pdf.ln(1)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(W, 5.6, text, align="L", new_x="LMARGIN", new_y="NEXT")
        elif tag == "#LIKERT":
            likert()
        elif tag == "#CHOICES":
            choices(text.split("|"))
        elif tag == "#BOX":
            h = int(text) * 7
            need(h + 4)
            pdf.rect(20, pdf.get_y() + 1, W - 4, h)
            pdf.set_y(pdf.get_y() + h + 4)
        else:
            raise ValueError(line)
    (RAW / OUT["consult"]).write_bytes(bytes(pdf.output()))


# --------------------------------------------------------------------------------------------
# 3. Live blog (HTML)
# --------------------------------------------------------------------------------------------
BLOG_HEAD = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | North Riding Press</title>
<meta name="description" content="{standfirst}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="North Riding Press">
<link rel="stylesheet" href="/assets/css/site.4f2a9c.css">
<link rel="canonical" href="https://www.northridingpress.co.uk/news/politics/live-north-yorkshire-council-community-safety-partnership-vote">
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"pageType": "liveblog", "section": "politics"}});</script>
<script async src="/assets/js/ads.bundle.js"></script>
</head>
<body class="liveblog">
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookie consent">
<p>We use cookies and similar technologies to make our site work, to understand how you use it and to show you adverts that are relevant to you. You can change your choices at any time by clicking ‘Privacy settings’ at the foot of any page.</p>
<button class="btn btn-primary" id="cookie-accept">Accept all</button> <button class="btn btn-secondary" id="cookie-manage">Manage settings</button>
</div>
<header class="site-header">
<div class="masthead"><a href="/" class="logo">North Riding Press</a> <span class="tagline">News from the Dales, the Moors and the coast</span></div>
<nav class="main-nav" aria-label="Main">
<ul>
<li><a href="/news">News</a></li>
<li><a href="/news/politics">Politics</a></li>
<li><a href="/sport">Sport</a></li>
<li><a href="/whats-on">What’s On</a></li>
<li><a href="/property">Property</a></li>
<li><a href="/jobs">Jobs</a></li>
<li><a href="/announcements">Announcements</a></li>
<li><a href="/contact">Contact us</a></li>
</ul>
</nav>
<div class="account-links"><a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
</header>
<div class="ad-slot ad-leaderboard" aria-hidden="true"><span class="ad-label">Advertisement</span></div>
<main id="content">
<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; <a href="/news/politics">Politics</a></nav>
<article class="live-blog">
<span class="live-badge">LIVE</span>
<h1>{title}</h1>
<p class="standfirst">{standfirst}</p>
<div class="byline">By <a href="/author/rachel-hebden" rel="author">{author}</a>, {role}</div>
<div class="dateline"><time datetime="2023-07-19T13:55:00+01:00">{date}</time> <span class="updated">{updated}</span></div>
<div class="share"><a href="#" class="share-fb">Share on Facebook</a> <a href="#" class="share-x">Share on X</a> <a href="#" class="share-email">Email</a> <a href="#" class="share-copy">Copy link</a></div>
<aside class="key-events">
<h2>Key events</h2>
<ul>
{key_events}
</ul>
</aside>
<div class="entries">
"""

BLOG_TAIL = """</div>
<p class="ldrs-note"><em>This live blog was written by a Local Democracy Reporter. The Local Democracy Reporting Service is funded by the BBC and provides public interest journalism about local councils and public services.</em></p>
</article>
<aside class="read-more">
<h2>Read more</h2>
<ul>
{read_more}
</ul>
</aside>
<div class="ad-slot ad-mpu" aria-hidden="true"><span class="ad-label">Advertisement</span></div>
</main>
<footer class="site-footer">
<ul class="footer-links">
<li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li>
<li><a href="/privacy">Privacy notice</a></li>
<li><a href="/cookies">Cookie policy</a></li>
<li><a href="/privacy-settings">Privacy settings</a></li>
<li><a href="/terms">Terms and conditions</a></li>
<li><a href="/complaints">Complaints</a></li>
</ul>
<p>North Riding Press is a member of the Independent Press Standards Organisation (IPSO), which regulates the UK’s magazine and newspaper industry. We abide by the Editors’ Code of Practice.</p>
<p>© 2023 North Riding Press Ltd, 14 High Street, Northallerton. Registered in England and Wales.</p>
</footer>
<script src="/assets/js/site.7c1e02.js"></script>
</body>
</html>
"""


def make_blog():
    meta = {}
    key_events, read_more, entries = [], [], []
    cur = None
    for raw in read_lines("03_north_yorkshire_csp_liveblog.txt"):
        line = raw.rstrip()
        if not line:
            continue
        tag, _, text = line.partition(" ")
        if tag == "#HEADLINE":
            meta["title"] = text
        elif tag == "#STANDFIRST":
            meta["standfirst"] = text
        elif tag == "#BYLINE":
            meta["author"], meta["role"] = text.split("|")
        elif tag == "#DATELINE":
            meta["date"], meta["updated"] = text.split("|")
        elif tag == "#KEY":
            t, h = text.split("|")
            key_events.append(f'<li><a href="#entry-{t.replace(":", "")}"><time>{t}</time> {html.escape(h, quote=False)}</a></li>')
        elif tag == "#ENTRY":
            t, h = text.split("|")
            cur = {"time": t, "heading": h, "body": []}
            entries.append(cur)
        elif tag == "#LI":
            cur["body"].append(("li", text))
        elif tag == "#TWEET":
            cur["body"].append(("tweet", text))
        elif tag == "#AD":
            cur["body"].append(("ad", ""))
        elif tag == "#READMORE":
            title, url = text.split("|")
            read_more.append(f'<li><a href="{url}">{html.escape(title, quote=False)}</a></li>')
        elif line.startswith("#"):
            raise ValueError(line)
        else:
            cur["body"].append(("p", line))

    esc = lambda s: html.escape(s, quote=False)
    parts = []
    for e in entries:
        hhmm = e["time"].replace(":", "")
        out = [f'<article class="entry" id="entry-{hhmm}">',
               f'<time datetime="2023-07-19T{e["time"]}:00+01:00">{e["time"]}</time>',
               f'<h3><strong>{esc(e["heading"])}</strong></h3>']
        in_list = False
        trailing_ad = False
        for kind, text in e["body"]:
            if kind == "li" and not in_list:
                out.append("<ul>")
                in_list = True
            if kind != "li" and in_list:
                out.append("</ul>")
                in_list = False
            if kind == "p":
                out.append(f"<p>{esc(text)}</p>")
            elif kind == "li":
                out.append(f"<li>{esc(text)}</li>")
            elif kind == "tweet":
                body, who, when = text.split("|")
                body = esc(body).replace("#NorthYorkshire", '<a href="https://twitter.com/hashtag/NorthYorkshire">#NorthYorkshire</a>')
                out.append('<blockquote class="twitter-tweet"><p lang="en" dir="ltr">' + body +
                           f'</p>&mdash; {esc(who)} <a href="https://twitter.com/RHebdenLDR/status/1681689273341120512">{when}</a></blockquote>')
                out.append('<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>')
            elif kind == "ad":
                trailing_ad = True
        if in_list:
            out.append("</ul>")
        out.append('<footer class="entry-share"><a href="#entry-' + hhmm + '">Link to this post</a></footer>')
        out.append("</article>")
        if trailing_ad:
            out.append('<div class="ad-slot ad-inline" aria-hidden="true"><span class="ad-label">Advertisement</span></div>')
        parts.append("\n".join(out))

    page = BLOG_HEAD.format(
        title=esc(meta["title"]), standfirst=esc(meta["standfirst"]), author=esc(meta["author"]),
        role=esc(meta["role"]), date=esc(meta["date"]), updated=esc(meta["updated"]),
        key_events="\n".join(key_events))
    page += "\n".join(parts) + "\n"
    page += BLOG_TAIL.format(read_more="\n".join(read_more))
    (RAW / OUT["blog"]).write_bytes(page.encode("utf-8"))


# --------------------------------------------------------------------------------------------
# 4. IJB board paper with cover-sheet table (PDF)
# --------------------------------------------------------------------------------------------
def make_ijb():
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    class Paper(FPDF):
        def header(self):
            self.set_font("Helvetica", "", 8)
            self.set_text_color(80, 80, 80)
            self.set_y(8)
            self.cell(0, 5, "Fife Integration Joint Board - 27 November 2020 - Agenda item 8", align="R")
            self.set_text_color(0, 0, 0)
            self.set_y(17)

        def footer(self):
            self.set_y(-13)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(80, 80, 80)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = Paper(format="A4")
    pdf.set_creation_date(dt.datetime(2020, 11, 19, 16, 40, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Review of the Strategic Planning Group and Locality Planning Arrangements")
    pdf.set_author("Fife Health and Social Care Partnership")
    pdf.set_margins(20, 17, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.alias_nb_pages()
    W = 170
    label_style = FontFace(emphasis="BOLD", fill_color=(230, 236, 242))
    fields = []
    opts = []

    def flush_fields():
        pdf.set_font("Helvetica", "", 9.5)
        pdf.set_draw_color(60, 60, 60)
        with pdf.table(col_widths=(48, 122), text_align="LEFT", first_row_as_headings=False,
                       line_height=5, padding=1.6) as t:
            for lab, val in fields:
                r = t.row()
                r.cell(lab, style=label_style)
                r.cell(val.replace(" // ", "\n"))
        fields.clear()
        pdf.ln(3)

    def flush_opts():
        pdf.set_font("Helvetica", "", 10)
        with pdf.table(col_widths=(18, 70, 82), text_align="LEFT", line_height=5.2, padding=1.6,
                       headings_style=FontFace(emphasis="BOLD", fill_color=(230, 236, 242))) as t:
            for row in opts:
                r = t.row()
                for c in row:
                    r.cell(c)
        opts.clear()
        pdf.ln(3)

    pdf.add_page()
    for raw in read_lines("04_fife_ijb_locality_paper.txt"):
        line = raw.rstrip()
        if not line:
            continue
        tag, _, text = line.partition(" ")
        text = latin1(text)
        if tag == "#COVERHEAD":
            pdf.set_font("Helvetica", "B", 15)
            pdf.set_text_color(0, 84, 122)
            pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
        elif tag == "#COVERSUB":
            pdf.set_font("Helvetica", "I", 9)
            pdf.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif tag == "#FIELD":
            fields.append(tuple(text.split("|", 1)))
        elif tag == "#ENDFIELDS":
            flush_fields()
        elif tag == "#OPT":
            opts.append(text.split("|"))
        elif tag == "#ENDOPT":
            flush_opts()
        elif tag == "#NEWPAGE":
            pdf.add_page()
        elif tag == "#H1":
            if pdf.get_y() > 250:
                pdf.add_page()
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11.5)
            pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        elif tag == "#N":
            num, body = text.split("|", 1)
            pdf.set_font("Helvetica", "", 10.5)
            y = pdf.get_y()
            pdf.set_x(20)
            pdf.cell(12, 5.4, num)
            pdf.set_xy(32, y)
            pdf.multi_cell(W - 12, 5.4, body, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.8)
        elif tag == "#L":
            lab, body = text.split("|", 1)
            pdf.set_font("Helvetica", "", 10.5)
            y = pdf.get_y()
            pdf.set_x(32)
            pdf.cell(8, 5.4, lab)
            pdf.set_xy(40, y)
            pdf.multi_cell(W - 20, 5.4, body, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif tag == "#P":
            pdf.set_font("Helvetica", "", 9.5)
            pdf.multi_cell(W, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif tag == "#SPACE":
            pdf.ln(float(text))
        elif tag == "#CENTER":
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(W, 6.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        elif tag == "#CENTERSMALL":
            pdf.set_font("Helvetica", "I", 9.5)
            pdf.multi_cell(W, 5.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        else:
            raise ValueError(line)
    (RAW / OUT["ijb"]).write_bytes(bytes(pdf.output()))


# --------------------------------------------------------------------------------------------
# 5. WebVTT captions
# --------------------------------------------------------------------------------------------
MAXLEN = 42


def wrap(words):
    lines, cur = [], ""
    for w in words:
        if not cur:
            cur = w
        elif len(cur) + 1 + len(w) <= MAXLEN:
            cur += " " + w
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def sentences(text):
    return [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]


def ts(sec):
    ms = int(round(sec * 1000))
    h, ms = divmod(ms, 3600000)
    m, ms = divmod(ms, 60000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def para_cues(text):
    """Split one paragraph of speech into cues of one or two lines (each at most MAXLEN chars).
    Each sentence starts a new cue, except that a one-line sentence may fill the second line of a
    cue that holds a single line."""
    cues, cur = [], []
    for sent in sentences(text):
        sl = wrap(sent.split())
        if len(cur) == 1 and len(sl) == 1:
            cues.append(cur + sl)
            cur = []
            continue
        if cur:
            cues.append(cur)
            cur = []
        for i in range(0, len(sl), 2):
            chunk = sl[i:i + 2]
            if len(chunk) == 2:
                cues.append(chunk)
            else:
                cur = chunk
    if cur:
        cues.append(cur)
    return cues


def make_vtt():
    notes, cues = [], []  # cues: (gap_before, speaker, lines)
    t = 0.0
    speaker = None
    gap = 0.0
    for raw in read_lines("05_calderdale_cabinet_captions.txt"):
        line = raw.rstrip()
        if not line:
            continue
        if line.startswith("#NOTE "):
            notes.append(line[6:])
        elif line.startswith("#START "):
            h, m, s = line[7:].split(":")
            t = int(h) * 3600 + int(m) * 60 + float(s)
        elif line.startswith("#PAUSE "):
            gap += float(line[7:])
        elif line.startswith("#S "):
            speaker = line[3:]
            gap += 0.9
        else:
            for i, lines in enumerate(para_cues(line)):
                g = gap + (0.45 if i == 0 else 0.12)
                cues.append((g, speaker, lines))
                gap = 0.0

    out = ["WEBVTT", "", "NOTE"] + notes + [""]
    cue_id = 612
    for g, spk, lines in cues:
        t += g
        nwords = sum(len(l.split()) for l in lines)
        dur = max(1.4, 0.47 * nwords + 0.35)
        out.append(str(cue_id))
        out.append(f"{ts(t)} --> {ts(t + dur)}")
        out.append(f"<v {spk}>{lines[0]}")
        out.extend(lines[1:])
        out.append("")
        t += dur
        cue_id += 1
    (RAW / OUT["vtt"]).write_bytes("\n".join(out).encode("utf-8"))


if __name__ == "__main__":
    RAW.mkdir(exist_ok=True)
    make_docx()
    make_consultation()
    make_blog()
    make_ijb()
    make_vtt()
    for k, v in OUT.items():
        print(v, (RAW / v).stat().st_size)
