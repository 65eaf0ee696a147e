"""``offerdesk calc``: a letter's figures (pay, equity, bonus, benefits, cost) and a termination scenario.

Plain output is an aligned table in the formats of the letter; ``--json`` prints the figures with
money as strings with two decimals, dates as ISO strings and each figure's explanation under
``explanations`` (keyed like the figure: ``pay.per_period``, ``equity[0].vesting[1]``). Besides the
figures of the table it lists ``scenario_kinds`` (the terminations the letter provides for),
``award_payments`` (signing, retention and relocation payments) and, for a scenario, its severance
payments, repayments and per-grant shares. A scenario the letter does not provide for is an error.

The calculation engine (trading calendars, pandas) is imported when the command runs, not when the
parser is built, so the other commands (``offerdesk gui`` above all) start without it.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import CliError, require_valid
from app.documents.formatting import FILTERS, long_date, money, shares

if TYPE_CHECKING:
    from app.calc import Calculations, Scenario, ScenarioKind
    from app.calc.report import Section
    from app.domain.letter import Letter

SCENARIO_HELP = "a termination: one of {kinds}"


def _scenario_kinds() -> str:
    from app.calc import ScenarioKind

    return ", ".join(k.value for k in ScenarioKind)


class _HelpFormatter(argparse.HelpFormatter):
    """Lists the kinds of termination only when the help is shown (naming them loads the engine)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.help == SCENARIO_HELP:
            return SCENARIO_HELP.format(kinds=_scenario_kinds())
        return action.help


def register(sub: Any) -> None:
    """Add ``calc`` to the parser."""
    parser = sub.add_parser(
        "calc",
        help="print a letter's figures: pay, equity vesting, bonus, benefits, cost, a termination scenario",
        description="Print a letter's figures. With --scenario and --on, also what a termination on that date means.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("letter", type=Path, metavar="LETTER.offer.json", help="the letter file")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--scenario", metavar="KIND", help=SCENARIO_HELP)
    parser.add_argument("--on", metavar="YYYY-MM-DD", help="the termination date (with --scenario)")
    parser.add_argument(
        "--change-of-control-on",
        metavar="YYYY-MM-DD",
        help="change_of_control only: the date of the Change of Control (default: the termination date)",
    )
    parser.set_defaults(handler=run)


