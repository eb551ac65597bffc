"""Message templates shared across capabilities (each capability keeps its own in its package)."""

from knowledge.partnerships import PARTNERSHIPS

DB_UNAVAILABLE = (
    ":warning: The safeguarding bot is temporarily unavailable. Nothing was saved. Please try again in a minute."
)
SOMETHING_WENT_WRONG = ":warning: Something went wrong on our side. Nothing was saved. Please try again."
EMERGENCY_LINE = ":rotating_light: *If a child is in immediate danger, call 999.*"

HELP_TITLE = "*Safeguarding assistant* — answers from your partnership's published arrangements."
ASK_USAGE = "<question>"
ASK_DOES = "ask in your own words (or DM me, or @mention me in a channel)"
HELP_FOOTER = """
The answers come from the partnerships' published arrangements of 2019 (and Cheshire West and Chester's \
2017-18 annual report); they may have changed since, so check anything important with your partnership.

Never type a child's name or details: use an anonymised reference. \
If a child is in immediate danger, call 999."""


def area_question(candidates: tuple[str, ...], typed: bool) -> str:
    """`/safeguarding area ...` that named no one partnership: ask between the near ones, else list all four."""
    if candidates:
        options = " or ".join(f"*{PARTNERSHIPS[s]}* (`/safeguarding area {s}`)" for s in candidates)
        return f"Which area did you mean: {options}?"
    names = ", ".join(PARTNERSHIPS.values())
    lead = "I don't know that area. " if typed else ""
    return f"{lead}I cover {names}. Use `/safeguarding area <area>`, e.g. `/safeguarding area cheshire west`."
