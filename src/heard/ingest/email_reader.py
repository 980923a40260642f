"""Email: `.eml` files and `mbox` archives, threaded into conversations.

Each message is parsed with the standard library (`email` with `policy.default`, `mailbox.mbox`)
into a `ParsedEmail`; `thread_messages` then groups parsed messages into threads by Message-ID,
In-Reply-To and References (JWZ-style: messages that share any id, even of a message that is not
in the export, belong together), falling back to the subject with "Re:"/"Fwd:" stripped for a
reply that carries no reference headers.

Per file, the registry calls `read_email`: an mbox is threaded on its own; a single `.eml` becomes
a one-message conversation. To thread a folder of `.eml` files, use `read_eml_files(paths)` or
`read_email_folder(path)`; `read_path` needs a small change to do that for you (see
docs/formats/email-transcripts-social.md).

Text: the analysed `Message.text` has quoted replies ("On … wrote:", ">" lines, Outlook
"-----Original Message-----" and "From:/Sent:" header blocks) and signatures ("-- ", "Sent from
my iPhone", a closing sign-off block) removed; `original_text` keeps the full decoded body. An
HTML-only body is turned into text. A declared charset is honoured; an undeclared or broken one
is decoded as UTF-8 with replacement characters, and a message with no usable body still yields
a message with empty text.

Roles: the thread's first sender is the customer. Senders whose domain is a support domain are
agents; by default the support domain is the domain of the address the first message was sent
To (pass `support_domains` to name them). Anyone else (a colleague in Cc, say) is a customer.
"""

from __future__ import annotations

import email
import hashlib
import mailbox
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path

from heard.errors import IngestError, InvalidRecord
from heard.ingest._text import html_to_text
from heard.ingest.registry import ReadResult, reader
from heard.model import Channel, Conversation, Message, Role

__all__ = [
    "ParsedEmail",
    "clean_body",
    "parse_email",
    "read_email",
    "read_email_folder",
    "read_eml_files",
    "read_mbox",
    "thread_messages",
]

SOURCE = "email"


@dataclass(frozen=True)
class ParsedEmail:
    """One email, decoded. `body` is the full text; `text` the part worth analysing."""

    path: str
    record: str
    order: int
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    sender: str
    sender_name: str
    to: tuple[str, ...]
    sent_at: datetime | None
    body: str
    text: str


# -- sniffing and the registered reader ---------------------------------------------------------

_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:", re.M)


def _looks_like_email(path: Path, head: bytes) -> bool:
    if path.suffix.lower() in {".eml", ".mbox"}:
        return True
    if head.startswith(b"From ") and b"\n" in head:  # mbox "From sender date" separator line
        return True
    top = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    names = {m.group(0).lower() for m in _HEADER_LINE.finditer(top)}
    return {b"from:", b"subject:"} <= names and bool({b"message-id:", b"date:", b"received:"} & names)


def _is_mbox(path: Path) -> bool:
    if path.suffix.lower() == ".mbox":
        return True
    with open(path, "rb") as f:
        return f.read(5) == b"From "


def read_email_files(paths: Iterable[Path | str], *, support_domains: Iterable[str] | None = None) -> Iterator[ReadResult]:
    """Many files at once: each mbox threaded on its own, every other email file threaded together."""
    paths = [Path(p) for p in paths]
    yield from read_eml_files([p for p in paths if not _is_mbox(p)], support_domains=support_domains)
    for path in paths:
        if _is_mbox(path):
            yield from read_mbox(path, support_domains=support_domains)


@reader("email", sniff=_looks_like_email, priority=60, read_many=read_email_files)
def read_email(path: Path, *, support_domains: Iterable[str] | None = None) -> Iterator[ReadResult]:
    """An mbox (threaded on its own) or a single .eml file."""
    path = Path(path)
    if _is_mbox(path):
        yield from read_mbox(path, support_domains=support_domains)
    else:
        yield from read_eml_files([path], support_domains=support_domains)


