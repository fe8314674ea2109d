"""Rebuild the mapper's learned data files from the reference material in ../shared.

    python benchmarks/learn.py [--shared DIR]

- taxonomy/mapping/label-stats.json: the labelled rows of modern filings (evidence);
- taxonomy/mapping/concept-words.json: the catalog's normalised concept words;
- taxonomy/mapping/filer-vocabulary.tsv.gz: the filers' vocabulary of the SEC's Financial
  Statement Data Sets.

Run it after editing taxonomy/mapping/normalize.yaml or when the sources change; then
`python benchmarks/mapping.py` for the leave-one-company-out figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from converter.learning.evidence import build_evidence, concept_words, live_names, training_rows, write_evidence  # noqa: E402,E501
from converter.learning.rows import DEFAULT_SHARED  # noqa: E402
from converter.learning.vocabulary import build_vocabulary, carried_forward, conventions, fsds_rows  # noqa: E402,E501
from converter.mapping.conceptwords import WORDS_FILE  # noqa: E402
from converter.mapping.conceptwords import write as write_words  # noqa: E402
from converter.mapping.evidence import STATS_FILE  # noqa: E402
from converter.mapping.filers import VOCABULARY_FILE, write_vocabulary  # noqa: E402
from converter.mapping.normalize import load_normalizer  # noqa: E402
from converter.taxonomy.catalog import load_catalog  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args(argv)
    normalizer = load_normalizer()
    catalog = load_catalog()
    live = live_names(catalog)
    rows, extra = training_rows(args.shared)
    evidence = build_evidence(rows + extra, live, normalizer)
    write_evidence(evidence, normalizer.digest, STATS_FILE)
    print(f"wrote {STATS_FILE}: {len(evidence.rows)} rows")
    words = concept_words(catalog, normalizer)
    write_words(words, normalizer.digest, WORDS_FILE)
    print(f"wrote {WORDS_FILE}: {len(words)} concepts")
    records = build_vocabulary(fsds_rows(args.shared), live, normalizer)
    table = conventions(records, rows, live, normalizer)
    count = write_vocabulary(carried_forward(records, table), normalizer.digest, VOCABULARY_FILE)
    print(f"carried {len(table)} old conventions forward: " + ", ".join(
        f"{statement} {old.partition(':')[2]} -> {new.partition(':')[2]}" for (statement, old), new in table.items()))
    print(f"wrote {VOCABULARY_FILE}: {count} records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
