"""move.closure: the agent closes the loop — sums up what happened and what was done or changed,
how repeats are prevented, thanks for patience at resolution, or invites feedback. A mere sign-off
("have a nice day") or "thanks for your patience" while the case is still open is not closure."""

from __future__ import annotations

from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import agent_messages, quote, sentences
from heard.analyze.text import phrases
from heard.model import Conversation, Finding, Message

KIND = "move.closure"

# What was done or found at the customer's request: both evidence that something was done and a
# closing cue of its own.
_NO_LONGER = r"will\s+no\s+longer\s+(?:be\s+sent|receive|be\s+charged|be\s+billed)"
_NOTHING_FOUND = r"(?:no|nothing)\b[^.!?]{0,30}?\b(?:was|were)\s+found"
# The helpdesk's word that the case is done ("your order has been handled", "the handling has been
# completed", "resolved in the new version"): what was done, said as the outcome.
_HANDLED = (r"(?<!sure\s)(?<!ensure\s)(?<!if\s)(?<!whether\s)(?<!hope\s)(?:your|the|this)\s+(?:order|issue|problem|request|complaint|matter|case|reservation|booking|refund)\s+(?:has|have)\s+"
            r"(?:already\s+)?been\s+(?:handled|completed|settled|made)|(?:handling|processing|repair|refund)\s+has\s+been\s+completed|"
            r"(?:reservation|booking)\s+has\s+been\s+made|(?:resolved|fixed|optimi[sz]ed?)\s+(?:it\s+)?in\s+the\s+(?:latest|new)\s+(?:[\w.]+\s+)?version|"
            r"(?:we|I)\s+have\s+contacted\s+(?:with\s+)?you\b[^.!?]{0,60}?\band\s+handled\s+it|(?:we|I)(?:'ve|\s+have)\s+(?:already\s+)?refunded\s+you\b")
