"""Each metric judged against its target from its dated measurements."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from aiplanner.checks import metrics as judging
from aiplanner.checks import summary
from aiplanner.checks.metrics import metric_status
from aiplanner.model import Metric
from aiplanner.model import parts
from aiplanner.model.parts import Measurement, Target


def test_doctests_run():
    for module in (judging, summary, parts):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0


def _metric(target, *values, unit="%"):
    return Metric(id="m", category="efficiency", name="M", target=target, unit=unit,
                  measurements=[Measurement(date=dt.date(2026, 1 + i, 28), value=v) for i, v in enumerate(values)])


@pytest.mark.parametrize("target, values, status", [
    (Target(op=">", value=70), (65, 71), "on-target"),
    (Target(op=">", value=70), (71, 70), "off-target"),  # the latest counts, and 70 is not above 70
    (Target(op=">=", value=70), (70,), "on-target"),
    (Target(op="<", value=10), (), "no-data"),
    (Target(op="declining"), (200,), "no-data"),  # one value is no trend
    (Target(op="declining"), (200, 190, 195, 180), "trend-right"),  # the series, not the last step
    (Target(op="declining"), (180, 195), "trend-wrong"),
    (Target(op="rising"), (30, 30), "trend-wrong"),  # flat is not rising
    (Target(op="rising"), (30, 31), "trend-right"),
    (None, (5,), "no-target"),
    (None, (), "no-data"),
])
def test_status(target, values, status):
    assert metric_status(_metric(target, *values)).status == status


def test_reason_reads_as_a_sentence():
    judged = metric_status(_metric(Target(op=">", value=70), 38, unit="% of seats"))
    assert judged.reason == "38% of seats on 28 Jan 2026 misses > 70% of seats"
    assert (judged.latest_value, judged.words) == (38, "off target")


def test_measurements_are_kept_in_date_order_one_per_date():
    metric = _metric(None)
    metric.measurements = [Measurement(date=dt.date(2026, 3, 1), value=2), Measurement(date=dt.date(2026, 1, 1), value=1)]
    assert [m.value for m in metric.measurements] == [1, 2]
    with pytest.raises(ValueError, match="two measurements on 2026-03-01"):
        metric.measurements = [Measurement(date=dt.date(2026, 3, 1), value=2)] * 2


@pytest.mark.parametrize("bad", [{"op": "<"}, {"op": "rising", "value": 3}, {"op": "=", "value": 3}])
def test_a_target_needs_a_value_exactly_when_it_is_a_bound(bad):
    with pytest.raises(ValueError):
        Target(**bad)
