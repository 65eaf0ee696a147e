"""The names and version of the ``*.offer.json`` format, apart from its model (:mod:`app.domain.file_format`)
so that code which only names or stamps files (autosave, recovery) loads no pydantic."""

FORMAT_NAME = "offerdesk.letter"
SCHEMA_VERSION = 3
FILE_SUFFIX = ".offer.json"
