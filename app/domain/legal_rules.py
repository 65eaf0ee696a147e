"""Legal checks on a letter's terms: the work state's limits on non-competes, Section 409A timing
of severance, the incentive stock option limits, and terms that contradict each other.

One function per rule, each citing its source in its message; :func:`legal_issues` runs them all.
They read the terms only (no text, no clock): the year a threshold is taken from is the letter's
date. Thresholds that are indexed each year are tabulated by year; a later year uses the latest
figure known here, and the message says so. These are a reviewer's flags, not legal advice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from app.domain.letter import (
    GrantKind,
    GrantSizing,
    Letter,
    Noncompete,
    NoncompeteStart,
    PricingRule,
    Severance,
    SeveranceFormula,
    SeverancePayment,
    UsState,
    VestingKind,
    VestingPeriod,
    VestingStart,
)
from app.domain.problems import Severity

ERROR = Severity.ERROR
WARNING = Severity.WARNING


@dataclass(frozen=True, slots=True)
class LegalIssue:
    """A legal finding on the terms: the rule, how bad, what to do (with its source) and the term."""

    rule: str
    severity: Severity
    message: str
    path: str  # the dotted path of the term it is about ("covenants.noncompete.months")


# ---------------------------------------------------------------- tabulated thresholds

# Washington, RCW 49.62.020 / 49.62.040: annual earnings above which a non-compete may be enforced
# (adjusted each year by the Department of Labor & Industries).
WA_NONCOMPETE_EARNINGS = {2020: Decimal("100000.00"), 2021: Decimal("101390.00"), 2022: Decimal("107301.04"),
                          2023: Decimal("116593.18"), 2024: Decimal("120559.99"), 2025: Decimal("123394.17")}
# Colorado, C.R.S. 8-2-113(2)(b): the "highly compensated worker" threshold (set yearly by CDLE).
CO_NONCOMPETE_EARNINGS = {2022: Decimal("101250"), 2023: Decimal("112500"), 2024: Decimal("123750"),
                          2025: Decimal("127091")}
# Illinois Freedom to Work Act, 820 ILCS 90/10: non-compete and non-solicit earnings floors.
IL_NONCOMPETE_EARNINGS = {2022: Decimal("75000"), 2027: Decimal("80000"), 2032: Decimal("85000"),
                          2037: Decimal("90000")}
IL_NONSOLICIT_EARNINGS = {2022: Decimal("45000"), 2027: Decimal("47500"), 2032: Decimal("50000"),
                          2037: Decimal("52500")}
# Internal Revenue Code 401(a)(17) compensation limit (the separation pay exemption is twice the
# lesser of it and the annual pay, Treas. Reg. 1.409A-1(b)(9)(iii)).
COMPENSATION_LIMIT = {2023: Decimal("330000"), 2024: Decimal("345000"), 2025: Decimal("350000")}
ISO_ANNUAL_LIMIT = Decimal("100000")  # IRC 422(d)
# States whose statutes void employee non-competes outright (besides California, checked on its own).
NONCOMPETE_BANS = {
    UsState.MN: "Minn. Stat. 181.988 (agreements from July 1, 2023)",
    UsState.ND: "N.D. Cent. Code 9-08-06",
    UsState.OK: "Okla. Stat. tit. 15, 219A",
}
# States whose wage laws bar deducting an employer's claim from wages (final pay included).
WAGE_DEDUCTION_LIMITS = {
    UsState.CA: "Cal. Lab. Code 221 and 224",
    UsState.NY: "N.Y. Lab. Law 193",
    UsState.IL: "820 ILCS 115/9",
    UsState.MA: "M.G.L. c. 149, 148 and 150",
}


def _by_year(table: dict[int, Decimal], year: int) -> tuple[Decimal, int]:
    """The figure in force in ``year`` (the latest one on or before it) and the year it is from."""
    known = [y for y in table if y <= year] or [min(table)]
    used = max(known)
    return table[used], used


def _as_of(used: int, year: int) -> str:
    return f"{used} figure" if used == year else f"{used} figure, the latest known here; check {year}'s"


def _money(amount: Decimal) -> str:
    return f"${amount:,.2f}"


# ---------------------------------------------------------------- helpers on the terms


def _work_state(letter: Letter) -> UsState | None:
    return letter.position.work_state


def _noncompete_in(letter: Letter, state: UsState) -> Noncompete | None:
    """The letter's non-compete, when the executive works in ``state``."""
    covenants = letter.covenants
    if _work_state(letter) is not state or covenants is None:
        return None
    return covenants.noncompete


