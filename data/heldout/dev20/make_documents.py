#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/.

Five invented council documents (dev20 held-out set). Deterministic: fixed PDF
creation dates, no clocks, seeded randomness for the scanned-page images.

    /work/main/.venv/bin/python make_documents.py        # writes raw/ and prints sha256 of each file
"""
import datetime
import hashlib
import io
import json
import math
import random
import re
import shutil
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "sources"
RAW = ROOT / "raw"
DJ = "/usr/share/fonts/truetype/dejavu/"
LB = "/usr/share/fonts/truetype/liberation/"

OUT = {
    "01": "medway_csp_development-session-handouts_2024-03.pdf",
    "02": "belfast_cpp_governance-review-wiki_2024-09.md",
    "03": "lewisham_hwb_draft-minutes_2024-07.pdf",
    "04": "camden_committee-decisions-export_2024-11.json",
    "05": "buckinghamshire_safer-bucks-board_report-pack_2024-06.pdf",
}


def utc(*a):
    return datetime.datetime(*a, tzinfo=datetime.timezone.utc)


def add_fonts(pdf):
    pdf.add_font("LS", "", LB + "LiberationSans-Regular.ttf")
    pdf.add_font("LS", "B", LB + "LiberationSans-Bold.ttf")
    pdf.add_font("LS", "I", LB + "LiberationSans-Italic.ttf")
    pdf.add_font("LS", "BI", LB + "LiberationSans-BoldItalic.ttf")
    pdf.add_font("AR", "", LB + "LiberationSansNarrow-Regular.ttf")
    pdf.add_font("AR", "B", LB + "LiberationSansNarrow-Bold.ttf")


def source_lines(name):
    """Source lines without comment lines."""
    return [l for l in (SRC / name).read_text(encoding="utf-8").splitlines() if not l.startswith("#")]


# --------------------------------------------------------------------------------------------
# 01  PowerPoint handouts (3 slides per page) printed to PDF
# --------------------------------------------------------------------------------------------
def parse_deck(lines):
    meta, slides, cur = {}, [], None
    for l in lines:
        if l.startswith("=== SLIDE"):
            cur = {"kind": l[9:].strip() or "normal", "title": "", "items": []}
            slides.append(cur)
        elif cur is None:
            if ":" in l:
                k, v = l.split(":", 1)
                meta[k.strip()] = v.strip()
        elif l.startswith("TITLE:"):
            cur["title"] = l[6:].strip()
        elif l.startswith("SUB:"):
            cur["items"].append(("sub", l[4:].strip()))
        elif l.startswith("TAG:"):
            cur["items"].append(("tag", l[4:].strip()))
        elif l.startswith("TABLE:"):
            cur["items"].append(("row", l[6:].strip().split("|")))
        elif l.startswith("  - "):
            cur["items"].append(("b2", l[4:].strip()))
        elif l.startswith("- "):
            cur["items"].append(("b1", l[2:].strip()))
        elif l.strip():
            raise ValueError(l)
    return meta, slides


def build_01():
    meta, slides = parse_deck(source_lines("01_medway_csp_handouts.txt"))
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(utc(2024, 3, 12, 16, 5, 0))
    pdf.set_title("Partnership Development Session - 14 March 2024")
    pdf.set_author("Community Safety Partnership Team")
    pdf.set_creator("Microsoft PowerPoint for Microsoft 365")
    pdf.set_producer("Microsoft: Print To PDF")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    add_fonts(pdf)
    blue = (0, 59, 113)
    teal = (0, 133, 124)
    W, H = 86.0, 86.0 * 9 / 16
    X0 = 20.0
    Y0s = [31.0, 114.0, 197.0]
    npages = math.ceil(len(slides) / 3)
    for i, s in enumerate(slides):
        if i % 3 == 0:
            pdf.add_page()
            page = i // 3 + 1
            pdf.set_text_color(60, 60, 60)
            pdf.set_font("LS", "", 9)
            pdf.set_xy(X0, 11)
            pdf.cell(120, 5, meta["DECK"])
            pdf.set_draw_color(160, 160, 160)
            pdf.set_line_width(0.2)
            pdf.line(X0, 18, 190, 18)
            pdf.set_xy(X0, 281)
            pdf.cell(60, 5, meta["DATE"])
            pdf.set_xy(150, 281)
            pdf.cell(40, 5, str(page), align="R")
        y0 = Y0s[i % 3]
        # notes lines on the right
        pdf.set_draw_color(150, 150, 150)
        pdf.set_line_width(0.15)
        for k in range(8):
            yy = y0 + 3 + k * 7.0
            pdf.line(118, yy, 190, yy)
        # slide frame
        pdf.set_line_width(0.25)
        pdf.set_draw_color(120, 120, 120)
        if s["kind"] in ("cover", "contact"):
            pdf.set_fill_color(*blue)
            pdf.rect(X0, y0, W, H, style="DF")
            pdf.set_fill_color(*teal)
            pdf.rect(X0, y0 + H - 3, W, 3, style="F")
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("LS", "B", 11 if s["kind"] == "cover" else 10)
            pdf.set_xy(X0 + 5, y0 + 9)
            pdf.multi_cell(W - 10, 5, s["title"], align="L")
            pdf.set_font("LS", "", 6.5)
            yy = pdf.get_y() + 3
            for _, t in s["items"]:
                pdf.set_xy(X0 + 5, yy)
                pdf.cell(W - 10, 3.4, t)
                yy += 4.0
            pdf.set_font("LS", "B", 5.5)
            pdf.set_xy(X0 + 5, y0 + H - 9)
            pdf.cell(W - 10, 3, "Medway Council  |  Serving You")
        else:
            pdf.set_fill_color(255, 255, 255)
            pdf.rect(X0, y0, W, H, style="DF")
            pdf.set_fill_color(*blue)
            pdf.rect(X0, y0, W, 8.5, style="F")
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("LS", "B", 7.6)
            pdf.set_xy(X0 + 3, y0 + 1.2)
            pdf.multi_cell(W - 6, 3.2, s["title"], align="L")
            yy = y0 + 11
            pdf.set_text_color(30, 30, 30)
            for kind, t in s["items"]:
                if kind in ("b1", "b2"):
                    ind = 3.5 if kind == "b1" else 7.5
                    pdf.set_font("LS", "", 6.2 if kind == "b1" else 5.8)
                    pdf.set_xy(X0 + ind, yy)
                    pdf.cell(2.5, 3.1, "•" if kind == "b1" else "–")
                    pdf.set_xy(X0 + ind + 2.7, yy)
                    pdf.multi_cell(W - ind - 6, 3.1, t, align="L")
                    yy = pdf.get_y() + 0.9
                elif kind == "row":
                    pdf.set_font("LS", "", 5.8)
                    widths = [18, 34, 26] if len(t) == 3 else [16, 60]
                    x = X0 + 4
                    pdf.set_draw_color(190, 190, 190)
                    for w, c in zip(widths, t):
                        pdf.set_xy(x, yy)
                        pdf.cell(w, 3.8, c, border=1)
                        x += w
                    yy += 3.8
                elif kind == "tag":
                    yy += 1.0
                    pdf.set_fill_color(*teal)
                    pdf.set_text_color(255, 255, 255)
                    pdf.set_font("LS", "B", 6.2)
                    pdf.set_xy(X0 + 4, yy)
                    pdf.cell(W - 8, 4.2, t, fill=True, align="C")
                    pdf.set_text_color(30, 30, 30)
                    yy += 5
            # slide footer
            pdf.set_text_color(120, 120, 120)
            pdf.set_font("LS", "", 4.2)
            pdf.set_xy(X0 + 3, y0 + H - 4)
            pdf.cell(60, 3, meta["SLIDEFOOT"])
            pdf.set_xy(X0 + W - 13, y0 + H - 4)
            pdf.cell(10, 3, str(i + 1), align="R")
        pdf.set_text_color(0, 0, 0)
    assert pdf.page_no() == npages
    pdf.output(str(RAW / OUT["01"]))


# --------------------------------------------------------------------------------------------
# Shared flow renderer for the born-digital PDF pages (documents 03 and 05)
# --------------------------------------------------------------------------------------------
def split_tag(l):
    m = re.match(r"^([A-Z0-9]+):\s?(.*)$", l)
    if not m:
        raise ValueError(l)
    return m.group(1), m.group(2)


def render_flow(pdf, lines, base=10.5, lh=5.0, scan=None):
    """Render the simple markup used in sources/03 and the digital pages of sources/05."""
    table = []
    tw = {}

    def flush_table():
        if not table:
            return
        ncol = len(table[0])
        widths = tw.pop("w", None) or {5: (20, 11, 68, 47, 24), 4: (40, 28, 28, 74), 3: (40, 66, 64), 2: (50, 120)}[ncol]
        pdf.set_font("LS", "", base - 1.5)
        pdf.set_draw_color(120, 120, 120)
        from fpdf.fonts import FontFace
        head = FontFace(family="LS", emphasis="BOLD", fill_color=(225, 225, 225))
        with pdf.table(col_widths=widths, text_align="LEFT", line_height=lh - 0.6,
                       headings_style=head, first_row_as_headings=True, width=sum(widths)) as t:
            for row in table:
                tr = t.row()
                for c in row:
                    tr.cell(c)
        table.clear()
        pdf.ln(2)

    for l in lines:
        if not l.strip():
            continue
        tag, rest = split_tag(l)
        if tag not in ("T", "TW"):
            flush_table()
        if tag in ("HEADER", "WATERMARK", "STAMP", "FOOT"):
            continue
        if tag == "TW":
            tw["w"] = tuple(float(x) for x in rest.split(","))
            continue
        if tag == "SCAN":
            scan(pdf, rest.strip())
            continue
        if tag == "RL":
            lab, _, txt = rest.partition("|")
            if pdf.will_page_break(lh * 3):
                pdf.add_page()
            pdf.set_font("LS", "B", base)
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(pdf.epw - 6, lh, lab, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("LS", "", base)
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(pdf.epw - 6, lh, txt, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.8)
            continue
        if tag == "H1":
            pdf.set_font("LS", "B", base + 3)
            pdf.multi_cell(0, lh + 2, rest, align="C", new_x="LMARGIN", new_y="NEXT")
        elif tag == "C":
            pdf.set_font("LS", "", base)
            pdf.multi_cell(0, lh, rest, align="C", new_x="LMARGIN", new_y="NEXT")
        elif tag == "H2":
            pdf.ln(2.5)
            pdf.set_font("LS", "B", base + 0.5)
            pdf.multi_cell(0, lh + 0.5, rest, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif tag == "B":
            pdf.set_font("LS", "B", base)
            pdf.multi_cell(0, lh, rest, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
        elif tag == "P":
            pdf.set_font("LS", "", base)
            pdf.multi_cell(0, lh, rest, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.8)
        elif tag in ("N", "R"):
            lab, _, txt = rest.partition("|")
            ind = 12 if tag == "N" else 20
            x0 = pdf.l_margin + (0 if tag == "N" else 8)
            pdf.set_font("LS", "", base)
            if pdf.will_page_break(lh * 2):
                pdf.add_page()
            y = pdf.get_y()
            pdf.set_xy(x0, y)
            pdf.cell(ind - (x0 - pdf.l_margin), lh, lab)
            pdf.set_xy(pdf.l_margin + ind, y)
            pdf.multi_cell(pdf.epw - ind, lh, txt, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.8 if tag == "N" else 1.0)
        elif tag == "BL":
            pdf.set_font("LS", "", base)
            y = pdf.get_y()
            pdf.set_xy(pdf.l_margin + 4, y)
            pdf.cell(5, lh, "•")
            pdf.set_xy(pdf.l_margin + 9, y)
            pdf.multi_cell(pdf.epw - 9, lh, rest, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
        elif tag == "T":
            table.append(rest.split("|"))
        elif tag == "SP":
            pdf.ln(3)
        elif tag == "PB":
            pdf.add_page()
        else:
            raise ValueError(l)
    flush_table()


# --------------------------------------------------------------------------------------------
# 03  Draft minutes with a DRAFT watermark in the text layer
# --------------------------------------------------------------------------------------------
class DraftMinutes(FPDF):
    meta = {}

    def header(self):
        m = self.meta
        # watermark first, so the body prints over it (as council templates do)
        self.set_text_color(218, 218, 218)
        self.set_font("LS", "B", 50)
        with self.rotation(52, x=105, y=160):
            w = self.get_string_width(m["WATERMARK"])
            self.text(105 - w / 2, 168, m["WATERMARK"])
        # running header
        self.set_text_color(80, 80, 80)
        self.set_font("LS", "", 8.5)
        self.set_xy(20, 9)
        self.cell(120, 4, m["HEADER"])
        self.set_draw_color(0, 0, 0)
        self.set_line_width(0.2)
        self.line(20, 15, 190, 15)
        # approval stamp, slightly rotated, top right
        self.set_text_color(175, 30, 30)
        self.set_draw_color(175, 30, 30)
        self.set_line_width(0.6)
        self.set_font("LS", "B", 8)
        with self.rotation(4, x=168, y=24):
            self.rect(145, 18.5, 46, 11)
            self.set_xy(146, 19.5)
            self.multi_cell(44, 4.3, m["STAMP"].upper(), align="C")
        self.set_text_color(0, 0, 0)
        self.set_draw_color(0, 0, 0)
        self.set_line_width(0.2)
        self.set_y(34)

    def footer(self):
        self.set_y(-16)
        self.set_font("LS", "", 8.5)
        self.set_text_color(80, 80, 80)
        self.cell(0, 4, "DRAFT minutes – Health and Wellbeing Board – 11 July 2024", align="L")
        self.set_x(20)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def build_03():
    lines = source_lines("03_lewisham_hwb_draft_minutes.txt")
    meta = {}
    for l in lines:
        tag, rest = split_tag(l)
        if tag in ("HEADER", "WATERMARK", "STAMP"):
            meta[tag] = rest
    pdf = DraftMinutes(format="A4", unit="mm")
    pdf.meta = meta
    pdf.set_creation_date(utc(2024, 7, 16, 10, 21, 0))
    pdf.set_title("Health and Wellbeing Board - draft minutes - 11 July 2024")
    pdf.set_author("Governance and Committee Services")
    pdf.set_creator("Microsoft Word for Microsoft 365")
    pdf.set_producer("Microsoft Word for Microsoft 365")
    pdf.set_margins(20, 34, 20)
    pdf.set_auto_page_break(True, 22)
    add_fonts(pdf)
    pdf.add_page()
    render_flow(pdf, lines)
    pdf.output(str(RAW / OUT["03"]))


# --------------------------------------------------------------------------------------------
# 05  Report pack: born-digital pages plus scanned, image-only pages
# --------------------------------------------------------------------------------------------
MM = 150 / 25.4  # pixels per mm at 150 dpi


def scan_source(name):
    """Lines of a scanned page's source (comments removed). Shared with check_gold.py."""
    return [l for l in (SRC / "05_scans" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
            if not l.startswith("#")]


def _font(path, pt):
    return ImageFont.truetype(path, int(round(pt / 72 * 150)))


def _scribble(draw, rng, x, y, w, h, colour, width=3):
    pts = []
    n = 160
    f1, f2, ph = rng.uniform(5.0, 7.0), rng.uniform(1.2, 2.0), rng.uniform(0, 3)
    for k in range(n):
        t = k / (n - 1)
        loop = math.sin(t * math.pi * 2 * f1 + ph)
        px = x + t * w + 0.09 * w * math.cos(t * math.pi * 2 * f1 + ph)
        py = y + h / 2 - loop * h / 2 * (0.55 + 0.45 * math.sin(t * math.pi * f2))
        pts.append((px, py))
    draw.line(pts, fill=colour, width=width, joint="curve")
    draw.line([(x + w * 0.1, y + h * 0.9), (x + w * 0.8, y + h * 0.75)], fill=colour, width=2)


def _handwrite(img, draw, rng, x, y, angle, text, colour=(25, 45, 140)):
    """Hand-lettered text: each glyph jittered in size, baseline and slant, then the line rotated."""
    size = 25
    tmp = Image.new("RGBA", (int(len(text) * size * 0.75) + 40, size * 2), (255, 255, 255, 0))
    td = ImageDraw.Draw(tmp)
    cx = 10
    for ch in text:
        f = ImageFont.truetype(DJ + "DejaVuSans-Oblique.ttf", size + rng.randint(-2, 2))
        td.text((cx, 8 + rng.randint(-2, 2)), ch, font=f, fill=colour + (255,))
        cx += f.getlength(ch) * rng.uniform(0.86, 0.96)
    tmp = tmp.crop((0, 0, int(cx) + 12, size * 2))
    tmp = tmp.rotate(angle, expand=True, resample=Image.BICUBIC)
    img.paste(tmp, (int(x * MM), int(y * MM)), tmp)


def render_scan(name, seed):
    W, H = int(210 * MM), int(297 * MM)
    rng = random.Random(seed)
    lines = scan_source(name)
    colour_page = any(l.startswith("@hw") for l in lines)
    img = Image.new("RGB", (W, H), (250, 249, 244))
    d = ImageDraw.Draw(img)
    serif = LB + "LiberationSerif-Regular.ttf"
    serif_b = LB + "LiberationSerif-Bold.ttf"
    f_norm, f_b, f_h, f_s = _font(serif, 11.5), _font(serif_b, 11.5), _font(serif_b, 13), _font(serif, 9)
    x0, y = 24 * MM, 22 * MM
    lh = 5.6 * MM
    for l in lines:
        if l.startswith("@box"):
            geo, _, txt = l[5:].partition("|")
            bx, by, bw, bh = (float(v) * MM for v in geo.split(","))
            d.rectangle([bx, by, bx + bw, by + bh], outline=(40, 40, 40), width=3)
            f = _font(LB + "LiberationSans-Regular.ttf", 8.5)
            tl = f.getlength(txt)
            d.text((bx + (bw - tl) / 2, by + bh / 2 - 12), txt, font=f, fill=(20, 20, 20))
            continue
        if l.startswith("@hw"):
            geo, _, txt = l[4:].partition("|")
            hx, hy, ang = (float(v) for v in geo.split(","))
            _handwrite(img, d, rng, hx, hy, ang, txt)
            continue
        if l.startswith("@line"):
            x1, y1, x2, y2 = (float(v) * MM for v in l[6:].split(","))
            d.line([(x1, y1), (x2, y2)], fill=(40, 40, 40), width=3)
            continue
        if l.startswith("@arrow"):
            x1, y1, x2, y2 = (float(v) * MM for v in l[7:].split(","))
            d.line([(x1, y1), (x2, y2)], fill=(25, 45, 140), width=4)
            a = math.atan2(y2 - y1, x2 - x1)
            for s in (2.6, -2.6):
                d.line([(x2, y2), (x2 - 18 * math.cos(a + s / 6), y2 - 18 * math.sin(a + s / 6))],
                       fill=(25, 45, 140), width=4)
            continue
        if not l.strip():
            y += lh * 0.6
            continue
        if l.startswith("@h "):
            d.text((x0, y), l[3:], font=f_h, fill=(15, 15, 15))
            y += lh * 1.15
        elif l.startswith("@small "):
            d.text((x0, y), l[7:], font=f_s, fill=(40, 40, 40))
            y += lh * 0.85
        elif l.startswith("@rule"):
            d.line([(x0, y + 6), (W - 24 * MM, y + 6)], fill=(40, 40, 40), width=2)
            y += lh * 0.7
        elif l.startswith("@r "):
            t = l[3:]
            d.text((W - 24 * MM - f_norm.getlength(t), y), t, font=f_norm, fill=(15, 15, 15))
            y += lh
        elif l.startswith("@c "):
            t = l[3:]
            d.text(((W - f_norm.getlength(t)) / 2, y), t, font=f_norm, fill=(15, 15, 15))
            y += lh
        elif l.startswith("@b "):
            d.text((x0, y), l[3:], font=f_b, fill=(10, 10, 10))
            y += lh
        elif l.startswith("@sig"):
            if l.startswith("@sigline "):
                t = l[9:]
                d.text((x0, y + 10 * MM), t, font=f_norm, fill=(15, 15, 15))
                _scribble(d, rng, x0 + 16 * MM, y + 2 * MM, 48 * MM, 12 * MM, (20, 30, 90))
                y += lh * 3
            else:
                _scribble(d, rng, x0, y, 55 * MM, 13 * MM, (20, 30, 90))
                y += lh * 2.6
        elif l.startswith("@stamp"):
            st = Image.new("RGBA", (int(58 * MM), int(20 * MM)), (255, 255, 255, 0))
            sd = ImageDraw.Draw(st)
            sd.rectangle([2, 2, st.width - 3, st.height - 3], outline=(170, 40, 40, 230), width=4)
            fs = _font(LB + "LiberationSans-Bold.ttf", 10)
            for k, t in enumerate(("RECEIVED", "30 MAY 2024", "COMMUNITY SAFETY")):
                sd.text(((st.width - fs.getlength(t)) / 2, 10 + k * 36), t, font=fs, fill=(170, 40, 40, 230))
            st = st.rotate(-7, expand=True, resample=Image.BICUBIC)
            img.paste(st, (int(128 * MM), int(y - 26 * MM)), st)
        else:
            d.text((x0, y), l, font=f_norm, fill=(15, 15, 15))
            y += lh
    # scanner artefacts: slight skew, speckle, grey edge shadow, softening
    img = img.rotate(rng.uniform(-0.6, 0.6), resample=Image.BICUBIC, fillcolor=(250, 249, 244))
    d = ImageDraw.Draw(img)
    for _ in range(2500):
        px, py = rng.randrange(W), rng.randrange(H)
        g = rng.randint(120, 200)
        d.point((px, py), fill=(g, g, g))
    d.rectangle([0, 0, W, 7], fill=(150, 150, 150))
    d.rectangle([W - 9, 0, W, H], fill=(170, 170, 170))
    img = img.filter(ImageFilter.GaussianBlur(0.55))
    if not colour_page:
        img = img.convert("L")
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=62, optimize=False)
    buf.seek(0)
    return buf


