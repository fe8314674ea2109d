"""The `xbrlconv` command line.

Every failure becomes one line on stderr and a documented exit code; no
traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from converter import __version__
from converter.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, UsageError, XbrlconvError
from converter.writers import FORMATS

EXIT_CODES = f"""exit codes:
  {EXIT_OK}  converted (or validated) and valid; source-arithmetic slips are warnings in report.json
  {EXIT_INVALID}  validation found errors (listed in report.json)
  {EXIT_BAD_INPUT}  bad input or usage: empty, binary or statement-less document, unknown option, bad mapping file
  {EXIT_INTERNAL}  internal error (a bug: please report it with the input document)
"""


VIEWER_HELP = ("also write <prefix>-<yyyymmdd>-viewer.htm, Arelle's iXBRL viewer of the Inline XBRL "
               "output (implies it), with its script beside it: opens offline (pip install 'xbrlconv[viewer]')")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would exit 2 with its own text; keep one line
        raise UsageError(message, hint=f"see `{self.prog} --help`")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="xbrlconv", description="Convert the financial statements in SEC EDGAR "
                     "documents into validated XBRL.", epilog=EXIT_CODES,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"xbrlconv {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    convert = commands.add_parser("convert", help="convert one EDGAR document", epilog=EXIT_CODES,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    convert.add_argument("input", type=Path, help="an EDGAR document or full submission (.txt)")
    convert.add_argument("-o", "--outdir", type=Path, required=True, help="folder for the outputs")
    convert.add_argument("--cik", help="SEC CIK (overrides the SEC header)")
    convert.add_argument("--name", help="registrant name (overrides the SEC header)")
    convert.add_argument("--ticker", help="trading symbol")
    convert.add_argument("--form", help="form type for DocumentType, e.g. 10-Q, 8-K")
    convert.add_argument("--prefix", help="extension prefix (default: ticker or first word of the name)")
    convert.add_argument("--mapping", type=Path, help="mapping override file (YAML or JSON)")
    convert.add_argument("--cover", type=Path, metavar="FILE",
                         help="cover file (YAML or JSON): dei values the source does not give, e.g. "
                              "'EntityEmergingGrowthCompany: false'; they override the SEC header's")
    convert.add_argument("--taxonomy-package", type=Path,
                         help="taxonomy package zip for validation (default: the shipped offline package)")
    convert.add_argument("--format", choices=(*FORMATS, "all"), default="xbrl",
                         help="output format: xbrl (XBRL 2.1 instance), ixbrl (Inline XBRL), json "
                              "(xBRL-JSON), csv (xBRL-CSV) or all; each comes with the extension "
                              "taxonomy (default: xbrl)")
    convert.add_argument("--no-validate", action="store_true", help="skip Arelle validation")
    _add_efm(convert)
    convert.add_argument("--viewer", action="store_true", help=VIEWER_HELP)

    _add_batch(commands)

    validate = commands.add_parser("validate", help="validate an XBRL instance offline", epilog=EXIT_CODES,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    validate.add_argument("instance", type=Path, help="an XBRL instance or Inline XBRL document")
    validate.add_argument("--taxonomy-package", type=Path)
    _add_efm(validate)

    map_labels = commands.add_parser("map-labels", help="map JSON-lines rows to concepts (stdout)")
    map_labels.add_argument("rows", type=Path, help="JSON lines: id, label, statement, section, period_type")

    taxonomy = commands.add_parser("taxonomy", help="taxonomy data")
    taxonomy_commands = taxonomy.add_subparsers(dest="taxonomy_command", required=True, parser_class=_Parser)
    build = taxonomy_commands.add_parser("build", help="rebuild taxonomy/ from the official sources")
    build.add_argument("--sources", type=Path, required=True,
                       help="folder with us-gaap-2024/, fintagging/, arelle-edgar/ (and corpus evidence)")
    build.add_argument("--corpus", type=Path, help="folder of real filings used as evidence")
    return parser


def _add_efm(command: argparse.ArgumentParser) -> None:
    command.add_argument("--efm", action="store_true",
                         help="also run the SEC's EDGAR Filer Manual and DQC checks (the Arelle EDGAR plug-in, "
                              "disclosure system efm-pragmatic)")
    command.add_argument("--efm-plugin", type=Path, metavar="DIR",
                         help="the EDGAR plug-in's validate/ folder (default: $XBRLCONV_EFM_PLUGIN)")


def _efm_plugin(args: argparse.Namespace) -> Path | None:
    """The EDGAR plug-in folder when --efm is given (a usage error when it cannot be found)."""
    from converter.efm import find_plugin

    if not args.efm:
        if args.efm_plugin is not None:
            raise UsageError("--efm-plugin without --efm", hint="add --efm to run the EDGAR checks")
        return None
    return find_plugin(args.efm_plugin)


BATCH_EXIT_CODES = f"""exit codes:
  {EXIT_OK}  every document converted and valid
  {EXIT_INVALID}  some document converted but validation found errors (status "invalid" in batch.jsonl)
  {EXIT_BAD_INPUT}  some document failed (status "failed": empty, binary, statement-less, too large…),
     or bad usage; the other documents are converted all the same
  {EXIT_INTERNAL}  some document failed on an internal error (a bug: please report it with the document)

