"""Tests of the places gazetteer."""
