#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/.

Usage:  /work/main/.venv/bin/python make_documents.py

All five documents are invented (real places, invented people and decisions).
Every date/timestamp written into the files is fixed, and nothing random is used,
so two runs give identical bytes (check with sha256sum raw/*).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from fpdf import FPDF, XPos, YPos
from fpdf.enums import MethodReturnValue
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
FONT_DIR = Path("/usr/share/fonts/truetype/liberation")

FILES = {
    1: "plymouth_safer-plymouth_record-of-decision_2025-03.pdf",
    2: "lambeth_decisions_rss_2024-11.xml",
    3: "fife_partnership-governance-slwg_teams-transcript_2025-02.docx",
    4: "pembrokeshire_cabinet_agenda_2024-10.pdf",
    5: "gloucestershire_leadership-gloucestershire_letter_2025-01.docx",
}


def src_lines(name: str) -> list[str]:
    """Source lines without comment lines (# ...) and without trailing newlines."""
    text = (SRC / name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.split("\n") if not ln.startswith("# ")]


def add_liberation(pdf: FPDF) -> None:
    pdf.add_font("Lib", "", str(FONT_DIR / "LiberationSans-Regular.ttf"))
    pdf.add_font("Lib", "B", str(FONT_DIR / "LiberationSans-Bold.ttf"))
    pdf.add_font("Lib", "I", str(FONT_DIR / "LiberationSans-Italic.ttf"))
    pdf.add_font("Lib", "BI", str(FONT_DIR / "LiberationSans-BoldItalic.ttf"))


# ---------------------------------------------------------------------------
# 1. Record of Decision: fpdf2 prints the form; pypdf adds AcroForm text fields
# ---------------------------------------------------------------------------
MM = 72 / 25.4
FIELD_FONT = 9.0
FIELD_LEADING = 11.0
FIELD_PAD = 3.0


class _Metrics:
    """Helvetica widths (WinAnsi) for wrapping the field appearance streams."""

    def __init__(self) -> None:
        self.pdf = FPDF(unit="pt")
        self.pdf.core_fonts_encoding = "windows-1252"
        self.pdf.add_page()
        self.pdf.set_font("helvetica", size=FIELD_FONT)

    def width(self, s: str) -> float:
        return self.pdf.get_string_width(s)

    def wrap(self, para: str, max_w: float) -> list[str]:
        words = para.split(" ")
        lines: list[str] = []
        cur = ""
        for w in words:
            trial = w if not cur else cur + " " + w
            if self.width(trial) <= max_w or not cur:
                cur = trial
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
        return lines


def _pdf_str(s: str) -> bytes:
    out = bytearray(b"(")
    for b in s.encode("cp1252"):
        if b in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    out += b")"
    return bytes(out)


class RodPDF(FPDF):
    def header(self) -> None:
        self.set_font("Lib", "B", 8)
        self.set_text_color(120, 0, 0)
        self.set_xy(18, 8)
        self.cell(174, 4, "OFFICIAL", align="C")
        self.set_text_color(0, 0, 0)
        self.set_y(16)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Lib", "", 7.5)
        self.set_text_color(90, 90, 90)
        self.cell(120, 4, "Record of Decision (Cabinet Member) - template v4.2, January 2024")
        self.cell(54, 4, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_xy(18, -10)
        self.set_font("Lib", "B", 8)
        self.set_text_color(120, 0, 0)
        self.cell(174, 4, "OFFICIAL", align="C")
        self.set_text_color(0, 0, 0)


def build_01() -> bytes:
    lines = src_lines("01_plymouth_record_of_decision.txt")
    # parse into elements
    elems: list[dict] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.strip():
            i += 1
            continue
        m = re.match(r"@(\w+)\s?(.*)$", ln)
        if not m:
            raise ValueError(f"unexpected line {ln!r}")
        kind, rest = m.group(1), m.group(2)
        if kind == "box":
            name, label, guide = [p.strip() for p in (rest + " | ").split("|")[:3]]
            i += 1
            paras = []
            while i < len(lines) and not lines[i].startswith("@"):
                if lines[i].strip():
                    paras.append(lines[i].strip())
                i += 1
            elems.append(dict(kind="box", name=name, label=label, guide=guide, value="\n".join(paras)))
            continue
        if kind == "line":
            name, label, value = [p.strip() for p in rest.split("|")]
            elems.append(dict(kind="line", name=name, label=label, value=value))
        else:
            elems.append(dict(kind=kind, text=rest.strip()))
        i += 1

    metrics = _Metrics()
    pdf = RodPDF(unit="mm", format="A4")
    pdf.set_creation_date(dt.datetime(2025, 3, 11, 16, 42, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Record of Decision CMD 41 24/25")
    pdf.set_author("Plymouth City Council - Democratic Support")
    pdf.set_creator("Microsoft Word - ROD template v4.2")
    add_liberation(pdf)
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    bottom = 297 - 20
    fields: list[dict] = []  # page, x, y, w, h (mm), name, label, value, lines

    def field_lines(value: str, w_mm: float) -> list[str]:
        out: list[str] = []
        for para in value.split("\n"):
            out.extend(metrics.wrap(para, w_mm * MM - 2 * FIELD_PAD))
        return out

    def field_h(n: int) -> float:
        return (n * FIELD_LEADING + 2 * FIELD_PAD + 2) / MM

    def ensure(h: float) -> None:
        if pdf.get_y() + h > bottom:
            pdf.add_page()

    for idx, e in enumerate(elems):
        k = e["kind"]
        if k == "logo":
            pdf.set_font("Lib", "B", 15)
            pdf.set_text_color(0, 84, 122)
            pdf.cell(174, 8, e["text"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_draw_color(0, 84, 122)
            pdf.set_line_width(0.6)
            pdf.line(18, pdf.get_y(), 192, pdf.get_y())
            pdf.set_text_color(0, 0, 0)
            pdf.ln(3)
        elif k == "title":
            pdf.set_font("Lib", "B", 18)
            pdf.cell(174, 9, e["text"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif k == "subtitle":
            pdf.set_font("Lib", "", 11)
            pdf.cell(174, 6, e["text"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif k == "para":
            pdf.set_font("Lib", "I", 8.5)
            pdf.multi_cell(174, 4.2, e["text"], align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif k == "section":
            nxt = elems[idx + 1] if idx + 1 < len(elems) else {}
            if nxt.get("kind") == "box":
                ensure(12 + 5.5 + (4 if nxt["guide"] else 0) + field_h(len(field_lines(nxt["value"], 174))))
            else:
                ensure(20)
            pdf.ln(1)
            pdf.set_fill_color(0, 84, 122)
            pdf.set_text_color(255, 255, 255)
            pdf.set_font("Lib", "B", 10.5)
            pdf.cell(174, 7, "  " + e["text"], fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
            pdf.ln(2)
        elif k == "line":
            lab_w, fx, fw = 64.0, 18 + 66.0, 174 - 66.0
            pdf.set_font("Lib", "B", 9)
            lab_lines = pdf.multi_cell(lab_w, 4.2, e["label"], align="L", dry_run=True, output=MethodReturnValue.LINES)
            flines = field_lines(e["value"], fw)
            h = max(len(lab_lines) * 4.2, field_h(len(flines)))
            ensure(h + 2)
            y0 = pdf.get_y()
            pdf.set_xy(18, y0 + 0.8)
            pdf.multi_cell(lab_w, 4.2, e["label"], align="L")
            pdf.set_fill_color(232, 240, 247)
            pdf.set_draw_color(130, 130, 130)
            pdf.set_line_width(0.2)
            pdf.rect(fx, y0, fw, h, style="DF")
            fields.append(dict(page=pdf.page_no(), x=fx, y=y0, w=fw, h=h, name=e["name"],
                               label=e["label"], value=e["value"], lines=flines))
            pdf.set_xy(18, y0 + h + 1.5)
        elif k == "box":
            pdf.set_font("Lib", "B", 9.5)
            flines = field_lines(e["value"], 174)
            h = field_h(len(flines))
            guide_h = 4 if e["guide"] else 0
            ensure(5.5 + guide_h + h + 2)
            pdf.cell(174, 5.5, e["label"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            if e["guide"]:
                pdf.set_font("Lib", "I", 8)
                pdf.set_text_color(80, 80, 80)
                pdf.cell(174, 4, e["guide"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.set_text_color(0, 0, 0)
            y0 = pdf.get_y() + 0.5
            pdf.set_fill_color(232, 240, 247)
            pdf.set_draw_color(130, 130, 130)
            pdf.set_line_width(0.2)
            pdf.rect(18, y0, 174, h, style="DF")
            fields.append(dict(page=pdf.page_no(), x=18, y=y0, w=174, h=h, name=e["name"],
                               label=e["label"], value=e["value"], lines=flines))
            pdf.set_xy(18, y0 + h + 3)
        else:
            raise ValueError(k)

    base = bytes(pdf.output())
    writer = PdfWriter(clone_from=io.BytesIO(base))
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })
    font_ref = writer._add_object(font)
    field_refs = ArrayObject()
    page_annots: dict[int, ArrayObject] = {}
    for f in fields:
        wpt, hpt = f["w"] * MM, f["h"] * MM
        llx, ury = f["x"] * MM, (297 - f["y"]) * MM
        lly, urx = ury - hpt, llx + wpt
        content = bytearray()
        content += b"/Tx BMC\nq\n1 1 %.2f %.2f re W n\nBT\n/Helv %.1f Tf\n0 g\n" % (wpt - 2, hpt - 2, FIELD_FONT)
        content += b"%.2f TL\n%.2f %.2f Td\n" % (FIELD_LEADING, FIELD_PAD, hpt - FIELD_PAD - 1 - FIELD_FONT * 0.8)
        for j, line in enumerate(f["lines"]):
            if j:
                content += b"T*\n"
            content += _pdf_str(line) + b" Tj\n"
        content += b"ET\nQ\nEMC\n"
        ap = DecodedStreamObject()
        ap.set_data(bytes(content))
        ap.update({
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(round(wpt, 2)), FloatObject(round(hpt, 2))]),
            NameObject("/Resources"): DictionaryObject({
                NameObject("/Font"): DictionaryObject({NameObject("/Helv"): font_ref})}),
        })
        ap_ref = writer._add_object(ap)
        page = writer.pages[f["page"] - 1]
        flags = 4096 if len(f["lines"]) > 1 or "\n" in f["value"] else 0
        annot = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject(f["name"]),
            NameObject("/TU"): TextStringObject(f["label"]),
            NameObject("/V"): TextStringObject(f["value"]),
            NameObject("/DA"): TextStringObject("/Helv %.0f Tf 0 g" % FIELD_FONT),
            NameObject("/F"): NumberObject(4),
            NameObject("/Ff"): NumberObject(flags),
            NameObject("/Rect"): ArrayObject([FloatObject(round(v, 2)) for v in (llx, lly, urx, ury)]),
            NameObject("/P"): page.indirect_reference,
            NameObject("/MK"): DictionaryObject({
                NameObject("/BC"): ArrayObject([FloatObject(0.5), FloatObject(0.5), FloatObject(0.5)]),
                NameObject("/BG"): ArrayObject([FloatObject(0.91), FloatObject(0.94), FloatObject(0.97)])}),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): ap_ref}),
        })
        aref = writer._add_object(annot)
        field_refs.append(aref)
        page_annots.setdefault(f["page"] - 1, ArrayObject()).append(aref)
    for pno, arr in page_annots.items():
        writer.pages[pno][NameObject("/Annots")] = arr
    acro = DictionaryObject({
        NameObject("/Fields"): field_refs,
        NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): font_ref})}),
        NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
        NameObject("/NeedAppearances"): BooleanObject(False),
    })
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(acro)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# ---------------------------------------------------------------------------
# 2. RSS 2.0 decisions feed (ModernGov style)
# ---------------------------------------------------------------------------
def build_02() -> bytes:
    lines = src_lines("02_lambeth_decisions_feed.txt")
    channel: dict[str, str] = {}
    items: list[dict] = []
    cur: dict | None = None
    in_desc = False
    for ln in lines:
        if ln == "@channel":
            cur, in_desc = channel, False
            continue
        if ln == "@item":
            cur, in_desc = {"description": []}, False
            items.append(cur)
            continue
        if not ln.strip():
            continue
        if in_desc:
            cur["description"].append(ln.strip())
            continue
        key, _, val = ln.partition(":")
        if key == "description" and cur is not channel:
            in_desc = True
            continue
        cur[key.strip()] = val.strip()
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
           "  <channel>",
           f"    <title>{escape(channel['title'])}</title>",
           f"    <link>{escape(channel['link'])}</link>",
           f"    <description>{escape(channel['description'])}</description>",
           f"    <language>{channel['language']}</language>",
           f"    <copyright>{escape(channel['copyright'])}</copyright>",
           f"    <lastBuildDate>{channel['lastBuildDate']}</lastBuildDate>",
           f"    <generator>{escape(channel['generator'])}</generator>",
           f'    <atom:link href="{escape(channel["self"])}" rel="self" type="application/rss+xml" />',
           "    <ttl>60</ttl>"]
    for it in items:
        desc = "".join(it["description"])
        out += ["    <item>",
                f"      <title>{escape(it['title'])}</title>",
                f"      <link>{escape(it['link'])}</link>",
                f"      <description>{escape(desc)}</description>",
                f"      <pubDate>{it['pubDate']}</pubDate>",
                f'      <guid isPermaLink="true">{escape(it["guid"])}</guid>',
                "    </item>"]
    out += ["  </channel>", "</rss>", ""]
    return "\r\n".join(out).encode("utf-8")


# ---------------------------------------------------------------------------
# docx helpers
# ---------------------------------------------------------------------------
def _fixed_zip(data: bytes, when: tuple) -> bytes:
    """Rewrite a .docx zip with fixed timestamps and a fixed member order."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            zout.writestr(zi, zin.read(info.filename))
    return buf.getvalue()


def _set_core(doc, author: str, title: str, when: dt.datetime) -> None:
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = title
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    cp.comments = ""
    cp.keywords = ""
    cp.subject = ""
    cp.category = ""


def _add_field(paragraph, instr: str, cached: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(t):
        r = paragraph.add_run()
        e = OxmlElement("w:fldChar")
        e.set(qn("w:fldCharType"), t)
        r._r.append(e)

    fld("begin")
    r = paragraph.add_run()
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    r._r.append(it)
    fld("separate")
    paragraph.add_run(cached)
    fld("end")


# ---------------------------------------------------------------------------
# 3. Teams transcript (.docx)
# ---------------------------------------------------------------------------
def build_03() -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    lines = src_lines("03_fife_teams_transcript.txt")
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Segoe UI"
    st.font.size = Pt(10)
    head: dict[str, str] = {}
    recap: list[str] = []
    body: list[str] = []
    mode = "head"
    for ln in lines:
        if ln == "@recap":
            mode = "recap"
            continue
        if ln == "@endrecap":
            mode = "head"
            continue
        if ln == "@transcript":
            mode = "body"
            continue
        if mode == "head" and ln.startswith("@"):
            k, _, v = ln[1:].partition(" ")
            head[k] = v
        elif mode == "recap" and ln.strip():
            recap.append(ln)
        elif mode == "body" and ln.strip():
            body.append(ln)

    p = doc.add_paragraph()
    r = p.add_run(head["title"])
    r.bold = True
    r.font.size = Pt(14)
    doc.add_paragraph(head["date"])
    doc.add_paragraph(head["duration"])
    # recap block
    for j, ln in enumerate(recap):
        if ln.startswith("- "):
            doc.add_paragraph(ln[2:], style="List Bullet")
        elif j == 0:
            doc.add_heading(ln, level=2)
        elif ln.startswith("Generated by"):
            q = doc.add_paragraph()
            rr = q.add_run(ln)
            rr.italic = True
            rr.font.size = Pt(8)
            rr.font.color.rgb = RGBColor(0x61, 0x61, 0x61)
        else:
            doc.add_heading(ln, level=3)
    doc.add_paragraph("")
    speaker_re = re.compile(r"^(.+?)   (\d+:\d\d:\d\d)$")
    for ln in body:
        if ln.startswith("@event "):
            q = doc.add_paragraph(ln[len("@event "):])
            continue
        m = speaker_re.match(ln)
        if m:
            doc.add_paragraph(f"{m.group(1)}   {m.group(2)}")
        else:
            doc.add_paragraph(ln)
    _set_core(doc, "", head["title"], dt.datetime(2025, 2, 12, 10, 47, 0))
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue(), (2025, 2, 12, 10, 47, 0))


# ---------------------------------------------------------------------------
# 4. ModernGov agenda front sheet (.pdf)
# ---------------------------------------------------------------------------
class AgendaPDF(FPDF):
    footer_text = ""

    def header(self) -> None:
        if self.page_no() > 1:
            self.set_font("Lib", "I", 8)
            self.set_text_color(90, 90, 90)
            self.set_xy(20, 9)
            self.cell(170, 4, "Cabinet  |  Monday, 14 October 2024  |  Agenda", align="R")
            self.set_text_color(0, 0, 0)
            self.set_y(20)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Lib", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(85, 4, self.footer_text)
        self.cell(85, 4, f"Page {self.page_no()}", align="R")
        self.set_text_color(0, 0, 0)


def build_04() -> bytes:
    lines = src_lines("04_pembrokeshire_cabinet_agenda.txt")
    pdf = AgendaPDF(unit="mm", format="A4")
    pdf.set_creation_date(dt.datetime(2024, 10, 3, 14, 5, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Agenda - Cabinet - 14 October 2024")
    pdf.set_author("Pembrokeshire County Council")
    pdf.set_creator("Modern.Gov")
    add_liberation(pdf)
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=22)
    W = 170
    bottom = 297 - 22

    def need(h: float) -> None:
        if pdf.get_y() + h > bottom:
            pdf.add_page()

    def height(text: str, w: float, lh: float) -> float:
        return len(pdf.multi_cell(w, lh, text, align='L', dry_run=True, output=MethodReturnValue.LINES)) * lh

    started = False
    for ln in lines:
        if not ln.strip():
            continue
        m = re.match(r"@(\w+)\s?(.*)$", ln)
        k, rest = m.group(1), m.group(2).strip()
        if k == "footer":
            pdf.footer_text = rest
            continue
        if not started:
            pdf.add_page()
            started = True
        if k == "pack":
            pdf.set_font("Lib", "B", 9)
            pdf.set_fill_color(0, 0, 0)
            pdf.set_text_color(255, 255, 255)
            pdf.set_x(140)
            pdf.cell(50, 6, rest, align="C", fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
            pdf.ln(4)
        elif k == "council":
            pdf.set_font("Lib", "B", 17)
            pdf.set_text_color(0, 93, 76)
            pdf.cell(W, 8, rest, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif k == "council_cy":
            pdf.set_font("Lib", "", 13)
            pdf.cell(W, 7, rest, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
        elif k == "rule":
            pdf.ln(1.5)
            pdf.set_draw_color(0, 93, 76)
            pdf.set_line_width(0.4)
            pdf.line(20, pdf.get_y(), 190, pdf.get_y())
            pdf.ln(3)
        elif k == "kv":
            key, val = [s.strip() for s in rest.split("|")]
            pdf.set_font("Lib", "B", 9.5)
            pdf.cell(35, 5, key)
            pdf.set_font("Lib", "", 9.5)
            pdf.cell(W - 35, 5, val, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif k == "p":
            pdf.ln(2)
            pdf.set_font("Lib", "", 10)
            pdf.multi_cell(W, 5, rest, align='L', new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif k == "small":
            pdf.set_font("Lib", "", 8.5)
            x = pdf.get_x()
            pdf.multi_cell(W - (x - 20), 4.2, rest, align='L', new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif k == "h":
            need(14)
            pdf.ln(3)
            pdf.set_font("Lib", "B", 13 if rest == "AGENDA" else 10.5)
            pdf.cell(W, 6, rest, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif k == "pagebreak":
            pdf.add_page()
        elif k == "item":
            no, title, pages = [s.strip() for s in rest.split("|")]
            pdf.set_font("Lib", "B", 10.5)
            h = height(title, 120, 5.2)
            need(h + 22)
            pdf.ln(3)
            y0 = pdf.get_y()
            pdf.cell(12, 5.2, no)
            pdf.set_xy(32, y0)
            pdf.multi_cell(120, 5.2, title, align='L', new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            y1 = pdf.get_y()
            if pages:
                pdf.set_font("Lib", "", 9.5)
                pdf.set_xy(155, y0)
                pdf.cell(35, 5.2, pages, align="R")
            pdf.set_xy(32, y1 + 0.8)
        elif k in ("member", "purpose", "recs", "officer"):
            size = {"member": 9, "purpose": 9.5, "recs": 9.5, "officer": 8.5}[k]
            style = {"member": "I", "purpose": "", "recs": "B", "officer": "I"}[k]
            text = rest
            pdf.set_font("Lib", style, size)
            if k == "purpose":
                pdf.set_font("Lib", "", size)
                need(height("Purpose: " + text, 158, 4.6))
                pdf.set_x(32)
                pdf.multi_cell(158, 4.6, "**Purpose:** " + text, align="L", markdown=True,
                               new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.ln(1)
                pdf.set_x(32)
                continue
            need(height(text, 158, 4.6))
            pdf.set_x(32)
            pdf.multi_cell(158, 4.6, text, align='L', new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1 if k != "officer" else 0.5)
            pdf.set_x(32)
        elif k == "rec":
            letter, text = [s.strip() for s in rest.split("|", 1)]
            pdf.set_font("Lib", "", 9.5)
            h = height(text, 148, 4.6)
            need(h + 1)
            y0 = pdf.get_y()
            pdf.set_xy(32, y0)
            pdf.cell(10, 4.6, letter)
            pdf.set_xy(42, y0)
            pdf.multi_cell(148, 4.6, text, align='L', new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(0.8)
            pdf.set_x(32)
        else:
            raise ValueError(k)
    return bytes(pdf.output())


# ---------------------------------------------------------------------------
# 5. Letter on letterhead (.docx)
# ---------------------------------------------------------------------------
def build_05() -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    lines = src_lines("05_gloucestershire_letter.txt")
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    st.paragraph_format.space_after = Pt(6)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = Cm(4.2)
    sec.different_first_page_header_footer = True
    green = RGBColor(0x00, 0x5E, 0x4A)

    lh = [ln[4:] for ln in lines if ln.startswith("@lh ")]
    foot = [ln[6:] for ln in lines if ln.startswith("@foot ")]
    # first-page letterhead
    fh = sec.first_page_header
    p = fh.paragraphs[0]
    r = p.add_run(lh[0])
    r.bold, r.font.size, r.font.color.rgb = True, Pt(18), green
    for j, t in enumerate(lh[1:]):
        q = fh.add_paragraph()
        q.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        rr = q.add_run(t)
        rr.font.size = Pt(9)
        rr.bold = j == 0
    # continuation header
    ref = next(ln for ln in lines if ln.startswith("@ref Our ref:")).split("|")[1].strip()
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hr = hp.add_run(f"Our ref: {ref}  |  17 January 2025")
    hr.font.size = Pt(8)
    # footers (first page and continuation pages)
    for ft in (sec.first_page_footer, sec.footer):
        fp = ft.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fr = fp.add_run(foot[0])
        fr.font.size = Pt(8)
        for t in foot[1:]:
            q = ft.add_paragraph()
            q.alignment = WD_ALIGN_PARAGRAPH.CENTER
            qr = q.add_run(t)
            qr.font.size = Pt(8)
        q = ft.add_paragraph()
        q.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        q.add_run("Page ")
        _add_field(q, "PAGE", "1")
        q.add_run(" of ")
        _add_field(q, "NUMPAGES", "2")

    refs = [ln[5:].split("|") for ln in lines if ln.startswith("@ref ")]
    table = doc.add_table(rows=0, cols=2)
    for key, val in refs:
        row = table.add_row().cells
        row[0].width, row[1].width = Cm(3.5), Cm(10)
        kr = row[0].paragraphs[0].add_run(key.strip())
        kr.bold = True
        kr.font.size = Pt(9.5)
        vr = row[1].paragraphs[0].add_run(val.strip())
        vr.font.size = Pt(9.5)
    doc.add_paragraph("")

    for ln in lines:
        if not ln.strip() or ln.startswith(("@lh ", "@foot ", "@ref ")):
            continue
        m = re.match(r"@(\w+)\s?(.*)$", ln)
        k, rest = m.group(1), m.group(2)
        if k == "to":
            q = doc.add_paragraph(rest)
            q.paragraph_format.space_after = Pt(0)
        elif k == "p":
            doc.add_paragraph(rest)
        elif k == "bold":
            q = doc.add_paragraph()
            q.add_run(rest).bold = True
        elif k in ("np", "sub"):
            num, text = [s.strip() for s in rest.split("|", 1)]
            q = doc.add_paragraph(f"{num}\t{text}")
            pf = q.paragraph_format
            ind = Cm(1.0) if k == "np" else Cm(2.0)
            pf.left_indent = ind
            pf.first_line_indent = -Cm(1.0)
            pf.tab_stops.add_tab_stop(ind)
        elif k == "bullet":
            q = doc.add_paragraph(rest, style="List Bullet")
            q.paragraph_format.left_indent = Cm(1.6)
        elif k == "sig":
            q = doc.add_paragraph()
            q.paragraph_format.space_after = Pt(0)
            rr = q.add_run(rest)
            if rest.startswith("Cllr"):
                rr.bold = True
                q.paragraph_format.space_before = Pt(30)
        elif k in ("cc", "enc"):
            q = doc.add_paragraph()
            q.paragraph_format.space_after = Pt(0)
            if rest.startswith(("cc:", "Enc.")):
                q.paragraph_format.space_before = Pt(12)
            q.add_run(rest).font.size = Pt(9)
        else:
            raise ValueError(k)
    _set_core(doc, "Helen Moreton", "Review of county-wide partnership arrangements - letter to partners",
              dt.datetime(2025, 1, 17, 9, 30, 0))
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue(), (2025, 1, 17, 9, 30, 0))


def main() -> None:
    RAW.mkdir(exist_ok=True)
    builders = {1: build_01, 2: build_02, 3: build_03, 4: build_04, 5: build_05}
    for n, fn in builders.items():
        data = fn()
        (RAW / FILES[n]).write_bytes(data)
        print(f"wrote raw/{FILES[n]} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
