"""The checker's own word table (lexicon layer ``table``): the English words its verdict turns on
(negation, degree, roles, reporting verbs), news wording none of the installed dictionaries gives,
idioms, and the false friends the spelling layers must not match.
"""

from __future__ import annotations

from collections.abc import Set

# English word (lemma) → French lemmas, for what the verdict turns on.
TABLE = {
    "not": "ne pas plus jamais aucun aucune nul nullement sans non", "no": "aucun aucune pas ne nul non",
    "never": "jamais", "nobody": "personne", "nothing": "rien", "without": "sans",
    "whenever": "des chaque fois quand lorsque",
    "former": "ancien ancienne ex", "current": "actuel actuelle", "new": "nouveau nouvelle neuf",
    "only": "seul seulement ne que uniquement", "too": "trop", "also": "aussi egalement",
    "say": "dire declarer affirmer indiquer assurer estimer ajouter expliquer souligner",
    "claim": "affirmer assurer pretendre revendiquer", "tell": "dire declarer",
    "alleged": "presume presumee presumes presumees pretendu pretendue pretendus pretendues soi-disant",
    "add": "ajouter", "accuse": "accuser reprocher", "deny": "nier dementir rejeter refuter",
    "reject": "rejeter refuter", "report": "rapporter selon signaler indiquer faire_etat", "suspect": "soupconner",
    "kill": "tuer mort deces trouver", "death": "mort deces",
    "people": "personne gens", "person": "personne", "man": "homme", "men": "homme", "woman": "femme parturiente",
    "women": "femme parturiente", "child": "enfant gosse gamin", "kid": "enfant gosse gamin", "police": "police policier forces_de_l_ordre", "officer": "policier agent officier",
    "head": "chef tete responsable", "leader": "chef dirigeant leader", "year": "an annee",
    "old": "age ans vieux ancien", "week": "semaine", "day": "jour journee", "month": "mois",
    "country": "pays", "government": "gouvernement", "army": "armee", "troops": "troupe", "soldier": "soldat militaire",
    "court": "tribunal cour justice", "judge": "juge", "lawyer": "avocat", "spokesman": "porte-parole",
    "spokeswoman": "porte-parole", "minister": "ministre", "president": "president chef",
    "bombing": "attentat", "arrest": "interpeller arreter arrestation interpellation", "detain": "interpeller arreter detenir retenir",
    "release": "liberation liberer relacher", "free": "liberer libre liberation", "postpone": "reporter", "colon": "colon",
    "sentence": "condamner peine", "convict": "condamner coupable", "find": "trouver estimer juger constater",
    "want": "vouloir souhaiter tenir_a", "wish": "souhaiter vouloir tenir_a", "plan": "prevoir planifier projet plan",
    "begin": "commencer entamer debuter", "start": "commencer entamer debuter lancer", "end": "fin terminer",
    "take": "prendre", "give": "donner accorder", "make": "faire commettre", "become": "devenir", "remain": "rester",
    "still": "toujours encore", "more": "plus", "less": "moins", "than": "que", "most": "plus", "first": "premier",
    "last": "dernier", "other": "autre", "many": "nombreux beaucoup", "several": "plusieurs", "all": "tout",
    "because": "car parce raison", "despite": "malgre", "since": "depuis ans_de", "until": "jusqu",
    "before": "avant a_moins_de", "after": "apres au_sortir_de a_l_issue_de", "against": "contre", "between": "entre", "among": "parmi entre au_sein", "behind": "derriere",
    "shell": "obus", "artillery": "artillerie obus", "launcher": "lanceur lance-roquettes lance-missiles",
    "provide": "fournir prevoir procurer", "close": "etroit proche", "facility": "usine installation site",
    "intention": "volonte intention", "manage": "parvenir reussir gerer",
    "survive": "survivre rester_en_vie", "ammunition": "munition munitions", "supply": "fournir livrer approvisionner",
    "include": "comprendre inclure compris notamment", "deliver": "livrer", "transfer": "transferer", "ship": "expedier envoyer",
    "about": "environ sur", "around": "environ autour vers", "nearly": "pres presque", "almost": "presque",
    # News wording the dictionaries miss: verbs a translator renders by another verb or a phrase.
    "visit": "visite visiter rendre", "go": "rendre aller", "highlight": "evidence souligner",
    "occur": "produire survenir", "happen": "produire survenir", "restore": "reconstituer retablir",
    "replenish": "reconstituer", "rebuild": "reconstruire reconstituer", "raise": "soulever susciter",
    "spark": "susciter provoquer declencher", "counterpart": "homologue", "statement": "communique declaration releve",
    "prosecutor": "procureur parquet", "prosecution": "parquet accusation", "office": "parquet bureau", "custody": "garde", "initially": "initialement premier",
    "target": "cibler viser cible", "require": "exiger contraindre necessiter",
    "face": "affronter confronter encourir", "schedule": "prevoir programmer", "undergo": "subir",
    "suffer": "subir victime souffrir", "serve": "purger effectuer servir", "suspend": "suspendre sursis",
    "suspended": "sursis", "clarify": "preciser", "specify": "preciser", "unspecified": "non_preciser",
    "charge": "inculpation inculper accusation chef", "flag": "signaler", "pledge": "engager promettre",
    "vulnerable": "fragile vulnerable", "request": "demander requerir reclamer", "hand down": "prononcer",
    "reach": "atteindre arriver parvenir", "money": "argent somme", "tip": "pourboire",
    "seat": "siege banquette", "including": "dont notamment", "blow up": "exploser faire_sauter",
    "record": "bilan record recenser recense recensee recenses recensees", "count": "compter recenser recense recensee recenses recensees", "seek": "chercher vouloir", "scheduled": "prevu", "working": "actif active",
    "fight": "combattre lutter battre affrontement combat", "enter": "entrer saisir composer taper",
    "stun": "stupefait abasourdi interloque sidere", "stunned": "stupefait abasourdi interloque sidere",
    "join": "rejoindre joindre participer meler", "nursery": "maternelle creche", "ward": "maternite service", "host": "animateur animatrice presentateur",
    "pose": "poser representer constituer", "northwest": "nord-ouest", "northeast": "nord-est",
    "southwest": "sud-ouest", "southeast": "sud-est", "northern": "nord", "southern": "sud sudiste",
    "eastern": "est oriental", "western": "ouest occidental",
    # Idioms, as French lemmas joined by "_": each word of the phrase must be there, in order.
    "die": "mourir mort deces decede perdre_la_vie trouver_la_mort", "group": "groupe association collectif",
    "give birth": "accoucher parturiente", "complete": "achever terminer effectuer accomplir",
    "due": "en_raison a_cause", "date back": "remonter", "slow": "ralentir freiner enrayer",
    "implement": "mettre_en_place appliquer", "set up": "mettre_en_place creer etablir instaurer", "gradual": "progressif graduel", "attack": "attaque attentat assaut attaquer en_prendre", "immediately": "tout_de_suite",
    "long": "tant_que",
    "backtrack": "faire_machine_arriere", "flatly": "en_bloc", "outright": "en_bloc",
    "take place": "avoir_lieu derouler realiser tenir", "instead": "a_la_place au_lieu", "head-on": "de_front",
    "absentia": "contumace en_son_absence", "blame": "imputer reprocher accuser",
    "result": "faire provoquer causer entrainer aboutir", "lead": "mener conduire entrainer declencher aboutir diriger", "trigger": "declencher provoquer susciter", "leave": "faire laisser quitter",
    "avoid": "eviter pas", "refrain": "abstenir pas", "prevent": "empecher pas", "hit": "percuter heurter frapper", "impose": "imposer decreter", "post": "poste affecter aupres",
    "carry out": "mener realiser effectuer proceder",
    # Reporting and hedging verbs, content words like any other (the certainty check reads the hedge).
    "insist": "insister marteler affirmer", "expect": "tabler_sur attendre prevoir compter_sur",
    "believe": "croire penser estimer", "think": "penser croire estimer", "argue": "estimer affirmer soutenir",
    "suggest": "suggerer laisser_entendre", "urge": "exhorter appeler presser",
    "call": "appeler reclamer exhorter surnommer nommer qualifier", "announce": "annoncer",
    "confirm": "confirmer", "declare": "declarer clamer proclamer", "mention": "evoquer mentionner citer",
    "supposed": "devoir cense", "state": "declarer affirmer indiquer", "indicate": "indiquer signaler",
    "note": "noter relever constater souligner", "back seat": "banquette", "because of": "face_a grace_a",
    "faced with": "face_a", "city hall": "mairie hotel_de_ville", "centre": "autour centre", "center": "autour centre", "reaction": "reaction malaise",
    "safety": "surete securite", "security": "surete securite forces_de_l_ordre", "decline": "degringolade declin baisse chute",
    "collapse": "degringolade effondrement", "reopening": "deconfinement reouverture",
    "easing": "deconfinement assouplissement", "via": "par_la_voix_de par",
    # Common news words none of the installed dictionaries gives (soulèvement, inédit, secourir…).
    "uprising": "soulevement revolte insurrection", "unprecedented": "inedit sans_precedent",
    "rescue": "secourir sauver secours", "rescuer": "secours secouriste sauveteur", "exhausted": "extenue epuise",
    "scuffle": "escarmouche echauffouree bagarre heurt", "clash": "heurt echauffouree affrontement accrochage",
    "gunfire": "coup_de_feu tir fusillade", "shot": "coup_de_feu tir balle", "shoot": "tirer abattre",
    "abroad": "a_l_etranger", "beyond": "au-dela au_dela", "thanks to": "grace_a", "criticize": "critiquer decrier fustiger denoncer",
    "criticise": "critiquer decrier fustiger denoncer", "favour": "privilegier favoriser",
    "favor": "privilegier favoriser", "prioritize": "privilegier prioriser", "prioritise": "privilegier prioriser",
    "threat": "menace sous_peine_de", "kidnap": "enlever kidnapper rapt enlevement",
    "abduct": "enlever enlevement rapt", "dismiss": "limoger renvoyer congedier rejeter", "sack": "limoger",
    "plunge": "devisser chuter plonger degringoler", "official": "elu responsable fonctionnaire",
    "organization": "association organisation ong", "organisation": "association organisation ong",
    "suicide bomber": "kamikaze", "hearing": "audience", "anniversary": "anniversaire ans", "airstrike": "frappe_aerienne raid",
    "joint authority": "syndicat_mixte", "leisure centre": "base_de_loisirs", "leisure center": "base_de_loisirs",
    # Acronyms that are common nouns, not names (``COMMON_ACRONYMS``): matched as words.
    "pin": "code_secret", "dna": "adn", "gdp": "pib", "vat": "tva", "ceo": "pdg", "atm": "distributeur",
    "hiv": "vih", "aids": "sida",
    # Pronouns and phrases the dictionaries render as several words (tout le monde: everyone).
    "everyone": "tout_le_monde chacun", "everybody": "tout_le_monde chacun", "perpetrator": "auteur",
    "flare up": "enflammer embraser", "high": "vif eleve haut",
}  # fmt: skip
COMMON_ACRONYMS = frozenset("PIN DNA GDP VAT CEO ATM HIV AIDS".split())
# Adverbs an English verb takes where French has one verb: carry out (mener), give back (rendre).
PARTICLES = frozenset("out up down off away back over".split())
# False friends: French words spelt like an English word that does not render them (reporter means
# postpone; audience, a court hearing), which no layer may match (the common lists of French-English
# false friends, as far as news uses them).
FALSE_FRIENDS = {
    "report": "reporter report", "audience": "audience", "casualty": "blesse blesses blessee blessees", "animator": "animateur animatrice", "chars": "chars", "actual": "actuel", "actually": "actuellement",
    "eventual": "eventuel", "eventually": "eventuellement", "sensible": "sensible", "attend": "attendre",
    "deception": "deception", "pretend": "pretendre", "resume": "resumer", "achieve": "achever",
    "assist": "assister", "library": "librairie", "location": "location", "journey": "journee",
    "lecture": "lecture", "sympathetic": "sympathique", "injury": "injure", "college": "college",
    "delay": "delai", "issue": "issue", "rude": "rude", "supply": "supplier", "demand": "demander",
    "large": "large", "luxury": "luxure", "colonial": "colon", "petrol": "petrole", "crane": "crane",
    "apologize": "apologie", "apologise": "apologie", "apology": "apologie",  # apologie: glorification
    "change": "chantage",  # blackmail
    "interrogate": "interpeller interpelle interpellee interpelles interpellees",  # interpellé: detained
    "interview": "interpeller interpelle interpellee interpelles interpellees interpellant",  # call out to
    "question": "interpeller interpelle interpellee interpelles interpellees",  # interpellé: detained; interpeller X: call out to X
    "interrogation": "interpellation interpellations",  # arrests
    "convict": "inculper inculpe inculpee inculpes inculpees",  # inculpé: charged, not convicted
    "cancel": "reporter reporte reportee reportes reportees reportait reportera",  # reporté: postponed
    "protestant": "manifestant manifestante manifestants manifestantes protestataire protestataires",
    "manifest": "manifester manifestons manifestent manifestant manifestants manifestation manifestations",
    # the verb "supporter" is bear, stand ("ne l'a pas supporté"); the noun (a fan) is a supporter
    "support": "supporte supportee supportes supportees supportait supportaient supportent supportera",
    "inconsistent": "inconsistant inconsistante inconsistants inconsistantes",  # flimsy
    "evidence": "evidence", "grace": "grace", "process": "proces", "bless": "blesser blesse blessee blesses blessees",
    "ambassador": "ambassade ambassades", "embassy": "ambassadeur ambassadeurs ambassadrice",
    "comedian": "comedien comedienne comediens comediennes",  # an actor; a comedian is a humoriste
    "plume": "plume plumes",  # a writer ("l'ex-plume des Guignols"), a pen; a plume of smoke is a panache
    "reunion": "reunion reunions", "medicine": "medecin medecins", "deceive": "decevoir decu decue decus decues",
    "comprehensive": "comprehensif comprehensive", "fabric": "fabrique", "hazard": "hasard", "envy": "envie",
    "cave": "cave", "coin": "coin", "phrase": "phrase", "stage": "stage", "conductor": "conducteur",
    "photograph": "photographe", "preservative": "preservatif", "retribution": "retribution",
    "parquet": "parquet",  # le parquet: the prosecutor's office
    "explosion": "explosif explosifs explosive explosives",  # an explosive, not its blast
    "conspire": "conspuer conspue conspuee conspues conspuees conspuent conspuait conspuaient",  # boo, decry
    "actress": "animatrice animatrices", "actor": "animateur animateurs",  # a radio or TV host
    "illness": "malaise malaises",  # a fainting fit, a turn: "malaise fatal" is no fatal illness
    # affirmer: assert, claim ("a affirmé que sa santé…" is the son's claim, not a confirmation)
    "confirm": "affirmer affirme affirmee affirmes affirment affirmait affirmaient affirmant affirmera",
    "figure": "figurant figurants figurante figurantes",  # extras (in a film, a demonstration)
    "gasp": "gaspiller gaspille gaspillez gaspillent gaspillage",  # waste
    "table": "tableau tableaux",  # a painting, a picture, a chart
    "diplomat": "diplomatie",  # "la diplomatie chinoise": the foreign ministry, not a diplomat
}  # fmt: skip
# French fixed expressions whose words mean something else together ("pris acte" is took note, not
# took action): French lemmas joined by "_" → the English phrases that render them. The expression's
# words render only these (a word of them, or the phrase), never another word by their own sense.
IDIOMS = {
    "prendre_acte": "take note, note, acknowledge", "prendre_part": "take part, participate, join",
    "revendiquer": "claim, claim responsibility, responsibility",
    "prendre_fin": "end, come to an end, over, stop", "mettre_fin": "end, put an end, halt, stop",
    "faire_face": "face, confront, deal, cope", "faire_appel": "appeal, call on, turn to, use, resort",
    "faire_etat": "mention, report, cite, refer", "faire_part": "announce, share, inform, express, tell",
    "pas_question": "out of the question, out, question",
    "faire_valoir": "argue, assert, claim, put forward, stress, point out, insist, maintain",
    "retrouver_face": "face, faced, facing, found facing, come face to face, came face to face, confront, confronted",  # se retrouver face à
    "il_m_revenir": "fall to, fell to, up to, be for, my job, my task",  # il m'est revenu de: it fell to me to
    "maire_sortant": "outgoing mayor, incumbent mayor, outgoing, incumbent, mayor",  # not a mayor "leaving"
    "president_sortant": "outgoing president, incumbent president, outgoing, incumbent, president",
    "depute_sortant": "outgoing mp, incumbent mp, outgoing, incumbent, mp, deputy, member",
    # croiser quelqu'un: run into them, not "cross" them (oppose)
    "le_croiser": "run into, ran into, meet, met, come across, came across, bump into, see, saw, encounter",
    "la_croiser": "run into, ran into, meet, met, come across, came across, bump into, see, saw, encounter",
    "regler_la_note": "pay, paid, paying, settle, settled, settling, bill",  # régler la note: pay the bill
    "note_saler": "steep, bill, expensive, high, hefty, costly, pricey",  # la note est salée: the bill is steep
    "faire_preuve": "show, display, demonstrate", "faire_l_objet": "subject, undergo, face, target",
    "tenir_compte": "take into account, account, consider", "rendre_compte": "report, account, realise, realize",
    "donner_lieu": "lead, give rise, cause, result, prompt", "avoir_lieu": "take place, happen, occur, hold, held",
    "mettre_en_cause": "implicate, question, blame, challenge, call into question, accuse",
    "mettre_en_oeuvre": "implement, carry out, put into practice, apply",
    "porter_plainte": "file complaint, lodge complaint, complaint, sue, press charges",
    "porter_atteinte": "undermine, harm, damage, infringe, violate, attack",
    "tirer_parti": "take advantage, exploit, benefit, capitalise, capitalize",
    "prendre_en_charge": "take charge, take care, care, handle, treat, cover",
    "faire_machine_arriere": "backtrack, reverse, reverse course, change course, back down, u-turn",
    "tout_de_suite": "immediately, straight away, right away, at once",
    # Court and police wording a word-for-word reading gets wrong ("mis en examen" is not "examined").
    "mettre_en_examen": "charge, charged, indict, indicted, formal investigation, placed under investigation, investigate, investigation",
    "avec_sursis": "suspended, suspended sentence, probation",  # not "with a delay"
    "garde_a_vue": "custody, police custody, taken into custody, detained, detention, held, hold, questioning",
    "prendre_la_fuite": "flee, fled, escape, escaped, run, ran away",
    "mettre_en_garde": "warn, warning, caution",
    "rendre_hommage": "pay tribute, tribute, pay homage, homage, honour, honor, salute",
    "avoir_recours": "resort, use, turn to, rely",
    "porter_secours": "help, rescue, aid, assist",
    "passer_a_tabac": "beat, beat up, beaten",
    "imputer_la_responsabilite": "hold responsible, blame, responsible, responsibility, attribute, impute",
    "porter_le_nom": "named after, named, bear the name, carry the name, name",
    "grand_ami": "close friend, good friend, great friend, friend",
    "essouffler": "run out of steam, run out, lose steam, lose momentum, subside, fizzle out, wane, falter, out of breath",
    "mettre_en_sourdine": "mute, muted, silence, silenced, tone down, quiet, subdue, put on hold",
    "code_secret": "pin, pin code, secret code, code",
    "tant_que": "as long as, so long as, while, long",
    "prison_a_vie": "life imprisonment, life sentence, life in prison, life, prison, jail, imprisonment, sentence",
    "a_perpetuite": "life, for life, life imprisonment, life sentence, in perpetuity",
    "rejeter_l_appel": "reject the appeal, dismiss the appeal, reject, dismiss, turn down, appeal",
    "billet_vert": "dollar, US dollar, greenback, greenbacks",
    "frapper_au_couteau": "stab, stabbed, knife, knifed, with a knife",
    "rompu_aux": "hardened to, used to, accustomed to, inured to, seasoned, hardened, accustomed, familiar with",
    "passer_mal": "go wrong, goes wrong, went wrong, go badly, badly, wrong, complications",
    "dans_le_cadre": "as part of, part of, within, under, framework, context, in the context of",
    "armee_de_terre": "army, ground forces, ground troops, us army",  # not "army of land"
    "police_judiciaire": "judicial police, criminal police, criminal investigation police, police, investigators",
    # a currency, not a book
    "livre_libanais": "pound, Lebanese pound, currency, Lebanese currency", "livre_sterling": "pound, sterling, pound sterling",
    "livre_turc": "pound, Turkish pound, lira", "livre_egyptien": "pound, Egyptian pound",
    "livre_syrien": "pound, Syrian pound",
    # Common news idioms whose words, read one by one, say something else ("put oil on the fire").
    "mettre_de_l_huile_sur_le_feu": "add fuel to the fire, fuel, inflame, stoke, aggravate, fan the flames",
    "a_la_barre": "on the stand, stand, witness stand, testify, testified, before the court, in court",
    "au_micro_de": "speaking to, told, said to, in an interview with, interview, on",
    "front_de_mer": "seafront, waterfront, seaside, sea front",
    "premier_ministre": "prime minister, premier, pm, minister",
    "avoir_des_vues_sur": "designs on, have designs on, covet, coveted, eye, eyed, set sights on",
    "a_la_vie_a_la_mort": "forever, for ever, lifelong, through thick and thin, inseparable, for better or worse",
    "levee_de_boucliers": "outcry, uproar, protest, protests, backlash, storm of protest",
    "feu_d_artifice": "fireworks, firework, firework display, fireworks display",
    "donner_le_feu_vert": "green light, give the green light, approve, approved, authorise, authorize, clear",
    "tirer_la_sonnette_d_alarme": "sound the alarm, raise the alarm, warn, alarm",
    "jeter_l_eponge": "give up, throw in the towel, quit, concede",
    "bras_de_fer": "standoff, stand-off, showdown, tug of war, battle, struggle, power struggle",
    "coup_de_theatre": "twist, dramatic turn, surprise, turnaround, bombshell",
    "lever_le_voile": "unveil, reveal, lift the veil, shed light",
    "tenir_tete": "stand up to, resist, defy, hold out",
    "prendre_le_relais": "take over, take up, relay, succeed",
    "monter_au_creneau": "speak out, step in, step up, defend, come forward",
    "prendre_la_parole": "speak, spoke, take the floor, address, addressed",
    "faire_le_point": "take stock, review, update, assess, brief, briefing",
    "mettre_en_place": "set up, put in place, implement, establish, introduce, install",
    "renvoyer_la_balle": "return the favour, return the favor, hit back, retort, turn the tables",
    "priver_de_liberte": "detained, detain, held, hold, deprived of liberty, deprived of freedom, custody, arrested, jailed",
    "chef_de_la_diplomatie": "foreign minister, secretary of state, top diplomat, diplomacy chief, head of diplomacy, foreign affairs",
    "camp_de_reeducation": "re-education camp, reeducation camp, re-education, reeducation, education, camp, camps",
    "defense_des_droits": "rights, human rights, rights group, rights groups, advocacy, campaign, campaigners, activists",
    "depot_de_plainte": "complaint, file a complaint, filed a complaint, filing, lodge a complaint, lodged, legal complaint",
    "jour_j": "d-day",  # the Normandy landings, or a big day: never "the day"
}  # fmt: skip
# French acronyms an English statement must translate (NATO, UN, EU, DPRK, WHO, IMF, ICTY, CCP, IAEA, OECD,
# OPEC, NGO, GDP) outside the parentheses that gloss a name ("the International Monetary Fund (FMI)"); not
# those English uses for something else (CPI, BCE).
FRENCH_ACRONYMS = tuple("OTAN ONU UE RPDC OMS FMI TPIY PCC AIEA OCDE OPEP ONG PIB".split())


def table_senses(forms: Set[str]) -> list[tuple[int, str]]:
    """The English words the table renders any of these folded French forms by, each with the earliest
    place a form holds in its French list (0: the table's first sense for it), best first."""
    return sorted(
        (min(i for i, f in enumerate(fr.split()) if f in forms), e)
        for e, fr in TABLE.items()
        if forms & set(fr.split())
    )
