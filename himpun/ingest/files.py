"""Finding the files of a batch and telling what each one is.

A file's format is decided by its first bytes, with the name's ending as a
hint: a `.pdf` that is really an HTML page is reported as such instead of
being handed to the PDF reader.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from himpun.errors import FileError, SkippedFile

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | IMAGE_SUFFIXES

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")


@dataclass(frozen=True)
class Found:
    """A path met while walking the arguments of a batch."""

    path: Path
    problem: str | None = None  # set when the path cannot be used


def walk(paths: list[str | os.PathLike]) -> Iterator[Found]:
    """Yield every file under the given files and directories, sorted, once.

    Hidden files and directories are passed over inside directories; symlink
    loops and unreadable directories are reported, not fatal.
    """
    seen: set[Path] = set()
    for arg in paths:
        p = Path(arg)
        if not p.exists():
            yield Found(p, "no such file or directory")
        elif p.is_dir():
            yield from _walk_dir(p, seen)
        else:
            real = p.resolve()
            if real not in seen:
                seen.add(real)
                yield Found(p, _not_regular(p))


def _walk_dir(root: Path, seen: set[Path]) -> Iterator[Found]:
    visited_dirs: set[Path] = set()

    def onerror(err: OSError) -> None:
        problems.append(Found(Path(err.filename or root), f"cannot list directory ({err.strerror})"))

    problems: list[Found] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=True):
        real_dir = Path(dirpath).resolve()
        if real_dir in visited_dirs:
            problems.append(Found(Path(dirpath), "symlink loop, directory already visited"))
            dirnames[:] = []
            continue
        visited_dirs.add(real_dir)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            try:
                real = path.resolve()
            except OSError as exc:  # e.g. a loop of file symlinks
                yield Found(path, f"cannot resolve path ({exc.strerror or exc})")
                continue
            if real in seen:
                continue
            seen.add(real)
            yield Found(path, _not_regular(path))
        while problems:
            yield problems.pop(0)
    yield from problems


def _not_regular(path: Path) -> str | None:
    """Why a listed name is not a file to read, or None: reading a named pipe
    or a device would wait or run forever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "broken symbolic link (its target does not exist)" if path.is_symlink() else None
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    what = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file")
    return f"not a regular file ({what})"


def printable(path: str | os.PathLike) -> str:
    """A path as text that can be stored and printed: the bytes of a name
    that is not valid UTF-8 (a file from an old archive) as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff(path: Path, data: bytes) -> str:
    """Return the format of a file: `pdf`, `image`, `html` or `text`.

    Raises FileError when the content contradicts the name, SkippedFile for
    formats Himpun does not read.
    """
    suffix = path.suffix.lower()
    head = data[:2048]
    if not data.strip():
        raise FileError(str(path), "empty file")
    if head.lstrip()[:5] == b"%PDF-" or head[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    looks_html = _looks_like_html(head)
    if suffix in PDF_SUFFIXES:
        what = "an HTML page" if looks_html else "not a PDF"
        raise FileError(str(path), f"named .pdf but is {what} (no %PDF header)")
    if suffix in IMAGE_SUFFIXES:
        raise FileError(str(path), f"named {suffix} but is not a readable image")
    if suffix in HTML_SUFFIXES or looks_html:
        return "html"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text"
    raise SkippedFile(str(path), f"unsupported file type {suffix!r}")


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip()[:200].lower()
    if start.startswith(b"\xef\xbb\xbf"):
        start = start[3:].lstrip()
    return start.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"html" in start
