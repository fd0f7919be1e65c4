"""Every file in ``resources/`` is read by code a user reaches; every catalogue field reaches the user.

The catalogue is read once (every file is validated then); *using* it is
another matter, so this test watches which fields of the catalogue's models
the code reads while doing what users do: build a plan from each pattern
(``aiplanner new``, File ▸ New), check plans (the Findings view, ``aiplanner
check``), answer the symptom checklist, show the coverage (view and report),
read the New dialog and Help. A field nothing reads is knowledge shipped as
data that nobody uses: the test names it. Files that are not catalogue data
must be read by the application's code, or be one of the desktop-integration
files listed here with the reason.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
from pydantic import BaseModel

from aiplanner.catalog import build_plan, load_catalog
from aiplanner.catalog import models as catalog_models
from aiplanner.catalog import template_spec
from aiplanner.catalog.catalog import Catalog
from aiplanner.catalog.loader import RESOURCE_FILES

#: Files in resources/ that the desktop or the README read, not aiplanner's code (and why).
NOT_READ_BY_CODE = {
    "aiplanner.desktop": "the freedesktop entry a packager installs (tests/ui/test_desktop_files.py)",
    "aiplanner-mime.xml": "the .aiplan MIME type, for `xdg-mime install`",
    "screenshot.png": "the README's picture of the window",
    "__init__.py": "makes resources/ the package aiplanner.resources",
}
#: Files read by the application's code, and the module that reads them.
READ_BY_CODE = {"aiplanner.svg": "aiplanner/ui/main_window.py"}
#: Catalogue fields that are checked when the catalogue loads and need no reader beyond that (and why).
VALIDATION_ONLY = {
    ("PhaseInfo", "number"): "the phases' order, checked against their position when the catalogue loads",
    ("Vocabulary", "note"): "a note for people editing vocabulary.json",
    ("TemplateSet", "note"): "a note for people editing templates.json",
    ("Vocabulary", "patterns"): "the fixed pattern ids the other files are checked against",
    ("Vocabulary", "phases"): "the fixed phase ids the other files are checked against",
    ("Vocabulary", "roles"): "the fixed role ids the other files are checked against",
    ("Vocabulary", "responsibility_words"): "the words a responsibility matrix of the catalogue may use",
}


def _catalogue_classes() -> list[type[BaseModel]]:
    found = [Catalog]
    for module in (catalog_models, template_spec):
        found += [c for c in vars(module).values()
                  if isinstance(c, type) and issubclass(c, BaseModel) and c.__module__ == module.__name__
                  and not c.__name__.startswith("_")]
    return found


def _user_flows(qtbot) -> None:
    """What users do that reads the catalogue."""
    from aiplanner.checks import run_checks
    from aiplanner.checks.coverage import plan_coverage
    from aiplanner.catalog import source_chart_plan
    from aiplanner.io.native import load_plan
    from aiplanner.model import Document, SymptomAnswer
    from aiplanner.ui.help import guide_html
    from aiplanner.ui.session import PlanSession
    from aiplanner.ui.views.symptoms_view import SymptomsView
    from aiplanner.ui.wizard import NewPlanWizard
    from tests.conftest import SAMPLES

    catalog = load_catalog()
    for pattern in catalog.pattern_ids:
        plan = build_plan(pattern, dt.date(2026, 5, 4))
        plan_coverage(plan)
        answered = plan.model_copy(update={"symptoms": [SymptomAnswer(symptom=s.id, answer="yes")
                                                         for s in catalog.symptoms]})
        document = Document(answered)
        for task in [t.id for t in answered.tasks if t.phase != "assessment" and not t.milestone]:
            document.remove_task(task)  # nothing addresses the symptoms, every pitfall shows
        run_checks(document.plan)
        session = PlanSession(document)
        view = SymptomsView(session)
        qtbot.addWidget(view)
        model = view.model
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                for role in (0, 3):  # display, tooltip
                    model.index(row, column).data(role)
        session.undo_stack.cleanChanged.disconnect()
        wizard = NewPlanWizard(today=dt.date(2026, 5, 1))
        qtbot.addWidget(wizard)
        wizard.choose(pattern)
        from aiplanner.catalog.journey import build_journey

        run_checks(build_journey(pattern, dt.date(2026, 5, 4)))  # new --horizon maturity
    run_checks(load_plan(SAMPLES / "source-timeline.aiplan"))
    source_chart_plan()  # the shipped sample of the source's own chart is built from it
    guide_html()


def test_every_catalogue_field_reaches_the_user(qtbot, monkeypatch):
    from aiplanner.checks import kinds

    load_catalog()  # read and validate first: that alone is not use
    monkeypatch.setattr(kinds, "_CACHE", {})  # what earlier tests compiled from the catalogue is read again
    classes = _catalogue_classes()
    seen: set[tuple[str, str]] = set()
    names = {c: set(c.model_fields) for c in classes}

    def watching(cls):
        def getattribute(self, name):
            if type(self) is cls and name in names[cls]:
                seen.add((cls.__name__, name))
            return object.__getattribute__(self, name)
        return getattribute

    def dumping(cls):
        plain = cls.model_dump

        def model_dump(self, *args, include=None, exclude=None, **kwargs):
            if type(self) is cls:  # copying a field into a plan is using it
                fields = set(include) if include is not None else set(names[cls])
                seen.update((cls.__name__, n) for n in fields - set(exclude or ()))
            return plain(self, *args, include=include, exclude=exclude, **kwargs)
        return model_dump

    for cls in classes:
        monkeypatch.setattr(cls, "__getattribute__", watching(cls), raising=False)
        monkeypatch.setattr(cls, "model_dump", dumping(cls), raising=False)
    _user_flows(qtbot)
    monkeypatch.undo()
    unused = sorted(f"{c.__name__}.{n}" for c in classes for n in names[c]
                    if (c.__name__, n) not in seen and (c.__name__, n) not in VALIDATION_ONLY)
    assert unused == [], f"catalogue fields no user-reachable code reads: {unused}"


def test_every_resource_file_is_read_or_listed():
    files = {entry.name for entry in resources.files("aiplanner.resources").iterdir()
             if entry.is_file() and not entry.name.endswith(".pyc")}
    unexplained = files - set(RESOURCE_FILES) - set(NOT_READ_BY_CODE) - set(READ_BY_CODE)
    assert unexplained == set(), f"files in resources/ that nothing reads: {sorted(unexplained)}"
    assert set(NOT_READ_BY_CODE) | set(READ_BY_CODE) <= files | {"__init__.py"}


@pytest.mark.parametrize("name, module", sorted(READ_BY_CODE.items()))
def test_non_catalogue_files_are_read_by_the_application(name, module):
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / module).read_text(encoding="utf-8")
    assert f'"{name}"' in source


@pytest.mark.parametrize("name", sorted(RESOURCE_FILES))
def test_every_catalogue_file_has_a_model(name):
    key, model = RESOURCE_FILES[name]
    assert model is not None and (resources.files("aiplanner.resources") / name).is_file()
