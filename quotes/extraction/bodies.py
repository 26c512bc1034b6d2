"""How bodies are named in prose: organisation names, acronyms, "the <Name>", "the ministry",
and an unnamed member of a named body ("a State Department official").

Patterns only; :mod:`.mentions` turns their matches into mentions.
"""

import re

from .lexicon import SPEECH_VERB_RE

ORG_HEADS = (
    "Ministry",
    "Council",
    "Committee",
    "Office",
    "Department",
    "Service",
    "Agency",
    "Bureau",
    "Commission",
    "Parliament",
    "Duma",
    "Government",
    "Embassy",
    "Mission",
    "Kremlin",
    "Alliance",
    "Union",
    "Organization",
    "Organisation",
    "Administration",
    "Court",
    "Bank",
    "Party",
    "Headquarters",
    "Secretariat",
    "Staff",
    "Assembly",
    "Senate",
    "Congress",
    "Pentagon",
    "White House",
    "Cabinet",
    "Presidium",
    "Directorate",
    "Prosecutor's Office",
    "Association",
    "Foundation",
    "Institute",
    "Journal",
    "Times",
    "Post",
    "News",
    "Network",
    "Caucus",
    "Center",
    "Centre",
    "Coalition",
    "Fund",
    "Society",
    "League",
    "Campaign",
    "Group",
    "Agency",
    "Police",
    "Board",
    "Corporation",
    "University",
    "Chamber",
    "Authority",
    "Trust",
    "Forum",
    "Movement",
    "Company",
    "Council",
)
_CAP = r"[A-Z][\w’'\-]*"
# the words of a name share one line: "… Kyiv\n\nThe Global Times" is not one name
ORG_NAME = re.compile(
    rf"\b(?:(?:{_CAP}|of|the|for|on|and)[ \t]+){{0,5}}(?:{'|'.join(ORG_HEADS)})\b"
    rf"(?:[ \t]+(?:of|on|for|to)[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP})*)?"
)
KNOWN_ACRONYM = re.compile(r"\b(?:NATO|OSCE|UN|EU|CSTO|SCO|IAEA|WHO|MFA|FSB|SVR|GRU|PACE|OPCW)\b")
# Any other acronym in a speaker's slot is a body too ("the NRA said", "ACU said in a statement").
ANY_ACRONYM = re.compile(
    r"(?<![\w.-])(?<![A-Z]{2} )(?!(?:I|II|III|IV|OK|TV|AM|PM|US|UK)\b)[A-Z]{2,6}(?![\w.’'-])"
    r"(?! [A-Z]{2})"  # not inside a line in capitals ("TELLING OF THE SYRIAN REFUGEE CRISIS")
)
# "the Federalist", "The Wall Street Journal": the definite article before a capitalised name.
_VERB = SPEECH_VERB_RE.pattern.replace("(?<![\\w-])", "")
THE_NAME = re.compile(
    # words on one line, none closing a sentence ("the Russians.\n\nHe" is no name)
    r"\b[Tt]he\s+((?:[A-Z][\w’'.-]*(?<![a-z]{2}\.)[ \t]+){0,4}[A-Z][\w’'.-]*)"
    r"(?![\w’'-]|[ \t]+[A-Z])"
    r"(?!\s+(?!(?:" + _VERB + r")\b)[a-z])"
)
# "a State Department official", "one Clinton spokesman": an unnamed member of a named body.
MEMBER_OF = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?:senior|top|former|longtime|high-ranking)\s+)?"
    r"(?P<body>(?:[A-Z][\w’'.-]*\s+){1,4})(?:[a-z-]+\s+)?"
    r"(?P<role>official|spokesman|spokeswoman|spokesperson|aide|adviser|advisor|source|"
    r"representative|staffer|lawyer|strategist|operative|insider|officer|diplomat|delegate|"
    r"supporter|voter|donor|[Dd]emocrat|[Rr]epublican)\b"
)
DEFINITE_ORG = re.compile(
    r"\bthe\s+(?:[a-z]+\s+){0,2}?(ministry|alliance|department|embassy|kremlin|government|"
    r"committee|council|agency|press service|bloc|organization|organisation|mission|office|"
    r"newspaper|paper|broadcaster|network|magazine)"
    r"(?:['’]s)?\b",
    re.I,
)

# "Poland's energy ministry", "Germany's government": a country's body in the possessive
# (the owner is checked to be a place by :mod:`.mentions`; its words share one line, so a
# headline ending "… on Kyiv" does not run into "Ukraine's air force" opening the body).
PLACE_BODY = re.compile(
    r"\b(?P<owner>[A-Z][\w’'-]*(?: +[A-Z][\w’'-]*){0,2})['’]s?\s+"
    r"(?P<body>(?:[a-z]+\s+){0,2}?(?:ministry|government|parliament|army|military|cabinet|"
    r"air force|navy|armed forces|general staff|coast guard|border guard|border service|"
    r"police|intelligence service|health service|"
    r"presidency|embassy|foreign office|central bank|security service|prosecutor['’]s office|"
    r"defen[cs]e department|state department|foreign ministry))\b"
)


def best_role(roles: list[str]) -> str:
    """The fullest role title of a person's printed roles ("Russian Deputy Foreign Minister"
    over "Minister"), cleaned of leading articles; '' when none is a role."""
    from .lexicon import ROLE_WORDS

    titled = [
        re.sub(r"^(?:the|a|an)\s+", "", r.strip(" ,"), flags=re.I)
        for r in roles
        if any(w.lower().strip(".") in ROLE_WORDS for w in r.split())
    ]
    return max(titled, key=len, default="")[:120]


def organization_in(role: str) -> str:
    """The organisation a role title names: "Chairman of the State Duma Committee on
    International Affairs" → "State Duma Committee on International Affairs", "NATO Secretary
    General" → NATO; '' when it names none."""
    named = ORG_NAME.search(role)
    if named:
        return re.sub(r"^(?:(?:the|of|for|on|and)\s+)+", "", named.group(), flags=re.I).strip()
    acronym = KNOWN_ACRONYM.search(role) or ANY_ACRONYM.search(role)
    return acronym.group() if acronym else ""
