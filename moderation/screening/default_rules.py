"""The rules every new site starts with; administrators edit them in the admin afterwards.

Written for UK English peer-support talk, and measured on the evaluation set in
moderation/screening/corpus/ (written from its development part only). Each
crisis rule is (pattern, level, topic, explanation); each watched word is
(pattern, action, replacement, content-warning slug, explanation). See
moderation.screening.patterns for the syntax and word_lists for the {lists}.

Levels: "urgent" is intent, a plan, the means, a time or an act done now;
"concern" is distress, hopelessness, a past attempt, or someone else at risk
without danger now; "sign" is one part of a plan ("tonight", "the rope's in
the car", "goodbye everyone") that is urgent only beside a different kind of
sign, its explanation saying which kind; "warning" only suggests a content
warning; "not-a-crisis" is an everyday phrase that cancels any rule whose last
word it covers, reaching to or past the rule's end ("killing myself laughing",
"I'm going to burn myself out"); "context" is looking back from recovery or
writing to support someone, which reads concern in the message as none, unless
an "ongoing" rule says the distress is still there now. A not, never, no, don't, won't
or can't in the three words before an urgent match lowers it to concern, and
words said to a reader ("you said you want to die", "if you feel suicidal")
are one level lower, so phrases that carry their own negation ("don't want to
live") have it inside the rule.

Because an everyday phrase only cancels matches whose end it covers, it ends
past the words of the rule it answers ("want to hurt her feelings" answers
"want to hurt her"). Rules say who and when where a
bare word would catch everyday talk: "took my tablets" is not an overdose,
"took 30 tablets" is.
"""


def _rules(level: str, topic: str, explanation: str, *patterns: str) -> list[tuple]:
    return [(pattern, level, topic, explanation) for pattern in patterns]


EVERYDAY = "an everyday phrase"
TOPIC_NAMED = "the topic named"
# People someone might be afraid of, or might hurt.
PEOPLE = (
    "(husband|wife|partner|boyfriend|girlfriend|dad|mum|stepdad|brother|sister|son|daughter"
    "|carer|ex|boss|bf|gf|flatmate|neighbour|nephew|uncle)"
)
# The people members most often say hurt them.
ABUSERS = "(husband|partner|boyfriend|wife|dad|mum|stepdad|son|daughter|carer|ex|bf|uncle)"
# Being hurt by someone, said of "he", "she", "they" or someone named.
HURTS = (
    "(hits|hit|hitting|beats|beat|punches|punched|kicks|kicked|slaps|slapped|chokes|choked"
    "|strangled|hurts|hurt|hurting|battered|raped|threatens|touches|pushed|twisted|dragged"
    "|grabbed|locks|locked|hurtin|hittin|hitin)"
)
# Things that "die" or go dead, not people.
THINGS = (
    "(phone|phones|battery|laptop|car|telly|tv|tablet|ipad|printer|computer|charger|wifi"
    "|internet|hoover|kettle|boiler|remote|plant|plants)"
)

