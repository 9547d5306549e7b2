"""The CLI's checks of option values. A bad value is a click usage error
(exit code 2) naming the option and the value; the checks of slugs, years
and dates are the Python API's own (himpun.library), so both say the same.
An output file that cannot be written is one line naming it and the reason
(himpun.errors.OutputError)."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import click

from himpun import library as api
from himpun.errors import OutputError, QueryError


class Checked(click.ParamType):
    """A value checked (and normalised) by a function that raises QueryError."""

    def __init__(self, name: str, check: Callable[[str], str], metavar: str):
        self.name, self._check, self._metavar = name, check, metavar

    def get_metavar(self, param, ctx=None) -> str:
        return self._metavar

    def convert(self, value, param, ctx):
        try:
            return self._check(value)
        except QueryError as exc:
            self.fail(str(exc), param, ctx)


def slug(vocabulary: str) -> Checked:
    """A slug of the taxonomy: category, sanction, severity, kind, clause_kind."""
    return Checked(vocabulary, lambda value: api.check_slug(vocabulary, value), "SLUG")


YEAR = Checked("year", api.check_year, "YYYY")
DATE = Checked("date", api.check_date, "DATE")
POSITIVE = click.IntRange(min=1)


# -- rulebook -----------------------------------------------------------------

_EXTENSIONS = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "pdf": "pdf"}


def rulebook_format(output: Path | None, fmt: str | None) -> str:
    """The format asked for, else the output file's extension's (md without one)."""
    if fmt:
        return fmt
    ext = output.suffix.lstrip(".").lower() if output else ""
    if not ext:
        return "md"
    if ext not in _EXTENSIONS:
        raise click.BadParameter(f"unknown extension '.{ext}' ({output}): the rulebook is written as md, html "
                                 "or pdf; give one of these, or --format", param_hint="'-o' / '--output'")
    return _EXTENSIONS[ext]


def check_writable(output: Path) -> None:
    """OutputError unless `output`'s directory is there to write in (checked before the work)."""
    parent = output.parent
    if not parent.exists():
        raise OutputError(str(output), f"directory {parent} does not exist", missing=True)
    if not parent.is_dir():
        raise OutputError(str(output), f"{parent} is not a directory")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(str(output), f"no permission to write in {parent}")


@contextmanager
def writing(output: Path) -> Iterator[None]:
    """An OSError while writing `output` as one OutputError (its partial file removed)."""
    try:
        yield
    except OSError as exc:
        output.with_name(output.name + ".part").unlink(missing_ok=True)  # himpun.rulebook.write's partial file
        missing = isinstance(exc, (FileNotFoundError, NotADirectoryError))
        raise OutputError(str(output), exc.strerror or str(exc), missing) from None


# -- xref ---------------------------------------------------------------------

_ALL_FILTERS = frozenset({"category", "region", "province", "kind", "year"})
# each mode: its option, the filters it applies, the formats it has
XREF_MODES = {
    "matrix": (None, _ALL_FILTERS, ("table", "csv", "json")),
    "divergent": ("--divergent", _ALL_FILTERS, ("table", "csv", "json")),
    "gaps": ("--gaps", frozenset(), ("table", "csv", "json")),
    "citations": ("--citations", _ALL_FILTERS - {"category"}, ("table", "csv", "json")),
}


def xref_mode(chosen: dict[str, object], filters: dict[str, object], fmt: str) -> str:
    """Which of xref's modes the options ask for (`chosen`: mode -> the option's value); a usage error
    when they ask for more than one, or give a filter or format the mode does not apply."""
    on = [mode for mode, value in chosen.items() if value]
    if len(on) > 1:
        names = [XREF_MODES[m][0] for m in on]
        raise click.UsageError(f"{', '.join(names[:-1])} and {names[-1]} cannot be used together: give one of "
                               + ", ".join(o for o, _, _ in XREF_MODES.values() if o))
    mode = on[0] if on else "matrix"
    option, takes, formats = XREF_MODES[mode]
    what = option or "the matrix"
    for name, value in filters.items():
        if value and name not in takes:
            hint = " (the region is the value of --gaps)" if mode == "gaps" and name == "region" else ""
            raise click.UsageError(f"--{name} does not apply to {what}{hint}")
    if fmt not in formats:
        raise click.UsageError(f"--format {fmt} is not available with {what}: {' or '.join(formats)}")
    return mode
