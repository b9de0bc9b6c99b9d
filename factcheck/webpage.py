"""Web pages: the main content of an HTML page as text, with where each character came from.

The page is parsed with the standard library's :mod:`html.parser` into a small tree (nothing
in it is executed or fetched: scripts, styles, frames and images are dropped unread). The main
content is the page's ``<main>`` (or ``role="main"``), else its ``<article>`` (the longest,
when it is twice as long as any other), else its ``<body>``; within it, page furniture is dropped by the rules in :data:`DROPPED_TAGS`,
:data:`DROPPED_ROLES` and :data:`BOILERPLATE_WORDS` (a documented rule of our own: the
well-kept boilerplate removers are heavy, and a factsheet's page is simple).

What is left is written as Markdown text, the text its claims' quotes are exact substrings of:
headings become ``#`` headings (sections), list items bullets, data tables pipe tables with
their header cells, block elements and ``<br>`` line breaks, entities their characters.
:class:`RenderedPage` maps every character of that text back to the HTML source (line and
column) and to the element holding it (a CSS selector).
"""

from __future__ import annotations

import bisect
import re
from array import array
from html.parser import HTMLParser

import attrs

__all__ = [
    "BOILERPLATE_WORDS",
    "DROPPED_ROLES",
    "DROPPED_TAGS",
    "RenderedPage",
    "capture_date",
    "render_html",
]

DROPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
    "object", "embed", "canvas", "video", "audio", "map", "head", "nav", "footer",
    "button", "select", "textarea", "input", "dialog", "menu",
})
"""Elements that are never content: code, media, form controls, navigation and page footers.
(A ``<form>`` is not: some sites wrap the whole page in one.)"""

DROPPED_OUTSIDE_MAIN = frozenset({"header", "aside"})
"""Elements that are page furniture outside the main content (an article's own header and
a figure box inside it are kept)."""

DROPPED_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu",
    "menubar", "toolbar", "complementary",
})
"""ARIA roles of page furniture."""

BOILERPLATE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "cookie", "cookies",
    "consent", "gdpr", "share", "sharing", "social", "newsletter", "subscribe", "signup",
    "footer", "sidebar", "related", "skip", "skiplink", "pagination", "pager", "masthead",
    "toolbar", "popup", "modal", "advert", "advertisement", "ads", "promo", "donate",
    "comment", "comments", "respond", "reply", "disqus", "search", "wm",  # "wm": the Wayback
    # Machine's toolbar ("wm-ipp-base")
})
"""A word of an element's id or class that marks it as furniture ("site-footer", "cookie-banner",
"share-this", "main-nav"); words are split at "-", "_" and blanks, and a name of more than
three words (a heading's slug) is not looked at. See also :data:`CONTENT_WORDS` and
:data:`FURNITURE_SHARE`."""

MAX_DEPTH = 200
"""Elements nested deeper than this are read as part of the element above them (so that a
hostile page of 100,000 nested elements costs no more than a flat one)."""

_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen",
})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
})
# An open <p> (or <li>, a cell, a row) ends where one of these opens (HTML's implied end tags).
_CLOSES_P = frozenset(_BLOCK - {"td", "th", "tr", "tbody", "thead", "tfoot", "caption"})
_IMPLIED = {  # an opening tag: (the open element it ends, the elements the search stops at)
    "li": (("li",), ("ul", "ol", "menu")),
    "dt": (("dt", "dd"), ("dl",)), "dd": (("dt", "dd"), ("dl",)),
    "tr": (("tr",), ("table", "thead", "tbody", "tfoot")),
    "td": (("td", "th"), ("tr", "table")), "th": (("td", "th"), ("tr", "table")),
    "thead": (("thead", "tbody", "tfoot"), ("table",)),
    "tbody": (("thead", "tbody", "tfoot"), ("table",)),
    "tfoot": (("thead", "tbody", "tfoot"), ("table",)),
    "option": (("option",), ("select", "datalist")),
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_WORDS = re.compile(r"[A-Za-z]+")
_SPACE = re.compile(r"[ \t\n\r\f\u200b\u00a0]+")  # "&nbsp;" is a space too


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent", "selector_part", "size", "linked",
                 "links", "pos")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | _Text] = []
        self.parent = parent
        self.selector_part = tag
        self.size = -1  # characters of text inside, once _sizes() has counted them
        self.linked = 0  # of which inside links
        self.links = 0  # links inside
        self.pos = 0  # offset of its start tag in the source


