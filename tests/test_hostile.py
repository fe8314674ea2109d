"""Hostile inputs, generated here at test time (never committed), through `xbrlconv convert`.

Each ends in a clean outcome: exit 2 with one stderr line naming the file and no
output folder, or a conversion whose outputs are well-formed and free of what
the input tried to smuggle in (file contents via external entities, entity
expansion, markup in labels). Inputs over `MAX_INPUT_BYTES` (64 MiB) are refused
before a byte is read.
"""

from __future__ import annotations

import re

import codecs
import json
import os
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from converter.cli import main
from converter.pipeline import MAX_INPUT_BYTES
from tests.conftest import SEED, shared_path
from tests.timelimit import time_limit

BUCKLE = ("corpus", "html-releases", "buckle_8-K_EX99.1", "BuckleInc.8-K.EX99.1.html")
ENTITIES = ('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{k} "' + (f"&lol{k - 1};" if k > 1 else "&lol;") * 10 + '">' for k in range(1, 10))
            + "]>")
LIMIT = 60.0  # seconds per conversion; the slowest case here takes a few


def _seed() -> str:
    return shared_path("seed", SEED.name).read_text(encoding="utf-8")


def _buckle() -> str:
    return shared_path(*BUCKLE).read_text(encoding="utf-8")


def _run(tmp_path: Path, name: str, data: bytes | str, capsys: pytest.CaptureFixture[str],
         *extra: str) -> tuple[int, str, Path, Path]:
    source = tmp_path / name
    if isinstance(data, str):
        source.write_text(data, encoding="utf-8")
    else:
        source.write_bytes(data)
    out = tmp_path / "out"
    with time_limit(LIMIT):
        code = main(["convert", str(source), "-o", str(out), "--no-validate", *extra])
    return code, capsys.readouterr().err, source, out


def _assert_refused(code: int, err: str, source: Path, out: Path, message: str) -> None:
    assert code == 2
    assert re.match(rf"xbrlconv: error: {re.escape(str(source))}(?::\d+)?: ", err) and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
    assert list(source.parent.iterdir()) == [source]  # no staging folder left behind


def _outputs(out: Path) -> dict[str, str]:
    """Every output file's text; the XML ones must parse."""
    texts = {}
    for path in sorted(out.iterdir()):
        texts[path.name] = path.read_text(encoding="utf-8")
        if path.suffix in (".xml", ".xsd"):
            etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    return texts


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"\n\r\n \t" * 100, "the file is empty"),
    (os.urandom(4096), "binary"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 16, "binary"),
])
def test_empty_and_binary(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str) -> None:
    _assert_refused(*_run(tmp_path, "input.txt", data, capsys), message)


def test_200_mb_file_is_refused_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "huge.txt"
    with source.open("wb") as handle:  # sparse: 200 MB on paper, no disk used
        handle.write(_seed().encode("utf-8"))
        handle.truncate(200 * 1024 * 1024)
    out = tmp_path / "out"
    with time_limit(5):
        code = main(["convert", str(source), "-o", str(out)])
    _assert_refused(code, capsys.readouterr().err, source, out, "200 MiB, over the 64 MiB limit")
    assert MAX_INPUT_BYTES == 64 * 1024 * 1024


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_byte_order_mark_decides_the_encoding(tmp_path: Path, encoding: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data = _seed().encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    code, _, _, out = _run(tmp_path, "bom.txt", data, capsys)
    assert code == 0
    report = json.loads((out / "report.json").read_text())
    labels = {row["label"] for row in report["mapping"]}
    assert "Prepaid expenses & other current assets" in labels and report["facts"] == 85


def test_latin1_bytes_in_a_utf8_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    label = "Dué to rélated parti\u2013s"  # as wide as the label it replaces: the amounts keep their columns
    data = _seed().encode("utf-8").replace(b"Due to related parties", label.encode("cp1252"))
    code, _, _, out = _run(tmp_path, "latin1.txt", data, capsys)
    assert code == 0
    labels = [row["label"] for row in json.loads((out / "report.json").read_text())["mapping"]]
    assert label in labels


def test_markup_in_labels_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    label = "Zyxq <frob> & ]]> wobl"  # no concept has these words: an extension, its label in _lab.xml
    assert len(label) == len("Due to related parties")  # the amounts stay in their columns
    code, _, _, out = _run(tmp_path, "markup.txt", _seed().replace("Due to related parties", label), capsys)
    assert code == 0
    texts = _outputs(out)
    (lab,) = [name for name in texts if name.endswith("_lab.xml")]
    labels = [e.text for e in etree.parse(str(out / lab)).iter("{http://www.xbrl.org/2003/linkbase}label")]
    assert label in labels
    assert label in [row["label"] for row in json.loads(texts["report.json"])["mapping"]]
    review = lxml.html.fromstring(texts["review.html"])
    assert label in [td.text_content() for td in review.iter("td")] and not list(review.iter("frob"))


def test_entities_in_a_text_filing_stay_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _seed().replace("<TEXT>", "<TEXT>\n" + ENTITIES, 1)
    text = text.replace("Due to related parties", "Due &xxe; to &lol9; pa")  # as wide: columns stay
    code, _, _, out = _run(tmp_path, "entities.txt", text, capsys)
    assert code == 0
    texts = _outputs(out)
    assert not any("root:" in t for t in texts.values())
    assert "Due &xxe; to &lol9; pa" in [r["label"] for r in json.loads(texts["report.json"])["mapping"]]
    assert sum(len(t) for t in texts.values()) < 1_000_000


def test_entities_in_html_are_not_expanded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    markup = _buckle()
    start = markup.index("<html>")
    markup = markup[:start] + ENTITIES + markup[start:].replace(
        "Cash and cash equivalents", "Cash and cash equivalents &xxe; &lol9;", 1)
    code, err, _, out = _run(tmp_path, "entities.html", markup, capsys)
    assert code == 0, err
    texts = _outputs(out)
    assert not any("root:" in t or "lollollol" in t for t in texts.values())
    assert sum(len(t) for t in texts.values()) < 1_000_000


def test_table_with_10000_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wide = ("<p>CONSOLIDATED BALANCE SHEETS</p><table><tr><td></td>"
            + "".join(f"<td>December 31, {1000 + i % 1000}</td>" for i in range(10_000))
            + "</tr><tr><td>Cash</td>" + "<td>1,000</td>" * 10_000 + "</tr></table>")
    code, err, source, out = _run(tmp_path, "wide.html", _buckle().replace("<body>", "<body>" + wide, 1), capsys)
    assert code == 0, err  # the release's own statements are still read; the wide table is a warning
    warnings = json.loads((out / "report.json").read_text())["warnings"]
    assert "reader.html-table-too-wide" in {w["code"] for w in warnings}


def test_text_table_with_10000_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wide = " Other current assets  " + "   1,000" * 10_000
    code, err, source, out = _run(tmp_path, "wide.txt", _seed().replace(
        " Prepaid expenses & other current assets             610            279", wide), capsys)
    if code == 2:
        _assert_refused(code, err, source, out, "")
    else:
        assert code == 0 and _outputs(out)


def test_deeply_nested_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    markup = _buckle()
    start = markup.index("<body>") + len("<body>")
    markup = markup[:start] + "<div>" * 5000 + markup[start:].replace("</body>", "</div>" * 5000 + "</body>", 1)
    code, err, source, out = _run(tmp_path, "nested.html", markup, capsys)
    if code == 2:
        _assert_refused(code, err, source, out, "")
    else:
        assert code == 0 and _outputs(out)
