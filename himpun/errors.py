"""Himpun's errors and the exit codes the CLI maps them to."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    SOME_FAILED = 1  # a batch ran, but one or more files failed
    USAGE = 2  # bad arguments or query (click uses 2 as well)
    NOT_FOUND = 3  # an id or path that does not exist
    LIBRARY = 4  # the library cannot be opened or is locked


class HimpunError(Exception):
    """An error a user can act on; printed as one line, never a traceback."""

    exit_code = ExitCode.USAGE


class FileError(HimpunError):
    """A file that cannot be read: names the file and the reason."""

    exit_code = ExitCode.SOME_FAILED

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):  # raised in a worker process, it must arrive whole in the parent
        return type(self), (self.path, self.reason)


class SkippedFile(FileError):
    """A file Himpun recognises but does not read yet, or that has no text."""


class QueryError(HimpunError):
    exit_code = ExitCode.USAGE


class NotFound(HimpunError):
    exit_code = ExitCode.NOT_FOUND


class LibraryError(HimpunError):
    exit_code = ExitCode.LIBRARY


class OutputError(HimpunError):
    """An output file that cannot be written: names the path and the reason. A directory that
    does not exist is NOT_FOUND (a path that does not exist); anything else (no permission, a
    read-only or full disk, a directory in the way) is USAGE: another path is needed."""

    def __init__(self, path: str, reason: str, missing: bool = False):
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason
        self.exit_code = ExitCode.NOT_FOUND if missing else ExitCode.USAGE
