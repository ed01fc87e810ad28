"""Event coding on real Arabic news sentences: who did what to whom, and in which mode."""

from __future__ import annotations

import pytest

import rasd
from rasd.doc import Event


def _events(text: str, published: str = "2024-05-14") -> list[Event]:
    return rasd.extract(text, published).events


def _one(text: str, kind: str, published: str = "2024-05-14") -> Event:
    found = [e for e in _events(text, published) if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in _events(text, published)]
    return found[0]


def _codes(ents: list) -> set[str]:
    return {e.code for e in ents}


def test_vso_host_and_visitor() -> None:
    e = _one("استقبل وزير الخارجية المصري سامح شكري، أمس الاثنين، نظيره الأردني أيمن الصفدي في القاهرة.",
             "CONSULT")
    assert {a.country for a in e.actor} == {"JOR"} and {r.country for r in e.recipient} == {"EGY"}
    assert e.date is not None and e.date.value == "2024-05-13"
    assert e.location is not None and e.location.name == "Cairo"


def test_support_verb_gives_the_noun_its_agent() -> None:
    e = _one("شنّت مقاتلات أمريكية وبريطانية، فجر اليوم، سلسلة غارات على مواقع لجماعة الحوثي في الحديدة.",
             "ASSAULT")
    assert {a.country for a in e.actor} == {"USA", "GBR"} and "YEM/REB" in _codes(e.recipient)


def test_a_noun_without_support_is_a_topic() -> None:
    assert not [e for e in _events("وبحث الجانبان سبل تعزيز التعاون وتطورات الحرب على قطاع غزة.")
                if e.type == "ASSAULT"]


def test_passive_arrest_is_made_by_the_local_police() -> None:
    e = _one("وكانت الصحافية الإيرانية قد اعتُقلت في طهران.", "COERCE")
    assert _codes(e.actor) == {"IRN/COP"} and "IRN" in {r.country for r in e.recipient}


def test_future_visit_is_an_agreement() -> None:
    e = _one("ومن المقرر أن يزور وزير الخارجية السعودي العاصمة العراقية بغداد الأسبوع المقبل.", "AGREE")
    assert e.modality == "future" and {a.country for a in e.actor} == {"SAU"}


def test_denied_event_is_negated() -> None:
    e = _one("نفى مسؤول عسكري إسرائيلي أن تكون إسرائيل قد شنت غارات على منشأة قرب أصفهان وسط إيران.",
             "ASSAULT")
    assert e.modality == "negated" and "IRN" in {r.country for r in e.recipient}


def test_relative_clause_takes_its_antecedent_as_subject() -> None:
    e = _one("وعقد وزير الدفاع الروسي سيرغي شويغو، الذي استضاف نظراءه من تركيا وإيران، محادثات ثنائية.",
             "CONSULT")
    assert "RUS" in {x.country for x in e.actor + e.recipient}


def test_reaction_targets_the_actor_of_the_event_it_answers() -> None:
    text = ("شنّت طائرة مسيرة أمريكية غارة على سيارة في بغداد. ودان الناطق باسم القائد العام للقوات المسلحة "
            "العراقية اللواء يحيى رسول الضربة، واعتبرها انتهاكاً للسيادة العراقية.")
    e = _one(text, "ACCUSE")
    assert "IRQ/MIL" in _codes(e.actor) and {r.country for r in e.recipient} == {"USA"}


def test_an_ambassador_serves_where_he_is_posted() -> None:
    e = _one("أعلن الأردن استدعاء سفيره لدى إسرائيل فوراً.", "SANCTION", "2023-11-01")
    assert {a.country for a in e.actor} == {"JOR"} and {r.country for r in e.recipient} == {"ISR"}


def test_protesters_target_their_government_by_default() -> None:
    e = _one("تظاهر آلاف الأردنيين، مساء أمس، في العاصمة عمّان.", "PROTEST")
    assert _codes(e.actor) == {"JOR/CVL"} and _codes(e.recipient) == {"JOR/GOV"}


def test_sponsors_are_parties_to_the_talks() -> None:
    e = _one("استأنف وفدا الجيش السوداني وقوات الدعم السريع المفاوضات في جدة برعاية سعودية أمريكية.", "CONSULT")
    assert {"SDN", "SAU", "USA"} <= {x.country for x in e.actor + e.recipient}


def test_every_event_names_its_rule_and_evidence() -> None:
    events = _events("قصفت قوات الدعم السريع بالمدفعية الثقيلة أحياء سكنية في مدينة الفاشر أمس.")
    assert events
    for e in events:
        assert e.rule and e.cameo and e.quad in (1, 2, 3, 4) and e.mentions


def test_intransitive_idiom_takes_the_forces_it_names_as_subject() -> None:
    e = _one("عمّان - تظاهر آلاف الأردنيين قرب السفارة الإسرائيلية. ورفع المحتجون هتافات تطالب بطرد السفير "
             "الإسرائيلي، فيما انتشرت قوات الأمن بكثافة في محيط المكان.", "MOBILIZE")
    assert _codes(e.actor) == {"JOR/COP"} and e.rule.endswith("idiom-subject]")


def test_the_end_of_a_war_demanded_is_not_a_war_by_the_protesters() -> None:
    events = _events("تظاهر آلاف الأردنيين قرب السفارة الإسرائيلية، مطالبين بوقف الحرب على قطاع غزة.")
    assert [e.type for e in events] == ["PROTEST"]


def test_the_owner_of_the_object_is_the_target_even_of_the_same_country() -> None:
    e = _one("وأفاد شهود عيان بأن طائرات مسيّرة تابعة للجيش السوداني استهدفت تجمعات لقوات الدعم السريع "
             "قرب سوق ليبيا في أم درمان.", "ASSAULT")
    assert _codes(e.actor) == {"SDN/MIL"} and _codes(e.recipient) == {"SDN/REB"}


