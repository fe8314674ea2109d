"""The derivation rules of the taxonomy build on small synthetic taxonomies."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.resources import TAXONOMY_DIR
from converter.taxonomy.catalog import load_catalog
from converter.taxonomy.corpus import CorpusEvidence, PeriodUse
from converter.taxonomy.derive import (context_period_types, derive_balances,
                                       derive_period_types, structure_of)
from converter.taxonomy.learn import NaiveBayes, features
from converter.taxonomy.rules import load_rules
from converter.taxonomy.sources import TaxonomySources
from converter.taxonomy.xlink import Arc

RULES = load_rules(TAXONOMY_DIR / "us-gaap-2024" / "rules.yaml")


def taxonomy(concepts: dict[str, str], arcs: list[tuple[str, str, int]]) -> TaxonomySources:
    return TaxonomySources(
        root=Path("."), concepts=concepts,
        calc_arcs=tuple(Arc("role", "summation-item", f"us-gaap:{p}", f"us-gaap:{c}", w, 1.0,
                            "test-cal.xml") for p, c, w in arcs),
        stm_presentation=(), meta_arcs=(), deprecated={}, replacements={})


def structures(src: TaxonomySources) -> dict:
    return {n: structure_of(n, t, set(), RULES) for n, t in src.concepts.items()}


@st.composite
def signed_graphs(draw: st.DrawFn) -> tuple[list[str], dict[str, str], list[tuple[str, str, int]]]:
    """A hidden true balance per concept and arcs consistent with it (tree plus extra arcs)."""
    size = draw(st.integers(min_value=2, max_value=25))
    names = [f"Amount{i}" for i in range(size)]
    truth = {n: draw(st.sampled_from(["debit", "credit"])) for n in names}
    arcs = []
    for index in range(1, size):
        parent = names[draw(st.integers(min_value=0, max_value=index - 1))]
        arcs.append((parent, names[index], 1 if truth[parent] == truth[names[index]] else -1))
    for _ in range(draw(st.integers(min_value=0, max_value=size))):
        a, b = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        if a != b:
            arcs.append((a, b, 1 if truth[a] == truth[b] else -1))
    return names, truth, arcs


@settings(max_examples=60, deadline=None)
@given(signed_graphs(), st.data())
def test_balances_never_contradict_a_calculation_arc(
        graph: tuple[list[str], dict[str, str], list[tuple[str, str, int]]],
        data: st.DataObject) -> None:
    names, truth, arcs = graph
    src = taxonomy({n: "monetaryItemType" for n in names}, arcs)
    anchored = data.draw(st.sets(st.sampled_from(names), max_size=3))
    corpus = CorpusEvidence(metalinks_balance={n: truth[n] for n in anchored})
    balances = derive_balances(src, structures(src), RULES, corpus)
    for parent, child, weight in arcs:
        assert (balances[parent].value == balances[child].value) == (weight == 1)
    if anchored:  # the graph is connected, so one anchor fixes every balance
        assert all(balances[n].value == truth[n] for n in names)
        assert all(balances[n].evidence == "metalinks" for n in anchored)


def test_period_type_spreads_along_calculations_and_newest_release_wins() -> None:
    src = taxonomy({"Total": "monetaryItemType", "Part": "monetaryItemType",
                    "UsefulLife": "durationItemType"}, [("Total", "Part", 1)])
    corpus = CorpusEvidence(period_uses=[
        PeriodUse("Total", "instant", 2024, "contexts:a"),
        PeriodUse("UsefulLife", "duration", 2022, "contexts:old"),
        PeriodUse("UsefulLife", "instant", 2024, "contexts:new"),
    ])
    contexts = context_period_types(corpus)
    periods = derive_period_types(src, structures(src), RULES, contexts)
    assert periods["Part"].value == "instant"
    assert periods["Part"].evidence == "cal:Total:test-cal.xml"
    assert periods["UsefulLife"].value == "instant"
    assert periods["UsefulLife"].evidence == "contexts:new+1"


def test_rules_name_real_concepts() -> None:
    catalog = load_catalog()
    for name, balance in RULES.balance_anchors.items():
        concept = catalog.get(name)
        assert concept is not None and concept.balance is not None, name
        assert concept.balance.value == balance and concept.type == "xbrli:monetaryItemType"
    for _, head, role in RULES.enumeration_domains:
        assert head in catalog and role.startswith("http://fasb.org/us-gaap/role/statement/")
    types = {c.type for c in catalog}
    assert {f"{prefix}:{name}" for name, prefix in RULES.type_prefixes.items()} <= types


def test_word_model_learns_suffixes() -> None:
    examples = [("OtherAccruedLiabilities", "credit"), ("AccountsPayable", "credit"),
                ("PrepaidAssets", "debit"), ("AccountsReceivable", "debit")]
    model = NaiveBayes(((features(name, "monetaryItemType"), label) for name, label in examples),
                       classes=("debit", "credit"))
    assert model.predict(features("DeferredRentReceivable", "monetaryItemType"))[0] == "debit"
    assert model.predict(features("EmployeeRelatedLiabilities", "monetaryItemType"))[0] == "credit"
    empty = NaiveBayes([], classes=("debit", "credit"))
    assert empty.predict(features("Anything", "monetaryItemType")) == ("credit", 0.0)
