"""An e-mail in a tab: its headers and readable body as text (``core.mail``), hits and annotations as in
any text, and above them the links to its attachments, each an item of its own (``Item.part_of``)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel

from .page import Location
from .text_page import TextPage
from ..i18n import fill, translate

__all__ = ["MailPage"]


class MailPage(TextPage):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        attachments = [i for i in self.archive.items if i.part_of == self.item.id]
        self.attachments = QLabel(self)
        self.attachments.setObjectName("mailAttachments")
        self.attachments.setWordWrap(True)
        if attachments:
            links = ", ".join(f'<a href="{html.escape(a.id)}">{html.escape(a.file.name if a.file else a.title)}</a>'
                              for a in attachments[:30])
            more = fill(translate("MailPage", " and %1 more"), len(attachments) - 30) if len(attachments) > 30 else ""
            self.attachments.setText(fill(translate("MailPage", "Attachments: %1%2"), links, more))
            self.attachments.setToolTip(translate("MailPage", "Each attachment is an item of its own: open it"))
        else:
            self.attachments.setText(translate("MailPage",
                                               "No attachments kept (see the message's text for any it names)"))
        self.attachments.linkActivated.connect(lambda item_id: self.open_location.emit(Location("item", item_id)))
        self.toolbar_layout.insertWidget(0, self.attachments, 1)
