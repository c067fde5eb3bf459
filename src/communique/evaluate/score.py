"""The scorer: gold annotations against exported system records, as flat figures.

In: a ``GoldSet`` (the ``gold/*.jsonl`` files) and ``SystemRecords`` (the
export-contract dicts of a store plus each article's cleaned text), both from
``communique.evaluate.records``. Out: a flat ``{"events.f1": 0.83, ...}`` dict
and a list of per-item errors (missed and spurious items, wrong speakers,
dates, places) for ``communique eval --errors``; a missed event names the
nearest unmatched system event stated at its evidence and what differs (type,
source, target). Pure functions: nothing is
read or run here; ``communique.evaluate.evaluate`` runs the pipeline first.

Definitions (the README of the evaluation set states the rules; where it is
silent, the choice is written here):

- Articles are aligned by file path relative to the articles folder (gold
  ``articles/004_x.txt`` = system ``004_x.txt``), falling back to the base name.
  Only system items of aligned articles are scored.
- Names match after ``normalise_name``: case and accents folded, hyphens and
  other punctuation read as spaces, and the Arabic article "al" dropped
  wherever it stands as a word, so "Khalil al-Hayya" = "Khalil Al Hayya" =
  "Khalil Hayya" = "KHALIL AL-HAYYA". An actor matches a gold name when its
  name or one of its aliases does (aliases from the record and from the
  ``actors`` export).
- Mentions: every occurrence of the gold string in the cleaned text (exact,
  else whitespace- and case-tolerant); resolved when a system mention
  overlapping one occurrence resolves to a matching actor. Strings not found
  count as unresolved and are reported.
- Quotes: token F1 (word tokens, case and accents folded) >= 0.5 within the
  same article, one-to-one, greedy by best overlap.
- Events: same article, type, and agreeing source and target (null matches
  only null; unordered for CONSULT), one-to-one, greedy preferring pairs that
  also agree on date, place and evidence. ``events.main.*`` counts a pair only
  when both sides are ``main``: precision over system ``main`` events, recall
  over gold ``main`` events, so a salience error costs on both sides. System
  events marked ``negated`` ("did not meet") state that nothing happened; the
  gold lists no such events, so they are left out on the system side.
- Dates compare the ``YYYY[-MM[-DD]]`` part (a time of day is dropped);
  locations compare normalised names; null = null is correct.
- Clusters: B-cubed over gold items. Event level: the items are all gold
  events (``article#id``); a gold event outside every gold cluster is a
  singleton; its system cluster is the ``cluster`` of its matched system event
  (unmatched or unclustered: a singleton). System events matched to no gold
  event do not take part. Story level: the items are the gold articles; the
  system story is the aligned article's ``story`` (null: a singleton).
- A ratio with a zero denominator is None (nothing to measure); F1 is 0.0
  when one side is 0 or None and the other is defined.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from communique.evaluate.match import (
    Names,
    align_articles,
    bcubed,
    by_article,
    date_part,
    find_occurrences,
    greedy,
    label,
    normalise_name,
    overlaps,
    prf,
    ratio,
    token_f1,
)
from communique.evaluate.records import GoldSet, Row, SystemRecords

Scores = dict[str, float | None]

# Spans of gold quotes and system quotes are the same quote when their word
# overlap F1 reaches this (README: "at least 0.5").
QUOTE_MIN_F1 = 0.5

SCORE_KEYS = (
    "mentions.accuracy",
    "quotes.precision",
    "quotes.recall",
    "quotes.f1",
    "quotes.speaker_accuracy",
    "events.precision",
    "events.recall",
    "events.f1",
    "events.date_accuracy",
    "events.location_accuracy",
    "events.main.precision",
    "events.main.recall",
    "events.main.f1",
    "clusters.event.precision",
    "clusters.event.recall",
    "clusters.event.f1",
    "clusters.story.precision",
    "clusters.story.recall",
    "clusters.story.f1",
    "timexes.found",
    "timexes.accuracy",
)


# ---------------------------------------------------------------------------
# the scorer


class _Scorer:
    def __init__(self, gold: GoldSet, system: SystemRecords) -> None:
        self.gold = gold
        self.system = system
        self.align = align_articles(gold.articles, system.articles)
        self.back = {s: g for g, s in self.align.items()}
        self.names = Names(system.actors)
        self.errors: list[Row] = []
        self.scores: Scores = dict.fromkeys(SCORE_KEYS)
        # gold "article#id" → system event id, filled by the event scorer
        self.event_match: dict[str, str] = {}
        for row in gold.articles:
            if row["id"] not in self.align:
                self.error(
                    "article", "missing", row["id"], f"no system article for {row.get('file')}"
                )

    def error(self, kind: str, error: str, article: str, text: str, **extra: Any) -> None:
        self.errors.append(
            {"kind": kind, "error": error, "article": article, "text": text, **extra}
        )

    def system_rows(self, rows: Iterable[Row]) -> dict[str, list[Row]]:
        """System rows of aligned articles, keyed by the gold article id."""
        return by_article(rows, lambda r: self.back.get(str(r.get("article"))))

    def spans_in(self, gold_article: str, needle: str) -> list[tuple[int, int]]:
        system_id = self.align.get(gold_article)
        text = self.system.texts.get(system_id, "") if system_id else ""
        return find_occurrences(text, needle)

    # -- mentions -----------------------------------------------------------

    def mentions(self, gold: list[Row]) -> None:
        found = self.system_rows(self.system.mentions)
        resolved = 0
        for row in gold:
            article = row["article"]
            spans = self.spans_in(article, row["mention"])
            if not spans:
                self.error("mention", "not-found", article, row["mention"], gold=row)
                continue
            hits = [
                m
                for m in found.get(article, [])
                if any(overlaps((m["start"], m["end"]), span) for span in spans)
            ]
            if any(self.names.match(m.get("actor"), row["actor"]) for m in hits):
                resolved += 1
                continue
            # Each wrong link with why it was made: the system span, the actor chosen,
            # the rule (mention kind) and its confidence, so errors can be grouped by cause.
            got = sorted(
                {
                    f"{m.get('text')!r} = {label(m.get('actor')) or '?'}"
                    f" [{m.get('kind') or '?'} {m.get('confidence', '?')}]"
                    for m in hits
                }
            )
            self.error(
                "mention",
                "unresolved" if hits else "missed",
                article,
                f"{row['mention']!r} → {row['actor']} (system: {'; '.join(got) or 'none'})",
                gold=row,
                system=[
                    {
                        "text": m.get("text"),
                        "actor": label(m.get("actor")),
                        "kind": m.get("kind"),
                        "confidence": m.get("confidence"),
                    }
                    for m in hits
                ],
            )
        self.scores["mentions.accuracy"] = ratio(resolved, len(gold))

    # -- quotes ---------------------------------------------------------------

    def quotes(self, gold: list[Row]) -> None:
        system = self.system_rows(self.system.quotes)
        gold_by = by_article(gold, lambda r: str(r["article"]))
        matched = speakers = n_system = 0
        for article in sorted(set(gold_by) | set(system)):
            golds, found = gold_by.get(article, []), system.get(article, [])
            n_system += len(found)
            pairs = []
            for g, grow in enumerate(golds):
                for s, srow in enumerate(found):
                    overlap = token_f1(grow["text"], srow["text"])
                    if overlap >= QUOTE_MIN_F1:
                        pairs.append((overlap, g, s))
            pairs_made = greedy(pairs)
            matched += len(pairs_made)
            for g, s in pairs_made:
                grow, srow = golds[g], found[s]
                if self.names.match(srow.get("speaker"), grow["speaker"]):
                    speakers += 1
                else:
                    got = label(srow.get("speaker"))
                    self.error(
                        "quote",
                        "wrong-speaker",
                        article,
                        f"{grow['text'][:60]!r}: {got} ≠ {grow['speaker']}",
                        gold=grow,
                        system=srow,
                    )
            gold_done = {g for g, _ in pairs_made}
            system_done = {s for _, s in pairs_made}
            for g, grow in enumerate(golds):
                if g not in gold_done:
                    self.error("quote", "missed", article, grow["text"][:120], gold=grow)
            for s, srow in enumerate(found):
                if s not in system_done:
                    self.error("quote", "spurious", article, srow["text"][:120], system=srow)
        p, r, f = prf(matched, n_system, len(gold))
        self.scores["quotes.precision"], self.scores["quotes.recall"], self.scores["quotes.f1"] = (
            p,
            r,
            f,
        )
        self.scores["quotes.speaker_accuracy"] = ratio(speakers, matched)

    # -- events ---------------------------------------------------------------

    def _agree(self, grow: Row, srow: Row) -> bool:
        kind = str(grow["type"]).upper()
        if str(srow.get("type") or "").upper() != kind:
            return False
        source, target = srow.get("source"), srow.get("target")
        if self.names.match(source, grow.get("source")) and self.names.match(
            target, grow.get("target")
        ):
            return True
        return (
            kind == "CONSULT"
            and self.names.match(target, grow.get("source"))
            and self.names.match(source, grow.get("target"))
        )

    def _location_ok(self, grow: Row, srow: Row) -> bool:
        place = srow.get("location")
        name = place.get("name") if isinstance(place, dict) else place
        if grow.get("location") is None or not name:
            return grow.get("location") is None and not name
        return normalise_name(str(name)) == normalise_name(str(grow["location"]))

    def _nearest_event(
        self, article: str, grow: Row, found: list[Row], taken: set[int]
    ) -> Row | None:
        """The unmatched system event whose evidence sentence overlaps a missed gold
        event's evidence, preferring the same type, then a shared source or target."""
        spans = self.spans_in(article, str(grow.get("evidence") or ""))
        if not spans:
            return None
        start, end = spans[0]
        best: tuple[float, int] | None = None
        for s, srow in enumerate(found):
            if s in taken:
                continue
            evidence = srow.get("evidence") or {}
            s_start, s_end = evidence.get("start"), evidence.get("end")
            if not isinstance(s_start, int) or not isinstance(s_end, int):
                continue
            if max(start, s_start) >= min(end, s_end):
                continue  # another sentence
            score = 1.0 * (str(srow.get("type") or "").upper() == str(grow["type"]).upper())
            score += 0.5 * self.names.match(srow.get("source"), grow.get("source"))
            score += 0.5 * self.names.match(srow.get("target"), grow.get("target"))
            if best is None or score > best[0]:
                best = (score, s)
        return found[best[1]] if best is not None else None

    def _event_difference(self, grow: Row, srow: Row) -> str:
        """What a system event got differently from a gold one: "type ACCUSE≠ASSAULT, ..."."""
        parts: list[str] = []
        kind = str(srow.get("type") or "")
        if kind.upper() != str(grow["type"]).upper():
            parts.append(f"type {kind}≠{grow['type']}")
        for role in ("source", "target"):
            if not self.names.match(srow.get(role), grow.get(role)):
                parts.append(f"{role} {label(srow.get(role))}≠{grow.get(role)}")
        same = "; ".join(parts) or "same type and actors"
        return f"{kind} {label(srow.get('source'))} → {label(srow.get('target'))} ({same})"

    def events(self, gold: list[Row]) -> None:
        system = self.system_rows(e for e in self.system.events if not e.get("negated"))
        gold_by = by_article(gold, lambda r: str(r["article"]))
        matched = main_matched = dates = places = 0
        n_system = n_system_main = 0
        for article in sorted(set(gold_by) | set(system)):
            golds, found = gold_by.get(article, []), system.get(article, [])
            n_system += len(found)
            n_system_main += sum(1 for s in found if s.get("salience") == "main")
            pairs = []
            for g, grow in enumerate(golds):
                for s, srow in enumerate(found):
                    if self._agree(grow, srow):
                        # prefer, among equally typed pairs, the one that also agrees on
                        # date, then place, then evidence ("2012" and "2014" truces)
                        same_date = date_part(grow.get("date")) == date_part(srow.get("date"))
                        evidence = (srow.get("evidence") or {}).get("text", "")
                        bonus = 0.5 * same_date + 0.25 * self._location_ok(grow, srow)
                        bonus += 0.2 * token_f1(grow.get("evidence") or "", evidence)
                        pairs.append((1.0 + bonus, g, s))
            made = greedy(pairs)
            matched += len(made)
            for g, s in made:
                grow, srow = golds[g], found[s]
                self.event_match[f"{article}#{grow['id']}"] = str(srow["id"])
                main_matched += grow.get("salience") == "main" and srow.get("salience") == "main"
                what = f"{grow['id']} {grow['type']} {grow.get('source')} → {grow.get('target')}"
                if date_part(grow.get("date")) == date_part(srow.get("date")):
                    dates += 1
                else:
                    self.error(
                        "event",
                        "wrong-date",
                        article,
                        f"{what}: {srow.get('date')} ≠ {grow.get('date')}",
                        gold=grow,
                        system=srow,
                    )
                if self._location_ok(grow, srow):
                    places += 1
                else:
                    place = (srow.get("location") or {}).get("name")
                    self.error(
                        "event",
                        "wrong-location",
                        article,
                        f"{what}: {place} ≠ {grow.get('location')}",
                        gold=grow,
                        system=srow,
                    )
            gold_done = {g for g, _ in made}
            system_done = {s for _, s in made}
            for g, grow in enumerate(golds):
                if g not in gold_done:
                    text = (
                        f"{grow['id']} {grow['type']} {grow.get('source')} → {grow.get('target')}"
                        f" ({grow.get('salience')}): {str(grow.get('evidence'))[:80]!r}"
                    )
                    nearest = self._nearest_event(article, grow, found, system_done)
                    if nearest is not None:
                        text += f" — nearest: {self._event_difference(grow, nearest)}"
                    self.error("event", "missed", article, text, gold=grow, nearest=nearest)
            for s, srow in enumerate(found):
                if s not in system_done:
                    text = (
                        f"{srow.get('type')} {label(srow.get('source'))} →"
                        f" {label(srow.get('target'))} ({srow.get('salience')}):"
                        f" {str((srow.get('evidence') or {}).get('text'))[:80]!r}"
                    )
                    self.error("event", "spurious", article, text, system=srow)
        p, r, f = prf(matched, n_system, len(gold))
        self.scores.update({"events.precision": p, "events.recall": r, "events.f1": f})
        n_gold_main = sum(1 for g in gold if g.get("salience") == "main")
        p, r, f = prf(main_matched, n_system_main, n_gold_main)
        self.scores.update(
            {"events.main.precision": p, "events.main.recall": r, "events.main.f1": f}
        )
        self.scores["events.date_accuracy"] = ratio(dates, matched)
        self.scores["events.location_accuracy"] = ratio(places, matched)

    # -- clusters ---------------------------------------------------------------

    def clusters(self, gold: list[Row], gold_events: list[Row] | None) -> None:
        system_of: dict[str, dict[str, str]] = {"event": {}, "story": {}}
        for row in self.system.clusters:
            level = str(row.get("level"))
            for member in row.get("members") or []:
                system_of.setdefault(level, {}).setdefault(str(member), str(row["id"]))
        for row in self.system.events:
            if row.get("cluster"):
                system_of["event"][str(row["id"])] = str(row["cluster"])
        for row in self.system.articles:
            if row.get("story"):
                system_of["story"][str(row["id"])] = str(row["story"])

        # event level: items are gold events
        if gold_events is not None:
            items = [f"{row['article']}#{row['id']}" for row in gold_events]
            gold_labels = _gold_labels(items, gold, "event")
            system_labels = {
                item: system_of["event"].get(self.event_match.get(item, "")) for item in items
            }
            self._bcubed("event", gold_labels, system_labels)
        # story level: items are gold articles
        items = [str(row["id"]) for row in self.gold.articles]
        gold_labels = _gold_labels(items, gold, "story")
        system_labels = {item: system_of["story"].get(self.align.get(item, "")) for item in items}
        self._bcubed("story", gold_labels, system_labels)

    def _bcubed(
        self, level: str, gold: dict[str, str | None], system: dict[str, str | None]
    ) -> None:
        p, r, f = bcubed(gold, system)
        self.scores[f"clusters.{level}.precision"] = p
        self.scores[f"clusters.{level}.recall"] = r
        self.scores[f"clusters.{level}.f1"] = f
        for item in gold:
            same_gold = {i for i in gold if gold[i] is not None and gold[i] == gold[item]}
            same_system = {i for i in system if system[i] is not None and system[i] == system[item]}
            for other in sorted(same_gold - same_system - {item}):
                if item < other:
                    self.error("cluster", f"{level}-split", item.split("#")[0], f"{item} ≠ {other}")
            for other in sorted(same_system - same_gold - {item}):
                if item < other:
                    self.error(
                        "cluster", f"{level}-merged", item.split("#")[0], f"{item} = {other}"
                    )

    # -- timexes ---------------------------------------------------------------

    def timexes(self, gold: list[Row]) -> None:
        system = self.system_rows(self.system.timexes)
        found = correct = 0
        for row in gold:
            article = row["article"]
            spans = self.spans_in(article, row["text"])
            hits = [
                t
                for t in system.get(article, [])
                if any(overlaps((t["start"], t["end"]), span) for span in spans)
            ]
            if not hits:
                self.error(
                    "timex", "missed", article, f"{row['text']!r} = {row['value']}", gold=row
                )
                continue
            found += 1
            if any(date_part(t.get("value")) == date_part(row["value"]) for t in hits):
                correct += 1
            else:
                values = ", ".join(sorted(str(t.get("value")) for t in hits))
                self.error(
                    "timex", "wrong-value", article, f"{row['text']!r}: {values} ≠ {row['value']}"
                )
        self.scores["timexes.found"] = ratio(found, len(gold))
        self.scores["timexes.accuracy"] = ratio(correct, found)


def _gold_labels(items: Sequence[str], clusters: list[Row], level: str) -> dict[str, str | None]:
    labels: dict[str, str | None] = dict.fromkeys(items)
    for row in clusters:
        if row.get("level") != level:
            continue
        for member in row.get("members") or []:
            if member in labels and labels[member] is None:
                labels[member] = str(row["id"])
    return labels


def score_details(gold: GoldSet, system: SystemRecords) -> tuple[Scores, list[Row]]:
    """Every figure of ``SCORE_KEYS`` (None when its gold file is absent) and the error list."""
    scorer = _Scorer(gold, system)
    if gold.mentions is not None:
        scorer.mentions(gold.mentions)
    if gold.quotes is not None:
        scorer.quotes(gold.quotes)
    if gold.events is not None:
        scorer.events(gold.events)
    if gold.clusters is not None:
        scorer.clusters(gold.clusters, gold.events)
    if gold.timexes is not None:
        scorer.timexes(gold.timexes)
    return scorer.scores, scorer.errors


def score(gold: GoldSet, system: SystemRecords) -> Scores:
    """The flat score dict; see the module docstring for every definition."""
    return score_details(gold, system)[0]
