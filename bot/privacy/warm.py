"""The identifier screen read through once at start, so a practitioner's first message does not pay for what the
screen makes on first use: the lower-case copies of its patterns (source._lowered), the patterns and word sets its
detectors build from the vocabulary when a cue first appears (about 300 ms of CPU on one core, paid by whichever
message came first). The texts are data (data/warm_up.yaml), chosen to reach those detectors."""

from __future__ import annotations

from functools import cache

import yaml
from pydantic import BaseModel, ConfigDict, Field

from bot.privacy.lexicon import DATA


class WarmUpTexts(BaseModel):
    """data/warm_up.yaml: made-up texts full of the screen's cue words."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    texts: list[str] = Field(min_length=1)


@cache
def warm_texts() -> tuple[str, ...]:
    """The warm-up texts, validated (a missing or malformed file stops the bot at start)."""
    found = WarmUpTexts.model_validate(yaml.safe_load((DATA / "warm_up.yaml").read_text(encoding="utf-8")))
    return tuple(found.texts)


@cache
def warm_up() -> None:
    """Once per process (all it makes is kept for the process): screen each warm-up text with every detector read to
    its end (not only to its first finding), then all of them together several times over: a long message's many cue
    words take the screen's other way (what a pattern can read around a cue, worked out once per pattern: source.py,
    MANY_CUES)."""
    from bot.privacy import _spans  # (the package imports this module's users, not this module)

    texts = warm_texts()
    for text in texts:
        _spans(text)
    _spans(" ".join(texts * _REPEAT))


_REPEAT = 12  # (each cue word of the texts then stands more than MANY_CUES times: 33 or more)
