"""Date ranges and durations as LinkedIn shows them, in the interface languages users meet.

`split_date_range("May 2021 - Present · 11 mos")` keeps the shown text (`date_range`,
`duration`) and adds normalized `start`/`end` ("YYYY-MM" or "YYYY"; `end` None while ongoing).
"""

import re
from datetime import date
from functools import lru_cache

from coffeechat.text import fold as _fold  # vocabulary lookups compare folded words

# Month names and abbreviations, compared after `_fold` (lower case, accents and dots gone).
# EN, PT, ES, FR, DE, PL (nominative and genitive), plus IT and NL, which cost nothing.
_MONTH_WORDS: dict[int, str] = {
    1: "jan january janeiro ene enero janv janvier januar jan jaenner janner sty styczen stycznia"
    " gen gennaio januari",
    2: "feb february fev fevereiro febrero fevr fevrier februar lut luty lutego febbraio februari",
    3: "mar march marco marzo mars maerz marz marzec marca mrt maart",
    4: "apr april abr abril avr avril kwi kwiecien kwietnia aprile",
    5: "may mai maio mayo maj maja mag maggio mei",
    6: "jun june junho junio juin juni cze czerwiec czerwca giu giugno",
    7: "jul july julho julio juil juillet juli lip lipiec lipca lug luglio",
    8: "aug august ago agosto aout sie sierpien sierpnia augustus",
    9: "sep sept september set setembro septiembre setiembre septembre wrz wrzesien wrzesnia"
    " settembre",
    10: "oct october out outubro octubre octobre okt oktober paz pazdziernik pazdziernika ott"
    " ottobre",
    11: "nov november novembro noviembre novembre lis listopad listopada",
    12: "dec december dez dezembro dic diciembre decembre dezember gru grudzien grudnia dicembre",
}
_MONTHS = {word: num for num, words in _MONTH_WORDS.items() for word in words.split()}

# Words LinkedIn puts where an ongoing role's end date would be, folded like month names.
_PRESENT = {
    "present", "current", "now", "today",
    "o momento", "momento", "presente", "atual", "atualmente", "hoje",
    "actualidad", "la actualidad", "actual", "actualmente", "hoy", "ahora",
    "aujourd'hui", "auj", "a ce jour", "maintenant",
    "heute", "bis heute", "jetzt", "derzeit", "gegenwart",
    "obecnie", "dzis", "teraz", "nadal",
    "oggi", "attuale", "heden", "nu",
}

# Duration units: years, then months (folded; a trailing dot is dropped before lookup).
_YEAR_UNITS = {"yr", "yrs", "year", "years", "ano", "anos", "an", "ans", "jahr", "jahre",
               "jahren", "j", "rok", "roku", "lata", "lat", "anno", "anni", "jaar", "jr"}
_MONTH_UNITS = {"mo", "mos", "month", "months", "mes", "meses", "mois", "monat", "monate",
                "monaten", "mon", "mte", "mies", "miesiac", "miesiace", "miesiecy", "mese",
                "mesi", "maand", "maanden", "mnd", "m"}
_LESS_THAN_A_YEAR = {"less than a year", "menos de um ano", "menos de un ano", "moins d'un an",
                     "weniger als ein jahr", "mniej niz rok", "meno di un anno",
                     "minder dan een jaar"}

_WS = re.compile(r"\s+")
_YEAR = re.compile(r"(?:19|20)\d\d")
# "·" / "•" separate the range from the duration on every generation since 2019.
_DOT_SPLIT = re.compile(r"\s*[·•‧∙]\s*")
# Hyphen, en/em dash, minus, and the word "to" or its translations between two dates.
_RANGE_SEP = re.compile(
    r"\s*[-‐‑‒–—―−]\s*|\s+(?:to|a|até|ate|hasta|al|au|à|bis|do|tot|al)\s+", re.I)
_DATE = re.compile(
    r"(?:(?P<month>[^\W\d_]+)\.?(?:\s+de)?\s+|(?P<mnum>\d{1,2})[./])?"
    r"(?P<year>(?:19|20)\d\d)")
_PAREN_TAIL = re.compile(r"\s*\(([^()]*)\)$")
_DURATION_TAIL = re.compile(r"\s+(\d+\s*[^\W\d_].*)$")
_DURATION_PART = re.compile(r"(\d+)\s*([^\W\d_]+)\.?")
_CONNECTORS = re.compile(r"\s*(?:,|\band\b|\be\b|\by\b|\bet\b|\bund\b|\bi\b|\ben\b)\s*")


