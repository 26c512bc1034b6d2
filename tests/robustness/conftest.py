"""Fixtures of the schema fuzz run: the seed loaded once per module, requests in-process."""

import pytest
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from rest_framework.authtoken.models import Token


@pytest.fixture(scope="module")
def fuzz_data(django_db_setup, django_db_blocker):
    """The curated seed plus a superuser and an editor with tokens, loaded once for the module
    (≈2 s) inside a transaction that is rolled back after its last test; each test's ``db``
    savepoint nests in it, so what one operation's examples write is gone before the next."""
    from quotes.models import Quote, Topic
    from quotes.roles import EDITORS
    from quotes.seed import load_seed
    from quotes.services import stance_annotation_save
    from tests.factories import user_with_role

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_seed()
            superuser = get_user_model().objects.create_superuser("fuzz-root", password=None)
            token = Token.objects.create(user=superuser)
            # A few annotations of the superuser's own, so that changing and deleting one (which
            # only its annotator may do) is reached, not only the 403 for someone else's.
            for quote in Quote.objects.confirmed().order_by("pk")[:3]:
                stance_annotation_save(
                    quote=quote,
                    topic=Topic.objects.order_by("pk").first(),
                    annotator=superuser,
                    value=1,
                )
            editor = user_with_role(EDITORS, "fuzz-editor")
            yield {
                "token": token.key,
                "editor_token": Token.objects.create(user=editor).key,
                "superuser": superuser,
            }
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def in_process_requests(db, fuzz_data):
    """Call the WSGI application inside the test transaction. Its request signals would close the
    connection (and with it the transaction) after every response; Django's test client
    disconnects them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield fuzz_data
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
