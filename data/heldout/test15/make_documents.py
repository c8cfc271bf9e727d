#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/.

Five invented council documents (evaluation set test15). Everything is deterministic: every
random choice uses a seeded random.Random (seeded per line or per page with zlib.crc32), every
timestamp is fixed, and zip members of the .docx files are rewritten with a fixed date.

Usage:  python make_documents.py            (writes raw/*, prints sha256 of each file)
"""
import datetime
import hashlib
import html
import io
import math
import os
import random
import re
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
RAW = os.path.join(HERE, "raw")

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIB = "/usr/share/fonts/truetype/liberation/"

FILES = {
    1: "calderdale_calderdaleforward_scanned-minutes_2008-03.pdf",
    2: "ceredigion_psb_news-comments_2024-10.html",
    3: "norfolk_ldpb_easyread_2023-12.docx",
    4: "eastriding_strategicpartnership_review-report_2011-09.docx",
    5: "wrexham_flintshire_psb_consultation-draft_2023-11.pdf",
}


def src(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as fh:
        return fh.read()


def seeded(*parts):
    key = "|".join(str(p) for p in parts).encode("utf-8")
    return random.Random(zlib.crc32(key))


# ---------------------------------------------------------------------------------------------
# 1. Scanned minutes with an OCR text layer (Calderdale Forward, 2008)
# ---------------------------------------------------------------------------------------------

DPI = 150
PX_W, PX_H = 1240, 1754          # A4 at 150 dpi
PT_PER_PX = 72.0 / DPI


def _parse_minutes(text):
    """Return a list of blocks: (kind, payload)."""
    blocks = []
    para = []

    def flush():
        if para:
            blocks.append(("p", " ".join(para)))
            para.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("%%SIGNATURE"):
            flush()
            blocks.append(("sig", ""))
            continue
        if line.startswith("%%"):
            continue
        if not line.strip():
            flush()
            blocks.append(("gap", ""))
            continue
        if line.startswith("# "):
            flush()
            blocks.append(("title", line[2:]))
        elif line.startswith("## "):
            flush()
            blocks.append(("head", line[3:]))
        elif " :: " in line:
            flush()
            blocks.append(("att", tuple(line.split(" :: "))))
        elif line.startswith("> "):
            flush()
            m = re.match(r"> (\([a-z]\)) (.*)", line)
            blocks.append(("sub", (m.group(1), m.group(2))))
        elif line.startswith("RESOLVED"):
            flush()
            blocks.append(("resolved", line))
        else:
            para.append(line.strip())
    flush()
    # collapse repeated gaps
    out = []
    for b in blocks:
        if b[0] == "gap" and (not out or out[-1][0] == "gap"):
            continue
        out.append(b)
    return out


VOWELS = set("aeiouyAEIOUY")


HYPHEN_DICT = {
    "government": [6], "september": [3], "calderdale": [6], "partnership": [7], "partnerships": [7],
    "allocated": [4], "saturday": [5], "circulated": [5], "improvement": [7], "awayday": [4],
    "designated": [5], "commissioned": [3], "councillors": [7], "membership": [6], "representative": [9],
    "neighbourhood": [9], "responsibility": [8], "organisations": [8], "transitional": [5],
}
PREFIXES = ("inter", "trans", "under", "over", "com", "con", "dis", "pre", "pro", "sub")
SUFFIXES = ("ments", "ment", "ships", "ship", "tions", "tion", "sions", "sion", "ness", "ities", "ity",
            "ance", "ence", "ating", "ated", "ised", "ing", "ally", "able", "ible", "ful", "wide", "wards")


def _hyphen_points(core):
    low = core.lower()
    pts = set(HYPHEN_DICT.get(low, []))
    if low not in HYPHEN_DICT:
        for pre in PREFIXES:
            if low.startswith(pre) and len(low) - len(pre) >= 4:
                pts.add(len(pre))
                break
        for suf in SUFFIXES:
            if low.endswith(suf) and len(low) - len(suf) >= 3:
                pts.add(len(low) - len(suf))
                break
        for i in range(3, len(low) - 2):
            if low[i - 1] == low[i] and low[i] not in VOWELS:
                pts.add(i)
    return sorted(p for p in pts if 3 <= p <= len(low) - 3)


def _hyphen_split(word, font, avail):
    """Split word at a plausible hyphenation point so that head+'-' fits in avail px."""
    core = word.strip(".,;:()\"'")
    if len(core) < 7 or not core.isalpha() or core.isupper():
        return None
    lead = word.index(core[0])
    for i in reversed(_hyphen_points(core)):
        head = word[: lead + i] + "-"
        if font.getlength(head) <= avail:
            return head, word[lead + i:]
    return None


def _wrap(text, font, width, hyphenate=True):
    words = text.split()
    lines = []
    cur = ""
    i = 0
    while i < len(words):
        w = words[i]
        trial = w if not cur else cur + " " + w
        if font.getlength(trial) <= width:
            cur = trial
            i += 1
            continue
        avail = width - font.getlength(cur + " ") if cur else width
        split = _hyphen_split(w, font, avail) if hyphenate and avail > font.getlength("mmm") else None
        if split:
            head, tail = split
            lines.append(cur + " " + head if cur else head)
            words[i] = tail
            cur = ""
            continue
        lines.append(cur)
        cur = ""
    if cur:
        lines.append(cur)
    return lines


def _ocr_word(w, rng):
    """Apply OCR-style confusions to one word."""
    orig = w
    if "rn" in w and rng.random() < 0.35:
        w = w.replace("rn", "m", 1)
    if "cl" in w and rng.random() < 0.12:
        w = w.replace("cl", "d", 1)
    if "li" in w and rng.random() < 0.03:
        w = w.replace("li", "h", 1)
    if "O" in w and rng.random() < 0.35:
        w = w.replace("O", "0", 1)
    if re.fullmatch(r"[0-9/.,]+", w) and "0" in w and rng.random() < 0.05:
        w = w.replace("0", "O", 1)
    if "£" in w:
        w = w.replace("£", rng.choice(["E", "£", "f"]), 1)
    if "l" in w and rng.random() < 0.045:
        idx = [k for k, c in enumerate(w) if c == "l"]
        k = rng.choice(idx)
        w = w[:k] + "1" + w[k + 1:]
    if w[:1] == "I" and len(w) > 1 and w[1:2].islower() and rng.random() < 0.08:
        w = "l" + w[1:]
    if "m" in w and w == orig and rng.random() < 0.02:
        w = w.replace("m", "rn", 1)
    if "e" in w and w == orig and rng.random() < 0.012:
        w = w.replace("e", "c", 1)
    if len(w) >= 9 and w.isalpha() and rng.random() < 0.025:
        k = len(w) // 2
        w = w[:k] + " " + w[k:]
    return w


def ocr_line(line, seed_key):
    rng = seeded("ocr", seed_key, line)
    words = line.split(" ")
    out = [_ocr_word(w, rng) if w else w for w in words]
    text = " ".join(out)
    # a dropped space now and then
    if rng.random() < 0.05 and text.count(" ") > 3:
        spaces = [m.start() for m in re.finditer(" ", text)]
        k = rng.choice(spaces)
        text = text[:k] + text[k + 1:]
    # a stray character from a speck
    if rng.random() < 0.07:
        ch = rng.choice([".", "'", ",", "`", "~"])
        if rng.random() < 0.5:
            text = ch + " " + text
        else:
            text = text + " " + ch
    return text


def _draw_initials(draw, x, y, rng, ink=40):
    """Scrawl two handwritten-looking initials ('RA') with a pen-like polyline."""
    def stroke(pts, width=3):
        pts = [(px + rng.uniform(-2.5, 2.5), py + rng.uniform(-2.5, 2.5)) for px, py in pts]
        dense = []
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            for t in range(6):
                dense.append((x0 + (x1 - x0) * t / 6 + rng.uniform(-0.8, 0.8), y0 + (y1 - y0) * t / 6 + rng.uniform(-0.8, 0.8)))
        dense.append(pts[-1])
        pts = dense
        draw.line(pts, fill=ink, width=width, joint="curve")

    # R
    stroke([(x, y + 48), (x + 3, y + 20), (x + 5, y)])
    stroke([(x + 5, y), (x + 22, y + 2), (x + 28, y + 10), (x + 22, y + 20), (x + 6, y + 24)])
    stroke([(x + 6, y + 24), (x + 18, y + 34), (x + 34, y + 48), (x + 40, y + 46)])
    # A
    ax = x + 44
    stroke([(ax, y + 50), (ax + 12, y + 22), (ax + 20, y + 4), (ax + 28, y + 26), (ax + 38, y + 50)])
    stroke([(ax + 6, y + 34), (ax + 32, y + 30)])
    # flourish underline
    stroke([(x - 6, y + 58), (x + 30, y + 62), (x + 70, y + 57), (x + 96, y + 50)], width=2)


def _stamp(rng):
    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("L", (430, 200), 255)
    d = ImageDraw.Draw(img)
    f1 = ImageFont.truetype(LIB + "LiberationSans-Bold.ttf", 24)
    f2 = ImageFont.truetype(LIB + "LiberationSans-Bold.ttf", 40)
    ink = 95
    d.rectangle([4, 4, 425, 195], outline=ink, width=4)
    d.rectangle([12, 12, 417, 187], outline=ink, width=2)
    d.text((215, 38), "CALDERDALE M.B.C.", font=f1, fill=ink, anchor="mm")
    d.text((215, 70), "DEMOCRATIC SERVICES", font=f1, fill=ink, anchor="mm")
    d.text((215, 116), "19 MAR 2008", font=f2, fill=ink, anchor="mm")
    d.text((215, 162), "RECEIVED", font=f1, fill=ink, anchor="mm")
    # patchy ink
    px = img.load()
    for _ in range(5000):
        x, y = rng.randrange(430), rng.randrange(200)
        if px[x, y] < 200 and rng.random() < 0.55:
            px[x, y] = 255
    return img.rotate(-7, expand=True, fillcolor=255, resample=Image.BICUBIC)


def build_01():
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    from fpdf import FPDF
    from fpdf.enums import TextMode

    blocks = _parse_minutes(src("01_calderdale_forward_board_minutes_2008-03.txt"))
    size = 23                      # 11 pt at 150 dpi
    f_reg = ImageFont.truetype(LIB + "LiberationSerif-Regular.ttf", size)
    f_bold = ImageFont.truetype(LIB + "LiberationSerif-Bold.ttf", size)
    f_title = ImageFont.truetype(LIB + "LiberationSerif-Bold.ttf", 27)
    f_small = ImageFont.truetype(LIB + "LiberationSerif-Italic.ttf", 19)
    lead = 31
    top, bottom = 205, PX_H - 215

    # ---- layout: list of pages, each a list of (x, y, text, font, ocr_text_or_None)
    pages = []
    page = []
    y = top
    margins = [168, 181, 159, 174, 165]

    def left():
        return margins[len(pages) % len(margins)]

    def right():
        return PX_W - 150

    def new_page():
        nonlocal page, y
        pages.append(page)
        page = []
        y = top

    def put(x, text, font):
        nonlocal y
        if y + lead > bottom:
            new_page()
        page.append((x, y, text, font))
        y += lead

    keep_with_next = {"head", "resolved"}
    for idx, (kind, payload) in enumerate(blocks):
        if kind == "gap":
            if page:
                y += lead // 2
            continue
        if kind in keep_with_next and y + 3 * lead > bottom:
            new_page()
        if kind == "title":
            w = f_title.getlength(payload)
            lx = left() + (right() - left() - w) / 2
            if y + lead > bottom:
                new_page()
            page.append((lx, y, payload, f_title))
            y += lead + 6
        elif kind == "head":
            put(left(), payload, f_bold)
        elif kind == "resolved":
            put(left(), payload, f_bold)
        elif kind == "att":
            name, org = payload
            if y + lead > bottom:
                new_page()
            page.append((left() + 30, y, name, f_reg, ("att", org, left() + 470)))
            y += lead
        elif kind == "p":
            for ln in _wrap(payload, f_reg, right() - left()):
                put(left(), ln, f_reg)
        elif kind == "sub":
            label, body = payload
            lines = _wrap(body, f_reg, right() - left() - 70)
            if y + lead * min(len(lines), 2) > bottom:
                new_page()
            for k, ln in enumerate(lines):
                if k == 0:
                    page.append((left() + 18, y, label, f_reg))
                put(left() + 70, ln, f_reg)
        elif kind == "sig":
            y += lead
            if y + 4 * lead > bottom:
                new_page()
            page.append((left(), y, "Chair ..........................................", f_reg))
            page.append((left() + 560, y, "Date ..............................", f_reg))
            page.append(("initials", left() + 110, y - 42))
            page.append(("datehand", left() + 650, y - 30))
            y += 2 * lead
    pages.append(page)
    n_pages = len(pages)

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_creation_date(datetime.datetime(2008, 3, 27, 9, 14, 5, tzinfo=datetime.timezone.utc))
    pdf.set_producer("ocrmypdf 4.3.5 / Tesseract OCR-PDF 3.02")
    pdf.set_creator("Canon iR-ADV C5035 Scan to PDF")
    pdf.set_title("Calderdale Forward Board minutes 13 March 2008")
    pdf.set_auto_page_break(False)
    pdf.add_font("Glyphless", "", DEJAVU + "DejaVuSans.ttf")

    stats = {"words": 0, "wrong": 0, "lines": 0, "lines_wrong": 0}

    for pno, items in enumerate(pages, start=1):
        rng = seeded("page", pno)
        angle = [0.55, -0.4, 0.8, -0.65, 0.3][(pno - 1) % 5]
        paper = 246
        img = Image.new("L", (PX_W, PX_H), paper)
        d = ImageDraw.Draw(img)
        ink = 28
        ocr = []                                   # (x, y, text, font_px_width)

        if pno > 1:
            head = "Calderdale Forward Board - 13 March 2008"
            hx = PX_W - 150 - f_small.getlength(head)
            d.text((hx, 120), head, font=f_small, fill=70)
            ocr.append((hx, 120, head, f_small.getlength(head), 19, "hf"))
        foot = "Page %d of %d" % (pno, n_pages)
        fx = (PX_W - f_small.getlength(foot)) / 2
        d.text((fx, PX_H - 150), foot, font=f_small, fill=70)

        for it in items:
            if it[0] == "initials":
                _draw_initials(d, it[1], it[2], seeded("ini", pno))
                continue
            if it[0] == "datehand":
                hand = ImageFont.truetype(DEJAVU + "DejaVuSansCondensed-Oblique.ttf", 30)
                tmp = Image.new("L", (170, 60), 0)
                ImageDraw.Draw(tmp).text((6, 8), "15/5/08", font=hand, fill=255)
                tmp = tmp.transform(tmp.size, Image.AFFINE, (1, 0.35, -12, 0.04, 1, -2), resample=Image.BICUBIC)
                tmp = tmp.rotate(5, resample=Image.BICUBIC)
                img.paste(50, (it[1], it[2]), tmp)
                continue
            x, yy, text, font = it[:4]
            d.text((x, yy), text, font=font, fill=ink)
            line_txt = text
            width = font.getlength(text)
            if len(it) > 4 and it[4][0] == "att":
                _, org, ox = it[4]
                d.text((ox, yy), org, font=font, fill=ink)
                line_txt = text + " " + org
                width = ox + font.getlength(org) - x
            ocr.append((x, yy, line_txt, width, font.size, "body"))

        if pno == 1:
            st = _stamp(seeded("stamp"))
            img.paste(st, (PX_W - 150 - st.width + 40, 40), st.point(lambda v: 255 if v < 200 else 0))
            ocr.insert(0, (PX_W - 470, 118, "DEMOCRATIC SERV1CES", 300, 22, "stamp"))
            ocr.insert(1, (PX_W - 440, 160, "19 MAR 2OO8", 230, 30, "stamp"))
            ocr.insert(2, (PX_W - 420, 205, "REC EIVED", 150, 22, "stamp"))
        ocr.append((fx, PX_H - 150, foot, f_small.getlength(foot), 19, "hf"))

        # punch holes and scanner edge shadow
        for hy in (PX_H // 2 - 190, PX_H // 2 + 190):
            d.ellipse([22, hy - 26, 74, hy + 26], fill=60)
        for k in range(18):
            d.line([(PX_W - 1 - k, 0), (PX_W - 1 - k, PX_H)], fill=int(90 + k * 8))
        # speckle
        specks = []
        for _ in range(260):
            sx, sy = rng.randrange(PX_W), rng.randrange(PX_H)
            r = rng.choice([0, 1, 1, 1, 1, 2])
            d.ellipse([sx - r, sy - r, sx + r, sy + r], fill=rng.randrange(50, 160))
        for _ in range(5):
            sx, sy = rng.randrange(60, 140), rng.randrange(300, PX_H - 300)
            d.ellipse([sx - 4, sy - 3, sx + 4, sy + 3], fill=35)
            specks.append((sx, sy))

        img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=232)
        img = img.filter(ImageFilter.GaussianBlur(0.55))
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=58, optimize=False)
        buf.seek(0)

        pdf.add_page()
        pdf.image(buf, x=0, y=0, w=PX_W * PT_PER_PX, h=PX_H * PT_PER_PX)

        # invisible OCR layer, placed where the rotated lines fell
        pdf.text_mode = TextMode.INVISIBLE
        cx, cy = PX_W / 2, PX_H / 2
        a = math.radians(angle)
        body_lines = 0
        for (x, yy, text, width, fpx, kind) in ocr:
            is_body = kind == "body"
            read = ocr_line(text, (pno, round(yy))) if kind in ("body", "hf") else text
            if is_body:
                body_lines += 1
                stats["lines"] += 1
                ow, rw = text.split(), read.split()
                stats["words"] += len(ow)
                wrong = sum(1 for w in ow if w not in rw)
                stats["wrong"] += wrong
                stats["lines_wrong"] += 1 if read != text else 0
            base = yy + fpx * 0.82
            # rotate (x, base) about the centre as PIL did (counter-clockwise for positive angle)
            dx, dy = x - cx, base - cy
            rx = cx + dx * math.cos(a) + dy * math.sin(a)
            ry = cy - dx * math.sin(a) + dy * math.cos(a)
            pt = fpx * PT_PER_PX
            pdf.set_font("Glyphless", "", pt)
            natural = pdf.get_string_width(read)
            stretch = 100.0 if natural == 0 else max(60.0, min(160.0, 100.0 * width * PT_PER_PX / natural))
            pdf.set_stretching(stretch)
            pdf.text(rx * PT_PER_PX, ry * PT_PER_PX, read)
        for (sx, sy) in specks[:2]:
            pdf.set_stretching(100)
            pdf.set_font("Glyphless", "", 8)
            pdf.text(sx * PT_PER_PX, sy * PT_PER_PX, rng.choice([".", "'", ","]))
        pdf.text_mode = TextMode.FILL

    out = bytes(pdf.output())
    return out, stats


# ---------------------------------------------------------------------------------------------
# 2. Local newspaper article with reader comments (Ceredigion, 2024)
# ---------------------------------------------------------------------------------------------

def _sections(text):
    secs = {}
    name = None
    for line in text.splitlines():
        if line.startswith("%%"):
            continue
        if line.startswith("@@"):
            name = line[2:].strip()
            secs[name] = []
            continue
        if name is not None and line.strip():
            secs[name].append(line.rstrip())
    return secs


def build_02():
    s = _sections(src("02_ceredigion_psb_news_2024-10.txt"))
    e = html.escape
    headline = s["headline"][0]
    standfirst = s["standfirst"][0]
    byline = s["byline"][0]
    date, updated = s["date"][0].split("|")
    slug = "ceredigions-public-services-board-to-merge-into-new-west-wales-body"
    url = "https://www.westwaleschronicle.co.uk/news/ceredigion/24619873." + slug + "/"

    body = []
    for line in s["article"]:
        if line.startswith("## "):
            body.append('        <h2 class="article-subhead">%s</h2>' % e(line[3:], quote=False))
        else:
            body.append('        <p class="article-body__para">%s</p>' % e(line, quote=False))
            if len(body) == 4:
                body.append(
                    '        <aside class="inline-ad" aria-label="Advertisement"><span class="ad-label">Advertisement</span>'
                    '<div class="ad-slot" id="div-gpt-ad-mpu-1" data-ad-unit="/2190/wwc/news/mpu1"></div></aside>')
            if len(body) == 12:
                body.append(
                    '        <aside class="read-more"><p class="read-more__label">Read more:</p>'
                    '<a href="/news/ceredigion/24601122.hywel-dda-health-board-opens-consultation-new-hospital-site/">'
                    'Hywel Dda health board opens consultation on new hospital site</a></aside>')

    comments = []
    cid = 90441200
    for line in s["comments"]:
        reply = line.startswith("  > ")
        user, when, likes, text = [x.strip() for x in line.strip().lstrip(">").split(" | ", 3)]
        cid += 7
        m = re.match(r"(\d+) Oct 2024, (\d+):(\d+) (am|pm)", when)
        hh = int(m.group(2)) % 12 + (12 if m.group(4) == "pm" else 0)
        iso = "2024-10-%02d T%02d:%s:00+01:00".replace(" ", "") % (int(m.group(1)), hh, m.group(3))
        cls = "comment comment--reply" if reply else "comment"
        comments.append(
            '        <li class="%s" id="comment-%d">\n'
            '          <div class="comment__meta"><img class="comment__avatar" src="/resources/images/avatar-default.png" alt="" width="32" height="32">'
            '<span class="comment__user">%s</span> <time class="comment__time" datetime="%s">%s</time></div>\n'
            '          <p class="comment__text">%s</p>\n'
            '          <div class="comment__actions"><button class="comment__like" type="button">Like</button> '
            '<span class="comment__likes">%s</span> <button class="comment__reply" type="button">Reply</button> '
            '<button class="comment__report" type="button">Report</button></div>\n'
            '        </li>' % (cls, cid, e(user), iso, e(when), e(text, quote=False), likes))

    mostread = "\n".join(
        '          <li><span class="most-read__rank">%d</span><a href="/news/ceredigion/%d.story/">%s</a></li>'
        % (i + 1, 24610000 + 137 * i, e(t, quote=False)) for i, t in enumerate(s["mostread"]))
    related = "\n".join(
        '          <li><a href="/news/%d.related/">%s</a></li>' % (24590000 + 211 * i, e(t, quote=False))
        for i, t in enumerate(s["related"]))

    page = TEMPLATE_02.format(
        headline=e(headline, quote=False), headline_attr=e(headline), standfirst=e(standfirst, quote=False),
        standfirst_attr=e(standfirst), byline=e(byline), date=e(date), updated=e(updated.strip()), url=url,
        body="\n".join(body), comments="\n".join(comments), n_comments=len(comments),
        mostread=mostread, related=related, ldrs=e(s["ldrs"][0], quote=False))
    return page.encode("utf-8")


TEMPLATE_02 = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>{headline_attr} | West Wales Chronicle</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="{standfirst_attr}">
  <meta property="og:title" content="{headline_attr}">
  <meta property="og:type" content="article">
  <meta property="og:url" content="{url}">
  <meta property="og:site_name" content="West Wales Chronicle">
  <meta property="article:published_time" content="2024-10-09T06:00:00+01:00">
  <meta property="article:modified_time" content="2024-10-09T11:42:00+01:00">
  <meta property="article:section" content="Ceredigion news">
  <link rel="canonical" href="{url}">
  <link rel="stylesheet" href="/resources/css/wwc-main.7f3a91.css">
  <script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{headline_attr}","datePublished":"2024-10-09T06:00:00+01:00","author":{{"@type":"Person","name":"Rhodri Jenkins"}},"publisher":{{"@type":"Organization","name":"West Wales Chronicle"}}}}</script>
  <script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date(2024,9,9));gtag('config','G-WWC0000000');</script>
  <script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
  <style>.cookie-banner{{position:fixed;bottom:0}}.visually-hidden{{position:absolute;clip:rect(0 0 0 0)}}</style>
</head>
<body class="article-page section-ceredigion">
  <div class="cookie-banner" role="dialog" aria-label="Cookie consent">
    <p>We use cookies and similar technologies to personalise content and adverts and to analyse our traffic. You can change your choices at any time in Privacy settings.</p>
    <button type="button" class="cookie-banner__accept">Accept all</button> <button type="button" class="cookie-banner__manage">Manage preferences</button>
  </div>
  <a class="skip-link" href="#main-content">Skip to main content</a>
  <header class="site-header">
    <div class="site-header__top"><span class="site-header__date">Wednesday 9 October 2024</span> <a href="/subscribe/">Subscribe</a> <a href="/login/">Sign in</a></div>
    <a class="site-header__logo" href="/"><img src="/resources/images/wwc-logo.svg" alt="West Wales Chronicle" width="240" height="40"></a>
    <nav class="site-nav" aria-label="Main">
      <ul>
        <li><a href="/news/">News</a></li>
        <li><a href="/news/ceredigion/">Ceredigion</a></li>
        <li><a href="/news/carmarthenshire/">Carmarthenshire</a></li>
        <li><a href="/news/pembrokeshire/">Pembrokeshire</a></li>
        <li><a href="/sport/">Sport</a></li>
        <li><a href="/politics/">Politics</a></li>
        <li><a href="/announcements/">Announcements</a></li>
        <li><a href="/jobs/">Jobs</a></li>
        <li><a href="/homes/">Homes</a></li>
        <li><a href="/e-edition/">e-Edition</a></li>
      </ul>
    </nav>
  </header>
  <div class="leaderboard-ad" aria-label="Advertisement"><span class="ad-label">Advertisement</span><div class="ad-slot" id="div-gpt-ad-leaderboard" data-ad-unit="/2190/wwc/news/leaderboard"></div></div>
  <main id="main-content">
    <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Home</a> <span>&gt;</span> <a href="/news/">News</a> <span>&gt;</span> <a href="/news/ceredigion/">Ceredigion</a></nav>
    <article class="article" itemscope itemtype="https://schema.org/NewsArticle">
      <header class="article__header">
        <h1 class="article__headline" itemprop="headline">{headline}</h1>
        <p class="article__standfirst">{standfirst}</p>
        <div class="article__byline"><span class="byline__name">By {byline}</span></div>
        <div class="article__dates"><time datetime="2024-10-09T06:00:00+01:00">{date}</time> <span class="article__updated">{updated}</span></div>
        <div class="share-bar" aria-label="Share this article">
          <span class="share-bar__label">Share</span>
          <a class="share share--facebook" href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a>
          <a class="share share--x" href="https://twitter.com/intent/tweet?url={url}">X</a>
          <a class="share share--whatsapp" href="https://wa.me/?text={url}">WhatsApp</a>
          <a class="share share--email" href="mailto:?subject=West%20Wales%20Chronicle&amp;body={url}">Email</a>
          <a class="share share--comments" href="#comments">{n_comments} comments</a>
        </div>
      </header>
      <figure class="article__image">
        <img src="/resources/images/17893311.jpg" alt="Penmorfa, the offices of Ceredigion County Council in Aberaeron" width="960" height="540">
        <figcaption>Ceredigion County Council’s offices at Penmorfa, Aberaeron, where cabinet met on Tuesday. Picture: West Wales Chronicle</figcaption>
      </figure>
      <div class="article-body" itemprop="articleBody">
{body}
        <p class="ldrs-note"><em>{ldrs}</em></p>
      </div>
      <div class="share-bar share-bar--bottom" aria-label="Share this article">
        <span class="share-bar__label">Share this story</span>
        <a class="share share--facebook" href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a>
        <a class="share share--x" href="https://twitter.com/intent/tweet?url={url}">X</a>
        <a class="share share--whatsapp" href="https://wa.me/?text={url}">WhatsApp</a>
      </div>
      <aside class="related" aria-label="Related articles">
        <h3>Related articles</h3>
        <ul>
{related}
        </ul>
      </aside>
    </article>
    <aside class="newsletter-signup">
      <h3>Get the Chronicle in your inbox</h3>
      <p>Sign up for our free daily newsletter with the top stories from Ceredigion, Carmarthenshire and Pembrokeshire.</p>
      <form action="/newsletter/subscribe/" method="post"><label class="visually-hidden" for="nl-email">Email address</label><input id="nl-email" type="email" name="email" placeholder="Enter your email address"> <button type="submit">Sign up</button></form>
      <p class="newsletter-signup__small">By signing up you agree to our privacy policy. You can unsubscribe at any time.</p>
    </aside>
    <section class="comments" id="comments" aria-label="Comments">
      <h3 class="comments__title">Comments ({n_comments})</h3>
      <p class="comments__rules">Comments are the views of readers and are not checked before publication. Please read our community guidelines before posting. <a href="/login/">Sign in</a> to join the conversation.</p>
      <div class="comments__sort">Sort by: <button type="button">Newest</button> <button type="button">Oldest</button> <button type="button">Most liked</button></div>
      <ol class="comments__list">
{comments}
      </ol>
      <button class="comments__more" type="button">Load more comments</button>
    </section>
  </main>
  <aside class="sidebar">
    <div class="mpu-ad" aria-label="Advertisement"><span class="ad-label">Advertisement</span><div class="ad-slot" id="div-gpt-ad-mpu-2" data-ad-unit="/2190/wwc/news/mpu2"></div></div>
    <section class="most-read">
      <h3>Most read</h3>
      <ol>
{mostread}
      </ol>
    </section>
    <div class="promo"><p>Support local journalism: subscribe from just £1 for your first three months.</p><a href="/subscribe/">Subscribe now</a></div>
  </aside>
  <footer class="site-footer">
    <nav aria-label="Footer"><a href="/contact/">Contact us</a> | <a href="/advertise/">Advertise</a> | <a href="/terms/">Terms and conditions</a> | <a href="/privacy/">Privacy policy</a> | <a href="/cookies/">Cookie policy</a> | <a href="/complaints/">Complaints</a> | <a href="/community-guidelines/">Community guidelines</a></nav>
    <p>This website and associated newspapers adhere to the Independent Press Standards Organisation’s Editors’ Code of Practice.</p>
    <p>© 2024 West Wales Chronicle Ltd, Unit 4, Parc Teifi, Cardigan SA43 1EW. Registered in England and Wales. All rights reserved.</p>
  </footer>
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------
# shared .docx helpers
# ---------------------------------------------------------------------------------------------

def _docx_fix(doc, when, title, author):
    """Save a python-docx Document with fixed metadata and fixed zip timestamps."""
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = title
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 3
    cp.comments = ""
    cp.keywords = ""
    buf = io.BytesIO()
    doc.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(when.year, when.month, when.day, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


def _add_field(paragraph, instr, cached):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def r_with(el):
        r = OxmlElement("w:r")
        r.append(el)
        paragraph._p.append(r)
        return r

    b = OxmlElement("w:fldChar")
    b.set(qn("w:fldCharType"), "begin")
    r_with(b)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = " %s " % instr
    r_with(it)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    r_with(sep)
    t = OxmlElement("w:t")
    t.text = cached
    r_with(t)
    en = OxmlElement("w:fldChar")
    en.set(qn("w:fldCharType"), "end")
    r_with(en)


def _runs_with_bold(paragraph, text, size=None, font=None):
    """Add text to a paragraph, turning **word** into bold runs."""
    from docx.shared import Pt
    parts = re.split(r"(\*\*.+?\*\*)", text)
    for part in parts:
        if not part:
            continue
        bold = part.startswith("**") and part.endswith("**")
        run = paragraph.add_run(part[2:-2] if bold else part)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if font:
            run.font.name = font
    return paragraph


# ---------------------------------------------------------------------------------------------
# 3. Easy Read booklet (Norfolk Learning Disability Partnership Board, 2023)
# ---------------------------------------------------------------------------------------------

def _icon(kind):
    """Draw a simple flat picture (300 x 300) for the Easy Read rows."""
    from PIL import Image, ImageDraw, ImageFont
    S = 300
    img = Image.new("RGB", (S, S), "white")
    d = ImageDraw.Draw(img)
    rng = seeded("icon", kind)
    blue, green, red, orange, grey, dark = "#1f6fb2", "#2e9e4f", "#d33b2c", "#f39c12", "#9aa5ad", "#263238"
    skin = ["#f2c9a0", "#c68642", "#8d5524", "#e0ac69", "#f1d1b5"]
    font = ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 34)
    small = ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 22)

    def person(x, y, s=1.0, col=blue, k=0):
        r = 18 * s
        d.ellipse([x - r, y - r, x + r, y + r], fill=skin[k % len(skin)], outline=dark, width=2)
        d.rounded_rectangle([x - 26 * s, y + r + 4, x + 26 * s, y + r + 70 * s], radius=int(14 * s), fill=col, outline=dark, width=2)

    def table(y=200):
        d.rounded_rectangle([40, y, 260, y + 28], radius=8, fill="#a1887f", outline=dark, width=2)

    def paper(x0, y0, x1, y1, lines=6, big=False):
        d.rectangle([x0, y0, x1, y1], fill="white", outline=dark, width=3)
        step = (y1 - y0 - 20) / max(lines, 1)
        for i in range(lines):
            yy = y0 + 14 + i * step
            d.line([x0 + 12, yy, x1 - 12 - (30 if i == lines - 1 else 0), yy], fill=grey if not big else dark, width=2 if not big else 6)

    def calendar(label, circles=0):
        d.rectangle([50, 60, 250, 250], fill="white", outline=dark, width=4)
        d.rectangle([50, 60, 250, 110], fill=red, outline=dark, width=4)
        d.text((150, 85), label, font=small, fill="white", anchor="mm")
        for i in range(4):
            for j in range(5):
                x, y = 70 + j * 36, 125 + i * 30
                d.rectangle([x, y, x + 22, y + 18], fill="#eceff1")
        for c in range(circles):
            x, y = 70 + (c * 2 % 5) * 36, 125 + (c % 4) * 30
            d.ellipse([x - 8, y - 8, x + 30, y + 26], outline=red, width=4)

    def clock(hours):
        d.ellipse([55, 55, 245, 245], fill="white", outline=dark, width=6)
        for h in range(12):
            a = math.radians(h * 30)
            d.line([150 + 80 * math.sin(a), 150 - 80 * math.cos(a), 150 + 90 * math.sin(a), 150 - 90 * math.cos(a)], fill=dark, width=4)
        d.pieslice([65, 65, 235, 235], -90, -90 + hours * 30, fill="#bbdefb")
        d.line([150, 150, 150, 85], fill=dark, width=7)
        a = math.radians(hours * 30)
        d.line([150, 150, 150 + 60 * math.sin(a), 150 - 60 * math.cos(a)], fill=dark, width=7)

    def tick(x, y, s=1.0):
        d.line([x - 50 * s, y, x - 15 * s, y + 40 * s, x + 60 * s, y - 50 * s], fill=green, width=int(22 * s), joint="curve")

    def cross(x, y, s=1.0):
        d.line([x - 40 * s, y - 40 * s, x + 40 * s, y + 40 * s], fill=red, width=int(18 * s))
        d.line([x - 40 * s, y + 40 * s, x + 40 * s, y - 40 * s], fill=red, width=int(18 * s))

    def laptop(screen="#bbdefb"):
        d.rectangle([60, 80, 240, 200], fill=screen, outline=dark, width=5)
        d.polygon([(35, 215), (265, 215), (245, 235), (55, 235)], fill=grey, outline=dark)

    if kind == "board":
        for i, x in enumerate((80, 150, 220)):
            person(x, 90, 0.9, [blue, green, orange][i], i)
        table(195)
        person(40, 170, 0.7, red, 3)
        person(262, 170, 0.7, blue, 4)
    elif kind in ("calendar", "start"):
        calendar("NOV 2023" if kind == "calendar" else "APRIL 2024", 1)
    elif kind == "calendar4":
        calendar("2024", 4)
    elif kind == "book":
        d.polygon([(30, 80), (150, 100), (150, 250), (30, 230)], fill="white", outline=dark)
        d.polygon([(270, 80), (150, 100), (150, 250), (270, 230)], fill="white", outline=dark)
        d.text((90, 150), "Aa", font=font, fill=dark, anchor="mm")
        for i in range(5):
            d.line([170, 125 + i * 20, 250, 120 + i * 20], fill=grey, width=3)
    elif kind == "magnifier":
        paper(40, 40, 200, 250)
        d.ellipse([120, 110, 230, 220], outline=dark, width=12, fill="#e3f2fd")
        d.line([215, 205, 275, 265], fill=dark, width=20)
    elif kind == "speech":
        d.rounded_rectangle([20, 40, 180, 140], radius=30, fill="#bbdefb", outline=dark, width=4)
        d.polygon([(60, 138), (50, 185), (100, 138)], fill="#bbdefb", outline=dark)
        d.rounded_rectangle([120, 150, 280, 250], radius=30, fill="#c8e6c9", outline=dark, width=4)
        d.polygon([(240, 248), (250, 290), (200, 248)], fill="#c8e6c9", outline=dark)
    elif kind == "clock":
        clock(4)
    elif kind == "clock2":
        clock(2)
    elif kind == "papers":
        for k in range(3):
            paper(50 + k * 18, 40 + k * 18, 230 + k * 18, 250 + k * 10, lines=10)
    elif kind == "papers_easy":
        for k in range(2):
            paper(50 + k * 25, 40 + k * 25, 220 + k * 25, 250 + k * 10, lines=3, big=True)
        d.ellipse([100, 90, 150, 140], fill=orange, outline=dark, width=3)
    elif kind in ("people_few", "people_half"):
        n_col = 3 if kind == "people_few" else 4
        for i in range(8):
            x, y = 40 + (i % 4) * 72, 50 + (i // 4) * 120
            person(x, y, 0.7, blue if i < n_col else "#cfd8dc", i)
    elif kind == "two_boards":
        for x0 in (20, 160):
            d.rounded_rectangle([x0, 110, x0 + 120, 140], radius=6, fill="#a1887f", outline=dark, width=2)
            d.rectangle([x0 + 15, 160, x0 + 105, 240], fill="white", outline=dark, width=3)
            d.text((x0 + 60, 200), "= =", font=font, fill=dark, anchor="mm")
            person(x0 + 60, 55, 0.6, blue if x0 == 20 else green, x0)
    elif kind in ("subgroups", "cross"):
        d.ellipse([110, 110, 190, 190], fill=blue, outline=dark, width=3)
        for i in range(6):
            a = math.radians(i * 60)
            x, y = 150 + 105 * math.cos(a), 150 + 105 * math.sin(a)
            d.line([150, 150, x, y], fill=dark, width=3)
            d.ellipse([x - 28, y - 28, x + 28, y + 28], fill=orange, outline=dark, width=3)
        if kind == "cross":
            cross(150, 150, 1.6)
    elif kind == "map":
        d.polygon([(30, 120), (90, 60), (200, 50), (270, 90), (280, 180), (230, 240), (120, 250), (40, 200)], fill="#c8e6c9", outline=dark)
        d.line([60, 110, 150, 160, 255, 150], fill=red, width=6)
        for x, y in ((60, 110), (150, 160), (255, 150)):
            d.ellipse([x - 10, y - 10, x + 10, y + 10], fill=red, outline=dark)
    elif kind == "question":
        d.text((150, 150), "?", font=ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 220), fill=blue, anchor="mm")
    elif kind == "tick":
        tick(150, 160, 1.4)
    elif kind == "join":
        d.rectangle([40, 100, 150, 210], fill=blue, outline=dark, width=3)
        d.ellipse([130, 135, 170, 175], fill=blue)
        d.rectangle([170, 100, 280, 210], fill=green, outline=dark, width=3)
        d.ellipse([150, 135, 190, 175], fill="white")
    elif kind == "checklist":
        paper(60, 30, 240, 270, lines=0)
        for i in range(4):
            y = 60 + i * 52
            d.rectangle([80, y, 110, y + 30], outline=dark, width=3)
            d.line([125, y + 15, 220, y + 15], fill=grey, width=5)
        tick(95, 70, 0.35)
    elif kind == "laptop_no":
        laptop()
        cross(235, 70, 0.8)
    elif kind == "laptop":
        laptop()
        for i, x in enumerate((105, 150, 195)):
            person(x, 115, 0.45, [blue, green, orange][i], i)
    elif kind == "cochairs":
        d.rectangle([30, 230, 270, 250], fill="#a1887f")
        person(105, 80, 1.0, green, 1)
        person(195, 80, 1.0, orange, 2)
    elif kind == "money":
        d.rectangle([40, 90, 200, 180], fill="#a5d6a7", outline=dark, width=4)
        d.text((120, 135), "£", font=font, fill=dark, anchor="mm")
        for i, (x, y) in enumerate(((200, 200), (240, 170), (170, 235))):
            d.ellipse([x - 35, y - 35, x + 35, y + 35], fill="#ffd54f", outline=dark, width=3)
    elif kind == "forums":
        d.polygon([(20, 130), (80, 60), (210, 40), (280, 90), (285, 190), (230, 250), (110, 260), (30, 210)], fill="#e8f5e9", outline=dark)
        for k, (x, y) in enumerate(((70, 120), (150, 80), (230, 120), (110, 200), (210, 200))):
            for j in range(3):
                d.ellipse([x - 22 + j * 16, y - 8, x - 10 + j * 16, y + 4], fill=[blue, green, orange][j])
    elif kind == "rules":
        paper(60, 30, 240, 270, lines=0)
        d.text((150, 60), "RULES", font=small, fill=dark, anchor="mm")
        for i in range(5):
            y = 95 + i * 34
            d.text((85, y), "%d" % (i + 1), font=small, fill=blue, anchor="mm")
            d.line([105, y, 220, y], fill=grey, width=5)
    elif kind == "arrow":
        d.rounded_rectangle([70, 20, 230, 90], radius=10, fill="#bbdefb", outline=dark, width=3)
        d.text((150, 55), "HWB", font=font, fill=dark, anchor="mm")
        d.polygon([(150, 100), (110, 150), (135, 150), (135, 200), (165, 200), (165, 150), (190, 150)], fill=orange, outline=dark)
        table(240)
        person(150, 215, 0.45, green, 2)
    elif kind == "handshake":
        d.rectangle([10, 130, 110, 180], fill=blue, outline=dark, width=3)
        d.rectangle([190, 130, 290, 180], fill=green, outline=dark, width=3)
        d.rounded_rectangle([100, 125, 200, 185], radius=25, fill=skin[0], outline=dark, width=3)
        d.line([130, 130, 130, 180], fill=dark, width=2)
        d.line([165, 130, 165, 180], fill=dark, width=2)
    elif kind == "wait":
        person(110, 110, 1.2, blue, 0)
        d.ellipse([170, 40, 200, 70], outline=grey, width=4)
        d.ellipse([200, 20, 250, 70], outline=grey, width=4)
        d.ellipse([185, 160, 275, 250], fill="white", outline=dark, width=5)
        d.line([230, 205, 230, 175], fill=dark, width=5)
        d.line([230, 205, 255, 215], fill=dark, width=5)
    elif kind == "poster":
        d.rectangle([60, 30, 240, 270], fill="#fff9c4", outline=dark, width=4)
        d.text((150, 80), "JOIN US", font=font, fill=red, anchor="mm")
        person(150, 150, 0.8, blue, 1)
    elif kind == "letter":
        d.rectangle([30, 80, 270, 230], fill="white", outline=dark, width=5)
        d.line([30, 80, 150, 165, 270, 80], fill=dark, width=5)
    else:
        raise ValueError(kind)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def build_03():
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    s = _sections(src("03_norfolk_ldpb_easyread_2023-12.txt"))
    # pages: split the lines that start with '=== '
    raw_lines = [l for l in src("03_norfolk_ldpb_easyread_2023-12.txt").splitlines() if not l.startswith("%%")]
    pages = []
    cur = None
    in_rows = False
    for l in raw_lines:
        if l.startswith("=== "):
            cur = (l[4:], [])
            pages.append(cur)
            in_rows = True
            continue
        if l.startswith("@@"):
            in_rows = False
            continue
        if in_rows and l.strip():
            cur[1].append(l)

    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(1.8)
    sec.top_margin, sec.bottom_margin = Cm(1.6), Cm(1.6)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(16)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    h1 = doc.styles["Heading 1"]
    h1.font.name = "Arial"
    h1.font.size = Pt(28)
    h1.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)

    hp = sec.header.paragraphs[0]
    hp.text = "Changes to the Learning Disability Partnership Board – Easy Read"
    hp.runs[0].font.size = Pt(11)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run("Page ")
    r.font.size = Pt(12)
    _add_field(fp, "PAGE", "1")

    pic_no = [0]

    def row_table(rows):
        t = doc.add_table(rows=0, cols=2)
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        for line in rows:
            pid, alt, text = [x.strip() for x in line.split(" | ", 2)]
            cells = t.add_row().cells
            cells[0].width, cells[1].width = Cm(5.0), Cm(12.4)
            p0 = cells[0].paragraphs[0]
            run = p0.add_run()
            shape = run.add_picture(io.BytesIO(_icon(pid)), width=Cm(4.2))
            pic_no[0] += 1
            docpr = shape._inline.docPr
            docpr.set("descr", alt)
            docpr.set("name", "Picture %d" % pic_no[0])
            p1 = cells[1].paragraphs[0]
            p1.paragraph_format.space_before = Pt(18)
            _runs_with_bold(p1, text, size=18)
        t.columns[0].width, t.columns[1].width = Cm(5.0), Cm(12.4)
        # no borders, but keep row height for the pictures
        tblPr = t._tbl.tblPr
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement("w:" + edge)
            el.set(qn("w:val"), "nil")
            borders.append(el)
        tblPr.append(borders)
        return t

    # cover
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rr = p.add_run(s["title"][0])
    rr.bold = True
    rr.font.size = Pt(32)
    rr.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rr = p.add_run(s["subtitle"][0])
    rr.bold = True
    rr.font.size = Pt(26)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(s["date"][0]).font.size = Pt(18)
    cover_rows = []
    for line in s["cover"]:
        if line.startswith("=== "):
            break
        cover_rows.append(line)
    row_table(cover_rows)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rr = p.add_run("Norfolk County Council  •  Norfolk Learning Disability Partnership Board")
    rr.font.size = Pt(12)

    for heading, rows in pages:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(heading, level=1)
        row_table(rows)

    # word list
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Word list", level=1)
    wt = doc.add_table(rows=0, cols=2)
    wt.style = doc.styles["Table Grid"]
    for line in s["words"]:
        word, meaning = [x.strip() for x in line.split(" | ", 1)]
        cells = wt.add_row().cells
        cells[0].width, cells[1].width = Cm(5.4), Cm(12.0)
        rr = cells[0].paragraphs[0].add_run(word)
        rr.bold = True
        rr.font.size = Pt(16)
        cells[1].paragraphs[0].add_run(meaning).font.size = Pt(16)
    wt.columns[0].width, wt.columns[1].width = Cm(5.4), Cm(12.0)

    # contact
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Find out more", level=1)
    row_table(s["contact"])
    return _docx_fix(doc, datetime.datetime(2023, 12, 6, 10, 30, 0),
                     "Changes to the Learning Disability Partnership Board - Easy Read",
                     "Norfolk County Council")


# ---------------------------------------------------------------------------------------------
# 4. Long report with a table of contents (East Riding Strategic Partnership, 2011)
# ---------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _footnotes_part(doc, notes):
    """Attach a footnotes part (separator, continuation separator and the given notes)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    def esc(t):
        return html.escape(t, quote=False)

    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for n, text in notes:
        body.append(
            '<w:footnote w:id="%d"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            '<w:r><w:t xml:space="preserve"> %s</w:t></w:r></w:p></w:footnote>' % (n, esc(text)))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:footnotes xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">%s</w:footnotes>'
           % (W_NS, "".join(body)))
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


def _inline_runs(paragraph, text, size=None):
    """Add runs for text with **bold** and [^n] footnote references."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt
    for part in re.split(r"(\*\*.+?\*\*|\[\^\d+\])", text):
        if not part:
            continue
        m = re.fullmatch(r"\[\^(\d+)\]", part)
        if m:
            r = paragraph.add_run()
            rs = OxmlElement("w:rStyle")
            rs.set(qn("w:val"), "FootnoteReference")
            rpr = r._r.get_or_add_rPr()
            rpr.append(rs)
            fr = OxmlElement("w:footnoteReference")
            fr.set(qn("w:id"), m.group(1))
            r._r.append(fr)
            continue
        bold = part.startswith("**")
        run = paragraph.add_run(part[2:-2] if bold else part)
        if bold:
            run.bold = True
        if size:
            run.font.size = Pt(size)


def build_04():
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm, Pt, RGBColor

    text = src("04_eastriding_partnership_review_2011-09.txt")
    lines = [l for l in text.splitlines() if not l.startswith("%%")]

    # headings for the TOC
    heads = []
    for l in lines:
        m = re.match(r"(#{1,2}) (.*?) \{p=(\d+)\}$", l)
        if m:
            heads.append((len(m.group(1)), m.group(2), m.group(3), "_Toc3016245%02d" % (len(heads) + 11)))
    notes = []
    if "@@footnotes" in lines:
        k = lines.index("@@footnotes")
        for l in lines[k + 1:]:
            if l.strip():
                n, t = l.split(" | ", 1)
                notes.append((int(n), t))
        lines = lines[:k]

    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.3)
    sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(2.0)
    st = doc.styles
    st["Normal"].font.name = "Arial"
    st["Normal"].font.size = Pt(11)
    st["Normal"].element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    for name, size in (("Heading 1", 16), ("Heading 2", 13)):
        st[name].font.name = "Arial"
        st[name].font.size = Pt(size)
        st[name].font.color.rgb = RGBColor(0x00, 0x5A, 0x8C)
        st[name].element.rPr.rFonts.set(qn("w:ascii"), "Arial")
        st[name].element.rPr.rFonts.set(qn("w:hAnsi"), "Arial")
    for lvl in (1, 2):
        s_ = st.add_style("TOC %d" % lvl, WD_STYLE_TYPE.PARAGRAPH)
        s_.base_style = st["Normal"]
        s_.paragraph_format.left_indent = Cm(0.0 if lvl == 1 else 0.8)
        s_.paragraph_format.space_after = Pt(4)
        s_.paragraph_format.tab_stops.add_tab_stop(Cm(16.4), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        s_.paragraph_format.tab_stops.add_tab_stop(Cm(1.0 if lvl == 1 else 1.9))
    fn_text = st.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    fn_text.base_style = st["Normal"]
    fn_text.font.size = Pt(9)
    fn_text.paragraph_format.space_after = Pt(0)
    fn_ref = st.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    fn_ref.font.superscript = True

    # header / footer (none on the title page)
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hr = hp.add_run("East Riding Strategic Partnership – Review of Partnership Arrangements")
    hr.font.size, hr.font.color.rgb = Pt(9), RGBColor(0x60, 0x60, 0x60)
    hp.add_run("\tSeptember 2011").font.size = Pt(9)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Version 1.3 FINAL  |  Page ").font.size = Pt(9)
    _add_field(fp, "PAGE", "2")
    fp.add_run(" of ").font.size = Pt(9)
    _add_field(fp, "NUMPAGES", "15")

    def bookmark(p, name, bid):
        bs = OxmlElement("w:bookmarkStart")
        bs.set(qn("w:id"), str(bid))
        bs.set(qn("w:name"), name)
        be = OxmlElement("w:bookmarkEnd")
        be.set(qn("w:id"), str(bid))
        p._p.insert(1, bs)
        p._p.append(be)

    def toc():
        for i, (lvl, title, page, bm) in enumerate(heads):
            num, _, rest = title.partition(" ")
            if not re.match(r"^\d+(\.\d+)?$", num):
                num, rest = "", title
            label = (num + "\t" + rest) if num else rest
            begin = ""
            if i == 0:
                begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                         '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
                         '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
            parts = label.split("\t")
            runs = '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % html.escape(parts[0], quote=False)
            for ptxt in parts[1:]:
                runs += '<w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">%s</w:t></w:r>' % html.escape(ptxt, quote=False)
            end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if i == len(heads) - 1 else ""
            xml = ('<w:p %s><w:pPr><w:pStyle w:val="TOC%d"/></w:pPr>%s'
                   '<w:hyperlink w:anchor="%s" w:history="1">%s<w:r><w:rPr><w:webHidden/></w:rPr><w:tab/></w:r>'
                   '<w:r><w:rPr><w:webHidden/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
                   '<w:r><w:rPr><w:webHidden/></w:rPr><w:instrText xml:space="preserve"> PAGEREF %s \\h </w:instrText></w:r>'
                   '<w:r><w:rPr><w:webHidden/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
                   '<w:r><w:rPr><w:webHidden/></w:rPr><w:t>%s</w:t></w:r>'
                   '<w:r><w:rPr><w:webHidden/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>%s</w:p>'
                   % (nsdecls("w"), lvl, begin, bm, runs, bm, page, end))
            doc.element.body.find(qn("w:sectPr")).addprevious(parse_xml(xml))

    def table(rows, kind):
        cols = len(rows[0])
        t = doc.add_table(rows=0, cols=cols)
        t.style = st["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = {"summary": [1.3, 12.0, 2.6], "glossary": [3.0, 13.0], "structure": [6.6, 7.4, 2.0],
                  "timetable": [8.6, 4.0, 3.8]}[kind]
        for r_i, row in enumerate(rows):
            cells = t.add_row().cells
            for c_i, val in enumerate(row):
                cells[c_i].width = Cm(widths[c_i])
                p = cells[c_i].paragraphs[0]
                run = p.add_run(val)
                run.font.size = Pt(10)
                if r_i == 0:
                    run.bold = True
                    shd = parse_xml('<w:shd %s w:val="clear" w:color="auto" w:fill="D9E2F3"/>' % nsdecls("w"))
                    cells[c_i]._tc.get_or_add_tcPr().append(shd)
        for c_i in range(cols):
            t.columns[c_i].width = Cm(widths[c_i])
        doc.add_paragraph()

    bid = 0
    hi = 0
    i = 0
    first_title = True
    while i < len(lines):
        l = lines[i]
        if not l.strip():
            i += 1
            continue
        if l.startswith("@@title "):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            if first_title:
                p.paragraph_format.space_before = Pt(120)
                first_title = False
            r = p.add_run(l[8:])
            r.bold, r.font.size, r.font.color.rgb = True, Pt(26), RGBColor(0x00, 0x5A, 0x8C)
        elif l.startswith("@@sub "):
            p = doc.add_paragraph()
            r = p.add_run(l[6:])
            r.font.size = Pt(15)
        elif l.startswith("@@meta "):
            p = doc.add_paragraph()
            if l.startswith("@@meta Prepared"):
                p.paragraph_format.space_before = Pt(150)
            r = p.add_run(l[7:])
            r.font.size = Pt(10)
        elif l == "@@pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif l.startswith("@@tochead "):
            p = doc.add_paragraph(l[10:], style=st["TOC Heading"])
        elif l == "@@toc":
            toc()
        elif l.startswith("@@table"):
            kind = l.split()[1]
            rows = []
            i += 1
            while lines[i] != "@@end":
                rows.append([c.strip() for c in lines[i].split(" | ")])
                i += 1
            table(rows, kind)
        elif l.startswith("#"):
            m = re.match(r"(#{1,2}) (.*?) \{p=(\d+)\}$", l)
            lvl, title = len(m.group(1)), m.group(2)
            p = doc.add_heading(title, level=lvl)
            bookmark(p, heads[hi][3], bid)
            bid += 1
            hi += 1
        elif l.startswith("- "):
            p = doc.add_paragraph(style=st["List Bullet"])
            p.paragraph_format.left_indent = Cm(2.0)
            _inline_runs(p, l[2:])
        else:
            m = re.match(r"^(\d+\.\d+(?:\.\d+)?) (.*)$", l)
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(8)
            if m:
                p.paragraph_format.left_indent = Cm(1.5)
                p.paragraph_format.first_line_indent = Cm(-1.5)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(1.5))
                p.add_run(m.group(1) + "\t")
                _inline_runs(p, m.group(2))
            else:
                _inline_runs(p, l)
        i += 1

    _footnotes_part(doc, notes)
    # footnote settings in settings.xml
    settings = doc.settings.element
    fpr = parse_xml('<w:footnotePr %s><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' % nsdecls("w"))
    settings.append(fpr)
    return _docx_fix(doc, datetime.datetime(2011, 9, 20, 16, 5, 0),
                     "Review of Partnership Arrangements - Final Report", "Claire Ashworth")


# ---------------------------------------------------------------------------------------------
# 5. Line-numbered consultation draft (Wrexham and Flintshire PSBs, 2023)
# ---------------------------------------------------------------------------------------------

def build_05(total_pages=None):
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    lines = [l for l in src("05_wrexham_flintshire_psb_consultation_2023-11.txt").splitlines()
             if not l.startswith("%%")]

    class Draft(FPDF):
        def header(self):
            # faint diagonal watermark first, so that it comes first in the text order
            if self.page_no() > 1:
                self.set_text_color(235, 235, 235)
                self.set_font("Sans", "B", 80)
                with self.rotation(45, x=105, y=160):
                    self.text(38, 175, "DRAFT")
            self.set_text_color(180, 0, 0)
            self.set_font("Sans", "B", 10)
            self.set_xy(30, 10)
            self.cell(80, 5, "DRAFT FOR CONSULTATION")
            self.set_text_color(90, 90, 90)
            self.set_font("Sans", "", 8)
            self.set_xy(110, 10)
            self.cell(80, 5, "Joint PSB Draft Governance Framework – v0.4", align="R")
            self.set_draw_color(160, 160, 160)
            self.line(30, 16.5, 190, 16.5)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_font("Sans", "", 8)
            self.set_text_color(90, 90, 90)
            self.set_xy(30, 283)
            self.cell(80, 5, "Not agreed policy – please do not quote")
            self.set_xy(110, 283)
            self.cell(80, 5, "Page %d of %s" % (self.page_no(), total_pages or "?"), align="R")
            self.set_text_color(0, 0, 0)

    pdf = Draft(unit="mm", format="A4")
    pdf.set_creation_date(datetime.datetime(2023, 11, 13, 14, 22, 31, tzinfo=datetime.timezone.utc))
    pdf.set_creator("Microsoft® Word for Microsoft 365")
    pdf.set_producer("Microsoft® Word for Microsoft 365")
    pdf.set_title("Joint PSB Draft Governance Framework - consultation draft v0.4")
    pdf.set_author("Wrexham County Borough Council")
    pdf.add_font("Sans", "", DEJAVU + "DejaVuSans.ttf")
    pdf.add_font("Sans", "B", DEJAVU + "DejaVuSans-Bold.ttf")
    pdf.set_margins(30, 22, 20)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_y(30)

    LH = 5.6
    BOTTOM = 272
    n = [0]

    def numbered(text, style="", size=10, indent=0.0, gap_after=0.0, colour=(0, 0, 0), fill=None, align="L"):
        pdf.set_font("Sans", style, size)
        width = 160 - indent
        lh = max(LH, size * 0.5)
        wrapped = pdf.multi_cell(width, lh, text, dry_run=True, output="LINES")
        if fill and pdf.get_y() + len(wrapped) * LH > BOTTOM:
            pdf.add_page()
            pdf.set_y(22)
        for k, ln in enumerate(wrapped):
            if pdf.get_y() + lh > BOTTOM:
                pdf.add_page()
                pdf.set_y(22)
            n[0] += 1
            y = pdf.get_y()
            pdf.set_font("Sans", "", 7)
            pdf.set_text_color(140, 140, 140)
            pdf.set_xy(12, y)
            pdf.cell(12, lh, str(n[0]), align="R")
            pdf.set_text_color(*colour)
            pdf.set_font("Sans", style, size)
            pdf.set_xy(30 + indent, y)
            pdf.cell(width, lh, ln, align=align, fill=bool(fill), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_y(pdf.get_y() + gap_after)
        pdf.set_text_color(0, 0, 0)

    for l in lines:
        if not l.strip():
            continue
        if l.startswith("@@cover "):
            t = l[8:]
            if t.startswith("A Joint"):
                pdf.set_y(pdf.get_y() + 40)
                numbered(t, "B", 20, gap_after=2, colour=(0, 70, 120))
            elif t.startswith("Draft Governance"):
                numbered(t, "B", 16, gap_after=8, colour=(0, 70, 120))
            else:
                numbered(t, "", 11, gap_after=3)
        elif l == "@@pagebreak":
            pdf.add_page()
            pdf.set_y(22)
        elif l.startswith("# "):
            if pdf.get_y() + 4 * LH > BOTTOM:
                pdf.add_page()
                pdf.set_y(22)
            pdf.set_y(pdf.get_y() + 2)
            numbered(l[2:], "B", 13, gap_after=1.5, colour=(0, 70, 120))
        elif l.startswith("## "):
            if pdf.get_y() + 4 * LH > BOTTOM:
                pdf.add_page()
                pdf.set_y(22)
            pdf.set_y(pdf.get_y() + 1)
            numbered(l[3:], "B", 10.5, gap_after=0.5)
        elif l.startswith("- "):
            numbered("•  " + l[2:], indent=6, gap_after=1)
        elif re.match(r"^Q\d+\. ", l):
            pdf.set_fill_color(232, 241, 250)
            numbered(l, "B", 10, indent=4, gap_after=2, colour=(0, 60, 110), fill=True)
        elif l.startswith("@@form "):
            t = l[7:].replace("[ ]", "☐")
            numbered(t, gap_after=1)
            if t.endswith(":") and not t.startswith("Please"):
                rows = 3 if t.startswith("Q") else 1
                for _ in range(rows):
                    numbered("_" * 62, colour=(150, 150, 150), gap_after=0)
                pdf.set_y(pdf.get_y() + 2)
        else:
            numbered(l, gap_after=2)
    if total_pages is None:
        return build_05(total_pages=pdf.page_no())
    return bytes(pdf.output())


# ---------------------------------------------------------------------------------------------

BUILDERS = {1: build_01, 2: build_02, 3: build_03, 4: build_04, 5: build_05}


def main():
    os.makedirs(RAW, exist_ok=True)
    only = [int(a) for a in sys.argv[1:] if a.isdigit()]
    for n, fn in sorted(BUILDERS.items()):
        if only and n not in only:
            continue
        res = fn()
        data, info = res if isinstance(res, tuple) else (res, None)
        path = os.path.join(RAW, FILES[n])
        with open(path, "wb") as fh:
            fh.write(data)
        line = "%s  %s" % (hashlib.sha256(data).hexdigest(), FILES[n])
        if info:
            line += "  %s" % info
        print(line)


if __name__ == "__main__":
    main()
