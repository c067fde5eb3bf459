"""Dates given as filters: an ISO day, month or year, checked as a calendar date.

Shared by the REST and web filters (``communique.rest.params``) and the
command line (``communique quotes search --since``), so that every surface
accepts the same forms and refuses the rest with the same message. Stored
dates are ISO strings of day, month or year precision, so a valid prefix is
compared as text (``date_to=2024-03`` includes every day of March).
"""

from __future__ import annotations

import re
from datetime import date

FORMS = "an ISO date: YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2024-03-14, 2024-03, 2024)"
_SHAPE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def iso_prefix(value: str) -> str:
    """``value`` if it is an ISO day, month or year that exists; else ``ValueError``."""
    text = value.strip()
    if _SHAPE.fullmatch(text):
        parts = [int(p) for p in text.split("-")]
        try:
            date(*parts, *[1] * (3 - len(parts)))  # a month or year: its first day
            return text
        except ValueError:
            pass  # 2023-13-45 has the shape of a date but is none
    raise ValueError(f"{value!r} is not {FORMS}")
