"""The window rendered offscreen with each shipped sample is a real picture, not a blank."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize("name", sorted(p.stem for p in SAMPLES.glob("*.aiplan")))
def test_window_with_sample_is_not_blank(main_window, qtbot, name, tmp_path):
    assert main_window.files.open_path(SAMPLES / f"{name}.aiplan", ask=False)
    main_window.resize(1280, 720)
    qtbot.wait(10)
    image = main_window.grab().toImage()
    assert (image.width(), image.height()) == (1280, 720)
    gantt = main_window.gantt.viewport().grab().toImage()
    colours = {gantt.pixel(x, y) for x in range(0, gantt.width(), 7) for y in range(0, gantt.height(), 7)}
    assert len(colours) > 8, f"the Gantt of {name} looks blank ({len(colours)} colours)"
    tree = main_window.tree.viewport().grab().toImage()
    dark = sum(1 for x in range(0, tree.width(), 3) for y in range(0, tree.height(), 3)
               if (tree.pixel(x, y) & 0xFF) < 100)
    assert dark > 200, f"the task table of {name} shows no text"
    assert main_window.tree.visible_row_keys() == [(r.kind, r.id) for r in main_window.gantt.scene.rows]
    image.save(str(tmp_path / f"{name}.png"))


def test_screenshot_option_writes_a_png(tmp_path):
    import os
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AIPLANNER_CONFIG_DIR": str(tmp_path / "cfg")}
    result = subprocess.run([sys.executable, "-m", "aiplanner", str(SAMPLES / "coe-rollout.aiplan"),
                             "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000
