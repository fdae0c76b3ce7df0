"""A store with a large catalog for the benchmarks, built fast and cached in bench/.cache/.

Products get made-up Chinese names from a small vocabulary, a unique EAN-13 each, and the
same search tokens the catalog would index. Users: cashier 1111, owner 9999.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from app import users
from app.barcode import with_check_digit
from app.search_tokens import name_tokens
from localdb import Store

CACHE = Path(__file__).resolve().parent / ".cache"
BRANDS = [
    "可口可乐",
    "农夫山泉",
    "康师傅",
    "统一",
    "蒙牛",
    "伊利",
    "旺旺",
    "达利园",
    "好丽友",
    "百事",
    "雀巢",
    "乐事",
    "奥利奥",
    "德芙",
    "王老吉",
    "娃哈哈",
    "三只松鼠",
    "良品铺子",
    "光明",
    "海天",
]
ITEMS = [
    "矿泉水",
    "冰红茶",
    "牛肉面",
    "纯牛奶",
    "酸奶",
    "雪饼",
    "软面包",
    "巧克力派",
    "薯片",
    "饼干",
    "巧克力",
    "凉茶",
    "坚果",
    "酱油",
    "果汁",
    "咖啡",
    "绿茶",
    "方便面",
    "火腿肠",
    "口香糖",
    "洗发水",
    "牙膏",
    "纸巾",
    "电池",
    "啤酒",
]
SIZES = ["250ml", "330ml", "500ml", "1L", "100g", "200g", "500g", "6枚装", "12袋", "家庭装"]
BATCH = 50_000


def path_for(products: int) -> Path:
    return CACHE / f"store_{products}" / "till.db"


def build(products: int, *, verbose: bool = True) -> Path:
    """The cached store with ``products`` products, built on first use."""
    path = path_for(products)
    done = path.with_name("complete")
    if done.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob("till.db*"):
        stale.unlink()
    started = time.perf_counter()
    names = [f"{b} {i} {s}" for b, i, s in itertools.product(BRANDS, ITEMS, SIZES)]
    tokens = {name: name_tokens(name) for name in names}
    with Store.open(path) as store:
        users.add_user(store, name="Cashier", role="cashier", pin="1111")
        users.add_user(store, name="Owner", role="owner", pin="9999")
        conn = store.conn
        for start in range(1, products + 1, BATCH):
            ids = range(start, min(start + BATCH, products + 1))
            rows, codes, search = [], [], []
            for product_id in ids:
                name = names[product_id % len(names)]
                sku = f"P{product_id:07d}"
                price = 100 + (product_id * 37) % 20000
                rows.append((product_id, sku, name, price, price * 7 // 10))
                codes.append((barcode_of(product_id), product_id))
                search.append((product_id, f"{tokens[name]} {sku.lower()}"))
            with store.transaction():
                conn.executemany(
                    "INSERT INTO products (id, sku, name, price, cost) VALUES (?, ?, ?, ?, ?)",
                    rows,
                )
                conn.executemany("INSERT INTO barcodes (code, product_id) VALUES (?, ?)", codes)
                conn.executemany(
                    "INSERT INTO product_search (rowid, tokens) VALUES (?, ?)", search
                )
            if verbose:
                print(f"  {ids[-1]:>9} products", flush=True)
        conn.execute("INSERT INTO product_search (product_search) VALUES ('optimize')")
    done.write_text(f"{products}\n")
    if verbose:
        print(f"built {path} in {time.perf_counter() - started:.0f} s")
    return path


def barcode_of(product_id: int) -> str:
    return with_check_digit(f"69{product_id:010d}")
