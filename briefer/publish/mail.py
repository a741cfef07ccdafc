"""Emailing a rendered brief: one ``multipart/alternative`` message built from the Markdown file on disk.

The text/plain part is the Markdown brief itself and the text/html part is rendered from that same text, so the
two can never disagree. The brief file is only ever read: a failed send leaves it as it was. SMTP I/O sits behind
``Transport`` so the retry policy (4xx and dropped connections retried with backoff, everything else final) is
the same whatever carries the message. The password comes only from ``BRIEFER_SMTP_PASSWORD``; it is handed to
the SMTP login and nowhere else (not to the message, errors or logs).
"""

from __future__ import annotations

import html
import json
import logging
import re
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any, Literal, Protocol

from briefer.config import Config, env_value
from briefer.errors import ConfigError, DeliveryError, InputError, missing_dependency
from briefer.publish.output import write_atomic

logger = logging.getLogger(__name__)

Security = Literal["starttls", "tls", "none"]
DEFAULT_PORTS: dict[str, int] = {"none": 25, "starttls": 587, "tls": 465}
# Seconds to wait before each retry of a transient failure; three retries span about 40 s.
DEFAULT_RETRY_DELAYS = (2.0, 8.0, 30.0)
_SMTP_KEYS = ("host", "port", "user", "security", "from", "to", "ca_file", "timeout")
_ADDR_SPEC = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
)
_NAMED_ADDRESS = re.compile(r"\s*(?P<name>[^<>]*?)\s*<(?P<addr>[^<>]*)>\s*")
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark backslash escapes of ASCII punctuation
_ISO_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_EMAIL_CSS = """
body { margin: 0; padding: 16px; background: #ffffff; color: #1a1a1a;
       font-family: Georgia, 'Times New Roman', serif; font-size: 16px; line-height: 1.5; }
h1 { font-size: 24px; line-height: 1.25; margin: 0 0 12px 0; }
h2 { font-size: 18px; margin: 24px 0 8px 0; border-bottom: 1px solid #dddddd; }
p, li { margin: 0 0 10px 0; }
ul, ol { padding-left: 22px; margin: 0 0 10px 0; }
a { color: #0b57d0; text-decoration: underline; }
code { font-family: Menlo, Consolas, monospace; font-size: 14px; }
"""


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send; resolve with ``resolve_smtp_settings``."""

    host: str = "localhost"
    port: int = DEFAULT_PORTS["none"]
    security: Security = "none"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = "briefer@localhost"
    recipients: tuple[str, ...] = ()  # default recipients, from ``[smtp] to``
    ca_file: str | None = None  # extra CA bundle for relays with a private certificate authority
    timeout: float = 30.0

    @property
    def where(self) -> str:
        return f"SMTP server {self.host}:{self.port}"


@dataclass(frozen=True)
class BriefFile:
    """A rendered Markdown brief as read from disk, and what its subject line is made of."""

    path: Path
    markdown: str
    headline: str | None
    date: str | None

    def default_subject(self) -> str:
        if not self.headline:
            raise InputError(f"{self.path} has no '# ' headline to use as the subject; pass --subject")
        return f"{self.headline} ({self.date})" if self.date else self.headline


@dataclass(frozen=True)
class Delivery:
    """What ``send_brief`` did: the message it built and, unless it was a dry run, how it was delivered."""

    message_id: str
    subject: str
    recipients: tuple[str, ...]
    attempts: int = 0  # SMTP attempts made; 0 for a dry run
    dry_run_path: Path | None = None


@dataclass(frozen=True)
class SmtpReply:
    code: int
    text: str

    def __str__(self) -> str:
        return f"{self.code} {self.text}".strip()


class TransientFailure(Exception):
    """A failure worth retrying: a 4xx reply, a dropped or timed-out connection."""


class Transport(Protocol):
    """Carries one message; the SMTP one is ``SmtpTransport``, tests may pass a fake."""

    def send(self, message: bytes, sender: str, recipients: Sequence[str]) -> dict[str, SmtpReply]:
        """Send to ``recipients``; return the ones the server refused. Raise ``TransientFailure`` to be retried
        and ``DeliveryError`` for a failure that retrying cannot fix."""
        ...


def resolve_smtp_settings(
    config: Config | str | Path | None = None,
    *,
    host: str | None = None,
    port: int | None = None,
    security: str | None = None,
    sender: str | None = None,
) -> SmtpSettings:
    """SMTP settings: the given options > ``BRIEFER_SMTP_*`` environment > ``[smtp]`` config table > defaults.

    The password is read from ``BRIEFER_SMTP_PASSWORD`` only, so it never sits in shell history or a config file.
    """
    configured = config if isinstance(config, Config) else Config.load(config)
    table = configured.section("smtp")
    if "password" in table:
        raise ConfigError("remove 'password' from [smtp] in the config: set BRIEFER_SMTP_PASSWORD in the environment")
    unknown = sorted(set(table) - set(_SMTP_KEYS))
    if unknown:
        raise ConfigError(f"unknown [smtp] setting {', '.join(unknown)}; known: {', '.join(_SMTP_KEYS)}")

    def pick(given: Any, key: str) -> Any:
        value = configured.value(key, None if given == "" else given, sections=("smtp",), env=f"smtp_{key}")
        return None if value == "" else value

    chosen_security = str(pick(security, "security") or "none").lower()
    if chosen_security not in DEFAULT_PORTS:
        raise ConfigError(f"SMTP security must be one of {', '.join(DEFAULT_PORTS)}, got {chosen_security!r}")
    user = _optional_text(pick(None, "user"), "SMTP user")
    to = table.get("to", [])
    if not isinstance(to, (str, list)):
        raise ConfigError(f"[smtp] to must be an address or a list of addresses, got {to!r}")
    return SmtpSettings(
        host=_optional_text(pick(host, "host"), "SMTP host") or "localhost",
        port=_port(pick(port, "port"), DEFAULT_PORTS[chosen_security]),
        security=chosen_security,  # type: ignore[arg-type]
        user=user,
        password=env_value("smtp_password"),
        sender=check_address(pick(sender, "from") or (user if user and "@" in user else "briefer@localhost")),
        recipients=tuple(check_address(a) for a in ([to] if isinstance(to, str) else to)),
        ca_file=_optional_text(pick(None, "ca_file"), "SMTP ca_file"),
        timeout=_timeout(table.get("timeout", 30.0)),
    )


def check_address(value: Any) -> str:
    """``value`` if it is one plain ASCII address (``desk@example.org`` or ``Desk <desk@example.org>``)."""
    text = str(value)
    named = _NAMED_ADDRESS.fullmatch(text)
    addr_spec = named["addr"] if named else text.strip()
    if "\r" in text or "\n" in text or not _ADDR_SPEC.fullmatch(addr_spec):
        raise ConfigError(f"not an email address: {text!r} (use name@example.org or 'Name <name@example.org>')")
    return text.strip()


def address_spec(address: str) -> str:
    """The bare ``name@domain`` of a checked address, as used on the SMTP envelope."""
    named = _NAMED_ADDRESS.fullmatch(address)
    return named["addr"] if named else address


def read_brief_file(path: str | Path) -> BriefFile:
    """Read a rendered Markdown brief; its headline and date come from ``<stem>.json`` beside it when present."""
    path = Path(path)
    if path.suffix.lower() != ".md":
        raise InputError(f"{path}: expected a rendered Markdown brief (.md)")
    try:
        markdown = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"brief not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read brief {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if not markdown.strip():
        raise InputError(f"brief {path} is empty")
    markdown = markdown.replace("\r\n", "\n")
    headline, date = _json_headline_and_date(path.with_suffix(".json"))
    if not headline:
        heading = re.search(r"^# +(.+?)(?: +#+)? *$", markdown, flags=re.MULTILINE)
        headline = _MARKDOWN_ESCAPE.sub(r"\1", heading[1]).strip() if heading else None
    if not date:
        # The nearest first: outputs/2022-01-21/brief.md, then a date written in the brief itself.
        found = _ISO_DATE.search(f"{path.name} {path.resolve().parent.name}") or _ISO_DATE.search(markdown)
        date = found[1] if found else None
    return BriefFile(path=path, markdown=markdown, headline=headline, date=date)


def render_html(markdown: str, title: str) -> str:
    """An email-safe HTML page of the Markdown brief: raw HTML escaped, no images or scripts, CSS inlined."""
    markdown_it, css_inline = _email_extra()
    parser = markdown_it.MarkdownIt("commonmark", {"html": False}).disable("image")
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_EMAIL_CSS}</style></head>"
        f"<body>{parser.render(markdown)}</body></html>"
    )
    return css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False).inline(page)


def compose_message(brief: BriefFile, sender: str, recipients: Sequence[str], subject: str) -> EmailMessage:
    """The ``multipart/alternative`` message: the Markdown as text/plain, the same brief as text/html."""
    if not recipients:
        raise ConfigError("no recipients: pass --to or set to = [...] under [smtp] in briefer.toml")
    if "\n" in subject or "\r" in subject or not subject.strip():
        raise ConfigError("the subject must be one non-empty line")
    message = EmailMessage(policy=SMTP_POLICY)
    message["Subject"] = subject.strip()
    message["From"] = _header_address(sender)
    message["To"] = [_header_address(a) for a in recipients]
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=address_spec(sender).rpartition("@")[2])
    # Quoted-printable keeps every line short and 7-bit, so any relay passes the UTF-8 text through intact.
    message.set_content(brief.markdown, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(
        render_html(brief.markdown, subject), subtype="html", charset="utf-8", cte="quoted-printable"
    )
    return message


def send_brief(
    brief_path: str | Path,
    recipients: Sequence[str] | None = None,
    settings: SmtpSettings | None = None,
    *,
    subject: str | None = None,
    dry_run: str | Path | None = None,
    transport: Transport | None = None,
    retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    sleep: Callable[[float], None] = time.sleep,
    on_retry: Callable[[int, str, float], None] | None = None,
) -> Delivery:
    """Email the brief at ``brief_path`` (or, with ``dry_run``, write the exact message there instead).

    ``recipients`` defaults to ``settings.recipients``; ``settings`` to ``resolve_smtp_settings()``. Every address
    is checked before anything connects. ``on_retry(attempt, reason, delay)`` is told about each retry.
    """
    settings = settings or resolve_smtp_settings()
    addresses = tuple(check_address(a) for a in (recipients or settings.recipients))
    brief = read_brief_file(brief_path)
    message = compose_message(brief, settings.sender, addresses, subject or brief.default_subject())
    raw = message.as_bytes()
    summary = Delivery(message_id=str(message["Message-ID"]), subject=str(message["Subject"]), recipients=addresses)
    if dry_run is not None:
        return replace(summary, dry_run_path=write_atomic(dry_run, raw.decode("ascii")))
    attempts = deliver(
        raw,
        address_spec(settings.sender),
        [address_spec(a) for a in addresses],
        transport or SmtpTransport(settings),
        retry_delays=retry_delays,
        sleep=sleep,
        on_retry=on_retry,
    )
    return replace(summary, attempts=attempts)


def deliver(
    message: bytes,
    sender: str,
    recipients: Sequence[str],
    transport: Transport,
    *,
    retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    sleep: Callable[[float], None] = time.sleep,
    on_retry: Callable[[int, str, float], None] | None = None,
) -> int:
    """Send with retries; return the number of attempts. Only recipients refused with a 4xx are sent again."""
    pending = list(recipients)
    rejected: dict[str, SmtpReply] = {}
    attempts = len(retry_delays) + 1
    for attempt in range(1, attempts + 1):
        try:
            refused = transport.send(message, sender, pending)
        except TransientFailure as exc:
            reason = str(exc)
        else:
            rejected.update({r: reply for r, reply in refused.items() if reply.code >= 500})
            pending = [r for r, reply in refused.items() if reply.code < 500]
            if not pending:
                break
            reason = "; ".join(f"{r}: {refused[r]}" for r in pending)
        logger.info("attempt %d of %d failed: %s", attempt, attempts, reason)
        if attempt == attempts:
            raise DeliveryError(f"not delivered after {attempts} attempts: {reason}")
        delay = retry_delays[attempt - 1]
        if on_retry:
            on_retry(attempt, reason, delay)
        sleep(delay)
    if rejected:
        delivered = len(recipients) - len(rejected)
        also = f" (delivered to the other {delivered})" if delivered else ""
        raise DeliveryError("recipient refused: " + "; ".join(f"{r}: {reply}" for r, reply in rejected.items()) + also)
    logger.info("delivered to %d recipient(s) in %d attempt(s)", len(recipients), attempt)
    return attempt


class SmtpTransport:
    """Sends over SMTP with ``smtplib``: STARTTLS or implicit TLS (certificates verified), AUTH when a user is set."""

    def __init__(self, settings: SmtpSettings, tls_context: ssl.SSLContext | None = None):
        if settings.user and not settings.password:
            raise ConfigError(f"SMTP user {settings.user!r} is set but BRIEFER_SMTP_PASSWORD is not; export it")
        if settings.password and not settings.user:
            raise ConfigError("BRIEFER_SMTP_PASSWORD is set but no SMTP user; set BRIEFER_SMTP_USER or [smtp] user")
        if not (settings.user or "").isascii() or not (settings.password or "").isascii():
            raise ConfigError("the SMTP user and password must be ASCII: Python's SMTP client cannot send others")
        if settings.user and settings.security == "none":
            raise ConfigError("refusing to send the SMTP password unencrypted; set security to starttls or tls")
        self._settings = settings
        self._tls = tls_context
        if self._tls is None and settings.security != "none":
            try:
                self._tls = ssl.create_default_context(cafile=settings.ca_file)
            except (OSError, ssl.SSLError) as exc:
                raise ConfigError(f"cannot load SMTP ca_file {settings.ca_file}: {exc}") from None

    def send(self, message: bytes, sender: str, recipients: Sequence[str]) -> dict[str, SmtpReply]:
        settings = self._settings
        where = settings.where
        try:
            with self._connect() as smtp:
                if settings.security == "starttls":
                    smtp.starttls(context=self._tls)
                if settings.user:
                    smtp.login(settings.user, settings.password or "")
                try:
                    refused = smtp.sendmail(sender, list(recipients), message)
                except smtplib.SMTPRecipientsRefused as exc:
                    refused = exc.recipients
        except smtplib.SMTPAuthenticationError as exc:
            reply = _reply(exc)
            if reply.code < 500:
                raise TransientFailure(f"{where} could not check the login now: {reply}") from None
            raise DeliveryError(
                f"{where} rejected the login for user {settings.user!r}: {reply}; "
                "check BRIEFER_SMTP_USER and BRIEFER_SMTP_PASSWORD"
            ) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise DeliveryError(f"{where}: {exc} Check the SMTP security setting and port") from None
        except smtplib.SMTPServerDisconnected as exc:
            raise TransientFailure(f"{where} closed the connection: {exc}") from None
        except smtplib.SMTPResponseException as exc:
            reply = _reply(exc)
            if reply.code < 500:
                raise TransientFailure(f"{where} answered {reply}") from None
            raise DeliveryError(f"{where} refused the message: {reply}") from None
        except smtplib.SMTPException as exc:
            raise DeliveryError(f"{where}: {exc}") from None
        except ssl.SSLError as exc:
            raise DeliveryError(
                f"TLS with {where} failed: {exc.reason or exc}; check the security setting, port and ca_file"
            ) from None
        except ConnectionRefusedError:
            raise DeliveryError(
                f"cannot connect to {where}: connection refused; check BRIEFER_SMTP_HOST and BRIEFER_SMTP_PORT"
            ) from None
        except socket.gaierror as exc:
            raise DeliveryError(f"cannot find SMTP host {settings.host!r}: {exc.strerror or exc}") from None
        except OSError as exc:
            raise TransientFailure(f"connection to {where} failed: {exc.strerror or exc}") from None
        return {address: _reply_of(code, text) for address, (code, text) in refused.items()}

    def _connect(self) -> smtplib.SMTP:
        settings = self._settings
        if settings.security == "tls":
            return smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=self._tls)
        return smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)


def _reply(exc: smtplib.SMTPResponseException) -> SmtpReply:
    return _reply_of(exc.smtp_code, exc.smtp_error)


def _reply_of(code: int, text: bytes | str) -> SmtpReply:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return SmtpReply(code=int(code), text=" ".join(text.split()))


def _header_address(address: str) -> Address:
    """A header address object, so display names with commas, quotes or non-ASCII are encoded correctly."""
    named = _NAMED_ADDRESS.fullmatch(address)
    return Address(display_name=named["name"].strip('"') if named else "", addr_spec=address_spec(address))


def _email_extra() -> tuple[Any, Any]:
    """markdown-it-py and css-inline, imported on first use: they are the optional ``email`` extra."""
    try:
        import css_inline
        import markdown_it
    except ImportError as exc:
        raise ConfigError(missing_dependency(exc, "emailing needs markdown-it-py and css-inline", "email")) from None
    return markdown_it, css_inline


def _json_headline_and_date(path: Path) -> tuple[str | None, str | None]:
    """Headline and date from a JSON brief, if one sits beside the Markdown; anything unusable is ignored."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None, None
    if not isinstance(data, dict):
        return None, None
    headline, date = data.get("headline"), data.get("date")
    return (
        " ".join(headline.split()) if isinstance(headline, str) and headline.strip() else None,
        date if isinstance(date, str) and _ISO_DATE.fullmatch(date) else None,
    )


def _optional_text(value: Any, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or "\n" in value or "\r" in value:
        raise ConfigError(f"{what} must be one line of text, got {value!r}")
    return value.strip() or None


def _port(value: Any, default: int) -> int:
    if value is None:
        return default
    try:
        port = int(value)
    except (TypeError, ValueError):
        port = 0
    if isinstance(value, bool) or not 0 < port < 65536:
        raise ConfigError(f"SMTP port must be a number from 1 to 65535, got {value!r}")
    return port


def _timeout(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(f"[smtp] timeout must be a positive number of seconds, got {value!r}")
    return float(value)
