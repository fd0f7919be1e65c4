"""``aiplanner export``: format registry, options, images, clean errors."""

from __future__ import annotations

import pytest

from aiplanner.cli import main
from aiplanner.io.exporters import ExportRequest, exporter_names, get_exporter, register_exporter
from aiplanner.io.native import save_plan


@pytest.fixture
def plan_file(plan, tmp_path):
    path = tmp_path / "plan.aiplan"
    save_plan(plan, path)
    return path


def test_registry_lists_formats_and_loads_lazily():
    assert {"png", "svg"} <= set(exporter_names())
    assert get_exporter("png").suffix == ".png"
    assert callable(get_exporter("svg").load())
    with pytest.raises(ValueError):
        register_exporter("bad", "no_colon_here", suffix=".x", description="")


def test_registered_format_is_dispatched(plan_file, tmp_path, monkeypatch):
    import aiplanner.io.exporters as registry

    seen = {}

    def fake(request: ExportRequest) -> bytes:
        seen.update(request.options)
        return request.plan.name.encode()

    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    monkeypatch.setitem(globals(), "fake", fake)
    register_exporter("txt", f"{__name__}:fake", suffix=".txt", description="test")
    out = tmp_path / "out.txt"
    assert main(["export", str(plan_file), "--to", "txt", "-o", str(out),
                 "--from", "2026-05-01", "--to", "2026-06-30"]) == 0
    assert out.read_bytes() == b"Test plan"
    assert str(seen["date_from"]) == "2026-05-01" and str(seen["date_to"]) == "2026-06-30"


def test_png_and_svg_of_the_gantt(plan_file, tmp_path):
    png, svg = tmp_path / "g.png", tmp_path / "g.svg"
    assert main(["export", str(plan_file), "--to", "png", "-o", str(png), "--dpi", "40"]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["export", str(plan_file), "-o", str(svg)]) == 0  # format from the suffix
    text = svg.read_text()
    assert text.startswith("<?xml") and "<svg" in text
    again = tmp_path / "again.svg"
    assert main(["export", str(plan_file), "-o", str(again)]) == 0
    assert again.read_bytes() == svg.read_bytes()  # deterministic


