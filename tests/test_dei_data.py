"""taxonomy/dei-2024: the standard labels against filers' copies, the SEC header's cover facts."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from converter.errors import UsageError
from converter.facts.dei import header_cover, load_cover, load_dei
from converter.model import Address, DocumentMeta
from converter.readers import read_document
from tests.conftest import shared_path

STANDARD_LABEL = re.compile(
    r"<(?:link:)?label\b(?=[^>]*xlink:role=\"http://www\.xbrl\.org/2003/role/label\")"
    r"[^>]*xlink:label=\"lab_dei_(\w+?)\"[^>]*>([^<]*)<")
AMAZON = ("corpus", "text", "amazon_8-K_0000891020-98-001352", "0000891020-98-001352.txt")
SOUTHERN = ("corpus", "text", "southern_8-K_0000092122-05-000042", "0000092122-05-000042.txt")


def _offline_labels() -> dict[str, Counter[str]]:
    """dei standard labels as filers copied them (label linkbases, an 8-K's EX-101.LAB) and as the
    SEC renderer shows them (MetaLinks.json)."""
    corpus = shared_path("corpus")
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    files = [*corpus.rglob("*_lab.xml"), *corpus.joinpath("html-releases").rglob("*.txt")]
    for path in files:
        for name, text in STANDARD_LABEL.findall(path.read_text(encoding="utf-8", errors="replace")):
            seen[name][text.strip()] += 1
    meta = json.loads(corpus.joinpath("ixbrl", "aapl-10-q-2025-03-29_attachments", "MetaLinks.json").read_text())
    for tag, entry in next(iter(meta["instance"].values()))["tag"].items():
        if tag.startswith("dei_"):
            seen[tag.removeprefix("dei_")][entry["lang"]["en-us"]["role"]["label"]] += 1
    return seen


def test_every_dei_label_is_the_one_filers_copied() -> None:
    seen = _offline_labels()
    concepts = load_dei().concepts
    assert len(concepts) >= 33
    unlabelled = {name for name, concept in concepts.items() if not concept.label}
    assert unlabelled == {"DocumentFinStmtRestatementRecoveryAnalysisFlag"} and not seen[next(iter(unlabelled))]
    for name, concept in concepts.items():
        if name in unlabelled:
            continue
        assert seen[name], f"no offline copy of the standard label of dei:{name}"
        assert concept.label == seen[name].most_common(1)[0][0], name


def test_cover_facts_come_from_the_business_address_of_the_first_filer() -> None:
    meta = read_document(shared_path(*SOUTHERN)).meta
    assert (meta.cik, meta.file_number, meta.state_of_incorporation, meta.irs_number) == (
        "0000003153", "001-03164", "AL", "630004250")
    assert meta.business_address == Address("600 N 18TH ST", "P O BOX 2641", "BIRMINGHAM", "AL", "35291",
                                            "2052571000")
    assert header_cover(meta) == {
        "CurrentFiscalYearEndDate": "--12-31", "EntityFileNumber": "001-03164",
        "EntityIncorporationStateCountryCode": "AL", "EntityTaxIdentificationNumber": "63-0004250",
        "EntityAddressAddressLine1": "600 N 18TH ST", "EntityAddressAddressLine2": "P O BOX 2641",
        "EntityAddressCityOrTown": "BIRMINGHAM", "EntityAddressStateOrProvince": "AL",
        "EntityAddressPostalZipCode": "35291", "CityAreaCode": "205", "LocalPhoneNumber": "257-1000"}


def test_the_mail_address_never_stands_in_for_the_business_address() -> None:
    meta = read_document(shared_path(*AMAZON)).meta
    assert meta.business_address is not None
    assert (meta.business_address.street1, meta.business_address.street2) == (
        "1516 SECOND AVE 4TH FLOOR", "PO BOX 80387")


@pytest.mark.parametrize(("meta", "expected"), [
    (DocumentMeta("x"), {}),
    (DocumentMeta("x", irs_number="000000000", fiscal_year_end="1399"), {}),
    (DocumentMeta("x", irs_number="94-2404110", business_address=Address(zip="981011234", phone="(206) 555")),
     {"EntityTaxIdentificationNumber": "94-2404110", "EntityAddressPostalZipCode": "98101-1234"}),
    (DocumentMeta("x", state_of_incorporation="Delaware", business_address=Address(phone="1-408-996-1010")),
     {"CityAreaCode": "408", "LocalPhoneNumber": "996-1010"}),
])
def test_header_values_that_are_absent_or_unreadable_are_left_out(meta: DocumentMeta,
                                                                 expected: dict[str, str]) -> None:
    assert header_cover(meta) == expected


def test_a_cover_file_supplies_typed_values(tmp_path: Path) -> None:
    path = tmp_path / "cover.yaml"
    path.write_text("EntityEmergingGrowthCompany: false\nEntityFileNumber: '001-36743'\n", encoding="utf-8")
    assert load_cover(path) == {"EntityEmergingGrowthCompany": "false", "EntityFileNumber": "001-36743"}


@pytest.mark.parametrize(("text", "message"), [
    ("EntityGrowth: true\n", "'EntityGrowth' is no dei cover concept"),
    ("CoverAbstract: x\n", "'CoverAbstract' is no dei cover concept"),
    ("DocumentFinStmtRestatementRecoveryAnalysisFlag: false\n", "no dei cover concept"),
    ("EntityFileNumber: ''\n", "EntityFileNumber: the value must be"),
])
def test_a_wrong_cover_entry_names_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "cover.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=message) as caught:
        load_cover(path)
    assert str(path) in str(caught.value)
