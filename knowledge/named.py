"""What a question names that the search alone would misread: another partnership's group, the asker's own
organisation.

A group the asked-about partnership does not have. Each partnership names its own groups ("Practice
Improvement Group" is Cheshire West's; Halton's nearest is its "Safeguarding Practice Group"). Asked about "the
Halton practice improvement group", the search would find Halton's group with the most words in common and
answer as if it were the one asked about. Instead the answer says plainly that the area's arrangements have no
group of that name and whose it is.

The asker's own organisation. "I run a junior football club - are we a relevant agency?" asks whether the
organisation is in the area's list; its name (unknown words, at full weight) would sink every entry, so the
answer is the area's list of relevant agencies, with the organisation picked out when the list names it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from knowledge.base import KnowledgeBase
from knowledge.intents import name_noise
from knowledge.models import Entry
from knowledge.partnerships import NATIONAL, display_name
from knowledge.roles import roles
from knowledge.shown import entry_text
from knowledge.text import (
    ACRONYMS,
    GENERIC,
    PLACES,
    STOPWORDS,
    US_UK,
    expand,
    fold,
    raw_tokens,
    stem,
    strip_places,
    terms,
)
from knowledge.vocabulary import vocabulary


@dataclass(frozen=True)
class ForeignGroup:
    entry: Entry  # the group entry of the partnership that has it
    name: str  # its name as the documents write it

    def text(self, area: str) -> str:
        return (f"{display_name(area)}'s arrangements name no {self.name}; that is "
                f"{display_name(self.entry.partnership)}'s.")


def _spelt_out(tokens: list[str]) -> list[str]:
    """Acronyms written out in place ("the PIG" reads as "the practice improvement group")."""
    acronyms = vocabulary().acronyms
    out: list[str] = []
    for t in tokens:
        out.extend(raw_tokens(acronyms[t]) if t in acronyms else [t])
    return out


def _core(name: str) -> list[str]:
    """The distinctive run of a group's name: its stems without the noise words at either end."""
    stems = [stem(t) for t in _spelt_out(raw_tokens(name))]
    noise = {stem(t) for t in name_noise()[1]}
    while stems and stems[0] in noise:
        stems.pop(0)
    while stems and stems[-1] in noise:
        stems.pop()
    return stems


def _holds(text: str, core: list[str]) -> bool:
    return f" {' '.join(core)} " in text


class GroupNames:
    """Group names per partnership, and each partnership's text, to tell whose group a question names."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.groups: list[tuple[Entry, list[str]]] = []
        texts: dict[str, list[str]] = {}
        for e in kb:
            texts.setdefault(e.partnership, []).append(" ".join(stem(t) for t in _spelt_out(raw_tokens(entry_text(e)))))
            if e.group is not None and e.partnership != NATIONAL:
                core = _core(e.group.name)
                if len([w for w in core if w not in {stem(t) for t in name_noise()[1]}]) >= 2:
                    self.groups.append((e, core))  # a one-word name ("Impact forum") is too loose to tell
        self.texts = {p: f" {' '.join(ts)} " for p, ts in texts.items()}

    def foreign(self, question: str, area: str | None) -> ForeignGroup | None:
        """The group the question names, when it is another partnership's and `area`'s documents never name it."""
        if area is None or area == NATIONAL:
            return None
        asked = " " + " ".join(stem(t) for t in _spelt_out(raw_tokens(question))) + " "
        for e, core in self.groups:
            if e.partnership != area and _holds(asked, core) and not _holds(self.texts.get(area, " "), core):
                assert e.group is not None
                return ForeignGroup(e, e.group.name)
        return None

    def unheld(self, question: str, area: str | None, corrected: dict[str, str] | None = None) -> str | None:
        """A group the question names ("the neglect sub group") that neither the area's documents nor the
        national entries write, so the nearest group found by shared words would be another group.
        `corrected`: the search's spelling corrections ("reveiw" -> "review")."""
        if area is None or area == NATIONAL:
            return None
        fixed = corrected or {}
        held = self.texts.get(area, " ") + self.texts.get(NATIONAL, " ")
        for m in _GROUP_NAMED_RE.finditer(strip_places(fold(question)).replace("sub group", "subgroup")):
            before, word, kind = m.group(1), fixed.get(m.group(2), m.group(2)), m.group(3)
            w = self._naming(word)
            if w == "" and before and stem(word) in GENERIC:  # "domestic abuse panel": the word before names it
                w, word = self._naming(fixed.get(before, before)), f"{before} {word}"
            if not w or f" {w} " in self._group_words.get(area, " ") or _held_re(w).search(held):
                continue
            shown = " ".join(t.upper() if t in ACRONYMS else t for t in word.split())
            return f"{shown} {'sub-group' if kind == 'subgroup' else kind}"
        return None

    @staticmethod
    def _naming(word: str) -> str:
        """The stem a group's name would carry for this word ("exec" -> executive), or "" for a word naming none."""
        w = stem(_spelt_out([US_UK.get(word, word)])[-1])  # "exec" -> executive, "CSE" -> exploitation
        noise = name_noise()[1]
        return "" if word in STOPWORDS or word in PLACES or w in noise or w in GENERIC or stem(word) in noise else w

    @cached_property
    def _group_words(self) -> dict[str, str]:
        """Per partnership, the stems of its groups' names."""
        out: dict[str, set[str]] = {}
        for e, core in self.groups:
            out.setdefault(e.partnership, set()).update(core)
        return {p: f" {' '.join(ws)} " for p, ws in out.items()}


