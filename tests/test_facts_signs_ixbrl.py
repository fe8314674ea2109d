"""The sign rules against filers' own facts: Inline XBRL face statements in ../shared.

For every face-statement row of `corpus/mapping/rows-train.jsonl` the row's amounts
are found in the filing: the printed sign is the parenthesis around the amount,
the fact's sign is the `sign="-"` attribute. `sign_row` must agree with the filer, with the
direction the row's caption names ("Other (income) expense, net", "Benefit (provision) for income
taxes") read as the reader reads it. The captions took the income statements from 96.0% to 98.3%.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal

import pytest
from lxml import etree

from converter.facts.rules import load_rules
from converter.facts.signs import sign_row
from converter.model import Balance, LineItem, StatementKind, ValueKind
from converter.readers.rows import caption_direction
from converter.readers.vocab import vocabulary
from converter.taxonomy.catalog import load_catalog
from tests.conftest import shared_path

IX = "http://www.xbrl.org/2013/inlineXBRL"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, recover=True)
BLANK = {"", "—", "-", "0"}


def _ancestor(element: etree._Element, name: str) -> etree._Element | None:
    while element is not None and etree.QName(element).localname != name:
        element = element.getparent()
    return element


def _printed_negative(fact: etree._Element) -> bool:
    cell = _ancestor(fact, "td")
    if cell is None:
        return False
    cells = list(cell.getparent())
    following = cells[cells.index(cell) + 1] if cells.index(cell) + 1 < len(cells) else None
    return "(" in "".join(cell.itertext()) + ("".join(following.itertext()) if following is not None else "")


def _row_cells(tree: etree._ElementTree, concept: str, value: str) -> list[tuple[bool, bool]]:
    """(printed negative, fact negative) for each amount of the row showing `value`."""
    for fact in tree.iter(f"{{{IX}}}nonFraction"):
        if fact.get("name") == concept and "".join(fact.itertext()).strip() == value:
            row = _ancestor(fact, "tr")
            if row is None:
                return []
            return [(_printed_negative(f), f.get("sign") == "-")
                    for f in row.iter(f"{{{IX}}}nonFraction")
                    if f.get("name") == concept and "".join(f.itertext()).strip() not in BLANK]
    return []


@pytest.fixture(scope="module")
def agreement() -> Counter[tuple[str, bool]]:
    corpus = shared_path("corpus", "ixbrl")
    rows_file = shared_path("corpus", "mapping", "rows-train.jsonl")
    documents = {p.name: p for p in corpus.rglob("*.htm*")}
    catalog, rules, vocab = load_catalog(), load_rules(), vocabulary()
    trees: dict[str, etree._ElementTree] = {}
    tally: Counter[tuple[str, bool]] = Counter()
    for line in rows_file.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        prefix, name = row["concept"].split(":")
        concept = catalog.get(name)
        if prefix != "us-gaap" or concept is None or row["doc"] not in documents:
            continue
        if row["doc"] not in trees:
            trees[row["doc"]] = etree.parse(str(documents[row["doc"]]), PARSER)
        cells = _row_cells(trees[row["doc"]], row["concept"], row["value"])
        if not cells:
            continue
        kind = StatementKind(row["statement"])
        rule = rules.statements[kind]
        credit_side = any(w in row["section"].lower() for w in rules.credit_side_section_words)
        orientation = Balance.CREDIT if kind is StatementKind.BALANCE_SHEET and credit_side else rule.orientation
        item = LineItem(row["label"], row["section"], 0,
                        tuple(Decimal(-1 if printed else 1) for printed, _ in cells),
                        tuple("" for _ in cells), ValueKind.MONETARY, 0, 0, False, 1,
                        printed_positive=caption_direction(vocab, row["label"]))
        signed = sign_row(item, concept.to_def(), orientation, rules, negate_mixed=rule.negate_mixed_rows,
                          always_negated=rule.always_negated_prefixes, never_negated=rule.never_negated)
        for value, (_, fact_negative) in zip(signed.values, cells, strict=True):
            tally[(kind.value, (value is not None and value < 0) == fact_negative)] += 1
    return tally


@pytest.mark.parametrize(("kind", "at_least"), [
    ("balance_sheet", 0.99), ("income_statement", 0.98), ("cash_flow", 0.97)])
def test_sign_rules_agree_with_the_filers(agreement: Counter[tuple[str, bool]], kind: str,
                                          at_least: float) -> None:
    right, wrong = agreement[(kind, True)], agreement[(kind, False)]
    assert right + wrong > 900
    assert right / (right + wrong) >= at_least, (right, wrong)
