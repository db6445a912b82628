"""Node's ``util`` module (``lib/util.js``): ``promisify`` and ``callbackify``."""

from __future__ import annotations

from .internal.promisify import callbackify, promisify

__all__ = ["callbackify", "promisify"]
