"""v0.27: failure classes read off true facts and mutations written, by annotators who never saw the
code, about French texts held out of every rule (claims_dev's French documents and claims, sentences of
the dev articles no facts_dev row quotes): the first of a month
("1er juin"), "rien de bon ne", "ne signifie pas que" (no "only"), "non-"/"sans-" compounds (no
negation), "selon leur statut" (no source), a speaker's own title ("X, président de…, a déclaré"),
"Grande-Bretagne", "St." / "Saint-", "Ben"/"Bin", "av. J.-C.", "commencent à être publiés", a name
the sentence gives twice, a verb in -s after an adverb, the journalistic conditional ("tueraient"),
"peut-être", a speaker and the one spoken of swapped, a giver made the receiver, a copula, plural
amounts ("tens of thousands"), a date in digits, "unable"/"disagree", "No one", a typed first name, an incise in the imperfect ("résumait X"), a verb in
quotation marks, a source the sentence does not give ("According to CNN" for "le journaliste de CNN"), "-free", "sans
précédent", "plus que jamais", a "--" dash, whose lawyer, the speaker of an incise made the one spoken to,
and
English morphology ("raped" is no form of "rap"). Each true case was rejected by v0.26; each false case
of "peut-être", the two swaps, "millions of", "unable", "résumait", the quoted verb, "According to CNN", the incise's speaker
spoken to and the conditional was verified by it."""

from __future__ import annotations

import pytest

from summarizer.check import names, wordnet
from summarizer.check.statement import has_verb
from tests.conftest import needs_dicts
from tests.test_statement_checks import _check

