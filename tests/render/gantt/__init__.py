"""Tests of aiplanner.render.gantt."""
