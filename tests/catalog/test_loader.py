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


def test_a_tag_keyword_must_be_a_regular_expression(folder):
    edit(folder, "vocabulary.json", lambda d: d["tags"][0]["keywords"].append("(unclosed"))
    assert "vocabulary.json: $.tags[0].keywords[" in problems_of(folder)


def test_a_tag_implies_only_other_tags(folder):
    edit(folder, "vocabulary.json", lambda d: d["tags"][0].update(implies=["nonsense"]))
    assert "vocabulary.json: $.tags[0].implies: 'nonsense' is not another tag" in problems_of(folder)


def test_a_function_names_known_tags_roles_and_matrix_rows(folder):
    def change(d):
        function = d["dimensions"][0]["functions"][0]
        function.update(tags=["gardening"], roles=["ceo"], matrix=["Catering"])
    edit(folder, "dimensions.json", change)
    text = problems_of(folder)
    for message in ("unknown tag 'gardening'", "unknown role 'ceo'", "no responsibility matrix has a row 'Catering'"):
        assert f"dimensions.json: $.dimensions[0].functions[0]" in text and message in text


def test_a_symptom_names_known_tags(folder):
    edit(folder, "symptoms.json", lambda d: d["symptoms"][2].update(tags=["magic"]))
    assert "symptoms.json: $.symptoms[2].tags: unknown tag 'magic'" in problems_of(folder)


def test_a_team_task_names_a_team_of_its_patterns_structure(folder):
    def change(d):
        d["patterns"][0]["tasks"][0]["team"] = "ai-services-team"  # the CoE has no such team
        d["patterns"][0]["tasks"][0].pop("name")
    edit(folder, "templates.json", change)
    assert "templates.json: $.patterns[0].tasks[0].team: 'ai-services-team' is not a team of this pattern" \
        in problems_of(folder)


def test_a_structure_team_is_a_party_of_the_matrix(folder):
    edit(folder, "patterns.json", lambda d: d["patterns"][2]["structure"][1].update(name="AI Helpdesk Team"))
    assert "the team 'AI Helpdesk Team' of the structure is not a party of the matrix" in problems_of(folder)


def test_lead_words_are_responsibility_words(folder):
    edit(folder, "vocabulary.json", lambda d: d["lead_words"].append("Rules"))
    assert "vocabulary.json: $.lead_words: 'Rules' is not one of the responsibility words" in problems_of(folder)
