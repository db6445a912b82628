"""pytest setup shared by all tests.

Puts tests/ on sys.path so that test modules can `from difftest import ...` and
`from pytrace import trace`, whatever pytest's import mode.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
