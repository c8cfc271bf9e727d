#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/.

Run with /work/main/.venv/bin/python make_documents.py. Everything is deterministic: fixed
dates and timestamps, fixed zip entry times, a seeded random generator for caption timings.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import random
import re
import shutil
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
RAW = os.path.join(HERE, "raw")

FILES = {
    1: "northumberland_safer-northumberland-partnership_decisions-email_2024-03.msg",
    2: "calderdale_cabinet_webcast-captions_2024-06.vtt",
    3: "middlesbrough_executive_record-of-decision_2024-09.html",
    4: "dundee_dundee-partnership_decisions-log_2024-11.csv",
    5: "scottishborders_cpp-strategic-board_review-slides_2024-12.pdf",
}

FONT_DIR = "/usr/share/fonts/truetype/liberation/"


def src(name: str) -> str:
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        return f.read()


# ---------------------------------------------------------------------------
# 1. Outlook message with a Word decision note attached
# ---------------------------------------------------------------------------
def parse_docx_markup(text: str):
    """Return (header, footer, blocks). blocks: ('h1'|'h2'|'h3'|'p'|'table', payload)."""
    header = footer = ""
    blocks = []
    table = None
    for line in text.splitlines():
        if line.startswith("|"):
            cells = line.strip().strip("|").split("|")
            if table is None:
                table = []
                blocks.append(("table", table))
            table.append(cells)
            continue
        table = None
        if not line.strip():
            continue
        if line.startswith("@header "):
            header = line[len("@header "):]
        elif line.startswith("@footer "):
            footer = line[len("@footer "):]
        elif line.startswith("### "):
            blocks.append(("h3", line[4:]))
        elif line.startswith("## "):
            blocks.append(("h2", line[3:]))
        elif line.startswith("# "):
            blocks.append(("h1", line[2:]))
        else:
            blocks.append(("p", line))
    return header, footer, blocks


def normalise_zip(data: bytes, when=(2024, 3, 13, 9, 12, 0)) -> bytes:
    """Rewrite a zip (docx) with fixed entry times so the bytes are reproducible."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zi.create_system = 0
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


def add_page_field(paragraph) -> None:
    """Append a PAGE field (cached result 1) to a footer paragraph, as Word does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child):
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); run_with(b)
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = " PAGE "; run_with(it)
    sp = OxmlElement("w:fldChar"); sp.set(qn("w:fldCharType"), "separate"); run_with(sp)
    t = OxmlElement("w:t"); t.text = "1"; run_with(t)
    e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end"); run_with(e)


def build_decision_note_docx() -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    header, footer, blocks = parse_docx_markup(src("01_northumberland_decision_note.txt"))
    d = docx.Document()
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10.5)
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hp.runs[0].font.bold = True
    hp.runs[0].font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    fp = sec.footer.paragraphs[0]
    fp.text = footer
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.runs[0].font.size = Pt(8)
    add_page_field(fp)
    for kind, payload in blocks:
        if kind == "h1":
            d.add_heading(payload, level=0)
        elif kind == "h2":
            d.add_heading(payload, level=1 if re.match(r"\d+\.", payload) else 1)
        elif kind == "h3":
            d.add_heading(payload, level=2)
        elif kind == "table":
            ncol = max(len(r) for r in payload)
            t = d.add_table(rows=len(payload), cols=ncol)
            t.style = "Table Grid"
            for i, row in enumerate(payload):
                for j, cell in enumerate(row):
                    c = t.cell(i, j)
                    c.text = cell
                    if (j == 0 and ncol == 2) or (i == 0 and ncol == 3 and row[0] == "Name"):
                        for r in c.paragraphs[0].runs:
                            r.font.bold = True
            d.add_paragraph()
        else:
            p = d.add_paragraph()
            if re.match(r"^\d+\.\d+\t", payload):
                p.paragraph_format.left_indent = Cm(1.0)
                p.paragraph_format.first_line_indent = Cm(-1.0)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
            if payload == "Decisions":
                p.add_run(payload).bold = True
            else:
                p.add_run(payload)
    cp = d.core_properties
    cp.author = "Karen Whitfield"
    cp.last_modified_by = "Karen Whitfield"
    cp.title = "Safer Northumberland Partnership Board - Decision Note - 12 March 2024"
    cp.comments = ""
    cp.revision = 4
    cp.created = dt.datetime(2024, 3, 12, 14, 5, 0)
    cp.modified = dt.datetime(2024, 3, 13, 9, 10, 0)
    cp.last_printed = dt.datetime(2024, 3, 13, 9, 11, 0)
    buf = io.BytesIO()
    d.save(buf)
    return normalise_zip(buf.getvalue())


