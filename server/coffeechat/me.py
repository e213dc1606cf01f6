"""The user's own profile ("me"): what drafts and notes know about the person writing them."""

from typing import Any

from coffeechat.errors import BadInput

PERSONAS = ("explorer", "recruiter")
TONES = ("warm", "concise", "formal")
TIME_ASKS = (15, 20)
# Connection-note length LinkedIn allows per account type.
NOTE_LIMITS = {"free": 200, "premium": 300}

DEFAULT_ME: dict[str, Any] = {
    "name": "",
    "current_role": "",
    "goal": "",
    "persona": "explorer",
    "schools": [],
    "employers": [],
    "city": "",
    "skills": [],
    "languages": [],
    "signature": "",
    "tone": "warm",
    "time_ask": 15,
    "linkedin_account": "free",
    # A recruiter's company and the honest reason they are getting to know people
    # ("our data platform team, likely hiring next year"): first messages say both.
    "company": "",
    "recruiting_for": "",
    # Where the user landed ("a UX research role at Acme"), once they have: keep-in-touch drafts
    # then tell the people who helped, as the etiquette asks.
    "landed": "",
}

TEXT_LIMITS = {"name": 120, "current_role": 160, "goal": 240, "city": 120, "signature": 400, "landed": 160,
                "company": 120, "recruiting_for": 200}
_MAX_SIGNATURE_LINES = 6
_LIST_KEYS = ("schools", "employers", "skills", "languages")
MAX_ITEMS, MAX_ITEM_CHARS = 60, 160
_CHOICES: dict[str, tuple] = {
    "persona": PERSONAS, "tone": TONES, "linkedin_account": tuple(NOTE_LIMITS),
}

# Which missing fact would improve drafts, and how to say so; order = most useful first.
MISSING_FACT_HINTS: dict[str, str] = {
    "name": "Add your name in Settings so drafts can be signed.",
    "goal": "Add your goal in Settings (e.g. \"move from teaching into UX research\") "
            "so drafts say why you are reaching out.",
    "schools": "Add your school(s) in Settings to find shared schools.",
    "employers": "Add your past and present employers in Settings to find shared employers.",
    "city": "Add your city in Settings to mention when you live in the same place.",
    "current_role": "Add your current role in Settings so drafts can introduce you.",
    "skills": "Add your skills in Settings to find skills you share.",
    "languages": "Add the languages you speak in Settings to find shared languages.",
    "company": "Add your company in Settings: people answer a recruiter who says where they work.",
    "recruiting_for": "Add what you're recruiting for in Settings (e.g. \"our data platform team, likely "
                      "hiring next year\") so drafts give the honest reason.",
}


def _text(key: str, value: Any) -> str:
    """A trimmed string no longer than the key allows; the signature keeps its lines."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadInput(f"'{key}' must be text.")
    if key == "signature":
        lines = [" ".join(line.split()) for line in value.replace("\r", "").split("\n")]
        value = "\n".join(line for line in lines if line)
        if value.count("\n") >= _MAX_SIGNATURE_LINES:
            raise BadInput(f"'signature' has too many lines (at most {_MAX_SIGNATURE_LINES}).")
    else:
        value = " ".join(value.split())
    if len(value) > TEXT_LIMITS[key]:
        raise BadInput(f"'{key}' is too long (at most {TEXT_LIMITS[key]} characters).")
    return value


def _text_list(key: str, value: Any) -> list[str]:
    """A de-duplicated list of short strings; a string from a form holds one item per line.

    Lines, not commas: "University of California, Berkeley" is one school.
    """
    if value is None:
        return []
    if isinstance(value, str):
        value = value.replace("\r", "").split("\n")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadInput(f"'{key}' must be a list of text items.")
    items: list[str] = []
    for raw in value:
        item = " ".join(raw.split())
        if len(item) > MAX_ITEM_CHARS:
            raise BadInput(f"An item in '{key}' is too long (at most {MAX_ITEM_CHARS} characters).")
        if item and item.casefold() not in {i.casefold() for i in items}:
            items.append(item)
    if len(items) > MAX_ITEMS:
        raise BadInput(f"'{key}' has too many items (at most {MAX_ITEMS}).")
    return items


def _time_ask(value: Any) -> int:
    """15 or 20 minutes; "20" from a form is accepted."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or value not in TIME_ASKS:
        raise BadInput("'time_ask' must be 15 or 20 (minutes).")
    return int(value)


def normalize_me(data: dict[str, Any]) -> dict[str, Any]:
    """Validate the user's profile and fill in defaults; raise BadInput naming the bad key."""
    if not isinstance(data, dict):
        raise BadInput("Your profile must be a JSON object.")
    unknown = sorted(set(data) - set(DEFAULT_ME))
    if unknown:
        raise BadInput(f"Unknown key '{unknown[0]}' in your profile; "
                       f"known keys: {', '.join(DEFAULT_ME)}.")
    me = dict(DEFAULT_ME)
    for key, value in data.items():
        if key in TEXT_LIMITS:
            me[key] = _text(key, value)
        elif key in _LIST_KEYS:
            me[key] = _text_list(key, value)
        elif key == "time_ask":
            me[key] = DEFAULT_ME[key] if value is None else _time_ask(value)
        elif key in _CHOICES:
            choice = DEFAULT_ME[key] if value in (None, "") else value
            if choice not in _CHOICES[key]:
                raise BadInput(f"'{key}' must be one of: {', '.join(_CHOICES[key])}.")
            me[key] = choice
    for key in _LIST_KEYS:
        me[key] = list(me[key])
    return me


def missing_facts(me: dict[str, Any]) -> list[str]:
    """Keys of the user's profile that are empty but would make drafts more specific."""
    # A recruiter's drafts explain their purpose themselves; only an explorer needs a goal.
    skip = {"goal"} if me.get("persona") == "recruiter" else {"company", "recruiting_for"}
    return [key for key in MISSING_FACT_HINTS if not me.get(key) and key not in skip]


def missing_fact_hints(me: dict[str, Any]) -> list[str]:
    """One human sentence per missing fact, for the warnings of a draft response."""
    return [MISSING_FACT_HINTS[key] for key in missing_facts(me)]
