"""Temporal expressions in Arabic news, resolved against the publication date.

Every rule is a regular expression over the folded text (`doc.norm.text`), compiled once at
import from `months.tsv` and the word lists below. A rule proposes candidates and may veto
one by context (ambiguous month names, "سوق الجمعة", "الأمين العام"); the longest
non-overlapping candidates win, then they are resolved in text order so that anaphora
("اليوم ذاته", "العام نفسه") can look back at the mentions before them.

Expressions that carry no year are placed by the clause they sit in: an explicit adjective
(الماضي، المقبل، الجاري) decides, else a future or past cue in the comma clause, else the
nearest occurrence with a bias to the past (news reports what happened).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, cached_property, lru_cache
from importlib import import_module
from typing import Any

from hijridate import Gregorian, Hijri

from rasd.doc import DateMention, Doc, Span
from rasd.lexicons.loader import read_lexicon
from rasd.text.matcher import Matcher
from rasd.text.normalize import fold

# --- word lists (folded) -------------------------------------------------------------------


def _load_months() -> dict[str, tuple[str, int]]:
    return {fold(name): (row["calendar"], int(row["month"]))
            for row in read_lexicon("months") for name in row.items("names")}


_MONTHS = _load_months()
# Also ordinary words or names: accepted only with month context around them.
_AMBIGUOUS_MONTHS = {fold(w) for w in ("مارس", "ماي", "آب", "مايس")}
# Hijri names are personal names too (رجب طيب، رمضان قديروف); صفر is "zero".
_NEEDS_YEAR = {fold("صفر")}
_PREP_CONTEXT = {"في", "منذ", "حتي", "خلال", "قبل", "بعد"}

_WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
             "الاحد": 6}
# A weekday after these words names a thing or a place, not a day (سوق الجمعة، صلاة الجمعة،
# حي الخميس، كلا الاثنين).
_WEEKDAY_NOUNS = {"سوق", "صلاه", "صلوات", "خطبه", "خطب", "مسجد", "جامع", "ايام", "كل", "كلا",
                  "ليالي", "جمعه", "حي", "شارع", "ساحه", "ميدان"}
# "العام" after these is the adjective "general", not the year.
_GENERAL_NOUNS = {"الامين", "المدعي", "الراي", "النايب", "المدير", "القطاع", "المفتش", "المرشد",
                  "الموتمر", "الاضراب", "الامن", "الصالح", "النظام", "التعليم", "الادعاء",
                  "المنسق", "العفو", "الاتحاد", "المال", "الشان", "المجال", "الذوق", "النفع"}
_TIMES_OF_DAY = ("فجر", "صباح", "صبيحه", "ظهر", "ظهيره", "عصر", "مساء", "ليل", "ليله",
                 "منتصف ليل", "منتصف ليله")
# Days from the publication day.
_RELATIVE_DAYS = {"اليوم": 0, "امس": -1, "بالامس": -1, "اول امس": -2, "اول من امس": -2,
                  "امس الاول": -2, "غدا": 1, "غد": 1, "الغد": 1, "بعد غد": 2, "بعد الغد": 2,
                  "الليله الماضيه": -1}
# Position in the calendar: None is anaphoric (the same period as the previous mention).
_ADJECTIVES: dict[str, int | None] = {
    **dict.fromkeys(("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته"), -1),
    **dict.fromkeys(("المقبل", "المقبله", "القادم", "القادمه"), 1),
    **dict.fromkeys(("الجاري", "الجاريه", "الحالي", "الحاليه"), 0),
    **dict.fromkeys(("قبل الماضي", "قبل الماضيه"), -2),
    **dict.fromkeys(("بعد المقبل", "بعد القادم", "بعد المقبله", "بعد القادمه"), 2),
    **dict.fromkeys(("ذاته", "ذاتها", "نفسه", "نفسها"), None),
}
_PERIODS = ("مطلع", "مستهل", "اوايل", "بدايه", "بدايات", "منتصف", "اواسط", "اواخر", "نهايه",
            "اخر", "خواتيم")
_ORDINAL_UNITS = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
                  "الثامن", "التاسع")


def _ordinals() -> dict[str, int]:
    """Day ordinals: الأول … التاسع، العاشر، الحادي عشر … الحادي والثلاثين."""
    out = {w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)}
    out |= {"العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30,
            "الحادي والعشرين": 21, "الحادي والثلاثين": 31}
    for i, w in enumerate(_ORDINAL_UNITS[1:], start=2):
        out[f"{w} عشر"] = 10 + i
        out[f"{w} والعشرين"] = 20 + i
    return out


_ORDINALS = _ordinals()
_COUNTS = {"ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6,
           "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9,
           "عشره": 10, "عشر": 10, "عشرين": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50}
# unit word → (kind, count it carries itself; None when a number must say it)
_UNITS: dict[str, tuple[str, int | None]] = {
    "يوم": ("day", 1), "يومين": ("day", 2), "يوما": ("day", None), "ايام": ("day", None),
    "اسبوع": ("week", 1), "اسبوعين": ("week", 2), "اسبوعا": ("week", None),
    "اسابيع": ("week", None),
    "شهر": ("month", 1), "شهرين": ("month", 2), "شهرا": ("month", None), "اشهر": ("month", None),
    "شهور": ("month", None),
    "عام": ("year", 1), "سنه": ("year", 1), "عامين": ("year", 2), "سنتين": ("year", 2),
    "عاما": ("year", None), "اعوام": ("year", None), "سنوات": ("year", None),
    "سنين": ("year", None),
}

# --- regex building blocks -----------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """An alternation of words factored as a trie: each position is tried against a few first
    letters instead of every word, and a longer word wins ("مايو" over "ماي")."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return f"(?:{_trie_regex(trie)})"


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_MON = _alt(_MONTHS)
_WD = _alt(_WEEKDAYS)
_TOD = _alt(_TIMES_OF_DAY)
_PER = _alt(_PERIODS)
_ADJ = _alt(_ADJECTIVES)
_DAY = rf"(?P<day>(?:ال)?(?:3[01]|[12]\d|0?[1-9])(?!\d)|{_alt(_ORDINALS)}(?= من ))"
_PAIR = rf"(?: ?[/-] ?(?P<m2>{_MON})| ?\( ?(?P<m3>{_MON}) ?\))"
_YYYY = r"(?:1[34]|19|20)\d\d(?!\d)"
_TAIL = r"(?P<tail> ?(?:هجريه|هجري|ه|ميلاديه|ميلادي|م)(?!\w))?"
_YEAR = rf"(?:،? (?:من )?(?:(?:ال)?(?:عام|سنه) )?(?P<year>{_YYYY}){_TAIL})"
_YREL = rf"(?: (?:من )?(?P<yrel>(?:العام|السنه) {_ADJ}|هذا العام|هذه السنه))"
# منذ and قبل/بعد + a period word belong to the expression ("منذ مطلع العام", "قبل نهاية العام");
# حتى and في stay outside it.
_PREP = rf"(?:(?P<prep>منذ) |(?:قبل|بعد) (?={_PER} ))?"
_CLAUSE_END = re.compile(r"[.!?;:\n،]")


