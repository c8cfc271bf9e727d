"""Shape 5: a consultation draft with line numbers in the left margin (PDF).

Every printed line of body text carries a line number (restarting at 1 on each page), as Word
prints them with "Line numbering: restart each page".  Running header "DRAFT FOR CONSULTATION",
a watermark (an image, so it adds no text), numbered sections and proposals, consultation
questions and a response form with drawn boxes at the end.
"""
import io
from datetime import datetime, timezone

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

LIB = "/usr/share/fonts/truetype/liberation/"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"

X0 = 28.0          # text left edge (mm)
XR = 188.0         # text right edge
NUMX = 21.0        # right edge of the line numbers
YTOP, YBOT = 27.0, 276.0
PITCH = 5.3


def watermark():
    img = Image.new("RGBA", (1400, 1400), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    f = ImageFont.truetype(DEJAVU + "DejaVuSans-Bold.ttf", 300)
    w = d.textlength("DRAFT", font=f)
    d.text(((1400 - w) / 2, 520), "DRAFT", font=f, fill=(190, 190, 190, 85))
    img = img.rotate(45, resample=Image.BICUBIC)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    return buf


class Draft(FPDF):
    runhead = ""
    runfoot = ""

    def header(self):
        self.image(WM, x=25, y=70, w=160)
        self.set_font("sans", "", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(X0, 10)
        self.cell(100, 5, self.runhead)
        self.set_font("sans", "B", 10)
        self.set_text_color(192, 0, 0)
        self.set_xy(128, 10)
        self.cell(60, 5, "DRAFT FOR CONSULTATION", align="R")
        self.set_draw_color(192, 0, 0)
        self.line(X0, 16.5, XR, 16.5)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_font("sans", "", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(X0, 284)
        self.cell(110, 5, self.runfoot)
        self.set_xy(140, 284)
        self.cell(48, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


WM = None


class Writer:
    def __init__(self, pdf):
        self.pdf = pdf
        self.y = YTOP
        self.n = 0
        pdf.add_page()

    def newpage(self):
        self.pdf.add_page()
        self.y = YTOP
        self.n = 0

    def ensure(self, h):
        if self.y + h > YBOT:
            self.newpage()

    def wrap(self, text, width, style="", size=10.5):
        self.pdf.set_font("sans", style, size)
        words, lines, cur = text.split(), [], ""
        for w in words:
            cand = (cur + " " + w) if cur else w
            if self.pdf.get_string_width(cand) <= width:
                cur = cand
            else:
                lines.append(cur)
                cur = w
        if cur:
            lines.append(cur)
        return lines

    def numbered(self, segments, pitch=PITCH, fill=None, bar=None):
        """Print one line: segments = [(x, text, style, size, colour)]; a line number first."""
        self.ensure(pitch)
        pdf = self.pdf
        if fill:
            pdf.set_fill_color(*fill)
            pdf.rect(X0 - 1.5, self.y - 0.2, XR - X0 + 3, pitch, style="F")
        if bar:
            pdf.set_fill_color(*bar)
            pdf.rect(X0 - 1.5, self.y - 0.2, 1.2, pitch, style="F")
        self.n += 1
        pdf.set_font("sans", "", 7.5)
        pdf.set_text_color(128, 128, 128)
        num = str(self.n)
        pdf.text(NUMX - pdf.get_string_width(num), self.y + pitch * 0.72, num)
        for x, text, style, size, col in segments:
            pdf.set_font("sans", style, size)
            pdf.set_text_color(*col)
            pdf.text(x, self.y + pitch * 0.72, text)
        pdf.set_text_color(0, 0, 0)
        self.y += pitch

    def para(self, text, x=X0, style="", size=10.5, lead=None, leadx=X0, after=2.2, fill=None, bar=None, col=(0, 0, 0)):
        lines = self.wrap(text, XR - x, style, size)
        self.ensure(min(2, len(lines)) * PITCH)
        for i, ln in enumerate(lines):
            segs = []
            if i == 0 and lead:
                segs.append((leadx, lead[0], lead[1], size, lead[2]))
            segs.append((x, ln, style, size, col))
            self.numbered(segs, fill=fill, bar=bar)
        self.y += after

    def gap(self, h):
        self.y += h


def build(src):
    global WM
    WM = watermark()
    pdf = Draft(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("sans", "", LIB + "LiberationSans-Regular.ttf")
    pdf.add_font("sans", "B", LIB + "LiberationSans-Bold.ttf")
    pdf.add_font("sans", "I", LIB + "LiberationSans-Italic.ttf")
    pdf.add_font("sans", "BI", LIB + "LiberationSans-BoldItalic.ttf")
    pdf.alias_nb_pages()
    pdf.set_creation_date(datetime(2022, 8, 1, 9, 0, 0, tzinfo=timezone.utc))
    pdf.set_producer("Microsoft\u00ae Word for Microsoft 365")
    pdf.set_creator("Microsoft\u00ae Word for Microsoft 365")
    pdf.set_author("Walsall Council Policy and Strategy Unit")
    pdf.set_title("Walsall Partnership Governance Framework 2022-2025 - Draft for consultation")
    lines = [ln for ln in src.splitlines() if ln.startswith("@")]
    for ln in lines:
        tag, _, rest = ln[1:].partition(" ")
        if tag == "runhead":
            pdf.runhead = rest
        elif tag == "runfoot":
            pdf.runfoot = rest
    W = Writer(pdf)
    blue = (0, 70, 140)
    box = []

    def flush_box():
        if not box:
            return
        W.gap(1.5)
        title, *body = box
        need = 0
        for t in body:
            need += len(W.wrap(t, XR - X0 - 6)) * PITCH + 1.5
        W.ensure(need + PITCH + 4)
        y0 = W.y
        W.numbered([(X0 + 3, title, "B", 10.5, blue)])
        for t in body:
            W.para(t, x=X0 + 3, after=1.5)
        pdf.set_draw_color(*blue)
        pdf.set_line_width(0.4)
        pdf.rect(X0 - 1, y0 - 1.5, XR - X0 + 2, W.y - y0 + 1.5)
        W.gap(3)
        box.clear()

    in_form = False
    for ln in lines:
        tag, _, rest = ln[1:].partition(" ")
        if tag != "box":
            flush_box()
        if tag in ("meta", "runhead", "runfoot"):
            continue
        if tag == "title":
            W.gap(6)
            W.numbered([(X0, rest, "B", 19, blue)], pitch=10)
        elif tag == "subtitle":
            W.numbered([(X0, rest, "B", 15, (192, 0, 0))], pitch=9)
            W.gap(4)
        elif tag == "p":
            W.para(rest)
        elif tag == "box":
            box.append(rest)
        elif tag == "h":
            if in_form:
                W.numbered([(X0, rest, "B", 14, blue)], pitch=8)
                W.gap(2)
                continue
            W.gap(3)
            W.ensure(PITCH * 4)
            W.numbered([(X0, rest, "B", 13, blue)], pitch=7.5)
            W.gap(1)
        elif tag == "h2":
            W.gap(1.5)
            W.ensure(PITCH * 4)
            W.numbered([(X0, rest, "B", 11, (60, 60, 60))], pitch=6.3)
        elif tag == "para":
            num, text = rest.split("|", 1)
            W.para(text, x=X0 + 10, lead=(num, "", (0, 0, 0)), leadx=X0)
        elif tag == "bullet":
            W.para(rest, x=X0 + 16, lead=("\u2022", "", (0, 0, 0)), leadx=X0 + 11, after=1.2)
        elif tag == "prop":
            lab, text = rest.split("|", 1)
            tl = W.wrap(text, XR - X0 - 10)
            W.ensure(PITCH * (len(tl) + 1))
            W.numbered([(X0 + 2, lab, "B", 10.5, blue)], fill=(228, 238, 248), bar=blue)
            W.para(text, x=X0 + 10, fill=(228, 238, 248), bar=blue, after=2.5)
        elif tag == "q":
            lab, text = rest.split("|", 1)
            W.para(text, x=X0 + 12, style="I", lead=(lab + ".", "B", (120, 60, 0)), leadx=X0 + 2,
                   fill=(255, 244, 214), after=3)
        elif tag == "form":
            W.newpage()
            in_form = True
        elif tag == "formtext":
            W.para(rest, size=9.5)
        elif tag == "field":
            W.ensure(PITCH + 10)
            W.numbered([(X0, rest, "B", 10, (0, 0, 0))])
            pdf.set_draw_color(80, 80, 80)
            pdf.set_line_width(0.3)
            pdf.rect(X0, W.y, XR - X0, 8)
            W.gap(11)
        elif tag == "check":
            q, *opts = rest.split("|")
            W.numbered([(X0, q, "B", 10, (0, 0, 0))])
            x = X0
            segs = []
            boxes = []
            pdf.set_font("sans", "", 10)
            for o in opts:
                boxes.append(x)
                segs.append((x + 5, o, "", 10, (0, 0, 0)))
                x += 5 + pdf.get_string_width(o) + 6
            y = W.y
            W.numbered(segs)
            for bx in boxes:
                pdf.rect(bx, y + 0.9, 3.2, 3.2)
            W.gap(3)
        elif tag == "formq":
            lab, text = rest.split("|", 1)
            tl = W.wrap(text, XR - X0 - 10, "B", 10)
            W.ensure(PITCH * (len(tl) + 2) + 22)
            W.para(text, x=X0 + 10, style="B", size=10, lead=(lab, "B", (0, 0, 0)), leadx=X0, after=0.5)
            y = W.y
            segs, boxes, x = [], [], X0 + 10
            pdf.set_font("sans", "", 10)
            if not text.startswith("Any other") and not text.startswith("Would you like"):
                for o in ("Agree", "Disagree", "Not sure"):
                    boxes.append(x)
                    segs.append((x + 5, o, "", 10, (0, 0, 0)))
                    x += 5 + pdf.get_string_width(o) + 8
                W.numbered(segs)
                for bx in boxes:
                    pdf.rect(bx, y + 0.9, 3.2, 3.2)
            W.numbered([(X0 + 10, "Comments:", "I", 9, (90, 90, 90))])
            pdf.rect(X0 + 10, W.y, XR - X0 - 10, 16)
            W.gap(19)
        else:
            raise ValueError(tag)
    flush_box()
    return bytes(pdf.output())
