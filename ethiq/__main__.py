"""``python -m ethiq``: the ``ethiq`` command, for environments where the console script is not on PATH."""

from ethiq.cli.app import main

main()
