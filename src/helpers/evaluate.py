"""Measure the workbook against hand-coded gold labels (data/annotations).

Gold rows name an item by a short verbatim ``key_phrase`` inside it. :func:`match_gold`
pairs each gold row with the extracted item that contains its phrase, one item per gold
row at most, so an item that swallows two gold items counts once and the other is missed.
:func:`item_quality` turns that into recall, precision and kind/status/theme accuracy
with Cohen's kappa. The gold is for measuring only: extraction never trains on it (the
theme model learns from the codebook and researchers' corrections), so the scores are not
inflated by the answers. ``lodo=True`` instead re-codes each document with a model trained
on the other documents' gold, to see whether the gold would help as training data.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

GOLD_COLUMNS = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
FIELDS = ("kind", "status", "theme")


@lru_cache(maxsize=4096)
def normalise_phrase(text: str) -> str:
    """The form used to match a quoted phrase: NFKC, straight quotes, plain dashes, single spaces, lower case."""
    from .ingest import normalise_text

    return re.sub(r"\s+", " ", normalise_text(unicodedata.normalize("NFKC", text))).strip().lower()


@lru_cache(maxsize=64)
def _normalised_with_index(text: str) -> tuple[str, list[int]]:
    """``text`` whitespace-collapsed and lower-cased, with each character's original offset."""
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
    return "".join(chars), index


def locate_all(phrase: str, text: str) -> list[tuple[int, int]]:
    """(start, end) offsets in ``text`` of every occurrence of ``phrase`` after normalising both; the
    occurrences written as the phrase is, in the same case, first ("That no further action be taken"
    is the resolution, not the motion's "… that no further action be taken")."""
    from .ingest import normalise_text

    target = normalise_phrase(phrase)
    if not target:
        return []
    flat, index = _normalised_with_index(text)
    spans, pos = [], flat.find(target)
    while pos >= 0:
        spans.append((index[pos], index[pos + len(target) - 1] + 1))
        pos = flat.find(target, pos + 1)
    if len(spans) > 1:
        written = " ".join(normalise_text(unicodedata.normalize("NFKC", phrase)).split())
        spans.sort(key=lambda span: " ".join(text[span[0] : span[1]].split()) != written)  # a stable sort
    return spans


def locate(phrase: str, text: str) -> int:
    """Offset of ``phrase`` in ``text`` after normalising both, or -1."""
    spans = locate_all(phrase, text)
    return spans[0][0] if spans else -1


def read_gold(annotations: Path) -> pd.DataFrame:
    """``items_gold.csv`` checked against the codebook (empty frame when there is none)."""
    from . import codebook
    from .inputs import read_csv_input

    path = Path(annotations) / "items_gold.csv"
    if not path.exists():
        return pd.DataFrame(columns=GOLD_COLUMNS)
    return read_csv_input(
        path,
        required=["file", "key_phrase", "kind", "status", "theme"],
        optional=["label", "notes"],
        labels={"kind": codebook.KINDS, "status": codebook.STATUSES, "theme": codebook.THEMES},
        nonempty=["file", "key_phrase", "kind", "status", "theme"],
    )


