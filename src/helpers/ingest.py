"""Stage 1 — ingest: a folder of council documents becomes the ``documents`` and
``ingest_report`` tables.

Each file is read by its format (text, HTML, PDF, Word), its text normalised, and its
metadata taken from ``manifest.csv`` or, where the manifest is silent, inferred from
the text. A file that cannot be read gets one ``ingest_report`` row saying why; every
other file is still ingested.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

from .errors import InputFileError, WorkbookError
from .parallel import map_ordered

SUPPORTED = {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}
MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ["file", "council", "body", "doc_type", "date", "source_url"]
DOC_TYPES = ("minutes", "report", "scrutiny", "news", "web page", "other")


class SkipFile(Exception):
    """A file that is reported and skipped, with a plain-English reason."""


# ---------------------------------------------------------------- reading formats


def decode_text(data: bytes) -> str:
    """Decode bytes of a text file: UTF-8 (with or without BOM), else the detected encoding."""
    if not data.strip():
        raise SkipFile("empty file")
    if b"\x00" in data[:4096]:
        raise SkipFile("binary content in a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SkipFile("binary content in a text file")
    return str(best)


def read_html(data: bytes) -> str:
    import trafilatura

    html = decode_text(data)
    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False
    )
    if not text or not text.strip():
        raise SkipFile("no main text found in the HTML page")
    return text


def read_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise SkipFile("encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except SkipFile:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise SkipFile(f"unreadable PDF ({exc.__class__.__name__}: {exc})") from None
    if not "".join(pages).strip():
        raise SkipFile("no text layer — scanned? OCR not supported")
    return "\n\n".join(pages)


def read_docx(data: bytes) -> str:
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SkipFile(f"not a valid Word document ({exc.__class__.__name__})") from None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text.strip() for cell in row.cells))
    return "\n\n".join(parts)


READERS = {
    ".txt": decode_text,
    ".md": decode_text,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}

# ---------------------------------------------------------------- normalisation

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-", "\u00a0": " ", "\u2022": "-", "\u00b7": "-", "\u25aa": "-", "\u25cf": "-",
        "\u2023": "-", "\u2043": "-", "\u25e6": "-",
    }
)
_SPACES = re.compile(r"[ \t\f\v]+")
_BLANKS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Repair mojibake, NFKC, unify quotes/dashes/bullets, collapse spaces and blank lines."""
    import ftfy

    text = ftfy.fix_text(text, normalization="NFKC")
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


# ---------------------------------------------------------------- metadata

_COUNCIL = re.compile(
    r"\b(?:London Borough of [A-Z][a-z]+(?: [A-Z][a-z]+)?"
    r"|(?:Royal Borough of |City of )?[A-Z][a-z]+(?:[ -](?:upon|on|of|under|and|[A-Z][a-z]+))*"
    r" (?:City|County|Borough|District|Metropolitan Borough|Town)? ?Council)\b"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTHS}),? ((?:19|20)\d\d)\b|\b({_MONTHS}) (\d{{1,2}})(?:st|nd|rd|th)?,? ((?:19|20)\d\d)\b"
)
_BODIES = [
    ("Health and Wellbeing Board", r"Health and Well-?being Board"),
    ("Community Safety Partnership", r"Community Safety Partnership"),
    ("Overview and Scrutiny Committee", r"Overview and Scrutiny"),
    ("Cabinet", r"\bCabinet\b"),
    ("Local Strategic Partnership", r"Local Strategic Partnership|\bLSP Board\b"),
    ("Public Services Board", r"Public Services? Board"),
    ("Community Planning Partnership", r"Community Planning Partnership"),
    ("Governance Committee", r"governance committee"),
]


def infer_council(text: str) -> str | None:
    counts: dict[str, int] = {}
    for m in _COUNCIL.finditer(text[:20000]):
        name = m.group(0).strip()
        if name.split()[0] in {"The", "This", "That", "Each", "Every", "A", "Our", "Cabinet", "Full"}:
            continue
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: (counts[k], -len(k))) if counts else None


def infer_date(text: str) -> str | None:
    m = _DATE.search(text[:20000])
    if not m:
        return None
    day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    number = _MONTHS.split("|").index(month) + 1
    return f"{int(year):04d}-{number:02d}-{int(day):02d}"


def infer_body(text: str) -> str | None:
    head = text[:5000]
    for name, pattern in _BODIES:
        if re.search(pattern, head, re.IGNORECASE):
            return name
    return None


def infer_doc_type(text: str, suffix: str) -> str:
    head = text[:3000]
    if re.search(r"\bMinutes\b|\bRESOLVED\b|\bPresent:", text):
        return "minutes"
    if re.search(r"scrutiny", head, re.IGNORECASE):
        return "scrutiny"
    if re.search(r"\b(said|told)\b", text) and re.search(r"\u201c|\"", text):
        return "news"
    if re.search(r"\brecommendations?\b|\breport\b", head, re.IGNORECASE):
        return "report"
    if suffix in {".html", ".htm"}:
        return "web page"
    return "other"


def year_of(date: str | None) -> int | None:
    m = re.match(r"((?:19|20)\d\d)", date or "")
    return int(m.group(1)) if m else None


