"""Sample plans shipped with aiplanner (the window opens ``coe-rollout.aiplan`` by default)."""
