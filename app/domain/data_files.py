"""Where OfferDesk's data files are: ``templates/`` and ``resources/``.

The one place that knows. From a source checkout (or an editable install) they sit beside the ``app``
package; in the PyInstaller bundle (``packaging/offerdesk.spec``) they are copied into the bundle's
data folder, which PyInstaller names in ``sys._MEIPASS``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _data_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


DATA_ROOT = _data_root()
# The template pack (letter types, clause library, templates): the built-in one unless OFFERDESK_PACK
# (or `offerdesk --pack DIR`, which sets it) names a firm's own.
TEMPLATES_DIR = Path(os.environ["OFFERDESK_PACK"]) if os.environ.get("OFFERDESK_PACK") else DATA_ROOT / "templates"
RESOURCES_DIR = DATA_ROOT / "resources"
_pack = [TEMPLATES_DIR]


def pack_dir() -> Path:
    """The template pack in use: :data:`TEMPLATES_DIR`, or the one the editor switched to."""
    return _pack[0]


def use_pack(folder: Path) -> None:
    """Use the template pack in ``folder`` from now on (and in the processes this one starts)."""
    _pack[0] = folder
    os.environ["OFFERDESK_PACK"] = str(folder)


def frozen() -> bool:
    """True inside the installed bundle (PyInstaller), False when run from source."""
    return bool(getattr(sys, "frozen", False))


__all__ = ["DATA_ROOT", "RESOURCES_DIR", "TEMPLATES_DIR", "frozen", "pack_dir", "use_pack"]
