"""Export case files for a team huddle: one self-contained HTML page (inline CSS, no scripts,
no outside requests) or Markdown. Conversation text is always escaped; highlights are rendered
as `<mark>` (HTML) or **bold** with the note as a footnote (Markdown). A case file exports as its
viewer sees it, so an agent's export of another team's case file is redacted."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Literal

from heard.library.case_files import CaseFileView
from heard.web.highlight import segments

__all__ = ["export_case_files", "to_html", "to_markdown"]

CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1f2933}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2.5rem;border-top:1px solid #d9dee4;padding-top:1rem}
.meta,.muted{color:#52606d;font-size:.9rem}.lesson{background:#f5f7f9;padding:.75rem 1rem;border-radius:6px;white-space:pre-line}
.msg{margin:.75rem 0;padding:.5rem .75rem;border-left:4px solid #d9dee4}.msg.customer{border-color:#9bb3e0}
.msg.agent{border-color:#7bc47f}.who{font-weight:600;font-size:.9rem}.text{white-space:pre-wrap;margin:.25rem 0}
mark{background:#fff3b0;border-bottom:3px double #8a5a00}sup{color:#8a5a00;font-weight:700}
.note{margin:.2rem 0 .2rem 1rem;font-size:.95rem}.gap{border:2px dashed #8a5a00;padding:.4rem .7rem;margin:.5rem 0 .5rem 1.5rem;background:#fffaf0}
.tag{background:#f5f7f9;border-radius:1rem;padding:0 .5rem;margin-right:.3rem;font-size:.85rem}
.redacted{background:#eef4ff;padding:.4rem .7rem;border-radius:6px}
@media print{h2{page-break-before:always}}
""".strip()


def _numbered(view: CaseFileView) -> dict[int, int]:
    """Annotation id → its footnote number in this case file."""
    return {a.id: i for i, a in enumerate(view.annotations, 1)}


def _html_one(view: CaseFileView, level: str) -> str:
    c, numbers = view.public, _numbered(view)
    out = [f"<{level}>{escape(c.title)}</{level}>",
           f'<p class="meta">{escape(c.conversation.channel)} · {escape(c.conversation.subject or "")} · '
           f'outcome: {escape(c.conversation.outcome or "—")} · '
           f'{"shared with every team" if c.visibility == "shared" else "team " + escape(c.team or "—")}</p>']
    if view.redacted:
        out.append('<p class="redacted">Redacted: names and numbers are replaced by placeholders.</p>')
    if c.tags:
        out.append("<p>" + "".join(f'<span class="tag">{escape(t)}</span>' for t in c.tags) + "</p>")
    out.append(f'<p class="lesson">{escape(c.lesson)}</p>')
    for m in view.analysis.conversation.messages:
        notes = [a for a in view.annotations_on(m.id) if a.span]
        cut = segments(m.text, [(a.span.start, a.span.end) for a in notes])
        text = []
        for s in cut:
            piece = escape(s.text)
            if s.findings:
                piece = f"<mark>{piece}</mark>"
            text.append(piece)
            ends = [notes[i] for i in s.findings if notes[i].span.end == s.end]
            text.extend(f"<sup>{numbers[a.id]}</sup>" for a in ends)
        out.append(f'<div class="msg {escape(m.role.value)}"><div class="who">{escape(m.role.value)} '
                   f'{escape(m.author or "")} <span class="muted">· message {escape(m.id)}</span></div>'
                   f'<p class="text">{"".join(text)}</p>')
        out.extend(f'<p class="note"><sup>{numbers[a.id]}</sup> <em>“{escape(a.evidence or "")}”</em> — {escape(a.body)}</p>'
                   for a in notes)
        out.append("</div>")
        out.extend(f'<p class="gap"><sup>{numbers[a.id]}</sup> <strong>Missed moment after message {escape(m.id)}:</strong> '
                   f"{escape(a.body)}</p>" for a in view.gap_after(m.id))
    return "\n".join(out)


def to_html(views: Sequence[CaseFileView]) -> str:
    title = views[0].public.title if len(views) == 1 else f"{len(views)} case files"
    body = [_html_one(v, "h1" if len(views) == 1 else "h2") for v in views]
    if len(views) > 1:
        body.insert(0, f"<h1>{escape(title)}</h1>")
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            f"<title>{escape(title)} · Heard</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n<p class=\"muted\">Exported from Heard.</p>\n</body>\n</html>\n")


def _md_escape(text: str) -> str:
    """Conversation text as Markdown that renders as the same words (no links, HTML or emphasis)."""
    for ch in "\\`*_{}[]<>#|~":
        text = text.replace(ch, "\\" + ch)
    return text


def _md_one(view: CaseFileView, level: str) -> str:
    c, numbers = view.public, _numbered(view)
    out = [f"{level} {_md_escape(c.title)}", "",
           f"*{c.conversation.channel} · {_md_escape(c.conversation.subject or '')} · outcome: {c.conversation.outcome or '—'}*", ""]
    if view.redacted:
        out += ["> Redacted: names and numbers are replaced by placeholders.", ""]
    if c.tags:
        out += ["Tags: " + ", ".join(_md_escape(t) for t in c.tags), ""]
    out += ["**The lesson.** " + _md_escape(c.lesson), ""]
    for m in view.analysis.conversation.messages:
        notes = [a for a in view.annotations_on(m.id) if a.span]
        cut = segments(m.text, [(a.span.start, a.span.end) for a in notes])
        text = ""
        for s in cut:
            piece = _md_escape(s.text)
            text += f"**{piece}**" if s.findings and s.text.strip() else piece
            text += "".join(f"[^{numbers[notes[i].id]}]" for i in s.findings if notes[i].span.end == s.end)
        quoted = "\n".join("> " + line for line in text.split("\n"))
        out += [f"**{m.role.value} {_md_escape(m.author or '')}** (message {m.id})", "", quoted, ""]
        out += [f"> *Missed moment after message {m.id}:* {_md_escape(a.body)} [^{numbers[a.id]}]" for a in view.gap_after(m.id)]
        if view.gap_after(m.id):
            out.append("")
    out += [f"[^{numbers[a.id]}]: {_md_escape(a.body)}" for a in view.annotations]
    return "\n".join(out) + "\n"


def to_markdown(views: Sequence[CaseFileView]) -> str:
    level = "#" if len(views) == 1 else "##"
    head = [] if len(views) == 1 else [f"# {len(views)} case files", ""]
    return "\n".join(head) + "\n".join(_md_one(v, level) for v in views)


def export_case_files(views: Sequence[CaseFileView], *, fmt: Literal["html", "md"]) -> str:
    return to_html(views) if fmt == "html" else to_markdown(views)
