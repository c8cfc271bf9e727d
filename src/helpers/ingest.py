"""Stage 1 — ingest: a folder of council documents becomes the ``documents`` and
``ingest_report`` tables.

Each file is read by its format — text (UTF-8, UTF-8 with BOM, UTF-16 or Windows-1252),
HTML (main content only, via trafilatura), PDF (the text layer page by page, via
pypdfium2, with running headers, page furniture and end-of-line hyphenation removed;
ruled tables via pdfplumber; pages without a text layer read by OCR where Tesseract is
installed, see ``helpers.ocr``), scans and photos of pages saved as images (by OCR),
Word (.docx as it reads with tracked changes accepted, and old Word 97-2003 .doc via msdoc2docx),
OpenDocument and RTF (paragraphs, lists and tables in reading order), slides (.pptx, .odp,
and old .ppt via ppt2pptx), spreadsheets (.xlsx, .xls, .ods: each sheet's rows as table rows; .csv and .tsv tables),
e-mails with their attachments (.eml, and Outlook .msg via python-oxmsg), news and decisions feeds
(RSS or Atom, via feedparser), web pages saved as one file (.mhtml) and zip archives
(each file in one read as a file of the folder, "pack.zip/report.pdf") — its text
normalised, and its metadata taken from ``manifest.csv``
or, where the manifest is silent, inferred from the text (the ``inferred`` column names
the inferred fields). The format is the one the file's name says unless its first bytes
say otherwise (``file_format``): council sites save PDFs as "mgConvert2PDF.aspx".

A file that cannot be read gets one ``ingest_report`` row with a plain-English reason
and every other file is still ingested. Files other than plain text are parsed in worker
processes with a time limit (``config.PARSE_TIMEOUT_S``), so one pathological file
cannot stall the batch. Parsed text is cached by content hash (``cache_dir``), so a
second run over an unchanged folder re-parses nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import tempfile
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from functools import cache, partial
from importlib.metadata import version
from itertools import accumulate
from pathlib import Path, PurePosixPath

import pandas as pd

from . import ocr
from .errors import InputFileWarning, WorkbookError
from .parallel import map_ordered, n_jobs

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ["file", "council", "body", "doc_type", "date", "source_url"]
#: Manifest columns with a meaning beyond the contract ones; any other column is kept as it is.
MANIFEST_OPTIONAL = MANIFEST_COLUMNS[1:] + ["title", "notes"]
DOC_TYPES = ("minutes", "report", "scrutiny", "news", "web page", "other")
#: Folders with at least this many files show a progress bar.
PROGRESS_MIN_FILES = 50
NO_TEXT_LAYER = f"no text layer (scanned?) — {ocr.INSTALL_HINT}"


class SkipFile(Exception):
    """A file that is reported and skipped, with a plain-English reason."""


@dataclass
class Outcome:
    """What reading one file gave: its normalised text, or the reason it was skipped."""

    status: str  # "ok", "skipped" or "error"
    text: str = ""
    reason: str = ""
    hints: dict = field(default_factory=dict)  # metadata the format carries outside the text (HTML <title>)
    timeout_s: float | None = None  # set when the file ran out of time


# ---------------------------------------------------------------- text files


def decode_text(data: bytes) -> str:
    """Decode a text file: BOM, strict UTF-8, Windows-1252 (which covers Latin-1), else detected.

    Windows-1252 is tried before charset-normalizer's guess because short UK documents in
    it are routinely mistaken for cp1250 or Mac encodings ("£" read as "Ł").
    """
    if not data.strip():
        raise SkipFile("empty file" if not data else "empty file (only whitespace)")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:8192]:
        raise SkipFile("binary content in a text file — not text")
    for attempt in (_strict_utf8, _western):
        text = attempt(data)
        if text is not None:
            return _check_textual(text)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SkipFile("binary content in a text file — not text")
    return _check_textual(str(best))


def _strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _western(data: bytes) -> str | None:
    """Windows-1252 text, unless the bytes are undefined there or read as another script."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    return text if letters and non_ascii / len(letters) < 0.2 else None


def _check_textual(text: str) -> str:
    """Reject decoded 'text' that is mostly control characters (a binary file named .txt)."""
    sample = text[:20000]
    junk = sum(1 for c in sample if (unicodedata.category(c) == "Cc" and c not in "\t\n\r\f") or c == "\ufffd")
    if junk > 0.02 * len(sample):
        raise SkipFile("binary content in a text file — not text")
    return text


# ---------------------------------------------------------------- HTML


def read_html(data: bytes, page_councils: bool = False) -> tuple[str, dict]:
    """The main content of a web page (minutes, report text) without navigation, banners or footers.

    The page's <title> and site name are kept as hints for the council, which web pages often
    name only in their header and footer. With ``page_councils`` (a page saved with its address),
    every council the whole page names is kept too, for the address to choose from.
    """
    import lxml.html
    import trafilatura

    html = decode_text(data)
    hints = {}
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    pages = printed_pages(tree) if tree is not None else None
    if pages:  # a PDF converted to HTML: read as the PDF is
        title = " ".join((tree.findtext(".//title") or "").split())
        return clean_pdf_text(pages), {"title": title} if title else {}
    if tree is not None:
        collapse_source_breaks(tree)
        unwrap_layout_tables(tree)
        number_ordered_lists(tree)
        open_disclosures(tree)
        keep_fact_boxes(tree)
        mark_main_content(tree)
        hints = {
            "title": " ".join((tree.findtext(".//title") or "").split()),
            "sitename": " ".join(tree.xpath("string(//meta[@property='og:site_name']/@content)").split()),
        }
        if page_councils:  # every council the page names, its header and footer too
            named = dict.fromkeys(m.group(0) for m in _COUNCIL.finditer(" ".join(tree.text_content().split())))
            hints["councils"] = "\n".join(list(named)[:50])
        html = lxml.html.tostring(tree, encoding="unicode")
    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, include_links=False, deduplicate=False,
        favor_recall=tree is not None and is_feed(tree),
    )
    article = _structured_article(tree) if tree is not None else None
    if article and len(article[1].split()) > ARTICLE_MORE * len((text or "").split()) + ARTICLE_MORE_WORDS:
        text = _article_text(*article, text or "")  # the page shows a teaser (a paywall); its data has the article
    if not text or not text.strip():
        raise SkipFile("no main text found in the web page")
    return _html_blocks(text), {k: v for k, v in hints.items() if v}


#: Schema.org types of an article whose text a page's JSON-LD may carry in full.
_ARTICLE_TYPES = re.compile(r"(?:News|Reportage|Analysis|Opinion|Review|Background|Report|Scholarly|Tech)?Article$|BlogPosting$|Report$")
#: The JSON-LD text is read instead of the page's when it is this much longer (times, and words more).
ARTICLE_MORE = 1.3
ARTICLE_MORE_WORDS = 60


def _structured_article(tree) -> tuple[str, str] | None:
    """(headline, text) of the longest article a page's JSON-LD describes (``articleBody``), or None.
    News sites publish the whole article there for search engines, behind a paywall that shows readers
    only its first paragraphs."""
    found: list[tuple[str, str]] = []

    def walk(value) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            kinds = value.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            body = value.get("articleBody")
            if isinstance(body, str) and any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds):
                found.append((" ".join(str(value.get("headline") or "").split()), body))
            for item in value.values():
                if isinstance(item, (list, dict)):
                    walk(item)

    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            walk(json.loads(script.text or ""))
        except (json.JSONDecodeError, RecursionError):
            continue
    return max(found, key=lambda f: len(f[1])) if found else None


def _article_text(headline: str, body: str, shown: str) -> str:
    """An article's text from its JSON-LD: its headline, then its body in paragraphs — its own line
    breaks, or, where it has none, a break after each paragraph the page showed."""
    import html as html_lib

    body = html_lib.unescape(body).replace("\r\n", "\n")
    if "\n" not in body.strip():
        flat = " ".join(body.split())
        ends = set()
        for paragraph in (p.strip() for p in shown.split("\n") if len(p.split()) >= 6):
            tail = " ".join(paragraph.split()[-6:])
            at = flat.find(tail)
            if at >= 0:
                ends.add(at + len(tail))
        cuts = [0, *sorted(ends), len(flat)]
        body = "\n\n".join(flat[a:b].strip() for a, b in zip(cuts, cuts[1:]) if flat[a:b].strip())
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
    return "\n\n".join(([headline] if headline else []) + paragraphs)


def collapse_source_breaks(tree) -> None:
    """Collapse the line breaks and runs of spaces inside a page's text into single spaces, as a
    browser draws them: Word's "Save as Web Page" (and many a hand-written page) wraps its source
    every 80 characters, in the middle of a paragraph, and the extractor would keep each source line
    as a paragraph of its own. Preformatted text (``<pre>``, ``<textarea>``) keeps its breaks."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("pre", "textarea", "script", "style"):
            continue
        if any(a.tag in ("pre", "textarea") for a in element.iterancestors()):
            continue
        if element.text and "\n" in element.text:
            element.text = _SOURCE_BREAK.sub(" ", element.text)
        if element.tail and "\n" in element.tail:
            element.tail = _SOURCE_BREAK.sub(" ", element.tail)


_SOURCE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")


#: A page of a PDF converted to HTML: pdf2htmlEX's ``pf`` boxes (``data-page-no``), poppler
#: pdftohtml's ``page1-div``, PDF.js's ``data-page-number``.
_PRINTED_PAGE = "//*[@data-page-no or @data-page-number or contains(concat(' ', normalize-space(@class), ' '), ' pf ') " \
                "or (starts-with(@id, 'page') and substring(@id, string-length(@id) - 3) = '-div')]"
#: Where a printed line stands on its page: ``style="…;top:83px"`` (counted down) or ``bottom:712.5px``.
_PLACE_STYLE = re.compile(r"(?:^|;)\s*(top|bottom)\s*:\s*(-?[\d.]+)", re.I)
#: A page is a converted PDF when at least this many of its text lines are placed, and they hold
#: most of its text (``PRINTED_SHARE``).
PRINTED_LINES = 10
PRINTED_SHARE = 0.8


def _placed_line(element) -> bool:
    """A printed line placed where the PDF had it: its own box at a set position, or pdf2htmlEX's line class ``t``."""
    return bool(_PLACE_STYLE.search(element.get("style") or "")) or "t" in (element.get("class") or "").split()


def _inside_placed_line(element, page) -> bool:
    """Whether a box sits inside a placed line of ``page`` (a span of that line, not a line of its own)."""
    for ancestor in element.iterancestors():
        if ancestor is page:
            return False
        if _placed_line(ancestor):
            return True
    return False


#: pdf2htmlEX's position classes, defined in its style sheet: ``.y1f{bottom:712.5px;}``.
_Y_CLASS = re.compile(r"\.(y[0-9a-f]+)\{bottom:(-?[\d.]+)px;?\}")


def _height_on_page(element, y_classes: dict[str, float]) -> float | None:
    """How far up its page a placed line stands (CSS pixels from the foot; ``top`` counts down)."""
    m = _PLACE_STYLE.search(element.get("style") or "")
    if m:
        return -float(m.group(2)) if m.group(1).lower() == "top" else float(m.group(2))
    return next((y_classes[c] for c in (element.get("class") or "").split() if c in y_classes), None)


