"""Names across languages: is an English name a plausible rendering of a French mention?

Two layers. A small table of the geopolitical names whose French forms share little with the English
(North Korea ↔ Corée du Nord / RPDC / Pyongyang / nord-coréen); then, for people and places, a
transliteration fold applied to both sides (ou→u, ch→sh, gu→g, accents, hyphens) and a fuzzy token
match: Sergei Shoigu ↔ Sergueï Choïgou, Kyrylo Budanov ↔ Kyrylo Boudanov, Luhansk ↔ Louhansk.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz

from summarizer.check import wordnet
from summarizer.check.alignment import normalize, normalize_map
from summarizer.check.table import FALSE_FRIENDS

# canonical English name → other English forms, French forms and adjectives (normalised: no accents).
_TABLE = {
    "North Korea": "north korea|north korean|north koreans|dprk|pyongyang|coree du nord|nord-coree|rpdc|nord-coreen|nord-coreenne|nord-coreens|nord-coreennes|regime de pyongyang|kim jong-un's regime",
    "South Korea": "south korea|south korean|seoul|coree du sud|sud-coree|sud-coreen|sud-coreenne|sud-coreens|sud-coreennes",
    "Russia": "russia|russian|russians|moscow|kremlin|russie|federation de russie|moscou|russe|russes|russo",
    "Ukraine": "ukraine|ukrainian|ukrainians|kyiv|kiev|ukrainien|ukrainienne|ukrainiens|ukrainiennes",
    "United States": "united states|u.s.|usa|america|american|americans|washington|etats-unis|americain|americaine|americains|americaines",
    "China": "china|chinese|beijing|chine|pekin|chinois|chinoise|chinoises",
    "Iran": "iran|iranian|teheran|tehran|iranien|iranienne|iraniens",
    "Japan": "japan|japanese|tokyo|japon|japonais|japonaise",
    "United Kingdom": "united kingdom|uk|britain|great britain|british|london|royaume-uni|grande-bretagne|londres|britannique|britanniques",
    "Germany": "germany|german|berlin|allemagne|allemand|allemande|allemands",
    "France": "france|french|paris|francais|francaise",
    "European Union": "european union|union europeenne|ue|bruxelles|brussels",
    "NATO": "nato|otan|alliance atlantique",
    "United Nations": "united nations|onu|nations unies",
    "Belarus": "belarus|bielorussie|minsk",
    "Syria": "syria|syrie|damascus|damas",
    # French parties and the wars a French article names in French.
    "Socialist Party": "socialist party|socialist|socialists|parti socialiste|ps|socialiste|socialistes",
    "National Rally": "national rally|rassemblement national|rn",
    "National Front": "national front|front national|fn",
    "French Communist Party": "french communist party|communist party|pcf|parti communiste",
    "Greens": "greens|green party|eelv|europe ecologie les verts|les verts|ecologistes",
    "Civil War": "civil war|american civil war|guerre de secession",
    "Second World War": "second world war|world war ii|world war two|seconde guerre mondiale|deuxieme guerre mondiale",
    "First World War": "first world war|world war i|world war one|great war|premiere guerre mondiale|grande guerre",
    "Cold War": "cold war|guerre froide",
    # an era, written as a name: "221 BC" for "221 av. J.-C."
    "BC": "bc|bce|av. j.-c.|av. j-c|avant j.-c.|avant jesus-christ",
}  # fmt: skip


GEOPOLITICAL = frozenset(_TABLE)


def _cldr_countries() -> dict[str, str]:
    """CLDR country names (``babel``): folded French and English name → English name (Liban → Lebanon)."""
    from babel import Locale

    fr, en = Locale("fr").territories, Locale("en").territories
    out = {}
    for code, english in en.items():
        if code.isalpha() and code in fr and len(english) > 3:
            out[normalize(english)] = english
            out[normalize(fr[code])] = english
    return out


_ACRONYMS = {"UN": "United Nations", "US": "United States", "UK": "United Kingdom", "EU": "European Union"}


@cache
def _countries_en_fr() -> list[tuple[str, str]]:
    from babel import Locale

    fr, en = Locale("fr").territories, Locale("en").territories
    return [
        (normalize(en[c]), normalize(fr[c]))
        for c in map(str, en)
        if c.isalpha() and c in fr and len(en[c]) > 3
    ]


def french_country_adjective(word: str) -> bool:
    """Whether a French adjective names a country ("libanaise", "ukrainienne", "russe"), not a region
    ("bourguignonne"): a CLDR country's French name begins as its stem does."""
    stem = re.sub(r"(?:iennes?|ienn?e?s?|aises?|ais|aines?|ains?|oises?|ois|es?)$", "", normalize(word))
    return len(stem) >= 3 and any(french.startswith(stem[:5]) for _, french in _countries_en_fr())


