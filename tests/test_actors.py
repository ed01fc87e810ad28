"""Actor recognition and coding (country/sector) on real Arabic news sentences."""

from __future__ import annotations

import pytest

import rasd
from rasd.doc import Doc, Entity
from rasd.extraction.actors import QUANTIFIERS, find_actors
from rasd.text.normalize import fold


def actors(text: str) -> list[Entity]:
    doc = Doc(text)
    find_actors(doc)
    for e in doc.entities:
        assert text[e.span.start:e.span.end] == e.span.text
    return doc.entities


def coded(text: str) -> list[tuple[str, str]]:
    return [(e.span.text, e.code) for e in actors(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # country names and their variants
    ("قالت سورية إنها سترد على الهجوم.", [("سورية", "SYR")]),
    ("قالت سوريا إنها سترد على الهجوم.", [("سوريا", "SYR")]),
    ("وأكدت إيران والعراق رفضهما للعقوبات.", [("إيران", "IRN"), ("والعراق", "IRQ")]),
    # capitals as metonyms, seats of power
    ("رحبت أنقرة بالاتفاق الذي وقع أمس.", [("أنقرة", "TUR/GOV")]),
    ("ندد الكرملين بالعقوبات الغربية الجديدة.", [("الكرملين", "RUS/GOV")]),
    ("قال البنتاغون إن الضربة أصابت أهدافها.", [("البنتاغون", "USA/MIL")]),
    # institutions with a nisba in every inflection
    ("قال الجيش التركي إن طائراته قصفت مواقع للمسلحين.",
     [("الجيش التركي", "TUR/MIL"), ("للمسلحين", "*/REB")]),
    ("أعلنت الحكومة التركية عن خطة جديدة.", [("الحكومة التركية", "TUR/GOV")]),
    ("وقالت وزارتا الخارجية الروسيتين إن الاجتماع كان ناجحاً.", [("وزارتا الخارجية الروسيتين", "RUS/GOV")]),
    ("أعلنت الخارجية الأمريكية فرض عقوبات على شركات إيرانية.",
     [("الخارجية الأمريكية", "USA/GOV"), ("شركات إيرانية", "IRN/BUS")]),
    # IGOs and armed groups
    ("دعت الأمم المتحدة إلى وقف إطلاق النار.", [("الأمم المتحدة", "UNO")]),
    ("وجه الأمين العام للأمم المتحدة نداء إلى الأطراف.", [("الأمين العام للأمم المتحدة", "UNO")]),
    ("أدانت جامعة الدول العربية الهجوم على المدنيين.",
     [("جامعة الدول العربية", "IGO"), ("المدنيين", "*/CVL")]),
    ("قصف حزب الله مواقع إسرائيلية قرب الحدود.", [("حزب الله", "LBN/REB"), ("إسرائيلية", "ISR")]),
    ("هاجمت قوات الدعم السريع مدينة الفاشر.", [("قوات الدعم السريع", "SDN/REB")]),
    # named office holders and unknown persons with a title
    ("قال سيرغي شويغو إن العملية مستمرة.", [("سيرغي شويغو", "RUS/MIL")]),
    ("التقى وزير الخارجية المصري نظيره الأردني في عمّان.",
     [("وزير الخارجية المصري", "EGY/GOV"), ("نظيره الأردني", "JOR/GOV")]),
    ("قال وزير خارجية تركيا إن بلاده مستعدة للحوار.", [("وزير خارجية تركيا", "TUR/GOV")]),
    ("قال المتحدث باسم وزارة الخارجية الإيرانية إن طهران ترفض الاتهامات.",
     [("المتحدث باسم وزارة الخارجية الإيرانية", "IRN/GOV"), ("طهران", "IRN/GOV")]),
    ("فرض الاتحاد الأوروبي عقوبات جديدة.", [("الاتحاد الأوروبي", "EUR")]),
    ("أطلقت حركة حماس صواريخ على عسقلان.", [("حركة حماس", "PSE/REB")]),
    ("أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم.", [("تنظيم الدولة الإسلامية", "IMG")]),
    ("قالت منظمة العفو الدولية إن المعتقلين تعرضوا للتعذيب.", [("منظمة العفو الدولية", "NGO")]),
    ("قال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن الحرب ستستمر.",
     [("رئيس الوزراء الإسرائيلي بنيامين نتنياهو", "ISR/GOV")]),
    ("أعلن البيت الأبيض أن بايدن سيزور المنطقة.", [("البيت الأبيض", "USA/GOV"), ("بايدن", "USA/GOV")]),
    ("عاد آلاف اللاجئين السوريين من لبنان.", [("اللاجئين السوريين", "SYR/REF"), ("لبنان", "LBN")]),
    ("قال مسؤول سوري إن الاجتماع لم يتطرق إلى التطبيع.", [("مسؤول سوري", "SYR/GOV")]),
    ("أكد الحوثيون أنهم استهدفوا سفينة تجارية بريطانية في البحر الأحمر.", [("الحوثيون", "YEM/REB")]),
    ("أعلنت السعودية والإمارات ومصر والبحرين قطع العلاقات مع قطر.",
     [("السعودية", "SAU"), ("والإمارات", "ARE"), ("ومصر", "EGY"), ("والبحرين", "BHR"), ("قطر", "QAT")]),
])
def test_actor_codes(text: str, expected: list[tuple[str, str]]) -> None:
    """Each expected (span, code) is found, in text order; other actors in the sentence may be too."""
    got = coded(text)
    assert [g for g in got if g in expected] == expected


