"""Generate the four held-out evaluation documents in raw/ from the text sources in sources/.

Run with /work/main/.venv/bin/python make_documents.py . Output is deterministic (fixed dates,
MIME boundaries, zip timestamps and PDF creation date), so the files regenerate byte-for-byte.
"""
import io
import zipfile
from datetime import datetime, timezone
from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.base import MIMEBase
from email import charset as email_charset
from email import policy
from pathlib import Path
import html as htmlmod

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
RAW.mkdir(exist_ok=True)

FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite an OOXML zip with fixed timestamps so output is reproducible."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- 1. EML + PDF minute (Moray CPP)
def make_moray_pdf() -> bytes:
    from fpdf import FPDF

    class MinutePDF(FPDF):
        def header(self):
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 5, "Moray Community Planning Partnership - Community Planning Board - 4 March 2024",
                      new_x="LMARGIN", new_y="NEXT", align="L")
            self.ln(2)

        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}  |  DRAFT - subject to approval by the Board",
                      align="C")

    pdf = MinutePDF(format="A4")
    pdf.set_creation_date(datetime(2024, 3, 8, 9, 30, tzinfo=timezone.utc))
    pdf.set_title("Minute of the Community Planning Board, 4 March 2024")
    pdf.set_author("Moray Council Democratic Services")
    pdf.set_margins(18, 14, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.alias_nb_pages()
    pdf.add_page()
    lh = 4.3
    for raw_line in (SRC / "moray_minute.txt").read_text(encoding="utf-8").splitlines():
        line = raw_line.rstrip()
        if not line:
            pdf.ln(1.5)
            continue
        if line.startswith("#TITLE "):
            pdf.set_font("Helvetica", "B", 12)
            pdf.cell(0, 6, line[7:], new_x="LMARGIN", new_y="NEXT", align="C")
        elif line.startswith("#CENTRE "):
            pdf.set_font("Helvetica", "", 9.5)
            pdf.cell(0, 5, line[8:], new_x="LMARGIN", new_y="NEXT", align="C")
        elif line.startswith("#H "):
            pdf.set_font("Helvetica", "B", 9.5)
            pdf.ln(0.5)
            pdf.cell(0, 5, line[3:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("#L "):
            pdf.set_font("Helvetica", "", 9.5)
            pdf.set_x(24)
            pdf.multi_cell(0, lh, line[3:], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 9.5)
            pdf.multi_cell(0, lh, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
    return bytes(pdf.output())


def plain_to_html(plain: str) -> str:
    """Same words as the plain body, marked up as a mail client would."""
    blocks = plain.split("\n\n")
    parts = []
    for b in blocks:
        lines = b.split("\n")
        if all(l.startswith("* ") for l in lines):
            parts.append("<ul>" + "".join(f"<li>{htmlmod.escape(l[2:])}</li>" for l in lines) + "</ul>")
        elif all(l[:2] in ("1.", "2.", "3.") for l in lines):
            parts.append("<ol>" + "".join(f"<li>{htmlmod.escape(l[3:])}</li>" for l in lines) + "</ol>")
        elif b == "What I need from you":
            parts.append(f"<p><b>{htmlmod.escape(b)}</b></p>")
        else:
            parts.append("<p>" + "<br>".join(htmlmod.escape(l) for l in lines) + "</p>")
    return ("<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif;font-size:11pt\">"
            + "\n".join(parts) + "</body></html>\n")


def make_moray_eml():
    plain = (SRC / "moray_email_body.txt").read_text(encoding="utf-8")
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = "Fiona Grant <fiona.grant@moray.gov.uk>"
    msg["To"] = "Moray CPP Board members <cpp-board@moray.gov.uk>"
    msg["Cc"] = "Euan Ross <euan.ross@moray.gov.uk>"
    msg["Subject"] = "CPP Board 4 March - structure review outcomes and request for nominations"
    msg["Date"] = "Fri, 08 Mar 2024 11:47:03 +0000"
    msg["Message-ID"] = "<20240308114703.5521.cpp-board@moray.gov.uk>"
    msg["X-Mailer"] = "Microsoft Outlook 16.0"
    msg.set_content(plain)
    msg.add_alternative(plain_to_html(plain), subtype="html")
    msg.add_attachment(make_moray_pdf(), maintype="application", subtype="pdf",
                       filename="Draft minute CP Board 04.03.2024.pdf")
    n = 0
    for part in msg.walk():
        if part.is_multipart():
            n += 1
            part.set_boundary(f"----=_NextPart_000_00{n}_01DA714B.8C2E4F30")
    (RAW / "moray_cpp_board_structure_review_email_2024-03.eml").write_bytes(msg.as_bytes())


# ---------------------------------------------------------------- 2. MHTML news page (Worcestershire)
def make_worcs_mhtml():
    page_url = ("https://www.worcscourier.co.uk/news/local-news/"
                "three-crime-partnerships-to-be-rolled-into-one-county-wide-board-8841207")
    html_text = (SRC / "worcs_article.html").read_text(encoding="utf-8")
    outer = MIMEMultipart("related", type="text/html", boundary="----MultipartBoundary--Qx7kR2vT9mLwE4sZ0aB3nC6dF8gH1jK5pY----")
    # Browser-style headers (Chrome writes these before MIME-Version)
    del outer["MIME-Version"]
    del outer["Content-Type"]
    outer["From"] = "<Saved by Blink>"
    outer["Snapshot-Content-Location"] = page_url
    outer["Subject"] = "Three crime partnerships to be rolled into one county-wide board | Worcestershire Courier"
    outer["Date"] = "Fri, 15 Nov 2024 10:21:45 -0000"
    outer["MIME-Version"] = "1.0"
    outer["Content-Type"] = ('multipart/related;\n\ttype="text/html";\n\t'
                             'boundary="----MultipartBoundary--Qx7kR2vT9mLwE4sZ0aB3nC6dF8gH1jK5pY----"')
    cs = email_charset.Charset("utf-8")
    cs.body_encoding = email_charset.QP
    html_part = MIMEText(html_text, "html", cs)
    del html_part["MIME-Version"]
    html_part["Content-ID"] = "<frame-4A1C2E9B7D3F5A8C0E6B2D4F1A3C5E7B@mhtml.blink>"
    html_part["Content-Location"] = page_url
    outer.attach(html_part)
    css = (".masthead{background:#7a1f2b;color:#fff}.consent{position:fixed;bottom:0;background:#222;color:#eee}"
           ".factbox{border-left:4px solid #7a1f2b;padding:8px;background:#f6f1ec}"
           ".ad-slot{text-align:center;font-size:12px;color:#666}.breadcrumbs li{display:inline}\n")
    css_part = MIMEText(css, "css", cs)
    del css_part["MIME-Version"]
    css_part["Content-Location"] = "https://www.worcscourier.co.uk/static/css/site.min.css"
    outer.attach(css_part)
    # tiny 1x1 GIF standing in for the logo
    gif = bytes.fromhex("47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b")
    img = MIMEBase("image", "gif")
    img.set_payload(gif)
    from email import encoders
    encoders.encode_base64(img)
    del img["MIME-Version"]
    img["Content-Location"] = "https://www.worcscourier.co.uk/static/img/logo.png"
    outer.attach(img)
    data = outer.as_bytes(policy=policy.compat32.clone(linesep="\r\n", max_line_length=0))
    (RAW / "worcestershire_csp_merger_news_2024-11.mhtml").write_bytes(data)


# ---------------------------------------------------------------- 3. DOCX saved as mgConvert2PDF.aspx (Hounslow)
def make_hounslow_docx():
    import docx
    from docx.shared import Pt
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    cp = d.core_properties
    cp.author = "Daniel Okafor"
    cp.last_modified_by = "Democratic Services"
    cp.title = "Health and Wellbeing Board - governance review"
    cp.created = datetime(2024, 7, 2, 10, 0, 0)
    cp.modified = datetime(2024, 7, 5, 15, 12, 0)
    cp.last_printed = datetime(2024, 7, 5, 15, 12, 0)
    cp.revision = 7
    lines = (SRC / "hounslow_cabinet_report.txt").read_text(encoding="utf-8").splitlines()
    sec = d.sections[0]
    table_rows = None
    table_kind = None
    title_done = False
    for line in lines:
        if not line.strip():
            continue
        if line.startswith("@HEADER "):
            sec.header.paragraphs[0].text = line[8:]
            continue
        if line.startswith("@FOOTER "):
            fp = sec.footer.paragraphs[0]
            fp.text = line[8:]
            fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        if line in ("@TABLE", "@TABLE2"):
            table_rows, table_kind = [], line
            continue
        if line == "@ENDTABLE":
            ncol = len(table_rows[0])
            t = d.add_table(rows=0, cols=ncol)
            t.style = "Table Grid"
            for i, r in enumerate(table_rows):
                cells = t.add_row().cells
                for j, v in enumerate(r):
                    cells[j].text = v
                    if (table_kind == "@TABLE" and i == 0) or (table_kind == "@TABLE2" and j == 0):
                        for run in cells[j].paragraphs[0].runs:
                            run.bold = True
            table_rows = None
            if not title_done:
                d.add_paragraph("")
                title_done = True
            continue
        if table_rows is not None:
            table_rows.append([c.strip() for c in line.split("|")])
            continue
        if line.startswith("## "):
            d.add_heading(line[3:], level=2)
        elif line.startswith("# "):
            d.add_heading(line[2:], level=1)
        elif line.startswith("@T "):
            d.add_paragraph(line[3:], style="Title")
        elif line.startswith("@SUBT "):
            d.add_paragraph(line[6:], style="Subtitle")
        elif line.startswith("@NUM "):
            d.add_paragraph(line[5:], style="List Number")
        elif line.startswith("@BUL "):
            d.add_paragraph(line[5:], style="List Bullet")
        else:
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    (RAW / "mgConvert2PDF.aspx").write_bytes(normalise_zip(buf.getvalue()))


# ---------------------------------------------------------------- 4. PPTX (Causeway Coast and Glens PCSP)
def make_ccg_pptx():
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width = Inches(13.333)
    prs.slide_height = Inches(7.5)
    cp = prs.core_properties
    cp.author = "PCSP Manager"
    cp.title = "PCSP Structure Review - workshop outcomes"
    cp.created = datetime(2024, 9, 5, 9, 0, 0)
    cp.modified = datetime(2024, 9, 30, 16, 40, 0)
    cp.last_modified_by = "PCSP Manager"
    cp.revision = 4
    text = (SRC / "ccg_pcsp_slides.txt").read_text(encoding="utf-8")
    slides = [s for s in text.split("=== ") if s.strip()]
    for s in slides:
        lines = s.rstrip("\n").split("\n")
        kind, title = [x.strip() for x in lines[0].split("|", 1)]
        body = lines[1:]
        notes = [l[6:] for l in body if l.startswith("NOTES ")]
        body = [l for l in body if not l.startswith("NOTES ")]
        if kind == "TITLE":
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            slide.shapes.title.text = title
            sub = slide.placeholders[1].text_frame
            subs = [l[4:] for l in body if l.startswith("SUB ")]
            sub.text = subs[0]
            for extra in subs[1:]:
                p = sub.add_paragraph()
                p.text = extra
                p.font.size = Pt(16)
        elif kind == "BULLETS":
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            slide.shapes.title.text = title
            ph = slide.placeholders[1]
            ph.left, ph.top, ph.width, ph.height = Inches(0.6), Inches(1.5), Inches(12.1), Inches(5.6)
            tf = ph.text_frame
            first = True
            for l in body:
                level = 1 if l.startswith("  - ") else 0
                content = l.strip()[2:]
                p = tf.paragraphs[0] if first else tf.add_paragraph()
                first = False
                p.text = content
                p.level = level
                p.font.size = Pt(20 if level == 0 else 16)
        elif kind == "TABLE":
            slide = prs.slides.add_slide(prs.slide_layouts[5])
            slide.shapes.title.text = title
            rows = [[c.strip() for c in l.strip().lstrip("|").split("|")] for l in body if l.startswith("|")]
            shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(0.5), Inches(1.5),
                                           Inches(12.3), Inches(5.2))
            tbl = shape.table
            tbl.columns[0].width = Inches(3.2)
            tbl.columns[1].width = Inches(6.1)
            tbl.columns[2].width = Inches(3.0)
            for i, r in enumerate(rows):
                for j, v in enumerate(r):
                    cell = tbl.cell(i, j)
                    cell.text = v
                    for p in cell.text_frame.paragraphs:
                        p.font.size = Pt(14)
                        p.font.bold = (i == 0)
        if notes:
            slide.notes_slide.notes_text_frame.text = "\n".join(notes)
        # footer text box on every content slide
        if kind != "TITLE":
            tb = slide.shapes.add_textbox(Inches(0.5), Inches(7.0), Inches(12.3), Inches(0.4))
            tb.text_frame.text = "Causeway Coast and Glens PCSP | Structure Review | October 2024"
            tb.text_frame.paragraphs[0].font.size = Pt(10)
    buf = io.BytesIO()
    prs.save(buf)
    (RAW / "causeway_pcsp_structure_review_workshop_2024-09.pptx").write_bytes(normalise_zip(buf.getvalue()))


if __name__ == "__main__":
    make_moray_eml()
    make_worcs_mhtml()
    make_hounslow_docx()
    make_ccg_pptx()
    for f in sorted(RAW.iterdir()):
        print(f.name, f.stat().st_size)
