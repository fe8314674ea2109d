"""The facts stage: a mapped Document becomes an XbrlReport ready for the writers."""

from converter.facts.builder import build_report

__all__ = ["build_report"]
