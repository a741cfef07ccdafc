"""Emailing a brief, tested against a real SMTP server (aiosmtpd) with STARTTLS/TLS from a test CA and AUTH.

Every delivery test asserts on what the server actually received, parsed back with the standard library.
"""

from __future__ import annotations

import base64
import email
import logging
import re
import socket
import ssl
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
import trustme

from briefer.errors import ConfigError, DeliveryError, InputError
from briefer.publish.mail import (
    SmtpSettings,
    SmtpTransport,
    read_brief_file as read_brief,
    render_html,
    resolve_smtp_settings,
    send_brief,
)
from tests.smtp_server import Recorder, smtp_server

USER = "brief-bot"
PASSWORD = "pw-Tr0ub4dor&3-xyzzy"
SECRET_FORMS = (
    PASSWORD,
    base64.b64encode(PASSWORD.encode()).decode(),  # AUTH LOGIN
    base64.b64encode(f"\0{USER}\0{PASSWORD}".encode()).decode(),  # AUTH PLAIN
)
SENDER = "Briefer <briefer@example.org>"
DESK = "desk@example.org"
EDITOR = "Łukasz Nowak <editor@example.org>"
HEADLINE = "Blinken and Lavrov meet in Genève; “no breakthrough”"
REUTERS = "https://www.reuters.com/world/europe/blinken-lavrov-geneva-2022-01-21/?utm_source=x&id=7"
BBC = "https://www.bbc.com/news/world-europe-60078012"
AP = "https://apnews.com/article/russia-ukraine-geneva-blinken-lavrov"
# The shape briefer renders (templates/brief.md.j2), with hostile article text in it.
BRIEF_MD = f"""# {HEADLINE}

*2022-01-21 · 3 sources*

US Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov (Сергей Лавров) met in \
Geneva for 90 minutes. [Reuters]({REUTERS}) [BBC News]({BBC})

## Key points

- Blinken said the US would put its ideas in writing next week. [Reuters]({REUTERS}) [AP]({AP})
- Lavrov called the talks \\<useful\\> <script>alert("x")</script> and “frank”. [Source 3]
- Both sides agreed to keep talking — “a step”, Blinken said 🇺🇸. [AP]({AP})
- A pixel ![pixel](https://tracker.example/p.gif) and [a trap](javascript:alert(1)) in article text.

## Sources

1. **Reuters**: Blinken, Lavrov meet in Geneva, 2022-01-21. <{REUTERS}>
2. **BBC News**: Ukraine tensions: Blinken and Lavrov hold talks. <{BBC}>
3. **Source 3**: (untitled)
"""
RETRY_DELAYS = (0.5, 1.5)


# --- fixtures -------------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_smtp_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HOST", "PORT", "USER", "PASSWORD", "SECURITY", "FROM", "CA_FILE"):
        monkeypatch.delenv(f"BRIEFER_SMTP_{name}", raising=False)


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@pytest.fixture(scope="module")
def client_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


@pytest.fixture
def brief_file(tmp_path: Path) -> Path:
    path = tmp_path / "outputs" / "2022-01-21" / "brief.md"
    path.parent.mkdir(parents=True)
    path.write_text(BRIEF_MD, encoding="utf-8")
    return path


@pytest.fixture
def refused_port() -> Iterator[int]:
    """A port that is bound but not listening, so connecting to it is refused (and nobody else can take it)."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield bound.getsockname()[1]


def settings_for(port: int, security: str = "starttls", **changes) -> SmtpSettings:
    base = SmtpSettings(host="127.0.0.1", port=port, security=security, user=USER, password=PASSWORD, sender=SENDER)
    return replace(base, **changes)


def send(brief: Path, settings: SmtpSettings, tls: ssl.SSLContext | None, sleeps: list[float], **options):
    return send_brief(
        brief,
        options.pop("recipients", [DESK, EDITOR]),
        settings,
        transport=SmtpTransport(settings, tls_context=tls),
        retry_delays=RETRY_DELAYS,
        sleep=sleeps.append,
        **options,
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` with its bytes and mtime: proof that sending left the brief untouched."""
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


