"""The ``offerdesk`` command.

Each group of subcommands lives in its own module with a ``register(subparsers)`` function; a
subcommand's handler takes the parsed arguments and returns the exit code. Expected failures print
one line to stderr (``offerdesk: ...``) and exit non-zero; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.cli import batch_cmd, calc_cmd, compare_cmd, gui_cmd, letter_cmds, review_cmd
from app.cli.common import CliError

_MODULES = (letter_cmds, batch_cmd, calc_cmd, compare_cmd, review_cmd, gui_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offerdesk",
        description="Draft, check, price, compare and render executive offer letters.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
        sys.stdout.flush()  # inside the try: a reader gone by now is a broken pipe handled below
    except CliError as exc:
        print(f"offerdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``offerdesk review X | head``): stop quietly, as Unix tools do, and keep
        # Python from complaining again when it flushes stdout at exit.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return code


if __name__ == "__main__":
    sys.exit(main())
