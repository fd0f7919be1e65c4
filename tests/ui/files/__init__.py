"""Tests of aiplanner.ui.files."""
