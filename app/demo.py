"""A demo shop: a realistic catalog in Chinese and English, members and demo users.

Names are composed from small vocabularies (brand, flavour or variant, product word, size),
each word its own run of text, so the search tokens of a word (its characters, pinyin and
initials) are worked out once and a million products take a minute or so, search index
included. Barcodes are valid EAN-13 codes with China's 690-699 prefixes; some products have a
case barcode (GTIN-14 for 12 or 24), a few are weighed items with a six-digit PLU that the
label-scale layout carries. Opening stock goes through the ledger like any receipt of goods.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import customers, paths, users
from app.barcode import with_check_digit
from app.config import CONFIG_NAME, Config
from app.errors import DuplicatePin, UserInputError
from app.search_tokens import name_tokens
from app.stock import write_moves
from app.transfer import bulk_cache
from localdb import Store
from sync import outbox

log = logging.getLogger(__name__)

MAX_PRODUCTS = 1_000_000
DEFAULT_PRODUCTS = 2000
DEMO_CUSTOMERS = 200
CHUNK = 50_000
MOVES_PER_OUTBOX_ROW = 1000
DEMO_USERS = (("Owner", "owner", "8888"), ("Li Na", "cashier", "1111"), ("Wang", "clerk", "2222"))


@dataclass(frozen=True)
class Kind:
    """One kind of product: its words in both languages, category, tax rate, price range."""

    zh: str
    en: str
    category: str
    tax_rate: int  # basis points
    low: int  # fen
    high: int  # fen
    variants: str  # key into VARIANTS
    sizes: str  # key into SIZES


# Brands: Chinese, English (as their packs print them), the categories they make.
BRANDS = (
    ("可口可乐", "Coca-Cola", "饮料"),
    ("百事", "Pepsi", "饮料 零食"),
    ("农夫山泉", "Nongfu Spring", "饮料"),
    ("康师傅", "Master Kong", "饮料 方便食品"),
    ("统一", "Uni-President", "饮料 方便食品"),
    ("娃哈哈", "Wahaha", "饮料 乳品"),
    ("怡宝", "C'estbon", "饮料"),
    ("伊利", "Yili", "乳品 冷冻食品"),
    ("蒙牛", "Mengniu", "乳品"),
    ("光明", "Bright", "乳品"),
    ("旺旺", "Want Want", "零食 饮料"),
    ("达利园", "Daliyuan", "零食"),
    ("三只松鼠", "Three Squirrels", "零食"),
    ("良品铺子", "Bestore", "零食"),
    ("奥利奥", "Oreo", "零食"),
    ("乐事", "Lay's", "零食"),
    ("雀巢", "Nestle", "饮料 乳品 零食"),
    ("元气森林", "Genki Forest", "饮料"),
    ("今麦郎", "Jinmailang", "方便食品 饮料"),
    ("白象", "Baixiang", "方便食品"),
    ("海天", "Haday", "调味品"),
    ("李锦记", "Lee Kum Kee", "调味品"),
    ("金龙鱼", "Arawana", "粮油"),
    ("福临门", "Fortune", "粮油"),
    ("五得利", "Wudeli", "粮油"),
    ("老干妈", "Lao Gan Ma", "调味品"),
    ("双汇", "Shuanghui", "冷冻食品"),
    ("思念", "Synear", "冷冻食品"),
    ("三全", "Sanquan", "冷冻食品"),
    ("青岛", "Tsingtao", "酒水"),
    ("雪花", "Snow", "酒水"),
    ("燕京", "Yanjing", "酒水"),
    ("百威", "Budweiser", "酒水"),
    ("立白", "Liby", "日化"),
    ("蓝月亮", "Blue Moon", "日化"),
    ("心相印", "Hearttex", "日化"),
    ("维达", "Vinda", "日化"),
    ("清风", "Breeze", "日化"),
    ("舒肤佳", "Safeguard", "日化"),
    ("高露洁", "Colgate", "日化"),
    ("云南白药", "Yunnan Baiyao", "日化"),
    ("海飞丝", "Head & Shoulders", "日化"),
    ("飘柔", "Rejoice", "日化"),
    ("德芙", "Dove", "零食"),
    ("士力架", "Snickers", "零食"),
    ("绿箭", "Doublemint", "零食"),
    ("益达", "Extra", "零食"),
    ("徐福记", "Hsu Fu Chi", "零食"),
    ("稻香村", "Daoxiangcun", "零食 冷冻食品"),
    ("好丽友", "Orion", "零食"),
    ("卫龙", "Weilong", "零食"),
    ("洽洽", "ChaCheer", "零食"),
    ("东鹏", "Eastroc", "饮料"),
    ("红牛", "Red Bull", "饮料"),
    ("王老吉", "Wong Lo Kat", "饮料"),
    ("加多宝", "JDB", "饮料"),
    ("银鹭", "Yinlu", "饮料"),
    ("养乐多", "Yakult", "乳品"),
    ("南孚", "Nanfu", "日用"),
    ("晨光", "M&G", "文具"),
    ("人民日报", "People's Daily", "报刊"),
    ("南方周末", "Southern Weekly", "报刊"),
    ("中国移动", "China Mobile", "服务"),
    ("中国联通", "China Unicom", "服务"),
    ("正大", "CP", "生鲜"),
    ("德青源", "DQY", "生鲜"),
)

KINDS = (
    Kind("碳酸饮料", "Soda", "饮料", 1300, 250, 600, "soda", "drink"),
    Kind("矿泉水", "Mineral Water", "饮料", 1300, 150, 400, "plain", "water"),
    Kind("冰红茶", "Iced Tea", "饮料", 1300, 300, 500, "tea", "drink"),
    Kind("绿茶", "Green Tea", "饮料", 1300, 300, 500, "tea", "drink"),
    Kind("果汁", "Juice", "饮料", 1300, 350, 1200, "fruit", "drink"),
    Kind("功能饮料", "Energy Drink", "饮料", 1300, 450, 800, "plain", "drink"),
    Kind("纯牛奶", "Milk", "乳品", 1300, 300, 7500, "plain", "milk"),
    Kind("酸奶", "Yogurt", "乳品", 1300, 400, 1500, "fruit", "milk"),
    Kind("方便面", "Instant Noodles", "方便食品", 1300, 350, 2800, "noodle", "noodle"),
    Kind("速冻水饺", "Frozen Dumplings", "冷冻食品", 1300, 1200, 3500, "dumpling", "frozen"),
    Kind("饼干", "Biscuits", "零食", 1300, 500, 2500, "snack", "snack"),
    Kind("薯片", "Potato Chips", "零食", 1300, 600, 1500, "chips", "snack"),
    Kind("巧克力", "Chocolate", "零食", 1300, 800, 6800, "sweet", "snack"),
    Kind("坚果", "Nuts", "零食", 1300, 1500, 8800, "nut", "snack"),
    Kind("口香糖", "Chewing Gum", "零食", 1300, 250, 1200, "sweet", "small"),
    Kind("啤酒", "Beer", "酒水", 1300, 350, 1500, "beer", "beer"),
    Kind("酱油", "Soy Sauce", "调味品", 1300, 800, 2500, "sauce", "sauce"),
    Kind("食用油", "Cooking Oil", "粮油", 900, 3500, 12000, "oil", "oil"),
    Kind("面粉", "Flour", "粮油", 900, 1500, 6000, "plain", "bag"),
    Kind("大米", "Rice", "粮油", 900, 2500, 9800, "rice", "bag"),
    Kind("洗衣液", "Laundry Liquid", "日化", 1300, 1900, 6900, "scent", "liquid"),
    Kind("抽纸", "Tissues", "日化", 1300, 990, 3990, "plain", "paper"),
    Kind("牙膏", "Toothpaste", "日化", 1300, 890, 3500, "mint", "small"),
    Kind("洗发水", "Shampoo", "日化", 1300, 2500, 8900, "scent", "liquid"),
    Kind("电池", "Batteries", "日用", 1300, 990, 4500, "plain", "pack"),
    Kind("中性笔", "Gel Pen", "文具", 1300, 150, 2000, "plain", "pack"),
    Kind("报纸", "Newspaper", "报刊", 0, 100, 300, "plain", "one"),
    Kind("充值卡", "Top-up Card", "服务", 600, 1000, 10000, "plain", "one"),
    Kind("农家鸡蛋", "Farm Eggs", "生鲜", 300, 1200, 3600, "plain", "eggs"),
)

VARIANTS = {
    "plain": (("原味", "Original"), ("经典", "Classic"), ("家庭装", "Family Pack")),
    "soda": (("原味", "Original"), ("无糖", "Zero Sugar"), ("柠檬味", "Lemon")),
    "tea": (("原味", "Original"), ("柠檬味", "Lemon"), ("低糖", "Low Sugar")),
    "fruit": (
        ("橙味", "Orange"),
        ("苹果味", "Apple"),
        ("草莓味", "Strawberry"),
        ("芒果味", "Mango"),
        ("蓝莓味", "Blueberry"),
        ("桃子味", "Peach"),
    ),  # fmt: skip
    "noodle": (
        ("红烧牛肉", "Braised Beef"),
        ("老坛酸菜", "Pickled Cabbage"),
        ("香辣", "Spicy"),
        ("番茄鸡蛋", "Tomato Egg"),
        ("海鲜", "Seafood"),
    ),  # fmt: skip
    "dumpling": (
        ("猪肉白菜", "Pork Cabbage"),
        ("韭菜鸡蛋", "Chive Egg"),
        ("三鲜", "Three Delicacies"),
        ("牛肉", "Beef"),
    ),  # fmt: skip
    "snack": (
        ("原味", "Original"),
        ("巧克力味", "Chocolate"),
        ("奶油味", "Cream"),
        ("芝士味", "Cheese"),
    ),
    "chips": (
        ("原味", "Original"),
        ("黄瓜味", "Cucumber"),
        ("番茄味", "Tomato"),
        ("烧烤味", "BBQ"),
    ),
    "sweet": (("牛奶", "Milk"), ("黑巧", "Dark"), ("榛子", "Hazelnut"), ("薄荷", "Mint")),
    "nut": (
        ("每日坚果", "Daily Mix"),
        ("碧根果", "Pecan"),
        ("夏威夷果", "Macadamia"),
        ("腰果", "Cashew"),
    ),
    "beer": (("经典", "Classic"), ("纯生", "Draft"), ("精酿", "Craft"), ("清爽", "Light")),
    "sauce": (("生抽", "Light"), ("老抽", "Dark"), ("特级", "Premium")),
    "oil": (
        ("花生油", "Peanut"),
        ("大豆油", "Soybean"),
        ("玉米油", "Corn"),
        ("调和油", "Blended"),
    ),
    "rice": (("东北", "Northeast"), ("五常", "Wuchang"), ("香米", "Fragrant")),
    "scent": (("薰衣草", "Lavender"), ("清香", "Fresh"), ("去屑", "Anti-dandruff")),
    "mint": (("薄荷", "Mint"), ("美白", "Whitening"), ("草本", "Herbal")),
}

SIZES = {
    "drink": ("330ml", "500ml", "1L", "1.5L", "2L"),
    "water": ("380ml", "550ml", "1.5L", "4L", "12L"),
    "milk": ("200ml", "250ml", "1L", "12x250ml"),
    "noodle": ("105g", "120g", "5x105g"),
    "frozen": ("400g", "500g", "1kg"),
    "snack": ("45g", "75g", "100g", "200g", "400g"),
    "small": ("40g", "80g", "120g"),
    "beer": ("330ml", "500ml", "6x330ml", "12x500ml"),
    "sauce": ("500ml", "1L", "1.9L"),
    "oil": ("900ml", "1.8L", "5L"),
    "bag": ("1kg", "2.5kg", "5kg", "10kg"),
    "liquid": ("400ml", "1kg", "2kg", "3kg"),
    "paper": ("3包", "6包", "10包", "18包"),
    "pack": ("2粒", "4粒", "10支", "12支"),
    "one": ("",),
    "eggs": ("10枚", "15枚", "30枚"),
}

# Loose goods sold by weight, price per kg, with the PLU the label scale prints.
WEIGHED = (
    ("散装大米", "Loose Rice"),
    ("红富士苹果", "Fuji Apples"),
    ("香蕉", "Bananas"),
    ("西红柿", "Tomatoes"),
    ("土豆", "Potatoes"),
    ("五花肉", "Pork Belly"),
    ("鸡胸肉", "Chicken Breast"),
    ("草鱼", "Grass Carp"),
    ("散装瓜子", "Loose Sunflower Seeds"),
    ("散装糖果", "Loose Candy"),
)

_BRANDS_BY_CATEGORY = {
    kind.category: tuple(b for b in BRANDS if kind.category in b[2].split()) for kind in KINDS
}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
)


@dataclass(frozen=True)
class DemoSummary:
    products: int
    customers: int
    users_added: tuple[str, ...]
    seconds: float


def seed_demo(
    store: Store,
    products: int = DEFAULT_PRODUCTS,
    *,
    seed: int = 8,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Add ``products`` demo products (after any added before), demo members and the demo
    users that do not exist yet. ``progress(done, total)`` is called after each chunk."""
    if not 0 <= products <= MAX_PRODUCTS:
        raise UserInputError(f"--products must be between 0 and {MAX_PRODUCTS:,}")
    started = time.perf_counter()
    rng = random.Random(seed)
    added_users = _add_users(store)
    done = int(store.meta("demo_products", "0"))
    made = 0
    with bulk_cache(store, megabytes=512):
        while made < products:
            count = min(CHUNK, products - made)
            with store.transaction() as conn:
                _write_products(conn, rng, first=done + made, count=count)
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('demo_products', ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(done + made + count),),
                )
            made += count
            log.info("demo catalog: %d of %d products written", made, products)
            if progress:
                progress(made, products)
    members = _add_customers(store, rng)
    seconds = time.perf_counter() - started
    log.info("demo shop seeded: %d products, %d members in %.1f s", made, members, seconds)
    return DemoSummary(made, members, added_users, seconds)


