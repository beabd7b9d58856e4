"""The Textual app: topics with checkboxes, the merged summary, its sources and why each sentence.

``tui.app.main`` has the entry points (``run_app`` for the command line, ``make_app`` for it and the
tests). Nothing here imports the engine at import time: it loads in a worker while the app paints.
"""
