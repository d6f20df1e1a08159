"""The guide offline: the service worker with its precache list, the web app manifest and
its icons, written into a built site."""
