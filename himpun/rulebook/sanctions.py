"""How the rulebook names a sanction, in one form everywhere: its form with
the level of hukuman disiplin in brackets ("Pemotongan tunjangan kinerja
(hukuman disiplin sedang)"); a hukuman disiplin stated without its form says
so ("Hukuman disiplin berat (bentuk tidak disebutkan)"); a sanction outside
the three levels is named alone ("Sanksi moral berupa pernyataan secara
terbuka"). Under a heading that gives the level (`name`), the level is not
repeated."""
from __future__ import annotations

import re

from himpun.index.topics import label

NONE = "Tanpa sanksi yang disebutkan"
_MORAL = re.compile(r"pernyataan\s+secara\s+(terbuka|tertutup)", re.I)


def _moral(text: str | None) -> str:
    m = _MORAL.search(text or "")
    return f"Sanksi moral berupa pernyataan secara {m.group(1).lower()}" if m else label("moral-sanction")


def name(sanction: str, text: str | None = None) -> str:
    """The sanction without its level (the heading above it gives the level)."""
    if sanction == "disciplinary":
        return "Hukuman disiplin (bentuk tidak disebutkan)"
    if sanction == "moral-sanction":
        return _moral(text)
    return label(sanction)


def phrase(sanction: str | None, severity: str | None, text: str | None = None) -> str:
    """The sanction with its level: "X (hukuman disiplin berat)"."""
    if not sanction:
        return NONE
    if sanction == "disciplinary":
        return (f"Hukuman disiplin {severity} (bentuk tidak disebutkan)" if severity
                else "Hukuman disiplin (tingkat dan bentuk tidak disebutkan)")
    base = name(sanction, text)
    return f"{base} (hukuman disiplin {severity})" if severity else base


def joined(phrases: list[str]) -> str:
    """Several sanctions stated together: "A dan b"."""
    out = [p for i, p in enumerate(phrases) if p not in phrases[:i]]
    rest = [p if p[:2].isupper() else p[:1].lower() + p[1:] for p in out[1:]]
    return " dan ".join(out[:1] + rest)
