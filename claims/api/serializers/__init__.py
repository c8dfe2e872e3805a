"""What the API shows and accepts. Every serializer lists its fields; none writes a status.

A claim's status, rating, assignee and version change only through ``claims.workflow``: here
they are read-only everywhere, and ``version`` is only ever sent back as "the version I saw".
"""
