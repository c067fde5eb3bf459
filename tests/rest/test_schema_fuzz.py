"""Schema-driven tests: schemathesis generates requests from the OpenAPI schema; none may be a 5xx.

Each operation of the published schema gets at most 30 generated examples
(a bounded, fast run), sent over HTTP to a real uvicorn server; write
operations are sent without a token, so they answer 401 and change nothing.
Responses must also match the response schemas the API publishes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from tests.rest.live import fill, live_server

from communique.rest import create_app

# The schema does not depend on the store's content: read it from an empty in-memory one.
SCHEMA = schemathesis.openapi.from_dict(create_app(":memory:").openapi())
OPERATIONS = {op.ok().label: op.ok() for op in SCHEMA.get_all_operations()}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(Path(tmp_path_factory.mktemp("fuzz")) / "c.db")
    fill(db)
    with live_server(create_app(db, token="fuzz-token")) as url:
        yield url


def test_every_endpoint_is_fuzzed() -> None:
    assert len(OPERATIONS) >= 12


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_server_errors(base_url: str, label: str) -> None:
    operation = OPERATIONS[label]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=30,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        case.call_and_validate(
            base_url=base_url, checks=[not_a_server_error, response_schema_conformance]
        )

    check()
