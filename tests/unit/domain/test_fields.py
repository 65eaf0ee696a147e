"""The field table the editor reads: equal to what the letter model says, and free of pydantic."""

from __future__ import annotations

import subprocess
import sys

from app.domain.field_table import table_json
from app.domain.fields import FIELD_TABLE, Kind, model_label, model_specs, spec_for
from app.domain.letter import Letter


def test_the_table_on_disk_is_what_the_model_says():
    assert FIELD_TABLE.read_text(encoding="utf-8") == table_json(), (
        "resources/letter_fields.json is out of date: run `python -m app.domain.field_table`"
    )


def test_every_model_field_has_an_entry_in_model_order():
    names = [spec.path[-1] for spec in model_specs("Letter", ())]
    assert names == list(Letter.model_fields)
    grants = model_specs("EquityGrant", ("equity", "grants", 2))
    assert [s.path for s in grants][:3] == [
        ("equity", "grants", 2, "kind"), ("equity", "grants", 2, "sizing"), ("equity", "grants", 2, "shares")
    ]


def test_specs_carry_titles_bounds_choices_and_conditions():
    salary = spec_for(("compensation", "base_salary"))
    assert (salary.title, salary.kind) == ("Base salary", Kind.MONEY)
    assert salary.description == Letter.model_fields["compensation"].annotation.model_fields[  # type: ignore[union-attr]
        "base_salary"
    ].description
    shares = spec_for(("equity", "grants", 0, "shares"))
    assert (shares.kind, shares.minimum, shares.maximum) == (Kind.INT, 1, 1_000_000_000)
    frequency = spec_for(("compensation", "pay_frequency"))
    assert ("bi-weekly", "Bi-weekly") in frequency.choices
    cliff = spec_for(("equity", "grants", 0, "vesting", "cliff_months"))
    assert cliff.applies_when == {"kind": "cliff_then_periodic"}
    assert cliff.applies_note.startswith("Used only when Vesting is")
    period = spec_for(("equity", "grants", 0, "vesting", "period"))
    assert period.default == "monthly"  # as a saved draft holds it
    grants = spec_for(("equity", "grants"))
    assert (grants.kind, grants.model, grants.min_items) == (Kind.GROUPS, "EquityGrant", 1)
    assert model_label("EquityGrant") == "Equity grant"
    assert spec_for(("benefits", "life_insurance_multiple")).optional


def test_unknown_paths_raise_key_error():
    for path in [(), ("nope",), ("compensation", "base_salary", "x"), ("company", 0)]:
        try:
            spec_for(path)
        except KeyError:
            continue
        raise AssertionError(f"{path} has a spec")


def test_reading_the_table_loads_no_pydantic():
    code = "import sys, app.domain.fields as f; f.spec_for(('compensation', 'base_salary')); print('pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
