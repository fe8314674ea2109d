"""The viewer and review pages in a real browser: Playwright for Python driving the system
Chromium, headless. Each page may load files of its own output folder and nothing else:
every other request is refused and recorded, and the tests assert there was none.

Skipped where no Chromium binary is installed (CI installs the Debian package `chromium`).
With XBRLCONV_SCREENSHOTS=DIR the tests leave viewer.png and review.png in DIR (the
README's screenshots come from such a run).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from lxml import etree
from PIL import Image

from converter.cli import main
from converter.pipeline import ConvertOptions, ConvertResult, convert
from converter.validate import Validator
from tests.conftest import SEED, chromium_path, shared_path

sync_api = pytest.importorskip("playwright.sync_api")

IX = "http://www.xbrl.org/2013/inlineXBRL"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT_MS = 60_000  # a guard against a hung page, not a speed requirement
BUCKLE = ("corpus", "html-releases", "buckle_8-K_EX99.1", "BuckleInc.8-K.EX99.1.html")
TREASURY_ALTERNATIVE = "us-gaap:TreasuryStockCommonValue"


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    executable = chromium_path()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        yield launched
        launched.close()


@dataclass
class Visit:
    page: sync_api.Page
    errors: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)  # requests outside the page's folder, refused


@contextmanager
def visit(browser: sync_api.Browser, path: Path) -> Iterator[Visit]:
    """The page at `path`, allowed to read its own folder only."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, service_workers="block")
    folder = path.parent.as_uri() + "/"
    page = context.new_page()
    seen = Visit(page)

    def route(request: sync_api.Route) -> None:
        if request.request.url.startswith(folder):
            request.continue_()
        else:
            seen.elsewhere.append(request.request.url)
            request.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on("console", lambda message: seen.errors.append(message.text) if message.type == "error" else None)
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(path.as_uri())
        yield seen
        assert seen.errors == [] and seen.elsewhere == []
    finally:
        context.close()