def _rule(body: str) -> re.Pattern[str]:
    """Proclitics (و ف ب ل) may precede an expression; they stay outside the span group."""
    return re.compile(rf"(?<!\w)[وف]?[بل]?(?P<e>{body})(?!\w)")


# --- resolution context --------------------------------------------------------------------


@dataclass
class _Ctx:
    doc: Doc
    text: str
    pub: date | None
    mentions: list[DateMention] = field(default_factory=list)

    @cached_property
    def bounds(self) -> list[int]:
        return [m.start() for m in _CLAUSE_END.finditer(self.text)]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        i = bisect_left(self.bounds, start)
        j = bisect_left(self.bounds, end)
        left = self.bounds[i - 1] + 1 if i else 0
        right = self.bounds[j] if j < len(self.bounds) else len(self.text)
        return left, right


Resolved = tuple[str, str]  # (value, precision)


def _word_before(text: str, pos: int) -> str:
    m = _LAST_WORD.search(text, max(0, pos - 40), pos)
    return m.group(1) if m else ""


def _word_after(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


_LAST_WORD = re.compile(r"(\w+) $")
_NEXT_WORD = re.compile(r" (\w+)")

# --- tense of the clause -------------------------------------------------------------------

# Imperfect with the future prefix س (سيعقد، ستبدأ، سنواصل), minus common nouns that start
# the same way (سياسة، سيارة، سيطرة، ستة، سنة، سنوات، سيول).
_S_FUTURE = (r"[وف]?س[يتن](?!ياس|يار|ياد|يطر[هت]|يد(?:ه|ات|ي)?(?!\w)|يول|ينا|ينم|ته(?!\w)|تين|تون"
             r"|تار|ترات|نه(?!\w)|نو|نين|نتين|ين(?!\w))\w{2,}")
_FUTURE = re.compile(
    rf"(?<!\w)(?:{_S_FUTURE}|[وف]?(?:سوف|لن)|[وف]?(?:ال)?(?:مقرر|مرتقب|مزمع|متوقع)\w*"
    r"|[وف]?[يت](?:عتزم|نوي|توقع|زمع)\w*|علي ان|من المحتمل|المقبل\w*|القادم\w*|غدا)(?!\w)")
_PAST = re.compile(r"(?<!\w)[وف]?(?:كان|كانت|كانوا|كانا|لم|لقد|منذ)(?!\w)")


def _clause_tense(ctx: _Ctx, start: int, end: int) -> str | None:
    """"future" or "past" from the cue nearest to the expression in its comma clause."""
    left, right = ctx.clause(start, end)
    best: tuple[int, str] | None = None
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past")):
        for m in pattern.finditer(ctx.text, left, right):
            if m.end() <= start or m.start() >= end:
                distance = start - m.end() if m.end() <= start else m.start() - end
                if best is None or distance < best[0]:
                    best = (distance, tense)
    return best[1] if best else None


def _mode(m: re.Match[str], ctx: _Ctx, adj: str | None, default: str) -> str:
    """How to place a yearless expression: past|past_strict|future|future_strict|current|near."""
    offset = _ADJECTIVES.get(adj) if adj is not None else None
    if offset is not None:
        return "current" if offset == 0 else ("past_strict" if offset < 0 else "future_strict")
    if m.groupdict().get("prep") == "منذ":
        return "past"
    return _clause_tense(ctx, m.start("e"), m.end("e")) or default


# --- calendar arithmetic -------------------------------------------------------------------


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(d: date, months: int) -> str:
    index = d.year * 12 + d.month - 1 + months
    return f"{index // 12}-{index % 12 + 1:02d}"


def _to_date(calendar: str, year: int, month: int, day: int) -> date | None:
    try:
        if calendar == "hijri":
            return Hijri(year, month, day).to_gregorian()
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _current_year(calendar: str, pub: date) -> tuple[int, int]:
    """The publication year and month in `calendar`."""
    if calendar == "hijri":
        h = Gregorian(pub.year, pub.month, pub.day).to_hijri()
        return h.year, h.month
    return pub.year, pub.month


def _choose(candidates: list[int], now: int, mode: str, horizon: int) -> int | None:
    """Pick among ordered points in time; `near` takes the future only within `horizon`."""
    past = [c for c in candidates if c < now or (c == now and mode != "past_strict")]
    future = [c for c in candidates if c > now or (c == now and mode != "future_strict")]
    if mode in ("past", "past_strict"):
        return max(past, default=None)
    if mode in ("future", "future_strict"):
        return min(future, default=None)
    if mode == "current" and now in candidates:
        return now
    ahead = min(future, default=None)
    if ahead is not None and ahead - now <= horizon:
        return ahead
    return max(past, default=ahead)


def _month_of(calendar: str, month: int, pub: date, mode: str) -> tuple[int, int] | None:
    """The (year, month) in `calendar` of a yearless month name."""
    year, current = _current_year(calendar, pub)
    now = year * 12 + current - 1
    chosen = _choose([(year + k) * 12 + month - 1 for k in (-1, 0, 1)], now, mode, horizon=2)
    return None if chosen is None else (chosen // 12, month)


def _month_value(calendar: str, year: int, month: int) -> str | None:
    """A Hijri month is reported as the Gregorian month holding its 15th day."""
    d = _to_date(calendar, year, month, 15)
    return None if d is None else f"{d.year}-{d.month:02d}"


def _hijri_year_of(gregorian_year: int, month: int) -> int:
    """"رمضان 2024": the Hijri year whose month falls in that Gregorian year."""
    base = Gregorian(gregorian_year, 6, 30).to_hijri().year
    for year in (base - 1, base, base + 1):
        d = _to_date("hijri", year, month, 15)
        if d is not None and d.year == gregorian_year:
            return year
    return base


def _day_of(calendar: str, month: int, day: int, pub: date, mode: str,
            weekday: int | None) -> date | None:
    """The date of a yearless "day month", agreeing with a stated weekday when possible."""
    year, _ = _current_year(calendar, pub)
    dates = [d for k in (-1, 0, 1) if (d := _to_date(calendar, year + k, month, day))]
    if weekday is not None and any(d.weekday() == weekday for d in dates):
        dates = [d for d in dates if d.weekday() == weekday]
    if mode == "current":
        mode = "near"
    chosen = _choose([d.toordinal() for d in dates], pub.toordinal(), mode, horizon=62)
    return None if chosen is None else date.fromordinal(chosen)


# --- rules ---------------------------------------------------------------------------------


def _month_name(m: re.Match[str]) -> tuple[str, int]:
    return _MONTHS[m.group("m1")]


def _month_context(m: re.Match[str], ctx: _Ctx) -> bool:
    """Is an ambiguous month name used as a month here?"""
    name = m.group("m1")
    groups = m.groupdict()
    calendar, _ = _MONTHS[name]
    if name in _NEEDS_YEAR:
        return bool(groups.get("year") or groups.get("shahr") or groups.get("tail"))
    strong = any(groups.get(g) for g in ("day", "year", "m2", "m3", "per", "shahr", "yrel", "madj"))
    if calendar == "hijri" or strong:
        return strong
    if name not in _AMBIGUOUS_MONTHS:
        return True
    if name == "اب":
        # آب with madda is the month; أب is "father" and إب a Yemeni city.
        return ctx.doc.text[ctx.doc.norm.offsets[m.start("m1")]] == "آ"
    return _word_before(ctx.text, m.start("e")) in _PREP_CONTEXT


def _day_number(raw: str) -> int:
    return _ORDINALS.get(raw) or int(raw.removeprefix("ال"))


def _explicit_year(m: re.Match[str], calendar: str, month: int) -> int | None:
    raw = m.group("year")
    if raw is None:
        return None
    year = int(raw)
    if calendar == "hijri" and year >= 1900:
        return _hijri_year_of(year, month)
    return year


def _relative_year(m: re.Match[str], ctx: _Ctx) -> int | None:
    """"من العام الماضي" / "من العام ذاته" / "هذا العام" after a month name."""
    phrase = m.group("yrel")
    if phrase is None:
        return None
    # The adjective is the last word; "هذا العام" has none and means this year.
    offset = _ADJECTIVES.get(phrase.split(" ", 1)[1], 0)
    if offset is None:
        return _previous_year(ctx)
    return ctx.pub.year + offset if ctx.pub else None


def _previous_year(ctx: _Ctx) -> int | None:
    same = _same_period("عام", ctx)
    return int(same[0]) if same else None


def _resolve_month(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    calendar, month = _month_name(m)
    groups = m.groupdict()
    year = _explicit_year(m, calendar, month)
    if year is None and groups.get("yrel"):
        # "سبتمبر من العام ذاته": a Gregorian year; a Hijri month then needs converting.
        gyear = _relative_year(m, ctx)
        year = None if gyear is None else (_hijri_year_of(gyear, month) if calendar == "hijri"
                                           else gyear)
    if calendar == "gregorian" and year is not None and year < 1900:
        return None
    if groups.get("day"):
        return _resolve_day(m, ctx, calendar, month, year)
    if year is None:
        if ctx.pub is None:
            return None
        placed = _month_of(calendar, month, ctx.pub, _mode(m, ctx, groups.get("madj"), "near"))
        if placed is None:
            return None
        year = placed[0]
    value = _month_value(calendar, year, month)
    return (value, "month") if value else None


def _resolve_day(m: re.Match[str], ctx: _Ctx, calendar: str, month: int,
                 year: int | None) -> Resolved | None:
    day = _day_number(m.group("day"))
    weekday = _WEEKDAYS.get(m.groupdict().get("wd") or "")
    if year is not None:
        d = _to_date(calendar, year, month, day)
    elif ctx.pub is not None:
        d = _day_of(calendar, month, day, ctx.pub, _mode(m, ctx, m.groupdict().get("madj"), "near"),
                    weekday)
    else:
        d = None
    return (d.isoformat(), "day") if d else None


def _resolve_relative_day(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    if ctx.pub is None:
        return None
    return (ctx.pub + timedelta(days=_RELATIVE_DAYS[m.group("rel")])).isoformat(), "day"


def _accept_relative_day(m: re.Match[str], ctx: _Ctx) -> bool:
    rel = m.group("rel")
    if rel in ("غد", "الغد"):
        return bool(m.group("tod") or m.group("yawm") or m.group("wd"))
    if rel == "غدا" and not (m.group("tod") or m.group("wd")):
        # Without tanwin, "غدا" before a definite noun is the verb "became" (غدا الوضع).
        return not _word_after(ctx.text, m.end("e")).startswith("ال") or _has_tanwin(ctx, m)
    if rel == "اليوم" and not m.group("wd"):
        # "اليوم التالي/العالمي/ذاته" is another day; "روسيا اليوم" a channel.
        after = _word_after(ctx.text, m.end("e"))
        before = _word_before(ctx.text, m.start())
        return not after.startswith("ال") and before not in {"ذلك", "ذات"} and before not in _outlets_of_today()
    return True


@lru_cache(maxsize=1)
def _outlets_of_today() -> frozenset[str]:
    """The words that make "X اليوم" an outlet's name in organizations.tsv ("روسيا اليوم")."""
    names = (fold(name).split() for row in read_lexicon("organizations") for name in row.items("names"))
    return frozenset(words[-2] for words in names if len(words) >= 2 and words[-1] == "اليوم")


def _has_tanwin(ctx: _Ctx, m: re.Match[str]) -> bool:
    start, end = ctx.doc.norm.to_original(m.start("rel"), m.end("rel"))
    return "\u064b" in ctx.doc.text[start:end + 1]


def _resolve_weekday(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    if ctx.pub is None:
        return None
    weekday = _WEEKDAYS[m.group("wd")]
    mode = _mode(m, ctx, m.group("wadj"), "past")
    today = ctx.pub.weekday()
    if mode.startswith("future"):
        ahead = (weekday - today) % 7 or (7 if mode == "future_strict" else 0)
        return (ctx.pub + timedelta(days=ahead)).isoformat(), "day"
    back = (today - weekday) % 7 or (7 if mode == "past_strict" else 0)
    return (ctx.pub - timedelta(days=back)).isoformat(), "day"


def _accept_weekday(m: re.Match[str], ctx: _Ctx) -> bool:
    if m.group("tod") or m.group("yawm"):
        return True
    before = _word_before(ctx.text, m.start())
    return before not in _WEEKDAY_NOUNS and before[1:] not in _WEEKDAY_NOUNS


def _resolve_weekday_date(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    calendar, month = _month_name(m)
    return _resolve_day(m, ctx, calendar, month, _explicit_year(m, calendar, month))


def _resolve_period(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    """الأسبوع الماضي، الشهر المقبل، العام الجاري، مطلع العام، اليوم ذاته …"""
    unit = m.group("unit").removeprefix("لل").removeprefix("ال")
    adj, det = m.group("adj"), m.group("det")
    offset = _ADJECTIVES.get(adj, 0) if adj else (None if det in ("ذات", "نفس") else 0)
    if offset is None:
        return _same_period(unit, ctx)
    if ctx.pub is None:
        return None
    if unit == "اسبوع":
        return _iso_week(ctx.pub + timedelta(weeks=offset)), "week"
    if unit == "شهر":
        return _shift_month(ctx.pub, offset), "month"
    return str(ctx.pub.year + offset), "year"


def _coarsen(value: str, precision: str, target: str) -> str | None:
    """A value at a coarser precision, or None when it is not precise enough (a week has no month)."""
    if precision == target:
        return value
    if target == "year":
        return value[:4]
    if target == "month" and precision == "day":
        return value[:7]
    if target == "week" and precision == "day":
        return _iso_week(date.fromisoformat(value))
    return None


def _same_period(unit: str, ctx: _Ctx) -> Resolved | None:
    """"اليوم ذاته" and kin: the period of the latest earlier mention precise enough, else of
    the publication day."""
    target = {"يوم": "day", "اسبوع": "week", "شهر": "month"}.get(unit, "year")
    for mention in reversed(ctx.mentions):
        if value := _coarsen(mention.value, mention.precision, target):
            return value, target
    if ctx.pub is None:
        return None
    value = _coarsen(ctx.pub.isoformat(), "day", target)
    return (value, target) if value else None


def _accept_period(m: re.Match[str], ctx: _Ctx) -> bool:
    unit, adj, det, per = m.group("unit"), m.group("adj"), m.group("det"), m.group("per")
    if unit == "اليوم":
        return det in ("ذات", "نفس") or (adj is not None and _ADJECTIVES.get(adj, 0) is None)
    if not (adj or det or per):
        return False
    if per or det:
        return True
    return _word_before(ctx.text, m.start()) not in _GENERAL_NOUNS


def _resolve_day_of_month(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    """"الخامس عشر من الشهر الجاري", "25 من الشهر المقبل"."""
    adj = m.group("adj")
    offset = _ADJECTIVES[adj] if adj else 0
    if offset is None:
        same = _same_period("شهر", ctx)
        month = same[0] if same else None
    else:
        month = _shift_month(ctx.pub, offset) if ctx.pub else None
    if month is None:
        return None
    year, number = month.split("-")
    d = _to_date("gregorian", int(year), int(number), _day_number(m.group("day")))
    return (d.isoformat(), "day") if d else None


def _resolve_ago(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    """قبل ثلاثة أيام، منذ يومين، بعد أسبوعين."""
    if ctx.pub is None:
        return None
    kind, own = _UNITS[m.group("unit")]
    raw = m.group("n")
    n = (int(raw) if raw.isdigit() else _COUNTS[raw]) if raw else own
    if not n:
        return None
    n = n if m.group("dir") == "بعد" else -n
    if kind == "day":
        return (ctx.pub + timedelta(days=n)).isoformat(), "day"
    if kind == "week":
        return _iso_week(ctx.pub + timedelta(weeks=n)), "week"
    if kind == "month":
        return _shift_month(ctx.pub, n), "month"
    return str(ctx.pub.year + n), "year"


def _accept_ago(m: re.Match[str], ctx: _Ctx) -> bool:
    return bool(m.group("n")) or _UNITS[m.group("unit")][1] is not None


def _resolve_year(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    year = int(m.group("year"))
    if (m.group("tail") or "").strip().startswith("ه"):
        d = _to_date("hijri", year, 6, 15)
        return (str(d.year), "year") if d else None
    return (str(year), "year") if 1900 <= year <= 2100 else None


def _resolve_numeric(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    d = _to_date("gregorian", int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return (d.isoformat(), "day") if d else None


Accept = Callable[[re.Match[str], _Ctx], bool]
Resolve = Callable[[re.Match[str], _Ctx], Resolved | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolve
    accept: Accept | None = None
    # Words every match contains whole (proclitics aside): the rule is tried only near them,
    # since scanning every position of the text with a dozen large patterns dominates the cost.
    anchors: tuple[str, ...] = ()
    # The group every match has that opens with an anchor: a match starts at most the width of
    # what precedes that group before the anchor, not the width of the whole pattern.
    anchor_group: str | None = None
    # Else a cheap pattern every match contains: without it in the text the rule cannot match.
    gate: re.Pattern[str] | None = None


_REL = _alt(_RELATIVE_DAYS)
# Both numeric forms hold digits, a separator, one or two digits, a separator and a digit.
_NUMERIC_GATE = re.compile(r"\d[/.-]\d\d?[/.-]\d")
_COUNT = rf"(?:\d{{1,3}}|{_alt(_COUNTS)})"
_MONTH_BODY = (rf"{_PREP}(?:(?P<per>{_PER}) )?(?:(?P<shahr>شهر|شهري) )?"
               rf"(?:(?:{_TOD} )?يوم (?=\d|ال\d)|{_TOD} (?=\d))?(?:{_DAY}(?: من)?(?: شهر)? )?"
               rf"(?P<m1>{_MON}){_PAIR}?(?:{_YEAR}|{_YREL}|(?: (?P<madj>{_ADJ})))?")

_RULES = (
    _Rule("weekday_date", _rule(
        rf"(?:(?P<tod>{_TOD}) )?(?:(?:يوم|اليوم|امس|غدا) )?(?P<wd>{_WD})،? {_DAY}(?: من)? "
        rf"(?P<m1>{_MON}){_PAIR}?{_YEAR}?"), _resolve_weekday_date, _month_context, tuple(_WEEKDAYS), "wd"),
    _Rule("month", _rule(_MONTH_BODY), _resolve_month, _month_context, tuple(_MONTHS), "m1"),
    _Rule("relative_day", _rule(
        rf"(?:(?P<tod>{_TOD}) )?(?:(?P<yawm>يوم) )?(?P<rel>{_REL})(?: (?P<wd>{_WD}))?"),
        _resolve_relative_day, _accept_relative_day, tuple(_RELATIVE_DAYS), "rel"),
    _Rule("weekday", _rule(
        rf"(?:(?P<tod>{_TOD}) )?(?:(?P<yawm>يوم) )?(?P<wd>{_WD})(?: (?P<wadj>{_ADJ}))?"),
        _resolve_weekday, _accept_weekday, tuple(_WEEKDAYS), "wd"),
    _Rule("day_of_month", _rule(
        rf"(?:(?:{_TOD} )?يوم )?{_DAY} (?:من )?(?:هذا الشهر|الشهر (?P<adj>{_ADJ}))"),
        _resolve_day_of_month, anchors=("الشهر",)),
    _Rule("period", _rule(
        rf"{_PREP}(?:(?P<per>{_PER}) )?(?:(?P<det>هذا|هذه|ذات|نفس) )?"
        rf"(?P<unit>(?:ال|لل)(?:اسبوع|شهر|عام|سنه)|اليوم)(?: (?P<adj>{_ADJ}))?"),
        _resolve_period, _accept_period,
        ("اليوم", *(a + u for a in ("ال", "لل") for u in ("اسبوع", "شهر", "عام", "سنه"))), "unit"),
    _Rule("ago", _rule(
        rf"(?P<dir>قبل|منذ|بعد) (?:(?P<n>{_COUNT}) )?(?P<unit>{_alt(_UNITS)})"
        rf"(?! ?\d)(?! (?:من|علي) (?!الان(?!\w)))(?! {_MON}(?!\w))"), _resolve_ago, _accept_ago,
        ("قبل", "منذ", "بعد"), "dir"),
    _Rule("year", _rule(
        rf"(?:(?P<prep>منذ) )?(?:(?:ال)?(?:عام|سنه)|عامي|صيف|شتاء|ربيع|خريف) (?P<year>{_YYYY}){_TAIL}"),
        _resolve_year, anchors=("عام", "العام", "سنه", "السنه", "عامي", "صيف", "شتاء", "ربيع", "خريف")),
    # "منذ 2011" but not "منذ 1400 عام": a bare number followed by a unit is a count.
    _Rule("since_year", _rule(rf"(?P<prep>منذ) (?P<year>{_YYYY}){_TAIL}(?! {_alt(_UNITS)}(?!\w))"),
          _resolve_year, anchors=("منذ",), anchor_group="prep"),
    _Rule("numeric", _rule(
        r"(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<mo>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)"),
        _resolve_numeric, gate=_NUMERIC_GATE),
    _Rule("iso", _rule(r"(?P<y>(?:19|20)\d\d)(?P<sep>[/-])(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)"),
          _resolve_numeric, gate=_NUMERIC_GATE),
)


# --- driver --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    order: int  # the rule's rank: on equal length the earlier rule wins
    rule: _Rule
    match: re.Match[str]


# Further than any lookahead of a rule reads past the end of its match.
_LOOKAHEAD = 40
_CLITICS = frozenset({"", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"})  # what _rule lets precede an expression


@cache
def anchor_matcher() -> Matcher[str]:
    """The rules' anchor words (built on first use; the pipeline reads them in its shared pass)."""
    return Matcher((word, word) for word in {a for rule in _RULES for a in rule.anchors})


# The regex parser measures how far a rule reaches; it is private, and typeshed does not know it.
_PARSER: Any = import_module("re._parser")
_OPS: Any = import_module("re._constants")


def _lead(items: Any, group: int) -> int | None:
    """The longest text the pattern items can match before `group` opens; None if they hold
    no such group."""
    before = 0
    for op, av in items.data:
        if op is _OPS.SUBPATTERN and av[0] == group:
            return before
        for inner in _children(op, av):
            found = _lead(inner, group)
            if found is not None:
                return before + found
        before += _PARSER.SubPattern(items.state, [(op, av)]).getwidth()[1]
    return None


def _children(op: object, av: Any) -> list[Any]:
    c = _OPS
    if op is c.SUBPATTERN:
        return [av[3]]
    if op is c.BRANCH:
        return list(av[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        return [av[2]]
    return []


def _reach_back(rule: _Rule) -> int:
    """How far before an anchor word a match of the rule may start."""
    parsed = _PARSER.parse(rule.pattern.pattern)
    lead = None
    if rule.anchor_group is not None:
        lead = _lead(parsed, rule.pattern.groupindex[rule.anchor_group])
    return parsed.getwidth()[1] if lead is None else lead


# The longest text a rule can match (how far past its last start a search must read), and how
# far before its anchor a match may start.
_WIDTH = {rule.name: _PARSER.parse(rule.pattern.pattern).getwidth()[1] for rule in _RULES}
_BACK = {rule.name: _reach_back(rule) for rule in _RULES}


def _anchor_spots(text: str) -> dict[str, list[tuple[int, int]]]:
    """Whole-word occurrences of the anchor words: word → [(start of its proclitics, end)]."""
    spots: dict[str, list[tuple[int, int]]] = {}
    for hit in anchor_matcher().find(text):
        if hit.prefix in _CLITICS:
            for word in hit.values:
                spots.setdefault(word, []).append((hit.word_start, hit.end))
    return spots


def _windows(rule: _Rule, spots: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Merged ranges holding every position where a match of the rule can start."""
    back = _BACK[rule.name]
    ranges = sorted((max(0, left - back), left + 1) for a in rule.anchors for left, _ in spots.get(a, ()))
    merged: list[tuple[int, int]] = []
    for lo, hi in ranges:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


@lru_cache(maxsize=8)  # the numeric rules share one gate: one search of the text serves both
def _gate_open(gate: re.Pattern[str], text: str) -> bool:
    return gate.search(text) is not None


def _matches(rule: _Rule, text: str, spots: dict[str, list[tuple[int, int]]]) -> Iterator[re.Match[str]]:
    """What `rule.pattern.finditer(text)` yields, searching only the anchor windows.

    A search ending `reach` characters after the last start it may report reads no less
    of the text than a search over all of it, so its matches are the same.
    """
    if not rule.anchors:
        if rule.gate is None or _gate_open(rule.gate, text):
            yield from rule.pattern.finditer(text)
        return
    reach = _WIDTH[rule.name] + _LOOKAHEAD
    pos = 0
    for lo, hi in _windows(rule, spots):
        lo = max(lo, pos)
        while lo < hi:
            m = rule.pattern.search(text, lo, hi + reach)
            if m is None or m.start() >= hi:
                break
            yield m
            lo = pos = m.end()


def _candidates(ctx: _Ctx) -> list[_Candidate]:
    """Every accepted rule match, longest first."""
    spots = _anchor_spots(ctx.text)
    found = [_Candidate(m.start("e"), m.end("e"), order, rule, m)
             for order, rule in enumerate(_RULES) for m in _matches(rule, ctx.text, spots)
             if rule.accept is None or rule.accept(m, ctx)]
    return sorted(found, key=lambda c: (c.start - c.end, c.order, c.start))


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Maximal expressions: greedy longest-first, no overlaps, then text order."""
    taken: list[_Candidate] = []
    covered = bytearray(max((c.end for c in candidates), default=0))  # one test per candidate, not one per pair
    for cand in candidates:
        if covered.find(1, cand.start, cand.end) == -1:
            taken.append(cand)
            covered[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
    return sorted(taken, key=lambda c: c.start)


def _span(doc: Doc, fstart: int, fend: int) -> Span:
    """The original span, with the marks folding dropped after its end ("غداً", "هـ")."""
    start, end = doc.norm.to_original(fstart, fend)
    while end < len(doc.text) and (doc.text[end] == "ـ" or unicodedata.category(doc.text[end]) == "Mn"):
        end += 1
    return doc.span(start, end)


def _direction(value: str, precision: str, pub: date | None) -> str:
    """Where the resolved period lies relative to the publication day."""
    if pub is None:
        return "past"
    if precision == "day":
        first = last = date.fromisoformat(value)
    elif precision == "week":
        year, week = value.split("-W")
        first = date.fromisocalendar(int(year), int(week), 1)
        last = first + timedelta(days=6)
    elif precision == "month":
        first = date.fromisoformat(value + "-01")
        last = date.fromisoformat(_shift_month(first, 1) + "-01") - timedelta(days=1)
    else:
        first, last = date(int(value), 1, 1), date(int(value), 12, 31)
    return "past" if last < pub else "future" if first > pub else "present"


def find_dates(doc: Doc) -> list[DateMention]:
    """Every temporal expression of `doc`, in text order, resolved against `doc.published`."""
    ctx = _Ctx(doc, doc.norm.text, doc.published)
    for cand in _select(_candidates(ctx)):
        resolved = cand.rule.resolve(cand.match, ctx)
        if resolved is None:
            continue
        value, precision = resolved
        ctx.mentions.append(DateMention(_span(doc, cand.start, cand.end), value, precision,
                                        cand.rule.name, _direction(value, precision, doc.published)))
    return ctx.mentions
