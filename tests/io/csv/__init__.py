"""Tests of aiplanner.io.csv."""
