"""Reading and writing: the converter and agreement files (TOML and JSON)."""

from dua.io._converter import converter, problems_from, structure, unstructure
from dua.io.files import (
    SCHEMA_VERSION,
    Format,
    agreement_from_data,
    agreement_to_data,
    dump_agreement,
    dumps_agreement,
    format_for,
    load_agreement,
    loads_agreement,
)

__all__ = [
    "SCHEMA_VERSION",
    "Format",
    "agreement_from_data",
    "agreement_to_data",
    "converter",
    "dump_agreement",
    "dumps_agreement",
    "format_for",
    "load_agreement",
    "loads_agreement",
    "problems_from",
    "structure",
    "unstructure",
]
