"""Language screening: Arabic passes; Persian, Urdu and English are skipped with the reason."""

from __future__ import annotations

from rasd.io.records import Record
from rasd.io.screen import MAX_CHARS, screen
from test_io_readers import BODY, PERSIAN

URDU = ("پاکستان کے وزیر خارجہ نے منگل کے روز اپنے ترک ہم منصب سے انقرہ میں ملاقات کی اور دونوں ممالک "
        "کے درمیان تجارتی تعلقات بڑھانے پر بات چیت کی۔ انہوں نے کہا کہ ہم خطے میں امن چاہتے ہیں۔")
ENGLISH = "The Turkish foreign minister received his Saudi counterpart in Ankara on Tuesday to discuss Gaza."


def _screen(text: str) -> tuple[str, str] | None:
    skip = screen(Record(text=text, source="t"))
    return (skip.reason, skip.detail) if skip else None


def test_arabic_passes() -> None:
    assert _screen(BODY) is None


def test_persian_urdu_english_are_not_arabic() -> None:
    assert _screen(PERSIAN) == ("language", "not Arabic: Persian")
    assert _screen(URDU) == ("language", "not Arabic: Urdu")
    reason, detail = _screen(ENGLISH)
    assert reason == "language" and detail.startswith("not Arabic: English")


def test_empty_and_huge_inputs() -> None:
    assert _screen("  \n ") == ("empty", "no text")
    assert _screen(BODY * (MAX_CHARS // len(BODY) + 1))[0] == "too-large"
