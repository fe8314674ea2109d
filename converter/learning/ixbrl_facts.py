"""The filers' own answers in an Inline XBRL filing: its undimensioned facts on its face
statements, and the labelled rows they sit in (`rows-train.jsonl`'s shape).

The face statements are found from the filer's tags, not by our reader: per statement the table
(or run of adjacent tables, none repeating another's facts) holding its anchor concepts, with the most facts (balance sheet:
Assets or LiabilitiesAndStockholdersEquity; income statement: earnings per share or net income
with income taxes; comprehensive income: ComprehensiveIncomeNetOfTax; cash flow: net cash from
an activity). Facts with dimensions are left out, and so are facts printed inside a row's label
(par values, authorised shares: the parenthetical statement) and pure numbers (a column of
percentages of sales restates the amounts beside it).

A row's label is its first non-empty cell; its section is the last row above it in the
statement with text but no undimensioned fact ("Current assets:", or "Services" when that
row holds only facts by product). `benchmarks/ixbrl_truth.py` scores the converter against
the facts; `benchmarks/learn.py` learns from the rows of the gathered filings.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

from converter.learning.rows import TrainingRow, company_of
from converter.model import Duration, Instant, Period
from converter.readers import html_dom

ANCHORS = {  # statement -> sets of concepts; a table holding all of one set is that statement
    "balance_sheet": [{"us-gaap:Assets"}, {"us-gaap:LiabilitiesAndStockholdersEquity"}],
    "income_statement": [{"us-gaap:EarningsPerShareBasic"}, {"us-gaap:EarningsPerShareDiluted"},
                         {"us-gaap:EarningsPerShareBasicAndDiluted"},
                         {"us-gaap:NetIncomeLoss", "us-gaap:IncomeTaxExpenseBenefit"}],
    "comprehensive_income": [{"us-gaap:ComprehensiveIncomeNetOfTax"},
                             {"us-gaap:ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest"}],
    "cash_flow": [{"us-gaap:NetCashProvidedByUsedInOperatingActivities"},
                  {"us-gaap:NetCashProvidedByUsedInInvestingActivities"},
                  {"us-gaap:NetCashProvidedByUsedInFinancingActivities"}],
}
ADJACENT = 2  # tables of one statement lie at most this many tables apart
_ZERO_FORMATS = ("fixed-zero", "zerodash", "numwordsen")


@dataclass(frozen=True)
class Fact:
    concept: str
    period: Period
    value: Decimal
    table: int
    statement: str


@dataclass(frozen=True)
class _Tagged:
    concept: str
    period: Period
    value: Decimal
    row: etree._Element
    element: etree._Element


def read_filing(path: Path) -> etree._Element:
    """The parsed document (`.gz` decompressed), with the reader's safe parser."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return etree.fromstring(data, html_dom.parser())


def face_facts(path: Path) -> list[Fact]:
    """The filer's undimensioned facts on its face statements, one per concept and period."""
    facts: dict[tuple[str, Period], Fact] = {}
    for statement, index, tagged in _face_tables(read_filing(path)):
        for t in tagged:
            facts.setdefault((t.concept, t.period), Fact(t.concept, t.period, t.value, index, statement))
    return list(facts.values())


def face_rows(path: Path) -> list[TrainingRow]:
    """The labelled rows of the face statements: label, section, the first fact's concept."""
    rows: list[TrainingRow] = []
    doc = path.name.removesuffix(".gz")
    for statement, _, tagged in _face_tables(read_filing(path)):
        by_row: dict[etree._Element, _Tagged] = {}
        for t in tagged:
            by_row.setdefault(t.row, t)
        table = next(iter(by_row)).getparent() if by_row else None
        section = ""
        for row in _rows_of(table, by_row):
            label = _label(row)
            fact = by_row.get(row)
            if fact is None:
                section = label or section
                continue
            rows.append(TrainingRow(doc=doc, company=company_of(doc), statement=statement,
                                    period_type="instant" if isinstance(fact.period, Instant) else "duration",
                                    section=section, label=label, concept=fact.concept,
                                    negated=fact.element.get("sign") == "-",
                                    value=html_dom.text_of(fact.element)))
    return rows


def _rows_of(table: etree._Element | None, by_row: dict[etree._Element, _Tagged]) -> list[etree._Element]:
    """The rows of the statement's tables in document order (a run of tables may be several)."""
    if table is None:
        return []
    tables = {_ancestor(row, "table") for row in by_row}
    ordered = [t for t in table.getroottree().iter("table") if t in tables]
    return [row for t in ordered for row in t.iter("tr")]


