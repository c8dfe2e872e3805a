"""The app's URLs plus the floor views, mounted only in the benchmark process."""

from django.urls import include, path

from bench import floors
from factcheck.urls import urlpatterns as app_urlpatterns

urlpatterns = [path("bench/floor/", include(floors.urlpatterns)), *app_urlpatterns]
