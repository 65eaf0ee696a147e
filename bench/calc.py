"""How long the calculations take: the pane recomputes on every valid edit, so this must stay small.

Run: ``.venv/bin/python bench/calc.py``. Prints the median milliseconds per call (the first call also builds
the NYSE calendar for the start date's decade, about 0.1 s, and is timed separately), for the sample
letter and for a letter using the terms beyond it (salary steps, target bonus, a signing bonus with
repayment, a monthly-vesting grant, a Change of Control with a window before it, a 409A delay), with the
ratio of the two measured in the same run.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from timing import median_ms, once_ms  # bench/timing.py

from app.calc import ScenarioKind, calculate, run_scenario
from app.domain.letter import Letter
from app.domain.sample import sample_letter


def rich_letter() -> Letter:
    draft: dict[str, Any] = sample_letter().model_dump(mode="json")
    draft["compensation"]["steps"] = [{"timing": "on_anniversary", "anniversary": n, "salary": f"{300000 + 20000 * n}.00"}
                                      for n in (1, 2, 3)]
    draft["benefits"]["bonus_program"]["target_percent"] = "50"
    draft["cash_awards"] = [{"kind": "signing", "installments": [
        {"amount": "100000.00", "timing": "at_start"},
        {"amount": "50000.00", "timing": "months_after_start", "months_after_start": 12}],
        "repayment": {"kind": "pro_rata", "months": 24}}]
    draft["equity"]["grants"].append({"kind": "rsu", "shares": 65000, "vesting": {
        "kind": "cliff_then_periodic", "years": 4, "cliff_months": 12}})
    draft["termination"]["without_cause"]["severance"].update(specified_employee_delay=True, cobra_months=12,
                                                               pro_rata_bonus=True)
    draft["termination"]["change_of_control"].update(months_before=3, trigger="single")
    return Letter.model_validate(draft)


def main() -> None:
    late = date(2030, 1, 1)  # 27 years of pay dates to walk before the severance payments
    medians: dict[str, float] = {}
    sample = sample_letter()
    print(f"first calculate (builds the calendar): {once_ms(lambda: calculate(sample)):8.2f} ms")
    for name, letter in (("sample", sample), ("rich", rich_letter())):
        medians[name] = median_ms(lambda _, lt=letter: calculate(lt), 500)
        print(f"calculate, {name + ' letter:':<28}{medians[name]:8.3f} ms")
        for kind in (ScenarioKind.WITHOUT_CAUSE, ScenarioKind.RESIGNATION, ScenarioKind.DEATH):
            ms = median_ms(lambda _, k=kind, lt=letter: run_scenario(lt, k, late), 500)
            medians[f"{name}.{kind.value}"] = ms
            print(f"run_scenario {kind.value:<14} {name:<8}  {ms:8.3f} ms")
    print(f"ratio rich / sample, calculate:         {medians['rich'] / medians['sample']:8.2f}")
    ratio = medians["rich.without_cause"] / medians["sample.without_cause"]
    print(f"ratio rich / sample, without Cause:     {ratio:8.2f}")


if __name__ == "__main__":
    main()