@cache
def demonym_country(word: str) -> str | None:
    """The folded French name of the country an English demonym names, from CLDR country names:
    Lebanese → Lebanon → "liban"; Belgian → Belgium → "belgique"."""
    folded = normalize(word)
    base = re.sub(r"(?:ese|ian|ean|an|ish|i|n|ic)$", "", folded)
    if len(base) < 4:
        return None
    for english, french in _countries_en_fr():
        if english.startswith(base) or (len(english) >= 5 and base.startswith(english[:5])):
            return french
    return None


def demonym_word(english: str, french: str) -> bool:
    """Whether a folded French word is the country or a word made on it that an English demonym names
    ("libanaises", "iraniennes": the country's first word and at most six letters more), not another
    country that starts the same ("Czech" is no "Tchécoslovaquie", which Tchéquie starts)."""
    country = demonym_country(english)
    if country is None:
        return False
    first = country.split()[0]
    return french.startswith(country[:4]) and len(french) <= len(first) + 6


_ALIASES = {
    **_cldr_countries(),
    **{alias: canon for canon, forms in _TABLE.items() for alias in forms.split("|")},
}
_ALIAS_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _ALIASES), key=len, reverse=True)) + r")(?![\w-])"
)
# Articles before a name; a name that starts like one ("Laude", "Lavrov", "Dennis") keeps its letters.
_ARTICLES = re.compile(r"^(?:(?:le|la|les|du|de|des|au|aux|the)\s+|l'|d')+")
_GENERIC = frozenset(
    "the of and government authorities authority military army forces leader leaders regime president minister ministry officials"
    " state agency defense defence troops soldiers".split()
)
_RULES = (
    ("ou", "u"),
    ("ch", "sh"),
    ("gue", "ge"),
    ("gui", "gi"),
    ("kh", "h"),
    ("ij", "iy"),
    ("j", "y"),
    ("w", "v"),
    ("ck", "k"),
    ("ph", "f"),
)
NAME_MIN = 80.0


def same_name(token: str, word: str) -> bool:
    """Whether a folded name word spells a folded French word: near enough for a transliteration
    ("Salameh" / "Salamé"), but not with two neighbouring letters swapped, a typo no transliteration
    makes ("Maldic" for Mladic), unless the statement's spelling is the one WordNet knows (the source's
    typo: "Delhi" for "New Dehli")."""
    if token == word:
        return True
    differ = [i for i, (a, b) in enumerate(zip(token, word, strict=False)) if a != b]
    if (
        len(token) == len(word)
        and len(differ) == 2
        and differ[1] == differ[0] + 1
        and (token[differ[0]], token[differ[1]]) == (word[differ[1]], word[differ[0]])
        and not wordnet.base_forms(token)
    ):
        return False
    return fuzz.ratio(token, word) >= NAME_MIN


def fold(name: str) -> str:
    """Transliteration fold: the same on both sides, so that French and English spellings meet."""
    text = _ARTICLES.sub("", normalize(name)).replace("-", " ")
    text = re.sub(r"\b(?:bin|ibn)\b", "ben", text)  # "Bin Laden" / "Ben Laden"
    for a, b in _RULES:
        text = text.replace(a, b)
    return re.sub(r"(.)\1", r"\1", text)


def name_tokens(name: str) -> list[str]:
    """The folded words of a name that tell it apart (no articles, titles or short words)."""
    return [t for t in fold(name).split() if len(t) > 2 and t not in _GENERIC]


@cache
def canonicals(text: str) -> frozenset[str]:
    """Canonical names of the table's entries that occur in a text (any language)."""
    found = {_ALIASES[m.group(1)] for m in _ALIAS_RE.finditer(normalize(text))}
    # English acronyms, in capitals only: "UN" is not the French article "un", "US" not "us".
    found |= {canon for acronym, canon in _ACRONYMS.items() if re.search(rf"\b{acronym}\b", text)}
    return frozenset(found)


