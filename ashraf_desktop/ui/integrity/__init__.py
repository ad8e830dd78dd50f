"""Verify archive, the fixity badge, and the BagIt / Dublin Core exports in the window."""
