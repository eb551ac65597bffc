"""Descriptions that point at one person without a name: a social media username, a vehicle (registration,
or colour and make), where a parent works ("mum works at the Tesco in Widnes").

Same rules as patterns.py: bounded quantifiers only, one lazy detector per kind, cheap gates first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import alternation as _alternation
from bot.privacy.lexicon import lexicon, vocabulary
from bot.privacy.patterns import Source, Span
from bot.privacy.plate_cues import before_digit_runs
from bot.privacy.source import MANY_CUES, _reach_ahead, _reach_back
from bot.privacy.work_settings import lower_setting

# "@kayla_x", not an e-mail (which has a word before the @) and not a Slack mention.
# (the look-behind after the @, not before it: the engine then searches for the @ itself, far faster)
HANDLE = re.compile(r"@(?<![\w.@<]@)[A-Za-z0-9_][A-Za-z0-9_.]{1,29}")
NOT_HANDLES = frozenset({"@here", "@channel", "@everyone"})
# A registration plate in the current format (AB12 CDE), in capitals; in lower case only after a cue (REG_CUE).
# Also "AB-12-CDE" and the older prefix format "A123 BCD".
# ("[A-Z](?<!\w[A-Z])" is "\b[A-Z]" in a form the engine scans for far faster)
# (round 50: the prefix letter spaced off too, "R 728 KNP", with two or three digits)
PLATE = re.compile(r"[A-Z](?<!\w[A-Z])(?:[A-Z][\s\-]?\d{2}[\s\-]{0,2}[A-Z]{3}\b|\d{1,3}\s{0,2}[A-Z]{3}\b"
                   r"|\s\d{2,3}\s[A-Z]{3}\b)")
# A plate typed in lower case ("mk15 ovz", "p567 kjt"): its letters after the digits spell no word ("yr10 and").
# ("fd 12 ywx" spaced too, when its first letters are no word: not "by 15 jan")
LOWER_PLATE = re.compile(r"\b(?:([a-z]{2})\s?\d{2}|[a-z]\d{1,3})\s{0,2}([a-z]{3})\b")
REG_CUE = re.compile(
    r"\b(?:reg(?:istration)?|number\s{0,2}plate|plate|vrm)\b\.?(?:\s{0,3}(?:no|number|is|was|of|starting|ending|"
    r"begins|began|started|starts|ended|ends|partially|partial|part|like|something|with|:|-)\b\.?){0,3}[\s:#\-'\"‘“]{0,4}"
    # a plate has letters: "reg 28" is a regulation
    r"(?=[A-Z]{1,4}[\s\-]?\d)[A-Z0-9]{2,4}(?:[\s\-]{0,2}[A-Z0-9]{1,4})?",
    re.IGNORECASE,
)
_RELATIVE = (r"(?:mum|mam|mom|mother|dad|father|step-?dad|step-?mum|stepfather|stepmother|nan|nana|gran|grandad|"
             r"grandma|grandpa|aunt|auntie|aunty|uncle|carer|parent|partner|boyfriend|girlfriend|brother|sister|"
             # relatives named in full words ("the grandmother, who is the parish clerk in X", "dad's wife is a ...")
             r"cousin|bf|gf|grandmother|grandfather|granddad|grandparent|husband|wife)")
# Not family but as identifying when their job is placed: the person a concern is about ("the alleged perpetrator
# works at...", "the man she's seeing drives for...").
# Round 35: the person a housing or probation note is about ("the tenant works as a doorman at...").
_CONCERN = (r"(?:perpetrator|perp|abuser|suspect|offender|lodger|neighbour|man|male|bloke|fella|guy|tenant|"
            r"service[\s\-]{0,2}user)")
_RELATIVE_WORDS = frozenset((_RELATIVE[3:-1] + "|" + _CONCERN[3:-1]).replace("-?", "").replace("?", "").split("|")) | {
    "step", "stepdad", "stepmum", "mums", "dads", "stepdads", "nans", "service"}
_REG_CUES = frozenset({"reg", "registration", "number", "plate", "vrm"})
# Part of a plate ("reg started with CH", "plate ending in 7KX") and a taxi's licence plate ("the taxi with plate
# 1123"): after "started / ending with", letters in capitals or digits; after "plate" itself, a number.
PART_PLATE = re.compile(  # case matters for the letters only: "reg started with it" names no plate
    r"\b(?i:reg(?:istration)?|number\s{0,2}plate|plate|vrm)\b\.?(?:\s{1,3}(?i:no|number|is|was)\b\.?){0,2}\s{1,3}"
    r"(?:(?i:starting|starts|started|begins|began|beginning|ending|ends|ended)\s{1,3}(?i:with|in)\s{1,3}['\"‘“]?"
    r"(?:[A-Z]{1,3}|[A-Z0-9]{2,4})\b"
    r"|(?<=(?i:plate) )(?:\([^)\n]{1,30}\)\s{1,3})?(?:(?i:no)\.?\s{0,2})?\d{2,5}\b)"  # "plate (halton licence) 0472"
)
# A relative (not "partner agencies"), then in the same clause a job and where it is done.
RELATIVE_AT = re.compile(rf"\b(?:{_RELATIVE}|{_CONCERN})(s(?=\s{{1,3}}(?:a|an|the|occupation|job|shift)\s))?\b"
                         rf"(?!\s{{1,3}}(?:agenc|organi[sz]ation|service))",
                         re.IGNORECASE)
IS_JOB = re.compile(
    # "dad, he's a firefighter at...": a pronoun after the relative carries the job back to them
    # ("stepdad who's a PCSO on ...": "who" straight after the relative and before a job, round 30)
    r"(?:\s{0,2}[,\-–]\s{0,3}(?:he|she|who)(?=['’\s])|\s{1,3}who(?=(?:['’]s|\s{1,3}(?:is|was))\s{1,3}an?\s)"
    r"|\s{1,3}(?:says|said|reports|reported)\s{1,3}(?:he|she)(?=['’\s]|s\s))?"  # ("mum says shes a", round 49)
    r"(?:['’]?s|\s{1,3}(?:is|was))\s{1,3}(?:a|an|the|one\s{1,3}of|head|chief|senior|deputy|assistant|"
    r"lead|sous|night|relief|agency|supply"
    # a post held alone, with no article ("uncle is landlord of the X", "dad is manager at X")
    r"|landlord|landlady|licensee|manager|owner|proprietor|caretaker|chef|supervisor|foreman|steward|warden|"
    r"headteacher|coach|captain|treasurer"
    # "mum's on the tills at Aldi": a post named by where it is done
    r"|on\s{1,3}(?:the\s{1,3})?(?:tills?|checkouts?|reception|counter|bar|door|doors|desk|gate))\b", re.IGNORECASE)
# "stepdad drives the 42 bus", "uncle drives the number 10": one route, one driver.
# Also a run by its time ("drives the 7.15 school bus") or the school it serves ("the school minibus for St Mary's").
BUS_ROUTE = re.compile(r"\s{1,3}(?:the\s{1,3})?(?:number\s{1,3}\d{1,3}[a-z]?|(?:no\.?\s{0,2})?\d{1,3}[a-z]?\s{1,3}"
                       r"(?:bus|route|service)"
                       r"|(?:\d{1,2}[.:]\d{2}\s{0,2}(?:am|pm)?|\d{1,2}\s{0,2}(?:am|pm))\s{1,3}(?:school\s{1,3})?"
                       r"(?:bus|minibus|coach|taxi|run)"
                       r"|school\s{1,3}(?:bus|minibus|coach|taxi)\s{1,3}(?:for|to)\s{1,3}(?-i:[A-Z]))\b", re.IGNORECASE)
# "dad manages the Tesco Extra", "uncle owns the Spar": the workplace as the object of the verb.
_OWN_VERBS = frozenset({"runs", "ran", "owns", "owned", "manages", "managed"})
# (or a business named by two or more capitalised words, no article: "owns Hartley Plant Hire", round 28)
OWNS_PLACE = re.compile(r"\s{1,3}(?:(?i:the|a|an)\s{1,3}[A-Z][\w'’\-]{1,30}"
                        r"|[A-Z][\w'’\-]{1,30}(?:\s{1,2}(?:&\s{1,2}|and\s{1,2})?[A-Z][\w'’\-]{1,30}){1,3})")
ASIDE = re.compile(r"\s{0,2}\([^()\n]{1,40}\)")
_NOUN_BEFORE = re.compile(r"\b(?:the|their|our|his|her|its|this|that)\s{1,3}$", re.IGNORECASE)
_AGENCY_BEFORE = re.compile(r"\b(?:a|an|each|every|any|one|other|the|all|statutory|relevant|key|lead|safeguarding|"
                            r"three|health|education|local)\s{1,3}$", re.IGNORECASE)
_BARE_JOB = re.compile(r"\s{1,3}(?:a|an|the)\b", re.IGNORECASE)
_OBJECT = re.compile(r"\s{1,3}(?:the|a|an)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[!?;\n]|\b(?:so|but|because|cos|while|whilst|although|though|until)\b",
                         re.IGNORECASE)  # (not the point in "the 7.15 bus")
_NOT_PLACE = (r"(?:weekends?|moment|minute|time|day|night|nights|morning|mornings|afternoons?|evenings?|holidays?|"
              r"week|end|min|mo|back|home|child|children|family|families|partnership|partners?|parents?|welfare|"
              r"work|young|baby|person|people|case|plan|process|"
              r"same\s{1,3}time|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
              r"august|september|october|november|december|christmas|easter)\b")
WORK_TARGET = re.compile(
    r"\b(?i:at|in|on|for|by|near|round|around|from|of|behind|opposite|outside|with|next\s{1,3}to|covering)"
    r"\s{1,3}"  # ("a PCSO covering Upton ward": round 30)
    rf"(?:(?i:the|a|an|our|his|her|their|this|that|your)\s{{1,3}}(?:(?i:own)\s{{1,3}})?(?!(?i:{_NOT_PLACE}))"
    r"[A-Za-z0-9][\w'’\-]{1,30}"
    rf"|(?!(?i:{_NOT_PLACE}))([A-Za-z][\w'’\-]{{1,30}}))"
)


@cache
def _work_cue() -> re.Pattern[str]:
    verbs = _alternation(lexicon().vocab.work_verbs)
    return re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)


def _workplaces(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """'mum's the receptionist at the dentist in Neston', 'uncle runs the car wash by the roundabout in Bewsey'."""
    # each relative and its clause read once per distinct text around it (Source.read_at_words)
    for start, _end, found in src.read_at_words(RELATIVE_AT, _RELATIVE_WORDS & words, _workplace_of,
                                                (_WORK_BACK, _WORK_READ)):
        if found is not None:
            yield "workplace", start, start + found


