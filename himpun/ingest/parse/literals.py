"""Cheap literal tests in front of the tables' regular expressions.

`Prefilter.of(pattern)` reads a pattern's syntax tree for strings of which
every match contains at least one. A text that holds none of them cannot
match, so the pattern need not be run on it: `possible(text)` is False only
then, and a search behind it gives the same answer for every text. When
every match also begins with one of a few strings, `finditer` tries the
pattern only where those stand: the matches of `pattern.finditer`, without
a try at every position. For a pattern that ignores case the strings are
lower case and are looked for in the lowered text, which is exact for ASCII
text only; any other text is searched as usual. `LiteralIndex` tells which
rows of a whole table can match a text from one scan of it. The strings
come from the tables' own patterns; nothing here knows a word of the lexicon.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

try:  # the parser re compiles with (re._parser from Python 3.11 on)
    from re import _constants as _c, _parser
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_LIMIT = 64  # most alternatives an exact set may hold
_REPEATS = tuple(getattr(_c, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, n))
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_EMPTY = frozenset({""})

Strings = frozenset  # of str


@dataclass(frozen=True)
class Prefilter:
    strings: tuple[str, ...] | None  # one of these is in every text the pattern matches; None: no test
    folded: bool = False  # lower case, to be found in the lowered text (the pattern ignores case)
    starts: tuple[str, ...] | None = None  # every match begins with one of these (and none is empty)

    @classmethod
    def of(cls, pattern: str, flags: int = 0) -> "Prefilter":
        """The prefilter of a pattern; no test at all (always search) when its syntax tree is not
        one this module reads (re's parser is internal to Python and may change)."""
        try:
            return cls._of(pattern, flags)
        except Exception:
            return cls(None)

    @classmethod
    def _of(cls, pattern: str, flags: int) -> "Prefilter":
        tree = _parser.parse(pattern, flags)
        seen = _Seen(bool((tree.state.flags | flags) & re.IGNORECASE))
        best = _sequence(list(tree), seen).best()
        heads, nullable = _starts(list(tree), seen)
        if seen.ignorecase and not all(s.isascii() for s in (best or ()) | (heads or frozenset())):
            return cls(None)  # ignoring case, a letter beyond ASCII may match an ASCII one (ſ and s)
        if not best:
            return cls(None)
        fold = (lambda x: x.lower()) if seen.ignorecase else (lambda x: x)
        best = frozenset(map(fold, best))
        # a string that contains another of the set adds nothing to the test
        strings = tuple(sorted(s for s in best if not any(t != s and t in s for t in best)))
        starts = None  # (a pattern tied to the start of the text is tried there alone already)
        if heads and not nullable and len(heads) <= _LIMIT and not _at_start(list(tree)):
            heads = frozenset(map(fold, heads))
            starts = tuple(sorted(s for s in heads if not any(t != s and s.startswith(t) for t in heads)))
        return cls(strings, seen.ignorecase, starts)

    def possible(self, text: str, lowered: str | None = None) -> bool:
        """False only when the pattern cannot match anywhere in `text`
        (`lowered`: text.lower(), when the caller has it)."""
        if self.strings is None:
            return True
        if self.folded:
            if not text.isascii():
                return True
            text = text.lower() if lowered is None else lowered
        return any(map(text.__contains__, self.strings))

    def finditer(self, pattern: re.Pattern, text: str, lowered: str | None = None) -> Iterator[re.Match]:
        """`pattern.finditer(text)` (`pattern` compiled from what this
        prefilter was made of), trying the pattern only where a match can begin."""
        if self.starts is None or (self.folded and not text.isascii()):
            yield from pattern.finditer(text)
            return
        hay = (text.lower() if lowered is None else lowered) if self.folded else text
        places: set[int] = set()
        for head in self.starts:
            at = hay.find(head)
            while at >= 0:
                places.add(at)
                at = hay.find(head, at + 1)
        end = 0
        for at in sorted(places):
            if at >= end:
                m = pattern.match(text, at)
                if m:
                    yield m
                    end = m.end()


class LiteralIndex:
    """Which of many prefilters can pass on a text, from one scan of it: a
    pattern of all their strings, arranged as a trie, finds at each place the
    longest string that begins there; the strings present are those and the
    strings they begin with."""

    def __init__(self, prefilters: list[Prefilter] | tuple[Prefilter, ...]):
        self._prefilters = tuple(prefilters)
        # folded tests need the text's case checked: each is asked alone
        self._alone = tuple(i for i, p in enumerate(prefilters) if p.strings is None or p.folded)
        owners: dict[str, set[int]] = {}
        for i, p in enumerate(prefilters):
            if p.strings is not None and not p.folded:
                for s in p.strings:
                    owners.setdefault(s, set()).add(i)
        # a string found stands for itself and for every string it begins with
        self._owners = {s: tuple(sorted({i for t in owners if s.startswith(t) for i in owners[t]}))
                        for s in owners}
        self._pattern = re.compile(f"(?=({_trie(owners)}))") if owners else None

    def candidates(self, text: str) -> list[int]:
        """Indices, in order, of the prefilters that may pass on `text`."""
        out = {i for i in self._alone if self._prefilters[i].possible(text)}
        if self._pattern is not None:
            for s in set(self._pattern.findall(text)):
                out.update(self._owners[s])
        return sorted(out)


def _trie(strings) -> str:
    """A pattern matching the longest of `strings` that begins at a place."""
    root: dict = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a string ends here: longer ones first, else this one
            return f"(?:{body})?"
        return body

    return build(root)


@dataclass
class _Seen:
    ignorecase: bool  # some part of the pattern ignores case


@dataclass(frozen=True)
class _Info:
    """What is known of the strings a piece of pattern matches: all of them
    (`exact`, when few), strings one of which each starts with (`prefix`) or
    ends with (`suffix`), and strings one of which each contains (`req`)."""

    exact: Strings | None
    prefix: Strings
    suffix: Strings
    req: Strings | None

    def best(self) -> Strings | None:
        return _best([self.exact, self.req, self.prefix, self.suffix])


_NOTHING = _Info(None, _EMPTY, _EMPTY, None)
_EMPTY_MATCH = _Info(_EMPTY, _EMPTY, _EMPTY, None)


def _exactly(strings: Strings) -> _Info:
    return _Info(strings, strings, strings, None)


def _best(sets: list[Strings | None]) -> Strings | None:
    """The most selective usable set: the longest shortest string, then the fewest strings."""
    usable = [s for s in sets if s and "" not in s]
    if not usable:
        return None
    return max(usable, key=lambda s: (min(map(len, s)), -len(s)))


def _product(a: Strings, b: Strings) -> Strings | None:
    if len(a) * len(b) > _LIMIT:
        return None
    return frozenset(x + y for x in a for y in b)


def _then(a: _Info, b: _Info) -> _Info:
    """The info of `a` followed by `b`."""
    exact = _product(a.exact, b.exact) if a.exact is not None and b.exact is not None else None
    if exact is not None:
        return _exactly(exact)
    prefix = a.prefix
    if a.exact is not None:
        prefix = _product(a.exact, b.prefix) or a.exact
    suffix = b.suffix
    if b.exact is not None:
        suffix = _product(a.suffix, b.exact) or b.exact
    junction = _product(a.suffix, b.prefix)
    return _Info(None, prefix, suffix, _best([a.best(), b.best(), junction]))


def _sequence(items: list, seen: _Seen) -> _Info:
    info = _EMPTY_MATCH
    for item in items:
        info = _then(info, _item(item, seen))
    return info


def _item(item, seen: _Seen) -> _Info:
    op, av = item
    if op is _c.LITERAL:
        return _exactly(frozenset({chr(av)}))
    if op in _ZERO_WIDTH:
        return _EMPTY_MATCH
    if op is _c.IN:
        chars = _char_set(av)
        return _exactly(chars) if chars is not None else _NOTHING
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            seen.ignorecase = True
        return _sequence(list(sub), seen)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av), seen)
    if op is _c.BRANCH:
        return _branch([_sequence(list(alt), seen) for alt in av[1]])
    if op in _REPEATS:
        low, high, sub = av
        info = _sequence(list(sub), seen)
        if info.exact is not None and high <= 3:
            powers = _powers(info.exact, low, high)
            if powers is not None:
                return _exactly(powers)
        if low == 0:
            return _NOTHING
        return _Info(None, info.prefix, info.suffix, info.best())
    return _NOTHING


