"""OCR helpers that need no Tesseract: how a line Tesseract read is cleaned."""

import pytest

from helpers import ocr


@pytest.mark.parametrize("line, read", [
    ("e Test six proposals with the Board", "- Test six proposals with the Board"),
    ("e¢ Support for partnership boards must fall", "- Support for partnership boards must fall"),
    ("« 41 boards and groups identified", "- 41 boards and groups identified"),
    ("Share what the review found", "Share what the review found"),
    ("e-mail the partnership team", "e-mail the partnership team"),
    ("o the Board agreed", "o the Board agreed"),  # a lower-case word after it: not a bullet
])
def test_a_bullet_tesseract_misreads_is_written_as_a_dash(line, read):
    assert ocr._bulleted(line) == read
