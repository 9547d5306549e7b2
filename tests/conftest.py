import os
from pathlib import Path

import pytest

from himpun.library import Library
from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, NEWS_HTML_PACITAN

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def make_text_pdf(path: Path, pages: list[str]) -> Path:
    """A real PDF with a text layer, one string per page (fpdf2)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    if FONT.exists():
        pdf.add_font("Body", fname=str(FONT))
        font = "Body"
    else:
        font = "Helvetica"
    for text in pages:
        pdf.add_page()
        pdf.set_font(font, size=11)
        for line in text.split("\n"):
            if line.strip():
                pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(4)
    pdf.output(str(path))
    return path


@pytest.fixture
def sample_dir(tmp_path) -> Path:
    """Three documents of three kinds from three regions."""
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "se_gowa.txt").write_text(CIRCULAR_GOWA, encoding="utf-8")
    (d / "berita_bekasi.txt").write_text(NEWS_BEKASI, encoding="utf-8")
    (d / "berita_pacitan.html").write_text(NEWS_HTML_PACITAN, encoding="utf-8")
    return d


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "library")
    yield lib
    lib.close()


def descendants(pid: int) -> list[int]:
    """The processes below `pid` (children, theirs, ...), from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        out += kids
        todo += kids
    return out


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def write_copies(directory: Path, texts: dict[str, str], copies: int) -> Path:
    """`copies` distinct copies of each text (a line naming the copy makes each file's bytes its own),
    named COPY_NAME, in a new `directory`."""
    directory.mkdir()
    for copy in range(copies):
        for name, text in texts.items():
            (directory / f"{copy}_{name}").write_text(f"{text}\nSalinan ke-{copy}\n", encoding="utf-8")
    return directory
