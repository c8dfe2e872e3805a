from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Fact-checking"

    def ready(self):
        # Registers the project's system checks (a server without a secret key is refused).
        from factcheck import checks  # noqa: F401
