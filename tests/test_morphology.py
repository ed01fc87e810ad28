"""Inflection generator on real news verbs and nouns, and the cue/modality lexicons."""

from __future__ import annotations

import time

import pytest

from rasd.lexicons.loader import DATA, read_rows
from rasd.lexicons.morphology import (
    MIN_LENGTH,
    idiom_forms,
    noun_forms,
    participle_forms,
    verb_forms,
)
from rasd.text.normalize import fold

VERBS = {
    ("استضاف", "يستضيف"): ["استضافت", "تستضيف", "استضافته", "يستضيفون", "استضافوا"],
    ("قصف", "يقصف"): ["قصفت", "قصفوا", "يقصفون", "تقصف", "قصفها", "قصفتها"],
    ("دعا", "يدعو"): ["دعت", "دعتا", "دعوا", "يدعون", "تدعو", "دعاه", "دعته", "دعونا"],
    ("نفى", "ينفي"): ["نفت", "نفتا", "نفوا", "ينفون", "تنفي", "نفاه", "نفته", "نفينا"],
    ("ألقى", "يلقي"): ["ألقت", "ألقوا", "يلقون", "ألقاها"],
    ("ردّ", "يرد"): ["ردت", "ردوا", "يردون", "رددنا", "ردّت"],
    ("اتهم", "يتهم"): ["اتهمت", "اتهموه", "اتهموا", "يتهموا", "يتهمون", "يتهمها", "اتهمته"],
    ("أكد", "يؤكد"): ["أكدت", "أكدوا", "تؤكد", "يؤكدون", "أكدنا"],
    ("قال", "يقول"): ["قالت", "قالوا", "قلنا", "قلت", "تقول", "يقولون", "قاله"],
    ("طالب", "يطالب"): ["طالبت", "يطالبها", "طالبوا", "تطالب", "يطالبون", "طالبتها"],
    ("وقّع", "يوقع"): ["وقعت", "وقّعا", "يوقعان", "وقعوا", "وقعها"],
    ("انسحب", "ينسحب"): ["انسحبت", "انسحبوا", "تنسحب", "ينسحبون"],
    ("اعتقل", "يعتقل"): ["اعتقلت", "اعتقلوه", "اعتقلتهم", "يعتقلون"],
    ("وصف", "يصف"): ["وصفتها", "وصفها", "وصفته", "يصفها"],
    ("اعتبر", "يعتبر"): ["اعتبرها", "اعتبرتها", "يعتبرون"],
    ("أعلن", "يعلن"): ["أعلنت", "أعلنوا", "تعلن", "أعلناه"],
}


@pytest.mark.parametrize(("lemma", "expected"), VERBS.items(), ids=[p for p, _ in VERBS])
def test_verb_forms_cover_news_surface_forms(lemma: tuple[str, str], expected: list[str]) -> None:
    forms = verb_forms(*lemma)
    missing = [w for w in expected if fold(w) not in forms]
    assert not missing


def test_verb_forms_are_folded_and_long_enough() -> None:
    forms = verb_forms("أكّد", "يؤكّد")
    assert all(f == fold(f) and len(f) >= MIN_LENGTH for f in forms)
    assert "اكد" in forms and "أكد" not in forms


def test_two_letter_doubled_past_is_not_generated() -> None:
    forms = verb_forms("ردّ", "يرد")
    assert "رد" not in forms
    assert "ردت" in forms


def test_no_proclitics_and_no_plural_first_person() -> None:
    forms = verb_forms("قصف", "يقصف")
    assert "وقصفت" not in forms and "سيقصف" not in forms
    assert "نقصفون" not in forms and "اقصفوا" not in forms


def test_first_person_imperfect_is_not_generated() -> None:
    # نجيب is a given name, not "we answer".
    assert "نجيب" not in verb_forms("أجاب", "يجيب")
    assert "تجيب" in verb_forms("أجاب", "يجيب")


def test_defective_first_person_does_not_spell_other_verbs() -> None:
    # ادعوا is "they claimed" (ادعى), not a form of دعا/يدعو.
    assert "ادعوا" not in verb_forms("دعا", "يدعو")
    assert "ادعوا" in verb_forms("ادعى", "يدعي")


