"""move.generic: a templated receipt with no personal detail, no next step and no time ("Thank
you for contacting us. Your request has been received."). A reply that names the person, asks
them to DM details, points to their case or a message already sent, asks a question or gives a
time is not generic. The span is the whole message: the whole message is the evidence.

A message is generic when at least one sentence is a stock line (a receipt, "contact us if you
have any problem", "we're here to help", "we will keep improving our service", "thanks for your
support", a general info link, a stock apology for "any inconvenience", a helpdesk's status line
"recorded and transferred to the relevant staff") and every other sentence is a pleasantry or too
short to say anything specific."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze import casefold
from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import agent_messages, quote, sentences
from heard.analyze.moves.due_time import find_times
from heard.analyze.text import admitted, phrases
from heard.model import Conversation, Finding, Message

KIND = "move.generic"

_ISSUE = r"(?:issue|problem|feedback|request|advice|suggestions?|information|info|DM|message|complaint|report|case|question|enquiry|inquiry|query|ticket|email)"
# "Concerning the issue you fed back, …": the lead-in of a helpdesk's status line.
_LEAD = r"(?:(?:concerning|regarding|as for|for|about) (?:the |your |this )?(?:[\w-]+ ){0,3}?(?:issue|problem|situation|feedback|matter)(?: you (?:fed back|reported|mentioned)(?: lately)?)?,? )?"
# The rest of a status line's sentence, up to a time or a number (those are what a status line lacks).
_TAIL = r"(?:(?!\b(?:within|by|before|until|tomorrow|today|tonight|hours?|days?|minutes?|weeks?)\b)[^.!?\d]){0,60}"
_DESK = r"(?:relevant |related |responsible |corresponding |upper |professional |competent |our )?(?:staff|departments?|personnel|specialists?|colleagues?|teams?|working staff|technicians?)"
_HELP = r"(?:help|assistance|support|questions?|problems?|issues?|concerns?|queries|query|trouble|requests?|needs?|doubts?)"
# "contact us if you have any problem", in its many shapes: the invitation and its condition.
_CONTACT = (
    r"(?:(?:let|tell)\s+(?:us|me)\s+know|reach\s+(?:out|back)(?:\s+(?:to\s+(?:us|me)|again))?|contact\s+(?:with\s+)?(?:us|me|the\s+editor|(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,5})|give\s+us\s+(?:your\s+)?feedback|get\s+in\s+touch|"
    r"come\s+back\s+to\s+(?:us|me)|@\s*(?:us|me)|tweet\s+(?:us|me)|give\s+(?:us|me)\s+a\s+(?:shout|call)|drop\s+(?:us|me)\s+a\s+line|"
    r"(?:don't|dont|do not)\s+hesitate|feel\s+free\s+to\s+(?:contact|reach|message|DM|tweet|ask)|you(?:'re|\s+are)\s+welcome\s+to\s+(?:contact|ask|reach|send)|"
    r"(?:communicate|consult)\s+(?:with\s+)?(?:us|me)|send\s+(?:us\s+|me\s+)?(?:a\s+)?private\s+messages?|call\s+\d{4,6}\b)"
)
_CONDITION = (
    rf"(?:if|in case|should|whenever)\b[^.!?]{{0,40}}?\b(?:anything|{_HELP}|need|want)\b|"
    rf"(?:for|with)\s+(?:any|further|additional|other)\s+(?:other\s+|further\s+|more\s+)?(?:{_HELP}|problems? found)|"
    rf"in the future|at any time|any\s?time|anything else|if you change (?:your|you're|ur) mind|further assistance|further help|(?:any|additional) help|(?:assist|help)\s+(?:you\s+)?further|any (?:other|further|more) {_HELP}"
)
CONTACT_IF = re.compile(
    rf"(?:(?:{_CONTACT})[^.!?]{{0,60}}?(?:{_CONDITION})|(?:{_CONDITION})[^.!?]{{0,60}}?(?:{_CONTACT}))"
    # … and the channel or condition trailing it ("… via Microblog in case of any usage problems")
    r"(?:\s+(?:via|through|by|on|at)\s+[\w@-]+(?:\s+(?!in\b|if\b|when\b|for\b|should\b)[\w@-]+)?)?(?:,?\s+(?:in case of|if|when|whenever|should)\b[^.!?]*)?",
    re.IGNORECASE,
)

# The status lines of a helpdesk that has passed the case on ("Xiao Wo has recorded your problem and
# transferred it to relevant staff", "our staff are following up your issue, please pay attention to
# our calls"): a status line with nothing specific to this customer.
# Each line is its own pattern, so a reply is searched only for the lines whose words it holds.
_STATUS_LINES = (
    rf"{_LEAD}(?:(?:we|I|[A-Z][\w]*(?: [A-Z][\w]*){{0,3}}|@[^.!?@]{{1,50}}?)(?:'ve| have| has| will)? )?(?:already )?(?:(?:recorded|registered|received|written down|noted)(?: (?:it|them|the \w+|your \w+(?: \w+)?))?(?: in details?)? and )?"
        rf"(?:transferr?ed|transfered|forwarded|submitted|reported|fed back|feed back|passed on|escalated|report|transfer|forward|submit|feed)\b[^.!?]{{0,60}}?\bto (?:the |our |a |an )?{_DESK}{_TAIL}",
    rf"(?:the |your |this )(?:[\w-]+ )?{_ISSUE}(?: you (?:fed back|reported|mentioned))? (?:has been|have been|was|is) (?:transferr?ed|transfered|forwarded|submitted|reported|fed back|passed on|escalated)\b{_TAIL}",
    rf"(?:asked|arranged(?: for)?|(?:will |'ll )?arrange(?: for)?) (?:the |our |a )?(?:designated )?{_DESK} to (?:deal with|handle|follow up|contact|check)[^.!?]{{0,40}}",
    rf"{_LEAD}(?:our |the )?(?:staff|company|colleagues?|we|I)(?: is| are| am|'re| has been| have been)? (?:actively |currently |now |still )?(?:handling|dealing with|following up|following|verifying|working on|processing|analy[sz]ing|solving)"
        rf"(?: and (?:handling|addressing|verifying|solving))?(?: on)? (?:it|this|them|(?:the |your |this )?(?:[\w-]+ )?{_ISSUE})(?: (?:now|at present))?",
    rf"your (?:[\w-]+ )?{_ISSUE} (?:is|was|has been) (?:being )?(?:followed up|handled|processed|addressed|verified|registered|pressed)(?: and (?:addressed|handled|pressed|verified))?",
    rf"{_LEAD}(?:(?:[A-Z][\w]*(?: [A-Z][\w]*){{0,3}}|@[^.!?@]{{1,50}}?|we|I) (?:has|have) )?(?:already )?(?:paid attention to and )?followed (?:it |this |them )?up(?: on)?(?: (?:your|the|this) (?:{_ISSUE}|situation|matter))?",
    rf"(?:we|I)(?:'ve| have) (?:taken notice of|noted) (?:this|the|your) (?:situation|{_ISSUE})",
    r"(?:we|I|our staff|the staff|staff)(?:'ll| will) (?:contact|inform|notify|reply to|reply|get in touch with|give feedback to) you(?: by (?:telephone|phone))?(?: of the result)? "
        r"(?:as soon as (?:possible|we can|there (?:is|are)|we (?:get|have))|once|when|after|in the first place|immediately when|the first time|at the first time)\b[^.!?\d]{0,40}",
    r"(?:once|when|after) (?:the |we (?:get|have) (?:the )?)?(?:results?|verification|latest news|news)[^.!?,]{0,30},? (?:we|I|our staff)(?:'ll| will) (?:contact|inform|notify|reply to) you\b[^.!?]{0,30}",
    rf"(?:we|I|[A-Z]\w+ \w+)(?:'ll| will| have| has)? (?:check|deal with|handle|record|verify|look into|study|follow up)(?: (?:it|them|this|the \w+|your \w+))?(?: carefully| thoroughly)?"
        r" and (?:will )?(?:give (?:you )?(?:feedback|a reply)(?: to you)?|reply(?: to)? you|feed (?:it|them) back|make (?:a )?(?:positive )?response|(?:try (?:hard |our best )?to )?improve[^.!?]{0,40})(?: (?:as soon as possible|in time|timely|soon|later))?",
    r"(?:I|we)(?:'ve| have) (?:got|received) your (?:private )?message", r"it(?:'|‘)?s received",
    r"please (?:(?:keep|continue|continuously|constantly|always) )?(?:(?:to )?pay (?:constant |close |more )?attention(?: to)?|focus(?:ing)?(?: on)?|stay tuned(?: for)?|keep (?:your )?eyes? on|be noticed|be aware of (?:it|this)|wait(?: patiently| in patience)?(?: for)?)"
        r"(?: (?:it|them|us|answering our (?:phone )?calls|(?:our|the|its|subsequent|later) (?:[\w-]+ ){0,3}?(?:calls?|reply|replies|feedback|business|services?|activities|notices?|handling|results?|news|usage|use|version)))?(?: from \d+)?(?: later| at any time| any time)?",
    r"please keep your (?:mobile )?phone (?:available|on|unblocked)(?: and pay attention to (?:answering )?our (?:phone )?calls)?",
    r"(?:please )?pay attention to the return (?:phone|call)s? (?:of|from) our staff",
    r"(?:the (?:relevant )?(?:department|director|editor)|(?:our|the) staff|(?:xiao|little) \w+)(?:'ll| will) (?:record|verify|check|feed back|report|submit|reply|contact|"
    r"ask (?:the )?relevant departments? to)\b[^.!?]{0,80}",
    r"(?:we|I)(?:'ll| will) record (?:the|your|this) (?:[\w-]+ )?(?:problems?|issues?|case|advice|suggestions?|opinions?)(?: in detail)?"
    r"(?: and (?:submit|report|feed back) (?:your|the|them|it)(?: \w+)?)?",
    r"(?:we |I )?suggest (?:that )?you (?:to )?(?:continue to )?pay attention(?: to (?:it|its usage|the usage))?",
    r"(?:you are|you're) (?:also )?welcome to (?:raise|put forward|give|make|offer|provide|share) (?:us )?(?:your |any |precious |valuable |more )*(?:opinions?|suggestions?|advices?|comments|feedback)[^.!?]{0,60}",
    r"thank(?:s| you)(?: (?:very|so) much)? for your (?:kind |precious |valuable )?(?:affirmation|encouragement|praise|information|suggestions?|opinions?|proposition|reply|supervision|advices?|tips)(?: and (?:encouragement|cooperation|support|suggestions?))?",
    r"(?:you are|you're) (?:suggested|advised|recommended) to pay (?:close |more )?attention to (?:our|the) (?:[\w-]+ )?(?:feedback|reply|replies|calls?|notices?|news)(?: later)?",
    r"your (?:suggestions?|opinions?|advices?|feedback) (?:is|are) (?:quite |very )?(?:helpful|valuable|important) (?:to|for) (?:us|our (?:progress|improvement|work))",
    r"(?:our company|we|I) (?:(?:has|have) )?(?:always )?(?:been )?(?:quite |very |highly |greatly |really )?(?:valu\w+|attach\w* (?:great |much )?importance to|pa(?:y|ys|id) (?:close |much )?attention to|emphasi[sz]\w*)(?: (?:very much|highly|greatly))? (?:the )?(?:network|service|construction)\b[^.!?]{0,160}",
    r"(?:we|our company) (?:are|is|have been|has been|keep|keeps) (?:constantly |continuously |now |always )*(?:reinforc\w+|strengthen\w+|enhanc\w+|improv\w+|optimi[sz]\w+|providing)[^.!?]{0,160}",
    r"(?:we|I|our company) (?:take|takes|took) (?:the )?(?:network|service)\s+(?:[\w-]+\s+)?(?:very |quite |highly )?seriously",
    r"(?:as|with) (?:the )?(?:cities|city|society)(?: is| are)? (?:continuously |constantly |rapidly )?develop\w*,? (?:the )?(?:network (?:signal|environment|coverage)|signal)[^.!?]{0,60}",
    r"(?:you can |you may |hope you (?:can|will) |(?:I|we) suggest (?:that )?you )(?:continue to )?(?:pay (?:constant |close |more )?attention to|focus on) (?:the |our |its |your )?"
        r"(?:recent |future |subsequent |later )?(?:business|usage|use|services?|activities|news|change of usage)(?: afterwards| recently| in the future)?",
    r"(?:we|I|our company)(?:'ll| will) (?:further |continuously |constantly |also )?(?:optimi[sz]e|improve|perfect|work on|try to (?:fix|solve|improve)) (?:it|them|this|the problems?|the issues?)(?: according to [^.!?]{0,40})?",
    r"(?:we|I)(?:'ve| have) (?:recorded|noted|registered) (?:it|them) and (?:will )?(?:feed (?:it|them) back|report (?:it|them)|handle (?:it|them))(?: in time| timely| soon)?",
    r"(?:we|I)(?:'ll| will) be (?:more )?motivated(?: with your support)?", r"please (?:supervise|monitor) (?:us|our (?:work|services?))(?: at any time)?", r"(?:we )?believe we (?:can|will) do better(?: with your (?:support|affirmation))?",
    r"(?:please )?(?:continue (?:to )?|keep )?(?:support|supporting|focus on|follow)(?: and witness)? (?:us|our growth)(?: as (?:usual|always))?(?: and witness our growth)?",
    r"(?:please )?support [\w@ -]{1,30}? a lot", r"(?:you can )?follow us(?: on [\w ]{1,20})?",
    r"(?:we )?look forward to your (?:continuous |continued )?(?:attention|support)(?: and (?:supervision|support))?",
    r"(?:I |we )?(?:sincerely )?hope you (?:can|will) (?:continue )?(?:focus(?:ing)? on|pay attention to|support(?:ing)?) (?:us|our (?:[\w-]+ )?(?:business|services?))",
)
# A status line about a message already sent or to come ("We've replied to your DM", "A member of our
# team will be in touch via DM"): TAXONOMY.md's "We've been in touch". Asking the customer to check
# that message ("please check your inbox") is a next step; saying it was sent is not.
_CHANNEL = r"(?:DMs?|direct messages?|private messages?|PMs?|e-?mail|inbox)"
IN_TOUCH = phrases(
    r"(?:we|I)(?:'ve| have)? (?:just |already )?(?:replied|responded|followed up|answered|got back to you|reached out|"
    rf"sent (?:you )?(?:a |an )?(?:{_CHANNEL}|message|reply|response)(?: your way)?)(?: (?:to|with) you)?"
    rf"(?: (?:to|via|in|by|through|over) (?:your |a |the |our )?{_CHANNEL})?(?: about (?:this|that|it))?",
    rf"(?:we|I)(?:'ve| have) received your {_CHANNEL}(?: and (?:have |'ve )?(?:replied|responded)(?: there)?)?", rf"we see your (?:{_CHANNEL}|outreach|message)",
    r"(?:a member of (?:our|the) (?:[\w-]+ ){0,2}team|(?:our|the) (?:[\w-]+ ){0,2}team|we)(?:'ll| will) (?:be )?(?:follow(?:ing)? up|in touch|reach(?:ing)? out)"
    rf"(?: with you)?(?: (?:shortly|soon|as soon as possible))?(?: (?:via|by|through|over|in) (?:a |your )?{_CHANNEL})?(?: (?:shortly|soon|as soon as possible))?",
)
# (pattern, score, label): the stock lines a receipt is made of.
RECEIPTS = (
    (IN_TOUCH, 0.7, "a status line"),
    (phrases(r"your (?:request|message|ticket|email|enquiry|inquiry|query|case|complaint|feedback) has been (?:received|logged|noted|recorded|forwarded|passed on|submitted)",
             r"(?:we|I)(?:'ve| have) received your (?:message|request|email|enquiry|inquiry|query|ticket)",
             rf"(?:we|I|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:'ve| have| has)\s+(?:recorded|received|noted|logged|registered|fed back|reported)\s+(?:and\s+(?:fed back|reported|forwarded)\s+)?(?:your|the|this)\s+(?:[\w-]+\s+)?{_ISSUE}\b"
             r"(?:\s+and\s+will\s+(?:handle|deal with|report|process|follow up(?: on)?|look into|feed back|reply to you|solve)(?:\s+and\s+(?:handle|deal with|report|solve))?(?:\s+(?:it|them|this))?(?:\s+(?:soon|shortly|as soon as possible|there))?)?",
             rf"(?:we|I)(?:'ll| will)\s+record\s+(?:it|this|your\s+{_ISSUE})(?:\s+and\s+feed\s*back(?:\s+to\s+you)?)?"),
     0.85, "a templated receipt"),
    (CONTACT_IF, 0.7, "contact us if you need anything"),
    (phrases(r"thank(?:s| you)(?: (?:very|so) much)? for (?:contacting|reaching out to|getting in touch with|writing to|your (?:message|email|patience|feedback)|the feedback|sharing|this feedback|letting us know|reaching out|reporting (?:this|the|it))",
             r"thank(?:s| you)(?: (?:very|so) much)?(?: again)? for your (?:kind )?(?:support|trust|attention|advice|suggestions?|understanding|cooperation|use|recognition)(?: and (?:support|trust|attention|understanding|feedback))?"
             r"(?: (?:to|for|in|on) (?:us|our (?:service|company|work)|(?:@?[A-Z][\w-]*\s?){1,4}(?:and (?:@?[A-Z][\w-]*\s?){1,4})?))?",
             r"thank(?:s| you)(?: (?:very|so) much)? for the (?:update|note|suggestion|advice|reply)",
             r"thank(?:s| you)(?: (?:very|so) much)? for bringing (?:this|it|that)(?: issue| matter)? to (?:our|my) attention",
             r"(?:a member of (?:our|the) (?:[\w-]+ ){0,2}team|(?:our|the) (?:[\w-]+ ){0,2}team|we)(?:'ll| will) (?:be )?(?:follow(?:ing)? up|in touch|reach(?:ing)? out)(?: with you)?(?: (?:shortly|soon|as soon as possible))?",
             r"(?:we|I)(?:'ll| will) (?:get back to you|be in touch|respond|reply|be (?:responding|replying|getting back to you))(?: in kind)?(?: (?:as soon as (?:possible|we can)|shortly|soon))?",
             r"(?:we|I)(?:'ve| have) been in touch", r"(?:we|I)(?:'re| are) (?:currently )?(?:looking into|reviewing) (?:it|this|your \w+)",
             r"(?:will|'ll) be in touch(?: (?:shortly|soon))?",
             r"(?:contact|reach out to|let) us (?:know )?if (?:you have|there(?:'s| is| are)|we can|you need)\b",
             r"(?:we|I) (?:truly |really |sincerely |greatly |do )?appreciate (?:the opportunity to (?:help|assist|serve)|your (?:constructive |kind |valuable )?(?:feedback|patience|business|message|loyalty|support|kind words)(?: and (?:support|loyalty|patience|feedback))?)",
             r"(?:we|I) value your feedback",
             r"(?:it was|it's been|it has been) (?:a|our|my) pleasure (?:speaking|talking|chatting|working) (?:with|to) you(?: today| earlier)?",
             r"thank(?:s| you)(?: (?:very|so) much)? for taking the time to (?:speak|talk|chat|reach out|write|share|let us know)(?: (?:with|to) us)?(?: today| earlier)?",
             r"thank(?:s| you)(?: (?:very|so) much)? for (?:choosing|flying with|shopping with|banking with) [\w@&-]+",
             r"thank(?:s| you)(?: (?:very|so) much)? for being (?:a |an |the |our )?(?:[\w-]+ ){0,3}(?:customers?|members?|fans?|part of [\w@&-]+)",
             r"(?:this|these|the following|our|some) (?:[\w-]+ )?(?:article|guide|page|link|documentation|docs|resources?|steps|tips|content|info(?:rmation)?) (?:here )?(?:(?:that|which) )?(?:should|may|might|will|can|could) help(?: (?:with (?:that|this)|you|out))?",
             r"(?:we|I)(?:'ve| have)? (?:saw|seen|noticed|spotted|came across) your (?:[\w-]+ )?(?:tweet|post|mention)",
             r"(?:check out|see|visit|take a look at) (?:this|the|our) (?:link|article|page|guide) for (?:more|further) (?:info(?:rmation)?|details)",
             r"(?:I|we) hope (?:you (?:will|would|can) )?(?:allow|give) us (?:the chance |an opportunity )?to (?:provide|serve|offer|give) you (?:a |with )?better",
             r"(?:keep an eye on|follow|pay attention to) our (?:[\w-]+ )?(?:promotions?|offers|news|updates|activities|website)",
             r"(?:are )?taking (?:it|this|your \w+) under (?:serious )?advisement", r"(?:the )?next available (?:agent|advisor|adviser|representative|rep) will be with you",
             r"for (?:more|further) info(?:rmation)?(?: (?:about|on) [^.!?:;]{1,40}?)?,? (?:click|see|visit|check|go|look)(?: out)? (?:here|at|this)",
             r"(?:check out|see|visit|follow) this link (?:to )?(?:for )?(?:more |further )?info(?:rmation)?", r"more info(?:rmation)? here",
             r"(?:this|the) link will be updated", r"for (?:the )?(?:most )?up[- ]to[- ]date info(?:rmation)?",
             r"(?:there is|there's|we have|we've got) no (?:new |further |more )?(?:info(?:rmation)?|news|updates?)(?: (?:to share|about (?:this|that|it)|on (?:this|that|it)))?(?: (?:at the moment|at this time|right now|as yet|yet))?",
             r"(?:we|I) (?:do not|don't) have any (?:more |further |new )?(?:info(?:rmation)?|news|updates?|details)(?: (?:on|about) (?:this|that|it))?(?: (?:at the moment|at this time|right now|as yet|yet))?",
             r"no news (?:at this time|yet|at the moment|right now)", r"keep an eye on (?:the |our )?[\w@ -]{1,30}? for (?:news|updates|(?:the )?latest)(?: and (?:news|updates))?",
             r"(?:you can )?check (?:out )?our website(?: for [^.!?]{0,40})?", r"should (?:any )?(?:info(?:rmation)?|details|news|updates?) become available",
             r"(?:we have|there's|there is) (?:some |more )?info(?:rmation)? (?:about|on) [^.!?:]{1,40}? here",
             r"(?:help(?: is)?|we(?:'re| are)|I(?:'m| am)) (?:just |only |always )?(?:a|an|one) (?:tweet|DM|message|click|call|@) away",
             r"(?:we(?:'ll| will)|we're|we are|(?:our|the) (?:[\w-]+ ){0,3}team (?:is|are)) (?:always )?(?:be )?here (?:(?:24/7 )?(?:if|whenever|when|should|to assist|to help)\b[^.!?]*|24/7)",
             r"just (?:shout|give us a(?: shout| call| tweet|\.\.\.))(?: and we(?:'ll| will) come running)?", r"give us a\.\.\.",
             r"(?:we're|we are|I'm|I am) glad (?:that )?(?:our team|we|I) (?:was|were) able to help",
             r"(?:glad|happy|great) (?:to hear )?(?:it's|everything's|everything is|it is|that's|all) (?:working|sorted|fixed|good|okay|ok)(?: (?:now|for you|again))?",
             r"(?:we )?(?:definitely )?want to do what we can to help(?: you)?",
             r"(?:you can )?(?:find|read|get|see) (?:more |some |further )?(?:info(?:rmation)?|details)(?: (?:about|on) [^.!?:]{1,40}?)? (?:in the following article|(?:on )?here|at)\b",
             r"(?:please )?visit \S+ for (?:more|further) (?:info(?:rmation)?|details)",
             r"(?:check out|see|visit|take a look at) (?:our|this|the|these) (?:[\w-]+ ){0,2}(?:help|support|FAQ|troubleshooting) (?:pages?|articles?|guides?|site|cent(?:re|er))",
             r"your (?:business|feedback) (?:means|is) (?:a lot|important)", r"(?:we're|we are|I'm|I am)? ?(?:always )?here to help", r"(?:we(?:'re| are)|I(?:'m| am)) (?:always )?here for you",
             r"(?:this|these) (?:should|may|might|could) help(?: (?:you|out))?",
             r"(?:we|I)(?:'d| would|'re| are|'m| am)(?: always)? (?:be )?(?:more than )?(?:happy|glad) to (?:help|assist|look into (?:this|it|that)(?: for you)?)(?: (?:you|out))?",
             r"(?:we|I)(?:'ll| will) (?:carry on|keep) helping(?: out)?",
             r"you can find (?:more |further |helpful |useful )?(?:[\w-]+ )?(?:info(?:rmation)?|tips|answers|details|help) (?:here|at|on (?:our|the) (?:website|site|page|help))",
             r"for (?:more|further) (?:info(?:rmation)?|details)[,:]? (?:please )?(?:visit|see|check|go to|here|at)",
             r"(?:check out|see|visit) (?:our|this) (?:help|support|FAQ)", r"(?:I am|I'm|we are|we're) including a link (?:of|to) our",
             r"(?:we|I)(?:'re| are|'m| am)?\s*(?:sincerely |truly )?(?:sorry|apologi[sz]e) for any inconvenience(?: (?:this|that|it) (?:may have|might have|has|may|might)?\s*caused| caused)?",
             r"(?:sorry|apologi[sz]es?|apologies)(?: again)?(?: to you)? for (?:causing you |bringing you |leaving you )?(?:any|the|your|a) (?:inconvenience|convenience|trouble|(?:unpleasant|unhappy) experience|bad (?:impression|experience|mood))(?: (?:caused|brought(?: to you)?|again))?",
             r"(?:we are|we're) (?:quite |very |so )?(?:happy|glad|pleased) to (?:get|receive) your (?:affirmation|encouragement|praise|recognition)(?: and (?:affirmation|encouragement|praise))?",
             r"(?:we are|we're) (?:also )?(?:sincerely |deeply )?grateful for your (?:supervision|support|understanding|suggestions?)", r"(?:we are|we're) dedicated to (?:the provision of|providing) (?:\w+ ){0,3}solutions?",
             r"there (?:may|might) (?:be|exist) (?:some )?(?:places |areas |regions )?(?:with )?weak(?:er)? signals?(?: areas?)?",
             r"(?:signals?|reception|coverage) (?:in (?:some|certain) (?:places|areas|regions) )?(?:may be|might be|is|are) (?:currently |relatively |still )?weak(?:er)?(?: in (?:some|certain) (?:places|areas|regions))?",
             r"(?:with the (?:rapid |constant |continuous )?development of (?:the )?cities|as the cit(?:y|ies) (?:is|are) (?:continuously |constantly |rapidly )?develop\w*)[^.!?]{0,100}",
             r"(?:we|our company|(?-i:[A-Z][\w]*)(?: (?-i:[A-Z][\w]*)){0,2}) (?:is|are) (?:now |currently |constantly |continuously )*(?:devoting (?:greater |more )?efforts? to|striving to|constructing and optimi[sz]ing)\b[^.!?]{0,80}",
             r"(?:tweet|message|contact|reach|follow)\s+(?:us|@\w+)\s+(?:at\s+@\w+\s+)?for\s+(?:official\s+)?(?:[\w-]+\s+){0,2}(?:support|help)",
             r"(?:we|I|our company|and)(?:'ll| will)\s+(?:[\w-]+,?\s+){0,6}?(?:improv\w*|optimi[sz]\w*|perfect\w*|enhanc\w*|reinforc\w*|strengthen\w*|strive|make (?:great |greater |every )?efforts?|try (?:our|my) best|work harder|try hard|keep trying|spare no effort|speed up|provid\w* (?:better|more|the best|high-quality|quality|excellent|superior))\b"
             r"[^.!?]{0,160}\b(?:services?|quality|products?|experience|users|customers|shortcomings|deficiencies|training|network|coverage|signal|system|construction)\b[^.!?]{0,80}",
             r"your (?:[\w-]+ ){0,2}(?:request|message|ticket|case|claim|return|refund|enquiry|inquiry|complaint) (?:is|has been) (?:now )?(?:in (?:the|our) queue|being (?:processed|reviewed|handled|looked into)|under review)",
             r"(?:the|our) (?:[\w-]+ )?team (?:is|are) (?:still |currently )?(?:investigating|looking into (?:it|this)|aware of (?:the|this) (?:issue|problem))",
             rf"(?:the|our) (?:[\w-]+ )?(?:staff|team|engineers?|colleagues?|department) (?:is|are) (?:still |currently |now )?(?:handling|dealing with|processing|working on) (?:your|the|this) {_ISSUE}",
             rf"(?:we|I)(?:'ll| will) (?:handle|deal with|process|follow up on|look into) (?:it|this|your {_ISSUE})(?: (?:soon|shortly|as soon as possible))",
             r"please (?:wait(?: patiently)?|be patient)", r"your satisfaction is(?: (?:our|the)\b[^.!?]{0,60}\b(?:pursuit|goal|aim|priority|progress|force|motivation|work))?",
             r"(?:we|I|our company)(?:'ll| will)? (?:always |constantly |continuously |continue to |keep (?:on )?|try (?:our|my) best to |strive to |make efforts to |do (?:our|my) best to )+"
             r"(?:improv\w+|optimi[sz]\w+|perfect\w*|enhanc\w+|provid\w+ (?:better|more|the best|high-quality|quality|excellent|superior)|offer\w* (?:better|more|the best)|do better|work harder|pay more attention)[^.!?]{0,80}",
             r"(?:we|I)(?:'ll| will) (?:improve|do better|enhance|optimi[sz]e|perfect|work on) (?:our|the) (?:[\w-]+ )?(?:services?|quality|products?)",
             r"(?:we|I)(?:'ll| will) do (?:the|our) (?:business|work|job) better",
             r"(?:we|I)(?:'ll| will) continue (?:our|my) efforts",
             r"please (?:continue|keep) (?:supporting|to support|focusing on|following|paying attention to) us",
             r"please (?:pay attention to|focus on) (?:them|our (?:activities|offers|news|updates|website))",
             r"please (?:complete|fill (?:in|out)|use|visit|see|check|refer to|go to|contact) (?:the|our) [^.!?]{0,40}?(?:form|page|faq|article|help cent(?:re|er)|site|website|support team|customer service)\b"),
     0.65, "a stock line"),
    *((phrases(line), 0.7, "a status line") for line in _STATUS_LINES),
)
_RECEIPT_PATTERNS = tuple(pattern for pattern, _, _ in RECEIPTS)
# Pleasantries: allowed beside the stock lines, not a receipt on their own.
_FILLER = phrases(
    r"(?:hi|hello|hey|dear|greetings)(?: there)?", r"you(?:'re| are) (?:very |so |more than )?welcome",
    r"(?:have|enjoy) a (?:great|good|nice|lovely|wonderful|fantastic|happy|safe) (?:day|evening|night|week|weekend|one|time|halloween|holiday|christmas|flight|trip)",
    r"(?:[\w-]+ ){0,2}wish(?:es|ing)? you (?:a )?(?:happy|nice|good|great|wonderful)? ?(?:life|day|time|health(?: and (?:a )?happy life)?)", r"wish you work and live smoothly", r"thank(?:s| you)(?: (?:very|so) much)?",
    r"(?:we're|we are|I'm|I am) (?:so |very )?(?:glad|happy) (?:to hear|we could help|I could help)",
    r"(?:we're|we are|I'm|I am) (?:so |very )?(?:glad|happy|pleased) (?:to hear )?(?:that )?you (?:had|have had|enjoyed)(?: a| an| your)? (?:(?:great|good|nice|lovely|wonderful|fantastic|positive|pleasant) )?(?:experience|time|flight|stay|trip|visit)",
    r"(?:I'm|I am|we're|we are) (?:so |very |really )?sorry (?:to hear (?:that|this|about (?:that|this))|(?:that )?you(?:'re| are) (?:having|experiencing) (?:issues|trouble|problems|difficulties))",
    r"(?:we're|we are|I'm|I am) (?:so |very |really )?sorry for the (?:long )?wait",
    # the stock apology of a helpdesk template ("We are sorry for the unpleasant service experience")
    r"(?:we|I|little \w+|xiao \w+|the editor)(?:'re|'m| am| are| feel| do)? (?:(?:so|very|really|deeply|sincerely|quite|truly) )*(?:sorry|apologi[sz]e) (?:again )?for "
    r"(?:(?:the|any|your|our|this|that|all the) |(?:bringing|causing|making) (?:you |your )?(?:the |any )?)?(?:(?:unpleasant|bad|unsatisfactory|poor) )?(?:(?:service|shopping|user) )?"
    r"(?:inconvenience|experience|trouble|unhappy|that|this)(?: (?:caused|brought)(?: to you)?| due to the (?:[\w-]+ ){0,3}(?:problem|issue|fault))?(?: again)?",
    r"(?:please )?forgive (?:us |me )?(?:for )?(?:the|any|our|your) inconvenience(?: (?:we|that we) (?:brought|caused)(?: to you)?)?",
)
# Stock sign-offs, pleasantries like the ones above: allowed beside the stock lines.
_SIGN_OFF_LINES = phrases(
    r"enjoy the rest of your (?:day|evening|night|weekend|week)", r"noted", r"(?:we|I) dig it", r"heck yeah", r"happy halloween",
    r"(?:we|I) (?:totally |completely )?understand", r"will do",
    r"(?:will|'ll) be (?:sincerely |very |more than |always )?(?:(?:glad|happy|pleased) to be )?at your service",
    r"(?:will|'ll) be (?:very |more than )?(?:glad|happy|pleased) to serve you",
    r"(?:we|I) hope you (?:have|had|enjoy) a (?:great|good|nice|lovely|wonderful|fantastic|happy) (?:day|evening|night|weekend|one|time)",
    r"(?:wow,? )?that's (?:what we (?:love|like) to hear|(?:so )?(?:great|good|awesome|wonderful|fantastic)(?: (?:news|to hear))?)",
)
_NEXT_STEP = phrases(
    r"(?<!received your )(?<!see your )(?<!saw your )DM(?! away)", r"direct message", r"private message", r"send (?:us|me)", r"reply (?:with|here)", r"follow (?:the|this) link to your",
    r"case (?:number|link|#|id)", r"ticket (?:number|#)", r"check (?:your|the) (?:email|inbox|DMs?|messages?|spam)", r"check (?:it|them) out",
    r"with (?:some |more |further |the )?(?:information|info|instructions|details|next steps|options)",
    r"(?:please|let's|let us) (?:follow up|carry on|continue)(?: chatting| the conversation)? (?:there|in (?:the )?DMs?)", r"message (?:us|me) back",
    r"(?:we|I)(?:'ve| have) (?:sent|emailed|messaged|responded|replied|answered|got back to you)", r"(?:just )?(?:responded|replied)", r"call (?:us|me) (?:at|on)",
    r"(?:I|we)(?:'ll| will) (?:call|email|send|refund|replace|reship|escalate|pass)",
    r"should (?:send|email|call|contact) you",
    r"(?:send|email|forward) (?:us |me )?(?:the |your |all )?(?:details|information|info|screenshots?|photos?|order number|account number)\b[^.!?]{0,40}\b(?:to|at) \S+@\S+",
    r"(?:the|your|more|some|a few) (?:[\w-]+ )?(?:details|device|model|order number|account number|screenshots?|photos?)",
    r"(?:after|once|when) (?:you )?(?:provide|submit|send|receiv\w+) (?:us |me )?(?:your|the|an?) ", r"provide (?:us |me )?(?:with )?(?:your|the|a) (?:valid )?(?:[\w-]+ )?(?:number|information|details|account)",
    r"\+?\d[\d ().-]{7,}\d", r"(?:dial|call|ring|phone)\s+(?:us\s+(?:at|on)\s+)?\+?\d[\d -]{3,}\d", r"I(?:'ll| will) (?!be (?:happy|glad|here))\w+",
)
_GREETING_NAME = re.compile(r"(?i:\b(?:hi|hello|hey|dear|thanks|thank you|sorry)),?\s+(?!(?i:there|team|all|again|everyone|for|so|thank|thanks|please|we|our|your|my|the|this|it|you|welcome|good|i)\b)([A-Z][a-z]+)\b")
_VOCATIVE = re.compile(r",\s+([A-Z][a-z]+)[.!?]|(?i:\b(?:ok|okay|welcome|great|sure|no problem)),?\s+([A-Z][a-z]+)\b[.!?,]|(?i:thanks?|thank you)(?: so much| very much)? for (?:the|your) [a-z]+(?: (?!(?:to|for|in|of|from|with|on|at)\b)[a-z]+)?,?\s+([A-Z][a-z]+)\b[.!?]")
_LINK = re.compile(r"\S+://\S+|\S+\.\S+/\S*")
# "Anything else I can help with?" and "Is there anything we can do to help?" offer, they ask nothing.
_ANYTHING_ELSE = re.compile(r"\banything else\b[^?]*\?|\bis there anything (?:(?:that )?(?:we|I) can (?:do to )?(?:help|assist)|we can do)\b[^?]{0,30}\?",
                            re.IGNORECASE)


@register_detector("generic", version="15", kinds=(KIND,))
class GenericDetector:
    """Agent sends a templated receipt: no name, no next step, no time."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return [f for message in agent_messages(conversation) for f in self._in(message, conversation)]

    def _in(self, message: Message, conversation: Conversation) -> list[Finding]:
        text = message.text
        cue = _stock_cue(text)
        if cue is None or gives_next_step(text, conversation):
            return []
        if any(_specific(text[s:e]) for s, e in sentences(text)):
            return []  # says something specific besides the stock lines
        m, score, label = cue
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [self.info.finding(KIND, message, start, end, score=score,
                                  rationale=f"{label}, with no name, next step or time: {quote(m.group(0))}")]


