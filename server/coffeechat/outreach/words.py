"""Small English helpers for drafts: articles by sound, lists, months, ordinals, days in words."""

import re
from datetime import date

_MONTHS = "January February March April May June July August September October November December".split()
# Acronyms read letter by letter: these letters start with a vowel sound ("an ML engineer").
_VOWEL_LETTERS = set("AEFHILMNORSX")
# Words spelt with a vowel that start with a consonant sound, and the reverse.
_YOU_SOUND = re.compile(r"^(uni|use|usa|usu|uti|uro|ure|eu|one\b|once\b|ux\b|ui\b)", re.I)
_SILENT_H = re.compile(r"^(hour|honest|honou?r|heir)", re.I)


def article(phrase: str) -> str:
    """ "a" or "an" by the sound of the phrase's first word."""
    word = (phrase or "").strip().split(" ")[0].strip("\"'(")
    if not word:
        return "a"
    letters = re.sub(r"[^A-Za-z]", "", word)
    if letters.isupper() and 1 < len(letters) <= 5 and letters not in {"UNESCO", "NASA", "NATO"}:
        return "an" if letters[0] in _VOWEL_LETTERS else "a"
    if _YOU_SOUND.match(word):
        return "a"
    if _SILENT_H.match(word):
        return "an"
    return "an" if word[:1].lower() in "aeiou" else "a"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_and(items: list[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def month_year(value: str | None) -> str:
    """ "2021-05" → "May 2021"; a year stays a year."""
    if value and len(value) >= 7 and value[5:7].isdigit():
        return f"{_MONTHS[int(value[5:7]) - 1]} {value[:4]}"
    return (value or "")[:4]


def ordinal(n: int | None) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}.get(n or 0, "")


def day_words(day: date | None, today: date) -> str:
    """When something happened, as people say it: "today", "yesterday", "on Tuesday", "last week".

    "" when it is longer ago or unknown: the sentence then names no day rather than a wrong one.
    """
    if day is None or day > today:
        return ""
    gap = (today - day).days
    if gap == 0:
        return "today"
    if gap == 1:
        return "yesterday"
    if gap < 7:
        return f"on {day.strftime('%A')}"
    if gap < 14:
        return "last week"
    if gap < 21:
        return "two weeks ago"
    if gap < 60:
        return "a few weeks ago"
    return f"in {day.strftime('%B')}" if gap < 300 else ""
