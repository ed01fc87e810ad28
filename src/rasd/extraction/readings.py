"""Which trigger hits report an event, and what their form says.

A lexicon hit is only a candidate: a noun may name a topic ("تهدف إلى تطبيع العلاقات"), a
motive ("، احتجاجاً على") or a definition; an imperfect after a relative pronoun describes;
a participle is an act only as a circumstantial clause. For the hits that stand, the verb
form tells whether the subject is a pronoun (وقّعا), whether the verb is passive (قُتل)
and whether it carries an object pronoun (يطالبها).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from rasd.extraction.context import Context, clause_of
from rasd.lexicons.actors import ambiguous_forms
from rasd.lexicons.triggers import Trigger, trigger_matcher
from rasd.text.matcher import Hit, proclitics_fit
from rasd.text.normalize import fold

# "أيّ" governs a noun and makes it any act of its kind, none that happened: "ستتصدى لأي خرق",
# "ترفض أي تدخل".
ANY = frozenset(p + a for p in ("", "و", "ل", "ب", "ول", "وب") for a in ("اي", "ايه"))
# Masdars of an aim: their genitive is what is to be strengthened or developed, not an act done
# ("أكد الجانبان حرصهما على تعزيز التعاون").
_AIMS = frozenset(p + a for p in ("", "و", "ب") for a in ("تعزيز", "تطوير", "توسيع", "تعميق", "تفعيل", "توطيد"))
_TOPIC_WORDS = frozenset({"حول", "بشان", "بخصوص", "موضوع", "ملف", "الي", "علي", "عن", "اجل", "اطار", "سبل",
                          "امكانيه", "ضروره", "اهميه", "الحاجه", "بهدف", "اليه", "اليات", "مجال",
                          # a time reference, not a report: "بعد سنوات من العداء خلال الحرب"
                          "خلال", "منذ", "اثناء", "طيله", "عقب", "قبيل", "بعد", "قبل",
                          # an instrument already in force, not a new act: "بموجب التفاهم التركي الروسي"
                          "بموجب", "وبموجب", "وفق",
                          # a definition, not a report: "التطبيع يعني انسحاب القوات"
                          "يعني", "تعني", "بغير", "دون",
                          # an end asked for or agreed, not the act itself: "مطالبين بوقف الحرب"
                          "وقف", "بوقف", "ووقف", "انهاء", "بانهاء", "وانهاء"}) | ANY | _AIMS
# "During" a meeting, a call or a visit sets the scene of what is said or done there: the
# meeting itself took place (during a war, a topic word still).
DURING = frozenset({"خلال", "اثناء"})
RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"})
# "من يعرقلون العملية": a preposition never governs a verb, so من before one is "whoever".
_DESCRIPTIVE = RELATIVE_PRONOUNS | {"لا", "ولا", "من", "ممن"}
SPONSORING = frozenset({"برعايه", "رعايه", "بوساطه", "وساطه", "بمشاركه", "مشاركه", "بحضور", "حضور", "بمبادره"})
OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")
_POSSESSIVES = ("هما", "هم", "ها", "ه")
_BEFORE_SUFFIX = {"ت": "ه", "ي": "ء", "و": "ء"}  # a noun's last letter before a pronoun → bare
_PLURAL_SUFFIXES = ("وا", "ا", "تا", "ون", "ان", "ن", "و")
# Treaty nouns, bare: "مذكرة تفاهم", "اتفاقية سلام".
TREATIES = frozenset({"اتفاق", "اتفاقيه", "اتفاقيات", "معاهده", "معاهدات", "تفاهم", "تفاهمات", "مذكره",
                      "مذكرات", "بروتوكول", "ميثاق", "اعلان"})
# Words after which a verb cannot stand: prepositions, quantity or cause nouns, the
# auxiliaries of a passive masdar ("تم اعتقال", "جرى خلاله بحث"), عدم before a masdar, and a
# treaty noun before the genitive that names its kind ("مذكرة تفاهم": one memorandum, signed).
_NOUN_CONTEXT = frozenset({"في", "من", "عن", "جراء", "اثر", "بعد", "عقب", "خلال", "قبل", "منذ",
                           "بسبب", "نتيجه", "ضد", "مع", "بين", "حول", "لدي", "عند", "دون", "رغم", "وسط", "علي",
                           "تم", "جري", "خلاله", "خلالها", "عدم"}) | ANY | TREATIES
_IDIOM_GAP = 6  # tokens between an idiom's verb and its object when the subject comes between
_JOIN_REACH = 5  # tokens from a topic noun to a noun joined to it by و
_VERB_FIRST = {"verb": 0, "noun": 1, "participle": 2}
_NOUN_FIRST = {"noun": 0, "verb": 1, "participle": 2}


@dataclass(slots=True)
class Reading:
    trigger: Trigger
    hit: Hit[Trigger]
    t: int  # token index of the trigger's first word
    t_end: int


@lru_cache(maxsize=1 << 12)
def _tail_words(tail: tuple[str, ...]) -> tuple[str, ...]:
    """An idiom's tail as it starts a token: without the article, which a proclitic may replace."""
    return tuple(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in tail)


