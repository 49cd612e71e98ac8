"""``foedus users``: accounts, API tokens and the audit log (administrators only)."""

from __future__ import annotations

import typer
from sqlalchemy import select

from foedus.domain.security import Permission, Role
from foedus.domain.sensitivity import Sensitivity
from foedus.interfaces.cli._context import session
from foedus.interfaces.cli.output import OutputFormat, console, emit
from foedus.services import security
from foedus.storage import schema as t

__all__ = ["app"]

app = typer.Typer(help="Users, API tokens and the audit log.", no_args_is_help=True)


@app.command("add")
def add(
    name: str = typer.Argument(..., help="User name (letters, digits, - and _)."),
    role: Role = typer.Option(Role.READER, "--role", help="reader, analyst or admin."),
    clearance: str = typer.Option("public", "--clearance", help="Highest sensitivity read."),
) -> None:
    """Create a user with a role and a clearance."""
    engine, actor = session(Permission.ADMIN)
    user = security.create_user(engine, actor, name, role, Sensitivity.parse(clearance))
    console.print(f"created {user.name} ({user.role.value}, {user.clearance.name.lower()})")


@app.command("list")
def list_(fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format")) -> None:
    """Every user with role, clearance and live token prefixes."""
    engine, actor = session(Permission.ADMIN)
    emit(security.list_users(engine, actor), fmt, title="Users")


@app.command("token")
def token(name: str = typer.Argument(..., help="The user the token is for.")) -> None:
    """Issue an API token; it is printed once and stored only as a hash."""
    engine, actor = session(Permission.ADMIN)
    typer.echo(security.issue_token(engine, actor, name))


@app.command("revoke")
def revoke(
    prefix: str = typer.Argument(..., help="The token's prefix (see `users list`)."),
) -> None:
    """Revoke an API token at once."""
    engine, actor = session(Permission.ADMIN)
    security.revoke_token(engine, actor, prefix)
    console.print(f"revoked {prefix}")


@app.command("audit")
def audit_log(
    limit: int = typer.Option(50, "--limit", help="Newest N entries; 0 for all."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """The audit log of reads and changes, newest first."""
    engine, _ = session(Permission.ADMIN)
    log = t.audit_log
    statement = select(log).order_by(log.c.id.desc())
    if limit:
        statement = statement.limit(limit)
    with engine.connect() as connection:
        rows = [dict(row) for row in connection.execute(statement).mappings()]
    emit(rows, fmt, columns=["at", "actor", "action", "object_type", "object_id", "detail"],
         title="Audit log")  # fmt: skip
