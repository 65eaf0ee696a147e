"""Who is using OfferDesk, as the operating system knows them: the author of tracked changes."""

from __future__ import annotations

import contextlib
import getpass
import os

# When the system knows no name at all (a container with no passwd entry and no USER).
UNKNOWN_AUTHOR = "OfferDesk user"


def account_full_name() -> str:
    """The account's full name (the first field of the passwd GECOS entry), else its login name."""
    with contextlib.suppress(ImportError, KeyError, AttributeError):
        import pwd  # not on Windows

        entry = pwd.getpwuid(os.getuid())
        full_name = entry.pw_gecos.split(",")[0].strip()
        return full_name or entry.pw_name or UNKNOWN_AUTHOR
    try:
        return getpass.getuser() or UNKNOWN_AUTHOR
    except (OSError, KeyError, ImportError):
        return UNKNOWN_AUTHOR
