"""The Dublin Core form: describe one item, or several at once.

Title, creator, publisher, date, language, description, subject, source, rights, type and tags. Each field is
checked as it is typed (``core.ingest.validate_field``: an EDTF date such as ``2003-04~``): a red message
under the field says what is wrong and **Save** waits until it is fixed. Several items: a field whose value
differs between them shows "— mixed —" and is left as it is unless a new value is typed; only the fields the
user changed are written, to every item. Items of the bundled archive are shown read-only, with a note
saying why. Saving runs ``core.ingest.update_metadata`` off the GUI thread; the window then reloads and
reindexes the items (search, timeline, gallery and provenance show the new description).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from ...core.archive import Item
from ..fit import fit_to_screen
from ..i18n import fill, translate
__all__ = ["MetadataDialog", "FIELDS", "Field", "MIXED", "field_text", "parse_field"]

MIXED = "— mixed —"  # in the placeholder of a field whose items differ (translated there)


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str  # line, list (separated by ";"), tags (separated by ","), text (several lines)
    hint: str = ""


FIELDS: tuple[Field, ...] = (
    # labels and hints in English, translated where shown (MetadataDialog, _FieldEditor)
    Field("title", QT_TRANSLATE_NOOP("MetadataDialog", "Title"), "line"),
    Field("creator", QT_TRANSLATE_NOOP("MetadataDialog", "Creator"), "list",
          QT_TRANSLATE_NOOP("MetadataDialog", "Several: separate them with ;")),
    Field("publisher", QT_TRANSLATE_NOOP("MetadataDialog", "Publisher"), "list",
          QT_TRANSLATE_NOOP("MetadataDialog", "Several: separate them with ;")),
    Field("date", QT_TRANSLATE_NOOP("MetadataDialog", "Date"), "line",
          QT_TRANSLATE_NOOP("MetadataDialog", "EDTF: 2003, 2003-04-12, 2003-04~ (about), 1986? (uncertain), "
                                              "2012-02/2012-08 (a span), 198X (the 1980s)")),
    Field("language", QT_TRANSLATE_NOOP("MetadataDialog", "Language"), "list",
          QT_TRANSLATE_NOOP("MetadataDialog", "Language codes, e.g. en; fa; ar")),
    Field("description", QT_TRANSLATE_NOOP("MetadataDialog", "Description"), "text"),
    Field("subject", QT_TRANSLATE_NOOP("MetadataDialog", "Subject"), "list",
          QT_TRANSLATE_NOOP("MetadataDialog", "Several: separate them with ;")),
    Field("source", QT_TRANSLATE_NOOP("MetadataDialog", "Source"), "line",
          QT_TRANSLATE_NOOP("MetadataDialog", "Where the original comes from (a URL, a box, a collection)")),
    Field("rights", QT_TRANSLATE_NOOP("MetadataDialog", "Rights"), "line"),
    Field("type", QT_TRANSLATE_NOOP("MetadataDialog", "Type"), "line",
          QT_TRANSLATE_NOOP("MetadataDialog", "DCMI type, e.g. Text, StillImage")),
    Field("tags", QT_TRANSLATE_NOOP("MetadataDialog", "Tags"), "tags",
          QT_TRANSLATE_NOOP("MetadataDialog", "Separate tags with commas")),
)
_BY_KEY = {f.key: f for f in FIELDS}


def _value(item: Item, key: str) -> Any:
    if key == "tags":
        return tuple(item.tags)
    return getattr(item.metadata, key)


def field_text(key: str, value: Any) -> str:
    """A field's value as the form shows it."""
    if value is None:
        return ""
    if isinstance(value, (tuple, list)):
        return (", " if _BY_KEY[key].kind == "tags" else "; ").join(str(v) for v in value)
    return str(value)


def parse_field(key: str, text: str) -> Any:
    """What the form's text means: a list for repeatable fields, a string otherwise ("" removes it)."""
    kind = _BY_KEY[key].kind
    if kind in ("list", "tags"):
        separators = [",", ";"] if kind == "tags" else [";"]
        parts = [text]
        for sep in separators:
            parts = [piece for part in parts for piece in part.split(sep)]
        seen: dict[str, None] = {}
        for part in parts:
            part = " ".join(part.split())
            if part:
                seen.setdefault(part, None)
        return list(seen)
    if kind == "text":
        return text.strip()
    return " ".join(text.split())


def _validate(key: str, value: Any) -> str | None:
    from ...core.ingest import validate_field
    try:
        return validate_field(key, value)
    except Exception as error:  # noqa: BLE001 - a checker that fails must not lose what the user typed
        return str(error)


