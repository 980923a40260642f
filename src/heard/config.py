"""Settings, read from the environment (prefix HEARD_) or given directly."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """`HEARD_DATABASE_URL` picks the store (SQLite file by default, PostgreSQL for teams);
    `HEARD_SCORECARD` a team's rubric YAML; `HEARD_DETECTORS` a comma-separated subset."""

    model_config = SettingsConfigDict(env_prefix="HEARD_")

    database_url: str = "sqlite:///heard.db"
    scorecard: Path | None = None
    detectors: str | None = None

    @property
    def detector_names(self) -> list[str] | None:
        return [d.strip() for d in self.detectors.split(",") if d.strip()] if self.detectors else None
