#!/usr/bin/env python3
"""Regenerate the five evaluation documents in raw/ from the text sources in sources/.

Run with the project venv:  /work/main/.venv/bin/python make_documents.py
Output is byte-for-byte reproducible: fixed creation dates in the PDFs and the ODP
metadata, fixed zip timestamps in the ODP, and no random ids.

The documents are written for evaluation. They are modelled on the shapes of public
council documents but are not real documents; the people named in them are invented.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"

FILES = {
    "bury": "bury_csp_yjmb_merger_you_said_we_did_2024-11.html",
    "causeway": "causeway_coast_glens_pcsp_minutes_2019-03.pdf",
    "dudley": "dudley_hwb_place_board_meetings_in_common_tfg_notes_2025-02.html",
    "angus": "angus_cpp_structures_review_workshop_2017-10.odp",
    "ryedale": "ryedale_oss_reports_pack_lsp_review_2011-11.pdf",
}


def read_source(name: str) -> list[tuple[str, str]]:
    """Return (TAG, text) pairs from a source file ("TAG: text" per line)."""
    out = []
    for raw in (SRC / name).read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        tag, _, rest = raw.partition(":")
        out.append((tag.strip(), rest[1:] if rest.startswith(" ") else rest))
    return out


def fields(text: str, sep: str = " | ") -> list[str]:
    if text.startswith("|"):
        text = " " + text
    return [f.strip() for f in text.split(sep)]


def esc(text: str) -> str:
    return html.escape(text, quote=False)


# --------------------------------------------------------------------------------------
# 1. Bury: "You said, we did" page saved from the council website
# --------------------------------------------------------------------------------------
def make_bury() -> bytes:
    src = read_source("01_bury_you_said_we_did.txt")
    d = {}
    for tag, text in src:
        d.setdefault(tag, []).append(text)

    def one(tag):
        return d[tag][0]

    o = []
    w = o.append
    w("<!DOCTYPE html>")
    w('<html lang="en-GB" class="no-js">')
    w("<head>")
    w('<meta charset="utf-8">')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">')
    w(f"<title>{esc(one('TITLE'))}</title>")
    w('<meta name="description" content="The outcome of our consultation on community safety and youth justice partnership arrangements.">')
    w('<link rel="canonical" href="https://www.bury.gov.uk/council-and-democracy/consultations/results/community-safety-youth-justice">')
    w('<link rel="stylesheet" href="/assets/css/main.min.css?v=4.12.3">')
    w('<link rel="icon" href="/favicon.ico">')
    w("<script>document.documentElement.className = document.documentElement.className.replace('no-js', 'js');</script>")
    w('<script async src="/assets/js/analytics-loader.js" data-consent="analytics"></script>')
    w("</head>")
    w("<body>")
    # cookie banner
    w('<div class="cookie-banner" id="cookie-banner" role="region" aria-label="Cookies on the Bury Council website">')
    w(f'<h2 class="cookie-banner__heading">{esc(one("COOKIE_H"))}</h2>')
    w(f'<p class="cookie-banner__text">{esc(one("COOKIE_P"))}</p>')
    b1, b2, b3 = fields(one("COOKIE_BTN"))
    w('<div class="cookie-banner__buttons">')
    w(f'<button type="button" class="button" data-cookie-accept>{esc(b1)}</button>')
    w(f'<button type="button" class="button button--secondary" data-cookie-reject>{esc(b2)}</button>')
    w(f'<a class="link" href="/cookies">{esc(b3)}</a>')
    w("</div>")
    w("</div>")
    w(f'<a href="#main-content" class="skip-link">{esc(one("SKIP"))}</a>')
    # header
    w('<header class="site-header">')
    w('<div class="site-header__inner">')
    w(f'<a href="/" class="site-header__logo"><img src="/assets/img/bury-council-logo.svg" alt="{esc(one("LOGO"))}" width="160" height="48"></a>')
    s_label, s_btn = fields(one("SEARCH"))
    w('<form class="site-search" action="/search" method="get" role="search">')
    w(f'<label for="site-search-input" class="visually-hidden">{esc(s_label)}</label>')
    w(f'<input id="site-search-input" name="q" type="search" placeholder="{esc(s_label)}">')
    w(f'<button type="submit" class="site-search__button">{esc(s_btn)}</button>')
    w("</form>")
    w("</div>")
    w('<nav class="site-nav" aria-label="Main menu">')
    w('<ul class="site-nav__list">')
    for item in fields(one("NAV")):
        slug = re.sub(r"[^a-z]+", "-", item.lower()).strip("-")
        w(f'<li class="site-nav__item"><a href="/{slug}">{esc(item)}</a></li>')
    w("</ul>")
    w("</nav>")
    w("</header>")
    # breadcrumbs
    crumbs = fields(one("CRUMB"))
    w('<nav class="breadcrumbs" aria-label="Breadcrumb">')
    w('<ol class="breadcrumbs__list">')
    path = ""
    for i, c in enumerate(crumbs):
        if i == len(crumbs) - 1:
            w(f'<li class="breadcrumbs__item" aria-current="page">{esc(c)}</li>')
        else:
            path += "/" + re.sub(r"[^a-z]+", "-", c.lower()).strip("-") if i else ""
            w(f'<li class="breadcrumbs__item"><a href="{path or "/"}">{esc(c)}</a></li>')
    w("</ol>")
    w("</nav>")
    # main content
    w('<main id="main-content" class="main" tabindex="-1">')
    w('<article class="page-content">')
    in_list = False
    in_table = False
    for tag, text in src:
        if tag in ("TITLE", "COOKIE_H", "COOKIE_P", "COOKIE_BTN", "SKIP", "LOGO", "SEARCH", "NAV", "CRUMB"):
            continue
        if tag in ("UPDATED", "FB_Q", "FB_BTN", "FB_LABEL", "FB_HINT", "FB_SEND", "FOOTER", "SOCIAL", "COPY"):
            continue
        if tag != "LI" and in_list:
            w("</ul>")
            in_list = False
        if tag not in ("TH", "ROW") and in_table:
            w("</tbody>")
            w("</table>")
            w("</div>")
            in_table = False
        if tag == "H1":
            w(f'<h1 class="page-title">{esc(text)}</h1>')
        elif tag == "H2":
            w(f"<h2>{esc(text)}</h2>")
        elif tag == "P":
            text_h = esc(text)
            text_h = text_h.replace("safer.communities@bury.gov.uk",
                                    '<a href="mailto:safer.communities@bury.gov.uk">safer.communities@bury.gov.uk</a>')
            w(f"<p>{text_h}</p>")
        elif tag == "LI":
            if not in_list:
                w('<ul class="list list--bullet">')
                in_list = True
            w(f"<li>{esc(text)}</li>")
        elif tag == "TH":
            a, b = fields(text)
            w('<div class="table-wrapper">')
            w('<table class="table table--two-col">')
            w('<caption class="visually-hidden">What you told us and what we have done</caption>')
            w("<thead>")
            w(f'<tr><th scope="col">{esc(a)}</th><th scope="col">{esc(b)}</th></tr>')
            w("</thead>")
            w("<tbody>")
            in_table = True
        elif tag == "ROW":
            a, b = fields(text)
            w(f'<tr><td data-label="You said">{esc(a)}</td><td data-label="We did">{esc(b)}</td></tr>')
    if in_list:
        w("</ul>")
    w(f'<p class="page-content__updated">{esc(one("UPDATED"))}</p>')
    w("</article>")
    # feedback form
    yes, no = fields(one("FB_BTN"))
    w('<section class="feedback" aria-labelledby="feedback-heading">')
    w(f'<h2 id="feedback-heading" class="feedback__heading">{esc(one("FB_Q"))}</h2>')
    w('<form class="feedback__form" action="/feedback" method="post">')
    w('<input type="hidden" name="page" value="/council-and-democracy/consultations/results/community-safety-youth-justice">')
    w(f'<button type="submit" name="helpful" value="yes" class="button button--small">{esc(yes)}</button>')
    w(f'<button type="submit" name="helpful" value="no" class="button button--small">{esc(no)}</button>')
    w(f'<label for="feedback-comments">{esc(one("FB_LABEL"))}</label>')
    w(f'<p class="hint" id="feedback-hint">{esc(one("FB_HINT"))}</p>')
    w('<textarea id="feedback-comments" name="comments" rows="4" aria-describedby="feedback-hint"></textarea>')
    w(f'<button type="submit" class="button">{esc(one("FB_SEND"))}</button>')
    w("</form>")
    w("</section>")
    w("</main>")
    # footer
    w('<footer class="site-footer">')
    w('<nav class="site-footer__nav" aria-label="Footer">')
    w("<ul>")
    for item in fields(one("FOOTER")):
        slug = re.sub(r"[^a-z]+", "-", item.lower()).strip("-")
        w(f'<li><a href="/{slug}">{esc(item)}</a></li>')
    w("</ul>")
    w("</nav>")
    social = fields(one("SOCIAL"))
    w('<div class="site-footer__social">')
    w(f"<p>{esc(social[0])}</p>")
    w("<ul>")
    for item in social[1:]:
        w(f'<li><a href="https://www.example.org/bury-council-{re.sub(r"[^a-z]+", "", item.lower())}" rel="noopener">{esc(item)}</a></li>')
    w("</ul>")
    w("</div>")
    w(f'<p class="site-footer__copyright">{esc(one("COPY"))}</p>')
    w("</footer>")
    w('<script src="/assets/js/cookie-consent.min.js?v=2.3.0"></script>')
    w('<script src="/assets/js/main.min.js?v=4.12.3" defer></script>')
    w("</body>")
    w("</html>")
    return ("\n".join(o) + "\n").encode("utf-8")


# --------------------------------------------------------------------------------------
# 2. Causeway Coast and Glens PCSP minutes (PDF, Northern Ireland style)
# --------------------------------------------------------------------------------------
def make_causeway() -> bytes:
    from fpdf import FPDF

    src = read_source("02_causeway_pcsp_minutes.txt")
    hdr = src[0][1]

    class Minutes(FPDF):
        def header(self):
            self.set_font("Helvetica", "I", 8)
            self.set_xy(20, 10)
            self.cell(170, 5, hdr, align="L")
            self.set_xy(20, 10)
            self.cell(170, 5, "PCSP 120319", align="R")
            self.line(20, 16, 190, 16)
            self.set_y(22)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Minutes(format="A4")
    pdf.set_creation_date(datetime(2019, 3, 20, 9, 15, 0, tzinfo=timezone.utc))
    pdf.set_title("PCSP Minutes 12 March 2019")
    pdf.set_author("Causeway Coast and Glens Borough Council")
    pdf.set_creator("Microsoft Word")
    pdf.set_producer("Microsoft Word")
    pdf.set_margins(20, 22, 20)
    pdf.set_auto_page_break(True, margin=22)
    pdf.alias_nb_pages()
    pdf.add_page()
    lh = 5.2
    REF_X, TXT_X, TXT_W = 20, 52, 138

    def ensure(height):
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()

    def col_text(x, w, text, style=""):
        pdf.set_font("Helvetica", style, 10)
        pdf.set_left_margin(x)
        pdf.set_x(x)
        pdf.multi_cell(w, lh, text, align="L")
        pdf.set_left_margin(20)

    for tag, text in src[1:]:
        if tag == "CENTRE":
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(170, 6, text, align="C")
            pdf.ln(2)
        elif tag == "LIST":
            label, value = fields(text)
            ensure(lh * 2)
            y = pdf.get_y()
            pdf.set_font("Helvetica", "B", 10)
            pdf.set_xy(REF_X, y)
            pdf.multi_cell(50, lh, label, align="L")
            pdf.set_xy(72, y)
            col_text(72, 118, value)
            pdf.ln(1.5)
        elif tag == "HEAD":
            ref, title = fields(text)
            pdf.ln(2)
            ensure(lh * 3)
            y = pdf.get_y()
            pdf.set_font("Helvetica", "B", 10)
            pdf.set_xy(REF_X, y)
            pdf.cell(30, lh, ref)
            pdf.set_xy(TXT_X, y)
            col_text(TXT_X, TXT_W, title, "B")
            pdf.ln(1.5)
        elif tag == "ROW":
            ref, body = fields(text)
            ensure(lh * 2)
            if ref:
                pdf.set_font("Helvetica", "B", 10)
                pdf.set_xy(REF_X, pdf.get_y())
                pdf.cell(30, lh, ref)
            col_text(TXT_X, TXT_W, body)
            pdf.ln(2)
        elif tag == "IND":
            label, body = fields(text)
            ensure(lh * 2)
            y = pdf.get_y()
            pdf.set_font("Helvetica", "", 10)
            pdf.set_xy(TXT_X + 4, y)
            pdf.cell(8, lh, label)
            col_text(TXT_X + 12, TXT_W - 12, body)
            pdf.ln(1.5)
        elif tag == "SIG":
            pdf.ln(12)
            pdf.set_font("Helvetica", "", 10)
            pdf.set_x(TXT_X)
            pdf.cell(TXT_W, lh, text)
        else:
            raise ValueError(tag)
    return bytes(pdf.output())


# --------------------------------------------------------------------------------------
# 3. Dudley joint task and finish group notes (Google Docs "Download > Web page" export)
# --------------------------------------------------------------------------------------
GDOCS_STYLE = (
    '@import url(https://themes.googleusercontent.com/fonts/css?kit=fpjTOVmNbO4Lz34iLyptLUXza5VhXFnF8ohMqqHcxX0);'
    'ul.lst-kix_7d2kq4m1x9ab-0{list-style-type:none}'
    '.lst-kix_7d2kq4m1x9ab-0>li:before{content:"\\0025cf   "}'
    'ul.lst-kix_q3hf8c2w1zte-0{list-style-type:none}'
    '.lst-kix_q3hf8c2w1zte-0>li:before{content:"\\0025cf   "}'
    'ul.lst-kix_m8v0p5r2j6yn-0{list-style-type:none}'
    '.lst-kix_m8v0p5r2j6yn-0>li:before{content:"\\0025cf   "}'
    'ul.lst-kix_b1x7t4q9c0dw-0{list-style-type:none}'
    '.lst-kix_b1x7t4q9c0dw-0>li:before{content:"\\0025cf   "}'
    '.lst-kix_h2s6v8n3k1pl-0>li{counter-increment:lst-ctn-kix_h2s6v8n3k1pl-0}'
    'ol.lst-kix_h2s6v8n3k1pl-0.start{counter-reset:lst-ctn-kix_h2s6v8n3k1pl-0 0}'
    'ol.lst-kix_h2s6v8n3k1pl-0{list-style-type:none}'
    '.lst-kix_h2s6v8n3k1pl-0>li:before{content:"" counter(lst-ctn-kix_h2s6v8n3k1pl-0,decimal) ". "}'
    'li.li-bullet-0:before{margin-left:-18pt;white-space:nowrap;display:inline-block;min-width:18pt}'
    'ol{margin:0;padding:0}table td,table th{padding:0}'
    '.c0{border-right-style:solid;padding:5pt 5pt 5pt 5pt;border-bottom-color:#000000;border-top-width:1pt;'
    'border-right-width:1pt;border-left-color:#000000;vertical-align:top;border-right-color:#000000;'
    'border-left-width:1pt;border-top-style:solid;border-left-style:solid;border-bottom-width:1pt;width:234pt;'
    'border-top-color:#000000;border-bottom-style:solid}'
    '.c13{border-right-style:solid;padding:5pt 5pt 5pt 5pt;border-bottom-color:#000000;border-top-width:1pt;'
    'border-right-width:1pt;border-left-color:#000000;vertical-align:top;border-right-color:#000000;'
    'border-left-width:1pt;border-top-style:solid;border-left-style:solid;border-bottom-width:1pt;width:108pt;'
    'border-top-color:#000000;border-bottom-style:solid;background-color:#f3f3f3}'
    '.c1{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:11pt;'
    'font-family:"Arial";font-style:normal}'
    '.c2{padding-top:0pt;padding-bottom:0pt;line-height:1.15;orphans:2;widows:2;text-align:left}'
    '.c3{margin-left:36pt;padding-top:0pt;padding-left:0pt;padding-bottom:0pt;line-height:1.15;orphans:2;'
    'widows:2;text-align:left}'
    '.c4{color:#000000;font-weight:700;text-decoration:none;vertical-align:baseline;font-size:11pt;'
    'font-family:"Arial";font-style:normal}'
    '.c5{padding-top:20pt;padding-bottom:6pt;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;'
    'text-align:left}'
    '.c6{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:20pt;'
    'font-family:"Arial";font-style:normal}'
    '.c7{padding-top:0pt;padding-bottom:3pt;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;'
    'text-align:left}'
    '.c8{border-spacing:0;border-collapse:collapse;margin-right:auto}'
    '.c9{color:#1155cc;text-decoration:underline}'
    '.c10{color:#666666;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:15pt;'
    'font-family:"Arial";font-style:normal}'
    '.c11{background-color:#ffffff;max-width:451.4pt;padding:72pt 72pt 72pt 72pt}'
    '.c12{color:inherit;text-decoration:inherit}'
    '.c14{padding-top:16pt;padding-bottom:4pt;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;'
    'text-align:left}'
    '.c15{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:16pt;'
    'font-family:"Arial";font-style:normal}'
    '.c16{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:11pt;'
    'font-family:"Arial";font-style:italic}'
    '.c17{height:0pt}.c18{height:11pt}'
    '.title{padding-top:0pt;color:#000000;font-size:26pt;padding-bottom:3pt;font-family:"Arial";line-height:1.15;'
    'page-break-after:avoid;orphans:2;widows:2;text-align:left}'
    '.subtitle{padding-top:0pt;color:#666666;font-size:15pt;padding-bottom:16pt;font-family:"Arial";'
    'line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}'
    'li{color:#000000;font-size:11pt;font-family:"Arial"}p{margin:0;color:#000000;font-size:11pt;font-family:"Arial"}'
    'h1{padding-top:20pt;color:#000000;font-size:20pt;padding-bottom:6pt;font-family:"Arial";line-height:1.15;'
    'page-break-after:avoid;orphans:2;widows:2;text-align:left}'
)

UL_IDS = ["lst-kix_7d2kq4m1x9ab-0", "lst-kix_q3hf8c2w1zte-0", "lst-kix_m8v0p5r2j6yn-0", "lst-kix_b1x7t4q9c0dw-0"]
OL_ID = "lst-kix_h2s6v8n3k1pl-0"
HEADING_IDS = ["h.gjdgxs", "h.30j0zll", "h.1fob9te", "h.3znysh7", "h.2et92p0", "h.tyjcwt", "h.3dy6vkm", "h.1t3h5sf"]


def gdocs_escape(text: str) -> str:
    return html.escape(text, quote=True).replace("&#x27;", "&#39;")


def gdocs_link(url: str) -> str:
    # Google wraps every link in a redirect with a fixed-looking token.
    token = "AOvVaw" + "".join("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[(ord(c) * 7 + i) % 62]
                               for i, c in enumerate(url[-22:]))
    return ("https://www.google.com/url?q=" + html.escape(url, quote=True)
            + "&amp;sa=D&amp;source=editors&amp;ust=1738851934207412&amp;usg=" + token)


def gdocs_inline(text: str, cls: str = "c1") -> str:
    """Spans for a run of text; [label](url) becomes a Google-redirected link."""
    parts = []
    pos = 0
    for m in re.finditer(r"\[([^\]]+)\]\(([^)]+)\)", text):
        if m.start() > pos:
            parts.append(f'<span class="{cls}">{gdocs_escape(text[pos:m.start()])}</span>')
        parts.append(f'<span class="c9"><a class="c12" href="{gdocs_link(m.group(2))}">{gdocs_escape(m.group(1))}</a></span>')
        pos = m.end()
    if pos < len(text):
        parts.append(f'<span class="{cls}">{gdocs_escape(text[pos:])}</span>')
    return "".join(parts)


def make_dudley() -> bytes:
    src = read_source("03_dudley_meetings_in_common_notes.txt")
    title = next(t for tag, t in src if tag == "DOCTITLE")
    o = []
    w = o.append
    w('<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">')
    w(f'<style type="text/css">{GDOCS_STYLE}</style></head>')
    w('<body class="c11 doc-content">')
    ul_n = 0
    h_n = 0
    open_list = None
    in_table = False
    rows = []
    for tag, text in src:
        if tag == "DOCTITLE":
            continue
        if open_list and tag != open_list:
            w("</ul>" if open_list == "UL" else "</ol>")
            open_list = None
        if in_table and tag not in ("TH", "TR"):
            w('<table class="c8">' + "".join(rows) + "</table>")
            w('<p class="c2 c18"><span class="c1"></span></p>')
            in_table = False
            rows = []
        if tag == "TITLE":
            w(f'<p class="c7 title" id="h.{h_n}a9x0"><span class="c6">{gdocs_escape(text)}</span></p>')
        elif tag == "SUBTITLE":
            w(f'<p class="c7 subtitle" id="h.{h_n}k2m1"><span class="c10">{gdocs_escape(text)}</span></p>')
        elif tag == "P":
            if text.startswith("DRAFT"):
                w(f'<p class="c2"><span class="c16">{gdocs_escape(text)}</span></p>')
            elif text.endswith(":") and len(text) < 40:
                w(f'<p class="c2"><span class="c4">{gdocs_escape(text)}</span></p>')
            else:
                w(f'<p class="c2">{gdocs_inline(text)}</p>')
        elif tag == "H1":
            w(f'<h1 class="c5" id="{HEADING_IDS[h_n % len(HEADING_IDS)]}"><span class="c15">{gdocs_escape(text)}</span></h1>')
            h_n += 1
        elif tag == "UL":
            if open_list != "UL":
                w(f'<ul class="c2 {UL_IDS[ul_n % len(UL_IDS)]} start">')
                ul_n += 1
                open_list = "UL"
            w(f'<li class="c3 li-bullet-0">{gdocs_inline(text)}</li>')
        elif tag == "OL":
            if open_list != "OL":
                w(f'<ol class="c2 {OL_ID} start" start="1">')
                open_list = "OL"
            w(f'<li class="c3 li-bullet-0">{gdocs_inline(text)}</li>')
        elif tag in ("TH", "TR"):
            in_table = True
            cells = fields(text)
            cls_cell = "c13" if tag == "TH" else "c0"
            span_cls = "c4" if tag == "TH" else "c1"
            tds = "".join(
                f'<td class="{cls_cell}" colspan="1" rowspan="1"><p class="c2"><span class="{span_cls}">{gdocs_escape(c)}</span></p></td>'
                for c in cells)
            rows.append(f'<tr class="c17">{tds}</tr>')
        else:
            raise ValueError(tag)
    if open_list:
        w("</ul>" if open_list == "UL" else "</ol>")
    if in_table:
        w('<table class="c8">' + "".join(rows) + "</table>")
    w("</body></html>")
    # Google Docs writes the whole document on one line.
    return "".join(o).encode("utf-8")


# --------------------------------------------------------------------------------------
# 4. Angus CPP workshop slides (OpenDocument presentation, odfdo)
# --------------------------------------------------------------------------------------
def make_angus() -> bytes:
    from odfdo import Document, DrawPage, Frame, List, Paragraph, PresentationNotes, Style, Table

    src = read_source("04_angus_cpp_structures_workshop.txt")
    doc = Document("presentation")
    body = doc.body
    for page in body.get_draw_pages():
        page.parent.delete(page)
    doc.insert_style(Style("paragraph", name="PBody20", area="text", size="20pt"), automatic=True)
    doc.insert_style(Style("paragraph", name="PBody24", area="text", size="24pt"), automatic=True)

    slides = []
    for tag, text in src:
        if tag == "META_TITLE":
            continue
        if tag == "SLIDE":
            slides.append({"title": text, "items": []})
        else:
            slides[-1]["items"].append((tag, text))

    def notes_for(n, text):
        notes = PresentationNotes()
        notes.set_attribute("draw:style-name", "dp2")
        notes.append(Frame.text_frame(
            [Paragraph(text)], presentation_class="notes", presentation_style="pr3",
            size=("16.799cm", "13.364cm"), position=("2.1cm", "14.107cm"), layer="layout"))
        return notes

    for n, s in enumerate(slides, start=1):
        items = s["items"]
        is_title = n == 1
        page = DrawPage(f"page{n}", name=f"Slide {n}", master_page="presentation",
                        presentation_page_layout="AL1T0" if is_title else "AL0T31", style="dp1")
        if is_title:
            page.append(Frame.text_frame(
                [Paragraph(s["title"])], presentation_class="title", presentation_style="pr1",
                size=("25.199cm", "2.629cm"), position=("1.4cm", "2.2cm"), layer="layout"))
            subs = [Paragraph(t) for tag, t in items if tag == "SUB"]
            page.append(Frame.text_frame(
                subs, presentation_class="subtitle", presentation_style="pr2",
                size=("25.199cm", "7.5cm"), position=("1.4cm", "5.6cm"), layer="layout"))
        else:
            page.append(Frame.text_frame(
                [Paragraph(s["title"])], presentation_class="title", presentation_style="pr1",
                size=("25.199cm", "2.629cm"), position=("1.4cm", "0.628cm"), layer="layout"))
            bullets = [t for tag, t in items if tag == "B"]
            left = [t for tag, t in items if tag == "L"]
            right = [t for tag, t in items if tag == "R"]
            plain = [t for tag, t in items if tag == "TXT"]
            table_rows = [fields(t) for tag, t in items if tag in ("TH", "TR")]
            if bullets:
                pstyle = "PBody20" if len(bullets) > 4 or sum(map(len, bullets)) > 320 else "PBody24"
                lst = List([Paragraph(b, style=pstyle) for b in bullets], style="presentation-outline1")
                page.append(Frame.text_frame(
                    [lst], presentation_class="outline", presentation_style="presentation-outline1",
                    size=("25.199cm", "14.5cm"), position=("1.4cm", "3.685cm"), layer="layout"))
            if left or right:
                for x, col in (("1.4cm", left), ("14.2cm", right)):
                    lst = List([Paragraph(b, style="PBody24") for b in col], style="presentation-outline1")
                    page.append(Frame.text_frame(
                        [lst], presentation_class="outline", presentation_style="presentation-outline1",
                        size=("12.4cm", "14.5cm"), position=(x, "3.685cm"), layer="layout"))
            if plain:
                page.append(Frame.text_frame(
                    [Paragraph(t, style="PBody24") for t in plain], presentation_class="subtitle",
                    presentation_style="pr2", size=("25.199cm", "6cm"), position=("1.4cm", "5cm"),
                    layer="layout"))
            if table_rows:
                # Impress keeps a table directly inside a draw:frame (no text-box).
                table = Table("AgreedActions", width=len(table_rows[0]), height=len(table_rows))
                table.set_values(table_rows)
                table.set_attribute("table:template-name", "default")
                table.set_attribute("table:use-first-row-styles", "true")
                table.set_attribute("table:use-banding-rows-styles", "true")
                frame = Frame(name="Table 1", size=("25.199cm", "9cm"), position=("1.4cm", "3.685cm"))
                frame.append(table)
                page.append(frame)
        note = next((t for tag, t in items if tag == "NOTE"), None)
        if note:
            page.append(notes_for(n, note))
        for fr in page.get_elements("descendant::draw:frame"):
            fr.del_attribute("text:anchor-type")
        body.append(page)

    meta = doc.meta
    meta.set_title(next(t for tag, t in src if tag == "META_TITLE"))
    meta.set_language("en-GB")
    meta.set_creation_date(datetime(2017, 10, 20, 16, 42, 5))
    meta.set_initial_creator("Strategic Policy and Planning")
    buf = io.BytesIO()
    doc.save(buf)
    # Rewrite the zip with fixed timestamps so that the output is reproducible.
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "meta.xml":
                data = re.sub(rb"<meta:generator>[^<]*</meta:generator>",
                              b"<meta:generator>LibreOffice/5.3.6.1$Windows_X86_64 LibreOffice_project/686f202eff87ef707079aeb7f485847613344eb7</meta:generator>",
                              data)
                data = re.sub(rb'meta:date="[^"]*"', b'meta:date="2017-10-20T16:40:00"', data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2017, 10, 23, 8, 55, 0))
            zi.external_attr = info.external_attr
            zi.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    return out.getvalue()


# --------------------------------------------------------------------------------------
# 5. Ryedale Overview and Scrutiny Committee public reports pack (PDF)
# --------------------------------------------------------------------------------------
def build_ryedale(pages: dict[str, str]) -> tuple[bytes, dict[str, tuple[int, int]]]:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    src = read_source("05_ryedale_oss_reports_pack.txt")

    class Pack(FPDF):
        section_label = ""

        def header(self):
            if self.page_no() == 1:
                return
            self.set_font("Helvetica", "B", 10)
            self.set_xy(140, 8)
            self.cell(50, 6, self.section_label, border=1, align="C")
            self.set_y(22)

        def footer(self):
            if self.page_no() == 1:
                return
            self.set_y(-14)
            self.set_font("Helvetica", "", 9)
            self.cell(0, 6, f"Page {self.page_no() - 1}", align="C")

    pdf = Pack(format="A4")
    pdf.set_creation_date(datetime(2011, 11, 9, 11, 20, 0, tzinfo=timezone.utc))
    pdf.set_title("Overview and Scrutiny Committee 17 November 2011 - Public reports pack")
    pdf.set_author("Ryedale District Council")
    pdf.set_creator("Modern.Gov")
    pdf.set_producer("Modern.Gov PDF pack builder")
    pdf.set_margins(20, 22, 20)
    pdf.set_auto_page_break(True, margin=20)
    lh = 5.0
    spans: dict[str, list[int]] = {}
    current = None

    def ensure(height):
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()

    def text_at(x, w, text, style="", size=10.5):
        pdf.set_font("Helvetica", style, size)
        pdf.set_left_margin(x)
        pdf.set_x(x)
        pdf.multi_cell(w, lh, text, align="L")
        pdf.set_left_margin(20)

    table_rows: list[list[str]] = []

    def flush_table():
        nonlocal table_rows
        if not table_rows:
            return
        ncol = len(table_rows[0])
        widths = (30, 62, 38, 40) if ncol == 4 and table_rows[0][0] == "Option" else None
        if ncol == 4 and table_rows[0][0] == "Statement":
            widths = (110, 20, 20, 20)
        pdf.set_font("Helvetica", "", 9.5)
        ensure(8 * len(table_rows))
        with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.8,
                       headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230))) as t:
            for r in table_rows:
                row = t.row()
                for c in r:
                    row.cell(c)
        pdf.ln(3)
        table_rows = []

    pdf.add_page()
    for tag, text in src:
        if tag not in ("TH", "TR"):
            flush_table()
        if tag == "FRONT":
            pass
        elif tag == "SECTION":
            key, label = fields(text)
            pdf.section_label = label
            pdf.add_page()
            current = key
        elif tag == "NEWPAGE":
            pdf.add_page()
        elif tag == "CENTRE":
            ensure(lh * 2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(170, 6, text, align="C")
            pdf.ln(1.5)
        elif tag == "SMALL":
            pdf.set_font("Helvetica", "", 9)
            pdf.multi_cell(170, 4.5, text.replace(" | ", "    "), align="C")
        elif tag == "SPACE":
            pdf.ln(5)
        elif tag == "H":
            pdf.ln(1.5)
            ensure(lh * 3)
            text_at(20, 170, text, "B")
            pdf.ln(1)
        elif tag == "P":
            ensure(lh * 2)
            text_at(20, 170, text)
            pdf.ln(1.5)
        elif tag == "MIN":
            num, title = fields(text)
            pdf.ln(1.5)
            ensure(lh * 3)
            y = pdf.get_y()
            pdf.set_font("Helvetica", "B", 10.5)
            pdf.set_xy(20, y)
            pdf.cell(12, lh, num)
            text_at(32, 158, title, "B")
            pdf.ln(1)
        elif tag == "AG":
            num, title, desc = (f.strip() for f in (text + " | ").split("|")[:3])
            for k, (a, b) in pages.items():
                desc = desc.replace("{pages:" + k + "}", f"(Pages {a} - {b})" if a != b else f"(Page {a})")
            ensure(lh * 3)
            y = pdf.get_y()
            pdf.set_font("Helvetica", "B", 10.5)
            pdf.set_xy(20, y)
            pdf.cell(12, lh, num)
            text_at(32, 158, title, "B")
            if desc:
                text_at(32, 158, desc)
            pdf.ln(2)
        elif tag == "NUM":
            num, body = fields(text)
            ensure(lh * 2)
            y = pdf.get_y()
            pdf.set_font("Helvetica", "", 10.5)
            pdf.set_xy(20, y)
            pdf.cell(12, lh, num)
            text_at(32, 158, body)
            pdf.ln(2)
        elif tag == "SUB":
            label, body = fields(text)
            ensure(lh * 2)
            y = pdf.get_y()
            pdf.set_font("Helvetica", "", 10.5)
            if label:
                pdf.set_xy(32, y)
                pdf.cell(10, lh, label)
            text_at(42, 148, body)
            pdf.ln(1.5)
        elif tag == "KV":
            k, v = fields(text)
            ensure(lh)
            y = pdf.get_y()
            pdf.set_font("Helvetica", "B", 10.5)
            pdf.set_xy(20, y)
            pdf.cell(62, lh, k)
            text_at(82, 108, v, "B" if k.isupper() else "")
            pdf.ln(0.5)
        elif tag in ("TH", "TR"):
            table_rows.append(fields(text))
        else:
            raise ValueError(tag)
        if current and tag != "SECTION":
            spans.setdefault(current, [pdf.page_no() - 1, pdf.page_no() - 1])
            spans[current][1] = pdf.page_no() - 1
        if tag == "SECTION":
            spans.setdefault(current, [pdf.page_no() - 1, pdf.page_no() - 1])
    flush_table()
    return bytes(pdf.output()), {k: (a, b) for k, (a, b) in spans.items()}


def make_ryedale() -> bytes:
    dummy = {"minutes": (0, 0), "rsp": (0, 0), "parking": (0, 0)}
    _, spans = build_ryedale(dummy)
    data, spans2 = build_ryedale(spans)
    assert spans == spans2, (spans, spans2)
    return data


def main() -> None:
    RAW.mkdir(exist_ok=True)
    makers = {"bury": make_bury, "causeway": make_causeway, "dudley": make_dudley,
              "angus": make_angus, "ryedale": make_ryedale}
    for key, fn in makers.items():
        data = fn()
        (RAW / FILES[key]).write_bytes(data)
        print(f"wrote raw/{FILES[key]} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
