"""Tests of aiplanner.ui.workshop."""
