"""Made-up press releases in several house styles, with the claims an importer would find.

Each :class:`MadeUpRelease` is plain text an editor could paste (headline on the first line,
quotes, numbers, dates, a trailing "About ..." section) plus, per paragraph, the spans of its
quotes and candidate claims. The sample of the data set goes through the real importer, which
finds its own spans; the bulk of it is written from these spans directly, so both halves have
the same shape: headline, 10 to 60 claims, quotes with speakers, every span slicing its
paragraph exactly.
"""

import datetime
import hashlib
import random
from dataclasses import dataclass, field

FIRST_NAMES = (
    "Amara", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiroshi", "Ines", "Jonas",
    "Kateryna", "Lars", "Malika", "Nils", "Olufemi", "Priya", "Quentin", "Rosa", "Samir",
    "Tamsin", "Ulrich", "Valentina", "Wen", "Ximena", "Yusuf", "Zofia", "Anouk", "Benedikt",
    "Chiara", "Dagny", "Emeka", "Fumiko", "Gustavo", "Halima", "Ivo", "Jelena", "Kwame",
    "Leonie", "Mateo", "Noor",
)
LAST_NAMES = (
    "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Haddad", "Brennan", "Castillo",
    "Petrov", "Adeyemi", "Kowalski", "Fischer", "Romano", "Nakamura", "Ferreira", "Olsen",
    "Mbeki", "Dubois", "Horvat", "Kaur", "Lehmann", "Vargas", "Sato", "Eriksen", "Mensah",
    "Costa", "Weber", "Ivanova", "Delgado", "Murphy", "Achterberg", "Silva", "Bakker", "Rossi",
    "Yilmaz",
)
ROLES = (
    ("Minister for {area}", "the Minister"),
    ("Secretary of State for {area}", "the Secretary of State"),
    ("Director General of {org}", "the Director General"),
    ("Chief Executive of {org}", "the Chief Executive"),
    ("Mayor of {city}", "the Mayor"),
    ("Chair of {org}", "the Chair"),
    ("Chief Statistician at {org}", "the Chief Statistician"),
    ("spokesperson for {org}", "the spokesperson"),
)
AREAS = (
    "Transport", "Health", "Coastal Affairs", "Digital Infrastructure", "Housing", "Energy",
    "Education", "Rural Development", "Water", "Trade", "Culture", "Public Safety",
)
ORGS = (
    "the Ministry of Coastal Affairs", "the Northbridge City Council", "Aurora Health Trust",
    "the Veltrian Statistics Office", "the Harbour Authority of Calder", "Meridian Rail",
    "the Alliance for Clean Rivers", "the Federal Energy Agency", "Solvik Telecom",
    "the Council of Eastern Provinces", "the National Library of Ostmark", "Brightwater Utilities",
    "the Department for Rural Development", "Kestrel Aerospace", "the Regional Transport Board",
)
CITIES = (
    "Calder", "Northbridge", "Solvik", "Port Amsel", "Veltra", "Ostmark", "Lindholm",
    "Ravensford", "Marisco", "Tirnava", "Eastwick", "Holmgard", "Brightwater", "Kessel",
)
FACILITIES = (
    "hospital wing", "rail link", "flood barrier", "data centre", "ferry terminal", "library",
    "bus depot", "solar farm", "training college", "water treatment plant", "cycle bridge",
)
THINGS = (
    "apprenticeships", "electric buses", "affordable homes", "broadband connections",
    "hospital beds", "nursery places", "charging points", "kilometres of track",
)
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

