"""Errors of the sync area: the till's client and the owner's server commands."""

from __future__ import annotations

from app.errors import TillbookError


class SyncError(TillbookError):
    """Root of every sync failure."""

    code = "sync"


class NotEnrolled(SyncError):
    code = "not_enrolled"


class ServerUnreachable(SyncError):
    """No answer from the server (network down, server stopped); retrying later may work."""

    code = "offline"


class ServerRefused(SyncError):
    """The server answered with a refusal that retrying will not change."""

    code = "refused"

    def __init__(self, message: str = "", *, status: int = 0, error: str = "", **fields):
        super().__init__(message, status=status, error=error, **fields)


class Quarantined(ServerRefused):
    """The server stopped taking this till's changes until the owner looks at it."""

    code = "quarantined"


class ServerSetupError(SyncError):
    """An owner command got a bad value (unknown shop, bad database URL...)."""

    code = "server_setup"
