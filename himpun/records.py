"""The records that flow through Himpun: pages read from files, and the
document and clause records parsed from them.

Plain dataclasses with no behaviour beyond conversion to the JSON shape that
`himpun extract --json` prints and the catalog stores.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("circular", "decree", "regulation", "pact", "news", "other")
CLAUSE_KINDS = ("prohibition", "sanction", "obligation")
SEVERITIES = ("ringan", "sedang", "berat")
LOW_OCR_CONFIDENCE = 70.0  # a page read by OCR with a lower mean word confidence is flagged


@dataclass
class Page:
    """One page of text as a reader produced it (1-based page number)."""

    number: int
    text: str
    ocr: bool = False
    confidence: float | None = None  # Tesseract's mean word confidence, for OCR'd pages

    @property
    def low_confidence(self) -> bool:
        return self.ocr and (self.confidence or 0.0) < LOW_OCR_CONFIDENCE


@dataclass
class Citation:
    key: str  # "UU 5/2014", "PP 94/2021", "SKB 2/2022"
    text: str  # the words as written
    page: int = 1
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Sanction:
    type: str  # taxonomy slug, e.g. "written-reprimand"
    severity: str | None = None  # ringan | sedang | berat | None


@dataclass
class Clause:
    id: str
    kind: str  # prohibition | sanction | obligation
    text: str
    page: int
    start: int
    end: int
    categories: list[str] = field(default_factory=list)
    sanctions: list[Sanction] = field(default_factory=list)
    # the words that govern this clause but lie outside its span: the lead-in of
    # its list ("ASN dilarang:"), or the head of the sentence it was cut from
    context: str = ""
    # its place in the document's numbered lists: "2.b" (angka 2 huruf b), "3", "c"
    marker: str = ""
    # for a sanction clause that names list items ("pelanggaran terhadap angka 2
    # huruf a"): the ids of the prohibitions it applies to
    applies_to: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["sanctions"] = [asdict(s) for s in self.sanctions]
        return d


@dataclass
class Document:
    source: str
    sha256: str
    kind: str = "other"
    title: str | None = None
    issuer: str | None = None
    issuers: list[str] = field(default_factory=list)
    region: str | None = None
    province: str | None = None
    numbers: list[str] = field(default_factory=list)
    date: str | None = None  # ISO date of issuance or publication
    dates: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    url: str | None = None
    format: str = "text"  # text | html | pdf | image: what the file was

    @property
    def ocr(self) -> bool:
        return any(p.ocr for p in self.pages)

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.sha256)

    def categories(self) -> list[str]:
        """Prohibition categories over all clauses, sorted."""
        return sorted({c for cl in self.clauses if cl.kind == "prohibition" for c in cl.categories})

    def sanction_types(self) -> list[str]:
        """Sanction types over all clauses; `unspecified` only when nothing
        more specific is stated anywhere in the document."""
        types = {s.type for cl in self.clauses for s in cl.sanctions}
        if len(types) > 1:
            types.discard("unspecified")
        return sorted(types)

    def to_dict(self) -> dict:
        """The JSON shape of `himpun extract --json`."""
        return {
            "source": self.source,
            "sha256": self.sha256,
            "id": self.doc_id,
            "kind": self.kind,
            "title": self.title,
            "issuer": self.issuer,
            "issuers": list(self.issuers),
            "region": self.region,
            "province": self.province,
            "numbers": list(self.numbers),
            "date": self.date,
            "dates": list(self.dates),
            "citations": [{"key": c.key, "text": c.text} for c in self.citations],
            "pages": len(self.pages),
            "ocr": self.ocr,
            "page_ocr": [{"page": p.number, "ocr": p.ocr, "confidence": p.confidence} for p in self.pages],
            "format": self.format,
            "url": self.url,
            "clauses": [c.to_dict() for c in self.clauses],
        }


def doc_id_for(sha256: str) -> str:
    """A document's short id: the first 12 hex digits of its SHA-256."""
    return sha256[:12]


def clause_id_for(sha256: str, seq: int) -> str:
    """A clause's id: its document id and its 1-based position, `3f2a9c01b7de-004`."""
    return f"{doc_id_for(sha256)}-{seq:03d}"
