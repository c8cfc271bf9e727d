"""Regenerate raw/ for held-out set test9 from sources/ (deterministic).

Run with /work/main/.venv/bin/python make_documents.py
Every random choice is seeded and every timestamp is fixed, so two runs give
byte-identical files.
"""
import io
import json
import os
import random
import re
import zipfile
import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIBER = "/usr/share/fonts/truetype/liberation/"

FILES = {
    1: "telfordwrekin_cdrp_minutes_2003-09.pdf",
    2: "midulster_cpp_development-session-slides_2024-10.pdf",
    3: "dorset_hwb_lga-peer-challenge-report_2024-05.pdf",
    4: "walsall_internal-audit_partnership-governance_2025-03.docx",
    5: "pembrokeshire_psb_ebulletin_2025-02.eml",
}


# ---------------------------------------------------------------------------
# 1. Scanned typewritten minutes (image-only PDF)
# ---------------------------------------------------------------------------
SCAN_SRC = SRC / "01_telfordwrekin_cdrp_minutes_2003-09.txt"
SCAN_STAMP = ["RECEIVED", "22 SEP 2003", "DEMOCRATIC SERVICES"]


def scan_pages():
    """Return the drawn lines of each page (body text plus typed running
    header and page number), exactly as they are drawn onto the images."""
    text = SCAN_SRC.read_text(encoding="utf-8")
    raw_pages = text.split("<<PAGE>>\n")
    pages = []
    for i, body in enumerate(raw_pages, start=1):
        lines = body.rstrip("\n").split("\n")
        head = []
        if i > 1:
            head = ["CDRP Strategy Group - 17.9.03" .rjust(64), ""]
        foot = ["", ("- %d -" % i).center(64).rstrip()]
        pages.append({"head": head, "body": lines, "foot": foot,
                      "stamp": SCAN_STAMP if i == 1 else []})
    return pages


def scan_text_units():
    """Text units for check_gold: every drawn line (stripped)."""
    units = []
    for p in scan_pages():
        for ln in p["head"] + p["body"] + p["foot"] + p["stamp"]:
            if ln.strip():
                units.append(ln.strip())
    return units


