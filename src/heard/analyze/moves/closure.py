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
# Said done by the staff ("the repairman has replaced the battery"), back to normal, one part done
# ("the refund is done"), a check added against a repeat: both evidence that something was done and
# (the last) a closing cue of its own.
_STAFF_FIX = r"(?:staff|engineers?|technicians?|team|driver|courier|repairman)\s+(?:have\s+|has\s+)?(?:repaired|fixed|restored|replaced|returned)\s+(?:it|the|your)\b"
_NORMAL_AGAIN = r"(?:is|are)\s+(?:now\s+)?normal\s+again"
_PART_DONE = r"(?:refund|repair|replacement|transfer)\s+is\s+(?:now\s+)?(?:done|complete|completed)\b"
_CHECK_ADDED = r"(?:has|have)\s+(?:now\s+)?(?:added|introduced|put\s+in\s+place)\s+an?\s+(?:\w+\s+)?(?:checklist|check|step|rule|alert)\b"
# The helpdesk's word that the case is done ("your order has been handled", "the handling has been
# completed", "resolved in the new version"): what was done, said as the outcome.
_HANDLED = (r"(?<!sure\s)(?<!ensure\s)(?<!if\s)(?<!whether\s)(?<!hope\s)(?:your|the|this)\s+(?:[\w-]+\s+)?(?:order|issue|problem|request|complaint|matter|case|reservation|booking|refund)\s+(?:has|have)\s+"
            r"(?:already\s+)?been\s+(?:handled|completed|settled|made|finished)|(?:handling|processing|repair|refund)\s+has\s+been\s+completed|"
            r"(?:reservation|booking)\s+has\s+been\s+made|(?:resolved|fixed|optimi[sz]ed?)\s+(?:it\s+)?in\s+the\s+(?:latest|new)\s+(?:[\w.]+\s+)?version|"
            r"(?:we|I)\s+have\s+contacted\s+(?:with\s+)?you\b[^.!?]{0,60}?\band\s+handled\s+it|(?:we|I)(?:'ve|\s+have)\s+(?:already\s+)?refunded\s+you\b")
