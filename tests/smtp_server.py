"""A real SMTP server for the mail tests: aiosmtpd on 127.0.0.1, a free port, optional STARTTLS/TLS and AUTH.

Replies can be scripted per command so a test can make the server answer 451 once, or refuse one address, and
then assert on exactly what the server received (the raw bytes of each accepted message and who logged in).
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes


@dataclass
class Recorder:
    """The aiosmtpd handler: records what arrives and answers with scripted replies while any are left."""

    user: str | None = None
    password: str | None = None
    data_replies: list[str] = field(default_factory=list)  # replies to DATA, one per message, before accepting
    rcpt_replies: dict[str, list[str]] = field(default_factory=dict)  # per address, before accepting it
    drop_data: int = 0  # how many DATA commands to answer by dropping the connection
    messages: list[Received] = field(default_factory=list)
    logins: list[tuple[str, bool]] = field(default_factory=list)  # (login, accepted)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        scripted = self.rcpt_replies.get(address)
        if scripted:
            return scripted.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_data:
            self.drop_data -= 1
            server.transport.abort()
            return "451 dropped"  # never reaches the client: the connection is gone
        if self.data_replies:
            return self.data_replies.pop(0)
        self.messages.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"

    def authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode("utf-8")
        accepted = login == self.user and auth_data.password.decode("utf-8") == self.password
        self.logins.append((login, accepted))
        return AuthResult(success=accepted, handled=False)  # handled=False: aiosmtpd sends the 535 itself


class _EphemeralPortController(Controller):
    """Binds port 0 and learns the port the OS picked, so parallel runs never collide on a fixed port."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@contextmanager
def smtp_server(
    recorder: Recorder, *, tls_context: ssl.SSLContext | None = None, implicit_tls: bool = False
) -> Iterator[_EphemeralPortController]:
    """Run an SMTP server until the block ends: STARTTLS offered with ``tls_context``, or implicit TLS."""
    options: dict = {}
    if recorder.user:
        options["authenticator"] = recorder.authenticate
        # aiosmtpd offers AUTH only after STARTTLS by default; on an implicit-TLS port the link is already secure.
        options["auth_require_tls"] = not implicit_tls
    if implicit_tls:
        options["ssl_context"] = tls_context
    elif tls_context is not None:
        options["tls_context"] = tls_context
    controller = _EphemeralPortController(recorder, hostname="127.0.0.1", port=0, **options)
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()
