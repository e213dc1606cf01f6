"""What the API and the dashboard share: request guards, the one error handler, the store and the clock.

The app factory (coffeechat.webapp) installs these; api/ and dashboard/ import them, never each other.
"""
