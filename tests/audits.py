"""What the held-out audits' questions tests share: a question asked over an audit's articles, as
``summarize --query ... -n 1`` asks it (the articles are kept as tests/data/<audit>/stories.jsonl, as
newsdigest read them from the audit's feeds, pages and files)."""

from pathlib import Path

from summarizer import Article, Length, Request, Summary, load_articles, run

DATA = Path(__file__).parent / "data"


def stories(audit: str) -> Path:
    return DATA / audit / "stories.jsonl"


def articles(audit: str) -> list[Article]:
    return load_articles([str(stories(audit))])


def first(audit: str, question: str) -> Summary:
    """The one-sentence summary of ``question`` over the audit's articles."""
    result = run(Request(paths=(str(stories(audit)),), query=question, length=Length(sentences=1), cache_dir=None))
    (summary,) = result.digest.summaries
    return summary
