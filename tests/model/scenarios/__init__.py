"""Tests of aiplanner.model.scenarios."""
