"""The national list of prohibited acts and the order of sanctions, as data
(himpun/data/national_list.tsv, himpun/data/sanctions.tsv)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from himpun.data import load_table
from himpun.ingest.parse.lexicon import normalise
from himpun.ingest.parse.rules import addressed_to_others
from himpun.records import SEVERITIES


@dataclass(frozen=True)
class NationalRule:
    category: str
    status: str  # yes | principle | no
    basis: tuple[str, ...]  # citation keys
    sentence: str  # the rule in one plain Indonesian sentence


@lru_cache(maxsize=1)
def national_list() -> dict[str, NationalRule]:
    """Every category in the order of the national list."""
    out = {}
    for row in load_table("national_list.tsv"):
        cat, status, basis, sentence = (c.strip() for c in row[:4])
        out[cat] = NationalRule(cat, status, tuple(b for b in basis.split("|") if b and b != "-"), sentence)
    return out


def national_categories() -> list[str]:
    """The categories that the national instruments name as forms of violation."""
    return [c for c, r in national_list().items() if r.status == "yes"]


# sanction types from the lightest to the heaviest; a stated severity ranks first (see `rank`)
_TYPE_ORDER = (
    # a hukuman disiplin of no stated level is at least a reprimand: above a moral sanction
    "unspecified", "administrative", "moral-sanction", "disciplinary", "verbal-reprimand", "written-reprimand",
    "written-dissatisfaction", "allowance-cut", "salary-increase-postponed", "promotion-postponed",
    "rank-demotion", "position-demotion", "transfer-demotion", "release-from-position", "contract-termination",
    "dismissal-honourable", "dismissal", "dismissal-dishonourable", "criminal",
)


def addresses_others(text: str) -> bool:
    """A sanction clause addressed to staff who are not ASN (Pegawai Non ASN, honorer, tenaga kontrak): the
    parser's own reading of the `other-addressee` cues (himpun/data/cues.tsv), so that a sanction the parser
    keeps from the ASN rules is the one xref keeps from them."""
    return addressed_to_others(normalise(text))


def rank(sanction: str | None, severity: str | None) -> int:
    """How heavy a sanction is: its severity first (berat > sedang > ringan >
    none stated), then its type. 0 for no sanction at all."""
    if not sanction:
        return 0
    sev = SEVERITIES.index(severity) + 1 if severity in SEVERITIES else 0
    kind = _TYPE_ORDER.index(sanction) + 1 if sanction in _TYPE_ORDER else 1
    return sev * 100 + kind


def differs(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether two stated sanctions (type, severity) disagree: by severity when
    both state one ("hukuman disiplin berat" and PTDH agree), else by type.
    An unspecified sanction ("dikenai sanksi sesuai ketentuan") disagrees with nothing,
    nor does a hukuman disiplin of no stated level ("dapat dijatuhi hukuman disiplin
    sesuai PP 94/2021"): it may be of any level."""
    (ta, sa), (tb, sb) = a, b
    if not ta or not tb or "unspecified" in (ta, tb):
        return False
    if (ta == "disciplinary" and not sa) or (tb == "disciplinary" and not sb):
        return False
    if sa and sb:
        return sa != sb
    return ta != tb
