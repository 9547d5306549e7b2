"""Whoosh's segment writer with its postings kept per term instead of in a
sorted pool: the same segment files, less Python work per posting.

Whoosh's SegmentWriter puts every posting in a pool as a tuple (field,
term, document, weight, value), sorts them all when the segment is written
and hands them one at a time to the postings writer, which looks up the
document's field length for each and checks its types. That is most of
what indexing a clause costs. Here a posting is appended to its term's
lists as the document is added (documents come in order, so the lists are
sorted), and each term's postings are written a block at a time through
Whoosh's own postings writer (its block encoding, term statistics and
inlining are unchanged). tests/test_index_bulk.py builds the same documents
with both writers and compares the segment files byte for byte.

Merges (Whoosh's `add_reader`) go through `TermPool.add`, one posting at a
time, as before; `iter_postings` gives the sorted stream Whoosh's own code
expects wherever it still asks for one.
"""
from __future__ import annotations

from array import array

from whoosh import multiproc
from whoosh.analysis import IDTokenizer
from whoosh.codec import whoosh3
from whoosh.fields import ID
from whoosh.formats import Existence
from whoosh.writing import SegmentWriter

from himpun.index.patches import LENGTH_OF_BYTE, length_bytes


class TermPool:
    """Postings by field and term: {field: {term bytes: ([docnums], [weights], [values])}}."""

    def __init__(self):
        self.fields: dict[str, dict[bytes, tuple[list, list, list]]] = {}

    @property
    def fieldnames(self) -> set[str]:
        return set(self.fields)

    def terms(self, fieldname: str) -> dict:
        got = self.fields.get(fieldname)
        if got is None:
            got = self.fields[fieldname] = {}
        return got

    def add(self, item) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        if docnum == -1:
            return  # Whoosh's spelling-word postings: no spelling fields here
        terms = self.terms(fieldname)
        lists = terms.get(tbytes)
        if lists is None:
            lists = terms[tbytes] = ([], [], [])
        lists[0].append(docnum)
        lists[1].append(weight)
        lists[2].append(vbytes)

    def sorted_terms(self, fieldname: str):
        """(term, docnums, weights, values) in term order, each term's postings in document order."""
        terms = self.fields[fieldname]
        for tbytes in sorted(terms):
            docs, weights, values = terms[tbytes]
            if any(docs[i] >= docs[i + 1] for i in range(len(docs) - 1)):  # merged out of order: sort
                order = sorted(range(len(docs)), key=docs.__getitem__)
                docs, weights, values = ([x[i] for i in order] for x in (docs, weights, values))
            yield tbytes, docs, weights, values

    def iter_postings(self):
        for fieldname in sorted(self.fields):
            for tbytes, docs, weights, values in self.sorted_terms(fieldname):
                for d, w, v in zip(docs, weights, values):
                    yield fieldname, tbytes, d, w, v

    def cleanup(self) -> None:
        self.fields = {}


class BulkSegmentWriter(SegmentWriter):
    """A SegmentWriter whose pool is a TermPool (schemas without term vectors or spelling fields)."""

    def __init__(self, ix, *args, **kwargs):
        SegmentWriter.__init__(self, ix, *args, **kwargs)
        if any(f.vector or f.separate_spelling() for _, f in self.schema.items()):
            raise ValueError("BulkSegmentWriter: the schema has term vectors or spelling fields")
        self.pool = TermPool()
        self._indexers = {name: _indexer(field) for name, field in self.schema.items()}
        # what each field takes, looked up once: (field, indexer, indexed, scorable, stored, column, length column)
        self._plans = {name: (field, self._indexers[name], field.indexed, field.scorable, field.stored,
                              field.column_type, whoosh3._lenfield(name)) for name, field in self.schema.items()}
        self._direct = type(self.perdocwriter) is whoosh3.W3PerDocWriter

    def add_document(self, **fields):
        """Whoosh's add_document (no term vectors or spelling fields), the postings
        appended to their terms' lists. A document without boosts or custom stored
        values (no `_` keys) is written into Whoosh 3's per-document writer directly:
        what its add_field and add_column_value calls do, without a call per field."""
        if not self._direct or any(name[0] == "_" for name in fields):
            return self._add_document(**fields)
        self._check_state()
        pdw = self.perdocwriter
        docnum = self.docnum
        plans = self._plans
        terms_of = self.pool.terms
        fieldnames = sorted(fields)
        self._check_fields(self.schema, fieldnames)
        pdw.start_doc(docnum)
        stored, columns, lengths = pdw._storedfields, pdw._colwriters, pdw._fieldlengths
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field, indexer, indexed, scorable, is_stored, column, lenfield = plans[fieldname]
                length = _post(terms_of(fieldname), indexer(value), docnum, 1.0, scorable) if indexed else 0
                if is_stored:
                    stored[fieldname] = value
                if length:
                    if lenfield not in columns:
                        pdw._create_column(lenfield, whoosh3.LENGTHS_COLUMN)
                    columns[lenfield].add(docnum, whoosh3.length_to_byte(length))
                    lengths[fieldname] += length
                if column:
                    if fieldname not in columns:
                        pdw._create_column(fieldname, column)
                    columns[fieldname].add(docnum, field.to_column_value(value))
        except Exception:
            pdw.cancel_doc()
            raise
        pdw.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_document(self, **fields):
        """The general case: Whoosh's add_document with the postings appended to their terms' lists."""
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool = self.pool
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = _post(pool.terms(fieldname), self._indexers[fieldname](value), docnum,
                               self._field_boost(fields, fieldname, docboost), field.scorable) if field.indexed else 0
                customval = fields.get("_stored_%s" % fieldname, value)
                perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
                column = field.column_type
                if column and customval is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self):
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        try:
            write_postings(self.fieldwriter, self.schema, self.pool, pdr)
        finally:
            self.fieldwriter.close()
            if pdr:
                pdr.close()


