"""Ashraf Archive: an offline desktop browser for the documented history of Camp Ashraf."""

__version__ = "0.1.0"
APP_NAME = "Ashraf Archive"
APP_ID = "ashraf-archive"
