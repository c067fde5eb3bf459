"""Keyset ("cursor") pages for the REST API's listings (``communique.rest.queries``).

A listing's order is one nullable key column, then non-null tie-breaker
columns (``(article_id, id)``), which makes a total, stable order; the cursor
is that tuple of the last row served, base64-encoded with the sort name so
that a cursor of one order is refused by another. NULL keys (undated events)
sort where the database puts them naturally (lowest on SQLite, highest on
PostgreSQL) so that the composite indexes of migration 0002 serve the order
directly instead of a sort of every matching row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, literal, or_, tuple_
from sqlalchemy.engine import Connection

from communique.store.records import BadCursor, Row, decode_cursor, encode_cursor

__all__ = ["BadCursor", "Keyset", "Row", "check_cursor_values", "nulls_low", "page"]


# ---------------------------------------------------------------------------
# cursors and keyset pages (the codec is the store's: ``communique.store.records``)


def check_cursor_values(keyset: Keyset, values: list[Any]) -> list[Any]:
    """The decoded values, if each has the type of its column; else ``BadCursor``.

    Strict typing of the cursor (issue 15: 46 of 210 crafted cursors gave
    500s, e.g. a number compared with a text column on PostgreSQL, or a NUL
    byte): the key may be None (undated rows), tie-breakers never; a text
    column takes a string without NUL bytes, an integer column a 64-bit int.
    """
    for index, (column, value) in enumerate(zip([keyset.key, *keyset.ties], values, strict=True)):
        if value is None and index == 0:
            continue
        expected = column.type.python_type
        if expected is str and isinstance(value, str) and "\x00" not in value:
            continue
        if expected is int and type(value) is int and -(2**63) <= value < 2**63:
            continue
        raise BadCursor(f"malformed cursor (value {index + 1} is not a {expected.__name__})")
    return values


@dataclass
class Keyset:
    """A total order: one nullable key column, then non-null tie-breaker columns."""

    key: Any
    ties: list[Any]
    desc: bool
    nulls_low: bool  # does the dialect sort NULL below every value?

    def order(self) -> list[Any]:
        columns = [self.key, *self.ties]
        return [c.desc() if self.desc else c.asc() for c in columns]

    def after(self, values: list[Any]) -> ColumnElement[bool]:
        """Rows strictly after the row whose key and tie-breakers are ``values``."""
        key, ties = values[0], values[1:]
        tie_cols = tuple_(*self.ties)
        tie_vals = tuple_(*[literal(v) for v in ties])
        tie_after = tie_cols < tie_vals if self.desc else tie_cols > tie_vals
        nulls_first = self.nulls_low != self.desc  # NULLs come first in this scan
        if key is None:
            null_rest = and_(self.key.is_(None), tie_after)
            return or_(null_rest, self.key.is_not(None)) if nulls_first else null_rest
        beyond = self.key < key if self.desc else self.key > key
        found = or_(beyond, and_(self.key == key, tie_after))
        return found if nulls_first else or_(found, self.key.is_(None))


def page(
    connection: Connection,
    query: Select[Any],
    keyset: Keyset,
    sort: str,
    cursor: str | None,
    limit: int,
    values_of: Callable[[Row], list[Any]],
) -> tuple[list[Row], str | None]:
    """Run one page of ``query`` in the keyset order; return rows and the next cursor."""
    width = 1 + len(keyset.ties)
    if cursor:
        values = check_cursor_values(keyset, decode_cursor(cursor, sort, width))
        query = query.where(keyset.after(values))
    query = query.order_by(*keyset.order()).limit(limit + 1)
    found = [dict(r) for r in connection.execute(query).mappings()]
    more = len(found) > limit
    found = found[:limit]
    following = encode_cursor(sort, values_of(found[-1])) if more and found else None
    return found, following


def nulls_low(connection: Connection) -> bool:
    return connection.dialect.name != "postgresql"
