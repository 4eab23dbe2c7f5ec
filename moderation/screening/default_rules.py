"""The rules every new site starts with; administrators edit them in the admin afterwards.

Written for UK English peer-support talk. Each crisis rule is
(pattern, level, topic); each watched word is (pattern, action, replacement,
content-warning slug). See moderation.screening.patterns for the syntax.

Levels: "urgent" is first-person intent, a plan, the means or a time;
"concern" is distress, hopelessness, a past attempt, the topic without intent
or someone else at risk; "warning" only suggests a content warning;
"not-a-crisis" is an everyday phrase that cancels any rule matching wholly
inside it ("killing myself laughing"). A not, never, no, don't, won't or can't
in the three words before an urgent match lowers it to concern, so phrases
that carry their own negation ("don't want to live") have it inside the rule.

Because an everyday phrase only cancels matches it covers from their first
word, it starts with the same words as the rule it answers ("want to hurt
her feelings" answers "want to hurt her"). Rules say who and when where a
bare word would catch everyday talk: "took my tablets" is not an overdose,
"took 30 tablets" is.
"""

# Ways of saying "I am about to" or "I mean to" before a method; two groups, so
# that each rule fits the 200 characters an administrator's rule may have.
INTENTS = (
    "(going to|gonna|want to|wanna|about to|ready to|need to|have to|got to|gotta)",
    "(planning to|plan to|decided to|i will|i'll|should just|might just|i might)",
)
# Ways of killing oneself, as "<verb> myself"; "my-self" and "my self" match too.
METHOD = "(kill|hang|drown|shoot|poison|gas|suffocate|electrocute|unalive)"
# Amounts that mean an overdose rather than a dose.
AMOUNTS = "(10|12|14|15|16|20|24|25|28|30|32|40|48|50|60|64|100)"
AMOUNT_WORDS = "(ten|twelve|fifteen|sixteen|twenty|thirty|forty|fifty|hundred|loads of)"
MEDICINES = (
    "(pills|tablets|paracetamol|painkillers|co-codamol|codeine|ibuprofen|sleeping pills"
    "|sertraline)"
)
PACKS = "(box|packet|pack|bottle|strip|boxes|packets|bottles)"
# People someone might be afraid of, or might hurt.
PEOPLE = (
    "(husband|wife|partner|boyfriend|girlfriend|dad|mum|stepdad|brother|sister|son|daughter"
    "|carer|ex|boss)"
)
# The people members most often say hurt them.
ABUSERS = "(husband|partner|boyfriend|wife|dad|mum|stepdad|son|daughter|carer|ex)"
# Being hurt by someone, said of "he", "she", "they" or someone named.
HURTS = (
    "(hits|hit|beats|beat|punches|punched|kicks|kicked|slaps|slapped|chokes|choked"
    "|strangled|hurts|battered|raped|threatens)"
)
# Things that "die" or go dead, not people.
THINGS = (
    "(phone|phones|battery|laptop|car|telly|tv|tablet|ipad|printer|computer|charger|wifi"
    "|internet|hoover|kettle|boiler|remote|plant|plants)"
)

