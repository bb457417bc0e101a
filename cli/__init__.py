"""ethiq's command line: typer commands over the engine. Only ``app.py`` turns errors into exit codes."""
