"""The HTML dossier in a real browser: headless Chromium loads it offline, we read back the
DOM it built and a screenshot. Skips (naming the apt package) when chromium is absent.

Set RASHOMON_SCREENSHOTS=DIR to keep the rendered page and its screenshot for a human look.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from browser import dump_dom, need_chromium, png_stats, screenshot
from dossier_sample import sample_dossier

from rashomon.report.dossier_html import SECTIONS, render_html

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _write(tmp_path: Path) -> Path:
    page = tmp_path / "dossier.html"
    page.write_text(render_html(sample_dossier()), encoding="utf-8")
    return page


def test_browser_builds_the_dossier_dom(tmp_path: Path) -> None:
    need_chromium()
    dom = dump_dom(_write(tmp_path), tmp_path / "profile")
    for key, _ in SECTIONS:
        assert f'<section id="{key}"' in dom, key
    assert dom.count('class="side"') == 6
    for side in ("around 40", "no more than 12", "civilians were killed", "reopened"):
        assert f'<p class="claim">{side}</p>' in dom
    # the hostile text is text in the DOM, never an element: only our own script exists
    assert ESCAPED in dom and "<script>alert" not in dom
    assert dom.count("<script") == 1
    assert 'id="src-4"' in dom and 'href="#src-4"' in dom


def test_browser_screenshot_is_a_real_rendering(tmp_path: Path) -> None:
    need_chromium()
    page = _write(tmp_path)
    png = screenshot(page, tmp_path / "page.png", tmp_path / "profile", (1280, 2000))
    assert png.stat().st_size > 20_000
    stats = png_stats(png)
    assert (stats.width, stats.height) == (1280, 2000)
    assert stats.colours > 50  # text, tags and cards, not a blank or single-colour page
    assert 0.05 < stats.non_background < 0.98
    keep = os.environ.get("RASHOMON_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(page, Path(keep) / "dossier.html")
        shutil.copy(png, Path(keep) / "dossier.png")
