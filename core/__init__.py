"""The bottom floor: the infrastructure every app may use (README, "Layout").

Nothing here imports a feature app or the site (valita/); core/tests/test_layers.py checks
it. What an app must tell the infrastructure, it says through its own models (a flag such
as `page_cache_exempt`) or a registry the app fills from its own modules (personal_data.py).
"""
