"""Regenerate the five dev7 evaluation documents in raw/ from the text sources in sources/.

Run with /work/main/.venv/bin/python make_documents.py (from any directory).
All timestamps, MIME boundaries and zip entry dates are fixed, so the output is byte-for-byte repeatable.
"""
import datetime as dt
import html
import io
import quopri
import re
import zipfile
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import docx
from docx.shared import Pt, Cm
from fpdf import FPDF, FontFace
from pptx import Presentation
from pptx.util import Inches, Pt as PPt

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
RAW.mkdir(exist_ok=True)

FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def normalise_zip(blob: bytes, when=FIXED_ZIP_TIME) -> bytes:
    """Rewrite an OOXML zip with fixed entry timestamps (python-docx/pptx stamp the current time)."""
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- 1. EML + DOCX
def build_docx_summary() -> bytes:
    lines = (SRC / "darlington_governance_review_summary.txt").read_text(encoding="utf-8").splitlines()
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    table_rows = []

    def flush_table():
        if not table_rows:
            return
        t = d.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        t.style = "Table Grid"
        for r, row in enumerate(table_rows):
            for c, val in enumerate(row):
                t.cell(r, c).text = val
                if r == 0:
                    for run in t.cell(r, c).paragraphs[0].runs:
                        run.bold = True
        table_rows.clear()

    for line in lines:
        if line.startswith("| "):
            table_rows.append([c.strip() for c in line[2:].split("|")])
            continue
        flush_table()
        if line.startswith("#T "):
            d.add_paragraph(line[3:], style="Title")
        elif line.startswith("#S "):
            d.add_paragraph(line[3:], style="Subtitle")
        elif line.startswith("# "):
            d.add_paragraph(line[2:], style="Heading 1")
        elif line.startswith("- "):
            d.add_paragraph(line[2:], style="List Bullet")
        elif re.match(r"^\d+\. ", line):
            p = d.add_paragraph(line)  # typed numbers, as many councils do
            p.paragraph_format.left_indent = Cm(0.75)
            p.paragraph_format.first_line_indent = Cm(-0.75)
        elif line.strip():
            d.add_paragraph(line)
    flush_table()
    cp = d.core_properties
    cp.author = "Rachel Moss"
    cp.last_modified_by = "Chloe Fenwick"
    cp.title = "Partnership governance review – summary of recommendations"
    cp.created = dt.datetime(2024, 5, 7, 9, 12, 0)
    cp.modified = dt.datetime(2024, 5, 14, 13, 40, 0)
    cp.revision = 4
    buf = io.BytesIO()
    d.save(buf)
    return normalise_zip(buf.getvalue(), (2024, 5, 14, 13, 40, 0))


def plain_to_html(plain: str) -> str:
    paras = plain.strip("\n").split("\n\n")
    out = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>',
           '<body style="font-family:Arial,sans-serif;font-size:11pt">']
    for p in paras:
        out.append("<p>" + "<br>\n".join(html.escape(l, quote=False) for l in p.split("\n")) + "</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def build_eml():
    plain = (SRC / "darlington_email_body.txt").read_text(encoding="utf-8")
    msg = EmailMessage()
    msg["From"] = "Chloe Fenwick <chloe.fenwick@darlington.gov.uk>"
    msg["To"] = "Safer Darlington Partnership Board <sdp-board@lists.darlington.gov.uk>"
    msg["Cc"] = "Rachel Moss <rachel.moss@darlington.gov.uk>"
    msg["Subject"] = "Safer Darlington Partnership Board 14 May 2024 – decisions and actions from today's meeting"
    msg["Date"] = "Tue, 14 May 2024 15:47:09 +0100"
    msg["Message-ID"] = "<20240514154709.SDP0414@darlington.gov.uk>"
    msg["X-Mailer"] = "Microsoft Outlook 16.0"
    msg.set_content(plain, cte="quoted-printable")
    msg.add_alternative(plain_to_html(plain), subtype="html", cte="quoted-printable")
    msg.add_attachment(build_docx_summary(),
                       maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename="SDP governance review - summary of recommendations.docx")
    msg.set_boundary("_004_SDP20240514decisions_")
    msg.get_payload()[0].set_boundary("_000_SDP20240514body_")
    (RAW / "darlington_safer_partnership_decisions_email_2024-05.eml").write_bytes(msg.as_bytes(policy=SMTP))


# ---------------------------------------------------------------- 2. MHTML
GIF_1PX = bytes.fromhex("47494638396101000100800000006b6bffffff21f90401000000002c00000000010001000002024401003b")


def qp(data: bytes) -> str:
    return quopri.encodestring(data, quotetabs=False).decode("ascii").replace("\n", "\r\n")


def build_mhtml():
    page = (SRC / "ceredigion_decision_details.html").read_text(encoding="utf-8")
    css = (SRC / "ceredigion_style.css").read_text(encoding="utf-8")
    url = "https://council.ceredigion.gov.uk/ieDecisionDetails.aspx?ID=1187"
    b = "----MultipartBoundary--Xq3hWb7Yk2LmP9sT4vZr8NcJ1fGd6AeU0oIiQy5Kx----"
    parts = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {url}",
        "Subject: =?utf-8?Q?Decision_details_-_Merger_of_the_Ceredigion_and_Powys_Public_Serv?=\r\n"
        " =?utf-8?Q?ices_Boards_and_joint_scrutiny_arrangements?=",
        "Date: Fri, 18 Oct 2024 10:22:41 +0100",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + b + "\"",
        "",
        "",
        "--" + b,
        "Content-Type: text/html; charset=utf-8",
        "Content-ID: <frame-5E1C7A0B2D8F4E6A9B3C1D0E7F2A4B6C@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {url}",
        "",
        qp(page.encode("utf-8")),
        "--" + b,
        "Content-Type: text/css; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://council.ceredigion.gov.uk/SiteSpecific/ssstyle.css",
        "",
        qp(css.encode("utf-8")),
        "--" + b,
        "Content-Type: image/gif",
        "Content-Transfer-Encoding: base64",
        "Content-Location: https://council.ceredigion.gov.uk/SiteSpecific/logo.gif",
        "",
        __import__("base64").b64encode(GIF_1PX).decode("ascii"),
        "",
        "--" + b + "--",
        "",
    ]
    (RAW / "ceredigion_psb_merger_decision_details_2024-10.mhtml").write_bytes("\r\n".join(parts).encode("ascii"))