_DONE = phrases(
    r"(?:I|we)(?:'ve|\s+have)\s+(?:now\s+|also\s+|already\s+)?(?:fixed|refunded|reversed|raised|released|corrected|"
    r"updated|credited|removed|replaced|reset|resolved|restored|issued|processed|changed|cancelled|canceled|"
    r"waived|applied|added|re-?sent|reshipped|sorted|rebooked|unlocked|reactivated|put in place|patched|closed|"
    r"cleared|lifted|unblocked|activated|merged|re-?routed|repaired|returned|swapped|reinstated|fitted|installed|pulled)",
    r"(?:I|we)(?:'ve|\s+have)\s+(?:now\s+|also\s+|already\s+)?(?:pushed|rolled\s+out|deployed|released)\s+(?:out\s+)?a\s+fix",
    r"(?:I|we)(?:'ve|\s+have)\s+(?:now\s+)?rolled\s+(?:it|this|that|the\s+[\w-]+)\s+back",
    r"(?:I|we)(?:'ve|\s+have)\s+had\s+(?:that|it|this|the\s+[\w-]+)\s+(?:reversed|refunded|removed|cancelled|canceled|fixed|corrected|waived)",
    r"(?:is|are)\s+(?:now\s+)?back\s+(?:on|in)\s+your\s+(?:card|account|bank)", r"(?:fee|charge)\s+(?:has\s+been\s+|is\s+)?taken\s+off",
    r"(?:has|have)\s+(?:now\s+)?(?:shipped|gone\s+out)\b",
    r"(?:arrived|been\s+delivered)\s+safely", _PART_DONE, r"unfrozen\s+(?:it|your|the)\b",
    r"(?:your|the|this)\s+complaint\s+has\s+(?:now\s+)?been\s+resolved",
    # helpdesk register (written probe 6)
    r"(?:has|have|had)\s+(?:all\s+|now\s+|already\s+)?been\s+(?:returned|issued|reissued|blocked|added|recalculated|re-?sent|updated|withdrawn|suspended)\b",
    r"(?:has|have)\s+(?:now\s+)?arrived\b", _NORMAL_AGAIN,
    _STAFF_FIX, r"(?:I|we)(?:'ve|\s+have)\s+(?:now\s+)?unsubscribed",
    r"(?:has|have)\s+re-?trained\b", _CHECK_ADDED,
    r"(?:a\s+new\s+one|a\s+replacement|the\s+replacement)\s+(?:was|has\s+been)\s+sent", r"(?:was|were|has\s+been)\s+delivered\s+to\s+your\b",
    r"(?:I|we)\s+(?:just\s+|also\s+|already\s+)?(?:fixed|refunded|reversed|corrected|credited|replaced|restored|waived|reshipped|rebooked|unlocked|reactivated|resolved|cleared)\b",
    r"all\s+(?:sorted|done|fixed)\b", r"back\s+to\s+normal",
    r"(?:is|are|\w+'s|\w+'re|has been|have been|\w+'s been|\w+'ve been|was|were)\s+(?:now\s+|fully\s+|already\s+)?(?:fixed|refunded|reversed|resolved|solved|restored|"
    r"corrected|credited|released|replaced|sorted|back up|working again|processed|cancelled|canceled|waived|"
    r"repaired|unblocked|unlocked|activated|reactivated|cleared|lifted|merged|re-?routed|returned\s+to\s+your)",
    r"(?:is|are)\s+now\s+(?:working|live|active|back|fixed|out|released|available)",
    r"(?:is|(?:that|it|this)'s|are|has been|have been)\s+(?:now\s+)?(?:paused|rolled back|switched off|disabled|fixed(?:\s+now)?)",
    r"(?:^|\n)\s*what (?:we(?:'ve| have)? )?changed\s*:",
    r"(?:has|have)\s+been\s+(?:deactivated|closed|removed|unsubscribed|deleted|stopped|moved|reinstated)", r"(?:is|are)\s+(?:now\s+)?deleted",
    _NO_LONGER, r"(?:checked|searched)\b[^.!?]{0,60}?\b" + _NOTHING_FOUND,
    _HANDLED,
)
# The outcome stated as complete, with nothing left open: thanks for patience beside it is thanks at
# resolution ("Your account is now unlocked and the fee removed. Thanks for bearing with us").
_COMPLETE = phrases(
    r"(?:is|are|\w+'s|has been|have been|\w+'s been|\w+'ve been)\s+(?:now\s+|fully\s+|already\s+|successfully\s+)?(?:fixed|refunded|resolved|solved|restored|"
    r"corrected|credited|removed|waived|unlocked|unblocked|reactivated|activated|repaired|cleared|merged|cancelled|canceled|processed|released|deleted)",
    r"(?:I|we)(?:'ve|\s+have)\s+(?:now\s+|also\s+|already\s+)?(?:fixed|refunded|resolved|restored|corrected|credited|removed|waived|unlocked|"
    r"unblocked|reactivated|activated|repaired|cleared|merged|returned|released|cancelled|canceled|replaced|patched)",
    r"(?:has|have)\s+(?:all\s+|now\s+)?been\s+(?:returned|issued|reissued|blocked|added|recalculated|re-?sent|updated|withdrawn)\b", _NORMAL_AGAIN,
    _STAFF_FIX,
    _PART_DONE,
    r"(?:is|are)\s+now\s+(?:working|live|active|back|fixed|resolved|restored)", r"all\s+(?:sorted|done|fixed)\b", r"(?:working|back\s+up)\s+again",
    r"back\s+to\s+normal",
)
_STILL_OPEN = phrases(r"while\s+(?:we|I)", r"look(?:ing)?\s+into", r"investigat\w+", r"escalat\w+", r"in\s+the\s+meantime", r"as\s+soon\s+as",
                      r"once\s+(?:we|it|the|your)", r"(?:will|'ll)\s+(?:be\s+)?(?:update|contact|get back|follow|keep|check|confirm)", r"still\b(?!\s+unsatisf)",
                      r"let\s+me\s+(?:check|look|see|find)")


def _outcome_complete(text: str) -> tuple[int, int] | None:
    """The sentence stating the outcome complete ("Your account is now unlocked."), if nothing in
    the message is still open; a question ("What's fixed?") states nothing."""
    if _STILL_OPEN.search(text):
        return None
    for s, e in sentences(text):
        if _COMPLETE.search(text, s, e) and not text[s:e].rstrip().endswith("?"):
            return s, e
    return None


