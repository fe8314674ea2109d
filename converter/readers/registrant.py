"""The registrant's name from statement title lines, for documents without an SEC header.

"INNOVO GROUP INC  AND SUBSIDIARIES" above a statement names "Innovo Group Inc":
the patterns (taxonomy/reader/registrant.yaml) cut the name from the title,
and names printed in capitals are recased word by word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from converter.errors import TaxonomyError
from converter.readers.vocab import READER_DIR, Patterns, compile_patterns, load_yaml


@dataclass(frozen=True)
class RegistrantVocabulary:
    titles: Patterns
    keep_case: dict[str, str]  # lower-case word → spelling to keep


@cache
def registrant_vocabulary(directory: Path = READER_DIR) -> RegistrantVocabulary:
    path = directory / "registrant.yaml"
    data = load_yaml(path)
    keep = data.get("keep_case")
    if not isinstance(keep, list) or not all(isinstance(word, str) for word in keep):
        raise TaxonomyError("`keep_case` must be a list of words", file=path)
    return RegistrantVocabulary(compile_patterns(path, data.get("titles")),
                                {word.lower(): word for word in keep})


def _recase(name: str, keep: dict[str, str]) -> str:
    if any(char.islower() for char in name):
        return name
    words = []
    for position, word in enumerate(name.split()):
        kept = keep.get(word.lower())
        if kept is not None and not (position == 0 and kept.islower()):
            words.append(kept)
        else:
            words.append(word[:1].upper() + word[1:].lower())
    return " ".join(words)


def registrant_name(titles: Iterable[str], vocab: RegistrantVocabulary | None = None) -> str | None:
    """The first registrant name a title line gives, recased and without a trailing period."""
    vocab = vocab or registrant_vocabulary()
    for title in titles:
        for pattern in vocab.titles:
            match = pattern.search(title)
            if match:
                name = _recase(re.sub(r"\s+", " ", match["name"]).strip(" ,"), vocab.keep_case)
                if name.endswith(".") and name.split()[-1] not in vocab.keep_case.values():
                    name = name[:-1]
                return name or None
    return None
