"""Whole short articles in styles the rules were not developed on.

Each article lists every proposal it should give: (start of text, kind, speaker name, speaker
kind). A speaker name of None means the extractor must leave the speaker undecided.
"""

from datetime import date

import pytest

from quotes.extraction import extract_quotes

THURSDAY = date(2022, 1, 20)

BRIEF = """\
German Chancellor Olaf Scholz on Wednesday dismissed the Russian proposal as "a non-starter". \
"We will not negotiate over the heads of our partners," Scholz told journalists in Berlin. \
"Security in Europe is indivisible."

Russian Deputy Foreign Minister Sergei Ryabkov, however, insisted that Moscow was ready to \
talk. According to him, the West "must finally listen". The diplomat added: "Our patience is \
not infinite."

A spokesperson for the German Foreign Office said the ministry would study the text. \
Meanwhile, the newspaper Bild published an interview entitled "Why Putin wants more". Analyst \
Maria Weber of the Carnegie Center believes that both sides are bluffing. "Nobody wants a \
war," she said.

- This is a dangerous moment, - Konstantin Kosachev, deputy speaker of the Federation Council, \
told RIA Novosti. - We need calm heads.
"""

WIRE = """\
MOSCOW (Reuters) - Russia will not accept any deal that ignores its security demands, the \
Kremlin said on Tuesday.
"There can be no talk of concessions," Kremlin spokesman Dmitry Peskov told reporters. "The \
ball is in Washington's court."
The U.S. State Department said in a statement that it remained committed to diplomacy. "We \
continue to believe that diplomacy is the best path forward," it said.
A senior diplomat who asked not to be named said the talks could resume next month. "Nobody \
is in a hurry," the diplomat said.
NATO Secretary General Jens Stoltenberg, speaking in Brussels, said the alliance would "not \
compromise on core principles".
"We will respond in a united way," he said in a statement.
"""

RUSSIAN_PRESS = """\
Kremlin spokesman Dmitry Peskov commented on the statement.
– We have not seen any proposals, – Peskov said. – When we see them, we will analyze them.
«The sanctions will not change our course», Deputy Foreign Minister Sergei Ryabkov told \
Izvestia. According to the diplomat, Moscow «is ready for any scenario».
The interlocutor of Vedomosti close to the presidential administration said: «The decision \
has already been made».
Sources in the Ministry of Defense told RBC that the exercises would continue until the end \
of the month.
Senator Alexei Pushkov wrote in his Telegram channel that the West «has lost touch with \
reality». The senator stressed: «Nobody will dictate terms to Russia.»
"""

BRITISH = """\
The Foreign Secretary, James Cleverly, said Britain would ‘stand with Ukraine for as long as \
it takes’.
‘We are not going to be intimidated,’ Mr Cleverly told the BBC. ‘Russia’s aggression must \
fail, and the allies’ resolve is stronger than ever.’
Labour’s shadow foreign secretary, David Lammy, called the government’s response ‘too little, \
too late’.
The Prime Minister’s official spokesman said: ‘The PM has been clear that we won’t back down.’
"""

MULTI_PARAGRAPH = """\
In a speech in Paris, President Emmanuel Macron laid out his plan on Tuesday.
"Europe must be able to defend itself. We cannot rely on others for our security.
"That is why I propose a new security architecture, built together with our partners," \
Macron said.
Chancellor Olaf Scholz said: "Germany supports this idea.
"But NATO remains the foundation of our defence."
"""

INTERVIEW = """\
Senator Lindsey Graham told CNN on Sunday that the administration should send more weapons. \
"We are running out of time," the senator stressed. He added that Congress would vote on the \
package next week.
Nancy Pelosi, the former House speaker, was more cautious. "We should not escalate," she \
noted. "Diplomacy still matters," Pelosi said.
"""

INSTITUTIONS = """\
"The decision is a violation of international law," the Russian Foreign Ministry said in a \
statement on Monday.
The State Department said in a statement that Washington "will not recognize" the results.
NATO's press service told TASS that the exercises had been planned long ago.
"We regret this step," the European Commission said. "It undermines trust," the Commission \
added.
"""

ANONYMOUS = """\
A source familiar with the matter told Reuters that the talks had stalled.
"There is no progress at all," said a senior diplomat who asked not to be named.
Sources in the Foreign Ministry told Kommersant that a new round was not planned.
An official speaking on condition of anonymity said the sanctions would be extended soon.
"""

TITLES = """\
Lavrov: "The West has declared a total war on us"
Russia's "special military operation" entered its second year. Critics have called the \
so-called "referendums" a sham.
The film "Navalny" won an Oscar, and the book "Red Notice" became a bestseller. The exercise, \
codenamed "Zapad-2021", involved thousands of troops.
"The West has declared a total war on us," Sergei Lavrov said on Tuesday.
"""

D, P, IND = "direct", "partial", "indirect"
PERSON, INST, ANON = "person", "institution", "anonymous"