def _workplace_of(src: Source, rel: re.Match[str]) -> int | None:
    start = rel.start()
    return _workplace(src, start, 0, rel.end() - start, rel.group(1) is not None)


_WORK_NEAR = 120  # how far after the relative its job and workplace are read


def _workplace(src: Source, start: int, _window_end: int, length: int, plural: bool) -> int | None:
    """Where the workplace named in the clause of the relative at text[start:start + length] ends (from start)."""
    text, cue, rel_end = src.text, _work_cue(), start + length
    if text[start:rel_end].lower() == "partner" and _AGENCY_BEFORE.search(text, max(0, start - 14), start):
        return None  # "a partner does not pay its share in Halton": an agency; "her partner", "mum's partner"
    end = min(len(text), rel_end + _WORK_NEAR)
    stop = _CLAUSE_END.search(text, rel_end, end)
    end = stop.start() if stop else end
    aside = ASIDE.match(text, rel_end, end)  # "uncle (main carer) is the manager of..."
    after = aside.end() if aside else rel_end
    # "mums a cleaner at...": the apostrophe dropped; "mums who work at the hospital" are any mums
    job = IS_JOB.match(text, after, end) or (None if plural else src.search(cue, after, end))
    if plural and job is None:
        job = _BARE_JOB.match(text, after, end)
    if not job or _NOUN_BEFORE.search(text, max(0, job.start() - 7), job.start()):
        return None  # "contributing to the work of the partnership": the noun, not the verb
    if job.group().lower() in ("has", "had") and not _OBJECT.match(text, job.end(), end):
        # "auntie has the nail bar", not "carer has complex needs ... for the child"; "has got a job as" (round 35)
        job = src.search(cue, job.end(), end) if not plural else None
        if not job or job.group().lower() != "job":
            return None
    owned = job.group().lower() in ("has", "had")
    target = next((t for t in WORK_TARGET.finditer(text, job.end(), end)
                   if _named_place(t, text)
                   # "gran has an order ... support from the LA": what someone has is a business only where it is
                   and not (owned and t.group().split()[0].lower() in ("from", "for", "with", "of"))), None)
    if target is None and not owned and (setting := lower_setting(text, job.start(), job.end(), end)):
        return setting - start  # "at little stars nursery" (round 32, work_settings.py)
    if target is None and job.group().lower() in _OWN_VERBS:
        target = OWNS_PLACE.match(text, job.end(), end)
    if target is None and job.group().lower() in ("drives", "drove"):
        target = BUS_ROUTE.match(text, job.end(), end)
    return target.end() - start if target else None


