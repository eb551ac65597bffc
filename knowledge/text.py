"""Text normalisation shared by the index and the queries.

Everything that makes "Reveiw of LADO referals?" and "review of local authority designated officer
referrals" meet: case and punctuation folding, section-number forms (s47, s.47, section 47),
American -> British spellings, a light stemmer, acronym <-> expansion, and concept groups for the
words practitioners use interchangeably (disagreement / dispute / escalation ...).
"""

from __future__ import annotations

import re
from functools import lru_cache

STOPWORDS = frozenset(
    """
    a about above again against all am an and any are as at be because been being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not of off on once only or other our ours ourselves out over own same she should so some
    such than that the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you your yours
    yourself yourselves im ive id dont doesnt isnt cant wont whats whos wheres hows theres thats lets
    please tell me know want need get got give find show say says said thanks thank hi hello hey bot
    anyone someone something anything also still us may might shall one ones really actually
    whether per via etc e g eg ie use used using go going goes gone way ways make makes made much many
    like look looking able new explain describe briefly
    """.split()  # noqa: SIM905
)

# American -> British spellings (whole words); -ize/-yze forms are handled by rule.
US_UK = {
    "behavior": "behaviour",
    "behaviors": "behaviours",
    "behavioral": "behavioural",
    "center": "centre",
    "centers": "centres",
    "program": "programme",
    "programs": "programmes",
    "color": "colour",
    "honor": "honour",
    "labor": "labour",
    "neighbor": "neighbour",
    "neighborhood": "neighbourhood",
    "favor": "favour",
    "counselor": "counsellor",
    "counseling": "counselling",
    "defense": "defence",
    "license": "licence",
    "fulfill": "fulfil",
    "enrollment": "enrolment",
    "pediatric": "paediatric",
    "pediatrics": "paediatrics",
    "pediatrician": "paediatrician",
    "judgment": "judgement",
    "catalog": "catalogue",
    "mom": "mum",
    "moms": "mums",
    "gray": "grey",
    "aging": "ageing",
    "traveling": "travelling",
    "modeling": "modelling",
    "practicing": "practising",
    "fetus": "foetus",
    "anesthetic": "anaesthetic",
    "offense": "offence",
    "offenses": "offences",
    "jewelry": "jewellery",
    "cozy": "cosy",
}

# Acronyms and their expansions (normalised text). Matched both ways.
ACRONYMS: dict[str, str] = {
    "lado": "local authority designated officer",
    "cspr": "child safeguarding practice review",
    "lcspr": "local child safeguarding practice review",
    "scr": "serious case review",
    "sin": "serious incident notification",
    "cdop": "child death overview panel",
    "iart": "integrated access and referral team",
    "taf": "team around the family",
    "ehat": "early help assessment tool",
    "ccg": "clinical commissioning group",
    "ccgs": "clinical commissioning groups",
    "icb": "integrated care board",
    "dcs": "director of childrens services",
    "dsl": "designated safeguarding lead",
    "dsls": "designated safeguarding leads",
    "qas": "quality assurance and scrutiny",
    "pig": "practice improvement group",
    "lscb": "local safeguarding children board",
    "scp": "safeguarding children partnership",
    "wsp": "warrington safeguarding partnership",
    "wscb": "safeguarding children board",
    "wsab": "warrington safeguarding adult board",
    "lsab": "local safeguarding adults board",
    "hcypsp": "halton children and young people safeguarding partnership",
    "hscb": "halton safeguarding children board",
    "spg": "safeguarding practice group",
    "mace": "multi agency child exploitation",
    "cse": "child sexual exploitation",
    "fgm": "female genital mutilation",
    "marac": "multi agency risk assessment conference",
    "mappa": "multi agency public protection arrangements",
    "jtai": "joint targeted area inspection",
    "hwbb": "health and wellbeing board",
    "pmv": "protecting the most vulnerable",
    "sfef": "supporting families enhancing futures",
    "nyas": "national youth advocacy service",
    "yjs": "youth justice service",
    "yos": "youth offending service",
    "nps": "national probation service",
    "crc": "community rehabilitation company",
    "camhs": "child and adolescent mental health services",
    "dbs": "disclosure and barring service",
    "csp": "community safety partnership",
    "scie": "safeguarding children in education",
    "cwac": "cheshire west and chester",
    "cin": "child in need",
    "cla": "children looked after",
    "lac": "looked after children",
    "cp": "child protection",
    "whacc": "wirral health and care commissioning",
    "jsna": "joint strategic needs assessment",
    "mou": "memorandum of understanding",
    "foi": "freedom of information",
    "idva": "independent domestic violence advocate",
    "btp": "british transport police",
    "la": "local authority",
    "wt": "working together",
    "sen": "special educational needs",
    "dfe": "department for education",
    "ceo": "chief executive",
    "gp": "general practitioner",
    "gps": "general practitioners",
}

