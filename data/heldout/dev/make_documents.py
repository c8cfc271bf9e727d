"""Regenerate the four held-out evaluation documents in raw/ from the text sources in sources/.

Run with the workbook's Python:  ../../../.venv/bin/python make_documents.py (from this folder)
The output is deterministic (fixed timestamps in the .docx), so the files are reproduced byte for byte.

The documents are written for evaluation. They are modelled on the shapes of public council documents
(ModernGov minutes, a Welsh PSB committee report, a Scottish CPP minute, a local news web page), but
they are not real documents: the people, figures and decisions are invented.
"""
import io
import textwrap
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"

# --------------------------------------------------------------------------------------------
# 1. ModernGov-style HTML minutes (Derbyshire Health and Wellbeing Board)
# --------------------------------------------------------------------------------------------
MODERNGOV_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Minutes for Health and Wellbeing Board on Thursday, 8th June, 2023, 2.00 pm - Derbyshire County Council</title>
<link rel="stylesheet" href="SiteSpecific/ssMgStyles.css">
<script src="jquery-ui/js/jquery-3.6.0.min.js"></script>
<script>window.mgPageId = "mgMinutesPage";</script>
</head>
<body>
<div id="cookie-notice" class="cookie-notice" role="region" aria-label="Cookie notice">
<p>We use some essential cookies to make this website work. We would also like to set analytics cookies to help us improve it.</p>
<p><button type="button">Accept analytics cookies</button> <button type="button">Reject analytics cookies</button> <a href="/site-information/cookies">View cookies</a></p>
</div>
<a class="skip-link" href="#mgContent">Skip to main content</a>
<header class="site-header">
<p class="site-name"><a href="/">Derbyshire County Council</a></p>
<nav aria-label="Main menu"><ul>
<li><a href="/">Home</a></li>
<li><a href="/council">Council, government and democracy</a></li>
<li><a href="mgMemberIndex.aspx">Councillors</a></li>
<li><a href="mgListCommittees.aspx">Committees</a></li>
<li><a href="mgCalendarMonthView.aspx">Meetings calendar</a></li>
<li><a href="mgEPetitionListDisplay.aspx">Petitions</a></li>
</ul></nav>
<form class="site-search" action="/search"><label for="q">Search</label> <input id="q" name="q" type="search"></form>
</header>
<div class="breadcrumb"><ul>
<li><a href="/">Home</a></li>
<li><a href="mgListCommittees.aspx">Committee structure</a></li>
<li><a href="mgCommitteeDetails.aspx?ID=742">Health and Wellbeing Board</a></li>
<li>Meeting</li>
</ul></div>
<main id="mgContent" class="mgContent">
{content}
</main>
<div class="mgPrintLinks"><p><a href="javascript:window.print()">Print this page</a></p></div>
<footer class="site-footer">
<ul>
<li><a href="/contact-us">Contact us</a></li>
<li><a href="/site-information/accessibility">Accessibility statement</a></li>
<li><a href="/site-information/privacy">Privacy notice</a></li>
<li><a href="/site-information/cookies">Cookies</a></li>
</ul>
<p>&copy; Derbyshire County Council 2023. County Hall, Matlock, Derbyshire DE4 3AG.</p>
<p>Powered by Modern.Gov</p>
</footer>
</body>
</html>
"""

# --------------------------------------------------------------------------------------------
# 4. Local news web page (Rother District Council)
# --------------------------------------------------------------------------------------------
NEWS_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rother council to scrap strategic partnership and join county-wide community safety body | Rother Gazette</title>
<meta name="description" content="Rother District Council cabinet votes to dissolve its Local Strategic Partnership and merge its community safety partnership into an East Sussex-wide body.">
<meta property="og:type" content="article">
<link rel="stylesheet" href="/static/css/site.4f1c2.css">
<script async src="/static/js/consent.js"></script>
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"section": "news/politics"}});</script>
</head>
<body class="article-page">
<div id="consent-banner" class="consent-banner" role="dialog" aria-label="Privacy settings">
<h2>We value your privacy</h2>
<p>We and our partners store and access information on your device, such as cookies, to personalise content and adverts, provide social media features and analyse our traffic. You can accept all cookies or choose which ones we may use.</p>
<p><button type="button">Accept all</button> <button type="button">Manage preferences</button></p>
</div>
<header class="masthead">
<p class="masthead-links"><a href="/subscribe">Subscribe</a> | <a href="/account/sign-in">Sign in</a></p>
<p class="masthead-title"><a href="/">Rother Gazette</a></p>
<nav class="primary-nav" aria-label="Sections"><ul>
<li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li>
<li><a href="/whats-on">What's On</a></li>
<li><a href="/business">Business</a></li>
<li><a href="/property">Property</a></li>
<li><a href="/jobs">Jobs</a></li>
<li><a href="/announcements">Announcements</a></li>
<li><a href="/puzzles">Puzzles</a></li>
</ul></nav>
<nav class="secondary-nav" aria-label="News"><ul>
<li><a href="/news/local">Local News</a></li>
<li><a href="/news/politics">Politics</a></li>
<li><a href="/news/crime">Crime</a></li>
<li><a href="/news/health">Health</a></li>
<li><a href="/news/education">Education</a></li>
<li><a href="/news/environment">Environment</a></li>
</ul></nav>
</header>
<div class="breadcrumb"><ol>
<li><a href="/">Home</a></li>
<li><a href="/news">News</a></li>
<li><a href="/news/politics">Politics</a></li>
</ol></div>
<main class="page-main">
{content}
<aside class="related" aria-label="More stories">
<h2>More from the Rother Gazette</h2>
<ul>
<li><a href="/news/local/hastings-pier-events-programme-announced-for-summer-4410911">Hastings Pier events programme announced for summer</a></li>
<li><a href="/news/local/new-bin-collection-days-for-bexhill-residents-from-april-4409876">New bin collection days for Bexhill residents from April</a></li>
<li><a href="/news/crime/police-appeal-after-break-ins-at-rye-harbour-sheds-4410150">Police appeal after break-ins at Rye Harbour sheds</a></li>
<li><a href="/news/politics/parking-charges-to-rise-at-battle-car-parks-4408733">Parking charges to rise at Battle car parks</a></li>
</ul>
<h2>Most read</h2>
<ol>
<li><a href="/news/local/road-closure-on-a21-for-resurfacing-4410552">Overnight closures on the A21 for resurfacing work</a></li>
<li><a href="/whats-on/bexhill-1066-festival-line-up-revealed-4410020">Bexhill festival line-up revealed</a></li>
<li><a href="/business/new-cafe-opens-on-devonshire-road-4409441">New cafe opens on Devonshire Road</a></li>
</ol>
</aside>
</main>
<footer class="site-footer">
<ul>
<li><a href="/about-us">About us</a></li>
<li><a href="/contact">Contact</a></li>
<li><a href="/advertise">Advertise</a></li>
<li><a href="/privacy-notice">Privacy notice</a></li>
<li><a href="#consent-banner">Cookie settings</a></li>
<li><a href="/terms">Terms and conditions</a></li>
</ul>
<p>&copy; 2024 Rother Gazette Media Ltd. All rights reserved.</p>
</footer>
</body>
</html>
"""


