"""Sentences, clauses and tokens; scraper debris lines and the dateline."""

from __future__ import annotations

import pytest

import rasd
from rasd.text.clean import dateline, debris_lines, debris_reason
from rasd.text.normalize import fold
from rasd.text.segment import clauses, sentences, tokens


def pieces(text: str, ranges: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in ranges]


def test_sentences_split_at_end_marks_and_lines_not_at_decimal_points() -> None:
    text = fold("ارتفع التضخم إلى 3.5% في نيسان. وقال الوزير: إن الوضع مستقر! هل ستنسحب القوات؟ "
                "بلغت الخسائر ٢٫٧ مليار دولار.\nسطر بلا نقطة\nوسطر آخر")
    assert pieces(text, sentences(text)) == [
        "ارتفع التضخم الي 3.5% في نيسان.", "وقال الوزير: ان الوضع مستقر!", "هل ستنسحب القوات?",
        "بلغت الخساير 2.7 مليار دولار.", "سطر بلا نقطه", "وسطر اخر"]


def test_sentence_keeps_its_closing_quote() -> None:
    text = fold("وقال: «لن ننسحب.» ثم غادر.")
    assert pieces(text, sentences(text)) == ['وقال: "لن ننسحب."', "ثم غادر."]


def test_sentences_within_a_range() -> None:
    text = fold("مقدمة. قصفت الطائرات المدينة. وانسحبت القوات. خاتمة.")
    start, end = text.index("قصفت"), text.index("خاتمه")
    assert pieces(text, sentences(text, start, end)) == ["قصفت الطايرات المدينه.", "وانسحبت القوات."]


def test_clauses_split_at_commas_and_before_connectives() -> None:
    text = fold("قصفت الطائرات مواقع المسلحين، فيما أعلن الجيش أن العملية مستمرة بينما نفت الحركة ذلك؛ "
                "لكن المصادر أكدت الخبر")
    assert pieces(text, clauses(text, 0, len(text))) == [
        "قصفت الطايرات مواقع المسلحين،", "فيما اعلن الجيش ان العمليه مستمره",
        "بينما نفت الحركه ذلك;", "لكن المصادر اكدت الخبر"]


def test_connective_inside_a_word_does_not_split() -> None:
    text = fold("وكمال الوزير التقى نظيره وحيدا")  # كما inside وكمال, ثم inside nothing
    assert pieces(text, clauses(text, 0, len(text))) == [text]


def test_tokens_are_words_and_single_marks() -> None:
    toks = tokens(fold("قال: «لن ننسحب»، 2023."))
    assert [t.text for t in toks] == ["قال", ":", '"', "لن", "ننسحب", '"', "،", "2023", "."]
    assert [t.is_word for t in toks] == [True, False, False, True, True, False, False, True, False]


@pytest.mark.parametrize(("line", "reason"), [
    ("من الاجتماع الرباعي في موسكو (وزارة الدفاع الروسية)", "caption"),
    ("جنود أتراك في ريف إدلب (الأناضول)", "caption"),
    ("اقرأ أيضاً: تركيا وسوريا تبحثان تطبيع العلاقات", "link"),
    ("إقرأ أيضاً: غارات إسرائيلية على جنوب لبنان", "link"),
    ("الوسوم: سوريا تركيا روسيا", "link"),
    ("سوريا - تركيا - روسيا - إيران", "tags"),
    ("الأردن  إسرائيل  غزة", "tags"),
    ("شارك", "label"), ("شارك:", "label"), ("التعليقات", "label"), ("مواضيع ذات صلة", "label"),
])
def test_debris_lines_are_flagged(line: str, reason: str) -> None:
    assert debris_reason(line) == reason


