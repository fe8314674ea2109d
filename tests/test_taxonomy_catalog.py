"""The committed us-gaap 2024 concept catalog against the shared reference material."""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter.errors import TaxonomyError
from converter.model import Balance, PeriodType
from converter.taxonomy.catalog import CATALOG_PATH, Catalog, load_catalog, read_catalog
from converter.taxonomy.corpus import period_uses_in
from converter.taxonomy.labels import split_name
from converter.taxonomy.xlink import iter_arcs

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SOURCES = SHARED / "taxonomy-sources"
CORPUS = SHARED / "corpus"
FILINGS = sorted(
    path for folder in ("ixbrl", "xbrl-instances") for path in (CORPUS / folder).rglob("*")
    if path.suffix in (".htm", ".html", ".xml") and path.stat().st_size > 200_000
    and not path.name.endswith(("_lab.xml", "_pre.xml", "_def.xml", "_cal.xml", ".xsd.xml"))
    and not path.name.startswith("R"))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_catalog_has_every_concept_of_the_concept_list(catalog: Catalog) -> None:
    listed = {json.loads(line)["us_gaap_tag"] for line in
              (SOURCES / "fintagging" / "us_gaap_2024_BM25.jsonl").open(encoding="utf-8")}
    assert len(catalog) == 17_388
    assert {c.name for c in catalog} == listed
    assert load_catalog() is catalog  # cached


@pytest.mark.parametrize(("name", "period", "balance", "type_"), [
    ("Assets", PeriodType.INSTANT, Balance.DEBIT, "xbrli:monetaryItemType"),
    ("Revenues", PeriodType.DURATION, Balance.CREDIT, "xbrli:monetaryItemType"),
    ("TreasuryStockValue", PeriodType.INSTANT, Balance.DEBIT, "xbrli:monetaryItemType"),
    ("EarningsPerShareBasic", PeriodType.DURATION, None, "dtr-types:perShareItemType"),
    ("RetainedEarningsAccumulatedDeficit", PeriodType.INSTANT, Balance.CREDIT,
     "xbrli:monetaryItemType"),
    ("PaymentsToAcquirePropertyPlantAndEquipment", PeriodType.DURATION, Balance.CREDIT,
     "xbrli:monetaryItemType"),
    ("ProceedsFromIssuanceOfCommonStock", PeriodType.DURATION, Balance.DEBIT,
     "xbrli:monetaryItemType"),
    ("NetCashProvidedByUsedInOperatingActivities", PeriodType.DURATION, None,
     "xbrli:monetaryItemType"),
    ("WeightedAverageNumberOfSharesOutstandingBasic", PeriodType.DURATION, None,
     "xbrli:sharesItemType"),
    ("CommonStockSharesAuthorized", PeriodType.INSTANT, None, "xbrli:sharesItemType"),
])
def test_well_known_concepts(catalog: Catalog, name: str, period: PeriodType,
                             balance: Balance | None, type_: str) -> None:
    concept = catalog.get(name)
    assert concept is not None
    assert (concept.period_type, concept.balance, concept.type) == (period, balance, type_)
    assert concept.usable and concept.nillable and concept.prefix == "us-gaap"


def test_structural_concepts(catalog: Catalog) -> None:
    axis = catalog.get("StatementBusinessSegmentsAxis")
    table = catalog.get("ScheduleOfSegmentReportingInformationBySegmentTable")
    member = catalog.get("OperatingSegmentsMember")
    assert axis is not None and table is not None and member is not None
    assert (axis.substitution_group, axis.abstract) == ("xbrldt:dimensionItem", True)
    assert (table.substitution_group, table.abstract) == ("xbrldt:hypercubeItem", True)
    assert (member.type, member.abstract, member.usable) == ("dtr-types:domainItemType", True, False)
    typed = catalog.get("InvestmentIdentifierAxis.domain")
    assert typed is not None and typed.type == "xs:string" and not typed.usable


def test_deprecations(catalog: Catalog) -> None:
    member = catalog.get("AccountingStandardsUpdate201409Member")
    replaced = catalog.get("AccountsPayableRelatedPartiesCurrent")
    assert member is not None and member.deprecated == "2024" and not member.usable
    assert replaced is not None
    assert (replaced.deprecated, replaced.replacement) == ("2023", "AccountsPayableCurrent")
    # deprecated only in the 2025 release: still live in 2024
    later = catalog.get("AccountingForCertainLoansAndDebtSecuritiesAcquiredInTransferDisclosureTextBlock")
    assert later is not None and later.deprecated is None
    assert sum(1 for c in catalog if c.deprecated) == 761


def test_balance_only_on_monetary_items(catalog: Catalog) -> None:
    with_balance = [c.name for c in catalog if c.balance is not None]
    assert all(catalog.get(n).type == "xbrli:monetaryItemType" for n in with_balance)  # type: ignore[union-attr]
    assert len(with_balance) > 7_000


def test_labels(catalog: Catalog) -> None:
    payable = catalog.get("AccountsPayableCurrent")
    assert payable is not None and payable.label == "Accounts Payable, Current"
    assert "Accounts payable" in payable.labels
    unseen = catalog.get("AccidentAndHealthInsuranceSegmentMember")
    assert unseen is not None and unseen.label == "Accident and Health Insurance Segment [Member]"
    assert payable.to_def().qname == "us-gaap:AccountsPayableCurrent"
    assert payable.to_def().balance is Balance.CREDIT