@cache
def _solo_job() -> tuple[re.Pattern[str], frozenset[str]]:
    jobs = lexicon().vocab.solo_jobs
    return (re.compile(rf"(?:he|she)(?:(?:['’]?s|\s{{1,3}}(?:is|was))\s{{1,3}}(?:now\s{{1,3}}|still\s{{1,3}})?"
                       rf"the\s{{1,3}}(?:{_alternation(jobs)})\b|\s{{1,3}}(drives|drove)\b)", re.IGNORECASE),
            frozenset(j.split()[-1] for j in jobs) | {"drives", "drove"})


_SITE_PREPOSITIONS = frozenset({"at", "in", "on", "of", "outside", "behind", "opposite", "near"})
_ROUTE = re.compile(r"\s{1,3}the\s{1,3}\d{1,3}[A-Za-z]?\b(?!\s{1,3}(?:miles?|mins?|minutes?|hours?|times?|kids|"
                    r"children|boys|girls|of|or|and|to|-))", re.IGNORECASE)


def _solo_workplaces(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """"he's the groundsman at the cricket club in Hale": a job a site has one of, with the site, names its holder
    as a relative's workplace does; "he's the caretaker" with no site names no one."""
    pattern, gate = _solo_job()
    if not words & gate:
        return
    text = src.text
    for job in src.at_words(pattern, frozenset({"he", "she"})):
        end = min(len(text), job.end() + 80)
        stop = _CLAUSE_END.search(text, job.end(), end)
        end = stop.start() if stop else end
        if job.group(1):  # "he drives the number 10 bus", "she drives the 82C": one route, one driver
            target = BUS_ROUTE.match(text, job.end(), end) or _ROUTE.match(text, job.end(), end)
        else:  # "at / in / on" a place: "she's the caretaker for the building" names no site
            target = next((t for t in WORK_TARGET.finditer(text, job.end(), end)
                           if t.group().split()[0].lower() in _SITE_PREPOSITIONS and _named_place(t, text)), None)
        if target:
            yield "workplace", job.start(), target.end()


_STREET_NEXT = re.compile(rf"\s{{1,3}}(?:{_alternation(vocabulary().street_types)})\b")  # "at X street"
# what _workplace reads outside its relative's clause: the words before "partner", a street word after the clause
_WORK_BACK, _WORK_AHEAD = 14 + _reach_back(_AGENCY_BEFORE), _reach_ahead(_STREET_NEXT)
_WORK_READ = _reach_ahead(RELATIVE_AT) + _WORK_NEAR + _WORK_AHEAD


def _named_place(target: re.Match[str], text: str) -> bool:
    """'at the dentist', 'in Neston', and in lower case a place or a word in no English list ('at whiston
    hospital', 'behind aldi'): not 'in construction', 'for cash'."""
    word = target.group(1)
    if word is None or word[0].isupper():
        return True
    lex = lexicon()
    w = word.lower()
    return (w in lex.vocab.local_places or (w not in lex.english and w not in lex.rare_english)
            or w in lex.vocab.patron_titles or _STREET_NEXT.match(text, target.end()) is not None)


@cache
def _vocab_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str],
                             frozenset[str]]:
    v = lexicon().vocab
    platform = re.compile(
        rf"\b(?:{_alternation(v.social_platforms)})\b(?:\s{{0,3}}(?:name|id|handle|username|account|page|profile|"
        r"is|was|called|as|under|tag|user|channel|named|group|grp|gc|server|chat|:|-)\b){0,3}[\s:\-—–'\"‘“]{0,3}@?"
        r"(?:u/)?(?=[A-Za-z0-9_.]{0,30}[\d_.])[A-Za-z0-9_][A-Za-z0-9_.]{1,28}"
        r"[A-Za-z0-9_]",
        re.IGNORECASE,
    )
    vehicle = re.compile(
        rf"\b(?:{_alternation(v.colours)})\s{{1,3}}(?:[a-z]{{1,12}}\s{{1,3}})?(?:{_alternation(v.vehicle_makes)})\b"
        # "a silver Ford Focus pool car": a service's own vehicle
        r"(?!\s{1,3}(?:[a-z]{1,15}\s{1,3})?(?:pool|fleet|lease|courtesy)\s{1,3}(?:car|van|vehicle)s?\b)",
        re.IGNORECASE,
    )
    # A gamer tag in CamelCase or with a Discord number ("streams on twitch as NevaehPlays", "kacperN#0912").
    camel = re.compile(
        rf"\b(?i:{_alternation(v.social_platforms)})\b(?:\s{{0,3}}(?i:name|id|handle|username|account|page|profile|"
        r"tag|is|was|called|as|under|user|channel|named|:|-)\b){0,3}[\s:\-—–'\"‘“]{0,3}@?"
        r"(?:[A-Za-z0-9_.]{0,20}[a-z][A-Z][A-Za-z0-9_.]{0,20}(?:#\d{4})?|[A-Za-z0-9_.]{2,30}#\d{4})\b"
    )
    gate = v.social_platforms | v.vehicle_words | v.vehicle_makes | v.colours
    first = frozenset(w.split()[0] for w in v.social_platforms)
    colours = frozenset(w.split()[0] for w in v.colours)
    return platform, camel, vehicle, frozenset(w for g in gate for w in g.split()), first, colours


