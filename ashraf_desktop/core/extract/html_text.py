"""The text a browser would show for an HTML page, as plain text with line breaks where blocks are.

Rules (a simplified browser rendering without CSS files or scripts):

* not shown: ``head`` content, ``script``, ``style``, ``template``, ``noscript`` (we render as if scripts
  ran), embedded content whose children are only a fallback (``iframe``, ``object``, ``video``, ``audio``,
  ``canvas``), ``svg``, comments, elements with the ``hidden`` attribute or an inline style
  ``display:none`` / ``visibility:hidden``, and a ``dialog`` that is not ``open``. Stylesheet rules that hide
  things by class cannot be followed (no CSS engine); ``details`` bodies are kept (browsers' find-in-page
  searches them too).
* the ``<title>`` becomes the first paragraph (it names the page; browsers show it in the tab), unless the
  body already starts with the same words.
* whitespace collapses as in a browser (runs of ASCII whitespace become one space, none at line starts or
  ends); ``pre``/``textarea`` keep theirs; a no-break space (U+00A0) is kept as is.
* block elements start new lines, paragraphs/headings/lists/tables are separated by a blank line, ``<br>``
  is a line break, table cells are separated by a tab, list items get a "• " or "1. " marker.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import NavigableString, RubyTextString, Tag

__all__ = ["html_visible_text"]

_NOT_SHOWN = frozenset({
    "head", "title", "script", "style", "template", "noscript", "meta", "link", "base", "iframe", "object",
    "embed", "video", "audio", "canvas", "svg", "rp", "param", "source", "track", "datalist", "area", "img",
    "input", "frameset", "frame", "noframes", "map",
})
_PARAGRAPH = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "hr", "figure", "address", "dl", "ul",
    "ol", "menu", "dir", "listing", "xmp", "plaintext", "fieldset", "form",
})
_BLOCK = _PARAGRAPH | frozenset({
    "html", "body", "div", "section", "article", "aside", "nav", "main", "header", "footer", "hgroup", "center",
    "details", "summary", "dialog", "figcaption", "caption", "legend", "dd", "dt", "li", "tr", "thead", "tbody",
    "tfoot", "option", "optgroup", "select", "textarea", "search",
})
_PREFORMATTED = frozenset({"pre", "textarea", "listing", "xmp", "plaintext"})
_CELLS = frozenset({"td", "th"})
_HIDING_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)",
    re.IGNORECASE)
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")


def html_visible_text(markup: str, *, with_title: bool = True) -> str:
    """The visible text of an HTML document (already decoded to str); never raises on malformed markup."""
    soup = BeautifulSoup(markup, "html.parser")
    out = _TextBuilder()
    _walk(soup, out)
    body = out.result()
    title = _document_title(soup) if with_title else ""
    if title and not body.startswith(title):
        return f"{title}\n\n{body}" if body else title
    return body


def _document_title(soup: BeautifulSoup) -> str:
    for title in soup.find_all("title"):
        if not any(parent.name == "svg" for parent in title.parents):
            return _COLLAPSIBLE.sub(" ", title.get_text()).strip()
    return ""


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden"):
        return True
    style = tag.get("style")
    if isinstance(style, str) and _HIDING_STYLE.search(style):
        return True
    return tag.name == "dialog" and not tag.has_attr("open")


def _walk(root: Tag, out: _TextBuilder) -> None:
    """Depth-first over the tree with an explicit stack: deeply nested junk HTML must not hit the recursion limit."""
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if isinstance(node, Tag):
            if closing:
                _close(node, out)
                continue
            if node.name in _NOT_SHOWN or _is_hidden(node):
                continue
            _open(node, out)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif type(node) in (NavigableString, RubyTextString):  # subclasses are comments, CDATA, doctype, ...
            out.text(str(node))


def _open(tag: Tag, out: _TextBuilder) -> None:
    name = tag.name
    if name == "br":
        out.line_break()
    elif name in _CELLS:
        out.separator("\t")
    elif name in _BLOCK:
        out.block(2 if name in _PARAGRAPH and not _inside_list_item(tag) else 1)
        if name == "li":
            out.marker(_list_marker(tag))
    if name == "hr":
        out.block(2)
    if name in _PREFORMATTED:
        out.preformatted += 1
        out.skip_leading_newline = True


def _close(tag: Tag, out: _TextBuilder) -> None:
    name = tag.name
    if name in _BLOCK:
        out.block(2 if name in _PARAGRAPH and not _inside_list_item(tag) else 1)
    elif name in _CELLS:
        out.separator("\t")
    if name in _PREFORMATTED:
        out.preformatted = max(out.preformatted - 1, 0)


def _inside_list_item(tag: Tag) -> bool:
    """Nested lists and paragraphs inside list items have no blank line around them in browsers."""
    parent = tag.parent
    return parent is not None and parent.name in ("li", "dd")


def _list_marker(item: Tag) -> str:
    parent = item.parent
    if parent is None or parent.name != "ol":
        return "• "
    try:
        number = int(str(parent.get("start", "1")).strip())
    except ValueError:
        number = 1
    return f"{number + len(item.find_previous_siblings('li'))}. "


class _TextBuilder:
    """Accumulates text the way a browser lays out inline content: pending spaces and line breaks are only
    written once the next visible character arrives, so there is never a space at a line start or end and
    never more than one blank line between blocks."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._started = False  # any visible character written yet
        self._newlines = 0  # how many "\n" the output currently ends with
        self._wanted_newlines = 0
        self._separator = ""  # " " or "\t" waiting to be written before the next inline text
        self.preformatted = 0  # depth of pre-like elements
        self.skip_leading_newline = False  # HTML drops a newline right after <pre>
        self._marker = ""  # list marker waiting for the item's first text

    def text(self, raw: str) -> None:
        if self.preformatted:
            if self.skip_leading_newline and raw.startswith(("\r\n", "\n", "\r")):
                raw = raw[2:] if raw.startswith("\r\n") else raw[1:]
            self.skip_leading_newline = False
            if raw:
                self._write(raw.replace("\r\n", "\n").replace("\r", "\n"))
            return
        collapsed = _COLLAPSIBLE.sub(" ", raw)
        if not collapsed:
            return
        self.skip_leading_newline = False
        if collapsed.startswith(" "):
            self.separator(" ")
            collapsed = collapsed[1:]
        trailing = collapsed.endswith(" ")
        collapsed = collapsed.rstrip(" ")
        if collapsed:
            self._write(collapsed)
        if trailing:
            self.separator(" ")

    def marker(self, text: str) -> None:
        """A list marker, written only if the item turns out to contain text (empty items add nothing)."""
        self._marker = text

    def separator(self, sep: str) -> None:
        if self._separator != "\t":
            self._separator = sep

    def block(self, newlines: int) -> None:
        if self._started:
            self._wanted_newlines = max(self._wanted_newlines, newlines)
        self._separator = ""

    def line_break(self) -> None:
        if not self._started:
            return
        self._flush_newlines()
        self._separator = ""
        self._append("\n")

    def result(self) -> str:
        return "".join(self._parts).rstrip()

    def _write(self, text: str) -> None:
        if self._started:
            if self._wanted_newlines > self._newlines:
                self._flush_newlines()
            elif self._separator and self._newlines == 0:
                self._append(self._separator)
        self._wanted_newlines = 0
        self._separator = ""
        self._started = True
        if self._marker:
            self._append(self._marker)
            self._marker = ""
        self._append(text)

    def _flush_newlines(self) -> None:
        if self._wanted_newlines > self._newlines:
            self._append("\n" * (self._wanted_newlines - self._newlines))
        self._wanted_newlines = 0

    def _append(self, text: str) -> None:
        self._parts.append(text)
        stripped = text.rstrip("\n")
        if stripped:
            self._newlines = len(text) - len(stripped)
        else:
            self._newlines += len(text)
