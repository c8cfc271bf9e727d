#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/.

Five invented evaluation documents (test16). Deterministic: fixed PDF dates and metadata,
seeded randomness for the scanned pages, no timestamps taken from the clock.

    /work/main/.venv/bin/python make_documents.py
"""
import datetime
import io
import json
import math
import random
import re
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIB = "/usr/share/fonts/truetype/liberation/"

OUT = {
    "01": "cheshirewestandchester_hwb_development-session-handouts_2025-03.pdf",
    "02": "cornwall_safercornwall_governance-review-wiki_2025-02.md",
    "03": "fife_partnership-board_draft-minutes_2025-03.pdf",
    "04": "bristol_committee-decisions_open-data_2025-04.json",
    "05": "cumberland_hwb_agenda-pack_2025-06.pdf",
}


def src_lines(name):
    """Source lines without '@@' comment lines."""
    text = (SRC / name).read_text(encoding="utf-8")
    return [ln for ln in text.split("\n") if not ln.startswith("@@")]


def props(lines):
    out = {}
    for ln in lines:
        m = re.match(r"^@(\w+): (.*)$", ln)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def new_pdf(created, title, author, creator, producer):
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_creation_date(created)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator(creator)
    pdf.set_producer(producer)
    pdf.set_compression(True)
    for fam, path in [
        ("Sans", LIB + "LiberationSans-Regular.ttf"),
        ("SansB", LIB + "LiberationSans-Bold.ttf"),
        ("SansI", LIB + "LiberationSans-Italic.ttf"),
        ("DV", DEJAVU + "DejaVuSans.ttf"),
        ("DVB", DEJAVU + "DejaVuSans-Bold.ttf"),
        ("DVC", DEJAVU + "DejaVuSansCondensed.ttf"),
    ]:
        pdf.add_font(fam, "", path)
    return pdf


# ---------------------------------------------------------------------------------------------
# 01  PowerPoint handouts (3 slides per page) printed to PDF
# ---------------------------------------------------------------------------------------------
def parse_deck(lines):
    slides = []
    for ln in lines:
        if ln.startswith("#") or not ln.strip():
            continue
        if ln.startswith("=== "):
            slides.append({"title": ln[4:].strip(), "layout": "content", "items": []})
        elif ln.startswith("@layout: ") and slides:
            slides[-1]["layout"] = ln.split(": ", 1)[1].strip()
        elif ln.startswith("@"):
            continue
        elif ln.startswith("  - "):
            slides[-1]["items"].append((2, ln[4:]))
        elif ln.startswith("- "):
            slides[-1]["items"].append((1, ln[2:]))
        elif ln.startswith("> "):
            slides[-1]["items"].append((0, ln[2:]))
    return slides


def build_01():
    lines = src_lines("01_cheshirewest_hwb_handouts.txt")
    p = props(lines)
    slides = parse_deck(lines)
    pdf = new_pdf(datetime.datetime(2025, 3, 11, 16, 5, 0, tzinfo=datetime.timezone.utc),
                  p["pdf_title"], p["pdf_author"], "Microsoft® PowerPoint® for Microsoft 365",
                  "Microsoft® PowerPoint® for Microsoft 365")
    pdf.set_auto_page_break(False)
    teal = (0, 94, 110)
    sw, sh = 104.0, 104.0 * 9 / 16
    sx = 14.0
    tops = [22.0, 112.0, 202.0]
    npages = math.ceil(len(slides) / 3)
    for i, s in enumerate(slides):
        if i % 3 == 0:
            pdf.add_page()
            pg = i // 3 + 1
            pdf.set_text_color(60, 60, 60)
            pdf.set_font("Sans", "", 8)
            pdf.set_xy(14, 8)
            pdf.cell(182, 4, p["header"], align="L")
            pdf.set_xy(14, 286)
            pdf.cell(90, 4, p["footer_date"], align="L")
            pdf.set_xy(106, 286)
            pdf.cell(90, 4, str(pg), align="R")
        top = tops[i % 3]
        # notes lines on the right
        pdf.set_draw_color(170, 170, 170)
        pdf.set_line_width(0.2)
        y = top + 4
        while y <= top + sh:
            pdf.line(128, y, 196, y)
            y += 7.2
        # slide frame
        pdf.set_draw_color(120, 120, 120)
        pdf.set_line_width(0.25)
        pdf.rect(sx, top, sw, sh)
        num = i + 1
        if s["layout"] == "title":
            pdf.set_fill_color(*teal)
            pdf.rect(sx, top + sh - 9, sw, 9, style="F")
            pdf.set_text_color(*teal)
            pdf.set_font("SansB", "", 13)
            pdf.set_xy(sx + 6, top + 10)
            pdf.multi_cell(sw - 12, 6, s["title"], align="C")
            pdf.set_text_color(50, 50, 50)
            pdf.set_font("Sans", "", 7)
            yy = pdf.get_y() + 3
            for _, txt in s["items"]:
                pdf.set_xy(sx + 6, yy)
                pdf.cell(sw - 12, 3.6, txt, align="C")
                yy += 3.6
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("Sans", "", 4.5)
            pdf.set_xy(sx + 3, top + sh - 6)
            pdf.cell(sw - 6, 3, p["slide_footer"], align="L")
            continue
        # title band
        pdf.set_fill_color(*teal)
        pdf.rect(sx, top, sw, 10, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("SansB", "", 9)
        if pdf.get_string_width(s["title"]) > sw - 8:
            pdf.set_font("SansB", "", 7.5)
        pdf.set_xy(sx + 4, top + 3)
        pdf.cell(sw - 8, 4, s["title"], align="L")
        # bullets
        pdf.set_text_color(30, 30, 30)
        yy = top + 13.5
        for lvl, txt in s["items"]:
            if lvl == 1:
                pdf.set_font("Sans", "", 6.5)
                pdf.set_xy(sx + 4, yy)
                pdf.cell(3, 3.1, "•")
                pdf.set_xy(sx + 7, yy)
                pdf.multi_cell(sw - 11, 3.1, txt, align="L")
                yy = pdf.get_y() + 1.3
            elif lvl == 2:
                pdf.set_font("Sans", "", 5.8)
                pdf.set_xy(sx + 9, yy - 0.6)
                pdf.cell(3, 2.8, "–")
                pdf.set_xy(sx + 12, yy - 0.6)
                pdf.multi_cell(sw - 16, 2.8, txt, align="L")
                yy = pdf.get_y() + 1.1
            else:
                pdf.set_font("Sans", "", 6.5)
                pdf.set_xy(sx + 4, yy)
                pdf.multi_cell(sw - 8, 3.1, txt, align="L")
                yy = pdf.get_y() + 1.0
        if yy > top + sh - 5:
            raise SystemExit(f"slide {num} overflows ({yy - top:.1f} mm)")
        # slide footer
        pdf.set_text_color(120, 120, 120)
        pdf.set_font("Sans", "", 4.5)
        pdf.set_xy(sx + 3, top + sh - 4)
        pdf.cell(sw - 12, 3, p["slide_footer"], align="L")
        pdf.set_xy(sx + sw - 9, top + sh - 4)
        pdf.cell(6, 3, str(num), align="R")
    assert pdf.page_no() == npages
    pdf.output(str(RAW / OUT["01"]))


# ---------------------------------------------------------------------------------------------
# shared: born-digital committee text (03 minutes, 05 report pack)
# ---------------------------------------------------------------------------------------------
class CommitteePDF(FPDF):
    def __init__(self, p, watermark=False, **kw):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.p = p
        self.watermark = watermark
        self.scan_pages = set()

    def header(self):
        if self.page_no() in self.scan_pages:
            return
        if self.watermark:
            # large diagonal watermark drawn first (behind the text), as word processors do
            with self.local_context(text_color=(205, 205, 205)):
                self.set_font("SansB", "", 50)
                with self.rotation(52, x=105, y=160):
                    w = self.get_string_width(self.p["watermark"])
                    self.text(105 - w / 2, 166, self.p["watermark"])
        self.set_text_color(90, 90, 90)
        self.set_font("Sans", "", 8)
        self.set_xy(25, 10)
        self.cell(80, 4, self.p["header_left"], align="L")
        if self.p.get("header_right"):
            self.set_xy(105, 10)
            self.cell(80, 4, self.p["header_right"], align="R")
        self.set_draw_color(150, 150, 150)
        self.set_line_width(0.2)
        self.line(25, 15, 185, 15)
        if self.watermark and self.p.get("stamp"):
            with self.local_context(text_color=(190, 30, 30), draw_color=(190, 30, 30)):
                with self.rotation(-4, x=150, y=24):
                    self.set_line_width(0.6)
                    self.rect(112, 18.5, 73, 10)
                    self.set_font("SansB", "", 8.5)
                    self.set_xy(112, 21.2)
                    self.cell(73, 4.5, self.p["stamp"], align="C")
        self.set_text_color(0, 0, 0)
        self.set_y(34 if self.watermark else 22)

    def footer(self):
        if self.page_no() in self.scan_pages:
            return
        self.set_text_color(90, 90, 90)
        self.set_font("Sans", "", 8)
        self.set_xy(25, 284)
        self.cell(100, 4, self.p["footer_left"], align="L")
        self.set_xy(125, 284)
        if self.watermark:
            self.cell(60, 4, f"Page {self.page_no()} of {{nb}}", align="R")
        else:
            self.cell(60, 4, f"Page {self.page_no()}", align="R")
        self.set_text_color(0, 0, 0)


def table_row(pdf, cells, widths, bold=False, size=9, lh=4.6):
    pdf.set_font("SansB" if bold else "Sans", "", size)
    heights = [pdf.multi_cell(w - 2, lh, c, dry_run=True, output="HEIGHT") for c, w in zip(cells, widths)]
    h = max(heights) + 2
    if pdf.get_y() + h > 275:
        pdf.add_page()
        pdf.set_font("SansB" if bold else "Sans", "", size)
    y = pdf.get_y()
    x = pdf.l_margin
    for c, w in zip(cells, widths):
        pdf.rect(x, y, w, h)
        pdf.set_xy(x + 1, y + 1)
        pdf.multi_cell(w - 2, lh, c, align="L")
        x += w
    pdf.set_xy(pdf.l_margin, y + h)


def render_committee_lines(pdf, lines, table_widths):
    """Render the '#'-markup paragraphs used by sources 03 and 05 (born-digital parts)."""
    pdf.set_draw_color(120, 120, 120)
    pdf.set_line_width(0.2)
    rows = []
    override = []

    def flush_rows():
        if not rows:
            return
        ncol = len(rows[0])
        widths = override.pop() if override else table_widths[ncol]
        header = ncol >= 3
        for k, r in enumerate(rows):
            table_row(pdf, r, widths, bold=(header and k == 0))
        pdf.ln(3)
        rows.clear()

    for ln in lines:
        if ln.startswith("#R "):
            cells = ln[3:].split(" | ")
            if rows and len(cells) != len(rows[0]):
                flush_rows()
            rows.append(cells)
            continue
        flush_rows()
        if not ln.strip() or ln.startswith("@"):
            continue
        if ln.startswith("#W "):
            override.append([float(v) for v in ln[3:].split(",")])
            continue
        if ln.startswith("#T "):
            pdf.set_font("SansB", "", 12)
            pdf.multi_cell(0, 6, ln[3:], align="C")
            pdf.ln(1)
        elif ln.startswith("#H "):
            pdf.ln(2)
            pdf.set_font("SansB", "", 10)
            pdf.multi_cell(0, 5, ln[3:], align="L")
            pdf.ln(1.5)
        elif ln.startswith("#B "):
            pdf.set_font("SansB", "", 10)
            pdf.multi_cell(0, 5, ln[3:], align="L")
            pdf.ln(1)
        elif ln.startswith("#N "):
            label, text = ln[3:].split("|", 1)
            pdf.set_font("Sans", "", 10)
            y = pdf.get_y()
            if y + 10 > 275:
                pdf.add_page()
                y = pdf.get_y()
            pdf.set_x(pdf.l_margin)
            pdf.cell(12, 5, label)
            pdf.set_xy(pdf.l_margin + 12, y)
            pdf.multi_cell(0, 5, text, align="L")
            pdf.ln(1.5)
        elif ln.startswith("#S "):
            pdf.set_font("SansI", "", 8)
            pdf.multi_cell(0, 4, ln[3:], align="L")
            pdf.ln(1)
        elif ln.startswith("#GAP"):
            pdf.ln(5)
        elif ln.startswith("#PB"):
            pdf.add_page()
        else:
            pdf.set_font("Sans", "", 10)
            pdf.multi_cell(0, 5, ln, align="L")
            pdf.ln(2)
    flush_rows()


# ---------------------------------------------------------------------------------------------
# 03  Draft minutes with a DRAFT watermark in the text layer
# ---------------------------------------------------------------------------------------------
def build_03():
    lines = src_lines("03_fife_partnership_board_draft_minutes.txt")
    p = props(lines)
    pdf = CommitteePDF(p, watermark=True)
    pdf.set_creation_date(datetime.datetime(2025, 3, 14, 11, 22, 0, tzinfo=datetime.timezone.utc))
    pdf.set_title(p["pdf_title"])
    pdf.set_author(p["pdf_author"])
    pdf.set_creator("Microsoft® Word for Microsoft 365")
    pdf.set_producer("Microsoft® Word for Microsoft 365")
    for fam, path in [("Sans", LIB + "LiberationSans-Regular.ttf"), ("SansB", LIB + "LiberationSans-Bold.ttf"),
                      ("SansI", LIB + "LiberationSans-Italic.ttf")]:
        pdf.add_font(fam, "", path)
    pdf.set_margins(25, 22, 25)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    body = [ln for ln in lines if not ln.startswith("@")]
    render_committee_lines(pdf, body, {4: [16, 92, 28, 24]})
    pdf.output(str(RAW / OUT["03"]))


# ---------------------------------------------------------------------------------------------
# 05  Report pack mixing born-digital and scanned (image-only) pages
# ---------------------------------------------------------------------------------------------
DPI = 150
PX = DPI / 25.4  # pixels per mm


def parse_pack(lines):
    """Split source 05 into ('digital', [lines]) and ('scan', kind, desc, [lines]) chunks."""
    chunks, cur, scan = [], [], None
    for ln in lines:
        if ln.startswith("#SCAN "):
            if cur:
                chunks.append(("digital", cur))
                cur = []
            kind, desc = ln[6:].split("|", 1)
            scan = (kind, desc, [])
        elif ln.startswith("#ENDSCAN"):
            chunks.append(("scan", scan[0], scan[1], scan[2]))
            scan = None
        elif scan is not None:
            scan[2].append(ln)
        else:
            cur.append(ln)
    if cur:
        chunks.append(("digital", cur))
    return chunks


def scan_text_lines(scan_lines):
    """The visible text of a scanned page, one entry per printed line (used by check_gold.py)."""
    out = []
    for ln in scan_lines:
        code, _, rest = ln.partition("|")
        if code in ("gap", "rule", "box", "endbox"):
            continue
        if code == "hw":
            rest = rest.split("|", 1)[1]
        if rest.strip():
            out.append(rest)
    return out


def render_scan(kind, scan_lines, seed):
    rnd = random.Random(seed)
    W, H = int(210 * PX), int(297 * PX)
    colour = kind == "annotations"
    img = Image.new("RGB", (W, H), (250, 249, 246))
    d = ImageDraw.Draw(img)
    serif = ImageFont.truetype(LIB + "LiberationSerif-Regular.ttf", 25)
    serif_b = ImageFont.truetype(LIB + "LiberationSerif-Bold.ttf", 26)
    sans = ImageFont.truetype(LIB + "LiberationSans-Regular.ttf", 23)
    sans_b = ImageFont.truetype(LIB + "LiberationSans-Bold.ttf", 24)
    head = ImageFont.truetype(LIB + "LiberationSans-Bold.ttf", 34)
    hand = ImageFont.truetype(DEJAVU + "DejaVuSans-Oblique.ttf", 27)
    sigf = ImageFont.truetype(LIB + "LiberationSerif-BoldItalic.ttf", 46)
    body, bold = (serif, serif_b) if kind in ("letter", "minutes") else (sans, sans_b)
    left, right = int(24 * PX), W - int(22 * PX)
    y = int(22 * PX)
    lh = 37
    box_start = None
    ink = (25, 25, 25)
    blue = (28, 52, 150)
    for ln in scan_lines:
        code, _, rest = ln.partition("|")
        if code == "gap":
            y += lh // 2 + 4
        elif code == "rule":
            d.line([(left, y + 10), (right, y + 10)], fill=(60, 60, 60), width=2)
            y += 26
        elif code == "box":
            box_start = y
            y += 10
        elif code == "endbox":
            d.rectangle([left - 8, box_start, right, y + 6], outline=(70, 70, 70), width=2)
            y += 22
        elif code == "c":
            f = head if kind in ("letter",) else bold
            w = d.textlength(rest, font=f)
            d.text(((W - w) / 2, y), rest, font=f, fill=ink)
            y += lh + (10 if f is head else 0)
        elif code == "r":
            w = d.textlength(rest, font=body)
            d.text((right - w, y), rest, font=body, fill=ink)
            y += lh
        elif code in ("t", "i", "b"):
            f = bold if code == "b" else body
            x = left + (int(9 * PX) if code == "i" else 0)
            w = d.textlength(rest, font=f)
            if x + w > right:
                raise SystemExit(f"scan line too wide: {rest!r}")
            d.text((x, y), rest, font=f, fill=ink)
            y += lh
        elif code == "sig":
            # a looping pen signature with the name written over it
            x0, y0 = left + 10, y + 8
            pts = []
            for k in range(60):
                t = k / 59
                pts.append((x0 + t * 260 + rnd.uniform(-3, 3),
                            y0 + 30 + 22 * math.sin(t * 11) + rnd.uniform(-2, 2)))
            d.line(pts, fill=(20, 30, 80), width=3)
            d.text((x0 + 20, y0), rest, font=sigf, fill=(20, 30, 80))
            y += 80
        elif code == "hw":
            pos, text = rest.split("|", 1)
            hx, hy = pos.split(",")
            if hy.startswith("+") or hy.startswith("-"):
                hx, hy = float(hx) * PX, y - lh + float(hy) * PX  # relative to the previous line
            else:
                hx, hy = float(hx) * PX, float(hy) * PX
            for ch in text:
                dy = rnd.uniform(-2.5, 2.5)
                d.text((hx, hy + dy), ch, font=hand, fill=blue if colour else (30, 40, 110))
                hx += d.textlength(ch, font=hand) + rnd.uniform(-0.6, 1.2)
    if y > H - 20 * PX:
        raise SystemExit("scan page overflows")
    # paper and scanner artefacts
    img = img.rotate(rnd.uniform(-0.7, 0.7), resample=Image.BICUBIC, expand=False, fillcolor=(235, 235, 232))
    d = ImageDraw.Draw(img)
    for _ in range(1400):
        x, yy = rnd.randrange(W), rnd.randrange(H)
        g = rnd.randrange(120, 215)
        d.point((x, yy), fill=(g, g, g))
    d.rectangle([0, 0, W, 6], fill=(90, 90, 90))  # scanner lid shadow
    img = img.filter(ImageFilter.GaussianBlur(0.55))
    if not colour:
        img = img.convert("L")
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=72, optimize=False)
    buf.seek(0)
    return buf


def build_05():
    lines = src_lines("05_cumberland_hwb_pack.txt")
    p = props(lines)
    pdf = CommitteePDF(p, watermark=False)
    pdf.set_creation_date(datetime.datetime(2025, 6, 10, 9, 41, 0, tzinfo=datetime.timezone.utc))
    pdf.set_title(p["pdf_title"])
    pdf.set_author(p["pdf_author"])
    pdf.set_creator("Modern.Gov agenda publisher")
    pdf.set_producer("Modern.Gov PDF pack builder")
    for fam, path in [("Sans", LIB + "LiberationSans-Regular.ttf"), ("SansB", LIB + "LiberationSans-Bold.ttf"),
                      ("SansI", LIB + "LiberationSans-Italic.ttf")]:
        pdf.add_font(fam, "", path)
    pdf.set_margins(25, 22, 25)
    pdf.set_auto_page_break(True, margin=22)
    widths = {3: [70, 62, 28], 2: [35, 125]}
    seed = 1605
    first = True
    for ch in parse_pack([ln for ln in lines if not ln.startswith("@")]):
        if ch[0] == "digital":
            if first:
                pdf.add_page()
                first = False
            # the agenda table has three columns of a different shape
            render_committee_lines(pdf, ch[1], widths)
        else:
            _, kind, desc, sl = ch
            pdf.scan_pages.add(pdf.page_no() + 1)
            pdf.add_page()
            buf = render_scan(kind, sl, seed)
            seed += 1
            pdf.image(buf, x=0, y=0, w=210, h=297)
            first = False
    pdf.output(str(RAW / OUT["05"]))


# ---------------------------------------------------------------------------------------------
# 02  wiki page exported as Markdown (the source is the page itself)
# ---------------------------------------------------------------------------------------------
def build_02():
    data = (SRC / "02_cornwall_safercornwall_wiki.txt").read_bytes()
    (RAW / OUT["02"]).write_bytes(data)


# ---------------------------------------------------------------------------------------------
# 04  open-data export of decisions as JSON
# ---------------------------------------------------------------------------------------------
def typed(v):
    if v == "null":
        return None
    if v in ("true", "false"):
        return v == "true"
    if re.fullmatch(r"\d+", v):
        return int(v)
    return v


def parse_decisions(lines):
    meta, records, cur, in_text = {}, [], None, False
    for ln in lines:
        if ln == "@meta":
            cur, in_text = meta, False
            continue
        if ln == "@record":
            cur = {"documents": []}
            records.append(cur)
            in_text = False
            continue
        if cur is None or not ln.strip():
            continue
        if in_text:
            cur["decision_text"].append(ln)
            continue
        key, _, val = ln.partition(": ")
        if ln.startswith("decision_text:"):
            cur["decision_text"] = []
            in_text = True
        elif key == "documents":
            t, u = val.split(" | ")
            cur["documents"].append({"title": t, "url": u})
        elif key == "wards":
            cur["wards"] = [w.strip() for w in val.split(";")]
        else:
            cur[key] = typed(val)
    for r in records:
        r["decision_text"] = "\n".join(r["decision_text"])
    return meta, records


def build_04():
    meta, records = parse_decisions(src_lines("04_bristol_decisions.txt"))
    order = ["id", "meeting", "meeting_date", "item_number", "title", "decision_text", "decision_maker",
             "status", "call_in_deadline", "key_decision", "wards", "documents"]
    recs = []
    for r in records:
        o = {k: r[k] for k in order}
        o["meeting_url"] = "https://democracy.bristol.gov.uk/ieListDocuments.aspx?MId=" + str(
            9000 + int(r["id"][-4:]) // 2)
        o["last_modified"] = r["meeting_date"] + "T17:30:00Z"
        recs.append(o)
    out = {
        "dataset": {
            "title": meta["dataset_title"],
            "description": meta["description"],
            "publisher": {"name": meta["publisher"], "url": meta["publisher_url"]},
            "licence": {"name": meta["licence"], "url": meta["licence_url"]},
            "generated": meta["generated"],
            "period": {"from": meta["period_from"], "to": meta["period_to"]},
            "source_system": meta["source_system"],
            "contact": meta["contact"],
            "record_count": len(recs),
            "disclaimer": meta["disclaimer"],
        },
        "records": recs,
    }
    (RAW / OUT["04"]).write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main():
    RAW.mkdir(exist_ok=True)
    build_01()
    build_02()
    build_03()
    build_04()
    build_05()
    for k in sorted(OUT):
        print(OUT[k], (RAW / OUT[k]).stat().st_size)


if __name__ == "__main__":
    main()