_MBOXRD_FROM = re.compile(rb"^>(>*From )", re.M)  # mbox escapes body lines starting "From "


def read_mbox(path: Path | str, *, support_domains: Iterable[str] | None = None) -> Iterator[ReadResult]:
    """Every thread in one mbox archive; a message that can't be read yields an error naming it."""
    parsed: list[ParsedEmail] = []
    box = mailbox.mbox(str(path), create=False)
    try:
        for index, key in enumerate(box.iterkeys(), start=1):
            raw = _MBOXRD_FROM.sub(rb"\1", box.get_bytes(key))
            result = parse_email(raw, path=str(path), record=f"message {index}", order=index)
            if isinstance(result, IngestError):
                yield result
            else:
                parsed.append(result)
    finally:
        box.close()
    yield from thread_messages(parsed, support_domains=support_domains)


def read_eml_files(paths: Iterable[Path | str], *, support_domains: Iterable[str] | None = None) -> Iterator[ReadResult]:
    """Parse each .eml file on its own, then thread them all together."""
    parsed: list[ParsedEmail] = []
    for order, file in enumerate(paths, start=1):
        try:
            raw = Path(file).read_bytes()
        except OSError as error:
            yield InvalidRecord(f"cannot read ({error.strerror})", path=str(file))
            continue
        result = parse_email(raw, path=str(file), record=Path(file).name, order=order)
        if isinstance(result, IngestError):
            yield result
        else:
            parsed.append(result)
    yield from thread_messages(parsed, support_domains=support_domains)


def read_email_folder(path: Path | str, *, support_domains: Iterable[str] | None = None) -> Iterator[ReadResult]:
    """Every email file under a folder: .eml files threaded together, each mbox on its own."""
    files = sorted(p for p in Path(path).rglob("*") if p.is_file() and not p.name.startswith("."))
    yield from read_email_files([p for p in files if p.suffix.lower() == ".eml" or _is_mbox(p)],
                                support_domains=support_domains)


# -- one message ---------------------------------------------------------------------------------

_ID = re.compile(r"<([^<>\s]+)>")


def _ids(value: str | None) -> list[str]:
    if not value:
        return []
    found = _ID.findall(str(value))
    return found or [v for v in str(value).split() if "@" in v]


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message[name]
    except Exception:  # noqa: BLE001 - a header too broken to parse: fall back to its raw text
        value = next((raw for key, raw in message.raw_items() if key.lower() == name.lower()), None)
    return None if value is None else str(value)


def parse_email(raw: bytes, *, path: str, record: str, order: int = 0) -> ParsedEmail | InvalidRecord:
    """Decode one RFC 5322 message; an error names the header it could not use."""
    message = email.message_from_bytes(raw, policy=policy.default)
    from_value = _header(message, "From")
    name, address = parseaddr(from_value or "")
    if not address:
        reason = "no From header" if not from_value else f"no address in From header {from_value!r}"
        return InvalidRecord(reason, path=path, record=record, field="From")
    message_ids = _ids(_header(message, "Message-ID"))
    in_reply_to = _ids(_header(message, "In-Reply-To"))
    to = tuple(a.lower() for _, a in getaddresses([_header(message, "To") or ""]) if a)
    body = _body_text(message)
    return ParsedEmail(
        path=path,
        record=record,
        order=order,
        message_id=message_ids[0] if message_ids else None,
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=tuple(_ids(_header(message, "References"))),
        subject=_normal_lines(_header(message, "Subject") or "").replace("\n", " ").strip(),
        sender=address.lower(),
        sender_name=name,
        to=to,
        sent_at=_date(_header(message, "Date")),
        body=body,
        text=clean_body(body),
    )


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


_LATIN_1 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}


