from django.contrib import admin  # noqa: F401  (the tagging desk is built in quotes/admin/)
