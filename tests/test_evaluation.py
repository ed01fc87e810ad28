"""`rasd.evaluation` against the reference scorer `score.py` on the same gold and predictions."""

from __future__ import annotations

import contextlib
import copy
import io
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import rasd
from rasd.evaluation import load_jsonl, report, score

Record = dict[str, Any]


def _entity(code: str) -> Record:
    country, _, sector = code.partition("/")
    return {"country": None if country == "*" else country, "sector": sector or None, "text": code}


def as_prediction(gold: Record) -> Record:
    """The gold coding written in the output contract (every event and statement, optional ones too)."""
    return {
        "id": gold["id"],
        "events": [{"type": e["type"], "actor": [_entity(c) for c in e.get("actor", [])],
                    "recipient": [_entity(c) for c in e.get("recipient", [])],
                    "date": {"value": e["date"]} if e.get("date") else None,
                    "location": e.get("location"), "trigger": {"text": e.get("trigger", "")},
                    "modality": e.get("modality", "asserted")} for e in gold.get("events", [])],
        "dates": [dict(d) for d in gold.get("dates", [])],
        "statements": [{"speaker": _entity(s["speaker"]), "cue": {"text": s["cue"]},
                        "stance": s.get("stance", "assert")} for s in gold.get("statements", [])],
    }


def damaged(pred: Record) -> Record:
    """A prediction with typical mistakes: a wrong type, a wrong country, a wrong date, extras."""
    out = copy.deepcopy(pred)
    events = out["events"]
    events[0]["type"] = "COOPERATE"
    events[2]["actor"] = [_entity("EGY/GOV")]
    events[6]["date"] = {"value": "2020-01-01"}
    events[7]["modality"] = "asserted"
    events.append({"type": "ASSAULT", "actor": [_entity("ISR/MIL")], "recipient": [_entity("LBN/REB")],
                   "trigger": {"text": "غارة"}})
    events.append({"type": "REJECT", "actor": [_entity("SYR/GOV")], "recipient": [_entity("TUR/MIL")]})
    out["dates"] = [*out["dates"][1:], {"text": "اليوم الثلاثاء", "value": "2023-04-24"}]
    out["statements"] = [dict(s, stance="deny") if i % 3 == 0 else s for i, s in enumerate(out["statements"])]
    return out


def same_as_reference(ref: ModuleType, golds: list[Record], preds: list[Record]) -> Record:
    ours = score(golds, preds)
    assert ours == ref.score(golds, preds)
    return ours


def test_perfect_prediction_scores_one(reference_scorer: ModuleType, seed_gold: Record) -> None:
    res = same_as_reference(reference_scorer, [seed_gold], [as_prediction(seed_gold)])
    for key in ("event_type", "event_dyad", "dates", "statements"):
        assert res[key]["r"] == 1.0 and res[key]["fp"] == 0, key
    assert res["dyad_events_modality_agree"] == 1.0


def test_damaged_prediction(reference_scorer: ModuleType, seed_gold: Record) -> None:
    res = same_as_reference(reference_scorer, [seed_gold], [damaged(as_prediction(seed_gold))])
    assert res["event_type"]["fp"] >= 2 and res["event_dyad"]["fn"] == 1
    assert res["dyad_events_modality_agree"] < 1.0
    assert res["dates"]["fp"] == 1 and res["dates"]["fn"] == 1
    assert 0.0 < res["statements"]["f1"] < 1.0


def test_rasd_predictions_on_seed_and_dev(reference_scorer: ModuleType, seed_gold: Record,
                                          dev_golds: list[Record]) -> None:
    golds = [seed_gold, *dev_golds]
    preds = [rasd.extract(g["text"], g.get("published"), doc_id=g["id"]).to_dict() for g in golds]
    res = same_as_reference(reference_scorer, golds, preds)
    assert res["documents"] == len(golds) and res["missing_predictions"] == 0


def test_missing_and_empty_predictions(reference_scorer: ModuleType, seed_gold: Record,
                                       dev_golds: list[Record]) -> None:
    golds = [seed_gold, dev_golds[0]]
    res = same_as_reference(reference_scorer, golds, [{"id": dev_golds[0]["id"]}])
    assert res["missing_predictions"] == 1 and res["event_type"]["tp"] == 0
    res = same_as_reference(reference_scorer, golds, [])
    assert res["missing_predictions"] == 2
    assert res["dyad_events_date_agree"] is None


def test_string_codes_and_star_countries(reference_scorer: ModuleType, seed_gold: Record) -> None:
    pred = as_prediction(seed_gold)
    for ev in pred["events"]:
        ev["actor"] = [f"{e['country'] or '*'}/{e['sector'] or ''}" for e in ev["actor"]]
    pred["statements"][0]["speaker"] = {"country": "*", "sector": "GOV"}
    same_as_reference(reference_scorer, [seed_gold], [pred])


def test_report_prints_what_score_py_prints(reference_scorer: ModuleType, seed_gold: Record,
                                            score_py_path: Path, tmp_path: Path) -> None:
    import json

    pred = damaged(as_prediction(seed_gold))
    gold_path, pred_path = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    gold_path.write_text(json.dumps(seed_gold, ensure_ascii=False) + "\n", encoding="utf-8")
    pred_path.write_text(json.dumps(pred, ensure_ascii=False) + "\n", encoding="utf-8")
    buf = io.StringIO()
    argv = sys.argv
    sys.argv = ["score.py", str(gold_path), str(pred_path)]
    try:
        with contextlib.redirect_stdout(buf):
            reference_scorer.main()
    finally:
        sys.argv = argv
    assert report(score(load_jsonl(gold_path), load_jsonl(pred_path))) == buf.getvalue().rstrip("\n")


@pytest.mark.parametrize("flag", [True, False])
def test_optional_gold_absorbs_without_counting(reference_scorer: ModuleType, seed_gold: Record,
                                                flag: bool) -> None:
    gold = {"id": "x", "events": [{"type": "REJECT", "actor": ["SYR/GOV"], "optional": flag}]}
    pred = {"id": "x", "events": [{"type": "REJECT", "actor": [_entity("SYR/GOV")]}]}
    res = same_as_reference(reference_scorer, [gold], [pred])
    assert (res["event_type"]["tp"], res["event_type"]["fp"], res["event_type"]["fn"]) == (
        (0, 0, 0) if flag else (1, 0, 0))
