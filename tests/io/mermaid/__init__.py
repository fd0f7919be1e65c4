"""Tests of aiplanner.io.mermaid."""
