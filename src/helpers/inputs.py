"""Hand-edited CSV inputs (manifest, overrides, gold labels), read strictly and explained plainly.

Researchers edit these files in Excel or a text editor, so :func:`read_csv_input` accepts what
those tools write — UTF-8, UTF-8 with a byte-order mark, Windows-1252 ("ANSI"), Windows line
endings, blank lines, header names in any case — and refuses, with the file, the line and the
fix, anything that would otherwise change results silently: a missing column, a label that is
not in the codebook, a date that is not ISO, a row with more cells than the header. A column
the workbook does not know is kept but reported with a warning (it is usually a typo).

Every cell comes back as a string with surrounding spaces removed; an empty cell is ``""``
(never NaN — pandas would otherwise turn "NA" or "None" into missing values). The line each
row started on is kept in ``df.attrs["lines"]`` so callers can cite it in their own messages.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

import pandas as pd

from .errors import InputFileError, InputFileWarning

#: Dates in hand-edited files: a year, a month or a day, ISO style.
DATE_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_UK_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")

_EXCEL_MAGIC = {b"PK\x03\x04": "an Excel .xlsx workbook", b"\xd0\xcf\x11\xe0": "an Excel .xls workbook"}
_SAVE_AS = "in Excel use File › Save As › 'CSV UTF-8 (Comma delimited)'"


def read_csv_input(
    path: str | Path,
    required: Sequence[str] = (),
    optional: Sequence[str] = (),
    labels: Mapping[str, Iterable[str]] | None = None,
    dates: Sequence[str] = (),
    nonempty: Sequence[str] = (),
) -> pd.DataFrame:
    """Read a hand-edited CSV, checking it against what the workbook expects.

    ``required`` columns must be present, ``optional`` ones may be; any other column gives an
    :class:`InputFileWarning`. ``labels`` maps a column to its allowed values and ``dates`` lists
    columns holding dates; empty cells pass both checks (they mean "not given"), unless the
    column is also in ``nonempty``. Problems raise :class:`InputFileError` as
    ``"<file>: line N: <problem> — <fix>"``.
    """
    path = Path(path)
    text = _decode(path)
    records = _records(path, text)
    if not records:
        raise InputFileError(f"{path}: line 1: the file is empty — it needs a header line naming its columns")
    (_, header), rows = records[0], records[1:]
    columns = _columns(path, header, required, optional)
    data, lines = [], []
    for line, cells in rows:
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
            raise InputFileError(
                f"{path}: line {line}: {len(cells)} cells but the header has {len(columns)} columns"
                " — put double quotes around values that contain commas"
            )
        cells = [c.strip() for c in cells[: len(columns)]]
        data.append(cells + [""] * (len(columns) - len(cells)))
        lines.append(line)
    df = pd.DataFrame(data, columns=columns, dtype=object)
    for column in nonempty:
        _check_nonempty(path, df, lines, column)
    for column, allowed in (labels or {}).items():
        _check_labels(path, df, lines, column, list(allowed))
    for column in dates:
        _check_dates(path, df, lines, column)
    df.attrs["path"] = str(path)
    df.attrs["lines"] = lines
    return df


def _decode(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 as Excel writes it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{path}: file not found — check the folder, or create it with a header line") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror}) — check the file's permissions") from None
    for magic, what in _EXCEL_MAGIC.items():
        if data.startswith(magic):
            raise InputFileError(f"{path}: line 1: this is {what}, not a CSV file — {_SAVE_AS}")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputFileError(
            f"{path}: line {line}: the file contains NUL bytes (UTF-16 or binary?) — {_SAVE_AS}"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if data.startswith(b"\xef\xbb\xbf"):
            line = data[: exc.start].count(b"\n") + 1
            raise InputFileError(
                f"{path}: line {line}: marked as UTF-8 but byte {data[exc.start]:#04x} is not UTF-8 — {_SAVE_AS}"
            ) from None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(
            f"{path}: line {line}: neither UTF-8 nor Windows-1252 text (byte {data[exc.start]:#04x}) — {_SAVE_AS}"
        ) from None


def _records(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """CSV records with the line each starts on; blank lines and all-empty rows are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records, next_line = [], 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                records.append((next_line, cells))
            next_line = reader.line_num + 1
    except csv.Error as exc:
        raise InputFileError(
            f"{path}: line {next_line}: {exc} — check the double quotes on this line (a quote inside a"
            " value is written twice: \"\")"
        ) from None
    return records


