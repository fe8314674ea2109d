"""The contract between stages.

Readers produce a `Document`; the mapping stage adds a `Mapping` per line item;
`facts` turns both into an `XbrlReport`, which writers render and the
validator checks. Everything is frozen, money is `Decimal`, sequences are
tuples, and every line item knows the source line it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class PeriodType(StrEnum):
    INSTANT = "instant"
    DURATION = "duration"


class Balance(StrEnum):
    DEBIT = "debit"
    CREDIT = "credit"


class StatementKind(StrEnum):
    BALANCE_SHEET = "balance_sheet"
    INCOME_STATEMENT = "income_statement"
    COMPREHENSIVE_INCOME = "comprehensive_income"
    CASH_FLOW = "cash_flow"
    EQUITY = "equity"

    @property
    def period_type(self) -> PeriodType:
        if self is StatementKind.BALANCE_SHEET:
            return PeriodType.INSTANT
        return PeriodType.DURATION


class ValueKind(StrEnum):
    """What a row's numbers measure; decides unit, scale and decimals."""

    MONETARY = "monetary"
    PER_SHARE = "per_share"
    SHARES = "shares"
    PURE = "pure"


class BalanceAt(StrEnum):
    """Where a balance row of a duration statement stands in its column's period."""

    START = "start"  # the day before the period starts ("Cash at beginning of period")
    END = "end"  # the period's last day ("Cash at end of year")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Instant:
    date: date

    @property
    def end(self) -> date:
        return self.date

    def __str__(self) -> str:
        return self.date.isoformat()


@dataclass(frozen=True)
class Duration:
    """A period with inclusive start and end dates, as XBRL writes them."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"duration starts {self.start} after it ends {self.end}")

    def __str__(self) -> str:
        return f"{self.start.isoformat()}--{self.end.isoformat()}"


Period = Instant | Duration


@dataclass(frozen=True)
class Diagnostic:
    """A warning or error as data; `report.json` lists them."""

    code: str
    severity: Severity
    message: str
    source_line: int | None = None
    concept: str | None = None
    fact: str | None = None  # the id of the fact it is about, in the instance or Inline XBRL document


# --- what readers produce ------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    period: Period
    header: str  # the header words the period was read from, e.g. "Three Months Ended 03/01/03"


@dataclass(frozen=True)
class LineItem:
    """One row of a statement.

    `values` hold the amounts as the statement shows them (sign as printed,
    parentheses negative), already multiplied by `10**scale`; `None` where the
    cell is blank. A dash (`--`) is zero. `texts` keep the cells as printed.
    """

    label: str
    section: str  # nearest heading above the row ("" when none), e.g. "CURRENT LIABILITIES"
    depth: int  # indentation level, 0 = flush left
    values: tuple[Decimal | None, ...]
    texts: tuple[str, ...]
    kind: ValueKind
    scale: int  # power of ten the printed numbers were multiplied by (3 for thousands)
    decimals: int  # XBRL decimals of the printed precision (-3 for thousands, 2 for cents)
    is_total: bool  # label says total, an underline precedes it, or it has no label
    source_line: int  # 1-based line of the row's first label line in the input file
    cell_refs: tuple[str | None, ...] = ()  # per value: where the cell sits in the source (HTML: XPath)
    balance_at: BalanceAt | None = None  # a balance at the period's start or end (cash-flow cash rows)
    printed_positive: Balance | None = None  # the caption's direction: "(Gain) loss" prints a loss positive


@dataclass(frozen=True)
class Statement:
    kind: StatementKind
    title: str
    columns: tuple[Column, ...]
    items: tuple[LineItem, ...]
    source_line: int
    header_text: str = ""  # the title and header lines the columns were dated from, joined
    scale_note: bool = True  # the reader found a scale note (False: amounts read as printed)


@dataclass(frozen=True)
class Address:
    """A business address as the SEC header prints it (STREET 1 … BUSINESS PHONE)."""

    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class DocumentMeta:
    source: str  # path of the input file
    cik: str | None = None
    company_name: str | None = None
    form_type: str | None = None
    period_of_report: date | None = None
    ticker: str | None = None
    fiscal_year_end: str | None = None  # "MMDD" as in the SEC header
    file_number: str | None = None  # SEC FILE NUMBER, e.g. "000-22513"
    state_of_incorporation: str | None = None  # STATE OF INCORPORATION, e.g. "DE"
    irs_number: str | None = None  # IRS NUMBER (employer identification), e.g. "911646860"
    business_address: Address | None = None


@dataclass(frozen=True)
class Document:
    meta: DocumentMeta
    statements: tuple[Statement, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


# --- what the mapping stage adds ------------------------------------------------------


@dataclass(frozen=True)
class ConceptDef:
    """A concept the filing defines itself (extension) or takes from a taxonomy."""

    prefix: str
    name: str
    type: str  # e.g. "xbrli:monetaryItemType"
    period_type: PeriodType
    balance: Balance | None
    label: str
    abstract: bool = False

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.name}"


@dataclass(frozen=True)
class Alternative:
    concept: str  # "prefix:Name"
    confidence: float  # a probability in [0, 1]; not money


@dataclass(frozen=True)
class Mapping:
    concept: ConceptDef
    confidence: float
    alternatives: tuple[Alternative, ...]
    reason: str
    is_extension: bool = False
    label: str = ""  # the label as the mapper read it: what a --mapping key must match


# --- what facts produce and writers render ------------------------------------------


@dataclass(frozen=True)
class Unit:
    id: str
    numerators: tuple[str, ...]  # e.g. ("iso4217:USD",)
    denominators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    id: str
    period: Period


@dataclass(frozen=True)
class Fact:
    id: str
    concept: str  # "prefix:Name"
    context_id: str
    value: Decimal | str
    unit_id: str | None = None
    decimals: int | None = None
    source_line: int | None = None


@dataclass(frozen=True)
class CalcArc:
    parent: str
    child: str
    weight: int  # +1 or -1
    order: int


@dataclass(frozen=True)
class PresentationArc:
    parent: str
    child: str
    order: int
    preferred_label: str | None = None  # a label role URI, e.g. the negated label


@dataclass(frozen=True)
class Label:
    concept: str
    role: str
    text: str


@dataclass(frozen=True)
class Network:
    """One extended-link role: a statement's presentation and calculation tree."""

    role_id: str
    role_uri: str
    definition: str
    presentation: tuple[PresentationArc, ...]
    calculation: tuple[CalcArc, ...]


@dataclass(frozen=True)
class Entity:
    cik: str
    name: str
    prefix: str  # extension prefix, e.g. "inno"
    namespace: str  # extension namespace
    ticker: str | None = None


@dataclass(frozen=True)
class XbrlReport:
    entity: Entity
    document_type: str
    period_end: date
    stem: str  # "<prefix>-<yyyymmdd>"
    contexts: tuple[Context, ...]
    units: tuple[Unit, ...]
    facts: tuple[Fact, ...]
    extension_concepts: tuple[ConceptDef, ...]
    networks: tuple[Network, ...]
    labels: tuple[Label, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def fact_lines(self) -> dict[str, int]:
        """Fact id → the source line it was read from (facts with a source row only)."""
        return {f.id: f.source_line for f in self.facts if f.source_line is not None}
