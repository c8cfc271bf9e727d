"""Measure the workbook against hand-coded gold labels (data/annotations)."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd


def normalise_phrase(text: str) -> str:
    """The form used to match a quoted phrase: NFKC, straight quotes, plain dashes, single spaces, lower case."""
    from .ingest import normalise_text

    return re.sub(r"\s+", " ", normalise_text(unicodedata.normalize("NFKC", text))).strip().lower()


def locate(phrase: str, text: str) -> int:
    """Offset of ``phrase`` in ``text`` after normalising both, or -1.

    Works on a whitespace-collapsed, lower-cased copy of ``text`` with an index map
    back to the original offsets.
    """
    target = normalise_phrase(phrase)
    if not target:
        return -1
    chars, index = [], []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            chars.append(" ")
            prev_space = True
        else:
            chars.append(ch.lower())
            prev_space = False
        index.append(i)
    pos = "".join(chars).find(target)
    return index[pos] if pos >= 0 else -1


def match_gold(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Attach to each gold row the item whose span contains its key phrase.

    Returns the gold rows with ``doc_id``, ``pos`` (phrase offset, -1 when the phrase is
    not in the document) and ``item_id`` (None when no item covers it).
    """
    by_file = dict(zip(documents["file"], zip(documents["doc_id"], documents["text"])))
    rows = []
    for g in gold.to_dict("records"):
        doc_id, text = by_file.get(g["file"], (None, ""))
        pos = locate(g["key_phrase"], text) if doc_id else -1
        item_id = None
        if pos >= 0:
            hit = items[(items["doc_id"] == doc_id) & (items["start"] <= pos) & (items["end"] > pos)]
            if not hit.empty:
                item_id = hit.iloc[0]["item_id"]
        rows.append({**g, "doc_id": doc_id, "pos": pos, "item_id": item_id})
    return pd.DataFrame(rows)
