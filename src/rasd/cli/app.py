"""The Typer application every command module registers on."""

import typer

app = typer.Typer(name="rasd", help="Rasd: Arabic news to political event data.",
                  no_args_is_help=True, add_completion=False)


@app.callback()
def main() -> None:
    """Rasd: Arabic news to political event data."""
