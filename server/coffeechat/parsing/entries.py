"""Reading one experience, education or language entry from its lines of text.

Since 2021 LinkedIn's entries are a stack of unlabelled lines (title, "Company · Full-time",
"May 2021 - Present · 11 mos", location), so they are read by what each line looks like and
where it sits, not by class names: the same code serves 2021–2025 and 2026 pages.
"""

from bs4 import Tag

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.dates import duration_months, is_shown_duration, split_date_range
from coffeechat.parsing.text import clean, clean_block, lines

Line = tuple[Tag, str]


def is_duration(text: str) -> bool:
    """Whether a line is only a duration ("10 mos", "2 yrs 9 mos")."""
    return duration_months(text) is not None


def company_duration(text: str | None) -> dict | None:
    """A company line's total as shown and in months ({"text": "5 yrs 3 mos", "months": 63});
    "less than a year" keeps its text, with months None."""
    text = clean(text)
    if not text or not is_shown_duration(text):
        return None
    return {"text": text, "months": duration_months(text)}


def split_company(text: str) -> tuple[str | None, str | None]:
    """"Gantry · Full-time" → ("Gantry", "Full-time"); "Full-time" alone → (None, "Full-time")."""
    parts = [p for p in sel.LINE_SEPARATOR.split(text.strip()) if p]
    if len(parts) == 1 and parts[0].casefold() in sel.EMPLOYMENT_TYPES:
        return None, parts[0]
    if len(parts) >= 2 and parts[-1].casefold() in sel.EMPLOYMENT_TYPES:
        return clean(" · ".join(parts[:-1])), parts[-1]
    return clean(text), None


def is_work_mode(text: str) -> bool:
    """Whether a line only says how the job is done ("Remote", "Hybrid", "Presencial")."""
    return text.strip().casefold() in sel.WORK_MODES


def location_of(text: str | None) -> str | None:
    """The location in a line ("Paris, France · Hybrid" → "Paris, France"), else None."""
    if not text or "\n" in text or len(text) > 90 or sel.LABELLED_LINE.match(text):
        return None
    parts = [p for p in sel.LINE_SEPARATOR.split(text) if p.casefold() not in sel.WORK_MODES]
    place = clean(" · ".join(parts))
    if not place or split_date_range(place) or is_duration(place) or place.endswith("."):
        return None
    return place if len(place.split()) <= 10 else None


def experience_entry(header: list[str], description: str | None = None,
                     group: dict | None = None) -> dict | None:
    """One role from its header lines; `group` carries a company heading several roles."""
    group = group or {}
    date_at = next((i for i, text in enumerate(header) if split_date_range(text)), None)
    if date_at is None or date_at == 0:
        return None
    dates = split_date_range(header[date_at])
    before, after = header[:date_at], header[date_at + 1:]
    if dates["duration"] is None and after and is_duration(after[0]):
        dates["duration"] = after.pop(0)
    company, employment_type = None, None
    for i, text in enumerate(before[1:]):
        found_company, found_type = split_company(text)
        if i == 0 and found_company is None and not group:
            # A role of its own always shows its company under the title ("Company" or
            # "Company · Full-time"); a lone type word is a company named like one
            # ("Freelance"). Only roles under a company heading show the type alone.
            found_company, found_type = clean(text), None
        company = company or found_company
        employment_type = employment_type or found_type
    if group.get("company"):
        company = group["company"]
    after = [text for text in after if not is_work_mode(text)]
    location = location_of(after[0]) if after else None
    extra = after[1:] if location else after
    if extra and not description:
        description = "\n".join(extra)
    entry = {
        "title": clean(before[0]),
        "company": company,
        "employment_type": employment_type or group.get("employment_type"),
        "date_range": dates["date_range"],
        "start": dates["start"],
        "end": dates["end"],
        "duration": dates["duration"],
        "location": location or group.get("location"),
        "description": description or None,
    }
    return with_company_duration(entry, group.get("company_duration"))


def with_company_duration(role: dict, total: dict | None) -> dict:
    """The role with its company's total tenure, when LinkedIn groups it under the company."""
    if total:
        role["company_duration"] = total
    return role


def group_heading(header: list[str]) -> dict:
    """Company, shared location and employment type from the heading of grouped roles."""
    group: dict = {"company": clean(header[0]) if header else None}
    for text in header[1:]:
        parts = sel.LINE_SEPARATOR.split(text)
        types = [p for p in parts if p.casefold() in sel.EMPLOYMENT_TYPES]
        totals = [company_duration(p) for p in parts if company_duration(p)]
        if types or (totals and len(totals) + len(types) == len(parts)):
            if types:  # "Full-time · 2 yrs 9 mos": the type applies to every role
                group.setdefault("employment_type", types[0])
            if totals:  # "2 yrs 9 mos": the time at the company, across its roles
                group.setdefault("company_duration", totals[0])
        elif "location" not in group and location_of(text):
            group["location"] = location_of(text)
    return group


