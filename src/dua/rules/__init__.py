"""Rules as code: pure functions of model objects and an explicit date.

Each rule cites its legal source and applies the version of the law in force on the date
asked about. No rule reads the clock.
"""
