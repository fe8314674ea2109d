"""Arelle's log records as data, and as `Diagnostic`s: no Arelle import here (`converter.validate` runs it).

A record keeps its code, level, text, arguments and the ids of the facts it refers to;
`diagnostic` names the concept, the fact and its source line, and words Calculation 1.1
inconsistencies as the source's own arithmetic slips.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from lxml import etree

from converter.model import Diagnostic, Severity

CALC_INCONSISTENCY = re.compile(
    r"^(calc11e:inconsistentCalculationUsing\w+|xbrl\.5\.2\.5\.2:calcInconsistency)$")
ERROR_LEVEL = logging.ERROR - 2  # Arelle's ERROR-SEMANTIC and above
INCONSISTENCY_LEVEL = logging.WARNING + 3  # Arelle's INCONSISTENCY
INTERVAL = re.compile(r"^[\[(]\s*(-?[\d,.]+)\s*,\s*(-?[\d,.]+)\s*[\])]$")
XHTML = "http://www.w3.org/1999/xhtml"
INLINE_FACT_TAGS = tuple(f"{{http://www.xbrl.org/2013/inlineXBRL}}{tag}" for tag in ("nonFraction", "nonNumeric"))
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
FRAGMENT = re.compile(r"#([A-Za-z_][\w.-]*)$")


@dataclass(frozen=True)
class Message:
    code: str
    level: int
    text: str
    args: Mapping[str, object]
    fact_ids: tuple[str, ...]


class BufferHandler(logging.Handler):
    """Keeps Arelle's log records as data; nothing is printed.

    `logRecordBuffer` (the name Arelle's buffering handler uses) holds what the iXBRL
    viewer plug-in lists as validation messages: the records above INFO, their text
    without the folder of the file being validated (a staging folder of random name).
    """

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.messages: list[Message] = []
        self.logRecordBuffer: list[logging.LogRecord] = []
        self.folder: Path | None = None

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, Mapping) else {}
        try:
            text = str(record.msg) % args if args else str(record.msg)
        except (TypeError, ValueError, KeyError):
            text = str(record.msg)
        refs = getattr(record, "refs", None) or []
        fact_ids = tuple(_fragment(ref) for ref in refs if isinstance(ref, Mapping))
        code = str(getattr(record, "messageCode", "") or "")
        self.messages.append(Message(code=code, level=record.levelno, text=text, args=args,
                                     fact_ids=tuple(f for f in fact_ids if f)))
        if record.levelno > logging.INFO:
            self.logRecordBuffer.append(logging.makeLogRecord(
                {"msg": self._unplaced(text), "levelno": record.levelno, "levelname": record.levelname,
                 "messageCode": code}))

    def clear(self) -> None:
        self.messages.clear()
        self.logRecordBuffer.clear()

    def _unplaced(self, text: str) -> str:
        if self.folder is None:
            return text
        for form in (self.folder.as_uri(), str(self.folder)):
            text = text.replace(form + "/", "")
        return text


def _fragment(ref: Mapping[str, object]) -> str:
    object_id = ref.get("id")
    if isinstance(object_id, str) and object_id:
        return object_id
    match = FRAGMENT.search(str(ref.get("href", "")))
    return match.group(1) if match else ""


def fact_concepts(instance: Path) -> dict[str, str]:
    """Fact id → "prefix:Name" as written in the instance (or Inline XBRL document).

    An instance that cannot be read yields no names: Arelle has already reported
    why (IOerror or xmlSchema:syntax) among the diagnostics this map decorates.
    """
    try:
        root = etree.parse(str(instance), PARSER).getroot()
    except (OSError, etree.XMLSyntaxError):
        return {}
    if etree.QName(root).namespace == XHTML:
        return {str(e.get("id")): str(e.get("name")) for e in root.iter(*INLINE_FACT_TAGS)
                if e.get("id") and e.get("name")}
    return {str(e.get("id")): f"{e.prefix}:{etree.QName(e).localname}"
            for e in root if isinstance(e.tag, str) and e.get("id") and e.get("contextRef")}


def diagnostic(message: Message, fact_lines: Mapping[str, int],
                concepts: Mapping[str, str]) -> Diagnostic | None:
    lines = [fact_lines[f] for f in message.fact_ids if f in fact_lines]
    line = lines[0] if lines else None
    named = [concepts[f] for f in message.fact_ids if f in concepts]
    fact = next((f for f in message.fact_ids if f in concepts), None)
    if not named and message.args.get("concept") is not None:
        named = [str(message.args["concept"])]
    if CALC_INCONSISTENCY.match(message.code):
        concept = named[0] if named else str(message.args.get("concept", "")) or None
        return Diagnostic(
            code=message.code, severity=Severity.WARNING,
            message=(f"the source's own arithmetic does not add up: {concept} is "
                     f"{_amount(message.args.get('reportedSum'))} but its items sum to "
                     f"{_amount(message.args.get('computedSum'))} "
                     f"(context {message.args.get('contextID')}"
                     + (f", source line {line})" if line is not None else ")")),
            source_line=line, concept=concept)
    if message.level >= ERROR_LEVEL or message.level == INCONSISTENCY_LEVEL:
        severity = Severity.ERROR
    elif message.level >= logging.WARNING:
        severity = Severity.WARNING
    else:
        return None
    return Diagnostic(code=message.code or "arelle", severity=severity, message=message.text,
                      source_line=line, concept=named[0] if named else None, fact=fact)


def _amount(text: object) -> str:
    """Arelle's Calc 1.1 interval "[8187500, 8188500]" as the amount it stands for (8188000)."""
    match = INTERVAL.match(str(text))
    if match is None:
        return str(text)
    low, high = (Decimal(g.replace(",", "")) for g in match.groups())
    return format(((low + high) / 2).normalize(), "f")
