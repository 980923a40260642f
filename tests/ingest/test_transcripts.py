"""Call transcript readers: WebVTT, SRT, Amazon Transcribe and Deepgram JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from heard.errors import IngestError, InvalidRecord
from heard.ingest.registry import read_path, sniff
from heard.ingest.transcripts import (
    read_aws_transcribe,
    read_deepgram,
    read_srt,
    read_vtt,
    speaker_role_map,
)
from heard.model import Channel, Conversation, Role

AGENT_OPENS = "Thanks for calling Acme support, this is Sam. How can I help?"
CUSTOMER_REPLY = "Hi. I've been on hold for an hour and my internet is still down. Third time this week."
AGENT_REPLY = "I'm sorry, that sounds exhausting. Let me check your line now."


@pytest.fixture
def transcripts(data_dir: Path) -> Path:
    return data_dir / "transcripts"


def split(results) -> tuple[list[Conversation], list[IngestError]]:
    results = list(results)
    return ([r for r in results if isinstance(r, Conversation)], [r for r in results if isinstance(r, IngestError)])


def only(results) -> Conversation:
    conversations, errors = split(results)
    assert errors == []
    [conversation] = conversations
    return conversation


def turns(conversation: Conversation) -> list[tuple]:
    return [(m.role, m.author, m.start_s, m.end_s, m.text) for m in conversation.messages]


@pytest.mark.parametrize("name, format", [
    ("support-call.vtt", "vtt"), ("broken-cue.vtt", "vtt"), ("not-webvtt.vtt", "vtt"),
    ("support-call.srt", "srt"), ("broken-cues.srt", "srt"),
    ("aws-speaker-labels.json", "aws-transcribe"), ("aws-audio-segments.json", "aws-transcribe"),
    ("aws-channel-labels.json", "aws-transcribe"), ("aws-broken-items.json", "aws-transcribe"),
    ("aws-no-speakers.json", "aws-transcribe"),
    ("deepgram-diarize.json", "deepgram"), ("deepgram-utterances.json", "deepgram"), ("deepgram-truncated.json", "deepgram"),
])
def test_transcripts_sniff_recognises_fixture(transcripts, name, format):
    assert sniff(transcripts / name).name == format


def test_transcripts_sniff_by_content_without_suffix(tmp_path, transcripts):
    for name, format in [("support-call.vtt", "vtt"), ("support-call.srt", "srt")]:
        copy = tmp_path / f"{format}-copy.txt"
        copy.write_bytes((transcripts / name).read_bytes())
        assert sniff(copy).name == format


def test_read_vtt_maps_voice_spans_to_turns(transcripts):
    conversation = only(read_vtt(transcripts / "support-call.vtt"))
    assert (conversation.source, conversation.external_id, conversation.channel) == ("vtt", "support-call", Channel.phone)
    assert turns(conversation) == [
        (Role.agent, "Agent Sam", 0.64, 4.6, AGENT_OPENS),
        # a cue without a voice tag continues the previous speaker; tags and entities are gone
        (Role.customer, "Customer", 4.87, 9.95, CUSTOMER_REPLY),
        # two voices in one cue become two turns with the cue's times
        (Role.agent, "Agent Sam", 10.3, 12.0, "I'm sorry, that sounds exhausting."),
        (Role.customer, "Customer", 10.3, 12.0, "It is & I’m tired."),
        (Role.agent, "Agent Sam", 12.1, 13.7, "Let me check your line now."),
        (Role.customer, "Customer", 14.02, 14.6, "Okay 👍 — ça marche."),
    ]
    assert [m.id for m in conversation.messages] == ["1", "2", "3", "4", "5", "6"]
    assert (conversation.agent, conversation.customer) == ("Agent Sam", "Customer")


def test_read_vtt_bad_cue_names_cue_and_field_and_keeps_the_rest(transcripts):
    path = transcripts / "broken-cue.vtt"
    conversations, errors = split(read_vtt(path))
    assert [str(e) for e in errors] == [
        f"{path}, record cue 2 (line 7), field 'timing': cue timing is not 'start --> end' with hh:mm:ss.ttt times"
    ]
    # CRLF and bare CR line endings; unnamed voices: the first to speak is the agent
    assert turns(conversations[0]) == [
        (Role.agent, "Roger Bingham", 1.0, 2.5, "We are in New York City"),
        (Role.customer, "Neil deGrasse Tyson", 4.0, 6.0, "Didn't we talk about enough in that conversation?"),
        (Role.agent, "Roger Bingham", 7.0, 8.0, "No! No no no no"),
    ]


def test_read_vtt_without_header_is_an_error(transcripts):
    [error] = list(read_vtt(transcripts / "not-webvtt.vtt"))
    assert isinstance(error, InvalidRecord)
    assert (error.record, error.field) == ("line 1", "header")


def test_read_srt_takes_speaker_from_name_prefix(transcripts):
    conversation = only(read_srt(transcripts / "support-call.srt"))  # UTF-8 BOM, CRLF
    assert conversation.source == "srt"
    assert turns(conversation) == [
        (Role.agent, "Sam", 0.64, 3.92, AGENT_OPENS),
        (Role.customer, "Caller", 4.87, 9.95, CUSTOMER_REPLY),
        (Role.agent, "Sam", 10.3, 13.7, AGENT_REPLY),
        (Role.customer, "Caller", 14.02, 14.6, "Okay."),
    ]


def test_read_srt_bad_cues_name_cue_and_field_and_huge_cue_survives(transcripts):
    path = transcripts / "broken-cues.srt"
    conversations, errors = split(read_srt(path))
    assert [(e.record, e.field) for e in errors] == [("cue 2 (line 5)", "index"), ("cue 3 (line 9)", "timing")]
    assert all(e.path == str(path) for e in errors)
    [conversation] = conversations
    assert [(m.role, m.author, m.start_s) for m in conversation.messages] == [
        (Role.agent, "Agent", 1.0), (Role.customer, "Customer", 4.0), (Role.agent, "Agent", 6.0),
    ]
    assert conversation.messages[1].text == "Old Mac line endings here."  # bare CR line endings
    assert conversation.messages[2].text == " ".join(["Let me read you the terms."] * 2000)


@pytest.mark.parametrize("name, job", [
    ("aws-speaker-labels.json", "acme-call-0042"),
    ("aws-audio-segments.json", "acme-call-0043"),
    ("aws-channel-labels.json", "acme-call-0044"),
])
def test_read_aws_transcribe_joins_words_of_one_speaker(transcripts, name, job):
    conversation = only(read_aws_transcribe(transcripts / name))
    assert (conversation.source, conversation.external_id) == ("aws-transcribe", job)
    assert [(m.role, m.text) for m in conversation.messages] == [
        (Role.agent, AGENT_OPENS), (Role.customer, CUSTOMER_REPLY), (Role.agent, AGENT_REPLY), (Role.customer, "Okay."),
    ]
    first = conversation.messages[0]
    assert first.start_s == 0.64 and first.end_s == pytest.approx(3.92, abs=0.04)


def test_read_aws_transcribe_audio_segments_keep_segment_times(transcripts):
    conversation = only(read_aws_transcribe(transcripts / "aws-audio-segments.json"))
    assert [(m.author, m.start_s, m.end_s) for m in conversation.messages] == [
        ("spk_0", 0.64, 3.92), ("spk_1", 4.87, 9.95), ("spk_0", 10.3, 13.7), ("spk_1", 14.02, 14.6),
    ]


def test_read_aws_transcribe_bad_items_name_item_and_field(transcripts):
    path = transcripts / "aws-broken-items.json"
    conversations, errors = split(read_aws_transcribe(path))
    assert [str(e) for e in errors] == [
        f"{path}, record item 1, field 'start_time': not a time in seconds: 'abc'",
        f"{path}, record item 3, field 'speaker_label': word has no speaker label",
    ]
    assert conversations[0].messages[0].text == "Thanks calling support, this is Sam. How can I help?"


def test_read_aws_transcribe_without_speakers_says_why(transcripts):
    [error] = list(read_aws_transcribe(transcripts / "aws-no-speakers.json"))
    assert error.field == "results.speaker_labels"
    assert "speaker partitioning or channel identification" in error.reason


def test_read_aws_transcribe_speaker_roles_override_default(tmp_path):
    # The AWS documentation's own example: the caller (spk_0) speaks first.
    doc = {"jobName": "my-first-transcription-job", "accountId": "111122223333", "results": {
        "transcripts": [{"transcript": "I've been on hold for an hour. Sorry about that."}],
        "speaker_labels": {"channel_label": "ch_0", "speakers": 2, "segments": []},
        "items": [
            {"id": 0, "start_time": "4.87", "speaker_label": "spk_0", "end_time": "5.02", "alternatives": [{"confidence": "1.0", "content": "I've"}], "type": "pronunciation"},
            {"id": 1, "start_time": "5.02", "speaker_label": "spk_0", "end_time": "6.88", "alternatives": [{"confidence": "1.0", "content": "waited"}], "type": "pronunciation"},
            {"id": 2, "speaker_label": "spk_0", "alternatives": [{"confidence": "0.0", "content": "."}], "type": "punctuation"},
            {"id": 3, "start_time": "8.49", "speaker_label": "spk_1", "end_time": "9.24", "alternatives": [{"confidence": "1.0", "content": "Sorry"}], "type": "pronunciation"},
        ]}}
    path = tmp_path / "doc-example.json"
    path.write_text(json.dumps(doc))
    default = only(read_aws_transcribe(path))
    assert [m.role for m in default.messages] == [Role.agent, Role.customer]
    overridden = only(read_aws_transcribe(path, speaker_roles={"spk_0": Role.customer, "spk_1": "agent"}))
    assert [(m.role, m.text) for m in overridden.messages] == [(Role.customer, "I've waited."), (Role.agent, "Sorry")]


def test_read_deepgram_words_use_speaker_and_punctuated_word(transcripts):
    conversation = only(read_deepgram(transcripts / "deepgram-diarize.json"))
    assert (conversation.source, conversation.external_id) == ("deepgram", "deepgram-diarize")
    assert [(m.role, m.author, m.text) for m in conversation.messages] == [
        (Role.agent, "speaker 0", AGENT_OPENS), (Role.customer, "speaker 1", CUSTOMER_REPLY),
        (Role.agent, "speaker 0", AGENT_REPLY), (Role.customer, "speaker 1", "Okay."),
    ]
    assert conversation.messages[1].start_s == 4.87


def test_read_deepgram_utterances_win_and_bad_one_is_reported(transcripts):
    path = transcripts / "deepgram-utterances.json"
    conversations, errors = split(read_deepgram(path))
    assert [(e.path, e.record, e.field) for e in errors] == [(str(path), "utterance 3", "start")]
    assert [(m.author, m.start_s, m.end_s, m.text) for m in conversations[0].messages] == [
        ("speaker 0", 0.64, 3.92, AGENT_OPENS),
        ("speaker 1", 4.87, 8.21, "Hi. I've been on hold for an hour and my internet is still down."),
        ("speaker 0", 10.3, 13.7, AGENT_REPLY),
        ("speaker 1", 14.02, 14.6, "Okay."),
    ]


def test_read_deepgram_multichannel_labels_channels(tmp_path, transcripts):
    data = json.loads((transcripts / "deepgram-diarize.json").read_text())
    words = data["results"]["channels"][0]["alternatives"][0]["words"]
    for word in words:
        del word["speaker"], word["speaker_confidence"]
    data["results"]["channels"] = [
        {"alternatives": [{"transcript": "", "confidence": 0.9, "words": words[:12]}]},
        {"alternatives": [{"transcript": "", "confidence": 0.9, "words": words[12:20]}]},
    ]
    path = tmp_path / "multichannel.json"
    path.write_text(json.dumps(data))
    conversation = only(read_deepgram(path))
    assert [(m.role, m.author) for m in conversation.messages] == [(Role.agent, "channel 0"), (Role.customer, "channel 1")]


def test_read_deepgram_truncated_file_is_an_error(transcripts):
    [error] = list(read_deepgram(transcripts / "deepgram-truncated.json"))
    assert isinstance(error, InvalidRecord)
    assert error.reason.startswith("not valid JSON")


@pytest.mark.parametrize("speakers, expected", [
    (["spk_0", "spk_1"], [Role.agent, Role.customer]),
    (["Speaker 1", "Speaker 0", "Speaker 2"], [Role.agent, Role.customer, Role.customer]),
    (["ch_0", "ch_1"], [Role.agent, Role.customer]),
    (["Customer", "Agent Sam"], [Role.customer, Role.agent]),
    (["Caller", "Dana"], [Role.customer, Role.agent]),  # no agent named: the first unnamed speaker is
    (["Dana", "Support Rep"], [Role.customer, Role.agent]),  # an agent named: the others are customers
    (["client_1", "advisor_2"], [Role.customer, Role.agent]),
    (["Representative", "Reporter"], [Role.agent, Role.customer]),  # whole words only
])
def test_speaker_role_map_default(speakers, expected):
    roles = speaker_role_map(speakers)
    assert [roles[s] for s in speakers] == expected


def test_read_path_reads_a_folder_of_transcripts(transcripts):
    conversations, errors = split(read_path(transcripts))
    assert {c.source for c in conversations} == {"vtt", "srt", "aws-transcribe", "deepgram"}
    assert len(conversations) == 10
    record_errors = [e for e in errors if not e.path.endswith("README.md")]  # the README is no transcript
    assert len(record_errors) == 9 and all(isinstance(e, InvalidRecord) for e in record_errors)
