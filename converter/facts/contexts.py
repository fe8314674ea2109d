"""Contexts (one per distinct period) and units (only those used)."""

from __future__ import annotations

from converter.model import Context, Duration, Instant, Period, Unit, ValueKind

CIK_SCHEME = "http://www.sec.gov/CIK"

UNITS: dict[ValueKind, Unit] = {
    ValueKind.MONETARY: Unit("usd", ("iso4217:USD",)),
    ValueKind.SHARES: Unit("shares", ("xbrli:shares",)),
    ValueKind.PER_SHARE: Unit("usd-per-share", ("iso4217:USD",), ("xbrli:shares",)),
    ValueKind.PURE: Unit("pure", ("xbrli:pure",)),
}


def context_id(period: Period) -> str:
    """`c-2003-03-01` for an instant, `c-2002-12-01_2003-03-01` for a duration."""
    if isinstance(period, Instant):
        return f"c-{period.date.isoformat()}"
    return f"c-{period.start.isoformat()}_{period.end.isoformat()}"


class ContextSet:
    """Collects the periods facts use and hands out their context ids."""

    def __init__(self) -> None:
        self._contexts: dict[str, Context] = {}
        self._units: dict[str, Unit] = {}

    def context(self, period: Period) -> str:
        cid = context_id(period)
        self._contexts.setdefault(cid, Context(cid, period))
        return cid

    def unit(self, kind: ValueKind) -> str:
        unit = UNITS[kind]
        self._units.setdefault(unit.id, unit)
        return unit.id

    def durations(self) -> tuple[Duration, ...]:
        return tuple(c.period for c in self._contexts.values() if isinstance(c.period, Duration))

    def contexts(self) -> tuple[Context, ...]:
        return tuple(sorted(self._contexts.values(), key=_context_order))

    def units(self) -> tuple[Unit, ...]:
        return tuple(sorted(self._units.values(), key=lambda u: u.id))


def _context_order(context: Context) -> tuple[str, str]:
    period = context.period
    if isinstance(period, Instant):
        return (period.date.isoformat(), "")
    return (period.end.isoformat(), period.start.isoformat())
