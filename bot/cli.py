"""`safeguarding-bot`: one entry point for every way the product runs.

With no subcommand it starts Socket Mode when Slack credentials are set, else the local console.
Capabilities add their own subcommands through `register(subparsers)` in their `cli` module.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from bot.settings import ConfigError, Settings, load_settings, require
from knowledge.cli import closed_pipe_exit
from knowledge.partnerships import partnership_arg

# Each capability's CLI module; listed here so the whole command surface is visible in one place.
CAPABILITY_CLIS = ("knowledge.cli", "bot.kbedit.cli", "bot.case_reviews.cli", "bot.escalations.cli",
                   "bot.reminders.cli", "bot.governance.cli", "bot.insight.cli")


def _settings() -> Settings:
    return load_settings()


def _services(settings: Settings, *, migrate: bool = True):  # type: ignore[no-untyped-def]
    from bot.logs import configure
    from bot.services import build_services

    configure(settings.log_format, settings.log_level)
    if migrate:
        from storage.migrate import upgrade

        upgrade(settings.database_url)
    return build_services(settings)


def cmd_default(args: argparse.Namespace) -> int:
    settings = _settings()
    if settings.oauth_enabled:
        raise ConfigError("configuration error: installs by OAuth (SLACK_CLIENT_ID) run in HTTP mode: "
                          "`safeguarding-bot serve --http`")
    if settings.has_slack_credentials and settings.slack_app_token:
        return _socket(settings)
    if settings.has_slack_credentials:
        raise ConfigError("configuration error: SLACK_APP_TOKEN is required for Socket Mode "
                          "(or run `safeguarding-bot serve --http`)")
    return cmd_console(args)


def _socket(settings: Settings) -> int:
    require(settings, "slack_bot_token", "slack_app_token")
    from bot.app import create_app, settle
    from bot.clock import build_scheduler
    from bot.socket_mode import run_socket_mode

    services = _services(settings)
    scheduler = build_scheduler(services)  # one process: the clock runs beside the listener
    scheduler.start()
    try:
        app = create_app(services)
        settle()
        run_socket_mode(app, settings)
    finally:
        scheduler.shutdown(wait=True)  # a running dispatch ends before the interpreter does (bot/reminders/fanout.py)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    settings = _settings()
    if args.socket and settings.oauth_enabled:
        raise ConfigError("configuration error: installs by OAuth (SLACK_CLIENT_ID) run in HTTP mode, not Socket Mode")
    if args.socket:
        return _socket(settings)
    # one workspace: the environment's bot token; many: each install's (docs/workspaces.md)
    require(settings, *(() if settings.oauth_enabled else ("slack_bot_token",)), "slack_signing_secret")
    from bot.app import create_app, settle
    from bot.http import run_workers, serve

    port = args.port or settings.port
    if args.workers > 1:  # N copies of this command, each its own process on the same port (SO_REUSEPORT)
        return run_workers(["serve", "--http", "--host", args.host, "--port", str(port), "--threads",
                            str(args.threads), "--reuse-port"], args.workers)
    services = _services(settings, migrate=False)
    installs = ", GET /slack/install" if settings.oauth_enabled else ""
    print(f"safeguarding-bot: HTTP mode on {args.host}:{port} (POST /slack/events, GET /healthz{installs})",
          file=sys.stderr)
    app = create_app(services)
    settle()
    serve(app, services, host=args.host, port=port, threads=args.threads, reuse_port=args.reuse_port)
    return 0


def cmd_clock(args: argparse.Namespace) -> int:
    from bot.clock import run_clock

    run_clock(_services(_settings(), migrate=False))
    return 0


def cmd_console(args: argparse.Namespace) -> int:
    from bot.console import Console

    settings = _settings()
    settings.log_format = "console"
    settings.log_level = "WARNING"
    services = _services(settings)
    partnership = getattr(args, "partnership", None) or settings.default_partnership or "cheshire-west-and-chester"
    Console(services, partnership=partnership, run_clock=True).run()
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from storage import migrate

    settings = _settings()
    if args.action == "upgrade":
        migrate.upgrade(settings.database_url)
        print("database is up to date")
    else:
        migrate.current(settings.database_url)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="safeguarding-bot", description=__doc__.splitlines()[0])
    parser.set_defaults(func=cmd_default)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    serve = sub.add_parser("serve", help="connect to Slack (Socket Mode or HTTP)")
    mode = serve.add_mutually_exclusive_group(required=True)
    mode.add_argument("--socket", action="store_true", help="Socket Mode (needs SLACK_APP_TOKEN)")
    mode.add_argument("--http", action="store_true", help="HTTP mode (needs SLACK_SIGNING_SECRET)")
    serve.add_argument("--port", type=int, default=None, help="HTTP port (default: PORT or 3000)")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--threads", type=int, default=8)
    serve.add_argument("--workers", type=int, default=1,
                       help="HTTP server processes sharing the port (default 1; see docs/reliability.md)")
    serve.add_argument("--reuse-port", action="store_true", help=argparse.SUPPRESS)
    serve.set_defaults(func=cmd_serve)

    sub.add_parser("clock", help="run the scheduler process (reminders, digests, retention)").set_defaults(
        func=cmd_clock
    )

    console = sub.add_parser("console", help="chat with the bot in this terminal, no Slack needed")
    console.add_argument("--partnership", default=None, type=partnership_arg,
                         help="the console workspace's partnership")
    console.set_defaults(func=cmd_console)

    db = sub.add_parser("db", help="database migrations")
    db.add_argument("action", choices=["upgrade", "current"])
    db.set_defaults(func=cmd_db)

    for module_name in CAPABILITY_CLIS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # capability not installed in this build
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return closed_pipe_exit()
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or type(exc).__name__).splitlines()[0]
        print(f"database error: cannot use DATABASE_URL ({reason}). Check the URL and that the database is up.",
              file=sys.stderr)
        return 2
    except ModuleNotFoundError as exc:
        if exc.name != "psycopg":
            raise
        print("configuration error: DATABASE_URL is PostgreSQL and its driver is not installed: "
              "pip install -c constraints.txt -e '.[postgres]'", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
