"""The main window's jobs, one module each: the status bar and its message queue (``status``), the panels and
their layout (``docks``), the menus and named actions (``menus``, ``commands``), back/forward (``history``),
links between panels (``links``) and reloads of the archive (``reload``). ``ui/main_window.py`` ties them
together."""
