"""Reading text from pictures of pages (scanned PDF pages, scans and photos saved as images) with
Tesseract, through pytesseract.

Tesseract is a program of its own (Debian/Ubuntu: ``apt-get install tesseract-ocr``, which brings
the English data). Where it is missing, :func:`tesseract_version` is None and ingest reads what it
read without OCR, saying how to get it. Nothing is downloaded: Tesseract reads with the language
data installed with it. pytesseract finds the program as ``pytesseract.pytesseract.tesseract_cmd``
("tesseract" on the PATH); set that to its full path where it is installed elsewhere.
"""

from __future__ import annotations

import io
import math
import os
import re
from contextlib import contextmanager
from functools import cache
from typing import NamedTuple

#: What a researcher without Tesseract is told (in the reason a file or a page was not read).
INSTALL_HINT = "install Tesseract (apt-get install tesseract-ocr) to read scanned pages"
#: Tesseract's language: councils in the UK write in English (Welsh pages are read as English).
LANGUAGE = "eng"
#: Resolution pages of a PDF are rendered at for Tesseract. On made-up scans (200 dpi with 11-point
#: type, 300 dpi with 8-point) 200 dpi read as many words right as 300 dpi did (0.993 and 1.000
#: against 0.996 and 0.998), and with both cores reading it took 2.3-3.1 s a page against
#: 4.1-4.4 s (benchmarks/README.md, ninth session).
DPI = 200
#: The most pixels a page is read at (an A3 page at 300 dpi): a plan drawn on A0, or a photo from a
#: 50-megapixel camera, is scaled down to this so one page cannot take minutes.
MAX_PIXELS = 18_000_000
#: The most pages of one document read by OCR; the pages after them are named in the report. A page
#: of minutes took 1.6 s alone and 2.3-3.1 s with both cores reading (benchmarks/README.md, ninth
#: session), so 15 pages take 24-47 s of the 60 s a file is given (``config.PARSE_TIMEOUT_S``).
MAX_PAGES = 15


@cache
def _probe(command: str) -> str | None:
    import pytesseract

    try:
        if LANGUAGE not in pytesseract.get_languages():
            return None
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError, SystemExit):
        return None  # pytesseract exits on a version it cannot parse: treated as no Tesseract


def tesseract_version() -> str | None:
    """The version of the Tesseract that pytesseract runs ("5.3.0"), or None when it is not
    installed or has no English data: then nothing is read by OCR."""
    import pytesseract

    return _probe(pytesseract.pytesseract.tesseract_cmd)


@contextmanager
def _one_thread():
    """Tesseract's own threads (OpenMP) compete with the other worker processes for the cores: on
    2 cores a page took 8 s with them and 2 s without. One thread, unless the user set
    ``OMP_THREAD_LIMIT`` (pytesseract hands Tesseract this process's environment)."""
    if "OMP_THREAD_LIMIT" in os.environ:
        yield
        return
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        os.environ.pop("OMP_THREAD_LIMIT", None)


class Line(NamedTuple):
    """A line of text Tesseract read: its words, the top of its box (pixels from the top of the
    page) and the paragraph Tesseract put it in (block and paragraph number)."""

    text: str
    top: int
    paragraph: tuple[int, int]


def page_lines(image) -> list[Line]:
    """The lines Tesseract reads on a picture of a page (a PIL image), in its reading order. A
    page that makes Tesseract fail or run past ``config.PARSE_TIMEOUT_S`` raises RuntimeError
    (its message says which)."""
    import pytesseract

    from .config import PARSE_TIMEOUT_S

    image = _fit(image)
    try:
        with _one_thread():
            found = pytesseract.image_to_data(image, lang=LANGUAGE, timeout=PARSE_TIMEOUT_S,
                                              output_type=pytesseract.Output.DICT)
            clear = _clear_share(found)
            turned = _upright(image) if clear < CLEAR_SHARE else None
            if turned is not None:
                again = pytesseract.image_to_data(turned, lang=LANGUAGE, timeout=PARSE_TIMEOUT_S,
                                                  output_type=pytesseract.Output.DICT)
                if _clear_share(again) > clear:
                    found = again
    except pytesseract.TesseractError as exc:
        raise RuntimeError(f"Tesseract failed: {exc.message or exc.status}") from None
    tops, words = {}, {}
    for i, level in enumerate(found["level"]):
        key = (found["block_num"][i], found["par_num"][i], found["line_num"][i])
        if level == 4:  # a line's box
            tops[key] = found["top"][i]
        elif level == 5 and found["text"][i].strip():  # a word
            words.setdefault(key, []).append(found["text"][i].strip())
    return [Line(_bulleted(" ".join(on_line)), tops.get(key, 0), key[:2]) for key, on_line in words.items()]


