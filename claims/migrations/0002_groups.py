"""Create the Editors and Reviewers groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEWER_PERMISSIONS = [
    "view_release",
    "view_paragraph",
    "view_speaker",
    "view_claim",
    "view_annotation",
    "view_evidence",
    "view_claimevent",
    "add_annotation",
    "add_evidence",
    "review_claim",
]

EDITOR_PERMISSIONS = REVIEWER_PERMISSIONS + [
    "import_release",
    "add_release",
    "change_release",
    "delete_release",
    "change_claim",
    "delete_claim",
    "add_speaker",
    "change_speaker",
    "manage_claim",
    "approve_claim",
    "export_report",
    "view_report",
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (
        ("Reviewers", REVIEWER_PERMISSIONS),
        ("Editors", EDITOR_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="claims", codename__in=codenames
        )
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions missing for group {name}: {sorted(missing)}")
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Reviewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
