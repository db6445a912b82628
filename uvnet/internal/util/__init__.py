"""Node's ``lib/internal/util/`` (``inspect``, ``debuglog``, ``comparisons``, ``types``)."""
