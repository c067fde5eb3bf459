"""Helpers of the actor knowledge-base build (``scripts/build_kb.py``); not shipped."""
