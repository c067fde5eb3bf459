"""Tests of the quotes stage."""