def build_msg(path: str) -> None:
    from aspose.email_foss import msg

    body = src("01_northumberland_email_body.txt").replace("\n", "\r\n")
    m = msg.MapiMessage.create(
        "Safer Northumberland Partnership Board 12 March 2024 - decisions and actions [OFFICIAL]", body
    )
    m.set_property(msg.PropertyId.SENDER_NAME, "Whitfield, Karen")
    m.set_property(msg.PropertyId.SENDER_EMAIL_ADDRESS, "karen.whitfield@northumberland.gov.uk")
    m.set_property(msg.PropertyId.SENDER_ADDRESS_TYPE, "SMTP")
    m.set_property(
        msg.PropertyId.MESSAGE_DELIVERY_TIME,
        dt.datetime(2024, 3, 14, 11, 42, 17, tzinfo=dt.timezone.utc),
    )
    m.set_property(
        msg.PropertyId.INTERNET_MESSAGE_ID,
        "<LO2P265MB4127A3C1F0E9D2B8C51E6F4AA1E62@LO2P265MB4127.GBRP265.PROD.OUTLOOK.COM>",
    )
    recipients = [
        ("alan.tebbutt@northumberland.gov.uk", "Cllr Alan Tebbutt", 1),
        ("rachel.morland@northumbria.police.uk", "Morland, Rachel (Ch Supt)", 1),
        ("gary.hutchinson@northumberland.gov.uk", "Hutchinson, Gary (NFRS)", 1),
        ("priya.natarajan1@nhs.net", "NATARAJAN, Priya (NHS NORTH EAST AND NORTH CUMBRIA ICB)", 1),
        ("lindsay.crombie@justice.gov.uk", "Crombie, Lindsay", 1),
        ("leanne.armstrong@northumbria-pcc.gov.uk", "Leanne Armstrong (OPCC)", 1),
        ("steve.oliver@northumberland.gov.uk", "Oliver, Steve", 1),
        ("helen.marr@northumberlandcva.org.uk", "Helen Marr", 1),
        ("fiona.lister@northumberland.gov.uk", "Lister, Fiona (Dr)", 2),
        ("david.rowe@northumbria.police.uk", "Rowe, David (Supt)", 2),
        ("democratic.services@northumberland.gov.uk", "Democratic Services", 2),
    ]
    for addr, name, rtype in recipients:
        m.add_recipient(addr, display_name=name, recipient_type=rtype)
    m.add_attachment(
        "SNP Board Decision Note 12.03.24 FINAL.docx",
        build_decision_note_docx(),
        mime_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    m.save(path)


# ---------------------------------------------------------------------------
# 2. Webcast captions (WebVTT, automatic captions without speaker labels)
# ---------------------------------------------------------------------------
def parse_captions(text: str):
    """Return list of ('cue', text) / ('gap', seconds) / ('start', seconds)."""
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@gap "):
            out.append(("gap", float(line.split()[1])))
        elif line.startswith("@start "):
            h, m_, s = line.split()[1].split(":")
            out.append(("start", int(h) * 3600 + int(m_) * 60 + float(s)))
        else:
            out.append(("cue", line.rstrip()))
    return out


def ts(sec: float) -> str:
    ms = int(round(sec * 1000))
    h, ms = divmod(ms, 3600_000)
    m_, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m_:02d}:{s:02d}.{ms:03d}"


