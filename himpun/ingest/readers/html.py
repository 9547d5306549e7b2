"""HTML news pages and saved web pages.

BeautifulSoup removes the page furniture that main-text extraction tends to
keep (scripts, forms, "Baca juga" links, related-article and comment blocks);
trafilatura then picks the article body. When it finds none, the body's
block text is used. Page metadata (title, canonical URL, publication date)
comes from the head.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

import trafilatura
from trafilatura.settings import Extractor
from bs4 import BeautifulSoup, Comment, Tag, UnicodeDammit

from himpun.errors import FileError
from himpun.ingest.chrome import is_chrome_line
from himpun.ingest.readers import ReadResult
from himpun.records import Page

_DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "nav", "footer", "aside",
              "button", "svg", "select", "input", "textarea", "template")
_CHROME_ATTR = re.compile(
    r"related|terkait|comment|komentar|share|social|breadcrumb|advert|iklan|sidebar|"
    r"popular|terpopuler|newsletter|subscribe|baca-?juga|read-?also|recommend|tag-?list|\btags\b",
    re.I,
)
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section",
           "article", "blockquote", "pre", "td", "dd", "dt")


def read_html(path: Path, data: bytes) -> ReadResult:
    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is None:
        raise FileError(str(path), "cannot decode HTML (unknown character encoding)")
    soup = BeautifulSoup(dammit.unicode_markup, "lxml")
    meta = _metadata(soup)
    _strip_furniture(soup)
    _definition_tables(soup)
    cleaned = str(soup)
    text = trafilatura.extract(cleaned, options=_extractor()) or ""
    if len(text.strip()) < 200:
        fallback = _block_text(soup)
        if len(fallback.strip()) > len(text.strip()):
            text = fallback
    text = text.strip()
    if not text:
        raise FileError(str(path), "HTML page has no readable text")
    return ReadResult(format="html", pages=[Page(1, text)], title=meta.get("title"),
                      url=meta.get("url"), published=meta.get("published"), article=meta["article"])


def _definition_tables(soup: BeautifulSoup) -> None:
    """A table whose every row is a name and its value (`<tr><th>Penandatangan</th><td>Wali Kota Denpasar</td>`, a
    JDIH page's metadata) becomes one paragraph a row, "Penandatangan: Wali Kota Denpasar": read as a table,
    its first row would head the others' cells."""
    for table in soup.find_all("table"):
        rows = table.find_all("tr")
        cells = [r.find_all(["th", "td"], recursive=False) for r in rows]
        if len(rows) < 2 or not all(len(c) == 2 and c[0].name == "th" and c[1].name == "td" for c in cells):
            continue
        box = soup.new_tag("div")
        for name, value in cells:
            para = soup.new_tag("p")
            para.string = f"{name.get_text(' ', strip=True).rstrip(':')}: {value.get_text(' ', strip=True)}"
            box.append(para)
        table.replace_with(box)


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    """trafilatura's options, made once (extract() would make them, from its configuration, for
    every page: 0.5 ms of the 3.9 a page took to read); trafilatura copies them, never changes them."""
    return Extractor(comments=False, tables=True, dedup=False, recall=True)


def _metadata(soup: BeautifulSoup) -> dict:
    metas = soup.find_all("meta")  # in document order: every tag soup.find("meta", attrs=...) can return

    def meta(*names: str) -> str | None:
        for n in names:
            tag = _first(metas, "property", n) or _first(metas, "name", n)
            if tag and tag.get("content"):
                return tag["content"].strip()
        return None

    title = meta("og:title", "twitter:title")
    if not title:
        h1 = soup.find("h1")
        title = h1.get_text(" ", strip=True) if h1 else None
    if not title and soup.title:
        title = soup.title.get_text(" ", strip=True)
    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if canonical else None) or meta("og:url")
    published = meta("article:published_time", "og:published_time", "pubdate", "date",
                     "publishdate", "content_PublishedDate")
    if published:
        m = re.match(r"(\d{4}-\d{2}-\d{2})", published)
        published = m.group(1) if m else None
    article = bool(published) or (meta("og:type") or "").lower() == "article"
    return {"title": title or None, "url": url, "published": published or _embedded_date(soup), "article": article}


