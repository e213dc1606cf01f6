"""Durable local storage of prospects (TinyDB behind one class)."""

from coffeechat.store.prospects import ProspectStore

__all__ = ["ProspectStore"]
