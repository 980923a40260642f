"""Social: the "Customer Support on Twitter" (TWCS) CSV and X API v2 tweet JSON.

**TWCS** (`source="twcs"`): one tweet per row (tweet_id, author_id, inbound, created_at, text,
response_tweet_id, in_response_to_tweet_id). Threads are rebuilt from the reply links; the root is
the tweet with no `in_response_to_tweet_id`, and its id is the conversation's external id. Inbound
tweets are the customer's, the others the brand's (agent; author = the brand handle).

The file is streamed. A thread is *open* while some tweet id it references (a parent or a reply)
has not been read yet; the moment the last one arrives the thread is complete and is emitted, and
its rows are forgotten. Memory is therefore bounded by the open threads, not by the file: in the
real export a thread's rows sit close together, so few are open at once. Threads that reference
tweets missing from the file (deleted replies, a cut excerpt) stay open until the end of the file
and are emitted then. To cap memory on a file with many such threads pass `window=N`: a thread
that has stayed open for N rows is emitted as it is, and a late reply to it then starts a new
conversation (external id = the smallest tweet id in it, tag "partial"), as does any thread
whose root tweet is not in the file.

**X API v2** (`source="x"`): a response of `/2/tweets`, `/2/tweets/search/*` or a tweet lookup
(`{"data": [...], "includes": {"users": [...], "tweets": [...]}}`), grouped by `conversation_id`.
The customer is the author of the conversation's root tweet (the tweet whose id is the
conversation id; when the root is not in the file, the user the replies to it were addressed to).
Agents are the handles in `support_handles` when given; otherwise the accounts the root tweet
opens by @-mentioning and the accounts the customer replies to; if that finds nobody, every other
author. Everyone else is a customer.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from heard.errors import InvalidRecord
from heard.ingest.registry import ReadResult, reader
from heard.model import Channel, Conversation, Message, Role

__all__ = ["read_twcs", "read_x"]

TWCS_COLUMNS = ("tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id")
_BARE_CR = "\ue000"  # stands in for a carriage return inside a field while the csv module reads the row


def _looks_twcs(path: Path, head: bytes) -> bool:
    header = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
    columns = {c.strip().strip('"') for c in header.strip().split(",")}
    return set(TWCS_COLUMNS) <= columns


def _looks_x(path: Path, head: bytes) -> bool:
    return b'"conversation_id"' in head and b'"data"' in head


# -- TWCS ----------------------------------------------------------------------------------------


@dataclass
class _Tweet:
    id: str
    author: str
    inbound: bool
    sent_at: datetime
    text: str
    parent: str | None
    replies: tuple[str, ...]
    line: int


@dataclass
class _Thread:
    tweets: dict[str, _Tweet] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    opened_at_row: int = 0


def _tweet_id(value: str | None) -> str | None:
    """'3' and '3.0' (pandas writes ids as floats) are the same tweet."""
    value = (value or "").strip()
    if value.endswith(".0"):
        value = value[:-2]
    return value if value.isdigit() else None


def _physical_lines(binary) -> Iterator[str]:
    """Lines split on \\n only. A bare \\r inside a row (some TWCS texts have them, unquoted) is
    kept inside the field instead of ending the row, and \\r\\n endings become \\n."""
    for raw in binary:
        line = raw.decode("utf-8", errors="replace")
        line = line[:-1] if line.endswith("\n") else line
        line = line[:-1] if line.endswith("\r") else line
        yield line.replace("\r", _BARE_CR) + "\n"


def _unescape(text: str) -> str:
    text = text.replace(_BARE_CR, "\n")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@reader("twcs", sniff=_looks_twcs, priority=60)
def read_twcs(path: Path, *, window: int | None = None) -> Iterator[ReadResult]:
    """Stream TWCS threads; each is yielded once every tweet it references has been read (or at
    the end of the file, or after `window` rows when given)."""
    path = Path(path)
    with open(path, "rb") as binary:
        rows = csv.reader(_physical_lines(binary))
        header = next(rows, None)
        if header is None:
            yield InvalidRecord("empty file", path=str(path), record="line 1")
            return
        header = [h.strip().removeprefix("\ufeff") for h in header]
        missing = [c for c in TWCS_COLUMNS if c not in header]
        if missing:
            yield InvalidRecord(f"missing column(s) {', '.join(missing)}", path=str(path), record="line 1", field=missing[0])
            return
        position = {c: header.index(c) for c in TWCS_COLUMNS}
        index: dict[str, _Thread] = {}  # tweet id (read or referenced) → its open thread
        open_threads: dict[int, _Thread] = {}  # id(thread) → thread, oldest first
        row_number = 0
        while True:
            line = rows.line_num + 1
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as error:
                yield InvalidRecord(f"broken CSV ({error})", path=str(path), record=f"line {line}")
                continue
            row_number += 1
            tweet = _parse_row(row, position, len(header), path=path, line=line)
            if isinstance(tweet, InvalidRecord):
                yield tweet
                continue
            thread = _place(tweet, index, open_threads, row_number)
            if thread is None:
                yield InvalidRecord("this tweet id was already read", path=str(path), record=f"tweet {tweet.id} (line {line})",
                                    field="tweet_id")
                continue
            if not thread.pending:
                yield _close(thread, index, open_threads)
            while window and open_threads:
                oldest = next(iter(open_threads.values()))
                if row_number - oldest.opened_at_row < window:
                    break
                yield _close(oldest, index, open_threads)
        for thread in list(open_threads.values()):
            yield _close(thread, index, open_threads)


def _parse_row(row: list[str], position: dict[str, int], width: int, *, path: Path, line: int) -> _Tweet | InvalidRecord:
    tweet_id = _tweet_id(row[position["tweet_id"]]) if len(row) > position["tweet_id"] else None
    record = f"tweet {tweet_id} (line {line})" if tweet_id else f"line {line}"
    if len(row) != width:
        return InvalidRecord(f"wrong number of columns ({len(row)}, expected {width})", path=str(path), record=record)
    if tweet_id is None:
        return InvalidRecord(f"not a tweet id: {row[position['tweet_id']][:40]!r}", path=str(path), record=record, field="tweet_id")
    inbound = row[position["inbound"]].strip().lower()
    if inbound not in {"true", "false"}:
        return InvalidRecord(f"expected True or False, got {inbound[:40]!r}", path=str(path), record=record, field="inbound")
    created = row[position["created_at"]].strip()
    try:
        sent_at = datetime.strptime(created, "%a %b %d %H:%M:%S %z %Y")
    except ValueError:
        return InvalidRecord(f"not a date like 'Tue Oct 31 22:10:47 +0000 2017': {created[:40]!r}", path=str(path),
                             record=record, field="created_at")
    author = row[position["author_id"]].strip()
    if not author:
        return InvalidRecord("empty value", path=str(path), record=record, field="author_id")
    parent_raw = row[position["in_response_to_tweet_id"]].strip()
    parent = _tweet_id(parent_raw)
    if parent_raw and parent is None:
        return InvalidRecord(f"not a tweet id: {parent_raw[:40]!r}", path=str(path), record=record, field="in_response_to_tweet_id")
    replies_raw = [r for r in row[position["response_tweet_id"]].split(",") if r.strip()]
    replies = tuple(r for r in (_tweet_id(v) for v in replies_raw) if r)
    if len(replies) != len(replies_raw):
        return InvalidRecord(f"not a list of tweet ids: {row[position['response_tweet_id']][:60]!r}", path=str(path),
                             record=record, field="response_tweet_id")
    return _Tweet(tweet_id, author, inbound == "true", sent_at, _unescape(row[position["text"]]), parent, replies, line)


def _place(tweet: _Tweet, index: dict[str, _Thread], open_threads: dict[int, _Thread], row_number: int) -> _Thread | None:
    """Put a tweet in its open thread, merging the threads it links; None for a repeated id."""
    links = [tweet.id, *([tweet.parent] if tweet.parent else []), *tweet.replies]
    touched: list[_Thread] = []
    for key in links:
        found = index.get(key)
        if found is not None and all(found is not t for t in touched):
            touched.append(found)
    if any(tweet.id in t.tweets for t in touched):
        return None
    if touched:
        thread = max(touched, key=lambda t: len(t.tweets) + len(t.pending))
        for other in touched:
            if other is thread:
                continue
            thread.tweets.update(other.tweets)
            thread.pending |= other.pending
            thread.opened_at_row = min(thread.opened_at_row, other.opened_at_row)
            for key in (*other.tweets, *other.pending):
                index[key] = thread
            open_threads.pop(id(other), None)
    else:
        thread = _Thread(opened_at_row=row_number)
        open_threads[id(thread)] = thread
    thread.tweets[tweet.id] = tweet
    thread.pending.discard(tweet.id)
    index[tweet.id] = thread
    for key in links[1:]:
        if key not in thread.tweets:
            thread.pending.add(key)
            index[key] = thread
    return thread


def _close(thread: _Thread, index: dict[str, _Thread], open_threads: dict[int, _Thread]) -> Conversation:
    open_threads.pop(id(thread), None)
    for key in (*thread.tweets, *thread.pending):
        if index.get(key) is thread:
            del index[key]
    return _twcs_conversation(thread)


def _twcs_conversation(thread: _Thread) -> Conversation:
    tweets = sorted(thread.tweets.values(), key=lambda t: (t.sent_at, int(t.id)))
    roots = [t for t in tweets if t.parent is None]
    partial = not roots
    root = roots[0] if roots else min(tweets, key=lambda t: int(t.id))
    messages = tuple(
        Message(id=t.id, role=Role.customer if t.inbound else Role.agent, text=t.text, sent_at=t.sent_at, author=t.author)
        for t in tweets
    )
    customer = root.author if root.inbound else next((t.author for t in tweets if t.inbound), None)
    agent = next((t.author for t in tweets if not t.inbound), None)
    return Conversation(
        source="twcs", external_id=root.id, channel=Channel.social, messages=messages,
        customer=customer, agent=agent, started_at=tweets[0].sent_at, tags=("partial",) if partial else (),
    )


# -- X API v2 ------------------------------------------------------------------------------------

_LEADING_MENTIONS = re.compile(r"^(?:\s*@(\w{1,15}))+")


@reader("x", sniff=_looks_x, priority=60)
def read_x(path: Path, *, support_handles: Iterable[str] | None = None) -> Iterator[ReadResult]:
    """Conversations in an X API v2 tweets response, one per conversation_id."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as error:
        yield InvalidRecord(f"not UTF-8 ({error.reason} at byte {error.start})", path=str(path))
        return
    except json.JSONDecodeError as error:
        yield InvalidRecord(f"not valid JSON ({error.msg}, line {error.lineno} column {error.colno})", path=str(path))
        return
    if not isinstance(data, dict):
        yield InvalidRecord("expected a JSON object with 'data'", path=str(path), field="data")
        return
    for problem in data.get("errors") or []:  # partial errors, e.g. a deleted tweet
        if isinstance(problem, dict):
            yield InvalidRecord(str(problem.get("detail") or problem.get("title") or "API error"), path=str(path),
                                record=f"tweet {problem.get('resource_id') or problem.get('value')}",
                                field=problem.get("parameter"))
    includes = data.get("includes") if isinstance(data.get("includes"), dict) else {}
    users = {str(u.get("id")): str(u.get("username") or u.get("id")) for u in includes.get("users") or [] if isinstance(u, dict)}
    tweets = data.get("data")
    tweets = [tweets] if isinstance(tweets, dict) else tweets
    if not isinstance(tweets, list):
        if not data.get("errors"):
            yield InvalidRecord("no 'data' list of tweets", path=str(path), field="data")
        return
    included = [t for t in includes.get("tweets") or [] if isinstance(t, dict)]
    by_conversation: dict[str, dict[str, tuple[dict, datetime]]] = {}
    for index, tweet in enumerate([*tweets, *included]):
        from_includes = index >= len(tweets)
        parsed = _x_tweet(tweet, index, path)
        if isinstance(parsed, InvalidRecord):
            if not from_includes:
                yield parsed
            continue
        conversation_id, sent_at = parsed
        group = by_conversation.setdefault(conversation_id, {})
        if from_includes and conversation_id not in {str(t.get("conversation_id")) for t in tweets if isinstance(t, dict)}:
            continue  # a quoted or referenced tweet from another conversation
        group.setdefault(str(tweet["id"]), (tweet, sent_at))
    handles = {h.lower().lstrip("@") for h in support_handles} if support_handles is not None else None
    for conversation_id, group in by_conversation.items():
        if group:
            yield _x_conversation(conversation_id, list(group.values()), users, handles)