# ---------------------------------------------------------------- 3. PPTX
def parse_slides(text):
    slides = []
    for block in text.split("=== ")[1:]:
        lines = block.rstrip("\n").split("\n")
        s = {"title": lines[0], "body": [], "notes": "", "table": []}
        for l in lines[1:]:
            if l.startswith("NOTES: "):
                s["notes"] = l[7:]
            elif l.startswith("| "):
                s["table"].append([c.strip() for c in l[2:].split("|")])
            elif l.startswith("  - "):
                s["body"].append((1, l[4:]))
            elif l.startswith("- "):
                s["body"].append((0, l[2:]))
            elif l.startswith("+ "):
                s["body"].append((0, l[2:]))
            elif l.strip():
                s["body"].append((0, l))
        slides.append(s)
    return slides


def build_pptx():
    slides = parse_slides((SRC / "derbyshire_hwb_slides.txt").read_text(encoding="utf-8"))
    prs = Presentation()
    prs.slide_width = Inches(13.333)
    prs.slide_height = Inches(7.5)
    W = prs.slide_width
    for i, s in enumerate(slides):
        if s["title"] == "TITLE":
            sl = prs.slides.add_slide(prs.slide_layouts[0])
            sl.shapes.title.text = s["body"][0][1]
            sl.shapes.title.left, sl.shapes.title.width = Inches(0.8), W - Inches(1.6)
            sub = sl.placeholders[1]
            sub.left, sub.width = Inches(0.8), W - Inches(1.6)
            tf = sub.text_frame
            tf.text = s["body"][1][1]
            for _, t in s["body"][2:]:
                tf.add_paragraph().text = t
        elif s["title"].startswith("TABLE "):
            sl = prs.slides.add_slide(prs.slide_layouts[5])
            sl.shapes.title.text = s["title"][6:]
            sl.shapes.title.left, sl.shapes.title.width = Inches(0.6), W - Inches(1.2)
            rows, cols = len(s["table"]), len(s["table"][0])
            gf = sl.shapes.add_table(rows, cols, Inches(0.6), Inches(1.7), W - Inches(1.2), Inches(0.5) * rows)
            tbl = gf.table
            for c, w in enumerate((3.4, 3.0, 5.733)):
                tbl.columns[c].width = Inches(w)
            for r, row in enumerate(s["table"]):
                for c, val in enumerate(row):
                    cell = tbl.cell(r, c)
                    cell.text = val
                    for p in cell.text_frame.paragraphs:
                        for run in p.runs:
                            run.font.size = PPt(14)
        else:
            sl = prs.slides.add_slide(prs.slide_layouts[1])
            sl.shapes.title.text = s["title"]
            sl.shapes.title.left, sl.shapes.title.width = Inches(0.6), W - Inches(1.2)
            body = sl.placeholders[1]
            body.left, body.width = Inches(0.6), W - Inches(1.2)
            tf = body.text_frame
            for j, (lvl, t) in enumerate(s["body"]):
                p = tf.paragraphs[0] if j == 0 else tf.add_paragraph()
                p.text = t
                p.level = lvl
                for run in p.runs:
                    run.font.size = PPt(22 if lvl == 0 else 18)
        # footer text box on every slide except the title slide
        if i > 0:
            tb = sl.shapes.add_textbox(Inches(0.6), Inches(6.95), W - Inches(1.2), Inches(0.4))
            tb.text_frame.text = f"Derbyshire Health and Wellbeing Board – development session, 6 March 2025   |   {i + 1}"
            for run in tb.text_frame.paragraphs[0].runs:
                run.font.size = PPt(11)
        if s["notes"]:
            sl.notes_slide.notes_text_frame.text = s["notes"]
    cp = prs.core_properties
    cp.author = "Ellie Marsh"
    cp.last_modified_by = "Public Health Policy Team"
    cp.title = "HWB review – development session"
    cp.created = dt.datetime(2025, 2, 20, 11, 0, 0)
    cp.modified = dt.datetime(2025, 3, 4, 16, 30, 0)
    cp.revision = 7
    buf = io.BytesIO()
    prs.save(buf)
    (RAW / "derbyshire_hwb_review_development_session_2025-03.pptx").write_bytes(
        normalise_zip(buf.getvalue(), (2025, 3, 4, 16, 30, 0)))