CRISIS_PATTERNS = [
    # Suicide, urgent: a wish to die or to kill oneself, said now and in the first person.
    ("want to die", "urgent", "suicide"),
    ("(wanna|wana|ready to|prepared to|deserve to|going to just) die", "urgent", "suicide"),
    *[(f"{intent} (just|actually|finally|really|probably)? {METHOD} myself", "urgent",
       "suicide") for intent in INTENTS],
    *[(f"{intent} (end|take) my (own)? life", "urgent", "suicide") for intent in INTENTS],
    # "kms" is "kill myself" in online shorthand.
    *[(f"{intent} (just)? kms", "urgent", "suicide") for intent in INTENTS],
    *[(f"{intent} (just|finally)? (end it all|commit suicide|end everything)", "urgent",
       "suicide") for intent in INTENTS],
    ("(thinking|think) (about|of) (killing|hanging|drowning|ending) (myself|my life|it all)",
     "urgent", "suicide"),
    ("(cant|can't) stop thinking about (killing myself|dying|suicide|ending it|ending my life)",
     "urgent", "suicide"),
    ("end it all", "urgent", "suicide"),
    ("(wish|wishing|pray|hope) (i was|i were|i could be|to be|id be) dead", "urgent", "suicide"),
    ("wish i (could|would|had) (just)? (die|died|not wake up|never wake up)", "urgent", "suicide"),
    ("(hope|wish|pray|praying) (i|that i)? (dont|never|wont) wake up", "urgent", "suicide"),
    ("go to sleep and (never|not) wake up", "urgent", "suicide"),
    ("(dont|do not|no longer) want to (live|be alive|exist|be here anymore|be here any more)",
     "urgent", "suicide"),
    ("(dont|do not) want to wake up (again|ever again|anymore|any more|tomorrow)",
     "urgent", "suicide"),
    ("better off (without me|dead|if i was dead|if i was gone|if i wasnt here|if i werent here)",
     "urgent", "suicide"),
    ("(everyone|everybody) (would be|is|will be) better (off)? without me", "urgent", "suicide"),
    ("(id|i would) rather be dead", "urgent", "suicide"),
    # Suicide, urgent: asking how.
    ("(how to|how do i|how can i|how would i|how should i) (kill myself|end my life|end it all"
     "|commit suicide|die painlessly|hang myself)", "urgent", "suicide"),
    ("(best|easiest|quickest|painless|surest|quick) (way|ways|method|methods) (to|of)"
     " (die|dying|kill myself|end my life|end it|commit suicide|suicide)", "urgent", "suicide"),
    # Suicide, urgent: a time set.
    (f"{METHOD} myself (tonight|today|tomorrow|right now|now|this weekend|later|soon|this week)",
     "urgent", "suicide"),
    ("(end|ending|take|taking) (it all|my life|my own life|everything) (tonight|today|tomorrow"
     "|right now|this weekend|this week|soon)", "urgent", "suicide"),
    ("end it (tonight|today|tomorrow|right now|this weekend)", "urgent", "suicide"),
    ("(i|im|ill) (wont|will not|am not going to|not going to|will never) be (here|around|alive)"
     " (anymore|any more|much longer|by morning|by the morning|this time tomorrow|tomorrow"
     "|after tonight)", "urgent", "suicide"),
    ("(ill|i will|i shall) be (gone|dead) (by|before|soon|tomorrow|tonight|in the morning"
     "|this time tomorrow)", "urgent", "suicide"),
    ("by the time (you|anyone|someone|people|you all) (read|reads|see|sees|find|finds) this",
     "urgent", "suicide"),
    ("(tonight is|tonights|tonight will be|today is|todays|this is) (my last|the last)"
     " (night|day) (alive|on earth|on this earth|of my life)", "urgent", "suicide"),
    ("(tonight is|tonights|tonight will be|today is|todays) my last (night|day)",
     "urgent", "suicide"),
    ("(picked|chosen|set) (a|the) (date|day) (to|for) (die|dying|end it|ending it|do it)",
     "urgent", "suicide"),
    # Suicide, urgent: a plan made, a note written, goodbyes said.
    ("(made my mind up|my mind is made up|made up my mind|made my decision)"
     " ~ (die|end it|end it all|end my life|kill myself|goodbye|no going back|not be here"
     "|wont be here)", "urgent", "suicide"),
    ("(wrote|written|writing|write|left|leaving) (a|my) (suicide|goodbye|farewell|last)"
     " (note|letter|letters)", "urgent", "suicide"),
    ("(wrote|written|writing|finished) my note", "urgent", "suicide"),
    ("(wrote|written|writing|left|leaving) (a|the) note (for|to) (everyone|my family"
     "|my loved ones|the kids|my kids)", "urgent", "suicide"),
    ("this is goodbye", "urgent", "suicide"),
    ("goodbye (forever|for ever|cruel world)", "urgent", "suicide"),
    ("this is (my|the) (last|final) goodbye", "urgent", "suicide"),
    ("saying goodbye (to you all|to all of you|to the world|to this world|to everyone here)",
     "urgent", "suicide"),
    ("(wanted|want|needed|need) to say (goodbye|bye) (to you all|to all of you|while i can"
     "|while i still can|for the last time|before its too late|to everyone here)",
     "urgent", "suicide"),
    ("(you wont|you will not|nobody will|no one will|youll never) (hear|see) from me"
     " (again|anymore|any more|ever again)", "urgent", "suicide"),
    ("(suicide|suicidal) pact", "urgent", "suicide"),
    ("(actively|really|very|so|extremely) suicidal (tonight|today|right now|now|at the moment)",
     "urgent", "suicide"),
    # Suicide, urgent: the means to hand, or a place to die.
    ("(jump|jumping|throw myself|throwing myself) (off|from) (a|the)? (bridge|cliff|building"
     "|roof|multi storey|car park|tower block|balcony)", "urgent", "suicide"),
    ("(jump|jumping|throw myself|throwing myself|step|stepping|walk|walking) (in front of|under)"
     " (a|the)? (train|lorry|bus|car|traffic)", "urgent", "suicide"),
    ("(walk|walking|step|stepping) into (the)? (traffic|river|sea)", "urgent", "suicide"),
    ("(standing|stood|sitting|sat) on (the|a) (bridge|ledge|tracks|railway line|train tracks"
     "|cliff edge|edge of the cliff|edge of the bridge)", "urgent", "suicide"),
    ("(bought|buying|ordered) (a|some|the)? (rope|ligature)", "urgent", "suicide"),
    ("(made|tied|tying|making|got|bought) (a|the)? noose", "urgent", "suicide"),
    ("(have|got) (the|enough|all the) (pills|tablets|rope|blades|razor blades) (saved"
     "|saved up|lined up|hidden|stashed)", "urgent", "suicide"),
    # "Ready" is left out for tablets: carers get the week's tablets ready.
    ("(have|got) (the|enough) (pills|rope|blades|razor blades) ready", "urgent", "suicide"),
    ("enough (pills|tablets|paracetamol|painkillers) to (kill me|kill myself|do it|end it|die)",
     "urgent", "suicide"),
    # Suicide, concern: the topic, past attempts, ideation spoken of, someone else at risk.
    ("suicide", "concern", "suicide"),
    ("suicidal", "concern", "suicide"),
    ("kill myself", "concern", "suicide"),
    ("killed myself", "concern", "suicide"),
    ("killing myself", "concern", "suicide"),
    ("(unalive|unaliving) myself", "concern", "suicide"),
    ("(hang|hanging|hanged|hung|drown|drowning|shoot|shooting|poison|poisoning|gas|gassing)"
     " myself", "concern", "suicide"),
    ("(noose|ligature|ligatures)", "concern", "suicide"),
    ("take my own life", "concern", "suicide"),
    ("(end|ending|ended) my (own)? life", "concern", "suicide"),
    ("(tried|attempted|trying|try|tries) to (end it all|take my life|take my own life"
     "|hang myself|die)", "concern", "suicide"),
    ("(wanted|wants) to die", "concern", "suicide"),
    ("wanting to die", "concern", "suicide"),
    ("thought (about|of) (killing|hanging|drowning|ending) (myself|my life|it all)",
     "concern", "suicide"),
    ("(kill|killing|killed|hang|hanging|hanged|hung) (himself|herself|themselves|themself)",
     "concern", "suicide"),
    ("(end|ending|ended|take|taking|took|taken) (his|her|their) (own)? life",
     "concern", "suicide"),
    ("(jumped|jumps) (off|from|in front of|under) (a|the) (bridge|train|cliff|building|roof)",
     "concern", "suicide"),
    ("(dont|do not) want to (be here|wake up)", "concern", "suicide"),
    ("(cant|cannot) be here (anymore|any more)", "concern", "suicide"),
    ("(going to|gonna|want to|ready to|about to) end it", "concern", "suicide"),
    ("(sleep|go to sleep) forever", "concern", "suicide"),
    ("(wish|wished|wishing) i (was|were|had been) never born", "concern", "suicide"),
    ("(this is|this will be|its) (my|the) (last|final) (post|message) (ever|here|on here)",
     "concern", "suicide"),
    ("saying (my)? goodbyes", "concern", "suicide"),
    ("(giving|given|gave) away (all|all of) my (things|stuff|belongings|possessions)",
     "concern", "suicide"),
    ("(im|i am) sorry for everything", "concern", "suicide"),
    # Feeling a burden, or that nobody would notice: concern.
    ("(a|such a|such|nothing but a|only a|just a|massive|huge) burden", "concern", "suicide"),
    ("burden (on|to) (everyone|my family|my kids|the kids|people|them|you all|others|my partner)",
     "concern", "suicide"),
    ("(no one|nobody|noone) would (miss|notice|care) (me|if i)", "concern", "suicide"),
    ("(a|such a) waste of (space|oxygen|air)", "concern", "general"),
    # Hopelessness and distress: concern, with no particular topic.
    ("(no|not any|nothing) (reason|reasons) (to live|for living|to go on|to carry on)",
     "concern", "suicide"),
    ("nothing (left)? to live for", "concern", "suicide"),
    ("(no|nothing|whats the|what is the|whats even the) point (in|of)? (living|being alive"
     "|life|anything|anymore|any more|me)", "concern", "general"),
    ("(no|whats the|what is the) point (in|of) (going on|carrying on)", "concern", "general"),
    ("(life|my life) (isnt|is not|aint|is no longer|not) worth living", "concern", "suicide"),
    ("(cant|cannot|can not) (go on|carry on|keep going) (like this|anymore|any more)",
     "concern", "general"),
    ("(cant|cannot) go on", "concern", "general"),
    ("(cant|cannot) do this (anymore|any more)", "concern", "general"),
    ("(cant|cannot) (cope|take it|take this|deal with it|deal with this|deal with life)"
     " (anymore|any more|like this|much longer)", "concern", "general"),
    ("(cant|cannot) (cope with life|cope with anything|cope with everything|take any more"
     "|take anymore)", "concern", "general"),
    ("(given|giving|give) up on (life|everything|myself|living)", "concern", "general"),
    ("(had|have had) enough of (life|living|everything|it all|being alive)", "concern", "general"),
    ("(want|wanting|need) (it all|everything|the pain) to (stop|end|be over)",
     "concern", "general"),
    ("(hopeless|worthless)", "concern", "general"),
    ("(no|cant see a|cannot see a|theres no) way out", "concern", "general"),
    ("(wish|want|wanting) (i|to) (could)? (just)? (disappear|vanish)", "concern", "general"),
    ("(end of my tether|at breaking point|at the end of my rope)", "concern", "general"),
    ("(in|such|back in) a (really|very|bad)? dark place", "concern", "general"),
    # Self-harm, urgent: intent now, a fresh injury, or harm gone too far.
    *[(f"{intent} (just)? (cut|burn|hurt|harm|punch|hit) myself", "urgent", "self-harm")
      for intent in INTENTS],
    ("(want to|need to|going to|gonna|about to|wanna) cut (again|tonight|so bad|so badly|deeper"
     "|myself)", "urgent", "self-harm"),
    ("(just|ive just|i just|have just) cut (myself|my arm|my arms|my wrist|my wrists|my legs"
     "|my leg|my thigh|my thighs|my stomach)", "urgent", "self-harm"),
    ("(just|ive just|i just|have just) (burned|burnt|harmed) myself", "urgent", "self-harm"),
    ("(cut|cutting|burnt|burned) (too|really|so) deep", "urgent", "self-harm"),
    ("(cut|cuts|wound|wounds|arm|arms|wrist|wrists|leg|legs|thigh|thighs) (wont|will not)"
     " stop bleeding", "urgent", "self-harm"),
    ("(cant|cannot) stop the bleeding", "urgent", "self-harm"),
    ("(slit|slitting|slash|slashing|cut|cutting) my (wrist|wrists|throat)", "urgent", "self-harm"),
    ("(took|take|taking|got) the (blade|blades) out of (a|my|the) (razor|razors|sharpener"
     "|pencil sharpener)", "urgent", "self-harm"),
    # Self-harm, concern: the topic, urges and relapse, without intent now.
    ("self-harm", "concern", "self-harm"),
    ("(self-harming|self-harmed|self-harmer|selfharm|selfharming|self-injury|self-injure"
     "|self-injuring)", "concern", "self-harm"),
    ("(cut|cutting|burn|burning|burnt|burned|hurt|hurting|harm|harming|hitting|punching)"
     " myself", "concern", "self-harm"),
    ("(urge|urges) to (cut|self-harm|harm|burn|hurt myself)", "concern", "self-harm"),
    ("(relapsed|relapse|relapsing|slipped up|had a slip) ~ (cut|cutting|self-harm|sh|burning"
     "|harming)", "concern", "self-harm"),
    ("(cutting|harmed|harming) again", "concern", "self-harm"),
    ("(i|ive|i have) cut again", "concern", "self-harm"),
    ("(fresh|new|deep) (cuts|wounds|burns|scars) on my", "concern", "self-harm"),
    ("(days|weeks|months|years) (clean|free) (from|of) (self-harm|cutting|sh|harming)",
     "concern", "self-harm"),
    # Overdose, urgent: taken now, in amounts, or meant.
    *[(f"{intent} (overdose|od|take an overdose|take an od|have an overdose)", "urgent",
       "overdose") for intent in INTENTS],
    *[(f"{intent} take all (of)? my (pills|tablets|meds|medication)", "urgent", "overdose")
      for intent in INTENTS],
    ("(just|ive just|i just|have just) (taken|took|had|done) (an|a)? (overdose|od)",
     "urgent", "overdose"),
    (f"(took|taken|swallowed|downed) {AMOUNTS} {MEDICINES}", "urgent", "overdose"),
    (f"(took|taken|swallowed) {AMOUNT_WORDS} {MEDICINES}", "urgent", "overdose"),
    (f"(took|taken|swallowed) {AMOUNTS} (of my|of the|of them|of those|more) (pills|tablets"
     "|paracetamol|painkillers|sleeping pills)", "urgent", "overdose"),
    (f"(took|taken|swallowed) (a load of|a lot of|lots of|a handful of|handfuls of|too many)"
     f" {MEDICINES}", "urgent", "overdose"),
    (f"(took|taken|swallowed) (all|all of|the whole|a whole) (my|the|a)? {PACKS} (of|of my)"
     " (pills|tablets|paracetamol|painkillers|sleeping pills|co-codamol)", "urgent", "overdose"),
    ("(took|taken|swallowed) all (of)? my (pills|tablets|meds|medication) (at once|in one go"
     "|together|at the same time)", "urgent", "overdose"),
    ("(stockpiling|stockpiled|saving up|saved up|hoarding|hoarded|been saving|been collecting)"
     " (my|the|up my)? (pills|tablets|meds|medication|paracetamol|painkillers|sleeping pills)",
     "urgent", "overdose"),
    ("(bought|buying|ordered) (loads|lots|boxes|packets|a load|a lot) of (pills|tablets"
     "|paracetamol|painkillers)", "urgent", "overdose"),
    ("how (many|much) (pills|tablets|paracetamol|painkillers|insulin|sleeping pills)"
     " ~ (to die|to kill me|to kill myself|would kill me|to overdose|to od|is lethal|is fatal"
     "|be lethal|be fatal)", "urgent", "overdose"),
    ("(what|whats|what is) (the|a) (lethal|fatal) dose", "urgent", "overdose"),
    # Overdose, concern: the topic, an overdose in the past, a question about doses.
    ("(overdose|overdosed|overdosing|overdoses)", "concern", "overdose"),
    ("(took|take|taken|taking|had|done) an od", "concern", "overdose"),
    ("od on (pills|tablets|paracetamol|meds|my meds|my tablets|my pills|painkillers|insulin"
     "|sleeping pills|my medication)", "concern", "overdose"),
    ("(lethal|fatal|deadly) (dose|doses|amount|overdose)", "concern", "overdose"),
    ("stomach pumped", "concern", "overdose"),
    # Harm to others, urgent: first-person intent against a person.
    ("(going to|gonna|want to|wanna|about to|i'll|i will) (kill|hurt|stab|strangle|batter"
     "|murder|attack|smother) (him|her|them|someone|somebody|people|everyone)",
     "urgent", "harm-to-others"),
    (f"(going to|gonna|want to|wanna|i'll) (kill|hurt|stab|strangle) my {PEOPLE}", "urgent",
     "harm-to-others"),
    ("(bring|bringing|take|taking|carry|carrying) a (knife|blade|gun|weapon) (to|into)"
     " (school|college|work|uni|the house|his house|her house)", "urgent", "harm-to-others"),
    # Harm to others, concern: thoughts, fears and frustration without a plan.
    ("(stab|strangle|murder|smother) (him|her|them|someone|somebody)", "concern",
     "harm-to-others"),
    ("(kill|hurt) (someone|somebody)", "concern", "harm-to-others"),
    ("(scared|afraid|frightened|worried|terrified) (that)? (i|im|ill) (might|could|will)"
     " (hurt|harm|kill) (someone|somebody|my baby|my child|my kids|him|her|them|people)",
     "concern", "harm-to-others"),
    ("(thoughts|thinking) (of|about) (hurting|killing|harming|stabbing) (someone|people|others"
     "|my baby|my child|my kids|him|her|them)", "concern", "harm-to-others"),
    ("intrusive thoughts", "concern", "general"),
    # Abuse, urgent: a threat to the member's life now.
    ("(threatened|threatening|threatens|tried|trying) to (kill|strangle|stab) (me|us|the kids"
     "|my kids)", "urgent", "abuse"),
    ("(hes|shes|theyre) (going to|gonna) kill (me|us)", "urgent", "abuse"),
    ("(scared|afraid|frightened|terrified) (he|she|they) (will|is going to|are going to|might)"
     " kill (me|us)", "urgent", "abuse"),
    # Abuse, concern: being hurt, controlled or made to do things.
    (f"(he|she|they|hes|shes|he keeps|she keeps) {HURTS} me", "concern", "abuse"),
    (f"my {ABUSERS} {HURTS} me", "concern", "abuse"),
    ("(being|been|getting|get|got|was) (hit|beaten|abused|raped|assaulted|attacked|groped"
     "|strangled|choked|battered|punched|slapped|kicked)", "concern", "abuse"),
    ("(makes|made|forces|forced|forcing|making) me (to)? (have sex|do sexual|do things i dont"
     "|touch him|touch her|watch porn|sleep with|hand over|give him my|give her my)",
     "concern", "abuse"),
    ("(scared|afraid|frightened|terrified) (of|to go home to) (him|her)", "concern", "abuse"),
    (f"(scared|afraid|frightened|terrified) (of|to go home to) my {ABUSERS}", "concern", "abuse"),
    ("(scared|afraid|frightened|terrified) to go (home|back home)", "concern", "abuse"),
    ("(controls|takes|took|keeps|has taken|steals|stole) (all)? my (money|bank card|benefits"
     "|pension|passport|wages|pip|cards)", "concern", "abuse"),
    ("(wont|doesnt|never) (let|lets) me (go out|leave|see my|see anyone|have my|talk to"
     "|out of the house|have any money)", "concern", "abuse"),
    ("(domestic|sexual|emotional|financial|child|physical) (abuse|violence|assault)",
     "concern", "abuse"),
    ("(abusive|violent|controlling) (relationship|partner|husband|boyfriend|wife|girlfriend"
     "|marriage|dad|father|mum|mother|carer)", "concern", "abuse"),
    ("(raped|rape|sexually assaulted|sexually abused|molested)", "concern", "abuse"),
    # Eating disorders, concern: behaviours now.
    ("(making|made|make) myself (sick|throw up|vomit|puke)", "concern", "eating-disorders"),
    ("(havent|have not|not) eaten (in|for) (days|a week|two days|three days|ages|weeks)",
     "concern", "eating-disorders"),
    ("starving myself", "concern", "eating-disorders"),
    ("(binged|binging|bingeing|binge) and (purged|purging|purge|threw up|made myself sick)",
     "concern", "eating-disorders"),
    ("(hate|loathe|disgusted by|disgusted with) my body", "concern", "eating-disorders"),
    ("(relapsed|relapsing|relapse) ~ (anorexia|restricting|bulimia|purging|my eating)",
     "concern", "eating-disorders"),
    # Eating disorders, warning: the topic named.
    ("(anorexia|anorexic|bulimia|bulimic|arfid|orthorexia|ednos|osfed)", "warning",
     "eating-disorders"),
    ("(eating disorder|eating disorders|binge eating|pro-ana|pro-mia|thinspo|thinspiration)",
     "warning", "eating-disorders"),
    ("(purging|laxatives|calorie counting|body checking)", "warning", "eating-disorders"),
    ("restricting (my food|food|my eating|calories|what i eat)", "warning", "eating-disorders"),
    # Bereavement, warning: death and loss, suggesting the warning only.
    ("(died|dead|death|dying|passed away|killed)", "warning", "bereavement"),
    ("(funeral|funerals|bereaved|bereavement|grief|grieving|mourning|widowed)", "warning",
     "bereavement"),
    ("lost my (mum|mam|mom|dad|mother|father|husband|wife|partner|son|daughter|baby|brother"
     "|sister|nan|nana|gran|grandma|grandad|granddad|best friend|friend|child)",
     "warning", "bereavement"),
    ("(miscarriage|miscarried|stillborn|stillbirth|rest in peace|end of life care)", "warning",
     "bereavement"),
    # Substance use, warning.
    ("(alcohol|alcoholic|alcoholism|booze|boozing|cocaine|heroin|ketamine|mdma|ecstasy|cannabis"
     "|methadone|amphetamine|amphetamines)", "warning", "substance-use"),
    ("(got|get|getting|gets) (drunk|wasted|hammered|smashed|high|stoned|off my face|off my head)",
     "warning", "substance-use"),
    ("(drinking|drank|drunk) (again|too much|every day|every night|on my own|alone|heavily"
     "|a bottle|two bottles|a whole bottle)", "warning", "substance-use"),
    ("(smoke|smoking|smoked) (weed|a joint|joints|cannabis|crack|spice)", "warning",
     "substance-use"),
    ("(street|recreational|illegal|hard) drugs", "warning", "substance-use"),
    ("(taking|take|took|doing|did) drugs", "warning", "substance-use"),
    ("(days|weeks|months|years) sober", "warning", "substance-use"),
    ("(relapsed|relapse|relapsing) ~ (drink|drinking|alcohol|booze|using|drugs|heroin|cocaine)",
     "warning", "substance-use"),
    ("(alcoholics|narcotics) anonymous", "warning", "substance-use"),
    # Everyday, about killing: "killing it", "kill time", "killing myself laughing", an
    # exam that "killed me", and not wanting to hurt someone's feelings.
    ("(killing|killed|kill) it", "not-a-crisis", "general"),
    ("(kill|killing|killed) (time|an hour|a few hours|the time)", "not-a-crisis", "general"),
    ("(killing|killed|kill) myself (laughing|with laughter)", "not-a-crisis", "general"),
    ("(going to|gonna|i'll|i will) kill myself laughing", "not-a-crisis", "general"),
    ("(nearly|almost) killed myself (laughing|tripping|falling|on the|on a|getting|trying"
     "|carrying|lifting|running)", "not-a-crisis", "general"),
    ("killing myself (at|with) (work|the gym|overtime|revision|exercise|the housework)",
     "not-a-crisis", "general"),
    ("killed me", "not-a-crisis", "general"),
    ("kill them with kindness", "not-a-crisis", "general"),
    ("(dont|do not|never|wouldnt|would never) want to hurt (him|her|them|anyone|you)",
     "not-a-crisis", "general"),
    ("(going to|gonna|want to|wanna|about to|i'll|i will) hurt her (feelings|feeling|pride"
     "|chances)", "not-a-crisis", "general"),
    ("(hes|shes|theyre) (going to|gonna) kill (me|us) (when|if|for)", "not-a-crisis",
     "general"),
    # Everyday, about dying and the dead: "dying to see it", "dead tired", things that die.
    ("dying (to|for) (see|know|try|go|meet|hear|get|tell|read|watch|visit|a wee|a cuppa|a brew"
     "|a tea|a coffee|a pint|a drink)", "not-a-crisis", "general"),
    ("(die|died|dying|dead) (of|from|with) (embarrassment|laughter|laughing|shame|boredom|cringe"
     "|thirst|hunger|the heat|heat|cold)", "not-a-crisis", "general"),
    ("dying (here|in here|in this heat)", "not-a-crisis", "general"),
    ("(want|wanted|wanna) to die (of|from) (embarrassment|shame|laughter|laughing|cringe)",
     "not-a-crisis", "general"),
    ("want to die (at home|in my own bed|in a hospice|with dignity|when my time comes)",
     "not-a-crisis", "general"),
    ("(nearly|almost|could have|couldve|could of) died (laughing|of embarrassment|of shame"
     "|with embarrassment)", "not-a-crisis", "general"),
    ("dead (tired|funny|good|easy|nice|chuffed|proud|lucky|excited|keen|quiet|busy|serious"
     "|right|on time|end|set|boring|cute|posh|jealous|sweet|handy|useful|simple|hard)",
     "not-a-crisis", "general"),
    ("dead on (my|our|your) feet", "not-a-crisis", "general"),
    ("dead to the world", "not-a-crisis", "general"),
    ("(walking|grateful) dead", "not-a-crisis", "general"),
    (f"{THINGS} (is|was|has|s|just|went|finally|keeps)? (died|dead|dying)", "not-a-crisis",
     "general"),
    (f"{THINGS} (has|had|is) (just|finally|now|nearly) (died|dead|dying)",
     "not-a-crisis", "general"),
    ("(bored|scared|worried|sick|frightened|freezing|tickled|talked|loved) to death",
     "not-a-crisis", "general"),
    ("death (by chocolate|metal|stare)", "not-a-crisis", "general"),
    # Everyday, about suicide as a figure of speech or a name.
    ("suicide (squad|doors|mission|run|runs|shift)", "not-a-crisis", "general"),
    ("(political|career|social|commercial|electoral|fashion) suicide", "not-a-crisis",
     "general"),
    # Everyday, about goodbyes, tomorrow, waking up and going on: plans, not farewells.
    ("(going to|gonna|want to|ready to|about to) end it (with|between)", "not-a-crisis",
     "general"),
    ("(i|im|ill) (wont|will not|not going to) be (here|around) tomorrow (as|because|cos|coz|im"
     "|i am|but|so|morning|afternoon|evening|night|till|until|due)", "not-a-crisis", "general"),
    ("(cant|cannot) go on (the|a|an|holiday|my|our|his|her|their|it|that|this|there|any"
     "|facebook|trips|rides|till|until|tomorrow|today|tonight|nights|days|walks|about)",
     "not-a-crisis", "general"),
    ("(hope|wish|pray|praying) (i|that i)? (dont|never|wont) wake up (the|my|him|her|them"
     "|everyone|anyone|mum|dad|the baby|next door|the neighbours|late|early)",
     "not-a-crisis", "general"),
    ("(dont|do not) want to wake up (early|at|before|so|too|for|on|the|him|her|them|my|mum"
     "|dad|everyone|anyone)", "not-a-crisis", "general"),
    ("(hopeless|worthless) (at|with|romantic|romantics)", "not-a-crisis", "general"),
    # Everyday, about cuts, burns and knocks that were accidents.
    ("cut myself (shaving|cooking|chopping|slicing|peeling|gardening|opening|by accident"
     "|accidentally|on a tin|on the tin|on glass|on some glass|on paper|on a knife|on the lid)",
     "not-a-crisis", "general"),
    ("(just|ive just|i just|have just) (cut|burnt|burned) myself (shaving|cooking|chopping"
     "|slicing|peeling|gardening|opening|ironing|on a|on the|on glass|on paper|with the)",
     "not-a-crisis", "general"),
    ("(burnt|burned|burn|burning) myself (on the|on a|cooking|ironing|with the|getting|making"
     "|taking)", "not-a-crisis", "general"),
    ("(going to|gonna|will|ill|might|about to|i might|i will) burn myself out", "not-a-crisis",
     "general"),
    ("burn myself out", "not-a-crisis", "general"),
    ("hurt myself (at|playing|falling|lifting|gardening|running|doing|in the|on the|on my"
     "|skiing|cycling|when i fell)", "not-a-crisis", "general"),
    ("(i might|going to|gonna|i'll|i will) hurt myself (if|lifting|carrying|on those|on the"
     "|running|doing)", "not-a-crisis", "general"),
    # Everyday, about eating, medicines and rope.
    ("(making|made|make) myself sick (with|worrying|thinking|about)", "not-a-crisis",
     "general"),
    ("(stopped|stop) eating (meat|sugar|dairy|bread|gluten|chocolate|crisps|red meat|junk"
     "|takeaways|late|after)", "not-a-crisis", "general"),
    ("(took|take|taken|taking) an od (turn|look|route|path|way|shape|direction|one)",
     "not-a-crisis", "general"),
    ("(took|take|taking|taken) (his|her|their|my) (own)? life savings", "not-a-crisis",
     "general"),
    ("(bought|buying|ordered) (a|some|the)? rope (for the|for my|for our|swing|ladder|lights"
     "|toy)", "not-a-crisis", "general"),
    ("(bought|buying|ordered) (a|the|some)? (skipping|tow|washing|climbing|jump) rope",
     "not-a-crisis", "general"),
    # Everyday, about being hit, beaten or attacked by a ball, a seagull or a quiz team.
    ("(got|been|being|getting|get|was) hit on", "not-a-crisis", "general"),
    ("(got|been|being|getting|get|was) hit by (a|the) (car|bus|bike|ball|van|cyclist|lorry)",
     "not-a-crisis", "general"),
    ("(got|been|being|getting|get|was) kicked (out|off)", "not-a-crisis", "general"),
    ("(got|been|getting|get|was) beaten (at|in|by) (chess|cards|the quiz|a quiz|darts|scrabble"
     "|football|monopoly|pool|snooker|bingo|the race|the final|my nan|my grandad)",
     "not-a-crisis", "general"),
    ("(got|been|being|getting|get|was) attacked by (a|the|next doors|our)?"
     " (dog|dogs|seagull|seagulls|swan|cat|geese|goose|wasp|wasps|midges)",
     "not-a-crisis", "general"),
    ("(he|she|they|hes|shes) (beat|beats|beaten) me (at|in|to|by)", "not-a-crisis", "general"),
    (f"my {ABUSERS} (beat|beats) me (at|in|to|by)", "not-a-crisis", "general"),
    ("(he|she|they) hit me up", "not-a-crisis", "general"),
]

