from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from aiplanner.io.links import LinkSyntaxError, format_links, parse_link, parse_links
from aiplanner.model import Dependency, PlanError


def triples(deps):
    return [(d.task, d.type, d.lag) for d in deps]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a1", [("a1", "FS", 0)]),
        ("a1FS+2, b2SS-1, c3", [("a1", "FS", 2), ("b2", "SS", -1), ("c3", "FS", 0)]),
        ("a1 SS +2d; b2 ff", [("a1", "SS", 2), ("b2", "FF", 0)]),
        ("x.y-z SF", [("x.y-z", "SF", 0)]),
        ("a1+3", [("a1", "FS", 3)]),
        ("a1-2days", [("a1", "FS", -2)]),
        ("", []),
        (" , ", []),
    ],
)
def test_parse_links(text, expected):
    assert triples(parse_links(text)) == expected


def test_known_ids_win_over_a_type_suffix():
    assert triples(parse_links("taskFS")) == [("task", "FS", 0)]
    assert triples(parse_links("taskFS", known_ids={"taskFS"})) == [("taskFS", "FS", 0)]
    assert triples(parse_links("taskFS+1", known_ids={"taskFS"})) == [("taskFS", "FS", 1)]


@pytest.mark.parametrize("text", ["a1 XX", "a1FS+", "-a1", "a1 FS 2 3", "a b", "a1, a1SS"])
def test_bad_links_are_refused_with_a_plan_error(text):
    with pytest.raises(LinkSyntaxError) as info:
        parse_links(text)
    assert isinstance(info.value, PlanError)


def test_named_twice_message():
    with pytest.raises(LinkSyntaxError, match="'a1' is named twice"):
        parse_links("a1, a1SS")


def test_format_links_is_short():
    deps = [Dependency(task="a1"), Dependency(task="b2", type="SS", lag=5), Dependency(task="c", type="FF", lag=-1)]
    assert format_links(deps) == "a1, b2SS+5, cFF-1"
    assert format_links([]) == ""


ids = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
links = st.builds(Dependency, task=ids, type=st.sampled_from(["FS", "SS", "FF", "SF"]),
                  lag=st.integers(-500, 500))


@settings(max_examples=50)
@given(st.lists(links, max_size=6, unique_by=lambda d: d.task))
def test_format_then_parse_is_identity(deps):
    known = {d.task for d in deps}
    assert parse_links(format_links(deps), known_ids=known) == deps


@given(st.text(max_size=40))
def test_parse_never_crashes(text):
    try:
        parse_links(text)
    except LinkSyntaxError:
        pass
    with pytest.raises((LinkSyntaxError, ValueError)):
        parse_link("")


@pytest.mark.parametrize("text", ["aFS+\t2", "a\u00a0FS\u00a0+\u00a02", "a FS + 2 d", "a\tFS+2"])
def test_any_white_space_inside_a_link_counts_as_a_space(text):
    assert [(d.task, d.type, d.lag) for d in parse_links(text)] == [("a", "FS", 2)]