# ---------------------------------------------------------------- 4. PDF saved as ViewSelectedDocument.asp
FONT_DIR = "/usr/share/fonts/truetype/dejavu/"


class CmisPDF(FPDF):
    running_header = ""

    def header(self):
        self.set_font("DejaVu", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.running_header, align="R", new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def build_pdf():
    lines = (SRC / "rother_lsp_tfg_final_report.txt").read_text(encoding="utf-8").splitlines()
    pdf = CmisPDF(format="A4")
    pdf.set_creation_date(dt.datetime(2024, 9, 6, 14, 5, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("LSP Task and Finish Group – Final Report and Cabinet Response")
    pdf.set_author("Rother District Council")
    pdf.set_creator("CMIS")
    pdf.set_producer("CMIS Document Server")
    pdf.add_font("DejaVu", "", FONT_DIR + "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", FONT_DIR + "DejaVuSans-Bold.ttf")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, margin=20)
    table_rows = []
    epw = 210 - 36

    def flush_table():
        if not table_rows:
            return
        pdf.set_font("DejaVu", "", 9)
        with pdf.table(col_widths=(11, 92, 71), text_align="LEFT", line_height=4.6,
                       borders_layout="ALL", padding=1.5, first_row_as_headings=True,
                       headings_style=FontFace(emphasis="BOLD", fill_color=(225, 225, 225))) as t:
            for r, row in enumerate(table_rows):
                tr = t.row()
                for val in row:
                    tr.cell(val)
        table_rows.clear()
        pdf.ln(3)

    for line in lines:
        if line.startswith("@HEADER "):
            pdf.running_header = line[8:]
            pdf.add_page()
            continue
        if line.startswith("| "):
            table_rows.append([c.strip() for c in line[2:].split("|")])
            continue
        flush_table()
        if line.startswith("!"):
            pdf.set_font("DejaVu", "B", 10)
            pdf.cell(0, 6, line[1:], align="R", new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("#T "):
            pdf.set_font("DejaVu", "B", 14)
            pdf.multi_cell(epw, 7, line[3:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif line.startswith("# "):
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 11)
            pdf.multi_cell(epw, 6, line[2:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif line.startswith("- "):
            pdf.set_font("DejaVu", "", 10)
            pdf.set_x(pdf.l_margin + 3)
            pdf.cell(5, 5, "•")
            pdf.multi_cell(epw - 8, 5, line[2:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif line.strip():
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(epw, 5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    flush_table()
    (RAW / "ViewSelectedDocument.asp").write_bytes(bytes(pdf.output()))


# ---------------------------------------------------------------- 5. TXT
def build_txt():
    text = (SRC / "angus_cpp_foi_response.txt").read_text(encoding="utf-8")
    (RAW / "angus_cpp_foi_response_2024-03.txt").write_bytes(text.encode("utf-8"))


if __name__ == "__main__":
    build_eml()
    build_mhtml()
    build_pptx()
    build_pdf()
    build_txt()
    for p in sorted(RAW.iterdir()):
        print(p.name, p.stat().st_size)
