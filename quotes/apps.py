from django.apps import AppConfig


class QuotesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quotes"
    verbose_name = "Quotes and stances"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        from quotes import roles  # (connects the post-migrate handler)

        m2m_changed.connect(
            roles.role_membership_changed,
            sender=get_user_model().groups.through,
            dispatch_uid="quotes_staff_follows_roles",
        )
