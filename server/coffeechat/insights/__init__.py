"""Insights across the saved people: paths into a role, where people went next, skills, schools, the pool."""

from coffeechat.insights.people import Person, person_of
from coffeechat.insights.stats import MIN_PEOPLE, Target, goal_move, report

__all__ = ["MIN_PEOPLE", "Person", "Target", "goal_move", "person_of", "report"]
