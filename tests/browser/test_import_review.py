"""An editor reviews an imported article on one page in a real browser (Debian's chromium)."""

import pytest

from quotes.models import Quote
from quotes.roles import EDITORS
from tests.browser.conftest import log_in
from tests.factories import QuoteFactory, SourceFactory, SpeakerFactory, UserFactory

PASSWORD = "a long passphrase for the browser test"
ARTICLE = (
    "Talks <b>resumed</b>. \u201cWe want dialogue,\u201d said Anna Berg.\n"
    "\u201cThe drills are defensive,\u201d a spokesman said. \u201cNo comment,\u201d Berg added.\n"
)


def _proposed(source, text, speaker):
    return QuoteFactory(
        source=source, text=text, speaker=speaker, affiliation=None, status=Quote.Status.PROPOSED
    )


@pytest.mark.browser
def test_editor_picks_a_known_speaker_confirms_and_rejects_the_rest(
    live_server, transactional_db, page, artifacts_dir
):
    editor = UserFactory(username="reviewing-editor", is_staff=True, roles=[EDITORS])
    editor.set_password(PASSWORD)
    editor.save()
    source = SourceFactory(text=ARTICLE)
    berg = SpeakerFactory(name="Anna Berg", slug="anna-berg")
    SpeakerFactory(name="Ivan Petrov", slug="ivan-petrov")  # known, but not in this article
    first = _proposed(source, "We want dialogue,", berg)
    undecided = _proposed(source, "The drills are defensive,", None)
    third = _proposed(source, "No comment,", berg)

    log_in(page, live_server, "reviewing-editor", PASSWORD)
    page.goto(f"{live_server.url}/admin/quotes/source/{source.pk}/change/")
    page.click("#review-quotes-link")
    page.wait_for_url(f"**/admin/quotes/source/{source.pk}/review/")
    assert page.locator("#article mark").all_inner_texts() == [
        "1We want dialogue,",
        "2The drills are defensive,",
        "3No comment,",
    ]
    assert "Talks <b>resumed</b>." in page.locator("#article").inner_text()

    page.locator("#highlight-2 a.number").click()
    page.wait_for_url(f"**#quote-{undecided.pk}")
    row = page.locator(f"#quote-{undecided.pk}")
    row.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("Petrov")
    page.locator(".select2-results__option", has_text="Ivan Petrov").click()
    page.screenshot(path=str(artifacts_dir / "import-review.png"), full_page=True)
    with page.expect_navigation():  # back to the page (the row's #anchor may stay in the URL)
        row.get_by_role("button", name="Confirm").click()
    assert (
        "1 quote(s) confirmed, speaker changed on 1." in page.locator(".messagelist").inner_text()
    )
    page.locator(f'input[name=selected][value="{first.pk}"]').check()
    page.locator(f'input[name=selected][value="{third.pk}"]').check()
    with page.expect_navigation():
        page.click("#reject-checked")
    assert "2 quote(s) rejected." in page.locator(".messagelist").inner_text()
    assert page.locator(f"#quote-{undecided.pk} select").count() == 0  # no longer editable

    statuses = {quote.pk: (quote.status, quote.speaker.name) for quote in Quote.objects.all()}
    assert statuses == {
        first.pk: ("rejected", "Anna Berg"),
        undecided.pk: ("confirmed", "Ivan Petrov"),
        third.pk: ("rejected", "Anna Berg"),
    }