# Words practitioners use interchangeably. Each group adds one concept token to both sides.
CONCEPTS: list[tuple[str, ...]] = [
    ("disagree", "disagreement", "disagreements", "dispute", "disputes", "conflict", "escalate", "escalation",
     "escalating", "differences", "challenge", "argue", "argument", "clash", "resolve", "resolving", "resolution",
     "contest", "agree", "agreement"),
    ("role", "roles", "responsible", "responsibility", "responsibilities", "function", "functions", "purpose",
     "job", "remit", "task", "tasks", "oversee", "oversees", "overseeing"),
    ("often", "frequency", "frequently", "regularly", "monthly", "quarterly", "quarter", "weekly", "annually",
     "yearly", "bimonthly", "fortnightly"),
    ("fund", "funding", "funded", "budget", "money", "finance", "financial", "financed", "contribution",
     "contributions", "pay", "pays", "paid", "cost", "costs", "resourcing", "pooled"),
    ("threshold", "thresholds", "continuum"),
    ("refer", "referral", "referrals", "referring", "referred"),
    ("worried", "worry", "worries", "concern", "concerns", "concerned", "suspect", "suspicion"),
    ("death", "deaths", "died", "die", "dies", "dying", "dead"),
    ("training", "train", "trained", "course", "courses", "workshop", "elearning", "masterclass"),
    ("evaluate", "evaluated", "evaluation", "evaluating", "impact", "measure", "measured", "effectiveness"),
    ("chair", "chairs", "chaired", "chairperson", "chairman", "chairwoman"),
    ("lead", "leads", "leading", "led", "responsible", "responsibility", "charge"),
    ("scrutiny", "scrutinise", "scrutinises", "scrutinised", "scrutineer", "oversight", "oversee", "oversees",
     "accountable", "account", "assurance"),
    ("agency", "agencies", "organisation", "organisations", "organisational", "bodies", "body"),
    ("police", "constabulary", "constable", "policing"),
    ("council", "authority", "borough"),
    ("priority", "priorities", "focus", "aim", "aims", "objective", "objectives", "goal", "goals", "intent"),
    ("notify", "notified", "notification", "notifications", "inform", "informed", "submit", "submitted",
     "flag", "flagged", "flagging", "alert", "alerted"),
    ("timescale", "timescales", "timeframe", "deadline", "deadlines", "long", "quickly", "soon", "within",
     "days", "time", "limit"),
    ("contact", "email", "phone", "telephone", "address", "ring", "number", "reach", "website"),
    ("meet", "meets", "meeting", "meetings", "convene", "convened", "gather"),
    ("school", "schools", "education", "educational", "teacher", "teachers", "headteacher", "headteachers",
     "college", "colleges", "academy", "academies", "pupil", "pupils"),
    ("exploitation", "exploit", "exploited", "grooming", "groomed", "trafficking", "trafficked"),
    ("missing", "runaway", "absconding", "absconded"),
    ("hurt", "hurting", "harm", "harmed", "abuse", "abused", "abusing", "injury", "injured", "injuries",
     "hit", "hitting", "beaten", "assault", "assaulted", "bruise", "bruising", "bruised"),
    ("step", "steps", "stage", "stages", "phase"),
    ("first", "start", "initial", "initially", "begin", "beginning"),
    ("member", "members", "membership", "sit", "sits", "attend", "attends", "attendance", "representative",
     "representatives", "rep", "reps", "represented", "represent", "represents"),
    ("allegation", "allegations", "alleged", "accused", "accusation"),
    ("area", "cover", "covers", "covered", "boundary", "boundaries", "footprint", "geography",
     "geographical", "population"),
    ("annual", "year", "yearly", "annually"),
    ("publish", "published", "publication", "publishing"),
    ("decide", "decides", "decision", "decisions", "determine", "determines"),
    ("expect", "expects", "expected", "expectation", "expectations", "duty", "duties", "must", "required",
     "requirements", "obligation", "obligations"),
    ("define", "definition", "meaning", "means", "mean", "stand", "stands", "counts", "count", "criteria"),
    ("structure", "groups", "subgroup", "subgroups", "governance", "model"),
    ("fire", "firefighters", "firefighter"),
    ("statistics", "figures", "numbers", "data", "dataset", "performance", "intelligence"),
    ("vision", "ambition"),
    ("start", "started", "starts", "commence", "commenced", "launch", "launched", "introduce", "introduced",
     "force", "effect", "come", "came", "began", "live", "shadow", "transition", "transitional"),
    ("enough", "sufficient", "insufficient", "cover", "shortfall", "short", "overspend"),
    ("offer", "offers", "offered", "provide", "provides", "provided", "provision", "deliver", "delivers",
     "delivered", "available", "run", "runs"),
    ("family", "families", "parent", "parents", "carer", "carers"),
    ("topic", "topics", "theme", "themes", "subject", "subjects"),
    ("rate", "rated", "rating", "ratings", "score", "scored", "scores", "average"),
]

