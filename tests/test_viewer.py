"""`--viewer`: Arelle's iXBRL viewer beside the Inline XBRL output, written by the validating run.

What the viewer holds is read from the JSON the plug-in embeds in the page; the browser
tests (test_browser_review.py) open it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from converter.cli import main
from converter.pipeline import ConvertOptions, ConvertResult, convert
from converter.validate import Validator
from converter.viewer import viewer_script
from tests.conftest import SEED, shared_path

VIEWER_DATA = re.compile(r'<script type="application/x\.ixbrl-viewer\+json">(.*?)</script>', re.DOTALL)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
IX = "{http://www.xbrl.org/2013/inlineXBRL}"


def viewer_data(page: Path) -> Any:
    """The JSON the plug-in embeds in the viewer page (facts, concepts, relationships, messages)."""
    match = VIEWER_DATA.search(page.read_text(encoding="utf-8"))
    assert match is not None, f"no viewer data in {page}"
    return json.loads(match.group(1))


def _facts(data: Any) -> Any:
    (source,) = data["sourceReports"]
    (target,) = source["targetReports"]
    return target["facts"]


def _inline_facts(htm: Path) -> dict[str, str]:
    root = etree.parse(str(htm), PARSER).getroot()
    return {str(e.get("id")): str(e.get("name")) for e in root.iter(f"{IX}nonFraction", f"{IX}nonNumeric")}


@pytest.fixture(scope="module")
def seed_viewer(validator: Validator, tmp_path_factory: pytest.TempPathFactory) -> ConvertResult:
    out = tmp_path_factory.mktemp("viewer") / "out"
    return convert(ConvertOptions(input=shared_path("seed", SEED.name), outdir=out, viewer=True), validator=validator)


def test_viewer_holds_every_fact_of_the_instance_with_its_concept(seed_viewer: ConvertResult) -> None:
    page = seed_viewer.outdir / "innovo-20030301-viewer.htm"
    facts = _facts(viewer_data(page))
    inline = _inline_facts(seed_viewer.outdir / "innovo-20030301.htm")
    assert len(facts) == len(inline) == seed_viewer.facts == 85
    assert {fact_id: fact["a"]["c"] for fact_id, fact in facts.items()} == inline
    assert seed_viewer.instance.name == "innovo-20030301.xml"  # the viewer implied ixbrl beside the xbrl


def test_viewer_lists_the_validation_messages_without_the_staging_folder(seed_viewer: ConvertResult) -> None:
    page = seed_viewer.outdir / "innovo-20030301-viewer.htm"
    messages = viewer_data(page)["validation"]
    assert [(m["sev"], m["code"]) for m in messages] == [
        ("INCONSISTENCY", "calc11e:inconsistentCalculationUsingRounding")]
    assert "us-gaap:LiabilitiesCurrent" in messages[0]["msg"]
    text = page.read_text(encoding="utf-8")
    assert str(seed_viewer.outdir.parent) not in text and ".out." not in text


def test_viewer_script_is_the_one_the_package_ships(seed_viewer: ConvertResult) -> None:
    page = (seed_viewer.outdir / "innovo-20030301-viewer.htm").read_text(encoding="utf-8")
    assert re.findall(r'<script[^>]*\bsrc="([^"]*)"', page) == ["ixbrlviewer.js"]
    assert (seed_viewer.outdir / "ixbrlviewer.js").read_bytes() == viewer_script().read_bytes()


def test_viewer_without_validation_has_no_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(shared_path("seed", SEED.name)), "-o", str(out), "--viewer", "--no-validate"]) == 0
    data = viewer_data(out / "innovo-20030301-viewer.htm")
    assert data["validation"] == [] and len(_facts(data)) == 85
    assert capsys.readouterr().err == ""


def test_viewer_without_the_extra_is_a_usage_error_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("converter.viewer.PLUGIN", "noSuchViewerPlugin")
    source = shared_path("seed", SEED.name)
    for argv in (["convert", str(source), "-o", str(tmp_path / "out"), "--viewer"],
                 ["batch", str(source.parent), "-o", str(tmp_path / "batch"), "--viewer"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("xbrlconv: error: --viewer needs Arelle's iXBRL viewer plug-in")
        assert "pip install 'xbrlconv[viewer]'" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