def without_known(name: str) -> str:
    """A name without the table's and CLDR's names and the English acronyms in it ("UN Security
    Council" → "Security Council")."""
    text = _ALIAS_RE.sub(" ", normalize(name))
    for acronym in _ACRONYMS:
        if re.search(rf"\b{acronym}\b", name):
            text = re.sub(rf"\b{acronym.casefold()}\b", " ", text)
    return " ".join(text.split())


def plausible(name: str, mention: str) -> tuple[bool, str]:
    """Whether an English name renders a French mention, and why (or why not)."""
    ours, theirs = canonicals(name), canonicals(mention)
    if ours and theirs:
        if ours & theirs:
            return True, f"{name!r} and {mention!r} both name {sorted(ours & theirs)[0]}"
        return (
            False,
            f"{name!r} names {'/'.join(sorted(ours))} but {mention!r} names {'/'.join(sorted(theirs))}",
        )
    tokens = name_tokens(name)
    french = fold(mention).split()
    if not tokens:
        return True, f"{name!r} has no distinctive word to compare"
    missing = [t for t in tokens if not any(same_name(t, f) for f in french)]
    if not missing:
        return True, f"{name!r} renders {mention!r}"
    if tokens[-1] not in missing and tokens[: len(missing)] == missing:
        # "Edvard Munch" for "Munch", "Mount Everest" for "Everest": the words before the name the
        # mention gives (the statement's own words are checked against the sentence)
        return True, f"{name!r} renders {mention!r} ({', '.join(missing)} added before it)"
    return False, f"{', '.join(missing)!s} of {name!r} not in {mention!r}"


# A person a nationality adjective may follow ("une cliente russe", "des touristes français").
_PERSON = (
    r"(?:cliente?|femme|homme|touriste|ressortissante?|residente?|etudiante?|journaliste|enfant|fille"
    r"|garcon|epouse|mari|passagere?|voyageu(?:r|se)|patiente?|victime|jeune|chercheu(?:r|se)|militante?"
    r"|opposante?|retraitee?|medecin|artiste|chanteu(?:r|se)|actrice|acteur)s?"
)


def person_noun(word: str) -> bool:
    """Whether a normalised French word names a person (a nationality after it is theirs)."""
    return re.fullmatch(_PERSON, word) is not None


def find_rendering(name: str, text: str) -> tuple[int, int] | None:
    """Where in a French text a rendering of an English name occurs: (start, end) offsets into
    ``text``, or None."""
    spans = rendering_spans(name, text)
    return min(spans) if spans else None


