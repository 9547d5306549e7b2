"""Build the sample circulars that have a PDF text layer (corpus/circulars/*.pdf)
from the texts beside this script: A4, a running header and page numbers, the
way office printers produce them. Needs fpdf2 (pip install -e .[test]).

    python scripts/corpus/make_text_pdfs.py
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
OUT = HERE.parent.parent / "corpus" / "circulars"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


class Circular(FPDF):
    def __init__(self, running_head: str):
        super().__init__(format="A4")
        self.running_head = running_head
        self.set_auto_page_break(auto=True, margin=25)
        self.set_creation_date(datetime(2024, 1, 1, tzinfo=timezone.utc))  # same bytes on every build

    def header(self):
        if self.page_no() > 1:
            self.set_font(self.body_font, size=8)
            self.cell(0, 8, self.running_head, align="R")
            self.ln(12)

    def footer(self):
        self.set_y(-15)
        self.set_font(self.body_font, size=8)
        self.cell(0, 10, f"Halaman {self.page_no()}", align="C")


def build(source: Path) -> Path:
    text = source.read_text("utf-8")
    pdf = Circular(running_head=text.split("\n", 1)[0].title())
    if FONT.exists():
        pdf.add_font("Serif", fname=str(FONT))
        pdf.body_font = "Serif"
    else:
        pdf.body_font = "Times"
        text = text.encode("latin-1", "replace").decode("latin-1")
    pdf.set_title(source.stem.replace("_", " "))
    pdf.add_page()
    pdf.set_font(pdf.body_font, size=11)
    for para in text.split("\n"):
        if para.strip():
            pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(4)
    out = OUT / (source.stem + ".pdf")
    OUT.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    for src in sorted(HERE.glob("*.txt")):
        print(build(src))
