import pytest

from heard.analyze.detector import register_detector
from heard.analyze.pipeline import Analyzer
from heard.analyze.registry import available_detectors, build_detectors
from heard.errors import DetectorFailed, MissingRequirement, UnknownDetector
from heard.model import Role


@register_detector("shouting", version="1", kinds=("emotion.anger",))
class Shouting:
    def detect(self, conversation, *, prior=()):
        return [self.info.finding("emotion.anger", m, 0, len(m.text), score=0.9, rationale="all capitals", intensity=3)
                for m in conversation.iter_messages(Role.customer) if m.text.isupper()]


@register_detector("calming", version="2", kinds=("conversation.calm",), requires=("emotion",))
class Calming:
    def detect(self, conversation, *, prior=()):
        return [self.info.finding("conversation.calm", conversation.get_message(f.span.message_id), 0, 1,
                                  score=0.5, rationale=f"after {f.kind}") for f in prior]


@register_detector("broken", version="1", kinds=("move.none",))
class Broken:
    def detect(self, conversation, *, prior=()):
        raise RuntimeError("bug")


FAKES = {"shouting": Shouting, "calming": Calming, "broken": Broken}


def test_build_detectors_orders_by_requires():
    detectors = build_detectors(["calming", "shouting"], available=FAKES)
    assert [d.info.name for d in detectors] == ["shouting", "calming"]


def test_build_detectors_names_the_missing_requirement_and_the_fix():
    with pytest.raises(MissingRequirement, match=r"Detector 'calming' requires 'emotion'.*Add a detector"):
        build_detectors(["calming"], available=FAKES)


def test_build_detectors_rejects_unknown_names_listing_installed_ones():
    with pytest.raises(UnknownDetector, match=r"Unknown detector\(s\) 'nope'. Installed detectors: shouting"):
        build_detectors(["nope"], available=FAKES)


def test_analyzer_passes_prior_findings_and_signs_them(make_conversation):
    conversation = make_conversation(customer="WHERE IS IT", agent="Let me look.")
    analysis = Analyzer(build_detectors(["shouting", "calming"], available=FAKES)).analyze(conversation)
    assert [(f.kind, f.detector, f.detector_version) for f in analysis.findings] == [
        ("conversation.calm", "calming", "2"), ("emotion.anger", "shouting", "1")]
    assert analysis.findings_for("m2") == []


def test_analyzer_raises_detector_failures_by_default(make_conversation):
    with pytest.raises(DetectorFailed, match="Detector 'broken' failed on conversation 'c1'"):
        Analyzer([Broken()]).analyze(make_conversation(customer="hi"))


def test_analyzer_in_batch_mode_records_failures_and_goes_on(make_conversation):
    failures = []
    analyzer = Analyzer([Broken(), Shouting()], on_error=failures.append)
    analysis = analyzer.analyze(make_conversation(customer="HELP"))
    assert [f.kind for f in analysis.findings] == ["emotion.anger"]
    assert [f.detector for f in failures] == ["broken"]


def test_available_detectors_come_from_entry_points():
    for name, cls in available_detectors().items():
        assert cls.info.name == name and cls.info.version and cls.info.kinds


@pytest.mark.parametrize("role, contracted, full", [
    (Role.agent, "Unfortunately, we aren't able to guarantee seats.", "Unfortunately, we are not able to guarantee seats."),
    (Role.agent, "Sorry for the wait. We'll check it and we won't close the case until it's fixed.",
     "Sorry for the wait. We will check it and we will not close the case until it is fixed."),
    (Role.agent, "I'll call you back tomorrow at 3pm and I'm going to check what's going on with your order.",
     "I will call you back tomorrow at 3pm and I am going to check what is going on with your order."),
    (Role.customer, "I can't stand this bug any more", "I cannot stand this bug any more"),
    (Role.customer, "It's quite disturbing you're selling counterfeit items, and can't be trusted.",
     "It is quite disturbing you are selling counterfeit items, and cannot be trusted."),
    (Role.customer, "I have a flight to catch and the driver didn't show up", "I have a flight to catch and the driver did not show up"),
    (Role.customer, "Can't deal!!! Internet down again", "Cannot deal!!! Internet down again"),
])
def test_rules_read_a_contraction_and_its_full_form_alike(role, contracted, full):
    from heard.model import Channel, Conversation, Message
    analyzer = Analyzer(build_detectors([n for n in available_detectors() if not n.endswith("_model")]))

    def kinds(text):
        conversation = Conversation(source="t", external_id="1", channel=Channel.chat, messages=(Message("m", role, text),))
        return {f.kind for f in analyzer.analyze(conversation).findings}

    assert kinds(contracted) == kinds(full)
    assert kinds(full) - {"emotion.neutral"}  # and the pair is read as something
