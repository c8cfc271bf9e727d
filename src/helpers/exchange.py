"""Exchange with the researcher's other tools: REFI-QDA (NVivo, ATLAS.ti, MAXQDA, QualCoder) and Excel.

* :func:`write_qdpx` — a REFI-QDA project: every document as a plain-text source, the codebook
  as codes (kind, status, theme and action, each with its definition), each item and each action
  as a coded ``PlainTextSelection`` at its character offsets.
* :func:`write_qdc` — the codebook alone, as a REFI-QDA ``.qdc`` file.
* :func:`overrides_from_qdpx` — read a project a researcher re-coded elsewhere and turn the
  changes into rows of ``data/annotations/overrides.csv`` (relabel / drop / add), the corrections
  format the extraction stage applies; :func:`append_overrides` adds them to that file.
* :func:`write_excel` — one workbook with a sheet per table (documents without their full text,
  items, actions, councils), header filters, a frozen header row, readable column widths and a
  README sheet explaining the columns and the codebook.

The XML is built and parsed with ``pyrefiqda``'s models (generated from the REFI-QDA schema,
serialised by xsdata). GUIDs are derived from the workbook's ids (UUID 5), so the same tables
give the same project, and zip entries carry a fixed date.
"""

from __future__ import annotations

import io
import logging
import re
import tempfile
import uuid
import zipfile
from pathlib import Path

import pandas as pd

from . import codebook
from .config import Paths
from .tables import atomic_write_bytes, atomic_write_text, read_table

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
#: The code groups exported, in order: each becomes a parent code with one child per label.
CODE_FIELDS: tuple[str, ...] = ("kind", "status", "theme", "action")
ITEM_FIELDS: tuple[str, ...] = ("kind", "status", "theme")
OVERRIDE_COLUMNS = ["file", "quote", "change", "kind", "status", "theme", "note"]
log = logging.getLogger("helpers.exchange")
_GUID_NS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:partnership-workbook")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_FIELD_DESCRIPTIONS = {
    "kind": "Item kind: what sort of statement an extracted item is.",
    "status": "Item status: where the item stands in the document.",
    "theme": "Item theme: what the item is about (one per item).",
    "action": "Restructuring action: what a document says is being done to the partnership landscape.",
}


def guid(*parts) -> str:
    """A stable GUID for a workbook object (code, document, item, action)."""
    return str(uuid.uuid5(_GUID_NS, "/".join(map(str, parts))))


def _xml_safe(value) -> str:
    """A metadata value as text XML accepts (missing → "", control characters dropped)."""
    return _XML_ILLEGAL.sub("", value) if isinstance(value, str) else ""


def _serialise(model, namespace: str) -> str:
    from xsdata.formats.dataclass.serializers.config import SerializerConfig
    from xsdata_pydantic.bindings import XmlSerializer

    config = SerializerConfig(xml_declaration=True, encoding="UTF-8", indent="  ")
    return XmlSerializer(config=config).render(model, ns_map={None: namespace})


def _codes(code_type) -> list:
    """The codebook as a code tree of ``code_type`` (the project's or the codebook file's class)."""
    book = codebook.load()
    return [
        code_type(
            guid=guid("code", field),
            name=field,
            is_codable=False,
            description=_FIELD_DESCRIPTIONS[field],
            code=[
                code_type(guid=guid("code", field, label), name=label, is_codable=True, description=entry["definition"])
                for label, entry in book[field].items()
            ],
        )
        for field in CODE_FIELDS
    ]


def _selection(name: str, start: int, end: int, codes: list[tuple[str, str]], key: str):
    from pyrefiqda.models import CodeRefType, CodingType, PlainTextSelectionType

    return PlainTextSelectionType(
        guid=guid("selection", key),
        name=name,
        start_position=int(start),
        end_position=int(end),
        coding=[
            CodingType(guid=guid("coding", key, field), code_ref=CodeRefType(target_guid=guid("code", field, label)))
            for field, label in codes
        ],
    )


