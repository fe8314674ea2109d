"""Standard-style labels: the filers' copy of the standard label when seen, else the
concept name split into words the way the FASB writes labels."""

from __future__ import annotations

import re

from converter.taxonomy.corpus import CorpusEvidence

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_SMALL_WORDS = frozenset({"And", "Of", "In", "For", "To", "By", "From", "The", "On", "At", "Or",
                          "As", "With", "Into", "Than"})
# name suffix -> bracketed label suffix (FASB style)
_SUFFIXES = (
    ("PolicyTextBlock", "[Policy Text Block]"),
    ("TextBlock", "[Text Block]"),
    ("LineItems", "[Line Items]"),
    ("Abstract", "[Abstract]"),
    ("Axis", "[Axis]"),
    ("Member", "[Member]"),
    ("Domain", "[Domain]"),
    ("Table", "[Table]"),
)


def split_name(name: str) -> str:
    """`AccountsPayableCurrent` -> "Accounts Payable Current";
    `ProceedsFromIssuanceOfCommonStock` -> "Proceeds from Issuance of Common Stock";
    `SegmentReportingAxis` -> "Segment Reporting [Axis]";
    `InvestmentIdentifierAxis.domain` -> "Investment Identifier [Axis] domain"."""
    if name.endswith(".domain"):
        return f"{split_name(name.removesuffix('.domain'))} domain"
    base, bracket = name, ""
    for suffix, text in _SUFFIXES:
        if base.endswith(suffix) and base != suffix:
            base, bracket = base[: -len(suffix)], text
            break
    words = _WORDS.findall(base)
    text = " ".join([words[0], *(w.lower() if w in _SMALL_WORDS else w for w in words[1:])]
                    if words else [base])
    return f"{text} {bracket}".strip()


def standard_label(name: str, corpus: CorpusEvidence) -> tuple[str, str]:
    """(label, evidence): the standard label of the newest release a filer copied, else split."""
    seen = corpus.standard_labels.get(name)
    if seen:
        year, source, text = max(seen, key=lambda item: (item[0], item[1] == "metalinks", item[2]))
        return text, f"{source}:{year}"
    return split_name(name), "name-split"


def real_labels(name: str, corpus: CorpusEvidence) -> tuple[str, ...]:
    return tuple(sorted(corpus.labels.get(name, ())))