class _Text:
    __slots__ = ("data", "pos")

    def __init__(self, data: str, pos: int) -> None:
        self.data = data
        self.pos = pos
        """Offset in the HTML source where the text (its first raw character) starts."""


class _TreeBuilder(HTMLParser):
    """HTML to a tree of :class:`_Node`, with HTML's implied end tags for the common cases."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.root = _Node("#root", {}, None)
        self.stack = [self.root]
        self.title: list[str] = []
        self.comments: list[str] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        top = self.stack[-1]
        if top.tag == "p" and tag in _CLOSES_P:
            self.stack.pop()
        implied = _IMPLIED.get(tag)
        if implied:
            # "<li>a<li>b": the first item ends where the second opens (within the same list).
            closes, stops = implied
            for i in range(len(self.stack) - 1, max(len(self.stack) - 40, 0), -1):
                t = self.stack[i].tag
                if t in closes:
                    del self.stack[i:]
                    break
                if t in stops:
                    break
        if len(self.stack) > MAX_DEPTH and tag not in _VOID:
            return  # (nested deeper than any page is: its content joins the element above)
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        node.pos = self._offset()
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        if tag == "p":  # "</p>" with no <p> open is an empty paragraph (HTML says so)
            self.stack[-1].children.append(_Node("p", {}, self.stack[-1]))

    def _data(self, data: str) -> None:
        top = self.stack[-1]
        if top.tag == "title":
            self.title.append(data)
        top.children.append(_Text(data, self._offset()))

    def handle_data(self, data: str) -> None:
        self._data(data)

    def handle_entityref(self, name: str) -> None:
        self._data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._data(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    # The standard library's parser raises AssertionError on some malformed declarations
    # ("<![<p>", "<!DOCTYPE [x"); a browser reads them as text, and so does factcheck. (The
    # parser has moved its position on before raising: it is put back.)
    def parse_marked_section(self, i: int, report: bool = True) -> int:
        saved = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self._as_text(i, 3, saved)

    def parse_html_declaration(self, i: int) -> int:
        saved = self.getpos()
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            return self._as_text(i, 2, saved)

    def _as_text(self, i: int, n: int, pos: tuple[int, int]) -> int:
        self.lineno, self.offset = pos
        self._data(self.rawdata[i:i + n])
        return i + n


_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")


def _unescape_with_offsets(raw: str, pos: int) -> tuple[str, list[int]]:
    """*raw* (source text at offset *pos*) with entities decoded, and each character's offset."""
    if "&" not in raw:
        return raw, list(range(pos, pos + len(raw)))
    import html  # noqa: PLC0415

    out: list[str] = []
    offs: list[int] = []
    i = 0
    for m in _ENTITY.finditer(raw):
        for k in range(i, m.start()):
            out.append(raw[k])
            offs.append(pos + k)
        dec = html.unescape(m.group(0))
        for ch in dec:
            out.append(ch)
            offs.append(pos + m.start())
        i = m.end()
    for k in range(i, len(raw)):
        out.append(raw[k])
        offs.append(pos + k)
    return "".join(out), offs


LINK_DENSITY = 0.7
"""A list, box or table of three links or more whose text is at least this share link text is
a menu, however it is named."""
_LINK_LISTS = frozenset({"ul", "ol", "div", "section", "table", "p", "dl"})

CONTENT_WORDS = frozenset({"content", "article", "main", "body", "post", "entry", "story",
                           "text", "column", "page"})
"""A word of an id or class that marks an element as content even beside a furniture word
("post-content sidebar-aware", "column content")."""
FURNITURE_SHARE = 0.3
FURNITURE_MIN = 500
"""An element named as furniture but holding more than :data:`FURNITURE_SHARE` of the main
content's text, and at least this many characters, is a layout container
("panel-two-col-sidebar-right", "l-sidebar-fixed"), not furniture."""


