"""Matching: which French word each English word of a statement rests on. Each word needs a
counterpart (``lexicon``), and two English words may not rest on one French word ("the amount of the
bill" for "le montant du pourboire … de sa carte bleue" had "bill" rest on "carte", already the "card"),
unless the table or a fixed expression renders both by it (policiers: police officers), it is a French
compound (Croix-Rouge), a dictionary renders the two together (douanier: customs officer) or the second
is a verb's particle (rendre: give back).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from summarizer.check import wordnet
from summarizer.check.forms import common_prefix, fold_word, lemma
from summarizer.check.lexicon import FrenchWords, english_forms, french_to_english, french_words
from summarizer.check.table import PARTICLES

# A synonym's or a similarity's French word must not be one that renders another English word already
# ("cliente" renders "customer", so e5's "payment" ~ "cliente" is no evidence). It costs e5 the phrase
# matches ("14 morts" / "14 people killed": 3 true facts of facts_dev): precision first.
GUESSES = frozenset({"wordnet", "e5"})
# Words that bound what a statement says: a guess may not render them, only a dictionary or the table.
_NO_GUESS = frozenset(
    "specifically exclusively solely only merely precisely exactly entirely completely wholly".split()
)
# Adverbs a French verb carries in itself: rendre (give back), revoir (see again), sortir (go out).
_PARTICLES = PARTICLES | {"again"}


def unmatched_words(
    words: list[str],
    french: str,
    others: list[str] | None = None,
    exclusive: bool = False,
    avoid: frozenset[str] = frozenset(),
) -> list[str]:
    """The English words that have no counterpart in a French text; with ``exclusive``, also those
    whose only counterpart another word of the statement (``words`` or ``others``) rests on. A guess
    (synonym, similarity) must always rest on a French word of its own: "politique" that renders
    "policy" does not also render "government", nor "immigration" of "the immigration bureau added"
    render "life". No word rests on the French words to ``avoid`` (those of a name the statement gives)."""
    found = french_words(french)
    hits = {w: found.rendering(w, avoid=avoid) for w in dict.fromkeys([*words, *(others or [])])}
    taken = {f for h in hits.values() if h and h[0] not in GUESSES for f in h[1]}
    missing = []
    for word in words:
        hit = hits[word]
        if hit is not None and hit[0] in GUESSES and not hit[1] - taken:
            hit = found.rendering(word, taken=frozenset(taken), avoid=avoid)  # a guess on a word of its own
        if hit is not None and hit[0] in ("wordnet", "cognate") and wordnet.person(word):
            hit = None  # who acts: "the Kremlin's ambassador" is no guess at "porte-parole du Kremlin"
        if hit is not None and hit[0] == "e5" and wordnet.person(word) and not _people(found, hit[1]):
            hit = None  # "the Paris mayor" is no similarity to "la mairie" (the city hall)
        if hit is not None and wordnet.person(word) and _participles(found.text, hit[1]):
            hit = None  # "the principal judges" are no "dirigeants jugés" (tried)
        if hit is not None and hit[0] in GUESSES and word.casefold() in _NO_GUESS:
            hit = None  # "specifically" is no similarity to "notamment" (among others)
        if hit is None:
            missing.append(word)
        elif hit[0] in GUESSES:
            taken |= hit[1]
    if not exclusive:
        return missing
    rests = {w: h[1] for w, h in hits.items() if h and h[0] not in GUESSES and w not in missing}
    shared = _sharing(found, rests, avoid)
    return missing + [w for w in words if w in shared]


def _people(found: FrenchWords, surfaces: frozenset[str]) -> bool:
    """Whether one of these French words may be a person: one no dictionary knows ("assaillants"), or
    one a dictionary renders by a person ("patron": boss), not by a place ("mairie": town hall)."""
    table = french_to_english()
    forms = {form for form, words in found.by_form.items() if words & surfaces}
    renderings = {english for form in forms for english in table.get(form, ())}
    return not renderings or any(map(wordnet.may_be_person, renderings))


# What a past participle used as a noun follows: a determiner or a number ("les blessés", "un député",
# "9 blessés"), or one of them and an adjective ("les nombreux déplacés", "ses propres employés").
_DETERMINERS = frozenset(
    "le la les l un une des du de d au aux ces ce cet cette son sa ses leur leurs nos vos mes notre votre"
    " deux trois quatre cinq six sept huit neuf dix onze douze vingt trente cent mille plusieurs quelques"
    " certains certaines".split()
)
_ADJECTIVES = frozenset(
    "nombreux nombreuses premiers premieres premier premiere derniers dernieres dernier derniere anciens"
    " anciennes ancien ancienne principaux principal principales autres jeunes propres nouveaux nouvelles"
    " grands grandes petits petites".split()
)
_TOKEN = re.compile(r"\w+")


def _participles(text: str, surfaces: frozenset[str]) -> bool:
    """Whether every French word an English person rests on is a past participle used as a verb or
    an adjective ("dirigeants jugés", "a été jugé"), never after a determiner ("les condamnés")."""
    accented = _TOKEN.findall(text)
    tokens = [fold_word(t) for t in accented]
    uses = [i for i, t in enumerate(tokens) if t in surfaces]

    def noun(i: int) -> bool:
        before = tokens[i - 1] if i else ""
        if before in _DETERMINERS or before.isdigit():
            return True
        return before in _ADJECTIVES and i > 1 and (tokens[i - 2] in _DETERMINERS or tokens[i - 2].isdigit())

    return bool(uses) and all(
        accented[i].casefold().endswith(("é", "ée", "és", "ées")) and not noun(i) for i in uses
    )


# Words after which a word is no adjective following its noun: a determiner ("un terroriste": a noun),
# a preposition or conjunction, a degree word or copula ("n'est pas médecin"), an adjective before a noun.
_NO_NOUN_BEFORE = (
    _DETERMINERS
    | _ADJECTIVES
    | frozenset(
        "a en dans par pour contre sur sous avec sans entre vers chez et ou pas plus tres trop assez est"
        " sont etait".split()
    )
)


def after_noun(text: str, surfaces: frozenset[str]) -> str | None:
    """The word before the first use of these French words when every use follows a noun, no
    determiner, number or preposition: an adjective ("assassinat terroriste"); None when one is used
    as a noun ("un terroriste", "des terroristes")."""
    accented = _TOKEN.findall(text)
    tokens = [fold_word(t) for t in accented]
    uses = [i for i, t in enumerate(tokens) if t in surfaces]
    if not uses or any(i == 0 or tokens[i - 1] in _NO_NOUN_BEFORE or tokens[i - 1].isdigit() for i in uses):
        return None
    return str(accented[uses[0] - 1])


def rested_on(found: FrenchWords, words: Iterable[str], e5: bool = True) -> set[str]:
    """The French words (folded surface forms) that any of these English words rests on here."""
    return {f for w in words if (hit := found.rendering(w, e5)) for f in hit[1]}


def _sharing(found: FrenchWords, rests: dict[str, frozenset[str]], avoid: frozenset[str]) -> set[str]:
    """The English words left without a French word of their own when each French word serves one
    English lemma (a maximum matching); the table's and fixed expressions' words may serve several."""
    edges: dict[str, frozenset[str]] = {}
    lemmas: set[str] = set()
    order = list(rests)
    # Two words a dictionary renders together ("customs officer": douanier, "resistance fighter": résistant).
    phrases = {
        b
        for a, b in itertools.pairwise(order)
        if (hit := found.rendering(f"{a} {b}", e5=False)) and hit[1] & (rests[a] | rests[b])
    }
    for word, french in rests.items():
        if word in phrases:
            continue
        root = lemma(word.casefold(), "en")
        if (
            root in lemmas
            or root in _PARTICLES
            or any("-" in f for f in french)
            or found.curated(word) & french
        ):
            continue  # "attack … attacked" on one "attaque"; "give back" on "rendre"; "Red Cross" on
            # Croix-Rouge, "lightning war" on guerre-éclair; "police officers" on "policiers" (table)
        lemmas.add(root)
        edges[word] = french
    serves: dict[str, str] = {}

    def place(word: str, seen: set[str]) -> bool:
        for f in sorted(edges[word]):
            if f not in seen:
                seen.add(f)
                if f not in serves or place(serves[f], seen):
                    serves[f] = word
                    return True
        return False

    # A word spelt like its French word first ("card" / carte before "bill" / carte): the one to keep.
    spelt = sorted(edges, key=lambda w: -max(common_prefix(w.casefold(), f) for f in edges[w]))
    lost = [word for word in spelt if not place(word, set())]
    # A word whose first layer's French word serves another may have one of its own in a later layer
    # ("urged": presse, the press's, then exhorté), not by a guess: a similarity finds some word
    # ("his doors" for "a fermé ses portes", the portes already another's).
    return {word for word in lost if not found.rendering(word, e5=False, avoid=frozenset(serves) | avoid)}


# Suffixes an English word family varies by ("investigators" / "investigation": investigat-).
_SUFFIXES = re.compile(r"(?:ions?|ors?|ers?|ings?|ments?|ed|es|s)$")


def _stem_en(word: str) -> str:
    stem = _SUFFIXES.sub("", word)
    return stem if len(stem) >= 4 else word


def unmatched_english(words: list[str], english: str) -> list[str]:
    """The words of a statement with no counterpart in an English source: one of the same lemma or of
    its family ("detained" / "detain", "investigators" / "investigation"), or a WordNet synonym of one
    of its first senses or a broader word ("menace" for "threat", "attack" for "assault"; never a
    narrower one: "rape" is not confirmed by "assault"). A phrase ("carried out") is confirmed as WordNet's
    lemma or word by word."""
    source = {f for w in re.findall(r"[A-Za-z]+", english) for f in english_forms(w)}
    stems = {_stem_en(f) for f in source}

    def confirmed(word: str) -> bool:
        forms = english_forms(word)
        if forms & source or {_stem_en(f) for f in forms} & stems:
            return True
        if any(wordnet.related(s, f) for f in forms for s in source):
            return True
        return " " in word and all(confirmed(part) for part in word.split())

    return [word for word in words if not confirmed(word)]
