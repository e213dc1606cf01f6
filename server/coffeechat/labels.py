"""Names people read for the product's internal values (stages), shared by the dashboard and the app layer."""

STAGE_LABELS: dict[str, str] = {
    "saved": "Saved", "contacted": "Contacted", "replied": "Replied", "scheduled": "Scheduled", "met": "Met",
    "thanked": "Thanked", "in_touch": "In touch", "declined": "Declined", "not_now": "Not now",
}
