"""What is at stake for the customer: deadlines, access, repeated contact, money, their business,
feeling unseen, and the risk that they leave. Any number of each per customer message.

Borderline rules from TAXONOMY.md:
- `concern.deadline_event` needs something time-bound at risk ("won't arrive in time", a
  disrupted trip, "need it by Friday"), not a happy mention of a future event;
- `concern.repeat_contact` includes third parties (carrier, seller, store), failed attempts to
  get through, and counts of attempts or recurring faults ("7th time this month");
- `concern.money` needs a charge or cost actually at stake, not a bill mentioned in passing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from heard.analyze.casefold import search
from heard.analyze.detector import register_detector
from heard.analyze.signals._lexicon import Cue, Hit, cue, find_hits
from heard.analyze.text import may_match, phrases, sentence_at, sentence_spans
from heard.model import Conversation, Finding, Role

_DAY = (r"(?:(?:this |next |coming )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow|tonight|today|"
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?|"
        r"the weekend|this weekend|next week|end of (?:the )?(?:day|week|month)|christmas|"
        r"the \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|noon|midday|\d{1,2}(?::\d\d)? ?(?:am|pm))")
_NUMBER = r"(?:\d+(?:-\d+)?|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|countless|numerous|a few)"
_ORDINAL = r"(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth)"
_THIRD_PARTY = (r"(?:the |my |your )?(?:seller|store|shop|carrier|courier|delivery (?:company|driver)|driver|"
                r"bank|post office|retailer|manufacturer|airline|airport|landlord|ups|usps|fedex|dhl|"
                r"royal mail|hermes|evri|amazon|customer (?:service|support|care)|support|helpline|"
                r"call cent(?:re|er)|your (?:colleague|agent|team|rep)s?|someone|an agent|a rep|(?:a |the |your )?(?:chat)?bot|"
                r"(?:the |your |a )?(?:[A-Z]\w+ )?(?:customer service|csr|business (?:hall|office)|service (?:cent(?:re|er)|desk|hall)|hotline)|"
                r"(?:the |a |your )?(?:store |shop |branch )?(?:manager|staff|associate|representative|branch|police))")

_WORK_DUE = r"(?:work|project|paper|essay|report) (?:is |was )?due"
# Holidays and shopping days: events in `EVENT`, and the names a promotion borrows (`_HOLIDAY`).
_HOLIDAYS = (r"easter", r"christmas", r"thanksgiving", r"hanukkah", r"diwali", r"eid", r"new year(?:'s)?",
             r"mother's day", r"father's day", r"valentine's(?: day)?", r"halloween", r"trick[- ]or[- ]treat\w*")
_SHOPPING_DAYS = (r"black friday", r"cyber monday", r"prime day", r"boxing day")
# A launch is the customer's when it is theirs, not the company launching a product ("why did you
# launch the product if it's not qualified?"); a release or news conference is the company's too.
_THEIR_LAUNCH = r"launch(?:ing)?(?! (?:the|a|your|its|their|this|that|new|such) (?:new )?(?:products?|phones?|cellphones?|mobile|versions?|models?|devices?|services?|packages?)\b)"
EVENT = cue("concern.deadline_event", 1.0, "event",
            r"(?:\w+'s )?(?:birthday|b-?day)", r"super ?bowl", r"play-?offs?", r"en ?route to", r"graduation", r"wedding", r"anniversary", r"funeral", r"christening",
            r"(?:bar|bat) mitzvah", r"(?<!third )(?<!third-)(?<!other )(?<!opposite )party(?! invites?)", r"celebration", r"trip (?:to|abroad|away|overseas)",
            r"(?:business|holiday|family|school|road|ski|weekend|honeymoon|work) trip", r"holiday", r"vacation", r"honeymoon",
            r"flights?", r"(?:a|the|my|our|her|his|their|this|next|last) trains?", r"(?:my|our|this) (?:plane|bus)", r"(?:leave|leaving|fly|flying) (?:the country|abroad)", r"exam", r"(?:job )?interview", _THEIR_LAUNCH, r"go-live", r"(?<!release )(?<!news )(?<!press )conference", r"concert",
            r"surgery", r"(?:my|her|his|their|our|(?:mum|mom|dad|wife|husband|son|daughter|father|mother|baby|partner)'s) operation", r"appointment", r"moving day", r"deadline", r"plans tonight",
            r"tournament", r"(?:first |big )?match", r"(?<!facing )competition", r"recital", r"presentation", r"(?:my|our|a|the|big|investor|sales) pitch(?! (?:me|us|you|him|her|them)\b)",
            *_HOLIDAYS, r"cut-?off", r"due date",
            r"(?:missed|miss|make|making) (?:my |the |our |her |his |their )?(?:connection|connecting flight)", r"stranded",
            r"(?:sitting|sat|stuck|waiting) (?:in|at) (?:the )?(?:airport|gate|terminal|station)", r"standby list",
            # a journey under way or about to start, as travellers write it
            r"(?:I'm|I am|we're|we are|I'll be|we'll be) (?:flying|landing|boarding|en ?route)", r"should be landing",
            r"(?:to|at) (?:my|our) gate", r"\d+\+? ?(?:hours?|hrs?) (?:delayed|late)",
            r"(?:return|refund|cancellation|returns) window", r"(?:rent|bill|payment|mortgage|invoice) is due",
            r"board (?:meeting|approval|approves)",
            # Work or a show that is due at a time, and an expiry ("registration expires today").
            r"school ?work", r"homework", r"assignments?", _WORK_DUE,
            r"watch(?:ing)? the (?:\w+ )?(?:game|match|fight|finale|premiere)", r"world ?series",
            r"expir(?:es|ing) (?:today|tonight|tomorrow|soon|this|next|on|in)", r"about to expire",
            r"boarding", r"departure", r"(?:delivery |time |my |our )slot",
            # a stay or a journey booked for a date ("check in at 3 p.m.", "travel on business soon")
            r"check(?:ing)? in at", r"check-?in (?:time|date)", r"(?:travel|travell?ing) (?:on business|abroad|overseas)",
            r"tickets? (?:for|of) (?:\w+ )?(?:the )?\d{1,2}(?:st|nd|rd|th)?", r"thesis", r"dissertation",
            *_SHOPPING_DAYS, r"tax (?:return|report|deadline)",
            r"release (?:date|day)", r"launch day", r"releases (?:on |this |next )?(?:today|tomorrow|" + _DAY + r")",
            r"(?:a|one|two|three|\d+) (?:days?|weeks?) away",
            # A flight number ("BA0229 cancelled"), not a product code ("my RX480 gave 15 fps").
            r"(?-i:[A-Z]{2}\d{3,4})(?=[^.!?]{0,40}?\b(?i:cancel\w*|delay\w*|divert\w*|depart\w*|flight|boarding|gate|rebook\w*)\b)",
            r"(?:by|before) " + _DAY)
# Deadlines that are at stake by themselves ("our cut-off is tomorrow").
_DEADLINE_ITSELF = phrases(r"deadline", r"cut-?off", r"due date", r"(?:return|refund|cancellation|returns) window",
                           r"(?:rent|bill|payment|mortgage|invoice) is due", _WORK_DUE,
                           r"expir(?:es|ing) (?:today|tonight|tomorrow|soon)", r"about to expire")
# An event in the sentence with a near date ("is this Saturday", "tomorrow at 9am", "in nine days")
# is at stake when the customer brings it to support, unless the mention is happy.
_NEAR = phrases(r"today", r"tonight", r"tomorrow", r"in (?:an?|one|two|three|\d+)(?: and a half)? hours?", r"this (?:week(?:end)?|morning|afternoon|evening)",
                r"(?:on |this |next |coming )?(?:mon|tues|wednes|thurs|fri|satur|sun)day",
                r"in (?:\d+|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of) days",
                r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?",
                r"\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*")
_PAST = phrases(r"ago", r"yesterday", r"last (?:week|month|year|summer|winter)",
                r"(?:my|our|the|an?) (?:last|previous|recent|old) (?:flights?|trips?|stays?|visits?|journeys?|bookings?)")
# A time-bound thing is at stake when the message says it could be missed or is in doubt.
_AT_RISK = phrases(r"\w+n't", r"cannot", r"(?:do|does|did|is|are|was|were|has|have|had|could|would|should)\s+not", r"wrong", r"broken", r"damaged", r"faulty", r"fail(?:s|ed|ing)?", r"counting on",
    r"in time", r"on time", r"won't (?:arrive|make it|get here|be here|be ready)", r"will not", r"not going to",
    r"miss(?:ed|ing)?", r"late", r"delay(?:ed|s)?", r"still", r"hasn't", r"haven't", r"hasn't arrived",
    r"not (?:arrived|here|shipped|delivered|come|ready)", r"never (?:arrived|came)", r"cancel(?:l?ed|lation)",
    r"disrupt\w*", r"stuck", r"stranded", r"need (?:it|this|them|the \w+)", r"needs to", r"has to", r"must",
    r"urgent(?:ly)?", r"asap", r"worried", r"ruin(?:ed|s)?", r"rebook\w*", r"lost", r"missing", r"where is",
    r"running out of time", r"no (?:way|chance)", r"will it", r"won't", r"errors?", r"keep (?:getting|receiving|failing)",
    # An outage or a disrupted journey puts whatever the message names at risk.
    r"outages?", r"no (?:internet|service|signal|power|wi-?fi|connection|tv|cable|trains?|flights?)",
    r"(?:internet|service|power|wi-?fi|cable|tv|network|signal|@\w+) (?:is |was |went |has been )?(?:out|down)",
    r"(?:not sure|doubt|hope) (?:we|I|they|she|he|you)(?:'ll| will| can| could|'d| would)? make", r"any (?:updates?|news|word)", r"divert(?:ed|ing)", r"deplan(?:e|ed|ing)", r"without (?:any )?(?:updates?|information|info|word)", r"left early",
)
# A journey named in a message to the carrier is the service itself: a flight with a lost bag, a rude
# crew or a booking error on the site is not a trip at risk. It is at stake when the sentence says the
# journey itself is disrupted or close ("delayed 2 hours", "we have a flight to catch", "any updates
# on flight 6353?"); TAXONOMY.md: "travel on a disrupted trip".
_JOURNEY = re.compile(r"(?:(?:a|the|my|our|her|his|their|this|next|last) )?(?:flights?|trains?|plane|bus|boarding|departure)", re.IGNORECASE)
_DISRUPTED = phrases(
    r"delay\w*", r"cancel\w*", r"(?:will|gonna|going to|might|may|about to) miss", r"stuck",
    r"miss(?:ed|ing)? (?:(?:my|our|the|a|this|his|her|their) )?(?:flight|train|plane|bus|connection|boarding|departure)", r"stranded", r"late(?:r)?", r"depart\w*", r"catch",
    r"rebook\w*", r"divert\w*", r"grounded", r"overbook\w*", r"bumped", r"on time", r"in time", r"connect\w*",
    r"make (?:it|our|my|the|this)", r"off the ground", r"supposed to", r"(?:sitting|sat|waiting) (?:on|at|in|for)",
    r"any (?:updates?|news|word|info\w*)", r"status", r"worried", r"urgent\w*", r"asap", r"runway", r"(?:hours?|minutes?|mins?) (?:late|delay\w*|behind|wait\w*)",
    r"\d+\+?\s?(?:am|pm|a\.m\.|p\.m\.|mins?|minutes|hours?|hrs?)\b", r"\d{1,2}:\d\d", r"(?:at|by|before) \d{1,2}\b(?![%.,]\d)",
    r"takes? off", r"(?:didn't|did not|won't|wouldn't|not|denied) (?:let (?:me|us) )?board\w*", r"no (?:trains?|flights?|buses)",
)
# A holiday that names the company's promotion ("$3 burritos for anyone in a Halloween costume",
# "the Christmas activity", "coupons on the shop anniversary") is the company's event, not one of
# the customer's at stake.
_HOLIDAY = phrases(*_HOLIDAYS, r"anniversary", *_SHOPPING_DAYS)
_PROMOTION = phrases(r"specials?", r"deals?", r"promo\w*", r"offers?", r"sales?", r"discounts?", r"coupons?", r"vouchers?",
                     r"activit(?:y|ies)", r"campaigns?", r"boorito", r"giveaways?", r"#\w*deal\w*")
# A date or a holiday that is the company's, not the customer's: a delivery estimate ("said it would be
# delivered by 20 Oct", "Arriving Today by 8pm") and a holiday that would explain the company's delay
# ("Is there a holiday I don't know about?", "is the customer service off work on holiday?"). The
# customer's own need ("I need it by Friday") is not read here.
_DELIVERY_PROMISE = re.compile(
    r"\b(?:deliver(?:ed|y)?|arriv(?:e|es|ed|ing|al)|ship(?:ped|s|ping)?|dispatch(?:ed)?|(?:I['’]ll|I will|you['’]ll|you will|we['’]ll) (?:get|receive) (?:it|them)|be here)\b"
    r"(?:(?!\bneed)[^.!?]){0,25}$", re.IGNORECASE)
_THEIR_HOLIDAY = re.compile(
    r"\b(?:is|was) (?:there|it|today) an? (?:public |bank |national )?holiday\b|\b(?:off work|closed|off) (?:on|for|during|over) (?:the )?holidays?\b",
    re.IGNORECASE)


def _theirs(sentence: str, m: re.Match[str]) -> bool:
    """Is the date or holiday `m` the company's rather than the customer's?"""
    if re.match(r"(?:by|before) ", m.group(0), re.IGNORECASE):
        return _DELIVERY_PROMISE.search(sentence, max(0, m.start() - 40), m.start()) is not None
    return _THEIR_HOLIDAY.search(sentence, max(0, m.start() - 30), m.end() + 10) is not None


# A holiday named as a point in time ("on the first day of the new year"): a date, not an event at stake.
_POINT_IN_TIME = re.compile(r"\b(?:(?:first|last) day|morning|eve|night|evening|beginning|end) of (?:the )?(?:\w+ )?$", re.IGNORECASE)
# Happy mentions of an event: no concern.
_HAPPY = phrases(
    r"(?:arrived|came|got here|made it|was delivered|turned up)(?: just)? (?:in|on) time", r"can't wait",
    r"looking forward", r"excited", r"was (?:great|amazing|perfect|lovely|wonderful)", r"loved",
    r"enjoyed", r"went (?:well|great|perfectly)", r"thanks to you", r"shout ?out", r"kudos",
    r"thank(?:s| you)\b[^.!?]{0,60}\bfor\b(?! (?:nothing|ruin\w*|wast\w*|delay\w*|the (?:\w+ )?delays?|cancel\w*|los\w*|ignor\w*|making me))",
    r"good luck", r"no harm done", r"the best (?:\w+ ){1,2}ever",
)

CUES: tuple[Cue, ...] = (
    cue("concern.accessibility", 2.0, "assistive technology or disability",
        r"screen ?readers?", r"JAWS", r"NVDA", r"VoiceOver", r"TalkBack", r"braille", r"wheelchairs?",
        r"mobility (?:scooter|aid|impair\w*)", r"blind(?! (?:area|spot|zone|date|side|corner|test|box))(?!\s*\?)", r"visually impaired", r"partially sighted",
        r"low vision", r"deaf", r"hard of hearing", r"hearing (?:aids?|impair\w*|loss)", r"disabilit(?:y|ies)",
        r"(?:(?:I|son|daughter|child|wife|husband|mum|mom|dad|mother|father|partner|he|she|who|we|they)(?:'m| am| is| are| was| were)|I'm|as a|for the|for|the|aforementioned) disabled\b(?! (?:by|from|on|in|after|for|since|when|because|account|function|feature|service|option|button|setting|app|card|temporarily|automatically|again|now))",
        r"disabled (?:person|people|customers?|passengers?|travell?ers?|users?|son|daughter|child|children|kids?|wife|husband|mum|mom|dad|mother|father|veteran|access|parking|toilets?|loos?|restrooms?|bathrooms?|lavator(?:y|ies)|wcs?|badge|facilities|seating|bay)",
        r"accessib(?:le|ility)", r"audio[- ]descri(?:bed|ption)", r"inaccessible", r"not accessible", r"captions?", r"subtitles",
        r"sign language", r"dyslexi[ac]", r"autis(?:m|tic)", r"ADHD", r"epilep(?:sy|tic)", r"carer",
        r"keyboard(?:-| )only", r"magnifier", r"zoom(?:ed)? in", r"step-free", r"ramp",
        r"unlabell?ed (?:button|field|link)s?", r"CAPTCHA", r"macular degeneration", r"glaucoma", r"cataracts?", r"sight loss",
        r"poor eyesight", r"crutches", r"housebound", r"(?:knee|hip|back) surgery", r"arthritis", r"parkinson's",
        r"(?:can't|cannot|unable to) (?:really )?(?:walk|stand (?:for long|in (?:a )?queues?)|climb (?:the )?stairs|leave the house|get out of the house)",
        # the body, the senses and age named as the barrier (session 17's probes)
        r"guide dog", r"assistance dog", r"had a stroke", r"stutter", r"(?:my|his|her) (?:hands?|fingers) (?:shake|tremble)",
        r"(?:eyes|eyesight|sight|vision) (?:is|are) (?:not good|poor|bad|failing)", r"(?:can't|cannot|unable to) see the (?:screen|text|letters|buttons)",
        r"font (?:size )?(?:is )?too small", r"(?:too small|tiny) (?:font|print|text) ", r"(?:can't|cannot) manage the (?:steps|stairs)", r"in my (?:wheel)?chair\b",
        r"since my stroke", r"captioned", r"non-?verbal", r"learning (?:difficult(?:y|ies)|disabilit(?:y|ies))", r"stammer", r"voice-over",
        r"multiple sclerosis", r"roll-in shower", r"(?:with|because of) my (?:hearing|eyesight|sight|vision)\b", r"eye[- ]gaze", r"panic attacks", r"(?:my|a) (?:screen )?reader (?:just )?(?:says|reads|skips)",
        r"(?:elevator|lift)s? (?:at [\w ]{1,30}? )?(?:(?:is|are|has been|have been|been) (?:out|broken|down|not working)|out of (?:order|service)|broken|not working)"),
    # Cues that read capitals (sign languages, MS) stand apart: one in the table above would make
    # it a screen, not an exact folded pattern (heard.analyze.casefold), and three times slower
    cue("concern.accessibility", 2.0, "assistive technology or disability",
        r"(?-i:BSL|ASL)",
        r"(?:has|have|with) (?-i:MS)\b",
        r"(?-i:AAC)\b"),
    cue("concern.repeat_contact", 2.0, "repeated contact",
        rf"{_ORDINAL} time(?: (?:this|in a) (?:week|month|year))?", rf"{_NUMBER} times",
        rf"{_ORDINAL} (?:email|call|message|tweet|dm|chat|ticket|complaint|request|attempt|person|agent|rep|department|notice|reminder|letter)s?",
        rf"{_ORDINAL} (?:month|week|day|year|time|morning|night|evening) (?:in a row|running)",
        rf"{_ORDINAL} (?:outage|failure|crash|breakdown|fault|replacement|repair|engineer visit|missed delivery|cancellation|delay)s?\b",
        r"(?:sent|asked|called|phoned|rang|emailed|written|wrote|explained|told (?:you|them|him|her|your \w+)|contact(?:ed)?|messaged|chased|reported|submitted|uploaded|provided|tried|talked to|spoke to|dm'?e?d)(?: [\w\x27’@#-]+){0,5}?[.,]?\s+twice",
        r"as I (?:already |previously )?(?:said|told you|explained|mentioned)", r"(?:following|follow) up (?:on|again|about|regarding)",
        r"just (?:checking|following up) (?:on|in|again)", r"hung up on (?:me|us)",
        r"(?:held|holding|on hold)(?: for)? (?:over |more than |almost |nearly )?(?:\d+|an?|[a-z]+(?:ty|teen))(?:[- ][a-z]+)?(?: and a half)? (?:minutes|mins|hours)",
        r"spent (?:an? |\d+ |[a-z]+ )?(?:hour|hours|minutes|day|days) (?:trying|on the phone|on hold|chasing)",
        r"(?:haven't|have not|didn't|did not|never) (?:received|got|gotten|had) (?:any |a |an )?(?:reply|response|answer|call ?back)",
        r"(?:nobody|no one|no-one) has (?:replied|answered|contacted me|called|got back)", r"with no (?:reply|response|answer)",
        r"(?:emailed|called|messaged|wrote|tweeted|contacted)(?: \w+){0,2}[.,]? (?:no|but no|and no|never got an?) (?:answer|reply|response)",
        rf"passed (?:to|between|around) {_NUMBER} (?:people|agents|departments|teams|different \w+)", r"told (?:each|every one|all) of you",
        r"said (?:he|she|they|you)(?:'d| would) (?:call|email|ring|get back|contact)[^.!?]{0,40}?(?:never did|didn't|did not)",
        r"same (?:bug|issue|problem|error|fault) (?:as before|again|as last time)",
        r"twice (?:now|already|this (?:week|month))",
        rf"{_NUMBER} (?:calls|emails|messages|chats|attempts|tries|tickets|complaints)",
        rf"{_NUMBER} (?:engineer |technician |driver )?(?:no[- ]shows|missed (?:appointments|visits|deliveries)|visits|call-?outs)",
        r"(?:days|weeks|months) of (?:DMs|emails|calls|messages|chasing)", rf"on {_NUMBER} (?:separate |different )?occasions",
        r"(?:what|that's what) you (?:said|told me|promised) (?:last|yesterday|on)\b", r"(?:sorry|apologies) (?:to|for) (?:keep|keeping) (?:bothering|chasing|messaging|pestering)",
        r"(?:the|your) (?:agent|person|rep|advisor|adviser|operator) (?:I spoke to|on the phone|on the chat|in the chat)\b", r"every (?:single )?(?:person|agent|one) I(?:'ve)? (?:talk|talked|speak|spoke) to",
        rf"(?:moved|shuffled|bounced) between {_NUMBER} (?:departments|people|agents|teams)", r"every (?:month|week|time|day) I (?:have|had) to (?:ring|call|phone|chase|email|contact)\b",
        r"(?:engineers?|technicians?|drivers?) who never (?:showed|turned up|came)", r"(?:tried|retried) (?:again )?from morning (?:until|till|to) (?:now|night|evening)",
        # an earlier call or letter named in an e-mail: "Following my call this morning", "As discussed on Tuesday's call"
        r"(?:following|further to) (?:my|our) (?:earlier |previous |recent |last )?(?:call|phone call|email|e-mail|chat|conversation|message|letter|complaint)",
        r"as discussed (?:on|in|during|over) (?:\w+[\x27\u2019]s |our |my |the )?(?:call|phone(?: call)?|chat|meeting)",
        r"(?:despite|after) (?:my|all my|our|all our) (?:many|several|numerous|countless|repeated|\d+) (?:letters|emails|calls|messages|complaints|attempts|requests)",
        rf"(?:been |got |get |was |were )?transferred(?: \w+)? {_NUMBER} times",
        # … not money transferred ("I transferred 200 yuan to top up")
        r"(?:been |got |get |keep getting |was |were )?transferred(?: (?:again|around|back))?(?! (?:\d|[$£€¥]|(?:the )?(?:money|funds|payment|balance|amount|sum)\b))",
        r"bounced (?:around|between|from)", r"passed (?:around|between|from \w+ to)", r"pass(?:ed|ing)? the buck",
        r"(?:nobody|no one|no-one|never|didn't|did not|hasn't|haven't) (?:called|call|got|get|rang|ring|wrote|emailed|replied)(?: me)? back",
        r"never heard back", r"still (?:no|haven't (?:had|got|received|heard)|waiting for) (?:a |any )?(?:reply|response|answer|call|word|update|callback|call back)",
        r"still haven't heard", r"tried (?:calling|to call|to get through|to reach|ringing|phoning|emailing|contacting)",
        r"(?:can't|cannot|couldn't|could not) get through", r"on hold for", r"repeat(?:ing)? myself",
        r"(?:explain|tell|go through|explaining|telling) (?:this|it|everything|my story) (?:all )?(?:again|over again)",
        r"(?:already|previously) (?:called|contacted|emailed|messaged|dm'?e?d|explained|explaining|spoken|spoke|reported|sent|raised|complained|tried|"
        r"been (?:through|told|transferred|forgotten|promised|passed|chasing|in touch|on (?:the phone|hold)))",
        r"(?:already|previously) told (?:you|your|them|him|her|the|someone|this|that|all|everything)\b",
        r"as I (?:said|told|explained|mentioned) (?:before|already|earlier|last time)",
        rf"(?:I've |I have |I )?(?:called|contacted|emailed|messaged|rang|phoned|spoke (?:to|with)|spoken (?:to|with)|talked to|chatted with|complained to|reported it to|been to|went (?:back )?to|visited) {_THIRD_PARTY}(?: (?:already|before|twice|again|last week|yesterday))?",
        r"(?:the|your) (?:last|previous|other) (?:agent|person|rep|advisor|adviser|guy|lady|woman|man|operator|colleague)", r"(?:another|new|second|third) (?:ticket|case|complaint)",
        r"(?:last|previous) (?:ticket|case|complaint|call|chat)", r"(?:happened|happening|broke|failed|failing|crashed|stopped|dropped|cut out) again",
        r"(?:is|was|are|were|it's|its|been|went|goes|gone|going) (?:down|out|offline|broken) again",
        r"again (?:today|this (?:week|month|morning))",
        r"(?:come|came|comes) back again(?: today| this (?:week|month|morning))?",
        r"(?:problem|issue|fault|error|bug|noise|leak|it|symptoms?) (?:has |have |had |just |keeps? )?(?:came|come|comes|coming) back(?! again)(?: today| this (?:week|month|morning))?", r"(?:keeps|kept|keep) (?:happening|dropping|failing|cutting out|crashing|breaking|going down)",
        r"(?:contact|contacting|calling|writing|emailing|messaging|chasing) (?:you )?again", r"(?:I've|I have) been chasing",
        r"(?:I've|I have) (?:contacted|called|emailed|messaged) (?:you|this)",
        # Repeating themselves, attempts that failed to get through, earlier contact in passing (TAXONOMY.md).
        r"(?:have|had) to keep (?:explaining|repeating|asking|calling|chasing|telling)",
        r"(?:on (?:the )?phone|on hold|calling|chatting)(?: \S+){0,3}? (?:for )?(?:the )?(?:past|last) (?:\d+|few|several|couple of) (?:mins|minutes|hours)",
        r"(?:been|keep|kept) trying to (?:chat|call|reach|contact|get through|get hold|talk|speak)",
        r"tweeting (?:you|u|y'?all) (?:so much|again|for (?:days|weeks|months|years))",
        r"(?:you|y'?all|you guys|they) (?:have |'ve )?been (?:saying|telling (?:me|us)) (?:that|this) for",
        r"(?:fought|arguing|argued|battling|battled) with (?:you|your|y'?all|them)", r"another promise",
        r"(?:people|person|guy|lady|reps?|agents?) (?:on|over) the phone (?:was|were|said|told)",
        r"(?:heard|got) (?:zero|nothing|nada) (?:back )?from", r"(?:responded|replied) \d+ ?(?:mins?|minutes|hours) ago",
        r"conflicting (?:answers|information|info)", r"(?:all )?(?:the )?lines (?:are )?(?:all )?closed",
        r"checked (?:the|all the|several|other|\d+) stores", r"(?:experiences?|visits?) (?:at|to) your (?:stores?|branch(?:es)?|shops?)",
        # Said another way in the labelled sets: counts, holds, the same answers, contact that came to nothing.
        r"(?:still|again|been) on hold\b", r"on hold again", r"since (?:my |the |our )?(?:1st|first) (?:contact|call|email|message|complaint)",
        r"(?:exactly )?the same (?:#?\w+ )?#?(?:answers?|repl(?:y|ies)|responses?)\b", r"(?:look|check|looked|checked) into (?:it|this|that) again", r"(?:the|a) run ?around",
        r"(?:this|it) (?:has )?happened before", r"reached out to (?:anyone|everyone|everybody|anybody)", r"(?:whenever|every time|each time) I (?:contact|call|email|message|ring|phone)",
        r"(?:did not|didn't|never) (?:receive|get) (?:an? |any )?(?:e-?mail (?:nor|or) (?:a )?)?(?:call|phone call|call ?back|reply|response)",
        r"(?:been )?(?:pressing|urging|chasing|pushing) (?:your|the) (?:staff|team|agents?|customer service)",
        # … and in the helpdesk complaints of STC-3: lines that cannot be put through, nobody answering
        r"here I come again", r"(?:complained|called|reported|waited|urged) for (?:over |more than |nearly |almost )?(?:\d+|two|three|four|five|six|several|many) (?:years|months|weeks|days)",
        r"(?:hotline|customer service|service number|1001\d|10000|1008\d)\s+(?:\w+\s+)?(?:can't|cannot|couldn't|could not) (?:be )?put through", r"(?:didn't|did not|doesn't|does not) (?:anybody|anyone|somebody|someone) answer",
        r"no matter when I (?:call|dial|contact)", r"(?:all )?(?:the )?(?:operators|agents|lines) (?:are|were) (?:all )?busy",
        r"(?:nobody|no one|no-one) (?:has )?(?:contacted|called) (?:me|us)\b", r"(?:unable|not able) to get in touch",
        r"(?:can't|cannot|couldn't|could not) contact (?:the |your )?(?:customer service|you|your staff|anyone)",
        r"still (?:haven't|have not|hasn't|has not) (?:fed (?:it )?back|replied|responded|got back|called back)"),
    # Earlier contact in the words ("I DMed you", "I was told", "the agent I spoke with"): not effort by
    # itself, so not frustration evidence (see emotion._REPEAT).
    # A count written "3x" (a lower-case x) stands apart: in the table above it would make the
    # table a screen, not an exact folded pattern (heard.analyze.casefold), and three times slower
    cue("concern.repeat_contact", 2.0, "repeated contact",
        r"(?<![\w./-])(?:[2-9]|\d\d+|two|three|four|five|six|seven|eight|nine|ten)(?-i:x)\b(?!\s*(?:/|a\b|per\b|every\b))"),
    cue("concern.repeat_contact", 2.0, "earlier contact",
        r"(?:I|we)(?:'ve| have)? (?:already |just |also )?(?:contacted|called|messaged|emailed) (?:them|him|her)\b",
        r"(?:the |an? )?(?:associate|agent|rep|representative|advisor|adviser|manager|person|guy|lady|woman|man|staff(?: member)?|operator) (?:I|we) (?:spoke|talked|chatted|dealt) (?:to|with)",
        r"(?:staff|manager|agent|rep|representative|customer service|associate|employee|cashier|operator|driver|courier)s? (?:there |at \w+ )?(?:told|said to|assured|promised|informed) (?:me|us)",
        # as translated helpdesk complaints tell it: "the customer service staff called me that …", "the local department replied to me"
        r"(?:staff|customer service|department|manager|guys|delivery ?man|support|agent|representative|rep|hotline|operator|engineer|technician|clerk)s? "
        r"(?:\w+ ){0,3}?(?:told|tells|replied|reply|replies|called|explained) (?:me|us|to me)\b",
        r"(?:then |the )?manager said", r"(?:I was|I am|I'm|I've been|I have been|we were|we've been) (?:also )?told",
        r"(?:(?:read|check|see|look at) (?:my|the|our) |(?:on|to|in|answer|reply to) my )(?:dms?|direct messages?|private messages?|pms?|emails?|inbox)",
        r"(?:my|the) (?:dms?|private messages?|emails?|messages?) (?:I|we) (?:sent|wrote|left)",
        # a DM sent as asked is the normal next step, not contact before (every labeller): only one sent
        # already, or a while ago
        r"(?:I|we)(?:'ve| have)? (?:already|also) (?:dm'?e?d|pm'?e?d|inboxed) (?:you|u|the|my|it|them|your|y'all)",
        r"(?:dm'?e?d|dmd|pm'?e?d|inboxed|sent (?:you |u )?(?:a |an )?(?:dm|pm|private message|direct message))(?: (?:you|u|it|them))? "
        r"(?:(?:\d+|a few|few|several|many|two|three|an?) )?(?:hours?|days?|weeks?|months?) ago",
        r"(?:the |your )?(?:method|steps?|solution|fix|suggestion|instructions) (?:you|your (?:team|colleague|agent)) (?:suggested|gave|sent|recommended|provided)",
        r"police report", r"reported (?:it |this )?to the police",
        r"(?:applied|asked|requested|reported|complained|registered)(?: \w+){0,4} (?:through|via|with|at) (?:the |your )?(?:staff|customer service|service (?:desk|hall)|hotline|business (?:hall|office)|helpdesk|help desk)",
        r"(?:I|we)(?:'ve| have)? complained (?:about|to|before|already|several|many|multiple)",
        r"(?:dm'?e?d|pm'?e?d|messaged|emailed|sent (?:you )?(?:a |an )?(?:dm|pm|message|email))(?: you)? (?:too|as well|also)\b",
        r"(?:my|our) (?:ticket|complaint|claim)\b", r"(?<!train )(?<!flight )(?<!bus )(?<!no )(?<!air )(?:case|ticket|reference|complaint) (?:number|no\.?|#|id)",
        r"(?:last|yesterday's|previous|earlier) (?:conversation|email|message|reply|tweet|dm)",
        r"(?:replied|responded|answered) (?:to )?(?:your|the) (?:dm|pm|message|email|questions?)",
        r"(?:was|been|spent \w+|I'm|I am) on the phone (?:with|to) (?:you|your|\w+ (?:support|service|customer service))",
        r"(?:engineer|technician|tech|installer)s? (?:came|visited|has been|have been|was here|came out|turned up)",
        r"(?:you|u|they|your \w+) (?:said|told (?:me|us)) (?:it|this|that)(?:'d| would| will)",
        r"(?:submitted|filed|lodged|raised|opened|made|logged) (?:a |an |my |the |another )?(?:formal )?(?:complain|complaint|ticket|case|claim|dispute|service request|report)",
        r"(?:already|previously) (?:have|had|got|opened|raised|logged) (?:a |an |the )?(?:service request|ticket|case|complaint|claim)",
        r"(?:I|we)(?:'ve| have)? (?:made|placed) (?:the|a|several|many|multiple|\d+) (?:phone )?calls?",
        r"(?:talked|spoke|spoken|chatted) (?:to|with) (?:a |an |the |your |their |some )?(?:supr?|supervisor|manager|agent|rep|representative|someone|person|staff|cs|csr)\b",
        r"(?:reply|respond|answer) (?:to )?(?:the |my |our )?(?:dms?|pms?|direct messages?)\b",
        r"(?:they|he|she|the (?:woman|man|lady|guy|girl|agent|rep|staff|person|manager|driver|store|shop|seller|courier|branch))(?: (?:then|just|also|now|literally))? (?:said|says|told (?:me|us))",
        r"(?:support|customer service|helpline|queue|agents?|staff|reps?)(?: there| here)? (?:is|are|was|were) (?:so |totally |completely |absolutely )?(?:useless|clueless|no help|unhelpful)",
        r"(?:I|we)(?:'ve| have)? (?:already |just |also |even |then )?(?:called|phoned|telephoned|rang|emailed|contacted|visited|urged|pressed(?! (?:the |a |an |my |that |this )?(?:[\w-]+ )?(?:key|button|icon|switch|screen)s?\b)|applied to|reported (?:a|the|it|this|my))\b",
        r"(?:I|we)(?:'ve| have)? (?:talked|spoke|spoken) (?:to|with) (?:you|u)\b", r"(?:I|we)(?:'ve| have)? told (?:you|u)\b", r"\band was told\b",
        r"(?:I|we)(?:'ve| have)? already (?:dm'?e?d|pm'?e?d|sent (?:you |u )?a (?:dm|pm))\b",
        r"(?:on the phone|on the line) with (?:someone|somebody|an agent|a rep|customer service|support)",
        r"(?:I|we) (?:went|go|going|drove) (?:in)?to (?:my|the|a|your|another) (?:local )?(?:\w+ )?(?:branch|store|shop|office)",
        r"(?:supervisor|manager)(?:'?s)? (?:response|answer|reply)",
        r"talk(?:ed)? to (?:someone|somebody|an agent|a rep|a person|customer service)\b", r"(?:just )?got off the phone with",
        r"according to (?:your|the) (?:customer service|support|agent|rep|staff|store|helpline)",
        r"(?:the )?(?:assistance|help|support|service) I (?:received|got) (?:was|were) (?:\w+ )?(?:useless|rude|unhelpful|terrible|awful|poor)",
        r"(?:faxed|mailed|posted|emailed) (?:it |the form |them )?(?:over|in)\b",
        r"(?:you|u|you guys) (?:told|asked) (?:me|us)\b",
        r"(?:customer service|costumer service|customer care|support|staff|agent|rep|personnel|employees?|business hall|customer phone|management|hotline|call cent(?:re|er))(?: \w+){0,2}? "
        r"(?:say|says|said|told (?:me|us)|tells? (?:me|us)|notified (?:me|us)|replied|asked (?:me|us)|wanted (?:me|us)|refused|promised|agreed|"
        r"(?:is |was )?claim(?:s|ed|ing)|explained|insist(?:s|ed)|assured|gave (?:me|us))\b",
        # the service numbers of the helpdesks of STC-3 (China Unicom 10010, China Telecom 10000, ...)
        r"(?:called|dialed|dialled|phoned|rang|contacted)\s+(?:the\s+)?(?:1001\d|10000|1008\d|12315|12321)\b",
        r"(?:1001\d|10000|1008\d)\s+(?:\w+\s+){0,2}?(?:told|tells|said|says|notified|replied|informed)\b",
        r"after (?:contacting|calling|emailing|speaking (?:to|with)) (?:the |your |customer )",
        r"(?:I|we)(?:'ve| have)? (?:already )?left (?:a )?messages? (?:to|for|with|on)\b", r"(?:I|we)(?:'ve| have)? already asked\b"),
    # Failed or repeated attempts ("no help by calling", "still no reply", "didn't I already say"): effort.
    cue("concern.repeat_contact", 2.0, "repeated contact",
        r"(?:not|never|didn't|haven't|hasn't|has not|have not) (?:yet |even )?(?:responded|replied|answered|got back|called back|rung back)",
        r"(?:nobody|no one|no-one) (?:ever )?(?:calls?|called|rings?|rang|gets?|got|emails?|emailed|writes?|wrote) (?:me |us )?back",
        r"(?:can't|cannot|couldn't|could not|unable to|impossible to) (?:reach|contact|get hold of|speak to) (?:you|anyone|anybody|someone|a (?:human|person))",
        r"(?:already|previously) (?:stated|said|wrote|written|provided|gave|given|answered|replied|mentioned|submitted|filled|messaged|sent|left|dm|did)\b",
        r"get back to (?:me|us)(?! (?:with|when|if|as soon))",
        r"(?:or|not) even (?:a )?(?:reply|respond|answer|response|acknowledge)\w*",
        r"(?:no|not any|without) help (?:by|from|when|after) (?:calling|phoning|emailing|ringing|the phone|customer service|support|the store)",
        r"(?:finally|eventually) (?:got through|got (?:someone|somebody|a person|an agent|a human|hold of)|reached (?:someone|somebody|a person|an agent|a human)|spoke to (?:someone|somebody|a person|a human))",
        r"(?:drama|trouble|struggl\w+|impossible|hard|difficult|no luck|no joy) (?:getting|to get|trying to get|in getting|reaching) (?:help|through|hold of|an answer|a response|support|someone|anyone)",
        rf"(?:sent|send) (?:you )?(?:in )?{_NUMBER} (?:private |direct )?(?:messages?|emails?|requests?|tickets?|dms?|complaints?)",
        # the STC-3 register (written probe 6)
        r"did you (?:receive|get|see) my (?:private message|pm|dm|email|message)", r"kicked back and forth", r"(?:pushed|passed|sent) (?:me )?back and forth",
        r"(?:in|waiting in) the (?:[\w-]+ )?(?:customer service )?queue for (?:\d+|an?|two|three) (?:hours?|minutes|mins)",
        r"(?:I|we)(?:'ve)? told the (?:hotline|business hall|service hall|counter|store|shop|customer service)\b",
        r"how many (?:more )?times do I (?:have|need) to (?:say|tell|explain|repeat)", r"saying the same (?:sentence|thing|words|reply)",
        r"(?:please wait|wait patiently)\W? again", r"last time I (?:complained|called|contacted|wrote|reported)\b",
        rf"{_ORDINAL} (?:parcel|package|hotel|meal|repair)s?\b", rf"{_NUMBER} (?:\w+ ){{0,2}}(?:meals|orders|parcels|deliveries|hotels) in a row", rf"{_NUMBER} repairs\b",
        r"(?:call|ring|get back to) (?:you|me|us) back[^.!?]{0,40}?(?:never|don't|didn't|doesn't|do not|did not)",
        r"(?:crash\w*|fail\w*|drops?|dropp\w*|freez\w*|disconnect\w*|cuts? out|goes down|breaks?|stops?|errors?|happens|happening)(?: \w+){0,3}? "
        r"(?:(?:once or )?twice|once|\d+ times|several times|a few times) (?:a|per|every) (?:day|week|month)",
        r"(?:each|every) (?:year|time) (?:when )?I (?:get|come|go) back",
        r"(?:came|come|went|go|going|been) (?:back )?to (?:the |your |a )?(?:[\w-]+ ){1,3}?again",
        r"(?:keep|keeps|kept) (?:saying|telling (?:me|us)|asking (?:me|us)) the same", r"same thing (?:again|over and over)",
        r"(?:didn't|did not|haven't|have not) I (?:already )?(?:write|say|tell|explain|mention|send)",
        r"(?:still|yet|but|and) (?:no|zero|not a(?:ny)?) (?:reply|response|answer|callback|call back|word)\b",
        r"no (?:reply|response|answer) (?:yet|from (?:you|anyone|anybody|them|your))",
        r"(?:yet to|still to) (?:hear|receive|get) (?:back|a reply|a response|an answer|anything)",
        r"already (?:responded|replied|answered|did (?:that|this|it)|done (?:that|this|it)|sent (?:it|this|that|them|you))",
        r"(?:line|phone|number|lines) (?:is |are |was |were )?(?:always |constantly )?(?:busy|engaged)",
        r"(?:nobody|no one|no-one) (?:ever )?(?:answers|picks up|answered|picked up)",
        r"(?:you|your \w+|they|he|she) (?:had |have )?promised", r"(?:I was|we were) promised",
        r"(?:was|were) supposed to (?:call|email|contact|ring|get back|reply|respond)",
        r"(?<!friends )(?<!family )(?<!people )(?<!everyone )(?:keep|keeps|kept) (?:asking|telling) (?:me|us) to",
        r"(?:been )?waiting (?:\w+ ){0,4}?for (?:a |an |your |any )?(?:reply|response|answer|callback|call back|someone to (?:call|get back|reply|respond))",
        r"(?:hello|anyone|anybody|is anyone|is anybody) (?:there|home|out there)\?", r"reopen(?:ed)? (?:my|the) (?:ticket|case|complaint)",
        r"(?:mailed|emailed|called|contacted|messaged|rang|phoned|asked|complained|tried|wrote)(?: [\w@’\x27-]+){0,3}? (?:so |too |very )many times?",
        rf"no (?:reply|response|answer|help) from {_THIRD_PARTY}",
        r"(?:(?:\d+|two|three|four|five|a few|several) (?:days|weeks)|a week|a month) (?:for|to get) (?:a |an )?(?:reply|response|answer)",
        r"(?:filled|submitted)(?: in| out)? (?:the |an? |my |your )?(?:online )?(?:[\w-]+ )?(?:forms?|complaint)",
        r"(?:twice|three times|\d+ times|several times) (?:in|within) (?:the )?(?:past|last)",
        r"I(?:'ve| have)? (?:already )?tried(?: \w+){0,3}? (?:and|but) (?:they|he|she|you|it) (?:\w+ )?(?:said|told)",
        r"over and over(?: again)?", r"again and again",
        r"(?:requested|asked|applied|booked)(?: for)? (?:a |an |the )?(?:repair|refund|cancellation|maintenance|callback|call back|engineer|technician)"
        r"[^.!?]{0,30}? (?:and|but) (?:you|they|the \w+|your \w+) (?:told|said|promised)",
        r"every time I (?:call|contact|ring|phone|ask|try|chat|email|go)",
        r"(?:did not|didn't|won'?t|will not|wouldn't|doesn't|does not|don't|do not|never) (?:even )?(?:answer|pick up|respond|reply|call (?:me )?back|get back to (?:me|us))"
        r"(?: (?:the |my |our )?(?:phone|calls?|emails?|messages?|dms?))?\b",
        r"(?:can't|cannot|couldn't|could not|unable to) get (?:thru|through)",
        r"(?:haven't|have not|hasn't|has not|didn't|did not|never) heard (?:anything )?(?:from|back)",
        r"(?:\d+|two|three|four|five|several|multiple|many) (?:tweets|dms|messages|emails|calls)(?: later)?,? (?:and|but|with)? ?(?:still )?(?:no|not a|zero)\b",
        r"(?:waited|waiting|wait)(?: for)? (?:over |more than |almost |nearly )?(?:\d+|an?|two|three|four|several)(?: \w+)? (?:hours?|days?|weeks?|months?)",
        r"not (?:the|my|our) first time", r"(?:I'm|I am) back again", r"#again\b",
        r"(?:fail(?:ed|s)?|stopped|broke|broken|crashed|not working|isn't working|doesn't work|went out|disconnected|dropped|suspend(?:s|ed)?|"
        r"happened|occurred|(?:there is|there's) (?:a )?problem|(?:couldn't|can't|cannot) be used)\b[^.!?]{0,25}?\b(?<!and over )again\b",
        r"(?:complained|reported|called|dialed|dialled|contacted|urged|calling|dialing)\b[^.!?]{0,30}?\b(?:twice|three times|\d+ times|several times|many times|repeatedly|every day|everyday|each day)\b",
        r"(?:the )?same (?:reply|response|answer|words)\b[^.!?]{0,20}?\b(?:every|each) time", r"such (?:a )?(?:reply|response|answer) (?:every|each) time",
        r"(?:waited|waiting) (?:for )?(?:many|several|a few|\d+) days,? (?:yet|but|and) (?:no|not|still no)\b",
        r"where is (?:your|the) follow-?up", r"(?:don't|do not) want to (?:re-?tell|repeat (?:it|myself)|explain (?:it )?again)",
        r"(?:another|yet another) (?:chat|call|ticket|complaint|email) with", r"(?:\d+|several|many|countless) (?:hours|hrs) of (?:\w+ )?(?:calls|phone calls|chats|emails)",
        r"(?:nobody|no one|no-one) (?:came|showed up|turned up|came over)",
        r"(?:\d+|two|three|four|five|several|multiple) (?:different )?(?:people|agents|reps|representatives|employees|staff members|supervisors)\b",
        r"(?:messed|screwed|fucked|mucked|cocked) (?:\w+ )?(?:up )?again", r"every (?:\d+|few|couple of) (?:minutes|mins|hours|days|weeks)",
        r"every other one of (?:your|the|their)", r"(?:late|delayed|down|broken|cancell?ed) regularly", r"regularly (?:late|delayed|down|broken|cancell?ed)",
        r"(?:having a |a )?hard time (?:getting|reaching|contacting|getting hold of) (?:customer service|support|anyone|someone|through|a human|a person)",
        r"(?:can't|cannot|couldn't|could not|unable to) reach (?:cust(?:omer)? service|support|customer care|cs|the store|the shop)",
        r"(?:\d+|twenty|thirty|forty)\+? ?(?:min(?:ute)?s?|hours?|hrs?) (?:of )?(?:being )?on hold", r"going round in circles",
        r"(?:several|multiple|many|\d+) transfers",
        r"(?:web ?chat|live chat|phone agent|call cent(?:re|er)|customer care)(?: (?:are|is|was|were))? (?:no help|useless|rude|hopeless)", r"rude (?:CS|customer service|agents?|reps?|staff)",
        r"(?:misinformed|lied to|told|deceived) by (?:the |a |your )?(?:phone )?(?:agent|rep|driver|staff|employee|crew|manager|supervisor|gate agent)s?",
        r"(?:I(?:'ve| have)? )?(?:spoken|spoke|talked) to (?:\d+|two|three|four|five|several|multiple) (?:so far|people|agents|reps|different)",
        r"(?:sent|send) (?:in )?(?:several|multiple|many|countless|\d+) (?:private |direct )(?:messages|dms|emails)",
        r"(?:it's|it has) been (?:over |more than |almost |nearly )?\d+ (?:hours|days) (?:now|already)",
        r"(?:spent|spending) (?:far |way |so )?(?:too )?(?:long|much time|ages|hours|days) (?:chasing|trying|on the phone)",
        r"trying to (?:contact|reach|get hold of|get through to|inform)\b",
        r"still (?:haven't|hasn't|have not|has not) (?:paid|refunded|reimbursed|replied|responded|called|fixed|sorted)",
        r"(?:been going on|has been happening|ongoing) (?:since|for)\b",
        # … not a device that gives no response ("there is no response after double clicking the Home Key")
        r"(?<!\w)(?<!there is )(?<!there was )(?<!is often )(?<!completely )(?<!having )no (?:response|reply|answer)s?(?: yet| at all| back)?(?=[\s.!?,]|$)",
        r"(?:sent|messaged|called|emailed|asked|contacted|dm'?e?d|tweeted)\b[^.!?]{0,60}?\bthere (?:is|was) no (?:response|reply|answer)\b",
        r"(?:calling|emailing|chatting|tweeting)(?: in)? (?:isn't|is not|hasn't been|wasn't|isnt) help(?:ing|ful)",
        r"(?:get in contact with|speak to|talk to) (?:someone|somebody) (?:higher|senior|in charge)", r"(?<!first time I've )(?<!first time I have )had to (?:call(?! off)|phone|ring|email|contact|chase)\b",
        r"(?:given|made|sent|raised) (?:similar |many |several |multiple )?complaints to (?:you|u)\b",
        r"(?:happened|disappeared|crashed|failed|broke|stopped|dropped|lost|returned|rejected|declined|bounced|cancelled|canceled|rescheduled) twice", r"(?:tired|sick) of (?:getting|being|having to|waiting|calling|contacting|chasing|messaging|emailing)",
        r"(?:been )?dealing with (?:this|that|it) for (?:\d+|two|three|four|several) (?:days|weeks|months)",
        r"(?:been )?trying to (?:chat|call|talk) (?:to|with)?",
        r"(?:delays?|delayed|late|down|broken|problems?|issues?|outages?|fail\w*|errors?|nothing|rubbish|useless|terrible|awful|again) as (?:usual|always)",
        r"always (?:goes|went|gets|got) (?:down|out|off|offline|broken)", r"always (?:breaks|drops|fails|crashes|cuts out|disconnects)"),
    cue("concern.money", 2.0, "a charge or cost at stake",
        r"(?:charged|billed)(?: me)?(?: \w+)? (?:twice|double|two times|again|for something|for nothing|wrongly|incorrectly)",
        r"double[- ]?(?:charged|charge|billed|billing)", r"over-?charged?", r"overbilled", r"charged me",
        r"(?:extra|hidden|late|cancellation|overdraft|admin|service|roaming|termination) (?:fee|charge)s?",
        r"fees?", r"refunds?", r"refunded", r"money back", r"reimburs\w*", r"compensat\w*",
        r"deduct(?:ed|ion|ions|s|ing)?", r"(?:tak(?:e|es|ing)|took) (?:my )?money", r"outofpocket",
        r"(?:bill|charges?|price|payment|fee)s? (?:has |have |had |is |was )?(?:almost |nearly |just |now )?(?:doubled|tripled|gone up|went up|increased|skyrocketed)",
        r"charg(?:e)?d (?:me|us|my(?! (?:phone|cellphone|mobile|battery|device|laptop|car|tablet|watch|ipad|iphone)\b))", r"pay (?:for )?(?:the )?damages?", r"(?:taxi|cab|hotel|meals?|accommodation|uber)s? (?:paid|covered|refunded|reimbursed)",
        r"(?:I'm|im|I am|we're|we are) paying for",
        r"out of pocket", r"can't afford", r"cannot afford", r"(?:billing|bill|invoice|payment) (?:mistake|error|issue|problem|dispute)",
        r"wrong(?:ly)? (?:charged|billed|amount|bill|invoice)", r"bill (?:is|was|has) (?:wrong|doubled|gone up|higher|too high|incorrect)",
        r"(?:unauthori[sz]ed|duplicate|pending|mystery|unknown|fraudulent) (?:charges?|payments?|transactions?|debits?)",
        r"paid (?:twice|extra|double)", r"paid for (?:something|nothing|it twice)", r"pay (?:twice|double)\b",
        r"(?:payment|transfer|salary|wages|paycheck|deposit|refund) (?:still )?(?:didn't|did not|hasn't|has not|isn't|is not|still isn't|never|won't) (?:go through|gone through|showing|show(?:n|ed)? up|arrive[ds]?|come through|clear(?:ed)?)",
        r"(?:price|prices|fee|fees|subscription|bill) (?:going|keeps going|keep going) up", r"price (?:rise|increase|hike)s?", r"pay off the remaining",
        r"(?:a )?bill I (?:don't|do not) owe", r"(?:applied|taken|debited|billed|deducted) twice", r"(?:equipment|line|modem|router) rental",
        r"(?:her|his|their) (?:life )?savings\b",
        # written probe 7 (the STC-3 register)
        r"commission (?:went|goes|has gone) (?:up|from)\b", r"(?:eats?|ate) (?:up )?(?:all )?(?:the|my|our) profit", r"(?:thousands|hundreds) of (?:yuan|pounds|dollars|euros)",
        r"(?:final|total) (?:fare|price|bill|cost) (?:is|was)\b", r"(?:dynamic|surge) pricing", r"what I(?:'m| am) paying\b", r"what does (?:the |my )?\w+ pay for",
        r"(?:doesn't|does not|won't|will not) cover (?:my|the|our|his|her)\b",
        r"(?:premium|insurance|bill|fee|fare|rent) (?:jumps?|jumped|goes up|went up|rises?|rose|increases?|increased) from\b",
        r"claim (?:the|my) (?:[$£€¥]?\d[\d,]*(?: ?(?:yuan|rmb|pounds|dollars))?|money|refund|compensation|payout)", r"claim (?:is|was|has been) (?:rejected|refused|denied|declined)",
        r"[\d,]+(?:[- ]?(?:yuan|rmb|pounds?|dollars?))? deposit\b", r"(?:card|account) (?:was|has been) (?:just )?used (?:for|to)\b", r"price (?:jumps?|jumped|goes up|went up|changes?|changed) from\b",
        r"price (?:protection|difference)", r"(?:is|was) (?:a lot of|not much) money", r"both pa(?:y|id)\b", r"saved (?:up )?for (?:\w+ )?(?:months|weeks|years) to buy",
        r"pension (?:withdrawal|payment)s?", r"(?:tuition|security|rental|booking) deposit",
        r"(?:my|our|all my|all our|the whole|my whole) (?:wages|salary|pension(?: payment)?|life savings|savings|payouts?|paycheck|income)\b",
        r"(?:has|have|had) (?:any )?(?:of )?(?:my |the )?money been taken", r"keep(?:ing)? up with (?:the )?(?:re)?payments", r"(?:no|any) payment will be made",
        r"(?:match|beat) (?:the|their|a) (?:[\w-]+ ){0,2}(?:price|deal|offer|rate)\b", r"renewal (?:price|premium|quote)", r"(?:will|would) I (?:actually )?be (?:billed|charged)",
        r"(?:lose|lost|losing) (?:the |my |our )?(?:whole |entire )?deposit", r"pending authori[sz]ation",
        r"the money(?:[\x27\u2019]s| has| is| was)? (?:been )?(?:stopped|taken|gone|missing|stuck)", r"(?:on a|on my) (?:pension|fixed income|tight budget)",
        r"money is tight", r"(?:false|incorrect|bogus|wrong) charges?", r"what I(?:'m)? pay(?:ing)? for", r"(?:took|taken|taking) (?:\w+ )?(?:from|out of) my (?:account|card|bank)", r"cost(?:s|ing)? me", r"lost money",
        r"price (?:went up|increase|hike|rise)", r"debited", r"chargeback", r"financial hardship", r"hardship",
        r"(?:I|we|my (?:wife|husband|partner|son|daughter|mum|mom|dad|card|account)(?:'s account)?) (?:got|get|getting|was|were|have been|has been|had been) (?:\w+ )?charged",
        r"swallow\w* (?:my |the |our )?(?:money|coins?|cash|card|notes?)", r"(?:money|coins?|cash|RMB|yuan|dollars?|pounds?)(?: of mine)? (?:was |were |got )?(?:swallowed|eaten)",
        r"auto[- ]?renew\w*", r"hold on (?:my |the |our )?(?:card|account|funds|money)", r"(?:reversed|released|lifted|removed) the hold",
        r"charg(?:e|es|ing)(?: you)? (?:me|us|my (?:account|card)|extra|for\b|\W?\d+)", r"(?:don't|doesn't|do not|does not|always|ones?) charg(?:e|es|ing)\b",
        r"rip(?:ping)? (?:me|us|people|customers) off", r"ripped (?:me |us )?off", r"rip-?off", r"(?:robbing|stole|stealing|steal|stolen) (?:my |our |people's )?money",
        r"(?:my|our) hard[- ]earned (?:money|cash)", r"(?:I|we) (?:owe|owed)\b", r"(?:as if|like) (?:I|we) owe",
        r"reverse (?:the |my |this )?(?:transaction|payment|charge|debit|amount)", r"help (?:me )?reverse",
        r"wast(?:e|ed|ing) (?:\w+ ){0,3}?(?:my |our |your )?money", r"(?:the |my )money (?:I|I've|I have|we|we've) (?:paid|spent)",
        r"(?:collect(?:ed|ing)?|keep(?:ing)?|kept|hold(?:ing)?) (?:my |the |our )?money", r"money (?:is |was )?(?:still )?(?:pending|on hold|held|missing|gone)",
        r"(?:data|traffic|call fee|phone charge|phone credit|balance) (?:was |were |had been |has been )?(?:all )?(?:consumed|used up|eaten up|deducted|exhausted)",
        r"(?:is|are|was|were|be|being|gets?|getting|got) charged\b(?! (?:twice|double|two times|again|wrongly|incorrectly|for (?:something|nothing))| (?:for )?(?:\d+|an|a few|several|two|three) (?:hours?|minutes|mins)| (?:for )?(?:overnight|all night|fully|up))", r"over ?-?charg\w*", r"charg(?:e|ing) (?:problem|issue|error|dispute)",
        r"no money (?:to|for)", r"price[- ]?goug\w*", r"(?:get|getting|want|need) (?:my |the |our )?(?:[$£€]|money|cash) back",
        r"reverse (?:the )?charges", r"(?:a |the )?charge (?:in|on|to) my (?:bank|account|card|acc)\w*",
        r"(?:I'm not|I am not|not) paying (?:for|to)\b", r"(?:shouldn't|should not) (?:have to )?pay\b", r"(?:give|get) (?:me |us )?a discount",
        r"funds", r"#?release ?my ?funds?", r"(?:make|makes|made|making) (?:me|us) pay", r"fraud (?:protection|alert|team|department)", r"complimentary or charged",
        r"(?:I|you|we)(?:'ve| have)? paid (?:using|with|via|by)\b", r"(?:I|we) paid for\b", r"more expensive than",
        r"(?:going|gone|goes|went) up (?:by )?[$£€]\d[\d,.]*", r"(?:have|had|has|need|needs) to pay (?:to|for|extra|again|[$£€]\d[\d,.]*)",
        r"(?:after|since) (?:I |we )?(?:paid|paying)\b", r"(?:no sign|where(?:'s| is)) (?:of )?my (?:money|refund|check|cheque|credit)",
        r"collections? agency", r"(?:questioned|disputed?|disputing|challenged) (?:the |my |a )?(?:bill|charge|invoice)",
        r"(?:stealing|stole|steal|stolen|took|taking|take) [$£€]\d[\d,.]*",
        r"(?:lower|higher|cheaper) (?:fare|price|rate|tariff)s?", r"(?:sent|send|go|going|gone) to collections", r"(?:give|gave|pay|paid) (?:him|her|them|me|us) cash", r"credit (?:still )?(?:is not|isn't|hasn't|has not|not|never) (?:showing|show(?:n|ed)? up|appear\w*|been applied|applied|come through|arrived)",
        r"charg(?:e|ed|es|ing) (?:my|our) money", r"arrear(?:s|age)", r"(?:paid|spent|spend|spending|pay) (?:the |my |our |so much |a lot of )?money\b",
        r"amount due", r"(?:too|so|very|really|ridiculously|way too) expensive", r"return (?:me )?(?:the |my |our )?money",
        # a price raised, money owed back, a bill that can't be paid, a deposit, a fee charged in words
        r"(?:increas|rais|hik)(?:e|ed|es|ing) (?:my|the|our|your) (?:price|bill|fee|rate|premium|subscription|fare)s?\b",
        r"money (?:be |is |go |goes |went )?back (?:on|to|in|into) (?:my|the|our) (?:card|account|bank)",
        r"(?:can't|cannot|can not|unable to|struggling to|won't be able to) pay (?:the|my|our|this)\b", r"(?:the|my|our) deposit\b",
        r"(?:I|we)(?:[\x27\u2019]d| had) paid for\b", r"charged (?:me |us )?the (?:\w+ )?(?:price|fare|rate|fee|amount)\b", r"no money coming in",
        r"\d+ ?% commission", r"wrong (?:VAT|tax) (?:rate|amount)", r"(?:correct|wrong|incorrect) amount\b",
        r"ate my (?:[$£€]\d+ )?(?:note|card|money|coins?|cash)",
        # session 18 (written probe 5)
        r"(?:jacked|bumped|hiked|put) (?:my|the|our) (?:\w+ )?up by\b", r"(?:till|until) payday", r"lost (?:about |around |roughly |over )?[$£€]\d",
        r"struggling to (?:keep up|pay|afford)\b", r"universal credit", r"to pay (?:the )?(?:return )?(?:postage|shipping|delivery charge)",
        r"every (?:month|time) the bill\b", r"(?:days?|hours?|shifts?) unpaid\b", r"unpaid (?:leave|time off|days?)\b",
        r"invoiced at the (?:wrong|retail|full)\b", r"instead of the (?:trade|discounted|agreed|promised) (?:rate|price)",
        r"(?:tuition|fees?|rent|deposit|bill|invoice) (?:must|has to|needs to) be paid", r"(?:is|has) not (?:been )?credited", r"written off\b",
        r"(?:I'm|I am|we're|we are) still paying(?: for)?", r"(?:is|are|was|were) still (?:being )?charged", r"pay(?:ing)? extra\b", r"worth (?:over |about |around |nearly )?[$£€]\d[\d,]*(?:\.\d\d)?"),
    # A bare amount is money at stake only when the message also talks of paying or losing it (`_bare_amount`).
    cue("concern.money", 2.0, "an amount",
        r"[$£€¥₹]\s?\d[\d,]*(?:\.\d\d)?", r"(?:RMB|rmb|Rs\.?|INR) ?\d[\d,]*", r"(?:Ksh|KES) ?\d[\d,]*", r"\d[\d,]*(?:\.\d\d)? ?(?:dollars|pounds|euros|usd|gbp|eur|quid|bucks|yuan|rmb|rupees|inr|ksh)"),
    cue("concern.business_impact", 2.0, "their business is affected",
        r"(?<!lost )(?<!lose )(?<!losing )(?<!none of )(?<!not )(?:my|our) (?:business|shop|store|restaurant|salon|clinic|practice|firm|cafe|café|bakery|agency|startup|organi[sz]ation|warehouse|operations|production|website|online store|sales)",
        r"(?:my|our) (?:clients|staff|employees|team|patients|guests|stakeholders|board|investors|members|drivers|buyers|tenants)",
        # "our customers / users" is as often "us customers" (translated helpdesk complaints): theirs only when affected
        r"my (?:customers|users|students)",
        r"our (?:customers|users) (?:can't|cannot|couldn't|could not|are unable|aren't able|are not able|are complaining|complain|have been affected|are affected)",
        r"(?:potential|prospective) (?:buyers|customers|clients)",
        r"stakeholders", r"(?:lost|losing|lose)(?: out on)? (?:sales|revenue|business|orders|customers|clients|bookings|income|thousands)",
        r"(?:jobs|projects|orders|work) (?:that )?(?:I|we) need (?:to get )?(?:finished|done|delivered|completed|shipped)", r"menu updates?", r"(?:my|our) (?:listings?|storefront)",
        r"(?:lost|losing|lose) (?:roughly |about |around |over )?[$£€]?[\d,]+k? (?:in|of) (?:sales|revenue|orders|bookings|income)",
        r"(?:can't|cannot|unable to) (?:trade|take (?:orders|payments|bookings)|serve (?:customers|clients)|open (?:the |my |our )?(?:shop|store|doors|business|restaurant|salon|cafe|office)|operate (?:the |my |our )?(?:business|shop|store|restaurant))",
        r"(?:production|prod|checkout|payments?|our systems?|our platform|the platform|our api) (?:is |are |has been |went |has gone )?down",
        r"business (?:critical|impact|is suffering)", r"SLA", r"payroll", r"go-live", r"service level",
        r"(?:I|we) (?:run|own|manage) (?:a|an|my|our) (?:small |local |online |family |little )?(?:business|shop|store|restaurant|company|salon|cafe|café|bakery|practice|firm|guest ?house|hotel|B&B|pub|bar|gym|studio|charity)",
        # who the customer is at work: "we're a small charity", "restaurant owner here", "I work for myself"
        r"(?:I'm|I am|we're|we are) an? (?:small |local |tiny |independent |family[- ]run |\d+[- ](?:person|people|man) )?(?:business|charity|school|startup|start-up|shop|store|restaurant|company|practice|non-?profit|agency|cafe|café|bakery|salon|retailer|seller|merchant|freelancer|contractor|sole trader|consultant)\b",
        r"(?:owner|freelancer?|consultant|contractor|seller|merchant|retailer|landlord|self[- ]employed|small business) here\b", r"(?:I|we) work for (?:myself|ourselves)", r"self[- ]employed",
        r"(?:I'm|I am) a freelance", r"(?:we are|we're) an? (?:\w+ )?(?:agency|company|firm|practice|retailer|wholesaler|supplier|restaurant|hotel|clinic)\b",
        r"(?:our|my) company has \d+ (?:employees|staff|people|workers)", r"client (?:jobs|work|projects|orders|deadlines)",
        r"\d+k? (?:subscribers|customers|clients|users) ", r"(?:dozens|hundreds|thousands) of (?:our|my) (?:customers|clients|users|guests)",
        r"turn(?:ed|ing)? down (?:\w+ )?(?:contracts|jobs|clients|work|bookings)", r"(?:my|our) (?:whole )?(?:salon|shop|store|restaurant|cafe|café|clinic|practice)[\x27\u2019]s",
        r"(?:my|our) (?:whole )?(?:small )?(?:shop|business|company|store|site) (?:runs|is built|depends|relies) on", r"(?:my|our) whole small business",
        r"(?:\d+|my|our) staff to pay", r"(?:lunch|dinner|breakfast) service", r"(?:our|my) (?:till|booking|ordering|payment|POS|checkout) system",
        r"(?:business|economic|financial) loss(?:es)? to (?:my|our) (?:company|business|shop)", r"(?:our|my) company has \d+ (?:\w+ )?(?:numbers|lines|accounts|phones)",
        r"(?:our|my) (?:export |retail |wholesale |customer )?orders are (?:affected|delayed|stuck)", r"(?:as a|our) wholesale (?:client|customer|account)",
        r"(?:our|my) event company", r"(?:a|my|our) client (?:is )?waiting", r"(?:our|my) retail customers", r"watching carts die",
        r"(?:my|our) (?:new |own |small |little |local |online )(?:business|shop|store|restaurant|salon|clinic|practice|cafe|café|bakery|studio)",
        r"turn(?:ed|ing)? away (?:\w+ )?(?:customers|clients|guests|patients)", r"turn(?:ed|ing)? (?:\w+ )?(?:customers|clients|guests|patients) away",
        r"(?:my|a) client(?:'s|s')? (?:site|website|shop|store|order|project|event|files?|folder|account|deadline|shoot|presentation)",
        r"(?:my|our) (?:subscribers|donors|pupils|volunteers|retail partners?|business partners?|suppliers|contractors|workers)",
        r"(?:my|our) (?:finance|sales|support|accounts|ops|operations|marketing|IT|dev|engineering|kitchen|warehouse|delivery) (?:team|staff|department)",
        r"(?:our|my) company (?:has|uses|runs) (?:the|your|\d+)\b", r"(?:a )?small (?:shop|business|store) like mine",
        r"our company (?:training|event|meeting|party|outing)",
        r"(?:I|we) (?:run|own) an? (?:small |local )?(?:kindergarten|nursery|training school|school|guesthouse|guest house|hostel|hotel|homestay)\b",
        r"our (?:guesthouse|guest house|hostel|hotel|b&b|inn|homestay)\b", r"guests are (?:checking out|leaving|complaining)", r"client meeting", r"our band\b", r"(?:our|my) driving school",
        r"clos(?:e|ing) (?:my|our) (?:\w+ )?(?:store|shop|business)\b",
        r"(?:I|we) (?:run|own) an? (?:\w+ )?(?:stall|stand|kiosk)\b", r"customers (?:can't|cannot|couldn't) (?:pay|order|book|reach|find)\b",
        # session 18 (written probe 5)
        r"(?:I|we) (?:run|own|manage) (?:a|an|my|our) (?:\w+ ){0,2}(?:business|shop|store|restaurant|company|salon|cafe|café|bakery|practice|firm|agency|studio|clinic|surgery)\b",
        r"clients (?:can't|cannot|couldn't) (?:reach|contact|get hold of)", r"product launch", r"(?:my|our) (?:whole )?team of \d+", r"(?:my|our) whole (?:team|staff|office|company)",
        r"(?:we're|we are) an? (?:\d+[- ]bed |small |local )?(?:care home|nursing home|nursery|hotel|hostel|surgery|pharmacy|garage)\b",
        r"(?:boxes|pallets|units) of (?:our|my) (?:stock|products?|goods)", r"(?:our|my) stock\b", r"of our (?:company|factory|shop|store)\b", r"(?:our|my) factory",
        r"(?:launching|launch of) (?:our|my) (?:new )?(?:\w+ )?(?:menu|product|range|collection|store|shop|app|site)\b",
        r"(?:the|our) staff (?:can ?not|can't|cannot|couldn't) work", r"our office (?:network|internet|broadband|phones?|lines?)\b", r"(?:my|our) internet (?:cafe|café|bar)",
        r"(?:my|our) (?:\d+ )?(?:shops|stores|salons|restaurants|clinics|cafes|branches|offices)\b", r"(?:our|my) suppliers? (?:is|are) waiting",
        r"(?:can't|cannot) run (?:a|my|our|the) (?:shop|business|store|restaurant|company|salon|cafe|café)", r"suppliers to pay",
        r"pay (?:my|our) (?:suppliers|staff|employees|team|workers)", r"(?:our|my) company[\x27\u2019]s (?:\d+ )?(?:lines|phones|numbers|network|systems?|email|website|accounts)",
        r"customer (?:hotline|service line|helpline) is (?:affected|down)",
        r"the (?:bakery|shop|salon|restaurant|cafe|café|clinic|store|business|company|practice|firm)[\x27\u2019]s (?:website|site|email|orders|customers|till|phones?|bookings)",
        r"(?:invoices?|orders?|bookings?|emails?) (?:\w+ )?(?:for|to) our (?:customers|clients)",
        r"card (?:reader|terminal|machine)s?", r"point of sale", r"nothing to sell", r"cash only",
        r"(?:lunch|dinner|breakfast|morning|holiday|christmas|weekend) rush", r"(?:our|my) busiest (?:day|time|night|week|season)",
        r"I (?:can't|cannot|couldn't|could not|am unable to|'m unable to) (?:work|earn)\b", r"(?:days?|weeks?)(?:'s|s')? (?:of )?(?:income|wages|earnings|pay) (?:gone|lost)"),
    # Cues that read capitals (a trade on a named platform, POS) stand apart, as above
    cue("concern.business_impact", 2.0, "their business is affected",
        r"(?:I'm|I am) an? (?:(?-i:[A-Z])\w+ )?(?:anchor|streamer|driver|rider|courier)\b(?= (?:on|for|with) (?:your|the)|[.,])",
        r"(?:I'm|I am|we're|we are) an? (?-i:[A-Z])\w+ (?:seller|merchant|vendor|store owner|shop owner)\b",
        r"(?-i:POS)\b"),
    cue("concern.invisible", 2.0, "feels unseen",
        r"(?:nobody|no one|no-one) (?:listens|listened|is listening|cares|cared|reads|read|is reading|is paying attention|takes me seriously|gives a damn|bothered)",
        r"(?:you|they|you guys|your company) (?:clearly )?(?:don't|do not|didn't|never) (?:care|listen|read|bother)",
        r"(?<!\bI )(?<!\bwe )(?:won't|will not|doesn't|does not) care (?:about|for|if|that|whether)\b",
        r"(?:don't|doesn't) seem (?:like|to) (?:you|u|they)(?: guys?)? (?:want|care|listen)",
        r"(?:you're|you are|they're|they are) not (?:listening|reading)", r"(?:being |been |feel |felt |keep being )?ignored",
        r"ignoring (?:me|my|us)", r"(?<!can )(?<!could )(?<!please )(?:you|they|don't|do not|just) ignore[sd]? (?:it|me|us|(?:my|our|the|this) (?:issue|problem|complaint|question|message)s?)\b",
        r"(?:you|they) never pay (?:any )?attention", r"(?:feel|feels|feeling|felt|I'm|I am|we're|we are|I was|we were) (?:completely |totally |so )?invisible", r"(?:I|we|customers|users|consumers|people like me)\s+(?:don't|doesn't) matter",
        r"(?:don't|doesn't) matter to (?:you|them|your company)",
        r"(?:like|as if) I (?:don't|do not) (?:matter|exist)", r"falls? on deaf ears", r"talking to a (?:wall|brick wall|robot|bot)",
        r"brushed (?:me )?off", r"fobbed (?:me )?off", r"unheard", r"treated like a number", r"just a number",
        r"unimportant", r"nobody takes (?:me|this) seriously", r"copy[- ]and[- ]paste (?:answers|replies|responses)",
        r"(?<!without )(?:simple |simply |just )?(?:cut(?:ting)?|copy(?:ing)?) and past(?:e|ing)\b(?! (?:the|this|it|your|a|an)\b)",
        r"(?:automatic|automated|auto[- ]?) ?(?:reply|replies|response|responses)\b(?! (?:is|are) (?:on|off|enabled|disabled))",
        r"(?:nobody|no one|no-one) (?:would |will |ever |even )?(?:answers?|responds?|replies|replied|responded|answered)(?: to)? (?:me|us)\b",
        r"(?:don't|do not|didn't|did not|never) pay (?:any )?attention to (?:my|our|me|us|customers|users|consumers)\b",
        r"fail(?:s|ed)? to (?:put|treat) (?:\w+ )?(?:customers|users|consumers) (?:first|as (?:a |the )?(?:top )?priority)",
        r"(?:it is|it's|is it) (?:of )?no use (?:to )?(?:complain|complaining|make (?:a )?complaints?|making (?:a )?complaints?)",
        r"(?:scripted|canned|automated) (?:answers|replies|responses)",
        r"(?:nobody|no one|no-one) (?:there |here |at \w+ )?(?:cares|listens|reads)", r"(?:does|is) (?:anybody|anyone) (?:even )?(?:read|reading|listen|listening)",
        r"(?:haven't|didn't|did not|have not) (?:even )?read (?:either of |any of |one of )?my (?:emails|messages)", r"(?:you're|you are) not hearing me",
        r"shouting into (?:a|the) void", r"do you (?:guys |people )?(?:even|actually) care",
        r"(?<!can you )(?<!could you )(?<!please )ignores? (?:me|us|my \w+|customers|an? \w+ like (?:me|us))",
        r"(?:you|they|you guys|y'?all) (?:just |simply |conveniently )?ignore(?= (?:it|this|them|complaints?|claims?|emails?|messages?|people|customers)\b)",
        r"(?:don't|do not|doesn't|does not|didn't|never) (?:give a (?:\w+)|care) (?:about|for) (?:the |their |your |its )?(?:customers|players|users|clients|people|us|me)",
        r"(?:refuse[sd]?|refusing|weren't ready|were not ready|wasn't ready|was not ready|not willing|unwilling|won't even) to listen",
        r"(?:didn't|did not|don't|do not|doesn't|does not|never|won't) (?:even )?(?:take (?:it|this|me|us|my \w+|our \w+|(?:the |their |your )?(?:consumers|customers|users|complaints?)) seriously|listen(?:ed)? to (?:me|us|my|our))",
        r"(?:didn't|did not|never) (?:even )?listen(?:ed)?\b",
        r"(?:matters?|means?) nothing to (?:you|them|your company)", r"lip service", r"pay attention to (?:me|us)\b",
        r"(?:thought|think|supposed to|claims? to) (?:\w+ )?values? (?:their|its|your|our) customers", r"(?:enough|at all) for (?:you|them) to care",
        r"never consider\w* (?:\w+ ){0,4}(?:users|customers|consumers|us|me)\b",
        r"(?:isn't|is not|aren't|are not|wasn't|was not|weren't|were not|not) (?:too |very |at all |even )?concerned (?:for|about|with) (?:our|my|us|me|the customers?|customers|their customers)",
        r"(?:does not|doesn't|do not|don't) (?:appear|seem) (?:that )?(?:\w+ ){0,2}(?:is |are )?(?:too |very |at all |even )?concerned",
        r"(?:never|don't|do not|didn't|did not) (?:consider(?:ed)?|think about|thought about) (?:\w+ ){0,4}(?:users|customers|consumers|us|me)\b",
        r"(?:not|n't|never) (?:responded|replied|answered) to me\b",
        r"overlook(?:s|ed|ing)? (?:\w+ )?(?:feedback|complaints?|customers)", r"(?:my|our) words (?:even )?mean (?:a thing|anything)",
        r"(?:read|listen to)(?: and \w+)? (?:your|their) customer(?:s|'s|s')? (?:posts?|tweets?|complaints?|messages?)",
        r"#(?:the)?customer ?matters", r"#no ?answers?", r"#no ?response",
        r"feel (?:\w+ )?(?:alienated|betrayed|abandoned|forgotten|unvalued|undervalued|unappreciated)", r"(?:nobody|no one|no-one) seems? to care",
        r"(?:blew|blow|blown|blowing) (?:me |us )?off", r"treated like (?:crap|shit|garbage|dirt|a criminal|an idiot)",
        r"(?:a |the )?(?:computer|robot|bot) (?:answering|replying|responding)", r"(?:same|generic|canned) (?:#?\w+ )?#?(?:answers|replies|reply|responses|replh)",
        r"(?:you )?(?:don't|do not) want me (?:back|as a customer)",
        r"(?:doesn't|does not|don't|do not) (?:seem to )?be (?:a )?(?:concern|priority)", r"(?:isn't|is not|not) (?:a )?(?:concern|priority) (?:to|for) (?:you|them|your)",
        r"(?:please |to )?actually read (?:it|this|my|what)\b", r"(?:someone|anyone|somebody|a (?:real )?(?:person|human)) who (?:has |have )?actually read", r"left on read",
        r"(?:my (?:problem|issue|complaint|case|question)|we|I) (?:didn't|did not|doesn't|does not|don't|do not) (?:matter|count)\b", r"I matter too",
        r"(?:into|in|down) a black hole", r"talk(?:ed|ing|s)? over me", r"(?:didn't|did not|won't|wouldn't|doesn't|does not) (?:even )?let me finish",
        r"(?:wasn't|was not|isn't|is not|weren't|were not|aren't|are not) (?:even )?willing to listen", r"(?:nobody|no one|no-one) (?:actually|really|even|ever) (?:listens|cares|reads)",
        r"(?:does|is) (?:anybody|anyone) (?:there |here )?(?:even |actually |really )?(?:care|caring)\b", r"are you (?:even|actually) (?:reading|listening)",
        r"(?:do you not|don't you|do you even) care\b", r"not a (?:ticket |case |reference )?number\b", r"(?:we|I|users like us|customers like us) have no voice",
        r"(?:won't|will not|didn't|did not|wouldn't) even look at (?:us|me)",
        r"couldn't care less", r"(?:couldn't|could not|don't|do not) give a (?:toss|damn|hoot|monkey's)", r"(?:just )?an account number",
        r"do I (?:actually |even |really )?matter", r"an afterthought", r"taken for granted", r"count(?:s)? for nothing",
        r"(?:someone|somebody|anyone) to (?:actually |finally )?(?:hear|listen to) me", r"pretend(?:s|ing)? to (?:listen|care)", r"am I invisible",
        r"answer(?:ing)? a question I didn't ask", r"as (?:though|if) my (?:complaint|email|message|case) (?:doesn't|does not|didn't) exist",
        r"never thinks? about (?:the |its |their )?(?:users|customers)", r"stop being important", r"(?:nobody|no one) has (?:even )?bothered to",
        r"are (?:users|customers) not (?:people|human)", r"give up and go away", r"reply with templates",
        # session 18 (written probe 4): mattering, being read, "seen", priority, existing
        r"stop(?:ped)? mattering", r"(?:expected|hoped|want|wanted) to matter\b", r"thrown (?:into|in) (?:the )?(?:rubbish|trash|bin|garbage)",
        r"(?:nobody|no one|no-one) (?:over there |there )?(?:actually |even )?(?:reads?|opens?) (?:these|them|my|the|it)\b",
        r"does (?:anyone|anybody) (?:there |over there )?(?:actually |even )?(?:read|open|look at|check)\b",
        r"(?:still|sitting|left) on \W?seen\b", r"(?:we|I|people like (?:me|us)|residents|customers|users)\b[^.!?]{0,40}? (?:simply |just )?(?:don't|do not) count\b(?! (?:towards?|against|as|for))",
        r"just (?:one )?(?:small |little )?(?:account|customer|number) to you", r"is (?:anyone|anybody) (?:actually |even )?(?:there|out there|listening)\b",
        r"(?:people like (?:me|us)|customers|users|we|I)(?: clearly| obviously)? (?:aren't|are not|am not|'m not) (?:a )?priority",
        r"exist to you", r"treated (?:so |this )?coldly", r"(?:cold|indifferent) attitude", r"do you (?:even |actually )?read (?:what|my)\b", r"(?:just|only) (?:a )?numbers? to you", r"(?:doesn't|don't) matter to (?:you|a big company|big companies|your company)",
        r"(?:are|is) worth nothing to you", r"means? nothing to you", r"(?:treat|treats|treated) (?:us|me) like (?:air|nothing|dirt|rubbish|garbage)", r"invisible to you",
        r"(?:don't|do not|doesn't) count for anything", r"(?:only|just) (?:answer|reply to|care about|help) (?:people|customers|users|those) with\b", r"(?:only|just) care about (?:new|big|rich|vip)\b", r"forgotten (?:people like (?:me|us)|about (?:me|us))", r"are (?:users|customers|we) not important"),
    cue("risk.churn", 2.0, "intends to leave",
        r"cancel(?:l?ing)? (?:my|the|our)(?: [\w-]+){0,2} (?:subscription|account|contract|membership|service|plan|policy|broadband|line)",
        r"(?:I|we)(?:'ve| have)? (?:just |already |finally )?cancell?ed (?:my|our)(?: [\w-]+){0,2} (?:subscription|account|contract|membership|service|plan|policy|broadband|line)",
        r"close (?:my|our) (?:credit |debit |bank )?(?:account|card)\b", r"cancel (?:both|all) (?:my|our)\b",
        r"(?:all|both) (?:\w+ )?(?:of us |of them )?will (?:leave|go|switch|move)\b",
        r"(?:one|a|any) reason to stay\b", r"my next (?:\w+ )?(?:won't|will not) be\b", r"(?:I'm|I am) (?:deleting|uninstalling) (?:the|your) app",
        r"from now on,? I(?:'ll| will) (?:only )?(?:use|buy|fly|shop|take)\b", r"(?:move|moving) my (?:\w+ )?(?:insurance|policy|account|number|contract) to\b",
        r"carried my number over to", r"cancel a (?:policy|contract|subscription|membership)\b", r"(?:^|(?<=[.!?]\s))uninstalled\b",
        r"cancel (?:the )?auto(?:matic)?[- ]?renewal (?:of )?(?:my|the) (?:membership|subscription)",
        r"switch(?:ing|ed)? (?:over )?to (?:another|a different|a new|a competitor|the competition)\b(?! (?:page|tab|screen|window|mode|camera|app|browser|channel|account|version)s?\b)",
        r"(?:move|moving|go|going|migrat(?:e|ing)) (?:over )?to (?:a |another |a different )(?:provider|competitor|bank|company|network|carrier|supplier|vendor|platform|operator)",
        # notice given, a last month, parting ways, cover found elsewhere
        r"(?:this is|it[\x27\u2019]s) (?:my|our) last (?:month|year|order|visit|week|bill|payment|renewal)\b", r"that[\x27\u2019]s me done",
        r"notice to (?:terminate|cancel|end|close|leave)\b", r"cancellation (?:letter|notice|form)",
        r"(?<!you )(?<!they )(?<!has )(?<!have )terminat(?:e|ing|ion of) (?:my|our|the)(?: [\w-]+){0,2} (?:subscription|account|contract|membership|service|plan|policy|broadband|line|agreement)",
        r"end(?:ing)? (?:my|our)(?: [\w-]+){0,2} (?:subscription|contract|membership|plan|policy)\b",
        r"(?:carry|take|transfer|move) (?:my|our) (?:phone )?numbers? (?:over )?to (?:another|a different|a new|other) (?:operator|provider|network|carrier|company)",
        r"(?:installed|got|signed up (?:with|for)|joined|chose|went with) (?:another|a different|a rival) (?:company|provider|network|operator|supplier)",
        r"found (?:\w+ ){0,2}(?:elsewhere|somewhere else)", r"found (?:a )?(?:better|cheaper) (?:deal|offer|provider|price|plan)", r"part(?:ing)? ways",
        r"competitors? (?:are |is )?look(?:s|ing)? (?:\w+ )?(?:good|better|great|tempting|attractive)",
        r"(?:moving|move|switching|migrating)\b[^.!?]{0,40}?\bto (?:another|a different|a new) (?:[\w-]+ )?(?:system|platform|provider|supplier|vendor|bank|network)\b",
        r"(?:yours|you) (?:is|are) (?:the )?(?:last|next) to go", r"(?:don't|do not) renew (?:my|our|the)\b", r"(?:will|I'll|going to|gonna) uninstall (?:it|the app|your)\b",
        r"stop (?:my|our|the) (?:[\w-]+ )?(?:subscription|membership|plan|contract|policy)\b", r"app deleted", r"deleted (?:the|your) app", r"I(?:'ll| will) be leaving (?:you\b|at the end of (?:the|my|this) (?:month|contract|year|term))",
        r"(?:find|finding|look|looking for|try|trying) (?:a |an )?(?:another|new|different|other) (?:provider|company|bank|supplier|carrier|network|service)",
        r"tak(?:e|ing) (?:my|our) (?:business|money|custom) elsewhere", r"(?:go|going|shop|shopping) elsewhere",
        r"never (?:again|(?:be )?(?:shop|order|buy|fly|use|using|book|stay|eat|come back|return|recommend)(?:s|ing|ping)?\b)",  # not "never ordered"
        r"(?:last|final) time I (?:use|order|shop|buy|fly|book)\w*", r"won't be (?:back|returning|renewing|using|ordering|shopping)",
        r"(?:I'm|I am|we're|we are) (?:done|finished) with (?:you|your|this)", r"leaving (?:you|for(?! (?:the|a|an|my|our|work|home|school|holiday|vacation|hospital)\b))", r"(?:I'm|I am) leaving",
        r"not (?:going to )?renew\w*", r"won't renew", r"unsubscrib\w*", r"port(?:ing)? my number", r"considering (?:leaving|switching|cancelling|canceling|other options)",
        r"(?:(?<=I'm )|(?<=I am )|(?<=we're )|(?<=we are ))cancell?ing\b(?! (?:the|my|this|that|an?|it|our) (?:order|booking|flight|reservation|payment|item|request|return|appointment|delivery))",
        r"(?:ready|about|going|planning|thinking of|tempted) to cancel\b(?! (?:the|my|this|that|an?|it|our) (?:order|booking|flight|reservation|payment|item|request|return|appointment|delivery))",
        r"(?<=time to )(?:cancel|switch|leave|move on)\b", r"(?:buy|order|get|shop for) (?:it |them |one )?(?:somewhere (?:else|that)|elsewhere)",
        r"(?:moving|taking|move|take) (?:my|our) (?:shop|store|business|account|money|custom)\b(?! (?:to|on) (?:a |my |our )?new (?:address|house|home))",
        r"(?:I'm|I am|we're|we are) (?:so |totally |completely )?done(?=\s*(?:[.!]|$))", r"finally free of", r"cord[- ]?cut\w*", r"cut(?:ting)? the cord",
        r"(?:(?<=\band )|(?<=\bthen )|(?<=I'm )|(?<=I am )|(?<=we're )|(?<=I'll )|(?<=we'll )|(?<=going to )|(?<=considering )|(?<=thinking of )|(?<=about to ))switch(?:ing)? (?:over )?to \w+(?<!\bthe)(?<!\bthis)(?<!\bmy)(?<!\ba)(?<!\ban)(?<!\banother)",
        r"(?:you've|you have|you just) (?:officially |just |now )?lost (?:a|me as a|my|our) (?:customer|business)", r"lost (?:my|our) business",
        r"(?:you've|you have) (?:officially |just |now )?lost me\b", r"(?:my|our) last (?:ever )?order (?:from|with)", r"clos(?:e|ing) (?:every|each|all (?:of )?(?:my|our)) accounts?",
        r"(?:won't|will not|never) be (?:booking|flying|staying|banking|ordering|shopping|buying) (?:with|from|at) (?:you|your|them)\b",
        r"(?:do not|don't) wish to renew", r"(?:going|go) with someone else",
        r"(?:moving|move|taking) (?:my|our) (?:mortgage|current account|pension|savings|isa|business)\b", r"(?:bye|goodbye) for now",
        r"last time I (?:give|gave) you (?:my|our) (?:money|business|custom)", r"(?:membership|subscription|sub)(?:[\x27\u2019]s| is) (?:gone|getting axed|cancelled|canceled|going)",
        r"(?:I've|I have|I'd|I had) given up on (?:the|your) \w+", r"(?:I|we) will also change\b",
        r"clos(?:e|ing) (?:his|her|their|my late \w+[\x27\u2019]s|the) (?:[\w-]+ )?(?:account|policy|membership|subscription)",
        r"keep my number if I (?:move|switch|go|port)", r"(?:fee|charge|penalty) (?:to|if I) (?:leave|cancel) early",
        r"lost (?:this|a|another|one) (?:\w+ )?customer\b", r"(?:won't|will not|never) (?:ever )?be (?:a|your) customer",
        r"(?:delete|deleting|deactivate|deactivating|remove|removing) (?:my|our) account",
        r"(?:contemplating|considering|thinking (?:about|of)) (?:ending|cancell?ing|leaving|closing|switching|quitting)",
        r"look(?:ing)? around for (?:a )?(?:new|another|different|other)\b", r"what other (?:companies|providers|banks|carriers|networks|airlines) (?:offer|have|charge)",
        r"(?:I|we)(?:'ve| have)? (?:just |finally )?switched (?:over )?to @\w+",
        r"(?:friendship|relationship) (?:ends|is over|has ended|ended)",
        r"#boycott\w*", r"why (?:should|would) (?:I|we) (?:still |continue to |keep )(?:use|using|stay|choose)\b",
        r"(?:decided?|decides|going|want|plan(?:ning)?) to buy (?:another|a different|other) (?:brand|operator|carrier|provider|company|network)",
        r"(?:suggest|advise|urge) (?:\w+ ){0,3}(?:not to|never to) (?:use|buy|choose)\b",
        r"deregister\w*", r"(?:lost|losing) (?:a |another |one )?(?:loyal |long[- ]?time |good )customer",
        r"(?:will|shall|going to|gonna|I'll|we'll|about to) (?:delete|uninstall) (?:the|this|your) (?:app|application)",
        r"(?:considering|thinking (?:about|of)|tempted to|might|may|going to|gonna) (?:be )?(?:getting|buying|get|buy|switching to|trying) (?:a |an )?(?:different|another|other|new kind of|new brand of)(?: \w+)? (?:phone|provider|bank|network|carrier|laptop|brand|service|company|airline|app)",
        r"why (?:do|would|should) (?:I|we) (?:even )?(?:need|use|keep|pay) (?:you|your)\b", r"reasons? (?:to|why I(?:'ll| will)?) (?:cease|stop|quit|leave|cancel)(?: using| reaching)?",
        r"(?:loyal|long[- ]?time|good) customer (?:just |now )?lost", r"(?:I(?:'ll| will)|I'm going to|gonna) (?:fly|shop|order|bank|go|stick) with @?\w+ from now on",
        r"(?:I'm|I am) taking (?:taxis|a taxi|lyft|the bus|the train)", r"(?:I(?:'ve| have)) stopped (?:ordering|buying|shopping|using|flying|banking)",
        r"(?:can't|cannot|couldn't|unable to) cancel (?:my|the|our|his|her)(?: [\w’\x27]+){0,2} (?:account|subscription|membership|service|contract|plan)",
        r"(?:shop|shopping|go|going) somewhere else", r"(?:you(?:'ve)? just )?gained a (?:new )?customer",
        r"(?:membership|subscription|contract|plan) (?:wouldn't|would not|won't|will not|isn't|is not) (?:be )?(?:renewed|renewing)",
        r"#never ?again", r"(?:not|never|won't be|will not be|won't|will never be) (?:going|coming) back(?! to (?:sleep|bed|work))",
        r"(?:not going to|won't|will not|never going to) (?:ever )?(?:choose|pick|use|buy from|order from|shop (?:at|with)|fly(?: with)?|book(?: with)?|stay (?:at|with)) (?:you|your|them|@?\w+)\b[^.!?]{0,30}?(?:again|anymore|any more|in (?:the )?future)",
        r"in (?:the )?future,? (?:I|we)(?:'m| am|'re| are)? (?:not going to|won't|will not|will never|never) (?:choose|use|buy|order|shop|fly|book)",
        r"cancel(?:l?ing)? (?:my|the|our) (?:number|card|sim|line)\b", r"(?:will not|won't|wouldn't|not) be renew(?:ed|ing)\b",
        r"get(?:ting)? rid of (?:my|our)(?: \w+)? (?:membership|subscription|account|contract|plan|service)",
        r"(?:I|we) can (?:fly|shop|bank|go|order) (?:with|from|at) (?:anyone|anybody|any other \w+|someone else)\b", r"(?:leave|leaving|ditch(?:ing)?|dump(?:ing)?) @\w+",
        r"terminat(?:e|ing) (?:my|the|our) (?:contract|account|service|subscription)",
        # an operator's customer leaving (STC-3): another operator chosen, the contract not renewed
        r"(?:I|we)(?:'ve| have)? (?:just |finally |already )?(?:switched|changed|moved|transferred|turned) (?:over )?to (?:another (?:operator|carrier|provider|network|company|brand|bank)|a (?:different|new|rival) (?:operator|carrier|provider|network|company|bank))\b",
        r"(?:I|we) (?:have )?(?:started|began|begun) (?:to use|using) (?:another (?:operator|carrier|provider|network|company|brand|bank)|a (?:different|rival) (?:operator|carrier|provider|network|company|brand|bank))\b",
        r"(?:I|we)(?:'ve| have)? (?:just |already |finally )?cancell?ed the (?:cable TV|TV|broadband|landline|fixed line|subscription|membership|contract|account)\b",
        r"(?:I(?:'ll| will)|I'm going to|going to|I'd rather|I would rather) (?:choose|turn to|use|move to|go to|install (?:a |an )?[\w ]{1,20}? from) (?:China (?:Mobile|Telecom|Unicom)|another (?:operator|carrier|provider|network|company|brand)|other (?:operators|carriers|providers))",
        r"(?:won't|will not|will never|(?:I|we)'ll never|dare not|daren't|would never) (?:use|choose|renew|buy)\b[^.!?]{0,30}?\b(?:again|anymore|any more|after (?:it|the|my|I)|once)\b",
        r"(?:won't|will not|not going to) renew", r"(?:don't|do not) make me (?:switch|leave|change)",
        # more ways to say it: "switching providers", "moving all 4 lines to T-Mobile", "a PAC code", "evaluating alternatives"
        r"switch(?:ing)? (?:providers|banks|carriers|networks|suppliers|companies|insurers|lenders|operators)\b",
        r"(?:evaluating|exploring|weighing(?: up)?|researching|comparing|looking at|looking into|shopping around for) (?:\w+ )?(?:alternatives|other (?:providers|companies|banks|carriers|networks|suppliers|vendors|lenders|insurers|operators))",
        r"(?:lost|losing) (?:a|another|one|your) (?:[\w-]+ ){0,2}customer\b(?![\x27\u2019]s)",
        r"cancel(?:l?ing)? (?:my|the|our) (?:premium|prime|pro|plus)\b", r"clos(?:e|ing|ed) (?:my|our|the) (?:[\w-]+ )?account",
        r"port(?:ing)?[- ]out (?:code|pin|number)", r"(?:bye|goodbye) forever",
        r"(?:don't|do not|no longer) (?:want|need) (?:the|your|this|my) (?:service|subscription|membership|account|contract|plan)(?: anymore| any more| any longer)?\b",
        r"notice of (?:termination|cancellation)", r"termination of (?:my|our|the) (?:service|contract|agreement|account|subscription)",
        r"(?:exit|early termination) fees?", r"leav(?:e|ing) (?:when|once|as soon as|the moment) (?:my|the|our) (?:contract|plan|term|subscription)",
        strong=False, negatable=True),
    # Cues that read capitals (a rival or the company named) stand apart, as above
    cue("risk.churn", 2.0, "intends to leave",
        r"I(?:'ve| have) switched to (?-i:[A-Z])\w+",
        r"(?:bye|goodbye),? (?-i:[A-Z])\w+",
        r"done with (?:you|your|this company|(?-i:[A-Z])[a-z]+)",
        r"(?:I'm|I am|we're|we are) off to (?-i:[A-Z])\w+",
        r"(?:should|will|going to|gonna|I'll|we'll|to) give up (?:on )?(?:you\b|your|(?-i:[A-Z])\w+)",
        r"(?:I|we)(?:'ve| have| had)? (?:already )?given up on (?:you\b|your|(?-i:[A-Z])\w+)",
        r"(?:say(?:ing)? )?(?:goodbye|good-bye) to (?:you\b|your|(?-i:[A-Z])\w+)",
        r"boycott(?:ing)? (?:you\b|your|(?-i:[A-Z])\w+)",
        r"(?:using|go(?:ing)? with|switch(?:ing)? to|sticking with|shopping (?:at|with)) (?:them|their \w+|@\w+|(?-i:[A-Z])\w+|another \w+|a different \w+) from now on",
        r"(?:@\w+|(?-i:[A-Z])\w+) only from now on",
        r"(?:I|we)(?:'ve| have)? (?:quit|left|dropped|ditched) (?-i:[A-Z])\w+",
        r"(?:have to|going to|gonna|will|I'll|want to|wanna|decided to) (?:change|switch) (?:over )?to (?-i:[A-Z])\w+(?: (?-i:[A-Z])\w+)?(?! (?:plan|package|tariff|app|version|update|mode|account))",
        r"(?:rather|just|could|can|will|I'll) (?:just )?give (?:them|@\w+|(?-i:[A-Z])\w+) my (?:money|business|custom)",
        r"cancel all of (?:my |our )?(?-i:[A-Z])\w*",
        r"(?:move|moving|moved|transfer\w*|port\w*|take|taking) (?:all )?(?:(?:of )?(?:my|our) )?(?:\d+ |both |the )?(?:lines?|numbers?|mortgage|savings|policy|policies|accounts?) (?:over )?to "
        r"(?:(?:another|a different) (?:provider|lender|bank|insurer|carrier|network|supplier|company|operator|broker)|(?-i:[A-Z])[\w-]+)",
        r"(?:choose|considering|use|using|try|trying|go with|going with) (?:@\w+|(?-i:[A-Z])\w+) instead",
        r"(?-i:PAC|STAC)(?: code)?\b",
        strong=False, negatable=True),
)


def is_journey(words: str) -> bool:
    """Are `words` a journey ("flight", "the train", "boarding") rather than another event?"""
    return _JOURNEY.fullmatch(words.strip()) is not None


def journey_at_risk(passage: str) -> bool:
    """Does `passage` say a journey is disrupted or close ("delayed 2 hours", "a flight to catch",
    "any updates on flight 6353?", a clock time)?"""
    return bool(search(_DISRUPTED, passage) or search(_NEAR, passage))


def deadline_hits(text: str) -> list[Hit]:
    """The deadline cues of `text` (see `_deadline_hits`; cached: the emotion and concern
    detectors both read them)."""
    return list(_deadline_hits(text))


@lru_cache(maxsize=64)
def _deadline_hits(text: str) -> tuple[Hit, ...]:
    """Event and date cues in sentences that put them at risk; at most one per sentence. A
    sentence puts its event at risk when the message reports trouble, when it names a near date
    ("her birthday is this Saturday"), or when the event is itself a deadline ("our cut-off is
    tomorrow"); a happy mention ("thanks for …", "can't wait") or a past one ("surgery two weeks
    ago") does not."""
    trouble: bool | None = None  # looked up once a sentence could hold an event
    hits: list[Hit] = []
    spans = sentence_spans(text)
    for k, (s, e) in enumerate(spans):
        sentence = text[s:e]
        if not may_match(EVENT.pattern, sentence):
            continue  # no event or date in it: a cheap test first, the same outcome
        if search(_HAPPY, sentence) or search(_PAST, sentence):
            continue
        if trouble is None:
            trouble = search(_AT_RISK, text) is not None
        if not (trouble or search(_NEAR, sentence) or search(_DEADLINE_ITSELF, sentence)):
            continue
        found = [m for m in EVENT.pattern.finditer(sentence) if not _POINT_IN_TIME.search(sentence, 0, m.start())]
        if search(_PROMOTION, sentence):
            found = [m for m in found if not search(_HOLIDAY, m.group(0))]
        found = [m for m in found if not _theirs(sentence, m)]
        if not found:
            continue
        if any(is_journey(m.group(0)) for m in found):
            around = text[s:spans[k + 1][1]] if k + 1 < len(spans) else sentence  # "on flight AA2254. We were supposed to depart …"
            if not journey_at_risk(around):
                found = [m for m in found if not is_journey(m.group(0))]
        if not found:
            continue
        # An event word is better evidence than a bare date.
        events = [m for m in found if not re.match(r"(?:by|before) ", m.group(0), re.I)]
        m = (events or found)[0]
        hits.append(Hit(EVENT, s + m.start(), s + m.end()))
    return tuple(hits)


@register_detector(
    "concerns", version="42",
    kinds=("concern.deadline_event", "concern.accessibility", "concern.repeat_contact", "concern.money",
           "concern.business_impact", "concern.invisible", "risk.churn"),
)
class ConcernDetector:
    """What is at stake for the customer, one finding per cue."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        info = type(self).info
        findings: list[Finding] = []
        for message in conversation.iter_messages(role=Role.customer):
            if not message.public:
                continue
            text = message.text
            hits = deadline_hits(text) + [h for h in find_hits(text, CUES)
                                          if not _resolved_money(text, h) and not _bare_amount(text, h)
                                          and not _battery_charge(text, h) and not _price_in_delight(text, h)]
            for h in sorted(hits, key=lambda h: h.start):
                words = text[h.start : h.end]
                if h.label == "concern.deadline_event":
                    rationale, score = f"a time-bound {h.cue.note} at risk: {words!r}", 0.75
                else:
                    rationale, score = f"{h.cue.note}: {words!r}", _score(h, words)
                findings.append(info.finding(h.label, message, h.start, h.end, score=score, rationale=rationale))
        return findings


# Money that has arrived is no longer at stake: "Refund came through", "Refund's there".
_RESOLVED = phrases(r"came through", r"has come through", r"(?:has )?arrived", r"(?:is|'s) (?:there|in my account|back)", r"posted",
                    r"landed", r"showed up", r"received", r"got (?:it|my \w+) back")


def _resolved_money(text: str, hit: Hit) -> bool:
    if hit.label != "concern.money":
        return False
    sentence = sentence_at(text, hit.start)
    end = sentence[1] if sentence else len(text)
    done = _RESOLVED.search(text, hit.end, min(end, hit.end + 25))
    return done is not None and not re.search(r"n['’]t\b|\bnot\b|\bnever\b|\bno\b", text[hit.end:done.start()], re.IGNORECASE)


# A price in passing ("$3 burritos for Halloween") is not money at stake; with paying, charging,
# losing or refunding in the message it is.
_MONEY_TALK = phrases(r"pa(?:y|id|ying|yment)s?", r"charg\w*", r"bill\w*", r"refund\w*", r"cost(?:s|ly|ing)?", r"fees?", r"owe\w*", r"deduct\w*",
                      r"price\w*", r"money", r"lost", r"lose", r"los(?:ing|s)", r"spen[dt]\w*", r"wast\w*", r"debit\w*", r"balance",
                      r"account", r"afford\w*", r"expensive", r"overpa\w*", r"back", r"invoice\w*", r"top[- ]?up", r"recharg\w*",
                      r"less", r"cheaper", r"surge", r"pricing", r"top(?:ped|s)? up",
                      # a price named as a grievance or a stake ("$171 a month for THIS? rip off", "€55 to print a boarding pass")
                      r"rip[- ]?off", r"robbery", r"scam\w*", r"in my (?:bank|account)", r"revers\w*", r"to (?:rebook|print|check in|reschedule)")


def _bare_amount(text: str, hit: Hit) -> bool:
    return hit.label == "concern.money" and hit.cue.note == "an amount" and not _in_message(_MONEY_TALK, text)


@lru_cache(maxsize=32)
def _in_message(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` occurs in `text`, looked up once per message rather than once per cue: a long
    message holds many cues (a 1 MB one took ten minutes when each cue searched it again)."""
    return pattern.search(text) is not None


# A battery charged ("it takes half an hour to charge 1% power", "I fully charged my phone") is no
# charge of money, where the sentence says nothing of paying.
_BATTERY = phrases(r"batter(?:y|ies)", r"power", r"charger", r"\d+ ?%", r"fully", r"overnight", r"off charge",
                   r"(?:be|being) charged while", r"charging (?:for|status|state)")
_PAYING = phrases(r"pa(?:y|id|ying|yment)s?", r"fees?", r"bills?", r"yuan", r"rmb", r"refund\w*", r"money", r"cost\w*",
                  r"price\w*", r"dollars?", r"credit", r"balance", r"[$£€¥]\d*")


def _battery_charge(text: str, hit: Hit) -> bool:
    if hit.label != "concern.money" or not text[hit.start:hit.end].lower().lstrip().startswith(("charg", "be charg", "fully charg")):
        return False
    start, end = sentence_at(text, hit.start) or (0, len(text))
    sentence = text[start:end]
    return bool(_BATTERY.search(sentence)) and not _PAYING.search(sentence)


# A price named in delight ("paid less than £4 for same day delivery … Love it!", "spent $3.00 on a
# boorito 😍") is no money at stake (TAXONOMY.md: a cost actually at stake).
_DELIGHT = re.compile(r"\b(?:love it|(?:my )?day is made|made my day|great (?:stuff|deal)|what a deal)\b|#whatadeal|[\U0001F60D\U0001F919]",
                      re.IGNORECASE)


def _price_in_delight(text: str, hit: Hit) -> bool:
    return hit.label == "concern.money" and _in_message(_DELIGHT, text)


def _score(hit: Hit, words: str) -> float:
    # Single common words ("fees", "transferred", "ignored") are weaker evidence than phrases.
    return 0.85 if " " in words.strip() else 0.7
