"""JSON Schema of the record files, for editors' YAML plug-ins.

VS Code's YAML extension reads the ``# yaml-language-server: $schema=``
line at the top of each content file and then completes and checks fields
as staff type. The schema is generated from the record models, so it can
never promise a field the loader refuses (a test keeps the committed copy
current).
"""

from __future__ import annotations

import json
from typing import Any

from .. import records
from ..records.model import KEY


def _by_key(model: type[records.Record]) -> dict[str, Any]:
    """Schema of a file that maps keys to records (organizations.yml, people.yml)."""
    inner = model.model_json_schema()
    return {
        "title": inner.get("title", model.__name__),
        "type": "object",
        "propertyNames": {"pattern": KEY.pattern},
        "additionalProperties": {"$ref": "#/$defs/" + model.__name__},
        "$defs": {**inner.pop("$defs", {}), model.__name__: inner},
    }


def documents() -> dict[str, str]:
    """File name -> JSON text of every schema, in a stable byte form."""
    schemas = {
        "site.schema.json": records.Site.model_json_schema(),
        "organizations.schema.json": _by_key(records.Organization),
        "people.schema.json": _by_key(records.Person),
        "program.schema.json": records.Program.model_json_schema(),
        "event.schema.json": records.Event.model_json_schema(),
    }
    return {
        name: json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, schema in schemas.items()
    }
