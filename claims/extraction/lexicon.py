"""Word lists the extraction rules consult.

Kept apart from the rules so that a missed role or speech verb is a one-line fix.
Every entry is lower case; callers compare against ``word.lower()``.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` as a set: how every list here is written."""
    return frozenset(text.split())


_words = word_set


# Verbs that attribute words to a speaker ("said the Minister", "she added").
SPEECH_VERBS = _words(
    """
    said says say added adds stated states commented comments explained explains noted notes
    warned warns continued continues told tells stressed stresses emphasised emphasized
    emphasises emphasizes underlined underlines concluded concludes insisted insists remarked
    remarks declared declares announced announces acknowledged acknowledges observed observes
    wrote writes asked asks replied replies answered answers urged urges argued argues recalled
    recalls highlighted highlights cautioned cautions admitted admits affirmed affirms confirmed
    confirms predicted predicts promised promises vowed vows reflected reflects shared shares
    tweeted tweets posted posts joked jokes agreed agrees pointed points went goes described
    describes called calls claimed claims reiterated reiterates suggested suggests believes
    believed thinks feels felt revealed reveals assured assures maintained maintains
    mentioned mentions summarised summarized summed opined quipped responded responds
    sagte sagt ergänzte ergänzt erklärte erklärt betonte betont warnte meinte fügte
    déclaré dit ajouté affirmé souligné expliqué estimé indiqué précisé déclare affirme
    """
)

# Participles that hang reported speech on the sentence's speaker (", noting that ...").
SPEECH_PARTICIPLES = _words(
    """
    saying adding noting stressing warning explaining underlining emphasising emphasizing
    stating commenting insisting arguing highlighting pointing calling describing urging
    acknowledging recalling cautioning declaring announcing claiming telling reiterating
    """
)

# Reported speech in a claim ("He underlined the importance of ...").
REPORTING_VERBS = (
    SPEECH_VERBS - _words("posted posts shared shares went goes described")
) | _words(
    "expressed expresses reaffirmed reaffirms"
)

# Verbs whose subject must be followed by a word such as "out" or "on" to attribute.
VERB_PARTICLES = {"pointed": "out", "points": "out", "went": "on", "goes": "on", "summed": "up"}

