"""The HTTP service (``newscheck serve``, extra ``server``): a REST API and a web page over the
same pipeline (docs/service.md).

- ``app.py``     – ``create_app(Settings)``: the routes, the page at ``/`` and local API docs
- ``inputs.py``  – a request body (JSON or multipart form) → what to check
- ``errors.py``  – one error shape ``{"error": {"code", "message"}}``, body limit, headers
- ``cli.py``     – the ``newscheck serve`` command

This package imports the pipeline; the pipeline never imports it. Importing it does not import
FastAPI: only ``app.py`` does.
"""
