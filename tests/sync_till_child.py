"""A till process for the kill test: sells and syncs in a loop until it is killed.

Usage: python tests/sync_till_child.py DATA_DIR SEED
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import users  # noqa: E402
from app.config import Config  # noqa: E402
from app.till import Till  # noqa: E402
from localdb import Store  # noqa: E402
from sync import worker  # noqa: E402
from sync.errors import SyncError  # noqa: E402


def main() -> None:
    directory, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    config = Config.load(directory)
    store = Store.open(directory / "till.db")
    user = store.one("SELECT id, name, role FROM users LIMIT 1")
    if user is None:
        cashier = users.add_user(store, name="Kill test", role="cashier", pin="4321")
    else:
        cashier = users.User(user["id"], user["name"], user["role"])
    till = Till(store, config)
    till.login(cashier)
    products = [r[0] for r in store.execute("SELECT id FROM products ORDER BY id")]
    while True:
        for _ in range(rng.randint(1, 25)):
            for product_id in rng.sample(products, k=min(len(products), rng.randint(1, 5))):
                till.add_product(product_id, qty_milli=1000 * rng.randint(1, 3), confirmed=True)
            till.add_payment(tender="cash", amount=till.totals().due)
            till.complete()
        try:
            worker.sync_once(store, config, attempts=2)
        except SyncError as exc:
            print(f"sync failed: {exc}", flush=True)


if __name__ == "__main__":
    main()
