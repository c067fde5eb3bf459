"""Who the REST API answers, and who may write: the checks ``communique.rest.app`` applies.

Comes before every endpoint of ``communique.rest.app`` (and the web explorer
that ``communique.web`` mounts on the same application). Three layers, for a
tool that runs on a journalist's laptop and must not be driven by the web
pages that laptop's browser opens:

1. ``refusal`` (a middleware, every request): the client address must be on
   this machine unless ``allow_remote``, and the ``Host`` header must name this
   server (loopback names, plus ``allowed_hosts``; any name once
   ``allow_remote`` is set without a list). A page on ``evil.example`` that
   re-points its own name at 127.0.0.1 (DNS rebinding) still sends
   ``Host: evil.example`` and is refused. A NUL byte in the path or query
   is refused too (400).
2. ``write_guard`` (the dependency of the one write router, every write):
   no cross-site request (``Origin`` of another site, ``Sec-Fetch-Site``
   other than ``same-origin``/``none``) and no form content type (an HTML
   form on any site can post those without a CORS preflight).
3. the bearer token: with no token configured every write is refused (the
   server is read-only); a wrong or missing token is refused.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

# Host names that can only mean this machine.
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
# Content types a cross-site HTML form (or a fetch without preflight) can send.
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
# Sec-Fetch-Site values of requests this server's own pages or a non-browser client make.
SAME_SITE_FETCHES = frozenset({"same-origin", "none"})


def is_loopback_address(host: str) -> bool:
    """Whether a client address is on this machine (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name part of a ``Host`` header or an origin's netloc: no port, no brackets, lower case."""
    header = header.strip().lower()
    if header.startswith("["):  # [::1]:8000
        return header[1 : header.find("]")] if "]" in header else header[1:]
    if header.count(":") == 1:
        return header.rsplit(":", 1)[0]
    return header  # a bare name, or a bare IPv6 address


def host_allowed(header: str, allowed: Sequence[str], allow_remote: bool) -> bool:
    """Whether the ``Host`` header names this server (see the module docstring)."""
    name = host_name(header)
    if not name:
        return False
    if name in LOOPBACK_NAMES or name.endswith(".localhost") or is_loopback_address(name):
        return True
    if name in {host_name(a) for a in allowed}:
        return True
    return allow_remote and not allowed


def refusal(
    request: Request, *, allowed_hosts: Sequence[str], allow_remote: bool
) -> tuple[int, str] | None:
    """Status and reason for refusing a request before any endpoint runs, or None."""
    client = request.client.host if request.client else ""
    if not allow_remote and not is_loopback_address(client):
        return 403, "this server answers local clients only (see the allow_remote setting)"
    host = request.headers.get("host", "")
    if not host_allowed(host, allowed_hosts, allow_remote):
        return 400, (
            f"Host {host!r} is not a name of this server "
            "(see the allowed_hosts and allow_remote settings)"
        )
    where = nul_input(request)
    if where is not None:
        return 400, f"NUL bytes are not accepted ({where})"
    return None


def nul_input(request: Request) -> str | None:
    """Which part of the URL carries a NUL byte, or None.

    No text the API stores or searches contains one, and PostgreSQL refuses
    them in any string parameter (issue 15: 102 NUL probes gave 500s), so a
    NUL anywhere in the path or the query is refused before any endpoint.
    """
    if "\x00" in request.url.path or "\x00" in str(request.scope.get("path", "")):
        return "in the path"
    for name, value in request.query_params.multi_items():
        if "\x00" in name or "\x00" in value:
            return f"in the query parameter {name.replace(chr(0), '')!r}"
    return None


def _cross_site(request: Request) -> str | None:
    """Why a request comes from another site's page, or None."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site.lower() not in SAME_SITE_FETCHES:
        return f"Sec-Fetch-Site {fetch_site!r}"
    origin = request.headers.get("origin")
    if origin is not None:
        parts = urlsplit(origin)
        if origin == "null" or parts.netloc.lower() != request.headers.get("host", "").lower():
            return f"Origin {origin!r}"
    return None


def write_guard(token: str | None) -> Callable[[Request], None]:
    """The dependency every write route has (through the write router)."""

    def guard(request: Request) -> None:
        reason = _cross_site(request)
        if reason is not None:
            raise HTTPException(403, f"cross-site writes are refused ({reason})")
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type in FORM_TYPES:
            raise HTTPException(
                415, f"writes take application/json, not {content_type!r} (form posts are refused)"
            )
        if token is None:
            raise HTTPException(
                403, "this server is read-only: writes need a configured token (setting `token`)"
            )
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            value.encode("utf-8", "surrogateescape"), token.encode()
        ):
            raise HTTPException(
                401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
            )

    return guard
