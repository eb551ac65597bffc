"""Information governance: audit export and data retention."""
