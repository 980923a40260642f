"""Coaching on real messages: role-play practice, shadowing feedback and debriefs.

Services only: plain functions over the store and the model, raising `heard.errors`; the web
pages, the JSON API and the CLI call them.
"""
