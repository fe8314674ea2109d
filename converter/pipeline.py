"""read → map → facts → checks → write → validate → report, for one document.

Beside report.json goes review.html, the review page built from it. With `viewer`,
the validating Arelle run also writes `<stem>-viewer.htm`, Arelle's
iXBRL viewer of the Inline XBRL document (which `viewer` therefore implies).

Outputs are written into a temporary folder beside OUTDIR and moved into place
only when everything worked, so a failure never leaves a half-written OUTDIR.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from converter.checks import run_checks
from converter.errors import InputError
from converter.facts import build_report
from converter.facts.dei import cover_hint, load_cover
from converter.facts.rules import load_efm_rules
from converter.mapping import Mapper, Overrides, load_overrides
from converter.mapping.balances import align_balances
from converter.model import Diagnostic, Document, Entity, Mapping, Severity, XbrlReport
from converter.readers import read_document
from converter.report import mapping_rows, render_report
from converter.taxonomy.catalog import load_catalog
from converter.taxonomy.package import default_package
from converter.validate import Validator
from converter.viewer import viewer_name, viewer_script
from converter.writers import write_formats
from converter.writers.review import REVIEW_NAME, render_review

UNKNOWN_CIK = "0000000000"
DEFAULT_FORM = "8-K"
MAX_INPUT_BYTES = 64 * 1024 * 1024  # the largest shared filing is 2 MB; reading is about 3 MB/s


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
    efm_plugin: Path | None = None  # the EDGAR plug-in's folder: validation also runs the EFM checks
    cover: Path | None = None  # a YAML/JSON cover file: dei values the source does not give
    viewer: bool = False  # also write <stem>-viewer.htm (needs the viewer extra; implies ixbrl)


@dataclass(frozen=True)
class ConvertResult:
    outdir: Path
    instance: Path
    report: Path
    facts: int
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    timings: tuple[tuple[str, float], ...] = ()  # seconds per stage: read, map, facts, write, validate

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)


ARTICLES = frozenset({"the", "a", "an"})


def _prefix(options: ConvertOptions, ticker: str | None, name: str | None) -> str:
    """The extension prefix: --prefix, else the ticker, else the name's first significant word."""
    words = [w for w in (name or "").split() if w.lower() not in ARTICLES]
    for candidate in (options.prefix, ticker, words[0] if words else None):
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
    return Entity(cik=cik.zfill(10), name=name, prefix=prefix,
                  namespace=load_efm_rules().namespace_for(prefix, period_end), ticker=ticker)


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


@lru_cache(maxsize=4)
def _overrides(path: Path) -> Overrides:
    """A mapping file, read and checked once per process (a batch maps many documents with it)."""
    return load_overrides(path)


@lru_cache(maxsize=1)
def shared_mapper() -> Mapper:
    """The mapper with the shipped catalog and indexes, built once per process."""
    return Mapper(load_catalog())


def _map(document: Document, options: ConvertOptions, entity: Entity,
         mapper: Mapper | None = None) -> tuple[tuple[Mapping, ...], ...]:
    overrides = _overrides(options.mapping.resolve()).for_company(entity.cik) if options.mapping else None
    mapper = (mapper or shared_mapper()).for_document(entity.prefix, overrides)
    return align_balances(document, [mapper.map_statement(statement) for statement in document.statements])


class _Clock:
    """Seconds spent in each stage, in order."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._start = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps.append((stage, now - self._start))
        self._start = now


def _validated_files(stem: str, written: Sequence[Path]) -> tuple[Path, ...]:
    """The XBRL instance and the Inline XBRL document when written; else the first OIM report."""
    names = {path.name: path for path in written}
    primary = tuple(names[f"{stem}{suffix}"] for suffix in (".xml", ".htm") if f"{stem}{suffix}" in names)
    if primary:
        return primary
    return tuple(names[f"{stem}{suffix}"] for suffix in (".json", "-csv.json") if f"{stem}{suffix}" in names)[:1]


def _add_validation(validator: Validator, files: Sequence[Path], fact_lines: dict[str, int],
                    diagnostics: list[Diagnostic], viewer: Path | None = None) -> None:
    """Arelle's findings on each file; what one file repeats of an earlier one is listed once.
    With `viewer`, the run on the Inline XBRL document writes the viewer there."""
    seen: set[Diagnostic] = set()
    for path in files:
        for diagnostic in validator.validate(path, fact_lines, viewer=viewer if path.suffix == ".htm" else None):
            if diagnostic not in seen:
                seen.add(diagnostic)
                diagnostics.append(diagnostic)


def _check_size(path: Path) -> None:
    """InputError for a file over MAX_INPUT_BYTES, before a byte of it is read."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # read_document names the reason the file cannot be read
    if size > MAX_INPUT_BYTES:
        raise InputError(f"the file is {size / 2**20:.0f} MiB, over the {MAX_INPUT_BYTES // 2**20} MiB limit",
                         file=path, hint="pass the document that holds the statements (e.g. the EX-99 "
                                         "exhibit) rather than the whole submission")


