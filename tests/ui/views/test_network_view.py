from __future__ import annotations

from aiplanner.ui.views.network_view import NetworkView, network_layout
from tests.ui.views.conftest import is_blank, save_grab


def test_layout_levels_follow_the_links(view_session):
    places = network_layout(view_session.plan, view_session.schedule)
    assert places["a1"].level == 0
    assert places["a2"].level == 1
    assert places["d1"].level == places["d2"].level == 3  # the design phase starts after a link-only layer
    assert places["m1"].level == 4
    assert {places["d1"].slot, places["d2"].slot} == {0, 1}


def test_click_selects_and_critical_highlighted(qtbot, view_session):
    view = NetworkView(view_session)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    assert set(view.nodes) == {"a1", "a2", "d1", "d2", "m1"}
    node = view.nodes["d2"]
    pos = view.mapFromScene(node.sceneBoundingRect().center())
    from PySide6.QtCore import Qt

    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=pos)
    assert view_session.selection == ["d2"]
    view_session.select_tasks(["a1"])
    assert view.nodes["a1"].isSelected() and not view.nodes["d2"].isSelected()
    crit = view_session.schedule.tasks["a1"].critical
    assert (view.nodes["a1"].pen().color().name() == "#b8392f") == crit
    save_grab(view, "network")
    assert not is_blank(view.viewport())


def test_rebuilds_on_edit(qtbot, view_session):
    from aiplanner.ui.commands import RemoveDependencyCommand

    view = NetworkView(view_session)
    qtbot.addWidget(view)
    view.show()
    view_session.push(RemoveDependencyCommand(view_session, "a2", "a1"))
    assert network_layout(view_session.plan, view_session.schedule)["a2"].level == 0
    qtbot.waitUntil(lambda: view.nodes["a2"].rect().left() == 0, timeout=2000)


def test_keys_zoom_and_fit(qtbot, view_session):
    from PySide6.QtCore import Qt

    view = NetworkView(view_session)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.keyClick(view, Qt.Key_Plus)
    assert view.transform().m11() == 1.25
    qtbot.keyClick(view, Qt.Key_0)
    rect = view.mapFromScene(view.scene().sceneRect()).boundingRect()
    assert rect.width() <= view.viewport().width() + 2


def test_zoom_buttons_and_names_that_fit_their_boxes(qtbot, view_session):
    from PySide6.QtGui import QFontMetrics

    from aiplanner.ui.views.network_view import NODE_W, fit_lines

    view_session.document.update_task("a1", name="Identify successful AI patterns that should be propagated")
    view = NetworkView(view_session)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    buttons = {a.text(): a for a in view.zoom_bar.actions()}
    assert set(buttons) == {"Zoom out", "Zoom in", "Fit the whole network"}
    assert view.zoom_bar.geometry().right() <= view.width() and view.zoom_bar.isVisible()
    buttons["Zoom in"].trigger()
    assert view.transform().m11() == 1.25
    buttons["Fit the whole network"].trigger()
    assert view.mapFromScene(view.scene().sceneRect()).boundingRect().width() <= view.viewport().width() + 2
    node = view.nodes["a1"]
    texts = [c for c in node.childItems() if hasattr(c, "text")]
    name = texts[0]
    assert name.text() == "Identify successful AI patterns\nthat should be propagated"
    for item in texts:  # every line of text inside its box
        assert item.sceneBoundingRect().right() <= node.sceneBoundingRect().right()
        assert item.sceneBoundingRect().bottom() <= node.sceneBoundingRect().bottom() + 1
    metrics = QFontMetrics(name.font())
    assert fit_lines("one two", metrics, int(NODE_W)) == ["one two"]
    long = fit_lines("word " * 40, metrics, 100)
    assert len(long) == 2 and long[-1].endswith("…")
