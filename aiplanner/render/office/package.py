"""Text that XML can hold, and zip packages with fixed time stamps.

Office files are zip packages of XML parts. XML 1.0 cannot hold most control
characters, so a task named with a stray ``\\x07`` would make python-pptx or
openpyxl refuse the whole file: :func:`xml_text` drops them (as the MS Project
writer does). The zip writers of both libraries stamp every member with the
time of writing; :func:`fixed_zip` rewrites the package with one fixed stamp,
so the same plan and ``SOURCE_DATE_EPOCH`` give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

__all__ = ["xml_text", "fixed_zip", "zip_stamp", "hex_tint"]

# Characters XML 1.0 refuses (C0 controls but tab, newline and return; lone
# surrogates; the two non-characters U+FFFE/U+FFFF) and the byte-order mark.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufeff\ufffe\uffff]")


def xml_text(text: object) -> str:
    """``text`` as a string XML can hold: control characters dropped.

    >>> xml_text("Kick-off\\x07 review\\ufeff")
    'Kick-off review'
    """
    value = str(text)
    return _NOT_XML.sub("", value) if _NOT_XML.search(value) else value


def zip_stamp(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """A zip member's date and time for ``when`` (zip cannot say anything before 1980).

    >>> zip_stamp(dt.datetime(1970, 1, 1))
    (1980, 1, 1, 0, 0, 0)
    """
    if when.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """The zip package ``data`` rewritten member by member, in the same order,
    each stamped ``when`` and deflated."""
    stamp = zip_stamp(when)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 0
            target.writestr(member, source.read(info))
    return out.getvalue()


def hex_tint(colour: str, amount: float) -> str:
    """``"#0072B2"`` mixed with white (``amount`` 0 = unchanged, 1 = white) as ``"RRGGBB"``:
    :func:`aiplanner.render.style.tint` for Office colours, without loading matplotlib.

    >>> hex_tint("#0072B2", 0.0), hex_tint("#0072B2", 1.0), hex_tint("#000000", 0.5)
    ('0072B2', 'FFFFFF', '808080')
    """
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)
