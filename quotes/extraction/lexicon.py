"""Word lists the rules share: speech verbs, role titles, organization words, outlets.

Kept in one place so that every rule uses the same vocabulary and tests can extend it.
"""

import re

# Verbs (and verb phrases) that introduce or report speech, in the forms news prose uses.
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "stated", "states", "noted", "notes", "added", "adds",
    "explained", "explains", "stressed", "stresses", "emphasized", "emphasised", "emphasizes",
    "warned", "warns", "reiterated", "reiterates", "recalled", "recalls", "declared", "declares",
    "announced", "announces", "assured", "assures", "insisted", "insists", "claimed", "claims",
    "argued", "argues", "believes", "believe", "believed", "thinks", "think", "thought",
    "considers", "considered", "wrote", "writes", "tweeted", "posted", "commented", "comments",
    "replied", "replies", "answered", "answers", "asked", "asks", "admitted", "admits",
    "confirmed", "confirms", "denied", "denies", "suggested", "suggests", "threatened",
    "promised", "promises", "vowed", "pledged", "urged", "urges", "accused", "accuses",
    "called", "calls", "described", "describes", "outlined", "outlines", "summed up", "sums up",
    "concluded", "concludes", "pointed out", "points out", "made it clear", "makes it clear",
    "reported", "reports", "informed", "informs", "specified", "clarified", "continued",
    "complained", "complains", "acknowledged", "acknowledges", "observed", "remarked",
    "mentioned", "mentions", "expressed", "expects", "expected", "hopes", "hoped", "fears",
    "feared", "is convinced", "was convinced", "is sure", "noting", "adding", "saying",
    "warning", "stressing", "explaining", "emphasizing", "recalling", "commenting", "writing",
    "assuring", "insisting", "arguing", "declaring", "announcing", "stating", "labelled",
    "labeled", "termed", "dubbed", "branded", "shared", "spoke", "speaks", "retorted",
    "objected", "predicted", "predicts", "estimated", "estimates", "lamented", "regretted",
    "welcomed", "criticized", "criticised", "condemned", "proposed", "demanded",
)
_VERB_ALT = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS), key=len, reverse=True))
SPEECH_VERB_RE = re.compile(rf"\b(?:{_VERB_ALT})\b", re.IGNORECASE)

# Verbs that may take a "that"-clause of reported speech (indirect quotation).
REPORTING_VERBS = tuple(
    v for v in SPEECH_VERBS
    if v not in {"asked", "asks", "called", "calls", "described", "describes", "termed",
                 "labelled", "labeled", "dubbed", "branded", "welcomed", "criticized",
                 "criticised", "condemned", "spoke", "speaks", "shared", "expressed",
                 "agreed", "demanded", "proposed", "urged", "urges", "accused", "accuses",
                 "threatened", "outlined", "outlines", "posted", "tweeted", "commented",
                 "comments", "commenting", "continued", "informs", "informed"}
)

# Words that begin or make up a role title ("Russian Foreign Minister", "Secretary General").
ROLE_WORDS = frozenset("""
minister ministers secretary general deputy first second vice foreign defense defence
president prime premier chairman chairwoman chair head director spokesman spokeswoman
spokesperson press representative permanent ambassador envoy senator deputy governor mayor
chief editor editor-in-chief commander lieutenant colonel major captain admiral marshal
acting former ex leader member analyst expert professor adviser advisor aide assistant
presidential official officer diplomat mr mrs ms dr sir lord lady king queen prince
pope patriarch chancellor general-secretary secretary-general ombudsman prosecutor judge
justice speaker co-chairman founder ceo executive counsellor counselor attaché attache
colonel-general lieutenant-general major-general state interior economy finance trade
justice health energy emergencies culture education sport agriculture transport military
national security united high commissioner undersecretary under-secretary assistant-secretary
minister-counselor political economic programme program research scientific managing
""".split())

# Nationality / geographic adjectives that precede roles ("Russian", "American").
NATIONALITY_WORDS = frozenset("""
russian american ukrainian belarusian german french british english polish chinese japanese
italian spanish turkish iranian israeli georgian armenian azerbaijani kazakh estonian
latvian lithuanian finnish swedish norwegian danish dutch belgian austrian swiss czech
slovak hungarian romanian bulgarian serbian croatian greek indian pakistani syrian iraqi
egyptian saudi korean north south western eastern european filipino canadian mexican
brazilian moldovan uzbek kyrgyz tajik turkmen soviet atlantic baltic nordic arab african
asian australian irish scottish welsh portuguese cuban venezuelan afghan libyan us uk eu un
""".split())

# Head nouns of organizations; a capitalized run containing one is not a person's name.
ORG_WORDS = frozenset("""
ministry ministries council committee office department service services agency bureau
commission parliament duma government embassy mission kremlin alliance union organization
organisation administration court bank party headquarters secretariat staff assembly senate
congress house pentagon federation republic kingdom states nations forces army navy
institute university school center centre foundation fund trust corporation company
group club society association academy presidium directorate inspectorate guard police
cabinet board chamber league movement front council's command coalition bloc affairs
press-service channel magazine newspaper agency's tribunal prosecutor's prize act treaty
war peace summit forum program programme strategy doctrine concept initiative plan
""".split())

# Capitalized words that are never part of a person's name.
NOT_NAME_WORDS = frozenset("""
the a an in on at by for from of to and or but if as this that these those it its he she
they we you i his her their our my your there here then when while since after before
during also however meanwhile moreover thus so yet still now today earlier later first
secondly thirdly finally according although though because what which who whom whose how
why where all any some no not only such both each every other another most more many much
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
russia ukraine moscow kyiv kiev brussels washington london paris berlin beijing geneva
minsk europe america china germany france britain belgium poland kosovo crimea donbass
nato osce un eu usa ussr cis csto g7 g20 rf mfa fsb gru svr sco pace brics
god internet twitter telegram facebook youtube instagram vkontakte covid-19 covid
""".split())

# Common outlets (recipients in "told Izvestia"; citers of anonymous sources).
OUTLETS = (
    "Izvestia", "Kommersant", "Vedomosti", "RBC", "TASS", "RIA Novosti", "Interfax",
    "Gazeta.Ru", "Lenta.ru", "Rossiyskaya Gazeta", "Nezavisimaya Gazeta", "Novaya Gazeta",
    "Meduza", "Forbes", "Reuters", "AFP", "Associated Press", "AP", "Bloomberg", "BBC", "CNN",
    "The New York Times", "The Washington Post", "The Guardian", "Financial Times",
    "The Wall Street Journal", "Politico", "Axios", "Der Spiegel", "Le Monde", "Fontanka",
    "Moskovsky Komsomolets", "MK", "Komsomolskaya Pravda", "Argumenty i Fakty", "Ekho Moskvy",
    "Sputnik", "RT", "NTV", "Channel One", "Rossiya 24", "Zvezda", "Kommersant FM", "Gazeta",
)

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Words that, right before a quotation, make it a title rather than a quote.
TITLE_CUES = frozenset("""
entitled titled named dubbed called headlined slogan book novel newspaper magazine journal
film movie video clip article column program programme show series project operation song
album play exhibition festival campaign company party movement channel website site blog
doctrine strategy concept plan law bill initiative report documentary brand publication
edition organization organisation foundation fund ship vessel exercise exercises award prize
hashtag podcast agency group union
""".split())


def outlet_pattern(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A regex matching any known outlet name (plus ``extra``) as a whole word."""
    names = sorted({*OUTLETS, *(e for e in extra if e)}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
