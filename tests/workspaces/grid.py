"""Requests as Slack sends them for an Enterprise Grid org-wide install: the workspace in the payload as usual, the
org in `enterprise_id`/`enterprise`, and `is_enterprise_install` true (in an event, inside `authorizations`, whose
`team_id` is null: the installation is the org's, not the workspace's). Shapes from Slack's org-app reference and
Bolt's own org-app tests."""

from __future__ import annotations

import itertools
import json
from typing import Any
from urllib.parse import parse_qsl, urlencode

from bot.localslack import LocalSlack
from tests.slackclient import Response, SignedSlack

_EVENTS = itertools.count(1)


class GridSlack(SignedSlack):
    """A workspace of an org-wide install: every body gets the org's fields before it is signed."""

    def __init__(self, base_url: str, secret: str, fake: LocalSlack, team_id: str, enterprise_id: str) -> None:
        super().__init__(base_url, secret, fake, team_id=team_id)
        self.enterprise_id = enterprise_id

    def post(self, body: str, content_type: str, **kw: Any) -> Response:
        return super().post(self.org_wide(body, content_type), content_type, **kw)

    def org_wide(self, body: str, content_type: str) -> str:
        org = self.enterprise_id
        if "json" in content_type:  # Events API
            data = json.loads(body)
            data["enterprise_id"] = org
            data["authorizations"] = [{"enterprise_id": org, "team_id": None, "user_id": "UBOT", "is_bot": True,
                                       "is_enterprise_install": True}]
            return json.dumps(data)
        form = dict(parse_qsl(body, keep_blank_values=True))
        if "payload" not in form:  # a slash command
            form.update(enterprise_id=org, enterprise_name="Cheshire and Merseyside", is_enterprise_install="true")
            return urlencode(form)
        payload = json.loads(form["payload"])  # interactivity: `team` may be null, the user names the workspace
        payload.update(enterprise={"id": org, "name": "Cheshire and Merseyside"}, is_enterprise_install=True)
        payload["team"] = None
        if isinstance(payload.get("view"), dict):
            payload["view"].pop("app_installed_team_id", None)
        return urlencode({"payload": json.dumps(payload)})


def org_event(kind: str, enterprise_id: str, team_ids: list[str] | None = None) -> dict[str, Any]:
    """An org-level event as Slack sends it: no workspace (`team_id` null)."""
    event: dict[str, Any] = {"type": kind}
    if team_ids is not None:
        event["team_ids"] = team_ids
    return {"token": "legacy-unused", "team_id": None, "enterprise_id": enterprise_id, "api_app_id": "ALOCAL01",
            "event": {"event_ts": "1606805974.000100", **event}, "type": "event_callback",
            "event_id": f"EvORG{next(_EVENTS):08d}", "event_time": 1606805974,
            "authorizations": [{"enterprise_id": enterprise_id, "team_id": None, "user_id": "UBOT", "is_bot": True,
                                "is_enterprise_install": True}]}