def _is_furniture(node: _Node, in_main: bool, root_size: int = 0) -> bool:
    a = node.attrs
    if node.tag in DROPPED_TAGS or (not in_main and node.tag in DROPPED_OUTSIDE_MAIN):
        return True
    if "hidden" in a or a.get("aria-hidden", "").lower() == "true":
        return True
    if a.get("role", "").lower() in DROPPED_ROLES:
        return True
    style = a.get("style", "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if (node.tag in _LINK_LISTS and node.links >= 3 and node.size > 0
            and node.linked >= LINK_DENSITY * node.size
            and (root_size <= 0 or node.size <= FURNITURE_SHARE * root_size)):
        return True  # a menu or a list of links that no <nav> holds
    words: set[str] = set()
    for token in (a.get("id", ""), *a.get("class", "").split()):
        parts = [w.lower() for w in _WORDS.findall(token)]
        if len(parts) <= 3:  # a name, not a heading's slug ("sharing-with-a-single-developer")
            words.update(parts)
    if not words & BOILERPLATE_WORDS or words & CONTENT_WORDS:
        return False
    size = _text_size(node)
    return root_size <= 0 or size <= FURNITURE_SHARE * root_size or size < FURNITURE_MIN


def _find(node: _Node, pred: object) -> list[_Node]:
    found: list[_Node] = []
    todo = [node]
    while todo:
        n = todo.pop()
        for c in n.children:
            if isinstance(c, _Node):
                if c.tag in ("script", "style", "template"):
                    continue
                if pred(c):  # type: ignore[operator]
                    found.append(c)
                todo.append(c)
    return found


def _main_root(root: _Node) -> _Node:
    mains = _find(root, lambda n: n.tag == "main" or n.attrs.get("role", "").lower() == "main")
    if mains:
        return max(mains, key=_text_size)
    articles = sorted(_find(root, lambda n: n.tag == "article"), key=_text_size, reverse=True)
    if len(articles) == 1 or (len(articles) > 1 and
                              _text_size(articles[0]) >= 2 * _text_size(articles[1])):
        return articles[0]  # the article (beside cards of related ones, it is much the longest)
    bodies = _find(root, lambda n: n.tag == "body")
    return bodies[0] if bodies else root


def _text_size(node: _Node) -> int:
    """Characters of text inside an element (scripts and styles aside), counted once."""
    if node.size < 0:
        _sizes(node)
    return node.size


def _sizes(root: _Node) -> None:
    """Every element's text size below *root*, in one pass (children before parents)."""
    order: list[_Node] = []
    todo = [root]
    while todo:
        n = todo.pop()
        order.append(n)
        todo.extend(c for c in n.children if isinstance(c, _Node))
    for n in reversed(order):
        if n.tag in ("script", "style", "template"):
            n.size = 0
            continue
        n.size = sum(len(c.data.strip()) if isinstance(c, _Text) else c.size
                     for c in n.children)
        if n.tag == "a":
            n.linked, n.links = n.size, 1
        else:
            n.linked = sum(c.linked for c in n.children if isinstance(c, _Node))
            n.links = sum(c.links for c in n.children if isinstance(c, _Node))


def _selectors(node: _Node) -> None:
    """Each child element's own selector step: "p:nth-of-type(3)", "div#main"."""
    seen: dict[str, int] = {}
    total: dict[str, int] = {}
    for c in node.children:
        if isinstance(c, _Node):
            total[c.tag] = total.get(c.tag, 0) + 1
    for c in node.children:
        if isinstance(c, _Node):
            seen[c.tag] = seen.get(c.tag, 0) + 1
            ident = c.attrs.get("id", "")
            if ident and re.fullmatch(r"[A-Za-z][\w-]*", ident):
                c.selector_part = f"{c.tag}#{ident}"
            elif total[c.tag] > 1:
                c.selector_part = f"{c.tag}:nth-of-type({seen[c.tag]})"
            else:
                c.selector_part = c.tag


def _selector(node: _Node) -> str:
    parts: list[str] = []
    n: _Node | None = node
    while n is not None and n.tag != "#root":
        parts.append(n.selector_part)
        if "#" in n.selector_part:
            break  # an id is unique in the page: the path starts there
        n = n.parent
    return " > ".join(reversed(parts))


