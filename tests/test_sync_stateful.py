"""Random sales, returns, owner receipts and offline periods across 3 to 5 tills: once all
have synced, every till and the server hold the same stock, the initial stock plus every
movement."""

from __future__ import annotations

import itertools
import json

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sync_harness import Chain, env_int, product

from sync import cycle
from sync.client import SyncClient
from sync.errors import SyncError

pytest_plugins = ["sync_fixtures"]

SKUS = ("A", "B", "C")
INITIAL = 5_000


def test_stock_converges_to_the_sum_of_all_movements(database, server, tmp_path):
    examples = itertools.count()

    class Shop(RuleBasedStateMachine):
        @initialize(count=st.integers(min_value=3, max_value=5))
        def open_shop(self, count):
            self.chain = Chain(database, server)
            self.chain.add_products(*(product(sku, 250 * (i + 1)) for i, sku in enumerate(SKUS)))
            for sku in SKUS:
                self.chain.receive(sku, INITIAL)
            self.received = dict.fromkeys(SKUS, INITIAL)
            root = tmp_path / f"example-{next(examples)}"
            self.tills = [self.chain.till(root / f"T{i}", f"T{i}") for i in range(count)]
            self.online = [True] * count
            for t in self.tills:
                t.sync()

        def _till(self, index):
            return self.tills[index % len(self.tills)]

        @rule(index=st.integers(0, 4), sku=st.sampled_from(SKUS), units=st.integers(1, 4))
        def sell(self, index, sku, units):
            self._till(index).sell((sku, units))

        @rule(index=st.integers(0, 4))
        def return_one(self, index):
            t = self._till(index)
            receipt = t.store.scalar(
                "SELECT receipt_no FROM sales WHERE kind = 'sale' ORDER BY id DESC LIMIT 1"
            )
            if receipt is None:
                return
            draft = t.till.start_return(receipt)
            if not draft.returnable:
                return
            line_id = next(iter(draft.returnable))
            t.till.complete_return(draft, quantities={line_id: 1000})

        @rule(index=st.integers(0, 4))
        def toggle_network(self, index):
            i = index % len(self.tills)
            self.online[i] = not self.online[i]

        @rule(index=st.integers(0, 4))
        def sync(self, index):
            i = index % len(self.tills)
            if self.online[i]:
                self.tills[i].sync()

        @rule(index=st.integers(0, 4))
        def pull_while_sales_wait(self, index):
            """A pull while this till still has unsent sales (as when one is rung up between
            the worker's push and its pull): the till counts them on top of the server's level."""
            i = index % len(self.tills)
            if not self.online[i]:
                return
            t = self.tills[i]
            t.sell(*((sku, 1) for sku in SKUS))
            for sku in SKUS:  # the levels change meanwhile, so the pull brings them
                self.owner_receives(sku, 1)
            with SyncClient(t.config.sync.server, t.token) as client:
                cycle.pull(t.store, client, cycle.Moved())
            levels = self._levels()
            for sku in SKUS:
                unsent = sum(
                    m["qty_milli"]
                    for (payload,) in t.store.execute(
                        "SELECT payload FROM outbox WHERE state = 'pending'"
                    )
                    for m in json.loads(payload).get("moves", ())
                    if m["sku"] == sku
                )
                assert t.on_hand(sku) == levels[sku] + unsent, sku

        def _levels(self):
            return dict(
                database.rows(
                    "SELECT sku, on_hand_milli FROM stock_levels WHERE shop_id = :s",
                    s=self.chain.shop,
                )
            )

        @rule(sku=st.sampled_from(SKUS), units=st.integers(1, 10))
        def owner_receives(self, sku, units):
            self.chain.receive(sku, units * 1000)
            self.received[sku] += units * 1000

        def teardown(self):
            try:
                for _ in range(2):  # push everything, then pull what the others pushed
                    for t in self.tills:
                        assert t.sync().left_unsent == 0
                levels = self._levels()
                for sku in SKUS:
                    sold_or_returned = sum(
                        t.store.scalar(
                            "SELECT coalesce(sum(m.qty_milli), 0) FROM stock_moves m JOIN"
                            " products p ON p.id = m.product_id WHERE p.sku = ? AND m.ref != 'sync'",
                            (sku,),
                        )
                        for t in self.tills
                    )
                    expected = self.received[sku] + sold_or_returned
                    assert levels[sku] == expected, sku
                    assert [t.on_hand(sku) for t in self.tills] == [expected] * len(self.tills)
            except SyncError as exc:
                raise AssertionError(f"sync failed at the end: {exc}") from exc
            finally:
                for t in self.tills:
                    t.close()

    run_state_machine_as_test(
        Shop,
        settings=settings(
            max_examples=env_int("TILLBOOK_STATEFUL_EXAMPLES", 4),
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
