"""The data contract: each table's schema, and atomic, validated reads and writes.

Every table lives in the processed folder as ``<name>.parquet`` with a ``<name>.csv``
copy for spreadsheet users. Every output (tables, the briefing, executed notebooks) is
written to a hidden temporary file next to its target and renamed into place, so a run
killed at any moment leaves the previous complete file. Temporary files carry the id of
the process writing them; those of processes that no longer exist are removed by the
next run (:func:`remove_stale_temp_files`).

Tables are validated against :data:`SCHEMAS` on write and on read — columns, types,
codebook labels, unique ids, and for ``items`` and ``actions`` that each span's text is
exactly ``documents.text[start:end]`` — and a mismatch raises a :class:`TableError` that
names the table, the column and the first offending rows.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from filelock import FileLock, Timeout

from . import codebook
from .errors import TableError, WorkbookError

_STR = pa.Column(str, nullable=True)


def _labels(values) -> pa.Column:
    return pa.Column(str, pa.Check.isin(list(values)), nullable=False)


def _span_check() -> pa.Check:
    return pa.Check(lambda df: df["end"] > df["start"], error="end must be after start")


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "documents": pa.DataFrameSchema(
        {
            "doc_id": pa.Column(str, unique=True),
            "file": pa.Column(str),
            "council": _STR,
            "body": _STR,
            "doc_type": pa.Column(str, pa.Check.isin(["minutes", "report", "scrutiny", "news", "web page", "other"])),
            "date": _STR,
            "year": pa.Column("Int64", pa.Check.in_range(1900, 2100), nullable=True),
            "title": _STR,
            "text": pa.Column(str),
            "n_chars": pa.Column(int, pa.Check.ge(0)),
            "sha256": pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{64}$")),
            "source_url": _STR,
        },
        checks=[pa.Check(lambda df: df["n_chars"] == df["text"].str.len(), error="n_chars must be len(text)")],
    ),
    "ingest_report": pa.DataFrameSchema(
        {
            "file": pa.Column(str),
            "status": _labels(["ok", "skipped", "error", "duplicate"]),
            "reason": _STR,
            "doc_id": _STR,
        }
    ),
    "items": pa.DataFrameSchema(
        {
            "item_id": pa.Column(str, unique=True),
            "doc_id": pa.Column(str),
            "council": _STR,
            "seq": pa.Column(int, pa.Check.ge(0)),
            "label": _STR,
            "text": pa.Column(str, pa.Check.str_length(min_value=1)),
            "start": pa.Column(int, pa.Check.ge(0)),
            "end": pa.Column(int, pa.Check.ge(0)),
            "kind": _labels(codebook.KINDS),
            "status": _labels(codebook.STATUSES),
            "theme": _labels(codebook.THEMES),
            "confidence": pa.Column(float, pa.Check.in_range(0, 1)),
            "cluster": pa.Column("Int64", nullable=True),
            "cluster_label": _STR,
        },
        checks=[_span_check()],
    ),
    "actions": pa.DataFrameSchema(
        {
            "doc_id": pa.Column(str),
            "council": _STR,
            "action": _labels(codebook.ACTIONS),
            "evidence": pa.Column(str),
            "start": pa.Column(int, pa.Check.ge(0)),
            "end": pa.Column(int, pa.Check.ge(0)),
            "confidence": pa.Column(float, pa.Check.in_range(0, 1)),
        },
        checks=[_span_check()],
    ),
    "councils": pa.DataFrameSchema(
        {
            "council": pa.Column(str, unique=True),
            "actions": _STR,
            "model": _STR,
            "years": _STR,
            "n_documents": pa.Column(int, pa.Check.ge(0)),
        }
    ),
    "clusters": pa.DataFrameSchema(
        {
            "cluster": pa.Column(int, pa.Check.ge(0), unique=True),
            "cluster_label": pa.Column(str),
            "n_items": pa.Column(int, pa.Check.ge(0)),
        }
    ),
}

#: The column that identifies a row of each table in error messages.
ROW_ID = {"documents": "doc_id", "ingest_report": "file", "items": "item_id", "actions": "doc_id",
          "councils": "council", "clusters": "cluster"}
#: Tables whose ``column`` must equal ``documents.text[start:end]``.
SPAN_TABLES = {"items": "text", "actions": "evidence"}

WRITTEN_BY = {
    "documents": "01_ingest_documents",
    "ingest_report": "01_ingest_documents",
    "items": "02_extract_items",
    "clusters": "03_cluster_themes",
    "actions": "04_compare_councils",
    "councils": "04_compare_councils",
}

# ---------------------------------------------------------------- validation


def _what_failed(column, check: str, failure) -> str:
    """A failed pandera check in words."""
    if check == "column_in_dataframe":
        return f"column {failure!r} is missing"
    if not isinstance(column, str):
        return check  # a table-wide check: its error text says what is wrong
    subject = f"column {column!r}"
    words = {"field_uniqueness": "has duplicate values", "not_nullable": "has missing values"}
    if check in words:
        return f"{subject} {words[check]}"
    if m := re.fullmatch(r"isin\((.*)\)", check, re.S):
        allowed = ", ".join(re.findall(r"'([^']*)'", m.group(1)))
        return f"{subject} has values outside the allowed list ({allowed})"
    if m := re.fullmatch(r"dtype\('?([^')]*)'?\)", check):
        return f"{subject} should hold {m.group(1)} values"
    if m := re.fullmatch(r"greater_than_or_equal_to\((.*)\)", check):
        return f"{subject} must be ≥ {m.group(1)}"
    if m := re.fullmatch(r"in_range\((.*), (.*)\)", check):
        return f"{subject} must be between {m.group(1)} and {m.group(2)}"
    return f"{subject} fails '{check}'"


def _rows(df: pd.DataFrame, name: str, column, cases: pd.DataFrame, limit: int = 3) -> str:
    """`` at rows 3 (item_id 'x', 'Governance'), 7 (…) and 12 more`` for the failure cases of one check."""
    cases = cases.dropna(subset=["index"])
    if cases.empty:
        return ""
    key = ROW_ID.get(name)
    shown = []
    for index, value in zip(cases["index"].head(limit), cases["failure_case"].head(limit)):
        label = f"{key} {df.at[index, key]!r}" if key in df and index in df.index and key != column else ""
        value = f"{str(value)[:60]!r}" if isinstance(column, str) else ""
        shown.append(f"{index} ({', '.join(p for p in (label, value) if p)})" if label or value else f"{index}")
    more = f" and {len(cases) - limit} more" if len(cases) > limit else ""
    return f" at row{'s' if len(cases) > 1 else ''} {', '.join(shown)}{more}"


def validate(df: pd.DataFrame, name: str, fix: str = "") -> pd.DataFrame:
    """Check ``df`` against the schema of table ``name``; raise a TableError naming the problem.

    The message names the table, then for up to three failed checks the column and the
    first offending rows (by position, with their id), then ``fix``.
    """
    schema = SCHEMAS.get(name)
    if schema is None:
        return df
    try:
        return schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases.copy()
        # a table-wide check is reported once per column of the failing rows: keep it once, for the rows
        cases.loc[cases["schema_context"] == "DataFrameSchema", "column"] = None
        mistyped = set(cases.loc[cases["check"].astype(str).str.startswith("dtype("), "column"])
        problems = []
        for (column, check), group in cases.groupby(["column", "check"], sort=False, dropna=False):
            column = column if isinstance(column, str) else None
            if column in mistyped and not str(check).startswith("dtype("):
                continue  # other checks on a column of the wrong type only repeat the type error
            problems.append(_what_failed(column, str(check), group["failure_case"].iloc[0])
                            + _rows(df, name, column, group.drop_duplicates("index")))
        more = f" (and {len(problems) - 3} more problems)" if len(problems) > 3 else ""
        raise TableError(
            f"table {name!r} does not match its schema: {'; '.join(problems[:3])}{more}{f' — {fix}' if fix else ''}"
        ) from exc  # pandera's full report goes to the log with the traceback


def check_offsets(spans: pd.DataFrame, documents: pd.DataFrame, name: str, column: str) -> None:
    """Every span's ``column`` must be exactly ``documents.text[start:end]`` of its document."""
    texts = dict(zip(documents["doc_id"], documents["text"]))
    bad = [
        i
        for i, (doc_id, start, end, text) in enumerate(
            zip(spans["doc_id"], spans["start"], spans["end"], spans[column])
        )
        if doc_id not in texts or texts[doc_id][start:end] != text
    ]
    if bad:
        first = bad[0]
        doc_id = spans["doc_id"].iloc[first]
        why = (
            f"document {doc_id!r} is not in the documents table"
            if doc_id not in texts
            else f"{column} {str(spans[column].iloc[first])[:40]!r} but the document has "
            f"{texts[doc_id][spans['start'].iloc[first]:spans['end'].iloc[first]][:40]!r} there"
        )
        raise TableError(
            f"table {name!r}: column {column!r} does not match documents.text[start:end] at rows "
            f"{bad[:5]}{' …' if len(bad) > 5 else ''} (row {first}: {why})"
        )


