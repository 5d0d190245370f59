"""Headless Chromium for end-to-end checks of rendered dossiers, plus a tiny PNG reader.

Reusable by any test: `need_chromium()` skips when the browser is absent, `dump_dom` returns
the DOM after load (so we test what a reader's browser builds, not our string), `screenshot`
writes a PNG, and `png_stats` decodes it with the stdlib alone so no imaging library is needed.
Chromium runs with networking features off and a throwaway profile: tests must not touch the
network, and a page that tried to fetch something would simply fail to load it.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
_TIMEOUT_S = 90


def need_chromium() -> str:
    """The chromium binary, or skip the test saying how to install it."""
    found = shutil.which("chromium")
    if found is None:
        pytest.skip("chromium is not installed: `apt-get install chromium` to run browser tests")
    return found


def _run(page: Path, profile: Path, *extra: str) -> str:
    command = [need_chromium(), *_FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False)
    if done.returncode != 0:
        raise AssertionError(f"chromium exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout


def dump_dom(page: Path, profile: Path) -> str:
    """The serialised DOM once the page has loaded (scripts run, parser fixes applied)."""
    return _run(page, profile, "--dump-dom")


def screenshot(page: Path, png: Path, profile: Path, size: tuple[int, int] = (1280, 2000)) -> Path:
    """Render `page` to `png` at `size` (width, height) and return the PNG's path."""
    _run(page, profile, f"--screenshot={png}", f"--window-size={size[0]},{size[1]}")
    if not png.exists():
        raise AssertionError(f"chromium wrote no screenshot at {png}")
    return png


@dataclass(frozen=True)
class PngStats:
    width: int
    height: int
    colours: int  # distinct pixel values in the sampled rows
    non_background: float  # share of sampled pixels that differ from the top-left pixel


def png_stats(png: Path, max_rows: int = 600) -> PngStats:
    """Decode the top `max_rows` rows of an 8-bit RGB/RGBA PNG with zlib alone and summarise
    them: enough to tell a real rendering from a blank or single-colour page. (Pure-Python
    unfiltering costs about a second per 500 rows of a 1280-wide shot, hence the cap.)"""
    data = png.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError(f"{png} is not a PNG")
    pos, idat, header = 8, bytearray(), b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    if depth != 8 or colour_type not in (2, 6) or header[12] != 0:
        raise AssertionError(f"{png}: unsupported PNG (depth {depth}, colour {colour_type})")
    bpp = 3 if colour_type == 2 else 4
    rows = _unfilter(zlib.decompress(bytes(idat)), width * bpp, min(height, max_rows), bpp)
    pixels = [bytes(r[i : i + bpp]) for r in rows[::4] for i in range(0, len(r), bpp)]
    background = bytes(rows[0][:bpp])
    other = sum(p != background for p in pixels)
    return PngStats(width, height, len(set(pixels)), other / max(1, len(pixels)))


def _unfilter(raw: bytes, stride: int, height: int, bpp: int) -> list[bytearray]:
    """Undo PNG's per-row filters (none, sub, up, average, Paeth)."""
    rows: list[bytearray] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + a) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + b) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(row)
        prev = row
    return rows
