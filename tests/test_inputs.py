"""Hand-edited CSVs: what Excel and text editors write is read; what would change results is refused."""

from __future__ import annotations

import re

import pytest

from helpers import codebook
from helpers.config import PROJ_ROOT
from helpers.errors import InputFileError, InputFileWarning
from helpers.inputs import parse_date, read_csv_input

OVERRIDE_LABELS = {"kind": codebook.KINDS, "status": codebook.STATUSES, "theme": codebook.THEMES}


def write(tmp_path, content: str | bytes, name: str = "overrides.csv"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def read(path, **kw):
    kw.setdefault("required", ["file", "quote", "change"])
    kw.setdefault("optional", ["kind", "status", "theme", "note"])
    kw.setdefault("labels", OVERRIDE_LABELS)
    return read_csv_input(path, **kw)


def error_of(path, **kw) -> str:
    with pytest.raises(InputFileError) as info:
        read(path, **kw)
    return str(info.value)


GOOD = "file,quote,change,kind,status,theme,note\na.txt,“major reinvention”,relabel,recommendation,agreed,governance,ok\n"


def test_plain_utf8_reads_every_cell_as_stripped_text(tmp_path):
    df = read(write(tmp_path, GOOD.replace("relabel", "  relabel ")))
    assert list(df.columns) == ["file", "quote", "change", "kind", "status", "theme", "note"]
    assert df.loc[0, "quote"] == "“major reinvention”"
    assert df.loc[0, "change"] == "relabel"
    assert df.attrs["lines"] == [2]


def test_utf8_bom_is_not_part_of_the_first_column_name(tmp_path):
    df = read(write(tmp_path, b"\xef\xbb\xbf" + GOOD.encode("utf-8")))
    assert df.columns[0] == "file"
    assert df.loc[0, "quote"] == "“major reinvention”"


def test_cp1252_from_excel_keeps_curly_quotes_and_pound_signs(tmp_path):
    text = GOOD.replace(",ok", ",costs £5k – see p.2") + "b.txt,café,drop,,,,\r\n"
    df = read(write(tmp_path, text.replace("\n", "\r\n").encode("cp1252")))
    assert df.loc[0, "quote"] == "“major reinvention”"
    assert df.loc[0, "note"] == "costs £5k – see p.2"
    assert df.loc[1, "quote"] == "café"


def test_blank_and_all_empty_lines_are_skipped_and_line_numbers_kept(tmp_path):
    text = GOOD + "\n,,,,,,\n   \nb.txt,x,drop,,,,\n"
    df = read(write(tmp_path, text))
    assert list(df["file"]) == ["a.txt", "b.txt"]
    assert df.attrs["lines"] == [2, 6]


def test_empty_cells_are_empty_strings_not_missing_values(tmp_path):
    df = read(write(tmp_path, "file,quote,change,note\nNA,None,drop,\n"))
    assert df.loc[0].tolist() == ["NA", "None", "drop", ""]


def test_header_case_and_spaces_are_matched_to_the_declared_names(tmp_path):
    df = read(write(tmp_path, " File , QUOTE,Change\na.txt,x,drop\n"))
    assert list(df.columns) == ["file", "quote", "change"]


def test_short_rows_are_padded(tmp_path):
    df = read(write(tmp_path, "file,quote,change,note\na.txt,x,drop\n"))
    assert df.loc[0, "note"] == ""


def test_unknown_column_warns_naming_the_file_and_a_likely_typo(tmp_path):
    path = write(tmp_path, "file,quote,change,themme\na.txt,x,drop,\n")
    with pytest.warns(InputFileWarning) as record:
        df = read(path)
    message = str(record[0].message)
    assert str(path) in message and "line 1" in message
    assert "'themme'" in message and "did you mean 'theme'" in message
    assert "themme" in df.columns  # kept, so nothing the researcher typed disappears


def test_missing_required_column_names_file_line_and_fix(tmp_path):
    path = write(tmp_path, "file,change\na.txt,drop\n")
    message = error_of(path)
    assert message.startswith(f"{path}: line 1: missing required column 'quote'")
    assert "add it to the header" in message


def test_semicolon_separated_file_gets_a_hint(tmp_path):
    message = error_of(write(tmp_path, "file;quote;change\na.txt;x;drop\n"))
    assert "';'" in message and "commas" in message


def test_unknown_label_names_line_value_and_the_allowed_values(tmp_path):
    text = GOOD + "b.txt,x,relabel,recommendation,agreed,governance,\n\nc.txt,y,relabel,,,Governance,\n"
    path = write(tmp_path, text)
    message = error_of(path)
    assert message.startswith(f"{path}: line 5: 'Governance' is not an allowed theme")
    assert "did you mean 'governance'" in message
    assert all(t in message for t in codebook.THEMES)


def test_count_of_further_bad_rows_is_reported(tmp_path):
    text = "file,quote,change,kind\na,x,relabel,wish\nb,y,relabel,wish\nc,z,relabel,wish\n"
    assert "(and 2 more rows)" in error_of(write(tmp_path, text))


@pytest.mark.parametrize(
    "value, fix",
    [("13/01/2020", "write it as 2020-01-13"), ("2020-02-30", "YYYY-MM-DD"), ("Jan 2020", "YYYY-MM"), ("20", "YYYY")],
)
def test_bad_dates_are_refused_with_the_iso_form(tmp_path, value, fix):
    path = write(tmp_path, f"file,date\na.txt,2020\nb.txt,{value}\n", "manifest.csv")
    with pytest.raises(InputFileError) as info:
        read_csv_input(path, required=["file"], optional=["date"], dates=["date"])
    message = str(info.value)
    assert message.startswith(f"{path}: line 3: {value!r} in column 'date' is not a date")
    assert fix in message


def test_good_dates_pass_unchanged(tmp_path):
    path = write(tmp_path, "file,date\na,2020\nb,2009-11\nc,2020-01-13\nd,\n", "manifest.csv")
    df = read_csv_input(path, required=["file"], optional=["date"], dates=["date"])
    assert df["date"].tolist() == ["2020", "2009-11", "2020-01-13", ""]
    assert parse_date("2009-11").isoformat() == "2009-11-01"


def test_nonempty_columns(tmp_path):
    path = write(tmp_path, "file,quote,change\na.txt,,drop\n")
    assert "line 2: column 'quote' is empty" in error_of(path, nonempty=["quote"])


def test_too_many_cells_means_an_unquoted_comma(tmp_path):
    path = write(tmp_path, "file,quote,change\na.txt,costs, not benefits,drop\n")
    message = error_of(path)
    assert re.match(rf"{re.escape(str(path))}: line 2: 4 cells but the header has 3 columns", message)
    assert "double quotes" in message


def test_multiline_quoted_cell_keeps_following_line_numbers_right(tmp_path):
    text = 'file,quote,change,kind\na,"two\nlines",drop,\nb,x,relabel,wish\n'
    assert "line 4: 'wish'" in error_of(write(tmp_path, text))


def test_unbalanced_quote_is_reported(tmp_path):
    message = error_of(write(tmp_path, 'file,quote,change\na,"x"y,drop\n'))
    assert "line 2" in message and "double quotes" in message


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "the file is empty"),
        (b"\n\n", "the file is empty"),
        (b"PK\x03\x04rest-of-zip", "Excel .xlsx workbook"),
        ("file,quote\n".encode("utf-16"), "NUL bytes"),
        (b"\xef\xbb\xbffile,quote,change\na,\xff,drop\n", "marked as UTF-8"),
        (b"file,quote,change\na,\x81,drop\n", "neither UTF-8 nor Windows-1252"),
        (b"file,,change\n", "column 2 has no name"),
        (b"file,quote,change,file\n", "column 'file' appears twice"),
    ],
)
def test_files_that_are_not_usable_csv(tmp_path, content, problem):
    path = write(tmp_path, content)
    message = error_of(path)
    assert message.startswith(f"{path}: line ") and problem in message
    assert " — " in message  # every message carries its fix


def test_missing_file(tmp_path):
    assert "file not found" in error_of(tmp_path / "nope.csv")


@pytest.mark.parametrize(
    "name, required, labels, dates",
    [
        ("raw/manifest.csv", ["file"], {}, ["date"]),
        ("annotations/items_gold.csv", ["file", "key_phrase", "kind", "status", "theme"], OVERRIDE_LABELS, []),
        ("annotations/actions_gold.csv", ["file", "action"], {"action": codebook.ACTIONS}, []),
    ],
)
def test_the_shipped_inputs_read_cleanly(name, required, labels, dates, recwarn):
    path = PROJ_ROOT / "data" / name
    if not path.exists():
        pytest.skip(f"{name} not in this checkout")
    df = read_csv_input(path, required=required, labels=labels, dates=dates)
    assert len(df) > 0
