"""The speaker registry: one entry per person, found by name, surname, title or pronoun.

Every lookup is a dictionary hit or a walk over a short list (the people sharing a surname
or a role word), so resolving a reference costs the same in a 1 MB release as in a short one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .budget import charge
from .frames import person_like, surname_capitals
from .languages import lexicon
from .lexicon import (
    GIVEN_NAME_HONORIFICS,
    NAME_SUFFIXES,
    ORG_WORDS,
    PARTICLES,
    ROLE_WORDS,
    word_set,
)
from .model import Speaker
from .tokens import Ref

_RECENT = 12  # how many recent subjects a pronoun may reach back to
# A word or role word shared by more people than this says nothing about who is meant; the
# cap keeps every lookup a walk over a short list, whatever the release.
_SHARED = 50
_ROLE_KEYS = 400  # characters of role keys kept per person


@dataclass(eq=False)
class Person:
    """A registry entry; ``is_org`` marks an organization quoted as a body."""

    name: str
    role: str = ""
    org: str = ""
    gender: str = ""
    role_key: str = ""
    is_org: bool = False
    output: bool = False
    seen: int = 0
    aliases: dict[str, None] = field(default_factory=dict)

    def speaker(self) -> Speaker:
        aliases = [a for a in self.aliases if a != self.name]
        return Speaker(name=self.name, role=self.role, organization=self.org, aliases=aliases)


def _name_words(name: str) -> list[str]:
    """Lower-case words of a name, without a generational suffix ("Jr.", "III")."""
    words = [w.strip(".").lower() for w in name.split() if w.strip(".")]
    if len(words) > 2 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words


class Registry:
    """Every person the release names, indexed for cheap lookups."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_name: dict[str, Person] = {}
        self._by_first_last: dict[tuple[str, str], Person] = {}
        self._by_last_two: dict[tuple[str, str], Person] = {}
        self._by_first_two: dict[tuple[str, str], Person | None] = {}
        self._by_token: dict[str, list[Person]] = defaultdict(list)
        self._by_role_word: dict[str, list[Person]] = defaultdict(list)
        self._orgs_by_word: dict[str, list[str]] = {}
        self._orgs_named: list[str] = []  # organisations named in full, in reading order
        self._clock = 0

    # -- adding ---------------------------------------------------------------------------
    def add_person(self, ref: Ref, *, output: bool) -> Person:
        charge(3)
        words = _name_words(ref.name)
        key = " ".join(words)
        person = self._by_name.get(key)
        full = [w for w in words if len(w) > 1]
        if person is None and len(full) >= 2:
            person = self._by_first_last.get((full[0], full[-1]))
        if person is None and len(words) == 1:
            person = self.find_token(words[0])
        if person is None and len(full) == 2:
            # "Cortizo Cohen", "Johnson Smith": two surnames of someone named in full.
            person = self._by_last_two.get((full[0], full[1]))
        if person is None and len(full) == 2 and len(words) == 2:
            # "Zainal Arifin" after "Zainal Arifin Mohd Ishak", "Ana María" after "Ana María
            # López": the given names of one person named in full before.
            person = self._by_first_two.get((full[0], full[1]))
        if person is None and len(full) >= 3:
            shorter = self._by_name.get(" ".join(full[-2:]))
            if shorter is not None and not shorter.is_org:
                person = shorter  # named by the two surnames first, in full later
        if person is None and len(words) >= 3 and words[0] not in PARTICLES \
                and any(w in PARTICLES for w in words[1:-1]):
            # "Quintero de Arévalo", "Martín del Campo", "Müller von Aue": a surname joined
            # by a particle is the surname of the one person named in full with it.
            holders = [other for other in self.people if not other.is_org
                       and len(_name_words(other.name)) > len(words)
                       and _name_words(other.name)[-len(words):] == words]
            if len(holders) == 1:
                person = holders[0]
        if person is None and len(words) >= 3:
            # "Mohammed bin Rashid" (a headline) before "Mohammed bin Rashid Al Maktoum".
            for k in range(len(words) - 1, 1, -1):
                shorter = self._by_name.get(" ".join(words[:k]))
                if shorter is not None and not shorter.is_org:
                    person = shorter
                    break
        if person is None:
            for word in words:
                single = self._by_name.get(word)
                if single is not None and len(_name_words(single.name)) == 1:
                    person = single
                    break
        if person is None:
            person = Person(name=surname_capitals(ref.name))
            self.people.append(person)
        elif len(words) > len(_name_words(person.name)) and (
                len(_name_words(person.name)) == 1
                or _name_words(person.name) == words[-len(_name_words(person.name)):]
                or _name_words(person.name) == words[:len(_name_words(person.name))]
                or _name_words(person.name) == [words[0], words[-1]]):
            # The fullest form of the name: the surname alone, the surnames, or the given
            # name and surname ("Jane Doe" after "Jane Mary Alice Doe") grow into it.
            person.name = surname_capitals(ref.name)
        self._index(person, words, key)
        nickname = [w for w in _name_words(ref.nickname) if len(w) > 1]
        if len(nickname) >= 2:
            # "Cuco X" later names "José Eduardo “Cuco” X Y".
            self._by_first_last.setdefault((nickname[0], nickname[1]), person)
            self._by_first_last.setdefault((nickname[0], nickname[-1]), person)
        if len(full) >= 3 and ref.role:
            # (only a name given with a role: a headline's capitalised words, "Mr Jane Doe
            # Nominated", are not a longer name of hers)
            first_two = (full[0], full[1])
            if self._by_first_two.get(first_two, person) is not person:
                self._by_first_two[first_two] = None  # two people share them: neither
            else:
                self._by_first_two[first_two] = person
        self.learn(person, ref)
        person.output = person.output or output
        return person

    def saw_org(self, name: str) -> None:
        """An organisation named in full ("the Ministry of Health"), for a later "the
        Ministry said" to resolve to."""
        words = name.split()
        if len(words) >= 2:
            named = self._orgs_by_word.setdefault(words[0].lower(), [])
            if name not in named and len(named) < 4:
                named.append(name)
            if name not in self._orgs_named and len(self._orgs_named) < _ORGS_NAMED:
                self._orgs_named.append(name)

    def saw_acronym(self, acronym: str, name: str) -> None:
        """ "(DIRPA)" after an organisation's name: "DIRPA" later stands for that name."""
        self._orgs_by_word.setdefault(acronym.lower(), [name])

    def org_called(self, noun: str) -> str | None:
        """The one organisation named so far whose name holds ``noun`` ("department" ->
        "the Department of Roads"), or None when none or several do."""
        # (German names a body by a compound ending in its kind: "der Verband" after "der
        # Landesverband der Pflegeberufe".)
        compound = lexicon().code == "de" and len(noun) > 3
        found = {name for name in self._orgs_named
                 if any(w == noun or compound and w.endswith(noun)
                        for w in (w.lower() for w in _ORG_NAME_WORD.findall(name)))}
        return found.pop() if len(found) == 1 else None

    def only_org(self) -> str | None:
        """The one organisation named in full so far, or None when none or several are."""
        return self._orgs_named[0] if len(self._orgs_named) == 1 else None

    def add_org(self, name: str) -> Person:
        named = self._orgs_by_word.get(name.lower(), []) if " " not in name else []
        if len(named) == 1:
            name = named[0]  # "the Ministry" after "the Ministry of Health": that ministry
        key = "org:" + name.lower()
        person = self._by_name.get(key)
        if person is None:
            person = Person(name=name, is_org=True)
            self.people.append(person)
            self._by_name[key] = person
        person.output = True
        return person

    def _index(self, person: Person, words: list[str], key: str) -> None:
        self._by_name.setdefault(key, person)
        full = [w for w in words if len(w) > 1]
        if len(full) >= 2:
            self._by_first_last.setdefault((full[0], full[-1]), person)
        if len(full) >= 3:
            self._by_last_two.setdefault((full[-2], full[-1]), person)
        for i, word in enumerate(words):
            if len(word) > 1 and word not in PARTICLES:
                _index_once(self._by_token[word], person)
            if word in PARTICLES and i:
                _index_once(self._by_token[" ".join(words[i:])], person)

    def learn(self, person: Person, ref: Ref) -> None:
        if ref.role and not person.role:
            person.role = ref.role
            person.org = person.org or ref.org
        elif ref.org and not person.org:
            person.org = ref.org
        if ref.gender and not person.gender:
            person.gender = ref.gender
        key = ref.role_key
        if key and key not in person.role_key and len(person.role_key) < _ROLE_KEYS:
            person.role_key = (person.role_key + " | " + key).strip(" |")
            for word in key.split():
                _index_once(self._by_role_word[word], person)

    def alias(self, person: Person, text: str) -> None:
        text = text.strip(" ,.;:")
        if text and text != person.name and len(text) < 120:
            person.aliases.setdefault(text, None)

    def touch(self, person: Person) -> None:
        self._clock += 1
        person.seen = self._clock

    # -- finding ----------------------------------------------------------------------------
    def find_token(self, word: str, *, given: bool = False) -> Person | None:
        """The person a surname (or, with ``given``, a given name: "Sir Anand", "Sheikh
        Mohammed") refers to; the most recent one on a tie."""
        people = self._by_token.get(word.lower().strip("."))
        if not people:
            return None
        if len(people) == 1:
            return people[0]
        low = word.lower()
        exact = [p for p in people if _name_words(p.name)[0 if given else -1] == low]
        return max(exact or people, key=lambda p: p.seen)

    def namesakes(self, person: Person, word: str) -> list[Person]:
        """The other people with a person's name whose surname is also ``word``."""
        low = word.lower().strip(".")
        return [other for other in self._by_token.get(low, ())
                if other is not person and not other.is_org and person_like(other.name)
                and _name_words(other.name)[-1] == low]

    def find_title(self, role_key: str, org: str = "") -> Person | None:
        """The person holding a role ("secretary general"), of the organisation ``org`` when
        the title names one; the best, then most recent, match."""
        matches = self._title_matches(role_key, org)
        return max(matches, key=lambda m: (m[0], m[1].seen))[1] if matches else None

    def title_rivals(self, person: Person, role_key: str, org: str = "",
                     gender: str = "") -> list[Person]:
        """The other people a title fits as well as it fits ``person`` ("the Minister"
        after a health minister and a finance minister), whom ``gender`` does not rule out."""
        matches = self._title_matches(role_key, org)
        quality = max((q for q, p in matches if p is person), default=0)
        return [p for q, p in matches if p is not person and q == quality
                and not (gender and p.gender and p.gender != gender)]

    def _title_matches(self, role_key: str, org: str) -> list[tuple[int, Person]]:
        """(how well the title fits, person) for each person holding a role it names."""
        words = role_key.split()
        if not words:
            return []
        if org and len(org.split()) < 2 and not org.isupper() and org.lower() not in ORG_WORDS:
            org = ""  # "Jefe de Estado": a word completing the title, not an organisation
        matches = []
        for person in self._by_role_word.get(words[-1], ()):
            if not person_like(person.name):
                continue  # "presidenta de la República": a role beside a word, not a name
            if org and (not person.org or org.lower() not in person.org.lower()
                        and person.org.lower() not in org.lower()):
                continue  # the president of another (or of an unknown) organisation
            quality = max(_role_match(held, role_key) for held in person.role_key.split(" | "))
            if quality:
                matches.append((quality, person))
        return matches

    def speakers(self) -> list[Speaker]:
        return [p.speaker() for p in self.people if p.output]


