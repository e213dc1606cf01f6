"""Turning captured names, companies and titles into words a person would write."""

import re
import unicodedata

from coffeechat.text import fold as base_fold

_WS = re.compile(r"\s+")
_SPACES = re.compile(r"[^\S\n]+")
# Honorifics and credentials people put around their name on LinkedIn.
_PREFIXES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "mx", "mx."}
_LEGAL_SUFFIX = re.compile(
    r"[,\s]+(inc|inc\.|llc|l\.l\.c\.|ltd|ltd\.|limited|corp|corp\.|corporation|co\.|gmbh|s\.a\.|sa|"
    r"plc|pty|pvt|ag|bv|b\.v\.)$", re.I)
# "Aristotle - Co-Pilot for Cold Sales": a tagline after a spaced dash is not the company's name.
_TAGLINE = re.compile(r"\s+[-–—|]\s+.*$")


def strip_emoji(text: str | None) -> str:
    """Text without emoji, pictographs, variation selectors or joiners, spaces collapsed."""
    if not text:
        return ""
    kept = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("So", "Cs", "Co") or ch in "\u200d\ufe0f\ufe0e\u20e3" or cat == "Sk" and ord(ch) > 0x2000:
            kept.append(" ")
        else:
            kept.append(ch)
    lines = _SPACES.sub(" ", "".join(kept)).split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())


def _fix_caps(word: str) -> str:
    """NAME or name → Name, keeping O'Boyle / Jean-Luc shapes; mixed case is left as typed."""
    if not (word.isupper() or word.islower()):
        return word
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), word)


def clean_name(full_name: str | None) -> str:
    """The display name: no emoji, credentials after a comma, or shouting capitals."""
    name = strip_emoji(full_name).split(",")[0]
    name = re.sub(r"\([^)]*\)", " ", name)  # "(she/her)", "(Jim)"
    words = [w for w in name.split() if re.search(r"[^\W\d_]", w)]
    return " ".join(_fix_caps(w) for w in words)


def first_name(full_name: str | None) -> str:
    """The first name to greet someone by, or "" when the name is unknown."""
    words = clean_name(full_name).split()
    while len(words) > 1 and words[0].casefold() in _PREFIXES:
        words = words[1:]
    return words[0] if words else ""


def company_name(company: str | None) -> str:
    """A company as people say it: no tagline, no legal suffix ("Bounced Inc." → "Bounced")."""
    name = strip_emoji(company)
    name = _TAGLINE.sub("", name).strip()
    shorter = _LEGAL_SUFFIX.sub("", name).strip(" ,")
    return shorter or name


# Institutions people name with "the": "joined the Financial Accounting Standards Board".
_NEEDS_THE = re.compile(r"^([^\W\d_]+ )?(university|college|school|institute|bank|department|ministry|"
                        r"office) of\b|\b(board|society|association|"
                        r"institute|council|commission|department|agency|foundation|museum|ministry|"
                        r"committee|federation|academy|authority|administration|bureau|reserve|center|centre)$", re.I)


def company_ref(company: str | None) -> str:
    """A company as it reads mid-sentence, with "the" where English needs it."""
    name = company_name(company)
    if _NEEDS_THE.search(name) and not re.match(r"^(the\b|\S+'s\b)", name, re.I):
        return f"the {name}"
    return name


def role_title(title: str | None) -> str:
    """A job title without course codes or emoji ("ACCY303: … - Teaching Assistant" → the role)."""
    title = strip_emoji(title)
    if ":" in title and " - " in title:
        title = title.rsplit(" - ", 1)[1]
    return title.strip(" -|,")


def headline_phrase(headline: str | None) -> str:
    """The first segment of a headline, without emoji ("Software Developer | …" → first part)."""
    first = re.split(r"\s[|•·]\s|\s\|\s?", strip_emoji(headline))[0]
    return first.strip(" -|,")


def school_name(school: str | None) -> str:
    """A school name as written, without emoji."""
    return strip_emoji(school)


def school_ref(school: str | None) -> str:
    """A school as it reads mid-sentence ("studied at the University of Lisbon")."""
    name = school_name(school)
    if _NEEDS_THE.search(name) and not re.match(r"^(the\b|\S+'s\b)", name, re.I):
        return f"the {name}"
    return name


def fold(text: str | None) -> str:
    """The common fold without punctuation either: the form names are compared in."""
    text = base_fold(text).replace("'", "").replace("&", " and ")
    return _WS.sub(" ", re.sub(r"[^\w]+", " ", text)).strip()


_SMALL = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
          8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}


def number_word(n: int) -> str:
    """Small numbers in words, as people write them in a note."""
    return _SMALL.get(n, str(n))


def span_words(months: int | None) -> str:
    """A duration as a person would say it: "a few months", "over two years"."""
    if months is None or months < 1:
        return ""
    if months < 3:
        return "a couple of months"
    if months < 12:
        return f"{number_word(months)} months"
    years, rest = divmod(months, 12)
    if years == 1:
        return "about a year" if rest < 4 else "over a year" if rest < 9 else "almost two years"
    if rest >= 9:
        return f"almost {number_word(years + 1)} years"
    return f"{number_word(years)} years" if rest < 3 else f"over {number_word(years)} years"
