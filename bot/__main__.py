"""`python -m bot` is the same as the `whosaid` command."""

from bot.cli import main

raise SystemExit(main())
