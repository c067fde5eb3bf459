"""REST API over a store: ``create_app(store_url)`` gives the FastAPI application.

Comes after ``communique.run`` (and clustering) have filled a store; serves
the export records of ``shared/eval/README.md`` with filters and cursor
pages, details of events, actors and articles, and the web explorer
(``communique.web``) at ``/``. ``communique serve`` runs it under uvicorn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from communique.rest.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so that the command line can use ``rest.isodates``
    # without importing FastAPI.
    if name == "create_app":
        from communique.rest.app import create_app

        return create_app
    raise AttributeError(name)
