"""Readers: one module per source format. Readers only yield Conversations (and the errors of
records they could not read); they never touch the store."""

from heard.ingest.registry import Reader, ReadResult, read_path, reader

__all__ = ["ReadResult", "Reader", "read_path", "reader"]
