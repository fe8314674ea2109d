"""Shared test fixtures: the reference material in ../shared and one converted seed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from converter.facts import build_report
from converter.model import XbrlReport
from converter.taxonomy.package import default_package
from converter.validate import Validator
from tests.facts_fixtures import ENTITY, seed_document

# Property tests check behaviour, not speed (speed goals live in benchmarks/): no per-example
# deadline, so a slower or busier CI machine cannot turn a passing property into a failure.
settings.register_profile("xbrlconv", deadline=None)
settings.load_profile("xbrlconv")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_42643171a94e83b9.txt"
EXAMPLE = ROOT / "examples" / "innovo-q1-2003.txt"


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path() -> str:
    """The Chromium binary the browser tests drive; the test is skipped where there is none."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium binary on PATH (install it: apt-get install -y chromium)")


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the test is skipped where the reference material is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference material not present: {path}")
    return path


@pytest.fixture(scope="session")
def validator() -> Iterator[Validator]:
    """One warm Arelle session for the whole run: every test after the first reuses it."""
    with Validator(default_package()) as warm:
        yield warm


@pytest.fixture(scope="session")
def seed_report() -> XbrlReport:
    """The hand-built seed-like report of tests/facts_fixtures.py."""
    document, mappings = seed_document()
    return build_report(document, mappings, ENTITY, "8-K")
