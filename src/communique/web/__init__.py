"""The web explorer: pages served by the REST application at ``/``.

Comes last, beside ``communique.rest``: ``communique.rest.create_app`` calls
``mount`` to add the server-rendered pages (``communique.web.pages``; the map,
dyad and story comparison in ``communique.web.views``), the downloads of the
current selection, and the static files (``static/``, with vendored uPlot,
cytoscape, d3-geo with Natural Earth shapes, Swagger UI and ReDoc; no build
step, no CDN).
"""

from __future__ import annotations

from communique.web.pages import mount

__all__ = ["mount"]
