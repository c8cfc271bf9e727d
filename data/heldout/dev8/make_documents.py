"""Regenerate the four dev8 evaluation documents in raw/ from the text sources in sources/.

Run with /work/main/.venv/bin/python make_documents.py (from any directory).
Output is byte-for-byte reproducible: the MHTML boundary and Date header are fixed, and the
PPTX zip entries are rewritten with a fixed timestamp and fixed core properties.
"""
import base64
import datetime
import email.charset
import email.encoders
import email.policy
import importlib.util
import io
import zipfile
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from pathlib import Path

from pptx import Presentation
from pptx.util import Inches, Pt

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"

# a 1x1 grey PNG, standing in for the lead image a browser saves into the page
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNoaGgAAAMEAYFL09IQAAAAAElFTkSuQmCC"
)


# --------------------------------------------------------------------------- MHTML
def make_mhtml(html_path, out_path, *, url, subject, date, boundary, resources):
    html = html_path.read_text(encoding="utf-8")
    msg = MIMEMultipart("related", boundary=boundary)
    del msg["MIME-Version"]
    del msg["Content-Type"]
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = url
    msg["Subject"] = subject
    msg["Date"] = date
    msg["MIME-Version"] = "1.0"
    msg["Content-Type"] = f'multipart/related;\n\ttype="text/html";\n\tboundary="{boundary}"'

    cs = email.charset.Charset("utf-8")
    cs.body_encoding = email.charset.QP
    page = MIMENonMultipart("text", "html", charset="utf-8")
    page.set_payload(html, charset=cs)
    del page["MIME-Version"]
    page["Content-ID"] = "<frame-2F4C0A9E1B7D3C5A8E6F0B2D4A6C8E01@mhtml.blink>"
    page["Content-Location"] = url
    msg.attach(page)

    for ctype, loc, data in resources:
        maintype, subtype = ctype.split("/")
        part = MIMEBase(maintype, subtype)
        del part["MIME-Version"]
        if maintype == "text":
            part.set_payload(data.encode("utf-8"))
            email.encoders.encode_quopri(part)
        else:
            part.set_payload(data)
            email.encoders.encode_base64(part)
        part["Content-Location"] = loc
        msg.attach(part)

    policy = email.policy.compat32.clone(linesep="\r\n", max_line_length=None)
    out_path.write_bytes(msg.as_bytes(policy=policy))


# --------------------------------------------------------------------------- PPTX
def load_slides(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.FOOTER, mod.SLIDES


def _size_runs(tf, size):
    for p in tf.paragraphs:
        for r in p.runs:
            r.font.size = Pt(size)


def _fill_bullets(tf, bullets, size=None):
    tf.clear()
    for i, (level, text) in enumerate(bullets):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = text
        p.level = level
    if size:
        _size_runs(tf, size)


def _textbox(shapes, left, top, width, height, paras, *, size=14, bold_first=False):
    tb = shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    tf = tb.text_frame
    tf.word_wrap = True
    for i, text in enumerate(paras):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        r = p.add_run()
        r.text = text
        r.font.size = Pt(size)
        if bold_first and i == 0:
            r.font.bold = True
    return tb


def make_pptx(slides_path, out_path, *, title, author, when):
    footer, slides = load_slides(slides_path)
    prs = Presentation()  # default 4:3 template, 10 x 7.5 in
    layouts = {"title": 0, "content": 1, "title_only": 5, "blank": 6}
    for n, s in enumerate(slides, start=1):
        slide = prs.slides.add_slide(prs.slide_layouts[layouts[s["layout"]]])
        if s["layout"] != "blank":
            slide.shapes.title.text = s["title"]
        if s["layout"] == "title":
            sub = slide.placeholders[1].text_frame
            sub.clear()
            for i, line in enumerate(s["subtitle"]):
                p = sub.paragraphs[0] if i == 0 else sub.add_paragraph()
                p.text = line
            _size_runs(sub, 18)
        elif s["layout"] == "content":
            _fill_bullets(slide.placeholders[1].text_frame, s["bullets"], s.get("font_size", 20))
        elif s["layout"] == "blank":
            # title typed into an ordinary text box, as some authors do
            _textbox(slide.shapes, 0.5, 0.4, 9.0, 1.0, [s["title_box"]], size=32, bold_first=True)
            tb = slide.shapes.add_textbox(Inches(0.6), Inches(1.6), Inches(8.8), Inches(4.8))
            tb.text_frame.word_wrap = True
            _fill_bullets(tb.text_frame, s["bullets"], 18)
        if "columns" in s:
            for i, (head, items) in enumerate(s["columns"]):
                _textbox(slide.shapes, 0.5 + i * 4.6, 1.8, 4.3, 4.6, [head] + items, size=18, bold_first=True)
        if "table" in s:
            t = s["table"]
            rows, widths = t["rows"], t["widths"]
            gf = slide.shapes.add_table(len(rows), len(widths), Inches(0.4), Inches(1.6),
                                        Inches(sum(widths)), Inches(0.5 * len(rows)))
            table = gf.table
            for j, w in enumerate(widths):
                table.columns[j].width = Inches(w)
            for i, row in enumerate(rows):
                for j, text in enumerate(row):
                    cell = table.cell(i, j)
                    cell.text = text
                    _size_runs(cell.text_frame, 12 if i else 13)
        if "groups" in s:
            for gi, group_boxes in enumerate(s["groups"]):
                grp = slide.shapes.add_group_shape()
                k = len(group_boxes)
                width = (9.0 - 0.2 * (k - 1)) / k
                for bi, paras in enumerate(group_boxes):
                    _textbox(grp.shapes, 0.5 + bi * (width + 0.2), 1.7 + gi * 2.4, width, 2.1,
                             paras, size=16, bold_first=len(paras) > 1)
        # footer and page number, typed as a plain text box
        _textbox(slide.shapes, 0.4, 7.0, 9.2, 0.35, [f"{footer} | {n}"], size=9)
        if s.get("notes"):
            slide.notes_slide.notes_text_frame.text = s["notes"]

    cp = prs.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.revision = 3
    cp.created = when
    cp.modified = when
    buf = io.BytesIO()
    prs.save(buf)
    # rewrite the zip with fixed timestamps so the file is reproducible byte for byte
    out = io.BytesIO()
    stamp = when.timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, zin.read(info.filename))
    out_path.write_bytes(out.getvalue())


