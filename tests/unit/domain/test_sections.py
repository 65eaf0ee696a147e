"""The grouping of fields into sections and each section's state."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from app.domain.letter import Letter
from app.domain.problems import Problem, Severity
from app.domain.sections import SECTIONS, SectionState, section_for_path, section_states


def _leaf_paths(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        inner: Any = info.annotation
        args = getattr(inner, "__args__", ())
        nested = [a for a in (inner, *args) if isinstance(a, type) and issubclass(a, BaseModel)]
        if nested and getattr(inner, "__origin__", None) is not list:
            out.extend(_leaf_paths(nested[0], path))
        else:
            out.append(path)
    return out


def test_every_term_belongs_to_exactly_one_section() -> None:
    for path in _leaf_paths(Letter):
        owners = [s.key for s in SECTIONS for prefix in s.fields if path[: len(prefix)] == prefix]
        assert len(owners) == 1, (path, owners)


def test_section_for_path_prefers_the_longest_prefix() -> None:
    section = section_for_path(("benefits", "vacation_days"))
    assert section is not None and section.key == "vacation"
    grant = section_for_path(("equity", "grants", 0, "shares"))
    assert grant is not None and grant.key == "equity"


def test_states_follow_problems() -> None:
    states = section_states(
        [
            Problem(("compensation", "base_salary"), "must be more than 0"),
            Problem(("covenants", "noncompete", "months"), "long", Severity.WARNING),
        ]
    )
    assert states["compensation"] is SectionState.ERROR
    assert states["covenants"] is SectionState.WARNING
    assert states["position"] is SectionState.COMPLETE
