"""Actor recognition and coding: country + PLOVER sector for every actor mention.

Lexicon hits are composed left to right, the way Arabic builds actor phrases:
an institution chain (المتحدث باسم وزارة الخارجية) takes its country from a following
nisba (الإيرانية), a country in construct (وزير خارجية تركيا), or a list after في/لدى
(وزراء الدفاع ورؤساء المخابرات في تركيا وروسيا وإيران ولدى النظام السوري: every
institution × every country). A named person in apposition joins the phrase. An
institution left without a country takes it from the latest mention of the same
sector ("الوزارة" → the ministry named before).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from rasd.doc import Doc, Entity, Place
from rasd.lexicons.actors import ActorWord, actor_matcher
from rasd.lexicons.check import INTERNATIONAL
from rasd.text.matcher import Hit, longest
from rasd.text.normalize import fold
from rasd.text.segment import Token, tokens

# Words that keep an institution chain going to its owner: "المتحدث باسم الجيش", "القوات التابعة
# للنظام", "منصات مقربة من الدعم السريع".
_CHAIN_LINKS = frozenset({"باسم", "التابع", "التابعه", "التابعين", "التابعتين", "تابعه", "لدي", "في", "من",
                          "مقربه", "المقربه", "مقربين", "المقربين", "مواليه", "المواليه", "الموالي", "موالي"})
# A nisba after these names a place, not a party: "العاصمة العمانية"، "الحدود السورية".
# A capital after these names a treaty, process or meeting ("اتفاقية فيينا", "إعلان جدة").
_NAMING_NOUNS = frozenset({"اتفاقيه", "معاهده", "اتفاق", "اعلان", "موتمر", "مسار", "قمه", "منتدي", "عمليه",
                           "بروتوكول", "ميثاق", "تفاهمات", "محادثات", "مفاوضات", "اجتماعات", "جوله", "صيغه"})
_CAPITAL = "العاصمه"
# Ministries named by an adjective of their field, and the endings of a noun with a pronoun.
_FIELD_MINISTRIES = frozenset({"الداخليه", "الخارجيه"})
_POSSESSIVE_ENDINGS = ("ها", "هم", "هما")
_PLACE_NOUNS = frozenset({
    "العاصمه", "عاصمه", "مدينه", "المدينه", "بلده", "البلده", "منطقه", "المنطقه", "محافظه", "المحافظه",
    "ولايه", "الولايه", "الحدود", "حدود", "ميناء", "الميناء", "مطار", "المطار", "المياه", "الاجواء", "اجواء",
    "السواحل", "سواحل", "الساحل", "البلدات", "القري", "المدن", "مدن", "قري", "بلدات", "الريف", "ريف",
    "الجبهه", "الاراضي", "اراضي", "الحدوديه",
    # streets, markets and camps named after countries and cities: "سوق ليبيا", "شارع بغداد"
    "سوق", "السوق", "شارع", "الشارع", "ميدان", "الميدان", "مخيم", "المخيم", "حي",
})
_LOCATIVE = frozenset({"في", "لدي"})
_LOCATIVE_BEFORE = frozenset({"في", "وفي", "الي", "شمالي", "جنوبي", "شرقي", "غربي", "شمال", "جنوب", "شرق", "غرب"})
_HARDWARE = "institutions-military.tsv"
_ENVOYS = ("سفير", "سفار", "قنصل", "مندوب", "مبعوث", "ممثل", "بعث")
_MAX_GAP = 4
_BY_TOKENS = attrgetter("t0", "t1")
_START = attrgetter("start")  # C-level getters: thousands of tokens
_TEXT = attrgetter("text")
_QUOTES = frozenset({'"', "'", "(", ")"})
_FAR = ["…"] * (_MAX_GAP + 1)
_FRONTED_REACH = 5  # characters before a fronted place: "وفي " + the name
_MAX_ADJECTIVE_GAP = 2  # unknown words between a noun and its nisba: "حكومة الوحدة الوطنية الليبية"
PREPOSITIONS = frozenset({"علي", "ضد", "مع", "الي", "من", "عن", "في", "بين", "لدي", "حول", "تجاه", "نحو",
                          "بحق", "امام", "عبر", "خلال", "عند", "بعد", "قبل", "منذ", "مقابل", "لصالح"})
# A preposition between a noun and a nisba opens a phrase the nisba belongs to: "المدنيين في قصف روسي".
_PHRASE_OPENERS = PREPOSITIONS | {"جراء", "اثر"}
_PLURAL_NISBA_ENDINGS = ("ين", "ون")
# Words that count or measure the noun after them ("مئات التونسيين", "عدداً من المحتجين").
QUANTIFIERS = frozenset({"ميات", "الاف", "عشرات", "الالاف", "الميات", "العشرات", "ملايين", "بعض", "عدد", "عددا",
                         "جميع", "كل", "معظم", "غالبيه", "اغلب",
                         "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشرين"})


@dataclass(slots=True)
class ActorMention:
    """An entity with the token range it covers and its coordination group."""

    entity: Entity
    t0: int
    t1: int
    group: int = -1
    heads: list[ActorWord] = field(default_factory=list)
    prefix: str = ""  # proclitics on the first word: a preposition there governs the group
    weak: bool = False  # a bare nisba adjective: a country for recipients, never a subject


class _Word:
    """A lexicon hit placed on tokens (slots: an article has hundreds)."""

    __slots__ = ("hit", "t0", "t1", "word")

    def __init__(self, hit: Hit[ActorWord], t0: int, t1: int, word: ActorWord) -> None:
        self.hit = hit
        self.t0 = t0
        self.t1 = t1
        self.word = word

    @property
    def conjoined(self) -> bool:
        return self.hit.prefix.startswith("و")


def _choose(hit: Hit[ActorWord], named: dict[str, int]) -> ActorWord:
    """One reading of an ambiguous form: سورية is the country bare, the nisba with ال;
    between two countries, the one the document names elsewhere."""
    definite = "ال" in hit.prefix or hit.prefix.endswith("لل")
    return min(hit.values, key=lambda w: (-named.get(w.country, 0) if w.country else 0, _rank(w, definite)))


def _rank(word: ActorWord, definite: bool) -> int:
    if word.kind == "nisba":
        return 0 if definite else 3
    if word.kind == "country":
        return 1 if not definite else 4
    order = ("person", "org", "seat", "capital", "office", "body", "media", "group", "document", "people")
    return 2 + order.index(word.kind) if word.kind in order else 9


class _Composer:
    def __init__(self, doc: Doc, toks: list[Token], texts: list[str], words: list[_Word]) -> None:
        self.doc, self.toks, self.words = doc, toks, words
        self.texts = texts  # sliced by `_gap`, hundreds of times per article
        self.mentions: list[ActorMention] = []
        self.modifiers: list[tuple[int, str]] = []  # (token, country) of unattached nisbas
        self.surnames: dict[str, ActorWord] = {}  # last word of each person named so far
        self.named_at: dict[str, int] = {}  # the token where each surname was first named in full

    # -- helpers -------------------------------------------------------------
    def _tok(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < len(self.toks) else ""

    def _gap(self, a: int, b: int) -> list[str]:
        """The words between two tokens; a long gap is returned as a sentinel, since no rule
        links words more than a few tokens apart."""
        if b - a > _MAX_GAP + 2:
            return _FAR
        words = self.texts[a:b]
        if not words:
            return words
        # A quoted name is the institution's own name (قناة "المسيرة" التابعة للجماعة), and
        # quotation marks around a name (تنظيم "الدولة الإسلامية") do not separate words.
        if len(words) >= 3 and words[0] == '"' and '"' in words[1:]:
            words = words[words.index('"', 1) + 1:]
        words = [w for w in words if w not in _QUOTES]
        return words if len(words) <= _MAX_GAP else _FAR

    # -- composition -----------------------------------------------------------
    def run(self) -> None:
        i = 0
        while i < len(self.words):
            i = self._compose(i)
        if self.named_at:
            self._bare_surnames()
        self._group()

    def _compose(self, i: int) -> int:
        w = self.words[i]
        if w.word.is_institution and self._adjective(w):
            return i + 1
        if w.word.is_institution:
            return self._institution(i)
        kind = w.word.kind
        if kind == "person":
            self._remember_surname(w)
        elif kind == "nisba" and self._tok(w.t0).removeprefix("و") in self.surnames:
            # "وقال السوداني": the surname of محمد شياع السوداني, named in full before.
            person = self.surnames[self._tok(w.t0).removeprefix("و")]
            self._add(w, w.t1, person.country, person.sector, f"{person.source} surname", person.name)
            return i + 1
        if kind == "nisba":
            if w.word.ambiguous:
                return i + 1  # "نزاع مالي": a nationality only right after an institution
            if self._is_people(w):
                self._add(w, w.t1, w.word.country, "CVL", f"{w.word.source} nisba-people")
                return i + 1
            # An adjective on a noun Rasd does not know ("سفينة تجارية بريطانية", "الأراضي
            # السورية"): it still tells the country of a recipient, unless the noun is a place.
            self.modifiers.append((w.t0, w.word.country or ""))
            if self._tok(w.t0 - 1) not in _PLACE_NOUNS:
                self._add(w, w.t1, w.word.country, None, f"{w.word.source} nisba-modifier")
                self.mentions[-1].weak = True
            return i + 1
        phrase = self._capital_phrase(w)
        if phrase is None and kind in ("country", "capital") and (self._is_location(w) or "ال" in w.hit.prefix):
            # A name that has no article in the lexicon takes none: "ألباريس" (Albares) is no Paris.
            return i + 1
        if w.word.ambiguous and not self._among_states(i):
            return i + 1  # "نزاع مالي" is financial; "مالي والنيجر" are states
        self._add(w, w.t1, w.word.country, w.word.sector, f"{w.word.source} {kind}", w.word.name, start=phrase)
        return i + 1

    def _among_states(self, i: int) -> bool:
        """Whether word i is joined by و to an unambiguous state name next to it."""
        w = self.words[i]
        nxt = self.words[i + 1] if i + 1 < len(self.words) else None
        prev = self.words[i - 1] if i > 0 else None
        return (nxt is not None and nxt.word.kind == "country" and not nxt.word.ambiguous and nxt.conjoined
                and not self._gap(w.t1, nxt.t0)) \
            or (prev is not None and prev.word.kind == "country" and not prev.word.ambiguous and w.conjoined
                and self._gap(prev.t1, w.t0) in ([], ["،"], [","]))

    def _adjective(self, w: _Word) -> bool:
        """"الشؤون الداخلية", "شؤونها الداخلية", "السياسة الخارجية": a ministry named by its
        field (الداخلية، الخارجية) is an adjective after a definite noun or one with a pronoun."""
        if w.hit.prefix or self._tok(w.t0) not in _FIELD_MINISTRIES or w.t0 == 0:
            return False
        before = self._tok(w.t0 - 1)
        return before.isalpha() and (before.startswith(("ال", "لل")) or before.endswith(_POSSESSIVE_ENDINGS))

    def _is_location(self, w: _Word) -> bool:
        """"في العاصمة العمانية مسقط", "بمدينة طرابلس": a place, not a state acting."""
        back = [self._tok(w.t0 - k) for k in (1, 2)]
        core = back[0][1:] if back[0][:1] in ("و", "ل", "ب") else back[0]
        names = w.word.kind == "capital" and (back[0] in _NAMING_NOUNS or core in _NAMING_NOUNS
                                              or back[0].removeprefix("ال") in _NAMING_NOUNS)
        return names or back[0] in _PLACE_NOUNS or (back[1] in _PLACE_NOUNS and back[0] not in ("،", ","))

    def _capital_phrase(self, w: _Word) -> int | None:
        """"تستضيف العاصمة المصرية القاهرة المفاوضات", "زار العاصمة الأردنية عمّان": a bare
        "العاصمة" that no preposition governs makes its capital a subject or an object, the state
        by metonym; the token where the phrase starts, else None."""
        if w.word.kind != "capital":
            return None
        t = next((w.t0 - k for k in (1, 2) if self._tok(w.t0 - k) == _CAPITAL), None)
        if t is None or (t == w.t0 - 2 and self._tok(t + 1) in ("،", ",")):
            return None
        before = self._tok(t - 1)
        return t if before not in PREPOSITIONS and before.isalpha() else None

    def _remember_surname(self, w: _Word) -> None:
        surname = self.doc.norm.text[w.hit.start:w.hit.end].split()[-1]
        self.surnames[surname] = w.word
        self.named_at.setdefault(surname, w.t1)

    def _bare_surnames(self) -> None:
        """"استقبل … محمد المنفي …، وأكد المنفي": a surname alone, after the full name, is that
        person, though alone the word is not in the lexicon (المنفي also reads "the exile")."""
        forms = {p + s: s for s in self.named_at if len(s) > 3 for p in ("", "و", "ف")}
        found = [t for t, word in enumerate(self.texts) if word in forms]
        if not found:
            return
        covered = {t for m in self.mentions for t in range(m.t0, m.t1)}
        for t in found:
            surname = forms[self.texts[t]]
            if t >= self.named_at[surname] and t not in covered:
                person = self.surnames[surname]
                tok = self.toks[t]
                entity = Entity(person.country, person.sector, self.doc.fspan(tok.start, tok.end),
                                f"{person.source} surname", person.name)
                self.mentions.append(ActorMention(entity, t, t + 1, -1, [person], self.texts[t][:-len(surname)]))

    def _is_people(self, w: _Word) -> bool:
        """"مئات التونسيين", "17 فلسطينياً": a nisba used as a noun names people (CVL)."""
        word = self.toks[w.t0].text
        if word.endswith(_PLURAL_NISBA_ENDINGS) and "ال" in w.hit.prefix:
            return True
        prev = self._tok(w.t0 - 1)
        return word.endswith(("يا", "يين", "يون")) and (prev.isdigit() or prev in QUANTIFIERS)

    def _add(self, w: _Word, t1: int, country: str | None, sector: str | None, source: str,
             name: str | None = None, heads: list[ActorWord] | None = None, start: int | None = None) -> None:
        """A mention of the hit up to token t1 (from token `start`, when words before it belong to it)."""
        begin = w.hit.word_start if start is None else self.toks[start].start
        entity = Entity(country, sector, self.doc.fspan(begin, self.toks[t1 - 1].end), source, name)
        prefix = w.hit.prefix if start is None else ""
        self.mentions.append(ActorMention(entity, w.t0 if start is None else start, t1, -1, heads or [w.word], prefix))

    def _chain(self, i: int) -> tuple[int, int, list[_Word]]:
        """Extend an institution chain from word i: (next word index, end token, chain)."""
        chain = [self.words[i]]
        j, end = i + 1, self.words[i].t1
        while j < len(self.words):
            nxt = self.words[j]
            if nxt.word.is_institution and self.texts[end:nxt.t0] == ['"'] and self._tok(nxt.t1) == '"':
                # قناة "المسيرة", صحيفة "الأخبار": the quoted word is the body's own name.
                j, end = j + 1, nxt.t1
                continue
            gap = self._gap(end, nxt.t0)
            # "وزراء دفاع دول حلف شمال الأطلسي": one plain word may stand before an organisation.
            linked = not gap or (len(gap) <= 2 and all(x in _CHAIN_LINKS for x in gap)) \
                or (len(gap) == 1 and nxt.word.kind == "org" and gap[0].isalpha())
            # A document ("في بيان") is where something was said, never part of who said it;
            # witnesses or residents speaking to an outlet ("شهود عيان لوكالة رويترز") are not its staff.
            if not linked or nxt.conjoined or nxt.word.kind == "document" \
                    or not (nxt.word.is_institution or nxt.word.kind == "org") \
                    or (chain[-1].word.sector == "CVL" and nxt.hit.prefix.endswith("ل")) \
                    or (not gap and self._no_construct(chain[-1], nxt)):
                break
            chain.append(nxt)
            end = nxt.t1
            j += 1
            if nxt.word.kind == "org":
                break
        return j, end, chain

    def _no_construct(self, head: _Word, nxt: _Word) -> bool:
        """A noun with the article heads no construct, and a bare indefinite body is no
        genitive: "أسقطت الدفاعات الجوية مسيرات روسية" is a subject, then its object (a bare
        title is the same person's second office: "رئيس مجلس الوزراء وزير الخارجية")."""
        last = self.doc.norm.text[head.hit.word_start:head.hit.end].split()[-1]
        return last.startswith(("ال", "لل")) and not nxt.hit.prefix and nxt.word.kind == "body" \
            and not self.doc.norm.text.startswith("ال", nxt.hit.start)

    def _institution(self, i: int) -> int:
        j, end, chain = self._chain(i)
        heads = [chain]
        # Coordinated institutions share the countries that follow: "وزراء الدفاع ورؤساء المخابرات في …".
        while j < len(self.words) and self.words[j].word.is_institution and self.words[j].conjoined \
                and self.words[j].t0 == end:
            j, end, more = self._chain(j)
            heads.append(more)
        countries, j, end = self._countries(j, end, posted=self._envoy(chain[0]))
        person = self._apposition(j, end)
        if person is not None:
            self._remember_surname(person)
            end = person.t1
            j += 1
        if not countries and person is None and all(w.word.source.startswith(_HARDWARE) for c in heads for w in c):
            return j  # "طائرات مسيرة" with no nationality names no actor
        for chain_words in heads:
            country, sector, source = self._code(chain_words)
            for c in countries or [(country or "", "")]:
                code, csrc = c
                src = source + (f" + {csrc}" if csrc else "")
                if person is not None:
                    src += f" + {person.word.source} person"
                self._add(chain_words[0], end, code or (person.word.country if person else None),
                          sector or (person.word.sector if person else None), src,
                          person.word.name if person else None, [w.word for w in chain_words])
        return j

    @staticmethod
    def _code(chain: list[_Word]) -> tuple[str | None, str | None, str]:
        """Country and sector of a chain: an organisation fixes both, else the last sector wins."""
        source = " > ".join([w.word.source for w in chain])
        org = next((w.word for w in chain if w.word.kind == "org"), None)
        if org is not None:
            sector = org.sector or next((w.word.sector for w in chain if w.word.sector), None)
            return org.country, sector, source
        sector = next((w.word.sector for w in reversed(chain) if w.word.sector), None)
        return None, sector, source

    def _countries(self, j: int, end: int, posted: bool = False) -> tuple[list[tuple[str, str]], int, int]:
        """Countries after an institution chain, with their coordinated siblings. For an envoy
        (`posted`), "لدى إسرائيل" is where he serves, not whose he is."""
        found: list[tuple[str, str]] = []
        k = j
        if k < len(self.words):
            w = self.words[k]
            gap = self._gap(end, w.t0)
            words_gap = [g for g in gap if g.isalnum()]
            person = self.surnames.get(self._tok(w.t0)) if w.word.kind == "nisba" and not gap else None
            if person is not None:
                # "بيان لمكتب السوداني": the surname of محمد شياع السوداني, named before, not "Sudanese".
                return [(person.country or "", f"{person.source} surname")], k + 1, w.t1
            if w.word.kind == "nisba" and len(words_gap) == len(gap) <= _MAX_ADJECTIVE_GAP \
                    and not _PHRASE_OPENERS.intersection(gap):
                return self._siblings(k, ("nisba",), "nisba")
            if w.word.kind in ("country", "capital") and not gap and not w.hit.prefix:
                return self._siblings(k, ("country", "capital"), "construct")
            if gap and gap[-1] in _LOCATIVE and len(words_gap) == len(gap) <= _MAX_ADJECTIVE_GAP + 1 \
                    and w.word.kind in ("country", "capital", "seat") and not posted:
                return self._siblings(k, ("country", "capital", "seat"), "locative")
        return found, k, end

    def _siblings(self, k: int, kinds: tuple[str, ...], how: str) -> tuple[list[tuple[str, str]], int, int]:
        first = self.words[k]
        found = [(first.word.country or "", f"{first.word.source} {how}")]
        end = first.t1
        k += 1
        while k < len(self.words):
            w = self.words[k]
            gap = self._gap(end, w.t0)
            joined = (not gap and w.conjoined) or gap in (["،"], [","], ["و"], ["ولدي"], ["وفي"])
            if joined and w.word.kind in kinds:
                found.append((w.word.country or "", f"{w.word.source} {how}"))
            elif joined and w.word.is_institution:
                # "… ولدى النظام السوري": the institution stands for its country here.
                sub_j, sub_end, _ = self._chain(k)
                sub, sub_k, sub_end = self._countries(sub_j, sub_end)
                if not sub:
                    break
                found += sub
                end, k = sub_end, sub_k
                continue
            else:
                break
            end = w.t1
            k += 1
        return found, k, end

    def _envoy(self, w: _Word) -> bool:
        """Ambassadors, embassies, consuls and delegates serve in another country."""
        word = self.toks[w.t0].text
        core = word[len(w.hit.prefix):]
        return core.removeprefix("ال").startswith(_ENVOYS)

    def _apposition(self, j: int, end: int) -> _Word | None:
        """A named person right after the title: "وزير الدفاع الروسي، سيرغي شويغو"."""
        if j < len(self.words) and self.words[j].word.kind == "person":
            gap = self._gap(end, self.words[j].t0)
            if gap in ([], ["،"], [","]):
                return self.words[j]
        return None

    def _group(self) -> None:
        """Coordinated mentions ("تركيا وروسيا وإيران") share one group id."""
        group, prev = -1, None
        for m in sorted(self.mentions, key=_BY_TOKENS):
            if prev is not None and (m.t0 < prev.t1 or self._joined(prev, m)):
                m.group = group
            else:
                group += 1
                m.group = group
            prev = m

    def _joined(self, prev: ActorMention, m: ActorMention) -> bool:
        """"تركيا وروسيا وإيران", "مصر، قطر والولايات المتحدة": و joins; a comma joins only
        bare state names, since "بالرباط، نظيره الموريتاني" is a place and then an object."""
        # Quotation marks are transparent here: "بين \"جهاز الردع\" و\"اللواء 444\"".
        gap = [w for w in self.texts[prev.t1:m.t0] if w not in _QUOTES] if m.t0 - prev.t1 <= _MAX_GAP else _FAR
        # "بي كي كي/ واي بي جي": a slash pairs two names of one actor, as و does.
        if gap in (["و"], ["/"]) or (not gap and m.prefix.startswith("و")):
            return True
        names = ("country", "capital")
        return gap in (["،"], [","]) and not prev.prefix and not m.prefix \
            and prev.heads[0].kind in names and m.heads[0].kind in names


def _place_words(doc: Doc, starts: list[int]) -> list[_Word]:
    hits = longest(actor_matcher().find(doc.norm.text))
    # A form naming two countries (عمان: Oman, or Amman for Jordan) goes to the one the
    # document speaks of otherwise.
    named: dict[str, int] = {}
    for h in hits:
        first = h.values[0].country
        if first and (len(h.values) == 1 or all(v.country == first for v in h.values)):
            named[first] = named.get(first, 0) + 1
    words: list[_Word] = []
    for hit in hits:
        # A search per hit: a dict from every token start would cost more than all the hits.
        t0 = bisect_left(starts, hit.word_start)
        if t0 < len(starts) and starts[t0] == hit.word_start:
            t1 = bisect_left(starts, hit.end, t0)
            word = hit.values[0] if len(hit.values) == 1 else _choose(hit, named)
            words.append(_Word(hit, t0, max(t1, t0 + 1), word))
    return words


_COUNTERPART = "نظير"
_ANAPHORA_REACH = 60  # tokens back for a bare sector match ("الوزارة" → the ministry named before)


@lru_cache(maxsize=1 << 14)  # mention texts recur across articles ("الوزارة", "الجيش")
def _definite(text: str) -> bool:
    """"الوزارة", "والوزارة", "رئيس النادي": an article marks a mention that refers back."""
    return any(w.startswith(("ال", "لل")) or w[1:3] == "ال" for w in fold(text).split())


_ARTICLE_CHAINS = ("وال", "بال", "فال", "لل", "ال")


@lru_cache(maxsize=1 << 14)
def _cores(text: str, prefix: str) -> tuple[str, ...]:
    """The cores of a mention's words ("وزير الخارجية" → وزير, خارجيه). Only the first word's
    proclitics are known (`prefix`, from the matcher); elsewhere only a chain with the article
    is stripped, since و، ب، ل also begin words: "وزارة", "بيان", "ولي العهد"."""
    words = fold(text).split()
    if words:
        words[0] = words[0][len(prefix):]
    return tuple(_article_less(w) for w in words)


def _article_less(word: str) -> str:
    clitic = next((c for c in _ARTICLE_CHAINS if word.startswith(c) and len(word) - len(c) >= 3), "")
    return word[len(clitic):]


class _Antecedents:
    """The latest coded mention by lexicon entry, by name word, by sector and by country, kept
    as the document is read so that each look-up is immediate."""

    def __init__(self) -> None:
        self.by_head: dict[str | None, ActorMention] = {}
        self.by_word: dict[str, ActorMention] = {}
        self.by_sector: dict[str, ActorMention] = {}
        self.by_country: dict[str, ActorMention] = {}

    def add(self, m: ActorMention) -> None:
        ent = m.entity
        if not ent.country:
            return
        if m.heads:
            self.by_head[m.heads[-1].source] = m
        self.by_word.update(dict.fromkeys(_cores(ent.span.text, m.prefix), m))
        if ent.sector:
            self.by_sector[ent.sector] = m
            self.by_country[ent.country] = m

    def for_body(self, m: ActorMention) -> ActorMention | None:
        """"الوزارة", "رئيس النادي", "المبعوث": the same entry, else a name with the same word
        ("الحزب" → "حزب الله"), else the same sector nearby."""
        cores = _cores(m.entity.span.text, m.prefix)
        prev = self.by_head.get(m.heads[-1].source if m.heads else None)
        prev = prev or (self.by_word.get(cores[-1]) if cores and len(cores[-1]) >= 3 else None)
        if prev is None and m.entity.sector:
            near = self.by_sector.get(m.entity.sector)
            prev = near if near is not None and m.t0 - near.t1 <= _ANAPHORA_REACH else None
        return prev


def _resolve_anaphora(mentions: list[ActorMention], places: _Places) -> None:
    """Fill what an institution mention leaves open from an earlier mention.

    A word with a country but no sector ("البيان التركي") takes the sector of the latest
    mention of that country; a definite word with a sector but no country ("الوزارة")
    takes the country of the mention it refers back to (`_Antecedents.for_body`), unless a
    place follows it ("وزارة الصحة في غزة" is Gaza's, whatever ministry came before).
    """
    seen = _Antecedents()
    for m in mentions:
        ent = m.entity
        if ent.country and not ent.sector and m.heads and m.heads[0].is_institution:
            prev = seen.by_country.get(ent.country)
            if prev is not None:
                ent.sector, ent.guessed = prev.entity.sector, True
                ent.source += " + anaphora"
        elif not ent.country and _definite(ent.span.text) and places.after(ent) is None:
            prev = seen.for_body(m)
            if prev is not None:
                ent.country, ent.guessed = prev.entity.country, True
                ent.source += " + anaphora"
        seen.add(m)


# "الدول الأوروبية الثلاث", "العواصم الأربع": states counted by number refer back to the
# states last named together (folded text; at most two adjectives before the number).
_COUNTED_STATES = re.compile(
    r"(?<!\S)[وفب]?(?:ال|لل)(?:دول|بلدان|عواصم)(?: ال\S+){0,2} ال(ثلاث|اربع|خمس|ست)ه?(?!\S)")
_COUNTS = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6}
_COUNTED_HEADS = ("الدول ال", "البلدان ال", "العواصم ال")


