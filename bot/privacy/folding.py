"""The text the screen reads, folded from what was typed (round 34, the red team's findings 7, 8 and 9).

- Characters nobody sees are dropped: zero-width spaces and joiners, the word joiner, a byte-order mark, soft hyphens
  and direction marks ("Kay\u200bla Now\u200bak" is "Kayla Nowak").
- Letters typed with a space between each are joined into the word they spell ("K a y l a  N o w a k" is "Kayla
  Nowak"); in one run, a capital after a small letter starts a new word ("K a y l a N o w a k"); two or three spaces
  between two such runs are one (round 47: "l i l y   n o w a k" is "lily nowak").
- In a link's last path segment or file name, words joined by hyphens or underscores are read as words, apart from
  the link (".../cp/Kayla-Nowak-22-Elm-Grove-core-group.docx" is read as ".../cp|Kayla Nowak 22 Elm Grove core
  group.docx": its slash becomes a bar, where a link ends), and so are a query's words joined by "+" or "%20".

- Round 35: a letter of another script that looks like a Latin one (data/lookalikes.txt: a Cyrillic "а", a Greek
  "Κ") is read as that Latin letter inside a word that also holds a Latin letter ("Kаyla" is "Kayla"), and a
  full-width or mathematical letter always ("Ｋａｙｌａ", "𝐊𝐚𝐲𝐥𝐚"): one letter for one, so offsets do not move.
  A word wholly in another script is left as typed (a Russian or Greek word is no Latin name).

A folded text maps each of its characters back to where it was typed, so a span found in it is a span of the
original (redaction removes what was typed, invisible characters inside a name included). Text with none of these
is returned as it is, at the cost of three scans.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from bot.privacy.lexicon import DATA
from bot.privacy.patterns import URL

INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# three or more letters, each alone, one space apart (a longer run is read in pieces of 100); round 48: the next
# spaced word after two or three spaces joins the run ("l i l y   h a r g r e a v e s" is "lily hargreaves", its
# gap one space), and letters one hyphen apart are a spelled word too ("m-a-i-s-i-e" is "maisie"; never with a
# digit, so a plate or reference spelled out is read as typed)
_SPACED_APART = r"(?<![^\W_])[^\W\d_](?: [^\W\d_]){2,99}(?: {2,3}[^\W\d_](?: [^\W\d_]){1,99}){0,9}(?![^\W_])"
SPACED = re.compile(_SPACED_APART + r"|(?<![^\W_\-])[^\W\d_](?:-[^\W\d_]){2,99}(?![^\W_\-])")
# (speed: each way of SPACED holds a cue led by a literal, which the engine finds fast: a letter between two hyphens,
# or a second and third letter each alone after a space; a message without a way's cue is read by the other alone)
SPACED_APART, _HYPHENED_LETTER = re.compile(_SPACED_APART), re.compile(r"-[^\W\d_]-")
_SPACED_LETTERS = re.compile(r" [^\W\d_] [^\W\d_](?![^\W_])")
# a path's last segment or file name of two or more words joined by hyphens or underscores, after its slash, or a
# query's value of words joined by "+" or "%20" ("?child=Kayla%20Nowak"); a folder's ("/wp-content/") is left whole,
# so the link's own digits stay inside it ("/uploads/2017/11/Threshold-of-need.pdf": no record number)
LINK_WORDS = re.compile(r"[/=][^\W_]{1,40}(?:(?:[-_+]|%20)[^\W_]{1,40}){1,40}(?=[.?#&]|/?$)")

_WORD = re.compile(r"[^\W\d_]{3}")


@dataclass(frozen=True)
class Folded:
    text: str
    origin: list[int] | None = None  # where each character was typed, then the typed text's length

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The typed text's span for the folded text's a:b."""
        if self.origin is None:
            return a, b
        return self.origin[a], self.origin[b - 1] + 1 if b > a else self.origin[a]


# full-width Latin letters and the mathematical alphanumeric block: always another form of a Latin letter
_WIDE = "\uff21-\uff3a\uff41-\uff5a\U0001d400-\U0001d7ff"
_WIDE_LETTER = re.compile(f"[{_WIDE}]")