ARTICLES = {
    "brief": (
        BRIEF,
        "Die Welt",
        [
            ("a non-starter", P, "Olaf Scholz", PERSON),
            ("We will not negotiate", D, "Olaf Scholz", PERSON),
            ("Security in Europe", D, "Olaf Scholz", PERSON),
            ("Moscow was ready", IND, "Sergei Ryabkov", PERSON),
            ("must finally listen", P, "Sergei Ryabkov", PERSON),
            ("Our patience", D, "Sergei Ryabkov", PERSON),
            ("the ministry would study", IND, "German Foreign Office", INST),
            ("both sides are bluffing", IND, "Maria Weber", PERSON),
            ("Nobody wants a war", D, "Maria Weber", PERSON),
            ("This is a dangerous moment", D, "Konstantin Kosachev", PERSON),
            ("We need calm heads", D, "Konstantin Kosachev", PERSON),
        ],
    ),
    "wire": (
        WIRE,
        "Reuters",
        [
            ("Russia will not accept", IND, "Kremlin", INST),
            ("There can be no talk", D, "Dmitry Peskov", PERSON),
            ("The ball is in", D, "Dmitry Peskov", PERSON),
            ("it remained committed", IND, "State Department", INST),
            ("We continue to believe", D, "State Department", INST),
            ("the talks could resume", IND, "Senior diplomat", ANON),
            ("Nobody is in a hurry", D, "Senior diplomat", ANON),
            ("not compromise on core", P, "Jens Stoltenberg", PERSON),
            ("We will respond", D, "Jens Stoltenberg", PERSON),
        ],
    ),
    "russian_press": (
        RUSSIAN_PRESS,
        "Izvestia",
        [
            ("We have not seen", D, "Dmitry Peskov", PERSON),
            ("When we see them", D, "Dmitry Peskov", PERSON),
            ("The sanctions will not", D, "Sergei Ryabkov", PERSON),
            ("is ready for any", P, "Sergei Ryabkov", PERSON),
            ("The decision has already", D, "Interlocutor", ANON),
            ("the exercises would continue", IND, "Source in the Ministry of Defense", ANON),
            ("has lost touch", P, "Alexei Pushkov", PERSON),
            ("Nobody will dictate", D, "Alexei Pushkov", PERSON),
        ],
    ),
    "british": (
        BRITISH,
        "The Guardian",
        [
            ("stand with Ukraine", P, "James Cleverly", PERSON),
            ("We are not going", D, "James Cleverly", PERSON),
            ("Russia’s aggression must fail", D, "James Cleverly", PERSON),
            ("too little, too late", P, "David Lammy", PERSON),
            ("The PM has been clear", D, "Prime Minister’s official spokesman", ANON),  # unnamed
        ],
    ),
    "multi_paragraph": (
        MULTI_PARAGRAPH,
        "Le Monde",
        [
            ("Europe must be able", D, "Emmanuel Macron", PERSON),
            ("That is why I propose", D, "Emmanuel Macron", PERSON),
            ("Germany supports", D, "Olaf Scholz", PERSON),
            ("But NATO remains", D, "Olaf Scholz", PERSON),
        ],
    ),
    "interview": (
        INTERVIEW,
        "CNN",
        [
            ("the administration should", IND, "Lindsey Graham", PERSON),
            ("We are running out", D, "Lindsey Graham", PERSON),
            ("Congress would vote", IND, "Lindsey Graham", PERSON),
            ("We should not escalate", D, "Nancy Pelosi", PERSON),
            ("Diplomacy still matters", D, "Nancy Pelosi", PERSON),
        ],
    ),
    "institutions": (
        INSTITUTIONS,
        "TASS",
        [
            ("The decision is a violation", D, "Russian Foreign Ministry", INST),
            ("will not recognize", P, "State Department", INST),
            ("the exercises had been", IND, "NATO", INST),
            ("We regret this step", D, "European Commission", INST),
            ("It undermines trust", D, "European Commission", INST),
        ],
    ),
    "anonymous": (
        ANONYMOUS,
        "AP",
        [
            ("the talks had stalled", IND, "Source familiar with the matter", ANON),
            ("There is no progress", D, "Senior diplomat", ANON),
            ("a new round was not", IND, "Source in the Foreign Ministry", ANON),
            ("the sanctions would be", IND, "Official", ANON),
        ],
    ),
    "titles": (
        TITLES,
        "Meduza",
        [
            ("The West has declared", D, "Sergei Lavrov", PERSON),
        ],
    ),
}


@pytest.mark.parametrize("key", sorted(ARTICLES))
def test_article(key):
    text, outlet, expected = ARTICLES[key]
    proposals = extract_quotes(text, published_on=THURSDAY, outlet=outlet)
    got = [(p.text, p.kind, p.speaker_name, p.speaker_kind) for p in proposals]
    for start, kind, name, speaker_kind in expected:
        matches = [g for g in got if g[0].startswith(start)]
        assert matches, f"{start!r} not proposed; got {got}"
        assert matches[0][1:] == (kind, name, speaker_kind), matches[0]
    assert len(got) == len(expected), got
    for proposal in proposals:
        assert text[proposal.start : proposal.end] == proposal.text
        assert proposal.needs_review == (proposal.speaker_kind is None)
