"""Write ``summarizer/ranking/word_forms.txt``: irregular English word forms and their base form.

Snowball stems "sank" as sank and "sink" as sink, so a question asking when a ferry sank never met
an article saying it sank ("When did the ferry sink?"); the same holds for began/begin, fled/flee,
children/child, crises/crisis. The table lists each inflected form whose stem differs from its base
form's, from lemminflect's inflection table (MIT licence; its data comes from the Automatically
Generated Inflection Database), which must be installed to run this (``pip install lemminflect``);
newsdigest itself reads only the text file written here.

Left out: a form that is itself a verb ("found" a company, "saw", "ground", "wound", "lay", "fell"
stay themselves) and a form of two base forms ("axes"). Stop words stay in ("sent" is one of sumy's):
the index has no term for them, and a question's "send" is not said to be unused where "sent" is. A form that is also a noun stays
in ("sent", "left", "shot"): a question asking what was sent means the verb.

    python bench/make_word_forms.py
"""

from __future__ import annotations

import gzip
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.reading.terms import TermAnalyzer  # noqa: E402

OUTPUT = ROOT / "summarizer" / "ranking" / "word_forms.txt"
HEADER = """\
# Irregular English word forms and their base form: "sank sink", "children child".
# Read by summarizer/ranking/forms.py: a question's or topic's word is looked for in its forms too,
# so that "When did the ferry sink?" meets "the ferry sank". Written by bench/make_word_forms.py from
# lemminflect {version}'s inflection table (MIT licence; data from the Automatically Generated
# Inflection Database): each verb or noun form whose Snowball stem differs from its base form's,
# less forms that are verbs themselves ("found", "saw", "ground") and forms of two base forms.
# Format: form, a space, base form; one per line.
"""


def main() -> None:
    import lemminflect

    table = resources.files("lemminflect").joinpath("resources", "infl_lu.csv.gz").read_bytes()
    rows = [line.split(",") for line in gzip.decompress(table).decode("utf-8").splitlines()]
    verbs = {row[0].lower() for row in rows if row[1] == "verb"}
    analyzer = TermAnalyzer()
    stem = analyzer._stem  # Snowball itself, without this table
    bases: dict[str, set[str]] = {}
    for lemma, part_of_speech, *forms in rows:
        if part_of_speech not in ("verb", "noun") or not (lemma.isalpha() and lemma.islower()):
            continue
        base_stem = stem(lemma)
        for written in (f for field in forms for f in field.split("/")):
            form = written.lower()
            if (form.isalpha() and form not in verbs
                    and stem(form) != base_stem):
                bases.setdefault(form, set()).add(lemma)
    lines = sorted(f"{form} {next(iter(lemmas))}" for form, lemmas in bases.items() if len(lemmas) == 1)
    text = HEADER.format(version=getattr(lemminflect, "__version__", "0.2.3")) + "\n".join(lines) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT}: {len(lines)} forms", file=sys.stderr)


if __name__ == "__main__":
    main()
