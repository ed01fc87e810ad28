"""Reading the TSV lexicons shipped in `rasd/lexicons/data` (format: data/README.md)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("rasd.lexicons") / "data"))


@dataclass(frozen=True, slots=True)
class Row:
    """One lexicon line: its cells by column name, and where it came from."""

    file: str
    line: int
    cells: dict[str, str]
    width: int  # how many cells the line really had: `lexicon check` compares it to the header

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column) or ""

    def items(self, column: str) -> list[str]:
        """The `|`-separated alternatives of a cell, stripped, empties dropped."""
        return [v.strip() for v in self[column].split("|") if v.strip()]

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def lexicon_files(stem: str) -> list[Path]:
    """`stem.tsv` and its parts (`stem-*.tsv`), so a large lexicon can be split by topic."""
    return sorted(p for p in DATA.glob(f"{stem}*.tsv") if p.stem == stem or p.stem.startswith(stem + "-"))


def read_rows(path: Path) -> Iterator[Row]:
    """Rows of one TSV file; `#` lines are comments, the first other line is the header."""
    header: list[str] | None = None
    with path.open(encoding="utf-8", newline="") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = next(csv.reader([line.rstrip("\n\r")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = [c.strip() for c in cells]
                continue
            padded = cells + [""] * (len(header) - len(cells))
            yield Row(path.name, lineno, dict(zip(header, (c.strip() for c in padded), strict=False)),
                      len(cells))


def read_lexicon(stem: str) -> list[Row]:
    """All rows of a lexicon, across its files."""
    return [row for path in lexicon_files(stem) for row in read_rows(path)]
