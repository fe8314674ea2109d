"""Render an XbrlReport in the Open Information Model forms: xBRL-JSON and xBRL-CSV.

Both carry the same facts as the XBRL 2.1 instance and point at the same
extension schema. Periods are written as OIM date-times: an instant or a
duration end is the midnight that ends its (inclusive) XBRL date. A numeric
fact in `xbrli:pure` has no unit dimension, as OIM requires.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from converter.facts.contexts import CIK_SCHEME
from converter.model import Duration, Fact, Period, Unit, XbrlReport
from converter.writers.files import write_files
from converter.writers.xbrl import namespaces, taxonomy_files
from converter.writers.xbrl import xbrl_value

JSON_DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"
CSV_DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-csv"
ENTITY_PREFIX = "cik"
PURE = Unit("pure", ("xbrli:pure",))
CSV_COLUMNS = ("id", "concept", "period", "unit", "decimals", "value")
NUMERIC_TABLE = "numeric"
TEXT_TABLE = "text"


@dataclass(frozen=True)
class _OimFact:
    id: str
    concept: str
    period: str
    unit: str | None  # None: non-numeric, or numeric in xbrli:pure
    decimals: int | None
    value: str
    numeric: bool


def _midnight_after(day: date) -> str:
    return f"{(day + timedelta(days=1)).isoformat()}T00:00:00"


def oim_period(period: Period) -> str:
    if isinstance(period, Duration):
        return f"{period.start.isoformat()}T00:00:00/{_midnight_after(period.end)}"
    return _midnight_after(period.date)


def oim_unit(unit: Unit) -> str | None:
    if unit.numerators == PURE.numerators and not unit.denominators:
        return None
    text = "*".join(unit.numerators)
    return f"{text}/{'*'.join(unit.denominators)}" if unit.denominators else text


def _oim_facts(report: XbrlReport) -> tuple[_OimFact, ...]:
    periods = {c.id: oim_period(c.period) for c in report.contexts}
    units = {u.id: oim_unit(u) for u in report.units}
    return tuple(_oim_fact(f, periods, units) for f in report.facts)


def _oim_fact(fact: Fact, periods: dict[str, str], units: dict[str, str | None]) -> _OimFact:
    numeric = fact.unit_id is not None
    return _OimFact(
        id=fact.id, concept=fact.concept, period=periods[fact.context_id],
        unit=units[fact.unit_id] if fact.unit_id is not None else None,
        decimals=fact.decimals if numeric else None,
        value=xbrl_value(fact.value) if isinstance(fact.value, Decimal) else fact.value,
        numeric=numeric)


def _document_info(report: XbrlReport, document_type: str) -> dict[str, object]:
    prefixes = dict(namespaces(report))
    prefixes[ENTITY_PREFIX] = CIK_SCHEME
    return {"documentType": document_type, "namespaces": prefixes,
            "taxonomy": [f"{report.stem}.xsd"]}


def _entity(report: XbrlReport) -> str:
    return f"{ENTITY_PREFIX}:{report.entity.cik}"


def render_json(report: XbrlReport) -> str:
    """The xBRL-JSON report: one object per fact, keyed by the fact id."""
    facts: dict[str, dict[str, object]] = {}
    for fact in _oim_facts(report):
        dimensions: dict[str, str] = {"concept": fact.concept, "entity": _entity(report),
                                      "period": fact.period}
        if fact.unit is not None:
            dimensions["unit"] = fact.unit
        body: dict[str, object] = {"value": fact.value, "dimensions": dimensions}
        if fact.decimals is not None:
            body["decimals"] = fact.decimals
        facts[fact.id] = body
    document = {"documentInfo": _document_info(report, JSON_DOCUMENT_TYPE), "facts": facts}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _csv_text(rows: Iterable[tuple[str, ...]], header: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def render_csv(report: XbrlReport) -> dict[str, str]:
    """The xBRL-CSV metadata file and its two tables (numeric facts, other facts), by file name."""
    facts = _oim_facts(report)
    numeric_csv = f"{report.stem}-{NUMERIC_TABLE}.csv"
    text_csv = f"{report.stem}-{TEXT_TABLE}.csv"
    numeric_rows = tuple((f.id, f.concept, f.period, f.unit or "#none", str(f.decimals), f.value)
                         for f in facts if f.numeric)
    text_rows = tuple((f.id, f.concept, f.period, f.value) for f in facts if not f.numeric)
    entity = _entity(report)
    metadata = {
        "documentInfo": _document_info(report, CSV_DOCUMENT_TYPE),
        "tableTemplates": {
            NUMERIC_TABLE: {
                "rowIdColumn": "id",
                "dimensions": {"entity": entity, "concept": "$concept", "period": "$period",
                               "unit": "$unit"},
                "columns": {"id": {}, "concept": {}, "period": {}, "unit": {}, "decimals": {},
                            "value": {"dimensions": {}, "decimals": "$decimals"}},
            },
            TEXT_TABLE: {
                "rowIdColumn": "id",
                "dimensions": {"entity": entity, "concept": "$concept", "period": "$period"},
                "columns": {"id": {}, "concept": {}, "period": {}, "value": {"dimensions": {}}},
            },
        },
        "tables": {NUMERIC_TABLE: {"template": NUMERIC_TABLE, "url": numeric_csv},
                   TEXT_TABLE: {"template": TEXT_TABLE, "url": text_csv}},
    }
    return {
        f"{report.stem}-csv.json": json.dumps(metadata, indent=2, ensure_ascii=False) + "\n",
        numeric_csv: _csv_text(numeric_rows, CSV_COLUMNS),
        text_csv: _csv_text(text_rows, ("id", "concept", "period", "value")),
    }


def write_json(report: XbrlReport, outdir: Path) -> tuple[Path, ...]:
    """Write `<stem>.json` (xBRL-JSON) with the extension schema and linkbases it references."""
    return write_files({f"{report.stem}.json": render_json(report), **taxonomy_files(report)}, outdir)


def write_csv(report: XbrlReport, outdir: Path) -> tuple[Path, ...]:
    """Write `<stem>-csv.json` (xBRL-CSV metadata), its CSV tables and the extension taxonomy."""
    return write_files({**render_csv(report), **taxonomy_files(report)}, outdir)
