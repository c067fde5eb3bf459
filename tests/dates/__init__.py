"""Tests of the dates stage."""
