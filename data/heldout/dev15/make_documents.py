#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/ (dev15 held-out set; invented documents).

Run with /work/main/.venv/bin/python make_documents.py.  Everything is deterministic: fixed creation dates,
fixed zip timestamps, a seeded RNG where randomness is used (none at present), no clock reads.
"""
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import CORE_FONTS_CHARWIDTHS
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, BooleanObject, DecodedStreamObject, DictionaryObject, FloatObject,
                           NameObject, NumberObject, TextStringObject)
import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Mm, RGBColor

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"
FONTS = Path("/usr/share/fonts/truetype/liberation")

FILES = {
    "01": ("01_wolverhampton_record_of_decision.txt",
           "wolverhampton_safer-wolverhampton-partnership_record-of-decision_2025-02.pdf"),
    "02": ("02_blackburn_decisions_rss.txt", "blackburn-with-darwen_recent-decisions_rss-feed_2025-03.xml"),
    "03": ("03_abc_cpp_teams_transcript.txt",
           "armagh-banbridge-craigavon_cpp-structures-review-tfg_teams-transcript_2025-04.docx"),
    "04": ("04_cheshire_west_cabinet_agenda.txt", "cheshire-west-and-chester_cabinet_agenda-front-sheet_2025-05.pdf"),
    "05": ("05_walsall_letter_to_partners.txt",
           "walsall_partnership-governance-review_letter-to-partners_2025-06.docx"),
}


def read_source(name):
    """Source lines without comment lines and without the trailing newline."""
    text = (SRC / name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.split("\n") if not ln.startswith("#")]


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.timezone.utc)


def normalise_zip(data, when):
    """Rewrite a zip (docx) with fixed timestamps and a stable entry order so the output is byte-stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------------
# 1. Record of decision: fpdf2 prints the labels and boxes, pypdf adds AcroForm text fields with appearances
# ---------------------------------------------------------------------------------------------------------
HELV = CORE_FONTS_CHARWIDTHS["helvetica"]
FIELD_SIZE = 9.0      # pt
FIELD_LEAD = 11.0     # pt
FIELD_PAD = 2.5       # pt
MM = 72 / 25.4


def helv_width(s, size=FIELD_SIZE):
    return sum(HELV[ch] for ch in s) * size / 1000.0


def wrap_field(value, width_pt):
    """Greedy word wrap of a field value into printed lines ('' = blank line between paragraphs)."""
    lines = []
    for para in value.split("\n"):
        if para == "":
            lines.append("")
            continue
        cur = ""
        for word in para.split(" "):
            trial = word if not cur else cur + " " + word
            if helv_width(trial) <= width_pt:
                cur = trial
            else:
                lines.append(cur)
                cur = word
        lines.append(cur)
    return lines


def pdf_literal(s):
    b = s.encode("cp1252")
    out = bytearray(b"(")
    for c in b:
        if c in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([c])
        elif c < 32 or c > 126:
            out += b"\\%03o" % c
        else:
            out.append(c)
    out += b")"
    return bytes(out)


def parse_rod(lines):
    els, cur = [], None
    for ln in lines:
        if ln.startswith("@"):
            tag, _, rest = ln[1:].partition(" ")
            cur = {"tag": tag, "arg": rest, "value": []}
            els.append(cur)
        elif cur is not None:
            cur["value"].append(ln)
    for e in els:
        while e["value"] and e["value"][-1] == "":
            e["value"].pop()
    return els


