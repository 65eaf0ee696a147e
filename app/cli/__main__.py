"""``python -m app.cli`` runs the ``offerdesk`` command."""

import sys

from app.cli import main

sys.exit(main())
