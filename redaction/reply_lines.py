"""Names in the reply layout of e-mail, in any case: quoted-reply attributions ("On 9/5/01,
Quenneville, Ysolde wrote:", "> ingrid brenner wrote:"), lower-case greetings and sign-offs
("hi ingrid,", "thx\\ningrid") and dash sign-offs ("The draft is attached. -Tobias").

The attribution names its sender in any case (not a pronoun, not plain words); a greeting or
sign-off word in lower case must be a census given name that is no plain word ("hi all," and
"thx\\nteam" stay), and a dash sign-off must be a census given name, no plain word, ending its
line after a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "context:email"
_WORD = r"[^\W\d_][\w'\u2019-]*\.?"
_NAME = rf"{_WORD}(?:,?[ \t]+{_WORD}){{0,3}}"
# "On Wed, 9 May 2001 08:02, Quenneville, Ysolde wrote:" / "> Ysolde Quenneville wrote:"
_ATTRIBUTION = re.compile(
    rf"^[ \t>]*(?:(?i:on)[ \t][^\n]{{4,80}}?,[ \t]*|(?=[^\W\d_]))(?P<n>{_NAME})[ \t]*"
    r"(?:<[^<>\s]+>[ \t]*|\([^()\n]{1,60}\)[ \t]*)?(?i:wrote|writes)[ \t]*:",
    re.MULTILINE,
)
_GREETING = re.compile(
    r"^[ \t>]*(?i:hi|hello|hey|dear|morning|afternoon)[ \t]+(?P<n>[a-z][a-z'-]+)[ \t]*[,!:-]",
    re.MULTILINE,
)
_SIGNOFF = re.compile(
    r"(?:^|(?<=[.!?])[ \t]+)[ \t>]*(?i:thanks|thx|tx|thank[ \t]+you|regards|rgds|cheers|best|ta)"
    r"[ \t]*[,!.-]*(?:[ \t]*\r?\n(?:[ \t>]*\r?\n)*[ \t>]*|[ \t]+)(?P<n>[a-z][a-z'-]+)"
    r"[ \t]*[.!]?[ \t]*\r?$",
    re.MULTILINE,
)
_DASH = re.compile(r"(?:^|[.!?][ \t]+)-{1,2}[ \t]?(?P<n>[A-Z][a-z]+)[ \t]*\r?$", re.MULTILINE)
_PRONOUNS = frozenset({
    "i", "we", "you", "he", "she", "they", "it", "who", "someone", "everyone",
    "the", "a", "an", "our", "my", "your", "this", "that",
})  # fmt: skip


def find_reply_names(text: str) -> Iterator[Finding]:
    """Every reply-layout name (from ``email_names.find_email_names``)."""
    for m in _ATTRIBUTION.finditer(text):
        if _sender(m.group("n")):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.8, SOURCE)
    for rx in (_GREETING, _SIGNOFF):
        for m in rx.finditer(text):
            if _lower_given(m.group("n")):
                yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, SOURCE)
    for m in _DASH.finditer(text):
        if plain(m.group("n")) in first_names() and kind(m.group("n")) is not Kind.WORD:
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, SOURCE)


def _sender(name: str) -> bool:
    """An attribution's sender: not a pronoun, no lower-case plain word ("the committee"), not
    plain words alone ("The Board")."""
    words = [w.strip(",.") for w in name.split()]
    if "@" in name or plain(words[0]) in _PRONOUNS:
        return False
    kinds = [kind(w) for w in words]
    lower_word = any(w[:1].islower() and k is Kind.WORD for w, k in zip(words, kinds, strict=True))
    return not lower_word and any(k is not Kind.WORD for k in kinds)


def _lower_given(word: str) -> bool:
    """A lower-case census given name that is no plain word only ("gwen", "john"; not "all"
    or "team")."""
    return plain(word) in first_names() and kind(word) is not Kind.WORD