class RodPDF(FPDF):
    head_left = head_right = foot = ""

    def header(self):
        self.set_font("LS", "B", 9)
        self.set_text_color(0, 0, 0)
        self.set_xy(18, 10)
        self.cell(120, 5, self.head_left)
        self.set_font("LS", "B", 9)
        self.set_xy(150, 10)
        self.cell(42, 5, self.head_right, align="R")
        self.set_draw_color(90, 90, 90)
        self.line(18, 16, 192, 16)
        self.set_y(20)

    def footer(self):
        self.set_y(-14)
        self.set_font("LS", "", 7.5)
        self.set_text_color(70, 70, 70)
        self.set_x(18)
        self.cell(120, 4, self.foot)
        self.set_x(150)
        self.cell(42, 4, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def build_record_of_decision(src_name, out_path):
    els = parse_rod(read_source(src_name))
    pdf = RodPDF(unit="mm", format="A4")
    pdf.set_creation_date(utc(2025, 2, 19, 9, 14, 0))
    pdf.set_title("Record of Executive Decision CMD/RS/2025/014")
    pdf.set_author("City of Wolverhampton Council")
    pdf.set_creator("RD1 Record of Decision template")
    pdf.add_font("LS", "", str(FONTS / "LiberationSans-Regular.ttf"))
    pdf.add_font("LS", "B", str(FONTS / "LiberationSans-Bold.ttf"))
    pdf.add_font("LS", "I", str(FONTS / "LiberationSans-Italic.ttf"))
    pdf.set_auto_page_break(False)
    pdf.set_margins(18, 20, 18)
    bottom = 297 - 22
    fields = []

    def need(h):
        if pdf.get_y() + h > bottom:
            pdf.add_page()

    def field_box(name, label, value, x, y, w, min_h_mm):
        lines = wrap_field(value, w * MM - 2 * FIELD_PAD)
        h_pt = max(len(lines), 1) * FIELD_LEAD + 2 * FIELD_PAD
        h = max(h_pt / MM, min_h_mm)
        return lines, h

    for k, e in enumerate(els):
        tag, arg, value = e["tag"], e["arg"], "\n".join(e["value"])
        if tag == "header":
            RodPDF.head_left, RodPDF.head_right = [s.strip() for s in arg.split("|")]
        elif tag == "footer":
            RodPDF.foot = arg
            pdf.alias_nb_pages()
            pdf.add_page()
        elif tag == "title":
            pdf.set_font("LS", "B", 16)
            pdf.set_x(18)
            pdf.cell(174, 9, arg, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif tag == "subtitle":
            pdf.set_font("LS", "", 11)
            pdf.set_x(18)
            pdf.cell(174, 6, arg, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif tag == "text":
            pdf.set_font("LS", "", 8.5)
            pdf.set_x(18)
            need(14)
            pdf.multi_cell(174, 4, arg, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif tag == "section":
            nxt = els[k + 1] if k + 1 < len(els) else None
            extra = 22
            if nxt is not None and nxt["tag"] == "box":
                _, hb = field_box("", "", "\n".join(nxt["value"]), 18, 0, 174, 12)
                extra = 10 + 6 + hb + 2
            elif nxt is not None and nxt["tag"] == "hint" and k + 2 < len(els) and els[k + 2]["tag"] == "box":
                _, hb = field_box("", "", "\n".join(els[k + 2]["value"]), 18, 0, 174, 12)
                extra = 10 + 6 + 6 + hb + 2
            need(min(extra, bottom - 20))
            pdf.ln(1)
            pdf.set_fill_color(220, 226, 236)
            pdf.set_font("LS", "B", 10.5)
            pdf.set_x(18)
            pdf.cell(174, 7, " " + arg, fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1.5)
        elif tag == "hint":
            pdf.set_font("LS", "I", 8.5)
            pdf.set_text_color(80, 80, 80)
            pdf.set_x(18)
            pdf.multi_cell(174, 4, arg, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
            pdf.ln(1)
        elif tag == "row":
            name, label = [s.strip() for s in arg.split("|")]
            fx, fw = 80, 112
            lines, h = field_box(name, label, value, fx, 0, fw, 7)
            pdf.set_font("LS", "B", 9)
            label_lines = pdf.multi_cell(60, 4.5, label, dry_run=True, output="LINES")
            h = max(h, len(label_lines) * 4.5 + 2.5)
            need(h + 1)
            y = pdf.get_y()
            pdf.set_xy(18, y + 1.2)
            pdf.multi_cell(60, 4.5, label, align="L")
            pdf.set_draw_color(120, 120, 120)
            pdf.rect(fx, y, fw, h)
            fields.append(dict(name=name, label=label, value=value, lines=lines, page=pdf.page_no(),
                               x=fx, y=y, w=fw, h=h, multiline=len(lines) > 1))
            pdf.set_y(y + h + 1.2)
        elif tag == "box":
            name, label = [s.strip() for s in arg.split("|")]
            lines, h = field_box(name, label, value, 18, 0, 174, 12)
            need(h + 7)
            pdf.set_font("LS", "B", 9)
            pdf.set_x(18)
            pdf.cell(174, 5, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            y = pdf.get_y()
            pdf.set_draw_color(120, 120, 120)
            pdf.rect(18, y, 174, h)
            fields.append(dict(name=name, label=label, value=value, lines=lines, page=pdf.page_no(),
                               x=18, y=y, w=174, h=h, multiline=True))
            pdf.set_y(y + h + 2.5)
        elif tag == "sign":
            name, label, dname = [s.strip() for s in arg.split("|")]
            sig, date = e["value"][0], e["value"][1]
            h = 11
            need(h + 2)
            y = pdf.get_y()
            pdf.set_font("LS", "B", 9)
            pdf.set_xy(18, y + 1.2)
            pdf.multi_cell(44, 4.5, label, align="L")
            pdf.rect(64, y, 82, h)
            pdf.set_xy(149, y + 1.2)
            pdf.cell(10, 4.5, "Date")
            pdf.rect(160, y, 32, h)
            fields.append(dict(name=name, label=label, value=sig, lines=[sig], page=pdf.page_no(),
                               x=64, y=y, w=82, h=h, multiline=False))
            fields.append(dict(name=dname, label=label + " - date", value=date, lines=[date],
                               page=pdf.page_no(), x=160, y=y, w=32, h=h, multiline=False))
            pdf.set_y(y + h + 2)
        else:
            raise ValueError(tag)
    base = bytes(pdf.output())

    reader = PdfReader(io.BytesIO(base))
    writer = PdfWriter(clone_from=reader)
    helv = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    dr = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): helv})})
    field_refs = []
    per_page = {}
    for f in fields:
        w_pt, h_pt = f["w"] * MM, f["h"] * MM
        x0 = f["x"] * MM
        y0 = (297 - f["y"] - f["h"]) * MM
        ops = [b"/Tx BMC", b"q", b"1 1 %.2f %.2f re W n" % (w_pt - 2, h_pt - 2), b"BT",
               b"/Helv %.1f Tf" % FIELD_SIZE, b"0 g", b"%.1f TL" % FIELD_LEAD]
        first = h_pt - FIELD_PAD - FIELD_SIZE * 0.85
        if not f["multiline"]:
            first = (h_pt - FIELD_SIZE * 0.7) / 2
        ops.append(b"%.2f %.2f Td" % (FIELD_PAD + 1, first))
        for i, line in enumerate(f["lines"]):
            if i:
                ops.append(b"T*")
            if line:
                ops.append(pdf_literal(line) + b" Tj")
        ops += [b"ET", b"Q", b"EMC"]
        ap = DecodedStreamObject()
        ap.set_data(b"\n".join(ops))
        ap.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                   NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(round(w_pt, 2)),
                                                     FloatObject(round(h_pt, 2))]),
                   NameObject("/Resources"): dr})
        ap_ref = writer._add_object(ap)
        page = writer.pages[f["page"] - 1]
        flags = 1 | (4096 if f["multiline"] else 0)      # read-only (signed record) + multiline
        annot = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject(f["name"]),
            NameObject("/TU"): TextStringObject(f["label"]), NameObject("/V"): TextStringObject(f["value"]),
            NameObject("/DV"): TextStringObject(""), NameObject("/Ff"): NumberObject(flags),
            NameObject("/F"): NumberObject(4),
            NameObject("/Rect"): ArrayObject([FloatObject(round(v, 2)) for v in
                                              (x0, y0, x0 + w_pt, y0 + h_pt)]),
            NameObject("/DA"): TextStringObject("/Helv %.0f Tf 0 g" % FIELD_SIZE),
            NameObject("/MK"): DictionaryObject({NameObject("/BC"): ArrayObject([FloatObject(0.47)] * 3)}),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): ap_ref}),
            NameObject("/P"): page.indirect_reference})
        ref = writer._add_object(annot)
        field_refs.append(ref)
        per_page.setdefault(f["page"] - 1, []).append(ref)
    for idx, refs in per_page.items():
        writer.pages[idx][NameObject("/Annots")] = ArrayObject(refs)
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(DictionaryObject({
        NameObject("/Fields"): ArrayObject(field_refs), NameObject("/DR"): dr,
        NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"), NameObject("/NeedAppearances"): BooleanObject(False)}))
    writer.add_metadata({"/Producer": "RD1 forms service (pypdf)", "/ModDate": "D:20250219091400Z"})
    buf = io.BytesIO()
    writer.write(buf)
    out_path.write_bytes(buf.getvalue())


# ---------------------------------------------------------------------------------------------------------
# 2. RSS 2.0 feed of decisions (ModernGov style)
# ---------------------------------------------------------------------------------------------------------
def build_rss(src_name, out_path):
    lines = read_source(src_name)
    channel, items, cur, in_desc = {}, [], None, False
    for ln in lines:
        if ln.startswith("@channel "):
            k, _, v = ln[len("@channel "):].partition(": ")
            channel[k] = v
        elif ln == "@item":
            cur = {"desc": []}
            items.append(cur)
            in_desc = False
        elif cur is not None and not in_desc and ln == "description:":
            in_desc = True
        elif cur is not None and not in_desc and ": " in ln:
            k, _, v = ln.partition(": ")
            cur[k] = v
        elif cur is not None and in_desc and ln.strip():
            cur["desc"].append(ln.strip())
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">', "  <channel>"]
    for k in ("title", "link", "description", "language", "copyright", "lastBuildDate", "generator", "ttl"):
        out.append(f"    <{k}>{escape(channel[k])}</{k}>")
    out.append(f'    <atom:link href="{escape(channel["self"])}" rel="self" type="application/rss+xml" />')
    out.append("    <image>")
    out.append("      <url>https://democracy.blackburn.gov.uk/SiteSpecific/res/img/logo.png</url>")
    out.append(f"      <title>{escape(channel['title'])}</title>")
    out.append(f"      <link>{escape(channel['link'])}</link>")
    out.append("    </image>")
    for it in items:
        out.append("    <item>")
        out.append(f"      <title>{escape(it['title'])}</title>")
        out.append(f"      <link>{escape(it['link'])}</link>")
        out.append(f"      <description>{escape(''.join(it['desc']))}</description>")
        out.append(f"      <pubDate>{it['pubDate']}</pubDate>")
        out.append(f'      <guid isPermaLink="true">{escape(it["link"])}</guid>')
        out.append("    </item>")
    out += ["  </channel>", "</rss>", ""]
    out_path.write_bytes("\r\n".join(out).encode("utf-8"))


# ---------------------------------------------------------------------------------------------------------
# 3. Microsoft Teams transcript (.docx)
# ---------------------------------------------------------------------------------------------------------
def set_core(doc, title, author, created, last_by):
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = last_by
    cp.created = created
    cp.modified = created
    cp.last_printed = created
    cp.revision = 1
    cp.comments = ""
    cp.keywords = ""
    cp.subject = ""
    cp.category = ""


def build_transcript(src_name, out_path):
    lines = read_source(src_name)
    doc = docx.Document()
    st = doc.styles["Normal"]
    st.font.name = "Segoe UI"
    st.font.size = Pt(10)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Segoe UI")
    set_core(doc, "ABC CPP Structures Review - Task and Finish Group (meeting 3)", "Microsoft Teams",
             dt.datetime(2025, 4, 8, 9, 24, 0), "Microsoft Teams")
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.strip():
            i += 1
            continue
        tag, _, rest = ln[1:].partition(" ")
        if tag == "title":
            p = doc.add_paragraph()
            r = p.add_run(rest)
            r.bold = True
            r.font.size = Pt(14)
        elif tag in ("datetime", "duration"):
            doc.add_paragraph(rest)
        elif tag == "recap_heading":
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(12)
            r = p.add_run(rest)
            r.bold = True
            r.font.size = Pt(12)
        elif tag == "recap_note":
            p = doc.add_paragraph()
            r = p.add_run(rest)
            r.italic = True
            r.font.size = Pt(8)
            r.font.color.rgb = RGBColor(0x60, 0x5E, 0x5C)
        elif tag == "recap_section":
            p = doc.add_paragraph()
            r = p.add_run(rest)
            r.bold = True
            i += 1
            while i < len(lines) and lines[i].startswith("- "):
                head, _, body = lines[i][2:].partition(": ")
                bp = doc.add_paragraph(style="List Bullet")
                bp.add_run(head + ": ").bold = True
                bp.add_run(body)
                i += 1
            continue
        elif tag == "transcript_heading":
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(12)
            r = p.add_run(rest)
            r.bold = True
            r.font.size = Pt(12)
        elif tag == "event":
            p = doc.add_paragraph()
            r = p.add_run(rest)
            r.italic = True
            r.font.color.rgb = RGBColor(0x60, 0x5E, 0x5C)
        elif tag == "turn":
            name, ts = [s.strip() for s in rest.split("|")]
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(8)
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.keep_with_next = True
            r = p.add_run(name)
            r.bold = True
            r2 = p.add_run("   " + ts)
            r2.font.color.rgb = RGBColor(0x60, 0x5E, 0x5C)
            i += 1
            text = []
            while i < len(lines) and lines[i].strip() and not lines[i].startswith("@"):
                text.append(lines[i].strip())
                i += 1
            doc.add_paragraph(" ".join(text))
            continue
        else:
            raise ValueError(ln)
        i += 1
    buf = io.BytesIO()
    doc.save(buf)
    out_path.write_bytes(normalise_zip(buf.getvalue(), (2025, 4, 8, 10, 24, 30)))


# ---------------------------------------------------------------------------------------------------------
# 4. Agenda front sheet (ModernGov style PDF)
# ---------------------------------------------------------------------------------------------------------
class AgendaPDF(FPDF):
    running = ""

    def header(self):
        if self.page_no() > 1:
            self.set_font("LS", "", 8)
            self.set_text_color(90, 90, 90)
            self.set_xy(18, 10)
            self.cell(174, 4, self.running, align="R")
            self.set_text_color(0, 0, 0)
            self.set_y(20)

    def footer(self):
        self.set_y(-13)
        self.set_font("LS", "", 9)
        self.set_text_color(0, 0, 0)
        self.cell(0, 5, f"Page {self.page_no()}", align="C")


def build_agenda(src_name, out_path):
    lines = [ln for ln in read_source(src_name) if ln.strip()]
    pdf = AgendaPDF(unit="mm", format="A4")
    pdf.set_creation_date(utc(2025, 5, 6, 14, 2, 0))
    pdf.set_title("Agenda - Cabinet - 14 May 2025")
    pdf.set_author("Cheshire West and Chester Council")
    pdf.set_creator("modern.gov")
    for style, fn in (("", "Regular"), ("B", "Bold"), ("I", "Italic")):
        pdf.add_font("LS", style, str(FONTS / f"LiberationSans-{fn}.ttf"))
    pdf.set_margins(18, 20, 18)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    teal = (0, 104, 112)
    for ln in lines:
        tag, _, rest = ln[1:].partition(" ")
        if tag == "runninghead":
            AgendaPDF.running = rest
        elif tag == "pack":
            pdf.set_font("LS", "B", 9)
            pdf.set_xy(130, 12)
            pdf.cell(62, 5, rest, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(8)
        elif tag == "org":
            pdf.set_font("LS", "B", 18)
            pdf.set_text_color(*teal)
            pdf.cell(174, 9, rest, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
            pdf.set_draw_color(*teal)
            pdf.set_line_width(0.8)
            pdf.line(18, pdf.get_y() + 1, 192, pdf.get_y() + 1)
            pdf.set_line_width(0.2)
            pdf.ln(6)
        elif tag == "committee":
            pdf.set_font("LS", "B", 22)
            pdf.cell(174, 11, rest, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif tag == "when":
            pdf.set_font("LS", "B", 12)
            pdf.cell(174, 7, rest, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(3)
        elif tag == "kv":
            k, v = [s.strip() for s in rest.split("|")]
            pdf.set_font("LS", "B", 10)
            pdf.set_x(18)
            pdf.cell(28, 5.5, k + ":")
            pdf.set_font("LS", "", 10)
            pdf.multi_cell(146, 5.5, v, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif tag == "heading":
            if rest == "AGENDA":
                pdf.set_font("LS", "B", 16)
                pdf.cell(174, 9, rest, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.ln(2)
            else:
                pdf.ln(4)
                pdf.set_font("LS", "B", 11)
                pdf.set_text_color(*teal)
                pdf.cell(174, 6, rest, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.set_text_color(0, 0, 0)
                pdf.ln(1)
        elif tag == "subheading":
            pdf.ln(2)
            pdf.set_font("LS", "B", 11)
            pdf.cell(174, 6, rest, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif tag == "member":
            pdf.set_font("LS", "", 9.5)
            pdf.cell(174, 5, rest, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif tag == "para":
            pdf.set_font("LS", "", 9)
            pdf.multi_cell(174, 4.5, rest, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif tag == "pagebreak":
            pdf.add_page()
        elif tag == "item":
            num, title, pages = [s.strip() for s in rest.split("|")]
            if pdf.get_y() > 238:
                pdf.add_page()
            pdf.ln(3)
            y = pdf.get_y()
            pdf.set_font("LS", "B", 11)
            pdf.set_xy(18, y)
            pdf.cell(10, 6, num + ".")
            pdf.set_xy(28, y)
            pdf.multi_cell(126, 6, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            end_y = pdf.get_y()
            if pages:
                pdf.set_font("LS", "", 10)
                pdf.set_xy(156, y)
                pdf.cell(36, 6, pages, align="R")
            pdf.set_y(end_y + 0.5)
        elif tag == "meta":
            pdf.set_font("LS", "I", 8)
            pdf.set_text_color(90, 90, 90)
            pdf.set_x(28)
            pdf.multi_cell(164, 4, rest, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
        elif tag == "label":
            pdf.ln(1)
            pdf.set_font("LS", "B", 10)
            pdf.set_x(28)
            pdf.cell(164, 5.5, rest, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif tag == "itemtext":
            pdf.set_font("LS", "", 10)
            pdf.set_x(28)
            pdf.multi_cell(164, 5, rest, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif tag == "rec":
            lab, text = [s.strip() for s in rest.split("|", 1)]
            pdf.set_font("LS", "", 10)
            y = pdf.get_y()
            if y > 262:
                pdf.add_page()
                y = pdf.get_y()
            pdf.set_xy(28, y + 0.8)
            pdf.cell(9, 5, lab)
            pdf.set_xy(37, y + 0.8)
            pdf.multi_cell(155, 5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else:
            raise ValueError(ln)
    out_path.write_bytes(bytes(pdf.output()))


# ---------------------------------------------------------------------------------------------------------
# 5. Letter on letterhead (.docx)
# ---------------------------------------------------------------------------------------------------------
def add_page_field(paragraph):
    run = paragraph.add_run()
    b = OxmlElement("w:fldChar")
    b.set(qn("w:fldCharType"), "begin")
    run._r.append(b)
    run2 = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run2._r.append(instr)
    run3 = paragraph.add_run()
    s = OxmlElement("w:fldChar")
    s.set(qn("w:fldCharType"), "separate")
    run3._r.append(s)
    paragraph.add_run("1")
    run5 = paragraph.add_run()
    e = OxmlElement("w:fldChar")
    e.set(qn("w:fldCharType"), "end")
    run5._r.append(e)


def build_letter(src_name, out_path):
    lines = [ln for ln in read_source(src_name) if ln.strip()]
    doc = docx.Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    set_core(doc, "Review of partnership governance in Walsall - letter to partners", "Simran Dhillon",
             dt.datetime(2025, 6, 5, 15, 42, 0), "Chief Executive's Office")
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.left_margin = sec.right_margin = Mm(22)
    sec.top_margin, sec.bottom_margin = Mm(38), Mm(22)
    header = sec.header
    hp = header.paragraphs[0]
    first_lh = True
    refs_table = None
    for ln in lines:
        tag, _, rest = ln[1:].partition(" ")
        if tag == "letterhead":
            p = hp if first_lh else header.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            r = p.add_run(rest)
            if first_lh:
                r.bold = True
                r.font.size = Pt(20)
                r.font.color.rgb = RGBColor(0xC8, 0x10, 0x2E)
            else:
                r.font.size = Pt(9)
            first_lh = False
        elif tag == "footer":
            fp = sec.footer.paragraphs[0]
            fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = fp.add_run(rest)
            r.font.size = Pt(8)
            p2 = sec.footer.add_paragraph()
            p2.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p2.add_run("Page ")
            add_page_field(p2)
        elif tag == "ref":
            k, v = [s.strip() for s in rest.split("|")]
            if refs_table is None:
                refs_table = doc.add_table(rows=0, cols=2)
            cells = refs_table.add_row().cells
            cells[0].width, cells[1].width = Mm(35), Mm(70)
            cells[0].paragraphs[0].add_run(k + ":").bold = True
            cells[1].paragraphs[0].add_run(v)
        elif tag == "addr":
            p = doc.add_paragraph(rest)
            p.paragraph_format.space_after = Pt(0)
        elif tag == "salutation":
            p = doc.add_paragraph(rest)
            p.paragraph_format.space_before = Pt(18)
        elif tag == "subject":
            p = doc.add_paragraph()
            p.add_run(rest).bold = True
        elif tag == "para":
            p = doc.add_paragraph(rest)
            p.paragraph_format.space_after = Pt(8)
        elif tag == "point":
            lab, text = [s.strip() for s in rest.split("|", 1)]
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Mm(10)
            p.paragraph_format.first_line_indent = Mm(-10)
            p.paragraph_format.space_after = Pt(6)
            p.add_run(lab + "\t" + text)
        elif tag == "bullet":
            doc.add_paragraph(rest, style="List Bullet")
        elif tag == "close":
            p = doc.add_paragraph(rest)
            p.paragraph_format.space_before = Pt(12)
            p.paragraph_format.space_after = Pt(30)
        elif tag == "signame":
            p = doc.add_paragraph()
            p.add_run(rest).bold = True
            p.paragraph_format.space_after = Pt(0)
        elif tag == "sigrole":
            p = doc.add_paragraph(rest)
            p.paragraph_format.space_after = Pt(0)
        elif tag in ("cchead", "enchead"):
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(14)
            p.add_run(rest).bold = True
            p.paragraph_format.space_after = Pt(0)
        elif tag in ("cc", "enc"):
            p = doc.add_paragraph(rest)
            p.paragraph_format.space_after = Pt(0)
            for r in p.runs:
                r.font.size = Pt(10)
        else:
            raise ValueError(ln)
    buf = io.BytesIO()
    doc.save(buf)
    out_path.write_bytes(normalise_zip(buf.getvalue(), (2025, 6, 6, 9, 5, 0)))


BUILDERS = {"01": build_record_of_decision, "02": build_rss, "03": build_transcript, "04": build_agenda,
            "05": build_letter}


def main():
    RAW.mkdir(exist_ok=True)
    for key, (src, out) in FILES.items():
        BUILDERS[key](src, RAW / out)
        print("wrote", RAW / out)


if __name__ == "__main__":
    main()
