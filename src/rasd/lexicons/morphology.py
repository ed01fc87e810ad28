"""Surface forms of lexicon lemmas, generated once when the lexicons load.

The lexicon stores a lemma (3ms past and imperfect, a noun, a participle); this module
spells out every folded surface form the matcher should recognise: subject affixes,
dual and plural endings, the tanwin alef and pronoun enclitics. Proclitics (و ف ب ل ك
ال س) are not generated: the matcher strips them. Generation is plain string
concatenation over a few stem shapes (regular, hollow, doubled, defective, hamza-final),
because the matcher needs exact strings and ~1,500 lemmas must expand in milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable

from rasd.text.normalize import fold

# Object pronouns on verbs (1s is ني) and possessive pronouns on nouns (1s is ي).
# Third person and "نا" only: news narrates in the third person, and every extra pronoun
# multiplies the forms the matcher has to hold (no 1s ي on nouns either: it spells nisbas).
OBJECT = ("ه", "ها", "هم", "هما", "هن", "نا")
POSSESSIVE = ("ه", "ها", "هم", "هما", "هن", "نا")

# Shorter forms collide with particles and clitic-stripped fragments of common words.
MIN_LENGTH = 3

_SHADDA = "\u0651"
# Harakat that may follow a final shadda in a lemma written with diacritics (ردَّ).
_VOWEL_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0652"
_SECOND_THIRD = ("ي", "ت")
_FIRST_PERSON = ("ن", "ا")  # recognised on a lemma's present, never generated


def _kept(forms: Iterable[str]) -> set[str]:
    return {f for f in forms if len(f) >= MIN_LENGTH}


def _attach(hosts: Iterable[str], pronouns: tuple[str, ...]) -> set[str]:
    return {h + p for h in hosts for p in pronouns}


def _is_doubled(raw_past: str, past: str) -> bool:
    """ردّ: the shadda survives only in the raw lemma; a two-letter folded past is doubled too."""
    return raw_past.rstrip(_VOWEL_MARKS).endswith(_SHADDA) or len(past) == 2


def _is_hollow(past: str, present: str | None) -> bool:
    """قال/يقول، استضاف/يستضيف: a long alef before the last root letter."""
    return len(past) >= 3 and past[-2] == "ا" and (present is None or present[-2:-1] in ("و", "ي", "ا"))


def _past(raw_past: str, past: str, present: str | None) -> tuple[set[str], set[str]]:
    """Suffixed past forms, and the hosts object pronouns attach to."""
    stem = past[:-1]
    if past.endswith("ا") and not (present or "").endswith("ا"):
        # Defective in waw (دعا/يدعو): دعت دعتا دعوا دعونا دعوت.
        bare = {past, stem + "ت", stem + "تا", stem + "وا", stem + "ون", stem + "ونا", stem + "وت",
                stem + "وتم", stem + "وتما"}
        return bare, {past, stem + "ت", stem + "تا", stem + "و", stem + "ونا", stem + "وت"}
    if past.endswith("ي"):
        # Folded ى or ي (نفى، ألقى، بقي): both vowel patterns, نفت نفوا نفينا بقيت بقيا;
        # before a pronoun ى is written alef (نفاه، ألقاها).
        bare = {past, stem + "ت", stem + "تا", stem + "وا", stem + "يا", stem + "ين", stem + "ينا",
                stem + "يت", stem + "يتم", stem + "يتما"}
        return bare, {past, stem + "ا", stem + "ت", stem + "تا", stem + "و", stem + "يا", stem + "ينا",
                      stem + "يت"}
    # A hamza-final past (بدأ → بدا) has no separate dual spelling (بدآ folds to بدا).
    dual = "" if past.endswith("ا") else "ا"
    third = {past, past + "ت", past + "تا", past + dual, past + "وا"}
    third_hosts = {past, past + "ت", past + "تا", past + dual, past + "و"}
    if _is_hollow(past, present):
        # قال → قلت، قلنا، قلن: the long vowel drops before a consonant-initial suffix.
        short = past[:-2] + past[-1]
    elif _is_doubled(raw_past, past):
        # ردّ → رددت، رددنا: the doubled letter splits before a consonant-initial suffix.
        short = past + past[-1]
    else:
        short = past
    first = {short + "ت", short + "ن", short + "نا", short + "تم", short + "تما"}
    return third | first, third_hosts | {short + "نا", short + "ت"}


def _imperfect(present: str) -> tuple[set[str], set[str]]:
    """Prefixed and suffixed imperfect forms, and their pronoun hosts."""
    stem = present[1:] if present[0] in _SECOND_THIRD + _FIRST_PERSON else present
    short = stem[:-1]
    bare_tails: tuple[str, ...]
    host_tails: tuple[str, ...]
    stem_hosts: tuple[str, ...]
    if stem.endswith("و"):
        # Defective in waw (يدعو): the waw drops before و/ي suffixes (يدعون، تدعين، يدعوا).
        bare_tails = (stem + "ان", stem + "ا", short + "ون", short + "ين", short + "وا")
        host_tails = (stem + "ان", stem + "ا", short + "ون", short + "ين", short + "و")
        stem_hosts = (stem,)
    elif stem.endswith("ي"):
        # Folded ي or ى (ينفي، يلقى): as above (ينفون، تنفين، ينفوا), and ى is written alef
        # before a pronoun (يلقاه).
        bare_tails = (stem + "ان", stem + "ا", short + "ون", short + "ين", short + "وا")
        host_tails = (stem + "ان", stem + "ا", short + "ون", short + "ين", short + "و")
        stem_hosts = (stem, short + "ا")
    elif stem.endswith("ا"):
        # Hamza-final (يبدأ → يبدا): يبدأون and يبدؤون (folded يبدوون) are both in print.
        bare_tails = (stem + "ن", stem + "ون", short + "وون", stem + "وا", short + "ووا")
        host_tails = (stem + "ون", short + "وون", stem + "و", short + "وو")
        stem_hosts = (stem,)
    else:
        bare_tails = (stem + "ان", stem + "ون", stem + "ين", stem + "ن", stem + "وا", stem + "ا")
        host_tails = (stem + "ان", stem + "ون", stem + "ين", stem + "ن", stem + "و", stem + "ا")
        stem_hosts = (stem,)
    # Only 2nd/3rd person prefixes: news narrates in the 3rd person, and 1st-person forms
    # spell names and other words (نجيب is a name, not "we answer"; ادعوا is "they claimed").
    hosts = {p + t for p in _SECOND_THIRD for t in stem_hosts}
    bare = {p + stem for p in _SECOND_THIRD}
    bare |= {p + t for p in _SECOND_THIRD for t in bare_tails}
    hosts |= {p + t for p in _SECOND_THIRD for t in host_tails}
    return bare, hosts


def _verb(past: str, present: str | None, enclitics: bool) -> set[str]:
    raw_past = past.strip()
    folded_past = fold(raw_past)
    folded_present = fold(present.strip()) if present and present.strip() not in ("", "-") else None
    bare, hosts = _past(raw_past, folded_past, folded_present)
    if folded_present:
        imp_bare, imp_hosts = _imperfect(folded_present)
        bare |= imp_bare
        hosts |= imp_hosts
    if enclitics:
        bare |= _attach(hosts, OBJECT)
        if folded_past.startswith("ا") and len(folded_past) >= 4 and _is_hollow(folded_past, folded_present):
            # Hollow forms IV and X: past + ه is the folded masdar (أضاف+ه = إضافة،
            # أشار+ه = إشارة، استقال+ه = استقالة), far more common than the verb with "him".
            bare.discard(folded_past + "ه")
    return _kept(bare)


def verb_forms(past: str, present: str | None) -> set[str]:
    """Every folded form of a verb from its 3ms past and 3ms imperfect (None: past only).

    A past of several words is an idiom (أعرب عن) and goes to `idiom_forms`.
    """
    words = past.split()
    if len(words) > 1:
        return idiom_forms(words, present)
    return _verb(past, present, enclitics=True)


def _noun(raw: str, enclitics: bool) -> set[str]:
    raw = raw.strip()
    noun = fold(raw)
    bare = {noun}
    hosts: set[str] = set()
    if noun.endswith("ه"):
        # Folded ه is usually ta marbuta (غارة → غارتان، غارات، زيارتها).
        stem = noun[:-1]
        bare |= {stem + "تان", stem + "تين", stem + "تا", stem + "ات"}
        hosts |= {stem + "ت", stem + "ات"}
    if not raw.endswith("ة"):
        # No bare ي: اجتماع+ي spells the adjective الاجتماعي ("social"), not "my meeting".
        bare |= {noun + "ان", noun + "ين", noun + "ات"}
        hosts |= {noun, noun + "ات"}
        if raw.endswith("ى"):
            hosts.add(noun[:-1] + "ا")  # فحوى → فحواه
        elif noun.endswith("ء"):
            hosts |= {noun[:-1] + "و", noun[:-1] + "ي"}  # لقاؤه، لقائه
        elif not noun.endswith(("ا", "ه")):
            bare.add(noun + "ا")  # اتصالاً: the tanwin fathas fold away, the alef stays
        if noun.startswith("م"):
            # Participle-like nouns take the masculine plural: مسلحون، معتقليه.
            bare.add(noun + "ون")
            hosts |= {noun + "ي", noun + "و"}
    if enclitics:
        bare |= _attach(hosts, POSSESSIVE)
    return _kept(bare)


def noun_forms(noun: str) -> set[str]:
    """Every folded form of a noun: dual, sound plurals, tanwin alef, possessive enclitics.

    A noun of several words is an idiom (إطلاق نار) and goes to `idiom_forms`.
    """
    words = noun.split()
    if len(words) > 1:
        return idiom_forms(words, None)
    return _noun(noun, enclitics=True)


def participle_forms(participle: str) -> set[str]:
    """Every folded form of an active participle: gender, number, tanwin alef, enclitics."""
    base = fold(participle.strip())
    if base.endswith("ه"):
        base = base[:-1]  # given in the feminine (مؤكدة): inflect from the masculine
    if base.endswith("ي"):
        # Defective, written with its ya (نافي، داعي): ناف، نافيا، نافية، نافون.
        stem = base[:-1]
        bare = {stem, base, base + "ا", base + "ه", base + "ان", base + "ين", stem + "ين", stem + "ون",
                base + "تان", base + "تين", base + "ات"}
        hosts = {base, base + "ت", base + "ات", stem + "و"}
    else:
        bare = {base, base + "ا", base + "ه", base + "ان", base + "ين", base + "ون", base + "تان",
                base + "تين", base + "تا", base + "ات", base + "ي"}
        hosts = {base, base + "ت", base + "ات", base + "ي", base + "و"}
    return _kept(bare | _attach(hosts, POSSESSIVE))


def _suffixed(word: str) -> set[str]:
    """A `+` word of an idiom: the word alone or with any pronoun (سفير+ → سفيره، سفيرها)."""
    base = fold(word)
    hosts = {base[:-1] + "ت"} if base.endswith("ه") else {base}
    return {base} | _attach(hosts, POSSESSIVE)


def idiom_forms(words: list[str], head: str | None = None) -> set[str]:
    """Forms of a multi-word lemma: the first word inflects, later words stay fixed.

    `head` is the 3ms imperfect of the first word when it is a verb (سحب سفير+ with
    يسحب); None or `-` inflects it as a noun. The first word takes no pronoun: in an
    idiom its object is the next word. A later word ending in `+` takes any pronoun.
    """
    first, *rest = words
    nominal = not head or head.strip() in ("", "-")
    phrases = _noun(first, enclitics=False) if nominal else _verb(first, head, enclitics=False)
    for word in rest:
        word = word.strip()
        tails = _suffixed(word[:-1]) if word.endswith("+") else {fold(word)}
        if nominal and not word.endswith("+"):
            # A noun phrase agrees in definiteness: "دورية مشتركة", "الدورية المشتركة".
            tails |= {"ال" + t for t in tails if not t.startswith("ال")}
        phrases = {p + " " + t for p in phrases for t in tails}
    return _kept(phrases)
