"""The compare page in a browser: the chart agrees with the API, its points lead to quotes."""

import pytest

from quotes.seed import load_seed

QUERY = "speakers=sergei-lavrov,jens-stoltenberg&topic=nato-russia-dialogue&bucket=month"


@pytest.mark.browser
def test_compare_chart_has_the_apis_points_and_a_point_leads_to_its_quotes(
    live_server, transactional_db, page, artifacts_dir
):
    load_seed()
    api = page.request.get(f"{live_server.url}/api/compare/?{QUERY}").json()
    expected = sorted(
        (series["key"], point["period"])
        for series in api["series"]
        for point in series["points"]
        if point["mean"] is not None
    )

    page.goto(f"{live_server.url}/compare/?{QUERY}")
    drawn = page.locator(".chart-wide svg.stance-chart circle.point").evaluate_all(
        "circles => circles.map(c => [c.dataset.series, c.dataset.period])"
    )
    page.screenshot(path=artifacts_dir / "compare-lavrov-stoltenberg.png", full_page=True)

    assert sorted(map(tuple, drawn)) == expected
    assert len(expected) == 3  # Lavrov 2021-10; Stoltenberg 2021-10 and 2022-01
    point = page.locator(
        '.chart-wide circle.point[data-series="jens-stoltenberg"][data-period="2022-01"]'
    )
    # The app's tooltip script moves the SVG <title> into the tooltip it shows on hover.
    point.hover()
    assert "We regret that Russia has closed" in page.locator("#chart-tooltip").text_content()

    point.click()
    page.wait_for_url("**/quotes/?ids=*")
    assert page.get_by_text("We regret that Russia has closed the diplomatic mission").is_visible()

    page.get_by_role("link", name="We regret that Russia has closed", exact=False).click()
    page.wait_for_url("**/quotes/*/")
    assert "We regret that Russia has closed" in page.locator(".quote-text").text_content()
    page.screenshot(path=artifacts_dir / "quote-from-compare-point.png", full_page=True)


@pytest.mark.browser
def test_compare_chart_downloads_as_png(live_server, transactional_db, page, artifacts_dir):
    """The PNG is drawn in the browser from the app's own SVG: no network beyond the app."""
    load_seed()
    page.goto(f"{live_server.url}/compare/?{QUERY}")
    with page.expect_download() as download_info:
        page.click("#download-png")
    target = artifacts_dir / "compare-chart.png"
    download_info.value.save_as(target)
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5_000
