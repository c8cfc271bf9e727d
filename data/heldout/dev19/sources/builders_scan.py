"""Shape 1: a scanned council document with a searchable OCR text layer.

Each page is a picture of a printed page (serif type, slightly rotated, speckled, uneven
margins, a received stamp and handwritten initials), stored as a JPEG.  Over it lies an
invisible text layer (PDF text render mode 3) carrying what an OCR engine "read": the printed
lines with seeded OCR errors (rn->m, l->1, O->0, broken words, stray characters), the running
header and the page-number line.  Everything is seeded, so the output is byte-identical.
"""
import io
import random
import re
from datetime import datetime, timezone

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from fpdf import FPDF

LIB = "/usr/share/fonts/truetype/liberation/"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
DPI = 200
PW, PH = 1654, 2339  # A4 at 200 dpi
SEED = 20071122

SIZE = round(11 * DPI / 72)       # body type, 11 pt
HSIZE = round(9 * DPI / 72)       # running header / page number, 9 pt
TSIZE = round(13 * DPI / 72)      # title, 13 pt
LH = 43                           # line pitch (px)
LEFT, RIGHT = 205, 185
TOP, BOTTOM = 235, 2120


def _font(name, size):
    return ImageFont.truetype(LIB + name, size)


FONTS = {
    "r": lambda s: _font("LiberationSerif-Regular.ttf", s),
    "b": lambda s: _font("LiberationSerif-Bold.ttf", s),
    "i": lambda s: _font("LiberationSerif-Italic.ttf", s),
}
_cache = {}


def font(style, size):
    key = (style, size)
    if key not in _cache:
        _cache[key] = FONTS[style](size)
    return _cache[key]


# --------------------------------------------------------------------------- layout
VOWELS = set("aeiouyAEIOUY")
SUFFIXES = ("ments", "ment", "tions", "tion", "sions", "sion", "ships", "ship", "ings", "ing", "ness",
            "ities", "ity", "ated", "ating", "ance", "ence", "ously", "ally", "ative", "ised", "ising")
DIGRAPHS = {"ch", "sh", "th", "ph", "ck", "ng", "gh", "wh", "qu"}


def hyphen_points(word):
    """Plausible hyphenation points of a word (index of the first letter after the break)."""
    m = re.match(r"^([A-Za-z]+)([,;:.)]*)$", word)
    if not m:
        return []
    core = m.group(1)
    n = len(core)
    pts = []
    low = core.lower()
    for suf in SUFFIXES:
        k = n - len(suf)
        if low.endswith(suf) and k >= 4:
            pts.append(k)
    for k in range(3, n - 2):
        a, b = low[k - 1], low[k]
        if a not in VOWELS and b not in VOWELS and a != b and (a + b) not in DIGRAPHS \
                and any(c in VOWELS for c in low[:k]) and any(c in VOWELS for c in low[k:]):
            pts.append(k)
        elif a == b and a not in VOWELS:
            pts.append(k)
    return sorted(set(p for p in pts if 3 <= p <= n - 3), reverse=True)


def wrap(text, width, fnt):
    """Greedy wrap; a long word that does not fit is hyphenated at the line end."""
    words = text.split()
    lines, cur = [], ""
    i = 0
    while i < len(words):
        w = words[i]
        cand = (cur + " " + w) if cur else w
        if fnt.getlength(cand) <= width:
            cur = cand
            i += 1
            continue
        done = False
        if len(w) >= 7:
            for cut in hyphen_points(w):
                head = w[:cut]
                trial = (cur + " " + head + "-") if cur else head + "-"
                if fnt.getlength(trial) <= width:
                    lines.append(trial)
                    words[i] = w[cut:]
                    cur = ""
                    done = True
                    break
        if done:
            continue
        if not cur:  # single overlong token
            lines.append(w)
            i += 1
            continue
        lines.append(cur)
        cur = ""
    if cur:
        lines.append(cur)
    return lines


def parse(src):
    header = ""
    blocks = []
    para = []

    def flush():
        if para:
            blocks.append(("P", " ".join(para)))
            para.clear()

    for raw in src.splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if line.startswith("!HEADER "):
            header = line[8:]
            continue
        m = re.match(r"^!(\w+)\s?(.*)$", line)
        if m:
            flush()
            blocks.append((m.group(1), m.group(2)))
        else:
            para.append(line.strip())
    flush()
    return header, blocks


