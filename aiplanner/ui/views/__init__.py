"""Dockable views of the open plan; each takes ``(session, parent=None)`` and
depends on nothing but :class:`~aiplanner.ui.session.PlanSession`."""
