"""A pattern every way into which starts with one of a few head words, run the cheaper of two ways (kept apart so
patterns.py and source.py stay under 400 lines)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.source import Source

# what each way into patterns.BIRTH_CUE starts with
BIRTH_HEADS = frozenset({"b", "d", "turn", "is", "edd", "she", "unborn"})
_SPARSE = 16  # characters per head word below which the regex engine's own scan is faster than a match per head


def at_heads(src: Source, pattern: re.Pattern[str], heads: frozenset[str]) -> Iterator[re.Match[str]]:
    """src.finditer(pattern)'s matches, tried only where a head word starts (Source.at_words) when heads are sparse,
    as in prose; where they are dense ("in year 7 " repeated) the engine's scan of the whole text is faster. The
    same matches either way (tests/privacy/test_screen_heads.py checks each pattern's heads)."""
    if src.low is not None and len(src._cue_starts(heads, None)) * _SPARSE < len(src.text):
        return src.at_words(pattern, heads)
    return src.finditer(pattern)
