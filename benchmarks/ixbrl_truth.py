"""The HTML reader against the filers' own facts, on the Inline XBRL filings in
`../shared/corpus/ixbrl/`.

For each filing: strip the ix tags (`sources.strip_inline_xbrl`), read the plain
HTML with the HTML reader, and take as truth the filer's `ix:nonFraction` facts
inside the tables the reader detected as statements (value with its `sign` and
`scale`, period from its context; facts with dimensions are left out, and so are
facts printed inside a row's label: par values and share counts belong to the
parenthetical statement, not to the row's amounts). A fact is
recalled when a statement has a row with the same absolute value in a column of
the same period (statements print signs their own way); it is recalled under the
filer's concept when the mapper maps that row to the fact's concept.

    python benchmarks/ixbrl_truth.py [--no-mapping] [--in-sample] [--misses N] [FILING ...]

The shipped label evidence was learned from rows of these same filings, so each filing
is mapped leave-one-company-out: with the evidence of its own company left out, as a
filing of a company the mapper never saw. `--in-sample` maps with the shipped evidence.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from converter.model import Duration, Instant, Period, Statement  # noqa: E402
from converter.readers import html, html_dom  # noqa: E402
from converter.sources import strip_inline_xbrl  # noqa: E402
from converter.readers.statements import build_statements  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ixbrl"
_ZERO_FORMATS = ("fixed-zero", "zerodash", "numwordsen")


@dataclass(frozen=True)
class Fact:
    concept: str  # "prefix:Name"
    period: Period
    value: Decimal
    table: int  # position of its table among all tables


@dataclass(frozen=True)
class Score:
    name: str
    facts: int
    recalled: int
    concept_hits: int | None
    statements: int
    seconds: float
    in_labels: int  # facts printed inside row labels, left out of `facts`


def filings(names: list[str]) -> list[Path]:
    found = []
    for folder in sorted(CORPUS.iterdir()):
        if not folder.is_dir() or (names and folder.name not in names):
            continue
        documents = sorted((path for path in folder.iterdir() if path.suffix in (".htm", ".html")),
                           key=lambda path: -path.stat().st_size)
        found.extend(documents[:1])  # the filing's main document is its largest
    return found


def _date(text: str) -> date:
    return date.fromisoformat(text.strip()[:10])


def _local(element: etree._Element) -> str:
    """Tag name without prefix, lower case (the HTML parser keeps `ix:` in the name)."""
    return element.tag.rsplit(":", 1)[-1].rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next((node for node in element.iter() if _local(node) == name), None)


def contexts(root: etree._Element) -> dict[str, Period]:
    """Contexts without dimensions → their period (XBRL end dates are inclusive days)."""
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
    number = number.scaleb(int(element.get("scale", "0")))
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    return -number if element.get("sign") == "-" else number


def truth(path: Path, tables: set[int]) -> tuple[list[Fact], int]:
    """The filer's facts in the given tables of the original filing, parsed as the reader
    parses HTML (so tables are counted alike), and how many facts sit in row labels."""
    root = etree.fromstring(path.read_bytes(), html_dom.parser())
    periods = contexts(root)
    facts: dict[tuple[str, str], Fact] = {}
    in_labels = 0
    for number, table in enumerate(root.iter("table")):
        if number not in tables:
            continue
        for element in (node for node in table.iter() if _local(node) == "nonfraction"):
            if _in_label(element):
                in_labels += 1
                continue
            context = element.get("contextref", "")
            value = fact_value(element)
            if context in periods and value is not None:
                facts.setdefault((element.get("name", ""), context),
                                 Fact(element.get("name", ""), periods[context], value, number))
    return list(facts.values()), in_labels


def _in_label(element: etree._Element) -> bool:
    """Whether the fact is printed inside a row's label ("$0.00001 par value; 50,400,000 shares
    authorized"): those belong to the parenthetical statement, not to the row's amounts."""
    cell = next((node for node in element.iterancestors() if _local(node) in ("td", "th")), None)
    if cell is None or cell.getparent() is None:
        return False
    first = next((node for node in cell.getparent() if _local(node) in ("td", "th")
                  and "".join(node.itertext()).strip()), None)
    return first is cell


