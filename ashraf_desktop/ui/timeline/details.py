"""The pane under the axis: the selected event's date, description and sources, and the legend."""

from __future__ import annotations

from html import escape
from urllib.parse import quote as url_quote, unquote

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QTextBrowser, QWidget

from ...core.archive import Archive, Event, Item
from ..i18n import date_words, fill, translate
from ...core.timeline import LEGEND, MarkStyle, claim_views
from .renderer import Palette, TimelineRenderer
from .words import legend_explanation, legend_label, style_words
from ..search.models import kind_label

__all__ = ["DetailsPane", "LegendWidget"]

_EMPTY = QT_TRANSLATE_NOOP("DetailsPane", "<p style='color:#5a5a5a'>Select an event on the timeline (click it, or use "
                           "the arrow keys) to read its description and the passages it rests on. Hover over an event "
                           "for its title and date.</p>")


def _source_title(archive: Archive | None, item_id: str) -> str:
    item = archive.item(item_id) if archive is not None else None
    return item.title if item is not None else item_id


def _facts_html(archive: Archive | None, item_ids) -> str:
    """The facts these sources state, as links to the facts view ("" when they state none)."""
    if archive is None:
        return ""
    from ...core.facts import facts_stated_by
    seen: dict[str, object] = {}
    for item_id in item_ids:
        for fact in facts_stated_by(archive, item_id):
            seen.setdefault(fact.id, fact)
    if not seen:
        return ""
    links = " &nbsp;·&nbsp; ".join(
        f"<a href='fact:{url_quote(f.id)}'>{escape(f.label)}</a>"
        + (translate("DetailsPane", " (the sources disagree)") if f.disputed else "")
        for f in seen.values())
    return fill(translate("DetailsPane", "<p><b>Facts its sources state:</b> %1</p>"), links)


