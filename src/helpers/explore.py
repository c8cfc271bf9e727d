"""Explore the tables from JupyterLab or a script: search, jump to the source, see what is new.

* :func:`search` filters ``items`` or ``actions`` by council, body, year, labels and free text,
  and returns each hit with a snippet of the source around it (``helpers.search`` is the same).
* :func:`context` shows the source text around one item, the item marked with « ».
* :func:`whats_new` lists the documents, items and actions that were not in the previous run.
  The ids of each run are kept in ``<processed>/.previous/`` (written atomically by
  :mod:`helpers.tables`), so a researcher who adds a month of minutes sees only what changed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from . import codebook
from .config import Paths
from .errors import WorkbookError
from .tables import atomic_write_text, read_table, write_table

#: Characters of source text shown on each side of a hit in :func:`search`.
SNIPPET_CHARS = 120
#: The folder (inside the processed folder) holding the ids of the latest and previous runs.
SNAPSHOT_DIR = ".previous"
_TEXT_COLUMN = {"items": "text", "actions": "evidence"}
_LABEL_FILTERS = {"items": ("kind", "status", "theme"), "actions": ("action",)}


def _fold(text: str) -> str:
    """Lower case, straight quotes, and every run of punctuation or space as one space."""
    from .evaluate import normalise_phrase

    return " ".join(re.sub(r"[\W_]+", " ", normalise_phrase(text)).split())


def _as_set(value) -> set | None:
    if value is None or value == "":
        return None
    if isinstance(value, (str, int)):
        return {value}
    return set(value)


def _check_labels(field: str, wanted: set) -> None:
    allowed = set(codebook.load()[field])
    unknown = sorted(map(str, wanted - allowed))
    if unknown:
        raise WorkbookError(f"unknown {field} {unknown}: use one of {', '.join(sorted(allowed))}")


def _contains(series: pd.Series, wanted: set) -> pd.Series:
    """Case-insensitive 'contains any of' on a text column (so "Southwark" finds "Southwark Council")."""
    text = series.fillna("").astype(str).str.lower()
    mask = pd.Series(False, index=series.index)
    for value in wanted:
        mask |= text.str.contains(str(value).lower(), regex=False)
    return mask


def snippet(text: str, start: int, end: int, chars: int = SNIPPET_CHARS) -> str:
    """The source around ``text[start:end]`` on one line, the span marked with « »."""
    lo, hi = max(0, start - chars), min(len(text), end + chars)
    parts = ("…" if lo else "", text[lo:start], "«", text[start:end], "»", text[end:hi], "…" if hi < len(text) else "")
    return " ".join("".join(parts).split())


def with_documents(spans: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``spans`` (items or actions) with each document's file, body, year, date and title beside them."""
    meta = documents[["doc_id", "file", "body", "year", "date", "title"]]
    keep = [c for c in spans.columns if c not in meta.columns or c == "doc_id"]
    return spans[keep].merge(meta, on="doc_id", how="left")


def search(
    query: str = "",
    council=None,
    body=None,
    year=None,
    kind=None,
    status=None,
    theme=None,
    action=None,
    table: str = "items",
    processed: str | Path | None = None,
) -> pd.DataFrame:
    """Items (or actions, with ``table="actions"``) matching every filter given.

    ``query`` is free text matched in the item text (or action evidence) ignoring case,
    quotes and punctuation, so "task and finish" finds "task-and-finish groups". ``council``
    and ``body`` match any part of the name; ``year``, ``kind``, ``status``, ``theme`` and
    ``action`` take one value or a list. Each row carries a ``snippet`` of the source around it.
    """
    if table not in _TEXT_COLUMN:
        raise WorkbookError(f"table must be 'items' or 'actions', not {table!r}")
    processed = Path(processed) if processed else Paths().processed
    documents = read_table("documents", processed)
    spans = with_documents(read_table(table, processed), documents)
    labels = {"kind": kind, "status": status, "theme": theme, "action": action}
    for field, value in labels.items():
        wanted = _as_set(value)
        if wanted is None:
            continue
        if field not in _LABEL_FILTERS[table]:
            raise WorkbookError(f"the {table} table has no {field!r} column: filter by {', '.join(_LABEL_FILTERS[table])}")
        _check_labels(field, wanted)
        spans = spans[spans[field].isin(wanted)]
    for column, value in (("council", council), ("body", body)):
        wanted = _as_set(value)
        if wanted is not None:
            spans = spans[_contains(spans[column], wanted)]
    years = _as_set(year)
    if years is not None:
        spans = spans[spans["year"].isin({int(y) for y in years})]
    if query.strip():
        target = _fold(query)
        spans = spans.loc[spans[_TEXT_COLUMN[table]].map(lambda t: target in _fold(t)).astype(bool)]
    texts = dict(zip(documents["doc_id"], documents["text"]))
    spans = spans.assign(
        snippet=[snippet(texts[d], s, e) for d, s, e in zip(spans["doc_id"], spans["start"], spans["end"])]
    )
    return spans.reset_index(drop=True)


