"""GanttProject and Planner files damaged at random: a clean error or a plan, never a crash."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from aiplanner.io.ganttproject.reader import read_gan_bytes
from aiplanner.io.planner.reader import read_planner_bytes
from aiplanner.model import PlanError
from tests.io.conftest import DATA

_VALUES = st.one_of(st.text(max_size=12), st.sampled_from(["", "-1", "0", "99999999", "1e400", "nan", "2024-13-45",
                                                           "20070230T250000Z", "Default:9", "true", "x"]))


def _mutate(data: bytes, picks: list[int], values: list[str]) -> bytes:
    text = data.decode("utf-8")
    spans = [m.span(1) for m in re.finditer(r'="([^"]*)"', text)]
    for pick, value in zip(picks, values):
        start, end = spans[pick % len(spans)]
        value = value.replace('"', "").replace("<", "").replace("&", "")
        text = text[:start] + value + text[end:]
        spans = [m.span(1) for m in re.finditer(r'="([^"]*)"', text)]
    return text.encode("utf-8")


@pytest.mark.parametrize("reader, name", [(read_gan_bytes, "HouseBuildingSample.gan"),
                                          (read_planner_bytes, "project1.planner")])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picks=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=4),
       values=st.lists(_VALUES, min_size=4, max_size=4), cut=st.integers(min_value=0, max_value=20_000))
def test_damaged_files_never_crash(reader, name, picks, values, cut):
    data = (DATA / name).read_bytes()
    for candidate in (_mutate(data, picks, values), data[: cut % len(data)]):
        try:
            reader(candidate, name)
        except PlanError:
            pass
