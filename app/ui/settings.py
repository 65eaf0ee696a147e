"""Where the editor keeps its settings: an INI file in a folder that tests can redirect."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings


def default_config_dir() -> Path:
    """``$OFFERDESK_CONFIG_DIR`` if set, else the platform's per-user config folder for OfferDesk."""
    configured = os.environ.get("OFFERDESK_CONFIG_DIR")
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "OfferDesk"
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "offerdesk"
    return Path.home() / ".config" / "offerdesk"


def open_settings(config_dir: Path) -> QSettings:
    config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(config_dir / "offerdesk.ini"), QSettings.Format.IniFormat)