def context(item_id: str, chars: int = 400, processed: str | Path | None = None) -> str:
    """The source text around one item (``chars`` on each side), the item marked with « »."""
    processed = Path(processed) if processed else Paths().processed
    items = read_table("items", processed)
    hit = items[items["item_id"] == item_id]
    if hit.empty:
        raise WorkbookError(f"no item {item_id!r} in {processed}: copy an item_id from search()")
    item = hit.iloc[0]
    documents = read_table("documents", processed)
    doc = documents[documents["doc_id"] == item["doc_id"]].iloc[0]
    text, start, end = doc["text"], int(item["start"]), int(item["end"])
    lo, hi = max(0, start - chars), min(len(text), end + chars)
    head = f"{doc['file']} — {_or(doc['title'], '(untitled)')} ({_or(doc['council'], 'council not stated')}), characters {start}–{end}"
    return f"{head}\n\n{'…' if lo else ''}{text[lo:start]}«{text[start:end]}»{text[end:hi]}{'…' if hi < len(text) else ''}"


# --- what's new -----------------------------------------------------------------------------


def action_key(actions: pd.DataFrame) -> pd.Series:
    """A stable id for each action row: document, action and evidence offsets."""
    return actions["doc_id"] + ":" + actions["action"] + ":" + actions["start"].astype(str) + "-" + actions["end"].astype(str)


def run_ids(documents: pd.DataFrame, items: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """The ids of one run as a long table: ``table``, ``id``."""
    parts = [
        pd.DataFrame({"table": "documents", "id": documents["doc_id"]}),
        pd.DataFrame({"table": "items", "id": items["item_id"]}),
        pd.DataFrame({"table": "actions", "id": action_key(actions)}),
    ]
    return pd.concat(parts, ignore_index=True).astype(str)


def _read_snapshot(folder: Path, name: str) -> pd.DataFrame | None:
    return read_table(name, folder) if (folder / f"{name}.parquet").exists() else None


def update_snapshot(current: pd.DataFrame, processed: Path) -> pd.DataFrame | None:
    """Record this run's ids and return those of the run before it (None on a first run).

    ``.previous/latest`` holds the ids of the last run seen; when this run's ids differ, it
    becomes ``.previous/previous``. Re-running the notebook on unchanged tables keeps the digest.
    """
    folder = Path(processed) / SNAPSHOT_DIR
    latest = _read_snapshot(folder, "latest")
    if latest is not None and not latest.equals(current):
        write_table(latest, "previous", folder, csv=False)
        write_table(current, "latest", folder, csv=False)
        return latest
    if latest is None:
        write_table(current, "latest", folder, csv=False)
    return _read_snapshot(folder, "previous")


def whats_new(processed: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """The documents, items and actions of this run that were not in the previous run.

    On a first run (no snapshot yet) everything is new. Returns one DataFrame per table.
    """
    processed = Path(processed) if processed else Paths().processed
    documents = read_table("documents", processed)
    items = read_table("items", processed)
    actions = read_table("actions", processed)
    previous = update_snapshot(run_ids(documents, items, actions), processed)
    seen = set() if previous is None else set(zip(previous["table"], previous["id"]))

    def new(table: str, ids: pd.Series) -> pd.Series:
        return ~pd.Series([(table, i) for i in ids], index=ids.index).isin(seen)

    return {
        "documents": documents[new("documents", documents["doc_id"])].drop(columns="text").reset_index(drop=True),
        "items": with_documents(items[new("items", items["item_id"])], documents).reset_index(drop=True),
        "actions": with_documents(actions[new("actions", action_key(actions))], documents).reset_index(drop=True),
    }


def _or(value, default: str) -> str:
    return default if pd.isna(value) or value == "" else str(value)


def digest_markdown(new: dict[str, pd.DataFrame]) -> str:
    """The "what's new" digest as Markdown: new documents, then new items and actions per document."""
    docs, items, actions = new["documents"], new["items"], new["actions"]
    lines = ["# What's new since the previous run", ""]
    lines.append(f"{len(docs)} new documents, {len(items)} new items, {len(actions)} new actions.")
    if not docs.empty:
        lines += ["", "## New documents", ""]
        lines += [f"- {r.file}: {_or(r.title, '(untitled)')} — {_or(r.council, 'council not stated')}, {_or(r.date, 'undated')}"
                  for r in docs.itertuples()]
    for file, group in items.groupby("file", sort=True):
        lines += ["", f"## New items in {file}", ""]
        lines += [f"- [{r.kind} · {r.status} · {r.theme}] {' '.join(r.text.split())}" for r in group.itertuples()]
    for file, group in actions.groupby("file", sort=True):
        lines += ["", f"## New actions in {file}", ""]
        lines += [f"- {r.action}: {' '.join(r.evidence.split())}" for r in group.itertuples()]
    return "\n".join(lines) + "\n"


def write_digest(new: dict[str, pd.DataFrame], reports: str | Path) -> Path:
    """Write ``reports/whats_new.md``."""
    path = Path(reports) / "whats_new.md"
    atomic_write_text(path, digest_markdown(new))
    return path

