"""The Inline XBRL output in a real browser: headless Chromium shows the statements.

Skipped where no Chromium binary is installed (CI installs the Debian package
`chromium`). The browser gets no network and no profile beyond a temporary one.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import lxml.html
import pytest
from PIL import Image

from converter.facts import build_report
from converter.writers import write_ixbrl
from tests.conftest import chromium_path
from tests.facts_fixtures import ENTITY, seed_document

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         "--disable-extensions", "--window-size=1000,1400")
TIMEOUT = 120  # seconds; a guard against a hung browser, not a speed requirement



@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    document, mappings = seed_document()
    report = build_report(document, mappings, ENTITY, "8-K")
    return write_ixbrl(report, tmp_path_factory.mktemp("render"), document)[0]


def _run(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = page.parent / "profile"
    return subprocess.run(
        [chromium_path(), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=TIMEOUT, check=True)


def test_browser_shows_the_statements_as_tables(page: Path) -> None:
    dom = lxml.html.fromstring(_run(page, "--dump-dom").stdout)
    titles = [h.text_content().strip() for h in dom.iter("h2")]
    assert titles == ["CONSOLIDATED CONDENSED BALANCE SHEETS",
                      "CONSOLIDATED CONDENSED STATEMENTS OF OPERATIONS"]
    rows = {}
    for tr in dom.iter("tr"):
        cells = [td.text_content().strip() for td in tr.iter("td")]
        if cells:
            rows.setdefault(cells[0], cells[1:])
    assert rows["TOTAL ASSETS"] == ["15,990", "15,143"]
    assert rows["Accumulated deficit"] == ["(33,227)", "(33,507)"]
    assert rows["INTEREST EXPENSE"] == ["(150)", "(97)"]
    # the hidden cover facts are in the DOM but not displayed
    assert "display:none" in dom.xpath("//body/div[1]/@style")[0].replace(" ", "")


def test_screenshot_is_a_printed_page(page: Path) -> None:
    shot = page.parent / "page.png"
    _run(page, f"--screenshot={shot}")
    with Image.open(shot) as image:
        grey = image.convert("L")
        assert grey.size == (1000, 1400)
        histogram = grey.histogram()
    pixels = sum(histogram)
    dark = sum(histogram[:128])
    white = histogram[255]
    assert white / pixels > 0.7  # a white page ...
    assert dark / pixels > 0.01  # ... with text and rules on it
