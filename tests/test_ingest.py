"""Ingest: every format councils publish, metadata, bad files reported, cache and time limit.

Every fixture is written here (fpdf2 for PDFs, python-docx for Word, literal HTML pages, Pillow for scans).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import write
from fpdf import FPDF

from helpers import ingest
from helpers.config import PROJ_ROOT
from helpers.errors import InputFileError, WorkbookError

# ---------------------------------------------------------------- fixtures


def pdf_bytes(pages: list[list[str]], header: str | None = None, footer: str | None = "Page {i} of {n}", **encryption) -> bytes:
    """A PDF whose page i has the given lines, a running header and a numbered footer."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for i, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("helvetica", size=8)
        if header:
            pdf.set_xy(15, 8)
            pdf.cell(0, 5, header)
        if footer:
            pdf.set_xy(15, 285)
            pdf.cell(0, 5, footer.format(i=i, n=len(pages)), align="C")
        pdf.set_font("helvetica", size=11)
        pdf.set_xy(15, 25)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    if encryption:
        pdf.set_encryption(**encryption)
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A PDF with drawings but no text layer, like a scan."""
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 150, 200, style="F")
    return bytes(pdf.output())


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Review of Partnership Arrangements", level=1)
    document.add_paragraph("The board considered the options below.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Option", "Decision"
    table.cell(1, 0).text, table.cell(1, 1).text = "Merge the boards", "Agreed"
    document.add_paragraph("RESOLVED that the merger proceed.")
    document.add_paragraph("Reduce duplication", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


MODERNGOV = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Agenda item - Review of Partnerships - Renfrewshire Council</title>
<script>var tracking = "TRACKING-SCRIPT-TEXT"; window.dataLayer = [];</script>
<style>.nav {color: red}</style></head>
<body>
<div id="cookieBanner" class="cookie-banner"><p>We use cookies on this website COOKIE-BANNER-TEXT. Accept all cookies?</p>
<button>Accept</button></div>
<header><nav class="mgBreadcrumb"><ul><li><a href="/">Home</a></li><li><a href="/ieDocHome.aspx">NAV-COUNCILLORS-LINK</a></li>
<li><a href="/mgCalendar.aspx">Meetings calendar</a></li><li><a href="/mgListCommittees.aspx">Committees</a></li></ul></nav></header>
<div id="mgContent" class="mgContent"><main>
<h1 class="mgMainTitle">Agenda item - Review of Strategic Partnerships</h1>
<p>Meeting of Cabinet, Thursday, 5 March 2015 7.00 pm</p>
<h2>Minutes:</h2>
<p>The Cabinet considered the report of the Chief Executive on the review of the Community Planning Partnership.
Members noted that the review had found duplication between the thematic boards and the partnership board.</p>
<p>RESOLVED that the Community Planning Partnership board be restructured into three thematic boards, and that
a progress report be brought back to the Cabinet within six months.</p>
<table class="mgTable"><tr><th>Board</th><th>Decision</th></tr><tr><td>Safer Communities Board</td><td>Merge</td></tr></table>
</main></div>
<footer><p>FOOTER-COPYRIGHT-TEXT Renfrewshire Council, Cotton Street, Paisley</p><a href="/accessibility">Accessibility statement</a></footer>
<script>console.log("SECOND-SCRIPT-TEXT")</script>
</body></html>"""

CMIS = """<html><head><title>CMIS &gt; Meetings &gt; Health and Wellbeing Board</title></head><body>
<table width="100%"><tr><td class="leftnav"><a href="/cmis5/Meetings.aspx">LEFTNAV-MEETINGS</a><br><a href="/cmis5/People.aspx">People</a></td>
<td class="content"><div class="MainContent">
<h2>Health and Wellbeing Board - Minutes</h2>
<p>Date of meeting: 12 June 2013</p>
<p>The Health and Wellbeing Board received a report on the future of the Local Strategic Partnership. The Board agreed
to absorb the remaining functions of the Local Strategic Partnership and to disband its executive group from April.</p>
<p>The Director of Public Health said the change would remove a layer of meetings that no longer added value to partners.</p>
</div></td></tr></table>
<div class="footer">CMIS-FOOTER-TEXT powered by CMIS</div></body></html>"""

GOOD_TEXT = "Minutes of the Cabinet of Southwark Council held on 13 January 2011.\n\nRESOLVED that the LSP be reviewed.\n"


@pytest.fixture()
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder


def run(raw, **kwargs):
    kwargs.setdefault("cache_dir", None)
    return ingest.ingest(raw, **kwargs)


def status_of(report: pd.DataFrame, file: str) -> tuple[str, str]:
    rows = report[report["file"] == file]
    assert len(rows) == 1, f"{file}: {len(rows)} report rows"
    return rows["status"].iloc[0], rows["reason"].iloc[0]


def text_of(docs: pd.DataFrame, file: str) -> str:
    return docs.set_index("file").loc[file, "text"]


# ---------------------------------------------------------------- formats


def test_text_encodings_are_detected_not_guessed(raw):
    sentence = "The council’s “partnership” review – cost £4,000 – café naïve."
    write(raw / "utf8.txt", sentence.encode("utf-8"))
    write(raw / "bom.txt", b"\xef\xbb\xbf" + ("BOM " + sentence).encode("utf-8"))
    write(raw / "cp1252.txt", ("Windows " + sentence).encode("cp1252"))
    write(raw / "latin1.md", "Latin £120 for the café résumé, in Sevenoaks.".encode("latin-1"))
    write(raw / "utf16.txt", ("UTF16 " + sentence).encode("utf-16"))
    docs, report = run(raw)
    assert (report["status"] == "ok").all(), report
    expected = "The council's \"partnership\" review - cost £4,000 - café naïve."
    for file, prefix in [("utf8.txt", ""), ("bom.txt", "BOM "), ("cp1252.txt", "Windows "), ("utf16.txt", "UTF16 ")]:
        assert text_of(docs, file) == prefix + expected, file
    assert text_of(docs, "latin1.md") == "Latin £120 for the café résumé, in Sevenoaks."


def test_moderngov_and_cmis_pages_keep_the_main_content_only(raw):
    write(raw / "moderngov.html", MODERNGOV)
    write(raw / "cmis.htm", CMIS.encode("cp1252"))
    docs, report = run(raw)
    assert (report["status"] == "ok").all(), report
    page = text_of(docs, "moderngov.html")
    assert "RESOLVED that the Community Planning Partnership board be restructured" in page
    assert "Safer Communities Board" in page  # the table is kept
    for junk in ["TRACKING-SCRIPT", "COOKIE-BANNER", "NAV-COUNCILLORS", "FOOTER-COPYRIGHT", "SECOND-SCRIPT", "color: red"]:
        assert junk not in page
    cmis = text_of(docs, "cmis.htm")
    assert "absorb the remaining functions of the Local Strategic Partnership" in cmis
    assert "LEFTNAV" not in cmis and "CMIS-FOOTER" not in cmis
    meta = docs.set_index("file")
    # the council is named only in the page title and footer: the page's <title> supplies it
    assert meta.loc["moderngov.html", "council"] == "Renfrewshire Council"
    assert meta.loc["moderngov.html", "date"] == "2015-03-05"
    assert meta.loc["cmis.htm", "body"] == "Health and Wellbeing Board"
    assert meta.loc["cmis.htm", "date"] == "2013-06-12" and meta.loc["cmis.htm", "doc_type"] == "minutes"


GOOGLE_DOCS = """<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">
ol.lst-kix_q1-0{list-style-type:none}.c1{color:#000000}.c2{padding-top:0pt}.c4{font-weight:700}</style></head>
<body class="c9 doc-content"><h1 class="c5" id="h.a1"><span class="c4">Notes of the task and finish group</span></h1>
<p class="c2"><span class="c1">The group agreed the actions below.</span></p>
<table class="c8"><tr class="c17"><td class="c13" colspan="1" rowspan="1"><p class="c2"><span class="c4">Action</span></p></td>
<td class="c13" colspan="1" rowspan="1"><p class="c2"><span class="c4">Owner</span></p></td></tr>
<tr class="c17"><td class="c0" colspan="1" rowspan="1"><p class="c2"><span class="c1">Draft the joint terms of reference</span></p></td>
<td class="c0" colspan="1" rowspan="1"><p class="c2"><span class="c1">Lorna Fitch</span></p><p class="c2"><span class="c1">and Ben Oduya</span></p></td></tr>
<tr class="c17"><td class="c0" colspan="1" rowspan="1"><p class="c2"><span class="c1">Test the webcasting equipment</span></p></td>
<td class="c0" colspan="1" rowspan="1"><p class="c2"><span class="c1">Democratic Services</span></p></td></tr></table>
<p class="c2"><span class="c1">No further meeting is planned.</span></p></body></html>"""


def test_a_data_table_whose_cells_hold_paragraphs_stays_a_table():
    """Word and Google Docs write each cell's text as a paragraph: that is a table of data, a row a line,
    not a page laid out in a table (CMIS's navigation column, unwrapped in the test above)."""
    lines = [line.strip() for line in ingest.read_html(GOOGLE_DOCS.encode())[0].split("\n")]
    assert "| Action | Owner |\n| Draft the joint terms of reference | Lorna Fitch and Ben Oduya |\n" \
           "| Test the webcasting equipment | Democratic Services |" in "\n".join(lines)


def test_a_numbered_lists_numbers_are_read_as_the_browser_draws_them():
    page = ("<html><body><main><h1>Decisions</h1><p>The Board considered three options:</p>"
            "<ol><li>Keep the current arrangements.</li><li>Meet back to back.</li><li value='7'>Meet in common.</li></ol>"
            "<p>RESOLVED:</p><ol type='a' start='2'><li>to meet quarterly;</li><li>to review the membership.</li></ol>"
            "<ol type='i'><li>first part</li><li>second part</li><li>third part</li><li>fourth part</li></ol>"
            "<ul><li>a bullet stays a bullet</li></ul></main></body></html>")
    text = ingest.read_html(page.encode())[0]
    for line in ["1. Keep the current arrangements.", "2. Meet back to back.", "7. Meet in common.",
                 "b. to meet quarterly;", "c. to review the membership.", "iii. third part", "iv. fourth part",
                 "- a bullet stays a bullet"]:
        assert line in text.split("\n\n"), line


def test_pdf_pages_lose_furniture_and_hyphenation(raw):
    pages = [
        ["Report of the Chief Executive", "The review of strategic partner-", "ship arrangements found that the",
         "multi-", "agency groups met too often and the govern-"],
        ["ance of the boards was unclear. Members agreed", "to co-", "operate on a single plan.", "3"],
        ["RECOMMENDATIONS", "That the Safer Communities Board be merged.", "Page 3"],
    ]
    write(raw / "pack.pdf", pdf_bytes(pages, header="Cabinet - 13 January 2020 - Vale of Glamorgan Council",
                                      footer="You are on page {i} of {n}"))
    docs, report = run(raw)
    assert status_of(report, "pack.pdf") == ("ok", "")
    text = text_of(docs, "pack.pdf")
    assert "strategic partnership arrangements" in text
    assert "multi-agency groups" in text and "co-operate" in text
    assert "the governance of the boards" in text.replace("\n", " ")
    assert "You are on page" not in text and "Page 3" not in text and "13 January 2020" not in text
    assert "\n3\n" not in text
    assert text.startswith("Report of the Chief Executive")


def test_a_text_file_printed_in_pages_loses_its_footers_but_keeps_its_paragraphs():
    text = ("CITY PARTNERSHIP BOARD\n\nItem 1. The Board met.\n\nThe review found that the groups\n"
            "Partnership Board - 3 May 2024          Page 1 of 3\n\f"
            "overlap.\n\nItem 2. The Board agreed.\n\nPartnership Board - 3 May 2024          Page 2 of 3\n\f"
            "Item 3. Close.\n\nPartnership Board - 3 May 2024          Page 3 of 3\n")
    assert ingest.strip_text_pages(text) == (
        "CITY PARTNERSHIP BOARD\n\nItem 1. The Board met.\n\nThe review found that the groups\noverlap."
        "\n\nItem 2. The Board agreed.\n\nItem 3. Close.")
    assert ingest.strip_text_pages("no pages here") == "no pages here"


def test_pdf_lines_that_stop_short_end_a_paragraph():
    long = "word " * 17
    page = "\n".join(["Agenda Item 7", "Recommendations", f"{long}that the Board", f"{long}merges.", "1. Background",
                      f"{long}it met", "four times.", *[f"{long}filler" for _ in range(8)]])
    text = ingest.clean_pdf_text([page])
    assert text.startswith("Agenda Item 7\n\nRecommendations\n\n")
    # a full last line cannot be told from a wrapped one, but a numbered line after a sentence's end starts a paragraph
    assert f"{long}that the Board\n{long}merges.\n\n1. Background\n\n{long}it met\nfour times.\n\n" in text


