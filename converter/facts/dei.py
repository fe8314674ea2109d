"""Cover (dei) facts: which concepts, which values, which period.

The concepts, their types and standard labels are `taxonomy/dei-2024/concepts.yaml`;
which SEC header field gives which cover fact is `taxonomy/dei-2024/cover.yaml`. A
value the header lacks is left out, never invented; a cover file (`--cover`) supplies
what the source does not give and overrides what it does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

from converter.datafiles import read_data
from converter.errors import TaxonomyError, UsageError
from converter.facts.contexts import ContextSet
from converter.model import ConceptDef, Diagnostic, DocumentMeta, Duration, Entity, PeriodType
from converter.resources import TAXONOMY_DIR

DEI_DIR = TAXONOMY_DIR / "dei-2024"
MISSING_COVER_FACT = re.compile(r"^EFM\.6\.05\.\d+\.([a-z]\w*)Missing$")  # EFM.6.05.40.entityEmergingGrowthCompanyMissing
TRUE_FALSE = {True: "true", False: "false"}


@dataclass(frozen=True)
class DeiData:
    concepts: dict[str, ConceptDef]  # local name -> concept (label: the dei standard label, "" when none)
    header_fields: tuple[tuple[str, str, str], ...]  # (concept, DocumentMeta path, form)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _month_day(text: str) -> str | None:
    digits = _digits(text)
    if len(digits) != 4 or not ("01" <= digits[:2] <= "12" and "01" <= digits[2:] <= "31"):
        return None
    return f"--{digits[:2]}-{digits[2:]}"


def _employer_id(text: str) -> str | None:
    digits = _digits(text)
    return f"{digits[:2]}-{digits[2:]}" if len(digits) == 9 and digits.strip("0") else None


def _zip(text: str) -> str | None:
    digits = _digits(text)
    if len(digits) == 9:
        return f"{digits[:5]}-{digits[5:]}"
    return text.strip() or None


def _phone(text: str) -> tuple[str, str] | None:
    digits = _digits(text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return (digits[:3], f"{digits[3:6]}-{digits[6:]}") if len(digits) == 10 else None


def _area_code(text: str) -> str | None:
    phone = _phone(text)
    return phone[0] if phone else None


def _local_number(text: str) -> str | None:
    phone = _phone(text)
    return phone[1] if phone else None


def _code(text: str) -> str | None:
    code = text.strip().upper()
    return code if re.fullmatch(r"[A-Z0-9]{2}", code) else None


FORMS: dict[str, Callable[[str], str | None]] = {
    "text": lambda text: " ".join(text.split()) or None,
    "code": _code,
    "month_day": _month_day,
    "employer_id": _employer_id,
    "zip": _zip,
    "area_code": _area_code,
    "local_number": _local_number,
}


@cache
def load_dei() -> DeiData:
    concepts_path, cover_path = DEI_DIR / "concepts.yaml", DEI_DIR / "cover.yaml"
    data, cover = read_data(concepts_path, "dei concept data"), read_data(cover_path, "dei cover data")
    try:
        abstract = set(data["abstract"])  # type: ignore[arg-type]
        concepts = {
            name: ConceptDef("dei", name, type_, PeriodType(period), None, label or "", abstract=name in abstract)
            for name, (type_, period, label) in data["concepts"].items()}  # type: ignore[union-attr]
        fields = tuple((name, entry["field"], entry["form"])
                       for name, entry in cover["from_header"].items())  # type: ignore[union-attr]
    except (KeyError, TypeError, ValueError) as exc:
        raise TaxonomyError(f"malformed dei data: {exc!r}", file=concepts_path) from exc
    for name, _field, form in fields:
        if name not in concepts or form not in FORMS:
            raise TaxonomyError(f"cover field {name!r}: unknown dei concept or form {form!r}", file=cover_path)
    return DeiData(concepts, fields)


def dei_concept(name: str) -> ConceptDef:
    return load_dei().concepts[name]


def report_period(contexts: ContextSet, period_end: date) -> Duration:
    """The longest duration ending at the period end; a one-day period when none does."""
    candidates = [d for d in contexts.durations() if d.end == period_end]
    if not candidates:
        return Duration(period_end, period_end)
    return min(candidates, key=lambda d: (d.start, d.end))


def _field(meta: DocumentMeta, path: str) -> str | None:
    value: object = meta
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value if isinstance(value, str) else None


def header_cover(meta: DocumentMeta) -> dict[str, str]:
    """The cover values the SEC header gives, as dei values (a field it lacks, or cannot be read, is left out)."""
    values: dict[str, str] = {}
    for name, path, form in load_dei().header_fields:
        text = _field(meta, path)
        value = FORMS[form](text) if text is not None else None
        if value is not None:
            values[name] = value
    return values


def cover_facts(entity: Entity, document_type: str, period_end: date,
                supplied: Mapping[str, str] | None = None) -> tuple[tuple[ConceptDef, str], ...]:
    """The cover facts, in the order they are written: the report's own, then `supplied`
    (from the SEC header or a cover file), which may also override the report's own."""
    values = {"DocumentType": document_type, "AmendmentFlag": "false",
              "DocumentPeriodEndDate": period_end.isoformat(), "EntityRegistrantName": entity.name,
              "EntityCentralIndexKey": entity.cik}
    if entity.ticker:
        values["TradingSymbol"] = entity.ticker
    values.update(supplied or {})
    return tuple((dei_concept(name), value) for name, value in values.items())


def load_cover(path: Path) -> dict[str, str]:
    """A cover file: YAML or JSON mapping dei local names to values (`EntityEmergingGrowthCompany: false`)."""
    data = read_data(path, "cover file", hint="write one `DeiConceptName: value` per line")
    concepts = load_dei().concepts
    values: dict[str, str] = {}
    for name, value in data.items():
        concept = concepts.get(str(name))
        if concept is None or concept.abstract or not concept.label:
            raise UsageError(f"{name!r} is no dei cover concept xbrlconv writes", file=path,
                             hint="use one of " + ", ".join(sorted(n for n, c in concepts.items()
                                                                 if not c.abstract and c.label)))
        if isinstance(value, bool):
            text = TRUE_FALSE[value]
        elif isinstance(value, str | int) and str(value).strip():
            text = str(value).strip()
        else:
            raise UsageError(f"{name}: the value must be a non-empty text, number or true/false", file=path)
        values[concept.name] = text
    return values


def cover_hint(diagnostic: Diagnostic) -> Diagnostic:
    """An EDGAR finding that a cover fact is missing, naming the dei concept and how to supply it."""
    match = MISSING_COVER_FACT.match(diagnostic.code)
    name = match.group(1)[0].upper() + match.group(1)[1:] if match else ""
    if name not in load_dei().concepts:
        return diagnostic
    return replace(diagnostic, concept=f"dei:{name}",
                   message=f"{diagnostic.message} The source does not give dei:{name}: write "
                           f"`{name}: VALUE` into a YAML cover file and pass it with --cover FILE.")
