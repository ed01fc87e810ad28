"""Places on real Arabic: countries, cities with clitics, homonyms and composed regions."""

from __future__ import annotations

from rasd.doc import Doc, Place
from rasd.extraction.places import find_places


def places(text: str) -> list[Place]:
    return find_places(Doc(text))


def test_direction_and_country_make_a_region() -> None:
    [region] = places("قصفت المدفعية التركية مواقع في شمالي سورية أمس.")
    assert (region.name, region.country, region.kind, region.span.text) == (
        "northern Syria", "SYR", "region", "شمالي سورية")


def test_compound_direction_and_countryside() -> None:
    found = places("تتمركز القوات في شمال شرقي سوريا وريف دير الزور الشرقي وجنوب لبنان.")
    assert [(p.span.text, p.name) for p in found] == [
        ("شمال شرقي سوريا", "northeastern Syria"),
        ("ريف دير الزور الشرقي", "eastern countryside of Deir ez-Zor"),
        ("جنوب لبنان", "southern Lebanon"),
    ]


def test_moscow_is_the_russian_capital() -> None:
    [moscow] = places("عقدت المحادثات في موسكو بحضور وزراء الخارجية.")
    assert (moscow.name, moscow.country, moscow.kind) == ("Moscow", "RUS", "city")
    assert abs(moscow.lon - 37.6) < 0.5


def test_tripoli_follows_the_country_in_context() -> None:
    libya = places("اندلعت اشتباكات في طرابلس بين فصائل مسلحة، وأغلقت السلطات الليبية مطار معيتيقة.")
    assert [(p.name, p.country) for p in libya] == [("Tripoli", "LBY"), ("Mitiga airport", "LBY")]
    lebanon = places("شهدت مدينة طرابلس احتجاجات على تدهور الأوضاع المعيشية في لبنان.")
    assert [(p.name, p.country) for p in lebanon] == [("Tripoli", "LBN"), ("Lebanon", "LBN")]


def test_amman_or_oman_by_context() -> None:
    [amman] = places("وصل الوزير إلى العاصمة الأردنية عمان في زيارة رسمية.")
    assert (amman.name, amman.country) == ("Amman", "JOR")
    [oman] = places("استقبل سلطان عمان وزير الخارجية الإيراني في مسقط.")[:1]
    assert oman.country == "OMN" and oman.kind == "country"


def test_west_bank_and_towns_with_clitics() -> None:
    found = places("اقتحمت القوات الإسرائيلية الضفة الغربية وجنين، وقصفت قوات الدعم السريع بمدينة الفاشر.")
    assert [(p.span.text, p.name, p.country) for p in found] == [
        ("الضفة الغربية", "West Bank", "PSE"), ("جنين", "Jenin", "PSE"),
        ("الفاشر", "El Fasher", "SDN")]


def test_spans_are_exact_offsets_of_the_original() -> None:
    text = "قُتل عنصر في بلدة الناقورة جنوبيّ لبنان، ووصل وفد إلى «القاهرة»."
    found = places(text)
    assert [p.span.text for p in found] == ["الناقورة", "جنوبيّ لبنان", "القاهرة"]
    assert all(text[p.span.start:p.span.end] == p.span.text for p in found)
    assert found[0].source.startswith("places")


def test_nisba_is_not_a_place_but_a_capital_by_nisba_is() -> None:
    assert places("انتقدت الخارجية التركية البيان الصادر أمس.") == []
    [paris] = places("اجتمع الوزراء في العاصمة الفرنسية لبحث الأزمة.")
    assert (paris.name, paris.country, paris.span.text) == ("Paris", "FRA", "العاصمة الفرنسية")


def test_common_word_names_need_a_cue() -> None:
    assert places("نشرت الوكالة صور الأقمار الصناعية للموقع.") == []
    [tyre, south] = places("استهدفت غارة مدينة صور جنوبي لبنان.")
    assert (tyre.name, tyre.country, south.name) == ("Tyre", "LBN", "southern Lebanon")