def layout(blocks):
    """Return a list of pages; each page is a list of chunks (x, y_top, text, style, size)."""
    pages = [[]]
    y = TOP - 70  # page 1 starts higher (no running header)
    width = PW - LEFT - RIGHT

    def newpage():
        nonlocal y
        pages.append([])
        y = TOP

    def need(n_lines, extra=0):
        if y + n_lines * LH + extra > BOTTOM:
            newpage()

    for kind, text in blocks:
        if kind == "C":
            f = font("b", TSIZE)
            w = f.getlength(text)
            pages[-1].append(((PW - w) / 2, y, text, "b", TSIZE))
            y += LH + 6
        elif kind == "SP":
            y += 24
        elif kind == "B":
            lines = wrap(text, width, font("b", SIZE))
            need(len(lines) + 1)
            for ln in lines:
                pages[-1].append((LEFT, y, ln, "b", SIZE))
                y += LH
        elif kind == "L":
            need(1)
            a, b = [t.strip() for t in text.split("|")]
            pages[-1].append((LEFT + 40, y, a, "r", SIZE))
            pages[-1].append((LEFT + 640, y, b, "r", SIZE))
            y += LH
        elif kind == "M":
            y += 22
            need(3)
            a, b = [t.strip() for t in text.split("|")]
            pages[-1].append((LEFT, y, a, "b", SIZE))
            pages[-1].append((LEFT + 190, y, b, "b", SIZE))
            y += LH
        elif kind == "I":
            a, b = [t.strip() for t in text.split("|", 1)]
            lines = wrap(b, width - 150, font("r", SIZE))
            need(min(2, len(lines)))
            pages[-1].append((LEFT + 60, y, a, "r", SIZE))
            for ln in lines:
                need(1)
                pages[-1].append((LEFT + 150, y, ln, "r", SIZE))
                y += LH
            y += 6
        elif kind == "P":
            lines = wrap(text, width, font("r", SIZE))
            need(min(2, len(lines)))
            for ln in lines:
                need(1)
                pages[-1].append((LEFT, y, ln, "r", SIZE))
                y += LH
            y += 18
        elif kind == "SIG":
            y += 40
            need(4)
            pages[-1].append((LEFT, y, "Signed ....................................................  Chair", "r", SIZE))
            pages[-1].append(("SIGNATURE", y - 40, "", "", 0))
            y += LH * 2
            pages[-1].append((LEFT, y, "Date ........................................", "r", SIZE))
            y += LH
        else:
            raise ValueError(kind)
    return pages


# --------------------------------------------------------------------------- OCR errors
SUBS = [
    ("rn", "m", 5), ("m", "rn", 3), ("l", "1", 5), ("I", "l", 3), ("O", "0", 3), ("0", "O", 2),
    ("e", "c", 3), ("cl", "d", 2), ("li", "h", 2), ("h", "b", 2), ("t", "l", 1), ("a", "o", 1),
    ("S", "5", 1), ("ti", "fi", 1), ("u", "ii", 1), (",", ".", 2),
]
STRAYS = ["'", ",", ".", "`", "~", "-", ";", "\u00b7"]


def ocr_line(text, rng):
    words = text.split(" ")
    out = []
    for w in words:
        r = rng.random()
        if r < 0.03 and len(w) >= 3:
            cands = [(a, b, wt) for a, b, wt in SUBS if a in w]
            if cands:
                tot = sum(c[2] for c in cands)
                pick = rng.uniform(0, tot)
                for a, b, wt in cands:
                    pick -= wt
                    if pick <= 0:
                        break
                idxs = [m.start() for m in re.finditer(re.escape(a), w)]
                k = rng.choice(idxs)
                w = w[:k] + b + w[k + len(a):]
        elif r < 0.039 and len(w) >= 7 and w.isalpha():
            k = rng.randint(3, len(w) - 3)
            w = w[:k] + " " + w[k:]
        out.append(w)
    s = " ".join(out)
    if rng.random() < 0.07:  # a speck read as a character
        pos = rng.choice([0, len(s)] + [m.start() for m in re.finditer(" ", s)])
        ch = rng.choice(STRAYS)
        s = (s[:pos] + " " + ch + s[pos:]) if pos else (ch + " " + s)
        s = s.strip()
    return s


