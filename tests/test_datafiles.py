"""The project's data files: a broken file is a TaxonomyError naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.datafiles import read_data
from converter.errors import TaxonomyError
from converter.resources import TAXONOMY_DIR


def test_every_shipped_yaml_and_json_file_reads_as_a_mapping() -> None:
    files = [p for p in TAXONOMY_DIR.rglob("*") if p.suffix in (".yaml", ".json")]
    assert len(files) >= 10
    for path in files:
        assert isinstance(read_data(path, "data"), dict), path


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text("a: 1\nb: [unclosed\nc: 3\n", encoding="utf-8")
    with pytest.raises(TaxonomyError) as error:
        read_data(path, "mapping cues")
    assert error.value.file == str(path) and error.value.line == 3
    assert "mapping cues is not valid YAML" in str(error.value)


def test_json_error_and_wrong_shape(tmp_path: Path) -> None:
    broken = tmp_path / "rules.json"
    broken.write_text('{"a": 1,\n "b": }\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match="rule data is not valid JSON") as error:
        read_data(broken, "rule data")
    assert error.value.line == 2
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="must be a mapping"):
        read_data(listed, "rule data")
    with pytest.raises(TaxonomyError, match="cannot read rule data"):
        read_data(tmp_path / "missing.json", "rule data")