def make_html(template: str, content_file: str, out_name: str) -> None:
    content = (SRC / content_file).read_text(encoding="utf-8").rstrip("\n")
    (RAW / out_name).write_text(template.format(content=content), encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------------------------
# 2. Word report (Neath Port Talbot Public Services Board)
# --------------------------------------------------------------------------------------------
FIXED_TIME = datetime(2023, 7, 10, 9, 30, 0)


def make_docx(src_name: str, out_name: str) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    section = d.sections[0]
    rows = []
    caption_done = False

    def flush_table():
        nonlocal rows
        if not rows:
            return
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                cell = table.cell(r, c)
                cell.text = text
                if r == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        rows = []

    for raw_line in (SRC / src_name).read_text(encoding="utf-8").splitlines():
        if not raw_line.strip() or raw_line.startswith("#"):
            continue
        tag, _, text = raw_line.partition(": ")
        if tag != "ROW":
            flush_table()
        if tag == "HEADER":
            section.header.paragraphs[0].text = text
            section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif tag == "FOOTER":
            section.footer.paragraphs[0].text = text
            section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif tag == "TITLE":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(text).bold = True
        elif tag == "B":
            d.add_paragraph().add_run(text).bold = True
        elif tag == "META":
            label, _, value = text.partition(": ")
            p = d.add_paragraph()
            p.add_run(label + ": ").bold = True
            p.add_run(value)
        elif tag == "H":
            d.add_heading(text, level=2)
        elif tag == "P":
            d.add_paragraph(text)
        elif tag == "LI":
            d.add_paragraph(text, style="List Bullet")
        elif tag == "CAPTION":
            d.add_paragraph().add_run(text).italic = True
        elif tag == "ROW":
            rows.append([c.strip() for c in text.split(" | ")])
        else:
            raise ValueError(f"unknown tag in {src_name}: {raw_line!r}")
    flush_table()

    cp = d.core_properties
    cp.author = "PSB Support Team"
    cp.last_modified_by = "PSB Support Team"
    cp.title = "Annual Review of Public Services Board Arrangements 2022/23"
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.revision = 3

    # Re-pack the zip with fixed member timestamps so the file is reproducible byte for byte.
    buf = io.BytesIO()
    d.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    (RAW / out_name).write_bytes(out.getvalue())


# --------------------------------------------------------------------------------------------
# 3. Plain-text minute (Moray Community Planning Board), hard-wrapped like a PDF-to-text export
# --------------------------------------------------------------------------------------------
WIDTH = 90
LINES_PER_PAGE = 56
RUNNING_FOOTER = "Moray Community Planning Board - 14 September 2023"


def wrap_block(block: str) -> list:
    if block.startswith("="):
        return [line[1:] for line in block.split("\n")]
    text = " ".join(block.split())
    if text[:3] in {"(a)", "(b)", "(c)", "(d)", "(e)"}:
        return textwrap.wrap(text, WIDTH, subsequent_indent="    ")
    if text.startswith("Action:"):
        return textwrap.wrap(text, WIDTH, subsequent_indent="        ")
    return textwrap.wrap(text, WIDTH)


def make_txt(src_name: str, out_name: str) -> None:
    blocks = (SRC / src_name).read_text(encoding="utf-8").strip("\n").split("\n\n")
    pages, page = [], []
    for block in blocks:
        lines = wrap_block(block)
        # page breaks fall between paragraphs only
        if page and len(page) + len(lines) + 1 > LINES_PER_PAGE:
            pages.append(page)
            page = []
        if page:
            page.append("")
        page.extend(lines)
    pages.append(page)
    out = []
    for n, pg in enumerate(pages, start=1):
        out.extend(pg)
        out.append("")
        out.append(f"{RUNNING_FOOTER}{' ' * (WIDTH - len(RUNNING_FOOTER) - len(f'Page {n} of {len(pages)}'))}Page {n} of {len(pages)}")
        if n < len(pages):
            out.append("\f")
    (RAW / out_name).write_text("\n".join(out) + "\n", encoding="utf-8", newline="\n")


def main() -> None:
    RAW.mkdir(exist_ok=True)
    make_html(MODERNGOV_PAGE, "derbyshire_hwb_minutes_2023-06.content.html", "derbyshire_hwb_minutes_2023-06.html")
    make_docx("neath_port_talbot_psb_annual_review_2023-07.docx.txt", "neath_port_talbot_psb_annual_review_2023-07.docx")
    make_txt("moray_cpp_board_minutes_2023-09.src.txt", "moray_cpp_board_minutes_2023-09.txt")
    make_html(NEWS_PAGE, "rother_lsp_csp_news_2024-03.content.html", "rother_lsp_csp_news_2024-03.html")
    for f in sorted(RAW.iterdir()):
        print(f.name, f.stat().st_size)


if __name__ == "__main__":
    main()