def _add_users(store: Store) -> tuple[str, ...]:
    added = []
    for name, role, pin in DEMO_USERS:
        if store.scalar("SELECT 1 FROM users WHERE name = ?", (name,)):
            continue
        try:
            users.add_user(store, name=name, role=role, pin=pin)
        except DuplicatePin:
            log.warning("demo user %s not added: another user has the same PIN", name)
            continue
        added.append(name)
    return tuple(added)


def _add_customers(store: Store, rng: random.Random) -> int:
    if store.scalar("SELECT 1 FROM customers WHERE card_code LIKE 'VIP%' LIMIT 1"):
        return 0  # the demo members are there already
    with store.transaction():  # one commit, not one per member
        for n in range(1, DEMO_CUSTOMERS + 1):
            _add_customer(store, rng, n)
    return DEMO_CUSTOMERS


def _add_customer(store: Store, rng: random.Random, n: int) -> None:
    name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
    customers.save_customer(
        store,
        name=name,
        phone=f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
        card_code=f"VIP{n:06d}",
        credit_limit=rng.choice((0, 0, 0, 20000, 50000, 100000)),
        notes="演示会员 demo member",
    )


def ean13(n: int) -> str:
    """The n-th demo EAN-13: prefix 690-699 (China), nine digits of n, check digit."""
    return with_check_digit(f"{690 + n % 10}{n % 10**9:09d}")


