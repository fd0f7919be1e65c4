"""Broken catalogue data fails loudly, naming the file and the place."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from aiplanner.catalog import load_catalog_from
from aiplanner.model.errors import CatalogError, PlanError

RESOURCES = Path(str(resources.files("aiplanner.resources")))


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "resources"
    shutil.copytree(RESOURCES, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


def edit(folder: Path, name: str, change) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def problems_of(folder: Path) -> str:
    with pytest.raises(CatalogError) as info:
        load_catalog_from(folder)
    assert isinstance(info.value, PlanError)
    return str(info.value)


def test_the_shipped_copy_loads(folder):
    assert len(load_catalog_from(folder).patterns) == 3


def test_missing_file(folder):
    (folder / "pitfalls.json").unlink()
    assert "pitfalls.json: $: resource file is missing" in problems_of(folder)


def test_invalid_json(folder):
    (folder / "roles.json").write_text('{"roles": [', encoding="utf-8")
    assert "roles.json: line 1" in problems_of(folder)


def test_unknown_field(folder):
    edit(folder, "patterns.json", lambda d: d["patterns"][1].update(colour="red"))
    assert "patterns.json: $.patterns[1].colour: unknown field" in problems_of(folder)


def test_missing_field(folder):
    edit(folder, "roles.json", lambda d: d["roles"][2].pop("focus"))
    assert "roles.json: $.roles[2].focus" in problems_of(folder)


def test_unknown_tag(folder):
    edit(folder, "phases.json", lambda d: d["phases"][0]["tasks"][1]["tags"].append("yolo"))
    assert "phases.json: $.phases[0].tasks[1].tags: unknown tag 'yolo'" in problems_of(folder)


def test_bad_range(folder):
    edit(folder, "phases.json", lambda d: d["phases"][1]["duration"].update(min_weeks=9))
    assert "phases.json: $.phases[1].duration" in problems_of(folder)


def test_responsibility_word_outside_the_source_words(folder):
    edit(folder, "patterns.json",
         lambda d: d["patterns"][1]["responsibilities"]["rows"][0]["cells"].update({"Central Team": "Rules"}))
    assert "'Rules' is not one of the responsibility words" in problems_of(folder)


def test_role_ids_must_match_the_vocabulary(folder):
    edit(folder, "roles.json", lambda d: d["roles"].pop())
    assert "roles.json: $.roles: role ids must be" in problems_of(folder)


def test_duplicate_metric(folder):
    edit(folder, "metrics.json", lambda d: d["metrics"].append(d["metrics"][0]))
    assert "metrics.json: $.metrics[12].id: duplicate id 'time-to-deploy'" in problems_of(folder)


def test_chart_link_to_a_later_bar(folder):
    edit(folder, "timeline.json", lambda d: d["source_chart"]["tasks"][0].update(after="s1"))
    assert "timeline.json: $.source_chart.tasks[0].after" in problems_of(folder)


def test_template_link_to_unknown_task(folder):
    edit(folder, "templates.json", lambda d: d["patterns"][0]["tasks"][0]["after"].append("x-nowhere SS+2"))
    assert "templates.json: $.patterns[0].tasks[0].after[1]: link to unknown task 'x-nowhere SS+2'" in problems_of(folder)


def test_template_bad_link_syntax(folder):
    edit(folder, "templates.json", lambda d: d["base"][1]["after"].append("a-sponsor XX"))
    assert "templates.json: $.base[1].after" in problems_of(folder)


def test_template_phase_outside_the_source_range(folder):
    edit(folder, "templates.json", lambda d: d["patterns"][2]["phase_weeks"].update(build=14))
    assert "$.patterns[2].phase_weeks.build: 14 weeks is outside the source's 8-12 weeks" in problems_of(folder)


def test_template_must_keep_every_source_task(folder):
    edit(folder, "templates.json", lambda d: d["base"].pop(1))
    assert "source tasks missing from the base: ['a-inventory']" in problems_of(folder)


def test_template_unknown_role(folder):
    edit(folder, "templates.json", lambda d: d["base"][0]["demands"].update({"wizard": 1}))
    assert "templates.json: $.base[0].demands: unknown role 'wizard'" in problems_of(folder)
