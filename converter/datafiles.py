"""Reading the project's own data files (under taxonomy/): one place for what a broken file says.

A file that is missing, unreadable, not valid JSON/YAML or not a mapping at the top level
raises TaxonomyError naming the file (and the line, where the parser knows it).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

RESTORE = "reinstall xbrlconv or restore the file from the repository"


def read_data(path: Path, what: str, hint: str = RESTORE) -> dict[str, object]:
    """The top-level mapping of a JSON (`.json`) or YAML file."""
    from converter.errors import TaxonomyError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise TaxonomyError(f"cannot read {what}: {reason}", file=path, hint=hint) from exc
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise TaxonomyError(f"{what} is not valid JSON: {exc.msg}", file=path, line=exc.lineno,
                            hint=hint) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise TaxonomyError(f"{what} is not valid YAML: {getattr(exc, 'problem', None) or exc}",
                            file=path, line=mark.line + 1 if mark is not None else None, hint=hint) from exc
    if not isinstance(data, dict):
        raise TaxonomyError(f"{what} must be a mapping at the top level", file=path, hint=hint)
    return data
