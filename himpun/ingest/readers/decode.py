"""Bytes to str for text-like files, whatever their encoding."""
from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

from himpun.errors import FileError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_text(path: Path, data: bytes) -> str:
    """Decode text bytes: a BOM wins, then UTF-16 without one (NUL bytes
    paired with letters), then UTF-8, then charset detection.

    Binary data (NUL bytes or mostly control characters) is refused with a
    FileError rather than indexed as noise.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise FileError(str(path), f"broken {codec} text ({exc.reason})") from None
    text = _utf16_without_bom(data) if b"\x00" in data[:4096] else None
    if text is None:
        text = _utf8_or_detected(path, data)
    if _mostly_control(text):
        raise FileError(str(path), "binary data, not text")
    return text


def _utf8_or_detected(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data[:4096]:
            raise FileError(str(path), "binary data, not text") from None
        best = from_bytes(data).best()
        if best is None:
            raise FileError(str(path), "binary data, not text (no text encoding fits)") from None
        return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: in Latin-script text one
    byte of every pair is NUL (the high byte), the other almost never."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) > 0.6 * len(high) and low.count(0) < 0.02 * max(1, len(low)):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


# control characters other than tab, line feed, form feed and carriage return; the replacement character
_BAD = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    return len(_BAD.findall(sample)) / len(sample) > 0.05
