"""communique: political news reports in, verifiable event data out."""

__version__ = "0.1.0"