def _ancestor(element: etree._Element, name: str) -> etree._Element | None:
    return next((node for node in element.iterancestors() if _local(node) == name), None)


def _label(row: etree._Element) -> str:
    cell = next((c for c in row if _local(c) in ("td", "th") and html_dom.text_of(c)), None)
    return html_dom.text_of(cell) if cell is not None else ""


def _face_tables(root: etree._Element) -> list[tuple[str, int, list[_Tagged]]]:
    """(statement, table index, tagged facts) of each table of each face statement."""
    periods = contexts(root)
    ratios = pure_units(root)
    tables: list[list[_Tagged]] = []
    for table in root.iter("table"):
        found = []
        for element in (node for node in table.iter() if _local(node) == "nonfraction"):
            context, value = element.get("contextref", ""), fact_value(element)
            row = _ancestor(element, "tr")
            if (context in periods and value is not None and row is not None and not _in_label(element)
                    and element.get("unitref", "") not in ratios):
                found.append(_Tagged(element.get("name", ""), periods[context], value, row, element))
        tables.append(found)
    out: list[tuple[str, int, list[_Tagged]]] = []
    for statement, anchor_sets in ANCHORS.items():
        holding = [i for i, found in enumerate(tables)
                   if any(anchors <= {t.concept for t in found} for anchors in anchor_sets)]
        if not holding:
            continue
        runs: list[list[int]] = []
        for index in holding:
            if runs and index - runs[-1][-1] <= ADJACENT and not _repeats(tables, runs[-1], index):
                runs[-1].append(index)
            else:
                runs.append([index])
        best = max(runs, key=lambda run: sum(len(tables[i]) for i in range(run[0], run[-1] + 1)))
        out += [(statement, index, tables[index]) for index in range(best[0], best[-1] + 1) if tables[index]]
    return out


def _repeats(tables: list[list[_Tagged]], run: list[int], index: int) -> bool:
    """Whether table `index` holds a fact (concept, period) the run's tables hold already: a note
    repeating the statement's earnings per share, not the statement continued."""
    seen = {(t.concept, t.period) for i in run for t in tables[i]}
    return any((t.concept, t.period) in seen for t in tables[index])


def _local(element: etree._Element) -> str:
    return element.tag.rsplit(":", 1)[-1].rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next((node for node in element.iter() if _local(node) == name), None)


def _date(text: str) -> date:
    return date.fromisoformat(text.strip()[:10])


def contexts(root: etree._Element) -> dict[str, Period]:
    """Contexts without dimensions → their period."""
    periods: dict[str, Period] = {}
    for context in (node for node in root.iter() if _local(node) == "context"):
        if _child(context, "segment") is not None or _child(context, "scenario") is not None:
            continue
        instant, start, end = (_child(context, name) for name in ("instant", "startdate", "enddate"))
        if instant is not None and instant.text:
            periods[context.get("id", "")] = Instant(_date(instant.text))
        elif start is not None and end is not None and start.text and end.text:
            periods[context.get("id", "")] = Duration(_date(start.text), _date(end.text))
    return periods


def pure_units(root: etree._Element) -> set[str]:
    """Ids of the units that measure pure numbers (a percent-of-sales column)."""
    return {unit.get("id", "") for unit in root.iter() if _local(unit) == "unit"
            and [(m.text or "").strip().rpartition(":")[2] for m in unit.iter() if _local(m) == "measure"] == ["pure"]}


def fact_value(element: etree._Element) -> Decimal | None:
    if element.get("xsi:nil") == "true":
        return None
    text = "".join(element.itertext()).strip()
    style = element.get("format", "").lower()
    if any(word in style for word in _ZERO_FORMATS) or text in ("-", "—", "–"):
        number = Decimal(0)
    else:
        cleaned = text.replace(",", "").replace(" ", "")
        if "comma-decimal" in style or "numcommadecimal" in style:
            cleaned = text.replace(".", "").replace(" ", "").replace(",", ".")
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            return None
    number = number.scaleb(int(element.get("scale", "0") or 0))
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    return -number if element.get("sign") == "-" else number


def _in_label(element: etree._Element) -> bool:
    """Whether the fact sits in the row's first non-empty cell (its label)."""
    cell = next((node for node in element.iterancestors() if _local(node) in ("td", "th")), None)
    if cell is None or cell.getparent() is None:
        return False
    first = next((node for node in cell.getparent() if _local(node) in ("td", "th")
                  and "".join(node.itertext()).strip()), None)
    return first is cell
