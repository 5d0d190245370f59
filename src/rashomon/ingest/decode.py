"""Bytes to text, refusing what is not text instead of ingesting mojibake.

Latin-1 decodes any byte string, so "decodes without error" proves nothing; we judge the
result by how much of it is control or unassigned characters.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import CharsetMatch, from_bytes

from rashomon.errors import InputError
from rashomon.textsafe import without_sequences

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip archive",
    b"RIFF": "RIFF media file",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_BAD_SHARE = 0.01
_STRAY_CONTROLS = 8  # a few stray controls (a bell, a backspace) are dropped, not fatal
_LATIN_FAMILY = {
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_9", "iso8859_15",
    "iso8859_13", "iso8859_4", "iso8859_10", "mac_roman", "mac_latin2", "mac_iceland",
}  # fmt: skip


def decode_text(source: str, data: bytes) -> str:
    """Decode an input file's bytes, or raise InputError saying why it is not text."""
    if not data.strip():
        raise InputError(source, "empty file")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"binary content ({kind}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(source, data.decode(encoding, errors="replace"), encoding)
    if b"\x00" in data[:4096]:
        encoding = _utf16_without_bom(data[:4096])
        if encoding is None:
            raise InputError(source, "binary content (NUL bytes), not text")
        try:
            return _checked(source, data.decode(encoding), encoding)
        except UnicodeDecodeError:
            raise InputError(source, f"binary content (NUL bytes), not {encoding} text") from None
    try:
        return _checked(source, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return _checked(source, mostly, "utf-8")
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(source, "no text encoding decodes this file")
    best = _likeliest(matches)
    if best.encoding in _LATIN_FAMILY:
        # Detectors confuse the Latin single-byte code pages (cp1250 for French, say); for
        # news text the Western one is far likelier, as browsers also assume.
        try:
            return _checked(source, data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            pass
    return _checked(source, str(best), best.encoding)


def _likeliest(matches: list[CharsetMatch]) -> CharsetMatch:
    """Of the readings with the least mess, a Windows code page before the rest: the
    detector breaks ties by its own order and reads English with a few accents as DOS
    Baltic (cp775, "Cafķ") and Russian as DOS Ukrainian (cp1125)."""
    least = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= least]
    for preferred in ("cp1252", "cp125"):
        found = next((m for m in calm if m.encoding.startswith(preferred)), None)
        if found is not None:
            return found
    return calm[0]


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bytes that are not (a Windows-1252 word pasted in, a file cut in the
    middle of a character), read as UTF-8 with those bytes as Windows-1252; None when the
    file is not mostly UTF-8. Guessing one encoding for the whole file instead turns every
    accented letter into mojibake ("Café" as "Caf├®")."""
    replaced = data.decode("utf-8", errors="replace")
    invalid = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(replaced) - len(replaced.encode("ascii", errors="ignore"))
    valid = non_ascii - replaced.count("\ufffd")
    if valid < invalid and not _cut_in_the_last_character(data):
        return None  # no more UTF-8 letters than stray bytes
    return data.decode("utf-8", errors=_CP1252_BYTES)


def _cut_in_the_last_character(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:  # the first error is the last bytes: nothing else is
        return exc.reason == "unexpected end of data" and exc.end == len(data)
    return False


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    if error.end == len(error.object) and error.reason == "unexpected end of data":
        return "", error.end  # the file was cut inside its last character
    stray = error.object[error.start : error.end]
    return bytes(stray).decode("cp1252", errors="replace"), error.end


_CP1252_BYTES = "rashomon-cp1252-bytes"
codecs.register_error(_CP1252_BYTES, _cp1252_bytes)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 that lost its byte order mark: mostly-ASCII text leaves a NUL in every other
    byte, on the odd side for little-endian and the even side for big-endian. Binary data
    with NULs here and there does not: its NULs fall on both sides."""
    if len(head) < 8 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.7 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.7 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def _checked(source: str, text: str, encoding: str) -> str:
    # judged per distinct character: a Python loop over every character of an 8 MB text
    # would take seconds
    # terminal escape sequences are stripped before storing: judged without them
    judged = without_sequences(text) if "\x1b" in text or "\x9b" in text else text
    bad = sum(judged.count(ch) for ch in set(judged) if _is_bad(ch))
    if bad > max(_STRAY_CONTROLS, _MAX_BAD_SHARE * len(judged)):
        raise InputError(
            source, f"not readable text ({bad} control or invalid characters as {encoding})"
        )
    if not text.strip():
        raise InputError(source, "empty file")
    return text


def _is_bad(ch: str) -> bool:
    if ch in "\t\n\r\f":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
