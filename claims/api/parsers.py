"""Request bodies the API reads."""

from rest_framework import exceptions, parsers


class JSONParser(parsers.JSONParser):
    """DRF's strict JSON parser, refusing absurdly nested input like any other bad JSON."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            # Python's decoder gives up on deep nesting with RecursionError, not ValueError.
            raise exceptions.ParseError("JSON parse error - nested too deeply") from None
