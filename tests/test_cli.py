"""The command line: exit codes, one-line errors, no half-written output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from converter.cli import main
from tests.conftest import ROOT, shared_path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def test_help_documents_exit_codes() -> None:
    done = subprocess.run([sys.executable, "-m", "converter", "convert", "--help"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "exit codes:" in done.stdout and "validation found errors" in done.stdout


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\xff" * 64, b"Nothing to see here.\n" * 5])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "input.txt"
    source.write_bytes(content)
    out = tmp_path / "out"
    code, err = _run(["convert", str(source), "-o", str(out)], capsys)
    assert code == 2
    assert err.startswith("xbrlconv: error: ") and str(source) in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(["convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out")], capsys)
    assert code == 2 and "nope.txt" in err


def test_unknown_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(["convert", "--frobnicate"], capsys)
    assert code == 2 and "xbrlconv: error:" in err and err.count("\n") == 1


def test_document_without_statements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = shared_path("corpus", "text", "no-statements")
    for source in sorted(folder.rglob("*.txt")):
        code, err = _run(["convert", str(source), "-o", str(tmp_path / "out")], capsys)
        assert code == 2, source
        assert "no financial statements" in err and source.name in err
    assert not (tmp_path / "out").exists()


def test_failed_run_keeps_previous_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("earlier run")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _ = _run(["convert", str(empty), "-o", str(out)], capsys)
    assert code == 2
    assert (out / "keep.txt").read_text() == "earlier run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "out"]


def test_taxonomy_package_option_is_used_and_reported(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from converter.taxonomy.package import default_package

    package = tmp_path / "official-stand-in.zip"
    package.write_bytes(default_package().read_bytes())
    out = tmp_path / "out"
    code, _ = _run(["convert", str(ROOT / "examples" / "innovo-q1-2003.txt"), "-o", str(out),
                    "--cik", "844143", "--taxonomy-package", str(package)], capsys)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert code == 0
    assert report["taxonomy_package"] == str(package.resolve())
    assert [w["concept"] for w in report["warnings"] if w["code"].startswith("calc11")] == [
        "us-gaap:LiabilitiesCurrent"]


def test_missing_taxonomy_package_is_a_clean_error(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, err = _run(["convert", str(ROOT / "examples" / "innovo-q1-2003.txt"), "-o", str(out),
                      "--taxonomy-package", str(tmp_path / "nope.zip")], capsys)
    assert code == 2 and "nope.zip" in err and err.count("\n") == 1
    assert not out.exists()


def test_validate_command_reports_the_slip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(ROOT / "examples" / "innovo-q1-2003.txt"), "-o", str(out), "--no-validate"]) == 0
    capsys.readouterr()
    code = main(["validate", str(out / "innovo-20030301.xml")])
    printed = capsys.readouterr().out
    assert code == 0
    assert "warning: calc11e:inconsistentCalculationUsingRounding" in printed
    assert "us-gaap:LiabilitiesCurrent" in printed