def _line_pitch(pages: list[list[float | None]]) -> float | None:
    """The usual step down from one printed line to the next over the document's pages: low among
    the steps (a page of short paragraphs has nearly as many gaps as lines), leaving out the small
    steps of a superscript or a line set in two boxes."""
    steps = sorted(a - b for heights in pages if None not in heights for a, b in zip(heights, heights[1:]) if a > b)
    if len(steps) < 4:
        return None
    steps = [step for step in steps if step >= 0.5 * steps[len(steps) // 2]]
    return steps[len(steps) // 10]


def _gap_marked_lines(lines: list[str], heights: list[float | None], pitch: float | None) -> list[str]:
    """A page's placed lines, each followed by a wider gap than the usual line pitch marked with
    :data:`PARA_END`, as a PDF's are (:func:`_gap_marked`); a move back up the page after a
    sentence's end (the next column) ends a paragraph too."""
    if pitch is None or None in heights:
        return lines
    steps = [a - b for a, b in zip(heights, heights[1:])]
    return [line + PARA_END if i < len(steps) and _gap_ends(steps[i], pitch, line) else line for i, line in enumerate(lines)]


def printed_pages(tree) -> list[str] | None:
    """The pages of a PDF converted to HTML (pdf2htmlEX, pdftohtml, a council's document viewer),
    each a text of its printed lines in order, or None for an ordinary page. Such a page has no
    paragraphs: every printed line is a box placed where the PDF had it, and running headers,
    page numbers and line-end hyphens come with them, so it is read as the PDF would be
    (:func:`clean_pdf_text`)."""
    body = tree if tree.tag == "body" else tree.find("body")
    if body is None:
        return None
    found = tree.xpath(_PRINTED_PAGE)
    inner = set(found)
    containers = [page for page in found if not any(a in inner for a in page.iterancestors())] or [body]
    y_classes = {name: float(bottom) for sheet in tree.iter("style") for name, bottom in _Y_CLASS.findall(sheet.text or "")}
    placed: list[tuple[list[str], list[float | None]]] = []
    for page in containers:
        lines, heights = [], []
        for element in page.iter():
            if not isinstance(element.tag, str) or element.tag in ("script", "style") or not _placed_line(element) \
                    or _inside_placed_line(element, page):
                continue
            line = " ".join("".join(element.itertext()).split())
            if line:
                lines.append(line)
                heights.append(_height_on_page(element, y_classes))
        if lines:
            placed.append((lines, heights))
    total = len(" ".join(body.text_content().split()))
    if sum(len(lines) for lines, _ in placed) < PRINTED_LINES or \
            sum(len(line) for lines, _ in placed for line in lines) < PRINTED_SHARE * total:
        return None
    pitch = _line_pitch([heights for _, heights in placed])
    return ["\n".join(_gap_marked_lines(lines, heights, pitch)) for lines, heights in placed]


#: A live blog's or a news feed's entries: each an ``<article>``, or a block with an "entry", "post" or
#: "update" class, that carries its own time (a news story's "related stories" cards without one are not).
_FEED_ENTRIES = "//*[self::article or contains(concat(' ', normalize-space(@class), ' '), ' entry ') or " \
                "contains(@class, 'post') or contains(@class, 'update')][.//time]"
#: A page with this many entries is a feed.
FEED_ENTRIES = 3


def is_feed(tree) -> bool:
    """Whether a page is a live blog or a feed: several timestamped entries, each short. trafilatura
    then extracts for recall, or it keeps a few of the entries' paragraphs and drops their lists
    ("the decision: - delegates approval of …")."""
    return len(tree.xpath(_FEED_ENTRIES)) >= FEED_ENTRIES


#: A list item trafilatura bulleted whose number :func:`number_ordered_lists` wrote: the number stays.
_NUMBERED_BULLET = re.compile(r"^- (?=(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,6})\. )")


def _html_blocks(text: str) -> str:
    """One paragraph per extracted block (blank line between), table rows kept together."""
    lines = [_NUMBERED_BULLET.sub("", l) for l in text.split("\n")
             if l.strip() and not re.fullmatch(r"\|(?:\s*:?-+:?\s*\|)+\s*", l)]
    out = lines[:1]
    for prev, line in zip(lines, lines[1:]):
        out.append(("\n" if prev.startswith("|") and line.startswith("|") else "\n\n") + line)
    return "".join(out)


#: A class or id that marks the site's own furniture (a cookie banner, the navigation, a menu).
_SITE_CHROME = re.compile(r"^(?:cookie|consent|gdpr|nav|menu|search|banner|site-?header|site-?footer|masthead|skip)", re.I)


def _in_site_chrome(element) -> bool:
    """Whether an element is, or sits inside, the site's own furniture: ``<header>``, ``<nav>``,
    ``<footer>``, or a class or id that :data:`_SITE_CHROME` names."""
    for e in (element, *element.iterancestors()):
        names = f"{e.get('class', '')} {e.get('id', '')}".split()
        if e.tag in ("header", "nav", "footer") or any(map(_SITE_CHROME.match, names)):
            return True
    return False


def open_disclosures(tree) -> None:
    """Open a page's accordions: a toggle button that controls a collapsed panel ("What we decided",
    ``aria-controls``) becomes the panel's heading, and the panel is shown, as a reader who opens it
    sees it. A form's buttons, which control nothing, are left to the extractor to drop."""
    for toggle in tree.xpath("//button[@aria-controls] | //*[@role='button'][@aria-controls]"):
        if _in_site_chrome(toggle):
            continue  # a cookie banner's, a menu's or the navigation's own toggles
        panels = [tree.get_element_by_id(name, None) for name in toggle.get("aria-controls").split()]
        panels = [panel for panel in panels if panel is not None]
        in_heading = any(a.tag in ("h1", "h2", "h3", "h4", "h5", "h6") for a in toggle.iterancestors())
        for attribute in list(toggle.attrib):
            del toggle.attrib[attribute]
        toggle.tag = "span" if in_heading else "h3"
        for panel in panels:
            for attribute in ("hidden", "aria-hidden"):
                panel.attrib.pop(attribute, None)
            style = re.sub(r"display\s*:\s*none\s*;?|visibility\s*:\s*hidden\s*;?", "", panel.get("style", ""), flags=re.I)
            panel.set("style", style) if style.strip() else panel.attrib.pop("style", None)


_ROWS = "./tr | ./tbody/tr | ./thead/tr"
_CELL_BLOCKS = " | ".join(f".//{tag}" for tag in ("p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table"))
#: A cell this full of blocks is a column of the page, not a cell of data.
LAYOUT_CELL_BLOCKS = 4


def _layout_table(table) -> bool:
    """Whether a table lays out the page (as on CMIS pages: a navigation column beside the content)
    rather than holding data. A layout table's cell holds a heading, a table or a column of
    blocks, or the table is one row of cells that hold blocks. A data table's cells may each hold
    a paragraph or two (Word and Google Docs write every cell so), and stay a table."""
    rows = table.xpath(_ROWS)
    cells = [cell for row in rows for cell in row.xpath("./td | ./th")]
    if any(cell.xpath(".//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6 | .//table") for cell in cells):
        return True
    blocks = [len(cell.xpath(_CELL_BLOCKS)) for cell in cells]
    return any(n >= LAYOUT_CELL_BLOCKS for n in blocks) or (len(rows) == 1 and any(blocks))


def unwrap_layout_tables(tree) -> None:
    """Turn tables used for page layout (cells holding paragraphs, headings or tables, as on CMIS
    pages) into plain blocks, so the extractor can tell the navigation column from the content."""
    for table in [t for t in tree.iter("table") if _layout_table(t)]:
        for part in table.xpath("./tbody | ./thead | ./tr | ./tbody/tr | ./thead/tr | (./tr | ./tbody/tr)/td"):
            part.tag = "div"
        table.tag = "div"


_ROMAN = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def number_ordered_lists(tree) -> None:
    """Write each numbered list item's number into its text ("1. ", "b. ", "iii. "), as the browser
    draws it: an ``<ol>``'s numbers are not in the page's text, but a reader sees them, and
    "option 3" or "(b)" later in the page refers to them. ``start``, ``type`` and an item's
    ``value`` are followed; a page's navigation lists (breadcrumbs) are left alone."""
    for ol in tree.iter("ol"):
        if _in_site_chrome(ol) or "breadcrumb" in (ol.get("class") or "").lower():
            continue
        style = ol.get("type") or ""
        try:
            n = int(ol.get("start") or 1)
        except ValueError:
            n = 1
        for li in ol.iterchildren("li"):
            try:
                n = int(li.get("value")) if li.get("value") else n
            except ValueError:
                pass
            if style in ("a", "A") and 1 <= n <= 26:
                marker = chr(ord("a" if style == "a" else "A") + n - 1)
            elif style in ("i", "I") and 1 <= n <= 39:
                marker = _roman(n) if style == "i" else _roman(n).upper()
            else:
                marker = str(n)
            li.text = f"{marker}. {li.text or ''}"
            n += 1


_PROMOTION = re.compile(r"related|newsletter|sign-?up|advert|promo|sponsor|share|social|cookie|subscribe|most-?read|trending", re.I)


def keep_fact_boxes(tree) -> None:
    """Keep a news page's fact box ("What is changing?" beside the article, in an ``<aside>``):
    trafilatura drops every aside as page furniture. An aside of text (few of its words are
    links) that is not a promotion (related stories, newsletter sign-up, adverts) becomes a block."""
    for aside in list(tree.iter("aside")):
        text = " ".join(aside.text_content().split())
        linked = sum(len(" ".join(a.text_content().split())) for a in aside.iter("a"))
        if len(text) >= 80 and linked < 0.3 * len(text) and not _PROMOTION.search(f"{aside.get('id', '')} {aside.get('class', '')}"):
            aside.tag = "div"


_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "pre", "blockquote"}
_FURNITURE_TAGS = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript"}
_PAGE_FURNITURE = re.compile(r"cookie|banner|breadcrumb|menu|\bnav|navigation|footer|header|masthead|skip|search|sidebar", re.I)
#: The share of a page's text a block must hold to be taken as its main content.
MAIN_SHARE = 0.7


def mark_main_content(tree) -> None:
    """Mark the page's main content as ``<main>`` when the page does not: the smallest block
    holding most (``MAIN_SHARE``) of the text outside navigation, headers, footers and
    banners. trafilatura finds its main container only by common names ("content", "main",
    ``<article>``); on others (ModernGov's "mgMainContent") it falls back to collecting loose
    paragraphs and loses the headings ("Decision:", "Reasons for the decision:")."""
    if tree.xpath("//main | //article | //*[@role='main']"):
        return
    held: Counter = Counter()  # characters of block text under each element (keys hold lxml's proxies alive)
    furniture: set = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        ancestors = list(el.iterancestors())
        if el.tag in _FURNITURE_TAGS or _PAGE_FURNITURE.search(f"{el.get('id', '')} {el.get('class', '')}") or any(
                a in furniture for a in ancestors[:1]):
            furniture.add(el)
            continue
        if el.tag in _BLOCKS and not any(a.tag in _BLOCKS for a in ancestors):
            size = len(" ".join(el.text_content().split()))
            for a in ancestors:
                held[a] += size
    body = tree if tree.tag == "body" else tree.find("body")
    if body is None or not held[body]:
        return
    best = None
    for el in body.iter("div", "section", "td"):
        if el not in furniture and held[el] >= MAIN_SHARE * held[body]:
            best = el  # in document order, a later block that qualifies lies inside the earlier one
    if best is not None:
        best.tag = "main"


# ---------------------------------------------------------------- PDF

_FURNITURE = re.compile(
    r"(?:you are on )?page \d+(?: of \d+)?|\d+ of \d+|- ?\d+ ?-|page \d+ of \d+ pages?", re.IGNORECASE
)
_BARE_NUMBER = re.compile(r"[ivxlc\d]{1,4}", re.IGNORECASE)
#: Line-end hyphens after these stay (co-operation, multi-agency) unless the document says otherwise.
_KEEP_HYPHEN_AFTER = {"co", "multi", "non", "cross", "self", "well", "ex", "anti", "semi", "inter", "post", "pre"}
_ZONE = 3  # lines at the top and bottom of a page where running headers and footers live


def pdf_pages(data: bytes) -> list[str]:
    """The text layer of each page (pypdfium2), with line-end hyphens as ``-`` + newline."""
    import pypdfium2 as pdfium

    head = data[:1024].lstrip()
    if b"%PDF" not in head:
        kind = "a web page (an error page saved instead of the document?)" if head[:1] == b"<" else "not a PDF file"
        raise SkipFile(f"not a PDF: the file is {kind}")
    if b"%%EOF" not in data[-2048:]:
        raise SkipFile("truncated PDF (the file ends before the PDF does) — download it again")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise SkipFile("encrypted PDF (needs a password to open)") from None
        raise SkipFile(f"damaged PDF that cannot be opened ({exc})") from None
    tables = _RuledTables(data)
    try:
        document.init_forms()  # before any page is loaded, so that a form's fields can be read
        form = document.get_formtype() != pdfium.raw.FORMTYPE_NONE
        pages = []
        for index, page in enumerate(document):
            textpage = page.get_textpage()
            fields = _filled_fields(document, page) if form else []
            found = [] if fields else tables.on_page(index) if _drawn_paths(page) >= TABLE_MIN_PATHS else []
            raw = (_with_fields(textpage, fields) if fields else
                   _text_with_tables(textpage, page.get_bbox(), found) if found else
                   _gap_marked(textpage, page))
            pages.append(raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-\n").replace("\u00ad", "-\n"))
        return pages
    finally:
        tables.close()
        document.close()


#: Form fields whose typed value is text: text boxes, drop-down lists and list boxes (not tick boxes,
#: radio buttons or signatures).
_TEXT_FIELDS = (6, 4, 5)  # FPDF_FORMFIELD_TEXTFIELD, _COMBOBOX, _LISTBOX


def _filled_fields(document, page) -> list[tuple[float, float, float, float, str]]:
    """(left, bottom, right, top, value) of each field of a fillable form (an AcroForm: a record of
    decision, a "Decision Record") that has something typed in it, on one page. What is typed into
    a form is not part of the page's text layer: pypdfium2 reads it from the form itself."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    fields = []
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_WIDGET or \
                    pdfium_c.FPDFAnnot_GetFormFieldType(document.formenv.raw, annot) not in _TEXT_FIELDS:
                continue
            size = pdfium_c.FPDFAnnot_GetFormFieldValue(document.formenv.raw, annot, None, 0)
            if size <= 2:
                continue
            buffer = ctypes.create_string_buffer(size)
            pdfium_c.FPDFAnnot_GetFormFieldValue(document.formenv.raw, annot, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
            value = buffer.raw[: size - 2].decode("utf-16-le", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
            rect = pdfium_c.FS_RECTF()
            if value.strip() and pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                fields.append((rect.left, min(rect.bottom, rect.top), rect.right, max(rect.bottom, rect.top), value))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return fields


def _with_fields(textpage, fields: list[tuple[float, float, float, float, str]]) -> str:
    """A form page's text with what was typed into its fields put where it shows: a one-line value
    beside its label as a row ("Decision reference | CMD/2025/014"), a longer one after the line
    above its box (the label over it), each of its lines a paragraph. A value the text layer
    already has (a form printed flat) is not repeated."""
    text = textpage.get_text_range()
    lines = _gap_marked(textpage).split("\r\n")
    mapped = textpage.count_chars() == len(text)  # else the text does not map onto the characters' boxes
    boxes, pos = [], 0
    for line in text.split("\r\n"):
        if line.strip() and mapped:
            first, last = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip()) - 1
            left, bottom, _, top = textpage.get_charbox(first, loose=True)
            boxes.append((left, bottom, textpage.get_charbox(last, loose=True)[2], top))
        else:
            boxes.append(None)
        pos += len(line) + 2
    flat = " ".join(text.split())
    middles = {i: (box[1] + box[3]) / 2 for i, box in enumerate(boxes) if box}
    beside: dict[int, str] = {}
    after: dict[int, list[str]] = {}
    for left, bottom, right, top, value in sorted(fields, key=lambda f: (-f[3], f[0])):
        if " ".join(value.split()) in flat:
            continue
        row = [i for i, middle in middles.items() if boxes[i][2] <= left + 2 and bottom <= middle <= top and i not in beside]
        if row and "\n" not in value.strip():
            beside[row[-1]] = " ".join(value.split())
            continue
        above = [i for i, middle in middles.items() if middle >= top or i in row]
        anchor = min(above, key=lambda i: (middles[i], -i)) if above else -1
        after.setdefault(anchor, []).extend(line.strip() + PARA_END for line in value.split("\n") if line.strip())
    out = list(after.get(-1, []))
    for i, line in enumerate(lines):
        if i in beside:
            line = f"{line.replace(PARA_END, '').rstrip()} | {beside[i]}{PARA_END}"
        elif i in after and not line.endswith(PARA_END):
            line += PARA_END
        out += [line, *after.get(i, [])]
    return "\r\n".join(out)


#: Marks the end of a line followed by a paragraph's vertical gap until the page's lines are joined (a
#: private-use character).
PARA_END = "\ue001"
#: A gap between two lines this much larger than the page's usual line pitch ends a paragraph.
PARA_GAP = 1.25


#: pdfium's marks of a word hyphenated at a line's end (the line break itself is not in its text).
_LINE_HYPHENS = "\ufffe\u00ad"
#: A printed line of pdfium's text: up to a line break, or to a line-end hyphen.
_PRINTED_LINE = re.compile(f"[^\r\n{_LINE_HYPHENS}]+[{_LINE_HYPHENS}]?")


def _gap_marked(textpage, page=None) -> str:
    """A page's text (pypdfium2), each line followed by a wider gap than the page's usual line
    pitch marked with :data:`PARA_END`: a PDF keeps no paragraph marks, and a paragraph whose last
    line runs to the margin is told from the next only by the space between them. Given the
    ``page``, the characters struck through on it (:func:`_struck_through`) are marked :data:`STRUCK`."""
    text = textpage.get_text_range()
    mapped = textpage.count_chars() == len(text)  # else the text does not map onto the characters' boxes
    struck = (_struck_through(page, textpage, text) | _slanted(textpage, len(text)) | _balloons(page, textpage, text)
              if page is not None and mapped else set())
    starts = []
    for m in _PRINTED_LINE.finditer(text):  # a word hyphenated at the line's end runs on in pdfium's text
        stripped = m.group(0).lstrip()
        if stripped:
            starts.append((m.end() - len(stripped), m.end()))
    marked = _unstruck(text, struck)
    if len(starts) < 4 or not mapped:
        return marked  # too few lines to know the pitch, or the text does not map onto the characters
    boxes = [textpage.get_charbox(first, loose=True) for first, _ in starts]  # (left, bottom, right, top)
    bottoms = [box[1] for box in boxes]
    steps = [a - b for a, b in zip(bottoms, bottoms[1:])]
    pitches = sorted(step for step in steps if step > 0)
    if not pitches:
        return marked
    pitch = pitches[len(pitches) // 2]
    ends = {end for (_, end), step in zip(starts, steps) if _gap_ends(step, pitch, text[max(0, end - 8) : end])}
    ends |= _short_sentence_ends(textpage, text, starts, [box[0] for box in boxes], steps)
    return "".join(ch + PARA_END if i + 1 in ends else ch for i, ch in enumerate(marked)) if ends else marked


#: The label of a balloon Word prints in the margin beside a draft's tracked changes and comments ("Print
#: Markup"): "Deleted: every two months", "Formatted: Font: Bold", "Comment [JB1]: …", "Commented [JB1]: …".
_BALLOON = re.compile(r"\b(?:Deleted|Inserted|Formatted(?: Table)?|Comment(?:ed)? \[[A-Za-z]{1,6}\d{1,3}\]|"
                      r"Moved (?:up|down|\((?:insertion|deletion)\))(?: \[\d{1,3}\])?|Field Code Changed)(?=\s*:|\s*$)", re.M)
#: Balloons stand right of this share of the page's width.
BALLOON_SIDE = 0.5


def _balloons(page, textpage, text: str) -> set[int]:
    """The characters of a page's markup balloons, when a draft was printed with its tracked changes and
    comments shown (Word's "Print Markup"): the page's text is narrowed, and a column of balloons in the
    right margin says what was deleted or formatted and what reviewers commented. Balloons are no part of
    the text as it will read; every character from the balloons' left edge rightwards goes."""
    labels = [m.start() for m in _BALLOON.finditer(text)]
    if not labels:
        return set()
    width = page.get_width()
    lefts = [textpage.get_charbox(i)[0] for i in labels]
    lefts = [x for x in lefts if x > BALLOON_SIDE * width]
    if not lefts:
        return set()
    edge = min(lefts) - 1.0
    return {i for i in range(len(text)) if not text[i].isspace() and textpage.get_charbox(i)[0] >= edge}


#: A letter set at an angle this far (radians) from the page's axes is a watermark's ("DRAFT" across the page).
SLANT = 0.1


def _slanted(textpage, count: int) -> set[int]:
    """The characters of a page set diagonally across it: a watermark ("DRAFT", "NOT YET APPROVED",
    "COPY") printed over the text, which is in the text layer but is no part of what the page says.
    Text turned a quarter or a half turn (a table's upright headings) is kept."""
    import math

    import pypdfium2.raw as pdfium_c

    quarter = math.pi / 2
    out = set()
    for i in range(count):
        angle = pdfium_c.FPDFText_GetCharAngle(textpage.raw, i)
        if angle > 0 and min(angle % quarter, quarter - angle % quarter) > SLANT:
            out.add(i)
    return out


def _gap_ends(step: float, pitch: float, line: str) -> bool:
    """Whether the step down to the next line ends the paragraph of ``line`` (its end is enough): a
    wider gap than the usual line pitch (unless a word hyphenated at the line's end runs on), or a
    move back up the page after a sentence's end — the next column (the English beside the Welsh) or
    a box set apart; a sentence left unfinished at a column's foot goes on at the top of the next."""
    return (step > PARA_GAP * pitch and not line.endswith(tuple(_LINE_HYPHENS))) or (
        step < -pitch and bool(_ENDS_SENTENCE.search(line)))


def _unstruck(text: str, struck: set[int]) -> str:
    return "".join(STRUCK if i in struck else ch for i, ch in enumerate(text)) if struck else text


#: Stands for a struck-out character until the page's lines are joined (a private-use character): the
#: line keeps its length, so that a line whose end is struck out is not taken for a paragraph's last.
STRUCK = "\ue002"
_STRUCK_RUN = re.compile(f"[ \t]*{STRUCK}+[ \t]*")


def without_struck(text: str) -> str:
    """The text as it will read with its struck-out words gone: a line that was all struck out goes
    (a member crossed off a list), and a struck phrase before a full stop or a comma takes its space."""
    if STRUCK not in text:
        return text
    lines: list[str] = []
    for line in text.split("\n"):
        if STRUCK in line:
            starts_struck = line.lstrip().startswith(STRUCK)
            line = _STRUCK_RUN.sub(" ", re.sub(f"[ \t]*{STRUCK}+(?=[,.;:)])", "", line)).strip()
            if starts_struck:
                line = re.sub(r"^[,.;:]\s+", "", line)  # ". co-chaired …": the full stop ended the struck sentence
            if line in {"", "-", "•"} or re.fullmatch(r"\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-z]{1,3})[.)]?[.,;:]?", line):
                continue  # a member crossed off a list, a clause struck out whole ("3.2 …" → "3.2.")
            if lines and line in {".", ",", ";", ":"}:
                lines[-1] += line  # the full stop after a struck phrase that ran over the line's end
                continue
        lines.append(line)
    return "\n".join(lines)


#: A rule through text is at most this thick (points): a line drawn through struck-out words.
STRIKE_THICKNESS = 3.0
#: Where a rule strikes a letter: between these fractions of the height of the font's box above its
#: foot (an underline is lower, a rule between lines outside it).
STRIKE_BAND = (0.25, 0.75)
#: Characters are looked for along a rule at this step (points): less than the narrowest letter.
STRIKE_STEP = 1.5
#: A page with more thin rules than this is a chart or a form, not a document with struck-out words.
STRIKE_RULES = 300


def _struck_through(page, textpage, text: str) -> set[int]:
    """The characters of a page with a line drawn through their middle: words struck out, as a
    "tracked changes version" of terms of reference or a constitution prints what is deleted. They
    are still in the text layer; a reader of the page sees them crossed out, and the text is read as
    it will stand. An underline (below the letters) or a table's rule (between lines) strikes none.
    ``text`` is the page's text, which maps onto its characters."""
    import pypdfium2.raw as pdfium_c

    rules = []
    for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = path.get_bounds()
        if top - bottom <= STRIKE_THICKNESS and right - left >= 2:
            rules.append((left, right, (top + bottom) / 2))
    if not rules or len(rules) > STRIKE_RULES:
        return set()
    def crossed(i: int, a: float, b: float, y: float) -> bool:
        # against the font's box (its ascent and descent), the same for every letter of a line: a rule
        # through the lower half of the capitals strikes a tall "d" as it does an "e"
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        return a <= (left + right) / 2 <= b and bottom + STRIKE_BAND[0] * (top - bottom) <= y <= bottom + STRIKE_BAND[1] * (top - bottom)

    struck = set()
    for a, b, y in rules:
        found = set()
        x = a
        while x <= b:  # the characters along the rule, by position (a page has thousands; a rule crosses few)
            i = textpage.get_index(x, y, 0.5, 0.5)
            if i is not None:
                found.add(i)
            x += STRIKE_STEP
        hits = [i for i in found if crossed(i, a, b, y)]
        if hits:  # and the narrow letters between them the steps passed over ("l", "i")
            struck.update(i for i in range(min(hits), max(hits) + 1) if i in hits or crossed(i, a, b, y))
    # a comma or a space between two words struck each with a rule of its own ("five members, including")
    for i in sorted(struck):
        j = i + 1
        while j < len(text) and j - i <= 3 and j not in struck and not text[j].isalnum() and text[j] not in "\r\n":
            j += 1
        if j in struck and j > i + 1:
            struck.update(range(i + 1, j))
    return struck


#: A line that finishes a sentence (or a clause before a colon or semicolon), whatever closing marks follow.
_ENDS_SENTENCE = re.compile(r"[.!?:;]\W*$")
#: Lines of one column start within this many points of each other.
COLUMN_TOLERANCE = 20.0


def _short_sentence_ends(textpage, text: str, starts: list[tuple[int, int]], lefts: list[float],
                         steps: list[float]) -> set[int]:
    """The ends of lines that finish a sentence with room left for the next line's first word: the
    writer broke the line there, so a paragraph ends ("… after 31 March 2014." over "The merged board
    would …", set without a gap between paragraphs). The room is measured against the widest line
    of the same column. ``lefts`` are the lines' left edges, ``steps`` the drops to the next line."""
    visible = [(first, len(text[first:end].rstrip()) + first) for first, end in starts]
    rights = [textpage.get_charbox(last - 1, loose=True)[2] for _, last in visible]
    ends = set()
    for k, ((first, last), step) in enumerate(zip(visible, steps)):
        if step <= 0 or text[last - 1] not in ".!?:" or abs(lefts[k + 1] - lefts[k]) > COLUMN_TOLERANCE:
            continue  # (steps has one entry fewer than the lines: k + 1 is always a line)
        nxt = visible[k + 1][0]
        word = re.match(r"\S+", text[nxt:visible[k + 1][1]])
        if not word:
            continue
        margin = max(r for left, r in zip(lefts, rights) if abs(left - lefts[k]) <= COLUMN_TOLERANCE)
        word_width = textpage.get_charbox(nxt + word.end() - 1, loose=True)[2] - lefts[k + 1]
        space = word_width / max(len(word.group(0)), 1)  # about a character's width
        if rights[k] + space + word_width < margin:
            ends.add(starts[k][1])
    return ends


#: Marks a line as a ruled table's row until the pages are joined (a private-use character): such a line
#: is never page furniture, and a table that runs over a page break is joined up.
TABLE_ROW = "\ue000"
#: A page is searched for ruled tables only when it draws at least this many lines or boxes
#: (a table's rules and cell borders); most pages draw none, or a rule under the header.
TABLE_MIN_PATHS = 4


def _drawn_paths(page) -> int:
    import pypdfium2.raw as pdfium_c

    return sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1))


class _RuledTables:
    """Tables drawn with rules or cell borders, found by pdfplumber's line strategy, as rows of
    cell texts with their bounding box (pdfplumber's coordinates: from the page's top left).
    The document is opened only when a page asks."""

    def __init__(self, data: bytes):
        self.data, self.pdf = data, None

    def on_page(self, index: int) -> list[tuple[tuple[float, float, float, float], list[list[str]]]]:
        import pdfplumber

        try:
            if self.pdf is None:
                self.pdf = pdfplumber.open(io.BytesIO(self.data))
            found = self.pdf.pages[index].find_tables()
            tables = [(t.bbox, [[" ".join((cell or "").split()) for cell in row] for row in t.extract()]) for t in found]
        except Exception:  # pdfminer cannot parse what pdfium could: the page is read without its tables
            return []
        tables = [(bbox, [r for r in rows if any(r)]) for bbox, rows in tables]
        # a table has a row with two cells filled: a box ruled round a paragraph (a shaded "Proposal 9" box) is text
        return sorted(((bbox, rows) for bbox, rows in tables if len(rows) >= 2 and max(sum(map(bool, r)) for r in rows) >= 2),
                      key=lambda t: t[0][1])

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _text_with_tables(textpage, page_box, tables) -> str:
    """A page's text with each ruled table written as one line per row, cells separated by
    " | " (as Word and HTML tables are), between the text above and below it; text beside a
    table comes before and after its rows."""
    left, bottom, right, top = page_box

    def text_in(x0: float, y_top: float, x1: float, y_bottom: float) -> str:  # top-left coordinates
        if x1 - x0 < 1 or y_bottom - y_top < 1:
            return ""
        return textpage.get_text_bounded(left + x0, top - y_bottom, left + x1, top - y_top).strip()

    parts, cursor, width = [], 0.0, right - left
    for (x0, y0, x1, y1), rows in tables:
        if y0 < cursor:  # overlapping tables: keep the first
            continue
        parts += [text_in(0, cursor, width, y0), text_in(0, y0, x0, y1)]
        parts.append("\n".join(TABLE_ROW + " | ".join(row) for row in rows))
        parts.append(text_in(x1, y0, width, y1))
        cursor = y1
    parts.append(text_in(0, cursor, width, top - bottom))
    return "\n".join(p for p in parts if p)


def _page_lines(pages: list[str]) -> list[list[str]]:
    """Each page's non-blank lines, trimmed."""
    return [[line.strip() for line in page.split("\n") if line.strip()] for page in pages]


def _zone(lines: list[str]) -> list[str]:
    """A page's first and last lines, where running headers and footers stand."""
    return lines[:_ZONE] + lines[-_ZONE:]


def _line_key(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.replace(PARA_END, "").replace(STRUCK, "").lower())).strip()


def _running_keys(zones: list[list[str]]) -> set[str]:
    """Keys of the lines found in the header/footer zone (one list per page) of most pages."""
    counts: Counter = Counter()
    for zone in zones:
        counts.update({_line_key(line) for line in zone})
    threshold = max(2, (len(zones) + 1) // 2)
    return {key for key, n in counts.items() if n >= threshold} if len(zones) >= 2 else set()


def _join_page(text: str, body: str) -> str:
    """Append a page: a sentence running over the page break (no closing punctuation before,
    lower case after) goes on in the same paragraph; otherwise a new paragraph starts."""
    if not text:
        return body
    runs_on = not re.search(r"[.:;!?)\"']\s*$", text) and body.lstrip()[:1].islower()
    return f"{text}\n{body}" if runs_on else f"{text}\n\n{body}"


def strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and headers/footers repeated at the top or bottom of most pages."""
    running = _running_keys([_zone(lines) for lines in pages])
    cleaned = []
    for lines in pages:
        keep = []
        for i, line in enumerate(lines):
            in_zone = i < _ZONE or i >= len(lines) - _ZONE
            if line.startswith(TABLE_ROW):  # a table's row (a header repeated on each page is dealt with when pages join)
                keep.append(line)
                continue
            bare = line.replace(PARA_END, "").strip()
            if _FURNITURE.fullmatch(bare) or (in_zone and (_line_key(line) in running or _BARE_NUMBER.fullmatch(bare))):
                continue
            keep.append(line)
        cleaned.append(keep)
    return cleaned


def rejoin_hyphenation(text: str) -> str:
    """Re-join words hyphenated across lines ("partner-\\nship" → "partnership").

    A hyphen stays where the document itself writes the compound with one elsewhere, or
    after prefixes UK councils hyphenate (co-, multi-, non-, cross-…).
    """
    compounds = {m.lower() for m in re.findall(r"[A-Za-z]+-[A-Za-z]+", text)}
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}

    def join(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        hyphenated = f"{left}-{right}".lower()
        keep = hyphenated in compounds or (
            (left + right).lower() not in words and left.lower() in _KEEP_HYPHEN_AFTER
        )
        return f"{left}-{right}" if keep else left + right

    return re.sub(r"([A-Za-z]+)-[ \t]*\n[ \t]*([a-z]+)", join, text)


#: A line's column is as wide as the widest of the lines this many above and below it.
COLUMN_LINES = 3


def _paragraph_breaks(lines: list[str], width: int) -> str:
    """Join a page's lines, with a blank line after a line that stops well short of the
    text width (a paragraph's last line, a heading, a title line): PDF text has no
    paragraph marks, and the workbook's segmentation reads paragraphs."""
    out = []
    sizes = [0 if line.startswith(TABLE_ROW) else len(line.replace(PARA_END, "")) for line in lines]
    blocks = list(accumulate((line.endswith(PARA_END) for line in lines), initial=0))  # paragraphs the gaps mark
    for i, marked in enumerate(lines):
        line = marked.replace(PARA_END, "")
        out.append(line)
        # a narrow column's lines are short beside the page's width: measure against the lines around,
        # in the same paragraph where the gaps between lines mark paragraphs
        around = range(max(0, i - COLUMN_LINES), min(len(lines), i + COLUMN_LINES + 1))
        column = min(width, max(sizes[k] for k in around if blocks[k] == blocks[i]))
        if i + 1 == len(lines):
            break
        row, next_row = " | " in line, " | " in lines[i + 1]
        if row or next_row:  # a table's rows stay together, with a paragraph break around the table
            if row != next_row:
                out.append("")
        elif marked.endswith(PARA_END) or (width and len(line) < 0.7 * column and not _wraps_on(line, lines[i + 1])) or (
                _ENDS_SENTENCE.search(line) and _NUMBERED_LINE.match(lines[i + 1])):
            if not line.endswith("-"):
                out.append("")
    return "\n".join(out)


#: A line that opens a numbered paragraph or part: "2. The IJB directs …", "3.1 …", "(b) …".
_NUMBERED_LINE = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|\(?[a-z]{1,4}\)|\([ivx]{1,4}\))\s+[A-Za-z]")


def _wraps_on(line: str, following: str) -> bool:
    """Whether a short line is wrapped onto the next rather than ending a paragraph: it stops
    without a full stop, colon or semicolon and the next goes on in lower case ("• Board agendas
    dominated by updates rather" over "than decisions", a slide's bullet in a narrow column)."""
    return bool(re.match(r"[a-z]", following.replace(PARA_END, "").lstrip())) and not _ENDS_SENTENCE.search(line) \
        and (len(line.split()) >= 4 or bool(re.match(r"\s*[-•▪◦·*–]\s", line)))  # "Recommendations" over lower case: a heading


#: A printed line that opens with a number in the margin: "27 the Board agreed that …", or the number alone.
_MARGIN_NUMBER = re.compile(r"^(\d{1,4})(?:\s+(?=\S)|(?=\ue001?$))")
#: A page numbered line by line has a number on at least this share of its lines, and this many.
LINE_NUMBERED_SHARE = 0.6
LINE_NUMBERED_MIN = 10


def strip_line_numbers(pages: list[list[str]]) -> list[list[str]]:
    """Each page's lines without the line numbers printed in its margin (a consultation draft, a
    legal agreement, a transcript numbered line by line): the numbers go when they run up one a
    line (or every fifth or tenth line) through the page, over wrapped lines that go on in lower
    case — so a list numbered "1 …", "2 …" keeps its numbers. A line that is only its number goes."""
    found = [[(i, int(m.group(1)), line[m.end():]) for i, line in enumerate(lines)
              if not line.startswith(TABLE_ROW) and (m := _MARGIN_NUMBER.match(line))] for lines in pages]
    strict = [_line_numbered(numbers, lines) for numbers, lines in zip(found, pages)]
    out = []
    for numbers, lines, numbered in zip(found, pages, strict):
        # once some pages are numbered line by line, so is a page of the same document with fewer lines of prose
        if numbered or (any(strict) and _line_numbered(numbers, lines, loose=True)):
            rest = {i: text for i, _, text in numbers}
            lines = [line for line in (rest.get(i, line) for i, line in enumerate(lines)) if line.replace(PARA_END, "").strip()]
        out.append(lines)
    return out


def _line_numbered(found: list[tuple[int, int, str]], lines: list[str], loose: bool = False) -> bool:
    """Whether the numbers opening a page's lines ((line index, number, rest) of each) are line numbers:
    they run up one a line over most of the page's lines (or every fifth or tenth line), and some of the
    lines they number go on in lower case or are blank but for the number. ``loose``: over a few lines."""
    if len(found) < 3:
        return False
    steps = [(b[1] - a[1], b[0] - a[0]) for a, b in zip(found, found[1:])]
    if any(step <= 0 for step, _ in steps):
        return False
    prose = sum(1 for line in lines if not line.startswith(TABLE_ROW))
    evidence = sum(1 for i, _, rest in found
                   if not rest.replace(PARA_END, "").strip() or (rest or (lines[i + 1] if i + 1 < len(lines) else ""))[:1].islower())
    every = max(set(step for step, _ in steps), key=[step for step, _ in steps].count)
    regular = sum(1 for step, _ in steps if step == every) >= 0.8 * len(steps)
    if every == 1:
        if loose:
            return regular
        return regular and len(found) >= max(LINE_NUMBERED_MIN, LINE_NUMBERED_SHARE * prose) and evidence >= 2
    return (every in (5, 10) and regular and all(n % every == 0 for _, n, _ in found) and (loose or evidence >= 1)
            and all(1 < lines_apart <= every for _, lines_apart in steps))


def clean_pdf_text(pages: list[str]) -> str:
    """Page texts → one text: furniture dropped, paragraphs marked, pages joined,
    hyphenation re-joined."""
    lines = strip_page_furniture(strip_line_numbers(_page_lines(pages)))
    lengths = sorted(len(line.replace(PARA_END, "")) for page in lines for line in page if not line.startswith(TABLE_ROW))  # a table row is no measure
    width = lengths[int(0.9 * (len(lengths) - 1))] if len(lengths) >= 10 else 0  # the full line width
    text = ""
    for page in lines:
        if not page:
            continue
        body = _paragraph_breaks(page, width)
        rows = text.rsplit("\n\n", 1)[-1].split("\n") if text else []
        if rows and rows[-1].startswith(TABLE_ROW) and page[0].startswith(TABLE_ROW):  # a table runs on over the page break
            if len(page) > 1 and page[0] == rows[0] and page[1].startswith(TABLE_ROW):
                body = body.split("\n", 1)[1]  # its header row, repeated at the top of the page
            text = f"{text}\n{body}"
            continue
        text = _join_page(text, body)
    return _numbered_list_marks(rejoin_hyphenation(without_struck(text.replace(TABLE_ROW, ""))))


#: A line opening with a bare number and a capital: "1 Form follows function" (a slide's list, its
#: numbers drawn apart from the text, in circles or a column of their own).
_UNDOTTED_NUMBER = re.compile(r"^([1-9]\d?) (?=[A-Z])", re.MULTILINE)


def _numbered_list_marks(text: str) -> str:
    """The text with a list numbered without full stops ("1 Form follows …", "2 Fewer, stronger …",
    "3 Decisions taken …") written as lists are ("1. Form follows …"): only a run of at least three
    such lines numbered 1, 2, 3 … in order, each within a few lines of the one before, so that
    "12 groups report to the Board" or an address's "2 High Street" stays as it is."""
    found = list(_UNDOTTED_NUMBER.finditer(text))
    marks: list[int] = []
    run: list[re.Match] = []
    for m in found + [None]:
        if m is not None and run and int(m.group(1)) == int(run[-1].group(1)) + 1 \
                and text.count("\n", run[-1].end(), m.start()) <= 8:
            run.append(m)
            continue
        if len(run) >= 3 and run[0].group(1) == "1":
            marks.extend(r.end(1) for r in run)
        run = [m] if m is not None else []
    pieces, last = [], 0
    for at in marks:  # in order down the text
        pieces += [text[last:at], "."]
        last = at
    return "".join(pieces) + text[last:]


def read_pdf(data: bytes) -> tuple[str, dict]:
    """A PDF's text: each page's text layer, and where Tesseract is installed, the pages that
    look scanned (:func:`scanned_pages`) read by OCR instead, at most ``ocr.MAX_PAGES`` of them;
    cleaned as one text (:func:`clean_pdf_text`). The warning says how many pages OCR read (its
    text has errors) and which pages have no text."""
    pages = pdf_pages(data)
    garbled = [i for i, page in enumerate(pages) if unreadable(page)]
    pages = ["" if i in garbled else page for i, page in enumerate(pages)]  # read by OCR, as a scan is
    if ocr.tesseract_version() is None:
        if not any(p.strip() for p in pages):
            raise SkipFile(UNMAPPED_FONTS if garbled else NO_TEXT_LAYER)
        blank = sum(1 for p in pages if not p.strip()) - len(garbled)
        notes = [f"{blank} of {len(pages)} pages have no text layer (scanned?) — their text is missing; "
                 f"{ocr.INSTALL_HINT}"] if blank else []
        notes += [f"{_page_list(garbled)} of {len(pages)}: {UNMAPPED_FONTS}"] if garbled else []
    else:
        pages, notes = _with_scans_read(data, pages)
    hints = {"warning": "; ".join(notes)} if notes else {}
    header = running_header([without_struck(page.replace(PARA_END, "")) for page in pages])
    return clean_pdf_text(pages), {**hints, **({"header": header} if header else {})}


#: A text layer whose characters are mostly neither letters, digits, punctuation nor symbols (but
#: control characters, private-use codes, "�") was written in a font without a map to Unicode: what
#: it holds are the font's glyph numbers, not text. Such a page is read by OCR, as a scan is.
READABLE_SHARE = 0.7
UNMAPPED_FONTS = "the text is in fonts without a map to Unicode and cannot be read from the file; " \
                 "install Tesseract (apt-get install tesseract-ocr) to read it by OCR"


def unreadable(text: str) -> bool:
    """Whether a page's text layer is glyph numbers rather than text (:data:`READABLE_SHARE`)."""
    chars = [c for c in text.replace(PARA_END, "").replace(STRUCK, "") if c not in " \t\n\r"]  # a glyph number may read as another control
    if len(chars) < 20:
        return False
    readable = sum(1 for c in chars if c != "\ufffd" and (c.isalnum() or unicodedata.category(c)[0] in "PS"))
    return readable < READABLE_SHARE * len(chars)


#: A page whose text layer has no more characters than this (a page number, or the "Agenda Item
#: 5" a council's site stamps on the papers it publishes) is read by OCR when a picture covers
#: at least :data:`SCAN_COVER` of it: it is a scan with a stamp on it.
STAMP_CHARS = 80
SCAN_COVER = 0.5


def scanned_pages(data: bytes, pages: list[str]) -> list[int]:
    """The pages (0-based) of a PDF whose text is to be read by OCR: those without a text layer,
    and those whose text layer is only a stamp on a picture covering most of the page. A page
    that is mostly text layer already is not."""
    blank = [i for i, text in enumerate(pages) if not text.strip()]
    stamped = [i for i, text in enumerate(pages) if 0 < len("".join(text.replace(PARA_END, "").split())) <= STAMP_CHARS]
    if not stamped:
        return blank
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return sorted(blank + [i for i in stamped if _picture_cover(document[i]) >= SCAN_COVER])
    finally:
        document.close()


def _picture_cover(page) -> float:
    """The share of a PDF page its largest picture covers."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    largest = 0.0
    for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = picture.get_bounds()
        largest = max(largest, (right - left) * (top - bottom))
    return largest / (width * height) if width * height else 0.0


def _with_scans_read(data: bytes, pages: list[str]) -> tuple[list[str], list[str]]:
    """A PDF's page texts with its scanned pages read by OCR (the first ``ocr.MAX_PAGES`` of
    them), and the report's warnings. Raises SkipFile when no page has any text."""
    scans = scanned_pages(data, pages)
    if not scans and pages:
        return pages, []  # every page has its text layer: the document is not opened again
    read, left = scans[:ocr.MAX_PAGES], scans[ocr.MAX_PAGES:]
    texts, empty, failed = _read_by_ocr(_rendered(data, read))
    pages = [texts.get(i, "" if i in scans else text) for i, text in enumerate(pages)]
    if not any(p.strip() for p in pages):
        raise SkipFile("no text layer, and OCR found no text on its pages (blank, or pictures?)"
                       + "".join(f"; {note}" for note in _ocr_notes(len(pages), {}, [], failed, left)))
    return pages, _ocr_notes(len(pages), texts, empty, failed, left)


def _rendered(data: bytes, indices: list[int]):
    """(index, picture) of the given pages of a PDF, rendered one at a time for OCR (pypdfium2)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        for index in indices:
            page = document[index]
            scale = ocr.render_scale(*page.get_size(), _scanned_dpi(page))
            yield index, page.render(scale=scale, grayscale=True).to_pil()
    finally:
        document.close()


def _scanned_dpi(page) -> float:
    """The resolution (dots per inch) of the picture that covers most of a PDF page (a scan), or 0
    when no picture covers half of it."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    best = 0.0
    for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = picture.get_bounds()
        if (right - left) * (top - bottom) >= 0.5 * width * height and right > left:
            best = max(best, picture.get_px_size()[0] / ((right - left) / 72))
    return best


def _read_by_ocr(pictures) -> tuple[dict[int, str], list[int], dict[str, list[int]]]:
    """What OCR reads on each (index, picture) of a document's pages: the page texts by index,
    the pages on which it found no text, and the pages it failed on, by the reason."""
    texts, empty, failed = {}, [], {}
    for index, picture in pictures:
        try:
            text = _ocr_page(ocr.page_lines(picture))
        except RuntimeError as exc:  # Tesseract failed, or ran out of time, on this page
            failed.setdefault(str(exc), []).append(index)
            continue
        if text:
            texts[index] = text
        else:
            empty.append(index)
    return texts, empty, failed


def _ocr_notes(total: int, texts: dict, empty: list[int], failed: dict[str, list[int]], left: list[int]) -> list[str]:
    """The report's warnings on a document of ``total`` pages that OCR read: how many pages it
    read (its text has errors: check it), those it found no text on or failed on, and ``left``,
    the pages past ``ocr.MAX_PAGES`` that it did not read."""
    notes = []
    if texts:
        notes.append("read by OCR — check the text" if total == 1 else f"{len(texts)} of {total} pages read by OCR — check the text")
    if empty:
        notes.append(f"OCR found no text on {_page_list(empty)} (blank, or pictures?)")
    notes += [f"{_page_list(indices)} not read by OCR ({reason})" for reason, indices in failed.items()]
    if left:
        notes.append(f"{_page_list(left)} not read: OCR reads at most {ocr.MAX_PAGES} pages of a document (helpers.ocr.MAX_PAGES)")
    return notes


def _ocr_page(lines: list) -> str:
    """The lines Tesseract read on a page (``ocr.Line``) as a text-layer page reads: a line with a
    wider space below it than the page's line pitch (as :func:`_gap_marked` finds on a text layer)
    ends a paragraph and is marked with :data:`PARA_END`; a line without a letter or a digit (dirt
    on the scan read as marks) is dropped.

    The pitch is the lower quartile of the steps between lines: on a page of minutes, paragraphs of
    one or two lines with a space after each are common enough to make the median step a
    paragraph's. Tesseract's own paragraph breaks are taken where the next line is not the one
    below (a new column) or the page has too few lines to measure: elsewhere, in the test and
    benchmark scans, they split paragraphs mid-sentence and missed breaks the spacing shows."""
    lines = [line for line in lines if re.search(r"[^\W_]", line.text)]
    steps = [b.top - a.top for a, b in zip(lines, lines[1:])]
    pitches = sorted(step for step in steps if step > 0)
    pitch = pitches[len(pitches) // 4] if len(lines) >= 4 and pitches else 0
    out = []
    for i, line in enumerate(lines):
        if i + 1 == len(lines):
            last = True
        elif pitch and steps[i] > 0:
            last = steps[i] > PARA_GAP * pitch
        else:
            last = lines[i + 1].paragraph != line.paragraph
        out.append(line.text + (PARA_END if last else ""))
    return "\n".join(out)


def _page_list(indices: list[int]) -> str:
    """0-based page indices as a reader names the pages: "page 3", "pages 2, 5-7"."""
    runs: list[list[int]] = []
    for i in sorted(indices):
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    named = ", ".join(f"{a + 1}" if a == b else f"{a + 1}-{b + 1}" for a, b in runs)
    return f"page {named}" if len(indices) == 1 else f"pages {named}"


def running_header(pages: list[str]) -> str:
    """The running header and footer lines of a PDF (removed from its text), which name the
    council that published it: "Rother District Council • Overview and Scrutiny Committee"."""
    lines = _page_lines(pages)
    running = _running_keys([_zone(page) for page in lines])
    seen: dict[str, str] = {}
    for page in lines:
        for line in _zone(page):
            if _line_key(line) in running and not _BARE_NUMBER.fullmatch(line):
                seen.setdefault(_line_key(line), line)
    return "\n".join(seen.values())


# ---------------------------------------------------------------- Word


def read_docx(data: bytes) -> tuple[str, dict]:
    """Paragraphs and tables of the document body, in the order they appear, as the document reads
    with its tracked changes accepted: inserted words are read, deleted ones are not, and margin
    comments are not body text. Text inside content controls, smart tags and field results is read;
    a text box's paragraphs follow the paragraph that anchors it. Footnotes and endnotes follow the
    body, under "Footnotes" and "Endnotes", each numbered as Word numbers them ("[2] …")."""
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise SkipFile("not a Word document (not a zip file) — a broken download?") from None
    except (KeyError, ValueError) as exc:
        plain = _as_plain_word(data) if "content type" in str(exc) else None
        if plain is None:
            raise SkipFile(f"not a Word document (a zip file without a Word body: {exc.__class__.__name__})") from None
        document = docx.Document(io.BytesIO(plain))  # a macro-enabled document (.docm) or a template (.dotx)
    parts = list(_word_blocks(document.element.body, document)) + _word_notes(document)
    return transcript_turns(reflow_printed_lines("\n\n".join(p for p in parts if p.strip())))


#: The relationship types of a Word document's footnotes and endnotes parts, and what they are called.
_WORD_NOTES = {"footnotes": ("footnote", "Footnotes"), "endnotes": ("endnote", "Endnotes")}


def _word_notes(document) -> list[str]:
    """A Word document's footnotes and endnotes: a heading, then each note ("[1] text", numbered in
    the order Word numbers them), without the separator lines Word keeps among them."""
    from lxml import etree

    blocks: list[str] = []
    for rel in document.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind not in _WORD_NOTES or rel.is_external:
            continue
        tag, heading = _WORD_NOTES[kind]
        try:
            root = etree.fromstring(rel.target_part.blob)
        except etree.XMLSyntaxError:
            continue
        notes = [note for note in root.iter(_W + tag) if note.get(_W + "type") in (None, "normal")]
        texts = [" ".join(t for t in (_word_text(p, []) for p in note.iter(_W + "p")) if t.strip()) for note in notes]
        numbered = [f"[{n}] {text.strip()}" for n, text in enumerate(texts, start=1) if text.strip()]
        if numbered:
            blocks += [heading, *numbered]
    return blocks


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: Word elements whose text a reader does not see in the document as it reads: deleted and moved-away
#: text (tracked changes), field codes, and the legacy copy of a drawing (``mc:Fallback``, which repeats
#: the ``mc:Choice`` text box). Text boxes are read as paragraphs of their own.
_WORD_UNSEEN = {_W + t for t in ("del", "moveFrom", "delText", "instrText", "delInstrText", "txbxContent",
                                  "pPr", "rPr", "footnoteReference", "endnoteReference")} | {_MC + "Fallback"}


def _word_blocks(container, document, bullets: bool = True):
    """Text blocks of a body, cell, text box or content control, in order: a paragraph (its text
    boxes after it; a list paragraph as a "- " bullet when ``bullets``), a table (a line per row),
    or the blocks inside a content control or an inserted/custom-XML wrapper."""
    from docx.text.paragraph import Paragraph

    for element in container:
        tag = element.tag
        if _word_contents(element):
            continue
        if tag == _W + "p":
            boxes: list = []
            text = _word_text(element, boxes)
            bullet = bullets and text.strip() and _is_list_item(Paragraph(element, document))
            yield ("- " if bullet else "") + text
            for box in boxes:
                yield from _word_blocks(box, document, bullets)
        elif tag == _W + "tbl":
            yield from _word_table(element, document)
        elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins", _W + "moveTo"):
            yield from _word_blocks(element, document, bullets)
        elif tag == _W + "altChunk":
            yield _alt_chunk(element, document)


#: The style of a line of a Word table of contents ("TOC1", "TOC Heading") or of figures.
_CONTENTS_STYLE = re.compile(r"^(?:toc\s?(?:\d|heading)|tableoffigures|table of figures)", re.IGNORECASE)


def _word_contents(element) -> bool:
    """Whether a block of a Word body is its table of contents, or one of its lines ("4. Recommendations
    …… 12"): a paragraph in a TOC style, a paragraph whose link goes to a heading's "_Toc" bookmark, or
    the content control Word wraps a table of contents in. A contents line is not the heading it
    lists; the heading itself is read where it stands."""
    if element.tag == _W + "sdt":
        gallery = element.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
        return gallery is not None and "contents" in (gallery.get(_W + "val") or "").lower()
    if element.tag != _W + "p":
        return False
    style = element.find(f"{_W}pPr/{_W}pStyle")
    if style is not None and _CONTENTS_STYLE.match(style.get(_W + "val") or ""):
        return True
    return any((link.get(_W + "anchor") or "").startswith("_Toc") for link in element.iter(_W + "hyperlink"))


#: The main part of a macro-enabled Word document or of a Word template, which python-docx refuses to open;
#: their body is an ordinary document's.
_WORD_VARIANTS = (b"application/vnd.ms-word.document.macroEnabled.main+xml",
                  b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
                  b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")


def _as_plain_word(data: bytes) -> bytes | None:
    """The same package with its main part declared as an ordinary document's (macros are never run,
    only the body is read); None when it is no such variant."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml")
    if not any(variant in types for variant in _WORD_VARIANTS):
        return None
    for variant in _WORD_VARIANTS:
        types = types.replace(variant, b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, types if item.filename == "[Content_Types].xml" else source.read(item.filename))
    return out.getvalue()


def _alt_chunk(element, document) -> str:
    """The text of an imported chunk (``w:altChunk``): web applications that "export to Word" often put
    the whole body in one as HTML; RTF, text and Word chunks are read by their readers."""
    part = document.part.related_parts.get(element.get(_R_ID))
    if part is None:
        return ""
    kind = part.content_type.lower()
    try:
        if "html" in kind:
            return _html_every_block(decode_text(part.blob))
        if "rtf" in kind:
            return read_rtf(part.blob)[0]
        if "wordprocessingml" in kind:
            return read_docx(part.blob)[0]
        if kind.startswith("text/"):
            return decode_text(part.blob)
    except SkipFile:
        return ""
    return ""


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _word_text(paragraph, boxes: list) -> str:
    """The visible text of one ``w:p``: runs anywhere inside it (in insertions, hyperlinks,
    content controls, smart tags, field results), less what :data:`_WORD_UNSEEN` names and
    hidden (``w:vanish``) runs; the text boxes met are added to ``boxes``."""
    out: list[str] = []

    def walk(element):
        for child in element:
            tag = child.tag
            if tag == _W + "txbxContent":
                boxes.append(child)
            elif tag in _WORD_UNSEEN or not isinstance(tag, str):
                continue
            elif tag == _W + "t":
                out.append(child.text or "")
            elif tag == _W + "tab":
                out.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                out.append("" if child.get(_W + "type") in ("page", "column") else "\n")
            elif tag == _W + "noBreakHyphen":
                out.append("-")
            elif tag == _W + "r" and child.find(f"{_W}rPr/{_W}vanish") is not None:
                continue
            else:
                walk(child)

    walk(paragraph)
    return "".join(out)


def _is_list_item(paragraph) -> bool:
    """A bulleted or numbered Word paragraph: a list style, or numbering set on the paragraph
    itself (Word's own lists: "List Paragraph" with a number format). Its bullet or number is
    not in the text, so it is written as a "- " bullet (a number cannot be recovered without
    replaying the numbering definitions). A numbered heading ("3. Options", outline numbering)
    stays a heading."""
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if style.startswith(("heading", "title", "subtitle")):
        return False
    ppr = paragraph._p.pPr
    return style.startswith("list") or "bullet" in style or (ppr is not None and ppr.numPr is not None)


def read_doc(data: bytes) -> tuple[str, dict]:
    """An old Word 97-2003 document (.doc), read as the Word document it converts to
    (msdoc2docx, pure Python): its headings, lists and tables as :func:`read_docx` reads them."""
    from doc2docx import convert
    from doc2docx.errors import Doc2DocxError, EncryptedDocumentError

    docx_bytes = _converted(data, ".doc", ".docx", convert, EncryptedDocumentError, Doc2DocxError,
                            "Word 97-2003 document", "an old Word (.doc) file", "save it as .docx or PDF")
    return read_docx(docx_bytes)


def _converted(data: bytes, suffix: str, target_suffix: str, convert, locked: type, failed: type, name: str,
               what: str, instead: str) -> bytes:
    """The bytes of an Office 97-2003 file converted to its Office Open XML form by ``convert``
    (msdoc2docx's or ppt2pptx's, which work on files: a temporary folder holds both)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="workbook-convert-") as folder:
        source, target = Path(folder) / f"source{suffix}", Path(folder) / f"converted{target_suffix}"
        source.write_bytes(data)
        try:
            convert(source, target)
        except locked:
            raise SkipFile(f"password-protected {name} — not read; save a copy without the password") from None
        except failed as exc:
            raise SkipFile(f"{what} that could not be read ({exc.__class__.__name__}: {exc}) — {instead}") from None
        return target.read_bytes()


def _word_table(table, document) -> list[str]:
    """A Word table's blocks: minutes laid out as a table, read as :func:`notes_table_blocks` reads
    them (their cells' bullets kept); any other table one line per row, cells separated by " | "."""
    rows = _word_table_cells(table, document, bullets=False)
    if notes_column([" ".join(cell) for cell in rows[0]] if rows else []) is not None:
        notes = notes_table_blocks(_word_table_cells(table, document))
        if notes is not None:
            return notes
    if rows and max(map(len, rows)) > 1 and all(sum(1 for cell in row if cell) <= 1 for row in rows):
        # a table that only lays out a page: a picture beside each row's words (an Easy Read document), a
        # margin beside the text: its words are paragraphs, not a table's cells
        return [block for row in _word_table_cells(table, document) for cell in row for block in cell]
    return ["\n".join(" | ".join(" ".join(" ".join(cell).split()) for cell in row) for row in rows)]


def _word_table_cells(table, document, bullets: bool = True) -> list[list[list[str]]]:
    """A Word table's rows, each a list of its distinct cells (a cell merged across columns is one
    ``w:tc``), each the list of the cell's blocks. A nested table's rows are read with its cell."""
    return [[[block for block in _word_blocks(cell, document, bullets) if block.strip()]
             for cell in row.iter(_W + "tc") if next(cell.iterancestors(_W + "tr")) is row]
            for row in table.iter(_W + "tr") if next(row.iterancestors(_W + "tbl")) is table]


#: The header of a meeting-notes table's discussion column: "Discussion and decisions", "Notes", "Minutes",
#: "Summary of discussion", "Key points".
_NOTES_COLUMN = re.compile(r"^(?:summary of |record of )?(?:discussions?|notes?|minutes?|key points|points raised|"
                           r"comments?|narrative|outcomes? of discussion)\b", re.IGNORECASE)
#: A discussion column holds prose: at least one of its cells has this many words.
NOTES_MIN_WORDS = 40
#: A cell that only says it is empty.
_EMPTY_CELL = re.compile(r"^[-–—]?$|^(?:n/?a|none|nil)\.?$", re.IGNORECASE)


def notes_column(header: list[str]) -> int | None:
    """The index of the header cell that names a meeting-notes table's discussion column, or None."""
    return next((i for i, name in enumerate(header) if _NOTES_COLUMN.match(" ".join(name.split()))), None)


def notes_table_blocks(rows: list[list[list[str]]]) -> list[str] | None:
    """The blocks of a meeting's minutes laid out as a table ("No. | Item | Discussion and decisions |
    Action / Lead", "Item | Notes | Action | Owner | By when"), read as minutes in prose are: for each
    row, its number and title as a heading line, the paragraphs and bullets of its discussion cell as
    paragraphs, then each entry of the cells after it as a line "<column>: <entry>" (the entries of
    several such columns side by side: "Action: … ; Owner: JB; By when: 10 Nov"). ``rows`` are the
    table's rows of cells, each cell its blocks. None when the table is not such a table (no header
    naming a discussion column, or no prose in it): it is then read a row a line."""
    if len(rows) < 2:
        return None
    header = [" ".join(" ".join(cell).split()) for cell in rows[0]]
    column = notes_column(header)
    if column is None:
        return None
    body = [row for row in rows[1:] if len(row) == len(header)]
    if not body or max(sum(len(block.split()) for block in row[column]) for row in body) < NOTES_MIN_WORDS:
        return None
    out = []
    for row in rows[1:]:
        if len(row) != len(header):  # a row across the table ("Part B – for decision"): a heading
            out.append(" ".join(" ".join(block.split()) for cell in row for block in cell))
            continue
        title = " ".join(" ".join(block.split()) for cell in row[:column] for block in cell)
        entries = [(name, [" ".join(b.split()) for b in cell if not _EMPTY_CELL.match(b.strip())])
                   for name, cell in zip(header[column + 1:], row[column + 1:])]
        entries = [(name, cell) for name, cell in entries if cell]
        out += [title] if title else []
        out += row[column]
        for i in range(max((len(cell) for _, cell in entries), default=0)):
            out.append("; ".join(f"{name}: {cell[i]}" if name else cell[i] for name, cell in entries if i < len(cell)))
    return [block for block in out if block.strip()]


# ---------------------------------------------------------------- OpenDocument and RTF


def read_odt(data: bytes) -> tuple[str, dict]:
    """An OpenDocument text (LibreOffice, Google Docs export): headings, paragraphs, list
    items (as "- " bullets, nested lists flattened) and tables (one line per row, cells
    separated by " | "), in the order they appear; sections are read through."""
    document = _open_document(data, {"text", "text-template"}, "text", "a text document")
    return reflow_printed_lines("\n\n".join(p for p in _odt_blocks(document.body) if p.strip())), {}


def _open_document(data: bytes, types: set[str], what: str, expected: str):
    """An OpenDocument file of one of ``types`` (odfdo), or SkipFile saying what it is instead of
    ``expected`` ("a text document", "slides")."""
    import zipfile

    from odfdo import Document

    if not data.startswith(b"PK"):
        raise SkipFile("not an OpenDocument file (not a zip file) — a broken download?")
    try:
        document = Document(io.BytesIO(data))
        kind = document.get_type()
        document.body  # noqa: B018 - odfdo parses the content here
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:  # odfdo: TypeError for a zip it cannot place
        raise SkipFile(f"not an OpenDocument {what} (a zip file odfdo cannot read: {exc.__class__.__name__})") from None
    if kind not in types:
        raise SkipFile(f"an OpenDocument {kind}, not {expected}")
    return document


def _odt_blocks(element) -> list[str]:
    out = []
    for child in element.children:
        tag = child.tag
        if tag == "table:table":
            out.append(_odf_table(child))
        elif tag == "text:list":
            out.extend(_odt_list(child))
        elif tag in {"text:section", "text:index-body", "text:table-of-content"}:
            out.extend(_odt_blocks(child))
        elif tag in {"text:p", "text:h"}:
            out.append(child.text_recursive)
    return out


def _odf_table(table) -> str:
    """An OpenDocument table, a row a line, cells separated by " | ". A cell without a typed value
    (an Impress table's, a text cell Google Docs wrote) is read from its paragraphs."""
    rows = []
    for values, cells in zip(table.get_values(), table.get_cells()):
        rows.append(" | ".join(" ".join(str(value if value is not None else " ".join(
            p.text_recursive for p in cell.children if p.tag in {"text:p", "text:h"})).split())
            for value, cell in zip(values, cells)))
    return "\n".join(rows)


def _odt_list(element) -> list[str]:
    items = []
    for item in element.children:
        for part in item.children:
            if part.tag == "text:list":
                items.extend(_odt_list(part))
            elif part.tag in {"text:p", "text:h"} and part.text_recursive.strip():
                items.append("- " + part.text_recursive.strip())
    return items


def read_rtf(data: bytes) -> tuple[str, dict]:
    """Rich Text Format (older council systems export it): each paragraph on its own, table
    rows as " | "-separated cells. Characters outside the file's code page come from its
    \\u escapes; the code page is the one the file declares (Windows-1252 by default)."""
    from striprtf.striprtf import rtf_to_text

    head = data[:64].lstrip(b"\xef\xbb\xbf \r\n\t")
    if not head.startswith(b"{\\rtf"):
        raise SkipFile("not an RTF file (it does not start with {\\rtf)")
    codepage = re.search(rb"\\ansicpg(\d+)", data[:2000])
    encoding = f"cp{int(codepage.group(1))}" if codepage else "cp1252"
    try:
        text = rtf_to_text(data.decode(encoding, errors="replace"), encoding=encoding, errors="replace")
    except LookupError:  # a code page Python does not know
        text = rtf_to_text(data.decode("cp1252", errors="replace"), errors="replace")
    lines = [re.sub(r"\s*\|\s*$", "", line).replace("|", " | ") if line.rstrip().endswith("|") else line
             for line in text.split("\n")]
    return reflow_printed_lines(_rtf_paragraphs(lines)), {}


def _rtf_paragraphs(lines: list[str]) -> str:
    """RTF paragraph marks become blank lines; a table's rows stay together."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        in_table = " | " in line
        if out and not (in_table and " | " in out[-1]):
            out.append("")
        out.append(line.strip() if in_table else line.rstrip())
    return "\n".join(out)


# ---------------------------------------------------------------- slides


_SLIDE_FURNITURE = {"FOOTER", "DATE", "SLIDE_NUMBER", "HEADER"}


def read_pptx(data: bytes) -> tuple[str, dict]:
    """Slides as an agenda pack publishes them: each slide's title as a heading line, body
    text paragraphs as "- " bullets, text boxes as paragraphs and tables as " | " rows, shapes
    in reading order (top to bottom, left to right), then the slide's speaker notes under "Speaker
    notes:" (officers presenting to a board write the fuller proposals there); a text box repeated on
    most slides (a footer, "OFFICIAL") is dropped."""
    import zipfile

    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

    try:
        slides = list(Presentation(io.BytesIO(data)).slides)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise SkipFile(f"not a PowerPoint file (.pptx) that can be read ({exc.__class__.__name__}) — a broken download?") from None
    return _slides_text([[block for shape in _reading_order(slide.shapes) for block in _shape_blocks(shape)]
                         + _speaker_notes(slide) for slide in slides])


def _speaker_notes(slide) -> list[tuple[str, str]]:
    """A slide's speaker notes, as (text, role) blocks after the slide's own: a "Speaker notes:" line
    over their paragraphs. Officers presenting to a board write there what they say: the fuller
    proposals, and what the board agreed."""
    if not slide.has_notes_slide:
        return []
    frame = slide.notes_slide.notes_text_frame
    return _notes_blocks([" ".join(p.text.split()) for p in frame.paragraphs] if frame is not None else [])


def _notes_blocks(paragraphs: list[str]) -> list[tuple[str, str]]:
    """A slide's notes paragraphs under a "Speaker notes" line, as (text, role) blocks."""
    paragraphs = [p for p in paragraphs if p]
    return [("Speaker notes", "notes"), *((p, "notes") for p in paragraphs)] if paragraphs else []


def _slides_text(blocks: list[list[tuple[str, str]]]) -> tuple[str, dict]:
    """A deck's text from each slide's (text, role) blocks: a text box repeated on most slides (a
    footer, "OFFICIAL") is dropped."""
    repeated = Counter(key for slide in blocks for key in {_line_key(t) for t, role in slide if role == "box"})
    furniture = {key for key, n in repeated.items() if len(blocks) >= 3 and n > len(blocks) / 2}  # "… | 7": numbers aside
    text = "\n\n".join("\n\n".join(t for t, role in slide if role != "box" or _line_key(t) not in furniture)
                         for slide in blocks)
    if not text.strip():
        raise SkipFile("the slides have no text (pictures only? OCR not supported)")
    return text, {}


def _bullet_mark(paragraph) -> bool | None:
    """Whether a slide paragraph's own formatting gives it a bullet (a bullet character or an
    automatic number: True; "no bullet": False), or None when it takes its placeholder's. Slides
    converted from .ppt keep their bullets this way, in plain text boxes."""
    ppr = paragraph._p.pPr
    if ppr is None:
        return None
    tags = {child.tag.rsplit("}", 1)[-1] for child in ppr}
    if tags & {"buChar", "buAutoNum", "buBlip"}:
        return True
    return False if "buNone" in tags else None


#: A text box's first line that names what the box holds: a few words, no sentence, no number.
_CAPTION = re.compile(r"(?![-•(\d])[^.!?;|]{2,50}?:?")


def read_ppt(data: bytes) -> tuple[str, dict]:
    """Old PowerPoint 97-2003 slides (.ppt), read as the .pptx they convert to (ppt2pptx, pure
    Python): see :func:`read_pptx`."""
    from ppt2pptx import convert
    from ppt2pptx.errors import EncryptedPresentationError, Ppt2PptxError

    pptx_bytes = _converted(data, ".ppt", ".pptx", convert, EncryptedPresentationError, Ppt2PptxError,
                            "PowerPoint 97-2003 slides", "old PowerPoint (.ppt) slides", "save them as .pptx or PDF")
    return read_pptx(pptx_bytes)


def read_odp(data: bytes) -> tuple[str, dict]:
    """OpenDocument slides (.odp: LibreOffice Impress, or Google Slides downloaded), read as
    :func:`read_pptx` reads a deck: each slide's title a heading line, outline points "- "
    bullets, text boxes paragraphs, tables " | " rows, shapes in reading order, then the speaker
    notes; slide numbers, dates and footers are not read."""
    document = _open_document(data, {"presentation", "presentation-template"}, "slides", "slides")
    return _slides_text([[block for shape in _odp_order(page.children) for block in _odp_blocks(shape)] + _odp_notes(page)
                         for page in document.body.get_draw_pages()])


def _odp_notes(page) -> list[tuple[str, str]]:
    """A slide's speaker notes (``presentation:notes``), as :func:`_speaker_notes` gives a .pptx slide's."""
    paragraphs = [text for notes in page.children if notes.tag == "presentation:notes"
                  for frame in notes.children if frame.get_attribute("presentation:class") == "notes"
                  for box in frame.children if box.tag == "draw:text-box"
                  for text, _, _ in _odp_paragraphs(box) if text]
    return _notes_blocks(paragraphs)


#: A slide frame's presentation class, as the kind read_pptx knows it by; the furniture's are not read.
_ODP_KINDS = {"title": "TITLE", "subtitle": "SUBTITLE", "outline": "BODY", "text": "BODY", "object": "OBJECT"}
_ODP_FURNITURE = {"footer", "header", "date-time", "page-number", "notes", "page", "handout"}
#: Drawing shapes that can hold a slide's text (a frame, a text box drawn on the slide, a group).
_ODP_SHAPES = {"draw:frame", "draw:custom-shape", "draw:rect", "draw:g", "draw:ellipse", "draw:polygon",
               "draw:path", "draw:caption"}


def _odp_order(elements) -> list:
    shapes = [e for e in elements if e.tag in _ODP_SHAPES]
    return sorted(shapes, key=_odp_position)


def _odp_position(element) -> tuple[float, float]:
    """(top, left) of a shape in centimetres; a group's is its top-left member's."""
    if element.tag == "draw:g":
        return min((_odp_position(e) for e in element.children if e.tag in _ODP_SHAPES), default=(0.0, 0.0))
    return _length_cm(element.get_attribute("svg:y")), _length_cm(element.get_attribute("svg:x"))


_UNITS_CM = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96}


def _length_cm(value) -> float:
    match = re.fullmatch(r"\s*(-?[\d.]+)\s*([a-z]*)\s*", str(value or ""))
    if not match:
        return 0.0
    try:
        return float(match.group(1)) * _UNITS_CM.get(match.group(2), 1.0)
    except ValueError:
        return 0.0


def _odp_blocks(shape) -> list[tuple[str, str]]:
    """(text, role) blocks of one ODP shape, as :func:`_shape_blocks` gives them for a .pptx one."""
    if shape.tag == "draw:g":
        return [b for inner in _odp_order(shape.children) for b in _odp_blocks(inner)]
    cls = shape.get_attribute("presentation:class") or ""
    if cls in _ODP_FURNITURE:
        return []
    for child in shape.children:
        if child.tag == "table:table":
            return [("\n".join(r for r in _odf_table(child).split("\n") if r.strip(" |")), "body")]
    boxes = [c for c in shape.children if c.tag == "draw:text-box"] or [shape]  # a drawn shape holds its text itself
    lines = [line for box in boxes for line in _odp_paragraphs(box)]
    kind = _ODP_KINDS.get(cls, "")
    return _paragraph_blocks([t for t, _, _ in lines], [lv for _, lv, _ in lines], [m for _, _, m in lines],
                             kind, "body" if cls else "box")


def _odp_paragraphs(element, level: int = -1) -> list[tuple[str, int, bool | None]]:
    """(text, outline level, bullet mark) of the paragraphs in a text box: a list's items are
    bulleted at their nesting depth, a paragraph outside a list takes its frame's default."""
    out = []
    for child in element.children:
        if child.tag in {"text:p", "text:h"}:
            out.append((" ".join(child.text_recursive.split()), max(level, 0), True if level >= 0 else None))
        elif child.tag in {"text:list", "text:list-item", "text:list-header"}:
            out.extend(_odp_paragraphs(child, level + (child.tag == "text:list")))
    return out


def _reading_order(shapes) -> list:
    return sorted(shapes, key=lambda s: (s.top if s.top is not None else 0, s.left if s.left is not None else 0))


def _shape_blocks(shape) -> list[tuple[str, str]]:
    """(text, role) blocks of one shape, role "title", "body" (placeholders, tables) or "box"
    (a text box, which may be furniture); groups are read through."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        return [b for inner in _reading_order(shape.shapes) for b in _shape_blocks(inner)]
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = [" | ".join(" ".join(cell.text.split()) for cell in row.cells) for row in shape.table.rows]
        return [("\n".join(r for r in rows if r.strip(" |")), "body")]
    if not shape.has_text_frame:
        return []
    kind = shape.placeholder_format.type.name if shape.is_placeholder and shape.placeholder_format.type else ""
    if kind in _SLIDE_FURNITURE:
        return []
    paragraphs = [" ".join(p.text.split()) for p in shape.text_frame.paragraphs]
    levels = [p.level for p in shape.text_frame.paragraphs]
    marks = [_bullet_mark(p) for p in shape.text_frame.paragraphs]  # True / False as the paragraph says, or None
    return _paragraph_blocks(paragraphs, levels, marks, kind, "body" if shape.is_placeholder else "box")


def _paragraph_blocks(paragraphs: list[str], levels: list[int], marks: list[bool | None], kind: str,
                      role: str) -> list[tuple[str, str]]:
    """(text, role) blocks of one slide shape's paragraphs (with their outline levels and bullet
    marks): a title is one heading line, a body's points "- " bullets, a sub-point folded into
    the bullet it says more about, and a text box's caption over its points made their lead-in."""
    if kind in {"TITLE", "CENTER_TITLE", "VERTICAL_TITLE"}:
        title = " ".join(p for p in paragraphs if p)
        return [(title, "title")] if title else []
    bulleted = kind in {"BODY", "OBJECT", "VERTICAL_BODY", "VERTICAL_OBJECT"}
    filled = [(p, level) for p, level in zip(paragraphs, levels) if p]
    first_mark = next((m for p, m in zip(paragraphs, marks) if p), None)
    if role == "box" and len(filled) >= 2 and _CAPTION.fullmatch(filled[0][0]) and len(filled[0][0].split()) <= 6 \
            and not any(level for _, level in filled) and not first_mark:
        # a text box with a caption over its points ("Keep" / "Too many groups" over the text): the caption
        # introduces them as a lead-in does
        caption = filled[0][0] if filled[0][0].endswith(":") else f"{filled[0][0]}:"
        return [(caption, role)] + [(f"- {p}", role) for p, _ in filled[1:]]
    out: list[tuple[str, str]] = []
    parent = None  # the level of the last bullet a sub-point can belong to
    for p, level, mark in zip(paragraphs, levels, marks):
        if not p:
            continue
        numbered = bool(re.match(r"(?:\(?[a-z0-9]{1,3}[.)]|\d{1,2}\.\d{1,2})\s", p, re.I))  # "a) …", "1. …", "(ii) …"
        if parent is not None and level > parent and not out[-1][0].endswith(":") and not numbered:
            out[-1] = (f"{out[-1][0]}\n{p}", role)  # a sub-point says more about its bullet ("Option A …" / "Least disruption")
            continue
        pointed = mark if mark is not None else bool(bulleted or level)
        out.append((("- " if pointed and not numbered else "") + p, role))
        parent = level if pointed else None
    return out


# ---------------------------------------------------------------- spreadsheets

#: Rows read from one sheet: a tracker or log has tens or hundreds; a sheet of data has more, and
#: holds no recommendation.
SHEET_ROWS = 2000


def read_xlsx(data: bytes) -> tuple[str, dict]:
    """An Excel workbook (.xlsx, .xlsm): each visible sheet under "Sheet: <name>", its rows as
    " | " lines (the way a Word table is read), a row with one filled cell (a title, a note) as
    a paragraph of its own; hidden sheets, rows and columns are not read, dates are written
    as dates."""
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise SkipFile(f"not an Excel workbook openpyxl can read ({exc.__class__.__name__})") from None
    sheets = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        hidden = {key for key, dim in sheet.column_dimensions.items() if dim.hidden}
        rows = []
        for row in sheet.iter_rows():
            if sheet.row_dimensions[row[0].row].hidden if row else False:
                continue
            rows.append([cell.value for cell in row if getattr(cell, "column_letter", None) not in hidden])
        sheets.append((sheet.title, rows))
    return _sheets_text(sheets)


def read_xls(data: bytes) -> tuple[str, dict]:
    """An old Excel 97-2003 workbook (.xls, xlrd), read as :func:`read_xlsx` reads a workbook."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct.error … for a damaged file
        raise SkipFile(f"an old Excel (.xls) file that could not be read ({exc.__class__.__name__}: {exc}) — "
                       "save it as .xlsx") from None
    sheets = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        if sheet.visibility:  # hidden or very hidden
            continue
        hidden = {c for c, info in sheet.colinfo_map.items() if info.hidden}
        rows = []
        for r in range(sheet.nrows):
            if r in sheet.rowinfo_map and sheet.rowinfo_map[r].hidden:
                continue
            rows.append([_xls_value(book, cell) for c, cell in enumerate(sheet.row(r)) if c not in hidden])
        sheets.append((sheet.name, rows))
    return _sheets_text(sheets)


def _xls_value(book, cell):
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError):
            return cell.value
    return cell.value if cell.ctype not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR) else None


def read_ods(data: bytes) -> tuple[str, dict]:
    """An OpenDocument spreadsheet (.ods), read as :func:`read_xlsx` reads a workbook."""
    import zipfile

    from odfdo import Document

    try:
        document = Document(io.BytesIO(data))
        tables = document.body.get_tables() if document.get_type() == "spreadsheet" else None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise SkipFile(f"not an OpenDocument spreadsheet odfdo can read ({exc.__class__.__name__})") from None
    if tables is None:
        raise SkipFile(f"an OpenDocument {document.get_type()}, not a spreadsheet")
    return _sheets_text([(table.name, table.get_values()) for table in tables])


def read_csv(data: bytes, delimiter: str | None = None) -> tuple[str, dict]:
    """A table saved as comma- (or semicolon-, tab-, bar-) separated values, such as a decisions
    register exported from a committee system: its rows as :func:`read_xlsx` reads a sheet's."""
    import csv

    text = decode_text(data)
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise SkipFile(f"a table of separated values that could not be read ({exc})") from None
    return _sheets_text([("", rows)], titled=False)


def read_tsv(data: bytes) -> tuple[str, dict]:
    """Tab-separated values, read as :func:`read_csv` reads them."""
    return read_csv(data, "\t")


#: A record's field that names it (its title in a list of decisions), by the field's name in words.
_TITLE_FIELD = re.compile(r"^(?:(?:item|decision|report|record|entry|agenda item) )?(?:title|subject|name|heading)$")
#: A field whose value is the record's number or reference, shown before its title ("7. Review of …").
_NUMBER_FIELD = re.compile(r"^(?:agenda )?(?:item(?: number| no)?|item ref(?:erence)?|minute(?: number| no)?|number|no)$")
#: A value that is a link, not text a reader reads.
_LINK_VALUE = re.compile(r"^(?:https?|ftp|mailto):\S+$", re.I)
#: A value this long (in words) is prose, written as a paragraph under its field's name.
PROSE_WORDS = 8


def read_json(data: bytes) -> tuple[str, dict]:
    """An export of records as JSON (an open-data portal's dataset, a committee system's API, a
    dashboard's download; JSON Lines too), written the way a decisions feed is read
    (:func:`read_feed`): the export's own description first (its title, publisher, licence:
    "Field: value" lines), then each record as a block of its own — its title (after its item
    number), "Published: <date>" when it has a date, its short fields as "Field: value" lines, and
    each field of prose (a decision's text, a summary) as a paragraph under the field's name. The
    records are the longest list of objects in the file, wherever it sits; field names are written
    as words ("decision_text", "callInDeadline" → "Decision text", "Call in deadline"); links are
    left out, lists of values are joined with "; "."""
    text = decode_text(data)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            value = [json.loads(line) for line in lines]
        except json.JSONDecodeError:
            raise SkipFile(f"not JSON that can be read ({exc.msg}, line {exc.lineno} column {exc.colno})") from None
    path, records = _json_records(value)
    about = _json_fields(_json_outside(value, path)) if path is not None else []
    parts = ["\n".join(f"{key}: {text}" for key, text in about if text)]
    dates = []
    for record in records:
        block, date = _json_record(record)
        if date:
            dates.append(date)
        parts.append(block)
    if path is None:  # no list of records: every string in the file, in its order
        parts = [_json_prose(value)]
    body = "\n\n".join(p for p in parts if p.strip())
    if not body.strip():
        raise SkipFile("a JSON file with no text in it")
    hints = {}
    named = next((v for k, v in about if _TITLE_FIELD.match(k.lower()) or k.lower() in {"dataset", "dataset title"}), None)
    if named:
        hints["title"] = named
    if dates:
        hints["date"] = max(dates)
    return body, hints


def _json_records(value, path=()) -> tuple[tuple | None, list[dict]]:
    """The path to the longest list of objects in a JSON value, and the list (None, [] without one)."""
    best: tuple[tuple | None, list[dict]] = (None, [])
    if isinstance(value, list) and value and sum(isinstance(v, dict) for v in value) >= max(1, len(value) // 2):
        best = (path, [v for v in value if isinstance(v, dict)])
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    if best[0] is None:
        for key, child in children:
            found = _json_records(child, (*path, key))
            if len(found[1]) > len(best[1]):
                best = found
    return best


def _json_outside(value, path: tuple):
    """A JSON value without what lies on ``path`` and below it: the export's description around its records."""
    if not path or not isinstance(value, dict):
        return {} if not path else value if not isinstance(value, list) else {}
    return {k: (_json_outside(v, path[1:]) if k == path[0] else v) for k, v in value.items()
            if k != path[0] or len(path) > 1}


def _words(key: str) -> str:
    """A field's name written as words: "decision_text" → "Decision text", "callInDeadline" → "Call in deadline"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", str(key))
    spaced = " ".join(re.sub(r"[_\-.]+", " ", spaced).split())
    return spaced[:1].upper() + spaced[1:].lower() if spaced else ""


def _json_scalar(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return "" if _LINK_VALUE.match(text) else text


def _json_fields(value, prefix: str = "") -> list[tuple[str, str]]:
    """(field name in words, text) for each field of an object, nested objects' fields named after
    their parent's ("Publisher name"); a list of values or of small objects joined with "; "."""
    if not isinstance(value, dict):
        return [(prefix or "Value", _json_prose(value))] if value not in (None, "", [], {}) else []
    out = []
    for key, item in value.items():
        name = f"{prefix} {_words(key).lower()}".strip().capitalize() if prefix else _words(key)
        if isinstance(item, dict):
            out.extend(_json_fields(item, name))
        elif isinstance(item, list):
            joined = "; ".join(t for t in (_json_inline(v) for v in item) if t)
            if joined:
                out.append((name, joined))
        else:
            scalar = _json_scalar(item)
            if scalar:
                out.append((name, scalar))
    return out


def _json_inline(value) -> str:
    """A list's member as a short text: a value, or an object's values ("Report to Cabinet (PDF)")."""
    if isinstance(value, dict):
        texts = [_json_inline(v) for v in value.values()]
        texts = [t for t in texts if t]
        return f"{texts[0]} ({', '.join(texts[1:])})" if len(texts) > 1 else (texts[0] if texts else "")
    if isinstance(value, list):
        return "; ".join(t for t in map(_json_inline, value) if t)
    return _json_scalar(value)


def _json_prose(value) -> str:
    """Every string in a JSON value, in its order, one paragraph each."""
    if isinstance(value, dict):
        return "\n\n".join(t for t in map(_json_prose, value.values()) if t)
    if isinstance(value, list):
        return "\n\n".join(t for t in map(_json_prose, value) if t)
    return _json_scalar(value)


def _json_record(record: dict) -> tuple[str, str | None]:
    """A record's block (see :func:`read_json`) and its date (ISO), if it has one."""
    fields = _json_fields(record)
    title = next(((k, v) for k, v in fields if _TITLE_FIELD.match(k.lower())), None)
    number = next(((k, v) for k, v in fields if _NUMBER_FIELD.match(k.lower()) and len(v) <= 12), None)
    dated = [(k, d) for k, v in fields if (d := _iso_date(v) if re.match(r"\d{4}-\d{2}-\d{2}", v) else None)]
    date = next((d for k, d in dated if "date" in k.lower() or "meeting" in k.lower()), dated[0][1] if dated else None)
    head = []
    if title:
        head.append(f"{number[1].rstrip('.')}. {title[1]}" if number and re.fullmatch(r"\d{1,3}[a-z]?", number[1]) else
                    f"{number[1]} {title[1]}" if number else title[1])
    if date:
        head.append(f"Published: {date}")
    short, prose = [], []
    for key, text in fields:
        if (key, text) in (title, number):
            continue
        if len(text.split()) >= PROSE_WORDS and re.search(r"[a-z]{3}", text):
            prose.append(f"{key}\n\n{text}")
        else:
            short.append(f"{key}: {text}")
    blocks = head + (["\n".join(short)] if short else []) + prose
    return "\n\n".join(blocks), date


def _sheets_text(sheets: list[tuple[str, list[list]]], titled: bool = True) -> tuple[str, dict]:
    """Each sheet under "Sheet: <name>" (when ``titled``): rows of two or more cells as " | "
    table rows, a row with one filled cell as a paragraph, the first :data:`SHEET_ROWS` filled rows."""
    blocks, cut = [], []
    for name, rows in sheets:
        cells = [[_cell_text(value) for value in row] for row in rows]
        cells = [row[: max((i + 1 for i, c in enumerate(row) if c), default=0)] for row in cells]
        filled = [i for i, row in enumerate(cells) if row]
        if not filled:
            continue
        if len(filled) > SHEET_ROWS:
            cut.append(f"{name!r} ({len(filled)} rows)" if titled else f"the table ({len(filled)} rows)")
        if titled:
            blocks.append(f"Sheet: {name}")
        table: list[str] = []
        for row in cells[: filled[min(len(filled), SHEET_ROWS) - 1] + 1]:
            if sum(bool(c) for c in row) > 1:
                table.append(" | ".join(row))
                continue
            if table:
                blocks.append("\n".join(table))
                table = []
            if row:
                blocks.append(next(c for c in row if c))
        if table:
            blocks.append("\n".join(table))
    if not blocks:
        raise SkipFile("a spreadsheet with no text in it" if titled else "a table with no text in it")
    hints = {"warning": f"only the first {SHEET_ROWS} rows read of " + ("sheet(s) " if titled else "") + ", ".join(cut)} if cut else {}
    return "\n\n".join(blocks), hints


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


# ---------------------------------------------------------------- e-mail and saved web pages


def _mime(data: bytes):
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.default)
    if not message.keys():
        raise SkipFile("not a MIME message (no headers)")
    return message


def _part_text(part) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeError, AssertionError):  # an unknown charset or a broken encoding
        return decode_text(part.get_payload(decode=True) or b"")