@attrs.frozen
class RenderedPage:
    """A web page's main content as Markdown text, with every character's source position."""

    text: str
    """The page's main content as Markdown text (what claims are read from)."""
    source_offsets: array[int] = attrs.field(repr=False)
    """For each character of ``text``, its offset in the HTML source."""
    line_starts: tuple[int, ...] = attrs.field(repr=False)
    """Offsets in the HTML source where each line starts."""
    element_starts: tuple[int, ...] = attrs.field(repr=False)
    """Offsets in ``text`` where a run of one element's text starts."""
    elements: tuple[str, ...] = attrs.field(repr=False)
    """The CSS selector of the element of each run."""
    title: str | None = None
    """The page's ``<title>``."""
    comments: tuple[str, ...] = attrs.field(default=(), repr=False)
    """The page's HTML comments (a Wayback capture says when it was made in one)."""

    def source_position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column in the HTML source of the text's character at *offset*."""
        if not self.source_offsets:
            return 1, 1
        src = self.source_offsets[min(max(offset, 0), len(self.source_offsets) - 1)]
        line = bisect.bisect_right(self.line_starts, src)
        return line, src - self.line_starts[line - 1] + 1

    def element(self, offset: int) -> str | None:
        """The CSS selector of the element holding the text's character at *offset*."""
        i = bisect.bisect_right(self.element_starts, offset) - 1
        return self.elements[i] if i >= 0 else None


class _Writer:
    """Markdown text with each character's source offset; blanks folded as HTML folds them."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.offsets = array("l")
        self.pending_space = False
        self.pending_break = 0  # line breaks owed before the next text (1: a line, 2: a paragraph)
        self.at_line_start = True
        self.prefix = ""  # written at the start of each line of a block ("- ", "## ")
        self.run_starts: list[int] = []
        self.run_elements: list[str] = []
        self.inline = 0

    def _put(self, s: str, src: int | list[int]) -> None:
        self.parts.append(s)
        self.size += len(s)
        if isinstance(src, int):
            self.offsets.extend([src] * len(s))
        else:
            self.offsets.extend(src)

    def block(self, lines: int = 2) -> None:
        if self.inline:  # inside a table's cell: its blocks and breaks are blanks
            self.pending_space = not self.at_line_start
            return
        if self.size:
            self.pending_break = max(self.pending_break, lines)
        self.pending_space = False

    def line_break(self) -> None:
        self.block(1)

    def mark(self, s: str, src: int) -> None:
        """Markup of the writer's own ("| ", a table's rule), placed at *src* in the source."""
        if self.pending_break:
            self._put("\n" * self.pending_break, src)
            self.pending_break = 0
        elif self.pending_space and not self.at_line_start:
            self._put(" ", src)
        self.pending_space = False
        self.at_line_start = False
        self._put(s, src)

    def text(self, data: str, offs: list[int], element: str, pre: bool = False) -> None:
        if pre:
            pieces = [(data, offs)]
        else:
            pieces = []
            i = 0
            for m in _SPACE.finditer(data):
                if m.start() > i:
                    pieces.append((data[i:m.start()], offs[i:m.start()]))
                pieces.append((" ", offs[m.start():m.start() + 1]))
                i = m.end()
            if i < len(data):
                pieces.append((data[i:], offs[i:]))
        for s, o in pieces:
            if s == " " and not pre:
                if not self.at_line_start and not self.pending_break:
                    self.pending_space = True
                continue
            src = o[0] if o else 0
            if self.pending_break:
                self._put("\n" * self.pending_break, src)
                self.pending_break = 0
                self.at_line_start = True
                self.pending_space = False
            if self.at_line_start:
                if self.prefix:
                    self._put(self.prefix, src)
                    # A bullet's or heading's next lines (after a <br>) are its continuation.
                    self.prefix = " " * len(self.prefix)
                self.at_line_start = False
            elif self.pending_space:
                self._put(" ", src)
            self.pending_space = False
            if not self.run_elements or self.run_elements[-1] != element:
                self.run_starts.append(self.size)
                self.run_elements.append(element)
            self._put(s, o)
            if pre and s.endswith("\n"):
                self.at_line_start = True


def _cell_text(node: _Node) -> str:
    out: list[str] = []
    todo: list[_Node | _Text] = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, _Text):
            out.append(n.data)
        elif n.tag not in DROPPED_TAGS:
            todo.extend(reversed(n.children))
    import html  # noqa: PLC0415

    return " ".join(html.unescape("".join(out)).split())


def _is_data_table(table: _Node) -> bool:
    """A table of rows and cells (not a page laid out in a table): no table or long text inside."""
    todo = [c for c in table.children if isinstance(c, _Node)]
    while todo:  # (stops at the first table inside or long cell)
        n = todo.pop()
        if n.tag == "table" or (n.tag in ("td", "th") and _text_size(n) > 300):
            return False
        todo.extend(c for c in n.children if isinstance(c, _Node))
    return True


def _rows(table: _Node) -> list[list[_Node]]:
    """A table's rows of cells in document order (bare or in thead, tbody, tfoot)."""
    rows: list[list[_Node]] = []
    _selectors(table)
    trs: list[_Node] = []
    for c in table.children:
        if isinstance(c, _Node):
            if c.tag == "tr":
                trs.append(c)
            elif c.tag in ("thead", "tbody", "tfoot"):
                _selectors(c)
                trs.extend(r for r in c.children if isinstance(r, _Node) and r.tag == "tr")
    for tr in trs:
        _selectors(tr)
        rows.append([x for x in tr.children if isinstance(x, _Node) and x.tag in ("td", "th")])
    return [r for r in rows if r]


