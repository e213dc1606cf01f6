"""What the user may set while saving a person: tags, a stage and a note, applied after the capture."""

from typing import Any

from coffeechat import pipeline
from coffeechat.app import interactions
from coffeechat.errors import BadInput
from coffeechat.model import STAGES
from coffeechat.store import ProspectStore

MAX_TAGS, MAX_TAG = 20, 60


def read(data: dict[str, Any]) -> dict[str, Any]:
    """The save options of a capture body, checked before anything is stored (absent ones are left out)."""
    options: dict[str, Any] = {}
    tags = data.get("tags")
    if tags not in (None, []):
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise BadInput("tags must be a list of words")
        clean = list(dict.fromkeys(t.strip() for t in tags if t.strip()))
        if len(clean) > MAX_TAGS or any(len(t) > MAX_TAG for t in clean):
            raise BadInput(f"give at most {MAX_TAGS} tags of at most {MAX_TAG} characters each")
        options["tags"] = clean
    stage = data.get("stage")
    if stage not in (None, ""):
        if stage not in STAGES:
            raise BadInput(f"unknown stage {stage!r}; stages are: {', '.join(STAGES)}")
        options["stage"] = stage
    note = data.get("note")
    if note not in (None, ""):
        if not isinstance(note, str) or len(note) > pipeline.MAX_TEXT:
            raise BadInput(f"the note must be text of at most {pipeline.MAX_TEXT} characters")
        if note.strip():
            options["note"] = note.strip()
    return options


def apply(store: ProspectStore, prospect_id: int, options: dict[str, Any]) -> dict[str, Any]:
    """Add the tags, move the stage and log the note; returns the prospect as stored."""
    prospect = store.get(prospect_id)
    fields: dict[str, Any] = {}
    if options.get("tags"):
        merged = list(dict.fromkeys([*(prospect.get("tags") or []), *options["tags"]]))
        if merged != prospect.get("tags"):
            fields["tags"] = merged
    if options.get("stage") and options["stage"] != prospect.get("stage"):
        fields["stage"] = options["stage"]
    if fields:
        prospect = store.patch(prospect_id, fields)
    if options.get("note"):
        prospect = interactions.record(store, prospect_id, "note", {"note": options["note"]})
    return prospect
