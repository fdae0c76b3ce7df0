"""The till's HTTP client for the server (httpx), with the retry loop.

httpx retries failed connections only; this module retries any request that may not have
reached the server or whose answer was lost (connection errors, timeouts, 5xx, 429), with
exponential backoff and full jitter, and waits as long as a Retry-After header asks. That
is safe because every push is idempotent on the server.
"""

from __future__ import annotations

import json
import logging
import random
import ssl
import time
from collections.abc import Callable

import httpx

from sync.errors import ServerRefused, ServerUnreachable

log = logging.getLogger(__name__)

PROTOCOL = 1
RETRY_STATUSES = {429, 500, 502, 503, 504}


def backoff(attempt: int, *, base: float = 0.2, cap: float = 10.0) -> float:
    """Full jitter: anywhere between zero and the exponential ceiling."""
    return random.uniform(0, min(cap, base * 2**attempt))


def retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, min(float(value), 300.0))
    except ValueError:
        return None


class SyncClient:
    def __init__(
        self,
        base_url: str,
        token: str = "",
        *,
        timeout: float = 30.0,
        attempts: int = 5,
        verify: bool | str | ssl.SSLContext = True,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.attempts = attempts
        self.sleep = sleep
        if isinstance(verify, str):  # a CA file: the owner's own certificate
            verify = ssl.create_default_context(cafile=verify)
        headers = {"Tillbook-Protocol": str(PROTOCOL)}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            verify=verify,
            transport=httpx.HTTPTransport(retries=1, verify=verify),
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the retry loop --------------------------------------------------------------------

    def request(self, method: str, path: str, **kwargs) -> httpx.Response:
        """Send until an answer that is not worth retrying arrives, or attempts run out."""
        last = ""
        for attempt in range(self.attempts):
            try:
                response = self.http.request(method, path, **kwargs)
            except httpx.TransportError as exc:
                last = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                wait = backoff(attempt)
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response
                last = f"HTTP {response.status_code}"
                wait = retry_after(response)
                if wait is None:
                    wait = backoff(attempt)
            if attempt + 1 < self.attempts:
                log.info("%s %s failed (%s); retrying in %.2f s", method, path, last, wait)
                self.sleep(wait)
        raise ServerUnreachable(f"server {self.base_url} not reachable: {last}", detail=last)

    def _json(self, response: httpx.Response, *, ok: tuple[int, ...] = (200,)) -> dict:
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code not in ok:
            raise ServerRefused(
                f"server refused: {body.get('reason') or response.reason_phrase}",
                status=response.status_code,
                error=str(body.get("error", "")),
            )
        return body

    # -- endpoints -------------------------------------------------------------------------

    def hello(self) -> dict:
        return self._json(self.request("GET", "/v1/hello"))

    def enroll(self, code: str, till_code: str) -> dict:
        return self._json(
            self.request("POST", "/v1/enroll", json={"code": code, "till_code": till_code})
        )

    def push(self, body: dict) -> tuple[int, dict]:
        return self.push_raw(json.dumps(body, ensure_ascii=False).encode())

    def push_raw(self, body: bytes) -> tuple[int, dict]:
        """Send an encoded push body; answers come back as (status, body) for the caller."""
        response = self.request(
            "POST", "/v1/push", content=body, headers={"Content-Type": "application/json"}
        )
        try:
            data = response.json()
        except ValueError:
            data = {"error": "bad_answer", "reason": response.text[:200]}
        return response.status_code, data if isinstance(data, dict) else {}

    def pull(self, cursor: str, limit: int, *, unsynced: int | None = None) -> str:
        """One page of changes as the JSON text the server sent (``sync.cycle.read_page``
        decodes it: the product rows are left for SQLite to read)."""
        params = {"cursor": cursor, "limit": limit}
        if unsynced is not None:
            params["unsynced"] = unsynced
        response = self.request("GET", "/v1/pull", params=params)
        if response.status_code != 200:
            self._json(response)  # raises with the server's reason
        return response.text

    def shop_day(self, day: str | None = None) -> dict:
        params = {"date": day} if day else {}
        return self._json(self.request("GET", "/v1/day", params=params))
