"""Which PDF library should ingest use? Text quality and pages per second on council-like PDFs.

    .venv/bin/python benchmarks/pdf_libraries.py            # writes nothing, prints a Markdown table
    .venv/bin/pip install pdfplumber==0.11.10               # optional: adds pdfplumber to the comparison

Generates agenda-pack-like PDFs with fpdf2 (seeded by helpers.config.SEED): a running header
and a "Page i of n" / "You are on page i of n" footer on every page, paragraphs broken by hand
with end-of-line hyphens (half the lines justified word by word), letter-spaced headings,
bullets, curly quotes, "£" and dashes, a table, and a two-column page every fifth page. The ground truth is the text a researcher wants (no furniture, words whole).
Each library's page texts go through the same cleaning as ingest (helpers.ingest.clean_pdf_text
and normalise_text), and are scored by word F1 (right words) and word-order similarity.
"""

from __future__ import annotations

import difflib
import io
import random
import re
import time
from collections import Counter
from pathlib import Path

from fpdf import FPDF

from helpers.config import SEED
from helpers.ingest import clean_pdf_text, normalise_text

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
COUNCILS = ["Vale of Glamorgan Council", "Renfrewshire Council", "London Borough of Haringey", "Southwark Council"]
BODIES = ["Cabinet", "Health and Wellbeing Board", "Public Services Board", "Overview and Scrutiny Committee"]
SENTENCES = [
    "The partnership’s governance arrangements were reviewed by the board in the autumn.",
    "Members agreed that the Community Safety Partnership should be merged with the Safer Communities Board.",
    "The review recommended that the number of thematic partnerships be reduced from eleven to four.",
    "A multi-agency working group will report back on the proposed restructuring within six months.",
    "Officers estimated savings of £120,000 a year – mainly from shared administration and fewer meetings.",
    "The Chair said the “duplication of effort” between the boards could no longer be justified.",
    "Partners will co-operate on a single performance framework covering health, housing and community safety.",
    "The Public Services Board will take over the statutory duties of the Local Service Board.",
    "Consultation with voluntary sector organisations highlighted concerns about representation.",
    "The council’s Cabinet approved the terms of reference subject to minor amendments.",
    "Accountability arrangements will be strengthened through an annual scrutiny review of outcomes.",
    "An interim evaluation found that decision-making had become quicker and more transparent.",
]
BULLETS = [
    "Reduce the number of partnership boards",
    "Align commissioning budgets across health and social care",
    "Publish a joint strategic needs assessment every three years",
    "Establish task and finish groups for cross-cutting priorities",
]


def _font(pdf: FPDF) -> str:
    if (FONT_DIR / "DejaVuSans.ttf").exists():
        pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        return "DejaVu"
    return "helvetica"


def _ascii(text: str, font: str) -> str:
    if font != "helvetica":
        return text
    return text.translate(str.maketrans({"’": "'", "“": '"', "”": '"', "–": "-", "•": "-", "£": "GBP "}))