_ILLES = (
    "En Hongrie, Zoltan Illes, président de la commission de l'environnement du Parlement a déclaré que le"
    " déversement représente la plus grande catastrophe environnementale en Europe."
)
_WEBER = (
    "« Le ministère n'a jamais eu de laboratoire en Ukraine », assure Andrew Weber, ancien secrétaire adjoint"
    " aux programmes américains de défense."
)
_QIN = (
    "Le mausolée de Qin Shi Huang est la tombe de l'empereur Qin Shi Huang, premier empereur de la dynastie"
    " Qin."
)
_WANG = (
    "Le porte-parole de l'ambassade, Wang Yongjun, a écrit que M. Pompeo n'avait offert aucune preuve quant"
    " aux risques."
)
_FLORES = (
    "Mme Flores a affirmé que M. Pemberton présente ses condoléances à la famille de sa victime Jennifer"
    " Laude."
)
_TROOPS = "Chaque pays a envoyé depuis des dizaines de milliers de soldats dans la région."
_YPERSELE_QUOTE = (
    "Depuis 1950, les études montrent qu'on ne peut pas expliquer le réchauffement sans les facteurs humains"
)
_YPERSELE = f'"{_YPERSELE_QUOTE}", résumait Jean-Pascal van Ypersele.'
_GORES = 'Le journaliste de CNN Bernie Gores a été "exécuté à Kaboul par des soldats Talibans".'
_TRUMP = (
    '"Nous vaincrons le virus et mettrons fin à la pandémie", a encore assuré le 45e président américain.'
)
_VACCINES = "Les vaccins constitueraient un danger et tueraient des millions de personnes dans le monde."


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "quote", "verified", "why"),
    [
        # the first of a month is the day 1
        ("Le 1er juin, la France a annoncé des sanctions.", "On 1 June, France announced sanctions.", None, True, ""),
        ("Le 1er juin, la France a annoncé des sanctions.", "On June 2, France announced sanctions.", None, False, "statement:numbers"),
        # "rien de bon ne": a negation with words between
        ("Le journal estime que rien de bon ne sortira de l'acquisition.", "The newspaper believes that nothing good will come of the acquisition.", None, True, ""),
        ("Le journal estime que rien de bon ne sortira de l'acquisition.", "The newspaper believes that good will come of the acquisition.", None, False, "polarity"),
        # "ne signifie pas que" is a negation, not "ne … que" (only)
        ("La politique de la France est indépendante de l'Otan mais cela ne signifie pas que le pays abandonne ses partenaires.", "France's policy is independent of NATO, but that does not mean the country is abandoning its partners.", None, True, ""),
        ("La politique de la France est indépendante de l'Otan mais cela ne signifie pas que le pays abandonne ses partenaires.", "France's policy is independent of NATO, and the country is abandoning its partners.", None, False, "polarity"),
        # a "sans-" compound negates nothing
        ("Les sans-abri ont été relogés.", "The homeless were rehoused.", None, True, ""),
        # "selon leur statut" says how figures are broken down, not who says so
        ("Les chiffres des morts selon leur statut vaccinal sont disponibles.", "Figures on deaths by vaccination status are available.", None, True, ""),
        ("Les chiffres des morts selon le ministère sont disponibles.", "Figures on deaths are available.", None, False, "certainty"),
        # the speaker's own title is the narrator's; what the speaker says stays his
        (_ILLES, "Zoltan Illes is chairman of the Parliament's environment committee.", "Zoltan Illes, président de la commission de l'environnement du Parlement", True, ""),
        (_ILLES, "The spill is the biggest environmental disaster in Europe.", "le déversement représente la plus grande catastrophe environnementale en Europe", False, "certainty"),
        (_WEBER, "Andrew Weber is a former assistant secretary for US defence programmes.", "Andrew Weber, ancien secrétaire adjoint aux programmes américains de défense", True, ""),
        (_WEBER, "The ministry never had a laboratory in Ukraine.", "Le ministère n'a jamais eu de laboratoire en Ukraine", False, "certainty"),
        # names: Grande-Bretagne, "St." for Saint-, Ben/Bin, an era
        ("Deux fonds basés en Grande-Bretagne ont acheté l'éditeur.", "Two funds based in Britain bought the publisher.", None, True, ""),
        ("Deux fonds basés en Grande-Bretagne ont acheté l'éditeur.", "Two funds based in Germany bought the publisher.", None, False, "statement:names"),
        ("Le navire a accosté à Saint-Martin.", "The ship docked in St. Martin.", None, True, ""),
        ("Le navire a accosté à Saint-Martin.", "The ship docked in St. Moritz.", None, False, "statement:names"),
        ("Une association soutenue par Ben Laden a financé Shah.", "An association backed by Bin Laden financed Shah.", None, True, ""),
        ("Il a régné de 221 av. J.-C. à 207 av. J.-C.", "He reigned from 221 BC to 207 BC.", None, True, ""),
        # "commencent à être publiés": the aspect verb's verb is the participle, not "être"
        ("Les comptes-rendus, qui commencent à être publiés, font apparaître des engagements oraux.", "The minutes, which are starting to be published, reveal oral commitments.", None, True, ""),
        # "peut-être" hedges; "maybe" carries it
        ("La Syrie et le Hezbollah ont peut-être eu des motifs d'éliminer M. Hariri.", "Syria and Hezbollah had motives to eliminate Hariri.", None, False, "certainty"),
        ("La Syrie et le Hezbollah ont peut-être eu des motifs d'éliminer M. Hariri.", "Syria and Hezbollah may have had motives to eliminate Hariri.", None, True, ""),
        ("Nous produirons un vaccin avant la fin de l'année, et peut-être même plus tôt.", "We will produce a vaccine before the end of the year, and maybe even sooner.", None, True, ""),
        # who says it and whom it is said of, swapped across "a écrit que"
        (_WANG, "Embassy spokesman Wang Yongjun wrote that Pompeo had offered no evidence regarding the risks.", None, True, ""),
        (_WANG, "Pompeo wrote that embassy spokesman Wang Yongjun had offered no evidence regarding the risks.", None, False, "frame"),
        # the one who gives, made the one who receives
        (_FLORES, "Flores said Pemberton offers his condolences to the family of his victim, Jennifer Laude.", None, True, ""),
        (_FLORES, "Flores said the family of Jennifer Laude offered its condolences to Pemberton.", None, False, "frame"),
        # a copula has no one acting: "Le beau-père de X est Y" is "Y is X's stepfather"
        ("Le dirigeant de la Corée du Nord est Kim Jong-un.", "Kim Jong-un is the leader of North Korea.", None, True, ""),
        # plural amounts: "tens of thousands" is "des dizaines de milliers", not "thousands"
        (_TROOPS, "Each country has since sent tens of thousands of troops to the region.", None, True, ""),
        (_TROOPS, "Each country has since sent thousands of troops to the region.", None, False, "statement:numbers"),
        ("Des milliers de doses ont été livrées.", "Millions of doses were delivered.", None, False, "statement:numbers"),
        # an English source's plural amount is read in English
        ("Thousands of people marched in London on Saturday.", "Thousands of people marched in London on Saturday.", None, True, ""),
        # a date in digits gives its month; "une déclaration" is an event, not a source
        ("Le 20.03.2005, le secrétaire général de l'ONU a fait une déclaration étonnante.", "On 20 March 2005, the UN Secretary-General made a surprising statement.", None, True, ""),
        ("Le 20.03.2005, le secrétaire général de l'ONU a fait une déclaration étonnante.", "On 20 March 2006, the UN Secretary-General made a surprising statement.", None, False, "statement:dates"),
        # "unable", "disagree" carry the French negation
        ("Le traitement expérimental n'a pas pu protéger les jumeaux.", "The experimental treatment was unable to protect the twins.", None, True, ""),
        ("Le traitement expérimental a pu protéger les jumeaux.", "The experimental treatment was unable to protect the twins.", None, False, "polarity"),
        ("Seulement 3% des scientifiques ne sont pas d'accord.", "Only 3% of scientists disagree.", None, True, ""),
        # "No one" opens a sentence: no name
        ("\"Personne ne sera en sécurité\", a lancé le milliardaire républicain.", "\"No one will be safe,\" the Republican billionaire said.", None, True, ""),
        # a quotation's speaker named by an incise in the imperfect ("résumait X")
        (_YPERSELE, "Since 1950, studies have shown that we cannot explain the warming without human factors.", _YPERSELE_QUOTE, False, "certainty"),
        (_YPERSELE, "Jean-Pascal van Ypersele said that since 1950, studies have shown that we cannot explain the warming without human factors.", _YPERSELE_QUOTE, True, ""),
        # a verb in quotation marks is someone's word: kept in quotation marks or hedged
        (_GORES, "CNN journalist Bernie Gores was executed by Taliban soldiers in Kabul.", None, False, "certainty"),
        (_GORES, "CNN journalist Bernie Gores was 'executed in Kabul by Taliban soldiers'.", None, True, ""),
        # a source the sentence does not give ("journaliste de CNN" is no "according to CNN")
        ("Le journaliste de CNN Bernie Gores a été tué à Kaboul.", "According to CNN, journalist Bernie Gores was killed in Kabul.", None, False, "certainty"),
        ("Selon CNN, le journaliste Bernie Gores a été tué à Kaboul.", "According to CNN, journalist Bernie Gores was killed in Kabul.", None, True, ""),
        ("Comme le rappelle France 3, la température est descendue à -5 degrés.", "According to France 3, the temperature dropped to -5 degrees.", None, True, ""),
        # "zone sans police" is a "police-free zone"; "sans précédent", "plus que jamais" negate nothing; a
        # "--" dash closes an incise ("qui refusent le rattachement" is not the main clause's)
        ("Des manifestants ont tenté d'installer un campement sur le modèle de la zone sans police créée à Seattle.", "Protesters tried to set up a camp modelled on the police-free zone created in Seattle.", None, True, ""),
        ("Des manifestants ont tenté d'installer un campement sur le modèle de la zone de police créée à Seattle.", "Protesters tried to set up a camp modelled on the police-free zone created in Seattle.", None, False, "polarity"),
        ("Il gère cette crise sanitaire sans précédent.", "He is handling this unprecedented health crisis.", None, True, ""),
        ("Les réseaux sociaux luttent plus que jamais contre la désinformation.", "Social networks are fighting disinformation more than ever.", None, True, ""),
        ("Londonderry -- appelée Derry par les Républicains qui refusent le rattachement au Royaume-Uni -- est tristement célèbre pour le Bloody Sunday.", "Londonderry is notorious for Bloody Sunday.", "est tristement célèbre pour le Bloody Sunday", True, ""),
        # whose lawyer is no speaker; "déni de justice" is a "denial of justice" on both sides
        ("L'avocat a également estimé que Ratko Mladic pourrait être victime d'un déni de justice.", "Mladic's lawyer also argued that Ratko Mladic could be the victim of a denial of justice.", None, True, ""),
        # the speaker a closing incise names, made the one spoken to
        (_TRUMP, "He assured the 45th President of the United States that we will defeat the virus and end the pandemic.", None, False, "frame"),
        (_TRUMP, "The 45th American president also assured: 'We will defeat the virus and end the pandemic'.", None, True, ""),
        # a name the sentence gives twice acts where it has no noun before it
        (_QIN, "Qin Shi Huang was the first emperor of the Qin dynasty.", "premier empereur de la dynastie Qin", True, ""),
        ("La femme de Vladimir Poutine a visité l'hôpital.", "Vladimir Putin visited the hospital.", None, False, "frame"),
        # the conditional of hearsay ("tueraient") needs its hedge
    ],
)  # fmt: skip
def test_held_out_classes(french: str, statement: str, quote: str | None, verified: bool, why: str) -> None:
    verdict, failed = _check(french, statement, quote=quote)
    assert (verdict == "verified") is verified, failed
    if why:
        assert why in failed, failed


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "verified"),
    [
        ("The vaccines pose a danger and kill millions of people in the world.", False),
        ("The vaccines would pose a danger and would kill millions of people in the world.", True),
        ("The vaccines allegedly pose a danger and kill millions of people in the world.", True),
    ],
)
def test_the_conditional_of_hearsay_needs_its_hedge(statement: str, verified: bool) -> None:
    verdict, failed = _check(_VACCINES, statement, certainty="alleged")
    assert (verdict == "verified") is verified, failed
    assert verified or "certainty" in failed, failed


