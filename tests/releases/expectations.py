"""Ground truth for the made-up releases in this folder: every direct quote and its speaker.

Each entry is ``(quote text as it should be extracted, full name of the speaker or None)``,
in reading order. A quote running over several paragraphs is one entry per paragraph.
Quotes by an organization speaking as a body are given the organization's name.
"""

EXPECTED: dict[str, list[tuple[str, str | None]]] = {
    "uk-dept-flood-funding.txt": [
        ("Flooding devastates lives and livelihoods, and we are determined to do everything "
         "we can to protect communities", "Steve Barclay"),
        ("This investment will make a real difference to families who have suffered year "
         "after year.", "Steve Barclay"),
        ("Our teams have worked tirelessly with local partners to identify the schemes that "
         "will have the greatest impact", "Alan Lovell"),
        ("We're ready to start building.", "Alan Lovell"),
        ("We know the \"new normal\" of more extreme weather means we must adapt faster.",
         "Robbie Moore"),
        ("I've seen for myself how much these defences matter", "Steve Barclay"),
    ],
    "us-university-coral.txt": [
        ("We expected to see slow, patchy recovery, but in many places the reefs bounced back "
         "within five years", "Sarah M. Whitfield"),
        ("That gives us real hope.", "Sarah M. Whitfield"),
        ("The surprise was how much local water quality mattered", "Sarah M. Whitfield"),
        ("Reefs near clean, well-managed coastlines recovered twice as fast.",
         "Sarah M. Whitfield"),
        ("Recovery is not the same as resilience", "David Okafor"),
        ("If bleaching events keep coming every two or three years, even the fastest-recovering "
         "reefs will run out of time.", "David Okafor"),
        ("This is exactly the kind of long-term science that pays off", "Linda Park"),
    ],
    "company-q3-results.txt": [
        ("This was the strongest quarter in our company's 96-year history",
         "Maria Delgado-Reyes"),
        ("Our teams delivered more than 210,000 vehicles, and our EV business turned a profit "
         "for the first time.", "Maria Delgado-Reyes"),
        ("We're raising our full-year guidance, and we expect free cash flow of between $4 "
         "billion and $4.5 billion", "James T. Whitaker"),
        ("Our balance sheet has never been stronger.", "James T. Whitaker"),
        ("We are not slowing down", "Maria Delgado-Reyes"),
        ("The next twelve months will be about scale.", "Maria Delgado-Reyes"),
    ],
    "un-agency-heat.txt": [
        ("Billions of people are facing an extreme heat epidemic – wilting under increasingly "
         "deadly heatwaves, with temperatures topping 50 degrees Celsius around the world",
         "António Guterres"),
        ("That’s 122 degrees Fahrenheit. And halfway to boiling.", "António Guterres"),
        ("Heat is the silent killer, and we have the knowledge to prevent most of these "
         "deaths.", "Celeste Saulo"),
        ("Every one of these deaths is preventable", "Tedros Adhanom Ghebreyesus"),
        ("Early warning systems work, and they are cheap.", "Tedros Adhanom Ghebreyesus"),
        ("No one should have to choose between their health and their livelihood.",
         "Tedros Adhanom Ghebreyesus"),
    ],
    "eu-commission-energy.txt": [
        ("Russia is blackmailing us. Russia is using energy as a weapon. And therefore, in any "
         "event, whether a partial major cut-off of Russian gas or a total cut-off of Russian "
         "gas, Europe needs to be ready.", "Ursula von der Leyen"),
        ("Our plan is a shared European effort. Every cubic metre of gas saved today is a "
         "cubic metre available for the winter.", "Kadri Simson"),
        ("I am confident that Member States will show solidarity", "Kadri Simson"),
        ("The cheapest and cleanest energy is the energy we do not use", "Frans Timmermans"),
    ],
    "police-appeal.txt": [
        ("This was a very serious collision and our thoughts are with the young man and his "
         "family.", "Amanda Cole"),
        ("We know the road was busy at the time and I would urge anyone who saw what happened, "
         "or who has dashcam footage, to get in touch.", "Amanda Cole"),
        ("We would like to thank motorists for their patience while the road was closed",
         None),
    ],
    "sports-federation-squad.txt": [
        ("They have earned this through their performances, simple as that",
         "Gareth Thompson"),
        ("Josh has been outstanding for Exeter.", "Gareth Thompson"),
        ("It's been a long nine months, but I'm back and I feel stronger than ever",
         "Ellie-Mae Brookes"),
        ("I can't wait to pull on the shirt again.", "Ellie-Mae Brookes"),
        ("We're not getting carried away", "Gareth Thompson"),
        ("Australia will be a huge test.", "Gareth Thompson"),
    ],
    "ngo-drought-appeal.txt": [
        ("What we are seeing is unprecedented. Livestock have died in their millions, and "
         "families who have farmed this land for generations are walking for days to reach "
         "water.", "Amina Hassan"),
        ("In one village I visited last week, mothers told me they had not eaten for three "
         "days so that their children could have something.", "Amina Hassan"),
        ("The world cannot look away again. We need $500 million in the next three months to "
         "prevent a catastrophe.", "Amina Hassan"),
        ("Cash transfers let families decide what they need most, and they keep local markets "
         "alive.", "Peter Lindqvist"),
        ("We can do it", "Amina Hassan"),
        ("but only if the money arrives in time.", "Amina Hassan"),
    ],
    "interview-mayor.txt": [
        ("For the first time, people in the eastern districts will be able to reach the city "
         "centre in under 20 minutes. That changes where people can work, study and live.",
         "Rosa Lindgren"),
        ("Yes. Any large infrastructure project meets problems, and we were honest about ours. "
         "The line will carry 12 million passengers a year.", "Rosa Lindgren"),
        ("We have frozen fares for under-18s and pensioners travel free. I think that's fair.",
         "Rosa Lindgren"),
    ],
    "german-style-ministry.txt": [
        ("Mit diesem Programm machen wir den Umstieg auf klimafreundliche Heizungen für alle "
         "bezahlbar", "Robert Habeck"),
        ("Wir rechnen mit über 500.000 Anträgen im ersten Jahr.", "Anja Hajduk"),
        ("Das ist ein wichtiges Signal für Handwerk und Industrie.", "Markus Staudt"),
    ],
    "html-city-council.html": [
        ("This is the biggest investment in cycling our city has ever made",
         "Priya Natarajan"),
        ("It will make it safer for everyone to leave the car at home.", "Priya Natarajan"),
        ("Families have told us again and again that they would cycle more if the roads felt "
         "safer", "Priya Natarajan"),
    ],
    "scare-quotes-tech.txt": [
        ("Our customers don't want to choose between performance and the planet",
         "Aoife Brennan"),
        ("This site proves they don't have to.", "Aoife Brennan"),
        ("Ireland's data centres must be part of the solution, not the problem", "Eamon Ryan"),
        ("Heat reuse is welcome, but it doesn't change the fact that these sites use a fifth "
         "of Ireland's electricity.", "Niamh Kelly"),
        ("We publish our energy use every quarter, and anyone can check it", "Aoife Brennan"),
    ],
    "wrapped-research-council.txt": [
        ("turn world-class science into real products", "Helen Marsh"),
        ("Quantum computing is no longer a distant prospect", "Helen Marsh"),
        ("Within a decade these hubs will be building machines that solve problems no "
         "classical computer can.", "Helen Marsh"),
        ("We can now hire 40 researchers and build the lab we have been designing for three "
         "years", "Rajesh K. Iyer"),
    ],
    "french-style-agency.txt": [
        ("Ce satellite nous donnera des données d'une précision inédite sur l'élévation du "
         "niveau des mers", "Claire Dubois"),
        ("la mission durera au moins sept ans", "Julien Martin"),
    ],
}
