from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


def refresh_planner_statistics(sender, using, plan=None, **kwargs):
    """After migrations ran on PostgreSQL, have the planner read the claims' tables again.

    A migration that adds a column or an index leaves PostgreSQL without statistics for it until
    autovacuum's next ANALYZE, which a column added without rewriting rows never triggers. Until
    then the planner guesses: at a million claims the due-date filters took 4 to 12 seconds and
    a search for a rare word 1.4 seconds, against 20 ms once analysed. ANALYZE samples each table
    (under two seconds at a million claims) and runs only when migrations were applied.
    """
    connection = connections[using]
    if not plan or connection.vendor != "postgresql":
        return
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for model in sender.get_models():
            if model._meta.db_table in tables:
                cursor.execute("ANALYZE " + connection.ops.quote_name(model._meta.db_table))


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Fact-checking"

    def ready(self):
        # Registers the project's system checks (a server without a secret key is refused).
        from factcheck import checks  # noqa: F401

        post_migrate.connect(refresh_planner_statistics, sender=self)
        # Who may be assigned claims follows people, their groups and the groups' permissions.
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group, Permission

        from claims.permissions import forget_reviewer_choices

        user = get_user_model()
        for model in (user, Group, Permission):
            post_save.connect(forget_reviewer_choices, sender=model)
            post_delete.connect(forget_reviewer_choices, sender=model)
        for through in (user.groups.through, user.user_permissions.through,
                        Group.permissions.through):
            m2m_changed.connect(forget_reviewer_choices, sender=through)
