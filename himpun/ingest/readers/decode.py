"""Bytes to str for text-like files, whatever their encoding."""
from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from himpun.errors import FileError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_text(path: Path, data: bytes) -> str:
    """Decode text bytes: a BOM wins, then UTF-8, then charset detection.

    Binary data (NUL bytes or mostly control characters) is refused with a
    FileError rather than indexed as noise.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise FileError(str(path), f"broken {codec} text ({exc.reason})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data[:4096]:
            raise FileError(str(path), "binary data, not text") from None
        best = from_bytes(data).best()
        if best is None:
            raise FileError(str(path), "binary data, not text (no text encoding fits)") from None
        text = str(best)
    if _mostly_control(text):
        raise FileError(str(path), "binary data, not text")
    return text


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample) > 0.05
