"""Map rows given as JSON lines (`xbrlconv map-labels ROWS.jsonl`).

Input, one object a line: {"id", "label", "statement": "balance_sheet" | "income_statement" |
"cash_flow" | …, "section", "period_type": "instant" | "duration"} and optionally "kind"
("monetary", "per_share", "shares", "pure"; guessed from the label, the section and an optional
"value" as printed when absent),
"is_total" (default: the label starts with "total" or is empty) and "shown_negative".
Output, in the same order: {"id", "concept": "prefix:Name", "confidence", "alternatives":
[{"concept", "confidence"}, …], "reason"}.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from converter.errors import InputError
from converter.mapping.context import ItemContext
from converter.mapping.engine import Mapper
from converter.model import PeriodType, StatementKind, ValueKind


def row_context(raw: dict[str, object], mapper: Mapper) -> ItemContext:
    """The ItemContext of one input row; fields the input leaves out are guessed."""
    label = str(raw.get("label", ""))
    section = str(raw.get("section", "") or "")
    statement = StatementKind(str(raw["statement"]))
    period = raw.get("period_type")
    kind = raw.get("kind")
    total = raw.get("is_total")
    clean = label.replace("\u200b", "").strip()
    return ItemContext(
        label=label, statement=statement, section=section,
        period_type=PeriodType(str(period)) if period else statement.period_type,
        kind=ValueKind(str(kind)) if kind else mapper.cues.kind_of(label, section, mapper.normalizer,
                                                                   str(raw.get("value", "") or "")),
        is_total=bool(total) if total is not None else (not clean or clean.lower().startswith("total")),
        shown_negative=bool(raw.get("shown_negative", False)),
    )


def map_rows(lines: Iterable[str], mapper: Mapper | None = None, source: str | None = None) -> Iterator[str]:
    """Yield one output JSON line per non-blank input line, in order; `source` names the
    input file in errors."""
    if mapper is None:
        from converter.taxonomy.catalog import load_catalog

        mapper = Mapper(load_catalog())
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise TypeError("not a JSON object")
            ctx = row_context(raw, mapper)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"bad row: {exc}", file=source, line=number,
                             hint="each line needs id, label, statement, section, period_type") from exc
        mapping = mapper.map_item(ctx)
        yield json.dumps({
            "id": raw.get("id"),
            "concept": mapping.concept.qname,
            "confidence": mapping.confidence,
            "alternatives": [{"concept": a.concept, "confidence": a.confidence}
                             for a in mapping.alternatives],
            "reason": mapping.reason,
        }, ensure_ascii=False)
