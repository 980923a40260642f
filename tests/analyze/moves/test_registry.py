import re

from heard.analyze.pipeline import Analyzer
from heard.analyze.registry import available_detectors, build_detectors
from heard.model import Channel, Conversation, Message, Role

PHONE_ONLY = {"move.overtalk", "move.pause"}


def taxonomy_move_kinds(shared_data):
    text = (shared_data.parent / "TAXONOMY.md").read_text(encoding="utf-8")
    return set(re.findall(r"`(move\.[a-z_]+)`", text))


def test_registry_has_a_detector_for_every_taxonomy_move(shared_data):
    kinds = taxonomy_move_kinds(shared_data)
    assert len(kinds) >= 14
    assigned = {kind for cls in available_detectors().values() for kind in cls.info.kinds}
    assert kinds - assigned == set()


def test_registry_has_one_named_detector_per_move():
    detectors = available_detectors()
    for kind in ["move.name_feeling", "move.reflect_concern", "move.reframe", "move.ownership",
                 "move.offer_choices", "move.checkpoint", "move.invite_more", "move.apology", "move.closure",
                 "move.defensive", "move.non_apology", "move.overpromise", "move.generic", "move.overtalk", "move.pause"]:
        name = kind.removeprefix("move.")
        assert detectors[name].info.kinds == (kind,)
        assert detectors[name].info.version.isdigit()  # bumped when behaviour changes


def test_registry_runs_pause_after_name_feeling():
    names = [d.info.name for d in build_detectors(["pause", "apology", "name_feeling"])]
    assert names.index("pause") > names.index("name_feeling")
    assert names.index("pause") > names.index("apology")


def test_registry_moves_run_together_in_the_analyzer():
    messages = (
        Message("m1", Role.customer, "Third call about my bill. My son's birthday is Saturday!", start_s=0.0, end_s=5.0),
        Message("m2", Role.agent, "This sounds exhausting, and I understand why you're upset.", start_s=4.5, end_s=7.0),
        Message("m3", Role.customer, "It is.", start_s=10.0, end_s=11.0),
    )
    conversation = Conversation(source="test", external_id="c1", channel=Channel.phone, messages=messages)
    names = [n for n in available_detectors() if available_detectors()[n].info.assigns("move")]
    analysis = Analyzer.from_names(names).analyze(conversation)
    assert sorted(f.kind for f in analysis.findings) == ["move.name_feeling", "move.overtalk", "move.pause"]
