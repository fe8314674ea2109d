"""Shared test fixtures: the reference material in ../shared and one converted seed."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_42643171a94e83b9.txt"
EXAMPLE = ROOT / "examples" / "innovo-q1-2003.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the test is skipped where the reference material is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference material not present: {path}")
    return path
