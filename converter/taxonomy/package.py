"""Write the offline taxonomy package (XBRL Taxonomy Packages 1.0) as a deterministic zip.

Fixed timestamps, permissions and member order: rebuilding from the same inputs gives
the same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path

from converter.errors import TaxonomyError
from converter.resources import TAXONOMY_DIR

PACKAGE_NAME = "xbrlconv-us-gaap-2024"
PACKAGE_FILE = f"{PACKAGE_NAME}.zip"
FIXED_TIME = (2024, 1, 31, 0, 0, 0)
# remote prefix -> folder inside the package (relative to the package root)
REWRITES = (
    ("https://xbrl.fasb.org/us-gaap/2024/", "us-gaap/2024/"),
    ("http://xbrl.fasb.org/us-gaap/2024/", "us-gaap/2024/"),
    ("https://xbrl.fasb.org/srt/2024/", "srt/2024/"),
    ("http://xbrl.fasb.org/srt/2024/", "srt/2024/"),
    ("https://xbrl.sec.gov/dei/2024/", "dei/2024/"),
    ("http://xbrl.sec.gov/dei/2024/", "dei/2024/"),
)
ENTRY_POINTS = (
    ("US GAAP 2024 concepts (xbrlconv reconstruction)",
     "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"),
    ("SEC DEI 2024 cover concepts (xbrlconv subset)",
     "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"),
)


def default_package() -> Path:
    """The shipped package zip; raises TaxonomyError when it has not been built."""
    path = TAXONOMY_DIR / "packages" / PACKAGE_FILE
    if not path.is_file():
        raise TaxonomyError("taxonomy package missing", file=path,
                            hint="run `xbrlconv taxonomy build --sources DIR`")
    return path


def catalog_xml() -> str:
    lines = ["<?xml version='1.0' encoding='UTF-8'?>",
             "<catalog xmlns='urn:oasis:names:tc:entity:xmlns:xml:catalog'>"]
    lines += [f"  <rewriteURI uriStartString='{remote}' rewritePrefix='../{local}'/>"
              for remote, local in REWRITES]
    lines.append("</catalog>")
    return "\n".join(lines) + "\n"


def taxonomy_package_xml() -> str:
    entries = []
    for name, url in ENTRY_POINTS:
        entries += ["    <tp:entryPoint>", f"      <tp:name>{name}</tp:name>",
                    f"      <tp:entryPointDocument href='{url}'/>", "    </tp:entryPoint>"]
    return "\n".join([
        "<?xml version='1.0' encoding='UTF-8'?>",
        "<tp:taxonomyPackage xml:lang='en' xmlns:tp='http://xbrl.org/2016/taxonomy-package'>",
        "  <tp:identifier>urn:xbrlconv:taxonomy-package:us-gaap-2024</tp:identifier>",
        "  <tp:name>xbrlconv offline US GAAP 2024 and DEI 2024</tp:name>",
        "  <tp:description>The us-gaap 2024 concepts with reconstructed attributes, the FASB "
        "statement linkbases and a dei 2024 subset, for validating xbrlconv output "
        "offline.</tp:description>",
        "  <tp:version>2024</tp:version>",
        "  <tp:license href='https://xbrl.fasb.org/terms/TaxonomiesTermsConditions.html' "
        "name='FASB Taxonomies Terms and Conditions'/>",
        "  <tp:publisher>xbrlconv</tp:publisher>",
        "  <tp:publicationDate>2024-01-31</tp:publicationDate>",
        "  <tp:entryPoints>", *entries, "  </tp:entryPoints>",
        "</tp:taxonomyPackage>",
    ]) + "\n"


def write_package(out: Path, members: Mapping[str, bytes]) -> Path:
    """Write `members` (path inside the package root -> bytes) plus META-INF into `out`."""
    everything = dict(members)
    everything["META-INF/catalog.xml"] = catalog_xml().encode()
    everything["META-INF/taxonomyPackage.xml"] = taxonomy_package_xml().encode()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w") as archive:
        for name in sorted(everything):
            info = zipfile.ZipInfo(f"{PACKAGE_NAME}/{name}", date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, everything[name], compresslevel=9)
    tmp.replace(out)
    return out
