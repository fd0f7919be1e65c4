"""Tests of aiplanner.ui.gantt."""
