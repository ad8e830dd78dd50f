"""The text a reader sees in a rendered Markdown file.

Choice: we render with markdown-it-py (CommonMark plus tables and strikethrough) and take the visible text
with the same rules as HTML pages (:mod:`.html_text`), rather than keeping the Markdown source. The viewer
shows ``ExtractedText.text`` as is, and the user should read "a link" and a bold word, not ``[a link](url)``
and ``**bold**``; hit offsets are offsets into that rendered text. Headings, paragraphs and list items are
separated as in HTML, list items keep a "• " / "1. " marker, code blocks keep their spacing. Link targets
and image sources are not part of the text (they are not shown); raw HTML inside Markdown follows the HTML
visibility rules.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from .html_text import html_visible_text

__all__ = ["markdown_visible_text"]

_RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_visible_text(source: str) -> str:
    return html_visible_text(_RENDERER.render(source), with_title=False)