def make_scan(out):
    from PIL import Image, ImageDraw, ImageFont
    W, H = 2480, 3508  # A4 at 300 dpi
    font = ImageFont.truetype(LIBER + "LiberationMono-Regular.ttf", 50)  # 12 pt
    stamp_font = ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 40)
    stamp_small = ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 30)
    rng = random.Random(20030917)
    images = []
    for pno, page in enumerate(scan_pages(), start=1):
        img = Image.new("L", (W, H), 255)
        d = ImageDraw.Draw(img)
        x0, y = 300, 230
        pitch = 54
        lines = page["head"] + page["body"]
        for ln in lines:
            # slight per-line ink variation, like a worn ribbon
            ink = rng.randint(18, 48)
            d.text((x0 + rng.randint(-1, 1), y), ln, font=font, fill=ink)
            y += pitch
        yf = H - 300
        for ln in page["foot"]:
            d.text((x0, yf), ln, font=font, fill=30)
            yf += pitch
        if page["stamp"]:
            st = Image.new("L", (450, 190), 0)
            sd = ImageDraw.Draw(st)
            sd.rectangle([4, 4, 445, 185], outline=255, width=5)
            sd.text((225, 45), page["stamp"][0], font=stamp_font, fill=255, anchor="mm")
            sd.text((225, 100), page["stamp"][1], font=stamp_font, fill=255, anchor="mm")
            sd.text((225, 152), page["stamp"][2], font=stamp_small, fill=255, anchor="mm")
            st = st.rotate(6, resample=Image.BICUBIC, expand=True)
            grey = Image.new("L", st.size, 165)
            img.paste(grey, (1975, 12), st)
        # speckle noise
        px = img.load()
        for _ in range(2600):
            sx, sy = rng.randrange(W), rng.randrange(H)
            v = rng.randint(60, 200)
            px[sx, sy] = v
            if rng.random() < 0.3 and sx + 1 < W:
                px[sx + 1, sy] = v
        # a few faint scanner streak dots along the left edge (punch holes shadow)
        for hy in (H // 2 - 420, H // 2 + 420):
            d.ellipse([60, hy - 45, 150, hy + 45], fill=228)
        angle = rng.choice([-1, 1]) * rng.uniform(0.2, 0.8)
        img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        images.append(img)
    import time
    fixed = time.strptime("2003-09-24 09:41:12", "%Y-%m-%d %H:%M:%S")
    images[0].save(out, "PDF", save_all=True, append_images=images[1:],
                   resolution=300, quality=82,
                   title="", author="", producer="Xerox WorkCentre Pro 245",
                   creator="Xerox WorkCentre Pro 245",
                   creationDate=fixed, modDate=fixed)



# ---------------------------------------------------------------------------
# 2. Slide deck saved as PDF (fpdf2, 16:9 pages)
# ---------------------------------------------------------------------------
SLIDES_SRC = SRC / "02_midulster_cpp_slides_2024-10.json"
TEAL = (0, 98, 114)
LIME = (151, 191, 13)
GREY = (90, 90, 90)


def _fpdf(orientation, fmt, meta):
    from fpdf import FPDF
    pdf = FPDF(orientation=orientation, unit="mm", format=fmt)
    pdf.set_auto_page_break(False)
    pdf.add_font("Sans", "", LIBER + "LiberationSans-Regular.ttf")
    pdf.add_font("Sans", "B", LIBER + "LiberationSans-Bold.ttf")
    pdf.add_font("Sans", "I", LIBER + "LiberationSans-Italic.ttf")
    pdf.add_font("Sans", "BI", LIBER + "LiberationSans-BoldItalic.ttf")
    when = dt.datetime.fromisoformat(meta["date"]).replace(tzinfo=dt.timezone.utc)
    pdf.set_creation_date(when)
    pdf.set_title(meta.get("title", ""))
    pdf.set_author(meta.get("author", ""))
    pdf.set_creator(meta.get("creator", ""))
    pdf.set_producer(meta.get("producer", ""))
    pdf.set_lang("en-GB")
    return pdf


def make_slides(out):
    spec = json.loads(SLIDES_SRC.read_text(encoding="utf-8"))
    meta = dict(spec["meta"])
    meta["creator"] = "Microsoft® PowerPoint® for Microsoft 365"
    meta["producer"] = "Microsoft® PowerPoint® for Microsoft 365"
    W, H = 338.67, 190.5
    pdf = _fpdf("L", (H, W), meta)
    n = len(spec["slides"])

    def frame(title, num):
        pdf.add_page()
        pdf.set_fill_color(*TEAL)
        pdf.rect(0, 0, W, 26, "F")
        pdf.set_fill_color(*LIME)
        pdf.rect(0, 26, W, 1.6, "F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("Sans", "B", 28)
        pdf.set_xy(16, 6)
        pdf.cell(W - 60, 14, title)
        pdf.set_font("Sans", "B", 9)
        pdf.set_xy(W - 52, 9)
        pdf.cell(40, 8, "MID ULSTER", align="R")
        pdf.set_text_color(30, 30, 30)

    def footer(num):
        pdf.set_draw_color(200, 200, 200)
        pdf.line(16, H - 12, W - 16, H - 12)
        pdf.set_text_color(*GREY)
        pdf.set_font("Sans", "", 9)
        pdf.set_xy(16, H - 10.5)
        pdf.cell(250, 6, spec["footer"])
        pdf.set_xy(W - 40, H - 10.5)
        pdf.cell(24, 6, str(num), align="R")
        pdf.set_text_color(30, 30, 30)

    def bullet(x, y, text, size, width, char="•", indent=7):
        pdf.set_font("Sans", "", size)
        pdf.set_xy(x, y)
        pdf.set_text_color(*TEAL)
        pdf.cell(indent, size * 0.50, char)
        pdf.set_text_color(30, 30, 30)
        pdf.set_xy(x + indent, y)
        pdf.multi_cell(width - indent, size * 0.50, text, align="L")
        return pdf.get_y()

    for num, sl in enumerate(spec["slides"], start=1):
        lay = sl["layout"]
        if lay == "title":
            pdf.add_page()
            pdf.set_fill_color(*TEAL)
            pdf.rect(0, 0, W, H, "F")
            pdf.set_fill_color(*LIME)
            pdf.rect(0, 118, W, 2.5, "F")
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("Sans", "B", 16)
            pdf.set_xy(24, 40)
            pdf.cell(280, 10, sl["kicker"])
            pdf.set_font("Sans", "B", 36)
            pdf.set_xy(24, 56)
            pdf.multi_cell(290, 16, sl["title"], align="L")
            pdf.set_font("Sans", "", 22)
            pdf.set_xy(24, 92)
            pdf.cell(280, 12, sl["subtitle"])
            pdf.set_font("Sans", "", 14)
            y = 128
            for ln in sl["lines"]:
                pdf.set_xy(24, y)
                pdf.cell(280, 8, ln)
                y += 10
            pdf.set_font("Sans", "", 10)
            pdf.set_xy(24, H - 16)
            pdf.cell(290, 6, sl["small"])
            continue
        frame(sl["title"], num)
        x0, y = 20, 38
        if lay == "bullets":
            for b in sl["bullets"]:
                if isinstance(b, list):
                    y = bullet(x0, y, b[0], 20, W - 40) + 2
                    for sb in b[1]:
                        y = bullet(x0 + 12, y, sb, 17, W - 52, char="–") + 2
                else:
                    y = bullet(x0, y, b, 20, W - 40) + 4
        elif lay == "numbered":
            pdf.set_font("Sans", "B", 20)
            pdf.set_xy(x0, y)
            pdf.cell(200, 10, sl["intro"])
            y += 15
            for i, it in enumerate(sl["items"], start=1):
                pdf.set_fill_color(*TEAL)
                pdf.set_text_color(255, 255, 255)
                pdf.set_font("Sans", "B", 16)
                pdf.set_xy(x0, y)
                pdf.cell(9, 9, str(i), align="C", fill=True)
                pdf.set_text_color(30, 30, 30)
                pdf.set_font("Sans", "", 19)
                pdf.set_xy(x0 + 13, y - 0.2)
                pdf.multi_cell(W - 60, 9.5, it, align="L")
                y = pdf.get_y() + 4.5
        elif lay == "twocol":
            colw = (W - 52) / 2
            for ci, (head, items) in enumerate([(sl["left_head"], sl["left"]),
                                                (sl["right_head"], sl["right"])]):
                cx = x0 + ci * (colw + 12)
                pdf.set_fill_color(*(TEAL if ci else (120, 120, 120)))
                pdf.rect(cx, y, colw, 12, "F")
                pdf.set_text_color(255, 255, 255)
                pdf.set_font("Sans", "B", 18)
                pdf.set_xy(cx + 4, y + 1.5)
                pdf.cell(colw - 8, 9, head)
                yy = y + 18
                for it in items:
                    yy = bullet(cx + 2, yy, it, 17, colw - 4) + 4
        elif lay == "boxes":
            bw = (W - 40 - 2 * 8) / 3
            for bi, bx in enumerate(sl["boxes"]):
                cx = x0 + bi * (bw + 8)
                pdf.set_fill_color(232, 242, 244)
                pdf.set_draw_color(*TEAL)
                pdf.rect(cx, y, bw, 118, "DF")
                pdf.set_fill_color(*TEAL)
                pdf.rect(cx, y, bw, 16, "F")
                pdf.set_text_color(255, 255, 255)
                pdf.set_font("Sans", "B", 16)
                pdf.set_xy(cx + 4, y + 3)
                pdf.cell(bw - 8, 10, bx["head"])
                pdf.set_text_color(30, 30, 30)
                yy = y + 24
                for t in bx["text"]:
                    pdf.set_font("Sans", "", 15)
                    pdf.set_xy(cx + 5, yy)
                    pdf.multi_cell(bw - 10, 7.2, t, align="L")
                    yy = pdf.get_y() + 6
        elif lay == "table":
            pdf.set_font("Sans", "I", 15)
            pdf.set_xy(x0, y)
            pdf.cell(280, 8, sl["intro"])
            y += 13
            tw = W - 40
            widths = [tw * f for f in sl["widths"]]
            rowh = 12.5
            pdf.set_fill_color(*TEAL)
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("Sans", "B", 15)
            cx = x0
            for c, wdt in zip(sl["columns"], widths):
                pdf.set_xy(cx, y)
                pdf.cell(wdt, rowh, "  " + c, border=0, fill=True)
                cx += wdt
            y += rowh
            pdf.set_text_color(30, 30, 30)
            pdf.set_font("Sans", "", 15)
            for ri, row in enumerate(sl["rows"]):
                pdf.set_fill_color(*((232, 242, 244) if ri % 2 == 0 else (255, 255, 255)))
                cx = x0
                for c, wdt in zip(row, widths):
                    pdf.set_xy(cx, y)
                    pdf.cell(wdt, rowh, "  " + c, border="B", fill=True)
                    cx += wdt
                y += rowh
            pdf.set_font("Sans", "I", 11)
            pdf.set_text_color(*GREY)
            pdf.set_xy(x0, y + 6)
            pdf.cell(280, 6, sl["note"])
        elif lay == "contact":
            pdf.set_font("Sans", "", 20)
            y = 60
            for ln in sl["lines"]:
                pdf.set_xy(x0, y)
                pdf.cell(W - 40, 10, ln)
                y += 14
        footer(num)
    pdf.output(str(out))


# ---------------------------------------------------------------------------
# 3. External peer challenge report (A4 PDF)
# ---------------------------------------------------------------------------
REVIEW_SRC = SRC / "03_dorset_hwb_peer_challenge_2024-05.txt"
LGA_PURPLE = (74, 35, 106)
LGA_TINT = (237, 231, 243)
LGA_BACK = [
    "Local Government Association",
    "18 Smith Square",
    "London SW1P 3HZ",
    "Telephone 020 7664 3000",
    "Email info@local.gov.uk",
    "www.local.gov.uk",
    "© Local Government Association, May 2024",
    "For a copy in Braille, larger print or audio, please contact us on 020 7664 3000.",
    "We consider requests on an individual basis.",
]


def _parse_review():
    meta, blocks, header = {}, [], ""
    lines = REVIEW_SRC.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("@meta "):
            k, v = ln[6:].split("=", 1)
            meta[k] = v
        elif ln.startswith("@header "):
            header = ln[8:]
        elif ln == "@cover":
            cov = []
            i += 1
            while not lines[i].startswith("@"):
                cov.append(lines[i])
                i += 1
            blocks.append(("cover", cov))
            continue
        elif ln == "@pagebreak":
            blocks.append(("pagebreak", None))
        elif ln == "@contents":
            blocks.append(("contents", None))
        elif ln == "@back":
            blocks.append(("back", None))
        elif ln.startswith("@h1 "):
            blocks.append(("h1", ln[4:]))
        elif ln.startswith("@h2 "):
            blocks.append(("h2", ln[4:]))
        elif ln.startswith("@box "):
            label = ln[5:]
            body = []
            i += 1
            while lines[i] != "@endbox":
                body.append(lines[i])
                i += 1
            blocks.append(("box", (label, " ".join(body))))
        elif ln.startswith("@table "):
            widths = [float(x) for x in ln[7:].split(",")]
            rows = []
            i += 1
            while lines[i] != "@endtable":
                rows.append(lines[i].split("|"))
                i += 1
            blocks.append(("table", (widths, rows)))
        elif ln.startswith("- "):
            blocks.append(("bullet", ln[2:]))
        elif ln.strip():
            blocks.append(("p", ln))
        i += 1
    return meta, header, blocks


def _render_review(out, toc_pages):
    meta, header, blocks = _parse_review()
    meta["creator"] = "Microsoft® Word for Microsoft 365"
    meta["producer"] = "Microsoft® Word for Microsoft 365"
    W, H = 210, 297
    pdf = _fpdf("P", "A4", meta)
    L, R, T, B = 22, 22, 28, 25
    tw = W - L - R
    found = {}

    def page_deco():
        n = pdf.page_no()
        fam, sty, size = pdf.font_family, pdf.font_style, pdf.font_size_pt
        if n >= 3 and not state.get("back"):
            pdf.set_font("Sans", "", 8.5)
            pdf.set_text_color(110, 110, 110)
            pdf.set_xy(L, 12)
            pdf.cell(tw, 5, header)
            pdf.set_draw_color(*LGA_PURPLE)
            pdf.line(L, 18.5, W - R, 18.5)
            pdf.set_xy(L, H - 15)
            pdf.cell(tw, 5, str(n), align="R")
            pdf.set_text_color(30, 30, 30)
        if fam:
            pdf.set_font(fam, sty, size)

    state = {}

    def new_page():
        pdf.add_page()
        page_deco()
        pdf.set_xy(L, T)

    def ensure(h):
        if pdf.get_y() + h > H - B:
            new_page()

    for kind, val in blocks:
        if kind == "cover":
            pdf.add_page()
            pdf.set_fill_color(*LGA_PURPLE)
            pdf.rect(0, 0, W, 110, "F")
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("Sans", "B", 13)
            pdf.set_xy(L, 20)
            pdf.cell(tw, 7, "Local Government Association")
            pdf.set_font("Sans", "B", 26)
            pdf.set_xy(L, 55)
            pdf.multi_cell(tw, 12, val[0], align="L")
            pdf.set_text_color(*LGA_PURPLE)
            pdf.set_font("Sans", "B", 20)
            pdf.set_xy(L, 125)
            pdf.cell(tw, 10, val[1])
            pdf.set_font("Sans", "", 14)
            pdf.set_xy(L, 138)
            pdf.cell(tw, 8, val[2])
            pdf.set_xy(L, 150)
            pdf.cell(tw, 8, val[3])
            pdf.set_text_color(30, 30, 30)
        elif kind == "pagebreak":
            new_page()
        elif kind == "contents":
            pdf.set_font("Sans", "B", 18)
            pdf.set_text_color(*LGA_PURPLE)
            pdf.cell(tw, 10, "Contents")
            pdf.set_text_color(30, 30, 30)
            pdf.set_y(pdf.get_y() + 16)
            for title in [b[1] for b in blocks if b[0] == "h1"]:
                pdf.set_font("Sans", "", 11.5)
                pdf.set_x(L)
                pdf.cell(tw - 15, 8, title)
                pdf.cell(15, 8, str(toc_pages.get(title, "")), align="R")
                pdf.ln(9)
        elif kind == "back":
            state["back"] = True
            new_page()
            pdf.set_font("Sans", "", 10)
            y = H - 95
            for ln in LGA_BACK:
                pdf.set_xy(L, y)
                pdf.cell(tw, 5, ln)
                y += 6.5 if ln.startswith(("©", "For a")) is False else 9
        elif kind == "h1":
            ensure(30)
            if pdf.get_y() > T + 1:
                pdf.set_y(pdf.get_y() + 4)
            found[val] = pdf.page_no()
            pdf.set_font("Sans", "B", 17)
            pdf.set_text_color(*LGA_PURPLE)
            pdf.set_x(L)
            pdf.multi_cell(tw, 9, val, align="L")
            pdf.set_text_color(30, 30, 30)
            pdf.set_y(pdf.get_y() + 3)
        elif kind == "h2":
            ensure(25)
            pdf.set_y(pdf.get_y() + 2)
            pdf.set_font("Sans", "B", 13)
            pdf.set_text_color(*LGA_PURPLE)
            pdf.set_x(L)
            pdf.multi_cell(tw, 7, val, align="L")
            pdf.set_text_color(30, 30, 30)
            pdf.set_y(pdf.get_y() + 2)
        elif kind == "p":
            pdf.set_font("Sans", "", 11)
            nlines = len(pdf.multi_cell(tw, 6, val, dry_run=True, output="LINES"))
            ensure(min(nlines, 3) * 6)
            pdf.set_x(L)
            pdf.multi_cell(tw, 6, val, align="L")
            pdf.set_y(pdf.get_y() + 3.5)
        elif kind == "bullet":
            pdf.set_font("Sans", "", 11)
            ensure(12)
            y = pdf.get_y()
            pdf.set_xy(L + 3, y)
            pdf.cell(5, 6, "•")
            pdf.set_xy(L + 9, y)
            pdf.multi_cell(tw - 9, 6, val, align="L")
            pdf.set_y(pdf.get_y() + 1.5)
        elif kind == "box":
            label, text = val
            pdf.set_font("Sans", "", 11)
            nlines = len(pdf.multi_cell(tw - 12, 6, text, dry_run=True, output="LINES"))
            h = 12 + nlines * 6 + 5
            ensure(h + 4)
            y = pdf.get_y() + 1
            pdf.set_fill_color(*LGA_TINT)
            pdf.rect(L, y, tw, h, "F")
            pdf.set_fill_color(*LGA_PURPLE)
            pdf.rect(L, y, 1.8, h, "F")
            pdf.set_font("Sans", "B", 11.5)
            pdf.set_text_color(*LGA_PURPLE)
            pdf.set_xy(L + 6, y + 4)
            pdf.cell(tw - 12, 7, label)
            pdf.set_text_color(30, 30, 30)
            pdf.set_font("Sans", "", 11)
            pdf.set_xy(L + 6, y + 12)
            pdf.multi_cell(tw - 12, 6, text, align="L")
            pdf.set_y(y + h + 5)
        elif kind == "table":
            widths, rows = val
            ws = [tw * f for f in widths]
            for ri, row in enumerate(rows):
                ensure(8)
                y = pdf.get_y()
                if ri == 0:
                    pdf.set_font("Sans", "B", 10.5)
                    pdf.set_fill_color(*LGA_PURPLE)
                    pdf.set_text_color(255, 255, 255)
                else:
                    pdf.set_font("Sans", "", 10.5)
                    pdf.set_fill_color(*((245, 242, 248) if ri % 2 else (255, 255, 255)))
                    pdf.set_text_color(30, 30, 30)
                x = L
                for c, wdt in zip(row, ws):
                    pdf.set_xy(x, y)
                    pdf.cell(wdt, 7.5, " " + c, border="B", fill=True)
                    x += wdt
                pdf.set_y(y + 7.5)
            pdf.set_text_color(30, 30, 30)
            pdf.set_y(pdf.get_y() + 5)
    return pdf, found


def make_review(out):
    _, found = _render_review(out, {})
    pdf, found2 = _render_review(out, found)
    assert found == found2
    pdf.output(str(out))


# ---------------------------------------------------------------------------
# 4. Internal audit report (Word .docx)
# ---------------------------------------------------------------------------
AUDIT_SRC = SRC / "04_walsall_internal_audit_2025-03.json"
ZIP_TIME = (2025, 3, 19, 15, 47, 0)


def _add_field(paragraph, instr):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    run = paragraph.add_run()
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin")
    t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = instr
    s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate")
    r = OxmlElement("w:t"); r.text = "1"
    e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end")
    run._r.append(b); run._r.append(t); run._r.append(s); run._r.append(r); run._r.append(e)


def _shade(cell, hexfill):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear"); shd.set(qn("w:color"), "auto"); shd.set(qn("w:fill"), hexfill)
    tcPr.append(shd)


def _repeat_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader"); h.set(qn("w:val"), "true")
    trPr.append(h)


def _deterministic_zip(data, out):
    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, zin.read(info.filename))
    Path(out).write_bytes(buf.getvalue())


def make_audit(out):
    from docx import Document
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.enum.table import WD_TABLE_ALIGNMENT
    spec = json.loads(AUDIT_SRC.read_text(encoding="utf-8"))
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10.5)
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Title", 24), ("Subtitle", 16)):
        doc.styles[name].font.name = "Arial"
        doc.styles[name].font.size = Pt(size)
        doc.styles[name].font.color.rgb = RGBColor(0x00, 0x4B, 0x87)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    # header / footer
    hp = sec.header.paragraphs[0]
    hp.text = spec["header"] + "\t\t" + spec["header_right"]
    fp = sec.footer.paragraphs[0]
    fp.add_run(spec["footer"] + "\t\tPage ")
    _add_field(fp, "PAGE")
    fp.add_run(" of ")
    _add_field(fp, "NUMPAGES")
    # cover
    for style, text in spec["cover"]:
        doc.add_paragraph(text, style=style)
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in spec["cover_table"]:
        r = t.add_row().cells
        r[0].text, r[1].text = k, v
        _shade(r[0], "DCE6F1")
    doc.add_paragraph()
    doc.add_paragraph("Distribution", style="Heading 2")
    for d in spec["distribution"]:
        doc.add_paragraph(d, style="List Bullet")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # body
    for blk in spec["body"]:
        kind = blk[0]
        if kind in ("Heading 1", "Heading 2"):
            doc.add_paragraph(blk[1], style=kind)
        elif kind == "num":
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(1.0)
            p.paragraph_format.first_line_indent = Cm(-1.0)
            p.add_run(blk[1] + "\t" + blk[2])
        elif kind == "bullet":
            doc.add_paragraph(blk[1], style="List Bullet")
        elif kind == "opinion":
            tb = doc.add_table(rows=1, cols=2)
            tb.style = "Table Grid"
            c0, c1 = tb.rows[0].cells
            c0.text = "Overall opinion"
            c1.text = ""
            run = c1.paragraphs[0].add_run(blk[1])
            run.bold = True
            _shade(c1, "F4B183")
            doc.add_paragraph()
        elif kind == "table_defs":
            rows = blk[1]
            tb = doc.add_table(rows=0, cols=len(rows[0]))
            tb.style = "Table Grid"
            for ri, row in enumerate(rows):
                cells = tb.add_row().cells
                for c, v in zip(cells, row):
                    c.text = v
                    if ri == 0:
                        c.paragraphs[0].runs[0].bold = True
                        _shade(c, "DCE6F1")
            doc.add_paragraph()
    # landscape section for the action plan
    new = doc.add_section()
    new.orientation = WD_ORIENT.LANDSCAPE
    new.page_width, new.page_height = Cm(29.7), Cm(21.0)
    new.left_margin = new.right_margin = Cm(1.6)
    doc.add_paragraph("Appendix A – Management action plan", style="Heading 1")
    cols = spec["action_plan_columns"]
    tb = doc.add_table(rows=1, cols=len(cols))
    tb.style = "Table Grid"
    tb.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Cm(1.2), Cm(4.6), Cm(3.2), Cm(4.6), Cm(1.8), Cm(5.2), Cm(2.9), Cm(2.0)]
    for c, name, w in zip(tb.rows[0].cells, cols, widths):
        c.text = name
        c.paragraphs[0].runs[0].bold = True
        c.width = w
        _shade(c, "004B87")
        c.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    _repeat_header(tb.rows[0])
    prio_fill = {"High": "F8CBAD", "Medium": "FFE699", "Low": "C6E0B4"}
    for row in spec["action_plan"]:
        cells = tb.add_row().cells
        for ci, (c, v, w) in enumerate(zip(cells, row, widths)):
            c.width = w
            parts = v.split("\n")
            c.text = parts[0]
            for extra in parts[1:]:
                c.add_paragraph(extra)
            for par in c.paragraphs:
                for r in par.runs:
                    r.font.size = Pt(9)
            if ci == 4:
                _shade(c, prio_fill[v])
    # closing (back to portrait)
    last = doc.add_section()
    last.orientation = WD_ORIENT.PORTRAIT
    last.page_width, last.page_height = Cm(21.0), Cm(29.7)
    last.left_margin = last.right_margin = Cm(2.2)
    for kind, text in spec["closing"]:
        if kind == "plain":
            doc.add_paragraph(text)
        else:
            doc.add_paragraph(text, style=kind)
    cp = doc.core_properties
    core = spec["core"]
    cp.title = core["title"]; cp.author = core["author"]; cp.subject = core["subject"]
    cp.keywords = core["keywords"]; cp.last_modified_by = core["last_modified_by"]
    cp.created = dt.datetime.fromisoformat(core["created"])
    cp.modified = dt.datetime.fromisoformat(core["modified"])
    cp.last_printed = dt.datetime.fromisoformat(core["modified"])
    cp.revision = 7
    cp.comments = ""
    cp.category = "Internal Audit"
    buf = io.BytesIO()
    doc.save(buf)
    _deterministic_zip(buf.getvalue(), out)


