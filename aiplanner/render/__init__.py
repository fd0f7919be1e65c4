"""render layer of aiplanner (see DESIGN.md)."""
