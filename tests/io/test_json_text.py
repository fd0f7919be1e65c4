"""The command line's JSON text: valid JSON with the same data, one item per line."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from aiplanner.io.schedule_json import json_text

_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                                              max_size=4), max_leaves=30)


@settings(max_examples=100, deadline=None)
@given(_values)
def test_reads_back_as_the_same_data(value):
    text = json_text(value)
    assert text.endswith("\n") and json.loads(text) == value


def test_one_task_per_line_and_keys_one_per_line():
    data = {"project": {"name": "Ünïcode \"quoted\"", "days": 3}, "tasks": [{"id": f"t{k}", "ok": k % 2 == 0}
                                                                          for k in range(3)], "empty": [], "none": {}}
    lines = json_text(data).splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert '    "name": "Ünïcode \\"quoted\\"",' in lines  # not escaped to \u00dc: UTF-8 as before
    assert [line.strip() for line in lines if '"id"' in line] == ['{"id": "t0", "ok": true},', '{"id": "t1", "ok": false},',
                                                                   '{"id": "t2", "ok": true}']
    assert '  "empty": [],' in lines and '  "none": {}' in lines
