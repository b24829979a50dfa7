"""Test helpers: loopback servers and fixture loading."""
