"""Speaker rules on bodies and titles next to a name (an unclosed appositive, "explained KLTV
moderator Nora Plesk", "the Senate Republican leader", "Treasurer", "Continued Dorrit:") and on
the verb a subject belongs to (after "and", after "hours after"); one test per rule, on invented
text."""

from .conftest import by_text


def test_an_unclosed_appositive_naming_a_body_leaves_the_person_as_subject(extract):
    text = (
        "Recount denied.\n"
        "Mel Dorrit, the press director for the Lakeland Farmers Union said in a statement "
        "that “there are no ballots to count again.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "there are no ballots")
    assert proposal.speaker_name == "Mel Dorrit"


def test_an_inverted_verb_before_a_body_and_a_title_names_the_person(extract):
    text = (
        "Debate night.\n"
        "In other words, explained KLTV moderator Nora Plesk: “What does that have to do with "
        "the roads?”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "What does that have")
    assert proposal.speaker_name == "Nora Plesk"


def test_a_verb_after_and_with_no_subject_shares_the_sentence_subject(extract):
    text = (
        "Roads plan passes. Ada Brenn and Tom Vail debated.\n"
        "Vail said that Brenn is a “good, decent woman,” and said that Brenn “melted down "
        "last night.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "melted down")
    assert proposal.speaker_name == "Tom Vail"


def test_a_speech_verb_after_a_temporal_subordinator_is_no_report_of_the_verb_before(extract):
    text = (
        "Roads plan passes. Ada Brenn and Tom Vail debated.\n"
        "Vail weighed in on Tuesday, hours after Brenn said he was “encouraged” by the plan."
    )
    proposal = by_text(extract(text, known=(), outlet=""), "encouraged")
    assert proposal.speaker_name == "Ada Brenn"


def test_a_body_inside_a_persons_description_is_no_subject(extract):
    text = (
        "Farm bill advances.\n"
        "Tom Vail, the Senate Republican leader, met farmers on Monday.\n"
        "Looking back on his years as a farmer, the Senate Republican leader said, “I never knew "
        "what the weather would bring us.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "I never knew")
    assert proposal.speaker_name == "Tom Vail"


def test_an_office_title_before_a_name_is_no_part_of_the_name(extract):
    text = (
        "Roads plan passes.\n"
        "“We had a big issue with the road part of the budget,” said Lakeland Farm Workers "
        "Secretary-Treasurer Mel Dorrit. Others agreed."
    )
    proposal = by_text(extract(text, known=(), outlet=""), "We had a big issue")
    assert proposal.speaker_name == "Mel Dorrit"


def test_a_past_speech_verb_opening_a_sentence_is_no_part_of_the_name_after_it(extract):
    text = (
        "Roads plan passes. Mel Dorrit spoke first.\n"
        "The roads are bad. Continued Dorrit: “So I think it is a very real problem for the "
        "county.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "So I think")
    assert proposal.speaker_name == "Mel Dorrit"


def test_a_name_between_commas_after_a_role_is_its_bearer(extract):
    text = (
        "Campaign memo leaks.\n"
        "In a statement to the Gazette, her senior policy adviser, Tomas Varga, said: “The "
        "mayor believes that the bridge must be rebuilt.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "The mayor believes")
    assert proposal.speaker_name == "Tomas Varga"


def test_a_name_after_a_lowercase_title_with_a_complement_is_the_speaker(extract):
    text = (
        "Refugees welcomed.\nPeople gathered in the park on Sunday. “Thanks for welcoming these "
        "families,” said master of ceremonies Asad Tahiri, a Syrian engineer who praised Jon Bale."
    )
    proposal = by_text(extract(text, known=(), outlet=""), "Thanks for welcoming")
    assert proposal.speaker_name == "Asad Tahiri"


def test_a_name_in_a_relative_clause_after_an_unnamed_source_is_not_the_speaker(extract):
    text = (
        "Emails reviewed.\nInvestigators met on Monday. “His account sent a number of emails,” "
        "said one source who identified Jon Bale but spoke on the condition of anonymity."
    )
    proposal = by_text(extract(text, known=(), outlet=""), "His account sent")
    assert proposal.speaker_name != "Jon Bale"


def test_as_a_name_with_an_appositive_put_it_is_no_subordinate_clause(extract):
    text = (
        "Vote nears.\nAs Mara Quist, the No. 2 in the party's leadership, put it: “This person "
        "will not be confirmed.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "This person")
    assert proposal.speaker_name == "Mara Quist"
