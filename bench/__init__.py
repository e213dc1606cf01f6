"""Measurements that are not tests: parser scores against fixture pairs, timings."""