def _post(terms: dict, postings, docnum: int, boost: float, scorable: bool) -> int:
    """A field's postings (term bytes, frequency, weight, value bytes) appended to their terms' lists;
    the field's length (the sum of the frequencies, for a scorable field)."""
    length = 0
    for tbytes, freq, weight, vbytes in postings:
        if scorable:
            length += freq
        lists = terms.get(tbytes)
        if lists is None:
            lists = terms[tbytes] = ([], [], [])
        lists[0].append(docnum)
        lists[1].append(weight * boost if boost != 1.0 else weight)
        lists[2].append(vbytes)
    return length


def _indexer(field):
    """How a field's value becomes its postings: field.index; for a plain ID field (its whole value, one
    term, no value bytes: what Whoosh's IDTokenizer and Existence format give), that one term directly."""
    if type(field) is ID and type(field.analyzer) is IDTokenizer and type(field.format) is Existence:
        boost = field.format.field_boost
        return lambda value: ((value.encode("utf-8"), 1, boost, b""),) if isinstance(value, str) \
            else field.index(value)
    return field.index


def write_postings(fieldwriter, schema, pool: TermPool, lengths_reader) -> None:
    """Every term of `pool` through Whoosh's field writer, a block of postings at a time: what
    Whoosh's FieldWriter.add_postings does posting by posting."""
    for fieldname in sorted(pool.fields):
        fieldobj = schema[fieldname]
        fieldwriter.start_field(fieldname, fieldobj)
        pw = fieldwriter._postwriter
        limit = pw._blocklimit
        raw = length_bytes(lengths_reader, fieldname) if lengths_reader is not None else None
        for tbytes, docs, weights, values in pool.sorted_terms(fieldname):
            fieldwriter.start_term(tbytes)
            n = len(docs)
            for start in range(0, n, limit):
                ids = docs[start:start + limit]
                ws = weights[start:start + limit]
                pw._ids = array("I", ids)
                pw._weights = array("f", ws)
                pw._values = [v for v in values[start:start + limit] if v]
                pw._maxweight = max(0, max(ws))
                if raw is not None:
                    lens = [x for x in (LENGTH_OF_BYTE[raw[d]] for d in ids if d < len(raw)) if x]
                    pw._minlength, pw._maxlength = (min(lens), max(lens)) if lens else (None, 0)
                else:
                    pw._minlength, pw._maxlength = None, 0
                if start + limit < n:
                    pw._write_block()
            fieldwriter.finish_term()
        fieldwriter.finish_field()


def use_in_multiproc() -> None:
    """Whoosh's writer processes (`ix.writer(procs=N)`) write their segments with BulkSegmentWriter:
    whoosh.multiproc names SegmentWriter when a process makes its writer (the parent MpWriter calls
    the same name's inherited methods, which BulkSegmentWriter leaves as they are, and its own
    pool, a TermPool, gives the sorted stream Whoosh's merge code reads)."""
    multiproc.SegmentWriter = BulkSegmentWriter