def _tail_follows(ctx: Context, t1: int, words: tuple[str, ...]) -> bool:
    """The rest of a split idiom, in order, within reach: "أرسلت أنقرة قواتها" has قوات
    after the subject; "دعا المجلس إلى وقف إطلاق النار" has all three words."""
    k = 0
    toks = ctx.toks
    for i in range(t1, min(t1 + _IDIOM_GAP + len(words), len(toks))):
        if toks[i].text.startswith(words[k]) or ctx.core(i).startswith(words[k]):
            k += 1
            if k == len(words):
                return True
        elif k:
            return False
    return False


def _choose(ctx: Context, hit: Hit[Trigger], t0: int, t1: int, joined: bool) -> Trigger | None:
    """A split idiom whose tail follows, else a verb reading, a noun, then a participle; after
    a preposition ("جراء قصف إسرائيلي") or joined to a topic (`joined`) a form is a noun first."""
    values = hit.values
    if len(values) == 1 and not values[0].tail:
        return values[0]  # most forms have one reading
    plain = [tr for tr in values if not tr.tail]
    if len(plain) < len(values):
        # Every tail word starts a token of the window, so one missing from the window's text
        # rules the idiom out without reading the tokens one by one.
        toks = ctx.toks
        last = min(t1 + _IDIOM_GAP + max(len(tr.tail) for tr in hit.values), len(toks)) - 1
        near = ctx.doc.norm.text[toks[t1].start:toks[last].end] if t1 <= last else ""
        for tr in hit.values:
            if tr.tail:
                words = _tail_words(tr.tail)
                if words[0] in near and _tail_follows(ctx, t1, words):
                    return tr
    # The article or a preposition on the form ("التوصل", "التفاهم") rules out a verb reading.
    if hit.prefix:  # a noun takes any proclitic the matcher allows; only verbs need checking
        plain = [tr for tr in plain if tr.pos != "verb" or _fits_form(ctx, hit, tr)]
    if not plain:
        return None
    governed = joined or (t0 > 0 and ctx.toks[t0 - 1].text in _NOUN_CONTEXT)
    order = _NOUN_FIRST if governed else _VERB_FIRST
    return min(plain, key=lambda tr: order.get(tr.pos, 3))


def _fits_form(ctx: Context, hit: Hit[Trigger], tr: Trigger) -> bool:
    """Whether the proclitics suit the reading; ل before a verb is لام التعليل, which takes
    only the imperfect: "لطلب الحكومة" is a noun, "ليطلب" a verb."""
    verbal = tr.pos == "verb"
    if not proclitics_fit(hit.prefix, verbal):
        return False
    return not (verbal and hit.prefix.endswith("ل") and not _is_imperfect(ctx, hit, tr))


def read_trigger(ctx: Context, hit: Hit[Trigger], ends: dict[str, set[int]]) -> Reading | None:
    """A trigger hit that reports an event, unless it sits in debris or an actor name, or is
    the complement or description of the trigger just before it (`ends`: their last tokens)."""
    t0, t1 = ctx.token_range(hit.word_start, hit.end)
    if ctx.excluded_at(t0) or ctx.in_actor(t0, t1):
        return None
    trigger = _choose(ctx, hit, t0, t1, _joins_topic(ctx, hit, t0, ends))
    if trigger is None:
        return None
    if _other_word(ctx, hit, t1):
        return None  # "فيصل" is a name, not ف + يصل; "طرد مركزي" a centrifuge, no expulsion
    if trigger.pos == "noun" and _circumstantial_masdar(ctx, hit, trigger, t0):
        trigger = replace(trigger, pos="participle")
    if not _fits_form(ctx, hit, trigger):
        return None
    if trigger.future_only and "س" not in hit.prefix and (t0 == 0 or ctx.toks[t0 - 1].text not in ("سوف", "لن")):
        return None  # "ستردّ بقوة" threatens; "يردّ على الأسئلة" replies
    if trigger.pos == "noun" and (_is_topic(ctx, hit, trigger, t0) or _joins_topic(ctx, hit, t0, ends)
                                  or _unrealised(ctx, hit, t0, ends["unrealised"])):
        ends["topic"].add(t1 - 1)
        return None
    if trigger.pos == "noun" and (ctx.quoted_at(t0) or t0 - 1 in ends["verb"] or _is_adverbial(ctx, t0)):
        return None
    if trigger.pos == "verb" and (_is_descriptive(ctx, hit, trigger, t0)
                                  or _describes_noun(ctx, hit, t0, ends["noun"])):
        return None  # "قصف إسرائيلي استهدف منزلاً": the verb describes the shelling
    if trigger.pos == "participle" and not _circumstantial(ctx, hit, t0):
        return None
    return Reading(trigger, hit, t0, t1)


