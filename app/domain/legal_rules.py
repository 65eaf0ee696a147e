"""Legal checks placeholder replaced below."""
from __future__ import annotations
