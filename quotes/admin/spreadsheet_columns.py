"""The columns of a quotes spreadsheet, and what is wrong with a file's columns."""

COLUMNS = (
    "id",
    "text",
    "speaker",
    "kind",
    "said_on",
    "said_on_precision",
    "status",
    "source_outlet",
    "source_title",
    "source_published_on",
    "source_url",
    "topic",
    "stance",
    "rationale",
)

_SOURCE_BY_NAME = ("source_outlet", "source_title", "source_published_on")


def column_problems(headers, adds_quotes: bool) -> list[str]:
    """What is wrong with a file's columns, in words: unknown ones, and those a row without an
    id (a new quote) needs: text, speaker and a source (by URL, or by outlet, title and date)."""
    headers = [str(header or "").strip() for header in headers]
    problems = []
    missing = [c for c in ("text", "speaker") if adds_quotes and c not in headers]
    if missing:
        problems.append(f"missing column(s): {', '.join(missing)}")
    if adds_quotes and "source_url" not in headers and not set(_SOURCE_BY_NAME) <= set(headers):
        problems.append(
            "a new quote needs its source: a column source_url, or source_outlet, source_title "
            "and source_published_on"
        )
    unknown = [header for header in headers if header not in COLUMNS]
    if unknown:
        problems.append(f"unknown column(s): {', '.join(unknown)}")
    return problems
