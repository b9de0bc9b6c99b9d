"""Readers turn a file's text into scan text for the extractor, keeping every offset.

A reader's output has exactly the length of its input, character for character: markup is
blanked to spaces, never removed, so an offset in the scan text is the same offset in the
original file, and line and column come straight from the original. HTML (tags and entities
blanked) and PDF-text readers fit the same interface.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

__all__ = ["Reader", "read_markdown", "read_plain", "reader_for"]

Reader = Callable[[str], str]
"""A function from a file's text to scan text of the same length."""


def read_plain(text: str) -> str:
    """Plain text is scanned as it is."""
    return text


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


_MD_LINK_TARGET = re.compile(r"\]\([^)\n]{0,2000}\)")
_MD_IMAGE_OR_LINK_OPEN = re.compile(r"!?\[(?=[^\]\n]{0,2000}\]\()")
_MD_MARKS = re.compile(r"\*\*|__|`+|~~|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_MD_LINE_MARKS = re.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\|)")
_MD_TABLE_RULE = re.compile(r"(?m)^[ \t]*\|?[ \t:|-]{3,}\|[ \t:|-]*$")
_MD_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]{0,2000}>|https?://\S{1,2000}")


def read_markdown(text: str) -> str:
    """Markdown: headings, emphasis, link targets, bullets and table rules are blanked.

    Heading marks become spaces but the heading line stays a line of its own, so the
    extractor still sees it as a heading. Table cell bars become spaces.
    """
    out = _MD_AUTOLINK.sub(_blank, text)
    out = _MD_LINK_TARGET.sub(_blank, out)
    out = _MD_IMAGE_OR_LINK_OPEN.sub(_blank, out)
    out = _MD_TABLE_RULE.sub(_blank, out)
    out = _MD_LINE_MARKS.sub(lambda m: "#" * (m.group(0).strip().startswith("#")) + " " * (len(m.group(0)) - (m.group(0).strip().startswith("#"))), out)
    out = _MD_MARKS.sub(_blank, out)
    return out.replace("|", " ")


_READERS: dict[str, Reader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".mdown": read_markdown,
}


def reader_for(path: str | PurePath) -> Reader:
    """The reader for a file, by its suffix; plain text for anything unknown."""
    return _READERS.get(PurePath(str(path)).suffix.lower(), read_plain)
