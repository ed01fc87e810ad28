"""Scoring Rasd against gold files, with the figures of the reference scorer (FORMAT.md).

Events match by type (or an `alt_types` entry) and, for dyads, by actor and recipient
countries (pooled for CONSULT, COOPERATE, AGREE); dates by overlapping text and equal
value; statements by speaker country, stance and overlapping cue. Each gold record
matches at most one prediction, best-fitting pairs first; optional gold records absorb
predictions without counting as misses.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

POOLED = frozenset({"CONSULT", "COOPERATE", "AGREE"})
Record = dict[str, Any]
Check = Callable[[Record, Record], bool]


def _country(ent: Any) -> str | None:
    if isinstance(ent, str):
        c = ent.split("/")[0].strip().upper()
    else:
        c = ((ent or {}).get("country") or "").strip().upper()
    return None if c in ("", "*") else c


def _countries(ents: Iterable[Any] | None) -> set[str]:
    return {c for c in (_country(e) for e in ents or []) if c}


def _text(x: Any) -> str | None:
    return x.get("text") if isinstance(x, dict) else x


def _overlaps(a: str | None, b: str | None) -> bool:
    a, b = (a or "").strip(), (b or "").strip()
    return bool(a) and bool(b) and (a in b or b in a)


def _types(g: Record) -> set[str]:
    return {g["type"].upper(), *(t.upper() for t in g.get("alt_types", []))}


def _type_ok(g: Record, p: Record) -> bool:
    return (p.get("type") or "").upper() in _types(g)


def _dyad_ok(g: Record, p: Record) -> bool:
    if not _type_ok(g, p):
        return False
    ga, gr = _countries(g.get("actor")), _countries(g.get("recipient"))
    pa, pr = _countries(p.get("actor")), _countries(p.get("recipient"))
    if (p.get("type") or "").upper() in POOLED and g["type"].upper() in POOLED:
        gall = ga | gr
        return not gall or len(gall & (pa | pr)) >= min(2, len(gall))
    return not (ga and not ga & pa) and not (gr and not gr & pr)


def _date_ok(g: Record, p: Record) -> bool:
    want, got = g.get("date"), p.get("date")
    got = got.get("value") if isinstance(got, dict) else got
    return want is None or got == want or (bool(got) and got.startswith(want + "-"))


def _loc_ok(g: Record, p: Record) -> bool:
    want = (g.get("location") or {}).get("country")
    return want is None or want == (p.get("location") or {}).get("country")


def _modality_ok(g: Record, p: Record) -> bool:
    return (g.get("modality") or "asserted") == (p.get("modality") or "asserted")


def _affinity(g: Record, p: Record) -> float:
    if "type" not in g:
        return 0.0
    ga = _countries(g.get("actor")) | _countries(g.get("recipient"))
    pa = _countries(p.get("actor")) | _countries(p.get("recipient"))
    jac = len(ga & pa) / len(ga | pa) if ga | pa else 1.0
    return (jac + _date_ok(g, p) + _loc_ok(g, p) + _overlaps(g.get("trigger"), _text(p.get("trigger")))
            + _modality_ok(g, p))


def _match(golds: list[Record], preds: list[Record], ok: Check) -> list[tuple[int, int]]:
    cands = sorted(((_affinity(g, p), gi, pi) for gi, g in enumerate(golds)
                    for pi, p in enumerate(preds) if ok(g, p)), key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, golds: list[Record], preds: list[Record], ok: Check) -> tuple[list[tuple[int, int]], list[Record]]:
        required = [g for g in golds if not g.get("optional")]
        optional = [g for g in golds if g.get("optional")]
        pairs = _match(required, preds, ok)
        taken = {pi for _, pi in pairs}
        rest = [p for i, p in enumerate(preds) if i not in taken]
        self.tp += len(pairs)
        self.fn += len(required) - len(pairs)
        self.fp += len(rest) - len(_match(optional, rest, ok))
        return pairs, required

    def prf(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _date_match(g: Record, p: Record) -> bool:
    return _overlaps(g.get("text"), p.get("text")) and str(p.get("value", "")) == g["value"]


def _statement_match(g: Record, p: Record) -> bool:
    return (_country(g["speaker"]) == _country(p.get("speaker") or "")
            and (p.get("stance") or "assert") == g.get("stance", "assert")
            and _overlaps(g.get("cue"), _text(p.get("cue"))))


_ATTRIBUTES: tuple[tuple[str, Check], ...] = (("date", _date_ok), ("location", _loc_ok), ("modality", _modality_ok))


def score(gold_docs: list[Record], pred_docs: list[Record]) -> dict[str, Any]:
    preds = {d["id"]: d for d in pred_docs}
    types, dyads, dates, statements = Tally(), Tally(), Tally(), Tally()
    agree = {name: [0, 0] for name, _ in _ATTRIBUTES}
    missing = 0
    for g in gold_docs:
        p = preds.get(g["id"])
        missing += p is None
        p = p or {}
        events = p.get("events") or []
        types.add(g.get("events", []), events, _type_ok)
        pairs, required = dyads.add(g.get("events", []), events, _dyad_ok)
        for gi, pi in pairs:
            for name, ok in _ATTRIBUTES:
                if name == "modality" or required[gi].get(name):
                    agree[name][1] += 1
                    agree[name][0] += ok(required[gi], events[pi])
        dates.add(g.get("dates", []), p.get("dates") or [], _date_match)
        statements.add(g.get("statements", []), p.get("statements") or [], _statement_match)
    out: dict[str, Any] = {"documents": len(gold_docs), "missing_predictions": missing,
                           "event_type": types.prf(), "event_dyad": dyads.prf(),
                           "dates": dates.prf(), "statements": statements.prf()}
    for name, (ok, n) in agree.items():
        out[f"dyad_events_{name}_agree"] = round(ok / n, 3) if n else None
    return out


def report(res: dict[str, Any]) -> str:
    """The reference scorer's text report."""
    lines = [f"documents {res['documents']}  missing predictions {res['missing_predictions']}"]
    for k in ("event_type", "event_dyad", "dates", "statements"):
        r = res[k]
        lines.append(f"{k:12s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}  "
                     f"(tp {r['tp']} fp {r['fp']} fn {r['fn']})")
    for k in ("date", "location", "modality"):
        v = res[f"dyad_events_{k}_agree"]
        lines.append(f"dyad-correct events with matching {k}: {'n/a' if v is None else f'{v:.3f}'}")
    return "\n".join(lines)


def load_jsonl(path: Path) -> list[Record]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