EVENT = (
    "{person} met {other} in {city} on {weekday} ({date}) to discuss {topic}.",
    "{org_cap} opened the new {facility} in {city} on {date}.",
    "The agreement was signed in {city} on {weekday} by {person} and {other}.",
    "Earlier on {weekday}, {person} visited the {facility} in {city} and met staff.",
    "{org_cap} launched a public consultation on {topic} on {date}.",
)
QUANTITY = (
    "The programme will cost {money} over {years} years.",
    "{org_cap} handled {count} applications in {year}, {pct}% more than the year before.",
    "Around {count} people used the {facility} in its first month.",
    "The region now has {small} {things}, up from {smaller} in {year}.",
    "Funding of {money} has been set aside for {topic}.",
)
PREDICTION = (
    "The new {facility} will open in {month} {future}.",
    "Construction is expected to begin in {month} {future} and to take {years} years.",
    "{org_cap} will publish its full report on {topic} by the end of {future}.",
    "The scheme will create {small} {things} by {future}.",
)
COMPARISON = (
    "Unemployment in {city} fell to {pct}%, the lowest level since {year}.",
    "{city} now has more {things} per resident than any other city in the region.",
    "Waiting times are {pct}% shorter than they were in {year}.",
    "The {facility} is twice the size of the one it replaces.",
)
OTHER = (
    "The two organisations have worked together on {topic} for many years.",
    "The talks covered {topic} and {topic2}.",
    "Further details will be set out in the coming weeks.",
    "Residents can find more information on the council's website.",
    "{person} also thanked local volunteers for their support.",
)
TOPICS = (
    "regional security", "flood defences", "rural broadband", "hospital waiting lists",
    "the energy transition", "school meals", "public transport fares", "water quality",
    "housing supply", "coastal erosion", "digital skills", "cross-border trade",
)
QUOTE = (
    "This is a historic day for {city} and for everyone who worked to make it happen",
    "We promised to deliver this on time and on budget, and we have",
    "No partner is closer or more capable than {city} when it comes to {topic}",
    "The figures show that our plan for {topic} is working",
    "I have been very impressed by what I have seen here today",
    "We will not stop until every household has access to {things}",
    "These results are encouraging, but there is much more to do on {topic}",
    "Families in {city} deserve better, and this investment will help them",
    "We are watching closely and we will act if the numbers do not improve",
    "Our staff have done remarkable work under difficult conditions",
)
KIND_REASONS = {
    "event": ("date", "event_verb", "place"),
    "quantity": ("number", "organization"),
    "prediction": ("future", "date"),
    "comparison": ("comparison", "number"),
    "reported_speech": ("named_person", "reported_speech"),
    "other": ("organization",),
}
KIND_SCORE = {
    "event": 0.55,
    "quantity": 0.8,
    "prediction": 0.6,
    "comparison": 0.75,
    "reported_speech": 0.5,
    "other": 0.2,
}


@dataclass
class Span:
    """One claim the importer would store: a quote or a candidate claim in a paragraph."""

    start: int
    end: int
    text: str
    kind: str
    score: float
    reasons: list
    speaker: str | None = None
    attribution: str = ""
    continues: bool = False  # the second segment of a quote running over two paragraphs


@dataclass
class MadeUpSpeaker:
    name: str
    role: str
    title: str  # how a release refers to them again: "the Minister"
    organization: str


@dataclass
class MadeUpRelease:
    title: str
    organization: str
    published_on: datetime.date
    source_url: str
    style: str
    paragraphs: list = field(default_factory=list)  # stored paragraphs, the headline first
    spans: list = field(default_factory=list)  # per paragraph, its spans
    trailer: list = field(default_factory=list)  # "About ..." lines the importer drops
    separator: str = "\n"
    speakers: dict = field(default_factory=dict)

    @property
    def text(self):
        return self.separator.join(self.paragraphs + self.trailer) + "\n"

    @property
    def claim_count(self):
        return sum(len(spans) for spans in self.spans)

    @property
    def sha256(self):
        return hashlib.sha256("\n".join(self.paragraphs).encode("utf-8")).hexdigest()