# the publication date in a page's embedded data, where its head has none: schema.org's JSON-LD ("datePublished":
# "2024-10-18T...", else a video's "uploadDate", else "dateCreated"), else the article's own time stamp in its markup,
# else a post's time in a platform's state data ("createTime":"1729229400", seconds or milliseconds since 1970; the
# post's own, under "itemStruct", where it says); JSON escaped inside a string (\"datePublished\":\"...) as well
_LD_DATES = [re.compile(r'\\?"%s\\?"\s*:\s*\\?"(\d{4}-\d{2}-\d{2})' % key) for key in ("datePublished", "uploadDate", "dateCreated")]
_EPOCH = re.compile(r'\\?"(?:createTime|create_time|taken_at_timestamp)\\?"\s*:\s*\\?"?(1[0-9]{9}(?:[0-9]{3})?)\b')
_POST = re.compile(r'\\?"(?:itemStruct|shortcode_media|post)\\?"\s*:')
_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")
_EPOCH_VALUE = re.compile(r"^1[0-9]{9}(?:[0-9]{3})?$")
_WIB = timezone(timedelta(hours=7))  # (a post's day where it was made: Indonesia's western time, the commonest)


def _day_of(epoch: str) -> str:
    """The day of a time stamp in seconds or milliseconds since 1970, in Indonesia's western time."""
    return datetime.fromtimestamp(int(epoch[:10]), _WIB).date().isoformat()


def _embedded_date(soup: BeautifulSoup) -> str | None:
    data = [script.string or "" for script in soup.find_all("script")]
    for rx in _LD_DATES:
        for text in data:
            m = rx.search(text)
            if m:
                return m.group(1)
    # (then the post's or article's own stamp, HTML5's <time datetime="2024-09-09T10:15"> or Facebook's <abbr
    # data-utime="1725848100">: inside its <article> when there is one, not a menu's or a comment's)
    scope = soup.find("article") or soup
    stamp = scope.find("time", attrs={"datetime": _ISO_START}) or scope.find("abbr", attrs={"data-utime": _EPOCH_VALUE})
    if stamp is not None:
        if stamp.name == "time":
            return _ISO_START.search(stamp["datetime"]).group(0)
        return _day_of(stamp["data-utime"])
    for text in data:
        post = _POST.search(text)
        m = (post and _EPOCH.search(text, post.end())) or _EPOCH.search(text)
        if m:
            return _day_of(m.group(1))
    return None


def _first(tags: list, attr: str, value: str):
    """The first of `tags` whose `attr` is `value`, as bs4 matches an attribute
    filter with a string (a multi-valued attribute by any of its values or all of them)."""
    for tag in tags:
        have = tag.get(attr)
        if have == value or (isinstance(have, list) and (value in have or " ".join(have) == value)):
            return tag
    return None


def _strip_furniture(soup: BeautifulSoup) -> None:
    comments, dropped, tags = _walk(soup)
    for c in comments:
        c.extract()
    for tag in dropped:
        tag.decompose()
    odd = any(tag.name == "_decomposed" for tag in tags)
    for tag in tags:
        if _decomposed(tag, odd) or tag.name in ("html", "body", "article", "main"):
            continue
        attrs = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        if attrs.strip() and _CHROME_ATTR.search(attrs):
            tag.decompose()
    for tag in tags:
        if tag.name not in _CHROME_BLOCKS or _decomposed(tag, odd):
            continue
        text = tag.get_text(" ", strip=True)
        if text and len(text) < 300 and is_chrome_line(text):
            tag.decompose()


_CHROME_BLOCKS = frozenset(("p", "div", "span", "strong", "b", "li", "h2", "h3", "h4", "a"))
_DROP = frozenset(_DROP_TAGS)


def _walk(soup: BeautifulSoup) -> tuple[list, list, list]:
    """One walk of the tree in document order, instead of one search of it per kind of furniture:
    its comments and tags to drop (outside the tags to drop), and every other tag. The tags are
    what `soup.find_all(True)` gives once the first two are gone."""
    comments, dropped, tags = [], [], []
    stack = list(reversed(soup.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag):
            if node.name in _DROP:
                dropped.append(node)
                continue
            tags.append(node)
            stack.extend(reversed(node.contents))
        elif isinstance(node, Comment):
            comments.append(node)
    return comments, dropped, tags


def _decomposed(tag, odd: bool) -> bool:
    """`tag.decomposed` without its cost: for a tag still in the tree bs4
    looks the missing `_decomposed` attribute up as a child tag, a search of
    the whole subtree that finds something only on a page with a tag of that
    name (`odd`)."""
    return bool(tag.decomposed) if odd else bool(vars(tag).get("_decomposed", False))


def _block_text(soup: BeautifulSoup) -> str:
    body = soup.body or soup
    for tag in body.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [" ".join(line.split()) for line in body.get_text().split("\n")]
    return "\n".join(line for line in lines if line)
