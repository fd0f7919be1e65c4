"""Tests of aiplanner.ui.tasks."""