# ---------------------------------------------------------------------------
# 5. E-bulletin received by e-mail (.eml, HTML only, quoted-printable)
# ---------------------------------------------------------------------------
EML_HEADERS = SRC / "05_pembrokeshire_psb_ebulletin_headers.txt"
EML_HTML = SRC / "05_pembrokeshire_psb_ebulletin_2025-02.html"


def make_eml(out):
    import quopri
    from email.header import Header
    head_lines = []
    for ln in EML_HEADERS.read_text(encoding="utf-8").rstrip("\n").split("\n"):
        if ln.startswith("Subject: "):
            val = ln[len("Subject: "):]
            enc = Header(val, "utf-8", header_name="Subject").encode(linesep="\r\n")
            ln = "Subject: " + enc
        head_lines.append(ln)
    html = EML_HTML.read_bytes()
    body = quopri.encodestring(html, quotetabs=False)
    body = body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    data = ("\r\n".join(head_lines) + "\r\n\r\n").encode("ascii") + body
    Path(out).write_bytes(data)


# ---------------------------------------------------------------------------
# 2. Slide deck saved as PDF (fpdf2, 16:9 pages)
# ---------------------------------------------------------------------------
SLIDES_SRC = SRC / "02_midulster_cpp_slides_2024-10.json"
TEAL = (0, 98, 114)
LIME = (151, 191, 13)
GREY = (90, 90, 90)


