"""Rasd: Arabic news to political event data.

    >>> import rasd
    >>> doc = rasd.extract(text, published="2023-04-25")
    >>> doc.events, doc.statements, doc.dates, doc.places
"""

from __future__ import annotations

from rasd.doc import DateMention, Doc, Entity, Event, Place, Span, Statement
from rasd.pipeline import extract

__all__ = ["DateMention", "Doc", "Entity", "Event", "Place", "Span", "Statement", "extract"]
__version__ = "0.1.0"
