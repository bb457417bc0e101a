"""One renderer per output format, chosen by name here; each renders the same :class:`~ethiq.engine.Report`.

Shared pieces of the CI formats (sarif, junit, github) are in :mod:`.common`; of the data-protection
officer's report (html, markdown) in :mod:`.dpo`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ethiq.engine import Report

Renderer = Callable[[Report, TextIO], None]

FORMATS = ("table", "json", "sarif", "junit", "github", "html", "markdown", "record")


def renderer(fmt: str) -> Renderer:
    """The renderer of ``fmt``, imported only when used so a JSON run never loads rich's tables."""
    if fmt == "json":
        from .json import render
    elif fmt == "table":
        from .table import render
    elif fmt == "sarif":
        from .sarif import render
    elif fmt == "junit":
        from .junit import render
    elif fmt == "github":
        from .github import render
    elif fmt == "html":
        from .html import render
    elif fmt == "markdown":
        from .markdown import render
    elif fmt == "record":
        from .record import render
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return render
