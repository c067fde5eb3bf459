"""Terminal rendering of one stored article for ``communique show``.

In: a ``Document`` loaded from the store. Out: the cleaned text with actor
mentions, time expressions and quotes marked, followed by tables of its events
and quotes, each with the evidence offsets that tie it to the text.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from communique.model import Document

# Styles by layer; later layers are applied on top, so a quoted mention shows both.
QUOTE_STYLE = "italic green"
TIMEX_STYLE = "bold magenta"
MENTION_STYLE = "bold cyan"


def marked_text(document: Document) -> Text:
    text = Text(document.text)
    for quote in document.quotes:
        text.stylize(QUOTE_STYLE, quote.start, quote.end)
    for timex in document.timexes:
        text.stylize(TIMEX_STYLE, timex.start, timex.end)
    for mention in document.mentions:
        text.stylize(MENTION_STYLE, mention.start, mention.end)
    return text


def render_document(document: Document, console: Console) -> None:
    names = {actor.id: actor.name for actor in document.actors}
    head = " · ".join(
        part
        for part in (document.title, document.outlet, document.published, document.file)
        if part
    )
    console.rule(head)
    console.print(f"article {document.id}", highlight=False)
    console.print(
        Text.assemble(
            ("actors ", MENTION_STYLE), ("dates ", TIMEX_STYLE), ("quotes", QUOTE_STYLE), "\n"
        )
    )
    console.print(marked_text(document))
    if document.events:
        table = Table(
            "id", "type", "cameo", "source", "target", "date", "place", "salience", "evidence"
        )
        for event in document.events:
            table.add_row(
                event.id.rsplit(":", 1)[-1],
                event.type + (" (not)" if event.negated else ""),
                event.cameo or "",
                names.get(event.source_id or "", event.source_id or ""),
                names.get(event.target_id or "", event.target_id or ""),
                (event.date or "") + (" (inferred)" if event.date_inferred else ""),
                event.location.name if event.location else "",
                event.salience,
                f"{event.evidence.start}-{event.evidence.end}",
            )
        console.print(table)
    if document.quotes:
        table = Table("id", "kind", "speaker", "text")
        for quote in document.quotes:
            table.add_row(
                quote.id.rsplit(":", 1)[-1],
                quote.kind,
                names.get(quote.speaker_id or "", quote.speaker_id or "?"),
                quote.text if len(quote.text) < 120 else quote.text[:117] + "...",
            )
        console.print(table)
