"""Template errors name the template file, the line and the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.documents.engine import MAIN_TEMPLATE, RenderError, render_document
from app.domain.sample import sample_letter


def templates(tmp_path: Path, main: str, **others: str) -> Path:
    (tmp_path / MAIN_TEMPLATE).write_text(main)
    for name, text in others.items():
        (tmp_path / f"{name}.xml.j2").write_text(text)
    return tmp_path


def test_a_missing_variable_names_file_line_and_variable(tmp_path: Path) -> None:
    folder = templates(
        tmp_path,
        '<document><body>{% include "part.xml.j2" %}</body></document>',
        part="<p>one</p>\n<p>two</p>\n<p>{{ candidate.nickname }}</p>\n",
    )
    with pytest.raises(RenderError) as caught:
        render_document(sample_letter(), folder)
    error = caught.value
    assert error.template == "part.xml.j2"
    assert error.line == 3
    assert "part.xml.j2, line 3" in str(error)
    assert "'nickname'" in str(error)


def test_an_undefined_top_level_name(tmp_path: Path) -> None:
    folder = templates(tmp_path, "<document><body>\n<p>{{ salary }}</p></body></document>")
    with pytest.raises(RenderError, match=r"offer\.xml\.j2, line 2: variable 'salary' is undefined"):
        render_document(sample_letter(), folder)


def test_a_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    folder = templates(tmp_path, "<document><body>\n\n{% if %}</body></document>")
    with pytest.raises(RenderError) as caught:
        render_document(sample_letter(), folder)
    assert caught.value.line == 3
    assert str(caught.value).startswith("offer.xml.j2, line 3: template syntax error")


def test_markup_a_template_breaks_is_reported(tmp_path: Path) -> None:
    folder = templates(tmp_path, "<document><body><p>unclosed</body></document>")
    with pytest.raises(RenderError, match="not well formed at line 1"):
        render_document(sample_letter(), folder)


def test_a_reference_to_a_missing_section(tmp_path: Path) -> None:
    folder = templates(tmp_path, '<document><body><p>see <ref to="nowhere"/></p></body></document>')
    with pytest.raises(RenderError, match="names no section"):
        render_document(sample_letter(), folder)


def test_references_follow_renumbering(tmp_path: Path) -> None:
    folder = templates(
        tmp_path,
        "<document><body>{% if equity %}<section key='equity' title='Equity'><p>x</p></section>{% endif %}"
        "<section key='covenants' title='Covenants'><p>See <ref to='covenants'/>.</p></section></body></document>",
    )
    letter = sample_letter()
    assert render_document(letter, folder).blocks[-1].text == "See Section 2."  # type: ignore[union-attr]
    letter.equity = None
    assert render_document(letter, folder).blocks[-1].text == "See Section 1."  # type: ignore[union-attr]


def test_names_with_markup_characters_cannot_break_the_markup() -> None:
    letter = sample_letter()
    letter.candidate.full_name = 'A&B <Smith> "Jr" </p>'
    document = render_document(letter)
    assert any('A&B <Smith> "Jr" </p>' in getattr(b, "text", "") for b in document.blocks)


@pytest.mark.parametrize("expression", ["x.__class__", "f.__code__", "f.__globals__", "t.mro", "g.gi_frame"])
def test_the_sandbox_still_refuses_internal_attributes_after_allowing_others(expression: str) -> None:
    """The sandbox decides each (type, name) pair once; a pair it refused stays refused, and a name safe on one
    type (``upper`` of a str) says nothing of another type."""
    import jinja2

    from app.documents.engine import environment

    env = environment()
    values = {"x": 1, "f": lambda: 1, "t": str, "g": (n for n in range(1))}
    assert env.from_string("{{ s.upper() }}").render(s="a") == "A"
    for _ in range(2):  # the second time from the cache
        with pytest.raises(jinja2.exceptions.SecurityError):
            env.from_string("{{ " + expression + " }}").render(**values)