def gives_next_step(text: str, conversation: Conversation) -> bool:
    """Whether the reply names the customer, gives a time or a next step, or asks them something:
    what a generic reply cannot do, whatever its stock lines."""
    # A time inside a stock line or pleasantry ("a pleasure speaking with you today") is no due time.
    if _personal(text, conversation) or find_times(_unstocked(text)):
        return True
    # "contact us by private message if you need anything" and "we've replied to your DM" are stock,
    # not a next step.
    if _NEXT_STEP.search(IN_TOUCH.sub(_blank, CONTACT_IF.sub(_blank, text))):
        return True
    return "?" in _ANYTHING_ELSE.sub("", text)  # a question back to the customer is a next step


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _stock_cue(text: str) -> tuple[re.Match, float, str] | None:
    """The first stock line of `text`. Pleasantries alone ("You're welcome. -CS", "Thanks for stopping
    by!") are no templated receipt (TAXONOMY.md), whatever the labelling notes of rounds 8-10 said."""
    admit = admitted(_RECEIPT_PATTERNS, text)
    return next(((m, score, label) for i, (pattern, score, label) in enumerate(RECEIPTS)
                 if admit >> i & 1 and (m := casefold.search(pattern, text))), None)


def _unstocked(text: str) -> str:
    """`text` with its stock lines and pleasantries blanked out."""
    admit = admitted(_RECEIPT_PATTERNS, text)
    for i, pattern in enumerate(_RECEIPT_PATTERNS):
        if admit >> i & 1:
            blanked = pattern.sub(" ", text)
            if blanked != text:
                text, admit = blanked, admitted(_RECEIPT_PATTERNS, blanked)
    return _SIGN_OFF_LINES.sub(" ", _FILLER.sub(" ", text))


def _specific(sentence: str) -> bool:
    """A sentence of six words or more without a stock line, or one that says eight words or more
    besides its stock lines, pleasantries and offers of help."""
    sentence = _ANYTHING_ELSE.sub(" ", _LINK.sub(" ", sentence))
    rest = _unstocked(sentence)
    if rest == sentence:
        return words(sentence) >= 6
    return words(rest) >= 8


def _personal(text: str, conversation: Conversation) -> bool:
    """Does the message name the customer?"""
    name = (conversation.customer or "").split()
    if name and re.search(rf"\b{re.escape(name[0])}\b", text, re.IGNORECASE):
        return True
    return bool(_GREETING_NAME.search(text) or _VOCATIVE.search(text))


def words(sentence: str) -> int:
    """How many words `sentence` has (letters and apostrophes)."""
    return len(re.findall(r"[A-Za-z']+", sentence))