@pytest.mark.parametrize("line", [
    "استضاف وزير الدفاع الروسي، سيرغي شويغو، اليوم الثلاثاء، محادثات رباعية في موسكو.",
    "قال الوزير إن المحادثات (التي جرت في موسكو) كانت بناءة.",
    "وقالت وزارة الدفاع التابعة للنظام السوري، في بيان، إن الاجتماع بحث انسحاب القوات التركية.",
    "وشارك في الاجتماع وزراء الدفاع ورؤساء المخابرات في تركيا وروسيا وإيران.",
    # A one-sentence paragraph that ends with its source in brackets is no photo caption.
    "ووقع الجانبان 12 اتفاقية ومذكرة تفاهم في مجالات الطاقة والدفاع، بحسب وكالة الأنباء السعودية (واس).",
    "محادثات",
    "",
])
def test_body_lines_are_not_debris(line: str) -> None:
    assert debris_reason(line) is None


def test_debris_lines_report_original_offsets() -> None:
    text = ("أعلنت وزارة الدفاع الروسية انتهاء المحادثات.\n"
            "من الاجتماع الرباعي في موسكو (وزارة الدفاع الروسية)\n"
            "وقال الوزير إن الأجواء كانت إيجابية.\n"
            "اقرأ أيضاً: أنقرة ودمشق\n"
            "التعليقات")
    got = [(text[s:e], why) for s, e, why in debris_lines(text)]
    assert got == [("من الاجتماع الرباعي في موسكو (وزارة الدفاع الروسية)", "caption"),
                   ("اقرأ أيضاً: أنقرة ودمشق", "link"), ("التعليقات", "label")]


@pytest.mark.parametrize(("text", "line", "place"), [
    ("بيروت - (الأناضول): قال مسؤول لبناني إن", "بيروت - (الأناضول): ", "بيروت"),
    ("القاهرة ـ قال مسؤول مصري إن", "القاهرة ـ ", "القاهرة"),
    ("الرباط - هسبريس: قال وزير الداخلية", "الرباط - هسبريس: ", "الرباط"),
    ("دمشق-سانا: أعلنت وزارة الدفاع", "دمشق-سانا: ", "دمشق"),
    ("محادثات في موسكو\n\nبيروت - (الأناضول): قال مسؤول", "بيروت - (الأناضول): ", "بيروت"),
])
def test_dateline(text: str, line: str, place: str) -> None:
    found = dateline(text)
    assert found is not None
    start, end, place_end = found
    assert (text[start:end], text[start:place_end]) == (line, place)


def test_no_dateline_in_plain_body_text() -> None:
    assert dateline("استضاف وزير الدفاع الروسي محادثات في موسكو.") is None
    assert dateline("أول سطر\nثاني سطر\nثالث سطر\nبيروت - (الأناضول): قال") is None


def test_pipeline_keeps_debris_and_dateline_out_of_coding() -> None:
    text = ("بيروت - (الأناضول): قال وزير الخارجية اللبناني إن بلاده ترفض التدخل.\n"
            "جنود أتراك في ريف إدلب (وزارة الدفاع التركية)\n"
            "التعليقات")
    doc = rasd.extract(text)
    assert [s.text for s in doc.excluded] == ["جنود أتراك في ريف إدلب (وزارة الدفاع التركية)", "التعليقات"]
    assert doc.layers["dateline"].text == "بيروت - (الأناضول): "
    assert [e.code for e in doc.entities if e.span.start < len("بيروت - (الأناضول): ")] == []
    assert "LBN/GOV" in [e.code for e in doc.entities]


def test_a_short_sentence_with_commas_is_not_a_tag_line() -> None:
    from rasd.text.clean import debris_reason

    assert debris_reason("وتظاهر آلاف الأردنيين، مساء أمس، في العاصمة عمّان.") is None
    assert debris_reason("سوريا - الأردن - إسرائيل - القنيطرة") == "tags"


def test_space_class_is_backslash_s():
    import re
    import sys

    from rasd.text.segment import SPACE_CLASS

    spaces = re.compile(f"[{SPACE_CLASS}]")
    assert all((spaces.match(c) is not None) == c.isspace() for c in map(chr, range(sys.maxunicode + 1)))
