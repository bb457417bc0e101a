"""Where the bundled files live: the directories of the installed packages ``ethiq.policies`` and ``ethiq.fixtures``.

``importlib.resources`` would find them too, but importing it loads tempfile, shutil and the compression modules
(a noticeable part of a cold start) for packages that are always plain directories: ethiq is installed as a
wheel or editable, never run from a zip.
"""

from __future__ import annotations

import importlib
from pathlib import Path


def package_dir(package: str) -> Path:
    """The directory of the installed package ``package`` (``ethiq.policies``, ``ethiq.fixtures``)."""
    module = importlib.import_module(package)
    if module.__file__ is not None:
        return Path(module.__file__).parent
    return Path(next(iter(module.__path__)))
