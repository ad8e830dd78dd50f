"""Integrity: fixity checks of held files, BagIt bags in and out, Dublin Core metadata exports.

The modules behind this package are imported on demand (bagit and the exports are not needed at start-up).
"""
