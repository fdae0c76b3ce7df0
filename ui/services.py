"""What the counter screen is given to work with: the store, the till, and the optional
services (devices, print queue, sync worker). A service that is not there is ``None`` and
``missing`` says why, so the status bar can tell the cashier."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config import Config
from app.till import Till
from localdb import Store
from ui.reader import Readers
from ui.tasks import Tasks


@dataclass
class Services:
    data_dir: Path
    config: Config
    store: Store
    till: Till
    readers: Readers
    tasks: Tasks  # general background work
    lookups: Tasks  # searches: one thread, newest query wins
    devices: Any = None
    print_queue: Any = None
    sync: Any = None
    missing: dict[str, str] = field(default_factory=dict)  # service -> why it is not there
