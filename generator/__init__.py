"""Warta: YAML event records of a humas office -> Indonesian news and a transparency site."""
