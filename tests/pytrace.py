"""The tests' name for uvnet's event tracer (``uvnet.trace``), the Python twin of
``uvnet/trace/trace.js``: ``from pytrace import trace`` in a port of a traced Node program.
"""

from uvnet.trace import NOISE, fmt, js_number, trace  # noqa: F401