def _counted_states(doc: Doc, starts: list[int], mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions for each state a counted plural ("الدول الأوروبية الثلاث") refers back to:
    the latest coordination that names exactly that many states."""
    text = doc.norm.text
    if not any(head in text for head in _COUNTED_HEADS):  # substring tests are far cheaper than the regex
        return []
    found: list[ActorMention] = []
    group = max((m.group for m in mentions), default=-1)
    for hit in _COUNTED_STATES.finditer(text):
        t0 = bisect_right(starts, hit.start()) - 1
        t1 = bisect_left(starts, hit.end())
        if any(m.t0 < t1 and t0 < m.t1 for m in mentions):
            continue
        states = _last_states(mentions, t0, _COUNTS[hit.group(1)])
        if states:
            group += 1
            span = doc.fspan(hit.start(), hit.end())
            found += [ActorMention(Entity(e.country, e.sector, span, e.source + " + counted-plural", e.name),
                                   t0, t1, group, m.heads) for m, e in ((m, m.entity) for m in states)]
    return found


def _last_states(mentions: list[ActorMention], before: int, count: int) -> list[ActorMention]:
    """The members of the latest group before a token that names `count` distinct states."""
    groups: dict[int, list[ActorMention]] = {}
    for m in mentions:
        if m.t1 <= before and m.entity.country and not m.weak:
            groups.setdefault(m.group, []).append(m)
    for members in sorted(groups.values(), key=lambda ms: ms[-1].t1, reverse=True):
        if len({m.entity.country for m in members}) == count:
            return members
    return []


def find_actors(doc: Doc) -> None:
    """Fill doc.entities, and the `actors`/`tokens` layers the event and statement coders use."""
    toks = tokens(doc.norm.text)
    # Token starts are searched and token texts sliced all along the coders: made once here.
    starts, texts = list(map(_START, toks)), list(map(_TEXT, toks))
    composer = _Composer(doc, toks, texts, _place_words(doc, starts))
    composer.run()
    line = doc.layers.get("dateline")
    mentions = sorted((m for m in composer.mentions
                       if line is None or not line.start <= m.entity.span.start < line.end),
                      key=_BY_TOKENS)
    mentions = _outside_place_names(doc, mentions)
    mentions = sorted(mentions + _counted_states(doc, starts, mentions), key=_BY_TOKENS)
    _resolve_anaphora(mentions, _Places(doc))
    _counterpart_sectors(doc, mentions, starts, texts)
    doc.layers["tokens"] = toks
    doc.layers["token_starts"] = starts
    doc.layers["token_texts"] = texts
    doc.layers["actors"] = mentions
    doc.layers["modifiers"] = composer.modifiers
    doc.entities = [m.entity for m in mentions]


def _counterpart_sectors(doc: Doc, mentions: list[ActorMention], starts: list[int], texts: list[str]) -> None:
    """"التقى وزير الدفاع التركي نظيره الروسي": a counterpart (نظيره، نظيرتها) holds the office of
    the one it faces, the latest actor with a sector named before it in its sentence."""
    sentence_starts = [a for a, _ in doc.sentence_bounds()]
    for i, m in enumerate(mentions):
        ent = m.entity
        if ent.sector or not texts[m.t0][len(m.prefix):].startswith(_COUNTERPART):
            continue
        s0 = sentence_starts[bisect_right(sentence_starts, starts[m.t0]) - 1]
        prev = next((mentions[j] for j in range(i - 1, -1, -1) if mentions[j].entity.sector
                     and not mentions[j].weak and mentions[j].entity.country != ent.country), None)
        if prev is not None and starts[prev.t0] >= s0:
            ent.sector, ent.source = prev.entity.sector, ent.source + f" + sector of {prev.entity.span.text}"


def _home_country(doc: Doc, mentions: list[ActorMention]) -> str | None:
    """Where the story happens: the dateline's country, else the country most often named as
    a location ("في سورية"), else the most mentioned country."""
    filed = doc.layers.get("dateline_places")
    if filed:
        return filed[0].country
    located = Counter(p.country for p in doc.places if _is_locative(doc, p.span.start))
    if located:
        return located.most_common(1)[0][0]
    counts = Counter(m.entity.country for m in mentions if m.entity.country and len(m.entity.country) == 3
                     and m.entity.country not in INTERNATIONAL)
    return counts.most_common(1)[0][0] if counts else None


def _is_locative(doc: Doc, start: int) -> bool:
    """"في سورية", "بسورية", "إلى شمالي سورية": the place is where something happens."""
    if start and doc.text[start - 1] in "بف" and (start < 2 or not doc.text[start - 2].isalpha()):
        return True  # a proclitic on the name itself
    before = doc.text[max(0, start - 12):start].split()
    return bool(before) and fold(before[-1]) in _LOCATIVE_BEFORE


class _Places:
    """The document's places by start, searched rather than scanned (a long document has thousands)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.places = sorted(doc.places, key=lambda p: p.span.start)
        self.starts = [p.span.start for p in self.places]

    def after(self, ent: Entity) -> Place | None:
        """The place right after a body, with only a locative between: "وزارة الصحة في غزة"."""
        i = bisect_left(self.starts, ent.span.end)
        if i == len(self.places) or self.places[i].span.start - ent.span.end > 24:
            return None
        place = self.places[i]
        return place if _only_locative(self.doc.text[ent.span.end:place.span.start]) else None


def settle_countries(doc: Doc) -> None:
    """Give institutions still without a country the place after them ("وزارة الصحة في غزة")
    or the story's home country: unnamed police, courts and civilians are local by default."""
    mentions: list[ActorMention] = doc.layers["actors"]
    home = _home_country(doc, mentions)
    places = _Places(doc)
    for m in mentions:
        ent = m.entity
        # Media are often foreign or of no country ("منصات التواصل"): no default for them.
        if ent.country or m.weak or ent.sector in (None, "MED") or not (m.heads and m.heads[0].is_institution) \
                or m.heads[0].kind == "self":  # "بلاده" is the speaker's country (statements)
            continue
        after = places.after(ent)
        if after is not None:
            ent.country, ent.source = after.country, ent.source + f" + place {after.source}"
            continue
        scene = _scene(doc, places.places, places.starts, ent)
        if scene is not None:
            ent.country, ent.source = scene.country, ent.source + f" + scene {scene.source}"
        elif home is not None:
            ent.country, ent.source, ent.guessed = home, ent.source + " + home-country", True


def _outside_place_names(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Actor words inside a place name are part of the name: "قاعدة عين الأسد" is no Assad."""
    names = [(p.span.start, p.span.end) for p in doc.places if p.kind != "country" and " " in p.span.text]
    if not names:
        return mentions
    name_starts = [a for a, _ in names]

    def inside(m: ActorMention) -> bool:
        # Places do not overlap: only the last name starting at or before the mention can hold it.
        start, end = m.entity.span.start, m.entity.span.end
        i = bisect_right(name_starts, start) - 1
        return i >= 0 and end <= names[i][1] and names[i] != (start, end)

    # A state named in a region ("جنوبي لبنان") still counts; a person or body in a name does not.
    return [m for m in mentions if m.heads[0].kind in ("country", "capital", "nisba") or not inside(m)]


def _only_locative(between: str) -> bool:
    """"في", "ب", "في العاصمة", "في مدينة": nothing but a locative between a body and a place."""
    words = fold(between).split()
    return not words or (words[0] in ("في", "ب") and all(w in _PLACE_NOUNS for w in words[1:])) \
        or (len(words) == 1 and words[0].startswith("ب") and words[0][1:] in _PLACE_NOUNS)


def _scene(doc: Doc, places: list[Place], starts: list[int], ent: Entity) -> Place | None:
    """Where the sentence takes place ("وفي صنعاء، أطلقت الجماعة سراح محتجزين من القوات
    الحكومية", "تظاهر الطلبة في العاصمة تونس …، فيما أطلقت الشرطة الغاز"): the latest city or
    region named as a location earlier in the sentence; the forces there are that country's. A
    country counts only fronted ("وفي تونس، أصدرت محكمة …"): further in, "في سورية" is where the
    act takes place, not whose the actor is."""
    start = doc.text.rfind("\n", 0, ent.span.start) + 1
    stop = max(doc.text.rfind(".", 0, ent.span.start) + 1, start)
    before = places[bisect_left(starts, stop):bisect_left(starts, ent.span.start)]
    first = stop
    while first < ent.span.start and doc.text[first].isspace():
        first += 1
    return next((p for p in reversed(before) if (p.kind != "country" or p.span.start - first <= _FRONTED_REACH)
                 and _is_locative(doc, p.span.start)), None)
