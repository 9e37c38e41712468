"""The web app's routers, one per area: the JSON API's reads, writes (analyse, ingest) and the pages."""
