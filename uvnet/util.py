"""Node's ``util`` module (``lib/util.js``): ``format``, ``formatWithOptions``, ``inspect``,
``isDeepStrictEqual``, ``types``, ``deprecate``, ``debuglog``/``debug``, ``promisify`` and
``callbackify``.

``None`` prints as ``undefined`` where it stands alone (an argument, a Promise's value)
and as ``null`` inside a dict or a list; ``docs/null-undefined.md`` gives the rule for the
whole library.
"""

from __future__ import annotations

import functools
import os
import sys
import warnings
from typing import Any, Callable, TypeVar

from .internal.promisify import callbackify, promisify
from .internal.util import types
from .internal.util.comparisons import isDeepStrictEqual
from .internal.util.debuglog import debuglog
from .internal.util.inspect import format, formatWithOptions, inspect

__all__ = [
    "NodeDeprecationWarning",
    "callbackify",
    "debug",
    "debuglog",
    "deprecate",
    "format",
    "formatWithOptions",
    "inspect",
    "isDeepStrictEqual",
    "promisify",
    "types",
]

F = TypeVar("F", bound=Callable[..., Any])

debug = debuglog
"""``util.debug`` is Node's alias of :func:`debuglog`."""


class NodeDeprecationWarning(DeprecationWarning):
    """The warning :func:`deprecate` issues; ``code`` is the deprecation code, if any.

    Python hides ``DeprecationWarning`` outside ``__main__`` by default; Node prints every
    deprecation once. So, unless ``-W`` options were given, importing ``uvnet.util`` adds
    a ``warnings`` filter that shows this category (:func:`deprecate` itself makes each
    code warn once).
    """

    name = "DeprecationWarning"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


if not sys.warnoptions:
    warnings.filterwarnings("always", category=NodeDeprecationWarning)

_codesWarned: set[str] = set()


def deprecate(fn: F, msg: str, code: str | None = None) -> F:
    """Node's ``util.deprecate(fn, msg[, code])``: ``fn`` wrapped so that its first call
    warns ``msg`` (a :class:`NodeDeprecationWarning` through :mod:`warnings`, pointing at
    the caller), once per ``code`` across all wrappers that share it, or once per wrapper
    without a code; ``NODE_NO_DEPRECATION=1`` (Node's ``--no-deprecation``) silences it.
    Later calls go straight to ``fn``."""
    if code is not None and not isinstance(code, str):
        from .internal.errors import ERR_INVALID_ARG_TYPE  # noqa: PLC0415
        raise ERR_INVALID_ARG_TYPE("code", "string", code)
    warned = False

    @functools.wraps(fn)
    def deprecated(*args: Any, **kwargs: Any) -> Any:
        nonlocal warned
        if not warned:
            warned = True
            if code is None or code not in _codesWarned:
                if code is not None:
                    _codesWarned.add(code)
                if not os.environ.get("NODE_NO_DEPRECATION"):
                    text = f"[{code}] {msg}" if code else msg
                    warnings.warn(NodeDeprecationWarning(text, code), stacklevel=2)
        return fn(*args, **kwargs)

    return deprecated  # type: ignore[return-value]
