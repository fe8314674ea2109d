"""One concept as the build derives it: every attribute the catalog and the schema need,
with the evidence each derived attribute rests on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConceptRecord:
    name: str
    type: str
    substitution_group: str        # "" for the elements of typed dimensions
    abstract: bool
    period_type: str
    balance: str | None
    nillable: bool
    deprecated: str | None
    replacement: str | None
    label: str
    labels: tuple[str, ...]
    typed_domain: str | None = None     # xbrldt:typedDomainRef target name
    enum_domain: str | None = None      # enum2:domain head (us-gaap name)
    enum_linkrole: str | None = None    # enum2:linkrole
    evidence: tuple[tuple[str, str], ...] = ()  # (attribute, evidence)

    @property
    def is_item(self) -> bool:
        return self.substitution_group != ""