def _starts(items: list, seen: _Seen) -> tuple[Strings | None, bool]:
    """(heads, nullable) of a sequence: every match that is not empty begins
    with one of `heads` (None: not known); `nullable`: it may match nothing."""
    run: Strings = _EMPTY  # the leading items whose matches are known, joined
    i = 0
    while i < len(items):
        exact = _item(items[i], seen).exact
        joined = _product(run, exact) if exact is not None else None
        if joined is None:
            break
        run = joined
        i += 1
    if i == len(items):
        return frozenset(s for s in run if s), "" in run
    first, nullable = _item_starts(items[i], seen)
    if first is not None and not nullable:
        longer = _product(run, first)  # each match: a run, then a non-empty match of item i
        if longer is not None:
            return longer, False
    heads = frozenset(s for s in run if s)
    if "" not in run:
        return heads, False
    if first is None:
        return None, True
    if not nullable:
        return heads | first, False
    rest, rest_nullable = _starts(items[i + 1:], seen)
    if rest is None:
        return None, True
    return heads | first | rest, rest_nullable


def _at_start(items: list) -> bool:
    """Whether every match of the sequence begins at the start of the text (`^`, `\\A`)."""
    if not items:
        return False
    op, av = items[0]
    if op is _c.AT:
        return av in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)
    if op is _c.SUBPATTERN:
        return _at_start(list(av[3]))
    if op is _c.BRANCH:
        return all(_at_start(list(alt)) for alt in av[1])
    return False