def education_record(school: str | None, degree: str | None, field: str | None, dates: dict | None) -> dict:
    """One education item in the result's shape; ``dates`` as split_date_range gives them (or None)."""
    dates = dates or {}
    return {"school": school, "degree": degree, "field_of_study": field,
            "date_range": dates.get("date_range"), "start": dates.get("start"), "end": dates.get("end")}


def education_entry(header: list[str]) -> dict | None:
    """One school from its header lines: school, degree line(s), dates."""
    if not header:
        return None
    date_at = next((i for i, text in enumerate(header) if split_date_range(text)), None)
    middle = header[1:date_at] if date_at is not None else header[1:]
    middle = [text for text in middle if not sel.LABELLED_LINE.match(text)]
    degree = field = None
    if len(middle) >= 2:
        degree, field = middle[0], middle[1]
    elif middle:
        degree, _, field = middle[0].partition(", ")
    dates = split_date_range(header[date_at]) if date_at is not None else None
    return education_record(clean(header[0]), clean(degree), clean(field), dates)


def language_entry(texts: list[str]) -> dict | None:
    """{language, proficiency} from a language item's lines."""
    if not texts:
        return None
    return {"language": clean(texts[0]), "proficiency": clean(texts[1]) if len(texts) > 1 else None}


def _common_ancestor(a: Tag, b: Tag) -> Tag | None:
    """The lowest element containing both a and b."""
    seen = {id(a)} | {id(p) for p in a.parents}
    if id(b) in seen:
        return b
    return next((p for p in b.parents if id(p) in seen), None)


def _within(element: Tag, block: Tag) -> bool:
    """Whether element is block or inside it."""
    return element is block or any(p is block for p in element.parents)


def split_header(item_lines: list[Line]) -> tuple[list[str], str | None]:
    """Header lines (title … location) and the description below them.

    The header is the smallest block holding the first line and the date line; the
    description lives outside it on every generation since 2021.
    """
    if not item_lines:
        return [], None
    date_at = next((i for i, (_, t) in enumerate(item_lines) if split_date_range(t)), None)
    if date_at is None:
        link = item_lines[0][0].find_parent("a")
        block = link if link is not None else None
    else:
        block = _common_ancestor(item_lines[0][0], item_lines[date_at][0])
    if block is None:
        # No dates and no link: the entry's own lines are those not in a nested list item
        # (2021–2025 put descriptions and "Activities and societies" in sub-lists).
        own = item_lines[0][0].find_parent("li")
        header = [t for el, t in item_lines if el.find_parent("li") is own]
        rest = [t for el, t in item_lines if el.find_parent("li") is not own
                and not sel.LABELLED_LINE.match(t)]
        return header, "\n".join(rest) or None
    header = [t for el, t in item_lines if _within(el, block)]
    rest_lines = [(el, t) for el, t in item_lines if not _within(el, block)
                  and not sel.LABELLED_LINE.match(t)]
    if date_at is not None and rest_lines and not location_of(header[-1]) and \
            location_of(rest_lines[0][1]) and rest_lines[0][0].find_parent("li") is \
            item_lines[0][0].find_parent("li"):
        # 2022 details pages show a role's place just after its linked title and dates.
        header.append(rest_lines.pop(0)[1])
    rest = [t for _, t in rest_lines]
    return header, "\n".join(rest) or None


def experience_from_item(item: Tag, role_items: list[Tag]) -> list[dict]:
    """Roles of one experience item; `role_items` are its nested role elements, if grouped."""
    if not role_items:
        header, description = split_header(lines(item))
        entry = experience_entry(header, description)
        return [entry] if entry else []
    role_ids = {id(role) for role in role_items}
    heading = [t for el, t in lines(item)
               if not any(id(p) in role_ids for p in [el, *el.parents])]
    group = group_heading(heading)
    roles = []
    for role in role_items:
        header, description = split_header(lines(role))
        entry = experience_entry(header, description, group)
        if entry:
            roles.append(entry)
    return roles


def about_text(section: Tag, heading: Tag | None) -> str | None:
    """The About text: the section's lines without its heading, paragraphs kept."""
    return about_from_lines([t for el, t in lines(section)
                             if heading is None or not _within(el, heading)])


def about_from_lines(texts: list[str]) -> str | None:
    """About text from its lines, up to the "Top skills" label that follows it."""
    end = next((i for i, text in enumerate(texts) if sel.TOP_SKILLS_LABEL.match(text)), len(texts))
    return clean_block("\n".join(texts[:end]))