# --------------------------------------------------------------------------- drawing
def paper(rng, w, h):
    tile = Image.new("L", (128, 128))
    tile.putdata([int(rng.gauss(0, 1) * 5) + 128 for _ in range(128 * 128)])
    noise = Image.new("L", (w, h))
    for x in range(0, w, 128):
        for y in range(0, h, 128):
            noise.paste(tile, (x, y))
    base = Image.new("RGB", (w, h), (245, 243, 236))
    tint = Image.merge("RGB", [noise.point(lambda v: v + 117)] * 3)
    return Image.blend(base, tint, 0.35)


def draw_stamp(img, rng, x, y):
    st = Image.new("RGBA", (520, 250), (0, 0, 0, 0))
    d = ImageDraw.Draw(st)
    col = (150, 40, 60, 210)
    d.rounded_rectangle([6, 6, 512, 242], radius=14, outline=col, width=6)
    d.rectangle([20, 20, 498, 228], outline=col, width=2)
    f1 = ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 34)
    f2 = ImageFont.truetype(DEJAVU + "DejaVuSansMono-Bold.ttf", 50)
    for ty, txt, f in [(32, "GATESHEAD COUNCIL", f1), (76, "DEMOCRATIC SERVICES", f1),
                       (122, "29 NOV 2007", f2), (184, "RECEIVED", f1)]:
        tw = d.textlength(txt, font=f)
        d.text(((520 - tw) / 2, ty), txt, font=f, fill=col)
    # ink gaps
    for _ in range(900):
        px, py = rng.randint(0, 519), rng.randint(0, 249)
        d.point((px, py), fill=(0, 0, 0, 0))
    st = st.rotate(7.5, resample=Image.BICUBIC, expand=True)
    img.paste(st, (x, y), st)


def draw_initials(img, rng, x, y, scale=1.0, ink=(25, 40, 120)):
    d = ImageDraw.Draw(img)
    pts = []
    # an "R" like loop, then an "H"-ish zigzag, then a flourish, drawn as wobbly polylines
    strokes = [
        [(0, 60), (4, 30), (8, 0), (30, -4), (38, 12), (22, 28), (6, 30), (30, 44), (48, 64)],
        [(62, 0), (60, 34), (58, 66)],
        [(58, 34), (80, 30), (96, 28)],
        [(98, -2), (96, 30), (94, 64), (110, 70), (150, 54)],
    ]
    for s in strokes:
        pts = [(x + scale * (px + rng.uniform(-2, 2)), y + scale * (py + rng.uniform(-2, 2))) for px, py in s]
        d.line(pts, fill=ink, width=max(3, int(4 * scale)), joint="curve")


def specks(img, rng, n):
    d = ImageDraw.Draw(img)
    for _ in range(n):
        px, py = rng.randint(30, PW - 30), rng.randint(30, PH - 30)
        r = rng.choice([1, 1, 1, 2, 2, 3])
        g = rng.randint(20, 90)
        d.ellipse([px, py, px + r, py + r], fill=(g, g, g))
    for _ in range(6):  # a few larger blots / dirt on the glass
        px, py = rng.randint(40, PW - 40), rng.randint(40, PH - 40)
        r = rng.randint(3, 6)
        d.ellipse([px, py, px + r, py + r + 1], fill=(60, 60, 60))


