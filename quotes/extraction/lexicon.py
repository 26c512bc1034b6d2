"""Word lists the rules share: speech verbs, role titles, organization words, outlets.

Kept in one place so that every rule uses the same vocabulary and tests can extend it.
"""

import re
from functools import lru_cache


def words(block: str) -> frozenset[str]:
    """The whitespace-separated words of ``block``."""
    return frozenset(block.split())


def phrases(block: str) -> tuple[str, ...]:
    """The comma-separated phrases of ``block``, in order."""
    return tuple(p.strip() for p in block.split(",") if p.strip())


# Verbs (and verb phrases) that introduce or report speech, in the forms news prose uses.
_SAYING = phrases(
    """
said, says, say, told, tells, stated, states, noted, notes, added, adds, explained,
explains, stressed, stresses, emphasized, emphasised, emphasizes, warned, warns, reiterated,
reiterates, recalled, recalls, declared, declares, announced, announces, assured, assures,
insisted, insists, claimed, claims, argued, argues, believes, believe, believed, thinks,
think, thought, considers, considered, wrote, writes, tweeted, posted, commented, comments,
replied, replies, answered, answers, asked, asks, admitted, admits, confirmed, confirms,
denied, denies, suggested, suggests, threatened, promised, promises, vowed, pledged, urged,
urges, accused, accuses, called, calls, described, describes, outlined, outlines, summed up,
sums up, concluded, concludes, pointed out, points out, made it clear, makes it clear,
reported, reports, specified, clarified, continued, complained, complains, acknowledged,
acknowledges, observed, remarked, mentioned, mentions, expressed, expects, expected, hopes,
hoped, fears, feared, is convinced, was convinced, is sure, noting, adding, saying, warning,
stressing, explaining, emphasizing, recalling, commenting, writing, assuring, insisting,
arguing, declaring, announcing, stating, labelled, labeled, termed, dubbed, branded, shared,
spoke, speaks, retorted, objected, predicted, predicts, estimated, estimates, lamented,
regretted, welcomed, criticized, criticised, condemned, proposed, demanded, alleged, alleges,
asserted, asserts, boasted, boasts, bragged, cautioned, cautions, chanted, charged, charges,
cited, cites, conceded, concedes, conceding, contended, contends, countered, counters,
exclaimed, found, finds, griped, groused, hinted, hints, interjected, issued, joked, jokes,
joking, lectured, listed, lists, maintained, maintains, marveled, mocked, mocks, mused,
offered, opined, pleaded, pressed, proclaimed, proclaims, quipped, quipping, quips, ranted,
reacted, reacts, read, reads, recounted, recounts, repeated, repeats, responded, responding,
responds, scoffed, shouted, signaled, signalled, snapped, sniped, teased, telling, testified,
touted, touts, tweeting, tweets, whispered, wondered, yelled, asking, calling, referring,
referred, refers, describing, labeling, labelling, dubbing, terming, heralded, heralding,
chided, chiding, derided, deriding, mocking, praising, slamming, blasting, branding, hailing,
deemed, deeming, pointed to, points to, accusing, dismissing, rejecting, demanding, urging,
vowing, promising, pledging, claiming, suggesting, predicting, questioning, questioned,
lamenting, boasting, bragging, conceding, acknowledging, admitting, denying, recalling, echoed,
echoes, chimed in, weighed in, fumed, seethed, agrees, concurs, laments,
muses, marvels, scoffs, fumes, gushes, sighs, sighed, chuckles, chuckled, vows, observes,
retorts, snaps, opines, intoned, murmured,
screamed, roared, thundered, gushed, enthused, deadpanned, shot back, fired back, pushed back,
protested, begged, implored, advised, reflected, remembered, elaborated, surmised, speculated,
guessed, reckoned, volunteered, confided, confessed, revealed, disclosed, divulged, blamed,
lauded, applauded, thanked, congratulated, grumbled, bemoaned, decried, deplored, attacked,
lashed out, ridiculed, sneered, rebutted, refuted, disputed, swore, demurred, hedged,
barked, growled, hollered, exhorted, sang, sings, puts it, put it, scolded, vented,
argue, note, contend, insist, warn, claim, write, add, explain, suggest, predict, maintain,
point out, complain, concede, acknowledge, admit, deny, stress, emphasize, assert, allege,
counter, respond, reply, recall, estimate, tell, ask, disagreed, disagrees, went on, goes on,
continues
"""
)
# Characterizing verbs: "dismissed the proposal as “a non-starter”".
_CHARACTERIZING = phrases(
    """
blasted, characterised, characterized, denounced, denounces, dismissed, dismisses, hailed,
hails, praised, praises, qualified, rejected, rejects, slammed, slams
"""
)
SPEECH_VERBS = _SAYING + _CHARACTERIZING
_VERB_ALT = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS), key=len, reverse=True))
SPEECH_VERB_RE = re.compile(rf"(?<![\w-])(?:{_VERB_ALT})\b", re.IGNORECASE)  # not "so-called"

