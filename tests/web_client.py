"""The workbench in-process (Starlette's TestClient) over a database, for page and API tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.testclient import TestClient

from rashomon.web.app import create_app
from rashomon.web.security import CSRF_COOKIE


@contextmanager
def workbench(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, hosts={"testserver"}), base_url="http://testserver") as client:
        yield client


def csrf_token(client: TestClient, page: str = "/") -> str:
    """The token a page's forms carry (the page sets the matching cookie)."""
    html = client.get(page).text
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    token = found.group(1) if found else client.cookies.get(CSRF_COOKIE)
    assert token, f"{page} gave no CSRF token"
    return token
