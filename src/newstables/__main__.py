import sys

from newstables.cli import main

sys.exit(main())
