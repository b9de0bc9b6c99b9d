"""Readers turn a file's text into scan text for the extractor, keeping every offset.

A reader's output has exactly the length of its input, character for character: markup is
blanked to spaces, never removed, so an offset in the scan text is the same offset in the
original file, and line and column come straight from the original. HTML (tags and entities
blanked) and PDF-text readers fit the same interface.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import PurePath

__all__ = ["Reader", "front_matter_end", "read_html", "read_markdown", "read_plain", "reader_for"]

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
# A link's text may wrap onto the next lines of its paragraph ("[**Accounts\nper IP
# Address**](/docs/x)"), never across a blank line.
_MD_LINK = re.compile(
    r"!?\[(?P<text>[^\[\]\n]{0,2000}(?:\n(?![ \t]*\n)[^\[\]\n]{0,2000}){0,3})\]\([^()\n]{0,2000}\)")
_MD_MARKS = re.compile(r"\*\*|__|`+|~~|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_MD_LINE_MARKS = re.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]|>[ \t]?|\|)")
# A line of nothing but bars, dashes, colons and blanks; _table_rule checks it is a rule. (One
# pattern that also demanded the bar inside backtracks quadratically on "-|-|-|...x".)
_MD_TABLE_RULE = re.compile(r"(?m)^[ \t:|-]+$")
_MD_FOOTNOTE = re.compile(r"\[\^[^\]\s]{1,20}\]")
_MD_AUTOLINK = re.compile(r"<(?:https?|mailto):[^<>\s]{0,2000}>|https?://\S{1,2000}")


# Front matter: a YAML ("---") or TOML ("+++") block at the very top of the file is data for
# a site generator, no prose, and gives no figures ("weight: 3", "date: 2021-04-01").
_MD_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n")
# Inline HTML in Markdown: a tag ("<b>", "</span>", "<br/>", '<a href="...">') and a comment are
# markup; their text stays. A tag's name starts with a letter right after "<", so "a < b" and
# "x<5" are text. A superscript footnote mark ("83<sup>1</sup>") is no figure; "km<sup>2</sup>"
# is km².
_MD_COMMENT_MARK = re.compile(r"<!--|-->")
_MD_SUP = re.compile(r"<sup>[ \t]{0,3}([0-9]{1,3}|[*†‡])[ \t]{0,3}</sup>", re.I)
_MD_HTML_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\"']{0,500}(?:(?:\"[^\"<>]{0,500}\"|'[^'<>]{0,500}')"
    r"[^<>\"']{0,500}){0,30})?/?>"
)
_MD_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def front_matter_end(text: str) -> int:
    """Where a YAML or TOML front matter block at the top of *text* ends (0 when none)."""
    m = _MD_FRONT_MATTER.match(text)
    if not m:
        return 0
    fence = text[:3]
    pos = m.end()
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl + 1
        if text[pos:end].rstrip() in (fence, "..." if fence == "---" else fence):
            return end
        pos = end
    return 0  # an opening fence never closed: a rule, not front matter


def _blank_lines(text: str) -> str:
    """*text* blanked to spaces, its line breaks kept (so line numbers stay those of the file)."""
    return re.sub(r"[^\n]", " ", text)


def _blank_keep_lines(m: re.Match[str]) -> str:
    return _blank_lines(m.group(0))


def _blank_comments(text: str) -> str:
    """HTML comments blanked: each "<!--" paired with the next "-->" in one pass (a pattern
    would search on from every unclosed "<!--")."""
    pieces: list[str] = []
    done = 0
    opened = -1
    for m in _MD_COMMENT_MARK.finditer(text):
        if m.group(0) == "<!--":
            if opened < 0:
                opened = m.start()
        elif opened >= 0:
            pieces += [text[done:opened], _blank_lines(text[opened:m.end()])]
            done, opened = m.end(), -1
    return "".join(pieces) + text[done:] if pieces else text


def _sup(m: re.Match[str]) -> str:
    mark = m.group(1)
    before = m.string[m.start() - 1:m.start()]
    if mark in ("2", "3") and before == "m":
        return ("²" if mark == "2" else "³") + " " * (len(m.group(0)) - 1)
    return " " * len(m.group(0))


def _entity(m: re.Match[str]) -> str:
    # "&nbsp;" is a space, "&amp;" an ampersand, "&#8211;" a dash: the character, then spaces.
    char = html.unescape(m.group(0))
    if len(char) != 1:
        return m.group(0)
    if char in "\u00a0\u2009\u202f":
        char = " "
    return char + " " * (len(m.group(0)) - 1)


def read_markdown(text: str) -> str:
    """Markdown: emphasis, link addresses, bullets, quote marks and table rules are blanked.

    A heading keeps one "#" so the extractor still sees it as a heading; a table row starts
    like a bullet (each row a paragraph of its own) and its cell bars become spaces. Front
    matter is blanked whole; inline HTML tags and comments are blanked (their text kept), and
    entities become their character.
    """
    fm = front_matter_end(text)
    out = _blank_lines(text[:fm]) + text[fm:] if fm else text
    if "<" in out:
        out = _blank_comments(out)
        out = _MD_SUP.sub(_sup, out)
        out = _MD_HTML_TAG.sub(_blank_keep_lines, out)
    if "&" in out:
        out = _MD_ENTITY.sub(_entity, out)
    out = _MD_FOOTNOTE.sub(_blank, out)  # "[^1]": a footnote's mark, no figure
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


# --------------------------------------------------------------------------- HTML in place

_HTML_TOKEN = re.compile(
    r"<!--|<(?P<end>/?)(?P<name>[A-Za-z][A-Za-z0-9-]{0,30})(?P<attrs>(?:\s[^<>\"']{0,500}"
    r"(?:(?:\"[^\"<>]{0,500}\"|'[^'<>]{0,500}')[^<>\"']{0,500}){0,30})?)/?>|<![^<>]{0,500}>"
)
_HTML_ATTR = re.compile(r"""([A-Za-z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp"})


def read_html(text: str) -> str:
    """A web page read in place: tags, comments, code and page furniture blanked.

    The same rules as :mod:`factcheck.webpage` (which renders a page as text and is what
    ``load`` uses) decide what is furniture; this reader keeps every offset instead, for
    pages read where only a same-length reader fits (a page's revisions in git). What lies
    outside the page's ``<main>`` is blanked; a heading's tag at the start of a line becomes
    "#", a list item's "-"; entities become their character.
    """
    from factcheck.webpage import (  # noqa: PLC0415
        BOILERPLATE_WORDS, DROPPED_OUTSIDE_MAIN, DROPPED_ROLES, DROPPED_TAGS)

    out = list(text)
    lower = text.lower()
    main_at = lower.find("<main")
    main_end = lower.rfind("</main>")
    if main_at < 0 or main_end < main_at:
        main_at, main_end = 0, len(text)
    dropped: list[str] = []  # the furniture elements open at this point
    pos = 0
    keep_from = 0  # text from here to the next token is content (unless furniture is open)

    def blank(a: int, b: int) -> None:
        for i in range(a, b):
            if out[i] != "\n":
                out[i] = " "

    def content(a: int, b: int) -> None:
        if dropped or b <= main_at or a >= main_end:
            blank(a, b)
            return
        piece = text[a:b]
        if "&" in piece:
            dec = _MD_ENTITY.sub(_entity, piece)
            out[a:b] = list(dec)

    while True:
        m = _HTML_TOKEN.search(text, pos)
        if m is None:
            content(keep_from, len(text))
            break
        content(keep_from, m.start())
        if m.group(0) == "<!--":
            close = text.find("-->", m.end())
            end = len(text) if close < 0 else close + 3
            blank(m.start(), end)
            pos = keep_from = end
            continue
        name = (m.group("name") or "").lower()
        blank(m.start(), m.end())
        pos = keep_from = m.end()
        if not name:
            continue
        if m.group("end"):
            if dropped and dropped[-1] == name:
                dropped.pop()
            continue
        attrs = {a.group(1).lower(): a.group(2) or a.group(3) or a.group(4) or ""
                 for a in _HTML_ATTR.finditer(m.group("attrs") or "")}
        in_main = main_at < m.start() < main_end and main_at > 0
        furniture = (
            name in DROPPED_TAGS or (not in_main and name in DROPPED_OUTSIDE_MAIN)
            or "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true"
            or attrs.get("role", "").lower() in DROPPED_ROLES
            or any(w.lower() in BOILERPLATE_WORDS
                   for w in re.findall(r"[A-Za-z]+", f"{attrs.get('id', '')} {attrs.get('class', '')}"))
        )
        if name in _RAW_TEXT:
            close = lower.find(f"</{name}", m.end())
            end = len(text) if close < 0 else close
            if name != "title" or furniture:
                blank(m.end(), end)
                pos = keep_from = end
            continue
        if furniture and name not in ("br", "hr", "img", "input", "meta", "link", "wbr"):
            dropped.append(name)
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not dropped and not text[line_start:m.start()].strip(" \t"):
            if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                out[m.start()] = "#"  # a heading, as Markdown marks one
            elif name == "li":
                out[m.start()] = "-"  # a bullet
    return "".join(out)


_READERS: dict[str, Reader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".mdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".pdf": read_markdown,  # a PDF's text as factcheck.pdf writes it (in git histories)
}


def reader_for(path: str | PurePath) -> Reader:
    """The reader for a file, by its suffix; plain text for anything unknown."""
    return _READERS.get(PurePath(str(path)).suffix.lower(), read_plain)
