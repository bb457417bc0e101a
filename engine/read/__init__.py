"""Stage 1, read: files, directories, standard input and documents handed over in memory, as documents.

:mod:`.documents` parses files and text into :class:`Document` values that remember their source, with every
unreadable input a :class:`ReadProblem` value; :mod:`.memory` takes mappings, :class:`Document` objects and
texts beside paths; :mod:`.formats` owns the syntax (duplicate keys, YAML scalars); :mod:`.positions` finds
the line and column of any value, lazily; :mod:`.limits` bounds what is read (size, aliases, depth, numbers).
"""

from ..report import is_file_name
from .documents import (
    MEMORY,
    STDIN,
    Document,
    ReadProblem,
    Source,
    iter_documents,
    iter_files,
    load_documents,
    parse_documents,
    parse_text,
    read_stdin,
    read_text,
)
from .limits import DEFAULT_LIMITS, ReadLimits
from .memory import Input, as_inputs, iter_inputs, json_value

__all__ = [
    "DEFAULT_LIMITS",
    "MEMORY",
    "STDIN",
    "Document",
    "Input",
    "ReadLimits",
    "ReadProblem",
    "Source",
    "as_inputs",
    "is_file_name",
    "iter_documents",
    "iter_files",
    "iter_inputs",
    "json_value",
    "load_documents",
    "parse_documents",
    "parse_text",
    "read_stdin",
    "read_text",
]