class _Renderer:
    def __init__(self, writer: _Writer, root_size: int = 0) -> None:
        self.w = writer
        self.list_depth = 0
        self.root_size = root_size

    def node(self, node: _Node, in_main: bool, pre: bool = False) -> None:
        _selectors(node)
        kids = node.children
        skip = -1
        for i, c in enumerate(kids):
            if i == skip:
                continue
            if isinstance(c, _Text):
                data, offs = _unescape_with_offsets(c.data, c.pos)
                if "\u00ad" in data:  # a soft hyphen ("&shy;") is no character of the word
                    keep = [k for k, ch in enumerate(data) if ch != "\u00ad"]
                    data, offs = "".join(data[k] for k in keep), [offs[k] for k in keep]
                self.w.text(data, offs, _selector(node), pre)
                continue
            if _is_furniture(c, in_main, self.root_size):
                continue
            tag = c.tag
            if tag in _CARD_PARTS and not self.w.inline and not pre:
                j = _next_element(kids, i)
                if j is not None and self.card(c, kids[j], in_main):  # type: ignore[arg-type]
                    skip = j
                    continue
            if tag == "sup" and _FOOTNOTE_MARK.fullmatch(_cell_text(c)):
                mark = _cell_text(c)
                before = self.w.parts[-1][-1:] if self.w.parts else ""
                if mark in ("2", "3") and before == "m":  # "km<sup>2</sup>": km²
                    self.w.text("²" if mark == "2" else "³", [_node_pos(c)], _selector(c))
                continue  # "83<sup>1</sup>": a footnote's mark, no part of the figure
            if tag == "br":
                self.w.line_break()
            elif tag in _HEADINGS:
                self.w.block()
                old, self.w.prefix = self.w.prefix, "#" * _HEADINGS[tag] + " "
                self.w.inline += 1  # a heading is one line
                self.node(c, in_main)
                self.w.inline -= 1
                self.w.prefix = old
                self.w.block()
            elif tag in ("ul", "ol"):
                self.w.block()
                self.list_depth += 1
                self.node(c, in_main)
                self.list_depth -= 1
                self.w.block()
            elif tag == "li":
                self.w.block(1)
                old, self.w.prefix = self.w.prefix, "  " * max(self.list_depth - 1, 0) + "- "
                self.node(c, in_main)
                self.w.prefix = old
                self.w.block(1)
            elif tag == "table" and _is_data_table(c):
                self.table(c, in_main)
            elif tag == "pre":
                self.w.block()
                self.node(c, in_main, pre=True)
                self.w.block()
            elif tag in ("p", "div") and not pre and not self.w.inline and _bold_heading(c):
                # "<p><strong>Stabilisation</strong></p>": a heading, as editors write one.
                self.w.block()
                old, self.w.prefix = self.w.prefix, "#### "
                self.w.inline += 1
                self.node(c, in_main)
                self.w.inline -= 1
                self.w.prefix = old
                self.w.block()
            elif tag in _BLOCK:
                self.w.block()
                self.node(c, in_main, pre)
                self.w.block()
            elif tag in ("img", "title"):
                continue
            else:
                self.node(c, in_main, pre)

    def card(self, a: _Node, b: _Node, in_main: bool) -> bool:
        """A key figure and its label in two blocks side by side ("<div>83</div><div>member
        states</div>"): one line, "83 member states"; a label then its figure: "Members: 83"."""
        if b.tag not in _CARD_PARTS or _is_furniture(b, in_main, self.root_size):
            return False
        ta, tb = _cell_text(a), _cell_text(b)
        if _FIGURE_ONLY.fullmatch(ta) and _is_label(tb):
            sep = " "
        elif _is_label(ta) and _FIGURE_ONLY.fullmatch(tb) and not ta.endswith(":"):
            sep = ":"
        else:
            return False
        w = self.w
        w.block()
        w.inline += 1
        self.node(a, in_main)
        if sep == ":":
            w.pending_space = False
            w.mark(":", _node_pos(b))
        w.pending_space = True
        self.node(b, in_main)
        w.inline -= 1
        w.block()
        return True

    def table(self, table: _Node, in_main: bool) -> None:
        rows = [r for r in _rows(table) if any(_cell_text(c) for c in r)]  # (no empty rows)
        captions = sum(_text_size(c) for c in table.children
                       if isinstance(c, _Node) and c.tag == "caption")
        if not rows or sum(_text_size(c) for r in rows for c in r) + captions < _text_size(table):
            # Text that is in no cell (a table broken or nested past belief): read as blocks.
            self.w.block()
            self.node(table, in_main)
            self.w.block()
            return
        w = self.w
        w.block()
        for c in table.children:
            if isinstance(c, _Node) and c.tag == "caption":
                self.node(c, in_main)
                w.block()
        headed = all(c.tag == "th" for c in rows[0]) or (
            rows[0][0].parent is not None and rows[0][0].parent.parent is not None
            and rows[0][0].parent.parent.tag == "thead")
        if not headed and all(len(r) == 2 for r in rows):
            # A table of labels and values without a header row (a key-facts box, an
            # infobox): "Population: 12,345", one line each.
            for row in rows:
                w.block(1)
                w.inline += 1
                self.node(row[0], in_main)
                w.pending_space = False
                w.mark(":", _node_pos(row[1]))
                w.pending_space = True
                self.node(row[1], in_main)
                w.inline -= 1
                w.block(1)
            w.block()
            return
        width = max(sum(map(_span, r)) for r in rows)
        w.inline += 1
        for i, row in enumerate(rows):
            for cell in row:
                w.mark("|", _node_pos(cell))
                w.pending_space = True
                self.node(cell, in_main)
                w.pending_space = True
                for _ in range(_span(cell) - 1):
                    # A cell across columns: a heading heads each of them; a value is in the
                    # first, the others are empty.
                    w.mark("|", _node_pos(cell))
                    w.pending_space = True
                    if i == 0 and _cell_text(cell):
                        w.mark(_cell_text(cell), _node_pos(cell))
                        w.pending_space = True
            for _ in range(width + 1 - sum(map(_span, row))):  # missing cells, the last bar
                w.mark("|", _node_pos(row[-1]))
                w.pending_space = True
            w.pending_break = 1
            if i == 0:
                w.mark("|" + "---|" * width, _node_pos(row[0]))
                w.pending_break = 1
        w.inline -= 1
        w.block()


