"""NLTK is imported without scipy.stats (summarizer/reading/nltk_import.py), and that changes
nothing for anyone who imports scipy.stats afterwards."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys, threading
from summarizer.reading.nltk_import import load_nltk
threads = [threading.Thread(target=load_nltk) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
from summarizer.reading.segment import SentenceSplitter
from summarizer.reading.terms import TermAnalyzer
spans = SentenceSplitter()("The council met on Monday. It voted to close the bridge.")
stems = TermAnalyzer()("Bridges were closing")
print("nltk" in sys.modules, "scipy.stats" in sys.modules, len(spans), stems)
import scipy.stats
print(scipy.stats.fisher_exact([[1, 2], [3, 4]])[0] > 0)
"""


def test_nltk_loads_without_scipy_stats_and_scipy_stats_still_imports():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    first, second = result.stdout.splitlines()
    assert first == "True False 2 ['bridg', 'close']"
    assert second == "True"
