"""Research notes for a prospect: what to know, ask and do before and after the conversation."""

from coffeechat.research.notes import notes_for

__all__ = ["notes_for"]
