"""Training the sentence heads: coaches' corrections speak of their own kind only; a kind the
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
