"""Tests of aiplanner.checks.rules."""