def main():
    RAW.mkdir(exist_ok=True)

    make_mhtml(
        SRC / "derby_hwb_icp_article.html",
        RAW / "derby_hwb_icp_committee_in_common_news_2024-09.mhtml",
        url="https://www.derwentcourier.co.uk/news/local-news/health-board-nhs-partnership-committee-common-30018842",
        subject="Health board and NHS partnership to meet as one 'committee in common' - Derwent Courier",
        date="Thu, 19 Sep 2024 17:41:09 +0100",
        boundary="----MultipartBoundary--q7dK3vXyW2Lm9sTzR4nB8cJfE1hGaP6uY0oQiVtN5x----",
        resources=[
            ("text/css", "https://static.derwentcourier.co.uk/css/article.3f9a1c.css",
             "body{font-family:Georgia,serif;margin:0}.fact-box{background:#f3f0e8;border-left:4px solid #b3112e;padding:12px}"
             ".ad-slot{background:#eee;text-align:center}.cmp-banner{position:fixed;bottom:0;background:#fff}\n"),
            ("image/png", "https://i2-prod.derwentcourier.co.uk/incoming/article30018842.ece/ALTERNATES/s810/0_council-house.jpg",
             TINY_PNG),
        ],
    )
    make_mhtml(
        SRC / "pembrokeshire_carmarthenshire_psb_press_release.html",
        RAW / "pembrokeshire_carmarthenshire_psb_merger_press_release_2025-03.mhtml",
        url="https://www.pembrokeshire.gov.uk/news/public-services-boards-to-merge",
        subject="Pembrokeshire and Carmarthenshire Public Services Boards to merge - Pembrokeshire County Council",
        date="Wed, 5 Mar 2025 11:02:47 -0000",
        boundary="----MultipartBoundary--Hs3Zk8bW1qYx6Rv0Lc9Tn2Mf5Jd7Pg4Ea----",
        resources=[
            ("text/css", "https://www.pembrokeshire.gov.uk/assets/stylesheets/application-8c2e7d.css",
             ".govuk-template__body{font-family:Arial,sans-serif}.govuk-cookie-banner{background:#f3f2f1;padding:20px}"
             ".app-quote{border-left:5px solid #b1b4b6;padding-left:15px}\n"),
        ],
    )
    make_pptx(
        SRC / "stockport_csp_awayday_slides.py",
        RAW / "stockport_csp_awayday_slides_2024-11.pptx",
        title="Safer Stockport Partnership Away-Day 2024",
        author="Community Safety Team",
        when=datetime.datetime(2024, 11, 13, 16, 20, 0),
    )
    make_pptx(
        SRC / "moray_cpp_governance_review_slides.py",
        RAW / "moray_cpp_governance_review_board_slides_2025-06.pptx",
        title="CPP Governance Review - Board 12 June 2025",
        author="Community Planning Team",
        when=datetime.datetime(2025, 6, 4, 9, 45, 0),
    )


if __name__ == "__main__":
    main()
