"""Run actionplan with ``python -m actionplan``."""

import sys

from actionplan.cli import main

sys.exit(main())
