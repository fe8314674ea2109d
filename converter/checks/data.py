"""The identities and tolerances the checks follow, loaded from `taxonomy/checks/identities.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from converter.datafiles import read_data
from converter.errors import TaxonomyError
from converter.resources import TAXONOMY_DIR

CHECKS_FILE = TAXONOMY_DIR / "checks" / "identities.yaml"


@dataclass(frozen=True)
class PerShareIdentity:
    name: str  # "basic", "diluted"
    income: tuple[str, ...]  # us-gaap local names, first reported wins
    shares: tuple[str, ...]
    per_share: tuple[str, ...]


@dataclass(frozen=True)
class CheckRules:
    assets: tuple[str, ...]
    balance_total: tuple[str, ...]
    per_share_tolerance: Decimal
    per_share: tuple[PerShareIdentity, ...]
    slack_days: int
    days_per_month: Decimal
    year_end_slack_days: int
    min_weighted_shares: Decimal  # fewer weighted shares under no scale note: the amounts are scaled

    def concepts(self) -> frozenset[str]:
        """Every concept the rules name (the tests check them against the catalog)."""
        names = {*self.assets, *self.balance_total}
        for identity in self.per_share:
            names.update((*identity.income, *identity.shares, *identity.per_share))
        return frozenset(names)


def _names(path: Path, value: object, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
        raise TaxonomyError(f"`{key}` must be a non-empty list of us-gaap concept names", file=path)
    return tuple(value)


def _decimal(path: Path, value: object, key: str) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise TaxonomyError(f"`{key}` must be a number, not {value!r}", file=path) from exc


def _section(path: Path, data: dict[str, object], key: str) -> dict[str, object]:
    section = data.get(key)
    if not isinstance(section, dict):
        raise TaxonomyError(f"`{key}` must be a mapping", file=path)
    return section


@cache
def load_check_rules(path: Path = CHECKS_FILE) -> CheckRules:
    data = read_data(path, "check rules")
    balance = _section(path, data, "balance")
    per_share = _section(path, data, "per_share")
    periods = _section(path, data, "periods")
    unknown_scale = _section(path, data, "unknown_scale")
    identities = per_share.get("identities")
    if not isinstance(identities, list) or not all(isinstance(item, dict) for item in identities):
        raise TaxonomyError("`per_share.identities` must be a list of mappings", file=path)
    try:
        return CheckRules(
            assets=_names(path, balance.get("assets"), "balance.assets"),
            balance_total=_names(path, balance.get("total"), "balance.total"),
            per_share_tolerance=_decimal(path, per_share.get("tolerance"), "per_share.tolerance"),
            per_share=tuple(PerShareIdentity(
                name=str(item["name"]),
                income=_names(path, item.get("income"), "income"),
                shares=_names(path, item.get("shares"), "shares"),
                per_share=_names(path, item.get("per_share"), "per_share")) for item in identities),
            slack_days=int(str(periods["slack_days"])),
            days_per_month=_decimal(path, periods.get("days_per_month"), "periods.days_per_month"),
            year_end_slack_days=int(str(periods["year_end_slack_days"])),
            min_weighted_shares=_decimal(path, unknown_scale.get("min_weighted_shares"),
                                         "unknown_scale.min_weighted_shares"),
        )
    except (KeyError, ValueError) as exc:
        raise TaxonomyError(f"incomplete check rules: {exc}", file=path) from exc
