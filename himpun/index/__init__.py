"""The Whoosh search index: schema and Indonesian analysis, sync from the
catalog, and search."""
from himpun.index import patches  # noqa: F401  (Whoosh's segment writer, before any index is written)
from himpun.index.search import SearchResult, search
from himpun.index.store import open_index, rebuild, sync

__all__ = ["SearchResult", "search", "open_index", "rebuild", "sync"]