#: What Tesseract reads a bullet point as, at a line's start before a capital: "e", "e¢", "©", "«", "°".
_MISREAD_BULLET = re.compile(r"^(?:e|ee|e¢|¢|©|«|»|°|\*|o)\s+(?=[A-Z0-9\"“‘'(£])")


def _bulleted(line: str) -> str:
    """A line read by OCR with its bullet point written as "- " ("e Test six proposals" → "- Test six …")."""
    return _MISREAD_BULLET.sub("- ", line)


#: The share of a page's words Tesseract must be sure of (confidence over 60) for the page to be
#: taken as upright. An upright made-up scan gave 1.00 (mean confidence 95), the same page scanned
#: sideways or upside down 0.28 (mean 39): its words read as "Jabeuey dtyssauyed".
CLEAR_SHARE = 0.5


def _clear_share(found: dict) -> float:
    """The share of the words in a Tesseract reading (``image_to_data``) it is sure of."""
    confidences = [float(c) for c, word in zip(found["conf"], found["text"]) if str(word).strip()]
    return sum(c > 60 for c in confidences) / len(confidences) if confidences else 0.0


def _upright(image):
    """The page turned the way Tesseract's orientation detection says it reads (a page scanned
    sideways, or upside down), or None when it finds the page upright or cannot tell (too few
    letters, or no orientation data installed)."""
    import pytesseract

    from .config import PARSE_TIMEOUT_S

    try:
        found = pytesseract.image_to_osd(image, timeout=PARSE_TIMEOUT_S)
    except (pytesseract.TesseractError, RuntimeError):
        return None
    turn = re.search(r"Rotate: (\d+)", found)
    if turn is None or int(turn.group(1)) % 360 == 0:
        return None
    return image.rotate(-int(turn.group(1)), expand=True, fillcolor=255)


def _fit(image):
    """A page image as Tesseract reads it best: grey, on white where it was transparent, and no
    larger than :data:`MAX_PIXELS`."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, "white")
        image = Image.alpha_composite(white, rgba)
    image = image.convert("L")
    pixels = image.width * image.height
    if pixels > MAX_PIXELS:
        shrink = math.sqrt(MAX_PIXELS / pixels)
        image = image.resize((max(1, int(image.width * shrink)), max(1, int(image.height * shrink))), Image.LANCZOS)
    return image


#: The most a page is rendered at when its picture was scanned finer than :data:`DPI`. A 300 dpi
#: scan of typed minutes, turned half a degree and speckled, rendered at 200 dpi lost the letters of
#: three of its list labels ("(c)" read "()", "(f)" "(fF)", "(i)" "(at)"), and with them the list;
#: at its own 300 dpi none, for 12% more time (benchmarks/README.md, tenth session).
SCAN_DPI = 300


def render_scale(width_pt: float, height_pt: float, scanned_dpi: float = 0.0) -> float:
    """The scale a PDF page of this size (points) is rendered at for OCR: :data:`DPI`, or the
    resolution its picture was scanned at (``scanned_dpi``) up to :data:`SCAN_DPI`, or less for a
    page so large it would pass :data:`MAX_PIXELS`."""
    dpi = min(max(DPI, scanned_dpi), SCAN_DPI)
    return min(dpi / 72, math.sqrt(MAX_PIXELS / max(1.0, width_pt * height_pt)))


def image_pages(data: bytes, limit: int) -> tuple[list, int]:
    """The pages of an image file as PIL images (each frame of a multi-page TIFF; the first of an
    animated GIF), the first ``limit`` of them, turned upright as the camera recorded
    (EXIF orientation); and how many pages the file has. Raises ValueError for bytes Pillow
    cannot read as an image, with the reason."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        count = getattr(image, "n_frames", 1) if image.format == "TIFF" else 1
        frames = []
        for frame in ImageSequence.Iterator(image):
            if len(frames) == min(limit, count):
                break
            frames.append(ImageOps.exif_transpose(frame.copy()))
        return frames, count
    except UnidentifiedImageError:
        raise ValueError("not an image Pillow can read") from None
    except Image.DecompressionBombError as exc:
        raise ValueError(f"an image too large to read ({exc})") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:  # Pillow's errors for truncated or damaged images
        raise ValueError(f"a damaged image ({exc.__class__.__name__}: {exc})") from None
