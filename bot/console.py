"""The console: chat with the real Bolt app in a terminal, as any role, without Slack.

Like errbot's text backend, it turns what a person types into the Slack payloads the app already
handles (signed, dispatched through Bolt) and serves the app's Web API calls on a local loopback
server, rendering what the app sends back. No handler knows which way a request came in.
"""

from __future__ import annotations

import json
import secrets
import threading
import uuid
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse

from bot import payloads
from bot.app import create_app
from bot.authz import Role, grant
from bot.localslack import Call, LocalSlack
from bot.partnerships import get_workspace
from bot.render import Clickable, mrkdwn, render_blocks
from bot.services import Services
from bot.slack import make_client
from knowledge.partnerships import PARTNERSHIPS

TEAM_ID = "TCONSOLE"
USERS = {
    "practitioner": "UPRACTITIONER",
    "manager": "UMANAGER01",
    "lead": "ULEAD00001",
    "business_unit": "UBUSINESSUNIT",
    "admin": "UADMIN0001",
}
CHANNELS = {"general": "CGENERAL01", "business-unit": "CBUSINESS01", "escalations": "CESCALATE01"}
SLASH_COMMANDS = ("/safeguarding", "/escalate", "/case-review", "/reminders")

CONSOLE_HELP = """Console commands:
  /as practitioner|manager|lead|business_unit|admin   switch who you are
  /in general|business-unit|escalations|dm            switch channel (dm = direct message with the bot)
  /click N                                            press button [N]
  /whoami   /help   /quit
Type a question to ask the bot (in a channel it is sent as an @mention), or a slash command:
  /safeguarding help · /safeguarding topics · /case-review · /escalate · /reminders list"""


