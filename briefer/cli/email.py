"""Email a rendered brief (plain text + HTML), or write the message to a .eml file with --dry-run.

BRIEF is a Markdown brief written by `briefer brief` (e.g. outputs/2022-01-21/brief.md); it is only read.

SMTP settings: these options > BRIEFER_SMTP_HOST, _PORT, _USER, _SECURITY, _FROM, _CA_FILE > briefer.toml.

The password is read only from BRIEFER_SMTP_PASSWORD, never from the command line or a config file.

Busy servers (4xx) and dropped connections are retried with backoff; refusals (5xx, bad login) stop at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def email_command(
    brief: Path = typer.Argument(..., metavar="BRIEF", help="A rendered Markdown brief (.md).", show_default=False),
    to: Optional[list[str]] = typer.Option(
        None, "--to", help="Recipient address; repeat for more. (default: to = [...] in the smtp table of briefer.toml)"
    ),
    subject: Optional[str] = typer.Option(
        None, "--subject", help="Subject line. (default: the brief's headline and date)"
    ),
    dry_run: Optional[Path] = typer.Option(
        None, "--dry-run", metavar="FILE.eml", help="Write the exact message to FILE.eml instead of sending it."
    ),
    sender: Optional[str] = typer.Option(
        None, "--from", help="From address. (default: the SMTP user if it is an address, else briefer@localhost)"
    ),
    host: Optional[str] = typer.Option(None, "--smtp-host", help="SMTP server. (default: localhost)"),
    port: Optional[int] = typer.Option(
        None, "--smtp-port", help="SMTP port. (default: 25; 587 with starttls; 465 with tls)"
    ),
    security: Optional[str] = typer.Option(None, "--security", help="starttls, tls or none. (default: none)"),
    config: Optional[Path] = typer.Option(None, "--config", help="A briefer.toml with an smtp table."),
) -> None:
    from briefer.cli import warn
    from briefer.publish.mail import resolve_smtp_settings, send_brief

    settings = resolve_smtp_settings(config, host=host, port=port, security=security, sender=sender)
    delivery = send_brief(
        brief,
        to,
        settings,
        subject=subject,
        dry_run=dry_run,
        on_retry=lambda attempt, reason, delay: warn(f"attempt {attempt} failed: {reason}; retrying in {delay:g}s"),
    )
    if delivery.dry_run_path is not None:
        typer.echo(f"wrote {delivery.dry_run_path} (not sent)")
    else:
        typer.echo(f"sent {brief} to {', '.join(delivery.recipients)} via {settings.host}:{settings.port}")
