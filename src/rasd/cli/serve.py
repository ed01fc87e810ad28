"""`rasd serve`: the HTTP API (see `rasd.serve.api`) under uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rasd.cli.app import app


@app.command()
def serve(
    db: Annotated[Path | None, typer.Option(
        "--db", exists=True, dir_okay=False,
        help="DuckDB store to answer /events from; without it only /extract and /health work.")] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve extraction and stored events over HTTP, with docs at /docs (needs the serve extra)."""
    # Imported here: every other command would pay their import time, and the core does not need them.
    try:
        import uvicorn

        from rasd.serve.api import create_app
    except ImportError as err:
        typer.echo(f"rasd serve needs {err.name}: pip install 'rasd[serve]'", err=True)
        raise typer.Exit(1) from err
    uvicorn.run(create_app(db), host=host, port=port)