# Past this many organisations a release is a list (of members, sponsors), not a story.
_ORGS_NAMED = 40
_ORG_NAME_WORD = re.compile(r"[^\W\d_]+")


def _index_once(people: list[Person], person: Person) -> None:
    if len(people) < _SHARED and person not in people:
        people.append(person)


# Words before a title that make it someone else's than the role's holder named before.
_OTHER_HOLDER = word_set("""shadow former ex outgoing incoming previous late predecessor
    ehemalige ehemaliger früherer frühere ancien ancienne exministre expresidente
    expresidenta anterior""")


def other_holder(title: str) -> frozenset[str]:
    """The words in ``title`` that make it someone else's than the role's holder named
    before ("former", "shadow", "ehemalige")."""
    return _OTHER_HOLDER.intersection(title.lower().replace("-", " ").split())


def _role_match(held: str, wanted: str) -> int:
    """2 for the same role ("secretary general" in "nato secretary general"), 1 for a part
    of a larger one ("minister" in "prime minister"), 0 for none."""
    padded, target = f" {held} ", f" {wanted} "
    at = padded.find(target)
    if at < 0:
        return 0
    before = padded[:at].split()
    if before and before[-1] in ROLE_WORDS:
        return 1
    return 2


class Context:
    """Who was talked about last, for pronouns and for "the Minister" with several ministers."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.recent: list[Person] = []
        self.group_subject = False
        self.last_named: Person | None = None  # for "the latter"
        self.last_quoted: Person | None = None  # for "the same source"
        self.last_sentence: list[Person] = []  # the people the last sentence naming any named
        self.spoken_about: list[Person] = []  # of those, the ones it speaks about, not with
        self.ambiguous: tuple[Person, ...] = ()  # why the last pronoun resolved to no one

    def resolve(self, ref: Ref | None) -> Person | None:
        if ref is None:
            return None
        registry = self.registry
        if ref.kind == "pronoun":
            return self.pronoun(ref)
        if ref.kind == "person":
            person = registry.add_person(ref, output=bool(ref.role or ref.honorific))
            registry.alias(person, ref.name)
            return person
        if ref.kind in ("surname", "bare"):
            person = registry.find_token(
                ref.name, given=ref.honorific.lower().strip(".") in GIVEN_NAME_HONORIFICS)
            if person is None and ref.kind == "bare":
                return None
            if person is None:
                person = registry.add_person(ref, output=False)
            else:
                registry.learn(person, ref)
        elif ref.kind == "title":
            person = registry.find_title(ref.role_key, ref.org)
            if person is None:
                return None
            other = other_holder(ref.text)
            if other and not other & other_holder(person.role + " " + person.role_key):
                return None  # "the former minister", "the Shadow Home Secretary": not hers
            if not ref.text[:1].islower():
                registry.alias(person, "the " + ref.text)
                return person
        elif ref.kind == "org":
            return registry.add_org(ref.name)
        else:
            return None
        registry.alias(person, ref.text)
        return person

    def pronoun(self, ref: Ref) -> Person | None:
        if ref.plural or ref.name == "it":
            last = self.recent[-1] if self.recent else None
            if last is not None and not self.group_subject and (
                    last.is_org or ref.name == "they"):
                # "they" after one named person is that person's pronoun; after "X and Y"
                # it is the group, which no single speaker stands for.
                return last
            return None
        self.ambiguous = ()
        if lexicon().code == "fr" and self.recent and self.recent[-1].is_org and not any(
                not p.is_org and person_like(p.name) for p in self.recent):
            # "…», indique la Direction X. / Elle rappelle que « … »": French calls a body
            # "il" or "elle" after its noun; with no person named, the body quoted last.
            return self.recent[-1]
        for person in reversed(self.recent):
            if person.is_org:
                continue
            if ref.gender and person.gender and person.gender != ref.gender:
                continue
            if not person_like(person.name) and not person.gender and not (
                    person.role and lexicon().code == "en"):
                # "le patrouilleur Cayor … Elle assure": a one-word name the text never
                # showed to be a person's is no one a pronoun can be sure to mean ("Bishop
                # Joanna", a role and a name in English, shows it).
                return None
            rival = self._rival(person, ref.gender)
            if rival is not None:
                # "Anna Berg met Clara Olsen … “…,” she said": two people the pronoun fits,
                # named in the same sentence; neither is surer than the other.
                self.ambiguous = (person, rival)
                return None
            if ref.gender and not person.gender:
                person.gender = ref.gender
            return person
        return self._only_one_of_gender(ref.gender)

    def _only_one_of_gender(self, gender: str) -> Person | None:
        """ "Die Ministerin X empfing den Botschafter Y. „…“, sagte er.": no one talked about
        fits the pronoun, and the last sentence naming people named one person the text
        gives its sex (by a role: "den Botschafter"), and no one whose sex it does not say."""
        people = [p for p in self.last_sentence if not p.is_org and person_like(p.name)]
        fitting = [p for p in people if p.gender == gender]
        if not gender or len(fitting) != 1 or any(not p.gender for p in people):
            return None
        return fitting[0]

    def _rival(self, person: Person, gender: str) -> Person | None:
        """Another person of the last sentence that named people, whom a pronoun of
        ``gender`` fits as well as ``person`` (one named by a role and one name, "Bishop
        Joanna", is a person too)."""
        if person not in self.last_sentence:
            return None
        # ("X paid tribute to Y. “…,” he said": Y, spoken about, is no rival of X's)
        return next((other for other in self.last_sentence if other is not person
                     and other not in self.spoken_about
                     and not other.is_org and (person_like(other.name) or other.role)
                     and (not gender or not other.gender or other.gender == gender)
                     and (not person.gender or not other.gender
                          or other.gender == person.gender)), None)

    def named_together(self, people: list[Person], about: list[Person] = ()) -> None:
        """The people a sentence named (a sentence naming no one leaves the last list), and
        those it speaks about ("paid tribute to X")."""
        if people:
            self.last_sentence = people
            self.spoken_about = [p for p in about if p is not people[0]]

    def note(self, person: Person | None, *, group: bool = False) -> None:
        """``person`` is now the one a following "he"/"she" most likely means."""
        if person is None:
            return
        self.registry.touch(person)
        self.group_subject = group
        if self.recent and self.recent[-1] is person:
            return
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)
        del self.recent[:-_RECENT]
