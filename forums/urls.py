"""Forum URLs: /forums/, /forums/<category>/, /forums/<category>/<thread-id>/ and post actions."""

from django.urls import path

from forums.views import reading, responses, writing

app_name = "forums"
urlpatterns = [
    path("", reading.index, name="index"),
    path("search/", reading.search, name="search"),
    path("posts/<int:pk>/", reading.post_redirect, name="post"),
    path("posts/<int:pk>/edit/", writing.post_edit, name="post_edit"),
    path("posts/<int:pk>/delete/", writing.post_delete, name="post_delete"),
    path("posts/<int:pk>/support/", writing.support, name="post_support"),
    path("posts/<int:pk>/react/", responses.react, name="post_react"),
    path("posts/<int:pk>/reactions/", responses.reactions, name="post_reactions"),
    path("posts/<int:pk>/report/", responses.report_post, name="post_report"),
    path("posts/<int:pk>/history/", responses.history, name="post_history"),
    path("<slug:category>/", reading.category, name="category"),
    path("<slug:category>/new/", writing.thread_new, name="thread_new"),
    path("<slug:category>/<int:thread_id>/", reading.thread, name="thread"),
    path("<slug:category>/<int:thread_id>/unread/", reading.first_unread, name="thread_unread"),
    path("<slug:category>/<int:thread_id>/reply/", writing.reply, name="thread_reply"),
    path("<slug:category>/<int:thread_id>/title/", writing.thread_title, name="thread_title"),
    path("<slug:category>/<int:thread_id>/follow/", responses.follow, name="thread_follow"),
    path("<slug:category>/<int:thread_id>/report/", responses.report_thread,
         name="thread_report"),
]

# Category slugs that would shadow the paths above.
RESERVED_SLUGS = frozenset({"search", "posts"})
