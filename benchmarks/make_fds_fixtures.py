"""Write the generated 1990s full submissions of benchmarks/filings/fds-generated/ (deterministic).

Each is a 10-Q or 10-K of an invented registrant, with an SEC header, balance sheet, income statement
and cash flows as plain-text `<TABLE>` columns, and EX-27 schedules whose values are taken from the same
rows the statements print. They reproduce the layout classes of issue 11 that no gathered real filing
shows: (a) dates in the caption line over bare year columns; (b) spanning "THREE MONTHS ENDED / SIX (or
NINE) MONTHS ENDED" headers over four columns with the dates on the next line; (c) a 52/53-week
calendar (quarters ending on the last Saturday of the month, a 53-week year); (d) a current-liabilities
total with no label; articles 5, 7 and 9.

    python benchmarks/make_fds_fixtures.py [--check]   # --check: exit 1 when a file differs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


OUT = ROOT / "benchmarks" / "filings" / "fds-generated"


def fixtures() -> dict[str, str]:
    """File name → text of every generated submission."""
    from benchmarks.fds_fixtures_bank import farmers
    from benchmarks.fds_fixtures_calendar import lakeshore, pacific_december, pacific_half
    from benchmarks.fds_fixtures_commercial import keystone, northgate
    from benchmarks.fds_fixtures_insurer import granite
    from benchmarks.fds_fixtures_retail import harbor_quarter, harbor_year

    found: dict[str, str] = {}
    for make in (keystone, northgate, harbor_quarter, harbor_year, granite, farmers, lakeshore,
                 pacific_half, pacific_december):
        found |= make()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a written file differs")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, text in sorted(fixtures().items()):
        path = OUT / name
        if args.check:
            if not path.exists() or path.read_text(encoding="ascii") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="ascii")
            print(f"{path.relative_to(ROOT)}  {len(text.splitlines())} lines")
    if stale:
        print(
            "differs from the generator: " + ", ".join(stale) + "; run python benchmarks/make_fds_fixtures.py"
        )
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
