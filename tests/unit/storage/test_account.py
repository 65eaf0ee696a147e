"""The account's full name, the default author of a redline's tracked changes."""

from __future__ import annotations

import pwd
from typing import Any

import pytest

from app.storage import account


class _Entry:
    def __init__(self, gecos: str, name: str) -> None:
        self.pw_gecos = gecos
        self.pw_name = name


@pytest.mark.parametrize(("gecos", "expected"), [
    ("Ana Núñez,Room 12,555-0100,,", "Ana Núñez"), ("", "ana"), (" ,,,", "ana"),
])
def test_full_name_from_gecos_else_the_login(monkeypatch: pytest.MonkeyPatch, gecos: str, expected: str) -> None:
    monkeypatch.setattr(pwd, "getpwuid", lambda _uid: _Entry(gecos, "ana"))
    assert account.account_full_name() == expected


def test_no_passwd_entry_falls_back_to_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(_uid: int) -> Any:
        raise KeyError(_uid)

    monkeypatch.setattr(pwd, "getpwuid", missing)
    monkeypatch.setattr(account.getpass, "getuser", lambda: "jlusk")
    assert account.account_full_name() == "jlusk"
