"""Readable terminal rendering of a coded document (Rich tables)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from rasd.doc import Doc, Entity


def _codes(ents: list[Entity]) -> str:
    return ", ".join(dict.fromkeys(e.code for e in ents)) or "—"


def _events(doc: Doc) -> Table:
    table = Table("type", "actor", "recipient", "date", "place", "modality", "trigger", "CAMEO/quad/score",
                  title="Events", title_justify="left")
    for e in doc.events:
        table.add_row(f"{e.type}{'/' + e.mode if e.mode else ''}", _codes(e.actor), _codes(e.recipient),
                      e.date.value if e.date else "—", e.location.name if e.location else "—", e.modality,
                      e.trigger.text, f"{e.cameo} / {e.quad} / {e.score:+g}")
    return table


def _statements(doc: Doc) -> Table:
    table = Table("speaker", "cue", "stance", "about", "content", title="Statements", title_justify="left")
    for s in doc.statements:
        content = s.content.text if s.content else ""
        table.add_row(s.speaker.code if s.speaker else "—", s.cue.text, s.stance,
                      s.about.code if s.about else "—", content[:80] + ("…" if len(content) > 80 else ""))
    return table


def _dates(doc: Doc) -> Table:
    table = Table("expression", "value", "precision", title="Dates", title_justify="left")
    for d in doc.dates:
        table.add_row(d.span.text, d.value, d.precision)
    return table


def render(doc: Doc, console: Console | None = None) -> None:
    """Print events, statements and dates as tables."""
    console = console or Console()
    header = f"[bold]{doc.id or 'document'}[/bold]" + (f"  published {doc.published}" if doc.published else "")
    console.print(header)
    for table in (_events(doc), _statements(doc), _dates(doc)):
        console.print(table)