HONORIFICS = _words(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev revd reverend ven venerable msgr
    fr father sister hon honourable honorable cllr councillor sen rep gov gen col capt lt sgt
    insp supt det dci ds pc cr excellency rt right sheikh sheikha highness
    haji hajji hajjah datuk dato datin tun puan encik shri smt
    """
)

# Academic and professional titles written as abbreviations before a name, as printed
# (case matters: "DI" is an engineer's title, "di" a particle): German and Austrian ("Mag.",
# "DI", "Ing.", "LH" for Landeshauptmann, "Bgm." for Bürgermeister) and Spanish ("Lic.",
# "Arq.", "Mtro."). They are titles, never part of the name after them.
TITLE_ABBREVIATIONS = _words("""
    Mag MMag DI Dipl Ing DDr Dkfm KommR LH LHStv LR Bgm Vzbgm Abg LAbg NAbg StR GR
    Lic Lcda Lcdo Licda Licdo Arq Dra Mtro Mtra
""")

# Titles of royal, noble and religious rank. They stand before the name they title, which
# is often a given name alone ("la princesse Amalinde", "König Haralt", "el papa Clemente");
# after a given name they are a surname ("Stephen King", "Thomas König", "Ana Conde").
# English ones other than the roles below are given names as often ("Earl Shaver"), and
# so are French and Spanish ones capitalised without an article ("Pape Sène").
RANK_TITLES_ABROAD = _words(
    """
    roi reine princesse pape empereur impératrice duc duchesse comte comtesse évêque
    archevêque rey reina príncipe princesa papa emperador emperatriz duque duquesa conde
    condesa infante infanta obispo arzobispo könig königin prinz prinzessin papst kaiser
    kaiserin herzog herzogin graf gräfin fürst fürstin bischof bischöfin erzbischof
    """
)
RANK_TITLES = RANK_TITLES_ABROAD | _words("king queen prince princess pope bishop archbishop")

# Honorifics written before a given name rather than a surname ("Sir Anand", "Sheikh Mohammed").
GIVEN_NAME_HONORIFICS = _words("sir dame sheikh sheikha lord lady")

MALE_HONORIFICS = _words("mr sir lord father fr king prince haji hajji encik shri")
FEMALE_HONORIFICS = _words("mrs ms miss dame lady sister queen princess hajjah datin puan smt")

PRONOUNS = {
    "he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p",
    "it": "o", "we": "p", "i": "",
}

# Words that make a capitalised run a role ("Secretary General", "Prime Minister").
ROLE_WORDS = _words(
    """
    secretary general secretary-general minister president vice-president commissioner
    chancellor vice-chancellor pro-vice-chancellor chief executive officer ceo cfo coo cto cmo
    cio cso chair chairman chairwoman chairperson director director-general head manager
    spokesperson spokesman spokeswoman founder co-founder cofounder dean provost rector
    professor lecturer researcher ambassador governor mayor senator congressman congresswoman
    councilman councilwoman selectman selectwoman assemblyman assemblywoman legislator
    councillor councilor deputy acting assistant associate senior principal lead leader coach
    captain inspector superintendent constable sergeant detective commander sheriff attorney
    prosecutor judge premier taoiseach tánaiste tanaiste king queen prince princess pope
    archbishop bishop cardinal envoy rapporteur representative economist analyst scientist
    partner owner administrator coordinator co-ordinator adviser advisor counsel treasurer
    controller registrar undersecretary under-secretary trustee admiral colonel lieutenant
    brigadier marshal commissioner commissioners minister-president chief-executive
    president-elect physician surgeon nurse curator editor author headteacher headmaster
    headmistress principal superintendent officer spokesperson fellow student chairs
    executive-director md vp svp evp gm midfielder striker defender goalkeeper player
    manager-director secretary-of-state whip speaker prime managing high special commercial
    operating financial marketing technology first-minister co-author author
    member assemblymember councilmember congressmember alderman alderwoman co-rapporteur
    bundesminister bundesministerin staatssekretär staatssekretärin präsident präsidentin
    ministerin vorsitzende vorsitzender sprecher sprecherin geschäftsführer direktor
    direktorin président présidente directeur directrice ministre porte-parole
    nutritionist dietitian dietician engineer architect lawyer solicitor barrister doctor
    pharmacist teacher historian planner consultant specialist expert strategist journalist
    ranger officer-in-charge helm coxswain crew skipper mechanic navigator
    helms coxswains skippers navigators mechanics
    archdeacon vicar curate chaplain deacon pastor rabbi imam priest moderator
    governor-general attorney-general solicitor-general surgeon-general inspector-general
    auditor-general consul-general comptroller ombudsman ombudsperson municipal provincial
    """
)

# Role words that only count as a role when another role word or "of/for" accompanies them.
WEAK_ROLE_WORDS = _words(
    """
    general senior associate assistant principal lead executive officer head partner owner
    fellow student acting deputy speaker player chief prime managing high special commercial
    operating financial marketing technology vice member municipal provincial
    """
)

# Canonical forms so that "the company's CEO" matches "Chief Executive Officer Mary Barra".
ROLE_SYNONYMS = (
    ("premier ministre", "prime minister"),
    ("jefe de estado", "president"),
    ("chef de l’état", "president"),
    ("chef de l'état", "president"),
    ("staatsoberhaupt", "president"),
    ("jefe del ejecutivo", "president"),
    ("primer ministro", "prime minister"),
    ("primera ministra", "prime minister"),
    ("presidenta", "president"),
    ("presidente", "president"),
    ("président", "president"),
    ("présidente", "president"),
    ("präsident", "president"),
    ("präsidentin", "president"),
    ("mandatario", "president"),
    ("mandataria", "president"),
    ("ministra", "minister"),
    ("ministro", "minister"),
    ("ministre", "minister"),
    ("ministerin", "minister"),
    ("presidente municipal", "mayor"),
    ("presidenta municipal", "mayor"),
    ("edil", "mayor"),
    ("alcaldesa", "mayor"),
    ("alcalde", "mayor"),
    ("maire", "mayor"),
    ("bürgermeisterin", "mayor"),
    ("bürgermeister", "mayor"),
    ("portavoz", "spokesperson"),
    ("porte-parole", "spokesperson"),
    ("sprecherin", "spokesperson"),
    ("sprecher", "spokesperson"),
    ("directora", "director"),
    ("directeur", "director"),
    ("directrice", "director"),
    ("direktorin", "director"),
    ("direktor", "director"),
    ("chief executive officer", "ceo"),
    ("chief executive", "ceo"),
    ("chief financial officer", "cfo"),
    ("chief operating officer", "coo"),
    ("chief technology officer", "cto"),
    ("chief marketing officer", "cmo"),
    ("secretary-general", "secretary general"),
    ("director-general", "director general"),
    ("vice-president", "vice president"),
    ("vice-chancellor", "vice chancellor"),
    ("chairman", "chair"),
    ("chairwoman", "chair"),
    ("chairperson", "chair"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("prof", "professor"),
    ("co-founder", "founder"),
    ("cofounder", "founder"),
)

PARTICLES = _words(
    "von van der den de del della di da du dos das la le bin bint binti ibn al el ter ten zu af"
    " ó ní uí nic ap"
)

# First parts of hyphenated common words ("Co-author", "Ex-minister"); after any other, a
# short lower-case part makes a given name ("Seon-hee", "Nak-yon").
HYPHEN_PREFIXES = _words(
    """
    co vice ex non anti pro pre post self multi semi inter cross well long short high low
    full part all one two three four five first second third under over sub mid re de year
    day week month half top record world e
    """
)

# Endings of capitalised common nouns (all German nouns are capitalised, and headlines
# capitalise Spanish and French ones): a word ending so is not part of a person's name.
COMMON_NOUN_ENDINGS = {
    "de": ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion",
           "tionen", "tät", "täten", "ismus", "nisse", "ium", "ischen", "ische", "lichen",
           "liche", "ierung", "ierte", "ierten", "ende", "enden", "ige", "igen", "ffene", "ffenen",
           "ogene", "ogenen", "nnene", "nnenen",
           # (bodies: "Landesverband", "Fahrradclub"'s kin "Sportverein", "Fachhochschule")
           "verband", "verbände", "verein", "vereine", "hochschule", "polizei", "behörde",
           "gericht", "zentrum", "institut", "partei", "agentur", "klinikum", "netzwerk",
           "ument", "ament", "iment"),
    "fr": ("tion", "tions", "ité", "ités", "isme", "ments", "ances"),
    "es": ("ciones", "dad", "dades", "ismo", "miento", "mientos", "ncia", "ncias", "logía",
           "logías", "grafía", "nomía", "tad", "tades", "ería", "erías"),
    "en": ("tion", "tions", "ments", "ship", "ism"),
}
# Spanish given names that end like those nouns ("María Soledad X", "Trinidad X").
NAMES_WITH_NOUN_ENDINGS = _words("soledad trinidad piedad caridad libertad felicidad")

# Generational suffixes belong to the name ("Calvin R. Holloway Jr.", "Robert K. Ashby III").
NAME_SUFFIXES = _words("jr sr ii iii iv")

POSTNOMINALS = _words(
    "td mp mep msp qc kc obe cbe mbe kbe dbe frs phd jr jr. sr iii ii iv md mla mpp esq"
    " cmg kcmg gcmg gcb kcb cb cvo lvo mvo kcvo gcvo om ch gnzm qso onzm mnzm cnzm dcnzm"
    " knzm ao ac oam sc mha mhk freng frse fba fmedsci jp dl bem"
)
# Written in mixed case: a member of the Bundestag, a Landtag, the European Parliament.
MIXED_CASE_POSTNOMINALS = _words("MdB MdL MdEP MdA MdBB MdHB")

# Capitalised words that are not (parts of) personal names.
ORG_WORDS = _words(
    """
    university college school institute ministry department office agency commission council
    committee parliament assembly government police service services authority board bank
    fund foundation trust association federation union league club society organisation
    organization group company corporation corp inc ltd plc llc gmbh ag co partners holdings
    hospital centre center network alliance coalition court tribunal programme program
    initiative forum secretariat force forces army navy command unit team fc airport museum
    library press news agency bureau division directorate institution observatory laboratory
    laboratories lab labs industries systems technologies technology solutions energy motors
    airlines airways railways council's nations republic kingdom states federal national
    international european global world royal chamber cabinet executive senate congress
    congressional house trustees fire rescue ambulance nhs clinic faculty academy campus
    party movement charity appeal fund campaign project strategy plan air base port station
    street road square river lake island islands mountain valley county province region
    district city town village harbour harbor tower palace castle cathedral church stadium
    arena bridge
    gmbh ag aög aör sa sas sarl srl sl kg ev verband verein stiftung gesellschaft ministerium
    bundesministerium ministère ministerio ayuntamiento gobierno universidad université
    universität hochschule institut instituto fondation fundación association asociación
    federación fédération conseil consejo comité kommission agence agencia direction
    dirección amt behörde polizei policía netzwerk forum foro partei parti partido gruppe
    groupe grupo secretaría secrétariat municipalidad municipio alcaldía mairie préfecture
    landtag bundestag bundesrat senado sénat assemblée asamblea congreso kongress gericht
    cloud stack software platform plattform app apps linux
    """
)

PLACE_WORDS = _words(
    """
    africa america asia europe oceania antarctica arctic atlantic pacific indian mediterranean
    north south east west northern southern eastern western central middle upper lower greater
    afghanistan albania algeria argentina armenia australia austria azerbaijan bangladesh
    belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chile china colombia
    congo croatia cuba cyprus czechia czech denmark ecuador egypt estonia ethiopia finland
    france germany ghana greece guatemala haiti hungary iceland india indonesia iran
    iraq ireland israel italy japan kazakhstan kenya korea kosovo kuwait latvia lebanon
    libya lithuania luxembourg madagascar malaysia mali malta mexico moldova mongolia
    montenegro morocco mozambique myanmar nepal netherlands zealand nigeria norway pakistan
    palestine panama peru philippines poland portugal qatar romania russia rwanda saudi
    arabia senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland
    syria taiwan tanzania thailand tunisia turkey türkiye uganda ukraine emirates uk usa us
    britain england scotland wales uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe
    brussels london paris berlin tokyo beijing moscow kyiv kiev rome madrid geneva
    vienna ottawa canberra delhi dublin edinburgh cardiff belfast lisbon warsaw prague athens
    oslo stockholm copenhagen helsinki amsterdam hague new york boston chicago seoul nairobi
    manchester leeds birmingham glasgow bristol oxford cambridge sydney melbourne toronto
    iruma strasbourg luxembourg frankfurt munich hamburg milan lyon bonn
    deutschland österreich schweiz frankreich spanien italien europa bundesrepublik
    allemagne suisse espagne italie belgique europe québec montréal genève lausanne
    bruxelles marseille lille toulouse nantes bordeaux sénégal mauritanie
    españa alemania francia suiza italia méxico perú argentina colombia bolivia europa
    wien zürich zurich köln berlin münchen stuttgart dresden leipzig hamburg bern basel
    américa latina latinoamérica iberoamérica caribe centroamérica sudamérica
    estados unidos unido reino países bajos emiratos naciones unidas états-unis royaume-uni
    pays-bas nations unies vereinigte vereinigten staaten königreich
    """
)

MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

# Capitalised words that start sentences or headlines but never names.
FUNCTION_WORDS = _words(
    """
    the a an this that these those it its he she they we i you his her their our my your
    in on at for with as but and or nor so yet if when while after before during since until
    from to by of about over under into onto upon among between through across against
    also however meanwhile earlier later today yesterday tomorrow tonight speaking according
    following last next new all some many most more both each every no not such other another
    there here what which who whom whose where why how then thus therefore furthermore
    moreover additionally finally first second third lastly overall together further
    acknowledging welcoming announcing commenting responding reacting addressing noting
    adding asked q read see note notes editors editor about contact media
    please dear thank thanks yes well indeed because although though whereas despite
    mr mrs ms dr prof st der die das dessen deren ein eine les du des selon am im
    laut zufolge gemäß según conforme
    en este esta estos estas como para por con sin desde durante además asimismo así tras
    ante dans pour avec ainsi lors dès cette ces auch mit bei nach
    zum zur vom beim ins ans aufs fürs für seit aus gegen ohne um durch über unter vor hinter
    neben zwischen während wegen trotz dabei damit danach dazu zudem außerdem jedoch deshalb
    bereits schon noch nun heute gestern morgen dort hier sowie sowohl
    aux chez puis alors ensuite enfin toutefois cependant pourtant
    tras hacia hasta mediante luego entonces sin embargo
    depuis avant après sous vers contre parmi malgré pendant selon outre hormis par sur entre
    bajo contra sobre frente junto dentro fuera
    """
)

# Conjunctions that open a sentence ("Et Alain X a ajouté", "Und Jana X sagte"): at the
# front of a name they join it to the sentence before. (Each language's own, "y" and "e"
# among them, are in its lexicon: "Y" and "E" are initials elsewhere.)
CONJUNCTIONS = _words("and but or nor et mais ou donc ni und oder aber sondern denn doch "
                      "pero sino")

# Capitalised nouns often found in release text that are not personal names.
OTHER_NON_NAMES = _words(
    """
    security strategy defence defense affairs foreign home interior justice health
    education finance economy economic trade enterprise employment environment climate
    transport housing agriculture food marine rural energy science sciences research
    innovation culture arts sport sports tourism heritage media communications digital
    equality children youth social protection welfare pensions work labour local community
    communities development infrastructure water land resources migration integration
    treasury state public expenditure reform planning veterans women disability industry
    business cooperation regional policy policies relations physics chemistry biology medicine
    law engineering economics mathematics history english studies humanities technology
    statement release report day week year annual summit conference meeting award awards
    prize championship championships cup games olympic olympics paralympic league season
    final finals act treaty agreement declaration convention charter framework
    action fund plan day-to-day covid-19 covid coronavirus internet
    """
)

# Number words are never part of a name ("30 Million Docker pulls").
NUMBER_WORDS_CAPITALISED = _words("million millions billion billions thousand hundred dozen")

# Months that are also given names or surnames (Theresa May, April Ryan) stay name-capable.
NON_NAME_WORDS = (
    ORG_WORDS | PLACE_WORDS | MONTHS | WEEKDAYS | FUNCTION_WORDS | OTHER_NON_NAMES
    | NUMBER_WORDS_CAPITALISED
) - PARTICLES - _words("may april june august jan")

# Determiners that open a title reference ("the Minister", "our CEO").
TITLE_DETERMINERS = _words("the its their our his her this a an")

# Words in a headline-style run that separate the parts of a headline ("in", "at").
SMALL_TITLE_WORDS = _words("of the and in for on a an to at by with from or vs")

NUMBER_WORDS = _words(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions trillion half
    dozen dozens double doubled triple tripled quarter percent per-cent twice
    """
)

