"""Rules that tie the catalogue files to each other.

Each file is already valid on its own (pydantic); these rules catch what
only shows across files: an id outside the fixed vocabulary, a tag nobody
knows, a template linking to a task that does not exist, a phase length
outside the source's range. Every problem names the file and JSON path.
"""

from __future__ import annotations

from collections.abc import Iterable

from aiplanner.catalog.catalog import Catalog
from aiplanner.catalog.template_spec import MILESTONES, TaskSpec, parse_link
from aiplanner.model.errors import Problem

__all__ = ["catalog_problems"]


def _unique(ids: Iterable[str], where: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(Problem(f"{where}[{i}].id", f"duplicate id {item_id!r}"))
        seen.add(item_id)
    return problems


def _same_ids(found: list[str], expected: list[str], where: str, kind: str) -> list[Problem]:
    if found == expected:
        return []
    return [Problem(where, f"{kind} must be {expected} in this order (found {found})")]


def _vocabulary_problems(cat: Catalog) -> list[Problem]:
    voc = cat.vocabulary
    problems = _unique(voc.tag_ids, "vocabulary.json: $.tags")
    problems += _same_ids(cat.pattern_ids, voc.patterns, "patterns.json: $.patterns", "pattern ids")
    problems += _same_ids(cat.phase_ids, voc.phases, "phases.json: $.phases", "phase ids")
    problems += _same_ids(cat.role_ids, voc.roles, "roles.json: $.roles", "role ids")
    problems += _unique((d.id for d in cat.dimensions), "dimensions.json: $.dimensions")
    for i, dim in enumerate(cat.dimensions):
        problems += _unique((f.id for f in dim.functions), f"dimensions.json: $.dimensions[{i}].functions")
    problems += _unique((m.id for m in cat.metrics), "metrics.json: $.metrics")
    problems += _unique((p.id for p in cat.pitfalls), "pitfalls.json: $.pitfalls")
    problems += _unique((s.id for s in cat.symptoms), "symptoms.json: $.symptoms")
    return problems


def _pattern_problems(cat: Catalog) -> list[Problem]:
    words = set(cat.vocabulary.responsibility_words)
    problems = []
    for i, pattern in enumerate(cat.patterns):
        where = f"patterns.json: $.patterns[{i}]"
        matrix = pattern.responsibilities
        parties = set(matrix.parties)
        if len(parties) != len(matrix.parties):
            problems.append(Problem(f"{where}.responsibilities.parties", "a party is listed twice"))
        for j, row in enumerate(matrix.rows):
            for party, word in row.cells.items():
                cell = f"{where}.responsibilities.rows[{j}].cells"
                if party not in parties:
                    problems.append(Problem(cell, f"unknown party {party!r}"))
                if word not in words:
                    problems.append(Problem(cell, f"{word!r} is not one of the responsibility words"))
        problems += _unique((t.id for t in pattern.structure), f"{where}.structure")
    return problems


def _phase_problems(cat: Catalog) -> list[Problem]:
    tags, roles = set(cat.tag_ids), set(cat.role_ids)
    problems = _unique((t.id for t in cat.source_tasks()), "phases.json: $.phases[*].tasks")
    for i, phase in enumerate(cat.phases):
        where = f"phases.json: $.phases[{i}]"
        if phase.number != i + 1:
            problems.append(Problem(f"{where}.number", f"phase {phase.id!r} should be number {i + 1}"))
        if phase.ongoing != (phase.initial_horizon is not None):
            problems.append(Problem(f"{where}.initial_horizon", "an ongoing phase needs an initial horizon, others none"))
        for j, task in enumerate(phase.tasks):
            for tag in task.tags:
                if tag not in tags:
                    problems.append(Problem(f"{where}.tasks[{j}].tags", f"unknown tag {tag!r}"))
            for role in task.roles:
                if role not in roles:
                    problems.append(Problem(f"{where}.tasks[{j}].roles", f"unknown role {role!r}"))
    return problems


def _chart_problems(cat: Catalog) -> list[Problem]:
    chart = cat.timeline.source_chart
    where = "timeline.json: $.source_chart"
    problems = _unique((t.id for t in chart.tasks), f"{where}.tasks")
    sections = {s.name for s in chart.sections}
    for i, section in enumerate(chart.sections):
        if section.phase not in cat.phase_ids:
            problems.append(Problem(f"{where}.sections[{i}].phase", f"unknown phase {section.phase!r}"))
    earlier: set[str] = set()
    for i, task in enumerate(chart.tasks):
        if task.section not in sections:
            problems.append(Problem(f"{where}.tasks[{i}].section", f"unknown section {task.section!r}"))
        if task.after is not None and task.after not in earlier:
            problems.append(Problem(f"{where}.tasks[{i}].after", f"{task.after!r} is not an earlier bar"))
        earlier.add(task.id)
    return problems


def _spec_problems(cat: Catalog, spec: TaskSpec, where: str, known: set[str]) -> list[Problem]:
    source_ids = {t.id for t in cat.source_tasks()}
    problems = []
    if spec.id in source_ids:
        if spec.name is not None or spec.phase is not None:
            problems.append(Problem(where, f"source task {spec.id!r} takes its name and phase from phases.json"))
    elif spec.name is None or spec.phase is None or not spec.tags:
        problems.append(Problem(where, f"task {spec.id!r} needs a name, a phase and tags"))
    elif spec.phase not in cat.phase_ids:
        problems.append(Problem(f"{where}.phase", f"unknown phase {spec.phase!r}"))
    for tag in spec.tags:
        if tag not in cat.tag_ids:
            problems.append(Problem(f"{where}.tags", f"unknown tag {tag!r}"))
    for role in spec.demands:
        if role not in cat.role_ids:
            problems.append(Problem(f"{where}.demands", f"unknown role {role!r}"))
    for k, text in enumerate(spec.after):
        if parse_link(text).task not in known:
            problems.append(Problem(f"{where}.after[{k}]", f"link to unknown task {text!r}"))
    return problems


def _template_problems(cat: Catalog) -> list[Problem]:
    templates = cat.templates
    problems = _same_ids(
        [t.pattern for t in templates.patterns], cat.pattern_ids, "templates.json: $.patterns", "template patterns"
    )
    milestone_ids = {m for m, _ in MILESTONES.values()}
    base_ids = {s.id for s in templates.base}
    missing = [t.id for t in cat.source_tasks() if t.id not in base_ids]
    if missing:
        problems.append(Problem("templates.json: $.base", f"source tasks missing from the base: {missing}"))
    for i, template in enumerate(templates.patterns):
        where = f"templates.json: $.patterns[{i}]"
        specs = list(templates.base) + list(template.tasks)
        ids = [s.id for s in specs]
        problems += _unique(ids + sorted(milestone_ids), f"{where}.tasks")
        known = set(ids) | milestone_ids
        for j, spec in enumerate(templates.base):
            problems += _spec_problems(cat, spec, f"templates.json: $.base[{j}]", known)
        for j, spec in enumerate(template.tasks):
            problems += _spec_problems(cat, spec, f"{where}.tasks[{j}]", known)
        for key in (*template.durations, *template.links):
            if key not in ids:
                problems.append(Problem(where, f"adjusts unknown task {key!r}"))
        for key, links in template.links.items():
            for text in links:
                if parse_link(text).task not in known:
                    problems.append(Problem(f"{where}.links.{key}", f"link to unknown task {text!r}"))
        if set(template.phase_weeks) != set(cat.phase_ids):
            problems.append(Problem(f"{where}.phase_weeks", f"needs exactly the phases {cat.phase_ids}"))
        for phase_id, weeks in template.phase_weeks.items():
            if phase_id in cat.phase_ids:
                rng = cat.phase(phase_id).planning_range
                if not rng.min_weeks <= weeks <= rng.max_weeks:  # type: ignore[operator]
                    problems.append(Problem(
                        f"{where}.phase_weeks.{phase_id}",
                        f"{weeks:g} weeks is outside the source's {rng.min_weeks}-{rng.max_weeks} weeks",
                    ))
    return problems


def _journey_problems(cat: Catalog) -> list[Problem]:
    """Stages use known tags, roles, metrics and patterns, their work links inside the stage, and every
    starting pattern's journey (template foundation plus stages) lands within the source's 18-24 months."""
    from aiplanner.model.parts import EXIT_CHECK_TAG

    journey = cat.journey
    problems = _unique((s.id for s in journey.stages), "journey.json: $.stages")
    if EXIT_CHECK_TAG not in cat.tag_ids:
        problems.append(Problem("vocabulary.json: $.tags", f"the tag {EXIT_CHECK_TAG!r} of stage checklists is missing"))
    cycle = journey.review_cycle
    for role in cycle.demands:
        if role not in cat.role_ids:
            problems.append(Problem("journey.json: $.review_cycle.demands", f"unknown role {role!r}"))
    for tag in cycle.tags:
        if tag not in cat.tag_ids:
            problems.append(Problem("journey.json: $.review_cycle.tags", f"unknown tag {tag!r}"))
    words = set(cat.vocabulary.responsibility_words)
    metric_ids = {m.id for m in cat.metrics}
    task_ids: set[str] = set()
    for i, stage in enumerate(journey.stages):
        where = f"journey.json: $.stages[{i}]"
        for pattern_id in stage.weeks:
            if pattern_id not in cat.pattern_ids:
                problems.append(Problem(f"{where}.weeks", f"unknown pattern {pattern_id!r}"))
        if stage.responsibilities is not None:
            parties = set(stage.responsibilities.parties)
            for j, row in enumerate(stage.responsibilities.rows):
                for party, word in row.cells.items():
                    if party not in parties or word not in words:
                        problems.append(Problem(f"{where}.responsibilities.rows[{j}].cells",
                                                f"{party!r}: {word!r} (unknown party or not a responsibility word)"))
        own = {t.id for t in (*stage.work, *stage.checklist)}
        for key in ("work", "checklist"):
            for j, spec in enumerate(getattr(stage, key)):
                path = f"{where}.{key}[{j}]"
                if spec.id in task_ids or spec.id in {m for m, _ in MILESTONES.values()}:
                    problems.append(Problem(f"{path}.id", f"duplicate id {spec.id!r}"))
                task_ids.add(spec.id)
                if spec.name is None or not spec.tags:
                    problems.append(Problem(path, f"task {spec.id!r} needs a name and tags"))
                problems += [Problem(f"{path}.tags", f"unknown tag {t!r}") for t in spec.tags if t not in cat.tag_ids]
                problems += [Problem(f"{path}.demands", f"unknown role {r!r}") for r in spec.demands
                             if r not in cat.role_ids]
                problems += [Problem(f"{path}.after", f"link to a task outside the stage {text!r}")
                             for text in spec.after if parse_link(text).task not in own]
        for j, target in enumerate(stage.exit_targets):
            if target.metric not in metric_ids:
                problems.append(Problem(f"{where}.exit_targets[{j}].metric", f"unknown metric {target.metric!r}"))
    low, high = cat.maturity_weeks()
    for pattern_id in cat.pattern_ids:
        stages = journey.stages_from(pattern_id)
        if not stages:
            problems.append(Problem("journey.json: $.stages", f"no stage for a plan that starts as {pattern_id!r}"))
            continue
        foundation = sum(cat.templates.pattern(pattern_id).phase_weeks.values())
        total = foundation + sum(s.weeks[pattern_id] for s in stages)
        if not low <= total <= high:
            problems.append(Problem("journey.json: $.stages[*].weeks",
                                    f"a {pattern_id} journey takes {total:g} weeks, outside the source's "
                                    f"{cat.timeline.maturity_months.min}-{cat.timeline.maturity_months.max} months "
                                    f"({low:.0f}-{high:.0f} weeks)"))
    return problems


def catalog_problems(catalog: Catalog) -> list[Problem]:
    """Every cross-file problem of ``catalog`` (empty when consistent)."""
    return (
        _vocabulary_problems(catalog)
        + _pattern_problems(catalog)
        + _phase_problems(catalog)
        + _chart_problems(catalog)
        + _template_problems(catalog)
        + _journey_problems(catalog)
    )
