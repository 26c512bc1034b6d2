"""The pages a researcher opens first, in a real browser at a laptop's and a phone's size: no
horizontal scrolling, a meaningful title, headings and landmarks, no serious accessibility
violation (axe-core), no request leaving 127.0.0.1, the chart tooltip on hover, focus and tap.
Screenshots go to test-artifacts/."""

import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from quotes.models import Quote
from quotes.seed import load_seed
from tests.factories import UserFactory

from .conftest import log_in

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".venv" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"
COMPARE = (
    "/compare/?speakers=sergei-lavrov,jens-stoltenberg&topic=nato-russia-dialogue&bucket=month"
)
PAGES = {
    "home": "/",
    "speakers": "/speakers/",
    "speaker": "/speakers/jens-stoltenberg/",
    "organization": "/organizations/nato/",
    "compare": COMPARE,
    "topics": "/topics/",
    "topic": "/topics/nato-russia-dialogue/",
    "organizations": "/organizations/",
    "quotes": "/quotes/?topic=nato-russia-dialogue&stance_min=1",
    "admin-quotes": "/admin/quotes/quote/",
}
DOCS = ("/api/redoc/", "/api/docs/")
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1366, "height": 768}},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
}
LOCAL = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="session")
def axe_core():
    subprocess.run([ROOT / "scripts" / "ensure-axe-core"], check=True)
    return AXE


def _open(browser, live_server, size):
    """A context of ``size`` that records every request's URL."""
    context = browser.new_context(**VIEWPORTS[size])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    return context, page


def _leaving(urls):
    return [
        url
        for url in urls
        if urlsplit(url).scheme not in ("data", "blob", "about")
        and urlsplit(url).hostname not in LOCAL
    ]


def _serious_violations(page, axe_core):
    page.add_script_tag(path=str(axe_core))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )
    return violations


def _check_page(page, live_server, name, path, size, axe_core, artifacts_dir):
    response = page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    assert response.status == 200, (name, response.status)
    page.screenshot(path=artifacts_dir / f"front-door-{name}-{size}.png", full_page=True)
    title = page.title()
    assert title and title.lower() not in ("stancedb", "redoc"), (name, title)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} at {size} scrolls sideways by {overflow} px"
    if not path.startswith("/admin/"):
        assert page.locator("main").count() == 1 and page.locator("h1").count() == 1, name
        assert page.locator("header nav").count() == 1, name
    assert _serious_violations(page, axe_core) == [], (name, size)


def _tooltip_on_hover_and_focus(page):
    point = page.locator(".chart-wide a.point-link").first
    point.hover()
    tooltip = page.locator("#chart-tooltip")
    assert tooltip.is_visible() and "mean" in tooltip.text_content()
    page.mouse.move(0, 0)
    assert tooltip.is_hidden()
    point.focus()
    assert tooltip.is_visible()
    assert point.get_attribute("aria-describedby") == "chart-tooltip"
    page.keyboard.press("Escape")
    assert tooltip.is_hidden()


def _tooltip_on_tap(page):
    """The first tap shows the point's quotes and stays on the page; the second follows it."""
    point = page.locator(".chart-narrow a.point-link").first
    url = page.url
    point.tap()
    tooltip = page.locator("#chart-tooltip")
    assert tooltip.is_visible() and "mean" in tooltip.text_content()
    assert page.url == url
    point.tap()
    page.wait_for_url("**/quotes/**")


def _speaker_chart_downloads_as_png(page, live_server, artifacts_dir):
    """Every chart, not only compare's, saves as a PNG drawn in the browser from its SVG."""
    page.goto(live_server.url + PAGES["speaker"])
    with page.expect_download() as download_info:
        page.locator("figure.chart a[data-png-from]").first.click()
    target = artifacts_dir / "front-door-speaker-chart.png"
    download_info.value.save_as(target)
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5_000


def _pick_a_speaker(page, live_server):
    """Typing part of a name asks the app for suggestions; choosing one adds its slug, and the
    comparison's URL (shareable) and the API's URL for the same series are shown."""
    page.goto(live_server.url + "/compare/")
    search = page.get_by_label("Find a speaker")
    search.press_sequentially("stolt")
    option = page.locator('#speaker-suggestions option[value="Jens Stoltenberg"]')
    option.wait_for(state="attached")
    search.fill("Jens Stoltenberg")
    assert page.locator('input[name="speakers"]').input_value() == "jens-stoltenberg"
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/compare/?speakers=jens-stoltenberg*")
    assert "/api/compare/?speakers=jens-stoltenberg" in page.locator("#api-url").text_content()


@pytest.mark.browser
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_front_door_pages_fit_are_accessible_and_stay_local(
    live_server, transactional_db, browser, axe_core, artifacts_dir, size
):
    load_seed()
    UserFactory(username="root", is_staff=True, is_superuser=True)
    quote = Quote.objects.confirmed().order_by("id").first()
    pages = {"quote": f"/quotes/{quote.pk}/", "source": f"/sources/{quote.source_id}/", **PAGES}
    context, page = _open(browser, live_server, size)
    try:
        for name, path in pages.items():
            if name == "admin-quotes":
                log_in(page, live_server, "root", "correct horse battery staple")
            _check_page(page, live_server, name, path, size, axe_core, artifacts_dir)
            if name == "admin-quotes" and size == "desktop":
                stance = page.locator("#result_list th.column-stances").bounding_box()
                assert stance["x"] + stance["width"] <= 1366
                row = page.locator("#result_list tbody tr").first.bounding_box()
                assert row["height"] < 105  # a long quote: four lines at most, not eight
        for path in DOCS:
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            page.screenshot(
                path=artifacts_dir / f"front-door-docs{path.replace('/', '-')}-{size}.png"
            )
        if size == "desktop":
            _speaker_chart_downloads_as_png(page, live_server, artifacts_dir)
            _pick_a_speaker(page, live_server)
        page.goto(live_server.url + COMPARE)
        if size == "desktop":
            _tooltip_on_hover_and_focus(page)
        else:
            _tooltip_on_tap(page)
        assert _leaving(page.requested) == []
    finally:
        context.close()
