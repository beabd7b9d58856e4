"""Metadata that articles carry in their text: front matter, header lines, datelines, dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

# A ``---`` block of ``key: value`` lines at the very top of a file (Jekyll/Hugo/Obsidian style).
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n((?:[^\n]*\n){0,60}?)---[ \t]*(?:\n|\Z)")
_FRONT_MATTER_LINE = re.compile(r"^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")

MONTH_NAMES = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
"""The months' names and their abbreviations, lower case, as the alternatives of a pattern."""
_DATE = (
    r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}/\d{1,2}/\d{4}"
    rf"|(?:{MONTH_NAMES})\.? \d{{1,2}},? \d{{4}}"
    rf"|\d{{1,2}} (?:{MONTH_NAMES})\.? \d{{4}}"
)
# Header lines such as "date 2022-04-20", "Published: April 20, 2022", "Source: Reuters".
# A date header may be fused to the first sentence ("date 2022-04-20 Israel is ready ..."),
# so only the key and its value are matched, not the rest of the line.
_DATE_HEADER = re.compile(
    rf"(?i)(?:date|dated|published|updated|posted)\s*[:=]?\s*(?P<value>{_DATE})(?:[ \t]+|[ \t]*(?:\n|\Z))"
)
# A date alone on its line, as local papers print it under the byline ("12 November 2026",
# "Thursday, November 12, 2026"): a header only above the story (see ``date_line``).
_DATE_LINE = re.compile(
    rf"(?i)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?(?P<value>{_DATE})[ \t]*(?:\n|\Z)"
)
# An outlet and its date on one line, as a saved or pasted article carries them ("Brintwick Evening
# Post, 2026-11-17", "The Orvel Courier, 12 November 2026"): a header only above the story.
_SOURCE_DATE_LINE = re.compile(
    rf"(?P<source>[A-Z][\w&.'\u2019-]*(?:[ \t]+[A-Z][\w&.'\u2019-]*){{0,5}}),[ \t]*"
    rf"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?(?P<value>(?i:{_DATE}))[ \t]*(?:\n|\Z)",
)
_KEYED_HEADER = re.compile(
    r"(?im)^(?P<key>title|headline|source|url|link|author|byline|by|id)\s*[:=]\s*(?P<value>\S.*?)[ \t]*(?:\n|\Z)"
)

# "KYIV (Reuters) - ", "PINE RIDGE, S.D. (AP) -- ", "BRUSSELS, January 22 (Xinhua) -- ",
# "KYIV, April 20 - ": an upper-case place, an optional state or date, an optional agency, a dash.
_DATELINE = re.compile(
    r"\A(?P<place>[A-Z][A-Z'.\-]*(?:[ /][A-Z][A-Z'.\-]*){0,4})"
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Za-z.]+){0,2}(?:\s\d{1,2})?)?"
    r"(?:\s*\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?"
    r"\s*(?:--|-|_|\u2013|\u2014|:)\s+(?=\S)"
)


# Newswire feeds also write "Washington _ " with the place in title case.
_TITLE_CASE_DATELINE = re.compile(r"\A[A-Z][a-z]+(?:[ .][A-Z][a-z]+){0,2}(?:, [A-Z][a-z.]+){0,2} _ (?=\S)")

# The longer forms of newswire: "Andrews, N.C. _ ", "COEUR d'ALENE, Idaho _ ", "ANDREWS, N.C._",
# "Jerusalem, September 13 (Xinhua) -- ", "BEN GURION AIRPORT, TEL AVIV, October 25 (Xinhua) -- ",
# "EILAT (ISRAEL), April 30 (Xinhua) -- ", "(OMAHA, Neb.) _ ", and a press wire's "MARSH FALLS, Wend.,
# Feb. 11, 2025 /PRNewswire/ -- " or "HARLOW, March 3, 2025 (GLOBE NEWSWIRE) -- ": a place of capitalised words
# (particles such as "d'" aside), then a region, a date or an agency (at least one of them, so that
# "The SLORC _ State Law ..." stays a sentence), then a dash or an underscore.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_LONG_DATELINE = re.compile(
    r"\A\(?[A-Z][A-Za-z'.\-]*(?:\s(?:[a-z]{1,2}')?[A-Z][A-Za-z'.\-]*){0,3}(?:\s\([A-Z][A-Za-z ]{1,30}\))?"
    r"(?P<region>(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})*)"
    rf"(?P<date>,\s*{_MONTH}\s\d{{1,2}}(?:,\s*\d{{4}})?)?"
    r"(?P<agency>\s*\([A-Z][\w .&-]{0,30}\)|\s*/[A-Z][\w .&-]{0,30}/)?\)?"
    r"\s*(?:--|_|\u2013|\u2014|(?P<hyphen>(?<=\s)-(?=\s)))\s*(?=\S)"
)


@dataclass(frozen=True)
class FrontMatter:
    fields: dict[str, str]
    end: int
    """Offset just after the closing ``---`` line."""


