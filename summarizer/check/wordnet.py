"""English synonyms from Princeton WordNet 3.0 (Debian's ``wordnet-base``, read from /usr/share/wordnet).

A French word's dictionary gives one or two English renderings ("gérer" → manage); a translator
may write another ("run"). Two English words are synonyms here when they share one of the first
``SENSES`` senses of either (WordNet orders a word's senses by frequency): rare senses make
nearly any two verbs synonyms ("run" has 41).

The synset offset in an index file is the byte offset of the synset's line in the data file, so a
lookup reads one line; only the four index files are read whole (~6 MB, once).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
SENSES = 3
_POS = ("noun", "verb", "adj", "adv")


def available() -> bool:
    """Whether WordNet's files are installed and in use."""
    return bool(_index())


@cache
def _index() -> dict[str, tuple[tuple[str, int], ...]]:
    """Lemma → (part of speech, synset offset) of its first senses."""
    if os.environ.get("SUMMARIZER_NO_SYSTEM_DICTS") or not (WORDNET / "index.verb").is_file():
        return {}
    out: dict[str, list[tuple[str, int]]] = {}
    for pos in _POS:
        for line in (WORDNET / f"index.{pos}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue  # licence header
            fields = line.split()
            n_pointers = int(fields[3])
            n_senses = int(fields[2])
            offsets = fields[6 + n_pointers : 6 + n_pointers + n_senses][:SENSES]
            out.setdefault(fields[0], []).extend((pos, int(o)) for o in offsets)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _verb_senses() -> dict[str, int]:
    """Verb lemma → its number of verb senses."""
    if not _index():
        return {}
    out: dict[str, int] = {}
    for line in (WORDNET / "index.verb").read_text(encoding="utf-8").splitlines():
        if not line.startswith(" "):
            fields = line.split()
            out[fields[0]] = int(fields[2])
    return out


def verb_senses(word: str) -> int:
    """The most verb senses of a lemma an English word may come from (0: not a verb): "accepts" 11,
    "officers" 1 (to officer), "members" 0."""
    senses = _verb_senses()
    return max((senses.get(b, 0) for b in base_forms(word)), default=0)


_DETACH = {
    "noun": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("children", "child"), ("ies", "y")),
    "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "adv": (),
}  # fmt: skip


@cache
def _exceptions(parts: tuple[str, ...] = _POS) -> dict[str, frozenset[str]]:
    """Irregular forms → base forms (``underwent`` → undergo, ``flagged`` → flag)."""
    out: dict[str, set[str]] = {}
    for pos in parts:
        path = WORDNET / f"{pos}.exc"
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                form, *bases = line.split()
                out.setdefault(form, set()).update(bases)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def base_forms(word: str) -> frozenset[str]:
    """The WordNet lemmas an inflected English word may come from (WordNet's ``morphy``): playing → play."""
    index = _index()
    if not index:
        return frozenset()
    out = {b for b in _exceptions().get(word, ()) if b in index}
    for rules in _DETACH.values():
        out |= {
            word[: -len(a)] + b
            for a, b in rules
            if word.endswith(a)
            and word[: -len(a)] + b in index
            and not _misread(word[: -len(a)], a + b, index)
        }
    if word in index:
        out.add(word)
    for a, b in (("ily", "y"), ("ally", "al"), ("ly", ""), ("ly", "le")):  # harshly → harsh
        if word.endswith(a) and word[: -len(a)] + b in index:
            out.add(word[: -len(a)] + b)
    return frozenset(out)


