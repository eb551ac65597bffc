"""A learned second opinion for the identifier screen: logistic regression over words and word shapes.

The rules (the other modules here) read the shapes people were seen to use; this scorer is meant to generalise to
wording nobody listed, the way the worry detector's backstop does (`knowledge/safety_model.py`; the scorer and
trainer are shared, `knowledge/textmodel.py`). Besides word and character n-grams it reads each word's *shape*, so
what it learns about one name carries to names it never saw: capitalised mid-sentence or not, in the English word
list, a first name or surname in the screen's lists, a number; and the vocabulary's classes (kin, titles, roles,
services, rare traits, communities, family compositions, settings, work verbs, "only"/"one of").

Trained at development time on the development corpora by scripts/train_privacy_model.py, which also measures it
leave-one-corpus-out; weights in bot/privacy/data/model.json when adopted. Text is scored a stretch of sentences at
a time (about a corpus line's length), one dictionary look-up per feature: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from bot.privacy.lexicon import Lexicon, fold, lexicon
from knowledge.textmodel import LinearModel, ngram_features

MODEL_PATH = Path(__file__).resolve().parent / "data" / "model.json"
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’\-]{0,40}|\d{1,20}")
_SENTENCE = re.compile(r"[^.!?;\n]+")
# The model reads this much of a message: the longest form field the screen guards (a case review's rationale and
# an escalation's text, 2,000 characters). Beyond it the rules screen alone: the model costs about a millisecond
# per 1,000 characters, and the rules already use most of the budget for a 40,000-character message.
MODEL_CHARS = 2000
_STRETCH = 40  # tokens per scored stretch: about the length of a corpus line
_ONLY = frozenset({"only", "sole", "single", "one", "unique", "known", "famous", "same"})
_YEARS = frozenset({"year", "yr", "y", "reception", "nursery", "class", "form", "sixth"})


@cache
def _classes() -> dict[str, str]:
    """Each single vocabulary word's class (the first class listed wins)."""
    v = lexicon().vocab
    table = {"kin": v.person_relations, "title": v.titles, "prof": v.professional_titles | v.professional_roles,
             "role": v.role_words, "svc": v.services | v.service_acronyms | v.service_units, "trait": v.rare_traits,
             "comm": v.communities, "comp": v.family_compositions, "set": v.settings | v.venue_words,
             "work": v.work_verbs, "ref": v.singular_referents | v.event_subjects, "inc": v.incident_words,
             "fam": v.family_nouns, "org": v.org_words, "street": v.street_types, "only": _ONLY, "yr": _YEARS}
    out: dict[str, str] = {}
    for name, words in table.items():
        for w in words:
            if " " not in w:
                out.setdefault(w, name)
    return out


def _shape(tok: str, low: str, start: bool, lex: Lexicon) -> str:
    """A word's case and list membership: `C.fn` a capitalised first name mid-sentence, `l.oov` an unknown
    lower-case word, `N2` a two-digit number."""
    if tok[0].isdigit():
        return f"N{min(len(tok), 5)}"
    case = "S" if start else "U" if len(tok) > 1 and tok.isupper() else "C" if tok[0].isupper() else "l"
    english = low in lex.english or low in lex.rare_english
    if english and case in "Sl":
        return f"{case}.en"  # an ordinary word; only a capital mid-sentence makes "Hope" or "Mills" worth a look
    first, sur, place = low in lex.first_names, low in lex.surnames, low in lex.places
    kind = ("fn" if first else "sn" if sur else "pl" if place else "en" if english else "oov")
    return f"{case}.{kind}{'+en' if english and kind != 'en' else ''}"


@lru_cache(maxsize=8192)
def _word(tok: str, start: bool) -> tuple[str, str, str | None, bool]:
    """One word's (folded form, shape, vocabulary class, possessive): cached, as prose repeats its words."""
    low = fold(tok)
    poss = low.endswith(("'s", "s'"))
    if poss:
        low = low[:-2] if low.endswith("'s") else low[:-1]
    low = low.replace("'", "")
    if tok[0].isdigit():
        return "<n>", f"N{min(len(tok), 5)}", None, False
    return low, _shape(tok, low, start, lexicon()), _classes().get(low), poss


