from django.apps import AppConfig


class QuotesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quotes"
    verbose_name = "Quotes and stances"

    def ready(self):
        from quotes import roles  # noqa: F401  (connects the post-migrate handler)
