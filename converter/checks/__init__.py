"""Self-checks: the statements' own consistency, before anything is written.

`run_checks(document, mappings, report)` returns diagnostics: periods against their headers and
the fiscal calendar (`periods.py`), and the balance, per-share and cross-statement identities
(`identities.py`), share counts too few for a statement without a scale note (`scale.py`),
with the tolerances and concepts of `taxonomy/checks/identities.yaml`. An
error means a fact is likely wrong (a period, a scale); report.json lists it with its source line
and the conversion exits 1. Arithmetic slips inside a statement (a total that is not the sum of
its rows) are the calculation linkbase's business: Calc 1.1 reports them as warnings.
"""

from __future__ import annotations

from collections.abc import Sequence

from converter.checks.data import load_check_rules
from converter.checks.identities import check_identities
from converter.checks.periods import check_periods
from converter.checks.scale import check_unknown_scale
from converter.model import Diagnostic, Document, Mapping, XbrlReport


def run_checks(document: Document, mappings: Sequence[Sequence[Mapping]], report: XbrlReport) -> tuple[Diagnostic, ...]:
    rules = load_check_rules()
    return (*check_periods(document, rules), *check_identities(document, mappings, report, rules),
            *check_unknown_scale(document, rules))


__all__ = ["run_checks"]
