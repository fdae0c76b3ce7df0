"""Bulk ledger writes (imports, demo stock) and the time-ordered movement UUIDs."""

from __future__ import annotations

import uuid

from app import catalog, stock


def test_ordered_uuids_are_version_7_unique_and_increasing():
    first = stock.ordered_uuids(5000)
    second = stock.ordered_uuids(5000)

    parsed = [uuid.UUID(u) for u in first + second]
    assert {(u.version, u.variant) for u in parsed} == {(7, uuid.RFC_4122)}
    assert len(set(first + second)) == 10_000
    assert first + second == sorted(first + second)


def test_write_moves_keeps_on_hand_equal_to_the_ledger(store):
    ids = [
        catalog.save_product(store, sku=f"S{n}", name=f"Item {n}", price=100, barcodes=[])
        for n in range(3)
    ]
    stock.record(store, product_id=ids[0], qty_milli=5000, kind="receipt")

    with store.transaction() as conn:
        moves = stock.write_moves(
            conn, [(ids[0], 2000), (ids[1], 7000), (ids[2], 0)], kind="count", note="bulk"
        )

    assert [(m.product_id, m.qty_milli) for m in moves] == [(ids[0], 2000), (ids[1], 7000)]
    assert [stock.on_hand(store, i) for i in ids] == [7000, 7000, 0]
    assert [stock.ledger_sum(store, i) for i in ids] == [7000, 7000, 0]
    assert stock.cache_mismatches(store) == []
