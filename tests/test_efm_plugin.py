"""Finding the SEC's Arelle EDGAR plug-in, and what `--efm` says without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.cli import main
from converter.efm import PLUGIN_ENV, find_plugin, is_finding
from converter.errors import EXIT_BAD_INPUT, UsageError
from tests.conftest import EXAMPLE, shared_path

PLUGIN = ("tools", "arelle-edgar", "validate")


def test_the_option_names_the_plugin_folder() -> None:
    folder = shared_path(*PLUGIN)
    assert find_plugin(folder, environ={}) == folder.resolve()


def test_the_repository_root_stands_for_its_validate_folder(tmp_path: Path) -> None:
    folder = shared_path(*PLUGIN)
    root = tmp_path / "EDGAR"
    root.mkdir()
    (root / "validate").symlink_to(folder)
    assert find_plugin(root, environ={}) == folder.resolve()


def test_the_environment_names_it_when_the_option_does_not() -> None:
    folder = shared_path(*PLUGIN)
    assert find_plugin(None, environ={PLUGIN_ENV: str(folder)}) == folder.resolve()


def test_without_the_plugin_the_error_says_what_to_install() -> None:
    with pytest.raises(UsageError, match="EDGAR plug-in") as caught:
        find_plugin(None, environ={})
    assert "Arelle/EDGAR" in str(caught.value) and "xbrlconv[efm]" in str(caught.value)


def test_a_folder_that_is_not_the_plugin_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not the Arelle EDGAR plug-in"):
        find_plugin(tmp_path, environ={})


@pytest.mark.parametrize("command", ["validate", "convert"])
def test_efm_without_the_plugin_is_a_usage_error(command: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(PLUGIN_ENV, raising=False)
    args = [command, str(EXAMPLE), "--efm"] + (["-o", str(tmp_path / "out")] if command == "convert" else [])
    assert main(args) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("xbrlconv: error: --efm needs the SEC's Arelle EDGAR plug-in")
    assert not (tmp_path / "out").exists()


def test_efm_plugin_without_efm_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLE), "--efm-plugin", "/nowhere"]) == EXIT_BAD_INPUT
    assert "--efm-plugin without --efm" in capsys.readouterr().err


@pytest.mark.parametrize(("code", "finding"), [
    ("EFM.6.07.04", True), ("EXG.12.08", True), ("DQC.US.0015.8", True),
    ("calc11e:inconsistentCalculationUsingRounding", False), ("xbrl.4.9", False), ("EFMX", False)])
def test_plugin_findings_are_told_apart_by_code(code: str, finding: bool) -> None:
    assert is_finding(code) is finding