def _decode(payload: bytes, charset: str | None) -> str:
    """Bytes to text: the declared charset (latin-1/ASCII read as windows-1252, as browsers do),
    else UTF-8; anything undecodable becomes U+FFFD rather than an error."""
    name = (charset or "utf-8").strip().strip('"').lower()
    if name in _LATIN_1:
        try:
            return payload.decode("cp1252")
        except UnicodeDecodeError:
            return payload.decode("latin-1")
    try:
        return payload.decode(name, errors="replace")
    except LookupError:  # an unknown charset name
        return payload.decode("utf-8", errors="replace")


def _body_text(message: EmailMessage) -> str:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except Exception:  # noqa: BLE001 - a malformed MIME tree: no usable body
        part = None
    if part is None:
        if message.is_multipart():
            return ""
        part = message
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001
        payload = None
    if payload is None:
        return ""
    text = _decode(payload, part.get_content_charset())
    if part.get_content_type() == "text/html":
        return html_to_text(text)
    if part.get_content_maintype() != "text":
        return ""
    return _normal_lines(text).strip("\n")


def _normal_lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- quotes and signatures -----------------------------------------------------------------------

_ON_WROTE = re.compile(
    r"^\s*(on\b.{0,300}\bwrote:|le\b.{0,300}\ba écrit\s?:|am\b.{0,300}\bschrieb\b.{0,100}:|el\b.{0,300}\bescribió:)\s*$",
    re.I | re.S,
)
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(original message|original-nachricht|message d'origine)\s*-{2,}\s*$", re.I)
_OUTLOOK_FROM = re.compile(r"^\s*\*?(from|von|de)\s*:\*?\s+\S", re.I)
_OUTLOOK_NEXT = re.compile(r"^\s*\*?(sent|date|to|subject|gesendet|envoyé)\s*:", re.I)
_UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")
_SIG_DELIMITER = re.compile(r"^-- ?$")
_MOBILE = re.compile(
    r"^\s*(sent from my \w+|sent from (outlook|yahoo mail|mail) for \w+|get outlook for \w+|sent from my .{1,40})\s*\.?\s*$",
    re.I,
)
_SIGN_OFF = re.compile(
    r"^\s*(thanks|thank you|many thanks|thanks again|thanks so much|cheers|regards|best|best regards|"
    r"kind regards|warm regards|warmly|sincerely|yours sincerely|yours truly|all the best|take care|"
    r"talk soon|respectfully|br)\s*[,.!]?\s*$",
    re.I,
)
_SIGN_OFF_MAX_LINES = 5  # name, title, company, phone, url after the sign-off line


def clean_body(body: str) -> str:
    """The new words of an email: quoted replies, forwarded headers and signatures removed."""
    lines = _normal_lines(body).split("\n")
    lines = lines[: _quote_start(lines)]
    lines = [line for line in lines if not line.lstrip().startswith(">")]
    lines = lines[: _signature_start(lines)]
    return "\n".join(line.rstrip() for line in lines).strip()


def _quote_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if _ORIGINAL.match(line):
            return i
        if line.lstrip().lower().startswith(("on ", "le ", "am ", "el ")):
            for span in (1, 2, 3):  # "On …, Name <a@b>\nwrote:" wraps over up to three lines
                if _ON_WROTE.match(" ".join(lines[i : i + span])):
                    return i
        if _OUTLOOK_FROM.match(line) and any(_OUTLOOK_NEXT.match(n) for n in lines[i + 1 : i + 4]):
            return i - 1 if i > 0 and _UNDERSCORES.match(lines[i - 1]) else i
    return len(lines)


def _signature_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if _SIG_DELIMITER.match(line) or _MOBILE.match(line):
            return i
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    for i in range(end - 1, max(-1, end - 2 - _SIGN_OFF_MAX_LINES), -1):
        if _SIGN_OFF.match(lines[i]):
            tail = [t for t in lines[i + 1 : end] if t.strip()]
            if all(len(t.strip()) <= 60 for t in tail):
                return i
    return len(lines)


# -- threading -----------------------------------------------------------------------------------

_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|tr|sv|vs)\s*(\[\d+\])?\s*:\s*)+", re.I)