def _columns(path: Path, header: list[str], required: Sequence[str], optional: Sequence[str]) -> list[str]:
    """Header names, matched case-insensitively to the declared ones; checks required and unknown."""
    known = {name.lower(): name for name in [*required, *optional]}
    columns = [known.get(h.strip().lower(), h.strip()) for h in header]
    for i, name in enumerate(columns):
        if not name:
            raise InputFileError(f"{path}: line 1: column {i + 1} has no name — give it a header or delete it")
        if columns.index(name) != i:
            raise InputFileError(f"{path}: line 1: column {name!r} appears twice — delete or rename one of them")
    missing = [name for name in required if name not in columns]
    if missing:
        hint = ""
        if len(header) == 1 and re.search(r"[;\t]", header[0]):
            hint = " (the file seems to use ';' or tabs between values: save it with commas)"
        raise InputFileError(
            f"{path}: line 1: missing required column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(map(repr, missing))} — add {'them' if len(missing) > 1 else 'it'} to the header{hint}"
        )
    for name in columns:
        if name not in known.values() and (required or optional):
            warnings.warn(
                f"{path}: line 1: unknown column {name!r} is ignored by the workbook"
                f"{_did_you_mean(name, list(known.values()))}",
                InputFileWarning,
                stacklevel=3,
            )
    return columns


def _did_you_mean(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    if not close:
        return ""
    return f" — did you mean {next(c for c in choices if c.lower() == close[0])!r}?"


def _first_bad(path: Path, lines: list[int], bad: pd.Series, problem, fix) -> None:
    """Raise for the first row flagged in ``bad``, citing how many more there are."""
    if not bad.any():
        return
    positions = [i for i, flag in enumerate(bad) if flag]
    first = positions[0]
    more = f" (and {len(positions) - 1} more row{'s' if len(positions) > 2 else ''})" if len(positions) > 1 else ""
    raise InputFileError(f"{path}: line {lines[first]}: {problem(first)}{more} — {fix(first)}")


def _check_nonempty(path: Path, df: pd.DataFrame, lines: list[int], column: str) -> None:
    if column not in df:
        return
    _first_bad(
        path, lines, df[column] == "",
        lambda i: f"column {column!r} is empty",
        lambda i: f"fill in {column!r} or delete the row",
    )


def _check_labels(path: Path, df: pd.DataFrame, lines: list[int], column: str, allowed: list[str]) -> None:
    if column not in df:
        return
    values = df[column]
    bad = (values != "") & ~values.isin(allowed)
    _first_bad(
        path, lines, bad,
        lambda i: f"{values.iloc[i]!r} is not an allowed {column}",
        lambda i: f"use one of {', '.join(allowed)}{_did_you_mean(values.iloc[i], allowed)}",
    )


def parse_date(value: str) -> date | None:
    """The earliest day an ISO date, month or year can mean, or None if ``value`` is not one."""
    m = _ISO_DATE.fullmatch(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_fix(value: str) -> str:
    m = _UK_DATE.fullmatch(value)
    iso = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else ""
    if iso and parse_date(iso):
        return f"write it as {iso} (dates are {DATE_FORMATS}; Excel may have reformatted it)"
    return f"write it as {DATE_FORMATS}"


def _check_dates(path: Path, df: pd.DataFrame, lines: list[int], column: str) -> None:
    if column not in df:
        return
    values = df[column]
    bad = values.map(lambda v: v != "" and parse_date(v) is None)
    _first_bad(
        path, lines, bad,
        lambda i: f"{values.iloc[i]!r} in column {column!r} is not a date",
        lambda i: _date_fix(values.iloc[i]),
    )
