"""The command line as a user runs it: subprocesses from another directory, pipes, exit codes."""

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ARTICLE, REPO, default_sigint, wait_until_waiting, write

NEWSDIGEST = str(Path(sys.executable).with_name("newsdigest"))
ESC = "\x1b"


def run(*args, cwd, input=None, env=None):
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [NEWSDIGEST, *args], cwd=cwd, input=input, capture_output=True, text=True, env=environment, timeout=120
    )


def test_json_on_the_seeds_from_another_directory(tmp_path):
    result = run("summarize", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "newsdigest.summary" and data["version"] == 2
    assert [t["name"] for t in data["topics"]] == ["aid", "mediation", "security"]
    articles = {a["id"]: a for a in data["articles"]}
    for topic in data["topics"]:
        assert topic["sentences"]
        for sentence in topic["sentences"]:
            for source in [sentence, *sentence["sources"]]:
                text = Path(articles[source["article_id"]]["path"]).read_text(encoding="utf-8")
                assert source["start"] < source["end"]
                if source is sentence:
                    assert text[source["start"] : source["end"]] == sentence["text"]
    texts = " ".join(s["text"] for t in data["topics"] for s in t["sentences"])
    assert "Moscow Times" not in texts and "Dear readers" not in texts and "willingness to host" not in texts
    assert any(e["article_id"] == "003_03613230713bc9a9" and "Moscow Times" in e["text"] for e in data["excluded"])


def test_text_when_piped_is_plain_with_citations_and_sources(tmp_path):
    result = run("summarize", "-t", "mediation", "-n", "3", cwd=tmp_path)
    assert result.returncode == 0
    out = result.stdout
    assert ESC not in out
    lines = out.splitlines()
    assert lines[0] == "Mediation"
    assert all(line.startswith("  - ") and line.rstrip().endswith("]") for line in lines[1:4])
    assert "Sources" in lines
    sources = [line for line in lines if line.startswith("  [")]
    assert [line[:6] for line in sources] == ["  [1] ", "  [2] "]
    assert any("2022-04-20" in line and "Putin & Zelenskyy" in line for line in sources)


def test_colour_only_when_forced_and_never_with_no_color(tmp_path):
    coloured = run("summarize", "-t", "aid", "--color", "always", cwd=tmp_path)
    assert f"{ESC}[" in coloured.stdout
    plain = run("summarize", "-t", "aid", "--color", "always", cwd=tmp_path, env={"NO_COLOR": "1"})
    assert "\x1b[3" not in plain.stdout  # no foreground colours
    # QA walkthrough 17: a terminal's lines were padded with spaces to its width, which copying brought along.
    explained = run("summarize", "-t", "aid", "--color", "always", "--explain", cwd=tmp_path, env={"COLUMNS": "80"})
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in explained.stdout.splitlines()]
    assert len(lines) > 10 and not any(line.endswith(" ") for line in lines)


