"""The Bolt app factory: the same app serves Socket Mode, HTTP and the local console."""

from __future__ import annotations

import gc
import logging
from datetime import date

from slack_bolt import App
from slack_sdk import WebClient

from bot.ackgate import AckWaitingExecutor
from bot.privacy.warm import warm_up as warm_screen
from bot.services import Services
from bot.slack import make_client
from bot.workdays import is_working_day
from handlers import register_all
from knowledge.safety import is_safety_worry

# Listeners ack first, then spend most of their time waiting on Slack (response_url, views.open, chat.*) at
# 100-200 ms a call. Bolt's default of 5 threads queues every later request's ack behind those waits (Slack
# gives up after 3 s), so the pool is sized for I/O: at 200 req/s x ~0.3 s of waiting, ~60 busy at once.
LISTENER_THREADS = 128
NOT_INSTALLED = ("The safeguarding assistant is not installed in this workspace (or was uninstalled), so it cannot "
                 "answer here. A Slack admin can install it again from the service's /slack/install page.")


def create_app(
    services: Services,
    client: WebClient | None = None,
    *,
    process_before_response: bool = False,
    signing_secret: str | None = None,
) -> App:
    """Build the app; `process_before_response=True` runs listeners before replying (console, FaaS)."""
    settings = services.settings
    client = client or make_client(settings)
    installs: dict[str, object] = {}
    if settings.oauth_enabled:  # many workspaces: each request's token from its install (bot/workspaces)
        from bot.workspaces.oauth import install_flow

        flow, authorize = install_flow(services, client)
        installs = {"oauth_flow": flow, "authorize": authorize, "installation_store_bot_only": True,
                    "user_facing_authorize_error_message": NOT_INSTALLED}
    app = App(
        client=client,
        signing_secret=signing_secret or settings.secret("slack_signing_secret") or "unused-in-socket-mode",
        process_before_response=process_before_response,
        token_verification_enabled=False,
        # Socket Mode has no signatures; HTTP mode always checks them (five-minute replay window).
        request_verification_enabled=True,
        raise_error_for_unhandled_request=False,
        name="safeguarding-bot",
        logger=logging.getLogger("slack_bolt"),  # its loggers copy this one's cap (bot/logs.py), not the root's
        listener_executor=AckWaitingExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="listener"),
        **installs,  # type: ignore[arg-type]
    )
    register_all(app, services)
    warm_up()
    return app


def warm_up() -> None:
    """Load the identifier screen's lists, the worry detector and the bank-holiday calendar at start. Loaded on
    first use, the first burst of questions after a start loaded them in every listener thread at once (each its
    own copy, seconds of CPU) while the acknowledgements of that burst waited for the interpreter. The screen is read
    through whole (bot/privacy/warm.py): what it compiles on first use cost the first long message ~300 ms."""
    is_working_day(date.today())
    warm_screen()
    is_safety_worry("warm-up: is a child safe at home")


def settle() -> None:
    """In a long-running server, once the app is built: put what start-up loaded (the screen's word lists, about
    430,000 objects, the knowledge base, the worry detector) out of the cyclic collector's reach. They live as long as
    the process; left in, every full collection walks them, adding ~35 ms to about one long screening in six."""
    gc.freeze()

