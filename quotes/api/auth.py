"""``POST /api/token/``: a token for a user name and password, under the login limits.

DRF's ``ObtainAuthToken`` has no throttles and hands its serializer DRF's request, on which
django-axes would flag a lockout where its middleware never looks; this view passes Django's
request instead, so a locked-out client gets ``quotes.logins.lockout_response`` (429 with
Retry-After), and it keeps the API's rate limits."""

from drf_spectacular.utils import extend_schema
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.settings import api_settings

from quotes.api.schema import LOCKED_OUT


class TokenView(ObtainAuthToken):
    throttle_classes = api_settings.DEFAULT_THROTTLE_CLASSES

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "request": self.request._request}

    @extend_schema(responses={429: LOCKED_OUT})
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