class _FieldEditor(QWidget):
    """One field: its editor and, under it, the red message of what is wrong with it."""

    edited = Signal()

    def __init__(self, spec: Field, initial: str, mixed: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.initial, self.mixed = spec, initial, bool(mixed)
        if spec.kind == "text":
            self.editor: QLineEdit | QPlainTextEdit = QPlainTextEdit(self)
            self.editor.setTabChangesFocus(True)
            self.editor.setFixedHeight(84)
            self.editor.setPlainText(initial)
            self.editor.textChanged.connect(self.edited)
        else:
            self.editor = QLineEdit(self)
            self.editor.setText(initial)
            self.editor.textChanged.connect(lambda _t: self.edited.emit())
        self.editor.setObjectName(f"field-{spec.key}")
        self.editor.setAccessibleName(translate("MetadataDialog", spec.label))
        if mixed:
            self.editor.setPlaceholderText(fill(translate("_FieldEditor",
                                                          "%1  (type to give all the items one value)"),
                                                    translate("MetadataDialog", "— mixed —")))
            shown = "\n".join(f"• {v or '(empty)'}" for v in list(mixed)[:6]) + ("\n…" if len(mixed) > 6 else "")
            self.editor.setToolTip(fill(translate("_FieldEditor",
                                                  "The items differ here:\n%1\n\nLeft empty, each keeps its own "
                                                  "value."), shown))
        elif spec.hint:
            self.editor.setToolTip(translate("MetadataDialog", spec.hint))
            if spec.kind != "text":
                self.editor.setPlaceholderText(translate("MetadataDialog", spec.hint))
        if spec.key == "type":  # the DCMI Type Vocabulary, offered as it is typed
            from ...core.ingest import DCMI_TYPES
            completer = QCompleter(list(DCMI_TYPES), self.editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.editor.setCompleter(completer)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.error = QLabel(self)
        self.error.setObjectName(f"error-{spec.key}")
        self.error.setStyleSheet("color: #c92a2a;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.editor)
        layout.addWidget(self.error)

    def text(self) -> str:
        return self.editor.toPlainText() if isinstance(self.editor, QPlainTextEdit) else self.editor.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(text)
        else:
            self.editor.setText(text)

    @property
    def changed(self) -> bool:
        """The user changed the value (a "mixed" field: typed something into it)."""
        text = self.text()
        if self.mixed:
            return bool(text.strip())
        return parse_field(self.spec.key, text) != parse_field(self.spec.key, self.initial)

    def value(self) -> Any:
        return parse_field(self.spec.key, self.text())

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def set_read_only(self, read_only: bool) -> None:
        self.editor.setReadOnly(read_only)


class MetadataDialog(QDialog):
    """Edit the Dublin Core description of ``items`` (one or a batch)."""

    saved = Signal(object)  # the ids written

    def __init__(self, controller: Any, items: Sequence[Item], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        archive = controller.window.archive
        self.items = list(items)
        self.editable = [i for i in self.items if archive.layer_of(i) is not None]
        self.bundled = [i for i in self.items if archive.layer_of(i) is None]
        self.read_only = not self.editable
        self.saving = False
        self.setObjectName("metadataForm")
        self.setModal(False)
        fit_to_screen(self, (620, 700))  # a 1280×720 screen holds it (issue 16)
        source = self.editable or self.items
        one = len(self.items) == 1
        self.setWindowTitle(fill(translate("MetadataDialog", "Describe “%1”"),
                                 self.items[0].title) if one else fill(translate("MetadataDialog",
                                                                                 "Describe %1 items"), len(self.items)))

        self.heading = QLabel(self)
        self.heading.setObjectName("metadataHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setText(self._heading_html(one))
        self.note = QLabel(self)
        self.note.setObjectName("readOnlyNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("background: #fff3bf; color: #5c3c00; border: 1px solid #e8c547; "
                                "border-radius: 4px; padding: 6px;")
        note = self._note_text()
        self.note.setText(note)
        self.note.setVisible(bool(note))

        self.fields: dict[str, _FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        form_host = QWidget(self)
        host_layout = QVBoxLayout(form_host)
        host_layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        host_layout.addLayout(form)
        host_layout.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for spec in FIELDS:
            texts = [field_text(spec.key, _value(item, spec.key)) for item in source]
            distinct = list(dict.fromkeys(texts))
            mixed = distinct if len(distinct) > 1 else []
            editor = _FieldEditor(spec, "" if mixed else (distinct[0] if distinct else ""), mixed, form_host)
            editor.set_read_only(self.read_only)
            editor.edited.connect(lambda key=spec.key: self._edited(key))
            label = QLabel(fill(translate("MetadataDialog", "%1:"), translate("MetadataDialog", spec.label)), form_host)
            label.setBuddy(editor.editor)
            self.fields[spec.key] = editor
            self.labels[spec.key] = label
            form.addRow(label, editor)
        scroll = QScrollArea(self)
        scroll.setWidget(form_host)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.status = QLabel(self)
        self.status.setObjectName("metadataStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(self)
        if self.read_only:
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            self.save_button = None
        else:
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Save
                                            | QDialogButtonBox.StandardButton.Cancel)
            self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            self.save_button.setToolTip(translate("MetadataDialog",
                                                  "Write the changed fields (the files themselves are never changed)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update_save()

    # --- texts ---------------------------------------------------------------------------------------
    def _heading_html(self, one: bool) -> str:
        import html
        if one:
            item = self.items[0]
            file = f" · {html.escape(item.file.name)}" if item.file is not None else ""
            return f"<b>{html.escape(item.title)}</b><br><small>{html.escape(item.id)}{file}</small>"
        titles = ", ".join(f"“{html.escape(i.title)}”" for i in self.items[:3])
        more = fill(translate("MetadataDialog", " and %1 more"), len(self.items) - 3) if len(self.items) > 3 else ""
        return fill(translate("MetadataDialog", "<b>%1 items</b>: %2%3.<br>Only the fields you change are written, "
                                                "to each of them. A field showing “%4” differs between the items; "
                                                "left empty, each keeps its own value."),
                    len(self.items), titles, more, translate("MetadataDialog", "— mixed —"))

    def _note_text(self) -> str:
        n = len(self.bundled)
        if not n:
            return ""
        if self.read_only:
            one = translate("MetadataDialog", "This item belongs to the archive as it was published, which is "
                                              "read-only: its files and descriptions are kept exactly as they came, "
                                              "so that citations and checksums stay valid. Items you import can be "
                                              "described here.")
            many = translate("MetadataDialog", "These items belong to the archive as it was published, which is "
                                               "read-only: their files and descriptions are kept exactly as they came, "
                                               "so that citations and checksums stay valid. Items you import can be "
                                               "described here.")
            return "🔒 " + (one if len(self.items) == 1 else many)
        return "🔒 " + fill(translate("MetadataDialog", "%1 of the %2 selected items belong to the archive as it was "
                                                        "published, which is read-only: they stay as they are. The "
                                                        "changes apply to the other %3."),
                           n, len(self.items), len(self.editable))

    # --- editing -------------------------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        editor = self.fields[key]
        error = _validate(key, editor.value()) if editor.changed else None  # as it was: not the user's doing
        editor.set_error(error)
        font = QFont(self.labels[key].font())
        font.setBold(editor.changed)
        self.labels[key].setFont(font)
        self.status.hide()
        self._update_save()

    def errors(self) -> dict[str, str]:
        """The fields whose value is refused, with the message shown under each."""
        return {key: f.error.text() for key, f in self.fields.items() if f.error.isVisible() and f.error.text()}

    def changes(self) -> dict[str, Any]:
        """What Save writes: only the fields the user changed."""
        return {key: f.value() for key, f in self.fields.items() if f.changed}

    def _update_save(self) -> None:
        if self.save_button is None:
            return
        errors, changes = self.errors(), self.changes()
        self.save_button.setEnabled(bool(changes) and not errors and not self.saving)
        if errors:
            self.save_button.setToolTip(translate("MetadataDialog", "Correct the fields marked in red first"))
        elif not changes:
            self.save_button.setToolTip(translate("MetadataDialog", "Nothing changed yet"))
        else:
            fields = ", ".join(translate("MetadataDialog", _BY_KEY[k].label) if k in _BY_KEY else k for k in changes)
            write = translate("MetadataDialog", "Write %1 to %2 item") if len(self.editable) == 1 else \
                translate("MetadataDialog", "Write %1 to %2 items")
            self.save_button.setToolTip(fill(write, fields, len(self.editable)))

    def set_field(self, key: str, text: str) -> None:
        """Type ``text`` into a field (tests and scripts; the same path as the keyboard)."""
        self.fields[key].set_text(text)

    # --- saving --------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.read_only or self.saving:
            return False
        for key, editor in self.fields.items():  # check once more: a field may not have been typed in
            if editor.changed:
                editor.set_error(_validate(key, editor.value()))
        changes = self.changes()
        if self.errors() or not changes:
            self._update_save()
            return False
        self.saving = True
        self._update_save()
        self.status.setStyleSheet("")
        self.status.setText(translate("MetadataDialog", "Saving…"))
        self.status.show()
        ids = [item.id for item in self.editable]
        self.controller.save_metadata(ids, changes, self._saved, self._failed)
        return True

    def _saved(self, ids: list[str]) -> None:
        self.saving = False
        n = len(ids)
        self.controller.window.show_message(fill(translate("MetadataDialog",
                                                           "The description of %1 item was saved.") if n == 1
                                                 else translate("MetadataDialog",
                                                                "The descriptions of %1 items were saved."), n), 8000)
        self.saved.emit(ids)
        self.close()

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        message = str(error) if isinstance(error, (ValueError, OSError)) else f"{type(error).__name__}: {error}"
        self.status.setStyleSheet("color: #c92a2a;")
        self.status.setText(fill(translate("MetadataDialog", "Not saved: %1"), message))
        self.status.show()
        self._update_save()
