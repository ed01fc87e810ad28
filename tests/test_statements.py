"""Reported speech on real-prose attribution patterns: who speaks, with which stance, about whom."""

import pytest

from rasd import extract
from rasd.doc import Statement


def _said(text: str, published: str = "2024-05-14") -> list[Statement]:
    return extract(text, published).statements


def _by_cue(statements: list[Statement], cue: str) -> list[Statement]:
    return [s for s in statements if s.cue.text == cue]


def test_dropped_subject_is_carried_across_wadafa() -> None:
    said = _said("القاهرة ـ قال وزير الخارجية المصري سامح شكري، اليوم الثلاثاء، إن بلاده ترفض أي تهجير "
                 "للفلسطينيين. وأضاف أن القاهرة ستواصل اتصالاتها مع الأطراف كافة.")
    (added,) = _by_cue(said, "أضاف")
    assert added.speaker.code == "EGY/GOV"
    assert added.content.text.startswith("القاهرة ستواصل")


def test_anaphoric_source_takes_the_source_named_before() -> None:
    said = _said("الخرطوم ـ نفى مصدر عسكري سوداني، اليوم الثلاثاء، ما تداولته منصات مقربة من قوات الدعم "
                 "السريع عن هدنة جديدة. وقال المصدر إن المفاوضات تقتصر على الملف الإنساني.")
    (denial,) = _by_cue(said, "نفى")
    (follow,) = _by_cue(said, "قال")
    assert denial.speaker.code == "SDN/MIL" and denial.speaker.anonymous
    assert follow.speaker.country == "SDN" and follow.speaker.anonymous
    assert follow.speaker.span.text == "المصدر"


def test_the_two_statements_speak_for_the_two_ministries() -> None:
    said = _said("وقالت وزارتا الخارجية المصرية والأردنية، في بيانين منفصلين، إن الوزيرين بحثا الأوضاع في "
                 "غزة. وأفاد البيانان بأن الجانبين اتفقا على مواصلة التنسيق.")
    assert {s.speaker.country for s in _by_cue(said, "أفاد")} == {"EGY", "JOR"}


def test_nested_attribution_keeps_the_verb_and_its_source() -> None:
    said = _said("صنعاء ـ شنت مقاتلات أمريكية غارات على الحديدة، وفق ما أفادت قناة \"المسيرة\" التابعة "
                 "لجماعة الحوثي.")
    assert [s.cue.text for s in said] == ["أفادت"]
    assert said[0].speaker.country == "YEM"


def test_anonymous_official_is_coded_by_his_nisba() -> None:
    (statement,) = _said("نفى مسؤول سوري، تحدث لوسائل إعلام محلية، وجود أي اتفاق مع أنقرة.")
    assert statement.speaker.code == "SYR/GOV"
    assert statement.speaker.anonymous and statement.stance == "deny"


def test_document_speaks_for_its_issuer() -> None:
    said = _said("وقالت وزارة الدفاع التركية في بيان إن الاجتماع كان بناء. وبحسب البيان التركي، اتفق "
                 "الوزراء على مواصلة المحادثات.")
    (by_statement,) = _by_cue(said, "حسب")
    assert by_statement.speaker.code == "TUR/MIL"
    assert by_statement.content.text.startswith("اتفق الوزراء")


def test_denial_names_the_outlet_it_quotes_back() -> None:
    said = _said("طرابلس - نفى المتحدث باسم الحكومة الليبية، اليوم الاثنين، ما أوردته صحف مصرية بشأن "
                 "لقاء سري في روما.")
    (denial,) = said
    assert denial.stance == "deny"
    assert denial.about is not None and denial.about.code == "EGY/MED"
    assert _by_cue(said, "أوردته") == []  # the outlet's report is quoted back, not a new statement


def test_participle_goes_on_with_the_last_speaker() -> None:
    said = _said("طرابلس ـ دعت بعثة الأمم المتحدة إلى التهدئة، فيما نفى المتحدث باسم وزارة الداخلية الليبية "
                 "أن تكون قواتها قد استهدفت مناطق سكنية، متهماً الطرف الآخر بالبدء في إطلاق النار.")
    (accusing,) = _by_cue(said, "متهما")
    assert accusing.speaker.country == "LBY"


def test_deny_phrase_after_the_complementizer_makes_a_denial() -> None:
    (statement,) = _said("وقال الجيش السوداني في بيان إنه \"لا صحة\" لاستهداف أي أسواق شعبية.")
    assert statement.stance == "deny" and statement.speaker.code == "SDN/MIL"


def test_quoting_chain_keeps_the_reporter_and_its_origin() -> None:
    doc = extract("وقالت وكالة رويترز نقلاً عن مصدر دبلوماسي مصري إن القاهرة رفضت الطلب.", "2024-01-01")
    said = next(s for s in doc.statements if s.cue.text == "قالت")
    assert said.speaker.country == "GBR" and said.speaker.sector == "MED"
    assert said.source_of is not None and (said.source_of.country, said.source_of.sector) == ("EGY", "GOV")
    # The chain is the origin of that one report, not a statement of its own.
    assert [s.cue.text for s in doc.statements] == ["قالت"]


def test_naql_an_quotes_the_origin_named_after_an() -> None:
    """"نقلت الوكالة عن مسؤول أمريكي قوله": the agency reports, the official is its origin."""
    said = _said("ونقلت وكالة رويترز عن مسؤول أمريكي قوله إن واشنطن تدرس الخيارات المتاحة.")
    assert len(said) == 1 and (said[0].speaker.country, said[0].speaker.sector) == ("GBR", "MED")
    assert said[0].source_of is not None and said[0].source_of.country == "USA"
    assert said[0].content is not None and said[0].content.text.startswith("واشنطن تدرس")


