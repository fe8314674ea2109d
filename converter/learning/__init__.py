"""Learning: building the mapper's data files from labelled filings (`python benchmarks/learn.py`).

Nothing at run time imports this package; it reads the runtime's normaliser and catalog and
writes the files the runtime loads (`taxonomy/mapping/label-stats.json`, `concept-words.json`,
`filer-vocabulary.tsv.gz`).
"""