def front_matter(text: str) -> FrontMatter | None:
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        if not line.strip():
            continue
        field_match = _FRONT_MATTER_LINE.match(line)
        if not field_match:
            return None  # not key: value lines, so a horizontal rule, not front matter
        fields[field_match.group(1).lower()] = _unquoted(field_match.group(2).strip())
    return FrontMatter(fields, match.end())


def _unquoted(value: str) -> str:
    """A front-matter value without the one pair of quotes around it (YAML's "..." or '...'): the
    quotes inside stay ("'They told us': workers on the closure" keeps its first quote mark)."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def date_header(text: str, pos: int) -> tuple[str, int] | None:
    """A date header starting at ``pos``: its ISO date (or raw value) and where the header ends."""
    match = _DATE_HEADER.match(text, pos)
    if not match:
        return None
    return normalise_date(match.group("value")) or match.group("value"), match.end()


def date_line(text: str, pos: int) -> tuple[str, int] | None:
    """A line at ``pos`` that is a date and nothing else: its ISO date and where the line ends.
    None when the date cannot be read (a line of other figures is no date)."""
    match = _DATE_LINE.match(text, pos)
    if not match:
        return None
    value = normalise_date(match.group("value"))
    return (value, match.end()) if value else None


def source_date_line(text: str, pos: int) -> tuple[str, str, int] | None:
    """A line at ``pos`` giving an outlet and a date: the outlet, the ISO date and where the line ends."""
    match = _SOURCE_DATE_LINE.match(text, pos)
    if not match:
        return None
    value = normalise_date(match.group("value"))
    return (match.group("source"), value, match.end()) if value else None


def keyed_header(text: str, pos: int) -> tuple[str, str, int] | None:
    """A ``key: value`` header line at ``pos`` (title, source, url, author...)."""
    match = _KEYED_HEADER.match(text, pos)
    if not match:
        return None
    return match.group("key").lower(), match.group("value"), match.end()


def dateline_length(text: str) -> int:
    """Length of a news dateline at the start of ``text`` (0 when there is none)."""
    match = _DATELINE.match(text)
    if not match:
        title_case = _TITLE_CASE_DATELINE.match(text)
        if title_case:
            return title_case.end()
        long = _LONG_DATELINE.match(text)
        # A single hyphen ("KARVO, March 3, 2026 (Nordwire) - ") only after a date or an agency: "Orla
        # Fenn, Tarvonia's envoy - and ..." is a sentence.
        if long and (long.group("date") or long.group("agency") or (long.group("region") and not long.group("hyphen"))):
            return long.end()
        return 0
    place = match.group("place")
    # An all-capitals opening word such as "A" or "NATO said" is not a place with a dash.
    if len(place) < 3 or not any(c.isalpha() for c in place):
        return 0
    return match.end()


def dateline_date(text: str, written: Callable[[], date] | None = None) -> str | None:
    """The ISO date a news dateline at the start of ``text`` gives ("KARVO, March 3, 2026 (Nordwire) -
    "), else None. A dateline without a year ("ORVELL, Lorvania, Jan 23 (LPA) - ", as wires write
    them) is dated by the day the file was ``written`` (asked only then): the latest such day no
    later than it (a file is written after its story, give or take a time zone); without that day it
    dates nothing."""
    if not dateline_length(text):
        return None
    long = _LONG_DATELINE.match(text)
    found = long.group("date") if long else None
    if not found:
        return None
    if re.search(r"\d{4}$", found):
        return normalise_date(found.lstrip(", \t"))
    return _latest_before(found.lstrip(", \t"), written()) if written is not None else None


_AHEAD = 2
"""Days a year-less date may be after the day its file was written: the writer's day may be behind
the story's in another time zone, or the file's clock a little off."""


def _latest_before(month_day: str, written: date) -> str | None:
    """The ISO date of ``month_day`` ("Jan 23", "March 3") in the year making it the latest no more
    than :data:`_AHEAD` days after ``written``."""
    for year in range(written.year + 1, written.year - 5, -1):  # February 29: back to a leap year
        iso = normalise_date(f"{month_day} {year}")
        if iso and (date.fromisoformat(iso) - written).days <= _AHEAD:
            return iso
    return None


def normalise_date(value: str | None) -> str | None:
    """ISO ``YYYY-MM-DD`` for the common date spellings; None when unreadable."""
    if not value:
        return None
    value = value.strip()
    iso = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if iso:
        year, first, second = (int(g) for g in iso.groups())
        for month, day in ((first, second), (second, first)):  # some feeds write day first
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
        return None
    if re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", value):
        # A feed's pubDate (RFC 2822: "Mon, 02 Mar 2026 08:00:00 GMT"), as exports keep it: the day
        # as written, in the publisher's zone, as for an ISO time.
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError):
            pass
    cleaned = re.sub(r"(?<=[A-Za-z])\.", "", value).replace(",", "").replace("Sept ", "Sep ")
    for pattern in ("%m/%d/%Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y%m%d"):
        try:
            return datetime.strptime(cleaned, pattern).date().isoformat()
        except ValueError:
            continue
    return None
