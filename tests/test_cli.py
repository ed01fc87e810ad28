"""The `rasd` command line: extract, eval, lexicon check and stats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import rasd
from rasd.cli import app
from rasd.lexicons.check import check

runner = CliRunner()

TEXT = "استضاف وزير الدفاع الروسي، سيرغي شويغو، اليوم الثلاثاء، محادثات رباعية في موسكو."
NEWS = [
    {"id": "a1", "published": "2023-04-25", "text": TEXT},
    {"id": "a2", "text": "رحبت أنقرة بالاتفاق الذي وقعته روسيا وإيران."},
    {"id": "a3", "published": "2024-03-17", "text": ""},
]


def invoke(*args: str, stdin: str | None = None) -> str:
    result = runner.invoke(app, list(args), input=stdin, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_extract_from_stdin() -> None:
    out = json.loads(invoke("extract", "--json", "--published", "2023-04-25", stdin=TEXT))
    assert [d["value"] for d in out["dates"]] == ["2023-04-25"]
    assert "RUS/MIL" in [e["code"] for e in out["entities"]]
    assert all(TEXT[e["start"]:e["end"]] == e["text"] for e in out["entities"])


def test_extract_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_file = json.loads(invoke("extract", str(path), "--json", "--published", "2023-04-25"))
    from_stdin = json.loads(invoke("extract", "--json", "--published", "2023-04-25", stdin=TEXT))
    assert from_file["id"] == "article.txt" and from_stdin["id"] is None
    assert {k: v for k, v in from_file.items() if k != "id"} == {k: v for k, v in from_stdin.items() if k != "id"}


def test_extract_json_is_indented() -> None:
    out = invoke("extract", "--json", stdin=TEXT)
    assert out.count("\n") > 5
    assert json.loads(out)["entities"]


def test_extract_without_json_renders_for_a_reader() -> None:
    out = invoke("extract", "--published", "2023-04-25", stdin=TEXT)
    assert "CONSULT" in out and "RUS/MIL" in out and "اليوم الثلاثاء" in out


def test_extract_jsonl_prints_one_object_per_line_with_the_ids(tmp_path: Path) -> None:
    lines = "".join(json.dumps(n, ensure_ascii=False) + "\n" for n in NEWS)
    path = tmp_path / "in.jsonl"
    path.write_text(lines + "\n", encoding="utf-8")  # a blank line is skipped
    for out in (invoke("extract", "--jsonl", str(path)), invoke("extract", "--jsonl", stdin=lines)):
        rows = [json.loads(line) for line in out.splitlines()]
        assert [r["id"] for r in rows] == ["a1", "a2", "a3"]
        assert rows[0]["published"] == "2023-04-25" and rows[1]["published"] is None
        assert rows[0]["events"] and rows[2]["events"] == []
        assert {"id", "events", "dates", "statements"} <= rows[1].keys()


def test_extract_reads_a_windows_1256_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("cp1256"))
    out = json.loads(invoke("extract", str(path), "--json", "--published", "2023-04-25"))
    assert "RUS/MIL" in [e["code"] for e in out["entities"]]


def test_extract_refuses_binary_and_bad_dates_with_a_clear_error(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    result = runner.invoke(app, ["extract", str(binary)])
    assert result.exit_code == 2 and "binary data" in result.output
    result = runner.invoke(app, ["extract", "--published", "2023-13-40"], input=TEXT)
    assert result.exit_code == 2 and "--published" in result.output


def test_extract_jsonl_skips_bad_lines_and_codes_the_rest(tmp_path: Path) -> None:
    good = json.dumps(NEWS[0], ensure_ascii=False)
    undated = json.dumps({"id": "x", "published": "soon", "text": TEXT}, ensure_ascii=False)
    result = runner.invoke(app, ["extract", "--jsonl"], input="\n".join([good, "{broken", "[1, 2]", undated]))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a1", "x"] and rows[1]["published"] is None and rows[1]["events"]
    assert "line 2 skipped" in result.stderr and "line 3 skipped" in result.stderr
    assert "line 4: unreadable published date" in result.stderr


def test_extract_jsonl_keeps_the_other_documents_when_one_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine error on one document is that document's skip, not the end of the run."""
    real = rasd.extract

    def failing(text: str, *args: Any, **kwargs: Any) -> Any:
        if "الفاشر" in text:
            raise TypeError("simulated engine error")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(rasd, "extract", failing)
    bad = json.dumps({"id": "bad", "published": "2024-05-14", "text": "قصفت قوات الدعم السريع مدينة الفاشر "
                      "في شمال دارفور أمس، وقال الجيش السوداني إن القصف أدى إلى مقتل مدنيين."}, ensure_ascii=False)
    good = json.dumps(NEWS[0], ensure_ascii=False)
    result = runner.invoke(app, ["extract", "--jsonl"], input="\n".join([bad, good]))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["bad", "a1"] and rows[1]["events"]
    assert rows[0]["skipped"]["reason"] == "extraction-error" and rows[0]["events"] == []
    assert "bad" in result.stderr or "extraction-error" in result.stderr


