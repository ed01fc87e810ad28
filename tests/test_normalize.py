"""Folding of Arabic text and the offset map back to the original string."""

from __future__ import annotations

import pytest

from rasd.doc import Doc
from rasd.text.normalize import fold, normalize


@pytest.mark.parametrize(("raw", "folded"), [
    ("أعلن", "اعلن"), ("إيران", "ايران"), ("آلاف", "الاف"), ("ٱلله", "الله"),  # hamza and wasla alefs
    ("مسؤول", "مسوول"), ("رئيس", "رييس"),  # hamza on waw and ya
    ("مصطفى", "مصطفي"), ("الأقصى", "الاقصي"),  # alef maqsura
    ("وزارة", "وزاره"), ("الحكومة السورية", "الحكومه السوريه"),  # ta marbuta
    ("مُحَمَّدٌ", "محمد"), ("الدِّفاعِ", "الدفاع"), ("اتصالاً", "اتصالا"),  # harakat, shadda, tanwin
    ("الـــرئيس", "الرييس"), ("بـ", "ب"),  # tatweel
    ("٢٠٢٣", "2023"), ("۱۹۴۸", "1948"), ("٣٫٥٪", "3.5%"),  # Arabic-Indic and Persian digits
    ("«بناءة»", '"بناءه"'), ("“قال”", '"قال"'), ("‘نعم’", "'نعم'"),  # quotes
    ("هل انسحبت؟", "هل انسحبت?"), ("أولاً؛ ثانياً", "اولا; ثانيا"),
    ("یک", "يك"),  # Persian ya and kaf
])
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded
    assert normalize(raw).text == folded


def test_normalize_collapses_space_runs_and_drops_invisible_marks() -> None:
    text = "قال\u00a0\u00a0الوزير  \u200fإن\tالقوات\u200b انسحبت"
    assert normalize(text).text == "قال الوزير إن القوات انسحبت".replace("إ", "ا")


def test_fold_keeps_length_of_plain_text() -> None:
    plain = "قال وزير الدفاع ان القوات انسحبت من المنطقه"
    norm = normalize(plain)
    assert norm.text == plain
    assert list(norm.offsets) == list(range(len(plain)))


# (original text, the words of the original as a reader would select them). Marks end no word
# here: to_original stops at the last kept letter, so a word-final haraka (قالَ) is not covered.
OFFSET_CASES = [
    ("قَال وزِير   الدِّفاع الـــروسي", ["قَال", "وزِير", "الدِّفاع", "الـــروسي"]),
    ("أعلنت  الحكومة السوريّة  في ٢٠٢٣", ["أعلنت", "الحكومة", "السوريّة", "في", "٢٠٢٣"]),
    ("«الأمـــم المتحدة»\u00a0\u00a0تُدين", ["«الأمـــم", "المتحدة»", "تُدين"]),
    ("وصفتها أنقرة بـ\"البنّاءة\"", ["وصفتها", "أنقرة", "بـ\"البنّاءة\""]),
]


@pytest.mark.parametrize(("text", "words"), OFFSET_CASES)
def test_folded_words_map_back_to_original_words(text: str, words: list[str]) -> None:
    norm = normalize(text)
    pos = 0
    got = []
    for word in norm.text.split(" "):
        start, end = norm.to_original(pos, pos + len(word))
        got.append(text[start:end])
        pos += len(word) + 1
    assert got == words


@pytest.mark.parametrize(("text", "_words"), OFFSET_CASES)
def test_to_folded_inverts_the_offset_map(text: str, _words: list[str]) -> None:
    norm = normalize(text)
    assert len(norm.offsets) == len(norm.text)
    assert list(norm.offsets) == sorted(set(norm.offsets))
    for i, orig in enumerate(norm.offsets):
        assert norm.to_folded(orig) == i
        assert norm.to_original(i, i + 1) == (orig, orig + 1)
        assert fold(text[orig]) == norm.text[i] or text[orig].isspace()


def test_to_folded_from_a_dropped_character_goes_to_the_next_kept_one() -> None:
    text = "الـــروسيّ قال"
    norm = normalize(text)
    tatweel = text.index("ـ")
    assert norm.text[norm.to_folded(tatweel)] == "ر"
    shadda = text.index("\u0651")
    assert norm.text[norm.to_folded(shadda)] == " "
    assert norm.to_folded(len(text)) == len(norm.text)


def test_empty_spans_map_to_a_point() -> None:
    norm = normalize("قالَ الوزير")
    assert norm.to_original(0, 0) == (0, 0)
    assert norm.to_original(len(norm.text), len(norm.text)) == (len(norm.original), len(norm.original))
    assert normalize("").text == ""


def test_doc_fspan_slices_the_original() -> None:
    text = "وقالَ وزيرُ الخارجيّة الـمصري  إنّ"
    doc = Doc(text)
    folded = doc.norm.text
    start = folded.index("وزير")
    span = doc.fspan(start, start + len("وزير الخارجيه المصري"))
    assert span.text == "وزيرُ الخارجيّة الـمصري"
    assert text[span.start:span.end] == span.text