class _Paragraph:
    """Builds one paragraph's text while recording the spans of what it says."""

    def __init__(self, quotes):
        self.parts = []
        self.length = 0
        self.spans = []
        self.open_quote, self.close_quote = quotes

    def _add(self, text):
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def sentence(self, text, kind, rng, speaker=None):
        start = self._add(text)
        score = min(1.0, max(0.0, KIND_SCORE[kind] + rng.uniform(-0.15, 0.15)))
        self.spans.append(
            Span(start, start + len(text), text, kind, round(score, 3),
                 list(KIND_REASONS[kind]), speaker)
        )

    def quote(self, words, attribution, speaker, *, before="", after=""):
        """``before`` + “words,” + ``after``: the span is the words inside the marks."""
        opening = f"{before}{self.open_quote}"
        trailing = "," if after and not after.startswith((".", "”", '"')) else ""
        closing = f"{trailing}{self.close_quote}{after}"
        start = self._add(f"{opening}{words}{closing}") + len(opening)
        self.spans.append(
            Span(start, start + len(words), words, "quote", 1.0, ["direct_quote"], speaker,
                 attribution)
        )

    def open_quote_only(self, words, speaker):
        """A quote that runs on into the next paragraph: no closing mark here."""
        start = self._add(f"{self.open_quote}{words}") + 1
        self.spans.append(
            Span(start, start + len(words), words, "quote", 1.0, ["direct_quote"], speaker)
        )

    @property
    def text(self):
        return "".join(self.parts)


STYLES = {
    # name: quote marks, paragraph separator, how quotes are attributed
    "wire": (("“", "”"), "\n"),
    "ministry": (('"', '"'), "\n\n"),
    "corporate": (("“", "”"), "\n\n"),
    "statistics": (('"', '"'), "\n"),
    "council": (("‘", "’"), "\n\n"),
}


