"""Regenerate the four held-out evaluation documents in raw/ from the text sources in sources/.

Run with the workbook's interpreter:
    /work/main/.venv/bin/python make_documents.py

Output is deterministic (fixed PDF creation date, fixed DOCX core properties and zip timestamps),
so running it twice gives byte-identical files.

Source mark-up (one line = one block):
  PDF:  @header/@footer page furniture; '# ' title; '## ' heading; ': a | b' metadata row;
        '!R1|text' numbered recommendation; '_text' italic rationale; '>text' indented paragraph;
        '- text' bullet; '|a|b|c' table row (first row = header); '=text' table caption;
        '[footnote] text' footnote for the current page; '[page]' page break; other lines = paragraphs.
  HTML: '@title/@intro/@published'; '== title' starts a decision block; ':: label | value' field;
        '## text' sub-heading inside a block; other lines = paragraphs.
  DOCX: '@header'; '# ' bold centred; '#- ' centred; '## ' item heading; '### ' bold sub-heading;
        '>text' indented decision part; '|a|b' table row; other lines = paragraphs.
  TXT:  copied verbatim.
"""
import datetime
import html
import io
import pathlib
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"


def read_lines(name):
    return (SRC / name).read_text(encoding="utf-8").splitlines()


# --------------------------------------------------------------------------------------------- PDF
def make_pdf(src_name, out_name):
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    lines = read_lines(src_name)
    header_text = next(l[len("@header "):] for l in lines if l.startswith("@header "))
    footer_text = next(l[len("@footer "):] for l in lines if l.startswith("@footer "))

    class Doc(FPDF):
        def header(self):
            self.set_font("Helvetica", "", 7.5)
            self.set_text_color(110, 110, 110)
            self.set_xy(20, 9)
            self.cell(170, 4, header_text, align="R")
            self.set_draw_color(160, 160, 160)
            self.line(20, 14, 190, 14)
            self.set_text_color(0, 0, 0)
            self.set_y(19)

        def footer(self):
            self.set_y(-13)
            self.set_draw_color(160, 160, 160)
            self.line(20, self.get_y() - 1.5, 190, self.get_y() - 1.5)
            self.set_font("Helvetica", "", 7.5)
            self.set_text_color(110, 110, 110)
            self.set_x(20)
            self.cell(120, 4, footer_text)
            self.cell(50, 4, f"Page {self.page_no()} of {{nb}}", align="R")
            self.set_text_color(0, 0, 0)

    pdf = Doc(format="A4", unit="mm")
    pdf.set_creation_date(datetime.datetime(2024, 3, 6, 9, 0, 0, tzinfo=datetime.timezone.utc))
    pdf.set_author("Pembrokeshire Public Services Board")
    pdf.set_title("Review of Partnership Structures: Findings and Recommendations")
    pdf.set_margins(20, 19, 20)
    pdf.set_auto_page_break(False)
    pdf.alias_nb_pages("{nb}")
    pdf.add_page()

    BODY = 9.5
    LH = 4.6
    BOTTOM_LIMIT = 297 - 20  # leave room for footnotes/footer; checked after each block
    footnotes = []
    table_rows = []

    def check_room():
        if pdf.get_y() > BOTTOM_LIMIT - 4.5 * len(footnotes):
            raise RuntimeError(f"page {pdf.page_no()} overflows at y={pdf.get_y():.1f}")

    def flush_table():
        if not table_rows:
            return
        pdf.set_font("Helvetica", "", 8.5)
        with pdf.table(col_widths=(62, 68, 40), line_height=4.4, text_align="LEFT",
                       headings_style=FontFace(emphasis="BOLD", fill_color=(225, 232, 240)),
                       borders_layout="ALL", width=170, align="LEFT") as t:
            for r in table_rows:
                row = t.row()
                for c in r:
                    row.cell(c)
        table_rows.clear()
        pdf.ln(1.5)

    def flush_footnotes():
        if not footnotes:
            return
        y = 297 - 18 - 4.0 * len(footnotes) - 2
        pdf.set_draw_color(0, 0, 0)
        pdf.line(20, y, 70, y)
        pdf.set_xy(20, y + 1)
        pdf.set_font("Helvetica", "", 7.5)
        for f in footnotes:
            pdf.set_x(20)
            pdf.cell(170, 4.0, f, new_x="LMARGIN", new_y="NEXT")
        footnotes.clear()

    for raw in lines:
        line = raw.rstrip()
        if line.startswith("@"):
            continue
        if not line.startswith("|"):
            flush_table()
        if not line:
            pdf.ln(1.2)
            continue
        if line == "[page]":
            flush_footnotes()
            pdf.add_page()
            continue
        if line.startswith("[footnote] "):
            footnotes.append(line[len("[footnote] "):])
            continue
        if line.startswith("# "):
            pdf.set_font("Helvetica", "B", 17)
            pdf.multi_cell(170, 8, line[2:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("## "):
            pdf.ln(1.5)
            pdf.set_font("Helvetica", "B", 11.5)
            pdf.set_text_color(0, 70, 110)
            pdf.multi_cell(170, 6, line[3:], new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.ln(0.8)
        elif line.startswith(": "):
            label, value = [p.strip() for p in line[2:].split("|", 1)]
            pdf.set_font("Helvetica", "B", BODY)
            pdf.cell(38, LH + 0.6, label, border="B")
            pdf.set_font("Helvetica", "", BODY)
            pdf.multi_cell(132, LH + 0.6, value, border="B", new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("!"):
            num, text = line[1:].split("|", 1)
            pdf.ln(1.0)
            pdf.set_font("Helvetica", "B", BODY)
            pdf.cell(12, LH, num)
            pdf.multi_cell(158, LH, text, new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("_"):
            pdf.set_font("Helvetica", "I", BODY - 0.5)
            pdf.set_x(32)
            pdf.multi_cell(158, LH - 0.2, line[1:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith(">"):
            pdf.set_font("Helvetica", "", BODY)
            pdf.set_x(30)
            pdf.multi_cell(160, LH, line[1:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.6)
        elif line.startswith("- "):
            pdf.set_font("Helvetica", "", BODY)
            pdf.set_x(24)
            pdf.cell(5, LH, "-")
            pdf.multi_cell(161, LH, line[2:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("|"):
            table_rows.append(line[1:].split("|"))
        elif line.startswith("="):
            pdf.set_font("Helvetica", "I", 8)
            pdf.multi_cell(170, 4, line[1:], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", BODY)
            head, _, rest = line.partition(" ")
            if head.replace(".", "").isdigit() and "." in head:
                pdf.cell(10, LH, head)
                pdf.multi_cell(160, LH, rest, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.multi_cell(170, LH, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
        check_room()
    flush_table()
    flush_footnotes()
    pdf.output(str(RAW / out_name))


# -------------------------------------------------------------------------------------------- HTML
HTML_HEAD = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Cabinet 16 May 2024 | Worcestershire County Council</title>
<link rel="stylesheet" href="/themes/wcc/css/main.min.css?v=4.2.1">
<style>
  .decision-record {{ border-top: 4px solid #2b5d33; margin: 2em 0; padding-top: .5em; }}
  .decision-record dl {{ display: grid; grid-template-columns: 12em 1fr; }}
  .cookie-banner {{ background: #f3f2f1; padding: 1em; }}
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function wccConsent(choice) {{ document.cookie = "wcc_consent=" + choice + "; path=/; max-age=31536000"; }}
</script>
</head>
<body>
<div class="cookie-banner" role="region" aria-label="Cookies on worcestershire.gov.uk">
  <h2>Cookies on our website</h2>
  <p>We use some essential cookies to make this website work.</p>
  <p>We would also like to set analytics cookies to understand how you use the site, so that we can improve our services.</p>
  <button type="button" onclick="wccConsent('all')">Accept analytics cookies</button>
  <button type="button" onclick="wccConsent('essential')">Reject analytics cookies</button>
  <a href="/cookies">View cookies</a>
</div>
<a class="skip-link" href="#main-content">Skip to main content</a>
<header class="site-header">
  <a href="/" class="logo"><img src="/themes/wcc/img/logo.svg" alt="Worcestershire County Council home page"></a>
  <form class="site-search" action="/search" method="get" role="search">
    <label for="search-input">Search this site</label>
    <input id="search-input" type="search" name="q" placeholder="Search">
    <button type="submit">Search</button>
  </form>
  <nav class="primary-nav" aria-label="Main menu">
    <ul>
      <li><a href="/council-services">Council services</a></li>
      <li><a href="/council-and-democracy">Council and democracy</a></li>
      <li><a href="/news">News</a></li>
      <li><a href="/contact-us">Contact us</a></li>
    </ul>
  </nav>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb">
  <ol>
    <li><a href="/">Home</a></li>
    <li><a href="/council-and-democracy">Council and democracy</a></li>
    <li><a href="/council-and-democracy/committees-and-meetings">Committees and meetings</a></li>
    <li><a href="/council-and-democracy/decisions">Decisions</a></li>
    <li aria-current="page">Record of executive decisions</li>
  </ol>
</nav>
<main id="main-content">
<h1>{title}</h1>
<p class="lead">{intro}</p>
<p class="published">Published: {published}</p>
"""

HTML_FOOT = """<section class="feedback">
  <h2>Was this page useful?</h2>
  <a href="/feedback?useful=yes">Yes</a> <a href="/feedback?useful=no">No</a>
</section>
</main>
<footer class="site-footer">
  <ul>
    <li><a href="/accessibility">Accessibility statement</a></li>
    <li><a href="/cookies">Cookies</a></li>
    <li><a href="/privacy">Privacy notice</a></li>
    <li><a href="/terms">Terms and conditions</a></li>
  </ul>
  <p>Worcestershire County Council, County Hall, Spetchley Road, Worcester, WR5 2NP</p>
  <p>&copy; Worcestershire County Council 2024</p>
</footer>
</body>
</html>
"""


def make_html(src_name, out_name):
    lines = read_lines(src_name)
    meta = {}
    for l in lines:
        if l.startswith("@"):
            k, v = l[1:].split(" ", 1)
            meta[k] = html.escape(v, quote=False)
    out = [HTML_HEAD.format(**meta)]
    in_block = False
    in_dl = False
    n = 0

    def close_dl():
        nonlocal in_dl
        if in_dl:
            out.append("  </dl>\n")
            in_dl = False

    for l in lines:
        l = l.rstrip()
        if not l or l.startswith("@"):
            continue
        if l.startswith("== "):
            close_dl()
            if in_block:
                out.append("</article>\n")
            n += 1
            out.append(f'<article class="decision-record" id="decision-{n}">\n')
            out.append(f"  <h2>{html.escape(l[3:], quote=False)}</h2>\n")
            in_block = True
        elif l.startswith(":: "):
            label, value = [p.strip() for p in l[3:].split("|", 1)]
            if not in_dl:
                out.append('  <dl class="decision-meta">\n')
                in_dl = True
            out.append(f"    <dt>{html.escape(label, quote=False)}</dt>\n"
                       f"    <dd>{html.escape(value, quote=False)}</dd>\n")
        elif l.startswith("## "):
            close_dl()
            out.append(f"  <h3>{html.escape(l[3:], quote=False)}</h3>\n")
        else:
            close_dl()
            out.append(f"  <p>{html.escape(l, quote=False)}</p>\n")
    close_dl()
    if in_block:
        out.append("</article>\n")
    out.append(HTML_FOOT)
    (RAW / out_name).write_text("".join(out), encoding="utf-8", newline="\n")


# -------------------------------------------------------------------------------------------- DOCX
FIXED = datetime.datetime(2024, 6, 11, 10, 0, 0)


def _add_page_field(paragraph):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def make_docx(src_name, out_name):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    lines = read_lines(src_name)
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2.3)
    header_text = next(l[len("@header "):] for l in lines if l.startswith("@header "))
    hp = sec.header.paragraphs[0]
    hp.text = header_text
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Page ")
    _add_page_field(fp)

    table_rows = []

    def flush_table():
        if not table_rows:
            return
        t = d.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for a, b in table_rows:
            cells = t.add_row().cells
            cells[0].text = a
            cells[1].text = b
            cells[0].width = Cm(4.5)
            cells[1].width = Cm(11.5)
        table_rows.clear()
        d.add_paragraph()

    for l in lines:
        l = l.rstrip()
        if l.startswith("@") or not l:
            continue
        if not l.startswith("|"):
            flush_table()
        if l.startswith("#- "):
            p = d.add_paragraph(l[3:])
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif l.startswith("# "):
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(l[2:])
            r.bold = True
            r.font.size = Pt(13)
        elif l.startswith("## "):
            p = d.add_paragraph()
            p.paragraph_format.space_before = Pt(10)
            p.paragraph_format.keep_with_next = True
            r = p.add_run(l[3:])
            r.bold = True
        elif l.startswith("### "):
            p = d.add_paragraph()
            r = p.add_run(l[4:])
            r.bold = True
            r.italic = True
        elif l.startswith(">"):
            p = d.add_paragraph(l[1:])
            p.paragraph_format.left_indent = Cm(1.5)
            p.paragraph_format.first_line_indent = Cm(-1.0)
        elif l.startswith("|"):
            parts = l[1:].split("|")
            table_rows.append((parts[0], parts[1] if len(parts) > 1 else ""))
        else:
            p = d.add_paragraph(l)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    flush_table()

    cp = d.core_properties
    cp.author = "Committee Services, Moray Council"
    cp.last_modified_by = "Committee Services"
    cp.title = "Minute - Policy and Resources Committee - 4 June 2024"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 3

    buf = io.BytesIO()
    d.save(buf)
    # Re-pack the zip with fixed timestamps so that the output is byte-for-byte reproducible.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 6, 11, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    (RAW / out_name).write_bytes(out.getvalue())


# --------------------------------------------------------------------------------------------- TXT
def make_txt(src_name, out_name):
    (RAW / out_name).write_bytes((SRC / src_name).read_bytes())


if __name__ == "__main__":
    RAW.mkdir(exist_ok=True)
    make_pdf("pembrokeshire_psb_structures_review_2024.txt", "pembrokeshire_psb_structures_review_2024.pdf")
    make_html("worcestershire_executive_decisions_2024-05.txt", "worcestershire_executive_decisions_2024-05.html")
    make_docx("moray_policy_resources_minute_2024-06-04.txt", "moray_policy_resources_minute_2024-06-04.docx")
    make_txt("boston_south_holland_csp_merger_news_2024.txt", "boston_south_holland_csp_merger_news_2024.txt")
    for f in sorted(RAW.iterdir()):
        print(f.name, f.stat().st_size)
