"""Where the project's shipped data lives: `taxonomy/` and `templates/` beside the package."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAXONOMY_DIR = ROOT / "taxonomy"
TEMPLATES_DIR = ROOT / "templates"
