"""kronika's web UI and JSON API (``kronika serve``): see :func:`kronika.web.app.create_app`."""
