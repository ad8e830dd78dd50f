"""Search panel: the query box, filters, the result list model and its delegate."""
