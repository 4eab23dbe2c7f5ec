"""The database itself refuses to change or remove a moderation action.

ModerationAction.save() and delete() refuse already, but QuerySet.update(),
QuerySet.delete() and raw SQL go straight to the table. The error is an
integrity error on both backends. On SQLite, a migration that rebuilds this
table drops its triggers: tests/moderation/test_audit_append_only.py notices.
"""

from django.db import migrations

MESSAGE = "the moderation audit trail is append-only"

SQL = {
    "postgresql": {
        "create": [
            f"""
            CREATE FUNCTION moderation_audit_append_only() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation';
            END;
            $$
            """,
            """
            CREATE TRIGGER moderation_audit_append_only
            BEFORE UPDATE OR DELETE ON moderation_moderationaction
            FOR EACH ROW EXECUTE FUNCTION moderation_audit_append_only()
            """,
        ],
        "drop": [
            "DROP TRIGGER moderation_audit_append_only ON moderation_moderationaction",
            "DROP FUNCTION moderation_audit_append_only()",
        ],
    },
    "sqlite": {
        "create": [
            f"""
            CREATE TRIGGER moderation_audit_no_{event.lower()}
            BEFORE {event} ON moderation_moderationaction
            BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
            """
            for event in ("UPDATE", "DELETE")
        ],
        "drop": [
            "DROP TRIGGER moderation_audit_no_update",
            "DROP TRIGGER moderation_audit_no_delete",
        ],
    },
}


def run(step):
    def apply(apps, schema_editor):
        # The project runs on these two; on any other, save() and delete() still refuse.
        for statement in SQL.get(schema_editor.connection.vendor, {}).get(step, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0006_alter_dutyhours_closes_alter_dutyhours_opens"),
    ]

    operations = [migrations.RunPython(run("create"), run("drop"))]