def test_bad_options_are_one_line_errors(plan_file, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:  # argparse's own exit, still code 2 and one line
        main(["export", str(plan_file), "--to", "nonsense"])
    assert exc.value.code == 2
    assert "neither a format" in capsys.readouterr().err
    assert main(["export", str(plan_file), "-o", str(tmp_path / "x.unknown")]) == 2
    assert "--to" in capsys.readouterr().err
    assert main(["export", str(plan_file), "--to", "png", "--from", "2026-07-01", "--until", "2026-06-01",
                 "-o", str(tmp_path / "x.png")]) == 2
    assert not (tmp_path / "x.png").exists()
    assert main(["export", str(tmp_path / "missing.aiplan"), "--to", "png"]) == 2
    err = capsys.readouterr().err
    assert "missing.aiplan" in err and "Traceback" not in err


def test_progress_goes_to_stderr(plan_file, tmp_path, capsys):
    assert main(["export", str(plan_file), "--to", "png", "-o", str(tmp_path / "p.png"), "--dpi", "30",
                 "--progress"]) == 0
    err = capsys.readouterr().err
    assert "export:" in err and "100%" in err


@pytest.fixture
def empty_plan_file(tmp_path):
    from aiplanner.model import Plan

    path = tmp_path / "empty.aiplan"
    save_plan(Plan(name="Nothing yet", start="2026-05-04"), path)
    return path


@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_a_plan_without_tasks_exports(empty_plan_file, tmp_path, capsys, fmt):
    out = tmp_path / f"e.{fmt}"
    assert main(["export", str(empty_plan_file), "--to", fmt, "-o", str(out)]) == 0, capsys.readouterr().err
    assert out.stat().st_size > 1000


def test_the_risk_chart_of_a_plan_without_tasks_says_so(empty_plan_file, tmp_path, capsys):
    out = tmp_path / "r.png"
    assert main(["export", str(empty_plan_file), "--to", "png", "--chart", "risk", "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"aiplanner: {empty_plan_file}: $.tasks: the plan has no tasks to simulate\n"


@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_a_date_window_without_any_task_says_so(plan_file, tmp_path, capsys, fmt):
    out = tmp_path / f"w.{fmt}"
    argv = ["export", str(plan_file), "--to", fmt, "--from", "2030-01-01", "--until", "2030-02-01", "-o", str(out)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"aiplanner: {plan_file}: no task runs between 2030-01-01 and 2030-02-01 (the plan runs ")
    assert not out.exists()


@pytest.mark.parametrize("epoch", ["abc", "1.5", "99999999999999", " "])
@pytest.mark.parametrize("fmt", ["pdf", "ics"])
def test_a_malformed_source_date_epoch_is_ignored_not_a_crash(plan_file, tmp_path, monkeypatch, capsys, epoch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    out = tmp_path / f"r.{fmt}"
    argv = ["export", str(plan_file), "--to", fmt, "-o", str(out)] + (["--sections", "cover"] if fmt == "pdf" else [])
    assert main(argv) == 0, capsys.readouterr().err
    assert out.stat().st_size > 0


@pytest.mark.parametrize("fmt", ["pdf", "png", "svg"])
def test_a_stray_byte_order_mark_in_a_name_is_drawn_as_nothing(plan, tmp_path, capsys, fmt):
    # U+FEFF pasted from a Windows file made matplotlib's PDF writer fail.
    plan.name = "\ufeffRollout"
    plan.tasks[0].name = "Kick\ufeff-off"
    path = tmp_path / "bom.aiplan"
    save_plan(plan, path)
    out = tmp_path / f"bom.{fmt}"
    assert main(["export", str(path), "--to", fmt, "-o", str(out)]) == 0, capsys.readouterr().err
    if fmt == "pdf":
        from pypdf import PdfReader

        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        assert "Kick-off" in text and "\ufeff" not in text


@pytest.mark.parametrize("chart", ["gantt", "network"])
def test_a_png_too_large_is_refused_naming_pdf_and_svg(plan_file, tmp_path, capsys, monkeypatch, chart):
    import aiplanner.render.export as export

    out = tmp_path / "big.png"
    # the limit scaled down to the small test plan (a 10,000-task Gantt is 1,700 megapixels at 150 dpi)
    monkeypatch.setattr(export, "MAX_PNG_PIXELS", 200_000)
    assert main(["export", str(plan_file), "--to", "png", "--chart", chart, "--dpi", "150", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(plan_file) in err and "internal error" not in err
    assert "-pixel PNG at 150 dpi" in err and "--to pdf" in err and "--to svg" in err and "--from/--to" in err
    assert not out.exists()
    assert main(["export", str(plan_file), "--to", "png", "--chart", chart, "--dpi", "20", "-o", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_command_line_report_with_its_helper_process_is_the_same_report(tmp_path):
    """The CLI works out the analyses in a forked helper (render.report.prefetch): same bytes."""
    import os
    import subprocess
    import sys

    from aiplanner.io.exporters import ExportRequest
    from aiplanner.io.native import load_plan
    from aiplanner.render.export import export_pdf
    from aiplanner.render.report import prefetch
    from tests.paths import SAMPLES

    sample = SAMPLES / "coe-rollout.aiplan"
    out = tmp_path / "cli.pdf"
    code = ("import sys; from aiplanner.render.report import prefetch; assert prefetch.available(); "
            "from aiplanner.cli import main; sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", code, "export", str(sample), "--to", "pdf", "-o", str(out)],
                          env={**os.environ, "MPLBACKEND": "Agg"}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert not prefetch.available()  # this test process has Qt loaded: it draws alone
    plan = load_plan(sample)
    alone = export_pdf(ExportRequest(plan=plan, source=str(sample), options={"today": plan.status_date}))
    assert out.read_bytes() == alone


def test_the_helper_process_hands_over_every_analysis(tmp_path):
    import os
    import subprocess
    import sys

    from tests.paths import SAMPLES

    code = ("import sys\n"
            "from aiplanner.io.native import load_plan\n"
            "from aiplanner.render.options import ReportOptions\n"
            "from aiplanner.render.report import prefetch\n"
            "from aiplanner.render.report.context import ReportContext\n"
            "from aiplanner.schedule import schedule_plan\n"
            "plan = load_plan(sys.argv[1])\n"
            "ctx = ReportContext(plan, schedule_plan(plan), ReportOptions())\n"
            "print(prefetch.start(ctx).collect(ctx), sorted(ctx._cache))\n")
    done = subprocess.run([sys.executable, "-c", code, str(SAMPLES / "enterprise-rollout.aiplan")],
                          env={**os.environ, "MPLBACKEND": "Agg"}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("True ['findings', 'load', 'load_table', 'network-detail', 'network-overview', "
                                   "'risk', 'summary']")


def test_sections_laid_out_while_the_helper_works_compute_no_analysis():
    """What the command lays out before it collects the helper's results must not work out an
    analysis itself (it would do the helper's work twice)."""
    from aiplanner.io.native import load_plan
    from aiplanner.render.options import ReportOptions
    from aiplanner.render.report.build import FLOWING, WITHOUT_ANALYSES, _plan_sections
    from aiplanner.render.report.context import ReportContext
    from aiplanner.render.style import mpl_context
    from aiplanner.schedule import schedule_plan
    from tests.paths import SAMPLES

    plan = load_plan(SAMPLES / "enterprise-rollout.aiplan")
    ctx = ReportContext(plan, schedule_plan(plan), ReportOptions(iterations=50))
    with mpl_context():
        built = _plan_sections(ctx, [s for s in ctx.options.sections if s in WITHOUT_ANALYSES and s not in FLOWING],
                               lambda fraction, message: None)
    assert built["timeline"] and built["tasks"]
    assert not {"findings", "risk", "load", "summary"} & set(ctx._cache), sorted(ctx._cache)