def test_signing_with_makes_both_sides_signatories() -> None:
    e = _one("العراق يوقع مع إيران اتفاقاً لتمديد إمدادات الغاز لمحطات الكهرباء.", "SUPPORT")
    assert {a.country for a in e.actor} == {"IRQ", "IRN"} and not e.recipient
    assert e.rule.endswith("+co-actor]")


def test_shelled_neighbourhoods_are_the_civilians_of_the_place() -> None:
    e = _one("بورتسودان ـ قال الجيش السوداني إن قوات الدعم السريع قصفت بالمدفعية الثقيلة أحياء سكنية "
             "في مدينة الفاشر.", "ASSAULT")
    assert _codes(e.actor) == {"SDN/REB"} and _codes(e.recipient) == {"SDN/CVL"}


def test_a_site_is_never_the_subject_of_the_attack() -> None:
    e = _one("طرابلس ـ نفى المتحدث باسم جهاز الردع أن يكون الجهاز قد \"استهدف مناطق سكنية\".", "ASSAULT")
    assert "LBY/CVL" not in _codes(e.actor)


def test_a_counted_part_of_the_object_names_whose_men_were_released() -> None:
    e = _one("وفي صنعاء، أطلقت جماعة الحوثي سراح 153 محتجزاً من القوات الحكومية \"لدواعٍ إنسانية\".", "RETREAT")
    assert _codes(e.actor) == {"YEM/REB"} and _codes(e.recipient) == {"YEM/MIL"}


def test_a_future_response_is_a_threat_and_a_reply_is_not() -> None:
    e = _one("وقال نتنياهو إن إسرائيل سترد \"بقوة\" على أي خرق من جانب حزب الله.", "THREATEN")
    assert {a.country for a in e.actor} == {"ISR"} and "LBN" in {r.country for r in e.recipient}
    assert e.modality == "asserted"  # the threat is made now; what it threatens lies ahead
    assert not [x for x in _events("وردّ وزير الخارجية المصري على أسئلة الصحفيين في القاهرة.")
                if x.type == "THREATEN"]


def test_a_phone_call_is_not_merged_into_the_visit_it_preceded() -> None:
    events = [e for e in _events(
        "أنقرة - استقبل وزير الخارجية التركي هاكان فيدان، يوم الثلاثاء، نظيره السعودي الأمير فيصل بن فرحان "
        "في العاصمة أنقرة. وتأتي الزيارة بعد أسبوعين من اتصال هاتفي جرى بين الرئيس التركي رجب طيب أردوغان "
        "وولي العهد السعودي الأمير محمد بن سلمان.", "2024-03-05") if e.type == "CONSULT"]
    assert sorted(e.mode or "" for e in events) == ["phone", "visit"]
    assert all({a.country for a in e.actor + e.recipient} == {"TUR", "SAU"} for e in events)


def test_his_country_in_reported_speech_is_the_speakers_country() -> None:
    e = _one("قال وزير الخارجية التركي هاكان فيدان إن بلاده ترفض أي تدخل عسكري في شمال سوريا.", "REJECT")
    assert {a.country for a in e.actor} == {"TUR"}
    e = _one("وقال فيدان في مؤتمر صحفي إن بلاده والمملكة العربية السعودية \"تتفقان على ضرورة الوقف الفوري "
             "لإطلاق النار\".", "AGREE", "2024-03-05")
    assert {a.country for a in e.actor} == {"TUR", "SAU"}


def test_the_antecedent_taken_up_by_an_object_pronoun_is_the_recipient() -> None:
    e = _one("كما أفرجت السلطات السورية عن عشرات المعتقلين الأردنيين الذين احتجزهم النظام السابق.", "COERCE")
    assert {a.country for a in e.actor} == {"SYR"} and _codes(e.recipient) == {"JOR/CVL"}
    assert e.rule.endswith("relative-object]")


def test_after_ala_a_form_is_a_noun_not_a_verb_with_a_pronoun() -> None:
    # Folded, the masdar دعوة and the verb دعوه ("they invited him") are one form.
    text = ("أعلنت وزارة الخارجية السودانية تجميد التعامل مع إيغاد، احتجاجاً على دعوة قائد قوات الدعم "
            "السريع محمد حمدان دقلو إلى القمة الطارئة للهيئة.")
    assert not [e for e in _events(text) if e.type == "REQUEST" and e.rule.split("[")[1].startswith("verb")]


@pytest.mark.parametrize("text", [
    "تونس - أطلقت الشرطة التونسية الغاز المسيل للدموع على المحتجين أمام مقر البرلمان.",
    "عمّان - استخدمت قوات الأمن الأردنية الغاز المسيل للدموع لتفريق المتظاهرين قرب السفارة.",
])
def test_tear_gas_is_used_by_the_police_on_the_protesters(text: str) -> None:
    e = _one(text, "COERCE")
    assert {a.sector for a in e.actor} == {"COP"} and {r.sector for r in e.recipient} == {"CVL"}


def test_a_verb_after_an_indefinite_adjective_describes_and_a_headline_subject_acts() -> None:
    assert not [e for e in _events("وأفاد بلاغ للمكتب بأن الموقوفين كانوا يخططون لتنفيذ عمليات تخريبية تستهدف "
                                   "منشآت حيوية في المغرب.") if e.type == "ASSAULT"]
    e = _one("قوات إسرائيلية تقتحم مدينة جنين", "COERCE")
    assert {a.country for a in e.actor} == {"ISR"}


def test_after_ayy_a_form_is_a_noun() -> None:
    text = "وقال الجيش اللبناني إن إسرائيل سترد \"بقوة\" على أي خرق من جانب حزب الله."
    assert not [e for e in _events(text) if e.trigger.text == "خرق"]


