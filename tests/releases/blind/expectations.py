"""Ground truth for the blind releases: made-up releases written before reading the engine.

Each entry is ``(quote text as it should be extracted, full name of the speaker or None)``,
in reading order, written from the text alone. A quote broken by its attribution is two
entries; a quote running over several paragraphs is one entry per paragraph. Scare quotes,
quoted titles, campaign and product names, nicknames and quoted single words are not quotes;
a partial quote of a person's words inside reported speech is. Full names keep middle
initials and suffixes (Jr., III) and drop titles (Dr, Prof., Sen., the Hon.).
"""

EXPECTED: dict[str, list[tuple[str, str | None]]] = {
    "us-epa-lead-pipes.txt": [
        ("No parent should have to worry about whether the water coming out of their kitchen "
         "tap is safe for their children to drink", "Michael S. Regan"),
        ("With this investment, we are getting the lead out, once and for all.",
         "Michael S. Regan"),
        ("Ten years ago, this community became a symbol of what happens when government fails",
         "Michael S. Regan"),
        ("Today it is a symbol of what happens when we get it right.", "Michael S. Regan"),
        ("Michigan families have waited far too long for this", "Gary Peters"),
        ("I fought to secure this funding in the bipartisan infrastructure law, and I'm proud "
         "to see it delivered.", "Gary Peters"),
        ("This is what it looks like when Washington actually works for working people",
         "Debbie Stabenow"),
        ("Flint's water crisis should never be repeated anywhere in America", "Dan Kildee"),
        ("These dollars will reach the neighborhoods that need them most.", "Dan Kildee"),
        ("We have replaced more than 10,000 lead lines in Flint alone, and this funding will "
         "help us finish the job statewide", "Gretchen Whitmer"),
        ("Every community deserves safe drinking water, no matter its zip code",
         "Mona Hanna-Attisha"),
        ("For years we were told to wait", "Sheldon A. Neeley Jr."),
        ("We waited long enough!", "Sheldon A. Neeley Jr."),
    ],
    "ny-governor-transit.txt": [
        ("The Interborough Express will be a game-changer for hundreds of thousands of New "
         "Yorkers who have been left out of our transit system for far too long",
         "Kathy Hochul"),
        ("We're not just drawing lines on a map - we're delivering real transit for real "
         "people, and we're doing it faster than anyone thought possible.", "Kathy Hochul"),
        ("This project shows what's possible when the State and the MTA work together with "
         "communities. I promised New Yorkers we would get this done, and we are keeping that "
         "promise.", "Kathy Hochul"),
        ("The IBX is the most important new transit project in a generation, and it will be "
         "built with the cost discipline New Yorkers deserve.", "Janno Lieber"),
        ("We studied every inch of this corridor. Using the existing rail line means fewer "
         "disruptions, lower costs and a faster timeline.", "Jamie Torres-Springer"),
        ("For working families in Jackson Heights and Elmhurst, the IBX means an hour back in "
         "their day, every day. That's time with their kids, time to rest, time to live.",
         "Jessica Ramos"),
        ("Queens has been a 'transit desert' for too long. Today we change that.",
         "Juan Ardila"),
        ("Brooklyn commuters have been squeezed onto crowded buses for decades. I thank "
         "Governor Hochul for listening to our communities.", "Shahana K. Hanif"),
        ("Riders have been calling for this line since the '90s, and we're thrilled to see it "
         "move forward.", "Betsy Plum"),
    ],
    "govuk-housing.txt": [
        ("We’re getting Britain building again. For too long, a generation of young people "
         "have been locked out of the dream of home ownership, and we’re determined to change "
         "that.", "Keir Starmer"),
        ("These new towns won’t just be places to live – they’ll be places people are proud "
         "to call home.", "Keir Starmer"),
        ("This is the biggest housebuilding programme in a generation. We’ve listened to "
         "councils and communities, and we’re backing them with the funding they need to get "
         "spades in the ground.", "Angela Rayner"),
        ("Building homes is central to growing the economy. Today’s announcement will unlock "
         "billions in private investment and create thousands of skilled jobs.",
         "Rachel Reeves"),
        ("Our recommendations are based on what the evidence tells us works. The best new "
         "towns of the past were planned as whole communities – that’s what we’ve set out to "
         "do.", "Michael Lyons"),
    ],
    "irish-minister-wrapped.txt": [
        ("Communities across Ireland are showing us what the energy transition can look like "
         "when it is led locally. From solar panels on GAA clubhouses to heat pumps in parish "
         "halls, these projects will cut bills and cut emissions.", "Darragh O'Brien"),
        ("I want every parish in the country to have the chance to be part of this",
         "Darragh O'Brien"),
        ("Rural communities have sometimes felt that climate action is something done to them "
         "rather than with them", "Marian Harkin"),
        ("This programme turns that around completely.", "Marian Harkin"),
        ("Every euro we invest is matched, on average, by sixty cent raised locally",
         "William Walsh"),
        ("That tells you how much appetite there is.", "William Walsh"),
        ("a lifeline for an island that wants to run on its own wind and sun",
         "Seán Ó Conaill"),
        ("We've been talking about this since the '80s", "Seán Ó Conaill"),
        ("Now we can finally get on with it.", "Seán Ó Conaill"),
    ],
    "canada-arctic-quotes.txt": [
        ("The Arctic is warming nearly four times faster than the rest of the planet. Northern "
         "communities are on the front lines, and Northern knowledge has to be at the centre "
         "of how we respond. This investment puts research capacity where it belongs - in the "
         "North, led by the North.", "Rebecca Alty"),
        ("Nunavummiut have been watching the land and the ice change for generations. I'm "
         "proud that young people in Cambridge Bay will be paid to do this important work in "
         "their own community.", "Lori Idlout"),
        ("Inuit knowledge and Western science are strongest when they work side by side. This "
         "station is proof of that.", "Jeanette Carpenter-Qitsualik"),
    ],
    "who-unicef-joint.txt": [
        ("Measles is back, and it’s a wake-up call", "Hans Henri P. Kluge"),
        ("Without high vaccination rates, there is no health security. Every country must "
         "step up efforts to reach under-vaccinated communities.", "Hans Henri P. Kluge"),
        ("Children everywhere deserve protection from preventable diseases",
         "Regina De Dominicis"),
        ("Vaccines are safe and effective, and they save lives. Yet too many children are "
         "still missing out.", "Regina De Dominicis"),
        ("We are seeing outbreaks on every continent", "Tedros Adhanom Ghebreyesus"),
        ("Measles anywhere is a threat everywhere.", "Tedros Adhanom Ghebreyesus"),
        ("Front-line health workers are the backbone of every immunization programme. They "
         "need our support, not our suspicion", "Catherine Russell"),
        ("the most dangerous virus of all", "Hans Henri P. Kluge"),
    ],
    "imf-world-bank-ghana.txt": [
        ("Ghana's economic recovery is gaining momentum. Growth was stronger than expected in "
         "2024, at 5.7 percent, and inflation has declined to 23 percent from a peak of 54 "
         "percent in December 2022.", "Ruben Atoyan"),
        ("Important challenges remain, however. Fiscal slippages ahead of the elections need "
         "to be reversed decisively, and the energy sector continues to pose risks to public "
         "finances.", "Ruben Atoyan"),
        ("Our monetary policy stance will remain tight until inflation is firmly on a downward "
         "path", "Johnson Pandit Asiama"),
        ("the era of central bank financing of the budget is over.", "Johnson Pandit Asiama"),
        ("This operation supports reforms that will make growth more inclusive and public "
         "finances more resilient", "Robert R. Taliercio O'Brien"),
        ("Protecting the poorest households while restoring fiscal discipline is essential.",
         "Robert R. Taliercio O'Brien"),
        ("fully committed to the program and to the reforms that underpin it.",
         "Cassiel Ato Forson"),
        ("We inherited an economy in crisis. Step by step, we are putting it back on its feet",
         "Cassiel Ato Forson"),
    ],
    "eu-parliament-ai.html": [
        ("Today we close a legal gap that left citizens powerless against opaque algorithms. "
         "If an AI system harms you, you should not need a PhD in computer science to get "
         "justice.", "Axel Voss"),
        ("This is a balanced text. It protects people without stifling innovation, and it "
         "gives businesses the legal certainty they have been asking for.", "Brando Benifei"),
        ("Europe has once again shown that it can set global standards", "Anna Cavazzini"),
        ("Others will follow.", "Anna Cavazzini"),
        ("a paradise for lawyers and a nightmare for start-ups", "Kosma Złotowski"),
        ("Trust is the foundation of a successful AI market in Europe", "Henna Virkkunen"),
    ],
    "us-university-battery.txt": [
        ("Sodium has always been the poor cousin of lithium: cheap, but slow and short-lived",
         "Juan Carlos de la Fuente"),
        ("What we've shown is that the problem was never the sodium. It was the way the "
         "electrode was built.", "Juan Carlos de la Fuente"),
        ("You can think of it like widening the lanes on a highway", "Juan Carlos de la Fuente"),
        ("Traffic moves, and nothing gets damaged.", "Juan Carlos de la Fuente"),
        ("I almost threw the sample away", "Mei-Ling Zhou"),
        ("I thought I'd made a mistake in the measurement.", "Mei-Ling Zhou"),
        ("Every time, the number came back the same", "Mei-Ling Zhou"),
        ("For a phone or an EV, weight matters enormously. For a shipping container full of "
         "batteries next to a wind farm, it barely matters at all", "Tomás Ferreira-Lind"),
        ("one of the most promising I've seen in a decade.", "Robert K. Ashby III"),
        ("the real test will be manufacturing it at scale.", "Robert K. Ashby III"),
    ],
    "uk-university-dementia.txt": [
        ("For years, the only way to see these changes was an expensive brain scan or a lumbar "
         "puncture. A blood test that costs a few pounds could change that completely.",
         "Aisha Rahman-Whitley"),
        ("It means we could one day screen people in their fifties, in the same way that we "
         "screen for high cholesterol today.", "Aisha Rahman-Whitley"),
        ("A positive test is not a diagnosis", "Owen ap Rhys"),
        ("It tells us who is at higher risk, and that is where new treatments are likely to do "
         "the most good.", "Owen ap Rhys"),
        ("This is world-leading research with the potential to help millions of families. I'm "
         "incredibly proud of the team.", "Nigel Fairbrother"),
        ("Early detection is one of the biggest challenges in dementia research. These results "
         "are really encouraging, but we now need to see the test work in a more diverse "
         "population.", "Sheona Scales"),
    ],
    "pharma-trial-results.txt": [
        ("These results exceed what we hoped for when we designed HORIZON-3",
         "Priya Venkataraman-Hall"),
        ("Three out of four patients saw their skin almost completely clear within four "
         "months. For people who have lived with this disease for years, that is "
         "life-changing.", "Priya Venkataraman-Hall"),
        ("Today's data validate the science behind our entire immunology pipeline",
         "Marcus L. Oyelaran"),
        ("We are moving with urgency to bring Zentrivo to patients, and we expect to file with "
         "the FDA and EMA in the second half of the year.", "Marcus L. Oyelaran"),
        ("The speed of response was striking. Many patients reported relief from itching "
         "within the first two weeks.", "Katrin Müller-Lüdenscheidt"),
    ],
    "tech-launch.html": [
        ("Field engineers keep the lights on, but they’ve been left behind by every wave of "
         "software", "Dev Ramaswamy"),
        ("They’re climbing poles in a storm with a 400-page PDF. Atlas puts thirty years of "
         "know-how in their pocket.", "Dev Ramaswamy"),
        ("We didn’t want a chatbot that sounds clever", "Dev Ramaswamy"),
        ("We wanted one that’s right.", "Dev Ramaswamy"),
        ("Our newest engineers are now fixing faults that used to need a senior colleague on "
         "the phone", "Kimberly O’Neal-Park"),
        ("That’s a huge deal when you’re restoring power after a wildfire.",
         "Kimberly O’Neal-Park"),
        ("I’ve seen a lot of ‘revolutionary’ tools come and go", "Sam Okafor"),
        ("This one actually stuck.", "Sam Okafor"),
    ],
    "police-appeal-wrapped.txt": [
        ("This was a shocking and violent attack which has left a man fighting for his life.",
         "Claire Pennington-Hughes"),
        ("We know there were a number of people in the area at the time, including a group who "
         "were leaving the Gatehouse pub. Did you see what happened? Did you film anything on "
         "your phone?", "Claire Pennington-Hughes"),
        ("Even the smallest detail could help us", "Claire Pennington-Hughes"),
        ("I understand that incidents like this are worrying. You will see extra patrols in "
         "the area over the coming days, so please speak to officers if you have any "
         "concerns.", "Tom Baptiste"),
    ],
    "da-contractor-fraud.txt": [
        ("This defendant allegedly preyed on older New Yorkers who trusted him to keep their "
         "homes safe", "Alvin L. Bragg Jr."),
        ("Instead, he allegedly drained their savings with fake emergencies and phony "
         "invoices. We will not tolerate scams that target our seniors.", "Alvin L. Bragg Jr."),
        ("a ticking time bomb.", "Anthony Marchetti"),
        ("My clients are devastated", "Malcolm T. Greene Jr."),
        ("Some of them have had to borrow money from their grandchildren.",
         "Malcolm T. Greene Jr."),
        ("Home-repair fraud is one of the most common complaints we receive from older adults",
         "Vilda Vera Mayuga"),
        ("We're grateful to DA Bragg for holding this contractor accountable.",
         "Vilda Vera Mayuga"),
    ],
    "sports-club-signing.txt": [
        ("Luiz is a special player!", "Mikel Arrizabalaga-Ruiz"),
        ("He can play in three positions in midfield, he presses, he creates, and he has that "
         "bit of magic you can't coach.", "Mikel Arrizabalaga-Ruiz"),
        ("We've been following him for two years", "Mikel Arrizabalaga-Ruiz"),
        ("When the chance came, we didn't hesitate.", "Mikel Arrizabalaga-Ruiz"),
        ("Is there a better league in the world? I don't think so", "Luiz Henrique Andrade"),
        ("I grew up watching it on TV with my father, and now I'm going to play in it. I "
         "can't wait to meet the fans.", "Luiz Henrique Andrade"),
        ("He called me every week for a month. How could I say no?", "Luiz Henrique Andrade"),
        ("He'll need time to adapt to the weather", "Mikel Arrizabalaga-Ruiz"),
        ("I've seen the forecast", "Luiz Henrique Andrade"),
        ("I'm ready!", "Luiz Henrique Andrade"),
        ("The lads are buzzing", "Jordan Ellis-Mbeki"),
        ("You only have to watch five minutes of his highlights to see why.",
         "Jordan Ellis-Mbeki"),
        ("We wanted him in before the tour, so he could bond with the group", "Karen O'Hara"),
        ("It's been a long summer, but it's worth it!", "Karen O'Hara"),
    ],
    "charity-veterans-winter.txt": [
        ("Every one of these men and women served this country. Many of them saw things on "
         "operations that none of us would want to imagine. And yet, when they needed us "
         "most, too many found the door closed.", "Andrew Kettleborough-Hay"),
        ("This winter, we want to make sure that no veteran has to choose between heating and "
         "eating, or spend a single night on the streets.", "Andrew Kettleborough-Hay"),
        ("What struck me was not despair but dignity", "Elizabeth O'Driscoll"),
        ("These are people who want to work, who want to contribute, and who simply need a "
         "hand.", "Elizabeth O'Driscoll"),
        ("gave me my life back", "Dean Whitlock"),
        ("I was too proud to ask for help. I thought, 'I've been through worse than this,'",
         "Dean Whitlock"),
        ("But you can't tough out a Plymouth winter in a doorway.", "Dean Whitlock"),
        ("When a lad tells me 'nobody understands,' I can say, 'I do, mate.' That's powerful",
         "Dean Whitlock"),
        ("Demand is rising faster than our funding. We have the staff, the skills and the "
         "beds — what we need now is the public's support.", "Sarah-Jane MacLeod"),
    ],
}
