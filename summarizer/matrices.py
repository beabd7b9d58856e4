"""scipy.sparse, as every module of the engine imports it.

Importing scipy.sparse runs scipy's array-API layer (``scipy._lib.array_api_compat.numpy``), which
copies numpy's whole namespace with ``from numpy import *`` and so imports numpy.testing,
numpy.f2py and numpy.polynomial among others: 50-70 ms of a warm run that uses none of the three (a
known cost of numpy 2 with scipy's vendored array_api_compat). Those three are registered here as
lazy modules (:class:`importlib.util.LazyLoader`): each is loaded in full the first time anything
reads one of its attributes, so a program that uses them sees no change.

Only modules that nothing in a run uses are deferred: before Python 3.12 a lazy module is not safe
to load from two threads at once (one may see it half-loaded), and ranking runs in threads.
"""

from __future__ import annotations

import importlib.util
import sys


UNUSED_BY_SPARSE_MATRICES = ("numpy.testing", "numpy.f2py", "numpy.polynomial")


def _defer(name: str) -> None:
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    # numpy's own lazy __getattr__ imports the submodule and then reads it back from the package.
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)


if "scipy.sparse" not in sys.modules:
    for _name in UNUSED_BY_SPARSE_MATRICES:
        _defer(_name)

from scipy import sparse  # noqa: E402  (after the deferral above, which is its reason to be here)

__all__ = ["sparse"]
