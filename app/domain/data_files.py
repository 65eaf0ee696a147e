"""Where OfferDesk's data files are: ``templates/`` and ``resources/``.

The one place that knows. From a source checkout (or an editable install) they sit beside the ``app``
package; in the PyInstaller bundle (``packaging/offerdesk.spec``) they are copied into the bundle's
data folder, which PyInstaller names in ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _data_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


DATA_ROOT = _data_root()
TEMPLATES_DIR = DATA_ROOT / "templates"
RESOURCES_DIR = DATA_ROOT / "resources"


def frozen() -> bool:
    """True inside the installed bundle (PyInstaller), False when run from source."""
    return bool(getattr(sys, "frozen", False))


__all__ = ["DATA_ROOT", "RESOURCES_DIR", "TEMPLATES_DIR", "frozen"]
