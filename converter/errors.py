"""The one exception root of xbrlconv.

Every error names where it happened (file and, when known, line) and what the
user can do about it. The CLI turns them into one line on stderr and an exit
code; nothing else ever reaches the user as a traceback.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


class XbrlconvError(Exception):
    """Root of every error xbrlconv raises on purpose."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, *, file: str | Path | None = None,
                 line: int | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(XbrlconvError):
    """The input document cannot be converted (empty, binary, no statements…)."""


class UsageError(XbrlconvError):
    """The command line or an option file is wrong."""


class TaxonomyError(XbrlconvError):
    """Shipped or user-supplied taxonomy data is missing or inconsistent."""


class ValidationSetupError(XbrlconvError):
    """The validator could not be started (package missing, Arelle failure)."""

    exit_code = EXIT_INVALID
