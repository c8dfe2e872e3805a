"""Test data: users in their roles, releases imported from real text, claims in any status."""

from pathlib import Path

import factory
from django.contrib.auth.models import Group, User

from claims.models import Annotation, Claim, ClaimEvent, Evidence, Paragraph, Release, Speaker

SEED_PATH = Path(__file__).resolve().parent.parent / "seed" / "nato-japan-2023-01-31.txt"

# A public ruling, for tests that verify or dispute a claim (both need one).
RULING = {
    "verdict": "The ministry's budget tables were checked against the claim.",
    "reasoning": "The 2027 budget tables list the bridge, its opening date and its cost.",
}


def seed_text():
    return SEED_PATH.read_text(encoding="utf-8")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
            self.save()


def editor(username="editor", **kwargs):
    return UserFactory(username=username, is_staff=True, groups=["Editors"], **kwargs)


def reviewer(username="reviewer", **kwargs):
    return UserFactory(username=username, groups=["Reviewers"], **kwargs)


class ReleaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Release

    title = factory.Sequence(lambda n: f"Ministry announces plan number {n}")
    body = factory.LazyAttribute(lambda r: r.title)
    organization = "Ministry of Examples"
    content_sha256 = factory.Sequence(lambda n: f"{n:064x}")


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    release = factory.SubFactory(ReleaseFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = "The minister said the new bridge will open on 3 May 2027 and cost £40 million."


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Jane Example {n}")
    role = "Minister for Examples"


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim spanning its whole paragraph, so ``paragraph.text[start:end] == text``."""

    class Meta:
        model = Claim

    paragraph = factory.SubFactory(ParagraphFactory)
    release = factory.LazyAttribute(lambda c: c.paragraph.release)
    kind = "event"
    text = factory.LazyAttribute(lambda c: c.paragraph.text)
    start = 0
    end = factory.LazyAttribute(lambda c: len(c.paragraph.text))
    score = 0.5
    reasons = factory.LazyFunction(lambda: ["date"])


class AnnotationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Annotation

    claim = factory.SubFactory(ClaimFactory)
    author = factory.SubFactory(UserFactory)
    body = "Checked the ministry's budget tables."


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    claim = factory.SubFactory(ClaimFactory)
    url = "https://www.example.org/budget-2027.pdf"
    title = "Budget 2027"
    excerpt = "Bridge: £40m"
    added_by = factory.SubFactory(UserFactory)


def event(claim, actor, action, from_status, to_status, **kwargs):
    return ClaimEvent.objects.create(
        claim=claim, actor=actor, action=action, from_status=from_status, to_status=to_status,
        **kwargs,
    )
