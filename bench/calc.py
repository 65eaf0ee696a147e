"""How long the calculations take: the pane recomputes on every valid edit, so this must stay small.

Run: ``.venv/bin/python bench/calc.py``. Prints the median milliseconds per call (the first call also builds
the NYSE calendar for the start date's decade, about 0.1 s, and is timed separately).
"""

from __future__ import annotations

from datetime import date

from timing import median_ms, once_ms  # bench/timing.py

from app.calc import ScenarioKind, calculate, run_scenario
from app.domain.sample import sample_letter


def main() -> None:
    letter = sample_letter()
    print(f"first calculate (builds the calendar): {once_ms(lambda: calculate(letter)):8.2f} ms")
    print(f"calculate:                              {median_ms(lambda _: calculate(letter), 500):8.3f} ms")
    late = date(2030, 1, 1)  # 27 years of pay dates to walk before the severance payments
    for kind in (ScenarioKind.WITHOUT_CAUSE, ScenarioKind.DEATH):
        ms = median_ms(lambda _, k=kind: run_scenario(letter, k, late), 500)
        print(f"run_scenario {kind.value:<26}{ms:8.3f} ms")


if __name__ == "__main__":
    main()
