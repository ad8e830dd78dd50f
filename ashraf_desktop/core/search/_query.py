"""The query language (docs/search.md): a small hand-written parser, so errors are found and explained.

Words are ANDed; ``AND``/``OR``/``NOT`` (upper case), ``-word``, parentheses, ``"phrases"``, ``word*``,
``word~``/``word~2``, and ``field:value`` for title, kind, tag, creator, publisher, lang, id, date and note. A query
that cannot be parsed never raises: :func:`parse` falls back to its plain words and says so in a notice.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from typing import Iterator, Union

from whoosh import query as wq

from ..archive import MAX_ORDINAL, MIN_ORDINAL, DateError, parse_date
from ._analysis import WORD_RE, fold_keyword, term_of, word_of
from ._expand import Expansion, expand

__all__ = ["Leaf", "DateLeaf", "Node", "Parsed", "parse", "to_whoosh", "highlight_spec", "leaves",
           "MAX_QUERY_CHARS", "MAX_TERMS", "TITLE_BOOST", "QueryError", "parse_date_range"]

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
MAX_DEPTH = 32  # parentheses
TITLE_BOOST = 2.5

FIELDS = {"title": "title", "kind": "kind", "tag": "tag", "tags": "tag", "creator": "creator",
          "author": "creator", "publisher": "publisher", "lang": "lang", "language": "lang", "id": "id",
          "date": "date", "note": "note", "notes": "note"}
TEXT_FIELDS = ("title", "creator", "publisher", "note")
KIND_ALIASES = {"document": "document", "documents": "document", "doc": "document", "docs": "document",
                "image": "image", "images": "image", "photo": "image", "photos": "image",
                "record": "record", "records": "record", "event": "event", "events": "event",
                "annotation": "annotation", "annotations": "annotation"}


class QueryError(ValueError):
    def __init__(self, pos: int, near: str, why: str = "") -> None:
        super().__init__(why or f"near {near!r}")
        self.pos = pos
        self.near = near


@dataclass
class Leaf:
    field: str | None  # None: title and content
    text: str
    phrase: bool = False
    op: str = ""  # "" | "prefix" | "fuzzy"
    dist: int = 1
    start: int = 0  # span of ``text`` in the query string
    end: int = 0


@dataclass
class DateLeaf:
    lo: int
    hi: int
    text: str


@dataclass
class Node:
    op: str  # "and" | "or" | "not"
    children: list["Tree"] = field(default_factory=list)


Tree = Union[Leaf, DateLeaf, Node]


@dataclass
class Parsed:
    tree: Tree | None  # None: empty query (browse)
    notices: list[str]
    fallback: bool = False


_SIMPLE_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@functools.lru_cache(maxsize=512)
def _span(text: str) -> tuple[int, int]:
    """Day bounds of one EDTF date; plain YYYY, YYYY-MM and YYYY-MM-DD without the (slow) edtf parser."""
    m = _SIMPLE_DATE.match(text.strip())
    if m:
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        try:
            if d:
                day = _dt.date(y, int(mo), int(d)).toordinal()
                return day, day
            if mo:
                month = int(mo)
                first = _dt.date(y, month, 1)
                last = _dt.date(y, 12, 31) if month == 12 else _dt.date(y, month + 1, 1) - _dt.timedelta(days=1)
                return first.toordinal(), last.toordinal()
            if y >= 1:
                return _dt.date(y, 1, 1).toordinal(), _dt.date(y, 12, 31).toordinal()
        except ValueError:
            pass
    span = parse_date(text)
    return span.lower, span.upper


def parse_date_range(text: str) -> tuple[int, int]:
    """``1986``, ``2009-07``, ``1986..2003``, ``..2003``, ``1986..``, or any EDTF interval → ordinal bounds."""
    value = text.strip()
    if ".." in value and "/" not in value:
        start, _, end = value.partition("..")
        lo = _span(start)[0] if start.strip() else MIN_ORDINAL
        hi = _span(end)[1] if end.strip() else MAX_ORDINAL
        if not start.strip() and not end.strip():
            raise DateError("empty date range")
    else:
        lo, hi = _span(value)
    if lo > hi:
        raise DateError(f"date range ends before it starts: {value!r}")
    return lo, hi


_SUFFIX = re.compile(r"~([0-9])?$")


def _leaf(fieldname: str | None, text: str, start: int, phrase: bool = False) -> Leaf | None:
    op, dist = "", 1
    if not phrase:
        m = _SUFFIX.search(text)
        if m:
            op, dist = "fuzzy", max(1, min(2, int(m.group(1) or 1)))
            text = text[:m.start()]
        elif text.endswith("*"):
            op = "prefix"
            text = text.rstrip("*")
    if not text.strip():
        return None
    return Leaf(fieldname, text, phrase, op, dist, start, start + len(text))


# Token kinds: "(", ")", "AND", "OR", "NOT", "TERM"
Tok = tuple[str, object, int]


def _lex(q: str, notices: list[str]) -> list[Tok]:
    toks: list[Tok] = []
    i, n, terms = 0, len(q), 0
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
            continue
        if terms >= MAX_TERMS:
            notices.append(f"The query was shortened to its first {MAX_TERMS} terms.")
            break
        if c in "()":
            toks.append((c, None, i))
            i += 1
            continue
        if c == '"':
            j = q.find('"', i + 1)
            if j < 0:
                raise QueryError(i, '"', "a quotation mark is not closed")
            leaf = _leaf(None, q[i + 1:j], i + 1, phrase=True)
            if leaf:
                toks.append(("TERM", leaf, i))
                terms += 1
            i = j + 1
            continue
        if c == "-" and i + 1 < n and not q[i + 1].isspace() and q[i + 1] not in "-)":
            toks.append(("NOT", None, i))
            i += 1
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] not in '()"':
            j += 1
        word = q[i:j]
        if word in ("AND", "OR", "NOT", "&&", "||"):
            toks.append(({"&&": "AND", "||": "OR"}.get(word, word), None, i))
            i = j
            continue
        m = re.match(r"([A-Za-z]+):(.*)$", word, re.S)
        if m and m.group(1).lower() in FIELDS:
            fname = FIELDS[m.group(1).lower()]
            rest = m.group(2)
            vstart = i + len(m.group(1)) + 1
            if not rest:
                if j < n and q[j] == '"':
                    k = q.find('"', j + 1)
                    if k < 0:
                        raise QueryError(j, '"', "a quotation mark is not closed")
                    if fname == "date":
                        rest, vstart, j = q[j + 1:k], j + 1, k + 1
                    else:
                        leaf = _leaf(fname, q[j + 1:k], j + 1, phrase=True)
                        if leaf:
                            toks.append(("TERM", leaf, i))
                            terms += 1
                        i = k + 1
                        continue
                else:
                    raise QueryError(i, word, f"'{word}' needs a value")
            if fname == "date":
                try:
                    lo, hi = parse_date_range(rest)
                except DateError:
                    notices.append(f"Date not understood: '{rest}' (write date:1986..2003 or date:2009-07)"
                                   " — it was left out.")
                else:
                    toks.append(("TERM", DateLeaf(lo, hi, rest), i))
                    terms += 1
            else:
                leaf = _leaf(fname, rest, vstart)
                if leaf:
                    toks.append(("TERM", leaf, i))
                    terms += 1
            i = j
            continue
        leaf = _leaf(None, word, i)
        if leaf:
            toks.append(("TERM", leaf, i))
            terms += 1
        i = j
    return toks


class _Parser:
    def __init__(self, q: str, toks: list[Tok]) -> None:
        self.q, self.toks, self.i = q, toks, 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.toks[self.i][0] if self.i < len(self.toks) else None

    def error(self) -> QueryError:
        if self.i < len(self.toks):
            kind, _, pos = self.toks[self.i]
            near = self.q[pos:pos + 12].split()[0] if self.q[pos:pos + 12].split() else kind
            return QueryError(pos, near)
        kind, _, pos = self.toks[-1]
        return QueryError(pos, self.q[pos:].strip()[:12] or kind)

    def parse(self) -> Tree | None:
        if not self.toks:
            return None
        tree = self.or_expr()
        if self.i < len(self.toks):
            raise self.error()
        return tree

    def or_expr(self) -> Tree:
        children = [self.and_expr()]
        while self.peek() == "OR":
            self.i += 1
            if self.peek() in (None, ")", "OR", "AND"):
                self.i -= 1
                raise self.error()
            children.append(self.and_expr())
        return children[0] if len(children) == 1 else Node("or", children)

    def and_expr(self) -> Tree:
        children = [self.unary()]
        while True:
            nxt = self.peek()
            if nxt == "AND":
                self.i += 1
                if self.peek() in (None, ")", "OR", "AND"):
                    self.i -= 1
                    raise self.error()
                children.append(self.unary())
            elif nxt in ("TERM", "(", "NOT"):
                children.append(self.unary())
            else:
                break
        return children[0] if len(children) == 1 else Node("and", children)

    def unary(self) -> Tree:
        kind = self.peek()
        if kind == "NOT":
            self.i += 1
            if self.peek() not in ("TERM", "(", "NOT"):
                self.i -= 1
                raise self.error()
            return Node("not", [self.unary()])
        if kind == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(self.toks[self.i][2], "(", "parentheses nested too deeply")
            self.i += 1
            if self.peek() == ")":
                raise self.error()
            inner = self.or_expr()
            self.depth -= 1
            if self.peek() != ")":
                raise QueryError(self.toks[self.i - 1][2] if self.i >= len(self.toks) else self.toks[self.i][2],
                                 "(", "a parenthesis is not closed")
            self.i += 1
            return inner
        if kind == "TERM":
            leaf = self.toks[self.i][1]
            self.i += 1
            return leaf  # type: ignore[return-value]
        raise self.error()


def _plain_words(q: str) -> Tree | None:
    words = [Leaf(None, m.group(), start=m.start(), end=m.end()) for m in WORD_RE.finditer(q)
             if m.group() not in ("AND", "OR", "NOT")][:MAX_TERMS]
    if not words:
        return None
    return words[0] if len(words) == 1 else Node("and", list(words))


def parse(query: str) -> Parsed:
    notices: list[str] = []
    q = query or ""
    if len(q) > MAX_QUERY_CHARS:
        cut = q.rfind(" ", 0, MAX_QUERY_CHARS)
        q = q[:cut if cut > MAX_QUERY_CHARS // 2 else MAX_QUERY_CHARS]
        notices.append(f"The query was shortened to its first {len(q)} characters.")
    try:
        toks = _lex(q, notices)
        tree = _Parser(q, toks).parse()
    except QueryError as exc:
        why = str(exc)
        near = exc.near if len(exc.near) <= 20 else exc.near[:20] + "…"
        detail = f" ({why})" if not why.startswith("near") else ""
        notices = [n for n in notices if not n.startswith("Date not understood")]
        notices.append(f"Query syntax not understood near '{near}'{detail} — searched the words instead.")
        return Parsed(_plain_words(q), notices, fallback=True)
    return Parsed(_prune(tree), notices)


def _prune(tree: Tree | None) -> Tree | None:
    if isinstance(tree, Node):
        kids = [k for k in (_prune(c) for c in tree.children) if k is not None]
        if not kids:
            return None
        if tree.op != "not" and len(kids) == 1:
            return kids[0]
        return Node(tree.op, kids)
    return tree


def leaves(tree: Tree | None, negated: bool = False) -> Iterator[tuple[Leaf | DateLeaf, bool]]:
    """Every leaf with whether it sits under a NOT."""
    if tree is None:
        return
    if isinstance(tree, Node):
        for child in tree.children:
            yield from leaves(child, negated ^ (tree.op == "not"))
    else:
        yield tree, negated


# --- to Whoosh -----------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w for w in (word_of(m.group()) for m in WORD_RE.finditer(text)) if w]


def _terms(text: str) -> list[str]:
    return [t for t in (term_of(m.group()) for m in WORD_RE.finditer(text)) if t]


def _text_field_query(fieldname: str, leaf: Leaf, boost: float = 1.0) -> wq.Query | None:
    if leaf.op in ("prefix", "fuzzy"):
        words = _words(leaf.text)
        if not words:
            return None
        *head, last = words
        last_q = Expansion(fieldname, last, leaf.op, leaf.dist, boost=boost)
        if not head:
            return last_q
        head_terms = [term_of(w) for w in head]
        return wq.And([_seq(fieldname, head_terms, boost), last_q])
    terms = _terms(leaf.text)
    if not terms:
        return None
    return _seq(fieldname, terms, boost)


def _seq(fieldname: str, terms: list[str], boost: float) -> wq.Query:
    if len(terms) == 1:
        return wq.Term(fieldname, terms[0], boost=boost)
    return wq.Phrase(fieldname, terms, boost=boost)


def _leaf_query(leaf: Leaf | DateLeaf) -> wq.Query | None:
    if isinstance(leaf, DateLeaf):
        return wq.And([wq.NumericRange("date_lo", None, leaf.hi), wq.NumericRange("date_hi", leaf.lo, None)])
    f = leaf.field
    if f is None:
        qs = [q for q in (_text_field_query("title", leaf, TITLE_BOOST), _text_field_query("content", leaf))
              if q is not None]
        return wq.Or(qs) if qs else None
    if f in TEXT_FIELDS:
        return _text_field_query(f, leaf)
    value = fold_keyword(leaf.text)
    if not value:
        return None
    if f == "kind":
        value = KIND_ALIASES.get(value, value)
    if f == "id":  # ids are looked up in the unique ``key`` field ("item:<id>" / "event:<id>")
        value = leaf.text.strip().lower()
        parts = []
        for head in ("item:", "event:"):
            if leaf.op == "prefix":
                parts.append(wq.Prefix("key", head + value))
            elif leaf.op == "fuzzy":
                parts.append(wq.FuzzyTerm("key", head + value, maxdist=leaf.dist, prefixlength=len(head) + 1))
            else:
                parts.append(wq.Term("key", head + value))
        return wq.Or(parts)
    if leaf.op == "prefix":
        return wq.Prefix(f, value)
    if leaf.op == "fuzzy":
        return wq.FuzzyTerm(f, value, maxdist=leaf.dist, prefixlength=1)
    return wq.Term(f, value)


def to_whoosh(tree: Tree | None) -> wq.Query:
    if tree is None:
        return wq.Every()
    if isinstance(tree, (Leaf, DateLeaf)):
        return _leaf_query(tree) or wq.NullQuery
    if tree.op == "not":
        return wq.AndNot(wq.Every(), to_whoosh(tree.children[0]))
    if tree.op == "or":
        kids = [to_whoosh(c) for c in tree.children]
        return wq.Or(kids)
    pos = [to_whoosh(c) for c in tree.children if not (isinstance(c, Node) and c.op == "not")]
    neg = [to_whoosh(c.children[0]) for c in tree.children if isinstance(c, Node) and c.op == "not"]
    positive = wq.And(pos) if len(pos) > 1 else (pos[0] if pos else wq.Every())
    if neg:
        return wq.AndNot(positive, wq.Or(neg) if len(neg) > 1 else neg[0])
    return positive


@dataclass
class HighlightSpec:
    terms: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]

    def __bool__(self) -> bool:
        return bool(self.terms or self.phrases)


def highlight_spec(tree: Tree | None, reader=None, fields: tuple = (None, "title")) -> HighlightSpec:
    """What to mark in an item's text: terms and phrases of the positive default/title leaves (``fields``
    adds others, e.g. ``note`` for the snippet of an annotation)."""
    terms: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for leaf, negated in leaves(tree):
        if negated or not isinstance(leaf, Leaf) or leaf.field not in fields:
            continue
        if leaf.op in ("prefix", "fuzzy"):
            words = _words(leaf.text)
            if not words:
                continue
            terms.update(term_of(w) for w in words[:-1])
            if reader is not None:
                terms.update(b.decode("utf-8") for b in expand(reader, "content", words[-1], leaf.op, leaf.dist))
            continue
        seq = _terms(leaf.text)
        if len(seq) == 1:
            terms.add(seq[0])
        elif seq:
            phrases.append(tuple(seq))
    return HighlightSpec(frozenset(terms), tuple(phrases))
