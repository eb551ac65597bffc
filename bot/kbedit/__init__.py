"""Keeping the knowledge current: the business unit's drafts, four-eyes approval, versions and history."""
