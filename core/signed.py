"""Signed values in links and forms, loaded back with their shape checked.

A signature proves that the server wrote a value, not that the value has the shape the
code reading it expects: whoever holds the key (or a deployment that kept the public
development key) can sign anything. So every signed value is loaded with `signed_load`,
which checks the signature and then the value against a schema, a type made of `int`,
`float`, `str`, `bool`, `None`, `uuid.UUID`, `Literal`, unions, `list[...]`,
`dict[str, ...]`, dataclasses and `Annotated[..., Between(...), MaxLength(...),
Match(...)]`. A value of another shape raises `SignedValueInvalid`, which Django answers
with a 400 and the site's error page with a message in the visitor's language
(valita.views.bad_request).

Whatever the schema says, a string never carries a NUL character (PostgreSQL cannot
store one) and a float is finite.
"""

import dataclasses
import math
import re
import types
import uuid
import zlib
from typing import Annotated, Literal, Union, get_args, get_origin, get_type_hints

from django.core import signing
from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext_lazy as _


class SignedValueInvalid(SuspiciousOperation):
    """The signature checks, but the value inside has not the shape that was signed."""

    user_message = _(
        "Linkin tai lomakkeen tiedot ovat virheelliset, joten pyyntöä ei voitu käsitellä. "
        "Avaa linkki uudelleen saamastasi viestistä tai aloita alusta."
    )


@dataclasses.dataclass(frozen=True)
class Between:
    """A number from `low` to `high`, both included."""

    low: float
    high: float

    def __call__(self, value) -> bool:
        return self.low <= value <= self.high


@dataclasses.dataclass(frozen=True)
class MaxLength:
    limit: int

    def __call__(self, value) -> bool:
        return len(value) <= self.limit


@dataclasses.dataclass(frozen=True)
class Match:
    """A string matching the whole regular expression."""

    pattern: str

    def __call__(self, value) -> bool:
        return re.fullmatch(self.pattern, value) is not None


# A primary key as the database stores it (bigint).
Id = Annotated[int, Between(1, 2**63 - 1)]


class _Mismatch(Exception):
    pass


def signed_load(value: str, *, salt: str, schema, max_age=None):
    """The signed `value` as `schema` (a dataclass instance, a UUID, ...).

    Raises `signing.BadSignature` (`SignatureExpired` included) when the value was not
    signed with this salt or is too old, and `SignedValueInvalid` when it was signed but
    does not fit the schema.
    """
    if not isinstance(value, str):
        raise signing.BadSignature("A signed value is a string.")
    try:
        data = signing.loads(value, salt=salt, max_age=max_age)
    except signing.BadSignature:
        raise
    except (ValueError, TypeError, zlib.error, RecursionError) as error:
        # Signed, but not even the JSON we write (or its timestamp is not one).
        raise SignedValueInvalid(f"Signed value ({salt}) does not decode.") from error
    try:
        return conform(data, schema)
    except _Mismatch as error:
        raise SignedValueInvalid(f"Signed value ({salt}) does not fit: {error}") from error


def conform(value, schema, where: str = "value"):
    """`value` (decoded JSON) converted to `schema`; raises _Mismatch when it does not fit."""
    origin = get_origin(schema)
    if origin is Annotated:
        base, *checks = get_args(schema)
        result = conform(value, base, where)
        for check in checks:
            if not check(result):
                raise _Mismatch(f"{where} fails {check}")
        return result
    if origin in (Union, types.UnionType):
        for option in get_args(schema):
            try:
                return conform(value, option, where)
            except _Mismatch:
                continue
        raise _Mismatch(f"{where} is none of {schema}")
    if origin is Literal:
        if any(type(value) is type(v) and value == v for v in get_args(schema)):
            return value
        raise _Mismatch(f"{where} is not one of {get_args(schema)}")
    if origin is list:
        (item,) = get_args(schema)
        _expect(isinstance(value, list), where, "a list")
        return [conform(v, item, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        key_type, item = get_args(schema)
        _expect(isinstance(value, dict), where, "an object")
        return {
            conform(k, key_type, f"{where} key"): conform(v, item, f"{where}[{k!r}]")
            for k, v in value.items()
        }
    if schema is None or schema is types.NoneType:
        _expect(value is None, where, "null")
        return None
    if schema is bool:
        _expect(isinstance(value, bool), where, "a boolean")
        return value
    if schema is int:
        _expect(isinstance(value, int) and not isinstance(value, bool), where, "an integer")
        return value
    if schema is float:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        _expect(number and math.isfinite(value), where, "a finite number")
        return float(value)
    if schema is str:
        _expect(isinstance(value, str) and "\x00" not in value, where, "a string")
        return value
    if schema is uuid.UUID:
        _expect(isinstance(value, str), where, "a UUID")
        try:
            return uuid.UUID(value)
        except ValueError:
            raise _Mismatch(f"{where} is not a UUID") from None
    if dataclasses.is_dataclass(schema):
        return _conform_dataclass(value, schema, where)
    raise TypeError(f"signed.conform does not know the type {schema!r}")


def _conform_dataclass(value, schema, where: str):
    _expect(isinstance(value, dict), where, "an object")
    hints = get_type_hints(schema, include_extras=True)
    fields = {f.name: f for f in dataclasses.fields(schema) if f.init}
    unknown = set(value) - set(fields)
    _expect(not unknown, where, f"without the fields {sorted(map(str, unknown))}")
    kwargs = {}
    for name, field in fields.items():
        if name in value:
            kwargs[name] = conform(value[name], hints[name], f"{where}.{name}")
        else:
            has_default = field.default is not dataclasses.MISSING
            has_factory = field.default_factory is not dataclasses.MISSING
            _expect(has_default or has_factory, where, f"complete (no {name})")
    return schema(**kwargs)


def _expect(condition: bool, where: str, what: str) -> None:
    if not condition:
        raise _Mismatch(f"{where} is not {what}")