def read_mhtml(data: bytes) -> tuple[str, dict]:
    """A web page a browser saved as one file ("Webpage, Single File", .mhtml/.mht): its HTML
    part, read as a web page; the address it was saved from is kept as a hint."""
    message = _mime(data)
    html = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if html is None:
        raise SkipFile("a saved web page (.mhtml) without an HTML part")
    text, hints = read_html(_part_text(html).encode("utf-8"), page_councils=True)
    url = message.get("Snapshot-Content-Location") or html.get("Content-Location") or ""
    url = url.strip()
    if not url.startswith("http"):
        return text, hints
    return text, {**hints, "source_url": url, "host": _url_host(url)}


def _url_host(url: str) -> str:
    """The host of an http(s) address, lower case: "https://Democracy.Example.gov.uk/x" → "democracy.example.gov.uk"."""
    return re.sub(r"^https?://([^/:?#]+).*$", r"\1", url).lower()


def read_eml(data: bytes) -> tuple[str, dict]:
    """An e-mail saved from a mail client (.eml): its subject as the title, sender and date,
    the body (the plain-text version, else the HTML one), then each attachment that can be
    read, under "Attachment: <name>". Attachments that cannot be read are named in a warning;
    pictures (logos, signatures) are passed over."""
    return _read_mail(_mime(data))