def title_of(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if len(line) > 3 and not re.fullmatch(r"agenda item|minutes:?", line, re.IGNORECASE):
            return line[:200]
    return ""


# ---------------------------------------------------------------- manifest


def read_manifest(raw: Path) -> tuple[dict[str, dict], list[dict]]:
    """Rows of ``manifest.csv`` keyed by relative file path, and report rows for bad rows."""
    path = raw / MANIFEST
    if not path.exists():
        return {}, []
    text = decode_text(path.read_bytes())
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in [f.strip().lower() for f in reader.fieldnames]:
        raise InputFileError(f"{path}: line 1: the manifest needs a 'file' column")
    rows, report = {}, []
    for line, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        name = row.get("file", "")
        if not name:
            continue
        target = (raw / name).resolve()
        if not target.is_relative_to(raw.resolve()):
            report.append(_report(name, "skipped", f"manifest line {line}: path leaves the raw folder — refused"))
            continue
        if not target.exists():
            report.append(_report(name, "error", f"manifest line {line}: file not found"))
            continue
        rows[target.relative_to(raw.resolve()).as_posix()] = row
    return rows, report


# ---------------------------------------------------------------- the stage


@dataclass
class Parsed:
    file: str
    sha256: str
    text: str


def _report(file: str, status: str, reason: str = "", doc_id: str | None = None) -> dict:
    return {"file": file, "status": status, "reason": reason, "doc_id": doc_id}


def doc_id_for(sha256: str) -> str:
    return f"doc-{sha256[:12]}"


def list_files(raw: Path) -> list[Path]:
    return sorted(p for p in Path(raw).rglob("*") if p.is_file() or p.is_symlink())


def parse_file(path: Path, raw: Path, max_mb: float) -> Parsed:
    """Read one file into normalised text, or raise SkipFile with the reason."""
    rel = path.relative_to(raw).as_posix()
    if path.is_symlink() and not path.resolve().is_relative_to(raw.resolve()):
        raise SkipFile("symbolic link pointing outside the raw folder — refused")
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise SkipFile("unsupported format")
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise SkipFile(f"file larger than the {max_mb:g} MB limit")
    data = path.read_bytes()
    if not data.strip():
        raise SkipFile("empty file")
    text = normalise_text(READERS[suffix](data))
    if not text:
        raise SkipFile("no text after normalisation")
    return Parsed(rel, hashlib.sha256(data).hexdigest(), text)


def parse_one(path: Path, raw: Path, max_mb: float) -> Parsed | dict:
    """Parse one file; a file that cannot be read gives its ``ingest_report`` row instead."""
    rel = path.relative_to(raw).as_posix()
    try:
        return parse_file(path, raw, max_mb)
    except SkipFile as exc:
        return _report(rel, "skipped", str(exc))
    except Exception as exc:  # a broken file must never stop the batch
        return _report(rel, "error", f"could not read: {exc.__class__.__name__}: {exc}")


def ingest(raw: Path, max_mb: float | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ingest every file under ``raw``; return (documents, ingest_report)."""
    from .config import MAX_FILE_MB

    raw = Path(raw)
    if not raw.is_dir():
        raise WorkbookError(f"raw folder {raw} does not exist: point --raw at your documents")
    max_mb = MAX_FILE_MB if max_mb is None else max_mb
    manifest, report = read_manifest(raw)
    documents, seen = [], {}
    paths = [p for p in list_files(raw) if p.relative_to(raw).as_posix() != MANIFEST and not p.name.startswith(".")]
    outcomes = map_ordered(partial(parse_one, raw=raw, max_mb=max_mb), paths)
    for path, parsed in zip(paths, outcomes):
        rel = path.relative_to(raw).as_posix()
        if isinstance(parsed, dict):
            report.append(parsed)
            continue
        doc_id = doc_id_for(parsed.sha256)
        if doc_id in seen:
            report.append(_report(rel, "duplicate", f"same content as {seen[doc_id]}", doc_id))
            continue
        seen[doc_id] = rel
        documents.append(_document(parsed, doc_id, manifest.get(rel, {}), path.suffix.lower()))
        report.append(_report(rel, "ok", "", doc_id))
    docs = pd.DataFrame(documents, columns=DOCUMENT_COLUMNS)
    docs["year"] = docs["year"].astype("Int64")
    docs["n_chars"] = docs["n_chars"].astype(int)
    rep = pd.DataFrame(report, columns=["file", "status", "reason", "doc_id"])
    if docs.empty:
        reasons = "; ".join(f"{r['file']}: {r['reason']}" for r in report[:5]) or "the folder is empty"
        raise WorkbookError(f"no document in {raw} could be read ({reasons})")
    return docs, rep


DOCUMENT_COLUMNS = [
    "doc_id", "file", "council", "body", "doc_type", "date", "year", "title", "text",
    "n_chars", "sha256", "source_url", "format", "inferred", "notes",
]


def _document(parsed: Parsed, doc_id: str, meta: dict, suffix: str) -> dict:
    text = parsed.text
    inferred = []

    def pick(field, infer):
        value = (meta.get(field) or "").strip()
        if value:
            return value
        value = infer()
        if value:
            inferred.append(field)
        return value or None

    council = pick("council", lambda: infer_council(text))
    body = pick("body", lambda: infer_body(text))
    doc_type = pick("doc_type", lambda: infer_doc_type(text, suffix))
    if doc_type not in DOC_TYPES:
        doc_type = "other"
    date = pick("date", lambda: infer_date(text))
    return {
        "doc_id": doc_id,
        "file": parsed.file,
        "council": council,
        "body": body,
        "doc_type": doc_type,
        "date": date,
        "year": year_of(date),
        "title": (meta.get("title") or "").strip() or title_of(text),
        "text": text,
        "n_chars": len(text),
        "sha256": parsed.sha256,
        "source_url": (meta.get("source_url") or "").strip() or None,
        "format": suffix.lstrip("."),
        "inferred": ",".join(inferred),
        "notes": (meta.get("notes") or "").strip() or None,
    }


def run(paths) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ingest ``paths.raw`` and write the ``documents`` and ``ingest_report`` tables."""
    from .tables import write_table

    documents, report = ingest(paths.raw)
    write_table(report, "ingest_report", paths.processed)
    write_table(documents, "documents", paths.processed)
    return documents, report
