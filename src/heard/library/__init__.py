"""The case-file library: case files with annotations, search, export (services, no HTTP)."""
