"""The prospect record: field names shared by the store, the API, drafts, notes and the dashboard.

A stored prospect is one flat dict:

- identity: ``id`` (int), ``key`` (canonical profile URL, or the member URN when no URL is known)
- captured fields (CAPTURED_FIELDS): what the parser read from LinkedIn, merged on re-capture
- the user's own fields (USER_FIELDS): never overwritten by a capture
- ``edited``: captured field names the user changed through PATCH; captures no longer touch them
- ``captures``: history, newest last: ``{"id", "at", "url", "kind", "changed": [field, ...]}``
- ``log``: interactions, oldest first: ``{"id", "at", "type", ...}`` with ``type`` in LOG_TYPES
- ``created_at`` / ``updated_at``: ISO-8601 UTC timestamps
"""

CAPTURED_FIELDS: tuple[str, ...] = (
    "full_name", "headline", "location", "about", "connection_degree", "profile_url",
    "member_urn", "photo_url", "current", "experience", "education", "skills", "languages",
    "connected_on",  # YYYY-MM-DD, from LinkedIn's own data export (Connections.csv)
)

# Lists merged item by item on re-capture; the tuple names the keys that identify an item.
LIST_IDENTITY: dict[str, tuple[str, ...]] = {
    "experience": ("title", "company", "start"),
    "education": ("school", "degree", "start"),
    "skills": (),
    "languages": ("language",),
}

STAGES: tuple[str, ...] = (
    "saved", "contacted", "replied", "scheduled", "met", "thanked", "in_touch", "declined", "not_now",
)

# stage: the user's pipeline position; tags: free labels; notes: the user's own notes;
# referred_by: id of the prospect who referred this one (or null); priority, snoozed and
# draft_edits: see below.
USER_FIELDS: dict[str, object] = {
    "stage": "saved",
    "tags": [],
    "notes": "",
    "referred_by": None,
    "email": None,
    "priority": False,   # marked by the user: Today's "Reach out" lists them first
    "snoozed": {},       # follow-up rule → ISO date: Today hides that step until then
    "draft_edits": {},   # draft kind → the user's edited text of that draft
}

LOG_TYPES: tuple[str, ...] = (
    "stage_changed",      # {"from", "to"}
    "invitation_sent",
    "message_sent",
    "follow_up_sent",
    "reply_received",
    "meeting_scheduled",  # {"when": ISO datetime, "where"?}
    "meeting_held",       # {"note": what the user learned}
    "thank_you_sent",
    "referral_given",     # {"prospect_id": the person they referred the user to}
    "keep_in_touch_sent",
    "note",               # {"note"}
    "job_changed",        # {"from", "to", "to_title", "to_company", "from_title", "from_company", "on"?}: seen in a re-capture
)
