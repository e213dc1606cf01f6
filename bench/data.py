"""Realistic prospects for benchmarks: the shared fixtures' parsed shapes, varied, written as a store.

The expected parses of the shared profile fixtures (``tests/fixtures/pages/*/<name>.expected.json``)
give the shape of real records (about, 5-10 roles, schools, skills, languages); each generated
prospect takes one of them and changes the person, the companies, the dates and the user's own
fields, so the store holds 50,000 different people of about 3 KB each, not one record copied.
"""

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from coffeechat.model import CAPTURED_FIELDS, STAGES
from coffeechat.store import snapshot
from coffeechat.store.journal import SCHEMA_VERSION
from coffeechat.store.prospects import DB_FILE
from tests.fixture_pages import ground_truth

ROOT = Path(__file__).resolve().parents[1]  # the checkout: bench modules run as python -m from here

PROFILE_FIXTURES = ("profile-2018-self", "profile-2022-self", "profile-2026-first-degree", "public-2023")

FIRST = ("Ana Wei Olu Priya Jonas Mei Carlos Fatima Liam Sofia Kenji Amara Diego Lena Omar Chloe Ravi "
         "Ingrid Mateo Aisha Noah Yuki Pedro Zara Elif Tomasz Nia Hugo Leila Arjun").split()
LAST = ("Nguyen Garcia Okafor Sharma Müller Chen Silva Haddad Smith Rossi Tanaka Mensah Lopez Novak "
        "Khan Dubois Patel Berg Fernández Ali Cohen Sato Costa Ahmed Yilmaz Kowalski Adeyemi Moreau").split()
COMPANY_WORDS = ("Acme Northwind Globex Initech Umbrella Stark Wayne Hooli Pied Vandelay Tyrell Soylent "
                 "Cyberdyne Aperture Gringotts Monarch Oscorp Massive Dynamic Wonka Blue Sun").split()
COMPANY_KINDS = ("Labs", "Capital", "Health", "Systems", "Analytics", "Partners", "Foods", "Energy",
                 "Bank", "Studios", "Robotics", "Logistics", "University", "Consulting")
CITIES = ("San Francisco Bay Area", "New York, New York, United States", "London, England, United Kingdom",
          "Berlin, Germany", "Singapore", "Toronto, Ontario, Canada", "São Paulo, Brazil",
          "Bengaluru, Karnataka, India", "Paris, Île-de-France, France", "Austin, Texas, United States")
TAGS = ("fintech", "alumni", "design", "ml", "referral", "hiring", "product", "climate", "nyc", "mentor")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
START = datetime(2023, 1, 1, tzinfo=timezone.utc)
WORDS = ("built led data team product customers growth platform launched analytics research design "
         "scaled hiring strategy partners revenue markets cloud models support operations mentoring "
         "students projects finance audit reporting engineers quality security mobile payments").split()


def fixture_profiles() -> list[dict[str, Any]]:
    """The captured fields of each shared profile fixture, as its expected parse states them."""
    bases = []
    for name in PROFILE_FIXTURES:
        expected = ground_truth(name)
        bases.append({k: expected[k] for k in CAPTURED_FIELDS if k in expected})
    return bases


def company_pool(size: int = 3000, seed: int = 1) -> list[str]:
    """Company names shared between prospects, as real colleagues share employers."""
    rng = random.Random(seed)
    return [f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"
            for _ in range(size)]


def _role(item: dict[str, Any], rng: random.Random, companies: list[str], end_year: int | None) -> dict:
    start_year = (end_year or 2026) - rng.randint(1, 4)
    start_month, end_month = rng.randint(1, 12), rng.randint(1, 12)
    end_text = f"{MONTHS[end_month - 1]} {end_year}" if end_year else "Present"
    years = max(0, (end_year or 2026) - start_year)
    return {
        "title": item.get("title"),
        "company": rng.choice(companies),
        "employment_type": rng.choice((None, None, "Full-time", "Internship")),
        "date_range": f"{MONTHS[start_month - 1]} {start_year} - {end_text}",
        "start": f"{start_year}-{start_month:02d}",
        "end": f"{end_year}-{end_month:02d}" if end_year else None,
        "duration": f"{years} yrs {rng.randint(1, 11)} mos",
        "location": rng.choice(CITIES),
        # About a third of real roles carry a description; each person writes their own.
        "description": _sentences(rng, rng.randint(1, 3)) if rng.random() < 0.3 else None,
    }


