"""The application layer: the use cases the API, the dashboard and the CLI share (no Flask here).

Each module takes the store (and the clock, as a date or datetime) and calls the domain:
captures (capture, reparse), advice (drafts, notes, the user's profile), interactions (the log
and the stage), followups (due dates with the user's rules, cached per store), pages (the data
behind each dashboard page and its JSON twin), imports and exports.
"""