@functools.cache
def _lookalikes() -> tuple[dict[str, str], re.Pattern[str]]:
    """The look-alike pairs, and a pattern for any character that could need folding."""
    pairs = {}
    for line in (DATA / "lookalikes.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            other, latin = line.split()[:2]
            pairs[other] = latin
    return pairs, re.compile(f"[{re.escape(''.join(pairs))}{_WIDE}]")


def _latin(ch: str) -> str:
    """A full-width or mathematical letter's Latin letter (its compatibility form), else the character."""
    k = unicodedata.normalize("NFKC", ch)
    return k if len(k) == 1 and k.isascii() and k.isalpha() else ch


# where a Latin letter meets a letter of another script inside a word ("Kаyla"): only mixed words are read
_MIXED = re.compile(r"[A-Za-z][^\W\d_A-Za-z]|[^\W\d_A-Za-z][A-Za-z]")
_WIDE_RUN = re.compile(f"[{_WIDE}]{{1,60}}")


def _word_around(text: str, i: int) -> tuple[int, int]:
    a, b = i, i + 1
    while a > 0 and i - a < 60 and (text[a - 1].isalpha()):
        a -= 1
    while b < len(text) and b - i < 60 and text[b].isalpha():
        b += 1
    return a, b


def _unmasked(text: str) -> str:
    """Each mixed word's look-alike letters, and every full-width or mathematical letter, as Latin ones (the same
    length: one letter for one). Found from where scripts meet and from the wide letters alone: linear time."""
    if text.isascii():
        return text
    pairs, masked = _lookalikes()
    if not masked.search(text):
        return text
    edits: dict[int, tuple[int, str]] = {}
    end = -1
    for m in _MIXED.finditer(text):
        if m.start() < end:
            continue
        a, end = _word_around(text, m.start())
        edits[a] = (end, "".join(pairs.get(c) or (_latin(c) if _WIDE_LETTER.match(c) else c) for c in text[a:end]))
    for m in _WIDE_RUN.finditer(text):
        if m.start() not in edits:
            edits[m.start()] = (m.end(), "".join(_latin(c) for c in m.group()))
    parts, last = [], 0
    for a in sorted(edits):
        b, new = edits[a]
        if a >= last:
            parts += [text[last:a], new]
            last = b
    parts.append(text[last:])
    out = "".join(parts)
    return text if out == text else out


def fold(text: str) -> Folded:
    out = Folded(text)
    if INVISIBLE.search(text):
        kept = [i for i, ch in enumerate(text) if not INVISIBLE.match(ch)]
        out = Folded("".join(text[i] for i in kept), [*kept, len(text)])
    if (plain := _unmasked(out.text)) is not out.text:
        out = Folded(plain, out.origin or [*range(len(plain) + 1)])
    edits = [*_spaced(out.text), *_links(out.text)]
    if not edits:
        return out
    edits.sort()
    chars: list[str] = []
    where: list[int] = []
    origin = out.origin or [*range(len(out.text) + 1)]
    last = 0
    for a, b, pieces in edits:
        if a < last:
            continue  # (a spaced run inside a link's words, or the reverse: the first edit holds)
        chars.append(out.text[last:a])
        where.extend(origin[last:a])
        for ch, i in pieces:
            chars.append(ch)
            where.append(origin[i])
        last = b
    chars.append(out.text[last:])
    where.extend(origin[last:])
    return Folded("".join(chars), where)


def _spaced(text: str) -> list[tuple[int, int, list[tuple[str, int]]]]:
    edits = []
    if _HYPHENED_LETTER.search(text):
        spaced = SPACED
    elif _SPACED_LETTERS.search(text):
        spaced = SPACED_APART
    else:
        return edits
    for m in spaced.finditer(text):
        pieces: list[tuple[str, int]] = []
        prev = ""
        for i in range(m.start(), m.end()):
            ch = text[i]
            if ch in " -":
                if ch == " " and text[i - 1] == " " and (not pieces or pieces[-1][0] != " "):
                    pieces.append((" ", i))  # a gap of two or three spaces: one word ends
                continue
            if prev and ch.isupper() and prev.islower() and pieces[-1][0] != " ":
                pieces.append((" ", i - 1))  # "K a y l a N o w a k": two words
            pieces.append((ch, i))
            prev = ch
        edits.append((m.start(), m.end(), pieces))
    return edits


def _links(text: str) -> list[tuple[int, int, list[tuple[str, int]]]]:
    if "://" not in text and "www." not in text.lower():
        return []
    edits = []
    for link in URL.finditer(text):
        for m in LINK_WORDS.finditer(text, link.start(), link.end()):
            if not _WORD.search(m.group()):
                continue  # "?dob=2015-03-12", ".../CR-2026-007": a date or a reference, read as typed
            a, b = m.start(), m.end()
            pieces, i = [], a
            while i < b:
                pieces.append(("|" if text[i] in "/=" else " " if text[i] in "-_+%" else text[i], i))
                i += 3 if text[i] == "%" else 1
            edits.append((a, b, pieces))
    return edits
