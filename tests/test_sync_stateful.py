"""Random sales, returns, owner receipts and offline periods across 3 to 5 tills: once all
have synced, every till and the server hold the same stock, the initial stock plus every
movement, and the server each sale once.

Each till talks to the server through its own fault proxy. Offline is a real cut: the proxy
lets a few requests through and then resets connections, cuts requests or answers half way,
or drops answers the server committed, so pushes and pulls fail in the middle."""

from __future__ import annotations

import itertools
import json

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sync_harness import Chain, FaultProxy, env_int, product

from sync import cycle
from sync.client import SyncClient
from sync.errors import SyncError

pytest_plugins = ["sync_fixtures"]

SKUS = ("A", "B", "C")
INITIAL = 5_000
CUTS = ("reset", "drop_request", "cut_request", "drop_response", "reset_mid_body")


def test_stock_converges_to_the_sum_of_all_movements(database, server, tmp_path):
    examples = itertools.count()

    class Shop(RuleBasedStateMachine):
        @initialize(count=st.integers(min_value=3, max_value=5), cut=st.sampled_from(CUTS))
        def open_shop(self, count, cut):
            self.chain = Chain(database, server)
            self.chain.add_products(*(product(sku, 250 * (i + 1)) for i, sku in enumerate(SKUS)))
            for sku in SKUS:
                self.chain.receive(sku, INITIAL)
            self.received = dict.fromkeys(SKUS, INITIAL)
            root = tmp_path / f"example-{next(examples)}"
            self.proxies = [FaultProxy(server.port) for _ in range(count)]
            for proxy in self.proxies:
                proxy.enabled = False
            self.tills = [
                self.chain.till(root / f"T{i}", f"T{i}", url=proxy.url)
                for i, proxy in enumerate(self.proxies)
            ]
            self.online = [True] * count
            for t in self.tills:
                t.sync()
            # Every example starts with one till losing the network in the middle of a push.
            self.network_goes_mid_push(0, SKUS[0], cut)

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

        @rule(index=st.integers(0, 4), after=st.integers(0, 2), cut=st.sampled_from(CUTS))
        def toggle_network(self, index, after, cut):
            """Offline: the next ``after`` requests still pass (the till's hello, say), then
            the connection is cut with ``cut``, so a push can die half way."""
            i = index % len(self.tills)
            self.online[i] = not self.online[i]
            if self.online[i]:
                self.proxies[i].online()
            else:
                self.proxies[i].offline(after=after, fault=cut)

        @rule(index=st.integers(0, 4), sku=st.sampled_from(SKUS), cut=st.sampled_from(CUTS))
        def network_goes_mid_push(self, index, sku, cut):
            """The hello passes, the push carrying a new sale is cut, and the till stays
            offline until the network is toggled back."""
            i = index % len(self.tills)
            self.tills[i].sell((sku, 1))
            self.online[i] = False
            self.proxies[i].offline(after=1, fault=cut)
            self.sync(index)

        @rule(index=st.integers(0, 4))
        def sync(self, index):
            i = index % len(self.tills)
            if self.online[i]:
                self.tills[i].sync()
                return
            try:
                self.tills[i].sync(attempts=1)
            except SyncError:
                pass  # what the server committed before the cut is sent again later

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
            # A push whose answer a cut dropped is on the server though pending here.
            applied = database.scalar(
                "SELECT applied_seq FROM tills WHERE id = :t", t=t.answer["till"]
            )
            for sku in SKUS:
                unsent = sum(
                    m["qty_milli"]
                    for (payload,) in t.store.execute(
                        "SELECT payload FROM outbox WHERE state = 'pending' AND seq > ?",
                        (applied,),
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
            for proxy in self.proxies:
                proxy.online()
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
                self._each_sale_once()
            except SyncError as exc:
                raise AssertionError(f"sync failed at the end: {exc}") from exc
            finally:
                for t in self.tills:
                    t.close()
                for proxy in self.proxies:
                    proxy.close()

        def _each_sale_once(self):
            local = sorted(
                (uuid, lines)
                for t in self.tills
                for uuid, lines in t.store.execute(
                    "SELECT s.uuid, count(l.id) FROM sales s JOIN sale_lines l"
                    " ON l.sale_id = s.id GROUP BY s.uuid"
                )
            )
            remote = database.rows(
                "SELECT s.uuid, count(*) FROM sales s JOIN sale_lines l ON l.shop_id = s.shop_id"
                " AND l.sale_uuid = s.uuid WHERE s.shop_id = :s GROUP BY s.uuid",
                s=self.chain.shop,
            )
            assert sorted(tuple(r) for r in remote) == local

    run_state_machine_as_test(
        Shop,
        settings=settings(
            max_examples=env_int("TILLBOOK_STATEFUL_EXAMPLES", 6),
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
