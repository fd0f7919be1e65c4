"""Tests of aiplanner.render.network."""
