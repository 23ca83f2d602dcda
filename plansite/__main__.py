"""`python -m plansite <command>`: the same as the `plansite` command."""

import sys

from plansite.cli import main

sys.exit(main())