def stretch_features(toks: list[tuple[str, bool]]) -> set[str]:
    """The features of one stretch of text: (token, opens a sentence) pairs."""
    lows: list[str] = []
    tags: list[str] = []
    out: set[str] = set()
    seen: set[str] = set()
    for tok, start in toks:
        low, tag, cls, poss = _word(tok, start)
        if cls:
            seen.add(cls)
        if poss:
            out.add("poss")
            out.add("tp:" + tag)
        lows.append(low)
        tags.append(cls or tag)
    ngram_features(lows, out)
    for i, tag in enumerate(tags):
        out.add("t:" + tag)
        if i:
            out.add("tt:" + tags[i - 1] + " " + tag)
            out.add("wt:" + lows[i - 1] + " " + tag)
            out.add("tw:" + tags[i - 1] + " " + lows[i])
    names = {t for t in tags if t[:2] in ("C.", "U.") and t[2:] != "en"}
    pool = sorted(seen | {t.split("+")[0] for t in names})
    out.update(f"p:{a}&{b}" for n, a in enumerate(pool) for b in pool[n + 1 :])
    return out


Stretch = tuple[int, int, list[tuple[str, bool]]]  # start and end offsets in the text, (token, opens a sentence)


def _sentences(text: str) -> Iterator[list[tuple[int, int, str, bool]]]:
    """Each sentence's tokens with their offsets (a sentence longer than `_STRETCH` tokens in pieces)."""
    for sentence in _SENTENCE.finditer(text):
        at = sentence.start()
        toks = [(at + m.start(), at + m.end(), m.group(), n == 0)
                for n, m in enumerate(_TOKEN.finditer(sentence.group()))]
        for k in range(0, len(toks), _STRETCH):
            yield toks[k : k + _STRETCH]


def stretches(text: str) -> Iterator[Stretch]:
    """What is scored: each sentence, and each two neighbouring sentences together when they fit in `_STRETCH`
    tokens (a corpus line, what the model learnt from, is one to a few sentences); at most twice the text's words."""
    prev: list[tuple[int, int, str, bool]] = []
    for toks in _sentences(text):
        if not toks:
            continue
        yield toks[0][0], toks[-1][1], [(t, s) for _a, _b, t, s in toks]
        if prev and len(prev) + len(toks) <= _STRETCH:
            yield prev[0][0], toks[-1][1], [(t, s) for _a, _b, t, s in prev + toks]
        prev = toks


def features(text: str) -> set[str]:
    """Features of a whole line (what the trainer sees: one corpus line is one example)."""
    return stretch_features([(t, s) for toks in _sentences(text) for _a, _b, t, s in toks])


class IdentifierModel(LinearModel):
    """The screen's model: flags text when any stretch of it scores at or above the threshold."""

    def probability(self, text: str) -> float:
        """The highest probability of any stretch of `text`."""
        return max((self.probability_of(stretch_features(toks)) for _a, _b, toks in stretches(text)), default=0.0)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Where the flagged stretches start and end, within the first `MODEL_CHARS` of `text`: a sentence, or two
        neighbouring sentences when neither alone is flagged (so redaction removes no more than it must)."""
        prev: list[tuple[int, int, str, bool]] = []
        prev_hit = False
        for toks in _sentences(text[:MODEL_CHARS]):
            if not toks:
                continue
            hit = self._hit(toks)
            if hit:
                yield toks[0][0], toks[-1][1]
            elif prev and not prev_hit and len(prev) + len(toks) <= _STRETCH and self._hit(prev + toks):
                yield prev[0][0], toks[-1][1]
            prev, prev_hit = toks, hit

    def _hit(self, toks: list[tuple[int, int, str, bool]]) -> bool:
        return self.probability_of(stretch_features([(t, s) for _a, _b, t, s in toks])) >= self.threshold


@lru_cache(maxsize=2)
def get_model(path: Path = MODEL_PATH) -> IdentifierModel | None:
    """The committed model, or None when none is committed (the rules then screen alone)."""
    return IdentifierModel.load(path) if path.exists() else None
