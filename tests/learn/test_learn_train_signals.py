"""Training the heads: coaches' corrections speak of their own kind only; a kind the
model gets wrong more often than right out of fold is switched off."""

from __future__ import annotations

import numpy as np

from heard.learn.encoder import load_encoder
from heard.learn.heads import Head
from heard.learn.labels import LabelExample
from heard.learn.train_signals import DISABLED, _threshold, train_head

KINDS = ("move.apology", "move.ownership")
OWN = [({"move.apology"}, t) for t in ("I'm sorry for the delay.", "We apologise for the trouble.", "Sorry about that.",
                                       "My apologies for the mix-up.")] + \
      [({"move.ownership"}, t) for t in ("I'll sort this out myself.", "I will fix it personally.", "Leave it with me.",
                                         "I'm taking care of this now.")] + \
      [(set(), t) for t in ("Please restart the router.", "What is your order number?", "The store opens at nine.",
                            "Thanks for getting in touch.", "Your parcel left the depot.", "Have a nice day.")]
MISSED = "That one is on us, truly."


def artifacts_out(tmp_path):
    """An output folder holding the shipped encoder, as `--skip-distill` needs."""
    from heard.learn.encoder import ARTIFACTS
    out = tmp_path / "out"
    out.mkdir()
    for name in ("static_minilm.npz", "tokenizer.json"):
        (out / name).symlink_to(ARTIFACTS / name)
    return out


def train(tmp_path, corrections) -> Head:
    return train_head("t", KINDS, OWN * 4, [], [], load_encoder(), tmp_path, lambda _: None, corrections=corrections)


def test_a_correction_moves_its_kind_and_leaves_the_others_alone(tmp_path):
    before = train(tmp_path, [])
    fixes = [LabelExample(MISSED, "agent", "move.apology", 1, MISSED)] * 3 + \
            [LabelExample("Sorry you feel that way.", "agent", "move.apology", 0, "Sorry you feel that way")]
    after = train(tmp_path, fixes)
    enc = load_encoder().encode([MISSED])
    k = KINDS.index("move.apology")
    assert after.logits(enc)[0, k] > before.logits(enc)[0, k]
    o = KINDS.index("move.ownership")
    assert np.array_equal(after.dense[:, o], before.dense[:, o]) and after.bias[o] == before.bias[o]


def test_a_kind_found_more_often_wrongly_than_rightly_is_switched_off():
    y = np.array([True] * 10 + [False] * 90)
    p = np.r_[np.full(10, 0.55), np.full(20, 0.56), np.full(70, 0.1)]  # over 0.5: 10 right, 20 wrong
    assert _threshold(p, y) == DISABLED
    p = np.r_[np.full(10, 0.7), np.full(5, 0.6), np.full(85, 0.1)]  # all right above 0.6
    assert 0.6 < _threshold(p, y) <= 0.7


def test_training_without_the_stc3_release_stops_with_where_it_looked(tmp_path, capsys):
    import pytest

    from heard.learn.train import main
    out = artifacts_out(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(["--skip-distill", "--only", "moves", "--shared", str(tmp_path / "shared"), "--out", str(out)])
    assert stop.value.code == 2
    assert f"the STC-3 release is not at {tmp_path / 'shared' / 'stc3' / 'train_data_en.json'}" in capsys.readouterr().err
    assert not (out / "moves.npz").exists()


def test_a_bad_corrections_file_stops_training_before_anything_is_built(tmp_path, capsys):
    import pytest

    from heard.learn.train import main
    bad = tmp_path / "labels.jsonl"
    bad.write_text('{"text": "x", "role": "agent"}\n', encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["--corrections", str(bad), "--out", str(tmp_path)])
    assert f"{bad}, record line 1, field 'kind'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [bad]


def test_the_emotion_head_reads_every_customer_message_of_probes_1_to_7_and_none_of_probe_8():
    import json

    from heard.learn.evaluate import LABELS_FILE
    from heard.learn.train import WRITTEN_PROBES, read_probe_emotions

    def customers(path):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [(r["emotion"], r["text"]) for r in rows if r["role"] == "customer"]

    read = read_probe_emotions(WRITTEN_PROBES)
    assert read == [pair for path in WRITTEN_PROBES for pair in customers(path)]
    held_out = {text for _, text in customers(LABELS_FILE.parent / "written_probe8.jsonl")}
    assert held_out and not held_out & {text for _, text in read}


def test_a_bad_probe_record_stops_emotion_training_naming_file_line_and_field(tmp_path, capsys, monkeypatch):
    import pytest

    from heard.learn import train
    bad = tmp_path / "probe.jsonl"
    bad.write_text('{"role": "customer", "text": "Thanks!", "labels": [], "emotion": "gratitude"}\n'
                   '{"role": "customer", "text": "Where is it?", "labels": [], "emotion": "puzzled"}\n', encoding="utf-8")
    monkeypatch.setattr(train, "WRITTEN_PROBES", (bad,))
    out = artifacts_out(tmp_path)
    with pytest.raises(SystemExit) as stop:
        train.main(["--skip-distill", "--only", "emotion", "--shared", str(tmp_path / "shared"), "--out", str(out)])
    assert stop.value.code == 2
    assert f"{bad}, record line 2, field 'emotion'" in capsys.readouterr().err
    assert not (out / "emotion10.npz").exists()


def test_emotion_training_without_goemotions_stops_naming_the_file(tmp_path, capsys):
    import pytest

    from heard.learn.train import main
    out = artifacts_out(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(["--skip-distill", "--only", "emotion", "--shared", str(tmp_path), "--out", str(out)])
    assert stop.value.code == 2
    assert str(tmp_path / "goemotions") in capsys.readouterr().err