class _Html(HTMLParser):
    """Visible body text and (text, href) of every link of an HTML part."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self._href: str | None = None
        self._link_text: list[str] = []
        self._in_body = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_body = self._in_body or tag == "body"
        if tag == "a":
            self._href, self._link_text = dict(attrs).get("href"), []

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append(("".join(self._link_text), self._href))
            self._href = None

    def handle_data(self, data):
        if self._in_body:
            self.text.append(data)
            self._link_text.append(data)


def parse_html(document: str) -> _Html:
    parser = _Html()
    parser.feed(document)
    parser.close()
    return parser


def markdown_words(markdown: str) -> list[str]:
    """What a reader sees of the Markdown, derived independently of markdown-it: markers and link syntax dropped."""
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", r"\1", markdown)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    text = re.sub(r"^(#+ |- |\d+\. )", "", text, flags=re.MULTILINE)
    text = text.replace("**", "").replace("*", "")
    text = re.sub(r"\\(.)", r"\1", text)
    return text.split()


def parts_of(raw: bytes) -> tuple[EmailMessage, str, str]:
    message = email.message_from_bytes(raw, policy=default_policy)
    assert message.get_content_type() == "multipart/alternative"
    plain, rich = message.iter_parts()
    assert (plain.get_content_type(), rich.get_content_type()) == ("text/plain", "text/html")
    assert plain.get_content_charset() == rich.get_content_charset() == "utf-8"
    # SMTP carries CRLF line ends; the content is compared with the newlines the file has.
    return message, plain.get_content().replace("\r\n", "\n"), rich.get_content().replace("\r\n", "\n")


def assert_no_secret(*texts: str | bytes) -> None:
    for text in texts:
        text = text.decode("latin-1") if isinstance(text, bytes) else text
        for secret in SECRET_FORMS:
            assert secret not in text


# --- delivery against the real server --------------------------------------------------------------------------


def test_starttls_with_auth_delivers_both_parts_with_the_same_content(server_tls, client_tls, brief_file, caplog):
    caplog.set_level(logging.DEBUG, logger="briefer")
    recorder, sleeps = Recorder(user=USER, password=PASSWORD), []
    before = snapshot(brief_file.parent)
    with smtp_server(recorder, tls_context=server_tls) as server:
        delivery = send(brief_file, settings_for(server.port), client_tls, sleeps)

    assert recorder.logins == [(USER, True)]
    assert len(recorder.messages) == 1 and delivery.attempts == 1 and sleeps == []
    received = recorder.messages[0]
    assert received.mail_from == "briefer@example.org"
    assert received.rcpt_tos == (DESK, "editor@example.org")
    message, plain, rich = parts_of(received.content)

    # Headers: the default subject is the headline and the date from the path, non-ASCII intact.
    assert message["Subject"] == f"{HEADLINE} (2022-01-21)" == delivery.subject
    assert [a.addr_spec for a in message["From"].addresses] == ["briefer@example.org"]
    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
        ("", DESK),
        ("Łukasz Nowak", "editor@example.org"),
    ]
    assert abs(parsedate_to_datetime(message["Date"]) - datetime.now(timezone.utc)) < timedelta(minutes=5)
    assert re.fullmatch(r"<[^<>@\s]+@example\.org>", message["Message-ID"])
    assert message["Message-ID"] == delivery.message_id

    # The plain part is the Markdown brief itself; the HTML part shows the same words and the same links.
    assert plain == BRIEF_MD
    page = parse_html(rich)
    assert "".join(page.text).split() == markdown_words(BRIEF_MD)
    expected_links = [(t, u) for t, u in re.findall(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", BRIEF_MD)]
    expected_links += [(u, u) for u in re.findall(r"<(https?://[^>\s]+)>", BRIEF_MD)]
    assert sorted(page.links) == sorted(expected_links)
    for word in ("Genève", "Сергей Лавров", "“frank”", "🇺🇸", "—"):
        assert word in plain and word in rich

    # Email-safe: CSS inlined, article HTML escaped, nothing executable or fetched.
    assert "style" not in page.tags and 'style="' in rich
    assert not {"script", "img", "link", "iframe"} & set(page.tags)
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in rich
    assert "javascript:" not in "".join(href for _, href in page.links)

    assert_no_secret(received.content, caplog.text, repr(delivery))
    assert any(r.name == "briefer.publish.mail" for r in caplog.records)
    assert snapshot(brief_file.parent) == before


def test_implicit_tls_with_auth_delivers(server_tls, client_tls, brief_file):
    recorder, sleeps = Recorder(user=USER, password=PASSWORD), []
    with smtp_server(recorder, tls_context=server_tls, implicit_tls=True) as server:
        send(brief_file, settings_for(server.port, security="tls"), client_tls, sleeps, recipients=[DESK])
    assert recorder.logins == [(USER, True)]
    assert [m.rcpt_tos for m in recorder.messages] == [(DESK,)]
    assert parts_of(recorder.messages[0].content)[1] == BRIEF_MD


def test_refused_connection_fails_at_once_and_leaves_the_brief(client_tls, brief_file, refused_port):
    sleeps: list[float] = []
    before = snapshot(brief_file.parent)
    with pytest.raises(DeliveryError, match=rf"127\.0\.0\.1:{refused_port}: connection refused"):
        send(brief_file, settings_for(refused_port), client_tls, sleeps)
    assert sleeps == []
    assert snapshot(brief_file.parent) == before


def test_wrong_password_fails_at_once_with_the_servers_reply(server_tls, client_tls, brief_file):
    recorder, sleeps = Recorder(user=USER, password="the-real-one"), []
    with smtp_server(recorder, tls_context=server_tls) as server:
        with pytest.raises(DeliveryError, match=r"rejected the login for user 'brief-bot': 535 ") as failure:
            send(brief_file, settings_for(server.port), client_tls, sleeps)
    assert recorder.logins and set(recorder.logins) == {(USER, False)}  # smtplib tries PLAIN, then LOGIN
    assert recorder.messages == [] and sleeps == []
    assert_no_secret(str(failure.value))


def test_a_4xx_is_retried_with_backoff_then_delivered_once(server_tls, client_tls, brief_file):
    recorder, sleeps, retries = Recorder(user=USER, password=PASSWORD), [], []
    recorder.data_replies = ["451 4.3.0 Mailbox busy, try again later"]
    with smtp_server(recorder, tls_context=server_tls) as server:
        delivery = send(
            brief_file, settings_for(server.port), client_tls, sleeps, on_retry=lambda *a: retries.append(a)
        )
    assert delivery.attempts == 2
    assert sleeps == [RETRY_DELAYS[0]]
    assert len(retries) == 1 and retries[0][0] == 1 and "451 4.3.0 Mailbox busy" in retries[0][1]
    assert len(recorder.messages) == 1
    assert parts_of(recorder.messages[0].content)[1] == BRIEF_MD


def test_a_4xx_that_persists_gives_up_after_the_last_retry(server_tls, client_tls, brief_file):
    recorder, sleeps = Recorder(user=USER, password=PASSWORD), []
    recorder.data_replies = ["451 4.3.0 Mailbox busy, try again later"] * 5
    before = snapshot(brief_file.parent)
    with smtp_server(recorder, tls_context=server_tls) as server:
        with pytest.raises(DeliveryError, match=r"not delivered after 3 attempts: .*451 4\.3\.0 Mailbox busy"):
            send(brief_file, settings_for(server.port), client_tls, sleeps)
    assert sleeps == list(RETRY_DELAYS)
    assert recorder.messages == [] and len(recorder.data_replies) == 2
    assert snapshot(brief_file.parent) == before


def test_a_5xx_fails_at_once_with_the_servers_reply(server_tls, client_tls, brief_file):
    recorder, sleeps = Recorder(user=USER, password=PASSWORD), []
    recorder.data_replies = ["554 5.7.1 Message rejected as spam"]
    before = snapshot(brief_file.parent)
    with smtp_server(recorder, tls_context=server_tls) as server:
        with pytest.raises(DeliveryError, match=r"refused the message: 554 5\.7\.1 Message rejected as spam"):
            send(brief_file, settings_for(server.port), client_tls, sleeps)
    assert recorder.messages == [] and sleeps == []
    assert snapshot(brief_file.parent) == before


def test_a_connection_dropped_mid_message_is_retried(server_tls, client_tls, brief_file):
    recorder, sleeps = Recorder(user=USER, password=PASSWORD, drop_data=1), []
    with smtp_server(recorder, tls_context=server_tls) as server:
        delivery = send(brief_file, settings_for(server.port), client_tls, sleeps)
    assert delivery.attempts == 2 and sleeps == [RETRY_DELAYS[0]]
    assert len(recorder.messages) == 1


def test_a_refused_address_is_reported_and_the_others_still_get_the_brief(server_tls, client_tls, brief_file):
    recorder, sleeps = Recorder(user=USER, password=PASSWORD), []
    recorder.rcpt_replies = {"nobody@example.org": ["550 5.1.1 No such user here"]}
    with (
        smtp_server(recorder, tls_context=server_tls) as server,
        pytest.raises(
            DeliveryError, match=r"nobody@example\.org: 550 5\.1\.1 No such user here \(delivered to the other 1\)"
        ),
    ):
        send(brief_file, settings_for(server.port), client_tls, sleeps, recipients=[DESK, "nobody@example.org"])
    assert [m.rcpt_tos for m in recorder.messages] == [(DESK,)]
    assert sleeps == []


def test_only_an_address_deferred_with_4xx_is_sent_again(server_tls, client_tls, brief_file):
    recorder, sleeps = Recorder(user=USER, password=PASSWORD), []
    recorder.rcpt_replies = {"editor@example.org": ["450 4.2.1 Mailbox full, try later"]}
    with smtp_server(recorder, tls_context=server_tls) as server:
        delivery = send(brief_file, settings_for(server.port), client_tls, sleeps)
    assert delivery.attempts == 2
    assert [m.rcpt_tos for m in recorder.messages] == [(DESK,), ("editor@example.org",)]


def test_an_untrusted_certificate_stops_before_the_password_is_sent(server_tls, brief_file):
    recorder, sleeps = Recorder(user=USER, password=PASSWORD), []
    with smtp_server(recorder, tls_context=server_tls) as server:
        with pytest.raises(DeliveryError, match="TLS with SMTP server .* failed: CERTIFICATE_VERIFY_FAILED"):
            send(brief_file, settings_for(server.port), ssl.create_default_context(), sleeps)
    assert recorder.logins == [] and recorder.messages == []


def test_a_server_without_starttls_is_not_sent_the_password_in_clear(client_tls, brief_file):
    recorder, sleeps = Recorder(), []
    with smtp_server(recorder) as server, pytest.raises(DeliveryError, match="STARTTLS extension not supported"):
        send(brief_file, settings_for(server.port), client_tls, sleeps)
    assert recorder.messages == []


def test_plain_smtp_without_auth_delivers(brief_file):
    recorder, sleeps = Recorder(), []
    with smtp_server(recorder) as server:
        send(brief_file, settings_for(server.port, security="none", user=None, password=None), None, sleeps)
    assert len(recorder.messages) == 1


def test_a_brief_rendered_by_briefer_arrives_with_its_citations(server_tls, client_tls, tmp_path):
    from briefer.publish.render import render
    from briefer.types import Article, Brief, Point, Sentence

    texts = {
        "a1": "Blinken met Lavrov in Genève on Friday. Talks were <b>frank</b> * and [useful].",
        "a2": "Lavrov (Лавров) said Russia awaits a written answer. Blinken met Lavrov in Genève on Friday.",
    }
    articles = tuple(
        Article(id=i, text=t, title=f"Report {i}", url=f"https://{i}.example.org/geneva?id=1&x=2", outlet=f"Outlet {i}")
        for i, t in texts.items()
    )

    def point(*refs: tuple[str, int]) -> Point:
        evidence = []
        for article_id, index in refs:
            text = texts[article_id].split(". ")[index].rstrip(".") + "."
            start = texts[article_id].index(text[:-1])
            evidence.append(Sentence(article_id, index, text, start, start + len(text)))
        return Point(
            text=evidence[0].text, citations=tuple(dict.fromkeys(a for a, _ in refs)), evidence=tuple(evidence)
        )

    brief = Brief(
        headline="Blinken and Lavrov <meet> in Genève",
        lede=point(("a1", 0), ("a2", 1)),
        points=(point(("a1", 1)), point(("a2", 0))),
        articles=articles,
        date="2022-01-21",
    )
    path = tmp_path / "outputs" / "2022-01-21" / "blinken-and-lavrov-meet-in-geneve.md"
    path.parent.mkdir(parents=True)
    path.write_text(render(brief, "md"), encoding="utf-8")
    path.with_suffix(".json").write_text(render(brief, "json"), encoding="utf-8")

    recorder = Recorder(user=USER, password=PASSWORD)
    with smtp_server(recorder, tls_context=server_tls) as server:
        send(path, settings_for(server.port), client_tls, [], recipients=[DESK])
    message, plain, rich = parts_of(recorder.messages[0].content)
    assert message["Subject"] == "Blinken and Lavrov <meet> in Genève (2022-01-21)"
    assert plain == path.read_text(encoding="utf-8")
    page = parse_html(rich)
    for article in articles:
        assert (article.outlet, article.url) in page.links
    assert "Лавров" in rich and "&lt;b&gt;frank&lt;/b&gt;" in rich and "b" not in page.tags


# --- dry run ---------------------------------------------------------------------------------------------------


def test_dry_run_writes_the_message_that_would_be_sent_without_connecting(
    server_tls, client_tls, brief_file, refused_port, tmp_path
):
    out = tmp_path / "mail" / "out.eml"
    dry = send_brief(brief_file, [DESK, EDITOR], settings_for(refused_port), dry_run=out)
    assert dry.dry_run_path == out and dry.attempts == 0
    written = out.read_bytes()
    assert b"\r\n" in written and written.isascii()
    assert_no_secret(written)

    recorder = Recorder(user=USER, password=PASSWORD)
    with smtp_server(recorder, tls_context=server_tls) as server:
        send(brief_file, settings_for(server.port), client_tls, [])
    dry_message, dry_plain, dry_html = parts_of(written)
    sent_message, sent_plain, sent_html = parts_of(recorder.messages[0].content)
    assert (dry_plain, dry_html) == (sent_plain, sent_html)
    for header in ("Subject", "From", "To", "MIME-Version"):
        assert dry_message[header] == sent_message[header]


# --- settings -------------------------------------------------------------------------------------------------


def test_settings_precedence_is_options_then_environment_then_config(tmp_path, monkeypatch):
    config = tmp_path / "briefer.toml"
    config.write_text(
        '[smtp]\nhost = "cfg.example.org"\nport = 2525\nsecurity = "starttls"\nuser = "cfg-user"\n'
        'from = "Desk Bot <bot@example.org>"\nto = ["a@example.org", "b@example.org"]\ntimeout = 5\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("BRIEFER_SMTP_HOST", "env.example.org")
    monkeypatch.setenv("BRIEFER_SMTP_USER", "env-user")
    monkeypatch.setenv("BRIEFER_SMTP_PASSWORD", PASSWORD)
    settings = resolve_smtp_settings(config, host="cli.example.org")
    assert (settings.host, settings.port, settings.security) == ("cli.example.org", 2525, "starttls")
    assert (settings.user, settings.password) == ("env-user", PASSWORD)
    assert settings.sender == "Desk Bot <bot@example.org>"
    assert settings.recipients == ("a@example.org", "b@example.org")
    assert settings.timeout == 5.0
    assert_no_secret(repr(settings))


def test_settings_default_to_localhost_25_and_the_port_follows_security(monkeypatch):
    assert resolve_smtp_settings() == SmtpSettings()
    assert resolve_smtp_settings(security="tls").port == 465
    monkeypatch.setenv("BRIEFER_SMTP_SECURITY", "STARTTLS")
    assert resolve_smtp_settings().port == 587
    monkeypatch.setenv("BRIEFER_SMTP_USER", "bot@example.org")
    assert resolve_smtp_settings().sender == "bot@example.org"


@pytest.mark.parametrize(
    ("table", "environment", "message"),
    [
        ('password = "hunter2"', {}, "remove 'password' from \\[smtp\\].*BRIEFER_SMTP_PASSWORD"),
        ('hots = "x"', {}, "unknown \\[smtp\\] setting hots"),
        ('security = "ssl"', {}, "security must be one of none, starttls, tls, got 'ssl'"),
        ("port = 70000", {}, "port must be a number from 1 to 65535"),
        ("", {"BRIEFER_SMTP_PORT": "smtp"}, "port must be a number from 1 to 65535, got 'smtp'"),
        ('from = "not an address"', {}, "not an email address: 'not an address'"),
        ('to = ["ok@example.org", "x@@example.org"]', {}, "not an email address: 'x@@example.org'"),
        ('timeout = "soon"', {}, "timeout must be a positive number"),
        ("to = 5", {}, "to must be an address or a list of addresses"),
    ],
)
def test_bad_settings_are_config_errors(tmp_path, monkeypatch, table, environment, message):
    config = tmp_path / "briefer.toml"
    config.write_text(f"[smtp]\n{table}\n", encoding="utf-8")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=message):
        resolve_smtp_settings(config)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"password": None}, "user 'brief-bot' is set but BRIEFER_SMTP_PASSWORD is not"),
        ({"user": None}, "BRIEFER_SMTP_PASSWORD is set but no SMTP user"),
        ({"security": "none"}, "refusing to send the SMTP password unencrypted"),
        ({"password": "pässword"}, "must be ASCII"),
        ({"security": "tls", "ca_file": "/no/such/ca.pem"}, "cannot load SMTP ca_file /no/such/ca.pem"),
    ],
)
def test_bad_credentials_are_config_errors_before_connecting(brief_file, refused_port, changes, message):
    with pytest.raises(ConfigError, match=message):
        send_brief(brief_file, [DESK], settings_for(refused_port, **changes), retry_delays=())


@pytest.mark.parametrize(
    "recipient",
    ["desk", "desk@", "@example.org", "a b@example.org", "desk@example.org\r\nBcc: x@evil.org", "Ä@example.org"],
)
def test_a_bad_recipient_is_a_config_error_before_connecting(brief_file, refused_port, recipient):
    with pytest.raises(ConfigError, match="not an email address"):
        send_brief(brief_file, [DESK, recipient], settings_for(refused_port))


def test_no_recipients_is_a_config_error(brief_file, refused_port):
    with pytest.raises(ConfigError, match="no recipients: pass --to or set to"):
        send_brief(brief_file, [], settings_for(refused_port))


# --- the brief file -------------------------------------------------------------------------------------------


def test_subject_comes_from_the_json_brief_beside_the_markdown(brief_file):
    brief_file.with_suffix(".json").write_text(
        '{"headline": "Talks in Geneva end without a deal", "date": "2022-01-22"}', encoding="utf-8"
    )
    assert read_brief(brief_file).default_subject() == "Talks in Geneva end without a deal (2022-01-22)"


def test_subject_date_comes_from_the_folder_before_the_text(tmp_path):
    path = tmp_path / "2022-01-23" / "talks.md"
    path.parent.mkdir()
    path.write_text("# Talks\n\nNo date written here.\n", encoding="utf-8")
    assert read_brief(path).default_subject() == "Talks (2022-01-23)"
    path.write_text("# Talks\n\n*2022-01-21 · 2 sources*\n", encoding="utf-8")
    assert read_brief(path).default_subject() == "Talks (2022-01-23)"


def test_subject_unescapes_the_markdown_headline_and_finds_a_date_in_the_text(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text("# US \\[updated\\] offer: 5 \\* 2\n\n*2022-01-21 · 2 sources*\n\nLede.\n", encoding="utf-8")
    assert read_brief(path).default_subject() == "US [updated] offer: 5 * 2 (2022-01-21)"


def test_a_brief_without_headline_needs_a_subject(tmp_path, refused_port):
    path = tmp_path / "notes.md"
    path.write_text("Just a paragraph.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no '# ' headline to use as the subject; pass --subject"):
        read_brief(path).default_subject()
    out = tmp_path / "out.eml"
    send_brief(path, [DESK], settings_for(refused_port), subject="Morning brief", dry_run=out)
    assert parts_of(out.read_bytes())[0]["Subject"] == "Morning brief"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.md", None, "brief not found"),
        ("brief.html", "<h1>x</h1>", "expected a rendered Markdown brief"),
        ("empty.md", "  \n", "is empty"),
        ("latin1.md", b"# Gen\xe8ve\n", "cannot read brief"),
    ],
)
def test_unreadable_briefs_are_input_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_brief(path)


def test_a_subject_with_a_line_break_is_refused(brief_file, refused_port, tmp_path):
    with pytest.raises(ConfigError, match="subject must be one non-empty line"):
        send_brief(
            brief_file, [DESK], settings_for(refused_port), subject="Hi\r\nBcc: x@evil.org", dry_run=tmp_path / "x"
        )


def test_html_from_hostile_markdown_has_no_markup_of_its_own():
    page = render_html(
        '# T\n\n<style>body{}</style> <img src="https://t.example/p.gif"> <a href="https://evil.example">x</a>\n'
        "[y](javascript:alert(1)) [z](data:text/html,hi) ![p](https://t.example/q.gif) [ok](https://ok.example)\n",
        title="</title><script>",
    )
    parsed = parse_html(page)
    assert set(parsed.tags) == {"html", "head", "meta", "title", "body", "h1", "p", "a"}
    assert parsed.links == [("p", "https://t.example/q.gif"), ("ok", "https://ok.example")]
    assert "&lt;/title&gt;&lt;script&gt;" in page


# --- the command line -----------------------------------------------------------------------------------------


@pytest.fixture
def smtp_environment(monkeypatch: pytest.MonkeyPatch, ca: trustme.CA, tmp_path: Path):
    """Point BRIEFER_SMTP_* at a local server on ``port`` with STARTTLS, AUTH and the test CA, as a user would."""
    ca_file = tmp_path / "test-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))

    def point_at(port: int, password: str = PASSWORD) -> None:
        for name, value in {
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "SECURITY": "starttls",
            "USER": USER,
            "PASSWORD": password,
            "FROM": SENDER,
            "CA_FILE": str(ca_file),
        }.items():
            monkeypatch.setenv(f"BRIEFER_SMTP_{name}", value)

    return point_at


def run_cli(*args: str):
    from typer.testing import CliRunner

    from briefer.cli import app

    return CliRunner().invoke(app, ["email", *args])


def assert_one_error_line(result, code: int, pattern: str) -> None:
    assert result.exit_code == code, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert re.search(pattern, result.stderr), result.stderr
    assert "Traceback" not in result.output


def test_cli_sends_with_settings_from_the_environment(server_tls, smtp_environment, brief_file):
    recorder = Recorder(user=USER, password=PASSWORD)
    with smtp_server(recorder, tls_context=server_tls) as server:
        smtp_environment(server.port)
        result = run_cli(str(brief_file), "--to", DESK, "--to", EDITOR, "--subject", "Morning brief: Genève")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"sent {brief_file} to {DESK}, {EDITOR} via 127.0.0.1:{server.port}\n"
    message, plain, _ = parts_of(recorder.messages[0].content)
    assert message["Subject"] == "Morning brief: Genève" and plain == BRIEF_MD
    assert_no_secret(result.output, recorder.messages[0].content)


def test_cli_wrong_password_is_one_line_and_exit_5(server_tls, smtp_environment, brief_file):
    recorder = Recorder(user=USER, password="the-real-one")
    before = snapshot(brief_file.parent)
    with smtp_server(recorder, tls_context=server_tls) as server:
        smtp_environment(server.port)
        result = run_cli(str(brief_file), "--to", DESK)
    assert_one_error_line(result, 5, r"rejected the login for user 'brief-bot': 535 5\.7\.8")
    assert_no_secret(result.output)
    assert snapshot(brief_file.parent) == before


def test_cli_refused_connection_is_exit_5(smtp_environment, brief_file, refused_port):
    smtp_environment(refused_port)
    assert_one_error_line(run_cli(str(brief_file), "--to", DESK), 5, "connection refused")


def test_cli_dry_run_writes_the_eml(brief_file, tmp_path, refused_port):
    out = tmp_path / "brief.eml"
    result = run_cli(str(brief_file), "--to", DESK, "--dry-run", str(out), "--smtp-port", str(refused_port))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out} (not sent)\n"
    assert parts_of(out.read_bytes())[1] == BRIEF_MD


@pytest.mark.parametrize(
    ("args", "code", "pattern"),
    [
        (["--to", "desk at example.org"], 3, "not an email address: 'desk at example.org'"),
        (["--to", DESK, "--security", "ssl"], 3, "security must be one of"),
        ([], 3, "no recipients: pass --to"),
    ],
)
def test_cli_bad_options_are_exit_3(brief_file, args, code, pattern):
    assert_one_error_line(run_cli(str(brief_file), *args), code, pattern)


def test_cli_missing_brief_is_exit_2(tmp_path):
    assert_one_error_line(run_cli(str(tmp_path / "nope.md"), "--to", DESK), 2, "brief not found")


def test_cli_has_no_password_option(brief_file):
    result = run_cli(str(brief_file), "--to", DESK, "--password", PASSWORD)
    assert result.exit_code != 0 and "No such option" in result.output
