"""The clitic-aware matcher: proclitic chains, word boundaries, the article path, `longest`."""

from __future__ import annotations

import pytest

from rasd.lexicons.triggers import trigger_matcher
from rasd.text.matcher import PROCLITICS, Hit, Matcher, longest, proclitics_fit, share_pass
from rasd.text.normalize import fold

ENTRIES = ["إيران", "تركيا", "مصر", "القوات", "انسحاب", "يقصف", "قصف", "الأمم المتحدة", "الأمم", "المتحدة",
           "اليمن", "قطر", "وزير الدفاع"]


@pytest.fixture(scope="module")
def matcher() -> Matcher[str]:
    return Matcher((fold(e), e) for e in ENTRIES)


def found(matcher: Matcher[str], text: str, keep_longest: bool = True) -> list[tuple[str, str, str]]:
    """(whole word as written in folded text, proclitics, entry) of each hit."""
    folded = fold(text)
    hits = matcher.find(folded)
    if keep_longest:
        hits = longest(hits)
    return [(folded[h.word_start:h.end], h.prefix, v) for h in hits for v in h.values]


@pytest.mark.parametrize(("text", "word", "prefix", "entry"), [
    ("وإيران", "وايران", "و", "إيران"),
    ("للقوات", "للقوات", "لل", "القوات"),
    ("بالانسحاب", "بالانسحاب", "بال", "انسحاب"),
    ("وبالقوات", "وبالقوات", "وب", "القوات"),
    ("فسيقصف", "فسيقصف", "فس", "يقصف"),
    ("وللقوات", "وللقوات", "ولل", "القوات"),
    ("بتركيا", "بتركيا", "ب", "تركيا"),
    ("فمصر", "فمصر", "ف", "مصر"),
])
def test_proclitic_chains_reach_the_entry(matcher: Matcher[str], text: str, word: str, prefix: str,
                                          entry: str) -> None:
    assert found(matcher, f"قال المصدر {text} أمس") == [(word, prefix, entry)]


def test_future_verb_is_not_read_as_the_noun(matcher: Matcher[str]) -> None:
    """فسيقصف holds قصف, but فسي is no proclitic chain: only the verb entry يقصف fits."""
    assert [e for _, _, e in found(matcher, "فسيقصف", keep_longest=False)] == ["يقصف"]


@pytest.mark.parametrize("text", [
    "افتتح مصرف جديد في العاصمة",  # مصر inside مصرف
    "لقي مصرعه في الحادث",  # مصر inside مصرعه
    "وصل الوفد الإيراني",  # إيران inside الإيراني
    "قالت الحكومة اليمنية",  # اليمن inside اليمنية
    "زار عدة أقطار عربية",  # قطر inside أقطار
    "التركيات المشاركات في المؤتمر",  # تركيا is not a prefix of تركيات
])
def test_no_hit_inside_a_longer_word(matcher: Matcher[str], text: str) -> None:
    assert found(matcher, text, keep_longest=False) == []


def test_country_next_to_punctuation_and_digits(matcher: Matcher[str]) -> None:
    got = found(matcher, "(تركيا)، «إيران»: مصر-قطر واليمن.")
    assert [e for _, _, e in got] == ["تركيا", "إيران", "مصر", "قطر", "اليمن"]


def test_article_path_reaches_entries_written_with_al(matcher: Matcher[str]) -> None:
    """ل + الأمم is spelled للأمم: the entry الأمم المتحدة must still match, as one phrase."""
    assert found(matcher, "دعا للأمم المتحدة") == [("للامم المتحده", "لل", "الأمم المتحدة")]
    assert found(matcher, "وللأمم المتحدة") == [("وللامم المتحده", "ولل", "الأمم المتحدة")]
    assert found(matcher, "بالأمم المتحدة") == [("بالامم المتحده", "ب", "الأمم المتحدة")]


def test_article_path_needs_an_article(matcher: Matcher[str]) -> None:
    """Without ال the stripped form أمم المتحدة is not the entry: لأمم has no article."""
    assert "الأمم المتحدة" not in [e for _, _, e in found(matcher, "لأمم المتحدة", keep_longest=False)]


def test_multiword_entry_matches_across_collapsed_spaces() -> None:
    from rasd.text.normalize import normalize

    m = Matcher([(fold("وزير  الدفاع"), "MIL")])
    text = normalize("قال وزير   الدفاع الروسي").text
    [hit] = m.find(text)
    assert text[hit.start:hit.end] == "وزير الدفاع"


