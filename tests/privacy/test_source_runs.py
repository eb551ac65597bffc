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
