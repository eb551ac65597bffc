"""Tables for answers (filled in by that capability)."""