_DONE = phrases(
    r"(?:I|we)(?:'ve|\s+have)\s+(?:now\s+|also\s+|already\s+)?(?:fixed|refunded|reversed|raised|released|corrected|"
    r"updated|credited|removed|replaced|reset|resolved|restored|issued|processed|changed|cancelled|canceled|"
    r"waived|applied|added|re-?sent|reshipped|sorted|rebooked|unlocked|reactivated|put in place|patched|closed)",
    r"(?:I|we)\s+(?:just\s+|also\s+|already\s+)?(?:fixed|refunded|reversed|corrected|credited|replaced|restored|waived|reshipped|rebooked|unlocked|reactivated|resolved)\b",
    r"(?:is|are|has been|have been|was|were)\s+(?:now\s+|fully\s+|already\s+)?(?:fixed|refunded|reversed|resolved|solved|restored|"
    r"corrected|credited|released|replaced|sorted|back up|working again|processed|cancelled|canceled|waived)",
    r"(?:is|are)\s+now\s+(?:working|live|active|back|fixed|out|released|available)",
    r"(?:is|(?:that|it|this)'s|are|has been|have been)\s+(?:now\s+)?(?:paused|rolled back|switched off|disabled|fixed(?:\s+now)?)",
    r"(?:^|\n)\s*what (?:we(?:'ve| have)? )?changed\s*:",
    r"(?:has|have)\s+been\s+(?:deactivated|closed|removed|unsubscribed|deleted|stopped)",
    _NO_LONGER, r"(?:checked|searched)\b[^.!?]{0,60}?\b" + _NOTHING_FOUND,
    _HANDLED,
)
# (pattern, score, label) rows: what makes a sentence part of a closing note.
CUES = (
    (phrases(r"to recap", r"to sum(?:marise|marize| up)", r"in summary", r"just to (?:recap|summari[sz]e|confirm what)",
             r"here's (?:a (?:quick )?)?(?:what happened|a summary|what (?:we|I)(?:'ve| have) (?:done|changed))",
             r"what happened\s*:", r"what (?:we(?:'ve| have)? )?changed\s*:", r"(?:to\s+)?close the loop", r"(?:a|my|our) closing note",
             r"(?:the\s+)?(?:root cause|cause)\s*:"),
     0.85, "sums up the case"),
    (phrases(r"(?:so that|so|to make sure|to ensure|to prevent)\s+(?:this|it|that)\s+(?:doesn't|does not|won't|will not|can't|cannot)\s+happen\s+again",
             r"to (?:prevent|stop|avoid)\s+(?:this|it|that)\s+(?:from\s+)?(?:happening|recurring)(?:\s+again)?",
             r"(?:won't|will not|shouldn't|should not)\s+(?:recur|happen again)",
             r"how we(?:'ll|\s+will)\s+(?:prevent|stop|avoid)", r"prevention\s*:",
             r"(?:going forward|from now on|in future|in the future|moving forward)\b[^.!?]{0,80}\b(?:won't|will not|no longer|will now|will always|automatically|before)",
             r"\b(?:team|system|we|process|checkout|release)\s+(?:now|will now)\s+\w+[^.!?]{0,60}\b(?:before|every|each|always|automatically)\b"),
     0.85, "says how a repeat is prevented"),
    (phrases(r"(?:was|were)\s+caused\s+by", r"came\s+from\s+(?:a|an|the|our)", r"(?:was|were)\s+due\s+to\s+(?:a|an|the|our)",
             r"happened\s+because", r"the\s+(?:root\s+)?cause\s+(?:was|is)", r"the\s+reason\s+(?:was|is)\s+that", r"turned\s+out\s+(?:to be|that)",
             r"the\s+(?:update|bug|issue|problem|error|change|fault|glitch|outage)\s+that\s+caused\s+(?:this|it|the)",
             r"(?:got|was|were)\s+(?:stuck|held|blocked|flagged|rejected|declined|delayed)\b[^.!?]{0,40}?\bbecause"),
     0.8, "explains the cause"),
    (phrases(r"as\s+(?:requested|you\s+asked|per\s+your\s+request)", _NO_LONGER, _NOTHING_FOUND, _HANDLED,
             r"(?<!sure\s)(?<!ensure\s)(?<!if\s)(?<!whether\s)(?<!hope\s)(?:the|your|this)\s+(?:problem|issue|fault|matter)\s+(?:you\s+(?:reported|fed back|mentioned)\s+)?(?:has|had)\s+(?:now\s+|already\s+)?been\s+(?:solved|resolved|fixed)"),
     0.8, "reports what was done or found"),
    (phrases(r"thank(?:s| you)(?:\s+(?:so|very))?(?:\s+much)?\s+(?:again\s+)?for\s+(?:your|you're|all your|bearing with)",
             r"(?:we'd|we would|I'd|I would)\s+(?:love|like|appreciate)\s+(?:to hear\s+)?your\s+feedback",
             r"(?:let us know|tell us)\s+how\s+we\s+did", r"how\s+did\s+we\s+do", r"(?:a|our)\s+(?:short\s+|quick\s+)?survey",
             r"(?:glad|happy|pleased)\s+(?:we|I)\s+(?:could|were able to|was able to)\s+(?:get|help|sort|fix|resolve)"),
     0.75, "thanks or invites feedback at resolution"),
)


@register_detector("closure", version="7", kinds=(KIND,))
class ClosureDetector:
    """Agent closes the loop: what happened, what changed, prevention, thanks, feedback."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return [f for message in agent_messages(conversation) for f in self._in(message)]

    def _in(self, message: Message) -> list[Finding]:
        text = message.text
        if not _DONE.search(text):  # nothing done or changed yet: the case is still open
            return []
        hits = []
        for start, end in sentences(text):
            sentence = text[start:end]
            for pattern, score, label in CUES:
                m = pattern.search(sentence)
                if m:
                    hits.append((start, end, score, f"{label}: {quote(m.group(0))}"))
                    break
        strong = [h for h in hits if h[2] >= 0.8]
        if not strong:  # thanks or a survey alone do not close a loop
            return []
        start, end = min(h[0] for h in hits), max(h[1] for h in hits)
        # A cause explained with no summary cue: extend to the sentence saying what was done.
        for s, e in sentences(text):
            if s >= start and _DONE.search(text[s:e]):
                end = max(end, e)
                break
        # A prevention or cause right after what was done: start at the sentence saying what was done.
        earlier = [(s, e) for s, e in sentences(text) if e <= start]
        first = min(hits, key=lambda h: h[0])
        if earlier and first[3].startswith("says how a repeat") and _DONE.search(text[earlier[-1][0]:earlier[-1][1]]):
            start = earlier[-1][0]
        best = max(hits, key=lambda h: h[2])
        return [self.info.finding(KIND, message, start, end, score=best[2], rationale=best[3])]