def test_a_masdar_after_jara_is_not_a_verb() -> None:
    text = ("بغداد ـ تلقى رئيس الوزراء العراقي محمد شياع السوداني اتصالاً هاتفياً من الرئيس الإيراني مسعود "
            "بزشكيان، جرى خلاله بحث العلاقات الثنائية والتحضيرات لزيارة الأخير المرتقبة إلى بغداد الأسبوع "
            "المقبل، بحسب بيان لمكتب السوداني.")
    assert not [e for e in _events(text) if e.rule.split("[")[1].startswith("verb") and e.trigger.text == "بحث"]


@pytest.mark.parametrize(("text", "threat"), [
    ("وقال أبو الغيط في بيان إن الخطوة تمثل استفزازاً خطيراً، محذراً من \"عواقب وخيمة\" لاستمرار الانتهاكات.",
     False),
    ("وحذّر دبلوماسيون أفارقة من أن استمرار القطيعة مع \"إيغاد\" قد يدفع الاتحاد الأفريقي إلى فرض عقوبات.", False),
    ("وقال المتحدث باسم وزارة الخارجية الإيرانية إن القرار سياسي، محذراً من أن طهران \"ستتخذ إجراءات متناسبة\".",
     True),
    ("حذّرت الخارجية التركية إسرائيل من مغبة توسيع الحرب في لبنان.", True),
])
def test_a_warning_of_dangers_is_no_threat_but_of_ones_own_action_is(text: str, threat: bool) -> None:
    assert bool([e for e in _events(text) if e.type == "THREATEN"]) == threat


def test_a_noun_joined_to_a_topic_is_a_topic() -> None:
    text = ("وقال المصدر إن رئيس المخابرات العامة المصرية اللواء عباس كامل أجرى اتصالات مكثفة مع الأطراف "
            "المعنية، بهدف التوصل إلى اتفاق لوقف إطلاق النار في قطاع غزة وتبادل الأسرى قبل حلول شهر رمضان.")
    assert not [e for e in _events(text) if e.type == "RETREAT"]


def test_a_form_with_the_article_is_read_as_a_noun() -> None:
    text = "أعلنت وزارة الخارجية المصرية، مساء الأحد، التوصل إلى اتفاق بين السودان وإثيوبيا بشأن الحدود."
    e = _one(text, "AGREE")
    assert {x.country for x in e.actor + e.recipient} == {"SDN", "ETH"}


def test_lam_before_a_perfect_form_makes_a_noun() -> None:
    text = "وافقت الحكومة الألمانية على إرسال مدربين إلى العراق، تلبية لطلب الحكومة العراقية."
    assert not [e for e in _events(text) if e.type == "REQUEST"]


def test_an_agreement_named_after_bimujib_is_no_new_agreement() -> None:
    text = ("وتسيّر القوات التركية والروسية دوريات في ريف الحسكة بموجب الاتفاق التركي الروسي "
            "الموقع في سوتشي عام 2019.")
    assert not [e for e in _events(text) if e.type == "AGREE"]


def test_quoted_names_after_bayna_are_both_parties() -> None:
    text = ("اندلعت اشتباكات عنيفة، مساء أمس، بين \"قوات الدعم السريع\" و\"الجيش الإثيوبي\" "
            "في منطقة الفشقة الحدودية.")
    e = _one(text, "ASSAULT")
    assert {x.country for x in e.actor} == {"SDN", "ETH"}


def test_the_other_side_is_the_actors_opponent_in_the_last_clash() -> None:
    text = ("اندلعت اشتباكات عنيفة، فجر اليوم، بين الجيش السوداني وقوات الدعم السريع في أم درمان. "
            "وقال المتحدث باسم الجيش السوداني إن قواته صدت الهجوم، متهماً الطرف الآخر بخرق الهدنة.")
    e = _one(text, "ACCUSE")
    assert {x.code for x in e.actor} == {"SDN/MIL"} and {x.code for x in e.recipient} == {"SDN/REB"}


@pytest.mark.parametrize("text", [
    "سيّرت القوات التركية والروسية، أمس الخميس، الدورية المشتركة الـ80 في ريف الحسكة.",
    "سيّرت القوات التركية والروسية، أمس الخميس، الدورية البرية المشتركة الـ80 في ريف الحسكة.",
])
def test_a_definite_joint_patrol_is_cooperation(text: str) -> None:
    e = _one(text, "COOPERATE")
    assert {x.country for x in e.actor + e.recipient} == {"TUR", "RUS"}


@pytest.mark.parametrize(("text", "parties"), [
    ("وطالب نواب بإلغاء اتفاقية كامب ديفيد الموقعة بين مصر وإسرائيل عام 1979.", {"EGY", "ISR"}),
    ("وتجري الدوريات بموجب الاتفاق الأمريكي التركي الموقع في أنقرة عام 2019.", {"USA", "TUR"}),
    ("وتظاهر مئات الأردنيين أمام السفارة الإسرائيلية مطالبين بإلغاء معاهدة السلام الموقعة عام 1994.",
     {"JOR", "ISR"}),
])
def test_a_signed_treaty_reports_its_signing_by_its_parties(text: str, parties: set[str]) -> None:
    e = _one(text, "SUPPORT")
    assert {x.country for x in e.actor} == parties and e.modality == "historical"
    assert not [x for x in _events(text) if x.type == "AGREE"]


def test_a_possessive_pronoun_on_a_verbal_noun_names_the_subject_before() -> None:
    text = ("ووافق وزراء خارجية الاتحاد الأوروبي، في اجتماعهم في بروكسل أمس الاثنين، على حزمة مساعدات "
            "جديدة لأوكرانيا.")
    e = _one(text, "CONSULT")
    assert {x.country for x in e.actor} == {"EUR"} and e.rule.endswith("noun-pronoun-agent]")


def test_a_counted_postposed_subject_is_the_subject() -> None:
    e = _one("تظاهر مئات المغاربة، أمس الجمعة، أمام البرلمان في الرباط احتجاجاً على غلاء الأسعار.", "PROTEST")
    assert {x.code for x in e.actor} == {"MAR/CVL"}


