"""The customer's primary emotion in each public message, with an intensity of 1..3.

Rules, not a model: every label has a table of cues with weights; the label with the most
evidence wins, with TAXONOMY.md's borderline rules applied on top:

- anger only when the message targets someone (blame, "rip-off", insults, threats); anger words
  or angry emoji aimed at an obstacle are frustration;
- frustration needs effort or persistence ("still", "again", "third time", "keeps crashing");
- anxiety is about what may happen ("worried", "will it arrive in time?");
- plain how-to questions and fault reports are neutral; confusion needs puzzlement expressed;
- gratitude when thanks is the main point (a polite "thanks" around a request is not);
  joy is delight without thanks.

Intensity starts at 1 and rises with a strong cue ("furious", "fed up"), an intensifier before
the cue ("so", "really"), shouting in capitals, "!!", profanity, or the same label cued twice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.signals._lexicon import Cue, Hit, cue, find_hits, quoted
from heard.analyze.signals.concerns import CUES as CONCERN_CUES
from heard.analyze.signals.concerns import deadline_hits
from heard.analyze.text import iter_sentences, phrases, sentence_at
from heard.model import Conversation, Finding, Message, Role

LABELS = (
    "anger", "frustration", "anxiety", "sadness", "disappointment", "confusion",
    "relief", "gratitude", "joy", "neutral",
)
NEGATIVE = frozenset(LABELS[:6])
POSITIVE = frozenset({"relief", "gratitude", "joy"})

# The regulator held up to the company, or being ignored by it: anger where nothing else is read, not
# over effort or a let-down.
_REGULATOR = "invokes the regulator"
_UNSEEN = "feels unseen"
_WEAK_ANGER = frozenset({_REGULATOR, _UNSEEN})
# A label needs at least this much evidence; below it the message is neutral.
THRESHOLD = 1.0

_NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|countless|numerous)"
_ORDINAL = r"(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|millionth)"
# What a company claims for itself or its service, the words a customer puts in scare quotes.
_CLAIMED = (r"(?:best|great|elite|premium|priority|express|fast|high[- ]speed|free|unlimited|guaranteed|quality|professional|"
            r"help|helpful|support|(?:customer )?(?:service|care|support)|care|reached out|accidentally|apolog(?:y|ies|ised|ized)|sorry|"
            r"solutions?|resolved|compensation|goodwill(?: gesture)?|courtesy|valued(?: customer)?|investigat(?:ing|ion)|"
            r"communicated|voluntarily|intimidated me|polic(?:y|ies)|security|experts?|specialists?)")

CUES: tuple[Cue, ...] = (
    # -- anger: aimed at someone --
    # Insults and contempt thrown at the company or its people.
    cue("anger", 2.0, "insults someone",
        r"bastards?", r"assholes?", r"a\*+holes?", r"arseholes?", r"jerks", r"dickheads?", r"scumbags?", r"go to hell",
        r"(?:should|ought to) be ashamed", r"shame on (?:@\w+|(?-i:[A-Z])\w+)", r"(?:absolute|total|complete|such a|what a) joke"),
    cue("anger", 2.5, "targets someone",
        r"you people", r"rip[- ]?off", r"ripp(?:ing|ed) (?:me|us|people) off", r"(?:feel|felt|feeling|been|being|got|get|getting) ripped off",
        r"scam(?:mers?|med)?", r"ashamed of (?:yourself|yourselves)",
        # an expletive hurled at someone, not quoted ("him saying 'fuck you'")
        r"(?<![\x27\u2018\u2019\x22\u201c])(?:fuck|f\*+k|fck|screw) (?:you|u|y'?all|off)\b",
        r"thie(?:f|ves|ving)", r"crooks?", r"liars?", r"lied to me", r"incompetent", r"idiots?",
        r"morons?", r"clowns", r"how dare you", r"shame on you", r"robb(?:ing|ed) (?:me|us|people)",
        r"(?:worst|useless|pathetic|rude|disgraceful|shocking|appalling) (?:company|customer (?:service|support|care)|service|support|staff|agents?|people|business)",
        r"(?:your|you(?:'re| are)) (?:staff |agents? |people |company )?(?:is |are )?(?:useless|a joke|pathetic|clueless|a disgrace)",
        r"your fault", r"you(?:'ve| have)? (?:ruined|screwed|stolen|scammed)",
        r"(?:I'll|I will|I'm going to|going to) (?:sue|report you|take (?:you|this) to court|take legal action)",
        r"my lawyer", r"you (?:clearly )?(?:don't|do not) (?:even )?care", r"hire (?:people|staff|colleagues) who",
        r"you lot", r"the lot of you", r"your people", r"do you (?:guys |people )?(?:even|actually) care",
        r"(?:nobody|no one|no-one) (?:there |here )?(?:even )?cares", r"incompeten\w+", r"incompetanc\w+", r"greedy",
        r"(?:didn't|doesn't|don't) know what (?:the fuck |the hell )?(?:he's|she's|they're|he is|she is|they are) (?:talking about|doing)",
        r"(?:your|ur|you(?:'re| are)|u r|y'?all(?:'re| are)?) (?:\w+ ){0,2}?(?:is |are |was |were |has been |have been )?(?:so |really |very |absolutely |totally |just |such |getting )?"
        r"(?:useless|a joke|pathetic|clueless|a disgrace|horrible|terrible|awful|rubbish|garbage|trash|shady|shameful|disgraceful|dishonest|"
        r"incompetent|hopeless|the worst|appalling|disgusting|poor(?:er)?(?: and poorer)?|a scam|liars|thieves|crooks|so funny|a nightmare)",
        r"(?:you|u|they|he|she|staff) (?:have |has )?(?:lied|lie)\b(?! (?:down|on|in|back|flat|still)\b)", r"(?:that's|that is|thats|it's|this is) a (?:blatant |complete )?lie",
        r"dishonest\w*", r"dishono(?:u)?rable", r"disgraceful", r"shameful", r"shady", r"lame excuses?", r"worst of the worst",
        r"(?:you|u|they) (?:must )?think (?:we're|we are|I'm|I am|people are|customers are) (?:stupid|idiots|fools|dumb)",
        r"(?:you|u) (?:guys |people |all )?suck", r"hate (?:you|u|them|your|y'all)\b", r"losers?", r"cuss(?:ing)? \S+ (?:tf |the fuck )?out",
        r"(?:do|did) (?:you|u) (?:really |seriously )?(?:expect|think|want) (?:me|us|people|customers|anyone|everyone)",
        r"how (?:can|could) (?:you|u)(?! (?:help|tell|check|assist))", r"is this how (?:you|u)", r"(?:could|can) (?:you|u) be (?:any )?more",
        r"you (?:never|don't even|didn't even|never even) (?:tell|solve|fix|answer|care|listen|bother|read)",
        r"shift(?:ed|ing)? (?:the )?(?:responsibilit\w+|blame)", r"(?:do|did) you have the nerve",
        r"why (?:the hell|the fuck|tf|on earth) (?:did|do|would|are|is|have|does) (?:you|u|they)", r"thanks for nothing",
        strong=True),
    # Accusation and sarcasm aimed at the company, in the words support messages use.
    cue("anger", 1.5, "accuses the company",
        r"(?:stealing|steal|stole|stolen) (?:my|our|from|people|customers|money|data)", r"steals (?:our|people|customers|users|money|data)", r"go bankrupt",
        r"talk(?:ed|ing|s)? (?:garbage|nonsense|rubbish|crap)", r"oppress\w*", r"inept(?:ness|itude)?",
        r"(?:can't|cannot|can not|don't|do not|couldn't) do (?:their|your|his|her|its) (?:jobs?|work)(?: right| properly)?",
        r"(?:don't|do not) (?:quite |really )?(?:believe|trust) (?:in )?(?:you\b|your|a word)",
        r"admire your (?:courage|nerve|audacity)", r"how is (?:this|that|it) (?:\w+ )?(?:okay|ok|acceptable|fair|legal|allowed)\b",
        r"thank(?:s| you) for (?:\w+ing) (?:my|me|us|our) [^.!?]{0,40}?(?:into|to) (?:an?|the)\b",
        r"will you ever (?:address|answer|reply|respond|fix|refund|help|read|call)",
        # a promise or a rule the company broke, or something done behind the customer's back
        r"didn't you (?:say|promise|tell (?:me|us)|agree|guarantee|claim)",
        r"without (?:my|our|the (?:user|customer)'s|(?:users|customers)'|any|prior) (?:consent|permission|notice|notification|authori[sz]ation)",
        r"(?:do|did) you (?:just|even) (?:ignore|care|bother|read|listen)",
        r"(?:as an|no more|lame|pathetic|another|stop (?:making|giving)) excuses?", r"treat(?:s|ing|ed)? (?:your )?customers? like",
        r"(?:is (?:this|that)|this is) (?:how|the way) (?:you|they) treat (?:your |their )?(?:customers|members|users|clients|consumers|people)",
        r"unreasonable"),
    # Blame for what was done to the customer ("you guys blocked my card"): nothing alone ("you
    # cancelled it as I asked"); with frustration or disappointment it aims them at someone: anger.
    cue("blame", 0.0, "blames someone",
        r"(?:you|u|you guys|u guys|y'?all|your (?:staff|company|team|agent|courier|driver|store|bank)) (?:have |'ve |just |then |now |still )?"
        r"(?:blocked|cancell?ed|cut (?:me )?off|suspended|lost|broke|deleted|overcharged|ignored|refused|denied|deducted|took|stole|sold|"
        r"disconnected|closed|locked|banned|blacklisted|insisted|sent me (?:the )?wrong|told (?:me|us)|promised|assured (?:me|us))",
        # a sharp question put to the company ("why did you cut my line?", "don't you even read?")
        r"why (?:do|did|would|should|does|have|has|can't|don't|didn't|won't|wouldn't|haven't) (?:you|u|y'?all|you guys|your (?:company|staff|customer service|\w+ service))\b",
        r"(?:do|did|don't|didn't|can't) you (?:even |really |ever )?(?:know|care|think|see|understand|read|bother|listen)\b"),
    # Sarcasm at the company's expense (thanks for a harm, praise taken back, a jab posed as a
    # question): anger (docs/labelling-notes.md), and it cancels the thanks or praise it wears.
    cue("anger", 2.5, "sarcasm",
        r"(?:thanks?|thank you|thank u|thx)(?: so much| a lot)?(?: @\w+)? (?:for|to) (?:\w+ ){0,6}?(?:ruin\w*|wast\w*|delay\w*|the (?:\w+ )?delays?|"
        r"cancell?ing|losing|lost|ignoring|making me|(?:just )?leaving (?:my|it|the)|breaking|overcharg\w*|charging me|nothing)\b",
        r"#thanksnothanks", r"gotta (?:luv|love)", r"(?:so |really )?(?:thrilled|happy|glad|delighted) to be (?:sitting|stuck|waiting|stranded|standing)",
        r"(?:great|first[- ]class|fantastic|amazing|wonderful|excellent|brilliant|stellar|top) (?:customer )?service\W+(?:erm,? |um,? )?not\b",
        r"or nah\b", r"not like (?:there(?:'s| is)|I(?:'ve| have)(?: got)?) (?:a|an|any)\b[^.!?]{0,60}?or anything",
        r"how do (?:they|you|these people|those people) still have (?:a |their |your )?jobs?", r"whose (?:\w+ )?idea was (?:it|this|that)",
        r"just to (?:piss|annoy|wind) (?:me|us|people|customers) (?:off|up)", r"how (?:much )?does that help (?:me|us)",
        r"(?:do|would|will) (?:you|u) (?:wanna|want to) actually", r"good (?:boy|girl)\b",
        r"oh wait,? (?:you|they|it) (?:don't|do not|didn't|can't|won't|doesn't)", r"funny (?:bc|because|how)\b",
        r"(?:wonderful|great|fantastic|brilliant|perfect|lovely|awesome),? just (?:wonderful|great|fantastic|brilliant|perfect|lovely|awesome)",
        r"oh,? (?:that's|that is) (?:nice|great|lovely|helpful|just great)",
        r"(?:love|loving|gotta love|nothing like|don't you just love) (?:losing|waiting|being (?:charged|stuck|ignored|put on hold|told)|getting (?:charged|ignored|stuck)|paying (?:extra|more|for)|having to)\b",
        r"way to (?:drop the ball|ruin|mess (?:it |things )?up|screw (?:it |things )?up|fail)", r"and @?\w+ (?:decides|decided|chooses|chose) to (?:have|go|stop|cut|drop|crash|lose|cancel)",
        r"you(?:'re| are) having a (?:laugh|bubble bath|giraffe)"),
    # The company's own word held up in scare quotes ("the 'best' they can do", you haven't "reached
    # out", my package was 'accidentally' opened) or called "so-called": contempt aimed at it. Not a
    # label on the screen ("the 'Help' page", "click “Customer Service”").
    cue("anger", 1.5, "scare quotes",
        rf"[\"“‘\x27](?-i:(?=[a-z]))(?:so-called )?{_CLAIMED}[\"”’\x27](?!\s*(?:page|button|tab|menu|section|option|link|icon|cent(?:er|re)|desk)s?\b)", r"so[- ]called"),
    # Jabs at the company: contempt, accusations and demands aimed at it.
    cue("anger", 2.5, "targets someone",
        # indignant questions ("what do you take us for?", "where did you get the nerve …?")
        r"what do you take (?:\w+ ){0,2}for\b", r"(?:where|how) did you (?:get|acquire|find) the (?:confidence|nerve|audacity|cheek|courage)",
        r"do you (?:really |honestly )?think (?:it's|it is|this is|that's|that is) (?:appropriate|fair|reasonable|acceptable|right)\b",
        r"I guess you (?:don't|do not|wouldn't|would not) dare",
        # contempt and accusation in translated helpdesk complaints ("Is it a revenge?", "you finished a
        # job so carelessly", "the evidence of your crime", "replace her first")
        r"(?:is (?:it|this|that)|do you want|you want) (?:a |to )?revenge", r"revenge (?:on )?(?:me|us|customers|users)",
        r"you (?:must|have got to|gotta) be (?:kidding|joking)", r"(?:evidence of )?your crimes?\b",
        r"(?:so|very|too|such) careless(?:ly)?", r"(?:the way|how) (?:you|they) treat (?:your|us|me|customers|users|members|consumers|people)\b", r"replace (?:her|him|them|the (?:staff|manager|agent|employee|operator))\b",
        r"(?:is|are) (?:so |always |forever )?wil(?:l)?ful", r"stand(?:s|ing)? in the way",
        r"get it together", r"get real", r"what kind of (?:\w+ ){0,3}(?:is this|are you running|service is this|company is this|reply is this|response is this)",
        r"are you (?:even |actually )?trying to help", r"(?:how|why) do (?:you|they) justify", r"scamming", r"ripping (?:\w+ )?(?:money )?off",
        r"(?:worst|terrible|awful|horrible|shittiest) (?:\w+ ){0,2}(?:service|company|experience|airline|provider|carrier|bank|app)s? (?:I(?:'ve| have)? ever|in (?:the|my))",
        r"you(?:'re| are) not fooling (?:me|us|anyone)", r"(?:fix|sort) your (?:\w+ )?(?:fucking|damn|bloody|shitty|crappy|stupid)\b", r"shitting on",
        r"you (?:failed|let) me\b(?! (?:know|down gently))",
        r"(?:obviously |clearly )?you (?:didn't|did not|don't|do not) (?:even )?read", r"(?:exactly )?the same (?:bs|bullshit|canned|copy[- ]paste(?:d)?) (?:answers?|replies|responses)",
        r"assaulted by",
        # insults to the company, its staff or its service ("totally unprofessional", "your service sucks")
        r"unprofessional", r"(?:customer )?(?:service|support|care|company)s? (?:really |just |fucking |still )?sucks?\b",
        r"(?:terrible|awful|horrible|poor|lousy|crap|crappy|shitty|rubbish|atrocious) customer (?:service|support|care)",
        r"(?:terrible|awful|horrible|lousy|crappy|shitty|atrocious) (?:service|support)", r"dumbest", r"damn (?:you|u)\b", r"cut the crap",
        r"can'?t be trusted", r"(?:a )?joke of an? (?:\w+ ){0,2}(?:company|service|airline|provider|carrier|bank|business)", r"fuckers",
        r"good at (?:robbing|stealing|cheating|ripping)", r"#pathetic", r"laziness", r"lazy (?:staff|people|drivers?|employees|workers)",
        r"screw(?:ed|s|ing)? (?:me|us|people|customers) over", r"price[- ]goug\w*", r"clueless", r"fooled (?:by|me|us)",
        r"(?:@\w+|you|u|they|it|this (?:company|service|app)) (?:is|are|r) (?:honestly |literally |just |absolute |complete |total )?(?:trash|garbage|rubbish|clueless)",
        r"(?:employee|staff|agent|rep|driver|manager|cashier|attendant|crew)s? (?:\w+ )?(?:argued|yelled|shouted|swore|screamed) (?:at|with) (?:me|us|my)",
        r"blam(?:ed|es|ing) (?:the (?:government|weather|customer|system)|me|us|my)", r"conveniently (?:forgot|forget|ignored|left out|lost|missed)",
        r"look (?:at )?what (?:@\w+|you|they) (?:did|have done|has done) to my", r"fraudulently (?:holding|taking|charging|keeping|billing)",
        # the helpdesk complaints of Weibo (STC-3): contempt for the operator, its attitude and its terms
        r"shameless(?:ly|ness)?", r"despicable", r"abominable", r"deceptive", r"irresponsible", r"perfunctory", r"(?:so|very|too) mean\b",
        r"where (?:is|are) your (?:integrity|credibility|conscience|honesty|sincerity|responsibility)", r"what(?:'s| is) wrong with you",
        r"(?:don't|do not|stop) (?:try(?:ing)? to )?fool(?:ing)? (?:me|us|people|customers|consumers)", r"(?:have|has|had) the audacity",
        r"(?:is this|this is) (?:your|the) (?:service )?attitude", r"(?:your|their|the staff's|his|her) (?:service )?attitude (?:is|was) (?:so |very |really |too )?(?:bad|poor|terrible|awful|rude|arrogant|horrible|lousy)",
        r"(?:terrible|awful|bad|poor|horrible|lousy|arrogant) (?:service )?attitude",
        r"(?:shit|shitty|crappy|rubbish|garbage|lousy|shoddy|junk|trash) (?:network|service|company|operator|phone|product|quality|carrier|broadband)",
        r"how (?:shoddy|lousy|poor|terrible|awful|bad) (?:the |your |its )?(?:service|quality|network|signal)", r"(?:an? )?(?:awful|terrible|worst|lousy|shoddy|rogue) operator",
        r"pass(?:es|ed|ing)? the buck", r"kick(?:s|ed|ing)? the ball", r"shirk(?:s|ed|ing)? (?:off )?(?:the |your |their )?responsibilit\w+",
        r"(?:hooligan|rogue|overlord|bully|gangster|unfair|imparity|tyrant) (?:clause|logic|terms|behaviou?r|practice)s?", r"bully(?:ing)? (?:customers|users|consumers)",
        r"complain (?:about )?(?:you |it |this )?to (?:the )?(?:MIIT|ministry|Ministry of Industry|consumers?(?:'|’)? association|12315|10015|industry and commerce|regulator|media|CCTV)",
        r"expos(?:e|ing) (?:you|this|your|them)\b",
        # a complaint threatened against the company ("I want to file a complaint about …")
        r"(?:I|we) (?:want to|wanna|will|am going to|'m going to|are going to|'re going to|gonna|'ll|shall|must|have to|need to|would like to|'d like to) "
        r"(?:definitely |certainly |surely )?(?:file |make |lodge |raise |submit )?(?:a |an )?(?:formal )?complain(?:t)?s? (?:about|against|on)\b",
        # going public: the press, the national news, China's consumer-rights day (March 15, "315")
        r"(?:report|complain|expose|reveal|post|send|tell|give) (?:\w+ ){0,4}?to (?:the )?(?:Xinhua(?: News Agency)?|People's Daily|CCTV ?(?:315)?|"
        r"newspapers?|news|media|press|journalists?|reporters?|TV(?: station)?|television(?: station)?)\b",
        r"(?:call|contact|go to) the (?:media|press|newspapers?)", r"@CCTV ?315", r"#(?:microblog )?315\b", r"315 (?:exposure|gala)",
        r"what gives you the right", r"what do (?:I|we) need you for",
        # an expletive put before the company's name ("Fucking Unicom", "Evil China Telecom"), or an insult to its staff
        r"you (?:careless|useless|incompetent|stupid|lazy) (?:\w+ )?(?:editor|staff|people|guys|idiots?|company|operator)", r"who gave you the right", r"(?:do|did) you (?:take|treat) (?:me|us|the \w+|customers|consumers|users|people) (?:as|for|like) (?:fools|idiots|a fool|an idiot|suckers|stupid|granted)\b",
        r"are you (?:playing|fooling|kidding|joking with|messing with|cheating|teasing) (?:me|us)", r"you(?:'re| are) (?:fooling|playing|cheating|kidding) (?:me|us)",
        r"(?:too|so|very) (?:domineering|inconsiderate|overbearing|bossy)", r"(?:turn|go|appeal|report|complain) (?:directly )?to (?:the )?315\b",
        r"(?:can|could) (?:the|your) (?:\w+ )?(?:signal|service|network|attitude) be (?:any )?worse", r"push (?:me|us) too far",
        r"(?:don't|do not) you have (?:the )?(?:ability|capacity|brains?|common sense)"),
    # Cues that read capitals (the company named) stand apart: one in the table above would make it a
    # screen, not an exact folded pattern (heard.analyze.casefold), and three times slower
    cue("anger", 2.5, "targets someone",
        r"(?:@\w+|(?!(?i:this|that|it|life|everything|today|work)\b)(?-i:[A-Z][A-Za-z]+)) (?:really |just |still )?sucks\b",
        r"(?:damned|evil) (?-i:[A-Z])\w+"),
    # The regulator or the consumers' association invoked (STC-3's complaints): a threat held up to the
    # company, weaker than one spelled out ("complain to 12315").
    cue("anger", 1.0, _REGULATOR,
        r"12315", r"consumers?(?:'|’)? (?:rights )?(?:association|protection (?:association|committee|commission))",
        r"(?:bureau|administration) (?:of|for) industry and commerce", r"industry and commerce (?:bureau|administration|department)",
        r"MIIT", r"Ministry of Industry"),  # shorter than a threat spelled out ("complain to the Ministry of Industry"), which wins
    cue("anger", 2.0, "accuses someone",
        r"cheat(?:ed|ing|s)?", r"deceiv\w+", r"misled", r"conned", r"price[- ]?goug\w*", r"lying", r"theft", r"(?<!be )rude", r"dismissive",
        r"condescending", r"patroni[sz]ing", r"arrogant",
        r"lies(?! (?:in|with|on|within|behind|ahead|at|between)\b)", r"(?:being |been |was |were |got )lied to", r"(?:don't|do not|stop) lie\b",
        r"criminals?", r"bull ?shit", r"mislead(?:s|ing)? (?:me|us|users|customers|consumers|people)",
        r"bull(?:y|ies|ied|ying) (?:me|us|others|people|customers|users|consumers)", r"(?:you|u|they) (?:even )?dared?\b",
        r"dared? to (?:say|ask|charge|claim|call|cancel|deduct|tell)", r"(?:don't|do not|stop) brag", r"(?:is|are) the worst\b", r"the worst \w+(?: \w+)? ever",
        r"treated (?:\w+ )?like (?:crap|shit|dirt|garbage|trash|a criminal|an idiot)",
        # wrongdoing charged to the company: done by stealth, by force, or without the customer's say
        r"stealthily", r"by violation", r"arbitrar(?:y|ily) (?:charg\w*|deduct\w*|fees?|pric\w*)",
        r"(?:illegal|unlawful) (?:act|charg\w*|deduct\w*|fees?|operation|practice)s?", r"unfair (?:treatment|charg\w*|practice|terms|clauses?)",
        r"(?:charg|deduct|cancel|chang|stopp|cut|suspend|terminat|activat|subscrib)\w* [^.!?]{0,40}?"
        r"(?:forcibly|without (?:my |our |the user's |the customer's |any )?(?:consent|permission|authori[sz]ation))",
        r"forcibly (?:charg|deduct|cancel|chang|stopp|cut|suspend|terminat|activat|subscrib)\w*",
        r"complain(?:ts?)? against (?:you|your|@ ?\w+|(?-i:[A-Z])\w+)",
        negatable=True),
    # Anger words count as anger only when a target is also named (see _label); else frustration.
    cue("anger_word", 2.0, "anger word",
        r"furious", r"livid", r"angry", r"outraged", r"pissed(?: off)?", r"enraged", r"fuming",
        r"disgusted", r"disgusting", r"seething", r"infuriat\w*", r"piss(?:es|ed)? me off", strong=True, negatable=True),
    # "That's ridiculous" judges whoever decided it: anger where a target is named, like an anger word.
    cue("anger_word", 2.0, "calls it ridiculous", r"ridiculous", negatable=True),
    # -- frustration: obstacles, effort, persistence --
    cue("frustration", 2.0, "frustration named",
        r"frustrat\w*", r"annoy(?:ed|ing)", r"exasperat\w*", r"unacceptable",
        r"(?:this|that|it) is a joke", r"hate (?:it|this|that)", r"what a (?:joke|farce|nightmare)",
        r"nightmare", r"(?:so|very|really|extremely|incredibly|too) (?:difficult|hard) to", r"(?:great|such) difficulty",
        r"can'?t deal", r"can'?t take (?:it|this|any ?more)", r"flip(?:ping)? (?:a |the )?tables?",
        r"can'?t stand (?:it|this|that|the|how|your)", r"(?:constant|constantly|continual|persistent|endless|recurring) (?:issues|problems|crash\w*|errors|outages|glitch\w*|disconnect\w*)",
        negatable=True),
    cue("frustration", 2.0, "at the end of their patience",
        r"fed up", r"sick (?:and tired )?of", r"tired of", r"had enough", r"at my wit's end",
        r"(?:driving|drove|drives) me (?:crazy|mad|insane|nuts|up the wall)", r"losing my (?:mind|patience)",
        r"(?:I'm|I am|we're|we are) (?:so |just |completely )?done with", r"don't bother (?:replying|responding|answering)",
        strong=True),
    cue("frustration", 1.2, "effort and waiting",
        r"what's the point", r"what is the point", r"what do I (?:have|need) to do to", r"forget it", r"unbelievable",
        r"what the (?:fuck|hell|heck)", r"are you (?:even )?(?:trying|listening|reading|serious|joking|kidding)",
        r"(?:I )?(?:already )?(?:did|done|tried) (?:that|this|all that|everything)(?: already| before)",
        r"I(?:'ve| have) (?:already )?tried (?:that|this|it|both|everything)", r"I tried (?:that|this|it|both),? (?:and|but)\b",
        r"I've (?:already )?done everything", r"(?:\d+|two|three|four|five|six|several|many) hours (?:of )?trying",
        r"(?:is|isn't) that not what I(?:'ve| have)? (?:already )?(?:done|did|said)", r"shouldn't be (?:this|that|so) (?:hard|difficult|complicated)",
        r"same (?:bug|issue|problem|error|thing|message) (?:as before|again|as last time)",
        r"(?:it's|it has|it's been|has been|been) (?:over |more than |almost |nearly |about )?(?:\d+|two|three|four|five|six|seven|ten|a few|several) (?:business |working )?(?:days|weeks|months|hours)(?: now| already)?",
        r"(?:it's|it has|it's been|has been|been) (?:over |more than |almost |nearly |about )?an? (?:whole |full )?(?:day|week|month|year) (?:now|already)",
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:hours|days|weeks) (?:to|for) (?:get |getting )?(?:an? )?(?:answer|reply|respond|response)",
        r"(?:been )?waiting (?:for (?:it|this|them|my \w+) )?(?:since|from) ", r"no matter (?:what|how (?:many times|often|hard)) (?:I|we)",
        r"(?:make|makes|made|making) it (?:impossible|so hard|so difficult|a nightmare)",
        r"(?:run|ran|tried|done|did|made) (?:multiple|several|many|countless|numerous|\d+|so many) (?:tests|attempts|tries|calls)",
        r"(?:I'm|I am|I've been|I have been|we're|we are|been|I) struggl(?:e|ed|ing) (?:to|with)", r"wast(?:e|ed|ing) (?:so much of )?(?:my|our) (?:time|day|morning|evening|patience)",
        r"(?:the|a) run ?around", r"(?:round|around) in circles", r"(?:go|goes|going|gone|went|sent|sending|passed|bounced|bouncing|running|ran) back and forth",
        r"spen[dt] (?:over |more than |almost |nearly )?(?:an?|\d+|two|three|four|five|six|several) (?:hours?|minutes|mins|days?) (?:trying|on the phone|on hold|waiting|chasing)"),
    cue("frustration", 0.6, "steps already tried",
        r"I(?:'ve| have)? (?:already )?(?:restarted|rebooted|reset|reinstalled|cleared|unplugged|updated|re-?installed)"),
    cue("frustration", 1.5, "repeated attempts",
        rf"{_ORDINAL} (?:time|notice|request|email|e-mail|call|attempt|complaint|message|tweet|letter|visit)",
        rf"{_NUMBER} times", r"over (?:and|&|&amp;|\+|n|'n') over(?: again)?", r"again and again",
        r"(?:submitted|sent|filed|lodged|raised|opened|made) (?:[2-9]|\d\d+|two|three|four|five|six|several|multiple|countless|numerous|so many) (?:[\w-]+ )?(?:requests|tickets|complaints|calls|reports|claims|updates|attempts|applications)",
        r"every (?:single )?time", r"everytime", r"from morning (?:to|till|until) night", r"tried everything",
        r"nothing works", r"yet again", r"yet another", r"for (?:days|weeks|months|hours)(?: now)?",
        r"(?:days|weeks|months|hours) now", r"all (?:day|week|morning|night)",
        r"(?:been|still|keep) (?:waiting|trying|chasing)"),
    cue("frustration", 1.2, "persistence",
        r"still(?: \w+)? (?:not|no|never)(?: \w+)?", r"still(?: \w+)? (?:nothing|unable|waiting|broken|down|stuck|missing|wrong|the same|having|getting|telling|showing|charging|failing|crashing|dropping|happening|being|can't|cannot)",
        r"still \w+n't", r"(?:keeps?|kept)(?: on)? \w+ing", r"(?:happened|happening|failed|failing|crashed|crashing|stopped|charged|wrong) again",
        r"(?:is|was|are|were|it's|its|been|went|goes|gone|going) (?:down|out|offline|broken) again",
        r"still (?:says|shows|showing|saying|reads|sitting|coming up|appearing|there|in (?:my|the)|disconnected|offline|unresolved|unsolved|pending|processing)", r"still(?= (?:'|‘|\"|“))",
        r"again(?: today| this (?:week|month|morning))", r"come back again", r"came back again",
        r"wtf", r"ffs", r"tf", r"grr+", r"argh+", r"ugh+", r"(?:this|that|it)(?:'s| is| was)? (?:such |total |complete |utter )?(?:bs|bullshit)", r"so (?:bs|bullshit)",
        r"(?:always|keeps?|kept|constantly|repeatedly) fail\w*", r"for (?:over |more than |almost |nearly |about |around |the (?:last|past) )?(?:\d+|two|three|four|five|six|seven|ten|several) (?:hours|days|weeks|months)",
        r"(?:constantly|continuously|continually|consistently|repeatedly) (?:crash\w*|freez\w*|drop\w*|disconnect\w*|fail\w*|lag\w*|buffer\w*|"
        r"break\w*|happen\w*|restart\w*|reboot\w*|cut\w* out|go(?:es|ing)? (?:down|off|out)|down|off|offline|out|stuck|broken)",
        r"for (?:over |more than |almost |nearly |about |around |the (?:last|past) )an? (?:whole |full )?(?:hour|day|week|month)",
        r"since (?:yesterday|last (?:night|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the (?:start|beginning) of (?:the|this) (?:week|month))",
        r"(?:down|out|offline|waiting|on hold|stuck) for (?:over |more than |almost |nearly )?(?:\d+\+?|twenty|thirty|forty|forty-five) (?:mins|minutes)", r"smh",
        # the helpdesk complaints of Weibo (STC-3): a fault that stays, grows or comes back, a wait too long
        r"still (?:\w+ly )?(?:crash|fail|freez|froze|lag|drop|disconnect|disabl|lock|slow|sl+o+w|broke|dead|unstable|weak|error|buffer|cut|disappear|overcharg|charg)\w*",
        r"(?:always|constantly|keeps? going) (?:on and off|off and on)",
        r"(?:reset|cut|disconnected|dropped|crashed|froze|broke|lost|cancell?ed|charged|logged|kicked|locked|blocked|deleted)(?: \w+){0,3} again",
        r"still like (?:this|that)", r"(?:is|are|remains?) (?:yet |still )unsolved", r"here it comes again", r"more and more (?:serious|frequent|often)",
        r"all along", r"put (?:it|this) off again",
        r"(?:\w+n't|not|no|never)\b[^.!?]{0,60}\b(?:up to|till|until) now", r"(?:problem|issue|error|fault|bug|it|this|that) still exist(?:s|ed)\b",
        r"(?:no|without any|hasn't been any|there hasn't been any) improvement", r"one after another",
        r"can't you (?:solve|fix|handle|resolve|sort) (?:it|this|that|the problem|the issue)", r"(?<!not )(?<!n't )(?:too|so|especially|extremely) (?:long|slow)\b(?! as\b)", r"for half a (?:night|day)"),
    # -- anxiety: what may happen --
    cue("anxiety", 2.0, "worry named",
        r"worr(?:ied|ying|y)", r"anxious", r"nervous", r"scared", r"stressed(?: out)?",
        # "I'm afraid not / I'm afraid I don't have it" is politeness, not fear.
        r"afraid(?!\s*(?:[,.!?]|$|not\b|so\b|there\b|we\b|this\b|that's\b|it's\b|I (?:don't|do not|can't|cannot|have|had|didn't|did not)\b))",
        # Worry of one's own, not "as far as I'm concerned" or a company "not too concerned".
        r"(?<!far as )(?:I'm|I am|we're|we are|I was|we were|get|getting|very|really|bit|little|quite|so|feel|feeling|now) concerned",
        r"stressful", r"fear(?:ful)?", r"dread(?:ing)?", r"uneasy", r"on edge", r"stress(?:ing|es) (?:me|us) out",
        # "it's a bit concerning", not the preposition ("Concerning the Christmas activity, …")
        r"(?:it's|its|it is|that's|that is|this is)(?: \w+){0,2} concerning", r"(?:isn't|is not|not|don't feel|doesn't feel) safe",
        negatable=True),
    cue("anxiety", 2.0, "alarm named",
        r"terrified", r"panic(?:king|ked)?", r"freaking out", r"losing sleep", r"desperate",
        strong=True, negatable=True),
    cue("anxiety", 1.2, "about what may happen",
        r"will (?:it|they|this|my \w+) (?:still )?(?:arrive|get here|be here|make it|come|be delivered|be ready|be fixed|be back)",
        r"(?:won't|will not|not going to|never going to) (?:arrive|make it|get here|be here|be ready)(?: in time| on time)?",
        r"what if(?! you\b)", r"what happens if", r"is there any chance", r"in time for", r"will I (?:lose|be charged|miss)",
        r"uh[- ]?oh", r"not to panic", r"stranded", r"if (?:something|anything) (?:happens|goes wrong)\b", r"what (?:happens|will happen) to (?:us|me|my)\b", r"please (?:tell me|say) (?:it|my|the|that|there|no|yes)\b", r"(?:I )?(?:really |just )?can't (?:afford to )?lose (?:it|this|them|my|our|the)\b",
        r"fingers crossed it",
        r"(?:is|are) (?:it|they|this|that) (?:still )?going to (?:arrive|make it|get here|be here|be ready|be delivered|be fixed)",
        r"will I (?:have|get|receive) (?:it|this|them|the \w+) (?:before|by|in time)",
        r"will (?:my|our|the|it|they|this|that|we) (?:\w+ )?(?:still )?(?:be )?(?:running|cancell?ed|delayed|on time|ok|okay|alright)\b",
        r"not sure (?:if |whether )?(?:we|I)(?:'ll| will)? (?:make|get|catch)\b",
        r"(?:will|would|could|might) (?:it |this |that )?(?:affect|damage|harm) (?:my|our|the)\b", r"(?:will|would|could) be damaged",
        r"out of my depth", r"(?<!how )are you going to charge me",
        # session 18 (written probe 4): money feared lost, a delivery doubted, a hazard, a scam suspected
        r"will I (?:ever )?(?:get|see) (?:this|my|the|our) (?:money|refund|deposit|cash)\b", r"is (?:it|this|that|my \w+) (?:actually|really|even|still) (?:coming|arriving|going to (?:come|arrive))",
        r"I (?:don't|do not) know what (?:I'll|I will|we'll|we will|I'm going to|we're going to|I'd|we'd) do", r"should I (?:turn|switch|shut) (?:it |the \w+ )?off",
        # harm to data, money or health asked about (written probe 6)
        r"will (?:my|the|our) (?:\w+ )?(?:data|photos|files|money|account|information|records|contacts)(?: of (?:my|our) \w+)? be (?:wiped|lost|deleted|kept|safe|stolen|leaked|erased|gone)\b",
        r"(?:has|have|was|were) (?:my|our) (?:personal )?(?:information|data|details|account|qq|wechat|card) (?:been )?(?:leaked|stolen|hacked|compromised)\b",
        r"is it (?:still )?safe to\b", r"can (?:the|my) (?:[\d,]+ )?(?:\w+ )?(?:still )?be (?:stopped|recovered|saved|frozen)\b",
        r"is (?:this|that|it) (?:really )?(?:you|real|legit|genuine) or (?:a )?(?:scam|fake|phishing)\b", r"(?:am I|are we) (?:going to|gonna) make it",
        r"burning smell", r"smell(?:s)? (?:of|like) (?:gas|burning)", r"(?:hope|hoping|praying) (?:everything|we|I|my \w+|our \w+) (?:will|'ll|gets?|makes?|has|have|is|are|can)\b"),
    cue("anxiety", 1.0, "pleads for news",
        r"(?:can|could) (?:someone|somebody|anyone) (?:please )?tell me what(?:'s| is) going on",
        r"please (?:just )?tell me (?:someone|somebody|there's|there is|they|it's|it is|what(?:'s| is) going on|what happened|where)",
        r"is (?:anyone|anybody|someone) (?:there|awake|looking at this)", r"I (?:just )?don't know what to do",
        r"concerning(?! (?:the|your|my|our|this|that|these|those|a|an|his|her|their|its|(?-i:[A-Z])\w*)\b)"),
    # -- sadness --
    cue("sadness", 2.0, "sadness named",
        r"sad(?! to say)", r"saddened", r"upset", r"upsetting", r"miserable", r"depressed", r"crying", r"in tears", r"hurt(?:ful)?",
        r"lonely", r"down in the dumps", negatable=True),
    cue("sadness", 2.0, "a loss",
        r"(?:lost|losing) my (?:mum|mom|dad|father|mother|husband|wife|son|daughter|brother|sister|grandma|grandmother|grandpa|grandfather|baby|dog|cat|best friend)(?![\x27\u2019]s|\w)",
        strong=True),
    cue("sadness", 2.0, "a death or a loss",
        r"(?:mum|mom|dad|father|mother|husband|wife|son|daughter|brother|sister|grandma|grandmother|grandpa|grandfather|nan|nana|baby|dog|cat|pet|friend|partner|uncle|aunt)"
        r"(?:[\x27\u2019]s)? (?:has |had |just |recently |sadly )?(?:died|passed(?: away| on)?)\b",
        r"my late (?:mum|mom|dad|father|mother|husband|wife|son|daughter|brother|sister|grandma|grandmother|grandpa|grandfather|partner)",
        r"(?:lost|losing) (?:the|our|my) baby", r"didn't make it(?= *[.!]|$)", r"funeral", r"hospice", r"bereavement",
        r"feel(?:ing)? (?:so |really |very )?(?:low|down)\b", r"there's no getting (?:that|it|them|those) back", r"had to (?:put|have) (?:\w+ ){0,2}(?:put )?to sleep",
        r"the last thing (?:he|she|they) (?:ever )?(?:bought|gave|made|sent)", r"(?:really|so|very|pretty) down\b(?! (?:to|the|for|in|on|at|with|from|here|there|again)\b)",
        r"(?:rough|hard|awful|terrible) (?:year|few months|time) for (?:me|us)", r"(?:it's been|been) a (?:rough|hard|awful|terrible) (?:year|few months|time)",
        # despair and loneliness (session 18)
        r"(?:don't|do not) know how much (?:more|longer) (?:I|we) can take", r"no longer with us", r"(?:he|she|they)(?:'s| is| are|'re) not (?:here|with us) anymore",
        r"set me off (?:all over )?again", r"I feel (?:so |really )?terrible\b", r"life is (?:so |really )?(?:hard|difficult|tough)\b", r"can't see the point", r"feel(?:ing)? (?:a bit |so |very |really )?(?:left behind|all alone|so alone|isolated)",
        r"(?:no one|nobody|noone) (?:else )?to (?:ask|turn to|help (?:me|us)|talk to)", r"needed someone to talk to",
        strong=True),
    cue("sadness", 2.0, "grief",
        r"heartbroken", r"devastated", r"broke my heart", r"(?:my )?heart is broken", r"breaking my heart", r"#sad(?:ness)?", r"I miss", r"passed away", r"bereave\w*", r"grieving",
        r"can't stop crying", strong=True),
    # -- disappointment --
    cue("disappointment", 2.0, "disappointment named",
        r"disappoint(?:ed|ing|ment)", r"let (?:me|us) down", r"let down", r"expected (?:better|more)",
        r"not happy(?: with)?", r"unhappy", r"(?:such a |what a |a real )?shame", r"a pity", r"gutted",
        r"unimpressed", r"underwhelm\w*", r"not what I (?:expected|ordered|paid for)",
        r"used to be (?:good|great|better|reliable)", r"ruined", r"a disgrace", r"not impressed", r"not good enough",
        r"#\w*disappoint\w*", r"bummed", r"(?:that|this|it) stinks", r"speechless", r"not (?:my|the) (?:fave|favou?rite)",
        # a let-down said another way: a hope or a habit that did not hold
        r"(?:what a |a |pretty big |big )?bummer", r"mediocr\w+", r"not a (?:good|great) (?:first )?impression",
        r"I (?:thought|believed) (?:\S+ )?(?:was|were|would be) (?:good|better|great|reliable)", r"(?:isn't|wasn't|weren't|aren't) good enough",
        r"(?:I|we) used to (?:love|like|enjoy) (?:it|this|that|them|the|your)", r"unlucky",
        # session 18 (written probe 5): trust lost, and "chilling" as translated helpdesk complaints say it (寒心, disheartened)
        r"(?:I|we) used to (?:trust|believe in|recommend|defend|support) (?:you|your|it|them)\b",
        r"(?:I|we) used to (?:trust|believe in|recommend|defend|support) \w+\b[^.!?]{0,40}?\b(?:but|now)\b", r"I trusted (?:you|your)\b",
        r"(?:that|this|it)(?:'s| is) not what I (?:wanted|asked for)\b", r"lost (?:my |our |all )?(?:confidence|faith|trust) in",
        r"am I wrong to trust", r"I (?:thought|hoped) [\w ]{1,40}? would be (?:different|better)\b", r"(?:years )?of loyalty for nothing", r"(?:very|really|so|quite|it is|it's|is) chilling\b",
        r"(?:thought|hoped) (?:you|you guys|u guys|y'all|this|it|they) (?:were|was|would be) (?:different|better)", r"guess not\b",
        r"not for the better", r"(?:isn't|is not|wasn't|was not|aren't|are not) what (?:it|they) (?:was|were|used to be)",
        r"used to be (?:the best|amazing|excellent|so good|brilliant)", r"wanted to (?:like|love) (?:it|this|you|your|the)",
        r"(?:so |really |pretty |bit )?deflated", r"nice to know where (?:I|we) stand", r"(?:I'm|I am) sorry to say\b", r"feels? (?:really |so |very )?bad (?:that|to)",
        # the let-down of translated helpdesk posts ("I am quite unsatisfied", "just so so", "Sigh…")
        r"(?:I(?:'m| am)|we(?:'re| are)|very|quite|so|really|totally|extremely) unsatisfied",
        r"unsatisfactory (?:experience|service|answer|reply|response|result|repair|maintenance|solution)", r"(?:I|we) (?:really |deeply |so )?regret(?:ted)? (?:so much |very much )?(?:buying|spending|choosing|signing|switching|getting|ordering|paying)",
        r"(?:just |only )?so[- ]so\b", r"\*?sigh(?:s|ed)?\b\*?", r"(?:a |such a |really )?bad experience", r"(?:what a |such a |a |bit of a )?letdown",
        # something lost that was better before, a chance missed, a thing not liked
        r"(?:was|were|worked) (?:all right|alright|fine|ok|okay|perfect|great|better) before", r"miss(?:ed|ing)? out on",
        r"not (?:too |so |very |that )?keen on", r"#?not ?cool\b",
        negatable=False),
    # "this update sucks": an obstacle cursed, not a let-down (anger where someone is named: above)
    cue("frustration", 1.0, "curses an obstacle", r"sucks?", r"sux", r"sucking", negatable=True),
    cue("disappointment", 1.0, "poor verdict",
        r"horrible", r"terrible", r"awful", r"rubbish", r"crap", r"poor", r"shoddy",
        r"pointless", r"useless", r"worthless", r"misleading", r"not cool", r"should have taken", r"appalling",
        r"lame", r"(?<!#)bo{2,}(?:urns)?",
        negatable=True),
    # -- confusion: puzzlement expressed --
    cue("confusion", 2.0, "puzzlement",
        r"confus(?:ed|ing)", r"(?:don't|do not|can't|cannot) understand", r"(?:doesn't|does not) make (?:any )?sense",
        r"makes no sense", r"puzzled", r"baffled", r"perplexed", r"bewildered", r"I'm lost", r"wait,? what\b",
        r"what does (?:this|that|it) (?:even )?mean", r"how (?:is|can) (?:that|this) (?:even )?(?:possible|be)",
        r"why on earth", r"(?<!have )(?<!has )(?<!you've )no idea (?:why|what|how)(?! much)",
        r"I(?:'ve| have) no idea (?:why|what|how)(?! much)", r"not sure why", r"unclear", r"mixed messages",
        r"I (?:don't|do not) (?:get it|know why)", r"(?:don't|do not|can't|cannot) (?:get|see) why", r"what do you mean", r"wym",
        r"how (?:could|can|would|is|was) (?:that|this|it) (?:\w+ )?(?:be )?possible", r"is this (?:a )?real\b",
        r"(?:which|that) I find (?:\w+ )?(?:unlikely|odd|strange|hard to believe)",
        r"what(?:'s| is) the matter(?! with (?:you|your|u|them|this company)\b)", r"I (?:still )?wonder why",
        r"is it only (?:me|I)\b", r"am I the only one\b"),
    # Asking what is going on, which of two answers holds, how something came about.
    cue("confusion", 1.5, "asks what is going on",
        r"what(?:'s| is) (?:happening|up) (?:to|with)\b", r"what in (?:the world|blazes|heaven's name)",
        r"which (?:one )?is (?:correct|right|true)\?", r"how (?:did|was|were) (?:I|it|this|that|they) (?:get|got|subscribed|activated|ordered|added)\b",
        r"am I missing something", r"how did (?:this|that) (?:even )?happen\?", r"sorry,? what\?", r"so (?:is it|which is it)\b[^.!?]{0,40}\?"),
    cue("confusion", 1.0, "something odd", r"weird", r"strange", r"odd", r"huh"),
    # -- relief --
    cue("relief", 2.5, "relief named",
        r"relieved", r"(?:what a |such a |a )?(?:huge |big |massive |great )?relief", r"phew",
        r"(?:can|could) (?:finally |actually )?breathe(?: again)?", r"thank (?:god|goodness|heavens)",
        r"(?:a )?weight off my (?:mind|shoulders)", r"panic over",
        r"(?:takes|took|that's|what) a (?:huge |big |massive )?weight off", r"crisis averted", r"(?:close call|near miss)",
        r"with (?:\d+|a few|two|three|five|ten) (?:minutes|mins|hours|days) to spare", r"can (?:finally )?stop (?:worrying|refreshing|checking|panicking|stressing)",
        r"(?:heart rate|pulse|blood pressure) (?:is )?(?:returning|going|coming|back) (?:back )?to normal", r"(?:can|could) (?:finally )?sleep (?:well|tonight|again|easy)",
        r"that's all I needed to hear",
        negatable=True),
    cue("relief", 2.0, "problem gone",
        r"finally (?:works|working|arrived|here|sorted|fixed|resolved|got it|came|booked|received|free|back (?:up|online|on))",
        # not a fix still wished for ("I hope you will get it fixed soon", "I need this fixed")
        r"(?<!get )(?<!want )(?<!need )(?<!needs )(?<!have )(?<!getting )(?:issue|problem|outage|fault|it)(?: is| has been| was| got)? (?:now |finally )?(?:solved|resolved|fixed)(?! yet)",
        r"(?:found|figured out) (?:a ?)?(?:way|work) ?around",
        # a report that opens the message or a sentence ("@AdobeCare Solved this via phone support", "Worked 👌")
        r"(?:^|(?<=[.!?]\s))(?:@\w+\s+)*(?:solved|fixed|sorted|resolved) (?:it|this|that)(?! yet)",
        r"(?:^|(?<=[.!?]\s))(?:@\w+\s+)*(?:it |that |this )?worked(?=\s*(?:[.!]|\U0001F44C|$))", r"(?:is |it's |can be )?(?<!not )(?<!n\x27t )(?<!n\u2019t )connected now",
        r"(?:glad|happy|pleased) (?:it's|its|that's|that it's|it is|to say it's) (?:sorted|fixed|resolved|working|here|back)",
        r"(?:back|up) (?:up and running|to normal|online)", r"problem solved", r"all sorted", r"sorted now",
        r"(?:it's|its|seems to be|is) (?:working|fixed) (?:now|again|at this stage)", r"working again",
        r"(?:it )?works now", r"(?:it's|its|all|is) sorted"),
    # -- gratitude: thanks is the point --
    cue("gratitude", 2.5, "warm thanks",
        r"thank you (?:so|very) much", r"thanks (?:so|very) much", r"thanks a (?:lot|million|bunch)",
        r"(?:really|truly|so|very) (?:appreciate|grateful)", r"grateful", r"lifesaver",
        r"you(?: guys| all| folks)?(?: really| actually| truly| honestly)?(?:'re| are| were| have been|'ve been)(?: really| actually| truly| honestly| simply)? (?:a star|amazing|the best|brilliant|great|wonderful|awesome|so helpful|very helpful)",
        r"you(?:'re| are| r)? (?:da|the) best", r"(?:were|was) (?:nothing short of|beyond) (?:amazing|brilliant|great|wonderful|awesome|excellent|fantastic)",
        r"(?:great|super|brilliant|excellent|amazing|awesome|fantastic|wonderful|outstanding) (?:help|service|support|job|work)",
        r"kudos", r"shout ?out to", r"went (?:above and beyond|the extra mile)",
        r"hats? off to", r"props to", r"(?:massive|huge|big|much|all the) respect (?:to|for)", r"(?:a|an absolute) credit to (?:you|your|the)",
        r"(?:want|wanted|would like|'d like) to commend", r"commend (?:you|your|her|him|them|the)", r"(?<!no )above and beyond",
        r"you(?:'re| are| r) (?:a|an|such a|an absolute) (?:saint|star|legend|hero|gem|angel|rock ?star)", r"(?:you guys|u guys|y'all|you all) rock",
        r"(?:give|gave|giving) (?:you|your \w+|my|a|the)(?: a| the| my)? thumbs?[- ]ups?", r"thumbs?[- ]ups? (?:for|to) (?:you|your)",
        strong=True),
    cue("gratitude", 2.0, "thanks",
        r"thank you", r"thanks", r"thx", r"ty", r"cheers", r"much appreciated", r"appreciate (?:it|that|this|your|you)",
        r"(?:very |so )?helpful", r"well done"),
    # Thanks addressed to a person, and praise of what the staff did, are thanks with a point.
    Cue("gratitude", re.compile(r"(?<![\w])(?i:thank you|thanks|thx|cheers)(?i: (?:so|very) much)?,?\s+"
                                r"(?!(?i:for|in|but|again|anyway|though|so|to|a|the|i|we|you|it|ok|okay|all|both|lots)\b)[A-Z][a-z]+\b"),
        2.0, "thanks a person"),
    cue("gratitude", 1.5, "praises the staff",
        r"you(?:'re| are| were| have been|'ve been) (?:so |very |really |incredibly |extremely )?(?:patient|kind|helpful|lovely|calm|calmer|understanding)",
        r"(?:I )?(?:really |actually )?felt (?:heard|listened to|understood|valued|looked after)",
        r"(?:you|she|he|they) (?:really |actually )?(?:listened|took ownership|followed up|stayed with me)",
        r"kept (?:me|us) (?:updated|informed|posted|in the loop)", r"kept (?:your|her|his|their) word",
        r"(?:talked|walked|took) me through (?:everything|it|the \w+|each step|every step)", r"that's how you (?:keep|treat|look after) (?:a |your )?customers?",
        r"(?<!not )(?<!n't )(?<!never )(?:really |so |very )?impressed (?:with|by) (?:your|the) (?:team|staff|service|support|agents?|reps?|engineer|technician|driver|crew)",
        r"no idea how much (?:that|this|it|you) (?:helps|helped|means)", r"(?:made|makes) (?:this|it|that|one thing)[^.!?]{0,20}? easy",
        r"(?:five|5)[- ]star", r"10/10",
        r"(?:the )?best (?:[\w-]+ ){0,2}(?:crew|staff|team|agents?|reps?|service|support|customer service|customer care|airline|people)(?: \w+)? ever",
        r"(?:people|staff|agents?|team|reps?|crew|attendants?|pilots?|employees|cashiers?|drivers?|lady|guy|gentleman|engineer|technician|courier|they|he|she|everyone)(?: \S+){0,4}? (?:handled|did|was|were|are|is|have been|has been) (?:it |things |everything |a |(?:my|our|the|this) \w+ )?(?:so |very |really |absolutely )?"
        r"(?:fantastic(?:ally)?|great|amazing(?:ly)?|brilliant(?:ly)?|excellent(?:ly)?|wonderful(?:ly)?|superb(?:ly)?|awesome|kind|helpful|professional(?:ly)?|lovely)",
        r"prais(?:e|ing) (?:you|your|the)", r"worth prais\w*",
        # session 18 (written probe 4)
        r"big up to", r"can't thank (?:you|him|her|them|your \w+) enough", r"(?:genuinely|truly|such a|so) kind(?: human| person| of you)?\b",
        r"(?:a|been a|has been a) godsend", r"(?:absolute )?legends\b", r"hero status", r"(?:felt|feel) (?:properly|genuinely) (?:heard|listened to)",
        r"slowed down for me", r"I appreciate (?:very|so) much", r"thank you for treating (?:us|me)",
        r"(?:I'm|I am|we're|we are) (?:so |very |really |quite )?satisfied with (?:your|the) (?:service|response|reply|efficiency|attitude|help|work|handling|solution)",
        r"thanks? (?:you )?for your hard work", r"(?:it's |it is )?hard work for you", r"you(?:'ve| have) (?:been working|worked) (?:so |very )?hard",
        r"(?:staff|personnel|manager|worker|clerk|agent|engineer|technician|she|he|they)(?: \w+){0,5}? (?:warmly|considerately|efficiently|patiently|enthusiastically)",
        r"(?:very|so|really) (?:considerately|warmly|patiently|efficiently|enthusiastically)",
        # session 20 (the STC-3 training turns): the service attitude praised, the agent called a good person
        r"attitude (?:is|was|has been) (?:so |very |really |quite |extremely )?(?:good|great|nice|excellent|warm|friendly)\b",
        r"you(?:'re| are) (?:such |really |truly )?a (?:good|nice|kind|great|lovely) (?:person|man|woman|girl|guy|soul)\b"),
    # Politeness around a request is not gratitude; these longer matches shadow "thanks".
    cue("polite", 0.0, "polite formula",
        r"thanks in advance", r"thank you in advance", r"thanks for (?:any|your) help in advance",
        r"thanks for (?:getting back|your reply|replying|the reply|the response|responding|reaching out)",
        r"thank you for (?:getting back|your reply|replying|the reply|the response|responding|reaching out)",
        r"thanks,? but", r"thank you,? but",
        # "if you could …, that'd be great": a request dressed as delight
        r"(?:(?:it|that|this) would|would|will|could) be (?:so |really |very |just )?(?:great|perfect|brilliant|awesome|amazing|wonderful|fantastic|lovely|nice|grand|ideal)"),
    # -- joy: delight without thanks --
    cue("joy", 2.0, "delight",
        r"love (?:it|this|them|my|the|how)", r"in love with", r"amazing", r"awesome", r"fantastic",
        r"wonderful", r"delighted", r"thrilled", r"(?:so|very|really) happy", r"over the moon",
        r"excited", r"can't wait", r"yay", r"woo+-?hoo+", r"great news", r"best \w+ ever",
        r"made my day", r"brilliant", r"perfect", r"delicious", r"(?:day|night|week) (?:is|was) made", r"glorious",
        r"yumm?y?", r"#(?:thebest|best\w*|love\w*|winning|yum\w*|happy\w*)\b", r"not bad at all", r"(?:a|such a|what a) blessing",
        r"filled with joy", r"(?-i:joyful)", r"(?:it is|it's|what) an honou?r", r"honou?red to", r"yeah!",
        r"(?:what a|such a)(?: great)? deal\b", r"#(?:what ?a ?deal|greatdeal)\b", r"don't mind if I do", r"(?:got|get|getting) (?:such )?a kick out of",
        r"I (?:rather|really|totally) like (?:the|this|it|my|your|how)\b",
        r"(?:I'm|I am|we're|we are) (?:really |so |very )?looking forward to (?:it|this|that|the|my|our)\b",
        negatable=True),
)

# A time-bound event at risk (see `concerns.deadline_hits`) is weak evidence of anxiety: alone it
# is not enough, with a plea ("Can someone please tell me what's going on?") it is.
_DEADLINE = Cue("anxiety", re.compile(r"$^"), 0.6, "a deadline at risk")

# Emoji and punctuation cues: not word-bounded, so compiled apart from `phrases`.
EMOJI_CUES: tuple[Cue, ...] = (
    Cue("frustration", re.compile("[\U0001F621\U0001F620\U0001F92C\U0001F624\U0001F629\U0001F62B\U0001F612\U0001F644"
                                  "\U0001F611\U0001F926\U0001F928]"), 1.2, "angry, weary or unamused emoji"),
    # Loudly crying (U+1F62D) over a missing burrito or episode is a let-down more often than grief.
    Cue("disappointment", re.compile("[\U0001F615\U0001F61E\U0001F614\U0001F62D\U0001F625]|:-?[(/](?![\\w/])"), 1.2, "let-down emoji"),
    Cue("anxiety", re.compile("[\U0001F630\U0001F628\U0001F61F\U0001F627\U0001F62C]"), 1.2, "anxious emoji"),  # anxious, fearful, worried, anguished, grimacing
    Cue("frustration", re.compile(r"\?!|!\?"), 0.6, "sharp question"),
    Cue("frustration", re.compile("[\U0001F926]"), 1.2, "facepalm"),
    # Shouting a whole phrase at an obstacle (TAXONOMY: capitals aimed at an obstacle are frustration).
    Cue("frustration", re.compile(r"(?<![\w@#])(?:[A-Z][A-Z'’]+\s+){2,}[A-Z][A-Z'’]+(?![\w])"), 1.0, "shouting"),
    Cue("confusion", re.compile(r"\?\?+"), 0.8, "puzzled question marks"),
    Cue("anger", re.compile("\U0001F643"), 1.0, "sarcasm"),  # upside-down face
    Cue("joy", re.compile("[\U0001F600\U0001F601\U0001F603-\U0001F606\U0001F60D\U0001F970\U0001F389\u2764"
                          "\U0001F917\U0001F923\U0001F61C\U0001F60B\U0001F973\U0001F499-\U0001F49C\U0001F9E1\U0001F929\U0001F979]"), 1.2, "happy emoji"),
    Cue("confusion", re.compile("\U0001F635\u200D\U0001F4AB"), 1.2, "dizzy face"),  # face with spiral eyes
    Cue("sadness", re.compile("[\U0001F622\U0001F494\u2639\U0001F641]"), 1.2, "sad emoji"),
    Cue("relief", re.compile("\U0001F62E\u200D\U0001F4A8|\U0001F605"), 1.2, "relieved emoji"),  # face exhaling, sweat smile
)

_TARGET = re.compile(
    r"(?<!\w)(?:at|with) (?:you|your|u|@\w+|the (?:company|staff|agent|driver|courier|manager))(?!\w)|"
    r"(?<!\w)(?:you|u|y'?all) (?:guys|people|lot)(?!\w)|(?<!\w)(?:your|the) (?:customer service )?(?:staff|employees|agents?|manager)(?!\w)|"
    r"(?<!\w)you(?:'ve| have)? (?:ruined|lied|failed|screwed|messed|charged|ignored)", re.IGNORECASE)
_INTENSIFIER = re.compile(
    r"(?<!\w)(?:so|really|very|extremely|incredibly|absolutely|completely|totally|utterly|beyond|"
    r"seriously|super|deeply|truly|genuinely|bloody|fucking|massively|hugely)\s+$", re.IGNORECASE)
_PROFANITY = phrases(r"fuck\w*", r"f\*+k\w*", r"shit\w*", r"bullshit", r"damn\w*", r"bloody", r"crap\w*",
                     r"wtf", r"ffs", r"piss\w*", r"arse", r"ass")
_SHOUT = re.compile(r"(?<![\w@#])[A-Z]{4,}(?![\w])|(?<![\w@#])[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}(?!\w)")
_ACRONYMS = frozenset({"NVDA", "JAWS", "ASAP", "HTTP", "HTTPS", "UPS", "USPS", "DHL", "FEDEX", "HTML", "IPHONE", "IPAD",
                       "WIFI", "NYC", "ATM", "UTC", "GMT", "BST", "EST", "PST", "CEO", "CTO", "API",
                       "SMS", "PDF", "VPN", "DSL", "HDMI", "USB", "NHS", "IBAN", "ETA"})
_REPEAT_PUNCT = re.compile(r"!{2,}|[!?]{3,}")

# The rationale of a neutral verdict that discounted thanks as politeness (read by the model blend).
POLITE_NOTE = "politeness, not the point"

# Order used when two labels have the same evidence.
_PRIORITY = {label: i for i, label in enumerate(LABELS)}


# Repeated contact is effort ("emailed twice, no answer", "the last guy"): evidence of frustration.
# Earlier contact alone ("I DMed you", "I was told") is not effort: only the "repeated contact" cues count.
_REPEAT = tuple(Cue("frustration", c.pattern, 1.2, "repeated contact") for c in CONCERN_CUES if c.note == "repeated contact")
# Being ignored or brushed off by the company ("you never pay attention", "they overlook negative
# feedback") names who is to blame: weak evidence of anger (TAXONOMY.md: anger targets someone).
_IGNORED = tuple(Cue("anger", c.pattern, 1.0, _UNSEEN) for c in CONCERN_CUES if c.label == "concern.invisible")
_PHRASE_CUES = CUES + _REPEAT + _IGNORED
_REQUEST = re.compile(r"\?|\b(?:please|pls|plz|can you|could you|would you|will you|I need|I want|I'd like|let me know|kindly)\b", re.IGNORECASE)
_DIRECTED = frozenset({"thanks a person", "praises the staff"})
# A feeling put in the past ("at first I was scared", "how tense I'd been").
_PAST_FEELING = re.compile(r"(?:\bwas|\bwere|\bhad been|['’]d been|\bat first|\binitially)\s+(?:so |really |a bit |very |quite )?$", re.IGNORECASE)


def _match_before(pattern: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """`pattern` (anchored with `$`) matched just before `start`. Only the 64 characters before it
    are searched, not the whole prefix: every hit of a long message is asked this."""
    return pattern.search(text, max(0, start - 64), start)


def _directed(hits: Sequence[Hit]) -> bool:
    """Is the thanks addressed to a person, or praise of what the staff did?"""
    return any(h.cue.note in _DIRECTED for h in hits)


def _polite_share(text: str, hits: Sequence[Hit]) -> float:
    """How much of the message is the thanks itself: the sentences holding gratitude cues."""
    sentences = {sentence_at(text, h.start) for h in hits if h.label == "gratitude"} - {None}
    covered = sum(e - s for s, e in sentences)
    return covered / max(1, len(text.strip()))


def _label_weights(text: str, hits: list[Hit]) -> dict[str, list[Hit]]:
    targeted = any(h.label == "anger" for h in hits) or bool(_TARGET.search(text))
    by_label: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        label = h.label
        if label == "anger_word":
            label = "anger" if targeted else "frustration"
        if label not in ("polite", "blame"):
            by_label[label].append(h)
    return by_label


@register_detector("emotion", version="76", kinds=tuple(f"emotion.{label}" for label in LABELS))
class EmotionDetector:
    """Exactly one primary `emotion.<label>` per public customer message."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return [
            self.classify(message)
            for message in conversation.iter_messages(role=Role.customer)
            if message.public and message.text.strip()
        ]

    def classify(self, message: Message) -> Finding:
        text = message.text
        hits = find_hits(text, _PHRASE_CUES) + [
            Hit(c, m.start(), m.end()) for c in EMOJI_CUES for m in c.pattern.finditer(text)
        ] + [Hit(_DEADLINE, h.start, h.end) for h in deadline_hits(text)]
        by_label = _label_weights(text, hits)
        weights = {label: sum(h.weight for h in hs) for label, hs in by_label.items()}
        if any(h.cue.note == "sarcasm" for h in hits):
            for label in POSITIVE:  # thanks or praise worn by sarcasm is none
                weights.pop(label, None)
        polite = [h for h in hits if h.label == "polite"]
        if "gratitude" in weights and not any(h.cue.strong for h in by_label["gratitude"]):
            # Thanks around a question or a fault report is politeness, not the message's point;
            # thanks to a person, praise of the staff, or thanks for a problem gone ("It works now.
            # Thanks."), with nothing asked, is the point.
            directed = _directed(by_label["gratitude"]) or "relief" in weights
            if _polite_share(text, by_label["gratitude"]) < 0.4 and (_REQUEST.search(text) or not directed):
                weights["gratitude"] *= 0.4
                polite += by_label["gratitude"]
        if POSITIVE & {label for label, w in weights.items() if w >= THRESHOLD}:
            # "At first I was scared" in a message of relief or thanks is a feeling left behind.
            for label in NEGATIVE & set(weights):
                weights[label] -= sum(h.weight / 2 for h in by_label[label] if _match_before(_PAST_FEELING, text, h.start))
        ranked = sorted(
            (label for label, w in weights.items() if w >= THRESHOLD),
            key=lambda label: (-weights[label], _PRIORITY[label]),
        )
        if ranked and ranked[0] in ("joy", "relief") and "gratitude" in ranked and (
            ranked[0] == "joy" or weights["gratitude"] >= weights["relief"]
            or _directed(by_label["gratitude"])
        ):
            ranked.remove("gratitude")
            ranked.insert(0, "gratitude")  # delight (or equal relief) together with thanks is gratitude
        if ranked and ranked[0] in ("frustration", "disappointment") and "anger" in ranked and any(
            h.cue not in EMOJI_CUES and h.cue.note not in _WEAK_ANGER for h in by_label["anger"]
        ):
            # Words aimed at someone make it anger, whatever effort or let-down they come with
            # (TAXONOMY.md: anger targets someone); an emoji alone does not.
            ranked.remove("anger")
            ranked.insert(0, "anger")
        blame = [h for h in hits if h.label == "blame"]
        promoted = bool(blame and ranked and ranked[0] in ("frustration", "disappointment"))
        if promoted and ranked[0] in ("frustration", "disappointment"):
            # Effort or a let-down aimed at whoever caused it is anger (TAXONOMY.md: anger targets someone).
            top = ranked[0]
            by_label["anger"] = list(by_label.get("anger", [])) + blame + by_label[top]
            weights["anger"] = max(weights.get("anger", 0.0), weights[top]) + 0.5
            ranked.insert(0, "anger")
        info = type(self).info
        if not ranked:
            start, end = next(iter_sentences(text), (0, len(text)))
            weak = max(weights.values(), default=0.0)
            if polite and weak < THRESHOLD:
                # A decision, not a lack of evidence: the thanks is politeness (TAXONOMY.md).
                return info.finding("emotion.neutral", message, start, end, score=0.75,
                                    rationale=f"{POLITE_NOTE}: {quoted(polite, text)}")
            return info.finding(
                "emotion.neutral", message, start, end, score=0.75 - 0.25 * weak,
                rationale="no emotion cue" if not weak else "only faint emotion cues: "
                + quoted([h for hs in by_label.values() for h in hs], text),
            )
        label = ranked[0]
        label_hits = by_label[label]
        best = blame[0] if promoted and label == "anger" else max(label_hits, key=lambda h: (h.weight, -h.start))
        start, end = best.start, best.end
        before = _match_before(_INTENSIFIER, text, start)
        boosts = []
        if any(h.cue.strong for h in label_hits):
            boosts.append("a strong word")
        if before or any(_match_before(_INTENSIFIER, text, h.start) for h in label_hits):
            boosts.append("an intensifier")
        if any(m.group(0) not in _ACRONYMS for m in _SHOUT.finditer(text)):
            boosts.append("capitals")
        if _REPEAT_PUNCT.search(text):
            boosts.append("'!!'")
        if _PROFANITY.search(text):
            boosts.append("profanity")
        if len([h for h in label_hits if h.cue is not _DEADLINE]) >= 2:
            boosts.append("repeated cues")
        intensity = min(3, 1 + len(boosts))
        if before:
            start = before.start()
        runner_up = max((weights[x] for x in ranked[1:]), default=0.0)
        total = weights[label]
        score = 0.5 + 0.3 * min(total, 4.0) / 4.0 + 0.15 * (total - runner_up) / total
        notes = sorted({h.cue.note for h in label_hits})
        rationale = f"{label} ({'; '.join(notes)}): {quoted(label_hits, text)}"
        if boosts:
            rationale += f"; intensity {intensity} from {', '.join(boosts)}"
        return info.finding(f"emotion.{label}", message, start, end, score=min(score, 0.95),
                            rationale=rationale, intensity=intensity)
