"""Queue items whose reason is the sentence their author read get moderators' words, as
members' and moderators' words are kept apart from now on. The audit trail is never
rewritten: its earlier lines are read in moderators' words where they are shown
(moderation/templatetags/moderation_log.py, EARLIER_REASONS)."""

from django.db import migrations, models

# As the sentences stood when this migration was written.
MODERATORS_WORDS = {
    "Welcome! A moderator checks new members' first posts before others see them. It usually "
    "doesn't take long.": "Held: new member's first post",
    "Moderators are not online right now, so this waits for one to read it before others see "
    "it. Please use the help lines shown: they are there for you now.":
        "Held: crisis words while no moderator on duty",
    "Phone numbers and email addresses wait for a moderator before others see them: sharing "
    "them here can put your safety at risk.": "Held: phone number or email address",
    "Thank you. A moderator will look at this soon before other members can see it.":
        "Held: watched words",
    "New threads here are checked by a moderator before members see them.":
        "Held: new threads in this category wait for approval",
    "Your new words wait for a moderator, as a moderator hid the old ones.":
        "Held: new words for a profile a moderator hid",
}


def reword(apps, schema_editor):
    QueueItem = apps.get_model("moderation", "QueueItem")
    for told, why in MODERATORS_WORDS.items():
        QueueItem.objects.filter(reason=told).update(reason=why)


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0013_duty_choice'),
    ]

    operations = [
        migrations.AlterField(
            model_name='moderationaction',
            name='reason',
            field=models.CharField(blank=True, help_text="Why, in moderators' words; what a member was told is kept with the content.", max_length=500),
        ),
        migrations.AlterField(
            model_name='moderationaction',
            name='verb',
            field=models.CharField(choices=[('flag', 'Flagged'), ('approve', 'Approved'), ('dismiss', 'Dismissed reports'), ('hide', 'Hid'), ('restore', 'Restored'), ('edit', 'Edited'), ('clear', 'Cleared'), ('lock', 'Locked'), ('unlock', 'Unlocked'), ('move', 'Moved'), ('pin', 'Pinned'), ('unpin', 'Unpinned'), ('claim', 'Claimed'), ('hand_over', 'Handed over'), ('escalate', 'Escalated'), ('warn', 'Warned'), ('mute', 'Muted'), ('suspend', 'Suspended'), ('ban', 'Banned'), ('lift', 'Lifted a sanction'), ('note', 'Added a note'), ('room', 'Changed a room'), ('category', 'Changed a category'), ('rule', 'Added a screening rule'), ('example', 'Added an evaluation example'), ('set_aside', 'Set aside a miss'), ('conversation_open', 'Opened a private conversation'), ('conversation_write', 'Wrote in a private conversation'), ('conversation_end', 'Ended a private conversation'), ('duty_on', 'Went on duty'), ('duty_off', 'Went off duty')], max_length=20),
        ),
        migrations.AlterField(
            model_name='queueitem',
            name='reason',
            field=models.CharField(help_text="The latest reason, in moderators' words, for the queue list.", max_length=300),
        ),
        # Back again, the moderators' words are as good as the members' were.
        migrations.RunPython(reword, migrations.RunPython.noop),
    ]
