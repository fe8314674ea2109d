"""Validate a written report with Arelle, offline, against the shipped taxonomy package.

This is the only module that imports Arelle. One `arelle.api.Session` stays
warm across calls; Arelle's log goes to an in-memory handler and comes back as
`Diagnostic`s. On request the same run writes Arelle's iXBRL viewer of an Inline
XBRL document (the optional plug-in, see `converter.viewer`). Calculation 1.1 inconsistencies are arithmetic slips in the
source document: warnings naming the total, the sum found and the source line.
Any other message at error level is an error.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import TracebackType

from arelle import PackageManager, PluginManager
from arelle.api.Session import Session
from arelle.ModelInstanceObject import ModelFact
from arelle.ModelValue import dateunionDate
from arelle.RuntimeOptions import RuntimeOptions, RuntimeOptionsException
from lxml import etree

from converter.errors import TaxonomyError, ValidationSetupError
from converter.model import Diagnostic, Severity
from converter.taxonomy.package import default_package
from converter.taxonomy.subset import subset_package
from converter.viewer import PLUGIN, plugin_options

CALC_INCONSISTENCY = re.compile(
    r"^(calc11e:inconsistentCalculationUsing\w+|xbrl\.5\.2\.5\.2:calcInconsistency)$")
ERROR_LEVEL = logging.ERROR - 2  # Arelle's ERROR-SEMANTIC and above
INCONSISTENCY_LEVEL = logging.WARNING + 3  # Arelle's INCONSISTENCY
INTERVAL = re.compile(r"^[\[(]\s*(-?[\d,.]+)\s*,\s*(-?[\d,.]+)\s*[\])]$")
XHTML = "http://www.w3.org/1999/xhtml"
INLINE_FACT_TAGS = tuple(f"{{http://www.xbrl.org/2013/inlineXBRL}}{tag}" for tag in ("nonFraction", "nonNumeric"))
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
FRAGMENT = re.compile(r"#([A-Za-z_][\w.-]*)$")
US_GAAP_REFERENCE = re.compile(
    rb"us-gaap-2024\.xsd#us-gaap_([A-Za-z0-9_]+)|<us-gaap:([A-Za-z0-9_]+)[\s>]|[\"']us-gaap:([A-Za-z0-9_]+)[\"']")
REFERENCING_SUFFIXES = (".xml", ".xsd", ".htm", ".json")


@dataclass(frozen=True, order=True)
class FactRow:
    """A fact as Arelle's model holds it, comparable across instance, Inline XBRL and OIM forms.

    Names are in Clark notation (`{namespace}Local`), so prefixes do not matter; the
    period is `YYYY-MM-DD` or `start--end` with XBRL's inclusive end dates.
    """

    concept: str
    period: str
    unit: str  # "" for non-numeric facts; "{ns}num*{ns}num/{ns}denom" otherwise
    decimals: str  # "" for non-numeric facts
    value: str  # numbers in plain notation, normalised (8188000, 0.02)


@dataclass(frozen=True)
class _Message:
    code: str
    level: int
    text: str
    args: Mapping[str, object]
    fact_ids: tuple[str, ...]


class _BufferHandler(logging.Handler):
    """Keeps Arelle's log records as data; nothing is printed.

    `logRecordBuffer` (the name Arelle's buffering handler uses) holds what the iXBRL
    viewer plug-in lists as validation messages: the records above INFO, their text
    without the folder of the file being validated (a staging folder of random name).
    """

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.messages: list[_Message] = []
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
        self.messages.append(_Message(code=code, level=record.levelno, text=text, args=args,
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


class _PackagesConfig(dict[str, object]):
    """Arelle's package configuration that survives the reset `Session.run` does first.

    arelle-release 2.47 clears the package manager's configuration at the start of
    every `Session.run` but only re-creates it when a controller is constructed,
    so a warm session fails on its second run with packages (KeyError 'packages').
    Clearing this dict leaves the empty structure a fresh controller would have.
    """

    def __init__(self) -> None:
        super().__init__(packages=[], remappings={})

    def clear(self) -> None:
        super().clear()
        self.update(packages=[], remappings={})


class _PluginsConfig(dict[str, object]):
    """Arelle's plug-in configuration, kept whole across `Session.run`'s reset (as `_PackagesConfig`)."""

    def __init__(self) -> None:
        super().__init__(modules={}, classes={})

    def clear(self) -> None:
        super().clear()
        self.update(modules={}, classes={})


class Validator:
    """Validates instances with one warm Arelle session; use as a context manager or `close()`.

    With the shipped package, each filing is validated against a subset of it that
    declares just the us-gaap concepts the filing's files refer to, with the same
    declarations byte for byte (`converter.taxonomy.subset`): Arelle checks every
    concept of the DTS on each run, which costs seconds for all 17,388 concepts and
    milliseconds for a filing's few dozen. A package the user names is used whole.
    """

    def __init__(self, package: Path, *, subset: bool = True) -> None:
        self.package = Path(package)
        if not self.package.is_file():
            raise ValidationSetupError(
                f"taxonomy package not found: {self.package}", file=self.package,
                hint="reinstall xbrlconv (it ships taxonomy/packages/) or pass an existing zip")
        self._subset = subset and self.package.resolve() == default_package().resolve()
        self._subsets: dict[frozenset[str], Path] = {}
        self._workdir: tempfile.TemporaryDirectory[str] | None = None
        self._session = Session()
        self._handler = _BufferHandler()

    def __enter__(self) -> Validator:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

    def _package_for(self, instance: Path) -> Path:
        """The package to validate `instance` with: the subset for its concepts, or the whole."""
        if not self._subset:
            return self.package
        names = frozenset(_referenced_concepts(instance.parent))
        if names not in self._subsets:
            if self._workdir is None:
                self._workdir = tempfile.TemporaryDirectory(prefix="xbrlconv-subset-")
            out = Path(self._workdir.name) / f"subset-{len(self._subsets)}.zip"
            try:
                self._subsets[names] = subset_package(names, out, self.package)
            except TaxonomyError:
                # a name us-gaap 2024 lacks: validate against the whole package so that
                # Arelle itself reports the unknown concept where the filing uses it
                self._subsets[names] = self.package
        return self._subsets[names]

    def validate(self, instance: Path, fact_lines: Mapping[str, int], *,
                 viewer: Path | None = None) -> tuple[Diagnostic, ...]:
        """Arelle's messages about `instance`; `fact_lines` maps fact ids to source lines. With
        `viewer`, the same run writes there Arelle's iXBRL viewer of `instance` (an Inline XBRL
        document) with these messages in it, and the viewer script beside it."""
        messages = self._run(instance, keep_open=False, viewer=viewer)
        concepts = _fact_concepts(instance)
        return tuple(d for d in (_diagnostic(m, fact_lines, concepts) for m in messages)
                     if d is not None)

    def save_viewer(self, ixbrl: Path, viewer: Path) -> None:
        """Arelle's iXBRL viewer of the Inline XBRL document `ixbrl`, without validating it."""
        self._run(ixbrl, keep_open=False, validate=False, viewer=viewer)

    def read_facts(self, instance: Path) -> dict[str, Decimal | str]:
        """The value Arelle reads for each fact id of `instance` (numbers as Decimal)."""
        self._run(instance, keep_open=True)
        values: dict[str, Decimal | str] = {}
        for model in self._session.get_models():
            for fact in model.facts:
                value = fact.xValue
                values[str(fact.id)] = value if isinstance(value, Decimal) else str(fact.value)
            model.modelManager.close(model)
        return values

    def read_fact_rows(self, report_file: Path) -> tuple[FactRow, ...]:
        """Every fact Arelle reads from an instance, Inline XBRL document or OIM report, sorted."""
        self._run(report_file, keep_open=True)
        rows: list[FactRow] = []
        for model in self._session.get_models():
            rows.extend(_fact_row(fact) for fact in model.facts)
            model.modelManager.close(model)
        return tuple(sorted(rows))

    def _run(self, instance: Path, *, keep_open: bool, validate: bool = True,
             viewer: Path | None = None) -> tuple[_Message, ...]:
        try:
            options = RuntimeOptions(
                entrypointFile=str(instance), packages=[str(self._package_for(instance))],
                validate=validate and not keep_open, calcs="c11r", utrValidate=True,
                internetConnectivity="offline", logFile="logToBuffer", disablePersistentConfig=True,
                keepOpen=keep_open, logPropagate=False, plugins=PLUGIN if viewer else None,
                pluginOptions=plugin_options(viewer) if viewer else None)
        except RuntimeOptionsException as exc:
            raise ValidationSetupError(f"Arelle rejected the validation options: {exc}",
                                       file=self.package) from exc
        self._handler.clear()
        self._handler.folder = instance.resolve().parent
        PackageManager.getInstance().packagesConfig = _PackagesConfig()
        PluginManager.getInstance().pluginConfig = _PluginsConfig()
        self._session.run(options, logHandler=self._handler)
        messages = tuple(self._handler.messages)
        self._handler.clear()
        _check_setup(messages, self.package)
        if viewer is not None and not viewer.is_file():
            said = "; ".join(m.text for m in messages if m.code.startswith(("viewer:", "arelle:plugin")))
            raise ValidationSetupError(f"Arelle's iXBRL viewer plug-in wrote no viewer ({said or 'no message'})",
                                       file=instance, hint="reinstall the viewer extra: pip install "
                                                           "'xbrlconv[viewer]'")
        return messages


