"""Fixtures of the window tests: ``plan`` -> ``document`` -> ``session`` / ``main_window``.

``main_window`` answers every question from a script (:class:`ScriptedPrompts`)
so no modal dialog can block a test.
"""

from __future__ import annotations

import gc

import pytest


@pytest.fixture(autouse=True)
def _collect_qt_garbage():
    """Collect each window test's garbage right after it, while Qt is in a known state.

    Left for one collection at the end of the run, wrappers of Qt objects from
    hundreds of tests were freed in an order that occasionally crashed the
    interpreter after every test had passed.
    """
    yield
    gc.collect()


class ScriptedPrompts:
    """Stands in for :class:`aiplanner.ui.prompts.Prompts`: records, answers from lists."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.questions: list[tuple[str, str]] = []
        self.answers: list[str] = []
        self.texts: list[str | None] = []  # answers of text(); the default when empty
        self.paths: list[str | None] = []
        self.accept_dialogs: list = []  # callables dialog -> bool
        self.headless = False

    def error(self, title, text):
        self.errors.append((title, text))

    def info(self, title, text):
        self.infos.append((title, text))

    def ask(self, title, text, choices, default=None):
        self.questions.append((title, text))
        answer = self.answers.pop(0) if self.answers else choices[-1]
        assert answer in choices, f"scripted answer {answer!r} not among {choices}"
        return answer

    def text(self, title, label, default=""):
        self.questions.append((title, label))
        return self.texts.pop(0) if self.texts else default

    def run(self, dialog):
        return self.accept_dialogs.pop(0)(dialog) if self.accept_dialogs else False

    def open_path(self, title, file_filter="", folder=""):
        return self.paths.pop(0) if self.paths else None

    def save_path(self, title, file_filter="", suggested=""):
        return self.paths.pop(0) if self.paths else None


@pytest.fixture
def session(qapp, document):
    """The small test plan opened in a :class:`PlanSession`."""
    from aiplanner.ui.session import PlanSession

    return PlanSession(document)


@pytest.fixture
def prompts():
    return ScriptedPrompts()


@pytest.fixture
def plan_file(tmp_path, document):
    """The ``document`` fixture's plan saved as ``test.aiplan`` (the window opens it from disk)."""
    from aiplanner.io.native import save_plan

    path = tmp_path / "test.aiplan"
    save_plan(document.plan, path)
    document.path = path
    return path


@pytest.fixture
def main_window(qtbot, plan_file, prompts):
    """The real main window on the test plan (opened from a file), shown offscreen."""
    from aiplanner.ui.main_window import MainWindow

    window = MainWindow()
    window.risk_view.auto_run = False  # Monte Carlo runs have their own tests; keep these fast
    window.prompts = prompts
    window.files.prompts = prompts
    qtbot.addWidget(window)
    assert window.files.open_path(plan_file)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.session.undo_stack.setClean()  # no unsaved-changes question at teardown
    window.close()
