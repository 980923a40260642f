"""The static encoder: deterministic, offline, torch-free at run time, small."""

import subprocess
import sys

import numpy as np

from heard.learn.encoder import ARTIFACTS, StaticEncoder, normalize


def test_same_text_same_vector_alone_or_in_a_batch():
    enc = StaticEncoder()
    texts = ["That must have been maddening.", "Where is my parcel?", ""]
    batch = enc.encode(texts).vectors
    alone = np.vstack([enc.encode([t]).vectors for t in texts])
    assert np.allclose(batch, alone, atol=1e-6)
    assert np.allclose(np.linalg.norm(batch[:2], axis=1), 1.0, atol=1e-5)
    assert not batch[2].any()  # an empty text has no direction
    assert np.array_equal(StaticEncoder().encode(texts).vectors, batch)


def test_half_a_surrogate_pair_reads_as_a_replacement_character():
    """JSON's "\\udc00" decodes to no character; the tokenizer would refuse the whole batch."""
    enc = StaticEncoder()
    broken, replaced = enc.encode(["I am furious \udc00 today"]), enc.encode(["I am furious \ufffd today"])
    assert np.array_equal(broken.vectors, replaced.vectors)


def test_paraphrases_are_closer_than_unrelated_texts():
    v = StaticEncoder().encode(["I want my money back", "please refund me", "the weather is nice"]).vectors
    assert v[0] @ v[1] > v[0] @ v[2]


def test_normalize_drops_handles_links_and_sign_offs():
    assert normalize("@115713 Please DM us https://t.co/x so we can help. ^JS") == "Please DM us so we can help."
    assert normalize("@British_Airways where is my bag?") == "where is my bag?"


def test_artifacts_are_shipped_and_small():
    names = {p.name for p in ARTIFACTS.iterdir()}
    assert {"static_minilm.npz", "tokenizer.json", "emotion10.npz", "goemotions28.npz", "moves.npz",
            "concerns.npz"} <= names
    assert sum(p.stat().st_size for p in ARTIFACTS.iterdir()) < 50 * 2**20


def test_detectors_run_without_torch_or_network():
    code = (
        "import sys, socket\n"
        "def refuse(*a, **k): raise OSError('no network in this test')\n"
        "socket.socket.connect = refuse\n"
        "from heard.analyze.registry import build_detectors\n"
        "from heard.analyze.pipeline import Analyzer\n"
        "from heard.model import Channel, Conversation, Message, Role\n"
        "a = Analyzer(build_detectors(['emotion', 'concerns', 'concerns_model', 'name_feeling', 'moves_model']))\n"
        "c = Conversation('t', '1', Channel.chat, (Message('1', Role.customer, 'Still broken, third time!'),\n"
        "    Message('2', Role.agent, 'I can see why this has worn you down.')))\n"
        "kinds = [f.kind for f in a.analyze(c).findings]\n"
        "assert any(k.startswith('emotion.') for k in kinds), kinds\n"
        "heavy = sorted(m for m in ('torch', 'transformers', 'sentence_transformers', 'sklearn', 'scipy') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={"HF_HUB_OFFLINE": "1", "PATH": ""})
    assert out.returncode == 0, out.stderr
    assert "HEAVY []" in out.stdout
