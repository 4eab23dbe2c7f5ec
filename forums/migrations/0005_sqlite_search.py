"""Full-text search on SQLite: an FTS5 table of post bodies, kept in step by triggers.

Each row is one post (rowid = the post's id) with its thread's title beside the
body of the thread's first post, so one MATCH finds every word in either, as
the search has always done. PostgreSQL keeps its tsvector columns (0002).

The table stores its own copy of the text, so a trigger never needs the old
text to take a row out. Django rebuilds a SQLite table (dropping its triggers)
when a later migration alters forums_post or forums_thread in ways SQLite's
ALTER TABLE cannot: such a migration must run this one's SQL again;
tests/forums/test_search.py fails if the index falls behind an edit.
"""

from django.db import migrations

TITLE_OF_FIRST = ("CASE WHEN {post}.number = 1 THEN coalesce((SELECT title FROM forums_thread "
                  "WHERE id = {post}.thread_id), '') ELSE '' END")

CREATE = [
    "CREATE VIRTUAL TABLE forums_search USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO forums_search (rowid, title, body) SELECT p.id, "
    f"{TITLE_OF_FIRST.format(post='p')}, p.body FROM forums_post p",
    "CREATE TRIGGER forums_search_post_insert AFTER INSERT ON forums_post BEGIN "
    "INSERT INTO forums_search (rowid, title, body) VALUES "
    f"(new.id, {TITLE_OF_FIRST.format(post='new')}, new.body); END",
    "CREATE TRIGGER forums_search_post_update AFTER UPDATE OF body, number, thread_id "
    "ON forums_post BEGIN UPDATE forums_search SET body = new.body, "
    f"title = {TITLE_OF_FIRST.format(post='new')} WHERE rowid = new.id; END",
    "CREATE TRIGGER forums_search_post_delete AFTER DELETE ON forums_post BEGIN "
    "DELETE FROM forums_search WHERE rowid = old.id; END",
    "CREATE TRIGGER forums_search_thread_retitle AFTER UPDATE OF title ON forums_thread BEGIN "
    "UPDATE forums_search SET title = new.title WHERE rowid = "
    "(SELECT id FROM forums_post WHERE thread_id = new.id AND number = 1); END",
]
DROP = [
    *(f"DROP TRIGGER IF EXISTS forums_search_{name}"
      for name in ("post_insert", "post_update", "post_delete", "thread_retitle")),
    "DROP TABLE IF EXISTS forums_search",
]


def run_on_sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):
    dependencies = [("forums", "0004_notified_reactions")]

    operations = [migrations.RunPython(run_on_sqlite(CREATE), run_on_sqlite(DROP))]
