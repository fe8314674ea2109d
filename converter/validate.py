"""Validate a written report with Arelle, offline, against the shipped taxonomy package.

This is the only module that imports Arelle. One `arelle.api.Session` stays
warm across calls; Arelle's log goes to an in-memory handler and comes back as
`Diagnostic`s. On request the same run writes Arelle's iXBRL viewer of an Inline
XBRL document (the optional plug-in, see `converter.viewer`). Calculation 1.1
inconsistencies are arithmetic slips in the source document: warnings naming the
total, the sum found and the source line.
Any other message at error level is an error. With the SEC's Arelle EDGAR plug-in
(`converter.efm`), the same run also applies the EDGAR Filer Manual and DQC rules,
after the XBRL 2.1 and Calculation 1.1 checks; their findings keep the plug-in's
codes and levels.
"""

from __future__ import annotations

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

from converter.arelle_log import BufferHandler, Message, diagnostic, fact_concepts
from converter.efm import DISCLOSURE_SYSTEM, offline_label_gap
from converter.errors import TaxonomyError, ValidationSetupError
from converter.facts.rules import load_efm_rules
from converter.model import Diagnostic
from converter.taxonomy.package import default_package
from converter.taxonomy.subset import declared_concepts, extension_names, referenced_concepts, subset_package
from converter.viewer import PLUGIN, plugin_options

PLUGIN_FAILURES = ("arelle:pluginParameterError", "arelle:pluginLoadError")


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
    """Arelle's plug-in configuration, surviving `Session.run`'s reset the same way (KeyError 'modules')."""

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

    With `efm_plugin` (the EDGAR plug-in's folder, see `converter.efm.find_plugin`) every
    validation also runs the EDGAR Filer Manual checks (disclosure system efm-pragmatic);
    the subset then also declares the us-gaap concepts whose names extension concepts
    repeat, so that EFM 6.7.16 sees them.
    """

    def __init__(self, package: Path, *, subset: bool = True, efm_plugin: Path | None = None) -> None:
        self.package = Path(package)
        if not self.package.is_file():
            raise ValidationSetupError(
                f"taxonomy package not found: {self.package}", file=self.package,
                hint="reinstall xbrlconv (it ships taxonomy/packages/) or pass an existing zip")
        self._shipped = self.package.resolve() == default_package().resolve()
        self._subset = subset and self._shipped
        self.efm_plugin = efm_plugin
        self._subsets: dict[frozenset[str], Path] = {}
        self._workdir: tempfile.TemporaryDirectory[str] | None = None
        self._session = Session()
        self._handler = BufferHandler()

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
        names = frozenset(referenced_concepts(instance.parent))
        if self.efm_plugin is not None:
            names |= extension_names(instance.parent) & declared_concepts(self.package)
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
        concepts = fact_concepts(instance)
        diagnostics = tuple(d for d in (diagnostic(m, fact_lines, concepts) for m in messages)
                            if d is not None)
        if self.efm_plugin is None or not self._shipped:
            return diagnostics
        gaps = load_efm_rules().label_gaps
        return tuple(offline_label_gap(d, gaps) for d in diagnostics)

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
             viewer: Path | None = None) -> tuple[Message, ...]:
        validate = validate and not keep_open
        efm = self.efm_plugin is not None and validate
        plugins = [*([str(self.efm_plugin)] if efm else []), *([PLUGIN] if viewer else [])]
        try:
            options = RuntimeOptions(
                entrypointFile=str(instance), packages=[str(self._package_for(instance))], validate=validate,
                calcs="c11r", utrValidate=True, internetConnectivity="offline", logFile="logToBuffer",
                disablePersistentConfig=True, keepOpen=keep_open, logPropagate=False,
                plugins="|".join(plugins) or None,
                pluginOptions=plugin_options(viewer) if viewer else None,
                disclosureSystemName=DISCLOSURE_SYSTEM if efm else None)
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
        if efm:
            _check_plugin(messages, self.efm_plugin)
        if viewer is not None and not viewer.is_file():
            said = "; ".join(m.text for m in messages if m.code.startswith(("viewer:", "arelle:plugin")))
            raise ValidationSetupError(f"Arelle's iXBRL viewer plug-in wrote no viewer ({said or 'no message'})",
                                       file=instance, hint="reinstall the viewer extra: pip install "
                                                           "'xbrlconv[viewer]'")
        return messages


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


def _check_setup(messages: tuple[Message, ...], package: Path) -> None:
    for message in messages:
        if message.code.startswith(("tpe:", "arelle:packageError", "arelle:packageLoadingError")) \
                or (message.code == "IOerror" and "package" in message.text.lower()):
            raise ValidationSetupError(
                f"Arelle could not use the taxonomy package {package}: "
                f"[{message.code}] {message.text}",
                file=package, hint="rebuild or reinstall the taxonomy package")


def _check_plugin(messages: tuple[Message, ...], plugin: Path | None) -> None:
    for message in messages:
        if message.code in PLUGIN_FAILURES:
            raise ValidationSetupError(f"Arelle could not load the EDGAR plug-in {plugin}: {message.text}",
                                       file=plugin, hint="pass the validate/ folder of the Arelle/EDGAR "
                                                         "repository with --efm-plugin")
