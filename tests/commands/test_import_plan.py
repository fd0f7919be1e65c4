from __future__ import annotations

import datetime as dt

from aiplanner.cli import main
from aiplanner.io import load_plan
from tests.io.conftest import DATA


def test_import_mermaid_writes_a_plan(tmp_path, capsys):
    out = tmp_path / "plan.aiplan"
    assert main(["import", str(DATA / "source-timeline.mmd"), "-o", str(out)]) == 0
    plan = load_plan(out)
    assert [t.id for t in plan.tasks][:2] == ["a1", "a2"]
    assert "8 tasks" in capsys.readouterr().out


def test_warnings_go_to_stderr(tmp_path, capsys):
    src = tmp_path / "c.txt"
    src.write_text("gantt\nA :a, 2026-05-04, 1d\nB :b, after zz, 1d\n", encoding="utf-8")
    out = tmp_path / "plan.aiplan"
    assert main(["import", str(src), "--from", "mermaid", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "warning: line 3" in err and "zz" in err
    assert out.exists()


def test_garbage_exits_2_and_writes_nothing(tmp_path, capsys):
    src = tmp_path / "c.mmd"
    src.write_text("gantt\nA :a, 2026-05-04, 1d\nnonsense here\n", encoding="utf-8")
    out = tmp_path / "plan.aiplan"
    assert main(["import", str(src), "-o", str(out)]) == 2
    assert "line 3" in capsys.readouterr().err
    assert not out.exists()


def test_unknown_extension_asks_for_from(tmp_path, capsys):
    src = tmp_path / "c.dat"
    src.write_text("x", encoding="utf-8")
    assert main(["import", str(src), "-o", str(tmp_path / "p.aiplan")]) == 2
    assert "--from" in capsys.readouterr().err


def test_import_ms_project_and_csv(tmp_path, capsys):
    out = tmp_path / "p.aiplan"
    assert main(["import", str(DATA / "msproject-2016.xml"), "-o", str(out)]) == 0
    assert len(load_plan(out).tasks) == 6
    assert dt.date(2028, 12, 25) in load_plan(out).calendar.holidays  # a recurring exception, expanded
    assert "flattened into its phase" in capsys.readouterr().err
    src = tmp_path / "tasks.csv"
    src.write_text("id;name;duration;depends_on;start\na;A;2w;;2026-05-04\nb;B;3;a;\n", encoding="utf-8-sig")
    assert main(["import", str(src), "-o", str(out)]) == 0
    assert [t.duration for t in load_plan(out).tasks] == [10, 3]


def test_hostile_xml_exits_2_and_writes_nothing(tmp_path, capsys):
    src = tmp_path / "evil.xml"
    src.write_text('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   '<Project xmlns="http://schemas.microsoft.com/project"><Name>&x;</Name></Project>')
    out = tmp_path / "p.aiplan"
    assert main(["import", str(src), "-o", str(out)]) == 2
    assert "refused" in capsys.readouterr().err
    assert not out.exists()


def test_oversized_files_are_refused_unread(tmp_path, monkeypatch, capsys):
    import aiplanner.io.importing as importing

    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 100)
    src = tmp_path / "big.mmd"
    src.write_text("gantt\n" + "%% padding\n" * 50, encoding="utf-8")
    assert main(["import", str(src), "-o", str(tmp_path / "p.aiplan")]) == 2
    assert "too large" in capsys.readouterr().err
