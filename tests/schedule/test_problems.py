"""Scheduling errors as plan problems: the JSON path points at the field at fault."""

from __future__ import annotations

import pytest

from aiplanner.model.errors import PlanError
from aiplanner.schedule import schedule_plan
from aiplanner.schedule.problems import as_invalid_plan
from tests.schedule.helpers import D, T, make


@pytest.mark.parametrize("field", ["not_before", "deadline"])
def test_a_task_date_out_of_range_is_named_by_its_field(field):
    # The model refuses it (what validate accepts, scheduling can date), at the field's JSON path.
    from aiplanner.io.native import dumps, loads

    text = dumps(make([T("a", 1), T("b", 2, "a")])).replace('"id": "b",', f'"id": "b", "{field}": "9999-12-30",')
    with pytest.raises(PlanError) as info:
        loads(text)
    assert str(info.value) == f"$.tasks[1].{field}: outside the supported years 1900-2400 (got '9999-12-30')"
