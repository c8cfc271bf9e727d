#!/usr/bin/env python
"""Regenerate raw/ from sources/ (deterministic: fixed dates, seeded randomness).

Usage: /work/main/.venv/bin/python make_documents.py

Shapes:
  01 scanned minutes with an OCR text layer (PDF: page images + invisible text)
  02 local newspaper article with reader comments (HTML)
  03 Easy Read version (DOCX, two-column picture/text rows)
  04 long report with a Word table of contents, footnotes and appendices (DOCX)
  05 consultation draft with line numbers in the margin (PDF)
"""
import io
import os
import random
import re
import sys
import zipfile
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
RAW = os.path.join(HERE, "raw")
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIB = "/usr/share/fonts/truetype/liberation/"

sys.dont_write_bytecode = True
sys.path.insert(0, SRC)  # the builders live in sources/
import builders_scan  # noqa: E402
import builders_html  # noqa: E402
import builders_docx  # noqa: E402
import builders_lined  # noqa: E402

OUTPUTS = [
    ("01_gateshead_gsp_minutes_2007-11.txt", "gateshead_strategicpartnership_minutes_2007-11.pdf", builders_scan.build),
    ("02_dudley_partnership_news_2024-03.txt", "blackcountryledger_dudley_partnership_news_2024-03.html", builders_html.build),
    ("03_northumberland_ldpb_easyread_2019-07.txt", "northumberland_ldpartnershipboard_easyread_2019-07.docx", builders_docx.build_easyread),
    ("04_dumfriesgalloway_cpp_report_2017-06.txt", "dumfriesgalloway_cpp_governancereview_report_2017-06.docx", builders_docx.build_report),
    ("05_walsall_governance_consultation_2022-08.txt", "walsall_partnershipgovernance_consultationdraft_2022-08.pdf", builders_lined.build),
]


def main():
    os.makedirs(RAW, exist_ok=True)
    for src, out, fn in OUTPUTS:
        with open(os.path.join(SRC, src), encoding="utf-8") as fh:
            text = fh.read()
        data = fn(text)
        with open(os.path.join(RAW, out), "wb") as fh:
            fh.write(data)
        print(f"wrote raw/{out} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
