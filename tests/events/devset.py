"""Score the events stage on the development gold (../shared/eval), apart from the actors stage.

Mentions come from ``gold/mentions.jsonl`` (each gold mention string, wherever
it occurs, resolves to its gold actor; he/she/his/her to the last person
named), so that the figures measure trigger, argument, date, place and
salience logic rather than actor resolution. Timexes and quotes come from the
real dates and quotes stages. Scoring follows the README: type, source and
target agree (unordered for CONSULT), one-to-one; date and location accuracy
over matched pairs.

Run: ``.venv/bin/python tests/events/devset.py`` (prints the figures as JSON).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from communique.model import Document, Event, Mention

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
PRONOUNS = {"he", "she", "his", "her", "him"}


def _jsonl(name: str) -> list[dict[str, Any]]:
    with (EVAL / "gold" / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_mentions(doc: Any, text: str, rows: list[dict[str, Any]]) -> list[Mention]:
    spans: list[tuple[int, int, str]] = []
    for row in sorted(rows, key=lambda r: -len(r["mention"])):
        for match in re.finditer(re.escape(row["mention"]), text):
            if not any(s < match.end() and match.start() < e for s, e, _ in spans):
                spans.append((match.start(), match.end(), row["actor"]))
    persons = {r["actor"] for r in rows if len(r["actor"].split()) >= 2}
    named = list(spans)
    for token in doc:
        if token.lower_ in PRONOUNS and not any(s <= token.idx < e for s, e, _ in named):
            before = [s for s in named if s[1] <= token.idx and s[2] in persons]
            if before:
                last = max(before, key=lambda s: s[1])
                spans.append((token.idx, token.idx + len(token), last[2]))
    return [Mention(start=s, end=e, text=text[s:e], actor_id=a) for s, e, a in sorted(spans)]


def analyse_article(
    nlp: Any, context: Any, article: dict[str, Any], mentions: list[dict[str, Any]]
) -> Document:
    from communique.dates import find_timexes
    from communique.events import extract_events
    from communique.nlp import sentences
    from communique.quotes import extract_quotes

    text = (EVAL / article["file"]).read_text(encoding="utf-8")
    doc = nlp(text)
    document = Document(id=article["id"], text=text, original=text, published=article["published"])
    document.sentences = sentences(doc)
    find_timexes(doc, document, context)
    document.mentions = gold_mentions(
        doc, text, [m for m in mentions if m["article"] == article["id"]]
    )
    try:
        extract_quotes(doc, document, context)
    except Exception:
        document.quotes = []
    extract_events(doc, document, context)
    return document


def _key(event_type: str, source: str | None, target: str | None) -> tuple[Any, ...]:
    if event_type == "CONSULT":
        return (event_type, frozenset(x for x in (source, target) if x))
    return (event_type, source, target)


def score(documents: list[Document], gold: list[dict[str, Any]]) -> dict[str, Any]:
    def prf(system: list[tuple[str, Event]], wanted: list[dict[str, Any]]) -> dict[str, float]:
        pairs = []
        used: set[int] = set()
        for g in wanted:
            for n, (article, event) in enumerate(system):
                if n in used or article != g["article"]:
                    continue
                if _key(event.type, event.source_id, event.target_id) == _key(
                    g["type"], g["source"], g["target"]
                ):
                    used.add(n)
                    pairs.append((g, event))
                    break
        p = len(pairs) / len(system) if system else 0.0
        r = len(pairs) / len(wanted) if wanted else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        dates = sum(g["date"] == e.date for g, e in pairs)
        places = sum(g["location"] == (e.location.name if e.location else None) for g, e in pairs)
        return {
            "system": len(system), "gold": len(wanted), "matched": len(pairs),
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "date_accuracy": round(dates / len(pairs), 3) if pairs else 0.0,
            "location_accuracy": round(places / len(pairs), 3) if pairs else 0.0,
        }  # fmt: skip

    system = [(d.id, e) for d in documents for e in d.events if not e.negated]
    main_system = [(a, e) for a, e in system if e.salience == "main"]
    return {
        "all": prf(system, gold),
        "main": prf(main_system, [g for g in gold if g["salience"] == "main"]),
    }


def run(nlp: Any, context: Any) -> tuple[dict[str, Any], list[Document]]:
    mentions = _jsonl("mentions.jsonl")
    documents = [analyse_article(nlp, context, a, mentions) for a in _jsonl("articles.jsonl")]
    return score(documents, _jsonl("events.jsonl")), documents


def run_pipeline(context: Any) -> tuple[dict[str, Any], list[Document]]:
    """The same scoring through the whole pipeline (real actors stage): actor ids → names."""
    from communique.pipeline import process

    documents = []
    for article in _jsonl("articles.jsonl"):
        text = (EVAL / article["file"]).read_text(encoding="utf-8")
        document = process(text, published=article["published"], context=context)
        names = {a.id: a.name for a in document.actors}
        for event in document.events:
            for field in ("source_id", "target_id"):
                actor_id = getattr(event, field)
                if actor_id and actor_id not in names:
                    known = context.kb.get(actor_id)
                    names[actor_id] = known.name if known else actor_id
                setattr(event, field, names.get(actor_id) if actor_id else None)
        document.id = article["id"]
        documents.append(document)
    return score(documents, _jsonl("events.jsonl")), documents


def main() -> None:
    from communique import nlp as analysis
    from communique.config import Settings
    from communique.stages import Context

    settings = Settings()
    context = Context.load(settings)
    if "--pipeline" in sys.argv:
        figures, documents = run_pipeline(context)
    else:
        figures, documents = run(analysis.load(settings.spacy_model), context)
    if "-v" in sys.argv:
        for document in documents:
            for e in document.events:
                where = e.location.name if e.location else None
                flags = ("NEG" if e.negated else "", e.modality or "")
                print(document.id, e.type, e.source_id, "->", e.target_id, e.date, where)
                print("   ", e.salience, *flags, "|", e.trigger, "|", e.evidence.text[:90])
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