def _other_word(ctx: Context, hit: Hit[Trigger], t1: int) -> bool:
    """The form, alone or with the word after it, is listed as another word (ambiguous.tsv)."""
    form = ctx.doc.norm.text[hit.word_start:hit.end]
    skip = ambiguous_forms()
    return form in skip or (t1 < len(ctx.toks) and f"{form} {ctx.toks[t1].text}" in skip)


def _describes_noun(ctx: Context, hit: Hit[Trigger], t0: int, noun_ends: set[int]) -> bool:
    """A verb right after a trigger noun and its indefinite adjectives is a relative clause
    describing it: "قصف إسرائيلي استهدف منزلاً", "غارة جوية أمريكية استهدفت سيارة". One with و
    or after a comma ("… عدم تعاونها، وتوعدت برد") is a new proposition."""
    if hit.prefix[:1] in ("و", "ف") or (t0 and not ctx.toks[t0 - 1].text[0].isalnum()):
        return False
    if {t0 - 1, t0 - 2} & noun_ends:
        return True
    return t0 - 3 in noun_ends and all(_indefinite_adjective(ctx.toks[t].text) for t in (t0 - 2, t0 - 1))


def _indefinite_adjective(word: str) -> bool:
    return word.endswith(("يه", "يين", "يات")) and not word.startswith(("ال", "وال"))


def _circumstantial_masdar(ctx: Context, hit: Hit[Trigger], trigger: Trigger, t0: int) -> bool:
    """"، مطالبة باريس بتوضيحات": after a comma, a form-III masdar (مفاعلة) taking an object is
    the participle of the same spelling (مُطالِبةً), going on with the sentence's subject."""
    form = ctx.doc.norm.text[hit.start:hit.end]
    return not hit.prefix and t0 > 0 and ctx.toks[t0 - 1].text in ("،", ",") and form.startswith("م") \
        and form.endswith(("ه", "ا")) and len(form) >= 5 and "obj" in trigger.recipient


def _circumstantial(ctx: Context, hit: Hit[Trigger], t0: int) -> bool:
    """A participle reports an act only as a circumstantial clause after a comma ("، متهماً
    الطرف الآخر"); elsewhere it is a noun ("كبير مفاوضي الجماعة")."""
    before = ctx.toks[t0 - 1].text if t0 else ""
    return before in ("،", ",") or hit.prefix.startswith("و")


def _is_adverbial(ctx: Context, t0: int) -> bool:
    """"، احتجاجاً على …", "، مطالبين بطرد السفير", "بمبادرة من فرنسا": a masdar or participle
    giving the motive or the manner of another act, not an act of its own."""
    word = ctx.toks[t0].text
    before = ctx.toks[t0 - 1].text if t0 else ""
    after_date = t0 >= 2 and t0 - 2 in ctx.date_tokens  # "تلقى X، مساء أمس، اتصالاً": an object
    return word in SPONSORING or (word.endswith(("ا", "ين")) and before in ("،", ",") and not after_date)


def _is_imperfect(ctx: Context, hit: Hit[Trigger], trigger: Trigger) -> bool:
    form = ctx.doc.norm.text[hit.start:hit.end]
    return bool(trigger.present) and form[:1] in ("ي", "ت") and trigger.present[1:3] == form[1:3]


def _is_descriptive(ctx: Context, hit: Hit[Trigger], trigger: Trigger, t0: int) -> bool:
    """An imperfect after a relative pronoun or "لا" describes ("حملة تستهدف الجزائر", "لا
    تستهدف أي دولة"); news reports acts in the perfect or with a future marker."""
    if "س" in hit.prefix or not _is_imperfect(ctx, hit, trigger):
        return False
    before = ctx.toks[t0 - 1].text if t0 else ""
    return before in _DESCRIPTIVE or (trigger.quad == 4 and not ctx.toks[t0 - 1].is_word if t0 else False) \
        or _after_indefinite_adjective(ctx, t0, before)


def _after_indefinite_adjective(ctx: Context, t0: int, before: str) -> bool:
    """"عمليات تخريبية تستهدف منشآت": after an indefinite noun and its adjective the verb is
    another description. A headline's subject ("قوات إسرائيلية تقتحم جنين") is an actor."""
    return _indefinite_adjective(before) and (t0 - 1) not in ctx.actor_tokens


