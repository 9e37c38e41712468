"""The API's contract: schemathesis against the OpenAPI schema of the app, in process (ASGI, no
network), every endpoint and method: no 5xx, every response as its schema says; unknown values
of the closed vocabularies are refused with 422 and the valid values.

Bounded and deterministic in CI: ``KRONIKA_CONTRACT_EXAMPLES`` examples per operation (default 40)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis import checks  # noqa: E402

from kronika.chronicle import Chronicle  # noqa: E402
from kronika.web.app import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt"
CAPTURE_2 = ROOT / "tests" / "corpus" / "constructed" / "capture-second-report.txt"
TOKEN = "contract-test-token"
N = int(os.environ.get("KRONIKA_CONTRACT_EXAMPLES", "40"))
# No 5xx; status codes, content types and bodies as the schema says. (Not "every schema-valid
# request is accepted": a valid string can still be an impossible date, refused with a 422.)
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture(scope="module")
def contract_db(tmp_path_factory, pipeline) -> Path:
    db = tmp_path_factory.mktemp("contract") / "kronika.db"
    ch = Chronicle(db)
    ch.ingest([str(EXAMPLE), str(CAPTURE_2)], pipeline=pipeline)
    ch.store.close()
    return db


@pytest.fixture(scope="module")
def api_schema(contract_db, pipeline, tmp_path_factory):
    db = tmp_path_factory.mktemp("contract-w") / "kronika.db"
    shutil.copy(contract_db, db)  # /api/ingest writes here
    app = create_app(db, token=TOKEN, pipeline=pipeline)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations(api_schema) -> list:
    return [result.ok() for result in api_schema.get_all_operations()]


def test_api_contract(api_schema):
    """Every operation of the schema, with generated valid and invalid requests."""
    from hypothesis import given

    ops = _operations(api_schema)
    assert {"/api/events", "/api/claims", "/api/chronicle", "/api/series", "/api/analyze"} <= {op.path for op in ops}
    for op in ops:

        @given(case=op.as_strategy())
        @settings(
            max_examples=N, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)

        check()
