"""Entry point of the frozen app: the same command line as `actionplan`."""

import sys

from actionplan.cli import main

if __name__ == "__main__":
    sys.exit(main())