def test_composed_title_with_nisba() -> None:
    [minister] = actors("قال وزير الدفاع الروسي إن المحادثات كانت بناءة.")
    assert (minister.span.text, minister.code) == ("وزير الدفاع الروسي", "RUS/MIL")
    assert "nisba" in minister.source


def test_title_and_named_person_in_apposition() -> None:
    got = coded("استضاف وزير الدفاع الروسي، سيرغي شويغو، اليوم الثلاثاء، محادثات رباعية.")
    assert got == [("وزير الدفاع الروسي، سيرغي شويغو", "RUS/MIL")]


def test_title_nisba_and_name() -> None:
    [putin, tehran] = actors("زار الرئيس الروسي فلاديمير بوتين طهران.")
    assert (putin.code, putin.name) == ("RUS/GOV", "فلاديمير بوتين")
    assert (tehran.span.text, tehran.code) == ("طهران", "IRN/GOV")


def test_dual_ministries_with_coordinated_nisbas() -> None:
    got = coded("وقالت وزارتا الدفاع التركية والروسية، في بيانين منفصلين، إن الاجتماع كان بناءً.")
    codes = [c for t, c in got if t == "وزارتا الدفاع التركية والروسية"]
    assert codes == ["TUR/MIL", "RUS/MIL"]


def test_dual_ministers_with_coordinated_nisbas() -> None:
    got = coded("اجتمع وزيرا الخارجية الروسي والتركي في أنطاليا.")
    assert got == [("وزيرا الخارجية الروسي والتركي", "RUS/GOV"), ("وزيرا الخارجية الروسي والتركي", "TUR/GOV")]


def test_coordinated_institutions_times_listed_countries() -> None:
    text = "أجرى وزراء الدفاع ورؤساء المخابرات في تركيا وروسيا وإيران ولدى النظام السوري، محادثات في موسكو."
    got = actors(text)
    pairs = {e.code for e in got if "المخابرات" in e.span.text}
    assert pairs == {f"{c}/{s}" for c in ("TUR", "RUS", "IRN", "SYR") for s in ("MIL", "SPY")}
    assert all(e.span.text.endswith("ولدى النظام السوري") for e in got if "المخابرات" in e.span.text)
    assert ("موسكو", "RUS/GOV") in [(e.span.text, e.code) for e in got]


def test_clitics_on_countries_and_institutions() -> None:
    got = coded("وصلت وللقوات التركية وإيران وبالحكومة العراقية رسائل.")
    assert got == [("وللقوات التركية", "TUR/MIL"), ("وإيران", "IRN"), ("وبالحكومة العراقية", "IRQ/GOV")]


def test_country_name_inside_a_longer_word_is_not_an_actor() -> None:
    assert coded("افتتح مصرف جديد فرعاً في المدينة.") == []


def test_people_nisba_is_civilian() -> None:
    got = coded("تظاهر مئات التونسيين أمام البرلمان.")
    assert ("التونسيين", "TUN/CVL") in got


def test_person_with_title_and_no_known_country_keeps_the_sector() -> None:
    minister, country = actors("قال وزير الخارجية إن بلاده ترفض التدخل.")
    assert (minister.span.text, minister.country, minister.sector) == ("وزير الخارجية", None, "GOV")
    assert (country.span.text, country.country) == ("بلاده", None)  # the speaker's, and he has none


