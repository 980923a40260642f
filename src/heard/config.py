"""Settings, read from the environment (prefix HEARD_) or given directly."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """`HEARD_DATABASE_URL` picks the store (SQLite file by default, PostgreSQL for teams);
    `HEARD_SCORECARD` a team's rubric YAML; `HEARD_DETECTORS` a comma-separated subset;
    `HEARD_DEFAULT_ROLE` the role of a web request that names none (`agent`, `coach` or `lead`;
    see heard.privacy.roles — a placeholder until sign-in exists)."""

    model_config = SettingsConfigDict(env_prefix="HEARD_")

    database_url: str = "sqlite:///heard.db"
    scorecard: Path | None = None
    detectors: str | None = None
    default_role: Literal["agent", "coach", "lead"] = "agent"

    @property
    def detector_names(self) -> list[str] | None:
        return [d.strip() for d in self.detectors.split(",") if d.strip()] if self.detectors else None