def match_gold(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Attach to each gold row the item whose span contains its key phrase.

    Returns the gold rows with ``doc_id``, ``pos`` (phrase offset, -1 when the phrase is
    not in the document) and ``item_id`` (None when no item covers it, or when the item
    that covers it is already taken by an earlier gold row). A phrase that occurs several
    times in a document is matched to its occurrences in gold-row order.
    """
    by_file = dict(zip(documents["file"], zip(documents["doc_id"], documents["text"])))
    seen: dict[tuple[str, str], int] = {}
    taken: set[str] = set()
    rows = []
    for g in gold.to_dict("records"):
        doc_id, text = by_file.get(g["file"], (None, ""))
        key = (g["file"], normalise_phrase(g["key_phrase"]))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        spans = locate_all(g["key_phrase"], text) if doc_id else []
        pos, item_id = -1, None
        if occurrence < len(spans):
            pos, phrase_end = spans[occurrence]
            doc_items = items[items["doc_id"] == doc_id]
            hit = doc_items[(doc_items["start"] <= pos) & (doc_items["end"] >= phrase_end)]
            free = [i for i in hit["item_id"] if i not in taken]
            if free:
                item_id = free[0]
                taken.add(item_id)
        rows.append({**g, "doc_id": doc_id, "pos": pos, "item_id": item_id})
    return pd.DataFrame(rows, columns=[*gold.columns, "doc_id", "pos", "item_id"])


def training_examples(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Gold labels as training rows: the text of the matched item (else the key phrase),
    with doc_id, kind, status and theme."""
    matched = match_gold(items, documents, gold)
    texts = dict(zip(items["item_id"], items["text"]))
    return pd.DataFrame(
        {
            "doc_id": matched["doc_id"],
            "text": [texts.get(i, k) if isinstance(i, str) else k for i, k in zip(matched["item_id"], matched["key_phrase"])],
            "kind": matched["kind"],
            "status": matched["status"],
            "theme": matched["theme"],
        }
    )


def code_leave_one_document_out(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Re-code each document's items with models trained only on the other documents' gold."""
    from .coding import code_items

    examples = training_examples(items, documents, gold)
    if "doc_type" not in items and "doc_type" in documents:  # coding reads the document's type, as in extraction
        from .extract import reading

        read_as = {d: reading(t, text) for d, t, text in zip(documents["doc_id"], documents["doc_type"], documents["text"])}
        items = items.assign(doc_type=items["doc_id"].map(read_as))
    parts = [
        code_items(items[items["doc_id"] == doc_id], examples[examples["doc_id"] != doc_id])
        for doc_id in items["doc_id"].drop_duplicates()
    ]
    return pd.concat(parts) if parts else items


def _scored(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame, lodo: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Gold rows matched to (re-coded) items, and the items of the gold documents.

    Gold rows for files that are not in this corpus are left out."""
    gold = gold[gold["file"].isin(set(documents["file"]))]
    gold_docs = documents[documents["file"].isin(set(gold["file"]))]
    scope = items[items["doc_id"].isin(set(gold_docs["doc_id"]))]
    if lodo and len(scope):
        scope = code_leave_one_document_out(scope, gold_docs, gold)
    matched = match_gold(scope, gold_docs, gold)
    coded = scope.set_index("item_id")[list(FIELDS)]
    for field in FIELDS:
        matched[f"{field}_pred"] = [coded[field].get(i) if isinstance(i, str) else None for i in matched["item_id"]]
    return matched, scope


def item_quality(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame, lodo: bool = False) -> pd.DataFrame:
    """Rows (metric, value): item recall and precision on the gold documents, and for
    kind, status and theme the accuracy and Cohen's kappa on the matched items.

    With ``lodo`` the labels are first re-coded leave one document out with the gold as
    training data (see the module docstring)."""
    from sklearn.metrics import accuracy_score, cohen_kappa_score

    matched, scope = _scored(items, documents, gold, lodo)
    hits = matched[matched["item_id"].map(lambda i: isinstance(i, str)).astype(bool)]
    rows = [
        ("gold items", float(len(matched))),
        ("extracted items", float(len(scope))),
        ("item recall", len(hits) / len(matched) if len(matched) else float("nan")),
        ("item precision", hits["item_id"].nunique() / len(scope) if len(scope) else float("nan")),
    ]
    for field in FIELDS:
        truth, pred = hits[field].astype(str), hits[f"{field}_pred"].astype(str)
        rows.append((f"{field} accuracy", accuracy_score(truth, pred) if len(hits) else float("nan")))
        kappa = cohen_kappa_score(truth, pred) if len(hits) and len(set(truth) | set(pred)) > 1 else float("nan")
        rows.append((f"{field} kappa", kappa))
    return pd.DataFrame(rows, columns=["metric", "value"])


def quality_by_document(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame, lodo: bool = False) -> pd.DataFrame:
    """:func:`item_quality` for each gold document (rows: file; columns: metrics)."""
    gold_docs = documents[documents["file"].isin(set(gold["file"]))]
    scope = items[items["doc_id"].isin(set(gold_docs["doc_id"]))]
    recoded = code_leave_one_document_out(scope, gold_docs, gold) if lodo and len(scope) else scope
    table = {}
    for file, doc_id in zip(gold_docs["file"], gold_docs["doc_id"]):
        q = item_quality(recoded[recoded["doc_id"] == doc_id], gold_docs, gold[gold["file"] == file], lodo=False)
        table[file] = dict(zip(q["metric"], q["value"]))
    return pd.DataFrame.from_dict(table, orient="index")


def disagreements(items: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame, lodo: bool = False) -> pd.DataFrame:
    """Every difference from the gold: missed gold items, extra items, and wrong labels.

    Columns: file, problem, label, gold (the gold's kind/status/theme), extracted (ours),
    text (the key phrase, or the extra item's opening words), why (the coder's reason).
    """
    matched, scope = _scored(items, documents, gold, lodo)
    files = dict(zip(documents["doc_id"], documents["file"]))
    whys = dict(zip(scope["item_id"], scope.get("why", pd.Series(index=scope.index, dtype=object))))
    rows = []
    for g in matched.to_dict("records"):
        if not isinstance(g["item_id"], str):
            problem = "phrase not in document" if g["pos"] < 0 else "missed (no item, or merged into another)"
            rows.append((g["file"], problem, g.get("label", ""), _labels(g), "", g["key_phrase"], ""))
            continue
        wrong = [f for f in FIELDS if g[f] != g[f"{f}_pred"]]
        if wrong:
            ours = "/".join(str(g[f"{f}_pred"]) for f in FIELDS)
            rows.append((g["file"], "wrong " + ", ".join(wrong), g.get("label", ""), _labels(g), ours,
                         g["key_phrase"], whys.get(g["item_id"], "")))
    used = set(matched["item_id"].dropna())
    for it in scope[~scope["item_id"].isin(used)].to_dict("records"):
        ours = "/".join(str(it[f]) for f in FIELDS)
        rows.append((files.get(it["doc_id"], ""), "extra item (not in gold)", it["label"], "", ours,
                     _opening(it["text"]), it.get("why", "")))
    return pd.DataFrame(rows, columns=["file", "problem", "label", "gold", "extracted", "text", "why"])


def _labels(row: dict) -> str:
    return "/".join(str(row[f]) for f in FIELDS)


def _opening(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# ---------------------------------------------------------------- a labelled folder from elsewhere


def evaluate_folder(folder: str | Path, work: str | Path) -> dict[str, pd.DataFrame]:
    """Run ingest, extraction, coding and action detection on a folder of documents coded by
    someone else, and score the result against that folder's gold.

    ``folder`` holds ``raw/`` (the documents), ``items_gold.csv``, and optionally
    ``actions_gold.csv`` and ``manifest.csv`` (in the folder or in ``raw/``). The workbook
    runs as it would for a researcher with a new corpus: no gold and no corrections of that
    folder are used for coding (the theme model knows only the codebook), so the figures are
    out-of-sample. A document the workbook cannot read counts: its gold items and actions are
    missed. Tables are written under ``work``. Returns ``quality`` (as
    :func:`item_quality`), ``by_document``, ``disagreements``, ``actions`` (as
    :func:`helpers.compare.action_quality`, empty without actions gold) and ``ingest_report``.
    """
    from . import compare, extract
    from .tables import read_table

    folder, work = Path(folder), Path(work)
    paths = _ingest_copy(folder, work)
    # the labelled examples shipped for theme tie-breaks never include this folder's own documents
    items = extract.run(paths, exclude_example_files=frozenset(p.name for p in (folder / "raw").rglob("*") if p.is_file()))
    actions, _ = compare.run(paths)
    documents = read_table("documents", paths.processed)
    gold = read_gold(folder)
    by_document = {}
    for file, doc_id in zip(documents["file"], documents["doc_id"]):
        if (gold["file"] == file).any():
            q = item_quality(items[items["doc_id"] == doc_id], documents, gold[gold["file"] == file], lodo=False)
            by_document[file] = dict(zip(q["metric"], q["value"]))
    actions_gold = folder / "actions_gold.csv"
    quality = item_quality(items, documents, gold, lodo=False)
    found = disagreements(items, documents, gold, lodo=False)
    action_gold = compare.read_gold(actions_gold) if actions_gold.exists() else None
    scores = compare.action_quality(actions, documents, action_gold) if action_gold is not None else pd.DataFrame()
    # a document the workbook could not read still has its gold: every item and action in it is missed
    unread = gold[~gold["file"].isin(set(documents["file"]))]
    if len(unread):
        quality = _with_missed(quality, len(unread))
        found = pd.concat([found, pd.DataFrame({"file": unread["file"], "problem": "missed (document not read)",
                                                "label": unread.get("label", ""), "gold": unread.apply(_labels, axis=1),
                                                "extracted": "", "text": unread["key_phrase"], "why": ""})],
                          ignore_index=True)
        for file, rows in unread.groupby("file"):
            by_document[file] = {"gold items": float(len(rows)), "extracted items": 0.0, "item recall": 0.0}
    if action_gold is not None and len(scores):
        scores = _actions_with_missed(scores, action_gold[~action_gold["file"].isin(set(documents["file"]))])
    return {
        "quality": quality,
        "by_document": pd.DataFrame.from_dict(by_document, orient="index"),
        "disagreements": found,
        "actions": scores,
        "ingest_report": read_table("ingest_report", paths.processed),
    }


def _with_missed(quality: pd.DataFrame, missed: int) -> pd.DataFrame:
    """``quality`` with ``missed`` more gold items, none of them found (their document was not read)."""
    values = dict(zip(quality["metric"], quality["value"]))
    total = values["gold items"] + missed
    hits = values["item recall"] * values["gold items"] if values["gold items"] else 0.0
    values["gold items"], values["item recall"] = total, hits / total
    return pd.DataFrame(list(values.items()), columns=["metric", "value"])


def _actions_with_missed(scores: pd.DataFrame, unread: pd.DataFrame) -> pd.DataFrame:
    """Action scores with the (document, action) pairs of unread documents counted as missed."""
    scores = scores.copy()
    pairs = unread[["file", "action"]].drop_duplicates()
    for i, row in scores.iterrows():
        extra = len(pairs) if row["action"] == "all" else int((pairs["action"] == row["action"]).sum())
        if not extra:
            continue
        support, fn = row["support"] + extra, row["fn"] + extra
        recall = row["tp"] / support
        precision = row["precision"]
        f1 = 2 * precision * recall / (precision + recall) if row["predicted"] and (precision + recall) else 0.0
        scores.loc[i, ["support", "fn", "recall", "f1"]] = [support, fn, recall, f1]
    return scores


def _ingest_copy(folder: Path, work: Path):
    """Copy ``folder``'s documents (and its manifest) to ``work/raw`` and ingest them there as a
    researcher's corpus with no annotations; returns the :class:`~helpers.config.Paths`."""
    import shutil

    from . import ingest
    from .config import Paths

    raw = work / "raw"
    if raw.exists():
        shutil.rmtree(raw)
    shutil.copytree(folder / "raw", raw)
    if (folder / "manifest.csv").exists() and not (raw / "manifest.csv").exists():
        shutil.copy2(folder / "manifest.csv", raw / "manifest.csv")
    (work / "no-annotations").mkdir(parents=True, exist_ok=True)
    paths = Paths.from_params(raw, work / "processed", work / "reports", work / "no-annotations").ensure_outputs()
    ingest.run(paths)
    return paths


def folder_report(results: dict[str, pd.DataFrame], title: str) -> str:
    """The results of :func:`evaluate_folder` as a Markdown section."""
    q = dict(zip(results["quality"]["metric"], results["quality"]["value"]))
    lines = [f"## {title}", "", "| metric | value |", "|---|---|"]
    lines += [f"| {k} | {v:.0f} |" if k.endswith("items") else f"| {k} | {v:.2f} |" for k, v in q.items()]
    by_doc = results["by_document"]
    if len(by_doc):
        cols = ["gold items", "extracted items", "item recall", "item precision", "kind accuracy", "status accuracy", "theme accuracy"]
        lines += ["", "| document | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
        for file, row in by_doc.iterrows():
            lines.append(f"| {file} | " + " | ".join(f"{row[c]:.0f}" if c.endswith("items") else f"{row[c]:.2f}" for c in cols) + " |")
    actions = results["actions"]
    if len(actions):
        a = actions.set_index("action").loc["all"]
        lines += ["", f"Restructuring actions (document × action): precision {a['precision']:.2f}, recall {a['recall']:.2f}, "
                      f"F1 {a['f1']:.2f} ({int(a['tp'])} found, {int(a['fp'])} wrong, {int(a['fn'])} missed)."]
    problems = results["disagreements"]["problem"].value_counts()
    if len(problems):
        lines += ["", "Disagreements: " + "; ".join(f"{n} {p}" for p, n in problems.items()) + "."]
    return "\n".join(lines) + "\n"


def heldout_quality(sets=None, cache_dir: str | Path | None = None) -> pd.DataFrame:
    """:func:`evaluate_folder` on each held-out set (default: every folder of
    ``data/heldout`` with an ``items_gold.csv``), one row per set: item recall and
    precision, kind/status/theme accuracy and the restructuring actions' F1. A set that
    cannot be read gets a ``problem`` instead of figures. With ``cache_dir``, a set's row is
    kept under a fingerprint of the workbook's code and the set's files, and measured again
    only when either changes (the measurement re-runs the whole workbook on every set)."""
    import json
    import tempfile

    from .config import HELDOUT_DIR
    from .errors import WorkbookError
    from .tables import atomic_write_text

    folders = [Path(s) for s in sets] if sets is not None else sorted(
        d for d in HELDOUT_DIR.glob("*") if (d / "items_gold.csv").exists())
    code = _code_fingerprint() if cache_dir else ""
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            kept = Path(cache_dir) / f"heldout-{_folder_fingerprint(folder, code)}.json" if cache_dir else None
            if kept is not None and kept.exists():
                rows[folder.name] = json.loads(kept.read_text(encoding="utf-8"))
                continue
            try:
                results = evaluate_folder(folder, Path(tmp) / folder.name)
            except (WorkbookError, OSError, ValueError) as exc:  # one broken set is reported, the others still scored
                rows[folder.name] = {"problem": f"{exc.__class__.__name__}: {exc}"}
                continue
            q = dict(zip(results["quality"]["metric"], results["quality"]["value"]))
            actions = results["actions"]
            q["actions F1"] = float(actions.set_index("action").loc["all", "f1"]) if len(actions) else float("nan")
            q["documents"] = float(len(results["by_document"]))
            rows[folder.name] = {k: float(v) for k, v in q.items()}
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_text(kept, json.dumps(rows[folder.name]))
    columns = ["documents", "gold items", "item recall", "item precision", "kind accuracy", "status accuracy",
               "theme accuracy", "actions F1"]
    table = pd.DataFrame.from_dict(rows, orient="index")
    return table.reindex(columns=columns + (["problem"] if "problem" in table else []))


def _code_fingerprint() -> str:
    """Changes whenever the package's code or data, or a library that reads documents, changes."""
    import hashlib

    from .ingest import _reader_version

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(_reader_version().encode())
    for path in sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in {".py", ".csv", ".json"}):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _folder_fingerprint(folder: Path, code: str) -> str:
    """The code's fingerprint with ingest's of the set's files (their paths, sizes and times)."""
    import hashlib

    from .ingest import folder_fingerprint

    return hashlib.sha256(f"{code}|{folder_fingerprint(folder)}".encode()).hexdigest()[:20]


def build_theme_examples(folders, work: str | Path) -> pd.DataFrame:
    """Labelled theme examples from held-out folders coded by others: each gold item's theme with
    the text of the item the extractor finds for it (else its key phrase). Columns: set, file,
    theme, text. These are what :data:`helpers.coding.THEME_EXAMPLES` ships (``make examples``)."""
    from . import extract
    from .tables import read_table

    frames = []
    for folder in map(Path, folders):
        if folder.name.startswith("test"):
            raise ValueError(f"{folder}: a test set is never used for training")
        paths = _ingest_copy(folder, Path(work) / folder.name)
        documents = read_table("documents", paths.processed)
        examples = training_examples(extract.extract_items(documents), documents, read_gold(folder))
        files = dict(zip(documents["doc_id"], documents["file"]))
        frames.append(pd.DataFrame({"set": folder.name, "file": examples["doc_id"].map(files), "theme": examples["theme"],
                                    "text": examples["text"].str.split().str.join(" ")}))
    return pd.concat(frames, ignore_index=True).dropna(subset=["file"]) if frames else pd.DataFrame(columns=["set", "file", "theme", "text"])