PERSIAN = "وزیر امور خارجه ایران گفت که تهران با این طرح مخالف است و آن را نمی‌پذیرد."


def test_extract_refuses_text_that_is_not_arabic_unless_forced(tmp_path: Path) -> None:
    persian = tmp_path / "fa.txt"
    persian.write_text(PERSIAN, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(persian)])
    assert result.exit_code == 1 and "not Arabic: Persian" in result.stderr and "--force" in result.stderr
    assert runner.invoke(app, ["extract", "--force", str(persian)]).exit_code == 0


def test_extract_jsonl_keeps_a_row_for_a_refused_text_with_the_reason() -> None:
    lines = [json.dumps(x, ensure_ascii=False) for x in (NEWS[0], {"id": "fa", "text": PERSIAN}, NEWS[2])]
    result = runner.invoke(app, ["extract", "--jsonl"], input="\n".join(lines))
    rows = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert "skipped" not in rows["a1"] and rows["a1"]["events"]
    assert rows["fa"]["skipped"]["reason"] == "language" and rows["fa"]["events"] == []
    assert rows["a3"]["skipped"]["reason"] == "empty"
    assert "line 2 not coded (language)" in result.stderr


def _gold(seed_gold: dict[str, Any], dev_golds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [seed_gold, *dev_golds[:3]]


def test_eval_prints_the_reference_scorer_figures(tmp_path: Path, seed_gold: dict[str, Any],
                                                  dev_golds: list[dict[str, Any]],
                                                  score_py_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in _gold(seed_gold, dev_golds)),
                    encoding="utf-8")
    preds = tmp_path / "pred.jsonl"
    ours = invoke("eval", str(gold), "--save", str(preds))
    assert len(preds.read_text(encoding="utf-8").splitlines()) == 4

    def reference(*extra: str) -> str:
        done = subprocess.run([sys.executable, str(score_py_path), str(gold), str(preds), *extra],
                              capture_output=True, text=True, check=True)
        return done.stdout

    assert ours.strip() == reference().strip()
    ours_json = json.loads(invoke("eval", str(gold), "--json"))
    assert ours_json == json.loads(reference("--json"))
    assert ours_json["documents"] == 4 and ours_json["missing_predictions"] == 0


def test_eval_refuses_a_missing_gold_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert result.exit_code != 0


def test_lexicon_check_exit_code_matches_the_problems() -> None:
    problems = check()
    result = runner.invoke(app, ["lexicon", "check"])
    assert result.exit_code == (1 if problems else 0)
    lines = result.stdout.splitlines()
    assert lines[-1] == f"{len(problems)} problem(s)"
    assert lines[:-1] == [str(p) for p in problems]


def test_lexicon_check_passes_on_the_shipped_lexicons() -> None:
    result = runner.invoke(app, ["lexicon", "check"])
    assert result.stdout.strip() == "0 problem(s)"
    assert result.exit_code == 0


def test_lexicon_stats_json_has_the_keys() -> None:
    figures = json.loads(invoke("lexicon", "stats", "--json"))
    assert {"countries", "un_members_complete", "un_members_missing", "country_name_variants", "people",
            "organizations", "institutions", "trigger_lemmas", "trigger_lemmas_by_type", "cues",
            "modality_markers", "places", "places_with_coordinates"} <= figures.keys()
    assert sum(figures["trigger_lemmas_by_type"].values()) >= figures["trigger_lemmas"]
    assert figures["un_members_complete"].endswith("/193")


def test_lexicon_stats_table() -> None:
    out = invoke("lexicon", "stats")
    assert "trigger_lemmas" in out and "places_with_coordinates" in out


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["eval", "--help"],
                                  ["lexicon", "--help"]])
def test_help(args: list[str]) -> None:
    assert "Usage" in invoke(*args)
