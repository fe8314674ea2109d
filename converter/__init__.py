"""xbrlconv: financial statements in SEC EDGAR documents → validated XBRL."""

__version__ = "0.1.0"