EVENT_VERBS = _words(
    """
    met meets visited visits signed signs agreed agrees announced announces launched launches
    opened opens held holds attended attends arrested arrests charged charges appointed
    appoints elected elects won wins lost approved approves adopted adopts published
    publishes released releases delivered delivers acquired acquires completed completes
    hosted hosts awarded awards discussed discusses invested invests raised raises reported
    reports declared declares introduced introduces passed passes welcomed welcomes commended
    commends received receives joined joins closed closes started starts began begins ended
    ends reached reaches funded funds secured secures built builds created creates hired
    opened unveiled unveils presented presents confirmed confirms sanctioned sanctions
    deployed deploys killed injured died seized recovered convicted sentenced fined banned
    scored beat defeated qualified transported transporting provided provides increased
    decreased rose fell grew cut cuts dropped doubled tripled recorded records set sets
    """
)

FUTURE_MARKERS = _words("will shall won't ’ll 'll going plans plan intends aims expects expected")

COMPARISON_WORDS = _words(
    """
    more less fewer than most least largest biggest highest lowest smallest best worst first
    record compared versus vs closer further greater larger higher lower faster slower
    stronger weaker increase increased decrease decreased rise rose fall fell up down double
    doubled half halved top leading only than strongest fastest greatest newest oldest
    youngest deepest widest longest shortest cheapest safest busiest hottest coldest wettest
    driest warmest biggest smallest richest poorest worse better
    """
)

# Words of a speaker talking about themselves, as a release's narrative does not.
FIRST_PERSON = {
    "en": word_set("i we our ours us my me"),
    "fr": word_set("je j nous notre nos mon ma mes"),
    "de": word_set("ich wir unser unsere unseren unserer uns mein meine"),
    "es": word_set("yo nosotros nosotras nuestro nuestra nuestros nuestras mi mis nos hemos"),
}

# The words of one person speaking of themselves, which no organisation says of itself.
FIRST_PERSON_SINGULAR = {
    "en": word_set("i my me myself"),
    "fr": word_set("je j me moi mon ma mes"),
    "de": word_set("ich mich mir mein meine meinen meinem meiner"),
    "es": word_set("yo me mi mis mí conmigo"),
}
