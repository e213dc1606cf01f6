"""Small text helpers shared by the profile strategies: whitespace, hidden text, lines."""

import re

from bs4 import Comment, NavigableString, Tag

from coffeechat.parsing import selectors as sel
from coffeechat.text import fold as _fold

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2009\u200a\u202f\u2028]+")
_WS = re.compile(r"\s+")


def clean(text: str | None) -> str | None:
    """Collapse every run of whitespace to one space; None when nothing is left."""
    if not text:
        return None
    text = _WS.sub(" ", text).strip()
    return text or None


def clean_block(text: str | None) -> str | None:
    """Collapse spaces inside lines, drop empty lines, keep one newline between paragraphs."""
    if not text:
        return None
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    joined = "\n".join(line for line in lines if line)
    return joined or None


def is_hidden(tag: Tag) -> bool:
    """Whether a tag holds screen-reader or control text that is not page content."""
    if tag.name in sel.HIDDEN_TAGS:
        return True
    classes = tag.get("class")
    return bool(classes) and not sel.HIDDEN_CLASSES.isdisjoint(classes)


def lines(root: Tag) -> list[tuple[Tag, str]]:
    """Visible text of `root` as (element, text) lines in document order.

    A line is the text an element holds directly, with inline tags (<time>, <strong>…) flowing
    into it and <br> kept as a newline; hidden duplicates and controls are skipped, so doubled
    aria-hidden/visually-hidden text comes out once.
    """
    order: list[Tag] = []
    parts: dict[int, list[str]] = {}

    def walk(node: Tag, container: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if isinstance(child, Comment) or not child.strip():
                    continue
                key = id(container)
                if key not in parts:
                    parts[key] = []
                    order.append(container)
                parts[key].append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    parts.get(id(container), []).append("\n")
                elif is_hidden(child):
                    continue
                elif child.name in sel.INLINE_TAGS or "-" in child.name or _glued(child):
                    walk(child, container)
                else:
                    walk(child, child)

    walk(root, root)
    out = []
    for element in order:
        text = clean_block("".join(parts[id(element)]))
        if text:
            out.append((element, text))
    return out


def _glued(tag: Tag) -> bool:
    """Whether a text-only element sits inside a word ("<span>Automatizado</span>r"): what
    other extensions' highlights look like (custom elements, with a hyphen in their name, are
    inline too). LinkedIn glues its own lines only at a digit ("Present<span>2 months")."""
    before, after = tag.previous_sibling, tag.next_sibling
    letter_before = isinstance(before, NavigableString) and before[-1:].isalpha()
    letter_after = isinstance(after, NavigableString) and after[:1].isalpha()
    if not (letter_before or letter_after) or tag.find(True) is not None:
        return False  # the common case, decided without reading the element's text
    text = tag.get_text()
    return (letter_before and text[:1].isalpha()) or (letter_after and text[-1:].isalpha())


def text_of(tag: Tag | None) -> str | None:
    """The visible text of a tag on one line."""
    if tag is None:
        return None
    return clean(" ".join(text for _, text in lines(tag)))


def class_text(root: Tag, classes: tuple[str, ...]) -> str | None:
    """Visible text of the first descendant with one of these classes."""
    return text_of(find_class(root, classes))


def block_text_of(tag: Tag | None) -> str | None:
    """The visible text of a tag with its line breaks kept (About, descriptions)."""
    if tag is None:
        return None
    return clean_block("\n".join(text for _, text in lines(tag)))


def fold(text: str) -> str:
    """Headings and labels in the form they are compared in (coffeechat.text.fold)."""
    return _fold(text)


def has_class(tag: Tag, classes: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether a tag has any of these class tokens."""
    own = tag.attrs.get("class")
    return bool(own) and any(token in classes for token in own)


def find_all_class(root: Tag | None, classes: tuple[str, ...]) -> list[Tag]:
    """Descendants with any of these class tokens, in document order.

    A plain walk: an order of magnitude faster than soupsieve's select() on these pages.
    """
    if root is None:
        return []
    return [el for el in root.descendants if isinstance(el, Tag) and has_class(el, classes)]


def find_class(root: Tag | None, classes: tuple[str, ...]) -> Tag | None:
    """The first descendant with any of these class tokens."""
    if root is None:
        return None
    return next((el for el in root.descendants
                 if isinstance(el, Tag) and has_class(el, classes)), None)
