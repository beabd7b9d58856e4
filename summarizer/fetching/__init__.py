"""Following the news where it is published: RSS/Atom/JSON feeds and article pages over HTTP.

``http`` is a polite, bounded client (httpx, imported when the first URL is fetched); ``feeds``
reads feeds (feedparser); ``pages`` turns fetched pages into article text with the project's
HTML reader; ``store`` keeps what was fetched beside the article index, so that a run without
network still works; ``web`` turns URLs and subscribed feeds into article files for the reader;
``subscriptions`` is the user's list of feeds (TOML, with OPML import and export); ``window``
is ``--since``; ``expand`` is what a run (:mod:`summarizer.request`) asks of them all.

The package comes after reading (it uses the HTML reader) and beside the store; nothing here
imports rich or Textual: progress and warnings go to plain callbacks.
"""
