"""Metrics: exact shares, gender balance, target-group mapping, consistency checks of
stated statistics and goal attainment, over many records.
"""
