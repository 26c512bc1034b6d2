import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / "local" / "admin-password.txt"


class Command(BaseCommand):
    help = (
        "Make sure a local superuser exists. A new one gets a random password, written to "
        "local/admin-password.txt (git-ignored, readable only by you); nothing is fixed in code."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--host", default="127.0.0.1", help="Where `make run` serves (HOST).")
        parser.add_argument("--port", type=int, default=8000, help="The port `make run` uses.")

    def handle(self, *args, username, host, port, **options):
        users = get_user_model().objects
        if not users.filter(username=username).exists() or not PASSWORD_FILE.exists():
            password = secrets.token_urlsafe(18)
            user = users.filter(username=username).first() or users.create_superuser(
                username=username, email="", password=password
            )
            user.set_password(password)
            user.save()
            PASSWORD_FILE.parent.mkdir(exist_ok=True)
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        self.stdout.write(
            f"Admin login: user name '{username}', password in {PASSWORD_FILE} "
            f"(log in at http://{host}:{port}/admin/)."
        )
