"""Node's ``lib/internal/console/`` (the ``Console`` class)."""
