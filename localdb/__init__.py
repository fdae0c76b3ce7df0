"""The till's own SQLite store: connection, transactions, migrations, backup."""

from localdb.errors import StoreCorrupt, StoreError, StoreTooNew
from localdb.store import Store

__all__ = ["Store", "StoreError", "StoreTooNew", "StoreCorrupt"]
