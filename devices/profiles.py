"""python-escpos's printer capability profiles, and the one place its import is set up."""

from __future__ import annotations

import difflib
import os
from functools import lru_cache
from pathlib import Path

import platformdirs

DEFAULT_PROFILES = ("", "default")


def escpos():
    """Import python-escpos with its capability cache in one fixed place: left unset, it
    makes a new temporary directory at every import."""
    os.environ.setdefault(
        "ESCPOS_CAPABILITIES_PICKLE_DIR",
        str(Path(platformdirs.user_cache_dir("tillbook", appauthor=False)) / "escpos"),
    )
    Path(os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"]).mkdir(parents=True, exist_ok=True)
    import escpos.capabilities
    import escpos.exceptions
    import escpos.printer

    return escpos


@lru_cache(maxsize=1)
def known_profiles() -> frozenset[str]:
    return frozenset(escpos().capabilities.CAPABILITIES["profiles"])


def profile_problem(name: str) -> str:
    """Empty when python-escpos knows the profile ``name``; else why not, with near names."""
    if name in DEFAULT_PROFILES or name in known_profiles():
        return ""
    near = difflib.get_close_matches(name, sorted(known_profiles()), n=3, cutoff=0.5)
    hint = f" (did you mean {', '.join(near)}?)" if near else ""
    return f"{name!r} is not a python-escpos profile{hint}; use default or a model name"
