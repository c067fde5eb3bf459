"""The API documentation and the explorer's error pages in chromium.

``/docs`` (Swagger UI) and ``/redoc`` must render from the vendored files
under the application's own Content-Security-Policy with every request to
another host refused; a refused filter shows the form again with the error
beside the field.
"""

from __future__ import annotations

from typing import Any

from tests.web.conftest import shot

from communique.model import Document


def local_only(page: Any, url: str) -> list[str]:
    """Abort every request that leaves the test server; the list of those attempted."""
    elsewhere: list[str] = []

    def route(request_route: Any) -> None:
        target = request_route.request.url
        if target.startswith(url) or target.startswith("data:"):
            request_route.continue_()
        else:
            elsewhere.append(target)
            request_route.abort()

    page.route("**/*", route)
    return elsewhere


def test_swagger_ui_renders_every_operation_offline(
    page: Any, site: tuple[str, list[Document], str]
) -> None:
    url, _, _ = site
    elsewhere = local_only(page, url)
    response = page.goto(url + "/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    operations = page.locator(".opblock-summary-path")
    operations.first.wait_for(timeout=20_000)
    paths = set(operations.all_inner_texts())
    assert {"/events", "/events/{event_id}", "/stats", "/quotes", "/articles"} <= {
        p.replace("\u200b", "") for p in paths
    }
    # An operation opens with its parameters, the date filters described as dates.
    page.locator(".opblock-summary-path[data-path='/events']").first.click()
    # the operation's body is rendered after the click: wait for it, then count
    date_from = page.locator(".parameters-col_name:has-text('date_from')")
    date_from.first.wait_for(timeout=20_000)
    assert date_from.count() == 1
    assert "YYYY-MM-DD" in page.locator(".opblock-body").first.inner_text()
    shot(page, "docs-swagger")
    assert elsewhere == []


def test_redoc_renders_offline(page: Any, site: tuple[str, list[Document], str]) -> None:
    url, _, _ = site
    elsewhere = local_only(page, url)
    # ReDoc's "API docs by Redocly" footer always links its logo from a CDN: the CSP
    # refuses it (ReDoc then hides it); nothing else may be blocked or fetched.
    page.tolerated.append("https://cdn.redoc.ly/redoc/logo-mini.svg")
    page.goto(url + "/redoc")
    page.locator("h1:has-text('communique')").first.wait_for(timeout=30_000)
    assert page.locator("text=/events").count() >= 1
    shot(page, "docs-redoc")
    assert elsewhere == []


def test_a_refused_filter_is_shown_beside_its_field(
    page: Any, site: tuple[str, list[Document], str]
) -> None:
    url, _, _ = site
    page.goto(url + "/")
    page.fill("input[name=date_from]", "last week")
    page.fill("input[name=actor_name]", "Ruto")
    page.click("#apply")
    page.wait_for_url("**date_from=last*")
    assert page.locator("h1").inner_text().startswith("Filter not understood")
    field = page.locator("#f-date_from")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.input_value() == "last week"
    assert "YYYY-MM-DD, YYYY-MM or YYYY" in page.locator("#e-date_from").inner_text()
    assert page.locator("#f-actor_name").input_value() == "Ruto"  # the rest is kept
    shot(page, "error-filter")
    # Corrected, the same form gives the events.
    field.fill("2024-03")
    page.click("#apply")
    page.wait_for_url("**date_from=2024-03*")
    assert page.locator("tr.event-row").count() == 1
    response = page.goto(url + "/event/nothing%23here")
    assert response.status == 404
    assert page.locator("#errors").inner_text().startswith("no event")
