"""move.defensive: blame-shifting, hiding behind policy, arguing or talking down ("as I already
said", "you should have read the terms", "that's not our fault", "per our policy there's nothing
we can do"). A constraint stated together with an alternative is not defensive."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import Rule, agent_messages, scan, sentences
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.defensive"
_ACCEPT_IT = "asks the customer to accept it"
_BLAME_VERBS = (
    r"(?:read|checked|called|contacted|ordered|followed|told|reported|booked|cancelled|canceled|known|kept|"
    r"made sure|done|looked|updated|entered|chosen|selected|paid|logged|saved|backed up|noticed|asked|waited|registered|"
    r"implemented|installed|verified|reviewed|double-checked|confirmed|used)"
)

# Condescension and blame: defensive whatever else the message says.
ALWAYS: tuple[Rule, ...] = (
    (phrases(r"as I (?:already |previously |just )?(?:said|mentioned|explained|stated|told you)",
             r"as (?:previously|already) (?:said|mentioned|explained|stated)", r"like I (?:said|told you)",
             r"as stated (?:before|earlier|previously|above)", r"I(?:'ve| have) already (?:told|explained)",
             r"as (?:explained|stated|mentioned|said|advised) (?:in|on) (?:my|our) (?:previous|last|earlier|prior) (?:email|message|reply|response|call|chat|tweet)",
             r"like we (?:said|told you|mentioned)", r"not sure why you(?:'re| are) (?:so )?(?:upset|angry|annoyed|mad|confused)",
             # a lesson for next time: "Moving forward, please make sure you enter the correct postcode"
             r"(?:moving forward|going forward|in (?:the )?future|next time),?\s+(?:please\s+)?(?:make sure|ensure|remember|be sure|double-check|check|read)\s+(?:that\s+)?(?:you|to|your)\b",
             r"\byou\s+(?:can\s+|could\s+|should\s+|will\s+|to\s+)?(?:make sure|ensure|remember|double-check|check|read|listen)\b[^.!?]{0,60}?\bnext time\b",
             r"(?:make sure|ensure|remember|be sure|double-check)\s+(?:that\s+)?you\b[^.!?]{0,60}?\bnext time\b",
             r"as\s+(?:we|I)\s+(?:have\s+)?(?:already\s+)?(?:explained|said|mentioned|stated|told\s+you)\s+(?:before|earlier|previously|twice|\w+\s+times)",
             r"(?:please\s+)?be\s+more\s+careful\b[^.!?]{0,40}?\bnext\s+time", r"I\s+already\s+(?:told|explained|said)",
             r"as\s+per\s+(?:our|my)\s+(?:previous|last|earlier)\s+(?:emails?|messages?|letters?|replies)",
             # "As mentioned in my previous three emails", "I've explained this three times now", "before contacting support again"
             r"as\s+(?:explained|stated|mentioned|said|advised|noted)\s+(?:in|on)\s+(?:my|our)\s+(?:previous|last|earlier|prior)\s+(?:\w+\s+)?(?:emails|messages|replies|responses|calls|chats|tweets|letters?)",
             r"I(?:'ve|\s+have)\s+(?:now\s+)?explained\s+(?:this|it|that)\s+(?:\w+\s+)?(?:times|twice)",
             r"before\s+(?:contacting|messaging|calling|emailing|writing\s+to)\s+(?:us|support)(?:\s+again)?(?=\s*[.!]|\s*$)", r"before\s+blaming\s+(?:us|the|our)\b",
             r"how\s+many\s+(?:more\s+)?times\s+(?:we|I)\s+(?:need|have)\s+to\s+(?:explain|tell|say)", r"no\s+need\s+to\s+ask\s+again",
             r"(?:order|book|come|arrive|apply|check\s+in)\s+earlier\s+next\s+time", r"we(?:'ve|\s+have)\s+already\s+(?:told|explained)",
             r"you\s+should\s+(?:read|check)\s+(?:the|our)\s+\w+\s+(?:carefully\s+)?before"),
     0.9, "talks down to the customer"),
    (phrases(rf"you (?:should(?: have|'ve)|could have|needed to|were supposed to|ought to have) {_BLAME_VERBS}",
             r"you failed to", r"(?:it's|it is|that's|that is) your (?:own )?(?:responsibility|fault|problem|mistake)",
             r"if you had (?:read|checked|followed|called|contacted|looked)", r"you didn't (?:read|follow|check|answer|pick up|provide|reply|respond|select|choose|enter|tick|opt|request)",
             r"you\s+(?:didn't|did\s+not)\s+(?:declare|disclose|inform\s+us|tell\s+us)\b", r"(?:was|were)\s+entered\s+by\s+you", r"you\s+signed\s+(?:the\s+\w+\s+)?yourself",
             r"check\s+your\s+own\b", r"contact\s+the\s+\w+\s+yourself",
             r"(?:address|details|number|information|postcode|email|date|name) you (?:entered|provided|gave|selected|chose|typed) (?:was|were|is|are) (?:wrong|incorrect|invalid|incomplete)",
             r"(?:was|were) (?:damaged|broken|caused) because (?:it|they|the \w+) (?:was|were) (?:installed|used|stored|handled) (?:incorrectly|improperly|wrongly)",
             r"(?:man-made|human|artificial)\s+damage", r"(?:traces|signs)\s+of\s+(?:water|liquid)(?:\s+(?:spill|damage))?",
             r"(?:due\s+to|because\s+of|caused\s+by)\s+your\s+(?:own\s+)?(?:incomplete|wrong|incorrect|invalid|inaccurate|missing|improper|mistaken)\b",
             r"which\s+you\s+(?:didn't|did\s+not|failed\s+to)\b", r"which\s+you\s+agreed\s+to",
             r"you\s+(?:entered|provided|gave|selected|chose|typed|used|booked|ordered|picked)\s+(?:the|a|an)\s+(?:wrong|incorrect|invalid)\b",
             r"invalidates?\s+(?:your|the)\s+warranty", r"(?:it|this)\s+is\s+the\s+problem\s+of\s+your\b", r"your\s+\w+(?:'s|\s+is)\s+the\s+problem\b"),
     0.85, "shifts blame to the customer"),
    (phrases(r"(?:this|that|it)(?:'s|\s+is|\s+was)\s+not\s+(?:our|my)\s+(?:fault|problem|responsibility|issue)",
             r"(?:this|that|it)\s+isn't\s+(?:our|my)\s+(?:fault|problem|responsibility|issue)",
             r"not\s+(?:our|my)\s+(?:fault|responsibility)", r"(?:we(?:'re|\s+are)|I(?:'m|\s+am))\s+not\s+(?:responsible|to blame|liable)",
             r"(?:we|I)\s+(?:don't|do\s+not|can't|cannot|won't|will\s+not)\s+(?:accept|take)\s+(?:any\s+)?(?:responsibility|liability)",
             r"nothing to do with (?:us|our \w+)",
             # helpdesk register (written probe 6): "not the responsibility of our platform", "the final explanation right … belongs to our company"
             r"not\s+(?:the\s+)?responsibility\s+of\s+(?:our|the)\s+(?:platform|company|store|shop|network)", r"not\s+within\s+our\s+responsibility",
             r"final\s+(?:explanation|interpretation)\s+right", r"right\s+of\s+final\s+(?:explanation|interpretation)",
             r"which\s+(?:we|I)\s+(?:cannot|can't|can\s+not)\s+control", r"you\s+(?:confirmed|placed|approved|authori[sz]ed)\s+(?:the\s+\w+\s+)?yourself",
             r"(?:that's|it's|this is|that is|it is)\s+(?:the|a|your)\s+(?:carrier|courier|manufacturer|bank|seller|post office|store|driver)(?:'s)?\s+(?:fault|issue|problem|responsibility)",
             r"(?:blame|take it up with)\s+(?:the|your)\s+(?:carrier|courier|manufacturer|bank|seller|post office|store|driver)", r"take\s+it\s+up\s+with\s+them",
             r"(?:\w+[\x27\u2019]s|is|was)\s+(?:down\s+to|on)\s+the\s+(?:courier|carrier|retailer|manufacturer|seller|bank|driver|post\s+office|airline|airport)\b",
             r"nothing\s+(?:we|I)\s+can\s+do\s+(?:(?:on|at)\s+)?our\s+(?:end|side)",
             r"(?:carrier|courier|manufacturer|seller|driver|post office)(?:'s)?\s+(?:decision|call),?\s+not\s+(?:ours|our)",
             r"(?:it's|it is|that's|that is|remains)\s+(?:the|your)\s+(?:member|customer|user|account holder|cardholder|buyer|passenger|subscriber)(?:'s)?\s+(?:responsibility|job|duty)",
             r"I\s+(?:don't|do not)\s+make\s+the\s+rules", r"due\s+to\s+the\s+reason\s+of\s+(?!your\b|the\s+customer)\w+",
             # "That's down to your bank, not us", "we can't be held responsible", "which is the homeowner's responsibility"
             r"(?<=[,—–-])\s*not\s+(?:by\s+|with\s+)?(?:us|ours|our\s+fault)(?=\s*(?:[.!,]|\^|$))", r"(?:can't|cannot|can\s+not)\s+be\s+held\s+(?:responsible|liable|accountable)", r"(?:takes?|bears?|accepts?)\s+no\s+(?:responsibility|liability)",
             # "there is no error on our side", "nothing wrong on our end", "not the problem of our network"
             r"(?:no|nothing)\s+(?:error|problem|issue|fault|wrong)\s+on\s+(?:our|my)\s+(?:side|end)", r"nothing\s+wrong\s+(?:on|at)\s+(?:our|my)\s+(?:side|end)",
             r"not\s+(?:the\s+)?problem\s+of\s+(?:our|the\s+company)\b",
             r"(?:which|it|this|that)\s+(?:is|remains)\s+(?:the|your)\s+(?:[\w-]+\s+)?[\w-]+[\x27\u2019]s\s+responsibility"),
     0.85, "shifts blame away from the company"),
    (phrases(r"calm down", r"(?:please\s+)?(?:don't|do not)\s+(?:get\s+|be\s+)?(?:angry|mad)", r"(?:please\s+)?keep calm", r"please take (?:it )?easy", r"with all due respect", r"(?:that's|that is|this is) (?:simply )?(?:not true|incorrect|false)",
             r"you(?:'re| are) (?:wrong|mistaken)", r"(?:clearly|plainly) (?:states?|stated|says|said|explained|marked|shown|displayed|labell?ed|written)", r"written\s+clearly\s+in",
             r"(?:was|were|has\s+been|have\s+been)\s+(?:applied|charged|calculated|processed)\s+correctly",
             r"(?<!sure\s)(?<!ensure\s)(?<!check\s)(?<!that\s)(?<!whether\s)(?:the|our|these)\s+(?:times|prices?|information|details|figures|charges?|fees?|amounts?)\s+(?:on\s+our\s+\w+\s+)?are\s+(?:all\s+)?correct",
             r"(?:our|the|this)\s+decision\s+is\s+final", r"(?:decisions|bans|suspensions)\s+are\s+final", r"decision\s+(?:remains|stands|is)\s+unchanged",
             r"(?:won't|will\s+not)\s+be\s+(?:discussing|entering\s+into)\s+(?:this|any|the\s+matter)", r"(?:fee|charge|decision|penalty|fine)\s+(?:still\s+)?stands\b",
             r"(?:not|unable\s+to|cannot)\s+uphold\s+your\s+complaint",
             r"(?:it|this)\s+is\s+not\s+a\s+(?:wrong|incorrect|mistaken)\s+(?:deduction|charge)",
             r"(?:fare|price|charge|amount|fee|bill)\s+(?:you\s+paid\s+|you\s+were\s+charged\s+)?(?:was|is)\s+correct",
             r"(?:instructions|terms|prices?|rules|conditions|details|policy|fees?)\s+(?:were|are|was|is)\s+(?:very\s+|quite\s+|all\s+|perfectly\s+)?(?:clear|clearly\s+(?:shown|stated|displayed|marked|explained|written|listed))\b",
             r"(?:we\s+)?consider\s+(?:the|this)\s+(?:matter|case)\s+closed", r"(?:the\s+)?case\s+is\s+closed\s+on\s+our\s+(?:side|end)",
             r"(?:we|I)\s+stand\s+by\s+(?:our|my|the)\s+(?:original\s+|previous\s+|earlier\s+)?(?:decision|response|answer)",
             r"(?:is\s+)?(?:working|works)\s+fine\s+for\s+(?:\w+\s+)?(?:other|everyone|everybody|most|all)\b", r"(?:it's|it\s+is)\s+(?:likely|probably)\s+your\s+(?:phone|device|computer|network|connection|router|settings|browser)", r"(?:that's|this is|that is)\s+(?:just\s+|simply\s+)?how\s+(?:the|our)\s+(?:system|process|policy)\s+works",
             # a denial put to the customer ("our crew is there to serve you and not deceive you")
             r"(?:not|never)\s+(?:to\s+)?(?:deceive|cheat|mislead|lie\s+to|trick)\s+(?:you|our\s+customers|customers)",
             r"there\s+is\s+no\s+(?:mistake|error)\b", r"(?:readings?|records?|system|bills?)\s+(?:are|is)\s+never\s+wrong", r"you\s+can\s+go\s+to\s+court", r"(?:our|the)\s+(?:service|network|system|staff)\s+(?:had|has)\s+no\s+(?:problem|fault|issue|mistake)",
             r"check\s+(?:the|your)\s+(?:[\w-]+\s+){0,2}(?:list|bill|record|records|details)\s+yourself",
             r"we\s+guarantee\s+(?:that\s+)?(?:all\s+)?our\s+(?:[\w-]+\s+){1,6}?(?:are|is)\s+(?:brand\s+new|genuine|original|authentic|new)"),
     0.75, "argues with the customer"),
)
# Policy and "nothing we can do": defensive only with no alternative offered.
UNLESS_ALTERNATIVE: tuple[Rule, ...] = (
    (phrases(r"(?:per|according to|due to|under|as per|in line with|in accordance with)\s+(?:our|the|company)\s+(?:\w+\s+)?(?:policy|policies|terms|rules)",
             r"(?:it's|it is|that's|that is)\s+(?:our|company|the)\s+policy", r"(?:^|[.!?]\s*)company\s+policy\s*[.!]",
             r"(?:we|I)\s+(?:can't|cannot|can\s+not|don't|do\s+not|are\s+unable\s+to)\s+make\s+(?:any\s+)?exceptions?", 
             r"(?:this|that|it)\s+is\s+the\s+(?:regulation|rule|policy)s?\b", r"(?:apply|applies)\s+to\s+(?:everyone|everybody|all\s+(?:\w+\s+)?(?:customers|passengers|users|members|plans|accounts|subscribers|bookings))",
             r"(?:I|we)\s+(?:have|need)\s+to\s+follow\s+(?:the\s+)?(?:procedure|process|policy|rules)", r"(?:can't|cannot|unable\s+to|won't)\s+honou?r\b",
             r"(?:we|I)\s+(?:don't|do\s+not)\s+(?:price\s+match|offer\s+refunds|do\s+refunds|accept\s+returns|give\s+refunds)",
             r"cannot\s+be\s+(?:reissued|refunded|reversed)\b", 
             r"(?:followed|in\s+accordance\s+with|according\s+to)\s+(?:the\s+|our\s+)?(?:standard|normal|usual)\s+(?:procedures?|process|practice)",
             r"(?:are|is)\s+(?:an?\s+)?estimates?\s+only", r"cannot\s+be\s+overridden", r"(?:our|the)\s+(?:terms|policy|T&Cs|conditions)\s+(?:clearly\s+)?(?:state|states|say|says)\b", r"(?:our\s+)?polic(?:y|ies)\s+(?:doesn't|does not|won't|will not)\s+allow",
             r"(?:our\s+)?hands\s+are\s+tied", r"there(?:'s| is)\s+nothing\s+(?:else\s+)?(?:we|I)\s+can\s+do",
             r"nothing\s+(?:more|else)\s+(?:we|I)\s+can\s+do", r"(?:beyond|outside|out of)\s+our\s+control",
             r"there(?:'s| is)\s+(?:really|honestly|simply|just)\s+nothing\s+(?:else\s+|more\s+|further\s+)?(?:we|I)\s+can\s+do",
             r"as\s+(?:outlined|stated|set out|described|specified|detailed|explained|laid out)\s+in\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}(?:terms|policy|policies|T&Cs|conditions|agreement)",
             r"(?:is|are)\s+(?:non-?refundable|not\s+refundable)", r"(?:it|this)\s+is\s+a\s+(?:national|government|state)\s+(?:regulation|rule|policy)",
             r"you\s+are\s+not\s+eligible", r"(?:platform|company|we)\s+(?:cannot|can't|can\s+not)\s+compensate", r"(?:this|it)\s+is\s+the\s+(?:platform|hospital|company|system)(?:'s)?\s+rule",
             r"(?:fee|charge|money|deposit)\s+(?:cannot|can't|can\s+not)\s+be\s+(?:returned|refunded)", r"(?:the|your)\s+(?:carrier|courier|manufacturer|seller|driver|post office)\s+(?:is|are)\s+(?:responsible|liable|to blame)", r"(?:that's|that is|this is|it's|it is)\s+(?:just\s+|simply\s+)?(?:the|our)\s+(?:process|procedure|rules?)\b",
             r"(?:it's|it is|it was)\s+our\s+(?:duty|obligation|responsibility)\s+to(?!\s+(?:help|serve|assist|make)\b)", r"(?:is|are)\s+(?:always\s+)?subject\s+to\s+(?:change|availability|the actual)",
             r"(?:it's|it is|is|are|that's)\s+(?:just|only|simply)\s+(?:that,?\s+)?a\s+request", r"(?:is|are)\s+not\s+guaranteed",
             r"(?:we(?:'re|\s+are)|I(?:'m|\s+am))\s+only\s+(?:obligated|obliged|required)\s+to",
             r"(?:as\s+per|according\s+to|required\s+by|under)\s+(?:the\s+)?(?:legislation|law|regulations?|government\s+rules?)",
             r"(?:an?\s+(?:extra\s+|additional\s+)?(?:[\w-]+\s+)?charge|fee)\s+(?:will|would|must)\s+(?:be\s+)?appl(?:y|ied)",
             r"(?:does|do)\s+require\s+an?\s+(?:extra|additional)\s+(?:[\w-]+\s+)?(?:charge|fee)",
             r"(?:we|they)\s+operate\s+an?\s+(?:[\w-]+\s+){0,3}policy",
             r"(?:booking|ticket|fare|store|these|the\s+same|our)\s+(?:\w+\s+)?rules\s+apply",
             r"(?:is|are)\s+(?:turned|switched)\s+off\s+for\s+(?:the|our)\b", r"(?:we|they)\s+turn\s+(?:it|them)\s+off\s+for\s+the\b",
             r"(?:we|I)\s+(?:do\s+|must\s+|have\s+to\s+)?(?:follow|comply\s+with|abide\s+by)\s+(?:the\s+|all\s+|our\s+)?(?:[\w-]+\s+){0,2}(?:regulations|rules|guidelines|laws?)",
             r"to\s+qualify\s+for\s+(?:a\s+)?(?:full\s+)?(?:refund|compensation|a\s+\w+),?\s+you\s+(?:would|will|must)\s+(?:have|need)\s+to",
             r"you(?:'re|\s+are)\s+only\s+(?:able|allowed|permitted|entitled)\s+to",
             r"(?:must|has\s+to|have\s+to|needs?\s+to)\s+(?:be\s+)?(?:reported|assessed|claimed|submitted|filed|report|claim|submit|file)\b[^.!?]{0,60}?\bwithin\s+(?:\d+|one|two|seven|fourteen|thirty)",
             r"(?:due\s+to|because\s+of)\s+(?:\w+\s+){0,2}(?:licensing|licence|license|contractual|legal)\s+(?:agreements?|restrictions?|reasons|requirements)",
             r"in\s+order\s+for\s+us\s+to\s+(?:\w+\s+){0,3}(?:assist|help)(?:\s+you)?,?\s+you\s+(?:need|must|have)\s+to",
             r"(?:we|I)\s+can\s+only\s+(?:protect|help|assist|refund|offer|accept)\b[^.!?]{0,60}?\bif\b",
             # the helpdesk's rule for a charge or a renewal, put as a condition on the customer
             r"if\s+you\s+(?:subscribe|commit|apply|exceed|consume|did\s+consume|(?:do\s+not|don't)\s+(?:renew|cancel|change|recharge|pay))\b[^.!?]{0,100}?\b(?:will|shall)\s+be\s+(?:automatically\s+)?(?:charged|renewed|switched|deducted|restricted|suspended)",
             r"(?:will|shall)\s+be\s+(?:automatically\s+)?(?:renewed|switched|charged|deducted|restricted|suspended)\b[^.!?]{0,40}?\bif\s+you\s+(?:don't|do\s+not|didn't|did\s+not)\b",
             r"(?:is|are)\s+(?:only\s+)?limited\s+to\s+(?:the\s+)?(?:users|customers|members|subscribers)",
             r"(?:can|could)\s+only\s+be\s+(?:handled|received|applied\s+for|transacted|processed|changed|done)\b",
             r"according\s+to\s+the\s+(?:requirements|regulations|provisions)\s+of\s+(?:the\s+)?(?:ministry|state|government|relevant|national)",
             # "… is not something we can refund", "…, so we cannot provide warranty service", "We do not control delivery times"
             r"(?:isn't|is\s+not|aren't|are\s+not)\s+something\s+(?:we|I)\s+can\s+(?:refund|change|help\s+with|do|offer|cover|compensate|accept)",
             r"(?:so|therefore|thus|hence),?\s+we\s+(?:cannot|can't|can\s+not|are\s+unable\s+to|are\s+not\s+able\s+to)\s+(?:provide|offer|refund|accept|repair|replace|exchange|process|honou?r|cover)\b",
             r"(?:we|I)\s+(?:do\s+not|don't)\s+control\b",
             r"(?:we|I)\s+can\s+do\s+nothing\b",
             r"(?:request|application|claim|appeal)\s+(?:is|has\s+been|was)\s+(?:rejected|declined|refused|denied)",
             r"(?:therefore|so)\s+(?:the\s+)?(?:refund|request|change|exchange|return)\s+cannot\s+be\s+(?:handled|processed|accepted|made|done)",
             r"(?:only|just)\s+(?:covers?|applies\s+to|apply\s+to)\b", r"you\s+(?:chose|selected|bought|booked)\b[^.!?]{0,40}?\bno\s+(?:refund|change|return)s?\b", r"(?:will|shall)\s+therefore\s+not\s+be\b", r"(?:we\s+are|we're)\s+therefore\s+(?:unable|not\s+able)\b",
             r"(?:unable|not\s+able|aren't\s+able|are\s+not\s+able)\s+to\s+(?:refund|process\s+(?:any\s+)?refunds?|issue\s+(?:a\s+|any\s+)?refunds?|accept\s+returns?|offer\s+(?:a\s+|any\s+)?refunds?)\b",
             r"(?:we|I)\s+(?:cannot|can't|can\s+not)\s+give\s+you\s+the\s+(?:gift|refund|compensation|discount|voucher|coupon|credit|prize)"),
     0.8, "hides behind policy"),
    (phrases(r"(?:was|is|were|are)\s+(?:completely\s+|totally\s+|simply\s+)?unavoidable", r"(?:couldn't|could not)\s+(?:have\s+been|be)\s+avoided",
             r"(?:beyond|outside|out of)\s+(?:the\s+)?control\s+of\s+(?:us|the company|[A-Z][\w-]*)",
             r"(?:we|it was|this was|it is|it's|this is|they are|they're)\s+(?:deliberately\s+|intentionally\s+)?(?:designed|built|made)\s+(?:(?:it|them|the\s+[\w-]+(?:\s+[\w-]+)?)\s+)?(?:like this|this way|that way|on purpose|intentionally)",
             r"(?:so|therefore|which)\s+(?:it\s+)?(?:takes|will take|may take|might take|requires)\s+(?:a\s+certain|some|a\s+long)\s+(?:period\s+of\s+)?time",
             r"(?:is|it's|this is|that's)\s+by\s+design", r"(?:working|works)\s+as\s+(?:intended|designed)",
             r"(?:this|it)\s+is\s+(?:a\s+)?normal\s+(?:phenomenon|situation)",
             r"behaviou?r\s+(?:you\s+(?:describe|described|mention|mentioned|saw|are\s+seeing|reported)\s+)?is\s+expected",
             r"followed\s+(?:the\s+)?(?:correct|proper|right|standard)\s+(?:procedure|process|route|steps|policy)",
             r"followed\s+(?:the|our)\s+(?:\w+\s+)?(?:procedure|process|route|policy|rules|steps)\s+correctly",
             r"because\s+(?:of\s+)?operational\s+(?:needs|reasons|requirements)", r"operational\s+(?:needs|reasons|requirements)\s+required",
             r"(?:my|our)\s+(?:earlier|previous|last|first)\s+(?:message|reply|response|answer|tweet)\s+was\s+(?:correct|right|accurate)",
             r"(?:staff|team|colleagues?|agents?|we|I)\s+(?:has|have)\s+(?:already\s+)?explained\s+(?:it\s+|this\s+|the\s+\w+\s+)?to\s+you",
             r"(?:aren't|are\s+not|isn't|is\s+not|weren't|wasn't)\s+(?:required|obliged|obligated)\s+to",
             r"(?:can\s*not|can't|cannot)\s+speculate", r"(?:may|might)\s+not\s+have\s+been\s+available",
             r"(?:it|this|that|the\s+issue|the\s+problem)(?:'s|\s+is)\s+not\s+on\s+(?:our|my)\s+(?:end|side)",
             r"(?:we|I)\s+(?:don't|do\s+not|didn't|did\s+not)\s+intend\s+to\s+(?:mislead|deceive|upset|offend)",
             r"(?:is|are|was|were)\s+(?:affected|influenced|restricted|limited|subject(?:ed)?)\s+(?:by|to)\s+(?:many|various|multiple|a\s+lot\s+of|lots\s+of|several|different)\s+(?:objective\s+)?(?:factors|reasons|causes)",
             r"(?:more\s+|many\s+|some\s+)?objective\s+(?:reasons|factors|causes)",
             r"(?:it|this|that)(?:'s|\s+is|\s+should\s+be)\s+(?:a|the)\s+(?:compatibility\s+)?problem\s+(?:of|with)\s+(?:the\s+)?(?:third-party|manufacturer|website|app\s+store|phone\s+maker)",
             r"(?:is|are|was)\s+(?:set|decided|determined|caused)\s+by\s+the\s+(?:phone\s+|handset\s+)?(?:manufacturer|third[- ]party|website|bank|vendor)",
             r"(?:is|are)\s+related\s+to\s+(?:the\s+)?third-party", r"shall\s+be\s+subject\s+to\s+the\s+(?:manufacturer|agreement|contract)",
             r"(?:it|this)\s+can\s+be\s+(?:difficult|hard|tricky|challenging)\s+to\b[^.!?]{0,60}?\bbecause\b",
             r"(?:we|I)\s+(?:put\s+forth|make|try|do)\s+(?:our|my)\s+(?:very\s+)?best(?:\s+efforts?)?\b[^.!?]{0,80}?,?\s+but\s+(?:sometimes|unfortunately|this|that|it)\b",
             r"(?:is|are)\s+mandatory", r"(?:must|shall)\s+(?:go\s+to|bring|be\s+handled|be\s+returned|be\s+applied\s+for)\b", r"there\s+(?:are|is)\s+(?:corresponding\s+)?(?:instructions|terms|provisions|regulations)\s+in\s+the\s+(?:agreement|contract)"),
     0.75, "justifies instead of helping"),
    (phrases(r"(?:for|due to)\s+(?:security|privacy|safety)\s+(?:purposes|reasons)[^.!?]{0,60}?\b(?:will not|won't|cannot|can't|can not|are not able|aren't able|unable|do not|don't|only)\b",
             r"to\s+ensure\s+(?:the\s+)?(?:passenger|passengers'|customer|customers'|public|everyone's|crew)\s+safety",
             r"(?:we|I)\s+(?:cannot|can't|can not|are unable to|am unable to|won't be able to|will not be able to|are not able to)\s+(?:confirm|disclose|share|communicate|discuss|give out|release)\s+(?:any|this|that|the|such)\b",
             r"for\s+(?:security|privacy|safety)\s+reasons,?\s+(?:we|I)(?:'re|'m|\s+are|\s+am)\s+not\s+able\s+to\b",
             r"(?:so|therefore|thus|hence)\s+you\s+(?:cannot|can't|can not|are unable to|are not able to|won't be able to|will not be able to)\b(?![^.!?]*\?)"),
     0.7, "refuses for security"),
    (phrases(r"please\s+(?:kindly\s+)?understand(?:\s+(?:that|this|us|the inconvenience|our \w+))?(?=\s*[.!])",
             r"hope\s+you\s+(?:can|could|will)\s+understand(?:\s+(?:that|this|us))?(?=\s*[.!,])",
             r"your\s+(?:kind\s+)?consideration\s+(?:will|would)\s+be\s+(?:much\s+|greatly\s+|highly\s+)?appreciated"), 0.7, _ACCEPT_IT),
    (phrases(r"I(?:'m|\s+am)\s+afraid\s+not\b",
             r"(?:unfortunately|sadly|I'm afraid),?\s+(?:we|I)(?:'re|'m|\s+are|\s+am)?\s+(?:not able|aren't able|unable|can't|cannot|don't|do not|won't)\s+"
             r"(?:to\s+)?(?:offer|refund|guarantee|change|accept|make exceptions|issue|provide|compensate|cover|help|do)",
             r"(?:we|I)\s+(?:(?:could|can|would|will)\s*not|couldn't|can't|wouldn't|won't)\s+(?:be\s+able\s+to\s+)?(?:offer|provide|give|issue)\s+(?:any|a|an)\b",
             r"(?:not\s+able|unable)\s+to\s+further\s+(?:handle|deal\s+with|process|help)",
             r"sorry,?\s+(?:but\s+)?(?:we|I)\s+(?:can't|cannot|can\s+not|don't|do\s+not|won't)\s+(?:refund|exchange|accept|return|replace|offer|cancel|change)\b",
             r"(?:adjust|check|handle|solve|fix|set|do)\s+(?:it|this|that)\s+(?:out\s+|up\s+)?by\s+yourself",
             r"(?:don't|do\s+not|doesn't|does\s+not)\s+belong\s+to\s+(?:the\s+same|our|us)\b"),
     0.6, "refuses without an alternative"),
)
_SORRY = re.compile(r"\b(?:sorry|apologi[sz]e|apologies)\b", re.IGNORECASE)
_ALTERNATIVE = re.compile(
    r"\b(?:however,?\s+(?:I|we|you)(?:'ll|\s+(?:can|could|will|may|would))(?!\s*(?:not|n't)\b)|instead|alternatively|what (?:I|we) can do|(?:but|though) (?:I|we) can|(?:I|we) (?:can|could) (?:offer|still|instead|also)|"
    r"(?:I'?d|we'?d) be happy to|(?:I|we)(?:'ll|\s+will)\s+(?!not\b|never\b|be unable\b|be not\b|guarantee\b|ensure\b|continue\b|try\b|strive\b|improve\b|optimi[sz]e\b|strengthen\b|keep\b|always\b)\w+|please (?:contact|call|visit|reach|have|DM|send|try|provide|message)|"
    r"you (?:can|could|may) (?:still|also|try|contact|call|visit|request|go|resubmit|reapply|appeal)|(?:I|we) (?:suggest|recommend|advise) (?:you|that)|(?:I|we) (?:would|'d) (?:suggest|recommend))\b",
    re.IGNORECASE,
)


@register_detector("defensive", version="20", kinds=(KIND,))
class DefensiveDetector:
    """Agent shifts blame, hides behind policy, argues or talks down."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        findings = []
        for message in agent_messages(conversation):
            text = message.text
            rules = ALWAYS if _ALTERNATIVE.search(text) else ALWAYS + UNLESS_ALTERNATIVE
            for hit in scan(text, rules, whole_sentence=True):
                if hit.rationale.startswith(_ACCEPT_IT):  # "Please understand that." rests on the reason before it
                    before = [(s, e) for s, e in sentences(text) if e <= hit.start]
                    if before and _SORRY.search(text, *before[-1]):
                        continue  # it asks understanding for an apology, not for a reason
                    hit = hit._replace(start=before[-1][0]) if before else hit
                findings.append(self.info.finding(KIND, message, hit.start, hit.end, score=hit.score, rationale=hit.rationale))
        return findings

