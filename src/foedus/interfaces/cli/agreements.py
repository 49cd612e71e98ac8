"""``foedus agreements``: search the registry and show one agreement."""

from __future__ import annotations

import typer

from foedus.interfaces.cli._context import session
from foedus.interfaces.cli.output import OutputFormat, console, emit, err_console
from foedus.services import registry as service
from foedus.services.serialize import agreement_row, agreement_to_dict

__all__ = ["app"]

app = typer.Typer(help="Search and read the agreement registry.", no_args_is_help=True)


@app.command("search")
def search(
    party: str = typer.Option(None, "--party", help="A party: name, ISO3 or COW code."),
    partner: str = typer.Option(None, "--partner", help="Another party that must also be in it."),
    kind: list[str] = typer.Option([], "--kind", help="Agreement kind (repeatable)."),
    provision: str = typer.Option(
        None, "--provision", help="Provision label or ATOP variable (e.g. DEFENSE)."
    ),
    year_from: int = typer.Option(None, "--from", help="Signed in or after this year."),
    year_to: int = typer.Option(None, "--to", help="Signed in or before this year."),
    source: list[str] = typer.Option([], "--source", help="dcad, atop, user... (repeatable)."),
    text: str = typer.Option(None, "--text", help="Words in the title, notes or stored text."),
    limit: int = typer.Option(50, "--limit", help="At most N rows; 0 for all."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Find agreements by party, partner, kind, provision, years, source or text."""
    engine, user = session()
    result = service.search(
        engine,
        party=party,
        partner=partner,
        kinds=kind,
        provision=provision,
        year_from=year_from,
        year_to=year_to,
        sources=source,
        text=text,
        limit=limit,
        clearance=user.clearance,
        actor=user.name,
    )
    if fmt is OutputFormat.JSON:
        emit([agreement_to_dict(a, full=False) for a in result.agreements], fmt)
        return
    emit(
        [agreement_row(a) for a in result.agreements],
        fmt,
        title=f"{len(result.agreements)} of {result.total} agreements",
    )
    if fmt is OutputFormat.TABLE and result.total > len(result.agreements):
        err_console.print(f"{result.total - len(result.agreements)} more: raise --limit (0 = all)")


@app.command("show")
def show(
    agreement_id: str = typer.Argument(..., help="Agreement id, e.g. dcad:DCADv1.0-0001."),
    fmt: OutputFormat = typer.Option(OutputFormat.TABLE, "--format"),
) -> None:
    """Everything the registry holds on one agreement."""
    engine, user = session()
    agreement = service.show(engine, agreement_id, clearance=user.clearance, actor=user.name)
    data = agreement_to_dict(agreement)
    if fmt is not OutputFormat.TABLE:
        emit(data if fmt is OutputFormat.JSON else [agreement_row(agreement)], fmt)
        return
    console.print(f"[bold]{agreement.title}[/]  ({agreement.id})")
    for key in ("kind", "status", "signed", "in_force", "ended", "sensitivity", "short_name"):
        if data[key]:
            console.print(f"  {key:<12} {data[key]}")
    emit(data["parties"], fmt, columns=["ccode", "name", "role", "joined", "left"], title="Parties")
    emit(
        data["provision_details"],
        fmt,
        columns=["label", "grade", "source", "method"],
        title="Provisions",
    )
    emit(data["sources"], fmt, title="Sources")
