#!/usr/bin/env python3
"""Regenerate every file in bench/heldout17/docs/ from the source texts in bench/heldout17/src/, with the
generator the held-out sets 7 to 12 share (bench/heldout_make.py: the markup of src/ is in its docstring).

    /work/main/.venv/bin/python bench/heldout17/make.py          # build all documents
    /work/main/.venv/bin/python bench/heldout17/make.py 004 007  # build only these
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import heldout_make  # noqa: E402

if __name__ == "__main__":
    heldout_make.run(Path(__file__).resolve().parent, sys.argv[1:])
