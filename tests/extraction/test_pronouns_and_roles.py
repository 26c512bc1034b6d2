from .conftest import by_text


def test_pronoun_he_added_resolves_to_last_named_person(extract):
    text = "Igor Semyonov spoke at the forum on Tuesday. “The market will recover,” he added."
    assert by_text(extract(text), "The market").speaker_name == "Igor Semyonov"


def test_pronoun_she_in_reiterated_that_resolves_to_the_speaker_before(extract):
    text = (
        "Anna Petrova explained: “The deal is off.” At the same time, she reiterated that "
        "“the door for talks remains open for everyone.”"
    )
    assert by_text(extract(text), "the door").speaker_name == "Anna Petrova"


def test_the_minister_resolves_to_the_person_with_that_role(extract):
    text = (
        "Russian Foreign Minister Sergei Lavrov met reporters. Anna Petrova, a lawyer, "
        "was also present. In addition, as the minister said, the talks will continue "
        "in Geneva."
    )
    assert by_text(extract(text), "the talks will").speaker_slug == "sergei-lavrov"


def test_the_expert_resolves_to_the_last_quoted_person(extract):
    text = (
        "“This is a symbolic step,” said Igor Semyonov, a political analyst. According to "
        "the expert, the decision was prepared long ago."
    )
    assert by_text(extract(text), "the decision").speaker_name == "Igor Semyonov"


def test_the_interlocutor_of_outlet_resolves_to_who_spoke_to_it(extract):
    text = (
        "“This was expected,” Igor Semyonov told Vedomosti. Meanwhile, the interlocutor "
        "of Vedomosti summed up, “the channels will stay closed for a long time.”"
    )
    assert by_text(extract(text), "the channels").speaker_name == "Igor Semyonov"


def test_role_followed_by_a_name_is_that_person(extract):
    text = (
        "This was stated by the press secretary of the president Igor Semyonov, warning "
        "that Moscow will take “retaliatory steps” soon."
    )
    assert by_text(extract(text), "retaliatory").speaker_name == "Igor Semyonov"


def test_he_after_a_person_introduced_as_a_passive_agent(extract):
    text = (
        "“We will not change course,” said Ilse Brandauer. The decision was explained at a "
        "briefing by Defence Minister Tarek Oumarou. “The units leave on Friday,” he said."
    )
    assert by_text(extract(text), "The units").speaker_name == "Tarek Oumarou"


def test_a_role_noun_with_one_person_named_before_is_that_person(extract):
    text = "Alva Quist visited the plant. “We need these jobs here,” the veteran told workers."
    proposal = by_text(extract(text), "We need these")
    assert proposal.speaker_name == "Alva Quist"
