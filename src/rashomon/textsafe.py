"""Text that is safe to store and to show: no control sequences, no lone surrogates.

Articles are hostile input. A title holding `ESC ] 8 ;;` plants a hyperlink in the reader's
terminal, `ESC [ 2 J` clears it, a C1 byte (U+009B) is a CSI on some terminals, a bidi override
reorders what is shown, a NUL ends a C string in other tools, and a lone surrogate (`"\\ud800"`
in JSON, or a file name that is not UTF-8) cannot even be encoded to UTF-8 for the database.
Everything shown goes through `for_terminal`/`one_line`; everything stored goes through
`for_storage`; names of inputs go through `display_name`/`shown_name`.

This module imports nothing from rashomon, so every layer may use it.
"""

from __future__ import annotations

import os
import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] P X ^ _ ... ST or
# BEL), and two-byte escapes (ESC + one char); the same with their 8-bit C1 introducers. An
# unterminated string sequence loses only its introducer, never the text after it.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,2048}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -~]?"
)
# C0 controls but tab, newline, carriage return and form feed; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Bidirectional overrides and isolates: they reorder what a terminal shows ("Trojan source").
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\t\n\r\f\v\u2028\u2029\x85]+")
# A name that needs no quoting: letters, digits and the punctuation of ordinary paths.
_PLAIN_NAME = re.compile(r"[\w./:@%+,=#~-]+")


def for_storage(text: str) -> str:
    """Text fit for the database: escape sequences and stray controls removed, lone
    surrogates replaced by U+FFFD; tabs, line breaks and form feeds kept (they are layout)."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if "\x1b" in text or _CONTROL.search(text):
        text = _CONTROL.sub("", _SEQUENCE.sub("", text))
    return text


def without_sequences(text: str) -> str:
    """`text` without terminal escape sequences (their introducers and parameters)."""
    return _SEQUENCE.sub("", text)


def for_terminal(text: str) -> str:
    """Multi-line text fit for a terminal: also no carriage returns or bidi overrides."""
    text = for_storage(text).replace("\r\n", "\n").replace("\r", "\n")
    return _BIDI.sub("", text)


def clipped(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with an ellipsis: a value quoted from an input (a
    300 KB "date", a record id) must not turn one message or name into a page."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def one_line(text: object) -> str:
    """Any value as one terminal-safe line (a table cell, an error message)."""
    return _LINE_BREAKS.sub(" ", for_terminal(str(text)))


def display_name(path: str | os.PathLike[str]) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 (kept by
    Python as surrogate escapes) become `\\xNN`, control characters become escapes."""
    raw = os.fsencode(path)
    text = raw.decode("utf-8", errors="backslashreplace")
    return "".join(_escape(ch) for ch in text)


def shown_name(name: str) -> str:
    """An input's name for a message: as is when ordinary, quoted when it holds spaces,
    escapes, quotes or anything a reader could mistake for the message around it."""
    name = display_name(name) if _SURROGATE.search(name) else name
    if name == "-" or _PLAIN_NAME.fullmatch(name):
        return name
    escaped = "".join(_escape(ch) for ch in name).replace("'", "\\'")
    return f"'{escaped}'"


def _escape(ch: str) -> str:
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    if _CONTROL.match(ch) or ch in "\r\x1b" or _BIDI.match(ch):
        return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
    return ch
