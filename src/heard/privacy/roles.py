"""Who is looking: a placeholder role model until Heard has real authentication.

A viewer is an `agent`, a `coach` or a `lead`, optionally of a team (the conversation queue a
case file belongs to). For now the web layer reads it from the `X-Heard-Role` / `X-Heard-Team`
headers (or the `role` / `viewer_team` query parameters, or the pages' cookies), falling back to the
app's `Settings.default_role` (`HEARD_DEFAULT_ROLE`), and trusts it: **this is not access
control**, only the shape that real authentication will fill in later.

The rules:

- coaches and leads open every case file and see the real words; they curate (create, edit,
  annotate);
- agents open their own team's case files (real words) and case files shared beyond their team,
  which they see **redacted**; a team-only case file of another team is not found for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from heard.errors import HeardError

__all__ = ["InvalidViewer", "NotAllowed", "Viewer", "ViewerRole"]


class NotAllowed(HeardError):
    """The viewer's role may not do this (status 403)."""

    status = 403


class InvalidViewer(HeardError):
    """An unknown role was asked for (status 400)."""

    status = 400


class ViewerRole(StrEnum):
    agent = "agent"
    coach = "coach"
    lead = "lead"


@dataclass(frozen=True)
class Viewer:
    role: ViewerRole = ViewerRole.agent
    team: str | None = None

    @classmethod
    def parse(cls, role: str | None, team: str | None = None) -> Viewer:
        value = (role or "agent").strip().lower()
        try:
            parsed = ViewerRole(value)
        except ValueError:
            raise InvalidViewer(f"Unknown role {role!r}: use one of agent, coach, lead.") from None
        return cls(parsed, (team or "").strip() or None)

    @property
    def may_curate(self) -> bool:
        return self.role in (ViewerRole.coach, ViewerRole.lead)

    def require_curator(self, action: str) -> None:
        if not self.may_curate:
            raise NotAllowed(f"Only coaches and leads may {action}; you are viewing as {self.role.value} "
                             "(set X-Heard-Role: coach).")

    def is_own_team(self, team: str | None) -> bool:
        return self.team is not None and team == self.team

    def may_open(self, *, team: str | None, visibility: str) -> bool:
        return self.may_curate or visibility == "shared" or self.is_own_team(team)

    def sees_redacted(self, *, team: str | None) -> bool:
        """Agents see other teams' (shared) case files redacted; coaches and leads see the words."""
        return not self.may_curate and not self.is_own_team(team)
