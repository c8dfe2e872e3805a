"""The feed of published fact-checks (Atom), for readers and other newsrooms."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from claims.models import Claim

FEED_ITEMS = 30


class PublishedFeed(Feed):
    feed_type = Atom1Feed
    description_template = "public/feed_item.html"

    def title(self):
        return f"{settings.FACTCHECK_PUBLISHER_NAME}: fact-checks"

    def subtitle(self):
        return "Claims and quotes from press releases, checked against the record."

    def link(self):
        return reverse("claims:fact_check_list")

    def items(self):
        return Claim.objects.published().select_related("speaker")[:FEED_ITEMS]

    def item_title(self, claim):
        said = f"{claim.speaker.name}: " if claim.speaker else ""
        return f"{claim.get_rating_display()}: {said}“{claim.text}”"

    def item_link(self, claim):
        return claim.get_public_url()

    def item_pubdate(self, claim):
        return claim.approved_at

    def item_updateddate(self, claim):
        return claim.approved_at

    def item_author_name(self, claim):
        return settings.FACTCHECK_PUBLISHER_NAME
