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
            got = tuple(super().index(value))
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[value] = got
        return got

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k != "_memo"}


class MemoTEXT(_Memo, TEXT):
    pass


class MemoKEYWORD(_Memo, KEYWORD):
    pass


class UnindexedID(ID):
    indexed = False
