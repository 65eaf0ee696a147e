"""Files written by OfferDesk with schema 1 open in schema 2 with every term where it now belongs."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from app.domain.file_format import SCHEMA_VERSION, dumps, load_letter, loads
from app.domain.letter import NoncompeteStart, SeveranceFormula, SeverancePayment, UsState
from app.domain.migrations import migrate_draft
from app.domain.sample import SAMPLE_TERMS

V1_FILE = Path(__file__).parent / "data" / "sample-v1.offer.json"


def v1_text() -> str:
    return V1_FILE.read_text(encoding="utf-8")


def test_a_schema_1_file_opens_as_the_sample_letter_with_no_problem() -> None:
    file, letter, problems = load_letter(v1_text())
    assert problems == []
    assert letter is not None
    # The schema-1 sample holds the same terms as today's sample, only where schema 1 kept them
    # (it has no work state, a term schema 2 added).
    expected = copy.deepcopy(SAMPLE_TERMS)
    del expected["position"]["work_state"]
    assert file.draft == expected
    assert file.schema_version == SCHEMA_VERSION == 3


def test_each_moved_term_keeps_its_value() -> None:
    _, letter, _ = load_letter(v1_text())
    assert letter is not None
    wc = letter.termination.without_cause
    assert wc is not None
    assert wc.severance.formula is SeveranceFormula.MONTHS_OF_SALARY
    assert wc.severance.months == 12
    assert wc.severance.payment is SeverancePayment.INSTALLMENTS
    assert letter.termination.change_of_control is not None
    assert letter.termination.change_of_control.severance.months == 12
    assert letter.termination.disability is not None and letter.termination.disability.severance is not None
    assert letter.termination.disability.severance.months == 12
    assert letter.covenants is not None and letter.covenants.noncompete is not None
    assert letter.covenants.noncompete.months == 9
    assert letter.covenants.noncompete.starts is NoncompeteStart.LATER_OF_TERMINATION_AND_SEVERANCE
    assert str(letter.covenants.noncompete.passive_investment_percent) == "2"
    assert letter.covenants.nonsolicit is not None and letter.covenants.nonsolicit.months == 12
    assert letter.governing_law.state is UsState.NY


def test_sent_versions_are_migrated_too() -> None:
    file = loads(v1_text())
    [sent] = file.sent_versions
    assert sent.terms.termination.without_cause is not None
    assert sent.terms.termination.without_cause.severance.months == 6


def test_a_migrated_file_saves_as_the_current_schema() -> None:
    saved = json.loads(dumps(loads(v1_text())))
    assert saved["schema_version"] == SCHEMA_VERSION
    assert "severance_months" not in json.dumps(saved)
    assert saved["draft"]["governing_law"] == {"state": "NY"}


def test_a_bare_schema_1_letter_is_migrated() -> None:
    bare = json.loads(v1_text())["draft"]
    _, letter, problems = load_letter(json.dumps(bare))
    assert letter is not None and problems == []


def test_a_governing_law_that_is_no_state_is_kept_as_typed_and_named_as_the_problem() -> None:
    raw = json.loads(v1_text())
    raw["draft"]["arbitration"]["governing_law"] = "Ruritania"
    file, letter, problems = load_letter(json.dumps(raw))
    assert letter is None
    assert file.draft["governing_law"] == {"state": "Ruritania"}
    assert [p.dotted for p in problems] == ["governing_law.state"]
    assert "must be one of" in problems[0].message


def test_migration_leaves_its_input_alone_and_tolerates_damaged_drafts() -> None:
    draft = json.loads(v1_text())["draft"]
    before = copy.deepcopy(draft)
    migrate_draft(draft, 1)
    assert draft == before
    assert migrate_draft("not a letter", 1) == "not a letter"
    damaged = {"termination": "x", "covenants": [], "arbitration": None}
    assert migrate_draft(damaged, 1) == damaged


def test_a_current_draft_passes_through_unchanged() -> None:
    assert migrate_draft(SAMPLE_TERMS, SCHEMA_VERSION) == SAMPLE_TERMS
