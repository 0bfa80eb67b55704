"""Run the command line as ``python -m modellaw``."""

from modellaw.cli import main

main()
