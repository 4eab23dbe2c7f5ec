"""Pages for private conversations: plain forms, post/redirect/get, refused words kept."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from community import signposting
from community.models import User
from community.roles import is_moderator
from conversations import permissions, selectors, services
from conversations.forms import MessageForm, OpeningForm
from conversations.models import Conversation, PrivateMessage
from moderation.adapters import adapter_for
from moderation.models import QueueItem
from moderation.submission import Refused
from moderation.views.reports import report_page

HELD_MESSAGE = ("Thank you. A moderator will look at your message soon. Until then, only you "
                "and the moderators can see it.")


@login_required
def conversation_list(request):
    return render(request, "conversations/list.html", {
        "page": selectors.conversation_list(request.user, page_number=request.GET.get("page")),
        "sees_every_check_in": is_moderator(request.user),
    })


@login_required
def conversation_detail(request, pk):
    conversation = _visible(request.user, pk)
    form = MessageForm(request.POST if request.method == "POST" else None)
    help_listings = []
    if form.is_valid():
        try:
            written = services.conversation_write(author=request.user,
                                                  conversation=conversation, **form.cleaned_data)
        except Refused as refused:
            refused.add_to(form)
            help_listings = signposting.listings(refused.help)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        else:
            return _after_writing(request, written)
    return render(request, "conversations/detail.html", {
        "conversation": conversation,
        "shown": selectors.conversation_messages(conversation, request.user),
        "form": form, "help_listings": help_listings,
        "help_after": _help_after(request, conversation),
        "can_write": permissions.can_write(request.user, conversation),
        "can_end": permissions.can_end(request.user, conversation),
    }, status=400 if form.errors else 200)


@login_required
def conversation_start(request, username):
    member = get_object_or_404(User, username=username, is_active=True)
    about, item = _prompted_by(request)
    if about is not None and not permissions.can_about(request.user, member, about):
        raise Http404("That post or message is not there.")
    try:
        permissions.check_open(request.user, member)
    except PermissionDenied as denied:
        return render(request, "conversations/not_allowed.html", {"reason": str(denied)},
                      status=403)
    openings = selectors.openings()
    chosen = OpeningForm(request.GET, openings=openings)
    initial = {"text": chosen.cleaned_data["opening"].text} if chosen.is_valid() else {}
    form = MessageForm(request.POST if request.method == "POST" else None, initial=initial)
    help_listings = []
    if form.is_valid():
        try:
            written = services.conversation_open(starter=request.user, member=member,
                                                 about=about, item=item, **form.cleaned_data)
        except Refused as refused:
            refused.add_to(form)
            help_listings = signposting.listings(refused.help)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        else:
            messages.success(request, f"Your message is sent. {member.username} has been told.")
            return _after_writing(request, written)
    return render(request, "conversations/start.html", {
        "member": member, "about": about, "item": item, "form": form,
        "about_kind": adapter_for(about).kind if about is not None else "",
        "openings": OpeningForm(openings=openings, initial=request.GET) if openings else None,
        "help_listings": help_listings,
        "is_check_in": permissions.may_check_in(request.user),
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def conversation_end(request, pk):
    conversation = _visible(request.user, pk)
    try:
        services.conversation_end(by=request.user, conversation=conversation)
    except PermissionDenied as denied:
        messages.error(request, str(denied))
    else:
        messages.success(request, "You have ended this conversation. You can still read it.")
    return redirect(conversation)


@login_required
def message_report(request, pk):
    message = get_object_or_404(PrivateMessage.objects.select_related("conversation", "author"),
                                pk=pk)
    _visible(request.user, message.conversation_id)
    return report_page(request, message,
                       what=f"a private message from {message.author.username}",
                       back_url=message.get_absolute_url())


def _visible(user, pk: int) -> Conversation:
    """Anyone who may not read it is told it is not there: who talks privately is private."""
    conversation = get_object_or_404(
        Conversation.objects.select_related("started_by", "member", "ended_by"), pk=pk)
    if not permissions.can_see(user, conversation):
        raise Http404("No such conversation.")
    return conversation


def _prompted_by(request):
    """The content (?about=post-28) or queue item (?item=12) a conversation starts from."""
    item = about = None
    if reference := request.GET.get("item"):
        if not reference.isdigit():
            raise Http404("No such queue item.")
        item = get_object_or_404(QueueItem, pk=int(reference))
    elif reference := request.GET.get("about"):
        about = selectors.about_lookup(reference)
        if about is None:
            raise Http404("That post or message is not there any more.")
    return about, item


def _after_writing(request, written: services.Written):
    url = written.conversation.get_absolute_url()
    if written.held_because:
        messages.success(request, HELD_MESSAGE)
    if written.help:
        return redirect(f"{url}?help={written.message.pk}#help-beside-heading")
    return redirect(f"{url}#message-{written.message.pk}")


def _help_after(request, conversation: Conversation) -> list:
    """Help lines for the writer's own message whose words suggest risk (?help=<id>)."""
    reference = request.GET.get("help", "")
    if not reference.isdigit():
        return []
    message = conversation.messages.filter(pk=int(reference), author=request.user).first()
    if message is None or message.risk == "none":
        return []
    now = timezone.now()
    return signposting.listings(signposting.resources_for(
        message.risk, message.risk_topics, request.user.member.nation, now), now)