# Conjunctions that open a subordinate clause ("hours after Sanders said", "…,” when Trump
# spoke"): each rule that needs them adds its own neighbours (as, if, until …).
SUBORDINATORS = "after|before|when|while|since|because|although|though|whereas"

# Verbs that may take a "that"-clause of reported speech (indirect quotation).
_NOT_REPORTING = phrases(
    """
accused, accuses, asked, asks, branded, called, calls, commented, commenting, comments,
condemned, continued, criticised, criticized, demanded, described, describes, dubbed,
expressed, labeled, labelled, outlined, outlines, posted, proposed, shared, speaks, spoke,
termed, threatened, tweeted, urged, urges, welcomed, cited, cites, issued, listed, lists,
offered, pressed, charged, charges, touted, touts, mocked, mocks, teased, lectured, chanted,
shouted, yelled, whispered, read, reads, tweeting, tweets, asking, joked, jokes, joking, quipped,
quips, quipping, snapped, sniped, scoffed, griped, groused, ranted, wondered, exclaimed,
calling, referring, referred, refers, describing, labeling, labelling, dubbing, terming, heralded,
heralding, chided, chiding, derided, deriding, mocking, praising, slamming, blasting, branding,
hailing, deemed, deeming, pointed to, points to, accusing, dismissing, rejecting, demanding,
urging, vowing, pledging, questioning, questioned, echoed, echoes, fumed, seethed, screamed,
roared, thundered, gushed, enthused, deadpanned, shot back, fired back, pushed back, begged,
implored, blamed, lauded, applauded, thanked, congratulated, grumbled, bemoaned, decried,
deplored, attacked, lashed out, ridiculed, sneered, demurred, hedged, chimed in, weighed in,
went on, goes on, continues, scoffs, fumes, gushes, sighs, sighed, chuckles, chuckled, snaps,
intoned, murmured
"""
)
REPORTING_VERBS = tuple(v for v in _SAYING if v not in _NOT_REPORTING)

# Words that begin or make up a role title ("Russian Foreign Minister", "Secretary General").
ROLE_WORDS = words(
    """
minister ministers secretary general deputy first second vice foreign defense defence
president prime premier chairman chairwoman chair head director spokesman spokeswoman
spokesperson press representative permanent ambassador envoy senator deputy governor mayor
chief editor editor-in-chief commander lieutenant colonel major captain admiral marshal
acting former ex leader member analyst expert professor adviser advisor aide assistant
presidential official officer diplomat mr mrs ms dr sir lord lady king queen prince pope
patriarch chancellor general-secretary secretary-general ombudsman prosecutor judge justice
speaker co-chairman founder ceo executive counsellor counselor attaché attache colonel-
general lieutenant-general major-general state interior economy finance trade justice health
energy emergencies culture education sport agriculture transport military national security
united high commissioner undersecretary under-secretary assistant-secretary minister-
counselor political economic programme program research scientific managing sen rep gov lt col sgt
adm rev capt maj councillor councilor councilman councilwoman alderman alderwoman rabbi bishop
cardinal imam sheikh treasurer secretary-treasurer comptroller auditor superintendent sheriff
chairperson moderator delegate coordinator clerk provost attorney congressman congresswoman
strategist pollster
"""
)

# nouns only a person is described by ("Maria Lopez, a pollster,"): the role titles and more
PERSON_ROLES = ROLE_WORDS | words(
    """
    candidate nominee strategist consultant pollster lawyer attorney activist writer author
    journalist reporter columnist economist historian scientist researcher fellow owner founder
    veteran supporter voter resident student teacher pastor manager operative donor host anchor
    commentator congressman congresswoman businessman businesswoman chairwoman lawmaker
    politician republican democrat spokeswoman mother father wife husband son daughter friend
    partner colleague woman man
    """
)


# Nationality / geographic adjectives that precede roles ("Russian", "American").
NATIONALITY_WORDS = words(
    """
russian american ukrainian belarusian german french british english polish chinese japanese
italian spanish turkish iranian israeli georgian armenian azerbaijani kazakh estonian
latvian lithuanian finnish swedish norwegian danish dutch belgian austrian swiss czech
slovak hungarian romanian bulgarian serbian croatian greek indian pakistani syrian iraqi
egyptian saudi korean north south western eastern european filipino canadian mexican
brazilian moldovan uzbek kyrgyz tajik turkmen soviet atlantic baltic nordic arab african
asian australian irish scottish welsh portuguese cuban venezuelan afghan libyan us uk eu un
"""
)

