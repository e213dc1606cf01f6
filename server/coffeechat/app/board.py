"""The pipeline board: one column per stage with its count, and moving a person along it."""

import heapq
from collections import defaultdict
from typing import Any

from coffeechat.app import interactions
from coffeechat.errors import BadInput
from coffeechat.labels import STAGE_LABELS
from coffeechat.model import STAGES
from coffeechat.store import ProspectStore

PER_COLUMN = 10  # the most recently changed people of each stage; "All n" opens the rest in the list


def board_page(store: ProspectStore) -> dict[str, Any]:
    """Every stage with how many people are at it and the most recently changed of them."""
    by_stage: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for pid, track in store.timelines().items():  # one pass over the index: no document is decoded
        by_stage[track.get("stage") or "saved"].append((track.get("updated_at") or "", pid))
    columns = []
    for stage in STAGES:
        latest = heapq.nlargest(PER_COLUMN, by_stage[stage])
        people = [store.get(pid) for _, pid in latest]
        columns.append({"stage": stage, "count": len(by_stage[stage]),
                        "people": [{"id": p["id"], "full_name": p.get("full_name") or "(no name)",
                                    "company": (p.get("current") or {}).get("company")} for p in people]})
    return {"columns": columns, "total": sum(len(v) for v in by_stage.values())}


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
