"""Two costs of Whoosh's segment writer, removed where they arise.

Writing a segment, Whoosh asks for the field length of the document of
every posting (for each block's length statistics). Its per-document reader
then (1) looks for the field's length column on disk every time the field
has none (`os.stat` per posting of every unscored field: category,
sanction, severity), and (2) reads each length through two layers of column
readers. Here the answer "no such column" is remembered, and a length
column is read once, as bytes, per reader. The lengths are the same bytes
Whoosh wrote; the index files do not change.

Applied once, on import of himpun.index; `whoosh_version_checked` names the
release the patched internals were read from.
"""
from __future__ import annotations

from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length

whoosh_version_checked = "whoosh-reloaded 2.7.5"
LENGTH_OF_BYTE = [0] + [byte_to_length(b) for b in range(1, 256)]  # a length byte's length (0: none stored)
_MISSING = object()


def _cached_reader(self, fieldname, column):
    readers = self._readers
    got = readers.get(fieldname, _MISSING)
    if got is _MISSING:
        got = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        readers[fieldname] = got
    return got


def _doc_field_length(self, docnum, fieldname, default=0):
    if docnum > self._doccount:
        raise IndexError("Asked for docnum %r of %d" % (docnum, self._doccount))
    table = self.__dict__.setdefault("_himpun_lengths", {})
    raw = table.get(fieldname, _MISSING)
    if raw is _MISSING:
        raw = table[fieldname] = length_bytes(self, fieldname)
    if raw is None:
        return default
    if docnum >= len(raw):
        return None  # Whoosh's reader: a document past the column's end has no length byte (None)
    byte = raw[docnum]
    return LENGTH_OF_BYTE[byte] if byte else None


def length_bytes(reader, fieldname) -> bytes | None:
    column = _cached_reader(reader, whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    if column is None:
        return None
    if getattr(column, "_fixedlen", None) != 1:
        return bytes(column[i] or 0 for i in range(len(column)))
    return bytes(column._dbfile.get(column._basepos, column._count)) if column._count else b""


def apply() -> None:
    cls = whoosh3.W3PerDocReader
    if getattr(cls, "_himpun_patched", False):
        return
    cls._cached_reader = _cached_reader
    cls.doc_field_length = _doc_field_length
    cls._himpun_patched = True


apply()