def _x_tweet(tweet: object, index: int, path: Path) -> tuple[str, datetime] | InvalidRecord:
    if not isinstance(tweet, dict):
        return InvalidRecord("expected a tweet object", path=str(path), record=f"data[{index}]")
    record = f"tweet {tweet['id']}" if tweet.get("id") else f"data[{index}]"
    for name in ("id", "text", "author_id", "conversation_id", "created_at"):
        if tweet.get(name) in (None, ""):
            hint = " (request tweet.fields=author_id,conversation_id,created_at)" if name != "text" else ""
            return InvalidRecord(f"missing{hint}", path=str(path), record=record, field=name)
    try:
        sent_at = datetime.fromisoformat(str(tweet["created_at"]).replace("Z", "+00:00"))
    except ValueError:
        return InvalidRecord(f"not an ISO 8601 time: {str(tweet['created_at'])[:40]!r}", path=str(path), record=record,
                             field="created_at")
    return str(tweet["conversation_id"]), sent_at


def _replied_to(tweet: dict) -> str | None:
    for ref in tweet.get("referenced_tweets") or []:
        if isinstance(ref, dict) and ref.get("type") == "replied_to":
            return str(ref.get("id"))
    return None


def _x_conversation(conversation_id: str, group: list[tuple[dict, datetime]], users: dict[str, str],
                    handles: set[str] | None) -> Conversation:
    group.sort(key=lambda pair: (pair[1], int(pair[0]["id"]) if str(pair[0]["id"]).isdigit() else 0))
    root = next((t for t, _ in group if str(t["id"]) == conversation_id), None)
    if root is not None:
        customer = str(root["author_id"])
    else:  # the root is not in the file: whom the first reply to it was addressed to
        first_reply = next((t for t, _ in group if _replied_to(t) == conversation_id and t.get("in_reply_to_user_id")), None)
        customer = str(first_reply["in_reply_to_user_id"]) if first_reply else str(group[0][0]["author_id"])
    authors = list(dict.fromkeys(str(t["author_id"]) for t, _ in group))
    by_handle = {name.lower(): uid for uid, name in users.items()}
    if handles is not None:
        agents = {a for a in authors if a in handles or users.get(a, "").lower() in handles}
    else:
        agents = set()
        if root is not None:
            m = _LEADING_MENTIONS.match(str(root["text"]))
            if m:
                agents |= {by_handle[h.lower()] for h in re.findall(r"@(\w+)", m.group(0)) if h.lower() in by_handle}
        agents |= {str(t["in_reply_to_user_id"]) for t, _ in group
                   if str(t["author_id"]) == customer and t.get("in_reply_to_user_id")}
        agents.discard(customer)
        if not agents & set(authors):
            agents = set(authors) - {customer}
    messages = tuple(
        Message(
            id=str(t["id"]),
            role=Role.agent if str(t["author_id"]) in agents else Role.customer,
            text=_unescape(str(t["text"])).replace("\r\n", "\n").replace("\r", "\n"),
            sent_at=sent_at,
            author=users.get(str(t["author_id"]), str(t["author_id"])),
        )
        for t, sent_at in group
    )
    agent = next((m.author for m in messages if m.role == Role.agent), None)
    return Conversation(
        source="x", external_id=conversation_id, channel=Channel.social, messages=messages,
        customer=users.get(customer, customer), agent=agent, started_at=group[0][1],
        tags=() if root is not None else ("partial",),
    )
