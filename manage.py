#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stancedb.settings")
    # manage.py is the developer's tool: without DEBUG set it runs in development mode. The
    # served app (stancedb/wsgi.py, `make serve`) keeps the secure default, DEBUG off.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