def test_nouns_of_a_circumstantial_clause_with_reported_content_are_not_the_object() -> None:
    text = "رفضت الحكومة اليمنية وصف الخطوة بالإنسانية، معتبرة أن المفرج عنهم مدنيون مختطفون."
    e = _one(text, "REJECT")
    assert not [x for x in e.recipient if x.sector == "CVL"]


def test_a_reaction_targets_the_other_side_of_the_same_country() -> None:
    text = ("أطلقت جماعة الحوثي سراح عشرات المحتجزين من القوات الحكومية. "
            "غير أن الحكومة اليمنية رفضت وصف الخطوة بالإنسانية، معتبرة أن المفرج عنهم مدنيون مختطفون.")
    e = _one(text, "REJECT")
    assert {x.code for x in e.recipient} == {"YEM/REB"}


def test_a_reaction_to_the_strike_targets_the_striker_not_the_attack_it_answered() -> None:
    text = ("وقالت القيادة المركزية الأمريكية إنها نفذت الضربة رداً على هجوم تبنته فصائل عراقية. "
            "من جهته، دان الناطق باسم القوات المسلحة العراقية الضربة.")
    e = _one(text, "ACCUSE")
    assert {x.country for x in e.recipient} == {"USA"}


def test_a_perfect_verb_after_a_noun_and_its_adjectives_describes_it() -> None:
    text = ("قُتل ثلاثة عناصر من \"كتائب حزب الله\" العراقية، فجر اليوم، في غارة جوية أمريكية استهدفت "
            "سيارة كانت تقلهم شرقي بغداد.")
    assert [(e.actor[0].country, e.trigger.text) for e in _events(text) if e.type == "ASSAULT"] == [("USA", "غارة")]


def test_a_masdar_idiom_split_by_its_agent() -> None:
    text = ("وتنص المرحلة الأولى على إفراج حماس عن 33 محتجزاً مقابل إطلاق إسرائيل سراح مئات المعتقلين "
            "الفلسطينيين.")
    e = next(e for e in _events(text) if e.trigger.text.startswith("إطلاق"))
    assert e.type in ("RETREAT", "CONCEDE") and {x.country for x in e.actor} == {"ISR"}
    assert {x.country for x in e.recipient} == {"PSE"}


def test_an_imperfect_after_man_is_a_description_of_whoever() -> None:
    text = ("وقال مجلس الأمن في بيان إنه مستعد لاتخاذ إجراءات بحق من يعرقلون العملية السياسية في "
            "ليبيا.")
    assert not [e for e in _events(text) if e.trigger.text == "يعرقلون"]


def test_the_agreement_refers_back_to_the_agreement_reported() -> None:
    text = ("أعلنت الخارجية المصرية التوصل إلى اتفاق بين السودان وإثيوبيا بشأن الحدود. وقال وزير الخارجية "
            "المصري إن القاهرة ستواصل العمل لضمان التزام الطرفين ببنود الاتفاق.")
    agreements = [e for e in _events(text) if e.type == "AGREE"]
    assert len(agreements) == 1 and {x.country for x in agreements[0].actor} == {"SDN", "ETH"}


def test_a_threat_without_a_target_is_aimed_at_the_counterpart() -> None:
    text = ("اتهمت وزارة الخارجية الإيرانية إسرائيل بالوقوف وراء الهجوم على القنصلية في دمشق. "
            "وقال المتحدث باسم الخارجية الإيرانية إن طهران \"سترد في الزمان والمكان المناسبين\".")
    e = _one(text, "THREATEN")
    assert {x.country for x in e.actor} == {"IRN"} and {x.country for x in e.recipient} == {"ISR"}


@pytest.mark.parametrize("text", [
    "هدد الحوثيون باستهداف السفن الأمريكية في البحر الأحمر.",
    "اتهمت روسيا أوكرانيا بقصف محطة زابوريجيا النووية.",
    "طالبت منظمة العفو الدولية السلطات المصرية بالإفراج عن المعتقلين.",
])
def test_the_act_a_threat_accusation_or_demand_introduces_did_not_happen(text: str) -> None:
    """The ب-noun after هدد / اتهم / طالب is their content, not an event of its own."""
    found = _events(text)
    assert len(found) == 1 and found[0].type in ("THREATEN", "ACCUSE", "REQUEST"), \
        [(e.type, e.trigger.text) for e in found]


@pytest.mark.parametrize(("text", "actor"), [
    ("قامت القوات التركية بقصف مواقع في شمال العراق.", "TUR/MIL"),
    ("ردّت إسرائيل بقصف مواقع في جنوب لبنان.", "ISR"),
])
def test_qama_bi_and_radda_bi_carry_out_the_act_they_introduce(text: str, actor: str) -> None:
    e = _one(text, "ASSAULT")
    assert {a.code for a in e.actor} == {actor} or {a.country for a in e.actor} == {actor}


def test_another_body_of_the_same_country_after_the_subject_is_the_object() -> None:
    """"اتهم الجيش السوداني قوات الدعم السريع": not the subject named again in apposition."""
    e = _one("اتهم الجيش السوداني قوات الدعم السريع بمهاجمة المدنيين في الفاشر.", "ACCUSE")
    assert _codes(e.actor) == {"SDN/MIL"} and _codes(e.recipient) == {"SDN/REB"}


def test_lawwaha_bi_shann_threatens() -> None:
    e = _one("لوّحت تركيا بشن عملية عسكرية جديدة في شمال سوريا.", "THREATEN")
    assert {a.country for a in e.actor} == {"TUR"}


def test_unvowelled_passive_with_a_count_hands_its_victims_to_the_attack() -> None:
    """"قتل ثلاثة جنود …" is قُتل: the soldiers are the victims of the attack named after."""
    e = _one("قتل ثلاثة جنود إسرائيليين في هجوم شنته حركة حماس قرب الحدود.", "ASSAULT")
    assert _codes(e.actor) == {"PSE/REB"} and _codes(e.recipient) == {"ISR/MIL"}