#: The Outlook property holding a message body as compressed rich text (MS-OXPROPS PidTagRtfCompressed).
_PID_RTF_COMPRESSED = 0x1009


def read_msg(data: bytes) -> tuple[str, dict]:
    """An Outlook message (.msg), read as :func:`read_eml` reads an e-mail: python-oxmsg opens the
    Outlook file, and its subject, sender, date, body and attachments are put into an e-mail
    message. A body Outlook kept only as compressed rich text is decompressed (compressed-rtf) and
    read as RTF; an Outlook item attached inside the message is named in the warning, not read."""
    from email.message import EmailMessage
    from email.utils import format_datetime

    import oxmsg

    try:
        outlook = oxmsg.Message.load(data)
        body, html, attachments = outlook.body, outlook.html_body, outlook.attachments
        rich = None if body or html else outlook.properties.binary_prop_value(_PID_RTF_COMPRESSED)
    except Exception as exc:  # olefile and oxmsg raise many kinds on a file that is not an Outlook item
        raise SkipFile(f"an Outlook message that cannot be read ({exc.__class__.__name__}: {exc})") from None
    message = EmailMessage()
    for name, value in (("Subject", outlook.subject), ("From", outlook.sender),
                        ("Date", format_datetime(outlook.sent_date) if outlook.sent_date else None)):
        if value:
            message[name] = " ".join(str(value).split())
    unread, problem = [], ""
    if rich is not None:
        body, problem = _outlook_rich_text(rich)
    if body:
        message.set_content(body)
    elif html:
        message.set_content(html, subtype="html")
    else:
        message.set_content("")
    for attachment in attachments:
        try:
            name, content = attachment.file_name, attachment.file_bytes if attachment.attached_by_value else None
            kind = (attachment.mime_type or "").split("/")
        except Exception as exc:  # a damaged attachment storage
            unread.append(f"an attachment ({exc.__class__.__name__})")
            continue
        if content is None:
            unread.append(f"{name or 'an Outlook item'} (an Outlook item attached inside the message)")
            continue
        kind = kind if len(kind) == 2 and all(kind) else ["application", "octet-stream"]
        message.add_attachment(content, maintype=kind[0], subtype=kind[1], filename=name or "attachment")
    text, hints = _read_mail(message, unread)
    if problem:
        hints["warning"] = "; ".join(w for w in (problem, hints.get("warning")) if w)
    return text, hints


