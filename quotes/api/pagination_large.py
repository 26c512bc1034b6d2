"""Pagination for lists that may hold a million rows: the count is bounded, or skipped.

DRF's page-number pagination runs ``SELECT COUNT(*)`` over every matching row before it reads a
page; for a speaker with 100,000 quotes or a common search word that count costs more than the
page itself. Here the count stops at ``count_limit`` (``SELECT COUNT(*) FROM (… LIMIT n)``), and
``?count=false`` skips it: the page then reads one row more than it shows to know whether there
is a next page. The response keeps DRF's shape (``count``, ``next``, ``previous``, ``results``)
and adds ``count_exact``, false when the count stopped at the limit or was skipped (``count``
is then null).
"""

from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.db import connections
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from quotes.api.pagination import PageNumberPagination

# Offsets are 64-bit integers in SQLite and PostgreSQL; no list comes near this many rows.
MAX_OFFSET = 2**62


def bounded_count(queryset, limit: int) -> int:
    """How many rows ``queryset`` matches, counting no further than ``limit`` (one query).

    The statement Django writes for ``queryset[:limit].count()``, around the matching ids alone;
    written out because building it through the ORM's aggregation cost twice the compiling."""
    try:
        sql, params = queryset.order_by().values_list("pk").query.sql_with_params()
    except EmptyResultSet:  # a filter that matches nothing (``queryset.none()``): no query
        return 0
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT {int(limit)}) bounded", params)
        return cursor.fetchone()[0]


class LargeListPagination(PageNumberPagination):
    count_limit = 1_000
    count_query_param = "count"

    def paginate_queryset(self, queryset, request, view=None):
        """The rows of the requested page; runs one query, plus one bounded count unless
        ``count=false``. The count reads only the matching ids, joining nothing the filters do
        not need (the quote list pages its ids alone, then reads their rows: quote_rows.py)."""
        self.request = request
        size = self.get_page_size(request)
        self.page_number = self._page_number(request)
        offset = (self.page_number - 1) * size
        if offset > MAX_OFFSET:  # past the end of any list, and of the databases' integers
            raise NotFound("Invalid page.")
        rows = list(queryset[offset : offset + size + 1])
        self.has_next = len(rows) > size
        rows = rows[:size]
        if not rows and self.page_number > 1:
            raise NotFound("Invalid page.")
        self.count, self.count_exact = None, False
        if self._wants_count(request):
            # Counted even when the page holds everything, so that the number of queries is
            # the same whatever the data.
            counted = bounded_count(queryset, self.count_limit + 1)
            self.count_exact = counted <= self.count_limit
            self.count = min(counted, self.count_limit)
            if not self.has_next:  # the last page tells the exact total anyway
                self.count, self.count_exact = offset + len(rows), True
        self.page_size_used = size
        return rows

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.count,
                "count_exact": self.count_exact,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_next_link(self):
        return self._link(self.page_number + 1) if self.has_next else None

    def get_previous_link(self):
        return self._link(self.page_number - 1) if self.page_number > 1 else None

    def _link(self, number):
        query = self.request.query_params.copy()
        query[self.page_query_param] = number
        if number == 1:
            query.pop(self.page_query_param)
        url = self.request.build_absolute_uri(self.request.path)
        encoded = urlencode(sorted(query.lists()), doseq=True)
        return f"{url}?{encoded}" if encoded else url

    def _page_number(self, request):
        raw = request.query_params.get(self.page_query_param) or "1"
        if raw == "last":
            raise ValidationError({self.page_query_param: ["Not available on this list."]})
        try:
            number = int(raw)
        except ValueError:
            number = 0
        if number < 1:
            raise NotFound("Invalid page.")
        return number

    def _wants_count(self, request):
        raw = request.query_params.get(self.count_query_param, "true").strip().lower()
        if raw not in ("true", "false", "1", "0"):
            raise ValidationError({self.count_query_param: ["Enter true or false."]})
        return raw in ("true", "1")

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count"]["nullable"] = True
        response["properties"]["count_exact"] = {
            "type": "boolean",
            "description": f"False when the count stopped at {self.count_limit} or count=false.",
        }
        return response

    def get_schema_operation_parameters(self, view):
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": self.count_query_param,
                "required": False,
                "in": "query",
                "description": f"false skips the row count (exact up to {self.count_limit}).",
                "schema": {"type": "boolean", "default": True},
            },
        ]
