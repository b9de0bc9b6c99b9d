"""Reports: one module per output format, behind one interface.

Each format module (``text``, ``json``, ``toml``, ``markdown``, ``html``, ``sarif``, ``junit``,
``github``) holds plain functions named ``render_<kind>``, one for each kind of result it can
show: ``extract`` (a list of documents), ``check`` (a check report), ``diff`` (a diff
report), ``history``, ``blame`` and ``report``. Each takes the result record and keyword
options and returns the whole output as a string; none prints or writes.

:func:`render` is the one entry point: ``render(result, "json", kind="diff")``.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["FORMATS", "formats_for", "render"]

FORMATS = ("text", "json", "toml", "markdown", "html", "sarif", "junit", "github")
"""Every output format factcheck knows, by module name."""


def _renderer(kind: str, fmt: str) -> Any:
    if fmt not in FORMATS:
        return None
    module = importlib.import_module(f"factcheck.reports.{fmt}")
    return getattr(module, f"render_{kind}", None)


def formats_for(kind: str) -> list[str]:
    """The formats that can render results of *kind*."""
    return [f for f in FORMATS if _renderer(kind, f) is not None]


def render(result: Any, fmt: str, *, kind: str, **options: Any) -> str:
    """Render *result* (of *kind*) in format *fmt*; options such as ``color`` pass through."""
    fn = _renderer(kind, fmt)
    if fn is None:
        from factcheck.errors import FactcheckError  # noqa: PLC0415

        raise FactcheckError(
            f"format {fmt!r} cannot show {kind} results; choose one of: "
            + ", ".join(formats_for(kind))
        )
    out: str = fn(result, **options)
    return out