def _write_products(conn, rng: random.Random, *, first: int, count: int) -> None:
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM products").fetchone()[0]
    products, barcodes, search, stock = [], [], [], []
    for n in range(first, first + count):
        product_id = next_id + n - first
        row, codes, qty = _product(rng, n)
        sku, name = row[0], row[1]
        products.append((product_id, *row))
        barcodes.extend((code, product_id, pack) for code, pack in codes)
        search.append(
            (product_id, f"{_name_tokens(name)} {sku.lower()}")
        )  # = name_tokens(name, sku)
        stock.append((product_id, qty))
    conn.executemany(
        "INSERT INTO products (id, sku, name, unit, price, cost, tax_rate, category,"
        " stock_policy, weighed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        products,
    )
    conn.executemany(
        "INSERT INTO barcodes (code, product_id, pack_qty) VALUES (?, ?, ?)", barcodes
    )
    conn.executemany("INSERT INTO product_search (rowid, tokens) VALUES (?, ?)", search)
    moves = write_moves(conn, stock, kind="receipt", ref="demo", note="opening stock")
    skus = {p[0]: p[1] for p in products}
    for start in range(0, len(moves), MOVES_PER_OUTBOX_ROW):
        payload = [
            {
                "uuid": m.uuid,
                "sku": skus[m.product_id],
                "location": "SHOP",
                "qty_milli": m.qty_milli,
                "kind": m.kind,
                "ref": m.ref,
                "note": m.note,
            }
            for m in moves[start : start + MOVES_PER_OUTBOX_ROW]
        ]
        outbox.append(conn, "stock_move", {"moves": payload})


