"""Questions of held-out audit 23, over its fictional articles (a war in the Sallow Valley with a
mediated ceasefire and aid convoys, a chemical plant's explosion, a record swim), each as the reader
asked it: the first sentence of ``-n 1``, or the caveat, is what they saw first.

The articles (tests/data/audit23/stories.jsonl) are the audit's own, as newsdigest read them from its
feeds, pages and files: written before any of the code these questions test."""

import functools

import pytest

from summarizer import Length, Request, run

from . import audits

STORIES = audits.stories("audit23")
first = functools.partial(audits.first, "audit23")


@pytest.mark.parametrize(("question", "opening"), [
    # A number beside another of the question's words ("has reached 31,000") counts something else; the
    # next convoy's 45 trucks, told ahead a day later, is no later telling of the first convoy's.
    ("How many trucks were in the first convoy to reach Marrowgate?", "A convoy of 62 trucks"),
    # How fast, how far, how old: a figure in the unit asked, beside the measure's name first.
    ("How fast did Achterberg swim?", "Her average speed was 4.0 kilometres an hour"),
    ("How far did Achterberg swim?", "She swam 78.6 kilometres"),
    ("How old is Rosalind Achterberg?", "Rosalind Achterberg, a 58-year-old"),
    ("How old was the driver wounded in the drone strike?", "The driver, a 34-year-old"),
    # "What is the death toll ...?" asks a count, not what a death toll is; the latest count first.
    ("What is the death toll from the Quellmouth explosion?", "[bold]UPDATE[/bold] The families of the three workers killed"),
    # "Which workers ...?" asks who: their names.
    ("Which workers were killed?", "The dead were named as Lidia Marsh"),
    # "Which border crossing ...?" asks to name one.
    ("Which border crossing did the aid convoy use?", "Forty trucks of the Northbridge Relief Alliance remained parked at the Corran crossing"),
    # The later correction's count of the people asked about, in an article whose title names the explosion.
    ("How many people were injured in the Quellmouth explosion?", "Nineteen people were injured, not 21"),
    # Those who fled are counted as displaced: the latest count, in either word.
    ("How many people fled their homes in the valley?", "The number of people displaced has reached 31,000"),
    # "report" after the question's subject is its verb, not an instruction: the time of the report.
    ("When will the inquiry report?", "The inquiry will examine why a reactor vessel"),
    # What happens next: what the articles say will happen, the latest first.
    ("What's next for Achterberg?", "Achterberg said she would attempt a two-way crossing"),
    ("What will happen to the Cindral plant?", "Analysts at Pell & Garrow estimated that the closure would cost"),
])
def test_the_first_sentence_answers(question, opening):
    assert first(question).sentences[0].sentence.text.startswith(opening)


@pytest.mark.parametrize(("question", "caveat"), [
    # The verb follows the place that ends the question's subject: cholera is what is not here.
    ("Did anyone in Marrowgate catch cholera?", "nothing here mentions cholera; the closest sentences:"),
    ("How cold was the sea?", "nothing here mentions sea (27 articles)"),
])
def test_the_caveat_names_what_is_not_here(question, caveat):
    summary = first(question)
    assert (summary.caveat or summary.message) == caveat


def test_security_over_the_last_day_holds_the_drone_strike(tmp_path):
    # The audit's update summary of day 4 (days 1-3 read) gave security one sentence, the prisoners held,
    # and left out the drone strike on an aid truck: "drone" was no word of security, and no other was in
    # that article ("the attack", "struck" count only beside one).
    import json

    day4 = tmp_path / "day4.jsonl"
    day4.write_text("".join(line for line in STORIES.read_text(encoding="utf-8").splitlines(keepends=True)
                            if json.loads(line)["date"] > "2026-03-11"), encoding="utf-8")
    result = run(Request(paths=(str(day4),), topics=("security",), length=Length(sentences=3), cache_dir=None))
    (summary,) = result.digest.summaries
    texts = [item.sentence.text for item in summary.sentences]
    assert "A drone struck an aid truck near Sabrov on Thursday, wounding its driver, in the first serious violation " \
           "of the two-day-old ceasefire." in texts


def test_mediation_over_the_third_day_holds_the_ceasefire_monitors(tmp_path):
    # The audit's update summary of day 3 gave mediation one sentence and left out the Lunmark observers
    # who will watch the ceasefire: monitoring a truce was no word of the topic.
    import json

    day3 = tmp_path / "day3.jsonl"
    day3.write_text("".join(line for line in STORIES.read_text(encoding="utf-8").splitlines(keepends=True)
                            if json.loads(line)["date"] == "2026-03-11"), encoding="utf-8")
    result = run(Request(paths=(str(day3),), topics=("mediation",), length=Length(sentences=3), cache_dir=None))
    (summary,) = result.digest.summaries
    assert any("observers would be based in Sabrov" in item.sentence.text for item in summary.sentences)


def test_a_description_naming_a_place_of_two_words_asks_about_its_subject():
    # "Sallow Valley" counted twice (a word each) outweighed "aid": the fighting across the valley came first.
    opening = first("Describe the efforts to deliver aid to the Sallow Valley.").sentences[0].sentence.text
    assert "aid" in opening.split()
