"""read → map → facts → write → validate → report, for one document.

Outputs are written into a temporary folder beside OUTDIR and moved into place
only when everything worked, so a failure never leaves a half-written OUTDIR.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from converter.errors import InputError
from converter.facts import build_report
from converter.mapping import Mapper, load_overrides
from converter.model import Diagnostic, Document, Entity, Mapping, Severity
from converter.readers import read_document
from converter.report import mapping_rows, render_report
from converter.taxonomy.catalog import load_catalog
from converter.taxonomy.package import default_package
from converter.validate import Validator
from converter.writers import WRITERS

UNKNOWN_CIK = "0000000000"
DEFAULT_FORM = "8-K"


@dataclass(frozen=True)
class ConvertOptions:
    input: Path
    outdir: Path
    cik: str | None = None
    name: str | None = None
    ticker: str | None = None
    form: str | None = None
    prefix: str | None = None
    mapping: Path | None = None
    taxonomy_package: Path | None = None
    formats: tuple[str, ...] = ("xbrl",)
    validate: bool = True


@dataclass(frozen=True)
class ConvertResult:
    outdir: Path
    instance: Path
    report: Path
    facts: int
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)


def _prefix(options: ConvertOptions, ticker: str | None, name: str | None) -> str:
    for candidate in (options.prefix, ticker, (name or "").split()[0] if name else None):
        if candidate:
            slug = re.sub(r"[^a-z]", "", candidate.lower())[:12]
            if slug:
                return slug
    return "ext"


def _period_end(document: Document) -> date:
    ends = [column.period.end for statement in document.statements for column in statement.columns]
    if ends:
        return max(ends)
    if document.meta.period_of_report:
        return document.meta.period_of_report
    raise InputError("no dated statement columns", file=document.meta.source,
                     hint="the statements need period headers")


def _entity(options: ConvertOptions, document: Document, period_end: date,
            notes: list[Diagnostic]) -> Entity:
    meta = document.meta
    cik = options.cik or meta.cik
    if not cik:
        notes.append(Diagnostic("xbrlconv.cikUnknown", Severity.WARNING,
                                f"no CIK in the document: EntityCentralIndexKey is {UNKNOWN_CIK}; pass --cik"))
        cik = UNKNOWN_CIK
    if not cik.isdigit() or len(cik) > 10:
        raise InputError(f"CIK {cik!r} is not up to 10 digits", file=options.input, hint="pass --cik with the SEC CIK")
    name = options.name or meta.company_name
    if not name:
        notes.append(Diagnostic("xbrlconv.nameUnknown", Severity.WARNING,
                                "no company name in the document; pass --name"))
        name = "Unknown registrant"
    ticker = options.ticker or meta.ticker
    prefix = _prefix(options, ticker, name)
    stamp = period_end.strftime("%Y%m%d")
    return Entity(cik=cik.zfill(10), name=name, prefix=prefix,
                  namespace=f"http://xbrlconv.invalid/{prefix}/{stamp}", ticker=ticker)


@contextmanager
def _staging(outdir: Path) -> Iterator[Path]:
    """A fresh folder beside OUTDIR; moved into place by `_publish`, removed on failure."""
    parent = outdir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", dir=parent))
    try:
        yield staging
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _publish(staging: Path, outdir: Path) -> None:
    outdir = outdir.resolve()
    if outdir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.old.", dir=outdir.parent))
        os.replace(outdir, old / outdir.name)
        os.replace(staging, outdir)
        shutil.rmtree(old)
    else:
        os.replace(staging, outdir)


def _map(document: Document, options: ConvertOptions, prefix: str) -> tuple[tuple[Mapping, ...], ...]:
    overrides = load_overrides(options.mapping) if options.mapping else None
    mapper = Mapper(load_catalog(), overrides, extension_prefix=prefix)
    return tuple(mapper.map_statement(statement) for statement in document.statements)


def convert(options: ConvertOptions, validator: Validator | None = None) -> ConvertResult:
    document = read_document(options.input)
    notes: list[Diagnostic] = []
    period_end = _period_end(document)
    entity = _entity(options, document, period_end, notes)
    mappings = _map(document, options, entity.prefix)
    form = options.form or document.meta.form_type
    if not form:
        notes.append(Diagnostic("xbrlconv.formUnknown", Severity.INFO,
                                f"no form type in the document: DocumentType is {DEFAULT_FORM}; pass --form"))
        form = DEFAULT_FORM
    report = build_report(document, mappings, entity, form, period_end)
    package = options.taxonomy_package or default_package()
    with _staging(options.outdir) as staging:
        written: list[Path] = []
        for fmt in options.formats:
            written.extend(WRITERS[fmt](report, staging))
        instance = staging / f"{report.stem}.xml"
        diagnostics: list[Diagnostic] = [*document.diagnostics, *notes, *report.diagnostics]
        if options.validate:
            if validator is None:
                with Validator(package) as own:
                    diagnostics.extend(own.validate(instance, report.fact_lines))
            else:
                diagnostics.extend(validator.validate(instance, report.fact_lines))
        rows = mapping_rows(document, mappings)
        (staging / "report.json").write_text(
            render_report(source=options.input, instance=instance.name, taxonomy_package=package,
                          report=report, rows=rows, diagnostics=diagnostics),
            encoding="utf-8")
        _publish(staging, options.outdir)
    outdir = options.outdir.resolve()
    return ConvertResult(outdir=outdir, instance=outdir / instance.name, report=outdir / "report.json",
                         facts=len(report.facts), diagnostics=tuple(diagnostics))

