"""The reader's vocabulary, loaded from `taxonomy/reader/*.yaml`.

Scale words, statement-title patterns, total words and heading words are data;
this module only compiles them. Errors in the files raise `TaxonomyError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from converter.datafiles import read_data
from converter.errors import TaxonomyError
from converter.model import StatementKind
from converter.resources import TAXONOMY_DIR

READER_DIR = TAXONOMY_DIR / "reader"
Patterns = tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Scale:
    pattern: re.Pattern[str]
    power: int


@dataclass(frozen=True)
class RowEvidence:
    """When an HTML table without a title the reader sees is a statement by its rows."""

    min_rows: int
    min_columns: int
    max_columns: int
    min_totals: int
    max_repeats: int
    not_statements: Patterns
    ruled_out: tuple[tuple[StatementKind, Patterns], ...]


@dataclass(frozen=True)
class Vocabulary:
    scales: tuple[Scale, ...]
    share_scales: tuple[Scale, ...]
    shares_exempt: Patterns
    titles: tuple[tuple[StatementKind, Patterns], ...]
    exclude_titles: Patterns
    supplement_headings: Patterns
    continued_titles: Patterns
    content_min_hits: int
    content: tuple[tuple[StatementKind, Patterns], ...]
    by_rows: RowEvidence
    total_labels: Patterns
    per_share_labels: Patterns
    ratio_labels: Patterns
    caption_debit: Patterns  # captions printing the debit direction positive ("(Gain) loss")
    caption_credit: Patterns  # and the credit direction ("Gain (loss)")
    caption_ignored: Patterns  # rows printed as a subtraction, against their caption ("Less: ...")
    percent_labels: Patterns
    per_share_label_exclusions: Patterns
    per_share_headings: Patterns
    share_count_labels: Patterns
    share_labels: Patterns
    share_headings: Patterns
    share_label_exclusions: Patterns
    top_level_headings: Patterns
    wrap_connectors: frozenset[str]
    non_period_columns: Patterns
    whole_columns: Patterns
    balance_subjects: Patterns
    balance_starts: Patterns
    balance_ends: Patterns


def matches(patterns: Patterns, text: str) -> bool:
    return any(pattern.search(text) for pattern in patterns)


def load_yaml(path: Path) -> dict[str, object]:
    return read_data(path, "reader vocabulary")


def compile_patterns(path: Path, items: object) -> Patterns:
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise TaxonomyError("expected a list of regular expressions", file=path)
    try:
        return tuple(re.compile(item, re.IGNORECASE) for item in items)
    except re.error as exc:
        raise TaxonomyError(f"bad regular expression: {exc}", file=path) from exc


def _kinds(path: Path, table: object) -> tuple[tuple[StatementKind, Patterns], ...]:
    if not isinstance(table, dict):
        raise TaxonomyError("expected a mapping of statement kinds", file=path)
    try:
        return tuple((StatementKind(kind), compile_patterns(path, items)) for kind, items in table.items())
    except ValueError as exc:
        raise TaxonomyError(f"unknown statement kind: {exc}", file=path) from exc


def _scales(path: Path, items: object) -> tuple[Scale, ...]:
    if not isinstance(items, list) or not all(isinstance(item, dict) and "pattern" in item and "power" in item
                                              for item in items):
        raise TaxonomyError("expected a list of {pattern, power} scales", file=path)
    return tuple(Scale(compile_patterns(path, [item["pattern"]])[0], int(item["power"])) for item in items)


def _row_evidence(path: Path, table: dict[str, object]) -> RowEvidence:
    try:
        return RowEvidence(
            min_rows=int(str(table["min_rows"])), min_columns=int(str(table["min_columns"])),
            max_columns=int(str(table["max_columns"])), min_totals=int(str(table["min_totals"])),
            max_repeats=int(str(table["max_repeats"])),
            not_statements=compile_patterns(path, table.get("not_statements")),
            ruled_out=_kinds(path, table.get("ruled_out")))
    except (KeyError, ValueError) as exc:
        raise TaxonomyError(f"incomplete `by_rows`: {exc}", file=path) from exc


@cache
def vocabulary(directory: Path = READER_DIR) -> Vocabulary:
    scale_path = directory / "scale.yaml"
    statements_path = directory / "statements.yaml"
    rows_path = directory / "rows.yaml"
    scale = load_yaml(scale_path)
    statements = load_yaml(statements_path)
    rows = load_yaml(rows_path)
    scale_items = scale.get("scales")
    if not isinstance(scale_items, list):
        raise TaxonomyError("`scales` must be a list", file=scale_path)
    scales = _scales(scale_path, scale_items)
    content = statements.get("content")
    if not isinstance(content, dict):
        raise TaxonomyError("`content` must be a mapping", file=statements_path)
    by_rows = statements.get("by_rows")
    if not isinstance(by_rows, dict):
        raise TaxonomyError("`by_rows` must be a mapping", file=statements_path)
    connectors = rows.get("wrap_connectors")
    if not isinstance(connectors, list):
        raise TaxonomyError("`wrap_connectors` must be a list", file=rows_path)
    captions = rows.get("caption_directions")
    if not isinstance(captions, dict):
        raise TaxonomyError("`caption_directions` must be a mapping of debit and credit patterns",
                            file=rows_path)
    balances = rows.get("period_balances")
    if not isinstance(balances, dict):
        raise TaxonomyError("`period_balances` must be a mapping of subject, start and end patterns",
                            file=rows_path)
    return Vocabulary(
        scales=scales,
        share_scales=_scales(scale_path, scale.get("share_scales")),
        shares_exempt=compile_patterns(scale_path, scale.get("shares_exempt")),
        titles=_kinds(statements_path, statements.get("titles")),
        exclude_titles=compile_patterns(statements_path, statements.get("exclude_titles")),
        supplement_headings=compile_patterns(statements_path, statements.get("supplement_headings")),
        continued_titles=compile_patterns(statements_path, statements.get("continued_titles")),
        content_min_hits=int(content.get("min_hits", 3)),
        content=_kinds(statements_path, content.get("kinds")),
        by_rows=_row_evidence(statements_path, by_rows),
        total_labels=compile_patterns(rows_path, rows.get("total_labels")),
        per_share_labels=compile_patterns(rows_path, rows.get("per_share_labels")),
        ratio_labels=compile_patterns(rows_path, rows.get("ratio_labels")),
        caption_debit=compile_patterns(rows_path, captions.get("debit")),
        caption_credit=compile_patterns(rows_path, captions.get("credit")),
        caption_ignored=compile_patterns(rows_path, captions.get("ignored")),
        percent_labels=compile_patterns(rows_path, rows.get("percent_labels")),
        per_share_label_exclusions=compile_patterns(rows_path, rows.get("per_share_label_exclusions")),
        per_share_headings=compile_patterns(rows_path, rows.get("per_share_headings")),
        share_count_labels=compile_patterns(rows_path, rows.get("share_count_labels")),
        share_labels=compile_patterns(rows_path, rows.get("share_labels")),
        share_headings=compile_patterns(rows_path, rows.get("share_headings")),
        share_label_exclusions=compile_patterns(rows_path, rows.get("share_label_exclusions")),
        top_level_headings=compile_patterns(rows_path, rows.get("top_level_headings")),
        wrap_connectors=frozenset(str(word).lower() for word in connectors),
        non_period_columns=compile_patterns(rows_path, rows.get("non_period_columns")),
        whole_columns=compile_patterns(rows_path, rows.get("whole_columns")),
        balance_subjects=compile_patterns(rows_path, balances.get("subject")),
        balance_starts=compile_patterns(rows_path, balances.get("start")),
        balance_ends=compile_patterns(rows_path, balances.get("end")),
    )
