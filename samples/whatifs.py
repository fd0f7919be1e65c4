"""The stories of the CoE and federated samples: what slipped, what was added, what a room asks.

Each scenario answers a question the source raises for a rollout under way:

- *Second MLOps engineer*: the assessment found models nobody monitors, so
  the CoE plan gained monitoring work that over-allocates its one MLOps
  engineer; a second one (joining in August) shares the role.
- *Platform work starts early*: tool selection right after the assessment
  and the platform build right after it, in parallel with the design. It
  finishes sooner, and the checks flag the source's technology-first
  pitfall: tools chosen before the structure is defined.
- *Federated instead of CoE* / *AI Product Teams instead*: the pattern
  switch rebuilds the scenario from the other pattern's template, keeping
  the team's own edits (slips, added work, staffing).

The numbers (dates, slips, metric values) are the samples' own and
illustrative; the stories live here so the generator can rebuild them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from aiplanner.catalog import Catalog, build_plan
from aiplanner.catalog.switch import switch_pattern
from aiplanner.model import Absence, Assignment, Dependency, Estimate, Person, Plan, RoleDemand, Scenario, Task
from aiplanner.model.scenarios.whatif import scenario_from_plans
from aiplanner.samples.midrollout import Addition, ScenarioBuilder, Series, Slip, Story

__all__ = ["SECOND_MLOPS", "PLATFORM_EARLY", "FEDERATED_INSTEAD", "PRODUCT_TEAMS_INSTEAD", "COE_STORY",
           "FEDERATED_STORY", "STORIES"]

SECOND_MLOPS = "Second MLOps engineer"
PLATFORM_EARLY = "Platform work starts early"
FEDERATED_INSTEAD = "Federated instead of CoE"
PRODUCT_TEAMS_INSTEAD = "AI Product Teams instead"
_d = dt.date


def _variant(name: str, description: str, change: Callable[[Plan], None]) -> ScenarioBuilder:
    """A scenario recording what ``change`` does to a copy of the plan (only the differences)."""
    def build(plan: Plan, catalog: Catalog | None) -> Scenario:
        variant = plan.model_copy(deep=True)
        change(variant)
        return scenario_from_plans(plan, variant, name, description)
    return build


def _switch(name: str, pattern: str, description: str) -> ScenarioBuilder:
    """A scenario that is the plan switched to ``pattern`` (the catalogue's template of it)."""
    def build(plan: Plan, catalog: Catalog | None) -> Scenario:
        def template(p: str, start: dt.date) -> Plan:
            return build_plan(p, start, catalog=catalog)
        return switch_pattern(plan, Scenario(name=name, description=description), pattern, template=template).scenario
    return build


def _second_mlops(plan: Plan) -> None:
    plan.people.append(Person(
        id="ravi", name="Ravi Shah", capacity=1.0,
        absences=[Absence(start=plan.start, end=dt.date(2026, 8, 2), note="joins on 3 August (contract MLOps engineer)")],
    ))
    plan.assignments.append(Assignment(person="ravi", role="mlops-engineer", share=1.0))


def _platform_early(plan: Plan) -> None:
    plan.task("b-tools").depends_on = [Dependency(task="m-assessment")]
    plan.task("b-platform").depends_on = [Dependency(task="b-tools")]


SECOND_MLOPS_SCENARIO = _variant(
    SECOND_MLOPS,
    "Hire a contract MLOps engineer from August to share the monitoring and platform work with Tom Becker.",
    _second_mlops,
)
PLATFORM_EARLY_SCENARIO = _variant(
    PLATFORM_EARLY,
    "Choose the tools as soon as the assessment is done and build the platform while the operating model "
    "is still being designed, instead of after the design is approved.",
    _platform_early,
)

MONITORING = Task(
    id="b-monitoring", name="Set up model monitoring and drift detection", phase="build", duration=15,
    estimate=Estimate(optimistic=12, likely=15, pessimistic=21),
    depends_on=[Dependency(task="b-platform", type="SS", lag=10)],
    demands=[RoleDemand(role="mlops-engineer", fte=0.5)],
    tags=["platform"],
    notes="Added after the inventory found 31 models in production that nobody monitors for drift or failures.",
)

COE_STORY = Story(
    kickoff=dt.date(2026, 5, 8),
    status=dt.date(2026, 6, 5),
    slips=(
        Slip("a-inventory", 14, "Took 14 working days instead of 10: the inventory found 43 AI tools and 31 models "
                                "in use across nine teams, twice what the sponsor expected."),
        Slip("a-spending", 13, "Needs 13 working days instead of 10: the AI spend is spread over team budgets and "
                               "expense claims, and finance sends the card data late."),
    ),
    additions=(Addition(MONITORING, before="m-build", feeds="m-build"),),
    metrics=(
        Series("time-to-deploy", ((_d(2026, 2, 27), 13), (_d(2026, 4, 30), 12), (_d(2026, 6, 5), 11)),
               "Median of the AI capabilities delivered in the quarter, from project tracking."),
        Series("tool-utilization", ((_d(2026, 1, 30), 31), (_d(2026, 2, 27), 33), (_d(2026, 3, 31), 34),
                                    (_d(2026, 4, 30), 36), (_d(2026, 5, 29), 38)),
               "Monthly active seats over licensed seats, from the tool vendors' admin consoles."),
        Series("duplicate-investments", ((_d(2026, 6, 5), 25),),
               "First estimate from the assessment's spend inventory."),
        Series("support-tickets", ((_d(2026, 1, 30), 140), (_d(2026, 2, 27), 152), (_d(2026, 3, 31), 171),
                                   (_d(2026, 4, 30), 180), (_d(2026, 5, 29), 186)),
               "AI-related tickets per month in the service desk."),
        Series("governance-compliance", ((_d(2026, 3, 31), 10), (_d(2026, 4, 30), 12), (_d(2026, 5, 29), 15)),
               "Initiatives registered with the risk review, over all known initiatives."),
    ),
    scenarios=(
        SECOND_MLOPS_SCENARIO,
        PLATFORM_EARLY_SCENARIO,
        _switch(FEDERATED_INSTEAD, "federated",
                "Give the product teams their AI features and models from the start, with a central team for "
                "platform, governance and standards."),
    ),
)

FEDERATED_STORY = Story(
    kickoff=dt.date(2026, 4, 30),
    status=dt.date(2026, 5, 29),
    slips=(
        Slip("a-capabilities", 16, "Takes 16 working days instead of 12: fourteen product teams to survey, "
                                   "not the nine planned."),
        Slip("a-patterns", 10, "Needs 10 working days instead of 8: the pricing and search teams' successes "
                               "have to be written up before others can reuse them."),
    ),
    additions=(),
    metrics=(
        Series("tool-utilization", ((_d(2026, 1, 30), 47), (_d(2026, 2, 27), 49), (_d(2026, 3, 31), 50),
                                    (_d(2026, 4, 30), 51), (_d(2026, 5, 29), 52)),
               "Monthly active seats over licensed seats, from tool analytics."),
        Series("duplicate-investments", ((_d(2026, 3, 31), 21), (_d(2026, 5, 29), 18)),
               "Quarterly spend review by the central team."),
        Series("support-tickets", ((_d(2026, 1, 30), 245), (_d(2026, 2, 27), 238), (_d(2026, 3, 31), 226),
                                   (_d(2026, 4, 30), 219), (_d(2026, 5, 29), 210)),
               "AI-related tickets per month in the service desk."),
        Series("capability-adoption", ((_d(2026, 2, 27), 21.4), (_d(2026, 5, 29), 28.6)),
               "Product teams using AI in their own delivery, by survey (3 then 4 of 14)."),
    ),
    scenarios=(
        PLATFORM_EARLY_SCENARIO,
        _switch(PRODUCT_TEAMS_INSTEAD, "product-teams",
                "Set up dedicated AI platform, services and enablement teams serving the product teams as "
                "internal customers."),
    ),
)

#: Sample file stem -> its story.
STORIES: dict[str, Story] = {"coe-rollout": COE_STORY, "federated-rollout": FEDERATED_STORY}
