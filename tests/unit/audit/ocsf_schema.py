"""A strict check of an event against the OCSF schema bundled by the ``pydantic-ocsf``
package (``ocsf/schemas/v1_1_0.json``, the OCSF 1.1.0 schema: events, objects and the
attribute dictionary). Used by the export tests; nothing here is product code.

Checked: every attribute is defined for the class (or the object), required attributes
are present, objects' ``at_least_one`` constraints hold, enum attributes take a defined
value, scalars have their dictionary type, ``class_uid``/``category_uid``/``type_uid``
are consistent. ``$include`` files are not in the bundled JSON: the classification and
occurrence attributes every event class includes (OCSF ``includes/classification.json``,
``includes/occurrence.json``) and the ``datetime`` profile's ``time_dt`` are listed below.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

VERSION = "1.1.0"
INCLUDED = {  # attribute: requirement, from the OCSF 1.1.0 include files
    "activity_id": "required", "activity_name": "optional", "category_name": "optional",
    "category_uid": "required", "class_name": "optional", "class_uid": "required",
    "type_name": "optional", "type_uid": "required", "severity": "optional",
    "count": "optional", "duration": "optional", "end_time": "optional",
    "start_time": "optional", "time": "required", "timezone_offset": "optional",
    "time_dt": "optional",
}  # fmt: skip
PY_TYPES: dict[str, tuple[type, ...]] = {
    "string_t": (str,), "integer_t": (int,), "long_t": (int,), "float_t": (float, int),
    "boolean_t": (bool,), "json_t": (object,), "object": (dict,),
}  # fmt: skip


@cache
def schema() -> dict[str, Any]:
    spec = importlib.util.find_spec("ocsf")
    assert spec and spec.submodule_search_locations, "pydantic-ocsf is not installed"
    folder = Path(next(iter(spec.submodule_search_locations)))
    data: dict[str, Any] = json.loads((folder / "schemas" / "v1_1_0.json").read_text())
    assert data["version"] == VERSION
    return data


def _merged(kind: str, name: str) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """(attributes, constraints) of an event class or object, its ``extends`` chain merged."""
    item = schema()[kind][name]
    parent = item.get("extends")
    attrs, constraints = _merged(kind, parent) if parent and parent != "object" else ({}, {})
    for key, value in item.get("attributes", {}).items():
        if not key.startswith("$"):
            attrs[key] = {**attrs.get(key, {}), **value}
    return attrs, {**constraints, **item.get("constraints", {})}


def _definition(attr: str, local: dict[str, Any]) -> dict[str, Any]:
    """The dictionary's definition, refined by the class's; a class's enum extends the
    dictionary's (``0`` Unknown and ``99`` Other stay valid), as the OCSF compiler does."""
    base = schema()["dictionary"]["attributes"].get(attr, {})
    merged = {**base, **local}
    if "enum" in base and "enum" in local:
        merged["enum"] = {**base["enum"], **local["enum"]}
    return merged


def _base_type(name: str) -> str:
    types = schema()["dictionary"]["types"]["attributes"]
    while name in types and types[name].get("type"):
        name = types[name]["type"]
    return name


def _value_problems(path: str, value: Any, spec: dict[str, Any]) -> list[str]:
    kind = spec.get("type", "")
    if spec.get("is_array"):
        if not isinstance(value, list):
            return [f"{path}: not an array"]
        one = {k: v for k, v in spec.items() if k != "is_array"}
        return [p for i, v in enumerate(value) for p in _value_problems(f"{path}[{i}]", v, one)]
    if "enum" in spec and str(value) not in spec["enum"]:
        return [f"{path}: {value!r} is not one of {sorted(spec['enum'])}"]
    if kind == "object":  # free-form (``unmapped``)
        return [] if isinstance(value, dict) else [f"{path}: not an object"]
    if kind in schema()["objects"]:
        return object_problems(path, value, kind)
    wanted = PY_TYPES.get(_base_type(kind))
    if wanted is None or (
        isinstance(value, wanted) and not (wanted == (int,) and isinstance(value, bool))
    ):
        return []
    return [f"{path}: {type(value).__name__} where {kind} is expected"]


def _record_problems(
    path: str, record: Any, attrs: dict[str, Any], rules: dict[str, Any]
) -> list[str]:
    if not isinstance(record, dict):
        return [f"{path}: not an object"]
    problems = [f"{path}.{k}: not defined" for k in record if k not in attrs]
    problems += [
        f"{path}.{k}: required but missing"
        for k, v in attrs.items()
        if v.get("requirement") == "required" and k not in record
    ]
    need = rules.get("at_least_one", [])
    if need and not any(k in record for k in need):
        problems.append(f"{path}: needs at least one of {need}")
    for key, value in record.items():
        if key in attrs:
            problems += _value_problems(f"{path}.{key}", value, _definition(key, attrs[key]))
    return problems


def object_problems(path: str, record: Any, name: str) -> list[str]:
    attrs, rules = _merged("objects", name)
    return _record_problems(path, record, attrs, rules)


def _class_uid(class_name: str) -> int:
    events = schema()["events"]
    name, category = class_name, None
    while category is None and name:
        category, name = events[name].get("category"), events[name].get("extends")
    categories = schema()["categories_meta"]["attributes"]
    return int(categories[category]["uid"]) * 1000 + int(events[class_name]["uid"])


def event_problems(record: dict[str, Any], class_name: str = "api_activity") -> list[str]:
    """Why ``record`` is not a valid OCSF 1.1.0 event of ``class_name``; [] when it is."""
    attrs, rules = _merged("events", class_name)
    attrs = {**{k: {"requirement": r} for k, r in INCLUDED.items()}, **attrs}
    problems = _record_problems("event", record, attrs, rules)
    expected_class = _class_uid(class_name)
    if record.get("class_uid") != expected_class:
        problems.append(f"event.class_uid: {record.get('class_uid')} is not {expected_class}")
    if record.get("category_uid") != expected_class // 1000:
        problems.append("event.category_uid: not the class's category")
    if record.get("type_uid") != record.get("class_uid", 0) * 100 + record.get("activity_id", -1):
        problems.append("event.type_uid: not class_uid * 100 + activity_id")
    return problems