outputs: OUT_DIR/<path under INPUT_DIR, file name included>/ per document (INPUT_DIR/a/doc.txt ->
OUT_DIR/a/doc.txt/), and OUT_DIR/batch.jsonl: one JSON line per document (path, sha256, status, error,
facts, errors, warnings, seconds per stage, peak_rss_mb), then a summary line.
"""


def _add_batch(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    batch = commands.add_parser("batch", help="convert every document under a folder", epilog=BATCH_EXIT_CODES,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    batch.add_argument("input_dir", type=Path, help="folder of documents (*.txt, *.htm, *.html, any depth)")
    batch.add_argument("-o", "--outdir", type=Path, required=True, help="folder for the outputs and batch.jsonl")
    batch.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                       help="worker processes (default: the number of CPUs)")
    batch.add_argument("--resume", action="store_true",
                       help="skip documents batch.jsonl records as converted from the same bytes (sha256)")
    batch.add_argument("--format", choices=(*FORMATS, "all"), default="xbrl", help="output format (as convert)")
    batch.add_argument("--taxonomy-package", type=Path,
                       help="taxonomy package zip for validation (default: the shipped offline package)")
    batch.add_argument("--no-validate", action="store_true", help="skip Arelle validation")
    batch.add_argument("--viewer", action="store_true", help="as convert: each document's iXBRL viewer")
    batch.add_argument("--timeout", type=float, default=600.0,
                       help="seconds allowed per document before it is recorded as failed (default: 600)")
    batch.add_argument("--executor", choices=("local", "dask"), default="local",
                       help="local worker processes, or a Dask cluster (needs xbrlconv[dist])")
    batch.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")


def _batch(args: argparse.Namespace) -> int:
    from converter.batch import BatchOptions, run_batch
    from converter.executors.worker import WorkerConfig

    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    if args.timeout <= 0:
        raise UsageError(f"--timeout must be positive, not {args.timeout:g}")
    _check_package(args.taxonomy_package)
    if args.viewer:
        from converter.viewer import viewer_script

        viewer_script()  # a missing extra is one usage error, not one failure per document
    worker = WorkerConfig(formats=FORMATS if args.format == "all" else (args.format,),
                          validate=not args.no_validate, taxonomy_package=args.taxonomy_package,
                          timeout=args.timeout, viewer=args.viewer)
    summary = run_batch(BatchOptions(input_dir=args.input_dir, outdir=args.outdir, jobs=args.jobs,
                                     resume=args.resume, worker=worker, executor=args.executor,
                                     scheduler=args.scheduler))
    print(summary.line())
    return summary.exit_code


def _check_package(package: Path | None) -> None:
    if package is not None and not package.is_file():
        raise UsageError("no such taxonomy package", file=package,
                         hint="pass the path of a taxonomy package zip, e.g. the official FASB 2024 zip")


def _convert(args: argparse.Namespace) -> int:
    from converter.pipeline import ConvertOptions, convert

    _check_package(args.taxonomy_package)
    efm_plugin = _efm_plugin(args)
    if efm_plugin is not None and args.no_validate:
        raise UsageError("--efm and --no-validate contradict each other", hint="leave out one of them")

    result = convert(ConvertOptions(
        input=args.input, outdir=args.outdir, cik=args.cik, name=args.name, ticker=args.ticker,
        form=args.form, prefix=args.prefix, mapping=args.mapping, taxonomy_package=args.taxonomy_package,
        formats=FORMATS if args.format == "all" else (args.format,), validate=not args.no_validate,
        efm_plugin=efm_plugin, cover=args.cover, viewer=args.viewer))
    print(f"{result.instance}: {result.facts} facts, {len(result.errors)} errors, "
          f"{len(result.warnings)} warnings (see {result.report})")
    return EXIT_INVALID if result.errors else EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from converter.model import Severity
    from converter.taxonomy.package import default_package
    from converter.validate import Validator

    if not args.instance.is_file():
        raise UsageError("no such instance file", file=args.instance)
    _check_package(args.taxonomy_package)
    efm_plugin = _efm_plugin(args)
    with Validator(args.taxonomy_package or default_package(), efm_plugin=efm_plugin) as validator:
        diagnostics = validator.validate(args.instance, {})
    notes: dict[str, list[str]] = {}
    for diagnostic in diagnostics:
        if diagnostic.severity is Severity.INFO:
            notes.setdefault(diagnostic.code, []).append(diagnostic.concept or "")
            continue
        about = ", ".join(part for part in (diagnostic.concept, diagnostic.fact and f"fact {diagnostic.fact}") if part)
        print(f"{diagnostic.severity.value}: {diagnostic.code}: {diagnostic.message}"
              + (f" [{about}]" if about else ""))
    for code, concepts in notes.items():
        print(f"info: {code}: {len(concepts)} notes" + (f" ({', '.join(c for c in concepts[:3] if c)}…)"
                                                       if any(concepts) else ""))
    return EXIT_INVALID if any(d.severity is Severity.ERROR for d in diagnostics) else EXIT_OK


def _map_labels(args: argparse.Namespace) -> int:
    from converter.mapping import map_rows

    try:
        lines = args.rows.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read rows: {exc}", file=args.rows) from exc
    for line in map_rows(lines):
        print(line)
    return EXIT_OK


def _taxonomy(args: argparse.Namespace) -> int:
    from converter.taxonomy.build import build

    summary = build(args.sources, corpus=args.corpus)
    print(summary.report())
    return EXIT_OK


COMMANDS = {"convert": _convert, "batch": _batch, "validate": _validate, "map-labels": _map_labels,
            "taxonomy": _taxonomy}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except XbrlconvError as exc:
        print(f"xbrlconv: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("xbrlconv: interrupted", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # the last guard: a bug must still not print a traceback
        print(f"xbrlconv: internal error: {type(exc).__name__}: {exc} "
              "(please report it with the input document)", file=sys.stderr)
        return EXIT_INTERNAL
