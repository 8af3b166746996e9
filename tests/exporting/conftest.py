"""The per-school export tests use the session-wide `district_db` of tests/conftest.py."""
