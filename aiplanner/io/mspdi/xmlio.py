"""XML plumbing of the MSPDI reader and writer: safe parsing, fast writing."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from aiplanner.io.xmlsafe import parse_xml

__all__ = ["parse_xml", "Node", "sub", "extended", "flag"]


class Node:
    """A minimal XML element writer: children are written in order.

    Building the text directly is several times faster than ElementTree for
    the 300,000 elements of a 5,000-task project. Leaf elements are kept as
    ready-made strings.
    """

    __slots__ = ("tag", "children")

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.children: list[Node | str] = []

    def write(self, out: list[str], depth: int) -> None:
        pad = "  " * depth
        if not self.children:
            out.append(f"{pad}<{self.tag}/>\n")
            return
        out.append(f"{pad}<{self.tag}>\n")
        inner = pad + "  "
        for child in self.children:
            if isinstance(child, str):
                out.append(f"{inner}{child}\n")
            else:
                child.write(out, depth + 1)
        out.append(f"{pad}</{self.tag}>\n")


_NEEDS_CARE = re.compile("[<>&\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    text = str(value)
    if isinstance(value, str) and _NEEDS_CARE.search(text):
        text = escape(_NOT_XML.sub("", text))
    return text


def sub(parent: Node, tag: str, text: object | None = None) -> Node:
    """Add a child element; with ``text`` it is a leaf (and the parent is returned)."""
    if text is None:
        node = Node(tag)
        parent.children.append(node)
        return node
    parent.children.append(f"<{tag}>{_text(text)}</{tag}>")
    return parent


def flag(value: bool) -> str:
    return "1" if value else "0"


def extended(node: Node, field: str, value: str) -> None:
    ext = sub(node, "ExtendedAttribute")
    sub(ext, "FieldID", field)
    sub(ext, "Value", value)
