"""The only writer: pages, data exports and the built site."""
