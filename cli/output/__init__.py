"""One renderer per output format; each renders the same :class:`~ethiq.engine.Report`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ethiq.engine import Report

Renderer = Callable[[Report, TextIO], None]


def renderer(fmt: str) -> Renderer:
    """The renderer of ``fmt``, imported only when used so a JSON run never loads rich's tables."""
    if fmt == "json":
        from .json import render
    elif fmt == "table":
        from .table import render
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return render


FORMATS = ("table", "json")
