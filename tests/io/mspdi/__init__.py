"""Tests of aiplanner.io.mspdi."""
