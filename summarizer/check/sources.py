"""Who the sentence says the clause is from: "selon X", "X a déclaré que", an incise after a quotation
("…", a affirmé X / résumait X), whose view a clause gives ("Pour X, …"), a quotation's speaker, the
speaker's own title (the narrator's words), and a verb in quotation marks (someone's word). Read by
``certainty``."""

from __future__ import annotations

import re

from summarizer.check.evidence import Evidence
from summarizer.check.statement import split_attribution

# "selon" that says "by" or "depending on", not who says it: "les morts selon leur statut vaccinal".
SELON = (
    r"selon(?!\s+(?:que\b|qu'|(?:les?|la|l'|leurs?|son|sa|ses)\s*(?:statut|âge|sexe|cas|type|niveau|taille|"
    r"région|saison|période|besoin|modalité|nature|catégorie|profil|revenu|situation|circonstance|durée"
    r"|moment|heure|jour|lieu|critère|gravité|degré|tranche|classe|zone)s?\b))"
)


# Reported speech: "X avait assuré … que <quote>".
SAID_THAT = re.compile(
    r"\b(a(?:vait)? (?:dit|déclaré|affirmé|assuré|estimé|indiqué|expliqué|annoncé)|accus\w*|selon)\b.*\bqu(?:e\b|['’])",
    re.I,
)
# A source the sentence names: "selon X", "d'après X", or an incise after the words ("…, a affirmé M. Hariri",
# "…, explique-t-elle", "…, poursuit Bruno Gaccio").
SOURCED = re.compile(
    rf"\b({SELON}|d'après)\s+(?!moi\b|nous\b)\w"
    r"|[,»\"”]\s*((?:a|ont|avait|avaient)(?:-t)?(?:-(?:il|elle|ils|elles|on))?\s+"
    r"(?:(?:encore|aussi|également|ensuite|alors|enfin|déjà|pourtant|toutefois|cependant)\s+)?(?:dit|déclaré|affirmé|assuré|estimé"
    r"|indiqué|expliqué|ajouté|souligné|précisé|confié|lancé|martelé|raconté|insisté|regretté|dénoncé|jugé|reconnu"
    r"|admis|averti|alerté|prévenu|tweeté|écrit|relevé|noté|observé|conclu|rappelé|annoncé|poursuivi|répondu|réagi|commenté"
    r"|rapporté)"
    r"|(?:explique|poursuit|raconte|ajoute|affirme|assure|estime|souligne|précise|confie|regrette|dit|lance|note"
    r"|insiste|reconnaît|martèle|conclut|résume|témoigne|admet|rappelle|alerte|avertit|prévient|répond|déplore"
    r"|dénonce|observe|relève|réagit|commente|rapporte"
    # the imperfect of a narrator's incise: `"…", résumait Jean-Pascal van Ypersele`
    r"|(?:expliqu|racont|ajout|affirm|assur|estim|soulign|précis|confi|regrett|disai|lanç|not|insist|martel"
    r"|conclu|résum|témoign|rappel|déplor|dénonç|observ|relev|comment|rapport)ai(?:t|ent))"
    r"(?:-t-(?:il|elle)s?)?)\b",
    re.I,
)
# A subject's own claim: "X assure avoir reçu des menaces" (X says X received threats), "affirme être".
CLAIMS_TO = re.compile(
    r"\b((?:a |ont |avait |avaient )?(?:assur|affirm|prétend|déclar|dit|di(?:sent|sait))\w*)\s+(?:n['’])?(?:avoir|être|ne pas)\b",
    re.I,
)
PRONOUN_SOURCE = re.compile(
    r"-t-(?:il|elle)s?\b|\bselon (?:lui|elle|eux|elles)\b"
    r"|\b(?:il|elle)s? (?:a|ont|avait|avaient) (?:dit|déclaré|affirmé|expliqué|assuré|ajouté|indiqué|estimé)",
    re.I,
)


_OPENING = ("«", '"', "“")
_CLOSING = ('"', "»", "”")
_QUOTATION_WORDS = 5


# A view the sentence opens on: "Pour les enquêteurs, il s'agit d'un meurtre" (according to them); not
# a place's or a party's stake ("Pour la Russie, l'appui de la Corée du Nord renforce sa position"), a
# time or a purpose ("Pour la première fois", "Pour cela").
VIEW_OF = re.compile(
    r"\W*Pour\s+(?:le\s+|la\s+|les\s+|l['’]|cet\s+|ce\s+|ces\s+)?(?:moi|lui|elle|eux|elles|procureure?|ministre"
    r"|président|avocate?s?|experts?|analystes?|spécialistes?|enquêteurs?|autorités|police|parquet|juges?|syndicats?"
    r"|opposition|chercheur|chercheuse|chercheurs)\b(?:\s+[\w'’-]+){0,4}\s*,"
    r"|\W*Pour\s+[A-ZÀ-Þ][\w'’-]+\s+[A-ZÀ-Þ][\w'’-]+\s*,"  # a person's full name: "Pour Geoffroy Boulard,"
)