@dataclass(frozen=True)
class Prepared:
    """A document read, mapped, turned into facts and checked: everything but the files."""

    document: Document
    mappings: tuple[tuple[Mapping, ...], ...]
    report: XbrlReport
    diagnostics: tuple[Diagnostic, ...]  # the reader's, the conversion's notes and the self-checks'


def prepare(options: ConvertOptions, clock: _Clock | None = None, mapper: Mapper | None = None) -> Prepared:
    """read → map → facts → checks for `options.input` (nothing is written); `mapper` defaults to
    the shipped one (benchmarks pass one that never saw the document's company)."""
    clock = clock or _Clock()
    _check_size(Path(options.input))
    document = read_document(options.input)
    clock.lap("read")
    notes: list[Diagnostic] = []
    period_end = _period_end(document)
    entity = _entity(options, document, period_end, notes)
    mappings = _map(document, options, entity, mapper)
    clock.lap("map")
    form = options.form or document.meta.form_type
    if not form:
        notes.append(Diagnostic("xbrlconv.formUnknown", Severity.INFO,
                                f"no form type in the document: DocumentType is {DEFAULT_FORM}; pass --form"))
        form = DEFAULT_FORM
    cover = load_cover(options.cover) if options.cover is not None else None
    report = build_report(document, mappings, entity, form, period_end, cover)
    checks = run_checks(document, mappings, report)
    clock.lap("facts")
    return Prepared(document, mappings, report,
                    (*document.diagnostics, *notes, *report.diagnostics, *checks))


@contextmanager
def _session(validator: Validator | None, package: Path, efm_plugin: Path | None) -> Iterator[Validator]:
    """The warm session given, else one of our own for this conversion."""
    if validator is not None:
        yield validator
        return
    with Validator(package, efm_plugin=efm_plugin) as own:
        yield own


def convert(options: ConvertOptions, validator: Validator | None = None) -> ConvertResult:
    clock = _Clock()
    formats = options.formats
    if options.viewer:
        viewer_script()  # a usage error before any work when the extra is missing
        formats = formats if "ixbrl" in formats else (*formats, "ixbrl")
    prepared = prepare(options, clock)
    document, mappings, report = prepared.document, prepared.mappings, prepared.report
    package = options.taxonomy_package or default_package()
    with _staging(options.outdir) as staging:
        written = write_formats(formats, report, document, staging)
        checked = _validated_files(report.stem, written)
        instance = checked[0]
        viewer = staging / viewer_name(report.stem) if options.viewer else None
        clock.lap("write")
        diagnostics: list[Diagnostic] = list(prepared.diagnostics)
        if options.validate or viewer is not None:
            with _session(validator, package, options.efm_plugin) as session:
                if options.validate:
                    _add_validation(session, checked, report.fact_lines, diagnostics, viewer)
                elif viewer is not None:
                    session.save_viewer(staging / f"{report.stem}.htm", viewer)
            diagnostics = [cover_hint(d) for d in diagnostics]
        clock.lap("validate")
        rows = mapping_rows(document, mappings)
        report_json = render_report(source=options.input, instance=instance.name, taxonomy_package=package,
                                    report=report, rows=rows, diagnostics=diagnostics)
        (staging / "report.json").write_text(report_json, encoding="utf-8")
        (staging / REVIEW_NAME).write_text(render_review(report_json, document), encoding="utf-8")
        _publish(staging, options.outdir)
    clock.lap("write")
    outdir = options.outdir.resolve()
    return ConvertResult(outdir=outdir, instance=outdir / instance.name, report=outdir / "report.json",
                         facts=len(report.facts), diagnostics=tuple(diagnostics), timings=_merged(clock.laps))


def _merged(laps: list[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    totals: dict[str, float] = {}
    for stage, seconds in laps:
        totals[stage] = totals.get(stage, 0.0) + seconds
    return tuple(totals.items())
