"""Tests of aiplanner.checks.compare."""
