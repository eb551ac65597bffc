"""Many workspaces in one deployment: OAuth installs (Bolt's flow, slack_sdk's stores), the token each
workspace's calls use, and pausing a workspace when the app is uninstalled (docs/workspaces.md)."""
