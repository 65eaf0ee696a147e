"""How amounts, dates, durations and counts read in a letter: the one home of every format.

The templates use these as Jinja filters; the calculations pane and the term diff use them too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from math import gcd

from markupsafe import Markup

from app.domain.states import state_name

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINALS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}
_FRACTION_DENOMINATORS = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 7: "seventh",
                          8: "eighth", 9: "ninth", 10: "tenth"}


def number_words(n: int) -> str:
    """0..999 in words (``21`` -> ``twenty-one``); larger numbers as digits with separators."""
    if n < 0 or n >= 1000:
        return f"{n:,}"
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    return f"{_ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")


def ordinal_words(n: int) -> str:
    """``1`` -> ``first``, ``22`` -> ``twenty-second``."""
    words = number_words(n)
    head, _, last = words.rpartition("-") if "-" in words else ("", "", words)
    if last in _ORDINALS:
        last = _ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}-{last}" if head else last


def _dollars(amount: Decimal, digits: str) -> str:
    # The sign goes before the dollar sign: "-$5,000.00", never "$-5,000.00".
    return f"-${digits}" if amount < 0 else f"${digits}"


def money(amount: Decimal) -> str:
    """``$300,000.00``: dollars with separators and cents, as the reference letter writes salary;
    ``-$5,000.00`` when negative."""
    return _dollars(amount, f"{abs(amount):,.2f}")


def money_plain(amount: Decimal) -> str:
    """``$1,000`` when the amount is whole, else ``$1,000.50``."""
    if amount == amount.to_integral_value():
        return _dollars(amount, f"{abs(int(amount)):,}")
    return money(amount)


def par_value(amount: Decimal) -> str:
    """``$0.0001``: a par value, exact to its last significant digit (never rounded to cents)."""
    return _dollars(amount, format(abs(amount).normalize(), "f"))


def shares(n: int) -> str:
    return f"{n:,}"


def long_date(d: date) -> str:
    """``October 1, 2002``."""
    return f"{d:%B} {d.day}, {d.year}"


def percent(p: Decimal) -> str:
    """``50.1%``, ``2%``."""
    text = format(p.normalize(), "f")
    return f"{text}%"


def percent_words(p: Decimal) -> str:
    """``two percent (2%)`` for whole percentages below 1,000, else ``2.5%``."""
    if p == p.to_integral_value():
        return f"{number_words(int(p))} percent ({percent(p)})"
    return percent(p)


def duration_months(months: int, numeral: bool = False, attributive: bool = False) -> str:
    """How a lawyer writes a duration: ``one year``, ``nine months``, ``eighteen months``, ``two years``.

    With ``numeral``: ``one (1) year``, ``nine (9) months``. With ``attributive`` the unit stays singular,
    for use before a noun: "within such ``two (2) year`` period".
    """
    if months % 12 == 0:
        count, unit = months // 12, "year"
    else:
        count, unit = months, "month"
    unit += "" if count == 1 or attributive else "s"
    words = number_words(count)
    return f"{words} ({count}) {unit}" if numeral else f"{words} {unit}"


def days_words(days: int) -> str:
    """``ten days``; counts above twenty as numerals (``180 days``), as the reference letter does."""
    if days <= 20:
        return f"{number_words(days)} day{'s' if days != 1 else ''}"
    return f"{days} days"


def days_possessive(days: int) -> str:
    """``ten days'`` (as in "ten days' notice"); ``one day's`` for a single day."""
    words = days_words(days)
    return f"{words}'s" if days == 1 else f"{words}'"


def fraction_words(numerator: int, denominator: int) -> str:
    """``2/3`` -> ``two-thirds``; ``1/2`` -> ``one-half``; ``3/4`` -> ``three-quarters``.

    A denominator that is itself hyphenated is not hyphenated again: ``7/24`` -> ``seven twenty-fourths``.
    """
    name = _FRACTION_DENOMINATORS.get(denominator, ordinal_words(denominator))
    if numerator != 1:
        name = "halves" if name == "half" else name + "s"
    joint = " " if "-" in name or "-" in number_words(numerator) else "-"
    return f"{number_words(numerator)}{joint}{name}"


