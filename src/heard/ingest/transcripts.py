"""Call transcripts: WebVTT, SRT, Amazon Transcribe JSON and Deepgram JSON.

Every format comes down to timed turns `(speaker, text, start_s, end_s)`; consecutive turns of one
speaker are joined into one phone `Message` that starts where the first began and ends where the
last ended.

Speakers become roles like this (`speaker_roles` overrides any of it, label by label):

1. a label naming a role: containing "agent", "rep", "representative", "support", "advisor" or
   "adviser" → agent; "customer", "caller" or "client" → customer (as whole words, any case);
2. every other label (unnamed ones such as `spk_0`, `Speaker 0`, `ch_0`, `channel 1`, or a bare
   person's name): the first of them to speak is the agent — support calls open with the agent's
   greeting — and the rest are customers. If rule 1 already found an agent, they are all customers.

Sources: "vtt", "srt", "aws-transcribe", "deepgram". External id: the file stem (Amazon Transcribe:
the `jobName`). Channel: phone.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from heard.errors import InvalidRecord
from heard.ingest.registry import ReadResult, reader
from heard.model import Channel, Conversation, Message, Role

__all__ = [
    "Turn",
    "read_aws_transcribe",
    "read_deepgram",
    "read_srt",
    "read_vtt",
    "speaker_role_map",
    "turns_to_conversation",
]

SpeakerRoles = Mapping[str, Role | str] | None


@dataclass(frozen=True)
class Turn:
    """One timed stretch of speech by one speaker."""

    speaker: str
    text: str
    start_s: float
    end_s: float


# -- speakers and roles --------------------------------------------------------------------------

_AGENT_WORDS = re.compile(r"\b(agent|rep|representative|support|advisor|adviser)\b", re.I)
_CUSTOMER_WORDS = re.compile(r"\b(customer|caller|client)\b", re.I)


def speaker_role_map(speakers: Sequence[str], speaker_roles: SpeakerRoles = None) -> dict[str, Role]:
    """The role of each speaker, given the speakers in order of first appearance."""
    explicit = {k.casefold(): Role(v) for k, v in (speaker_roles or {}).items()}
    roles: dict[str, Role] = {}
    unresolved: list[str] = []
    for speaker in speakers:
        if speaker.casefold() in explicit:
            roles[speaker] = explicit[speaker.casefold()]
        elif _AGENT_WORDS.search(speaker.replace("_", " ")):
            roles[speaker] = Role.agent
        elif _CUSTOMER_WORDS.search(speaker.replace("_", " ")):
            roles[speaker] = Role.customer
        else:
            unresolved.append(speaker)
    agent_found = Role.agent in roles.values()
    for i, speaker in enumerate(unresolved):
        roles[speaker] = Role.agent if i == 0 and not agent_found else Role.customer
    return roles


def turns_to_conversation(
    turns: Sequence[Turn], *, source: str, external_id: str, speaker_roles: SpeakerRoles = None
) -> Conversation | None:
    """Join consecutive turns of one speaker into Messages; None when there is no speech."""
    spoken = [t for t in turns if t.text.strip()]
    if not spoken:
        return None
    spoken.sort(key=lambda t: t.start_s)  # stable: cues that start together keep file order
    order = list(dict.fromkeys(t.speaker for t in spoken))
    roles = speaker_role_map(order, speaker_roles)
    groups: list[list[Turn]] = []
    for turn in spoken:
        if groups and groups[-1][-1].speaker == turn.speaker:
            groups[-1].append(turn)
        else:
            groups.append([turn])
    messages = tuple(
        Message(
            id=str(i),
            role=roles[group[0].speaker],
            text=" ".join(t.text.strip() for t in group),
            author=group[0].speaker,
            start_s=group[0].start_s,
            end_s=max(t.end_s for t in group),
        )
        for i, group in enumerate(groups, start=1)
    )
    agent = next((m.author for m in messages if m.role == Role.agent), None)
    customer = next((m.author for m in messages if m.role == Role.customer), None)
    return Conversation(
        source=source, external_id=external_id, channel=Channel.phone, messages=messages,
        agent=agent, customer=customer,
    )


def _finish(turns, errors, *, path, source, external_id, speaker_roles) -> Iterator[ReadResult]:
    yield from errors
    conversation = turns_to_conversation(turns, source=source, external_id=external_id, speaker_roles=speaker_roles)
    if conversation is None:
        yield InvalidRecord("no speech in this transcript", path=str(path))
    else:
        yield conversation


def _read_text(path: Path) -> str:
    text = Path(path).read_bytes().decode("utf-8", errors="replace")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# -- WebVTT and SRT ------------------------------------------------------------------------------

_TIMESTAMP = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>", re.I)
_TAG = re.compile(r"</?[^>]*>")
_SPEAKER_PREFIX = re.compile(r"^\s*(?:-\s*|>>\s*)?([^\W\d][\w .'’\-]{0,39}?)\s*:\s+(\S.*)$", re.S)


def _seconds(value: str) -> float | None:
    m = _TIMESTAMP.match(value.strip())
    if not m:
        return None
    hours, minutes, seconds, fraction = m.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(fraction.ljust(3, "0")) / 1000


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """Blank-line separated blocks with the line number each starts on."""
    block: list[str] = []
    start = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _timing(line: str) -> tuple[float, float] | None:
    if "-->" not in line:
        return None
    left, right = line.split("-->", 1)
    start, end = _seconds(left), _seconds((right.split() or [""])[0])
    if start is None or end is None:
        return None
    return start, end


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub("", text))).strip()


def _speaker_prefix(text: str) -> tuple[str | None, str]:
    m = _SPEAKER_PREFIX.match(text)
    if m and not m.group(1).lower().startswith(("http", "note")):
        return m.group(1).strip(), m.group(2)
    return None, text


def _looks_vtt(path: Path, head: bytes) -> bool:
    return path.suffix.lower() == ".vtt" or head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT")


_SRT_HEAD = re.compile(rb"^\s*\d+[ \t]*\r?\n[ \t]*\d+:\d\d:\d\d[,.]\d{1,3}[ \t]*-->")


def _looks_srt(path: Path, head: bytes) -> bool:
    return path.suffix.lower() == ".srt" or bool(_SRT_HEAD.match(head.removeprefix(b"\xef\xbb\xbf")))


@reader("vtt", sniff=_looks_vtt, priority=60)
def read_vtt(path: Path, *, speaker_roles: SpeakerRoles = None) -> Iterator[ReadResult]:
    """WebVTT captions; the speaker comes from a voice span (`<v Agent Sam>`), else a leading
    "Name:", else the cue continues the previous speaker."""
    text = _read_text(path)
    if not text.startswith("WEBVTT") or (len(text) > 6 and text[6] not in " \t\n"):
        yield InvalidRecord('not WebVTT: the first line must be "WEBVTT"', path=str(path), record="line 1", field="header")
        return
    turns: list[Turn] = []
    errors: list[InvalidRecord] = []
    speaker = "Speaker"
    cue = 0
    for line_no, block in list(_blocks(text))[1:]:  # the first block is the header
        if block[0].startswith(("NOTE", "STYLE", "REGION")) and "-->" not in block[0]:
            continue
        timing_at = 0 if "-->" in block[0] else 1
        cue += 1
        record = f"cue {cue} (line {line_no})"
        timing = _timing(block[timing_at]) if len(block) > timing_at else None
        if timing is None:
            errors.append(InvalidRecord("cue timing is not 'start --> end' with hh:mm:ss.ttt times", path=str(path), record=record, field="timing"))
            continue
        payload = "\n".join(block[timing_at + 1 :])
        for voice, words in _voice_spans(payload):
            if voice is None:
                named, words = _speaker_prefix(_plain(words))
                speaker = named or speaker
            else:
                speaker = voice
            if _plain(words):
                turns.append(Turn(speaker, _plain(words), *timing))
    yield from _finish(turns, errors, path=path, source="vtt", external_id=Path(path).stem, speaker_roles=speaker_roles)


def _voice_spans(payload: str) -> list[tuple[str | None, str]]:
    """Split a cue payload at voice tags: [(voice or None, text), …]."""
    spans: list[tuple[str | None, str]] = []
    position, voice = 0, None
    for m in _VOICE.finditer(payload):
        if payload[position : m.start()].strip() or voice is not None:
            spans.append((voice, payload[position : m.start()]))
        voice = (m.group(1) or "").strip() or None
        position = m.end()
    spans.append((voice, payload[position:]))
    return spans


@reader("srt", sniff=_looks_srt, priority=60)
def read_srt(path: Path, *, speaker_roles: SpeakerRoles = None) -> Iterator[ReadResult]:
    """SubRip subtitles; the speaker is a leading "Name:" in the cue text, else the previous one."""
    text = _read_text(path)
    turns: list[Turn] = []
    errors: list[InvalidRecord] = []
    speaker = "Speaker"
    for number, (line_no, block) in enumerate(_blocks(text), start=1):
        index = block[0].strip()
        record = f"cue {index if index.isdigit() else number} (line {line_no})"
        if not index.isdigit():
            errors.append(InvalidRecord(f"cue number {index[:40]!r} is not a whole number", path=str(path), record=record, field="index"))
            continue
        timing = _timing(block[1]) if len(block) > 1 else None
        if timing is None:
            errors.append(InvalidRecord("cue timing is not 'hh:mm:ss,ttt --> hh:mm:ss,ttt'", path=str(path), record=record, field="timing"))
            continue
        named, words = _speaker_prefix(_plain("\n".join(block[2:])))
        speaker = named or speaker
        if words.strip():
            turns.append(Turn(speaker, words, *timing))
    yield from _finish(turns, errors, path=path, source="srt", external_id=Path(path).stem, speaker_roles=speaker_roles)


# -- JSON transcripts ----------------------------------------------------------------------------


def _load_json(path: Path) -> tuple[object, InvalidRecord | None]:
    try:
        return json.loads(Path(path).read_bytes().decode("utf-8")), None
    except UnicodeDecodeError as error:
        return None, InvalidRecord(f"not UTF-8 ({error.reason} at byte {error.start})", path=str(path))
    except json.JSONDecodeError as error:
        return None, InvalidRecord(f"not valid JSON ({error.msg}, line {error.lineno} column {error.colno})", path=str(path))


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if number >= 0 and number == number and number != float("inf") else None


def _looks_aws(path: Path, head: bytes) -> bool:
    return b'"jobName"' in head and b'"results"' in head


def _looks_deepgram(path: Path, head: bytes) -> bool:
    return b'"metadata"' in head and b'"channels"' in head and b'"results"' in head


@reader("aws-transcribe", sniff=_looks_aws, priority=60)
def read_aws_transcribe(path: Path, *, speaker_roles: SpeakerRoles = None) -> Iterator[ReadResult]:
    """Amazon Transcribe batch output: `audio_segments` when present, else the word `items` with
    their speaker (`speaker_labels`) or channel (`channel_labels`) labels."""
    data, error = _load_json(path)
    if error:
        yield error
        return
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, dict):
        yield InvalidRecord("no 'results' object", path=str(path), field="results")
        return
    external_id = str(data.get("jobName") or Path(path).stem)
    errors: list[InvalidRecord] = []
    if results.get("audio_segments"):
        turns = _aws_segments(results["audio_segments"], path, errors)
    elif isinstance(results.get("channel_labels"), dict):
        turns = []
        for channel in results["channel_labels"].get("channels") or []:
            label = str(channel.get("channel_label") or "ch_?")
            turns += _aws_items(channel.get("items") or [], path, errors, default_speaker=label, key="channel_label",
                                prefix=f"results.channel_labels.{label}")
    elif isinstance(results.get("speaker_labels"), dict):
        turns = _aws_items(results.get("items") or [], path, errors, default_speaker=None, key="speaker_label",
                           prefix="results.items", segments=results["speaker_labels"].get("segments") or [])
    else:
        yield InvalidRecord("no speaker information: the job ran without speaker partitioning or channel identification",
                            path=str(path), field="results.speaker_labels")
        return
    yield from _finish(turns, errors, path=path, source="aws-transcribe", external_id=external_id, speaker_roles=speaker_roles)


def _aws_segments(segments: list, path: Path, errors: list[InvalidRecord]) -> list[Turn]:
    turns = []
    for index, segment in enumerate(segments):
        record = f"audio segment {segment.get('id', index) if isinstance(segment, dict) else index}"
        if not isinstance(segment, dict):
            errors.append(InvalidRecord("expected an object", path=str(path), record=record))
            continue
        start, end = _number(segment.get("start_time")), _number(segment.get("end_time"))
        for name, value in (("start_time", start), ("end_time", end)):
            if value is None:
                errors.append(InvalidRecord(f"not a time in seconds: {segment.get(name)!r}", path=str(path), record=record, field=name))
                break
        else:
            speaker = str(segment.get("speaker_label") or segment.get("channel_label") or "spk_?")
            turns.append(Turn(speaker, str(segment.get("transcript") or ""), start, end))
    return turns


def _aws_items(items: list, path: Path, errors: list[InvalidRecord], *, default_speaker: str | None, key: str,
               prefix: str, segments: list | None = None) -> list[Turn]:
    """Words to one-word turns; punctuation sticks to the word before it."""
    by_start = {}
    for segment in segments or []:
        for item in segment.get("items") or []:
            by_start[str(item.get("start_time"))] = str(item.get("speaker_label") or segment.get("speaker_label"))
    turns: list[Turn] = []
    for index, item in enumerate(items):
        record = f"item {item.get('id', index) if isinstance(item, dict) else index}"
        if not isinstance(item, dict):
            errors.append(InvalidRecord("expected an object", path=str(path), record=record, field=prefix))
            continue
        alternatives = item.get("alternatives") or [{}]
        content = str(alternatives[0].get("content") or "") if isinstance(alternatives[0], dict) else ""
        if item.get("type") == "punctuation":
            if turns:
                last = turns[-1]
                turns[-1] = Turn(last.speaker, last.text + content, last.start_s, last.end_s)
            continue
        start, end = _number(item.get("start_time")), _number(item.get("end_time"))
        if start is None or end is None:
            field = "start_time" if start is None else "end_time"
            errors.append(InvalidRecord(f"not a time in seconds: {item.get(field)!r}", path=str(path), record=record, field=field))
            continue
        speaker = item.get(key) or by_start.get(str(item.get("start_time"))) or default_speaker
        if speaker is None:
            errors.append(InvalidRecord("word has no speaker label", path=str(path), record=record, field="speaker_label"))
            continue
        turns.append(Turn(str(speaker), content, start, end))
    return turns


@reader("deepgram", sniff=_looks_deepgram, priority=60)
def read_deepgram(path: Path, *, speaker_roles: SpeakerRoles = None) -> Iterator[ReadResult]:
    """Deepgram pre-recorded response: `results.utterances` when present, else the words of
    `results.channels[*].alternatives[0]` with their `speaker` (diarize) or channel (multichannel)."""
    data, error = _load_json(path)
    if error:
        yield error
        return
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, dict):
        yield InvalidRecord("no 'results' object", path=str(path), field="results")
        return
    errors: list[InvalidRecord] = []
    turns: list[Turn] = []
    channels = results.get("channels") or []
    if results.get("utterances"):
        for index, utterance in enumerate(results["utterances"]):
            record = f"utterance {index + 1}"
            start, end = _number(utterance.get("start")), _number(utterance.get("end"))
            if start is None or end is None:
                field = "start" if start is None else "end"
                errors.append(InvalidRecord(f"not a time in seconds: {utterance.get(field)!r}", path=str(path), record=record, field=field))
                continue
            speaker = _deepgram_speaker(utterance, channel=utterance.get("channel", 0), multichannel=len(channels) > 1)
            if speaker is None:
                errors.append(InvalidRecord("utterance has no speaker (request diarize=true or multichannel=true)",
                                            path=str(path), record=record, field="speaker"))
                continue
            turns.append(Turn(speaker, str(utterance.get("transcript") or ""), start, end))
    else:
        for channel_index, channel in enumerate(channels):
            alternatives = channel.get("alternatives") or [] if isinstance(channel, dict) else []
            words = alternatives[0].get("words") or [] if alternatives and isinstance(alternatives[0], dict) else []
            for index, word in enumerate(words):
                record = f"channel {channel_index} word {index + 1}"
                start, end = _number(word.get("start")), _number(word.get("end"))
                if start is None or end is None:
                    field = "start" if start is None else "end"
                    errors.append(InvalidRecord(f"not a time in seconds: {word.get(field)!r}", path=str(path), record=record, field=field))
                    continue
                speaker = _deepgram_speaker(word, channel=channel_index, multichannel=len(channels) > 1)
                if speaker is None:
                    errors.append(InvalidRecord("word has no speaker (request diarize=true or multichannel=true)",
                                                path=str(path), record=record, field="speaker"))
                    break
                turns.append(Turn(speaker, str(word.get("punctuated_word") or word.get("word") or ""), start, end))
        if not channels:
            errors.append(InvalidRecord("no channels", path=str(path), field="results.channels"))
    yield from _finish(turns, errors, path=path, source="deepgram", external_id=Path(path).stem, speaker_roles=speaker_roles)


def _deepgram_speaker(item: dict, *, channel: object, multichannel: bool) -> str | None:
    if isinstance(item.get("speaker"), int) and not isinstance(item.get("speaker"), bool):
        return f"speaker {item['speaker']}" if not multichannel else f"channel {channel} speaker {item['speaker']}"
    if multichannel:
        return f"channel {channel}"
    return None