def build_project(documents: pd.DataFrame, items: pd.DataFrame, actions: pd.DataFrame, name: str = "Partnership review workbook"):
    """The REFI-QDA ``Project`` model: sources, codebook, and one coded selection per item and action."""
    from pyrefiqda.models import Project, ProjectCodeBookType, ProjectCodesType, ProjectCodeType, SourcesType, TextSourceType

    by_doc_items = dict(list(items.groupby("doc_id", sort=False)))
    by_doc_actions = dict(list(actions.groupby("doc_id", sort=False)))
    sources = []
    for doc in documents.itertuples():
        selections = [
            _selection(f"{i.item_id} {_xml_safe(i.label)}".strip(), i.start, i.end, [(f, getattr(i, f)) for f in ITEM_FIELDS], f"item/{i.item_id}")
            for i in by_doc_items.get(doc.doc_id, items.iloc[:0]).itertuples()
        ] + [
            _selection(f"action: {a.action}", a.start, a.end, [("action", a.action)], f"action/{a.doc_id}/{a.action}/{a.start}/{a.end}")
            for a in by_doc_actions.get(doc.doc_id, actions.iloc[:0]).itertuples()
        ]
        source_guid = guid("document", doc.doc_id)
        sources.append(
            TextSourceType(
                guid=source_guid,
                name=doc.file,
                description=" · ".join(_xml_safe(v) for v in (doc.title, doc.council, doc.date) if _xml_safe(v)),
                plain_text_path=f"internal://{source_guid}.txt",
                plain_text_selection=selections,
            )
        )
    return Project(
        name=name,
        origin="partnership-workbook",
        code_book=ProjectCodeBookType(codes=ProjectCodesType(code=_codes(ProjectCodeType))),
        sources=SourcesType(text_source=sources),
    )


def _zip_entry(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, text.encode("utf-8"))


def write_qdpx(documents: pd.DataFrame, items: pd.DataFrame, actions: pd.DataFrame, path: str | Path) -> Path:
    """Write the REFI-QDA project ``path`` (a zip of ``project.qde`` and ``sources/<guid>.txt``)."""
    project = build_project(documents, items, actions)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _zip_entry(archive, "project.qde", _serialise(project, PROJECT_NS))
        for doc in documents.itertuples():
            _zip_entry(archive, f"sources/{guid('document', doc.doc_id)}.txt", doc.text)
    atomic_write_bytes(Path(path), buffer.getvalue())
    return Path(path)


def write_qdc(path: str | Path) -> Path:
    """Write the codebook alone as a REFI-QDA ``.qdc`` file."""
    from pyrefiqda.models import CodeBook, CodebookCodesType, CodebookCodeType

    book = CodeBook(codes=CodebookCodesType(code=_codes(CodebookCodeType)), origin="partnership-workbook")
    atomic_write_text(Path(path), _serialise(book, CODEBOOK_NS))
    return Path(path)


# --- reading a project back ---------------------------------------------------------------------


def _code_labels(codes, parent: str | None = None) -> dict[str, tuple[str, str]]:
    """GUID → (field, label) for every code under a parent named after a codebook field."""
    book = codebook.load()
    found = {}
    for code in codes:
        if parent in CODE_FIELDS and code.name in book[parent]:
            found[code.guid] = (parent, code.name)
        found.update(_code_labels(code.code, code.name if parent is None else parent))
    return found


def read_qdpx(path: str | Path) -> tuple[dict[str, str], pd.DataFrame]:
    """A REFI-QDA project's source texts (by source name) and its coded text selections.

    Codes are recognised by name — a child of a code named ``kind``, ``status``, ``theme`` or
    ``action`` whose name is a codebook label — so codes made in another tool count too. Returns
    ``(texts, codings)`` with one coding row per selection and code: ``file``, ``start``, ``end``,
    ``field``, ``label``, ``selection``.
    """
    from pyrefiqda import RefiProject

    with tempfile.TemporaryDirectory() as tmp:
        project = RefiProject.load(path, extract_dir=tmp)
        labels = _code_labels(project.code_book.codes.code if project.code_book else [])
        texts, rows = {}, []
        for source in project.sources.text_source if project.sources else []:
            name = source.name or source.guid
            if source.plain_text_path:
                texts[name] = RefiProject.resolve_source_path(source.plain_text_path, tmp).read_bytes().decode("utf-8-sig")
            else:
                texts[name] = source.plain_text_content or ""
            for sel in source.plain_text_selection:
                for coding in sel.coding:
                    if coding.code_ref.target_guid in labels:
                        field, label = labels[coding.code_ref.target_guid]
                        rows.append({"file": name, "start": sel.start_position, "end": sel.end_position,
                                     "field": field, "label": label, "selection": sel.guid})
    return texts, pd.DataFrame(rows, columns=["file", "start", "end", "field", "label", "selection"])


