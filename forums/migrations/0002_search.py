"""Full-text search on PostgreSQL: a stored, GIN-indexed tsvector on post bodies and thread titles.

The models do not declare the column: forums.search reads it through raw
SQL, and other databases fall back to a plain match.
"""

from django.db import migrations

# (table, the text column the vector is made from)
SEARCHED = [("forums_post", "body"), ("forums_thread", "title")]


def add_search_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, source in SEARCHED:
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('english', coalesce({source}, ''))) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX {table}_search_vector ON {table} USING gin (search_vector)"
        )


def drop_search_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, _ in SEARCHED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_vector")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("forums", "0001_forums")]

    operations = [migrations.RunPython(add_search_vectors, drop_search_vectors)]