def _fpdf(orientation, fmt, meta):
    from fpdf import FPDF
    pdf = FPDF(orientation=orientation, unit="mm", format=fmt)
    pdf.set_auto_page_break(False)
    pdf.add_font("Sans", "", LIBER + "LiberationSans-Regular.ttf")
    pdf.add_font("Sans", "B", LIBER + "LiberationSans-Bold.ttf")
    pdf.add_font("Sans", "I", LIBER + "LiberationSans-Italic.ttf")
    pdf.add_font("Sans", "BI", LIBER + "LiberationSans-BoldItalic.ttf")
    when = dt.datetime.fromisoformat(meta["date"]).replace(tzinfo=dt.timezone.utc)
    pdf.set_creation_date(when)
    pdf.set_title(meta.get("title", ""))
    pdf.set_author(meta.get("author", ""))
    pdf.set_creator(meta.get("creator", ""))
    pdf.set_producer(meta.get("producer", ""))
    pdf.set_lang("en-GB")
    return pdf


def make_slides(out):
    spec = json.loads(SLIDES_SRC.read_text(encoding="utf-8"))
    meta = dict(spec["meta"])
    meta["creator"] = "Microsoft® PowerPoint® for Microsoft 365"
    meta["producer"] = "Microsoft® PowerPoint® for Microsoft 365"
    W, H = 338.67, 190.5
    pdf = _fpdf("L", (H, W), meta)

    def frame(title, num):
        pdf.add_page()
        pdf.set_fill_color(*TEAL)
        pdf.rect(0, 0, W, 26, "F")
        pdf.set_fill_color(*LIME)
        pdf.rect(0, 26, W, 1.6, "F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("Sans", "B", 28)
        pdf.set_xy(16, 6)
        pdf.cell(W - 60, 14, title)
        pdf.set_font("Sans", "B", 9)
        pdf.set_xy(W - 52, 9)
        pdf.cell(40, 8, "MID ULSTER", align="R")
        pdf.set_text_color(30, 30, 30)

    def footer(num):
        pdf.set_draw_color(200, 200, 200)
        pdf.line(16, H - 12, W - 16, H - 12)
        pdf.set_text_color(*GREY)
        pdf.set_font("Sans", "", 9)
        pdf.set_xy(16, H - 10.5)
        pdf.cell(250, 6, spec["footer"])
        pdf.set_xy(W - 40, H - 10.5)
        pdf.cell(24, 6, str(num), align="R")
        pdf.set_text_color(30, 30, 30)

    def bullet(x, y, text, size, width, char="•", indent=7):
        pdf.set_font("Sans", "", size)
        pdf.set_xy(x, y)
        pdf.set_text_color(*TEAL)
        pdf.cell(indent, size * 0.50, char)
        pdf.set_text_color(30, 30, 30)
        pdf.set_xy(x + indent, y)
        pdf.multi_cell(width - indent, size * 0.50, text, align="L")
        return pdf.get_y()

    for num, sl in enumerate(spec["slides"], start=1):
        lay = sl["layout"]
        if lay == "title":
            pdf.add_page()
            pdf.set_fill_color(*TEAL)
            pdf.rect(0, 0, W, H, "F")
            pdf.set_fill_color(*LIME)
            pdf.rect(0, 118, W, 2.5, "F")
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("Sans", "B", 16)
            pdf.set_xy(24, 40)
            pdf.cell(280, 10, sl["kicker"])
            pdf.set_font("Sans", "B", 36)
            pdf.set_xy(24, 56)
            pdf.multi_cell(290, 16, sl["title"], align="L")
            pdf.set_font("Sans", "", 22)
            pdf.set_xy(24, 92)
            pdf.cell(280, 12, sl["subtitle"])
            pdf.set_font("Sans", "", 14)
            y = 128
            for ln in sl["lines"]:
                pdf.set_xy(24, y)
                pdf.cell(280, 8, ln)
                y += 10
            pdf.set_font("Sans", "", 10)
            pdf.set_xy(24, H - 16)
            pdf.cell(290, 6, sl["small"])
            continue
        frame(sl["title"], num)
        x0, y = 20, 38
        if lay == "bullets":
            for b in sl["bullets"]:
                if isinstance(b, list):
                    y = bullet(x0, y, b[0], 20, W - 40) + 2
                    for sb in b[1]:
                        y = bullet(x0 + 12, y, sb, 17, W - 52, char="–") + 2
                else:
                    y = bullet(x0, y, b, 20, W - 40) + 4
        elif lay == "numbered":
            pdf.set_font("Sans", "B", 20)
            pdf.set_xy(x0, y)
            pdf.cell(200, 10, sl["intro"])
            y += 15
            for i, it in enumerate(sl["items"], start=1):
                pdf.set_fill_color(*TEAL)
                pdf.set_text_color(255, 255, 255)
                pdf.set_font("Sans", "B", 16)
                pdf.set_xy(x0, y)
                pdf.cell(9, 9, str(i), align="C", fill=True)
                pdf.set_text_color(30, 30, 30)
                pdf.set_font("Sans", "", 19)
                pdf.set_xy(x0 + 13, y - 0.2)
                pdf.multi_cell(W - 60, 9.5, it, align="L")
                y = pdf.get_y() + 4.5
        elif lay == "twocol":
            colw = (W - 52) / 2
            for ci, (head, items) in enumerate([(sl["left_head"], sl["left"]),
                                                (sl["right_head"], sl["right"])]):
                cx = x0 + ci * (colw + 12)
                pdf.set_fill_color(*(TEAL if ci else (120, 120, 120)))
                pdf.rect(cx, y, colw, 12, "F")
                pdf.set_text_color(255, 255, 255)
                pdf.set_font("Sans", "B", 18)
                pdf.set_xy(cx + 4, y + 1.5)
                pdf.cell(colw - 8, 9, head)
                yy = y + 18
                for it in items:
                    yy = bullet(cx + 2, yy, it, 17, colw - 4) + 4
        elif lay == "boxes":
            bw = (W - 40 - 2 * 8) / 3
            for bi, bx in enumerate(sl["boxes"]):
                cx = x0 + bi * (bw + 8)
                pdf.set_fill_color(232, 242, 244)
                pdf.set_draw_color(*TEAL)
                pdf.rect(cx, y, bw, 118, "DF")
                pdf.set_fill_color(*TEAL)
                pdf.rect(cx, y, bw, 16, "F")
                pdf.set_text_color(255, 255, 255)
                pdf.set_font("Sans", "B", 16)
                pdf.set_xy(cx + 4, y + 3)
                pdf.cell(bw - 8, 10, bx["head"])
                pdf.set_text_color(30, 30, 30)
                yy = y + 24
                for t in bx["text"]:
                    pdf.set_font("Sans", "", 15)
                    pdf.set_xy(cx + 5, yy)
                    pdf.multi_cell(bw - 10, 7.2, t, align="L")
                    yy = pdf.get_y() + 6
        elif lay == "table":
            pdf.set_font("Sans", "I", 15)
            pdf.set_xy(x0, y)
            pdf.cell(280, 8, sl["intro"])
            y += 13
            tw = W - 40
            widths = [tw * f for f in sl["widths"]]
            rowh = 12.5
            pdf.set_fill_color(*TEAL)
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("Sans", "B", 15)
            cx = x0
            for c, wdt in zip(sl["columns"], widths):
                pdf.set_xy(cx, y)
                pdf.cell(wdt, rowh, "  " + c, border=0, fill=True)
                cx += wdt
            y += rowh
            pdf.set_text_color(30, 30, 30)
            pdf.set_font("Sans", "", 15)
            for ri, row in enumerate(sl["rows"]):
                pdf.set_fill_color(*((232, 242, 244) if ri % 2 == 0 else (255, 255, 255)))
                cx = x0
                for c, wdt in zip(row, widths):
                    pdf.set_xy(cx, y)
                    pdf.cell(wdt, rowh, "  " + c, border="B", fill=True)
                    cx += wdt
                y += rowh
            pdf.set_font("Sans", "I", 11)
            pdf.set_text_color(*GREY)
            pdf.set_xy(x0, y + 6)
            pdf.cell(280, 6, sl["note"])
        elif lay == "contact":
            pdf.set_font("Sans", "", 20)
            y = 60
            for ln in sl["lines"]:
                pdf.set_xy(x0, y)
                pdf.cell(W - 40, 10, ln)
                y += 14
        footer(num)
    pdf.output(str(out))


# ---------------------------------------------------------------------------
# 3. External peer challenge report (A4 PDF)
# ---------------------------------------------------------------------------
REVIEW_SRC = SRC / "03_dorset_hwb_peer_challenge_2024-05.txt"
LGA_PURPLE = (74, 35, 106)
LGA_TINT = (237, 231, 243)
LGA_BACK = [
    "Local Government Association",
    "18 Smith Square",
    "London SW1P 3HZ",
    "Telephone 020 7664 3000",
    "Email info@local.gov.uk",
    "www.local.gov.uk",
    "© Local Government Association, May 2024",
    "For a copy in Braille, larger print or audio, please contact us on 020 7664 3000.",
    "We consider requests on an individual basis.",
]


def _parse_review():
    meta, blocks, header = {}, [], ""
    lines = REVIEW_SRC.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("@meta "):
            k, v = ln[6:].split("=", 1)
            meta[k] = v
        elif ln.startswith("@header "):
            header = ln[8:]
        elif ln == "@cover":
            cov = []
            i += 1
            while not lines[i].startswith("@"):
                cov.append(lines[i])
                i += 1
            blocks.append(("cover", cov))
            continue
        elif ln == "@pagebreak":
            blocks.append(("pagebreak", None))
        elif ln == "@contents":
            blocks.append(("contents", None))
        elif ln == "@back":
            blocks.append(("back", None))
        elif ln.startswith("@h1 "):
            blocks.append(("h1", ln[4:]))
        elif ln.startswith("@h2 "):
            blocks.append(("h2", ln[4:]))
        elif ln.startswith("@box "):
            label = ln[5:]
            body = []
            i += 1
            while lines[i] != "@endbox":
                body.append(lines[i])
                i += 1
            blocks.append(("box", (label, " ".join(body))))
        elif ln.startswith("@table "):
            widths = [float(x) for x in ln[7:].split(",")]
            rows = []
            i += 1
            while lines[i] != "@endtable":
                rows.append(lines[i].split("|"))
                i += 1
            blocks.append(("table", (widths, rows)))
        elif ln.startswith("- "):
            blocks.append(("bullet", ln[2:]))
        elif ln.strip():
            blocks.append(("p", ln))
        i += 1
    return meta, header, blocks


def _render_review(toc_pages):
    meta, header, blocks = _parse_review()
    meta["creator"] = "Microsoft® Word for Microsoft 365"
    meta["producer"] = "Microsoft® Word for Microsoft 365"
    W, H = 210, 297
    pdf = _fpdf("P", "A4", meta)
    L, R, T, B = 22, 22, 28, 25
    tw = W - L - R
    found = {}
    state = {}

    def page_deco():
        n = pdf.page_no()
        fam, sty, size = pdf.font_family, pdf.font_style, pdf.font_size_pt
        if n >= 3 and not state.get("back"):
            pdf.set_font("Sans", "", 8.5)
            pdf.set_text_color(110, 110, 110)
            pdf.set_xy(L, 12)
            pdf.cell(tw, 5, header)
            pdf.set_draw_color(*LGA_PURPLE)
            pdf.line(L, 18.5, W - R, 18.5)
            pdf.set_xy(L, H - 15)
            pdf.cell(tw, 5, str(n), align="R")
            pdf.set_text_color(30, 30, 30)
        if fam:
            pdf.set_font(fam, sty, size)

    def new_page():
        pdf.add_page()
        page_deco()
        pdf.set_xy(L, T)

    def ensure(h):
        if pdf.get_y() + h > H - B:
            new_page()

    for kind, val in blocks:
        if kind == "cover":
            pdf.add_page()
            pdf.set_fill_color(*LGA_PURPLE)
            pdf.rect(0, 0, W, 110, "F")
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("Sans", "B", 13)
            pdf.set_xy(L, 20)
            pdf.cell(tw, 7, "Local Government Association")
            pdf.set_font("Sans", "B", 26)
            pdf.set_xy(L, 55)
            pdf.multi_cell(tw, 12, val[0], align="L")
            pdf.set_text_color(*LGA_PURPLE)
            pdf.set_font("Sans", "B", 20)
            pdf.set_xy(L, 125)
            pdf.cell(tw, 10, val[1])
            pdf.set_font("Sans", "", 14)
            pdf.set_xy(L, 138)
            pdf.cell(tw, 8, val[2])
            pdf.set_xy(L, 150)
            pdf.cell(tw, 8, val[3])
            pdf.set_text_color(30, 30, 30)
        elif kind == "pagebreak":
            new_page()
        elif kind == "contents":
            pdf.set_font("Sans", "B", 18)
            pdf.set_text_color(*LGA_PURPLE)
            pdf.cell(tw, 10, "Contents")
            pdf.set_text_color(30, 30, 30)
            pdf.set_y(pdf.get_y() + 16)
            for title in [b[1] for b in blocks if b[0] == "h1"]:
                pdf.set_font("Sans", "", 11.5)
                pdf.set_x(L)
                pdf.cell(tw - 15, 8, title)
                pdf.cell(15, 8, str(toc_pages.get(title, "")), align="R")
                pdf.ln(9)
        elif kind == "back":
            state["back"] = True
            new_page()
            pdf.set_font("Sans", "", 10)
            y = H - 95
            for ln in LGA_BACK:
                pdf.set_xy(L, y)
                pdf.cell(tw, 5, ln)
                y += 9 if ln.startswith(("©", "For a")) else 6.5
        elif kind == "h1":
            ensure(30)
            if pdf.get_y() > T + 1:
                pdf.set_y(pdf.get_y() + 4)
            found[val] = pdf.page_no()
            pdf.set_font("Sans", "B", 17)
            pdf.set_text_color(*LGA_PURPLE)
            pdf.set_x(L)
            pdf.multi_cell(tw, 9, val, align="L")
            pdf.set_text_color(30, 30, 30)
            pdf.set_y(pdf.get_y() + 3)
        elif kind == "h2":
            ensure(25)
            pdf.set_y(pdf.get_y() + 2)
            pdf.set_font("Sans", "B", 13)
            pdf.set_text_color(*LGA_PURPLE)
            pdf.set_x(L)
            pdf.multi_cell(tw, 7, val, align="L")
            pdf.set_text_color(30, 30, 30)
            pdf.set_y(pdf.get_y() + 2)
        elif kind == "p":
            pdf.set_font("Sans", "", 11)
            nlines = len(pdf.multi_cell(tw, 6, val, dry_run=True, output="LINES"))
            ensure(min(nlines, 3) * 6)
            pdf.set_font("Sans", "", 11)
            pdf.set_x(L)
            pdf.multi_cell(tw, 6, val, align="L")
            pdf.set_y(pdf.get_y() + 3.5)
        elif kind == "bullet":
            pdf.set_font("Sans", "", 11)
            ensure(12)
            pdf.set_font("Sans", "", 11)
            y = pdf.get_y()
            pdf.set_xy(L + 3, y)
            pdf.cell(5, 6, "•")
            pdf.set_xy(L + 9, y)
            pdf.multi_cell(tw - 9, 6, val, align="L")
            pdf.set_y(pdf.get_y() + 1.5)
        elif kind == "box":
            label, text = val
            pdf.set_font("Sans", "", 11)
            nlines = len(pdf.multi_cell(tw - 12, 6, text, dry_run=True, output="LINES"))
            h = 12 + nlines * 6 + 5
            ensure(h + 4)
            y = pdf.get_y() + 1
            pdf.set_fill_color(*LGA_TINT)
            pdf.rect(L, y, tw, h, "F")
            pdf.set_fill_color(*LGA_PURPLE)
            pdf.rect(L, y, 1.8, h, "F")
            pdf.set_font("Sans", "B", 11.5)
            pdf.set_text_color(*LGA_PURPLE)
            pdf.set_xy(L + 6, y + 4)
            pdf.cell(tw - 12, 7, label)
            pdf.set_text_color(30, 30, 30)
            pdf.set_font("Sans", "", 11)
            pdf.set_xy(L + 6, y + 12)
            pdf.multi_cell(tw - 12, 6, text, align="L")
            pdf.set_y(y + h + 5)
        elif kind == "table":
            widths, rows = val
            ws = [tw * f for f in widths]
            for ri, row in enumerate(rows):
                ensure(8)
                y = pdf.get_y()
                if ri == 0:
                    pdf.set_font("Sans", "B", 10.5)
                    pdf.set_fill_color(*LGA_PURPLE)
                    pdf.set_text_color(255, 255, 255)
                else:
                    pdf.set_font("Sans", "", 10.5)
                    pdf.set_fill_color(*((245, 242, 248) if ri % 2 else (255, 255, 255)))
                    pdf.set_text_color(30, 30, 30)
                x = L
                for c, wdt in zip(row, ws):
                    pdf.set_xy(x, y)
                    pdf.cell(wdt, 7.5, " " + c, border="B", fill=True)
                    x += wdt
                pdf.set_y(y + 7.5)
            pdf.set_text_color(30, 30, 30)
            pdf.set_y(pdf.get_y() + 5)
    return pdf, found


def make_review(out):
    # two passes: the first finds the page of each section for the contents page
    _, found = _render_review({})
    pdf, found2 = _render_review(found)
    assert found == found2
    pdf.output(str(out))


# ---------------------------------------------------------------------------
# 4. Internal audit report (Word .docx)
# ---------------------------------------------------------------------------
AUDIT_SRC = SRC / "04_walsall_internal_audit_2025-03.json"
ZIP_TIME = (2025, 3, 19, 15, 47, 0)


def _add_field(paragraph, instr):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    run = paragraph.add_run()
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin")
    t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = instr
    s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate")
    r = OxmlElement("w:t"); r.text = "1"
    e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end")
    for el in (b, t, s, r, e):
        run._r.append(el)


def _shade(cell, hexfill):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear"); shd.set(qn("w:color"), "auto"); shd.set(qn("w:fill"), hexfill)
    tcPr.append(shd)


def _repeat_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader"); h.set(qn("w:val"), "true")
    trPr.append(h)


def _deterministic_zip(data, out):
    """python-docx stamps each zip entry with the current time: rewrite the
    package with a fixed time so that the file is byte-identical on every run."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, zin.read(info.filename))
    Path(out).write_bytes(buf.getvalue())


def make_audit(out):
    from docx import Document
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.enum.table import WD_TABLE_ALIGNMENT
    spec = json.loads(AUDIT_SRC.read_text(encoding="utf-8"))
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10.5)
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Title", 24), ("Subtitle", 16)):
        doc.styles[name].font.name = "Arial"
        doc.styles[name].font.size = Pt(size)
        doc.styles[name].font.color.rgb = RGBColor(0x00, 0x4B, 0x87)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    hp = sec.header.paragraphs[0]
    hp.text = spec["header"] + "\t\t" + spec["header_right"]
    fp = sec.footer.paragraphs[0]
    fp.add_run(spec["footer"] + "\t\tPage ")
    _add_field(fp, "PAGE")
    fp.add_run(" of ")
    _add_field(fp, "NUMPAGES")
    # cover page
    for style, text in spec["cover"]:
        doc.add_paragraph(text, style=style)
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in spec["cover_table"]:
        r = t.add_row().cells
        r[0].text, r[1].text = k, v
        _shade(r[0], "DCE6F1")
    doc.add_paragraph()
    doc.add_paragraph("Distribution", style="Heading 2")
    for d in spec["distribution"]:
        doc.add_paragraph(d, style="List Bullet")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # body
    for blk in spec["body"]:
        kind = blk[0]
        if kind in ("Heading 1", "Heading 2"):
            doc.add_paragraph(blk[1], style=kind)
        elif kind == "num":
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(1.0)
            p.paragraph_format.first_line_indent = Cm(-1.0)
            p.add_run(blk[1] + "\t" + blk[2])
        elif kind == "bullet":
            doc.add_paragraph(blk[1], style="List Bullet")
        elif kind == "opinion":
            tb = doc.add_table(rows=1, cols=2)
            tb.style = "Table Grid"
            c0, c1 = tb.rows[0].cells
            c0.text = "Overall opinion"
            c1.text = ""
            run = c1.paragraphs[0].add_run(blk[1])
            run.bold = True
            _shade(c1, "F4B183")
            doc.add_paragraph()
        elif kind == "table_defs":
            rows = blk[1]
            tb = doc.add_table(rows=0, cols=len(rows[0]))
            tb.style = "Table Grid"
            for ri, row in enumerate(rows):
                cells = tb.add_row().cells
                for c, v in zip(cells, row):
                    c.text = v
                    if ri == 0:
                        c.paragraphs[0].runs[0].bold = True
                        _shade(c, "DCE6F1")
            doc.add_paragraph()
    # landscape section for the management action plan
    new = doc.add_section()
    new.orientation = WD_ORIENT.LANDSCAPE
    new.page_width, new.page_height = Cm(29.7), Cm(21.0)
    new.left_margin = new.right_margin = Cm(1.6)
    doc.add_paragraph("Appendix A – Management action plan", style="Heading 1")
    cols = spec["action_plan_columns"]
    tb = doc.add_table(rows=1, cols=len(cols))
    tb.style = "Table Grid"
    tb.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Cm(1.2), Cm(4.6), Cm(3.2), Cm(4.6), Cm(1.8), Cm(5.2), Cm(2.9), Cm(2.0)]
    for c, name, w in zip(tb.rows[0].cells, cols, widths):
        c.text = name
        c.paragraphs[0].runs[0].bold = True
        c.width = w
        _shade(c, "004B87")
        c.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    _repeat_header(tb.rows[0])
    prio_fill = {"High": "F8CBAD", "Medium": "FFE699", "Low": "C6E0B4"}
    for row in spec["action_plan"]:
        cells = tb.add_row().cells
        for ci, (c, v, w) in enumerate(zip(cells, row, widths)):
            c.width = w
            parts = v.split("\n")
            c.text = parts[0]
            for extra in parts[1:]:
                c.add_paragraph(extra)
            for par in c.paragraphs:
                for r in par.runs:
                    r.font.size = Pt(9)
            if ci == 4:
                _shade(c, prio_fill[v])
    # closing section, back to portrait
    last = doc.add_section()
    last.orientation = WD_ORIENT.PORTRAIT
    last.page_width, last.page_height = Cm(21.0), Cm(29.7)
    last.left_margin = last.right_margin = Cm(2.2)
    for kind, text in spec["closing"]:
        if kind == "plain":
            doc.add_paragraph(text)
        else:
            doc.add_paragraph(text, style=kind)
    cp = doc.core_properties
    core = spec["core"]
    cp.title = core["title"]; cp.author = core["author"]; cp.subject = core["subject"]
    cp.keywords = core["keywords"]; cp.last_modified_by = core["last_modified_by"]
    cp.created = dt.datetime.fromisoformat(core["created"])
    cp.modified = dt.datetime.fromisoformat(core["modified"])
    cp.last_printed = dt.datetime.fromisoformat(core["modified"])
    cp.revision = 7
    cp.comments = ""
    cp.category = "Internal Audit"
    buf = io.BytesIO()
    doc.save(buf)
    _deterministic_zip(buf.getvalue(), out)


# ---------------------------------------------------------------------------
# 5. E-bulletin received by e-mail (.eml, HTML only, quoted-printable)
# ---------------------------------------------------------------------------
EML_HEADERS = SRC / "05_pembrokeshire_psb_ebulletin_headers.txt"
EML_HTML = SRC / "05_pembrokeshire_psb_ebulletin_2025-02.html"


def make_eml(out):
    import quopri
    from email.header import Header
    head_lines = []
    for ln in EML_HEADERS.read_text(encoding="utf-8").rstrip("\n").split("\n"):
        if ln.startswith("Subject: "):
            val = ln[len("Subject: "):]
            enc = Header(val, "utf-8", header_name="Subject").encode(linesep="\r\n")
            ln = "Subject: " + enc
        head_lines.append(ln)
    html = EML_HTML.read_bytes()
    body = quopri.encodestring(html, quotetabs=False)
    body = body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    data = ("\r\n".join(head_lines) + "\r\n\r\n").encode("ascii") + body
    Path(out).write_bytes(data)


def main():
    RAW.mkdir(exist_ok=True)
    make_scan(RAW / FILES[1])
    make_slides(RAW / FILES[2])
    make_review(RAW / FILES[3])
    make_audit(RAW / FILES[4])
    make_eml(RAW / FILES[5])


if __name__ == "__main__":
    main()
