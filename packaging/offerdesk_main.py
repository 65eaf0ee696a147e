"""The bundle's entry point: the ``offerdesk`` command, as ``pip install`` makes it."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    # `offerdesk batch --jobs N` starts worker processes; a frozen program must say so first.
    multiprocessing.freeze_support()
    sys.exit(main())
