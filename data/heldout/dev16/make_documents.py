#!/usr/bin/env python
"""Regenerate raw/ byte for byte from sources/ (dev16 held-out set).

Run with /work/main/.venv/bin/python make_documents.py
Everything is deterministic: dates are fixed, randomness is seeded, and
no timestamp of the build machine enters any file.
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
RAW = HERE / "raw"

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIBER = "/usr/share/fonts/truetype/liberation/"

FILES = {
    1: "ceredigion_psb_decisions_email_2024-11.msg",
    2: "nwleics_community_scrutiny_webcast_captions_2025-02.vtt",
    3: "westberks_executive_record_of_decision_2024-09.html",
    4: "derby_hwb_decisions_actions_log_2025-03.csv",
    5: "eastsussex_partnership_review_slides_2024-06.pdf",
}


# ---------------------------------------------------------------- 1. Outlook .msg
def build_decision_note_pdf() -> bytes:
    from fpdf import FPDF

    meta = json.loads((SRC / "01_ceredigion_psb_meta.json").read_text(encoding="utf-8"))
    lines = (SRC / "01_ceredigion_psb_decision_note.txt").read_text(encoding="utf-8").splitlines()

    class NotePDF(FPDF):
        def header(self):
            if self.page_no() == 1:
                return
            self.set_font("DejaVu", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, "Ceredigion PSB | Decision Note | 7 November 2024", align="R",
                      new_x="LMARGIN", new_y="NEXT")
            self.ln(4)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_y(-15)
            self.set_font("DejaVu", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = NotePDF(format="A4", unit="mm")
    pdf.set_creation_date(datetime(2024, 11, 11, 16, 5, 0, tzinfo=timezone.utc))
    pdf.set_title(meta["attachment_title"])
    pdf.set_author("Ceredigion County Council - PSB Support Team")
    pdf.set_creator("Microsoft Word for Microsoft 365")
    pdf.set_producer("Microsoft Word for Microsoft 365")
    pdf.add_font("DejaVu", "", DEJAVU + "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", DEJAVU + "DejaVuSans-Bold.ttf")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    num_re = re.compile(r"^(\d\.\d)\s+(.*)$")
    for line in lines:
        if not line.strip():
            pdf.ln(2.5)
            continue
        if line.startswith("#w "):
            pdf.set_font("DejaVu", "", 12)
            pdf.set_text_color(0, 94, 96)
            pdf.multi_cell(width, 6.5, line[3:], new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
        elif line.startswith("# "):
            pdf.set_font("DejaVu", "B", 15)
            pdf.set_text_color(0, 94, 96)
            pdf.multi_cell(width, 8, line[2:], new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
        elif line.startswith("## "):
            pdf.ln(1.5)
            pdf.set_font("DejaVu", "B", 11)
            pdf.multi_cell(width, 6, line[3:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.5)
        elif line.startswith("### "):
            pdf.set_font("DejaVu", "B", 9.5)
            pdf.multi_cell(width, 5.2, line[4:], new_x="LMARGIN", new_y="NEXT")
        else:
            m = num_re.match(line)
            if m:
                pdf.set_font("DejaVu", "B", 9.5)
                pdf.cell(11, 5.2, m.group(1))
                pdf.set_font("DejaVu", "", 9.5)
                pdf.multi_cell(width - 11, 5.2, m.group(2), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            else:
                pdf.set_font("DejaVu", "", 9.5)
                pdf.multi_cell(width, 5.2, line, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
    return bytes(pdf.output())


def build_msg(path: Path) -> None:
    from aspose.email_foss import msg

    meta = json.loads((SRC / "01_ceredigion_psb_meta.json").read_text(encoding="utf-8"))
    body = (SRC / "01_ceredigion_psb_body.txt").read_text(encoding="utf-8")
    body = body.replace("\n", "\r\n")
    m = msg.MapiMessage.create(meta["subject"], body)
    m.set_property(msg.PropertyId.SENDER_NAME, meta["sender_name"])
    m.set_property(msg.PropertyId.SENDER_EMAIL_ADDRESS, meta["sender_email"])
    m.set_property(msg.PropertyId.SENDER_ADDRESS_TYPE, "SMTP")
    m.set_property(msg.PropertyId.INTERNET_MESSAGE_ID, meta["message_id"])
    m.set_property(msg.PropertyId.MESSAGE_DELIVERY_TIME, datetime.fromisoformat(meta["delivery_time"]))
    for addr, name in meta["to"]:
        m.add_recipient(addr, display_name=name, recipient_type=msg.RECIPIENT_TYPE_TO)
    for addr, name in meta["cc"]:
        m.add_recipient(addr, display_name=name, recipient_type=msg.RECIPIENT_TYPE_CC)
    m.add_attachment(meta["attachment_name"], build_decision_note_pdf(), mime_type="application/pdf")
    m.save(path)


# ---------------------------------------------------------------- 2. WebVTT captions
def caption_cues() -> list[tuple[float, float, list[str]]]:
    rng = random.Random(20250211)
    t = 0.0
    cues = []
    for raw in (SRC / "02_nwleics_captions.txt").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("@gap"):
            t += float(raw.split()[1])
            continue
        parts = [p.strip() for p in raw.split("|")]
        words = sum(len(p.split()) for p in parts)
        dur = 0.8 + 0.36 * words + rng.uniform(0.0, 0.5)
        start = t
        end = t + dur
        cues.append((start, end, parts))
        t = end + rng.choice([0.0, 0.0, 0.04, 0.08, 0.12, 0.3])
    return cues


def _ts(sec: float) -> str:
    ms = int(round(sec * 1000))
    h, ms = divmod(ms, 3600000)
    mi, ms = divmod(ms, 60000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{mi:02d}:{s:02d}.{ms:03d}"


def build_vtt(path: Path) -> None:
    out = ["WEBVTT", "Kind: captions", "Language: en", ""]
    for start, end, parts in caption_cues():
        out.append(f"{_ts(start)} --> {_ts(end)} align:start position:0%")
        out.extend(parts)
        out.append("")
    path.write_bytes(("\n".join(out) + "\n").encode("utf-8"))


# ---------------------------------------------------------------- 3. HTML record of decision
def build_html(path: Path) -> None:
    path.write_bytes((SRC / "03_westberks_record_of_decision.html").read_bytes())


# ---------------------------------------------------------------- 4. CSV decisions log
CSV_COLUMNS = ["Ref", "Date", "Meeting", "Agenda item", "Decision / action", "Type", "Owner", "Due",
               "Status", "Update / comments"]


def log_records() -> list[dict]:
    records, cur, last = [], None, None
    for raw in (SRC / "04_derby_hwb_log_records.txt").read_text(encoding="utf-8").splitlines():
        if raw.startswith("#"):
            continue
        if raw.strip() == "%%":
            if cur:
                records.append(cur)
            cur, last = {}, None
            continue
        if raw.startswith("  ") and last:
            cur[last] += "\n" + raw.strip()
            continue
        if not raw.strip():
            continue
        key, _, val = raw.partition(":")
        key = key.strip()
        assert key in CSV_COLUMNS, key
        cur[key] = val.strip()
        last = key
    if cur:
        records.append(cur)
    return records


def build_csv(path: Path) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for r in log_records():
        w.writerow([r.get(c, "") for c in CSV_COLUMNS])
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


# ---------------------------------------------------------------- 5. slides printed to PDF as images
def parse_slides() -> list[dict]:
    slides = []
    for raw in (SRC / "05_eastsussex_slides.txt").read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        if raw.startswith("=== SLIDE"):
            layout = raw.split("|")[1].strip() if "|" in raw else "content"
            slides.append({"layout": layout, "title": "", "sub": [], "blocks": [], "note": ""})
            continue
        s = slides[-1]
        if raw.startswith("TITLE:"):
            s["title"] = raw[6:].strip()
        elif raw.startswith("SUB:"):
            s["sub"].append(raw[4:].strip())
        elif raw.startswith("NOTE:"):
            s["note"] = raw[5:].strip()
        elif raw.startswith("TABLE:"):
            s["blocks"].append({"type": "table", "rows": []})
        elif raw.startswith("|"):
            s["blocks"][-1]["rows"].append([c.strip() for c in raw.strip().strip("|").split("|")])
        elif raw.startswith("CHART:"):
            parts = [p.strip() for p in raw[6:].split(";")]
            data = [(p.split("=")[0], int(p.split("=")[1])) for p in parts[1:]]
            s["blocks"].append({"type": "chart", "title": parts[0], "data": data})
        elif raw.startswith("- "):
            s["blocks"].append({"type": "bullet", "lines": [raw[2:].rstrip()]})
        elif raw.startswith("  "):
            s["blocks"][-1]["lines"].append(raw.rstrip())
        else:
            raise ValueError(raw)
    return slides


SLIDE_FOOTER = "East Sussex Strategic Partnership Board  |  20 June 2024  |  OFFICIAL"


def slide_text_units() -> list[list[str]]:
    """Visible text of each slide, one unit per printed line (or table cell / chart label)."""
    pages = []
    for i, s in enumerate(parse_slides(), 1):
        units = []
        if s["title"]:
            units.append(s["title"])
        units += s["sub"]
        for b in s["blocks"]:
            if b["type"] == "bullet":
                units += [ln.strip() for ln in b["lines"]]
            elif b["type"] == "table":
                for row in b["rows"]:
                    units += row
            elif b["type"] == "chart":
                units.append(b["title"])
                for lab, val in b["data"]:
                    units += [lab, str(val)]
        if s["note"]:
            units.append(s["note"])
        if s["layout"] == "content":
            units += [SLIDE_FOOTER, str(i)]
        pages.append(units)
    return pages


def build_slides(path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    W, H = 1600, 900  # 10 x 5.625 in at 160 dpi
    teal, dark, grey, light = (0, 98, 122), (35, 35, 35), (110, 110, 110), (226, 240, 243)
    F = lambda size, bold=False: ImageFont.truetype(
        LIBER + ("LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"), size)
    images = []
    for i, s in enumerate(parse_slides(), 1):
        im = Image.new("RGB", (W, H), "white")
        d = ImageDraw.Draw(im)
        if s["layout"] in ("title", "end"):
            d.rectangle([0, 0, W, H], fill=teal)
            d.rectangle([0, H - 120, W, H], fill=(0, 74, 94))
            d.text((110, 250 if s["layout"] == "title" else 300), s["title"], font=F(72, True), fill="white")
            y = 380 if s["layout"] == "title" else 430
            for j, sub in enumerate(s["sub"]):
                f = F(40 if j == 0 and s["layout"] == "title" else 30)
                d.text((112, y), sub, font=f, fill="white")
                y += 70 if j == 0 and s["layout"] == "title" else 50
            d.text((110, H - 80), "East Sussex County Council", font=F(30, True), fill="white")
        else:
            d.rectangle([0, 0, W, 130], fill=teal)
            d.text((70, 36), s["title"], font=F(54, True), fill="white")
            y = 175
            for b in s["blocks"]:
                if b["type"] == "bullet":
                    f = F(34)
                    first = True
                    for ln in b["lines"]:
                        text = ln.strip()
                        if first:
                            d.ellipse([82, y + 14, 94, y + 26], fill=teal)
                            x = 115
                        else:
                            x = 115 + (d.textlength(b["lines"][0][:4], font=f) if re.match(r"^(P\d|\([a-d]\))", b["lines"][0]) else 0)
                        assert x + d.textlength(text, font=f) < W - 60, (i, text)
                        d.text((x, y), text, font=f, fill=dark)
                        y += 46
                        first = False
                    y += 18
                elif b["type"] == "table":
                    rows = b["rows"]
                    f, fb = F(26), F(26, True)
                    colw = [700, 720] if "Current" in rows[0][0] else [330, 1050]
                    x0 = 90
                    for r, row in enumerate(rows):
                        x = x0
                        for c, cell in enumerate(row):
                            fill = teal if r == 0 else (light if r % 2 == 0 else "white")
                            d.rectangle([x, y, x + colw[c], y + 62], fill=fill, outline=(160, 160, 160))
                            assert d.textlength(cell, font=fb if r == 0 else f) < colw[c] - 30, (i, cell)
                            d.text((x + 16, y + 15), cell, font=fb if r == 0 else f,
                                   fill="white" if r == 0 else dark)
                            x += colw[c]
                        y += 62
                elif b["type"] == "chart":
                    f = F(28)
                    d.text((90, y), b["title"], font=F(30, True), fill=dark)
                    y += 60
                    maxv = max(v for _, v in b["data"])
                    for lab, val in b["data"]:
                        d.text((90, y + 8), lab, font=f, fill=dark)
                        bar = int(900 * val / maxv)
                        d.rectangle([480, y, 480 + bar, y + 52], fill=teal)
                        d.text((480 + bar + 16, y + 8), str(val), font=F(28, True), fill=dark)
                        y += 76
            if s["note"]:
                d.text((70, H - 125), s["note"], font=F(22), fill=grey)
            d.line([60, H - 70, W - 60, H - 70], fill=(200, 200, 200), width=2)
            d.text((70, H - 55), SLIDE_FOOTER, font=F(22), fill=grey)
            d.text((W - 100, H - 55), str(i), font=F(22, True), fill=grey)
        images.append(im)
    fixed = time.strptime("2024-06-21 09:14:03", "%Y-%m-%d %H:%M:%S")
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=160.0,
                   title="Partnership Governance Review - SPB 20 June 2024",
                   author="Policy and Partnerships Team", creationDate=fixed, modDate=fixed)


def main() -> None:
    RAW.mkdir(exist_ok=True)
    build_msg(RAW / FILES[1])
    build_vtt(RAW / FILES[2])
    build_html(RAW / FILES[3])
    build_csv(RAW / FILES[4])
    build_slides(RAW / FILES[5])
    for n in sorted(FILES):
        p = RAW / FILES[n]
        print(f"{p.stat().st_size:>9}  {p.name}")


if __name__ == "__main__":
    main()