def build_vtt(path: str) -> None:
    rng = random.Random(20240610)
    items = parse_captions(src("02_calderdale_captions.txt"))
    t = 0.0
    lines = ["WEBVTT", "Kind: captions", "Language: en", ""]
    for kind, val in items:
        if kind == "start":
            t = val
        elif kind == "gap":
            t += val + rng.uniform(0.0, 1.5)
        else:
            words = len(val.split())
            dur = 0.9 + 0.31 * words + rng.uniform(-0.2, 0.5)
            if val == "[Music]":
                dur = 3.5 + rng.uniform(0, 2)
            lines.append(f"{ts(t)} --> {ts(t + dur)} align:start position:0%")
            lines.append(val)
            lines.append("")
            t += dur + rng.choice([0.0, 0.0, 0.04, 0.12, 0.3])
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------
# 3. Record of decision web page (saved HTML)
# ---------------------------------------------------------------------------
def build_html(path: str) -> None:
    shutil.copyfile(os.path.join(SRC, "03_middlesbrough_record_of_decision.html"), path)


# ---------------------------------------------------------------------------
# 4. Decisions log exported from Excel as CSV UTF-8
# ---------------------------------------------------------------------------
def parse_log(text: str):
    columns = None
    records = []
    cur = None
    last = None
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("@columns "):
            columns = line[len("@columns "):].split("|")
            continue
        if line.strip() == "---":
            cur = {}
            records.append(cur)
            continue
        if cur is None or not line.strip():
            continue
        if line.startswith("  "):
            cur[last] += "\n" + line[2:]
            continue
        key, _, val = line.partition(":")
        assert key in columns, key
        cur[key] = val.strip()
        last = key
    return columns, records


def build_csv(path: str) -> None:
    columns, records = parse_log(src("04_dundee_decisions_log.txt"))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(columns)
    for r in records:
        w.writerow([r.get(c, "") for c in columns])
    with open(path, "wb") as f:
        f.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


# ---------------------------------------------------------------------------
# 5. Slides printed to PDF as images (no text layer)
# ---------------------------------------------------------------------------
def parse_slides(text: str):
    footer = ""
    slides = []
    cur = None
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("@footer "):
            footer = line[len("@footer "):]
            continue
        if line.startswith("==="):
            cur = {"kind": line[3:].strip() or "content", "items": []}
            slides.append(cur)
            continue
        if line.startswith("  ") and cur["items"] and cur["items"][-1][0] in ("b", "sb", "cont", "scont"):
            prev = cur["items"][-1][0]
            cur["items"].append(("cont" if prev in ("b", "cont") else "scont", line.strip()))
            continue
        if line.startswith("-- "):
            cur["items"].append(("sb", line[3:]))
        elif line.startswith("- "):
            cur["items"].append(("b", line[2:]))
        elif line.startswith("|"):
            cur["items"].append(("row", line.strip().strip("|").split("|")))
        else:
            tag, _, val = line.partition(": ")
            tag = {"T": "title", "S": "sub", "C": "caption", "N": "note", "BAR": "bar"}[tag]
            if tag == "bar":
                label, _, num = val.rpartition(" = ")
                cur["items"].append(("bar", (label, int(num))))
            else:
                cur["items"].append((tag, val))
    return footer, slides


def slide_text_units(text: str):
    """The printed lines of every slide, in order (used by check_gold.py)."""
    footer, slides = parse_slides(text)
    units = []
    for n, s in enumerate(slides, 1):
        for tag, val in s["items"]:
            if tag == "row":
                units.extend(val)
            elif tag == "bar":
                units.extend([val[0], str(val[1])])
            else:
                units.append(val)
        if s["kind"] != "title":
            units.extend([footer, str(n)])
    return units


W, H = 2000, 1125  # 13.33 x 7.5 in at 150 dpi
TEAL = (0, 94, 110)
DARK = (33, 37, 41)
GREY = (110, 110, 110)
LIGHT = (226, 240, 242)


def font(size, bold=False):
    from PIL import ImageFont

    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    return ImageFont.truetype(os.path.join(FONT_DIR, name), size)


