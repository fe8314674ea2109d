"""Turn a printed row label (or a concept name) into weighted comparison tokens.

The rules are data: `taxonomy/mapping/normalize.yaml` lists character fixes,
note-reference and par-value patterns, phrase rewrites (abbreviations such as
PP&E, SG&A, "net sales" -> revenue), token synonyms, singular exceptions and stop
words. `Normalizer.words` gives the content words in order, `Normalizer.tokens`
the bag a TF-IDF vector is made of, `Normalizer.key` the canonical text used for
exact lookups.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from converter.errors import TaxonomyError
from converter.resources import TAXONOMY_DIR

NORMALIZE_FILE = TAXONOMY_DIR / "mapping" / "normalize.yaml"
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True, eq=False)
class Normalizer:
    characters: tuple[tuple[str, str], ...]
    drop: tuple[re.Pattern[str], ...]
    phrase_re: re.Pattern[str] | None
    phrases: tuple[tuple[str, str], ...]
    synonyms: tuple[tuple[str, str], ...]
    not_plural: frozenset[str]
    stop_words: frozenset[str]
    digest: str

    def clean(self, label: str) -> str:
        """Lower-cased label with characters fixed, note references dropped and phrases rewritten."""
        text = label.lower()
        for old, new in self.characters:
            text = text.replace(old, new)
        for pattern in self.drop:
            text = pattern.sub(" ", text)
        if self.phrase_re is not None:
            table = dict(self.phrases)
            text = self.phrase_re.sub(lambda m: table[m.group(0)], text)
        return text

    def words(self, label: str) -> tuple[str, ...]:
        """Content words of a label after synonyms, singulars and stop words."""
        return _cached_words(self, label)

    def _words(self, label: str) -> tuple[str, ...]:
        synonyms = dict(self.synonyms)
        out: list[str] = []
        for raw in _WORD.findall(self.clean(label)):
            word = raw.strip("'")
            if word.endswith("'s"):
                word = word[:-2]
            for part in synonyms.get(word, word).split():
                part = self._singular(part)
                if part and part not in self.stop_words:
                    out.append(part)
        return tuple(out)

    def _singular(self, word: str) -> str:
        if word in self.not_plural or len(word) <= 3:
            return word
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        return word

    def key(self, label: str) -> str:
        """Canonical form of a label for exact-match tables (sorted unique content words)."""
        return " ".join(sorted(set(self.words(label))))

    def tokens(self, label: str) -> dict[str, float]:
        """Bag of content words, each weighing 1."""
        return self.bag(self.words(label))

    @staticmethod
    def bag(words: tuple[str, ...]) -> dict[str, float]:
        """The bag of already normalised words (as `words` returns them)."""
        return dict.fromkeys(words, 1.0)

    def concept_words(self, name: str) -> str:
        """A concept name split into words ("AccountsPayableCurrent" -> "accounts payable current")."""
        return " ".join(part.lower() for part in _CAMEL.findall(name))


@lru_cache(maxsize=1 << 16)
def _cached_words(normalizer: Normalizer, label: str) -> tuple[str, ...]:
    return normalizer._words(label)


def _load(path: Path) -> Normalizer:
    try:
        raw_text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"cannot read normalisation rules: {exc.strerror}", file=path,
                            hint="reinstall xbrlconv; the file ships in taxonomy/mapping/") from exc
    data = yaml.safe_load(raw_text)
    if not isinstance(data, dict):
        raise TaxonomyError("normalisation rules must be a YAML mapping", file=path)
    for key in ("characters", "phrases", "synonyms"):
        table = data.get(key, {})
        if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                  for k, v in table.items()):
            raise TaxonomyError(f"'{key}' must map text to text (quote YAML words such as on/no)",
                                file=path)
    for key in ("drop_patterns", "not_plural", "stop_words"):
        if not all(isinstance(w, str) for w in data.get(key, [])):
            raise TaxonomyError(f"'{key}' must list text only (quote YAML words such as on/no)",
                                file=path)
    phrases = tuple(sorted(((str(k), str(v)) for k, v in data.get("phrases", {}).items()),
                           key=lambda kv: -len(kv[0])))
    phrase_re = None
    if phrases:
        alternation = "|".join(_phrase_pattern(k) for k, _ in phrases)
        phrase_re = re.compile(alternation)
    return Normalizer(
        characters=tuple((str(k), str(v)) for k, v in data.get("characters", {}).items()),
        drop=tuple(re.compile(p) for p in data.get("drop_patterns", [])),
        phrase_re=phrase_re,
        phrases=phrases,
        synonyms=tuple((str(k), str(v)) for k, v in data.get("synonyms", {}).items()),
        not_plural=frozenset(data.get("not_plural", [])),
        stop_words=frozenset(data.get("stop_words", [])),
        digest=hashlib.sha256(raw_text.encode("utf-8")).hexdigest()[:16],
    )


def _phrase_pattern(phrase: str) -> str:
    start = r"(?<![a-z0-9])" if phrase[0].isalnum() else ""
    end = r"(?![a-z0-9])" if phrase[-1].isalnum() else ""
    return start + re.escape(phrase) + end


@lru_cache(maxsize=4)
def load_normalizer(path: Path = NORMALIZE_FILE) -> Normalizer:
    return _load(path)