def test_find_keeps_overlaps_and_longest_drops_the_inner_ones(matcher: Matcher[str]) -> None:
    every = found(matcher, "الأمم المتحدة", keep_longest=False)
    assert {e for _, _, e in every} == {"الأمم المتحدة", "الأمم", "المتحدة"}
    assert found(matcher, "الأمم المتحدة") == [("الامم المتحده", "", "الأمم المتحدة")]


def test_longest_keeps_text_order_of_separate_hits(matcher: Matcher[str]) -> None:
    got = found(matcher, "انسحاب القوات التركية من إيران ثم وزير الدفاع")
    assert [e for _, _, e in got] == ["انسحاب", "القوات", "إيران", "وزير الدفاع"]


def test_longest_on_hand_built_hits() -> None:
    outer = Hit(2, 14, "", ("outer",), 2)
    inner = Hit(8, 14, "", ("inner",), 8)
    later = Hit(15, 20, "و", ("later",), 14)
    assert longest([later, inner, outer]) == [outer, later]
    assert later.word_start == 14


def test_shared_pass_gives_each_matcher_its_own_hits() -> None:
    """A pattern two lexicons share ("الأمم المتحدة" as an actor and as a place) reaches each
    with its own payload, and an entry only one lexicon has stays with it."""
    actor_entries = [(fold("الأمم المتحدة"), "actor:UN"), (fold("وزير الدفاع"), "actor:MIL")]
    place_entries = [(fold("الأمم المتحدة"), "place:UN HQ"), (fold("دمشق"), "place:Damascus")]
    text = "وقال وزير الدفاع في دمشق للأمم المتحدة"
    alone = [found(Matcher(e), text, keep_longest=False) for e in (actor_entries, place_entries)]
    actors, places = Matcher(actor_entries), Matcher(place_entries)
    share_pass([actors, places])
    assert [found(actors, text, keep_longest=False), found(places, text, keep_longest=False)] == alone
    assert found(actors, text) == [("وزير الدفاع", "", "actor:MIL"), ("للامم المتحده", "لل", "actor:UN")]
    assert found(places, text) == [("دمشق", "", "place:Damascus"), ("للامم المتحده", "لل", "place:UN HQ")]


def test_empty_matcher_finds_nothing() -> None:
    m: Matcher[str] = Matcher([("", "x"), ("   ", "y")])
    assert m.size == 0
    assert m.find("اي نص") == []


def test_proclitic_table() -> None:
    assert {"", "و", "ف", "وال", "فبال", "ولل", "وس", "فس"} <= PROCLITICS
    assert "سال" not in PROCLITICS and "لال" not in PROCLITICS


@pytest.mark.parametrize(("prefix", "verbal", "fits"), [
    ("", True, True), ("و", True, True), ("ف", True, True), ("س", True, True), ("وس", True, True),
    ("فس", True, True), ("ل", True, True),  # لام التعليل: ليقصف
    ("ب", True, False), ("ال", True, False), ("بال", True, False), ("لل", True, False),
    ("", False, True), ("و", False, True), ("بال", False, True), ("لل", False, True), ("ولل", False, True),
    ("ك", False, True), ("س", False, False), ("وس", False, False), ("فس", False, False),
])
def test_proclitics_fit(prefix: str, verbal: bool, fits: bool) -> None:
    assert proclitics_fit(prefix, verbal) is fits


def test_trigger_lexicon_reads_verbs_and_nouns_by_their_proclitics() -> None:
    """On the shipped trigger lexicon: فسيقصف is a verb, بالقصف a noun reading."""
    def readings(word: str) -> set[tuple[str, str]]:
        [hit] = longest(trigger_matcher().find(fold(word)))
        # An idiom's head (انسحاب … من المفاوضات) is a reading only when its tail follows.
        return {(t.type, t.pos) for t in hit.values if proclitics_fit(hit.prefix, t.pos == "verb") and not t.tail}

    assert readings("فسيقصف") == {("ASSAULT", "verb")}
    assert readings("بالقصف") == {("ASSAULT", "noun")}
    assert readings("وبالانسحاب") == {("RETREAT", "noun")}


def test_get_looks_up_one_whole_form_without_reading_a_text() -> None:
    kinds = {(t.type, t.pos) for t in trigger_matcher().get(fold("زيارته"))}
    assert ("CONSULT", "noun") in kinds
    assert trigger_matcher().get(fold("وزيارته")) == ()  # proclitics are the matcher's business, not get's
