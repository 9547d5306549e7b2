"""The consistency check of a held-out set's annotation, shared by the sets' check_truth.py (heldout10,
heldout11), as bench/heldout_make.py is their shared generator.

For every truth line: the source exists and carries the set's SOURCE line; every number occurs verbatim
and in the listed order (first occurrences); every date occurs as a full date; every slug is in the
taxonomy; every list except `numbers` is sorted and free of duplicates; the region is named in full;
every citation key's number/year occurs. It also lists every full date in a source that the truth
leaves out, with the reason class the set gives, and fails on a left-out date without a reason.
It reads only the set's folder and the taxonomy.
"""
import html
import json
import re
from pathlib import Path

TAXONOMY = Path("/work/shared/docs/taxonomy.md")

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "desember": 12, "des": 12,
}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_WORD = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_RE})\.?\s+(\d{{4}})\b", re.I)
DATE_NUM = re.compile(r"(?<![\w./-])(\d{1,2})/(\d{1,2})/(\d{4})(?![\w/])")
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:T|\b)")


def source_text(path: Path, source: str) -> str:
    raw = path.read_text(encoding="utf-8")
    if raw.startswith("%copy:"):
        body = raw.split("\n", 1)[1]
        if body.lstrip().startswith("<"):
            body = re.sub(r"<[^>]+>", " ", body)
            body = html.unescape(body)
        return body
    out = []
    for line in raw.split("\n"):
        if line.startswith("%"):
            k, _, v = line[1:].partition(":")
            if k.strip() in ("runhead", "foot"):
                out.append(v.strip())
            continue
        s = line.strip()
        if re.match(r"^\[[^\]]*\]$", s) or re.match(r"^=== halaman \d+ ===$", s):
            continue
        s = s.replace("**", "").replace(" | ", " ").removeprefix("+ ").removeprefix("| ")
        out.append(s)
    return "\n".join(out) + "\n" + source


def full_dates(text: str):
    found = {}
    for m in DATE_WORD.finditer(text):
        d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        found.setdefault(f"{y:04d}-{mo:02d}-{d:02d}", m.group(0))
    for m in DATE_NUM.finditer(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            found.setdefault(f"{y:04d}-{mo:02d}-{d:02d}", m.group(0))
    for m in DATE_ISO.finditer(text):
        found.setdefault(f"{m.group(1)}-{m.group(2)}-{m.group(3)}", m.group(0))
    return found


def taxonomy():
    t = TAXONOMY.read_text(encoding="utf-8")
    sec = lambda title: t.split(title, 1)[1].split("\n## ", 1)[0]
    slugs = lambda s: set(re.findall(r"^\| `([a-z-]+)` \|", s, re.M))
    return slugs(sec("## Document kinds")), slugs(sec("## Prohibition categories")), slugs(sec("## Sanction types"))


def citation_ok(key: str, text: str) -> bool:
    if key == "SKB 2/2022":
        return bool(re.search(r"2 Tahun 2022|SKB|Keputusan Bersama", text))
    if key.startswith("SE MenPANRB "):
        return key.split(" ", 2)[2] in text
    m = re.match(r"^\S+ (\d+(?:\.\d+)?)/(\d{4})$", key)
    if not m:
        return False
    n, y = m.groups()
    return bool(re.search(rf"(?<!\d){re.escape(n)}\s*(?:Tahun|Thn\.?|Th\.?|/)\s*{y}\b", text, re.I))


def check(here: Path, source: str, left_out: dict[str, dict[str, str]]) -> int:
    """Check `here`/truth.jsonl against `here`/src/ (see the module's docstring); 0 when all holds."""
    kinds, prohib, sanct = taxonomy()
    errors = 0

    def err(f, msg):
        nonlocal errors
        errors += 1
        print(f"  ERROR {f}: {msg}")

    lines = (here / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    srcs = {p.name[:3]: p for p in (here / "src").glob("*.txt")}
    print(f"{len(lines)} truth lines, {len(srcs)} sources")
    for ln in lines:
        t = json.loads(ln)
        f = t["file"]
        key = f[:3]
        src = srcs.get(key)
        if src is None:
            err(f, "no source")
            continue
        if not (here / "docs" / f).exists():
            err(f, "not built in docs/")
        text = source_text(src, source)
        flat = re.sub(r"\s+", " ", text)
        if source not in flat and source not in src.read_text(encoding="utf-8"):
            err(f, "SOURCE line missing")
        # lists sorted, no duplicates
        for fld in ("issuers", "dates", "prohibitions", "sanctions", "severity_terms", "citations"):
            v = t[fld]
            if v != sorted(v) or len(v) != len(set(v)):
                err(f, f"{fld} not sorted or has duplicates")
        if len(t["numbers"]) != len(set(t["numbers"])):
            err(f, "numbers has duplicates")
        # vocabulary
        if t["kind"] not in kinds:
            err(f, f"kind {t['kind']}")
        for s in t["prohibitions"]:
            if s not in prohib:
                err(f, f"prohibition slug {s}")
        for s in t["sanctions"]:
            if s not in sanct:
                err(f, f"sanction slug {s}")
        for s in t["severity_terms"]:
            if s not in ("ringan", "sedang", "berat"):
                err(f, f"severity {s}")
        # numbers verbatim, in order of first appearance
        last = -1
        for n in t["numbers"]:
            i = flat.find(n)
            if i < 0:
                err(f, f"number {n!r} not in source")
            elif i < last:
                err(f, f"number {n!r} out of order")
            last = max(last, i)
        # dates
        found = full_dates(flat)
        for d in t["dates"]:
            if d not in found:
                err(f, f"date {d} not written as a full date")
        left = {d: s for d, s in found.items() if d not in t["dates"]}
        for d, s in sorted(left.items()):
            reason = left_out.get(key, {}).get(d)
            print(f"  {key} left out {d} ({s!r}): {reason or 'NO REASON'}")
            if reason is None:
                err(f, f"left-out date {d} has no reason")
        for d in left_out.get(key, {}):
            if d not in left:
                err(f, f"LEFT_OUT lists {d}, which is not a left-out full date")
        # region named in full
        if t["region"] != "nasional" and t["region"].lower() not in flat.lower():
            err(f, f"region {t['region']!r} not named in full")
        # citations
        for c in t["citations"]:
            if not citation_ok(c, flat):
                err(f, f"citation {c} not found")
        # severity words occur
        for s in t["severity_terms"]:
            if not re.search(rf"\b{s}\b", flat, re.I):
                err(f, f"severity {s} not in text")
    print("OK" if not errors else f"{errors} error(s)")
    return 1 if errors else 0
