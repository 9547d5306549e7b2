"""Writing the rulebook in a format: md, html or pdf (WeasyPrint, from the HTML)."""
from __future__ import annotations

from pathlib import Path

from himpun.errors import HimpunError
from himpun.rulebook import html, markdown
from himpun.rulebook.model import Rulebook

FORMATS = ("md", "html", "pdf")


def write(book: Rulebook, fmt: str, path: Path | None = None) -> bytes:
    """The rulebook's bytes in `fmt`, also written to `path` when given."""
    if fmt == "md":
        data = markdown.render(book).encode("utf-8")
    elif fmt == "html":
        data = html.render(book).encode("utf-8")
    elif fmt == "pdf":
        data = pdf_bytes(html.render(book))
    else:
        raise HimpunError(f"unknown rulebook format {fmt!r}; one of {', '.join(FORMATS)}")
    if path is not None:
        tmp = Path(path).with_name(Path(path).name + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return data


def pdf_bytes(document: str) -> bytes:
    """Render HTML to an A4 PDF with WeasyPrint (the one place it is called)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: pango and friends missing
        raise HimpunError(f"PDF output needs WeasyPrint and its system libraries (pango): {exc}") from None
    return HTML(string=document).write_pdf()