def test_doc_without_actors() -> None:
    assert actors("ارتفعت درجات الحرارة اليوم في معظم المناطق.") == []


@pytest.mark.parametrize("text", [
    "سقطت قذيفة قرب سوق ليبيا في أم درمان.",
    "تجمع المحتجون في شارع بغداد وسط المدينة.",
])
def test_a_country_naming_a_street_or_market_is_no_actor(text: str) -> None:
    assert not any(e.country in ("LBY", "IRQ") for e in actors(text))


def test_counted_states_refer_back_to_the_states_named_together() -> None:
    text = ("استضافت الدوحة محادثات بين مصر والأردن والعراق حول الربط الكهربائي. "
            "وقالت الدول العربية الثلاث في بيان مشترك إنها ستواصل التنسيق.")
    doc = rasd.extract(text, "2024-05-14")
    counted = [e for e in doc.entities if e.span.text == "الدول العربية الثلاث"]
    assert {e.country for e in counted} == {"EGY", "JOR", "IRQ"}


def test_word_lists_are_written_as_folded_text() -> None:
    assert all(fold(w) == w for w in QUANTIFIERS)


def test_the_agency_refers_back_to_the_agency_named_before() -> None:
    text = ("تبنى مجلس محافظي الوكالة الدولية للطاقة الذرية قراراً ينتقد إيران. وقال المتحدث الإيراني إن "
            "طهران قد تقلص التعاون مع الوكالة.")
    doc = rasd.extract(text, "2024-06-06")
    assert [e.country for e in doc.entities if e.span.text == "الوكالة"] == ["UNO"]


@pytest.mark.parametrize(("text", "code"), [
    ("شن الطيران الروسي غارات على ريف إدلب.", "RUS/MIL"),
    ("أعلنت هيئة الطيران المدني السعودية استئناف الرحلات.", "SAU/GOV"),
])
def test_al_tayaran_is_the_air_force_unless_civil(text: str, code: str) -> None:
    assert code in {e.code for e in actors(text)}


@pytest.mark.parametrize(("text", "expected"), [
    ("وقعت مالي والنيجر اتفاقاً أمنياً.", {"MLI", "NER"}),
    ("اجتمع قادة النيجر ومالي في نيامي.", {"NER", "MLI"}),
    ("نشب نزاع مالي بين الشركتين.", set()),
])
def test_mali_is_a_state_next_to_other_states_and_financial_otherwise(text: str, expected: set[str]) -> None:
    assert {e.country for e in actors(text) if e.country} == expected


def test_a_fronted_country_is_the_scene_of_an_unnamed_court() -> None:
    """"وفي تونس، أصدرت محكمة …" in a story filed from Tripoli: a Tunisian court."""
    doc = rasd.extract("طرابلس - أعلن المجلس الرئاسي الليبي قراراً جديداً.\n\nوفي تونس، أصدرت محكمة ابتدائية "
                       "حكماً بسجن المعارضة عبير موسي عامين.", "2024-08-29")
    court = next(e for e in doc.entities if e.span.text == "محكمة")
    assert court.code == "TUN/JUD"


def test_the_ministry_refers_back_to_the_ministry_past_another_government_official() -> None:
    """"بيان الوزارة" is the Algerian ministry named before, not the French official in between:
    the و and ب that begin وزارة and بيان are letters of the word, not proclitics."""
    found = coded("استدعت وزارة الخارجية الجزائرية السفير الفرنسي للاحتجاج على تصريحات أدلى بها مسؤول "
                  "فرنسي. وأكد بيان الوزارة أن الجزائر ترفض أي تدخل.")
    assert ("بيان الوزارة", "DZA/GOV") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("وأفادت وسائل إعلام بأن مسيرة إسرائيلية استهدفت دراجة نارية.", ("مسيرة إسرائيلية", "ISR/MIL")),
    ("وأعلنت كييف إسقاط مسيرات روسية.", ("مسيرات روسية", "RUS/MIL")),
])
def test_a_drone_shortened_to_masira_is_fielded_by_its_nationality(text: str, expected: tuple[str, str]) -> None:
    assert expected in coded(text)


def test_a_march_without_nationality_is_no_actor() -> None:
    assert not coded("خرجت مسيرة في شوارع المدينة.")


