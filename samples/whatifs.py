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
from aiplanner.samples.midrollout import Addition, ScenarioBuilder, Slip, Story

__all__ = ["SECOND_MLOPS", "PLATFORM_EARLY", "FEDERATED_INSTEAD", "PRODUCT_TEAMS_INSTEAD", "COE_STORY",
           "FEDERATED_STORY", "STORIES"]

SECOND_MLOPS = "Second MLOps engineer"
PLATFORM_EARLY = "Platform work starts early"
FEDERATED_INSTEAD = "Federated instead of CoE"
PRODUCT_TEAMS_INSTEAD = "AI Product Teams instead"


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
    id="b-monitoring", name="Bring the 31 unmonitored production models under monitoring", phase="build", duration=15,
    estimate=Estimate(optimistic=12, likely=15, pessimistic=21),
    depends_on=[Dependency(task="b-platform", type="SS", lag=10)],
    demands=[RoleDemand(role="mlops-engineer", fte=0.5)],
    tags=["monitoring"],
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
        ("time-to-deploy", "11 weeks"),
        ("tool-utilization", "38% of licensed seats"),
        ("duplicate-investments", "about 25% of spend (first estimate)"),
        ("governance-compliance", "15% of initiatives"),
    ),
    symptoms=(
        ("duplicate-investments", "yes", "Four teams pay for separate chatbot platforms; 43 AI tools in nine teams."),
        ("compliance-gaps", "partly", "Two teams send customer data to external AI services without a review."),
        ("rising-costs", "yes", "AI spend roughly doubled in a year, much of it on team budgets and expense claims."),
        ("slow-propagation", "yes", "The fraud team's document checks took a year to reach onboarding."),
        ("confused-ownership", "no", ""),
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
        ("tool-utilization", "52% of licensed seats"),
        ("duplicate-investments", "18% of spend"),
        ("support-tickets", "210 tickets per month"),
        ("capability-adoption", "29% of teams (4 of 14)"),
    ),
    symptoms=(
        ("inconsistent-quality", "yes", "Search and pricing use different evaluation practices and quality bars."),
        ("duplicate-investments", "partly", "18% of AI spend duplicates work another team has."),
        ("confused-ownership", "yes", "Nobody owns the recommendation models that three product teams share."),
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
