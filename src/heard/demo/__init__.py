"""Demo conversations written for Heard (see README.md in this folder)."""

from pathlib import Path

DEMO_CONVERSATIONS = Path(__file__).with_name("conversations.jsonl")