def test_period_type_agrees_with_every_context_of_the_shared_filings(catalog: Catalog) -> None:
    """Facts of filings on the 2024 release must all agree; older releases differ only where
    the FASB changed the period type (useful lives became instants in 2024)."""
    disagreements: dict[int, set[str]] = defaultdict(set)
    facts = 0
    for path in FILINGS:
        for use in period_uses_in(path, path.parent.name):
            concept = catalog.get(use.concept)
            if concept is None:
                continue
            facts += 1
            if concept.period_type.value != use.period_type:
                disagreements[use.year].add(use.concept)
    assert facts > 30_000
    assert disagreements.get(2024, set()) == set()
    changed = set().union(*disagreements.values()) if disagreements else set()
    assert changed == {"FiniteLivedIntangibleAssetUsefulLife", "PropertyPlantAndEquipmentUsefulLife"}


def _balance_violations(catalog: Catalog, files: list[Path]) -> tuple[int, list[str]]:
    """(arcs between two concepts with a balance, arcs whose weight contradicts the balances):
    XBRL 2.1 — weight +1 joins equal balances, -1 opposite ones."""
    checked, violations = 0, []
    for path in files:
        for arc in iter_arcs(path, "calculationArc"):
            parent = catalog.get(arc.parent.removeprefix("us-gaap:"))
            child = catalog.get(arc.child.removeprefix("us-gaap:"))
            if parent is None or child is None or not (parent.balance and child.balance):
                continue
            checked += 1
            if (parent.balance == child.balance) != (arc.weight == 1):
                violations.append(f"{path.name}: {arc.parent} -> {arc.child} {arc.weight}")
    return checked, violations


def test_balance_agrees_with_every_calculation_arc(catalog: Catalog) -> None:
    files = [*sorted((SOURCES / "us-gaap-2024" / "stm").glob("*-cal-*.xml")),
             *sorted((SOURCES / "arelle-edgar").glob("us-gaap-cal-*-all.xsd"))]
    checked, violations = _balance_violations(catalog, files)
    assert checked > 15_000
    assert violations == []


def test_balance_agrees_with_the_filers_calculation_arcs(catalog: Catalog) -> None:
    checked, violations = _balance_violations(catalog, sorted(CORPUS.rglob("*_cal.xml")))
    assert checked > 1_900
    assert violations == []


def test_calculation_arcs_join_concepts_of_one_period_type(catalog: Catalog) -> None:
    """A summation binds facts of one context: parent and children share the period type."""
    files = [*sorted((SOURCES / "us-gaap-2024" / "stm").glob("*-cal-*.xml")),
             *sorted((SOURCES / "arelle-edgar").glob("us-gaap-cal-*-all.xsd")),
             *sorted(CORPUS.rglob("*_cal.xml"))]
    mixed = set()
    for path in files:
        for arc in iter_arcs(path, "calculationArc"):
            parent = catalog.get(arc.parent.removeprefix("us-gaap:"))
            child = catalog.get(arc.child.removeprefix("us-gaap:"))
            if parent and child and parent.period_type != child.period_type:
                mixed.add(f"{arc.parent} -> {arc.child}")
    assert mixed == set()


def test_agrees_with_the_dqc_concept_sets(catalog: Catalog) -> None:
    """XBRL US data-quality rules list income-statement concepts and asset concepts."""
    constants = json.loads((SOURCES / "arelle-edgar" / "dqcrt-us-2024-constants.json")
                           .read_text(encoding="utf-8"))

    def names(key: str) -> list[str]:
        return [q.split("}")[1] for q in constants[key][1:] if q.startswith("{http://fasb.org/us-gaap/")]

    income = [catalog.get(n) for n in names("INCOME_STATEMENT_CONCEPTS")]
    assets = [catalog.get(n) for n in names("ASSET_TYPES")]
    assert len(income) > 500 and len(assets) > 400
    assert all(c is not None and c.period_type is PeriodType.DURATION for c in income)
    assert all(c is not None and c.period_type is PeriodType.INSTANT for c in assets)


def test_missing_or_broken_catalog_raises(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="concept catalog missing"):
        read_catalog(tmp_path / "nothing.jsonl.gz")
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(b"not gzip")
    with pytest.raises(TaxonomyError, match="unreadable"):
        read_catalog(broken)
    good = gzip.decompress(CATALOG_PATH.read_bytes()).decode().splitlines()
    truncated = tmp_path / "truncated.jsonl.gz"
    truncated.write_bytes(gzip.compress("\n".join([*good[:3], '{"name": "X"}']).encode()))
    with pytest.raises(TaxonomyError, match="bad catalog entry") as caught:
        read_catalog(truncated)
    assert caught.value.line == 4


_WORD = st.sampled_from(["Accounts", "Payable", "Current", "Net", "Of", "Tax", "Income",
                         "Loss", "Revenue", "Per", "Share", "Deferred", "Gross"])


@given(st.lists(_WORD, min_size=1, max_size=6))
def test_split_name_keeps_the_words(words: list[str]) -> None:
    name = "".join(words)
    label = split_name(name)
    assert "".join(w[0].upper() + w[1:] for w in label.split()) == name
    assert label.split()[0] == words[0]
    assert split_name(name + "Member") == label + " [Member]"
