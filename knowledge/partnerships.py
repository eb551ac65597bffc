"""The partnerships the product serves, by slug: the one list everything else refers to."""

from __future__ import annotations

PARTNERSHIPS: dict[str, str] = {
    "cheshire-west-and-chester": "Cheshire West and Chester",
    "halton": "Halton",
    "warrington": "Warrington",
    "wirral": "Wirral",
}

NATIONAL = "national"


def is_partnership(slug: str | None) -> bool:
    return slug in PARTNERSHIPS


def display_name(slug: str | None) -> str:
    if slug is None or slug == NATIONAL:
        return "England (national)"
    return PARTNERSHIPS.get(slug, slug)
