"""Cross-references between regions, from the catalog: which region forbids
what and at what cost (matrix), where regions part from the national rule
(divergences) or leave a national prohibition out (gaps), which regulations
documents cite and which of those were replaced, and the same rule written
in other regions' documents (similar clauses).

What can be kept is kept in the catalog and brought up to date one document
at a time (`sync`): per-clause facts (category, strongest sanction), MinHash
bands of each clause's words, and the links between similar clauses. The
views (matrix, divergences, gaps, citations) are queries over those tables.
"""
from himpun.xref.store import Progress, sync  # noqa: F401
from himpun.xref.views import Cell, Divergence, Gap, divergences, gaps, matrix  # noqa: F401
from himpun.xref.citations import citation_graph  # noqa: F401
from himpun.xref.similar import similar_to, warm_up_in_background  # noqa: F401
