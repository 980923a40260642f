"""Privacy: redaction of conversation text (Presidio, offline) and the viewer-role placeholder."""
