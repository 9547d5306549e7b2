"""Himpun: gather, search and consolidate Indonesian rules on civil-servant
(ASN) neutrality in elections."""

__version__ = "0.1.0"

# Bumped whenever parsing changes what a file yields: a file ingested by an
# older parser is parsed again on the next ingest instead of counting as
# unchanged.
PARSER_VERSION = 27