class ReleaseWriter:
    """Writes made-up releases; the same seed writes the same releases."""

    def __init__(self, seed=0, first_serial=1):
        self.rng = random.Random(seed)
        self.speakers = self._speaker_pool(self.rng)
        self.serial = first_serial - 1

    @staticmethod
    def _speaker_pool(rng):
        pool = []
        names = [f"{f} {last}" for f in FIRST_NAMES for last in LAST_NAMES]
        rng.shuffle(names)
        for name in names[:600]:
            role, title = rng.choice(ROLES)
            org = rng.choice(ORGS)
            role = role.format(area=rng.choice(AREAS), org=org.removeprefix("the "),
                               city=rng.choice(CITIES))
            pool.append(MadeUpSpeaker(name, role, title, org.removeprefix("the ")))
        return pool

    def _fill(self, template, extra=None):
        rng = self.rng
        year = rng.randint(2012, 2024)
        values = {
            "person": rng.choice(self.speakers).name,
            "other": rng.choice(self.speakers).name,
            "city": rng.choice(CITIES),
            "weekday": rng.choice(WEEKDAYS),
            "date": f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}",
            "topic": rng.choice(TOPICS),
            "topic2": rng.choice(TOPICS),
            "org_cap": rng.choice(ORGS),
            "facility": rng.choice(FACILITIES),
            "money": rng.choice(("£", "€", "$")) + f"{rng.randint(2, 950)} million",
            "years": rng.randint(2, 12),
            "count": f"{rng.randint(1200, 980000):,}",
            "year": year,
            "pct": f"{rng.randint(1, 45)}.{rng.randint(0, 9)}",
            "small": f"{rng.randint(120, 9000):,}",
            "smaller": rng.randint(10, 110),
            "things": rng.choice(THINGS),
            "month": rng.choice(MONTHS),
            "future": rng.randint(2025, 2031),
        }
        values["org_cap"] = values["org_cap"][0].upper() + values["org_cap"][1:]
        if extra:
            values.update(extra)
        return template.format(**values)

    def _claim_sentence(self, para):
        kind = self.rng.choices(
            ("event", "quantity", "prediction", "comparison", "other"), (3, 3, 2, 2, 2)
        )[0]
        table = {"event": EVENT, "quantity": QUANTITY, "prediction": PREDICTION,
                 "comparison": COMPARISON, "other": OTHER}[kind]
        para.sentence(self._fill(self.rng.choice(table)), kind, self.rng)

    def _quote(self, para, speaker, style, first_mention):
        words = self._fill(self.rng.choice(QUOTE))
        pronoun = self.rng.choice(("he", "she"))
        if style == "corporate" and first_mention:
            para.quote(words, f"said {speaker.name}, {speaker.role}", speaker.name,
                       after=f" said {speaker.name}, {speaker.role}.")
        elif style == "ministry" and first_mention:
            para.quote(words + ".", f"{speaker.name} said", speaker.name,
                       before=f"{speaker.role[0].upper()}{speaker.role[1:]} {speaker.name} said: ")
        elif first_mention:
            para.quote(words, f"said {speaker.name}", speaker.name,
                       after=f" said {speaker.name}, {speaker.role}.")
        elif self.rng.random() < 0.5:
            para.quote(words, f"said {speaker.title}", speaker.name,
                       after=f" said {speaker.title}.")
        else:
            para.quote(words, f"{pronoun} added", speaker.name, after=f" {pronoun} added.")

    def write(self, *, claims=None, published_on=None):
        """One release with exactly ``claims`` spans (10 to 60 when not given)."""
        rng = self.rng
        self.serial += 1
        target = claims if claims is not None else rng.randint(10, 60)
        style = rng.choice(tuple(STYLES))
        quotes, separator = STYLES[style]
        org = rng.choice(ORGS)
        city = rng.choice(CITIES)
        published_on = published_on or datetime.date(2015, 1, 1) + datetime.timedelta(
            days=rng.randint(0, 3900)
        )
        cast = rng.sample(self.speakers, rng.randint(1, 3))
        subject = rng.choice(FACILITIES + THINGS)
        headline = (
            f"{org[0].upper()}{org[1:]} sets out plans for {subject} in {city} "
            f"(ref. {published_on:%Y}/{self.serial})"
        )
        release = MadeUpRelease(
            title=headline,
            organization=org.removeprefix("the "),
            published_on=published_on,
            source_url=f"https://press.example.org/{published_on:%Y/%m}/{self.serial}",
            style=style,
            separator=separator,
        )
        head = _Paragraph(quotes)
        head.sentence(headline, "event", rng)
        release.paragraphs.append(head.text)
        release.spans.append(head.spans)
        count = 1

        mentioned = set()
        lead = _Paragraph(quotes)
        date_words = f"{published_on.day} {MONTHS[published_on.month - 1]} {published_on.year}"
        lead.sentence(
            f"{city.upper()}, {date_words} – {org[0].upper()}{org[1:]} today announced "
            f"new plans for {subject} worth {rng.randint(3, 900)} million.",
            "quantity", rng,
        )
        count += 1
        paragraphs = [lead]
        while count < target:
            para = _Paragraph(quotes)
            room = target - count
            shape = rng.random()
            if room >= 3 and shape < 0.1 and style in ("wire", "corporate"):
                # A quote that runs over two paragraphs.
                speaker = rng.choice(cast)
                para.open_quote_only(self._fill(rng.choice(QUOTE)) + ".", speaker.name)
                paragraphs.append(para)
                para = _Paragraph(quotes)
                self._quote(para, speaker, style, speaker.name not in mentioned)
                para.spans[-1].continues = True
                mentioned.add(speaker.name)
                count += 2
            elif shape < 0.45 and style != "statistics" or shape < 0.15:
                speaker = rng.choice(cast)
                if rng.random() < 0.3 and room >= 2:
                    para.sentence(
                        f"{speaker.name} said the {rng.choice(FACILITIES)} would be ready "
                        f"by {rng.randint(2025, 2031)}.",
                        "reported_speech", rng, speaker=speaker.name,
                    )
                    count += 1
                self._quote(para, speaker, style, speaker.name not in mentioned)
                mentioned.add(speaker.name)
                count += 1
            for _ in range(min(target - count, rng.randint(1, 4))):
                self._claim_sentence(para)
                count += 1
            paragraphs.append(para)
        for para in paragraphs:
            release.paragraphs.append(para.text)
            release.spans.append(para.spans)
        for speaker in cast:
            if speaker.name in mentioned:
                release.speakers[speaker.name] = speaker
        about = org.removeprefix("the ")
        release.trailer = [
            f"About {about}",
            f"{about} serves {rng.randint(40, 900)},000 people across the region.",
            f"Media contact: press@{about.split()[0].lower()}.example.org",
        ]
        return release