CRISIS_PATTERNS = [
    # --- Suicide, urgent ----------------------------------------------------------------
    *_rules("urgent", "suicide", "a wish to die, now",
            "want to die", "wanna die", "want 2 die", "wana die",
            "(ready to|prepared to|deserve to|going to just|need to|have to) die",
            "(want|wanna|going|gonna|ready) (to)? (be dead|b dead|be gone)",
            "(want|wanna|need) (to)? (stop existing|not exist|not be alive|not be here)",
            "(i|im|i am) (going to|gonna|will) die (tonight|today|tomorrow|soon|now)",
            "(dont|do not|no longer) want to (live|be alive|exist|be here anymore"
            "|be here any more|carry on|go on)",
            "(dont|do not) want to wake up (again|ever again|anymore|any more|tomorrow)",
            "(cant|cannot) stop thinking about (killing myself|dying|suicide|ending it"
            "|ending my life)",
            "(thinking|think) (about|of) (killing|hanging|drowning|ending) (myself|my life|it all)",
            "(id|i would) rather be dead",
            "(actively|really|very|so|extremely) suicidal (tonight|today|right now|now"
            "|at the moment)",
            "(im|i am|feeling|feel) suicidal (tonight|today|right now|now|rn)",
            "(suicide|suicidal) pact"),
    *_rules("urgent", "suicide", "intent to kill oneself",
            "{intend} (just|actually|finally|really|probably)? (kill|hang|drown|shoot|poison|gas"
            "|suffocate|electrocute|unalive|top|neck|off|end) myself",
            "{intend} (end|take) my (own)? life",
            "{intend} (just)? (kms|ctb|kys myself|k y s myself|kys)",
            "{intend} (just|finally)? (end it all|commit suicide|end everything|end things"
            "|end it|do myself in|finish it|finish myself off|have done with it|do it|go through"
            " with it|go thru with it|sewerslide|suicide|unalive)",
            "(kill|killing|hang|hanging|unalive|unaliving|kms|ctb|ctbing|end|ending) (myself|it)?"
            " (tonight|today|tomorrow|right now|rn|now|this weekend|later|soon|this week"
            "|in an hour|in like an hour|after school)",
            "(im|i am|im just) (doing|doin) it (tonight|today|tomorrow|now|rn|after|when|once"
            "|this|on|at|before|next)",
            "(im|i am|im finally|i will|ill) (ending|end) (it|things|my life|my story|everything)",
            "ending it (tonight|today|tomorrow|on|this|when|after|once|at)",
            "(i|im) (intend|mean) to (join|be with) (her|him|them)",
            "(self deleting|self delete|sewer slide|sewerslide|unalive|unaliving|ctb|ctbing|kms)"
            " (tonight|today|tomorrow|now|rn|speedrun|time|this weekend)",
            "(going to|gonna|gna|im going to|i am going to) (sleep|go to sleep) (forever|for good"
            "|and not wake up|and never wake up|n not wake up|and not bother waking up)",
            "(take|taking) myself out of the picture",
            "(put|putting) myself to sleep",
            "(getting|get) off this ride",
            "(time to|going to|gonna) (clock out|check out|log off|checkout) (for good|tonight"
            "|forever)",
            "(im|i am|im gonna be|going to be|hes|shes|he is|she is) (checking out|going away|gone)"
            " (tonight|for good|forever|for ever|this weekend|today)",
            "catch the bus (tonight|fr|for real)",
            "(bout|about) to catch the bus",
            "catching the bus (tonight|for real|fr)",
            "(yeet|throw) myself (off|of|from|in front of)",
            "(do|doing|did) myself in",
            "{intend} (end|finish) (it|things|my life|everything) (tonight|today|tomorrow|on|this"
            "|when|after|once|at|before)",
            "(kill|hang|drown|hanging|killing|ki11) (myself|my self) (2nite|tonight|tonite)"),
    *_rules("urgent", "suicide", "asking how to die",
            "(how to|how do i|how can i|how would i|how should i) (kill myself|end my life|end it"
            " all|commit suicide|die painlessly|hang myself|die)",
            "(best|easiest|quickest|painless|surest|quick) (way|ways|method|methods) (to|of)"
            " (die|dying|kill myself|end my life|end it|commit suicide|suicide)",
            "(what|whats|what is) (the|a) (lethal|fatal) dose"),
    *_rules("urgent", "suicide", "plan + time",
            "(i|ive|i have|ive got|got|made|have|its) (a|my|the|it all) (plan|plans|planned"
            " out|worked out|planned) ~ {when}",
            "(i have|ive got|ive made|i made|i have made|got|got it all) (a|my)? plan (to die"
            "|to end it|to kill myself|for tonight|for this weekend|and a time)",
            "(my plan is|the plan is) ~ {when}",
            "(know|knows) how and (i know|she knows|he knows)? when",
            "(picked|chosen|set|decided on|choose) (a|the) (date|day|time)",
            "(it will be|itll be|it will happen|its happening) ~ {when}",
            "(tonight is|tonights|tonight will be|today is|todays|this is) (my last|the last)"
            " (night|day|sunday|christmas)",
            "(my last|the last) (sunday|christmas|birthday|night|day) (alive|on earth|ever)",
            "(made my mind up|my mind is made up|made up my mind|made my decision|ive decided"
            "|i have decided|decided) ~ (die|end it|end it all|end my life|kill myself|goodbye"
            "|no going back|not be here|wont be here|tonight|its tonight)",
            "tonight (is|s) (it|the night)",
            "tonights the night",
            "by the time (you|anyone|someone|people|you all) (read|reads|see|sees|find|finds)"
            " (this|it)",
            "if (ur|you|your|youre|anyone) (reading|reads|sees|finds) this (im|i am|ill be)"
            " (gone|dead|prob gone|probably gone)",
            "(i|im|ill|i shall) (wont|will not|am not going to|not going to|not gonna|will never"
            "|shall not|shant) (be|b|make it|see) (here|around|alive|another|to) (anymore|any more"
            "|much longer|by morning|by the morning|this time tomorrow|tomorrow|after tonight"
            "|tmrw|my birthday|by summer|for it|another week|another winter|christmas)",
            "(ill|i will|i shall|i'll) be (gone|dead|at peace|with her|with him|with them) (by"
            "|before|soon|tomorrow|tonight|in the morning|this time tomorrow)",
            "(i wont|i will not|i shant|i shall not) be (a problem|a burden|bothering) (after"
            "|from|any) (tonight|more|longer|tomorrow)",
            "(you wont|you will not|nobody will|no one will|youll never) (hear|see) from me"
            " (again|anymore|any more|ever again)",
            "(this is|its) (it|the end) (then|for me|tonight)",
            "(going away|go away) (tonight|for ever|forever|for good) ~ (not coming back|for good"
            "|forever|dying)",
            "(going|go) (away|off) (for good|forever|for ever) ~ (mean|dying|die|not coming)",
            "(not|never) coming back"),
    *_rules("urgent", "suicide", "a goodbye or a note",
            "(wrote|written|writing|write|left|leaving|made|finished) (a|my|the) (suicide|goodbye"
            "|farewell|last) (note|letter|letters|message)",
            "(wrote|written|writing|finished|left|made) (my|the|a) note",
            "(notes|note|letters|letter) (written|is written|are written|for everyone|to everyone"
            "|for my|4 mum|for mum)",
            "(written|wrote|writing|left) (letters|notes) (for|to) (everyone|my|the)",
            "this is goodbye", "goodbye (forever|for ever|cruel world|everyone|all|every1)",
            "this is (my|the) (last|final) (goodbye|message|post|msg)",
            "(last msg|last message|my last post)",
            "saying goodbye (to you all|to all of you|to the world|to this world|to everyone)",
            "(wanted|want|needed|need|just wanted) to say (goodbye|bye) (to you all|to all of you"
            "|while i can|while i still can|for the last time|before i go|before its too late"
            "|to everyone|to this group)",
            "(thank you|thanks) (all|everyone)? (for everything|for being my friends) ~ (goodbye"
            "|bye|last|this is it|sorry|x)",
            "(thank you|thanks) ~ for the last time",
            "(dont|do not) (look for me|try to stop me|try and stop me|try n stop me|try stop me"
            "|try and talk me out|try to talk me out|wait up)",
            "(dont|do not|wont|will not) need (them|these|it|my things|my stuff|em) (after|where"
            "|anymore|any more|no more)",
            "(look after|take care of|have) (my|mabel) (cat|dog|dogs|budgie|kids|bird) (for me)?"
            " ~ (wont|after tonight|not be|anymore)",
            "(wont|will not) be able to (anymore|any more) after (tonight|today)",
            "tell (my|mum|dad|my son|my mum|my daughter|ur mums|your mums|peter|them) ~ (i love"
            "|im sorry|sorry|that i|u love|you love)",
            "(sorry|sorry everyone|sorry mum) ~ (bye|goodbye)"),
    *_rules("urgent", "suicide", "putting affairs in order",
            "(giving|given|gave|give) (away)? (all)? my (things|stuff|belongings|possessions"
            "|guitar|records|tv|ps5|switch|jewellery|ring|watch|medals)",
            "(giving|given|gave) away my",
            "(sorted|sorting|put|putting|got|made|updated|written|wrote) (out)? (my|the)? (affairs"
            "|will|funeral plan|paperwork|house) (in order|sorted|with the solicitor|and)",
            "(everything is|everythings|its all|all) (in order|sorted|ready|in the envelope|done"
            " before i go)",
            "(put|putting|have put) (everything|my affairs|the house|things) in order",
            "(made|sorted|written|wrote|updated) my will",
            "(made|make) my peace",
            "(rehomed|rehoming|found a home for|found a good home for) (the|my)? ~ (dog|dogs|cat"
            "|cats|smudge|pets)",
            "(cancelled|cancelling) (my|the) (direct debits|phone contract|papers|milk)",
            "(paid|sorted) the funeral",
            "(passwords|bank details) (for|to) my ~ (after|wont need)",
            "(after|when) im (gone|dead)"),
    *_rules("urgent", "suicide", "at a place of danger now",
            "(im|i am|i m|ive gone|ive come|been|sat|sitting|stood|standing|climbed|parked"
            "|waiting) (on|at|by|to|onto|over|up|near|in|from|on top of|down to|down by|up on) ~"
            " {place}",
            "(on|at) the (bridge|roof|tracks|level crossing|cliffs|cliff|edge|multistorey"
            "|multi storey|top floor|railway bridge|footbridge|quarry|train tracks|train track)"
            " (now|rn|right now|again)",
            "(on|at) the (edge|wrong side) of (the|a)? ~ (roof|bridge|cliff|cliffs|car park"
            "|multistorey|multi storey|quarry|platform|rail|railing)",
            "(climbed|climbing|climb) (over|onto|on to|up onto|out onto|out of) (the|a)? ~ (fence"
            "|rail|railing|railings|barrier|wall|roof|ledge|window|edge)",
            "(legs|feet) (are)? (over|dangling|danglin|over the side)",
            "(let|letting) go",
            "(leaning|lean) (further|over) (over)?",
            "(looking|look|looked) (over|down from) the (edge|side|drop)",
            "(waiting|wait) for the (train|next train|fast train|fast one)",
            "(the|next) (train|fast train|fast one) ~ (due|doesnt stop|comes|coming|in)"),
    *_rules("urgent", "suicide", "a method named",
            "(jump|jumping|jum|throw myself|throwing myself|go|going|step|stepping|walk|walking"
            "|lie|lay|lying|laying) (off|from|in front of|under|onto|on|down on|into) ~ {place}",
            "(jump|jumping|jum|throw myself|throwing myself|step|stepping|walk|walking|lie down"
            "|lay down) (in front of|under|out in front of|into) (a|the|next)? ~ (train|lorry"
            "|lorries|bus|car|cars|traffic)",
            "(walk|walking|step|stepping|go|going|drive|driving) (in|into|out into) (the)? ~"
            " (traffic|river|sea|water|reservoir|canal|quarry)",
            "(jump|jumping|jum|go over|going over|gonna go over|go off) ~ (tonight|now|rn)",
            "(gonna|going to|want to|i will|ill|im going to) (jump|jum|go over)",
            "(i want to|want to|gonna|going to) (fall|go in)",
            "(drive|driving|drove|crash|crashing) (into|off|in2|in to) ~ (wall|tree|oak|bridge"
            "|quarry"
            "|pillar|sea|cliff|lorry|river|reservoir|end)",
            "(car|engine) ~ (garage|running|hose|hosepipe)",
            "(hose|hosepipe) (in|on|into) the (car|boot|exhaust)",
            "(put|tie|tied|tying|something) ~ (round|around) my neck",
            "(noose|ligature) (is)? (tied|ready|made)",
            "(rope|belt|cable) ~ (tied|up there|ready|in the|is ready|sorted)",
            "(take|taking) the handbrake off",
            "(turned|turn|turning|put) the gas on",
            "rocks in my pockets",
            "(go|going|walk|walking) in the (water|sea|river)",
            "(not|never) (take|taking) the bend",
            "(swim|swimming) ~ (wont|not) (be swimming|swim|coming) back"),
    *_rules("urgent", "suicide", "the means at hand",
            "(bought|buying|ordered|got) (a|some|the)? (rope|ligature|noose|charcoal)",
            "(made|tied|tying|making|bought) (a|the)? noose",
            "(have|got|gt|ive got|i have) (the|enough|all the|all my|my) (pills|tablets|tabs|rope"
            "|blades|razor blades|insulin|paracetamol|belt) (saved|saved up|lined up|hidden"
            "|stashed|ready|counted|put by|sorted)",
            "(have|got|ive got|i have) (enough|all my|the|my) ~ (saved|put by|put aside|ready)",
            "(have|got) (the|enough) (pills|rope|blades|razor blades|tabs) ready",
            "enough (pills|tablets|paracetamol|painkillers|insulin) (to|put by to) (kill me|kill"
            " myself|do it|end it|die)",
            "{means} (is|are|s)? (ready|sorted|lined up|counted out|saved up|in the boot|in the"
            " car|tied|up there|by the bed|in my pocket|in my bag|in the cupboard)",
            "(got|gt|bought|have|ive got|i have) ~ {means} ~ (ready|tonight|rn|2nite|in my room"
            "|in my pocket|in my bag|in the boot|saved)",
            "(stockpiling|stockpiled|saving up|saved up|saving|hoarding|hoarded|been saving|been"
            " collecting|putting aside|put aside|putting by|put by|been keeping|kept|keeping)"
            " (my|the|up my|all my|a|them|up|his|her)? ~ {medicine}",
            "(bought|buying|ordered|got) (loads|lots|boxes|packets|a load|a lot|4 packs|packs"
            "|lots of boxes|nine packets) (of)? {medicine}",
            "(different|3|three|several) (shops|chemists)",
            "(got|have|ive got|i have) ~ (knife|blade|blades|scissors|axe|gun) ~ (in my room|from"
            " the kitchen|under my pillow|for himself|for herself)",
            "how (many|much) {medicine} ~ (to die|to kill me|to kill myself|would kill me"
            "|to overdose|to od|is lethal|is fatal|be lethal|be fatal)"),
    # --- Signs: each alone is not urgent; two different kinds together are -------------
    *_rules("sign", "suicide", "a time",
            "(tonight|tonite|tomorrow|this weekend|this wknd|by morning|by the morning"
            "|christmas eve|in an hour|after tea|when everyones asleep|when everyone is asleep"
            "|after everyone|before anyones up|before anyone wakes|next friday|on thursday"
            "|on saturday"
            "|on sunday|sat nite)"),
    *_rules("sign", "suicide", "the means",
            "(got|gt|have|ive got|i have|bought|saved|found|theyre) ~ {means}",
            "{means} (ready|saved|sorted|in my|in the|by the|under)"),
    *_rules("sign", "suicide", "a goodbye",
            "(bye|goodbye|farewell) (everyone|all|guys|x|world|forever)?",
            "(sorry|im sorry) (for everything|everyone|mum|dad|for being like this)",
            "(thank you|thanks|thx) (all|everyone|to every1|to everyone)? ~ (for everything|for"
            " being|for putting up|who tried|for the company|for listening)",
            "(luv|love) (u|you) all",
            "(note|letter|message) saying",
            "(wont|will not) talk to you again"),
    *_rules("sign", "suicide", "a wish to end it",
            "(end it|ending it|end things|end my life|kill myself|be dead|be gone|not be here"
            "|not be around|go through with it|finish it|be at peace|be free)",
            "(im|i am|gonna|going to|ill|i will|i shall|im going to) (do|doing|doin) it",
            "be with (her|him|them|mum|dad|mam|tom|ron|grandad|nan|margaret|my ron|my husband"
            "|my wife)",
            "(going to|gonna|want to) (be with|see|go home to|join) (my|her|him|mum|mam|dad"
            "|grandad|nan|mother|the angels) ~ (tonight|now|in the sky|in heaven|who died)",
            "(im|i am) (ready|ready to go)",
            "(had|have had) enough (of everything|of it all)?",
            "(im|i am) (going|goin) (tonight|now|in|over|down there)",
            "(want|wanna|waiting for) (them|it|a car|the train|the lorries|a lorry|a bus) to"
            " (hit|run over|run) me",
            "(stop|lie|lay|lie down|lay down|lying|laying) (on|down on) (it|the line|the tracks"
            "|the track|the railway)",
            "(go|going|gonna go) to sleep (and|n) (not|no|never) (wake|waking)",
            "(take|taking) the big sleep",
            "(ready|ready to go) now",
            "nothing (else)? (to|2) say",
            "(i am|im) not safe",
            "(deep|high|far) enough",
            "(whole|hole) lot"),
    *_rules("sign", "suicide", "a time",
            "(when|wen|once|after|till|until) (my|mum|dad|he|she|the|everyone|every1|everyones"
            "|i|they|hes|shes|the last|my daughters|the rents) ~ (goes|go|leaves|left|gone|asleep"
            "|out|at work|to work|finish|finished|paid|discharged|wedding|funeral|get home|home)",
            "(this evening|sat nite|later tonight|l8r|on the 1st|next sunday|next saturday)",
            "(after|when|once) i (finish|post|send|get home)"),
    *_rules("sign", "suicide", "a wish to end it",
            "(then|and then|once|after|tonight|and) (im|i am|ill|ill be|i will be) going",
            "(doing|doin|do) it (after|when|once|tonight|now|2nite|as soon as)",
            "(thats|this is) it",
            "(planned|planning) it",
            "(got|have) it all (planned|worked out|sorted|ready)",
            "(its|everything is|everythings) (all)? ready",
            "(written|wrote) down the plan",
            "(made|making|has made) (his|her|my|their) plan",
            "(see|c) (you|u|ya) never"),
    *_rules("sign", "suicide", "at a place of danger",
            "(going|go|walk|walked|walking|drove|driving|drive|gone|went) (to|down to|up to|out"
            " to) the ~ {place}"),
    *_rules("sign", "suicide", "drink with it",
            "(bottle|litre|can|cans|half a bottle) of (vodka|gin|wine|whisky|cider|white wine"
            "|beer|rum|brandy)",
            "with (a|the)? (whisky|vodka|gin|beer|wine|cider|cocoa)"),
    *_rules("sign", "self-harm", "self-harm done",
            "(cut|cuts|burned|burnt|banged|scratched|hit|sliced) (myself|my arm|my arms|my wrist"
            "|my wrists|my head|my legs|my leg|my thigh|my thighs|into my|my hand|her arm|his arm"
            "|her wrist|his wrist|her arms|his arms)",
            "(on purpose|deliberately|wanted to hurt me|wanted to hurt myself|did it with)",
            "(drank|drunk|swallowed|drinking|ate) (the|some|a)? (bleach|shampoo|drain cleaner"
            "|antifreeze|weedkiller|batteries|pins|magnets|glass|button)",
            "(headbanging|headbangin|head banging|banging my head|put a needle|used a lighter"
            "|cut and cut)"),
    *_rules("sign", "self-harm", "an injury",
            "(bleeding|bleedin|blood|bubbles|blistered|blister|bubbly|spurting|artery|blacked out"
            "|lost count)",
            "(vision|eyes) ~ blurry",
            "(stomach|stomachs|throat|mouth) (is|s)? (on fire|burning)",
            "(cut|cuts|wound|wounds|burn|burns) (is|are|has|have|s)? (got)? infected",
            "(arm|arms|leg|legs|wrist|wrists|thigh|thighs) (is|are|s)? (a mess|swollen|purple"
            "|numb)"),
    *_rules("urgent", "suicide", "someone else at risk now",
            "(my|our|the) (son|daughter|husband|wife|dad|mum|brother|sister|friend|partner|mate"
            "|girlfriend|boyfriend|lad|wifes|husbands) (is|s) (on|at|by|in) (the)? ~ {place}",
            "(says|said|told me|telling me) (that)? (he|she|they|hes|shes)?"
            " (wants to die|want to die|wants to kill|does not want to live|doesnt want to live"
            "|has to die|is going to die|will kill|going to go)",
            "(tied|tie|tying|put|has put|has tied) (something|a belt|a rope|a cord|a scarf|a"
            " tie) (really)? (tight)? (round|around) (his|her|their|my) (neck|arm)",
            "(drank|drunk|swallowed|drinking|drink) (some of|a bit of|the|some)? (the)? (bleach"
            "|drain cleaner|antifreeze"
            "|weedkiller)",
            "(shes|hes|she is|he is|theyre|they are|sayin shes|saying shes|saying hes) (cutting"
            "|self harming|harming|hurting) (herself|himself|themselves)? (now|again|rn|right"
            " now|and|n)?"),
    *_rules("sign", "suicide", "tablets taken",
            "(took|taken|had|swallowed|downed|have took|have taken) (all)? (my|the|her|his)?"
            " (mums|dads|nans|wifes|husbands|brothers|sisters|late wifes|late husbands) {medicine}",
            "(took|taken|swallowed|had|have took|have taken) (all|every) (my|the|of my|of the|her"
            "|his)? {medicine}",
            "(took|taken|swallowed|downed) {medicine}",
            "(pills|tablets|tabs|paracetamol) (saved|saved up|in a cup|in my bag|in my pocket)"),
    *_rules("sign", "suicide", "an amount",
            "{many} (of them|of my|of mums|of her|of his)",
            "(a lot|loads|lots) of them",
            "{many} {medicine}"),
    # --- Suicide, concern ---------------------------------------------------------------
    *_rules("concern", "suicide", "a wish not to be alive",
            "(wish|wishing|pray|hope) (i was|i were|i could be|to be|id be|i wasnt|i werent) ~"
            " (dead|here|alive|around|born)",
            "wish i (could|would|had) (just)? (die|died|not wake up|never wake up|disappear"
            "|vanish|go to sleep|fall asleep|not exist|stop existing)",
            "(hope|wish|pray|praying) (i|that i)? (dont|never|wont) wake up",
            "(wouldnt|would not) mind (if i|not) (didnt|waking|dying|died|waking up)",
            "(wouldnt|would not) mind (going|dying|slipping away|not waking up) (now|soon"
            "|tonight)?",
            "(go to sleep|fall asleep|sleep) and (never|not) wake up",
            "(sleep|go to sleep) forever",
            "(wish|hope) (a|the) (bus|car|lorry|train) (would)? (hit|hits) me",
            "(better|easier|happier) (off)? (without me|if i was dead|if i was gone|if i wasnt"
            " here|if i werent here|dead|if i wasnt around)",
            "(everyone|everybody|they|people|my family|the kids) (would be|is|will be|are|d be)"
            " (better|happier) (off)? without me",
            "(wanted|wants|wanting) to die",
            "(dont|do not) want to (be here|wake up)",
            "(cant|cannot) be here (anymore|any more)",
            "(wish|wished|wishing) i (was|were|had been|d been) never born",
            "(want|wanting|wanna|just want) (to)? (disappear|vanish|stop existing|not exist"
            "|cease to exist|fade away|not wake up|sleep forever)",
            "(what|whats) the point (of me|in me|of living|of being alive|of being here)",
            "(im|i am|i feel|feel|feeling|felt|been|get|getting|gone|went|very|so|bit|quite"
            "|really|more) suicidal",
            "(my|having|have|get|getting|had|having some|the) (suicidal thoughts|thoughts of"
            " suicide|thoughts of ending it|thoughts of killing myself|suicidal feelings)"),
    *_rules("concern", "suicide", "a wish not to be alive",
            "(wish|wished) i (could|cud|cld)? (just)? (disappear|dissapear|disapear|evaporate"
            "|fade away|fade|stop|not exist|vanish|go|sleep|die)",
            "(hope|hopes|hoping|hoped) (it|something|the cancer|i|they|thats it|its over|i get"
            "|i die|id die) ~ (takes me|comes|comes back|get really ill|dont wake|wont wake"
            "|thats it|sooner|over|die|dead)",
            "(disappointment|disappointed|gutted) (that)? i (woke|wake|am still)",
            "(id|i would|i think i would|i think id) (rather go|be relieved|feel relieved|not"
            " mind)",
            "(lived|living) too long",
            "(ready to go|ready to die) (whenever|any time|anytime|when)",
            "(not|never|wont|wouldnt) (going to|gonna|do) (do)? (anything|owt|anything silly"
            "|anything foolish"
            "|anything daft|it) (silly|daft|stupid)?",
            "(easier|better) (if i|not to be|if i just) (wasnt|was not|wasnt around|not here"
            "|be here|didnt exist|disappeared)",
            "(wish|wishes) (he|she|they) (was|were) dead",
            "(if i|if i just) (didnt|did not|never) (wake|woke) up",
            "(why was i|why was i even) born",
            "(ask|asked|pray|praying) ~ not (to)? (let me)? wake up",
            "(switched off|unconscious|not dead exactly)",
            "(passive|passive suicidal) thoughts"),
    *_rules("concern", "general", "hopelessness",
            "(nothing|nothin|nothings) (ever)? (changes|will change|gets better|to look forward"
            " to|makes sense|coming|left for me|left of me|there)",
            "(cant|cannot|dont) (see|picture|imagine) (myself|a future|it ever|me|what ive)",
            "(no|nothing) (to look forward to|point to the days|point in planning)",
            "(just|only) (existing|marking time|waiting)",
            "(not|never) (going to|gonna) (change|turn around|get better)",
            "(given up|give up|gave up|done|stopped) (believing|hoping|trying)",
            "(always|will always) be (bad|the same|like this)",
            "(same|the same) (every day|four walls|rubbish|as last year)",
            "(whats|what is) left for me",
            "(running on empty|stuck at the bottom|no version of my life)",
            "(dont|do not) know how to (any more|anymore|carry on|keep going)",
            "(why|y) (do i|i) even bother",
            "(whats|what is) the point"),
    *_rules("concern", "suicide", "thoughts of suicide",
            "(thinking|think|thought|thoughts) (about|of) (suicide|killing myself|ending it"
            "|ending my life|dying|taking my life)"),
    *_rules("concern", "suicide", "feeling a burden",

            "(a|such a|such|nothing but a|only a|just a|massive|huge) (burden|drain|nuisance"
            "|waste of space|waste of oxygen|waste of air)",
            "burden (on|to) (everyone|my family|my kids|the kids|people|them|you all|others|my"
            " partner)",
            "(no one|nobody|noone) would (miss|notice|care) (me|if i)",
            "(costing|cost) (everyone|money|them)",
            "(im|i am|feel) (useless|worthless|no use|no good|in the way|a waste|always trouble"
            "|a failure|a disappointment|pathetic)",
            "(whats|what is) the (use|point) of me",
            "(ruining|ruin|ruined) (everyones|their|everybodys) (lives|life)",
            "(give|gives|giving) nothing back",
            "taking up (oxygen|space|room)",
            "(cost centre|wasting their time|wasting your time|wasting everyones time)",
            "(useless|worthless|nuisance|burden)"),
    *_rules("concern", "suicide", "a past attempt",
            "(attempted|tried|attempt|attempts|attempting) (suicide|to commit suicide)",
            "(tried|tryed|attempted|trying|try|tries) to (end it all|end it|do away with myself"
            "|do myself in"
            "|top myself|take my life|take my own"
            " life|hang myself|die|kill myself|end my life|overdose|drown myself)",
            "(my|an|the|last|first|second|two|three|previous|past) (attempt|attempts|overdose"
            "|suicide attempt)",
            "(after|since) (my|the|an|i) (attempt|overdose|tried)",
            "(sectioned|icu|intensive care|stomach pumped|psych ward)",
            "(jumped|jumps) (off|from|in front of|under) (a|the) ~ (bridge|train|cliff|building"
            "|roof|multi storey|multistorey|car park)"),
    *_rules("concern", "suicide", "ending one's life named",
            "(kill|killed|killing|hang|hanging|hanged|hung|drown|drowning|shoot|poison|gas"
            "|unalive|unaliving) myself",
            "(take|took|taken|taking) my own life",
            "(end|ending|ended) my (own)? life",
            "(going to|gonna|want to|ready to|about to) end it",
            "(ligature|ligatures|a noose)",
            "(kill|killing|killed|hang|hanging|hanged|hung) (himself|herself|themselves|themself)",
            "(end|ending|ended|take|taking|took|taken) (his|her|their) (own)? life",
            "saying (my)? goodbyes",
            "(im|i am) sorry for everything"),
    # --- Hopelessness and distress, concern ---------------------------------------------
    *_rules("concern", "general", "hopelessness",
            "(no|not any|nothing) (reason|reasons) (to live|for living|to go on|to carry on)",
            "nothing (left)? to live for",
            "(no|nothing|whats the|what is the|whats even the) point (in|of)? (living|being alive"
            "|life|anything|anymore|any more|me|trying|it)",
            "(no|whats the|what is the) point (in|of) (going on|carrying on)",
            "(life|my life) (isnt|is not|aint|is no longer|not) worth living",
            "(cant|cannot|can not) (go on|carry on|keep going) (like this|anymore|any more)",
            "(cant|cannot) go on", "(cant|cannot) do this (anymore|any more|much longer"
            "|any longer)",
            "(cant|cannot|cant even) (cope|take it|take this|deal with it|deal with this|deal"
            " with life|manage)",
            "(given|giving|give) up on (life|everything|myself|living|me)",
            "(had|have had) enough of (life|living|everything|it all|being alive)",
            "(want|wanting|need|just want) (it all|everything|the pain) to (stop|end|be over)",
            "(hopeless|pointless|no hope|no future|never get better|never change|wont get better"
            "|nothing will change|nothing ever changes|whats the use|no way forward)",
            "(no|cant see a|cannot see a|theres no|not seeing a|not seeing any) way (out|forward"
            "|through)",
            "(cant|cannot) see (a|any) (future|way|point|light|end)",
            "(end of my tether|at breaking point|at the end of my rope|wits end)",
            "(in|such|back in) a (really|very|bad)? dark place",
            "(why|y) (do i|bother) (bother|even try|try)",
            "(always|keep) end up back"),
    *_rules("concern", "general", "distress",
            "(cant|cannot|can not|couldnt) (stop crying|breathe|sleep|stop shaking|think straight"
            "|stop thinking|eat|get out of bed|face)",
            "(crying|cried|cry|sobbing|wept|weep) (all|every|so|again|myself|at|on|in|and|for"
            "|every day|all night)",
            "(panic attack|panic attacks|panicking|flashbacks|nightmares|dissociating|unreal"
            "|numb|overwhelmed|breaking down|falling apart|meltdown|exhausted|running on fumes)",
            "(so|really|very|getting) (scared|frightened|terrified|lonely|alone|anxious|low"
            "|down|depressed|desperate|lost|trapped|empty|hopeless|ashamed|broken|afraid|numb)",
            "(im|i am|feel|feeling|im so|i am so|im really|i feel so|feel so|feeling so) (scared"
            "|frightened|terrified|lonely|alone|anxious|low|down|depressed|desperate|lost|trapped"
            "|empty|sad|upset|hopeless|worried|ashamed|guilty|awful|broken|afraid|confused|numb"
            "|tired of|rubbish|terrible|horrible|dreadful|unsafe)",
            "(im|i am|i feel) (drowning|sinking|struggling|not ok|not okay|not coping)",
            "(not|never) (coping|sleeping|eating)",
            "(voices|the voice|a voice|voice) (are|is|r|keep|telling|started|again|say|saying)",
            "(hearing|hear|heard) (voices|a voice|a mans voice|things)",
            "(lonely|loneliness|nobody comes|no one comes|nobody rings|got nobody|have nobody"
            "|no one to talk to|nobody to talk to|on my own a lot|all alone|no friends"
            "|nobody left)",
            "(paranoia|paranoid|someone is|someone has been|someones been) ~ (in the flat|in my"
            " house|following|watching|poisoning|through the roof|moved)",
            "(who are these|who is this|where is|wheres|where am i|where is everyone|i dont"
            " know where|i dont know what day|what day is it|is it morning|is it tonight)",
            "(i want|want) (to go home|my mum|my mother|peter|my husband|my wife)",
            "(dont|do not) know (what to do|whats wrong|why|who i am|where i am|how much longer)",
            "(hate|hating|loathe) (myself|my life|who i am|me|who im becoming|what ive become"
            "|what im becoming)",
            "(self hatred|self loathing|worthless|failure)",
            "(scared|afraid|frightened|terrified) (of|to)",
            "(feel|feeling|felt) (like)? (a|such a)? (failure|fraud|joke|mess|wreck|nothing"
            "|invisible|trapped|unreal)",
            "(everyone|everybody|people) (hates|hate|laughing at|laugh at|talking about|stares"
            "|stared|staring) (me)?",
            "(ashamed|disgusting|disgusted|embarrassed|humiliated|shame)",
            "(lost|losing) my (mind|memory|job|home|house|temper)",
            "(struggling|struggle|hit a wall|burnt out|burned out|worn out|at my wits)",
            "(grieving|so quiet since|since he died|since she died)",
            "(cry|crying|cried|tears|in tears|wept)"),
    # --- Self-harm ----------------------------------------------------------------------
    *_rules("urgent", "self-harm", "intent to self-harm now",
            "{intend} (just)? (cut|burn|hurt|harm|punch|hit|bang|scratch) (myself|me|my self"
            "|my head|my arm|my arms|my legs)",
            "{intend} (sh|self harm|cut) (tonight|again|so bad|so badly|deep|deeper|really bad)",
            "(want to|need to|going to|gonna|about to|wanna) cut (again|tonight|so bad|so badly"
            "|deeper|deep|myself|me)",
            "(gonna|going to) (go|cut) (deep|deeper)",
            "(cut|cutting) (deep|deeper) (tonight|this time)"),
    *_rules("urgent", "self-harm", "an injury that needs care now",
            "(just|ive just|i just|have just|i have) (cut|burnt|burned|harmed|scratched"
            "|swallowed) (myself|my arm|my arms|my wrist|my wrists|my legs|my leg|my thigh"
            "|my thighs|my stomach|my hand|a|the|some)",
            "(cut|cutting|burnt|burned|gone|went) (too|really|so|way too) (deep|far)",
            "(cut|cuts|wound|wounds|arm|arms|wrist|wrists|leg|legs|thigh|thighs|it|bleeding) ~"
            " (wont|will not|doesnt|does not|not) stop (bleeding)?",
            "(cant|cannot) stop the bleeding",
            "(bleeding|bleedin|blood) (loads|a lot|everywhere|through|wont stop|from)",
            "(soaked|soaking) (through|in blood|with blood)",
            "(towel|t shirt|tshirt|bandage|plaster|dressing|tea towel|it|its) (is|s)? (soaked"
            "|soaking)",
            "(deep|gaping|open) (cut|cuts|wound|wounds)",
            "(edges|skin) (are|is|has|had)? (pulling apart|gaping|come off|came off|white|black)",
            "(can see|i can see) (fat|bone|the fat|yellow)",
            "(slit|slitting|slash|slashing|cut|cutting) my (wrist|wrists|throat)",
            "(blacked out|passed out|vision is|cant see properly|head is bleeding|concussion)",
            "(on purpose|deliberately) ~ (burn|burned|burnt|blister|blistered|bubbles|hot)",
            "(burn|burnt|burned|blister|blistered|bubbles|bubbly) ~ (on purpose|deliberately"
            "|infected|white|black)",
            "(swallowed|swallowing|ate|eaten) (the|some|a|4|batteries|pins|magnets|glass|bleach"
            "|a battery|button) ~ (magnets|pins|batteries|battery|glass|bleach|razor|blade)",
            "(should|do) i (go to|go in to|go into)? (a&e|a and e|a e|hospital|go in)",
            "(a&e|a and e|a e) or (nah|not)",
            "(infected|feverish|fever)",
            "(head banging|banging his head|banging her head|banging my head|hit my head|hitting"
            " my head|hitting his head|hitting her head) ~ (blood|wall|floor|so hard)",
            "(took|take|taking|got) the (blade|blades) out of (a|my|the) (razor|razors|sharpener"
            "|pencil sharpener)"),
    *_rules("concern", "self-harm", "self-harm",
            "(i|im|been|started|my|keep|still|the urge to|urges to|urge to|used to) (self harm|self"
            " harming|self harmed|selfharm|selfharming|sh|shing|self injure|self injuring)",
            "(my|the) (scars|cuts|burns)",
            "(cut|cutting|burn|burning|burnt|burned|hurt|hurting|harm|harming|hitting|punching"
            "|scratch|scratching|scratched|bang|banging) (myself|me|my self|my arm|my arms|my legs"
            "|my wrist|my wrists|my thighs|my head|my skin)",
            "(urge|urges) to (cut|self-harm|harm|burn|hurt myself)",
            "(relapsed|relapse|relapsing|slipped up|had a slip) ~ (cut|cutting|self-harm|sh"
            "|burning|harming)",
            "(cutting|harmed|harming|sh) again", "(i|ive|i have) cut again",
            "(fresh|new|deep) (cuts|wounds|burns|scars) on my",
            "(days|weeks|months|years) (clean|free) (from|of)? (self-harm|cutting|sh|harming)"),
    # --- Overdose -----------------------------------------------------------------------
    *_rules("urgent", "overdose", "an overdose",
            "{intend} (overdose|od|take an overdose|take an od|have an overdose|take them all"
            "|take the lot|take them|have them all|take all)",
            "{intend} (take|have|swallow) (all|all of) (my|the|her|his|them)? ~ {medicine}",
            "(just|ive just|i just|have just|ive|i have|i) (taken|took|had|done|swallowed) (an"
            "|a)? (overdose|od)",
            "(took|taken|take|taking|swallowed|downed|necked|had|have had|ive had|i had|had all"
            "|mixed) ~ {many} ~ {medicine}",
            "(took|taken|swallowed|downed|necked|had) ~ {medicine} ~ (like|about|maybe|over|nearly"
            "|around|at least) {many}",
            "{medicine} ~ {many} of them",
            "(took|taken|swallowed|downed|necked) (about|like|maybe|over|nearly|around)? {many}"
            " (already|rn|now|of them|all together|at once|in one go)",
            "(taken|took|had|swallowed) (them|it|the rest|everything|the first) (all|at once"
            "|in one go|already|bye|now|rn)",
            "(taken|took|had|swallowed|taking) (the lot|the whole lot|every tablet|evry tablet"
            "|them all|all of them|the first lot|the first)",
            "(taken|took|had|taking) the (whole|lot)",
            "(taking|take|having|swallow|swallowing) (the lot|them all|all of them|the whole lot"
            "|all the tablets|all my tablets|all my pills) (tonight|later|now|this evening|at once"
            "|in one go|on the walk)",
            "(o d ing|oding|odd ing|o ding)",
            "(i|ive|i have|just|already|hes|shes|he has|she has|theyve) (odd|o d|od)",
            "(empty|emptied) ~ (box|packet|bottle|blister)",
            "(tablets|pills|meds) ~ (to die|with beer|with vodka|with wine|with cider|with gin"
            "|with whisky|with a whisky)",
            "(took|had|taken) (my|his|her) (tablets|pills|meds) (twice|three times|again)"),
    *_rules("concern", "overdose", "overdose named",
            "(overdose|overdosed|overdosing|overdoses|0v3rd0se)",
            "(took|take|taken|taking|had|done) an od",
            "od on (pills|tablets|paracetamol|meds|my meds|my tablets|my pills|painkillers"
            "|insulin|sleeping pills|my medication)",
            "(lethal|fatal|deadly) (dose|doses|amount|overdose)"),
    # --- Someone else at risk now, as a carer, parent or friend tells it ----------------
    *_rules("urgent", "suicide", "someone else at risk now",
            "{they_intend} (just)? (kill|hang|drown|hurt|harm|cut|end|unalive|top|off) {someone}",
            "{they_intend} (kill|hang|drown|end|do) (it|her life|his life|things)",
            "{they_intend} (do it|end it|jump|go over|go in|walk out and end it|finish it|go"
            " through with it|take them all|take the lot)",
            "{they_intend} (go|going) (to|on|in) (the)? ~ {place}",
            "(kill|hang|drown|hurt|unalive) {someone} (tonight|today|now|right now|this weekend"
            "|tomorrow)",
            "(has|hes|shes|theyve|just|he has|she has|they have) (taken|took|swallowed) ~"
            " {medicine}",
            "(has|hes|shes|he has|she has|just) (cut|hurt|burned|burnt|hanged|hung) {someone}",
            "(locked|locks|has locked) {someone} (in|into) ~ (with|and|says|knife|tablets|pills"
            "|bathroom|garage|bedroom)",
            "(isnt|is not|wont|will not) (waking up|wake up|breathing)",
            "(going|gone|goes) floppy"),
    *_rules("sign", "suicide", "help called for now",
            "(called|rung|rang|ringing|calling|call|ive rung|ive called|phoned) (999|an ambulance"
            "|the police|police|the crisis team)",
            "(ambulance|police) ~ (on its way|on their way|coming|called)",
            "(urgent|escalate|escalating|flagging|safeguarding flag|mods)",
            "(need|needs) (a mod|someone|a second mod)"),
    *_rules("sign", "suicide", "not answering",
            "(stopped replying|stopped responding|not replying|not responding|gone quiet|went"
            " quiet|typing less|not answering|isnt answering|wont answer|wont reply|not answerin"
            "|missing since|gone missing|been missing|cant find her|cant find him)",
            "(car|cars|his car|her car|his cars|her cars) (is|s|has)? gone",
            "(hes|shes|he has|she has|theyve) (gone|driven|walked) (out|off)"),
    *_rules("sign", "suicide", "at a place of danger",
            "(hes|shes|theyre|he is|she is|they are|im|i am) (on|at|by|the)? ~ {place}"),
    *_rules("urgent", "suicide", "at a place of danger now",
            "(at|on|by) the (level crossing|tracks|train tracks|railway line|train line|railway"
            "|cliff edge|edge of the cliff|edge of the roof)",
            "(suicide|sucide) (is happening|tonight|at|2nite|tomorrow|today)"),
    # --- Harm to others -----------------------------------------------------------------
    *_rules("urgent", "harm-to-others", "intent to harm someone",
            "(going to|gonna|want to|wanna|about to|i'll|i will|ill|im going to) (kill|hurt|stab"
            "|strangle|batter|murder|attack|smother|glass|cut|hit|punch|poison|push|burn|shoot)"
            " (him|her|them|someone|somebody|people|everyone|his|her|my|the)",
            f"(going to|gonna|want to|wanna|i'll|ill|i will) (kill|hurt|stab|strangle|hit) my"
            f" {PEOPLE}",
            "(bring|bringing|take|taking|carry|carrying|put|putting|got|ive got|have) ~ (knife"
            "|blade|gun|weapon|stanley knife|bat|axe|hammer|scissors|bleach|air rifle|iron) ~"
            " (school|college|work|uni|bag|house|for him|for her|pillow|hand|there|over)",
            "(waiting|wait) (outside|for) ~ (with)? (a|the)? (knife|bat|bottle|hammer|axe|bleach)",
            "(going|goin|heading) (there|down there|over there|round) ~ (with|wiv|w) ~ (knife"
            "|bat|axe|hammer)",
            "(someones|someone is|hes|shes) (gettin|getting|going to get) hurt",
            "(im|i am) (going to|gonna) (make|let) (him|her|them) suffer",
            "(going to|gonna) suffer",
            "(stick|put|pour) ~ (in him|in her|over him|over her|in his|in her)",
            "(poison|rat poison|bleach) ~ (in his|in her|tea|drink)",
            "(crushed|crushing) (up)? (his|her) (tablets|pills)",
            "(hand|pillow|hands) (over|round|around) (her|his) (mouth|face|neck|throat)",
            "(held|hold|holding) (him|her) (down|under)",
            "(want|wanted) (to)? (keep going|her to|him to) ~ (fall|hit|hurt|die)",
            "(stab|strangle|murder|smother) (him|her|them|someone|somebody)",
            "(ruining|ruin) her face",
            "(if|when) (they|he|she) (touch|touches) me ~ (using it|use it|stick)",
            "(im|i am|will be) using it"),
    *_rules("concern", "harm-to-others", "thoughts of harming someone",
            "(kill|hurt) (someone|somebody)",
            "(scared|afraid|frightened|worried|terrified) (that)? (i|im|ill) (might|could|will)"
            " (hurt|harm|kill|hit|push|drop) (someone|somebody|my baby|my child|my kids|him|her"
            "|them|people)",
            "(thoughts|thinking|thought|images|pictures|picture|picturing|flash) (of|about|in my"
            " head)? ~ (hurting|killing|harming|stabbing|pushing|shoving|dropping|throwing"
            "|hitting|drowning|smashing|jumping|driving)",
            "(what if i|keep thinking i will) ~ (hurt|stab|throw|push|drop|jump|hit)",
            "(intrusive|nasty|horrible|bad|wicked|violent|knife|dark) (thoughts|thought|images"
            "|pictures|picture)"),
    # --- Abuse --------------------------------------------------------------------------
    *_rules("urgent", "abuse", "abuse happening now",
            "(threatened|threatening|threatens|tried|trying) to (kill|strangle|stab) (me|us|the"
            " kids|my kids)",
            "(hes|shes|theyre|he) (going to|gonna|will) kill (me|us)",
            "(scared|afraid|frightened|terrified) (he|she|they) (will|is going to|are going to"
            "|might) kill (me|us)",
            f"(he|she|they|hes|shes|he keeps|she keeps|staff|{ABUSERS[1:-1]}) ~ {HURTS} (me|us|my"
            " sister|my brother|her|him)",
            f"my {ABUSERS} {HURTS} me",
            "(hitting|hittin|kicking|hurting|hurtin|touches|touching|hit) (me|us) (again|now|rn"
            "|right now|tonight)",
            "(locked|locks) me (in|out)",
            "(locked|hiding|hidin) in (the)? (bathroom|toilets|toilet|bedroom|room|cupboard)",
            "(kicking|banging|bangin) (the|my)? ~ (door) (in|down)?",
            "(scared|afraid|frightened|terrified) to (go home|go back home|go to bed|go out"
            " there|go to work)",
            "(coming|comes|come) (back|round|home) (tonight|later|for)",
            "(when|once) (he|she) (gets|comes) (back|home|up|out)",
            "(makes|forces|forcing|making) me (to)? (have sex|do sexual|do things|touch|watch"
            " porn|sleep with|sign|hand over|give him|give her|go to his|get in)",
            "(comes|came) in my room at night",
            "(its|it is) (a)? secret",
            "(sending|send) the (pics|pictures|photos)",
            "(raped|raping|rapes|abusing|touching) me (again|tonight|last night|now|every)",
            "(slap|slapped|slapping|hitting|screaming at) (her|him|the kid|the child|the little"
            " girl|a resident|mum|dad)",
            "by (my|the) (neck|hair|throat|ankle|arm)"),
    *_rules("concern", "abuse", "abuse",
            "(being|been|getting|get|got|was) (hit|beaten|abused|raped|assaulted|attacked|groped"
            "|strangled|choked|battered|punched|slapped|kicked|pushed)",
            "(scared|afraid|frightened|terrified) (of|to go home to) (him|her|my)",
            "(controls|takes|took|keeps|has taken|steals|stole|had) (all|every penny)? (my|of)"
            " (money|bank card|benefits|pension|passport|wages|pip|cards|rings|phone)",
            "(wont|doesnt|never) (let|lets) me (go out|leave|see my|see anyone|have my|talk to"
            "|out of the house|have any money)",
            "(domestic|sexual|emotional|financial|child|physical) (abuse|violence|assault)",
            "(abusive|violent|controlling) (relationship|partner|husband|boyfriend|wife|girlfriend"
            "|marriage|dad|father|mum|mother|carer)",
            "(abuse|abused|abusing|bruise|bruises|bruised|purple|raped|rape|sexually assaulted"
            "|sexually abused|molested)",
            "(made|forced) me (to)? (have sex|do sexual|do things|touch|watch porn|sleep with"
            "|sign|hand over|give him|give her)"),
    # --- Eating disorders, concern ------------------------------------------------------
    *_rules("concern", "eating-disorders", "eating-disorder behaviour",
            "(making|made|make) myself (sick|throw up|vomit|puke)",
            "(havent|have not|not|barely) (eaten|ate|eating) (in|for|since|properly)?",
            "(starving|starve) myself",
            "(binged|binging|bingeing|binge|purged|purging|purge|purges|restrict|restricting"
            "|restricted|laxatives|laxative|chewing and spitting|body checking|fasting|water fast"
            "|calories|counting calories|weighed myself|weigh my food|scales|too fat|feel fat"
            "|so fat|im fat|i am fat|feel too big|too big|lose weight|losing weight"
            "|ed brain|hiding food|hide food"
            "|hid food|wrappers|throw up|threw up|thinner|skinny)",
            "(stopped|stop|skipped|skipping|skip|refusing|refuses|wont) (eating|my tea|tea|dinner"
            "|lunch|breakfast|meals|second helpings|food|to eat)",
            "(count|counting|counted) (every|my|calories)",
            "(dont|do not) want (to eat|it|the pudding|breakfast|my dinner)",
            "(hate|loathe|disgusted by|disgusted with) my body"),
    # --- Looking back, or supporting someone: concern in such a message is not a worry now
    *_rules("context", "general", "looking back from recovery",
            "(these days|nowadays) (i|im|i am|ive|i have|i go|i live|i work)",
            "(i am|im|i feel|feeling) (ok|okay|alright|fine|happy|better|well) now",
            "(im|i am) (doing|now) (well|ok|better|great)",
            "(actually|really) (ok|okay)",
            "(im|i am|were) still here",
            "glad i (lived|survived|am alive|stayed|didnt|did not|got help|told)",
            "(have not|havent|not|dont|do not) (cut|done it|self harmed|hurt myself|scratch"
            "|harmed) (for|in|now|anymore|any more)",
            "(days|weeks|months|years|yrs|day) (sh free|self harm free)",
            "(it|things|life) (gets|got|get|can get|will get|does get) better",
            "(so proud|growth|in recovery|my recovery|survived|got through it|came through"
            "|life can)",
            "(wish|wished) (someone|somebody) (had)? told me"),
    *_rules("context", "general", "supporting someone",
            "(you|u) (are|r|re) not alone",
            "(youre|your|ur) not alone",
            "(here for|thinking of|proud of) (you|u)",
            "(sending|big|gentle|virtual) (hugs|hug|love)",
            "(please|pls|you can|u can|you could|you should) (ring|call|tell|talk to|reach out"
            "|get|ask|text)",
            "(ring|call) (them|samaritans) (day or night|anytime|any time)",
            "(you|u) did the right thing",
            "(so|im so|really|im really) sorry (you|u|to hear|about|that)",
            "what helped me",
            "(ur|your) (ppl|people|mum) (care|might)",
            "(it is|its) ok to (feel|cry|not)"),
    *_rules("ongoing", "general", "still struggling",
            "still (think|thinking|get|getting|have|want|wanting|struggle|struggling|hurts"
            "|scared|feel|cry|crying) ~ (it|urges|urge|about it|them|the urges|most days|every"
            " day|thoughts|like|to|bad|low|sad|so)",
            "(today|tonight|last night|this week) i (wanted|want) to"),
    # --- More ways of saying it, written to generalise ----------------------------------
    *_rules("urgent", "suicide", "a method named",
            "{intend} (go|jump|climb|step|throw myself|get) out (of)? (the|my|a|his"
            "|her)? (bedroom)?"
            " window",
            "{place} (and|to|n) (lie|lay|jump|step|wait for)",
            "{they_intend} (drive|jump|walk|step|throw himself|throw herself) (off|into|in front of"
            "|from|over) ~ {place}"),
    *_rules("urgent", "suicide", "voices telling them to die",
            "(voices|voice) (say|says|saying|tell|tells|telling|told) (me|him|her"
            "|them)? (that)? (i|he"
            "|she|they)? (have to|has to|must|should|need to|needs to|got to) (die|kill|jump|hurt"
            "|cut|end)"),
    *_rules("urgent", "suicide", "the means at hand",
            "{medicine} (ive|i have|i|ive been|i been) (been)? (saving|saved|stockpiling|hoarding"
            "|collecting|keeping)",
            "(knife|blade|blades|rope|pills|tablets|gun|belt) ~ (for himself|for herself|for myself"
            "|for themselves|to use on myself)"),
    *_rules("urgent", "self-harm", "the means at hand",
            "(bought|buying|ordered|got|get|getting) (a|some|new|more)? (pack|packet|box)? (of)?"
            " (blades|razor blades)"),
    *_rules("urgent", "overdose", "an overdose",
            "(had|taken|took|taking) (them|my tablets|my pills|my meds|my medication|my medicine)"
            " (twice|three times|double)"),
    *_rules("urgent", "self-harm", "an injury that needs care now",
            "(poured|pour|pouring) (it|boiling water|the kettle|hot water|the water) (down|over|on)"
            " my",
            "(big|deep|bad|huge) (cut|gash|wound) on my"),
    *_rules("urgent", "harm-to-others", "intent to harm someone",
            "(hurt|stab|batter|kill|beat up|smash) (her|him|them) (really|so|properly) (bad|badly"
            "|hard)"),
    *_rules("urgent", "abuse", "abuse happening now",
            f"(fella|bloke|man|stepmum|stepbrother|stepfather|grandad|teacher|driver|neighbour"
            f"|coach"
            f"|cousin|lodger|landlord) ~ {HURTS} (me|us|her|him|my)"),
    *_rules("sign", "suicide", "a goodbye",
            "(left|leaving) (the|a|his|her|their) (letter|note) (on|for|saying|in|where)",
            "said goodbye in (the|a|my|his|her) (card|letter|note|message)"),
    *_rules("sign", "suicide", "giving things away",
            "(gave|given|giving) (away)? (all)? (my|his|her|their) (bird|cat|dog|budgie|pets|rabbit"
            "|hamster|wedding ring|rings|jewellery|medals) (to|away)",
            "(gave|given) (me|us) (his|her|their) (bird|cat|dog|budgie|pets|wedding ring|rings"
            "|jewellery|medals)"),
    *_rules("sign", "suicide", "not needing things",
            "(wont|will not|shant) be needing (them|these|those|it|em)",
            "(wont|will not|shant) need these"),
    *_rules("sign", "suicide", "leaving for good",
            "(shant|wont|will not|shall not) (be|b) (posting|on here|talking) (again|anymore)"),
    *_rules("sign", "suicide", "at a place of danger",
            "(in the car|parked|stood|standing|waiting) (down)? (by|at|on|near|next to|in front of)"
            " the ~ (river|canal|reservoir|quarry|weir|lorries|traffic|motorway|tracks|railway"
            "|level crossing|bridge|edge)",
            "(on|at|up on) the roof of (the|a)",
            "(looking|staring|look|stare) (at|down at|into|down into) the (river|water|drop|tracks"
            "|traffic)",
            "(the|at the|on the) level crossing",
            "(stood|standing) (at|on|in) (his|her|my|the) (bedroom)? window",
            "on the (window ledge|windowsill|window sill|ledge)"),
    *_rules("sign", "suicide", "a time",
            "(at|by|till|until|before|ends at) midnight",
            "(this week|tonight|today|this weekend|tomorrow) is the (week|night|day)"),
    *_rules("sign", "suicide", "the means",
            "{means} (in|under) (my|his|her) (pencil case|bag|pocket|blazer|coat|pillow|drawer"
            "|sleeve|locker)",
            "(shown|showed|show) me (a|the|his|her) (knife|blade|rope|gun)",
            "{many} of {medicine}"),
    *_rules("sign", "suicide", "how easy it would be",
            "(thinking|think|thought) (about)? how easy it (would|d|will|could) be"),
    *_rules("sign", "harm-to-others", "a weapon",
            "(got|ive got|grabbed|taken|took|have|bought) (the|a|my|dads|mums|his|her)? (axe|knife"
            "|machete|baseball bat|crowbar|gun) (from|out of|off|in my)"),
    *_rules("sign", "suicide", "fear of what they will do",
            "(scared|frightened|afraid|terrified) (of myself|of what i might do|of what ill do"
            "|i might"
            " do something)"),
    *_rules("urgent", "self-harm", "swallowed something harmful",
            "(drank|drunk|swallowed|swallowing|ate|eaten) (some|a|the|two|2|three|3)? ~ (bleach"
            "|shampoo|drain cleaner|antifreeze|weedkiller|batteries|battery|button|pins|magnets"
            "|glass|needle|needles|razor blade)",
            "(needle|needles|pin|pins|glass) (under|in|into) my skin"),
    *_rules("sign", "self-harm", "an injury",
            "(everythings|everything is|its all|my head is|head) (blurry|spinning)"),
    *_rules("sign", "suicide", "putting affairs in order",
            "(dont|do not) want to leave (anyone|anybody|them|you|my family|everyone|the kids)"
            " (a mess|in a mess|with a mess|with debts|with bills)"),
    *_rules("sign", "abuse", "someone hurting them",
            "(keeps|kept) (hurting|hurtin|hitting|hittin|touching) (me|us|my sister|my brother|her"
            "|him)",
            "(get|gets|getting) me (on my own|alone)",
            "(leaving|leave|left) me (alone|on my own) with (him|her)",
            "(says|said|threatens|threatened) ~ (kill|hurt) (our|my|the) (dog|cat|pets|mum|sister"
            "|brother)"),
    *_rules("sign", "suicide", "missing",
            "(got out of|left) the house ~ (nightie|pyjamas|dressing gown|slippers)"),
    *_rules("sign", "self-harm", "self-harm done",
            "(keep|kept|keeps) (banging|hitting|punching|scratching|cutting|burning) (it|my"
            "|myself)"),
    *_rules("sign", "self-harm", "an injury",
            "(my eyes|eyes|vision) (are|is) (funny|blurry|weird|fuzzy)"),
    # --- Concern, more ways of saying it ------------------------------------------------
    *_rules("concern", "suicide", "a wish not to be alive",
            "(if i|if i just) (disappeared|vanished|wasnt here|werent here|was gone|died"
            "|didnt exist"
            "|was not here)",
            "(go to sleep|going to sleep|fall asleep|i sleep) ~ (hoping|hope|wishing) (thats it"
            "|i dont"
            " wake|not to wake|i wont wake|i never wake)",
            "(wish|wishing|hope|hoping|pray) (id|i would|i could|i|to) (just)? (die|pass away|slip"
            " away|not wake) (in my sleep|peacefully)",
            "(swap|trade) places with (anyone|someone|somebody)",
            "(id|i would|id much) rather (be gone|not be here|not be alive|be dead)",
            "(ive had|had|hes had|shes had) (my|his|her) (innings|time)",
            "(outstayed|overstayed) (my|his|her) welcome",
            "(lived|had) (long enough|too long)",
            "(wants|want|wanting|wanna) to (go away|disappear|vanish) (forever|for ever|for good)",
            "(wouldnt|would not|doesnt|does not) matter if (i|he|she|they) (wasnt|was not|werent"
            "|wasnt here|was gone)",
            "(not wanting|doesnt want|didnt want|not want) to (be here|be alive|wake up|live)",
            "(better|easier|happier) off (if|when) (i|im) ~ (wasnt|was not|werent|gone|dead"
            "|out of)"),
    *_rules("concern", "suicide", "feeling a burden",
            "(im|i am|i feel like|feel like|i feel) (a|such a|just a) (burden|problem|full time job"
            "|drain|nuisance|waste)",
            "(no use|no good|useless) to (anyone|anybody|everyone|nobody|no one)"),
    *_rules("concern", "general", "hopelessness",
            "(ill|i will|i think ill|i think i will) never (have|get|find|be) (a|any|happy|better"
            "|well|normal|loved)",
            "(dont|doesnt|do not|does not|cant) see the point",
            "what else is there",
            "(wonder|wondering) if (any of it|anything|it) (makes|matters)",
            "(doesnt|does not|dont|do not) believe (its|it is|it will|anything|things) (possible"
            "|will|get better|change)",
            "lost (all)? hope",
            "(cant|cannot) keep (fighting|going|doing this)"),
    *_rules("concern", "general", "distress",
            "(sat|sit|went) ~ (and)? (howled|screamed|sobbed)",
            "(i dont|dont|i do not) feel safe",
            "(racing thoughts|cant switch off|mind wont stop|brain wont shut up|brain wont stop)",
            "(heart|my heart) (pounds|pounding|racing|nearly stops)",
            "(havent|have not) been out (since|for)",
            "(dont|do not) answer (it|the door|the phone) (anymore|any more)",
            "(i just|just) (sit|sat|stay|stayed) in my room",
            "(cant|cannot) (focus|concentrate|settle) (on anything|at all)",
            "(feel|feeling|felt) sick (every|all the time|with|about|thinking)",
            "(getting|gone|very|quite|so|more) (paranoid|withdrawn)",
            "(im|i am|i feel) (very|really|so) (sad|low|down|lonely|scared|upset)"),
    *_rules("concern", "eating-disorders", "eating-disorder behaviour",
            "(living on|lived on|only eating|only ate|just eating|survived on) (apples|water|coffee"
            "|black coffee|diet coke|lettuce|salad|an apple|one meal|nothing)",
            "(in|to) the (bathroom|toilet|toilets|loo) (straight|right|just)? after (meals|lunch"
            "|dinner|tea|eating|every meal|food)",
            "(making|makes|made) {someone} (sick|throw up|vomit)",
            "(hardly|barely) (eats|eating|ate|eat)",
            "(obsessed|obsessing|obsessive) (with|about|over) (food|calories|protein|the gym"
            "|exercise"
            "|weight|my weight|his weight|her weight|eating)",
            "(dont|do not|never) (like|want) (eating|to eat|food)",
            "(gone|got|getting|going|looking|looks) (very|so|really|scary|too)? thin",
            "(like|love|enjoy) the (empty|hungry) feeling"),
    *_rules("concern", "harm-to-others", "thoughts of harming someone",
            "(what if i) ~ (stabbed|hurt|pushed|hit|threw|strangled|drowned)",
            "(awful|strange|scary|weird|terrible|frightening|unwanted) (thoughts|images|pictures)",
            "thinking bad things",
            "(images|pictures|thoughts) of (him|her|them|the baby|my baby) being (hurt|harmed)",
            "(picture|imagine|see) (myself)? (just)? (stepping off|jumping|falling|driving into"
            "|swerving)",
            "(my brain|my mind|my head) (shows|show|tells|keeps telling|keeps showing|gives) me",
            "(thoughts|thought) that (i|ill|i will|i might) (say|hit|hurt|do|push|shout|stab)",
            "(dont|do not) want (the|these) thoughts"),
    *_rules("concern", "suicide", "a past attempt",
            "(jokes|joke|joking|jokes about) ~ (topping|killing|hanging|ending) (himself|herself"
            "|myself|themselves|it)",
            "(topping|top|topped) (himself|herself|myself|themselves)"),
    *_rules("concern", "self-harm", "self-harm",
            "(old|sh|self harm|harm) (scars|cuts)",
            "(i have|ive got|got) (old)? scars",
            "(marks|cuts|scratches|scars|burns) on (my|his|her) (arm|arms|wrist|wrists|legs"
            "|thighs)",
            "(relapsed|relapse) (last night|yesterday|today|after)",
            "(get|getting|got|have|having|stirring up|stirred up|the) urges",
            "(bit|bite|biting) my (hand|arm|arms|wrist|hands)",
            "(blades|razor blades) (wrapped|hidden|in her|in his)",
            "(cutting|harming|hurting|burning|self harming) (himself|herself|themselves)"),
    *_rules("concern", "general", "someone else not themselves",
            "(not been|hasnt been|isnt|not) (right|herself|himself|themselves) (for|since|lately)",
            "(giving|given|gave) up (things|everything|the things)",
            "(stopped|stopping|stop) getting dressed",
            "stopped (her|his|their|my) (meds|medication) again"),
    *_rules("ongoing", "general", "still struggling",
            "(even now|sometimes even now|even today|still now)",
            "(urges|urge|thoughts) (still|keep) (come|coming|there)"),
    # --- Looking back, supporting, the news and stories: not a worry now ----------------
    *_rules("context", "general", "intent denied",
            "(im not|i am not|im never|i am never|not|never|wont|will not|id never|would never|dont"
            "|do not) (going to|gonna|want to|wanna|ever)? (hurt|harm|cut) myself",
            "(i dont|i do not|dont) (want to|wanna) die"),
    *_rules("context", "general", "looking back from recovery",
            "now (i|im|i am) (home|in my own|living|have|live|go to|work|volunteer|help|happy|ok"
            "|okay|better|well)",
            "(today|this year|this yr|this week) i (started|start|passed|got|went back|wrote"
            "|finished"
            "|co|did|was in|joined)",
            "proud of (myself|me)",
            "(shes|hes|theyre|she is|he is|they are) (doing|now) (well|ok|better|great)",
            "(years|months) on (she|he|they|i|and)",
            "(i now|now i) (work|volunteer|help|run)",
            "(i|i do) (dont|do not|not) do (it|that) (now|anymore|any more)",
            "(went on to|gone on to)",
            "(a different|another) (person|persons|life|lifetime)",
            "(got over|get over|getting over) (it|wanting|feeling)",
            "(im|i am) not (sad|like that|low|depressed) (like that)? (now|anymore|any more)"),
    *_rules("context", "general", "supporting someone",
            "(your|ur) ~ (needs you|need you|would miss you|love you|wouldnt be)",
            "(youre|you are|ur) still here",
            "(hope|hoping) (you|u) (find|feel|get|are|have|can|manage)",
            "(if your|if ur) (friend|mate|mum|dad|partner|son|daughter) (says|said|is|feels)",
            "(in|on) your (post|message)",
            "(can i ask|may i ask|i wonder) (what|if|how) (you|u)",
            "(if this helps|if it helps|this might help|hope this helps|helped me)",
            "(sorry to hear|sorry for your|sorry about your|sorry youre|sorry your)",
            "(you will|youll|you can) (come out|get through|get there|pull through)",
            "(hold on|hang on) (till|until) (your|the)",
            "(lie|lies|lying) to (you|u)"),
    *_rules("context", "general", "the news",
            "(on the|in the|the) (news|local news|radio|papers)",
            "(a|the|that) (documentary|programme|inquest|report|article|story) (about|on|last night"
            "|said|found)",
            "(ons|national) (figures|statistics)",
            "(suicide|suicides) (rate|rates|statistics|figures)"),
    *_rules("context", "general", "a story",
            "(in|reading) (my|the|a|this) (book|novel|film|movie|series|anime|play)",
            "(watched|watching|reading|read) (a|the|that)? (film|movie|book|anime|series|episode"
            "|play)",
            "(main|the) (character|characters)",
            "(the|that) (ending|end) of (the|that|a)"),
    # --- Topics named, and everyday phrases ---------------------------------------------
    # Eating disorders, warning: the topic named.
    ("(anorexia|anorexic|bulimia|bulimic|arfid|orthorexia|ednos|osfed)", "warning",
     "eating-disorders", TOPIC_NAMED),
    ("(eating disorder|eating disorders|binge eating|pro-ana|pro-mia|thinspo|thinspiration)",
     "warning", "eating-disorders", TOPIC_NAMED),
    ("(purging|laxatives|calorie counting|body checking)",
     "warning", "eating-disorders", TOPIC_NAMED),
    ("restricting (my food|food|my eating|calories|what i eat)",
     "warning", "eating-disorders", TOPIC_NAMED),
    # Bereavement, warning: death and loss, suggesting the warning only.
    ("(died|dead|death|dying|passed away|killed)", "warning", "bereavement", TOPIC_NAMED),
    ("(funeral|funerals|bereaved|bereavement|grief|grieving|mourning|widowed)", "warning",
     "bereavement", TOPIC_NAMED),
    ("lost my (mum|mam|mom|dad|mother|father|husband|wife|partner|son|daughter|baby|brother"
     "|sister|nan|nana|gran|grandma|grandad|granddad|best friend|friend|child)",
     "warning", "bereavement", TOPIC_NAMED),
    ("(miscarriage|miscarried|stillborn|stillbirth|rest in peace|end of life care)", "warning",
     "bereavement", TOPIC_NAMED),
    # Substance use, warning.
    ("(alcohol|alcoholic|alcoholism|booze|boozing|cocaine|heroin|ketamine|mdma|ecstasy|cannabis"
     "|methadone|amphetamine|amphetamines)", "warning", "substance-use", TOPIC_NAMED),
    ("(got|get|getting|gets) (drunk|wasted|hammered|smashed|high|stoned|off my face|off my head)",
     "warning", "substance-use", TOPIC_NAMED),
    ("(drinking|drank|drunk) (again|too much|every day|every night|on my own|alone|heavily"
     "|a bottle|two bottles|a whole bottle)", "warning", "substance-use", TOPIC_NAMED),
    ("(smoke|smoking|smoked) (weed|a joint|joints|cannabis|crack|spice)", "warning",
     "substance-use", TOPIC_NAMED),
    ("(street|recreational|illegal|hard) drugs", "warning", "substance-use", TOPIC_NAMED),
    ("(taking|take|took|doing|did) drugs", "warning", "substance-use", TOPIC_NAMED),
    ("(days|weeks|months|years) sober", "warning", "substance-use", TOPIC_NAMED),
    ("(relapsed|relapse|relapsing) ~ (drink|drinking|alcohol|booze|using|drugs|heroin|cocaine)",
     "warning", "substance-use", TOPIC_NAMED),
    ("(alcoholics|narcotics) anonymous", "warning", "substance-use", TOPIC_NAMED),
    # Suicide and self-harm named, without anyone at risk: the warning only.
    *_rules("warning", "suicide", TOPIC_NAMED, "(suicide|suicides|suicidal)"),
    *_rules("warning", "self-harm", TOPIC_NAMED, "(self-harm|self-harming|self-injury|cutting)"),
    # Everyday, about killing: "killing it", "kill time", "killing myself laughing", an
    # exam that "killed me", and not wanting to hurt someone's feelings.
    ("(killing|killed|kill) it", "not-a-crisis", "general", EVERYDAY),
    ("(kill|killing|killed) (time|an hour|a few hours|the time)",
     "not-a-crisis", "general", EVERYDAY),
    ("(killing|killed|kill) myself (laughing|with laughter)", "not-a-crisis", "general", EVERYDAY),
    ("(going to|gonna|i'll|i will) kill myself laughing", "not-a-crisis", "general", EVERYDAY),
    ("(nearly|almost) killed myself (laughing|tripping|falling|on the|on a|getting|trying"
     "|carrying|lifting|running)", "not-a-crisis", "general", EVERYDAY),
    ("killing myself (at|with) (work|the gym|overtime|revision|exercise|the housework)",
     "not-a-crisis", "general", EVERYDAY),
    ("killed me", "not-a-crisis", "general", EVERYDAY),
    ("kill them with kindness", "not-a-crisis", "general", EVERYDAY),
    ("(dont|do not|never|wouldnt|would never) want to hurt (him|her|them|anyone|you)",
     "not-a-crisis", "general", EVERYDAY),
    ("(going to|gonna|want to|wanna|about to|i'll|i will) hurt her (feelings|feeling|pride"
     "|chances)", "not-a-crisis", "general", EVERYDAY),
    ("(hes|shes|theyre) (going to|gonna) kill (me|us) (when|if|for)", "not-a-crisis",
     "general", EVERYDAY),
    # Everyday, about dying and the dead: "dying to see it", "dead tired", things that die.
    ("dying (to|for) (see|know|try|go|meet|hear|get|tell|read|watch|visit|a wee|a cuppa|a brew"
     "|a tea|a coffee|a pint|a drink)", "not-a-crisis", "general", EVERYDAY),
    ("(die|died|dying|dead) (of|from|with) (embarrassment|laughter|laughing|shame|boredom|cringe"
     "|thirst|hunger|the heat|heat|cold)", "not-a-crisis", "general", EVERYDAY),
    ("dying (here|in here|in this heat)", "not-a-crisis", "general", EVERYDAY),
    ("(want|wanted|wanna) to die (of|from) (embarrassment|shame|laughter|laughing|cringe)",
     "not-a-crisis", "general", EVERYDAY),
    ("want to die (at home|in my own bed|in a hospice|with dignity|when my time comes)",
     "not-a-crisis", "general", EVERYDAY),
    ("(nearly|almost|could have|couldve|could of) died (laughing|of embarrassment|of shame"
     "|with embarrassment)", "not-a-crisis", "general", EVERYDAY),
    ("dead (tired|funny|good|easy|nice|chuffed|proud|lucky|excited|keen|quiet|busy|serious"
     "|right|on time|end|set|boring|cute|posh|jealous|sweet|handy|useful|simple|hard)",
     "not-a-crisis", "general", EVERYDAY),
    ("dead on (my|our|your) feet", "not-a-crisis", "general", EVERYDAY),
    ("dead to the world", "not-a-crisis", "general", EVERYDAY),
    ("(walking|grateful) dead", "not-a-crisis", "general", EVERYDAY),
    (f"{THINGS} (is|was|has|s|just|went|finally|keeps)? (died|dead|dying)", "not-a-crisis",
     "general", EVERYDAY),
    (f"{THINGS} (has|had|is) (just|finally|now|nearly) (died|dead|dying)",
     "not-a-crisis", "general", EVERYDAY),
    ("(bored|scared|worried|sick|frightened|freezing|tickled|talked|loved) to death",
     "not-a-crisis", "general", EVERYDAY),
    ("death (by chocolate|metal|stare)", "not-a-crisis", "general", EVERYDAY),
    # Everyday, about jumping into things and onto things.
    ("(jump|jum|hop|jumping|hopping) (in|into|in to|on|onto) (the|a|my)? (shower|bath|car|taxi"
     "|cab|bus|call|zoom|queue|bandwagon|train|tram|plane|ferry|coach) (now|tonight|rn|then"
     "|later|to|with|tmrw|tomorrow)?", "not-a-crisis", "general", EVERYDAY),
    ("drown (myself|my sorrows) in (hot chocolate|chocolate|tea|coffee|work|netflix|books"
     "|paperwork|revision|bubbles|a bubble bath|biscuits|cake)", "not-a-crisis", "general",
     EVERYDAY),
    ("(kill|killing|killed) me (emotionally|with kindness|with cuteness)", "not-a-crisis",
     "general", EVERYDAY),
    # Everyday errands and talk that look like signs: the car to the garage, old tablets back
    # to the chemist, a number saved, budgets cut, hay fever, "my last post" explained.
    ("(taking|take|took|drop|dropping|dropped|put|putting) (the|my|our|his|her) (car|van)"
     " (to|into|in to|in at|off at) the garage", "not-a-crisis", "general", EVERYDAY),
    ("(took|take|taking|taken|bring|brought|return|returned) (all)? (the|my|his|her|mums|dads)?"
     " (old|unused|spare|leftover|out of date)? (medication|meds|medicine|tablets|pills) back"
     " to the (pharmacy|chemist|surgery)", "not-a-crisis", "general", EVERYDAY),
    ("(number|numbers|contact|contacts|details|phone number|helpline) (saved|put by)",
     "not-a-crisis", "general", EVERYDAY),
    ("keeping everything (the same|as it is|as is)", "not-a-crisis", "general", EVERYDAY),
    ("(cutting|cut|cuts) (the|our|their|his|her|my)? (budget|budgets|funding|costs|back|down"
     "|hair|fringe|grass|hedge|lawn|services|jobs|benefits|staff)", "not-a-crisis", "general",
     EVERYDAY),
    ("hay fever", "not-a-crisis", "general", EVERYDAY),
    ("(cutting|cut|cuts) ~ (budget|budgets|funding|services)", "not-a-crisis", "general",
     EVERYDAY),
    ("(stood|standing|sat|sitting) on the (bridge|pier|cliff|cliffs|beach|prom) (for ages"
     "|watching|to watch|taking photos|taking pictures|eating|with)", "not-a-crisis", "general",
     EVERYDAY),
    ("(my|your|the) last post (sounded|was|came|seemed|about|on|in|made)", "not-a-crisis",
     "general", EVERYDAY),
    # Everyday, about a joke threat to someone who annoys ("I'll kill him when I see him").
    ("(kill|strangle|murder|throttle) (him|her|them) (when|if) (i|he|she|they) (see|get|comes"
     "|come|gets)", "not-a-crisis", "general", EVERYDAY),
    ("(kill|strangle|murder|throttle) (the|whoever|whoever) (person|man|woman|bloke|idiot)"
     " (who|that) (invented|designed|made|thought|came up)", "not-a-crisis", "general",
     EVERYDAY),
    # Everyday, about suicide as a figure of speech or a name.
    ("suicide (squad|doors|mission|run|runs|shift)", "not-a-crisis", "general", EVERYDAY),
    ("(political|career|social|commercial|electoral|fashion) suicide", "not-a-crisis",
     "general", EVERYDAY),
    # Everyday, about goodbyes, tomorrow, waking up and going on: plans, not farewells.
    ("(going to|gonna|want to|ready to|about to) end it (with|between)", "not-a-crisis",
     "general", EVERYDAY),
    ("(i|im|ill) (wont|will not|not going to) be (here|around) tomorrow (as|because|cos|coz|im"
     "|i am|but|so|morning|afternoon|evening|night|till|until|due)",
      "not-a-crisis", "general", EVERYDAY),
    ("(cant|cannot) go on (the|a|an|holiday|my|our|his|her|their|it|that|this|there|any"
     "|facebook|trips|rides|till|until|tomorrow|today|tonight|nights|days|walks|about)",
     "not-a-crisis", "general", EVERYDAY),
    ("(hope|wish|pray|praying) (i|that i)? (dont|never|wont) wake up (the|my|him|her|them"
     "|everyone|anyone|mum|dad|the baby|next door|the neighbours|late|early)",
     "not-a-crisis", "general", EVERYDAY),
    ("(dont|do not) want to wake up (early|at|before|so|too|for|on|the|him|her|them|my|mum"
     "|dad|everyone|anyone)", "not-a-crisis", "general", EVERYDAY),
    ("(hopeless|worthless) (at|with|romantic|romantics)", "not-a-crisis", "general", EVERYDAY),
    ("(scared|afraid|frightened|terrified) (of) (spiders|the dark|dogs|heights|flying|needles"
     "|wasps|clowns|the dentist|mice|snakes|thunder|fireworks)", "not-a-crisis", "general",
     EVERYDAY),
    # Everyday, about tomorrow's plans: blood tests, goodbyes at parties, tablets for the week.
    ("blood (test|tests|pressure|sugar|sugars|results|donor|donation|bank|work|form|forms|count)",
     "not-a-crisis", "general", EVERYDAY),
    ("(give|giving|gave|donate|donating|donated) blood", "not-a-crisis", "general", EVERYDAY),
    ("(see you|see u|see ya|speak|talk|chat|catch you|catch up) (tomorrow|tonight|later|soon"
     "|next week|this weekend|on|at|then|all)", "not-a-crisis", "general", EVERYDAY),
    ("(goodbye|leaving|farewell) (party|do|drinks|card|lunch|present|gift|meal|cake|assembly)",
     "not-a-crisis", "general", EVERYDAY),
    ("ready for (tomorrow|the weekend|this weekend|bed|bedtime|christmas|school|work|the morning"
     "|the week|my holiday|the holiday|the trip|the party|my appointment|the appointment)",
     "not-a-crisis", "general", EVERYDAY),
    ("in my bag for (work|school|the trip|my holiday|the holiday|the morning|the week)",
     "not-a-crisis", "general", EVERYDAY),
    ("(dosette|blister pack|pill box|pill organiser|nomad tray)", "not-a-crisis", "general",
     EVERYDAY),
    ("sorry (everyone|all|guys)? (for the|for my|about the|about my) (late|long|rant|moan|delay"
     "|ramble|essay|waffle|typos)", "not-a-crisis", "general", EVERYDAY),
    # Everyday, about laughing till they cried, sugar "overdoses" and a cold.
    ("(crying|cried|cry|tears) (laughing|with laughter|of laughter|with joy|of joy)",
     "not-a-crisis", "general", EVERYDAY),
    ("(had me|has me|have me) (crying|in tears|in stitches)", "not-a-crisis", "general", EVERYDAY),
    ("cried at (the|a|that) (film|end|ending|telly|advert|adverts|wedding|book|match)",
     "not-a-crisis", "general", EVERYDAY),
    ("(overdosed|overdosing|overdose|od) on (chocolate|sugar|cake|sweets|carbs|caffeine|coffee"
     "|biscuits|crisps|jaffa cakes|easter eggs|netflix|telly|sun|sunshine|cheese|mince pies)",
     "not-a-crisis", "general", EVERYDAY),
    ("cant breathe (through|out of) my nose", "not-a-crisis", "general", EVERYDAY),
    ("some things never change", "not-a-crisis", "general", EVERYDAY),
    ("(friends|mates|everyone|everybody) jumped (off|of) a (bridge|cliff)", "not-a-crisis",
     "general", EVERYDAY),
    ("(what a|such a|its a|bit of a|a real) shame", "not-a-crisis", "general", EVERYDAY),
    ("(anyone|everyone|people|those|others|someone) (whos|who is|who are|thats)? struggling",
     "not-a-crisis", "general", EVERYDAY),
    ("(in|on|since|from|after|following|re|about|to|see) my last (post|message|msg)",
     "not-a-crisis", "general", EVERYDAY),
    # Everyday, about cuts, burns and knocks that were accidents.
    ("cut myself (shaving|cooking|chopping|slicing|peeling|gardening|opening|by accident"
     "|accidentally|on a tin|on the tin|on glass|on some glass|on paper|on a knife|on the lid)",
     "not-a-crisis", "general", EVERYDAY),
    ("(just|ive just|i just|have just) (cut|burnt|burned) myself (shaving|cooking|chopping"
     "|slicing|peeling|gardening|opening|ironing|on a|on the|on glass|on paper|with the)",
     "not-a-crisis", "general", EVERYDAY),
    ("(burnt|burned|burn|burning) myself (on the|on a|cooking|ironing|with the|getting|making"
     "|taking)", "not-a-crisis", "general", EVERYDAY),
    ("(going to|gonna|will|ill|might|about to|i might|i will) burn myself out", "not-a-crisis",
     "general", EVERYDAY),
    ("burn myself out", "not-a-crisis", "general", EVERYDAY),
    ("hurt myself (at|playing|falling|lifting|gardening|running|doing|in the|on the|on my"
     "|skiing|cycling|when i fell)", "not-a-crisis", "general", EVERYDAY),
    ("(i might|going to|gonna|i'll|i will) hurt myself (if|lifting|carrying|on those|on the"
     "|running|doing)", "not-a-crisis", "general", EVERYDAY),
    # Everyday, about eating, medicines and rope.
    ("(making|made|make) myself sick (with|worrying|thinking|about)", "not-a-crisis",
     "general", EVERYDAY),
    ("(stopped|stop) eating (meat|sugar|dairy|bread|gluten|chocolate|crisps|red meat|junk"
     "|takeaways|late|after)", "not-a-crisis", "general", EVERYDAY),
    ("(took|take|taken|taking) an od (turn|look|route|path|way|shape|direction|one)",
     "not-a-crisis", "general", EVERYDAY),
    ("(took|take|taking|taken) (his|her|their|my) (own)? life savings", "not-a-crisis",
     "general", EVERYDAY),
    ("(bought|buying|ordered) (a|some|the)? rope (for the|for my|for our|swing|ladder|lights"
     "|toy)", "not-a-crisis", "general", EVERYDAY),
    ("(bought|buying|ordered) (a|the|some)? (skipping|tow|washing|climbing|jump) rope",
     "not-a-crisis", "general", EVERYDAY),
    # Everyday, about being hit, beaten or attacked by a ball, a seagull or a quiz team.
    ("(got|been|being|getting|get|was) hit on", "not-a-crisis", "general", EVERYDAY),
    ("(got|been|being|getting|get|was) hit by (a|the) (car|bus|bike|ball|van|cyclist|lorry)",
     "not-a-crisis", "general", EVERYDAY),
    ("(got|been|being|getting|get|was) kicked (out|off)", "not-a-crisis", "general", EVERYDAY),
    ("(got|been|getting|get|was) beaten (at|in|by) (chess|cards|the quiz|a quiz|darts|scrabble"
     "|football|monopoly|pool|snooker|bingo|the race|the final|my nan|my grandad)",
     "not-a-crisis", "general", EVERYDAY),
    ("(got|been|being|getting|get|was) attacked by (a|the|next doors|our)?"
     " (dog|dogs|seagull|seagulls|swan|cat|geese|goose|wasp|wasps|midges)",
     "not-a-crisis", "general", EVERYDAY),
    ("(he|she|they|hes|shes) (beat|beats|beaten) me (at|to|by|in a|in the race|in the quiz)",
     "not-a-crisis", "general", EVERYDAY),
    (f"my {ABUSERS} (beat|beats) me (at|to|by|in a|in the race|in the quiz)", "not-a-crisis",
     "general", EVERYDAY),
    ("(he|she|they) hit me up", "not-a-crisis", "general", EVERYDAY),
]

