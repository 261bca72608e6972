"""Reading and writing: the converter and agreement files (TOML and JSON)."""

from typing import TYPE_CHECKING

from dua import _lazy

if TYPE_CHECKING:
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
    from dua.io.followup import followup_from_files, followup_names, load_followup, read_followup
    from dua.io.ical import to_ical, write_ical
    from dua.io.persons import read_key_file, read_persons
    from dua.model._converter import converter, problems_from, structure, unstructure

__all__ = [
    "SCHEMA_VERSION",
    "Format",
    "agreement_from_data",
    "agreement_to_data",
    "converter",
    "dump_agreement",
    "dumps_agreement",
    "followup_from_files",
    "followup_names",
    "format_for",
    "load_agreement",
    "load_followup",
    "loads_agreement",
    "problems_from",
    "read_followup",
    "read_key_file",
    "read_persons",
    "structure",
    "to_ical",
    "unstructure",
    "write_ical",
]

__getattr__, __dir__ = _lazy.attach(
    __name__,
    attributes={
        "dua.io.files": (
            "SCHEMA_VERSION",
            "Format",
            "agreement_from_data",
            "agreement_to_data",
            "dump_agreement",
            "dumps_agreement",
            "format_for",
            "load_agreement",
            "loads_agreement",
        ),
        "dua.io.followup": (
            "followup_from_files",
            "followup_names",
            "load_followup",
            "read_followup",
        ),
        "dua.io.ical": ("to_ical", "write_ical"),
        "dua.io.persons": ("read_key_file", "read_persons"),
        "dua.model._converter": ("converter", "problems_from", "structure", "unstructure"),
    },
)
