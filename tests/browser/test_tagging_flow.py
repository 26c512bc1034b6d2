"""A researcher goes through the tagging queue in a real browser (Debian's chromium)."""

import datetime

import pytest

from quotes.models import StanceAnnotation
from quotes.roles import ANNOTATORS
from tests.browser.conftest import log_in
from tests.factories import QuoteFactory, TopicFactory, UserFactory

PASSWORD = "a long passphrase for the browser test"


@pytest.mark.browser
def test_annotator_tags_a_quote_and_goes_on_to_the_next(
    live_server, transactional_db, page, artifacts_dir
):
    annotator = UserFactory(username="tagger", is_staff=True, roles=[ANNOTATORS])
    annotator.set_password(PASSWORD)
    annotator.save()
    topic = TopicFactory(slug="nato-russia-dialogue", name="NATO–Russia dialogue")
    first = QuoteFactory(said_on=datetime.date(2021, 10, 1))
    second = QuoteFactory(said_on=datetime.date(2021, 10, 18))

    log_in(page, live_server, "tagger", PASSWORD)
    page.goto(f"{live_server.url}/admin/quotes/quote/next-to-tag/?topic={topic.slug}")
    page.wait_for_url(f"**/admin/quotes/quote/{first.pk}/change/?topic={topic.slug}")
    assert page.locator("#quote-in-context mark").inner_text() == first.text

    form = page.locator(f'form.my-stance[data-topic="{topic.slug}"]')
    form.locator("select[name=value]").select_option("-1")
    form.locator("input[name=conditional]").check()
    form.locator("input[name=rationale]").fill("Dialogue only after security guarantees.")
    page.screenshot(path=str(artifacts_dir / "tagging-quote-page.png"), full_page=True)
    form.locator("input[name=_tagnext]").click()

    page.wait_for_url(f"**/admin/quotes/quote/{second.pk}/change/?topic={topic.slug}")
    assert (
        "Your stance on NATO–Russia dialogue is saved." in page.locator(".messagelist").inner_text()
    )
    annotation = StanceAnnotation.objects.get(annotator=annotator)
    assert (annotation.quote_id, annotation.topic_id, annotation.value) == (first.pk, topic.pk, -1)
    assert annotation.conditional
    assert annotation.rationale == "Dialogue only after security guarantees."
    page.screenshot(path=str(artifacts_dir / "tagging-next-quote.png"), full_page=True)