def _wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """Break a paragraph into lines, hyphenating long words at the line end like a typesetter."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if pdf.get_string_width(trial) <= width:
            line = trial
            continue
        if len(word) >= 8 and "-" not in word:
            for cut in range(len(word) - 3, 3, -1):
                head = f"{line} {word[:cut]}-".strip()
                if pdf.get_string_width(head) <= width:
                    lines.append(head)
                    line = word[cut:]
                    break
            else:
                lines.append(line)
                line = word
        else:
            lines.append(line)
            line = word
    return lines + [line] if line else lines


def _justify(pdf: FPDF, line: str, width: float) -> None:
    """A justified line written word by word at computed positions (as Word and InDesign export it)."""
    words = line.split()
    gap = (width - sum(pdf.get_string_width(w) for w in words)) / max(1, len(words) - 1)
    x, y = 15.0, pdf.get_y()
    for word in words:
        pdf.set_xy(x, y)
        pdf.cell(pdf.get_string_width(word), 5, word)
        x += pdf.get_string_width(word) + gap
    pdf.set_xy(15, y + 5)


def make_pdf(rng: random.Random, n_pages: int) -> tuple[bytes, str, int]:
    """One agenda-pack-like PDF, its ground-truth text and its page count."""
    council, body = rng.choice(COUNCILS), rng.choice(BODIES)
    footer = rng.choice(["Page {i} of {n}", "You are on page {i} of {n}", "{i}"])
    pdf = FPDF(format="A4")
    font = _font(pdf)
    pdf.set_auto_page_break(False)
    truth: list[str] = []
    width = 180

    def furniture(i: int) -> None:
        pdf.set_font(font, size=8)
        pdf.set_xy(15, 8)
        pdf.cell(0, 5, _ascii(f"{council} – {body} – 13 January 2020", font))
        pdf.set_xy(15, 285)
        pdf.cell(0, 5, footer.format(i=i, n=n_pages), align="C")
        pdf.set_font(font, size=10)
        pdf.set_xy(15, 20)

    for i in range(1, n_pages + 1):
        pdf.add_page()
        furniture(i)
        if i % 5 == 0:  # a two-column page, as in newsletters and some reports
            columns = [" ".join(rng.choice(SENTENCES) for _ in range(8)) for _ in range(2)]
            with pdf.text_columns(ncols=2, gutter=8, text_align="LEFT") as cols:
                for column in columns:
                    cols.write(_ascii(column, font))
                    cols.new_column()
            truth += columns
            continue
        while pdf.get_y() < 250:
            kind = rng.random()
            if kind < 0.15:
                items = rng.sample(BULLETS, 3)
                for item in items:
                    pdf.set_x(20)
                    pdf.cell(0, 5, _ascii(f"• {item}", font), new_x="LMARGIN", new_y="NEXT")
                truth += [f"- {item}" for item in items]
            elif kind < 0.22 and pdf.get_y() < 200:
                rows = [("Board", "Decision", "Saving")] + [
                    (rng.choice(BODIES), rng.choice(["Merge", "Retain", "Close"]), f"£{rng.randint(5, 90)},000")
                    for _ in range(3)
                ]
                with pdf.table(col_widths=(90, 45, 45), text_align="LEFT") as table:
                    for row in rows:
                        cells = table.row()
                        for value in row:
                            cells.cell(_ascii(value, font))
                truth += [" ".join(row) for row in rows]
            else:
                heading = f"{i}.{rng.randint(1, 9)} {rng.choice(['Governance', 'Finance', 'Next steps', 'Background'])}"
                pdf.set_char_spacing(1.2)  # letter-spaced headings, as in designed reports
                pdf.cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
                pdf.set_char_spacing(0)
                paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 6)))
                lines = _wrap(pdf, _ascii(paragraph, font), width)
                for n, line in enumerate(lines):
                    if n < len(lines) - 1 and rng.random() < 0.5:
                        _justify(pdf, line, width)
                    else:
                        pdf.set_x(15)
                        pdf.cell(width, 5, line, new_x="LMARGIN", new_y="NEXT")
                truth += [heading, paragraph]
            pdf.ln(3)
    return bytes(pdf.output()), _ascii("\n".join(truth), font), n_pages


# ---------------------------------------------------------------- the libraries


def pages_pypdfium2(data: bytes) -> list[str]:
    from helpers.ingest import pdf_pages

    return pdf_pages(data)


def pages_pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pages_pdfplumber(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


LIBRARIES = {"pypdfium2": pages_pypdfium2, "pypdf": pages_pypdf, "pdfplumber": pages_pdfplumber}

# ---------------------------------------------------------------- scoring


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-'’]\w+)*", normalise_text(text).lower())


def word_f1(truth: list[str], got: list[str]) -> float:
    common = sum((Counter(truth) & Counter(got)).values())
    if not common:
        return 0.0
    precision, recall = common / len(got), common / len(truth)
    return 2 * precision * recall / (precision + recall)


def order(truth: list[str], got: list[str]) -> float:
    return difflib.SequenceMatcher(None, truth, got, autojunk=False).ratio()


def main(n_docs: int = 8) -> None:
    rng = random.Random(SEED)
    corpus = [make_pdf(rng, rng.randint(6, 20)) for _ in range(n_docs)]
    total_pages = sum(n for _, _, n in corpus)
    print(f"{n_docs} PDFs, {total_pages} pages\n")
    print("| library | pages/s (text extraction) | word F1 raw | word F1 cleaned | word order (cleaned) | words not in the truth (cleaned) |")
    print("|---|---|---|---|---|---|")
    for name, extract in LIBRARIES.items():
        try:
            extract(corpus[0][0])
        except ImportError:
            print(f"| {name} | not installed | | | | |")
            continue
        t0 = time.perf_counter()
        pages = [extract(data) for data, _, _ in corpus]
        speed = total_pages / (time.perf_counter() - t0)
        f1_raw = f1_clean = order_clean = 0.0
        split_left = 0
        for page_texts, (_, truth, _) in zip(pages, corpus):
            t_words = words(truth)
            raw_text = "\n".join(page_texts)
            cleaned = normalise_text(clean_pdf_text(page_texts))
            f1_raw += word_f1(t_words, words(raw_text))
            c_words = words(cleaned)
            f1_clean += word_f1(t_words, c_words)
            order_clean += order(t_words, c_words)
            split_left += sum((Counter(c_words) - Counter(t_words)).values())
        print(f"| {name} | {speed:.0f} | {f1_raw / n_docs:.3f} | {f1_clean / n_docs:.3f} | "
              f"{order_clean / n_docs:.3f} | {split_left} |")


if __name__ == "__main__":
    main()