def _outlook_rich_text(compressed: bytes) -> tuple[str, str]:
    """The text of a body Outlook kept only as compressed rich text (RTF), read as an RTF file
    is, or an empty body and what went wrong."""
    from compressed_rtf import decompress

    try:
        return read_rtf(decompress(compressed))[0], ""
    except Exception as exc:  # compressed_rtf raises on a damaged stream; read_rtf on what is not RTF
        return "", f"the body, kept only as compressed rich text, could not be read ({exc})"


def _read_mail(message, unread: list[str] | None = None) -> tuple[str, dict]:
    """The text and hints of a parsed e-mail message (see :func:`read_eml`)."""
    head = [str(message.get("Subject") or "").strip()]
    head += [f"{name}: {str(message[name]).strip()}" for name in ("From", "Date") if message.get(name)]
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        text = ""
    elif body.get_content_type() == "text/html":
        text = _html_every_block(_part_text(body))
    else:
        text = _part_text(body)
    parts, unread = ["\n".join(h for h in head if h), text], list(unread or [])
    for attachment in message.iter_attachments():
        name = attachment.get_filename() or attachment.get_content_type()
        if attachment.get_content_maintype() == "image":
            continue
        payload = attachment.get_content()
        payload = payload.as_bytes() if hasattr(payload, "as_bytes") else payload
        payload = payload.encode("utf-8") if isinstance(payload, str) else payload
        suffix, why = file_format(Path(name).suffix.lower(), payload)
        if suffix is None:
            unread.append(f"{name} ({why.removeprefix('unsupported format: ')})")
            continue
        try:
            parts.append(f"Attachment: {name}\n\n{READERS[suffix](payload)[0]}")
        except SkipFile as exc:
            unread.append(f"{name} ({exc})")
    parts[1] = _without_signature(_unquoted(parts[1].replace("\r\n", "\n")))
    if not any(p.strip() for p in parts[1:]):
        raise SkipFile("an e-mail without a body or a readable attachment")
    hints = {"title": head[0]} if head[0] else {}
    sent = _mail_date(message.get("Date"))
    if sent:
        hints["date"] = sent
    sender = re.search(r"@([\w.-]+)", str(message.get("From") or ""))
    if sender:
        hints["host"] = sender.group(1).lower()
    if unread:
        hints["warning"] = "attachment(s) not read: " + "; ".join(unread)
    return "\n\n".join(p.strip() for p in parts if p.strip()), hints


