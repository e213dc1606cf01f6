"""The pipeline board: one column per stage with its count, and moving a person along it."""

from collections import Counter
from typing import Any

from coffeechat.app import interactions
from coffeechat.errors import BadInput
from coffeechat.labels import STAGE_LABELS
from coffeechat.model import STAGES
from coffeechat.store import ProspectStore

PER_COLUMN = 25  # the most recently changed people of each stage; the prospects list has the rest


def board_page(store: ProspectStore) -> dict[str, Any]:
    """Every stage with how many people are at it and the most recently changed of them."""
    counts = Counter(t.get("stage") or "saved" for t in store.timelines().values())
    columns = []
    for stage in STAGES:
        people, _ = store.search(stage=stage, sort="-updated", limit=PER_COLUMN) if counts[stage] else ([], 0)
        columns.append({"stage": stage, "count": counts[stage],
                        "people": [{"id": p["id"], "full_name": p.get("full_name") or "(no name)",
                                    "company": (p.get("current") or {}).get("company")} for p in people]})
    return {"columns": columns, "total": sum(counts.values())}


def stage_value(typed: str) -> str:
    """A stage as the user chose or typed it: its label ("Not now") or its name; BadInput in the users' words."""
    text = " ".join((typed or "").split()).casefold()
    for stage in STAGES:
        if text in (stage, STAGE_LABELS[stage].casefold()):
            return stage
    raise BadInput("choose a stage from the list: " + ", ".join(STAGE_LABELS[s] for s in STAGES))


def move(store: ProspectStore, prospect_id: int, stage: str) -> dict[str, Any]:
    """Move one person to a stage (logged as a stage change, like every other move)."""
    interactions.bulk_stage(store, [prospect_id], stage_value(stage))
    return store.get(prospect_id)
