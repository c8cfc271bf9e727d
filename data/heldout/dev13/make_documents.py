"""Regenerate raw/ byte for byte from sources/ (dev13 held-out set).

Run with /work/main/.venv/bin/python make_documents.py
Everything is deterministic: fixed dates, fixed zip timestamps, seeded randomness.
"""
import datetime as dt
import io
import os
import quopri
import random
import re
import zipfile
from email.header import Header

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
RAW = os.path.join(HERE, "raw")
LIB = "/usr/share/fonts/truetype/liberation/"
DJ = "/usr/share/fonts/truetype/dejavu/"

FILES = {
    "01": ("01_calderdale_cdrp_executive_minutes_2007-02.txt", "calderdale_cdrp-executive_minutes-scan_2007-02.pdf"),
    "02": ("02_perthkinross_cpp_board_development_slides_2023-09.txt", "perthkinross_cpp-board_development-session-slides_2023-09.pdf"),
    "03": ("03_stockton_partnership_governance_review_2022-11.txt", "stockton_partnership-governance_independent-review_2022-11.pdf"),
    "04": ("04_falkirk_cpp_governance_internal_audit_2024-02.txt", "falkirk_cpp-governance_internal-audit_2024-02.docx"),
    "05": ("05_bradford_partnership_ebulletin_2024-06.html", "bradford_district-partnership_ebulletin_2024-06.eml"),
}


def read(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        return f.read()


def src_lines(name):
    return [l for l in read(name).splitlines() if not l.startswith("#")]


# ---------------------------------------------------------------------------
# 01  Scanned typewritten minutes (image-only PDF)
# ---------------------------------------------------------------------------
SCAN_DPI = 300
A4_PX = (2480, 3508)


def scan_pages_text(name):
    """The typed pages exactly as drawn: a list of pages, each a list of lines."""
    return [p.strip("\n").split("\n") for p in read(name).split("\f\n")]


def _typed_page(lines, rng, nprng):
    W, H = A4_PX
    font = ImageFont.truetype(LIB + "LiberationMono-Regular.ttf", 50)  # 12 pt at 300 dpi
    ink = Image.new("L", (W, H), 0)  # ink density layer
    d = ImageDraw.Draw(ink)
    left, top, pitch, lead = 330, 290, 30, 50
    # slightly uneven ribbon: each line has its own base density
    for r, line in enumerate(lines):
        base = rng.randint(195, 235)
        yline = top + r * lead + rng.choice([0, 0, 0, 1, -1])
        for c, ch in enumerate(line):
            if ch == " ":
                continue
            x = left + c * pitch + rng.choice([0, 0, 0, 1, -1])
            y = yline + rng.choice([0, 0, 0, 0, 1, -1])
            dens = max(110, min(245, base + rng.randint(-30, 20)))
            d.text((x, y), ch, font=font, fill=dens)
            if rng.random() < 0.06:  # heavier strike
                d.text((x + 1, y), ch, font=font, fill=dens)
    ink = ink.filter(ImageFilter.GaussianBlur(0.7))
    a = np.asarray(ink, dtype=np.float32) / 255.0
    paper = 247.0 + nprng.normal(0.0, 1.4, size=(H, W)).astype(np.float32)
    img = paper * (1.0 - a) + 28.0 * a
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "L")