PLACES: dict[str, str] = {
    "cheshire west and chester": "cheshire-west-and-chester",
    "cheshire west": "cheshire-west-and-chester",
    "west cheshire": "cheshire-west-and-chester",
    "cwac": "cheshire-west-and-chester",
    "cw&c": "cheshire-west-and-chester",
    "chester": "cheshire-west-and-chester",
    "ellesmere port": "cheshire-west-and-chester",
    "northwich": "cheshire-west-and-chester",
    "winsford": "cheshire-west-and-chester",
    "frodsham": "cheshire-west-and-chester",
    "neston": "cheshire-west-and-chester",
    "helsby": "cheshire-west-and-chester",
    "malpas": "cheshire-west-and-chester",
    "vale royal": "cheshire-west-and-chester",
    "halton": "halton",
    "runcorn": "halton",
    "widnes": "halton",
    "warrington": "warrington",
    "wirral": "wirral",
    "birkenhead": "wirral",
    "wallasey": "wirral",
    "bebington": "wirral",
    "heswall": "wirral",
    "hoylake": "wirral",
    "west kirby": "wirral",
    "moreton": "wirral",
    "bidston": "wirral",
}

_SECTION_RE = re.compile(r"\b(?:s|sec|section|s\.)\s*\.?\s*(\d{1,3})\b")
_TOKEN_RE = re.compile(r"[a-z0-9]+")
_PLACE_RE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True)) + r")\b"
)


def fold(text: str) -> str:
    """Lowercase and fold punctuation variants; keep words, digits and spaces."""
    t = text.lower()
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = t.replace("qa&s", "qas").replace("qa & s", "qas").replace("t&f", "task and finish")
    t = t.replace("cw&c", "cwac").replace("i-art", "iart").replace("bi-monthly", "bimonthly")
    t = t.replace("bi monthly", "bimonthly").replace("e-learning", "elearning").replace("&", " and ")
    t = re.sub(r"'s\b", "", t)
    t = t.replace("'", "")
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", t)  # multi-agency -> multi agency
    t = _SECTION_RE.sub(lambda m: f" s{m.group(1)} ", t)
    return t


