"""Publisher boilerplate and page furniture in article text.

Each paragraph is scored against cue categories (donation appeal, paywall, cookie
banner, share bar, photo credit, ...). A cue is a compiled regex with a weight; a
category's score is the sum of the weights of its cues that match, plus small
bonuses when the text addresses the reader, minus a penalty when it reads like
reported speech. A paragraph whose best score reaches the threshold is
boilerplate. A neighbour pass then extends detected boilerplate to the short lines
around it ("Thank you.", "$5", "Accepted payment methods: ...") and to the labels in
the boilerplate run at the end of an article ("Continue", "Single Monthly Annual"),
because appeals come as boxes of several paragraphs while only the main paragraph
carries enough cues.

Content that merely *mentions* money, donations, subscriptions or cookies is kept
because (1) no single topical word reaches the threshold on its own, (2) appeal
categories need prose to address the reader ("you", "we", an imperative) and long
donation prose to speak for the publisher ("our journalism", not "the Red Cross"),
(3) quoted speech is ignored and attributions ("said", "told", "urged") count
against those categories.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Callable, NamedTuple

from .prefilter import fold, required_literals, whole_words

__all__ = [
    "ANCHOR_KINDS",
    "APPEAL_KINDS",
    "BoilerplateVerdict",
    "BoilerplateDetector",
    "holds_appeal_cue",
    "is_appeal_header",
    "looks_like_content",
    "sentence_is_boilerplate",
    "word_count",
]

THRESHOLD = 3.0
LABEL_MAX_WORDS = 8  # a "label": this short and not ending in . or ? (a UI string, not prose)
NEIGHBOUR_MAX_WORDS = 15  # lines this short with some cue join adjacent boilerplate
GATE_MIN_WORDS = 9  # donation prose this long must speak for the publisher


@dataclass(frozen=True)
class BoilerplateVerdict:
    kind: str
    """e.g. "donation appeal", "cookie notice", "page furniture", "byline"."""
    reason: str
    """One short sentence: which cues matched."""


class _Cue(NamedTuple):
    pattern: re.Pattern[str]
    weight: float
    label: str
    label_only: bool = False  # only counts on short label-like lines
    needs: tuple[str, ...] | None = None  # a match holds one of these (folded): see prefilter

    def search(self, text: str, folded: str) -> bool:
        """Whether the cue matches ``text`` (``folded`` is ``fold(text)``, to skip hopeless searches)."""
        if self.needs is not None and not any(literal in folded for literal in self.needs):
            return False
        return self.pattern.search(text) is not None


def _cue(regex: str, weight: float, label: str, *, label_only: bool = False) -> _Cue:
    pattern = re.compile(regex, re.IGNORECASE)
    return _Cue(pattern, weight, label, label_only, required_literals(pattern))


# Lower-case "us" only: "US" is the United States.
_US = r"(?-i:us)"
# Text that speaks to the reader or for the publisher. Quotes are stripped first, so
# in news copy these words are rare outside appeals.
_ADDRESS = re.compile(rf"\b(you|your|yours|you're|you've|we|we're|our|ours|{_US}|me|my)\b", re.IGNORECASE)
# A donation appeal asks for money *for the publisher*; "you can donate to the Red
# Cross" in a how-to-help story is content.
_SELF = re.compile(
    rf"\b(we|we're|our|ours|{_US}|me|my|journalism|newsroom|station|public (radio|media|television|broadcasting)"
    r"|this (site|website|newsletter|podcast|show|publication))\b",
    re.IGNORECASE,
)
# "Please donate." / "Donate today." with no one named to receive it: the reader is asked to give to
# whoever is speaking, the publisher (an appeal may name the outlet, "The Tarrow Post is free to read.
# If you value it, please donate."). "Donate to the Red Cross" names someone else, and "donate blood"
# asks for no money.
_DONATE_TO_SPEAKER = re.compile(
    r"(?:^|[.!?:\u2026]\s+|\bplease\s+)(?:please\s+)?(?:donate|chip in)\b(?!\s+(?:to|blood|organs?|plasma|food|clothes)\b)",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(you|your|yours|you're|you've|you'll)\b", re.IGNORECASE)
# A call to action at the start of a sentence.
_IMPERATIVE = re.compile(
    r"(?:^|[.!?:\u2026]\s+)(?:please\s+)?(donate|subscribe|sign (up|in)|log in|register|give|join|support"
    r"|become|get|start|try|click|tap|share|follow|enter|accept|chip in|make|contribute|don't miss"
    r"|continue|keep reading|upgrade|reject|decline|allow|manage|send|email|gift|request|claim)\b",
    re.IGNORECASE,
)
# Reported speech: real news. Checked outside quotes.
_ATTRIBUTION = re.compile(
    r"\b(said|says|say|told|tells|according to|announced|urged|urges|asked|wrote|added|tweeted|reportedly)\b",
    re.IGNORECASE,
)
_ATTRIBUTION_PENALTY = 3.0

_AGENCIES = "AP|AFP|Reuters|REUTERS|dpa|EPA|KNA|Interfax|TASS|Bloomberg|Xinhua|ANSA|PA|Kyodo|Yonhap"
_PLATFORMS = re.compile(
    r"\b(facebook|twitter|instagram|whatsapp|linkedin|telegram|reddit|pinterest|tiktok|youtube"
    r"|flipboard|messenger|threads|bluesky|mastodon|e-?mail|(?-i:X))\b",
    re.IGNORECASE,
)
# Words of interface labels ("Give now", "Single Monthly Annual", "Load more").
_UI_WORDS = frozenset(
    """share print email e-mail save comment comments close skip next previous prev back top menu
    search home listen watch play download later now here more less view show load read continue
    click tap learn see yes no thanks accept reject manage settings preferences options open expand
    collapse copy link log sign register subscribe donate give follow tweet like reply report remind
    maybe cancel ok okay dismiss got facebook twitter whatsapp linkedin reddit telegram pinterest
    instagram youtube tiktok flipboard single monthly annual yearly once one-time other amount
    toggle caption fullscreen gallery newsletter newsletters account profile login logout signup
    trending topics sections submit send app""".split()
)
# Words that neither make nor break a label.
_FILLER = frozenset("a an the to this that on in of for it me us our your my up out all x".split())


def _label_words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'\-]*", text.lower())


def _ui_label(text: str) -> float:
    """Share of interface words among the non-filler words of a label."""
    words = [w for w in _label_words(text) if w not in _FILLER]
    if not words:
        return 0.0
    return sum(w in _UI_WORDS for w in words) / len(words)


@dataclass(frozen=True)
class _Category:
    kind: str
    summary: str  # first half of the reason sentence
    cues: tuple[_Cue, ...]
    appeal: bool = False  # speaks to the reader: address gate and bonuses
    needs_self: bool = False  # long texts must also speak for the publisher
    extra: Callable[[str, bool], list[tuple[float, str]]] | None = None


def _share_extra(text: str, is_label: bool) -> list[tuple[float, str]]:
    if not is_label:
        return []
    platforms = {m.group(0).lower() for m in _PLATFORMS.finditer(text)}
    return [(3.0, "list of social networks")] if is_label and len(platforms) >= 2 else []


def _furniture_extra(text: str, is_label: bool) -> list[tuple[float, str]]:
    return [(3.0, "short interface label")] if is_label and _ui_label(text) > 0.5 else []


def _disclaimer_extra(text: str, is_label: bool) -> list[tuple[float, str]]:
    """Reported speech is news ("Their views are their own, the university said.")."""
    return [(-_ATTRIBUTION_PENALTY, "")] if _ATTRIBUTION.search(text) else []


# Someone speaking in the story: narrower than _ATTRIBUTION, whose "wrote" and "according to" a bio
# ("She previously wrote for ...") or a betting line ("odds according to ...") uses for itself.
_SPEECH = re.compile(r"\b(said|says|told|tells|asked|urged|announced)\b", re.IGNORECASE)


def _speech_extra(text: str, is_label: bool) -> list[tuple[float, str]]:
    """A person in the story speaking ("Bettors backed the Foxes at -135, the bookmaker said.") is news."""
    return [(-_ATTRIBUTION_PENALTY, "")] if _SPEECH.search(text) else []


# A signed price in American odds ("-135", "+360"), as a betting line prints them; twice in one line.
_AMERICAN_ODDS = r"(?:^|[\s(,;:])[+\u2212-]\d{3,4}(?=[\s),;.]|$)"
# A person's name opening a paragraph: two to four capitalised words ("Kit Brannoch", "Ana de Vries").
_NAME_OPENS = (
    r"^(?!(?-i:The|A|An|This|That|These|Those|Our|Its|His|Her|Their|In|On|At)\b)"
    r"(?-i:[A-Z][\w.'\u2019-]+)(?: (?:(?-i:[a-z]{1,3}) )?(?-i:[A-Z][\w.'\u2019-]+)){1,3},?"
)
# Who writes the news, as a bio names them ("a Local Democracy Reporter", "a staff writer").
_REPORTER_ROLE = (
    r"(?:reporter|correspondent|writer|editor|columnist|contributor|journalist|photographer|photojournalist"
    r"|producer|critic|reviewer|freelancer|anchor|presenter|fellow|intern)s?"
)


EMBED_ATTRIBUTION = re.compile(
    r"(?:^|\s)(?:(?:pic\.[\w.-]+/\S+|https?://\S+)\s+)?[\u2014\u2013-]{1,2}\s*[^\n()\u2014\u2013]{1,60}\(@[\w.]{1,40}\)"
    r"(?:\s+(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}))?\s*$"
)
"""How a social network's embedded post signs off: "— Lina Berge (@linaberge) February 18, 2026",
a dash, a name, the handle in brackets, then the day it was posted, with the post's picture link
before it ("pic.chirper.example/xyz"). The post it signs is set apart with it (``exclusions``):
an embed is someone else's words beside the story, never the outlet's sentences; a story citing
someone's post in its own words writes it into a sentence ("..., Berge wrote on Chirper")."""


