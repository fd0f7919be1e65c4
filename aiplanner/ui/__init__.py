"""ui layer of aiplanner (see DESIGN.md)."""