WATCHED_WORDS = [
    # Slurs, blocked: the member is asked to reword, and their text is kept for them.
    ("(retard|retards|retarded)", "block", "", ""),
    ("(spastic|spastics|spaz|spacker|mong|mongs|mongoloid)", "block", "", ""),
    ("(paki|pakis|pikey|pikeys|gyppo|gyppos)", "block", "", ""),
    ("(tranny|trannies)", "block", "", ""),
    # Telling someone to kill themselves, blocked.
    ("(kys|go kill yourself|just kill yourself|go and kill yourself)", "block", "", ""),
    # Method detail, held: a moderator reads it before anyone else can.
    ("(lethal|fatal) dose", "hold", "", "suicide"),
    ("how (many|much) (pills|tablets|paracetamol|painkillers|insulin) (would|does|will|to)"
     " (it take|take|kill)", "hold", "", "suicide"),
    ("(how deep|deep enough) ~ (cut|cuts|vein|veins|artery)", "hold", "", "self-harm"),
    ("(exit bag|charcoal in the car|helium hood|nitrogen hood)", "hold", "", "suicide"),
    ("(which|what) (vein|veins|artery|arteries) to cut", "hold", "", "self-harm"),
    # Contact details and moving off-site, flagged: published, and a moderator checks.
    ("(ring|call|text|phone|whatsapp) me on", "flag", "", ""),
    ("my (number|mobile|phone number|mobile number) is", "flag", "", ""),
    ("(add|message|msg|dm|find|follow|text) me on (whatsapp|snapchat|snap|instagram|insta"
     "|facebook|fb|tiktok|telegram|kik|discord|signal)", "flag", "", ""),
    ("my (snapchat|snap|insta|instagram|whatsapp|kik|discord) is", "flag", "", ""),
    ("(send|lend) me (money|some money|a tenner|cash|your bank|a picture|pics|photos)",
     "flag", "", ""),
    # Strong swearing, replaced: the rest of the text is published as written.
    ("fuck", "replace", "f***", ""),
    ("fucking", "replace", "f***ing", ""),
    ("cunt", "replace", "c***", ""),
    # Numbers that can harm people with eating disorders: a content warning is required.
    ("(calorie|calories|kcal|kcals|cals)", "require_warning", "", "eating-disorders"),
    ("(my bmi|my weight is|goal weight|weighed myself|weigh myself)", "require_warning", "",
     "eating-disorders"),
]
