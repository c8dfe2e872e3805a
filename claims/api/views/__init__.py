"""The API's viewsets: releases, claims (with their review actions), notes, evidence, history,
speakers. Each reads through ``select_related``/``prefetch_related`` so a list costs the same
few queries whatever a page holds.
"""