# Head nouns of organizations; a capitalized run containing one is not a person's name.
ORG_WORDS = words(
    """
ministry ministries council committee office department service services agency bureau
commission parliament duma government embassy mission kremlin alliance union organization
organisation administration court bank party headquarters secretariat staff assembly senate
congress house pentagon federation republic kingdom states nations forces army navy
institute university school center centre foundation fund trust corporation company group
club society association academy presidium directorate inspectorate guard police cabinet
board chamber league movement front council's command coalition bloc affairs press-service
channel magazine newspaper pac campaign agency's tribunal prosecutor's prize act treaty war peace
summit forum program programme strategy doctrine concept initiative plan convention conference
caucus caucuses primary primaries debate rally hall street avenue square garden park county
district city town village island river lake mountain valley bay sea ocean hill hills station
airport tower building bridge road highway church cathedral mosque temple stadium arena
festival awards olympics games cup championship tournament prize medal heart
"""
)

# Capitalized words that are never part of a person's name.
NOT_NAME_WORDS = words(
    """
the a an in on at by for from of to and or but if as this that these those it its he she
they we you i his her their our my your there here then when while since after before during
with without within upon into over under about against between through across toward towards
also however meanwhile moreover thus so yet still now today earlier later first secondly
thirdly finally according although though because what which who whom whose how why where
all any some no not only such both each every other another most more many much january
february march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday russia ukraine moscow kyiv kiev brussels
washington london paris berlin beijing geneva minsk europe america china germany france
britain belgium poland kosovo crimea donbass nato osce un eu usa ussr cis csto g7 g20 rf mfa
fsb gru svr sco pace brics god internet twitter telegram facebook youtube instagram
vkontakte covid-19 covid republican republicans democrat democratic democrats gop
conservative conservatives liberal liberals progressive progressives libertarian independent
jewish muslim christian catholic evangelical latino latina hispanic despite unlike like including
following among citing calling telling asked speaking saying writing noting adding asking
instead indeed nevertheless nonetheless similarly likewise separately overall afterward
afterwards otherwise besides hence therefore rather perhaps maybe surely clearly obviously
just even ever already simply anyone everyone someone anybody everybody somebody nobody
election christmas easter thanksgiving
"""
)

# What a person or body has that speaks for them: "Trump's campaign said", "the Okafor campaign",
# "Brenner's spokesman" (an alternation for regular expressions).
# words that open a noun phrase without naming anyone: "the", "one", "their" …
DETERMINERS = words("the a an one another his her its their")

OWNED_NOUNS = (
    "campaign|administration|team|staff|camp|allies|aides?|spokesman|spokeswoman|spokesperson|"
    "adviser|advisor|advisers|advisors|official|officials|lawyers?|attorneys?|staffers?|"
    "supporters|surrogates?|office|organization|foundation|company|government|ministry|party|"
    "(?:campaign\\s+)?managers?|chairman|chairwoman|chair|director|strategists?|pollsters?|"
    "secretary|backers|friends?|wife|husband"
)

# A generic role noun ("the diplomat") and the titles that make someone one. A role noun not
# listed here refers to a person whose title contains that word ("the senator").
ROLE_CLASSES = {
    "senator": phrases("senator, sen., senate"),
    "governor": phrases("governor, gov."),
    "congressman": phrases("congressman, rep., representative, congress"),
    "congresswoman": phrases("congresswoman, rep., representative, congress"),
    "diplomat": phrases(
        """
        diplomat, ambassador, envoy, foreign minister, foreign affairs, permanent representative,
        consul, attache, attaché, secretary of state, foreign secretary, foreign office
        """
    ),
    "official": phrases(
        """
        minister, secretary, spokesman, spokeswoman, spokesperson, official, deputy, director, head,
        chief, officer, aide, adviser, advisor, ambassador, envoy, representative, commissioner,
        president, chancellor, governor, mayor, chairman, chairwoman
        """
    ),
    "politician": phrases(
        """
        duma, parliament, senate, congress, federation council, senator, deputy, minister,
        chancellor, president, lawmaker, speaker, governor, mayor, leader, mp, congressman,
        congresswoman, member of parliament, politician, secretary
        """
    ),
    "lawmaker": phrases(
        """
        duma, parliament, senate, congress, federation council, bundestag, rada, house of commons,
        house of representatives, senator, deputy, lawmaker, speaker, mp, congressman,
        congresswoman, member of parliament, representative, legislator
        """
    ),
    "legislator": phrases(
        """
        duma, parliament, senate, congress, federation council, senator, deputy, lawmaker, mp,
        congressman, congresswoman, member of parliament, representative, legislator
        """
    ),
    "parliamentarian": phrases(
        """
        duma, parliament, senate, congress, federation council, bundestag, rada, house of commons,
        senator, deputy, lawmaker, mp, member of parliament, parliamentarian, speaker
        """
    ),
    # what news calls a country's or a body's leader by a generic noun
    "leader": phrases(
        """
        leader, president, prime minister, premier, chancellor, king, queen, emir, chairman,
        chairwoman, secretary general, secretary-general, chief, head of state, head of government
        """
    ),
    "head of state": phrases("president, king, queen, monarch, emir, sultan, head of state"),
    "head of government": phrases(
        "prime minister, premier, chancellor, taoiseach, head of government"
    ),
    "secretary general": phrases("secretary general, secretary-general, general secretary"),
    "spokesman": phrases(
        """
        spokesman, spokesperson, press secretary
        """
    ),
    "spokeswoman": phrases(
        """
        spokeswoman, spokesperson, press secretary
        """
    ),
    "spokesperson": phrases(
        """
        spokesman, spokeswoman, spokesperson, press secretary
        """
    ),
    "minister": phrases(
        """
        minister, secretary of state, foreign secretary, home secretary, defence secretary, defense
        secretary
        """
    ),
    "general": phrases(
        """
        general, chief of the general staff, commander, chief of staff
        """
    ),
}