def render_page(chunks, pageno, npages, header, rng):
    img = paper(rng, PW, PH)
    d = ImageDraw.Draw(img)
    dx, dy = rng.randint(-22, 30), rng.randint(-18, 26)  # uneven margins
    ink = (32, 30, 30)
    placed = []  # for the OCR layer: (x, baseline, width_px, size_px, text)
    if pageno > 1:
        f = font("i", HSIZE)
        d.text((LEFT + dx, 120 + dy), header, font=f, fill=ink)
        placed.append((LEFT + dx, 120 + dy, f.getlength(header), HSIZE, header, "header"))
        d.line([(LEFT + dx, 160 + dy), (PW - RIGHT + dx, 160 + dy)], fill=(70, 70, 70), width=2)
    sig_y = None
    for x, y, text, style, size in chunks:
        if x == "SIGNATURE":
            sig_y = y
            continue
        f = font(style, size)
        d.text((x + dx, y + dy), text, font=f, fill=ink)
        placed.append((x + dx, y + dy, f.getlength(text), size, text, "body"))
    pn = f"Page {pageno}"
    f = font("r", HSIZE)
    pw = f.getlength(pn)
    d.text(((PW - pw) / 2 + dx, 2215 + dy), pn, font=f, fill=ink)
    placed.append(((PW - pw) / 2 + dx, 2215 + dy, pw, HSIZE, pn, "pageno"))
    specks(img, rng, 260)
    if pageno == 1:
        draw_stamp(img, rng, 1130 + dx, 30 + dy)
    # chair's initials in the bottom right-hand corner of every page
    draw_initials(img, rng, PW - RIGHT - 190 + dx, 2170 + dy, 0.8)
    if sig_y is not None:
        draw_initials(img, rng, LEFT + 170 + dx, sig_y - 10 + dy, 1.3)
    angle = rng.choice([-1, 1]) * rng.uniform(0.18, 0.55)
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=(245, 243, 236))
    img = img.filter(ImageFilter.GaussianBlur(0.55))
    return img, placed, (pageno == 1), sig_y is not None, (dx, dy)


def build(src):
    header, blocks = parse(src)
    pages = layout(blocks)
    rng = random.Random(SEED)
    ocr_rng = random.Random(SEED + 1)
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(datetime(2010, 3, 15, 11, 42, 7, tzinfo=timezone.utc))
    pdf.set_producer("OCRmyPDF 1.0 / Tesseract OCR-PDF 3.02")
    pdf.set_creator("Canon iR-ADV C5035 / archive scanning")
    pdf.set_title("GSP Board minutes 22.11.07")
    pdf.add_font("ocr", "", LIB + "LiberationSerif-Regular.ttf")
    mm = 25.4 / DPI
    for i, chunks in enumerate(pages, 1):
        img, placed, stamp, sig, (dx, dy) = render_page(chunks, i, len(pages), header, rng)
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=70)
        buf.seek(0)
        pdf.add_page()
        pdf.image(buf, x=0, y=0, w=210, h=297)
        pdf.text_mode = "INVISIBLE"
        extra = []
        if stamp:
            for k, t in enumerate(["GATESHEAD C0UNCIL", "DEMOCRATIC SERVICES", "29 N0V 2007", "RECE1VED"]):
                extra.append((1190 + dx, 85 + dy + k * 50, 380, 34, t, "stamp"))
        extra.append((PW - RIGHT - 190 + dx, 2175 + dy, 90, 40, "/?.H", "initials"))
        for x, y, wpx, size, text, role in placed + extra:
            if role == "body":
                ocr = ocr_line(text, ocr_rng)
            elif role == "header":
                ocr = ocr_line(text, ocr_rng)
            else:
                ocr = text
            pt = size * 72 / DPI
            pdf.set_font("ocr", "", pt)
            sw = pdf.get_string_width(ocr)
            target = wpx * mm
            pdf.set_stretching(max(40.0, min(250.0, 100.0 * target / sw)) if sw else 100.0)
            pdf.text(x * mm, (y + size * 0.86) * mm, ocr)
        pdf.set_stretching(100)
        pdf.text_mode = "FILL"
    return bytes(pdf.output())


def printed_and_ocr_lines(src):
    """For statistics in the README: pairs of (printed line, OCR line) for body text."""
    header, blocks = parse(src)
    pages = layout(blocks)
    ocr_rng = random.Random(SEED + 1)
    pairs = []
    for i, chunks in enumerate(pages, 1):
        if i > 1:
            pairs.append((header, ocr_line(header, ocr_rng)))
        for x, y, text, style, size in chunks:
            if x == "SIGNATURE":
                continue
            pairs.append((text, ocr_line(text, ocr_rng)))
    return pairs
