"""factory_boy factories for the models tests need."""

import factory

from community.models import User

PASSWORD = "a-long-test-passphrase"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The manager makes the Member profile beside the account.
        return model_class.objects.create_user(*args, password=PASSWORD, **kwargs)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.Category"

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


def on_duty_moderator():
    """A moderator who counts as on duty, so urgent words are published as in staffed hours."""
    from django.contrib.auth.models import Group

    from community import roles
    from community.services import role_grant

    Group.objects.get_or_create(name=roles.MODERATORS)  # gone after a transactional flush
    user = UserFactory(username="on-duty")
    role_grant(user=user, role=roles.MODERATORS)
    return user


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "localgroups.Organisation"

    name = factory.Sequence(lambda n: f"Organisation {n}")


class PeerGroupFactory(factory.django.DjangoModelFactory):
    """An in-person group in Leeds; pass `topics=[...]` to tag it."""

    class Meta:
        model = "localgroups.PeerGroup"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Group {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    summary = "A friendly group."
    format = "in-person"
    nation = "england"
    region = "yorkshire-and-the-humber"
    town = "Leeds"
    postcode_district = "LS6"
    meets = "Tuesdays, 6pm"
    how_to_join = "Just turn up."

    @factory.post_generation
    def topics(group, create, extracted, **kwargs):
        from localgroups.models import GroupTopic

        for topic in extracted or []:
            GroupTopic.objects.create(group=group, topic=topic)
def trained(user, *, course="Peer support foundations", completed_days_ago=30,
            runs_out_in_days: int | None = 365, kind="volunteer"):
    """Record current training for a peer supporter, as an administrator would, and bring
    their badge in line. Returns the TrainingRecord."""
    from datetime import timedelta

    from django.utils import timezone

    from community.services import roles_sync
    from mentoring.models import PeerSupporter, TrainingRecord

    today = timezone.localdate()
    supporter = PeerSupporter.objects.get_or_create(user=user, defaults={"kind": kind})[0]
    record = TrainingRecord.objects.create(
        supporter=supporter, course=course,
        completed_on=today - timedelta(days=completed_days_ago),
        expires_on=None if runs_out_in_days is None else today + timedelta(days=runs_out_in_days))
    roles_sync(user=user)
    return record