class DetailsPane(QTextBrowser):
    """Shows one event or item. Citations are links: activating one emits ``citation_activated``."""

    citation_activated = Signal(str, str)  # item id, exact quote
    facet_activated = Signal(str, str)  # "tags" / "places" / "people", value
    fact_activated = Signal(str)  # a fact the sources state: the facts view opens at it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(translate("DetailsPane", "Event details"))
        self.anchorClicked.connect(self._on_anchor)
        self._links: dict[str, tuple[str, str]] = {}
        self.event_id: str | None = None
        self._shown: tuple = ()  # what to show again when the theme changes
        self._set(translate("DetailsPane", _EMPTY))

    def _set(self, html: str) -> None:
        """Show ``html`` with its greys taken from the current palette (readable in the dark theme too)."""
        pal = self.palette()
        muted = pal.color(QPalette.ColorRole.PlaceholderText).name()
        text = pal.color(QPalette.ColorRole.Text).name()
        self.setHtml(html.replace("#5a5a5a", muted).replace("color:#333", f"color:{text}"))

    def refresh_theme(self) -> None:
        if self._shown:
            method, *args = self._shown
            method(*args)
        else:
            self._set(translate("DetailsPane", _EMPTY))

    def clear_details(self) -> None:
        self.event_id = None
        self._links = {}
        self._shown = ()
        self._set(translate("DetailsPane", _EMPTY))

    def show_event(self, event: Event, archive: Archive | None, style: MarkStyle | None) -> None:
        self.event_id = event.id
        self._links = {}
        self._shown = (self.show_event, event, archive, style)
        d = event.date
        parts = [f"<h3 style='margin-bottom:2px'>{escape(event.title)}</h3>",
                 "<p style='margin-top:2px'><b>" + translate("DetailsPane",
                                                             "Date:") + f"</b> {escape(date_words(d.edtf))} "
                 f"<span style='color:#5a5a5a'>({escape(d.edtf)}"
                 + (f"; {escape(style_words(style))}" if style else "") + ")</span></p>"]
        views = claim_views(event, archive)
        if views:
            if event.disputed:
                parts.append(translate("DetailsPane", "<p style='color:#b04a00'><b>≠ The sources give dates that "
                                                      "cannot both be right:</b></p>"))
            else:
                parts.append(translate("DetailsPane", "<p><b>Dates as each source gives them:</b></p>"))
            parts.append("<ul style='margin-top:0'>")
            for i, v in enumerate(views):
                href = f"claim:{i}"
                self._links[href] = (v.item_id, v.quote)
                words = date_words(v.value) if v.span else v.words
                parts.append(f"<li><b>{escape(words)}</b> <span style='color:#5a5a5a'>({escape(v.value)})</span>"
                             f" — <i>{escape(v.item_title)}</i>: <a href='{href}'>“{escape(v.quote)}”</a></li>")
            parts.append("</ul>")
        if event.description:
            parts.append(f"<p>{escape(event.description)}</p>")
        facets = []
        for name, label in (("places", translate("DetailsPane", "Places")),
                            ("people", translate("DetailsPane", "People")),
                            ("tags", translate("DetailsPane", "Tags"))):
            values = getattr(event, name)
            if values:
                links = ", ".join(f"<a href='{name}:{url_quote(v)}'>{escape(v)}</a>" for v in values)
                facets.append(f"<b>{label}:</b> {links}")
        if facets:
            parts.append("<p style='color:#333'>" + " &nbsp;·&nbsp; ".join(facets) + "</p>")
        if event.citations:
            parts.append(translate("DetailsPane",
                                   "<p style='margin-bottom:0'><b>Sources</b> <span style='color:#5a5a5a'>"
                                                  "(click a passage to open it in the viewer)</span>:</p>")
                         + "<ol style='margin-top:2px'>")
            for i, c in enumerate(event.citations):
                href = f"cite:{i}"
                self._links[href] = (c.item, c.quote)
                note = f" <span style='color:#5a5a5a'>— {escape(c.note)}</span>" if c.note else ""
                parts.append(f"<li><i>{escape(_source_title(archive, c.item))}</i>: "
                             f"<a href='{href}'>“{escape(c.quote)}”</a>{note}</li>")
            parts.append("</ol>")
        parts.append(_facts_html(archive, event.cited_items()))
        self._set("".join(parts))

    def show_item(self, item: Item, archive: Archive | None) -> None:
        self.event_id = None
        self._links = {}
        self._shown = (self.show_item, item, archive)
        date = item.date
        parts = [f"<h3 style='margin-bottom:2px'>{escape(item.title)}</h3>",
                 f"<p><b>{escape(kind_label(str(item.kind)))}</b>"
                 + ("" if item.is_held else translate("DetailsPane", " (the archive does not hold this work)"))
                 + (" · <b>" + translate("DetailsPane", "Date:") + f"</b> {escape(date_words(date.edtf))} "
                    f"({escape(date.edtf)})" if date else "")
                 + "</p>"]
        if item.metadata.publisher:
            parts.append("<p><b>" + translate("DetailsPane", "Publisher:") + "</b> "
                         f"{escape(', '.join(item.metadata.publisher))}</p>")
        if item.metadata.description:
            parts.append(f"<p>{escape(item.metadata.description)}</p>")
        if item.mentioned_in:
            parts.append(translate("DetailsPane", "<p><b>Named in:</b></p>") + "<ol>")
            for i, c in enumerate(item.mentioned_in):
                href = f"cite:{i}"
                self._links[href] = (c.item, c.quote)
                parts.append(f"<li><i>{escape(_source_title(archive, c.item))}</i>: "
                             f"<a href='{href}'>“{escape(c.quote)}”</a></li>")
            parts.append("</ol>")
        elif item.is_held:
            href = "cite:0"
            self._links[href] = (item.id, "")
            parts.append(f"<p><a href='{href}'>" + translate("DetailsPane", "Open in the viewer") + "</a></p>")
        parts.append(_facts_html(archive, (item.id,)))
        self._set("".join(parts))

    def link_for(self, href: str) -> tuple[str, str] | None:
        return self._links.get(href)

    def _on_anchor(self, url: QUrl) -> None:
        href = url.toString()
        if href in self._links:
            item_id, quote = self._links[href]
            self.citation_activated.emit(item_id, quote)
            return
        scheme, _, value = href.partition(":")
        if scheme in ("tags", "places", "people"):
            self.facet_activated.emit(scheme, unquote(value))
        elif scheme == "fact":
            self.fact_activated.emit(unquote(value))


class _Glyph(QWidget):
    def __init__(self, renderer: TimelineRenderer, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer, self.key = renderer, key
        self.setFixedSize(QSize(64, 22))

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), Palette.paper)
            self.renderer.paint_legend_glyph(p, self.key, QRectF(self.rect()))
        finally:
            p.end()


class LegendWidget(QWidget):
    """Every style the timeline draws, drawn by the same code, with what it means."""

    def __init__(self, renderer: TimelineRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("LegendWidget", "Legend"))
        self.refresh_theme()
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        title = QLabel(translate("LegendWidget", "<b>How dates are drawn</b>"))
        grid.addWidget(title, 0, 0, 1, 2)
        self.entries: dict[str, QLabel] = {}
        for row, entry in enumerate(LEGEND, start=1):
            glyph = _Glyph(renderer, entry.key, self)
            label = QLabel(fill(translate("LegendWidget", "<b>%1</b> — %2"), escape(legend_label(entry)),
                                escape(legend_explanation(entry))))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(glyph, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            self.entries[entry.key] = label
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(LEGEND) + 1, 1)

    def refresh_theme(self) -> None:
        """The legend is drawn on the chart's paper in the chart's ink (renderer.Palette). A style sheet of its
        own, not a palette: the application's style sheet, set again on a theme change, resets palettes."""
        self.setObjectName("timelineLegend")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"#timelineLegend {{ background: {Palette.paper.name()}; }} "
                           f"QLabel {{ color: {Palette.ink.name()}; background: transparent; }}")
        self.update()
