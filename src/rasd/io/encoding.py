"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, and legacy Arabic code pages via charset-normalizer."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can trust."""


def _utf16_without_bom(data: bytes) -> str | None:
    # Mostly-ASCII or Arabic UTF-16 puts a NUL (or 0x06 for Arabic) in every other byte.
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if sum(b in (0, 6) for b in high) > 0.6 * len(high):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode input bytes; `declared` is a charset the container named (HTTP header, meta tag)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and "\x00" not in utf16:  # NUL characters: binary data, not UTF-16 text
        return utf16
    if b"\x00" in data[:8192]:
        raise DecodeError("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    named = _known(declared)
    if named and named not in ("utf-8", "ascii"):
        try:
            return data.decode(named)
        except UnicodeDecodeError:
            pass
    best = from_bytes(data[:65536]).best()
    if best is None:
        raise DecodeError("no text encoding fits these bytes")
    try:
        return data.decode(best.encoding)
    except UnicodeDecodeError as err:
        raise DecodeError(f"bytes are not valid {best.encoding}: {err.reason}") from err
