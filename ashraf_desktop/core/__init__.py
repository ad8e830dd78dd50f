"""The Qt-free core: archive model and loading, dates, text extraction, search, annotations.

Nothing under this package imports Qt (tests/core/test_layers.py keeps it so): everything the GUI does to
data can be done, and tested, without a screen.
"""
