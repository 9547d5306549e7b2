"""One record per prohibited act.

A sentence may forbid several acts at once: "ASN dilarang memasang baliho
calon, menghadiri deklarasi, dan mengunggah foto bersama calon di media
sosial." Each act is named by a taxonomy phrase; between two acts the
sentence coordinates them (a comma, a semicolon, `dan`, `atau`, `serta`,
`maupun`). The sentence is cut at the last coordination between the phrases
of two neighbouring acts; phrases that overlap or have no coordination
between them ("mengikuti kampanye suami/istri calon") stay one act with two
categories. The head of the sentence ("ASN dilarang") governs every act and
is kept as the later acts' context when it holds the prohibition.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from himpun.ingest.parse import rules
from himpun.ingest.parse.lexicon import category_order, normal_form, normalise_with_offsets

_COORDINATION = re.compile(
    r"\s*[,;]\s*(?:(?:dan/atau|dan|atau|serta|maupun|ataupun|juga)\s+)?"
    r"|\s+(?:dan/atau|dan|atau|serta|maupun|ataupun|termasuk|bahkan)\s+")


@dataclass
class Act:
    start: int  # character offsets into the sentence
    end: int
    categories: list[str] = field(default_factory=list)
    head: str = ""  # the words before the first act, for acts after the first
    norm_start: int = 0  # the same span in the sentence's normal form
    norm_end: int = 0


def split_acts(sentence: str) -> tuple[str, list[Act]]:
    """The sentence's normal form, and its acts (one act, the whole sentence,
    when it names fewer than two acts that can be told apart)."""
    norm = normal_form(sentence)
    groups: list[list] = []  # [start, end, slugs] in the normal form
    for start, end, slug in rules.category_spans(norm):
        if groups and start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2].append(slug)
            continue
        cut = None
        if groups:
            cut = None
            for cut in _COORDINATION.finditer(norm, groups[-1][1], start):
                pass
            if cut is None:
                groups[-1][1] = max(groups[-1][1], end)
                groups[-1][2].append(slug)
                continue
        groups.append([start, end, [slug], cut])
    whole = Act(0, len(sentence), rules.categories(norm), "", 0, len(norm))
    if len(groups) < 2:
        return norm, [whole]
    offsets = normalise_with_offsets(sentence)[1]

    def at(i: int) -> int:
        return offsets[i]

    def end_at(i: int) -> int:
        return offsets[i - 1] + 1 if i > 0 else 0

    # the head: the words up to the last that forbid before the first act
    # ("ASN juga dilarang"); words before the acts that forbid nothing
    # ("Kemudian melakukan") govern nothing
    cue_end = rules.prohibition_cue_end(norm[:groups[0][0]])
    head = sentence[:end_at(cue_end)].strip(" ,;:\"'") if cue_end else ""
    acts = []
    for i, (_, _, slugs, _cut) in enumerate(groups):
        n_start = 0 if i == 0 else groups[i][3].end()
        n_end = groups[i + 1][3].start() if i + 1 < len(groups) else len(norm)
        start, end = (0 if i == 0 else at(n_start)), end_at(n_end)
        order = [s for s in category_order() if s in slugs]
        # an act that carries its own negation ("yang ketiga tidak boleh ...") is governed by it alone
        own_cue = i > 0 and rules.prohibits(norm[n_start:groups[i][0]])
        acts.append(Act(start, end, order, head if i and not own_cue else "", n_start, n_end))
    return norm, acts
