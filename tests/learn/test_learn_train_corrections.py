"""Coaches' corrections in training: each speaks of its own kind only."""

from __future__ import annotations

import numpy as np

from heard.learn.encoder import load_encoder
from heard.learn.heads import Head
from heard.learn.labels import LabelExample
from heard.learn.train_signals import train_head

KINDS = ("move.apology", "move.ownership")
OWN = [({"move.apology"}, t) for t in ("I'm sorry for the delay.", "We apologise for the trouble.", "Sorry about that.",
                                       "My apologies for the mix-up.")] + \
      [({"move.ownership"}, t) for t in ("I'll sort this out myself.", "I will fix it personally.", "Leave it with me.",
                                         "I'm taking care of this now.")] + \
      [(set(), t) for t in ("Please restart the router.", "What is your order number?", "The store opens at nine.",
                            "Thanks for getting in touch.", "Your parcel left the depot.", "Have a nice day.")]
MISSED = "That one is on us, truly."


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
