"""Build hook: a wheel of Rasd carries its coding layers compiled to C with mypyc.

The text and extraction layers are plain, fully typed Python; mypyc turns them into C
extensions (about a third faster; `benchmarks/throughput.py`), and the .py files ship beside
them. An editable install stays pure Python, so that edits take effect at once (compiled
extensions would sit beside the sources and shadow them). RASD_PURE=1 builds a pure wheel.
Without a C compiler the extensions are skipped (they are optional) and Rasd runs as pure Python.
"""

import os
import sys
from pathlib import Path

from setuptools import setup

# Left interpreted: their loops run on C-level builtins that the interpreter's specialising
# loop calls faster than mypyc's generic calls (both measured slower compiled).
INTERPRETED = {"src/rasd/text/matcher.py", "src/rasd/extraction/dates.py"}
COMPILED = sorted(str(p) for layer in ("src/rasd/text", "src/rasd/extraction") for p in Path(layer).glob("*.py")
                  if str(p) not in INTERPRETED)


def _compile() -> bool:
    return not os.environ.get("RASD_PURE") and "editable_wheel" not in sys.argv


def _extensions() -> list:
    if not _compile():
        return []
    from mypyc.build import mypycify

    extensions = mypycify(COMPILED, opt_level="3")
    for extension in extensions:
        extension.optional = True
    return extensions


setup(ext_modules=_extensions())
