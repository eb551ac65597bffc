"""Keep-alive connections to Slack (bot/httppool.py, bot/slack.py): one connection reused, a connection the
server dropped while idle replaced without losing the request, Slack's refusals returned as before."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from slack_sdk.errors import SlackApiError

from bot.httppool import ConnectionPool
from bot.slack import PooledRespond, PooledWebClient


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, drop_after_answer: bool) -> None:
        self.clients: list[tuple[str, int]] = []
        self.bodies: list[bytes] = []
        self.drop_after_answer = drop_after_answer
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, *_args: object) -> None:
                pass

            def do_POST(self) -> None:
                server.clients.append(self.client_address)
                server.bodies.append(self.rfile.read(int(self.headers["Content-Length"])))
                data = b'{"ok": true}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                # keep-alive was promised (HTTP/1.1, no "Connection: close"), then the connection is dropped
                self.close_connection = server.drop_after_answer

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(params=[False, True], ids=["kept", "dropped"])
def server(request: pytest.FixtureRequest) -> Iterator[_Server]:
    srv = _Server(drop_after_answer=request.param)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def test_requests_share_one_connection_or_replace_a_dropped_one(server: _Server) -> None:
    pool = ConnectionPool()
    replies = [pool.request("POST", f"{server.url}/response/{i}", b"{}", {"Content-Type": "application/json"})
               for i in range(3)]
    assert [r.status for r in replies] == [200, 200, 200] and len(server.bodies) == 3  # each sent exactly once
    ports = {port for _, port in server.clients}
    assert len(ports) == (3 if server.drop_after_answer else 1)
    pool.clear()


def test_only_http_urls_are_sent() -> None:
    with pytest.raises(ValueError):
        ConnectionPool().request("POST", "file:///etc/passwd", None, {})


def test_respond_posts_the_message_and_returns_slacks_answer(fake_slack) -> None:
    respond = PooledRespond(response_url=fake_slack.response_url("tok1"))
    ok = respond(text="Hello", blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "Hi"}}],
                 response_type="ephemeral", replace_original=False)
    assert ok.status_code == 200 and json.loads(ok.body)["ok"] is True
    call = fake_slack.calls_to("response_url")[0]
    assert call["text"] == "Hello" and call["response_type"] == "ephemeral" and call["replace_original"] is False
    refused = respond(text="x" * 50_000)  # Slack refuses an over-long message: answered, not raised (as Bolt's)
    assert refused.status_code == 400


def test_web_client_on_the_pool_keeps_slack_sdk_errors_and_retries(fake_slack) -> None:
    client = PooledWebClient(token="xoxb-test", base_url=fake_slack.api_url)
    from bot.slack import retry_handlers

    client.retry_handlers.extend(retry_handlers())
    fake_slack.add_channel("CPOOL0001")
    assert client.chat_postMessage(channel="CPOOL0001", text="one")["ok"] is True
    fake_slack.rate_limit_next("chat.postMessage", retry_after=1)
    assert client.chat_postMessage(channel="CPOOL0001", text="two")["ok"] is True  # 429 waited out, then sent
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="CNOSUCH01", text="three")
    assert err.value.response["error"] == "channel_not_found"


def test_listener_replies_go_out_on_the_pool(slack, fake_slack, monkeypatch) -> None:
    import bot.slack

    sent: list[str] = []
    real = bot.slack.POOL

    class Spy:
        def request(self, method: str, url: str, *args, **kwargs):  # type: ignore[no-untyped-def]
            sent.append(url)
            return real.request(method, url, *args, **kwargs)

    monkeypatch.setattr(bot.slack, "POOL", Spy())
    assert slack.command("/safeguarding", "help").status == 200
    fake_slack.wait_for("response_url")
    assert any("/response/" in url for url in sent)
