"""Decks and workbooks exported once per session through the command line, and the CLI's
own figures to check them against (``schedule``, ``load``, ``check`` ... ``--format json``)."""

from __future__ import annotations

import contextlib
import io
import json
import os

import pytest

from tests.paths import SAMPLES

EPOCH = 1_780_000_000  # 2026-05-28 20:26:40 UTC
TODAY = "2026-06-05"


def cli(*args: str) -> tuple[int, str]:
    """Run ``aiplanner ARGS`` in this process: (exit code, stdout)."""
    from aiplanner.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([str(a) for a in args])
    return code, out.getvalue()


def cli_json(*args: str):
    code, text = cli(*args, "--format", "json")
    assert code in (0, 1), text
    return json.loads(text)


@contextlib.contextmanager
def source_date(epoch: int | None = EPOCH):
    """``SOURCE_DATE_EPOCH`` set (or unset) for the duration."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def export(source, fmt: str, out, *extra: str) -> bytes:
    with source_date():
        code, text = cli("export", source, "--to", fmt, "-o", out, *extra)
    assert code == 0, text
    return out.read_bytes()


COE = SAMPLES / "coe-rollout.aiplan"


@pytest.fixture(scope="session")
def coe_pptx(tmp_path_factory):
    """The CoE sample's deck (status date 5 June 2026, the kick-off baseline), as a file."""
    out = tmp_path_factory.mktemp("office") / "coe.pptx"
    export(COE, "pptx", out, "--today", TODAY)
    return out


@pytest.fixture(scope="session")
def coe_xlsx(tmp_path_factory):
    out = tmp_path_factory.mktemp("office") / "coe.xlsx"
    export(COE, "xlsx", out, "--today", TODAY)
    return out


@pytest.fixture(scope="session")
def deck(coe_pptx):
    from pptx import Presentation

    return Presentation(str(coe_pptx))


@pytest.fixture(scope="session")
def book(coe_xlsx):
    from openpyxl import load_workbook

    return load_workbook(coe_xlsx)


@pytest.fixture(scope="session")
def coe_schedule():
    return cli_json("schedule", COE)


def slide_title(slide) -> str:
    """The slide's title: its first text box (the title bar is written first)."""
    for shape in slide.shapes:
        if shape.has_text_frame and shape.text_frame.text.strip():
            return shape.text_frame.text
    return ""


def alt(shape) -> str:
    return shape._element._nvXxPr.cNvPr.get("descr", "")