@pytest.mark.parametrize("text", [
    "وبحسب المرصد السوري لحقوق الإنسان، قتل 15 عنصراً من قوات النظام في ريف حماة.",
    "وقتل جندي تركي في هجوم على نقطة عسكرية.",
])
def test_victims_are_never_the_agent(text: str) -> None:
    assert all(not {a.sector for a in e.actor} & {"MIL", "NGO"} for e in _events(text) if e.type == "ASSAULT"), \
        [(e.type, _codes(e.actor), _codes(e.recipient)) for e in _events(text)]


def test_an_active_verb_with_a_definite_subject_stays_active() -> None:
    e = _one("قتل الجيش السوري عشرات المسلحين في ريف إدلب.", "ASSAULT")
    assert _codes(e.actor) == {"SYR/MIL"}


def test_a_nisba_after_a_preposition_is_not_the_nouns_adjective() -> None:
    """"المدنيين في قصف روسي": روسي describes the shelling, not the civilians."""
    e = _one("قتل عشرات المدنيين في قصف روسي على إدلب.", "ASSAULT")
    assert {a.country for a in e.actor} == {"RUS"} and "RUS/CVL" not in _codes(e.recipient)


def test_a_conditional_threat_is_still_a_threat_made() -> None:
    e = _one("وهددت فرنسا وبريطانيا وألمانيا بإعادة فرض العقوبات على إيران إذا لم تتراجع عن التخصيب.", "THREATEN")
    assert e.modality == "asserted"


