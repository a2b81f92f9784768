"""Speaker errors found reading LibyaWar_cnn's who said what as an analyst (issue 13, seventeenth session).

- "he" or "she" never stands for a person named in what that pronoun's speaker says (in the third person), nor
  for a person a sentence about another "she" tells of ("She spoke of ... Moammar Gadhafi's soldiers. ... she
  said");
- "the Libyan government", "Libyan authorities" are Libya's, not an actor named "Libyan";
- a statement cut at a participle after a noun of time: "... in recent years, alienating allies and tribes"
  is no list (helper F's held-out false positive of the sixteenth session).
Made-up sentences modelled on the articles; each test fails on the rules before this change.
"""

from __future__ import annotations

from . import found


def test_a_pronoun_is_not_whom_its_statement_names():
    # LibyaWar_cnn 398: Frances Fragos Townsend's "... to meet with Gadhafi. And so he really does have secrets
    # to tell," she said -> Gadhafi
    text = (
        '"Let\'s remember, Moussa Koussa is the single most important official," analyst Frances Townsend said. '
        '"He was the single individual who had to approve my going forward to meet with Gadhafi. And so he '
        'really does have secrets to tell," she said, adding that the leader relied on him.'
    )
    spoken = [a for a in found(text) if a.speaker == "she"]
    assert spoken and all(a.speaker_entity == "Frances Townsend" for a in spoken), spoken
    # LibyaWar_cnn 282, 337: '"Gadhafi should be killed," he says' is not Gadhafi's
    text = 'Rebels fought for the town on Monday. "Gadhafi should be killed," he says.'
    (says,) = [a for a in found(text) if a.cue == "says"]
    assert says.speaker_entity != "Gadhafi"
    # LibyaWar_cnn 268: the council's deputy chairman's words went to Moussa Koussa, of whom they speak
    text = (
        "The deputy chairman of the council did not reject the idea of a meeting with Moussa Koussa. He told "
        'reporters a meeting with Moussa Koussa in Doha "was not on the agenda."'
    )
    (told,) = [a for a in found(text) if a.cue == "told"]
    assert told.speaker_entity is None, told
    # one reported telling of himself by name, as the subject of what he said, is still himself (H1N1_bbc 583)
    text = (
        "Dr Ann Marie Connolly said the symptoms were mild. She said all pupils were treated. Headmaster Colin "
        "Diggory is contacting exam boards to reschedule some exams, he said in a statement."
    )
    (diggory,) = [a for a in found(text) if a.content.startswith("Headmaster")]
    assert diggory.speaker_entity == "Colin Diggory", diggory
    # a son who speaks of his father, who shares his surname, is still the son
    text = "Saif al-Islam Gadhafi spoke on Monday. He said Moammar Gadhafi would never leave."
    (said,) = [a for a in found(text) if a.cue == "said"]
    assert said.speaker_entity == "Saif al-Islam Gadhafi", said


def test_a_person_told_of_by_she_is_not_she():
    # LibyaWar_cnn 206: Eman al-Obeidy's words ("They were drunk, she said.") went to Moammar Gadhafi
    text = (
        "She called herself an ordinary citizen. She spoke of her abduction, of how she was taken to one of the "
        "residences of Moammar Gadhafi's soldiers. They were drunk, she said."
    )
    (drunk,) = [a for a in found(text) if a.content == "They were drunk"]
    assert drunk.speaker_entity is None, drunk
    # the person the sentence before tells of, with no other "she" in it, is still whom "she" goes on from
    text = "The minister, Maria Lopez, visited the camp on Monday. Conditions were dire, she said."
    (dire,) = [a for a in found(text) if a.cue == "said"]
    assert dire.speaker_entity == "Maria Lopez", dire


def test_a_nationality_before_a_state_is_the_country():
    # LibyaWar_cnn: 31 statements of "The Libyan government" and "Libyan authorities" under a speaker "Libyan"
    text = (
        "The Libyan government said the woman was mentally ill. Libyan authorities reported a NATO airstrike "
        "killed one of his sons. A Libyan woman said she was scared."
    )
    by_speaker = {a.speaker: a.speaker_entity for a in found(text)}
    assert by_speaker["The Libyan government"] == "Libya"
    assert by_speaker["Libyan authorities"] == "Libya"
    assert by_speaker["A Libyan woman"] is None  # a nationality describes her, names no actor


def test_a_participle_after_a_noun_of_time_is_no_list():
    # LibyaWar_reuters (held out, read at the end of the sixteenth session): Djebbar's statement ran on through
    # "alienating allies and tribes who had backed him"
    text = (
        "Djebbar said Gaddafi had narrowed the circle of his power in recent years, alienating allies and tribes "
        "who had backed him."
    )
    (said,) = [a for a in found(text) if a.cue == "said"]
    assert said.content == "Gaddafi had narrowed the circle of his power in recent years", said.content


def test_a_speaker_is_never_the_subject_of_what_follows_its_cue():
    # LibyaWar_cnn 44 and 31: an imperative "say" and a cue whose subject the parse lost took the subject of the
    # content that follows them as the speaker
    text = "In other words, don't lead. Just say Obama can't lead."
    (say,) = [a for a in found(text) if a.cue == "say"]
    assert say.speaker is None and say.speaker_entity is None, say
    text = 'Clinton, who called the situation "fluid and dynamic," said the United States wants actions, not words.'
    (said,) = [a for a in found(text) if a.cue == "said"]
    assert said.speaker_entity != "United States", said
    # a "he" after the cue whose own subject the parse lost is still the one who says it (LibyaWar_cnn 35)
    text = (
        'Barber, an academic whose books on political theory include the best-seller "Jihad vs. McWorld," says he '
        "now wants to see Gadhafi driven out."
    )
    (says,) = [a for a in found(text) if a.content.startswith("he now wants")]
    assert says.speaker_entity == "Barber", says
    # a subject before its cue is still the speaker
    (said,) = [a for a in found("Obama said the United States would act.") if a.cue == "said"]
    assert said.speaker_entity == "Obama"