def _parse_date(text: str) -> str | None:
    """Normalize one side of a range ("Mar 2020", "jan. de 2020", "2019") to YYYY-MM / YYYY."""
    m = _DATE.fullmatch(_fold(text).strip(" ."))
    if not m:
        return None
    if m.group("mnum"):
        month = int(m.group("mnum"))
        return f"{m.group('year')}-{month:02d}" if 1 <= month <= 12 else None
    if m.group("month"):
        month = _MONTHS.get(m.group("month"))
        return f"{m.group('year')}-{month:02d}" if month else None
    return m.group("year")


def _is_present(text: str) -> bool:
    """Whether the end side says the role is ongoing ("Present", "o momento", "heute"…)."""
    return _fold(text).strip(" .") in _PRESENT


def duration_months(text: str) -> int | None:
    """Months in a shown duration ("1 yr 2 mos" → 14, "2 anos 3 meses" → 27), else None."""
    folded = _fold(text or "").strip(" .·")
    if not folded or folded in _LESS_THAN_A_YEAR:
        return None
    rest = _CONNECTORS.sub(" ", folded)
    total, pos, found = 0, 0, False
    for m in _DURATION_PART.finditer(rest):
        if rest[pos:m.start()].strip():
            return None
        unit = m.group(2)
        if unit in _YEAR_UNITS:
            total += 12 * int(m.group(1))
        elif unit in _MONTH_UNITS:
            total += int(m.group(1))
        else:
            return None
        pos, found = m.end(), True
    return total if found and not rest[pos:].strip(" .") else None


def is_shown_duration(text: str) -> bool:
    """Whether text is a duration as shown, including "less than a year"."""
    return duration_months(text) is not None or _fold(text).strip(" .") in _LESS_THAN_A_YEAR


def split_date_range(text: str) -> dict | None:
    """Split "May 2021 - Present · 11 mos" into date_range, duration, start, end; else None."""
    # Cheap refusals first: 2026 pages call this on every line of text.
    if not isinstance(text, str) or len(text) > 120 or not _YEAR.search(text):
        return None
    split = _split_duration(_WS.sub(" ", text.replace("\xa0", " ")).strip())
    if split is None:
        return None
    shown, duration = split
    sides = _RANGE_SEP.split(shown, maxsplit=1)
    start = _parse_date(sides[0])
    if start is None:
        return None
    if len(sides) == 1:
        end: str | None = start  # a single date ("2019") is both ends of the range
    elif _is_present(sides[1]) or not sides[1].strip():
        end = None  # ongoing; a bare trailing dash ("2020 –") is an open range too
    else:
        end = _parse_date(sides[1])
        if end is None:
            return None
    return {"date_range": shown.strip(), "duration": duration, "start": start, "end": end}


def _split_duration(shown: str) -> tuple[str, str | None] | None:
    """(range text, duration text or None); None when something else follows the range."""
    parts = _DOT_SPLIT.split(shown)
    if len(parts) == 2 and is_shown_duration(parts[1]):
        return parts[0], parts[1].strip()
    if len(parts) != 1:
        return None
    paren = _PAREN_TAIL.search(shown)
    if paren and is_shown_duration(paren.group(1)):  # public 2016: "May 2012 – Present (4 years)"
        return shown[:paren.start()], paren.group(1).strip()
    tail = _DURATION_TAIL.search(shown)
    # Pages that drop the "·" still end with the duration ("Sep 2018 – Present 4 mos").
    while tail and not is_shown_duration(tail.group(1)):
        tail = _DURATION_TAIL.search(shown, tail.start() + 1)
    return (shown[:tail.start()], tail.group(1).strip()) if tail else (shown, None)


def looks_like_date_range(text: str) -> bool:
    """Whether a line of page text is a date range (with or without a duration)."""
    return split_date_range(text) is not None


@lru_cache(maxsize=4096)  # a few hundred distinct months, read for every role of every person
def month_index(value: str, *, at_end: bool = False) -> int | None:
    """Months since year 0 for "YYYY-MM" / "YYYY" (a bare year counts from Jan, or to Dec)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value or "")
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else (12 if at_end else 1)
    return int(m.group(1)) * 12 + month - 1


def months_between(start: str | None, end: str | None, today: date | None = None) -> int | None:
    """Months a role lasted, counted like LinkedIn (both ends inclusive); end None = ongoing."""
    first = month_index(start or "", at_end=False)
    if first is None:
        return None
    if end is None:
        today = today or date.today()
        last = today.year * 12 + today.month - 1
    else:
        last = month_index(end, at_end=True)
        if last is None:
            return None
    return max(last - first + 1, 0)
