"""The ``offerdesk`` command.

Each group of subcommands lives in its own module with a ``register(subparsers)`` function; a
subcommand's handler takes the parsed arguments and returns the exit code. Expected failures print
one line to stderr (``offerdesk: ...``) and exit non-zero; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _pack_from_argv(argv: Sequence[str]) -> None:
    """``--pack DIR`` names the template pack: set before the modules that read where it is load."""
    for index, arg in enumerate(argv):
        if arg == "--pack" and index + 1 < len(argv):
            os.environ["OFFERDESK_PACK"] = str(Path(argv[index + 1]).resolve())
        elif arg.startswith("--pack="):
            os.environ["OFFERDESK_PACK"] = str(Path(arg.partition("=")[2]).resolve())
        if arg == "--":
            break


_pack_from_argv(sys.argv[1:])

from app.cli import batch_cmd, calc_cmd, compare_cmd, gui_cmd, letter_cmds, review_cmd  # noqa: E402
from app.cli.common import CliError  # noqa: E402

_MODULES = (letter_cmds, batch_cmd, calc_cmd, compare_cmd, review_cmd, gui_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offerdesk",
        description="Draft, check, price, compare and render executive offer letters.",
    )
    parser.add_argument(
        "--pack", type=Path, metavar="DIR",
        help="the template pack (letter types and clause library) to use; default: OFFERDESK_PACK or the built-in one",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.pack is not None:
            _check_pack(args.pack)
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


def _check_pack(folder: Path) -> None:
    from app.documents.pack import PackError, load_pack
    from app.domain.data_files import TEMPLATES_DIR

    if folder.resolve() != TEMPLATES_DIR.resolve():
        raise CliError(f"--pack {folder}: give it first on the command line, or set OFFERDESK_PACK={folder}")
    try:
        load_pack(TEMPLATES_DIR)
    except PackError as exc:
        raise CliError(f"template pack {folder}: {exc}") from None


if __name__ == "__main__":
    sys.exit(main())
