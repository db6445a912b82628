"""Node's ``PassThrough`` (``lib/internal/streams/passthrough.js``): a Transform that
passes every chunk through unchanged."""

from __future__ import annotations

from typing import Any, Callable

from .transform import Transform


class PassThrough(Transform):
    """Node's stream.PassThrough: a :class:`Transform` whose output is its input,
    unchanged; useful as a placeholder or to observe data passing by."""

    def _transform(self, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
        callback(None, chunk)
