"""Copy each quote's speaker, status and date into its stored stances, indexed for timelines."""

import django.db.models.deletion
from django.db import migrations, models

COPIED = ("speaker_id", "status", "said_on", "said_on_precision")

# One correlated UPDATE, which both SQLite and PostgreSQL accept.
BACKFILL = "UPDATE quotes_quotestance SET {} ".format(
    ", ".join(
        f"{column} = (SELECT q.{column} FROM quotes_quote q "
        "WHERE q.id = quotes_quotestance.quote_id)"
        for column in COPIED
    )
)


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0005_postgresql_nulls_last_order"),
    ]

    operations = [
        migrations.AddField(
            model_name="quotestance",
            name="speaker",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="quotes.speaker",
            ),
        ),
        migrations.AddField(
            model_name="quotestance",
            name="status",
            field=models.CharField(default="", editable=False, max_length=10),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="quotestance",
            name="said_on",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="quotestance",
            name="said_on_precision",
            field=models.CharField(default="", editable=False, max_length=8),
            preserve_default=False,
        ),
        migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="quotestance",
            index=models.Index(
                fields=[
                    "topic",
                    "speaker",
                    "status",
                    "said_on",
                    "said_on_precision",
                    "value",
                    "quote",
                ],
                name="quote_stance_timeline",
            ),
        ),
    ]
