"""Users, roles and PINs. A PIN is kept only as a slow salted hash (scrypt)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from app import audit
from app.errors import DuplicatePin, LockedOut, PermissionRequired, UserInputError, WrongPin
from localdb import Store

ROLES = ("cashier", "clerk", "owner")
# scrypt cost: about 30-50 ms a check on a till, slow enough to make a stolen store's PINs
# expensive to guess, quick enough for a login that tries each user's hash.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
FREE_ATTEMPTS = 3  # failed PINs in a row before the wait starts
MAX_WAIT_S = 60


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str

    @property
    def is_owner(self) -> bool:
        return self.role == "owner"


def hash_pin(pin: str, *, salt: bytes | None = None, n: int = SCRYPT_N) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    scheme, n, r, p, salt, digest = stored.split("$")
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(candidate.hex(), digest)


def check_pin_shape(pin: str) -> None:
    if not pin.isdigit() or not 4 <= len(pin) <= 8:
        raise UserInputError("a PIN is 4 to 8 digits")


def add_user(store: Store, *, name: str, role: str, pin: str) -> User:
    """Create a user. PINs are unique in a shop, since a PIN alone logs a user in."""
    name = name.strip()
    if not name:
        raise UserInputError("a user needs a name")
    if role not in ROLES:
        raise UserInputError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    check_pin_shape(pin)
    if _find_by_pin(store, pin):
        raise DuplicatePin("another user already has that PIN")
    if store.scalar("SELECT 1 FROM users WHERE name = ?", (name,)):
        raise UserInputError(f"a user named {name!r} exists already", name=name)
    with store.transaction() as conn:
        user_id = conn.execute(
            "INSERT INTO users (name, role, pin_hash) VALUES (?, ?, ?) RETURNING id",
            (name, role, hash_pin(pin)),
        ).fetchone()[0]
    return User(user_id, name, role)


def _find_by_pin(store: Store, pin: str) -> User | None:
    for user_id, name, role, stored in store.conn.execute(
        "SELECT id, name, role, pin_hash FROM users WHERE active = 1 ORDER BY id"
    ):
        if pin_matches(pin, stored):
            return User(user_id, name, role)
    return None


def login(store: Store, pin: str, *, clock: Callable[[], float] = time.time) -> User:
    """The user whose PIN this is. Wrong PINs are audited and, after a few, slowed down."""
    now = clock()
    failures = int(store.meta("pin_failures", "0"))
    not_before = float(store.meta("pin_not_before", "0"))
    if now < not_before:
        raise LockedOut("too many wrong PINs; wait", wait_s=round(not_before - now, 1))
    user = _find_by_pin(store, pin) if pin.isdigit() else None
    with store.transaction() as conn:
        if user is None:
            failures += 1
            wait = (
                0 if failures < FREE_ATTEMPTS else min(2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_S)
            )
            store.set_meta("pin_failures", str(failures))
            store.set_meta("pin_not_before", str(now + wait))
            audit.record(conn, "login_failed", user_id=None, failures=failures)
        else:
            store.set_meta("pin_failures", "0")
            store.set_meta("pin_not_before", "0")
            audit.record(conn, "login", user_id=user.id)
    if user is None:
        raise WrongPin("wrong PIN", failures=failures, wait_s=wait)
    return user


def authorize(store: Store, pin: str, *, role: str = "owner", action: str = "") -> User:
    """An approver for an action that needs ``role``: the user whose PIN this is."""
    user = _find_by_pin(store, pin) if pin.isdigit() else None
    if user is None:
        with store.transaction() as conn:
            audit.record(conn, "login_failed", user_id=None, purpose=action or "approval")
        raise WrongPin("wrong PIN")
    if not has_role(user, role):
        raise PermissionRequired(f"{action or 'this'} needs an {role}", action=action, role=role)
    return user


def has_role(user: User | None, role: str) -> bool:
    if user is None:
        return False
    return user.role == role or user.role == "owner"


def require(user: User | None, role: str, action: str) -> None:
    if not has_role(user, role):
        raise PermissionRequired(f"{action} needs an {role}'s PIN", action=action, role=role)


def all_users(store: Store) -> list[User]:
    return [
        User(*r)
        for r in store.conn.execute(
            "SELECT id, name, role FROM users WHERE active = 1 ORDER BY id"
        )
    ]


def by_id(store: Store, user_id: int) -> User | None:
    row = store.conn.execute(
        "SELECT id, name, role FROM users WHERE id = ?", (user_id,)
    ).fetchone()
    return None if row is None else User(*row)