def _base_subject(subject: str) -> str:
    return re.sub(r"\s+", " ", _REPLY_PREFIX.sub("", subject)).strip().lower()


def thread_messages(
    messages: Iterable[ParsedEmail], *, support_domains: Iterable[str] | None = None
) -> Iterator[Conversation]:
    """Group parsed emails into conversations, one per thread, in order of each thread's first
    message. A message repeated (same Message-ID) is kept once."""
    unique: list[ParsedEmail] = []
    seen: set[str] = set()
    for m in messages:
        if m.message_id and m.message_id in seen:
            continue
        if m.message_id:
            seen.add(m.message_id)
        unique.append(m)

    parent: dict[str, str] = {}

    def find(key: str) -> str:
        root = key
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(key, key) != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    keys = [f"id:{m.message_id}" if m.message_id else f"msg:{m.path}:{m.record}" for m in unique]
    for key, m in zip(keys, unique):
        parent.setdefault(key, key)
        for ref in (*m.references, *([m.in_reply_to] if m.in_reply_to else [])):
            parent.setdefault(f"id:{ref}", f"id:{ref}")
            union(key, f"id:{ref}")

    # Subject fallback: a "Re:"/"Fwd:" message without reference headers joins the earliest
    # thread with the same base subject.
    first_by_subject: dict[str, str] = {}
    for key, m in sorted(zip(keys, unique), key=lambda km: _sort_key(km[1])):
        base = _base_subject(m.subject)
        if not base:
            continue
        is_reply = bool(_REPLY_PREFIX.match(m.subject))
        if is_reply and not m.references and not m.in_reply_to and base in first_by_subject:
            union(first_by_subject[base], key)
        first_by_subject.setdefault(base, key)

    threads: dict[str, list[ParsedEmail]] = {}
    for key, m in zip(keys, unique):
        threads.setdefault(find(key), []).append(m)
    ordered = sorted(threads.values(), key=lambda group: min(_sort_key(m) for m in group))
    domains = {d.lower().lstrip("@") for d in support_domains} if support_domains is not None else None
    for group in ordered:
        yield _conversation(sorted(group, key=_sort_key), domains)


def _sort_key(m: ParsedEmail) -> tuple:
    when = m.sent_at.timestamp() if m.sent_at else float("inf")
    return (when, m.order, m.record)


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower() if "@" in address else ""


def _thread_id(first: ParsedEmail) -> str:
    if first.references:  # the thread's root, even when that message is not in the export
        return first.references[0]
    if first.in_reply_to:
        return first.in_reply_to
    if first.message_id:
        return first.message_id
    digest = hashlib.sha1(f"{first.sender}|{first.sent_at}|{first.subject}|{first.body}".encode()).hexdigest()
    return f"sha1:{digest[:20]}"


def _conversation(group: list[ParsedEmail], support_domains: set[str] | None) -> Conversation:
    first = group[0]
    customer = first.sender
    domains = support_domains if support_domains is not None else {_domain(a) for a in first.to[:1]} - {""}
    messages = []
    for index, m in enumerate(group, start=1):
        if m.sender == customer:
            role = Role.customer
        elif _domain(m.sender) in domains:
            role = Role.agent
        else:
            role = Role.customer
        messages.append(
            Message(
                id=m.message_id or str(index),
                role=role,
                text=m.text,
                sent_at=m.sent_at,
                author=m.sender,
                original_text=m.body if m.body != m.text else None,
            )
        )
    agent = next((msg.author for msg in messages if msg.role == Role.agent), None)
    return Conversation(
        source=SOURCE,
        external_id=_thread_id(first),
        channel=Channel.email,
        messages=tuple(messages),
        subject=_REPLY_PREFIX.sub("", first.subject).strip() or None,
        customer=customer,
        agent=agent,
        started_at=first.sent_at,
    )