def _sentences(rng: random.Random, count: int) -> str:
    return " ".join(" ".join(rng.choices(WORDS, k=rng.randint(8, 18))).capitalize() + "." for _ in range(count))


def prospect(i: int, base: dict[str, Any], rng: random.Random, companies: list[str]) -> dict[str, Any]:
    """Prospect number ``i``: ``base``'s shape with a different person, employers, dates and pipeline."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    slug = f"{first}-{last}-{i:06d}".lower()
    key = f"https://www.linkedin.com/in/{slug}/"
    end_year: int | None = None
    roles = []
    base_roles = base.get("experience") or [{}]
    for item in rng.sample(base_roles, min(len(base_roles), rng.randint(2, 7))):
        roles.append(_role(item, rng, companies, end_year))
        end_year = int(roles[-1]["start"][:4])
    doc: dict[str, Any] = {"key": key, "full_name": f"{first} {last}",
                           "headline": f"{roles[0]['title']} at {roles[0]['company']}",
                           "location": rng.choice(CITIES), "connection_degree": rng.choice(("1st", "2nd", "3rd+")),
                           "profile_url": key, "member_urn": f"urn:li:member:{10_000_000 + i}",
                           "current": {"title": roles[0]["title"], "company": roles[0]["company"]},
                           "about": _sentences(rng, rng.randint(0, 6)) or None, "experience": roles,
                           "education": [dict(e) for e in base.get("education") or []],
                           "skills": list(base.get("skills") or [])[:12],
                           "languages": [dict(lang) for lang in base.get("languages") or []]}
    created = START + timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
    updated = created + timedelta(minutes=rng.randint(0, 60 * 24 * 90))
    doc.update(stage=rng.choice(STAGES), tags=rng.sample(TAGS, rng.randint(0, 3)),
               notes=rng.choice(("", "", f"Met at a meetup; ask about {rng.choice(TAGS)}.")),
               referred_by=None, email=None, edited=[])
    doc["captures"] = [{"id": f"{created:%Y%m%dT%H%M%S}Z-{i:08x}", "at": created.isoformat(timespec="seconds"),
                        "url": key, "kind": "profile", "changed": ["full_name", "headline", "experience"]}]
    doc["log"] = [{"type": "invitation_sent", "at": updated.isoformat(timespec="seconds"), "id": f"{i:012x}"}
                  for _ in range(rng.randint(0, 2))]
    doc["created_at"] = created.isoformat(timespec="seconds")
    doc["updated_at"] = updated.isoformat(timespec="seconds")
    return doc


def prospects(n: int, seed: int = 7) -> dict[str, dict[str, Any]]:
    """``n`` prospects keyed by document id ("1".."n"), as the store's table holds them."""
    rng = random.Random(seed)
    bases, companies = fixture_profiles(), company_pool()
    return {str(i): prospect(i, bases[i % len(bases)], rng, companies) for i in range(1, n + 1)}


def write_store(data_dir: Path, n: int, seed: int = 7) -> int:
    """Write a store of ``n`` prospects directly as a snapshot (no journal); returns its size in bytes."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    tables = {"prospects": {k: snapshot.encode(v) for k, v in prospects(n, seed).items()},
              "settings": {}, "idempotency": {}}
    data = snapshot.dump({"app": "coffeechat", "schema": SCHEMA_VERSION}, tables)
    (data_dir / DB_FILE).write_bytes(data)
    return len(data)
