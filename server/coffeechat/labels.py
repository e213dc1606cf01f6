"""Names people read for the product's internal values (stages, draft kinds), shared by the dashboard and the app layer."""

STAGE_LABELS: dict[str, str] = {
    "saved": "Saved", "contacted": "Contacted", "replied": "Replied", "scheduled": "Scheduled", "met": "Met",
    "thanked": "Thanked", "in_touch": "In touch", "declined": "Declined", "not_now": "Not now",
}

DRAFT_LABELS: dict[str, str] = {
    "connection_note": "Connection note", "message": "Message", "inmail": "InMail", "email": "Email",
    "follow_up": "Follow-up", "thank_you": "Thank-you", "referral_thanks": "Referral thanks",
    "keep_in_touch": "Keep-in-touch", "congratulations": "Congratulations",
}
# What sending a draft of each kind records in the log (pipeline.ACTIONS); the referrer's thanks is a thank-you.
SENT_ACTIONS: dict[str, str] = {
    "connection_note": "invitation_sent", "message": "message_sent", "inmail": "message_sent",
    "email": "message_sent", "follow_up": "follow_up_sent", "thank_you": "thank_you_sent",
    "referral_thanks": "thank_you_sent", "keep_in_touch": "keep_in_touch_sent", "congratulations": "message_sent",
}
