"""The briefing in a real browser: headless Chromium with the network blocked, axe-core for WCAG.

Needs Debian's ``chromium`` (``/usr/bin/chromium``; CI installs it in ``.ci/run``) and axe-core from
the npm registry (``make test`` runs ``npm install --prefix .cache/npm axe-core@4.14.1``). Playwright only
drives that browser: it never downloads one. Each test skips with the reason when a piece is missing.

Full-page screenshots of the shipped briefing at 100 % and 200 % zoom are saved to ``reports/browser/``
(generated, not committed) for people to look at.
"""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import write
from test_brief import council_briefing
from helpers.config import PROJ_ROOT
from helpers.pipeline import BRIEFING_NOTEBOOK, NOTEBOOKS

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
AXE = PROJ_ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
UP_TO_BRIEFING = NOTEBOOKS[: NOTEBOOKS.index(BRIEFING_NOTEBOOK) + 1]
SCREENSHOTS = PROJ_ROOT / "reports" / "browser"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _need_browser() -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium) to run the browser tests")
    pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed (pip install -e '.[dev]')")


@contextmanager
def open_briefing(path: Path, width: int = 1280, height: int = 900, zoom: float = 1.0):
    """Open ``path`` with every non-file, non-data request aborted; yield the page and what happened."""
    from playwright.sync_api import sync_playwright

    _need_browser()
    seen = {"external": [], "failed": [], "console": [], "page_errors": [], "dialogs": []}

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            seen["external"].append(r.request.url)
            r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            # zoom 200 % = half the CSS pixels across, each drawn twice as large
            page = browser.new_page(viewport={"width": int(width / zoom), "height": int(height / zoom)},
                                    device_scale_factor=zoom)
            page.route("**/*", route)
            page.on("requestfailed", lambda r: seen["failed"].append(f"{r.url} {r.failure}"))
            page.on("console", lambda m: m.type == "error" and seen["console"].append(m.text))
            page.on("pageerror", lambda e: seen["page_errors"].append(str(e)))
            page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_timeout(300)
            yield page, seen
        finally:
            browser.close()


def _axe(page) -> list[dict]:
    if not AXE.exists():
        pytest.skip(f"axe-core is missing ({AXE}): run `npm install --prefix .cache/npm axe-core@4.14.1` (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def _describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in violations)


def _assert_quiet(seen: dict) -> None:
    assert seen["external"] == [], f"requests to other hosts: {seen['external']}"
    assert seen["failed"] == [], f"failed requests: {seen['failed']}"
    assert seen["console"] == [] and seen["page_errors"] == [], f"console errors: {seen['console'] + seen['page_errors']}"
    assert seen["dialogs"] == [], f"a script opened a dialog: {seen['dialogs']}"


def test_shipped_briefing_is_offline_quiet_and_accessible(shipped_run):
    path = shipped_run.reports / "briefing.html"
    with open_briefing(path) as (page, seen):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "briefing-100.png"), full_page=True)
        assert page.locator("h1").count() == 1
        assert page.evaluate("document.images.length") >= 2
        assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)"), "an image did not load"
        violations = _axe(page)
        _assert_quiet(seen)
    assert violations == [], _describe(violations)


def test_shipped_briefing_reflows_at_200_and_400_percent_zoom(shipped_run):
    path = shipped_run.reports / "briefing.html"
    for zoom in (2, 4):
        with open_briefing(path, zoom=zoom) as (page, seen):
            if zoom == 2:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / "briefing-200.png"), full_page=True)
            # WCAG 1.4.10: no horizontal scrolling of the page at 320 CSS px (tables may scroll in their own box)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            violations = _axe(page)
            _assert_quiet(seen)
        assert overflow <= 1, f"the page scrolls sideways by {overflow}px at {zoom * 100}% zoom"
        assert violations == [], _describe(violations)


def test_per_council_briefing_is_accessible(shipped_run):
    path = council_briefing(shipped_run)
    with open_briefing(path) as (page, seen):
        assert "Haringey Council" in page.locator("h1").inner_text()
        violations = _axe(page)
        _assert_quiet(seen)
    assert violations == [], _describe(violations)


HOSTILE = (
    "Minutes of the Safer Partnership Board.\n\n"
    "RESOLVED: The Board agreed to merge the Safer Partnership <script>window.__pwned = 'script'; alert(1)</script> "
    "and the Community Safety Partnership into a single board.\n\n"
    "It was agreed that the Board will meet quarterly <img src=x onerror=\"window.__pwned = 'img'\"> from April.\n\n"
    "Recommendation 1: The Partnership should establish a new task-and-finish group "
    "<svg onload=\"window.__pwned = 'svg'\"></svg> and review the terms of reference.\n"
)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """A two-document corpus whose text, names and links try to run script, through the workbook up to the
    briefing (with the shipped gold labels, which cover none of its files, as a researcher's new folder would)."""
    root = tmp_path_factory.mktemp("hostile")
    raw = root / "raw"
    write(raw / "a.txt", HOSTILE)
    write(raw / "b.txt", HOSTILE.replace("Safer", "Stronger"))
    write(raw / "manifest.csv",
          "file,council,body,doc_type,date,source_url,notes\n"
          "a.txt,<script>window.__pwned='council'</script> Council,\"<img src=x onerror=\"\"window.__pwned='body'\"\">\","
          "minutes,2021-03-04,javascript:window.__pwned='link',\n"
          "b.txt,Quiet Council,Board,minutes,2022-05-06,\"https://example.org/a\"\" onmouseover=\"\"window.__pwned=1\",\n")
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "run", "--raw", str(raw), "--processed", str(root / "p"),
         "--reports", str(root / "r"), "--annotations", str(PROJ_ROOT / "data" / "annotations"), "--only", *UP_TO_BRIEFING],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, f"workbook run failed:\n{proc.stdout}\n{proc.stderr}"
    return root / "r" / "briefing.html"


def test_hostile_text_shows_as_text_and_runs_nothing(hostile_run):
    html = hostile_run.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "href=\"javascript" not in html.lower()
    with open_briefing(hostile_run) as (page, seen):
        assert page.evaluate("window.__pwned === undefined"), "text from a document ran as script"
        text = page.locator("main").inner_text()
        assert "<script>window.__pwned" in text, "hostile text should be shown, escaped, as text"
        assert page.locator("main script, main img[onerror], main svg[onload], a[href^='javascript']").count() == 0
        page.mouse.move(10, 10)
        for link in page.locator("a").all():
            link.hover()
        assert page.evaluate("window.__pwned === undefined")
        _assert_quiet(seen)