def test_hollow_form_iv_and_x_skip_the_masdar_shaped_form() -> None:
    # بالإضافة and في إشارة must not read as أضاف/أشار with a pronoun.
    assert fold("إضافة") not in verb_forms("أضاف", "يضيف")
    assert fold("إشارة") not in verb_forms("أشار", "يشير")
    assert fold("أضافت") in verb_forms("أضاف", "يضيف")
    assert fold("أشرنا") in verb_forms("أشار", "يشير")


def test_past_only_when_no_imperfect_is_given() -> None:
    forms = verb_forms("قصف", None)
    assert "قصفت" in forms and "يقصف" not in forms


@pytest.mark.parametrize(
    ("noun", "surface"),
    [
        ("غارة", ["غارات", "غارتين", "غارتان", "غارته", "غاراتها"]),
        ("اتصال", ["اتصالا", "اتصالات", "اتصالاته", "اتصالين", "اتصاله"]),
        ("زيارة", ["زيارتها", "زيارته", "زيارتهم", "زيارات"]),
        ("وزارة", ["وزارتا", "وزارتان", "وزارات"]),
        ("وزير", ["وزيرا", "وزيران", "وزيرين"]),
        ("لقاء", ["لقاءات", "لقائه", "لقاؤه", "لقاءين"]),
        ("مسلح", ["مسلحون", "مسلحين"]),
    ],
)
def test_noun_forms(noun: str, surface: list[str]) -> None:
    forms = noun_forms(noun)
    assert [w for w in surface if fold(w) not in forms] == []


def test_noun_tanwin_alef_not_added_after_ta_marbuta() -> None:
    # زيارةً folds to زياره: no alef, and ة must become ت before a pronoun
    for noun in ("زيارة", "زياره"):
        forms = noun_forms(noun)
        assert "زيارها" not in forms
        assert "زيارتها" in forms


@pytest.mark.parametrize(
    ("participle", "surface"),
    [
        ("مؤكد", ["مؤكدا", "مؤكدة", "مؤكدين", "مؤكدون", "مؤكدتين", "مؤكدتان"]),
        ("متهم", ["متهما", "متهمة", "متهمين", "متهمون", "متهميه"]),
        ("مستضيف", ["مستضيفا", "مستضيفة", "مستضيفون"]),
        ("نافي", ["نافيا", "نافية", "نافين"]),
    ],
)
def test_participle_forms(participle: str, surface: list[str]) -> None:
    forms = participle_forms(participle)
    assert [w for w in surface if fold(w) not in forms] == []


def test_idiom_first_word_inflects_and_plus_word_takes_pronouns() -> None:
    forms = idiom_forms(["سحب", "سفير+"], "يسحب")
    for phrase in ("سحب سفيره", "سحبت سفيرها", "سحب سفيرهم", "تسحب سفيرها", "سحبوا سفير"):
        assert phrase in forms
    # the object is the next word, so the verb itself takes no pronoun
    assert "سحبه سفيره" not in forms


def test_idiom_fixed_words_and_noun_head() -> None:
    forms = idiom_forms(["إطلاق", "النار"], None)
    assert fold("إطلاق النار") in forms
    assert fold("إطلاقه النار") not in forms
    assert "رفع حصانته" in idiom_forms(["رفع", "حصانة+"], "يرفع")


def test_multiword_lemmas_route_to_idioms() -> None:
    assert "اعربت عن" in verb_forms("أعرب عن", "يعرب")
    assert "يعربون عن" in verb_forms("أعرب عن", "يعرب")
    assert "اطلاق نار" in noun_forms("إطلاق نار")


def test_generation_is_fast() -> None:
    lemmas = [(p, q) for p, q in VERBS] * 100  # 1,600 verbs, the heaviest kind of lemma
    start = time.perf_counter()
    total = sum(len(verb_forms(p, q)) for p, q in lemmas)
    assert time.perf_counter() - start < 0.3
    assert total > 100_000


def _rows(name: str) -> list[dict[str, str]]:
    return [row.cells | {"_width": str(row.width)} for row in read_rows(DATA / name)]