def test_a_denial_stops_at_the_circumstantial_participle_after_it() -> None:
    """"نفى … أن يكون الجهاز قد استهدف …، متهماً الطرف الآخر": the accusation is not denied."""
    events = _events("نفى المتحدث باسم الجيش السوداني أن تكون قواته قد قصفت الأحياء السكنية، "
                     "متهماً قوات الدعم السريع بالبدء في إطلاق النار.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and accuse[0].modality == "asserted"



def test_a_date_a_participle_gives_its_noun_does_not_date_the_main_event() -> None:
    """"الموقعة عام 1974" dates the agreement, not the demand of the sentence."""
    e = _one("وطالبت وزارة الخارجية السورية مجلس الأمن بإلزام إسرائيل بالانسحاب، مؤكدة التزام دمشق "
             "باتفاقية فض الاشتباك الموقعة عام 1974.", "REQUEST", "2024-12-10")
    assert e.date is None and e.modality == "asserted"


def test_an_undated_act_told_next_goes_on_with_the_day_before_it() -> None:
    text = ("قُتل عنصر في حزب الله، اليوم الأحد، جراء غارة شنتها طائرة مسيّرة إسرائيلية على سيارة في "
            "بلدة الناقورة. وفي وقت لاحق، قصف حزب الله موقعاً عسكرياً إسرائيلياً قرب الحدود.\n\n"
            "ونشر الجيش اللبناني قوات إضافية في الجنوب.")
    by_trigger = {e.trigger.text: e for e in _events(text, "2024-03-17")}
    assert by_trigger["قصف"].date is not None and by_trigger["قصف"].date.value == "2024-03-17"
    assert by_trigger["نشر"].date is None  # a new paragraph does not go on with that day


def test_where_beats_whither_for_the_venue() -> None:
    """"المبعوث الخاص إلى اليمن … في العاصمة العمانية مسقط": the meeting was in Muscat."""
    e = _one("التقى المبعوث الأممي الخاص إلى اليمن هانس غروندبرغ، أمس الثلاثاء في العاصمة العمانية "
             "مسقط، كبير مفاوضي جماعة الحوثي محمد عبد السلام.", "CONSULT")
    assert e.location is not None and e.location.country == "OMN"


def test_a_place_introduced_inside_a_party_is_still_a_place() -> None:
    found = _events("أعادت إيران، اليوم الثلاثاء، فتح سفارتها في الرياض بعد قطيعة دامت سبع سنوات، تنفيذاً "
                    "للاتفاق الذي وقعه البلدان في بكين.")
    e = next(e for e in found if e.trigger.text == "فتح سفارتها")
    assert e.location is not None and e.location.name == "Riyadh"


def test_a_place_of_a_later_proposition_is_not_the_venue() -> None:
    found = _events("ووقعت مصر والأردن اتفاقاً للتعاون في مجال الطاقة، فيما تظاهر محتجون في عمّان.")
    signed = [e for e in found if e.trigger.text == "وقعت"]
    assert signed and (signed[0].location is None or signed[0].location.name != "Amman")


def test_sharaka_fi_takes_part_in_the_meeting() -> None:
    e = _one("شارك الأردن في قمة الرياض الطارئة بشأن غزة.", "CONSULT")
    assert {a.country for a in e.actor} == {"JOR"}


def test_clashes_that_broke_out_between_two_forces_are_theirs() -> None:
    e = _one("وأفاد شهود عيان بأن اشتباكات عنيفة اندلعت فجر الخميس بين الجيش السوداني وقوات الدعم السريع.",
             "ASSAULT")
    assert _codes(e.actor) == {"SDN/MIL", "SDN/REB"}


def test_the_pronoun_on_anna_is_the_subject_of_the_verb_after_it() -> None:
    """"أعلن الوزير أنه سيزور الرياض": the minister visits; Riyadh is visited."""
    found = _events("أعلن وزير الخارجية الإيراني عباس عراقجي، مساء الأحد، أنه سيزور الرياض الأسبوع المقبل.",
                    "2024-11-10")
    visit = next(e for e in found if e.trigger.text == "يزور")
    assert {a.country for a in visit.actor} == {"IRN"} and {r.country for r in visit.recipient} == {"SAU"}


def test_lakinnahu_carries_the_speaker_as_subject() -> None:
    """"قال المتحدث الفرنسي …، لكنه شدد على …": the spokesman insists, not the country named last."""
    e = _one("قال المتحدث باسم الحكومة الفرنسية إن بلاده تحترم سيادة الجزائر، لكنه شدد على ضرورة "
             "التعاون في مجال ترحيل المهاجرين.", "REQUEST", "2025-01-15")
    assert {a.country for a in e.actor} == {"FRA"}


def test_in_the_field_of_names_a_topic() -> None:
    assert not [e for e in _events("بحث الوزيران التعاون في مجال ترحيل المهاجرين غير النظاميين.")
                if e.type == "COERCE"]


def test_a_verb_conjoined_inside_reported_content_shares_the_contents_subject() -> None:
    text = ("وقالت مصادر محلية إن قوة إسرائيلية خاصة تسللت إلى المخيم واشتبكت مع مسلحين فلسطينيين، "
            "قبل أن تنسحب تحت غطاء من الطائرات المسيرة.")
    acts = [e for e in _events(text, "2024-09-02") if e.type in ("ASSAULT", "RETREAT")]
    assert acts and all({a.country for a in e.actor} == {"ISR"} for e in acts), \
        [(e.type, _codes(e.actor)) for e in acts]


def test_a_force_is_an_actor_only_with_its_nationality() -> None:
    assert not [e for e in _events("وقال نتنياهو إن إسرائيل سترد بقوة على أي هجوم.")
                if any(a.sector == "MIL" and a.country == "ISR" for a in e.actor)]


def test_the_object_of_a_purpose_masdar_is_aimed_at_not_reported() -> None:
    text = ("وأدانت الرئاسة الفلسطينية \"الجريمة\"، محملة الحكومة الإسرائيلية المسؤولية الكاملة عن "
            "التصعيد، وطالبت المجتمع الدولي بالتدخل العاجل لوقف العدوان.")
    found = _events(text)
    assert "ACCUSE" in [e.type for e in found] and "ASSAULT" not in [e.type for e in found]


def test_kana_subject_adjective_qad_verb_keeps_the_subject() -> None:
    e = _one("وكانت طائرة أمريكية مسيرة قد اغتالت قائد فيلق القدس الإيراني قاسم سليماني قرب مطار بغداد.",
             "ASSAULT", "2020-01-05")
    assert {a.country for a in e.actor} == {"USA"} and {r.country for r in e.recipient} == {"IRN"}


def test_a_masdar_with_a_lam_object_has_its_agent_as_genitive() -> None:
    """"اقتحام بن غفير للمسجد الأقصى": Ben-Gvir stormed; the League only condemned."""
    found = _events("دانت جامعة الدول العربية اقتحام الوزير الإسرائيلي إيتمار بن غفير للمسجد الأقصى.")
    storm = next(e for e in found if e.trigger.text == "اقتحام")
    assert {a.country for a in storm.actor} == {"ISR"}


def test_the_condemner_is_not_the_agent_of_what_it_condemns() -> None:
    found = _events("أدانت مصر اعتقال الصحفيين الأجانب في المدينة.")
    assert [e.type for e in found] == ["ACCUSE"]


@pytest.mark.parametrize(("text", "kind"), [
    ("أجرت إيران مناورات عسكرية في مياه الخليج.", "MOBILIZE"),
    ("أجرت روسيا والصين مناورات بحرية مشتركة في بحر اليابان.", "COOPERATE"),
])
def test_exercises_alone_show_force_and_joint_ones_cooperate(text: str, kind: str) -> None:
    assert [e.type for e in _events(text)] == [kind]


def test_a_form_three_masdar_after_a_comma_is_the_participle_of_the_subject() -> None:
    """"، مطالبة باريس بتوضيحات": the ministry demands of Paris, not Paris demands."""
    found = _events("وذكرت وزارة الخارجية الجزائرية أنها أبلغت السفير رفضها، مطالبة باريس بتوضيحات رسمية.")
    demand = next(e for e in found if e.type == "REQUEST")
    assert {a.country for a in demand.actor} == {"DZA"} and {r.country for r in demand.recipient} == {"FRA"}


def test_the_condemner_named_twice_is_still_not_the_agent() -> None:
    """The title and the name after it ("الأمين العام …، أحمد أبو الغيط") are one condemner."""
    found = _events("دان الأمين العام لجامعة الدول العربية أحمد أبو الغيط، اليوم الأربعاء، اقتحام وزير "
                    "الأمن القومي الإسرائيلي إيتمار بن غفير باحات المسجد الأقصى.", "2024-05-22")
    assert not [e for e in found if e.type == "COERCE" and "IGO" in {a.country for a in e.actor}]


ATTACK_AND_REPLY = ("أعلنت وزارة الدفاع التركية مقتل جنديين تركيين وإصابة ثلاثة آخرين إثر هجوم شنه إرهابيو "
                    "\"بي كي كي/ واي بي جي\" على نقطة عسكرية شمالي سوريا. وقالت الوزارة إن القوات التركية "
                    "\"حيّدت\" 12 إرهابياً في عمليات رد استهدفت مواقع التنظيم في منطقة تل رفعت.")


def test_an_attack_and_the_reply_to_it_stay_two_records() -> None:
    """One country's army and its rebels are opposite sides: their attacks do not merge."""
    found = [e for e in _events(ATTACK_AND_REPLY, "2021-10-15") if e.type == "ASSAULT"]
    assert len(found) == 2
    attack = next(e for e in found if e.trigger.text == "هجوم")
    assert _codes(attack.actor) == {"TUR/REB", "SYR/REB"}  # the slash pairs the two names
    assert _codes(attack.recipient) == {"TUR/MIL"}  # those killed and wounded before it


def test_those_killed_after_the_strike_are_its_victims() -> None:
    e = _one("شنت طائرات حربية إسرائيلية غارة على سيارة قرب الحدود، ما أسفر عن مقتل ثلاثة لبنانيين.",
             "ASSAULT")
    assert _codes(e.actor) == {"ISR/MIL"} and {r.country for r in e.recipient} == {"LBN"}


def test_shutting_the_oil_fields_is_a_blockade() -> None:
    e = _one("وأغلقت حكومة الشرق الليبي حقول النفط وموانئ التصدير احتجاجاً على القرار.", "PROTEST")
    assert {a.country for a in e.actor} == {"LBY"}


def test_a_body_named_in_the_occasion_is_not_the_one_met() -> None:
    """"على هامش أعمال الجمعية العامة للأمم المتحدة" is where the ministers met, up to its comma."""
    e = _one("التقى وزير الخارجية السعودي الأمير فيصل بن فرحان، على هامش أعمال الجمعية العامة للأمم "
             "المتحدة، نظيره الإيراني عباس عراقجي.", "CONSULT")
    assert _codes(e.actor + e.recipient) == {"SAU/GOV", "IRN/GOV"}


@pytest.mark.parametrize(("text", "sides"), [
    ("وقال المتحدث إن بلاده تلتزم بالحياد في الحرب الأوكرانية.", None),
    ("وأسفرت الحرب السورية عن مقتل مئات الآلاف.", None),
    ("أدت الحرب الإسرائيلية على غزة إلى مقتل الآلاف.", {"ISR"}),
    ("وتحدث عن تداعيات الحرب الروسية الأوكرانية على أسعار الغذاء.", {"RUS"}),
])
def test_one_nisba_on_a_war_names_where_it_is_fought(text: str, sides: set[str] | None) -> None:
    wars = [e for e in _events(text) if e.type == "ASSAULT"]
    assert ({a.country for a in wars[0].actor} if wars else None) == sides


@pytest.mark.parametrize("text", [
    "وأكد الحرس الثوري الإيراني أنه سيتصدى بحزم لأي اعتداء إسرائيلي.",
    "وقال قائد الجيش السوداني إن القوات المسلحة ستتصدى للميليشيات المتمردة.",
])
def test_will_confront_is_a_threat(text: str) -> None:
    assert _one(text, "THREATEN").trigger.text in ("يتصدى", "تتصدى")


def test_confronting_done_is_no_threat() -> None:
    assert not [e for e in _events("وتصدت الدفاعات الجوية السورية لصواريخ إسرائيلية.") if e.type == "THREATEN"]


@pytest.mark.parametrize("text", [
    "وقالت قيادة الجيش اللبناني إن الوحدات العسكرية ستتصدى لأي خرق للسيادة اللبنانية.",
    "وأكد الحرس الثوري الإيراني أنه سيتصدى بحزم لأي اعتداء إسرائيلي.",
])
def test_any_act_is_no_act_that_happened(text: str) -> None:
    """"لأي خرق", "لأي اعتداء إسرائيلي": the noun after أيّ is any act of its kind."""
    assert [e.type for e in _events(text)] == ["THREATEN"]


def test_a_title_beginning_with_waw_is_not_conjoined_to_the_name_before() -> None:
    """"قيس سعيد وزير الخارجية الجزائري": the و of وزير is a letter, not "and"; the host receives the minister."""
    e = _one("استقبل الرئيس التونسي قيس سعيد وزير الخارجية الجزائري أحمد عطاف في قصر قرطاج.", "CONSULT")
    assert _codes(e.actor) == {"DZA/GOV"} and _codes(e.recipient) == {"TUN/GOV"}


@pytest.mark.parametrize("text", [
    "وأكد وزيرا الخارجية التونسي والجزائري حرصهما على تعزيز التعاون بين البلدين.",
    "وبحث الرئيس المصري مع نظيره الكيني سبل تطوير التعاون الاقتصادي.",
])
def test_the_genitive_of_an_aim_is_no_act(text: str) -> None:
    """"تعزيز التعاون": cooperation to be strengthened, not cooperation carried out."""
    assert "COOPERATE" not in [e.type for e in _events(text)]


@pytest.mark.parametrize("text", [
    "قالت مصادر أمنية عراقية إن طائرة مسيرة استهدفت قاعدة عين الأسد الجوية غربي البلاد.",
    "وأفادت الشرطة السودانية بأن قذائف هاون استهدفت سوقاً شعبية في الخرطوم.",
])
def test_an_unknown_subject_of_reported_content_is_not_the_speaker(text: str) -> None:
    assert not [e for e in _events(text) if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("وأكد الرئيس المصري عبد الفتاح السيسي خلال اتصال هاتفي مع نظيره الفرنسي إيمانويل ماكرون ضرورة وقف "
     "إطلاق النار في غزة.", "EGY/GOV", "FRA/GOV"),
    ("وشدد وزير الخارجية الأردني أيمن الصفدي، خلال اتصال هاتفي مع نظيره التركي هاكان فيدان، على رفض "
     "التهجير.", "JOR/GOV", "TUR/GOV"),
])
def test_a_call_during_which_something_is_said_took_place(text: str, actor: str, recipient: str) -> None:
    """"خلال اتصال هاتفي مع …" sets the scene of the statement: the call happened. It joins two
    places and has no venue of its own (غزة is what was said)."""
    e = _one(text, "CONSULT")
    assert e.mode == "phone" and _codes(e.actor) == {actor} and _codes(e.recipient) == {recipient}
    assert e.location is None


