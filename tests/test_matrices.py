"""The engine defers numpy modules that scipy.sparse imports but never uses (summarizer/matrices.py):
a program that uses them after importing the engine must not notice."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO

PROGRAM = """
import summarizer.matrices  # first: before anything else imports numpy's submodules
import numpy
from numpy.ma import masked_array
from numpy.polynomial import Polynomial
numpy.testing.assert_array_equal(numpy.arange(3), [0, 1, 2])
assert numpy.random.default_rng(7).integers(10, size=3).shape == (3,)
assert masked_array([1, 2], mask=[0, 1]).sum() == 1
assert Polynomial([1, 2])(2) == 5
import numpy.f2py
assert callable(numpy.f2py.run_main)
print("ok")
"""


def test_numpy_modules_deferred_by_the_engine_work_when_a_program_uses_them():
    done = subprocess.run([sys.executable, "-c", PROGRAM], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
