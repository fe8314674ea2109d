"""Property: a mutated real document converts to a well-formed (and, validated, valid) instance
or fails with a clean XbrlconvError, within a time limit, leaving no partial output folder.

Mutations: delete, duplicate or swap lines, flip a digit, truncate. Most examples skip
Arelle (validate=False) to keep the suite fast; a few validate with one warm session.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from converter.errors import XbrlconvError
from converter.pipeline import ConvertOptions, ConvertResult, convert
from converter.validate import Validator
from tests.conftest import SHARED
from tests.timelimit import time_limit

DOCUMENTS = (
    ("seed", "000_42643171a94e83b9.txt"),
    ("corpus", "text", "southern_8-K_0000092122-05-000042", "0000092122-05-000042.txt"),
    ("corpus", "html-releases", "buckle_8-K_EX99.1", "BuckleInc.8-K.EX99.1.html"),
)
LIMIT = 60.0
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True)

pytestmark = pytest.mark.skipif(not all(SHARED.joinpath(*d).exists() for d in DOCUMENTS),
                                reason="reference material not present")


def _lines(index: int) -> list[bytes]:
    return SHARED.joinpath(*DOCUMENTS[index]).read_bytes().splitlines(keepends=True)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    index = draw(st.integers(0, len(DOCUMENTS) - 1))
    lines = _lines(index)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(("delete", "duplicate", "swap", "digit", "truncate")))
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        if not lines:
            break
        if kind == "delete":
            del lines[at:at + draw(st.integers(1, 20))]
        elif kind == "duplicate":
            lines[at:at] = lines[at:at + draw(st.integers(1, 20))]
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "digit":
            digits = [i for i, byte in enumerate(lines[at]) if 48 <= byte <= 57]
            if digits:
                where = draw(st.sampled_from(digits))
                new = draw(st.sampled_from(b"0123456789"))
                lines[at] = lines[at][:where] + bytes([new]) + lines[at][where + 1:]
        else:
            joined = b"".join(lines)
            cut = draw(st.integers(0, len(joined)))
            lines = joined[:cut].splitlines(keepends=True)
    return DOCUMENTS[index][-1], b"".join(lines)


def _check(name: str, data: bytes, validator: Validator | None) -> ConvertResult | None:
    with tempfile.TemporaryDirectory(prefix="xbrlconv-prop-") as temp:
        source = Path(temp) / name
        source.write_bytes(data)
        out = Path(temp) / "out"
        try:
            with time_limit(LIMIT):
                result = convert(ConvertOptions(input=source, outdir=out, validate=validator is not None),
                                 validator=validator)
        except XbrlconvError as exc:
            assert exc.file and str(exc).strip() and "\n" not in str(exc)
            assert sorted(Path(temp).iterdir()) == [source]  # no OUTDIR, no staging folder
            return None
        assert sorted(p.name for p in Path(temp).iterdir()) == sorted([name, "out"])
        assert result.facts > 0 and result.report.is_file()
        for path in out.iterdir():
            if path.suffix in (".xml", ".xsd"):
                etree.parse(str(path), SAFE_XML)
        return result


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_documents_convert_or_fail_cleanly(document: tuple[str, bytes]) -> None:
    _check(*document, validator=None)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                              HealthCheck.function_scoped_fixture])
@given(mutated())
def test_mutated_documents_validate(validator: Validator, document: tuple[str, bytes]) -> None:
    """Whatever the mutation, the outputs are valid XBRL; what a mutation makes inconsistent in the
    source (a statement cut before its scale note, a digit changed in a total) is a self-check
    finding naming the source line, never a quiet fact."""
    result = _check(*document, validator=validator)
    if result is not None:
        found = [d for d in result.errors if not d.code.startswith("check.")]
        assert not found, [d.message for d in found]
        assert all(d.source_line for d in result.errors), [d.message for d in result.errors]
