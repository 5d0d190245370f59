"""A seeded generator of hostile inputs for ingest, with what must become of each.

Every input carries a unique token in its file name ("bad-0042", "good-0007"), so a test can
find it on stderr however its name is quoted or escaped. `expect` says what ingest must do:
  fail    named on exactly one stderr line, stored nowhere (a record file may also hold good
          records: those are listed in `sources` and must be stored)
  skip    named on exactly one stderr line as skipped (a picture in a folder), not a failure
  store   stored under each of `sources` and extracted, named nowhere
  any     either stored or named once (garbage that may legitimately read as text)
  ignore  neither named nor stored (hidden files)
The kinds follow the failures found by hand in issue 13: broken JSON (depth, huge integers,
lone surrogates, objects as text), odd and non-UTF-8 file names, oversized texts, unreadable
and special files, encodings, hostile HTML, broken CSV, control sequences, NUL characters.
"""

from __future__ import annotations

import json
import os
import random
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.textsafe import display_name

MAX_CHARS = 100_000  # the fuzz run passes --max-chars this, so "too long" stays cheap

_ACTORS = [
    "The Syrian army",
    "Rebel fighters",
    "Russian jets",
    "The UN envoy",
    "Turkish forces",
    "Aid workers",
    "Kurdish militias",
    "Government troops",
    "The opposition council",
]
_VERBS = [
    "shelled",
    "attacked",
    "entered",
    "surrounded",
    "bombed",
    "reached",
    "evacuated",
    "captured",
    "left",
]
_PLACES = ["Aleppo", "Homs", "Idlib", "Raqqa", "Daraa", "Hama", "Manbij", "Kobane", "Palmyra"]
_WHEN = ["on Monday", "on Tuesday", "late on Friday", "overnight", "on Sunday", "last week"]  # fmt: skip


@dataclass
class Input:
    token: str
    kind: str
    expect: str
    sources: list[str] = field(default_factory=list)


def article_text(rnd: random.Random, token: str) -> tuple[str, str]:
    """A small, unique news article: (title, body), several sentences and a quote."""
    sentences = []
    for n in range(rnd.randint(4, 7)):
        sentences.append(
            f"{rnd.choice(_ACTORS)} {rnd.choice(_VERBS)} {rnd.choice(_PLACES)} "
            f"{rnd.choice(_WHEN)}, killing {rnd.randint(2, 900)} people, officials said in "
            f"report {token}-{n}."
        )
    sentences.insert(2, f'"We will not leave {rnd.choice(_PLACES)}," a commander told reporters.')
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    title = f"Fighting near {rnd.choice(_PLACES)} in dispatch {token}"
    return title, "\n\n".join(paragraphs)


