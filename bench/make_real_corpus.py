"""N ``.txt`` articles made of whole real newswire documents (DUC 2007), for parse and cold-build speed.

    python -m bench.make_real_corpus OUT_DIR N

Unlike ``make_corpus.py`` (short recombined articles, 1.9 KB), every article here is one of the 655
real documents of ``../shared/data/duc2007-{main,update-a,update-b}`` at its real length (2.9 KB on
average, like the newswire issue 17's cold build is judged on): the first 655 files are the
documents themselves, the rest variants (one paragraph dropped, the paragraphs of the second half
rotated) so that every text is distinct. Beyond 655 files words and sentences repeat far more than
in 10,000 different articles, which flatters every cache keyed by words or contexts: measure
``N = 655`` too. The output depends on N alone. Written under /tmp, never into the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or not args[1].isdigit():
        print("usage: python -m bench.make_real_corpus OUT_DIR N", file=sys.stderr)
        return 2
    out, n = Path(args[0]), int(args[1])
    docs = []
    for part in ("main", "update-a", "update-b"):
        source = DATA / f"duc2007-{part}" / "topics.jsonl"
        if not source.exists():
            print(f"error: {source} is missing (../shared/data)", file=sys.stderr)
            return 1
        for line in source.open(encoding="utf-8"):
            for value in json.loads(line).values():
                if isinstance(value, list) and value and isinstance(value[0], dict) and "text" in value[0]:
                    docs.extend(value)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        doc = docs[i % len(docs)]
        paras = [p for p in doc["text"].split("\n\n") if p.strip()]
        variant = i // len(docs)
        if variant and len(paras) > 2:
            del paras[variant % len(paras)]
            half = len(paras) // 2
            tail = paras[half:]
            k = variant % max(len(tail), 1)
            paras = paras[:half] + tail[k:] + tail[:k]
        text = f"{doc.get('headline') or 'Untitled'}\n\ndate {doc['date']}\n\n" + "\n\n".join(paras) + "\n"
        (out / f"{i:05d}.txt").write_text(text)
    print(f"{n} articles in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
