"""How the window marks text that is not the source's own words (the New dialog, Help)."""

from __future__ import annotations

import html

__all__ = ["DERIVED", "derived_mark"]

#: How a line that is not the source's own words is marked wherever it is shown.
DERIVED = "derived"
_DERIVED_STYLE = "color:#8a5a00; font-size:small; font-weight:normal"


def derived_mark(text: str = "derived from the source, not its words") -> str:
    """The small marker after a heading or line that the source does not say word for word (rich text).

    >>> derived_mark("read from its prose")
    " <span style='color:#8a5a00; font-size:small; font-weight:normal' title='read from its prose'>[derived]</span>"
    """
    return f" <span style='{_DERIVED_STYLE}' title='{html.escape(text)}'>[{DERIVED}]</span>"