def _parse_date(option: str, text: str) -> date:
    from app.domain.types import check_date_in_range

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option} {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2004-04-14") from None
    try:
        return check_date_in_range(day)
    except ValueError as exc:
        raise CliError(f"{option} {exc}") from None


def _scenario_request(args: argparse.Namespace) -> tuple[ScenarioKind, date, date | None] | None:
    from app.calc import ScenarioKind

    if args.scenario is None:
        if args.on is not None or args.change_of_control_on is not None:
            raise CliError("--on and --change-of-control-on need --scenario KIND")
        return None
    try:
        kind = ScenarioKind(args.scenario)
    except ValueError:
        raise CliError(
            f"--scenario {args.scenario!r} is not a kind of termination; use one of {_scenario_kinds()}"
        ) from None
    if args.on is None:
        raise CliError("--scenario needs --on YYYY-MM-DD, the termination date")
    coc = args.change_of_control_on
    if coc is not None and kind is not ScenarioKind.CHANGE_OF_CONTROL:
        raise CliError("--change-of-control-on applies only to --scenario change_of_control")
    return kind, _parse_date("--on", args.on), None if coc is None else _parse_date("--change-of-control-on", coc)


def run(args: argparse.Namespace) -> int:
    # The letter first: a file that cannot be read is refused before the engine (pandas) loads.
    _, letter, _ = require_valid(args.letter)
    from app.calc import ScenarioError, calculate, run_scenario

    request = _scenario_request(args)
    calcs = calculate(letter)
    scenario = None
    if request is not None:
        kind, on, coc_on = request
        try:
            scenario = run_scenario(letter, kind, on, coc_on)
        except ScenarioError as exc:
            raise CliError(str(exc)) from None
    if args.json:
        json.dump(as_json(calcs, scenario, letter), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(as_table(calcs, scenario, letter))
    return 0


# ---------------------------------------------------------------- JSON


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal | date):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _put(out: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, leaf = dotted.split(".")
    for part in parents:
        out = out.setdefault(part, {})
    out[leaf] = value


def _sections_json(out: dict[str, Any], why: dict[str, str], sections: tuple[Section, ...]) -> None:
    for section in sections:
        for line in section.lines:
            _put(out, line.key, _plain(line.figure.value))
            why[line.key] = line.explain(FILTERS)


def as_json(calcs: Calculations, scenario: Scenario | None, letter: Letter) -> dict[str, Any]:
    """The figures as JSON-ready data (money and fractions as strings, dates ISO)."""
    from app.calc import scenario_kinds
    from app.calc.report import overview, scenario_section

    out: dict[str, Any] = {}
    why: dict[str, str] = {}
    _put(out, "pay.frequency", calcs.pay.frequency.value)
    _put(out, "pay.periods_per_year", calcs.pay.periods_per_year)
    _put(out, "first_year_bonus.applies", calcs.first_year_bonus.applies)
    _put(out, "first_year_bonus.year", calcs.first_year_bonus.year)
    _sections_json(out, why, overview(calcs))
    out["pay"]["by_frequency"] = {p.frequency.value: str(p.amount.value) for p in calcs.pay.by_frequency}
    out["cost"]["largest_severance_scenarios"] = [k.value for k in calcs.cost.largest_severance_kinds]
    out["award_payments"] = [
        {"label": p.label, "date": str(p.date), "amount": str(p.amount),
         "repayable_months": p.repayment.months if p.repayment else None}
        for p in calcs.awards
    ]
    out["scenario_kinds"] = [k.value for k in scenario_kinds(letter)]
    out["equity"] = []
    for g in calcs.equity:
        key = f"equity[{g.index}]"
        why[f"{key}.shares"] = g.shares.explain(FILTERS)
        why[f"{key}.vesting_start"] = g.vesting_start.explain(FILTERS)
        why[f"{key}.price_date"] = g.price_date.explain(FILTERS)
        for i in g.installments:
            why[f"{key}.vesting[{i.number - 1}]"] = i.why.render(FILTERS)
        out["equity"].append({
            "kind": g.kind.value,
            "shares": g.shares.value,
            "vesting_start": str(g.vesting_start.value),
            "price_date": _plain(g.price_date.value),
            "vesting": [{"date": str(i.date), "shares": i.shares, "cumulative": i.cumulative} for i in g.installments],
        })
    if scenario is not None:
        _put(out, "scenario.kind", scenario.kind.value)
        _put(out, "scenario.termination_date", str(scenario.termination_date))
        _put(out, "scenario.change_of_control_date", _plain(scenario.change_of_control_date))
        _put(out, "scenario.terms", scenario.terms.render(FILTERS))
        _sections_json(out, why, (scenario_section(scenario, letter),))
        out["scenario"]["severance_payments"] = [
            {"date": str(p.date), "amount": str(p.amount)} for p in scenario.severance_payments.value
        ]
        why["scenario.severance_payments"] = scenario.severance_payments.explain(FILTERS)
        out["scenario"]["repayments"] = [
            {"label": r.payment.label, "paid_on": str(r.payment.date), "amount": str(r.amount.value), "due": str(r.due)}
            for r in scenario.repayments
        ]
        out["scenario"]["grants"] = [
            {"kind": o.kind.value, "shares": o.shares, "vested": o.vested, "accelerated": o.accelerated,
             "forfeited": o.forfeited}
            for o in scenario.grants
        ]
    out["explanations"] = why
    return out


# ---------------------------------------------------------------- table


Block = tuple[str, list[tuple[str, str]]]


def _render(blocks: list[Block]) -> str:
    width = max((len(label) for _, rows in blocks for label, _ in rows), default=0)
    out: list[str] = []
    for title, rows in blocks:
        out += [title, *(f"  {label.ljust(width)}  {text}".rstrip() for label, text in rows), ""]
    return "\n".join(out)


def as_table(calcs: Calculations, scenario: Scenario | None, letter: Letter) -> str:
    """The figures as aligned text, in the letter's formats."""
    from app.calc.report import grant_title, overview, scenario_section

    blocks: list[Block] = [
        (section.title, [(line.label, line.text(FILTERS)) for line in section.lines])
        for section in overview(calcs)
    ]
    for g in calcs.equity:
        price = long_date(g.price_date.value) if g.price_date.value else "none (no exercise price)"
        rows = [("Exercise price set on", price), ("Vesting counts from", long_date(g.vesting_start.value))]
        if g.shares.value is None:
            rows.append(("Shares", g.shares.explain(FILTERS)))
        else:
            rows.append(("Vesting date", f"{'vests':>11}  {'vested in all':>13}"))
        rows += [(long_date(i.date), f"{shares(i.shares):>11}  {shares(i.cumulative):>13}") for i in g.installments]
        blocks.append((grant_title(g, FILTERS), rows))
    if scenario is not None:
        section = scenario_section(scenario, letter)
        title = f"{section.title} on {long_date(scenario.termination_date)} ({scenario.terms.render(FILTERS)})"
        blocks.append((title, [(line.label, line.text(FILTERS)) for line in section.lines]))
        payments = scenario.severance_payments.value
        if payments:
            how = "through payroll" if len(payments) > 1 else "one payment"
            blocks.append((f"Severance payments ({how})", [
                (f"{p.number:>3}. {long_date(p.date)}", f"{money(p.amount):>14}") for p in payments
            ]))
    return _render(blocks)