def test_a_quoted_word_after_a_body_is_its_name() -> None:
    """قناة "المسيرة" is the channel named Al-Masirah, not a drone."""
    found = dict(coded("قالت جماعة الحوثي إن قناة \"المسيرة\" التابعة للجماعة بثت البيان."))
    assert found['قناة "المسيرة" التابعة للجماعة'] == "YEM/MED"


def test_a_definite_body_is_no_construct_head() -> None:
    """"الدفاعات الجوية مسيرات روسية": the air defences, then the Russian drones they downed."""
    found = coded("وأسقطت الدفاعات الجوية مسيرات روسية فوق كييف.")
    assert found[:2] == [("الدفاعات الجوية", "*/MIL"), ("مسيرات روسية", "RUS/MIL")]


def test_a_surname_alone_after_the_full_name_is_the_person() -> None:
    """"المنفي" alone is no lexicon word (it also reads "the exile"), but after "محمد المنفي" it is he."""
    found = coded("استقبل رئيس المجلس الرئاسي الليبي محمد المنفي المبعوث الأممي. وأكد المنفي دعمه لجهود "
                  "الأمم المتحدة.")
    assert ("المنفي", "LBY/GOV") in found


def test_a_surname_before_the_full_name_is_not_yet_the_person() -> None:
    assert all(text != "المنفي" for text, _ in coded("عاد من المنفي. والتقى محمد المنفي وفداً."))


def test_a_capital_with_an_article_it_never_takes_is_no_capital() -> None:
    """"ألباريس" folds to ال + باريس: the Spanish minister Albares, not Paris."""
    found = coded("أكد وزير الخارجية المغربي ناصر بوريطة، خلال ندوة مع نظيره الإسباني خوسيه مانويل ألباريس، "
                  "أن البلدين يعيشان مرحلة غير مسبوقة.")
    assert all(code[:3] != "FRA" for _, code in found)


@pytest.mark.parametrize(("text", "counterpart"), [
    ("وبحث وزير الخارجية المصري في اتصال هاتفي مع نظيره السوداني تطورات الأوضاع.", "SDN/GOV"),
    ("وأكد وزير الدفاع التركي خلال لقائه نظيره الروسي أهمية التنسيق.", "RUS/MIL"),
    ("استقبل رئيس الأركان الأردني نظيره العراقي في عمان.", "IRQ/MIL"),
])
def test_a_counterpart_holds_the_office_of_the_one_it_faces(text: str, counterpart: str) -> None:
    """"نظيره الروسي" after a defence minister is the Russian defence minister: MIL, not a bare RUS."""
    entities = rasd.extract(text, "2024-03-05").entities
    assert [e.code for e in entities if "نظير" in e.span.text] == [counterpart]


@pytest.mark.parametrize(("text", "state"), [
    ("تستضيف العاصمة المصرية القاهرة الأسبوع المقبل جولة جديدة من المفاوضات.", "EGY/GOV"),
    ("وزار وزير الخارجية التركي العاصمة العراقية بغداد أمس.", "IRQ/GOV"),
])
def test_a_capital_named_with_al_asima_acts_when_no_preposition_governs_it(text: str, state: str) -> None:
    """"تستضيف العاصمة المصرية القاهرة": subject (or object) of the verb, the state by metonym."""
    assert state in [e.code for e in rasd.extract(text, "2024-03-05").entities]


def test_a_capital_named_with_al_asima_after_a_preposition_is_a_place() -> None:
    entities = rasd.extract("ووصل الوزير إلى العاصمة الأردنية عمّان أمس.", "2024-03-05").entities
    assert "JOR" not in [e.country for e in entities]


@pytest.mark.parametrize("text", [
    "وأدانت الخارجية السعودية التدخل الإيراني في الشؤون الداخلية للدول العربية.",
    "وانتقدت الصين تدخل الولايات المتحدة في شؤونها الداخلية.",
])
def test_a_field_adjective_after_a_noun_is_no_ministry(text: str) -> None:
    """"الشؤون الداخلية", "شؤونها الداخلية": internal affairs, not the interior ministry."""
    assert not [span for span, _ in coded(text) if span == "الداخلية"]


@pytest.mark.parametrize(("text", "code"), [
    ("وقالت الداخلية العراقية إن الشرطة اعتقلت المشتبه به.", "IRQ/GOV"),
    ("وقال المتحدث باسم الخارجية الإيرانية إن طهران ترفض الاتهامات.", "IRN/GOV"),
])
def test_a_ministry_named_by_its_field_still_acts(text: str, code: str) -> None:
    assert code in [c for _, c in coded(text)]
