"""helpers.exchange: the REFI-QDA project and codebook, importing corrections back, and the Excel workbook.

No REFI-QDA XSD ships in any installed package (and nothing may be downloaded in tests), so the
project is checked against the structure the standard publishes — namespace, code tree, GUID
references, selections at offsets, sources inside the archive — and re-read with pyrefiqda,
whose models are generated from that schema.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree
from openpyxl import load_workbook

from helpers import codebook, exchange
from helpers.cli import main
from helpers.inputs import read_csv_input
from test_explore import TEXTS, build_tables

NS = {"q": exchange.PROJECT_NS}
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@pytest.fixture()
def frames(tmp_path) -> dict[str, pd.DataFrame]:
    return build_tables(tmp_path / "processed", list(TEXTS))


def _project(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def _rezip(path: Path, root: etree._Element) -> None:
    """Replace project.qde inside the archive, as another tool saving the project would."""
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    entries["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def test_qdpx_round_trip_keeps_every_code_and_offset(frames, tmp_path):
    documents, items, actions = frames["documents"], frames["items"], frames["actions"]
    path = exchange.write_qdpx(documents, items, actions, tmp_path / "workbook.qdpx")
    texts, codings = exchange.read_qdpx(path)
    assert texts == dict(zip(documents["file"], documents["text"]))
    files = dict(zip(documents["doc_id"], documents["file"]))
    expected = {(files[i.doc_id], i.start, i.end, f, getattr(i, f)) for i in items.itertuples() for f in exchange.ITEM_FIELDS}
    expected |= {(files[a.doc_id], a.start, a.end, "action", a.action) for a in actions.itertuples()}
    got = set(zip(codings["file"], codings["start"], codings["end"], codings["field"], codings["label"]))
    assert got == expected and len(codings) == 3 * len(items) + len(actions)
    for file, start, end, *_ in got:  # offsets point at the same text in the exported source
        assert texts[file][start:end] in set(items["text"]) | set(actions["evidence"])
    again = exchange.write_qdpx(documents, items, actions, tmp_path / "again.qdpx")
    assert again.read_bytes() == path.read_bytes()  # same tables, same file


def test_qdpx_follows_the_refi_qda_structure(frames, tmp_path):
    path = exchange.write_qdpx(frames["documents"], frames["items"], frames["actions"], tmp_path / "w.qdpx")
    root = _project(path)
    assert root.tag == f"{{{exchange.PROJECT_NS}}}Project" and root.get("name")
    assert [c.tag.split("}")[1] for c in root] == ["CodeBook", "Sources"]  # schema order
    groups = root.findall("q:CodeBook/q:Codes/q:Code", NS)
    assert [g.get("name") for g in groups] == list(exchange.CODE_FIELDS)
    assert all(g.get("isCodable") == "false" for g in groups)
    for group in groups:
        children = group.findall("q:Code", NS)
        assert [c.get("name") for c in children] == list(codebook.load()[group.get("name")])
        assert all(c.get("isCodable") == "true" and c.findtext("q:Description", namespaces=NS) for c in children)
    code_guids = {c.get("guid") for c in root.iter(f"{{{exchange.PROJECT_NS}}}Code")}
    all_guids = [e.get("guid") for e in root.iter() if e.get("guid")]
    assert all(GUID.match(g) for g in all_guids) and len(all_guids) == len(set(all_guids))
    refs = [r.get("targetGUID") for r in root.iter(f"{{{exchange.PROJECT_NS}}}CodeRef")]
    assert refs and set(refs) <= code_guids
    names = set(zipfile.ZipFile(path).namelist())
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert len(sources) == len(frames["documents"])
    for source in sources:
        internal = source.get("plainTextPath")
        assert internal == f"internal://{source.get('guid')}.txt" and f"sources/{source.get('guid')}.txt" in names
        for sel in source.findall("q:PlainTextSelection", NS):
            assert 0 <= int(sel.get("startPosition")) < int(sel.get("endPosition"))
            assert sel.findall("q:Coding/q:CodeRef", NS)


def test_qdc_holds_the_codebook_with_definitions(tmp_path):
    from pyrefiqda import RefiCodebook

    path = exchange.write_qdc(tmp_path / "codebook.qdc")
    assert etree.parse(str(path)).getroot().tag == f"{{{exchange.CODEBOOK_NS}}}CodeBook"
    book = RefiCodebook.load(path)
    tree = {g.name: {c.name: c.description for c in g.code} for g in book.codes.code}
    assert list(tree) == list(exchange.CODE_FIELDS)
    for field, labels in tree.items():
        assert labels == {label: codebook.definition(field, label) for label in codebook.load()[field]}


def test_edited_project_comes_back_as_overrides(frames, tmp_path):
    documents, items = frames["documents"], frames["items"]
    path = exchange.write_qdpx(documents, items, frames["actions"], tmp_path / "edited.qdpx")
    assert exchange.overrides_from_qdpx(path, documents, items).empty  # unchanged: nothing to correct

    root = _project(path)
    relabelled, dropped = items.iloc[0], items.iloc[1]
    new_kind = next(k for k in codebook.KINDS if k != relabelled["kind"])
    selections = {s.get("name"): s for s in root.iter(f"{{{exchange.PROJECT_NS}}}PlainTextSelection")}
    old_ref = exchange.guid("code", "kind", relabelled["kind"])
    for ref in selections[relabelled["item_id"]].iter(f"{{{exchange.PROJECT_NS}}}CodeRef"):
        if ref.get("targetGUID") == old_ref:
            ref.set("targetGUID", exchange.guid("code", "kind", new_kind))
    drop = selections[dropped["item_id"]]
    source = drop.getparent()
    source.remove(drop)
    text = documents.loc[documents["doc_id"] == dropped["doc_id"], "text"].item()
    added = etree.SubElement(source, f"{{{exchange.PROJECT_NS}}}PlainTextSelection",
                             guid="0a0b0c0d-0000-4000-8000-000000000001", startPosition="0", endPosition="24")
    coding = etree.SubElement(added, f"{{{exchange.PROJECT_NS}}}Coding", guid="0a0b0c0d-0000-4000-8000-000000000002")
    etree.SubElement(coding, f"{{{exchange.PROJECT_NS}}}CodeRef", targetGUID=exchange.guid("code", "theme", "engagement"))
    _rezip(path, root)

    rows = exchange.overrides_from_qdpx(path, documents, items)
    assert list(rows.columns) == exchange.OVERRIDE_COLUMNS
    by_change = {r.change: r for r in rows.itertuples()}
    assert sorted(by_change) == ["add", "drop", "relabel"]
    assert by_change["relabel"].quote == relabelled["text"] and by_change["relabel"].kind == new_kind
    assert by_change["relabel"].status == "" and by_change["relabel"].theme == ""  # only what changed
    assert by_change["drop"].quote == dropped["text"]
    assert by_change["add"].quote == text[:24].strip() and by_change["add"].theme == "engagement"

    target = tmp_path / "annotations" / "overrides.csv"
    target.parent.mkdir()
    assert exchange.append_overrides(rows, target) == 3
    assert exchange.append_overrides(rows, target) == 0  # importing twice adds nothing
    back = read_csv_input(target, required=exchange.OVERRIDE_COLUMNS,
                          labels={"kind": codebook.KINDS, "status": codebook.STATUSES, "theme": codebook.THEMES})
    assert len(back) == 3 and set(back["change"]) == {"relabel", "drop", "add"}


def test_excel_workbook_has_a_sheet_per_table_and_a_readme(frames, tmp_path):
    councils = frames["councils"].copy()
    councils.loc[0, "model"] = "=HYPERLINK(\"http://example.org\")"  # must stay text
    path = exchange.write_excel(frames["documents"], frames["items"], frames["actions"], councils, tmp_path / "w.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["README", "documents", "items", "actions", "councils"]
    expected = {"documents": [c for c in frames["documents"].columns if c != "text"], "items": list(frames["items"].columns),
                "actions": list(frames["actions"].columns), "councils": list(councils.columns)}
    for name, columns in expected.items():
        ws = wb[name]
        assert [c.value for c in ws[1]] == columns
        assert ws.max_row == len(frames.get(name, councils)) + 1
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref == ws.dimensions
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
        assert all(8 <= w <= exchange.MAX_WIDTH for w in widths)
    assert wb["councils"]["C2"].data_type == "s" and wb["councils"]["C2"].value.startswith("=HYPERLINK")
    readme = pd.DataFrame(wb["README"].values)
    readme.columns = readme.iloc[0]
    readme = readme.iloc[1:]
    assert set(readme["name"]) >= set(codebook.KINDS) | set(codebook.ACTIONS) | {"item_id", "evidence"}
    assert codebook.definition("theme", "data") in set(readme["meaning"])
    assert (readme.loc[readme["section"] == "column in items", "meaning"] != "").all()


def test_cli_export_and_import(frames, tmp_path):
    processed, reports, annotations = tmp_path / "processed", tmp_path / "reports", tmp_path / "annotations"
    paths = ["--processed", str(processed), "--reports", str(reports), "--annotations", str(annotations)]
    assert main(["export", *paths]) == 0
    assert {p.name for p in reports.iterdir()} >= {"workbook.xlsx", "workbook.qdpx", "codebook.qdc"}
    annotations.mkdir()
    assert main(["import-qdpx", str(reports / "workbook.qdpx"), *paths]) == 0
    assert not (annotations / "overrides.csv").exists()  # nothing changed, nothing written


def test_a_source_whose_text_changed_is_not_imported(frames, tmp_path, caplog):
    documents, items = frames["documents"], frames["items"]
    path = exchange.write_qdpx(documents, items.iloc[1:], frames["actions"], tmp_path / "w.qdpx")
    assert len(exchange.overrides_from_qdpx(path, documents, items)) == 1  # item 0 is missing: a drop
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    source = f"sources/{exchange.guid('document', items.iloc[0]['doc_id'])}.txt"
    entries[source] = entries[source].replace(b"\n", b"\r\n")  # offsets would no longer line up
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    assert exchange.overrides_from_qdpx(path, documents, items).empty
    assert "differs from the workbook's" in caplog.text