def test_during_a_war_is_still_background() -> None:
    assert not [e for e in _events("وقال مسؤول عراقي إن ذلك جرى خلال الحرب مع إيران في ثمانينيات القرن الماضي.")
                if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("وبحث ولي العهد السعودي الأمير محمد بن سلمان خلال لقائه الرئيس الأمريكي جو بايدن في جدة ملف الطاقة.",
     "SAU/GOV", "USA/GOV"),
    ("وأكد الرئيس الفرنسي خلال استقباله رئيس الوزراء العراقي في باريس دعم بلاده.", "IRQ/GOV", "FRA/GOV"),
])
def test_a_noun_with_a_pronoun_has_its_object_after_it(text: str, actor: str, recipient: str) -> None:
    """"لقائه الرئيس الأمريكي": the pronoun (hamza on ya: لقائه) is the one who meets, the noun
    after it whom he meets; a host's object is the visitor, the actor."""
    e = _one(text, "CONSULT")
    assert _codes(e.actor) == {actor} and _codes(e.recipient) == {recipient}


@pytest.mark.parametrize(("text", "actor"), [
    ("أعلن الجيش اللبناني انتشار وحداته في بلدات الجنوب.", "LBN/MIL"),
    ("وأعلنت وزارة الدفاع التركية نشر قواتها على الحدود مع سوريا.", "TUR/MIL"),
    ("وانتشرت وحدات من الجيش السوري في ريف حلب.", "SYR/MIL"),
])
def test_deploying_its_own_units_is_mobilising(text: str, actor: str) -> None:
    """"انتشار وحداته", "نشر قواتها": the forces are the actor's own, named by a pronoun."""
    assert _codes(_one(text, "MOBILIZE").actor) == {actor}