# "the neglect sub group", "the halton CSE panel": one group, named, after "the" (places stripped first).
_GROUP_NAMED_RE = re.compile(r"(?<![a-z0-9])the\s+(?:([a-z]{3,})\s+)?([a-z]{3,})\s+"
                             r"(subgroup|group|panel|forum|committee)(?![a-z0-9])")
# The documents write the word within this many words before a kind of group ("child death overview panel").
HELD_WINDOW = 4
_KINDS = "sub|subgroup|group|panel|forum|committe|board|network|hub|partnership|meet"


@lru_cache(maxsize=256)
def _held_re(w: str) -> re.Pattern[str]:
    return re.compile(rf" {re.escape(w)} (?:\S+ ){{0,{HELD_WINDOW - 1}}}(?:{_KINDS}) ")


@lru_cache(maxsize=1)
def _membership_re() -> re.Pattern[str]:
    """A cue's words may have an adverb that changes nothing between them ("are we actually listed as")."""
    fillers = "|".join(re.escape(w) for w in sorted(vocabulary().choice_fillers))
    gap = rf"(?:\s+(?:{fillers}))?\s+" if fillers else r"\s+"
    cues = sorted(vocabulary().membership_cues, key=len, reverse=True)
    alts = "|".join(gap.join(re.escape(w) for w in c.split()) for c in cues)
    return re.compile(r"(?<![a-z0-9])(" + alts + r")(?![a-z0-9])")


def is_membership_request(question: str) -> bool:
    """'are we a relevant agency', 'is our club part of the arrangements': is the asker's organisation in them.
    Not 'which CDOP are we part of': a clause asking which body asks for that body, not for the agency list."""
    folded = fold(question)
    m = _membership_re().search(folded) if vocabulary().membership_cues else None
    if m is None:
        return False
    clause = re.split(r"[.?!,;:]| - ", folded[:m.start()])[-1].split()
    return not (clause and clause[0] in ("which", "what", "whats"))


def agency_list(kb: KnowledgeBase, area: str, names: Callable[[Entry], bool]) -> Entry | None:
    """The area's list of relevant agencies: the one naming the asker's organisation (`names`), else the longest."""
    lists = [e for e in kb if e.partnership == area and e.agencies]
    return max(lists, key=lambda e: (names(e), len(e.agencies)), default=None)


def asker_kinds(question: str) -> frozenset[str]:
    """'how do schools like ours get a voice' -> {'school'}: the kind of organisation the asker says they are, the
    word before a `kind_cues` phrase (never a stopword or a generic word)."""
    cues = vocabulary().kind_cues
    tokens = raw_tokens(fold(question))
    kinds = set()
    for cue in cues:
        words = cue.split()
        for i in range(1, len(tokens) - len(words) + 1):
            if tokens[i:i + len(words)] == words and tokens[i - 1] not in STOPWORDS and tokens[i - 1] not in GENERIC:
                kinds.add(stem(tokens[i - 1]))
    return frozenset(kinds) - name_noise()[0] - name_noise()[1]


def kind_entry(question: str, entries: list[Entry], area: str) -> Entry | None:
    """The area's entry titled by the asker's kind ("How schools, colleges and early years are included" for "schools
    like ours"): neither a group nor a list of agencies, among the best few found."""
    kinds = asker_kinds(question)
    if not kinds:
        return None
    return next((e for e in entries if e.partnership == area and e.group is None and not e.agencies
                 and kinds & {stem(t) for t in raw_tokens(fold(e.title))}), None)


@lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    """'group', 'panel', 'forum' ...: the last word of each `group_cues` phrase ("which panel"), and its plural."""
    last = {c.split()[-1] for c in vocabulary().group_cues}
    return frozenset(last | {f"{w}s" for w in last})


def asked_member_roles(question: str) -> list[frozenset[str]]:
    """'can DSLs be part of any group': the roles a question about groups names ({'design', 'safeguard', 'lead'}
    for "DSLs"), each as the stems of its expansion; [] when it names no group word or no role."""
    tokens = raw_tokens(fold(question))
    if _group_words().isdisjoint(tokens):
        return []
    single, multi = roles()
    found = [(t,) for t in tokens if t in single]
    found += [m for m in multi if any(tuple(tokens[i:i + len(m)]) == m for i in range(len(tokens)))]
    out = []
    for role in found:
        own = {t for t in terms(list(role)) if not t.startswith("~")}
        wide = {t for t in terms(expand(list(role))) if not t.startswith("~")} - own
        out.append(frozenset(wide or own))
    return out


def names_member(e: Entry, asked: list[frozenset[str]]) -> bool:
    """The group's membership names one of the roles asked about ("Designated Safeguarding Leads from ...")."""
    if e.group is None or not asked:
        return False
    items = [frozenset(t for t in terms(expand(raw_tokens(m))) if not t.startswith("~")) for m in e.group.membership]
    return any(role <= item for role in asked for item in items)
