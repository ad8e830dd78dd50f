import sys

from ashraf_desktop.main import main

sys.exit(main())
