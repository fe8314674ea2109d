"""Mapping stage: statement rows -> us-gaap 2024 concepts (or extension concepts).

Public API: `ItemContext`, `Mapper` (`map_item`, `map_statement`), `Overrides`,
`load_overrides`, `map_rows` (JSON lines in, JSON lines out).
"""

from converter.mapping.batch import map_rows
from converter.mapping.context import ItemContext
from converter.mapping.engine import Mapper
from converter.mapping.overrides import Overrides, load_overrides

__all__ = ["ItemContext", "Mapper", "Overrides", "load_overrides", "map_rows"]
