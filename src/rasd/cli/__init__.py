"""`rasd` command line: each module of this package registers its commands on `app`."""

import rasd.cli.corpus  # noqa: F401
from rasd.cli import claims, evaluate, extract, lexicon, serve  # noqa: F401  (registers commands)
from rasd.cli.app import app

__all__ = ["app"]