WATCHED_WORDS = [
    # Slurs, blocked: the member is asked to reword, and their text is kept for them.
    ("(retard|retards|retarded)", "block", "", "", "a slur"),
    ("(spastic|spastics|spaz|spacker|mong|mongs|mongoloid)", "block", "", "", "a slur"),
    ("(paki|pakis|pikey|pikeys|gyppo|gyppos)", "block", "", "", "a slur"),
    ("(tranny|trannies)", "block", "", "", "a slur"),
    # Telling someone to kill themselves, blocked.
    ("(kys|go kill yourself|just kill yourself|go and kill yourself)",
     "block", "", "", "telling someone to kill themselves"),
    # Method detail, held: a moderator reads it before anyone else can.
    ("(lethal|fatal) dose", "hold", "", "suicide", "method detail"),
    ("how (many|much) (pills|tablets|paracetamol|painkillers|insulin) (would|does|will|to)"
     " (it take|take|kill)", "hold", "", "suicide", "method detail"),
    ("(how deep|deep enough) ~ (cut|cuts|vein|veins|artery)",
     "hold", "", "self-harm", "method detail"),
    ("(exit bag|charcoal in the car|helium hood|nitrogen hood)",
     "hold", "", "suicide", "method detail"),
    ("(which|what) (vein|veins|artery|arteries) to cut", "hold", "", "self-harm", "method detail"),
    # Contact details and moving off-site, flagged: published, and a moderator checks.
    ("(ring|call|text|phone|whatsapp) me on",
     "flag", "", "", "contact details or moving off the site"),
    ("my (number|mobile|phone number|mobile number) is",
     "flag", "", "", "contact details or moving off the site"),
    ("(add|message|msg|dm|find|follow|text) me on (whatsapp|snapchat|snap|instagram|insta"
     "|facebook|fb|tiktok|telegram|kik|discord|signal)",
      "flag", "", "", "contact details or moving off the site"),
    ("my (snapchat|snap|insta|instagram|whatsapp|kik|discord) is",
     "flag", "", "", "contact details or moving off the site"),
    ("(send|lend) me (money|some money|a tenner|cash|your bank|a picture|pics|photos)",
     "flag", "", "", "contact details or moving off the site"),
    # Strong swearing, replaced: the rest of the text is published as written.
    ("fuck", "replace", "f***", "", "strong swearing"),
    ("fucking", "replace", "f***ing", "", "strong swearing"),
    ("cunt", "replace", "c***", "", "strong swearing"),
    # Numbers that can harm people with eating disorders: a content warning is required.
    ("(calorie|calories|kcal|kcals|cals)",
     "require_warning", "", "eating-disorders", "eating-disorder numbers"),
    ("(my bmi|my weight is|goal weight|weighed myself|weigh myself)", "require_warning", "",
     "eating-disorders", "eating-disorder numbers"),
]