# Order matters only for ties: specific categories first, generic furniture last.
_CATEGORIES: tuple[_Category, ...] = (
    _Category(
        "donation appeal",
        "asks the reader for money",
        (
            _cue(r"\bdonat(e|es|ion|ions|ing)\b", 2, "donation"),
            _cue(r"\bcontribut(e|ion|ions|ing)\b", 1.5, "contribution"),
            _cue(rf"\b(support|fund|back|join|power|sustain)s? ({_US}|me|our \w+|my \w+"
                 rf"|this (site|station|newsletter|work)|public (radio|media|television|broadcasting))\b", 2, "support us"),
            _cue(r"\b(make|making|give|giving) an? (\w+ )?(gift|donation|contribution|pledge)\b"
                 r"|\byour (gift|donation|contribution|pledge|support)\b", 2, "gift"),
            _cue(r"\bbecom(e|ing) an? (\w+ )?(member|supporter|sustainer|patron|donor)\b", 2, "become a member"),
            _cue(r"\b(independent|quality|fearless|trusted|fact-based|public[- ]interest|nonprofit"
                 r"|non-profit|local) (journalism|news|reporting)\b", 1.5, "independent journalism"),
            _cue(r"\bour (reporting|journalism|journalists|reporters|newsroom|work|mission|coverage)\b",
                 2, "our reporting"),
            _cue(r"\b(reader|listener|viewer|member)s?[- ](funded|supported|powered)\b"
                 r"|\b(funded|supported|powered) by (readers|listeners|viewers|members)\b"
                 r"|\b(readers|listeners|viewers|members|people) like you\b", 2, "reader-funded"),
            _cue(r"[$£€]\s?\d|\d\s?¢", 1, "money amount"),
            _cue(r"\b(just|only|as little as|from) [$£€]\s?\d", 1, "small amount"),
            _cue(r"\bthank you\b|\bthanks\b", 1, "thank you"),
            _cue(r"\btakes? (less than |only )?(a|one|\d+) (minute|moment)", 1, "takes a minute"),
            _cue(r"\bplease (consider|support|give|donate|help (us|keep))\b", 1.5, "please consider"),
            _cue(r"\bhelp (us )?(keep|continue) (our |this |the |independent |local )?(reporting|journalism"
                 r"|coverage|covering|going|free)\b", 1.5, "help us keep reporting"),
            # "Before you go" opens an appeal's box; inside a sentence it is the article's own advice
            # ("Always check the forecast before you go!").
            _cue(r"(?:^|[.!?:\u2026]\s+)(?:(?:but|and|so|oh|hey|one (?:more|last) thing),?\s+)?before you go\b"
                 r"|\bsmall favou?r to ask\b|\bone more thing\b", 2, "before you go"),
            _cue(r"\b(free|open) (for|to) (everyone|all|read)\b"
                 r"|\bno paywall\b"
                 r"|\bfree to read\b", 1, "free for everyone"),
            _cue(r"\b(one-off|one-time|monthly|annual|recurring|regular) (gift|donation|contribution"
                 r"|amount|payment)\b", 1.5, "recurring gift"),
            _cue(r"\b(tote bag|thank-you gift|matching gift|pledge drive|fund drive|fundraiser)\b",
                 2, "pledge-drive gift"),
            _cue(r"\bpayment methods?\b|\b(visa|mastercard|paypal|apple pay)\b", 1.5, "payment methods"),
            _cue(r"\bchip in\b", 1.5, "chip in"),
            _cue(r"\b(give|contribute|pledge) (what|whatever) you can\b", 1.5, "give what you can"),
            _cue(r"\bbuy(ing)? me a coffee\b"
                 r"|\bko-?fi\b"
                 r"|\bpatreon\b"
                 r"|\btip jar\b"
                 r"|\bleave a tip\b", 2, "tip jar"),
            _cue(r"\b(consider|would you consider) (supporting|donating|subscribing|becoming|buying|giving)\b"
                 r"|\bif you (enjoyed|liked|value|appreciate|found) (this|our|my)\b", 1.5, "if you enjoyed this"),
        ),
        appeal=True,
        needs_self=True,
    ),
    _Category(
        "subscription prompt",
        "asks the reader to subscribe or log in",
        (
            _cue(r"\bsubscrib(e|ing)\b", 2, "subscribe"),
            _cue(r"\bsubscriptions?\b", 1, "subscription"),
            _cue(r"\balready an? (\w+ )?(subscriber|member|supporter|donor)\b"
                 r"|\balready (subscribed|registered|have an account)\b", 3, "already a subscriber"),
            _cue(r"\b(log|sign) ?in\b", 1, "log in"),
            _cue(r"\bcreate an? (free )?account\b|\bregister (for free|now|to)\b", 2, "create an account"),
            _cue(r"\bfree (articles?|stories|reads)\b", 1.5, "free articles"),
            _cue(r"\b\d+ (free )?(articles?|stories) (left|remaining)\b"
                 r"|\byou('ve| have) (reached|read|used)\b", 2, "free-article meter"),
            _cue(r"\b(unlimited|full|digital|premium|all-access) access\b", 2, "unlimited access"),
            _cue(r"\bfor (our )?(full|complete|all (our|the)|more) coverage\b", 1.5, "for full coverage"),
            _cue(r"\b(continue|keep) reading\b", 1.5, "continue reading"),
            _cue(r"\bcancel (at )?any ?time\b|\bfree trial\b", 2, "cancel anytime"),
            _cue(r"[$£€]\s?\d+(\.\d+)?\s?(a|per|/)\s?(week|month|year|wk|mo|yr)\b"
                 r"|\b(from|for|just|only) \d+(\.\d+)? \w+ (a|per) (week|month|year)\b", 1.5, "price per period"),
            _cue(r"\bpaywall\b", 1, "paywall"),
            _cue(r"\bfor (your|the) first (week|month|year|\d+ (weeks|months))\b", 1.5, "introductory price"),
            _cue(r"\bpremium (\w+ )?(service|subscription|membership|content|access|tier|plan)\b",
                 1.5, "premium service"),
            _cue(r"\bthanks? (you )?for reading\b", 2, "thanks for reading"),
            _cue(r"\b(receive|get) (new|future|all|every) (posts|issues|stories|editions)\b"
                 r"|\bpaid subscriber\b", 2, "new posts"),
            _cue(r"\b(subscribers?|members?|premium)[- ]only\b|\bexclusive (to|for) (members|subscribers)\b"
                 r"|\bfor subscribers\b", 3, "subscribers only"),
            _cue(r"\bas an? (\w+ )?(subscriber|member)\b", 2, "as a subscriber"),
            _cue(r"\bgift(ed)? (articles?|links?|stories|subscriptions?)\b", 2, "gift articles"),
        ),
        appeal=True,
    ),
    _Category(
        "newsletter prompt",
        "asks for the reader's email address",
        (
            _cue(r"\bnewsletters?\b", 2, "newsletter"),
            _cue(r"\bsubscribe to (our|the|this) (\w+ ){0,3}(newsletter|briefing|digest)\b", 1.5, "subscribe to our newsletter"),
            _cue(r"\binbox(es)?\b", 2, "inbox"),
            _cue(r"\bsign(ing)? up\b", 1, "sign up"),
            _cue(r"\bsign up (here|now|today|for free)\b", 1.5, "sign up here"),
            _cue(r"\bsign up (for|to) (?-i:[A-Z])", 1.5, "sign up for a title"),
            _cue(r"\b(get|receive|delivers?) (the|our|all the) (latest |top |best )?(news|stories|headlines)\b", 1.5,
                 "get the news"),
            # An emailed newsletter's own furniture, kept on its web copy.
            _cue(r"\b(was this|this (e-?mail|newsletter) was|were you) forwarded\b"
                 r"|\bforwarded (this|the|an?) (e-?mail|newsletter|message)\b"
                 r"|\bview (this (e-?mail|newsletter) )?(online|in (your |a |the )?(web )?browser)\b", 3, "forwarded email"),
            _cue(r"\b(enter|type|your) (your )?e-?mail( address)?\b"
                 r"|\b(get|receive) (an? |our |free )?e-?mails?\b|\bbe e-?mailed\b", 2, "your email"),
            _cue(r"\bby signing up\b|\bunsubscribe\b", 2, "unsubscribe"),
            _cue(r"\byou('re| are) (receiving|getting) this (e-?mail|newsletter|message)\b"
                 r"|\byou (signed|subscribed) up (for|to)\b", 3, "receiving this email"),
            _cue(r"\bupdate (your )?(e-?mail |subscription )?preferences\b"
                 r"|\bmanage (your )?(e-?mail )?(subscriptions?|preferences)\b", 2, "email preferences"),
            _cue(r"\bprivacy (policy|notice)\b"
                 r"|\bterms (of (service|use)|and conditions)\b", 1, "legal links"),
            _cue(r"\b(daily|weekly|morning|evening|breaking[- ]news) (briefing|digest|email|alerts?"
                 r"|newsletter)\b", 1.5, "briefing"),
        ),
        appeal=True,
    ),
    _Category(
        "cookie notice",
        "asks for consent to cookies or tracking",
        (
            _cue(r"\bcookies?\b", 1.5, "cookies"),
            _cue(r"\b(use|uses|store|stores|set|sets) cookies\b", 1.5, "uses cookies"),
            _cue(r"\b(accept|reject|allow|decline|refuse) (all|cookies|all cookies)\b", 2, "accept all"),
            _cue(r"\bmanage (preferences|cookies|settings|options|consent|choices)\b"
                 r"|\bcookie (settings|preferences|policy|notice)\b", 2, "manage preferences"),
            _cue(r"\bconsent\b", 1, "consent"),
            _cue(r"\bprivacy\b", 1, "privacy"),
            _cue(r"\bpersonali[sz]ed (content|ads|advertising)\b|\b(third[- ]party|our) partners\b"
                 r"|\bon your device\b|\b(tracking|similar) technologies\b", 1, "tracking"),
            _cue(r"\b(improve|enhance|personali[sz]e) (your|the) (experience|browsing)\b",
                 1.5, "improve your experience"),
            _cue(r"\bby (clicking|continuing|using (this|our))\b", 1.5, "by clicking"),
        ),
        appeal=True,
    ),
    _Category(
        "share prompt",
        "asks the reader to share or follow",
        (
            _cue(r"\bshare (this|on|via)\b", 2, "share this"),
            _cue(r"\bshare (the )?(article|story|post|page|link)\b", 1, "share the article"),
            _cue(r"^share\s+(?-i:[A-Z])", 1.5, "Share …", label_only=True),  # or a headline: "Share Prices Fall"
            _cue(rf"\bfollow ({_US}|me)\b", 2, "follow us"),
            _cue(r"\bfollow\b.{0,30}\bon (facebook|twitter|instagram|whatsapp|linkedin|telegram|tiktok"
                 r"|youtube|threads|bluesky|x)\b", 2, "follow … on"),
            _cue(r"\bfollow\b.{0,40}\bon social media\b", 2, "follow … on social media"),
            _cue(r"\bfor (the )?latest (updates|news)\b", 1.5, "for the latest updates"),
            _cue(r"\bcopy (the )?link\b|\bemail this\b|\btweet this\b|\bpin it\b", 2, "copy link"),
            _cue(r"\b(send|email|forward|gift)\b.{0,20}\bfriends?\b", 2, "send to a friend"),
            _cue(_PLATFORMS.pattern, 1, "social network"),
        ),
        appeal=True,
        extra=_share_extra,
    ),
    _Category(
        "advertisement",
        "marks an advertisement or sponsored content",
        (
            _cue(r"^(skip )?(advertisement|advert|ads?|sponsored|promoted|paid (post|content)"
                 r"|sponsor(ed)? (message|content|links?|stories|story)|(partner|advertiser) content)$",
                 4, "ad marker", label_only=True),
            _cue(r"^(supported|sponsored|presented|brought to you) by$"
                 r"|^in (partnership|association) with$", 4, "sponsor label", label_only=True),
            _cue(r"\b(story|article|content) continues (below|after)\b|\bcontinue reading below\b"
                 r"|\bscroll (down )?to continue\b", 3, "story continues below"),
            _cue(r"^(sponsored|advertisement|advertiser|promoted|partner content)\s*:", 3, "sponsored label"),
            _cue(r"\bsponsored (content|post|article|story|links?)\b|\bsponsor message\b"
                 r"|\bpaid (post|partnership|promotion)\b", 2.5, "sponsored"),
            _cue(r"\b(we|this site) (may )?(earn|receive) (a )?(small )?(commission|share of sales)\b"
                 r"|\baffiliate links?\b", 3, "affiliate commission"),
            _cue(r"\badvertisements?\b", 1, "advertisement"),
            _cue(r"\bthis (content|article|story|post|feature) (was|is) (produced|created|paid for"
                 r"|sponsored|brought|funded)\b", 2, "this content was produced"),
            _cue(r"\bin (partnership|association) with\b|\bpaid for by\b", 1, "in partnership with"),
        ),
    ),
    _Category(
        "disclaimer",
        "is the publisher's disclaimer of the author's views",
        (
            _cue(r"\b(views|opinions)\b[^.!?]{0,80}\b(are|is|remain) (solely |entirely |strictly |only )?(those of )?"
                 r"(the |this |our |its )?(author|writer|contributor|columnist|commentator|guest|blogger)s?\b"
                 r"|\b(views|opinions)\b[^.!?]{0,80}\b(are|is) (solely |entirely |strictly )?(his|her|their|my) own\b",
                 3, "the author's own views"),
            _cue(r"\bdo(es)? not necessarily (reflect|represent)\b", 2, "do not necessarily reflect"),
            _cue(r"^disclaimer\s*[:.\-\u2013\u2014]", 2, "Disclaimer:"),
        ),
        extra=_disclaimer_extra,
    ),
    _Category(
        "copyright notice",
        "is a rights, print or republication notice",
        (
            _cue(r"©|\(c\)\s*\d{4}", 3, "©"),
            _cue(r"\bcopyright\b", 1, "copyright"),
            _cue(r"\bcopyright (©\s*)?\d{4}\b", 2, "copyright year"),
            _cue(r"\ball rights reserved\b", 3, "all rights reserved"),
            _cue(r"\bmay not be (published|reproduced|broadcast|rewritten|redistributed|copied)\b",
                 2, "may not be republished"),
            _cue(r"\bthis (article|story|piece|post) (was |is )?(originally|first) (published|appeared)\b",
                 3, "originally published"),
            _cue(r"\boriginally (published|appeared) (in|on|by|at)\b", 2, "originally published"),
            _cue(r"^the post\b.{1,300}\bappeared first on (?-i:[A-Z0-9])", 3, "appeared first on"),
            _cue(r"\b(a version of )?this (article|story|piece) (appears|appeared) in\b"
                 r"|\b(appears|appeared) in print\b|\bprint edition\b", 2, "print edition note"),
            _cue(r"\bin print\b|\breprints\b", 1, "print"),
            _cue(r"\brepublished (from|with|under)\b|\breprinted with permission\b", 2, "republished"),
            _cue(r"\bcreative commons\b", 2, "creative commons"),
            _cue(r"\bread the original\b", 1.5, "read the original"),
        ),
    ),
    _Category(
        "related links",
        "points the reader to other pages",
        (
            _cue(r"^(read more|read next|up next|related|see also|more on (this|that)( story)?|further reading|recommended"
                 r"|most (read|popular|viewed)|you (may|might) also like|also read"
                 r"|related (coverage|content|stories|articles|topics)|latest news)\s*[:|\-\u2013\u2014]",
                 3, "Read more:"),
            _cue(r"^(read more|read next|up next|related|see also|further reading|recommended( for you)?"
                 r"|most (read|popular|viewed)|you (may|might) also like"
                 r"|related (coverage|content|stories|articles|topics)|more (stories|coverage)"
                 r"|more on (this|that)( story)?|top stories)$", 3, "related heading", label_only=True),
            _cue(r"^(read|see|view|watch|continue reading) (more|(the )?(full|whole|complete|original|rest of the) "
                 r"(story|article|report|post|piece)|this (story|article))( here)? (at|on|in) [^,;]{1,60}$", 3, "Read more at"),
            _cue(r"\b(click|tap) here\b", 2, "click here"),
            _cue(r"\bfollow (\S+ ){1,3}(coverage|updates)\b"
                 r"|\bfor (more|the latest) (\S+ ){0,3}(coverage|updates|news|stories)\b", 2, "follow coverage"),
            # Said to the reader at a sentence's start: "Follow our live coverage of the fire ...".
            _cue(r"^(follow|read|see|get|find) (all )?(our|the latest|more of our) (\S+ ){0,2}(coverage|updates|live blog)\b",
                 3, "Follow our coverage"),
            _cue(r"https?://|\bwww\.|\b\w+\.(com|org|net|co\.uk)/", 1, "link"),
            _cue(r"\bget (breaking )?news alerts\b"
                 r"|\b(get|download|install) (the|our) (\S+ ){0,3}app\b", 2, "get the app"),
        ),
    ),
    _Category(
        "photo credit",
        "credits a photo or caption",
        (
            _cue(r"\((ap |afp |reuters )?(photo|photograph|image|picture|file photo)s?( by|:|/)", 3, "(Photo by …)"),
            _cue(r"^(photo|photograph|image|picture|illustration|photo illustration|credit|pictured"
                 r"|caption)s?( credit)?\s*:", 3, "Photo:"),
            _cue(r"^(image|photo|picture|video) (caption|source|credit)\b", 3, "Image caption"),
            _cue(r"\b(photo|photograph|image|picture|credit)\s*:\s*(?-i:[A-Z])", 2, "photo: Name"),
            _cue(r"(?-i:/ ?(AFP|AP|REUTERS|Reuters|EPA|EPA-EFE|Getty|dpa|TASS|Sputnik|Anadolu"
                 r"|Bloomberg|NurPhoto|Pool|ZUMA))\b",
                 2, "/ AGENCY"),
            _cue(r"\bgetty images\b|\bvia getty\b|\bshutterstock\b|\balamy\b", 2, "picture agency"),
            # "REUTERS/Ronen Zvulun", "AP Photo/Alexei Alexandrov", "JIM WATSON/AFP": after the slash a name or an
            # agency; two abbreviations ("gaming VR/AR", "HIV/AIDS") are the story's words.
            _cue(r"\b(?-i:[A-Z]{2,}(?: Photo)?/(?:[A-Z][a-z][A-Za-z.\-]*|(?:AFP|AP|EPA|EPA-EFE|REUTERS|TASS|ZUMA|SIPA"
                 r"|ANSA|AAP|PA|UPI|IMAGO|POOL)\b))", 3, "AGENCY/Photographer"),
            _cue(r"\bfile photo\b", 1, "file photo"),
            _cue(r"\bphoto(graph)?s? (by|courtesy of)\b", 2, "photo by"),
        ),
    ),
    _Category(
        "byline",
        "credits the reporters",
        (
            _cue(r"\b(additional )?reporting by (?-i:[A-Z])", 2, "reporting by"),
            _cue(r"^\(?((with )?additional|further|more) reporting (by|from) (?-i:[A-Z])"
                 r"|^\(?reporting by (?-i:[A-Z])[\w.'\u2019-]+( (?-i:[A-Z])[\w.'\u2019-]+){0,3}"
                 r"( (in|from) (?-i:[A-Z])[\w.'\u2019-]+( (?-i:[A-Z])[\w.'\u2019-]+)?)?[.;)]",
                 1.5, "credit line"),
            _cue(r"\b(editing|writing|compiled|edited|written) by:? (?-i:[A-Z])", 2, "editing by"),
            _cue(r"\bcontributed (to )?(this|the) (report|story|article)\b"
                 r"|\bcontributed reporting\b", 3, "contributed to this report"),
            _cue(r"^((edited|written|reported|compiled|produced|words|text) )?by:? "
                 r"(?-i:[A-Z][\w.'\u2019-]+)( (?-i:[A-Z][\w.'\u2019-]+)){0,3}((,| and| &) .*)?$",
                 3, "By …", label_only=True),
            _cue(r"^sources?\s*:", 3, "Source:", label_only=True),
            _cue(rf"(?-i:\(({_AGENCIES})(\s*,\s*({_AGENCIES}))*\))$", 3, "(agencies)", label_only=True),
            _cue(r"\b(is|was) an? (\w+ )?(reporter|correspondent|writer|editor|columnist|contributor) (at"
                 r"|for|with)\b", 2, "staff bio"),
            _cue(r"\bstaff (writer|reporter)\b|\bwire services?\b", 1.5, "staff writer"),
            _cue(r"^[\u2014\u2013-]*\s*with (assistance|additional reporting|reporting|help) (from|by) (?-i:[A-Z])",
                 3, "with assistance from"),
            # A press wire's credit lines: "News provided by Quillon Systems", "SOURCE Quillon Systems".
            _cue(r"^(news|content|release|story|article|video) (provided|supplied|distributed) by (?-i:[A-Z])"
                 r"|^(?-i:SOURCE) (?-i:[A-Z])[^.!?]{0,80}\.?$", 3, "provided by"),
        ),
    ),
    _Category(
        "editor's note",
        "is a note on how the article was edited, updated or corrected",
        (
            _cue(r"^editor'?s'? note\b", 3, "Editor's note"),
            # "This interview has been edited for length and clarity." / "condensed and edited for clarity"
            _cue(r"\b(edited|condensed|shortened|abridged|translated)( and (edited|condensed|shortened|translated))?"
                 r" for (length|clarity|brevity|space|concision|readability|style)\b", 3.5, "edited for length"),
            _cue(r"\bthis (story|article|report|post|piece|headline|caption|interview|transcript|version)"
                 r" (has|had|was|is|have) (been )?(updated|corrected|amended|changed|revised|edited|clarified)\b",
                 3, "this story has been updated"),
            _cue(r"\b(an )?(earlier|previous|prior) version of this (story|article|report|post|piece|headline)\b",
                 3, "an earlier version of this story"),
            # A wire service's note on what a new version adds: "(Updates with analyst comment in sixth paragraph)".
            _cue(r"^\((updates|adds|recasts|corrects|changes|rewrites|refiles|repeats|fixes|removes|clarifies|inserts"
                 r"|updated|moves|tops)\b[^()]{0,160}\)\.?$", 3.5, "(Updates with ...)"),
            _cue(r"^(correction|clarification|update|amendment)s?\s*[:\-\u2013\u2014]", 1, "Correction:"),
            # "An article on Wednesday said 3,200 jobs would be lost. The correct figure is 2,300."
            _cue(r"\bthe correct (figure|number|total|name|spelling|date|amount|title|age) (is|was)\b"
                 r"|\b(incorrectly|wrongly|mistakenly) (said|stated|reported|gave|described|identified|named)\b"
                 r"|\b(misstated|misidentified|misspelled|misreported)\b", 2, "the correct figure is"),
        ),
    ),
    _Category(
        "helpline notice",
        "points the reader to a helpline",
        (
            _cue(r"\bif you or (someone|anyone|somebody|a loved one|a friend|a family member) (you know )?\b", 3,
                 "if you or someone you know"),
            _cue(r"^(got a |have a |do you have a )?(gambling|betting) problem\b|\bproblem gambling\b", 3,
                 "gambling problem"),
            _cue(r"\b(gamble|bet|play|wager) responsibly\b", 3, "gamble responsibly"),
            _cue(r"\bmust be (at least )?(18|19|21)( years)?( of age| or older| and over|\+)?"
                 r"( to (wager|bet|play|gamble|enter|participate))?\b|(?<![\w.])(18|19|21)\+(?!\w)", 1.5, "must be 21"),
            _cue(r"\b(call|text|dial|contact|chat (with|to)|reach out to|ring)\b[^.!?]{0,60}\b(hotline|helpline|help line"
                 r"|lifeline|crisis line|crisis text line|support line|samaritans)\b", 2, "call the helpline"),
            _cue(r"\b(help|support) is (available|free|confidential|always available)\b"
                 r"|\b(free|confidential|anonymous),? and (free|confidential|anonymous)\b", 1.5, "help is available"),
            _cue(r"\b(24/7|24 hours a day|at any hour|day or night)\b", 1, "at any hour"),
        ),
        extra=_disclaimer_extra,
    ),
    _Category(
        "betting odds",
        "is a betting line, not the article's prose",
        (
            _cue(r"^(the )?(odds|betting odds|betting line|line|spread|point spread|moneyline|money line|over/under)"
                 r"\s*(\([^)]{1,40}\)\s*)?:", 2, "Odds:"),
            _cue(_AMERICAN_ODDS + r".{0,80}" + _AMERICAN_ODDS, 2, "American odds"),
            _cue(r"\b(sportsbooks?|oddsmakers?|over/under|moneyline|money line|point spread)\b", 1.5, "sportsbook"),
            _cue(r"\b(odds|lines?) (are )?(via|courtesy of|provided by|supplied by)\b", 2, "odds via"),
        ),
        extra=_speech_extra,
    ),
    _Category(
        "fact-check label",
        "is a fact check's claim or rating label",
        (
            _cue(r"^(the )?claim\s*:", 3, "Claim:"),
            _cue(r"^(our |the )?(rating|verdict|ruling|conclusion|fact[- ]check( rating)?)\s*:\s*"
                 r"(true|mostly true|half[- ]true|mostly false|false|pants on fire|misleading|unproven|unsupported"
                 r"|mixture|mixed|correct|incorrect|accurate|inaccurate|fake|satire|missing context|partly false"
                 r"|altered|needs context|exaggerated|no evidence|outdated|(one|two|three|four) pinocchios?)[.!]?$",
                 3.5, "Rating:"),
        ),
    ),
    _Category(
        "press release notice",
        "is a press release's legal notice or contacts",
        (
            _cue(r"\bforward-looking (statements?|information)\b", 2, "forward-looking statements"),
            _cue(r"\b(undertakes?|assumes?|disclaims?) (no|any) (obligation|duty|responsibility|intention)\b",
                 2, "undertakes no obligation"),
            _cue(r"\bcould cause actual (results|events|outcomes|performance)\b"
                 r"|\bactual (results|events|outcomes) (may|could|might) differ\b", 2, "actual results may differ"),
            _cue(r"\bwithin the meaning of (section|the private securities)\b|\bsafe harbou?r\b", 1.5, "safe harbor"),
            _cue(r"^(media|press|investor|investors|company|editorial|public) (relations )?(contacts?|enquiries"
                 r"|inquiries)\b", 3, "Media contact:"),
        ),
    ),
    _Category(
        "author note",
        "is a note about the author or how to reach the newsroom",
        (
            # "Jane Doe is a reporter covering ...", "Kit Brannoch is a Local Democracy Reporter based at ...":
            # a bio, a credit when it ends the article (see BoilerplateDetector), content elsewhere.
            _cue(_NAME_OPENS + r" (is|was|has been) (an? |the )([\w-]+ ){0,5}" + _REPORTER_ROLE + r"\b", 2, "bio"),
            _cue(_NAME_OPENS + r" (covers|writes about|writes on|writes for|reports on|reports for|has covered"
                 r"|has reported on|has written for)\b", 2, "bio"),
            _cue(r"\b(have|got|do you have) (a|any) (news )?(tips?|story|story idea|scoop)( for (us|the [\w ]{1,30}))?\?",
                 3, "have a news tip?"),
            _cue(r"\b(email|e-mail|contact|message|call|reach|text|write to) (our|the) (newsroom|newsdesk|news desk"
                 r"|news team|tips? line|tips? desk)\b", 2, "email the newsroom"),
            _cue(r"\bto contact the (reporters?|editors?|authors?|writers?)\b", 3, "to contact the reporter"),
            _cue(r"^(contact|reach|email|e-mail|follow) (?-i:[A-Z])[\w'\u2019-]+( (?-i:[A-Z])[\w'\u2019-]+){0,2}"
                 r" (at|on|via|by)\b|\b(reach|contact|email|e-mail) (him|her|them|the (author|reporter|writer)s?)"
                 r" (at|on|via)\b", 2, "contact the reporter"),
            _cue(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", 1.5, "email address"),
        ),
        extra=_speech_extra,
    ),
    _Category(
        "funding note",
        "credits a partner or funder of the reporting",
        (
            _cue(r"\bthis (story|article|report|reporting|coverage|series|project|piece|investigation|content|podcast)"
                 r"\b[^.!?]{0,40}\b(is|was|are|were) (part of|produced|published|made possible|supported|funded"
                 r"|underwritten|co-published|done|reported)\b[^.!?]{0,60}\b(partnership|collaboration|grant"
                 r"|fellowship|funding|support|initiative|program|programme)\b", 3, "this story is part of a partnership"),
            _cue(r"\b(coverage|reporting|journalism|(his|her|their|this) (position|role|work))\b[^.!?]{0,60}\b(is|are|was"
                 r"|were) (made possible|supported|funded|underwritten|sponsored|paid for)( in part| partly)? (by|through"
                 r"|with)\b", 3, "coverage is supported by"),
            _cue(r"\b(news|reporting|journalism|media) (partnership|collaboration|initiative|service)\b", 1.5,
                 "news partnership"),
            _cue(r"\b(funded|supported|underwritten|financed) (in part |partly )?by\b", 1, "funded by"),
        ),
        extra=_disclaimer_extra,
    ),
    _Category(
        "page furniture",
        "is interface text, not prose",
        (
            _cue(r"\bremind me (later|in|next|tomorrow)\b", 3, "remind me later"),
            _cue(r"^(maybe later|not now|no,? thanks|close|skip|dismiss)\b", 3, "dismiss button", label_only=True),
            _cue(r"\b\d+ ?(min|minute)s? (read|listen)\b"
                 r"|\blisten to (this|the) (article|story)\b", 3, "reading time"),
            _cue(r"^our (standards|policies|principles|ethics)\b", 1.5, "Our standards:"),
            _cue(r"\b(trust|editorial) (principles|standards)\b"
                 r"|\b(corrections|ethics) policy\b", 1.5, "standards link"),
            _cue(r"^(leave|post|add|view|show|read|see|join) (a |all |the |\d+ )?(comments?|conversation"
                 r"|discussion)\b", 3, "comments link", label_only=True),
            _cue(r"^(updated|published|last updated|posted)\b", 3, "timestamp", label_only=True),
            # what a script's page shows until the story arrives ("Loading article…")
            _cue(r"^(loading|please wait|fetching)\b[^.!?]{0,30}(\.{3}|\u2026)?$", 3, "loading placeholder",
                 label_only=True),
            _cue(r"^[^|\u2022]{1,40}(\s[|\u2022]\s[^|\u2022]{1,40}){2,}$", 3, "menu of links"),
        ),
        extra=_furniture_extra,
    ),
    # Last, so that the categories above keep their places (tests and the literal index name them).
    _Category(
        "embedded post",
        "is a social media post embedded in the page",
        (
            _cue(EMBED_ATTRIBUTION.pattern, 3, "signed — Name (@handle) date"),
            _cue(r"^(a )?(post|photo|video) shared by\b[^\n]{0,60}\(@[\w.]{1,40}\)", 3, "a post shared by"),
            _cue(r"^view this (post|photo|video) on \w+$", 3, "view this post on", label_only=True),
        ),
    ),
)


# Which cues can match a text. A cue's regex can only match where one of its required literals
# (prefilter.required_literals, compared after fold) occurs, so only those cues are searched. The
# literals are found word by word: the text is cut into runs of letters and digits (``[^\W_]``
# is exactly ``str.isalnum``), and a literal's longest run of letters and digits must lie in one
# run of the text: inside it, at its start (something precedes it in the literal), at its end
# (something follows it) or as the whole run (both). What each distinct run of the text allows is
# worked out once and remembered, so a text costs a findall and a dictionary look-up per word.
# Literals with more than letters and digits are then checked in the text itself ("our " is not
# in "four."). The regex still decides: the result is what searching every cue would give.
_RUN = re.compile(r"[^\W_]+")


_WHOLE_WORD = "\0"
"""Marks a literal a cue needs as a whole run of the text (:func:`~.prefilter.whole_words`): indexed
by that run as the literal's only run with something before and after it, found present when the
text has that run."""


def _literal_index() -> tuple[
    dict[str, frozenset[tuple[int, int]]],
    dict[tuple[bool, bool], dict[str, tuple[str, ...]]],
    tuple[str, ...],
    int,
    frozenset[tuple[int, int]],
]:
    """(the cues (category, position) needing each literal; per placement of a literal's run
    (something before it in the literal, something after it), the literals by that run; the
    literals with no letter or digit, looked for as they are; the longest run; the cues that
    need no literal)."""
    cues_of: dict[str, set[tuple[int, int]]] = {}
    always: set[tuple[int, int]] = set()
    for index, cat in enumerate(_CATEGORIES):
        for position, cue in enumerate(cat.cues):
            if cue.needs is None:
                always.add((index, position))
            whole = whole_words(cue.pattern)
            for literal in cue.needs or ():
                # A literal needed as a whole word is looked up as the run it must be (see
                # _WHOLE_WORD); \0 around it: no run of a text holds it otherwise.
                key = f"{_WHOLE_WORD}{literal}{_WHOLE_WORD}" if literal in whole else literal
                cues_of.setdefault(key, set()).add((index, position))
    by_run: dict[tuple[bool, bool], dict[str, list[str]]] = {}
    symbols = []
    for literal in cues_of:
        runs = list(_RUN.finditer(literal))
        if not runs:
            symbols.append(literal)
            continue
        run = max(runs, key=lambda m: len(m.group()))
        placement = (run.start() > 0, run.end() < len(literal))
        by_run.setdefault(placement, {}).setdefault(run.group(), []).append(literal)
    longest = max((len(r) for found in by_run.values() for r in found), default=0)
    return (
        {literal: frozenset(cues) for literal, cues in cues_of.items()},
        {placement: {r: tuple(ls) for r, ls in found.items()} for placement, found in by_run.items()},
        tuple(symbols),
        longest,
        frozenset(always),
    )


_CUES_OF, _BY_RUN, _SYMBOLS, _LONGEST_RUN, _ALWAYS = _literal_index()
_INSIDE = _BY_RUN.get((False, False), {})
_STARTS = _BY_RUN.get((True, False), {})  # the literal's run starts a run of the text
_ENDS = _BY_RUN.get((False, True), {})
_WHOLE = _BY_RUN.get((True, True), {})
_MEMO_RUNS = 200_000
_run_literals: dict[str, frozenset[str]] = {}
"""Run of a text -> the literals it may hold (see above)."""


def _literals_in_run(run: str) -> frozenset[str]:
    found: list[str] = []
    found.extend(_WHOLE.get(run, ()))
    n = len(run)
    for k in range(1, min(n, _LONGEST_RUN) + 1):
        found.extend(_STARTS.get(run[:k], ()))
        found.extend(_ENDS.get(run[n - k :], ()))
    for i in range(n):
        for j in range(i + 1, min(n, i + _LONGEST_RUN) + 1):
            found.extend(_INSIDE.get(run[i:j], ()))
    return frozenset(found)


_CANDIDATES_KEPT = 4096
_candidates: dict[frozenset[str], dict[int, list[_Cue]]] = {}
"""Candidate cues by the set of literals a text may hold: many texts hold the same few."""


def _candidate_cues(folded: str) -> dict[int, list[_Cue]]:
    """Per category index, in order, the cues that may match ``folded`` (the others cannot).
    The result is shared: read it, never change it."""
    present: set[str] = set()
    memo = _run_literals
    for run in _RUN.findall(folded):
        literals = memo.get(run)
        if literals is None:
            if len(memo) >= _MEMO_RUNS:
                memo.clear()
            literals = memo[run] = _literals_in_run(run)
        if literals:
            present.update(literals)
    # A literal with more than letters and digits may be missing ("our " in "four."): asked of the
    # text itself, so that the set is exact and texts share sets.
    present = {literal for literal in present if literal.isalnum() or literal[0] == _WHOLE_WORD or literal in folded}
    present.update(literal for literal in _SYMBOLS if literal in folded)
    key = frozenset(present)
    by_category = _candidates.get(key)
    if by_category is None:
        chosen = set(_ALWAYS).union(*(_CUES_OF[literal] for literal in key))
        by_category = {}
        for index, position in sorted(chosen):
            by_category.setdefault(index, []).append(_CATEGORIES[index].cues[position])
        if len(_candidates) >= _CANDIDATES_KEPT:
            _candidates.clear()
        _candidates[key] = by_category
    return by_category


# Boxes that hold several paragraphs and buttons; their neighbours are absorbed.
APPEAL_KINDS = frozenset(c.kind for c in _CATEGORIES if c.appeal)
"""The kinds of boilerplate that speak to the reader: a donation appeal, a subscription or newsletter prompt ..."""
_ANCHOR_KINDS = frozenset({"donation appeal", "subscription prompt", "newsletter prompt", "cookie notice"})
ANCHOR_KINDS = _ANCHOR_KINDS

# The header line an appeal box opens with: "A Message from The Tarrow Times:", "Dear readers,",
# "Support independent journalism", "Before you go...". Matched at the start of a line or
# sentence; on its own it proves nothing (see :func:`is_appeal_header`).
_APPEAL_HEADER = re.compile(
    r"(?:a |an )?(?:(?:short |brief |personal )?(?:message|note|letter|word|request|appeal) (?:from|to) [^.!?\n]{1,60}:"
    r"|dear (?:\w+ )?(?:readers?|friends?|listeners?|viewers?|subscribers?|supporters?|members?|visitors?)\b"
    r"|(?:please )?(?:support|fund|protect|defend|save) (?:our |independent |quality |local |trusted |free |fearless "
    r"|public[- ]interest |nonprofit |non-profit |reader-funded |the )*(?:journalism|newsroom|press|reporting)\b"
    r"|before you (?:go|leave|close|move on)\b"
    r"|since you(?:'|\u2019)re here\b"
    r"|(?:just )?one (?:last|more|final) thing\b"
    r"|(?:we|i) (?:have|need) (?:a |one )?(?:small |quick |little )?(?:favou?r|request) to ask\b"
    r"|(?:a )?(?:note|message|letter) (?:to|for) (?:our )?readers\b"
    r"|thank you for (?:reading|visiting|being here)\b"
    r"|(?:why|how) (?:we|you can) (?:need|ask for|support|help)\b[^.!?\n]{0,40}(?:support|help|you)\b"
    r"|(?:can you|will you|could you|would you) (?:help|support|chip in|donate)\b"
    r"|(?:help|join) us\b"
    r"|become a (?:member|supporter|patron|subscriber)\b"
    r")",
    re.IGNORECASE,
)
_HEADER_MAX_WORDS = 12
# Sentences about the reporting itself ("Jane Doe reported from Tarrow."), next to a credit.
_CREDIT_HINT = re.compile(
    r"\b(reported|reporting|contributed|contributing|wrote|writing|edited|editing) (from|to|by|this)\b", re.IGNORECASE
)

# Quoted speech (3+ words) is the people in the story talking, not the publisher.
# Short quoted strings ("Accept all") are usually button names, so they stay.
# A quotation never spans another opening mark of its kind: that keeps every match, and the
# whole scan, linear (an unclosed \u201c used to be searched to the end once per opening mark).
_QUOTED = re.compile(
    r"\"[^\"]*\"|\u201c[^\u201c\u201d]*\u201d|\u2018[^\u2018\u2019]*[,.!?]\u2019|(?<!\w)'[^']*[,.!?]'(?!\w)"
)
# Publisher boxes are a few hundred characters; a paragraph longer than this is prose, and
# scoring it (a hundred patterns) would only cost time on hostile input such as a 50 MB line.
MAX_SCORED_CHARS = 5_000


def _unquoted(text: str) -> str:
    return _QUOTED.sub(lambda m: " " if len(m.group().split()) >= 3 else m.group(), text)


class _Score(NamedTuple):
    kind: str
    score: float
    labels: tuple[str, ...]
    gated: bool  # failed its category's address gate: only weak evidence for neighbours


_WORD = re.compile(r"\w[\w'\u2019-]*")
_BULLET = re.compile(r"^[-*\u2022\u2013\u2014]{1,2} ")


_MEMO_KEPT = 512
"""Texts whose word count and scores are remembered: a paragraph is counted and scored by the
detector, then again by the exclusions around it (its words, whether it reads as prose)."""
_counted: dict[str, int] = {}


def _word_count(text: str) -> int:
    count = _counted.get(text)
    if count is None:
        if len(_counted) >= _MEMO_KEPT:
            _counted.clear()
        count = _counted[text] = len(_WORD.findall(text))
    return count


_ENDS_SENTENCE = re.compile(r"[.?][\"'\u201d\u2019)]*$")


def _is_label(text: str) -> bool:
    return _word_count(text) <= LABEL_MAX_WORDS and not _ENDS_SENTENCE.search(text)


_scored: dict[str, list[_Score]] = {}


def _scores(text: str) -> list[_Score]:
    """Every category's score for one paragraph or sentence, best first (shared: never change it)."""
    scores = _scored.get(text)
    if scores is None:
        if len(_scored) >= _MEMO_KEPT:
            _scored.clear()
        scores = _scored[text] = _score(text)
    return scores


def _score(text: str) -> list[_Score]:
    words = _word_count(text)  # before the spaces are normalised: the same count, remembered already
    text = _BULLET.sub("", " ".join(text.split()), count=1)  # "- Share this on Facebook": a list's item
    unquoted = _unquoted(text).replace("\u2019", "'")
    folded = fold(unquoted)
    is_label = words <= LABEL_MAX_WORDS and not _ENDS_SENTENCE.search(text)
    long_text = words >= GATE_MIN_WORDS
    candidates = _candidate_cues(folded)
    attributed: bool | None = None  # computed when an appeal category has hits
    imperative: bool | None = None
    results = []
    for index, cat in enumerate(_CATEGORIES):
        cues = candidates.get(index)
        hits = (
            [(c.weight, c.label) for c in cues if (is_label or not c.label_only) and c.pattern.search(unquoted)]
            if cues
            else []
        )
        if cat.extra:
            hits += cat.extra(unquoted, is_label)
        if not hits:
            continue
        gated = False
        if cat.appeal:
            if imperative is None:
                imperative = bool(_IMPERATIVE.search(unquoted))
            # Prose must speak to the reader ("Websites must let users reject all
            # cookies." is news), and long donation prose must speak for the publisher
            # ("you can donate to the Red Cross" is advice in a story). Labels are exempt.
            if not is_label and not (imperative or _ADDRESS.search(unquoted)):
                gated = True
            if long_text and cat.needs_self and not (_SELF.search(unquoted) or _DONATE_TO_SPEAKER.search(unquoted)):
                gated = True
            # Bonuses need two topical cues in prose: "Subscribe to the idea that
            # sanctions work, and you will be disappointed." is rhetoric, not a prompt.
            if is_label or len(hits) >= 2:
                if _SECOND_PERSON.search(unquoted):
                    hits.append((1.0, "addresses the reader"))
                if imperative:
                    hits.append((1.0, "call to action"))
            # Reported speech. Not for credits and links, which quote headlines
            # ("Read more: Turkey says it will host talks").
            if attributed is None:
                attributed = bool(_ATTRIBUTION.search(unquoted))
            if attributed:
                hits.append((-_ATTRIBUTION_PENALTY, ""))
        score = sum(w for w, _ in hits)
        if score > 0:
            ranked = sorted(hits, key=lambda h: -h[0])
            labels = tuple(dict.fromkeys(label for w, label in ranked if w > 0))
            results.append(_Score(cat.kind, score, labels, gated))
    results.sort(key=lambda s: (s.gated, -s.score))  # stable: ties keep category order
    return results


def _summary(kind: str) -> str:
    return next(c.summary for c in _CATEGORIES if c.kind == kind)


def _verdict(best: _Score) -> BoilerplateVerdict:
    return BoilerplateVerdict(best.kind, f"{_summary(best.kind)} ({', '.join(best.labels[:4])})")


def holds_appeal_cue(text: str) -> bool:
    """Whether a sentence holds any cue of an appeal (see :data:`APPEAL_KINDS`), however weak alone: "The
    Tarrow Post is free to read." beside "Subscribe to our newsletter to keep it that way." is the
    appeal's first sentence, not the story's last."""
    folded = fold(text)
    return any(cue.search(text, folded) for c in _CATEGORIES if c.appeal for cue in c.cues)


def sentence_is_boilerplate(text: str, threshold: float = THRESHOLD) -> BoilerplateVerdict | None:
    """Verdict for one sentence or paragraph on its own, without neighbours."""
    scores = _scores(text)
    return _verdict(scores[0]) if _passes(scores, threshold) else None


def word_count(text: str) -> int:
    """Words as the detector counts them."""
    return _word_count(text)


def is_appeal_header(text: str) -> bool:
    """A line or sentence that opens an appeal box ("A Message from …:", "Dear readers,",
    "Support our journalism", "Before you go…"). Only a start: the caller checks that an appeal
    follows. Reported speech ("Help us, the mayor said.") is not a header."""
    text = " ".join(text.split())
    if not text or not _APPEAL_HEADER.match(text) or _ATTRIBUTION.search(text):
        return False
    return _word_count(text) <= _HEADER_MAX_WORDS or text.split(" ", 1)[0].lower() in ("dear", "before")


def looks_like_content(text: str, threshold: float = THRESHOLD) -> bool:
    """A sentence that reads as article prose rather than a publisher's words: not boilerplate
    on its own, and reported speech or else neither speaking to the reader nor carrying a strong
    appeal cue. Used to keep the article's part of a paragraph that ends in a credit or appeal."""
    scores = _scores(text)
    if _passes(scores, threshold):
        return False
    unquoted = _unquoted(" ".join(text.split())).replace("\u2019", "'")
    if _ATTRIBUTION.search(unquoted):
        return True
    if _ADDRESS.search(unquoted) or _IMPERATIVE.match(unquoted) or _CREDIT_HINT.search(unquoted):
        return False
    return not any(s.score >= (1.5 if s.kind in _ANCHOR_KINDS else 2) for s in scores)


def _passes(scores: Sequence[_Score], threshold: float) -> bool:
    return bool(scores) and not scores[0].gated and scores[0].score >= threshold


@dataclass(frozen=True)
class BoilerplateDetector:
    """Verdicts for the paragraphs of one article: ``None`` means article content."""

    threshold: float = THRESHOLD

    def __call__(self, paragraphs: Sequence[str]) -> list[BoilerplateVerdict | None]:
        scores = [_scores(p) if len(p) <= MAX_SCORED_CHARS else [] for p in paragraphs]
        verdicts: list[BoilerplateVerdict | None] = [
            _verdict(s[0]) if _passes(s, self.threshold) else None for s in scores
        ]

        # 1. A short line with some cue of its own, next to a run of boilerplate that
        #    holds an appeal, is part of the appeal's box ("Thank you.", "$5",
        #    "Accepted payment methods: ..."). Repeat until nothing changes, so one
        #    detected paragraph absorbs a whole box. Runs of share bars, credits or
        #    ads alone do not absorb: they sit next to headlines.
        #    Computed per run of boilerplate-or-short-cue lines, in linear time: repeated
        #    sweeps took one pass per line on a long run of them (minutes on hostile input).
        _absorb_short_lines(paragraphs, scores, verdicts)

        # 2. The tail: once boilerplate starts after the last prose paragraph, the
        #    labels ("Continue", "Single Monthly Annual") and short prompts ("Get an
        #    email whenever she publishes.") within and after it are part of it,
        #    whatever the run holds. A last short sentence that merely mentions an
        #    advertisement or a photo, before a credit line, stays content.
        def weak(i: int) -> bool:
            return (
                bool(scores[i])
                and scores[i][0].kind in _ANCHOR_KINDS
                and not scores[i][0].gated
                and _word_count(paragraphs[i]) <= NEIGHBOUR_MAX_WORDS
            )

        tail = len(paragraphs)
        while tail > 0 and (verdicts[tail - 1] or weak(tail - 1) or _is_label(paragraphs[tail - 1].strip())):
            tail -= 1
        while tail < len(paragraphs) and not (verdicts[tail] or weak(tail)):
            tail += 1  # the tail starts with a paragraph that has a cue, not a bare label
        if any(verdicts[tail:]):
            for i in range(tail, len(paragraphs)):
                if not verdicts[i] and paragraphs[i].strip():
                    cues = f"; own cues: {', '.join(scores[i][0].labels[:3])}" if scores[i] else ""
                    kind = scores[i][0].kind if scores[i] else "page furniture"
                    reason = f"short line among the boilerplate at the end of the article{cues}"
                    verdicts[i] = BoilerplateVerdict(kind, reason)

        # 3. End notes: a bio, a partner's credit ("Jane Doe is a reporter covering city hall.", "The
        #    ... Reporting Service is a news partnership funded by ...") has cues too weak to flag it
        #    anywhere, since a story may say as much of a person in it; at the very end of the article,
        #    after its last prose paragraph (past boilerplate and labels), it is a note on the article.
        i = len(paragraphs)
        while i > 0:
            text = paragraphs[i - 1].strip()
            if verdicts[i - 1] or not text or _is_label(text):
                i -= 1
                continue
            note = _end_note(scores[i - 1], text)
            if note is None:
                break
            verdicts[i - 1] = BoilerplateVerdict(
                note.kind, f"{_summary(note.kind)} at the end of the article ({', '.join(note.labels[:4])})"
            )
            i -= 1
        return verdicts


END_NOTE_KINDS = frozenset({"author note", "funding note"})
END_NOTE_MIN_SCORE = 2.0
END_NOTE_MAX_WORDS = 60


def _end_note(scores: Sequence[_Score], text: str) -> _Score | None:
    """The note about the article a paragraph may be when it ends the article (see step 3 above)."""
    if _word_count(text) > END_NOTE_MAX_WORDS:
        return None
    return next((s for s in scores if s.kind in END_NOTE_KINDS and s.score >= END_NOTE_MIN_SCORE), None)


def _absorb_short_lines(
    paragraphs: Sequence[str], scores: Sequence[list[_Score]], verdicts: list[BoilerplateVerdict | None]
) -> None:
    """Step 1 of :class:`BoilerplateDetector`: a run of paragraphs that are boilerplate or short
    lines with a cue of their own is all boilerplate when it holds an appeal. Each short line
    names the nearest appeal before it in the run (else after it), as a line-by-line sweep would."""
    n = len(paragraphs)
    short = [
        not verdicts[i] and bool(scores[i]) and _word_count(paragraphs[i]) <= NEIGHBOUR_MAX_WORDS
        for i in range(n)
    ]
    start = 0
    while start < n:
        if not (verdicts[start] or short[start]):
            start += 1
            continue
        end = start
        while end < n and (verdicts[end] or short[end]):
            end += 1
        run = range(start, end)
        if any(verdicts[i] and verdicts[i].kind in _ANCHOR_KINDS for i in run):
            kinds = [verdicts[i].kind if verdicts[i] else scores[i][0].kind for i in run]
            nearest_before: list[str | None] = []
            last = None
            for kind in kinds:
                nearest_before.append(last)
                if kind in _ANCHOR_KINDS:
                    last = kind
            nearest_after: list[str | None] = [None] * len(kinds)
            last = None
            for j in range(len(kinds) - 1, -1, -1):
                nearest_after[j] = last
                if kinds[j] in _ANCHOR_KINDS:
                    last = kinds[j]
            for j, i in enumerate(run):
                if short[i]:
                    own = scores[i][0]
                    anchor = nearest_before[j] or nearest_after[j]
                    reason = f"short line next to a {anchor}; own cues: {', '.join(own.labels[:3])}"
                    verdicts[i] = BoilerplateVerdict(own.kind, reason)
        start = end
