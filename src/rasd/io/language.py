"""Is this text Arabic? A cheap script count first, then lingua among the languages news mixes in.

Persian and Urdu are written in the Arabic script but are not Arabic: the script count cannot tell
them apart, lingua can.
"""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_CANDIDATES = (
    Language.ARABIC, Language.PERSIAN, Language.URDU, Language.ENGLISH, Language.FRENCH,
    Language.TURKISH, Language.HEBREW, Language.SPANISH, Language.GERMAN, Language.RUSSIAN,
    Language.INDONESIAN, Language.MALAY,
)
_SAMPLE = 2000  # characters: enough for a confident decision, cheap on long articles
_MIN_ARABIC_SCRIPT = 0.5  # share of letters


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).build()


def _is_arabic_script(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc"


def arabic_script_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(map(_is_arabic_script, letters)) / len(letters) if letters else 0.0


def not_arabic_reason(text: str) -> str | None:
    """None when the text is Arabic, else why not (e.g. 'Persian', 'mostly Latin script')."""
    sample = text[:_SAMPLE]
    share = arabic_script_share(sample)
    if share < _MIN_ARABIC_SCRIPT:
        found = _detector().detect_language_of(sample)
        name = found.name.title() if found else "unknown language"
        return f"{name} ({share:.0%} Arabic script)"
    found = _detector().detect_language_of(sample)
    if found is not None and found != Language.ARABIC:
        return found.name.title()
    return None