def _stamp(rng):
    W, H = 620, 250
    st = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(st)
    fb = ImageFont.truetype(DJ + "DejaVuSans-Bold.ttf", 64)
    fs = ImageFont.truetype(DJ + "DejaVuSans-Bold.ttf", 38)
    d.rounded_rectangle((6, 6, W - 6, H - 6), radius=18, outline=255, width=7)
    d.text((W // 2, 62), "RECEIVED", font=fb, fill=255, anchor="mm")
    d.text((W // 2, 138), "21 FEB 2007", font=fs, fill=255, anchor="mm")
    d.text((W // 2, 196), "DEMOCRATIC SERVICES", font=fs, fill=255, anchor="mm")
    # patchy ink
    a = np.asarray(st, dtype=np.float32)
    patch = np.random.default_rng(rng.randint(0, 10**6)).uniform(0.35, 1.0, size=a.shape)
    st = Image.fromarray((a * patch).astype(np.uint8), "L")
    return st.rotate(-7.5, resample=Image.BICUBIC, expand=True)


def build_scan():
    srcname, outname = FILES["01"]
    pages_txt = scan_pages_text(srcname)
    rng = random.Random(20070215)
    nprng = np.random.default_rng(20070215)
    pages = []
    for i, lines in enumerate(pages_txt):
        img = _typed_page(lines, rng, nprng)
        if i == 0:
            st = _stamp(rng)
            mask = st.point(lambda v: int(v * 0.45))
            stamp_ink = Image.new("L", st.size, 95)
            img.paste(stamp_ink, (1780, 20), mask)
        # speckle / dust
        d = ImageDraw.Draw(img)
        for _ in range(rng.randint(350, 550)):
            x, y = rng.randrange(A4_PX[0]), rng.randrange(A4_PX[1])
            r = rng.choice([1, 1, 1, 1, 2])
            d.ellipse((x, y, x + r, y + r), fill=rng.randint(120, 200))
        for _ in range(rng.randint(2, 5)):  # a few larger specks in the margins
            x = rng.choice([rng.randint(40, 250), rng.randint(2300, 2440)])
            y = rng.randint(100, 3400)
            r = rng.randint(4, 8)
            d.ellipse((x, y, x + r, y + r), fill=rng.randint(60, 140))
        angle = rng.uniform(0.2, 0.8) * rng.choice([-1, 1])
        img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=247)
        # darker scanner edge on one side
        e = ImageDraw.Draw(img)
        e.rectangle((0, 0, 10, A4_PX[1]), fill=205)
        pages.append(img)
    out = os.path.join(RAW, outname)
    when = dt.datetime(2013, 5, 14, 11, 2, 37).timetuple()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=SCAN_DPI,
                  quality=82, creator="Canon iR-ADV C5535 PDF",
                  producer="Adobe PSL 1.3e for Canon", creationDate=when, modDate=when)


# ---------------------------------------------------------------------------
# Shared fpdf2 helpers
# ---------------------------------------------------------------------------
from fpdf import FPDF  # noqa: E402


def add_fonts(pdf):
    pdf.add_font("Sans", "", LIB + "LiberationSans-Regular.ttf")
    pdf.add_font("Sans", "B", LIB + "LiberationSans-Bold.ttf")
    pdf.add_font("Sans", "I", LIB + "LiberationSans-Italic.ttf")
    pdf.add_font("Sans", "BI", LIB + "LiberationSans-BoldItalic.ttf")


def fix_meta(pdf, when, title, author, creator, producer):
    pdf.set_creation_date(when)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator(creator)
    pdf.set_producer(producer)
    pdf.set_lang("en-GB")


# ---------------------------------------------------------------------------
# 02  Slide deck exported to PDF
# ---------------------------------------------------------------------------
TEAL = (0, 94, 104)
PLUM = (106, 27, 110)
GREY = (90, 90, 90)
LIGHT = (232, 242, 243)


def parse_slides(name):
    slides = []
    for line in src_lines(name):
        if line.startswith("=== "):
            slides.append({"layout": line[4:].strip(), "items": []})
        elif line.strip():
            slides[-1]["items"].append(line.rstrip())
    return slides


class Deck(FPDF):
    footer_text = ("Perth and Kinross Community Planning Partnership  |  Board Development Session  |  "
                   "14 September 2023")

    def footer(self):
        if self.page_no() in (1, self.last_slide):
            return
        self.set_draw_color(*TEAL)
        self.set_line_width(1)
        self.line(40, 505, 920, 505)
        self.set_font("Sans", "", 10)
        self.set_text_color(*GREY)
        self.set_xy(40, 510)
        self.cell(700, 14, self.footer_text)
        self.set_xy(840, 510)
        self.cell(80, 14, str(self.page_no()), align="R")


def _slide_title(pdf, text):
    pdf.set_fill_color(*TEAL)
    pdf.rect(0, 0, 12, 540, "F")
    pdf.set_font("Sans", "", 9)
    pdf.set_text_color(*GREY)
    pdf.set_xy(430, 8)
    pdf.cell(100, 12, "OFFICIAL", align="C")
    pdf.set_font("Sans", "B", 30)
    pdf.set_text_color(*TEAL)
    pdf.set_xy(50, 34)
    pdf.multi_cell(860, 36, text, align="L")
    pdf.set_draw_color(*PLUM)
    pdf.set_line_width(3)
    pdf.line(50, pdf.get_y() + 8, 170, pdf.get_y() + 8)
    return pdf.get_y() + 30


def _bullet(pdf, x, y, w, text, size, level, marker):
    pdf.set_font("Sans", "", size)
    pdf.set_text_color(30, 30, 30)
    pdf.set_xy(x, y)
    if level == 0:
        pdf.set_text_color(*PLUM)
    pdf.cell(22 if level == 0 else 20, size * 1.3, marker)
    pdf.set_text_color(30, 30, 30)
    pdf.set_xy(x + (22 if level == 0 else 20), y)
    pdf.multi_cell(w - 22, size * 1.3, text, align="L")
    return pdf.get_y() + (9 if level == 0 else 5)


def build_slides():
    srcname, outname = FILES["02"]
    slides = parse_slides(srcname)
    pdf = Deck(orientation="L", unit="pt", format=(540, 960))
    pdf.last_slide = len(slides)
    pdf.set_auto_page_break(False)
    pdf.set_margins(40, 30, 40)
    add_fonts(pdf)
    fix_meta(pdf, dt.datetime(2023, 9, 13, 16, 48, 5, tzinfo=dt.timezone.utc),
             "Our Partnership, Our Future - CPP Board development session", "Fiona Lindsay",
             "Microsoft® PowerPoint® for Microsoft 365", "Microsoft® PowerPoint® for Microsoft 365")
    for s in slides:
        pdf.add_page()
        lay, items = s["layout"], s["items"]
        get = lambda tag: [i[len(tag):].strip() for i in items if i.startswith(tag)]  # noqa: E731
        if lay in ("title", "end"):
            pdf.set_fill_color(*TEAL)
            pdf.rect(0, 0, 960, 540, "F")
            pdf.set_fill_color(*PLUM)
            pdf.rect(0, 380, 960, 10, "F")
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("Sans", "B", 44)
            pdf.set_xy(70, 130 if lay == "title" else 170)
            pdf.multi_cell(820, 52, get("T: ")[0], align="L")
            y = pdf.get_y() + 14
            for sub in get("S: "):
                pdf.set_font("Sans", "", 24)
                pdf.set_xy(70, y)
                pdf.multi_cell(820, 30, sub, align="L")
                y = pdf.get_y() + 2
            y = 405
            for n in get("N: "):
                pdf.set_font("Sans", "", 14)
                pdf.set_xy(70, y)
                pdf.multi_cell(820, 19, n, align="L")
                y = pdf.get_y() + 4
            continue
        y = _slide_title(pdf, get("T: ")[0])
        if lay in ("bullets", "numbered"):
            n = 0
            size = 19 if len(items) < 9 else 18
            for it in items:
                if it.startswith("T: "):
                    continue
                m = re.match(r"^(\d+)\. (.*)$", it)
                if it.startswith("- "):
                    y = _bullet(pdf, 60, y, 840, it[2:], size, 0, "•")
                elif it.startswith("  - ") or it.startswith("   - "):
                    y = _bullet(pdf, 100, y - 4, 800, it.strip()[2:], size - 3, 1, "–")
                elif m:
                    n += 1
                    pdf.set_fill_color(*PLUM)
                    pdf.ellipse(60, y + 2, size + 4, size + 4, "F")
                    pdf.set_font("Sans", "B", size - 4)
                    pdf.set_text_color(255, 255, 255)
                    pdf.set_xy(60, y + 2)
                    pdf.cell(size + 4, size + 4, m.group(1), align="C")
                    pdf.set_font("Sans", "", size)
                    pdf.set_text_color(30, 30, 30)
                    pdf.set_xy(60 + size + 14, y)
                    pdf.multi_cell(840 - size - 14, size * 1.3, m.group(2), align="L")
                    y = pdf.get_y() + 8
        elif lay == "stats":
            note = get("N: ")[0]
            pdf.set_font("Sans", "I", 14)
            pdf.set_text_color(*GREY)
            pdf.set_xy(50, y - 10)
            pdf.multi_cell(860, 18, note, align="L")
            qs = [q.split("|") for q in get("Q: ")]
            bw, gap, top = 200, 20, y + 40
            for k, (num, cap) in enumerate(qs):
                x = 50 + k * (bw + gap)
                pdf.set_fill_color(*LIGHT)
                pdf.rect(x, top, bw, 230, "F")
                pdf.set_fill_color(*PLUM)
                pdf.rect(x, top, bw, 6, "F")
                pdf.set_font("Sans", "B", 48)
                pdf.set_text_color(*PLUM)
                pdf.set_xy(x, top + 30)
                pdf.cell(bw, 60, num, align="C")
                pdf.set_font("Sans", "", 16)
                pdf.set_text_color(30, 30, 30)
                pdf.set_xy(x + 14, top + 110)
                pdf.multi_cell(bw - 28, 21, cap, align="C")
        elif lay == "twocol":
            cols = {"LH": [], "RH": []}
            cur = None
            for it in items:
                if it.startswith("LH: ") or it.startswith("RH: "):
                    cur = it[:2]
                    cols[cur].append(("H", it[4:]))
                elif it.startswith("- ") and cur:
                    cols[cur].append(("B", it[2:]))
            for k, key in enumerate(("LH", "RH")):
                x = 50 + k * 440
                yy = y
                for kind, text in cols[key]:
                    if kind == "H":
                        pdf.set_fill_color(*(TEAL if key == "LH" else PLUM))
                        pdf.rect(x, yy, 410, 34, "F")
                        pdf.set_font("Sans", "B", 20)
                        pdf.set_text_color(255, 255, 255)
                        pdf.set_xy(x + 12, yy + 4)
                        pdf.cell(380, 26, text)
                        yy += 48
                    else:
                        yy = _bullet(pdf, x + 6, yy, 400, text, 17, 0, "•")
        elif lay == "boxes":
            for it in items:
                if it.startswith("BOX: "):
                    lvl, text = it[5:].split("|", 1)
                    lvl = int(lvl)
                    x = 60 + lvl * 40
                    w = 840 - lvl * 40
                    pdf.set_fill_color(*([TEAL, (40, 130, 140), LIGHT, (245, 230, 246)][lvl]))
                    pdf.set_font("Sans", "B" if lvl < 2 else "", 15)
                    pdf.set_text_color(*((255, 255, 255) if lvl < 2 else (30, 30, 30)))
                    pdf.set_xy(x, y)
                    pdf.multi_cell(w, 20, text, fill=True, padding=(7, 10, 7, 10), align="L")
                    pdf.set_draw_color(*GREY)
                    pdf.set_line_width(1)
                    y = pdf.get_y() + 12
                    pdf.line(x + 20, y - 12, x + 20, y)
            for n in get("N: "):
                pdf.set_font("Sans", "I", 13)
                pdf.set_text_color(*GREY)
                pdf.set_xy(60, y + 6)
                pdf.multi_cell(840, 17, n, align="L")
        elif lay == "table":
            rows = [[c.strip() for c in it.strip().strip("|").split("|")] for it in items if it.startswith("|")]
            pdf.set_font("Sans", "", 16)
            pdf.set_text_color(30, 30, 30)
            pdf.set_draw_color(255, 255, 255)
            pdf.set_xy(50, y)
            from fpdf.fonts import FontFace
            head = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=TEAL)
            pdf.set_fill_color(255, 255, 255)
            with pdf.table(width=860, col_widths=(260, 240, 360), line_height=24, text_align="LEFT",
                           headings_style=head, padding=6, align="LEFT") as table:
                for k, r in enumerate(rows):
                    row = table.row()
                    for c in r:
                        if k == 0:
                            row.cell(c)
                        else:
                            row.cell(c, style=FontFace(fill_color=LIGHT if k % 2 else (255, 255, 255)))
    out = os.path.join(RAW, outname)
    pdf.output(out)


# ---------------------------------------------------------------------------
# 03  Independent review report (PDF)
# ---------------------------------------------------------------------------
NAVY = (23, 52, 87)
BOXFILL = (226, 238, 245)


class Review(FPDF):
    def header(self):
        if self.page_no() == 1:
            return
        self.set_font("Sans", "", 8)
        self.set_text_color(*GREY)
        self.set_xy(20, 10)
        self.cell(170, 5, "Independent Governance Review – Stockton-on-Tees Strategic Partnerships", align="R")
        self.set_draw_color(*NAVY)
        self.set_line_width(0.3)
        self.line(20, 16.5, 190, 16.5)
        self.set_y(24)

    def footer(self):
        if self.page_no() == 1:
            return
        self.set_font("Sans", "", 8)
        self.set_text_color(*GREY)
        self.set_xy(20, 284)
        self.cell(120, 5, "Ridley Marsh Associates  |  Final report  |  November 2022")
        self.set_xy(140, 284)
        self.cell(50, 5, f"Page {self.page_no()} of {{nb}}", align="R")


def render_review(lines, toc_pages):
    pdf = Review(orientation="P", unit="mm", format="A4")
    pdf.set_margins(20, 24, 20)
    pdf.set_auto_page_break(True, margin=22)
    add_fonts(pdf)
    fix_meta(pdf, dt.datetime(2022, 11, 28, 10, 15, 0, tzinfo=dt.timezone.utc),
             "Stockton-on-Tees Strategic Partnerships: Independent Governance Review - Final report",
             "Ridley Marsh Associates", "Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365")
    heading_pages = {}
    cover = [l[7:] for l in lines if l.startswith("COVER: ")]
    # cover page
    pdf.add_page()
    pdf.set_fill_color(*NAVY)
    pdf.rect(0, 0, 210, 120, "F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("Sans", "B", 26)
    pdf.set_xy(20, 45)
    pdf.multi_cell(170, 12, cover[0], align="L")
    pdf.set_font("Sans", "", 22)
    pdf.set_x(20)
    pdf.multi_cell(170, 11, cover[1], align="L")
    pdf.set_text_color(*NAVY)
    pdf.set_font("Sans", "B", 16)
    pdf.set_xy(20, 135)
    pdf.multi_cell(170, 8, cover[2], align="L")
    pdf.set_font("Sans", "", 14)
    pdf.set_x(20)
    pdf.multi_cell(170, 8, cover[3], align="L")
    pdf.set_font("Sans", "", 11)
    pdf.set_xy(20, 170)
    pdf.multi_cell(170, 6, cover[4], align="L")
    pdf.set_font("Sans", "B", 12)
    pdf.set_xy(20, 250)
    pdf.multi_cell(170, 6, cover[5], align="L")
    pdf.set_font("Sans", "", 9)
    pdf.set_x(20)
    pdf.multi_cell(170, 5, cover[6], align="L")
    body = [l for l in lines if not l.startswith("COVER: ")]
    i = 0
    first_after_break = True
    while i < len(body):
        l = body[i]
        if l == "PAGEBREAK":
            pdf.add_page()
            first_after_break = True
            i += 1
            continue
        if pdf.page_no() == 1:
            pdf.add_page()
        if l.startswith("H1: "):
            text = l[4:]
            if not first_after_break and pdf.get_y() > 200:
                pdf.add_page()
            heading_pages[text] = pdf.page_no()
            pdf.ln(2 if first_after_break else 5)
            pdf.set_font("Sans", "B", 16)
            pdf.set_text_color(*NAVY)
            pdf.set_x(20)
            pdf.multi_cell(170, 8, text, align="L")
            pdf.ln(2)
        elif l.startswith("H2: "):
            if pdf.get_y() > 250:
                pdf.add_page()
            pdf.ln(2)
            pdf.set_font("Sans", "B", 12)
            pdf.set_text_color(*PLUM)
            pdf.set_x(20)
            pdf.multi_cell(170, 6.5, l[4:], align="L")
            pdf.ln(1)
        elif l.startswith("TOC: "):
            title, _ = l[5:].split("|")
            key = title.replace("  ", "  ")
            page = toc_pages.get(key, 0)
            pdf.set_font("Sans", "", 11)
            pdf.set_text_color(30, 30, 30)
            pdf.set_x(20)
            pdf.cell(150, 8, title)
            pdf.cell(20, 8, str(page), align="R", new_x="LMARGIN", new_y="NEXT")
        elif l.startswith("P: "):
            num, text = l[3:].split("|", 1)
            pdf.set_font("Sans", "", 10.5)
            pdf.set_text_color(30, 30, 30)
            y = pdf.get_y()
            if y > 262:
                pdf.add_page()
                y = pdf.get_y()
            pdf.set_xy(20, y)
            pdf.cell(14, 5.6, num)
            pdf.set_xy(34, y)
            pdf.multi_cell(156, 5.6, text, align="L")
            pdf.ln(2.5)
        elif l.startswith("T: "):
            pdf.set_font("Sans", "B" if l[3:].startswith("Indicative") else "", 10.5)
            pdf.set_text_color(30, 30, 30)
            pdf.set_x(20)
            pdf.multi_cell(170, 5.6, l[3:], align="L")
            pdf.ln(2)
        elif l.startswith("- "):
            pdf.set_font("Sans", "", 10.5)
            pdf.set_text_color(30, 30, 30)
            y = pdf.get_y()
            pdf.set_xy(24, y)
            pdf.cell(5, 5.6, "•")
            pdf.set_xy(29, y)
            pdf.multi_cell(161, 5.6, l[2:], align="L")
            pdf.ln(1.2)
        elif l.startswith("BOX: "):
            label, text = l[5:].split("|", 1)
            if pdf.get_y() > 240:
                pdf.add_page()
            pdf.ln(1.5)
            y0 = pdf.get_y()
            pdf.set_fill_color(*BOXFILL)
            pdf.set_text_color(*NAVY)
            pdf.set_font("Sans", "B", 10.5)
            pdf.set_xy(24, y0)
            pdf.multi_cell(166, 6.5, label, fill=True, padding=(2.5, 5, 0.5, 5), align="L")
            pdf.set_font("Sans", "", 10.5)
            pdf.set_text_color(20, 20, 20)
            pdf.set_x(24)
            pdf.multi_cell(166, 5.6, text, fill=True, padding=(0.5, 5, 3, 5), align="L")
            y1 = pdf.get_y()
            pdf.set_fill_color(*NAVY)
            pdf.rect(20, y0, 1.6, y1 - y0, "F")
            pdf.ln(4)
        elif l.startswith("|"):
            rows = []
            while i < len(body) and body[i].startswith("|"):
                rows.append([c.strip() for c in body[i].strip().strip("|").split("|")])
                i += 1
            ncol = len(rows[0])
            widths = {2: (30, 140), 4: (62, 52, 28, 28)}[ncol]
            if rows[0][0] == "When":
                widths = (40, 130)
            from fpdf.fonts import FontFace
            head = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=NAVY)
            pdf.set_font("Sans", "", 9.5)
            pdf.set_text_color(30, 30, 30)
            pdf.set_draw_color(190, 200, 210)
            pdf.set_line_width(0.2)
            pdf.set_fill_color(255, 255, 255)
            with pdf.table(width=sum(widths), col_widths=widths, line_height=5.2, text_align="LEFT",
                           headings_style=head, align="LEFT", padding=1.6) as table:
                for k, r in enumerate(rows):
                    row = table.row()
                    for c in r:
                        if k == 0:
                            row.cell(c)
                        else:
                            row.cell(c, style=FontFace(fill_color=(244, 247, 250) if k % 2 == 0 else (255, 255, 255)))
            pdf.ln(4)
            continue
        first_after_break = False
        i += 1
    return pdf, heading_pages


def build_review():
    srcname, outname = FILES["03"]
    lines = [l for l in src_lines(srcname) if l.strip()]
    _, pages = render_review(lines, {})
    pdf, pages2 = render_review(lines, pages)
    assert pages == pages2, (pages, pages2)
    pdf.output(os.path.join(RAW, outname))


# ---------------------------------------------------------------------------
# 04  Internal audit report (.docx)
# ---------------------------------------------------------------------------
def build_docx():
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    srcname, outname = FILES["04"]
    lines = [l for l in src_lines(srcname) if l.strip()]
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    for hn, size in (("Heading 1", 14), ("Heading 2", 12), ("Title", 24)):
        hs = doc.styles[hn]
        hs.font.name = "Arial"
        hs.font.size = Pt(size)
        hs.font.color.rgb = RGBColor(0x00, 0x4B, 0x87)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for s in ("left_margin", "right_margin"):
        setattr(sec, s, Cm(2.2))

    def shade(cell, hexcolor):
        tcPr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), hexcolor)
        tcPr.append(shd)

    def field(par, instr, cached):
        r = par.add_run()
        b = OxmlElement("w:fldChar")
        b.set(qn("w:fldCharType"), "begin")
        r._r.append(b)
        r2 = par.add_run()
        t = OxmlElement("w:instrText")
        t.set(qn("xml:space"), "preserve")
        t.text = " %s \\* MERGEFORMAT " % instr
        r2._r.append(t)
        r3 = par.add_run()
        sp = OxmlElement("w:fldChar")
        sp.set(qn("w:fldCharType"), "separate")
        r3._r.append(sp)
        r4 = par.add_run(cached)  # the value Word last displayed (cached field result)
        r4.font.size = Pt(8)
        r5 = par.add_run()
        e = OxmlElement("w:fldChar")
        e.set(qn("w:fldCharType"), "end")
        r5._r.append(e)

    def cell_text(cell, text, size=9, bold=False, color=None):
        parts = text.split(" // ")
        p = cell.paragraphs[0]
        for k, part in enumerate(parts):
            if k:
                p = cell.add_paragraph()
            run = p.add_run(part)
            run.font.size = Pt(size)
            run.bold = bold
            if color:
                run.font.color.rgb = color
            p.paragraph_format.space_after = Pt(3)

    header_text = footer_text = ""
    i = 0
    while i < len(lines):
        l = lines[i]
        if l.startswith("HEADER: "):
            header_text = l[8:]
            hp = sec.header.paragraphs[0]
            hp.text = header_text
            hp.runs[0].font.size = Pt(8)
            hp.runs[0].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        elif l.startswith("FOOTER: "):
            footer_text = l[8:]
            fp = sec.footer.paragraphs[0]
            run = fp.add_run(footer_text + "\tPage ")
            run.font.size = Pt(8)
            field(fp, "PAGE", "1")
            run2 = fp.add_run(" of ")
            run2.font.size = Pt(8)
            field(fp, "NUMPAGES", "6")
        elif l.startswith("TITLE: "):
            doc.add_paragraph(l[7:], style="Title")
        elif l.startswith("SUBTITLE: "):
            p = doc.add_paragraph()
            r = p.add_run(l[10:])
            r.bold = True
            r.font.size = Pt(18)
            r.font.color.rgb = RGBColor(0x00, 0x4B, 0x87)
        elif l.startswith("KV: "):
            kv = []
            while i < len(lines) and lines[i].startswith("KV: "):
                kv.append(lines[i][4:].split("|", 1))
                i += 1
            t = doc.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for k, v in kv:
                cells = t.add_row().cells
                cell_text(cells[0], k, 10, True)
                shade(cells[0], "DCE6F1")
                cell_text(cells[1], v, 10)
                cells[0].width, cells[1].width = Cm(4.5), Cm(12.1)
            doc.add_paragraph()
            continue
        elif l.startswith("H1: "):
            doc.add_heading(l[4:], level=1)
        elif l.startswith("H2: "):
            doc.add_heading(l[4:], level=2)
        elif l.startswith("P: "):
            doc.add_paragraph(l[3:])
        elif l.startswith("- "):
            doc.add_paragraph(l[2:], style="List Bullet")
        elif l in ("LANDSCAPE", "PORTRAIT"):
            ns = doc.add_section(WD_SECTION.NEW_PAGE)
            if l == "LANDSCAPE":
                ns.orientation = WD_ORIENT.LANDSCAPE
                ns.page_width, ns.page_height = Cm(29.7), Cm(21.0)
                ns.left_margin = ns.right_margin = Cm(1.6)
            else:
                ns.orientation = WD_ORIENT.PORTRAIT
                ns.page_width, ns.page_height = Cm(21.0), Cm(29.7)
                ns.left_margin = ns.right_margin = Cm(2.2)
        elif l.startswith("|") or l.startswith("AP: "):
            rows = []
            while i < len(lines) and (lines[i].startswith("|") or lines[i].startswith("AP: ")):
                ln = lines[i]
                if ln.startswith("|"):
                    rows.append([c.strip() for c in ln.strip().strip("|").split("|")])
                else:
                    rows.append([c.strip() for c in ln[4:].split(" ¦ ")])
                i += 1
            ncol = len(rows[0])
            t = doc.add_table(rows=0, cols=ncol)
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            if ncol == 8:
                widths = [Cm(1.1), Cm(4.4), Cm(3.0), Cm(4.6), Cm(1.7), Cm(5.6), Cm(3.0), Cm(2.4)]
            else:
                widths = [Cm(4.2), Cm(12.4)]
            for r_i, r in enumerate(rows):
                cells = t.add_row().cells
                for c_i, c in enumerate(r):
                    if r_i == 0:
                        cell_text(cells[c_i], c, 9 if ncol == 8 else 10, True, RGBColor(0xFF, 0xFF, 0xFF))
                        shade(cells[c_i], "004B87")
                    else:
                        cell_text(cells[c_i], c, 9 if ncol == 8 else 10, c_i == 0)
                    cells[c_i].width = widths[c_i]
                if r_i == 0:
                    trPr = t.rows[0]._tr.get_or_add_trPr()
                    th = OxmlElement("w:tblHeader")
                    th.set(qn("w:val"), "true")
                    trPr.append(th)
            doc.add_paragraph()
            continue
        i += 1

    cp = doc.core_properties
    when = dt.datetime(2024, 2, 19, 9, 12, 0)
    cp.author = "Gillian Rennie"
    cp.last_modified_by = "Douglas Strachan"
    cp.title = "Internal Audit Report - Community Planning Partnership Governance"
    cp.subject = "IA 2023/24-11"
    cp.keywords = "internal audit; community planning; governance"
    cp.comments = ""
    cp.category = "Internal Audit"
    cp.created = dt.datetime(2024, 1, 22, 14, 3, 0)
    cp.modified = when
    cp.last_printed = when
    cp.revision = 7
    buf = io.BytesIO()
    doc.save(buf)
    # rewrite the zip with fixed timestamps so the file is byte-identical on every run
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 2, 19, 9, 12, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    with open(os.path.join(RAW, outname), "wb") as f:
        f.write(out.getvalue())


# ---------------------------------------------------------------------------
# 05  E-bulletin received by e-mail (.eml, HTML only, quoted-printable)
# ---------------------------------------------------------------------------
def build_eml():
    srcname, outname = FILES["05"]
    html = read(srcname).replace("\r\n", "\n")
    subject = "Partnership Update – June 2024: new structure agreed, cost of living task group and more"
    subj = Header(subject, "utf-8", header_name="Subject").encode(maxlinelen=76).replace("\n", "\r\n")
    uid = "6c1f0e9a2b7d44a1e83c5f0d2"
    headers = [
        "Return-Path: <bounce-mc.us21_117402396.2284731-9d2a71c3f0@mail208.atl121.mcdlv.net>",
        "Received: from mail208.atl121.mcdlv.net (mail208.atl121.mcdlv.net [198.2.139.208])",
        "\tby mx.bradford.gov.uk with ESMTPS id 4VwB2r1KZyz9sRq",
        "\tfor <sarah.oldroyd@bradford.gov.uk>; Thu, 06 Jun 2024 09:30:14 +0000 (UTC)",
        "Received: from localhost (localhost [127.0.0.1])",
        "\tby mail208.atl121.mcdlv.net (Mailchimp) with ESMTP id 4VwB2q6Zc1zQ4v",
        "\tfor <sarah.oldroyd@bradford.gov.uk>; Thu, 06 Jun 2024 09:30:12 +0000 (GMT)",
        "Subject: " + subj,
        "From: Bradford District Partnership <partnerships@bradford.gov.uk>",
        "Reply-To: Bradford District Partnership <partnerships@bradford.gov.uk>",
        "To: Sarah Oldroyd <sarah.oldroyd@bradford.gov.uk>",
        "Date: Thu, 06 Jun 2024 09:30:12 +0000",
        "Message-ID: <0b7e5d1c4a.9d2a71c3f0.20240606093012.2284731@mail208.atl121.mcdlv.net>",
        "List-ID: " + uid + "mc list <" + uid + ".2284731.list-id.mcsv.net>",
        "List-Unsubscribe: <https://bradford.us21.list-manage.com/unsubscribe?u=" + uid
        + "&id=a41d07c9b3&e=9d2a71c3f0&c=7b02e6f4d1>,",
        " <mailto:unsubscribe-mc.us21_" + uid + ".7b02e6f4d1-9d2a71c3f0@unsubscribe.mailchimpapp.net?subject=unsubscribe>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        "X-Mailer: Mailchimp Mailer - **CID7b02e6f4d19d2a71c3f0**",
        "X-Campaign: mailchimp" + uid + ".7b02e6f4d1",
        "X-campaignid: mailchimp" + uid + ".7b02e6f4d1",
        "X-Report-Abuse: Please report abuse for this campaign here:",
        " https://mailchimp.com/contact/abuse/?u=" + uid + "&id=7b02e6f4d1&e=9d2a71c3f0",
        "X-MC-User: " + uid,
        "Feedback-ID: 117402396:117402396.2284731:us21:mc",
        "Precedence: bulk",
        "MIME-Version: 1.0",
        'Content-Type: text/html; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
    ]
    body = quopri.encodestring(html.encode("utf-8"), quotetabs=False).decode("ascii")
    body = body.replace("\n", "\r\n")
    data = "\r\n".join(headers) + "\r\n\r\n" + body
    with open(os.path.join(RAW, outname), "wb") as f:
        f.write(data.encode("ascii"))


def main():
    os.makedirs(RAW, exist_ok=True)
    build_scan()
    build_slides()
    build_review()
    build_docx()
    build_eml()
    for k in sorted(FILES):
        p = os.path.join(RAW, FILES[k][1])
        print(FILES[k][1], os.path.getsize(p))


if __name__ == "__main__":
    main()