def _item_starts(item, seen: _Seen) -> tuple[Strings | None, bool]:
    exact = _item(item, seen).exact
    if exact is not None:
        return frozenset(s for s in exact if s), "" in exact
    op, av = item
    if op is _c.SUBPATTERN:
        return _starts(list(av[3]), seen)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _starts(list(av), seen)
    if op is _c.BRANCH:
        alts = [_starts(list(alt), seen) for alt in av[1]]
        if any(heads is None for heads, _ in alts):
            return None, True
        return frozenset().union(*(heads for heads, _ in alts)), any(n for _, n in alts)
    if op in _REPEATS:
        low, _high, sub = av
        heads, nullable = _starts(list(sub), seen)
        return (None, True) if heads is None else (heads, nullable or low == 0)
    return None, True


def _powers(exact: Strings, low: int, high: int) -> Strings | None:
    """What `low` to `high` repetitions of `exact` match, when few."""
    out: set[str] = set()
    power: Strings | None = _EMPTY
    for k in range(high + 1):
        if k >= low:
            out |= power
        if k < high:
            power = _product(power, exact)
            if power is None:
                return None
    return frozenset(out) if len(out) <= _LIMIT else None


def _branch(alts: list[_Info]) -> _Info:
    if all(a.exact is not None for a in alts):
        union = frozenset().union(*(a.exact for a in alts))
        if len(union) <= _LIMIT:
            return _exactly(union)
    prefix = frozenset().union(*(a.prefix for a in alts))
    suffix = frozenset().union(*(a.suffix for a in alts))
    each = [a.best() for a in alts]
    req = None if any(s is None for s in each) else frozenset().union(*each)
    return _Info(None, prefix if len(prefix) <= _LIMIT else _EMPTY,
                 suffix if len(suffix) <= _LIMIT else _EMPTY, req)


def _char_set(items) -> Strings | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 16:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, categories, wide ranges
            return None
    return frozenset(chars) if 0 < len(chars) <= _LIMIT else None