CUE_COLUMNS = ["lemma", "present", "masdar", "participle", "stance", "kind", "note"]
MODALITY_COLUMNS = ["pattern", "modality", "scope", "note"]


def test_cues_lexicon_is_well_formed() -> None:
    rows = _rows("cues.tsv")
    assert list(rows[0])[:-1] == CUE_COLUMNS
    assert len(rows) >= 90
    for row in rows:
        assert row["_width"] == str(len(CUE_COLUMNS)), row
        assert row["stance"] in {"assert", "deny", "hedge", "question"}, row
        assert row["kind"] in {"verb", "prep", "participle", "phrase"}, row
        assert row["lemma"] and row["lemma"] == row["lemma"].strip(), row
        if row["kind"] == "verb":
            assert fold(row["present"])[:1] in ("ي", "ت"), row
    lemmas = [fold(r["lemma"]) for r in rows]
    assert len(lemmas) == len(set(lemmas))


def test_cues_cover_core_reporting_verbs_and_denials() -> None:
    by_lemma = {fold(r["lemma"]): r for r in _rows("cues.tsv")}
    for verb in ("قال", "أكد", "أعلن", "أفاد", "أوضح", "شدد", "أضاف"):
        assert by_lemma[fold(verb)]["stance"] == "assert"
    for denial in ("نفى", "كذّب", "دحض", "لا صحة"):
        assert by_lemma[fold(denial)]["stance"] == "deny"
    assert by_lemma[fold("حسب")]["kind"] == "prep"


def test_modality_lexicon_is_well_formed() -> None:
    rows = _rows("modality.tsv")
    assert list(rows[0])[:-1] == MODALITY_COLUMNS
    assert len(rows) >= 60
    for row in rows:
        assert row["_width"] == str(len(MODALITY_COLUMNS)), row
        assert row["modality"] in {"negated", "future", "hypothetical", "historical"}, row
        assert row["scope"] in {"before", "clause", "after", "sentence"}, row
    patterns = [fold(r["pattern"]) for r in rows]
    assert len(patterns) == len(set(patterns))
    assert {r["modality"] for r in rows} == {"negated", "future", "hypothetical", "historical"}


def _cue_forms() -> dict[str, str]:
    """Every folded surface form of the cue lexicon, with its stance."""
    forms: dict[str, str] = {}
    for row in _rows("cues.tsv"):
        words = row["lemma"].split()
        if row["kind"] == "verb":
            generated = verb_forms(row["lemma"], row["present"])
            if row["participle"]:
                generated |= participle_forms(row["participle"])
        elif row["kind"] == "participle":
            generated = participle_forms(row["lemma"])
        else:
            generated = {" ".join(fold(w) for w in words)}
        forms |= dict.fromkeys(generated, row["stance"])
    return forms


def test_cue_lexicon_generates_inflected_news_cues() -> None:
    forms = _cue_forms()
    for surface, stance in [
        ("قالت", "assert"), ("أعلنت", "assert"), ("أوضحت", "assert"), ("مؤكداً", "assert"),
        ("محذراً", "assert"), ("وصفتها", "assert"), ("اعتبرها", "assert"), ("معتبرة", "assert"),
        ("موضحة", "assert"), ("متهماً", "assert"), ("أعربت", "assert"), ("تقدّر", "hedge"),
        ("تتوقع", "hedge"), ("نفت", "deny"), ("ينفون", "deny"), ("كذّب", "deny"), ("نافياً", "deny"),
    ]:
        assert forms.get(fold(surface)) == stance, surface
    # the preposition "via" and "between" are not cues, only their idioms are
    assert "عبر" not in forms and "بين" not in forms


def test_nouns_do_not_spell_nisba_adjectives() -> None:
    # "التواصل الاجتماعي" is social media, not "my meeting".
    assert "اجتماعي" not in noun_forms("اجتماع")
    assert "اجتماعه" in noun_forms("اجتماع")


def test_a_noun_idiom_agrees_in_definiteness() -> None:
    forms = idiom_forms(["دورية", "مشتركة"], None)
    assert fold("دورية مشتركة") in forms and fold("دورية المشتركة") in forms
    assert fold("فرض العقوبات") not in idiom_forms(["فرض", "عقوبات"], "يفرض")  # a verb's object is listed as is