def rendering_spans(name: str, text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in a French text of each word that renders an English name, or [] when
    a word of it is not there."""
    norm, index = normalize_map(text)
    found: list[tuple[int, int]] = []
    for canon in canonicals(name):
        # "Russia" is not "la cliente russe": a country is not the nationality of a person.
        country = normalize(name) == normalize(canon)
        hit = next(
            (
                m
                for m in _ALIAS_RE.finditer(norm)
                if _ALIASES[m.group(1)] == canon
                and not (country and person_noun((norm[: m.start()].split() or [""])[-1]))
            ),
            None,
        )
        if hit is None:
            return []
        found.append((index[hit.start()], index[hit.end() - 1] + 1))
    # The words the table does not cover must be there too: "Russian minister Sergei Lavrov" is
    # not confirmed by "russe" alone, nor "Sergei Lavrov" by "Sergueï Choïgou".
    tokens = name_tokens(without_known(name))
    if not tokens and not found and re.fullmatch(r"[A-Z]{2}", name):
        # A two-letter acronym the table does not know ("LR", a party) is written the same in French.
        hit = re.search(rf"\b{name}\b", text)
        return [hit.span()] if hit else []
    if not tokens:
        return found
    words = [(m, fold(m.group(0))) for m in re.finditer(r"[\w']+", norm)]
    for token in tokens:
        false = FALSE_FRIENDS.get(token, "").split()  # "the Federal Parquet" is no "parquet fédéral"
        hit = next((m for m, w in words if w and w not in false and same_name(token, w)), None)
        if hit is None:
            return []
        found.append((index[hit.start()], index[hit.end() - 1] + 1))
    return found


# Leading capitalised words that are not names, honorifics among them ("M. Mladic", "Mr Smith").
_STOP_CAPS = frozenset(
    "The A An In On At This That These Those It Its He She They We I According However Meanwhile"
    " M Mr Mrs Ms Dr Mme Mlle Me"
    " But And Or If When While Since After Before During For From With By Because Despite Although"
    " Though Until As Once Then Now Still Yet Also Instead No Nobody None Nothing Everyone Everybody Some"
    " Many Most All Several Few Each Every Both Neither Either".split()
)


_CAP = "[A-ZÀ-ÖØ-Þ]"
# "Île-de-France", "Lons-le-Saunier": one place, not two names joined ("Russian-North Korean").
_PLACE_PARTICLE = re.compile(r"-(?:de|du|des|le|la|les|sur|sous|en|lès|aux?)-")


# Words a French capitalised run may open with that are not the name ("Le FMLN", "Selon Laurel Baig",
# "Bien que Pyongyang", "Monsieur Fradkov"); "L'Institut" keeps "Institut".
FRENCH_OPENERS = frozenset(
    "le la les l un une des du de d au aux pour par selon mais et bien ce cet cette ces en dans sur"
    " monsieur madame mademoiselle m. mme".split()
)


def drop_openers(words: list[str]) -> list[str]:
    """The words of a French capitalised run without the determiners, prepositions and titles before
    the name (``FRENCH_OPENERS``), an elided article cut from the name it is glued to."""
    words = list(words)
    while words:
        head = words[0].casefold().replace("’", "'")
        if head.rstrip("'") in FRENCH_OPENERS:
            words.pop(0)
        elif head[:2] in ("l'", "d'") and len(head) > 2:
            words[0] = words[0][2:]
            break
        else:
            break
    return words


def _split_compound(run: str) -> list[str]:
    """A hyphenated run as its parts when they are countries or peoples ("Russian-North Korean"), not
    a person's double name ("N'Guyen-Higelin") or a place ("Île-de-France")."""
    parts = re.split(rf"-(?={_CAP})", run)
    if len(parts) > 1 and not _PLACE_PARTICLE.search(run):
        edges = [p.split()[-1] for p in parts[:-1]] + [parts[-1].split()[0]]  # the words at the hyphens
        if any(canonicals(w) or demonym_country(w) for w in edges):
            return parts
    return [run]


def english_names(text: str) -> list[str]:
    """Proper names in an English sentence: runs of capitalised words ("Special Tribunal for
    Lebanon"), without a leading 'The', 'According' or honorific, split at hyphens between peoples
    ('Russian-North Korean'), possessive 's removed; initials with stops are one name ("U.S." → US)."""
    # "U.S." is one name; its last stop may also end the sentence ("…in the U.S. The company…").
    text = re.sub(
        r"\b(?:[A-Z]\.){2,}(?=(\s+[A-Z])?)",
        lambda m: m.group(0).replace(".", "") + ("," if m.group(1) else ""),
        text,
    )
    text = re.sub(r"\b(St|Mt|Ft)\.(?=\s+[A-Z])", r"\1", text)  # "St. Martin" is one name
    runs = re.finditer(rf"\b{_CAP}[\w'’-]*(?:\s+(?:{_CAP}[\w'’-]*|de|du|of|for|bin|al))*(?<!\s)\b", text)
    parts = [
        p.removesuffix("'s").removesuffix("’s")
        for m in runs
        for run in re.split(r"(?<=\w)['’]s\s+", m.group(0))  # "Paris's Socialist mayor"
        for p in _split_compound(run)
    ]
    out = []
    for part in parts:
        words = part.split()
        while words and words[0] in _STOP_CAPS:
            words.pop(0)
        while words and words[-1] in ("of", "for", "de", "du", "bin", "al"):
            words.pop()
        if words:
            out.append(" ".join(words))
    return out


def acronym_in(name: str, text: str) -> bool:
    """Whether a text holds an acronym of a name of three words or more, its letters in any order:
    French acronyms put the words in French order ("TSL" for Special Tribunal for Lebanon, Tribunal
    spécial pour le Liban; "OTAN" for NATO's words)."""
    initials = sorted(w[0].upper() for w in name.split() if w[:1].isupper())
    if len(initials) < 3:
        return False
    return any(sorted(a) == initials for a in re.findall(rf"\b[A-Z]{{{len(initials)}}}\b", text))
