"""Arelle's iXBRL viewer, an optional extra (the `ixbrl-viewer` package): whether it is
installed, the script it ships and the plug-in options that write `<stem>-viewer.htm`.

Nothing here imports Arelle or the plug-in (a batch's parent process checks the extra
before any worker starts); `converter.validate` runs the plug-in in its Arelle session.
The viewer page loads the script the package ships, copied beside it: it opens from the
file system and never fetches anything.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from converter.errors import UsageError

PLUGIN = "iXBRLViewerPlugin"
SCRIPT = ("viewer", "dist", "ixbrlviewer.js")
INSTALL = "pip install 'xbrlconv[viewer]', which installs Arelle's ixbrl-viewer package"

PluginOptions = dict[str, str | bool | None]


def viewer_name(stem: str) -> str:
    """The viewer page beside the Inline XBRL document `<stem>.htm`."""
    return f"{stem}-viewer.htm"


def viewer_script() -> Path:
    """The viewer script of the installed package; UsageError when the extra is missing."""
    spec = importlib.util.find_spec(PLUGIN)
    if spec is None or spec.origin is None:
        raise UsageError("--viewer needs Arelle's iXBRL viewer plug-in, which is not installed",
                         hint=INSTALL)
    script = Path(spec.origin).parent.joinpath(*SCRIPT)
    if not script.is_file():
        raise UsageError("the installed ixbrl-viewer package has no built viewer script", file=script,
                         hint=f"reinstall it: {INSTALL}")
    return script


def plugin_options(viewer: Path) -> PluginOptions:
    """The plug-in's options (`--save-viewer`, `--viewer-url` …): write `viewer`, copy the
    shipped script beside it, list the run's validation messages."""
    return {"saveViewerDest": str(viewer), "viewerURL": str(viewer_script()), "viewerNoCopyScript": False,
            "validationMessages": True, "useStubViewer": False, "zipViewerOutput": False,
            "packageDownloadURL": None, "viewerBasenameSuffix": ""}