# Common outlets (recipients in "told Izvestia"; citers of anonymous sources).
OUTLETS = phrases(
    """
Izvestia, Kommersant, Vedomosti, RBC, TASS, RIA Novosti, Interfax, Gazeta.Ru, Lenta.ru,
Rossiyskaya Gazeta, Nezavisimaya Gazeta, Novaya Gazeta, Meduza, Forbes, Reuters, AFP,
Associated Press, AP, Bloomberg, BBC, CNN, The New York Times, The Washington Post, The
Guardian, Financial Times, The Wall Street Journal, Politico, Axios, Der Spiegel, Le Monde,
Fontanka, Moskovsky Komsomolets, MK, Komsomolskaya Pravda, Argumenty i Fakty, Ekho Moskvy,
Sputnik, RT, NTV, Channel One, Rossiya 24, Zvezda, Kommersant FM, Gazeta
"""
)

MONTHS = phrases(
    "january, february, march, april, may, june, july, august, september, october, november, "
    "december"
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Words that, right before a quotation, make it a title rather than a quote.
TITLE_CUES = words(
    """
entitled titled named dubbed called headlined slogan book novel newspaper magazine journal
film movie video clip article column program programme show series project operation song
album play exhibition festival campaign company party movement channel website site blog
doctrine strategy concept plan law bill initiative report documentary brand publication
edition organization organisation foundation fund ship vessel exercise exercises award prize
hashtag podcast agency group union
"""
)


@lru_cache(maxsize=64)
def outlet_pattern(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A regex matching any known outlet name (plus ``extra``) as a whole word."""
    names = sorted({*OUTLETS, *(e for e in extra if e)}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


# "…, who spoke on the condition of anonymity", "speaking anonymously": someone left unnamed
UNNAMED = (
    r"(?:\s+who\s+(?:asked|requested|declined|spoke|wished)\b[^,.;:]{0,40}?"
    r"\b(?:named|identified|anonymity)|,?\s+(?:speaking\s+)?on\s+(?:the\s+)?condition\s+of\s+"
    r"anonymity|\s+speaking\s+anonymously)"
)
# the gender a role noun says ("the woman", "the spokeswoman"); "-man" titles are given to women
FEMALE_NOUNS = words(
    "woman spokeswoman chairwoman congresswoman businesswoman councilwoman mother wife daughter "
    "sister widow actress grandmother girl lady"
)
MALE_NOUNS = words("man husband father son brother widower actor grandfather boy")

# Labels a headline opens with that name a kind of article, not who speaks ("Analysis: …").
SECTION_LABELS = words(
    """
analysis opinion editorial explainer explained factbox timeline live update updates exclusive
review comment commentary breaking video photos watch listen podcast interview perspective
letters obituary quiz poll recap preview fact-check factcheck
"""
)

DOCUMENT_NOUNS = words(
    """
    statement email e-mail report release ad advertisement column editorial letter memo
    memorandum post tweet message headline petition lawsuit complaint filing ruling order
    document survey poll study book article video transcript note notice announcement
    website page communique declaration resolution bill motion indictment affidavit brief
    """
)
ORGANISATION_NOUNS = words(
    """
    campaign company network committee group organization organisation agency administration
    ministry department party office team newspaper paper magazine site association union
    foundation firm court government council bank coalition alliance commission board
    institute center centre white-house embassy police force navy army military guard
    chancellery presidency cabinet parliament secretariat delegation bureau directorate
    broadcaster watchdog regulator legislature assembly regime bloc tribunal federation
    consulate university hospital opposition movement operator town city village county
    district school
    """
)
