"""Action and block ids for answers. Buttons in one actions block need distinct action ids, so
suggestion and area buttons carry an index/slug suffix and are matched by prefix."""

from __future__ import annotations

import re
from enum import StrEnum


class ActionId(StrEnum):
    HELPFUL = "answer_helpful"
    NOT_HELPFUL = "answer_not_helpful"
    SUGGESTION = "answer_suggestion"  # + "_<n>"; value = {"id": entry id, "p": area}
    CHOOSE_AREA = "answer_area"  # + "_<slug>"; value = {"p": slug, "q": question}
    HOME_AREA = "answer_home_area"  # App Home area select
    TOPIC = "answer_topic"  # + "_<n>"; value = topic name (App Home topic browser)

    def numbered(self, suffix: str | int) -> str:
        return f"{self.value}_{suffix}"

    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"^{re.escape(self.value)}_[\w-]+$")


class BlockId(StrEnum):
    ANSWER = "answer_text"
    FEEDBACK = "answer_feedback"
    SUGGESTIONS = "answer_suggestions"
    AREAS = "answer_areas"
    SOURCE = "answer_source"
    HOME_AREA = "home_area"
    HOME_TOPICS = "home_topics"
