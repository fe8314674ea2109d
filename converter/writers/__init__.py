"""Output writers, by format name."""

from collections.abc import Callable
from pathlib import Path

from converter.model import XbrlReport
from converter.writers.xbrl import write_xbrl

Writer = Callable[[XbrlReport, Path], tuple[Path, ...]]

WRITERS: dict[str, Writer] = {"xbrl": write_xbrl}

__all__ = ["WRITERS", "Writer", "write_xbrl"]
