"""Shared fixtures: the evaluation files that sit beside the checkout (`../shared/eval`).

The seed article is also bundled in `tests/data`, so the seed acceptance tests run in any
checkout; the development set and the reference scorer are used when they are beside it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SHARED_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
BUNDLED = Path(__file__).resolve().parent / "data"


def _require(name: str) -> Path:
    path = SHARED_EVAL / name
    if not path.exists() and (BUNDLED / name).exists():
        path = BUNDLED / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    """The seed article with its full gold coding."""
    with _require("seed.gold.jsonl").open(encoding="utf-8") as f:
        return json.loads(f.readline())


@pytest.fixture(scope="session")
def dev_golds() -> list[dict[str, Any]]:
    with _require("dev.gold.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def score_py_path() -> Path:
    return _require("score.py")


@pytest.fixture(scope="session")
def reference_scorer(score_py_path: Path) -> ModuleType:
    """The reference scorer `score.py`, imported as a module."""
    spec = importlib.util.spec_from_file_location("reference_score", score_py_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
