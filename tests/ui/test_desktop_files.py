"""The desktop citizen files: icon, .desktop entry, MIME type."""

from __future__ import annotations

import configparser
from importlib import resources

from defusedxml import ElementTree


def _resource(name: str):
    return resources.files("aiplanner.resources").joinpath(name)


def test_desktop_entry_opens_plans_with_our_mime_type():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(_resource("aiplanner.desktop").read_text(encoding="utf-8"))
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Exec"].startswith("aiplanner ")
    assert "%f" in entry["Exec"] and entry["Icon"] == "aiplanner"
    mime = ElementTree.fromstring(_resource("aiplanner-mime.xml").read_bytes())
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert entry["MimeType"].rstrip(";") == kind.get("type")
    assert kind.find("m:glob", ns).get("pattern") == "*.aiplan"


def test_icon_renders(qapp):
    from aiplanner.ui.main_window import app_icon

    icon = app_icon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64
    assert len({image.pixel(x, y) for x in range(0, 64, 4) for y in range(0, 64, 4)}) > 5
