"""Search tokens for product names: CJK characters one by one, Latin words, and pinyin.

The FTS index holds these tokens, so typing ``可乐`` (a phrase of two character tokens),
``cola`` (a word prefix) or ``kkkl`` (pinyin initials of 可口可乐) all go through the index.
Pinyin initials are also indexed from every position of a run (``kl`` finds 可口可乐 too),
so a shopper's word from the middle of a long name still matches.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[0-9a-z]+")
_QUERY_PART = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z]+")
MAX_INITIAL_SUFFIXES = 8


@lru_cache(maxsize=65536)
def _run_pinyin(run: str) -> tuple[str, ...]:
    # pypinyin's own word segmentation, then each word's reading from a cache: catalog names
    # reuse a few thousand words (牛奶, 矿泉水), so a bulk import converts each word once.
    # The result is what lazy_pinyin(run) gives, at a fraction of the cost.
    from pypinyin.seg.mmseg import seg  # imported on first use: selling never needs it

    syllables: list[str] = []
    for word in seg.cut(run):
        syllables.extend(_word_pinyin(word))
    return tuple(syllables)


@lru_cache(maxsize=65536)
def _word_pinyin(word: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(word, style=Style.NORMAL, errors="ignore"))


def name_tokens(name: str, sku: str = "") -> str:
    """The space-separated tokens indexed for one product."""
    text = name.lower()
    tokens: list[str] = []
    for run in _CJK.findall(text):
        tokens.extend(_run_tokens(run))
    tokens.extend(_WORD.findall(_CJK.sub(" ", text)))
    if sku:
        tokens.extend(_WORD.findall(sku.lower()))
    return " ".join(tokens)


@lru_cache(maxsize=65536)
def _run_tokens(run: str) -> tuple[str, ...]:
    """A CJK run's characters, its full pinyin and the suffixes of its initials."""
    syllables = _run_pinyin(run)
    initials = "".join(s[0] for s in syllables if s)
    suffixes = [initials[start:] for start in range(min(len(initials) - 1, MAX_INITIAL_SUFFIXES))]
    return (*run, "".join(syllables), *suffixes)


def fts_query(query: str) -> str:
    """Turn what a cashier typed into an FTS5 MATCH expression, or ``""`` for nothing."""
    parts = []
    for part in _QUERY_PART.findall(query.lower()):
        if _CJK.fullmatch(part):
            parts.append('"' + " ".join(part) + '"')
        else:
            parts.append(f'"{part}"*')
    return " AND ".join(parts)