def produced(statements: list[Statement], mapper: object | None) -> dict[tuple[Period, Decimal], set[str]]:
    """(period, |value|) → the concepts the mapper gives the rows showing it."""
    shown: dict[tuple[Period, Decimal], set[str]] = defaultdict(set)
    for statement in statements:
        mappings = mapper.map_statement(statement) if mapper is not None else [None] * len(statement.items)
        for item, mapping in zip(statement.items, mappings, strict=True):
            for column, value in zip(statement.columns, item.values, strict=True):
                if value is None:
                    continue
                for period in _periods_shown(column.period):
                    concepts = shown[(period, abs(value))]
                    if mapping is not None:
                        concepts.add(mapping.concept.qname)
    return shown


def _periods_shown(period: Period) -> list[Period]:
    """A duration column also shows the balances at its end and at the day before its start
    (a cash-flow statement's beginning and ending cash)."""
    if isinstance(period, Duration):
        return [period, Instant(period.end), Instant(period.start - timedelta(days=1))]
    return [period]


def score(path: Path, mapper: object | None, misses: int) -> Score:
    markup = strip_inline_xbrl(path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    result = html.scan(markup)
    statements, _ = build_statements([found.candidate for found in result.found])
    seconds = time.perf_counter() - started
    facts, in_labels = truth(path, {found.table for found in result.found})
    shown = produced(statements, mapper)
    recalled = [fact for fact in facts if (fact.period, abs(fact.value)) in shown]
    concept_hits = (sum(1 for fact in recalled if fact.concept in shown[(fact.period, abs(fact.value))])
                    if mapper is not None else None)
    for fact in [fact for fact in facts if fact not in recalled][:misses]:
        print(f"    miss {fact.concept} {fact.period} {fact.value} (table {fact.table})")
    return Score(path.parent.name, len(facts), len(recalled), concept_hits, len(statements), seconds, in_labels)


class MapperFactory:
    """The mapper of a filing: the shipped one, or one whose evidence leaves out the filing's company."""

    def __init__(self, in_sample: bool) -> None:
        from converter.mapping.engine import Mapper
        from converter.mapping.evidence import load_evidence
        from converter.mapping.normalize import load_normalizer
        from converter.taxonomy.catalog import load_catalog

        self.shipped = Mapper(load_catalog())
        self.in_sample = in_sample
        self.evidence = load_evidence(load_normalizer())

    def get(self, path: Path) -> object:
        from converter.mapping.engine import Mapper
        from converter.mapping.learn import company_of

        if self.in_sample:
            return self.shipped
        return Mapper(self.shipped.catalog, evidence=self.evidence.without(company_of(path.parent.name)),
                      names=self.shipped.names)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("filings", nargs="*", help="folder names under corpus/ixbrl (default: all)")
    parser.add_argument("--no-mapping", action="store_true", help="skip the concept figure")
    parser.add_argument("--in-sample", action="store_true",
                        help="map with the shipped evidence, the filing's own company included")
    parser.add_argument("--misses", type=int, default=0, help="print up to N missed facts per filing")
    args = parser.parse_args()
    mappers = None if args.no_mapping else MapperFactory(args.in_sample)
    totals = [0, 0, 0]
    print(f"{'filing':40} {'stmts':>5} {'facts':>6} {'value@period':>13} {'concept':>9} {'read s':>7} "
          f"{'in labels':>9}")
    for path in filings(args.filings):
        result = score(path, mappers.get(path) if mappers else None, args.misses)
        totals[0] += result.facts
        totals[1] += result.recalled
        totals[2] += result.concept_hits or 0
        concept = f"{result.concept_hits / result.facts:9.1%}" if result.concept_hits is not None and result.facts \
            else f"{'-':>9}"
        recall = f"{result.recalled / result.facts:13.1%}" if result.facts else f"{'-':>13}"
        print(f"{result.name:40} {result.statements:5} {result.facts:6} {recall} {concept} {result.seconds:7.2f} "
              f"{result.in_labels:9}")
    if totals[0]:
        concept_total = f"{totals[2] / totals[0]:9.1%}" if mappers is not None else f"{'-':>9}"
        print(f"{'all':40} {'':5} {totals[0]:6} {totals[1] / totals[0]:13.1%} {concept_total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