def test_no_subcommand_when_piped_behaves_as_summarize(tmp_path):
    result = run("-t", "aid", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("Aid\n")


def test_json_with_text_lets_every_cited_web_page_be_checked(tmp_path):
    # QA walkthrough 17: a web page's offsets index the text read from it, not its HTML, and the JSON
    # had no way to see that text: a sentence of an HTML input could not be checked at its offsets.
    pages = REPO / "tests" / "data" / "pages" / "dev" / "html"
    result = run("summarize", str(pages / "arc-transit-fares.html"), str(pages / "business-shipping-merger.html"),
                 "--format", "json", "--with-text", "-q", "What happens to fares and ships?", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    cited = [s for t in data["topics"] for s in t["sentences"]]
    assert cited and all(texts[s["article_id"]][s["start"] : s["end"]] == s["text"] for s in cited)
    assert all("<p" not in text for text in texts.values())
    assert "text" not in json.loads(run("summarize", "--format", "json", cwd=tmp_path).stdout)["articles"][0]
    plain = run("summarize", "--with-text", cwd=tmp_path)
    assert plain.returncode == 2 and plain.stderr.count("\n") == 1 and "--format json" in plain.stderr


def test_markdown(tmp_path):
    result = run("summarize", "--format", "markdown", "-t", "security", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0] == "# News digest"
    assert lines[2].startswith("*Security · method topical · 5 sentences per topic · relevance order · ")
    assert "\n## Security\n\n- " in result.stdout and "## Sources" in result.stdout
    assert "\n- [1] Israel expresses willingness to host meeting between Putin & Zelenskyy (2022-04-20)" in result.stdout
    assert "\\" not in result.stdout  # nothing in the seeds needs a backslash: none is shown


def test_markdown_explains_as_the_text_does(tmp_path):
    # QA walkthrough 17: Markdown's --explain left out the score (what chose the sentence) and the
    # related terms that the text output shows.
    text = run("summarize", "-t", "aid", "-n", "1", "--explain", cwd=tmp_path).stdout
    markdown = run("summarize", "-t", "aid", "-n", "1", "--explain", "-f", "markdown", cwd=tmp_path).stdout
    why = next(line for line in text.splitlines() if line.strip().startswith("why:")).strip()
    assert "*why:* " + why.removeprefix("why: ") in markdown


def test_markdown_says_what_was_searched_but_not_cited_as_the_text_does(tmp_path):
    nothing = run("summarize", "--format", "markdown", "-t", "security", "--words", "5", cwd=tmp_path)
    assert "*no sentence about security fits in 5 words" in nothing.stdout
    assert nothing.stdout.endswith("## Sources\n\n*2 other articles were searched but not cited*\n")
    one = run("summarize", "--format", "markdown", "-t", "aid", "-n", "1", cwd=tmp_path)
    assert one.stdout.endswith("`\n\n*1 other article was searched but not cited*\n")


def test_a_digest_written_into_the_folder_read_is_not_read_back(tmp_path):
    # QA walkthrough 17: "summarize news/ -o news/digest.md" (or the app's export), then the next run
    # cited "[3] News digest" and summarized its header line.
    write(tmp_path / "news" / "convoy.txt", ARTICLE)
    for name, form in (("digest.md", "markdown"), ("digest.json", "json"), ("digest.txt", "text")):
        assert run("summarize", "news", "-f", form, "-o", f"news/{name}", cwd=tmp_path).returncode == 0
    result = run("summarize", "news", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0
    assert [a["path"] for a in json.loads(result.stdout)["articles"]] == ["news/convoy.txt"]
    assert result.stderr.count("a summary newsdigest wrote, not an article: skipped") == 3


def test_query_and_word_budget_on_a_jsonl_export(tmp_path):
    lines = [
        json.dumps({"id": f"a{i}", "title": f"Story {i}", "date": f"2023-05-0{i}", "text": ARTICLE}) for i in range(1, 4)
    ]
    export = write(tmp_path / "export.jsonl", "\n".join(lines))
    result = run("summarize", str(export), "--query", "Where are the ceasefire talks held?", "--words", "40",
                 "--format", "text", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    body = [line for line in result.stdout.splitlines() if line.startswith("  - ")]
    assert body and "Lindmark" in body[0]
    # The same sentence in three articles is printed once and cites all three.
    assert body[0].endswith("[1][2][3]")


def test_unknown_topic_is_a_usage_error_listing_known_topics(tmp_path):
    result = run("summarize", "-t", "weather", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "weather" in result.stderr and "aid, mediation, security" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_option_is_a_usage_error(tmp_path):
    result = run("summarize", "--sentences", "zero", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_what_happens_next_alone_is_answered_from_the_stories_the_titles_name(tmp_path):
    result = run("summarize", "-q", "What happens next?", "-n", "2", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("What happens next?\n  - ") and "[1]" in result.stdout
    listed = run("topics", "-q", "What happens next?", cwd=tmp_path)
    assert "keywords: the words the articles' titles share" in listed.stdout


def test_mistakes_a_user_makes_get_one_clear_line(tmp_path):
    # QA walkthrough 17: each of these said something raw, cut off or twice.
    def error(*args):
        result = run(*args, cwd=tmp_path)
        return result.returncode, result.stderr

    assert error("summarize", "-q", "who") == (2, "newsdigest: error: query 'who' has no content words to search for\n")
    assert error("sumarize") == (
        2, "newsdigest: error: sumarize: no such file or directory, nor a command (did you mean 'newsdigest summarize'?)\n")
    assert error("summarize", "--topics", str(tmp_path)) == (
        1, f"newsdigest: error: {tmp_path}: a directory, not a topics file (TOML)\n")
    assert error("mark-read", "missing.txt", "--cache-dir", "cache") == (
        1, "newsdigest: error: missing.txt: no such file or directory\n")
    write(tmp_path / "broken.jsonl", '{"id": "a", "text": "' + ARTICLE.replace("\n", " ") + '"}\n{"id": "b", "text": "cut\n')
    code, stderr = error("summarize", "broken.jsonl", "-n", "1")
    assert code == 0 and stderr == ("newsdigest: warning: broken.jsonl: line 2: invalid JSON (Unterminated string "
                                    "starting at column 21), skipped\n")


def test_nothing_readable_fails_with_one_line_per_problem(tmp_path):
    write(tmp_path / "empty.txt", "")
    result = run("summarize", str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"), cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert any("empty.txt" in line and "empty" in line for line in lines)
    assert any("nope.txt" in line and "no such file" in line for line in lines)
    assert lines[-1].startswith("newsdigest: error: no readable articles")
    assert result.stdout == ""


def test_skipped_files_warn_and_the_rest_is_summarized(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "bad.txt", b"\x00\x01\x02binary")
    result = run("summarize", str(tmp_path), "-t", "aid", cwd=tmp_path)
    assert result.returncode == 0
    assert "bad.txt" in result.stderr and "binary" in result.stderr
    assert "convoy" in result.stdout


def test_bad_topics_file_is_one_line_and_exit_1(tmp_path):
    topics = write(tmp_path / "t.toml", "[topics.x]\nkeywords = [")
    result = run("summarize", "--topics", str(topics), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and str(topics) in result.stderr


def test_topics_command_lists_topics_and_keywords(tmp_path):
    topics = write(tmp_path / "t.toml", '[topics.energy]\nkeywords = ["gas", "oil"]\n')
    result = run("topics", "--topics", str(topics), cwd=tmp_path)
    assert result.returncode == 0
    assert "aid" in result.stdout and "energy" in result.stdout and "keywords: gas, oil" in result.stdout
    data = json.loads(run("topics", "--format", "json", cwd=tmp_path).stdout)
    assert [t["name"] for t in data] == ["aid", "mediation", "security"]


def test_help_shows_examples(tmp_path):
    result = run("summarize", "--help", cwd=tmp_path)
    assert result.returncode == 0 and "examples:" in result.stdout and "--query" in result.stdout


def test_output_file_is_written_whole(tmp_path):
    target = write(tmp_path / "digest.md", "old contents")
    result = run("summarize", "--format", "markdown", "-o", str(target), cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == ""
    assert target.read_text().startswith("# News digest\n") and "\n## Aid\n" in target.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["digest.md"]  # no temporary file left behind


def test_closed_pipe_ends_quietly(tmp_path):
    reader = subprocess.Popen(
        f"'{NEWSDIGEST}' summarize -n 20 | head -1", shell=True, cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    out, err = reader.communicate(timeout=120)
    assert out == "Aid\n"
    assert err == ""


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupt_exits_without_a_traceback(tmp_path, sig, code):
    process = subprocess.Popen(
        [NEWSDIGEST, "summarize", "-"], cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, preexec_fn=default_sigint,
    )
    wait_until_waiting(process.pid)  # started, and blocked on stdin
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    assert process.returncode == code
    assert "Traceback" not in err and err.strip() in ("newsdigest: interrupted", "newsdigest: terminated")


def test_engine_never_imports_textual_or_rich():
    code = (
        "import sys, summarizer\n"
        "from summarizer import Corpus, Digester, BUILTIN_TOPICS, load_articles\n"
        "Digester()(Corpus(load_articles()), BUILTIN_TOPICS)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_a_non_editable_install_finds_the_seeds_from_anywhere(tmp_path):
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(target), str(REPO)],
        capture_output=True, text=True, timeout=300,
    )
    if install.returncode != 0 and "setuptools" in install.stderr:
        pytest.skip("no local setuptools to build with offline")
    assert install.returncode == 0, install.stderr
    assert (target / "summarizer" / "seeds" / "000_34d0cdd35805b61b.txt").is_file()
    code = "from summarizer import load_articles; print(*[a.path for a in load_articles()], sep='\\n')"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(target)}, timeout=120)
    paths = result.stdout.split()
    assert len(paths) == 2 and all(p.startswith(str(target)) for p in paths), result.stderr


@pytest.mark.parametrize("args, says", [
    (("--words", "0"), "newsdigest: error: argument -w/--words: expected at least 1, got 0"),
    (("--sentences", "-1"), "newsdigest: error: argument -n/--sentences: expected at least 1, got -1"),
    (("--since", "yesterday"), "newsdigest: error: argument --since: expected a span"),
    (("-t", "nosuchtopic"), "newsdigest: error: unknown topic 'nosuchtopic'"),
    (("-q", "Who sends aid?", "-q", "Who mediates?"), "newsdigest: error: argument -q/--query: given twice"),
    (("-q", ""), "newsdigest: error: argument -q/--query: empty"),  # -q "$QUESTION" unset: not every topic
    (("-q", "  "), "newsdigest: error: argument -q/--query: empty"),
])
def test_usage_errors_are_one_line_in_one_style(tmp_path, args, says):
    result = run("summarize", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(says), result.stderr
    assert result.stdout == ""


def test_a_missing_path_is_said_once(tmp_path):
    result = run("summarize", str(tmp_path / "nope"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"newsdigest: error: {tmp_path / 'nope'}: no such file or directory\n"


def test_a_question_about_a_place_no_article_mentions_says_so(tmp_path):
    # The seeds never mention Zembla: the answer says so, then gives the closest sentences.
    text = run("summarize", "--no-cache", "--query", "Is Zembla sending aid to Tarrow?", "-n", "2", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[1].strip() == "nothing here mentions Zembla or Tarrow; the closest sentences:"
    assert lines[2].lstrip().startswith("- ")
    data = json.loads(run("summarize", "--no-cache", "-f", "json", "--query", "Is Zembla sending aid?", "-n", "2",
                          cwd=tmp_path).stdout)
    (topic,) = data["topics"]
    assert topic["not_mentioned"] == ["Zembla"] and topic["caveat"].startswith("nothing here mentions Zembla")
    assert topic["message"] is None and len(topic["sentences"]) == 2
    # A question about what the seeds do cover has no caveat.
    covered = json.loads(run("summarize", "--no-cache", "-f", "json", "--query", "Is Israel sending aid to Ukraine?",
                             cwd=tmp_path).stdout)
    assert covered["topics"][0]["caveat"] is None and covered["topics"][0]["not_mentioned"] == []


def test_a_question_whose_phrase_no_sentence_holds_says_so(tmp_path):
    # Issue 19: "How are companies using artificial intelligence?" over pages about other things
    # answered with a company's "artificial terms" and no caveat. Its words are found, but apart.
    (tmp_path / "port.txt").write_text(
        "Three companies bid for the Kell harbour contract on Monday, the port authority said.\n\n"
        "The authority called the bids' deadlines artificial and asked for new ones by March.\n")
    (tmp_path / "army.txt").write_text(
        "Military intelligence in Brescovy warned of a second flood crest on the Varn river.\n\n"
        "The warning reached 12 villages before midnight, officials in Kell said.\n")
    question = "How are companies using artificial intelligence?"
    text = run("summarize", "--no-cache", str(tmp_path), "--query", question, "-n", "2", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[1].strip() == "nothing here mentions artificial intelligence; the closest sentences:"
    assert lines[2].lstrip().startswith("- ")
    (topic,) = json.loads(run("summarize", "--no-cache", str(tmp_path), "--query", question, "-f", "json",
                              cwd=tmp_path).stdout)["topics"]
    assert topic["not_mentioned"] == ["artificial intelligence"] and topic["sentences"]
    # A phrase with a word no article uses may be said in other words ("cases of fever" for
    # "fell ill"): nothing is said of it.
    (topic,) = json.loads(run("summarize", "--no-cache", str(tmp_path), "--query", "How many villages fell ill?",
                              "-f", "json", cwd=tmp_path).stdout)["topics"]
    assert topic["caveat"] is None and topic["sentences"]
    # ... and does not hide what another phrase shows ("track" is used by no article).
    (topic,) = json.loads(run("summarize", "--no-cache", str(tmp_path), "--query",
                              "Is artificial intelligence used to track ships?", "-f", "json", cwd=tmp_path).stdout)["topics"]
    assert topic["not_mentioned"] == ["artificial intelligence"]
    # A description of several sentences lists aspects that articles word their own way: no caveat.
    (topic,) = json.loads(run("summarize", "--no-cache", str(tmp_path), "--query",
                              "Companies of Kell. How are they using artificial intelligence?", "-f", "json",
                              cwd=tmp_path).stdout)["topics"]
    assert topic["caveat"] is None
    # One sentence holding the phrase's words is enough to say nothing.
    (tmp_path / "bank.txt").write_text(
        "Kell's two largest companies now use artificial intelligence to sort harbour freight.\n")
    (topic,) = json.loads(run("summarize", "--no-cache", str(tmp_path), "--query", question, "-f", "json",
                              cwd=tmp_path).stdout)["topics"]
    assert topic["caveat"] is None and topic["not_mentioned"] == []
    assert "artificial intelligence to sort" in topic["sentences"][0]["text"]


def test_a_story_that_uses_a_question_s_words_in_separate_sentences_mentions_it(tmp_path):
    # "Why did the dockworkers strike?" over a strike's articles said "nothing here mentions
    # dockworkers strike": no sentence holds both words, though every article tells of both.
    (tmp_path / "port.txt").write_text(
        "The strike at Port Varrel entered its third week on Monday.\n\n"
        "The dockworkers want a 9 percent raise, their union said.\n")
    (tmp_path / "ships.txt").write_text(
        "Ships are waiting outside Port Varrel as the strike goes on.\n\n"
        "Dockworkers voted on Friday to reject the port operator's offer.\n")
    (topic,) = json.loads(run("summarize", "--no-cache", str(tmp_path), "--query", "Why did the dockworkers strike?",
                              "-f", "json", cwd=tmp_path).stdout)["topics"]
    assert topic["caveat"] is None and topic["not_mentioned"] == [] and topic["sentences"]


@pytest.mark.parametrize("cache", [False, True])
def test_an_article_giving_another_number_of_the_same_thing_is_not_cited_as_saying_the_same(tmp_path, cache):
    # The held-out audit: "600 soldiers" was cited to an article saying the general withdrew "200
    # soldiers" (cosine 0.62: the same general, the same valley).
    news = tmp_path / "news"
    news.mkdir()
    (news / "northline.txt").write_text(
        "Gen. Tobar Quill said 600 soldiers and 55 trucks were now working in the Orrel valley.\n\n"
        "The death toll from the Mt. Karrow landslide rose to 17 on Saturday.\n")
    (news / "dremmen.txt").write_text(
        "The Orrel valley road into St. Aubrin reopened to traffic on Friday.\n\n"
        "Gen. Tobar Quill withdrew the last 200 soldiers from the valley.\n")
    (news / "courier.txt").write_text(
        "Gen. Tobar Quill said that 600 soldiers and 55 trucks are now working in the Orrel valley.\n")
    options = ["--cache-dir", str(tmp_path / "cache")] if cache else ["--no-cache"]
    for _ in range(2 if cache else 1):  # with an index: its first run, then a run from it
        (topic,) = json.loads(run("summarize", *options, str(news), "--query", "How many soldiers were sent?",
                                  "-n", "1", "-f", "json", cwd=tmp_path).stdout)["topics"]
        cited = {source["article_id"] for source in topic["sentences"][0]["sources"]}
        assert cited == {"northline", "courier"}, cited


def test_a_question_in_common_words_nothing_mentions_says_what_is_not_mentioned(tmp_path):
    # Held-out audit (issue 19): a question without names that no article touches said "no sentences
    # about is there a cholera vaccine campaign? in 1 article" (the question pasted into a sentence).
    story = tmp_path / "flood.txt"
    story.write_text("A convoy of 40 trucks reached the flooded town of St. Elmo on Tuesday.\n\n"
                     "The relief coordinator, J.R. Okafor, said the town had water for three days.\n")
    question = "Is there a cholera vaccine campaign?"
    says = "nothing here mentions cholera, vaccine or campaign (1 article)"
    text = run("summarize", "--no-cache", str(story), "--query", question, cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert says in text.stdout and "no sentences about" not in text.stdout
    markdown = run("summarize", "--no-cache", str(story), "--query", question, "-f", "markdown", cwd=tmp_path)
    assert says in markdown.stdout
    (topic,) = json.loads(run("summarize", "--no-cache", str(story), "--query", question, "-f", "json",
                              cwd=tmp_path).stdout)["topics"]
    assert topic["message"] == says and topic["not_mentioned"] == ["cholera", "vaccine", "campaign"]
    assert topic["sentences"] == [] and topic["caveat"] is None


def test_a_word_budget_no_sentence_fits_says_so(tmp_path):
    result = run("summarize", "--no-cache", "-t", "security", "--words", "5", cwd=tmp_path)
    assert result.returncode == 0
    assert "no sentence about security fits in 5 words (the shortest has" in result.stdout
    assert "no sentences about security" not in result.stdout


def test_explain_says_which_sentences_answer_a_typed_question(tmp_path):
    # The answer to "Why ...?" comes first at relevance 0.38, before the closure every outlet
    # printed at 1.00: --explain says what put it there, in text and in JSON; a topic's sentences
    # answer nothing.
    closed = "The Harl bridge over the Senn river was closed to traffic on Tuesday, the county said."
    write(tmp_path / "news" / "a.txt", closed + "\n\nDrivers were sent on a detour through Orsa.\n")
    write(tmp_path / "news" / "b.txt", closed + "\n\nThe bridge was closed because inspectors found cracks in two of its piers.\n")
    write(tmp_path / "news" / "c.txt", closed + "\n\nAid lorries for Orsa were sent over the old road.\n")
    question = ["--no-cache", "news", "-q", "Why was the Harl bridge closed?", "-n", "2", "--explain"]
    lines = run("summarize", *question, cwd=tmp_path).stdout.splitlines()
    assert lines[1].startswith("  - The bridge was closed because") and lines[2].endswith("; answers why")
    assert "answers" not in lines[4]
    data = json.loads(run("summarize", *question, "-f", "json", cwd=tmp_path).stdout)
    assert [s["explanation"].get("answers") for s in data["topics"][0]["sentences"]] == ["why", None]
    data = json.loads(run("summarize", "--no-cache", "news", "-t", "aid", "-f", "json", cwd=tmp_path).stdout)
    assert data["topics"][0]["sentences"] and all("answers" not in s["explanation"] for s in data["topics"][0]["sentences"])


def test_a_plan_and_its_calling_off_both_reach_a_summary_read_from_the_index(tmp_path):
    # The library test (test_topics.py) reads a corpus made in memory; a user's run reads each
    # sentence's concepts from the stored index, where whether a sentence says "not" is looked up
    # for all sentences at once.
    plan = "The schools of Varnholt will reopen on March 16, the education office said on Tuesday."
    off = "The schools of Varnholt will not reopen on March 16 as planned, the education office said on Saturday."
    lines = [json.dumps({"id": "tuesday", "title": "Varnholt cleans up", "date": "2031-03-10",
                         "text": plan + "\n\nVolunteers cleared mud from the streets."}),
             json.dumps({"id": "saturday", "title": "Varnholt schools stay shut", "date": "2031-03-14",
                         "text": off + "\n\nThe boiler room needs repairs."})]
    export = write(tmp_path / "export.jsonl", "\n".join(lines))
    result = run("summarize", str(export), "--query", "When will the schools of Varnholt reopen?", "-n", "3",
                 "--format", "json", "--cache-dir", str(tmp_path / "cache"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    shown = {s["text"]: s for s in json.loads(result.stdout)["topics"][0]["sentences"]}
    assert {plan, off} <= set(shown), list(shown)
    assert [source["article_id"] for source in shown[plan]["sources"]] == [shown[plan]["article_id"]]


@pytest.mark.parametrize("argv, help_of", [
    (["summarize", "--bogus"], "newsdigest summarize --help"),
    (["mark-read", "--bogus"], "newsdigest mark-read --help"),
    (["feeds", "add", "https://herald.norvale.example/rss", "--bogus"], "newsdigest feeds add --help"),
    (["--bogus"], "newsdigest summarize --help"),  # no subcommand: summarize (or the app) is meant
])
def test_an_unknown_option_points_to_the_help_that_lists_the_options(argv, help_of, capsys, monkeypatch):
    # `newsdigest summarize --colour never` said "(see newsdigest --help)", whose help lists the
    # commands and none of summarize's options.
    from tui.cli import get_args

    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    with pytest.raises(SystemExit) as exit_:
        get_args(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err == f"newsdigest: error: unrecognized arguments: --bogus (see {help_of})\n"


def test_the_app_without_a_terminal_says_so_instead_of_waiting_for_keys(tmp_path):
    # `newsdigest app news/ < /dev/null` (a cron job, a script) drew the app on stderr and waited
    # for keys that never came; `cat story.txt | newsdigest app -` as well.
    for args, stdin in ((("app",), subprocess.DEVNULL), (("app", "-"), subprocess.PIPE)):
        result = subprocess.run([NEWSDIGEST, *args], cwd=tmp_path, stdin=stdin, capture_output=True, text=True,
                                timeout=30, env={k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"})
        assert result.returncode == 2, args
        assert result.stderr.startswith("newsdigest: error: app: ") and result.stderr.count("\n") == 1, result.stderr
        assert "newsdigest summarize" in result.stderr and "\x1b" not in result.stderr
        assert result.stdout == ""


def test_output_dash_is_standard_output(tmp_path):
    # As "-" is standard input among the paths: "-o -" wrote a file named "-".
    result = run("summarize", "-t", "aid", "-n", "1", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Aid\n") and "Sources" in result.stdout
    assert not (tmp_path / "-").exists()


def test_output_onto_the_current_folder_says_it_is_a_folder(tmp_path):
    # "-o ." said "Device or resource busy" (a rename onto the working directory).
    for target in (".", ".."):
        result = run("summarize", "-t", "aid", "-o", target, cwd=tmp_path / "")
        assert result.returncode == 1
        assert result.stderr == f"newsdigest: error: {target}: cannot write: Is a directory (nothing was changed)\n"
    assert not list(tmp_path.glob(".*tmp"))


def test_two_files_named_alike_are_read_without_a_warning(tmp_path):
    # QA walkthrough 17: "herald.txt" and "herald.html" in one folder warned "duplicate article id
    # 'herald', renamed 'herald~2'" on every run, about nothing the user did wrong.
    write(tmp_path / "d" / "herald.txt", ARTICLE)
    write(tmp_path / "d" / "herald.html", f"<html><body><article><p>{ARTICLE}</p></article></body></html>")
    for cache in ((), ("--cache-dir", "cache")):
        result = run("summarize", "d", "-f", "json", *cache, cwd=tmp_path)
        assert result.returncode == 0 and result.stderr == ""
        assert sorted(a["id"] for a in json.loads(result.stdout)["articles"]) == ["herald", "herald~2"]


def test_topics_are_added_and_removed_from_the_command_line(tmp_path):
    # QA walkthrough 17: "newsdigest topics add floods" said "counting the articles of files needs a shared
    # index"; a user had to find and edit the TOML file by hand.
    env = {"NEWSDIGEST_TOPICS": str(tmp_path / "config" / "topics.toml")}
    listed = run("topics", cwd=tmp_path, env=env)
    assert f"your own topics go in {tmp_path / 'config' / 'topics.toml'}" in listed.stdout
    added = run("topics", "--add", "floods", "--keywords", "flood, river level, evacuate", cwd=tmp_path, env=env)
    assert added.returncode == 0 and added.stdout.startswith("added topic 'floods' to ")
    (tmp_path / "config" / "topics.toml").write_text("# my topics\n" + (tmp_path / "config" / "topics.toml").read_text())
    assert run("topics", "--add", "quakes", "--keywords", "earthquake", "--label", "Earthquakes", cwd=tmp_path,
               env=env).returncode == 0
    write(tmp_path / "news" / "flood.txt", "The river level in Orvask rose two metres overnight and 300 people were "
                                           "told to evacuate, the council said on Monday.\n")
    summary = run("summarize", "news", "-t", "floods", "-f", "json", cwd=tmp_path, env=env)
    assert json.loads(summary.stdout)["topics"][0]["sentences"], summary.stderr
    again = run("topics", "--add", "floods", "--keywords", "x", cwd=tmp_path, env=env)
    assert again.returncode == 1 and "topic 'floods' is defined already" in again.stderr
    assert run("topics", "--remove", "floods", cwd=tmp_path, env=env).returncode == 0
    text = (tmp_path / "config" / "topics.toml").read_text()
    assert text.startswith("# my topics\n") and "floods" not in text and "[topics.quakes]" in text
    assert run("topics", "--remove", "quakes", cwd=tmp_path, env=env).returncode == 0
    assert run("summarize", "news", "-f", "json", cwd=tmp_path, env=env).returncode == 0  # no topic left: no error
    gone = run("topics", "--remove", "floods", cwd=tmp_path, env=env)
    assert gone.returncode == 1 and "no topic 'floods' to remove" in gone.stderr
    assert run("topics", "--add", "floods", cwd=tmp_path, env=env).returncode == 2  # no --keywords
