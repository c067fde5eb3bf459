"""Error pages of the web explorer: a refused filter or a missing record as HTML, not JSON.

The REST API answers errors in FastAPI's JSON shape (``{"detail": ...}``);
a person who typed ``last week`` into the explorer's date field should see
the form again with the message beside that field, with the same status
(422, 404). ``install`` wraps FastAPI's two handlers: requests to the
explorer's own routes (``communique.web.pages`` and ``views``), and requests for a page
that exists nowhere from a browser (``Accept: text/html``), get the page;
everything else gets the JSON answer, unchanged.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

# The modules whose routes are the explorer's pages.
PAGES_MODULES = ("communique.web.pages", "communique.web.views")
TITLES = {404: "Not found", 422: "Filter not understood", 400: "Bad request"}


def wants_page(request: Request) -> bool:
    """Is this a request of the explorer (or a browser's for a page that does not exist)?"""
    route = request.scope.get("route")
    if isinstance(route, APIRoute):
        return route.endpoint.__module__ in PAGES_MODULES
    return route is None and "text/html" in request.headers.get("accept", "")


def messages(exc: RequestValidationError) -> dict[str, str]:
    """Parameter → what was wrong with it (the first problem of each)."""
    found: dict[str, str] = {}
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ())]
        name = location[-1] if len(location) > 1 else "request"
        text = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
        found.setdefault(name, text)
    return found


def install(app: FastAPI, templates: Jinja2Templates) -> None:
    def page(request: Request, status: int, **context: Any) -> Response:
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "title": TITLES.get(status, "Error"), **context},
            status_code=status,
        )

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if not wants_page(request):
            return await request_validation_exception_handler(request, exc)
        return page(request, 422, errors=messages(exc), path=request.url.path)

    async def failed(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if not wants_page(request) or exc.status_code < 400:
            return await http_exception_handler(request, exc)
        return page(request, exc.status_code, errors={"": str(exc.detail)}, path=request.url.path)

    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, failed)