def _product(rng: random.Random, n: int) -> tuple[tuple, list[tuple[str, int]], int]:
    """(sku, name, unit, price, cost, tax, category, policy, weighed), barcodes, stock milli."""
    draw = rng.random  # uniform floats: much cheaper than randrange, a million times over
    sku = f"D{n + 1:07d}"
    if n % 997 == 500:  # about one in a thousand: a weighed item
        zh, en = WEIGHED[(n // 997) % len(WEIGHED)]
        name = zh if draw() < 0.7 else en
        price = 398 + int(draw() * 6400)
        cost = price * (60 + int(draw() * 26)) // 100
        plu = f"{n // 997 + 1:06d}"
        row = (sku, name, "kg", price, cost, 900, "生鲜", "allow", 1)
        return row, [(plu, 1)], (20 + int(draw() * 180)) * 1000

    kind = _pick(KINDS, draw())
    brand_zh, brand_en, _ = _pick(_BRANDS_BY_CATEGORY[kind.category], draw())
    variant_zh, variant_en = _pick(VARIANTS.get(kind.variants, VARIANTS["plain"]), draw())
    size = _pick(SIZES[kind.sizes], draw())
    if draw() < 0.7:
        name = f"{brand_zh} {variant_zh} {kind.zh} {size}"
    else:
        name = f"{brand_en} {variant_en} {kind.en} {size}"
    name = name.strip()
    price = (kind.low + int(draw() * (kind.high - kind.low + 1))) // 10 * 10 or 10
    cost = max(1, price * (55 + int(draw() * 31)) // 100)
    chance = draw()
    policy = "block" if chance < 0.04 else "allow" if chance < 0.08 else "warn"
    code = ean13(n)
    codes = [(code, 1)]
    if n % 20 == 7:  # a case barcode: GTIN-14 with packaging indicator 1
        codes.append((with_check_digit("1" + code[:12]), 12 if draw() < 0.5 else 24))
    row = (sku, name, "件", price, cost, kind.tax_rate, kind.category, policy, 0)
    return row, codes, int(draw() * 120) * 1000


def _pick(choices: tuple, fraction: float):
    return choices[int(fraction * len(choices))]


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> str:
    """Search tokens of a demo name: names repeat across the catalog, their tokens too."""
    return name_tokens(name)


# -- the demo shop for the counter screen --------------------------------------------------


def ensure_demo_shop(data_dir: Path, *, products: int = DEFAULT_PRODUCTS) -> bool:
    """Create the demo store and a config.toml in ``data_dir`` if there is no store yet.

    Returns whether it created the store (False: a store was there and is left alone).
    """
    data_dir = Path(data_dir)
    created = False
    if not paths.store_path(data_dir).exists():
        with Store.open(paths.store_path(data_dir)) as store:
            seed_demo(store, products=products)
        created = True
    if not (data_dir / CONFIG_NAME).exists():
        Config().replace("shop", name="Tillbook 演示小店 Demo Shop", cash_rounding="0.1").save(
            data_dir
        )
    return created


# -- the command line -----------------------------------------------------------------------


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser(
        "demo-data", help="fill the store with a demo catalog, members and demo users"
    )
    demo.add_argument(
        "--products",
        type=int,
        default=DEFAULT_PRODUCTS,
        help=f"how many products to add (up to {MAX_PRODUCTS:,}; default {DEFAULT_PRODUCTS})",
    )
    demo.set_defaults(func=cmd_demo_data)


def _show_progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(f"\r{done:,} of {total:,} products", end=end, file=sys.stderr, flush=True)


def cmd_demo_data(ctx, args) -> int:
    with ctx.open_store() as store:
        summary = seed_demo(store, products=args.products, progress=_show_progress)
    print(
        f"added {summary.products:,} demo products and {summary.customers} members"
        f" in {summary.seconds:.1f} s"
    )
    for name, role, pin in DEMO_USERS:
        state = "added" if name in summary.users_added else "already there"
        print(f"user {name} ({role}) PIN {pin}: {state}")
    return 0
