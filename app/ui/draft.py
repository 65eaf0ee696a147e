"""The draft's path access, for the editor: it lives in the domain (batch letters use it too)."""

from app.domain.draft_paths import MISSING, get_in, set_in

__all__ = ["MISSING", "get_in", "set_in"]
