"""The cover of an Inline XBRL document: the dei facts shown as a small table, tagged.

EDGAR wants cover facts visible (EFM 5.2.5.14, 6.5.45), so each dei fact is printed
with its standard label, except those `taxonomy/rules/efm.yaml` keeps in `ix:hidden`
(the amendment flag, the CIK). Dates are shown in words and read back through the
Inline XBRL transformation the rules name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from converter.facts.rules import load_efm_rules
from converter.model import Fact, XbrlReport

STANDARD_LABEL_ROLE = "http://www.xbrl.org/2003/role/label"


@dataclass(frozen=True)
class CoverRow:
    label: str
    fact: Fact
    display: str
    format: str  # "" when the value is shown as it is


def _shown(name: str, value: str) -> tuple[str, str]:
    formats = load_efm_rules().cover.date_formats
    if name not in formats:
        return value, ""
    display, ixt = formats[name]
    if value.startswith("--"):  # a gMonthDay, --MM-DD: any leap year carries every day
        day = date(2000, int(value[2:4]), int(value[5:7]))
    else:
        day = date.fromisoformat(value)
    return day.strftime(display), ixt


def cover_rows(report: XbrlReport, hidden: Sequence[Fact]) -> tuple[tuple[CoverRow, ...], tuple[Fact, ...]]:
    """(the cover rows to show, the facts still hidden) from the facts no statement cell shows."""
    rule = load_efm_rules().cover
    labels = {label.concept: label.text for label in report.labels if label.role == STANDARD_LABEL_ROLE}
    rows: list[CoverRow] = []
    rest: list[Fact] = []
    for fact in hidden:
        name = fact.concept.removeprefix("dei:")
        if fact.concept.startswith("dei:") and name not in rule.hidden and isinstance(fact.value, str):
            display, ixt = _shown(name, fact.value)
            rows.append(CoverRow(labels.get(fact.concept, name), fact, display, ixt))
        else:
            rest.append(fact)
    order = {name: index for index, name in enumerate(rule.order)}
    rows.sort(key=lambda row: order.get(row.fact.concept.removeprefix("dei:"), len(order)))
    return tuple(rows), tuple(rest)
