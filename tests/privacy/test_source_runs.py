"""Source._starts_of reads a word's places from the message's runs of letters and digits (speed): it must give the
same places as the plain definition, a str.find for each occurrence not preceded by a letter or digit."""

from __future__ import annotations

from bot.privacy.source import Source

TEXT = ("He said her help was the key; the other heir, in year 8 then year 7, yr 7 and Year 7s. "
        "İlkay's nan (nan) ## #tag "
        "he-he x_he 7he ½he Ñandu ñan nanan he")
WORDS = ["he", "her", "the", "year 7", "yr 7", "nan", "an", "#", "#tag", "-he", "½he", "ñan", "7", "s", "zz", "x_he"]


def _plain(low: str, word: str) -> list[int]:
    out, i = [], low.find(word)
    while i >= 0:
        if i == 0 or not low[i - 1].isalnum():
            out.append(i)
        i = low.find(word, i + 1)
    return out


def test_word_places_match_the_plain_definition() -> None:
    for text in (TEXT, TEXT.upper(), "İ" + TEXT):  # (the last: lower case changes its length)
        src = Source(text)
        low = src.low if src.low is not None else src.lower
        for word in WORDS:
            assert src._starts_of(word) == _plain(low, word), (text[:10], word)


def test_past_500_sparse_places_at_starts_still_tries_only_the_places_given() -> None:
    """Prose with a number in each sentence gives at_starts more than 500 places; the rest used to go to the regex
    engine, which tried the pattern at every character of the rest of the message. Sparse places are tried one by one
    (only matches at them, as before the 500th); dense ones (nothing but digits) are still left to the engine."""
    import re

    text = "seen 12 and 34 today. " * 600
    places = [m.start() for m in re.finditer("12", text)]
    found = [m.start() for m in Source(text).at_starts(re.compile(r"\d\d"), iter(places))]
    assert found == places
    dense = "1 " * 2_000
    assert len(list(Source(dense).at_starts(re.compile(r"\d"), iter(range(0, len(dense), 2))))) == 2_000
