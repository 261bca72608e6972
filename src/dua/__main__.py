"""`python -m dua` runs the `dua` command."""

import sys

from dua.cli import main

if __name__ == "__main__":
    sys.exit(main())
