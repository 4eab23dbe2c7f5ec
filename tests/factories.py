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
