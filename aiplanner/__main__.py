"""``python -m aiplanner`` runs the command line."""

from aiplanner.cli import main

raise SystemExit(main())
