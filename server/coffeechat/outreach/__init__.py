"""Outreach drafts tailored to one prospect: facts, kinds, templates and rendering (no Flask here)."""

from coffeechat.outreach.drafts import best_connection_note, drafts_for
from coffeechat.outreach.kinds import DRAFT_KINDS
from coffeechat.outreach.templates import list_templates, reset_override, save_override

__all__ = ["DRAFT_KINDS", "best_connection_note", "drafts_for", "list_templates", "reset_override",
           "save_override"]