_SHORT_STEM = re.compile(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$")


def _misread(stem: str, rule: str, index: dict[str, tuple[tuple[str, int], ...]]) -> bool:
    """Whether a bare stem is no base of its form: "raped" is rape, not rap (rapped); "hopes" is hope,
    not hop (hops). A short stem doubles its consonant before -ed/-ing, and -es follows a sibilant."""
    if rule in ("ed", "ing"):
        return bool(_SHORT_STEM.search(stem)) and stem + "e" in index
    return rule == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o"))


def irregular_verb(word: str) -> bool:
    """Whether an English word is an irregular past form (``met``, ``underwent``, ``gave``)."""
    return not word.endswith("ing") and word.casefold() in _exceptions(("verb",))


def adjective_only(word: str) -> bool:
    """Whether WordNet has an English word as an adjective and no lemma it may come from as a verb
    ("unexpected", not "alleged" nor "teargassed", which it does not know)."""
    index = _index()
    return any(pos == "adj" for pos, _ in index.get(word.casefold(), ())) and not verb_senses(word)


@cache
def noun_compound(first: str, second: str) -> bool:
    """Whether WordNet has two adjacent English words as one noun only ("tear gas", "public prosecutor")."""
    joined = compounds(first, second)
    return bool(joined) and {pos for j in joined for pos, _ in _index()[j]} == {"noun"}


# Prepositions a phrasal verb takes ("call on", "run into"), which a fixed expression may render with it.
PREPOSITIONS = frozenset("on upon to for with at in into from of about".split())


@cache
def phrasal_verb(first: str, second: str) -> bool:
    """Whether two adjacent English words are a verb and its preposition that WordNet has as one verb
    ("call on", "run into"): its verb alone means something else."""
    return second.casefold() in PREPOSITIONS and any(
        pos == "verb" for j in compounds(first, second) for pos, _ in _index()[j]
    )


def alone(phrase: str) -> tuple[str, ...]:
    """The words of an English rendering that may render its French word on their own: of a noun
    compound ("public prosecutor") or an adjective and a noun, the noun (never "public"); else each."""
    words = phrase.split()
    if len(words) == 2 and (noun_compound(*words) or adjective_only(words[0])):
        return (words[1],)
    return tuple(words)


def only_verb(word: str) -> bool:
    """Whether every WordNet lemma an English word may come from is a verb only ("remained", not
    "bases" or "felt")."""
    index = _index()
    kinds = {pos for base in base_forms(word) for pos, _ in index[base]}
    return kinds == {"verb"}


@cache
def person(word: str) -> bool:
    """Whether an English noun's first sense is a person ("ambassador", "spokesmen", "judge"; WordNet's
    noun.person): who acts, which a synonym's guess may not confirm. Not a verb form ("judged"; "began"
    is no Menachem Begin) nor a word that may be an adjective or an adverb ("territorial", "seasonally")."""
    folded = word.casefold()
    index = _index()
    if (
        folded.endswith(("ed", "ing"))
        or irregular_verb(folded)
        or any(pos in ("adj", "adv") for pos, _ in index.get(folded, ()))
    ):
        return False  # "territorial ban", not a territorial soldier; "seasonally", not a seasonal worker
    for base in base_forms(folded) or {folded}:
        senses = index.get(base, ())
        if senses and senses[0][0] == "noun" and _fields("noun", senses[0][1])[1] == "18":
            return True  # lexicographer file 18: noun.person
    return False


@cache
def may_be_person(word: str) -> bool:
    """Whether one of an English noun's first three senses is a person ("boss", "official"), adjective
    senses or not: what a French word's dictionary rendering may name ("mairie": town hall is none)."""
    for base in base_forms(word.casefold()) or {word.casefold()}:
        nouns = [offset for pos, offset in _index().get(base, ()) if pos == "noun"][:3]
        if any(_fields("noun", offset)[1] == "18" for offset in nouns):
            return True
    return False


def _fields(pos: str, offset: int) -> list[str]:
    """The fields of a synset's line in a data file: offset, lexicographer file, type, words, pointers."""
    with (WORDNET / f"data.{pos}").open("rb") as f:
        f.seek(offset)
        return f.readline().decode("utf-8").split()


@cache
def _synset(pos: str, offset: int) -> tuple[frozenset[str], tuple[tuple[str, int], ...]]:
    """A synset's words and its hypernyms (part of speech, offset)."""
    fields = _fields(pos, offset)
    n_words = int(fields[3], 16)
    words = frozenset(fields[4 + 2 * i].lower().split("(")[0] for i in range(n_words))
    at = 4 + 2 * n_words
    pointers = [fields[at + 1 + 4 * i : at + 5 + 4 * i] for i in range(int(fields[at]))]
    names = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
    return words, tuple((names[p[2]], int(p[1])) for p in pointers if p[0] in ("@", "@i"))


@cache
def synonyms(word: str, senses: int = SENSES) -> frozenset[str]:
    """The words sharing one of a word's first senses of each part of speech (multi-word lemmas joined
    by ``_``), itself included."""
    out = {word}
    taken: dict[str, int] = {}
    for pos, offset in _index().get(word, ()):
        taken[pos] = taken.get(pos, 0) + 1
        if taken[pos] <= senses:
            out |= _synset(pos, offset)[0]
    return frozenset(out)


@cache
def broader(word: str) -> frozenset[str]:
    """The words of the direct hypernyms of a noun's first senses: brawl → fight. Not for verbs,
    whose hypernyms are the most general ones (acquit → act)."""
    out: set[str] = set()
    for pos, offset in _index().get(word, ()):
        if pos != "noun":
            continue
        for parent in _synset(pos, offset)[1]:
            out |= _synset(*parent)[0]
    return frozenset(out)


# Light verbs share a first sense with nearly anything ("get" = beget ~ "mother"): no synonym rests on them.
LIGHT = frozenset("get got make have do go put set let".split())


def related(a: str, b: str, senses: int = SENSES) -> bool:
    """Whether two English lemmas share one of the first senses of either (or ``a`` is a kind of
    ``b``); a light verb is related only to itself."""
    if a == b:
        return True
    if a in LIGHT or b in LIGHT:
        return False
    return b in synonyms(a, senses) or a in synonyms(b, senses) or b in broader(a)


def compounds(first: str, second: str) -> frozenset[str]:
    """The WordNet lemmas two adjacent English words make ("carried out" → carry_out, "giving birth" →
    give_birth and the noun giving_birth)."""
    index = _index()
    bases = base_forms(first.casefold()) or {first.casefold()}
    return frozenset(j for b in bases if (j := f"{b}_{second.casefold()}") in index)
