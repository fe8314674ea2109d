"""Golden fact dumps: an instance's facts as sorted `concept, period, value` rows."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

XBRLI = "http://www.xbrl.org/2003/instance"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _period(context: etree._Element) -> str:
    instant = context.findtext(f"{{{XBRLI}}}period/{{{XBRLI}}}instant")
    if instant:
        return instant.strip()
    start = context.findtext(f"{{{XBRLI}}}period/{{{XBRLI}}}startDate")
    end = context.findtext(f"{{{XBRLI}}}period/{{{XBRLI}}}endDate")
    return f"{start.strip()}--{end.strip()}"


def fact_rows(instance: Path, *, numeric_only: bool = True) -> list[str]:
    root = etree.parse(str(instance), PARSER).getroot()
    periods = {c.get("id"): _period(c) for c in root.iter(f"{{{XBRLI}}}context")}
    rows = []
    for element in root:
        context = element.get("contextRef")
        if context is None or (numeric_only and element.get("unitRef") is None):
            continue
        prefix = element.prefix or ""
        name = etree.QName(element).localname
        rows.append(f"{prefix}:{name}\t{periods[context]}\t{(element.text or '').strip()}")
    return sorted(rows)