def _check_spans(df: pd.DataFrame, name: str, processed: Path, fix: str) -> None:
    """For span tables, check offsets against the documents table in the same folder, if any."""
    documents = processed / "documents.parquet"
    if name not in SPAN_TABLES or not documents.exists():
        return
    try:
        check_offsets(df, pd.read_parquet(documents, columns=["doc_id", "text"]), name, SPAN_TABLES[name])
    except TableError as exc:
        raise TableError(f"{exc} — {fix}") from None


# ---------------------------------------------------------------- atomic files


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_output(path: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a hidden temporary path next to ``path``; on success it is renamed to ``path``.

    If the block raises, the temporary file is removed and ``path`` is left as it was.
    The name carries this process's id, so :func:`remove_stale_temp_files` can tell
    the leftovers of a killed run from a file being written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


_TEMP_NAME = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp(\.ipynb)?$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete temporary files left in ``folder`` (recursively) by processes that no longer exist."""
    stale = []
    for path in Path(folder).rglob(".*.tmp*"):
        m = _TEMP_NAME.match(path.name)
        if m and path.is_file() and not _alive(int(m.group(1))):
            path.unlink(missing_ok=True)
            stale.append(path)
    return stale


def atomic_write_text(path: Path, text: str) -> None:
    """Write a text file (HTML, Markdown, CSV) so that readers never see half of it."""
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)


# ---------------------------------------------------------------- tables


def write_table(df: pd.DataFrame, name: str, processed: Path, csv: bool = True) -> Path:
    """Validate and write table ``name`` as Parquet (and a CSV copy) atomically.

    Both files are written in full before either is renamed into place, the Parquet file
    last: a new Parquet table always comes with its new CSV copy.
    """
    processed = Path(processed)
    fix = "this is a bug in the workbook: please report it with reports/workbook.log"
    df = validate(df.reset_index(drop=True), name, fix)
    _check_spans(df, name, processed, f"re-run {WRITTEN_BY['documents']} and then {WRITTEN_BY.get(name)}")
    target = processed / f"{name}.parquet"
    with atomic_output(target) as parquet_tmp:
        df.to_parquet(parquet_tmp, index=False)
        if csv:
            with atomic_output(processed / f"{name}.csv") as csv_tmp:
                df.to_csv(csv_tmp, index=False, encoding="utf-8")
    return target


def read_table(name: str, processed: Path) -> pd.DataFrame:
    """Read and validate table ``name``; a missing or broken table names the notebook that writes it."""
    processed = Path(processed)
    path = processed / f"{name}.parquet"
    writer = WRITTEN_BY.get(name, "an earlier notebook")
    if not path.exists():
        raise WorkbookError(f"table {name!r} not found in {processed}: run {writer} first")
    try:
        df = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise TableError(
            f"table {name!r} ({path}) cannot be read ({exc.__class__.__name__}: {str(exc)[:120]}) — "
            f"delete it and re-run {writer}"
        ) from exc
    fix = f"re-run {writer} to rebuild it (was {path.name} edited by hand, or written by an older version?)"
    df = validate(df, name, fix)
    _check_spans(df, name, processed, f"re-run {WRITTEN_BY['documents']} and then {writer}")
    return df


@contextmanager
def run_lock(processed: Path):
    """Hold the processed folder for one run; a second run gets a clear message.

    On entry, temporary files left by killed runs are removed from the folder.
    """
    processed = Path(processed)
    processed.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(processed / ".workbook.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise WorkbookError(
            f"another workbook run is using {processed}; wait for it to finish, "
            "or point this run at another folder with --processed"
        ) from None
    try:
        remove_stale_temp_files(processed)
        yield
    finally:
        lock.release()
