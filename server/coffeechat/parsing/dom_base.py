"""The common base of the DOM readers: one class per page generation, section dispatch written once.

A reader says which pages it knows (`MARKERS`, class tokens or "@attribute" names of the profile
part) and how it reads the top card and each section; `parse` walks the page's parts and keeps
what each method returned. A section's method runs only when the page has that section, and a
field the top card already gave (2018 keeps About there) is not overwritten by an empty one.
"""

from bs4 import Tag

from coffeechat.parsing.page import Page

SECTIONS = ("about", "experience", "education", "skills", "languages")


class DomReader:
    """One page generation's DOM: override the parts it draws."""

    NAME = "dom"
    MARKERS: frozenset[str] = frozenset()

    def applies(self, page: Page) -> bool:
        """Whether the page carries this generation's markers."""
        return page.has_marker(self.MARKERS)

    def topcard(self, card: Tag) -> dict:
        """Name, headline, location, degree, photo (and whatever else the card shows)."""
        return {}

    def about(self, section: Tag) -> str | None:
        """The About text, paragraphs kept."""
        return None

    def experience(self, section: Tag) -> list[dict] | None:
        """Roles in page order; grouped roles flattened, each with its company."""
        return None

    def education(self, section: Tag) -> list[dict] | None:
        """Schools with degree, field of study and dates."""
        return None

    def skills(self, section: Tag) -> list[str] | None:
        """Skill names, once each, in page order."""
        return None

    def languages(self, section: Tag) -> list[dict] | None:
        """{language, proficiency} items."""
        return None

    def parse(self, page: Page) -> dict:
        """Every field this generation reads from the page (nothing when it does not apply)."""
        if not self.applies(page):
            return {}
        return self.read(page)

    def read(self, page: Page, wanted: frozenset[str] | None = None) -> dict:
        """The top card's fields, then each section's, without the markers check; only the
        `wanted` parts ("topcard" and section names) when given."""
        out: dict = {}
        if page.topcard is not None and (wanted is None or "topcard" in wanted):
            out.update({k: v for k, v in self.topcard(page.topcard).items() if v is not None})
        for key in SECTIONS:
            section = page.sections.get(key)
            if section is None or out.get(key) or (wanted is not None and key not in wanted):
                continue
            value = getattr(self, key)(section)
            if value is not None:
                out[key] = value
        return out
