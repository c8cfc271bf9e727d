"""Seconds per page and words read right when ingest reads scanned PDF pages by OCR (Tesseract).

Makes scanned minutes of made-up text (Pillow draws the pages at a scanner's resolution, with specks and
a slight tilt; fpdf2 puts them into a PDF with no text layer), reads them with ``ingest.read_pdf`` at
each rendering resolution, first in one process, then in two processes at once (as ingest's workers
read on two cores), and prints a Markdown table.

    .venv/bin/python benchmarks/ocr_pages.py                  # 15 pages, 11-point type, 200 and 300 dpi
    .venv/bin/python benchmarks/ocr_pages.py --pages 5 --points 8 --dpi 150 200 300
"""

from __future__ import annotations

import argparse
import difflib
import io
import random
import re
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
BOLD = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf")
WORDS = ("the council resolved that partnership board review strategic local members officers report agreed cabinet "
         "committee scrutiny recommendation community safety health wellbeing noted funding arrangements proposals "
         "consultation director services budget year approved considered meeting minutes").split()


def page_picture(rng: random.Random, number: int, points: float, scan_dpi: int):
    """A scanned A4 page of minutes (a PIL image) and the words on it."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(8.27 * scan_dpi), int(11.69 * scan_dpi)
    picture = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(picture)
    body = ImageFont.truetype(str(FONT), int(points / 72 * scan_dpi))
    heading = ImageFont.truetype(str(BOLD), int((points + 1) / 72 * scan_dpi))
    margin, pitch = scan_dpi, int(points * 1.4 / 72 * scan_dpi)
    y, words, item = int(0.8 * scan_dpi), [], 0
    while y < height - 1.5 * scan_dpi:
        item += 1
        lines = [(f"{number * 10 + item}. {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}", heading)]
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))).capitalize() + "."
        line = ""
        for word in text.split():
            if line and draw.textlength(f"{line} {word}", font=body) > width - 2 * margin:
                lines.append((line, body))
                line = word
            else:
                line = f"{line} {word}".strip()
        lines += [(line, body), (f"RESOLVED that the {rng.choice(WORDS)} be {rng.choice(['agreed', 'noted'])}.", heading)]
        for line, font in lines:
            draw.text((margin, y), line, font=font, fill=0)
            words += line.split()
            y += pitch
        y += pitch
    picture = picture.rotate(0.4, fillcolor=255, resample=Image.BICUBIC)
    dots = picture.load()
    for _ in range(width * height // 400):
        dots[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 255))
    return picture.convert("1"), words  # black and white, as office scanners save


def scanned_pdf(pages: int, points: float, scan_dpi: int, seed: int) -> tuple[bytes, list[str]]:
    """A PDF of scanned pages with no text layer, and the words on them."""
    from fpdf import FPDF

    rng, pdf, words = random.Random(seed), FPDF(format="A4"), []
    for number in range(1, pages + 1):
        picture, on_page = page_picture(rng, number, points, scan_dpi)
        words += on_page
        buffer = io.BytesIO()
        picture.save(buffer, "PNG")
        pdf.add_page()
        pdf.image(buffer, x=0, y=0, w=210, h=297)
    return bytes(pdf.output()), words


def read(data: bytes, dpi: int) -> tuple[float, str]:
    """Seconds ``ingest.read_pdf`` takes on the PDF with pages rendered at ``dpi``, and its text."""
    from helpers import ingest, ocr

    ocr.DPI = ocr.SCAN_DPI = dpi  # exactly this resolution, whatever the scan's own
    start = time.perf_counter()
    text, _ = ingest.read_pdf(data)
    return time.perf_counter() - start, text


def words_right(truth: list[str], text: str) -> float:
    """The share of the words on the pages that OCR read, in order."""
    def key(word: str) -> str:
        return re.sub(r"\W", "", word).lower()

    matcher = difflib.SequenceMatcher(None, [key(w) for w in truth], [key(w) for w in text.split()], autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=15)
    parser.add_argument("--points", type=float, default=11, help="type size of the body text")
    parser.add_argument("--scan-dpi", type=int, default=200, help="resolution the pages were scanned at")
    parser.add_argument("--dpi", type=int, nargs="+", default=[200, 300], help="resolutions pages are rendered at for OCR")
    args = parser.parse_args()
    documents = [scanned_pdf(args.pages, args.points, args.scan_dpi, seed) for seed in (1, 2)]
    print(f"{args.pages} pages of {args.points:g}-point type scanned at {args.scan_dpi} dpi, "
          f"{len(documents[0][1]) / args.pages:.0f} words a page\n")
    print("| rendered at | s/page, one process | s/page, two processes at once | words read right |")
    print("|---:|---:|---:|---:|")
    with ProcessPoolExecutor(2) as pool:
        for dpi in args.dpi:
            alone, text = pool.submit(read, documents[0][0], dpi).result()
            together = [f.result()[0] for f in [pool.submit(read, data, dpi) for data, _ in documents]]
            print(f"| {dpi} dpi | {alone / args.pages:.2f} | {max(together) / args.pages:.2f} | "
                  f"{words_right(documents[0][1], text):.3f} |", flush=True)


if __name__ == "__main__":
    main()
