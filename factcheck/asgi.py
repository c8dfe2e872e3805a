import os

from django.core.asgi import get_asgi_application

from factcheck.checks import refuse_to_serve_without_a_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

application = get_asgi_application()
refuse_to_serve_without_a_secret_key()
