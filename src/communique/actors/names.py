"""Name normalisation shared by the KB builder, the KB index and the resolver.

In: any surface string (a KB name or alias, a span of article text). Out:
lookup keys. ``key`` is the case-, accent-, hyphen- and "al-"-insensitive form
the eval README scores with; ``skeleton`` is a looser consonant key that makes
common transliteration variants of Arabic/Persian names meet (Qalibaf /
Ghalibaf, Soleimani / Suleimani, Haniyeh / Haniya, Ahmadian / Ahmadiyan).
``strip_honorifics`` removes titles and forms of address ("His Eminence
Ayatollah", "Lieutenant General", "Dr.") before a name is looked up.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from communique.actors.kb import KnowledgeBase
    from communique.model import Actor

# Particles that transliterations write with or without ("al-Hayya" = "Hayya"): "al"/"el"
# as words, the assimilated forms only when hyphenated ("as-Sadr", "ad-Din").
_PARTICLES = frozenset({"al", "el"})
_HYPHEN_PARTICLE = re.compile(r"\b(?:al|el|as|ad|ar|at|az|an|ash|ul|ud)-(?=\w)", re.IGNORECASE)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "´": "'"})

# Titles and forms of address that precede names; stripped before lookup.
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "doctor",
        "prof",
        "professor",
        "sheikh",
        "shaikh",
        "shaykh",
        "sheik",
        "sayyed",
        "seyyed",
        "sayyid",
        "seyed",
        "sayed",
        "syed",
        "sayyida",
        "hojatoleslam",
        "hojjatoleslam",
        "hojatolislam",
        "hujjat",
        "ayatollah",
        "ayatullah",
        "grand",
        "imam",
        "mullah",
        "mulla",
        "maulana",
        "mawlana",
        "allama",
        "his",
        "her",
        "your",
        "their",
        "eminence",
        "excellency",
        "majesty",
        "highness",
        "holiness",
        "honourable",
        "honorable",
        "right",
        "rev",
        "reverend",
        "father",
        "pope",
        "cardinal",
        "archbishop",
        "bishop",
        "rabbi",
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "general",
        "gen",
        "lieutenant",
        "lt",
        "major",
        "maj",
        "brigadier",
        "brig",
        "colonel",
        "col",
        "captain",
        "capt",
        "commander",
        "cmdr",
        "admiral",
        "adm",
        "marshal",
        "field",
        "sergeant",
        "sgt",
        "corporal",
        "private",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "amir",
        "sultan",
        "crown",
        "sir",
        "lord",
        "dame",
        "lady",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "judge",
        "justice",
        "secretary",
        "deputy",
        "ambassador",
        "martyr",
        "shahid",
        "late",
        "former",
        "acting",
        "speaker",
        "chairman",
        "chief",
        "mp",
        "haji",
        "hajj",
    ]
)
# Honorifics that are only stripped when a name follows (they are also words).
_ABBREV_DOT = re.compile(r"\.(?=\s|$)")


# Letters NFKD leaves whole, with their plain-letter spelling (both cases).
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D",
     "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th"}
)  # fmt: skip


def ascii_fold(text: str) -> str:
    """Drop diacritics: "Macron" stays, "Erdoğan" → "Erdogan", "Türk" → "Turk"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.translate(_UNDECOMPOSED)


def words(text: str) -> list[str]:
    """Lower-case ASCII words with possessives and "al-"-style particles removed."""
    text = _HYPHEN_PARTICLE.sub(" ", ascii_fold(text)).lower()
    text = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group(0) == "'s" else "s", text)
    out = [w for w in _NON_WORD.split(text.replace("'", "")) if w]
    return [w for w in out if w not in _PARTICLES] or out


@lru_cache(maxsize=131072)
def key(text: str) -> str:
    """The lookup key: "Khalil Al-Hayya’s" and "khalil al hayya" → "khalil hayya"."""
    return " ".join(words(text))


_SKELETON_RULES = [
    (re.compile(r"(?:eh|ah)\b"), "a"),
    (re.compile(r"gh|q|kh|ck|c(?=[aou])"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"dh|th(?=[aeiou])"), "z"),
    (re.compile(r"ou|oo"), "u"),
]


def skeleton(text: str) -> str:
    """A consonant key for transliteration variants; empty when too short to be safe.

    Vowels, y and w are dropped after the first letter and doubled letters
    collapse, so "Qassem Soleimani" and "Qasem Suleimani" share "ksm slmn".
    Each word keeps its first letter class so that short words do not vanish.
    """
    out: list[str] = []
    for word in words(text):
        for pattern, repl in _SKELETON_RULES:
            word = pattern.sub(repl, word)
        head, tail = word[:1], re.sub(r"[aeiouyw]", "", word[1:])
        if head in "aeiou":
            head = "a"
        squeezed = re.sub(r"(.)\1+", r"\1", head + tail)
        out.append(squeezed)
    result = " ".join(out)
    return result if len(result.replace(" ", "")) >= 4 else ""


def strip_honorifics(text: str) -> str:
    """Remove leading titles and forms of address: "His Eminence Ayatollah Khamenei" → "Khamenei".

    Titles are only removed while at least one word remains, so "Imam" alone
    stays "Imam".
    """
    tokens = _ABBREV_DOT.sub("", text).split()
    while len(tokens) > 1 and key(tokens[0]) in HONORIFICS | {"the", "of", "a", "an", ""}:
        tokens.pop(0)
    return " ".join(tokens)


def slug(text: str) -> str:
    """A stable id from a name: "Mohammad Bagher Ghalibaf" → "mohammad-bagher-ghalibaf"."""
    return "-".join(_NON_WORD.split(ascii_fold(text).lower().replace("'", ""))).strip("-")


# Word-by-word spelling agreement of transliteration variants (``transliterations``).
_SPELLING = 0.7


def transliterations(kb: KnowledgeBase, name: str) -> list[Actor]:
    """KB people whose name is a transliteration variant of ``name`` (Tavakoli / Tavakkoli).

    The consonant skeleton alone also pairs different people ("Daniel Moor" / "Daniel
    Mayer", "Samir Nour" / "Samir Naira"), so each word must also be spelled nearly alike
    (difflib ratio ≥ 0.7: Tavakoli/Tavakkoli 0.94, Taheri/Tahiri 0.83, Moor/Mayer 0.44).
    """
    words = key(name).split()
    out = []
    for actor in kb.lookup_skeleton(name):
        theirs = key(actor.name).split()
        if len(theirs) == len(words) and all(
            difflib.SequenceMatcher(None, a, b).ratio() >= _SPELLING
            for a, b in zip(words, theirs, strict=True)
        ):
            out.append(actor)
    return out
