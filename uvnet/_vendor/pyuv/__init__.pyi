# Type stub of uvnet's build of pyuv. pyuv ships no type information: every name in it
# (Loop, TCP, errno, ...) is Any to mypy, as an untyped third-party module would be.
from typing import Any

__version__: str

def __getattr__(name: str) -> Any: ...
