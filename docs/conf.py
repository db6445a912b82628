"""Sphinx configuration of uvnet's docs site (``make docs``; tox env ``docs``).

The API reference is built by autodoc from the docstrings of the installed ``uvnet``
(``import uvnet`` is all it runs: no loop, no handle); the hand-written pages are
Markdown, read by MyST. Nothing is fetched at build time (no intersphinx, no CDN).
"""

from __future__ import annotations

import uvnet

project = "uvnet"
author = "the uvnet authors"
copyright = "the uvnet authors"
release = getattr(uvnet, "__version__", "")

extensions = [
    "sphinx.ext.autodoc",
    "myst_parser",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "test_docs.py", "requirements.txt"]

# MyST: `#`-anchors on headings (for links between pages), ``:::`` fences.
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

# autodoc: members in source order (Node's own order of the methods, mostly), the
# signature as written; a class's constructor is described by its own __init__.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_class_signature = "mixed"
autoclass_content = "both"
autodoc_default_options = {
    "members": True,
    "show-inheritance": True,
}
add_module_names = False
# Quotes stay as typed: the pages quote Node's and Python's code ('data', "utf8").
smartquotes = False
python_use_unqualified_type_names = True

html_theme = "furo"
html_title = "uvnet"
html_show_sourcelink = False
html_copy_source = False


def _skip_member(app: object, what: str, name: str, obj: object, skip: bool,
                 options: object) -> bool | None:
    # A class kept as an attribute of another (Node's EventEmitter.EventEmitter,
    # Stream.Readable, Readable.ReadableState) is documented where it is defined, or is
    # internal: documenting it again under its owner would recurse.
    if what == "class" and isinstance(obj, type):
        return True
    return None


def setup(app: object) -> None:
    app.connect("autodoc-skip-member", _skip_member)  # type: ignore[attr-defined]
