"""The one text fold: the form in which the parser, drafts and insights compare words."""

import re
import unicodedata

_WS = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Case-folded, without accents, with one kind of apostrophe and single spaces ("Nível  Avançado" → "nivel avancado")."""
    text = unicodedata.normalize("NFKD", (text or "").replace("’", "'").replace("ł", "l").replace("Ł", "L"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WS.sub(" ", text.casefold()).strip()