def opens_on_view(sentence: str) -> bool:
    """Whether a French sentence opens on whose view it gives ("Pour les enquêteurs, …")."""
    return VIEW_OF.match(sentence) is not None


def named_source(ev: Evidence) -> str | None:
    """The reporting word by which the sentence names a source for the clause: "X a assuré que" before
    it, "selon X" or "X assure avoir" in it, an incise closing the sentence ("…, a affirmé X."), or a
    quotation the span lies in ("Il espère plus de violence…" after `"…", a-t-il affirmé.`)."""
    if ev.lang == "en":  # "X said (that) …", "…, X said.", "According to X, …"
        return split_attribution(ev.sentence)[0].strip(" ,") or None
    tail = ev.tail
    said = SAID_THAT.search(ev.lead) or SOURCED.search(ev.clause) or CLAIMS_TO.search(ev.clause)
    # the incise right after the span's closing quote mark, however long the sentence goes on
    # (`…du confinement", a ajouté M. Peskov, lors d'une interview…`)
    closing = re.match(r"\s*[»\"”]", tail)
    incise = closing and (SOURCED.match(tail, closing.end()) or SOURCED.match(tail, closing.end() - 1))
    said = said or (SOURCED.search(tail) if len(tail.split()) <= 12 else incise or None)
    if said:
        return next(g for g in said.groups() if g)
    if view := VIEW_OF.match(ev.sentence):
        return view.group(0).rstrip(", ")
    return _quotation(ev)


def _quotation(ev: Evidence) -> str | None:
    """When the span lies in a quotation that opens the sentence (more than a quoted term: `"Brain
    death": …` is a title's): the incise that names its speaker after it (`"…", a tweeté le président`),
    or "a quotation" when the speaker is named elsewhere; None otherwise."""
    text = ev.sentence.lstrip()
    if not text.startswith(_OPENING):
        return None
    close = next((i for i, c in enumerate(text[1:], 1) if c in _CLOSING), None)
    if close is None:
        return "a quotation"
    if len(text[:close].split()) < _QUOTATION_WORDS or len(ev.lead.lstrip()) >= close:
        return None
    incise = SOURCED.match(text[close + 1 :])
    return next(g for g in incise.groups() if g) if incise else "a quotation"


_VERBS_OF_SAYING = (
    r"(?:dit|déclaré|affirmé|assuré|estimé|indiqué|expliqué|annoncé|précisé|ajouté|souligné|averti|rappelé"
    r"|dénoncé|jugé|écrit)"
)
_SPEAKS_AFTER = re.compile(
    rf"\s*,?\s*(?:a|ont|avait|avaient)\s+{_VERBS_OF_SAYING}\b"
    r"|\s*,?\s*(?:dit|déclare|affirme|assure|estime|indique|explique|annonce|précise|ajoute|souligne)\b"
)
_SPOKE_BEFORE = re.compile(
    rf"[,»\"”]\s*(?:(?:a|avait)\s+{_VERBS_OF_SAYING}|dit|déclare|affirme|assure|estime|indique|explique"
    r"|précise|ajoute|souligne|poursuit|conclut|rappelle)\s*$"
)


# A verb in quotation marks is someone's word, not the paper's: a été "exécuté à Kaboul par des soldats";
# a statement keeps the quotation marks or hedges.
QUOTED_VERB = re.compile(
    r"\b(?:a|ont|est|sont|été)\s+[«\"“]\s?[a-zàâçéèêëîïôûù]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)\b", re.I
)
QUOTES_EN = re.compile(r"[\"“”«»]|(?:^|\s)'\w")


def speaker_phrase(ev: Evidence) -> bool:
    """Whether the span is only who speaks, with their title: "Zoltan Illes, président de la commission"
    before "a déclaré que …", or after an incise's verb (`"…", assure Andrew Weber, ancien secrétaire`):
    the narrator's words, not what the speaker reports."""
    if ev.lang == "en" or re.search(r"\bqu(?:e\b|['’])", ev.span):
        return False
    return bool(_SPEAKS_AFTER.match(ev.tail) or _SPOKE_BEFORE.search(ev.lead))


ACCORDING_TO = re.compile(r"\W*(?:according to|as reported by|citing)\b", re.I)
# Whose view a clause gives, anywhere ("Mais pour le procureur, …", "Quant à la police, …"), or what it
# is read from ("En regardant les métadonnées de sa vidéo, on peut vérifier que …").
VIEW_ANY = re.compile(
    r"\b(?:pour|quant\s+(?:à|aux?))\s+[^,.;:]{2,60},|\b(?:en\s+(?:regardant|examinant|analysant|consultant)"
    r"|à\s+la\s+lecture\s+d)",
    re.I,
)
