"""stancedb settings: every value comes from the environment (see README, "Configuration")."""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from stancedb.sqlite import DEFAULT_MMAP_SIZE, read_pragmas

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """Read a 1/0 style flag; anything else stops start-up rather than guessing."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


_RATE = re.compile(r"^[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)$")


def env_rate(name: str) -> str | None:
    """A DRF throttle rate such as ``100/min``, or None (no limit) when unset or empty.

    DRF itself reads only the period's first letter and fails on the first request; a typo here
    should stop start-up instead."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    if not _RATE.match(raw):
        raise ImproperlyConfigured(
            f"{name} must be a rate like 100/min (a count, '/', then s, min, hour or day), "
            f"not {raw!r}"
        )
    return raw


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (DEBUG=1 for development)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off (comma-separated).")
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS may not contain '*': name the hosts.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    "axes",
    "quotes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "quotes.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into quotes.logins.lockout_response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stancedb.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "stancedb.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=env_int("CONN_MAX_AGE", 0)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer commits; the timeout waits out short write locks.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            # The read settings (stancedb/sqlite.py) after WAL and its durability level.
            "init_command": "; ".join(
                [
                    "PRAGMA journal_mode=WAL",
                    "PRAGMA synchronous=NORMAL",
                    *read_pragmas(env_int("SQLITE_MMAP_SIZE", DEFAULT_MMAP_SIZE)),
                ]
            ),
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Failed logins (django-axes; quotes/logins.py) ----------------------------------------------
# The axes backend refuses a locked-out account or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins that lock out an account, or a client address (counted apart); 0 switches it off.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
# How long a lockout lasts after the last failed attempt.
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
if LOGIN_FAILURE_LIMIT < 0 or LOGIN_LOCKOUT_MINUTES < 1:
    raise ImproperlyConfigured(
        "LOGIN_FAILURE_LIMIT must be 0 (off) or more and LOGIN_LOCKOUT_MINUTES 1 or more."
    )
AXES_ENABLED = LOGIN_FAILURE_LIMIT > 0
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit locks
AXES_CLIENT_IP_CALLABLE = "quotes.logins.client_address"
AXES_LOCKOUT_CALLABLE = "quotes.logins.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # record failures only, not every successful login

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- API ---------------------------------------------------------------------------------------
API_ANONYMOUS_READ = env_bool("API_ANONYMOUS_READ", True)
API_THROTTLE_ANON = env_rate("API_THROTTLE_ANON")
API_THROTTLE_USER = env_rate("API_THROTTLE_USER")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["quotes.api.permissions.ReadOrModelPermissions"],
    "DEFAULT_FILTER_BACKENDS": ["quotes.api.filters.FilterBackend"],
    "DEFAULT_RENDERER_CLASSES": [
        "quotes.api.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "quotes.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "quotes.api.schema.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": API_THROTTLE_ANON,
        "user": API_THROTTLE_USER,
    },
    # How many proxies in front append to X-Forwarded-For; 0 counts anonymous clients by the
    # connecting address, so a client cannot dodge its limit by sending the header itself.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # full_clean() errors answer 400 and optimistic-locking conflicts 409, never a 500.
    "EXCEPTION_HANDLER": "quotes.api.exceptions.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "stancedb API",
    "DESCRIPTION": "Who said what, in which role, when, and what position it took.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One enum component per choice set, named after it (Quote.kind and Speaker.kind differ).
    "ENUM_NAME_OVERRIDES": {
        "QuoteKindEnum": "quotes.models.quotes.QuoteKind",
        "QuoteStatusEnum": "quotes.models.quotes.QuoteStatus",
        "SpeakerKindEnum": "quotes.models.people.SpeakerKind",
        "OrganizationKindEnum": "quotes.models.people.OrganizationKind",
        "DatePrecisionEnum": "quotes.models.common.DatePrecision",
        "StanceValueEnum": "quotes.models.stances.StanceValue",
    },
}

# Throttle counts must be shared by every worker: the database cache (its table comes from
# `createcachetable`, run by `make run` and `make serve`) or Redis; never a per-process cache.
CACHE_URL = os.environ.get("CACHE_URL", "").strip()
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
        }
    }
elif CACHE_URL in ("", "db://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "stancedb_cache",
        }
    }
else:
    raise ImproperlyConfigured(
        f"CACHE_URL must be empty (the database cache) or a redis:// URL, not {CACHE_URL!r}"
    )

# Reports of one statement are looked for among the speaker's quotes this many days either side
# (month- and year-precise dates are compared at their precision).
UTTERANCE_WINDOW_DAYS = env_int("UTTERANCE_WINDOW_DAYS", 3)

# Largest article or spreadsheet accepted by an import, in bytes.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 5 * 1024 * 1024)
# Largest request body read at all (an import's file plus its form); bigger ones get a 413 from
# quotes.middleware.RequestSizeLimitMiddleware before any view runs.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", IMPORT_MAX_BYTES + 1024 * 1024)

# --- Production hardening (on whenever DEBUG is off; each switchable) ---------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS", [])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
