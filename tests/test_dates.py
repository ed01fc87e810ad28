"""The date layer on real Arabic news phrasing: spans, resolved values, rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rasd.doc import Doc
from rasd.extraction.dates import _RULES, _anchor_spots, _matches, find_dates
from rasd.text.normalize import normalize


def found(text: str, published: date | None) -> list[tuple[str, str]]:
    """(span text, value) of every mention, checking that spans are exact original slices."""
    doc = Doc(text, published=published)
    mentions = find_dates(doc)
    for m in mentions:
        assert doc.text[m.span.start:m.span.end] == m.span.text
    assert [m.span.start for m in mentions] == sorted(m.span.start for m in mentions)
    return [(m.span.text, m.value) for m in mentions]


SEED_DAY = date(2023, 4, 25)  # a Tuesday


def test_seed_week_and_months_by_clause() -> None:
    text = ("وقال وزير الخارجية التركي، الأسبوع الماضي، إنه من المحتمل عقد اجتماع لوزراء خارجية "
            "الدول الأربع في أوائل أيار/ مايو، للبناء على محادثات كانون الأول/ ديسمبر، لكنه أعلن "
            "بعد ذلك إنه تم تأجيله.")
    assert found(text, SEED_DAY) == [("الأسبوع الماضي", "2023-W16"), ("أوائل أيار/ مايو", "2023-05"),
                                     ("كانون الأول/ ديسمبر", "2022-12")]


def test_same_expression_twice_is_two_mentions() -> None:
    text = "استضاف وزير الدفاع الروسي، اليوم الثلاثاء، محادثات. وأجرى الوزراء محادثات، اليوم الثلاثاء."
    assert found(text, SEED_DAY) == [("اليوم الثلاثاء", "2023-04-25")] * 2


@pytest.mark.parametrize(("text", "published", "span", "value"), [
    ("استقبل وزير الخارجية، أمس الاثنين، نظيره الأردني.", date(2023, 11, 7), "أمس الاثنين",
     "2023-11-06"),
    ("قصفت القوات أحياء في الفاشر، أول أمس الجمعة، ما أسفر عن قتلى.", date(2024, 6, 9),
     "أول أمس الجمعة", "2024-06-07"),
    ("شنت مقاتلات أمريكية، فجر اليوم السبت، غارات على الحديدة.", date(2024, 2, 24),
     "فجر اليوم السبت", "2024-02-24"),
    ("تلقى رئيس الوزراء، مساء أمس الأربعاء، اتصالا هاتفيا.", date(2024, 9, 5), "مساء أمس الأربعاء",
     "2024-09-04"),
    ("ستبدأ غداً الأحد مناورات بحرية مشتركة.", date(2024, 7, 13), "غداً الأحد", "2024-07-14"),
    ("يصل الوفد بعد غد إلى عمّان.", date(2024, 7, 13), "بعد غد", "2024-07-15"),
    ("نفى مسؤول عسكري، الليلة الماضية، شن الغارات.", date(2023, 1, 30), "الليلة الماضية",
     "2023-01-29"),
    ("وساد هدوء حذر أحياء العاصمة منذ ظهر اليوم.", date(2023, 8, 15), "ظهر اليوم", "2023-08-15"),
    ("وبحث الوزير مع نظيره، اليوم، سبل التنسيق.", date(2024, 1, 21), "اليوم", "2024-01-21"),
])
def test_relative_days(text: str, published: date, span: str, value: str) -> None:
    assert found(text, published) == [(span, value)]


def test_other_days_named_with_today_are_not_today() -> None:
    text = ("وفي اليوم التالي احتفل العالم باليوم العالمي للمرأة، وقال مراسل روسيا اليوم إن "
            "غدا الوضع أسوأ، ونقلت صحيفة المصري اليوم عن مصدر أن الاجتماع تأجل.")
    assert found(text, date(2024, 3, 8)) == []


@pytest.mark.parametrize(("text", "published", "span", "value"), [
    # Published on that weekday: the same day.
    ("حيّدت الاستخبارات التركية قياديا بارزا، بحسب مصادر أمنية، الأربعاء.", date(2023, 3, 15),
     "الأربعاء", "2023-03-15"),
    # Otherwise the most recent one...
    ("أعلن الرئيس الأمريكي، مساء الثلاثاء، أن الطرفين وافقا على الاتفاق.", date(2024, 11, 27),
     "مساء الثلاثاء", "2024-11-26"),
    # ...or the next one when the clause speaks of the future.
    ("تترقب السوق بيانات المخزونات المقرر صدورها الأربعاء، إلى جانب بيانات النمو.",
     date(2023, 10, 23), "الأربعاء", "2023-10-25"),
    ("وسيعقد المجلس جلسته الخميس في نيويورك.", date(2023, 10, 23), "الخميس", "2023-10-26"),
    ("عقدت القمة في كمبالا الخميس الماضي.", date(2024, 1, 21), "الخميس الماضي", "2024-01-18"),
    ("ومن المقرر أن يعقد الوزراء اجتماعا، السبت المقبل، في عمّان.", date(2023, 11, 1),
     "السبت المقبل", "2023-11-04"),
])
def test_weekdays(text: str, published: date, span: str, value: str) -> None:
    assert found(text, published) == [(span, value)]


def test_weekday_as_a_name_is_not_a_date() -> None:
    text = "أعلن المجلس البلدي لسوق الجمعة اتفاقا، وأدى المصلون صلاة الجمعة في الأقصى."
    assert found(text, date(2023, 8, 15)) == []


@pytest.mark.parametrize(("text", "published", "span", "value"), [
    ("هددت الدول الأوروبية الشهر الماضي بتفعيل الآلية.", date(2024, 6, 6), "الشهر الماضي", "2024-05"),
    ("يزور الرئيس بغداد الأسبوع المقبل.", date(2024, 9, 5), "الأسبوع المقبل", "2024-W37"),
    ("ستجرى الانتخابات العام المقبل.", date(2024, 9, 5), "العام المقبل", "2025"),
    ("يبلغ الطلب مستوى قياسيا هذا العام.", date(2023, 10, 23), "هذا العام", "2023"),
    ("هي الثالثة من نوعها منذ مطلع العام.", date(2023, 11, 15), "منذ مطلع العام", "2023"),
    ("وتنتهي اللجان من تطبيق البنود قبل نهاية العام الحالي.", date(2025, 3, 11),
     "قبل نهاية العام الحالي", "2025"),
    ("نفى مصدر عقد لقاء في نيروبي مطلع الشهر المقبل.", date(2024, 1, 21), "مطلع الشهر المقبل",
     "2024-02"),
])
def test_relative_periods(text: str, published: date, span: str, value: str) -> None:
    assert found(text, published) == [(span, value)]


def test_general_is_not_a_year() -> None:
    text = "وأكد الأمين العام الحالي للجامعة أن الرأي العام يرفض ذلك."
    assert found(text, date(2024, 1, 1)) == []


def test_counted_spans_back_from_publication() -> None:
    text = "أعلنت الوزارة قبل ثلاثة أيام خطة جديدة، وكانت قد بدأت المشاورات قبل أسبوعين وانتهت منذ يومين."
    assert found(text, date(2024, 3, 20)) == [("قبل ثلاثة أيام", "2024-03-17"),
                                              ("قبل أسبوعين", "2024-W10"), ("منذ يومين", "2024-03-18")]


def test_durations_are_not_dates() -> None:
    text = ("وينص الاتفاق على الانسحاب خلال 60 يوماً، وحكم عليها بالسجن سبع سنوات، وعلى النادي "
            "التسديد في أجل أقصاه 45 يوماً، وقبل يومين من الانتخابات انسحب الحزب.")
    assert found(text, date(2024, 11, 27)) == []


@pytest.mark.parametrize(("text", "published", "span", "value"), [
    ("وكانت الصحافية قد اعتقلت في أيلول/ سبتمبر 2022 إثر تغطيتها الاحتجاجات.", date(2023, 10, 22),
     "أيلول/ سبتمبر 2022", "2022-09"),
    ("الموقع في سوتشي في 22 تشرين الأول/ أكتوبر 2019.", date(2021, 10, 15),
     "22 تشرين الأول/ أكتوبر 2019", "2019-10-22"),
    ("عقب سقوط نظام الأسد في ٨ كانون الأول/ ديسمبر ٢٠٢٤.", date(2025, 1, 7),
     "٨ كانون الأول/ ديسمبر ٢٠٢٤", "2024-12-08"),
    ("وأجريت الانتخابات في 14 أيار (مايو) الماضي.", date(2024, 3, 20), "14 أيار (مايو) الماضي",
     "2023-05-14"),
    ("الموقوفين منذ فيفري 2023 في قضية التآمر.", date(2024, 2, 25), "منذ فيفري 2023", "2023-02"),
    ("وهي المسيرة الأكبر منذ جانفي الماضي.", date(2024, 2, 25), "منذ جانفي الماضي", "2024-01"),
    ("كانوا يخططون لتنفيذ عمليات أواخر ماي الجاري.", date(2023, 5, 18), "أواخر ماي الجاري",
     "2023-05"),
    ("سيحسم المجلس موعد انطلاق المعسكر مطلع يناير المقبل.", date(2024, 12, 11), "مطلع يناير المقبل",
     "2025-01"),
    ("على أن تعقد اللجان أول اجتماعاتها أوائل نيسان المقبل.", date(2025, 3, 11), "أوائل نيسان المقبل",
     "2025-04"),
    ("وقّع الطرفان في 11 مايو الماضي إعلان جدة.", date(2023, 10, 30), "11 مايو الماضي", "2023-05-11"),
    ("منذ بدء الحرب في السابع من تشرين الأول/ أكتوبر.", date(2023, 11, 1),
     "السابع من تشرين الأول/ أكتوبر", "2023-10-07"),
    ("وقع الطرفان اتفاقا، مساء الاثنين 10 من آذار، يقضي بدمج المؤسسات.", date(2025, 3, 11),
     "مساء الاثنين 10 من آذار", "2025-03-10"),
    # The stated weekday picks the year: 28 July 2023 is a Friday.
    ("ستضرب موجة حر الجنوب ابتداء من يوم الجمعة 28 جويلية.", date(2023, 7, 25),
     "يوم الجمعة 28 جويلية", "2023-07-28"),
    ("وسقطت الطائرة في آب 2019 قرب المطار.", date(2024, 3, 20), "آب 2019", "2019-08"),
    ("وتحل المملكة ضيف شرف على المعرض الذي يستمر حتى ٧ أكتوبر.", date(2023, 9, 29), "٧ أكتوبر",
     "2023-10-07"),
])
def test_month_names(text: str, published: date, span: str, value: str) -> None:
    assert found(text, published) == [(span, value)]


def test_month_without_year_follows_the_verb() -> None:
    assert found("سيزور الرئيس موسكو في حزيران.", date(2024, 9, 5)) == [("حزيران", "2025-06")]
    assert found("كان الرئيس قد زار موسكو في حزيران.", date(2024, 9, 5)) == [("حزيران", "2024-06")]


def test_words_that_look_like_months() -> None:
    text = ("وقال إنه مارس ضغوطا على الحكومة، ووصل الرئيس رجب طيب أردوغان، وبلغ النمو صفر في "
            "المئة، وقتل ثلاثة في غارة على مدينة إب.")
    assert found(text, date(2024, 3, 20)) == []


def test_ambiguous_months_in_month_context() -> None:
    text = "وشهدت البلاد احتجاجات في مارس الماضي ثم في ماي 2022."
    assert found(text, date(2024, 3, 20)) == [("مارس الماضي", "2023-03"), ("ماي 2022", "2022-05")]


@pytest.mark.parametrize(("text", "published", "span", "value"), [
    ("رست السفينة، اليوم الأحد الموافق ٩ رجب ١٤٤٥ هـ، في بورتسودان.", date(2024, 1, 21),
     "٩ رجب ١٤٤٥ هـ", "2024-01-21"),
    ("أطلقت الجماعة سراح محتجزين بمناسبة قرب حلول شهر رمضان 1446 هـ.", date(2025, 2, 26),
     "شهر رمضان 1446 هـ", "2025-03"),
    ("وتبدأ العطلة مع حلول شهر رمضان.", date(2025, 2, 26), "شهر رمضان", "2025-03"),
])
def test_hijri(text: str, published: date, span: str, value: str) -> None:
    assert (span, value) in found(text, published)


@pytest.mark.parametrize(("text", "span", "value"), [
    ("وكانت الحكومة العراقية قد وقعت في الخامس عشر من شهر آذار الماضي اتفاقاً مع الأردن.",
     "الخامس عشر من شهر آذار الماضي", "2024-03-15"),
    ("وصل الوفد إلى القاهرة في العاشر من شهر رمضان.", "العاشر من شهر رمضان", "2024-03-20"),
])
def test_day_of_a_named_month_with_shahr(text: str, span: str, value: str) -> None:
    """"الخامس عشر من شهر آذار": the word شهر may stand between the day and the month."""
    assert found(text, date(2024, 4, 10)) == [(span, value)]


def test_anaphora_takes_the_previous_mention() -> None:
    text = ("وقع الطرفان الاتفاق مساء الاثنين 10 من آذار. وفي وقت سابق من اليوم ذاته، هاجم عناصر "
            "التنظيم حاجزا.")
    assert found(text, date(2025, 3, 11))[-1] == ("اليوم ذاته", "2025-03-10")
    text = ("قطعت الجزائر علاقاتها مع المغرب في 24 أوت 2021، قبل أن تغلق مجالها الجوي في سبتمبر "
            "من العام ذاته.")
    assert found(text, date(2024, 3, 18)) == [("24 أوت 2021", "2021-08-24"),
                                              ("سبتمبر من العام ذاته", "2021-09")]


def test_years() -> None:
    text = ("المعاهدة الموقعة عام 1994، وتعيش سوريا منذ عام 2011 أزمة، ووصلت 1200 طن من المساعدات، "
            "ويحكم الحزب منذ 1400 عام.")
    assert found(text, date(2025, 1, 7)) == [("عام 1994", "1994"), ("منذ عام 2011", "2011")]


def test_without_publication_date_only_absolute_dates() -> None:
    text = "أعلنت الوزارة، أمس الأحد، أن الاتفاق الموقع في 24 أوت 2021 ما زال ساريا منذ مطلع العام."
    assert found(text, None) == [("24 أوت 2021", "2021-08-24")]


def test_rule_precision_and_direction_explain_the_value() -> None:
    text = "أعلنت الوزارة، اليوم الثلاثاء، أن الوفد وصل أمس، وسيغادر الأسبوع المقبل."
    mentions = find_dates(Doc(text, published=SEED_DAY))
    assert [(m.rule, m.precision, m.direction) for m in mentions] == [
        ("relative_day", "day", "present"), ("relative_day", "day", "past"),
        ("period", "week", "future")]


SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DENSE = ("وفي صباح يوم الاثنين 3 نيسان/ أبريل 2023 قالت الوزارة، وبعد مطلع أيار/ مايو المقبل، "
         "إن الاجتماع الذي عقد أمس الأحد وقبل ثلاثة أيام ومنذ 2011 وفي عام 2019 "
         "والأسبوع الماضي ومساء الجمعة الماضية في 12/3/2024 و2024-03-12 سيعقد في أواخر الشهر الجاري.")


def test_anchor_windows_find_what_a_full_scan_finds(seed_gold: dict[str, Any]) -> None:
    """Rules are searched only near their anchor words: on real articles that must give
    exactly the matches of a scan of the whole text."""
    texts = [seed_gold["text"], DENSE, *(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))]
    for text in texts:
        folded = normalize(text).text
        spots = _anchor_spots(folded)
        for rule in _RULES:
            windowed = [m.span("e") for m in _matches(rule, folded, spots)]
            assert windowed == [m.span("e") for m in rule.pattern.finditer(folded)], rule.name