def render_slide(s, n, footer):
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(im)
    items = s["items"]
    if s["kind"] == "title":
        d.rectangle([0, 0, W, H], fill=TEAL)
        d.rectangle([0, H - 60, W, H], fill=(0, 70, 82))
        y = 300
        for tag, val in items:
            if tag == "title":
                d.text((140, y), val, font=font(84, True), fill="white")
                y += 105
            elif tag == "sub":
                y += 18
                d.text((140, y), val, font=font(42), fill=(220, 238, 240))
                y += 52
            elif tag == "note":
                d.text((140, H - 48), val, font=font(26, True), fill="white")
        return im
    # content slide chrome
    d.rectangle([0, 0, W, 150], fill=TEAL)
    d.rectangle([0, 150, W, 160], fill=(143, 188, 60))
    d.line([80, H - 80, W - 80, H - 80], fill=(200, 200, 200), width=2)
    d.text((80, H - 62), footer, font=font(24), fill=GREY)
    num = str(n)
    d.text((W - 80 - d.textlength(num, font=font(24)), H - 62), num, font=font(24), fill=GREY)
    y = 200
    rows = [v for t, v in items if t == "row"]
    bars = [v for t, v in items if t == "bar"]
    for tag, val in items:
        if tag == "title":
            d.text((80, 42), val, font=font(62, True), fill="white")
        elif tag == "sub":
            d.text((120, y), val, font=font(44), fill=DARK)
            y += 70
        elif tag == "b":
            y += 14
            d.ellipse([110, y + 17, 126, y + 33], fill=TEAL)
            d.text((150, y), val, font=font(42), fill=DARK)
            y += 56
        elif tag == "cont":
            d.text((150, y), val, font=font(42), fill=DARK)
            y += 56
        elif tag == "sb":
            d.text((200, y + 2), "–", font=font(38), fill=TEAL)
            d.text((240, y + 2), val, font=font(38), fill=DARK)
            y += 52
        elif tag == "scont":
            d.text((240, y + 2), val, font=font(38), fill=DARK)
            y += 52
        elif tag == "caption":
            d.text((120, H - 140), val, font=font(28), fill=GREY)
        elif tag == "note":
            d.text((120, H - 140), val, font=font(28, True), fill=GREY)
    if rows:
        y = y + 40 if y > 200 else 220
        ncol = len(rows[0])
        f = font(36)
        fb = font(36, True)
        colw = [max(d.textlength(r[j], font=fb) for r in rows) + 60 for j in range(ncol)]
        tw = sum(colw)
        if tw < 1500:
            colw = [c * 1500 / tw for c in colw]
        x0 = 120
        rh = 66 if len(rows) <= 6 else 60
        for i, r in enumerate(rows):
            x = x0
            for j, cell in enumerate(r):
                fill = TEAL if i == 0 else (LIGHT if i % 2 == 0 else "white")
                d.rectangle([x, y, x + colw[j], y + rh], fill=fill, outline=(170, 170, 170), width=2)
                d.text((x + 24, y + 14), cell, font=fb if i == 0 else f, fill="white" if i == 0 else DARK)
                x += colw[j]
            y += rh
    if bars:
        f = font(32)
        maxv = max(v for _, v in bars)
        lx, bx, bw = 120, 760, 1000
        y = 200
        for label, v in bars:
            d.text((lx, y + 6), label, font=f, fill=DARK)
            ln = int(bw * v / maxv)
            d.rectangle([bx, y, bx + ln, y + 52], fill=TEAL if v < 50 else (143, 188, 60))
            d.text((bx + ln + 16, y + 6), str(v), font=font(32, True), fill=DARK)
            y += 72
    return im


def build_pdf(path: str) -> None:
    footer, slides = parse_slides(src("05_scottishborders_slides.txt"))
    ims = [render_slide(s, n, footer) for n, s in enumerate(slides, 1)]
    fixed = time.strptime("2024-12-02 16:48:03", "%Y-%m-%d %H:%M:%S")
    ims[0].save(
        path,
        "PDF",
        save_all=True,
        append_images=ims[1:],
        resolution=150.0,
        quality=88,
        title="CPP Review - Strategic Board 5 Dec 2024",
        author="Gemma Laidlaw",
        creator="Microsoft PowerPoint",
        producer="Microsoft: Print To PDF",
        creationDate=fixed,
        modDate=fixed,
    )


def main() -> None:
    os.makedirs(RAW, exist_ok=True)
    build_msg(os.path.join(RAW, FILES[1]))
    build_vtt(os.path.join(RAW, FILES[2]))
    build_html(os.path.join(RAW, FILES[3]))
    build_csv(os.path.join(RAW, FILES[4]))
    build_pdf(os.path.join(RAW, FILES[5]))
    for k in sorted(FILES):
        p = os.path.join(RAW, FILES[k])
        print(f"{os.path.getsize(p):>9}  {FILES[k]}")


if __name__ == "__main__":
    main()
