"""The SEC's EDGAR Filer Manual checks: where the Arelle EDGAR plug-in is, and what its codes say.

The plug-in (the `validate/` folder of the public Arelle/EDGAR repository) is not on
the package index; `--efm-plugin DIR` or the environment variable
`XBRLCONV_EFM_PLUGIN` names it. `converter.validate` runs it inside the warm Arelle
session; this module holds what needs no Arelle: finding and checking the folder,
and telling EFM, EDGAR and DQC findings apart from the XBRL 2.1 ones.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from converter.errors import UsageError
from converter.model import Diagnostic, Severity

PLUGIN_ENV = "XBRLCONV_EFM_PLUGIN"
DISCLOSURE_SYSTEM = "efm-pragmatic"  # what EDGAR applies to filings; efm-strict adds rules it does not enforce
REQUIRED_MODULES = ("holidays", "pytz")  # the plug-in's own imports besides Arelle (xbrlconv[efm])
FINDING = re.compile(r"^(?:EFM|EXG|DQC)\.")
STANDARD_LABEL_RULE = "EFM.6.10.01"
GET_PLUGIN = ("clone the public Arelle/EDGAR repository and pass its validate/ folder with --efm-plugin DIR "
              f"or the environment variable {PLUGIN_ENV}; install its dependencies with "
              "pip install 'xbrlconv[efm]'")


def is_finding(code: str) -> bool:
    """Whether a message code is one of the plug-in's rules (EFM.*, EXG.*, DQC.*)."""
    return bool(FINDING.match(code))


def find_plugin(option: Path | None, environ: Mapping[str, str] = os.environ) -> Path:
    """The plug-in folder `--efm-plugin` or XBRLCONV_EFM_PLUGIN names, checked; a UsageError
    naming what to install when there is none or it is not the plug-in."""
    named = option if option is not None else (Path(environ[PLUGIN_ENV]) if environ.get(PLUGIN_ENV) else None)
    if named is None:
        raise UsageError("--efm needs the SEC's Arelle EDGAR plug-in, which is not installed with xbrlconv",
                         hint=GET_PLUGIN)
    folder = named / "validate" if (named / "validate" / "__init__.py").is_file() else named
    if not (folder / "__init__.py").is_file() or not (folder / "Filing.py").is_file():
        raise UsageError("not the Arelle EDGAR plug-in (no __init__.py and Filing.py)", file=named,
                         hint=GET_PLUGIN)
    missing = [name for name in REQUIRED_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise UsageError(f"the EDGAR plug-in needs {' and '.join(missing)}, which are not installed",
                         file=folder, hint="pip install 'xbrlconv[efm]'")
    return folder.resolve()


def offline_label_gap(diagnostic: Diagnostic, gaps: Mapping[str, str]) -> Diagnostic:
    """EFM 6.10.1 (no English standard label) on a concept of a taxonomy whose official labels no
    offline package holds (`gaps`: prefix -> namespace) is a note about the package, not the filing."""
    prefix = (diagnostic.concept or "").partition(":")[0]
    if diagnostic.code != STANDARD_LABEL_RULE or prefix not in gaps:
        return diagnostic
    return replace(diagnostic, severity=Severity.INFO,
                   message=f"{diagnostic.message} (the offline package has no {prefix} label linkbase; "
                           "EDGAR's copy of the taxonomy has the label)")