_SIGN_OFF = re.compile(
    r"^(?:-- ?|(?:[^\n/]{1,40}/\s*)?(?:(?:kind(?:est)?|best|warm(?:est)?|many)? ?regards,?|(?:many )?thanks,?|thank you,?|best wishes,?)|"
    r"yours (?:sincerely|faithfully),?|sent from my \w+.*)$",
    re.IGNORECASE | re.MULTILINE,
)


#: The most lines a signature block (name, title, address, telephone, disclaimer) runs to.
SIGNATURE_LINES = 25


#: Where an earlier message of a thread starts below a reply: "On Tue, 12 Mar 2024, Sam wrote:",
#: "-----Original Message-----", "---------- Forwarded message ---------", Outlook's rule and "From:" block.
_EARLIER_MESSAGE = re.compile(
    r"^(?:On .{5,200}wrote:\s*$|-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}\s*$|Begin forwarded message:\s*$|"
    r"_{10,}\s*$|From:\s.+\n(?:Sent|Date):\s)", re.IGNORECASE | re.MULTILINE)


def _unquoted(body: str) -> str:
    """A plain-text body with the quote marks of the earlier messages a reply carries taken off
    ("> The Board agreed …", ">> …"): they are read as the text they quote."""
    return re.sub(r"^(?:>[ \t]?)+", "", body, flags=re.MULTILINE)


def _without_signature(body: str) -> str:
    """The body without its sign-offs and what follows each (name, job title, address, telephone,
    the confidentiality notice): from a "Kind regards," that only a signature follows (at most
    ``SIGNATURE_LINES`` lines) to the end of the message, or to the earlier message the reply
    quotes below it, which is kept."""
    cuts: list[tuple[int, int]] = []
    for m in _SIGN_OFF.finditer(body):
        if cuts and m.start() < cuts[-1][1]:
            continue
        earlier = _EARLIER_MESSAGE.search(body, m.end())
        stop = earlier.start() if earlier else len(body)
        if body[m.end():stop].strip().count("\n") < SIGNATURE_LINES:
            cuts.append((m.start(), stop))
    for start, stop in reversed(cuts):
        body = body[:start] + body[stop:]
    return body


def read_feed(data: bytes) -> tuple[str, dict]:
    """A news or decisions feed (RSS or Atom: ModernGov publishes each committee's decisions as
    one): the feed's title, then each entry in the feed's order as a block of its own — its
    title, the date it was published, and its text (the description or content, whose HTML is
    read block by block). The bytes are parsed as they are (feedparser); nothing is fetched."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        raise SkipFile("an XML file that is not a news or decisions feed (RSS or Atom) — not read")
    if not parsed.entries:
        raise SkipFile("a feed without entries")
    title = " ".join(str(parsed.feed.get("title") or "").split())
    parts, dates = [title], []
    for entry in parsed.entries:
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        if when:
            dates.append(f"{when.tm_year:04d}-{when.tm_mon:02d}-{when.tm_mday:02d}")
        block = [" ".join(str(entry.get("title") or "").split()),
                 f"Published: {dates[-1]}" if when else "",
                 (_html_every_block(html) if "<" in html else html).strip()]
        parts.append("\n\n".join(b for b in block if b))
    hints = {"title": title} if title else {}
    if dates:
        hints["date"] = max(dates)
    link = str(parsed.feed.get("link") or "")
    if link.startswith("http"):
        hints["host"] = _url_host(link)
    return "\n\n".join(p for p in parts if p), hints


def _mail_date(value) -> str | None:
    """The ISO date of an e-mail's Date header, if it can be read."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(str(value)).date().isoformat() if value else None
    except (TypeError, ValueError, IndexError):
        return None


def _html_every_block(html: str) -> str:
    """The text of a piece of HTML with no page around it (an e-mail body, a Word file's HTML chunk):
    every block, since there is no page furniture for trafilatura to find and it may drop the whole
    piece as boilerplate."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    return _tree_every_block(tree)


def _tree_every_block(tree) -> str:
    """:func:`_html_every_block` on a parsed tree (which it changes)."""
    for bad in tree.xpath("//script|//style|//head"):
        bad.drop_tree()
    number_ordered_lists(tree)
    data_cells = {cell for cell in tree.xpath("//td|//th") if _data_cell(cell)}
    for block in tree.xpath("//p|//div|//li|//tr|//td|//th|//h1|//h2|//h3|//h4|//h5|//h6|//br|//table|//ul|//ol"):
        if block in data_cells:  # a row's cells on one line, " | " between them
            block.tail = " | " + (block.tail or "")
            for inner in block.xpath(".//p|.//div|.//br|.//li"):
                inner.tail = " " + (inner.tail or "")
            continue
        if any(a in data_cells for a in block.iterancestors()):
            continue
        block.tail = ("\n\n" if block.tag not in {"br", "tr"} else "\n") + (block.tail or "")
        if block.tag == "li" and block.getparent() is not None and block.getparent().tag != "ol":  # an <ol>'s are numbered
            block.text = "- " + (block.text or "")
    text = tree.text_content()
    lines = [re.sub(r"[ \t]*\|[ \t]*$", "", line) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _data_cell(cell) -> bool:
    """Whether a table cell holds data, read on one line with the rest of its row, rather than
    laying out a page: a newsletter e-mail is built of tables whose rows have one cell, or
    whose cells hold headings and tables of their own; such cells are read as blocks."""
    row = cell.getparent()
    if row is None or sum(1 for c in row if c.tag in {"td", "th"}) < 2:
        return False
    return not cell.xpath(".//table|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6")


def read_plain(data: bytes) -> tuple[str, dict]:
    text = decode_text(data)
    return transcript_turns(strip_text_pages(text) if "\f" in text else text)


#: A Markdown file's front matter: YAML between "---" lines at the very top (a wiki's or a static site's page).
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def read_markdown(data: bytes) -> tuple[str, dict]:
    """A Markdown page (a wiki's, a knowledge base's or a repository's export): written as the page
    shows it, not as its source is typed — headings, paragraphs whose hard-wrapped lines join,
    numbered and bulleted lists, pipe tables as rows of " | " cells, blockquotes; link targets,
    emphasis marks and task-list boxes go, and struck-through text (``~~…~~``) is left out, as a
    deleted passage is. The YAML front matter is not text: its title and date are hints."""
    import lxml.html
    import mistune

    text = decode_text(data)
    hints: dict = {}
    front = _FRONT_MATTER.match(text)
    if front:
        text = text[front.end():]
        fields = _front_matter(front.group("yaml"))
        for key, names in (("title", ("title", "name")), ("date", ("date", "last_updated", "updated", "modified", "last_modified"))):
            value = next((fields[n] for n in names if fields.get(n) not in (None, "")), None)
            if key == "date" and value is not None:
                value = _iso_date(value)
            if value:
                hints[key] = " ".join(str(value).split())
    render = mistune.create_markdown(plugins=["table", "strikethrough", "task_lists", "footnotes"], escape=False)
    html = render(text)
    try:
        tree = lxml.html.fromstring(f"<div>{html}</div>")
    except (ValueError, lxml.etree.ParserError):
        return transcript_turns(text)
    for struck in tree.xpath("//del"):
        struck.drop_tree()
    for listed in tree.xpath("//ul|//ol"):  # "On this page": a list of links to the page's own headings
        items = listed.xpath("./li")
        if items and all(_in_page_link(item) for item in items):
            listed.drop_tree()
    collapse_source_breaks(tree)  # a paragraph's hard-wrapped lines are one line
    for part in tree.xpath("//table|//thead|//tbody|//tfoot|//tr"):  # the renderer's indentation is not text
        part.text = part.text if (part.text or "").strip() else None
        for child in part:
            child.tail = child.tail if (child.tail or "").strip() else None
    body = _tree_every_block(tree)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(re.sub(r"[ \t]{2,}", " ", line.strip()) for line in body.split("\n"))).strip()
    if not body:
        raise SkipFile("a Markdown page with no text in it")
    return body, hints


def _in_page_link(item) -> bool:
    """Whether a list item is only a link to a heading of the same page ("[Background](#background)"),
    its sub-list of such links aside."""
    links = item.xpath("./a[starts-with(@href, '#')] | ./p/a[starts-with(@href, '#')]")
    own = "".join(t for t in item.xpath("./text() | ./p/text()")).strip()
    nested = item.xpath("./ul/li | ./ol/li")
    return bool(links) and not own and all(_in_page_link(n) for n in nested)


def _front_matter(block: str) -> dict:
    """The fields of a page's YAML front matter; {} when it does not parse as a mapping."""
    import yaml

    try:
        fields = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    return {str(k).lower().replace("-", "_").replace(" ", "_"): v for k, v in fields.items()} if isinstance(fields, dict) else {}


def _iso_date(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, a datetime or a string that starts with one."""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    found = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not found:
        return None
    try:
        return dt.date(*map(int, found.groups())).isoformat()
    except ValueError:
        return None


#: A speaker's line in a meeting transcript that Teams, Zoom or Otter exports: the name, perhaps
#: tagged "(External)" or "(Guest)", then the time into the meeting ("Andrea Kerr (External)   0:12:05").
_TRANSCRIPT_SPEAKER = re.compile(
    r"^(?P<name>[^\W\d][^\n:|]{0,80}?)(?:\s+\((?:External|Guest|Unverified|Organi[sz]er|Presenter)\))?"
    r"[ \t]+\[?(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)\]?[ \t]*$", re.MULTILINE)
#: The lines Teams writes when the transcript starts and stops.
_TRANSCRIPTION_NOTE = re.compile(r"^[^\n]{1,80}? (?:started|stopped) transcription\s*$", re.MULTILINE)
#: A transcript has a speaker's line at least this many times.
TRANSCRIPT_TURNS = 3


def transcript_turns(text: str) -> tuple[str, dict]:
    """The text of a document, and its hints; a meeting transcript (a Teams, Zoom or Otter export,
    each turn under a line with the speaker's name and the time) is written as the webcast
    captions are, one paragraph for each turn opening "Speaker: …", and read as minutes."""
    speakers = list(_TRANSCRIPT_SPEAKER.finditer(text))
    if len(speakers) < TRANSCRIPT_TURNS:
        return text, {}
    parts = [re.sub(r"\n{3,}", "\n\n", _TRANSCRIPTION_NOTE.sub("", text[: speakers[0].start()])).strip()]
    for m, after in zip(speakers, speakers[1:] + [None]):
        said = " ".join(_TRANSCRIPTION_NOTE.sub("", text[m.end() : after.start() if after else len(text)]).split())
        if said:
            parts.append(f"{m.group('name').strip()}: {said}")
    return "\n\n".join(p for p in parts if p), {"doc_type": "minutes"}


#: A paragraph that is one printed line running on into the next: it stops without closing
#: punctuation and the next paragraph goes on in lower case ("… to merge" / "the North East …"),
#: and neither is a list's item.
_RUNS_ON = re.compile(r"(?<![.!?:;,\-–—|])\s*\n\n(?!\(?[a-z]{1,4}[.)]\s)(?=[a-z])")
#: A text whose paragraphs run on into the next at least this many times, and this share of them,
#: was converted from a PDF one printed line to a paragraph.
PRINTED_RUN_ONS = 3
PRINTED_RUN_SHARE = 0.1


#: A footer line that ends with the page's number: "Angus Integration Joint Board - 25 June 2025 Page 1 of 7".
_PAGE_OF = re.compile(r"\bpage \d+ of \d+$", re.I)


def reflow_printed_lines(text: str) -> str:
    """A document converted from a PDF with every printed line made a paragraph of its own (Word's
    "Export to Word" or its PDF reflow, a copy-and-paste from a PDF), read as the PDF would be
    (:func:`clean_pdf_text`): pages end at their page numbers ("Page 3 of 9"), running headers and
    footers go, lines join into paragraphs and hyphenated words re-join. Other texts are returned
    as they are."""
    blocks = [block for block in text.split("\n\n") if block.strip()]
    if len(_RUNS_ON.findall("\n\n".join(blocks))) < max(PRINTED_RUN_ONS, PRINTED_RUN_SHARE * len(blocks)):
        return text
    pages, page = [], []
    for line in (line.strip() for block in blocks for line in block.split("\n")):
        if line:
            page.append(line)
        if _FURNITURE.fullmatch(line) or _PAGE_OF.search(line):  # the page's number: the next page starts after it
            pages.append("\n".join(page))
            page = []
    return clean_pdf_text(pages + ["\n".join(page)])


def strip_text_pages(text: str) -> str:
    """A text file printed in pages (form feeds): drop the page numbers and the running
    headers and footers repeated on most pages, and re-join a sentence that runs over a
    page break. Blank lines (the paragraph breaks) are kept."""
    pages = [page.split("\n") for page in text.split("\f")]
    if len(pages) < 2:
        return text
    zones = [[i for i, line in enumerate(lines) if line.strip()] for lines in pages]
    zones = [idx[:2] + idx[-2:] for idx in zones]  # the first and last two non-blank lines
    running = _running_keys([[lines[i] for i in zone] for lines, zone in zip(pages, zones)])
    out = ""
    for lines, zone in zip(pages, map(set, zones)):
        kept = [line for i, line in enumerate(lines)
                if not (i in zone and (_line_key(line) in running or _FURNITURE.fullmatch(line.strip())
                                       or _BARE_NUMBER.fullmatch(line.strip())))]
        body = "\n".join(kept).strip("\n")
        if body.strip():
            out = _join_page(out, body)
    return out



# ---------------------------------------------------------------- webcast captions

#: A speaker named at the start of a caption: "COUNCILLOR HUGHES:", "THE MAYOR:", "Cllr Shah:", "Chair:".
_CAPTION_SPEAKER = re.compile(
    r"(?:>>\s*)?((?:THE\s+)?[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*){0,4}"
    r"|(?:Cllr|Councillor|Alderman|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Professor)\.?\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}"
    r"|(?:The\s+)?(?:Chair|Chairman|Chairperson|Mayor|Lord Mayor|Leader|Vice[- ]Chair|Clerk|Monitoring Officer)"
    r"(?:\s+[A-Z][\w'’.\-]*){0,3})\s*:\s+(?=\S)")
#: A caption that only describes a sound ("[Applause]", "(INAUDIBLE)", "♪").
_CAPTION_SOUND = re.compile(r"\[[^\]\n]{0,60}\]|\((?:[A-Z ]{3,40}|inaudible|applause|laughter|pause|silence)\)|♪+", re.IGNORECASE)
#: A caption that starts with ">>" or "- " marks a change of speaker without naming them.
_CAPTION_TURN = re.compile(r"(?:>>|-\s)\s*")
#: The formats the captions reader reads, by suffix.
_CAPTION_FORMATS = {".vtt": "vtt", ".srt": "srt", ".sbv": "sbv"}


def read_captions(data: bytes, suffix: str = ".vtt") -> tuple[str, dict]:
    """The captions of a meeting's webcast (WebVTT ``.vtt``, SubRip ``.srt``, YouTube ``.sbv``) as a
    transcript: one paragraph for each speaker's turn, opening "Speaker: …", with the captions' line
    breaks and cue breaks undone, so a sentence that ran over several cues is one sentence again.

    A turn starts at a WebVTT voice tag naming a new speaker (``<v Cllr Amina Shah>``), at a speaker
    named before a colon ("COUNCILLOR HUGHES:", "The Chair:"), or at ">>" / "- " (the captioners'
    change of speaker). Sound descriptions ("[Applause]") are left out, and a line that rolling
    (automatic) captions repeat from the cue before is read once. The text is a meeting's record, so
    the document is read as minutes unless the manifest says otherwise."""
    from html import unescape

    import webvtt
    from webvtt.errors import MalformedFileError

    text = decode_text(data)
    try:
        captions = webvtt.from_buffer(io.StringIO(text), format=_CAPTION_FORMATS.get(suffix, "vtt"))
    except (MalformedFileError, ValueError, IndexError) as exc:
        raise SkipFile(f"not readable as {FORMAT_NAMES.get(suffix, 'captions')} ({exc or 'malformed'})") from None
    turns: list[list[str]] = []
    voice, last_line = None, ""
    for caption in captions:
        lines = [unescape(_CAPTION_SOUND.sub(" ", line)).strip() for line in caption.text.split("\n")]
        lines = [" ".join(line.split()) for line in lines if line.strip(" -")]
        while lines and lines[0] == last_line:  # rolling captions repeat the line before
            lines.pop(0)
        if not lines:
            continue
        last_line = lines[-1]
        said = " ".join(lines)
        named = _CAPTION_SPEAKER.match(said)
        unnamed = _CAPTION_TURN.match(said)
        if caption.voice and caption.voice != voice:
            voice = caption.voice
            turns.append([f"{voice}: {said}" if not named else said])
        elif named or unnamed or not turns:
            turns.append([said[unnamed.end():] if unnamed and not named else said])
        else:
            turns[-1].append(said)
    if not turns:
        raise SkipFile("captions with no text in them")
    cues = [line for turn in turns for line in turn]
    spoken = " ".join(cues)
    words = len(spoken.split())
    if words >= UNPUNCTUATED_WORDS and len(re.findall(r"[.?!](?:\s|$)", spoken)) * UNPUNCTUATED_WORDS < words:
        # automatic captions without punctuation or speakers: no sentence can be found, so the cues are grouped,
        # a few at a time, into passages of a sentence's length
        passages, words_in = [[]], 0
        for line in cues:
            passages[-1].append(line)
            words_in += len(line.split())
            if words_in >= PASSAGE_WORDS:
                passages.append([])
                words_in = 0
        # each passage opens with a capital, so that it is not read as the run-on of the one before
        return "\n\n".join(_capitalised(" ".join(p)) for p in passages if p), {"doc_type": "minutes"}
    return "\n\n".join(" ".join(turn) for turn in turns), {"doc_type": "minutes"}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


#: Captions with fewer sentence ends than one per this many words are read in passages of at least
#: ``PASSAGE_WORDS`` words, a few cues each (a line of its own would read as a heading).
UNPUNCTUATED_WORDS = 40
PASSAGE_WORDS = 22


# ---------------------------------------------------------------- images

#: Scans and photos of pages, read by OCR where Tesseract is installed: suffix → the format's name.
IMAGES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP"}


def read_image(data: bytes) -> tuple[str, dict]:
    """A scan or a photo of a page saved as an image (PNG, JPEG, TIFF, GIF, BMP), read by OCR as a
    PDF's scanned pages are: each page of a multi-page TIFF is a page of the document (at most
    ``ocr.MAX_PAGES`` of them), and the text is cleaned as a PDF's is."""
    if ocr.tesseract_version() is None:
        raise SkipFile(NOT_READ[".png"])
    try:
        pictures, total = ocr.image_pages(data, ocr.MAX_PAGES)
    except ValueError as exc:
        raise SkipFile(f"an image that could not be opened: {exc} — a broken download?") from None
    texts, empty, failed = _read_by_ocr(enumerate(pictures))
    left = list(range(len(pictures), total))
    if not texts:
        raise SkipFile("an image on which OCR found no text (a photograph or a drawing?)"
                       + "".join(f"; {note}" for note in _ocr_notes(total, {}, [], failed, left)))
    pages = [texts[i] for i in sorted(texts)]
    header = running_header([page.replace(PARA_END, "") for page in pages])
    notes = _ocr_notes(total, texts, empty, failed, left)
    return clean_pdf_text(pages), {"warning": "; ".join(notes), **({"header": header} if header else {})}


READERS: dict[str, Callable[[bytes], tuple[str, dict]]] = {
    ".txt": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".json": read_json,
    ".jsonl": read_json,
    ".ndjson": read_json,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".mhtml": read_mhtml,
    ".mht": read_mhtml,
    ".eml": read_eml,
    ".msg": read_msg,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".docm": read_docx,
    ".dotx": read_docx,
    ".odt": read_odt,
    ".rtf": read_rtf,
    ".pptx": read_pptx,
    ".odp": read_odp,
    ".doc": read_doc,
    ".ppt": read_ppt,
    ".xls": read_xls,
    ".xlsx": read_xlsx,
    ".xlsm": read_xlsx,
    ".ods": read_ods,
    ".csv": read_csv,
    ".tsv": read_tsv,
    **{suffix: partial(read_captions, suffix=suffix) for suffix in _CAPTION_FORMATS},
    **{suffix: read_image for suffix in IMAGES},
}
#: Formats parsed in a worker process under the time limit; text files are read in-process.
GUARDED = set(READERS) - {".txt"}
#: What each format is called in a report row.
FORMAT_NAMES = {
    ".txt": "text", ".md": "Markdown", ".markdown": "Markdown", ".json": "JSON", ".jsonl": "JSON Lines",
    ".ndjson": "JSON Lines", ".html": "a web page", ".htm": "a web page", ".xhtml": "a web page",
    ".mhtml": "a saved web page (MHTML)", ".mht": "a saved web page (MHTML)", ".eml": "an e-mail",
    ".msg": "an Outlook message",
    ".rss": "a feed (RSS or Atom)", ".atom": "a feed (RSS or Atom)", ".xml": "a feed (RSS or Atom)",
    ".pdf": "PDF", ".docx": "Word (.docx)", ".docm": "Word (.docx)", ".dotx": "Word (.docx)", ".odt": "OpenDocument text", ".rtf": "RTF", ".pptx": "PowerPoint (.pptx)",
    ".odp": "OpenDocument slides",
    ".doc": "old Word 97-2003 (.doc)", ".ppt": "old PowerPoint 97-2003 (.ppt)", ".xls": "old Excel 97-2003 (.xls)",
    ".xlsx": "Excel (.xlsx)", ".xlsm": "Excel (.xlsx)", ".ods": "an OpenDocument spreadsheet",
    ".csv": "comma-separated values", ".tsv": "tab-separated values",
    ".vtt": "webcast captions (WebVTT)", ".srt": "webcast captions (SubRip)", ".sbv": "webcast captions (YouTube .sbv)",
    **{suffix: f"an image ({kind})" for suffix, kind in IMAGES.items()},
}
#: Formats that are not read, with what to do instead (anything else: "unsupported format").
NOT_READ = {
    ".ole": "an Office 97-2003 file that is neither Word, Excel nor PowerPoint — not read",
    ".zip": "zip archive that could not be opened — unpack it into the folder",
    ".encrypted": "password-protected Office document — not read; save a copy without the password",
    **{s: f"image — not read without OCR; {ocr.INSTALL_HINT}" for s in IMAGES},  # when Tesseract is missing
}
#: Formats whose first bytes say what they are: they are read by their content whatever the name.
_SIGNED = {".pdf", ".docx", ".pptx", ".odt", ".rtf", ".doc", ".xls", ".ppt", ".msg", ".rss", ".ole", ".encrypted", ".xlsx",
           ".ods", ".odp", ".zip", ".png", ".jpg", ".gif", ".tif"}
_IMAGE_MAGIC = {b"\x89PNG": ".png", b"\xff\xd8\xff": ".jpg", b"GIF8": ".gif", b"II*\x00": ".tif", b"MM\x00*": ".tif"}
#: The first cue of SubRip captions: its number, then its times.
_SRT_START = re.compile(rb"\d+\r?\n\d\d:\d\d:\d\d[,.]\d{3} --> \d\d:\d\d:\d\d[,.]\d{3}")
_MAIL_HEADER = re.compile(
    rb"(?:(?:MIME-Version|From|To|Subject|Date|Content-Type|Received|Return-Path|Message-ID|X-[\w-]+|"
    rb"Snapshot-Content-Location|Content-Transfer-Encoding):[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){2,}",
    re.IGNORECASE,
)


def sniff_format(data: bytes) -> str | None:
    """The format the bytes are in, as a suffix (".pdf", ".docx", ".doc" or ".xls" for an Office
    97-2003 file), or None when they do not say: a download saved under a script's name
    ("ViewSelectedDocument.asp", "mgConvert2PDF.aspx") is read by what it contains."""
    head = data[:4096]
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in head[:1024]:
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return _ole_format(data)
    if body.startswith(b"{\\rtf"):
        return ".rtf"
    for magic, suffix in _IMAGE_MAGIC.items():
        if data.startswith(magic):
            return suffix
    if body.startswith(b"WEBVTT"):
        return ".vtt"
    if _SRT_START.match(body):
        return ".srt"
    if _MAIL_HEADER.match(body):
        related = re.search(rb"Snapshot-Content-Location|Saved by", head, re.IGNORECASE)  # as browsers write it
        return ".mhtml" if related else ".eml"
    if re.match(rb"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype html|html|head|body)\b", body, re.IGNORECASE | re.DOTALL):
        return ".html"
    if re.match(rb"(?:<\?xml[^>]*>\s*)?(?:<\?xml-stylesheet[^>]*>\s*|<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", body, re.DOTALL):
        return ".rss"
    return None


#: An Office 97-2003 file (an OLE compound file) is told by the name of the stream at its top
#: level that keeps its content (an e-mail's properties start "__substg1.0_").
_OLE_STREAMS = (("EncryptedPackage", ".encrypted"), ("__substg1.0_", ".msg"), ("WordDocument", ".doc"),
                ("Workbook", ".xls"), ("Book", ".xls"), ("PowerPoint Document", ".ppt"))


def _ole_format(data: bytes) -> str:
    from doc2docx.cfb import CompoundFile

    try:
        names = {entry.name for entry in CompoundFile(data).entries if entry.path == entry.name}
    except Exception:  # a truncated or damaged file: its directory's names in UTF-16 say what it was
        names = {stream for stream, _ in _OLE_STREAMS if stream.encode("utf-16-le") in data}
    for stream, suffix in _OLE_STREAMS:
        if stream in names or (stream.endswith("_") and any(name.startswith(stream) for name in names)):
            return suffix
    return ".ole"


def _zip_format(data: bytes) -> str:
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        return ".zip"
    for part, suffix in (("word/document.xml", ".docx"), ("ppt/presentation.xml", ".pptx"), ("xl/workbook.xml", ".xlsx")):
        if part in names:
            return suffix
    for kind, suffix in (("text", ".odt"), ("spreadsheet", ".ods"), ("presentation", ".odp")):
        if mimetype.startswith(f"application/vnd.oasis.opendocument.{kind}"):
            return suffix
    return ".zip"


def file_format(suffix: str, data: bytes) -> tuple[str | None, str]:
    """Which reader reads a file, and a note when that is not the one its name says.

    A file is read by its name unless its first bytes say otherwise: a PDF saved as
    ``mgConvert2PDF.aspx`` is read as PDF, a ".doc" or ".xls" that is really RTF, a web page
    or text as that. A web page named ".pdf" is left to the PDF reader, which refuses it (it is an
    error page the site sent instead). A file without an extension that decodes as text is
    read as text. Returns (None, reason) for a format that is not read.
    """
    sniffed = sniff_format(data)
    named = suffix if suffix in READERS else None
    if named in _OLD_OFFICE and sniffed is None and _is_text(data):  # "plain text" or tab-separated, kept as .doc/.xls
        sniffed = ".txt"
    if sniffed in {".zip", ".html", ".eml", ".mhtml"} and named in _OFFICE or (sniffed == ".ole" and named in _OLD_OFFICE):
        sniffed = None  # a broken document or an error page saved under its name: its reader says what is wrong
    if sniffed in _SIGNED or (sniffed and named in {None, *_OLD_OFFICE}) or (sniffed in _CAPTION_FORMATS and named == ".txt"):  # Office saves web pages and text as .doc/.xls too
        use = sniffed
    elif named:
        use = named
    else:
        use = ".txt" if not suffix and _is_text(data) else None
    if use in IMAGES and ocr.tesseract_version() is None:
        return None, f"unsupported format: {NOT_READ[use]}"
    if use in READERS:
        if named is None or FORMAT_NAMES[use] != FORMAT_NAMES[named]:
            return use, f"named {suffix or 'without an extension'}, but it is {FORMAT_NAMES[use]} — read as that"
        return use, ""
    reason = (NOT_READ.get(use) if use == sniffed != ".ole" else None) or NOT_READ.get(suffix) or NOT_READ.get(use or "") or suffix or "no file extension, and not text"
    return None, f"unsupported format: {reason}"


#: Office 97-2003 formats: a file so named may be a web page or text that Word or Excel saved.
_OLD_OFFICE = {".doc", ".xls", ".ppt"}
#: Formats with a binary container whose reader explains a broken file best.
_OFFICE = {".pdf", ".docx", ".docm", ".dotx", ".pptx", ".odp", ".odt", ".rtf", ".xlsx", ".xlsm", ".ods"}


def _is_text(data: bytes) -> bool:
    try:
        decode_text(data[:65536])
    except SkipFile:
        return False
    return True

# ---------------------------------------------------------------- normalisation

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-", "\u00a0": " ", "\u2022": "-", "\u00b7": "-", "\u25aa": "-", "\u25cf": "-",
        "\u2023": "-", "\u2043": "-", "\u25e6": "-", "\u00ad": "", "\u200b": "",
    }
)
_SPACES = re.compile(r"[ \t\f\v]+")
_BLANKS = re.compile(r"\n{3,}")
#: Text ftfy leaves as it is: printable ASCII without "&" (no HTML entity, control character,
#: terminal escape, "\r" or mojibake), with tabs and newlines. Most documents are; ftfy is
#: most of the cost of ingesting them.
_FTFY_NOOP = re.compile(r"[\t\n\x20-\x25\x27-\x7e]*")