def portion_words(part: int, whole: int) -> str:
    """``portion_words(12, 48)`` -> ``one-quarter``: the share ``part/whole`` in lowest terms."""
    common = gcd(part, whole)
    return fraction_words(part // common, whole // common)


def times_words(n: int) -> str:
    """``3`` -> ``three times``; ``1`` -> ``one times`` is wrong English, so ``equal to``."""
    return "an amount equal to" if n == 1 else f"{number_words(n)} times"


def weeks_words(weeks: int) -> str:
    """``2`` -> ``two (2) weeks``; ``1`` -> ``one (1) week``."""
    return f"{number_words(weeks)} ({weeks}) week{'' if weeks == 1 else 's'}"


def multiple_words(multiple: Decimal) -> str:
    """A multiple of pay: ``2`` -> ``two (2) times``; ``1.5`` -> ``one and one-half (1.5) times``;
    ``1.25`` -> ``one and one-quarter (1.25) times``; other fractions as figures (``1.35 times``)."""
    whole = int(multiple)
    rest = multiple - whole
    figure = format(multiple.normalize(), "f")
    if rest == 0:
        return f"{number_words(whole)} ({figure}) times"
    for denominator in (2, 3, 4):
        numerator = rest * denominator
        if numerator == numerator.to_integral_value() and rest == Decimal(int(numerator)) / denominator:
            part = fraction_words(int(numerator), denominator)
            head = f"{number_words(whole)} and " if whole else ""
            return f"{head}{part} ({figure}) times"
    return f"{figure} times"


# The states that style themselves commonwealths in their laws and courts.
_COMMONWEALTHS = frozenset({"KY", "MA", "PA", "VA"})


def jurisdiction(code: str) -> str:
    """Whose laws: ``"NY"`` -> ``the State of New York``; ``"MA"`` -> ``the Commonwealth of Massachusetts``;
    ``"DC"`` -> ``the District of Columbia``."""
    code = str(code)
    name = state_name(code)
    if name.startswith("the "):
        return name
    return f"the {'Commonwealth' if code in _COMMONWEALTHS else 'State'} of {name}"


def indefinite_article(word: str) -> str:
    """``a`` or ``an`` before ``word`` as it is said: ``an Arizona``, ``an Ohio``, ``a Delaware``, ``a Utah``."""
    head = word.strip()[:3].lower()
    if head[:1] in ("a", "e", "i", "o"):
        return "an"
    if head[:1] == "u" and not head.startswith(("uni", "uta", "use", "usu", "ure", "uro")):
        return "an"
    return "a"


def without_final_stop(text: str) -> str:
    """Text a user typed as a sentence, ready to sit inside one: trailing blanks and full stops removed."""
    return text.rstrip().rstrip(".;").rstrip()


def join_and(items: list[str], serial: bool = False) -> str:
    """``a and b``; ``a, b and c`` (with ``serial``: ``a, b, and c``).

    Marked-up items (text carrying ``<term>`` tags) stay markup: the joined text is not escaped again.
    """
    items = list(items)
    pieces: list[str] = []
    for i, item in enumerate(items):
        if i:
            pieces.append(" and " if i == len(items) - 1 and (len(items) == 2 or not serial) else
                          ", and " if i == len(items) - 1 else ", ")
        pieces.append(item)
    if any(hasattr(item, "__html__") for item in items):
        return Markup("").join(pieces)
    return "".join(pieces)


def join_and_serial(items: list[str]) -> str:
    """Like :func:`join_and` with the serial comma: ``a, b, and c``."""
    return join_and(items, serial=True)


def roman(n: int, upper: bool = False) -> str:
    """``4`` -> ``iv`` (for clause labels (i), (ii) ...)."""
    vals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
            (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for value, sym in vals:
        while n >= value:
            out += sym
            n -= value
    return out.upper() if upper else out


def letter_label(n: int) -> str:
    """``1`` -> ``a``, ``27`` -> ``aa``."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("a") + rem) + out
    return out


FILTERS: dict[str, Callable[..., str]] = {
    "words": number_words,
    "ordinal": ordinal_words,
    "money": money,
    "money_plain": money_plain,
    "shares": shares,
    "par_value": par_value,
    "long_date": long_date,
    "percent": percent,
    "percent_words": percent_words,
    "months": duration_months,
    "days": days_words,
    "days_possessive": days_possessive,
    "times": times_words,
    "join_and": join_and,
    "join_and_serial": join_and_serial,
    "weeks": weeks_words,
    "multiple": multiple_words,
    "jurisdiction": jurisdiction,
    "indefinite_article": indefinite_article,
    "without_final_stop": without_final_stop,
    "roman": roman,
    "letter_label": letter_label,
}
