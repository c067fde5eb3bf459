"""Every filter value is checked: refused with 422 (REST), an HTML page with the form (web)
or exit 2 (command line), each naming the parameter and the accepted forms.

Before, ``date_from=2023-13-45`` was compared as text, ``last week`` gave an
empty page, ``actr=`` and ``type=MEET`` were ignored or matched nothing, and
``communique stats --db typo.db`` created ``typo.db``.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from communique.cli import app as cli

BAD_DATES = ["2023-13-45", "last week", "2024-02-30", "2024-3", "14/03/2024", "2024-03-14T10"]
GOOD_DATES = ["2024", "2024-03", "2024-03-14", ""]  # "" = an empty form field, no filter
DATE_PARAMS = {
    "/events": ["date_from", "date_to", "published_from", "published_to"],
    "/stats": ["date_from", "date_to", "published_from", "published_to"],
    "/quotes": ["published_from", "published_to"],
    "/articles": ["published_from", "published_to"],
}


def flat(printed: str) -> str:
    """Terminal output with Rich's line wrapping and panel borders undone."""
    return " ".join(printed.replace("│", " ").split())


def refused(response: httpx.Response, parameter: str) -> str:
    """The message of a 422 whose error names ``parameter``."""
    assert response.status_code == 422, response.text
    errors = response.json()["detail"]
    assert [e["loc"] for e in errors] == [["query", parameter]], errors
    return str(errors[0]["msg"])


@pytest.mark.parametrize("path", sorted(DATE_PARAMS))
def test_dates_are_calendar_days_months_or_years(client: httpx.Client, path: str) -> None:
    for parameter in DATE_PARAMS[path]:
        for value in BAD_DATES:
            message = refused(client.get(path, params={parameter: value}), parameter)
            assert "YYYY-MM-DD, YYYY-MM or YYYY" in message and repr(value) in message
        for value in GOOD_DATES:
            assert client.get(path, params={parameter: value}).status_code == 200, (
                parameter,
                value,
            )


def test_a_month_or_year_bound_includes_its_days(client: httpx.Client) -> None:
    def dates(**params: str) -> list[str]:
        items = client.get("/events", params={**params, "limit": 100}).json()["items"]
        return [e["date"] for e in items if e["date"]]

    assert dates(date_from="2024-03", date_to="2024-03") == ["2024-03-13"]
    assert dates(date_from="2024", date_to="2024") == ["2024-03-13"]
    assert dates(date_to="2023") == [] and dates(date_from="2024-04") == []


@pytest.mark.parametrize(
    "path", ["/events", "/stats", "/quotes", "/articles", "/actors", "/clusters", "/events/x%23e1"]
)
def test_unknown_parameters_are_refused_with_the_accepted_ones(
    client: httpx.Client, path: str
) -> None:
    message = refused(client.get(path, params={"actr": "x"}), "actr")
    assert "unknown parameter 'actr'" in message
    if path in ("/events", "/stats"):
        assert "actor, actor_name" in message  # what was meant is listed


def test_unknown_values_are_refused_with_the_allowed_ones(client: httpx.Client) -> None:
    message = refused(client.get("/events", params={"type": "MEET"}), "type")
    assert "MEET" in message and "CONSULT" in message and "ASSAULT" in message
    message = refused(client.get("/stats", params={"type": "consult,meet"}), "type")
    assert "MEET" in message and "CONSULT," not in message.split(";")[0]
    assert "background" in refused(client.get("/events", params={"salience": "side"}), "salience")
    assert "1 to 4 digits" in refused(client.get("/events", params={"cameo": "abc"}), "cameo")
    assert "analysed" in refused(client.get("/articles", params={"status": "done"}), "status")
    assert "person" in refused(client.get("/actors", params={"type": "human"}), "type")
    assert "kb" in refused(client.get("/actors", params={"origin": "wiki"}), "origin")
    assert "direct" in refused(client.get("/quotes", params={"kind": "loud"}), "kind")
    assert "reports" in str(client.get("/events", params={"reports": "some"}).json())
    # Valid values in any case, repeated or comma-separated, still work.
    assert client.get("/events", params={"type": ["consult", "Accuse,aid"]}).status_code == 200


def test_the_explorer_answers_errors_with_pages(client: httpx.Client) -> None:
    page = client.get("/", params={"date_from": "last week", "actor_name": "Ruto"})
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    html = page.text
    # The form again, as typed, with the refused field marked and explained beside it.
    assert 'value="last week" aria-invalid="true" aria-describedby="e-date_from"' in html
    assert 'id="e-date_from">&#39;last week&#39; is not an ISO date' in html
    assert 'name="actor_name" id="f-actor_name" value="Ruto">' in html
    assert "Content-Security-Policy" in page.headers
    unknown = client.get("/", params={"actr": "x"})
    assert unknown.status_code == 422 and "unknown parameter" in unknown.text
    for path, status in [("/event/nope", 404), ("/actor/nobody", 404), ("/article/a0", 404)]:
        answer = client.get(path)
        assert answer.status_code == status and "<h1>Not found" in answer.text
    wrong = client.get("/browse/quotes", params={"published_to": "soon"})
    assert wrong.status_code == 422 and "<code>published_to</code>" in wrong.text
    assert 'value="soon" aria-invalid="true" aria-describedby="e-published_to"' in wrong.text
    assert client.get("/nowhere", headers={"accept": "text/html"}).text.startswith("<!doctype")
    # The API keeps its JSON errors, whatever the client accepts.
    api = client.get("/events/nope", headers={"accept": "text/html"})
    assert api.status_code == 404 and api.json() == {"detail": "no event 'nope'"}


@pytest.mark.parametrize(
    "command",
    [["stats"], ["show", "a0"], ["export", "events"], ["serve"], ["quotes", "search", "peace"]],
)
def test_commands_that_read_refuse_a_missing_store(tmp_path: Path, command: list[str]) -> None:
    for db in (tmp_path / "typo.db", f"sqlite:///{tmp_path / 'typo.db'}"):
        result = CliRunner().invoke(cli, [*command, "--db", str(db)])
        assert result.exit_code == 2, result.output
        assert "--db" in result.output and "no such store" in flat(result.output)
        assert not (tmp_path / "typo.db").exists()


def test_quote_search_dates_are_checked(db: str, docs: object) -> None:
    runner = CliRunner()
    for option, value in [("--since", "yesterday"), ("--until", "2023-13-45")]:
        result = runner.invoke(cli, ["quotes", "search", "border", option, value, "--db", db])
        assert result.exit_code == 2
        assert f"Invalid value for '{option}'" in flat(result.output)
        assert f"{value!r} is not an ISO date" in flat(result.output)
    found = runner.invoke(cli, ["quotes", "search", "border", "--since", "2024", "--db", db])
    assert found.exit_code == 0 and "no quote matches" not in found.output
