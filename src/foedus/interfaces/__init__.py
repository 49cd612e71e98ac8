"""User-facing interfaces: the CLI, the REST API and the web app. Thin: no business logic."""
