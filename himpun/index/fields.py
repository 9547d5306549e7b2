"""Whoosh field types of the clause index that do less work for the same index.

- `MemoTEXT`, `MemoKEYWORD`: a value indexed once is remembered, so the
  same value in the next document costs a dictionary lookup instead of
  tokenising, stemming and encoding again. Every clause of a document
  carries the document's title and keys, clauses of the same categories
  carry the same topic words, and circulars copy the national rules word
  for word, so most values repeat. The memo lives only in the process that
  writes (it is not pickled with the schema) and starts over past
  `MEMO_SIZE` values.
- `UnindexedID`: a value kept (stored, or as a column) but given no
  postings, for fields that are read and never searched.
"""
from __future__ import annotations

from whoosh.fields import ID, KEYWORD, TEXT
from whoosh.formats import Frequency, Positions
from whoosh.system import pack_uint

MEMO_SIZE = 50_000


class _Memo:
    def index(self, value, **kwargs):
        if kwargs:
            return super().index(value, **kwargs)
        memo = self.__dict__.get("_memo")
        if memo is None:
            memo = self.__dict__["_memo"] = {}
        got = memo.get(value)
        if got is None:
            got = self._index(value)
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[value] = got
        return got

    def _index(self, value):
        return tuple(super().index(value))

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k not in ("_memo", "_fast")}


class MemoTEXT(_Memo, TEXT):
    """A TEXT field whose values are remembered; with the Indonesian analyzer and the positions or
    frequency format, a new value is analysed by himpun.index.analysis.index_tokens, the same
    terms as Whoosh's token stream gives, at a fraction of its cost."""

    def _index(self, value):
        fast = self.__dict__.get("_fast")
        if fast is None:
            from himpun.index.analysis import indonesian_analyzer
            fast = self.__dict__["_fast"] = (type(self.format) in (Positions, Frequency)
                                             and self.analyzer == indonesian_analyzer())
        if not fast or not isinstance(value, str):
            return super()._index(value)
        from himpun.index.analysis import index_tokens
        fmt = self.format
        positions = type(fmt) is Positions
        fb = fmt.field_boost
        return tuple((term.encode("utf-8"), len(poses), float(len(poses)) * fb,
                      fmt.encode(poses) if positions else pack_uint(len(poses)))
                     for term, poses in index_tokens(value, positions).items())


class MemoKEYWORD(_Memo, KEYWORD):
    pass


class UnindexedID(ID):
    indexed = False