class Console:
    def __init__(
        self,
        services: Services,
        *,
        partnership: str = "cheshire-west-and-chester",
        read: Callable[[str], str] = input,
        write: Callable[[str], None] = print,
        run_clock: bool = False,
    ) -> None:
        self.services = services
        self.read, self.write = read, write
        self.partnership = partnership
        self.local = LocalSlack(team_id=TEAM_ID).start()
        self.local.add_channel(*CHANNELS.values())
        self.local.add_user(*USERS.values())
        self.secret = secrets.token_hex(16)
        client = make_client(services.settings, token="xoxb-console", base_url=self.local.api_url)
        self.app: App = create_app(services, client, process_before_response=True, signing_secret=self.secret)
        self.role = "practitioner"
        self.channel = "dm"
        self.clickables: list[Clickable] = []
        self.last_message: dict[str, Any] | None = None
        self._pending: list[Call] = []
        self._busy = 0  # >0 while a request of yours is being handled (its calls are shown after it)
        self._lock = threading.RLock()
        self.local.listeners.append(self._on_call)
        self._setup_workspace()
        self._scheduler = None
        if run_clock:  # one process: reminders and digests are sent while you chat
            from bot.clock import start_in_process

            self._scheduler = start_in_process(services, client)

    def _on_call(self, call: Call) -> None:
        """A Web API call reached the local Slack. The clock's posts are shown at once (their buttons clickable
        with /click), not only after your next request; calls made for your own request wait for its answer."""
        with self._lock:
            self._pending.append(call)
            if self._busy == 0 and call.method == "chat.postMessage":
                self._show_calls()

    # set-up -------------------------------------------------------------------------------
    def _setup_workspace(self) -> None:
        with self.services.db.session() as s:
            ws = get_workspace(s, TEAM_ID)
            ws.partnership = ws.partnership or self.partnership
            ws.business_unit_channel = ws.business_unit_channel or CHANNELS["business-unit"]
            ws.escalation_channel = ws.escalation_channel or CHANNELS["escalations"]
            for role, user in USERS.items():
                if role != "practitioner":
                    grant(s, TEAM_ID, user, Role(role), granted_by="console")

    @property
    def user_id(self) -> str:
        return USERS[self.role]

    @property
    def channel_id(self) -> str:
        return "D" + self.user_id if self.channel == "dm" else CHANNELS[self.channel]

    # the loop -----------------------------------------------------------------------------
    def run(self) -> None:
        self.write(f"Safeguarding bot console — {PARTNERSHIPS.get(self.partnership, self.partnership)} workspace.")
        self.write("Type /help for console commands, /safeguarding help for the bot's. Ctrl-D to quit.")
        while True:
            try:
                line = self.read(f"{self.role}@{self.channel}> ")
            except (EOFError, KeyboardInterrupt):
                self.write("")
                break
            if not self.handle(line.strip()):
                break
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)  # a running dispatch ends before the interpreter does
        self.local.stop()

    def handle(self, line: str) -> bool:
        """One typed line; False to quit."""
        if not line:
            return True
        word, _, rest = line.partition(" ")
        if word in ("/quit", "/exit"):
            return False
        if word == "/help":
            self.write(CONSOLE_HELP)
        elif word == "/whoami":
            self.write(f"You are {self.role} ({self.user_id}) in {self.channel} ({self.channel_id}).")
        elif word == "/as":
            self._switch_role(rest.strip())
        elif word == "/in":
            self._switch_channel(rest.strip())
        elif word == "/click":
            self._click(rest.strip())
        elif word in SLASH_COMMANDS:
            self._command(word, rest)
        elif word.startswith("/"):
            self.write(f"Unknown command {word}. Try /help.")
        else:
            self._message(line)
        return True

    def _switch_role(self, role: str) -> None:
        if role not in USERS:
            self.write(f"Roles: {', '.join(USERS)}")
            return
        self.role = role
        self.write(f"You are now {role}.")

    def _switch_channel(self, channel: str) -> None:
        if channel != "dm" and channel not in CHANNELS:
            self.write(f"Channels: dm, {', '.join(CHANNELS)}")
            return
        self.channel = channel
        self.write(f"You are now in {channel}.")

    # turning input into Slack requests -----------------------------------------------------
    def dispatch(self, body: str, content_type: str) -> BoltResponse:
        headers = {"Content-Type": content_type, **payloads.sign(self.secret, body)}
        with self._lock:
            self._busy += 1
        try:
            self._show_calls()  # anything not shown yet
            response = self.app.dispatch(BoltRequest(body=body, headers=headers))
            self._show_ack(response)
            self._show_calls()
        finally:
            with self._lock:
                self._busy -= 1
        return response

    def _command(self, command: str, text: str) -> None:
        body, ctype = payloads.command_body(
            command, text, team_id=TEAM_ID, user_id=self.user_id, channel_id=self.channel_id,
            response_url=self.local.response_url(uuid.uuid4().hex),
        )
        self.dispatch(body, ctype)

    def _message(self, text: str) -> None:
        if self.channel == "dm":
            event = payloads.message_event(text, user_id=self.user_id, channel_id=self.channel_id)
        else:
            event = payloads.app_mention_event(text, user_id=self.user_id, channel_id=self.channel_id)
        body, ctype = payloads.event_body(event, team_id=TEAM_ID)
        self.dispatch(body, ctype)

    def _click(self, arg: str) -> None:
        if not arg.isdigit() or not 1 <= int(arg) <= len(self.clickables):
            self.write("Nothing to click with that number.")
            return
        item = self.clickables[int(arg) - 1]
        el = item.element
        action: dict[str, Any] = {"type": el.get("type"), "action_id": el.get("action_id"), "block_id": item.block_id}
        if el.get("type") == "button":
            action.update(value=el.get("value", ""), text=el.get("text"))
        elif el.get("type") in ("static_select", "overflow"):
            options = el.get("options", [])
            for i, opt in enumerate(options, 1):
                self.write(f"  {i}. {opt['text']['text']}")
            choice = self.read("choose> ").strip()
            if not choice.isdigit() or not 1 <= int(choice) <= len(options):
                self.write("No choice made.")
                return
            action["selected_option"] = options[int(choice) - 1]
        body, ctype = payloads.block_actions_body(
            action, team_id=TEAM_ID, user_id=self.user_id, channel_id=self.channel_id,
            response_url=self.local.response_url(uuid.uuid4().hex), message=self.last_message,
        )
        self.dispatch(body, ctype)

    # showing what the app sent back ---------------------------------------------------------
    def _show_ack(self, response: BoltResponse) -> None:
        if response.status != 200:
            self.write(f"(the app answered HTTP {response.status})")
            return
        if not response.body:
            return
        try:
            data = json.loads(response.body)
        except ValueError:
            self.write(mrkdwn(response.body))
            return
        if isinstance(data, dict) and data.get("response_action") == "errors":
            for field, error in data.get("errors", {}).items():
                self.write(f"  ✗ {field}: {error}")
        elif isinstance(data, dict) and ("text" in data or "blocks" in data):
            self._show_message(data, "(only you)")

    def _show_calls(self) -> None:
        with self._lock:
            calls, self._pending[:] = list(self._pending), []
        modal: Call | None = None
        for call in calls:
            if call.method in ("chat.postMessage", "chat.postEphemeral", "response_url", "chat.update"):
                where = {"chat.postEphemeral": "(only you)", "response_url": "(only you)",
                         "chat.update": "(updated)"}.get(call.method, f"in {self._channel_name(call.get('channel'))}")
                if call.get("_ok") is False:
                    continue
                self._show_message(call.params, where)
            elif call.method in ("views.open", "views.push", "views.update"):
                modal = call
            elif call.method == "views.publish":
                self.write("(App Home updated)")
                self._show_message({"blocks": call.get("view", {}).get("blocks", [])}, "App Home")
        if modal is not None:
            self._fill_modal(modal.get("view") or {})

    def _channel_name(self, channel_id: str | None) -> str:
        for name, cid in CHANNELS.items():
            if cid == channel_id:
                return "#" + name
        return "your DMs" if str(channel_id).startswith(("D", "U")) else str(channel_id)

    def _show_message(self, message: dict[str, Any], where: str) -> None:
        blocks = message.get("blocks")
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        self.clickables = []
        text = render_blocks(blocks, self.clickables) if blocks else mrkdwn(str(message.get("text", "")))
        for name, cid in CHANNELS.items():
            text = text.replace(f"#{cid}", f"#{name}")
        self.last_message = {"ts": message.get("ts", "0"), "type": "message", "text": message.get("text", ""),
                             "blocks": blocks or []}
        self.write(f"bot {where}:")
        for line in text.splitlines():
            self.write("  " + line)

    # modals ------------------------------------------------------------------------------
    def _dispatch_in_view(self, view: dict[str, Any], values: dict[str, Any], action: dict[str, Any]) -> dict[str, Any]:
        """Send the block action for an answer inside the modal; the form the app rebuilt, or the same one."""
        self._show_calls()
        current = {**view, "state": {"values": values}}
        body, ctype = payloads.block_actions_body(action, team_id=TEAM_ID, user_id=self.user_id, channel_id=None,
                                                  response_url=None, view=current)
        self.app.dispatch(BoltRequest(body=body, headers={"Content-Type": ctype, **payloads.sign(self.secret, body)}))
        calls, self._pending[:] = list(self._pending), []
        new = _updated_view(calls, str(view["id"]))
        return {**new, "id": view["id"]} if new else view

    def _fill_modal(self, view: dict[str, Any]) -> None:
        from bot.console_forms import Dispatched, fill_form

        values: dict[str, dict[str, dict[str, Any]]] = {}
        errors: dict[str, str] = {}
        answered: frozenset[str] = frozenset()
        view = {"id": f"VCONSOLE{uuid.uuid4().hex[:8].upper()}", **view}
        while True:
            title = (view.get("title") or {}).get("text", "Form")
            result = fill_form(view, values, errors, self.read, self.write, title, answered)
            if result is None:
                self.write("(form cancelled, nothing was sent)")
                return
            if isinstance(result, Dispatched):  # as Slack does: the answer goes to the app, which may rebuild
                values, answered = result.values, answered | {result.block_id}
                view = self._dispatch_in_view(view, values, result.action)
                continue
            values = result
            body, ctype = payloads.view_submission_body(view, values, team_id=TEAM_ID, user_id=self.user_id)
            headers = {"Content-Type": ctype, **payloads.sign(self.secret, body)}
            self._show_calls()
            response = self.app.dispatch(BoltRequest(body=body, headers=headers))
            data: dict[str, Any] = {}
            if response.body:
                try:
                    data = json.loads(response.body)
                except ValueError:
                    data = {}
            if data.get("response_action") == "errors":
                errors = data.get("errors", {})
                self.write("Please correct:")
                for field, error in errors.items():
                    self.write(f"  ✗ {_label(view, field)}: {error}")
                continue
            self._show_calls()
            if data.get("response_action") in ("update", "push"):
                view = data.get("view", {})
                values, errors = {}, {}
                continue
            return


def _updated_view(calls: list[Call], view_id: str) -> dict[str, Any] | None:
    for call in reversed(calls):
        if call.method == "views.update" and call.get("view_id") == view_id:
            new = call.get("view")
            return json.loads(new) if isinstance(new, str) else new
    return None


def _label(view: dict[str, Any], block_id: str) -> str:
    for block in view.get("blocks", []):
        if block.get("block_id") == block_id:
            return str((block.get("label") or {}).get("text", block_id))
    return block_id
