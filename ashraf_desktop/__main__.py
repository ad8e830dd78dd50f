import sys

from ashraf_desktop.cli import main

sys.exit(main())
