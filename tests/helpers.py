"""Helpers shared by several test modules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def span_objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every {text, start, end} object anywhere in a JSON-like document."""
    if isinstance(node, dict):
        if {"text", "start", "end"} <= node.keys():
            yield node
        for value in node.values():
            yield from span_objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from span_objects(value)