@needs_dicts
@pytest.mark.parametrize(
    ("name", "mention", "plausible"),
    [
        ("Edvard Munch", "Munch", True),  # a first name the mention leaves out
        ("Mount Everest", "Everest", True),
        ("Sergei Lavrov", "Sergueï Choïgou", False),  # another person who shares the first name
        ("Sergei Lavrov", "Choïgou", False),
    ],
)
def test_a_typed_name_may_add_words_before_the_name_its_mention_gives(
    name: str, mention: str, plausible: bool
) -> None:
    assert names.plausible(name, mention)[0] is plausible


@needs_dicts
def test_an_inflected_word_comes_from_no_shorter_word_it_cannot_come_from() -> None:
    # "raped" rested on "rap" ("attackieren" → rap) and so on "agressée"
    assert "rap" not in wordnet.base_forms("raped") and "rape" in wordnet.base_forms("raped")
    assert "hop" not in wordnet.base_forms("hopes") and "hope" in wordnet.base_forms("hopes")
    assert {"plan", "visit", "pass"} <= wordnet.base_forms("planned") | wordnet.base_forms(
        "visited"
    ) | wordnet.base_forms("passes")


@needs_dicts
def test_a_verb_in_s_after_an_adverb() -> None:
    assert has_verb(
        "The International Atomic Energy Agency report detailing the discovery also faults Tehran."
    )
    assert not has_verb("The Chinese Communist Party.")