def _screenshot(page: sync_api.Page, name: str, tmp_path: Path) -> Path:
    """A screenshot, kept small (64 colours); also in $XBRLCONV_SCREENSHOTS when set."""
    shot = tmp_path / name
    page.screenshot(path=str(shot))
    with Image.open(shot) as image:
        image.convert("RGB").quantize(colors=64).save(shot, optimize=True)
    folder = os.environ.get("XBRLCONV_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, Path(folder) / name)
    return shot


@pytest.fixture(scope="module")
def seed(validator: Validator, tmp_path_factory: pytest.TempPathFactory) -> ConvertResult:
    out = tmp_path_factory.mktemp("browser") / "seed"
    return convert(ConvertOptions(input=shared_path("seed", SEED.name), outdir=out, viewer=True), validator=validator)


@pytest.fixture(scope="module")
def buckle(validator: Validator, tmp_path_factory: pytest.TempPathFactory) -> ConvertResult:
    out = tmp_path_factory.mktemp("browser") / "buckle"
    return convert(ConvertOptions(input=shared_path(*BUCKLE), outdir=out, viewer=True), validator=validator)


def _viewer(result: ConvertResult) -> Path:
    (page,) = result.outdir.glob("*-viewer.htm")
    return page


def _open_viewer(seen: Visit) -> sync_api.Frame:
    """Wait for the viewer to be ready, close its validation notice; the document's frame."""
    page = seen.page
    page.wait_for_selector("#inspector.search-ready")
    notice = page.locator("dialog.message-box[open] .dialog-button-cancel")
    if notice.count():
        notice.click()
    return next(frame for frame in page.frames if frame.locator(".ixbrl-element").count())


@pytest.mark.parametrize("name", ["seed", "buckle"])
def test_viewer_opens_offline_with_every_fact(browser: sync_api.Browser, request: pytest.FixtureRequest,
                                             name: str) -> None:
    result: ConvertResult = request.getfixturevalue(name)
    with visit(browser, _viewer(result)) as seen:
        document = _open_viewer(seen)
        total = seen.page.locator("tr.total-facts .total-facts-value").text_content()
        assert int(total or "0") == result.facts > 0
        inline = etree.parse(str(result.outdir / _viewer(result).name.replace("-viewer", ""))).getroot()
        shown = [e for e in inline.iter(*(f"{{{IX}}}{tag}" for tag in ("nonFraction", "nonNumeric")))
                 if not any(a.tag == f"{{{IX}}}hidden" for a in e.iterancestors())]  # the cover table's too
        assert document.locator(".ixbrl-element").count() == len(shown)


def test_selecting_a_fact_shows_its_concept_period_and_calculation(
        browser: sync_api.Browser, seed: ConvertResult, tmp_path: Path) -> None:
    with visit(browser, _viewer(seed)) as seen:
        document = _open_viewer(seen)
        document.locator(".ixbrl-element", has_text="9,834").first.click()
        inspector = seen.page.locator("#inspector")
        assert seen.page.locator("h2.concept-name-title").text_content() == "us-gaap:AssetsCurrent"
        assert "1 Mar 2003" in (inspector.text_content() or "")
        calculation = seen.page.locator("#inspector .calculations").first.inner_text()
        assert "us-gaap:InventoryNet" in calculation and "Reported and calculated values match" in calculation
        _screenshot(seen.page, "viewer.png", tmp_path)


def test_viewer_shows_the_validation_messages(browser: sync_api.Browser, seed: ConvertResult) -> None:
    with visit(browser, _viewer(seed)) as seen:
        seen.page.wait_for_selector("#inspector.search-ready")
        seen.page.locator("dialog.message-box[open] .dialog-button-primary").click()
        report = seen.page.locator("dialog.validation-report[open] tbody").inner_text()
        assert "calc11e:inconsistentCalculationUsingRounding" in report and "us-gaap:LiabilitiesCurrent" in report


def _rows(report: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(report.read_text(encoding="utf-8"))["mapping"]
    return rows


@pytest.mark.parametrize("quantile", [0.1, 0.5, 0.9])
def test_low_confidence_filter_shows_exactly_the_rows_below(browser: sync_api.Browser, seed: ConvertResult,
                                                           quantile: float) -> None:
    rows = _rows(seed.report)
    levels = sorted({float(str(row["confidence"])) for row in rows})
    threshold = str(levels[max(1, int(quantile * len(levels)))])  # one of the seed's own confidences
    below = [f"row-{n}" for n, row in enumerate(rows, 1) if float(str(row["confidence"])) < float(threshold)]
    assert below  # the seed has rows below each threshold: the filter has something to show
    with visit(browser, seed.outdir / "review.html") as seen:
        page = seen.page
        page.fill("#threshold", threshold)
        page.check("#filter-low")
        visible = page.locator("tr.row:visible")
        assert [visible.nth(i).get_attribute("id") for i in range(visible.count())] == below
        assert page.locator("#shown").text_content() == f"{len(below)} of {len(rows)} rows"
        page.uncheck("#filter-low")
        assert page.locator("tr.row:visible").count() == len(rows)


def test_extension_and_finding_filters(browser: sync_api.Browser, seed: ConvertResult) -> None:
    with visit(browser, seed.outdir / "review.html") as seen:
        page = seen.page
        page.check("#filter-extension")
        assert page.locator("tr.row:visible td.label").all_text_contents() == ["Due to related parties"]
        page.uncheck("#filter-extension")
        page.check("#filter-findings")
        assert page.locator("tr.row:visible td.label").all_text_contents() == ["TOTAL CURRENT LIABILITIES"]


def test_a_saved_choice_changes_the_concept_on_reconversion(browser: sync_api.Browser, seed: ConvertResult,
                                                             tmp_path: Path) -> None:
    rows = _rows(seed.report)
    number, treasury = next((n, row) for n, row in enumerate(rows, 1) if row["label"] == "Treasury stock")
    assert treasury["concept"] != TREASURY_ALTERNATIVE
    with visit(browser, seed.outdir / "review.html") as seen:
        page = seen.page
        page.select_option(f"#row-{number} select.choice", TREASURY_ALTERNATIVE)
        assert page.locator("#changes").text_content() == "1 concept changed."
        assert page.locator("#warnings li").count() == 0
        with page.expect_download() as download:
            page.click("#save")
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        page.check("#filter-low")
        _screenshot(page, "review.png", tmp_path)
    assert saved.name == "innovo-20030301-mapping.yaml"
    out = tmp_path / "again"
    assert main(["convert", str(shared_path("seed", SEED.name)), "-o", str(out), "--mapping", str(saved)]) == 0
    again = _rows(out / "report.json")
    changed = [(row["source_line"], row["concept"]) for row, before in zip(again, rows, strict=True)
               if row["concept"] != before["concept"]]
    assert changed == [(treasury["source_line"], TREASURY_ALTERNATIVE)]
    instance = etree.parse(str(out / "innovo-20030301.xml")).getroot()
    values = [e.text for e in instance.iter("{http://fasb.org/us-gaap/2024}TreasuryStockCommonValue")]
    assert values == ["2547000", "2537000"]
    assert not list(instance.iter("{http://fasb.org/us-gaap/2024}TreasuryStockValue"))
    # round two: the earlier choice is an override on the new page and stays in the next saved file
    interest = next(n for n, row in enumerate(again, 1) if row["label"] == "INTEREST EXPENSE")
    with visit(browser, out / "review.html") as seen:
        page = seen.page
        assert page.locator(f"#row-{number} .badge.override").count() == 1
        page.select_option(f"#row-{interest} select.choice", "us-gaap:InterestAndDebtExpense")
        with page.expect_download() as download:
            page.click("#save")
        download.value.save_as(tmp_path / "round-two.yaml")
    assert yaml.safe_load((tmp_path / "round-two.yaml").read_text(encoding="utf-8")) == {"global": {
        "Treasury stock": TREASURY_ALTERNATIVE, "INTEREST EXPENSE": "us-gaap:InterestAndDebtExpense"}}


def test_choices_that_touch_other_rows_are_flagged(browser: sync_api.Browser, seed: ConvertResult) -> None:
    rows = _rows(seed.report)
    basic = [n for n, row in enumerate(rows, 1) if row["label"] == "Basic"]
    assert len(basic) == 2  # earnings per share and weighted shares: one label, one mapping-file key
    with visit(browser, seed.outdir / "review.html") as seen:
        page = seen.page
        page.select_option(f"#row-{basic[0]} select.choice", index=1)
        warning = page.locator("#warnings li").first.text_content() or ""
        assert f"row {basic[1]} has the same label" in warning
        page.select_option(f"#row-{basic[0]} select.choice", index=0)
        page.select_option(f"#row-{basic[0]} select.choice", value="")
        page.fill(f"#row-{basic[0]} input.other", "Revenues")
        assert "is not a concept written us-gaap:Name" in (page.locator("#warnings").text_content() or "")


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every shared HTML release and text filing with statements, converted by one batch with --viewer."""
    inputs = tmp_path_factory.mktemp("releases")
    for folder in ("html-releases", "text"):
        for source in sorted(shared_path("corpus", folder).glob("*/*")):
            if source.name != "SOURCES.txt" and source.name != "BuckleInc.8-K.html" and source.is_file():
                shutil.copyfile(source, inputs / source.name)
    out = tmp_path_factory.mktemp("converted")
    assert main(["batch", str(inputs), "-o", str(out), "--viewer", "--jobs", "2"]) == 2  # aames has no statements
    return out


def test_every_shared_release_opens_offline(browser: sync_api.Browser, releases: Path) -> None:
    reports = sorted(releases.glob("*/report.json"))
    assert len(reports) == 10  # 7 HTML releases, 3 text filings
    for report in reports:
        body = json.loads(report.read_text(encoding="utf-8"))
        (viewer,) = report.parent.glob("*-viewer.htm")
        with visit(browser, viewer) as seen:
            _open_viewer(seen)
            total = seen.page.locator("tr.total-facts .total-facts-value").text_content()
            assert int(total or "0") == body["facts"] > 0, report
        with visit(browser, report.parent / "review.html") as seen:
            assert seen.page.locator("tr.row").count() == len(body["mapping"]) > 0, report