class ReportPack(FPDF):
    foot = ""
    scanned = set()

    def footer(self):
        if self.page_no() in self.scanned:
            return
        self.set_y(-15)
        self.set_font("LS", "", 8.5)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, self.foot, align="L")
        self.set_x(20)
        self.cell(0, 4, f"Page {self.page_no()}", align="R")
        self.set_text_color(0, 0, 0)


def build_05():
    lines = source_lines("05_buckinghamshire_report_pack.txt")
    pdf = ReportPack(format="A4", unit="mm")
    pdf.foot = next(split_tag(l)[1] for l in lines if l.startswith("FOOT:"))
    pdf.set_creation_date(utc(2024, 6, 12, 14, 33, 0))
    pdf.set_title("Safer Buckinghamshire Board - agenda pack - 20 June 2024")
    pdf.set_author("Democratic Services")
    pdf.set_creator("Modern.Gov")
    pdf.set_producer("Modern.Gov PDF pack builder")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, 20)
    add_fonts(pdf)
    seeds = iter(range(501, 600))

    def scan(p, name):
        p.add_page()
        p.scanned.add(p.page_no())
        p.image(render_scan(name, next(seeds)), x=0, y=0, w=210, h=297)
        p.set_y(p.h)  # nothing else goes on this page

    pdf.add_page()
    render_flow(pdf, lines, scan=scan)
    pdf.output(str(RAW / OUT["05"]))


# --------------------------------------------------------------------------------------------
# 02  Wiki page exported as Markdown (the source is the page itself)
# --------------------------------------------------------------------------------------------
def build_02():
    text = (SRC / "02_belfast_cpp_governance_review.md").read_bytes()
    (RAW / OUT["02"]).write_bytes(text)


# --------------------------------------------------------------------------------------------
# 04  Open-data export of decisions as JSON (re-serialised deterministically)
# --------------------------------------------------------------------------------------------
def build_04():
    data = json.loads((SRC / "04_camden_decisions.json").read_text(encoding="utf-8"))
    assert data["dataset"]["record_count"] == len(data["records"])
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    (RAW / OUT["04"]).write_text(text, encoding="utf-8", newline="\n")


BUILDERS = {"01": build_01, "02": build_02, "03": build_03, "04": build_04, "05": build_05}


def main():
    RAW.mkdir(exist_ok=True)
    for k, fn in BUILDERS.items():
        fn()
    for k in sorted(BUILDERS):
        p = RAW / OUT[k]
        print(hashlib.sha256(p.read_bytes()).hexdigest(), p.name)


if __name__ == "__main__":
    main()