# "runcornlad99 on snap": a username-shaped word (with a digit, underscore or inner dot) just before on / via and
# a platform, looked for only in the few characters before each platform word.
HANDLE_BEFORE = re.compile(
    r"(?<![\w@.])([A-Za-z0-9_][A-Za-z0-9_.]{1,28}[A-Za-z0-9_])['’\"”]?\s{1,3}(?:on|via|from|over)\s{1,3}$")
_HANDLE_MARK = re.compile(r"\d|_|[a-z]\.[a-z]", re.IGNORECASE)
_MIXED_CASE = re.compile(r"[a-z][A-Z]")  # "xXshadowkidXx": capitals inside a word
# "streams on twitch as lilpaigeplays": a platform, "as" / "called", then one word in no English list.
# "yubo account lilprincessleah": the same after account / username / handle / page / channel / profile.
# ("twitch streamer lewtheleg": a streamer, user or gamer named after the platform too)
_AS_NAME = re.compile(r"\s{1,3}(?:as|called|named|account|username|handle|page|channel|profile|streamer|youtuber|"
                      r"tiktoker|vlogger|gamer|user)\s{1,3}(?:(?:is|was|-|:)\s{1,3})?([A-Za-z][A-Za-z0-9_.]{3,30})\b")


# "streams as 'LittleLiamGG'", "the twitch streamer 'YoungK Birkenhead'": a name in quotes after a word that
# introduces an account, in a message that names a platform.
_QUOTED_CUES = frozenset({"as", "called", "named", "streamer", "youtuber", "tiktoker", "account", "channel", "user",
                          "username", "handle", "gamertag", "tag", "profile", "page",
                          # "the group chat 'yr9 lads'", "goes by 'lil_ash' on telegram"
                          "chat", "group", "server", "by", "under"})
