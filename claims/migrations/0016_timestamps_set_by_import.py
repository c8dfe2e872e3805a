import django.utils.timezone
from django.db import migrations, models


def _timestamp():
    return models.DateTimeField(default=django.utils.timezone.now, editable=False)


class Migration(migrations.Migration):
    """auto_now_add and auto_now become plain defaults (see Claim.created_at). Nothing of it
    reaches the tables, so only Django's picture of the models changes: altering the fields
    would make SQLite copy the whole claims table, and lose its search triggers with it."""

    dependencies = [
        ("claims", "0015_speaker_record"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(model_name="claim", name="created_at", field=_timestamp()),
                migrations.AlterField(model_name="claim", name="updated_at", field=_timestamp()),
                migrations.AlterField(
                    model_name="release", name="created_at", field=_timestamp()
                ),
            ],
        ),
    ]