_CARD_PARTS = frozenset({"div", "p", "span", "strong", "b", "dt", "dd", "h2", "h3", "h4", "h5",
                         "h6"})
_FIGURE_ONLY = re.compile(
    r"(?i)[~≈<>+−-]?\s?(?:US\$|[$€£¥₹])?\s?\d[\d,.\u00a0 ]{0,20}(?:%|\+|k|m|bn|million|billion|"
    r"thousand|trillion)?\+?")
_FOOTNOTE_MARK = re.compile(r"\d{1,3}|[*†‡§]|\[\d{1,3}\]|\(\d{1,3}\)")


def _bold_heading(node: _Node) -> bool:
    """A paragraph that is one short bold phrase and nothing else, no sentence."""
    kids = [k for k in node.children if not (isinstance(k, _Text) and not k.data.strip())]
    if len(kids) != 1 or not isinstance(kids[0], _Node) or kids[0].tag not in ("b", "strong"):
        return False
    text = _cell_text(kids[0])
    return (2 <= len(text) <= 80 and any(ch.isalpha() for ch in text)
            and not text.endswith((".", "!", "?", ",", ";")) and not _FIGURE_ONLY.fullmatch(text))


def _is_label(text: str) -> bool:
    """A key figure's label: a few words, no sentence, no figure of its own."""
    return (2 <= len(text) <= 80 and any(c.isalpha() for c in text)
            and not any(c.isdigit() for c in text) and not text.endswith((".", "!", "?")))