class Corpus:
    """Writes inputs into `folder` and remembers what must become of each."""

    def __init__(self, folder: Path, seed: int, permissions: bool) -> None:
        self.folder = folder
        self.rnd = random.Random(seed)
        self.permissions = permissions  # unreadable files can be made (not root, or setpriv)
        self.inputs: list[Input] = []
        self.locked: list[Path] = []  # chmod 000 paths, to unlock before cleanup
        self.count = 0

    # -- bookkeeping ------------------------------------------------------------------------

    def token(self, good: bool) -> str:
        self.count += 1
        return f"{'good' if good else 'bad'}-{self.count:04d}"

    def path(self, name: str | bytes) -> bytes:
        raw = name if isinstance(name, bytes) else os.fsencode(name)
        return os.fsencode(self.folder) + b"/" + raw

    def write(self, name: str | bytes, data: bytes | str) -> bytes:
        path = self.path(name)
        with open(path, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    def shown(self, path: bytes) -> str:
        """The source name ingest stores for a file found in the folder walk."""
        return display_name(os.fsdecode(path))

    def add(self, token: str, kind: str, expect: str, sources: list[str] | None = None) -> None:
        self.inputs.append(Input(token, kind, expect, sources or []))

    def good_body(self, token: str) -> tuple[str, str]:
        return article_text(self.rnd, token)

    # -- the kinds --------------------------------------------------------------------------

    def make(self, scale: int) -> list[Input]:
        kinds = [k for k in dir(self) if k.startswith("kind_")]
        for _ in range(scale):
            for name in kinds:
                method: Callable[[], None] = getattr(self, name)
                method()
        return self.inputs

    def kind_good_txt(self) -> None:
        t = self.token(True)
        title, body = self.good_body(t)
        p = self.write(f"{t}.txt", f"{title}\n\n{body}")
        self.add(t, "good txt", "store", [self.shown(p)])

    def kind_good_html(self) -> None:
        t = self.token(True)
        title, body = self.good_body(t)
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
        p = self.write(f"{t}.html", page)
        self.add(t, "good html", "store", [self.shown(p)])

    def kind_good_records(self) -> None:
        t = self.token(True)
        rows = [self.good_body(f"{t}r{i}") for i in range(2)]
        p = self.write(
            f"{t}.jsonl", "\n".join(json.dumps({"title": a, "text": b}) for a, b in rows)
        )
        self.add(t, "good jsonl", "store", [f"{self.shown(p)}#line{i}" for i in (1, 2)])

    def kind_odd_names(self) -> None:
        odd = [b"caf\xe9 %s.txt", b"new\nline %s.txt", b"esc\x1b[2J %s.txt",
               b"quote' \"%s\".txt", b"  spaced %s .txt", b"osc\x1b]8;;link\x07 %s.txt"]  # fmt: skip
        t = self.token(True)
        title, body = self.good_body(t)
        name = self.rnd.choice(odd).replace(b"%s", t.encode())
        p = self.write(name, f"{title}\n\n{body}")
        self.add(t, "odd file name", "store", [self.shown(p)])

    def kind_encodings(self) -> None:
        t = self.token(True)
        title, body = self.good_body(t)
        text = f"{title}\n\nCafé “quoted” – {body}"
        encoding = self.rnd.choice(["cp1252", "utf-16-le", "utf-16-be", "utf-16", "utf-8-sig"])
        p = self.write(f"{t}-{encoding}.txt", text.encode(encoding))
        self.add(t, f"encoding {encoding}", "store", [self.shown(p)])

    def kind_control_sequences(self) -> None:
        t = self.token(True)
        title, body = self.good_body(t)
        nasty = ["\x1b[2J\x1b[H", "\x1b]0;owned\x07", "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\",
                 "\x9b31m", "\u202e", "\x07\x08"]  # fmt: skip
        text = f"{self.rnd.choice(nasty)}{title}\n\n{body[:40]}{self.rnd.choice(nasty)}{body[40:]}"
        p = self.write(f"{t}.txt", text)
        self.add(t, "control sequences", "store", [self.shown(p)])

    def kind_nul_characters(self) -> None:
        t = self.token(True)
        title, body = self.good_body(t)
        padding = " ".join(self.good_body(f"{t}p{i}")[1] for i in range(8))  # past 4096 bytes
        text = f"{title}\n\n{body}\n\n{padding}"
        at = len(text.encode()) - 10
        data = text.encode()
        p = self.write(f"{t}.txt", data[:at] + b"\x00" + data[at:])
        self.add(t, "NUL characters", "store", [self.shown(p)])

    def kind_json_oddities(self) -> None:
        t = self.token(True)
        title, body = self.good_body(t)
        records = [
            {"title": title, "text": body + " \ud800 end.", "views": "HUGE"},
            {"title": title + " II", "text": body.split("\n\n") + ["A last paragraph here."]},
            # an id (part of the stored source name) with a lone surrogate, and a date only
            # this record has
            {"id": f"\udfff{t}", "text": body + " Again.", "date": "2016-03-04"},
        ]
        # json.dumps writes the lone surrogate as the escape "\ud800"; Python will not even
        # build an int of 5,000 digits, so the digits go into the text directly
        text = json.dumps(records).replace('"HUGE"', "9" * 5000)
        p = self.write(f"{t}.json", text)
        self.add(t, "lone surrogate, huge int, list text", "store",
                 [f"{self.shown(p)}#0", f"{self.shown(p)}#1", f"{self.shown(p)}#\ufffd{t}"])  # fmt: skip

    def kind_deep_html(self) -> None:
        t = self.token(True)
        title, body = self.good_body(t)
        depth = self.rnd.choice([300, 1000, 3000])
        tag = self.rnd.choice(["div", "span", "section"])
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        page = f"<html><head><title>{title}</title></head><body>{f'<{tag}>' * depth}{paragraphs}{f'</{tag}>' * depth}</body></html>"
        p = self.write(f"{t}.html", page)
        self.add(t, f"HTML nested {depth} deep", "store", [self.shown(p)])

    def kind_extensionless(self) -> None:
        t = self.token(True)
        title, body = self.good_body(t)
        p = self.write(f"{t}-article", f"{title}\n\n{body}")
        self.add(t, "extensionless text", "store", [self.shown(p)])
        t = self.token(False)
        self.write(f"{t}-blob", bytes(self.rnd.randrange(256) for _ in range(600)))
        self.add(t, "extensionless binary", "fail")

    def kind_bad_json(self) -> None:
        depth = self.rnd.choice([5_000, 100_000])
        variants = [
            ("deep.json", "[" * depth + "]" * depth),
            ("deep-field.json", json.dumps({"title": "x"})[:-1] + ', "text": ' + "[" * depth + "]" * depth + "}"),
            ("object-text.json", json.dumps({"title": "Object", "text": {"p": "not text"}})),
            ("scalar.json", "42"),
            ("not-object.json", "[1]"),
            ("empty.json", "[]"),
            ("invalid.json", '{"text": "never closed'),
        ]  # fmt: skip
        for suffix, text in variants:
            t = self.token(False)
            self.write(f"{t}-{suffix}", text)
            self.add(t, f"json {suffix}", "fail")

    def kind_bad_jsonl(self) -> None:
        t = self.token(False)
        title, body = self.good_body(t)
        bad = self.rnd.choice(["[" * 50_000, '{"text": ', '{"text": {"a": 1}}', "[1, 2]"])
        p = self.write(f"{t}.jsonl", json.dumps({"title": title, "text": body}) + "\n" + bad)
        self.add(t, "jsonl with one bad line", "fail", [f"{self.shown(p)}#line1"])

    def kind_bad_csv(self) -> None:
        title, body = self.good_body("csv")
        good = '"' + title + '","' + body.replace('"', '""') + '"'
        variants = [
            ("row.csv", f"title,text\n{good}\nonly one field\n", ["#row1"]),
            ("unclosed.csv", 'title,text\n"Unclosed quote,never ends\n', []),
            ("header-only.csv", "title,text\n", []),
            ("no-text-column.csv", "a,b\n1,2\n", []),
            ("bad-date.csv", f'title,text,date\n{good.replace("csv", "csvd")},"not a date"\n', []),
        ]
        for suffix, text, kept in variants:
            t = self.token(False)
            p = self.write(f"{t}-{suffix}", text.replace("dispatch csv", f"dispatch {t}"))
            self.add(t, f"csv {suffix}", "fail", [f"{self.shown(p)}{k}" for k in kept])

    def kind_bad_text(self) -> None:
        png = b"\x89PNG\r\n\x1a\n" + bytes(self.rnd.randrange(256) for _ in range(400))
        junk = bytes(
            self.rnd.choice([0x01, 0x02, 0x1B, 0x7F, 0x81, 0x8D, 0xC3, 0x28]) for _ in range(800)
        )
        long_text = " ".join(self.good_body(f"long{i}")[1] for i in range(MAX_CHARS // 300))
        variants = [
            ("empty.txt", b""), ("blank.txt", b"  \n\n\t \n"), ("png.txt", png),
            ("junk.txt", junk), ("nul.txt", b"abc\x00def\x00" * 60),
            ("too-long.txt", ("Title\n\n" + long_text).encode()),
        ]  # fmt: skip
        for suffix, data in variants:
            t = self.token(False)
            self.write(f"{t}-{suffix}", data)
            self.add(t, f"text {suffix}", "fail")

    def kind_bad_html(self) -> None:
        variants = [
            ("empty.html", "<html><body></body></html>"),
            ("scripts.html", "<html><body><script>var a = 1;</script></body></html>"),
            ("no-tags.html", "just words, no markup at all"),
            ("binary.html", bytes(self.rnd.randrange(1, 32) for _ in range(500))),
        ]
        for suffix, data in variants:
            t = self.token(False)
            self.write(f"{t}-{suffix}", data)
            self.add(t, f"html {suffix}", "fail")

    def kind_special_files(self) -> None:
        t = self.token(False)
        os.symlink(self.path(f"{t}-loop.txt"), self.path(f"{t}-loop.txt"))
        self.add(t, "symbolic link loop", "fail")
        t = self.token(False)
        os.symlink(self.path(f"{t}-nowhere.txt"), self.path(f"{t}-broken.txt"))
        self.add(t, "broken symbolic link", "fail")
        t = self.token(False)
        os.mkfifo(self.path(f"{t}-fifo.txt"))
        self.add(t, "named pipe", "skip")
        t = self.token(False)
        os.symlink(os.fsencode(self.folder), self.path(f"{t}-parent-link"))
        self.add(t, "link back to the folder", "skip")
        for suffix, data in (("jpg", b"\xff\xd8\xff\xe0" + bytes(300)), ("md", b"# notes"),
                             ("docx", b"PK\x03\x04" + bytes(100))):  # fmt: skip
            t = self.token(False)
            self.write(f"{t}-file.{suffix}", data)
            self.add(t, f".{suffix} in a folder", "skip")
        t = self.token(False)
        self.write(f".{t}-hidden.txt", b"\x00\x01 hidden junk")
        self.add(t, "hidden file", "ignore")
        if self.permissions:
            t = self.token(False)
            path = self.write(f"{t}-unreadable.txt", "Title\n\nSome text that nobody may read.")
            os.chmod(path, 0)
            self.locked.append(Path(os.fsdecode(path)))
            self.add(t, "unreadable file", "fail")
            t = self.token(False)
            folder = self.path(f"{t}-locked")
            os.mkdir(folder)
            with open(folder + b"/inside.txt", "wb") as handle:
                handle.write(b"Title\n\nText in a folder nobody may open.")
            os.chmod(folder, 0)
            self.locked.append(Path(os.fsdecode(folder)))
            self.add(t, "unreadable folder", "fail")

    def kind_garbage(self) -> None:
        t = self.token(False)
        alphabet = "<>/&;=\"' abcdefghij\n\tÄ€😀" + "".join(map(chr, range(0x20, 0x7F)))
        text = "".join(self.rnd.choice(alphabet) for _ in range(self.rnd.randint(50, 3000)))
        p = self.write(f"{t}-garbage.{self.rnd.choice(['txt', 'html'])}", text)
        self.add(t, "printable garbage", "any", [self.shown(p)])

    def unlock(self) -> None:
        for path in self.locked:
            os.chmod(path, stat.S_IRWXU)