# ("under the name 'X'", "with the name of 'X'": round 28)
# ("his channel is 'X Y Z'", round 33: an account's own word, then is / was; "facebook name is 'X'", round 49)
QUOTED_HANDLE = re.compile(rf"\b(?:(?:account|channel|username|handle|gamertag|profile|page|name)\s{{1,3}}(?:is|was)"
                           rf"|{_alternation(_QUOTED_CUES)}|name(?:\s{{1,3}}of)?)\s{{1,3}}['\"‘“]"
                           r"([^'\"‘’“”\n\[\]]{2,30})['\"’”]",
                           re.IGNORECASE)
_QUOTED_STARTS = _QUOTED_CUES | {"name"}


# "his gamertag is Sniper Wolf 11": after a word only accounts have, a name that starts with a capital or holds a
# digit, underscore or dot, up to four words ("username is the same as..." passes).
ACCOUNT_NAME = re.compile(
    r"\b(?i:username|user\s?name|gamertag|gamer\s?tag|screen\s?name),?\s{1,3}(?i:is\s{1,3}|was\s{1,3}|:\s{0,3}|-\s{1,3})?"
    r"((?=[A-Z0-9_]|[a-z]{1,20}[\d_.A-Z])[A-Za-z0-9_.]{2,30}(?:\s[A-Z0-9][A-Za-z0-9_.]{0,20}){0,3})")
