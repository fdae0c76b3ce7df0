"""A till that sells in a loop and prints each receipt number once its sale is complete.

Run as a child process by the crash test, which kills it with SIGKILL at random moments.
"""

import random
import sys

from app.config import Config
from app.till import Till
from localdb import Store

CODES = ["6901234567892", "16901234567899", "6923450657713"]


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    till = Till(store, Config())
    while True:
        for _ in range(rng.randint(1, 5)):
            till.scan(rng.choice(CODES[:1] + CODES[2:]))
        till.add_payment(tender="cash", amount=till.totals().due + rng.randint(0, 1000))
        done = till.complete()
        sys.stdout.write(done.receipt_no + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
