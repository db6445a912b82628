"""Node's ``console.table`` rendering (``lib/internal/cli_table.js`` and the ``table``
method of ``lib/internal/console/constructor.js``)."""

from __future__ import annotations

from typing import Any

from ..util.inspect import inspect

_INDEX_KEY = "(index)"
_VALUES_KEY = "Values"


def _entries(value: Any) -> list[tuple[str, Any]] | None:
    """The (key, value) pairs JS's ``Object.keys`` gives for a row, None for a primitive."""
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return [(str(i), v) for i, v in enumerate(value)]
    if value is None or isinstance(value, (str, int, float, bool)) or callable(value):
        return None
    try:
        return [(k, v) for k, v in vars(value).items() if not k.startswith("__")]
    except TypeError:
        return None


def _cell(value: Any, opts: dict[str, Any]) -> str:
    rows = _entries(value)
    depth = -1 if rows is not None and not isinstance(value, (list, tuple)) \
        and len(rows) > 2 else 0
    return inspect(value, {"depth": depth, "maxArrayLength": 3, "breakLength": None,
                           **opts})


def _renderRow(row: list[str], widths: list[int]) -> str:
    out = "│ "
    for i, cell in enumerate(row):
        out += cell + " " * (widths[i] - len(cell))  # left-aligned, as Node 20
        if i != len(row) - 1:
            out += " │ "
    return out + " │"


def _table(head: list[str], columns: list[dict[int, str]], nrows: int) -> str:
    widths = [len(h) for h in head]
    rows: list[list[str]] = [[] for _ in range(nrows)]
    for i, column in enumerate(columns):
        for j in range(nrows):
            value = column.get(j, "")
            rows[j].append(value)
            widths[i] = max(widths[i], len(value))
    divider = ["─" * (w + 2) for w in widths]
    out = ["┌" + "┬".join(divider) + "┐", _renderRow(head, widths),
           "├" + "┼".join(divider) + "┤"]
    out += [_renderRow(row, widths) for row in rows]
    out.append("└" + "┴".join(divider) + "┘")
    return "\n".join(out)


def renderTable(data: Any, properties: list[str] | None, opts: dict[str, Any]) -> str:
    """The table ``console.table(data, properties)`` prints for a list or dict of rows."""
    index = _entries(data) or []
    columns: dict[str, dict[int, str]] = {}
    values: dict[int, str] = {}
    hasPrimitives = False
    for i, (_, item) in enumerate(index):
        fields = _entries(item)
        if properties is None and fields is None:
            hasPrimitives = True
            values[i] = _cell(item, opts)
            continue
        own = dict(fields or [])
        for key in properties if properties is not None else list(own):
            column = columns.setdefault(key, {})
            column[i] = _cell(own[key], opts) if key in own else ""
    head = [_INDEX_KEY] + list(columns)
    cols = [{i: k for i, (k, _) in enumerate(index)}] + list(columns.values())
    if hasPrimitives:
        head.append(_VALUES_KEY)
        cols.append(values)
    return _table(head, cols, len(index))