def overrides_from_qdpx(path: str | Path, documents: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """The differences between an edited ``.qdpx`` and the items table, as overrides.csv rows.

    Per document in both: a selection at an item's exact offsets whose kind/status/theme codes
    differ gives ``relabel`` (only the changed labels filled in); an item with no such selection
    left gives ``drop``; a selection with item codes at offsets no item has gives ``add``.
    Action codes are exported for reading but not imported (actions are detected, not extracted).
    A document whose text in the project differs from the workbook's is skipped with a warning.
    """
    texts, codings = read_qdpx(path)
    coded: dict[str, dict[tuple[int, int], dict[str, str]]] = {}
    for c in codings[codings["field"].isin(ITEM_FIELDS)].itertuples():
        coded.setdefault(c.file, {}).setdefault((c.start, c.end), {})[c.field] = c.label
    note = f"from {Path(path).name}"
    items_by_doc = dict(list(items.groupby("doc_id", sort=False)))
    rows = []
    for doc in documents.itertuples():
        if doc.file not in texts:
            continue
        if texts[doc.file] != doc.text:
            log.warning("%s: the text of %s differs from the workbook's; its codes were not imported", path, doc.file)
            continue
        spans = dict(coded.get(doc.file, {}))
        for item in items_by_doc.get(doc.doc_id, items.iloc[:0]).itertuples():
            labels = spans.pop((item.start, item.end), None)
            if labels is None:
                rows.append({"file": doc.file, "quote": item.text, "change": "drop", "note": note})
                continue
            changed = {f: v for f, v in labels.items() if v != getattr(item, f)}
            if changed:
                rows.append({"file": doc.file, "quote": item.text, "change": "relabel", **changed, "note": note})
        for (start, end), labels in sorted(spans.items()):
            rows.append({"file": doc.file, "quote": doc.text[start:end].strip(), "change": "add", **labels, "note": note})
    return pd.DataFrame(rows, columns=OVERRIDE_COLUMNS, dtype=object).fillna("")


def append_overrides(rows: pd.DataFrame, path: str | Path) -> int:
    """Add ``rows`` to an overrides.csv (created with its header if absent), skipping rows already there.

    Returns the number of rows added.
    """
    from .inputs import read_csv_input

    path = Path(path)
    existing = read_csv_input(path, required=OVERRIDE_COLUMNS) if path.exists() else pd.DataFrame(columns=OVERRIDE_COLUMNS)
    def keys(df: pd.DataFrame) -> list[tuple]:
        return [tuple(str(v).strip() for v in r) for r in df[OVERRIDE_COLUMNS[:6]].to_numpy()]

    seen = set(keys(existing))
    new = rows[[k not in seen for k in keys(rows)]]
    if not new.empty:
        combined = pd.concat([existing, new[OVERRIDE_COLUMNS]], ignore_index=True)
        atomic_write_text(path, combined.to_csv(index=False))
    return len(new)


def import_qdpx(path: str | Path, paths: Paths) -> int:
    """Add the corrections in an edited ``.qdpx`` to ``<annotations>/overrides.csv``; print and return how many."""
    rows = overrides_from_qdpx(path, read_table("documents", paths.processed), read_table("items", paths.processed))
    target = paths.annotations / "overrides.csv"
    added = append_overrides(rows, target)
    counts = rows["change"].value_counts().to_dict()
    print(f"{len(rows)} corrections in {Path(path).name} {counts}; {added} new rows added to {target}")
    return added


# --- Excel ----------------------------------------------------------------------------------------

#: What each column means, for the README sheet.
COLUMN_NOTES = {
    "doc_id": "the document's id (from its content hash)",
    "file": "the file name in data/raw",
    "council": "the council the document comes from",
    "body": "the partnership body or committee",
    "doc_type": "minutes, report, scrutiny, news, web page or other",
    "date": "the document's date (ISO)",
    "year": "the document's year",
    "title": "the document's title",
    "n_chars": "length of the document's text in characters",
    "sha256": "checksum of the raw file",
    "source_url": "where the document came from",
    "format": "the raw file's format",
    "inferred": "which metadata were inferred from the text rather than given in the manifest",
    "notes": "notes from the manifest",
    "item_id": "the item's id: document id and sequence number",
    "seq": "the item's position in its document",
    "label": "the document's own label (Recommendation 3, RESOLVED …)",
    "text": "the item's exact text: the document's text between start and end",
    "start": "character offset where the span starts in the document's text",
    "end": "character offset where the span ends (exclusive)",
    "kind": "the item's kind (codebook below)",
    "status": "the item's status (codebook below)",
    "theme": "the item's theme (codebook below)",
    "confidence": "how sure the workbook is of the code or detection (0–1)",
    "cluster": "the theme cluster the item falls in",
    "cluster_label": "the cluster's descriptive words",
    "why": "the cue that decided the code",
    "section": "the document section the item was found in",
    "context": "the lead-in sentence above the item",
    "action": "the restructuring action (codebook below)",
    "evidence": "the sentence that supports the action: the document's text between start and end",
    "bodies": "the partnership bodies involved",
    "actions": "the restructuring actions found in the council's documents",
    "model": "the council's restructuring model in a few words",
    "years": "the years the council's documents cover",
    "n_documents": "how many documents the council has in the corpus",
}
_SHEET_NOTES = {
    "documents": "one row per ingested document (the full text is in the .qdpx project and data/processed)",
    "items": "one row per extracted recommendation, proposal, decision … with its codes",
    "actions": "one row per restructuring action detected in a document, with its evidence",
    "councils": "one row per council: its actions and restructuring model",
}
MAX_WIDTH = 60


def _fill_sheet(ws, df: pd.DataFrame) -> None:
    """Write ``df`` with a bold frozen header, an autofilter and widths that fit the content."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.append(list(df.columns))
    clean = df.astype(object).where(df.notna(), None)
    for row in clean.itertuples(index=False):
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":  # text that starts with "=" stays text, never a formula
                cell.data_type = "s"
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for i, column in enumerate(df.columns, start=1):
        lengths = df[column].dropna().astype(str).str.len()
        typical = int(lengths.quantile(0.9)) if len(lengths) else 0
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, max(len(column) + 4, typical + 2, 8))


def readme_rows(sheets: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The README sheet: each sheet and column explained, then the codebook's labels and definitions."""
    rows = [{"section": "sheet", "name": name, "meaning": _SHEET_NOTES[name]} for name in sheets]
    rows += [
        {"section": f"column in {name}", "name": column, "meaning": COLUMN_NOTES.get(column, "")}
        for name, df in sheets.items()
        for column in df.columns
    ]
    book = codebook.load()
    rows += [
        {"section": f"codebook: {field}", "name": label, "meaning": entry["definition"]}
        for field in CODE_FIELDS
        for label, entry in book[field].items()
    ]
    return pd.DataFrame(rows, columns=["section", "name", "meaning"])


def write_excel(documents: pd.DataFrame, items: pd.DataFrame, actions: pd.DataFrame, councils: pd.DataFrame, path: str | Path) -> Path:
    """One workbook: README, documents (without text), items, actions, councils."""
    from openpyxl import Workbook

    sheets = {"documents": documents.drop(columns="text"), "items": items, "actions": actions, "councils": councils}
    wb = Workbook()
    readme = wb.active
    readme.title = "README"
    _fill_sheet(readme, readme_rows(sheets))
    for name, df in sheets.items():
        _fill_sheet(wb.create_sheet(name), df)
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write_bytes(Path(path), buffer.getvalue())
    return Path(path)


def export_all(paths: Paths) -> dict[str, Path]:
    """Write reports/workbook.xlsx, reports/workbook.qdpx and reports/codebook.qdc from the tables."""
    tables = {name: read_table(name, paths.processed) for name in ("documents", "items", "actions", "councils")}
    reports = paths.reports
    return {
        "excel": write_excel(tables["documents"], tables["items"], tables["actions"], tables["councils"], reports / "workbook.xlsx"),
        "qdpx": write_qdpx(tables["documents"], tables["items"], tables["actions"], reports / "workbook.qdpx"),
        "qdc": write_qdc(reports / "codebook.qdc"),
    }
