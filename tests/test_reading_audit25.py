"""What held-out audit 25 saw reach summaries that no reader wants, or miss one they do: a list of other
pages' headlines under "Related stories", a live blog's "Follow our live coverage ...", and a correction
that gives the right figure in a sentence of its own. Fictional articles."""

from __future__ import annotations

import pytest

from summarizer import load_articles

from .conftest import write

_STORY = (
    "Donors meeting on Sunday pledged 27 million crowns for famine relief in the Tarrow Plains, the "
    "Kelmsby Relief Council said.\n\n"
    "The council has appealed for 95 million crowns to feed 1.2 million people until the harvest.\n\n"
)


def _sentences(tmp_path, name: str, text: str) -> list[str]:
    (article,) = load_articles([str(write(tmp_path / name, text))])
    return [sentence.text for sentence in article.sentences]


@pytest.mark.parametrize(("name", "heading"), [
    ("story.md", "## Related stories"), ("story.md", "### More on this story"), ("story.txt", "Read more"),
])
def test_a_list_of_other_pages_headlines_is_no_part_of_the_story(tmp_path, name, heading):
    text = (f"{_STORY}## Background\n\nThe Tarrow Plains have had two failed rainy seasons in a row.\n\n"
            f"{heading}\n\n- Orvik camp cuts rations by a third\n- Photo essay: the drought in Tarrow Plains\n")
    sentences = _sentences(tmp_path, name, text)
    assert "The Tarrow Plains have had two failed rainy seasons in a row." in sentences
    assert not any("Photo essay" in s or "Orvik camp" in s for s in sentences)


def test_prose_after_a_related_list_is_the_story_again(tmp_path):
    text = (f"{_STORY}Read more\n\n- Orvik camp cuts rations by a third\n\n"
            "The first convoy is expected to reach the plains on Thursday, the council's director said at a "
            "briefing in Kelmsby on Monday evening.\n")
    sentences = _sentences(tmp_path, "story.txt", text)
    assert not any("Orvik camp" in s for s in sentences)
    assert sentences[-1].startswith("The first convoy is expected")


def test_an_invitation_to_follow_coverage_is_no_sentence(tmp_path):
    text = ("Follow our live coverage of the Brenna Hills fire in Oskar Province. All times local.\n\n"
            "The Brenna Hills fire has burned 4,300 hectares, the fire service said on Tuesday.\n")
    assert _sentences(tmp_path, "live.txt", text) == [
        "The Brenna Hills fire has burned 4,300 hectares, the fire service said on Tuesday."]


def test_a_correction_giving_the_right_figure_after_the_wrong_one_is_kept(tmp_path):
    # The right turnout is in this note only: a reader asking it needs the note's last sentence.
    note = ("Correction: An earlier version of this article gave the turnout in the ballot as 72.1 percent. "
            "The turnout was 71.2 percent.")
    story = ("The strike is planned for 48 hours from 7 a.m. on 17 March, and hospitals have begun drawing up "
             "contingency plans for wards and clinics across the country.\n\n")
    text = f"Nurses voted by 84.6 percent to strike, their union said on Tuesday.\n\n{story}{note}\n"
    assert "The turnout was 71.2 percent." in _sentences(tmp_path, "ballot.txt", text)
    # Where the story gives it already, the note only repeats it: set apart.
    text = f"Nurses voted by 84.6 percent to strike on a turnout of 71.2 percent, the union said.\n\n{story}{note}\n"
    assert "The turnout was 71.2 percent." not in _sentences(tmp_path, "ballot2.txt", text)


def test_a_correction_note_is_set_apart_up_to_the_figure_it_gives(tmp_path):
    # Audit 26: "An article on Wednesday said 3,200 jobs would be lost at Vantrell." was read as a sentence
    # and reached a summary alone, stating the error; the note said nothing of "an earlier version".
    story = ("Kellbrook Motors will cut jobs at its Orvask plant, the administrator said on Thursday, as creditors "
             "met for the first time in the city.\n\nThe plant built 1,150 buses last year and employed workers "
             "from across the region, many of them for decades.\n\n")
    note = "Correction: An article on Wednesday said 3,200 jobs would be lost at Kellbrook. The correct figure is 2,300."
    sentences = _sentences(tmp_path, "jobs.txt", story + note + "\n")
    assert not any("3,200" in s for s in sentences)
    assert "The correct figure is 2,300." in sentences
