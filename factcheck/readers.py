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


# The opening mark is never inside what follows it ("[" in a link's text, "(" in its address,
# "<" in an autolink): each attempt then stops at the next one, so "[[[[..." or "[a]([a](..."
# cost time in proportion to their length, not 2,000 steps a character.
_MD_LINK = re.compile(r"!?\[(?P<text>[^\[\]\n]{0,2000})\]\([^()\n]{0,2000}\)")
_MD_MARKS = re.compile(r"\*\*|__|`+|~~|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_MD_LINE_MARKS = re.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]|>[ \t]?|\|)")
# A line of nothing but bars, dashes, colons and blanks; _table_rule checks it is a rule. (One
# pattern that also demanded the bar inside backtracks quadratically on "-|-|-|...x".)
_MD_TABLE_RULE = re.compile(r"(?m)^[ \t:|-]+$")
_MD_FOOTNOTE = re.compile(r"\[\^[^\]\s]{1,20}\]")
_MD_AUTOLINK = re.compile(r"<(?:https?|mailto):[^<>\s]{0,2000}>|https?://\S{1,2000}")


def read_markdown(text: str) -> str:
    """Markdown: emphasis, link addresses, bullets, quote marks and table rules are blanked.

    A heading keeps one "#" so the extractor still sees it as a heading; a table row starts
    like a bullet (each row a paragraph of its own) and its cell bars become spaces.
    """
    out = _MD_FOOTNOTE.sub(_blank, text)  # "[^1]": a footnote's mark, no figure
    out = _MD_LINK.sub(_link_text, out)
    out = _MD_AUTOLINK.sub(_blank, out)
    out = _MD_TABLE_RULE.sub(_table_rule, out)
    out = _MD_LINE_MARKS.sub(_line_mark, out)
    out = _MD_MARKS.sub(_blank, out)
    return out.replace("|", " ")


def _table_rule(m: re.Match[str]) -> str:
    # "|---|:--:|", "--- | ---": a table's rule (it has a bar and a dash); blanked.
    line = m.group(0)
    return " " * len(line) if "|" in line and "-" in line and len(line.strip()) >= 3 else line


def _link_text(m: re.Match[str]) -> str:
    # "[the list](https://x.org/2021/5)" keeps its text; the address (and its digits) goes.
    lead = len(m.group(0)) - len(m.group(0).lstrip("!["))
    text = m.group("text")
    return " " * lead + text + " " * (len(m.group(0)) - lead - len(text))


def _line_mark(m: re.Match[str]) -> str:
    # A heading keeps one "#" (so the extractor knows the line is a heading); bullets, quote
    # marks and table bars become spaces.
    mark = m.group(0)
    stripped = mark.strip()
    if stripped.startswith("#"):
        return "#" + " " * (len(mark) - 1)
    if stripped == "|":
        # A table row is a paragraph of its own, like a bullet: its cells are one "sentence".
        return mark.replace("|", "-")
    return " " * len(mark)


_READERS: dict[str, Reader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".mdown": read_markdown,
}


def reader_for(path: str | PurePath) -> Reader:
    """The reader for a file, by its suffix; plain text for anything unknown."""
    return _READERS.get(PurePath(str(path)).suffix.lower(), read_plain)
