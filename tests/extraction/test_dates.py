from datetime import date

from quotes.extraction import resolve_date

from .conftest import by_text

WED = date(2022, 1, 26)


def test_weekday_is_the_latest_such_day_before_publication():
    assert resolve_date("on Monday", WED) == (date(2022, 1, 24), "day")
    assert resolve_date("on Wednesday", WED) == (date(2022, 1, 19), "day")


def test_month_day_in_the_past_of_the_publication_year():
    assert resolve_date("on January 12", WED) == (date(2022, 1, 12), "day")


def test_month_day_after_publication_is_last_year():
    assert resolve_date("on January 12", date(2022, 1, 5)) == (date(2021, 1, 12), "day")


def test_yesterday_and_full_dates():
    assert resolve_date("yesterday", WED) == (date(2022, 1, 25), "day")
    assert resolve_date("on December 17, 2021", WED) == (date(2021, 12, 17), "day")


def test_in_month_is_the_latest_such_month():
    assert resolve_date("in December", WED) == (date(2021, 12, 1), "month")
    assert resolve_date("in January", WED) == (date(2022, 1, 1), "month")


def test_last_week_is_month_precision_when_inside_one_month():
    assert resolve_date("last week", WED) == (date(2022, 1, 1), "month")


def test_last_week_across_months_is_year_precision():
    assert resolve_date("last week", date(2022, 2, 9)) == (date(2022, 1, 1), "year")


def test_no_cue_phrase_is_unknown():
    assert resolve_date("at the press conference", WED) == (None, "unknown")


def test_quote_date_comes_from_its_attribution(extract):
    text = "“We need dialogue,” Sergei Lavrov said on Monday."
    proposal = by_text(extract(text, published_on=WED), "We need")
    assert (proposal.said_on, proposal.said_on_precision) == (date(2022, 1, 24), "day")


def test_earlier_statement_has_no_date(extract):
    text = "Earlier, Sergei Lavrov noted: “The bloc is not interested in dialogue.”"
    proposal = by_text(extract(text, published_on=WED), "The bloc")
    assert (proposal.said_on, proposal.said_on_precision) == (None, "unknown")


def test_quote_without_date_cue_is_the_publication_month(extract):
    text = "“We need dialogue,” Sergei Lavrov said."
    proposal = by_text(extract(text, published_on=WED), "We need")
    assert (proposal.said_on, proposal.said_on_precision) == (date(2022, 1, 1), "month")


def test_dates_inside_the_quote_are_not_the_date_of_saying(extract):
    text = "“On Monday we decided everything,” Sergei Lavrov said."
    proposal = by_text(extract(text, published_on=WED), "On Monday")
    assert proposal.said_on_precision == "month"
