"""Tests of aiplanner.render.report."""
