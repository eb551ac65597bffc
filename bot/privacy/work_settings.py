"""Workplaces typed in lower case by ordinary words (round 32), read by pointers.py where no other place is named
in a relative's clause: "at little stars nursery" (a kind of workplace within a few words of "at"), "at jaguar land
rover castle bromwich" (a word in no English list there), and "the nursery manager at sunflowers" (the job names the
kind of place, so the word after "at" is its name). Each reads a few words after each preposition in one clause:
linear time.
"""

from __future__ import annotations

import re

from bot.privacy.lexicon import lexicon

# a place's preposition and up to five lower-case words ("at little stars nursery where...")
_AT = re.compile(r"\b(?:at|in|on|near|behind|opposite|outside)((?:\s{1,3}[a-z][a-z'’\-]{0,24}\b){1,5})",
                 re.IGNORECASE)
_WORDS = re.compile(r"[a-z][a-z'’\-]*")
# Words after "at" that say when, how or who, not where ("at present", "at least", "on the children's ward").
_NOT_NAMES = frozenset({"present", "least", "most", "best", "all", "times", "first", "last", "once", "weekends",
                        "weekend", "night", "nights", "work", "home", "risk", "moment", "the", "a", "an", "our",
                        "his", "her", "their", "this", "that", "your", "my", "its", "some", "any", "one", "two",
                        "three", "four", "five", "six", "dr", "mr", "mrs", "ms", "miss", "and", "or", "but",
                        "christmas", "easter", "school", "nursery", "college", "short", "full", "part"})


def _named_until(words: list[str], job_kind: bool) -> int:
    """How many of `words` (after the preposition) name a workplace: up to its kind of place ("little stars nursery")
    or its word in no English list; the first word alone after a job naming the kind ("sunflowers"); 0 for none."""
    lex = lexicon()
    nouns, times = lex.vocab.workplace_nouns, lex.vocab.not_name_times
    if not words or words[0] in _NOT_NAMES or words[0] in nouns or words[0] in times:
        return 0
    for k, w in enumerate(words):
        if w in nouns or (k and " ".join(words[k - 1:k + 1]) in nouns):
            return k + 1
        if w in _NOT_NAMES or w in times:
            break
        if len(w) > 3 and w not in lex.english and w not in lex.rare_english and w not in lex.proper_nouns:
            return k + 1
    return 1 if job_kind else 0


def lower_setting(text: str, job_start: int, after: int, end: int) -> int:
    """Where a workplace named in lower case ends, in text[after:end] after a job starting at job_start; 0 if none."""
    nouns = lexicon().vocab.workplace_nouns
    for m in _AT.finditer(text, after, end):
        words = _WORDS.findall(m.group(1))
        job_kind = m.group().lower().startswith("at") and any(
            w in nouns for w in _WORDS.findall(text[job_start:m.start()].lower()))
        if n := _named_until(words, job_kind):
            pos = m.start(1)
            for w in words[:n]:
                pos = text.index(w, pos) + len(w)
            return pos
    return 0
