"""``offerdesk gui``: the editor window."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import CliError


def register(sub: Any) -> None:
    """Add ``gui`` to the parser."""
    gui = sub.add_parser(
        "gui",
        help="open the editor window",
        description="Open the editor on FILE, on the sample letter (--sample), or on a new letter.",
    )
    gui.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a .offer.json letter to open")
    gui.add_argument("--sample", action="store_true", help="open the built-in sample letter")
    gui.add_argument("--screenshot", type=Path, metavar="OUT.png", help="save a PNG of the window and exit")
    gui.add_argument("--size", metavar="WxH", help="window size, e.g. 1366x768")
    gui.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    gui.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    # The window (and Qt) load only for this command, so the other commands start fast.
    from app.ui.app import GuiOptions, parse_size, run

    if args.file is not None and args.sample:
        raise CliError("give a FILE or --sample, not both")
    try:
        size = parse_size(args.size) if args.size else None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    return run(GuiOptions(args.file, args.sample, args.screenshot, size, args.quit_after_show))
