"""catalog layer of aiplanner (see DESIGN.md)."""