def normalise_text(text: str) -> str:
    """Repair mojibake, NFKC, unify quotes/dashes/bullets, collapse spaces and blank lines."""
    import ftfy

    if not _FTFY_NOOP.fullmatch(text):
        text = ftfy.fix_text(text, normalization="NFKC")
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPECK.sub("", _SPACES.sub(" ", line).strip()) for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


#: A speck a scan's OCR read as a mark before a line's first word ("` (i) That …", "; (v) That …"): no
#: line of a document starts with a lone backtick, comma, semicolon or colon before a word or a number.
_SPECK = re.compile(r"^[`´,;:](?:\s+|(?=\())(?=\(?[A-Za-z0-9])")


# ---------------------------------------------------------------- metadata

_LOWER = r"[a-zà-öø-ÿŵŷâêîôû]"
_WORD = rf"(?!Council\b)(?:St\.?|[A-Z]{_LOWER}+(?:['’]{_LOWER}+)?(?:-(?:{_LOWER}+-)*[A-Z]{_LOWER}+)*)"
_PLACE = rf"{_WORD}(?:(?: (?:and|&|upon|on|of|under|in|the)){{0,3}} {_WORD}){{0,7}}"  # bounded: linear time
_COUNCIL = re.compile(
    rf"\b(?:(?:London|Royal) Borough of {_PLACE}"
    rf"|Cyngor (?:Sir |Bwrdeistref Sirol |Dinas a Sir |Dinas )?{_PLACE}"
    rf"|Comhairle nan Eilean Siar"
    rf"|{_PLACE} Council)\b"
)
#: Capitalised words that start a sentence or name a meeting rather than a place.
_NOT_PLACE = {
    "The", "This", "That", "These", "Each", "Every", "A", "An", "Our", "Your", "Their", "Its", "All", "Both",
    "Full", "Cabinet", "Executive", "Meeting", "Minutes", "Agenda", "Report", "Member", "Members", "Leader",
    "Mayor", "Chair", "Chief", "Officer", "Officers", "Local", "Joint", "Partner", "Partners", "Partnership",
    "In", "At", "On", "By", "For", "From", "With", "To", "As", "And", "Of", "Yesterday", "Today", "Now",
    "Dear", "Committee", "Board", "Scrutiny", "Review", "Item", "Appendix", "Unitary", "Labour", "Conservative",
}
#: Bodies called "... Council" that are not local authorities.
_NOT_AUTHORITY = {
    "Youth", "Arts", "Privy", "Research", "Security", "Sports", "Business", "Voluntary", "Faith", "Schools",
    "Pensioners", "Student", "Parish", "Community", "Medical", "Nursing", "Care", "Health", "Advisory",
}
_GENERIC = {
    "the", "london", "royal", "borough", "council", "city", "county", "district", "metropolitan", "of",
    "cyngor", "sir", "bwrdeistref", "sirol", "dinas", "a",
}
_SMALL_WORDS = re.compile(r"(?<=\s)(Of|And|Upon|On|Under|In|The|Nan|A)(?=\s)")
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<m1>{_MONTH})\.?,? (?P<y1>(?:19|20)\d\d)\b"
    rf"|\b(?P<m2>{_MONTH})\.? (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y2>(?:19|20)\d\d)\b"
    rf"|\b(?P<d3>\d{{1,2}})[/.](?P<n3>\d{{1,2}})[/.](?P<y3>(?:19|20)\d\d)\b"
    rf"|\b(?P<y4>(?:19|20)\d\d)-(?P<n4>\d\d)-(?P<d4>\d\d)\b",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    r"(?:date(?: of (?:the )?(?:meeting|decision|publication|report))?|meeting date|decision date"
    r"|held on|published(?: on)?|meeting of [^\n]{0,80}? on)\s*:?\s*(?:[A-Za-z]+day,? )?$",
    re.IGNORECASE,
)
_BODIES = [
    ("Health and Wellbeing Board", r"Health (?:and|&) Well-?being Board"),
    ("Community Safety Partnership", r"Community Safety Partnership|Safer [A-Z]\w+ Partnership"),
    ("Public Services Board", r"Public Services? Board"),
    ("Community Planning Partnership", r"Community Planning Partnership|\bCPP Board"),
    ("Integration Joint Board", r"Integration Joint Board"),
    ("Local Strategic Partnership", r"Local Strategic Partnership|\bLSP\b(?: Board)?"),
    ("Overview and Scrutiny Committee", r"Overview (?:and|&) Scrutiny"),
    ("Scrutiny Committee", r"Scrutiny (?:Committee|Panel|Commission|Board)"),
    ("Police and Crime Panel", r"Police and Crime Panel"),
    ("Governance Committee", r"Governance Committee"),
    ("Policy and Resources Committee", r"Policy (?:and|&) Resources Committee"),
    ("Cabinet", r"(?-i:\bCabinet\b)"),
    ("Executive", r"(?-i:\bThe Executive\b|\bExecutive Board\b|\bExecutive Committee\b)"),
    ("Full Council", r"(?-i:\bFull Council\b|\bCouncil Meeting\b)"),
]
_BODY = re.compile("|".join(f"(?P<b{i}>{pattern})" for i, (_, pattern) in enumerate(_BODIES)), re.IGNORECASE)
_MEETING_LINE = re.compile(
    r"^(?:(?:the )?minutes of|meeting of|meeting:|report to:?|decision maker:?|committee:?|to:)[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)


def _headings_titled(text: str) -> str:
    """ALL-CAPS lines (document headers) in title case, so "LONDON BOROUGH OF HARINGEY" is found."""
    lines = []
    for line in text.split("\n"):
        if sum(c.isalpha() for c in line) > 3 and line.upper() == line:
            line = _SMALL_WORDS.sub(lambda m: m.group(1).lower(), line.title())
        lines.append(line)
    return "\n".join(lines)


def _council_key(name: str) -> str:
    return " ".join(w for w in re.split(r"[\s&]+", name.lower()) if w and w not in _GENERIC)


#: Parts of a council's web or mail address that do not name the place.
_HOST_WORDS = {"www", "council", "democracy", "democratic", "moderngov", "modgov", "cmis", "committees", "committee",
               "decisions", "mgov", "meetings", "minutes", "services", "mail", "email", "news", "gov", "uk", "wales",
               "scot", "llyw", "cymru"}


def host_place(host: str) -> str | None:
    """The place a council's web or mail address names ("council.ceredigion.gov.uk" → "ceredigion"),
    or None for an address that is not a UK government one."""
    if not re.search(r"\.gov\.(?:uk|wales|scot)$|\.llyw\.cymru$", host or ""):
        return None
    labels = [label for label in host.split(".") if label not in _HOST_WORDS]
    return labels[-1] if labels else None


def infer_council(text: str, publisher: str | None = None) -> str | None:
    """The local authority the document is about: the council named most often (header first).
    ``publisher`` (a place, from the page's address or the PDF's running header) picks the
    council of that place among those named, when it is one of them."""
    head = _headings_titled(text[:20000])
    forms: dict[str, Counter] = {}
    score: Counter = Counter()
    first: dict[str, int] = {}
    for m in _COUNCIL.finditer(head):
        words = m.group(0).split()
        while len(words) > 1 and (words[0] in _NOT_PLACE or words[0].islower()):
            words = words[1:]
        if "and" in words[1:] and words[words.index("and", 1) + 1:][:1] == words[:1]:
            words = words[words.index("and", 1) + 1:]  # "NHS Fife and Fife Council": a body of the place, and its council
        name = " ".join(words)
        key = _council_key(name)
        if not key or (len(words) > 1 and words[-1] == "Council" and words[-2] in _NOT_AUTHORITY):
            continue
        weight = 0.5 if name.startswith("Cyngor") else 1.0
        forms.setdefault(key, Counter())[name] += 1
        score[key] += weight + (1.0 if m.start() < 600 else 0.0)
        first.setdefault(key, m.start())
    for key in list(score):  # "Yesterday Southwark" counts for "Southwark"
        tail = " ".join(key.split()[1:])
        if tail in score and tail != key:
            score[tail] += score.pop(key)
            forms[tail].update(forms.pop(key))
    if not score:
        return None
    published = [k for k in score if publisher and _published(k, publisher)]
    best = max(published or score, key=lambda k: (score[k], -first.get(k, 0)))
    name = forms[best].most_common(1)[0][0]
    words = name.split()
    while published and len(words) > 1 and _published(" ".join(words[1:]), publisher):
        words = words[1:]  # "Cookies on the Ceredigion County Council" → "Ceredigion County Council"
    return " ".join(words)


def council_of(text: str, hints: dict) -> str | None:
    """The council a document is about, from its text and what its format says of its publisher:
    a PDF's running header ("Rother District Council • Overview and Scrutiny Committee"), or the
    address a page was saved from or a mail sent from ("council.ceredigion.gov.uk"), whose council
    the page names in its header or footer. A council the text names more often but that is not
    the publisher (a neighbour in a joint decision) gives way."""
    named = infer_council(hints.get("header", ""))
    place = _council_key(named) if named else host_place(hints.get("host", ""))
    found = infer_council(text, place)
    if place and not (found and _published(found, place)):
        on_page = infer_council(hints.get("councils", ""), place)
        found = named or (on_page if on_page and _published(on_page, place) else found)
    return found or infer_council(hints.get("sitename", "") + "\n" + hints.get("title", ""))


def _published(council: str, place: str) -> bool:
    return re.sub(r"[^a-z]", "", place.lower()) in re.sub(r"[^a-z]", "", _council_key(council))


def _date_from(m: re.Match) -> dt.date | None:
    g = m.groupdict()
    try:
        if g["y1"]:
            return dt.datetime.strptime(f"{g['d1']} {g['m1'][:3].title()} {g['y1']}", "%d %b %Y").date()
        if g["y2"]:
            return dt.datetime.strptime(f"{g['d2']} {g['m2'][:3].title()} {g['y2']}", "%d %b %Y").date()
        if g["y3"]:
            return dt.date(int(g["y3"]), int(g["n3"]), int(g["d3"]))
        return dt.date(int(g["y4"]), int(g["n4"]), int(g["d4"]))
    except ValueError:
        return None


def infer_date(text: str) -> str | None:
    """The meeting or publication date as ISO ``YYYY-MM-DD``, only from a full date in the text.

    A labelled date ("Date of meeting: …", "held on …") wins; otherwise the first full date
    near the top. A partial date such as "Monday, January 13" gives nothing.
    """
    head = text[:5000]
    found = [(m, d) for m in _DATE.finditer(head) if (d := _date_from(m))]
    labelled = [d for m, d in found if _DATE_LABEL.search(head[max(0, m.start() - 90) : m.start()])]
    early = [d for m, d in found if m.start() < 2000]
    pick = (labelled or early or [None])[0]
    return pick.isoformat() if pick else None


def infer_body(text: str) -> str | None:
    """The committee or partnership the document is for: named on a meeting line, else first named."""
    head = _headings_titled(text[:3000])
    for zone in [m.group(0) for m in _MEETING_LINE.finditer(head)] + [head]:
        m = _BODY.search(zone)
        if m:
            return _BODIES[int(m.lastgroup[1:])][0]
    return None


def infer_doc_type(text: str, suffix: str) -> str:
    """minutes, scrutiny, report, news, web page or other — from the title first, then the text."""
    title = " ".join(text.split("\n", 3)[:3]).lower()
    head = text[:3000]
    for word, kind in (("minutes", "minutes"), ("scrutiny", "scrutiny"), ("report", "report")):
        if re.search(rf"\b{word}\b", title):
            return kind
    if re.search(r"^(?:Minutes:?|Present:|Apologies(?: for absence)?:?|In attendance:?)\s*$|^(?:Present|Apologies|In attendance)\s*:\s*\S"
                 r"|\b(?:RESOLVED|DECIDED)\b|^AGREED\b", text, re.MULTILINE):
        return "minutes"
    if re.search(r"scrutiny", head, re.IGNORECASE):
        return "scrutiny"
    if len(re.findall(r"\b(?:said|told|added)\b", text)) >= 2 and re.search(r"[\"“”]", text):
        return "news"
    if re.search(r"\brecommendations?\b|\bpurpose of (?:the|this) report\b|\breport (?:of|to|by)\b", head, re.IGNORECASE):
        return "report"
    return "web page" if suffix in {".html", ".htm"} else "other"


def year_of(date: str | None) -> int | None:
    m = re.search(r"\b((?:19|20)\d\d)\b", date or "")
    return int(m.group(1)) if m else None


def title_of(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if len(line) > 3 and not re.fullmatch(r"agenda item|minutes:?", line, re.IGNORECASE):
            return line[:200]
    return ""


# ---------------------------------------------------------------- manifest


def read_manifest(raw: Path) -> tuple[dict[str, dict], list[dict]]:
    """Rows of ``manifest.csv`` keyed by relative file path, and report rows for rows refused.

    Read with :func:`helpers.inputs.read_csv_input`: a missing ``file`` column, an unknown
    doc_type or a non-ISO date stops the run with the line and the fix. Extra columns are kept
    (they become columns of ``documents``).
    """
    from .inputs import read_csv_input

    path = raw / MANIFEST
    if not path.exists():
        return {}, []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputFileWarning)
        table = read_csv_input(
            path, required=["file"], optional=MANIFEST_OPTIONAL, labels={"doc_type": DOC_TYPES}, dates=["date"]
        )
    for warning in caught:
        warnings.warn(str(warning.message).replace("is ignored by the workbook", "is kept as a column of documents"),
                      warning.category, stacklevel=2)
    rows: dict[str, dict] = {}
    report = []
    root = raw.resolve()
    for line, row in zip(table.attrs["lines"], table.to_dict("records")):
        name = row["file"].replace("\\", "/")
        if not name:
            continue
        target = (raw / name).resolve()
        if Path(name).is_absolute() or not target.is_relative_to(root):
            report.append(_report(name, "skipped", f"manifest line {line}: the path leaves the raw folder — refused"))
        elif target.is_file():
            rows.setdefault(target.relative_to(root).as_posix(), row)
        elif any(a.is_file() for a in target.parents if a.is_relative_to(root)):
            rows.setdefault(target.relative_to(root).as_posix(), row)  # a file inside a zip archive: "pack.zip/report.pdf"
        else:
            report.append(_report(name, "error", f"manifest line {line}: listed but no such file in the raw folder"))
    return rows, report


# ---------------------------------------------------------------- files, cache and parsing


def _report(file: str, status: str, reason: str = "", doc_id: str | None = None) -> dict:
    return {"file": file, "status": status, "reason": reason, "doc_id": doc_id}


def doc_id_for(sha256: str) -> str:
    return f"doc-{sha256[:12]}"


def list_files(raw: Path) -> list[Path]:
    """Every file and symbolic link under ``raw`` (links to folders are listed, not followed)."""
    found = []
    for folder, dirs, files in os.walk(raw, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # .git, .ipynb_checkpoints
        found += [base / name for name in files]
        found += [base / name for name in dirs if (base / name).is_symlink()]
    return sorted(found)


def screen(path: Path, raw: Path, max_mb: float) -> str | None:
    """Why ``path`` must not be read at all (link out of the folder, hidden, size), or None.
    Its format is decided afterwards, from its name and first bytes (``file_format``)."""
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(raw.resolve()):
            return "symbolic link pointing outside the raw folder — refused"
        if not target.exists():
            return "broken symbolic link"
        if target.is_dir():
            return "symbolic link to a folder — not followed"
    if path.name.startswith("~$"):
        return "Word lock file (the document was open in Word), not a document"
    if path.name.startswith("."):
        return "hidden or system file"
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        return f"file of {size / 1024 / 1024:.1f} MB is larger than the {max_mb:g} MB limit (config.MAX_FILE_MB)"
    if size == 0:
        return "empty file"
    return None


#: A file inside an archive that is not a document: the archiver's own, or the system's.
_ARCHIVE_JUNK = re.compile(r"(?:^|/)(?:__MACOSX/|\.|~\$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)


def is_archive(named: str, data: bytes) -> bool:
    """Whether a file is a zip archive to unpack: a zip that no reader takes (a broken ``.docx`` is
    left to the Word reader, which says what is wrong with it)."""
    return named not in _OFFICE and data.startswith(b"PK\x03\x04") and sniff_format(data) == ".zip"


def unpack_archive(rel: str, data: bytes, max_mb: float) -> list[tuple[str, bytes] | dict]:
    """The files in a zip archive (an agenda pack downloaded as one file, a folder sent by e-mail),
    each as ("archive.zip/inner/name.pdf", its bytes) to be read as a file of the folder is, or as
    its report row when it cannot be: too large, password-protected, an archive inside the archive,
    compressed in a way Python cannot undo. One file at most ``max_mb`` is unpacked, whatever the
    archive's headers say; names are only names, never paths to write to."""
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [_report(rel, "skipped", f"a damaged zip archive ({exc}) — unpack it into the folder")]
    out: list[tuple[str, bytes] | dict] = []
    for info in infos:
        name = "/".join(part for part in info.filename.replace("\\", "/").split("/") if part not in ("", ".", ".."))
        if info.is_dir() or not name or _ARCHIVE_JUNK.search(name):
            continue
        inner = f"{rel}/{name}"
        if info.flag_bits & 0x1:
            out.append(_report(inner, "skipped", "password-protected file in a zip archive — not read"))
        elif info.file_size > max_mb * 1024 * 1024:
            out.append(_report(inner, "skipped", f"file of {info.file_size / 1024 / 1024:.1f} MB is larger than "
                                                 f"the {max_mb:g} MB limit (config.MAX_FILE_MB)"))
        elif info.file_size == 0:
            out.append(_report(inner, "skipped", "empty file"))
        else:
            try:
                with archive.open(info) as source:
                    content = source.read(int(max_mb * 1024 * 1024) + 1)  # never more than the limit, whatever the header says
            except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, RuntimeError, ValueError) as exc:
                out.append(_report(inner, "skipped", f"could not be unpacked from the zip archive ({exc}) — "
                                                     "unpack it with your system's tools"))
                continue
            if len(content) > max_mb * 1024 * 1024:
                out.append(_report(inner, "skipped", f"larger than the {max_mb:g} MB limit (config.MAX_FILE_MB)"))
            elif is_archive(PurePosixPath(name).suffix.lower(), content):
                out.append(_report(inner, "skipped", "a zip archive inside a zip archive — not read; unpack it into the folder"))
            else:
                out.append((inner, content))
    return out


def parse_bytes(suffix: str, data: bytes) -> Outcome:
    """Read the bytes of one file by its format into normalised text (never raises)."""
    try:
        text, hints = READERS[suffix](data)
        text = normalise_text(text)
        if not text:
            raise SkipFile("no text after normalisation")
        return Outcome("ok", text, hints.pop("warning", ""), hints)
    except SkipFile as exc:
        return Outcome("skipped", reason=str(exc))
    except Exception as exc:  # a broken file must never stop the batch
        return Outcome("error", reason=f"could not read: {exc.__class__.__name__}: {exc}")


def parse_path(suffix: str, path: str) -> Outcome:
    """Worker-process entry point: read and parse one file."""
    return parse_bytes(suffix, Path(path).read_bytes())


def _parse_task(task: tuple[str, Path]) -> Outcome:
    return parse_path(task[0], str(task[1]))


def parse_guarded(tasks: list[tuple[str, Path]], timeout_s: float, progress=None) -> list[Outcome]:
    """Parse files in worker processes; one that runs past ``timeout_s`` is abandoned and skipped."""
    from pebble import ProcessPool
    from pebble.common import ProcessExpired

    outcomes = []
    with ProcessPool(max_workers=max(1, min(n_jobs(), len(tasks)))) as pool:
        futures = [pool.schedule(parse_path, args=(suffix, str(path)), timeout=timeout_s) for suffix, path in tasks]
        for future in futures:
            try:
                outcomes.append(future.result())
            except FutureTimeout:
                outcomes.append(Outcome(
                    "skipped", reason=f"took longer than {timeout_s:g} s to read (config.PARSE_TIMEOUT_S) — skipped",
                    timeout_s=timeout_s,
                ))
            except ProcessExpired as exc:
                outcomes.append(Outcome("error", reason=f"the reader crashed on this file (exit code {exc.exitcode})"))
            if progress is not None:
                progress.update()
    return outcomes


def parse_many(tasks: list[tuple[str, Path]], timeout_s: float, progress=None) -> list[Outcome]:
    """Parse (suffix, path) tasks in order: text files in this process, other formats under the time limit."""
    guarded = [i for i, (suffix, _) in enumerate(tasks) if suffix in GUARDED]
    plain = [i for i, (suffix, _) in enumerate(tasks) if suffix not in GUARDED]
    outcomes: list[Outcome | None] = [None] * len(tasks)
    for i, outcome in zip(plain, map_ordered(_parse_task, [tasks[i] for i in plain])):
        outcomes[i] = outcome
    if progress is not None:
        progress.update(len(plain))
    if guarded:
        for i, outcome in zip(guarded, parse_guarded([tasks[i] for i in guarded], timeout_s, progress)):
            outcomes[i] = outcome
    return outcomes


@cache
def _reader_version() -> str:
    """Changes whenever this module, ``helpers.ocr``, a reading library or Tesseract changes (or
    Tesseract is installed), so stale cache entries are ignored."""
    libraries = ["pypdfium2", "pdfplumber", "trafilatura", "python-docx", "python-pptx", "odfdo", "striprtf", "ftfy",
                 "charset-normalizer", "msdoc2docx", "ppt2pptx", "openpyxl", "xlrd", "webvtt-py", "pytesseract", "pillow"]
    tesseract = f"tesseract {ocr.tesseract_version() or 'missing'}"
    stamp = Path(__file__).read_bytes() + Path(ocr.__file__).read_bytes()
    stamp += "|".join([*(version(name) for name in libraries), tesseract]).encode()
    return hashlib.sha256(stamp).hexdigest()[:16]


class TextCache:
    """Parsed text (or the skip reason) of each file, by content hash, under ``cache_dir``."""

    def __init__(self, cache_dir: Path | None):
        self.root = Path(cache_dir) / f"ingest-{_reader_version()}" if cache_dir else None

    def _path(self, sha256: str, suffix: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{suffix}.json"

    def get(self, sha256: str, suffix: str, timeout_s: float) -> Outcome | None:
        if self.root is None:
            return None
        path = self._path(sha256, suffix)
        try:
            outcome = Outcome(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None
        if outcome.timeout_s is not None and timeout_s > outcome.timeout_s:
            return None  # a longer time limit now: try again
        return outcome

    def put(self, sha256: str, suffix: str, outcome: Outcome) -> None:
        if self.root is None or outcome.status == "error":
            return
        from .tables import atomic_write_text

        path = self._path(sha256, suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(outcome.__dict__, ensure_ascii=False))


# ---------------------------------------------------------------- the stage

DOCUMENT_COLUMNS = [
    "doc_id", "file", "council", "body", "doc_type", "date", "year", "title", "text",
    "n_chars", "sha256", "source_url", "format", "inferred", "notes",
]
REPORT_COLUMNS = ["file", "status", "reason", "doc_id"]


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(total=total, desc="ingest", unit="file", disable=total < PROGRESS_MIN_FILES, leave=False)


def ingest(
    raw: Path,
    max_mb: float | None = None,
    cache_dir: Path | None = None,
    timeout_s: float | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ingest every file under ``raw``; return (documents, ingest_report).

    Raises WorkbookError only when no document at all could be read.
    """
    from .config import MAX_FILE_MB, PARSE_TIMEOUT_S

    raw = Path(raw)
    if not raw.is_dir():
        raise WorkbookError(f"raw folder {raw} does not exist: point --raw at your documents")
    max_mb = MAX_FILE_MB if max_mb is None else max_mb
    timeout_s = PARSE_TIMEOUT_S if timeout_s is None else timeout_s
    manifest, report = read_manifest(raw)
    store = TextCache(cache_dir)
    files = [p for p in list_files(raw) if p.relative_to(raw).as_posix() != MANIFEST]

    rows: list[dict | tuple] = []  # a report row, or (rel, suffix, sha256) of a file to read
    notes: dict[str, str] = {}  # a file read by its content rather than its name says so
    sources: dict[str, Path] = {}  # where a file inside an archive was unpacked to

    def admit(rel: str, named: str, data: bytes) -> bool:
        """A file to read (by the format its name and bytes say), or its report row when it is not read."""
        suffix, note = file_format(named, data)
        if suffix is None:
            rows.append(_report(rel, "skipped", note))
            bar.update()
            return False
        notes[rel] = note
        rows.append((rel, suffix, hashlib.sha256(data).hexdigest()))
        return True

    with _progress(len(files)) as bar, tempfile.TemporaryDirectory(prefix="ingest-") as unpacked:
        for path in files:
            rel = path.relative_to(raw).as_posix()
            reason = screen(path, raw, max_mb)
            if reason:
                rows.append(_report(rel, "skipped", reason))
                bar.update()
                continue
            data = path.read_bytes()
            if not is_archive(path.suffix.lower(), data):
                admit(rel, path.suffix.lower(), data)
                continue
            members = unpack_archive(rel, data, max_mb)
            bar.total += len(members)
            for member in members:
                if isinstance(member, dict):
                    rows.append(member)
                    bar.update()
                elif admit(member[0], PurePosixPath(member[0]).suffix.lower(), member[1]):
                    sources[member[0]] = Path(unpacked) / hashlib.sha256(member[0].encode()).hexdigest()[:24]
                    sources[member[0]].write_bytes(member[1])  # read by a worker process, like a file of the folder
            if not members:
                rows.append(_report(rel, "skipped", "zip archive with no file in it"))
            bar.update()
        pending = [r for r in rows if isinstance(r, tuple)]
        outcomes = {r: store.get(r[2], r[1], timeout_s) for r in pending}
        misses = [r for r in pending if outcomes[r] is None]
        bar.update(len(pending) - len(misses))
        parsed = parse_many([(r[1], sources.get(r[0], raw / r[0])) for r in misses], timeout_s, bar) if misses else []
        for r, outcome in zip(misses, parsed):
            outcomes[r] = outcome
            store.put(r[2], r[1], outcome)

    documents, seen = [], {}
    for row in rows:
        if isinstance(row, dict):
            report.append(row)
            continue
        rel, suffix, sha = row
        outcome = outcomes[row]
        doc_id = doc_id_for(sha)
        reason = "; ".join(r for r in (notes[rel], outcome.reason) if r)
        if outcome.status != "ok":
            report.append(_report(rel, outcome.status, reason))
        elif doc_id in seen:
            report.append(_report(rel, "duplicate", f"same content as {seen[doc_id]} — kept once", doc_id))
        else:
            seen[doc_id] = rel
            documents.append(_document(rel, sha, outcome, manifest.get(rel, {}), suffix))
            report.append(_report(rel, "ok", reason, doc_id))
    if not documents:
        reasons = "; ".join(f"{r['file']}: {r['reason']}" for r in report[:5]) or "the folder is empty"
        raise WorkbookError(f"no document in {raw} could be read ({reasons})")
    return _documents_table(documents, manifest), pd.DataFrame(report, columns=REPORT_COLUMNS)


def _documents_table(documents: list[dict], manifest: dict[str, dict]) -> pd.DataFrame:
    extra = sorted({k for row in manifest.values() for k in row} - set(DOCUMENT_COLUMNS) - set(MANIFEST_COLUMNS))
    docs = pd.DataFrame(documents, columns=DOCUMENT_COLUMNS + extra)
    docs["year"] = docs["year"].astype("Int64")
    docs["n_chars"] = docs["n_chars"].astype(int)
    return docs


def _document(rel: str, sha: str, outcome: Outcome, meta: dict, suffix: str) -> dict:
    """One ``documents`` row: manifest values first, inferred values where the manifest is silent."""
    text = outcome.text
    inferred = []

    def pick(name: str, infer: Callable[[], str | None]) -> str | None:
        value = (meta.get(name) or "").strip()
        if value:
            return value
        value = infer()
        if value:
            inferred.append(name)
        return value or None

    hints = outcome.hints or {}
    council = pick("council", lambda: council_of(text, hints))
    body = pick("body", lambda: infer_body(text))
    doc_type = pick("doc_type", lambda: hints.get("doc_type") or infer_doc_type(text, suffix))  # captions: a meeting
    # an e-mail's own date, then a date in a PDF's running header (the meeting's), then the text's
    date = pick("date", lambda: hints.get("date") or infer_date(hints.get("header", "")) or infer_date(text))
    year = year_of(date)
    if "date" in inferred and year:
        inferred.append("year")
    extras = {k: v or None for k, v in meta.items() if k not in DOCUMENT_COLUMNS + MANIFEST_COLUMNS}
    return {
        **extras,
        "doc_id": doc_id_for(sha),
        "file": rel,
        "council": council,
        "body": body,
        "doc_type": doc_type if doc_type in DOC_TYPES else "other",
        "date": date,
        "year": year,
        "title": (meta.get("title") or "").strip() or title_of(text),
        "text": text,
        "n_chars": len(text),
        "sha256": sha,
        "source_url": pick("source_url", lambda: hints.get("source_url")),
        "format": suffix.lstrip("."),
        "inferred": ",".join(inferred),
        "notes": (meta.get("notes") or "").strip() or None,
    }


def metadata_sources(documents: pd.DataFrame) -> pd.DataFrame:
    """For each metadata field, how many documents have it from the manifest, inferred, or missing."""
    rows = []
    for name in ("council", "body", "doc_type", "date", "year"):
        inferred = documents["inferred"].fillna("").str.split(",").map(lambda fields: name in fields)
        known = documents[name].notna()
        rows.append({"field": name, "from manifest": int((known & ~inferred).sum()),
                     "inferred from the text": int((known & inferred).sum()), "missing": int((~known).sum())})
    return pd.DataFrame(rows)


def folder_fingerprint(raw: Path) -> str:
    """A hash of every file's path, size and modification time under ``raw``, the reading code's
    version and the limits: equal fingerprints mean ingest would give the same tables."""
    from .config import MAX_FILE_MB, PARSE_TIMEOUT_S

    digest = hashlib.sha256(f"{_reader_version()}|{MAX_FILE_MB}|{PARSE_TIMEOUT_S}".encode())
    for path in list_files(raw):
        st = path.lstat()
        digest.update(f"\n{path.relative_to(raw).as_posix()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def run(paths) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ingest ``paths.raw`` and write the ``documents`` and ``ingest_report`` tables.

    When no file under the raw folder changed since the last run (same paths, sizes and
    modification times), the tables already written are read back instead of rebuilt."""
    from .tables import atomic_write_text, read_table, write_table

    cache = Path(paths.processed) / ".cache"
    stamp = cache / "ingest-folder.sha256"
    fingerprint = folder_fingerprint(Path(paths.raw))
    if stamp.exists() and stamp.read_text(encoding="utf-8") == fingerprint:
        try:
            return read_table("documents", paths.processed), read_table("ingest_report", paths.processed)
        except WorkbookError:
            pass  # a table is missing or damaged: rebuild it
    documents, report = ingest(paths.raw, cache_dir=cache)
    write_table(report, "ingest_report", paths.processed)
    write_table(documents, "documents", paths.processed)
    atomic_write_text(stamp, fingerprint)
    return documents, report