def _joins_topic(ctx: Context, hit: Hit[Trigger], t0: int, ends: dict[str, set[int]]) -> bool:
    """"لوقف إطلاق النار في قطاع غزة وتبادل الأسرى": a noun joined by و to a topic a few words
    before, with no punctuation between, is a topic too."""
    if hit.prefix[:1] != "و":
        return False
    for t in range(t0 - 1, max(t0 - _JOIN_REACH, 0) - 1, -1):
        if t in ends["topic"]:
            return True
        if not ctx.toks[t].is_word:
            return False
    return False


def _unrealised(ctx: Context, hit: Hit[Trigger], t0: int, governors: set[int]) -> bool:
    """"هدد الحوثيون باستهداف السفن", "اتهمت روسيا أوكرانيا بقصف المحطة", "طالب بالإفراج عن …":
    the act a threat, an accusation or a demand introduces with ب / إلى / على is its content,
    not an act that happened."""
    before = ctx.toks[t0 - 1].text if t0 else ""
    if not (hit.prefix.lstrip("وف").startswith("ب") or before in ("الي", "علي")):
        return False
    c0 = clause_of(ctx, t0)[0]
    return any(c0 <= t < t0 for t in governors)


def _is_topic(ctx: Context, hit: Hit[Trigger], trigger: Trigger, t0: int) -> bool:
    """A noun governed by purpose ل or a topic word names what is discussed, not an event:
    "تهدف إلى تطبيع العلاقات", "بحثت في موضوع انسحاب القوات", "لإعادة بناء العلاقات"."""
    if hit.prefix.lstrip("وف").startswith("ل"):
        return True
    before = ctx.toks[t0 - 1].text if t0 > 0 else ""
    if before in DURING and trigger.type == "CONSULT":
        return False  # "أكد خلال اتصال هاتفي مع نظيره", "خلال زيارته إلى أنقرة": the meeting took place
    # "لوقف العدوان", "لإنهاء الحرب": the object of a purpose masdar is what is aimed at.
    purpose = before.startswith("ل") and not before.startswith("لل") and len(before) > 3 \
        and (t0 - 1) not in ctx.actor_tokens
    return before in _TOPIC_WORDS or purpose


def is_passive(ctx: Context, hit: Hit[Any]) -> bool:
    """A past passive as careful outlets print it: damma on the first letter (قُتل، أُبلغ) or,
    in form VIII, on the third (اعتُقلت). An imperfect's damma (تُفرج) is active form IV."""
    original = ctx.doc.fspan(hit.start, hit.end).text
    letters = [(i, ch) for i, ch in enumerate(original) if ch.isalpha()]
    if len(letters) < 3:
        return False

    def damma_after(k: int) -> bool:
        i = letters[k][0]
        return original[i + 1:i + 2] == "\u064f"

    first = letters[0][1]
    if first not in "يتن" and damma_after(0):
        return True
    return first == "ا" and damma_after(2)


def plural_subject(ctx: Context, r: Reading) -> bool:
    """A verb that carries a dual or plural subject suffix (وقّعا، اتهموه، يطالبون) has a
    pronoun subject: a postposed noun is its object, never its subject."""
    form = ctx.doc.norm.text[r.hit.start:r.hit.end]
    tr = r.trigger
    past = tr.lemma.split()[0]
    if form in (fold(past), tr.present):
        return False
    for stem in (fold(past)[:-1] if fold(past).endswith(("ا", "ي")) else fold(past), tr.present[1:]):
        if stem and stem in form:
            suffix = form[form.index(stem) + len(stem):]
            return suffix.startswith(_PLURAL_SUFFIXES)
    return False


def has_object_pronoun(ctx: Context, r: Reading) -> bool:
    return r.trigger.pos == "verb" and ctx.doc.norm.text[r.hit.start:r.hit.end].endswith(OBJECT_PRONOUNS)


def has_possessive(ctx: Context, r: Reading) -> bool:
    """A verbal noun with a possessive pronoun ("اجتماعهم", "زيارته", "لقائه"): the form
    without the pronoun is the same noun, not a noun ending in ه (اتجاه)."""
    form = ctx.doc.norm.text[r.hit.start:r.hit.end]
    suffix = next((p for p in _POSSESSIVES if form.endswith(p)), "")
    stem = form[:len(form) - len(suffix)]
    if r.trigger.pos != "noun" or not suffix or len(stem) < 3 or " " in form:  # an idiom's pronoun is its object's
        return False
    # ة reappears before it as ت, and a final hamza sits on ya or waw (لقائه، لقاؤه: folded ي، و).
    stems = {stem, stem[:-1] + _BEFORE_SUFFIX[stem[-1]]} if stem[-1] in _BEFORE_SUFFIX else {stem}
    return any(r.trigger in trigger_matcher().get(s) for s in stems)
