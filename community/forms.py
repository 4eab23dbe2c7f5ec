"""Forms for joining, a member's own profile, their content-warning and email settings."""

from allauth.account import forms as allauth_forms
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.db import transaction

from community.leaving import ContentChoice
from community.models import ContentWarning, EmailChoices, Member, Nation, WarningChoice
from community.services import member_create
from community.validators import PSEUDONYM_RULE, reject_control_characters

NATION_CHOICES = [("", "I'd rather not say"), *Nation.choices]


class SignupForm(AllauthSignupForm):
    nation = forms.ChoiceField(
        label="Where in the UK are you? (optional)",
        choices=NATION_CHOICES,
        required=False,
        help_text="We use this only to show help lines that serve where you live.",
    )
    accept_guidelines = forms.BooleanField(
        label="I have read the community guidelines and I agree to follow them",
        error_messages={
            "required": "To join, please read the community guidelines and tick the box "
            "to say you agree."
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.order_fields(
            ["username", "email", "password1", "password2", "nation", "accept_guidelines"]
        )
        username = self.fields["username"]
        username.label = "Pseudonym (a made-up name)"
        shortest, longest = username.min_length, username.max_length
        username.help_text = (
            f"Other members see this name. Use {shortest} to {longest} {PSEUDONYM_RULE}, "
            "with no spaces (for example Quiet_River). Do not use your real name, email or "
            "phone number."
        )
        username.error_messages.update({
            "required": "Please choose a pseudonym.",
            "min_length": f"Please use at least {shortest} characters.",
            "max_length": f"Please use no more than {longest} characters.",
        })
        username.widget.attrs.pop("placeholder", None)
        self.fields["email"].help_text = "Never shown to other members."
        for name, missing in [("email", "Please type your email address."),
                              ("password1", "Please choose a password."),
                              ("password2", "Please type the password again.")]:
            self.fields[name].error_messages["required"] = missing
        self.fields["email"].widget.attrs.pop("placeholder", None)
        for name in ("password1", "password2"):
            self.fields[name].widget.attrs.pop("placeholder", None)

    def save(self, request):
        with transaction.atomic():
            return super().save(request)

    def custom_signup(self, request, user):
        member_create(
            user=user,
            nation=self.cleaned_data.get("nation", ""),
            guidelines_accepted=True,
        )


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Pseudonym or email"
        # The page itself has the one "Forgotten your password?" link.
        self.fields["password"].help_text = ""
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me logged in on this device"
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class PlainWords:
    """allauth's password and email forms with labels in plain words: no placeholders,
    and no "Forgot your password?" hint, as each page has its own one link."""

    labels: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.label = self.labels.get(name, field.label)
            field.widget.attrs.pop("placeholder", None)
            if name in ("oldpassword", "password") and "reset" in str(field.help_text):
                field.help_text = ""


NEW_PASSWORD = {"password1": "New password", "password2": "Type the new password again"}


class ChangePasswordForm(PlainWords, allauth_forms.ChangePasswordForm):
    labels = {"oldpassword": "Your current password", **NEW_PASSWORD}


class SetPasswordForm(PlainWords, allauth_forms.SetPasswordForm):
    labels = {"password1": "Password", "password2": "Type the password again"}


class ResetPasswordForm(PlainWords, allauth_forms.ResetPasswordForm):
    labels = {"email": "Email address"}


class ResetPasswordKeyForm(PlainWords, allauth_forms.ResetPasswordKeyForm):
    labels = NEW_PASSWORD


class AddEmailForm(PlainWords, allauth_forms.AddEmailForm):
    labels = {"email": "Email address"}


class ReauthenticateForm(PlainWords, allauth_forms.ReauthenticateForm):
    labels = {"password": "Your password"}


class MemberForm(forms.ModelForm):
    class Meta:
        model = Member
        fields = ["pronouns", "bio", "nation"]
        labels = {"pronouns": "Pronouns (optional)", "bio": "About me (optional)"}
        help_texts = {
            "pronouns": "For example: she/her, they/them.",
            "bio": "A few words other members can read. Plain text, up to 1,000 characters. "
            "Please keep out anything that could identify you.",
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["nation"].choices = NATION_CHOICES
        for name in ("pronouns", "bio"):
            self.fields[name].validators.append(reject_control_characters)

    def clean_pronouns(self):
        pronouns = self.cleaned_data["pronouns"]
        if "\n" in pronouns or "\r" in pronouns:
            raise forms.ValidationError("Pronouns fit on one line.")
        return pronouns


class WarningPreferencesForm(forms.Form):
    """Show, collapse or hide, for each content-warning category on offer."""

    prefix = "warning"

    def __init__(self, *args, categories: dict[str, ContentWarning], choices: dict[str, str],
                 **kwargs):
        super().__init__(*args, **kwargs)
        for slug, warning in categories.items():
            self.fields[slug] = forms.ChoiceField(
                label=warning.name,
                help_text=warning.description,
                choices=WarningChoice.choices,
                initial=choices.get(slug, WarningChoice.COLLAPSE),
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose show, collapse or hide for {warning.name}.",
                    "invalid_choice": f"Choose show, collapse or hide for {warning.name}.",
                },
            )

    def clean(self):
        # A category the page did not offer: tampered with, or switched off by an
        # administrator since the page was opened. Save nothing rather than guess.
        offered = {self.add_prefix(name) for name in self.fields}
        prefix = f"{self.prefix}-"
        if any(key.startswith(prefix) and key not in offered for key in self.data):
            raise forms.ValidationError(
                "The list of content warnings has changed since this page was opened. "
                "Please check your choices and save again."
            )
        return super().clean()


class EmailChoicesForm(forms.ModelForm):
    """Which emails the member wants: one box each, saved through email_choices_set."""

    class Meta:
        model = EmailChoices
        fields = ["warnings", "check_ins", "digest"]
        labels = {"warnings": "Warnings and sanctions", "check_ins": "Private check-ins",
                  "digest": "A daily digest of new replies"}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class AccountDeleteForm(forms.Form):
    """Deleting one's account: the password, what happens to one's posts and messages (when
    administrators let members choose), and a tick to say it can't be undone."""

    password = forms.CharField(
        label="Your password", strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="The password you log in with. We ask so nobody else can delete your "
                  "account from a screen you left signed in.",
        error_messages={"required": "Please type your password."})
    content = forms.ChoiceField(
        label="Your forum posts and chat messages", choices=ContentChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose what happens to your posts and messages.",
                        "invalid_choice": "Please choose one of the two."})
    confirm = forms.BooleanField(
        label="I understand that my account will be deleted and this can't be undone",
        error_messages={"required": "Please tick the box to say you understand that this "
                                    "can't be undone."})

    def __init__(self, *args, members_choose: bool = True, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not members_choose:
            del self.fields["content"]
