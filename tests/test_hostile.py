"""Hostile input, hostile terminals: every case ends in a summary of what is usable, or in
one line on stderr with the documented exit code; never a traceback, a hang or half an output.

docs/reliability.md lists each case with the test here that proves it.
"""

import errno
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer import NoArticlesError, load_articles
from summarizer.reading import inputs as inputs_module
from summarizer.reading.inputs import MAX_ARTICLE_CHARS
from summarizer import atomic
from tui.cli import main

from .conftest import ARTICLE, default_sigint, wait_for_children, write

NEWSDIGEST = str(Path(sys.executable).with_name("newsdigest"))
ESC = "\x1b"


def cli(capsys, *args):
    """Run ``newsdigest ARGS`` in-process: (exit code, stdout, stderr lines)."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert "Traceback" not in err
    assert all(line.startswith("newsdigest: ") for line in lines), lines
    return code, out, lines


def run(*args, cwd, timeout=120, **kwargs):
    return subprocess.run([NEWSDIGEST, *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def warning_about(lines, name, *words):
    return any(name in line and all(w in line for w in words) for line in lines)


def summarized(out):
    data = json.loads(out)
    return data, {a["id"] for a in data["articles"]}


# --- files and folders ----------------------------------------------------------------------


def test_empty_and_whitespace_only_files_are_skipped_and_the_rest_summarized(tmp_path, capsys):
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blank.txt", " \n\t\r\n  \n")
    code, out, err = cli(capsys, "summarize", tmp_path, "-f", "json")
    assert code == 0
    assert warning_about(err, "empty.txt", "empty file") and warning_about(err, "blank.txt", "empty file")
    assert summarized(out)[1] == {"good"}


def test_nothing_but_empty_files_fails_with_exit_1_and_no_output(tmp_path, capsys):
    write(tmp_path / "empty.txt", "")
    code, out, err = cli(capsys, "summarize", tmp_path / "empty.txt")
    assert code == 1 and out == ""
    assert err[-1].startswith("newsdigest: error: no readable articles")


def test_a_path_that_does_not_exist(tmp_path, capsys):
    write(tmp_path / "good.txt", ARTICLE)
    code, out, err = cli(capsys, "summarize", tmp_path / "good.txt", tmp_path / "missing.txt", "-f", "json")
    assert code == 0 and warning_about(err, "missing.txt", "no such file or directory")
    assert summarized(out)[1] == {"good"}


def test_one_huge_line_of_50_mb_is_read_up_to_the_article_limit(tmp_path, capsys):
    sentence = "The aid convoy reached the besieged city with food and medicine for families. "
    line = sentence * (50 * 2**20 // len(sentence))  # 50 MB, not one newline
    big = write(tmp_path / "huge.txt", line)
    write(tmp_path / "good.txt", ARTICLE)
    started = time.monotonic()
    code, out, err = cli(capsys, "summarize", big, tmp_path / "good.txt", "-t", "aid", "-f", "json")
    assert time.monotonic() - started < 60  # about 5 s here; the bound only catches a regression
    assert code == 0
    assert warning_about(err, "huge.txt", "characters", "only the first")
    data, ids = summarized(out)
    assert ids == {"huge", "good"}
    huge = next(a for a in data["articles"] if a["id"] == "huge")
    assert huge["sentences"] <= MAX_ARTICLE_CHARS // len(sentence) + 1


@pytest.mark.slow
def test_ten_thousand_files(tmp_path, capsys):
    """Slowest test here (about 15 s): the corpus size the soak benchmark runs at."""
    folder = tmp_path / "many"
    folder.mkdir()
    towns = ["Brannock", "Lorvik", "Port Halvey", "Ostwater", "Sumy", "Poltava"]
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(
            f"Convoy {i} reached {towns[i % 6]} with food and medicine for {i % 97 + 3} families on Monday. "
            "Talks on a ceasefire resumed in Corvanna as troops shelled the outskirts.\n"
        )
    code, out, err = cli(capsys, "summarize", folder, "-f", "json", "-n", "3")
    assert code == 0 and err == []
    data, ids = summarized(out)
    assert len(ids) == 10_000
    assert all(1 <= len(t["sentences"]) <= 3 for t in data["topics"])  # near-duplicates are merged
    assert data["topics"][0]["candidates"] == 10_000  # all matched, though 2,000 were ranked


def test_deeply_nested_folders(tmp_path, capsys):
    deep = str(tmp_path)
    for _ in range(1200):  # os.walk's recursion failed past ~1,000 levels
        deep = os.path.join(deep, "d")
        os.mkdir(deep)  # (os.makedirs and Path.mkdir(parents=True) recurse too)
    with open(os.path.join(deep, "story.txt"), "w", encoding="utf-8") as story:
        story.write(ARTICLE)
    try:
        code, out, err = cli(capsys, "summarize", tmp_path, "-f", "json")
    finally:  # bottom up: shutil.rmtree, which pytest cleans up with, recurses as well
        os.remove(os.path.join(deep, "story.txt"))
        while deep != str(tmp_path):
            os.rmdir(deep)
            deep = os.path.dirname(deep)
    assert code == 0
    assert summarized(out)[1] == {"d/" * 1200 + "story"}


def test_symlink_loops_neither_trap_nor_stop_the_walk(tmp_path, capsys):
    write(tmp_path / "good.txt", ARTICLE)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)  # folder loop
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")  # file loop
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    code, out, err = cli(capsys, "summarize", tmp_path, "-f", "json")
    assert code == 0
    assert warning_about(err, "a.txt", "symbolic links") and warning_about(err, "b.txt", "symbolic links")
    assert summarized(out)[1] == {"good"}


def test_a_file_removed_while_loading(tmp_path, monkeypatch, capsys):
    write(tmp_path / "good.txt", ARTICLE)
    doomed = write(tmp_path / "doomed.txt", ARTICLE)
    real = inputs_module.discover

    def discover_then_remove(paths, warn):
        found = real(paths, warn)
        doomed.unlink()  # gone between discovery and reading
        return found

    monkeypatch.setattr("summarizer.store.loading.discover", discover_then_remove)
    code, out, err = cli(capsys, "summarize", tmp_path, "-f", "json")
    assert code == 0 and warning_about(err, "doomed.txt", "vanished while loading")
    assert summarized(out)[1] == {"good"}


def test_fifo_and_device_files_in_a_folder_are_skipped_without_hanging(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")  # nobody ever writes: opening it would block forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    result = run("summarize", tmp_path, "-t", "aid", cwd=tmp_path, timeout=60)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert warning_about(result.stderr.splitlines(), "pipe.txt", "not a regular file")
    assert warning_about(result.stderr.splitlines(), "zero.txt", "not a regular file")
    assert "convoy" in result.stdout


def test_a_file_swapped_for_a_fifo_after_discovery_does_not_hang(tmp_path, monkeypatch, capsys):
    write(tmp_path / "good.txt", ARTICLE)
    swapped = write(tmp_path / "swapped.txt", ARTICLE)
    real = inputs_module.discover

    def discover_then_swap(paths, warn):
        found = real(paths, warn)
        swapped.unlink()
        os.mkfifo(swapped)
        return found

    monkeypatch.setattr("summarizer.store.loading.discover", discover_then_swap)
    code, out, err = cli(capsys, "summarize", tmp_path, "-f", "json")
    assert code == 0 and warning_about(err, "swapped.txt", "not a regular file")
    assert summarized(out)[1] == {"good"}


def test_a_device_named_explicitly_ends_quickly(tmp_path, capsys):
    write(tmp_path / "good.txt", ARTICLE)
    code, out, err = cli(capsys, "summarize", "/dev/zero", tmp_path / "good.txt", "-f", "json")
    assert code == 0 and warning_about(err, "/dev/zero", "binary content")


def test_an_input_over_the_size_limit_is_skipped(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(inputs_module, "MAX_INPUT_BYTES", 2**20)
    monkeypatch.setattr(inputs_module, "_CHUNK", 2**16)
    write(tmp_path / "big.txt", ARTICLE * 20_000)
    write(tmp_path / "good.txt", ARTICLE)
    code, out, err = cli(capsys, "summarize", tmp_path, "-f", "json")
    assert code == 0 and warning_about(err, "big.txt", "larger than 1 MiB")
    assert summarized(out)[1] == {"good"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_a_folder_without_read_permission(tmp_path, capsys):
    write(tmp_path / "good.txt", ARTICLE)
    locked = tmp_path / "locked"
    write(locked / "secret.txt", ARTICLE)
    locked.chmod(0)
    try:
        code, out, err = cli(capsys, "summarize", tmp_path, "-f", "json")
    finally:
        locked.chmod(0o755)
    assert code == 0 and warning_about(err, "locked", "Permission denied")
    assert summarized(out)[1] == {"good"}


def test_a_folder_without_read_permission_simulated(tmp_path, monkeypatch, capsys):
    """The same case when the tests run as root: scanning the folder fails as it would."""
    write(tmp_path / "good.txt", ARTICLE)
    locked = tmp_path / "locked"
    write(locked / "secret.txt", ARTICLE)
    real = os.scandir

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = cli(capsys, "summarize", tmp_path, "-f", "json")
    assert code == 0 and warning_about(err, "locked", "Permission denied")
    assert summarized(out)[1] == {"good"}


def test_an_unreadable_file_simulated(tmp_path, monkeypatch, capsys):
    write(tmp_path / "good.txt", ARTICLE)
    secret = write(tmp_path / "secret.txt", ARTICLE)
    real = os.open

    def deny(path, *args, **kwargs):
        if Path(path) == secret:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    code, out, err = cli(capsys, "summarize", tmp_path, "-f", "json")
    assert code == 0 and warning_about(err, "secret.txt", "Permission denied")
    assert summarized(out)[1] == {"good"}


# --- bytes and text -------------------------------------------------------------------------

CONVOY = "A convoy of trucks carrying food and medicine reached the city, aid agencies said on Monday."


@pytest.mark.parametrize(
    "name, content, readable",
    [
        ("binary.txt", bytes(range(256)) * 40, False),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), False),
        ("latin1.txt", CONVOY.replace("city", "cit\xe9").encode("latin-1") + b" \xff\xfe invalid UTF-8.", True),
        ("utf16.txt", CONVOY.encode("utf-16"), True),
        ("utf16le-nobom.txt", CONVOY.encode("utf-16-le"), True),
        ("utf16be-nobom.txt", CONVOY.encode("utf-16-be"), True),
        ("mixed.txt", ("Aid\r\n\r\n" + CONVOY + "\r" + CONVOY + "\n\r\n" + CONVOY).encode(), True),
        ("nul.txt", (CONVOY[:40] + "\x00" + CONVOY[40:]).encode(), True),
    ],
)
def test_bytes_that_are_text_are_read_and_others_skipped(tmp_path, capsys, name, content, readable):
    write(tmp_path / name, content)
    write(tmp_path / "good.txt", ARTICLE)
    code, out, err = cli(capsys, "summarize", tmp_path, "-t", "aid", "-f", "json")
    assert code == 0
    data, ids = summarized(out)
    stem = name.removesuffix(".txt")
    assert (stem in ids) == readable, err
    if not readable:
        assert warning_about(err, name, "binary content")
    for article in load_articles([str(tmp_path / name)]) if readable else ():
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
            assert "\r" not in sentence.text


@pytest.mark.parametrize(
    "name, text",
    [
        ("no-punctuation", " ".join(["the aid convoy reached the city with food and medicine"] * 12)),
        ("long-sentence", "The aid convoy " + " ".join(f"word{i}" for i in range(5000)) + " arrived."),
        ("rtl", "\u0648\u0635\u0644\u062a \u0642\u0627\u0641\u0644\u0629 \u0627\u0644\u0645\u0633\u0627\u0639\u062f\u0627\u062a "
                "\u0625\u0644\u0649 \u0627\u0644\u0645\u062f\u064a\u0646\u0629. \u05d4\u05e9\u05d9\u05d9\u05e8\u05d4 "
                "\u05d4\u05d2\u05d9\u05e2\u05d4 \u05dc\u05e2\u05d9\u05e8. " + CONVOY),
        ("cjk", "\u63f4\u52a9\u8f66\u961f\u62b5\u8fbe\u57ce\u5e02\u3002\u8c08\u5224\u5728\u4f0a\u65af\u5766\u5e03\u5c14"
                "\u6062\u590d\u3002\u652f\u63f4\u7269\u8cc7\u304c\u5c4a\u3044\u305f\u3002 " + CONVOY),
        ("emoji", "\U0001F69A\U0001F3E5 " + CONVOY + " \U0001F1FA\U0001F1E6 \U0001F468\u200D\U0001F469\u200D\U0001F467 done."),
        ("combining", "Z\u0351\u036b\u0343a\u0310\u0342l\u0357g\u0344o\u0306 " + CONVOY.replace("e", "e\u0301")),
    ],
)
def test_unusual_text_is_summarized_with_exact_offsets(tmp_path, capsys, name, text):
    path = write(tmp_path / f"{name}.txt", text)
    code, out, err = cli(capsys, "summarize", path, "-f", "json", "-w", "60")
    assert code == 0, err
    data, ids = summarized(out)
    assert ids == {name}
    source = path.read_text(encoding="utf-8")
    for topic in data["topics"]:
        assert sum(len(s["text"].split()) for s in topic["sentences"]) <= 60
        for sentence in topic["sentences"]:
            assert source[sentence["start"] : sentence["end"]] == sentence["text"]
    for fmt in ("text", "markdown"):
        assert cli(capsys, "summarize", path, "-f", fmt)[0] == 0


# --- JSON and JSON Lines --------------------------------------------------------------------


def test_jsonl_bad_lines_are_reported_by_number_and_good_lines_used(tmp_path, capsys):
    good = {"id": "g1", "title": "Convoy", "text": ARTICLE}
    lines = [
        json.dumps(good),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "num", "text": 42}),
        json.dumps({"id": "notext", "title": "No text"}),
        json.dumps({"id": ["a"], "title": {"x": 1}, "date": 7, "text": ARTICLE}),
        json.dumps({"id": "g1", "text": ARTICLE.replace("Monday", "Tuesday")}),
        "[1, 2]",
        "",
        json.dumps({"id": "empty", "text": "   "}),
    ]
    export = write(tmp_path / "export.jsonl", "\n".join(lines))
    code, out, err = cli(capsys, "summarize", export, "-f", "json")
    assert code == 0
    assert warning_about(err, "export.jsonl", "line 2", "invalid JSON")
    assert warning_about(err, "export.jsonl", "line 3", '"text" is int')
    assert warning_about(err, "export.jsonl", "line 4", 'no "text"')
    assert warning_about(err, "export.jsonl", "line 5", '"id" is list')
    assert warning_about(err, "export.jsonl", "line 5", '"title" is dict')
    assert warning_about(err, "export.jsonl", "duplicate article id 'g1'", "renamed 'g1~2'")
    assert warning_about(err, "export.jsonl", "line 7", "expected an object")
    assert warning_about(err, "export.jsonl", "line 9", 'empty "text"')
    assert summarized(out)[1] == {"g1", "export:5", "g1~2"}


def test_a_broken_json_document_names_line_and_column(tmp_path, capsys):
    write(tmp_path / "bad.json", '[{"id": "a", "text": "x"},\n {"id": }]')
    write(tmp_path / "good.txt", ARTICLE)
    code, out, err = cli(capsys, "summarize", tmp_path, "-f", "json")
    assert code == 0 and warning_about(err, "bad.json", "line 2, column")


def test_json_text_with_lone_surrogates_is_printable(tmp_path, capsys):
    export = write(tmp_path / "s.jsonl", '{"id": "s", "title": "T\\ud800", "text": "' + CONVOY + ' \\udc80 done."}')
    for fmt in ("text", "markdown", "json"):
        code, out, err = cli(capsys, "summarize", export, "-f", fmt)
        assert code == 0
        out.encode("utf-8")  # no lone surrogate reaches the output


# --- topics files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "toml, message",
    [
        ('[topics.energy]\nkeywords = ["gas", "oil"\n', "at end of document, line 3, column 1"),
        ('[topics.energy]\nkeywords = ["gas" "oil"]\n', "line 2, column 19"),
        ('[topics.energy]\nkeywords = ["gas"]\n[topics.energy]\nkeywords = ["oil"]\n', "twice (at line 3"),
        ('[topics.energy]\nkeywords = "gas"\n', "keywords must be a list of strings"),
        ('[topics.energy]\nkeywords = ["gas", 3]\n', "keywords must be a list of strings"),
        ('[topics.energy]\nkeywords = []\n', "keywords is empty"),
        ('[topics.energy]\nkeywords = ["  "]\n', "keywords is empty"),
        ('[topics.energy]\nkeywords = ["gas"]\nlabel = 5\n', "label and description must be strings"),
        ('[topics.Energy]\nkeywords = ["gas"]\n', "names are lower-case"),
        ("[topics]\nenergy = 3\n", "expected a table"),
        ("title = 'no topics'\n", "expected a [topics.NAME] table"),
        (b"\xff\xfe[topics", "not UTF-8"),
    ],
)
def test_bad_topics_files_are_one_line_naming_file_and_problem(tmp_path, capsys, toml, message):
    topics = write(tmp_path / "topics.toml", toml)
    code, out, err = cli(capsys, "summarize", "--topics", topics)
    assert code == 1 and out == ""
    assert len(err) == 1 and str(topics) in err[0] and message in err[0], err


def test_a_user_topic_shadowing_a_built_in_one_wins_and_says_so(tmp_path, capsys):
    topics = write(tmp_path / "topics.toml", '[topics.aid]\nlabel = "Bread"\nkeywords = ["flour", "bakery"]\n')
    code, out, err = cli(capsys, "topics", "--topics", topics)
    assert code == 0
    assert "aid  (Bread, " in out and "replaces the built-in topic 'aid'" in out
    code, out, err = cli(capsys, "topics", "--topics", topics, "-f", "json")
    assert json.loads(out)[0]["replaces"] == ["built-in"]
    code, out, err = cli(capsys, "summarize", "--topics", topics, "-f", "json")
    assert json.loads(out)["topics"][0]["keywords"] == ["flour", "bakery"]


# --- output safety --------------------------------------------------------------------------

HOSTILE = (
    "Aid [bold red]workers[/bold red] said [link=https://evil.example]click[/link] and [@click=app.quit]quit[/] "
    "while the convoy reached \x1b[2J\x1b[31mthe city\x1b[0m with food\x07 and medicine \x1b]8;;https://evil.example\x1b\\"
    "here\x1b]8;;\x1b\\ today \x9b31m\x1b]0;pwned\x07 with \u202ereversed\u202c text, officials said on Monday."
)


@pytest.fixture
def hostile(tmp_path):
    record = {
        "id": "evil\x1b[31m", "title": "Title \x1b]0;owned\x07[bold]x[/bold]", "date": "\x1b[2J2022",
        "url": "javascript:alert(1)", "text": HOSTILE,
    }
    return write(tmp_path / "evil.jsonl", json.dumps(record))


def injected(out):
    return [seq for seq in ("\x1b[2J", "\x1b[31m", "\x1b]", "\x07", "\x9b", "\u202e") if seq in out]


@pytest.mark.parametrize("color", ["never", "always"])
def test_text_output_shows_markup_literally_and_no_escape_sequences(hostile, capsys, color):
    code, out, err = cli(capsys, "summarize", hostile, "-t", "aid", "--color", color)
    assert code == 0
    assert injected(out) == []
    if color == "never":
        assert ESC not in out
    shown = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", out).split())  # rich's own styles, wrapping undone
    assert "[bold red]workers[/bold red]" in shown
    assert "[link=https://evil.example]click[/link]" in shown and "[@click=app.quit]quit[/]" in shown


def test_markdown_output_escapes_markup_and_links_only_web_addresses(hostile, capsys):
    code, out, err = cli(capsys, "summarize", hostile, "-t", "aid", "-f", "markdown")
    assert code == 0 and injected(out) == [] and ESC not in out
    assert r"\[bold red\]workers\[/bold red\]" in out and r"\[@click=app.quit\]" in out
    assert "<javascript:" not in out and "](javascript" not in out


def test_json_output_is_ascii_and_keeps_the_original_characters(hostile, capsys):
    code, out, err = cli(capsys, "summarize", hostile, "-t", "aid", "-f", "json")
    assert code == 0
    assert out.isascii() and ESC not in out
    data = json.loads(out)
    # The article's text is what a reader sees: escape sequences, and what they carry, are no part of
    # it (see test_what_an_escape_sequence_carries_is_no_word_of_the_article); every other character is kept.
    assert data["topics"][0]["sentences"][0]["text"] == (
        "Aid [bold red]workers[/bold red] said [link=https://evil.example]click[/link] and [@click=app.quit]quit[/] "
        "while the convoy reached the city with food\x07 and medicine here today  with \u202ereversed\u202c text, "
        "officials said on Monday.")
    assert data["articles"][0]["title"].startswith("Title \x1b]0;owned\x07")


def test_warnings_and_errors_are_sanitised(tmp_path, capsys):
    name = tmp_path / "bad\x1b[31mname\x07.txt"
    code, out, err = cli(capsys, "summarize", name)
    assert code == 1 and all(ESC not in line and "\x07" not in line for line in err)


# --- writing --------------------------------------------------------------------------------


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_export_leaves_the_previous_file_and_no_temporary(tmp_path, monkeypatch, capsys, failure):
    target = write(tmp_path / "digest.md", "previous digest\n")
    real_fsync = os.fsync

    def fail_midway(fd):
        os.write(fd, b"half written")
        raise failure

    monkeypatch.setattr(atomic.os, "fsync", fail_midway)
    code, out, err = cli(capsys, "summarize", "-f", "markdown", "-o", target)
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert target.read_text() == "previous digest\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md"]
    if isinstance(failure, OSError):
        assert code == 1 and err == [f"newsdigest: error: {target}: cannot write: No space left on device (nothing was changed)"]
    else:
        assert code == 130 and err == ["newsdigest: interrupted"]


def test_output_to_a_fifo_or_a_device_writes_into_it_and_leaves_it_there(tmp_path, capsys):
    """`-o /dev/null`, `-o /dev/stdout` or a named pipe is written into, never replaced by a
    regular file (as root, a rename over /dev/null would replace the device for the whole machine).
    A FIFO stands in for the device: the test must not risk /dev/null itself."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so that opening it to write does not wait
    try:
        code, out, err = cli(capsys, "summarize", "-t", "aid", "-n", "1", "-f", "json", "-o", fifo)
        assert code == 0 and out == "" and err == []
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        received = b""
        while chunk := os.read(reader, 65536):
            received += chunk
    finally:
        os.close(reader)
    assert json.loads(received)["topics"][0]["name"] == "aid"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_output_through_a_symlink_replaces_the_file_it_points_to(tmp_path, capsys):
    """`-o link.md`: the file the link names gets the digest, atomically, beside itself; the link stays."""
    (tmp_path / "store").mkdir()
    target = write(tmp_path / "store" / "digest.md", "previous digest\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, out, err = cli(capsys, "summarize", "-t", "aid", "-f", "markdown", "-o", link)
    assert code == 0 and err == []
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text().startswith("# ") or "Aid" in target.read_text()
    assert target.read_text() != "previous digest\n"


def test_export_to_a_missing_folder_or_a_folder_is_one_line(tmp_path, capsys):
    for target in (tmp_path / "no" / "such" / "digest.md", tmp_path):
        code, out, err = cli(capsys, "summarize", "-o", target)
        assert code == 1 and len(err) == 1 and str(target) in err[0] and "cannot write" in err[0]


def test_a_killed_export_leaves_the_previous_file(tmp_path):
    """SIGKILL mid-run (no cleanup possible): the old file is whole; only a dot-temp may remain."""
    target = write(tmp_path / "digest.json", '{"old": true}\n')
    process = subprocess.Popen([NEWSDIGEST, "summarize", "-", "-f", "json", "-o", str(target)],
                               cwd=tmp_path, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.5)
    process.kill()
    process.communicate(timeout=60)
    assert json.loads(target.read_text()) == {"old": True}


def test_closed_stdout(tmp_path):
    result = subprocess.run(f"'{NEWSDIGEST}' summarize -t aid >&-", shell=True, cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == "newsdigest: error: standard output is closed (use -o FILE to write a file)\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_on_stdout(tmp_path):
    with open("/dev/full", "w") as full:
        result = subprocess.run([NEWSDIGEST, "summarize", "-t", "aid"], cwd=tmp_path, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == "newsdigest: error: cannot write to standard output: No space left on device\n"


def test_closed_stderr_still_summarizes(tmp_path):
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "good.txt", ARTICLE)
    result = subprocess.run(f"'{NEWSDIGEST}' summarize . -t aid 2>&-", shell=True, cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "convoy" in result.stdout


def test_a_legacy_locale_terminal_gets_question_marks_not_a_crash(tmp_path):
    write(tmp_path / "cjk.txt", "\u63f4\u52a9\u8f66\u961f\u62b5\u8fbe\u3002 " + CONVOY)
    result = run("summarize", "cjk.txt", "-t", "aid", cwd=tmp_path, env={**os.environ, "PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 0 and "Traceback" not in result.stderr


@pytest.mark.parametrize("sig, code, message", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_signals_while_summarizing_a_large_corpus(tmp_path, sig, code, message):
    for i in range(3000):
        # Long enough articles that loading them takes seconds even on a fast machine.
        write(tmp_path / "news" / f"{i}.txt", "\n\n".join(ARTICLE.replace("40", str(i * 10 + k)) for k in range(10)))
    process = subprocess.Popen([NEWSDIGEST, "summarize", "news", "-f", "json"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=default_sigint)
    wait_for_children(process.pid)  # the ingestion workers run: inside loading
    process.send_signal(sig)
    out, err = process.communicate(timeout=60)
    assert process.returncode == code
    assert err == f"newsdigest: {message}\n" and out == ""


def test_an_unexpected_error_is_one_line(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise ValueError("something impossible")

    monkeypatch.setattr("summarizer.request.Run.__call__", broken)
    code, out, err = cli(capsys, "summarize")
    assert code == 1 and out == ""
    assert err == ["newsdigest: error: internal error (ValueError: something impossible); "
                   "set NEWSDIGEST_DEBUG=1 for the traceback and please report it"]


def test_engine_raises_typed_errors_only(tmp_path):
    with pytest.raises(NoArticlesError):
        load_articles([str(tmp_path / "missing")])


def _lock(folder: Path, locked: bool) -> bool:
    """Make ``folder`` and what it holds unwritable (or writable again), even for root: modes for
    a user, the immutable attribute (chattr) for root; False when that cannot be had."""
    if os.geteuid() != 0:
        for path in [folder, *folder.rglob("*")]:
            path.chmod((0o555 if path.is_dir() else 0o444) if locked else (0o755 if path.is_dir() else 0o644))
        return True
    return subprocess.run(["chattr", "-R", "+i" if locked else "-i", str(folder)], capture_output=True).returncode == 0


@pytest.mark.parametrize("warm", [False, True], ids=["empty", "warm"])
def test_a_cache_directory_that_cannot_be_written(tmp_path, capsys, warm):
    """A read-only cache directory is said to be one, once (not an index "set aside and rebuilt"
    that was not, nor one "that cannot be set aside"); the summary is the same, uncached; --new,
    which needs the read state, is one line, exit 1."""
    news = tmp_path / "news"
    write(news / "old.txt", ARTICLE)
    write(news / "new.txt", ARTICLE.replace("Lindmark", "Keswold"))
    expected = run("summarize", news, "--no-cache", "-f", "json", cwd=tmp_path)
    cache = tmp_path / "readonly-cache"
    cache.mkdir()
    if warm:
        assert run("summarize", news, "--cache-dir", cache, cwd=tmp_path).returncode == 0
        assert run("mark-read", news / "old.txt", "--cache-dir", cache, cwd=tmp_path).returncode == 0
    before = sorted(p.name for p in cache.iterdir())
    if not _lock(cache, True):
        pytest.skip("running as root without chattr: no folder can be made unwritable")
    try:
        done = run("summarize", news, "--cache-dir", cache, "-f", "json", cwd=tmp_path)
        new = run("summarize", news, "--cache-dir", cache, "--new", cwd=tmp_path)
        after = sorted(p.name for p in cache.iterdir())
    finally:
        _lock(cache, False)
    assert done.returncode == 0
    summary, warned = json.loads(done.stdout), json.loads(expected.stdout)
    assert summary.pop("warnings") == [w.removeprefix("newsdigest: warning: ") for w in done.stderr.splitlines()]
    warned.pop("warnings")
    assert summary == warned
    warnings = done.stderr.splitlines()
    assert len(warnings) == 1 and "not writable" in warnings[0] and "set aside" not in warnings[0], warnings
    assert new.returncode == 1 and new.stdout == ""
    errors = new.stderr.splitlines()
    assert "Traceback" not in new.stderr and errors[-1].startswith("newsdigest: error: ")
    assert "not writable" in errors[-1] and "set aside" not in errors[-1], errors
    assert after == before


def test_index_counts_one_article_and_the_files_it_skipped(tmp_path):
    """`index` says how many of the files it found it skipped (a binary file), and "1 article"."""
    write(tmp_path / "news" / "good.txt", ARTICLE)
    write(tmp_path / "news" / "image.txt", bytes(range(256)) * 40)
    first = run("index", tmp_path / "news", "--cache-dir", tmp_path / "cache", "--workers", "1", cwd=tmp_path)
    assert first.returncode == 0
    assert first.stdout == "indexed 2 files (1 article): 1 read, 0 already stored, 1 skipped\n"
    assert warning_about(first.stderr.splitlines(), "image.txt", "skipped")
    again = run("index", tmp_path / "news" / "good.txt", "--cache-dir", tmp_path / "cache", cwd=tmp_path)
    assert again.stdout == "indexed 1 file (1 article): 0 read, 1 already stored\n"


# --- pathological text in linear time -------------------------------------------------------


def test_a_long_run_of_short_cue_lines_is_resolved_in_one_pass():
    """Once one sweep per line: 200 KB took 4.5 minutes. Now about a second."""
    from summarizer.reading.articles import ArticleParser, Metadata

    text = "Thank you.\n\n" * 8000 + "Please donate to support our journalism today. Donate now.\n"
    started = time.monotonic()
    article = ArticleParser()(text, Metadata("x"))
    assert time.monotonic() - started < 15
    assert not article.sentences and len(article.excluded()) == 8001


def test_long_paragraphs_segment_in_windows_as_in_one_pass(monkeypatch):
    from summarizer.reading import segment
    from summarizer.store.loading import seeds_dir

    paragraphs = [p for f in sorted(seeds_dir().glob("*.txt")) for p in f.read_text().split("\n\n") if p.strip()]
    text = " ".join(paragraphs * 20)  # about 100,000 characters in one paragraph
    windowed = segment.SentenceSplitter()(text)
    monkeypatch.setattr(segment, "_PUNKT_WINDOW", 10**9)
    assert segment.SentenceSplitter()(text) == windowed


def test_what_an_escape_sequence_carries_is_no_word_of_the_article(hostile, capsys):
    # QA walkthrough 17: the Why panel listed "jsonpwn" among a sentence's new words, and a query for the
    # hidden words matched the sentences carrying them: "\x1b]0;pwned\x07" sets a terminal's title,
    # nobody sees it. A soft hyphen or a zero-width space inside a word splits it where nothing shows.
    code, out, err = cli(capsys, "summarize", hostile, "-q", "pwned", "-f", "json")
    assert code == 0 and json.loads(out)["topics"][0]["sentences"] == []
    (article,) = load_articles([str(hostile)])
    assert "pwned" not in article.text and "\x1b" not in article.text and "\x9b" not in article.text
    assert all(article.text[s.start:s.end] == s.text for s in article.sentences)
    hidden = write(hostile.parent / "soft.txt", "The convoy carried hu\u00admani\u200btarian supplies to Orvask on "
                                                "Monday, officials said.\n")
    code, out, err = cli(capsys, "summarize", str(hidden), "-t", "aid", "-f", "json")
    assert "humanitarian supplies" in json.loads(out)["topics"][0]["sentences"][0]["text"]