# (pattern, score, label) rows: what makes a sentence part of a closing note.
CUES = (
    (phrases(r"to recap", r"recap\s*:", r"quick\s+summary", r"to sum(?:marise|marize| up)", r"in summary", r"just to (?:recap|summari[sz]e|confirm what)",
             r"here's (?:a (?:quick )?)?(?:what happened|a summary|what (?:we|I)(?:'ve| have) (?:done|changed))",
             r"what happened\s*:", r"what (?:we(?:'ve| have)? )?changed\s*:", r"(?:to\s+)?close the loop", r"(?:a|my|our) closing note",
             r"(?:the\s+)?(?:root cause|cause)\s*:", r"here's\s+what\s+(?:we\s+know|went\s+wrong)\s*:", r"what\s+has\s+changed\s*:", r"(?:just\s+)?to\s+wrap\s+(?:things|this|it)\s+up",
             # a chat's recap: "so that's your direct debit moved to the 28th and the fee taken off"
             r"(?:so\s+)?that's\s+(?:your|the)\s+(?:[\w-]+\s+){1,4}(?:moved|changed|cancelled|canceled|sorted|updated|booked|refunded|taken\s+off|removed|added|set\s+up|switched|fixed)\b"),
     0.85, "sums up the case"),
    (phrases(r"(?:so that|so|to make sure|to ensure|to prevent)\s+(?:this|it|that)\s+(?:doesn't|does not|won't|will not|can't|cannot)\s+happen\s+again",
             r"to (?:prevent|stop|avoid)\s+(?:this|it|that)\s+(?:from\s+)?(?:happening|recurring)(?:\s+again)?",
             r"(?:won't|will not|shouldn't|should not)\s+(?:recur|(?:happen|trigger|occur)\s+again)", r"so\s+(?:nobody|no\s+one)\s+else\s+(?:gets|has|will)\b",
             r"re-?trained\s+(?:its|our|their|the)\s+staff", r"sent\s+(?:back\s+)?for\s+re-?training", _CHECK_ADDED,
             r"(?:won't|will\s+not)\s+receive\b[^.!?]{0,50}?\bany\s*more",
             r"how we(?:'ll|\s+will)\s+(?:prevent|stop|avoid)", r"prevention\s*:",
             r"(?:going forward|from now on|in future|in the future|moving forward)\b[^.!?]{0,80}\b(?:won't|will not|no longer|will now|will always|automatically|before)",
             r"\b(?:team|system|we|process|checkout|release)\s+(?:now|will now)\s+\w+[^.!?]{0,60}\b(?:before|every|each|always|automatically)\b"),
     0.85, "says how a repeat is prevented"),
    (phrases(r"(?:was|were)\s+(?:caused|triggered)\s+by", r"came\s+from\s+(?:a|an|the|our)", r"(?:was|were)\s+due\s+to\s+(?:a|an|the|our)",
             r"happened\s+because", r"the\s+(?:root\s+)?cause\s+(?:was|is)", r"the\s+reason\s+(?:was|is)\s+that", r"turned\s+out\s+(?:to be|that)",
             r"the\s+(?:update|bug|issue|problem|error|change|fault|glitch|outage)\s+that\s+caused\s+(?:this|it|the)",
             r"(?:got|was|were)\s+(?:stuck|held|blocked|flagged|rejected|declined|delayed|frozen|locked|suspended|charged)\b[^.!?]{0,40}?\bbecause",
             r"(?:was|were)\s+(?:caused|damaged)\s+(?:during|in)\s+(?:transport|transportation|transit|delivery)", r"(?:was|were)\s+(?:held|stopped|blocked|flagged)\s+by\s+(?:the|our|an?)\b",
             r"(?:reached\s+you|was\s+sent(?:\s+to\s+you)?|went\s+to\s+\w+)\s+because\b",
             r"(?:we|I|(?:xiao|little)\s+\w+)\s+(?:have\s+|has\s+)?(?:checked|found|confirmed|verified)\s+(?:that\s+)?(?:the\s+)?[^.!?]{1,40}?\s+(?:was|were)\s+(?:caused|due|the\s+fee|charged\s+for|switched\s+on|turned\s+on)\b",
             r"(?:was|were)\s+not\s+(?:credited|received|delivered|sent|applied|issued|processed)\s+because\b", r"(?:was|were)\s+(?:a\s+)?(?:typo|mistake)\b",
             r"(?:stopped|failed|dropped|disconnected|cut\s+off)\s+because\s+(?:of\s+)?(?:the|a|an|your)\b",
             r"\bdue\s+to\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,2}(?:error|bug|glitch|fault|mistake)", r"which\s+is\s+why\b", r"(?:was|were)\s+damaged\s+by\b",
             r"(?:was|were)\s+(?:sent|issued|applied|charged|taken|made|cancelled|canceled)\s+in\s+error",
             r"because\s+of\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,3}(?:error|bug|glitch|fault|mistake|failure)",
             r"the\s+(?:[\w-]+\s+)?(?:bug|glitch|error|fault)\s+that\s+(?:was\s+|were\s+)?(?:caused|skipped|stopped|blocked|broke|removed|charged|deleted|wiped|corrupted|kicking|logging|crashing|charging|blocking)\b",
             r"(?:engineers?|team|we|I)\s+found\s+(?:that|the\s+(?:cause|problem|issue|fault))"),
     0.8, "explains the cause"),
    (phrases(r"as\s+(?:requested|you\s+asked|per\s+your\s+request)", _NO_LONGER, _NOTHING_FOUND, _HANDLED,
             r"(?<!sure\s)(?<!ensure\s)(?<!if\s)(?<!whether\s)(?<!hope\s)(?:the|your|this)\s+(?:problem|issue|fault|matter)\s+(?:you\s+(?:reported|fed back|mentioned)\s+)?(?:has|had)\s+(?:now\s+|already\s+)?been\s+(?:solved|resolved|fixed)",
             r"confirm\s+(?:that\s+)?(?:the|your|this)\s+(?:complaint|case|issue|problem|request)\s+(?:is|has\s+been)\s+(?:now\s+)?(?:resolved|closed|solved|fixed)"),
     0.8, "reports what was done or found"),
    (phrases(r"(?:thank(?:s| you)|thx|ty)(?:\s+(?:so|very))?(?:\s+much)?\s+(?:again\s+)?for\s+(?:your|you're|all your|bearing with|hanging in|sticking with|flagging (?:it|this|that|the)|spotting (?:it|this|that|the))",
             r"glad\s+(?:it's|it is|that's|that is|everything's|everything is)\s+(?:all\s+)?(?:working|sorted|fixed|resolved|back)",
             r"(?:we'd|we would|I'd|I would)\s+(?:love|like|appreciate)\s+(?:to hear\s+)?your\s+feedback",
             r"(?:let us know|tell us)\s+how\s+we\s+did", r"how\s+did\s+we\s+do", r"(?:a|our)\s+(?:short\s+|quick\s+)?survey",
             r"(?:to\s+)?(?:evaluate|rate|review)\s+our\s+service", r"how\s+we\s+handled\s+(?:this|it|your)", r"how\s+(?:this|the|our)\s+(?:chat|call|conversation)\s+went", r"(?:welcome|free)\s+to\s+give\s+us\s+(?:your\s+)?feedback", r"anything\s+(?:about\s+the\s+handling\s+)?is\s+still\s+unsatisf\w+",
             r"(?:thank(?:s| you))\s+for\s+your\s+(?:supervision|understanding)(?=\s*[.!])",
             r"(?:glad|happy|pleased)\s+(?:we|I)\s+(?:could|were able to|was able to)\s+(?:get|help|sort|fix|resolve)"),
     0.75, "thanks or invites feedback at resolution"),
)


@register_detector("closure", version="13", kinds=(KIND,))
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
        outcome = None if strong or not hits else _outcome_complete(text)
        if not strong and outcome is None:
            return []  # thanks or a survey alone do not close a loop; beside an outcome stated complete they do
        start, end = min(h[0] for h in hits), max(h[1] for h in hits)
        if outcome is not None:  # the thanks rests on the outcome: the note starts there
            start, end = min(start, outcome[0]), max(end, outcome[1])
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
