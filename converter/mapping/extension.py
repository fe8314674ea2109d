"""Extension concepts for rows no us-gaap concept fits: name, type, period type, balance."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from converter.mapping.context import Cues, ItemContext
from converter.mapping.normalize import Normalizer
from converter.model import Balance, ConceptDef, PeriodType, ValueKind

_TYPES = {
    ValueKind.MONETARY: "xbrli:monetaryItemType",
    ValueKind.PER_SHARE: "dtr-types:perShareItemType",
    ValueKind.SHARES: "xbrli:sharesItemType",
    ValueKind.PURE: "xbrli:pureItemType",
}
_MAX_NAME = 120
_AMOUNTS = re.compile(r"\$\s?[\d.,]+|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b")  # "$1,200", "20,000,000"
_DANGLING = {"of", "and", "or", "for", "to", "at", "in", "the", "a", "an", "by"}
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def camel_name(label: str) -> str:
    """An XML NCName from a label: "Promissory note-officer" -> "PromissoryNoteOfficer"."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"\([^)]*\)", " ", ascii_text)  # notes, "(loss)" asides, amounts
    words = re.findall(r"[A-Za-z0-9]+", _AMOUNTS.sub(" ", ascii_text))
    while words and words[-1].lower() in _DANGLING:  # "... net of income tax benefit of $1,200"
        words.pop()
    name = "".join(w[:1].upper() + w[1:].lower() if not w.isupper() or len(w) > 4 else w for w in words)
    name = name[:_MAX_NAME]
    if not name:
        name = "Item"
    if not name[0].isalpha():
        name = "Item" + name
    return name


def is_ncname(name: str) -> bool:
    return bool(_NCNAME.match(name))


class ExtensionFactory:
    """Makes extension concepts with names unique within one mapper."""

    def __init__(self, prefix: str, normalizer: Normalizer, cues: Cues,
                 reserved: Iterable[str] = ()) -> None:
        """`reserved`: names no extension may take (the standard taxonomy's: EFM 6.7.16)."""
        if not is_ncname(prefix):
            raise ValueError(f"extension prefix {prefix!r} is not an XML NCName")
        self.prefix = prefix
        self.normalizer = normalizer
        self.cues = cues
        self._made: dict[tuple[str, str, str, str, str, str], ConceptDef] = {}
        self._names: set[str] = set(reserved)

    def make(self, ctx: ItemContext, label: str, fallback: Balance | None) -> ConceptDef:
        """The extension concept of a row: one per label, value kind, period type, statement,
        dilution and section ("Earnings per share before ..." under "Basic" and under "Diluted"
        are two concepts, named with the section's class when the label does not say it;
        "Products" under "Net sales" and under "Cost of sales" are two, the second named with
        its section: two values of one concept and period would be one fact too many)."""
        dilution = self.cues.section_class(frozenset(self.normalizer.words(ctx.section))).get("dilution", "")
        if dilution and dilution in self.cues.label_class(frozenset(self.normalizer.words(label))).values():
            dilution = ""
        section = " ".join(self.normalizer.words(ctx.section))
        key = (label.lower(), str(ctx.kind), str(ctx.period_type), str(ctx.statement), dilution, section)
        known = self._made.get(key)
        if known is not None:
            return known
        words = f"{label} {dilution}" if dilution else label
        base = camel_name(words)
        if base in self._names and section and any(k[:5] == key[:5] for k in self._made):
            base = camel_name(f"{words} {ctx.section}")
        name, n = base, 2
        while name in self._names:
            name, n = f"{base}{n}", n + 1
        self._names.add(name)
        concept = ConceptDef(prefix=self.prefix, name=name, type=_TYPES[ctx.kind],
                             period_type=ctx.period_type, balance=self._balance(ctx, label, fallback),
                             label=label)
        self._made[key] = concept
        return concept

    def _balance(self, ctx: ItemContext, label: str, fallback: Balance | None) -> Balance | None:
        """Debit/credit: the statement's flow balance (cash-flow rows: debit, the cash effect),
        else from the label's words, else the section's, else the closest us-gaap candidate's; a
        row printed negative in an equity section is a contra (debit) item."""
        if ctx.kind is not ValueKind.MONETARY:
            return None
        flows = dict(self.cues.flow_balances)
        if ctx.statement in flows and ctx.period_type is PeriodType.DURATION:
            return flows[ctx.statement]
        section = frozenset(self.normalizer.words(ctx.section))
        if ctx.shown_negative and self.cues.is_contra(self.cues.section_class(section)):
            return Balance.DEBIT
        for words in (frozenset(self.normalizer.words(label)), section):
            for balance, cues in self.cues.balance_cues:
                if any(cue <= words for cue in cues):
                    return balance
        return fallback