def test_every_complementizer_opens_the_content() -> None:
    for opener, content in (("إنها", "سترد على الهجوم."), ("إنهم", "سيردون على الهجوم."),
                            ("بأنهم", "سيردون على الهجوم.")):
        (said,) = _said(f"قال الجيش السوداني في بيان {opener} {content}")
        assert said.content is not None and said.content.text == content


def test_analysts_take_the_sector_of_the_house_they_work_for() -> None:
    (said,) = _said("وقال محللون في غولدمان ساكس إن أسعار النفط سترتفع خلال الربع المقبل.")
    assert said.speaker is not None and said.speaker.code == "USA/BUS"


def test_a_surname_after_an_institution_is_the_person_named_before() -> None:
    """"مكتب السوداني" is the office of محمد شياع السوداني, not a Sudanese office."""
    said = _said("استقبل رئيس الوزراء العراقي محمد شياع السوداني وفداً تركياً في بغداد، "
                 "وبحث معه ملف المياه، بحسب مكتب السوداني.")
    cue = _by_cue(said, "حسب")
    assert len(cue) == 1 and cue[0].speaker.country == "IRQ"


def test_a_place_after_a_body_beats_an_earlier_body_of_the_same_name() -> None:
    """"وزارة الصحة في غزة" is Gaza's, whatever ministry was named before."""
    said = _said("وقالت وزارة الخارجية الأمريكية إنها تتابع الوضع. "
                 "وتقول وزارة الصحة في غزة إن عدد الضحايا تجاوز 8500 قتيل منذ بدء الحرب.")
    assert [s.speaker.country for s in _by_cue(said, "تقول")] == ["PSE"]


@pytest.mark.parametrize("text", [
    "وطالبت الوكالة إيران بتفسير وجود آثار يورانيوم في مواقع غير معلنة.",
    "وتداولت منصات أنباء غير مؤكدة عن انسحاب القوات.",
    "ومن المؤكد أن الاجتماع سيعقد في موعده.",
])
def test_a_participle_after_ghair_or_with_the_article_reports_no_words(text: str) -> None:
    assert not [s for s in _said(text) if s.cue.text in ("معلنة", "مؤكدة", "المؤكد")]


def test_a_cue_printed_as_a_passive_has_no_speaker() -> None:
    said = _said("ونفى الناطق العسكري العراقي أن تكون الحكومة العراقية قد أُبلغت مسبقاً بالعملية.")
    assert [s.cue.text for s in said] == ["نفى"]


def test_a_negated_verb_phrase_takes_the_subject_after_it() -> None:
    said = _said("قال وزير الدفاع الإسرائيلي إن قواته ستبقى في المنطقة العازلة. "
                 "ولم يستبعد مسؤولون سوريون أن تطلب دمشق مراجعة الاتفاقيات.")
    hedge = [s for s in said if "يستبعد" in s.cue.text]
    assert len(hedge) == 1 and hedge[0].speaker.country == "SYR"


def test_observers_with_no_country_are_no_speaker() -> None:
    said = _said("وقال المتحدث باسم الخارجية الإيرانية إن القرار سياسي. "
                 "ويرى مراقبون أن تفعيل الآلية قد يدفع طهران إلى الانسحاب من المعاهدة.")
    assert [s.cue.text for s in said] == ["قال"]


def test_eyewitnesses_speaking_to_an_outlet_are_local_civilians() -> None:
    said = _said("الخرطوم - قال الجيش السوداني إنه صد هجوماً. وأفاد شهود عيان لوكالة رويترز بأن "
                 "اشتباكات عنيفة اندلعت في محيط المدينة.")
    told = _by_cue(said, "أفاد")
    assert len(told) == 1 and told[0].speaker.code == "SDN/CVL"


@pytest.mark.parametrize(("text", "code"), [
    ("وقال الأمين العام للحلف ينس ستولتنبرغ إن البعثة غير قتالية.", "IGO/IGO"),
    ("وقال الأمين العام لحزب الله حسن نصر الله إن المقاومة جاهزة.", "LBN/REB"),
])
def test_a_secretary_general_speaks_for_the_body_after_the_title(text: str, code: str) -> None:
    said = _said(text)
    assert [s.speaker.code for s in said] == [code]


def test_a_cue_split_by_its_subject_still_reports() -> None:
    """"أعرب وزير الخارجية السعودي عن قلق المملكة": the subject stands between أعرب and عن."""
    said = _said("وأعرب وزير الخارجية السعودي عن قلق المملكة من التصعيد في المنطقة.")
    assert [(s.cue.text, s.speaker.country) for s in said] == [("أعرب", "SAU")]


@pytest.mark.parametrize("text", [
    "استقبل الرئيس التونسي قيس سعيد في قصر قرطاج وزير الخارجية الجزائري أحمد عطاف. وأكد الجانبان حرصهما على "
    "تعزيز التعاون.",
    "بحث وزير الخارجية المصري مع نظيره السوداني في القاهرة الأوضاع الإنسانية، وشدد الطرفان على ضرورة وقف الحرب.",
])
def test_the_two_sides_speak_for_the_two_parties_named_before(text: str) -> None:
    found = [s for s in _said(text) if s.speaker.span.text.endswith(("الجانبان", "الطرفان"))]
    assert len({s.speaker.country for s in found}) == 2


def test_no_one_in_particular_announcing_is_no_statement() -> None:
    """"ولم تعلن أي جهة مسؤوليتها": the subject is "any party"; the earlier speaker says nothing here."""
    said = _said("وقال مسؤول أمني عراقي إن انفجاراً استهدف سوقاً شعبية في بغداد، ولم تعلن أي جهة "
                 "مسؤوليتها عن الهجوم حتى الآن.")
    assert [s.cue.text for s in said] == ["قال"]
