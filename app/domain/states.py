"""US states by postal code, as a letter names them ("the State of New York")."""

from __future__ import annotations

STATE_NAMES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "the District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}


def state_name(code: str) -> str:
    """``"NY"`` -> ``"New York"``; ``"DC"`` -> ``"the District of Columbia"``."""
    return STATE_NAMES[code]


def state_code(name: str) -> str | None:
    """A state's code from its name or code, any case (``"new york"`` -> ``"NY"``); None if not a state."""
    wanted = name.strip().lower().removeprefix("the state of ").removeprefix("state of ")
    if wanted.upper() in STATE_NAMES:
        return wanted.upper()
    for code, full in STATE_NAMES.items():
        if full.lower().removeprefix("the ") == wanted.removeprefix("the "):
            return code
    return None