def _referenced_concepts(folder: Path) -> set[str]:
    """us-gaap concept names the instance and linkbases in `folder` refer to."""
    names: set[str] = set()
    for path in folder.iterdir():
        if path.suffix in REFERENCING_SUFFIXES:
            for match in US_GAAP_REFERENCE.finditer(path.read_bytes()):
                names.add(next(g for g in match.groups() if g).decode("ascii"))
    return names


def _fact_row(fact: ModelFact) -> FactRow:
    context = fact.context
    if context.isInstantPeriod:
        period = dateunionDate(context.instantDatetime, subtractOneDay=True).isoformat()
    else:
        period = (f"{dateunionDate(context.startDatetime).isoformat()}--"
                  f"{dateunionDate(context.endDatetime, subtractOneDay=True).isoformat()}")
    if not fact.isNumeric:
        return FactRow(fact.qname.clarkNotation, period, "", "", str(fact.value))
    numerators, denominators = fact.unit.measures
    unit = "*".join(sorted(q.clarkNotation for q in numerators))
    if denominators:
        unit += "/" + "*".join(sorted(q.clarkNotation for q in denominators))
    value = fact.xValue
    text = format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
    return FactRow(fact.qname.clarkNotation, period, unit, str(fact.decimals), text)


def _check_setup(messages: tuple[_Message, ...], package: Path) -> None:
    for message in messages:
        if message.code.startswith(("tpe:", "arelle:packageError", "arelle:packageLoadingError")) \
                or (message.code == "IOerror" and "package" in message.text.lower()):
            raise ValidationSetupError(
                f"Arelle could not use the taxonomy package {package}: "
                f"[{message.code}] {message.text}",
                file=package, hint="rebuild or reinstall the taxonomy package")


def _fact_concepts(instance: Path) -> dict[str, str]:
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


def _diagnostic(message: _Message, fact_lines: Mapping[str, int],
                concepts: Mapping[str, str]) -> Diagnostic | None:
    lines = [fact_lines[f] for f in message.fact_ids if f in fact_lines]
    line = lines[0] if lines else None
    named = [concepts[f] for f in message.fact_ids if f in concepts]
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
                      source_line=line, concept=named[0] if named else None)


def _amount(text: object) -> str:
    """Arelle's Calc 1.1 interval "[8187500, 8188500]" as the amount it stands for (8188000)."""
    match = INTERVAL.match(str(text))
    if match is None:
        return str(text)
    low, high = (Decimal(g.replace(",", "")) for g in match.groups())
    return format(((low + high) / 2).normalize(), "f")
