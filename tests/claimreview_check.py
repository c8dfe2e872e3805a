"""The JSON-LD check of ClaimReview, shared by the export's tests and the public page's.

The document is expanded by a real JSON-LD processor (PyLD) against a minimal schema.org
context served from here, so the tests never touch the network; then every property Google's
fact-check markup requires or recommends is read back from the expanded graph, where a typo in
a property name or a wrong nesting would leave it missing.
"""

from pyld import jsonld

from claims.reports.rows import RATING_VALUES

SCHEMA = "http://schema.org/"


def schema_org_loader(url, options=None):
    """Serve a minimal schema.org context from here: the tests never touch the network."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"The JSON-LD processor tried to load {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {
            "@context": {"@vocab": SCHEMA, "url": {"@id": SCHEMA + "url", "@type": "@id"}}
        },
    }


def expand(document):
    return jsonld.expand(document, {"documentLoader": schema_org_loader})


def value(node, name):
    """The single value of property ``name`` of an expanded JSON-LD node."""
    values = node.get(SCHEMA + name)
    assert values and len(values) == 1, f"{name} is given once: {node}"
    item = values[0]
    return item.get("@value", item.get("@id", item))


def has(node, name):
    return SCHEMA + name in node


def check_claim_review(review, claim, *, public_url):
    """Assert that the expanded ``review`` is a complete ClaimReview of approved ``claim``
    published at ``public_url``: Google's required properties (claimReviewed, reviewRating
    with alternateName, url) and the recommended ones (author, datePublished, itemReviewed
    with its author, date and appearance), and the ruling (headline, reviewBody)."""
    assert review["@type"] == [SCHEMA + "ClaimReview"]
    assert value(review, "url") == public_url
    assert value(review, "claimReviewed") == claim.text
    assert value(review, "datePublished") == claim.approved_at.date().isoformat()
    assert value(review, "headline") == claim.verdict
    assert value(review, "reviewBody") == claim.reasoning
    author = value(review, "author")
    assert author["@type"] == [SCHEMA + "Organization"]
    assert value(author, "name")

    rating = value(review, "reviewRating")
    assert rating["@type"] == [SCHEMA + "Rating"]
    assert value(rating, "alternateName") == claim.get_rating_display()
    assert value(rating, "ratingExplanation") == claim.verdict
    assert value(rating, "bestRating") == 5
    assert value(rating, "worstRating") == 1
    expected = RATING_VALUES.get(claim.rating)
    if expected is None:
        assert not has(rating, "ratingValue"), "unverifiable has no ratingValue"
    else:
        assert value(rating, "ratingValue") == expected

    item = value(review, "itemReviewed")
    assert item["@type"] == [SCHEMA + "Claim"]
    speaker = value(item, "author")
    if claim.speaker:
        assert speaker["@type"] == [SCHEMA + "Person"]
        assert value(speaker, "name") == claim.speaker.name
        if claim.speaker.role:
            assert value(speaker, "jobTitle") == claim.speaker.role
    release = claim.release
    appearance = value(item, "appearance")
    assert appearance["@type"] == [SCHEMA + "CreativeWork"]
    assert value(appearance, "headline") == release.title
    if release.source_url:
        assert value(appearance, "url") == release.source_url
    if release.published_on:
        assert value(item, "datePublished") == release.published_on.isoformat()
    return review