@pytest.mark.parametrize(("text", "parties", "host"), [
    ("واستضافت الدوحة أمس محادثات بين الولايات المتحدة وحركة طالبان.", {"USA", "AFG/GOV"}, "QAT/GOV"),
    ("تستضيف العاصمة المصرية القاهرة الأسبوع المقبل جولة جديدة من المفاوضات بين حركة حماس وإسرائيل.",
     {"PSE/REB", "ISR"}, "EGY/GOV"),
])
def test_the_parties_a_host_brings_together_are_the_actors(text: str, parties: set[str], host: str) -> None:
    """"استضافت الدوحة محادثات بين …": those between whom the talks are held are the actors, the
    host (a capital, with or without "العاصمة المصرية") the recipient, in one record."""
    [event] = _events(text, "2024-03-05")
    assert _codes(event.actor) == parties and _codes(event.recipient) == {host}


@pytest.mark.parametrize("text", [
    "وأعلن الجيش السوداني أنه صد الهجوم على مدينة الفاشر.",
    "وأعلن الجيش السوداني أن الهجوم أسفر عن مقتل خمسة مدنيين.",
])
def test_a_noun_past_an_is_not_the_act_of_the_verb_before(text: str) -> None:
    """"أعلن الجيش أنه صد الهجوم": the attack is what the army repelled, not an army attack."""
    assert not [e for e in _events(text) if e.type == "ASSAULT"]


def test_a_support_verb_past_an_still_carries_its_noun() -> None:
    e = _one("وأعلن الجيش الإسرائيلي أنه نفذ غارات على مواقع لحزب الله.", "ASSAULT")
    assert _codes(e.actor) == {"ISR/MIL"}


@pytest.mark.parametrize(("text", "actor", "target"), [
    ("أعلن الجيش العراقي اعتقال ثلاثة عناصر من تنظيم الدولة الإسلامية في محافظة كركوك.", "IRQ/MIL", "IMG/MIL"),
    ("وأعلنت خلية الإعلام الأمني اعتقال ثلاثة عناصر من تنظيم الدولة الإسلامية.", "IRQ/MIL", "IMG/MIL"),
    ("وأعلنت الشرطة التونسية توقيف خمسة متظاهرين.", "TUN/COP", "TUN/CVL"),
])
def test_who_announces_an_arrest_made_it(text: str, actor: str, target: str) -> None:
    """"أعلن الجيش اعتقال …": the light verb's subject does the act, unlike "أدانت مصر اعتقال …"."""
    e = _one(text, "COERCE", "2024-10-14")
    assert _codes(e.actor) == {actor} and _codes(e.recipient) == {target}


def test_who_announces_deaths_is_not_the_killer() -> None:
    assert not [e for e in _events("أعلنت وزارة الدفاع التركية مقتل جنديين تركيين في شمال العراق.")
                if e.type == "ASSAULT" and _codes(e.actor) == {"TUR/MIL"}]


def test_after_adam_a_form_is_a_verbal_noun() -> None:
    """"الذي يدين عدم تعاونها": after عدم the form is a masdar, not the verb تعاون, and the
    pronoun, not the agency, holds its agent."""
    events = _events("رفضت إيران، الخميس، قرار مجلس محافظي الوكالة الدولية للطاقة الذرية الذي يدين عدم تعاونها.")
    assert not [e for e in events if e.type == "COOPERATE" and "UNO" in {a.country for a in e.actor}]


def test_a_verb_with_wa_after_a_trigger_noun_is_a_new_proposition() -> None:
    """"… الذي يدين عدم تعاونها، وتوعدت برد حازم": the threat is Iran's, not a description of
    the cooperation noun before it (a bare verb right after one is: "غارة جوية استهدفت سيارة")."""
    e = _one("رفضت إيران، الخميس، قرار مجلس محافظي الوكالة الدولية للطاقة الذرية الذي يدين عدم "
             "تعاونها، وتوعدت برد حازم ومتناسب.", "THREATEN", "2024-11-21")
    assert _codes(e.actor) == {"IRN"}


@pytest.mark.parametrize("text", [
    "وقال المتحدث إن طهران ستبدأ تشغيل أجهزة طرد مركزي متطورة جديدة.",
    "وأعلنت إيران تركيب أجهزة الطرد المركزي في منشأة فوردو.",
])
def test_a_centrifuge_is_no_expulsion(text: str) -> None:
    """"طرد مركزي": a form listed with the word after it as another word (ambiguous.tsv)."""
    assert not [e for e in _events(text, "2024-11-21") if e.type == "COERCE"]


def test_a_memorandum_of_understanding_is_the_signing_not_a_second_agreement() -> None:
    """"وقع العراق وتركيا مذكرة تفاهم": تفاهم after مذكرة is a noun naming the memorandum."""
    events = _events("وقع العراق وتركيا مذكرة تفاهم للتعاون الأمني في بغداد.", "2024-11-21")
    assert [e.type for e in events] == ["SUPPORT"] and _codes(events[0].actor) == {"IRQ", "TUR"}
