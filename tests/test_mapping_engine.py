"""Mapper behaviour: statements, uniqueness, extensions, never a deprecated or abstract concept."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.mapping import ItemContext, Mapper, map_rows
from converter.mapping.batch import row_context
from converter.mapping.extension import camel_name, is_ncname
from converter.model import (Balance, Column, Instant, LineItem, PeriodType, Statement,
                             StatementKind, ValueKind)
from converter.taxonomy.catalog import load_catalog

BS = StatementKind.BALANCE_SHEET
IS = StatementKind.INCOME_STATEMENT


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def mapper(catalog) -> Mapper:
    return Mapper(catalog, extension_prefix="inno")


def _ctx(label: str, section: str = "", statement: StatementKind = BS,
         kind: ValueKind = ValueKind.MONETARY, **extra: object) -> ItemContext:
    return ItemContext(label=label, statement=statement, section=section,
                       period_type=statement.period_type, kind=kind, **extra)


def _item(label: str, section: str, value: str, is_total: bool = False) -> LineItem:
    return LineItem(label=label, section=section, depth=0, values=(Decimal(value),), texts=(value,),
                    kind=ValueKind.MONETARY, scale=3, decimals=-3, is_total=is_total, source_line=1)


def test_current_and_noncurrent_follow_the_section(mapper) -> None:
    current = mapper.map_item(_ctx("Operating lease liabilities", "Current liabilities:"))
    noncurrent = mapper.map_item(_ctx("Operating lease liabilities", "Long-term liabilities:"))
    assert current.concept.name == "OperatingLeaseLiabilityCurrent"
    assert noncurrent.concept.name == "OperatingLeaseLiabilityNoncurrent"


def test_unlabeled_total_is_named_after_its_section(mapper) -> None:
    mapping = mapper.map_item(_ctx("", "Operating expenses:", IS, is_total=True))
    assert mapping.concept.name == "OperatingExpenses"
    assert "Total operating expenses" in mapping.reason


def test_unknown_label_gets_a_typed_extension(mapper) -> None:
    mapping = mapper.map_item(_ctx("Zorblax flux capacitor reserve", "Current assets"))
    assert mapping.is_extension
    assert mapping.concept.prefix == "inno"
    assert mapping.concept.name == "ZorblaxFluxCapacitorReserve"
    assert mapping.concept.type == "xbrli:monetaryItemType"
    assert mapping.concept.period_type is PeriodType.INSTANT
    assert mapping.concept.balance is Balance.DEBIT
    assert mapping.concept.label == "Zorblax flux capacitor reserve"
    assert re.search(r"(has a share of \d\.\d{3} < 0\.335|no us-gaap)", mapping.reason)


def test_shares_and_per_share_rows_get_their_types(mapper) -> None:
    eps = mapper.map_item(_ctx("Quibble per share", "", IS, ValueKind.PER_SHARE))
    shares = mapper.map_item(_ctx("Weighted average shares - basic", "", IS, ValueKind.SHARES))
    assert eps.concept.type.endswith("perShareItemType")
    assert shares.concept.name == "WeightedAverageNumberOfSharesOutstandingBasic"


def test_map_statement_never_uses_a_us_gaap_concept_twice(catalog) -> None:
    mapper = Mapper(catalog)
    items = (_item("Cash and cash equivalents", "Current assets", "137"),
             _item("Cash and equivalents", "Current assets", "222"),
             _item("Inventories", "Current assets", "5139"),
             _item("Total current assets", "Current assets", "5498", is_total=True))
    statement = Statement(BS, "Balance sheet", (Column(Instant(datetime.date(2003, 3, 1)), "03/01/03"),),
                          items, 1)
    mappings = mapper.map_statement(statement)
    assert len(mappings) == len(items)
    names = [m.concept.qname for m in mappings if not m.is_extension]
    assert len(names) == len(set(names))
    cash = [m for m in mappings[:2] if m.concept.name == "CashAndCashEquivalentsAtCarryingValue"]
    assert len(cash) == 1
    other = mappings[1] if mappings[0] is cash[0] else mappings[0]
    assert "already used in this statement" in other.reason
    assert mappings[2].concept.name == "InventoryNet"
    assert mappings[3].concept.name == "AssetsCurrent"


def test_equity_deduction_prefers_a_debit_concept(mapper) -> None:
    mapping = mapper.map_item(_ctx("Treasury stock", "Stockholders' equity", shown_negative=True))
    assert mapping.concept.balance is Balance.DEBIT


def test_extension_names_are_unique_ncnames(catalog) -> None:
    mapper = Mapper(catalog)
    first = mapper.map_item(_ctx("Zorblax reserve (note 4)", "Current assets"))
    second = mapper.map_item(_ctx("Zorblax reserve", "Current liabilities", statement=IS))
    again = mapper.map_item(_ctx("Zorblax reserve (note 4)", "Current assets"))
    assert first.is_extension and second.is_extension
    assert first.concept.name == "ZorblaxReserve"
    assert second.concept.name == "ZorblaxReserve2"
    assert again.concept == first.concept


@pytest.mark.parametrize(("label", "name"), [
    ("Extraordinary loss on early extinguishment of debt, net of income tax benefit of $1,200",
     "ExtraordinaryLossOnEarlyExtinguishmentOfDebtNetOfIncomeTaxBenefit"),
    ("Common stock, 20,000,000 shares authorized", "CommonStockSharesAuthorized"),
    ("Promissory note-officer", "PromissoryNoteOfficer"),
    ("Series 2 notes", "Series2Notes"),
])
def test_extension_names_leave_out_printed_amounts(label: str, name: str) -> None:
    assert camel_name(label) == name


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_camel_name_is_always_an_ncname(label: str) -> None:
    name = camel_name(label)
    assert is_ncname(name)
    assert not name[0].isdigit()


_WORDS = st.sampled_from(["net", "income", "loss", "total", "current", "assets", "due", "to", "related",
                          "parties", "deferred", "tax", "revenue", "cash", "stock", "treasury", "per",
                          "share", "(", ")", "&", "other", "-", "liabilities", "expense", "Inc.", "PP&E",
                          "interest", "minority", "interest", "extraordinary", "item", "SG&A", "R&D"])


@given(words=st.lists(_WORDS, min_size=0, max_size=8),
       statement=st.sampled_from([BS, IS, StatementKind.CASH_FLOW]),
       kind=st.sampled_from(list(ValueKind)), negative=st.booleans())
@settings(max_examples=150, deadline=None)
def test_never_proposes_deprecated_abstract_or_ill_typed_concepts(mapper, catalog, words, statement, kind,
                                                                   negative) -> None:
    ctx = _ctx(" ".join(words), "Current liabilities", statement, kind, shown_negative=negative)
    mapping = mapper.map_item(ctx)
    assert 0.0 <= mapping.confidence <= 1.0
    proposed = [mapping.concept.qname] + [a.concept for a in mapping.alternatives]
    for qname in proposed:
        prefix, _, name = qname.partition(":")
        if prefix != "us-gaap":
            continue
        concept = catalog.get(name)
        assert concept is not None and concept.usable, qname
        assert concept.period_type is ctx.period_type, qname
    if not mapping.is_extension:
        assert mapping.concept.period_type is ctx.period_type
    for alternative in mapping.alternatives:
        assert 0.0 <= alternative.confidence <= 1.0


def test_map_rows_keeps_order_and_shape(catalog) -> None:
    mapper = Mapper(catalog)
    rows = [
        {"id": "r1", "label": "Total current assets", "statement": "balance_sheet", "section": "Current assets",
         "period_type": "instant"},
        {"id": 7, "label": "Net cash provided by operating activities", "statement": "cash_flow",
         "section": "", "period_type": "duration"},
        {"id": "r3", "label": "Diluted", "statement": "income_statement", "section": "Earnings per share:",
         "period_type": "duration"},
    ]
    out = [json.loads(line) for line in map_rows((json.dumps(r) for r in rows), mapper)]
    assert [o["id"] for o in out] == ["r1", 7, "r3"]
    assert [o["concept"] for o in out] == ["us-gaap:AssetsCurrent",
                                           "us-gaap:NetCashProvidedByUsedInOperatingActivities",
                                           "us-gaap:EarningsPerShareDiluted"]
    for o in out:
        assert set(o) == {"id", "concept", "confidence", "alternatives", "reason"}
        assert all(set(a) == {"concept", "confidence"} for a in o["alternatives"])


def test_map_rows_names_the_bad_line(catalog) -> None:
    from converter.errors import InputError

    with pytest.raises(InputError) as info:
        list(map_rows(['{"id": 1, "label": "Cash", "statement": "balance_sheet"}', "{not json"], Mapper(catalog)))
    assert info.value.line == 2


def test_a_section_total_closes_its_section(catalog) -> None:
    """After "Total current liabilities" the rows still printed under "Current liabilities" are not current."""
    items = (_item("Accounts payable", "CURRENT LIABILITIES", "2888"),
             _item("Operating lease liabilities", "CURRENT LIABILITIES", "40"),
             _item("TOTAL CURRENT LIABILITIES", "CURRENT LIABILITIES", "2928", is_total=True),
             _item("Operating lease liabilities", "CURRENT LIABILITIES", "400"))
    statement = Statement(BS, "Balance sheet", (Column(Instant(datetime.date(2003, 3, 1)), "03/01/03"),), items, 1)
    names = [m.concept.name for m in Mapper(catalog).map_statement(statement)]
    assert names == ["AccountsPayableCurrent", "OperatingLeaseLiabilityCurrent", "LiabilitiesCurrent",
                     "OperatingLeaseLiabilityNoncurrent"]


def test_value_with_cents_makes_a_bare_row_per_share(catalog) -> None:
    mapper = Mapper(catalog)
    row = {"id": 1, "label": "Total", "statement": "income_statement", "section": "Basic:",
           "period_type": "duration", "value": "2.36"}
    assert row_context(row, mapper).kind is ValueKind.PER_SHARE
    assert row_context(dict(row, value="2,407"), mapper).kind is ValueKind.MONETARY


CF = StatementKind.CASH_FLOW


@pytest.mark.parametrize(("label", "section", "kind", "expected"), [
    # the label or its heading says diluted / basic; the concept name must agree
    ("Shares used to compute diluted net income per share", "", ValueKind.SHARES,
     "WeightedAverageNumberOfDilutedSharesOutstanding"),
    ("Continuing operations", "Assuming dilution:", ValueKind.PER_SHARE,
     "IncomeLossFromContinuingOperationsPerDilutedShare"),
    ("Continuing operations", "Basic:", ValueKind.PER_SHARE, "IncomeLossFromContinuingOperationsPerBasicShare"),
])
def test_dilution_cues_pick_basic_or_diluted(mapper, label, section, kind, expected) -> None:
    assert mapper.map_item(_ctx(label, section, IS, kind)).concept.name == expected


@pytest.mark.parametrize(("label", "expected"), [
    ("Proceeds from disposals of property, plant and equipment", "ProceedsFromSaleOfPropertyPlantAndEquipment"),
    ("Purchases of property, plant and equipment", "PaymentsToAcquirePropertyPlantAndEquipment"),
    ("Proceeds from sales of short-term investments", "ProceedsFromSaleOfShortTermInvestments"),
])
def test_cash_flow_direction_follows_the_label(mapper, label, expected) -> None:
    mapping = mapper.map_item(_ctx(label, "Cash flows from investing activities:", CF))
    assert mapping.concept.name == expected, mapping.reason


def test_an_instant_concept_may_open_and_close_a_cash_flow_statement(catalog) -> None:
    mapper = Mapper(catalog)
    rows = [ItemContext(label=label, statement=CF, section="", period_type=PeriodType.INSTANT,
                        kind=ValueKind.MONETARY)
            for label in ("Cash and cash equivalents at beginning of period",
                          "Cash and cash equivalents at end of period")]
    first, last = mapper.assign(rows, [mapper.scorer.rank(ctx) for ctx in rows])
    assert not first.is_extension and first.concept == last.concept


def test_for_document_gives_each_document_its_prefix_and_fresh_extension_names(mapper) -> None:
    label = _ctx("Zorblax frobnication reserve")
    first = mapper.for_document("acme").map_item(label)
    again = mapper.for_document("acme").map_item(label)
    other = mapper.for_document("beta").map_item(label)
    assert first.is_extension and first.concept.qname == again.concept.qname
    assert first.concept.prefix == "acme" and other.concept.prefix == "beta"
    assert other.concept.name == first.concept.name
    assert mapper.extensions.prefix != "acme"


def test_rows_after_a_current_total_under_the_parent_heading_are_noncurrent():
    from converter.mapping.context import effective_sections, load_cues
    from converter.mapping.normalize import load_normalizer

    normalizer = load_normalizer()
    rows = [("Cash", "Current assets", False), ("Total current assets", "Current assets", True),
            ("Goodwill", "Assets", False), ("Total assets", "Assets", True),
            ("Accounts payable", "Current liabilities", False),
            ("Total current liabilities", "Current liabilities", True),
            ("Long-term debt", "Liabilities", False), ("Common stock", "Stockholders' equity", False)]
    sections = effective_sections(rows, load_cues(normalizer), normalizer)
    assert sections == ["Current assets", "Current assets", "Noncurrent Assets", "Assets",
                        "Current liabilities", "Current liabilities", "Noncurrent Liabilities",
                        "Noncurrent Stockholders' equity"]


def test_a_taken_concept_leaves_its_probability_to_the_others():
    mapper = Mapper(load_catalog())
    ctx = ItemContext("Marketable securities", StatementKind.BALANCE_SHEET, "Noncurrent Current assets",
                      PeriodType.INSTANT, ValueKind.MONETARY)
    ranking = mapper.scorer.rank(ctx)
    best = ranking.candidates[0]
    rest = mapper.scorer.without(ranking.candidates, frozenset({best.name}))
    assert best.name not in {c.name for c in rest}
    kept = sum(c.probability for c in ranking.candidates if c.name != best.name)
    assert sum(c.probability for c in rest) == pytest.approx(kept / (1 - best.probability))
    rest = [c for c in rest if c.name != "ext"]  # "the filers' own extension" is no us-gaap candidate
    chosen = mapper.choose(ctx, ranking, frozenset({best.name}))
    if chosen.is_extension:  # the rest is too unsure: it is the first alternative offered
        assert rest[0].probability < mapper.model.extension_threshold
        assert chosen.alternatives[0].concept == f"us-gaap:{rest[0].name}"
    else:
        assert chosen.concept.name == rest[0].name


@pytest.mark.parametrize(("label", "statement", "concept"), [
    ("Income before extraordinary item", IS, "us-gaap:IncomeLossFromContinuingOperations"),
    ("Gain on sale of equipment", StatementKind.CASH_FLOW, "us-gaap:GainLossOnSaleOfPropertyPlantEquipment"),
    ("Unearned compensation", BS, "us-gaap:DeferredCompensationEquity"),
    ("Extraordinary item", IS, None),  # no us-gaap 2024 concept: the filer's own
])
def test_curated_vocabulary_of_older_filings_decides(mapper: Mapper, label: str, statement: StatementKind,
                                                     concept: str | None) -> None:
    mapping = mapper.map_item(_ctx(label, statement=statement))
    if concept is None:
        assert mapping.is_extension
    else:
        assert (mapping.concept.qname, mapping.is_extension) == (concept, False)


def test_a_heading_that_qualifies_its_rows(mapper: Mapper) -> None:
    """"Income taxes" under "Cash paid during the year for:" is the tax paid, not the expense."""
    section = "Cash paid during the year for"
    taxes = mapper.map_item(_ctx("Income taxes", section, statement=StatementKind.CASH_FLOW))
    interest = mapper.map_item(_ctx("Interest", section, statement=StatementKind.CASH_FLOW))
    assert taxes.concept.qname == "us-gaap:IncomeTaxesPaid"
    assert interest.concept.qname == "us-gaap:InterestPaidNet"
    assert mapper.cues.qualified("Income taxes", section, mapper.normalizer) == "Income taxes paid"
    assert mapper.cues.qualified("Interest paid", section, mapper.normalizer) == "Interest paid"


def test_income_printed_negative_is_no_never_negative_income_concept(mapper: Mapper) -> None:
    """"Interest and other income, net  (4.1)": interest and dividend income can't be negative."""
    from converter.taxonomy.catalog import non_negative_concepts

    shown = mapper.map_item(_ctx("Interest and other income, net", statement=IS, shown_negative=True))
    assert shown.concept.name not in non_negative_concepts()
    assert shown.concept.qname == "us-gaap:OtherNonoperatingIncomeExpense"
    positive = mapper.map_item(_ctx("Interest and other income, net", statement=IS))
    assert positive.concept.qname == "us-gaap:InvestmentIncomeInterestAndDividend"



def test_an_extension_never_takes_a_us_gaap_name(mapper: Mapper, catalog) -> None:
    document_mapper = mapper.for_document("sears")
    assert "OtherReceivables" in document_mapper.standard_names
    assert len(document_mapper.standard_names) == len(catalog)
    concept = document_mapper.extensions.make(_ctx("Other receivables"), "Other receivables", None)
    assert (concept.prefix, concept.name) == ("sears", "OtherReceivables2")  # EFM 6.7.16


def test_a_label_under_two_sections_is_two_extension_concepts(mapper: Mapper) -> None:
    factory = mapper.for_document("apple").extensions
    sales = factory.make(_ctx("Products", "Net sales", IS), "Products", Balance.CREDIT)
    costs = factory.make(_ctx("Products", "Cost of sales", IS), "Products", Balance.DEBIT)
    assert (sales.name, costs.name) == ("Products", "ProductsCostOfSales")
    assert factory.make(_ctx("Products", "Net sales", IS), "Products", Balance.CREDIT) is sales
