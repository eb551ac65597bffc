"""Who is asking is resolved once per request, by middleware, and only when a listener asks (handlers.context.Actor)."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import event

from bot import lookups
from bot.authz import Permission, Role, grant
from handlers.context import Actor
from tests.conftest import TEAM_ID


def test_the_actor_is_made_once_per_request_and_reads_roles_only_when_asked(app, slack, db):
    with db.session() as s:
        grant(s, TEAM_ID, "UMANAGER1", Role.MANAGER)
    lookups.invalidate()  # nothing cached from the grant: a role lookup here is a real SELECT
    seen: list[tuple[Any, ...]] = []
    done = threading.Event()

    @app.command("/probe")
    def probe(ack: Any, body: dict[str, Any], context: Any) -> None:
        ack()
        actor = context["actor"]
        if body.get("text") == "ask":
            first = actor.roles
            lookups.invalidate()  # roles change elsewhere mid-request: this request keeps the answer it acted on
            seen.append((actor, actor.roles is first, actor.can(Permission.ESCALATION_RAISE)))
        else:
            seen.append((actor, None, None))
        done.set()

    role_reads: list[str] = []

    def on_sql(*args: Any) -> None:
        if "role_memberships" in args[2] and args[2].lstrip().upper().startswith("SELECT"):
            role_reads.append(args[2])

    event.listen(db.engine, "before_cursor_execute", on_sql)
    try:
        slack.command("/probe", "quiet", user="UMANAGER1", channel="CGENERAL1")
        assert done.wait(10)
        assert role_reads == []  # a listener that never asks never touches the database
        done.clear()
        slack.command("/probe", "ask", user="UMANAGER1", channel="CGENERAL1")
        assert done.wait(10)
    finally:
        event.remove(db.engine, "before_cursor_execute", on_sql)
    quiet, asked = seen
    assert isinstance(quiet[0], Actor) and (quiet[0].team_id, quiet[0].user_id) == (TEAM_ID, "UMANAGER1")
    assert quiet[0].channel_id == "CGENERAL1" and quiet[0] is not asked[0]  # one per request
    assert asked[1] is True and asked[2] is True  # resolved once, and the manager may raise
    assert len(role_reads) == 1