def _noncompete_months_from_last_payment(letter: Letter) -> int:
    """Months the non-compete can run past termination: its own months, plus the longest severance
    paid in installments when it runs from the last severance payment."""
    covenants = letter.covenants
    if covenants is None or covenants.noncompete is None:
        return 0
    noncompete = covenants.noncompete
    extra = 0
    if noncompete.starts is NoncompeteStart.LATER_OF_TERMINATION_AND_SEVERANCE:
        for _path, severance in _severances(letter):
            extra = max(extra, _installment_months(severance))
    return noncompete.months + extra


def _installment_months(severance: Severance) -> int:
    """Months over which severance paid in installments runs (0 for a lump sum or unknown length)."""
    if severance.payment is not SeverancePayment.INSTALLMENTS:
        return 0
    if severance.formula is SeveranceFormula.MONTHS_OF_SALARY:
        return severance.months
    if severance.formula is SeveranceFormula.SALARY_AND_BONUS_MULTIPLE:
        return int((severance.multiple * 12).to_integral_value())
    if severance.formula is SeveranceFormula.WEEKS_PER_SERVICE and severance.maximum_weeks:
        return -(-severance.maximum_weeks * 12 // 52)
    return 0


def _severances(letter: Letter) -> Iterator[tuple[str, Severance]]:
    termination = letter.termination
    if termination.without_cause is not None:
        yield "termination.without_cause.severance", termination.without_cause.severance
    if termination.change_of_control is not None:
        yield "termination.change_of_control.severance", termination.change_of_control.severance
    if termination.disability is not None and termination.disability.severance is not None:
        yield "termination.disability.severance", termination.disability.severance


def _public_company(letter: Letter) -> bool:
    """The Company's stock trades: an option is priced at a closing stock price."""
    grants = letter.equity.grants if letter.equity else []
    return any(g.pricing in (PricingRule.CLOSE_PRIOR_TRADING_DAY, PricingRule.CLOSE_ON_GRANT_DATE)
               for g in grants if g.kind.is_option)


# ---------------------------------------------------------------- non-competes by state


def california_noncompete(letter: Letter) -> list[LegalIssue]:
    """Cal. Bus. & Prof. Code 16600, 16600.1, 16600.5; Lab. Code 925."""
    if _work_state(letter) is not UsState.CA or letter.covenants is None:
        return []
    issues = []
    if letter.covenants.noncompete is not None:
        issues.append(LegalIssue(
            "legal-california-noncompete", ERROR,
            "California voids post-employment non-competes (Cal. Bus. & Prof. Code 16600) wherever and whenever "
            "signed, and an employer may not enter into one (16600.5): remove the non-compete from Exhibit A. "
            "Notice duty: employees whose agreements contain one must be told in writing that it is void "
            "(16600.1).", "covenants.noncompete"))
    if letter.covenants.nonsolicit is not None:
        issues.append(LegalIssue(
            "legal-california-nonsolicit", WARNING,
            "California courts treat post-employment customer and employee non-solicits as restraints void under "
            "Cal. Bus. & Prof. Code 16600 (Edwards v. Arthur Andersen, 2008; AMN Healthcare v. Aya, 2018): keep "
            "only the protection of trade secrets.", "covenants.nonsolicit"))
    if letter.governing_law.state is not UsState.CA:
        issues.append(LegalIssue(
            "legal-california-choice-of-law", WARNING,
            f"A California employee may not be required to agree to {letter.governing_law.state.value} law or a "
            "forum outside California as a condition of employment unless individually represented by counsel "
            "(Cal. Lab. Code 925): make California law govern, or record the executive's counsel.",
            "governing_law.state"))
    return issues


def massachusetts_noncompete(letter: Letter) -> list[LegalIssue]:
    """Massachusetts Noncompetition Agreement Act, M.G.L. c. 149, 24L."""
    noncompete = _noncompete_in(letter, UsState.MA)
    if noncompete is None:
        return []
    issues = []
    running = _noncompete_months_from_last_payment(letter)
    if running > 12:
        how = (f"{noncompete.months} months from the last severance payment, up to {running} months after "
               "employment ends" if running != noncompete.months else f"{noncompete.months} months")
        issues.append(LegalIssue(
            "legal-massachusetts-noncompete-length", ERROR,
            f"The non-compete runs {how}; Massachusetts caps the restricted period at 12 months from the end of "
            "employment (M.G.L. c. 149, 24L(b)(iv)): shorten it and run it from termination.",
            "covenants.noncompete.months"))
    if noncompete.garden_leave_percent is None or noncompete.garden_leave_percent < 50:
        issues.append(LegalIssue(
            "legal-massachusetts-garden-leave", ERROR,
            "A Massachusetts non-compete needs garden leave of at least 50% of the highest base salary of the last "
            "two years, paid through the restricted period, or other consideration the parties agree "
            "(M.G.L. c. 149, 24L(b)(vii)): set the garden leave pay.", "covenants.noncompete.garden_leave_percent"))
    issues.append(LegalIssue(
        "legal-massachusetts-notice", WARNING,
        "A Massachusetts non-compete must be in writing, signed by both parties, given with the formal offer or "
        "10 business days before employment starts, whichever is earlier, and must state that the employee may "
        "consult counsel before signing (M.G.L. c. 149, 24L(b)(i)): add that statement to Exhibit A.",
        "covenants.noncompete"))
    return issues


def washington_noncompete(letter: Letter) -> list[LegalIssue]:
    """RCW 49.62.020 and 49.62.050."""
    noncompete = _noncompete_in(letter, UsState.WA)
    if noncompete is None:
        return []
    year = letter.letter.letter_date.year
    threshold, used = _by_year(WA_NONCOMPETE_EARNINGS, year)
    issues = []
    if letter.compensation.base_salary <= threshold:
        issues.append(LegalIssue(
            "legal-washington-noncompete-pay", ERROR,
            f"Washington voids a non-compete with an employee earning {_money(threshold)} a year or less "
            f"({_as_of(used, year)}; RCW 49.62.020(1)(b)); the salary is {_money(letter.compensation.base_salary)}: "
            "remove the non-compete or raise the pay.", "compensation.base_salary"))
    if noncompete.months > 18:
        issues.append(LegalIssue(
            "legal-washington-noncompete-length", WARNING,
            "Washington presumes a non-compete longer than 18 months unreasonable (RCW 49.62.020(2)): shorten it.",
            "covenants.noncompete.months"))
    if letter.governing_law.state is not UsState.WA:
        issues.append(LegalIssue(
            "legal-washington-choice-of-law", ERROR,
            "A non-compete with a Washington employee may not choose another state's law or a forum outside "
            "Washington (RCW 49.62.050): make Washington law govern the covenants.", "governing_law.state"))
    return issues


def illinois_noncompete(letter: Letter) -> list[LegalIssue]:
    """Illinois Freedom to Work Act, 820 ILCS 90/10 and 90/20."""
    covenants = letter.covenants
    if _work_state(letter) is not UsState.IL or covenants is None:
        return []
    year = letter.letter.letter_date.year
    salary = letter.compensation.base_salary
    issues = []
    if covenants.noncompete is not None:
        floor, _ = _by_year(IL_NONCOMPETE_EARNINGS, year)
        if salary <= floor:
            issues.append(LegalIssue(
                "legal-illinois-noncompete-pay", ERROR,
                f"Illinois voids a non-compete with an employee whose expected annual earnings are {_money(floor)} "
                f"or less (820 ILCS 90/10(a)); the salary is {_money(salary)}: remove it or raise the pay.",
                "compensation.base_salary"))
    if covenants.nonsolicit is not None:
        floor, _ = _by_year(IL_NONSOLICIT_EARNINGS, year)
        if salary <= floor:
            issues.append(LegalIssue(
                "legal-illinois-nonsolicit-pay", ERROR,
                f"Illinois voids a non-solicit with an employee earning {_money(floor)} a year or less "
                f"(820 ILCS 90/10(b)); the salary is {_money(salary)}: remove the non-solicit or raise the pay.",
                "covenants.nonsolicit"))
    if covenants.noncompete is not None or covenants.nonsolicit is not None:
        days = (letter.position.start_date - letter.letter.letter_date).days
        if days < 14:
            issues.append(LegalIssue(
                "legal-illinois-review-period", WARNING,
                f"The start is {days} days after the letter; Illinois requires advising the employee in writing to "
                "consult an attorney and allowing at least 14 calendar days to review covenants (820 ILCS 90/20): "
                "say so in the letter and allow the time.", "position.start_date"))
    return issues


def colorado_noncompete(letter: Letter) -> list[LegalIssue]:
    """C.R.S. 8-2-113 (as amended from August 10, 2022)."""
    covenants = letter.covenants
    if _work_state(letter) is not UsState.CO or covenants is None:
        return []
    year = letter.letter.letter_date.year
    threshold, used = _by_year(CO_NONCOMPETE_EARNINGS, year)
    salary = letter.compensation.base_salary
    issues = []
    if covenants.noncompete is not None and salary < threshold:
        issues.append(LegalIssue(
            "legal-colorado-noncompete-pay", ERROR,
            f"Colorado voids a non-compete unless the worker earns at least {_money(threshold)} a year "
            f"({_as_of(used, year)}; C.R.S. 8-2-113(2)(b)); the salary is {_money(salary)}: remove the non-compete "
            "or raise the pay.",
            "compensation.base_salary"))
    if covenants.nonsolicit is not None and salary < threshold * Decimal("0.6"):
        issues.append(LegalIssue(
            "legal-colorado-nonsolicit-pay", ERROR,
            f"Colorado voids a customer non-solicit unless the worker earns at least 60% of {_money(threshold)} "
            f"(C.R.S. 8-2-113(2)(d)); the salary is {_money(salary)}: remove the non-solicit or raise the pay.",
            "covenants.nonsolicit"))
    if covenants.noncompete is not None or covenants.nonsolicit is not None:
        issues.append(LegalIssue(
            "legal-colorado-notice", WARNING,
            "Colorado requires notice of the covenant in a separate document, in clear terms, signed by the worker, "
            "given before the offer is accepted (C.R.S. 8-2-113(4)): prepare that notice.", "covenants"))
        if letter.governing_law.state is not UsState.CO:
            issues.append(LegalIssue(
                "legal-colorado-choice-of-law", ERROR,
                "A covenant with a worker who lives or works in Colorado may not choose another state's law or a "
                "forum outside Colorado (C.R.S. 8-2-113(6)): make Colorado law govern.", "governing_law.state"))
    return issues


def noncompete_ban(letter: Letter) -> list[LegalIssue]:
    """States that void employee non-competes by statute: Minnesota, North Dakota, Oklahoma."""
    state = _work_state(letter)
    covenants = letter.covenants
    if state is None or state not in NONCOMPETE_BANS or covenants is None or covenants.noncompete is None:
        return []
    return [LegalIssue(
        "legal-noncompete-ban", ERROR,
        f"{state.value} voids employee non-competes ({NONCOMPETE_BANS[state]}): remove the non-compete.",
        "covenants.noncompete")]


def work_state_unknown(letter: Letter) -> list[LegalIssue]:
    """Without a work state the state's covenant law cannot be checked."""
    covenants = letter.covenants
    if _work_state(letter) is not None or covenants is None or covenants.noncompete is None:
        return []
    return [LegalIssue(
        "legal-work-state-unknown", WARNING,
        "The letter has a non-compete but no work state, and non-competes are void or limited in several states "
        "(e.g. Cal. Bus. & Prof. Code 16600, M.G.L. c. 149, 24L, RCW 49.62): set the work state so the "
        "review can check its law.", "position.work_state")]


def noncompete_from_last_severance(letter: Letter) -> list[LegalIssue]:
    """A non-compete measured from the last severance payment lasts as long as the severance does."""
    covenants = letter.covenants
    if covenants is None or covenants.noncompete is None:
        return []
    noncompete = covenants.noncompete
    running = _noncompete_months_from_last_payment(letter)
    if noncompete.starts is not NoncompeteStart.LATER_OF_TERMINATION_AND_SEVERANCE or running <= noncompete.months:
        return []
    return [LegalIssue(
        "legal-noncompete-after-severance", WARNING,
        f"The non-compete runs {noncompete.months} months from the last severance payment, so with severance paid "
        f"in installments it can last {running} months after employment ends; courts judge the whole restricted "
        "period for reasonableness, and statutes cap it from the end of employment (e.g. M.G.L. c. 149, "
        "24L(b)(iv): 12 months): run it from termination.", "covenants.noncompete.starts")]


# ---------------------------------------------------------------- Section 409A


def release_timing(letter: Letter) -> list[LegalIssue]:
    """Treas. Reg. 1.409A-3(b) and IRS Notice 2010-6: a release period that spans two tax years."""
    issues = []
    for path, severance in _severances(letter):
        if severance.release_required:
            issues.append(LegalIssue(
                "legal-409a-release-timing", WARNING,
                f"Severance waits for a release effective within {severance.release_days} days; if that period "
                "begins in one year and ends in the next, the executive must not choose the year of payment "
                "(Section 409A; Treas. Reg. 1.409A-3(b); IRS Notice 2010-6): add that payment is made in the "
                "second year in that case.", f"{path}.release_days"))
    return issues


def short_term_deferral(letter: Letter) -> list[LegalIssue]:
    """Treas. Reg. 1.409A-1(b)(4): paid by the 15th day of the third month after the year of termination."""
    issues = []
    for path, severance in _severances(letter):
        if severance.payment is not SeverancePayment.LUMP_SUM:
            continue
        latest = max(severance.lump_sum_days, severance.release_days if severance.release_required else 0)
        if latest > 74:
            issues.append(LegalIssue(
                "legal-409a-short-term-deferral", WARNING,
                f"The lump sum may be paid up to {latest} days after termination: after a termination in late "
                "December that is after March 15 of the next year, outside the short-term deferral period of "
                "Treas. Reg. 1.409A-1(b)(4), so Section 409A applies in full: pay within 74 days (or by March 15 "
                "of the year after termination).", f"{path}.lump_sum_days"))
        if severance.release_required and severance.release_days > severance.lump_sum_days:
            issues.append(LegalIssue(
                "legal-severance-release-conflict", WARNING,
                f"The lump sum is due within {severance.lump_sum_days} days but the release may become effective "
                f"only after {severance.release_days} days, so payment can fall due before its condition is met "
                "(Treas. Reg. 1.409A-3(b)): pay within a period that starts when the release is effective.",
                f"{path}.release_days"))
    return issues


def specified_employee_delay(letter: Letter) -> list[LegalIssue]:
    """IRC 409A(a)(2)(B)(i); Treas. Reg. 1.409A-3(i)(2): six-month delay for a public company's
    specified employees, for severance that is not short-term deferral or exempt separation pay."""
    if not _public_company(letter):
        return []
    year = letter.letter.letter_date.year
    limit, _ = _by_year(COMPENSATION_LIMIT, year)
    exempt_cap = 2 * min(letter.compensation.base_salary, limit)
    issues = []
    for path, severance in _severances(letter):
        if severance.specified_employee_delay:
            continue
        months = _installment_months(severance)
        deferred = (severance.payment is SeverancePayment.LUMP_SUM and severance.lump_sum_days > 74) or (
            months > 2 and (months > 24 or letter.compensation.base_salary * months / 12 > exempt_cap))
        if deferred:
            issues.append(LegalIssue(
                "legal-409a-specified-employee", WARNING,
                "The Company's stock trades, and this severance is deferred compensation (not paid within the "
                "short-term deferral period, nor separation pay under twice the lesser of salary and the "
                f"401(a)(17) limit, {_money(exempt_cap)}, within two years): payments to a specified employee "
                "must wait six months after separation (IRC 409A(a)(2)(B)(i); Treas. Reg. 1.409A-3(i)(2)): "
                "add the six-month delay.", f"{path}.specified_employee_delay"))
    return issues


# ---------------------------------------------------------------- incentive stock options


def _year_of(start_year: int, start_month: int, months: int) -> int:
    return start_year + (start_month - 1 + months) // 12


def _vesting_by_year(letter: Letter) -> dict[int, Decimal]:
    """The value of ISO shares first exercisable in each calendar year (vesting dates by month)."""
    equity = letter.equity
    if equity is None:
        return {}
    salary = letter.compensation.base_salary
    out: dict[int, Decimal] = {}
    for grant in equity.grants:
        if grant.kind is not GrantKind.INCENTIVE_STOCK_OPTION:
            continue
        if grant.sizing is GrantSizing.DOLLAR_VALUE and grant.value is not None:
            value = grant.value
        elif grant.sizing is GrantSizing.PERCENT_OF_SALARY and grant.percent_of_salary is not None:
            value = salary * grant.percent_of_salary / 100
        elif grant.shares is not None and equity.assumed_share_price is not None:
            value = equity.assumed_share_price * grant.shares
        else:
            continue  # no price to value it at
        begins = grant.grant_date if grant.vesting.starts is VestingStart.GRANT_DATE and grant.grant_date else (
            letter.position.start_date)
        v = grant.vesting
        events: list[tuple[int, Decimal]] = []  # (months after the vesting start, fraction)
        if v.kind is VestingKind.EQUAL_ANNUAL:
            events = [(12 * k, Decimal(1) / v.years) for k in range(1, v.years + 1)]
        elif v.kind is VestingKind.CLIFF:
            events = [(12 * v.years, Decimal(1))]
        else:
            total = 12 * v.years
            step = 1 if v.period is VestingPeriod.MONTHLY else 3
            events = [(v.cliff_months, Decimal(v.cliff_months) / total)] if v.cliff_months else []
            events += [(m, Decimal(step) / total) for m in range(v.cliff_months + step, total + 1, step)]
        for months, fraction in events:
            year = _year_of(begins.year, begins.month, months)
            out[year] = out.get(year, Decimal(0)) + value * fraction
    return {year: amount.quantize(Decimal("0.01")) for year, amount in out.items()}


def iso_annual_limit(letter: Letter) -> list[LegalIssue]:
    """IRC 422(d): at most $100,000 of ISO stock (at grant value) first exercisable in a calendar year."""
    over = {year: value for year, value in sorted(_vesting_by_year(letter).items()) if value > ISO_ANNUAL_LIMIT}
    if not over:
        return []
    year, value = next(iter(over.items()))
    index = next(i for i, g in enumerate(letter.equity.grants if letter.equity else [])
                 if g.kind is GrantKind.INCENTIVE_STOCK_OPTION)
    years = ", ".join(str(y) for y in over)
    return [LegalIssue(
        "legal-iso-100k-limit", WARNING,
        f"Incentive stock options worth {_money(value)} at grant first become exercisable in {year} (over the limit "
        f"in {years}); only $100,000 a year can be ISOs, the excess is treated as non-qualified options "
        "(IRC 422(d)): say so in the letter, or grant the excess as non-qualified options.",
        f"equity.grants.{index}.kind")]


def iso_exercise_after_termination(letter: Letter) -> list[LegalIssue]:
    """IRC 422(a)(2) and 422(c)(6): an ISO exercised more than 3 months after employment ends (12 months
    after a termination for disability) is taxed as a non-qualified option."""
    grants = letter.equity.grants if letter.equity else []
    if not any(g.kind is GrantKind.INCENTIVE_STOCK_OPTION for g in grants):
        return []
    disability = letter.termination.disability
    if disability is None or disability.exercise_months <= 12:
        return []
    return [LegalIssue(
        "legal-iso-post-termination-exercise", WARNING,
        f"Options stay exercisable {disability.exercise_months} months after a termination for disability, but an "
        "ISO keeps its status only if exercised within 12 months of a disability termination (3 months after "
        "any other termination but death) (IRC 422(a)(2), 422(c)(6)): say that later exercises are of "
        "non-qualified options, or shorten the period to 12 months.", "termination.disability.exercise_months")]


# ---------------------------------------------------------------- terms that contradict each other


def bonus_conflicts(letter: Letter) -> list[LegalIssue]:
    """Severance or a guarantee promising a bonus the bonus terms forfeit."""
    bonus = letter.benefits.bonus_program
    if bonus is None or not bonus.employed_at_payout:
        return []
    issues = []
    for path, severance in _severances(letter):
        if severance.pro_rata_bonus:
            issues.append(LegalIssue(
                "legal-bonus-conflict", WARNING,
                "Severance promises a pro-rated bonus for the year of termination, but the bonus terms pay nothing "
                "unless the executive is employed on the payment date; the conflict is read against the employer "
                "(and a promised bonus can be earned wages, e.g. Cal. Lab. Code 200; N.Y. Lab. Law 190): say that "
                "the severance bonus is paid despite the employment condition.", f"{path}.pro_rata_bonus"))
    if bonus.guaranteed_minimum is not None:
        issues.append(LegalIssue(
            "legal-bonus-conflict", WARNING,
            f"The first year's bonus is guaranteed at {_money(bonus.guaranteed_minimum)}, yet forfeited unless the "
            "executive is employed on the payment date: say whether a termination without Cause before payment "
            "still pays the guarantee.", "benefits.bonus_program.guaranteed_minimum"))
    return issues


def clawback_wage_deduction(letter: Letter) -> list[LegalIssue]:
    """Repayment by deduction from pay, in states that bar deductions from wages."""
    state = _work_state(letter)
    if state is None or state not in WAGE_DEDUCTION_LIMITS:
        return []
    law = WAGE_DEDUCTION_LIMITS[state]
    issues = []
    for i, award in enumerate(letter.cash_awards):
        if award.repayment is not None and award.repayment.offset:
            issues.append(LegalIssue(
                "legal-clawback-wage-deduction", WARNING,
                f"The {award.kind.value} bonus may be recovered by offset against amounts owed to the executive, "
                f"but {state.value} bars deducting it from wages, final pay included ({law}): limit the offset to amounts that are not "
                "wages, or rely on repayment.", f"cash_awards.{i}.repayment.offset"))
    relocation = letter.relocation
    if relocation is not None and relocation.repayment is not None and relocation.repayment.offset:
        issues.append(LegalIssue(
            "legal-clawback-wage-deduction", WARNING,
            f"Relocation repayment may be offset against amounts owed, but {state.value} bars "
            f"deducting it from wages ({law}): limit the offset to "
            "amounts that are not wages.", "relocation.repayment.offset"))
    return issues


RULES: tuple[Callable[[Letter], list[LegalIssue]], ...] = (
    california_noncompete, massachusetts_noncompete, washington_noncompete, illinois_noncompete,
    colorado_noncompete, noncompete_ban, work_state_unknown, noncompete_from_last_severance,
    release_timing, short_term_deferral, specified_employee_delay,
    iso_annual_limit, iso_exercise_after_termination,
    bonus_conflicts, clawback_wage_deduction,
)


def legal_issues(letter: Letter) -> list[LegalIssue]:
    """Every legal rule's issues on ``letter``, errors first."""
    issues = [issue for rule in RULES for issue in rule(letter)]
    return sorted(issues, key=lambda i: i.severity is not ERROR)
