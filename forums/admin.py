"""Administrators set up forum categories here, and lock or pin threads; posts are read-only.

Every change goes through forums and moderation services, so it is recorded in the
audit trail and visitors' cached thread pages are rendered afresh.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from community.models import ContentWarning
from forums.models import Category, Post, Thread
from forums.services import category_save, thread_pin
from forums.urls import RESERVED_SLUGS
from moderation.services import content_lock

ADMIN_REASON = "Changed in the admin site."


class CategoryForm(forms.ModelForm):
    """Default warnings as tick boxes of the warnings on offer, stored as the slug list."""

    default_warnings = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Ticked for every new thread here; the writer can still untick them.",
    )

    class Meta:
        model = Category
        fields = ["name", "slug", "description", "order", "who_may_start", "needs_approval",
                  "is_public", "default_warnings"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_warnings"].choices = list(
            ContentWarning.objects.filter(is_active=True).values_list("slug", "name")
        )

    def clean_default_warnings(self):
        """In the administrators' order of warnings, as the thread form will list them."""
        chosen = set(self.cleaned_data["default_warnings"])
        return [slug for slug, _ in self.fields["default_warnings"].choices if slug in chosen]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise ValidationError(
                f"“{slug}” is the address of a forum page (/forums/{slug}/), so a category "
                "cannot use it. Please choose another slug."
            )
        return slug


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = CategoryForm
    list_display = ["name", "slug", "who_may_start", "needs_approval", "is_public", "order",
                    "thread_count", "post_count"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["thread_count", "post_count", "last_post_at"]
    fields = [*CategoryForm.Meta.fields, *readonly_fields]

    def save_model(self, request, obj, form, change):
        category_save(category=obj, by=request.user, changed=form.changed_data if change else ())


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "author", "visibility", "is_locked", "is_pinned",
                    "post_count", "last_post_at"]
    list_filter = ["category", "is_locked", "is_pinned", "visibility"]
    list_select_related = ["category", "author"]
    search_fields = ["title"]
    fields = ["title", "category", "author", "created_at", "visibility", "moderation_reason",
              "content_warnings", "warning_note", "is_locked", "is_pinned", "post_count",
              "last_post_at"]
    # Hiding and approving go through the moderation queue, which records them.
    readonly_fields = [name for name in fields if name not in {"is_locked", "is_pinned"}]
    actions = ["pin", "unpin", "lock", "unlock"]

    def has_add_permission(self, request):
        return False  # threads are started on the site, where screening sees them

    def has_delete_permission(self, request, obj=None):
        return False  # counts and the audit trail follow moderation, not deletion

    def save_model(self, request, obj, form, change):
        # The services write only what they change, from the stored row: counts move with
        # F() updates as members post, and saving the form's copy could write back a count
        # read before a reply.
        stored = Thread.objects.get(pk=obj.pk)
        if obj.is_pinned != stored.is_pinned:
            thread_pin(thread=stored, by=request.user, pinned=obj.is_pinned)
        if obj.is_locked != stored.is_locked:
            content_lock(content=stored, moderator=request.user, locked=obj.is_locked,
                         reason=ADMIN_REASON)

    @admin.action(description="Pin the chosen threads")
    def pin(self, request, queryset):
        self._each(request, queryset.filter(is_pinned=False), "pinned",
                   lambda thread: thread_pin(thread=thread, by=request.user, pinned=True))

    @admin.action(description="Unpin the chosen threads")
    def unpin(self, request, queryset):
        self._each(request, queryset.filter(is_pinned=True), "unpinned",
                   lambda thread: thread_pin(thread=thread, by=request.user, pinned=False))

    @admin.action(description="Lock the chosen threads")
    def lock(self, request, queryset):
        self._each(request, queryset.filter(is_locked=False), "locked",
                   lambda thread: content_lock(content=thread, moderator=request.user,
                                               locked=True, reason=ADMIN_REASON))

    @admin.action(description="Unlock the chosen threads")
    def unlock(self, request, queryset):
        self._each(request, queryset.filter(is_locked=True), "unlocked",
                   lambda thread: content_lock(content=thread, moderator=request.user,
                                               locked=False, reason=ADMIN_REASON))

    def _each(self, request, threads, done: str, act) -> None:
        count = 0
        for thread in threads.select_related("author", "category"):
            act(thread)
            count += 1
        self.message_user(request, f"{count} thread{'' if count == 1 else 's'} {done}.")


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["__str__", "thread", "number", "author", "visibility", "is_deleted",
                    "risk", "created_at"]
    list_filter = ["visibility", "is_deleted", "risk", "thread__category"]
    list_select_related = ["thread", "author"]
    search_fields = ["body", "thread__title", "author__username"]
    fields = ["thread", "number", "author", "created_at", "edited_at", "visibility",
              "moderation_reason", "content_warnings", "warning_note", "risk", "risk_topics",
              "is_deleted", "body"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # members' words change only through editing, with a revision kept

    def has_delete_permission(self, request, obj=None):
        return False
