"""Fast validation: a package holding only the us-gaap concepts a filing refers to.

Arelle checks every concept of the DTS on each validation: with the full 17,388-concept
schema that costs seconds, with the few dozen concepts a converted filing uses it costs
tens of milliseconds. The subset keeps the namespace, the URL and each kept concept's
declaration byte for byte, so the facts validate exactly as against the full package;
only checks of concepts the filing does not use are skipped. `referenced_concepts` finds
the names a filing's files refer to.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from converter.errors import TaxonomyError
from converter.taxonomy.package import PACKAGE_NAME, default_package, write_package

SCHEMA_MEMBER = "us-gaap/2024/elts/us-gaap-2024.xsd"
_NAME = re.compile(r"""\sname=["']([^"']+)["']""")
_REFERS = re.compile(r"""(?:enum2:domain=["']us-gaap:|typedDomainRef=["']#us-gaap_)([^"']+)["']""")
US_GAAP_REFERENCE = re.compile(
    rb"us-gaap-2024\.xsd#us-gaap_([A-Za-z0-9_]+)|<us-gaap:([A-Za-z0-9_]+)[\s>]|[\"']us-gaap:([A-Za-z0-9_]+)[\"']")
REFERENCING_SUFFIXES = (".xml", ".xsd", ".htm", ".json")
EXTENSION_ELEMENT = re.compile(rb"<xs:element\b[^>]*?\sname=[\"']([A-Za-z_][A-Za-z0-9_.-]*)[\"']")


@lru_cache(maxsize=2)
def _read(package: Path, stamp: float) -> tuple[dict[str, bytes], list[str], dict[str, str]]:
    """(other members, schema head/tail lines, element line by concept name)."""
    prefix = f"{PACKAGE_NAME}/"
    try:
        with zipfile.ZipFile(package) as archive:
            members = {info.filename.removeprefix(prefix): archive.read(info)
                       for info in archive.infolist()
                       if not info.is_dir() and "/stm/" not in info.filename
                       and "/META-INF/" not in info.filename}
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        raise TaxonomyError(f"cannot read taxonomy package: {exc}", file=package) from exc
    if SCHEMA_MEMBER not in members:
        raise TaxonomyError(f"package lacks {SCHEMA_MEMBER}", file=package)
    frame, elements = [], {}
    for line in members.pop(SCHEMA_MEMBER).decode("utf-8").splitlines():
        match = _NAME.search(line) if line.lstrip().startswith("<xs:element") else None
        if match:
            elements[match.group(1)] = line
        else:
            frame.append(line)
    return members, frame, elements


def declared_concepts(package: Path) -> frozenset[str]:
    """The names of every us-gaap concept `package`'s schema declares."""
    return frozenset(_read(package, package.stat().st_mtime)[2])


def subset_package(names: Iterable[str], out: Path, package: Path | None = None) -> Path:
    """Write to `out` a package like `package` (default: the shipped one) whose us-gaap
    schema declares only `names` and the concepts their declarations refer to."""
    source = package if package is not None else default_package()
    members, frame, elements = _read(source, source.stat().st_mtime)
    wanted: set[str] = set()
    todo = [name for name in names]
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        if name not in elements:
            raise TaxonomyError(f"us-gaap 2024 has no concept {name!r}", file=source,
                                hint="check the concept name against the catalog")
        wanted.add(name)
        todo.extend(_REFERS.findall(elements[name]))
    closing = frame.index("</xs:schema>")
    schema = frame[:closing] + [elements[n] for n in sorted(wanted)] + frame[closing:]
    content = dict(members)
    content[SCHEMA_MEMBER] = ("\n".join(schema) + "\n").encode("utf-8")
    return write_package(out, content)


def referenced_concepts(folder: Path) -> set[str]:
    """us-gaap concept names the instance and linkbases in `folder` refer to."""
    names: set[str] = set()
    for path in folder.iterdir():
        if path.suffix in REFERENCING_SUFFIXES:
            for match in US_GAAP_REFERENCE.finditer(path.read_bytes()):
                names.add(next(g for g in match.groups() if g).decode("ascii"))
    return names


def extension_names(folder: Path) -> set[str]:
    """Names of the concepts the schemas in `folder` declare (an extension may repeat a us-gaap name)."""
    names: set[str] = set()
    for path in folder.glob("*.xsd"):
        names.update(match.decode("ascii") for match in EXTENSION_ELEMENT.findall(path.read_bytes()))
    return names
