"""The importer registry: which format a file is (extension and root element), and the dialog filter."""

from __future__ import annotations

import re

import pytest

from aiplanner.io.importing import FORMATS, LABELS, READERS, format_for, import_file, import_filter, sniff_format
from aiplanner.model import PlanFileError
from tests.io.conftest import DATA


@pytest.mark.parametrize("name, fmt", [("msproject-2016.xml", "mspdi"), ("ganttproject.xml", "mspdi"),
                                       ("HouseBuildingSample.gan", "ganttproject"),
                                       ("project1.planner", "planner"), ("planner-resource.planner", "planner")])
def test_the_root_element_names_the_format(name, fmt):
    assert sniff_format((DATA / name).read_bytes()) == fmt


@pytest.mark.parametrize("content, suffix, fmt", [
    (DATA / "HouseBuildingSample.gan", ".xml", "ganttproject"),   # the content wins over .xml
    (DATA / "project1.planner", ".xml", "planner"),
    (DATA / "msproject-2016.xml", ".gan", "mspdi"),               # ... and over .gan
    (DATA / "msproject-2016.xml", ".dat", "mspdi"),               # an unknown extension, known content
    (DATA / "source-timeline.mmd", ".mmd", "mermaid"),            # text formats: the extension
])
def test_format_for_prefers_what_the_content_says(content, suffix, fmt):
    assert format_for(f"file{suffix}", None, content.read_bytes()) == fmt


def test_an_unknown_extension_with_unknown_content_asks_for_from():
    with pytest.raises(PlanFileError, match=re.escape("use --from mermaid|mspdi|csv|ganttproject|planner")):
        format_for("x.dat", None, b"hello")


def test_the_registry_is_complete_and_the_filter_lists_every_extension():
    assert set(FORMATS) == set(READERS) == set(LABELS)
    text = import_filter()
    for suffixes in FORMATS.values():
        for suffix in suffixes:
            assert f"*{suffix}" in text
    assert text.endswith("All files (*)")


def test_explicit_format_is_checked_before_the_file_is_read(tmp_path):
    with pytest.raises(PlanFileError, match="unknown import format 'xls'"):
        import_file(tmp_path / "missing.xls", "xls")
