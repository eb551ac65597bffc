"""Tables for escalations (filled in by that capability)."""
