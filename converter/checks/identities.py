"""Arithmetic a careful reader checks: the balance sheet balances, earnings per share agrees
with income ÷ weighted shares, and a figure two statements both print agrees between them.

Ratios off by a factor of a thousand (10^3, 10^6, 10^9) mean a scale was applied to the wrong
rows or not at all: errors, with the source lines of the facts involved. Other disagreements in
per-share figures are warnings (preferred dividends or a two-class computation explain some).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from converter.checks.data import CheckRules, PerShareIdentity
from converter.facts.calc import half_unit
from converter.model import (
    Diagnostic,
    Document,
    Duration,
    Instant,
    Mapping,
    Period,
    Severity,
    Statement,
    XbrlReport,
)

US_GAAP = "us-gaap:"
SCALE_STEP = 3  # scales come in thousands: 10^3, 10^6, 10^9
_UNITS = {3: "thousands", 6: "millions", 9: "billions"}
SCALE_SLACK = 0.06  # log10 distance from a power of ten still read as one (about ±15%)


@dataclass(frozen=True)
class _Value:
    value: Decimal
    decimals: int | None
    line: int | None
    label: str = ""  # the row's label in the source

    @property
    def slack(self) -> Decimal:
        return half_unit(self.decimals) if self.decimals is not None else Decimal(0)

    @property
    def where(self) -> str:
        line = f"line {self.line}" if self.line is not None else "no source line"
        return f"{self.label!r}, {line}" if self.label else line


def _rows(document: Document) -> dict[int, tuple[str, Statement]]:
    """Source line → the label of the row printed there and its statement, for lines that hold
    one row (an HTML file written on a few long lines has many rows on one line)."""
    rows: dict[int, tuple[str, Statement]] = {}
    shared: set[int] = set()
    for statement in document.statements:
        for item in statement.items:
            if item.source_line in rows:
                shared.add(item.source_line)
            rows[item.source_line] = (item.label, statement)
    return {line: row for line, row in rows.items() if line not in shared}


def _facts(report: XbrlReport, rows: dict[int, tuple[str, Statement]]) -> dict[Period, dict[str, _Value]]:
    """Period → us-gaap local name → the reported value (numeric facts only)."""
    periods = {context.id: context.period for context in report.contexts}
    table: dict[Period, dict[str, _Value]] = {}
    for fact in report.facts:
        if not fact.concept.startswith(US_GAAP) or not isinstance(fact.value, Decimal):
            continue
        table.setdefault(periods[fact.context_id], {})[fact.concept.removeprefix(US_GAAP)] = _Value(
            fact.value, fact.decimals, fact.source_line,
            rows[fact.source_line][0] if fact.source_line in rows else "")
    return table


def _first(values: dict[str, _Value], names: Sequence[str]) -> tuple[str, _Value] | None:
    return next(((name, values[name]) for name in names if name in values), None)


def _scale_factor(ratio: float) -> int | None:
    """k when `ratio` is 10^k for a non-zero multiple k of three (within SCALE_SLACK)."""
    if ratio <= 0:
        return None
    exponent = math.log10(ratio)
    k = round(exponent / SCALE_STEP) * SCALE_STEP
    return k if k and abs(exponent - k) <= SCALE_SLACK else None


def _balance(table: dict[Period, dict[str, _Value]], rules: CheckRules) -> Iterator[Diagnostic]:
    for period, values in table.items():
        if not isinstance(period, Instant):
            continue
        assets, total = _first(values, rules.assets), _first(values, rules.balance_total)
        if assets is None or total is None:
            continue
        (a_name, a), (t_name, t) = assets, total
        if abs(a.value - t.value) <= a.slack + t.slack:
            continue
        k = _scale_factor(float(abs(a.value) / abs(t.value))) if t.value else None
        why = f"a factor of 10^{k}: a scale read wrong" if k else "a row misread or a total mislabelled"
        yield Diagnostic("check.balance", Severity.ERROR,
                         f"the balance sheet does not balance at {period}: {a_name} {a.value} ({a.where}) "
                         f"against {t_name} {t.value} ({t.where}), {why}", a.line, f"{US_GAAP}{a_name}")


def _unscaled_hint(k: int, statement: Statement | None) -> str:
    """Why a per-share ratio is off by 10^k when the statement printed no scale note."""
    if statement is None or statement.scale_note:
        return "check the scale note of the statement"
    rows = "amounts" if k < 0 else "share counts"
    unit = _UNITS.get(abs(k), f"units of 10^{abs(k)}")
    return (f"{statement.title.strip() or statement.kind.value!r} prints no scale note, so its amounts were "
            f"read as printed: its {rows} look printed in {unit}; pass the filing to the maintainers with "
            "the words that name its scale")


def _per_share(table: dict[Period, dict[str, _Value]], identity: PerShareIdentity,
               rules: CheckRules, rows: dict[int, tuple[str, Statement]]) -> Iterator[Diagnostic]:
    for period, values in table.items():
        if not isinstance(period, Duration):
            continue
        found = [_first(values, names) for names in (identity.income, identity.shares, identity.per_share)]
        if any(item is None for item in found):
            continue
        (i_name, income), (s_name, shares), (e_name, eps) = found  # type: ignore[misc]
        if not shares.value or not eps.value:
            continue
        computed = income.value / shares.value
        ratio = float(abs(computed) / abs(eps.value))
        rounding = eps.slack + abs(computed) * (income.slack / max(abs(income.value), Decimal(1))
                                                + shares.slack / abs(shares.value))
        text = (f"{identity.name} earnings per share for {period}: {i_name} {income.value} ({income.where}) ÷ "
                f"{s_name} {shares.value} ({shares.where}) = {computed:.4f}, but {e_name} is {eps.value} "
                f"({eps.where})")
        k = _scale_factor(ratio)
        if k is not None:
            statement = rows[eps.line][1] if eps.line in rows else None
            yield Diagnostic("check.per-share-scale", Severity.ERROR,
                             f"{text}: a factor of 10^{k}, so a scale was applied to the wrong rows or not "
                             f"at all; {_unscaled_hint(k, statement)}", eps.line, f"{US_GAAP}{e_name}")
        elif abs(ratio - 1) > rules.per_share_tolerance and abs(computed - eps.value) > rounding:
            yield Diagnostic("check.per-share", Severity.WARNING,
                             f"{text} (preferred dividends or a two-class computation may explain it)",
                             eps.line, f"{US_GAAP}{e_name}")


def _across_statements(document: Document, mappings: Sequence[Sequence[Mapping]]) -> Iterator[Diagnostic]:
    """A concept two statements print for one period, differing by a factor of a thousand or more."""
    seen: dict[tuple[str, Period], tuple[Decimal, int, str]] = {}
    reported: set[tuple[str, Period]] = set()
    for statement, statement_mappings in zip(document.statements, mappings, strict=True):
        for item, mapping in zip(statement.items, statement_mappings, strict=True):
            if mapping.is_extension:
                continue
            for column, value in zip(statement.columns, item.values, strict=True):
                if value is None or value == 0 or item.balance_at is not None:
                    continue
                key = (mapping.concept.qname, column.period)
                earlier = seen.setdefault(key, (abs(value), item.source_line, statement.title))
                k = _scale_factor(float(abs(value) / earlier[0]))
                if k is not None and key not in reported:
                    reported.add(key)
                    yield Diagnostic("check.scale", Severity.ERROR,
                                     f"{key[0]} for {column.period} is {abs(value)} in {statement.title!r} "
                                     f"(line {item.source_line}) but {earlier[0]} in {earlier[2]!r} "
                                     f"(line {earlier[1]}): a factor of 10^{k}, so one statement's scale "
                                     "was read wrong", item.source_line, key[0])


def check_identities(document: Document, mappings: Sequence[Sequence[Mapping]], report: XbrlReport,
                     rules: CheckRules) -> list[Diagnostic]:
    rows = _rows(document)
    table = _facts(report, rows)
    found = list(_balance(table, rules))
    for identity in rules.per_share:
        found.extend(_per_share(table, identity, rules, rows))
    found.extend(_across_statements(document, mappings))
    return found
