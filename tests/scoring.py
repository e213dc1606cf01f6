"""How much of each real page the parser reads: the scored layer of the fixtures.

`python -m bench.parse_score [DIR] [--json]` runs it. DIR holds NAME.html + NAME.expected.json
(hand-checked ground truth), in it or in its sub-folders (default tests/fixtures/pages, where
the real shared pages carry one). Pages are parsed without their capture address, as the
ground truth was written from the page alone.
Only what an expected file states is scored: a scalar field scores 1 or 0, a list field the F1 of matched
items (recall only when the file says `<field>_complete: false`, since the page shows more
than the file lists). Text matches ignoring case and runs of whitespace; profile addresses
match when they name the same person. A fixture's score is the mean of its fields; the
overall score is the mean of the fixtures.
"""

import argparse
import hashlib
import json
import re
from pathlib import Path
from typing import Any, Callable

from coffeechat.parsing import ParseError, parse_page
from coffeechat.parsing.urls import canonical_profile_url

DEFAULT_DIR = Path(__file__).resolve().parent / "fixtures" / "pages"

# Fields of each result kind that an expected file may state, and how list items are matched.
SCALARS = ("full_name", "headline", "location", "about", "connection_degree", "profile_url",
           "member_urn", "photo_url", "company_name", "tagline", "industry", "company_size",
           "headquarters", "website", "founded")
ITEM_KEYS = {
    "experience": ("title", "company", "date_range", "location"),
    "education": ("school", "degree", "field_of_study", "date_range"),
    "languages": ("language", "proficiency"),
    "results": ("full_name", "profile_url", "headline", "location", "connection_degree"),
}
STRING_LISTS = ("skills", "specialties")
_WS = re.compile(r"\s+")
_CLASS_ATTRIBUTE = re.compile(r"""(\sclass\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


def hash_classes(html: str) -> str:
    """The page as a layout shift would draw it: every class name a meaningless hash.

    A token always becomes the same hash, so elements that shared a class still do.
    """
    def token(name: str) -> str:
        return "x" + hashlib.md5(name.encode()).hexdigest()[:7]

    def attribute(m: re.Match) -> str:
        names = next(g for g in m.groups()[1:] if g is not None).split()
        return f'{m.group(1)}"{" ".join(map(token, names))}"'

    return _CLASS_ATTRIBUTE.sub(attribute, html)


def norm(value: Any) -> Any:
    """Comparable form: case-folded text with whitespace collapsed; profile URLs canonical."""
    if isinstance(value, str):
        return canonical_profile_url(value) or _WS.sub(" ", value).strip().casefold() or None
    return value


def _item_matches(got: dict, want: dict, keys: tuple[str, ...]) -> bool:
    """Whether a parsed item agrees with an expected one on every key the expectation states."""
    return all(norm(got.get(k)) == norm(want.get(k)) for k in keys if k in want)


def score_list(got: list, want: list, keys: tuple[str, ...] | None, complete: bool) -> dict:
    """Greedy one-to-one matching; F1, or recall when the expectation is partial."""
    unmatched = list(got or [])
    matched = 0
    for item in want:
        for i, candidate in enumerate(unmatched):
            same = (_item_matches(candidate, item, keys) if keys and isinstance(candidate, dict)
                    else norm(candidate) == norm(item))
            if same:
                matched += 1
                del unmatched[i]
                break
    if not want:
        score = 1.0 if not got else 0.0
    elif not complete:
        score = matched / len(want)
    else:
        precision = matched / len(got) if got else 0.0
        recall = matched / len(want)
        score = 2 * precision * recall / (precision + recall) if matched else 0.0
    return {"got": matched, "expected": len(want), "parsed": len(got or []), "score": score}


def expected_results(expected: dict) -> list[dict]:
    """Search results a parser should return: anonymous "LinkedIn Member" cards are not people."""
    return [r for r in expected.get("results", []) if r.get("profile_url")]


def score_fixture(result: dict | None, expected: dict) -> dict[str, dict]:
    """Per-field scores of one parse against its expected file."""
    fields: dict[str, dict] = {}
    result = result or {}
    for name in SCALARS:
        if name in expected:
            ok = norm(result.get(name)) == norm(expected[name])
            fields[name] = {"got": int(ok), "expected": 1, "score": float(ok)}
    if isinstance(expected.get("current"), dict):
        current = result.get("current") or {}
        want = expected["current"]
        ok = sum(norm(current.get(k)) == norm(v) for k, v in want.items())
        fields["current"] = {"got": ok, "expected": len(want), "score": ok / max(len(want), 1)}
    for name, keys in ITEM_KEYS.items():
        if name in expected:
            want = expected_results(expected) if name == "results" else expected[name]
            complete = expected.get(f"{name}_complete", True) is not False
            fields[name] = score_list(result.get(name) or [], want, keys, complete)
    for name in STRING_LISTS:
        if name in expected:
            complete = expected.get(f"{name}_complete", True) is not False
            fields[name] = score_list(result.get(name) or [], expected[name], None, complete)
    return fields


def score_page(html_path: Path, expected: dict, transform: Callable[[str], str] | None = None) -> dict:
    """Score of one page against its ground truth; `transform` rewrites the HTML first."""
    html = html_path.read_text(encoding="utf-8")
    error = None
    try:
        result = parse_page(transform(html) if transform else html)
    except ParseError as exc:
        result, error = None, str(exc)
    fields = score_fixture(result, expected)
    total = sum(f["score"] for f in fields.values()) / len(fields) if fields else 0.0
    return {"score": total, "error": error, "fields": fields}


def score_dir(directory: Path, transform: Callable[[str], str] | None = None) -> dict:
    """Scores of every page with a ground truth in a directory and its sub-folders."""
    fixtures = {}
    for expected_path in sorted(directory.rglob("*.expected.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        html_path = expected_path.with_name(expected_path.name.replace(".expected.json", ".html"))
        if html_path.exists():
            fixtures[html_path.name] = score_page(html_path, expected, transform)
    overall = (sum(f["score"] for f in fixtures.values()) / len(fixtures)) if fixtures else 0.0
    return {"directory": str(directory), "overall": overall, "fixtures": fixtures}


def render(report: dict) -> str:
    """The report as a table a person reads."""
    out = []
    for name, fixture in report["fixtures"].items():
        out.append(f"{name}: {fixture['score']:.3f}" + (f"  ERROR {fixture['error']}"
                                                        if fixture["error"] else ""))
        for field, s in fixture["fields"].items():
            mark = "" if s["score"] == 1 else "   <--"
            out.append(f"    {field:<18} {s['got']:>3}/{s['expected']:<3} {s['score']:.3f}{mark}")
    out.append(f"overall: {report['overall']:.3f} over {len(report['fixtures'])} fixtures")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Command line: score a directory, print a table or JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.parse_score", description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--hash-classes", action="store_true",
                        help="replace every class name with a meaningless hash first")
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        parser.error(f"{args.directory} is not a directory")
    report = score_dir(args.directory, hash_classes if args.hash_classes else None)
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0