def find_places(text: str) -> list[tuple[str, str]]:
    """Places named in the text, as (phrase, partnership slug), in order of appearance."""
    t = fold(text)
    return [(m.group(1), PLACES[m.group(1)]) for m in _PLACE_RE.finditer(t)]


def strip_places(folded: str) -> str:
    return _PLACE_RE.sub(" ", folded)


def _british(tok: str) -> str:
    if tok in US_UK:
        return US_UK[tok]
    for us, uk in (("ization", "isation"), ("izations", "isations"), ("izing", "ising"), ("ized", "ised"),
                   ("izes", "ises"), ("ize", "ise"), ("yzing", "ysing"), ("yzed", "ysed"), ("yze", "yse")):
        if tok.endswith(us) and len(tok) > len(us) + 2:
            return tok[: -len(us)] + uk
    return tok


@lru_cache(maxsize=50_000)
def stem(tok: str) -> str:
    """A light, deterministic suffix stripper (the same on both sides is what matters)."""
    if len(tok) <= 3 or tok.isdigit():
        return tok
    for suf, rep in (("ational", "ate"), ("isation", "ise"), ("ation", "ate"), ("ies", "y"), ("ied", "y"),
                     ("ings", ""), ("ing", ""), ("ness", ""), ("ment", ""), ("edly", ""), ("ly", ""),
                     ("ed", ""), ("es", ""), ("s", "")):
        if tok.endswith(suf) and len(tok) - len(suf) >= 3:
            if suf == "s" and tok.endswith(("ss", "us", "is")):
                continue
            if suf == "es" and not tok.endswith(("sses", "xes", "ches", "shes", "zes")):
                continue
            tok = tok[: -len(suf)] + rep
            break
    if tok.endswith("e") and len(tok) > 4:
        tok = tok[:-1]
    return tok


def raw_tokens(text: str) -> list[str]:
    """Folded, British-spelled surface tokens (no stemming, stopwords kept)."""
    return [_british(t) for t in _TOKEN_RE.findall(fold(text))]


_ACRO_PHRASES: list[tuple[list[str], str]] = sorted(
    ((v.split(), k) for k, v in ACRONYMS.items()), key=lambda p: -len(p[0])
)
# Low-information words people wrap questions in: rare in the documents (so a high idf) but they say
# little about the topic. Their weight is damped so "responsible" cannot outvote "practice group".
GENERIC = frozenset(
    stem(w)
    for w in """responsible responsibility role roles purpose function functions job remit happen happens
    happened work works involved involve include included includes apply applies applied exactly
    say says mean means called name named kind sort type types need needs needed required""".split()  # noqa: SIM905
)

_CONCEPT_OF: dict[str, tuple[str, ...]] = {}
for _i, _group in enumerate(CONCEPTS):
    for _w in _group:
        _key = stem(_british(_w))
        if f"~c{_i}" not in _CONCEPT_OF.get(_key, ()):
            _CONCEPT_OF[_key] = (*_CONCEPT_OF.get(_key, ()), f"~c{_i}")


def expand(tokens: list[str]) -> list[str]:
    """Add acronym/expansion twins to surface tokens (before stemming)."""
    out = list(tokens)
    n = len(tokens)
    for phrase, acro in _ACRO_PHRASES:
        k = len(phrase)
        if k > n:
            continue
        for i in range(n - k + 1):
            if tokens[i : i + k] == phrase:
                out.append(acro)
                break
    for t in tokens:
        exp = ACRONYMS.get(t)
        if exp:
            out.extend(exp.split())
    return out


def terms(tokens: list[str], *, drop_stopwords: bool = True) -> list[str]:
    """Stemmed index terms plus concept tokens for a list of surface tokens."""
    out: list[str] = []
    for t in tokens:
        if drop_stopwords and t in STOPWORDS:
            continue
        s = stem(t)
        out.append(s)
        out.extend(_CONCEPT_OF.get(s, ()))
    return out


def concepts_of(stemmed: str) -> tuple[str, ...]:
    return _CONCEPT_OF.get(stemmed, ())
