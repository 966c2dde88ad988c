"""`python -m generator`: the same command line as `portfolio`."""

from generator.cli import main

main()
