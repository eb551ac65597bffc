"""Where a relative works, said in ways pointers.py's `_workplaces` does not read (round 27): one of the writer's own
staff ("dad is one of our own lunchtime supervisors", "mum's our school cook"), a one-of-a-kind post "here" or
"there" ("dad's the caretaker here"), a job in an apposition ("the mother, a nurse at Clatterbridge,") or carried
to the next clause by a pronoun ("the uncle? he's a paramedic based in Runcorn"). Each reads a bounded window after
a cue word found with str.find: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span
from bot.privacy.pointers import _RELATIVE, _RELATIVE_WORDS, _STREET_NEXT, RELATIVE_AT, WORK_TARGET, _named_place
from bot.privacy.source import _reach_ahead

# Jobs with no job-like ending ("cook", "nurse"); a word ending like a job ("organist", "groundsman", "supervisors")
# is one unless it names a family member or a person a service sees ("user", "member", "parent").
_PLAIN_JOBS = frozenset({"cook", "chef", "nurse", "clerk", "coach", "guard", "medic", "nanny", "vet", "pilot",
                         "paramedic", "mechanic", "electrician", "technician", "cleaner", "pcso", "ta", "lsa", "hlta",
                         "cashier", "barista", "chaplain", "verger", "caretaker", "janitor", "midwife", "gp",
                         "dentist", "pharmacist", "constable", "sergeant", "firefighter", "postie", "porter"})
_JOB_END = re.compile(r"(?:er|or|ist|ian|man|men|lady|ladies|ess|ant|keeper|ic)s?$")
_NOT_JOBS = frozenset({"user", "member", "customer", "client", "visitor", "reader", "viewer", "follower", "supporter",
                       "number", "order", "letter", "matter", "paper", "manner", "minor", "concern", "other", "ant",
                       "neighbour", "partner", "parent", "tenant", "resident", "patient", "applicant", "participant",
                       "attendee", "volunteer", "favour", "error", "winner", "loser", "runner", "beginner", "sender"})


def job_word(word: str) -> bool:
    """'verger', 'lunchtime supervisors', 'pcso', 'cook': a word naming a job, not a family member or a service user."""
    w = word.lower().rstrip("'’").rsplit("-", 1)[-1]  # ("half-brother": a relative, round 32)
    stem = w[:-1] if w.endswith("s") and w[:-1] in _PLAIN_JOBS else w
    if stem in _PLAIN_JOBS:
        return True
    if len(w) < 5 or w in _RELATIVE_WORDS or w.rstrip("s") in _NOT_JOBS or w in lexicon().vocab.role_words:
        return False
    return _JOB_END.search(w) is not None


_BE = r"(?:['’]s|\s{1,3}(?:is|was|works\s{1,3}as))\s{1,3}(?:(?:also|now|still|actually)\s{1,3})?"
# "dad is (one of) our (own) lunchtime supervisors", "nan is the head cook there": the job, then where it is.
OUR_STAFF = re.compile(
    rf"\b{_RELATIVE}\b(?:\s{{1,3}}in\s{{1,3}}question)?{_BE}"
    r"(?:(?:one\s{1,3}of\s{1,3})?(?:our|the\s{1,3}(?:school|club|church|centre|nursery)['’]s)\s{1,3}(?:own\s{1,3})?"
    r"((?:[a-z][\w\-]{1,20}\s{1,3}){0,2}[a-z][\w\-]{1,25})\b"
    r"|(?:the|(?:a|an)(?!\s{1,3}(?:lot|bit|little|touch|tad|much|far)\b))\s{1,3}((?:[a-z][\w\-]{1,20}\s{1,3}){0,2}[a-z][\w\-]{1,25})\s{1,3}(?:here|there)\b)",
    re.IGNORECASE)
_WORD_RUN = re.compile(r"[\w\-]+")
_STAFF_CUES = frozenset({"our", "here", "there", "school", "club", "church", "centre", "nursery"})
# After a relative: ", a nurse at ..."; or a new clause whose pronoun carries them back ("? he's a ...", " - she's a").
# (or a note's dash or colon: "mum - receptionist at ...", "dad: a porter at ...", round 43; or a bracket: "dad (head
# chef at the X)", round 52)
APPOSITION = re.compile(r"\s{0,2},\s{0,3}(?:a|an)\s{1,3}|\s{0,2}(?:\s[\-–]|:)\s{1,3}(?:(?:a|an)\s{1,3})?"
                        r"|\s{0,2}\(\s{0,2}(?:(?:a|an)\s{1,3})?", re.IGNORECASE)
PRONOUN_JOB = re.compile(r"(?:he|she)" + _BE + r"(?:a|an)\s{1,3}", re.IGNORECASE)
_BREAKS = ("?", "!", ";", ",", ".", " -", " –")  # a clause's end right before the pronoun
_WORD = re.compile(r"[a-z]+")
JOB_THEN = re.compile(r"((?:[\w\-]{1,20}\s{1,3}){0,2}?[\w\-]{2,25})\s{1,3}"
                      r"(?=(?:(?:based|working|employed|stationed)\s{1,3})?(?:at|in|on)\s)", re.IGNORECASE)


@cache
def _between_stops() -> frozenset[str]:
    v = lexicon().vocab
    return frozenset(v.professional_roles) | frozenset(v.role_words) - _RELATIVE_WORDS


def relative_workplaces(src: Source, words: frozenset[str]) -> Iterator[Span]:
    text, gate = src.text, _RELATIVE_WORDS & words
    if not gate:
        return
    if words & _STAFF_CUES:
        for m in src.at_words(OUR_STAFF, gate):
            phrase = m.group(1) or m.group(2)
            if job_word(phrase.split()[-1]):
                yield "workplace", m.start(), m.end()
            # or the first of the words after "our" that names a job ("our school caretaker so...", round 33)
            elif m.group(1) and (job := next((w for w in _WORD_RUN.finditer(text, m.start(1), m.end(1))
                                              if job_word(w.group())), None)):
                yield "workplace", m.start(), job.end()
    # (each relative or pronoun and what it reads around it taken once per distinct text: Source.read_at_words)
    if ("," in text and words & {"a", "an"}) or " - " in text or " – " in text or ":" in text or "(" in text:
        for start, _end, found in src.read_at_words(RELATIVE_AT, gate, _appositive_job, (0, _APPOSITIVE_READ)):
            yield from (("workplace", start + a, start + b) for a, b in found or ())
    if not words & {"he", "she", "he's", "she's"}:
        return
    for start, _end, found in src.read_at_words(PRONOUN_JOB, frozenset({"he", "she"}), _pronoun_job,
                                                (_PRONOUN_BACK, _PRONOUN_READ)):
        yield from (("workplace", start + a, start + b) for a, b in found or ())


def _appositive_job(src: Source, rel: re.Match[str]) -> tuple[tuple[int, int], ...]:
    """'the mother, a nurse at Clatterbridge': the workplace after a relative and an apposition (from its start)."""
    text, start = src.text, rel.start()
    end = rel.end()
    if label := JOB_LABEL.match(text, end, end + 32):  # "parent occupation: receptionist at X" (round 49)
        end = label.end()
    if link := APPOSITION.match(text, end, end + 12):
        return tuple((a - start, b - start) for _, a, b in _job_placed(text, start, link.end()))
    return ()


# A form's or a note's field for a relative's work, between the relative and the job ("mum's occupation:",
# "dads shift pattern –", "parent employment -"): the job after it is the relative's (round 49).
JOB_LABEL = re.compile(r"(?:['’]?s)?\s{1,3}(?:occupation|job|work|employment|employer|shift\s{1,3}pattern|shifts?)"
                       r"(?=\s{0,2}(?:\s[\-–]|:))", re.IGNORECASE)


def _pronoun_job(src: Source, pro: re.Match[str]) -> tuple[tuple[int, int], ...]:
    """'the uncle? he's a paramedic based in Runcorn': a relative's job carried by a pronoun (from its start). The
    relative is the last relative's word in the 90 characters before it (a word of the message's own, so one of
    _RELATIVE_WORDS there is one of the message's relatives)."""
    text = src.text
    lo = max(0, pro.start() - 90)
    before = text[lo:pro.start()].rstrip()
    if not before.endswith(_BREAKS):
        return ()  # no clause ends right before the pronoun
    low = before.lower()
    rel = None
    for word in _WORD.finditer(low):
        if word.group() in _RELATIVE_WORDS:
            rel = word  # the last relative before the break
    if rel is not None and _between_stops().isdisjoint(_WORD.findall(low, rel.end())):
        # ("mum rang the SW - she's a locum at the MASH": the pronoun is the worker)
        return tuple((a - pro.start(), b - pro.start()) for _, a, b in _job_placed(text, lo + rel.start(), pro.end()))
    return ()


# what the readings above look at past their cue: the job within 90 characters, a street word after its place
_APPOSITIVE_READ = _reach_ahead(RELATIVE_AT) + 32 + 12 + 90 + _reach_ahead(_STREET_NEXT)
_PRONOUN_BACK, _PRONOUN_READ = 91, _reach_ahead(PRONOUN_JOB) + 90 + _reach_ahead(_STREET_NEXT)


def _job_placed(text: str, start: int, after: int) -> Iterator[Span]:
    """The job after `after` and where it is done: 'nurse at Clatterbridge', 'paramedic based in Runcorn'."""
    end = min(len(text), after + 90)
    job = JOB_THEN.match(text, after, end)
    if not job or not job_word(job.group(1).split()[-1]):
        return
    target = next((t for t in WORK_TARGET.finditer(text, job.end(), min(end, job.end() + 40))
                   if _named_place(t, text)), None)
    if target:
        yield "workplace", start, target.end()
