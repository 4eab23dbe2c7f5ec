"""Named lists of words a screening rule can use as {name}, so rules stay short and agree.

`{when}` in a rule means any one of the words of WORD_LISTS["when"]. The
lists are part of the rule language: administrators can use them too.
"""

WORD_LISTS = {
    # A time soon, which makes an intention a plan.
    "when": "(tonight|today|tomorrow|later|soon|this weekend|at the weekend|this week|next week"
            "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this morning"
            "|this afternoon|this evening|in the morning|by the morning|by morning|midnight"
            "|right now|now|in an hour|in a bit|after tea|after school|after work|christmas eve"
            "|christmas|on my birthday|when everyone|when everyones|once everyone|before anyone"
            "|when my|when mum|when dad|once the|after the|after my|when the|when i get home"
            "|first thing|as soon as|at the weekend|sat nite|this wknd)",
    # Someone saying what they mean to do: "I'm going to", "gonna", "I'll".
    "intend": "(going to|gonna|want to|wanna|about to|ready to|need to|have to|got to|gotta"
              "|planning to|plan to|planned to|decided to|i will|ill|i shall|i might|im going to"
              "|should just|might just|intend to|mean to|determined to|i am going to|im gonna"
              "|gonna go|i want to)",
    # Someone else meaning to, as a carer, parent or friend tells of it.
    "they_intend": "(shes going to|hes going to|theyre going to|she is going to|he is going to"
                   "|they are going to|she will|he will|they will|shell|hell|theyll"
                   "|she wants to|he wants to|they want to|shes gonna|hes gonna|shes about to"
                   "|hes about to|plans to|is going to|wants to|is gonna|said she would"
                   "|said he would|threatening to|threatened to|says she will|says he will)",
    "someone": "(herself|himself|themselves|themself)",
    # Tablets and medicines people overdose on.
    "medicine": "(pills|pils|tablets|tabs|tabets|paracetamol|paracetemol|paras|painkillers"
                "|co codamol|cocodamol|codeine|ibuprofen|sleeping pills|sleeping tablets"
                "|sertraline|meds|medication|medicine|medsin|amitriptyline|insulin|lithium"
                "|morphine|diazepam|antidepressants|tramadol|aspirin|capsules|caps|citalopram"
                "|fluoxetine|mirtazapine|quetiapine|pregabalin|gabapentin|propranolol|zopiclone"
                "|promethazine|methadone|fentanyl|epilepsy meds|sleepers|calpol|anti depressants"
                "|insulin pens|pens|patches|the lot|them all|the whole lot|everything|tablet|pill"
                "|dosette box)",
    # Amounts that mean an overdose rather than a dose.
    "many": "(8|9|10|11|12|14|15|16|18|20|21|24|25|28|30|32|35|36|40|45|48|50|56|60|64|70|80"
            "|90|100|200|eight|nine|ten|twelve|fourteen|fifteen|sixteen|twenty|twenty four"
            "|twenty eight|thirty|forty|fifty|sixty|hundred|loads|lots|all|every|whole|handful"
            "|handfuls|load|bunch|stack|two boxes|two packets|three boxes|a box|a packet|a pack"
            "|a bottle|a strip|a blister|boxes|packets|packs|strips|the whole|half a bottle|a lot"
            "|dozens|the rest|30ish|20ish)",
    # Places where people end their lives.
    "place": "(bridge|brige|railway bridge|footbridge|cliff|cliffs|cliff edge|roof|rooftop"
             "|multi storey|multistorey|car park|tower block|balcony|ledge|viaduct|flyover"
             "|top floor"
             "|top deck|quarry|tracks|train tracks|train track|railway|railway line|train line"
             "|level crossing|reservoir|canal|pier|harbour|motorway|dual carriageway|fire escape"
             "|edge|the flats|weir|slipway)",
    # What people keep by them to end their lives.
    "means": "(rope|ropes|ligature|belt|belts|cable|cables|cord|blade|blades|razor|razors"
             "|knife|hosepipe|hosepipes|hose|hoses"
             "|pills|tablets|tabs|paracetamol|insulin|insulin pens|gun|shotgun|rifle|charcoal"
             "|what i need|meds)",
}
