"""Building one ``Document`` from a text or an HTML page.

Place in the pipeline: called by the readers (``ingest.readers``) for every
article they find, and by ``communique.process`` for a single text. In: the
article as a string plus any metadata the caller knows. Out: a ``Document``
with cleaned ``text``, ``original``, ``offset_map``, title, outlet, date and
language, ready for analysis (``communique.nlp``) or flagged ``not-english``.

``Document.original`` is the text as read for plain text, and for HTML the
main text trafilatura extracted, before cleaning: offsets in ``offset_map``
point into that string.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

from communique.config import Settings
from communique.errors import InputError, Messages
from communique.ingest import metadata as meta
from communique.ingest.clean import Tracked, clean, cut, tidy
from communique.ingest.language import is_english
from communique.model import Document, content_id

log = logging.getLogger(__name__)

_ISO_PREFIX = re.compile(r"(\d{4}-\d{2}-\d{2})")
_HAS_WORD = re.compile(r"\w{2}")
_PAGE = re.compile(r"<html|<body|<!doctype", re.IGNORECASE)


def from_text(
    text: str,
    *,
    source: str,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    file: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """Clean a plain text and build its Document; explicit metadata wins over what the text says.

    Raises ``InputError`` C103 for text with NUL bytes, C102 when nothing is
    left after cleaning.
    """
    return build(
        text,
        source=source,
        explicit={"published": published, "outlet": outlet, "title": title, "url": url},
        file=file,
        settings=settings or Settings(),
    )


def from_html(
    html: str,
    *,
    source: str,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    file: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """Extract an HTML page's main text (trafilatura, dates by htmldate) and build its Document.

    Page metadata (``<title>``, site name, publication date, canonical URL)
    fills what the caller did not give; ``published_source`` is then "html".
    """
    if "\x00" in html:
        raise InputError(Messages.C103, source=source, detail="NUL bytes in HTML")
    import trafilatura

    if not _PAGE.search(html[:4096]):
        # a fragment (a feed entry's summary): trafilatura wants a whole page
        html = f"<html><body>{html}</body></html>"
    try:
        page = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # htmldate without its extensive text search: a date found anywhere
            # in the page text (a copyright year, a related story) is worse than none
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken pages
        raise InputError(
            Messages.C101, source=source, detail=f"HTML not parsable: {exc!r}"
        ) from exc
    text = getattr(page, "text", None) or ""
    if not text.strip():
        # trafilatura drops pages whose main text is short; its baseline keeps them
        text = trafilatura.baseline(html)[1] or ""
    if not text.strip():
        # libxml2 gives up below 256 nested elements (2,048 with huge_tree) and
        # returns an empty tree: such a page keeps its text through a parser
        # that does not nest at all (issue 15: 50,000 nested divs lost everything).
        text = flat_text(html)
    if not text.strip():
        raise InputError(Messages.C102, source=source)
    found = {
        "title": getattr(page, "title", None),
        "outlet": getattr(page, "sitename", None),
        "published": getattr(page, "date", None),
        "url": getattr(page, "url", None),
    }
    return build(
        text,
        source=source,
        explicit={"published": published, "outlet": outlet, "title": title, "url": url},
        file=file,
        settings=settings or Settings(),
        html=found,
    )


class _FlatText(HTMLParser):
    """Text of a page in document order, one paragraph per block element; no tree is built."""

    SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "nav"})
    BLOCKS = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
        | {"section", "article", "header", "footer", "pre", "table", "ul", "ol", "dd", "dt"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0  # depth inside elements whose text is not page text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def flat_text(html: str) -> str:
    """The page's text with blank lines between blocks, by a streaming parser (any depth)."""
    parser = _FlatText()
    parser.feed(html)
    parser.close()
    paragraphs = (" ".join(part.split()) for part in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def build(
    original: str,
    *,
    source: str,
    explicit: dict[str, str | None],
    file: str | None,
    settings: Settings,
    html: dict[str, Any] | None = None,
) -> Document:
    """Clean, find metadata, identify the language; the one place a Document is made."""
    if "\x00" in original:
        raise InputError(Messages.C103, source=source, detail="NUL bytes in text")
    tracked = Tracked(original)
    # A first cut before cleaning bounds the work on huge inputs; cleaning
    # only removes text (and adds a few spaces), so twice the limit is enough.
    tracked = cut(tracked, 2 * settings.max_chars)
    tracked = clean(tracked)
    found = meta.find(tracked.text)
    if found.remove:
        tracked = tidy(tracked.delete(found.remove))
    tracked = cut(tracked, settings.max_chars)
    if not _HAS_WORD.search(tracked.text):
        raise InputError(Messages.C102, source=source)
    html = html or {}

    published, published_source = _published(explicit.get("published"), html, found, source)
    outlet = (
        _clean_value(explicit.get("outlet"))
        or _clean_value(html.get("outlet"))
        or found.outlet
        or meta.copyright_outlet(original)
    )
    title = _clean_value(explicit.get("title")) or _clean_value(html.get("title")) or found.title
    url = _clean_value(explicit.get("url")) or _clean_value(html.get("url"))
    language, english = is_english(tracked.text, settings.min_english, settings.cache_dir)
    status = "analysed" if english else "not-english"
    return Document(
        id=content_id(tracked.text),
        file=file,
        url=url,
        outlet=outlet,
        published=published,
        published_source=published_source,
        title=title,
        language=language,
        status=status,
        text=tracked.text,
        original=original,
        offset_map=tracked.offset_map(),
    )


def _published(
    given: str | None, html: dict[str, Any], found: meta.Found, source: str
) -> tuple[str | None, Any]:
    value = normalise_date(given)
    if value:
        return value, "metadata"
    if isinstance(given, str) and given.strip():
        # Refused, not stored: an invalid date would be copied into every
        # event date resolved against it (issue 15). The article is kept; a
        # date the page or the text states is used instead, if any.
        log.warning(Messages.C110.format(source=source, value=given))
    value = normalise_date(html.get("published"))
    if value:
        return value, "html"
    if found.published:
        return found.published, "text"
    return None, "none"


def normalise_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp or a printed date; None if there is none.

    Only calendar dates: "2024-02-30" and "not-a-date" give None.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_PREFIX.match(value.strip())
    if match:
        try:
            return date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            return None
    parsed = meta.parse_date(value)
    return parsed[0] if parsed else None


def _clean_value(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