def _next_element(kids: list[_Node | _Text], i: int) -> int | None:
    """The index of the element after kids[i], past blanks only (None when text intervenes)."""
    for j in range(i + 1, len(kids)):
        k = kids[j]
        if isinstance(k, _Text):
            if k.data.strip():
                return None
            continue
        return j
    return None


def _span(cell: _Node) -> int:
    """How many columns a table cell spans (its colspan, 1 to 20)."""
    raw = cell.attrs.get("colspan", "1").strip()
    return min(max(int(raw), 1), 20) if raw.isdigit() else 1


def _node_pos(node: _Node) -> int:
    """The source offset of an element's first text (its start when it holds none)."""
    todo: list[_Node | _Text] = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, _Text):
            return n.pos
        todo.extend(reversed(n.children))
    return node.pos


def render_html(source: str) -> RenderedPage:
    """A page's main content as Markdown text with its mapping back to the source."""
    builder = _TreeBuilder(source)
    builder.feed(source)
    builder.close()
    root = _main_root(builder.root)
    _selectors_above(root)
    writer = _Writer()
    _sizes(builder.root)
    _Renderer(writer, _text_size(root)).node(root, in_main=root.tag in ("main", "article") or
                           root.attrs.get("role", "").lower() == "main")
    text = "".join(writer.parts)
    if text and not text.endswith("\n"):
        writer._put("\n", writer.offsets[-1])
        text += "\n"
    title = " ".join("".join(builder.title).split()) or None
    if title:
        import html  # noqa: PLC0415

        title = html.unescape(title)
    return RenderedPage(
        text=text,
        source_offsets=writer.offsets,
        line_starts=tuple(builder.line_starts),
        element_starts=tuple(writer.run_starts),
        elements=tuple(writer.run_elements),
        title=title,
        comments=tuple(builder.comments),
    )


def _selectors_above(node: _Node) -> None:
    chain = []
    n = node.parent
    while n is not None:
        chain.append(n)
        n = n.parent
    for n in reversed(chain):
        _selectors(n)


# --------------------------------------------------------------------------- web archives

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_ARCHIVED_ON = re.compile(
    r"FILE ARCHIVED ON (\d{1,2}):(\d{2}):(\d{2}) ([A-Za-z]{3}) (\d{1,2}), (\d{4})")
_WAYBACK_STAMP = re.compile(r"/web/(\d{14})(?:[a-z]{2}_)?/")


def capture_date(source: str, comments: tuple[str, ...] | None = None) -> str | None:
    """When a page saved from the Wayback Machine was captured ("2021-03-15T14:02:03Z").

    Read from the note the Wayback Machine adds to a page ("FILE ARCHIVED ON 14:02:03 Mar 15,
    2021 ..."), else from the capture time its rewritten links carry most often
    ("/web/20210315140203/https://..."). None for a page that is no capture.
    """
    for text in (comments if comments is not None else (source,)):
        m = _ARCHIVED_ON.search(text)
        if m and m.group(4).lower() in _MONTHS:
            h, mi, s, mon, d, y = m.groups()
            return (f"{y}-{_MONTHS[mon.lower()]:02d}-{int(d):02d}"
                    f"T{int(h):02d}:{mi}:{s}Z")
    counts: dict[str, int] = {}
    for m in _WAYBACK_STAMP.finditer(source):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    if not counts:
        return None
    return stamp_date(max(counts, key=lambda k: (counts[k], k)))


def stamp_date(stamp: str) -> str:
    """A 14-digit Wayback or WARC time stamp as an ISO date and time: "2021-03-15T14:02:03Z"."""
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]}Z"