_ACCOUNT_WORDS = frozenset({"username", "user", "gamertag", "gamer", "screen"})


def _platform_words(low: str, platforms: frozenset[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each platform word in the lower-case text where a word starts (not inside "xsnap")."""
    for word in platforms:
        i = low.find(word)
        while i >= 0:
            if i == 0 or not low[i - 1].isalnum():
                yield i, i + len(word)
            i = low.find(word, i + 1)


def _handle_shaped(h: str) -> bool:
    """A digit, an underscore, a dot inside letters or capitals inside a word: no word of prose looks so."""
    return bool(_HANDLE_MARK.search(h) or _MIXED_CASE.search(h))


def _named_on(src: Source, platforms: frozenset[str]) -> Iterator[Span]:
    text, low = src.text, src.low or src.text.lower()
    lex = lexicon()
    for n, (_start, end) in enumerate(_platform_words(low, platforms)):
        if n == MANY_CUES and _AS_NAME.search(text) is None:
            return  # many platform words, and no "as" or "called" anywhere after which a name could follow
        m = _AS_NAME.match(text, end)
        if m and (w := m.group(1).lower()) not in lex.english and w not in lex.rare_english:
            yield "social_media", m.start(1), m.end(1)


# "on roblox he's NightDragon2014", "snap again? its xo.kaylz.xo": a handle-shaped word a few words after a platform
# (a digit with letters, an underscore, a dot inside letters, or capitals inside a word), not a time or an ordinal.
# (The lookahead puts a letter in every match.)
_NEAR_HANDLE = re.compile(r"(?<![\w@.])(?=[A-Za-z0-9_.]{0,30}[A-Za-z])([A-Za-z0-9_][A-Za-z0-9_.]{2,28}[A-Za-z0-9_])"
                          r"(?![\w@])")
_NOT_HANDLE = re.compile(r"\d{1,2}(?:am|pm|st|nd|rd|th|s)|(?:yr|y|year|ks|u)\d{1,2}|\d{1,6}(?:k|m|gb|mb|hrs?|mins?)",
                         re.IGNORECASE)
_NEAR_CHARS = 30  # how far after the platform word a handle is looked for


def _handles_near(src: Source, platforms: frozenset[str]) -> Iterator[Span]:
    text, low = src.text, src.low or src.text.lower()
    lex = lexicon()
    for n, (_start, end) in enumerate(_platform_words(low, platforms)):
        if n == MANY_CUES and not _handle_shaped(text):
            return  # many platform words, and nothing in the message is shaped like a username
        for m in _NEAR_HANDLE.finditer(text, end, min(len(text), end + _NEAR_CHARS)):
            h = m.group(1)
            if "\n" in text[end:m.start()] or _NOT_HANDLE.fullmatch(h) or h.lower() in lex.english:
                continue
            if _handle_shaped(h):
                yield "social_media", m.start(1), m.end(1)
                break


def _handles_before(src: Source, platforms: frozenset[str]) -> Iterator[Span]:
    text, low = src.text, src.low or src.text.lower()
    for n, (start, _end) in enumerate(_platform_words(low, platforms)):
        if n == MANY_CUES and not _handle_shaped(text):
            return  # many platform words, and nothing in the message is shaped like a username
        m = src.search(HANDLE_BEFORE, max(0, start - 45), start)
        if m and _handle_shaped(m.group(1)) and not m.group(1).replace(".", "").isdigit():
            yield "social_media", m.start(1), m.end(1)


@cache
def _phrase_platforms() -> dict[str, tuple[str, ...]]:
    """The first word of each platform named in two words ("group chat") -> those names."""
    out: dict[str, list[str]] = {}
    for w in lexicon().vocab.social_platforms:
        if " " in w:
            out.setdefault(w.split()[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def _present(firsts: frozenset[str], src: Source) -> frozenset[str]:
    """The platform words the text holds, a two-word name's first word only with its second ("group" alone is none)."""
    phrases = _phrase_platforms()
    if not firsts & phrases.keys():
        return firsts
    low = src.low if src.low is not None else src.text.lower()
    singles = lexicon().vocab.social_platforms
    return frozenset(w for w in firsts if w in singles or any(p in low for p in phrases.get(w, ())))


def pointer_detectors(src: Source, words: frozenset[str], digits: bool) -> list[Iterator[Span]]:
    """Lazy detectors of usernames, vehicles and workplaces; `words` are the text's lower-case words."""
    text = src.text
    platform, camel, vehicle, gate, platforms, colours = _vocab_patterns()
    out: list[Iterator[Span]] = []
    if "@" in text:
        out.append(("social_media", m.start(), m.end()) for m in HANDLE.finditer(text)
                   if m.group(0).lower() not in NOT_HANDLES)
    if words & gate:
        platforms = _present(platforms & words, src)
        out.append(("social_media", m.start(), m.end()) for m in src.at_words(platform, platforms & words))
        out.append(("social_media", m.start(), m.end()) for m in src.at_words(camel, platforms & words))
        out.append(_handles_before(src, platforms & words))
        out.append(_handles_near(src, platforms & words))
        out.append(_named_on(src, platforms & words))
        if platforms & words:
            quoted = src.at_words(QUOTED_HANDLE, _QUOTED_STARTS & words)
            out.append(("social_media", m.start(1), m.end(1)) for m in quoted)
        out.append(("vehicle", m.start(), m.end()) for m in src.at_words(vehicle, colours & words))
        out.append(("vehicle", m.start(), m.end()) for m in src.at_words(REG_CUE, _REG_CUES & words))
        out.append(("vehicle", m.start(), m.end()) for m in src.at_words(PART_PLATE, _REG_CUES & words))
    if words & _ACCOUNT_WORDS:
        out.append(("social_media", m.start(1), m.end(1)) for m in src.at_words(ACCOUNT_NAME, words & _ACCOUNT_WORDS))
    if digits:
        english, acronyms = lexicon().english, lexicon().vocab.acronyms
        # ("S17 CIN plans": a section and a service's letters, round 38)
        out.append(("vehicle", m.start(), m.end()) for m in PLATE.finditer(text)
                   if not (m.group().split()[0].lower() in acronyms and m.group()[-3:].lower() in acronyms))
        lower = src.at_starts(LOWER_PLATE, before_digit_runs(src))  # (tried only before a run of digits)
        out.append(("vehicle", m.start(), m.end()) for m in lower if m.group(2) not in english
                   and not (m.group(1) and m.group(0)[2] == " " and (m.group(1) in english or m.group(1) in acronyms)))
    if words & _RELATIVE_WORDS:
        out.append(_workplaces(src, words))
    out.append(_solo_workplaces(src, words))
    return out
