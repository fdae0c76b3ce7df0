"""The HTTP face of the server (FastAPI): every route under /v1, errors as {error, reason}."""

from __future__ import annotations

import logging
from datetime import date
from typing import Annotated

from fastapi import FastAPI, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from sqlalchemy.engine import Engine

from sync.server import db, models, service

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024 * 1024
PROTOCOL_HEADER = "Tillbook-Protocol"


class BodyLimit:
    """Refuse a request body over ``limit`` bytes with 413, declared or streamed."""

    def __init__(self, app, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await _too_large(send, self.limit)
        seen = 0

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _TooLarge:
            await _too_large(send, self.limit)


class _TooLarge(Exception):
    pass


async def _too_large(send, limit: int) -> None:
    body = (
        b'{"error":"too_large","reason":"the request body is over '
        + str(limit // (1024 * 1024)).encode()
        + b' MB; send smaller batches"}'
    )
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})


def bearer(authorization: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def create_app(engine: Engine) -> FastAPI:
    api = FastAPI(
        title="Tillbook sync server",
        version="1",
        description="Tills push their facts and pull their shop's catalog; see docs/protocol.md.",
        openapi_url="/v1/openapi.json",
        docs_url="/v1/docs",
        redoc_url=None,
    )

    @api.exception_handler(service.Refusal)
    async def refused(request: Request, exc: service.Refusal):
        return JSONResponse(exc.body(), status_code=exc.status)

    @api.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return JSONResponse(
                {"error": "bad_json", "reason": "the body is not valid JSON"}, status_code=400
            )
        parts = [service.error_text(e) for e in errors[:5]]
        return JSONResponse({"error": "invalid", "reason": "; ".join(parts)}, status_code=422)

    @api.exception_handler(db.Busy)
    async def busy(request: Request, exc: db.Busy):
        return JSONResponse(
            {"error": "busy", "reason": "the server is busy; send again"},
            status_code=503,
            headers={"Retry-After": "1"},
        )

    @api.get("/v1/hello")
    def hello() -> dict:
        """The handshake: which protocol and payload versions this server reads."""
        return {
            "server": "tillbook",
            "protocol_versions": models.PROTOCOL_VERSIONS,
            "payload_versions": {k: sorted(v) for k, v in models.PAYLOADS.items()},
            "max_batch": models.MAX_BATCH,
            "time": db.now(),
        }

    @api.post("/v1/enroll")
    def enroll(body: models.EnrollRequest) -> dict:
        return service.enroll(engine, body)

    @api.post(
        "/v1/push",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}
                },
            }
        },
    )
    async def push(request: Request, authorization: Annotated[str | None, Header()] = None):
        # Parsed and validated in one pass from the raw bytes (a batch can be megabytes).
        raw = await request.body()
        try:
            body = models.PushRequest.model_validate_json(raw)
        except ValidationError as exc:
            if any(e["type"] == "json_invalid" for e in exc.errors()):
                raise service.Refusal(400, "bad_json", "the body is not valid JSON") from exc
            raise service.Refusal(422, "invalid", service.describe(exc)) from exc
        status, result = await run_in_threadpool(service.push, engine, bearer(authorization), body)
        return JSONResponse(result, status_code=status)

    @api.get("/v1/pull")
    def pull(
        cursor: str = Query("", max_length=2000, pattern=models.NO_NUL),
        limit: int = Query(2000, ge=1, le=service.PULL_LIMIT_MAX),
        unsynced: int | None = Query(None, ge=0, le=10**9),
        authorization: str | None = Header(None),
    ):
        # Pages are large: encode them directly rather than through FastAPI's encoder.
        body = service.pull(engine, bearer(authorization), cursor, limit, unsynced)
        return Response(body, media_type="application/json")

    @api.get("/v1/day")
    def shop_day(
        day: Annotated[date | None, Query(alias="date")] = None,
        authorization: Annotated[str | None, Header()] = None,
    ) -> dict:
        """The till's own shop: each till's last contact, unsynced count and the day's totals."""
        return service.shop_day(engine, bearer(authorization), _day(day))

    @api.get("/v1/owner/report-day")
    def report_day(
        day: Annotated[date | None, Query(alias="date")] = None,
        authorization: Annotated[str | None, Header()] = None,
    ) -> list[dict]:
        return service.owner_report(engine, bearer(authorization), _day(day))

    @api.get("/v1/owner/exceptions")
    def exceptions(
        shop: str | None = Query(None, max_length=64, pattern=models.NO_NUL),
        authorization: str | None = Header(None),
    ) -> list[dict]:
        return service.exceptions(engine, bearer(authorization), shop)

    @api.post("/v1/owner/products")
    def products(body: models.OwnerProducts, authorization: str | None = Header(None)) -> dict:
        return {"rev": service.owner_products(engine, bearer(authorization), body)}

    @api.delete("/v1/owner/products/{shop}/{sku}")
    def delete_product(
        shop: Annotated[str, Path(max_length=64, pattern=models.NO_NUL)],
        sku: Annotated[str, Path(max_length=100, pattern=models.NO_NUL)],
        authorization: str | None = Header(None),
    ) -> dict:
        return {"rev": service.owner_delete_product(engine, bearer(authorization), shop, sku)}

    @api.post("/v1/owner/stock")
    def stock(body: models.OwnerStock, authorization: str | None = Header(None)) -> dict:
        return {"rev": service.owner_stock(engine, bearer(authorization), body)}

    @api.post("/v1/owner/users")
    def users(body: models.OwnerUsers, authorization: str | None = Header(None)) -> dict:
        return {"rev": service.owner_users(engine, bearer(authorization), body)}

    _document_push(api)
    api.add_middleware(BodyLimit)
    return api


def _document_push(api: FastAPI) -> None:
    """Put the push body's schema into the OpenAPI document (the route reads raw bytes)."""
    schema = models.PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    definitions = schema.pop("$defs", {})
    build = api.openapi

    def openapi() -> dict:
        document = build()
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        schemas.update(definitions)
        schemas["PushRequest"] = schema
        return document

    api.openapi = openapi


def _day(day: date | None) -> str:
    return (day or date.today()).isoformat()