def test_a_pdf_paragraph_whose_last_line_runs_to_the_margin_ends_at_the_space_after_it():
    """Justified minutes: only the space between paragraphs tells them apart when a last line is full."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.set_xy(15, 25)
    full = "Having declared an interest, Councillor Deehan left the meeting at 6.52 pm and took no part."
    for lines, after in ((["PCSP 19/050 COMMUNITY SAFETY SMALL GRANTS"], 3),
                         (["The Officer presented the recommendations of the assessment panel on the 23 applications",
                           "received under the Community Safety Small Grants Programme, and the panel's scoring of",
                           full], 3),
                         (["Proposed by Mrs Wylie, Seconded by Alderman Hanna and AGREED - that 16 applications be",
                           "funded to a total of 24,780 pounds, as set out in the appendix to the report, and that the",
                           "funded, and that the unsuccessful applicants be offered feedback on their applications."], 3),
                         (["The Manager reported on the Partnership's budget for the year and on the grants scheme for",
                           "the coming year, which would open for applications in the spring, as in previous years,",
                           "with the same panel of three members and officers from the Council's community team."], 0)):
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(after)
    text = ingest.read_pdf(bytes(pdf.output()))[0]
    assert f"{full}\n\nProposed by Mrs Wylie" in text
    assert "applications.\n\nThe Manager reported" in text
    assert "applications be\nfunded to a total" in text and "grants scheme for\nthe coming year" in text  # one paragraph's lines stay


def test_pdf_furniture_rules_on_page_texts():
    pages = ["Haringey Council Cabinet\nFirst page text here.\nPage 1 of 2",
             "Haringey Council Cabinet\nsecond page continues the sentence.\nPage 2 of 2"]
    text = ingest.clean_pdf_text(pages)
    assert text == "First page text here.\n\nsecond page continues the sentence."
    assert ingest.clean_pdf_text(["Header\nThe text runs\nPage 1", "Header\non over the break.\nPage 2"]) == (
        "The text runs\non over the break.")
    assert ingest.rejoin_hyphenation("a well-\nbeing board and a well-being plan") == "a well-being board and a well-being plan"
    assert ingest.rejoin_hyphenation("the partner-\nship") == "the partnership"


def test_docx_paragraphs_and_tables_in_reading_order(raw):
    write(raw / "report.docx", docx_bytes())
    docs, report = run(raw)
    text = text_of(docs, "report.docx")
    order = ["Review of Partnership Arrangements", "The board considered", "Option | Decision",
             "Merge the boards | Agreed", "RESOLVED that the merger proceed.", "- Reduce duplication"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions), text


def test_word_numbered_and_bulleted_paragraphs_become_bullets():
    import docx

    document = docx.Document()
    document.add_paragraph("RESOLVED that:")
    document.add_paragraph("the Safer Communities Board merge with the CSP;", style="List Number")
    document.add_paragraph("the Board meet quarterly.", style="List Paragraph")
    document.add_paragraph("A closing remark in the Normal style.")
    buffer = io.BytesIO()
    document.save(buffer)
    text, _ = ingest.read_docx(buffer.getvalue())
    assert text.split("\n\n") == ["RESOLVED that:", "- the Safer Communities Board merge with the CSP;",
                                   "- the Board meet quarterly.", "A closing remark in the Normal style."]


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def tracked_docx_bytes() -> bytes:
    """A draft circulated with tracked changes and a margin comment, a content control, a text box
    and a hidden run, as Word writes them."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_heading("Proposed changes", level=2)
    changed = document.add_paragraph("The Board will meet ")
    changed._p.append(parse_xml(f'<w:del {W_NS} w:id="1" w:author="JS" w:date="2024-03-01T00:00:00Z">'
                                '<w:r><w:delText>every two months</w:delText></w:r></w:del>'))
    changed._p.append(parse_xml(f'<w:ins {W_NS} w:id="2" w:author="JS" w:date="2024-03-01T00:00:00Z">'
                                '<w:r><w:t>quarterly</w:t></w:r></w:ins>'))
    changed.add_run(".")
    struck = document.add_paragraph(style="List Bullet")
    struck._p.append(parse_xml(f'<w:del {W_NS} w:id="3" w:author="JS" w:date="2024-03-01T00:00:00Z">'
                               '<w:r><w:delText>Dissolve the Anti-social Behaviour Subgroup.</w:delText></w:r></w:del>'))
    inserted = document.add_paragraph(style="List Bullet")
    inserted._p.append(parse_xml(f'<w:ins {W_NS} w:id="4" w:author="JS" w:date="2024-03-01T00:00:00Z">'
                                 '<w:r><w:t>Absorb the Reducing Reoffending Board into the Partnership.</w:t></w:r></w:ins>'))
    commented = document.add_paragraph("Quorum is one third of members.")
    document.add_comment(commented.runs, text="Should this be half?", author="JS", initials="JS")
    document.element.body.insert(len(document.element.body) - 1, parse_xml(
        f'<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Report author: Jo Smith</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    hidden = document.add_paragraph("Visible words.")
    hidden._p.append(parse_xml(f'<w:r {W_NS}><w:rPr><w:vanish/></w:rPr><w:t> Hidden words.</w:t></w:r>'))
    boxed = document.add_paragraph("Key decisions are set out in the box.")
    boxed._p.append(parse_xml(
        f'<w:r {W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps">'
        '<wps:txbx><w:txbxContent><w:p><w:r><w:t>The Board agreed to merge the two groups.</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
        '</mc:Choice><mc:Fallback><v:textbox><w:txbxContent><w:p><w:r><w:t>The Board agreed to merge the two groups.</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></mc:Fallback></mc:AlternateContent></w:r>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_reads_as_the_draft_reads_with_its_tracked_changes_accepted():
    text, _ = ingest.read_docx(tracked_docx_bytes())
    assert text.split("\n\n") == [
        "Proposed changes",
        "The Board will meet quarterly.",
        "- Absorb the Reducing Reoffending Board into the Partnership.",
        "Quorum is one third of members.",
        "Report author: Jo Smith",
        "Visible words.",
        "Key decisions are set out in the box.",
        "The Board agreed to merge the two groups.",
    ]
    assert "every two months" not in text and "Dissolve" not in text and "Should this be half" not in text


def test_a_word_file_exported_from_a_web_page_is_read_from_its_html_chunk():
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Decision notice")
    html = (b"<html><body><h2>Decision</h2><p>The Cabinet Member decided:</p><ul><li>to merge the two boards;</li></ul>"
            b"<table><tr><th>Group</th><th>Outcome</th></tr><tr><td>Youth Forum</td><td>Stood down</td></tr></table></body></html>")
    chunk = Part(PackURI("/word/afchunk1.htm"), "application/xhtml+xml", html, document.part.package)
    rid = document.part.relate_to(chunk, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(
        f'<w:altChunk {W_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'))
    buffer = io.BytesIO()
    document.save(buffer)
    text = ingest.normalise_text(ingest.read_docx(buffer.getvalue())[0])
    assert text.split("\n\n") == ["Decision notice", "Decision", "The Cabinet Member decided:", "- to merge the two boards;",
                                   "Group | Outcome\nYouth Forum | Stood down"]


def test_a_macro_enabled_word_document_or_template_is_read_without_running_anything(raw):
    import zipfile

    def variant(content_type: bytes) -> bytes:
        source, out = zipfile.ZipFile(io.BytesIO(docx_bytes())), io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", content_type)
                target.writestr(item, data)
        return out.getvalue()

    write(raw / "report.docm", variant(b"application/vnd.ms-word.document.macroEnabled.main+xml"))
    write(raw / "template.dotx", variant(b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"))
    write(raw / "broken.docm", b"<html><body>Sorry, this page could not be found.</body></html>")
    docs, report = run(raw)
    assert status_of(report, "report.docm") == ("ok", "") and status_of(report, "template.dotx") == ("ok", "")
    assert "RESOLVED that the merger proceed." in text_of(docs, "report.docm")
    assert text_of(docs, "template.dotx") == text_of(docs, "report.docm")
    assert status_of(report, "broken.docm")[0] == "skipped"


def test_word_table_cells_merged_across_columns_or_rows_are_written_once():
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Subgroups and chairs"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Safer streets"
    for row, (chair, change) in enumerate([("Insp. Patel", "merge"), ("Cllr Rees", "keep")], start=1):
        table.cell(row, 1).text, table.cell(row, 2).text = chair, change
    buffer = io.BytesIO()
    document.save(buffer)
    assert ingest.read_docx(buffer.getvalue())[0].split("\n") == [
        "Subgroups and chairs", "Safer streets | Insp. Patel | merge", " | Cllr Rees | keep"]


def test_a_numbered_heading_stays_a_heading():
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    heading = document.add_heading("Recommendations", level=2)
    heading._p.get_or_add_pPr().append(parse_xml(
        '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'))
    document.add_paragraph("That the Board meet quarterly.", style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    assert ingest.read_docx(buffer.getvalue())[0].split("\n\n") == ["Recommendations", "- That the Board meet quarterly."]


#: The signature every Office 97-2003 (OLE compound) file starts with.
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A Word 97-2003 report saved by LibreOffice (tests/fixtures/make_old_word.py writes it).
OLD_WORD = (Path(__file__).parent / "fixtures" / "old_word.doc").read_bytes()
#: An Excel and a PowerPoint 97-2003 file saved by LibreOffice (tests/fixtures/make_old_office.py).
OLD_EXCEL = (Path(__file__).parent / "fixtures" / "old_excel.xls").read_bytes()
OLD_SLIDES = (Path(__file__).parent / "fixtures" / "old_slides.ppt").read_bytes()


def test_old_excel_and_powerpoint_files_are_read_as_their_new_forms_are():
    sheet = ingest.parse_bytes(".xls", OLD_EXCEL)
    assert sheet.status == "ok"
    assert sheet.text.split("\n\n") == [
        "Sheet: Action log", "Safer Wexcombe Partnership - action log, March 2009",
        "Ref | Action | Owner | Due | Status\nA1 | Merge the two reducing reoffending groups | JS | 1 April 2009 | Open\n"
        "3 | Review the terms of reference of the Executive | | | Deferred"]  # the hidden row and sheet are not read
    slides = ingest.parse_bytes(".ppt", OLD_SLIDES)
    assert slides.status == "ok"
    assert slides.text.split("\n\n") == [
        "Reviewing the Local Strategic Partnership", "Board away-day, May 2008", "Recommendations",
        "- Merge the two theme groups on health", "- Meet quarterly instead of monthly", "Wexcombe LSP"]


def test_an_old_word_document_is_read_with_its_headings_lists_and_tables(raw):
    write(raw / "lsp_review_2007.doc", OLD_WORD)
    docs, report = run(raw)
    assert status_of(report, "lsp_review_2007.doc") == ("ok", "")
    blocks = text_of(docs, "lsp_review_2007.doc").split("\n\n")
    assert blocks[:3] == ["Review of the Local Strategic Partnership", "Report of the Head of Policy and Partnerships",
                          "1. Purpose of the report"]
    assert ("Partnership | Current arrangement | Proposed change\nSafer Wexcombe Partnership | Meets monthly | Meet quarterly\n"
            "Children's Trust Board | Separate board | Merge with the Health Partnership") in blocks
    assert "- fewer meetings with clearer decisions." in blocks
    assert "(b) asks the Partnership Board to dissolve the Environment Forum by September 2007." in blocks
    assert "Cabinet - 14 March 2007" not in text_of(docs, "lsp_review_2007.doc")  # the page header is not body text
    assert docs.set_index("file").loc["lsp_review_2007.doc", "format"] == "doc"


def xlsx_bytes() -> bytes:
    """An action log as councils keep them: a merged title, a header row, a date column, a
    wrapped cell, a hidden row, a note under the table, a second sheet and a hidden one."""
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    log = book.active
    log.title = "Action log"
    log["A1"] = "Safer Wexcombe Partnership — action log, updated 3 March 2025"
    log.merge_cells("A1:E1")
    log.append([])
    log.append(["Ref", "Action / decision", "Owner", "Due", "Status"])
    log.append(["A1", "Merge the two reducing reoffending groups", "JS", dt.datetime(2025, 4, 1), "Open"])
    log.append([2.0, "Review the terms of\nreference of the Executive", None, None, "Deferred"])
    log.append(["X", "A row the clerk hid"])
    log.row_dimensions[6].hidden = True
    log.append([])
    log.append(["RAG ratings are reviewed quarterly."])
    done = book.create_sheet("Completed")
    done.append(["Ref", "Action / decision", "Status"])
    done.append(["A0", "The Board agreed to meet quarterly", "Complete"])
    secret = book.create_sheet("Lookups")
    secret.append(["hidden sheet text"])
    secret.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_spreadsheet_is_read_sheet_by_sheet_as_table_rows(raw):
    data = xlsx_bytes()
    write(raw / "action_log.xlsx", data)
    docs, report = run(raw)
    assert status_of(report, "action_log.xlsx") == ("ok", "")
    assert ingest.file_format(".ashx", data) == (".xlsx", "named .ashx, but it is Excel (.xlsx) — read as that")
    assert text_of(docs, "action_log.xlsx").split("\n\n") == [
        "Sheet: Action log", "Safer Wexcombe Partnership - action log, updated 3 March 2025",
        "Ref | Action / decision | Owner | Due | Status\n"
        "A1 | Merge the two reducing reoffending groups | JS | 1 April 2025 | Open\n"
        "2 | Review the terms of reference of the Executive | | | Deferred",
        "RAG ratings are reviewed quarterly.",
        "Sheet: Completed", "Ref | Action / decision | Status\nA0 | The Board agreed to meet quarterly | Complete"]


def test_an_opendocument_spreadsheet_is_read_as_a_workbook_is():
    import datetime as dt

    from odfdo import Document, Table

    document = Document("spreadsheet")
    document.body.clear()
    table = Table("Decisions register")
    table.set_values([["Decisions register", None, None], [None, None, None], ["Date", "Decision", "Made by"],
                      [dt.date(2025, 2, 4), "Dissolve the Community Cohesion Forum", "Executive"]])
    document.body.append(table)
    buffer = io.BytesIO()
    document.save(buffer)
    assert ingest.file_format(".ods", buffer.getvalue()) == (".ods", "")
    assert ingest.read_ods(buffer.getvalue()) == (
        "Sheet: Decisions register\n\nDecisions register\n\nDate | Decision | Made by\n"
        "4 February 2025 | Dissolve the Community Cohesion Forum | Executive", {})


def test_a_decisions_register_saved_as_separated_values_is_read_as_a_table(raw):
    register = ("Decisions register - Safer Wexcombe Partnership;;\r\n;;\r\nDate;Decision;Made by\r\n"
                "04/02/2025;\"Dissolve the Community Cohesion Forum; its work passes to the Board\";Executive\r\n")
    write(raw / "decisions.csv", register.encode("cp1252"))
    write(raw / "log.tsv", "Ref\tAction\tOwner\nA1\tMerge the two groups £\tJS\n".encode("utf-8"))
    write(raw / "empty.csv", b",,\n,,\n")
    docs, report = run(raw)
    assert status_of(report, "decisions.csv") == ("ok", "")
    assert text_of(docs, "decisions.csv").split("\n\n") == [
        "Decisions register - Safer Wexcombe Partnership",
        "Date | Decision | Made by\n04/02/2025 | Dissolve the Community Cohesion Forum; its work passes to the Board | Executive"]
    assert text_of(docs, "log.tsv") == "Ref | Action | Owner\nA1 | Merge the two groups £ | JS"
    assert status_of(report, "empty.csv") == ("skipped", "a table with no text in it")


def test_only_the_first_rows_of_a_long_sheet_are_read_and_the_report_says_so(monkeypatch):
    monkeypatch.setattr(ingest, "SHEET_ROWS", 3)
    outcome = ingest.parse_bytes(".xlsx", xlsx_bytes())
    assert outcome.status == "ok"
    assert outcome.reason == "only the first 3 rows read of sheet(s) 'Action log' (5 rows)"
    assert "Merge the two" in outcome.text and "Review the terms" not in outcome.text and "Completed" in outcome.text
    repeated = ingest._sheets_text([("Log", [["A1", "Open"], [], ["A1", "Open"], ["A1", "Open"], ["A2", "Open"]])])[0]
    assert repeated == "Sheet: Log\n\nA1 | Open\n\nA1 | Open\nA1 | Open"  # the 3rd filled row ends it, not the 1st like it


def minutes_table_docx() -> bytes:
    """Minutes set out as a table: No. | Item | Discussion and decisions | Action / Lead."""
    import docx

    document = docx.Document()
    document.add_paragraph("West Wales Regional Partnership Board - MINUTES")
    table = document.add_table(rows=3, cols=4)
    for cell, text in zip(table.rows[0].cells, ["No.", "Item", "Discussion and decisions", "Action / Lead"]):
        cell.text = text
    number, item, discussion, action = table.rows[1].cells
    number.text, item.text = "5", "Review of regional groups"
    discussion.text = ("JB introduced the paper on the eleven groups that report to the Board, several of which have "
                       "largely the same membership and meet within a week of each other.")
    discussion.add_paragraph("CE asked that the third sector keep its two seats.", style="List Bullet")
    discussion.add_paragraph("The Board AGREED:")
    discussion.add_paragraph("(a) to merge the two groups;")
    action.text = "JB to circulate revised ToR - 10 Nov"
    action.add_paragraph("LM to update the structure chart")
    number, item, discussion, action = table.rows[2].cells
    number.text, item.text, discussion.text, action.text = "6", "Date of next meeting", "10 November 2016.", "-"
    options = document.add_table(rows=2, cols=2)  # a data table stays a row a line
    options.cell(0, 0).text, options.cell(0, 1).text = "Option", "Notes"
    options.cell(1, 0).text, options.cell(1, 1).text = "Merge", "Recommended"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_minutes_laid_out_as_a_word_table_are_read_as_minutes_in_prose(raw):
    write(raw / "rpb_minutes.docx", minutes_table_docx())
    docs, _ = run(raw)
    assert text_of(docs, "rpb_minutes.docx").split("\n\n") == [
        "West Wales Regional Partnership Board - MINUTES",
        "5 Review of regional groups",
        "JB introduced the paper on the eleven groups that report to the Board, several of which have largely the same "
        "membership and meet within a week of each other.",
        "- CE asked that the third sector keep its two seats.",
        "The Board AGREED:",
        "(a) to merge the two groups;",
        "Action / Lead: JB to circulate revised ToR - 10 Nov",
        "Action / Lead: LM to update the structure chart",
        "6 Date of next meeting",
        "10 November 2016.",
        "Option | Notes\nMerge | Recommended"]


def test_several_columns_after_the_discussion_are_read_side_by_side():
    rows = [[["Item"], ["Notes"], ["Action"], ["Owner"], ["By when"]],
            [["2"], ["The Board discussed the reducing reoffending sub-group at length " * 5], ["Draft ToR", "Invite CRC"],
             ["JB", "LM"], ["June"]]]
    assert ingest.notes_table_blocks(rows)[-2:] == ["Action: Draft ToR; Owner: JB; By when: June", "Action: Invite CRC; Owner: LM"]
    assert ingest.notes_table_blocks([rows[0], [["2"], ["Short note."], [], [], []]]) is None  # no prose: a data table


LIVE_BLOG = """<html><head><title>Live: county council decides future of community safety</title></head><body>
<div class="cookie-banner">We use cookies.</div><header class="site-header"><nav>News Sport</nav></header>
<main><article class="live-blog"><h1>Live: councillors decide the future of community safety partnerships</h1>
<div class="entries">
<article class="entry"><time>16:21</time><h3><strong>Recommendations approved</strong></h3>
<p>Councillors voted 58 to 21 to approve the executive's recommendations in full.</p>
<p>As well as setting up the new partnership, the decision:</p>
<ul><li>delegates approval of the partnership's terms of reference to the corporate director;</li>
<li>commits the council to a review of the new arrangements after twelve months.</li></ul></article>
<article class="entry"><time>15:47</time><h3><strong>Amendment defeated</strong></h3>
<p>The amendment falls. Councillors voted 31 in favour and 52 against.</p></article>
<article class="entry"><time>15:02</time><h3><strong>Debate opens</strong></h3>
<p>Cllr Marsh said one partnership for the county would cut duplication and free up officer time.</p></article>
</div></article></main><footer class="site-footer">Copyright</footer></body></html>"""


def test_a_live_blogs_entries_keep_their_lists(raw):
    write(raw / "live.html", LIVE_BLOG.encode())
    text = text_of(run(raw)[0], "live.html")
    assert "- commits the council to a review of the new arrangements after twelve months." in text
    assert "The amendment falls." in text and "Cookie" not in text and "Copyright" not in text
    import lxml.html

    cards = "".join(f"<article class='card'><a href='/n{i}'>Related story {i}</a></article>" for i in range(3))
    assert not ingest.is_feed(lxml.html.fromstring(f"<html><body><article><p>A story.</p></article>{cards}</body></html>"))


def test_a_pdf_paragraph_ends_where_a_sentence_ends_with_room_for_the_next_word(raw):
    lines = ["We propose to merge the Partnership Board and the Drug and Alcohol Action Team Board",
             "into one board. What this would mean:",
             "The DAAT Board would no longer meet as a separate body after March.",
             "The merged board would take over its responsibility for the drug strategy and the",
             "annual treatment plan, and for the pooled budget. Services would not change."]
    write(raw / "consultation.pdf", pdf_bytes([lines], footer=None))
    paragraphs = text_of(run(raw)[0], "consultation.pdf").split("\n\n")
    assert "The DAAT Board would no longer meet as a separate body after March." in paragraphs
    assert paragraphs[-1].startswith("The merged board would take over") and paragraphs[-1].endswith("Services would not change.")
    assert paragraphs[0].startswith("We propose to merge") and "\ninto one board. What this would mean:" in paragraphs[0]


WEBVTT_CAPTIONS = """WEBVTT
Kind: captions

NOTE Captions edited by Democratic Services

STYLE
::cue { color: white }

item-7-1
00:14:03.120 --> 00:14:07.480 align:start position:10%
<v Cllr Amina Shah>Thank you, Chair. I move the
recommendations in the report, that

00:14:07.480 --> 00:14:10.000
<v Cllr Amina Shah>the Board &amp; the place partnership
meet as a joint committee.

00:14:10.000 --> 00:14:11.500
[Applause]

00:14:11.500 --> 00:14:14.000
<v.loud The Leader>All those in <b>favour</b>? That is carried.
""".replace("\n", "\r\n")

SRT_CAPTIONS = """1
00:41:07,200 --> 00:41:11,950
THE MAYOR: Councillor Hughes, you
have the floor.

2
00:41:12,000 --> 00:41:14,950
COUNCILLOR HUGHES: I move that the Council

3
00:41:15,000 --> 00:41:17,950
reviews its place on the regional board.

4
00:41:18,000 --> 00:41:19,950
>> Seconded.
"""

ROLLING_CAPTIONS = """WEBVTT
Kind: captions

00:00:00.000 --> 00:00:02.310 align:start position:0%

good<00:00:00.480><c> evening</c><00:00:00.840><c> and</c>

00:00:02.310 --> 00:00:02.320 align:start position:0%
good evening and


00:00:02.320 --> 00:00:05.030 align:start position:0%
good evening and
welcome<00:00:02.800><c> to</c><00:00:03.000><c> cabinet</c>
"""


def test_webcast_captions_are_read_as_a_transcript_one_paragraph_per_speaker(raw):
    write(raw / "cabinet_item7.vtt", WEBVTT_CAPTIONS.encode("utf-8-sig"))
    write(raw / "council_webcast.srt", SRT_CAPTIONS.encode("cp1252"))
    write(raw / "captions.txt", SRT_CAPTIONS.replace("Seconded", "Seconded!").encode())  # saved as text: its first cue says what it is
    write(raw / "youtube.vtt", ROLLING_CAPTIONS.encode())
    docs, report = run(raw)
    assert text_of(docs, "cabinet_item7.vtt").split("\n\n") == [
        "Cllr Amina Shah: Thank you, Chair. I move the recommendations in the report, that the Board & the place "
        "partnership meet as a joint committee.",
        "The Leader: All those in favour? That is carried."]
    assert text_of(docs, "council_webcast.srt").split("\n\n") == [
        "THE MAYOR: Councillor Hughes, you have the floor.",
        "COUNCILLOR HUGHES: I move that the Council reviews its place on the regional board.",
        "Seconded."]
    assert text_of(docs, "captions.txt") == text_of(docs, "council_webcast.srt").replace("Seconded", "Seconded!")
    assert status_of(report, "captions.txt")[1] == "named .txt, but it is webcast captions (SubRip) — read as that"
    assert text_of(docs, "youtube.vtt") == "good evening and welcome to cabinet"  # rolling lines read once
    assert set(docs["doc_type"]) == {"minutes"}  # a meeting's spoken record
    assert set(docs["format"]) == {"vtt", "srt"}


def test_captions_that_are_not_captions_are_reported():
    assert ingest.parse_bytes(".vtt", b"<html>Not found</html>").reason == "not readable as webcast captions (WebVTT) (Invalid format)"
    assert ingest.parse_bytes(".srt", b"Chair: hello").status == "skipped"
    assert ingest.parse_bytes(".vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n[Music]\n").reason == "captions with no text in them"


def odt_bytes() -> bytes:
    from odfdo import Document, Header, List, Paragraph, Section, Table

    document = Document("text")
    document.body.append(Header(1, "Safer Northtown Partnership - Review"))
    document.body.append(Paragraph("RESOLVED that:"))
    document.body.append(List(["the Partnership merge with the Community Safety Board;", "it meet quarterly."]))
    table = Table("Groups", width=2, height=2)
    table.set_values([["Group", "Proposed arrangement"], ["Hate Crime Group", "Joins the Board"]])
    document.body.append(table)
    section = Section("Annex")
    section.append(Paragraph("Café budget of £5,000 in the annex."))
    document.body.append(section)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


RTF = (rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}"
       rb"{\pard\b Minutes of the Safer Communities Partnership\b0\par}"
       rb"{\pard RESOLVED that:\par}"
       rb"{\pard\li720 (a) the CSP merge with the Community Safety Board;\par}"
       rb"{\pard\li720 (b) a budget of \u163? 5,000 be pooled \'96 from April.\par}"
       rb"\trowd\cellx3000\cellx6000 Ref\cell Action\cell\row"
       rb"\trowd\cellx3000\cellx6000 1\cell Draft terms of reference\cell\row"
       rb"{\pard Caf\'e9 closing.\par}}")


def test_opendocument_and_rtf_keep_paragraphs_lists_and_tables_in_order(raw):
    write(raw / "review.odt", odt_bytes())
    write(raw / "minutes.rtf", RTF)
    docs, report = run(raw)
    assert set(report["status"]) == {"ok"}, report
    odt = text_of(docs, "review.odt")
    order = ["Safer Northtown Partnership - Review", "RESOLVED that:", "- the Partnership merge with the Community Safety Board;",
             "- it meet quarterly.", "Group | Proposed arrangement\nHate Crime Group | Joins the Board", "Café budget of £5,000"]
    positions = [odt.index(part) for part in order]
    assert positions == sorted(positions), odt
    rtf = text_of(docs, "minutes.rtf")
    assert rtf.split("\n\n") == [
        "Minutes of the Safer Communities Partnership", "RESOLVED that:", "(a) the CSP merge with the Community Safety Board;",
        "(b) a budget of £ 5,000 be pooled - from April.", "Ref | Action\n1 | Draft terms of reference", "Café closing."]
    assert docs.set_index("file").loc["minutes.rtf", "format"] == "rtf"


def test_broken_opendocument_and_rtf_files_are_reported_not_fatal(raw):
    write(raw / "good.txt", GOOD_TEXT)
    write(raw / "not-a-zip.odt", b"<html>error page</html>")
    write(raw / "wrong-zip.odt", b"PK\x03\x04 truncated zip")
    write(raw / "not-rtf.rtf", b"plain words, not RTF")
    docs, report = run(raw)
    assert list(docs["file"]) == ["good.txt"]
    assert "not an OpenDocument file" in status_of(report, "not-a-zip.odt")[1]
    assert "not an OpenDocument text" in status_of(report, "wrong-zip.odt")[1]
    assert "not an RTF file" in status_of(report, "not-rtf.rtf")[1]


def pptx_bytes() -> bytes:
    """Four slides: a title slide, two bulleted slides (a sub-point; a lead-in with its parts) with a
    numbered footer box on each, and a table."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = "Reviewing the Health and Wellbeing Board"
    first.placeholders[1].text = "Development session"
    for number, (title, lines) in enumerate((("Why review?", ["Attendance has fallen", "from 14 to 9 members", "Sub-groups overlap"]),
                                             ("Recommendations", ["The Board is asked to:", "meet quarterly", "merge the sub-groups",
                                                                  "a) close the Tobacco Alliance"])), 2):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        frame = slide.placeholders[1].text_frame
        frame.text = lines[0]
        for line, level in zip(lines[1:], (1, 1 if title == "Recommendations" else 0, 1)):
            sub = frame.add_paragraph()
            sub.text, sub.level = line, level
        slide.shapes.add_textbox(Inches(0.3), Inches(7), Inches(3), Inches(0.4)).text_frame.text = f"OFFICIAL | {number}"
        slide.notes_slide.notes_text_frame.text = "SPEAKER-NOTES-TEXT"
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Sub-groups"
    table = slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r, row in enumerate([["Group", "Proposed"], ["Starting Well", "Merge with Living Well"], ["Ageing Well", "Stand down"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    slide.shapes.add_textbox(Inches(0.3), Inches(7), Inches(3), Inches(0.4)).text_frame.text = "OFFICIAL | 4"
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def test_slides_keep_titles_bullets_tables_and_speaker_notes_without_footers(raw):
    write(raw / "hwb_session.pptx", pptx_bytes())
    docs, report = run(raw)
    assert text_of(docs, "hwb_session.pptx").split("\n\n") == [
        "Reviewing the Health and Wellbeing Board", "Development session",
        "Why review?", "- Attendance has fallen\nfrom 14 to 9 members", "- Sub-groups overlap",
        "Speaker notes", "SPEAKER-NOTES-TEXT",  # after the slide they belong to
        "Recommendations", "- The Board is asked to:", "- meet quarterly", "- merge the sub-groups",
        "a) close the Tobacco Alliance",  # a lettered sub-point is a part of its own, not said more of its bullet
        "Speaker notes", "SPEAKER-NOTES-TEXT", "Sub-groups", "Group | Proposed\nStarting Well | Merge with Living Well\nAgeing Well | Stand down"]
    assert docs.set_index("file").loc["hwb_session.pptx", "format"] == "pptx"


def odp_bytes() -> bytes:
    """Three slides as LibreOffice Impress keeps them: a title slide; an outline of points (a
    sub-point, speaker notes, a slide-number field, a footer box on every slide); a table whose
    cells have no typed value, drawn before its title, beside a group of two text boxes."""
    from odfdo import Cell, Document, DrawGroup, DrawPage, Frame, List, Paragraph, PresentationNotes, Row, Table

    def footer(number):
        return Frame.text_frame(f"OFFICIAL | {number}", position=("1cm", "18cm"), size=("10cm", "1cm"))

    deck = Document("presentation")
    deck.body.clear()
    first = DrawPage("p1", name="Title")
    first.append(Frame.text_frame("Reviewing the Health and Wellbeing Board", position=("1cm", "2cm"), size=("20cm", "3cm"),
                                  presentation_class="title"))
    first.append(Frame.text_frame("Development session", position=("1cm", "6cm"), size=("20cm", "3cm"),
                                  presentation_class="subtitle"))
    first.append(footer(1))
    why = DrawPage("p2", name="Why")
    points = List(["Attendance has fallen", "Sub-groups overlap"])
    points.get_elements("text:list-item")[0].append(List(["from 14 to 9 members"]))
    why.append(Frame.text_frame(points, position=("1cm", "4cm"), size=("20cm", "10cm"), presentation_class="outline"))
    why.append(Frame.text_frame("Why review?", position=("1cm", "1cm"), size=("20cm", "3cm"), presentation_class="title"))
    why.append(Frame.text_frame("2", position=("20cm", "18cm"), size=("2cm", "1cm"), presentation_class="page-number"))
    why.append(footer(2))
    notes = PresentationNotes()
    notes.append(Frame.text_frame("SPEAKER-NOTES-TEXT", presentation_class="notes"))
    why.append(notes)
    groups = DrawPage("p3", name="Groups")
    table = Table("groups", width=2, height=0)
    for values in (["Group", "Proposed"], ["Starting Well", "Merge with Living Well"], ["Ageing Well", "Stand down"]):
        row = Row()
        for value in values:
            cell = Cell()
            cell.append(Paragraph(value))
            row.append(cell)
        table.append(row)
    frame = Frame(position=("1cm", "4cm"), size=("12cm", "5cm"))
    frame.append(table)
    groups.append(frame)
    group = DrawGroup()
    group.append(Frame.text_frame("Then: agree the new terms of reference.", position=("14cm", "6cm"), size=("6cm", "2cm")))
    group.append(Frame.text_frame("First: hear from partners.", position=("14cm", "4cm"), size=("6cm", "2cm")))
    groups.append(group)
    groups.append(Frame.text_frame("Sub-groups", position=("1cm", "1cm"), size=("20cm", "3cm"), presentation_class="title"))
    groups.append(footer(3))
    for page in (first, why, groups):
        deck.body.append(page)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def test_opendocument_slides_read_as_powerpoint_slides_are(raw):
    write(raw / "hwb_session.odp", odp_bytes())
    docs, report = run(raw)
    assert text_of(docs, "hwb_session.odp").split("\n\n") == [
        "Reviewing the Health and Wellbeing Board", "Development session",
        "Why review?", "- Attendance has fallen\nfrom 14 to 9 members", "- Sub-groups overlap", "Speaker notes", "SPEAKER-NOTES-TEXT",
        "Sub-groups", "Group | Proposed\nStarting Well | Merge with Living Well\nAgeing Well | Stand down",
        "First: hear from partners.", "Then: agree the new terms of reference."]  # top to bottom; no footer
    assert docs.set_index("file").loc["hwb_session.odp", "format"] == "odp"
    assert ingest.file_format(".bin", odp_bytes()) == (".odp", "named .bin, but it is OpenDocument slides — read as that")


def test_an_opendocument_file_of_the_wrong_kind_or_broken_is_reported():
    with pytest.raises(ingest.SkipFile, match="an OpenDocument presentation, not a text document"):
        ingest.read_odt(odp_bytes())
    with pytest.raises(ingest.SkipFile, match="an OpenDocument text, not slides"):
        ingest.read_odp(odt_bytes())
    with pytest.raises(ingest.SkipFile, match="not an OpenDocument file"):
        ingest.read_odp(b"<html>Session expired</html>")


def _with_notes(docx_data: bytes, footnotes: list[str]) -> bytes:
    """The Word file with footnotes (and Word's two separator notes), the first referenced from the body."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p></w:footnote>'
                    for i, t in enumerate(footnotes, start=1))
    part = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            f"{notes}</w:footnotes>")
    source, out = zipfile.ZipFile(io.BytesIO(docx_data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
            elif item.filename == "word/document.xml":
                data = data.replace(b"<w:t>RESOLVED that the merger proceed.</w:t></w:r>",
                                    b'<w:t>RESOLVED that the merger proceed.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>')
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", part)
    return out.getvalue()


def test_a_word_documents_footnotes_follow_its_body_numbered_and_without_separators(raw):
    write(raw / "notes.docx", _with_notes(docx_bytes(), ["The merged board will meet quarterly.", "Figures are for 2023/24."]))
    text = text_of(run(raw)[0], "notes.docx")
    assert "RESOLVED that the merger proceed.\n\n" in text  # the reference mark is no text in the body
    assert text.endswith("Footnotes\n\n[1] The merged board will meet quarterly.\n\n[2] Figures are for 2023/24.")


def test_a_text_box_with_a_caption_over_its_points_reads_as_a_lead_in_and_its_points():
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "What we found"
    for left, lines in ((0.5, ["Too many groups", "Fifteen groups report to the Board, and six have not met"]),
                        (5.0, ["Keep", "Fortnightly joint tasking", "The Domestic Abuse Board as a standing group"])):
        frame = slide.shapes.add_textbox(Inches(left), Inches(2), Inches(4), Inches(3)).text_frame
        frame.text = lines[0]
        for line in lines[1:]:
            frame.add_paragraph().text = line
    slide.shapes.add_textbox(Inches(0.5), Inches(6), Inches(8), Inches(1)).text_frame.text = "A box of one sentence stays as it is."
    buffer = io.BytesIO()
    deck.save(buffer)
    assert ingest.read_pptx(buffer.getvalue())[0].split("\n\n") == [
        "What we found", "Too many groups:", "- Fifteen groups report to the Board, and six have not met",
        "Keep:", "- Fortnightly joint tasking", "- The Domestic Abuse Board as a standing group",
        "A box of one sentence stays as it is."]


def test_a_zip_archive_is_read_file_by_file_and_what_cannot_be_read_is_reported(raw):
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Agenda pack/06 Partnership review.docx", docx_bytes())
        archive.writestr("Agenda pack/minutes.txt", GOOD_TEXT)
        archive.writestr("__MACOSX/Agenda pack/._minutes.txt", b"\x00\x05\x16\x07")
        archive.writestr("Agenda pack/", b"")
        archive.writestr("../../escape.txt", "Decision: the name of this file tries to leave the folder.")
        archive.writestr("big.txt", "x" * 2_000_000)
        archive.writestr("inner.zip", _zip_of({"a.txt": "RESOLVED that the CSP meet quarterly."}))
        archive.writestr("locked.pdf", b"%PDF-1.7 encrypted bytes")
        archive.writestr("photo.jpg", b"\xff\xd8\xff\xe0 a photograph")
    write(raw / "pack.zip", _encrypted(packed.getvalue(), b"locked.pdf"))
    write(raw / "damaged.zip", packed.getvalue()[:200])
    write(raw / "manifest.csv", "file,council\npack.zip/Agenda pack/06 Partnership review.docx,Anyshire County Council\n")

    docs, report = run(raw, max_mb=1)

    assert list(docs["file"]) == ["pack.zip/Agenda pack/06 Partnership review.docx", "pack.zip/Agenda pack/minutes.txt",
                                  "pack.zip/escape.txt"]  # a name climbing out of the archive is read as a name inside it
    assert "RESOLVED that the merger proceed." in text_of(docs, "pack.zip/Agenda pack/06 Partnership review.docx")
    assert docs.set_index("file").loc["pack.zip/Agenda pack/06 Partnership review.docx", "council"] == "Anyshire County Council"
    assert not (raw.parent / "escape.txt").exists() and sorted(p.name for p in raw.iterdir()) == ["damaged.zip", "manifest.csv", "pack.zip"]
    assert status_of(report, "pack.zip/big.txt") == ("skipped", "file of 1.9 MB is larger than the 1 MB limit (config.MAX_FILE_MB)")
    assert "zip archive inside a zip archive" in status_of(report, "pack.zip/inner.zip")[1]
    assert status_of(report, "pack.zip/locked.pdf") == ("skipped", "password-protected file in a zip archive — not read")
    assert status_of(report, "pack.zip/photo.jpg")[0] == "skipped" and "image" in status_of(report, "pack.zip/photo.jpg")[1]
    assert status_of(report, "damaged.zip")[0] == "skipped" and "unpack it into the folder" in status_of(report, "damaged.zip")[1]
    assert not report["file"].str.contains("MACOSX").any() and "pack.zip" not in set(report["file"])


def _encrypted(archive: bytes, name: bytes) -> bytes:
    """The archive with one file marked password-protected, in its local and its central header."""
    data = bytearray(archive)
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = data.find(signature)
        while at != -1:
            if data[at + name_at : at + name_at + len(name)] == name:
                data[at + flag_at] |= 0x1
            at = data.find(signature, at + 4)
    return bytes(data)


def _zip_of(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def mail_bytes(attachments=(), html_only=False) -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "Decisions from today's Safer Communities Partnership board"
    message["From"] = "Democratic Services <democracy@example.gov.uk>"
    message["To"] = "partners@example.org"
    message["Date"] = "Tue, 12 Mar 2024 16:05:00 +0000"
    plain = ("Dear partners,\n\nThe Board agreed:\n\n1. to merge the two delivery groups;\n2. to meet every two months.\n\n"
             "Kind regards,\n\nChloe Fenwick\nDemocratic Services Officer\n\nThis e-mail is intended only for the named recipient.\n")
    html = ("<p>Dear partners,</p><p>The Board agreed:</p><ol><li>to merge the two delivery groups;</li><li>to meet every two months.</li></ol>"
            "<table><tr><th>Group</th><th>Outcome</th></tr><tr><td><p>Youth Forum</p></td><td>Stood down</td></tr></table>")
    if html_only:
        message.set_content(html, subtype="html")
    else:
        message.set_content(plain)
        message.add_alternative(html, subtype="html")
    for name, data, (maintype, subtype) in attachments:
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(message)


def test_an_email_gives_its_subject_body_and_readable_attachments(raw):
    docx_type = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
    write(raw / "decisions.eml", mail_bytes([
        ("summary.docx", docx_bytes(), docx_type),
        ("logo.png", b"\x89PNG\r\n\x1a\n...", ("image", "png")),
        ("figures.msg", OLE + "__substg1.0_0037001F".encode("utf-16-le") + bytes(600), ("application", "vnd.ms-outlook")),
    ]))
    write(raw / "html-only.eml", mail_bytes(html_only=True))
    docs, report = run(raw)
    text = text_of(docs, "decisions.eml")
    assert text.startswith("Decisions from today's Safer Communities Partnership board\n"
                           "From: Democratic Services <democracy@example.gov.uk>\nDate: Tue, 12 Mar 2024")
    assert "1. to merge the two delivery groups;\n2. to meet every two months." in text
    assert text.index("2. to meet") < text.index("Attachment: summary.docx") < text.index("RESOLVED that the merger proceed.")
    assert "PNG" not in text and "<p>" not in text
    assert "Kind regards" not in text and "intended only for the named recipient" not in text  # the signature goes
    row = docs.set_index("file").loc["decisions.eml"]
    assert (row["title"], row["date"], row["format"]) == (
        "Decisions from today's Safer Communities Partnership board", "2024-03-12", "eml")
    assert status_of(report, "decisions.eml")[1].startswith("attachment(s) not read: figures.msg (an Outlook message that cannot be read")
    html_only = text_of(docs, "html-only.eml")
    assert "1. to merge the two delivery groups;\n\n2. to meet every two months." in html_only and "<li>" not in html_only
    assert "Group | Outcome\nYouth Forum | Stood down" in html_only  # a table in the mail: a row a line


THREAD = """Hi all,

Thanks Sam. The Board also agreed to set up a task and finish group on
serious violence, reporting in March.

Kind regards,
Jo Reid
Partnership Manager | 01234 567890

On Tue, 12 Mar 2024 at 16:05, Sam Patel <sam.patel@example.gov.uk> wrote:
> Dear partners,
>
> The Board agreed today to merge the ASB group and the Hate Crime group
> into a single Neighbourhoods Group from 1 April.
>
> Many thanks,
> Sam
>
> -----Original Message-----
> From: Democratic Services
> Sent: 11 March 2024 09:00
>
>> Partners are asked to nominate a chair by 20 March.
"""


def test_an_email_reply_keeps_the_earlier_messages_it_quotes_without_quote_marks_or_signatures(raw):
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"], message["From"] = "RE: Board decisions", "Jo Reid <jo@example.gov.uk>"
    message.set_content(THREAD)
    write(raw / "thread.eml", bytes(message))
    text = text_of(run(raw)[0], "thread.eml")
    assert "The Board agreed today to merge the ASB group and the Hate Crime group\ninto a single Neighbourhoods Group" in text
    assert "\nPartners are asked to nominate a chair by 20 March." in text and "\n>" not in text
    assert "01234 567890" not in text and "Many thanks" not in text and "Sam\n" not in text  # each message's signature goes
    assert text.index("task and finish group") < text.index("wrote:") < text.index("Neighbourhoods Group") < text.index("nominate")


def outlook_bytes(subject: str, body: str = "", html: str = "", attachments=(), embedded=None, rtf: bytes = b"") -> bytes:
    """An Outlook .msg written by aspose-email-foss, an implementation independent of the reader's."""
    from datetime import datetime, timezone

    from aspose.email_foss import msg

    message = msg.MapiMessage.create(subject, body)
    if html:
        message.body_html = html
    if rtf:  # PidTagRtfCompressed: the body Outlook keeps as compressed rich text
        message.set_property(0x1009, msg.PropertyTypeCode.PTYP_BINARY, rtf)
    message.set_property(msg.PropertyId.SENDER_NAME, "Jo Reid")
    message.set_property(msg.PropertyId.SENDER_EMAIL_ADDRESS, "jo.reid@example.gov.uk")
    message.set_property(msg.PropertyId.MESSAGE_DELIVERY_TIME, datetime(2024, 3, 12, 16, 5, tzinfo=timezone.utc))
    message.add_recipient("partners@example.org", display_name="Partners")
    for name, data, mime_type in attachments:
        message.add_attachment(name, data, mime_type=mime_type)
    if embedded is not None:
        message.add_embedded_message_attachment(msg.MapiMessage.create(*embedded), filename="Minutes.msg")
    return message.to_bytes()


def test_an_outlook_message_is_read_as_an_email_with_its_attachments(raw):
    from compressed_rtf import compress

    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    write(raw / "RE Board decisions.msg", outlook_bytes("RE: Board decisions", THREAD, attachments=[
        ("summary.docx", docx_bytes(), docx_type), ("image001.png", b"\x89PNG\r\n\x1a\n...", "image/png")]))
    write(raw / "html.msg", outlook_bytes("Bulletin", html="<html><body><p>The Board <b>agreed</b> to meet quarterly.</p>"
                                                             "<ul><li>to merge the two groups;</li></ul></body></html>"))
    write(raw / "forwarded.msg", outlook_bytes("FW: minutes", "See the minutes attached.",
                                               embedded=("Minutes", "RESOLVED that the boards merge.")))
    write(raw / "no body.msg", outlook_bytes("Papers", attachments=[("note.txt", b"RESOLVED that the LSP be dissolved.\n", "text/plain")]))
    rtf = compress(rb"{\rtf1\ansi\ansicpg1252 The Board agreed:\par 1. to meet quarterly;\par 2. to stand down the Forum.\par}")
    write(raw / "rich.msg", outlook_bytes("Decisions", rtf=rtf))
    write(raw / "damaged rich.msg", outlook_bytes("Papers", rtf=b"LZFu...", attachments=[("note.txt", b"RESOLVED that the LSP be dissolved.\n", "text/plain")]))
    write(raw / "broken.msg", OLE + "__substg1.0_0037001F".encode("utf-16-le") + bytes(600))
    docs, report = run(raw)
    text = text_of(docs, "RE Board decisions.msg")
    assert text.startswith("RE: Board decisions\nFrom: Jo Reid <jo.reid@example.gov.uk>\nDate: Tue, 12 Mar 2024 16:05")
    assert "into a single Neighbourhoods Group" in text and "\nPartners are asked to nominate a chair by 20 March." in text
    assert "\n>" not in text and "01234 567890" not in text  # quoted messages kept without marks; signatures go
    assert text.index("nominate a chair") < text.index("Attachment: summary.docx") < text.index("RESOLVED that the merger proceed.")
    assert "PNG" not in text
    row = docs.set_index("file").loc["RE Board decisions.msg"]
    assert (row["title"], row["date"], row["format"]) == ("RE: Board decisions", "2024-03-12", "msg")
    assert status_of(report, "RE Board decisions.msg") == ("ok", "")
    html = text_of(docs, "html.msg")
    assert "The Board agreed to meet quarterly." in html and "to merge the two groups;" in html and "<p>" not in html
    assert "See the minutes attached." in text_of(docs, "forwarded.msg")
    assert status_of(report, "forwarded.msg") == (
        "ok", "attachment(s) not read: Minutes.msg (an Outlook item attached inside the message)")
    assert "RESOLVED that the LSP be dissolved." in text_of(docs, "no body.msg")
    assert status_of(report, "no body.msg") == ("ok", "")
    assert "The Board agreed:\n\n1. to meet quarterly;\n\n2. to stand down the Forum." in text_of(docs, "rich.msg")
    assert status_of(report, "rich.msg") == ("ok", "")
    assert "RESOLVED that the LSP be dissolved." in text_of(docs, "damaged rich.msg")
    assert status_of(report, "damaged rich.msg")[1].startswith("the body, kept only as compressed rich text, could not be read (")
    assert status_of(report, "broken.msg")[0] == "skipped"
    assert status_of(report, "broken.msg")[1].startswith("an Outlook message that cannot be read")


NEWSLETTER = """<!doctype html><html><head><style>td {font-family: Arial}</style></head><body>
<table width="100%"><tr><td align="center"><a href="https://mailchi.mp/x">View this email in your browser</a></td></tr>
<tr><td><table width="600"><tr><td class="mcnTextContent"><h1>Partnership bulletin &ndash; June</h1>
<h2>Board agrees to merge its sub-groups</h2>
<p>The Board agreed to merge the two delivery groups from September.</p><p><a href="#">Read more</a></p>
<h2>Meeting less often</h2><p>The Board is proposing to meet quarterly.</p></td>
<td class="sidebar"><h3>Events</h3><ul><li>1 July &ndash; Board meeting</li></ul></td></tr></table></td></tr>
<tr><td><table><tr><th>Group</th><th>Outcome</th></tr><tr><td>Youth Forum</td><td>Stood down</td></tr></table></td></tr>
<tr><td><em>Copyright &copy; 2021 Example Council</em><br><a href="#">unsubscribe from this list</a></td></tr></table></body></html>"""


def test_a_newsletter_emails_layout_tables_are_read_as_paragraphs(raw):
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"], message["From"] = "Partnership bulletin", "Bulletin <news@example.gov.uk>"
    message.set_content(NEWSLETTER, subtype="html", cte="quoted-printable")
    write(raw / "bulletin.eml", bytes(message))
    text = text_of(run(raw)[0], "bulletin.eml")
    # one cell a row, or a cell holding headings: a page laid out in tables, read a block a paragraph
    assert ("Board agrees to merge its sub-groups\n\nThe Board agreed to merge the two delivery groups from September."
            "\n\nRead more\n\nMeeting less often\n\nThe Board is proposing to meet quarterly.") in text
    assert "Events\n\n- 1 July - Board meeting" in text and "|" not in text.replace("Group | Outcome\nYouth Forum | Stood down", "")


def mhtml_bytes(url="https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=512") -> bytes:
    return mhtml_of(MODERNGOV, url)


def mhtml_of(page_html: str, url: str) -> bytes:
    """A page saved by a browser as one file: quoted-printable HTML and a stylesheet."""
    from email import charset
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    page = MIMEMultipart("related")
    page["From"] = "<Saved by Blink>"
    page["Snapshot-Content-Location"] = url
    page["Subject"] = "Decision details - Powys County Council"
    utf8 = charset.Charset("utf-8")
    utf8.body_encoding = charset.QP
    html = MIMEText("", "html")
    html.set_payload(page_html, utf8)
    html["Content-Location"] = url
    page.attach(html)
    page.attach(MIMEText(".nav {color: red}", "css"))
    return page.as_bytes()


def test_a_saved_web_page_reads_as_the_page_and_knows_its_address(raw):
    write(raw / "decision.mhtml", mhtml_bytes())
    write(raw / "page.html", MODERNGOV)
    docs, _ = run(raw)
    assert text_of(docs, "decision.mhtml") == text_of(docs, "page.html")
    assert docs.set_index("file").loc["decision.mhtml", "source_url"] == "https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=512"
    assert "source_url" in docs.set_index("file").loc["decision.mhtml", "inferred"]


def test_the_publisher_a_format_names_picks_the_council_and_date_among_those_the_text_names(raw):
    body = [["Report of the task and finish group on the partnership.",
             "Hastings Borough Council runs a similar partnership. Hastings Borough Council agrees.",
             "Cabinet considered this report on 2 September 2024."], ["Hastings Borough Council will be consulted."]]
    write(raw / "ViewSelectedDocument.asp", pdf_bytes(body, header="Rother District Council - Overview and Scrutiny Committee - 16 September 2024"))
    page = MAIN_WITHOUT_A_NAME.replace("Copyright FOOTER-TEXT Ceredigion County Council", "Copyright Ceredigion County Council").replace(
        "Cabinet</p>", "Cabinet</p><p>To establish, jointly with Powys County Council and Powys County Council's partners, a committee.</p>")
    write(raw / "decision.mhtml", mhtml_of(page, "https://council.ceredigion.gov.uk/ieDecisionDetails.aspx?ID=1187"))
    write(raw / "decisions.eml", mail_bytes().replace(b"Dear partners,", b"Present: Cllr A Holroyd (Chair), R Moss.\n\nDear partners,"))
    docs, _ = run(raw)
    rows = docs.set_index("file")
    assert (rows.loc["ViewSelectedDocument.asp", "council"], rows.loc["ViewSelectedDocument.asp", "date"]) == (
        "Rother District Council", "2024-09-16")
    assert rows.loc["decision.mhtml", "council"] == "Ceredigion County Council"
    assert (rows.loc["decisions.eml", "date"], rows.loc["decisions.eml", "doc_type"]) == ("2024-03-12", "minutes")


NEWS_WITH_A_FACT_BOX = """<!DOCTYPE html><html><head><title>Boards to meet as one - Derwent Courier</title></head><body>
<nav><a href="/">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Health board and NHS partnership to meet as one</h1>
<p>The city's Health and Wellbeing Board and the Integrated Care Partnership are to meet together as a single
committee in common from the new year, after both bodies backed the arrangement this week.</p>
<aside class="fact-box"><h3>What is changing?</h3><ul>
<li>One meeting, two boards: the two will meet together four times a year, replacing seven meetings.</li>
<li>Standing down: the Health Inequalities Forum will hold its last meeting in December.</li></ul></aside>
<p>Council leader Cllr Marcus Whitfield said the board should stop admiring the problem and agree three priorities.</p>
<aside class="related-stories"><h3>Read more</h3><ul><li><a href="/a">RELATED-STORY-ONE about the council budget</a></li>
<li><a href="/b">RELATED-STORY-TWO about a new hospital wing opening</a></li></ul></aside>
<aside class="newsletter"><p>Sign up to our NEWSLETTER-TEXT and get the day's headlines in your inbox every morning.</p></aside>
</article><footer>Copyright Derwent Courier</footer></body></html>"""


ACCORDION_PAGE = """<!DOCTYPE html><html><head><title>How the Board is changing - Anytown Council</title></head><body>
<div class="cookie-banner"><p>We use cookies.</p><button aria-controls="cookie-settings">Cookie settings</button>
<div id="cookie-settings" hidden><p>Analytics cookies help us improve the website for everyone who uses it.</p></div></div>
<nav><button aria-controls="menu-list">Menu</button><ul id="menu-list" hidden><li>Bins and recycling collections</li></ul></nav><main><h1>How the Board is changing</h1>
<p>In March the Board agreed a package of changes to the way it works, after a review with partners and residents.</p>
<div class="accordion"><h2><button aria-expanded="false" aria-controls="panel-1">What we decided</button></h2>
<div id="panel-1" hidden><p>The Board agreed that the two boards will merge into one board from April.</p></div>
<button class="accordion__trigger" aria-expanded="false" aria-controls="panel-2">Have your say</button>
<div id="panel-2" style="display: none"><p>Tell us what you think of the changes by completing the survey.</p></div></div>
<div class="accordion-item"><h2 class="accordion-header"><button class="accordion-button collapsed" aria-controls="c3">What changes for partners</button></h2>
<div id="c3" class="accordion-collapse collapse"><p>The voluntary sector will have two seats on the board instead of one.</p></div></div>
<details><summary>Timeline</summary><p>The first meeting of the new board will be held in September 2025.</p></details>
<form><label>Was this page helpful?</label><button type="submit">Send feedback</button></form>
</main><footer>Contact us</footer></body></html>"""


def test_a_pages_accordion_is_read_open_with_its_toggles_as_headings(raw):
    write(raw / "changes.html", ACCORDION_PAGE)
    docs, _ = run(raw)
    blocks = text_of(docs, "changes.html").split("\n\n")
    assert blocks[blocks.index("What we decided") + 1] == "The Board agreed that the two boards will merge into one board from April."
    assert blocks[blocks.index("Have your say") + 1] == "Tell us what you think of the changes by completing the survey."
    assert blocks[blocks.index("Timeline") + 1] == "The first meeting of the new board will be held in September 2025."
    assert blocks[blocks.index("What changes for partners") + 1] == "The voluntary sector will have two seats on the board instead of one."
    assert not any("cookies" in b or "Send feedback" in b or "Bins" in b for b in blocks)


def test_a_news_pages_fact_box_is_kept_and_its_promotions_are_not(raw):
    write(raw / "news.html", NEWS_WITH_A_FACT_BOX)
    docs, _ = run(raw)
    blocks = text_of(docs, "news.html").split("\n\n")
    assert "What is changing?" in blocks
    assert "- Standing down: the Health Inequalities Forum will hold its last meeting in December." in blocks
    assert not any(word in text_of(docs, "news.html") for word in ("RELATED-STORY", "NEWSLETTER-TEXT"))


def test_a_download_saved_under_a_script_name_is_read_by_its_content(raw):
    write(raw / "ViewSelectedDocument.asp", pdf_bytes([["RESOLVED that the CSP and the LSP merge."]]))
    write(raw / "mgConvert2PDF.aspx", docx_bytes())
    write(raw / "GetSlides.ashx", pptx_bytes())
    write(raw / "decision", mhtml_bytes())
    write(raw / "notes", "That the partnership meets quarterly.\n")
    write(raw / "partnership.doc", rb"{\rtf1\ansi RESOLVED that the Board be dissolved.\par}")
    write(raw / "web.doc", "<html><body><p>RESOLVED that the LSP be reviewed annually by the Board.</p></body></html>")
    write(raw / "damaged.doc", OLE + bytes(600))
    write(raw / "locked.docx", OLE + "EncryptedPackage".encode("utf-16-le") + bytes(600))
    write(raw / "old_word.asp", OLD_WORD)
    write(raw / "tracker.xlsx", OLE + "Workbook".encode("utf-16-le") + bytes(600))
    write(raw / "slides.ppt", OLE + "PowerPoint Document".encode("utf-16-le") + bytes(600))
    write(raw / "GetDocument.ashx", OLD_SLIDES)
    write(raw / "download.aspx", OLD_EXCEL)
    write(raw / "reply.msg", OLE + "__substg1.0_0037001F".encode("utf-16-le") + bytes(600))
    write(raw / "plain.doc", "RESOLVED that the Forum be dissolved.\n")
    write(raw / "list.csv", "a,b\n1,2\n")
    write(raw / "survey.sav", b"$FL2@(#) SPSS DATA FILE" + bytes(600))
    write(raw / "blob", bytes(range(256)) * 4)
    docs, report = run(raw)
    formats = docs.set_index("file")["format"].to_dict()
    assert formats == {"ViewSelectedDocument.asp": "pdf", "mgConvert2PDF.aspx": "docx", "GetSlides.ashx": "pptx",
                       "decision": "mhtml", "notes": "txt", "partnership.doc": "rtf", "web.doc": "html",
                       "old_word.asp": "doc", "plain.doc": "txt", "GetDocument.ashx": "ppt", "download.aspx": "xls",
                       "list.csv": "csv"}
    assert status_of(report, "ViewSelectedDocument.asp") == ("ok", "named .asp, but it is PDF — read as that")
    assert status_of(report, "notes") == ("ok", "named without an extension, but it is text — read as that")
    assert "RESOLVED that the Board be dissolved." in text_of(docs, "partnership.doc")
    assert status_of(report, "old_word.asp") == ("ok", "named .asp, but it is old Word 97-2003 (.doc) — read as that")
    assert status_of(report, "damaged.doc")[0] == "skipped"
    assert status_of(report, "damaged.doc")[1].startswith("an old Word (.doc) file that could not be read (InvalidCompoundFile")
    assert status_of(report, "tracker.xlsx")[1].startswith(
        "named .xlsx, but it is old Excel 97-2003 (.xls) — read as that; an old Excel (.xls) file that could not be read")
    assert status_of(report, "slides.ppt")[1].startswith("old PowerPoint (.ppt) slides that could not be read")
    assert status_of(report, "download.aspx") == ("ok", "named .aspx, but it is old Excel 97-2003 (.xls) — read as that")
    assert status_of(report, "reply.msg")[0] == "skipped"
    assert status_of(report, "reply.msg")[1].startswith("an Outlook message that cannot be read")
    assert status_of(report, "locked.docx") == ("skipped", "unsupported format: password-protected Office document — not read; save a copy without the password")
    assert status_of(report, "survey.sav") == ("skipped", "unsupported format: .sav")
    assert status_of(report, "blob") == ("skipped", "unsupported format: no file extension, and not text")


RSS = """<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="rss.xsl"?>
<rss version="2.0"><channel><title>Example Council - Recent decisions</title>
<link>https://democracy.example.gov.uk/mgDelegatedDecisions.aspx</link><description>Decisions</description>
<item><title>Community Safety Partnership - review of structures</title><link>https://democracy.example.gov.uk/1</link>
<pubDate>Tue, 12 Nov 2024 10:00:00 GMT</pubDate><guid>https://democracy.example.gov.uk/1</guid>
<description>&lt;p&gt;Decision Maker: Cabinet&lt;/p&gt;&lt;p&gt;Decision:&lt;/p&gt;&lt;p&gt;RESOLVED that:&lt;/p&gt;&lt;ol&gt;
&lt;li&gt;the two delivery groups be merged;&lt;/li&gt;&lt;li&gt;the Board meet quarterly.&lt;/li&gt;&lt;/ol&gt;</description></item>
<item><title>Highways capital programme</title><pubDate>Mon, 11 Nov 2024 09:00:00 GMT</pubDate>
<description>That the programme of &#163;6.8 million be approved.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Partnership news</title>
<link href="https://www.example.gov.uk/news"/><updated>2025-01-20T09:00:00Z</updated><id>urn:x</id>
<entry><title>Board to meet in common</title><id>urn:1</id><updated>2025-01-20T09:00:00Z</updated>
<content type="html">&lt;p&gt;The Board agreed to meet in common with the ICP.&lt;/p&gt;</content></entry></feed>"""


def test_a_decisions_feed_is_read_entry_by_entry(raw):
    write(raw / "decisions.xml", RSS)
    write(raw / "news.atom", ATOM)
    write(raw / "feed", RSS.replace("Recent decisions", "Feed saved without a name"))
    write(raw / "settings.xml", '<?xml version="1.0"?><settings><colour>blue</colour></settings>')
    write(raw / "empty.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>')
    docs, report = run(raw)
    text = text_of(docs, "decisions.xml")
    assert text.startswith("Example Council - Recent decisions\n\nCommunity Safety Partnership - review of structures\n\n"
                           "Published: 2024-11-12\n\nDecision Maker: Cabinet\n\nDecision:\n\nRESOLVED that:")
    assert "1. the two delivery groups be merged;\n\n2. the Board meet quarterly." in text and "<li>" not in text
    assert text.index("meet quarterly") < text.index("Highways capital programme") < text.index("£6.8 million")
    row = docs.set_index("file").loc["decisions.xml"]
    assert (row["title"], row["date"], row["format"]) == ("Example Council - Recent decisions", "2024-11-12", "rss")
    assert status_of(report, "decisions.xml") == ("ok", "")
    assert "Board to meet in common\n\nPublished: 2025-01-20\n\nThe Board agreed to meet in common with the ICP." in text_of(docs, "news.atom")
    assert status_of(report, "feed") == ("ok", "named without an extension, but it is a feed (RSS or Atom) — read as that")
    assert status_of(report, "settings.xml") == ("skipped", "an XML file that is not a news or decisions feed (RSS or Atom) — not read")
    assert status_of(report, "empty.rss") == ("skipped", "a feed without entries")


def test_a_file_is_read_by_its_name_when_its_bytes_agree_or_say_nothing():
    assert ingest.file_format(".txt", b"<html><body>a page kept as text</body></html>") == (".txt", "")
    assert ingest.file_format(".eml", mail_bytes()) == (".eml", "")
    assert ingest.file_format(".htm", b"<p>fragment</p>") == (".htm", "")
    assert ingest.file_format(".pdf", b"<html><body>404</body></html>") == (".pdf", "")  # the PDF reader explains
    assert ingest.file_format("", mail_bytes())[0] == ".eml"
    assert ingest.file_format(".docx", pptx_bytes())[0] == ".pptx"


def form_pdf_bytes() -> bytes:
    """A record of decision as a fillable form: the page prints the labels, the substance is typed
    into AcroForm fields (pypdf), one of them empty and one a tick box."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject

    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.text(50, 80, "Record of Decision")
    pdf.text(50, 120, "Decision reference")
    pdf.text(50, 150, "Title of decision")
    pdf.text(50, 200, "Decision taken")
    pdf.text(50, 400, "Reasons for the decision")
    pdf.text(50, 800, "Form RD1")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(bytes(pdf.output()))))
    page = writer.pages[0]
    height = float(page.mediabox.height)
    fields = ArrayObject()
    def field(name, top, bottom, left, right, value, kind="/Tx", flags=0):
        widget = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject(kind), NameObject("/T"): TextStringObject(name), NameObject("/V"): TextStringObject(value) if kind == "/Tx" else NameObject(value),
            NameObject("/Ff"): NumberObject(flags), NameObject("/F"): NumberObject(4), NameObject("/DA"): TextStringObject("/Helv 10 Tf 0 g"),
            NameObject("/Rect"): ArrayObject([FloatObject(left), FloatObject(height - bottom), FloatObject(right), FloatObject(height - top)])})
        ref = writer._add_object(widget)
        page.setdefault(NameObject("/Annots"), ArrayObject()).append(ref)
        fields.append(ref)
    field("ref", 108, 126, 200, 540, "CMD/2025/014")
    field("title", 138, 156, 200, 540, "Safer Partnership review")
    field("decision", 210, 380, 50, 540, "The Cabinet Member has decided:\n\n1. To approve the merger of the two delivery groups.\n2. To move to quarterly meetings.", flags=4096)
    field("reasons", 410, 500, 50, 540, "", flags=4096)
    field("urgent", 520, 535, 50, 65, "/Off", kind="/Btn")
    field("form", 790, 805, 200, 300, "Form RD1")  # a value the page already prints
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): fields, NameObject("/NeedAppearances"): BooleanObject(True)})
    out = io.BytesIO(); writer.write(out); return out.getvalue()


def test_what_is_typed_into_a_pdf_forms_fields_is_read_where_it_shows(raw):
    write(raw / "record-of-decision.pdf", form_pdf_bytes())
    text = text_of(run(raw)[0], "record-of-decision.pdf")
    assert text == ("Record of Decision\n\nDecision reference | CMD/2025/014\nTitle of decision | Safer Partnership review\n\n"
                    "Decision taken\n\nThe Cabinet Member has decided:\n\n1. To approve the merger of the two delivery groups.\n\n"
                    "2. To move to quarterly meetings.\n\nReasons for the decision\n\nForm RD1")


def ruled_table_pdf() -> bytes:
    """A page of text, a ruled table with a wrapped cell, and text after it."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "4. Current and proposed groups", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, "The review looked at every group that reports to the Board.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    with pdf.table(col_widths=(50, 30, 100)) as table:
        for row in [("Current group", "Meets", "Proposed arrangement"),
                    ("Healthy Lives Partnership", "Bi-monthly", "Continues as the Health and Well-being Delivery Group, "
                                                                 "with a smaller membership drawn from the statutory partners"),
                    ("Climate Ready Group", "Quarterly", "Joins with the Local Nature Partnership")]:
            cells = table.row()
            for value in row:
                cells.cell(value)
    pdf.ln(4)
    pdf.multi_cell(0, 6, "5. The recommendations in detail", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_ruled_tables_are_read_row_by_row_between_the_text_around_them(raw):
    write(raw / "review.pdf", ruled_table_pdf())
    docs, _ = run(raw)
    text = text_of(docs, "review.pdf")
    rows = ["Current group | Meets | Proposed arrangement",
            "Healthy Lives Partnership | Bi-monthly | Continues as the Health and Well-being Delivery Group, with a smaller "
            "membership drawn from the statutory partners",
            "Climate Ready Group | Quarterly | Joins with the Local Nature Partnership"]
    assert "\n".join(rows) in text, text  # one line per row, the wrapped cell joined, no blank line inside the table
    order = ["The review looked at every group", rows[0], rows[2], "5. The recommendations in detail"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions), text
    assert text.count("Bi-monthly") == 1  # the table's text is not also read as loose lines


def test_a_wide_table_does_not_make_every_line_of_the_text_look_short(raw):
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    paragraph = ("4.1 The Committee will review progress against the accepted recommendations in September 2025. "
                 "In the meantime the Policy and Partnerships Manager will give Members a six-monthly update "
                 "through the Members' Bulletin, and the Board will publish its forward plan.")
    pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    with pdf.table(col_widths=(15, 80, 85)) as table:
        for i in range(1, 9):
            cells = table.row()
            for value in (f"R{i}", f"That the Board adopts recommendation {i} of the review group " * 3, "Accepted. " * 6):
                cells.cell(value)
    pdf.ln(4)
    after = ("5.1 Financial: the accepted recommendations can be delivered within the existing Policy and Partnerships "
             "budget. Recommendation 5 would have needed new revenue funding and was not accepted by the Cabinet.")
    pdf.multi_cell(0, 6, after, new_x="LMARGIN", new_y="NEXT")
    write(raw / "report.pdf", bytes(pdf.output()))
    docs, _ = run(raw)
    paragraphs = text_of(docs, "report.pdf").split("\n\n")
    assert [p.replace("\n", " ") for p in paragraphs if p.startswith(("4.1", "5.1"))] == [paragraph, after]


MAIN_WITHOUT_A_NAME = """<!DOCTYPE html><html><head><title>Decision details</title></head><body>
<div id="mgCookieBanner" class="cookie-banner"><p>We use cookies COOKIE-TEXT on this website, with your consent to analytics.</p></div>
<header class="site-header"><ul><li><a href="/">Home</a></li><li><a href="/contact">Contact us HEADER-LINK</a></li></ul></header>
<nav class="main-nav"><ul><li><a href="/">Residents NAV-LINK</a></li><li><a href="/b">Business</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Home</a> &gt; Decisions &gt; Decision details BREADCRUMB</div>
<div id="mgMainContent" class="mgContent">
<h1 class="mgMainTitleTxt">Decision details</h1>
<p><span class="mgLabel">Decision Maker:</span> Cabinet</p>
<h3 class="mgSectionTitle">Decision:</h3>
<p>1. To approve the merger of the Ceredigion Public Services Board with the Powys Public Services Board from April.</p>
<p>2. To establish a joint scrutiny committee of five elected members from each council, with an alternating chair.</p>
<h3 class="mgSectionTitle">Reasons for the decision:</h3>
<p>Many partners serve both counties and at present attend two boards with similar agendas and papers.</p>
</div>
<footer class="site-footer"><p>Copyright FOOTER-TEXT Ceredigion County Council. Accessibility statement. Privacy notice.</p></footer>
</body></html>"""


def test_a_page_whose_main_content_has_no_usual_name_keeps_its_headings(raw):
    write(raw / "decision.html", MAIN_WITHOUT_A_NAME)
    docs, _ = run(raw)
    blocks = text_of(docs, "decision.html").split("\n\n")
    assert blocks[blocks.index("Decision:") + 1].startswith("1. To approve the merger")
    assert "Reasons for the decision:" in blocks
    for furniture in ("COOKIE-TEXT", "HEADER-LINK", "NAV-LINK", "BREADCRUMB", "FOOTER-TEXT"):
        assert furniture not in text_of(docs, "decision.html")


def test_a_ruled_table_over_a_page_break_is_one_table_and_a_running_header_with_bars_still_goes():
    class Paper(FPDF):
        def header(self):
            self.set_font("helvetica", size=8)
            self.cell(0, 5, "Northshire CPB | 27 February 2025 | Item 5", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

    pdf = Paper(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for i in range(30):
        pdf.cell(0, 7, f"Paragraph {i + 1} of the background to the review of the thematic groups.", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(20, 110, 40)) as table:  # starts near the foot of page 1; fpdf repeats the header on page 2
        for row in [("Option", "Description", "Recommended?")] + [(str(i), f"Option number {i} for the groups", "No") for i in range(1, 9)]:
            cells = table.row()
            for value in row:
                cells.cell(value)
    pdf.cell(0, 7, "After the table.", new_x="LMARGIN", new_y="NEXT")
    text, _ = ingest.read_pdf(bytes(pdf.output()))
    assert pdf.page_no() == 2
    rows = ["Option | Description | Recommended?"] + [f"{i} | Option number {i} for the groups | No" for i in range(1, 9)]
    assert "\n".join(rows) in text, text
    assert text.count("Option | Description") == 1
    assert "Northshire CPB" not in text
    assert "\ue000" not in text


def test_pdf_pages_without_rules_are_not_searched_for_tables(monkeypatch):
    calls = []
    monkeypatch.setattr(ingest._RuledTables, "on_page", lambda self, index: calls.append(index) or [])
    ingest.read_pdf(pdf_bytes([["A page of text | with a pipe | in it."], ["Another page."]]))
    assert calls == []
    ingest.read_pdf(ruled_table_pdf())
    assert calls == [0]


def test_normalisation_repairs_mojibake_and_keeps_bullets():
    raw_text = "The â€œnimbleâ€\x9d board\u00a0\u00a0met.\n\n\n\n• First point\n▪ Second point\nﬁnance  ﬂows"
    text = ingest.normalise_text(raw_text)
    assert text == 'The "nimble" board met.\n\n- First point\n- Second point\nfinance flows'


# ---------------------------------------------------------------- bad input


def test_every_bad_file_gets_one_reason_and_good_files_still_ingest(raw, tmp_path):
    write(raw / "good.txt", GOOD_TEXT)
    write(raw / "sub" / "copy.txt", GOOD_TEXT)
    write(raw / "empty.txt", b"")
    write(raw / "blank.md", b"  \n\t\n  ")
    write(raw / "junk.txt", bytes(range(256)) * 20)
    full = pdf_bytes([["Text of a report about partnerships."]])
    write(raw / "truncated.pdf", full[: len(full) // 2])
    write(raw / "locked.pdf", pdf_bytes([["Secret text."]], owner_password="o", user_password="u"))
    write(raw / "scan.pdf", scanned_pdf())
    write(raw / "error-page.pdf", "<html><body>404 Not Found</body></html>")
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("readme.txt", "not a word document")
    write(raw / "fake.docx", zipped.getvalue())
    write(raw / "notzip.docx", b"This was never a Word file.")
    write(raw / "old.doc", b"\xd0\xcf\x11\xe0 old word")
    write(raw / "budget.xlsx", b"PK\x03\x04 spreadsheet")
    write(raw / "big.txt", GOOD_TEXT + "x" * 2_000_000)
    write(raw / ".DS_Store", b"\x00\x01")
    outside = write(tmp_path / "outside.txt", "A secret outside the raw folder.")
    os.symlink(outside, raw / "link.txt")
    os.symlink(tmp_path, raw / "linkdir")
    write(raw / "manifest.csv", "file,council\n../outside.txt,Nowhere Council\nmissing.pdf,Somewhere Council\n")

    docs, report = run(raw, max_mb=1)

    assert list(docs["file"]) == ["good.txt"]
    assert report["file"].is_unique
    expected = {
        "good.txt": ("ok", ""),
        "sub/copy.txt": ("duplicate", "same content as good.txt"),
        "empty.txt": ("skipped", "empty file"),
        "blank.md": ("skipped", "empty file (only whitespace)"),
        "junk.txt": ("skipped", "binary content"),
        "truncated.pdf": ("skipped", "truncated PDF"),
        "locked.pdf": ("skipped", "encrypted PDF"),
        "scan.pdf": ("skipped", "no text layer"),  # and OCR found none, or Tesseract is missing
        "error-page.pdf": ("skipped", "not a PDF: the file is a web page"),
        "fake.docx": ("skipped", "not a Word document"),
        "notzip.docx": ("skipped", "not a Word document"),
        "old.doc": ("skipped", "an old Word (.doc) file that could not be read"),
        "budget.xlsx": ("skipped", "not an Excel workbook openpyxl can read (BadZipFile)"),
        "big.txt": ("skipped", "larger than the 1 MB limit"),
        ".DS_Store": ("skipped", "hidden"),
        "link.txt": ("skipped", "symbolic link pointing outside the raw folder — refused"),
        "linkdir": ("skipped", "symbolic link pointing outside the raw folder — refused"),
        "../outside.txt": ("skipped", "path leaves the raw folder — refused"),
        "missing.pdf": ("error", "no such file"),
    }
    for file, (status, reason) in expected.items():
        got_status, got_reason = status_of(report, file)
        assert got_status == status and reason in got_reason, (file, got_status, got_reason)
    assert set(report["file"]) == set(expected)
    assert "A secret" not in " ".join(docs["text"])


def test_owner_password_pdf_is_readable(raw):
    write(raw / "restricted.pdf", pdf_bytes([["Restricted printing, readable text."]], owner_password="owner"))
    docs, _ = run(raw)
    assert "Restricted printing, readable text." in text_of(docs, "restricted.pdf")


def test_partly_scanned_pdf_is_ingested_with_a_warning(raw, monkeypatch):
    without_tesseract(monkeypatch)
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(0, 6, "Only the first page has a text layer.")
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    write(raw / "mixed.pdf", bytes(pdf.output()))
    docs, report = run(raw)
    status, reason = status_of(report, "mixed.pdf")
    assert status == "ok" and "1 of 2 pages have no text layer" in reason and INSTALL_TESSERACT in reason


def test_a_slow_file_is_abandoned_and_the_batch_goes_on(raw, monkeypatch):
    def stuck(data):
        time.sleep(60)

    monkeypatch.setitem(ingest.READERS, ".pdf", stuck)  # the forked workers inherit it
    write(raw / "slow.pdf", pdf_bytes([["whatever"]]))
    write(raw / "good.txt", GOOD_TEXT)
    write(raw / "page.html", CMIS)
    t0 = time.perf_counter()
    docs, report = run(raw, timeout_s=1.5)
    assert time.perf_counter() - t0 < 20
    status, reason = status_of(report, "slow.pdf")
    assert status == "skipped" and "longer than 1.5 s" in reason
    assert set(docs["file"]) == {"good.txt", "page.html"}


def test_no_readable_document_fails_with_the_reasons(raw):
    write(raw / "empty.txt", b"")
    write(raw / "old.doc", OLE + b" broken")
    with pytest.raises(WorkbookError, match="no document .* could be read .*empty.txt: empty file"):
        run(raw)


def test_a_bad_manifest_line_is_explained(raw):
    write(raw / "a.txt", GOOD_TEXT)
    write(raw / "manifest.csv", "file,doc_type\na.txt,agenda\n")
    with pytest.raises(InputFileError, match="line 2"):
        run(raw)


# ---------------------------------------------------------------- scans (OCR)

#: Tests that run Tesseract; CI installs it (.ci/run).
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract (apt-get install tesseract-ocr)")
INSTALL_TESSERACT = "install Tesseract (apt-get install tesseract-ocr) to read scanned pages"
FONTS = ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
SCANNED_MINUTES = [
    "Anyshire District Council - Cabinet - 14 March 2006", "",
    "12. Community Safety Partnership", "",
    "The Cabinet considered the report of the Director of Com-",
    "munities on the future of the partnership and its board.", "",
    "The Leader said that the partnership had met its targets.", "",
    "RESOLVED that:",
    "(a) the partnership be merged with the Local Strategic",
    "Partnership from 1 April 2007; and",
    "(b) the merged board meet quarterly.",
]
SCANNED_ITEM = [
    "Anyshire District Council - Cabinet - 14 March 2006", "",
    "13. Exclusion of the Public", "",
    "RESOLVED that the public be excluded from the meeting",
    "for the remaining item of business.",
]


def without_tesseract(monkeypatch) -> None:
    """Make Tesseract missing, as on a machine without it (forked workers inherit this)."""
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")


def page_picture(lines: list[str], page: int | None = None):
    """A clean scan of an A5 page at 200 dpi: the lines in 12-point type (an empty one leaves a
    gap), and a "Page N" footer when ``page`` is given."""
    from PIL import Image, ImageDraw, ImageFont

    font = next((f for f in FONTS if Path(f).exists()), None)
    if font is None:
        pytest.skip("no TrueType font to draw a scanned page with")
    picture = Image.new("L", (1165, 1654), 255)
    draw = ImageDraw.Draw(picture)
    type_ = ImageFont.truetype(font, 33)
    for i, line in enumerate(lines):
        draw.text((110, 120 + 46 * i), line, font=type_, fill=0)
    if page is not None:
        draw.text((540, 1540), f"Page {page}", font=type_, fill=0)
    return picture


def scan_pdf(*pages: list[str] | str, stamp: str | None = None) -> bytes:
    """An A5 PDF whose pages are pictures of the given lines with no text layer (a scan), or, for
    a string, a page of text; ``stamp`` is written as text on each scanned page, as council sites
    stamp "Agenda Item 5" on the papers they publish."""
    pdf = FPDF(format=(148, 210))
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        if isinstance(page, str):
            pdf.set_xy(15, 20)
            pdf.multi_cell(0, 6, page)
            continue
        pdf.image(page_picture(page, number), x=0, y=0, w=148, h=210)
        if stamp:
            pdf.set_xy(100, 5)
            pdf.cell(0, 5, stamp)
    return bytes(pdf.output())


def png_bytes(lines: list[str]) -> bytes:
    picture = io.BytesIO()
    page_picture(lines).save(picture, "PNG")
    return picture.getvalue()


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n")]


@needs_tesseract
def test_a_scanned_pdf_is_read_by_ocr_cleaned_as_a_text_layer_is_and_reported(raw):
    write(raw / "scan.pdf", scan_pdf(SCANNED_MINUTES, SCANNED_ITEM))
    docs, report = run(raw)
    assert status_of(report, "scan.pdf") == ("ok", "2 of 2 pages read by OCR — check the text")
    text = text_of(docs, "scan.pdf")
    assert paragraphs(text) == [
        "12. Community Safety Partnership",
        "The Cabinet considered the report of the Director of Communities on the future of the partnership and its board.",
        "The Leader said that the partnership had met its targets.",  # a full line: the space below it ends it
        "RESOLVED that:",
        "(a) the partnership be merged with the Local Strategic Partnership from 1 April 2007; and",
        "(b) the merged board meet quarterly.",
        "13. Exclusion of the Public",
        "RESOLVED that the public be excluded from the meeting for the remaining item of business.",
    ]  # the running header and the page numbers go, the hyphenated word is joined, Tesseract's paragraphs kept
    assert docs.set_index("file").loc["scan.pdf", "council"] == "Anyshire District Council"  # from the running header


@needs_tesseract
def test_a_pdf_of_a_text_page_and_a_scanned_page_gives_both_in_order(raw):
    write(raw / "mixed.pdf", scan_pdf("Minutes of the Cabinet held on 14 March 2006. Present: Councillors Smith and Jones.",
                                      SCANNED_MINUTES))
    docs, report = run(raw)
    assert status_of(report, "mixed.pdf") == ("ok", "1 of 2 pages read by OCR — check the text")
    text = " ".join(text_of(docs, "mixed.pdf").split())
    assert 0 < text.index("Councillors Smith and Jones.") < text.index("RESOLVED that:") < text.index("meet quarterly.")


def test_a_scan_stamped_with_a_line_of_text_is_read_by_ocr_and_a_short_page_of_text_is_not():
    stamped = scan_pdf(SCANNED_MINUTES, "Appendix A", stamp="Agenda Item 5")
    assert ingest.scanned_pages(stamped, ingest.pdf_pages(stamped)) == [0]
    assert ingest.scanned_pages(scanned_pdf(), ingest.pdf_pages(scanned_pdf())) == [0, 1]  # no text layer at all


@needs_tesseract
def test_at_most_max_pages_are_read_by_ocr_and_the_others_are_named(monkeypatch):
    from helpers import ocr

    monkeypatch.setattr(ocr, "MAX_PAGES", 1)
    outcome = ingest.parse_bytes(".pdf", scan_pdf(SCANNED_ITEM, ["Page two"], ["Page three"], "A page of text."))
    assert outcome.status == "ok" and outcome.reason == (
        "1 of 4 pages read by OCR — check the text; "
        "pages 2-3 not read: OCR reads at most 1 pages of a document (helpers.ocr.MAX_PAGES)")
    assert "excluded from the meeting" in outcome.text and "A page of text." in outcome.text


def test_a_page_tesseract_fails_on_is_named_and_the_rest_is_read(monkeypatch):
    from helpers import ocr

    def fails(picture):
        raise RuntimeError("Tesseract process timeout")

    monkeypatch.setattr(ocr, "tesseract_version", lambda: "5.3.0")
    monkeypatch.setattr(ocr, "page_lines", fails)
    outcome = ingest.parse_bytes(".pdf", scan_pdf("A page of text.", SCANNED_ITEM))
    assert (outcome.status, outcome.reason) == ("ok", "page 2 not read by OCR (Tesseract process timeout)")
    outcome = ingest.parse_bytes(".pdf", scan_pdf(SCANNED_ITEM))
    assert outcome.status == "skipped" and outcome.reason.endswith("page 1 not read by OCR (Tesseract process timeout)")


def slide_pdf(slides: list[tuple[str, list[str]]]) -> bytes:
    """A deck saved as PDF: 16:9 pages, a large title, and each line a text box of its own, a list's
    number drawn in a column apart from its text."""
    pdf = FPDF(orientation="L", unit="mm", format=(190.5, 338.7))
    pdf.set_auto_page_break(False)
    for title, lines in slides:
        pdf.add_page()
        pdf.set_font("helvetica", "B", 28)
        pdf.set_xy(20, 15)
        pdf.cell(300, 14, title)
        pdf.set_font("helvetica", "", 18)
        for i, line in enumerate(lines):
            number, _, rest = line.partition(" ") if line[:1].isdigit() else ("", "", line)
            if number:
                pdf.set_xy(22, 45 + 16 * i)
                pdf.cell(10, 10, number)
            pdf.set_xy(36, 45 + 16 * i)
            pdf.cell(280, 10, rest)
    return bytes(pdf.output())


def test_a_column_beside_another_starts_a_paragraph_unless_a_sentence_runs_on_into_it():
    pdf = FPDF(format="A4")
    pdf.set_font("helvetica", size=11)
    pages = [[["Croesawodd y Cadeirydd bawb i'r cyfarfod, gan", "gynnwys Sioned Evans, cynrychiolydd newydd", "Llywodraeth Cymru ar y bwrdd partneriaeth."],
              ["The Chair welcomed everyone to the meeting,", "including Sioned Evans, the Welsh", "Government representative."]],
             [["The Board noted the review of the three boards", "and the report of the facilitator, and agreed", "that a joint task and finish group be set up"],
              ["to draft terms of reference for the merged", "board, reporting to the Board in March 2025.", "It will meet monthly until then."]]]
    for columns in pages:
        pdf.add_page()
        for x, lines in zip((15, 110), columns):
            for i, line in enumerate(lines):
                pdf.set_xy(x, 20 + 6 * i)
                pdf.cell(90, 6, line)
    text, _ = ingest.read_pdf(bytes(pdf.output()))
    assert "partneriaeth.\n\nThe Chair welcomed" in text  # up the page after a full stop: the next column
    assert "be set up\nto draft terms of reference" in text  # an unfinished sentence runs on at the next column's top


def test_a_short_line_that_goes_on_in_lower_case_is_wrapped_not_a_paragraphs_end():
    lines = ["• Board agendas dominated by updates rather", "than decisions", "• Weak link between the Board and",
             "Local Action Partnerships", "Next steps:", "agree it."]
    assert ingest._paragraph_breaks(lines, 80).split("\n\n") == [
        "• Board agendas dominated by updates rather\nthan decisions",  # a bullet wrapped in a narrow column
        "• Weak link between the Board and\nLocal Action Partnerships",  # as long as the column's lines: wrapped
        "Next steps:", "agree it."]  # a colon ends it whatever follows
    # on a page of full-width lines the same line stops short: a capital after it starts a paragraph
    wide = ["The Board considered the findings of the review and the proposals for the new structure in full"]
    assert ingest._paragraph_breaks([*wide, *lines[2:4]], 96).split("\n\n")[-1] == "Local Action Partnerships"


def test_a_slide_list_numbered_without_full_stops_is_read_as_a_numbered_list():
    text, _ = ingest.read_pdf(slide_pdf([
        ("Design principles", ["1 Form follows function: every group has a purpose", "2 Fewer, stronger groups",
                               "3 Decisions taken at the most local level"]),
        ("What you told us", ["12 groups report to the Board", "Community Planning Team, 2 High Street, Perth"]),
        ("Two steps", ["1 Agree the proposals in December", "2 Consult partners in the new year"]),
    ]))
    assert "1. Form follows function: every group has a purpose" in text
    assert "2. Fewer, stronger groups" in text and "3. Decisions taken at the most local level" in text
    assert "12 groups report to the Board" in text  # no run 1, 2, 3: figures and addresses stay as they are
    assert "1 Agree the proposals in December" in text  # two lines are not enough to call it a list


def test_a_scanned_page_is_rendered_for_ocr_at_the_resolution_it_was_scanned_at_within_bounds():
    import pypdfium2 as pdfium

    from helpers import ocr

    document = pdfium.PdfDocument(scan_pdf(SCANNED_ITEM, "A page of text."))
    assert round(ingest._scanned_dpi(document[0])) == 200  # the A5 picture: 1165 pixels across 148 mm
    assert ingest._scanned_dpi(document[1]) == 0  # text, no picture
    a4 = (595, 842)
    assert ocr.render_scale(*a4) == ocr.render_scale(*a4, 150) == ocr.DPI / 72  # never coarser than DPI
    assert ocr.render_scale(*a4, 300) == 300 / 72 and ocr.render_scale(*a4, 600) == ocr.SCAN_DPI / 72
    assert ocr.render_scale(2384, 3370, 300) < 300 / 72  # an A0 plan: held to MAX_PIXELS


@needs_tesseract
def test_a_page_scanned_sideways_or_upside_down_is_turned_upright_before_it_is_read(raw):
    for name, turn in (("sideways.png", 90), ("upside-down.png", 180), ("other-way.png", 270)):
        picture = io.BytesIO()
        page_picture(SCANNED_ITEM).rotate(turn, expand=True, fillcolor=255).save(picture, "PNG")
        write(raw / name, picture.getvalue())
    docs, report = run(raw)
    for name in ("sideways.png", "upside-down.png", "other-way.png"):
        assert status_of(report, name) == ("ok", "read by OCR — check the text")
        assert "RESOLVED that the public be excluded from the meeting" in " ".join(text_of(docs, name).split()), name


@needs_tesseract
def test_scans_and_photos_saved_as_images_are_read_by_ocr(raw):
    from PIL import Image

    pages = [page_picture(SCANNED_MINUTES, 1), page_picture(SCANNED_ITEM, 2)]
    tiff = io.BytesIO()
    pages[0].save(tiff, "TIFF", save_all=True, append_images=pages[1:])
    write(raw / "minutes.tif", tiff.getvalue())
    photo = Image.merge("RGB", [pages[1].point(lambda v: v * 0.8 + 30)] * 3).rotate(90, expand=True)  # a grey photo, held sideways
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera's note: turn it a quarter clockwise to see it upright
    jpeg = io.BytesIO()
    photo.save(jpeg, "JPEG", quality=80, exif=exif)
    write(raw / "IMG_0412.JPG", jpeg.getvalue())
    docs, report = run(raw)
    assert status_of(report, "minutes.tif") == ("ok", "2 of 2 pages read by OCR — check the text")
    assert status_of(report, "IMG_0412.JPG") == ("ok", "read by OCR — check the text")
    text = text_of(docs, "minutes.tif")
    assert text.index("RESOLVED that:") < text.index("(a) the partnership be merged") < text.index("public be excluded")
    assert "Page 1" not in text and "Anyshire District Council" not in text  # running header and page numbers
    assert "RESOLVED that the public be excluded from the meeting" in text_of(docs, "IMG_0412.JPG")
    assert set(docs["format"]) == {"tif", "jpg"}


def test_without_tesseract_scans_and_images_are_reported_with_how_to_get_ocr(raw, monkeypatch):
    from PIL import Image

    without_tesseract(monkeypatch)
    write(raw / "scan.pdf", scanned_pdf())
    picture = io.BytesIO()
    Image.new("L", (200, 100), 255).save(picture, "PNG")
    write(raw / "photo.png", picture.getvalue())
    write(raw / "good.txt", GOOD_TEXT)
    docs, report = run(raw)
    assert status_of(report, "scan.pdf") == ("skipped", f"no text layer (scanned?) — {INSTALL_TESSERACT}")
    assert status_of(report, "photo.png") == ("skipped", f"unsupported format: image — not read without OCR; {INSTALL_TESSERACT}")
    assert ingest.file_format("", picture.getvalue()) == (None, f"unsupported format: image — not read without OCR; {INSTALL_TESSERACT}")
    assert list(docs["file"]) == ["good.txt"]


def test_the_reader_cache_is_stamped_with_the_tesseract_that_reads(monkeypatch):
    from helpers import ocr

    stamps = set()
    for tesseract in ("5.3.0", "5.4.1", None):
        monkeypatch.setattr(ocr, "tesseract_version", lambda: tesseract)
        stamps.add(ingest._reader_version.__wrapped__())
    assert len(stamps) == 3


# ---------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("text", "council"),
    [
        ("LONDON BOROUGH OF HARINGEY\n\nCabinet report on the review of partnerships.", "London Borough of Haringey"),
        ("Minutes of the Vale of Glamorgan Council Cabinet. The Vale of Glamorgan Council agreed.", "Vale of Glamorgan Council"),
        ("Renfrewshire Council - Leadership Board. The Community Planning Partnership met.", "Renfrewshire Council"),
        ("Southwark Council\nThe Southwark Alliance is the LSP. Southwark Council will lead.", "Southwark Council"),
        ("Vale of Glamorgan Council / Cyngor Bro Morgannwg\nPublic Services Board", "Vale of Glamorgan Council"),
        ("Cyngor Gwynedd\nAdroddiad i'r Cabinet", "Cyngor Gwynedd"),
        ("Meeting of The City of Edinburgh Council on partnership working.", "City of Edinburgh Council"),
        ("Stoke-on-Trent City Council and the NHS agreed a joint board.", "Stoke-on-Trent City Council"),
        ("Brighton & Hove City Council Cabinet met. Full Council will decide.", "Brighton & Hove City Council"),
        ("Simon Eden, Winchester City Council, spoke. Hampshire County Council and Winchester City Council agreed.",
         "Winchester City Council"),
        ("Direction to: NHS Fife and Fife Council jointly. The Board asks Fife Council to lead.", "Fife Council"),
        ("The Youth Council and the Arts Council attended. Full Council approved it.", None),
        ("This document names no authority at all.", None),
    ],
)
def test_council_names_in_england_wales_and_scotland(text, council):
    assert ingest.infer_council(text) == council


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Minutes of the meeting held on Monday, 13th January 2020 at 7pm", "2020-01-13"),
        ("Cabinet\nDate: 5 March 2015\nReferred from 1 February 2014", "2015-03-05"),
        ("Published: January 7, 2019. The board met.", "2019-01-07"),
        ("Date of meeting: 03/11/2012", "2012-11-03"),
        ("Meeting date 2021-09-30", "2021-09-30"),
        ("At the governance committee on Monday, January 13, Mr Travers said", None),
        ("The pilots are due to report in March 2010.", None),
        ("Held on 31 February 2020 (a typo)", None),
    ],
)
def test_only_full_dates_give_a_date(text, date):
    assert ingest.infer_date(text) == date


def test_bodies_and_doc_types_are_inferred():
    assert ingest.infer_body("Report to: Cabinet\nSubject: Health and Wellbeing Board review") == "Cabinet"
    assert ingest.infer_body("Minutes of the Health & Well-being Board held on 1 May 2012") == "Health and Wellbeing Board"
    assert ingest.infer_body("Minutes of the Public Services Board") == "Public Services Board"
    assert ingest.infer_body("Overview and Scrutiny Committee - review of the LSP Board") == "Overview and Scrutiny Committee"
    assert ingest.infer_body("the cabinet said nothing") is None
    assert ingest.infer_doc_type("Minutes\nPresent: Cllr A", ".txt") == "minutes"
    assert ingest.infer_doc_type("Scrutiny review of partnerships", ".pdf") == "scrutiny"
    assert ingest.infer_doc_type('Headline\n\nThe leader said "no". He told us more.', ".txt") == "news"
    assert ingest.infer_doc_type("Purpose of the report\nRecommendations", ".docx") == "report"
    assert ingest.infer_doc_type("Welcome to our partnership pages", ".html") == "web page"
    assert ingest.infer_doc_type("Welcome", ".txt") == "other"


def test_manifest_wins_and_inferred_fields_are_listed(raw):
    write(raw / "a.txt", GOOD_TEXT)
    write(raw / "b.txt", "Renfrewshire Council\nReport to the Community Planning Partnership Board, 2 June 2016.")
    write(raw / "manifest.csv", "file,council,date,licence\na.txt,Lambeth Council,2011,OGL v3\n")
    with pytest.warns(UserWarning, match="licence"):
        docs, _ = run(raw)
    rows = docs.set_index("file")
    assert rows.loc["a.txt", "council"] == "Lambeth Council" and rows.loc["a.txt", "year"] == 2011
    assert rows.loc["a.txt", "inferred"] == "body,doc_type"
    assert rows.loc["a.txt", "licence"] == "OGL v3" and pd.isna(rows.loc["b.txt", "licence"])
    assert rows.loc["b.txt", "council"] == "Renfrewshire Council"
    assert rows.loc["b.txt", "body"] == "Community Planning Partnership"
    assert rows.loc["b.txt", "date"] == "2016-06-02" and rows.loc["b.txt", "year"] == 2016
    assert rows.loc["b.txt", "inferred"] == "council,body,doc_type,date,year"


def test_shipped_corpus_council_and_year_where_the_text_states_them(tmp_path):
    raw = PROJ_ROOT / "data" / "raw"
    docs, report = run(raw)
    assert (report["status"] == "ok").sum() == 5
    rows = docs.set_index("file")
    assert rows.loc["003_c08ea39f1cb0a62b.txt", "year"] == 2009  # from the manifest
    bare = tmp_path / "bare"
    shutil.copytree(raw, bare)
    (bare / "manifest.csv").unlink()
    rows = run(bare)[0].set_index("file")
    assert rows.loc["000_f9e95ce8da41dc60.txt", "council"] == "Southampton City Council"
    assert pd.isna(rows.loc["000_f9e95ce8da41dc60.txt", "year"])  # "Monday, January 13" has no year
    assert rows.loc["003_c08ea39f1cb0a62b.txt", "council"] == "Southwark Council"
    assert rows.loc["001_0cffce2aec037a8e.txt", "doc_type"] == "minutes"
    assert rows.loc["002_efdbd8c4c2074fb9.txt", "doc_type"] == "scrutiny"


# ---------------------------------------------------------------- cache, determinism, progress


def test_second_run_reparses_nothing_and_gives_identical_tables(raw, tmp_path, monkeypatch, capsys):
    write(raw / "a.txt", GOOD_TEXT)
    write(raw / "page.html", MODERNGOV)
    write(raw / "pack.pdf", pdf_bytes([["Southwark Council report on the LSP."]]))
    write(raw / "report.docx", docx_bytes())
    write(raw / "scan.pdf", scanned_pdf())
    cache = tmp_path / "cache"
    first = ingest.ingest(raw, cache_dir=cache)
    assert capsys.readouterr().err == ""  # no progress bar for five files

    def boom(*args, **kwargs):
        raise AssertionError("a reader was called on an unchanged file")

    monkeypatch.setattr(ingest, "parse_many", boom)
    for suffix in list(ingest.READERS):
        monkeypatch.setitem(ingest.READERS, suffix, boom)
    second = ingest.ingest(raw, cache_dir=cache)
    for a, b in zip(first, second):
        pd.testing.assert_frame_equal(a, b)


def test_output_is_deterministic_without_cache(raw):
    for i in range(4):
        write(raw / f"d{i}.txt", f"Southwark Council report {i} on 1 May 201{i}.")
    write(raw / "page.html", MODERNGOV)
    first, second = run(raw), run(raw)
    for a, b in zip(first, second):
        pd.testing.assert_frame_equal(a, b)
    assert list(first[0]["file"]) == sorted(first[0]["file"])


def test_large_folders_show_a_progress_bar(raw, capsys):
    for i in range(ingest.PROGRESS_MIN_FILES):
        write(raw / f"note{i:03d}.txt", f"Note {i}: Southwark Council met on {i % 28 + 1} May 2012.")
    docs, _ = run(raw)
    assert len(docs) == ingest.PROGRESS_MIN_FILES
    assert "ingest" in capsys.readouterr().err


def test_an_unchanged_folder_is_not_ingested_again_and_a_changed_file_is(raw, tmp_path, monkeypatch):
    from helpers.config import Paths

    write(raw / "a.txt", GOOD_TEXT)
    write(raw / "b.txt", GOOD_TEXT.replace("Southwark", "Haringey"))
    paths = Paths(raw=raw, processed=tmp_path / "p", reports=tmp_path / "r", annotations=tmp_path / "ann")
    first_docs, first_report = ingest.run(paths)

    def boom(*args, **kwargs):
        raise AssertionError("ingest ran over an unchanged folder")

    with monkeypatch.context() as m:
        m.setattr(ingest, "ingest", boom)
        docs, report = ingest.run(paths)
    pd.testing.assert_frame_equal(docs, first_docs)
    pd.testing.assert_frame_equal(report, first_report)

    write(raw / "b.txt", GOOD_TEXT.replace("Southwark", "Renfrewshire"))
    os.utime(raw / "b.txt", ns=(time.time_ns(), time.time_ns() + 10_000_000))
    changed, _ = ingest.run(paths)
    assert changed["text"].str.contains("Renfrewshire").any()
    assert not changed["text"].str.contains("Haringey").any()


@pytest.mark.parametrize("suffix, make", [(".odt", odt_bytes), (".rtf", lambda: RTF), (".docx", docx_bytes), (".pdf", ruled_table_pdf),
                                           (".pptx", pptx_bytes), (".eml", lambda: mail_bytes([("a.docx", docx_bytes(), ("application", "octet-stream"))])),
                                           (".mhtml", mhtml_bytes), (".doc", lambda: OLD_WORD), (".xlsx", xlsx_bytes),
                                           (".xls", lambda: OLD_EXCEL), (".ppt", lambda: OLD_SLIDES),
                                           (".vtt", WEBVTT_CAPTIONS.encode), (".srt", SRT_CAPTIONS.encode), (".png", lambda: png_bytes(SCANNED_ITEM))])
def test_damaged_copies_of_every_format_are_reported_never_raised(suffix, make):
    import random

    good = make()
    rng = random.Random(20261124)
    damaged = [good[: len(good) * k // 8] for k in range(1, 8)]
    for _ in range(6):
        flipped = bytearray(good)
        for i in rng.sample(range(len(flipped)), 12):
            flipped[i] ^= 0xFF
        damaged.append(bytes(flipped))
    for data in damaged:
        outcome = ingest.parse_bytes(suffix, data)
        assert outcome.status in {"ok", "skipped", "error"}
        assert (outcome.status == "ok") == bool(outcome.text) and (outcome.status == "ok" or outcome.reason)


TEAMS = ["Structures review task and finish group (meeting 3)", "8 April 2025, 10:01AM", "Transcript",
         "Gráinne Mallon started transcription", "Gráinne Mallon   0:00:03", "OK, I think we're recording now.",
         "Andrea Kerr (External)   0:00:11", "Yep, loud and clear.", "Gráinne Mallon   0:03:19",
         "So are we agreed the thematic groups go to quarterly meetings?", "We can review it in a year.",
         "Paddy Toner (Guest)   0:03:30", "Agreed.", "Gráinne Mallon stopped transcription"]


def test_a_meeting_transcript_is_read_a_turn_a_paragraph_as_minutes(raw):
    import docx

    document = docx.Document()
    for line in TEAMS:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    write(raw / "transcript.docx", buffer.getvalue())
    write(raw / "otter.txt", "\n\n".join(TEAMS).replace("   0:", " 0:"))
    write(raw / "notes.txt", "Action notes\n\nSam Jones 10:30\n\nThe Board agreed to meet quarterly.\n")
    docs, _ = run(raw)
    expected = ("Structures review task and finish group (meeting 3)\n\n8 April 2025, 10:01AM\n\nTranscript\n\n"
                "Gráinne Mallon: OK, I think we're recording now.\n\nAndrea Kerr: Yep, loud and clear.\n\n"
                "Gráinne Mallon: So are we agreed the thematic groups go to quarterly meetings? We can review it in a year.\n\n"
                "Paddy Toner: Agreed.")
    assert text_of(docs, "transcript.docx") == expected
    assert text_of(docs, "otter.txt") == expected
    assert docs.set_index("file").loc["transcript.docx", "doc_type"] == "minutes"
    assert "Sam Jones 10:30" in text_of(docs, "notes.txt")  # one timed line is not a transcript


def test_automatic_captions_without_punctuation_are_read_in_passages():
    cues = ["okay good evening everyone", "item five is the review of the", "safer partnership and the committee",
            "agreed that the two partnerships", "should merge from april and meet", "quarterly all those in favour",
            "that's carried thank you", "item six is the car park charges"]
    vtt = "WEBVTT\n\n" + "\n\n".join(f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 2:02d}.000\n{cue}" for i, cue in enumerate(cues))
    text, hints = ingest.read_captions(vtt.encode())
    passages = text.split("\n\n")
    assert passages[0] == ("Okay good evening everyone item five is the review of the safer partnership and the committee "
                           "agreed that the two partnerships should merge from april and meet")  # cues grouped until a sentence's length, opened with a capital
    assert all(len(p.split()) >= ingest.PASSAGE_WORDS for p in passages[:-1]) and hints["doc_type"] == "minutes"
    assert " ".join(text.lower().split()) == " ".join(" ".join(cues).split())  # every word, in order


def test_a_sign_off_after_a_welsh_one_is_a_sign_off():
    body = "The Board agreed to merge.\n\nDiolch yn fawr / Many thanks,\n\nRhian Pugh\nPSB Support Team\n"
    assert ingest._without_signature(body).strip() == "The Board agreed to merge."


def _converted_pdf_page(pages: list[list[str]], poppler: bool = False) -> str:
    """A PDF converted to HTML: every printed line a box at its place (an empty line in ``pages`` is
    the wider gap between paragraphs), a running header and a page number on each page; as
    pdf2htmlEX writes it (``pf``/``t`` classes, heights in its style sheet's ``y`` classes) or as
    pdftohtml does (``page1-div``, ``top`` in each line's style)."""
    out, sheet = [], {}
    for n, lines in enumerate(pages, start=1):
        placed, y = [], 1200
        for line in ["Safer Anytown Partnership Board – 3 March 2025", "", *lines, "", f"Page {n}"]:
            y -= 20 if line else 12
            if line:
                placed.append((line, y))
        if poppler:
            out.append(f'<div id="page{n}-div" style="position:relative;width:892px;height:1263px;">')
            out += [f'<p style="position:absolute;top:{1263 - y}px;left:72px;white-space:nowrap" class="ft01">{line}</p>'
                    for line, y in placed]
        else:
            out.append(f'<div id="pf{n}" class="pf w0 h0" data-page-no="{n}"><div class="pc pc{n} w0 h0">')
            gap = '<span class="_ _1"> </span>'  # pdf2htmlEX writes a wide space as a span
            for line, y in placed:
                sheet.setdefault(y, f"y{len(sheet):x}")
                out.append(f'<div class="t m0 x1 h2 {sheet[y]} ff1 fs0">{line.replace(" ", gap, 1)}</div>')
            out.append("</div>")
        out.append("</div>")
    style = "".join(f".{name}{{bottom:{y}px;}}" for y, name in sheet.items())
    return "\n".join([f'<!DOCTYPE html><html><head><title>Minutes</title><style>{style}</style></head><body>'
                      '<div id="page-container">', *out, "</div></body></html>"])


CONVERTED_PAGES = [
    ["Minutes of the meeting held on 3 March 2025", "", "1. Review of partnership structure", "",
     "The Board considered the report of the Partnership Manager on the review of the sub-group",
     "structure and the overlap between the anti-social behaviour group and the violence group.", "",
     "RESOLVED that the two groups be merged into a single Safer Neighbourhoods Group from",
     "1 April 2025, and that the Board meet quarterly rather than every two months."],
    ["2. Domestic abuse update", "", "The Board noted the update. The Chair asked that the partner-",
     "ship data be circulated to all members of the Board before the next meeting of the Board.", "",
     "3. Any other business", "", "There was no other business and the meeting closed at 4.15 pm."],
]


@pytest.mark.parametrize("poppler", [False, True], ids=["pdf2htmlEX", "pdftohtml"])
def test_a_pdf_converted_to_html_is_read_as_the_pdf_with_its_lines_joined(raw, poppler):
    write(raw / "minutes.html", _converted_pdf_page(CONVERTED_PAGES, poppler))
    docs, _ = run(raw)
    text = text_of(docs, "minutes.html")
    blocks = text.split("\n\n")
    assert "RESOLVED that the two groups be merged into a single Safer Neighbourhoods Group from\n1 April 2025, and that the Board meet quarterly rather than every two months." in blocks
    assert "The Board noted the update. The Chair asked that the partnership data be circulated to all members of the Board before the next meeting of the Board." in blocks  # page 2, its line-end hyphen
    assert blocks[-2:] == ["3. Any other business", "There was no other business and the meeting closed at 4.15 pm."]
    assert "Safer Anytown Partnership Board –" not in text and "Page 1" not in text  # running header, page numbers


def test_an_ordinary_page_with_a_placed_menu_is_not_read_as_a_converted_pdf():
    menu = "".join(f'<div style="position:absolute;top:{i * 20}px">Menu {i}</div>' for i in range(12))
    body = "<p>" + "The Board agreed to merge the two partnerships into one board from April. " * 8 + "</p>"
    page = f"<html><body><nav>{menu}</nav><main><h1>Decision</h1>{body}</main></body></html>"
    text, _ = ingest.read_html(page.encode())
    assert text.startswith("Decision\n\nThe Board agreed to merge")


DIRECTIONS_PAGES = [  # a page of directions as a PDF prints them, two pages, with their running footer
    ["1. The IJB directs the City of Edinburgh Council and NHS Lothian to merge",
     "the North East and North West locality planning groups into a single",
     "Edinburgh North locality planning group from 1 June 2025.",
     "2. The IJB directs the Council to stand down the Carers Strategy Implementation",
     "Group, whose work will pass to the new Carers Partnership Board.",
     "Edinburgh IJB Directions 2025/26", "Page 3 of 9"],
    ["3. The IJB directs NHS Lothian to set up a task-and-finish group to review",
     "unscheduled care pathways and to report to the IJB by December 2025, with",
     "its findings on the options for a single integrated care pathway for the city.",
     "4. The IJB directs the Council and NHS Lothian to reduce the frequency of the",
     "Strategic Planning Group meetings from monthly to quarterly, with a develop-",
     "ment session held in the months between, and to report on the new arrange-",
     "ments to the IJB Audit and Assurance Committee in September 2025.",
     "Edinburgh IJB Directions 2025/26", "Page 4 of 9"],
]


def test_a_word_file_converted_from_a_pdf_a_paragraph_to_each_line_is_read_in_paragraphs(raw):
    import docx

    document = docx.Document()
    for line in (line for page in DIRECTIONS_PAGES for line in page):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    write(raw / "directions.docx", buffer.getvalue())
    write(raw / "ordinary.docx", docx_bytes())
    docs, _ = run(raw)
    blocks = text_of(docs, "directions.docx").split("\n\n")
    assert blocks[0] == "\n".join(DIRECTIONS_PAGES[0][:3])
    assert "a development session held in the months between, and to report on the new arrangements to" in blocks[-1]
    assert not any("Page 3 of 9" in b or "Directions 2025/26" in b for b in blocks)  # page numbers, running footer
    assert text_of(docs, "ordinary.docx").split("\n\n")[:2] == ["Review of Partnership Arrangements", "The board considered the options below."]


def _without_unicode_maps(pages: list[str]) -> bytes:
    """A PDF of text pages whose fonts have no map to Unicode (their ``/ToUnicode`` removed, as some
    typesetters and printers' drivers write them): the text layer holds glyph numbers only."""
    import pypdf
    from pypdf.generic import NameObject

    pdf = FPDF()
    pdf.add_font("dejavu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("dejavu", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 7, text)
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(bytes(pdf.output())))
    for page in writer.pages:
        for font in page["/Resources"]["/Font"].values():
            font.get_object().pop(NameObject("/ToUnicode"), None)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


UNMAPPED = ["RESOLVED that the Community Safety Partnership and the Safer Neighbourhoods Board be merged "
            "from April 2025, and that the merged Board meet quarterly.", "The Board noted the annual report."]


def test_a_pdf_whose_fonts_have_no_unicode_map_is_not_read_as_text(monkeypatch):
    data = _without_unicode_maps(UNMAPPED)
    assert all(map(ingest.unreadable, ingest.pdf_pages(data)))
    assert not ingest.unreadable(UNMAPPED[0]) and not ingest.unreadable("Cyngor Sir Ynys Môn – £4,000 (2025/26) “agreed”")
    monkeypatch.setattr(ingest.ocr, "tesseract_version", lambda: None)
    outcome = ingest.parse_bytes(".pdf", data)
    assert outcome.status == "skipped" and outcome.reason == ingest.UNMAPPED_FONTS


@needs_tesseract
def test_a_pdf_whose_fonts_have_no_unicode_map_is_read_by_ocr():
    outcome = ingest.parse_bytes(".pdf", _without_unicode_maps(UNMAPPED))
    assert outcome.status == "ok" and outcome.reason == "2 of 2 pages read by OCR — check the text"
    assert "Safer Neighbourhoods Board be merged" in " ".join(outcome.text.split())


def _tracked_changes_pdf() -> bytes:
    """Terms of reference printed with their tracked changes: a deleted phrase struck through (a line
    drawn through the middle of its letters), an inserted word underlined, a rule under the heading."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.set_xy(20, 20)
    pdf.cell(0, 6, "Terms of reference (tracked changes version)")
    pdf.set_line_width(0.3)
    pdf.line(20, 27, 190, 27)  # a rule under the heading, between lines: strikes nothing
    for y, before, deleted, inserted, after in (
            (35, "4.1 The Board will meet ", "every two months", " quarterly", ", with one development session a year."),
            (45, "5.2 The Board is chaired by ", "the Leader of the Council", " a member elected by the Board", " each May.")):
        pdf.set_xy(20, y)
        pdf.cell(0, 6, before + deleted + inserted + after)
        x = 20 + pdf.c_margin + pdf.get_string_width(before)
        pdf.line(x, y + 3.2, x + pdf.get_string_width(deleted), y + 3.2)  # struck through
        x += pdf.get_string_width(deleted)
        pdf.line(x, y + 5.2, x + pdf.get_string_width(inserted), y + 5.2)  # underlined
    for y, member, gone in ((55, "- Chief Executive, Community and Voluntary Service", False),
                            (61, "- Director of Housing, City Homes", True), (67, "- Area Manager, Fire and Rescue Service", False)):
        pdf.set_xy(20, y)
        pdf.cell(0, 6, member)
        if gone:  # a member crossed off the list, word by word
            x = 20 + pdf.c_margin + pdf.get_string_width("- ")
            for word in member[2:].split():
                pdf.line(x, y + 3.2, x + pdf.get_string_width(word), y + 3.2)
                x += pdf.get_string_width(word + " ")
    return bytes(pdf.output())


def test_words_struck_through_on_a_printed_tracked_changes_version_are_left_out():
    text = " ".join(ingest.read_pdf(_tracked_changes_pdf())[0].split())
    assert "4.1 The Board will meet quarterly, with one development session a year." in text
    assert "5.2 The Board is chaired by a member elected by the Board each May." in text
    assert "every two months" not in text and "Leader" not in text
    assert "- Chief Executive, Community and Voluntary Service - Area Manager, Fire and Rescue Service" in text
    assert "Housing" not in text and " , " not in text  # the comma between two struck words goes with them
    assert text.startswith("Terms of reference (tracked changes version)")  # the rule under it struck nothing


WORD_WEB_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><title>Minutes</title></head>
<body lang=EN-GB><div class=WordSection1>
<p class=MsoNormal><b><span style='font-family:"Arial",sans-serif'>4. Partnership Review<o:p></o:p></span></b></p>
<p class=MsoNormal><span style='font-family:"Arial",sans-serif'>The
review had found that reporting lines between the Board and its groups were unclear,
and that average attendance had fallen to 58%.<o:p></o:p></span></p>
<p class=MsoNormal><b><span style='font-family:"Arial",sans-serif'>RESOLVED:
That the Board</span></b></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if
!supportLists]><span style='mso-list:Ignore'>(a)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span
style='font-family:"Arial",sans-serif'>merges the Safer Communities Partnership
Board and the Domestic Abuse Partnership Board into
a single board from 1 October 2024;<o:p></o:p></span></p>
<pre>Ref   Owner
A1    KM</pre>
</div></body></html>"""


def test_a_word_web_page_wrapped_in_its_source_reads_in_paragraphs_not_source_lines():
    text, _ = ingest.read_html(WORD_WEB_PAGE.encode("cp1252"))
    blocks = ingest.normalise_text(text).split("\n\n")
    assert "The review had found that reporting lines between the Board and its groups were unclear, and that average attendance had fallen to 58%." in blocks
    assert "RESOLVED: That the Board" in blocks
    assert ("(a) merges the Safer Communities Partnership Board and the Domestic Abuse Partnership Board into a single "
            "board from 1 October 2024;") in blocks


WIKI_PAGE = """---
title: Safer Anytown Partnership - governance review
owner: Partnership Manager
last_updated: 2025-03-14
tags: [governance, review]
---
# Governance review

**On this page**

- [Decisions](#decisions)
- [Tasks](#tasks)

The Board **agreed** on 4 March to merge its two
delivery groups, see [the report](https://example.org/report.pdf).

| Date | Decision | Owner | Status |
|---|---|---|---|
| 4 Mar 2025 | Merge the Safer Streets and Reducing Reoffending groups | Chair | Agreed |
| 4 Mar 2025 | Meet quarterly from June | Clerk | Agreed |

- [x] Draft the new terms of reference
- [ ] Consult partners on membership

> **Note:** ~~The Board meets every two months.~~ The Board meets quarterly.
"""


def test_a_wiki_page_in_markdown_reads_as_the_page_shows_it():
    text, hints = ingest.read_markdown(WIKI_PAGE.encode())
    blocks = text.split("\n\n")
    assert blocks[0] == "Governance review"  # the front matter is not text …
    assert hints == {"title": "Safer Anytown Partnership - governance review", "date": "2025-03-14"}  # … it is hints
    assert "The Board agreed on 4 March to merge its two delivery groups, see the report." in blocks
    assert ("Date | Decision | Owner | Status\n4 Mar 2025 | Merge the Safer Streets and Reducing Reoffending groups | "
            "Chair | Agreed\n4 Mar 2025 | Meet quarterly from June | Clerk | Agreed") in blocks
    assert "- Draft the new terms of reference" in blocks and "[x]" not in text and "**" not in text
    assert "Note: The Board meets quarterly." in blocks and "every two months" not in text  # struck through: deleted
    assert "- Decisions" not in text and "- Tasks" not in text  # the page's contents: links to its own headings


DECISIONS_JSON = """{"dataset": {"title": "Cabinet decisions", "publisher": "Anytown Council", "licence": "OGL v3"},
 "generated": "2025-05-01T10:00:00Z",
 "records": [
  {"id": "D-101", "meeting": "Cabinet", "meeting_date": "2025-03-12", "item_number": "7",
   "title": "Review of the Safer Anytown Partnership",
   "decision_text": "RESOLVED that (1) the two delivery groups merge into one; (2) the Board meet quarterly.",
   "status": "Decision made", "wards": ["All wards"], "urgent": false,
   "documents": [{"title": "Report to Cabinet", "url": "https://example.org/r.pdf"}]},
  {"id": "D-102", "meeting": "Cabinet", "meeting_date": "2025-04-09", "item_number": "8",
   "title": "Car park charges", "decision_text": "RESOLVED that charges rise by 10p from 1 June 2025 in all car parks.",
   "status": "Decision made"}]}"""


def test_an_open_data_export_of_decisions_reads_record_by_record():
    text, hints = ingest.read_json(DECISIONS_JSON.encode())
    assert text.startswith("Dataset title: Cabinet decisions\nDataset publisher: Anytown Council\nDataset licence: OGL v3\n")
    assert ("7. Review of the Safer Anytown Partnership\n\nPublished: 2025-03-12\n\nId: D-101\nMeeting: Cabinet\n"
            "Meeting date: 2025-03-12\nStatus: Decision made\nWards: All wards\nUrgent: no\nDocuments: Report to Cabinet\n\n"
            "Decision text\n\nRESOLVED that (1) the two delivery groups merge into one; (2) the Board meet quarterly.") in text
    assert text.index("meet quarterly") < text.index("8. Car park charges") and "https://" not in text
    assert hints == {"title": "Cabinet decisions", "date": "2025-04-09"}
    records = json.loads(DECISIONS_JSON)["records"]
    lines = "\n".join(json.dumps(record) for record in records)  # one record a line: JSON Lines
    assert ingest.read_json(lines.encode())[0].startswith("7. Review of the Safer Anytown Partnership\n\nPublished: 2025-03-12")


def test_a_json_file_that_does_not_parse_is_reported_not_read(raw):
    write(raw / "broken.json", b'{"records": [{"title": "Review"')
    write(raw / "good.json", DECISIONS_JSON.encode())
    docs, report = run(raw)
    assert status_of(report, "broken.json")[0] == "skipped"
    assert "not JSON that can be read" in status_of(report, "broken.json")[1]
    assert "merge into one" in text_of(docs, "good.json")


def _line_numbered_pdf(watermark: bool = False) -> bytes:
    """A consultation draft with every printed line numbered in the margin (and a diagonal watermark)."""
    paragraphs = [
        "3. Proposals for consultation",
        "Proposal 4: The Board proposes that the four locality forums be replaced by two area partnerships, each "
        "chaired by an elected member, meeting every six weeks and reporting to the Board through an annual report.",
        "Proposal 5: The Board proposes that the Reducing Reoffending Group and the Safer Streets Group merge into "
        "a single delivery group from April 2026, with revised terms of reference agreed by the Board.",
        "Q3. Do you agree that the locality forums should be replaced by two area partnerships?",
    ] * 2
    pdf = FPDF()
    pdf.add_page()
    if watermark:
        with pdf.local_context(text_color=(210, 210, 210)):
            pdf.set_font("Helvetica", "B", 80)
            with pdf.rotation(45, x=105, y=150):
                pdf.text(30, 170, "DRAFT")
    pdf.set_font("Helvetica", size=11)
    number, y = 0, 20.0
    for paragraph in paragraphs:
        for line in pdf.multi_cell(160, 6, paragraph, dry_run=True, output="LINES"):
            number += 1
            pdf.set_font("Helvetica", size=7)
            pdf.set_xy(8, y)
            pdf.cell(10, 6, str(number), align="R")
            pdf.set_font("Helvetica", size=11)
            pdf.set_xy(25, y)
            pdf.cell(160, 6, line)
            y += 6
        y += 4
    return bytes(pdf.output())


def test_line_numbers_in_a_drafts_margin_are_not_read_into_its_text():
    text = ingest.read_pdf(_line_numbered_pdf())[0]
    assert "\n\nProposal 4: The Board proposes that the four locality forums be replaced by two" in text
    assert "Q3. Do you agree that the locality forums should be replaced by two area partnerships?" in text
    assert not [line for line in text.split("\n") if line[:1].isdigit() and not line.startswith("3. Proposals")]
    listed = ingest.strip_line_numbers([["1 Form follows function", "2 Fewer, stronger partnerships", "3 Decisions taken locally"]])
    assert listed[0][0] == "1 Form follows function"  # a short list numbered without stops keeps its numbers


def test_a_diagonal_watermark_is_not_read_into_the_page():
    text = ingest.read_pdf(_line_numbered_pdf(watermark=True))[0]
    assert "DRAFT" not in text
    assert "\n\nProposal 5: The Board proposes that the Reducing Reoffending Group" in text


def _report_with_contents() -> bytes:
    """A Word report whose table of contents Word built: lines in TOC styles, linked to "_Toc" bookmarks."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document.add_paragraph("Review of the Safer Anytown Partnership")
    for n, (heading, page) in enumerate([("1. Recommendations", 3), ("2. The case for change", 5)], start=1):
        document.element.body.append(parse_xml(
            f'<w:p {ns}><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:hyperlink w:anchor="_Toc{n}"><w:r><w:t>{heading}</w:t></w:r>'
            f'<w:r><w:tab/></w:r><w:r><w:t>{page}</w:t></w:r></w:hyperlink></w:p>'))
    document.add_paragraph("1. Recommendations")
    document.add_paragraph("That the Board merges its two delivery groups.")
    document.element.body.append(parse_xml(  # a contents line without its style, linked to its heading
        f'<w:p {ns}><w:hyperlink w:anchor="_Toc99"><w:r><w:t>Appendix A: Timetable</w:t></w:r><w:r><w:tab/></w:r>'
        f'<w:r><w:t>9</w:t></w:r></w:hyperlink></w:p>'))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_table_of_contents_is_not_read_as_headings():
    text = ingest.read_docx(_report_with_contents())[0]
    assert text.split("\n\n") == ["Review of the Safer Anytown Partnership", "1. Recommendations",
                                  "That the Board merges its two delivery groups."]


def _boxed_proposals_pdf() -> bytes:
    """Proposals in ruled boxes with a coloured bar down their left (two cells, one empty), and a real table."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(20, 20)
    pdf.multi_cell(170, 6, "4. Our proposals")
    for n, (title, body) in enumerate([("Proposal 8", "The Place Partnership Board should meet every two months."),
                                       ("Proposal 9", "The Board should have no more than 20 members.")]):
        top = 35 + n * 40
        pdf.rect(20, top, 170, 30)
        pdf.line(28, top, 28, top + 30)
        pdf.line(28, top + 10, 190, top + 10)
        pdf.set_xy(30, top + 2)
        pdf.cell(150, 6, title)
        pdf.set_xy(30, top + 13)
        pdf.multi_cell(150, 6, body)
    pdf.set_xy(20, 120)
    with pdf.table(col_widths=(60, 110)) as table:
        for cells in [("Group", "Proposed arrangement"), ("Safer Streets", "Merge with Reoffending Group"), ("Cohesion", "Stand down")]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    return bytes(pdf.output())


def test_a_box_ruled_round_a_paragraph_is_text_and_a_table_stays_a_table():
    lines = ingest.read_pdf(_boxed_proposals_pdf())[0].split("\n")
    assert "Proposal 8" in lines and "The Place Partnership Board should meet every two months." in lines
    assert "Safer Streets | Merge with Reoffending Group" in lines


def test_a_word_table_that_only_lays_out_pictures_beside_words_is_read_as_paragraphs():
    import docx

    document = docx.Document()
    document.add_paragraph("What we decided")
    layout = document.add_table(rows=2, cols=2)  # a picture's cell (empty of text) beside each row's words
    layout.cell(0, 1).text = "The Board will meet 4 times a year."
    layout.cell(1, 1).text = "The Transport Sub-Group will stop."
    words = document.add_table(rows=1, cols=2)  # a word list: both cells filled, a table
    words.cell(0, 0).text, words.cell(0, 1).text = "Co-chair", "One of 2 people who share the job."
    out = io.BytesIO()
    document.save(out)
    blocks = ingest.read_docx(out.getvalue())[0].split("\n\n")
    assert blocks == ["What we decided", "The Board will meet 4 times a year.", "The Transport Sub-Group will stop.",
                      "Co-chair | One of 2 people who share the job."]


def test_a_page_of_a_line_numbered_draft_with_few_lines_of_prose_loses_its_numbers_too():
    prose = [f"{n} the partnership would meet in public in community venues across the borough" for n in range(1, 13)]
    form = ["1 Response form", "2 Your name", "3 Organisation", "4 Postcode"]  # a form page: no prose to tell by
    pages = ingest.strip_line_numbers([prose, form])
    assert pages[0][0].startswith("the partnership") and pages[1] == ["Response form", "Your name", "Organisation", "Postcode"]
    assert ingest.strip_line_numbers([form]) == [form]  # alone, a numbered list keeps its numbers


def _paywalled_page(body: str) -> bytes:
    article = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Safer Anytown merger agreed", "articleBody": body}
    return f"""<html><head><title>Safer Anytown merger agreed | Anytown Echo</title>
<script type="application/ld+json">{json.dumps({"@graph": [{"@type": "WebSite", "name": "Anytown Echo"}, article]})}</script></head>
<body><nav>Home News Sport</nav><article><h1>Safer Anytown merger agreed</h1>
<p>The Safer Anytown Partnership is to merge with the Youth Justice Board, the cabinet decided on Tuesday night.</p>
<p>Councillor Jane Smith said the change would cut duplication and save money.</p>
<div class="paywall"><h3>Subscribe to keep reading</h3><p>Get unlimited access for £1 a month.</p></div></article>
<footer>Anytown Echo</footer></body></html>""".encode()


def test_a_paywalled_news_page_is_read_from_the_article_its_data_carries():
    rest = " ".join(f"The review found {n} groups met too rarely, and the board will now meet quarterly." for n in range(20))
    shown = ("The Safer Anytown Partnership is to merge with the Youth Justice Board, the cabinet decided on Tuesday night. "
             "Councillor Jane Smith said the change would cut duplication and save money.")
    text = ingest.read_html(_paywalled_page(f"{shown} {rest}"))[0]  # one block: broken where the page broke it
    blocks = text.split("\n\n")
    assert blocks[:3] == ["Safer Anytown merger agreed",
                          "The Safer Anytown Partnership is to merge with the Youth Justice Board, the cabinet decided on Tuesday night.",
                          "Councillor Jane Smith said the change would cut duplication and save money."]
    assert "found 19 groups" in blocks[3] and "Subscribe" not in text
    short = ingest.read_html(_paywalled_page(shown))[0]  # the data says no more than the page: the page is read
    assert "Subscribe" in short or "unlimited access" in short or short.count("Youth Justice Board") == 1


def _printed_markup_pdf() -> bytes:
    """Terms of reference printed with Word's markup: the text narrowed, balloons in the right margin beside
    the lines they belong to (drawn in the same run of text, as a printer driver may)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    body = ["4. Meetings", "4.1 The Board will meet quarterly, with one development session each year.",
            "4.2 A quorum is five members, including at least two statutory partners.", "5. Membership",
            "5.1 The Board is chaired by the Leader of the Council, with a vice-chair from the Police."]
    balloons = {1: ["Deleted: every two months"], 2: ["Formatted: Font: Bold"], 4: ["Comment [JB1]: Do we need the", "Police here?"]}
    y = 20.0
    for i, line in enumerate(body):
        for part in pdf.multi_cell(110, 5, line, dry_run=True, output="LINES"):
            pdf.set_xy(20, y)
            pdf.cell(110, 5, part)
            y += 5
        pdf.set_font("Helvetica", size=7)
        for k, words in enumerate(balloons.get(i, [])):
            pdf.set_xy(150, y - 5 + 4 * k)
            pdf.cell(50, 4, words)
        pdf.set_font("Helvetica", size=10)
        y += 3
    return bytes(pdf.output())


def test_a_drafts_markup_balloons_are_not_read_into_its_text():
    text = " ".join(ingest.read_pdf(_printed_markup_pdf())[0].split())
    assert "4.1 The Board will meet quarterly, with one development session each year. 4.2" in text
    assert "5.1 The Board is chaired by the Leader of the Council, with a vice-chair from the Police." in text
    assert not any(word in text for word in ("Deleted", "Formatted", "Comment", "here?"))
