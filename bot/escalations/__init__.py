"""Escalations: professional differences between agencies, raised, routed, timed and recorded."""
